#!/usr/bin/env python3
"""pandas and polars on the peer data: the reference side of indstat's panel benchmarks.

Times, in one process, the parse of SIZE.csv (made by gen_data.py) and each workload of
BENCHMARKS.md ("Workloads") on the parsed frame, and prints one JSON line per (peer,
workload): parse_s and compute_s are medians of --parse-reps parses and --reps computes.
Then, outside the timings, it reduces each result to the checksum of BENCHMARKS.md
("Checksums"), prints it in the line (key "checksum"), writes all of them to
checksums-SIZE.json in the data folder, and checks that the peers agree.

    export INDSTAT_PEER_DATA=/tmp/indstat-peer    # the folder gen_data.py wrote
    python3 benches/peers/peer_bench.py --size small --size medium
    python3 benches/peers/peer_bench.py --size large --reps 3
    python3 benches/peers/peer_bench.py --size medium --peers polars --polars-threads 1
    python3 benches/peers/peer_bench.py --size medium --peers pandas --workloads w2_growth --first --no-checksum
    python3 benches/peers/peer_bench.py --size small --dump /tmp/res     # per-row results as CSV
    python3 benches/peers/peer_bench.py --size medium --check-against OUT.jsonl

--first times the first repetition only (one parse, one compute): run once per workload in
a fresh process, it gives the cold figure. --check-against compares another
implementation's checksums (JSON lines with "workload" and "checksum", as indstat's
`examples/panel` prints them, or a checksums-SIZE.json) with checksums-SIZE.json and exits 0
only when all agree; it runs no benchmark.

Needs Python 3.11 with pandas, polars, numpy and pyarrow.
"""
from __future__ import annotations

import argparse
import gc
import json
import math
import os
import statistics
import sys
import tempfile
import time

WORKLOADS = ["w1_rank_avg", "w1_rank_min", "w2_growth", "w3_cagr", "w4_target"]
PEERS = ["pandas", "polars"]
DEFAULT_REPS = {"small": 20, "medium": 5, "large": 3}

# W4: the target is TARGET_FACTOR times the last value, HORIZON years after the last period;
# a series is on track when its projection reaches the target within SLACK (relative).
TARGET_FACTOR = 1.8
HORIZON = 4
SLACK = 1e-9
# Checksum floats agree when |a - b| <= RTOL * max(1, |a|, |b|); keys ending so are shown only.
RTOL = 1e-9
INFORMATIONAL = ("_r9", "_r4")


def data_folder() -> str:
    return os.environ.get("INDSTAT_PEER_DATA") or os.path.join(tempfile.gettempdir(), "indstat-peer")


# ------------------------------------------------------------------------------ the peers
# Each peer: parse(path) -> frame; rank, growth, cagr and target, which `run` calls by
# workload (the timed part, result materialised); table(workload, frame, result) -> the result
# as a polars frame with the columns `checksum` reads (not timed).


class Peer:
    def run(self, workload, df):
        if workload == "w1_rank_avg":
            return self.rank(df, "average")
        if workload == "w1_rank_min":
            return self.rank(df, "min")
        if workload == "w2_growth":
            return self.growth(df)
        if workload == "w3_cagr":
            return self.cagr(df)
        return self.target(df)


