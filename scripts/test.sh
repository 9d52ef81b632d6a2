#!/usr/bin/env bash
# The whole test suite: set up, build and run every test (GoogleTest, the
# plain-C tests, the Python and Java tests, the CLI and packaging checks),
# make the Debian packages and use them from the system, then
# build and run it again under AddressSanitizer and UBSan, failing on any report,
# run the tests that use threads under ThreadSanitizer (scripts/tsan.sh),
# then run the fuzz targets for a short while (scripts/fuzz.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc)

"$root/scripts/setup.sh"

echo "== build (RelWithDebInfo) =="
# Options set explicitly: build/ may have been configured by run-example.sh
# with the tests off.
"$root/scripts/build.sh" "$root/build" -DCW_BUILD_TESTS=ON -DCW_BUILD_BENCH=ON
echo "== tests =="
ctest --test-dir "$root/build" --output-on-failure --no-tests=error -j"$jobs"

echo "== Debian packages: made, installed, used by C, C++, Python, Java and the CLI =="
"$root/scripts/check-packages.sh" "$root/build"

echo "== build (AddressSanitizer + UndefinedBehaviorSanitizer) =="
"$root/scripts/build.sh" "$root/build-asan" -DCW_SANITIZE=ON -DCW_BUILD_TESTS=ON \
  -DCW_BUILD_BENCH=OFF
echo "== tests under sanitizers =="
ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir "$root/build-asan" --output-on-failure --no-tests=error -j"$jobs"

echo "== tests that use threads, under ThreadSanitizer =="
"$root/scripts/tsan.sh" "$root/build-tsan"

echo "== fuzzing: campaigns in three formats, plan import (text, .docx, web pages), templates, ledger logs, dates; briefly =="
"$root/scripts/fuzz.sh" 20 "$root/build-fuzz"
