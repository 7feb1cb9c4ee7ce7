//! serde: every public data type round-trips through JSON, decimals travel as
//! strings (never through f64), and invalid data fails with a clear message.
#![cfg(feature = "serde")]

use indstat::{
    Bound, EntityId, Figure, Frequency, Indicator, Kind, Noun, ObsStatus, Observation, Period,
    Point, PriceBasis, Quantity, Scope, Series, Source, Unit, YearSpan,
};
use serde::{Serialize, de::DeserializeOwned};

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + core::fmt::Debug>(value: &T) -> String {
    let json = serde_json::to_string(value).unwrap();
    let back: T = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
    assert_eq!(&back, value, "{json}");
    json
}

fn output() -> Indicator {
    Indicator::new(
        "gross_output",
        "工业总产值",
        "gross industrial output",
        Unit::YI_YUAN,
        Kind::Flow,
    )
    .unwrap()
    .with_scope(Scope::AllIndustry)
    .with_price_basis(PriceBasis::Current)
}

/// A count of enterprises of the given kind, coded `firms`.
fn firms(kind: Kind) -> Indicator {
    Indicator::new(
        "firms",
        "企业",
        "enterprises",
        Unit::count(Noun::Enterprise),
        kind,
    )
    .unwrap()
}

#[test]
fn quantity_is_value_string_and_unit_code() {
    let q: Quantity = "1004亿元".parse().unwrap();
    assert_eq!(round_trip(&q), r#"{"value":"1004","unit":"yuan*1e8"}"#);
}

#[test]
fn decimals_keep_all_28_digits() {
    // rust_decimal's plain `serde` feature reads 1800.123456789012345678901234
    // back as 1800.1234567890124, through f64 (rust-decimal #279). As strings,
    // every digit survives.
    let q = Quantity::new(
        "1800.123456789012345678901234".parse().unwrap(),
        Unit::YI_YUAN,
    );
    let json = round_trip(&q);
    assert!(json.contains("\"1800.123456789012345678901234\""), "{json}");
}

#[test]
fn json_numbers_are_refused_not_rounded() {
    let err = serde_json::from_str::<Quantity>(
        r#"{"value":1800.123456789012345678901234,"unit":"yuan*1e8"}"#,
    )
    .unwrap_err();
    assert!(err.to_string().contains("invalid type"), "{err}");
}

#[test]
fn figure_flattens_bound_and_quantity() {
    let f: Figure = "4000余人".parse().unwrap();
    assert_eq!(
        round_trip(&f),
        r#"{"bound":"more_than","value":"4000","unit":"people"}"#
    );
}

#[test]
fn every_type_round_trips() {
    round_trip(&"yuan*1e8".parse::<Unit>().unwrap());
    round_trip(&Noun::Platform);
    round_trip(&Bound::AtLeast);
    for p in ["2022", "2022-S2", "2022-Q3", "2022-11", "2022-01-01/P5M"] {
        round_trip(&p.parse::<Period>().unwrap());
    }
    round_trip(
        &Period::year(2022)
            .unwrap()
            .years_until(&Period::year(2026).unwrap())
            .unwrap(),
    );
    round_trip(&ObsStatus::Provisional);
    round_trip(&Source::new("article").with_phrase("实现工业总产值1004亿元"));
    round_trip(&Scope::above_designated_size());
    round_trip(&Scope::Custom {
        name: "consumer goods".into(),
    });
    round_trip(&PriceBasis::Constant { base_year: 2020 });
    round_trip(&output());
    round_trip(&EntityId::new("rongchang_htz").unwrap());
    let obs = Observation::new(
        EntityId::new("rongchang_htz").unwrap(),
        output(),
        Period::year(2022).unwrap(),
        "1004亿元".parse().unwrap(),
    )
    .unwrap()
    .with_status(ObsStatus::Provisional)
    .with_source(Source::new("article"));
    round_trip(&obs);
    let series = Series::from_points(
        EntityId::new("rongchang_htz").unwrap(),
        output(),
        [
            Point::new(Period::year(2022).unwrap(), "1004亿元".parse().unwrap()),
            Point::new(Period::year(2021).unwrap(), "925.35亿元".parse().unwrap())
                .with_status(ObsStatus::Estimated),
        ],
    )
    .unwrap();
    round_trip(&series);
    round_trip(&Frequency::YearToDate);
    round_trip(&indstat::Magnitude::YI);
    round_trip(&indstat::Truth::Unknown);
    round_trip(&indstat::ChangeMeasure::PercentagePoints);
    round_trip(&indstat::Kind::Change);
    round_trip(&indstat::Direction::LowerIsBetter);
    round_trip(&indstat::Dimension::PerTenThousandPeople(Noun::Patent));
    let _: Option<YearSpan> = None;
    // The built-in dataset's observations all round-trip.
    for o in indstat::datasets::rongchang::observations().unwrap() {
        round_trip(&o);
    }
}

/// Deserialising invalid data fails, and the message names the bad value.
#[test]
fn invalid_data_is_refused_with_a_clear_message() {
    let indicator = serde_json::to_string(&firms(Kind::Stock)).unwrap();
    let obs = |value: &str, unit: &str, period: &str| {
        format!(
            r#"{{"entity":"z","indicator":{indicator},"period":"{period}","value":{{"bound":"exact","value":"{value}","unit":"{unit}"}},"status":"A"}}"#
        )
    };
    let cases = [
        (
            obs("-5", "enterprises", "2022"),
            "a count cannot be negative",
        ),
        (obs("5", "bananas", "2022"), "unknown unit \"bananas\""),
        (
            obs("5", "enterprises", "2022-Q5"),
            "invalid period \"2022-Q5\"",
        ),
        (obs("5", "enterprises", "22"), "invalid period \"22\""),
        (
            obs("5.5", "enterprises", "2022"),
            "a count is a whole number",
        ),
        (obs("5", "yuan*1e8", "2022"), "unit mismatch"),
        (obs("abc", "enterprises", "2022"), "abc"),
    ];
    for (json, want) in cases {
        let err = serde_json::from_str::<Observation>(&json)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(want),
            "{json}\n  gave: {err}\n  wanted: {want}"
        );
    }
    // A series with a duplicate period.
    let series = format!(
        r#"{{"entity":"z","indicator":{indicator},"points":[
            {{"period":"2022","value":{{"bound":"exact","value":"5","unit":"enterprises"}}}},
            {{"period":"2022","value":{{"bound":"exact","value":"6","unit":"enterprises"}}}}]}}"#
    );
    let err = serde_json::from_str::<Series>(&series)
        .unwrap_err()
        .to_string();
    assert!(err.contains("duplicate period 2022"), "{err}");
    // Unknown fields are refused rather than ignored.
    let err = serde_json::from_str::<Quantity>(r#"{"value":"1","unit":"yuan","scale":"8"}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("unknown field"), "{err}");
    // Review findings: decimals are read exactly or refused, a figure refuses
    // unknown fields, a year span refuses 0 or 7 periods a year.
    for (json, want) in [
        (
            r#"{"value":"1.00000000000000000000000000001","unit":"yuan"}"#,
            "more than 28",
        ),
        (
            r#"{"value":"1e5","unit":"yuan"}"#,
            "invalid decimal \"1e5\"",
        ),
        (r#"{"value":"","unit":"yuan"}"#, "invalid decimal \"\""),
    ] {
        let err = serde_json::from_str::<Quantity>(json)
            .unwrap_err()
            .to_string();
        assert!(err.contains(want), "{json}: {err}");
    }
    let err =
        serde_json::from_str::<Figure>(r#"{"bound":"exact","value":"1","unit":"yuan","junk":1}"#)
            .unwrap_err()
            .to_string();
    assert!(err.contains("unknown field"), "{err}");
    for bad in [
        r#"{"periods":5,"per_year":0}"#,
        r#"{"periods":5,"per_year":7}"#,
    ] {
        let err = serde_json::from_str::<YearSpan>(bad)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("periods per year must be 1, 2, 4 or 12"),
            "{err}"
        );
    }
    // A magnitude beyond 10^28 and an unknown frequency.
    let err = serde_json::from_str::<indstat::Magnitude>("29")
        .unwrap_err()
        .to_string();
    assert!(err.contains("10^29"), "{err}");
    let err = serde_json::from_str::<Frequency>("\"weekly\"")
        .unwrap_err()
        .to_string();
    assert!(err.contains("\"weekly\""), "{err}");
}

/// A negative count is refused through serde as a `Quantity` and a `Figure`
/// (`{"value":"-3","unit":"enterprises"}`; it once passed, though the README
/// says deserialisation refuses it). Both apply the rule of the text
/// reader and `Quantity::try_new`, with the message naming the value.
#[test]
fn negative_counts_are_refused_as_quantity_and_figure() {
    let quantity = serde_json::from_str::<Quantity>(r#"{"value":"-3","unit":"enterprises"}"#)
        .unwrap_err()
        .to_string();
    assert_eq!(
        quantity,
        "invalid quantity -3家: a count cannot be negative"
    );
    let figure =
        serde_json::from_str::<Figure>(r#"{"bound":"at_least","value":"-3","unit":"enterprises"}"#)
            .unwrap_err()
            .to_string();
    assert_eq!(figure, "invalid quantity -3家: a count cannot be negative");
    // The same rule as text: every other impossible value, refused by both.
    for (value, unit, reason) in [
        ("-3", "people*1e4", "a count cannot be negative"),
        ("1.5", "enterprises", "a count is a whole number"),
        ("0", "rank", "a rank is a whole number from 1"),
        ("2.5", "rank", "a rank is a whole number from 1"),
        (
            "1.5",
            "rank_change",
            "a rank change is a whole number of places",
        ),
        ("-28.8", "km2", "an area cannot be negative"),
        (
            "-1",
            "patents_per_10k_people",
            "a density cannot be negative",
        ),
    ] {
        let json = format!(r#"{{"value":"{value}","unit":"{unit}"}}"#);
        let err = serde_json::from_str::<Quantity>(&json)
            .unwrap_err()
            .to_string();
        assert!(err.ends_with(reason), "{json}: {err}");
        let json = format!(r#"{{"bound":"exact","value":"{value}","unit":"{unit}"}}"#);
        let err = serde_json::from_str::<Figure>(&json)
            .unwrap_err()
            .to_string();
        assert!(err.ends_with(reason), "{json}: {err}");
    }
    // What the rule admits still reads: zero counts, negative money and
    // rates, a fall in rank, 1.5万人 (15,000 people).
    for (value, unit) in [
        ("0", "enterprises"),
        ("-5", "yuan*1e8"),
        ("-2.5", "percent"),
        ("-17", "rank_change"),
        ("1.5", "people*1e4"),
    ] {
        let json = format!(r#"{{"value":"{value}","unit":"{unit}"}}"#);
        round_trip(&serde_json::from_str::<Quantity>(&json).unwrap());
    }
}

/// A difference is not a value: `Change::Difference` of a count may be
/// negative and still round-trips.
#[test]
fn a_negative_difference_of_counts_round_trips() {
    // Net new enterprises a year: a change, in enterprises.
    let net_new = firms(Kind::Change);
    let change =
        indstat::growth::change(&net_new, &"50家".parse().unwrap(), &"30家".parse().unwrap())
            .unwrap();
    assert_eq!(change.zh(), "减少20家");
    assert_eq!(
        round_trip(&change),
        r#"{"measure":"difference","value":{"value":"-20","unit":"enterprises"}}"#
    );
}

/// Every type whose constructor checks
/// its input is read through that constructor, so serde cannot build what
/// the constructor refuses. Each JSON below was written by serialising a
/// valid value and changing one field; the message is the constructor's.
#[test]
fn targets_and_ranks_are_read_through_their_constructors() {
    use indstat::rank::{RankChange, RankGoal, RankObservation, rank_goal};
    use indstat::targets::{CountTarget, LevelTarget, RankTarget};

    fn refused<T: Serialize + DeserializeOwned + PartialEq + core::fmt::Debug>(
        valid: &T,
        from: &str,
        to: &str,
        want: &str,
    ) {
        let json = round_trip(valid);
        assert!(json.contains(from), "{json} lacks {from}");
        let changed = json.replacen(from, to, 1);
        let err = match serde_json::from_str::<T>(&changed) {
            Ok(v) => panic!("{changed} was read as {v:?}"),
            Err(e) => e.to_string(),
        };
        assert!(
            err.contains(want),
            "{changed}\n  gave: {err}\n  wanted: {want}"
        );
    }

    let year = |y| Period::year(y).unwrap();

    // LevelTarget::new checks the value against the indicator.
    let level = LevelTarget::new(output(), "突破1800亿元".parse().unwrap(), year(2026)).unwrap();
    refused(
        &level,
        r#""unit":"yuan*1e8"},"deadline""#,
        r#""unit":"enterprises"},"deadline""#,
        "unit mismatch",
    );
    // CountTarget::new refuses an upper bound on the count.
    let count = CountTarget::new(
        firms(Kind::Count),
        "10家以上".parse().unwrap(),
        "10亿元以上".parse().unwrap(),
        Some(year(2026)),
    )
    .unwrap();
    refused(
        &count,
        r#""required":{"bound":"at_least""#,
        r#""required":{"bound":"at_most""#,
        "a count target requires at least k entities",
    );
    // RankTarget::new wants a rank indicator.
    let torch = Indicator::new("torch_rank", "排名", "rank", Unit::RANK, Kind::Rank).unwrap();
    let rank_target = RankTarget::new(torch, "前100位".parse().unwrap(), None).unwrap();
    refused(
        &rank_target,
        r#""best":{"bound":"at_most""#,
        r#""best":{"bound":"at_least""#,
        "a rank target is a rank indicator with a rank at most N",
    );
    // RankObservation::new: rank within the pool, from 1.
    let observed = RankObservation::new(year(2023), 122, Some(178)).unwrap();
    refused(
        &observed,
        r#""rank":122"#,
        r#""rank":180"#,
        "the pool has only 178 entries",
    );
    refused(
        &observed,
        r#""rank":122"#,
        r#""rank":0"#,
        "ranks start at 1",
    );
    // RankChange::new: ranks from 1.
    let moved = RankChange::new(139, 122).unwrap();
    refused(&moved, r#""rank":139"#, r#""rank":0"#, "ranks start at 1");
    // rank_goal: a target from 1, reached exactly when no places are left.
    let goal: RankGoal = rank_goal(
        &RankObservation::new(year(2022), 139, None).unwrap(),
        &RankObservation::new(year(2023), 122, None).unwrap(),
        100,
    )
    .unwrap();
    refused(
        &goal,
        r#""target":100"#,
        r#""target":0"#,
        "ranks start at 1",
    );
    refused(
        &goal,
        r#""places_to_go":22"#,
        r#""places_to_go":0"#,
        "no places to go, yet the goal is not marked as reached",
    );
}

mod properties {
    use indstat::{Bound, Figure, Period, Quantity, Unit};
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    fn figure() -> impl Strategy<Value = Figure> {
        (
            any::<i128>(),
            0u32..=28,
            prop::sample::select(vec![
                "yuan",
                "yuan*1e8",
                "enterprises",
                "percent",
                "km2",
                "rank",
                "score",
            ]),
            prop::sample::select(vec![
                Bound::Exact,
                Bound::AtLeast,
                Bound::MoreThan,
                Bound::AtMost,
                Bound::LessThan,
            ]),
        )
            .prop_map(|(m, s, u, b)| {
                Figure::new(
                    b,
                    Quantity::new(
                        Decimal::from_i128_with_scale(m % (1i128 << 96), s),
                        u.parse::<Unit>().unwrap(),
                    ),
                )
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// JSON round trips give back exactly what went in: value, scale,
        /// unit, bound. One rule for every reader: serde
        /// reads a figure exactly when `Quantity::try_new` admits its value
        /// (a negative count or rank 0 does not) and otherwise refuses it
        /// with the same message; the Chinese text reads under the same rule.
        #[test]
        fn figures_round_trip_through_json(f in figure()) {
            let json = serde_json::to_string(&f).unwrap();
            let checked = Quantity::try_new(f.value(), f.unit());
            match (serde_json::from_str::<Figure>(&json), &checked) {
                (Ok(back), Ok(_)) => {
                    prop_assert_eq!(back, f);
                    prop_assert_eq!(back.value().scale(), f.value().scale());
                    prop_assert_eq!(back.unit(), f.unit());
                }
                (Err(e), Err(c)) => {
                    let (e, c) = (e.to_string(), c.to_string());
                    prop_assert!(e.starts_with(&c), "{}: serde said {}, try_new {}", json, e, c);
                }
                (read, _) => prop_assert!(false, "{}: serde {:?}, try_new {:?}", json, read, checked),
            }
            let text = f.zh();
            prop_assert_eq!(text.parse::<Figure>().is_ok(), checked.is_ok(), "{}", text);
        }

        #[test]
        fn periods_round_trip_through_json(y in 1i32..=9999, m in 1u8..=12) {
            for p in [Period::year(y), Period::month(y, m), Period::quarter(y, 1 + m % 4)] {
                let p = p.unwrap();
                let back: Period = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
                prop_assert_eq!(back, p);
            }
        }

        /// Arbitrary JSON text never panics a deserialiser.
        #[test]
        fn arbitrary_json_never_panics(s in "\\PC{0,200}") {
            let _ = serde_json::from_str::<Figure>(&s);
            let _ = serde_json::from_str::<indstat::Observation>(&s);
            let _ = serde_json::from_str::<indstat::Series>(&s);
            let _ = serde_json::from_str::<indstat::Indicator>(&s);
            let _ = serde_json::from_str::<indstat::YearSpan>(&s);
            let _ = serde_json::from_str::<indstat::targets::LevelTarget>(&s);
            let _ = serde_json::from_str::<indstat::targets::CountTarget>(&s);
            let _ = serde_json::from_str::<indstat::targets::RankTarget>(&s);
            let _ = serde_json::from_str::<indstat::rank::RankObservation>(&s);
            let _ = serde_json::from_str::<indstat::rank::RankChange>(&s);
            let _ = serde_json::from_str::<indstat::rank::RankGoal>(&s);
            let _ = serde_json::from_str::<indstat::growth::Change>(&s);
        }
    }
}
