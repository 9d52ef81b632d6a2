"""ctypes tests: the supervision ledger in a file and in memory."""

import os
import tempfile
import unittest

import chuangwen

EXAMPLE = os.environ["CHUANGWEN_EXAMPLE"]
EVENTS = os.path.join(os.path.dirname(EXAMPLE), "ledger.textproto")


def notice(event_id, item, unit="srk", actor="xul", at="2025-09-25T02:00:00Z", **finding):
    finding.setdefault("id", "f")
    finding.setdefault("category", "占道经营")
    return {"id": event_id, "item_id": item, "actor": actor, "at": at,
            "issue": {"unit_id": unit, "working_days": 5, "findings": [finding]}}


class LedgerTest(unittest.TestCase):
    def setUp(self):
        self.campaign = chuangwen.Campaign.from_file(EXAMPLE)
        self.dir = tempfile.TemporaryDirectory()
        self.path = os.path.join(self.dir.name, "ledger.db")

    def tearDown(self):
        self.campaign.close()
        self.dir.cleanup()

    def test_lifecycle_in_a_file_survives_reopening(self):
        with chuangwen.Ledger.create(self.path, self.campaign) as ledger:
            ledger.append([notice("e1", "srk-1")])
            item = ledger.item("srk-1")
            self.assertEqual(item["state"], "ISSUED")
            self.assertEqual(item["deadline"], "2025-10-09")  # over the National Day days off
            self.assertEqual(item["number"], "东城管督改〔2025〕1号")
            ledger.append([{"id": "e2", "item_id": "srk-1", "actor": "chensq",
                            "at": "2025-09-30T01:00:00Z", "submit": {"evidence": ["a.jpg"]}}])
        with chuangwen.Ledger.open(self.path) as ledger:
            self.assertEqual(ledger.event_count, 2)
            self.assertEqual(ledger.item("srk-1")["state"], "SUBMITTED")
            history = ledger.history("srk-1")
            self.assertEqual([e["id"] for e in history["events"]], ["e1", "e2"])

    def test_two_handles_on_one_file_see_each_other(self):
        with chuangwen.Ledger.create(self.path, self.campaign) as a, \
                chuangwen.Ledger.open(self.path) as b:
            a.append([notice("e1", "srk-1")])
            a.append_progress({"reports": [{"id": "p1", "target_id": "t-1.4", "unit_id": "ghk",
                                            "date": "2025-10-28", "value": 3}]}, today="2025-10-31")
            self.assertEqual(b.event_count, 0)
            b.refresh()
            self.assertEqual(b.event_count, 1)
            # A duplicate id written by the other handle is a conflict, not an I/O error.
            with self.assertRaises(chuangwen.ConflictError):
                b.append_progress({"reports": [{"id": "p1", "target_id": "t-1.4",
                                                "unit_id": "ghk", "date": "2025-10-28",
                                                "value": 4}]}, today="2025-10-31")

    def test_wrong_roles_and_states_raise_and_change_nothing(self):
        with chuangwen.Ledger.in_memory(self.campaign) as ledger:
            ledger.append([notice("e1", "srk-1")])
            with self.assertRaises(chuangwen.PermissionDeniedError) as cm:
                ledger.append([{"id": "v", "item_id": "srk-1", "actor": "chensq",
                                "at": "2025-09-26T01:00:00Z", "verify": {}}])
            self.assertIn("role policy: only 主任 or 副主任 of the office", str(cm.exception))
            self.assertIsInstance(cm.exception, PermissionError)
            with self.assertRaises(chuangwen.ConflictError):
                ledger.append([{"id": "v2", "item_id": "srk-1", "actor": "xul",
                                "at": "2025-09-26T01:00:00Z", "verify": {}}])
            with self.assertRaises(chuangwen.PermissionDeniedError):  # all or nothing
                ledger.append([notice("e3", "hwk-1", unit="hwk"),
                               notice("e4", "hwk-2", unit="hwk", source="PUBLIC_REPORT",
                                      actor="hejh")])
            self.assertEqual(ledger.event_count, 1)
            with self.assertRaises(chuangwen.NotFoundError):
                ledger.item("hwk-1")
            with self.assertRaises(chuangwen.ParseError):
                ledger.append(b"\xff\xfe garbage")

    def test_example_ledger_queries(self):
        with open(EVENTS, encoding="utf-8") as f:
            text = f.read()
        with chuangwen.Ledger.create(self.path, self.campaign) as ledger:
            ledger.append(text)  # A LedgerEventBatch in protobuf text format.
            overdue = ledger.overdue("2025-10-31")
            self.assertEqual(overdue["date"], "2025-10-31")
            self.assertGreater(len(overdue["items"]), 3)
            lates = [i["working_days_late"] for i in overdue["items"]]
            self.assertEqual(lates, sorted(lates, reverse=True))  # oldest deadline first
            stats = ledger.monthly_stats("2025-09")
            self.assertTrue(any(u["unit_id"] == "srk" for u in stats["units"]))
            self.assertTrue(ledger.escalations("2025-10-31")["recommendations"])
            self.assertTrue(ledger.reminders("2025-10-31")["reminders"])
            self.assertTrue(ledger.repeated_problems("2025-10-31")["problems"])
            self.assertEqual(len(ledger.points("2025-10-31")["points"]), 5)
            inputs = ledger.deductions("2025-09")["inputs"]
            self.assertEqual({i["indicator_id"] for i in inputs}, {"M21"})
            open_srk = ledger.outstanding("2025-10-31", unit="srk")["items"]
            self.assertTrue(all(i["unit_id"] == "srk" for i in open_srk))
            log = ledger.export()
        copy_path = os.path.join(self.dir.name, "copy.db")
        with chuangwen.Ledger.create(copy_path, self.campaign) as copy:
            copy.import_log(log)
            self.assertEqual(copy.overdue("2025-10-31"), overdue)
            with self.assertRaises(chuangwen.ConflictError):
                copy.import_log(log)

    def test_foreign_file_and_existing_path(self):
        bogus = os.path.join(self.dir.name, "bogus.db")
        with open(bogus, "wb") as f:
            f.write("这不是台账文件".encode("utf-8") * 100)
        with self.assertRaises(chuangwen.ParseError) as cm:
            chuangwen.Ledger.open(bogus)
        self.assertIn("not a chuangwen ledger", str(cm.exception))
        with self.assertRaises(chuangwen.NotFoundError):
            chuangwen.Ledger.open(os.path.join(self.dir.name, "missing.db"))
        with self.assertRaises(chuangwen.ConflictError):
            chuangwen.Ledger.create(bogus, self.campaign)


if __name__ == "__main__":
    unittest.main()
