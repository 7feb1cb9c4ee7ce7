//! Panels: the fixture's results against the peers' checksums, every panel
//! result against the scalar API on the same data, hand-worked panels, bad
//! input with line and column, and CSV / SDMX-CSV round trips.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing
)]

use indstat::growth;
use indstat::panel::{Panel, Reason, SdmxOptions};
use indstat::rank::{self, Missing, Order, Ties};
use indstat::{Error, ObsStatus, Period, Quantity, Unit};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal_macros::dec;

mod file;
mod io;
mod paths;

/// `tests/data/panel_small.csv`: the first 60 entities of the peer harness's
/// small data set (`../shared/perf/gen_data.py`, 4,560 rows).
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

/// Expected values: `peer_bench.py --size small` run on the fixture (copied
/// to a data folder as small.csv); pandas and polars agree.
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
    let sum: Decimal = (0..p.len()).filter_map(|r| g.growth(r)).sum();
    assert!(close(sum, 311.651_596_092_836_7), "{sum}");

    let c = p.cagr();
    assert_eq!(c.series().len(), 480);
    assert_eq!(c.counts().valid(), 478);
    assert_eq!(c.counts().count(Reason::SinglePeriod), 2);
    let years: i64 = c
        .series()
        .iter()
        .filter(|s| s.cagr.is_some())
        .map(|s| s.years)
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

/// Every growth, rank and CAGR of `p` as the scalar API gives it for the
/// same values, found here by brute force.
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
                    assert_eq!(
                        g.growth(row),
                        scalar.ok().map(|x| x.fraction()),
                        "row {row}"
                    );
                }
                _ => assert_eq!(g.reason(row), Some(Reason::MissingValue), "row {row}"),
            },
        }
    }
    ranks_equal_the_scalar_api(p);
    for s in p.cagr().series() {
        if let (Some(p0), Some(p1)) = (s.first_period, s.last_period) {
            match p0.years_until(&p1) {
                Ok(span) => {
                    let (v0, v1) = (s.first_value.unwrap(), s.last_value.unwrap());
                    let scalar = growth::cagr(&q(v0), &q(v1), span);
                    assert_eq!(s.cagr, scalar.ok(), "{} {}", s.entity, s.indicator);
                }
                // Periods of two frequencies in one series: no span.
                Err(_) => assert_eq!(s.reason, Some(Reason::Other)),
            }
        }
    }
    // Target gaps: target = 1.8 × last, required growth and projection over
    // 4 years as growth::required_growth and growth::project give them.
    let c = p.cagr();
    let t = p.target_gap(&c, dec!(1.8), 4, dec!(0.000000001)).unwrap();
    for (s, t) in c.series().iter().zip(t.series()) {
        let (Some(rate), Some(v1)) = (s.cagr, s.last_value) else {
            assert!(t.is_none());
            continue;
        };
        let Some(t) = t else {
            // Not evaluable: a last value of zero or less, or a projection
            // the scalar API refuses too (one that rounds to zero).
            let refused = growth::project(&q(v1), rate, 4).is_err();
            assert!(
                v1 <= Decimal::ZERO || refused,
                "{} {}",
                s.entity,
                s.indicator
            );
            continue;
        };
        let year = Period::year(2024).unwrap();
        let deadline = Period::year(2028).unwrap();
        let required = growth::required_growth(&q(v1), year, &q(t.target), deadline).unwrap();
        let projected = growth::project(&q(v1), rate, 4).unwrap().value();
        assert_eq!((t.required, t.projected), (required, projected));
        assert_eq!(t.target, v1 * dec!(1.8));
        assert_eq!(t.on_track, projected >= t.target * dec!(0.999999999));
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
    assert_eq!(g.growth(0), Some(dec!(0.2))); // 120 / 100 − 1
    assert_eq!(g.base_row(0), Some(1));
    assert_eq!(g.reason(3), Some(Reason::MissingValue)); // empty cell
    assert_eq!(g.reason(5), Some(Reason::NegativeBase)); // −10 → −5
    assert_eq!(g.reason(6), Some(Reason::NegativeBase)); // −5 → 4
    assert_eq!(g.reason(8), Some(Reason::NoBase)); // 2022 is a gap
    let c = p.cagr();
    let by = |e: &str| c.series().iter().find(|s| s.entity == e).unwrap().clone();
    assert_eq!(by("A").years, 1);
    // First and last periods with a value: 2023-Q1 (100) and 2024-Q1 (120).
    assert_eq!(by("A").cagr.map(|r| r.fraction()), Some(dec!(0.2)));
    assert_eq!(by("B").reason, Some(Reason::NegativeBase));
    assert_eq!(by("C").reason, Some(Reason::SignChange));
    let r = p.rank(Ties::Min, Order::Descending);
    // 2023, y: C's −1 is above B's −5.
    assert_eq!((r.rank(8), r.rank(5)), (Some(dec!(1)), Some(dec!(2))));
}

