//! Growth calculations against independent references, read from
//! `tests/vectors/*.csv`; every row names where its expected value comes from:
//! pandas 3 itself (`gen_pandas.py`), the RRI and PDURATION examples in
//! Excel's, Google Sheets' and DAX's documentation, NBS's two-year average, a
//! statistical yearbook's contribution table, the article's figures, and
//! 50-digit references computed with Python's `decimal` (`gen_reference.py`).

use std::str::FromStr;

use indstat::growth::{self, BasePeriod, Fill, Reach};
use indstat::{
    Assumption, Direction, EntityId, Error, Indicator, Kind, Observation, Period, Point,
    PriceBasis, Quantity, Rate, Series, Unit,
};
use rust_decimal::Decimal;

use crate::vectors::read_csv;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|e| panic!("{s:?}: {e}"))
}

fn yuan(s: &str) -> Quantity {
    Quantity::new(dec(s), Unit::YUAN)
}

/// `periods/per_year` as a span.
fn span(s: &str) -> indstat::YearSpan {
    let (n, per) = s.split_once('/').unwrap();
    let n: i32 = n.parse().unwrap();
    let start = 2000;
    match per {
        "1" => Period::year(start)
            .unwrap()
            .years_until(&Period::year(start + n).unwrap()),
        "2" => Period::half(start, 1).unwrap().years_until(
            &Period::half(start, 1)
                .unwrap()
                .checked_add(i64::from(n))
                .unwrap(),
        ),
        "4" => Period::quarter(start, 1).unwrap().years_until(
            &Period::quarter(start, 1)
                .unwrap()
                .checked_add(i64::from(n))
                .unwrap(),
        ),
        "12" => Period::month(start, 1).unwrap().years_until(
            &Period::month(start, 1)
                .unwrap()
                .checked_add(i64::from(n))
                .unwrap(),
        ),
        other => panic!("per_year {other}"),
    }
    .unwrap()
}

/// Checks `got` against `want` under a tolerance: `0` exact, a number an
/// absolute bound, `rel:x` a relative bound. Returns the relative error.
fn close(id: &str, got: Decimal, want: &str, tolerance: &str) -> Decimal {
    let want = dec(want);
    let err = (got - want).abs();
    let rel = if want.is_zero() {
        err
    } else {
        err / want.abs()
    };
    let ok = match tolerance.strip_prefix("rel:") {
        Some(t) => rel <= dec(t),
        None => err <= dec(tolerance),
    };
    assert!(
        ok,
        "row {id}: got {got}, want {want}, tolerance {tolerance}"
    );
    rel
}

fn rate(s: &str) -> Rate {
    Rate::from_fraction(dec(s))
}

/// One row of compound.csv or reference.csv.
fn run(row: &[String]) -> Decimal {
    let [id, op, args, want, tol, _source] = row else {
        panic!("malformed row {row:?}")
    };
    let a: Vec<&str> = args.split(';').collect();
    let got = match op.as_str() {
        "rri" => growth::cagr(&yuan(a[1]), &yuan(a[2]), span(a[0]))
            .unwrap()
            .fraction(),
        "required" => growth::required_growth(
            &yuan(a[0]),
            Period::year(a[1].parse().unwrap()).unwrap(),
            &yuan(a[2]),
            Period::year(a[3].parse().unwrap()).unwrap(),
        )
        .unwrap()
        .fraction(),
        "pduration" => growth::periods_to_reach(&yuan(a[1]), &yuan(a[2]), rate(a[0])).unwrap(),
        "years_to_reach" => {
            let r = growth::years_to_reach(
                &yuan(a[0]),
                &yuan(a[1]),
                rate(a[2]),
                Direction::HigherIsBetter,
            )
            .unwrap();
            let text = match r {
                Reach::Already => "already".to_owned(),
                Reach::Never => "never".to_owned(),
                Reach::InYears(n) => n.to_string(),
            };
            assert_eq!(&text, want, "row {id}");
            return Decimal::ZERO;
        }
        "project" => growth::project(&yuan(a[0]), rate(a[1]), a[2].parse().unwrap())
            .unwrap()
            .value(),
        "project_span" => growth::project_span(&yuan(a[0]), rate(a[1]), span(a[2]))
            .unwrap()
            .value(),
        "annualize" => growth::annualize(rate(a[0]), span(a[1]))
            .unwrap()
            .fraction(),
        "average" => {
            let rates: Vec<Rate> = a[0].split('|').map(rate).collect();
            growth::average_rate(&rates).unwrap().fraction()
        }
        "implied" => {
            let (level, g) = observations(a[0], a[1], PriceBasis::Current);
            let est = growth::implied_base(&level, &g, BasePeriod::YearAgo, &[]).unwrap();
            est.value().value().value()
        }
        "growth" => growth::growth(&yuan(a[0]), &yuan(a[1])).unwrap().fraction(),
        "ratio" => yuan(a[0]).checked_ratio(&yuan(a[1])).unwrap(),
        "pp" => {
            let pct = |s: &str| Quantity::new(dec(s), Unit::PERCENT);
            growth::percentage_point_change(&pct(a[0]), &pct(a[1]))
                .unwrap()
                .value()
        }
        other => panic!("row {id}: unknown op {other}"),
    };
    close(id, got, want, tol)
}

