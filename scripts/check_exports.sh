#!/usr/bin/env bash
# Peer checks of the exports on the demo store, as a GIS user and a donor would open them:
#   - the GeoPackage (every profile) with GDAL's ogrinfo (feature counts per layer, EPSG:4326) and
#     GDAL's validate_gpkg.py (Debian python3-gdal);
#   - the donor report rendered by headless Chromium to a PNG (and a PDF, as it prints on A4),
#     and in each of its languages (en, fr, uk, es, ar) to a PNG;
#   - the donor GeoJSON read by ogrinfo.
# Usage: scripts/check_exports.sh OUT_DIR   (SAFEGROUND_BIN: the binary, default target/debug/safeground)
set -euo pipefail
out=${1:-target/exports}
bin=${SAFEGROUND_BIN:-target/debug/safeground}
mkdir -p "$out"
out=$(cd "$out" && pwd)
db="$out/demo.sqlite"
rm -f "$db" "$db"-wal "$db"-shm
"$bin" --db "$db" demo >/dev/null

fail() { echo "FAIL: $*" >&2; exit 1; }

validate=""
for v in /usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py \
         /usr/share/doc/python3-gdal/examples/validate_gpkg.py; do
  [ -f "$v" ] && validate=$v && break
done
[ -n "$validate" ] || fail "validate_gpkg.py not found (apt-get install python3-gdal)"

for profile in full authority donor public; do
  gpkg="$out/demo-$profile.gpkg"
  rm -f "$gpkg"
  "$bin" --db "$db" export --format gpkg --profile "$profile" -o "$gpkg" --overwrite
  info=$(ogrinfo -ro -so -al "$gpkg" 2>&1)
  echo "$info" | grep -q "using driver \`GPKG' successful" || fail "ogrinfo cannot open $gpkg: $info"
  counts=$(echo "$info" | awk -F': ' '/^Layer name/ {layer=$2} /^Feature Count/ {printf "%s=%s ", layer, $2}')
  echo "$profile: $counts"
  [ "$(echo "$info" | grep -c 'ID\["EPSG",4326\]')" -ge 3 ] || fail "$gpkg: layers are not all EPSG:4326"
  # The demo has one land (HA-0011, 2 activities) and one hazard report (HR-0009) flagged "not safe
  # to record a location": donor exports keep the land without its polygon and leave the report
  # out; public exports leave both out.
  case $profile in
    full|authority) expect="lands=30 activities=60 hazard_reports=20 " ;;
    donor) expect="lands=30 activities=60 hazard_reports=19 " ;;
    public) expect="lands=29 activities=58 hazard_reports=19 " ;;
  esac
  [ "$counts" = "$expect" ] || fail "$gpkg: expected '$expect', ogrinfo reads '$counts'"
  if ! /usr/bin/python3 "$validate" "$gpkg"; then
    fail "validate_gpkg.py refuses $gpkg"
  fi
done
echo "validate_gpkg.py: 4 GeoPackages valid"

geojson="$out/demo-donor.geojson"
"$bin" --db "$db" export --format geojson --profile donor -o "$geojson" --overwrite
gdal=$(ogrinfo -ro -so -al "$geojson" | awk -F': ' '/^Feature Count/ {print $2}')
[ "$gdal" = "109" ] || fail "ogrinfo reads $gdal features from the donor GeoJSON, expected 109"

report="$out/report.html"
/usr/bin/time -f "report: %e s wall, %M KB peak" \
  "$bin" --db "$db" report --from 2025-01-01 --to 2026-12-31 --donor "Fondation Horizon" -o "$report" --overwrite
chromium=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium" ] || fail "chromium not found (apt-get install chromium)"
flags=(--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars
       --no-first-run --disable-background-networking --disable-extensions --mute-audio
       --user-data-dir="$out/chromium-profile")
rm -f "$out/report.png" "$out/report.pdf"
timeout 120 "$chromium" "${flags[@]}" --window-size=1000,3600 --screenshot="$out/report.png" \
  "file://$report" >/dev/null 2>&1 || true
timeout 120 "$chromium" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/report.pdf" \
  "file://$report" >/dev/null 2>&1 || true
[ -s "$out/report.png" ] || fail "chromium wrote no screenshot of the report"
[ -s "$out/report.pdf" ] || fail "chromium wrote no PDF of the report"
colours=$(convert "$out/report.png" -format %k info:)
[ "$colours" -ge 50 ] || fail "the report screenshot is blank ($colours colours)"
pages=$(grep -c "/Type /Page\b" "$out/report.pdf" || true)
echo "report rendered: $out/report.png ($colours colours), $out/report.pdf ($pages A4 pages)"

# The same report in each language (SPEC C12): rendered by Chromium, right to left in Arabic, with
# the codes and figures still there to read.
for lang in en fr uk es ar; do
  page="$out/report-$lang.html"
  "$bin" --db "$db" report --from 2025-01-01 --to 2026-12-31 --donor "Fondation Horizon" \
    --lang "$lang" -o "$page" --overwrite >/dev/null
  head -c 200 "$page" | grep -q "<html lang=\"$lang\"" || fail "report-$lang.html does not say lang=\"$lang\""
  grep -q "HA-0016" "$page" || fail "report-$lang.html lost the land code HA-0016"
  rm -f "$out/report-$lang.png"
  timeout 120 "$chromium" "${flags[@]}" --window-size=1000,3600 --screenshot="$out/report-$lang.png" \
    "file://$page" >/dev/null 2>&1 || true
  [ -s "$out/report-$lang.png" ] || fail "chromium wrote no screenshot of report-$lang.html"
  colours=$(convert "$out/report-$lang.png" -format %k info:)
  [ "$colours" -ge 50 ] || fail "report-$lang.png is blank ($colours colours)"
  echo "report in $lang rendered: $out/report-$lang.png ($colours colours)"
done
grep -q '<html lang="ar" dir="rtl">' "$out/report-ar.html" || fail "the Arabic report is not right to left"
