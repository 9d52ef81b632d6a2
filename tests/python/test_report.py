"""ctypes tests: evidence and the documents through a ledger file."""

import os
import tempfile
import unittest

import chuangwen

EXAMPLE = os.environ["CHUANGWEN_EXAMPLE"]
EXAMPLES = os.path.dirname(EXAMPLE)


def read(name):
    with open(os.path.join(EXAMPLES, name), encoding="utf-8") as f:
        return f.read()


class ReportTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.campaign = chuangwen.Campaign.from_file(EXAMPLE)
        self.ledger = chuangwen.Ledger.create(os.path.join(self.dir.name, "l.db"), self.campaign)
        self.ledger.append(read("ledger.textproto"))
        self.ledger.append_evidence(read("evidence.textproto"))

    def tearDown(self):
        self.ledger.close()
        self.campaign.close()
        self.dir.cleanup()

    def test_evidence_queries(self):
        report = self.ledger.evidence_completeness("2025-09-30", since="2025-08-01")
        self.assertEqual(report["missing"], 1)
        self.assertEqual(report["late"], 1)
        index = self.ledger.evidence_archive()
        self.assertEqual(index["entries"][0]["task_id"], "1")
        package = self.ledger.evidence_package("M11", "2025-07", months=3)
        self.assertEqual(len(package["items"]), 6)
        with self.assertRaises(chuangwen.PermissionDeniedError):
            self.ledger.append_evidence([{"id": "x", "actor": "xul", "at": "2025-06-11T08:00:00Z",
                                          "sign_off": {"submission_id": "sub-001"}}])

    def test_documents(self):
        doc = self.ledger.report("monthly", "html", month="2025-09", number="东城管创通〔2025〕9号")
        self.assertEqual(doc["title"], "2025年9月创建工作考核情况通报")
        self.assertIn("<svg", doc["content"])
        self.assertEqual(doc["file_name"], "月度通报-2025-09.html")
        notice = self.ledger.report("notice", item="dc-2025-901")
        self.assertIn("于5个工作日内（2025年9月15日前）完成整改", notice["content"])
        csv = self.ledger.report("dossier", "csv", unit="srk")
        self.assertTrue(csv["content"].startswith("\ufeff月份,得分,名次,等次"))
        plain = self.campaign.report("monthly", month="2025-09")
        self.assertIn("（未接入督查台账。）", plain["content"])
        with self.assertRaises(chuangwen.InvalidError):
            self.ledger.report("monthly", month="2025-9")

    def test_official_documents_as_docx(self):
        import io
        import zipfile
        doc = self.ledger.report("notice", "docx", item="dc-2025-901", signer="周明远",
                                 copied_to=["区文明办"], receipt=True,
                                 note="联系人：许岚，电话：0710-5550123")
        self.assertEqual(doc["file_name"], "整改通知书-dc-2025-901.docx")
        self.assertFalse(doc.get("content"))
        package = zipfile.ZipFile(io.BytesIO(doc["binary"]))
        body = package.read("word/document.xml").decode("utf-8")
        for text in ("整改通知书", "签发人：", "周明远", "抄送：区文明办。", "回　执", "联系人：许岚"):
            self.assertIn(text, body)
        self.assertIn('w:pgMar w:top="2098"', body)
        with self.assertRaises(TypeError):
            self.ledger.report("notice", item="dc-2025-901", singer="周明远")

    def test_output_does_not_depend_on_the_host_locale(self):
        import locale
        def everything():
            return (self.ledger.report("monthly", "html", month="2025-09")["content"]
                    + self.ledger.report("dossier", "csv", unit="srk")["content"]
                    + str(self.campaign.rank("2025")))
        in_c = everything()
        locale.setlocale(locale.LC_ALL, "de_DE.UTF-8")
        try:
            self.assertEqual(locale.localeconv()["decimal_point"], ",")
            in_de = everything()
        finally:
            locale.setlocale(locale.LC_ALL, "C")
        self.assertEqual(in_de, in_c)


if __name__ == "__main__":
    unittest.main()
