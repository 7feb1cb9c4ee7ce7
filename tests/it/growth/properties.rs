//! Growth invariants (property tests) and bad input: every failure a typed
//! error naming its inputs, never a panic.

use indstat::growth::{self, Reach};
use indstat::{Direction, Error, Period, Quantity, Rate, Unit, YearSpan};
use proptest::prelude::*;
use rust_decimal::{Decimal, MathematicalOps};

fn yuan(v: Decimal) -> Quantity {
    Quantity::new(v, Unit::YI_YUAN)
}

fn years(n: i32) -> YearSpan {
    Period::year(2000)
        .unwrap()
        .years_until(&Period::year(2000 + n).unwrap())
        .unwrap()
}

/// Positive values with up to 4 decimals, as in statistical tables.
fn amount() -> impl Strategy<Value = Decimal> {
    (1i64..10_000_000_000).prop_map(|m| Decimal::new(m, 4))
}

/// Yearly rates from −50% to +60%, in basis points of a percent.
fn rate() -> impl Strategy<Value = Rate> {
    (-5000i64..6000).prop_map(|bp| Rate::from_fraction(Decimal::new(bp, 4)))
}

fn rel(a: Decimal, b: Decimal) -> Decimal {
    if b.is_zero() {
        a.abs()
    } else {
        ((a - b) / b).abs()
    }
}

proptest! {
    /// A computed rate applied to its base gives back the current value, to
    /// the rounding of one division: the rate has 28 significant digits and
    /// at most 28 decimal places, so `base · (1 + rate)` is within
    /// `max(base, current) · 1e-26` of the current value (a bound relative to
    /// the current value alone fails for a fall to near zero: 326203.4599 →
    /// 0.0001).
    #[test]
    fn growth_applied_to_base_gives_current(b in amount(), c in amount()) {
        let g = growth::growth(&yuan(b), &yuan(c)).unwrap();
        let back = b * g.factor().unwrap();
        prop_assert!((back - c).abs() <= b.max(c) * Decimal::new(1, 26), "{} -> {}: {}", b, c, back);
    }

    /// The CAGR of a constant-rate path is that rate (to 1e-20).
    #[test]
    fn cagr_of_a_constant_path_is_the_rate(b in amount(), g in rate(), n in 1i32..=30) {
        let end = growth::project(&yuan(b), g, n as u32).unwrap();
        let got = growth::cagr(&yuan(b), &end, years(n)).unwrap();
        let err = (got.fraction() - g.fraction()).abs();
        prop_assert!(err < Decimal::new(1, 20), "{} at {} for {}: {}", b, g, n, got);
    }

    /// Years to reach is the least k with base·(1+g)^k ≥ target when higher
    /// is better, ≤ target when lower is better (checked on the exact
    /// projections of `growth::project`).
    #[test]
    fn years_to_reach_is_the_least_integer(b in amount(), t in amount(), g in rate(), up in any::<bool>()) {
        let direction = if up { Direction::HigherIsBetter } else { Direction::LowerIsBetter };
        let r = growth::years_to_reach(&yuan(b), &yuan(t), g, direction).unwrap();
        let there = |v: Decimal| if up { v >= t } else { v <= t };
        let at = |k: u32| growth::project(&yuan(b), g, k).map(|v| there(v.value()));
        match r {
            Reach::Already => prop_assert!(there(b)),
            Reach::Never => {
                prop_assert!(!there(b));
                let still = if up { g.fraction() <= Decimal::ZERO } else { g.fraction() >= Decimal::ZERO };
                prop_assert!(still, "never at {}", g);
            }
            Reach::InYears(k) => {
                let k = u32::try_from(k).unwrap();
                prop_assert!(k >= 1);
                prop_assert!(at(k).unwrap_or(true), "not reached in {}", k);
                prop_assert!(!at(k - 1).unwrap(), "already reached in {}", k - 1);
            }
        }
    }

    /// Σ pulls = the total's growth; shares add up to 100% when the total moved.
    #[test]
    fn pulls_add_up_to_growth(parts in prop::collection::vec((amount(), amount()), 1..6)) {
        let labelled: Vec<(&str, Quantity, Quantity)> =
            parts.iter().map(|(b, c)| ("part", yuan(*b), yuan(*c))).collect();
        let c = growth::contributions(&labelled, None).unwrap();
        let pulls: Decimal = c.components().iter().map(|p| p.pull().value()).sum();
        prop_assert!((pulls - c.growth().percent().unwrap()).abs() < Decimal::new(1, 18));
        if let Some(shares) = c.components().iter().map(|p| p.share()).collect::<Option<Vec<_>>>() {
            let total: Decimal = shares.iter().map(|s| s.fraction()).sum();
            prop_assert!((total - Decimal::ONE).abs() < Decimal::new(1, 20));
        }
    }

    /// Chain-linking then taking link relatives gives the links back.
    #[test]
    fn chain_index_round_trips(links in prop::collection::vec((500i64..2000).prop_map(|l| Decimal::new(l, 1)), 1..15)) {
        let index = growth::chain_index(&links).unwrap();
        let back = growth::link_relatives(&index).unwrap();
        for (a, b) in back.iter().zip(&links) {
            prop_assert!(rel(*a, *b) < Decimal::new(1, 24), "{} vs {}", a, b);
        }
    }

    /// Annualising the growth of a constant-rate path gives its rate back.
    #[test]
    fn annualize_inverts_compounding(g in rate(), n in 1i32..=20) {
        let total = Rate::from_fraction(g.factor().unwrap().powi(i64::from(n)) - Decimal::ONE);
        let back = growth::annualize(total, years(n)).unwrap();
        prop_assert!((back.fraction() - g.fraction()).abs() < Decimal::new(1, 20));
    }
}

