#!/usr/bin/env bash
# Builds the library and its tests with ThreadSanitizer and runs the tests
# that use threads: the ranking on two threads, queries on one campaign and
# the last error from many threads, stores created and written by racing
# threads and processes, and the Python tests (threads on shared handles).
# Any report fails the run.
# usage: scripts/tsan.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build-tsan"}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCW_TSAN=ON \
  -DCW_BUILD_TESTS=ON -DCW_BUILD_BENCH=OFF -DCW_BUILD_TOOLS=OFF \
  -DCW_BUILD_JAVA=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target cw_unit_tests chuangwen
threaded='Thread|Parallel|Concurren|Racing|TwoProcesses|EveryInstructionSet|python_ctypes'
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" \
  ctest --test-dir "$build" --output-on-failure --no-tests=error -j"$(nproc)" \
    -R "$threaded"
