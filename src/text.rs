//! Chinese and English text forms of quantities and figures: `1004亿元`,
//! `4000余人`, `100.4 billion yuan`, `more than 4,000 people`.
//!
//! The grammar, in both languages, is: an optional bound word, a number, an
//! optional magnitude, a unit, an optional bound suffix. Numbers are plain
//! decimals (`1004`, `22.45`, `-3`), with optional comma grouping (`4,000`,
//! `4，000`); Chinese numerals (一千) are not read. Ranks (`第122位`, `122nd`),
//! rank changes (`上升17位`, `up 17 places`) and percentage points
//! (`回落1.5个百分点`, `down 1.5 percentage points`) have their own forms.
//!
//! Chinese text printed by [`Figure::zh`] reads back with the same bound, unit,
//! magnitude and digits. English text reads back to an equal value: English
//! writes magnitudes as thousand/million/billion/trillion, and reading stores
//! them at the Chinese magnitudes 万, 亿, 万亿 (100.4 billion yuan is read as
//! 1004亿元), so that Chinese output stays idiomatic.

use core::cmp::Ordering;
use core::str::FromStr;

use rust_decimal::Decimal;

use crate::exact::{cmp_scaled, shift_exact};
use crate::{Bound, Dimension, Error, Figure, Magnitude, Noun, Quantity, Result, Unit};

const EXPECTED: &str = "a quantity";

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// Parses Chinese or English text into a figure.
pub(crate) fn parse_figure(input: &str) -> Result<Figure> {
    let s = input.trim();
    if s.is_empty() {
        return Err(Error::parse(input, EXPECTED, "the text is empty"));
    }
    if s.chars().any(is_cjk) {
        // Spaces carry no meaning in Chinese text: "1004 亿元" is 1004亿元.
        let compact: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if c == '，' { ',' } else { c })
            .collect();
        parse_zh(input, &compact)
    } else {
        let lower = s.to_ascii_lowercase();
        let lower = lower.split_whitespace().collect::<Vec<_>>().join(" ");
        parse_en(input, &lower)
    }
}

/// Splits a leading decimal number off `s`: an optional sign, digits with
/// optional thousands separators, an optional fraction.
fn take_number<'a>(input: &str, s: &'a str) -> Result<(Decimal, &'a str)> {
    let (negative, body) = if let Some(r) = s.strip_prefix('-').or_else(|| s.strip_prefix('−')) {
        (true, r)
    } else if let Some(r) = s.strip_prefix('+') {
        (false, r)
    } else {
        (false, s)
    };
    let end = body
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map_or(body.len(), |(i, _)| i);
    // A trailing comma belongs to the text, not the number ("4,000, …").
    let num = body.get(..end).unwrap_or("").trim_end_matches(',');
    let rest = body.get(num.len()..).unwrap_or("");
    if !num.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(Error::parse(input, EXPECTED, "expected a number"));
    }
    let (int, frac) = match num.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (num, None),
    };
    if let Some(f) = frac {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::parse(
                input,
                EXPECTED,
                format!("malformed number {num:?}"),
            ));
        }
    }
    if int.contains(',') {
        let mut groups = int.split(',');
        let first = groups.next().unwrap_or("");
        let ok = !first.is_empty() && first.len() <= 3 && groups.all(|g| g.len() == 3);
        if !ok {
            return Err(Error::parse(
                input,
                EXPECTED,
                format!("misplaced thousands separator in {num:?}"),
            ));
        }
    }
    // Trailing zeros past 28 places carry no value: 1.000…0 (29 zeros) is 1.
    let frac = frac.map(|f| {
        let keep = f.trim_end_matches('0').len().max(f.len().min(28));
        f.get(..keep).unwrap_or(f)
    });
    let sign = if negative { "-" } else { "" };
    let digits = int.replace(',', "");
    let plain = match frac {
        Some(f) => format!("{sign}{digits}.{f}"),
        None => format!("{sign}{digits}"),
    };
    let value = Decimal::from_str_exact(&plain).map_err(|_| Error::NumberOutOfRange {
        input: num.to_owned(),
    })?;
    Ok((value, rest))
}

