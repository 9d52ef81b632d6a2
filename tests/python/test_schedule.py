"""ctypes tests: working days, phases, the agenda, iCalendar and status colours."""

import datetime
import os
import unittest

import chuangwen

EXAMPLE = os.environ["CHUANGWEN_EXAMPLE"]


class CalendarTest(unittest.TestCase):
    def test_national_calendar(self):
        self.assertFalse(chuangwen.is_working_day("2024-02-12"))
        self.assertTrue(chuangwen.is_working_day(datetime.date(2024, 2, 18)))  # make-up Sunday
        self.assertEqual(chuangwen.add_working_days("2024-02-08", 2), "2024-02-18")
        self.assertEqual(chuangwen.add_working_days("2024-02-18", -1), "2024-02-09")
        self.assertEqual(chuangwen.count_working_days("2025-01-01", "2025-12-31"), 248)

    def test_outside_loaded_years(self):
        with self.assertRaises(chuangwen.InvalidError) as cm:
            chuangwen.is_working_day("2031-03-03")
        self.assertIn("year 2031", str(cm.exception))
        self.assertTrue(chuangwen.is_working_day("2031-03-03", fallback=True))

    def test_bad_dates(self):
        with self.assertRaises(chuangwen.InvalidError) as cm:
            chuangwen.count_working_days("2017-02-30", "2017-03-01")
        self.assertIn("'2017-02-30'", str(cm.exception))
        with self.assertRaises(chuangwen.InvalidError):
            chuangwen.count_working_days("2025-03-01", "2025-02-01")


class ScheduleTest(unittest.TestCase):
    def setUp(self):
        self.c = chuangwen.Campaign.from_file(EXAMPLE)

    def tearDown(self):
        self.c.close()

    def test_phases_at(self):
        names = [p["name"] for p in self.c.phases_at("2025-08-15")]
        self.assertEqual(names, ["集中整治阶段", "迎接检查验收阶段"])
        self.assertEqual(self.c.phases_at("2026-02-01"), [])

    def test_agenda_for_a_unit(self):
        agenda = self.c.agenda("2025-04-01", "2025-04-30", unit="srk")
        items = [(i["due"], i["nominal"], i["duty_id"]) for i in agenda["items"]]
        self.assertEqual(items, [("2025-04-18", "2025-04-20", "monthly-materials"),
                                 ("2025-04-18", "2025-04-20", "work-plan")])
        self.assertFalse(agenda["used_weekend_fallback"])

    def test_agenda_for_everyone_is_in_date_order(self):
        agenda = self.c.agenda("2025-01-01", "2025-12-31")
        dues = [i["due"] for i in agenda["items"]]
        self.assertEqual(dues, sorted(dues))
        self.assertGreater(len(dues), 100)
        ranking = [i for i in agenda["items"] if i["duty_id"] == "monthly-ranking"]
        self.assertEqual(len(ranking), 8)  # 集中整治: January to August.

    def test_agenda_errors(self):
        with self.assertRaises(chuangwen.InvalidError) as cm:
            self.c.agenda("2025-05-01", "2025-04-01")
        self.assertIn("before from", str(cm.exception))
        with self.assertRaises(chuangwen.NotFoundError):
            self.c.agenda("2025-04-01", "2025-04-30", unit="zhiguan")
        agenda = self.c.agenda("2027-01-01", "2027-01-31", fallback=True)
        self.assertTrue(agenda["used_weekend_fallback"])

    def test_ics(self):
        ics = self.c.agenda_ics("2025-04-01", "2025-04-30", unit="srk",
                                stamp_utc="20250401T000000Z")
        self.assertTrue(ics.startswith("BEGIN:VCALENDAR\r\n"))
        self.assertEqual(ics.count("BEGIN:VEVENT"), 2)
        self.assertIn("DTSTART;VALUE=DATE:20250418", ics)
        self.assertTrue(all(len(line.encode()) <= 75 for line in ics.split("\r\n")))

    def test_status_colours(self):
        items = [
            {"id": "late", "deadline": "2025-03-21"},
            {"id": "soon", "deadline": "2025-03-26"},
            {"id": "later", "deadline": "2025-04-30"},
            {"id": "done", "deadline": "2025-03-21", "done": "2025-03-20"},
        ]
        colours = {s["id"]: s["color"] for s in self.c.status_colors("2025-03-24", items)}
        self.assertEqual(colours, {"late": "RED", "soon": "YELLOW", "later": "GREEN",
                                   "done": "DONE_ON_TIME"})
        share = self.c.status_colors("2025-03-13", [{"id": "x", "start": "2025-03-03",
                                              "deadline": "2025-03-14"}],
                              policy={"kind": "BY_SHARE", "yellow_at_share": 0.8})
        self.assertEqual(share[0]["color"], "YELLOW")

    def test_campaign_calendar_query(self):
        self.assertEqual(self.c.add_working_days("2025-09-30", 1), "2025-10-09")
        self.assertEqual(self.c.count_working_days("2025-10-01", "2025-10-08"), 0)


if __name__ == "__main__":
    unittest.main()
