//! Chinese and English text forms of quantities and figures: `1004亿元`,
//! `4000余人`, `100.4 billion yuan`, `more than 4,000 people`.
//!
//! The grammar, in both languages, is: an optional bound word, a number, an
//! optional magnitude, a unit, an optional bound suffix. Numbers are plain
//! decimals (`1004`, `22.45`, `-3`), with comma grouping in English
//! (`4,000`); Chinese numerals (一千) are not read. Ranks (`第122位`, `122nd`) and
//! rank changes (`上升17位`, `up 17 places`) have their own forms.

use core::str::FromStr;

use rust_decimal::Decimal;

use core::cmp::Ordering;

use crate::quantity::{cmp_scaled, shift_exact};
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
        parse_zh(input, s)
    } else {
        parse_en(input, s)
    }
}

/// Splits a leading decimal number off `s`: an optional sign, digits, an
/// optional fraction; with `commas`, thousands separators in the integer part.
fn take_number<'a>(input: &str, s: &'a str, commas: bool) -> Result<(Decimal, &'a str)> {
    let (negative, body) = if let Some(r) = s.strip_prefix('-').or_else(|| s.strip_prefix('−')) {
        (true, r)
    } else if let Some(r) = s.strip_prefix('+') {
        (false, r)
    } else {
        (false, s)
    };
    let end = body
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.' || (commas && c == ',')))
        .map_or(body.len(), |(i, _)| i);
    let (num, rest) = body.split_at(end);
    // A trailing comma belongs to the text, not the number ("4,000, …").
    let num = num.trim_end_matches(',');
    let rest = body.get(num.len()..).unwrap_or(rest);
    if num.is_empty() || !num.starts_with(|c: char| c.is_ascii_digit()) {
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
    let digits: String = if int.contains(',') {
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
        int.replace(',', "")
    } else {
        int.to_owned()
    };
    let plain = match frac {
        Some(f) => format!("{}{digits}.{f}", if negative { "-" } else { "" }),
        None => format!("{}{digits}", if negative { "-" } else { "" }),
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

fn strip_any<'a, T: Copy>(s: &'a str, table: &[(&str, T)]) -> Option<(T, &'a str)> {
    table
        .iter()
        .find_map(|&(p, t)| s.strip_prefix(p).map(|r| (t, r)))
}

fn strip_any_suffix<'a, T: Copy>(s: &'a str, table: &[(&str, T)]) -> Option<(T, &'a str)> {
    table
        .iter()
        .find_map(|&(p, t)| s.strip_suffix(p).map(|r| (t, r)))
}

fn set_bound(input: &str, slot: &mut Bound, b: Bound) -> Result<()> {
    if slot.is_exact() {
        *slot = b;
        Ok(())
    } else {
        Err(Error::parse(input, EXPECTED, "more than one bound word"))
    }
}

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
    Ok(Figure::new(bound, Quantity::new(value, unit)))
}

fn whole_number(input: &str, value: Decimal, what: &str) -> Result<()> {
    if value.fract().is_zero() {
        Ok(())
    } else {
        Err(Error::parse(
            input,
            EXPECTED,
            format!("a {what} is a whole number"),
        ))
    }
}

// ---------------------------------------------------------------- Chinese

const ZH_PREFIX: &[(&str, Bound)] = &[
    ("突破", Bound::MoreThan),
    ("超过", Bound::MoreThan),
    ("逾", Bound::MoreThan),
    ("超", Bound::MoreThan),
    ("至少", Bound::AtLeast),
    ("不低于", Bound::AtLeast),
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
    ("以内", Bound::AtMost),
];

