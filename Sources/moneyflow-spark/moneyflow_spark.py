#!/usr/bin/env python3
"""Run `moneyflow cycles` on Apache Spark: one shard of the search a task.

    spark-submit [--master URL] Sources/moneyflow-spark/moneyflow_spark.py \
        [--binary PATH] [--shards N] [--input-format csv|parquet] \
        [--split components] cycles FILE [cycles options]

FILE is a graph file moneyflow reads (.json, .csv, ...) or a dataset Spark
reads (a folder of CSV or Parquet parts, an object-store path such as
s3a://bucket/flows/, or a .parquet path); a dataset is written once to a CSV
edge list with its own column names, which `--columns` (passed through to
moneyflow) maps. The graph file and the moneyflow binary (default
.build/release/moneyflow) go to the executors with SparkContext.addFile; task
I runs `moneyflow cycles FILE ... --shard I/N --format partial`; the driver
merges the partials with `moneyflow cycles FILE ... --merge PARTIALS` and
prints exactly what one `moneyflow cycles FILE ...` prints (text or JSON).

With --split components (for graphs too large for one machine's memory;
DISTRIBUTED.md, section 2), FILE is a CSV edge list or a dataset: Spark trims
companies that cannot be on a cycle, labels the components of the rest with
`moneyflow scc`, and each task searches one part (the rows of some
components, or a shard of a large one) with `--part P/Q`; the partials merge
by company id. Rows outside every cyclic component are counted on standard
error. The task count is --shards (default: Spark's default parallelism).

Run without spark-submit (plain python3 with pyspark installed), the master is
--master or local[2].
"""

import csv
import os
import shutil
import stat
import subprocess
import sys
import tempfile

USAGE = (
    "Usage: moneyflow_spark.py [--master URL] [--binary PATH] [--shards N] "
    "[--input-format csv|parquet] [--split components] cycles FILE [cycles options]"
)
GRAPH_SUFFIXES = (".json", ".csv", ".graphml", ".ftm.json", ".ftm.jsonl", ".jsonl")
REFUSED = ("--shard", "--merge", "--stop-after")


def usage_error(message):
    """Prints a usage error the way moneyflow does and exits with status 2."""
    sys.stderr.write("Error: %s\n%s\n" % (message, USAGE))
    sys.exit(2)


def parse(argv):
    """Splits the command line into the driver's options and moneyflow's."""
    options = {"master": None, "binary": ".build/release/moneyflow", "shards": None, "input_format": None, "split": None}
    i = 0
    while i < len(argv) and argv[i] != "cycles":
        name = argv[i]
        key = {
            "--master": "master", "--binary": "binary", "--shards": "shards", "--input-format": "input_format",
            "--split": "split",
        }.get(name)
        if key is None:
            if name in ("-h", "--help"):
                print(__doc__.strip())
                sys.exit(0)
            usage_error("unknown option '%s'" % name)
        if i + 1 >= len(argv):
            usage_error("missing value for '%s'" % name)
        options[key] = argv[i + 1]
        i += 2
    if i >= len(argv) or i + 1 >= len(argv):
        usage_error("expected 'cycles FILE [cycles options]'")
    graph, passed = argv[i + 1], argv[i + 2:]
    for argument in passed:
        if argument.split("=", 1)[0] in REFUSED:
            usage_error("'%s' is chosen by the driver or cannot be sharded" % argument)
    if options["shards"] is not None:
        if not options["shards"].isdigit() or int(options["shards"]) < 1:
            usage_error("'--shards' expects a whole number of at least 1")
        options["shards"] = int(options["shards"])
    if options["input_format"] not in (None, "csv", "parquet"):
        usage_error("'--input-format' expects csv or parquet")
    if options["split"] not in (None, "components"):
        usage_error("'--split' expects components")
    if options["split"] is not None:
        if any(a.split("=", 1)[0] == "--through" for a in passed):
            usage_error("'--through' cannot go with '--split components': a part need not hold the companies named")
        if not is_dataset(graph, options["input_format"]) and not graph.endswith(".csv"):
            usage_error("'--split components' reads a CSV edge list or a dataset, not '%s'" % graph)
    return options, graph, passed


def split_output(passed):
    """Separates `-o FILE` / `--output FILE`, which only the merge gets, from
    the search options every shard gets."""
    search, output, i = [], [], 0
    while i < len(passed):
        argument = passed[i]
        if argument in ("-o", "--output") and i + 1 < len(passed):
            output += passed[i:i + 2]
            i += 2
            continue
        (output if argument.startswith("--output=") else search).append(argument)
        i += 1
    return search, output


def is_dataset(path, input_format):
    """Whether `path` is for Spark to read rather than a moneyflow graph file."""
    if input_format is not None:
        return True
    if "://" in path or os.path.isdir(path) or path.endswith(".parquet"):
        return True
    return not path.endswith(GRAPH_SUFFIXES)


def read_dataset(spark, path, input_format):
    """The rows of a CSV (RFC 4180, with a header) or Parquet dataset, as a
    DataFrame of strings for CSV."""
    if input_format is None:
        input_format = "parquet" if path.endswith(".parquet") or has_parquet_parts(path) else "csv"
    if input_format == "parquet":
        return spark.read.parquet(path)
    options = {"header": "true", "escape": '"', "multiLine": "true"}
    return spark.read.options(**options).csv(path)


