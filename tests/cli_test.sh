#!/usr/bin/env bash
# The cw CLI: outputs and exit codes (0 ok, 1 problems, 2 bad usage or input,
# 3 not allowed, 4 conflicts with the state).
# usage: cli_test.sh CW EXAMPLES_DIR
set -uo pipefail
cw=$1
example=$2/campaign.textproto
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/cli_lib.sh"

expect 0 "组长 leader             周明远（局长）" -- "$cw" show "$example"
expect 0 "1.2  规范户外广告和门头牌匾" -- "$cw" show "$example"
expect 0 "Validation: No problems." -- "$cw" show "$example"
expect 0 "孙海燕                         6      6" -- "$cw" show "$example"
expect 0 "No problems." -- "$cw" validate "$example"
expect 0 "1.2     responsible  规范户外广告和门头牌匾  (via zfdd1)" -- "$cw" query "$example" --unit zfdd --children
expect 0 '"task_id":"2.1"' -- "$cw" query "$example" --person zhoumy --json
expect 0 "lead leader  何建华  [hejh]  牵头领导" -- "$cw" query "$example" --task 2.3
expect 0 "    青办〔2025〕6号" -- "$cw" query "$example" --chain 1.1
expect 0 "No gaps." -- "$cw" query "$example" --gaps
expect 0 '"units":' -- "$cw" query "$example" --load --json

# Agenda and working days.
expect 0 "2025-04-18  市容科              报送创建活动文字、影像资料        (原定 2025-04-20)  [rectify]" -- "$cw" agenda "$example" --from 2025-04-01 --to 2025-04-30 --unit srk
expect 0 "2 deadlines from 2025-04-01 to 2025-04-30" -- "$cw" agenda "$example" --from 2025-04-01 --to 2025-04-30 --unit srk
expect 0 '"duty_id":"work-plan"' -- "$cw" agenda "$example" --from 2025-04-01 --to 2025-04-30 --unit srk --json
expect 0 "DTSTART;VALUE=DATE:20250418" -- "$cw" agenda "$example" --from 2025-04-01 --to 2025-04-30 --unit srk --ics
expect 0 "(weekends-only fallback used)" -- "$cw" agenda "$example" --from 2027-01-01 --to 2027-01-31 --fallback
expect 2 "year 2027 is not in the loaded calendar" -- "$cw" agenda "$example" --from 2027-01-01 --to 2027-01-31
expect 2 "agenda: to 2025-03-01 is before from 2025-04-01" -- "$cw" agenda "$example" --from 2025-04-01 --to 2025-03-01
expect 2 "usage: cw agenda" -- "$cw" agenda "$example" --from 2025-04-01
expect 0 "248" -- "$cw" workdays --from 2025-01-01 --to 2025-12-31
expect 0 "18" -- "$cw" workdays --from 2024-02-01 --to 2024-02-29
expect 2 "--from: '2017-02-30': day must be 1..28 in 2017-02" -- "$cw" workdays --from 2017-02-30 --to 2017-03-01
expect 2 "year 2031" -- "$cw" workdays --from 2031-01-01 --to 2031-01-31
expect 0 "23" -- "$cw" workdays --from 2031-01-01 --to 2031-01-31 --fallback
sed 's/rule { monthly { day: 20 } }/rule { monthly { day: 32 } }/' "$example" > "$work/bad-duty.textproto"
expect 1 "schedule.duties[0].rule.monthly.day: duty 'monthly-materials': rule.monthly.day 32 is out of range 1..31" -- "$cw" validate "$work/bad-duty.textproto"
# The problem names its line and column, as a compiler does, for an editor to jump to.
expect 1 "$work/bad-duty.textproto:217:29: schedule.duties[0]" -- "$cw" validate "$work/bad-duty.textproto"
"$cw" convert "$work/bad-duty.textproto" "$work/bad-duty.json" && python3 -m json.tool "$work/bad-duty.json" > "$work/bad-duty-pretty.json"
expect 1 "bad-duty-pretty.json:" -- "$cw" validate "$work/bad-duty-pretty.json"
expect 1 "\"line\":217" -- "$cw" validate "$work/bad-duty.textproto" --json
expect 2 "rule.monthly.day 32" -- "$cw" agenda "$work/bad-duty.textproto" --from 2025-04-01 --to 2025-04-30
sed 's/weekly { weekday: FRIDAY }/weekly { weekday: FRYDAY }/' "$example" > "$work/bad-weekday.textproto"
expect 2 'Unknown enumeration value of "FRYDAY" for field "weekday"' -- "$cw" show "$work/bad-weekday.textproto"

