//! The English grammar: `more than 180 billion yuan`, `4,000 people`,
//! `122nd`, `up 17 places`, `down 1.5 percentage points`.

use core::cmp::Ordering;

use rust_decimal::Decimal;

use super::lex::{combine, group_thousands, refuse, strip_longest, unknown_unit};
use super::{Grammar, make, unit_dimension};
use crate::exact::{cmp_scaled, shift_exact};
use crate::{Bound, Dimension, Figure, Magnitude, Noun, Quantity, Result, Unit};

/// The English text forms.
pub(super) struct En;

const SCALES: [(&str, Magnitude); 4] = [
    (" thousand", Magnitude::THOUSAND),
    (" million", Magnitude::MILLION),
    (" billion", Magnitude::BILLION),
    (" trillion", Magnitude::WAN_YI),
];

impl Grammar for En {
    const PREFIX: &'static [(&'static str, Bound)] = &[
        ("more than ", Bound::MoreThan),
        ("over ", Bound::MoreThan),
        ("above ", Bound::MoreThan),
        ("exceeding ", Bound::MoreThan),
        ("at least ", Bound::AtLeast),
        ("at most ", Bound::AtMost),
        ("up to ", Bound::AtMost),
        ("less than ", Bound::LessThan),
        ("fewer than ", Bound::LessThan),
        ("under ", Bound::LessThan),
        ("below ", Bound::LessThan),
    ];
    const SUFFIX: &'static [(&'static str, Bound)] = &[
        (" or more", Bound::AtLeast),
        (" and above", Bound::AtLeast),
        (" or less", Bound::AtMost),
        (" or fewer", Bound::AtMost),
        (" and below", Bound::AtMost),
    ];
    const RANK: &'static str = "rank ";
    const TOP: &'static str = "top ";
    const RANK_UNITS: &'static [&'static str] = &[""];
    const UNCHANGED: &'static str = "unchanged";
    const MOVES: &'static [(&'static str, bool)] = &[("up ", true), ("down ", false)];
    const MOVE_UNITS: &'static [(&'static str, Dimension)] = &[
        (" places", Dimension::RankChange),
        (" place", Dimension::RankChange),
        (" percentage points", Dimension::PercentagePoint),
        (" percentage point", Dimension::PercentagePoint),
        (" pp", Dimension::PercentagePoint),
    ];
    const NEGATIVE_MOVE: &'static str = "write a fall as 'down N', not a negative rise";
    // "8.5%" has no space; the number parser stopped right at '%' or '×'.
    const UNITS: &'static [(&'static str, Dimension)] = &[
        ("yuan", Dimension::Yuan),
        ("rmb", Dimension::Yuan),
        ("%", Dimension::Percent),
        ("percent", Dimension::Percent),
        ("per cent", Dimension::Percent),
        ("percentage points", Dimension::PercentagePoint),
        ("percentage point", Dimension::PercentagePoint),
        ("pp", Dimension::PercentagePoint),
        ("km²", Dimension::SquareKm),
        ("km2", Dimension::SquareKm),
        ("sq km", Dimension::SquareKm),
        ("square kilometres", Dimension::SquareKm),
        ("square kilometers", Dimension::SquareKm),
        ("points", Dimension::Score),
        ("point", Dimension::Score),
        ("×", Dimension::Ratio),
        ("times", Dimension::Ratio),
    ];
    const PER_TEN_THOUSAND: &'static [&'static str] =
        &[" per 10,000 people", " per 10000 people", " per 10k people"];

    /// An ordinal (`122nd`) is a rank; otherwise a scale word (thousand,
    /// million, …) and a unit, stored at the Chinese magnitude below the scale.
    fn amount(
        input: &str,
        bound: Bound,
        value: Decimal,
        power: Option<u8>,
        rest: &str,
    ) -> Result<Figure> {
        if let Some(suffix) = ["st", "nd", "rd", "th"].iter().find(|x| rest == **x) {
            if value.is_sign_negative() || *suffix != ordinal_suffix(value) {
                return Err(refuse(input, "wrong ordinal suffix"));
            }
            return make(input, bound, value, Dimension::Rank, Magnitude::ONE);
        }
        let (mag, rest) = strip_longest(rest, &SCALES, false).unwrap_or((Magnitude::ONE, rest));
        let mag = combine(input, power, mag)?;
        let unit = rest.strip_prefix(' ').unwrap_or(rest);
        let dim = unit_dimension::<En>(input, unit)?;
        let (value, mag) = to_chinese_magnitude(value, mag);
        make(input, bound, value, dim, mag)
    }

    fn count_noun(input: &str, word: &str) -> Result<Noun> {
        word.parse::<Noun>().map_err(|_| unknown_unit(input, word))
    }

    fn is_move(dim: Dimension) -> bool {
        matches!(dim, Dimension::RankChange | Dimension::PercentagePoint)
    }

    fn rank(v: Decimal) -> String {
        format!("{}{}", group_thousands(&v.to_string()), ordinal_suffix(v))
    }

    fn top(v: Decimal) -> String {
        format!("top {v}")
    }

    fn moved(up: bool, n: Decimal, dim: Dimension) -> String {
        let unit = match (dim, n == Decimal::ONE) {
            (Dimension::RankChange, true) => "place",
            (Dimension::RankChange, false) => "places",
            (_, true) => "percentage point",
            (_, false) => "percentage points",
        };
        match up {
            true => format!("up {n} {unit}"),
            false => format!("down {n} {unit}"),
        }
    }

    fn wrap(bound: Bound, body: String, is_move: bool) -> String {
        match bound {
            Bound::Exact => body,
            // "down 17 places or more" reads better than "at least down 17 places".
            Bound::AtLeast if is_move => format!("{body} or more"),
            Bound::AtMost if is_move => format!("{body} or less"),
            Bound::AtLeast => format!("at least {body}"),
            Bound::MoreThan => format!("more than {body}"),
            Bound::AtMost => format!("at most {body}"),
            Bound::LessThan => format!("less than {body}"),
        }
    }

    fn write_amount(q: &Quantity, bound: Bound) -> String {
        let (number, scale, one) = en_number(q);
        let scale = if scale.is_empty() {
            String::new()
        } else {
            format!(" {scale}")
        };
        let body = match q.dimension() {
            Dimension::Percent => format!("{number}%"),
            Dimension::Ratio => format!("{number}×"),
            Dimension::SquareKm => format!("{number} km²"),
            Dimension::Count(n) => format!("{number}{scale} {}", n.en_for(one)),
            other => format!("{number}{scale} {}", Unit::of(other).en()),
        };
        En::wrap(bound, body, false)
    }
}