def write_dataset(frame, target):
    """Writes the rows of `frame` once, on the driver, as one CSV edge list
    with the dataset's column names."""
    with open(target, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(frame.columns)
        for row in frame.toLocalIterator():
            writer.writerow(["" if value is None else str(value) for value in row])


def has_parquet_parts(path):
    return os.path.isdir(path) and any(name.endswith(".parquet") for name in os.listdir(path))


def run_shard(index, shards, graph_name, binary_name, passed):
    """Runs one shard on an executor; returns (index, status, partial, diagnostics)."""
    from pyspark import SparkFiles

    binary = SparkFiles.get(binary_name)
    mode = os.stat(binary).st_mode
    if not mode & stat.S_IXUSR:
        os.chmod(binary, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    threads = [] if any(a.split("=", 1)[0] == "--threads" for a in passed) else ["--threads", "1"]
    command = [binary, "cycles", SparkFiles.get(graph_name)] + passed + threads
    command += ["--shard", "%d/%d" % (index + 1, shards), "--format", "partial"]
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return index, done.returncode, done.stdout, done.stderr.decode("utf-8", "replace")


def main(argv):
    options, graph, passed = parse(argv)
    passed, output = split_output(passed)
    binary = options["binary"]
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        usage_error("no moneyflow binary at '%s' (build it with 'swift build -c release' or pass --binary)" % binary)
    # The merge must print what one run prints: pass the user's format on, with
    # the search options, but never the partial format the shards use.
    formats = [passed[i + 1] for i, a in enumerate(passed[:-1]) if a == "--format"]
    formats += [a.split("=", 1)[1] for a in passed if a.startswith("--format=")]
    if "partial" in formats:
        usage_error("'--format partial' is what the shards print; choose text or json")

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("moneyflow cycles").config("spark.ui.showConsoleProgress", "false")
    if options["master"] is not None:
        builder = builder.master(options["master"])
    elif "PYSPARK_GATEWAY_PORT" not in os.environ:
        # Plain python3, not spark-submit (which sets the master itself).
        builder = builder.master("local[2]")
    spark = builder.getOrCreate()
    context = spark.sparkContext
    context.setLogLevel("ERROR")
    scratch = tempfile.mkdtemp(prefix="moneyflow-spark-")
    try:
        local_graph, frame = graph, None
        if is_dataset(graph, options["input_format"]):
            local_graph = os.path.join(scratch, "flows.csv")
            frame = read_dataset(spark, graph, options["input_format"]).cache()
            write_dataset(frame, local_graph)
        elif not os.path.isfile(graph):
            sys.stderr.write("%s: error: no such file\n" % graph)
            return 1
        shards = options["shards"] or context.defaultParallelism
        if options["split"] is not None:
            return run_split(spark, graph, local_graph, frame, binary, passed, output, shards, scratch)
        context.addFile(os.path.abspath(local_graph))
        context.addFile(os.path.abspath(binary))
        graph_name, binary_name = os.path.basename(local_graph), os.path.basename(binary)
        results = (
            context.parallelize(range(shards), shards)
            .map(lambda i: run_shard(i, shards, graph_name, binary_name, passed))
            .collect()
        )
        results.sort(key=lambda result: result[0])
        for index, status, _, diagnostics in results:
            if status != 0:
                sys.stderr.write(diagnostics)
                sys.stderr.write("moneyflow-spark: shard %d/%d failed (exit status %d)\n" % (index + 1, shards, status))
                return status
        partials = os.path.join(scratch, "partials.txt")
        with open(partials, "wb") as out:
            for result in results:
                out.write(result[2])
        merged = subprocess.run([binary, "cycles", local_graph] + passed + output + ["--merge", partials])
        return merged.returncode
    finally:
        spark.stop()
        shutil.rmtree(scratch, ignore_errors=True)


def run_split(spark, graph, local_graph, frame, binary, passed, output, tasks, scratch):
    """`--split components`: the search part by part (split_components.py),
    then the merge by company id; returns the exit status."""
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, here)
    import split_components

    context = spark.sparkContext
    context.addPyFile(os.path.join(here, "split_components.py"))
    context.addFile(os.path.abspath(binary))
    if frame is None:
        header = split_components.header_of(local_graph)
        frame = read_dataset(spark, local_graph, "csv")
        companion = local_graph[:-len(".csv")] + ".meta.json"
        companion = open(companion, "rb").read() if os.path.isfile(companion) else None
    else:
        header, companion = list(frame.columns), None
    try:
        partials, failed = split_components.run(
            spark, frame, header, companion, passed, binary, os.path.basename(binary), tasks, scratch,
            sys.stderr.write)
    except split_components.SplitError as error:
        usage_error(str(error))
    for (part, shard, parts, shards), status, diagnostics in failed:
        sys.stderr.write(diagnostics)
        sys.stderr.write("moneyflow-spark: shard %d/%d of part %d/%d failed (exit status %d)\n"
                         % (shard + 1, shards, part + 1, parts, status))
        return status
    path = os.path.join(scratch, "partials.txt")
    with open(path, "wb") as out:
        out.write(partials)
    return subprocess.run([binary, "cycles", local_graph] + passed + output + ["--merge", path]).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
