#!/usr/bin/env python3
"""Detection of labelled laundering flows by MoneyFlow's cycle searches (issue 12).

For each (window, length bound) runs
  moneyflow cycles FILE --temporal --window W [--max-length L] --limit 0 --format json
and reports, over the distinct flows of all chains found:
  recall    = labelled flows on some chain / all labelled flows
  precision = labelled flows on some chain / all flows on some chain
Flows are told apart by (from, to, date, amount); labels are the flow
attributes "Is Laundering" / "isFraud" that the readers keep.

Usage: python3 Benchmarks/label_detection.py BINARY FILE [W:L ...]   (L '-' = no bound)
"""
import json, subprocess, sys, time

def run(binary, args):
    out = subprocess.run([binary] + args, check=True, capture_output=True, text=True).stdout
    return json.loads(out)

def labelled(flow):
    attrs = flow.get("attributes", {})
    return any(attrs.get(k, "0") != "0" for k in ("Is Laundering", "isFraud"))

def main():
    binary, path = sys.argv[1], sys.argv[2]
    settings = sys.argv[3:] or ["7:-", "30:-"]
    total = run(binary, ["stats", path, "--format", "json"]).get("labelled_flows", 0)
    print(f"{path}: {total} labelled flows")
    print("| window (days) | max length | chains | flows on chains | labelled on chains | recall | precision | time |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for setting in settings:
        window, length = setting.split(":")
        args = ["cycles", path, "--temporal", "--window", window, "--limit", "0", "--format", "json"]
        if length != "-":
            args += ["--max-length", length]
        start = time.time()
        answer = run(binary, args)
        seconds = time.time() - start
        seen = {}
        for cycle in answer["cycles"]:
            for flow in cycle["flows"]:
                key = (flow["from"], flow["to"], flow.get("date"), str(flow.get("amount")))
                seen[key] = labelled(flow)
        hits = sum(seen.values())
        recall = hits / total if total else 0
        precision = hits / len(seen) if seen else 0
        print(f"| {window} | {length} | {answer['count']:,} | {len(seen):,} | {hits:,} | {recall:.1%} | {precision:.1%} | {seconds:.1f} s |")

if __name__ == "__main__":
    main()
