"""`--split components`: run `moneyflow cycles` on a graph split by strongly
connected component (DISTRIBUTED.md, section 2, steps 1-4), with Spark
DataFrames.

1. Links: the distinct (payer, payee) pairs of the rows, over all rows (the
   components of all flows are unions of those of the flows the options
   select, so every cycle the options allow lies inside one of them).
2. Trim: drop companies with no incoming or no outgoing link until a round
   drops less than a tenth of the links; collect the core's links on the driver and label its
   components with `moneyflow scc --kinds all --format json`.
3. Rows to components: join each row with the component of its payer and of
   its payee; rows with both ends in one cyclic component go to that
   component's part, the others are counted (they cannot be on a cycle).
4. Pack: components go to parts by rows, largest first to the lightest part
   (Graham's LPT rule); tasks left over split the heaviest parts into shards
   (`--shard I/K`). Each task writes its part as a CSV file with the input's
   header and rows in input order, and runs `moneyflow cycles PART --part P/Q
   [--shard I/K] --format partial`; the driver merges the partials by company
   id (`moneyflow cycles FILE --merge PARTIALS`).

Party ids are computed as moneyflow computes them: the `from` and `to`
columns of the header, or those `--columns` names (by header name or 1-based
number; fields joined with '+' are joined by ':').
"""

import csv
import io
import json
import os
import subprocess
import tempfile

PARTY_SEPARATOR = ":"


class SplitError(Exception):
    """A reason the split cannot run; the driver reports it as a usage error."""


def header_of(path):
    """The first CSV record of a local file: its column names, as written."""
    with open(path, newline="", encoding="utf-8") as source:
        return next(csv.reader(source), [])


def party_columns(header, passed):
    """The column positions of the payer and of the payee, from `--columns`
    in the options passed to moneyflow or else the `from`/`to` header names."""
    mapping = None
    for i, argument in enumerate(passed):
        if argument == "--columns" and i + 1 < len(passed):
            mapping = passed[i + 1]
        elif argument.startswith("--columns="):
            mapping = argument.split("=", 1)[1]
    if mapping is None:
        if "from" not in header or "to" not in header:
            raise SplitError("the header has no 'from' and 'to' columns: say which columns hold the parties with --columns")
        return [header.index("from")], [header.index("to")]
    roles = {}
    for entry in mapping.split(","):
        role, _, spec = entry.partition("=")
        roles[role] = spec
    positions = []
    for role in ("from", "to"):
        if role not in roles:
            raise SplitError("--columns lacks '%s='" % role)
        columns = []
        for piece in roles[role].split("+"):
            if piece.isdigit():
                columns.append(int(piece) - 1)
            elif header.count(piece) == 1:
                columns.append(header.index(piece))
            else:
                raise SplitError("--columns %s=%s: the header has %d columns '%s'" % (role, piece, header.count(piece), piece))
            if not 0 <= columns[-1] < len(header):
                raise SplitError("--columns %s=%s: the header has %d columns" % (role, piece, len(header)))
        positions.append(columns)
    return positions[0], positions[1]


def plural(count, noun):
    return "%d %s%s" % (count, noun, "" if count == 1 else "s")


def party(row, columns):
    return PARTY_SEPARATOR.join("" if row[c] is None else str(row[c]) for c in columns)


def trimmed_links(links):
    """Drops, round by round, the links of companies with no incoming or no
    outgoing link, until a round drops less than a tenth of them (stopping
    early is exact: every company on a cycle and every link between two such
    companies stays, and `scc` on the rest finds the same components); returns
    the links left and the rounds run."""
    rounds = 0
    count = links.count()
    while True:
        rounds += 1
        both = links.select(links.src.alias("id")).intersect(links.select(links.dst.alias("id")))
        kept = links.join(both.withColumnRenamed("id", "src"), "src", "leftsemi")
        kept = kept.join(both.withColumnRenamed("id", "dst"), "dst", "leftsemi").select("src", "dst")
        kept = kept.localCheckpoint()
        left = kept.count()
        if left == count or 10 * left > 9 * count:
            return kept, rounds
        links, count = kept, left


def components_of(core_links, binary, scratch):
    """Labels the core's components with `moneyflow scc` on the driver:
    {company id: component number} for companies on a cycle."""
    path = os.path.join(scratch, "core.csv")
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["from", "to", "kind", "amount", "currency", "date"])
        for row in core_links.toLocalIterator():
            writer.writerow([row.src, row.dst, "other", "", "", ""])
    done = subprocess.run([binary, "scc", path, "--kinds", "all", "--format", "json"], stdout=subprocess.PIPE)
    if done.returncode != 0:
        raise SplitError("moneyflow scc failed on the trimmed core (exit status %d)" % done.returncode)
    component = {}
    for number, members in enumerate(json.loads(done.stdout.decode("utf-8"))["components"]):
        for company in members:
            component[company] = number
    return component


