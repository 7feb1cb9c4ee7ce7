//! The top100 example's text and chart: the composite ranking around
//! Rongchang, how firm its rank is when the weights move, what it would take
//! to enter the Top 100, and the article's own figures. Shared by the example
//! and its tests (`tests/it/report.rs`), so the text the example prints is
//! the text the tests check (every line within 100 columns as a CJK terminal
//! draws it).

use core::fmt::Write as _;

use indstat::composite::{Needed, Uncertainty, UncertaintyResult};
use indstat::dec;
use indstat::rank::{RankChange, RankObservation, rank_goal};
use indstat::{EntityId, Error, Period, round_for_display};
use rust_decimal::Decimal;

use super::zones::{self, DIMENSIONS, INDICATORS, SEED};

/// What the example prints and draws.
#[cfg_attr(not(feature = "plot"), allow(dead_code))]
pub(crate) struct Top100 {
    /// The text, line by line.
    pub(crate) text: String,
    /// The composite rank intervals under weight uncertainty.
    pub(crate) uncertainty: UncertaintyResult,
    /// The zone that plays Rongchang.
    pub(crate) rongchang: EntityId,
    /// The article's figures: 122nd, up 17 places.
    pub(crate) change: RankChange,
}

/// A missing value in a right-aligned column: an ASCII mark, one column in
/// every terminal (an en dash is two in a CJK one, and would push the
/// columns after it out of line; so is a dagger, hence the `*` footnote).
const NONE: &str = "-";

