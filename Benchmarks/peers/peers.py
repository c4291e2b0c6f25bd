#!/usr/bin/env python3
"""Runs the benchmark phases of MoneyFlow with its peers on the same CSV files.

Peers: networkx, igraph (python-igraph, PyPI name `igraph`) and rustworkx.
Each reads the same MoneyFlow CSV edge list (header
`from,to,kind,amount,currency,date`) with Python's csv module (all six
fields; the amount parsed as a float) and builds a SIMPLE directed graph:
parallel flows of one direction form one link, as in MoneyFlow's company
graph. Then, per library, in one worker process with a timeout per phase:

  load     read the CSV and build the simple digraph
  scc      strongly connected components; counts the components with a
           cycle (two or more companies, or one with a flow to itself)
  dot      DOT export to a file (igraph only: networkx needs pydot or
           pygraphviz, rustworkx needs a callback per node)
  cycles   elementary cycles of length 3..6, counted:
           networkx simple_cycles(G, length_bound=6), keeping length >= 3;
           igraph Graph.simple_cycles(min=3, max=6);
           rustworkx simple_cycles(G) has no bound: every cycle is
           enumerated and those of length 3..6 counted (so it usually times out).

Circulation (--circulation): the maximum circulation of the same CSV
files, whole process against whole process, in one run: `moneyflow
circulation FILE` (text answer) and this script's --ortools-circulation
FILE, which reads the file with Python's csv module, turns every amount into
exact integer units (the smallest decimal place of the file), adds one arc
a flow to OR-tools' SimpleMinCostFlow (capacity = amount, cost -1 a unit,
no supplies) and solves the minimum-cost circulation: minus its cost is the
maximum circulation, compared with moneyflow-bench's exact `circular`.

Counts are compared with MoneyFlow's (from the moneyflow-bench JSON). A
phase that runs past --timeout seconds is killed and reported as "timeout";
the phases after it in that worker are then "not run".

    peers.py --moneyflow results/moneyflow.json --output results/peers.json
    peers.py --graphviz --bench PATH/moneyflow-bench --output results/graphviz.json
    peers.py --circulation --moneyflow results/moneyflow-circulation.json \
        --binary PATH/moneyflow --output results/circulation.json

This script is not run in CI.
"""

import argparse
import csv
import json
import multiprocessing as mp
import os
import platform
import re
import subprocess
import sys
import tempfile
import time

LIBRARIES = ("networkx", "igraph", "rustworkx")
PHASES = ("load", "scc", "dot", "cycles")
MIN_LENGTH, MAX_LENGTH = 3, 6


def memory_kib():
    """(VmRSS, VmHWM) of this process in KiB."""
    with open("/proc/self/status") as status:
        text = status.read()
    rss = int(re.search(r"VmRSS:\s+(\d+)", text).group(1))
    hwm = int(re.search(r"VmHWM:\s+(\d+)", text).group(1))
    return rss, hwm


def csv_rows(handle, path):
    """A csv reader over the rows of a MoneyFlow CSV, its header checked."""
    rows = csv.reader(handle)
    header = next(rows)
    if header[:6] != ["from", "to", "kind", "amount", "currency", "date"]:
        raise ValueError(f"{path}: unexpected header {header}")
    return rows


def read_links(path):
    """Rows of the CSV, parsed; returns the distinct links (payer, payee) in
    first-appearance order and the number of flows."""
    links = {}
    flows = 0
    with open(path, newline="") as handle:
        for row in csv_rows(handle, path):
            payer, payee, _kind, amount, _currency, _date = row[:6]
            if amount:
                float(amount)
            flows += 1
            links[(payer, payee)] = None
    return list(links), flows


# Graph construction per library: returns (graph, extra) where extra is
# whatever the phases need (a node count, ids).

def build_networkx(links):
    import networkx as nx
    graph = nx.DiGraph()
    graph.add_edges_from(links)
    return graph


def numbered(links):
    """The links as pairs of node numbers (in order of first use) and the
    number of nodes: what igraph and rustworkx build from."""
    index = {}
    edges = [(index.setdefault(payer, len(index)), index.setdefault(payee, len(index))) for payer, payee in links]
    return edges, len(index)


