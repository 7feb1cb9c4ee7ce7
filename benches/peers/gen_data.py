#!/usr/bin/env python3
"""Writes the peer benchmarks' data sets: long panels `entity,period,indicator,value`.

The data are described in BENCHMARKS.md ("Data sets"). Every draw is a counter-based
splitmix64 hash of (seed, stream, indicator, year, entity) and every value is an integer
number of 10^-4 units, so the files are the same bytes on any machine and with any library
version; the SHA-256 of each file is checked against the one BENCHMARKS.md publishes.

    export INDSTAT_PEER_DATA=/tmp/indstat-peer     # any writable folder outside the repository
    python3 benches/peers/gen_data.py              # small and medium
    python3 benches/peers/gen_data.py --size large # 9.5M rows, 301 MiB

Needs Python 3.11 and numpy. Writes SIZE.csv and manifest.json into the data folder.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time

import numpy as np

SEED = 20250101
FIRST_YEAR, YEARS = 2015, 10  # periods 2015..2024

# SHA-256 of each file as BENCHMARKS.md publishes it.
EXPECTED_SHA256 = {
    "small": "8096c04c5a9b0c8a728574a39e5d09d36e2e04d72be464654ea304c52f72afe4",
    "medium": "5d8c6da5887bbc96e63a04ddaa43174379484f95ae189b7f61d5326255698d34",
    "large": "ec1a3200c19e19bccf525dc0d5029f3ea23c1b1e751527253477131d4e730dde",
}


class Indicator:
    """One indicator: its name, the fractional digits its values are written with, and the
    span of its series' first-year level, mantissa 100..999 times 10^(decade + k) for k
    drawn from 0..spread."""

    def __init__(self, name: str, digits: int, decade: int, spread: int):
        self.name, self.digits, self.decade, self.spread = name, digits, decade, spread


SMALL = [
    Indicator("revenue", 4, 0, 4),
    Indicator("output", 4, 0, 4),
    Indicator("exports", 4, -1, 4),
    Indicator("rd_spend", 2, -1, 3),
    Indicator("tax", 4, -1, 3),
    Indicator("employees", 0, 1, 3),
    Indicator("firms", 0, 0, 2),
    Indicator("patents", 0, -1, 1),
]
BIG = [Indicator("revenue", 4, 0, 4)]

# size: (number of entities, entity name prefix, digits of the entity number, indicators)
SIZES = {
    "small": (178, "HTZ", 3, SMALL),
    "medium": (100_000, "E", 7, BIG),
    "large": (1_000_000, "E", 7, BIG),
}

# Streams of draws: each random quantity has its own, so that no two share a hash input.
LEVEL_DECADE, MANTISSA, FRACTION, TREND = 1, 2, 3, 4
NOISE = (5, 6, 7)  # three uniform terms per year: a bell-shaped growth noise
CELL_KIND = 8  # per year: snapped to 2 significant digits, zero, or plain
GAP = 9  # per year: the cell is missing
SHAPE, LATE_BY, EARLY_BY, ONLY_YEAR = 10, 11, 12, 13  # per series: late start, early end, one year

U64 = np.uint64
POW10 = np.array([10**k for k in range(19)], dtype=np.int64)


def splitmix64(z: np.ndarray) -> np.ndarray:
    """The splitmix64 output function on uint64 words (wrapping arithmetic)."""
    z = z + U64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> U64(30))) * U64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> U64(27))) * U64(0x94D049BB133111EB)
    return z ^ (z >> U64(31))


class Draws:
    """The random draws of one indicator's series, one per entity: the hash, applied twice,
    of the word (seed << 20) ^ (stream << 56) ^ (indicator << 48) ^ (year index << 40) ^ entity."""

    def __init__(self, entities: int, indicator: int):
        self.entity = np.arange(entities, dtype=np.uint64)
        self.indicator = indicator

    def bits(self, stream: int, year: int = 0) -> np.ndarray:
        word = (SEED << 20) ^ (stream << 56) ^ (self.indicator << 48) ^ (year << 40)
        return splitmix64(splitmix64(U64(word) ^ self.entity))

    def between(self, stream: int, lo: int, hi: int, year: int = 0) -> np.ndarray:
        """An integer in lo..=hi (the hash modulo the range's width, plus lo)."""
        return (self.bits(stream, year) % U64(hi - lo + 1)).astype(np.int64) + lo

    def permille(self, stream: int, year: int = 0) -> np.ndarray:
        return self.between(stream, 0, 999, year)


def two_significant_digits(units: np.ndarray) -> np.ndarray:
    """Rounds to 2 significant digits, half up; values below 100 are left as they are."""
    out = units.copy()
    big = units >= 100
    u = units[big]
    step = POW10[np.searchsorted(POW10, u, side="right") - 2]  # 10^(digits - 2)
    out[big] = (u + step // 2) // step * step
    return out


def values(d: Draws, ind: Indicator) -> np.ndarray:
    """Every cell's value, [entity, year], in units of 10^-4: a first-year level, then
    each year a growth of the series' trend (-2% to +18%) plus noise, in parts per million;
    then rounded to the indicator's digits, some cells snapped to 2 significant digits and
    some set to zero."""
    exponent = d.between(LEVEL_DECADE, 0, ind.spread) + ind.decade
    mantissa = d.between(MANTISSA, 100, 999)
    scale = POW10[np.abs(exponent)]
    whole = np.maximum(np.where(exponent >= 0, mantissa * scale, mantissa // scale), 1)
    level = whole * 10_000 + d.between(FRACTION, 0, 9_999)
    trend = d.between(TREND, -20_000, 180_000)
    step = 10 ** (4 - ind.digits)
    out = np.empty((d.entity.size, YEARS), dtype=np.int64)
    for year in range(YEARS):
        if year > 0:
            noise = sum(d.between(s, -60_000, 60_000, year) for s in NOISE)
            ppm = np.maximum(trend + noise, -500_000)
            level = np.maximum((level * (1_000_000 + ppm) + 500_000) // 1_000_000, 1)
        cell = np.maximum((level + step // 2) // step * step, step)
        kind = d.permille(CELL_KIND, year)
        snap = kind < 30
        cell[snap] = two_significant_digits(cell[snap])
        cell[(kind >= 30) & (kind < 33)] = 0
        out[:, year] = cell
    return out


def present(d: Draws) -> np.ndarray:
    """Which cells have a row, [entity, year]: 3% gaps; 4% of series start 1-5 years late,
    2% end 1-3 years early, 0.5% hold one year only."""
    keep = np.empty((d.entity.size, YEARS), dtype=bool)
    for year in range(YEARS):
        keep[:, year] = d.permille(GAP, year) >= 30
    shape = d.permille(SHAPE)
    year = np.arange(YEARS)[None, :]
    late = (shape < 40)[:, None] & (year < d.between(LATE_BY, 1, 5)[:, None])
    early = ((shape >= 40) & (shape < 60))[:, None] & (year >= YEARS - d.between(EARLY_BY, 1, 3)[:, None])
    keep &= ~late & ~early
    single = (shape >= 60) & (shape < 65)
    keep[single] = year == d.between(ONLY_YEAR, 0, YEARS - 1)[single][:, None]
    return keep


def cell_text(units: int, digits: int) -> str:
    """A value as a plain decimal with exactly `digits` fractional digits."""
    if digits == 0:
        return str(units // 10_000)
    return f"{units // 10_000}.{units % 10_000 // 10 ** (4 - digits):0{digits}d}"


def generate(size: str, folder: str) -> dict:
    entities, prefix, width, indicators = SIZES[size]
    names = [f"{prefix}{n:0{width}d}" for n in range(1, entities + 1)]
    ent, ind, year, units = [], [], [], []
    zeros = 0
    for i, indicator in enumerate(indicators):
        d = Draws(entities, i)
        v = values(d, indicator)
        e, y = np.nonzero(present(d))  # entity-major, then year
        units.append(v[e, y])
        zeros += int((units[-1] == 0).sum())
        ent.append(e)
        ind.append(np.full(e.size, i))
        year.append(y)
    ent, ind, year = (np.concatenate(a).astype(np.uint64) for a in (ent, ind, year))
    units = np.concatenate(units)
    # Row order: by a hash of (entity, indicator, period), ties in the order built above.
    word = (ent << U64(16)) ^ (ind << U64(8)) ^ (year + U64(FIRST_YEAR - 2000))
    order = np.argsort(splitmix64(word ^ U64(0x5EED5EED5EED5EED)), kind="stable")
    periods = [str(FIRST_YEAR + y) for y in range(YEARS)]
    labels = [x.name for x in indicators]
    digits = [x.digits for x in indicators]
    path = os.path.join(folder, f"{size}.csv")
    sha = hashlib.sha256()
    with tempfile.NamedTemporaryFile("wb", dir=folder, prefix=f".{size}.", delete=False) as f:
        head = b"entity,period,indicator,value\n"
        f.write(head)
        sha.update(head)
        chunk = 1 << 18
        columns = (ent[order], year[order], ind[order], units[order])
        for lo in range(0, order.size, chunk):
            e, y, i, u = (c[lo:lo + chunk].tolist() for c in columns)
            block = "".join(f"{names[a]},{periods[b]},{labels[c]},{cell_text(k, digits[c])}\n"
                            for a, b, c, k in zip(e, y, i, u)).encode()
            f.write(block)
            sha.update(block)
    os.replace(f.name, path)
    digest = sha.hexdigest()
    return {"file": os.path.basename(path), "rows": int(order.size), "bytes": os.path.getsize(path),
            "zeros": zeros, "entities": entities, "indicators": labels,
            "periods": [FIRST_YEAR, FIRST_YEAR + YEARS - 1], "sha256": digest,
            "sha256_as_published": digest == EXPECTED_SHA256[size]}


def data_folder(given: str | None) -> str:
    """The data folder: --out, else $INDSTAT_PEER_DATA, else <tmp>/indstat-peer; never inside
    the repository that holds this script."""
    folder = os.path.abspath(given or os.environ.get("INDSTAT_PEER_DATA")
                             or os.path.join(tempfile.gettempdir(), "indstat-peer"))
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    if os.path.commonpath([folder, repo]) == repo:
        sys.exit(f"{folder} is inside the repository; give a data folder outside it")
    return folder


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", action="append", choices=list(SIZES),
                    help="a size to write (repeatable); default small and medium")
    ap.add_argument("--out", help="data folder (default $INDSTAT_PEER_DATA, else <tmp>/indstat-peer)")
    args = ap.parse_args()
    folder = data_folder(args.out)
    os.makedirs(folder, exist_ok=True)
    manifest_path = os.path.join(folder, "manifest.json")
    try:
        with open(manifest_path) as f:
            manifest = json.load(f)
    except (FileNotFoundError, json.JSONDecodeError):
        manifest = {}
    manifest["seed"] = SEED
    rc = 0
    for size in args.size or ["small", "medium"]:
        t0 = time.perf_counter()
        info = generate(size, folder)
        info["seconds"] = round(time.perf_counter() - t0, 2)
        manifest.setdefault("files", {})[size] = info
        print(json.dumps({"size": size, **info}), flush=True)
        if not info["sha256_as_published"]:
            print(f"{size}: sha256 {info['sha256']} differs from {EXPECTED_SHA256[size]}", file=sys.stderr)
            rc = 1
    with open(manifest_path, "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    return rc


if __name__ == "__main__":
    sys.exit(main())