/// A level and its growth rate as observations of one zone in 2022.
fn observations(
    level: &str,
    growth_percent: &str,
    basis: PriceBasis,
) -> (Observation, Observation) {
    let zone = EntityId::new("z").unwrap();
    let year = Period::year(2022).unwrap();
    let li = Indicator::new("level", "水平", "level", Unit::YI_YUAN, Kind::Flow).unwrap();
    let gi = Indicator::new("growth", "增速", "growth", Unit::PERCENT, Kind::Change)
        .unwrap()
        .with_price_basis(basis);
    let l = Observation::new(
        zone.clone(),
        li,
        year,
        Quantity::new(dec(level), Unit::YI_YUAN).into(),
    )
    .unwrap();
    let g = Observation::new(
        zone,
        gi,
        year,
        Quantity::new(dec(growth_percent), Unit::PERCENT).into(),
    )
    .unwrap();
    (l, g)
}

#[test]
fn documented_examples_and_article_figures() {
    let rows = read_csv("compound.csv");
    assert!(rows.len() >= 25);
    for row in &rows {
        run(row);
    }
}

/// Accuracy of the exact roots: every reference value to better than 1e-20
/// relative (1e-18 for PDURATION, which goes through `Decimal::ln`).
#[test]
fn fifty_digit_references() {
    let rows = read_csv("reference.csv");
    assert!(rows.len() >= 100);
    let mut worst = Decimal::ZERO;
    for row in &rows {
        if row[1] != "pduration" {
            worst = worst.max(run(row));
        } else {
            run(row);
        }
    }
    // Measured: the worst root-based relative error (printed with --nocapture).
    println!("worst relative error of roots against the 50-digit reference: {worst:e}");
    assert!(worst < dec("1e-20"));
}

/// pandas 3 `pct_change` and the pandas < 2.1 forward-fill default, on the
/// same series: equal values where indstat gives a rate, and a typed reason
/// where pandas gives inf, NaN or a sign-inverted number.
#[test]
fn pandas_pct_change() {
    let rows = read_csv("pandas_pct_change.csv");
    let mut cases: Vec<(String, Vec<&Vec<String>>)> = Vec::new();
    for row in &rows {
        match cases.iter_mut().find(|(c, _)| c == &row[0]) {
            Some((_, v)) => v.push(row),
            None => cases.push((row[0].clone(), vec![row])),
        }
    }
    assert_eq!(cases.len(), 8);
    let indicator = Indicator::new("x", "x", "x", Unit::YUAN, Kind::Flow).unwrap();
    for (case, rows) in cases {
        let year = |row: &Vec<String>| Period::year(2000 + row[1].parse::<i32>().unwrap()).unwrap();
        let points = rows.iter().map(|r| Point::new(year(r), yuan(&r[2]).into()));
        let series =
            Series::from_points(EntityId::new("z").unwrap(), indicator.clone(), points).unwrap();
        let plain = series.changes(BasePeriod::YearAgo).unwrap();
        let padded = series
            .changes_with(BasePeriod::YearAgo, Fill::Forward)
            .unwrap();
        for row in rows {
            let id = format!("{case}[{}]", row[1]);
            let p = plain.get(year(row)).unwrap().change();
            let tolerance = |peer: &str, got: Decimal| {
                // pandas is f64: agree to 1e-12 of max(1, |value|), as the peers' checks do.
                let peer = dec(peer);
                let bound = dec("1e-12") * Decimal::ONE.max(peer.abs());
                assert!(
                    (got - peer).abs() <= bound,
                    "row {id}: {got} vs pandas {peer}"
                );
            };
            match row[5].as_str() {
                "ok" => tolerance(&row[3], p.unwrap().rate().unwrap().fraction()),
                "ok_pad" => {
                    assert!(
                        matches!(p, Err(Error::MissingValue { .. })),
                        "row {id}: {p:?}"
                    );
                    let f = padded.get(year(row)).unwrap().change();
                    tolerance(&row[4], f.unwrap().rate().unwrap().fraction());
                }
                "missing" => assert!(
                    matches!(p, Err(Error::MissingValue { .. })),
                    "row {id}: {p:?}"
                ),
                "zero_base" => assert!(matches!(p, Err(Error::ZeroBase { .. })), "row {id}: {p:?}"),
                "negative_base" => {
                    assert!(
                        matches!(p, Err(Error::NegativeBase { .. })),
                        "row {id}: {p:?}"
                    )
                }
                "sign_change" => assert!(
                    matches!(p, Err(Error::SignChange { .. })),
                    "row {id}: {p:?}"
                ),
                other => panic!("row {id}: unknown outcome {other}"),
            }
        }
    }
}

