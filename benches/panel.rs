//! Panel workloads at 10k and 1M rows (`BENCHMARKS.md`, "Workloads"):
//! parse, W1 rank (average), W2 growth, W3 CAGR, W4 target gap. The data are
//! generated in memory, shaped like the peer harness's (4 decimal places,
//! ties, zeros, gaps, rows in pseudo-random order).
//!
//! `cargo bench --bench panel`
#![allow(
    clippy::unwrap_used,
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing,
    missing_docs
)]

use std::fmt::Write;
use std::hint::black_box;

use indstat::dec;
use indstat::panel::Panel;
use indstat::rank::{Order, Ties};

fn main() {
    divan::main();
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// About `rows` rows: entities × 10 years × 1 indicator, 3% gaps, 0.3% zeros,
/// 3% values snapped to two significant digits, shuffled.
fn csv(rows: usize) -> String {
    let entities = rows / 10;
    let mut lines = Vec::with_capacity(rows);
    for e in 0..entities {
        for y in 2015..2025u64 {
            let h = splitmix((e as u64) << 8 | y);
            if h % 100 < 3 {
                continue;
            }
            let mut units = (h >> 20) % 700_000_000_000;
            if h % 1000 < 3 {
                units = 0;
            } else if (h >> 8) % 100 < 3 {
                let digits = units.to_string().len() as u32;
                let p = 10u64.pow(digits.saturating_sub(2));
                units = units / p * p;
            }
            lines.push((
                splitmix(h),
                format!(
                    "E{e:07},{y},revenue,{}.{:04}",
                    units / 10_000,
                    units % 10_000
                ),
            ));
        }
    }
    lines.sort_unstable();
    let mut out = String::from("entity,period,indicator,value\n");
    for (_, l) in lines {
        writeln!(out, "{l}").unwrap();
    }
    out
}

const SIZES: [usize; 2] = [10_000, 1_000_000];

#[divan::bench(args = SIZES, sample_count = 10)]
fn parse(b: divan::Bencher, rows: usize) {
    let text = csv(rows);
    b.bench(|| Panel::from_csv(black_box(text.as_bytes())).unwrap());
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn w1_rank_avg(b: divan::Bencher, rows: usize) {
    let p = Panel::from_csv(csv(rows).as_bytes()).unwrap();
    b.bench(|| black_box(&p).rank(Ties::Average, Order::Descending));
}

// Growth, CAGR and target gap run on a fresh clone of the panel each time:
// the series index a panel builds on first use is then part of the timing,
// as in a program that reads once and computes once.

#[divan::bench(args = SIZES, sample_count = 10)]
fn w2_growth(b: divan::Bencher, rows: usize) {
    let p = Panel::from_csv(csv(rows).as_bytes()).unwrap();
    b.with_inputs(|| p.clone())
        .bench_local_refs(|p| p.yoy_growth());
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn w3_cagr(b: divan::Bencher, rows: usize) {
    let p = Panel::from_csv(csv(rows).as_bytes()).unwrap();
    b.with_inputs(|| p.clone())
        .bench_local_refs(|p| p.cagr().counts().valid());
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn w4_target(b: divan::Bencher, rows: usize) {
    let p = Panel::from_csv(csv(rows).as_bytes()).unwrap();
    b.with_inputs(|| p.clone()).bench_local_refs(|p| {
        let c = p.cagr();
        p.target_gap(&c, dec!(1.8), 4, dec!(0.000000001))
            .unwrap()
            .evaluable()
    });
}