class Pandas(Peer):
    name = "pandas"
    threads = 1

    def __init__(self):
        import numpy
        import pandas

        self.np, self.pd = numpy, pandas
        self.version = pandas.__version__

    def parse(self, path):
        # C engine; keys stay strings (pandas 3's "str"): `category` parses many times slower.
        return self.pd.read_csv(path, dtype={"period": "int64", "value": "float64"})

    def rank(self, df, ties):
        by = [df["period"], df["indicator"]]
        return df["value"].groupby(by, sort=False).rank(method=ties, ascending=False)

    def growth(self, df):
        # The year before, by a left join on (entity, indicator, period - 1): faster here than
        # a sort and a grouped shift, and a gap stays a gap.
        before = df.rename(columns={"value": "prev_value"})
        before["period"] += 1
        out = df.merge(before, how="left", on=["entity", "indicator", "period"])
        prev = out["prev_value"]
        out["growth"] = (out["value"] / prev - 1.0).where(prev != 0)
        return out

    def cagr(self, df):
        np = self.np
        period = df.groupby(["entity", "indicator"], sort=False)["period"]
        first, last = period.idxmin(), period.idxmax()
        p, v = df["period"].to_numpy(), df["value"].to_numpy()
        i, j = first.to_numpy(), last.to_numpy()
        out = self.pd.DataFrame({"first_period": p[i], "last_period": p[j],
                                 "first_value": v[i], "last_value": v[j]}, index=first.index)
        years = out["last_period"] - out["first_period"]
        with np.errstate(divide="ignore", invalid="ignore"):
            rate = np.power(out["last_value"] / out["first_value"], 1.0 / years) - 1.0
        out["cagr"] = rate.where((years >= 1) & (out["first_value"] > 0))
        return out

    def target(self, df):
        np = self.np
        out = self.cagr(df)
        last = out["last_value"]
        evaluable = out["cagr"].notna() & (last > 0)
        out["target"] = TARGET_FACTOR * last
        with np.errstate(divide="ignore", invalid="ignore"):
            out["required_cagr"] = np.power(out["target"] / last, 1.0 / HORIZON) - 1.0
            out["projected"] = last * np.power(1.0 + out["cagr"], HORIZON)
        reached = out["projected"] >= out["target"] * (1.0 - SLACK)
        out["evaluable"] = evaluable
        out["on_track"] = reached.where(evaluable)
        return out, int((reached & evaluable).sum())

    def table(self, workload, df, result):
        import polars as pl

        if workload.startswith("w1"):
            rows = pl.from_pandas(df[["entity", "period", "indicator", "value"]])
            return rows.with_columns(rank=pl.Series(result.to_numpy(dtype="float64")))
        if workload == "w2_growth":
            cols = ["entity", "period", "indicator", "value", "prev_value", "growth"]
            return pl.from_pandas(result[cols]).with_columns(pl.col(pl.Float64).fill_nan(None))
        series = (result[0] if workload == "w4_target" else result).reset_index()
        if workload == "w4_target":
            series["on_track"] = series["on_track"].astype("boolean")
        table = pl.from_pandas(series[list(SERIES_COLUMNS[workload])])
        return table.with_columns(pl.col(pl.Float64).fill_nan(None))


class Polars(Peer):
    name = "polars"

    def __init__(self):
        import polars

        self.pl = polars
        self.version = polars.__version__
        self.threads = polars.thread_pool_size()

    def parse(self, path):
        pl = self.pl
        return pl.read_csv(path, schema_overrides={"period": pl.Int64, "value": pl.Float64})

    def rank(self, df, ties):
        pl = self.pl
        return df.select(
            rank=pl.col("value").rank(ties, descending=True).over("period", "indicator"))

    def growth(self, df):
        # A lazy left self-join on period + 1: faster here than shift().over().
        pl = self.pl
        before = df.lazy().select("entity", "indicator", pl.col("period") + 1,
                                  prev_value=pl.col("value"))
        prev = pl.col("prev_value")
        return (df.lazy().join(before, on=["entity", "indicator", "period"], how="left")
                .with_columns(growth=pl.when(prev != 0).then(pl.col("value") / prev - 1.0))
                .collect())

    def cagr(self, df):
        pl = self.pl
        period, value = pl.col("period"), pl.col("value")
        ends = df.group_by("entity", "indicator").agg(
            first_period=period.min(), last_period=period.max(),
            first_value=value.get(period.arg_min()), last_value=value.get(period.arg_max()))
        years = pl.col("last_period") - pl.col("first_period")
        ratio = pl.col("last_value") / pl.col("first_value")
        return ends.with_columns(
            cagr=pl.when((years >= 1) & (pl.col("first_value") > 0)).then(ratio.pow(1.0 / years) - 1.0))

    def target(self, df):
        pl = self.pl
        last = pl.col("last_value")
        evaluable = pl.col("cagr").is_not_null() & (last > 0)
        out = self.cagr(df).with_columns(target=TARGET_FACTOR * last).with_columns(
            required_cagr=(pl.col("target") / last).pow(1.0 / HORIZON) - 1.0,
            projected=last * (1.0 + pl.col("cagr")).pow(HORIZON),
            evaluable=evaluable,
        ).with_columns(
            on_track=pl.when(evaluable).then(pl.col("projected") >= pl.col("target") * (1.0 - SLACK)))
        return out, int(out["on_track"].sum())

    def table(self, workload, df, result):
        pl = self.pl
        if workload.startswith("w1"):
            return df.select("entity", "period", "indicator", "value").with_columns(
                rank=result["rank"].cast(pl.Float64))
        if workload == "w2_growth":
            return result.select("entity", "period", "indicator", "value", "prev_value", "growth")
        series = result[0] if workload == "w4_target" else result
        return series.select(SERIES_COLUMNS[workload])


