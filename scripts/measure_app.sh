#!/usr/bin/env bash
# Measures the desktop app on the demo store (or the store in MEASURE_DB, e.g. the national bench
# store target/bench/national-100000.sqlite) under Xvfb: time until the window appears, resident
# memory after loading, and the CPU time of the UI pass per frame while the pointer moves and the
# map zooms (SAFEGROUND_FRAME_STATS). Needs xvfb, xdotool, bc; a release build is best:
#   cargo build --release && SAFEGROUND_BIN=target/release/safeground scripts/measure_app.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${SAFEGROUND_BIN:-target/release/safeground}
display=${MEASURE_DISPLAY:-:96}
work=$(mktemp -d)
xvfb_pid=""; app_pid=""
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true; [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
store=${MEASURE_DB:-$work/demo.sqlite}
[ -n "${MEASURE_DB:-}" ] || "$bin" --db "$store" demo >/dev/null
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 & xvfb_pid=$!
sleep 1
start=$(date +%s.%N)
DISPLAY=$display HOME=$work XDG_DATA_HOME=$work SAFEGROUND_FRAME_STATS=1 "$bin" --db "$store" 2>"$work/stats.log" & app_pid=$!
for _ in $(seq 1 120); do DISPLAY=$display xdotool search --name '^Safeground$' >/dev/null 2>&1 && break; sleep 0.05; done
echo "window appeared after $(echo "$(date +%s.%N) - $start" | bc) s"
sleep 2
echo "resident memory after loading $(basename "$store"): $(( $(ps -o rss= -p "$app_pid") / 1024 )) MiB"
wid=$(DISPLAY=$display xdotool search --name '^Safeground$' | head -n 1)
DISPLAY=$display xdotool windowfocus --sync "$wid" || true
end=$(( $(date +%s) + 11 ))
i=0
while [ "$(date +%s)" -lt "$end" ]; do
  x=$(( 500 + (i * 37) % 700 )); y=$(( 100 + (i * 53) % 600 ))
  DISPLAY=$display xdotool mousemove "$x" "$y"
  if [ $(( i % 25 )) -eq 0 ]; then DISPLAY=$display xdotool click $(( 4 + (i / 25) % 2 )); fi
  i=$((i + 1)); sleep 0.02
done
echo "peak resident memory: $(awk '/VmHWM/ {print int($2/1024)}' /proc/$app_pid/status) MiB"
grep frame_stats "$work/stats.log" || echo "no frame statistics (was the window drawn?)"
