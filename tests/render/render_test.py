"""Renders each HTML document of the example campaign in headless Chromium:
the page must have the expected title and must not be blank.

usage: render_test.py CW EXAMPLES_DIR
Exits 77 (skipped, with a message) where Chromium cannot run.
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

from example_store import chromium, make_example_store



def png_pixels(path):
    """(width, height, rows of RGB(A) bytes) of an 8-bit PNG."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and color in (2, 6), "unexpected PNG format"
            channels = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def ink(path):
    """Share of pixels that are not (near) white, and of reddish ones."""
    width, height, channels, rows = png_pixels(path)
    dark = red = 0
    for row in rows[::4]:
        for x in range(0, width * channels, channels * 4):
            r, g, b = row[x], row[x + 1], row[x + 2]
            if r + g + b < 600:
                dark += 1
            if r > 150 and g < 90 and b < 90:
                red += 1
    total = len(rows[::4]) * len(range(0, width * channels, channels * 4))
    return dark / total, red / total


def main():
    cw, examples = sys.argv[1], sys.argv[2]
    browser = chromium()
    if browser is None:
        print("SKIPPED: Chromium is not installed (scripts/setup.sh installs Debian's chromium)")
        return 77
    work = tempfile.mkdtemp(prefix="cw-render-")
    try:
        db, run = make_example_store(cw, examples, work)
        docs = {
            "monthly": (["report", "monthly", db, "--month", "2025-09", "--format", "html",
                         "--number", "东城管创通〔2025〕9号", "-o", work], "2025年9月创建工作考核情况通报"),
            "notice": (["report", "notice", db, "--item", "dc-2025-901", "--format", "html",
                        "-o", work], "整改通知书 东城管督改〔2025〕35号"),
            "dossier": (["report", "dossier", db, "--unit", "srk", "--format", "html", "-o", work],
                        "市容科创建工作档案"),
        }
        failures = 0
        for name, (args, title) in docs.items():
            html = run(*args).stdout.strip()
            flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                     "--no-first-run", "--disable-dev-shm-usage",
                     f"--user-data-dir={os.path.join(work, 'profile')}"]
            png = os.path.join(work, name + ".png")
            shot = subprocess.run([browser, *flags, f"--screenshot={png}", "--window-size=900,1300",
                                   "file://" + html], capture_output=True, text=True, timeout=120)
            if not os.path.exists(png):
                print(f"SKIPPED: Chromium could not render here: {shot.stderr.strip()[-300:]}")
                return 77
            dom = subprocess.run([browser, *flags, "--dump-dom", "file://" + html],
                                 capture_output=True, text=True, timeout=120).stdout
            if f"<title>{title}</title>" not in dom:
                print(f"FAIL: {name}: title '{title}' not in the rendered page")
                failures += 1
            dark, red = ink(png)
            print(f"{name}: {os.path.basename(html)} -> {png}: {dark:.1%} ink, {red:.2%} red")
            if dark < 0.01:
                print(f"FAIL: {name}: the page is blank")
                failures += 1
            if red < 0.001:  # The red masthead (or the rank line) must show.
                print(f"FAIL: {name}: no red heading or chart drawn")
                failures += 1
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