SERIES_COLUMNS = {
    "w3_cagr": ("entity", "indicator", "first_period", "last_period", "first_value", "last_value",
                "cagr"),
}
SERIES_COLUMNS["w4_target"] = SERIES_COLUMNS["w3_cagr"] + (
    "target", "required_cagr", "projected", "evaluable", "on_track")
ROW_ORDER = {"w1_rank_avg": ["period", "indicator", "entity"],
             "w1_rank_min": ["period", "indicator", "entity"],
             "w2_growth": ["entity", "indicator", "period"],
             "w3_cagr": ["entity", "indicator"], "w4_target": ["entity", "indicator"]}


# ------------------------------------------------------------------------------ checksums
def fsum(column) -> float:
    """The correctly rounded sum of a column's non-missing values."""
    return math.fsum(column.drop_nulls().to_list())


def checksum(workload: str, t) -> dict:
    """The checksum of BENCHMARKS.md for a result table (a polars frame from `table`)."""
    import numpy as np
    import polars as pl

    if workload.startswith("w1"):
        twice = np.rint(2.0 * t["rank"].to_numpy()).astype(np.uint64)
        units = np.rint(t["value"].to_numpy() * 1e4).astype(np.uint64)  # values are >= 0
        return {
            "n_ranked": t.height - t["rank"].null_count(),
            "n_groups": t.select("period", "indicator").n_unique(),
            "sum_2rank": int(twice.sum(dtype=np.uint64)),
            # uint64 arithmetic wraps: the sum modulo 2^64, as the contract has it
            "wsum_2rank_x_units_mod2p64": int((twice * units).sum(dtype=np.uint64)),
            "max_rank": float(t["rank"].max()),
        }
    if workload == "w2_growth":
        growth, prev = t["growth"], t["prev_value"]
        total = fsum(growth)
        return {
            "n_rows": t.height,
            "n_valid": growth.len() - growth.null_count(),
            "n_prev_missing": prev.null_count(),
            "n_prev_zero": int((prev == 0).sum()),
            "sum_growth": total,
            "sum_growth_r9": f"{total:.9f}",
            "sum_abs_growth": fsum(growth.abs()),
        }
    years = t["last_period"] - t["first_period"]
    if workload == "w3_cagr":
        valid = t["cagr"].is_not_null()
        total = fsum(t["cagr"])
        return {
            "n_series": t.height,
            "n_valid": int(valid.sum()),
            "n_single_period": int((years == 0).sum()),
            "n_nonpos_first": int(((years >= 1) & (t["first_value"] <= 0)).sum()),
            "sum_years_valid": int(years.filter(valid).sum()),
            "sum_cagr": total,
            "sum_cagr_r9": f"{total:.9f}",
        }
    if workload == "w4_target":
        ev = t.filter(pl.col("evaluable"))
        off = ((ev["projected"] / ev["target"]) - 1.0).abs()
        by_indicator = ev.group_by("indicator").agg(pl.col("on_track").sum()).sort("indicator")
        projected = fsum(ev["projected"])
        return {
            "n_series": t.height,
            "n_evaluable": ev.height,
            "n_on_track": int(ev["on_track"].sum()),
            "n_borderline": int((off <= SLACK).sum()),
            "on_track_by_indicator": {name: int(n) for name, n in by_indicator.iter_rows()},
            "sum_required_cagr": fsum(ev["required_cagr"]),
            "sum_projected": projected,
            "sum_projected_r4": f"{projected:.4f}",
        }
    raise ValueError(workload)


