//! Text forms of quantities and figures: the article's forms and their
//! English, read and written back exactly, in Chinese and English.

use indstat::dec;
use indstat::{Bound, Figure, Magnitude, Quantity, Unit};

/// (text, bound, value, unit code) — Chinese forms from the article
/// (`tests/data/figures.md`) print back to the same text.
const ZH: &[(&str, Bound, &str, &str)] = &[
    ("1004亿元", Bound::Exact, "1004", "yuan*1e8"),
    ("22.45亿元", Bound::Exact, "22.45", "yuan*1e8"),
    ("1.68亿元", Bound::Exact, "1.68", "yuan*1e8"),
    ("4000余人", Bound::MoreThan, "4000", "people"),
    ("10家以上", Bound::AtLeast, "10", "enterprises"),
    ("28.8平方公里", Bound::Exact, "28.8", "km2"),
    ("8.5%", Bound::Exact, "8.5", "percent"),
    (
        "10.93件/万人",
        Bound::Exact,
        "10.93",
        "patents_per_10k_people",
    ),
    ("755家", Bound::Exact, "755", "enterprises"),
    ("5个项目", Bound::Exact, "5", "projects"),
    ("6个问题", Bound::Exact, "6", "problems"),
    ("1986件", Bound::Exact, "1986", "items"),
    ("171个平台", Bound::Exact, "171", "platforms"),
    ("第122位", Bound::Exact, "122", "rank"),
    ("上升17位", Bound::Exact, "17", "rank_change"),
    ("下降3位", Bound::Exact, "-3", "rank_change"),
    ("前100位", Bound::AtMost, "100", "rank"),
    ("6%以上", Bound::AtLeast, "6", "percent"),
    ("1800余亿元", Bound::MoreThan, "1800", "yuan*1e8"),
    ("10040000万元", Bound::Exact, "10040000", "yuan*1e4"),
    ("100400000000元", Bound::Exact, "100400000000", "yuan"),
    ("3.59倍", Bound::Exact, "3.59", "ratio"),
    ("-5亿元", Bound::Exact, "-5", "yuan*1e8"),
    ("1.5万人", Bound::Exact, "1.5", "people*1e4"),
];

#[test]
fn chinese_forms_round_trip() {
    for &(text, bound, value, unit) in ZH {
        let f: Figure = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(f.bound(), bound, "{text}");
        assert_eq!(f.value(), value.parse().unwrap(), "{text}");
        assert_eq!(f.unit(), unit.parse::<Unit>().unwrap(), "{text}");
        assert_eq!(f.zh(), text, "{text}");
        assert_eq!(f.to_string().parse::<Figure>().unwrap(), f, "{text}");
    }
}

/// (Chinese, English): the English form of each, and back.
const EN: &[(&str, &str)] = &[
    ("1004亿元", "100.4 billion yuan"),
    ("22.45亿元", "2.245 billion yuan"),
    ("1.68亿元", "168 million yuan"),
    ("4000余人", "more than 4,000 people"),
    ("10家以上", "at least 10 enterprises"),
    ("28.8平方公里", "28.8 km²"),
    ("8.5%", "8.5%"),
    ("10.93件/万人", "10.93 patents per 10,000 people"),
    ("第122位", "122nd"),
    ("上升17位", "up 17 places"),
    ("1800余亿元", "more than 180 billion yuan"),
    ("1家", "1 enterprise"),
    ("1700家", "1,700 enterprises"),
    ("520亿元", "52 billion yuan"),
    ("2万亿元", "2 trillion yuan"),
    ("5万元", "50,000 yuan"),
];

#[test]
fn english_forms_round_trip() {
    for &(zh, en) in EN {
        let f: Figure = zh.parse().unwrap();
        assert_eq!(f.en(), en, "{zh}");
        let back: Figure = en.parse().unwrap_or_else(|e| panic!("{en}: {e}"));
        assert_eq!(back, f, "{en}");
        assert_eq!(back.en(), en, "{en}");
    }
}

