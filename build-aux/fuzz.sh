#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# fuzz.sh [SECONDS] [TARGET...]
# fuzz.sh --runs N [TARGET...]
#
# Builds the libFuzzer harnesses of fuzz/ with clang-14 under AddressSanitizer
# and UndefinedBehaviorSanitizer (in build-fuzz/) and runs each for SECONDS
# (default 60) from its seed corpus, two at a time. An input that crashes,
# leaks, hangs or changes the database is copied to fuzz/regressions/TARGET/
# (the normal suite then replays it for ever) and fails the run. Prints one
# line per target: executions, new corpus entries, crashes.
# With --runs N each target runs until N executions instead (no time limit),
# one at a time, so that a long run does not take both cores.
#   CI: bash build-aux/fuzz.sh 30
#   long (10M executions each, hours; see docs/reliability.md):
#       nice -n 19 bash build-aux/fuzz.sh --runs 10000000
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
runs=
if [ "${1:-}" = --runs ]; then
  runs=${2:?--runs needs a number of executions}
  shift 2
  seconds=0
  limit=(-runs="$runs")
  parallel=1
else
  seconds=${1:-60}
  shift || true
  limit=(-max_total_time="$seconds")
  parallel=2
fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv xml backup search)
builddir=${HS_FUZZ_BUILDDIR:-$top/build-fuzz}

if [ ! -f "$builddir/build.ninja" ]; then
  CC=clang-14 meson setup "$builddir" "$top" -Dfuzzing=true -Dbuildtype=debugoptimized \
    -Db_sanitize=address,undefined -Db_lundef=false -Dc_args=-fsanitize=fuzzer-no-link >/dev/null
fi
ninja -C "$builddir" $(printf 'fuzz/fuzz-%s ' "${targets[@]}") >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS=suppressions="$top/tests/lsan.supp":print_suppressions=0
export G_DEBUG=gc-friendly LANGUAGE=en LC_ALL=C.UTF-8 GSETTINGS_BACKEND=memory

run_one() {
  local target=$1 corpus="$work/$1-corpus" max_len=65536
  [ "$target" = backup ] && max_len=300000
  [ "$target" = search ] && max_len=1024
  mkdir -p "$corpus" "$work/$target-crashes"
  # -timeout: an input that takes 10 s is a hang, and a finding.
  "$builddir/fuzz/fuzz-$target" "${limit[@]}" -max_len="$max_len" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/$target-crashes/" \
    "$corpus" "$top/fuzz/corpus/$target" >"$work/$target.log" 2>&1
}

pids=()
status=0
for target in "${targets[@]}"; do
  run_one "$target" &
  pids+=($!)
  # two at a time: the build machines have two cores
  if [ ${#pids[@]} -ge "$parallel" ]; then wait "${pids[0]}" || true; pids=("${pids[@]:1}"); fi
done
for pid in "${pids[@]}"; do wait "$pid" || true; done

for target in "${targets[@]}"; do
  log="$work/$target.log"
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  found=$(ls "$work/$target-crashes" 2>/dev/null | wc -l)
  new=$(ls "$work/$target-corpus" 2>/dev/null | wc -l)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)
  echo "fuzz-$target: ${execs:-0} executions in ${took:-$seconds} s (${rate:-0}/s)," \
    "$new new corpus inputs, $found failing inputs"
  if [ -z "$execs" ] || [ "$found" -gt 0 ]; then
    status=1
    mkdir -p "$top/fuzz/regressions/$target"
    cp "$work/$target-crashes/"* "$top/fuzz/regressions/$target/" 2>/dev/null || true
    grep -E "ERROR|SUMMARY|fuzz:|#[0-9]+ 0x" "$log" | head -n 30 | sed 's/^/  /'
    echo "  saved in fuzz/regressions/$target/: fix the bug, keep the file (the suite replays it)"
  fi
done
exit $status