def differences(ours: dict, theirs: dict, prefix: str = "") -> list[str]:
    """Where two checksums disagree: integers and names exactly, floats within RTOL; a key on
    one side only is a difference; informational keys are skipped."""
    out = []
    for key in sorted(set(ours) | set(theirs)):
        if key.endswith(INFORMATIONAL):
            continue
        a, b = ours.get(key), theirs.get(key)
        where = prefix + key
        if isinstance(a, dict) and isinstance(b, dict):
            out += differences(a, b, where + ".")
        elif isinstance(a, float) or isinstance(b, float):
            numbers = all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (a, b))
            if not numbers or not abs(a - b) <= RTOL * max(1.0, abs(a), abs(b)):
                out.append(f"{where}: {a} vs {b}")
        elif a != b or type(a) is not type(b):
            out.append(f"{where}: {a} vs {b}")
    return out


# ------------------------------------------------------------------------------ the run
def median_time(fn, reps):
    """The last result of `reps` calls and the median of their times; the previous result
    is freed before each call, and a collection runs outside the timing."""
    times, result = [], None
    for _ in range(reps):
        result = None
        gc.collect()
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return result, times


def run_peer(peer, size, path, workloads, args):
    df, parse_times = median_time(lambda: peer.parse(path), args.parse_reps)
    rows = len(df)
    parse_s = statistics.median(parse_times)
    sums = {}
    for workload in workloads:
        result, times = median_time(lambda: peer.run(workload, df), args.reps)
        compute_s = statistics.median(times)
        line = {"peer": peer.name, "workload": workload, "size": size, "rows": rows,
                "parse_s": round(parse_s, 6), "compute_s": round(compute_s, 6),
                "compute_min_s": round(min(times), 6), "reps": args.reps,
                "parse_reps": args.parse_reps, "threads": peer.threads, "version": peer.version,
                "parse_rows_per_s": round(rows / parse_s), "compute_rows_per_s": round(rows / compute_s)}
        if workload == "w4_target":
            line["n_on_track"] = result[1]
        if args.checksum or args.dump:
            table = peer.table(workload, df, result)
            if args.checksum:
                sums[workload] = line["checksum"] = checksum(workload, table)
            if args.dump:
                os.makedirs(args.dump, exist_ok=True)
                table.sort(ROW_ORDER[workload]).write_csv(
                    os.path.join(args.dump, f"{size}-{peer.name}-{workload}.csv"), float_precision=12)
            del table
        print(json.dumps(line), flush=True)
        del result
    del df
    gc.collect()
    return sums, rows


def read_checksums(path: str) -> list[tuple[str, str, dict, int | None]]:
    """(label, workload, checksum, rows) from JSON lines {"workload", "checksum"[, "rows"]}
    or from a checksums-SIZE.json."""
    with open(path) as f:
        text = f.read()
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        whole = None
    if isinstance(whole, dict) and "checksums" in whole:
        return [(peer, w, cs, whole.get("rows")) for peer, by in whole["checksums"].items()
                for w, cs in by.items()]
    if isinstance(whole, dict) and "workload" not in whole:  # {workload: checksum}
        return [("", w, cs, None) for w, cs in whole.items()]
    found = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip().startswith("{"):
            d = json.loads(line)
            if "checksum" in d:
                found.append((d.get("peer", f"line {n}"), d["workload"], d["checksum"], d.get("rows")))
    return found