def build_igraph(links):
    import igraph as ig
    edges, nodes = numbered(links)
    graph = ig.Graph(n=nodes, edges=edges, directed=True)
    return graph


def build_rustworkx(links):
    import rustworkx as rx
    edges, nodes = numbered(links)
    graph = rx.PyDiGraph(multigraph=False)
    graph.add_nodes_from(range(nodes))
    graph.add_edges_from([(a, b, None) for a, b in edges])
    return graph


def cyclic_components(components, has_self_loop):
    return sum(1 for c in components if len(c) > 1 or (len(c) == 1 and has_self_loop(next(iter(c)))))


def phase_scc(library, graph):
    if library == "networkx":
        import networkx as nx
        components = list(nx.strongly_connected_components(graph))
        return cyclic_components(components, lambda v: graph.has_edge(v, v))
    if library == "igraph":
        components = graph.connected_components(mode="strong")
        return sum(1 for c in components if len(c) > 1 or graph.are_adjacent(c[0], c[0]))
    import rustworkx as rx
    components = rx.strongly_connected_components(graph)
    return cyclic_components(components, lambda v: graph.has_edge(v, v))


def phase_dot(library, graph, directory):
    if library != "igraph":
        return None
    path = os.path.join(directory, "peer.dot")
    graph.write_dot(path)
    size = os.path.getsize(path)
    os.remove(path)
    return size


def phase_cycles(library, graph):
    if library == "networkx":
        import networkx as nx
        return sum(1 for c in nx.simple_cycles(graph, length_bound=MAX_LENGTH) if len(c) >= MIN_LENGTH)
    if library == "igraph":
        return len(graph.simple_cycles(min=MIN_LENGTH, max=MAX_LENGTH))
    import rustworkx as rx
    return sum(1 for c in rx.simple_cycles(graph) if MIN_LENGTH <= len(c) <= MAX_LENGTH)


BUILDERS = {"networkx": build_networkx, "igraph": build_igraph, "rustworkx": build_rustworkx}


def worker(library, path, repetitions, budget, connection):
    """Runs the phases in order, sending (phase, seconds list, count, extra) after each."""
    try:
        __import__(library)  # imported before the clock starts
        rss0, _ = memory_kib()
        start = time.perf_counter()
        links, flows = read_links(path)
        graph = BUILDERS[library](links)
        load_seconds = time.perf_counter() - start
        del links
        rss1, hwm1 = memory_kib()
        connection.send(("load", [load_seconds], flows, {
            "peak_bytes_per_flow": (hwm1 - rss0) * 1024 / max(1, flows),
            "retained_bytes_per_flow": (rss1 - rss0) * 1024 / max(1, flows),
            "bytes": os.path.getsize(path)}))
        directory = tempfile.mkdtemp(prefix="peers-")
        for phase in ("scc", "dot", "cycles"):
            times = []
            count = None
            extra = {}
            for _ in range(repetitions):
                start = time.perf_counter()
                if phase == "scc":
                    count = phase_scc(library, graph)
                elif phase == "dot":
                    count = phase_dot(library, graph, directory)
                else:
                    count = phase_cycles(library, graph)
                times.append(time.perf_counter() - start)
                if count is None or sum(times) > budget:
                    break
            if phase == "dot" and count is not None:
                extra["bytes"] = count
            connection.send((phase, times if count is not None else [], count, extra))
        os.rmdir(directory)
    except Exception as error:  # reported, never hidden
        connection.send(("error", [], None, {"message": repr(error)}))
    finally:
        connection.close()


