#!/usr/bin/env python3
"""Generates Benchmarks/RESULTS.md and Benchmarks/results/RUNS.md from the raw results in Benchmarks/results/.

    python3 Benchmarks/make_results.py Benchmarks/results > Benchmarks/RESULTS.md
    python3 Benchmarks/make_results.py --runs Benchmarks/results > Benchmarks/results/RUNS.md

RESULTS.md is the summary (targets, peers, Graphviz, circulation, AMLSim) and ends with an index
of RUNS.md (one table per run) and of the hand-written reports in Benchmarks/reports/, which this
script only lists (their `##` headings), never writes.

Inputs (JSON, as written by the tools; nothing here is typed by hand):
  moneyflow-*.json  `moneyflow-bench --output FILE` (machine, toolchain, seeds, command, results)
  peers.json        `Benchmarks/peers/peers.py --moneyflow ... --output peers.json`
  graphviz.json     `Benchmarks/peers/peers.py --graphviz ... --output graphviz.json`
Standard library only.
"""

import glob
import json
import os
import sys

TARGETS_NOTE = "Targets from the issue; 'ratio' is MoneyFlow time / peer time (below 1: MoneyFlow is faster)."


def load(directory):
    runs, peers, graphviz = [], None, None
    for path in sorted(glob.glob(os.path.join(directory, "*.json"))):
        with open(path) as handle:
            data = json.load(handle)
        data["_file"] = os.path.basename(path)
        if data.get("kind") == "peers":
            peers = data
        elif data.get("kind") == "graphviz":
            graphviz = data
        elif data.get("kind") == "circulation":
            load.circulation = data
        elif "machine" in data and "results" in data:
            runs.append(data)
    return runs, peers, graphviz


load.circulation = None


def circulation_section(report):
    """Whole-process maximum circulation, MoneyFlow against OR-tools (peers.py --circulation)."""
    lines = ["## Maximum circulation against OR-tools (`circulation.json`)", "",
             f"`moneyflow circulation FILE` against OR-tools {report.get('ortools')} SimpleMinCostFlow "
             "(capacity = amount, cost −1 a unit) on the same CSV file, each timed as a whole process "
             f"(read, solve, answer), in one run; load average at the end "
             f"{', '.join(f'{x:.1f}' for x in report.get('load_average', []))}. Ratio = OR-tools time / MoneyFlow time.",
             "",
             "| family | companies / flows | MoneyFlow | OR-tools (load + solve) | ratio | same circular total |",
             "|---|---|---:|---:|---:|---|"]
    for r in report["results"]:
        def whole(status, seconds):
            return duration(seconds) if status == "ok" else f"**{status}** ({duration(seconds)})"
        inner = ""
        if r.get("ortools_status") == "ok":
            inner = f" ({duration(r['ortools_load_seconds'])} + {duration(r['ortools_solve_seconds'])})"
        ratio = f"{r['ratio']:.2f}×" if "ratio" in r else "-"
        agrees = {True: "yes", False: "**no**", None: "-"}[r.get("agrees")]
        lines.append(f"| {r['family']} | {r['nodes']:,} / {r['edges']:,} | "
                     f"{whole(r['moneyflow_status'], r['moneyflow_seconds'])} | "
                     f"{whole(r['ortools_status'], r['ortools_seconds'])}{inner} | {ratio} | {agrees} |")
    return lines


def duration(seconds):
    if seconds is None:
        return "-"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def quantity(value):
    magnitude = abs(value)
    if magnitude >= 1e9:
        return f"{value / 1e9:.2f}G"
    if magnitude >= 1e6:
        return f"{value / 1e6:.2f}M"
    if magnitude >= 1e4:
        return f"{value / 1e3:.0f}k"
    if magnitude >= 100:
        return f"{value:.0f}"
    return f"{value:.1f}"


def grouped(n):
    return f"{n:,}"


def size(result):
    return f"{grouped(result['nodes'])} / {grouped(result['edges'])}"


def machine_lines(run):
    m = run["machine"]
    return [
        f"- Machine: {m['cpu']}, {m['cores']} cores, {m['memoryBytes'] / 2**30:.1f} GiB, {m['kernel']}; "
        f"load average at start {m.get('load', '?')} (shared with other jobs: timings are noisy)",
        f"- Toolchain: {m['toolchain']} ({m['compiler']}, {'optimized' if m['optimized'] else 'NOT optimized'})",
        f"- Date: {m['date']}",
        f"- Seed of every generated graph: {run['seed']}; repetitions: {run['repetitions']}; "
        f"timeout per phase: {run['timeoutSeconds']:.0f} s",
        f"- Command: `{m['command']}`",
    ]


