"""cw.h is the contract: every declared function's comment states ownership
("Ownership:") and the codes it returns ("Errors:"); the shared library
exports exactly the declared functions; the Python and Java bindings declare
every one of them.

usage: capi_header_test.py CW_H LIBCHUANGWEN_SO PYTHON_DIR JAVA_NATIVE_FILE"""

import os
import re
import subprocess
import sys


def declarations(header):
    """(name, comment) for every function declared in the header."""
    text = open(header, encoding="utf-8").read()
    found = []
    # A comment block, then a declaration up to its semicolon.
    pattern = re.compile(
        r"/\*(?P<comment>(?:(?!\*/).)*)\*/\s*\n"
        r"(?P<decl>(?:const\s+)?[a-z_0-9]+\s*\*?\s*(?P<name>cw_[a-z_0-9]+)\s*\([^;]*\);)",
        re.S)
    for m in pattern.finditer(text):
        found.append((m.group("name"), m.group("comment")))
    every = set(re.findall(r"^[a-z_0-9 ]+\*?\s*(cw_[a-z_0-9]+)\s*\(", text, re.M))
    return found, every


def exported(library):
    out = subprocess.run(["nm", "-D", "--defined-only", library], check=True,
                         capture_output=True, text=True).stdout
    return {line.split()[-1].split("@")[0] for line in out.splitlines()
            if line.split()[-1].startswith("cw_")}


def main():
    header, library, python_dir, java_file = sys.argv[1:5]
    failures = []
    commented, declared = declarations(header)
    names = [n for n, _ in commented]
    missing_comment = declared - set(names)
    if missing_comment:
        failures.append(f"declared without a comment right above: {sorted(missing_comment)}")
    for name, comment in commented:
        if "Ownership:" not in comment:
            failures.append(f"{name}: its comment does not state ownership ('Ownership:')")
        if "Errors:" not in comment:
            failures.append(f"{name}: its comment does not list its error codes ('Errors:')")
    exports = exported(library)
    if exports != declared:
        failures.append(f"exported but not declared: {sorted(exports - declared)}; "
                        f"declared but not exported: {sorted(declared - exports)}")
    sys.path.insert(0, python_dir)
    os.environ.setdefault("CHUANGWEN_LIBRARY", library)
    from chuangwen._native import SIGNATURES
    if set(SIGNATURES) != declared:
        failures.append(f"Python binding: missing {sorted(declared - set(SIGNATURES))}, "
                        f"unknown {sorted(set(SIGNATURES) - declared)}")
    java = set(re.findall(r"\b(cw_[a-z_0-9]+)\s*\(", open(java_file, encoding="utf-8").read()))
    if java != declared:
        failures.append(f"Java binding: missing {sorted(declared - java)}, "
                        f"unknown {sorted(java - declared)}")
    for f in failures:
        print("FAIL:", f)
    if failures:
        return 1
    print(f"ok: {len(declared)} functions, each with ownership and error codes, exported and "
          f"bound in Python and Java")
    return 0


if __name__ == "__main__":
    sys.exit(main())
