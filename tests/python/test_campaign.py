"""ctypes tests: the Python wrapper over the shared library, on the example campaign."""

import json
import os
import threading
import unittest

import chuangwen

EXAMPLE = os.environ["CHUANGWEN_EXAMPLE"]


class CampaignTest(unittest.TestCase):
    def setUp(self):
        self.c = chuangwen.Campaign.from_file(EXAMPLE)

    def tearDown(self):
        self.c.close()

    def test_version(self):
        self.assertRegex(chuangwen.version(), r"^\d+\.\d+\.\d+$")

    def test_valid_example(self):
        self.assertTrue(self.c.valid)
        self.assertEqual(self.c.problems(), [])
        self.assertEqual(self.c.gaps(), [])

    def test_unit_tasks(self):
        answer = self.c.unit_tasks("srk")
        self.assertEqual(answer["party"]["name"], "市容科")
        self.assertEqual([i["task_id"] for i in answer["involvements"]],
                         ["1.1", "1.2", "1.3", "2.1", "3.1"])
        self.assertEqual(answer["involvements"][0]["role"], "ASSIGNMENT_ROLE_RESPONSIBLE_UNIT")
        self.assertEqual(answer["counts"],
                         {"lead_leader": 0, "responsible_unit": 1, "lead_unit": 0,
                          "assisting_unit": 4, "total": 5, "assisting_leader": 0})

    def test_unit_tasks_with_children(self):
        answer = self.c.unit_tasks("zfdd", include_child_units=True)
        via = {i["task_id"]: i["via_unit_id"] for i in answer["involvements"]}
        self.assertEqual(via["1.2"], "zfdd1")
        self.assertEqual(via["2.3"], "")
        self.assertTrue(answer["includes_child_units"])

    def test_person_tasks(self):
        answer = self.c.person_tasks("hanlq")
        self.assertEqual([i["task_id"] for i in answer["involvements"]],
                         ["1.1", "1.2", "1.3", "1.4"])
        self.assertEqual(answer["counts"]["lead_leader"], 4)

    def test_task_parties(self):
        answer = self.c.task_parties("2.2")
        self.assertEqual([(p["party"]["name"], p["role"]) for p in answer["parties"]],
                         [("孙海燕", "ASSIGNMENT_ROLE_LEAD_LEADER"),
                          ("办公室", "ASSIGNMENT_ROLE_RESPONSIBLE_UNIT"),
                          ("宣传科", "ASSIGNMENT_ROLE_ASSISTING_UNIT"),
                          ("综合执法大队", "ASSIGNMENT_ROLE_ASSISTING_UNIT")])
        self.assertEqual(answer["parties"][1]["label"], "责任处室")

    def test_workload(self):
        load = self.c.workload()
        by_id = {u["party"]["id"]: u["counts"] for u in load["units"]}
        self.assertEqual(by_id["bgs"]["total"], 7)
        people = {p["party"]["id"]: p["counts"] for p in load["people"]}
        self.assertEqual(people["sunhy"]["lead_leader"], 6)

    def test_document_chain(self):
        links = self.c.document_chain("3.3")
        self.assertEqual([(l["document"]["number"], l["depth"]) for l in links],
                         [("东城管〔2025〕3号", 0), ("青城管〔2025〕21号", 1), ("青办〔2025〕6号", 2)])

    def test_unknown_ids_raise_with_message(self):
        with self.assertRaises(chuangwen.NotFoundError) as cm:
            self.c.unit_tasks("zhiguan")
        self.assertEqual(str(cm.exception), "unit 'zhiguan' does not exist")
        self.assertEqual(cm.exception.code, -2)
        with self.assertRaises(chuangwen.NotFoundError):
            self.c.person_tasks("nobody")
        with self.assertRaises(chuangwen.NotFoundError):
            self.c.task_parties("9.9")
        with self.assertRaises(chuangwen.NotFoundError):
            self.c.document_chain("9.9")
        with self.assertRaises(ValueError):
            self.c.unit_tasks("a\0b")

    def test_round_trip_through_every_format(self):
        original = self.c.save("binary")
        for fmt in ("binary", "json", "text"):
            data = self.c.save(fmt)
            with chuangwen.Campaign.from_bytes(data, fmt) as again:
                self.assertEqual(again.save("binary"), original)

    def test_broken_campaign_reports_problems(self):
        message = self.c.to_dict()
        for a in message["assignments"]:
            if a["task_id"] == "2.3" and a["unit_id"] == "zfdd":
                a["unit_id"] = "zhiguan"
        message["assignments"].append(
            {"task_id": "1.1", "unit_id": "srk", "role": "ASSIGNMENT_ROLE_ASSISTING_UNIT"})
        with chuangwen.Campaign.from_dict(message) as broken:
            self.assertFalse(broken.valid)
            problems = broken.problems()
            # 2.3 also loses its only responsible unit.
            self.assertEqual([p["code"] for p in problems],
                             ["PROBLEM_CODE_UNKNOWN_REFERENCE",
                              "PROBLEM_CODE_NO_RESPONSIBLE_UNIT",
                              "PROBLEM_CODE_RESPONSIBLE_AND_ASSISTING"])
            self.assertEqual(problems[0]["message"],
                             "task 2.3: lead unit 'zhiguan' does not exist")

    def test_bad_input_raises(self):
        with self.assertRaises(chuangwen.ParseError) as cm:
            chuangwen.Campaign.from_bytes(b"units { id: ", "text")
        self.assertIn("malformed text format", str(cm.exception))
        with self.assertRaises(chuangwen.NotFoundError):
            chuangwen.Campaign.from_file("/nonexistent/campaign.textproto")
        with self.assertRaises(chuangwen.InvalidError):
            chuangwen.Campaign.from_file("campaign.docx")
        with self.assertRaises(ValueError):
            self.c.save("yaml")
        with chuangwen.Campaign.from_bytes(b"", "binary") as empty:
            self.assertEqual(empty.to_dict()["units"], [])

    def test_raw_protobuf_answer(self):
        data = self.c.query_bytes("task_parties", "1.1", fmt="binary")
        self.assertIn("韩立群".encode(), data)
        text = self.c.query_bytes("unit_tasks", "srk", 0, fmt="json")
        self.assertEqual(json.loads(text)["party"]["id"], "srk")

    def test_closed_campaign_raises(self):
        c = chuangwen.Campaign.from_file(EXAMPLE)
        c.close()
        c.close()  # idempotent
        with self.assertRaises(chuangwen.Error):
            c.gaps()

    def test_threads_share_one_campaign(self):
        expected = self.c.unit_tasks("dhcg", True)
        errors = []

        def worker():
            for _ in range(200):
                if self.c.unit_tasks("dhcg", True) != expected:
                    errors.append("mismatch")
                try:
                    self.c.task_parties("missing")
                except chuangwen.NotFoundError as e:
                    if str(e) != "task 'missing' does not exist":
                        errors.append(str(e))

        threads = [threading.Thread(target=worker) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])


if __name__ == "__main__":
    unittest.main()