/// Re-expresses a value read at an English scale (thousand, million, billion)
/// at the Chinese magnitude below it (1, 万, 亿), exactly: 100.4 billion is
/// 1004亿. Left as it is when the value would not fit.
#[allow(clippy::arithmetic_side_effects)] // exponents are 0..=28
fn to_chinese_magnitude(value: Decimal, mag: Magnitude) -> (Decimal, Magnitude) {
    let e = mag.exponent();
    if matches!(e, 0 | 4 | 8 | 12) || e > 12 {
        return (value, mag);
    }
    let target = e - e % 4;
    match (
        shift_exact(value, i32::from(e - target)),
        Magnitude::new(target),
    ) {
        (Some(v), Ok(m)) => (v, m),
        _ => (value, mag),
    }
}

#[allow(clippy::arithmetic_side_effects)] // remainders by non-zero constants cannot fail
fn ordinal_suffix(v: Decimal) -> &'static str {
    let n = (v.abs() % Decimal::ONE_HUNDRED).trunc();
    let teen = n >= Decimal::TEN && n <= Decimal::from(20);
    let last = (n % Decimal::TEN).trunc();
    if teen {
        "th"
    } else if last == Decimal::ONE {
        "st"
    } else if last == Decimal::TWO {
        "nd"
    } else if last == Decimal::from(3) {
        "rd"
    } else {
        "th"
    }
}

/// The scale English writes money and counts of dimension `dim` at: the
/// largest of trillion, billion and million that any of `values` (at
/// `magnitude`) reaches, else none (magnitude 1). `None` for every other
/// dimension, which English writes without a scale word. One value for a
/// figure, a column of values for a report's table.
pub(crate) fn en_scale(
    dim: Dimension,
    magnitude: Magnitude,
    values: impl IntoIterator<Item = Decimal>,
) -> Option<Magnitude> {
    if !matches!(dim, Dimension::Yuan | Dimension::Count(_)) {
        return None;
    }
    let Some(largest) = values.into_iter().map(|v| v.abs()).max() else {
        return Some(Magnitude::ONE);
    };
    Some(
        [Magnitude::WAN_YI, Magnitude::BILLION, Magnitude::MILLION]
            .into_iter()
            .find(|m| cmp_scaled(largest, magnitude, Decimal::ONE, *m) != Ordering::Less)
            .unwrap_or(Magnitude::ONE),
    )
}

/// The number of a figure in English, with its scale word and whether it is
/// exactly one: money and counts at their [`en_scale`], everything else at
/// magnitude 1; plain with commas below a million.
#[allow(clippy::arithmetic_side_effects)] // exponents are 0..=28
fn en_number(q: &Quantity) -> (String, &'static str, bool) {
    let mag = q.unit().magnitude();
    let target = en_scale(q.dimension(), mag, [q.value()]).unwrap_or(Magnitude::ONE);
    let shift = i32::from(mag.exponent()) - i32::from(target.exponent());
    let value = if shift == 0 {
        Some(q.value())
    } else {
        shift_exact(q.value(), shift).map(|v| v.normalize())
    };
    match value {
        Some(v) => {
            let one = v == Decimal::ONE && target == Magnitude::ONE;
            let word = target.en_name().unwrap_or("");
            (group_thousands(&v.to_string()), word, one)
        }
        None => (
            format!(
                "{}×10^{}",
                group_thousands(&q.value().to_string()),
                mag.exponent()
            ),
            "",
            false,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals() {
        let cases = [
            (1, "st"),
            (2, "nd"),
            (3, "rd"),
            (4, "th"),
            (11, "th"),
            (12, "th"),
            (13, "th"),
            (21, "st"),
            (22, "nd"),
            (101, "st"),
            (111, "th"),
            (112, "th"),
            (113, "th"),
            (122, "nd"),
            (123, "rd"),
        ];
        for (n, s) in cases {
            assert_eq!(ordinal_suffix(Decimal::from(n)), s, "{n}");
        }
    }

    #[test]
    fn english_scales_become_chinese_magnitudes() {
        let m = |e| Magnitude::new(e).unwrap();
        assert_eq!(
            to_chinese_magnitude(Decimal::new(1004, 1), m(9)),
            (Decimal::from(1004), m(8))
        );
        assert_eq!(
            to_chinese_magnitude(Decimal::from(168), m(6)),
            (Decimal::from(16800), m(4))
        );
        assert_eq!(
            to_chinese_magnitude(Decimal::from(5), m(3)),
            (Decimal::from(5000), m(0))
        );
    }
}
