//! Micro-benchmarks of the typed model and growth kernels, each beside a naive
//! `f64` baseline (as rust_decimal's `comparison.rs` does). Compare ratios from
//! one run: these shared 2-core machines are noisy.
//!
//! `cargo bench --bench core`
#![allow(
    clippy::float_arithmetic,
    clippy::unwrap_used,
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing,
    missing_docs
)]

use std::hint::black_box;

use indstat::growth;
use indstat::{Direction, Figure, Period, Quantity, Rate, Unit};
use rust_decimal::{Decimal, MathematicalOps};

fn main() {
    divan::main();
}

#[divan::bench]
fn parse_zh_figure() -> Figure {
    black_box("4000余人").parse().unwrap()
}

#[divan::bench]
fn parse_en_figure() -> Figure {
    black_box("100.4 billion yuan").parse().unwrap()
}

#[divan::bench]
fn parse_f64_baseline() -> f64 {
    black_box("1004").parse::<f64>().unwrap() * 1e8
}

#[divan::bench]
fn compare_across_magnitudes(b: divan::Bencher) {
    let a = Quantity::new(Decimal::from(1004), Unit::YI_YUAN);
    let c = Quantity::new(Decimal::from(10_040_001), Unit::WAN_YUAN);
    b.bench(|| black_box(&a).checked_cmp(black_box(&c)).unwrap());
}

#[divan::bench]
fn compare_f64_baseline(b: divan::Bencher) {
    let (a, c) = (1004.0 * 1e8, 10_040_001.0 * 1e4);
    b.bench(|| black_box(a).partial_cmp(&black_box(c)));
}

/// CAGR over 4 years by the crate's exact Newton root.
#[divan::bench]
fn cagr_newton_root(b: divan::Bencher) {
    let start = Quantity::new(Decimal::from(1004), Unit::YI_YUAN);
    let end = Quantity::new(Decimal::from(1800), Unit::YI_YUAN);
    let span = Period::year(2022)
        .unwrap()
        .years_until(&Period::year(2026).unwrap())
        .unwrap();
    b.bench(|| growth::cagr(black_box(&start), black_box(&end), span).unwrap());
}

/// The same CAGR through `Decimal::powd`, which the crate avoids (`BENCHMARKS.md`).
#[divan::bench]
fn cagr_powd(b: divan::Bencher) {
    let ratio = Decimal::from(1800) / Decimal::from(1004);
    let e = Decimal::ONE / Decimal::from(4);
    b.bench(|| black_box(ratio).powd(black_box(e)) - Decimal::ONE);
}

#[divan::bench]
fn cagr_f64_baseline(b: divan::Bencher) {
    b.bench(|| (black_box(1800.0f64) / black_box(1004.0)).powf(0.25) - 1.0);
}

#[divan::bench]
fn yoy_growth(b: divan::Bencher) {
    let base = Quantity::new(Decimal::new(92535, 2), Unit::YI_YUAN);
    let current = Quantity::new(Decimal::from(1004), Unit::YI_YUAN);
    b.bench(|| growth::growth(black_box(&base), black_box(&current)).unwrap());
}

#[divan::bench]
fn years_to_reach(b: divan::Bencher) {
    let base = Quantity::new(Decimal::from(1004), Unit::YI_YUAN);
    let target = Quantity::new(Decimal::from(1800), Unit::YI_YUAN);
    let rate = Rate::from_percent(Decimal::new(85, 1)).unwrap();
    b.bench(|| {
        growth::years_to_reach(
            black_box(&base),
            black_box(&target),
            rate,
            Direction::HigherIsBetter,
        )
        .unwrap()
    });
}

/// One million values like the peer harness's `revenue` (`BENCHMARKS.md`, "Data sets"):
/// non-negative, four decimal places, up to about 7e7, with ties.
fn million_values() -> Vec<Option<Decimal>> {
    // SplitMix64 (Vigna's splitmix64.c) from a fixed seed.
    let mut state: u64 = 20250101;
    let mut next_u64 = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    (0..1_000_000)
        .map(|_| {
            let u = next_u64();
            let units = (u % 700_000_000_000) as i64;
            // About 3% snapped to 2 significant digits, as the peer data are.
            let units = if u % 33 == 0 {
                let digits = units.max(1).ilog10();
                let unit = 10i64.pow(digits.saturating_sub(1));
                units / unit * unit
            } else {
                units
            };
            Some(Decimal::new(units, 4))
        })
        .collect()
}

/// Ranking 1M values, average ties, descending: the crate's integer-key sort.
#[divan::bench(sample_count = 10)]
fn rank_1m_average(b: divan::Bencher) {
    let values = million_values();
    b.bench(|| {
        indstat::rank::rank(
            black_box(&values),
            indstat::rank::Ties::Average,
            indstat::rank::Order::Descending,
            indstat::rank::Missing::Keep,
        )
    });
}

/// Ranking 1M values, min ties (RANK.EQ), descending.
#[divan::bench(sample_count = 10)]
fn rank_1m_min(b: divan::Bencher) {
    let values = million_values();
    b.bench(|| indstat::rank::national_rank(black_box(&values)));
}

/// The naive exact baseline: a comparison sort of `(Decimal, position)` and
/// a tie scan assigning average ranks.
#[divan::bench(sample_count = 10)]
fn rank_1m_average_naive_decimal_sort(b: divan::Bencher) {
    let values = million_values();
    b.bench(|| {
        let v = black_box(&values);
        let mut pairs: Vec<(Decimal, usize)> = v
            .iter()
            .enumerate()
            .filter_map(|(p, x)| x.map(|x| (x, p)))
            .collect();
        pairs.sort_unstable_by(|(a, i), (b, j)| b.cmp(a).then(i.cmp(j)));
        let order: Vec<usize> = pairs.into_iter().map(|(_, p)| p).collect();
        let mut ranks = vec![None; v.len()];
        let mut start = 0;
        while start < order.len() {
            let x = v[order[start]];
            let mut end = start + 1;
            while end < order.len() && v[order[end]] == x {
                end += 1;
            }
            let r = Decimal::from(start + 1 + end) / Decimal::TWO;
            for &p in &order[start..end] {
                ranks[p] = Some(r);
            }
            start = end;
        }
        ranks
    });
}

/// The naive f64 baseline (inexact): sort f64 values and scan ties.
#[divan::bench(sample_count = 10)]
fn rank_1m_average_f64_baseline(b: divan::Bencher) {
    let values: Vec<f64> = million_values()
        .into_iter()
        .map(|v| v.unwrap().to_string().parse().unwrap())
        .collect();
    b.bench(|| {
        let v = black_box(&values);
        let mut order: Vec<usize> = (0..v.len()).collect();
        order.sort_unstable_by(|&a, &b| v[b].total_cmp(&v[a]).then(a.cmp(&b)));
        let mut ranks = vec![0.0; v.len()];
        let mut start = 0;
        while start < order.len() {
            let mut end = start + 1;
            while end < order.len() && v[order[end]] == v[order[start]] {
                end += 1;
            }
            let r = (start + 1 + end) as f64 / 2.0;
            for &p in &order[start..end] {
                ranks[p] = r;
            }
            start = end;
        }
        ranks
    });
}
