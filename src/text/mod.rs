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
//!
//! One reader and one writer serve both languages ([`read`], [`write`]); each
//! language is a [`Grammar`]: its word tables and the few forms that are its
//! own (余 and the Chinese magnitudes; English ordinals and scales).

mod en;
mod lex;
mod target;
mod zh;

use core::str::FromStr;

use rust_decimal::Decimal;

pub(crate) use en::en_scale;
#[cfg(feature = "plot")] // the charts' axis labels
pub(crate) use lex::group_thousands;
use lex::{lookup, refuse, set_bound, strip_longest, take_number, take_power, unknown_unit};

use crate::quantity::check_value;
use crate::{Bound, Dimension, Error, Figure, Magnitude, Noun, Quantity, Result, Unit};

/// A language's text forms, as the shared [`read`] and [`write`] use them.
trait Grammar {
    /// Bound words before the number (`突破`, `more than `).
    const PREFIX: &'static [(&'static str, Bound)];
    /// Bound words after the unit (`以上`, ` or more`).
    const SUFFIX: &'static [(&'static str, Bound)];
    /// The word before a rank (`第`, `rank `).
    const RANK: &'static str;
    /// The word before a top-N rank, read as "at most N" (`前`, `top `).
    const TOP: &'static str;
    /// What may follow a rank's number (`位`; nothing in English).
    const RANK_UNITS: &'static [&'static str];
    /// A rank change of zero (`持平`, `unchanged`).
    const UNCHANGED: &'static str;
    /// Words that say which way a rank or a percentage moved, `true` for up.
    const MOVES: &'static [(&'static str, bool)];
    /// What may follow a move's number, and what it measures.
    const MOVE_UNITS: &'static [(&'static str, Dimension)];
    /// Why a move with a negative number is refused.
    const NEGATIVE_MOVE: &'static str;
    /// Units that are one word, without a noun (`元`, `%`, `yuan`).
    const UNITS: &'static [(&'static str, Dimension)];
    /// What ends a density per 10,000 people (`/万人`, ` per 10k people`).
    const PER_TEN_THOUSAND: &'static [&'static str];

    /// Reads what follows a number that is not a rank or a move: its
    /// magnitude, unit and the language's own bound forms; `power` is a
    /// written `×10^n`.
    fn amount(
        input: &str,
        bound: Bound,
        value: Decimal,
        power: Option<u8>,
        rest: &str,
    ) -> Result<Figure>;

    /// The noun of a count unit (`家`, `个项目`, `enterprises`).
    fn count_noun(input: &str, word: &str) -> Result<Noun>;

    /// The noun of a density per 10,000 people (`件` is patents there).
    fn density_noun(input: &str, word: &str) -> Result<Noun> {
        Self::count_noun(input, word)
    }

    /// Whether the dimension is written as a move (`up 0.3 percentage points`).
    fn is_move(dim: Dimension) -> bool;

    /// A rank: `第122位`, `122nd`.
    fn rank(v: Decimal) -> String;

    /// The top `v`: `前100位`, `top 100`.
    fn top(v: Decimal) -> String;

    /// A move of `n` (not negative) up or down.
    fn moved(up: bool, n: Decimal, dim: Dimension) -> String;

    /// `body` with the bound's words around it.
    fn wrap(bound: Bound, body: String, is_move: bool) -> String;

    /// Any other quantity with its bound.
    fn write_amount(q: &Quantity, bound: Bound) -> String;
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// Parses Chinese or English text into a figure.
fn parse_figure(input: &str) -> Result<Figure> {
    let s = input.trim();
    if s.is_empty() {
        return Err(refuse(input, "the text is empty"));
    }
    if s.chars().any(is_cjk) {
        // Spaces carry no meaning in Chinese text: "1004 亿元" is 1004亿元.
        let compact: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if c == '，' { ',' } else { c })
            .collect();
        read::<zh::Zh>(input, &compact)
    } else {
        let lower = s.to_ascii_lowercase();
        let lower = lower.split_whitespace().collect::<Vec<_>>().join(" ");
        read::<en::En>(input, &lower)
    }
}