/// Bad input: (text, the error's line and column, its message).
#[test]
fn bad_input_names_line_and_column() {
    let h = "entity,period,indicator,value\n";
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (
            b"".to_vec(),
            "line 1, column 1: expected the header \"entity,period,indicator,value\", found \"\"; make the header the first line",
        ),
        (
            b"A,2024,x,1\n".to_vec(),
            "line 1, column 1: expected the header \"entity,period,indicator,value\", found \"A,2024,x,1\"; make the header the first line",
        ),
        (
            b"entity,year,indicator,value\n".to_vec(),
            "line 1, column 2: expected the header \"entity,period,indicator,value\", found \"entity,year,indicator,value\"; make the header the first line",
        ),
        (
            format!("{h}A,2024,x,1\nA,2023,x\n").into_bytes(),
            "line 3, column 3: expected 4 fields, found 3 in \"A,2023,x\"; give every row the header's columns",
        ),
        (
            format!("{h}A,2024,x,1,9\n").into_bytes(),
            "line 2, column 5: expected 4 fields, found 5 in \"A,2024,x,1,9\"; give every row the header's columns",
        ),
        (
            format!("{h}A,2024,x,12a\n").into_bytes(),
            "line 2, column 4: \"12a\" is not a decimal value: not a plain decimal; write a plain decimal such as -1234.5678 (no exponent or grouping), with at most 28 significant digits, or leave the cell empty",
        ),
        (
            format!("{h}A,2024,x,1.23456789012345678901234567890\n").into_bytes(),
            "line 2, column 4: \"1.23456789012345678901234567890\" is not a decimal value: more than 28 significant digits or out of range: round it first; write a plain decimal such as -1234.5678 (no exponent or grouping), with at most 28 significant digits, or leave the cell empty",
        ),
        (
            format!("{h}A,2024,x,1\nA,2024-Q5,x,1\n").into_bytes(),
            "line 3, column 2: \"2024-Q5\" is not a period: invalid period \"2024-Q5\": quarter 5 is outside 1..=4; write a year such as 2024, or 2024-Q1, 2024-M01",
        ),
        (
            format!("{h}A,2024,x,1\nB,2024,x,2\nA,2024,x,3\n").into_bytes(),
            "line 4, column 1: duplicate observation of x for A in 2024 (first on line 2); keep one row per entity, period and indicator",
        ),
        (
            format!("{h}A,2024,x,1\nA,2023").into_bytes(),
            "line 3, column 2: the input ends in the middle of a row \"A,2023\"; complete the row or remove it",
        ),
        (
            [h.as_bytes(), b"A\xff,2024,x,1\n"].concat(),
            "line 2, column 1: invalid UTF-8; save the file as UTF-8",
        ),
        (
            [h.as_bytes(), b"A,2024,x\xff,1\n"].concat(),
            "line 2, column 3: invalid UTF-8; save the file as UTF-8",
        ),
        (
            [h.as_bytes(), b"A,2024,x,1\xff\n"].concat(),
            "line 2, column 4: invalid UTF-8; save the file as UTF-8",
        ),
        (
            format!("{h},2024,x,1\n").into_bytes(),
            "line 2, column 1: \"\" is not an entity: the cell is empty; every row needs an entity, a period and an indicator",
        ),
    ];
    for (text, message) in cases {
        let err = Panel::from_csv(text.as_slice()).unwrap_err();
        assert_eq!(
            err.to_string(),
            message,
            "{}",
            String::from_utf8_lossy(&text)
        );
    }
    // The variants carry the position as fields too.
    let err = Panel::from_csv(format!("{h}A,2024,x,1\nA,2024,x,2\n").as_bytes()).unwrap_err();
    assert!(matches!(
        err,
        Error::DuplicateObservation {
            line: 3,
            column: 1,
            first_line: 2,
            ..
        }
    ));
    // A last row without a line end but with all its fields is a row.
    assert_eq!(
        Panel::from_csv(format!("{h}A,2024,x,1").as_bytes())
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn sdmx_reads_unit_mult_status_and_refuses_bad_cells() {
    let o = SdmxOptions::default();
    let head = "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MULT,OBS_STATUS\n";
    let p = Panel::from_sdmx_csv(
        format!(
            "{head}dataflow,X:Y(1.0),I,RC,gdp,2024,1.5,8,F\ndataflow,X:Y(1.0),I,RC,gdp,2023,,,\n"
        )
        .as_bytes(),
        &o,
    )
    .unwrap();
    assert_eq!(p.value(0), Some(dec!(150000000)));
    assert_eq!(p.row(0).unwrap().status, Some(ObsStatus::Forecast));
    assert_eq!(p.row(1).unwrap().status, Some(ObsStatus::Normal));
    for (row, message) in [
        (
            "dataflow,X:Y(1.0),D,RC,gdp,2024,1,0,A",
            "line 2, column 3: \"D\" is not an ACTION",
        ),
        (
            "dataflow,X:Y(1.0),I,RC,gdp,2024,1,99,A",
            "line 2, column 8: \"99\" is not a UNIT_MULT",
        ),
        (
            "dataflow,X:Y(1.0),I,RC,gdp,2024,1,0,Z",
            "line 2, column 9: \"Z\" is not an OBS_STATUS",
        ),
        (
            "dataflow,X:Y(1.0),I,RC,gdp,2024,x,0,A",
            "line 2, column 7: \"x\" is not a decimal value",
        ),
        (
            "dataflow,X:Y(1.0),I,RC,gdp,2024,1,0",
            "line 2, column 8: expected 9 fields, found 8",
        ),
    ] {
        let err = Panel::from_sdmx_csv(format!("{head}{row}\n").as_bytes(), &o).unwrap_err();
        assert!(err.to_string().starts_with(message), "{err}");
    }
    let err = Panel::from_sdmx_csv("entity,period,indicator,value\n".as_bytes(), &o).unwrap_err();
    assert!(matches!(
        err,
        Error::MissingHeader {
            line: 1,
            column: 1,
            ..
        }
    ));
}

fn arb_panel() -> impl Strategy<Value = Vec<(String, Period, String, Option<Decimal>)>> {
    // Keys with separators and quotes are written quoted and read back.
    let key = "[A-Za-z0-9_.,;\" -]{1,20}";
    let period = prop_oneof![
        (1990i32..2030).prop_map(|y| Period::year(y).unwrap()),
        (1990i32..2030, 1u8..=4).prop_map(|(y, q)| Period::quarter(y, q).unwrap()),
        (1990i32..2030, 1u8..=12).prop_map(|(y, m)| Period::month(y, m).unwrap()),
    ];
    let value = prop::option::of((any::<i64>(), 0u32..=12).prop_map(|(m, s)| Decimal::new(m, s)));
    prop::collection::vec((key, period, "[a-z]{1,3}", value), 0..40).prop_map(|mut rows| {
        let mut seen = std::collections::HashSet::new();
        rows.retain(|(e, p, i, _)| seen.insert((e.clone(), *p, i.clone())));
        rows
    })
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
        let mut seen = std::collections::HashSet::new();
        rows.retain(|(e, p, i, _)| seen.insert((e.clone(), *p, i.clone())));
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
            let mut seen = std::collections::HashSet::new();
            rows.retain(|(e, p, i, _)| seen.insert((e.clone(), *p, i.clone())));
            rows
        })
    })
}

