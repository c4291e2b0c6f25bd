#!/usr/bin/env bash
# Fuzzes MoneyFlow's readers with libFuzzer and AddressSanitizer.
#
#   bash Tests/Fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Targets: json csv columns graphml ftm amount date datetime (default: all),
# SECONDS default 60.
# Builds .build-fuzz/fuzz-moneyflow from the library sources and
# Tests/Fuzz/FuzzTargets.swift (SwiftPM cannot link a fuzzer executable next
# to the package's other executables, so swiftc is called directly), then runs
# each target from a copy of its seed corpus in Tests/Fuzz/Corpus/<target>,
# with a 1 s limit per input and 2 GB of memory. Prints one line per target:
# executions, corpus size, and crashes / hangs / out-of-memory found; any
# finding is kept in .build-fuzz/findings/<target>/ and the script exits 1.
set -uo pipefail
cd "$(dirname "$0")/../.."
export PATH="/opt/swift/usr/bin:$PATH"

seconds="${1:-60}"
shift || true
targets=("$@")
[ "${#targets[@]}" -eq 0 ] && targets=(json csv columns graphml ftm amount date datetime)

out=.build-fuzz
mkdir -p "$out"
binary="$out/fuzz-moneyflow"
# shellcheck disable=SC2046
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name MoneyFlow \
  $(find Sources/MoneyFlow -name '*.swift' | sort) Tests/Fuzz/FuzzTargets.swift \
  -o "$binary" || { echo "fuzz build failed"; exit 1; }

status=0
printf '%-8s %14s %8s %8s %6s %5s\n' target executions exec/s corpus crash hang
for target in "${targets[@]}"; do
  work="$out/corpus/$target"
  findings="$out/findings/$target"
  rm -rf "$findings"
  mkdir -p "$work" "$findings"
  cp -n Tests/Fuzz/Corpus/"$target"/* "$work"/ 2>/dev/null || true
  log="$out/$target.log"
  FUZZ_TARGET="$target" "$binary" "$work" -max_total_time="$seconds" -timeout=1 \
    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$findings/" >"$log" 2>&1
  runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$log" | tail -1)
  rate=$(sed -nE 's/^stat::average_exec_per_sec: *([0-9]+).*/\1/p' "$log" | tail -1)
  corpus=$(find "$work" -type f | wc -l)
  crashes=$(find "$findings" -name 'crash-*' -o -name 'oom-*' -o -name 'leak-*' | wc -l)
  hangs=$(find "$findings" -name 'timeout-*' -o -name 'slow-unit-*' | wc -l)
  printf '%-8s %14s %8s %8s %6s %5s\n' "$target" "${runs:-?}" "${rate:-?}" "$corpus" "$crashes" "$hangs"
  if [ "$crashes" -gt 0 ] || [ "$hangs" -gt 0 ] || [ -z "$runs" ]; then
    status=1
    echo "  findings in $findings, log in $log"
  fi
done
exit "$status"
