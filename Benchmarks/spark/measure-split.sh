#!/usr/bin/env bash
# Issue 15, --split components (DISTRIBUTED.md, section 3): one plain process, the
# Spark driver sharding the whole file, and the driver splitting the graph by
# component, both in local[2]. Reuses the inputs of measure.sh in OUT-DIR (run
# that first, or let this script make them). Needs a release build, python3
# with pyspark, and java. Usage: Benchmarks/spark/measure-split.sh [OUT-DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-/tmp/moneyflow-spark-measure}"
bin=.build/release/moneyflow
driver=Sources/moneyflow-spark/moneyflow_spark.py
[ -f "$out/amlsim.csv" ] && [ -f "$out/planted-5m.csv" ] || Benchmarks/spark/measure.sh "$out"

measure() {
  local name="$1" file="$2" tasks="$3"; shift 3
  echo "== $name: $file $*"
  "$bin" cycles "$file" "$@" > "$out/$name-single.txt"
  s=$(date +%s.%N); "$bin" cycles "$file" "$@" --threads 2 > /dev/null
  echo "plain process, 2 threads: $(echo "$(date +%s.%N) - $s" | bc) s"
  for split in "" "--split components"; do
    s=$(date +%s.%N)
    # shellcheck disable=SC2086
    python3 "$driver" --master 'local[2]' --binary "$bin" --shards "$tasks" $split cycles "$file" "$@" \
      > "$out/$name-split.txt" 2> "$out/$name-split.err"
    t=$(echo "$(date +%s.%N) - $s" | bc)
    cmp -s "$out/$name-split.txt" "$out/$name-single.txt" && same=identical || same=DIFFERENT
    echo "spark local[2], $tasks tasks ${split:-(shards of the whole file)}: $t s (output $same)"
    grep '^moneyflow-spark:' "$out/$name-split.err" || true
  done
}

measure amlsim "$out/amlsim.csv" 16 --max-length 6 2>&1 | tee "$out/amlsim-split-measure.txt"
measure planted5m "$out/planted-5m.csv" 4 2>&1 | tee "$out/planted5m-split-measure.txt"
