//! Adversarial panels checked by brute force against the scalar API, on
//! fresh panels, computations in several orders, so that each path is taken
//! first: the series index built on first use, the occupied cells (year-ago
//! bases, CAGR's series ends) and the index built while reading. From an
//! independent review of the lazy index and the 8-byte values.

use std::collections::HashMap;
use std::str::FromStr;

use indstat::growth;
use indstat::panel::{Panel, Reason, SdmxOptions};
use indstat::rank::{self, Missing, Order, Ties};
use indstat::{Error, Period};
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::{cagr_equals_the_scalar_api, first_of_each_key, q};

type Rows = Vec<(String, Period, String, Option<Decimal>)>;
/// A period and its value, as `Panel::series` gives them.
type Obs = (Period, Option<Decimal>);

fn rows_of(p: &Panel) -> Rows {
    p.rows()
        .map(|r| {
            (
                r.entity.to_owned(),
                r.period,
                r.indicator.to_owned(),
                r.value,
            )
        })
        .collect()
}

/// Brute force: growth of every row, from the rows alone.
fn check_growth(p: &Panel, rows: &Rows) {
    let g = p.yoy_growth();
    for (r, (e, per, i, v)) in rows.iter().enumerate() {
        let ago = per.year_ago().ok();
        let base = rows
            .iter()
            .find(|(e2, p2, i2, _)| e2 == e && i2 == i && Some(*p2) == ago);
        match base {
            None => assert_eq!(g.reason(r), Some(Reason::NoBase), "row {r}"),
            Some((_, _, _, b)) => match (b, v) {
                (Some(b), Some(v)) => {
                    let scalar = growth::growth(&q(*b), &q(*v)).ok();
                    assert_eq!(g.growth(r), scalar, "row {r}");
                    if let Some(x) = scalar {
                        let got = g.growth(r).unwrap().fraction();
                        assert_eq!(got.scale(), x.fraction().scale(), "row {r}");
                    }
                }
                _ => assert_eq!(g.reason(r), Some(Reason::MissingValue), "row {r}"),
            },
        }
    }
}

/// Brute force: every series' CAGR from its first and last present values.
fn check_cagr(p: &Panel, rows: &Rows) {
    let c = p.cagr();
    let mut series: HashMap<(String, String), Vec<Obs>> = HashMap::new();
    for (e, per, i, v) in rows {
        series
            .entry((e.clone(), i.clone()))
            .or_default()
            .push((*per, *v));
    }
    assert_eq!(c.series().len(), series.len());
    for s in c.series() {
        let mut obs = series[&(s.entity.to_owned(), s.indicator.to_owned())].clone();
        obs.sort_by_key(|(p, _)| p.sort_key());
        let present: Vec<_> = obs.iter().filter(|(_, v)| v.is_some()).collect();
        let (first, last) = (present.first(), present.last());
        let ctx = format!("{} {}", s.entity, s.indicator);
        assert_eq!(s.first_period, first.map(|x| x.0), "{ctx}");
        assert_eq!(s.last_period, last.map(|x| x.0), "{ctx}");
        assert_eq!(
            s.first_value.map(|d| d.serialize()),
            first.and_then(|x| x.1).map(|d| d.serialize()),
            "{ctx}"
        );
        assert_eq!(
            s.last_value.map(|d| d.serialize()),
            last.and_then(|x| x.1).map(|d| d.serialize()),
            "{ctx}"
        );
        let value = |x: &&Obs| (x.0, x.1.unwrap());
        cagr_equals_the_scalar_api(s, first.map(value).zip(last.map(value)));
    }
}

fn check_ranks(p: &Panel, rows: &Rows) {
    for ties in Ties::ALL {
        for order in [Order::Ascending, Order::Descending] {
            let ranks = p.rank(ties, order);
            let mut groups: HashMap<(Period, String), Vec<usize>> = HashMap::new();
            for (r, (_, per, i, _)) in rows.iter().enumerate() {
                groups.entry((*per, i.clone())).or_default().push(r);
            }
            assert_eq!(ranks.groups(), groups.len());
            for members in groups.values() {
                let values: Vec<_> = members.iter().map(|&r| rows[r].3).collect();
                let scalar = rank::rank(&values, ties, order, Missing::Keep);
                let panel: Vec<_> = members.iter().map(|&r| ranks.rank(r)).collect();
                assert_eq!(panel, scalar, "{ties:?} {order:?}");
            }
        }
    }
}

