"""ctypes tests: targets and progress of the example campaign."""

import os
import unittest

import chuangwen

EXAMPLE = os.environ["CHUANGWEN_EXAMPLE"]


class ProgressTest(unittest.TestCase):
    def test_status_of_the_example(self):
        with chuangwen.Campaign.from_file(EXAMPLE) as c:
            status = c.progress_status("2025-09-30")
            first = status["tasks"][0]
            self.assertEqual(first["task_id"], "1.2")
            self.assertEqual(first["status"], "AT_RISK")
            self.assertEqual(first["color"], "RED")
            done = [t for t in status["tasks"] if t["task_id"] == "1.1"][0]
            self.assertEqual(done["status"], "DONE")
            behind = c.progress_status("2025-09-30", behind_only=True)["tasks"]
            self.assertTrue(all(t["status"] in ("BEHIND", "AT_RISK", "OVERDUE") for t in behind))
            ghk = c.progress_status("2025-09-30", unit="ghk")
            self.assertEqual([t["task_id"] for t in ghk["tasks"]], ["1.4"])
            with self.assertRaises(chuangwen.InvalidError):
                c.progress_status("2025-02-30")


    def test_progress_in_a_ledger(self):
        import tempfile
        with tempfile.TemporaryDirectory() as d, chuangwen.Campaign.from_file(EXAMPLE) as c, \
                chuangwen.Ledger.create(os.path.join(d, "l.db"), c) as ledger:
            ledger.append_progress([{"id": "n1", "target_id": "t-1.4", "unit_id": "ghk",
                                     "date": "2025-10-28", "value": 16}], today="2025-10-31")
            status = ledger.progress_status("2025-10-31", unit="ghk")
            self.assertEqual(status["tasks"][0]["targets"][0]["reported"], 16)
            with self.assertRaises(chuangwen.PermissionDeniedError):
                ledger.append_progress([{"id": "n2", "target_id": "t-1.4", "unit_id": "srk",
                                         "date": "2025-10-28", "value": 16}])
            with self.assertRaises(chuangwen.InvalidError):  # In the future.
                ledger.append_progress([{"id": "n3", "target_id": "t-1.4", "unit_id": "ghk",
                                         "date": "2025-11-28", "value": 18}], today="2025-10-31")


if __name__ == "__main__":
    unittest.main()
