#!/usr/bin/env bash
# The hub at national scale (issue 16): a hub holding the synthetic national programme (100 000
# lands, 300 000 activities, 50 000 hazard reports), a new laptop's first full pull side by side
# with GDAL's ogr2ogr writing the same three layers from the same database to a GeoPackage, and an
# incremental sync of 100 changes.
#
#   export SAFEGROUND_PG_URL=$(scripts/pg_cluster.sh start /tmp/sg-pg)      # a superuser URL
#   cargo build --release --bin safeground && scripts/hub_bench.sh [RUNS]
#
# Uses the national store `cargo bench --bench national` caches in target/bench/ (made with
# `demo --synthetic 100000` when missing). Whole processes, timed by /usr/bin/time, taking turns;
# prints every run and the medians.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
bin=${SAFEGROUND_BIN:-target/release/safeground}
national=target/bench/national-100000.sqlite
work=target/bench/hub
: "${SAFEGROUND_PG_URL:?set SAFEGROUND_PG_URL to a superuser URL (scripts/pg_cluster.sh start DIR)}"
base=${SAFEGROUND_PG_URL%/*}
host=${base##*@}
db=hub_national
mkdir -p "$work"
if [ ! -f "$national" ]; then
  echo "making the national store (100 000 lands; a few minutes)"
  "$bin" --db "$national" demo --synthetic 100000 >/dev/null
fi
timed() { # label, command…: prints "label seconds" (the command's stderr, then time's line)
  local label=$1; shift
  if ! /usr/bin/time -f '%e' "$@" >/dev/null 2>"$work/last.err"; then
    cat "$work/last.err" >&2
    return 1
  fi
  echo "$label $(tail -1 "$work/last.err")"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

psql -q "$SAFEGROUND_PG_URL" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
"$bin" hub init "$base/$db" >/dev/null
for u in office reader; do
  psql -q "$SAFEGROUND_PG_URL" -c "DROP ROLE IF EXISTS bench_$u" 2>/dev/null || true
done
SAFEGROUND_HUB_NEW_PASSWORD=bench "$bin" hub add-user bench_office --organisation NPA --role surveyor --hub "$base/$db" >/dev/null
SAFEGROUND_HUB_NEW_PASSWORD=bench "$bin" hub add-user bench_reader --organisation NPA --role surveyor --hub "$base/$db" >/dev/null
office="postgres://bench_office:bench@$host/$db"
reader="postgres://bench_reader:bench@$host/$db"

cp "$national" "$work/office.sqlite"
rm -f "$work/office.sqlite-wal" "$work/office.sqlite-shm"
timed "first push of the national store:" "$bin" --db "$work/office.sqlite" sync hub "$office"
psql -qAt "$base/$db" -c "SELECT 'hub size: ' || pg_size_pretty(pg_database_size(current_database()))"
PGPASSWORD=bench psql -qAt "$reader" -c "SELECT 'hub holds: ' || (SELECT count(*) FROM safeground.lands) || ' lands, ' || (SELECT count(*) FROM safeground.activities) || ' activities, ' || (SELECT count(*) FROM safeground.hazard_reports) || ' hazard reports, ' || (SELECT count(*) FROM safeground.record_version) || ' versions'"

pg="PG:host=${host%:*} port=${host##*:} dbname=$db user=bench_reader password=bench"
: > "$work/pull.txt"; : > "$work/ogr.txt"
for i in $(seq 1 "$runs"); do
  rm -f "$work"/laptop.sqlite* "$work/layers.gpkg"
  r=$(timed "first full pull (run $i):" "$bin" --db "$work/laptop.sqlite" sync hub "$reader") || exit 1; echo "$r"; echo "${r##* }" >> "$work/pull.txt"
  r=$(timed "ogr2ogr -f GPKG of lands, activities, hazard_reports (run $i):" ogr2ogr -f GPKG "$work/layers.gpkg" "$pg" safeground.lands safeground.activities safeground.hazard_reports) || exit 1; echo "$r"; echo "${r##* }" >> "$work/ogr.txt"
done
p=$(median < "$work/pull.txt"); o=$(median < "$work/ogr.txt")
echo "median: first full pull $p s, ogr2ogr $o s, ratio $(echo "scale=2; $p / $o" | bc)"
"$bin" --db "$work/laptop.sqlite" list lands --json 2>/dev/null | python3 -c 'import json,sys; print("the new laptop holds", len(json.load(sys.stdin)), "lands")'

# Incremental: 100 land edits on the office store, sent; then received by the laptop.
"$bin" --db "$work/office.sqlite" list lands --json 2>/dev/null | python3 -c 'import json,sys; [print(l["code"]) for l in json.load(sys.stdin)[:100]]' > "$work/codes.txt"
: > "$work/push100.txt"; : > "$work/pull100.txt"
for i in $(seq 1 "$runs"); do
  while read -r code; do
    "$bin" --db "$work/office.sqlite" edit "$code" --set "notes=bench edit $i" >/dev/null 2>&1
  done < "$work/codes.txt"
  r=$(timed "incremental sync sending 100 changes (run $i):" "$bin" --db "$work/office.sqlite" sync hub "$office") || exit 1; echo "$r"; echo "${r##* }" >> "$work/push100.txt"
  r=$(timed "incremental sync receiving 100 changes (run $i):" "$bin" --db "$work/laptop.sqlite" sync hub "$reader") || exit 1; echo "$r"; echo "${r##* }" >> "$work/pull100.txt"
done
echo "median: sending 100 changes $(median < "$work/push100.txt") s, receiving them $(median < "$work/pull100.txt") s"
