#!/usr/bin/env python3
"""Check the top100 example's what-would-it-take figures in exact rationals.

Independent of the crate: draws the example's 178 synthetic zones with the same
SplitMix64 generator (examples/top100/zones.rs), computes the composite index
from its formulas with Python's `fractions` (min-max onto [1, 100] after
direction, the mean of each dimension's two indicators, dimensions weighted
20/20/15/15/30), finds the zone at rank 122 (Rongchang), and prints its rank
with value_added_rate 38.99 and 38.98, and with foreign_staff 90.65 and 90.64.
Expected: 100, 101, 100, 101 (the figures of
`composite::what_would_it_take_searches_past_the_best_observed_top100`).

Standard library only:
    python3 tests/vectors/check_top100.py
"""
from fractions import Fraction as F

MASK = (1 << 64) - 1
SEED = 20210422
DIMENSIONS = [("innovation", 20), ("structure", 20), ("green", 15), ("open", 15), ("quality", 30)]
# (code, dimension, direction, low, high): values uniform in [low, high] / 100, two decimals.
INDICATORS = [
    ("rd_intensity", "innovation", 1, 50, 900),
    ("patents_per_10k", "innovation", 1, 500, 30000),
    ("hitech_service_share", "structure", 1, 500, 6000),
    ("value_added_rate", "structure", 1, 1500, 3500),
    ("energy_per_va", "green", -1, 20, 150),
    ("green_space", "green", 1, 2000, 4500),
    ("export_share", "open", 1, 100, 4000),
    ("foreign_staff", "open", 1, 10, 500),
    ("va_to_city_gdp", "quality", 1, 500, 6000),
    ("productivity_growth", "quality", 1, -300, 1500),
]
N = 178


class SplitMix64:
    def __init__(self, seed):
        self.state = seed

    def next_u64(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def next_unit(self):
        while True:
            u = self.next_u64() >> 4
            if u < 10**18:
                return F(u, 10**18)


def round_half_even(x):
    """rust_decimal's round_dp(0): to the nearest integer, halves to even."""
    q, r = divmod(x.numerator, x.denominator)
    if 2 * r > x.denominator or (2 * r == x.denominator and q % 2 == 1):
        q += 1
    return q


def draw():
    rng = SplitMix64(SEED)
    return {
        code: [F(round_half_even(low + (high - low) * rng.next_unit()), 100) for _ in range(N)]
        for code, _, _, low, high in INDICATORS
    }


def scores(data):
    normalised = {}
    for code, _, direction, _, _ in INDICATORS:
        x = [direction * v for v in data[code]]
        lo, hi = min(x), max(x)
        normalised[code] = [(v - lo) / (hi - lo) * 99 + 1 for v in x]
    out = []
    for z in range(N):
        total = F(0)
        for dim, weight in DIMENSIONS:
            codes = [c for c, d, *_ in INDICATORS if d == dim]
            total += F(weight, 100) * sum(normalised[c][z] for c in codes) / len(codes)
        out.append(total)
    return out


def rank(s, z):
    return 1 + sum(1 for k in range(N) if s[k] > s[z])


def main():
    data = draw()
    s = scores(data)
    (rongchang,) = [z for z in range(N) if rank(s, z) == 122]
    print(f"rank 122: htz{rongchang + 1:03d}")
    for code, value in [
        ("value_added_rate", "38.99"),
        ("value_added_rate", "38.98"),
        ("foreign_staff", "90.65"),
        ("foreign_staff", "90.64"),
    ]:
        trial = {k: list(v) for k, v in data.items()}
        trial[code][rongchang] = F(value)
        print(f"{code} = {value} (now {float(data[code][rongchang]):.2f}): rank {rank(scores(trial), rongchang)}")


if __name__ == "__main__":
    main()
