//! Panels: the fixture's results against the peers' checksums, every panel
//! result against the scalar API on the same data (the fixture, random
//! panels, and panels whose values take the rank's wide-key paths),
//! hand-worked panels and target gaps. Reading and writing CSV and SDMX-CSV
//! are in `io`, the index paths checked by brute force in `paths`, reading a
//! file in `file`.

use indstat::dec;
use indstat::growth;
use indstat::panel::{Panel, Reason, SeriesCagr};
use indstat::rank::{self, Missing, Order, Ties};
use indstat::{Error, Period, Quantity, Unit};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};

mod file;
mod io;
mod paths;

/// `tests/data/panel_small.csv`: the 4,560 rows of the first 60 entities of
/// the peer benchmarks' small data set (`tests/data/README.md` says how to
/// make it again).
fn fixture() -> Panel {
    let file = std::fs::File::open("tests/data/panel_small.csv").unwrap();
    Panel::from_csv(file).unwrap()
}

fn q(v: Decimal) -> Quantity {
    Quantity::new(v, Unit::RATIO)
}

/// `|a − b| ≤ 1e-9 · max(1, |a|, |b|)`, the checksum tolerance.
fn close(exact: Decimal, peer: f64) -> bool {
    let peer = Decimal::from_f64(peer).unwrap();
    let scale = Decimal::ONE.max(exact.abs()).max(peer.abs());
    (exact - peer).abs() <= scale * dec!(0.000000001)
}

/// Expected values: the checksums of the peer benchmarks' workloads (W1 rank,
/// W2 growth, W3 CAGR, W4 target gap) as pandas and polars compute them on
/// the fixture, and agree (`benches/peers/peer_bench.py`, see
/// `tests/data/README.md`).
#[test]
fn fixture_matches_the_peers_checksums() {
    let p = fixture();
    assert_eq!(p.len(), 4560);
    for (ties, sum, wsum) in [
        (Ties::Average, 264_772u64, 480_182_639_729_972u64),
        (Ties::Min, 264_696, 479_997_518_589_972),
    ] {
        let r = p.rank(ties, Order::Descending);
        assert_eq!(r.groups(), 80);
        let (mut s, mut w) = (0u64, 0u64);
        for row in 0..p.len() {
            let t = r.twice_rank(row).unwrap();
            s += t;
            let units = (p.value(row).unwrap() * dec!(10000)).to_u64().unwrap();
            w = w.wrapping_add(t.wrapping_mul(units));
        }
        assert_eq!((s, w), (sum, wsum), "{ties:?}");
    }

    let g = p.yoy_growth();
    assert_eq!(g.counts().valid(), 3958);
    assert_eq!(g.counts().count(Reason::NoBase), 597);
    assert_eq!(g.counts().count(Reason::ZeroBase), 5);
    let sum: Decimal = (0..p.len())
        .filter_map(|r| g.growth(r))
        .map(|r| r.fraction())
        .sum();
    assert!(close(sum, 311.651_596_092_836_7), "{sum}");

    let c = p.cagr();
    assert_eq!(c.series().len(), 480);
    assert_eq!(c.counts().valid(), 478);
    assert_eq!(c.counts().count(Reason::SinglePeriod), 2);
    let years: i64 = c
        .series()
        .iter()
        .filter(|s| s.cagr.is_some())
        .map(|s| s.span.and_then(|y| y.whole_years()).unwrap())
        .sum();
    assert_eq!(years, 4199);
    let sum: Decimal = c
        .series()
        .iter()
        .filter_map(|s| s.cagr)
        .map(|r| r.fraction())
        .sum();
    assert!(close(sum, 35.455_349_231_677_5), "{sum}");

    let t = p.target_gap(&c, dec!(1.8), 4, dec!(0.000000001)).unwrap();
    assert_eq!((t.evaluable(), t.on_track(), t.borderline()), (476, 51, 0));
    let projected: Decimal = t.series().iter().flatten().map(|t| t.projected).sum();
    assert!(close(projected, 846_511_961.577_375_3), "{projected}");
    let required: Decimal = t
        .series()
        .iter()
        .flatten()
        .map(|t| t.required.fraction())
        .sum();
    assert!(close(required, 75.347_080_197_216_07), "{required}");
}