/// Forms found in real text that read to the same value (review findings):
/// spaces, thousands separators, full-width commas, zeros past 28 places.
#[test]
fn lenient_forms_read_the_same_value() {
    let cases = [
        ("1004 亿元", "1004亿元"),
        ("1,004亿元", "1004亿元"),
        ("4，000余人", "4000余人"),
        ("100.4  Billion   Yuan", "1004亿元"),
        ("1.0000000000000000000000000000000元", "1元"),
        ("回落1.5个百分点", "-1.5个百分点"),
        ("down 1.5 percentage points", "-1.5个百分点"),
        ("下降17位以上", "下降17位以上"),
    ];
    for (text, canonical) in cases {
        let a: Figure = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        let b: Figure = canonical.parse().unwrap();
        assert_eq!(a, b, "{text}");
    }
    // A fall of 17 places or more is a change of −17 or less.
    let fall: Figure = "down 17 places or more".parse().unwrap();
    assert_eq!(fall.bound(), Bound::AtMost);
    assert_eq!(fall.zh(), "下降17位以上");
    assert_eq!(fall.en(), "down 17 places or more");
    assert!(fall.ge(&"下降10位".parse().unwrap()).unwrap().is_false());
}

/// The text reader refuses a fractional count, rank 0 and `-3家`, which no
/// count can be (it once read that one). It applies the one rule that
/// serde and `Quantity::try_new` apply, in Chinese and English.
#[test]
fn impossible_values_are_refused_as_serde_refuses_them() {
    for (text, reason) in [
        ("-3家", "a count cannot be negative"),
        ("-3 enterprises", "a count cannot be negative"),
        ("不足-1.5万人", "a count cannot be negative"),
        ("-28.8平方公里", "an area cannot be negative"),
        ("-1 km²", "an area cannot be negative"),
        ("-10.93件/万人", "a density cannot be negative"),
        ("1.5家", "a count is a whole number"),
        ("第0位", "a rank is a whole number from 1"),
    ] {
        let err = text.parse::<Figure>().unwrap_err().to_string();
        assert_eq!(
            err,
            format!("cannot parse {text:?} as a quantity: {reason}"),
            "{text}"
        );
    }
    // Zero, negative money and a fall still read.
    for text in ["0家", "-0家", "-5亿元", "-2.5%", "下降3位", "-1.5个百分点"] {
        assert!(text.parse::<Figure>().is_ok(), "{text}");
    }
}

#[test]
fn magnitudes_convert_exactly() {
    // 1004亿元 == 100 400 000 000 元 == 10 040 000 万元 (figures.md notation).
    let a: Quantity = "1004亿元".parse().unwrap();
    let b: Quantity = "100400000000元".parse().unwrap();
    let c: Quantity = "10040000万元".parse().unwrap();
    assert_eq!(a, b);
    assert_eq!(b, c);
    assert_eq!(
        a.to_magnitude(Magnitude::WAN).unwrap().value(),
        dec!(10040000)
    );
    assert_eq!(c.to_magnitude(Magnitude::YI).unwrap().value(), dec!(1004));
    assert_eq!(a.to_base().unwrap(), dec!(100400000000));
}