def moneyflow_table(run):
    lines = [
        "| phase | family | companies / flows | median | min – max | n | throughput | result | peak during phase |",
        "|---|---|---:|---:|---:|---:|---|---|---:|",
    ]
    for r in run["results"]:
        if r["status"] == "not wired":
            continue
        metrics = ", ".join(f"{quantity(r['metrics'][k])} {k}" for k in sorted(r.get("metrics", {})))
        counts = ", ".join(f"{k} {grouped(v)}" for k, v in sorted(r.get("counts", {}).items()))
        if r["status"] != "ok":
            metrics = f"**{r['status']}**"
            counts = r.get("note") or ""
        elif r.get("note"):
            counts += f"; {r['note']}"
        memory = r.get("memory")
        peak = "-"
        if memory and memory.get("peakWasReset"):
            peak = f"+{max(0, memory['peakDuringPhase'] - memory['afterSetup']) / 1e6:.1f} MB"
        spread = f"{duration(r.get('minimum'))} – {duration(r.get('maximum'))}" if r.get("minimum") else "-"
        lines.append(
            f"| {r['phase']} | {r['family']} | {size(r)} | {duration(r.get('median'))} | {spread} | "
            f"{r.get('repetitions') or '-'} | {metrics} | {counts} | {peak} |")
    pending = sorted({(r["phase"], r.get("note", "")) for r in run["results"] if r["status"] == "not wired"})
    if pending:
        lines.append("")
        lines.append("Not yet wired (their library API is not on main; no figures):")
        for phase, note in pending:
            lines.append(f"- `{phase}`: {note}")
    return lines


def peers_section(peers, runs):
    base = next((r for r in runs if r["_file"] == peers.get("moneyflow_results")), None)
    lines = ["## MoneyFlow side by side with its peers", ""]
    v = peers["versions"]
    lines.append(f"- Peers: networkx {v.get('networkx')}, igraph {v.get('igraph')}, rustworkx {v.get('rustworkx')}, "
                 f"Python {v.get('python')}; timeout {peers['timeout_seconds']:.0f} s a phase")
    lines.append(f"- Command: `{peers['command']}` on the CSV files of `{peers.get('moneyflow_results')}`")
    lines.append("- Peers read the CSV with Python's csv module and build a simple digraph (parallel flows = one link); "
                 "MoneyFlow's `load` builds the full multigraph with amounts and dates.")
    lines.append("- `scc`: MoneyFlow's time is Tarjan on its company graph (`LinkGraph`, built untimed, see the `links` "
                 "phase), as the peers' graphs are built at load. `cycles`: MoneyFlow counts with "
                 "`elementaryCycles(maxLength: 6, countOnly: true)` (its time includes building the selection and the "
                 "company graph) and subtracts the cycles of length 1-2, counted untimed.")
    lines.append("- `dot`: igraph writes bare node and edge ids; MoneyFlow writes labels (kind, amount, date), colours, "
                 "pen widths and a legend, about five times the bytes, so compare their MB/s rather than their times.")
    lines.append("- A count marked ≠ differs from MoneyFlow's; both peers agree with each other there.")
    lines.append("")
    if base is None:
        lines.append("(the MoneyFlow run the peers used is missing)")
        return lines
    mf = {}
    for r in base["results"]:
        mf[(r["phase"], r["family"], r["nodes"], r["edges"])] = r
    # MoneyFlow phase that corresponds to each peer phase.
    phase_map = {"load": "load", "scc": "scc", "cycles": "cycles", "dot": "dot"}
    keys = []
    for r in peers["results"]:
        key = (r["phase"], r["family"], r["nodes"], r["edges"])
        if key not in keys:
            keys.append(key)
    lines.append("| phase | family | companies / flows | MoneyFlow | networkx | igraph | rustworkx | "
                 "ratio MF/nx | ratio MF/igraph | ratio MF/rx | counts |")
    lines.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for key in keys:
        phase, family, nodes, edges = key
        m = mf.get((phase_map[phase], family, nodes, edges))
        m_time = m.get("median") if m and m["status"] == "ok" else None
        m_text = duration(m_time) if m_time else (m["status"] if m else "-")
        cells, ratios, agreement = [], [], []
        for library in ("networkx", "igraph", "rustworkx"):
            p = next((x for x in peers["results"] if x["library"] == library and
                      (x["phase"], x["family"], x["nodes"], x["edges"]) == key), None)
            if p is None:
                cells.append("-")
                ratios.append("-")
                continue
            if p["status"] == "ok":
                cells.append(duration(p.get("median")))
                ratios.append(f"{m_time / p['median']:.2f}" if m_time and p.get("median") else "-")
                if "agrees" in p:
                    agreement.append(f"{library} {'=' if p['agrees'] else '≠'} {grouped(p['count'])}")
            else:
                cells.append(p["status"])
                ratios.append("MF only" if m_time and p["status"] == "timeout" else "-")
        count = ""
        if m and m["status"] == "ok":
            c = m.get("counts", {})
            value = c.get("cycles", c.get("components"))
            if value is not None and phase in ("scc", "cycles"):
                count = f"MoneyFlow {grouped(value)}; " + ", ".join(agreement)
        lines.append(f"| {phase} | {family} | {grouped(nodes)} / {grouped(edges)} | {m_text} | "
                     + " | ".join(cells) + " | " + " | ".join(ratios) + f" | {count} |")
    memory = [x for x in peers["results"] if x["phase"] == "load" and x["status"] == "ok"]
    if memory:
        lines += ["", "Peak resident memory while loading, bytes per flow (peers: the worker's VmHWM minus its "
                  "resident size before reading):", "",
                  "| family | companies / flows | MoneyFlow | networkx | igraph | rustworkx |", "|---|---:|---:|---:|---:|---:|"]
        seen = []
        for x in memory:
            key = (x["family"], x["nodes"], x["edges"])
            if key in seen:
                continue
            seen.append(key)
            m = mf.get(("load", *key))
            mtext = quantity(m["metrics"]["peak bytes/flow"]) if m and "peak bytes/flow" in m.get("metrics", {}) else "-"
            cells = []
            for library in ("networkx", "igraph", "rustworkx"):
                p = next((y for y in memory if y["library"] == library and (y["family"], y["nodes"], y["edges"]) == key), None)
                cells.append(quantity(p["peak_bytes_per_flow"]) if p else "-")
            lines.append(f"| {key[0]} | {grouped(key[1])} / {grouped(key[2])} | {mtext} | " + " | ".join(cells) + " |")
    return lines


