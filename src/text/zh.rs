//! The Chinese grammar: `突破1800亿元`, `4000余人`, `第122位`, `上升17位`,
//! `回落1.5个百分点`, `10.93件/万人`.

use rust_decimal::Decimal;

use super::lex::{combine, refuse, set_bound, strip_longest, unknown_unit};
use super::{Grammar, make, unit_dimension};
use crate::{Bound, Dimension, Figure, Magnitude, Noun, Quantity, Result};

/// The Chinese text forms.
pub(super) struct Zh;

const NOUN_WORDS: &[(&str, Noun)] = &[
    ("企业", Noun::Enterprise),
    ("项目", Noun::Project),
    ("事项", Noun::Item),
    ("问题", Noun::Problem),
    ("困难", Noun::Problem),
    ("平台", Noun::Platform),
    ("专利", Noun::Patent),
];

const CLASSIFIERS: &[&str] = &["家", "个", "件", "人", "名", "位", "项"];

/// The Chinese magnitude words, 十 (10^1) to 千万亿 (10^15).
const MAGNITUDE_WORDS: [(&str, Magnitude); 15] = {
    const fn m(e: u8) -> Magnitude {
        Magnitude::saturating(e)
    }
    [
        ("十", m(1)),
        ("百", m(2)),
        ("千", m(3)),
        ("万", m(4)),
        ("十万", m(5)),
        ("百万", m(6)),
        ("千万", m(7)),
        ("亿", m(8)),
        ("十亿", m(9)),
        ("百亿", m(10)),
        ("千亿", m(11)),
        ("万亿", m(12)),
        ("十万亿", m(13)),
        ("百万亿", m(14)),
        ("千万亿", m(15)),
    ]
};

/// 余 or 多 ("more than") next to the magnitude: 4000余人, 1800余亿元, 10万多人.
fn take_yu(s: &str) -> (bool, &str) {
    match s.strip_prefix('余').or_else(|| s.strip_prefix('多')) {
        Some(r) => (true, r),
        None => (false, s),
    }
}

