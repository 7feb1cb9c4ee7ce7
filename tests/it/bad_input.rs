//! Bad input: every parser and constructor returns an `Error` that names the
//! input, and none panics. The table lists each case and what it returns.

use indstat::{
    Bound, Dimension, EntityId, Error, Figure, IndicatorCode, Kind, Magnitude, Noun, ObsStatus,
    Period, Quantity, Unit,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// (input, the error message a user sees). Each message names the input.
const QUANTITY_CASES: &[(&str, &str)] = &[
    ("", "cannot parse \"\" as a quantity: the text is empty"),
    (
        "   ",
        "cannot parse \"   \" as a quantity: the text is empty",
    ),
    ("1004亿米", "unknown unit \"米\" in \"1004亿米\""),
    (
        "1004 bananas",
        "unknown unit \"bananas\" in \"1004 bananas\"",
    ),
    ("1004兆元", "unknown unit \"兆元\" in \"1004兆元\""),
    (
        "abc",
        "cannot parse \"abc\" as a quantity: expected a number",
    ),
    (
        "亿元",
        "cannot parse \"亿元\" as a quantity: expected a number",
    ),
    (
        "1.2.3亿元",
        "cannot parse \"1.2.3亿元\" as a quantity: malformed number \"1.2.3\"",
    ),
    (
        "1004",
        "cannot parse \"1004\" as a quantity: the unit is missing",
    ),
    (
        "1004亿",
        "cannot parse \"1004亿\" as a quantity: the unit is missing",
    ),
    (
        "79228162514264337593543950336亿元",
        "number \"79228162514264337593543950336\" is out of range: a decimal holds a number exactly with at most 28 decimal places and at most 79228162514264337593543950335 without its decimal point",
    ),
    (
        "0.00000000000000000000000000001元",
        "number \"0.00000000000000000000000000001\" is out of range: a decimal holds a number exactly with at most 28 decimal places and at most 79228162514264337593543950335 without its decimal point",
    ),
    (
        "5个",
        "ambiguous unit \"个\" in \"5个\": name the noun, e.g. \"5个项目\"",
    ),
    (
        "8.5万%",
        "cannot parse \"8.5万%\" as a quantity: percent takes no magnitude",
    ),
    (
        "1.5家",
        "cannot parse \"1.5家\" as a quantity: a count is a whole number",
    ),
    (
        "4000余人",
        "4000余人 is a bound, not an exact value; a Quantity (parse bounds as a Figure) needs an exact value",
    ),
    (
        "1,00 yuan",
        "cannot parse \"1,00 yuan\" as a quantity: misplaced thousands separator in \"1,00\"",
    ),
    (
        "122th",
        "cannot parse \"122th\" as a quantity: wrong ordinal suffix",
    ),
    (
        "第1.5位",
        "cannot parse \"第1.5位\" as a quantity: a rank is a whole number from 1",
    ),
    // Found in review: ranks below 1, fractional counts at a magnitude,
    // fractional rank changes, powers of ten out of range or doubled.
    (
        "第0位",
        "cannot parse \"第0位\" as a quantity: a rank is a whole number from 1",
    ),
    (
        "-1st",
        "cannot parse \"-1st\" as a quantity: wrong ordinal suffix",
    ),
    (
        "0th",
        "cannot parse \"0th\" as a quantity: a rank is a whole number from 1",
    ),
    (
        "1.00001万家",
        "cannot parse \"1.00001万家\" as a quantity: a count is a whole number",
    ),
    (
        "下降1.5位",
        "cannot parse \"下降1.5位\" as a quantity: a rank change is a whole number of places",
    ),
    (
        "5项",
        "ambiguous unit \"项\" in \"5项\": name the noun, e.g. \"5个项目\"",
    ),
    (
        "5×10^29元",
        "cannot parse \"5×10^29元\" as a quantity: the power of ten must be 0 to 28",
    ),
    (
        "5×10^3千元",
        "cannot parse \"5×10^3千元\" as a quantity: a power of ten and a magnitude word together",
    ),
    (
        "超过10家以上",
        "cannot parse \"超过10家以上\" as a quantity: more than one bound word",
    ),
];

#[test]
fn quantity_parse_errors_name_the_input() {
    for &(input, message) in QUANTITY_CASES {
        let err = input.parse::<Quantity>().unwrap_err();
        assert_eq!(err.to_string(), message, "input {input:?}");
    }
}

const PERIOD_CASES: &[(&str, &str)] = &[
    (
        "",
        "invalid period \"\": expected a four-digit year: 2022, 2022-S1, 2022-Q1, 2022-M01, 2022-01 or 2022-01-01/P3M",
    ),
    (
        "22",
        "invalid period \"22\": expected a four-digit year: 2022, 2022-S1, 2022-Q1, 2022-M01, 2022-01 or 2022-01-01/P3M",
    ),
    (
        "2022-Q5",
        "invalid period \"2022-Q5\": quarter 5 is outside 1..=4",
    ),
    (
        "2022-M13",
        "invalid period \"2022-M13\": month 13 is outside 1..=12",
    ),
    (
        "2022-13",
        "invalid period \"2022-13\": month 13 is outside 1..=12",
    ),
    (
        "2022-S3",
        "invalid period \"2022-S3\": half 3 is outside 1..=2",
    ),
    (
        "0000",
        "invalid period \"0000\": year 0 is outside 1..=9999",
    ),
    ("2022-1", "invalid period \"2022-1\": malformed period"),
    (
        "2022-01-01/P13M",
        "invalid period \"2022-01-01/P13M\": month 13 is outside 1..=12",
    ),
];

#[test]
fn period_parse_errors_name_the_input() {
    for &(input, message) in PERIOD_CASES {
        let err = input.parse::<Period>().unwrap_err();
        assert_eq!(err.to_string(), message, "input {input:?}");
    }
}

#[test]
fn overflow_is_an_error_not_a_panic() {
    let max = Quantity::new(Decimal::MAX, Unit::YUAN);
    let err = max.checked_mul(Decimal::TWO).unwrap_err();
    assert_eq!(
        err.to_string(),
        "decimal overflow in multiply: 79228162514264337593543950335元 and 2"
    );
    assert!(matches!(
        max.checked_add(&max),
        Err(Error::Overflow {
            operation: "add",
            ..
        })
    ));
    let min = Quantity::new(Decimal::MIN, Unit::YUAN);
    assert!(matches!(min.checked_sub(&max), Err(Error::Overflow { .. })));
    // 10^28 亿元 has no exact value in 元: the conversion refuses, it does not wrap.
    let huge = Quantity::new(Decimal::MAX, Unit::YI_YUAN);
    assert!(matches!(huge.to_base(), Err(Error::Inexact { .. })));
    // … but comparing it with 元 is still exact.
    assert!(huge > max);
}

#[test]
fn constructors_refuse_impossible_values() {
    assert!(matches!(
        Period::quarter(2022, 5),
        Err(Error::InvalidPeriod { .. })
    ));
    assert!(matches!(
        Period::month(2022, 0),
        Err(Error::InvalidPeriod { .. })
    ));
    assert!(matches!(
        Period::year(10_000),
        Err(Error::InvalidPeriod { .. })
    ));
    assert!(matches!(
        Magnitude::new(29),
        Err(Error::MagnitudeOutOfRange { exponent: 29 })
    ));
    assert!(Unit::new(Dimension::Rank, Magnitude::WAN).is_err());
    assert!(matches!(
        IndicatorCode::new(""),
        Err(Error::InvalidCode { .. })
    ));
    assert!(matches!(
        EntityId::new(&"x".repeat(65)),
        Err(Error::InvalidCode { .. })
    ));
    let err = Quantity::new(Decimal::ONE, Unit::YUAN)
        .checked_div(Decimal::ZERO)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "division by zero: 1元 / 0; the divisor must not be zero"
    );
}