def run_workload(library, workload, repetitions, timeout, budget):
    """One worker for one library and workload; per-phase timeout."""
    context = mp.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=worker, args=(library, workload["csvPath"], repetitions, budget, sender))
    process.start()
    sender.close()
    results = []
    for phase in PHASES:
        # Loading gets a longer limit than the measured phases, scaled the same way.
        limit = timeout * (3 if phase == "load" else 1)
        if not receiver.poll(limit):
            results.append(dict(phase=phase, status="timeout", note=f"killed after {limit:.0f} s"))
            process.kill()
            process.join()
            for later in PHASES[PHASES.index(phase) + 1:]:
                results.append(dict(phase=later, status="not run", note=f"{phase} timed out"))
            return results
        try:
            name, times, count, extra = receiver.recv()
        except EOFError:
            results.append(dict(phase=phase, status="failed", note="worker died (out of memory?)"))
            break
        if name == "error":
            results.append(dict(phase=phase, status="failed", note=extra.get("message")))
            break
        entry = dict(phase=name, status="ok" if times else "unsupported", seconds=times, count=count)
        entry.update(extra)
        results.append(entry)
    process.join(timeout=5)
    if process.is_alive():
        process.kill()
    return results


def versions():
    out = {"python": platform.python_version()}
    for library in LIBRARIES:
        try:
            module = __import__(library)
            out[library] = getattr(module, "__version__", "?")
        except ImportError:
            out[library] = None
    return out


def moneyflow_counts(report):
    """(family, nodes, edges, seed) -> {phase: count} from moneyflow-bench JSON."""
    counts = {}
    for result in report.get("results", []):
        key = (result["family"], result["nodes"], result["edges"], result["seed"])
        if result.get("status") != "ok":
            continue
        c = result.get("counts", {})
        phase = result["phase"]
        if phase == "scc" and "components" in c:
            counts.setdefault(key, {})["scc"] = c["components"]
        if phase == "cycles" and "cycles" in c:
            counts.setdefault(key, {})["cycles"] = c["cycles"]
    return counts