def graphviz_section(graphviz):
    lines = ["## Graphviz `dot` on MoneyFlow's DOT export", "",
             f"- {graphviz['graphviz']}; `dot -Tsvg` on random graphs with flows/3 companies; "
             f"timeout {graphviz['timeout_seconds']:.0f} s", f"- Command: `{graphviz['command']}`", "",
             "| edge labels | flows | companies | DOT bytes | dot -Tsvg |", "|---|---:|---:|---:|---:|"]
    for r in graphviz["results"]:
        time = duration(r["seconds"]) if r.get("seconds") is not None else f"**{r['status']}**"
        lines.append(f"| {'yes' if r.get('labels', True) else 'no'} | {grouped(r['flows'])} | {grouped(r['nodes'])} | "
                     f"{grouped(r.get('dot_bytes', 0))} | {time} |")
    return lines


def targets_section(runs, peers):
    lines = ["## Targets", "", TARGETS_NOTE, ""]
    # For each phase and workload, the result of the latest run that has it.
    latest = {}
    for run in sorted(runs, key=lambda x: x["machine"]["date"]):
        for r in run["results"]:
            latest[(r["phase"], r["family"], r["nodes"], r["edges"])] = r
    results = [r for r in latest.values() if r["status"] == "ok"]

    def largest(phase, metric):
        """(value of `metric`, run) of the largest run of `phase` (most flows) that has it; None if none."""
        values = [(r["metrics"][metric], r) for r in results if r["phase"] == phase and metric in r.get("metrics", {})]
        return max(values, key=lambda x: x[1]["edges"]) if values else None

    big = largest("load", "MB/s")
    if big:
        lines.append(f"- CSV load >= 100 MB/s (~2M flows/s): measured {quantity(big[0])} MB/s, "
                     f"{quantity(big[1]['metrics']['flows/s'])} flows/s at {size(big[1])} "
                     f"({'met' if big[0] >= 100 else 'missed'}).")
    big = largest("load", "peak bytes/flow")
    if big:
        retained = big[1]["metrics"].get("retained bytes/flow")
        lines.append(f"- Peak memory <= 48 bytes/flow including ids: peak {quantity(big[0])} bytes/flow while loading, "
                     f"{quantity(retained) if retained else '-'} retained by the graph, at {size(big[1])} "
                     f"({'met' if big[0] <= 48 else 'missed'}).")
    big = largest("dot", "MB/s")
    if big:
        lines.append(f"- DOT export >= 50 MB/s: measured {quantity(big[0])} MB/s at {size(big[1])} "
                     f"({'met' if big[0] >= 50 else 'missed'}).")
    else:
        lines.append("- DOT export >= 50 MB/s: not measured (DOT export not wired).")
    speedups = [r for r in results if r["phase"] == "cycles-2t" and "speedup" in r.get("metrics", {})]
    if speedups:
        def one(r):
            m = r["metrics"]
            text = f"{m['speedup']:.2f}x at {size(r)} ({r['family']})"
            if "busy threads" in m and "busy threads, calibration" in m:
                text += (f" [busy threads {m['busy threads']:.2f}; two trivial loops got "
                         f"{m['busy threads, calibration']:.2f}]")
            return text
        text = "; ".join(one(r) for r in speedups)
        lines.append(f"- 2 threads >= 1.7x one on cycle enumeration: {text}. 'Busy threads' is processor time over "
                     "wall time of the two-thread runs; the calibration is the same measure for two trivially "
                     "parallel loops run just after: when it is well below 2, other jobs held the cores and the "
                     "speedup cannot be judged on this machine.")
    else:
        lines.append("- 2 threads >= 1.7x one on cycle enumeration: not measured (not wired).")
    if peers:
        for phase, wanted, label in (("cycles", 0.5, "cycles 3..6 at least 2x faster than igraph"),
                                     ("scc", 1.0, "SCC at least as fast as igraph")):
            rows = []
            base = next((r for r in runs if r["_file"] == peers.get("moneyflow_results")), None)
            for p in peers["results"]:
                if p["library"] != "igraph" or p["phase"] != phase or base is None:
                    continue
                m = next((r for r in base["results"] if r["phase"] == phase and r["family"] == p["family"]
                          and r["nodes"] == p["nodes"] and r["edges"] == p["edges"]), None)
                if not m or m["status"] != "ok":
                    text = f"{size(p)} {p['family']}: MoneyFlow {m['status'] if m else 'not run'}, igraph {p['status']}"
                    # The same workload in another run with a longer timeout.
                    other = [(run["_file"], run["timeoutSeconds"], r) for run in runs for r in run["results"]
                             if r["phase"] == phase and r["family"] == p["family"] and r["nodes"] == p["nodes"]
                             and r["edges"] == p["edges"] and r["status"] == "ok"]
                    if other:
                        name, limit, r = other[0]
                        text += f" (in `{name}`, {limit:.0f} s timeout: MoneyFlow {duration(r['median'])})"
                    rows.append(text)
                elif p["status"] == "ok":
                    ratio = m["median"] / p["median"]
                    rows.append(f"{size(p)} {p['family']}: ratio {ratio:.2f} ({'met' if ratio <= wanted else 'missed'})")
                else:
                    rows.append(f"{size(p)} {p['family']}: igraph {p['status']}, MoneyFlow {duration(m['median'])}")
            lines.append(f"- {label}: " + ("; ".join(rows) if rows else "not measured") + ".")
    return lines