/// Bad input of every kind, with the message each returns.
#[test]
fn bad_input_is_a_typed_error_naming_the_inputs() {
    let q = |s: &str| s.parse::<Quantity>().unwrap();
    let pct = |p: i64| Rate::from_fraction(Decimal::new(p, 2));
    let y = |n| Period::year(n).unwrap();
    let cases: Vec<(Error, &str)> = vec![
        (
            growth::growth(&q("0亿元"), &q("5亿元")).unwrap_err(),
            "growth is undefined: the base 0亿元 is zero (current 5亿元)",
        ),
        (
            growth::growth(&q("-100亿元"), &q("-50亿元")).unwrap_err(),
            "growth is undefined: the base -100亿元 is negative (current -50亿元); report the change itself",
        ),
        (
            growth::growth(&q("100亿元"), &q("-100亿元")).unwrap_err(),
            "growth is undefined: the value changed sign from 100亿元 to -100亿元",
        ),
        (
            growth::growth(&q("4.1%"), &q("4.4%")).unwrap_err(),
            "4.1% and 4.4% are percentages: their change is in percentage points (use percentage_point_change), or ask for growth_of_share explicitly",
        ),
        (
            growth::project(&q("1004亿元"), pct(-100), 1).unwrap_err(),
            "rate -100% is out of range: a rate of -100% or less cannot be compounded",
        ),
        (
            growth::project(&q("1004亿元"), pct(-150), 1).unwrap_err(),
            "rate -150% is out of range: a rate of -100% or less cannot be compounded",
        ),
        (
            growth::annualize(pct(-100), years(2)).unwrap_err(),
            "rate -100% is out of range: a rate of -100% or less cannot be compounded",
        ),
        (
            growth::required_growth(&q("1004亿元"), y(2026), &q("1800亿元"), y(2022)).unwrap_err(),
            "invalid span from 2026 to 2022: the deadline must be after the base period",
        ),
        (
            growth::required_growth(&q("1004亿元"), y(2022), &q("1800亿元"), y(2022)).unwrap_err(),
            "invalid span from 2022 to 2022: the deadline must be after the base period",
        ),
        (
            growth::cagr(&q("1004亿元"), &q("1800亿元"), years(0)).unwrap_err(),
            "invalid span from 1004亿元 to 1800亿元 after 0 years: the span must be longer than zero",
        ),
        (
            growth::cagr(&q("0亿元"), &q("1800亿元"), years(4)).unwrap_err(),
            "growth is undefined: the base 0亿元 is zero (current 1800亿元)",
        ),
        (
            growth::project(
                &Quantity::new(
                    Decimal::new(1, 0) * Decimal::from(10u64.pow(19)) * Decimal::TEN,
                    Unit::YUAN,
                ),
                pct(50),
                200,
            )
            .unwrap_err(),
            "decimal overflow in project: 100000000000000000000元 and 50% a year for 200 years",
        ),
        (
            growth::years_to_reach(
                &q("-5亿元"),
                &q("1800亿元"),
                pct(10),
                Direction::HigherIsBetter,
            )
            .unwrap_err(),
            "growth is undefined: the base -5亿元 is negative (current 1800亿元); report the change itself",
        ),
        (
            growth::periods_to_reach(&q("1004亿元"), &q("1800亿元"), pct(0)).unwrap_err(),
            "rate 0% is out of range: PDURATION needs a rate above zero",
        ),
        (
            growth::average_rate(&[]).unwrap_err(),
            "the list of rates is empty",
        ),
        (
            growth::chain_index(&[Decimal::from(-5)]).unwrap_err(),
            "-5 is outside the domain of a chain-linked index: link relatives (上年=100) must be above zero",
        ),
    ];
    for (err, message) in cases {
        assert_eq!(err.to_string(), message);
    }
}

