#!/usr/bin/env bash
# Runs every fuzz target (fuzz/fuzz_targets/) for a bounded time, one after another, and prints
# a table: target, seconds fuzzed (libFuzzer's count; wall_s adds the build), executions,
# exec/s, corpus size, crashes, result (ok, CRASH, BUILD-FAILED).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]      (default 60)
#   FUZZ_TARGETS="coord_parse csv_import" scripts/fuzz.sh 600
#
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`). The targets are built
# once with `--release --debug-assertions` (overflow checks on). Each run starts from a working
# corpus fuzz/corpus/<target>/ (the committed seeds in fuzz/seeds/<target>/ are copied in) and
# writes crashing inputs to fuzz/artifacts/<target>/; its libFuzzer log is
# fuzz/artifacts/<target>/last-run.log. One fuzzer at a time (-jobs=1 -workers=1): this is
# meant to run beside other work on a small machine.
#
# Exits non-zero if any target crashed (a panic, a timeout of more than 10 s on one input, or
# more than 2 GiB of memory). To replay a crash:
#   cd fuzz && cargo +nightly fuzz run <target> --release --debug-assertions artifacts/<target>/crash-…
# then save the input under tests/fuzz_regressions/<target>/ (tests/it/fuzz_regressions.rs
# replays every file there).
set -euo pipefail

seconds="${1:-60}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
    echo "usage: $0 [SECONDS_PER_TARGET]" >&2
    exit 2
fi
read -r -a targets <<< "${FUZZ_TARGETS:-geojson_import csv_import coord_parse traverse_input polygon_area}"

fuzz_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../fuzz" && pwd)"
cd "$fuzz_dir"

build_flags=(--release --debug-assertions)
libfuzzer_flags=(
    "-max_total_time=$seconds"
    -jobs=1
    -workers=1
    -rss_limit_mb=2048
    -timeout=10
    -print_final_stats=1
)

echo "building the fuzz targets (cargo +nightly fuzz build ${build_flags[*]})"
cargo +nightly fuzz build "${build_flags[@]}"

rows=()
failed=0
for target in "${targets[@]}"; do
    corpus="corpus/$target"
    artifacts="artifacts/$target"
    mkdir -p "$corpus" "$artifacts"
    if [ -d "seeds/$target" ]; then
        cp -n "seeds/$target"/* "$corpus"/ 2>/dev/null || true
    fi
    before="$(find "$artifacts" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | sort)"
    log="$artifacts/last-run.log"
    echo
    echo "=== $target: ${seconds} s, corpus $(find "$corpus" -type f | wc -l) inputs ==="
    started=$SECONDS
    status=0
    # -jobs=1 makes libFuzzer run the fuzzer in a worker whose output goes to fuzz-0.log.
    rm -f fuzz-0.log
    cargo +nightly fuzz run "$target" "${build_flags[@]}" -- "${libfuzzer_flags[@]}" \
        > "$log.driver" 2>&1 || status=$?
    elapsed=$((SECONDS - started))
    # libFuzzer's parent process usually copies the worker's log into its own output.
    if [ -f fuzz-0.log ] && ! grep -qE 'Done [0-9]+ runs|ERROR: libFuzzer' "$log.driver"; then
        cat "$log.driver" fuzz-0.log > "$log"
        rm -f fuzz-0.log "$log.driver"
    else
        mv "$log.driver" "$log"
        rm -f fuzz-0.log
    fi
    tail -n 5 "$log"

    executions="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*$' || true)"
    if [ -z "$executions" ]; then
        executions="$(grep -oE '^#[0-9]+' "$log" | tail -n 1 | tr -d '#' || true)"
    fi
    # libFuzzer's own "Done N runs in S second(s)"; the wall time also counts the build.
    fuzz_seconds="$(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -n 1 | grep -oE '[0-9]+ second' | grep -oE '[0-9]+' || true)"
    exec_per_s="$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*$' || true)"
    corpus_size="$(find "$corpus" -type f | wc -l)"
    after="$(find "$artifacts" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | sort)"
    new_artifacts="$(comm -13 <(printf '%s\n' "$before") <(printf '%s\n' "$after") | sed '/^$/d')"
    crashes="$(printf '%s' "$new_artifacts" | grep -c . || true)"
    result=ok
    if [ "$crashes" -gt 0 ]; then
        result=CRASH
    elif [ "$status" -ne 0 ] && grep -q 'error: could not compile' "$log"; then
        result=BUILD-FAILED
    elif [ "$status" -ne 0 ] || grep -qE '==[0-9]+== ?ERROR|deadly signal|panicked at' "$log"; then
        result=CRASH # without an artifact (the harness itself failed)
        crashes=1
    fi
    if [ "$result" != ok ]; then
        failed=1
        echo "!!! $target: $result; see $fuzz_dir/$log"
        printf '%s\n' "$new_artifacts" | sed '/^$/d; s/^/    /'
    fi
    rows+=("$(printf '%-16s %8s %8s %12s %8s %8s %8s  %s' "$target" "${fuzz_seconds:-?}" "$elapsed" "${executions:-?}" "${exec_per_s:-?}" "$corpus_size" "$crashes" "$result")")
done

echo
printf '%-16s %8s %8s %12s %8s %8s %8s  %s\n' target seconds wall_s executions exec/s corpus crashes result
for row in "${rows[@]}"; do
    echo "$row"
done
exit "$failed"
