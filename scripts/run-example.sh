#!/usr/bin/env bash
# The main job: set up, build, and write the example campaign's monthly
# bulletin (月度通报) for September 2025 as HTML and Markdown, from the
# example's ledger and evidence; print where they are.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh" "$root/build" -DCW_BUILD_TESTS=OFF -DCW_BUILD_BENCH=OFF >/dev/null
cw="$root/build/cw"
examples="$root/examples"
out="$root/build/example-reports"
mkdir -p "$out"
db="$out/example-ledger.db"
rm -f "$db" "$db-wal" "$db-shm"
"$cw" ledger "$db" init --campaign "$examples/campaign.textproto" >/dev/null
"$cw" ledger "$db" add "$examples/ledger.textproto" >/dev/null
"$cw" evidence "$db" add "$examples/evidence.textproto" >/dev/null
html=$("$cw" report monthly "$db" --month 2025-09 --number "东城管创通〔2025〕9号" --format html -o "$out")
md=$("$cw" report monthly "$db" --month 2025-09 --number "东城管创通〔2025〕9号" --format md -o "$out")
echo "The example's monthly bulletin for 2025-09 (月度通报):"
echo "  HTML: $html"
echo "  Markdown: $md"
echo "  (from the ledger $db)"
