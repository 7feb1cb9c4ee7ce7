#!/usr/bin/env python3
"""Generate reference.csv: compound-growth values to 40 significant digits,
computed with Python's decimal module at 60 digits of precision, for the
accuracy tests of indstat's exact roots (relative error below 1e-20).

Run: `python3 tests/vectors/gen_reference.py` (standard library only; the
seed is fixed, so the output is the same on every run).
Columns as in compound.csv: id, op, args, expected, tolerance, source.
"""
import csv
import random
import sys
from decimal import Decimal as D, getcontext
from pathlib import Path

getcontext().prec = 60
SOURCE = "Python decimal, 60 digits (gen_reference.py)"


def plain(x):
    s = f"{x:.40g}"
    if "e" in s or "E" in s:
        s = format(x, "f")
    return s


def root(x, k):
    return x ** (D(1) / D(k))


def main(out):
    rng = random.Random(20261127)
    rows = []
    # CAGR: (fv/pv)^(per/periods) - 1, on 4-decimal values like the perf data.
    for i in range(60):
        pv = D(rng.randint(1, 10**9)) / D(10**4)
        fv = pv * D(rng.randint(200, 5000)) / D(1000)
        fv = fv.quantize(D("0.0001"))
        if fv == 0:
            fv = D("0.0001")
        per = rng.choice([1, 1, 1, 2, 4, 12])
        periods = rng.randint(1, 40 * per)
        r = (fv / pv) ** (D(per) / D(periods)) - 1
        rows.append((f"cagr_ref_{i:02}", "rri", f"{periods}/{per};{pv};{fv}", plain(r), "rel:1e-20", SOURCE))
    # Extreme ratios (1e-6 .. 1e6) and long monthly spans (up to 100 years).
    for i in range(20):
        pv = D(rng.randint(1, 10**6))
        fv = pv * D(10) ** rng.randint(-6, 6) * D(rng.randint(1000, 9999)) / D(1000)
        per = rng.choice([1, 12])
        periods = rng.randint(1, 100 * per)
        r = (fv / pv) ** (D(per) / D(periods)) - 1
        rows.append((f"cagr_wide_{i:02}", "rri", f"{periods}/{per};{pv};{fv}", plain(r), "rel:1e-20", SOURCE))
    # Projection over fractional spans: pv * (1+g)^(periods/per).
    for i in range(20):
        pv = D(rng.randint(1, 10**8)) / D(100)
        g = D(rng.randint(-500, 3000)) / D(10**4)
        per = rng.choice([2, 4, 12])
        periods = rng.randint(1, 10 * per)
        v = pv * (1 + g) ** (D(periods) / D(per))
        rows.append((f"project_span_ref_{i:02}", "project_span", f"{pv};{g};{periods}/{per}", plain(v), "rel:1e-20", SOURCE))
    # Annualising a total growth over whole or fractional years.
    for i in range(10):
        total = D(rng.randint(-5000, 20000)) / D(10**4)
        per = rng.choice([1, 4])
        periods = rng.randint(1, 8 * per)
        r = (1 + total) ** (D(per) / D(periods)) - 1
        rows.append((f"annualize_ref_{i:02}", "annualize", f"{total};{periods}/{per}", plain(r), "rel:1e-20", SOURCE))
    # Geometric average of yearly rates.
    for i in range(10):
        rates = [D(rng.randint(-900, 3000)) / D(10**4) for _ in range(rng.randint(2, 12))]
        prod = D(1)
        for g in rates:
            prod *= 1 + g
        r = root(prod, len(rates)) - 1
        rows.append((f"average_ref_{i:02}", "average", "|".join(str(g) for g in rates), plain(r), "rel:1e-20", SOURCE))
    # PDURATION: ln(fv/pv) / ln(1+g).
    for i in range(10):
        pv = D(rng.randint(100, 10**6))
        fv = pv * D(rng.randint(1001, 9000)) / D(1000)
        g = D(rng.randint(10, 3000)) / D(10**4)
        n = (fv / pv).ln() / (1 + g).ln()
        rows.append((f"pduration_ref_{i:02}", "pduration", f"{g};{pv};{fv}", plain(n), "rel:1e-18", SOURCE))
    with open(out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "op", "args", "expected", "tolerance", "source"])
        w.writerows(rows)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("reference.csv"))
