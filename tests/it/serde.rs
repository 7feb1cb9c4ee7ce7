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
    let indicator = serde_json::to_string(
        &Indicator::new(
            "firms",
            "企业",
            "enterprises",
            Unit::count(Noun::Enterprise),
            Kind::Stock,
        )
        .unwrap(),
    )
    .unwrap();
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

        /// JSON round trips give back exactly what went in: value, scale, unit, bound.
        #[test]
        fn figures_round_trip_through_json(f in figure()) {
            let json = serde_json::to_string(&f).unwrap();
            let back: Figure = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(back, f);
            prop_assert_eq!(back.value().scale(), f.value().scale());
            prop_assert_eq!(back.unit(), f.unit());
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
        }
    }
}
