//! Top 100: a composite ranking of 178 national high-tech zones in which
//! Rongchang ranks 122nd — its neighbours, how firm the rank is when the
//! weights move, and what it would take to enter the Top 100.
//!
//! THE DATA ARE SYNTHETIC: 178 zones drawn from a fixed seed on ten
//! indicators grouped in the five first-level dimensions of the 2021
//! evaluation system (国科发火〔2021〕106号). The dimension weights 20/20/15/15/30%
//! come from a third-party dashboard, not the official text: they are an
//! assumption. The zone drawn at rank 122 plays Rongchang.
//!
//! Run with `cargo run --example top100`.
#[path = "top100/zones.rs"]
mod zones;

use indstat::composite::{Needed, Uncertainty};
use indstat::dec;
use indstat::rank::{RankChange, RankObservation, rank_goal};
use indstat::{EntityId, Error, Period, round_for_display};
use rust_decimal::Decimal;
use zones::{DIMENSIONS, INDICATORS, SEED};

fn main() -> Result<(), Error> {
    println!("SYNTHETIC DATA — 178 zones drawn from seed {SEED}; not real evaluation results.");
    println!("Assumed first-level weights (third-party source, not the official text):");
    for (code, w, name) in DIMENSIONS {
        println!("  {w:>3}%  {code:<11} {name}");
    }
    let zones::Zones {
        index,
        data,
        rongchang,
    } = zones::build()?;
    let results = index.compute(&data)?;

    println!(
        "\nComposite ranking, ranks 95–125 (min-max onto [1, 100], weighted arithmetic means;"
    );
    println!(
        "coverage = share of the index's weight with data; a zone needs {}% at every node to be scored):",
        percent(results.min_coverage())
    );
    print!(
        "{:>5}  {:<10} {:>7} {:>8}",
        "rank", "zone", "score", "coverage"
    );
    for (code, ..) in DIMENSIONS {
        print!(" {code:>10}");
    }
    println!();
    for row in results.ranking() {
        if !(95..=125).contains(&row.rank()) {
            continue;
        }
        let zone = row.entity();
        let mark = if *zone == rongchang { " ◀" } else { "" };
        print!(
            "{:>5}  {:<10} {:>7} {:>7}%",
            row.rank(),
            zone.as_str(),
            round_for_display(row.score(), 2),
            percent(row.coverage())
        );
        for (code, ..) in DIMENSIONS {
            let s = results
                .score(zone, &code.parse()?)?
                .map_or("–".to_owned(), |s| round_for_display(s, 2).to_string());
            print!(" {s:>10}");
        }
        println!("{mark}");
    }
    let ranked = results.ranking();
    let partial = ranked.iter().filter(|r| !r.is_complete()).count();
    println!(
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
        println!(
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
        |d: Option<Decimal>| d.map_or("–".to_owned(), |d| round_for_display(d, 1).to_string());
    println!(
        "\nRongchang under weight uncertainty ({} runs, every weight × U[0.75, 1.25], seed {SEED}):",
        settings.runs()
    );
    println!(
        "  nominal rank {}, median {}, 90% interval {}–{}",
        r.nominal().map_or("–".to_owned(), |n| n.to_string()),
        show(r.median()),
        show(r.q05()),
        show(r.q95())
    );
    charts(&u, &rongchang)?;
    let sure_top100 = u
        .intervals()
        .iter()
        .filter(|i| i.q95().is_some_and(|q| q <= dec!(100)))
        .count();
    println!("  zones inside the Top 100 in at least 95% of runs: {sure_top100}");

    println!(
        "\nWhat would it take to rank 100th or better, one indicator at a time (others held fixed):"
    );
    println!(
        "  {:<22} {:>8} {:>9} {:>9} {:>9}  meaning",
        "indicator", "now", "best obs.", "needed", "change"
    );
    let mut beyond = false;
    let mut caveats = Vec::new();
    let table = index.what_would_it_take(&data, &rongchang, 100, None)?;
    for row in &table {
        let code = row.indicator().as_str();
        let meaning = INDICATORS.iter().find(|i| i.0 == code).map_or("", |i| i.5);
        let now = row.current().map_or("–".to_owned(), |v| v.to_string());
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
                    format!("{value}{}", if past { "†" } else { "" }),
                    format!("{change:+}"),
                )
            }
            Needed::NotReachable { cap } => {
                caveats.push(format!("{code}: not reachable alone below {cap}"));
                ("–".to_owned(), "–".to_owned())
            }
            Needed::NotFound { cap } => {
                caveats.push(format!("{code}: no value found up to {cap}"));
                ("–".to_owned(), "–".to_owned())
            }
            Needed::Already => ("already".to_owned(), "–".to_owned()),
            _ => ("?".to_owned(), "–".to_owned()),
        };
        println!("  {code:<22} {now:>8} {best:>9} {needed:>9} {change:>9}  {meaning}");
    }
    let steps: std::collections::BTreeSet<Decimal> = table.iter().map(|r| r.step()).collect();
    let steps: Vec<String> = steps.iter().map(ToString::to_string).collect();
    println!(
        "  Searched in steps of {} past the values observed, up to a million times each indicator's scale",
        steps.join(", ")
    );
    println!("  (the larger of its range and its best value).");
    if table.iter().all(|r| r.not_monotone().is_none()) {
        println!(
            "  Rongchang's rank only improves as a value does, so each value is the least, to the step,\n  that reaches rank 100."
        );
    }
    if beyond {
        println!(
            "  † beyond the best value observed: min-max scaling then lowers every other zone's score on that\n    indicator. The search knows nothing of an indicator's natural bounds: judge whether the\n    value is attainable."
        );
    }
    for c in caveats {
        println!("  {c}");
    }

    // The article's own figures need no cross-section: 122nd, up 17 places.
    let change = RankChange::from_published(122, 17)?;
    // The article reports the 2022 ranking (122nd) up 17 from the edition before.
    let before = RankObservation::new(Period::year(2021)?, change.previous(), None)?;
    let now = RankObservation::new(Period::year(2022)?, change.current(), None)?;
    let goal = rank_goal(&before, &now, 100)?;
    println!(
        "\nThe article: rank {} ({}, {}); Top 100 is {} places away. At {} places per edition (the article's 2022 ranking, and the edition before it) it is reached in {} more edition(s){}.",
        change.current(),
        change.zh(),
        change,
        goal.places_to_go(),
        goal.pace(),
        goal.reach()
            .years()
            .map_or("no".to_owned(), |y| y.to_string()),
        goal.by().map_or(String::new(), |p| format!(", by {p}"))
    );
    Ok(())
}

