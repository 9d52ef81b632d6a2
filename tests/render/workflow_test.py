"""The office's whole workflow through the cw CLI alone, with no protobuf
written by hand: import a work plan the project did not write for its own
examples, review the reading, seat the people the plan names by post, open
the ledger, issue, remind, submit, reject, resubmit and verify a finding,
report progress, submit and sign evidence, and produce the month's
bulletin, a notice and a unit's dossier as HTML, PDF and DOCX that pass the
GB/T 9704 checks of print_test.py.

usage: workflow_test.py CW PLAN
Exits 77 (skipped, with a message) without Chromium, LibreOffice or
poppler-utils; scripts/setup.sh installs them.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

from example_store import chromium
from print_test import Checker


def main():
    cw, plan = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if chromium() is None or office is None or shutil.which("pdftotext") is None:
        print("SKIPPED: needs chromium, libreoffice and poppler-utils (scripts/setup.sh)")
        return 77
    work = tempfile.mkdtemp(prefix="cw-workflow-")
    checker = Checker()

    def run(*args, expect=0):
        done = subprocess.run([cw, *args], capture_output=True, text=True, cwd=work)
        if done.returncode != expect:
            checker.check(False, f"cw {' '.join(args)} exited {done.returncode}, expected "
                          f"{expect}: {done.stdout[-300:]}{done.stderr[-300:]}")
        return done.stdout + done.stderr

    try:
        # 1. Import and review: the reviewer drops a seat that is no person
        # and adds the office's deputy director the plan names in prose.
        run("import", plan, "--review-file", "review.tsv")
        review = open(os.path.join(work, "review.tsv"), encoding="utf-8").read()
        checker.check("seat/leading-group/member/市场监管所负责人" in review,
                      "the review file lacks the seat to reject")
        review = review.replace("ok\tseat/leading-group/member/市场监管所负责人",
                                "no\tseat/leading-group/member/市场监管所负责人")
        review += "add\tseat/office/deputy_director/费思远\n"
        open(os.path.join(work, "review.tsv"), "w", encoding="utf-8").write(review)
        run("import", plan, "--apply", "review.tsv", "-o", "plan/campaign.textproto")
        checker.check("No problems." in run("validate", "plan/campaign.textproto"),
                      "the reviewed campaign does not validate")

        # 2. Seat the heads the plan names by post only.
        run("seat", "plan/campaign.textproto", "市场规范股负责同志", "--name", "任雪梅",
            "--title", "市场规范股股长", "-o", "plan/seated.textproto")
        run("seat", "plan/seated.textproto", "食品安全股负责同志", "--name", "龚建华",
            "--title", "食品安全股股长", "-o", "plan/seated.textproto")
        seated = run("convert", "plan/seated.textproto", "plan/seated.json")
        seated = open(os.path.join(work, "plan/seated.json"), encoding="utf-8").read()
        checker.check('"name":"任雪梅","unit_id"' in seated.replace(" ", "") and "费思远" in seated,
                      "seated people missing: " + seated[:300])

        # 3. The ledger, and one finding through its whole life.
        run("ledger", "office.db", "init", "--campaign", "plan/seated.textproto")
        issued = run("ledger", "office.db", "issue", "--unit", "市场规范股",
                     "--finding", "城东农贸市场东门占道经营，摊点未清理", "--category", "占道经营",
                     "--deadline", "5wd", "--source", "日常督查", "--by", "费思远",
                     "--at", "2025-09-01T10:00:00+08:00")
        item = issued.split()[0]
        checker.check(item.startswith("item-") and "柳市监督改〔2025〕1号" in issued,
                      "issue: " + issued)
        run("ledger", "office.db", "remind", item, "--by", "费思远", "--at", "2025-09-09")
        run("ledger", "office.db", "start", item, "--by", "任雪梅", "--at", "2025-09-09")
        run("ledger", "office.db", "submit", item, "--by", "任雪梅", "--note", "已清理",
            "--evidence", "东门-清理后.jpg", "--at", "2025-09-10")
        # The unit may not close its own item.
        refused = run("ledger", "office.db", "verify", item, "--by", "任雪梅", "--at",
                      "2025-09-11", expect=3)
        checker.check("may not verify and close" in refused, "self-verification: " + refused)
        run("ledger", "office.db", "reject", item, "--reason", "复查仍有流动摊点",
            "--deadline", "3wd", "--by", "费思远", "--at", "2025-09-11")
        run("ledger", "office.db", "submit", item, "--by", "任雪梅", "--at", "2025-09-15")
        closed = run("ledger", "office.db", "verify", item, "--by", "葛文涛", "--at", "2025-09-16")
        checker.check("closed (已销号)" in closed, "verify: " + closed)
        # A second finding left open, so the bulletin has an overdue item.
        run("ledger", "office.db", "issue", "--unit", "食品安全股", "--finding",
            "学校周边流动摊贩无证经营", "--deadline", "2025-09-19", "--by", "费思远",
            "--at", "2025-09-12")
        history = run("ledger", "office.db", "history", item)
        for kind in ("issue", "remind", "start", "submit", "reject", "verify"):
            checker.check(f"{kind} {{" in history, f"history lacks {kind}: {history}")

        # 4. Progress and evidence.
        run("progress", "office.db", "report", "1", "--value", "2", "--date", "2025-09-15",
            "--by", "任雪梅")
        with open(os.path.join(work, "东门整治前后.jpg"), "wb") as photo:
            photo.write(b"\xff\xd8\xff\xe0 invented photo")
        submitted = run("evidence", "office.db", "submit", "evidence-1-photo", "--file",
                        "东门整治前后.jpg", "--title", "东门整治前后对比", "--by", "任雪梅",
                        "--at", "2025-09-18")
        submission = submitted.split(":")[0]
        run("evidence", "office.db", "sign", submission, "--by", "葛文涛", "--at", "2025-09-19")
        status = run("status", "office.db", "--date", "2025-09-30")
        checker.check("农贸市场提升" in status, "status: " + status)

        # 5. The documents, in every format officials use.
        frame = ["--copy-to", "县创建办", "--note", "联系人：费思远，电话：0700-5550188"]
        documents = {
            "monthly": (["monthly", "office.db", "--month", "2025-09", "--number",
                         "柳市监创通〔2025〕3号", *frame],
                        ["柳川县市场监督管理局", "柳市监创通〔2025〕3号",
                         "关于2025年9月创建工作考核情况的通报", "局机关各股室、各市场监管所：",
                         "食品安全股", "抄送：县创建办。", "印发"]),
            "notice": (["notice", "office.db", "--item", item, "--receipt", *frame],
                       ["整改通知书", "柳市监督改〔2025〕1号", "市场规范股：",
                        "城东农贸市场东门占道经营", "回执", "抄送：县创建办。"]),
            "dossier": (["dossier", "office.db", "--unit", "市场规范股", "--date", "2025-09-30",
                         *frame],
                        ["市场规范股创建工作档案", "农贸市场环境整治", "印发"]),
        }
        for name, (args, expected) in documents.items():
            html = run("report", *args, "--format", "html", "-o", "docs").strip()
            checker.check(html.endswith(".html") and os.path.exists(os.path.join(work, html)),
                          f"{name}: no HTML: {html}")
            pdf = run("report", *args, "--format", "pdf", "-o", "docs").strip()
            if os.path.exists(os.path.join(work, pdf)):
                checker.document(name + " (PDF)", os.path.join(work, pdf), expected,
                                 banji_at_foot=True)
            else:
                checker.check(False, f"{name}: no PDF: {pdf}")
            docx = run("report", *args, "--format", "docx", "-o", "docs").strip()
            converted = os.path.join(work, "converted")
            subprocess.run([office, f"-env:UserInstallation=file://{work}/profile", "--headless",
                            "--convert-to", "pdf", "--outdir", converted,
                            os.path.join(work, docx)], capture_output=True, timeout=180)
            from_docx = os.path.join(converted, os.path.basename(docx)[:-5] + ".pdf")
            checker.check(os.path.exists(from_docx), f"{name}: LibreOffice did not open the DOCX")
            if os.path.exists(from_docx):
                checker.document(name + " (DOCX)", from_docx, expected, banji_at_foot=False)
        return 1 if checker.failures else 0
    finally:
        if os.environ.get("CW_KEEP_WORK"):
            print("kept", work)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