/// Reads an optional power of ten written after a number, `×10^16`, which
/// the writers use for values too large for a named magnitude.
fn take_power<'a>(input: &str, s: &'a str) -> Result<(Option<u8>, &'a str)> {
    let Some(r) = s.strip_prefix("×10^") else {
        return Ok((None, s));
    };
    let end = r.find(|c: char| !c.is_ascii_digit()).unwrap_or(r.len());
    let (digits, rest) = r.split_at(end);
    let exp = (1..=2)
        .contains(&digits.len())
        .then(|| digits.parse::<u8>().ok())
        .flatten()
        .filter(|e| *e <= 28)
        .ok_or_else(|| Error::parse(input, EXPECTED, "the power of ten must be 0 to 28"))?;
    Ok((Some(exp), rest))
}

/// Combines a written power of ten with a magnitude word (only one may be used).
fn combine(input: &str, power: Option<u8>, mag: Magnitude) -> Result<Magnitude> {
    match power {
        None => Ok(mag),
        Some(p) if mag == Magnitude::ONE => Magnitude::new(p),
        Some(_) => Err(Error::parse(
            input,
            EXPECTED,
            "a power of ten and a magnitude word together",
        )),
    }
}

fn strip_longest<'a, T: Copy>(
    s: &'a str,
    table: &[(&str, T)],
    suffix: bool,
) -> Option<(T, &'a str)> {
    table
        .iter()
        .filter(|(w, _)| {
            if suffix {
                s.ends_with(w)
            } else {
                s.starts_with(w)
            }
        })
        .max_by_key(|(w, _)| w.len())
        .and_then(|&(w, t)| {
            let rest = if suffix {
                s.get(..s.len().saturating_sub(w.len()))
            } else {
                s.get(w.len()..)
            };
            rest.map(|r| (t, r))
        })
}

fn set_bound(input: &str, slot: &mut Bound, b: Bound) -> Result<()> {
    if slot.is_exact() {
        *slot = b;
        Ok(())
    } else {
        Err(Error::parse(input, EXPECTED, "more than one bound word"))
    }
}

/// The bound of `−x` when `x` has bound `b`: a fall of "17 places or more" is
/// a change of −17 or less.
fn flip(b: Bound) -> Bound {
    match b {
        Bound::Exact => Bound::Exact,
        Bound::AtLeast => Bound::AtMost,
        Bound::MoreThan => Bound::LessThan,
        Bound::AtMost => Bound::AtLeast,
        Bound::LessThan => Bound::MoreThan,
    }
}

/// `−v`, which cannot overflow: Decimal's range is symmetric.
fn negate(mut v: Decimal) -> Decimal {
    v.set_sign_negative(!v.is_sign_negative());
    v
}

/// Checks what the dimension requires of the number and builds the figure.
fn make(
    input: &str,
    bound: Bound,
    value: Decimal,
    dim: Dimension,
    mag: Magnitude,
) -> Result<Figure> {
    let unit = Unit::new(dim, mag).map_err(|_| {
        Error::parse(
            input,
            EXPECTED,
            format!("{} takes no magnitude", dim.code()),
        )
    })?;
    // Whole in base units: no more decimal places than the magnitude absorbs.
    let whole = value.normalize().scale() <= u32::from(mag.exponent());
    let problem = match dim {
        Dimension::Count(_) if !whole => Some("a count is a whole number"),
        Dimension::Rank if !whole || value < Decimal::ONE => {
            Some("a rank is a whole number from 1")
        }
        Dimension::RankChange if !whole => Some("a rank change is a whole number of places"),
        _ => None,
    };
    if let Some(reason) = problem {
        return Err(Error::parse(input, EXPECTED, reason));
    }
    Ok(Figure::new(bound, Quantity::new(value, unit)))
}

// ---------------------------------------------------------------- Chinese

