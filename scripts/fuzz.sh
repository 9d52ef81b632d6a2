#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang, AddressSanitizer and
# UBSan, and runs each for SECONDS (default 20) from its seeds: the corpus in
# tests/fuzz/corpus/TARGET and the project's own files of that kind (the
# importer's fixtures, the shipped templates). A crash fails the run and
# leaves the input in BUILD/crashes/ — make it a regression test
# (tests/fuzz_regression_test.cc). Longer runs by hand: scripts/fuzz.sh 3600.
# usage: scripts/fuzz.sh [SECONDS] [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-20}
build=${2:-"$root/build-fuzz"}
if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz: clang++ is not installed (scripts/setup.sh installs clang)" >&2
  exit 1
fi
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCW_FUZZ=ON -DCW_BUILD_TESTS=OFF -DCW_BUILD_BENCH=OFF -DCW_BUILD_TOOLS=OFF \
  -DCW_BUILD_JAVA=OFF >/dev/null
targets=(plan_text docx html campaign template ledger_import dates)
cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/cw_fuzz_}"
mkdir -p "$build/crashes"
# Seeds besides tests/fuzz/corpus; the .docx seeds are written by a script.
seeds() {
  case $1 in
    plan_text) ls "$root"/tests/import/*.txt "$root"/tests/import/corpus/dev/*.txt ;;
    html) ls "$root"/tests/import/corpus/dev/*.html ;;
    template) ls "$root"/data/templates/*.md "$root"/data/templates/*.html ;;
  esac
  [[ -d "$root/tests/fuzz/corpus/$1" ]] && ls "$root/tests/fuzz/corpus/$1"/* || true
}
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  for f in $(seeds $target); do cp "$f" "$corpus/"; done
  [[ $target == docx ]] && python3 "$root/tests/fuzz/make_docx_seeds.py" "$corpus"
  echo "fuzz: $target for ${seconds}s"
  log="$build/fuzz-$target.log"
  status=0
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build/tests/fuzz/cw_fuzz_$target" -max_total_time="$seconds" -timeout=20 \
      -rss_limit_mb=2560 -max_len=262144 -print_final_stats=1 \
      -artifact_prefix="$build/crashes/$target-" "$corpus" >"$log" 2>&1 || status=$?
  grep -E "^(Done|stat::number_of_executed_units)" "$log" || true
  if [[ $status -ne 0 ]]; then
    tail -n 60 "$log" >&2
    echo "fuzz: $target failed (exit $status); the input is in $build/crashes/" >&2
    exit 1
  fi
done
