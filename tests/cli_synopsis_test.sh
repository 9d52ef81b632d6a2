#!/usr/bin/env bash
# The README's command synopsis is `cw --help`, and every command and action
# answers --help with its options.
# usage: cli_synopsis_test.sh CW README
set -uo pipefail
cw=$1
readme=$2
source "$(dirname "${BASH_SOURCE[0]}")/cli_lib.sh"

block=$(awk '/^## Command-line tool/ {on=1; next}
             on && /^```$/ && !inside {inside=1; next}
             on && inside && /^```$/ {exit}
             on && inside {print}' "$readme")
help=$("$cw" --help)
if [[ "$block" != "$help" ]]; then
  fail "README's synopsis differs from cw --help; paste the output of cw --help:"
  diff <(echo "$block") <(echo "$help") | head -20
fi

# Every synopsis line names a command whose --help works and shows it.
while read -r line; do
  read -r -a words <<<"$line"
  cmd=${words[1]}
  action=""
  case $cmd in
    ledger|evidence|progress) action=${words[3]} ;;
    report) action=${words[2]} ;;
  esac
  out=$("$cw" "$cmd" $action --help 2>&1); rc=$?
  [[ $rc -eq 0 ]] || fail "cw $cmd $action --help exited $rc"
  grep -qF -- "usage: ${line}" <<<"$out" || grep -qF -- "${line#cw }" <<<"$out" ||
    fail "cw $cmd $action --help does not show '$line': $(head -c 200 <<<"$out")"
done < <(grep -E '^  cw [a-z]' <<<"$help" | sed 's/^  //')

# An option of another action is refused, naming the action.
out=$("$cw" ledger x.db verify item-1 --finding y 2>&1); rc=$?
[[ $rc -eq 2 ]] || fail "a foreign option exited $rc"
grep -qF "option --finding does not apply to \`cw ledger DB verify ITEM" <<<"$out" ||
  fail "a foreign option: $out"
out=$("$cw" ledger --help 2>&1)
grep -qF "cw ledger DB issue --unit UNIT" <<<"$out" || fail "cw ledger --help: $out"

finish cli_synopsis
