//! Text forms of quantities and figures: the list, read and written
//! back exactly, in Chinese and English.
#![allow(clippy::unwrap_used)]

use indstat::{Bound, Figure, Magnitude, Quantity, Unit};
use rust_decimal_macros::dec;

/// (text, bound, value, unit code) — Chinese forms from the article
/// (seed/figures.md) print back to the same text.
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
