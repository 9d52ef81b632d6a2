#!/usr/bin/env bash
# The office's actions through the CLI alone: ledger, evidence and progress
# from flags, people and units by name, refusals with their exit codes (2 bad
# input, 3 not allowed, 4 conflicts with the state), and a ledger store
# accepted wherever a campaign is.
# usage: cli_actions_test.sh CW EXAMPLES_DIR
set -uo pipefail
cw=$1
example=$2/campaign.textproto
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/cli_lib.sh"
cd "$work"

db=office.db
expect 0 "Created ledger" -- "$cw" ledger $db init --campaign "$example"

# A finding, issued by a member of the supervising office, by name.
expect 0 "item-1 东城管督改〔2025〕1号: issued (已下发), deadline 2025-10-27." -- \
  "$cw" ledger $db issue --unit 市容科 --finding "人民路口占道经营，摊点未清理" \
  --deadline 5wd --source 日常督查 --point 东湖农贸市场 --category 占道经营 --by 许岚 --at 2025-10-20
expect 2 "--point: no inspection point has the id or name '人民路'" -- \
  "$cw" ledger $db issue --unit 市容科 --finding x --deadline 5wd --point 人民路 --by xul --at 2025-10-20
expect 2 "--unit: no unit has the id or name '市容所'" -- \
  "$cw" ledger $db issue --unit 市容所 --finding x --deadline 5wd --by xul --at 2025-10-20
expect 2 "--deadline: 'next week' is neither a date" -- \
  "$cw" ledger $db issue --unit srk --finding x --deadline "next week" --by xul --at 2025-10-20
expect 2 "say who acts: --by PERSON" -- \
  "$cw" ledger $db issue --unit srk --finding x --deadline 5wd --at 2025-10-20
expect 2 "--finding is required" -- \
  "$cw" ledger $db issue --unit srk --deadline 5wd --by xul --at 2025-10-20
expect 2 "--at: " -- \
  "$cw" ledger $db start item-1 --by 陈思齐 --at 2025-10-21T09:00:00
# The unit works on it and submits; the unit may not close its own item.
expect 0 "being rectified (整改中)" -- "$cw" ledger $db start item-1 --by 陈思齐 --at 2025-10-21
expect 0 "submitted for verification (待验收)" -- \
  "$cw" ledger $db submit item-1 --by 陈思齐 --note 已清理 --evidence "清理后1.jpg，清理后2.jpg" --at 2025-10-22
expect 3 "may not verify and close item 'item-1'" -- "$cw" ledger $db verify item-1 --by 陈思齐 --at 2025-10-23
# Sent back with three more working days; resubmitted; verified by the office.
expect 0 "being rectified (整改中), deadline 2025-10-28." -- \
  "$cw" ledger $db reject item-1 --reason 仍有摊点 --deadline 3wd --by 许岚 --at 2025-10-23
expect 0 "submitted for verification" -- "$cw" ledger $db submit item-1 --by chensq --at 2025-10-24
expect 0 "closed (已销号)" -- "$cw" ledger $db verify item-1 --by 吴雅琴 --at 2025-10-27
expect 4 "while it is closed" -- "$cw" ledger $db verify item-1 --by 吴雅琴 --at 2025-10-27
expect 2 "item 'item-9' does not exist" -- "$cw" ledger $db start item-9 --by 陈思齐 --at 2025-10-27
expect 0 'evidence: "清理后2.jpg"' -- "$cw" ledger $db history item-1
expect 0 'at: "2025-10-20T12:00:00+08:00"' -- "$cw" ledger $db history item-1

# An extension asked and granted; a reminder; a second item gets the next id.
expect 0 "item-2 东城管督改〔2025〕2号: issued (已下发), deadline 2025-11-28." -- \
  "$cw" ledger $db issue --unit 环卫科 --finding 背街小巷垃圾堆积 --deadline 2025-11-28 --by xul --at 2025-10-28