/// Builds the text and the figures of the chart.
pub(crate) fn build() -> Result<Top100, Error> {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let o = &mut out;
    let _ = writeln!(
        o,
        "SYNTHETIC DATA — 178 zones drawn from seed {SEED}; not real evaluation results."
    );
    let _ = writeln!(
        o,
        "Assumed first-level weights (third-party source, not the official text):"
    );
    for (code, w, name) in DIMENSIONS {
        let _ = writeln!(o, "  {w:>3}%  {code:<11} {name}");
    }
    let zones::Zones {
        index,
        data,
        rongchang,
    } = zones::build()?;
    let results = index.compute(&data)?;

    let _ = writeln!(
        o,
        "\nComposite ranking, ranks 95–125 (min-max onto [1, 100], weighted arithmetic means;"
    );
    let _ = writeln!(
        o,
        "coverage = share of the index's weight with data; a zone needs {}% at every node to be scored):",
        percent(results.min_coverage())
    );
    let _ = write!(
        o,
        "{:>5}  {:<10} {:>7} {:>8}",
        "rank", "zone", "score", "coverage"
    );
    for (code, ..) in DIMENSIONS {
        let _ = write!(o, " {code:>10}");
    }
    let _ = writeln!(o);
    for row in results.ranking() {
        if !(95..=125).contains(&row.rank()) {
            continue;
        }
        let zone = row.entity();
        let mark = if *zone == rongchang { " ◀" } else { "" };
        let _ = write!(
            o,
            "{:>5}  {:<10} {:>7} {:>7}%",
            row.rank(),
            zone.as_str(),
            round_for_display(row.score(), 2),
            percent(row.coverage())
        );
        for (code, ..) in DIMENSIONS {
            let s = results
                .score(zone, &code.parse()?)?
                .map_or(NONE.to_owned(), |s| round_for_display(s, 2).to_string());
            let _ = write!(o, " {s:>10}");
        }
        let _ = writeln!(o, "{mark}");
    }
    let ranked = results.ranking();
    let partial = ranked.iter().filter(|r| !r.is_complete()).count();
    let _ = writeln!(
        o,
        "{} of {} zones ranked, {} on part of the weight.",
        ranked.len(),
        data.entities().len(),
        if partial == 0 {
            "none".to_owned()
        } else {
            partial.to_string()
        }
    );
    // What a gap does: Rongchang without its two green indicators.
    let mut gap = data.clone();
    for (code, dimension, ..) in INDICATORS {
        if dimension == "green" {
            gap.set(&rongchang, &code.parse()?, None)?;
        }
    }
    let without = index.compute(&gap)?;
    if let Some(row) = without.ranking().iter().find(|r| *r.entity() == rongchang) {
        let _ = writeln!(
            o,
            "Had Rongchang not reported its green indicators (its weakest dimension), it would be ranked\n{} at {} on {}% of the weight: a gap can lift a rank, so every score carries its coverage.",
            row.rank(),
            round_for_display(row.score(), 2),
            percent(row.coverage())
        );
    }

    let settings = Uncertainty::new(200, SEED)?.with_weight_noise(dec!(0.25))?;
    let u = index.uncertainty(&data, &settings)?;
    let r = u.interval(&rongchang)?;
    // Half away from zero (四舍五入), one place: 106.95–135.05 is 107.0–135.1.
    let show =
        |d: Option<Decimal>| d.map_or(NONE.to_owned(), |d| round_for_display(d, 1).to_string());
    let _ = writeln!(
        o,
        "\nRongchang under weight uncertainty ({} runs, every weight × U[0.75, 1.25], seed {SEED}):",
        settings.runs()
    );
    let _ = writeln!(
        o,
        "  nominal rank {}, median {}, 90% interval {}–{}",
        r.nominal().map_or(NONE.to_owned(), |n| n.to_string()),
        show(r.median()),
        show(r.q05()),
        show(r.q95())
    );
    let sure_top100 = u
        .intervals()
        .iter()
        .filter(|i| i.q95().is_some_and(|q| q <= dec!(100)))
        .count();
    let _ = writeln!(
        o,
        "  zones inside the Top 100 in at least 95% of runs: {sure_top100}"
    );

    let _ = writeln!(
        o,
        "\nWhat would it take to rank 100th or better, one indicator at a time (others held fixed):"
    );
    let _ = writeln!(
        o,
        "  {:<20} {:>7} {:>9} {:>8} {:>7}  meaning",
        "indicator", "now", "best obs.", "needed", "change"
    );
    let mut beyond = false;
    let mut caveats = Vec::new();
    let table = index.what_would_it_take(&data, &rongchang, 100, None)?;
    for row in &table {
        let code = row.indicator().as_str();
        let meaning = INDICATORS.iter().find(|i| i.0 == code).map_or("", |i| i.5);
        let now = row.current().map_or(NONE.to_owned(), |v| v.to_string());
        let best = row.best_observed();
        let (needed, change) = match row.needed() {
            Needed::Value {
                value,
                change,
                least,
            } => {
                let past = if *change > Decimal::ZERO {
                    *value > best
                } else {
                    *value < best
                };
                beyond |= past;
                if !least {
                    caveats.push(format!(
                        "{code}: a smaller change may do ({})",
                        row.not_monotone().unwrap_or("")
                    ));
                }
                (
                    format!("{value}{}", if past { "*" } else { "" }),
                    format!("{change:+}"),
                )
            }
            Needed::NotReachable { cap } => {
                caveats.push(format!("{code}: not reachable alone below {cap}"));
                (NONE.to_owned(), NONE.to_owned())
            }
            Needed::NotFound { cap } => {
                caveats.push(format!("{code}: no value found up to {cap}"));
                (NONE.to_owned(), NONE.to_owned())
            }
            Needed::Already => ("already".to_owned(), NONE.to_owned()),
            _ => ("?".to_owned(), NONE.to_owned()),
        };
        let _ = writeln!(
            o,
            "  {code:<20} {now:>7} {best:>9} {needed:>8} {change:>7}  {meaning}"
        );
    }
    let steps: std::collections::BTreeSet<Decimal> = table.iter().map(|r| r.step()).collect();
    let steps: Vec<String> = steps.iter().map(ToString::to_string).collect();
    let _ = writeln!(
        o,
        "  Searched in steps of {} past the values observed, up to a million times each indicator's scale",
        steps.join(", ")
    );
    let _ = writeln!(o, "  (the larger of its range and its best value).");
    if table.iter().all(|r| r.not_monotone().is_none()) {
        let _ = writeln!(
            o,
            "  Rongchang's rank only improves as a value does, so each value is the least, to the step,\n  that reaches rank 100."
        );
    }
    if beyond {
        let _ = writeln!(
            o,
            "  * beyond the best value observed: min-max scaling then lowers every other zone's score on that\n    indicator. The search knows nothing of an indicator's natural bounds: judge whether the\n    value is attainable."
        );
    }
    for c in caveats {
        let _ = writeln!(o, "  {c}");
    }

    // The article's own figures need no cross-section: 122nd, up 17 places.
    let change = RankChange::from_published(122, 17)?;
    // The article reports the 2022 ranking (122nd) up 17 from the edition
    // before, whose rank, 139, is implied: an estimate.
    let before = RankObservation::new(Period::year(2021)?, change.previous(), None)?;
    let now = RankObservation::new(Period::year(2022)?, change.current(), None)?;
    let goal = rank_goal(&before, &now, 100)?;
    let _ = writeln!(
        o,
        "\nThe article: rank {} in 2022 ({}, {}), so {} in 2021 (an estimate: {} + {}).",
        change.current(),
        change.zh(),
        change,
        change.previous(),
        change.current(),
        change.previous().saturating_sub(change.current())
    );
    let reached = match goal.reach().years() {
        Some(0) => "it is reached already".to_owned(),
        Some(1) => "it is reached in 1 more edition".to_owned(),
        Some(n) => format!("it is reached in {n} more editions"),
        None => "it is not reached at that pace".to_owned(),
    };
    let _ = writeln!(
        o,
        "Top 100 is {} places away: at {} places per edition {reached}{}.",
        goal.places_to_go(),
        goal.pace(),
        goal.by().map_or(String::new(), |p| format!(", by {p}"))
    );
    Ok(Top100 {
        text: out,
        uncertainty: u,
        rongchang,
        change,
    })
}

