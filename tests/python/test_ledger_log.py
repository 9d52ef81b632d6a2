"""ctypes tests: two ledgers over one record table kept by the integrator
(a SQLite table standing in for an OA system's database)."""

import json
import os
import sqlite3
import tempfile
import unittest

import chuangwen

EXAMPLE = os.environ["CHUANGWEN_EXAMPLE"]


class Table:
    """The integrator's records: sequence as the primary key."""

    def __init__(self, path):
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("CREATE TABLE IF NOT EXISTS records (seq INTEGER PRIMARY KEY, record TEXT)")

    def after(self, sequence):
        rows = self.db.execute("SELECT record FROM records WHERE seq > ? ORDER BY seq", (sequence,))
        return [json.loads(r[0]) for r in rows]

    def insert(self, records):
        try:
            self.db.execute("BEGIN IMMEDIATE")
            for r in records:
                self.db.execute("INSERT INTO records VALUES (?, ?)",
                                (int(r["sequence"]), json.dumps(r, ensure_ascii=False)))
            self.db.execute("COMMIT")
            return True
        except sqlite3.IntegrityError:
            self.db.execute("ROLLBACK")
            return False


def write(log, table, append):
    """Catch up, prepare, store, fold; again when another server stored first."""
    for _ in range(50):
        log.catch_up(table.after(log.sequence))
        records = log.prepare(append)
        if table.insert(records):
            log.catch_up(records)
            return
    raise AssertionError("no progress")


def issue(item):
    return {"events": {"events": [{
        "id": item + "-1", "item_id": item, "actor": "xul", "at": "2025-10-13T10:00:00+08:00",
        "issue": {"unit_id": "srk", "deadline": "2025-10-20", "findings": [{
            "id": item, "source": "DAILY_SUPERVISION", "category": "占道经营",
            "description": "占道"}]}}]}}


class LedgerLogTest(unittest.TestCase):
    def test_two_servers_on_one_table(self):
        with tempfile.TemporaryDirectory() as d, chuangwen.Campaign.from_file(EXAMPLE) as c:
            table = Table(os.path.join(d, "oa.db"))
            first_log, first = chuangwen.LedgerLog.create(c)
            self.assertEqual(first[0]["sequence"], "1")
            self.assertTrue(table.insert(first))
            a = chuangwen.LedgerLog.open(table.after(0))
            b = chuangwen.LedgerLog.open(table.after(0))
            write(a, table, issue("a-1"))
            # b prepares against its old state: its records lose the sequence.
            stale = b.prepare(issue("b-1"))
            self.assertFalse(table.insert(stale))
            write(b, table, issue("b-1"))
            with self.assertRaises(chuangwen.ConflictError):
                b.prepare(dict(issue("b-2"), expected_sequence="1"))
            a.catch_up(table.after(a.sequence))
            self.assertEqual(a.sequence, 3)
            self.assertEqual(a.outstanding("2025-10-31"), b.outstanding("2025-10-31"))
            self.assertEqual(len(a.outstanding("2025-10-31")["items"]), 2)
            with self.assertRaises(chuangwen.InvalidError):
                a.append([])
            first_log.close()
            a.close()
            b.close()


if __name__ == "__main__":
    unittest.main()