proptest! {
    #[test]
    fn ranks_of_wide_values_equal_the_scalar_api(rows in arb_wide_panel()) {
        let p = Panel::from_rows(rows.iter().map(|(e, p, i, v)| (e.as_str(), *p, i.as_str(), *v))).unwrap();
        ranks_equal_the_scalar_api(&p);
    }

    #[test]
    fn random_panels_equal_the_scalar_api(rows in arb_dense_panel()) {
        let p = Panel::from_rows(rows.iter().map(|(e, p, i, v)| (e.as_str(), *p, i.as_str(), *v))).unwrap();
        equals_the_scalar_api(&p);
    }

    #[test]
    fn csv_round_trip(rows in arb_panel()) {
        let p = Panel::from_rows(rows.iter().map(|(e, p, i, v)| (e.as_str(), *p, i.as_str(), *v))).unwrap();
        let mut text = Vec::new();
        p.write_csv(&mut text).unwrap();
        let back = Panel::from_csv(text.as_slice()).unwrap();
        prop_assert_eq!(&back, &p);
        // Values keep their scale: 1.50 stays 1.50.
        for (r, (_, _, _, v)) in rows.iter().enumerate() {
            prop_assert_eq!(back.value(r).map(|d| (d, d.scale())), v.map(|d| (d, d.scale())));
        }
    }

    #[test]
    fn sdmx_round_trip(rows in arb_panel()) {
        let o = SdmxOptions::default();
        let p = Panel::from_rows(rows.iter().map(|(e, p, i, v)| (e.as_str(), *p, i.as_str(), *v))).unwrap();
        let mut text = Vec::new();
        p.write_sdmx_csv(&mut text, &o).unwrap();
        let back = Panel::from_sdmx_csv(text.as_slice(), &o).unwrap();
        let mut again = Vec::new();
        back.write_sdmx_csv(&mut again, &o).unwrap();
        prop_assert_eq!(&again, &text);
        prop_assert_eq!(Panel::from_sdmx_csv(again.as_slice(), &o).unwrap(), back.clone());
        let plain: Vec<_> = back.rows().map(|r| (r.entity, r.period, r.indicator, r.value)).collect();
        let orig: Vec<_> = p.rows().map(|r| (r.entity, r.period, r.indicator, r.value)).collect();
        prop_assert_eq!(plain, orig);
    }

    #[test]
    fn no_input_panics(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let mut text = b"entity,period,indicator,value\n".to_vec();
        text.extend(bytes);
        let _ = Panel::from_csv(text.as_slice());
        let _ = Panel::from_sdmx_csv(text.as_slice(), &SdmxOptions::default());
    }
}

