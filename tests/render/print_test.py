"""The three documents as officials print them (GB/T 9704): PDF from
headless Chromium, and DOCX opened in LibreOffice and converted to PDF
there. Each must be A4 with the standard margins, carry its page numbers
"— 1 —" on alternating sides, extract its text (title, 文号, 主送, 署名,
版记), repeat table headers, and (PDF) have the 版记 at the foot of the
last page.

usage: print_test.py CW EXAMPLES_DIR
Exits 77 (skipped, with a message) when Chromium, LibreOffice or
poppler-utils is missing; scripts/setup.sh installs all three.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

from example_store import chromium, make_example_store

MM = 72 / 25.4  # PDF points per millimetre.


def words(pdf, page):
    """(text, xMin, yMin, xMax, yMax) of each word on one page. pdftotext
    draws a word's box from its font's bounding box, which for the CJK
    fonts reaches far above and below the glyphs: compare centres."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf, "-"],
                         check=True, capture_output=True, text=True).stdout
    found = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                         r'yMax="([\d.]+)">([^<]*)</word>', out):
        found.append((m.group(5), *map(float, m.group(1, 2, 3, 4))))
    return found


def info(pdf):
    out = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", out).group(1))
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", out)
    return pages, float(size.group(1)), float(size.group(2))


def text(pdf):
    return subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True,
                          capture_output=True, text=True).stdout


class Checker:
    def __init__(self):
        self.failures = 0

    def check(self, ok, what):
        if not ok:
            print("FAIL:", what)
            self.failures += 1

    def document(self, name, pdf, expected, banji_at_foot):
        pages, width, height = info(pdf)
        body = text(pdf)
        flat = re.sub(r"\s+", "", body)
        print(f"{name}: {pages} pages, {width:.0f} x {height:.0f} pt")
        self.check(abs(width - 210 * MM) < 2 and abs(height - 297 * MM) < 2,
                   f"{name}: not A4 ({width} x {height})")
        for phrase in expected:
            self.check(re.sub(r"\s+", "", phrase) in flat, f"{name}: text lacks '{phrase}'")
        # Page numbers: "— n —" on every page, right on odd pages, left on even.
        for page in range(1, pages + 1):
            ws = words(pdf, page)
            mid = lambda w: (w[2] + w[4]) / 2
            number = [w for w in ws if w[0] == str(page) and mid(w) > 262 * MM]
            self.check(number, f"{name}: page {page} has no page number below the 版心")
            if number:
                x = number[0][1]
                if page % 2 == 1:
                    self.check(x > 150 * MM, f"{name}: odd page {page}'s number is not on the right")
                else:
                    self.check(x < 60 * MM, f"{name}: even page {page}'s number is not on the left")
            dashes = [w for w in ws if w[0] in ("—", "—{}—".format(page)) and mid(w) > 262 * MM]
            self.check(dashes or f"—{page}—" in flat, f"{name}: page {page}'s number lacks its dashes")
            # The 版心: text within the margins (28 mm inside, 26 outside, 37 top).
            inner = [w for w in ws if mid(w) < 262 * MM]
            if inner:
                left = min(w[1] for w in inner)
                top = min(mid(w) for w in inner)
                edge = 28 if page % 2 == 1 else 26
                self.check(left > (edge - 1.5) * MM, f"{name}: page {page} text starts "
                           f"{left / MM:.1f} mm from the left, inside the {edge} mm margin")
                self.check(top > 37 * MM, f"{name}: page {page}'s first line is centred "
                           f"{top / MM:.1f} mm from the top, inside the 37 mm margin")
        if banji_at_foot:
            ws = words(pdf, pages)
            printed = [w for w in ws if w[0].endswith("印发")]
            self.check(printed, f"{name}: the last page has no 印发 line")
            if printed:
                bottom = (printed[-1][2] + printed[-1][4]) / 2
                self.check(245 * MM < bottom < 262 * MM,
                           f"{name}: the 版记's last line is {bottom / MM:.0f} mm from the top, "
                           "not at the foot of the last page (the 版心 ends at 262 mm)")
        return body


def main():
    cw, examples = sys.argv[1], sys.argv[2]
    missing = [p for p in ("pdftotext", "pdfinfo") if shutil.which(p) is None]
    browser = chromium()
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if missing or browser is None or office is None:
        print("SKIPPED: needs poppler-utils, chromium and libreoffice (scripts/setup.sh)")
        return 77
    work = tempfile.mkdtemp(prefix="cw-print-")
    try:
        db, run = make_example_store(cw, examples, work)
        frame = ["--copy-to", "区文明办,区委宣传部", "--note", "联系人：许岚，电话：0710-5550123"]
        docs = {
            "monthly": (["monthly", db, "--month", "2025-09", "--number", "东城管创通〔2025〕9号",
                         "--signer", "周明远", "--attachments", "考核细则,评分汇总表", *frame],
                        ["东湖区城市管理局", "东城管创通〔2025〕9号", "签发人：周明远",
                         "关于2025年9月创建工作考核情况的通报", "局属各科室、大队：",
                         "一、考核排名", "附件：1.考核细则", "2025年9月30日",
                         "联系人：许岚", "抄送：区文明办，区委宣传部。", "2025年9月30日印发"]),
            "notice": (["notice", db, "--item", "dc-2025-901", "--receipt", *frame],
                       ["东湖区城市管理局", "东城管督改〔2025〕35号", "整改通知书", "市容科：",
                        "农贸市场周边占道经营反复出现", "回执", "负责人签字", "抄送：区文明办，区委宣传部。"]),
            "dossier": (["dossier", db, "--unit", "市容科", *frame],
                        ["市容科创建工作档案", "一、承担任务", "四、考核得分与排名", "印发"]),
        }
        checker = Checker()
        for name, (args, expected) in docs.items():
            out = run("report", *args, "--format", "pdf", "-o", os.path.join(work, "pdf"))
            pdf = out.stdout.strip()
            body = checker.document(name + " (Chromium PDF)", pdf, expected, banji_at_foot=True)
            if name == "monthly":
                # The ranking table's header row repeats on the next page.
                pages = body.split("\f")
                heads = [p for p in pages if re.search(r"名次\s+单位\s+得分", p)]
                checker.check(len(heads) >= 2 or len(pages) < 3,
                              "monthly: the ranking's header row is not repeated")
            docx = run("report", *args, "--format", "docx", "-o", os.path.join(work, "docx")).stdout.strip()
            converted = os.path.join(work, "converted")
            subprocess.run([office, f"-env:UserInstallation=file://{work}/profile", "--headless",
                            "--convert-to", "pdf", "--outdir", converted, docx],
                           check=True, capture_output=True, timeout=180)
            pdf = os.path.join(converted, os.path.basename(docx)[:-5] + ".pdf")
            checker.check(os.path.exists(pdf), f"{name}: LibreOffice did not convert the DOCX")
            if os.path.exists(pdf):
                checker.document(name + " (DOCX in LibreOffice)", pdf, expected, banji_at_foot=False)
        return 1 if checker.failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