/// A statistical yearbook's contribution table: its pulls (拉动) follow from
/// its shares (贡献率) and GDP growth through `contributions`, to the table's
/// precision (0.1 point: its shares and growth are themselves rounded).
#[test]
fn yearbook_contributions() {
    for row in read_csv("contribution.csv") {
        let id = &row[0];
        let g = dec(&row[1]);
        let shares: Vec<Decimal> = row[2..5].iter().map(|s| dec(s)).collect();
        let pulls: Vec<Decimal> = row[5..8].iter().map(|s| dec(s)).collect();
        // A base of 100 split arbitrarily; increments g · share.
        let bases = [dec("20"), dec("45"), dec("35")];
        let parts: Vec<(&str, Quantity, Quantity)> = ["primary", "secondary", "tertiary"]
            .iter()
            .zip(bases.iter().zip(&shares))
            .map(|(label, (b, s))| {
                (
                    *label,
                    yuan(&b.to_string()),
                    yuan(&(b + g * s / dec("100")).to_string()),
                )
            })
            .collect();
        let c = growth::contributions(&parts, None).unwrap();
        // The computed shares are the published ones (scaled to 100 where the
        // table's rounded shares add up to 100.1).
        let total: Decimal = shares.iter().sum();
        for (part, s) in c.components().iter().zip(&shares) {
            let share = part.share().unwrap().percent().unwrap();
            assert!(
                (share - s * dec("100") / total).abs() < dec("1e-20"),
                "year {id}: {share} vs {s}"
            );
        }
        let mut sum = Decimal::ZERO;
        for (k, part) in c.components().iter().enumerate() {
            let pull = part.pull().value();
            sum += pull;
            assert!(
                (pull - pulls[k]).abs() <= dec("0.1"),
                "year {id} {}: {pull} vs {}",
                part.label(),
                pulls[k]
            );
        }
        // Σ pulls = the total's growth, in points.
        assert!(
            (sum - c.growth().percent().unwrap()).abs() < dec("1e-20"),
            "year {id}"
        );
    }
}

#[test]
fn implied_base_refuses_a_comparable_rate_until_told() {
    let (level, g) = observations("1004", "8.5", PriceBasis::Comparable);
    let err = growth::implied_base(&level, &g, BasePeriod::YearAgo, &[]).unwrap_err();
    assert!(matches!(err, Error::AssumptionRequired { .. }));
    assert!(err.to_string().contains("comparable prices"), "{err}");
    let est = growth::implied_base(
        &level,
        &g,
        BasePeriod::YearAgo,
        &[Assumption::RateAtCurrentPrices],
    )
    .unwrap();
    assert_eq!(est.value().value().value().round_dp(2), dec("925.35"));
    assert_eq!(
        est.assumptions(),
        &[Assumption::RateAtCurrentPrices, Assumption::ScopeUnchanged]
    );
}