/// Found by the `panel_csv` and `panel_sdmx` fuzz targets: a row with an
/// empty period or indicator was accepted (an empty key matched an empty
/// slot of the key cache) and then silently dropped when written back.
#[test]
fn empty_keys_are_errors_found_by_fuzzing() {
    let h = "entity,period,indicator,value\n";
    for (row, message) in [
        (
            "\0,,,",
            "line 2, column 2: \"\" is not a period: the cell is empty; every row needs an entity, a period and an indicator",
        ),
        (
            "A,,x,1",
            "line 2, column 2: \"\" is not a period: the cell is empty; every row needs an entity, a period and an indicator",
        ),
        (
            "A,2024,,1",
            "line 2, column 3: \"\" is not an indicator: the cell is empty; every row needs an entity, a period and an indicator",
        ),
    ] {
        let err = Panel::from_csv(format!("{h}{row}").as_bytes()).unwrap_err();
        assert_eq!(err.to_string(), message, "{row:?}");
    }
    let head = "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MULT,OBS_STATUS\n";
    let o = indstat::panel::SdmxOptions::default();
    assert!(Panel::from_sdmx_csv(format!("{head}\0(,,,\0,,,,,").as_bytes(), &o).is_err());
    // A missing value still round-trips as an empty cell.
    let p = Panel::from_csv(format!("{h}A,2024,x,\n").as_bytes()).unwrap();
    let mut out = Vec::new();
    p.write_csv(&mut out).unwrap();
    assert_eq!(Panel::from_csv(out.as_slice()).unwrap().len(), 1);
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
    assert_eq!(t.counts().count(Reason::Other), 1);
    assert!(
        q(dec!(0.0000000000000000000000000001))
            .checked_mul(dec!(0.5))
            .is_err()
    );
}