expect 0 "item-2" -- "$cw" ledger $db extend item-2 --to 2025-12-12 --reason 冬季施工 --by 林晓东 --at 2025-10-29
expect 4 "already pending" -- "$cw" ledger $db extend item-2 --to 2025-12-19 --reason 又延 --by 林晓东 --at 2025-10-30
expect 0 "deadline 2025-12-12." -- "$cw" ledger $db decide item-2 --approve --by 吴雅琴 --at 2025-10-30
expect 2 "give --approve or --refuse" -- "$cw" ledger $db decide item-2 --by 吴雅琴 --at 2025-10-30
expect 0 "item-2" -- "$cw" ledger $db remind item-2 --by 许岚 --at 2025-12-16
expect 0 "Reminders due" -- "$cw" ledger $db reminders --date 2025-12-16

# Time from the campaign's clock when --at is not given: today's date, +08:00.
expect 0 "item-3" -- "$cw" ledger $db issue --unit 宣传科 --finding 公益广告破损 --deadline 10wd --by xul
today=$(TZ=Asia/Shanghai date +%Y-%m-%d)
expect 0 "found_on: \"$today\"" -- "$cw" ledger $db history item-3
expect 0 '+08:00"' -- "$cw" ledger $db history item-3

# An ambiguous name is refused with the candidates.
sed 's/people { id: "gaop"   name: "高鹏"/people { id: "gaop"   name: "许岚"/' "$example" > twins.textproto
expect 0 "Created ledger" -- "$cw" ledger twins.db init --campaign twins.textproto
expect 2 "--by: person '许岚' is ambiguous: 许岚（综合执法一中队 一中队中队长） [gaop]; 许岚（办公室 督查专员） [xul]; give the id" -- \
  "$cw" ledger twins.db issue --unit srk --finding x --deadline 5wd --by 许岚 --at 2025-10-20
CW_ACTOR=xul expect 0 "item-1" -- \
  "$cw" ledger twins.db issue --unit srk --finding x --deadline 5wd --at 2025-10-20

# Escalation proposed by the office, decided by the leading group.
expect 0 "esc-1" -- "$cw" ledger $db escalate --unit 环卫科 --measure 约谈 --items item-2 \
  --reason 多次催办未整改 --by 吴雅琴 --at 2025-12-17
expect 0 "esc-1" -- "$cw" ledger $db decide esc-1 --approve --by 周明远 --at 2025-12-18

# Evidence: submitted with its file's SHA-256, signed off by the lead leader.
printf 'photo bytes' > 整治前后.jpg
expect 0 "sub-1: submitted for ev-srk-photos (sha256 " -- \
  "$cw" evidence $db submit ev-srk-photos --file 整治前后.jpg --by 陈思齐 --at 2025-10-15
expect 3 "may not sign off 'sub-1' (task 1.1): role policy: only the task's lead leader" -- "$cw" evidence $db sign sub-1 --by 许岚 --at 2025-10-16
expect 0 "sub-1: signed off." -- "$cw" evidence $db sign sub-1 --by 韩立群 --at 2025-10-16
expect 2 "missing.jpg: no such file" -- "$cw" evidence $db submit ev-srk-photos --file missing.jpg --by 陈思齐 --at 2025-10-15
expect 0 "sub-2: submitted" -- \
  "$cw" evidence $db submit ev-hwk-ledger --file 整治前后.jpg --by 林晓东 --at 2025-10-15
expect 0 "sub-2: sent back." -- "$cw" evidence $db reject sub-2 --reason 不是台账 --by hanlq --at 2025-10-16

# Progress: by task, the reporting unit from the person.
expect 0 ": srk reported 12 for target t-1.1 on 2025-10-20." -- \
  "$cw" progress $db report 1.1 --value 12 --date 2025-10-20 --by 陈思齐
expect 2 "--value: '十二' is not a number" -- \
  "$cw" progress $db report 1.1 --value 十二 --date 2025-10-20 --by 陈思齐
expect 2 "no task has the id or name '9.9'" -- \
  "$cw" progress $db report 9.9 --value 1 --date 2025-10-20 --by 陈思齐

# Citizens' words reach documents as text: no HTML in the Markdown notice, no
# formula in the CSV, and a BOM so Excel and WPS read UTF-8.
item=$("$cw" ledger $db issue --unit 市容科 --source 社会监督 --channel hotline \
  --finding '<script>alert(1)</script><img src=x onerror=alert(2)> =HYPERLINK("http://x","看")' \
  --deadline 5wd --by xul --at 2025-11-03 | cut -d' ' -f1)
