//! Micro-benchmarks of the typed model and growth kernels, each beside a naive
//! `f64` baseline (as rust_decimal's `comparison.rs` does). Compare ratios from
//! one run: these shared 2-core machines are noisy.
//!
//! `cargo bench --bench core`
#![allow(
    clippy::float_arithmetic,
    clippy::unwrap_used,
    clippy::arithmetic_side_effects,
    missing_docs
)]

use std::hint::black_box;

use indstat::growth;
use indstat::{Figure, Period, Quantity, Rate, Unit};
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

/// The same CAGR through `Decimal::powd`, which the crate avoids (perf/README.md §5).
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
    b.bench(|| growth::years_to_reach(black_box(&base), black_box(&target), rate).unwrap());
}