/// A flow's year-to-date series: (year, through month, value) each.
fn ytd_series(points: &[(i32, u8, &str)]) -> indstat::Series {
    use indstat::{EntityId, Indicator, Kind, Point, Series};
    let i = Indicator::new("out", "产值", "output", Unit::YI_YUAN, Kind::Flow).unwrap();
    let points = points
        .iter()
        .map(|&(y, m, v)| Point::new(Period::ytd(y, m).unwrap(), v.parse().unwrap()));
    Series::from_points(EntityId::new("z").unwrap(), i, points).unwrap()
}

/// Year-to-date cumulatives: 累计同比 is C this year / C last year − 1 (not
/// the mean of monthly rates), and single months are differences of
/// consecutive cumulatives, with 1–2月 as one release.
#[test]
fn year_to_date_cumulatives() {
    use indstat::growth::BasePeriod;
    let s = ytd_series(&[
        (2021, 2, "100亿元"),
        (2021, 3, "160亿元"),
        (2022, 2, "110亿元"),
        (2022, 3, "180亿元"),
    ]);
    let yoy = s.changes(BasePeriod::YearAgo).unwrap();
    let rate = |m| {
        yoy.get(Period::ytd(2022, m).unwrap())
            .unwrap()
            .change()
            .unwrap()
            .rate()
            .unwrap()
            .fraction()
    };
    assert_eq!(rate(2), Decimal::new(1, 1)); // 110 / 100 − 1
    assert_eq!(rate(3), Decimal::new(125, 3)); // 180 / 160 − 1, not the mean of 10% and 16.7%
    // Period on period is not defined for cumulatives.
    assert!(s.changes(BasePeriod::Previous).is_err());
    let singles = growth::single_periods_from_ytd(&s).unwrap();
    let march_2022 = singles
        .iter()
        .find(|(p, _)| *p == Period::month(2022, 3).unwrap())
        .unwrap();
    assert_eq!(march_2022.1.as_ref().unwrap().to_string(), "70亿元");
    // 1–2月 stays one release.
    assert!(
        singles
            .iter()
            .any(|(p, _)| *p == Period::ytd(2022, 2).unwrap())
    );
}