/// Reads `s` (the normalised `input`) in grammar `G`: bound words, then a
/// rank, a move or an amount.
fn read<G: Grammar>(input: &str, s: &str) -> Result<Figure> {
    let mut bound = Bound::Exact;
    let mut rest = s;
    if let Some((b, r)) = strip_longest(rest, G::PREFIX, false) {
        bound = b;
        rest = r;
    }
    if let Some((b, r)) = strip_longest(rest, G::SUFFIX, true) {
        set_bound(input, &mut bound, b)?;
        rest = r;
    }

    // Ranks: 第122位, rank 122; 前100位, top 100 (at most 100th).
    if let Some(r) = rest.strip_prefix(G::RANK) {
        let (v, r) = take_number(input, r)?;
        return rank_tail::<G>(input, r, bound, v);
    }
    if let Some(r) = rest.strip_prefix(G::TOP) {
        let (v, r) = take_number(input, r)?;
        set_bound(input, &mut bound, Bound::AtMost)?;
        return rank_tail::<G>(input, r, bound, v);
    }
    if rest == G::UNCHANGED {
        return make(
            input,
            bound,
            Decimal::ZERO,
            Dimension::RankChange,
            Magnitude::ONE,
        );
    }
    // Moves: 上升17位, 回落1.5个百分点, up 17 places, down 1.5 percentage points.
    if let Some((up, r)) = strip_longest(rest, G::MOVES, false) {
        let (v, r) = take_number(input, r)?;
        if v.is_sign_negative() {
            return Err(refuse(input, G::NEGATIVE_MOVE));
        }
        let dim = lookup(G::MOVE_UNITS, r).ok_or_else(|| unknown_unit(input, r.trim()))?;
        let (v, bound) = if up {
            (v, bound)
        } else {
            (negate(v), flip(bound))
        };
        return make(input, bound, v, dim, Magnitude::ONE);
    }

    let (value, r) = take_number(input, rest)?;
    let (power, r) = take_power(input, r)?;
    G::amount(input, bound, value, power, r)
}

/// The end of a rank: one of the grammar's rank words, or nothing.
fn rank_tail<G: Grammar>(input: &str, rest: &str, bound: Bound, v: Decimal) -> Result<Figure> {
    if !G::RANK_UNITS.contains(&rest) {
        return Err(unknown_unit(input, rest.trim()));
    }
    make(input, bound, v, Dimension::Rank, Magnitude::ONE)
}

/// The dimension a unit names in grammar `G`: a one-word unit, a density per
/// 10,000 people, or a count of a noun.
fn unit_dimension<G: Grammar>(input: &str, unit: &str) -> Result<Dimension> {
    if let Some(d) = lookup(G::UNITS, unit) {
        return Ok(d);
    }
    for per in G::PER_TEN_THOUSAND {
        if let Some(word) = unit.strip_suffix(per) {
            return G::density_noun(input, word).map(Dimension::PerTenThousandPeople);
        }
    }
    if unit.is_empty() {
        return Err(refuse(input, "the unit is missing"));
    }
    G::count_noun(input, unit).map(Dimension::Count)
}

/// Checks what the unit admits (a count whole and not negative, …) and
/// builds the figure.
fn make(
    input: &str,
    bound: Bound,
    value: Decimal,
    dim: Dimension,
    mag: Magnitude,
) -> Result<Figure> {
    let unit = Unit::new(dim, mag)
        .map_err(|_| refuse(input, format!("{} takes no magnitude", dim.code())))?;
    // The rule serde and `Quantity::try_new` apply too.
    check_value(value, unit).map_err(|reason| refuse(input, reason))?;
    Ok(Figure::new(bound, Quantity::new(value, unit)))
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

/// Writes `f` in grammar `G`.
fn write<G: Grammar>(f: &Figure) -> String {
    let q = f.quantity();
    let v = q.value();
    let bound = f.bound();
    let dim = q.dimension();
    match dim {
        Dimension::Rank if bound == Bound::AtMost => G::top(v),
        Dimension::Rank => G::wrap(bound, G::rank(v), false),
        Dimension::RankChange if v.is_zero() && bound.is_exact() => G::UNCHANGED.to_owned(),
        _ if G::is_move(dim) => {
            if v.is_sign_negative() {
                G::wrap(flip(bound), G::moved(false, v.abs(), dim), true)
            } else {
                G::wrap(bound, G::moved(true, v, dim), true)
            }
        }
        _ => G::write_amount(q, bound),
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
        write::<zh::Zh>(self)
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
        write::<en::En>(self)
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
        write::<zh::Zh>(&Figure::exact_value(*self))
    }

    /// The English text form: `100.4 billion yuan`, `755 enterprises`, `8.5%`.
    ///
    /// ```
    /// let q: indstat::Quantity = "1.68亿元".parse()?;
    /// assert_eq!(q.en(), "168 million yuan");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn en(&self) -> String {
        write::<en::En>(&Figure::exact_value(*self))
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