/// The chart: Rongchang's national rank by edition (2021 an estimate, drawn
/// hollow on a dashed segment) beside the composite rank intervals of the
/// zones ranked 119th to 125th.
#[cfg(feature = "plot")]
pub(crate) fn chart(t: &Top100) -> Result<String, Error> {
    use indstat::report::{Lang, Text, chart};
    use indstat::{Figure, ObsStatus, Point, Quantity, Unit};
    let mut around: Vec<_> = t
        .uncertainty
        .intervals()
        .iter()
        .filter(|i| i.nominal().is_some_and(|n| (119..=125).contains(&n)))
        .collect();
    around.sort_by_key(|i| i.nominal());
    let mut intervals = Vec::new();
    for i in around {
        if let (Some(m), Some(lo), Some(hi)) = (i.median(), i.q05(), i.q95()) {
            let label = if *i.entity() == t.rongchang {
                Text::new("荣昌", "Rongchang")
            } else {
                Text::same(i.entity().to_string())
            };
            intervals.push(chart::RankInterval::new(label, m, lo, hi)?);
        }
    }
    let rank = |r: u32| Figure::exact_value(Quantity::new(Decimal::from(r), Unit::RANK));
    let editions = [
        Point::new(Period::year(2021)?, rank(t.change.previous()))
            .with_status(ObsStatus::Estimated),
        Point::new(Period::year(2022)?, rank(t.change.current())),
    ];
    chart::rank_chart(
        &Text::new(
            "国家高新区排名与综合排名区间（合成数据）",
            "National rank and composite rank intervals (synthetic data)",
        ),
        &editions,
        dec!(100),
        &intervals,
        Lang::Both,
    )
}

/// A share as a percentage, to one decimal place at most, halves away from
/// zero (四舍五入).
fn percent(share: Decimal) -> String {
    share.checked_mul(dec!(100)).map_or_else(
        || share.to_string(),
        |p| round_for_display(p, 1).normalize().to_string(),
    )
}