/// Every panel growth is `growth::growth` on the same pair; every rank is
/// `rank::rank` on the same cross-section; every CAGR is `growth::cagr`.
#[test]
fn fixture_equals_the_scalar_api() {
    equals_the_scalar_api(&fixture());
}

/// The reason a panel result is missing where the scalar API returns `e`
/// for the same values: its refusals by kind, a span it refuses by why, and
/// an out-of-range result. Any other error of the scalar API on a panel's
/// values fails the test: the panel has no catch-all reason for it.
fn reason_for(e: &Error) -> Reason {
    match e {
        Error::ZeroBase { .. } => Reason::ZeroBase,
        Error::NegativeBase { .. } => Reason::NegativeBase,
        Error::SignChange { .. } => Reason::SignChange,
        Error::FrequencyMismatch { .. } => Reason::FrequencyMismatch,
        // Period::years_until's refusal within one frequency.
        Error::InvalidPeriod { .. } => Reason::CumulativeMismatch,
        Error::Overflow { .. } | Error::Inexact { .. } | Error::RateOutOfRange { .. } => {
            Reason::OutOfRange
        }
        other => panic!("the scalar API refused a panel's values with {other:?}"),
    }
}

/// Every growth, rank and CAGR of `p` as the scalar API gives it for the
/// same values, found here by brute force; every missing result's reason
/// the one the scalar API's error gives ([`reason_for`]).
fn equals_the_scalar_api(p: &Panel) {
    let g = p.yoy_growth();
    for row in 0..p.len() {
        let r = p.row(row).unwrap();
        let base = r.period.year_ago().ok().and_then(|ago| {
            p.series(r.entity, r.indicator)
                .into_iter()
                .find(|(q, _)| *q == ago)
        });
        match base {
            None => assert_eq!(g.reason(row), Some(Reason::NoBase)),
            Some((_, b)) => match (b, r.value) {
                (Some(b), Some(v)) => {
                    let scalar = growth::growth(&q(b), &q(v));
                    assert_eq!(g.growth(row), scalar.as_ref().ok().copied(), "row {row}");
                    assert_eq!(
                        g.reason(row),
                        scalar.as_ref().err().map(reason_for),
                        "row {row}"
                    );
                }
                _ => assert_eq!(g.reason(row), Some(Reason::MissingValue), "row {row}"),
            },
        }
    }
    ranks_equal_the_scalar_api(p);
    for s in p.cagr().series() {
        let first = s.first_period.zip(s.first_value);
        let last = s.last_period.zip(s.last_value);
        cagr_equals_the_scalar_api(s, first.zip(last));
    }
    // Target gaps: target = 1.8 × last, required growth and projection over
    // 4 years as growth::required_growth and growth::project give them.
    let c = p.cagr();
    let gap = p.target_gap(&c, dec!(1.8), 4, dec!(0.000000001)).unwrap();
    for (k, (s, t)) in c.series().iter().zip(gap.series()).enumerate() {
        let (Some(rate), Some(v1)) = (s.cagr, s.last_value) else {
            assert!(t.is_none());
            assert_eq!(gap.reason(k), s.reason);
            continue;
        };
        let Some(t) = t else {
            // Not evaluable: a last value of zero or less, or a target or
            // projection the scalar API refuses too (out of range).
            let target = q(v1).checked_mul(dec!(1.8));
            let projected = growth::project(&q(v1), rate, 4);
            let why = match (target, projected) {
                _ if v1.is_zero() => Reason::ZeroBase,
                _ if v1 < Decimal::ZERO => Reason::NegativeBase,
                (Err(e), _) | (_, Err(e)) => reason_for(&e),
                (Ok(_), Ok(_)) => panic!("{} {}: evaluable", s.entity, s.indicator),
            };
            assert_eq!(gap.reason(k), Some(why), "{} {}", s.entity, s.indicator);
            continue;
        };
        let year = Period::year(2024).unwrap();
        let deadline = Period::year(2028).unwrap();
        let required = growth::required_growth(&q(v1), year, &q(t.target), deadline).unwrap();
        let projected = growth::project(&q(v1), rate, 4).unwrap().value();
        assert_eq!(gap.reason(k), None);
        assert_eq!((t.required, t.projected), (required, projected));
        assert_eq!(t.target, v1 * dec!(1.8));
        assert_eq!(t.on_track, projected >= t.target * dec!(0.999999999));
    }
}

