#!/usr/bin/env bash
# Writes ledger-v1.db: a ledger file as the release before the store package
# (schema version 1, commit ec39a62) wrote it. Kept as a fixture so that the
# migrations are tested on a real old file; run with that release's cw:
#   tests/data/store/make_v1_fixture.sh OLD_BUILD/cw
# It holds the example's ledger, evidence and progress, a campaign
# replacement, and an item submitted at 01:00 Beijing time the day after its
# deadline, written as UTC (2025-10-20T17:00:00Z): schema version 1 dated
# events by the first ten characters of `at`, so that submission was on time
# and must stay so after the migration.
set -euo pipefail
cw=$1
here=$(cd "$(dirname "$0")" && pwd)
examples=$here/../../../examples
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/ledger-v1.db
"$cw" ledger "$db" init --campaign "$examples/campaign.textproto" >/dev/null
"$cw" ledger "$db" add "$examples/ledger.textproto" >/dev/null
"$cw" evidence "$db" add "$examples/evidence.textproto" >/dev/null
cat > "$work/late-night.textproto" <<'TXT'
events { id: "fx-1" item_id: "fx-2025-1" actor: "xul" at: "2025-10-13T02:00:00Z"
         issue { unit_id: "srk" deadline: "2025-10-20" required_result: "整改到位"
           findings { id: "fxf1" source: DAILY_SUPERVISION found_on: "2025-10-13"
                      found_by: "xul" unit_id: "srk" category: "占道经营"
                      severity: GENERAL description: "夜市摊点占道" } } }
events { id: "fx-2" item_id: "fx-2025-1" actor: "chensq" at: "2025-10-14T01:00:00Z" start {} }
events { id: "fx-3" item_id: "fx-2025-1" actor: "chensq" at: "2025-10-20T17:00:00Z" submit {} }
events { id: "fx-4" item_id: "fx-2025-1" actor: "xul" at: "2025-10-22T02:00:00Z" verify {} }
TXT
"$cw" ledger "$db" add "$work/late-night.textproto" >/dev/null
cat > "$work/progress.textproto" <<'TXT'
reports { id: "fx-p1" target_id: "t-1.4" unit_id: "ghk" reported_by: "zhengwb" date: "2025-10-28" value: 16 }
TXT
"$cw" progress "$db" add "$work/progress.textproto" --today 2025-10-31 >/dev/null
sed 's/^name: "\(.*\)"$/name: "\1（修订）"/' "$examples/campaign.textproto" > "$work/revised.textproto"
"$cw" ledger "$db" replace-campaign "$work/revised.textproto" --reason "fixture: a revised plan" >/dev/null
sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null 2>&1 || true
cp "$db" "$here/ledger-v1.db"
echo "wrote $here/ledger-v1.db"
