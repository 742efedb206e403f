#!/usr/bin/env bash
# Starts the real Safeground window under Xvfb on a fresh demo store, takes three screenshots
# (the overview, HA-0016 searched for and selected in the list, the dashboard) and fails if any is
# blank. Needs: xvfb, imagemagick (import, /usr/bin/convert), xdotool (Debian packages).
#
#   scripts/screenshot.sh [OUT_DIR]        # default OUT_DIR: target/screenshots
#   SAFEGROUND_BIN=target/release/safeground scripts/screenshot.sh
set -euo pipefail
cd "$(dirname "$0")/.."

out_dir=${1:-target/screenshots}
bin=${SAFEGROUND_BIN:-target/debug/safeground}
display=${SCREENSHOT_DISPLAY:-:97}
mkdir -p "$out_dir"
for tool in Xvfb import xdotool /usr/bin/convert; do
  command -v "$tool" >/dev/null 2>&1 || { echo "screenshot.sh: $tool is missing (apt-get install xvfb imagemagick xdotool)" >&2; exit 1; }
done
[ -x "$bin" ] || { echo "screenshot.sh: $bin is missing; build it first (cargo build)" >&2; exit 1; }

work=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$bin" --db "$work/demo.sqlite" demo >/dev/null
# Reference layers (fictional samples): admin boundaries with P-codes, settlements, roads.
"$bin" --db "$work/demo.sqlite" layers sample "$work" >/dev/null
for f in admin-boundaries.gpkg settlements.geojson roads.geojson; do
  "$bin" --db "$work/demo.sqlite" layers add "$work/$f" >/dev/null
done
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
sleep 1
start=$(date +%s.%N)
DISPLAY=$display SAFEGROUND_USER="Amina Hodžić" SAFEGROUND_ROLE=surveyor HOME=$work XDG_DATA_HOME=$work XDG_CONFIG_HOME=$work "$bin" --db "$work/demo.sqlite" >"$work/app.log" 2>&1 &
app_pid=$!

# Wait for the window to appear (at most 60 s).
for _ in $(seq 1 120); do
  if DISPLAY=$display xdotool search --name '^Safeground$' >/dev/null 2>&1; then break; fi
  sleep 0.5
done
appeared=$(date +%s.%N)
echo "window appeared after $(echo "$appeared - $start" | bc) s"
sleep 4

check_not_blank() {
  local png=$1
  local colours
  colours=$(/usr/bin/convert "$png" -format %k info:)
  echo "$png: $colours colours"
  if [ "$colours" -lt 50 ]; then
    echo "screenshot.sh: $png looks blank ($colours colours)" >&2
    cat "$work/app.log" >&2
    exit 1
  fi
}

DISPLAY=$display import -window root "$out_dir/overview.png"
check_not_blank "$out_dir/overview.png"

# Search for HA-0016 in the list and select it (no window manager: focus the window first).
wid=$(DISPLAY=$display xdotool search --name '^Safeground$' | head -n 1)
DISPLAY=$display xdotool windowfocus --sync "$wid" || true
DISPLAY=$display xdotool mousemove 230 59
sleep 0.3
DISPLAY=$display xdotool click 1
sleep 0.5
DISPLAY=$display xdotool type --delay 80 "HA-0016"
sleep 1
DISPLAY=$display xdotool mousemove 40 167
sleep 0.3
DISPLAY=$display xdotool click 1
sleep 3
DISPLAY=$display import -window root "$out_dir/selected.png"
check_not_blank "$out_dir/selected.png"

# Open the dashboard from the top bar: figures, charts, and the map limited to its scope.
DISPLAY=$display xdotool mousemove 386 12
sleep 0.3
DISPLAY=$display xdotool click 1
sleep 3
DISPLAY=$display import -window root "$out_dir/dashboard.png"
check_not_blank "$out_dir/dashboard.png"

if ! kill -0 "$app_pid" 2>/dev/null; then
  echo "screenshot.sh: the app exited early" >&2
  cat "$work/app.log" >&2
  exit 1
fi
echo "screenshots in $out_dir"