/// A series' span, CAGR and reason as the scalar API gives them for its
/// first and last present (period, value), `None` when it has none: the
/// span of `Period::years_until`, the rate of `growth::cagr`, and the
/// reason its error gives ([`reason_for`]).
fn cagr_equals_the_scalar_api(
    s: &SeriesCagr<'_>,
    ends: Option<((Period, Decimal), (Period, Decimal))>,
) {
    let ctx = format!("{} {}", s.entity, s.indicator);
    let Some(((p0, v0), (p1, v1))) = ends else {
        assert_eq!(
            (s.span, s.reason),
            (None, Some(Reason::MissingValue)),
            "{ctx}"
        );
        return;
    };
    match p0.years_until(&p1) {
        Ok(span) => {
            assert_eq!(s.span, Some(span), "{ctx}");
            let scalar = growth::cagr(&q(v0), &q(v1), span);
            assert_eq!(s.cagr, scalar.as_ref().ok().copied(), "{ctx}");
            let want = match &scalar {
                _ if span.periods() == 0 => Some(Reason::SinglePeriod),
                Ok(_) => None,
                Err(e) => Some(reason_for(e)),
            };
            assert_eq!(s.reason, want, "{ctx}");
        }
        // Periods of two frequencies, or cumulatives through two months, in
        // one series: no span.
        Err(e) => {
            assert_eq!(s.span, None, "{ctx}");
            assert_eq!(s.reason, Some(reason_for(&e)), "{ctx}");
        }
    }
}

/// Every cross-section's ranks, for every tie method and both orders, equal
/// `rank::rank` on the cross-section's values in row order.
fn ranks_equal_the_scalar_api(p: &Panel) {
    for ties in Ties::ALL {
        for order in [Order::Ascending, Order::Descending] {
            let ranks = p.rank(ties, order);
            for &period in p.periods() {
                for indicator in p.indicators() {
                    let rows: Vec<usize> = (0..p.len())
                        .filter(|&r| {
                            let row = p.row(r).unwrap();
                            row.period == period && row.indicator == indicator
                        })
                        .collect();
                    let values: Vec<_> = rows.iter().map(|&r| p.value(r)).collect();
                    let scalar = rank::rank(&values, ties, order, Missing::Keep);
                    let panel: Vec<_> = rows.iter().map(|&r| ranks.rank(r)).collect();
                    assert_eq!(panel, scalar, "{ties:?} {order:?} {period} {indicator}");
                }
            }
        }
    }
}

/// Worked by hand: negative values, a sign change, gaps, quarters (a year
/// ago is four quarters back), an empty value cell.
#[test]
fn hand_worked_panel() {
    let csv = "entity,period,indicator,value\n\
               A,2024-Q1,x,120\nA,2023-Q1,x,100\nA,2023-Q2,x,50\nA,2024-Q2,x,\n\
               B,2022,y,-10\nB,2023,y,-5\nB,2024,y,4\nC,2021,y,10\nC,2023,y,-1\n";
    let p = Panel::from_csv(csv.as_bytes()).unwrap();
    let g = p.yoy_growth();
    assert_eq!(g.growth(0).map(|r| r.fraction()), Some(dec!(0.2))); // 120 / 100 − 1
    assert_eq!(g.base_row(0), Some(1));
    assert_eq!(g.reason(3), Some(Reason::MissingValue)); // empty cell
    assert_eq!(g.reason(5), Some(Reason::NegativeBase)); // −10 → −5
    assert_eq!(g.reason(6), Some(Reason::NegativeBase)); // −5 → 4
    assert_eq!(g.reason(8), Some(Reason::NoBase)); // 2022 is a gap
    let c = p.cagr();
    let by = |e: &str| c.series().iter().find(|s| s.entity == e).unwrap().clone();
    // Four quarters: one year, kept as 4/4.
    let span = by("A").span.unwrap();
    assert_eq!(
        (span.periods(), span.per_year(), span.whole_years()),
        (4, 4, Some(1))
    );
    // First and last periods with a value: 2023-Q1 (100) and 2024-Q1 (120).
    assert_eq!(by("A").cagr.map(|r| r.fraction()), Some(dec!(0.2)));
    assert_eq!(by("B").reason, Some(Reason::NegativeBase));
    assert_eq!(by("C").reason, Some(Reason::SignChange));
    let r = p.rank(Ties::Min, Order::Descending);
    // 2023, y: C's −1 is above B's −5.
    assert_eq!((r.rank(8), r.rank(5)), (Some(dec!(1)), Some(dec!(2))));
}

