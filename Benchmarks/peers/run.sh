#!/usr/bin/env bash
# MoneyFlow side by side with networkx, igraph and rustworkx, in one run, on
# the same generated CSV files; then Graphviz `dot` on growing diagrams; then
# the maximum circulation against OR-tools (SimpleMinCostFlow); then
# Benchmarks/RESULTS.md and Benchmarks/results/RUNS.md regenerated from the raw JSON
# results (the hand-written reports in Benchmarks/reports/ are only indexed, never written).
#
# Not run in CI. Needs python3 (venv) and network access to PyPI.
#
#   Benchmarks/peers/run.sh                     # sizes 1k:10k,10k:100k,100k:1m
#   SIZES=1k:10k TIMEOUT=20 Benchmarks/peers/run.sh
#
# Environment: SIZES, FAMILIES (random,planted), TIMEOUT (60 s a phase),
# CIRCULATION_SIZES (100k:1m,1m:10m), CIRCULATION_TIMEOUT (300 s),
# REPETITIONS (3), SEED (1), RESULTS (Benchmarks/results), VENV (.build/peers-venv).
set -euo pipefail
cd "$(dirname "$0")/../.."

SIZES="${SIZES:-1k:10k,10k:100k,100k:1m}"
FAMILIES="${FAMILIES:-random,planted}"
TIMEOUT="${TIMEOUT:-60}"
REPETITIONS="${REPETITIONS:-3}"
SEED="${SEED:-1}"
RESULTS="${RESULTS:-Benchmarks/results}"
VENV="${VENV:-.build/peers-venv}"

mkdir -p "$RESULTS"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --disable-pip-version-check networkx igraph rustworkx ortools

swift build -c release --product moneyflow-bench
BENCH="$(swift build -c release --show-bin-path)/moneyflow-bench"

# 1. MoneyFlow on the ladder (writes the CSV files the peers read).
"$BENCH" --sizes "$SIZES" --families "$FAMILIES" --seed "$SEED" --repetitions "$REPETITIONS" \
  --timeout "$TIMEOUT" --output "$RESULTS/moneyflow-peers-ladder.json"

# 2. The peers on the same files, counts checked against MoneyFlow's.
"$VENV/bin/python" Benchmarks/peers/peers.py --moneyflow "$RESULTS/moneyflow-peers-ladder.json" \
  --timeout "$TIMEOUT" --repetitions "$REPETITIONS" --output "$RESULTS/peers.json"

# 3. Graphviz dot on MoneyFlow's DOT export of growing graphs.
"$VENV/bin/python" Benchmarks/peers/peers.py --graphviz --bench "$BENCH" --seed "$SEED" \
  --timeout "$TIMEOUT" --output "$RESULTS/graphviz.json"

# 4. The maximum circulation against OR-tools' SimpleMinCostFlow, whole process against whole
#    process, on the circulation phase's CSV files (1m and 10m flows unless CIRCULATION_SIZES).
swift build -c release --product moneyflow
"$BENCH" --sizes "${CIRCULATION_SIZES:-100k:1m,1m:10m}" --families random --phases circulation \
  --repetitions 1 --timeout "${CIRCULATION_TIMEOUT:-300}" --no-amlsim --output "$RESULTS/moneyflow-circulation.json"
"$VENV/bin/python" Benchmarks/peers/peers.py --circulation --moneyflow "$RESULTS/moneyflow-circulation.json" \
  --binary "$(swift build -c release --show-bin-path)/moneyflow" --timeout "${CIRCULATION_TIMEOUT:-300}" \
  --output "$RESULTS/circulation.json"

# 5. The report.
python3 Benchmarks/make_results.py "$RESULTS" > Benchmarks/RESULTS.md
python3 Benchmarks/make_results.py --runs "$RESULTS" > Benchmarks/results/RUNS.md
echo "wrote Benchmarks/RESULTS.md and Benchmarks/results/RUNS.md" >&2