/// With `--features plot`: the ranking chart of Rongchang's editions and the
/// composite rank intervals of the zones around it.
#[cfg(feature = "plot")]
fn charts(u: &indstat::composite::UncertaintyResult, rongchang: &EntityId) -> Result<(), Error> {
    use indstat::report::{Lang, Text, chart};
    let mut around: Vec<_> = u
        .intervals()
        .iter()
        .filter(|i| i.nominal().is_some_and(|n| (119..=125).contains(&n)))
        .collect();
    around.sort_by_key(|i| i.nominal());
    let mut intervals = Vec::new();
    for i in around {
        if let (Some(m), Some(lo), Some(hi)) = (i.median(), i.q05(), i.q95()) {
            let label = if i.entity() == rongchang {
                "荣昌".to_owned()
            } else {
                i.entity().to_string()
            };
            let en = if i.entity() == rongchang {
                "Rongchang".to_owned()
            } else {
                i.entity().to_string()
            };
            intervals.push(chart::RankInterval::new(Text::new(label, en), m, lo, hi)?);
        }
    }
    let editions = [
        (Period::year(2021)?, dec!(139)),
        (Period::year(2022)?, dec!(122)),
    ];
    let svg = chart::rank_chart(
        &Text::new(
            "国家高新区排名与综合排名区间（合成数据）",
            "National rank and composite rank intervals (synthetic data)",
        ),
        &editions,
        dec!(100),
        &intervals,
        Lang::Both,
    )?;
    let dir = std::path::Path::new("target").join("top100-charts");
    std::fs::create_dir_all(&dir).map_err(|e| Error::Empty {
        what: if e.kind() == std::io::ErrorKind::PermissionDenied {
            "a writable chart folder"
        } else {
            "a chart folder"
        },
    })?;
    let path = dir.join("rank-intervals.svg");
    std::fs::write(&path, svg).map_err(|_| Error::Empty {
        what: "a writable chart file",
    })?;
    eprintln!("chart written: {}", path.display());
    Ok(())
}

#[cfg(not(feature = "plot"))]
fn charts(_: &indstat::composite::UncertaintyResult, _: &EntityId) -> Result<(), Error> {
    Ok(())
}

/// A share as a percentage, to one decimal place at most, halves away from
/// zero (四舍五入).
fn percent(share: Decimal) -> String {
    share.checked_mul(dec!(100)).map_or_else(
        || share.to_string(),
        |p| round_for_display(p, 1).normalize().to_string(),
    )
}