/// A quarterly series from 2021-Q1 to 2022-Q2 spans five quarters, 5/4
/// years (the panel once said 0 whole years while compounding over 1.25); a monthly one from 2022-01 to 2022-06, 5/12. Expected CAGRs from
/// Python `decimal` at 50 digits: 1.25^(4/5) − 1 and 1.5^(12/5) − 1.
#[test]
fn quarterly_and_monthly_spans_are_exact() {
    let csv = "entity,period,indicator,value\n\
               A,2021-Q1,x,100\nA,2022-Q2,x,125\nB,2022-01,x,2\nB,2022-06,x,3\n";
    let p = Panel::from_csv(csv.as_bytes()).unwrap();
    let c = p.cagr();
    let [a, b] = c.series() else {
        panic!("two series")
    };
    let span = a.span.unwrap();
    assert_eq!((span.periods(), span.per_year()), (5, 4));
    assert_eq!((span.to_decimal(), span.whole_years()), (dec!(1.25), None));
    assert_eq!(span.to_string(), "5/4 years");
    let want = dec!(0.1954406247375462321432997903);
    assert!(
        (a.cagr.unwrap().fraction() - want).abs() < dec!(1e-25),
        "{a:?}"
    );
    let span = b.span.unwrap();
    assert_eq!((span.periods(), span.per_year()), (5, 12));
    let want = dec!(1.6461778006805155383162000814);
    assert!(
        (b.cagr.unwrap().fraction() - want).abs() < dec!(1e-25),
        "{b:?}"
    );
}

/// An annual and a quarterly row of one entity and indicator (as an SDMX
/// file keyed by `FREQ` holds them) have no span between them, and
/// cumulatives through different months (1–3月, 1–6月) none either: each
/// CAGR is missing for its own reason; a one-frequency filter gives each
/// frequency's CAGR, and year-on-year growth stays within a frequency. A
/// cumulative through January alone is read and compounds year on year.
#[test]
fn mixed_frequencies_and_cumulatives_have_their_own_reasons() {
    let csv = "entity,period,indicator,value\n\
               A,2021,x,400\nA,2022,x,440\nA,2021-Q2,x,100\nA,2022-Q2,x,125\n\
               B,2021-01-01/P3M,x,30\nB,2022-01-01/P6M,x,70\n\
               C,2021-01-01/P1M,x,10\nC,2022-01-01/P1M,x,12\n";
    let p = Panel::from_csv(csv.as_bytes()).unwrap();
    let c = p.cagr();
    let by = |e: &str| c.series().iter().find(|s| s.entity == e).unwrap().clone();
    let a = by("A");
    assert_eq!(a.reason, Some(Reason::FrequencyMismatch));
    assert_eq!(
        (a.first_period, a.span),
        (Some(Period::year(2021).unwrap()), None)
    );
    assert_eq!(a.last_period, Some(Period::quarter(2022, 2).unwrap()));
    let b = by("B");
    assert_eq!((b.reason, b.span), (Some(Reason::CumulativeMismatch), None));
    let cum = by("C");
    assert_eq!(cum.cagr.map(|r| r.fraction()), Some(dec!(0.2)));
    assert_eq!(cum.span.and_then(|y| y.whole_years()), Some(1));
    assert_eq!(c.counts().count(Reason::FrequencyMismatch), 1);
    assert_eq!(c.counts().count(Reason::CumulativeMismatch), 1);
    // Year on year within each frequency: 440/400 and 125/100.
    let g = p.yoy_growth();
    assert_eq!((g.base_row(1), g.base_row(3)), (Some(0), Some(2)));
    assert_eq!(g.counts().valid(), 3); // and C: 12/10
    // One frequency at a time: each its own CAGR.
    let quarters = p
        .filter(|r| r.entity == "A" && r.period.frequency() == indstat::Frequency::Quarterly)
        .unwrap();
    let q = quarters.cagr();
    assert_eq!(q.series()[0].cagr.map(|r| r.fraction()), Some(dec!(0.25)));
}