# Rankings and explanations.
expect 0 "通报表扬：办公室、宣传科" -- "$cw" rank "$example" --period 2025-06
expect 0 "一票否决（2025-08）：辖区发生占道经营问题被媒体曝光且未按期整改" -- "$cw" rank "$example" --period 2025-08
expect 0 "一票否决（2025-08）：辖区发生占道经营问题被媒体曝光且未按期整改" -- "$cw" rank "$example" --period 2025
expect 0 "【执法队伍】" -- "$cw" rank "$example" --period 2025 --group
expect 0 '"component_id":"key-work"' -- "$cw" rank "$example" --period 2025-Q3 --json
expect 2 "period '2025-13' is not YYYY-MM, YYYY-Qn or YYYY" -- "$cw" rank "$example" --period 2025-13
expect 2 "component 'nope' does not exist" -- "$cw" rank "$example" --period 2025-06 --component nope
expect 0 "﻿名次,组内名次,单位代码,单位,分组,得分,等次,一票否决,否决原因" -- "$cw" rank "$example" --period 2025-06 --csv   # BOM and Chinese headers for Excel and WPS
expect 0 "behind" -- "$cw" explain "$example" --unit srk --period 2025-06
expect 0 '"above_unit_id"' -- "$cw" explain "$example" --unit srk --period 2025 --json
expect 2 "--unit: no unit has the id or name 'nope'" -- "$cw" explain "$example" --unit nope --period 2025-06

# A broken campaign: validate exits 1 and names the problem and its place.
sed 's/unit_id: "zfdd" role: ASSIGNMENT_ROLE_LEAD_UNIT/unit_id: "zhiguan" role: ASSIGNMENT_ROLE_LEAD_UNIT/' \
  "$example" > "$work/broken.textproto"
expect 1 "task 2.3: lead unit 'zhiguan' does not exist" -- "$cw" validate "$work/broken.textproto"
expect 0 "2 problems:" -- "$cw" show "$work/broken.textproto"
expect 1 "tasks[8]: task 2.3 has no responsible or lead unit" -- "$cw" validate "$work/broken.textproto"
expect 1 '"code":"PROBLEM_CODE_UNKNOWN_REFERENCE"' -- "$cw" validate "$work/broken.textproto" --json

# Bad input: one clear line on stderr, exit 2.
expect 2 "no such file" -- "$cw" show "$work/missing.textproto"
printf 'units { id: ' > "$work/bad.textproto"
expect 2 "malformed text format" -- "$cw" show "$work/bad.textproto"
printf '{"units": [' > "$work/bad.json"
expect 2 "malformed JSON" -- "$cw" validate "$work/bad.json"
cp "$example" "$work/plan.docx"
expect 2 "cannot tell the format" -- "$cw" show "$work/plan.docx"
expect 2 "unknown format 'yaml'" -- "$cw" show "$example" --format yaml
expect 2 "--unit: no unit has the id or name 'nope'" -- "$cw" query "$example" --unit nope
expect 2 "usage: cw query" -- "$cw" query "$example"
expect 2 "unknown option '--bogus'" -- "$cw" show "$example" --bogus
expect 2 "unknown command 'frobnicate'" -- "$cw" frobnicate
out=$("$cw" show "$work/missing.textproto" 2>&1 >/dev/null)
[[ $(wc -l <<<"$out") -eq 1 ]] || fail "error is not one line: $out"