def check_against(path: str, size: str, reference_path: str) -> int:
    try:
        with open(reference_path) as f:
            reference = json.load(f)
    except FileNotFoundError:
        print(f"missing {reference_path}: run peer_bench.py --size {size} first", file=sys.stderr)
        return 2
    by_peer = reference["checksums"]
    peer = "pandas" if "pandas" in by_peer else next(iter(by_peer))
    theirs = read_checksums(path)
    if not theirs:
        print(f"{path}: no checksums found", file=sys.stderr)
        return 1
    rc = 0
    for label, workload, cs, rows in theirs:
        report = {"check": workload, "size": size, "what": label, "against": peer}
        ref = by_peer[peer].get(workload)
        if ref is None:
            report.update(agree=False, diffs=["no reference checksum"])
        else:
            diffs = differences(ref, cs)
            if rows is not None and reference.get("rows") not in (None, rows):
                diffs.append(f"rows: {reference['rows']} vs {rows}")
            report.update(agree=not diffs, diffs=diffs)
        print(json.dumps(report), flush=True)
        rc |= not report["agree"]
    return rc


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", action="append", help="small|medium|large: DATA/SIZE.csv (repeatable; "
                    "default small and medium)")
    ap.add_argument("--csv", help="another CSV file (labelled by --size, default 'custom')")
    ap.add_argument("--peers", default=",".join(PEERS))
    ap.add_argument("--workloads", default=",".join(WORKLOADS))
    ap.add_argument("--reps", type=int, help="computes per workload (median reported); "
                    "default small 20, medium 5, large 3")
    ap.add_argument("--parse-reps", type=int, default=3, help="parses (median reported); default 3")
    ap.add_argument("--first", action="store_true",
                    help="first repetition only: one parse and one compute (--reps 1 --parse-reps 1)")
    ap.add_argument("--polars-threads", type=int, help="POLARS_MAX_THREADS for this run")
    ap.add_argument("--no-checksum", dest="checksum", action="store_false")
    ap.add_argument("--checksum-out", metavar="FILE", help="where the checksums go (or, with "
                    "--check-against, where they are read); default DATA/checksums-SIZE.json")
    ap.add_argument("--dump", metavar="DIR", help="also write each result, row by row, as CSV")
    ap.add_argument("--check-against", metavar="FILE",
                    help="compare FILE's checksums with the stored ones; runs no benchmark")
    args = ap.parse_args()
    data = data_folder()
    if args.check_against:
        size = (args.size or ["medium"])[0]
        return check_against(args.check_against, size,
                             args.checksum_out or os.path.join(data, f"checksums-{size}.json"))
    if args.first:
        args.reps = args.parse_reps = 1
    if args.polars_threads:
        os.environ["POLARS_MAX_THREADS"] = str(args.polars_threads)  # before polars is imported
    peers = [p for p in args.peers.split(",") if p]
    workloads = [w for w in args.workloads.split(",") if w]
    for name, known in (("peer", PEERS), ("workload", WORKLOADS)):
        for x in peers if name == "peer" else workloads:
            if x not in known:
                ap.error(f"unknown {name} {x}; one of {', '.join(known)}")
    if args.csv:
        runs = [((args.size or ["custom"])[0], args.csv)]
    else:
        runs = [(s, os.path.join(data, f"{s}.csv")) for s in (args.size or ["small", "medium"])]
    rc = 0
    for size, path in runs:
        if not os.path.exists(path):
            print(f"missing {path}: run benches/peers/gen_data.py --size {size}", file=sys.stderr)
            return 2
        reps = args.reps
        args.reps = reps or DEFAULT_REPS.get(size, 3)
        sums = {}
        for name in peers:
            peer = Pandas() if name == "pandas" else Polars()
            sums[name], rows = run_peer(peer, size, path, workloads, args)
        args.reps = reps
        if not args.checksum:
            continue
        out = args.checksum_out or os.path.join(data, f"checksums-{size}.json")
        with open(out, "w") as f:
            json.dump({"size": size, "csv": os.path.basename(path), "bytes": os.path.getsize(path),
                       "rows": rows, "checksums": sums}, f, indent=2)
            f.write("\n")
        for other in peers[1:]:
            for workload in workloads:
                diffs = differences(sums[peers[0]][workload], sums[other][workload])
                print(json.dumps({"check": workload, "size": size, "peers": [peers[0], other],
                                  "agree": not diffs, "diffs": diffs}), flush=True)
                rc |= bool(diffs)
    return rc


if __name__ == "__main__":
    sys.exit(main())