def pack(sizes, tasks):
    """Components (by rows) to parts, largest first to the lightest part;
    then the tasks left over as shards of the parts with the most rows a
    shard. Returns (part of each component, shards of each part)."""
    parts = max(1, min(tasks, len(sizes)))
    load = [0] * parts
    part_of = [0] * len(sizes)
    for c in sorted(range(len(sizes)), key=lambda c: (-sizes[c], c)):
        p = min(range(parts), key=lambda p: (load[p], p))
        part_of[c] = p
        load[p] += sizes[c]
    shards = [1] * parts
    for _ in range(tasks - parts if sizes else 0):
        p = max(range(parts), key=lambda p: (load[p] / shards[p], -p))
        shards[p] += 1
    return part_of, shards


def run_task(rows, task, plan, header, companion, binary_name, passed):
    """On an executor: writes the task's part (its rows in input order) and
    runs its shard of the search; returns [(task, status, partial, errors)]."""
    from pyspark import SparkFiles

    part, shard, parts, shards = plan[task]
    scratch = tempfile.mkdtemp(prefix="moneyflow-part-")
    path = os.path.join(scratch, "part.csv")
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        for _, (_, values) in rows:
            writer.writerow(["" if value is None else str(value) for value in values])
    if companion is not None:
        with open(os.path.join(scratch, "part.meta.json"), "wb") as out:
            out.write(companion)
    binary = SparkFiles.get(binary_name)
    os.chmod(binary, os.stat(binary).st_mode | 0o111)
    threads = [] if any(a.split("=", 1)[0] == "--threads" for a in passed) else ["--threads", "1"]
    command = [binary, "cycles", path] + passed + threads + ["--part", "%d/%d" % (part + 1, parts)]
    command += ["--shard", "%d/%d" % (shard + 1, shards), "--format", "partial"]
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    for name in os.listdir(scratch):
        os.remove(os.path.join(scratch, name))
    os.rmdir(scratch)
    return [(task, done.returncode, done.stdout, done.stderr.decode("utf-8", "replace"))]


def run(spark, frame, header, companion, passed, binary, binary_name, tasks, scratch, log):
    """Steps 1-4 on the DataFrame `frame` (the input's rows, in order);
    returns the concatenated partials of every task, in task order."""
    origin, target = party_columns(header, passed)
    if not spark.sparkContext.getConf().contains("spark.sql.shuffle.partitions"):
        # Spark's default of 200 shuffle partitions is far too many for the link
        # tables of the trimming rounds on small clusters; say --conf to choose.
        spark.conf.set("spark.sql.shuffle.partitions", str(max(tasks, spark.sparkContext.defaultParallelism)))
    numbered = frame.rdd.zipWithIndex().map(lambda pair: (pair[1], tuple(pair[0])))
    numbered = numbered.map(lambda item: (item[0], (party(item[1], origin), party(item[1], target)), item[1]))
    numbered = numbered.cache()
    links = spark.createDataFrame(numbered.map(lambda item: item[1]), "src string, dst string").distinct()
    core, rounds = trimmed_links(links)
    component = components_of(core, binary, scratch)
    lookup = spark.sparkContext.broadcast(component)

    def component_of_row(item):
        ends = item[1]
        c = lookup.value.get(ends[0])
        return c if c is not None and lookup.value.get(ends[1]) == c else -1

    labelled = numbered.map(lambda item: (component_of_row(item), item[0], item[2])).cache()
    counts = dict(labelled.map(lambda item: (item[0], 1)).reduceByKey(lambda a, b: a + b).collect())
    outside = counts.pop(-1, 0)
    sizes = [counts.get(c, 0) for c in range(len(set(component.values())))]
    part_of, shards = pack(sizes, tasks)
    plan = [(p, i, len(shards), shards[p]) for p in range(len(shards)) for i in range(shards[p])]
    first_task = [sum(shards[:p]) for p in range(len(shards))]
    log(
        "moneyflow-spark: %s; %d of them lie outside every cyclic component (they cannot be on a cycle); "
        "%s (after %s) in %s, %s\n"
        % (plural(sum(counts.values()) + outside, "row"), outside, plural(len(sizes), "cyclic component"),
           plural(rounds, "trimming round"), plural(len(shards), "part"), plural(len(plan), "task")))

    def to_tasks(item):
        c, number, values = item
        if c < 0:
            return []
        p = part_of[c]
        return [((first_task[p] + i, number), (number, values)) for i in range(shards[p])]

    keyed = labelled.flatMap(to_tasks).repartitionAndSortWithinPartitions(
        numPartitions=len(plan), partitionFunc=lambda key: key[0])
    results = keyed.mapPartitionsWithIndex(
        lambda task, rows: run_task(rows, task, plan, header, companion, binary_name, passed)).collect()
    results.sort(key=lambda result: result[0])
    failed = [(plan[task], status, errors) for task, status, _, errors in results if status != 0]
    return b"".join(result[2] for result in results), failed