# --format overrides the extension; JSON input works.
"$cw" convert "$example" "$work/campaign.json" || fail "convert to json"
"$cw" convert "$work/campaign.json" "$work/campaign.pb" || fail "convert to binary"
expect 0 "Validation: No problems." -- "$cw" show "$work/campaign.pb"
expect 0 "综合执法一中队" -- "$cw" show "$work/campaign.json"
cp "$work/campaign.json" "$work/campaign.data"
expect 0 "No problems." -- "$cw" validate "$work/campaign.data" --format json
expect 2 "usage: cw convert" -- "$cw" convert "$example"

# The supervision ledger in a SQLite file.
events=$2/ledger.textproto
db=$work/ledger.db
expect 0 "Created ledger $db for campaign dhcg-2025" -- "$cw" ledger "$db" init --campaign "$example"
expect 4 "already exists" -- "$cw" ledger "$db" init --campaign "$example"
expect 0 "Added 188 events; the ledger holds 188 events and 44 items." -- "$cw" ledger "$db" add "$events"
expect 4 "id is already used" -- "$cw" ledger "$db" add "$events"
expect 0 "Overdue at 2025-10-31: 9" -- "$cw" ledger "$db" overdue --date 2025-10-31
expect 0 "dc-2025-008    东城管督改〔2025〕6号      环卫科           2025-08-06  58" -- "$cw" ledger "$db" overdue --date 2025-10-31
expect 0 "红  dc-2025-901    东城管督改〔2025〕35号     市容科           2025-09-15  30" -- "$cw" ledger "$db" overdue --date 2025-10-31
expect 0 '"working_days_late":30' -- "$cw" ledger "$db" overdue --date 2025-10-31 --json
expect 0 "Open items at 2025-10-31: 4" -- "$cw" ledger "$db" list --unit srk --date 2025-10-31
expect 0 "dc-2025-901 东城管督改〔2025〕35号  市容科  已下发  期限 2025-09-15" -- "$cw" ledger "$db" history dc-2025-901
expect 0 'bulletin { number: "东城管督通〔2025〕11号" }' -- "$cw" ledger "$db" history dc-2025-901
expect 0 "2025-09 督查问题统计" -- "$cw" ledger "$db" stats --month 2025-09
expect 0 "红色催办单" -- "$cw" ledger "$db" reminders --date 2025-10-31
expect 0 "组织措施 4 bulletined item(s) not closed" -- "$cw" ledger "$db" escalations --date 2025-10-31
expect 0 "垃圾清运   5 次" -- "$cw" ledger "$db" repeated --date 2025-10-31
expect 0 "东湖农贸市场       问题 5 未销号 4" -- "$cw" ledger "$db" points --date 2025-10-31
expect 2 "month '2025-9' is not of the form YYYY-MM" -- "$cw" ledger "$db" stats --month 2025-9
expect 0 "Overdue at $(TZ=Asia/Shanghai date +%Y-%m-%d)" -- "$cw" ledger "$db" overdue   # today, by the campaign's clock
cat > "$work/wrong.textproto" <<'TXT'
events { id: "w1" item_id: "dc-2025-901" actor: "chensq" at: "2025-11-03T02:00:00Z" verify {} }
TXT
expect 3 "event 'w1': person 'chensq' (陈思齐) may not verify and close item 'dc-2025-901': role policy: only 主任 or 副主任 of the office" -- "$cw" ledger "$db" add "$work/wrong.textproto"
"$cw" ledger "$db" export -o "$work/log.bin" || fail "ledger export"
expect 0 "Created ledger" -- "$cw" ledger "$work/copy.db" init --campaign "$example"
expect 0 "Imported 188 events." -- "$cw" ledger "$work/copy.db" import "$work/log.bin"
diff <("$cw" ledger "$db" overdue --date 2025-10-31 --json) \
     <("$cw" ledger "$work/copy.db" overdue --date 2025-10-31 --json) >/dev/null || fail "imported ledger differs"
expect 2 "overdue date: year 2027 is not in the loaded calendar" -- "$cw" ledger "$db" overdue --date 2027-03-01
# A record changed outside chuangwen: the file opens read-only, says which.
cp "$work/copy.db" "$work/damaged.db"
sqlite3 "$work/damaged.db" "UPDATE events SET event = x'0aff' WHERE seq = 7" || fail "sqlite3"
expect 0 "ledger event 7 does not parse" -- "$cw" ledger "$work/damaged.db" overdue --date 2025-10-31
expect 4 "is read-only: it holds" -- "$cw" ledger "$work/damaged.db" add "$work/wrong.textproto"
printf 'not a ledger' > "$work/bogus.db"
expect 2 "not a chuangwen ledger" -- "$cw" ledger "$work/bogus.db" list
expect 2 "does not exist" -- "$cw" ledger "$work/none.db" list