/// Every computation on fresh copies of the panel, in each order.
fn check_all(text: &str) {
    let read = || Panel::from_csv(text.as_bytes()).unwrap();
    let p = read();
    let rows = rows_of(&p);
    // CAGR first: from the occupied cells.
    check_cagr(&read(), &rows);
    // Growth first, then CAGR from the index.
    let g = read();
    check_growth(&g, &rows);
    check_cagr(&g, &rows);
    check_ranks(&read(), &rows);
    // A clone before any computation, and equality whatever was built.
    let c = p.clone();
    let _ = p.yoy_growth();
    assert_eq!(c, p);
    check_cagr(&c, &rows);
    // filter keeps everything.
    let f = p.filter(|_| true).unwrap();
    assert_eq!(f, p);
    check_cagr(&f, &rows);
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn period_text(p: Period) -> String {
    p.to_string()
}

/// Reference for duplicates: the index order (series, period in time, row)
/// and the first neighbours with equal series and period.
fn first_duplicate(rows: &[(String, Period, String)]) -> Option<(u64, u64)> {
    // Series ids: (entity first appearance, indicator first appearance) grid
    // when small, else by first appearance of the pair.
    let mut ents: Vec<&String> = Vec::new();
    let mut inds: Vec<&String> = Vec::new();
    for (e, _, i) in rows {
        if !ents.contains(&e) {
            ents.push(e);
        }
        if !inds.contains(&i) {
            inds.push(i);
        }
    }
    let grid = ents.len() * inds.len();
    let n = rows.len();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut keys: Vec<(usize, (u8, i64), usize)> = Vec::new();
    for (r, (e, per, i)) in rows.iter().enumerate() {
        let e = ents.iter().position(|x| *x == e).unwrap();
        let i = inds.iter().position(|x| *x == i).unwrap();
        let s = if grid <= 2 * n + 1024 {
            e * inds.len() + i
        } else {
            match pairs.iter().position(|&x| x == (e, i)) {
                Some(s) => s,
                None => {
                    pairs.push((e, i));
                    pairs.len() - 1
                }
            }
        };
        let (f, o) = per.sort_key();
        keys.push((s, (f as u8, o), r));
    }
    keys.sort();
    keys.windows(2)
        .find(|w| w[0].0 == w[1].0 && w[0].1 == w[1].1)
        .map(|w| (1 + w[0].2 as u64 + 1, 1 + w[1].2 as u64 + 1))
}

fn arb_period() -> impl Strategy<Value = Period> {
    prop_oneof![
        3 => (2000i32..2006).prop_map(|y| Period::year(y).unwrap()),
        2 => (2000i32..2006, 1u8..=4).prop_map(|(y, q)| Period::quarter(y, q).unwrap()),
        5 => (2000i32..2006, 1u8..=12).prop_map(|(y, m)| Period::month(y, m).unwrap()),
        2 => (2000i32..2006, 1u8..=2).prop_map(|(y, h)| Period::half(y, h).unwrap()),
        3 => (2000i32..2006, 2u8..=12).prop_map(|(y, m)| Period::ytd(y, m).unwrap()),
        1 => prop_oneof![Just(1i32), Just(2), Just(9998), Just(9999)].prop_map(|y| Period::year(y).unwrap()),
        1 => prop_oneof![Just(1i32), Just(2), Just(9999)].prop_map(|y| Period::month(y, 1).unwrap()),
    ]
}

fn arb_value_text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => Just(String::new()),
        1 => Just("-0".to_owned()),
        1 => Just("0.000".to_owned()),
        1 => Just("-0.000".to_owned()),
        1 => Just("0".to_owned()),
        4 => (-30i64..300, 0u32..4).prop_map(|(m, s)| Decimal::new(m, s).to_string()),
        // 18 to 28 significant digits.
        2 => (any::<i64>(), any::<u32>(), 0u32..=28, 18u32..=28).prop_map(|(a, b, s, d)| {
            let m = ((i128::from(a) << 32) ^ i128::from(b)).unsigned_abs() % 10u128.pow(d);
            let m = (m as i128) * if a < 0 { -1 } else { 1 };
            Decimal::from_i128_with_scale(m, s).to_string()
        }),
        1 => Just("79228162514264337593543950335".to_owned()),
        1 => Just("-7922816251426433759354395033.5".to_owned()),
        1 => Just("144115188075855871".to_owned()), // 2^57 - 1
        1 => Just("144115188075855872".to_owned()), // 2^57
        1 => Just("-144115188075855872".to_owned()),
        1 => Just("0.0000000000000000000000000001".to_owned()),
    ]
}

fn arb_entity() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("A".to_owned()),
        Just("B".to_owned()),
        Just("a very long entity name".to_owned()),
        Just("a very long entity name!".to_owned()),
        Just("\"quoted, entity\"".to_owned()),
        Just("exactly15bytes_".to_owned()),
        Just("exactly16bytes__".to_owned()),
        "[a-z]{1,3}",
    ]
}

fn arb_text_panel() -> impl Strategy<Value = Vec<(String, Period, String, String)>> {
    prop::collection::vec(
        (
            arb_entity(),
            arb_period(),
            prop_oneof![Just("x".to_owned()), Just("y".to_owned())],
            arb_value_text(),
        ),
        0..150,
    )
    .prop_shuffle()
}

