#!/usr/bin/env bash
# Issue 15 measurements (DISTRIBUTED.md, section 4): one plain process against
# the Spark driver in local[1] and local[2], and the real balance of 16 shards
# (each shard timed as its own process). Needs a release build, python3 with
# pyspark, and java. Usage: Benchmarks/spark/measure.sh [OUT-DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-/tmp/moneyflow-spark-measure}"
mkdir -p "$out"
bin=.build/release/moneyflow
driver=Sources/moneyflow-spark/moneyflow_spark.py
seconds() { local s; s=$(date +%s.%N); "$@" >/dev/null; echo "$(date +%s.%N) - $s" | bc; }

measure() {
  local name="$1" file="$2" shards="$3"; shift 3
  echo "== $name: $file $*"
  echo "plain 1 thread: $(seconds "$bin" cycles "$file" "$@" --threads 1) s"
  echo "plain 2 threads: $(seconds "$bin" cycles "$file" "$@" --threads 2) s"
  echo "load only (scc): $(seconds "$bin" scc "$file") s"
  python3 -c 'import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); print("peak memory: %d KB" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$bin" cycles "$file" "$@" --threads 1
  "$bin" cycles "$file" "$@" > "$out/$name-single.txt"
  for master in 'local[1]' 'local[2]'; do
    s=$(date +%s.%N)
    python3 "$driver" --master "$master" --binary "$bin" --shards "$shards" cycles "$file" "$@" \
      > "$out/$name-spark.txt" 2>/dev/null
    t=$(echo "$(date +%s.%N) - $s" | bc)
    cmp -s "$out/$name-spark.txt" "$out/$name-single.txt" && same=identical || same=DIFFERENT
    echo "spark $master, $shards shards: $t s (output $same)"
  done
  echo "16 shards, each alone (seconds, cycles):"
  for i in $(seq 1 16); do
    s=$(date +%s.%N)
    "$bin" cycles "$file" "$@" --threads 1 --shard "$i/16" --format partial > "$out/part.txt"
    t=$(echo "$(date +%s.%N) - $s" | bc)
    c=$(sed -n 1p "$out/part.txt" | cut -f6)
    echo "shard $i $t $c"
  done
}

# AMLSim as our CSV, as `moneyflow-bench --convert-amlsim` converts it: step 1 =
# 2024-01-01, one day a step, kind other, amounts in USD as written.
amlsim="$out/amlsim.csv"
python3 - Benchmarks/Data/amlsim-20k-cycle200/transactions.csv "$amlsim" <<'PY'
import csv, datetime, sys
with open(sys.argv[1], newline="") as source, open(sys.argv[2], "w", newline="") as target:
    rows = csv.DictReader(source)
    out = csv.writer(target, lineterminator="\n")
    out.writerow(["from", "to", "kind", "amount", "currency", "date"])
    first = datetime.date(2024, 1, 1)
    for row in rows:
        day = first + datetime.timedelta(days=int(row["time"]) - 1)
        out.writerow([row["sourceNodeId"], row["targetNodeId"], "other", row["value"], "USD", day.isoformat()])
PY
measure amlsim "$amlsim" 16 --max-length 6 2>&1 | tee "$out/amlsim.txt"
big="$out/planted-5m.csv"
[ -f "$big" ] || "$bin" generate --family planted --nodes 1000000 --edges 5000000 --cycles 2000 --cycle-length 6 --seed 15 -o "$big"
measure planted5m "$big" 4 2>&1 | tee "$out/planted5m.txt"