def run_peers(args):
    with open(args.moneyflow) as handle:
        report = json.load(handle)
    expected = moneyflow_counts(report)
    workloads = [w for w in report["workloads"] if not args.families or w["family"] in args.families]
    results = []
    for workload in workloads:
        key = (workload["family"], workload["nodes"], workload["edges"], workload["seed"])
        for library in args.libraries:
            print(f"{library:9} {workload['family']:8} {workload['nodes']:>9} {workload['edges']:>10} ...",
                  file=sys.stderr, flush=True)
            for entry in run_workload(library, workload, args.repetitions, args.timeout, args.budget):
                entry.update(library=library, family=workload["family"], nodes=workload["nodes"],
                             edges=workload["edges"], seed=workload["seed"])
                want = expected.get(key, {}).get(entry["phase"])
                if entry.get("status") == "ok" and want is not None and entry["phase"] in ("scc", "cycles"):
                    entry["moneyflow_count"] = want
                    entry["agrees"] = entry["count"] == want
                if entry.get("seconds"):
                    s = sorted(entry["seconds"])
                    entry["median"] = s[len(s) // 2] if len(s) % 2 else (s[len(s) // 2 - 1] + s[len(s) // 2]) / 2
                print(f"    {entry['phase']:7} {entry.get('status'):8} "
                      f"{entry.get('median', float('nan')):10.4f} s  count={entry.get('count')}"
                      f"{'' if entry.get('agrees', True) else '  DISAGREES with MoneyFlow ' + str(want)}",
                      file=sys.stderr, flush=True)
                results.append(entry)
    return {"kind": "peers", "versions": versions(), "timeout_seconds": args.timeout,
            "repetitions": args.repetitions, "machine": machine(), "command": " ".join(sys.argv),
            "moneyflow_results": os.path.basename(args.moneyflow),
            "results": results}


def machine():
    info = {"cores": os.cpu_count(), "platform": platform.platform()}
    try:
        with open("/proc/meminfo") as handle:
            info["memory_kib"] = int(re.search(r"MemTotal:\s+(\d+)", handle.read()).group(1))
    except OSError:
        pass
    return info


def run_graphviz(args):
    """Graphviz `dot -Tsvg` on MoneyFlow's DOT export of growing graphs, with
    edge labels (the default export) and without (--no-labels); each variant
    stops growing at its first timeout."""
    results = []
    directory = tempfile.mkdtemp(prefix="graphviz-")
    version = subprocess.run(["dot", "-V"], capture_output=True, text=True).stderr.strip()
    for labels in (True, False):
        for flows in args.graphviz_sizes:
            nodes = max(10, flows // 3)
            dot_path = os.path.join(directory, f"g{flows}.dot")
            command = [args.bench, "--export-dot", dot_path, "--family", "random",
                       "--nodes", str(nodes), "--edges", str(flows), "--seed", str(args.seed)]
            if not labels:
                command.append("--no-labels")
            made = subprocess.run(command, capture_output=True, text=True)
            if made.returncode != 0:
                results.append(dict(flows=flows, nodes=nodes, labels=labels, status="failed",
                                    note=made.stderr.strip()[-300:]))
                break
            start = time.perf_counter()
            try:
                subprocess.run(["dot", "-Tsvg", "-o", os.devnull, dot_path], check=True, timeout=args.timeout,
                               capture_output=True)
                status = "ok"
            except subprocess.TimeoutExpired:
                status = "timeout"
            except subprocess.CalledProcessError:
                status = "failed"
            seconds = time.perf_counter() - start
            results.append(dict(flows=flows, nodes=nodes, labels=labels, status=status,
                                seconds=seconds if status == "ok" else None,
                                dot_bytes=os.path.getsize(dot_path)))
            print(f"graphviz dot ({'labels' if labels else 'no labels'}): {flows:>6} flows, {nodes:>5} companies: "
                  f"{status} {seconds:.2f} s", file=sys.stderr, flush=True)
            os.remove(dot_path)
            if status != "ok":
                break
    os.rmdir(directory)
    return {"kind": "graphviz", "graphviz": version, "timeout_seconds": args.timeout, "seed": args.seed,
            "command": " ".join(sys.argv), "results": results}


def read_circulation_network(path):
    """The flows of a MoneyFlow CSV as (tails, heads, units, exponent): company
    indices in first-appearance order and each amount as an exact integer in
    units of 10^exponent (the smallest decimal place written). Flows without
    an amount are left out, as MoneyFlow does."""
    index = {}
    tails, heads, amounts = [], [], []
    places = 0
    with open(path, newline="") as handle:
        for row in csv_rows(handle, path):
            amount = row[3]
            if not amount:
                continue
            tails.append(index.setdefault(row[0], len(index)))
            heads.append(index.setdefault(row[1], len(index)))
            amounts.append(amount)
            dot = amount.find(".")
            if dot >= 0:
                places = max(places, len(amount) - dot - 1)
    units = []
    for amount in amounts:
        whole, _, fraction = amount.partition(".")
        units.append(int(whole + fraction.ljust(places, "0")))
    return tails, heads, units, -places


def ortools_circulation(path):
    """OR-tools' maximum circulation of the CSV at `path`, printed as JSON."""
    import numpy as np
    from ortools.graph.python import min_cost_flow
    start = time.perf_counter()
    tails, heads, units, exponent = read_circulation_network(path)
    loaded = time.perf_counter()
    solver = min_cost_flow.SimpleMinCostFlow()
    solver.add_arcs_with_capacity_and_unit_cost(
        np.array(tails, dtype=np.int32), np.array(heads, dtype=np.int32),
        np.array(units, dtype=np.int64), np.full(len(units), -1, dtype=np.int64))
    status = solver.solve()
    solved = time.perf_counter()
    if status != solver.OPTIMAL:
        raise RuntimeError(f"SimpleMinCostFlow status {status}")
    circular_units = -solver.optimal_cost()
    json.dump({"circular_units": circular_units, "exponent": exponent, "circular": circular_units * 10.0 ** exponent,
               "flows": len(units), "load_seconds": loaded - start, "solve_seconds": solved - loaded}, sys.stdout)
    print()


def timed(command, timeout):
    """(seconds, status, stdout) of a whole process, killed after `timeout` s."""
    start = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        status = "ok" if done.returncode == 0 else "failed"
        return time.perf_counter() - start, status, done.stdout if status == "ok" else done.stderr[-300:]
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, "timeout", ""


def run_circulation(args):
    """Whole-process maximum circulation, MoneyFlow against OR-tools, on the
    CSV files of a moneyflow-bench JSON (its circulation phase supplies the
    exact answer to compare with)."""
    with open(args.moneyflow) as handle:
        report = json.load(handle)
    exact = {}
    for result in report.get("results", []):
        if result.get("phase") == "circulation" and result.get("status") == "ok":
            key = (result["family"], result["nodes"], result["edges"], result["seed"])
            exact[key] = result.get("metrics", {}).get("circular")
    results = []
    for workload in report["workloads"]:
        if args.families and workload["family"] not in args.families:
            continue
        key = (workload["family"], workload["nodes"], workload["edges"], workload["seed"])
        path = workload["csvPath"]
        entry = dict(family=workload["family"], nodes=workload["nodes"], edges=workload["edges"],
                     seed=workload["seed"], moneyflow_circular=exact.get(key))
        seconds, status, out = timed([args.binary, "circulation", path], args.timeout)
        entry.update(moneyflow_seconds=seconds, moneyflow_status=status, moneyflow_first_line=out.split("\n")[0])
        seconds, status, out = timed([sys.executable, os.path.abspath(__file__), "--ortools-circulation", path],
                                     args.timeout)
        entry.update(ortools_seconds=seconds, ortools_status=status)
        if status == "ok":
            answer = json.loads(out)
            entry.update(ortools_circular=answer["circular"], ortools_load_seconds=answer["load_seconds"],
                         ortools_solve_seconds=answer["solve_seconds"])
            if entry["moneyflow_circular"] is not None:
                entry["agrees"] = abs(answer["circular"] - entry["moneyflow_circular"]) <= 1e-9 * max(1, answer["circular"])
        else:
            entry["ortools_note"] = out
        if entry["moneyflow_status"] == "ok" and status == "ok":
            entry["ratio"] = entry["ortools_seconds"] / entry["moneyflow_seconds"]
        print(f"circulation {entry['family']:8} {entry['nodes']:>9} {entry['edges']:>10}: moneyflow "
              f"{entry['moneyflow_status']} {entry['moneyflow_seconds']:.2f} s, OR-tools {entry['ortools_status']} "
              f"{entry['ortools_seconds']:.2f} s, agrees={entry.get('agrees')}", file=sys.stderr, flush=True)
        results.append(entry)
    ortools_version = subprocess.run([sys.executable, "-c", "import ortools; print(ortools.__version__)"],
                                     capture_output=True, text=True).stdout.strip() or None
    return {"kind": "circulation", "ortools": ortools_version, "timeout_seconds": args.timeout,
            "machine": machine(), "load_average": os.getloadavg(), "command": " ".join(sys.argv),
            "moneyflow_results": os.path.basename(args.moneyflow), "results": results}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--moneyflow", help="moneyflow-bench JSON (--output) naming the CSV files")
    parser.add_argument("--output", required=True)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--budget", type=float, default=10, help="stop repeating a phase after this many seconds")
    parser.add_argument("--libraries", default=",".join(LIBRARIES))
    parser.add_argument("--families", default="")
    parser.add_argument("--graphviz", action="store_true", help="time Graphviz dot instead of the peers")
    parser.add_argument("--bench", help="path of the built moneyflow-bench (for --graphviz)")
    parser.add_argument("--graphviz-sizes", default="50,100,150,200,300,1000,3000,10000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--circulation", action="store_true",
                        help="time the maximum circulation against OR-tools instead of the peers")
    parser.add_argument("--binary", help="path of the built moneyflow (for --circulation)")
    parser.add_argument("--ortools-circulation", metavar="CSV", help=argparse.SUPPRESS)
    if "--ortools-circulation" in sys.argv:
        ortools_circulation(sys.argv[sys.argv.index("--ortools-circulation") + 1])
        return
    args = parser.parse_args()
    args.libraries = [x for x in args.libraries.split(",") if x]
    args.families = [x for x in args.families.split(",") if x]
    args.graphviz_sizes = [int(x) for x in args.graphviz_sizes.split(",")]
    if args.graphviz:
        report = run_graphviz(args)
    elif args.circulation:
        if not args.moneyflow or not args.binary:
            parser.error("--circulation needs --moneyflow and --binary")
        report = run_circulation(args)
    else:
        if not args.moneyflow:
            parser.error("--moneyflow is required")
        report = run_peers(args)
    with open(args.output, "w") as handle:
        json.dump(report, handle, indent=1, sort_keys=True)
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