[[ $item == item-* ]] || fail "issue printed no item id: $item"
expect 0 "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;" -- \
  "$cw" report notice $db --item "$item"
"$cw" report notice $db --item "$item" | grep -q '<script>\|<img' && fail "raw HTML in the Markdown notice"
"$cw" report notice $db --item "$item" --format csv -o csv//out/ > /dev/null || fail "notice as CSV"
csv=$(ls csv/out/*.csv)
head -c 3 "$csv" | od -An -tx1 | grep -q "ef bb bf" || fail "the CSV has no UTF-8 BOM"
grep -q "'<script>" "$csv" && fail "text starting with < was changed"
grep -q "'<script>alert(1)</script><img src=x onerror=alert(2)> =HYPERLINK" "$csv" ||
  grep -q "<script>alert(1)</script><img src=x onerror=alert(2)> =HYPERLINK" "$csv" ||
  fail "the finding's text is missing from the CSV: $(cat "$csv")"
expect 0 "csv/out/整改通知书-$item.csv" -- "$cw" report notice $db --item "$item" --format csv -o csv//out/

# Long work shows progress on a terminal and stays quiet when piped.
"$cw" ledger $db export -o log.bin 2> export.err || fail "export"
[[ ! -s export.err ]] || fail "export wrote to a pipe's stderr: $(cat export.err)"
expect 0 "Created ledger" -- "$cw" ledger copy.db init --campaign "$example"
out=$("$cw" report dossier $db --unit all -o dossiers 2>&1)
grep -q "█" <<<"$out" && fail "a progress bar went to a pipe"
if command -v script > /dev/null; then
  tty_out=$(script -qec "$cw report dossier $db --unit all -o dossiers-tty" /dev/null)
  grep -q "dossiers .*█.* 8/8" <<<"$tty_out" || fail "no progress bar on a terminal: $tty_out"
  tty_out=$(script -qec "$cw ledger copy.db import log.bin" /dev/null)
  grep -q "importing .* of .*%)" <<<"$tty_out" || fail "no import progress on a terminal: $tty_out"
  grep -q "Imported" <<<"$tty_out" || fail "import on a terminal: $tty_out"
fi

# Queries take names too.
expect 0 "综合执法大队  [zfdd]  (with child units)" -- "$cw" query "$example" --unit 综合执法大队 --children
expect 0 "2 deadlines from 2025-04-01 to 2025-04-30" -- "$cw" agenda "$example" --from 2025-04-01 --to 2025-04-30 --person 陈思齐
expect 0 "2025-06  srk: 81.60, rank 4" -- "$cw" explain "$example" --unit 市容科 --period 2025-06
expect 2 "--unit: no unit has the id or name '无此单位'" -- "$cw" status "$example" --date 2025-09-30 --unit 无此单位

# The store wherever a campaign is.
expect 0 "1.2  规范户外广告和门头牌匾" -- "$cw" show $db
expect 0 "No problems." -- "$cw" validate $db
expect 0 "2 deadlines from 2025-04-01 to 2025-04-30" -- "$cw" agenda $db --from 2025-04-01 --to 2025-04-30 --unit srk
expect 0 "1.2     responsible  规范户外广告和门头牌匾  (via zfdd1)" -- "$cw" query $db --unit zfdd --children
expect 0 "单位汇总" -- "$cw" status $db --date 2025-10-31
expect 0 "通报表扬" -- "$cw" rank $db --period 2025-06
expect 0 "Wrote out/in/force.json: campaign version 1." -- "$cw" ledger $db campaign -o out//in/force.json
expect 0 "" -- "$cw" convert $db out/converted.textproto
grep -q 'id: "dhcg-2025"' out/converted.textproto || fail "convert from a store"
expect 0 '"id":"dhcg-2025"' -- cat out/in/force.json

# A stand-in seat filled with a real person: in a file, and in the store.
expect 0 "yangf is now 赵敏; wrote seated/campaign.textproto." -- \
  "$cw" seat "$example" yangf --name 赵敏 --title 联络员 -o seated/campaign.textproto
grep -q 'name: "赵敏"' seated/campaign.textproto || fail "seat: name not written"
expect 0 "campaign version 2 is in force" -- "$cw" seat $db yangf --name 赵敏
expect 0 '"赵敏"' -- "$cw" query $db --person yangf --json

finish cli_actions