const ZH_PREFIX: &[(&str, Bound)] = &[
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

const ZH_SUFFIX: &[(&str, Bound)] = &[
    ("以上", Bound::AtLeast),
    ("及以上", Bound::AtLeast),
    ("以下", Bound::AtMost),
    ("及以下", Bound::AtMost),
    ("以内", Bound::AtMost),
];

/// Words that say which way a rank or a percentage moved.
const ZH_MOVES: &[(&str, bool)] = &[
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

const ZH_NOUN_WORDS: &[(&str, Noun)] = &[
    ("企业", Noun::Enterprise),
    ("项目", Noun::Project),
    ("事项", Noun::Item),
    ("问题", Noun::Problem),
    ("困难", Noun::Problem),
    ("平台", Noun::Platform),
    ("专利", Noun::Patent),
];

const ZH_CLASSIFIERS: &[&str] = &["家", "个", "件", "人", "名", "位", "项"];

fn take_yu(s: &str) -> (bool, &str) {
    match s.strip_prefix('余').or_else(|| s.strip_prefix('多')) {
        Some(r) => (true, r),
        None => (false, s),
    }
}

fn parse_zh(input: &str, s: &str) -> Result<Figure> {
    let mut bound = Bound::Exact;
    let mut rest = s;
    if let Some((b, r)) = strip_longest(rest, ZH_PREFIX, false) {
        bound = b;
        rest = r;
    }
    if let Some((b, r)) = strip_longest(rest, ZH_SUFFIX, true) {
        set_bound(input, &mut bound, b)?;
        rest = r;
    }

    // Ranks: 第122位, 前100位 (the top 100).
    if let Some(r) = rest.strip_prefix('第') {
        let (v, r) = take_number(input, r)?;
        return zh_tail(input, r, &["位", "名"], bound, v, Dimension::Rank);
    }
    if let Some(r) = rest.strip_prefix('前') {
        let (v, r) = take_number(input, r)?;
        set_bound(input, &mut bound, Bound::AtMost)?;
        return zh_tail(input, r, &["位", "名"], bound, v, Dimension::Rank);
    }
    if rest == "持平" {
        return make(
            input,
            bound,
            Decimal::ZERO,
            Dimension::RankChange,
            Magnitude::ONE,
        );
    }
    // Moves: 上升17位, 下降3位, 提高0.3个百分点, 回落1.5个百分点.
    if let Some((up, r)) = strip_longest(rest, ZH_MOVES, false) {
        let (v, r) = take_number(input, r)?;
        if v.is_sign_negative() {
            return Err(Error::parse(
                input,
                EXPECTED,
                "write a fall with 下降 or 回落, not a negative rise",
            ));
        }
        let (v, bound) = if up {
            (v, bound)
        } else {
            (negate(v), flip(bound))
        };
        let dim = if r.ends_with("百分点") {
            Dimension::PercentagePoint
        } else {
            Dimension::RankChange
        };
        return zh_tail(input, r, &["位", "名", "个百分点", "百分点"], bound, v, dim);
    }

    let (value, r) = take_number(input, rest)?;
    let (power, r) = take_power(input, r)?;
    let (yu_before, r) = take_yu(r);
    let (mag, r) = match strip_longest(r, &ZH_MAGNITUDE_WORDS, false) {
        Some((m, r)) => (m, r),
        None => (Magnitude::ONE, r),
    };
    let (yu_after, r) = take_yu(r);
    if yu_before || yu_after {
        if yu_before && yu_after {
            return Err(Error::parse(input, EXPECTED, "more than one bound word"));
        }
        set_bound(input, &mut bound, Bound::MoreThan)?;
    }
    let mag = combine(input, power, mag)?;
    let dim = zh_unit(input, r)?;
    make(input, bound, value, dim, mag)
}

/// The Chinese magnitude words, 十 (10^1) to 千万亿 (10^15).
const ZH_MAGNITUDE_WORDS: [(&str, Magnitude); 15] = {
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

fn zh_tail(
    input: &str,
    rest: &str,
    allowed: &[&str],
    bound: Bound,
    v: Decimal,
    dim: Dimension,
) -> Result<Figure> {
    if !allowed.contains(&rest) {
        return Err(Error::UnknownUnit {
            unit: rest.to_owned(),
            input: input.to_owned(),
        });
    }
    make(input, bound, v, dim, Magnitude::ONE)
}

fn zh_unit(input: &str, unit: &str) -> Result<Dimension> {
    let unknown = || Error::UnknownUnit {
        unit: unit.to_owned(),
        input: input.to_owned(),
    };
    let fixed: &[(&str, Dimension)] = &[
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
    if let Some(&(_, d)) = fixed.iter().find(|(w, _)| *w == unit) {
        return Ok(d);
    }
    if let Some(per) = unit.strip_suffix("/万人") {
        // 件/万人 is the usual density: invention patents per 10,000 people.
        let noun = match per {
            "件" => Noun::Patent,
            _ => zh_count_noun(input, per)?,
        };
        return Ok(Dimension::PerTenThousandPeople(noun));
    }
    if unit.is_empty() {
        return Err(Error::parse(input, EXPECTED, "the unit is missing"));
    }
    zh_count_noun(input, unit)
        .map(Dimension::Count)
        .map_err(|e| match e {
            Error::UnknownUnit { .. } => unknown(),
            other => other,
        })
}

/// Reads a measure word with an optional noun: `家`, `个项目`, `家平台`, `人`.
fn zh_count_noun(input: &str, unit: &str) -> Result<Noun> {
    let unknown = || Error::UnknownUnit {
        unit: unit.to_owned(),
        input: input.to_owned(),
    };
    let (cls, noun_word) = match ZH_CLASSIFIERS.iter().find(|c| unit.starts_with(**c)) {
        Some(c) => (*c, unit.get(c.len()..).unwrap_or("")),
        None => ("", unit),
    };
    if !noun_word.is_empty() {
        return ZH_NOUN_WORDS
            .iter()
            .find(|(w, _)| *w == noun_word)
            .map(|&(_, n)| n)
            .ok_or_else(unknown);
    }
    match cls {
        "家" => Ok(Noun::Enterprise),
        "人" | "名" => Ok(Noun::Person),
        "件" => Ok(Noun::Item),
        "位" => Ok(Noun::Place),
        "个" | "项" => Err(Error::AmbiguousUnit {
            unit: cls.to_owned(),
            input: input.to_owned(),
            suggestion: input.trim().replacen(cls, "个项目", 1),
        }),
        _ => Err(unknown()),
    }
}

/// Writes a Chinese figure around its number: `{body}以上`, `超过{body}`, …
fn zh_wrap(bound: Bound, body: String) -> String {
    match bound {
        Bound::Exact => body,
        Bound::AtLeast => format!("{body}以上"),
        Bound::MoreThan => format!("超过{body}"),
        Bound::AtMost => format!("{body}以下"),
        Bound::LessThan => format!("不足{body}"),
    }
}

pub(crate) fn zh(f: &Figure) -> String {
    let q = f.quantity();
    let v = q.value();
    let bound = f.bound();
    let dim = q.dimension();
    match dim {
        Dimension::Rank if bound == Bound::AtMost => format!("前{v}位"),
        Dimension::Rank => zh_wrap(bound, format!("第{v}位")),
        Dimension::RankChange if v.is_zero() && bound.is_exact() => "持平".to_owned(),
        Dimension::RankChange if v.is_sign_negative() => {
            zh_wrap(flip(bound), format!("下降{}位", v.abs()))
        }
        Dimension::RankChange => zh_wrap(bound, format!("上升{v}位")),
        _ => {
            let mag = q.unit().magnitude();
            let number = v.to_string();
            let unit = q.unit().zh();
            // 余 sits after the number (4000余人, 1800余亿元) for amounts and counts.
            let yu =
                bound == Bound::MoreThan && matches!(dim, Dimension::Yuan | Dimension::Count(_));
            match (yu, mag.zh_name()) {
                (true, Some(name)) => {
                    let word = unit.get(name.len()..).unwrap_or(&unit);
                    format!("{number}余{name}{word}")
                }
                _ => zh_wrap(bound, format!("{number}{unit}")),
            }
        }
    }
}

// ---------------------------------------------------------------- English

const EN_PREFIX: &[(&str, Bound)] = &[
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

const EN_SUFFIX: &[(&str, Bound)] = &[
    (" or more", Bound::AtLeast),
    (" and above", Bound::AtLeast),
    (" or less", Bound::AtMost),
    (" or fewer", Bound::AtMost),
    (" and below", Bound::AtMost),
];

const EN_SCALES: [(&str, Magnitude); 4] = [
    (" thousand", Magnitude::THOUSAND),
    (" million", Magnitude::MILLION),
    (" billion", Magnitude::BILLION),
    (" trillion", Magnitude::WAN_YI),
];

fn parse_en(input: &str, s: &str) -> Result<Figure> {
    let mut bound = Bound::Exact;
    let mut rest = s;
    if let Some((b, r)) = strip_longest(rest, EN_PREFIX, false) {
        bound = b;
        rest = r;
    }
    if let Some((b, r)) = strip_longest(rest, EN_SUFFIX, true) {
        set_bound(input, &mut bound, b)?;
        rest = r;
    }

    // Ranks: 122nd, rank 122, top 100.
    if let Some(r) = rest.strip_prefix("rank ") {
        let (v, r) = take_number(input, r)?;
        return en_rank_tail(input, r, bound, v);
    }
    if let Some(r) = rest.strip_prefix("top ") {
        let (v, r) = take_number(input, r)?;
        set_bound(input, &mut bound, Bound::AtMost)?;
        return en_rank_tail(input, r, bound, v);
    }
    if rest == "unchanged" {
        return make(
            input,
            bound,
            Decimal::ZERO,
            Dimension::RankChange,
            Magnitude::ONE,
        );
    }
    // Moves: up 17 places, down 1.5 percentage points.
    if let Some((up, r)) = strip_longest(rest, &[("up ", true), ("down ", false)], false) {
        let (v, r) = take_number(input, r)?;
        if v.is_sign_negative() {
            return Err(Error::parse(
                input,
                EXPECTED,
                "write a fall as 'down N', not a negative rise",
            ));
        }
        let dim = match r {
            " places" | " place" => Dimension::RankChange,
            " percentage points" | " percentage point" | " pp" => Dimension::PercentagePoint,
            other => {
                return Err(Error::UnknownUnit {
                    unit: other.trim().to_owned(),
                    input: input.to_owned(),
                });
            }
        };
        let (v, bound) = if up {
            (v, bound)
        } else {
            (negate(v), flip(bound))
        };
        return make(input, bound, v, dim, Magnitude::ONE);
    }

    let (value, rest) = take_number(input, rest)?;
    let (power, rest) = take_power(input, rest)?;
    if let Some(suffix) = ["st", "nd", "rd", "th"].iter().find(|x| rest == **x) {
        if value.is_sign_negative() || *suffix != ordinal_suffix(value) {
            return Err(Error::parse(input, EXPECTED, "wrong ordinal suffix"));
        }
        return en_rank_tail(input, "", bound, value);
    }
    let (mag, rest) = match strip_longest(rest, &EN_SCALES, false) {
        Some((m, r)) => (m, r),
        None => (Magnitude::ONE, rest),
    };
    let mag = combine(input, power, mag)?;
    let unit = rest.strip_prefix(' ').unwrap_or(rest);
    let dim = en_unit(input, unit)?;
    let (value, mag) = to_chinese_magnitude(value, mag);
    make(input, bound, value, dim, mag)
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

fn en_rank_tail(input: &str, rest: &str, bound: Bound, v: Decimal) -> Result<Figure> {
    if !rest.is_empty() {
        return Err(Error::UnknownUnit {
            unit: rest.trim().to_owned(),
            input: input.to_owned(),
        });
    }
    make(input, bound, v, Dimension::Rank, Magnitude::ONE)
}

fn en_unit(input: &str, unit: &str) -> Result<Dimension> {
    let fixed: &[(&str, Dimension)] = &[
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
    // "8.5%" has no space; the number parser stopped right at '%' or '×'.
    if let Some(&(_, d)) = fixed.iter().find(|(w, _)| *w == unit) {
        return Ok(d);
    }
    for per in [" per 10,000 people", " per 10000 people", " per 10k people"] {
        if let Some(noun) = unit.strip_suffix(per) {
            return noun
                .parse::<Noun>()
                .map(Dimension::PerTenThousandPeople)
                .map_err(|_| Error::UnknownUnit {
                    unit: noun.to_owned(),
                    input: input.to_owned(),
                });
        }
    }
    if unit.is_empty() {
        return Err(Error::parse(input, EXPECTED, "the unit is missing"));
    }
    unit.parse::<Noun>()
        .map(Dimension::Count)
        .map_err(|_| Error::UnknownUnit {
            unit: unit.to_owned(),
            input: input.to_owned(),
        })
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

/// Groups the integer part of a plain decimal with commas: `-1234.5` → `-1,234.5`.
pub(crate) fn group_thousands(plain: &str) -> String {
    let (sign, body) = match plain.strip_prefix('-') {
        Some(b) => ("-", b),
        None => ("", plain),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let mut out = String::with_capacity(plain.len().saturating_add(8));
    out.push_str(sign);
    let len = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (len.saturating_sub(i)) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// The number of a figure in English, with its scale word and whether it is
/// exactly one: money and counts in the largest of trillion, billion and
/// million that the value reaches, everything else at magnitude 1; plain with
/// commas below a million.
#[allow(clippy::arithmetic_side_effects)] // exponents are 0..=28
fn en_number(q: &Quantity) -> (String, &'static str, bool) {
    let mag = q.unit().magnitude();
    let target = if matches!(q.dimension(), Dimension::Yuan | Dimension::Count(_)) {
        [12u8, 9, 6]
            .into_iter()
            .filter_map(|e| Magnitude::new(e).ok())
            .find(|m| cmp_scaled(q.value().abs(), mag, Decimal::ONE, *m) != Ordering::Less)
            .unwrap_or(Magnitude::ONE)
    } else {
        Magnitude::ONE
    };
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

pub(crate) fn en(f: &Figure) -> String {
    let q = f.quantity();
    let v = q.value();
    let mut bound = f.bound();
    let is_move = matches!(
        q.dimension(),
        Dimension::RankChange | Dimension::PercentagePoint
    );
    let body = match q.dimension() {
        Dimension::Rank if bound == Bound::AtMost => return format!("top {v}"),
        Dimension::Rank => format!("{}{}", group_thousands(&v.to_string()), ordinal_suffix(v)),
        Dimension::RankChange if v.is_zero() && bound.is_exact() => "unchanged".to_owned(),
        dim @ (Dimension::RankChange | Dimension::PercentagePoint) => {
            let n = v.abs();
            let unit = match (dim, n == Decimal::ONE) {
                (Dimension::RankChange, true) => "place",
                (Dimension::RankChange, false) => "places",
                (_, true) => "percentage point",
                (_, false) => "percentage points",
            };
            if v.is_sign_negative() {
                bound = flip(bound);
                format!("down {n} {unit}")
            } else {
                format!("up {n} {unit}")
            }
        }
        dim => {
            let (number, scale, one) = en_number(q);
            let scale = if scale.is_empty() {
                String::new()
            } else {
                format!(" {scale}")
            };
            match dim {
                Dimension::Percent => format!("{number}%"),
                Dimension::Ratio => format!("{number}×"),
                Dimension::SquareKm => format!("{number} km²"),
                Dimension::Count(n) => format!("{number}{scale} {}", n.en_for(one)),
                other => format!("{number}{scale} {}", Unit::of(other).en()),
            }
        }
    };
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

impl Figure {
    /// The Chinese text form: `1004亿元`, `4000余人`, `10家以上`, `第122位`,
    /// `上升17位`, `10.93件/万人`. Reading it back gives the same bound, unit,
    /// magnitude and digits.
    ///
    /// ```
    /// let f: indstat::Figure = "突破1800亿元".parse()?;
    /// assert_eq!(f.zh(), "1800余亿元");
    /// let fall: indstat::Figure = "下降17位以上".parse()?; // a change of −17 or less
    /// assert_eq!(fall.bound(), indstat::Bound::AtMost);
    /// assert_eq!(fall.zh(), "下降17位以上");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn zh(&self) -> String {
        zh(self)
    }

    /// The English text form: `100.4 billion yuan`, `more than 4,000 people`,
    /// `at least 10 enterprises`, `122nd`, `up 17 places`. Money and counts
    /// are written in the largest of million, billion and trillion they reach.
    ///
    /// ```
    /// let f: indstat::Figure = "4000余人".parse()?;
    /// assert_eq!(f.en(), "more than 4,000 people");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn en(&self) -> String {
        en(self)
    }
}

impl FromStr for Figure {
    type Err = Error;

    /// Reads Chinese or English text (see the crate's text forms).
    fn from_str(s: &str) -> Result<Self> {
        parse_figure(s)
    }
}

impl Quantity {
    /// The Chinese text form: `1004亿元`, `755家`, `8.5%`, `第122位`, at the
    /// quantity's own magnitude (above 10^15, which Chinese does not name in
    /// one word, as `5×10^16元`).
    ///
    /// ```
    /// let q: indstat::Quantity = "100.4 billion yuan".parse()?;
    /// assert_eq!(q.zh(), "1004亿元");
    /// assert_eq!("5千万元".parse::<indstat::Quantity>()?.zh(), "5千万元");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn zh(&self) -> String {
        zh(&Figure::exact_value(*self))
    }

    /// The English text form: `100.4 billion yuan`, `755 enterprises`, `8.5%`.
    ///
    /// ```
    /// let q: indstat::Quantity = "1.68亿元".parse()?;
    /// assert_eq!(q.en(), "168 million yuan");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn en(&self) -> String {
        en(&Figure::exact_value(*self))
    }
}

impl FromStr for Quantity {
    type Err = Error;

    /// Reads an exact figure in Chinese or English text.
    ///
    /// A bound (`4000余人`) is [`Error::NotExact`]: read it as a [`Figure`].
    fn from_str(s: &str) -> Result<Self> {
        let f = parse_figure(s)?;
        f.exact_for("a Quantity (parse bounds as a Figure)")
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping() {
        assert_eq!(group_thousands("4000"), "4,000");
        assert_eq!(group_thousands("100"), "100");
        assert_eq!(group_thousands("-1234567.891"), "-1,234,567.891");
        assert_eq!(group_thousands("0.5"), "0.5");
    }

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