def amlsim_section(runs):
    rows = [(run, r) for run in runs for r in run["results"] if r["family"] == "amlsim"]
    if not rows:
        return []
    lines = ["## AMLSim 20K_cycle200 (IBM/AMLSim, Apache-2.0)", "",
             "Converted by `moneyflow-bench --convert-amlsim` (step 1 = 2024-01-01, one day a step, kind `other`, "
             "amounts in USD as written, original account ids). 945 accounts are marked `isFraud`; the data do not "
             "say which account belongs to which of the 200 planted cycles, so coverage is counted by account: "
             "`fraud accounts covered` = fraud accounts on at least one chain found, `chains all fraud` = chains "
             "made only of fraud accounts, `other accounts in chains` = accounts not marked fraud that a chain "
             "passes through.",
             "",
             "`amlsim-temporal-W` is the time-pruned search (window W steps, no length bound); "
             "`amlsim-temporal-30-len6` the same with at most 6 flows; `amlsim-structural-filter-30-len6` the plain "
             "way with the same bounds: all structural cycles of length <= 6, listed with their flows, then "
             "every chain of one flow per hop checked for dates and window (its count must equal the time-pruned "
             "search's).", ""]
    # The run with the most AMLSim phases measured (the full one, not --quick).
    run = max((r for r, _ in rows), key=lambda x: sum(1 for y in x["results"]
                                                      if y["family"] == "amlsim" and y["status"] == "ok"))
    lines.append(f"From `{run['_file']}`:")
    lines.append("")
    lines.append("| phase | median | min – max | result |")
    lines.append("|---|---:|---:|---|")
    for r in run["results"]:
        if r["family"] != "amlsim":
            continue
        if r["status"] != "ok":
            lines.append(f"| {r['phase']} | {r['status']} | | {r.get('note') or ''} |")
            continue
        counts = ", ".join(f"{k} {grouped(v)}" for k, v in sorted(r.get("counts", {}).items()))
        if r.get("note"):
            counts += f"; {r['note']}"
        lines.append(f"| {r['phase']} | {duration(r['median'])} | {duration(r['minimum'])} – {duration(r['maximum'])} | {counts} |")
    return lines