const ZH_MAGNITUDES: &[&str] = &[
    "千万亿",
    "百万亿",
    "十万亿",
    "万亿",
    "千亿",
    "百亿",
    "十亿",
    "亿",
    "千万",
    "百万",
    "十万",
    "万",
    "千",
    "百",
    "十",
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

#[allow(clippy::arithmetic_side_effects)] // Decimal negation cannot overflow: its range is symmetric
fn parse_zh(input: &str, s: &str) -> Result<Figure> {
    // 不超过 must win over 超过, 及以上 over 以上: the tables list longer forms
    // where a shorter one is their suffix, so try them longest first.
    let mut bound = Bound::Exact;
    let mut rest = s;
    let mut prefixes: Vec<&(&str, Bound)> = ZH_PREFIX.iter().collect();
    prefixes.sort_by_key(|(p, _)| core::cmp::Reverse(p.len()));
    if let Some(&&(p, b)) = prefixes.iter().find(|(p, _)| rest.starts_with(p)) {
        bound = b;
        rest = rest.get(p.len()..).unwrap_or("");
    }
    let mut suffixes: Vec<&(&str, Bound)> = ZH_SUFFIX.iter().collect();
    suffixes.sort_by_key(|(p, _)| core::cmp::Reverse(p.len()));
    if let Some(&&(p, b)) = suffixes.iter().find(|(p, _)| rest.ends_with(p)) {
        set_bound(input, &mut bound, b)?;
        rest = rest.get(..rest.len().saturating_sub(p.len())).unwrap_or("");
    }

    // Ranks: 第122位, 前100位 (top 100), and rank changes: 上升17位.
    if let Some(r) = rest.strip_prefix('第') {
        let (v, r) = take_number(input, r, false)?;
        return zh_rank_tail(input, r, bound, v, Dimension::Rank);
    }
    if let Some(r) = rest.strip_prefix('前') {
        let (v, r) = take_number(input, r, false)?;
        set_bound(input, &mut bound, Bound::AtMost)?;
        return zh_rank_tail(input, r, bound, v, Dimension::Rank);
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
    let moves: &[(&str, bool)] = &[
        ("上升", true),
        ("提升", true),
        ("前进", true),
        ("下降", false),
        ("下滑", false),
        ("后退", false),
        ("回落", false),
    ];
    if let Some((up, r)) = strip_any(rest, moves) {
        let (v, r) = take_number(input, r, false)?;
        if v.is_sign_negative() {
            return Err(Error::parse(
                input,
                EXPECTED,
                "write a fall as 下降N位, not a negative rise",
            ));
        }
        let v = if up { v } else { -v };
        return zh_rank_tail(input, r, bound, v, Dimension::RankChange);
    }

    let (value, rest) = take_number(input, rest, false)?;
    let (power, mut rest) = take_power(input, rest)?;
    let mut yu = false;
    if let Some(r) = rest.strip_prefix('余').or_else(|| rest.strip_prefix('多')) {
        yu = true;
        rest = r;
    }
    let mut mag = Magnitude::ONE;
    if let Some(m) = ZH_MAGNITUDES.iter().find(|m| rest.starts_with(**m)) {
        mag = Magnitude::from_zh(m).unwrap_or(Magnitude::ONE);
        rest = rest.get(m.len()..).unwrap_or("");
    }
    if !yu {
        if let Some(r) = rest.strip_prefix('余').or_else(|| rest.strip_prefix('多')) {
            yu = true;
            rest = r;
        }
    }
    if yu {
        set_bound(input, &mut bound, Bound::MoreThan)?;
    }
    let mag = combine(input, power, mag)?;
    let dim = zh_unit(input, rest)?;
    if matches!(dim, Dimension::Count(_)) && mag == Magnitude::ONE {
        whole_number(input, value, "count")?;
    }
    make(input, bound, value, dim, mag)
}

fn zh_rank_tail(
    input: &str,
    rest: &str,
    bound: Bound,
    v: Decimal,
    dim: Dimension,
) -> Result<Figure> {
    if rest != "位" && rest != "名" {
        return Err(Error::UnknownUnit {
            unit: rest.to_owned(),
            input: input.to_owned(),
        });
    }
    whole_number(input, v, "rank")?;
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
            suggestion: input.trim().replacen(cls, &format!("{cls}项目"), 1),
        }),
        _ => Err(unknown()),
    }
}