impl Grammar for Zh {
    const PREFIX: &'static [(&'static str, Bound)] = &[
        ("突破", Bound::MoreThan),
        ("超过", Bound::MoreThan),
        ("逾", Bound::MoreThan),
        ("超", Bound::MoreThan),
        ("至少", Bound::AtLeast),
        ("不低于", Bound::AtLeast),
        ("不少于", Bound::AtLeast),
        ("不足", Bound::LessThan),
        ("不到", Bound::LessThan),
        ("低于", Bound::LessThan),
        ("最多", Bound::AtMost),
        ("不超过", Bound::AtMost),
    ];
    const SUFFIX: &'static [(&'static str, Bound)] = &[
        ("以上", Bound::AtLeast),
        ("及以上", Bound::AtLeast),
        ("以下", Bound::AtMost),
        ("及以下", Bound::AtMost),
        ("以内", Bound::AtMost),
    ];
    const RANK: &'static str = "第";
    const TOP: &'static str = "前";
    const RANK_UNITS: &'static [&'static str] = &["位", "名"];
    const UNCHANGED: &'static str = "持平";
    const MOVES: &'static [(&'static str, bool)] = &[
        ("上升", true),
        ("提升", true),
        ("前进", true),
        ("提高", true),
        ("下降", false),
        ("下滑", false),
        ("后退", false),
        ("回落", false),
        ("降低", false),
    ];
    const MOVE_UNITS: &'static [(&'static str, Dimension)] = &[
        ("位", Dimension::RankChange),
        ("名", Dimension::RankChange),
        ("个百分点", Dimension::PercentagePoint),
        ("百分点", Dimension::PercentagePoint),
    ];
    const NEGATIVE_MOVE: &'static str = "write a fall with 下降 or 回落, not a negative rise";
    const UNITS: &'static [(&'static str, Dimension)] = &[
        ("元", Dimension::Yuan),
        ("%", Dimension::Percent),
        ("％", Dimension::Percent),
        ("个百分点", Dimension::PercentagePoint),
        ("百分点", Dimension::PercentagePoint),
        ("平方公里", Dimension::SquareKm),
        ("平方千米", Dimension::SquareKm),
        ("km²", Dimension::SquareKm),
        ("分", Dimension::Score),
        ("倍", Dimension::Ratio),
    ];
    const PER_TEN_THOUSAND: &'static [&'static str] = &["/万人"];

    fn amount(
        input: &str,
        mut bound: Bound,
        value: Decimal,
        power: Option<u8>,
        rest: &str,
    ) -> Result<Figure> {
        let (yu_before, r) = take_yu(rest);
        let (mag, r) = strip_longest(r, &MAGNITUDE_WORDS, false).unwrap_or((Magnitude::ONE, r));
        let (yu_after, r) = take_yu(r);
        if yu_before || yu_after {
            if yu_before && yu_after {
                return Err(refuse(input, "more than one bound word"));
            }
            set_bound(input, &mut bound, Bound::MoreThan)?;
        }
        let mag = combine(input, power, mag)?;
        let dim = unit_dimension::<Zh>(input, r)?;
        let figure = make(input, bound, value, dim, mag)?;
        // A count keeps the measure word it was written with (82家平台).
        match CLASSIFIERS.iter().find(|c| r.starts_with(**c)) {
            Some(word) if matches!(dim, Dimension::Count(_)) => {
                let unit = figure.unit().with_measure_word(word)?;
                Ok(Figure::new(bound, Quantity::new(figure.value(), unit)))
            }
            _ => Ok(figure),
        }
    }

    /// Reads a measure word with an optional noun: `家`, `个项目`, `家平台`, `人`.
    fn count_noun(input: &str, unit: &str) -> Result<Noun> {
        let (cls, noun_word) = match CLASSIFIERS.iter().find(|c| unit.starts_with(**c)) {
            Some(c) => (*c, unit.get(c.len()..).unwrap_or("")),
            None => ("", unit),
        };
        if !noun_word.is_empty() {
            return NOUN_WORDS
                .iter()
                .find(|(w, _)| *w == noun_word)
                .map(|&(_, n)| n)
                .ok_or_else(|| unknown_unit(input, unit));
        }
        match cls {
            "家" => Ok(Noun::Enterprise),
            "人" | "名" => Ok(Noun::Person),
            "件" => Ok(Noun::Item),
            "位" => Ok(Noun::Place),
            "个" | "项" => Err(crate::Error::AmbiguousUnit {
                unit: cls.to_owned(),
                input: input.to_owned(),
                suggestion: input.trim().replacen(cls, "个项目", 1),
            }),
            _ => Err(unknown_unit(input, unit)),
        }
    }

    /// 件/万人 is the usual density: invention patents per 10,000 people.
    fn density_noun(input: &str, word: &str) -> Result<Noun> {
        match word {
            "件" => Ok(Noun::Patent),
            _ => Zh::count_noun(input, word),
        }
    }

    /// Rank changes and percentage-point changes are moves (`上升17位`,
    /// `回落1.5个百分点`).
    fn is_move(dim: Dimension) -> bool {
        matches!(dim, Dimension::RankChange | Dimension::PercentagePoint)
    }

    fn rank(v: Decimal) -> String {
        format!("第{v}位")
    }

    fn top(v: Decimal) -> String {
        format!("前{v}位")
    }

    fn moved(up: bool, n: Decimal, dim: Dimension) -> String {
        match (dim, up) {
            (Dimension::PercentagePoint, true) => format!("提高{n}个百分点"),
            (Dimension::PercentagePoint, false) => format!("回落{n}个百分点"),
            (_, true) => format!("上升{n}位"),
            (_, false) => format!("下降{n}位"),
        }
    }

    /// `{body}以上`, `超过{body}`, …
    fn wrap(bound: Bound, body: String, _: bool) -> String {
        match bound {
            Bound::Exact => body,
            Bound::AtLeast => format!("{body}以上"),
            Bound::MoreThan => format!("超过{body}"),
            Bound::AtMost => format!("{body}以下"),
            Bound::LessThan => format!("不足{body}"),
        }
    }

    fn write_amount(q: &Quantity, bound: Bound) -> String {
        let number = q.value().to_string();
        let unit = q.unit().zh();
        // 余 sits after the number (4000余人, 1800余亿元) for amounts and counts.
        let yu = bound == Bound::MoreThan
            && matches!(q.dimension(), Dimension::Yuan | Dimension::Count(_));
        match (yu, q.unit().magnitude().zh_name()) {
            (true, Some(name)) => {
                let word = unit.get(name.len()..).unwrap_or(&unit);
                format!("{number}余{name}{word}")
            }
            _ => Zh::wrap(bound, format!("{number}{unit}"), false),
        }
    }
}