# Evidence and documents.
expect 0 "Added 64 evidence events; 34 submissions in all." -- "$cw" evidence "$db" add "$2/evidence.textproto"
expect 0 "资料报送情况（截至2025-09-30）：应报8 已报7 已签批7 缺报1 逾期1" -- "$cw" evidence "$db" completeness --date 2025-09-30 --from 2025-08-01
expect 0 "  1. 整治占道经营和乱停乱放（13份）" -- "$cw" evidence "$db" index
expect 0 "指标 M11（任务 1.1）佐证资料 2024-10-01 至 2025-09-30：13份" -- "$cw" evidence "$db" package --indicator M11 --month 2025-10
expect 0 "## 关于2025年9月创建工作考核情况的通报" -- "$cw" report monthly "$db" --month 2025-09
expect 0 "- 市容科：整治占道经营和乱停乱放，实景照片缺1份（应于2025-09-19前报送）" -- "$cw" report monthly "$db" --month 2025-09
expect 0 "（未接入督查台账。）" -- "$cw" report monthly "$example" --month 2025-09
# --format is the document's format, also when the source is a campaign file.
expect 0 "<title>2025年9月创建工作考核情况通报</title>" -- "$cw" report monthly "$example" --month 2025-09 --format html
expect 0 "1,办公室,96.50,优秀," -- "$cw" report monthly "$example" --month 2025-09 --format csv
expect 0 "2025年9月3日" -- "$cw" report monthly "$db" --month 2025-08 --issue-date 2025-09-03
mkdir -p "$work/reports"
expect 0 "$work/reports/月度通报-2025-09.html" -- "$cw" report monthly "$db" --month 2025-09 --format html -o "$work/reports"
expect 0 "$work/new/reports/月度通报-2025-09.md" -- "$cw" report monthly "$db" --month 2025-09 -o "$work/new/reports/"
grep -q "<title>2025年9月创建工作考核情况通报</title>" "$work/reports/月度通报-2025-09.html" || fail "bulletin html title"
expect 0 "于5个工作日内（2025年9月15日前）完成整改" -- "$cw" report notice "$db" --item dc-2025-901
expect 0 "| 2025-09 | 87.25 | 2 | 良好 |" -- "$cw" report dossier "$db" --unit srk
expect 0 "$work/reports/单位档案-zfdd1.csv" -- "$cw" report dossier "$db" --unit all --format csv -o "$work/reports"
mkdir -p "$work/templates"
printf '通知：{{unit}}，{{deadline_cn}}前。' > "$work/templates/notice.md"
expect 0 "通知：市容科，2025年9月15日前。" -- "$cw" report notice "$db" --item dc-2025-901 --templates "$work/templates"
expect 2 "a rectification notice needs the ledger" -- "$cw" report notice "$example" --item dc-2025-901
expect 2 "--format: 'odt' is not md, html, docx, pdf or csv" -- "$cw" report monthly "$db" --month 2025-09 --format odt
cat > "$work/sign.textproto" <<'TXT'
events { id: "x1" actor: "xul" at: "2025-10-11T08:00:00Z" sign_off { submission_id: "sub-001" } }
TXT
expect 3 "(task 1.1): role policy: only the task's lead leader (责任领导) may" -- "$cw" evidence "$db" add "$work/sign.textproto"