/// Writes the number of a figure at the Chinese conventional magnitude: the
/// stored one when it is 1, 万, 亿 or 万亿, else the next of these below it
/// (`100.4 billion yuan` → `1004亿元`).
#[allow(clippy::arithmetic_side_effects)] // exponents are 0..=28
fn zh_number(q: &Quantity) -> (String, &'static str) {
    let mag = q.unit().magnitude();
    let target = [12u8, 8, 4, 0]
        .into_iter()
        .find(|e| *e <= mag.exponent())
        .unwrap_or(0);
    let name = Magnitude::new(target)
        .ok()
        .and_then(Magnitude::zh_name)
        .unwrap_or("");
    let shift = i32::from(mag.exponent()) - i32::from(target);
    match shift_exact(q.value(), shift) {
        Some(v) if shift == 0 => (v.to_string(), name),
        Some(v) => (v.normalize().to_string(), name),
        // Too large to write at a named magnitude: keep the stored one as a power.
        None => (format!("{}×10^{}", q.value(), mag.exponent()), ""),
    }
}

pub(crate) fn zh(f: &Figure) -> String {
    let q = f.quantity();
    let v = q.value();
    let bound = f.bound();
    let dim = q.dimension();
    match dim {
        Dimension::Rank => {
            return match bound {
                Bound::AtMost => format!("前{v}位"),
                _ => zh_wrap(bound, format!("第{v}位"), false),
            };
        }
        Dimension::RankChange => {
            let body = if v.is_zero() {
                "持平".to_owned()
            } else if v.is_sign_negative() {
                format!("下降{}位", v.abs())
            } else {
                format!("上升{v}位")
            };
            return zh_wrap(bound, body, false);
        }
        _ => {}
    }
    let (number, mag) = zh_number(q);
    let word = Unit::of(dim).zh();
    // 余 sits after the number (4000余人, 1800余亿元) for amounts and counts.
    let yu = bound == Bound::MoreThan && matches!(dim, Dimension::Yuan | Dimension::Count(_));
    if yu {
        format!("{number}余{mag}{word}")
    } else {
        zh_wrap(bound, format!("{number}{mag}{word}"), true)
    }
}