fn to_csv(rows: &[(String, Period, String, String)]) -> String {
    let mut text = String::from("entity,period,indicator,value\n");
    for (e, p, i, v) in rows {
        text += &format!(
            "{},{},{},{}\n",
            csv_field(e),
            period_text(*p),
            csv_field(i),
            v
        );
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(256), ..ProptestConfig::default() })]

    /// Fresh panels, every computation against brute force; values read
    /// back exactly as `Decimal::from_str` reads them.
    #[test]
    fn adversarial_panels_equal_brute_force(mut rows in arb_text_panel()) {
        first_of_each_key(&mut rows);
        let text = to_csv(&rows);
        let p = Panel::from_csv(text.as_bytes()).unwrap();
        for (r, (e, per, i, v)) in rows.iter().enumerate() {
            let row = p.row(r).unwrap();
            prop_assert_eq!((row.entity, row.period, row.indicator), (e.as_str(), *per, i.as_str()));
            let want = if v.is_empty() { None } else { Some(Decimal::from_str(v).unwrap()) };
            prop_assert_eq!(row.value.map(|d| d.serialize()), want.map(|d| d.serialize()), "{}", v);
        }
        check_all(&text);
    }

    /// Duplicates anywhere: the error names the first duplicate in index
    /// order.
    #[test]
    fn duplicates_name_the_first_in_index_order(rows in arb_text_panel(), extra in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>()), 0..4)) {
        let mut rows = rows;
        for (from, to) in extra {
            if rows.is_empty() { break; }
            let r = rows[from.index(rows.len())].clone();
            let at = to.index(rows.len() + 1);
            rows.insert(at, r);
        }
        let keys: Vec<_> = rows.iter().map(|(e, p, i, _)| (e.clone(), *p, i.clone())).collect();
        let want = first_duplicate(&keys);
        let got = Panel::from_csv(to_csv(&rows).as_bytes());
        match (got, want) {
            (Ok(_), None) => {}
            (Err(Error::DuplicateObservation { line, first_line, .. }), Some((a, b))) => {
                prop_assert_eq!((first_line, line), (a, b));
            }
            (got, want) => prop_assert!(false, "{:?} vs {:?}", got.map(|p| p.len()), want),
        }
    }

    /// Sparse grids of many entities with one or two long monthly series,
    /// periods out of time order.
    #[test]
    fn sparse_long_series(n_ent in 1usize..400, months in prop::collection::vec((0usize..400, 0u32..240, prop::option::of(-5i64..50)), 1..300)) {
        let mut rows: Vec<(String, Period, String, String)> = months
            .into_iter()
            .map(|(e, m, v)| {
                let p = Period::month(2000 + (m / 12) as i32, (m % 12 + 1) as u8).unwrap();
                (format!("entity-{}", e % n_ent), p, "x".to_owned(), v.map(|v| v.to_string()).unwrap_or_default())
            })
            .collect();
        first_of_each_key(&mut rows);
        check_all(&to_csv(&rows));
    }
}

/// SDMX with UNIT_MULT: values come back as the multiplied Decimal exactly.
#[test]
fn sdmx_unit_mult_values_round_trip() {
    let text = "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MULT,OBS_STATUS\n\
        dataflow,X,I,A,x,2020,-0,3,A\n\
        dataflow,X,I,A,x,2021,1.5,3,A\n\
        dataflow,X,I,A,x,2022,123456789012345678,2,A\n\
        dataflow,X,I,B,x,2022,0.000,0,A\n\
        dataflow,X,I,B,x,2021,,0,M\n\
        dataflow,X,I,B,x,2020,-1.25,-2,A\n";
    let p = Panel::from_sdmx_csv(text.as_bytes(), &SdmxOptions::default()).unwrap();
    let rows = rows_of(&p);
    let mut o = Vec::new();
    p.write_sdmx_csv(&mut o, &SdmxOptions::default()).unwrap();
    let back = Panel::from_sdmx_csv(o.as_slice(), &SdmxOptions::default()).unwrap();
    for r in 0..p.len() {
        assert_eq!(
            back.value(r).map(|d| d.serialize()),
            p.value(r).map(|d| d.serialize())
        );
    }
    check_growth(&p, &rows);
    check_cagr(
        &Panel::from_sdmx_csv(text.as_bytes(), &SdmxOptions::default()).unwrap(),
        &rows,
    );
    check_ranks(&p, &rows);
}

#[test]
fn empty_panel_computations() {
    let p = Panel::from_csv("entity,period,indicator,value\n".as_bytes()).unwrap();
    assert!(p.cagr().series().is_empty());
    assert_eq!(p.yoy_growth().counts().count(Reason::NoBase), 0);
    assert_eq!(p.rank(Ties::Average, Order::Ascending).groups(), 0);
    assert!(p.series("A", "x").is_empty());
    assert_eq!(p.filter(|_| true).unwrap(), p);
}
