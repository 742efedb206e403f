#!/usr/bin/env bash
# Starts the real Safeground window under Xvfb on a fresh demo store with the sample reference
# layers, at 1280×800 and at 1920×1080, and takes a screenshot of the window in each state:
# the overview (list), HA-0016 searched for and selected, the dashboard, a new land saved with
# errors (beside their fields), the layer panel, the Reconciliation window with a conflict, and
# the daylight theme; then the same window in each language (English, French, Ukrainian, Spanish,
# Arabic). Fails if any is blank
# (the map's share of the window is checked by the kittest the_map_keeps_half_the_window_in_every_state).
# Needs: xvfb, imagemagick (import, /usr/bin/convert), xdotool (Debian packages).
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

# -noreset: the server stays up between the sessions (a reset after the last client left refused
# the next session's window while it ran).
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp -noreset >/dev/null 2>&1 &
xvfb_pid=$!
sleep 1
export DISPLAY=$display

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

# One run of the app: SIZE (WxH), APPEARANCE (system, daylight, dark), file name PREFIX.
session() {
  local size=$1 appearance=$2 prefix=$3
  local width=${size%x*} height=${size#*x}
  local home="$work/home-$prefix"
  mkdir -p "$home"
  local store="$work/$prefix.sqlite"
  "$bin" --db "$store" demo >/dev/null
  # Reference layers (fictional samples): admin boundaries with P-codes, settlements, roads.
  "$bin" --db "$store" layers sample "$work" --overwrite >/dev/null
  for f in admin-boundaries.gpkg settlements.geojson roads.geojson; do
    "$bin" --db "$store" layers add "$work/$f" >/dev/null
  done
  # A second laptop joined from the store's bundle; both change one land's project apart and
  # exchange bundles: one conflict for the Reconciliation window.
  local other="$work/$prefix-other.sqlite"
  "$bin" --db "$store" sync export --all -o "$work/$prefix-all.sgbundle" >/dev/null
  "$bin" --db "$other" sync import "$work/$prefix-all.sgbundle" >/dev/null
  "$bin" --db "$store" edit HA-0007 --set "project=Project from this laptop" >/dev/null
  "$bin" --db "$other" edit HA-0007 --set "project=Project from the other laptop" >/dev/null
  "$bin" --db "$other" sync export --all -o "$work/$prefix-back.sgbundle" >/dev/null
  "$bin" --db "$store" sync import "$work/$prefix-back.sgbundle" >/dev/null
  local start appeared
  start=$(date +%s.%N)
  SAFEGROUND_APPEARANCE=$appearance SAFEGROUND_USER="Amina Hodžić" SAFEGROUND_ROLE=surveyor \
    HOME=$home XDG_DATA_HOME=$home XDG_CONFIG_HOME=$home "$bin" --db "$store" >"$work/app.log" 2>&1 &
  app_pid=$!
  local wid=""
  for _ in $(seq 1 120); do
    wid=$(xdotool search --name '^Safeground$' 2>/dev/null | head -n 1 || true)
    [ -n "$wid" ] && break
    sleep 0.5
  done
  [ -n "$wid" ] || { echo "screenshot.sh: no window" >&2; cat "$work/app.log" >&2; exit 1; }
  appeared=$(date +%s.%N)
  echo "[$prefix] window appeared after $(echo "$appeared - $start" | bc) s"
  xdotool windowmove "$wid" 0 0 windowsize --sync "$wid" "$width" "$height" || true
  xdotool windowfocus --sync "$wid" || true
  sleep 4
  shot() {
    import -window "$wid" "$out_dir/$prefix-$1.png"
    check_not_blank "$out_dir/$prefix-$1.png"
  }
  shot overview
  # Search for HA-0016 in the list and select it.
  xdotool mousemove 230 59 click 1
  sleep 0.5
  xdotool type --delay 60 "HA-0016"
  sleep 1
  xdotool mousemove 40 167 click 1
  sleep 3
  shot selected
  # The dashboard (Ctrl+D), then closed again.
  xdotool key ctrl+d
  sleep 3
  shot dashboard
  xdotool key ctrl+d
  sleep 1
  # A new land (Ctrl+N) saved at once (Ctrl+Enter): its errors beside their fields.
  xdotool key ctrl+n
  sleep 1
  xdotool key ctrl+Return
  sleep 1.5
  shot editor-errors
  xdotool key Escape
  sleep 1
  # The layer panel (Ctrl+L).
  xdotool key ctrl+l
  sleep 1.5
  shot layers
  xdotool key ctrl+l
  sleep 0.5
  # The Reconciliation window (Ctrl+R) with the conflict.
  xdotool key ctrl+r
  sleep 2
  shot reconciliation
  xdotool key ctrl+r
  sleep 0.5
  if ! kill -0 "$app_pid" 2>/dev/null; then
    echo "screenshot.sh: the app exited early" >&2
    cat "$work/app.log" >&2
    exit 1
  fi
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

# The app in each of its languages (SAFEGROUND_LANG), at 1280×800, by keyboard only (the
# panels are mirrored in Arabic): the overview, the dashboard, a new land saved with errors, and
# the Reconciliation window.
language_session() {
  local lang=$1
  local home="$work/home-$lang"
  mkdir -p "$home"
  local store="$work/lang-$lang.sqlite"
  "$bin" --db "$store" demo >/dev/null
  # The X server answers before the window is asked for.
  for _ in $(seq 1 40); do
    xdotool getdisplaygeometry >/dev/null 2>&1 && break
    sleep 0.25
  done
  SAFEGROUND_LANG=$lang SAFEGROUND_APPEARANCE=daylight SAFEGROUND_USER="Amina Hodžić" SAFEGROUND_ROLE=surveyor \
    HOME=$home XDG_DATA_HOME=$home XDG_CONFIG_HOME=$home "$bin" --db "$store" >"$work/app.log" 2>&1 &
  app_pid=$!
  local wid=""
  for _ in $(seq 1 120); do
    wid=$(xdotool search --name '^Safeground$' 2>/dev/null | head -n 1 || true)
    [ -n "$wid" ] && break
    sleep 0.5
  done
  [ -n "$wid" ] || { echo "screenshot.sh: no window ($lang)" >&2; cat "$work/app.log" >&2; exit 1; }
  xdotool windowmove "$wid" 0 0 windowsize --sync "$wid" 1280 800 || true
  xdotool windowfocus --sync "$wid" || true
  sleep 4
  shot() {
    import -window "$wid" "$out_dir/lang-$lang-$1.png"
    check_not_blank "$out_dir/lang-$lang-$1.png"
  }
  shot overview
  xdotool key ctrl+d
  sleep 3
  shot dashboard
  xdotool key ctrl+d
  sleep 1
  xdotool key ctrl+n
  sleep 1
  xdotool key ctrl+Return
  sleep 1.5
  shot editor-errors
  xdotool key Escape
  sleep 1
  xdotool key ctrl+r
  sleep 2
  shot reconciliation
  if ! kill -0 "$app_pid" 2>/dev/null; then
    echo "screenshot.sh: the app exited early ($lang)" >&2
    cat "$work/app.log" >&2
    exit 1
  fi
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

session 1280x800 system w1280
session 1920x1080 system w1920
session 1280x800 daylight daylight-1280
for lang in en fr uk es ar; do
  language_session "$lang"
done
echo "screenshots in $out_dir"