RUNS_INTRO = ("Generated by `python3 Benchmarks/make_results.py --runs Benchmarks/results > "
              "Benchmarks/results/RUNS.md` from the raw JSON in this folder: one table per `moneyflow-bench` run, "
              "every phase. Every figure below was measured; none is typed by hand. The summary, the targets and "
              "the peers are in [../RESULTS.md](../RESULTS.md).")


def runs_sections(runs):
    """One section per `moneyflow-bench` run: machine, command and the table of its phases."""
    out = []
    for run in runs:
        out += [f"## MoneyFlow: `{run['_file']}`", ""] + machine_lines(run) + [""] + moneyflow_table(run) + [""]
    return out


def index_section(reports):
    """Links to RUNS.md and to every hand-written report in `reports` (sorted by file name) with its `##` headings."""
    lines = ["## Index: every run, and the reports written by hand", "",
             "- [results/RUNS.md](results/RUNS.md): one table per `moneyflow-bench` JSON file in `results/`, "
             "every phase of every run (generated with `--runs`)."]
    for path in sorted(glob.glob(os.path.join(reports, "*.md"))):
        with open(path, encoding="utf-8") as handle:
            headings = [line.rstrip("\n") for line in handle if line.startswith("#")]
        sections = [h[3:] for h in headings if h.startswith("## ")]
        if not sections:
            sections = [h[2:] for h in headings if h.startswith("# ")] or [os.path.basename(path)]
        name = f"reports/{os.path.basename(path)}"
        lines.append(f"- [{name}]({name}): " + "; ".join(sections) + ".")
    return lines


def main():
    arguments = sys.argv[1:]
    only_runs = "--runs" in arguments
    arguments = [a for a in arguments if a != "--runs"]
    directory = arguments[0] if arguments else os.path.join(os.path.dirname(__file__), "results")
    runs, peers, graphviz = load(directory)
    if only_runs:
        out = ["# MoneyFlow benchmark runs", "", RUNS_INTRO, ""] + runs_sections(runs)
        print("\n".join(out).rstrip() + "\n")
        return
    out = ["# MoneyFlow benchmark results", "",
           "Generated by `python3 Benchmarks/make_results.py Benchmarks/results > Benchmarks/RESULTS.md` "
           "from the raw JSON in `Benchmarks/results/`. Every figure below was measured; none is typed by hand. "
           "The machine is shared with other jobs, so compare ratios taken within one run rather than "
           "absolute times across runs.", ""]
    out += ["## Reproduce", "",
            "```",
            "swift run -c release moneyflow-bench --quick --output Benchmarks/results/moneyflow-quick.json",
            "swift run -c release moneyflow-bench --output Benchmarks/results/moneyflow-full.json   # long",
            "Benchmarks/peers/run.sh        # peers side by side + Graphviz; regenerates this file",
            "```", ""]
    notes = os.path.join(directory, "NOTES.md")
    if os.path.exists(notes):
        # Corrections written by hand, about runs recorded before a fix.
        with open(notes, encoding="utf-8") as handle:
            out += [handle.read().rstrip(), ""]
    out += targets_section(runs, peers) + [""]
    if peers:
        out += peers_section(peers, runs) + [""]
    if graphviz:
        out += graphviz_section(graphviz) + [""]
    if load.circulation:
        out += circulation_section(load.circulation) + [""]
    out += amlsim_section(runs) + [""]
    out += index_section(os.path.join(os.path.dirname(os.path.abspath(__file__)), "reports"))
    print("\n".join(out).rstrip() + "\n")


if __name__ == "__main__":
    main()