/// Figures round half away from zero for display: the top100 example printed the 90% interval of ranks
/// 106.95–135.05 as 107–135 (banker's rounding); Chinese statistical tables
/// round half away from zero (四舍五入). Expected values from Python's
/// `decimal` module: `Decimal("135.05").quantize(Decimal("0.1"),
/// ROUND_HALF_UP)` is 135.1 (`ROUND_HALF_EVEN` gives 135.0), 1391.385 at two
/// places is 1391.39 (half-even: 1391.38), 8.4995 is 8.50.
#[test]
fn display_rounds_half_away_from_zero() {
    use indstat::{DISPLAY_ROUNDING, PercentagePoints, Rate, round_for_display};
    use rust_decimal::RoundingStrategy;

    assert_eq!(DISPLAY_ROUNDING, RoundingStrategy::MidpointAwayFromZero);
    let interval = format!(
        "{}–{}",
        round_for_display(dec!(106.95), 1),
        round_for_display(dec!(135.05), 1)
    );
    assert_eq!(interval, "107.0–135.1");
    // Display with a precision rounds the same way, for every printed type;
    // before, a quantity's `{:.2}` cut its text to two characters.
    let q = Quantity::new(dec!(1391.385), Unit::YI_YUAN);
    assert_eq!(format!("{q:.2}"), "1391.39亿元");
    // Width counts characters, as for any string.
    assert_eq!(format!("{q:>12.1}"), "    1391.4亿元");
    assert_eq!(q.round_for_display(2).en(), "139.139 billion yuan");
    let f: Figure = "突破1800.05亿元".parse().unwrap();
    assert_eq!(format!("{f:.1}"), "1800.1余亿元");
    assert_eq!(f.round_for_display(1).en(), "more than 180.01 billion yuan");
    assert_eq!(
        format!("{:.2}", Rate::from_fraction(dec!(0.084995))),
        "8.50%"
    );
    assert_eq!(
        format!("{:.1}", PercentagePoints::new(dec!(-0.25))),
        "-0.3 pp"
    );
    // Rounding adds no digits and makes no negative zero.
    assert_eq!(
        format!("{:.2}", "1004亿元".parse::<Quantity>().unwrap()),
        "1004亿元"
    );
    assert_eq!(round_for_display(dec!(-0.004), 2).to_string(), "0.00");
    // Without a precision nothing is rounded: the exact digits.
    assert_eq!(q.to_string(), "1391.385亿元");
}

/// Conversions once kept the zeros a whole number gains when
/// its decimal point moves (`3000万元` → `0.3000亿元`, `168 million yuan` →
/// `1.6800亿元`). A whole number now gains none; written decimal places are
/// kept; the value is exactly the same.
#[test]
fn conversions_add_no_trailing_zeros() {
    let yi = |text: &str| {
        let q: Quantity = text.parse().unwrap();
        let c = q.to_magnitude(Magnitude::YI).unwrap();
        assert_eq!(c, q, "{text}");
        c.to_string()
    };
    assert_eq!(yi("3000万元"), "0.3亿元");
    assert_eq!(yi("168 million yuan"), "1.68亿元");
    assert_eq!(yi("1004亿元"), "1004亿元");
    assert_eq!(yi("100400000000元"), "1004亿元");
    // Decimal places that were written stay, moved with the point.
    assert_eq!(yi("1.50万元"), "0.000150亿元");
    assert_eq!(yi("3000.0万元"), "0.30000亿元");
    // Sums convert too: 1004亿元 + 100万元.
    let sum = "1004亿元"
        .parse::<Quantity>()
        .unwrap()
        .checked_add(&"100万元".parse().unwrap())
        .unwrap();
    assert_eq!(sum.to_string(), "1004.01亿元");
}

mod properties {
    use indstat::{Bound, Dimension, Figure, Magnitude, Noun, Period, Quantity, Unit};
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    fn decimal() -> impl Strategy<Value = Decimal> {
        // Small everyday numbers and the full 96-bit, 28-place range.
        prop_oneof![
            (any::<i64>(), 0u32..=12).prop_map(|(m, s)| Decimal::new(m, s)),
            (any::<i128>(), 0u32..=28)
                .prop_map(|(m, s)| { Decimal::from_i128_with_scale(m % (1i128 << 96), s) }),
        ]
    }

    fn dimension() -> impl Strategy<Value = Dimension> {
        let nouns = prop::sample::select(Noun::ALL.to_vec());
        prop_oneof![
            Just(Dimension::Yuan),
            Just(Dimension::SquareKm),
            Just(Dimension::Percent),
            Just(Dimension::PercentagePoint),
            Just(Dimension::Score),
            Just(Dimension::Ratio),
            nouns.clone().prop_map(Dimension::Count),
            nouns.prop_map(Dimension::PerTenThousandPeople),
        ]
    }

