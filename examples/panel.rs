//! The command-line face of the panel: one workload of the peer benchmark
//! (W1 rank, W2 growth, W3 CAGR, W4 target gap; defined in BENCHMARKS.md)
//! on a long CSV file, printing one JSON line with parse and compute times
//! and the checksum that the peer harness compares.
//!
//! ```text
//! cargo run --release --example panel -- WORKLOAD FILE.csv [--ties average|min|max|dense|ordinal] [--ascending] [--out OUT.csv] [--reps N]
//! ```
//!
//! With `--reps N` (default 1) the file is parsed N times and the workload
//! computed N times in the one process, and the JSON gives the median of
//! each, as the peer harness times the peers (median of in-process
//! repetitions). Each compute repetition but the last runs on a fresh clone
//! of the panel, so that work done on first use (the series index) is timed
//! every time; the last runs on the parsed panel and gives the checksum.
//!
//! Bad input exits with status 1 and the error (line and column) on stderr.

// Checksum counters: sums of at most 2^32 rows of ranks below 2^33 fit their
// types; the weighted sum wraps on purpose. No float arithmetic: exact sums
// are converted to f64 once.
#![allow(clippy::arithmetic_side_effects)]

use std::fmt::Write as _;
use std::io::Write;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use indstat::Decimal;
use indstat::dec;
use indstat::panel::{Panel, Reason};
use indstat::rank::{Order, Ties};
use rust_decimal::prelude::ToPrimitive;
use serde_json::{Map, Value, json};

/// W4's target: 1.8 × the last value, in 4 years, with a 1e-9 slack.
const TARGET_FACTOR: Decimal = dec!(1.8);
const HORIZON_YEARS: u32 = 4;
const TOLERANCE: Decimal = dec!(0.000000001);

struct Args {
    workload: String,
    file: String,
    ties: Ties,
    order: Order,
    out: Option<String>,
    reps: usize,
}