fn zh_wrap(bound: Bound, body: String, _amount: bool) -> String {
    match bound {
        Bound::Exact => body,
        Bound::AtLeast => format!("{body}以上"),
        Bound::MoreThan => format!("超过{body}"),
        Bound::AtMost => format!("{body}以下"),
        Bound::LessThan => format!("不足{body}"),
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

#[allow(clippy::arithmetic_side_effects)] // Decimal negation cannot overflow: its range is symmetric
fn parse_en(input: &str, s: &str) -> Result<Figure> {
    let lower = s.to_ascii_lowercase();
    let lower = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut bound = Bound::Exact;
    let mut rest = lower.as_str();
    if let Some((b, r)) = strip_any(rest, EN_PREFIX) {
        bound = b;
        rest = r;
    }
    if let Some((b, r)) = strip_any_suffix(rest, EN_SUFFIX) {
        set_bound(input, &mut bound, b)?;
        rest = r;
    }

    // Ranks: 122nd, rank 122, top 100; rank changes: up 17 places.
    if let Some(r) = rest.strip_prefix("rank ") {
        let (v, r) = take_number(input, r, true)?;
        return en_rank_tail(input, r, bound, v);
    }
    if let Some(r) = rest.strip_prefix("top ") {
        let (v, r) = take_number(input, r, true)?;
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
    if let Some((up, r)) = strip_any(rest, &[("up ", true), ("down ", false)]) {
        let (v, r) = take_number(input, r, true)?;
        if r != " places" && r != " place" {
            return Err(Error::UnknownUnit {
                unit: r.trim().to_owned(),
                input: input.to_owned(),
            });
        }
        if v.is_sign_negative() {
            return Err(Error::parse(
                input,
                EXPECTED,
                "write a fall as 'down N places'",
            ));
        }
        whole_number(input, v, "rank change")?;
        let v = if up { v } else { -v };
        return make(input, bound, v, Dimension::RankChange, Magnitude::ONE);
    }

    let (value, rest) = take_number(input, rest, true)?;
    let (power, rest) = take_power(input, rest)?;
    if let Some(suffix) = ["st", "nd", "rd", "th"].iter().find(|x| rest == **x) {
        if *suffix != ordinal_suffix(value) {
            return Err(Error::parse(input, EXPECTED, "wrong ordinal suffix"));
        }
        return en_rank_tail(input, "", bound, value);
    }
    let (mag, rest) = match rest.strip_prefix(' ').and_then(|r| {
        ["thousand", "million", "billion", "trillion"]
            .iter()
            .find_map(|w| r.strip_prefix(w).map(|r2| (*w, r2)))
    }) {
        Some((w, r)) => (Magnitude::from_en(w).unwrap_or(Magnitude::ONE), r),
        None => (Magnitude::ONE, rest),
    };
    let mag = combine(input, power, mag)?;
    let unit = rest.strip_prefix(' ').unwrap_or(rest);
    let dim = en_unit(input, unit, value)?;
    if matches!(dim, Dimension::Count(_)) && mag == Magnitude::ONE {
        whole_number(input, value, "count")?;
    }
    make(input, bound, value, dim, mag)
}

fn en_rank_tail(input: &str, rest: &str, bound: Bound, v: Decimal) -> Result<Figure> {
    if !rest.is_empty() {
        return Err(Error::UnknownUnit {
            unit: rest.trim().to_owned(),
            input: input.to_owned(),
        });
    }
    whole_number(input, v, "rank")?;
    make(input, bound, v, Dimension::Rank, Magnitude::ONE)
}

fn en_unit(input: &str, unit: &str, value: Decimal) -> Result<Dimension> {
    let fixed: &[(&str, Dimension)] = &[
        ("yuan", Dimension::Yuan),
        ("rmb", Dimension::Yuan),
        ("%", Dimension::Percent),
        ("percent", Dimension::Percent),
        ("per cent", Dimension::Percent),
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
    let _ = value;
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

/// The number of a money or count figure in English: the largest of trillion,
/// billion and million that the value reaches, else plain with commas.
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
    let bound = f.bound();
    let body = match q.dimension() {
        Dimension::Rank => {
            if bound == Bound::AtMost {
                return format!("top {v}");
            }
            format!("{}{}", group_thousands(&v.to_string()), ordinal_suffix(v))
        }
        Dimension::RankChange => {
            let n = v.abs();
            let places = if n == Decimal::ONE { "place" } else { "places" };
            if v.is_zero() {
                "unchanged".to_owned()
            } else if v.is_sign_negative() {
                format!("down {n} {places}")
            } else {
                format!("up {n} {places}")
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
        Bound::AtLeast => format!("at least {body}"),
        Bound::MoreThan => format!("more than {body}"),
        Bound::AtMost => format!("at most {body}"),
        Bound::LessThan => format!("less than {body}"),
    }
}

impl Figure {
    /// The Chinese text form: `1004亿元`, `4000余人`, `10家以上`, `第122位`,
    /// `上升17位`, `10.93件/万人`. Reading it back gives an equal figure with the
    /// same magnitude and digits.
    ///
    /// ```
    /// let f: indstat::Figure = "突破1800亿元".parse()?;
    /// assert_eq!(f.zh(), "1800余亿元");
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

    /// Reads Chinese or English text; see the [`text`](crate#text-forms) forms.
    fn from_str(s: &str) -> Result<Self> {
        parse_figure(s)
    }
}

impl Quantity {
    /// The Chinese text form: `1004亿元`, `755家`, `8.5%`, `第122位`.
    ///
    /// ```
    /// let q: indstat::Quantity = "100.4 billion yuan".parse()?;
    /// assert_eq!(q.zh(), "1004亿元");
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
            (122, "nd"),
            (123, "rd"),
        ];
        for (n, s) in cases {
            assert_eq!(ordinal_suffix(Decimal::from(n)), s, "{n}");
        }
    }
}