/// Results beyond what a `Decimal` holds are `Reason::OutOfRange` (there is
/// no catch-all reason): a monthly series that grows 300-fold in
/// a month compounds to 300^12 ≈ 5.3e29 a year (the scalar `growth::cagr`
/// overflows too), and growth from 0.001 to 7.9e28 is a ratio of 7.9e31.
#[test]
fn out_of_range_results_have_their_own_reason() {
    let csv = "entity,period,indicator,value\n\
               A,2022-01,x,1\nA,2022-02,x,300\n\
               B,2021,x,0.001\nB,2022,x,79228162514264337593543950335\n";
    let p = Panel::from_csv(csv.as_bytes()).unwrap();
    let c = p.cagr();
    assert_eq!(c.series()[0].reason, Some(Reason::OutOfRange));
    let span = Period::month(2022, 1)
        .unwrap()
        .years_until(&Period::month(2022, 2).unwrap())
        .unwrap();
    assert!(matches!(
        growth::cagr(&q(dec!(1)), &q(dec!(300)), span),
        Err(Error::Overflow { .. })
    ));
    assert_eq!(c.series()[1].reason, Some(Reason::OutOfRange));
    let g = p.yoy_growth();
    assert_eq!(g.reason(3), Some(Reason::OutOfRange));
    assert_eq!(g.counts().count(Reason::OutOfRange), 1);
    let t = p.target_gap(&c, dec!(1.8), 4, dec!(0)).unwrap();
    assert_eq!(
        (t.reason(0), t.reason(1)),
        (Some(Reason::OutOfRange), Some(Reason::OutOfRange))
    );
}

/// Panel growth is a `Rate`, as the scalar API's growth
/// and the panel's CAGR are, and prints rounded: 100 → 108.4995 is 8.4995%,
/// shown at two places as 8.50% (half away from zero, 四舍五入), where
/// `format!("{:.2}", g * 100)` on the bare fraction printed 8.49 (it
/// truncates).
#[test]
fn panel_growth_is_a_rate_that_rounds_for_display() {
    let csv = "entity,period,indicator,value\nA,2021,x,100\nA,2022,x,108.4995\n";
    let p = Panel::from_csv(csv.as_bytes()).unwrap();
    let g = p.yoy_growth().growth(1).unwrap();
    let scalar = growth::growth(&q(dec!(100)), &q(dec!(108.4995))).unwrap();
    assert_eq!(g, scalar);
    assert_eq!(g.fraction(), dec!(0.084995));
    assert_eq!(format!("{g:.2}"), "8.50%");
    assert_eq!(g.to_string(), "8.4995%");
    assert_eq!(format!("{:.2}", g.fraction() * dec!(100)), "8.49");
}

/// Keeps the first of the drawn rows with each (entity, period, indicator),
/// as a panel holds one row per key.
fn first_of_each_key<V>(rows: &mut Vec<(String, Period, String, V)>) {
    let mut seen = std::collections::HashSet::new();
    rows.retain(|(e, p, i, _)| seen.insert((e.clone(), *p, i.clone())));
}

