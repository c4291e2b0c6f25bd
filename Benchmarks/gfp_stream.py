#!/usr/bin/env python3
"""IBM Graph Feature Preprocessor (snapml) on the stream `moneyflow watch --temporal` reads.

Usage: python3 Benchmarks/gfp_stream.py STREAM.csv [WINDOW_SECONDS] [BATCH] [THREADS]

STREAM.csv is a moneyflow CSV edge list sorted by date (header from,to,kind,amount,currency,date).
Only temporal cycles are switched on (temp-cycle, window WINDOW_SECONDS, default 86400); the
flows are fed in batches of BATCH (default 65536... flows) with partial_fit + transform, as a
stream. Prints flows/s and the sum of GFP's per-edge temporal-cycle features. GFP counts, per
edge, the cycles through it (binned); it lists none, so the figure is a speed comparison, not
an equality check. Needs `pip install snapml`; exits 0 with a message when it is missing.
"""
import calendar
import sys
import time

try:
    import numpy as np
    from snapml import GraphFeaturePreprocessor
except ImportError as error:  # pragma: no cover
    print(f"gfp_stream: skipped, snapml is not installed ({error})")
    sys.exit(0)


def load(path):
    ids = {}
    rows = []
    with open(path, encoding="utf-8") as handle:
        header = handle.readline().rstrip("\n").split(",")
        src, dst, date = header.index("from"), header.index("to"), header.index("date")
        for n, line in enumerate(handle):
            fields = line.rstrip("\n").split(",")
            y, m, d = fields[date][:10].split("-")
            t = calendar.timegm((int(y), int(m), int(d), 0, 0, 0))
            a = ids.setdefault(fields[src], len(ids))
            b = ids.setdefault(fields[dst], len(ids))
            rows.append((n, a, b, t))
    return np.array(rows, dtype=np.float64)


def main():
    path = sys.argv[1]
    window = int(sys.argv[2]) if len(sys.argv) > 2 else 86400
    batch = int(sys.argv[3]) if len(sys.argv) > 3 else 1400
    threads = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    flows = load(path)
    gp = GraphFeaturePreprocessor()
    gp.set_params({
        "num_threads": threads, "time_window": window, "vertex_stats": False, "fan": False,
        "degree": False, "scatter-gather": False, "temp-cycle": True, "temp-cycle_tw": window,
        "lc-cycle": False,
    })
    total = 0.0
    start = time.perf_counter()
    for i in range(0, len(flows), batch):
        part = flows[i:i + batch]
        gp.partial_fit(part)
        features = gp.transform(part)
        total += float(features[:, 4:].sum())
    seconds = time.perf_counter() - start
    print(f"gfp temp-cycle window {window} s, batches of {batch}, {threads} thread(s): "
          f"{len(flows)} flows in {seconds:.2f} s = {len(flows) / seconds:.0f} flows/s; feature sum {total:.0f}")


if __name__ == "__main__":
    main()