# Targets and progress.
expect 0 "目标任务进展（截至2025-09-30）：8项任务" -- "$cw" status "$example" --date 2025-09-30
expect 0 "本月未报：综合执法大队" -- "$cw" status "$example" --date 2025-09-30
expect 0 "完成   1.1" -- "$cw" status "$example" --date 2025-09-30
expect 0 "规划建设科       任务1 完成0 正常0 滞后1 预警0 逾期0" -- "$cw" status "$example" --date 2025-09-30 --unit ghk
expect 0 '"status":"AT_RISK"' -- "$cw" status "$example" --date 2025-09-30 --behind --json
expect 2 "usage: cw status" -- "$cw" status "$example"
cat > "$work/progress.textproto" <<'TXT'
reports { id: "n1" target_id: "t-1.4" unit_id: "ghk" reported_by: "zhengwb" date: "2025-10-28" value: 16 }
TXT
expect 0 "Added 1 progress reports; " -- "$cw" progress "$db" add "$work/progress.textproto" --today 2025-10-31
expect 0 "      █████████████░░░░░┃░ 公厕改造提升       16/24座        应达21.4" -- "$cw" status "$db" --date 2025-10-31
cat > "$work/bad-progress.textproto" <<'TXT'
reports { id: "n2" target_id: "t-1.4" unit_id: "srk" date: "2025-10-28" value: 16 }
TXT
expect 3 "unit 'srk' is not responsible for task 1.4" -- "$cw" progress "$db" add "$work/bad-progress.textproto" --today 2025-10-31

# Plan import.
fixtures=$(dirname "$0")/import
expect 0 "文号 青园林〔2024〕15号   发文 青川市园林绿化管理局   日期 2024-04-02" -- "$cw" import "$fixtures/levels.txt" --review
expect 0 "L31   duplicate        （一）加强领导。" -- "$cw" import "$fixtures/webpage.txt" --review
expect 0 "Wrote $work/gbk.textproto: 4 tasks, 2 phases, 0 duties; 0 lines not used, 0 problems to review." -- "$cw" import "$fixtures/gbk.txt" -o "$work/gbk.textproto"
expect 0 "No problems." -- "$cw" validate "$work/gbk.textproto"
"$cw" import "$fixtures/levels.txt" --bare --json -o "$work/levels.json" 2>/dev/null || fail "import --json"
expect 1 "task 1.1.1.1 has no responsible or lead unit" -- "$cw" validate "$work/levels.json"
expect 0 '"encoding":"UTF-8"' -- "$cw" import "$fixtures/gbk.txt" --result
expect 2 "none.txt: no such file" -- "$cw" import "$work/none.txt"
# A .docx (built here with Python's zipfile) and files of other kinds.
python3 - "$work/plan.docx" <<'PY'
import sys, zipfile
w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
def p(text, level=-1):
    pr = f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>' if level >= 0 else ""
    return f"<w:p>{pr}<w:r><w:t>{text}</w:t></w:r></w:p>"
body = (p("石川县2024年创建文明县城工作方案") + p("重点任务", 0) + p("整治市容环境", 1) +
        p("牵头单位：县城管局") + p("提升窗口服务", 1) + p("牵头单位：县政务服务中心"))
lvl = ('<w:lvl w:ilvl="{0}"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
       '<w:lvlText w:val="{1}"/></w:lvl>')
numbering = (f"<w:numbering {w}><w:abstractNum w:abstractNumId=\"0\">" + lvl.format(0, "%1、") +
             lvl.format(1, "（%2）") + "</w:abstractNum><w:num w:numId=\"1\">"
             "<w:abstractNumId w:val=\"0\"/></w:num></w:numbering>")
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("word/document.xml", f"<w:document {w}><w:body>{body}</w:body></w:document>")
    z.writestr("word/numbering.xml", numbering)
PY
expect 0 "from a docx document." -- "$cw" import "$work/plan.docx" --review
expect 0 "提升窗口服务" -- "$cw" import "$work/plan.docx" --review
printf '\x89PNG\r\n\x1a\nrest' > "$work/scan.png"
expect 2 "this is an image" -- "$cw" import "$work/scan.png"
expect 2 "usage: cw import" -- "$cw" import
# The review round trip: write the review file, mark it, apply it, and keep
# the reviewed reading as a scorer annotation.
roster="$fixtures/corpus/dev/command_roster.txt"
expect 0 "Wrote $work/review.tsv: 27 items." -- "$cw" import "$roster" --review-file "$work/review.tsv"
grep -q $'^ok\tseat/leading-group/deputy_leader/唐卫国\t' "$work/review.tsv" || fail "review file lists the seat"
sed -e $'s|^ok\tseat/leading-group/deputy_leader/唐卫国|fix=唐卫东\tseat/leading-group/deputy_leader/唐卫国|' \
    -e $'s|^ok\tseat/office/liaison/田野|no\tseat/office/liaison/田野|' "$work/review.tsv" > "$work/reviewed.tsv"