/// The panel of drawn rows whose keys are unique.
fn panel_of(rows: &[(String, Period, String, Option<Decimal>)]) -> Panel {
    Panel::from_rows(
        rows.iter()
            .map(|(e, p, i, v)| (e.as_str(), *p, i.as_str(), *v)),
    )
    .unwrap()
}

/// Dense random panels: few entities and indicators, so that year-ago rows,
/// ties and mixed frequencies within one series occur often.
fn arb_dense_panel() -> impl Strategy<Value = Vec<(String, Period, String, Option<Decimal>)>> {
    let period = prop_oneof![
        (2018i32..2025).prop_map(|y| Period::year(y).unwrap()),
        (2018i32..2025, 1u8..=4).prop_map(|(y, q)| Period::quarter(y, q).unwrap()),
        (2018i32..2025, 1u8..=12).prop_map(|(y, m)| Period::month(y, m).unwrap()),
    ];
    // Values repeat, and equal values come with extra trailing zeros.
    let value = prop::option::weighted(
        0.9,
        (-3i64..2000, 0u32..=4, 0u32..=8)
            .prop_map(|(m, s, z)| Decimal::new(m * 10i64.pow(z), s + z)),
    );
    prop::collection::vec(("[AB]", period, "[xy]", value), 0..120).prop_map(|mut rows| {
        first_of_each_key(&mut rows);
        rows
    })
}

