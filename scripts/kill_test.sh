#!/usr/bin/env bash
# Crash-safety harness (SPEC §4 reliability): "killing the process at any moment loses no committed
# record and never leaves a half import". SIGKILLs the CLI during imports and the app's database
# worker during edits, KILLS times in all (half each; default 20 for a CI-sized run,
# `scripts/kill_test.sh 200` for the record run), and after every kill checks that the store opens,
# passes PRAGMA integrity_check, holds each import entirely or not at all, keeps every edit the
# worker reported as committed, and that every land's ledger adds up. See examples/kill_test.rs.
#
# Usage: scripts/kill_test.sh [KILLS] [more kill_test options, e.g. --seed 7 --work DIR]
#
# Uses the real BiH suspected-area file from ../shared/testdata (not part of this repository; no
# licence) for half of the import kills; set SAFEGROUND_REAL_GEOJSON to use another copy. The script
# stops with a message when it is absent. The other import kills use a file generated from the demo
# programme. Exit code non-zero on any corrupt store, partial import or lost commit.
set -euo pipefail

cd "$(dirname "$0")/.."
kills="${1:-20}"
shift || true
real="${SAFEGROUND_REAL_GEOJSON:-../shared/testdata/real/bih/suspect_areas_simplyfied.geojson}"
if [[ ! -f "$real" ]]; then
    echo "kill_test.sh: the real test file $real is not there (it lives in ../shared/testdata," >&2
    echo "outside the repository); set SAFEGROUND_REAL_GEOJSON to a large GeoJSON file." >&2
    exit 2
fi

echo "== building the release binary and the harness"
cargo build --release --bin safeground --example kill_test --example worker_edits

log=target/kill_test.log
echo "== $kills kills (one line each; also written to $log)"
start=$(date +%s)
status=0
target/release/examples/kill_test \
    --kills "$kills" \
    --bin target/release/safeground \
    --worker target/release/examples/worker_edits \
    --real "$real" \
    "$@" | tee "$log" || status=$?
echo "== kill_test took $(( $(date +%s) - start )) s (after the build); exit code $status; log in $log"
exit "$status"