printf 'add\ttask/3/assisting_unit/区卫健局\n' >> "$work/reviewed.tsv"
expect 0 "副组长 deputy leader   唐卫东  副总指挥" -- "$cw" import "$roster" --apply "$work/reviewed.tsv" --review
expect 0 "Wrote $work/roster.expect" -- "$cw" import "$roster" --apply "$work/reviewed.tsv" --bare --export-expect "$work/roster.expect"
grep -q "^seat: 指挥部 | 副组长 | 唐卫东$" "$work/roster.expect" || fail "expect file has the correction"
grep -q "田野" "$work/roster.expect" && fail "expect file keeps a rejected seat"
grep -q "^task: 加强校园周边环境治理 | 配合单位 | 区卫健局$" "$work/roster.expect" || fail "expect file has the added party"
printf 'maybe\tseat/office/liaison/田野\n' > "$work/bad.tsv"
expect 2 "bad.tsv: line 1: 'maybe' is not ok, no, fix=VALUE or add" -- "$cw" import "$roster" --apply "$work/bad.tsv"
# An imported plan runs: seated people act, the proposed assessment ranks
# on the ledger's findings (rank and explain read the ledger file).
samples=$(cd "$(dirname "$0")/../../shared/samples" && pwd)
"$cw" import "$samples/plan-zhengzhou-2017.txt" -o "$work/zz.textproto" 2>/dev/null || fail "import sample"
"$cw" ledger "$work/zz.db" init --campaign "$work/zz.textproto" >/dev/null || fail "init imported"
cat > "$work/zz-events.textproto" <<'EVENTS'
events { id: "e1" item_id: "i1" actor: "李正光" at: "2017-04-10T10:00:00+08:00"
  issue { unit_id: "市管科" working_days: 5 findings { id: "f1" source: DAILY_SUPERVISION } } }
events { id: "e2" item_id: "i1" actor: "市管科负责同志" at: "2017-04-13T10:00:00+08:00" submit {} }
events { id: "e3" item_id: "i1" actor: "李正光" at: "2017-04-14T10:00:00+08:00" verify {} }
events { id: "e4" item_id: "i2" actor: "李正光" at: "2017-04-10T10:00:00+08:00"
  issue { unit_id: "质管科" deadline: "2017-04-14" findings { id: "f1" source: DAILY_SUPERVISION } } }
EVENTS
expect 0 "Added 4 events" -- "$cw" ledger "$work/zz.db" add "$work/zz-events.textproto"
expect 0 "5     质管科                85.00  良好" -- "$cw" rank "$work/zz.db" --period 2017-04
expect 0 "M2     逾期未整改问题      40.00" -- "$cw" explain "$work/zz.db" --unit 质管科 --period 2017-04
expect 0 "郑修管督改〔2017〕2号" -- "$cw" report monthly "$work/zz.db" --month 2017-04

# The cascade: a bureau's plan linked to the city's plan it cites.
cascade=$(cd "$(dirname "$0")/data/cascade" && pwd)
"$cw" import "$cascade/city.txt" -o "$work/city.textproto" 2>/dev/null || fail "import city"
"$cw" import "$cascade/bureau.txt" -o "$work/bureau.textproto" 2>/dev/null || fail "import bureau"
expect 0 "2      → parent-1/2     深入开展志愿服务活动  (shares 6 characters)" -- "$cw" link "$work/bureau.textproto" "$work/city.textproto" -o "$work/linked.textproto"
expect 0 "No problems." -- "$cw" validate "$work/linked.textproto"
expect 2 "does not cite the parent's 文号 青城管〔2024〕11号" -- "$cw" link "$work/city.textproto" "$work/bureau.textproto" -o "$work/x.textproto"

finish cli