/// RFC 4180 quoting in the long CSV: a key with a comma or a quote is read
/// from, and written to, a quoted field; malformed quoting is an error
/// naming its line and column.
#[test]
fn csv_quoted_fields() {
    let csv = "entity,period,indicator,value\n\
               \"Rongchang, Chongqing\",2024,output,1004\n\
               \"Say \"\"hi\"\" Ltd\",2024,output,5\n\
               B,2024,\"output\",7\n";
    let p = Panel::from_csv(csv.as_bytes()).unwrap();
    assert_eq!(
        p.entities(),
        ["Rongchang, Chongqing", "Say \"hi\" Ltd", "B"]
    );
    assert_eq!(p.indicators(), ["output"]);
    assert_eq!(p.value(1), Some(dec!(5)));
    let mut out = Vec::new();
    p.write_csv(&mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("\"Rongchang, Chongqing\",2024,output,1004\n"),
        "{text}"
    );
    assert!(
        text.contains("\"Say \"\"hi\"\" Ltd\",2024,output,5\n"),
        "{text}"
    );
    assert_eq!(Panel::from_csv(text.as_bytes()).unwrap(), p);
    for (row, start) in [
        ("\"open,2024,x,1", "line 2, column 1: "),
        ("A,2024,x\"y,1", "line 2, column 3: "),
        ("\"A\"B,2024,x,1", "line 2, column 1: "),
        (
            "\"A,B\",2024,x",
            "line 2, column 3: expected 4 fields, found 3",
        ),
    ] {
        let err = Panel::from_csv(format!("entity,period,indicator,value\n{row}\n").as_bytes())
            .unwrap_err();
        assert!(err.to_string().starts_with(start), "{row}: {err}");
    }
}

/// SDMX-CSV 2.0 header forms from the field guide and real files: the IMF's
/// `STRUCTURE[;]` (a sub-field separator; fields still split at commas), a
/// `;` separator declared after `STRUCTURE`, `ID: name` column labels,
/// quoted fields, and action `M` (merge).
#[test]
fn sdmx_separators_labels_and_quotes() {
    let o = SdmxOptions {
        entity: "COUNTRY".into(),
        ..SdmxOptions::default()
    };
    let imf = "STRUCTURE[;],STRUCTURE_ID,ACTION,COUNTRY,INDICATOR,FREQUENCY,TIME_PERIOD,OBS_VALUE,SCALE\n\
               dataflow,IMF.RES:WEO(9.0.0),R,GBR,NGDP_RPCH,A,2021,7.6,0\n\
               dataflow,IMF.RES:WEO(9.0.0),R,GBR,NGDP_RPCH,A,2020,-10.4,0\n";
    let p = Panel::from_sdmx_csv(imf.as_bytes(), &o).unwrap();
    assert_eq!((p.len(), p.value(1)), (2, Some(dec!(-10.4))));
    let semicolons = imf.replace(',', ";").replace("STRUCTURE[;];", "STRUCTURE;");
    assert_eq!(Panel::from_sdmx_csv(semicolons.as_bytes(), &o).unwrap(), p);
    let labelled = imf
        .replace("COUNTRY,", "COUNTRY: Country,")
        .replace("OBS_VALUE,", "OBS_VALUE: Observation value,")
        .replace(",R,", ",M,")
        .replace("GBR", "\"United Kingdom, GBR\"");
    let q = Panel::from_sdmx_csv(labelled.as_bytes(), &o).unwrap();
    assert_eq!(q.entities(), ["United Kingdom, GBR"]);
    assert_eq!(q.value(0), Some(dec!(7.6)));
    for header in [
        "STRUCTURE_X,STRUCTURE_ID\n",
        "STRUCTURE[;,STRUCTURE_ID\n",
        "STRUCTURE\n",
    ] {
        let err = Panel::from_sdmx_csv(header.as_bytes(), &o).unwrap_err();
        assert!(
            matches!(
                err,
                Error::MissingHeader {
                    line: 1,
                    column: 1,
                    ..
                }
            ),
            "{header}: {err}"
        );
    }
    // Written with quotes where a key needs them, and read back.
    let mut out = Vec::new();
    q.write_sdmx_csv(&mut out, &o).unwrap();
    assert_eq!(
        Panel::from_sdmx_csv(out.as_slice(), &o).unwrap().entities(),
        q.entities()
    );
}