    fn quantity() -> impl Strategy<Value = Quantity> {
        let ordinary = (decimal(), dimension(), 0u8..=28).prop_map(|(v, d, m)| {
            let unit = Unit::new(d, Magnitude::new(m).unwrap()).unwrap_or(Unit::of(d));
            // Counts are whole numbers in base units; counts, areas and
            // densities are not negative (`Quantity::try_new`).
            let v = match d {
                Dimension::Count(_) => {
                    let places = u32::from(unit.magnitude().exponent());
                    v.abs().round_dp_with_strategy(
                        places.min(28),
                        rust_decimal::RoundingStrategy::ToZero,
                    )
                }
                Dimension::SquareKm | Dimension::PerTenThousandPeople(_) => v.abs(),
                _ => v,
            };
            Quantity::new(v, unit)
        });
        let ranks = (1i64..100_000).prop_map(|r| Quantity::new(Decimal::from(r), Unit::RANK));
        let moves = (-500i64..500).prop_map(|r| Quantity::new(Decimal::from(r), Unit::RANK_CHANGE));
        let zeros = (0u32..=28, dimension())
            .prop_map(|(s, d)| Quantity::new(Decimal::new(0, s), Unit::of(d)));
        prop_oneof![6 => ordinary, 1 => ranks, 1 => moves, 1 => zeros]
    }

    fn bound() -> impl Strategy<Value = Bound> {
        prop::sample::select(vec![
            Bound::Exact,
            Bound::AtLeast,
            Bound::MoreThan,
            Bound::AtMost,
            Bound::LessThan,
        ])
    }

    proptest! {
        /// Chinese text round-trips exactly: same bound, unit, magnitude and digits.
        #[test]
        fn zh_round_trip(q in quantity(), b in bound()) {
            let f = Figure::new(b, q);
            let text = f.zh();
            let back: Figure = text.parse().map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
            prop_assert_eq!(back.bound(), b);
            prop_assert_eq!(back.unit(), q.unit(), "{}", text);
            // Same value and same written digits (scale); -0 reads back as 0.
            prop_assert_eq!(back.value(), q.value(), "{}", text);
            prop_assert_eq!(back.value().scale(), q.value().scale(), "{}", text);
        }

        /// English text round-trips to an equal value (English rescales to
        /// million/billion/trillion, so the magnitude may differ).
        #[test]
        fn en_round_trip(q in quantity(), b in bound()) {
            let f = Figure::new(b, q);
            let text = f.en();
            let back: Figure = text.parse().map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
            prop_assert_eq!(back, f, "{}", text);
        }

        /// Exact comparison across magnitudes agrees with comparing base values
        /// wherever both fit a Decimal.
        #[test]
        fn cross_magnitude_order_matches_base(a in quantity(), b in quantity()) {
            let b = Quantity::new(b.value(), Unit::new(a.dimension(), b.unit().magnitude()).unwrap_or(a.unit()));
            if let (Ok(x), Ok(y)) = (a.to_base(), b.to_base()) {
                prop_assert_eq!(a.checked_cmp(&b).unwrap(), x.cmp(&y));
                prop_assert_eq!(a == b, x == y);
            }
        }

        /// Magnitude conversion is exact: converting back gives an equal value.
        #[test]
        fn magnitude_conversion_is_exact(q in quantity(), m in 0u8..=28) {
            let m = Magnitude::new(m).unwrap();
            if let Ok(c) = q.to_magnitude(m) {
                prop_assert_eq!(c, q);
                prop_assert_eq!(c.to_magnitude(q.unit().magnitude()).unwrap(), q);
            }
        }

        /// `round_for_display` is half away from zero, checked against whole
        /// numbers: |m| / 10^k rounded up exactly when twice the remainder
        /// reaches 10^k. A value with `dp` places or fewer comes back as it is.
        #[test]
        fn display_rounding_is_half_away_from_zero(m in any::<i128>(), scale in 0u32..=28, dp in 0u32..=28) {
            let m = m % (1i128 << 96);
            let x = Decimal::from_i128_with_scale(m, scale);
            let got = indstat::round_for_display(x, dp);
            if scale <= dp {
                prop_assert_eq!(got, x);
                prop_assert_eq!(got.scale(), x.scale());
            } else {
                let p = 10i128.pow(scale - dp);
                let (q, r) = (m.abs() / p, m.abs() % p);
                let q = if 2 * r >= p { q + 1 } else { q };
                let want = Decimal::from_i128_with_scale(m.signum() * q, dp);
                prop_assert_eq!(got, want, "{} at {}", x, dp);
                prop_assert_eq!(got.scale(), dp);
                prop_assert!(!(got.is_zero() && got.is_sign_negative()));
            }
        }

        /// SDMX period text round-trips, and previous/next are inverses.
        #[test]
        fn period_round_trip(y in 2i32..=9998, kind in 0u8..5, n in 1u8..=12) {
            let p = match kind {
                0 => Period::year(y),
                1 => Period::half(y, 1 + n % 2),
                2 => Period::quarter(y, 1 + n % 4),
                3 => Period::month(y, n),
                _ => Period::ytd(y, n),
            }.unwrap();
            prop_assert_eq!(p.to_string().parse::<Period>().unwrap(), p);
            prop_assert_eq!(format!("{p:#}").parse::<Period>().unwrap(), p);
            if let Ok(prev) = p.previous() {
                prop_assert_eq!(prev.next().unwrap(), p);
                prop_assert!(prev < p);
            }
            prop_assert_eq!(p.year_ago().unwrap().add_years(1).unwrap(), p);
        }
    }
}