/// Random panels over every frequency (cumulatives through any month
/// included) with values at the edges of what a `Decimal` holds: zeros,
/// signs, 10^-28, `Decimal::MAX`, huge and tiny ratios, so that every reason
/// a result can be missing for occurs.
fn arb_edge_panel() -> impl Strategy<Value = Vec<(String, Period, String, Option<Decimal>)>> {
    let period = prop_oneof![
        (2020i32..2023).prop_map(|y| Period::year(y).unwrap()),
        (2020i32..2023, 1u8..=2).prop_map(|(y, h)| Period::half(y, h).unwrap()),
        (2020i32..2023, 1u8..=4).prop_map(|(y, q)| Period::quarter(y, q).unwrap()),
        (2020i32..2023, 1u8..=12).prop_map(|(y, m)| Period::month(y, m).unwrap()),
        (2020i32..2023, 1u8..=12).prop_map(|(y, m)| Period::ytd(y, m).unwrap()),
    ];
    let value = prop::option::weighted(
        0.9,
        prop_oneof![
            (-3i64..1000, 0u32..=3).prop_map(|(m, s)| Decimal::new(m, s)),
            Just(Decimal::ZERO),
            Just(Decimal::MAX),
            Just(Decimal::MIN),
            Just(Decimal::new(1, 28)),
            Just(Decimal::new(-1, 28)),
            (1i64..=9, 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
            (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
            (1u64..u64::MAX, 0u32..=4)
                .prop_map(|(m, s)| { Decimal::from_i128_with_scale(i128::from(m) << 32, s) }),
        ],
    );
    prop::collection::vec(("[AB]", period, "[xy]", value), 0..80).prop_map(|mut rows| {
        first_of_each_key(&mut rows);
        rows
    })
}

/// Cross-sections whose values need more than 64 bits at a common scale
/// (huge values beside many decimals), whose keys' range leaves no room for
/// positions in a u64 (whole numbers anywhere in i64), or that are all
/// missing: the panel's other key paths. One kind of value per panel.
fn arb_wide_panel() -> impl Strategy<Value = Vec<(String, Period, String, Option<Decimal>)>> {
    let mixed = prop_oneof![
        (-50i64..50, 0u32..=2).prop_map(|(m, s)| Decimal::new(m, s)),
        (any::<i64>(), 0u32..=12).prop_map(|(m, s)| Decimal::new(m, s)),
        (any::<i64>(), any::<i64>(), 0u32..=28).prop_map(
            |(a, b, s)| Decimal::from_i128_with_scale((i128::from(a) << 30) ^ i128::from(b), s)
        ),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
    ]
    .boxed();
    let whole = prop_oneof![any::<i64>(), Just(i64::MAX), Just(i64::MIN), -2i64..2]
        .prop_map(|m| Decimal::new(m, 0))
        .boxed();
    prop_oneof![Just(mixed), Just(whole)].prop_flat_map(|value| {
        let period = (2020i32..2023).prop_map(|y| Period::year(y).unwrap());
        let value = prop::option::weighted(0.85, value);
        prop::collection::vec(("[A-L]", period, "[xyz]", value), 0..80).prop_map(|mut rows| {
            first_of_each_key(&mut rows);
            rows
        })
    })
}

proptest! {
    #[test]
    fn ranks_of_wide_values_equal_the_scalar_api(rows in arb_wide_panel()) {
        let p = panel_of(&rows);
        ranks_equal_the_scalar_api(&p);
    }

    #[test]
    fn random_panels_equal_the_scalar_api(rows in arb_dense_panel()) {
        let p = panel_of(&rows);
        equals_the_scalar_api(&p);
    }

    /// Every missing result of a panel at the edges of
    /// the `Decimal` range, over every frequency, has the reason the scalar
    /// API's error gives ([`reason_for`] fails on any other error), and the
    /// counts add up: no result is missing for an unnamed reason.
    #[test]
    fn every_missing_result_has_the_scalar_apis_reason(rows in arb_edge_panel()) {
        let p = panel_of(&rows);
        equals_the_scalar_api(&p);
        let g = p.yoy_growth();
        let counted: usize = Reason::ALL.iter().map(|&r| g.counts().count(r)).sum();
        prop_assert_eq!(counted + g.counts().valid(), p.len());
        let c = p.cagr();
        let counted: usize = Reason::ALL.iter().map(|&r| c.counts().count(r)).sum();
        prop_assert_eq!(counted + c.counts().valid(), c.series().len());
    }
}

/// Found in review: `target_gap` cached the required growth by the value of
/// `target / v1`, so B (ratio written 1.8) got A's rate for 1.80; with a
/// one-year horizon the ratio's digits are the rate's. Each series now gets
/// exactly what `growth::required_growth` gives it, digit for digit.
#[test]
fn target_gap_required_growth_is_each_series_own() {
    let csv = "entity,period,indicator,value\n\
               A,2020,x,0.0000000000000000000000000010\nA,2021,x,0.0000000000000000000000000010\n\
               B,2020,x,1\nB,2021,x,5395511.17\n";
    let p = Panel::from_csv(csv.as_bytes()).unwrap();
    let c = p.cagr();
    let t = p.target_gap(&c, dec!(1.8), 1, dec!(0)).unwrap();
    for (s, t) in c.series().iter().zip(t.series()) {
        let (v1, t) = (s.last_value.unwrap(), t.as_ref().unwrap());
        let target = q(v1).checked_mul(dec!(1.8)).unwrap();
        let (y0, y1) = (Period::year(2021).unwrap(), Period::year(2022).unwrap());
        let scalar = growth::required_growth(&q(v1), y0, &target, y1).unwrap();
        assert_eq!(
            t.required.fraction().serialize(),
            scalar.fraction().serialize(),
            "{}",
            s.entity
        );
    }
}

/// Found in review: a target that rounds to zero (1e-28 × 0.5) was taken as
/// evaluable, where `Quantity::checked_mul` refuses it as inexact.
#[test]
fn target_that_rounds_to_zero_is_not_evaluable() {
    let csv = "entity,period,indicator,value\n\
               A,2020,x,0.0000000000000000000000000001\nA,2021,x,0.0000000000000000000000000001\n";
    let p = Panel::from_csv(csv.as_bytes()).unwrap();
    let t = p.target_gap(&p.cagr(), dec!(0.5), 4, dec!(0)).unwrap();
    assert_eq!(t.evaluable(), 0);
    assert_eq!(t.counts().count(Reason::OutOfRange), 1);
    assert_eq!(t.reason(0), Some(Reason::OutOfRange));
    assert!(
        q(dec!(0.0000000000000000000000000001))
            .checked_mul(dec!(0.5))
            .is_err()
    );
}