const USAGE: &str = "usage: panel rank|growth|cagr|target FILE.csv [--ties average|min|max|dense|ordinal] [--ascending] [--out OUT.csv] [--reps N]";

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let workload = it.next().ok_or(USAGE)?;
    if !["rank", "growth", "cagr", "target"].contains(&workload.as_str()) {
        return Err(format!("unknown workload {workload:?}; {USAGE}"));
    }
    let file = it.next().ok_or(USAGE)?;
    let mut args = Args {
        workload,
        file,
        ties: Ties::Average,
        order: Order::Descending,
        out: None,
        reps: 1,
    };
    while let Some(flag) = it.next() {
        match flag.as_str() {
            "--ascending" => args.order = Order::Ascending,
            "--ties" => {
                args.ties = match it.next().as_deref() {
                    Some("average") => Ties::Average,
                    Some("min") => Ties::Min,
                    Some("max") => Ties::Max,
                    Some("dense") => Ties::Dense,
                    Some("ordinal") => Ties::Ordinal,
                    other => return Err(format!("unknown --ties {other:?}; {USAGE}")),
                }
            }
            "--out" => args.out = Some(it.next().ok_or(USAGE)?),
            "--reps" => {
                args.reps = it
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or_else(|| format!("--reps takes a positive count; {USAGE}"))?
            }
            other => return Err(format!("unknown argument {other:?}; {USAGE}")),
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// A sum of decimals as f64, within the checksum's 1e-9 tolerance of
/// `math.fsum`: the mantissas of each scale are summed exactly in i128 (a
/// mantissa is below 2^96, so 2^31 terms cannot overflow), and the 29 exact
/// partial sums are converted and added with Neumaier's compensation.
// The checksum contract is an f64 (Python's `math.fsum`): floats are the
// point here, after the exact computation.
#[allow(clippy::float_arithmetic)]
fn fsum(values: impl Iterator<Item = Decimal>) -> Result<f64, String> {
    let mut by_scale = [0i128; 29];
    for v in values {
        let slot = by_scale
            .get_mut(v.scale() as usize)
            .ok_or("a decimal scale above 28")?;
        *slot = slot
            .checked_add(v.mantissa())
            .ok_or("checksum sum overflowed")?;
    }
    let (mut sum, mut compensation) = (0f64, 0f64);
    for (scale, &m) in by_scale.iter().enumerate() {
        if m == 0 {
            continue;
        }
        let term = m as f64 / 10f64.powi(scale as i32);
        let t = sum + term;
        compensation += if sum.abs() >= term.abs() {
            (sum - t) + term
        } else {
            (term - t) + sum
        };
        sum = t;
    }
    let total = sum + compensation;
    total
        .is_finite()
        .then_some(total)
        .ok_or_else(|| "checksum sum is not finite".to_owned())
}

/// The value in units of 10^-4, as the checksum's wrapping u64 arithmetic takes it.
fn units(v: Decimal) -> u64 {
    // Values with at most 4 decimals (the peer files): mantissa × 10^(4 − scale), exactly.
    let exact = 4u32
        .checked_sub(v.scale())
        .and_then(|shift| 10i128.checked_pow(shift))
        .and_then(|factor| v.mantissa().checked_mul(factor));
    let scaled = match exact {
        Some(x) => i64::try_from(x).ok(),
        None => v
            .checked_mul(dec!(10000))
            .map(|x| x.round())
            .unwrap_or_default()
            .to_i64(),
    };
    // Two's complement, like numpy's int64 → uint64 cast.
    scaled.unwrap_or(0) as u64
}

/// What W4 still defines for a series that is not evaluable (no CAGR, or a
/// last value of zero or less), as the peers' dump has it: the target
/// `1.8 × v1`, the growth it requires when `v1 > 0`, and the projection
/// `v1 × (1 + cagr)^4` when there is a CAGR (0 for `v1 = 0`).
fn undefined_target(
    s: &indstat::panel::SeriesCagr<'_>,
) -> (Option<Decimal>, Option<Decimal>, Option<Decimal>) {
    let q = |v: Decimal| indstat::Quantity::new(v, indstat::Unit::RATIO);
    let Some(v1) = s.last_value else {
        return (None, None, None);
    };
    let target = q(v1).checked_mul(TARGET_FACTOR).ok().map(|t| t.value());
    let year = indstat::Period::year(2024).ok();
    let deadline = indstat::Period::year(2024 + HORIZON_YEARS as i32).ok();
    let required = match (target, year, deadline) {
        (Some(t), Some(y), Some(d)) if v1 > Decimal::ZERO => {
            indstat::growth::required_growth(&q(v1), y, &q(t), d)
                .ok()
                .map(|r| r.fraction())
        }
        _ => None,
    };
    let projected = match s.cagr {
        Some(_) if v1.is_zero() => Some(Decimal::ZERO),
        Some(rate) => indstat::growth::project(&q(v1), rate, HORIZON_YEARS)
            .ok()
            .map(|p| p.value()),
        None => None,
    };
    (target, required, projected)
}

/// A key as a CSV cell: quoted (RFC 4180, inner quotes doubled) when it
/// holds a comma or a quote, as `Panel::from_csv` reads it back.
fn key(k: &str) -> std::borrow::Cow<'_, str> {
    if k.contains([',', '"']) {
        format!("\"{}\"", k.replace('"', "\"\"")).into()
    } else {
        k.into()
    }
}

fn cell(v: Option<impl ToString>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// The median of some timings, in seconds (the mean of the middle two
/// for an even count, as Python's `statistics.median`).
fn median(mut times: Vec<Duration>) -> f64 {
    times.sort_unstable();
    let n = times.len();
    let upper = times.get(n / 2).copied().unwrap_or_default();
    let middle = match n.checked_sub(1).filter(|_| n % 2 == 0) {
        Some(_) => (times.get(n / 2 - 1).copied().unwrap_or_default() + upper) / 2,
        None => upper,
    };
    middle.as_secs_f64()
}

/// `$body` (a workload on the panel `$p`) timed `$reps` times: all but the
/// last on a fresh clone of `$panel`, the last on `$panel` itself. Gives
/// that last result and the median time; results are dropped outside the
/// timing, as the peer harness does.
macro_rules! timed {
    ($panel:expr, $reps:expr, |$p:ident| $body:expr) => {{
        let mut times = Vec::with_capacity($reps);
        for _ in 1..$reps {
            let fresh = $panel.clone();
            let $p = &fresh;
            let t = Instant::now();
            let result = $body;
            times.push(t.elapsed());
            drop(result);
        }
        let $p = $panel;
        let t = Instant::now();
        let result = $body;
        times.push(t.elapsed());
        (result, median(times))
    }};
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let mut parse_times = Vec::with_capacity(args.reps);
    let mut parsed = None;
    for _ in 0..args.reps {
        // The previous repetition's panel is freed first, as the peers' is.
        drop(parsed.take());
        let t0 = Instant::now();
        // An I/O error names the file itself; the others name line and column.
        parsed = Some(Panel::from_csv_file(&args.file).map_err(|e| match e {
            indstat::Error::Io { .. } => e.to_string(),
            _ => format!("{}: {e}", args.file),
        })?);
        parse_times.push(t0.elapsed());
    }
    let panel = parsed.ok_or("no repetition ran")?;
    let parse_s = median(parse_times);
    let mut out = String::new();
    let (workload, checksum) = match args.workload.as_str() {
        "rank" => {
            let (ranks, compute_s) = timed!(&panel, args.reps, |p| p.rank(args.ties, args.order));
            let name = match args.ties {
                Ties::Average => "w1_rank_avg",
                Ties::Min => "w1_rank_min",
                Ties::Max => "w1_rank_max",
                Ties::Dense => "w1_rank_dense",
                Ties::Ordinal => "w1_rank_ordinal",
            };
            let (mut n, mut sum, mut wsum, mut max) = (0u64, 0u128, 0u64, 0u64);
            for row in 0..panel.len() {
                if let Some(t) = ranks.twice_rank(row) {
                    n += 1;
                    sum += u128::from(t);
                    max = max.max(t);
                    let u = panel.value(row).map(units).unwrap_or(0);
                    wsum = wsum.wrapping_add(t.wrapping_mul(u));
                }
                if args.out.is_some() {
                    let r = panel.row(row).ok_or("row out of range")?;
                    let _ = writeln!(
                        out,
                        "{},{},{},{},{}",
                        key(r.entity),
                        r.period,
                        key(r.indicator),
                        cell(r.value),
                        cell(ranks.rank(row))
                    );
                }
            }
            let max_rank = Decimal::from(max) / Decimal::TWO;
            (
                name,
                (
                    compute_s,
                    json!({
                        "n_ranked": n, "n_groups": ranks.groups(), "sum_2rank": sum as u64,
                        "wsum_2rank_x_units_mod2p64": wsum, "max_rank": max_rank.to_f64(),
                    }),
                    "entity,period,indicator,value,rank",
                ),
            )
        }
        "growth" => {
            let (g, compute_s) = timed!(&panel, args.reps, |p| p.yoy_growth());
            // Growth is a Rate; the checksum sums its exact fractions.
            let valid = || (0..panel.len()).filter_map(|r| g.growth(r).map(|x| x.fraction()));
            // Rows whose year-ago row holds 0: the growth's own reason
            // (ZeroBase), plus those whose current value is missing (their
            // reason is MissingValue; looked up only for them, as a lookup
            // of every base row's value is a random read per row).
            let zero_base_missing_current = (0..panel.len())
                .filter(|&r| g.reason(r) == Some(Reason::MissingValue))
                .filter(|&r| {
                    g.base_row(r)
                        .and_then(|b| panel.value(b))
                        .is_some_and(|v| v.is_zero())
                })
                .count();
            let prev_zero = g.counts().count(Reason::ZeroBase) + zero_base_missing_current;
            if args.out.is_some() {
                for row in 0..panel.len() {
                    let r = panel.row(row).ok_or("row out of range")?;
                    let prev = g.base_row(row).and_then(|b| panel.value(b));
                    let _ = writeln!(
                        out,
                        "{},{},{},{},{},{}",
                        key(r.entity),
                        r.period,
                        key(r.indicator),
                        cell(r.value),
                        cell(prev),
                        cell(g.growth(row).map(|x| x.fraction()))
                    );
                }
            }
            (
                "w2_growth",
                (
                    compute_s,
                    json!({
                        "n_rows": panel.len(), "n_valid": g.counts().valid(),
                        "n_prev_missing": g.counts().count(Reason::NoBase), "n_prev_zero": prev_zero,
                        "sum_growth": fsum(valid())?, "sum_abs_growth": fsum(valid().map(|x| x.abs()))?,
                    }),
                    "entity,period,indicator,value,prev_value,growth",
                ),
            )
        }
        "cagr" | "target" => {
            let ((c, target), compute_s) = timed!(&panel, args.reps, |p| {
                let c = p.cagr();
                let target = (args.workload == "target")
                    .then(|| p.target_gap(&c, TARGET_FACTOR, HORIZON_YEARS, TOLERANCE))
                    .transpose();
                (c, target)
            });
            let target = target.map_err(|e| e.to_string())?;
            if args.out.is_some() {
                for (k, s) in c.series().iter().enumerate() {
                    let _ = write!(
                        out,
                        "{},{},{},{},{},{},{}",
                        key(s.entity),
                        key(s.indicator),
                        cell(s.first_period),
                        cell(s.last_period),
                        cell(s.first_value),
                        cell(s.last_value),
                        cell(s.cagr.map(|r| r.fraction()))
                    );
                    if let Some(t) = &target {
                        match t.series().get(k).and_then(Option::as_ref) {
                            Some(t) => {
                                let _ = write!(
                                    out,
                                    ",{},{},{},true,{}",
                                    t.target,
                                    t.required.fraction(),
                                    t.projected,
                                    t.on_track
                                );
                            }
                            None => {
                                let (t, r, p) = undefined_target(s);
                                let _ = write!(out, ",{},{},{},false,", cell(t), cell(r), cell(p));
                            }
                        }
                    }
                    out.push('\n');
                }
            }
            match target {
                None => {
                    let valid = || {
                        c.series()
                            .iter()
                            .filter_map(|s| s.cagr.map(|r| r.fraction()))
                    };
                    // The spans compounded over, in years: exact fractions
                    // for quarters and months, whole for the peers' annual
                    // files (an integer in the checksum, as theirs).
                    let years: Decimal = c
                        .series()
                        .iter()
                        .filter(|s| s.cagr.is_some())
                        .filter_map(|s| s.span)
                        .map(|y| y.to_decimal())
                        .sum();
                    let years = match years.to_i64().filter(|_| years.fract().is_zero()) {
                        Some(whole) => json!(whole),
                        None => json!(years.to_f64()),
                    };
                    (
                        "w3_cagr",
                        (
                            compute_s,
                            json!({
                                "n_series": c.series().len(), "n_valid": c.counts().valid(),
                                "n_single_period": c.counts().count(Reason::SinglePeriod),
                                "n_nonpos_first": c.counts().count(Reason::ZeroBase) + c.counts().count(Reason::NegativeBase),
                                "sum_years_valid": years, "sum_cagr": fsum(valid())?,
                            }),
                            "entity,indicator,first_period,last_period,first_value,last_value,cagr",
                        ),
                    )
                }
                Some(t) => {
                    let mut by_indicator = Map::new();
                    for (s, t) in c.series().iter().zip(t.series()) {
                        if let Some(t) = t {
                            let n = by_indicator
                                .entry(s.indicator.to_owned())
                                .or_insert(json!(0));
                            *n = json!(n.as_u64().unwrap_or(0) + u64::from(t.on_track));
                        }
                    }
                    let ev = || t.series().iter().flatten();
                    (
                        "w4_target",
                        (
                            compute_s,
                            json!({
                                "n_series": c.series().len(), "n_evaluable": t.evaluable(),
                                "n_on_track": t.on_track(), "n_borderline": t.borderline(),
                                "on_track_by_indicator": Value::Object(by_indicator),
                                "sum_required_cagr": fsum(ev().map(|t| t.required.fraction()))?,
                                "sum_projected": fsum(ev().map(|t| t.projected))?,
                            }),
                            "entity,indicator,first_period,last_period,first_value,last_value,cagr,target,required_cagr,projected,evaluable,on_track",
                        ),
                    )
                }
            }
        }
        _ => unreachable!("checked in parse_args"),
    };
    let (compute_s, checksum, header) = checksum;
    if let Some(path) = &args.out {
        let mut f = std::fs::File::create(path).map_err(|e| format!("{path}: {e}"))?;
        writeln!(f, "{header}")
            .and_then(|_| f.write_all(out.as_bytes()))
            .map_err(|e| format!("{path}: {e}"))?;
    }
    println!(
        "{}",
        json!({
            "workload": workload, "rows": panel.len(), "parse_s": parse_s,
            "compute_s": compute_s, "reps": args.reps, "checksum": checksum,
        })
    );
    Ok(())
}