/// A percentage-point change is written as `PercentagePoints` writes it, as
/// a move (`回落1.5个百分点`, `down 1.5 percentage points`; it was
/// `-1.5个百分点` in Chinese), and reads back; a rank change as `RankChange`
/// writes it.
#[test]
fn moves_are_written_as_their_types_write_them() {
    use indstat::PercentagePoints;
    use indstat::rank::RankChange;
    let points = |v| Figure::exact_value(Quantity::new(v, Unit::PERCENTAGE_POINT));
    assert_eq!(points(dec!(-1.5)).zh(), "回落1.5个百分点");
    assert_eq!(points(dec!(0.3)).zh(), "提高0.3个百分点");
    assert_eq!(points(dec!(-1.5)).en(), "down 1.5 percentage points");
    for v in [dec!(-1.5), dec!(0.3), dec!(1), dec!(-1), dec!(12.25)] {
        let (f, pp) = (points(v), PercentagePoints::new(v));
        assert_eq!(f.zh(), pp.zh(), "{v}");
        assert_eq!(f.en(), pp.en(), "{v}");
        assert_eq!(f.zh().parse::<Figure>().unwrap(), f, "{v}");
        assert_eq!(f.en().parse::<Figure>().unwrap(), f, "{v}");
    }
    // No change: 持平 / unchanged for the type; a figure of zero points is a
    // move of zero, since 持平 reads back as a rank change.
    assert_eq!(PercentagePoints::new(dec!(0)).zh(), "持平");
    assert_eq!(points(dec!(0)).zh(), "提高0个百分点");
    let at_least = Figure::new(
        Bound::AtLeast,
        Quantity::new(dec!(-2), Unit::PERCENTAGE_POINT),
    );
    assert_eq!(at_least.zh(), "回落2个百分点以下");
    assert_eq!(at_least.zh().parse::<Figure>().unwrap(), at_least);
    for (before, after) in [(5, 8), (139, 122), (5, 5), (4, 5), (6, 5)] {
        let change = RankChange::new(before, after).unwrap();
        let f = Figure::exact_value(Quantity::new(change.places().into(), Unit::RANK_CHANGE));
        assert_eq!(change.zh(), f.zh(), "{before} → {after}");
        assert_eq!(change.to_string(), f.en(), "{before} → {after}");
    }
}