/// A series released for January alone (electricity,
/// trade, fiscal data) gives January and February apart: 1月 100, 1–2月 150,
/// 1–3月 240 are January 100, February 50 and March 90 (differences of
/// consecutive cumulatives, NBS's identity `x_m = C_m − C_{m−1}`); a year
/// without 1月 keeps 1–2月 as one release; 累计同比 of 1月 is 1月 on 1月 a
/// year earlier.
#[test]
fn january_alone_gives_single_months() {
    use indstat::growth::BasePeriod;
    let s = ytd_series(&[
        (2021, 2, "140亿元"),
        (2022, 1, "100亿元"),
        (2022, 2, "150亿元"),
        (2022, 3, "240亿元"),
        (2023, 1, "110亿元"),
    ]);
    let singles = growth::single_periods_from_ytd(&s).unwrap();
    let got: Vec<(String, String)> = singles
        .iter()
        .map(|(p, v)| (p.to_string(), v.as_ref().unwrap().to_string()))
        .collect();
    let want = [
        ("2021-01-01/P2M", "140亿元"), // January and February together
        ("2022-01", "100亿元"),
        ("2022-02", "50亿元"),
        ("2022-03", "90亿元"),
        ("2023-01", "110亿元"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(p, v)| (p.to_string(), v.to_string()))
        .collect();
    assert_eq!(got, want);
    let yoy = s.changes(BasePeriod::YearAgo).unwrap();
    let january = yoy.get(Period::ytd(2023, 1).unwrap()).unwrap();
    assert_eq!(
        january.change().unwrap().rate().unwrap().fraction(),
        Decimal::new(1, 1) // 110 / 100 − 1
    );
}

/// Compound growth at the extremes, each checked against Python `decimal` at
/// 60 digits: tiny rates terminate, huge powers decide exactly, roots of
/// small radicands keep their digits, products of falls do not underflow.
#[test]
fn compound_growth_at_the_extremes() {
    let y = |s: &str| Quantity::new(s.parse().unwrap(), Unit::YUAN);
    let rel = |got: Decimal, want: &str| {
        let w: Decimal = want.parse().unwrap();
        ((got - w) / w).abs()
    };
    // 1 → 1.2 at 1e-18 a year: ln 1.2 / ln(1 + 1e-18) = 1.8232155679395462621e17 years.
    let r = growth::years_to_reach(
        &y("1"),
        &y("1.2"),
        Rate::from_fraction(Decimal::new(1, 18)),
        Direction::HigherIsBetter,
    )
    .unwrap();
    let n = Decimal::from(r.years().unwrap());
    assert!(rel(n, "182321556793954626") < Decimal::new(1, 15), "{n}");
    // 1 → 2 at 1e-20 takes 6.9e19 years, more than a u64 holds: an error, promptly.
    let far = growth::years_to_reach(
        &y("1"),
        &y("2"),
        Rate::from_fraction(Decimal::new(1, 20)),
        Direction::HigherIsBetter,
    );
    assert!(
        matches!(far, Err(indstat::Error::Overflow { .. })),
        "{far:?}"
    );
    // 0.0001 → 1e25 at 50%: 165 years (1.5^165 · 1e-4 ≈ 1.13e25; 1.5^164 · 1e-4 ≈ 7.5e24).
    assert_eq!(
        growth::years_to_reach(
            &y("0.0001"),
            &y("10000000000000000000000000"),
            Rate::from_percent(Decimal::from(50)).unwrap(),
            Direction::HigherIsBetter
        )
        .unwrap(),
        Reach::InYears(165)
    );
    // 2^27 at 50% is exactly 3^27 after 27 years (1.5^27 has 32 significant digits).
    let two27 = y(&2u128.pow(27).to_string());
    let three27 = y(&3u128.pow(27).to_string());
    assert_eq!(
        growth::years_to_reach(
            &two27,
            &three27,
            Rate::from_percent(Decimal::from(50)).unwrap(),
            Direction::HigherIsBetter
        )
        .unwrap(),
        Reach::InYears(27)
    );
    // Roots of small and large radicands.
    let twelve = Period::year(2000)
        .unwrap()
        .years_until(&Period::year(2012).unwrap())
        .unwrap();
    let g = growth::cagr(&y("1"), &y("0.0000000000000000000001"), twelve).unwrap();
    assert!(rel(g.fraction(), "-0.985322007323779304590794828851831387452") < Decimal::new(1, 26));
    let forty = Period::year(2000)
        .unwrap()
        .years_until(&Period::year(2040).unwrap())
        .unwrap();
    let g = growth::cagr(&y("100000000"), &y("0.00000000000001"), forty).unwrap();
    assert!(rel(g.fraction(), "-0.718161706873554618089807630084488928132") < Decimal::new(1, 26));
    let seven = Period::year(2000)
        .unwrap()
        .years_until(&Period::year(2007).unwrap())
        .unwrap();
    let g = growth::annualize(Rate::from_fraction("-0.999999".parse().unwrap()), seven).unwrap();
    assert!(
        rel(
            g.factor().unwrap(),
            "0.138949549437313763712998521735301162211"
        ) < Decimal::new(1, 26)
    );
    // Eight falls of 99.99% average 99.99% a year, not −100%.
    let falls = vec![Rate::from_percent("-99.99".parse().unwrap()).unwrap(); 8];
    let avg = growth::average_rate(&falls).unwrap();
    assert!(
        (avg.fraction() - "-0.9999".parse::<Decimal>().unwrap()).abs() < Decimal::new(1, 26),
        "{avg}"
    );
    // Contributions from tiny bases: no false inconsistency.
    let parts = [
        ("a", y("0.0000000001"), y("3.3333333333")),
        ("b", y("0.0000000002"), y("7.7777777777")),
        ("c", y("0.0000000004"), y("1.2345678901")),
    ];
    assert!(growth::contributions(&parts, None).is_ok());
}

/// A target reached by falling: 0.54 → at most 0.45 at −5% a year (once
/// answered `Already`, direction ignored). Expected from the exact powers (Python `decimal`):
/// 0.54 · 0.95³ = 0.4629825 > 0.45 and 0.54 · 0.95⁴ = 0.439833375 ≤ 0.45, so 4
/// years; the same inputs read as higher-is-better are already met.
#[test]
fn a_decreasing_target_is_reached_by_a_fall() {
    let q = |s: &str| s.parse::<Quantity>().unwrap();
    let fall = Rate::from_percent(Decimal::from(-5)).unwrap();
    assert_eq!(
        growth::project(&q("0.54倍"), fall, 4).unwrap().value(),
        "0.439833375".parse::<Decimal>().unwrap()
    );
    let down = Direction::LowerIsBetter;
    assert_eq!(
        growth::years_to_reach(&q("0.54倍"), &q("0.45倍"), fall, down).unwrap(),
        Reach::InYears(4)
    );
    // Rising, or flat, never gets down to it; a value at or below it is there.
    let rise = Rate::from_percent(Decimal::from(5)).unwrap();
    assert_eq!(
        growth::years_to_reach(&q("0.54倍"), &q("0.45倍"), rise, down).unwrap(),
        Reach::Never
    );
    assert_eq!(
        growth::years_to_reach(&q("0.45倍"), &q("0.45倍"), rise, down).unwrap(),
        Reach::Already
    );
    // A fall never takes a positive value to zero.
    assert_eq!(
        growth::years_to_reach(&q("0.54倍"), &q("0倍"), fall, down).unwrap(),
        Reach::Never
    );
    assert_eq!(
        growth::years_to_reach(&q("0.54倍"), &q("0.45倍"), fall, Direction::HigherIsBetter)
            .unwrap(),
        Reach::Already
    );
}