#[test]
fn duplicate_periods_in_a_series() {
    use indstat::{Indicator, Point, Series};
    let i = Indicator::new("x", "x", "x", Unit::PERCENT, Kind::Ratio).unwrap();
    let p = || Point::new(Period::year(2022).unwrap(), "1%".parse().unwrap());
    let err = Series::from_points(EntityId::new("z").unwrap(), i, [p(), p()]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "duplicate period 2022 in series z/x: keep one value per period"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Arbitrary text to every parser: each returns Ok or Err, none panics.
    #[test]
    fn parsers_never_panic(s in "\\PC*") {
        let _ = s.parse::<Quantity>();
        let _ = s.parse::<Figure>();
        let _ = s.parse::<Unit>();
        let _ = s.parse::<Period>();
        let _ = s.parse::<Noun>();
        let _ = s.parse::<Dimension>();
        let _ = s.parse::<Bound>();
        let _ = s.parse::<Kind>();
        let _ = s.parse::<ObsStatus>();
        let _ = s.parse::<IndicatorCode>();
        let _ = s.parse::<EntityId>();
    }

    /// Text built from the grammar's own pieces reaches deeper paths.
    #[test]
    fn grammar_shaped_text_never_panics(
        pre in prop::sample::select(vec!["", "突破", "超过", "不足", "第", "前", "上升", "下降", "more than ", "at least ", "up ", "down ", "rank ", "top ", "-", "−"]),
        num in "[0-9,.]{0,34}",
        mid in prop::sample::select(vec!["", "余", "万", "亿", "万亿", "千万", "十亿", "千万亿", "×10^16", " million", " billion", " trillion", "st", "nd", "th"]),
        unit in prop::sample::select(vec!["", "元", "家", "个", "个项目", "件/万人", "%", "平方公里", "位", "个百分点", " yuan", " people", " places", " km²", " patents per 10,000 people", " percentage points", "×"]),
        post in prop::sample::select(vec!["", "以上", "以下", " or more", "余"]),
    ) {
        let s = format!("{pre}{num}{mid}{unit}{post}");
        if let Ok(f) = s.parse::<Figure>() {
            // Whatever parses prints, and what prints parses back to an equal figure.
            let zh = f.zh();
            let back: Figure = zh.parse().map_err(|e| TestCaseError::fail(format!("{s} -> {zh}: {e}")))?;
            // Same bound, unit (magnitude included) and digits, not merely equal.
            prop_assert_eq!(back.bound(), f.bound(), "{} -> {}", s, zh);
            prop_assert_eq!(back.unit(), f.unit(), "{} -> {}", s, zh);
            prop_assert_eq!(back.value().scale(), f.value().scale(), "{} -> {}", s, zh);
            prop_assert_eq!(back, f, "{} -> {}", s, zh);
        }
        let _ = s.parse::<Period>();
    }
}

/// Review findings: sums that Decimal would round are refused, not rounded.
#[test]
fn inexact_sums_are_refused() {
    let big = Quantity::new(Decimal::from_i128_with_scale(10i128.pow(28), 0), Unit::YUAN);
    let tenth: Quantity = "0.1元".parse().unwrap();
    assert!(matches!(
        big.checked_add(&tenth),
        Err(Error::Inexact { .. })
    ));
    assert!(matches!(
        big.checked_sub(&tenth),
        Err(Error::Inexact { .. })
    ));
    let yi: Quantity = "1亿元".parse().unwrap();
    let tiny = Quantity::new(Decimal::new(1, 28), Unit::YUAN);
    assert!(matches!(yi.checked_add(&tiny), Err(Error::Inexact { .. })));
    // Exact sums keep working, across magnitudes.
    assert_eq!(
        yi.checked_add(&"5万元".parse().unwrap())
            .unwrap()
            .to_string(),
        "1.0005亿元"
    );
    // A product that would round to zero is refused.
    let small = Quantity::new(Decimal::new(1, 16), Unit::YUAN);
    assert!(matches!(
        small.checked_mul(Decimal::new(1, 16)),
        Err(Error::Inexact { .. })
    ));
}
