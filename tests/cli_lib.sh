# Shared by the CLI tests: `expect CODE PATTERN -- command…` runs the command
# and checks its exit code and that PATTERN is in its stdout+stderr; `fail`
# counts a failure; `finish NAME` reports and sets the exit status.
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

expect() {
  local code=$1 pattern=$2; shift 3
  local out rc
  out=$("$@" 2>&1); rc=$?
  [[ $rc -eq $code ]] || fail "$* exited $rc, expected $code: $(head -c 300 <<<"$out")"
  grep -qF -- "$pattern" <<<"$out" || fail "$* output lacks '$pattern': $(head -c 300 <<<"$out")"
}

finish() {
  [[ $failures -eq 0 ]] || { echo "$1: $failures failed"; exit 1; }
  echo "$1: all passed"
}
