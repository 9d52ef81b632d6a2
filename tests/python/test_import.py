"""ctypes tests: plan import from text and from GB18030 bytes."""

import os
import unittest

import chuangwen

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "import")


class ImportTest(unittest.TestCase):
    def read(self, name):
        with open(os.path.join(FIXTURES, name), encoding="utf-8") as f:
            return f.read()

    def test_import_from_text(self):
        result = chuangwen.import_plan(self.read("levels.txt"), campaign_id="qyl-2024")
        campaign = result["campaign"]
        self.assertEqual(campaign["id"], "qyl-2024")
        self.assertEqual(campaign["documents"][0]["number"], "青园林〔2024〕15号")
        self.assertEqual(len(campaign["tasks"]), 12)
        self.assertEqual(result["skipped"], [])
        self.assertEqual(result["encoding"], "UTF-8")
        # A proposed campaign loads like any other.
        with chuangwen.Campaign.from_dict(campaign) as c:
            self.assertEqual(c.problem_count(), len(result["problems"]["problems"]))

    def test_review_round_trip_and_extra_cues(self):
        text = self.read("levels.txt")
        first = chuangwen.import_plan(text, bare=True)
        items = first["review_items"]
        confidences = [i.get("confidence", 0) for i in items]
        self.assertEqual(confidences, sorted(confidences))
        party = next(i["item"] for i in items if i["item"].startswith("task/"))
        second = chuangwen.import_plan(text, bare=True, review=[
            {"item": party, "action": "REVIEW_REJECT"}])
        self.assertNotIn(party, [i["item"] for i in second["review_items"]])
        with self.assertRaises(chuangwen.InvalidError):
            chuangwen.import_plan(text, review=[{"item": "nonsense", "action": "REVIEW_ACCEPT"}])
        plan = "一、重点任务\n（一）整治农贸市场\n督办单位：县纪委\n"
        cues = {"role_labels": [{"label": "督办单位", "role": "ASSIGNMENT_ROLE_ASSISTING_UNIT"}]}
        found = chuangwen.import_plan(plan, bare=True, extra_cues=cues)["campaign"]
        self.assertEqual(found["assignments"][0]["unit_id"], "县纪委")

    def test_gb18030_bytes_and_unused_lines(self):
        text = self.read("webpage.txt")
        result = chuangwen.import_plan(text.encode("gb18030"))
        self.assertEqual(result["encoding"], "GB18030")
        fates = [s["fate"] for s in result["skipped"]]
        self.assertEqual(fates.count("DUPLICATE"), 3)
        self.assertEqual(fates.count("WEB_CHROME"), 3)

    def test_bad_bytes_and_options(self):
        with self.assertRaises(chuangwen.ParseError):
            chuangwen.import_plan(b"\xff\xff\xff\x80")
        with self.assertRaises(chuangwen.InvalidError):
            chuangwen.import_plan("一、任务", encoding="latin-1")


if __name__ == "__main__":
    unittest.main()


class CascadeTest(unittest.TestCase):
    def read(self, name):
        path = os.path.join(os.path.dirname(__file__), "..", "data", "cascade", name)
        with open(path, encoding="utf-8") as f:
            return f.read()

    def test_link_a_bureau_plan_to_the_city_plan_it_cites(self):
        city = chuangwen.import_plan(self.read("city.txt"))["campaign"]
        bureau = chuangwen.import_plan(self.read("bureau.txt"))["campaign"]
        result = chuangwen.link_plans(bureau, city)
        links = {l["task_id"]: l["implements_task_id"] for l in result["links"]}
        self.assertEqual(links, {"1": "parent-1/1", "2": "parent-1/2"})
        self.assertEqual(result["unlinked_task_ids"], ["3"])
        with chuangwen.Campaign.from_dict(result["campaign"]) as c:
            self.assertEqual(c.problem_count(), 0)
        with self.assertRaises(chuangwen.InvalidError) as cm:
            chuangwen.link_plans(city, bureau)
        self.assertIn("does not cite the parent's 文号 青城管〔2024〕11号", str(cm.exception))
