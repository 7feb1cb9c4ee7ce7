//! Ranking a cross-section the way pandas, polars, R and Excel do, in exact
//! decimals; percentile ranks and quantiles under their several conventions;
//! rank changes between editions; and what it takes to enter the top N.
//!
//! # Conventions (domain notes B1–B6)
//!
//! - [`rank`] equals pandas 3 `Series.rank(method, ascending, na_option)` for
//!   every method, direction and missing option: [`Ties::Ordinal`] is pandas'
//!   `first` and polars' `ordinal` (input order breaks ties, in both
//!   directions). Missing values (`None`; pandas `NaN`) are one tied group
//!   under [`Missing::Top`] and [`Missing::Bottom`]; R's `na.last = TRUE`
//!   gives them distinct ranks instead, and polars ranks a non-null NaN above
//!   `+inf`.
//! - Ranks are exact [`Decimal`]s: average ties give halves (`2.5`), never a
//!   float.
//! - A national ranking (rank 1 = the largest, ties share the better rank:
//!   并列第2 → 1, 2, 2, 4) is [`national_rank`], which equals Excel's `RANK.EQ`
//!   and pandas' `method="min", ascending=False`.
//! - Ties are exact equality: `1004 == 1004.00`, with no epsilon. Round
//!   published figures explicitly before ranking if they are rounded.
//! - Percentile ranks each have their own name ([`pct_rank`],
//!   [`percent_rank`], [`percent_rank_inc`], [`percent_rank_exc`],
//!   [`cume_dist`]) and nothing is rounded or truncated inside; Excel's
//!   truncated display is [`excel_truncate`].
//!
//! The sort runs on order-preserving integer keys, so ranking a million values
//! is faster than polars (see `BENCHMARKS.md`), and it stays exact for negative
//! values and mixed scales.
//!
//! # Examples
//!
//! ```
//! use indstat::rank::{self, Missing, Order, Ties};
//! use rust_decimal_macros::dec;
//!
//! let scores = [Some(dec!(91)), Some(dec!(87.5)), Some(dec!(87.50)), None, Some(dec!(60))];
//! // pandas: s.rank(method="average") -> [4.0, 2.5, 2.5, NaN, 1.0]
//! let avg = rank::rank(&scores, Ties::Average, Order::Ascending, Missing::Keep);
//! assert_eq!(avg, [Some(dec!(4)), Some(dec!(2.5)), Some(dec!(2.5)), None, Some(dec!(1))]);
//! // National ranking: 1, 2, 2, –, 4 (Excel RANK.EQ).
//! let national = rank::national_rank(&scores);
//! assert_eq!(national, [Some(dec!(1)), Some(dec!(2)), Some(dec!(2)), None, Some(dec!(4))]);
//!
//! // Errors are for questions without an answer: a percentile rank outside the data.
//! let data = [dec!(1), dec!(2), dec!(3)];
//! assert!(rank::percent_rank_inc(&data, dec!(4)).is_err());
//! # Ok::<(), indstat::Error>(())
//! ```

mod change;
pub(crate) use change::reach_at_pace;
mod cross_section;
pub(crate) mod keys;
mod percentile;

pub use change::{RankChange, RankGoal, RankObservation, rank_goal};
pub use cross_section::{CrossSection, Threshold};
pub(crate) use cross_section::{entity_position, index_entities};
#[doc(hidden)]
pub use keys::sorted_positions_by_comparison;
pub(crate) use percentile::quantile_sorted;
pub use percentile::{
    QuantileMethod, cume_dist, excel_truncate, percent_rank, percent_rank_exc, percent_rank_inc,
    quantile,
};

use rust_decimal::Decimal;

/// How tied values are ranked.
///
/// | `Ties` | pandas `method` | polars `method` | R `ties.method` | Excel |
/// |---|---|---|---|---|
/// | `Average` | `average` | `average` | `average` | `RANK.AVG` |
/// | `Min` | `min` | `min` | `min` | `RANK.EQ` |
/// | `Max` | `max` | `max` | `max` | — |
/// | `Dense` | `dense` | `dense` | — | — |
/// | `Ordinal` | `first` | `ordinal` | `first` | — |
///
/// # Examples
///
/// ```
/// use indstat::rank::{rank, Missing, Order, Ties};
/// use rust_decimal_macros::dec;
///
/// let x = [Some(dec!(10)), Some(dec!(20)), Some(dec!(20)), Some(dec!(30))];
/// let ranks = |t| rank(&x, t, Order::Descending, Missing::Keep);
/// assert_eq!(ranks(Ties::Min), [Some(dec!(4)), Some(dec!(2)), Some(dec!(2)), Some(dec!(1))]);   // 1224
/// assert_eq!(ranks(Ties::Dense), [Some(dec!(3)), Some(dec!(2)), Some(dec!(2)), Some(dec!(1))]); // 1223
/// assert_eq!(ranks(Ties::Max), [Some(dec!(4)), Some(dec!(3)), Some(dec!(3)), Some(dec!(1))]);   // 1334
/// assert_eq!(ranks(Ties::Ordinal), [Some(dec!(4)), Some(dec!(2)), Some(dec!(3)), Some(dec!(1))]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Ties {
    /// The mean of the positions the tied values occupy (may be a half).
    #[default]
    Average,
    /// The smallest of those positions: competition ranking, 1-2-2-4.
    Min,
    /// The largest of those positions: 1-3-3-4.
    Max,
    /// Like `Min`, but the next group follows without a gap: 1-2-2-3.
    Dense,
    /// Distinct ranks in input order (pandas `first`, polars `ordinal`).
    Ordinal,
}

impl Ties {
    /// Every tie method, for comparing them or checking each.
    ///
    /// ```
    /// use indstat::rank::{rank, Missing, Order, Ties};
    /// use rust_decimal_macros::dec;
    /// let x = [Some(dec!(20)), Some(dec!(20))];
    /// let firsts: Vec<_> = Ties::ALL.iter().map(|&t| rank(&x, t, Order::Descending, Missing::Keep)[0]).collect();
    /// assert_eq!(firsts, [Some(dec!(1.5)), Some(dec!(1)), Some(dec!(2)), Some(dec!(1)), Some(dec!(1))]);
    /// assert!(Ties::ALL.contains(&Ties::default()));
    /// ```
    pub const ALL: [Ties; 5] = [
        Ties::Average,
        Ties::Min,
        Ties::Max,
        Ties::Dense,
        Ties::Ordinal,
    ];
}

/// Which end rank 1 is at.
///
/// # Examples
///
/// ```
/// use indstat::rank::{rank, Missing, Order, Ties};
/// use rust_decimal_macros::dec;
/// let x = [Some(dec!(5)), Some(dec!(-1))];
/// assert_eq!(rank(&x, Ties::Min, Order::Ascending, Missing::Keep)[1], Some(dec!(1)));
/// assert_eq!(rank(&x, Ties::Min, Order::Descending, Missing::Keep)[0], Some(dec!(1)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Order {
    /// Rank 1 is the smallest value (pandas, polars and R by default).
    #[default]
    Ascending,
    /// Rank 1 is the largest value (Excel's default, national rankings).
    Descending,
}

/// What happens to missing values (pandas `na_option`).
///
/// # Examples
///
/// ```
/// use indstat::rank::{rank, Missing, Order, Ties};
/// use rust_decimal_macros::dec;
/// let x = [Some(dec!(3)), None, Some(dec!(1)), None];
/// let r = |m| rank(&x, Ties::Average, Order::Ascending, m);
/// assert_eq!(r(Missing::Keep), [Some(dec!(2)), None, Some(dec!(1)), None]);
/// // Both missing values form one tied group: positions 1 and 2 average to 1.5.
/// assert_eq!(r(Missing::Top), [Some(dec!(4)), Some(dec!(1.5)), Some(dec!(3)), Some(dec!(1.5))]);
/// assert_eq!(r(Missing::Bottom), [Some(dec!(2)), Some(dec!(3.5)), Some(dec!(1)), Some(dec!(3.5))]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Missing {
    /// Missing values get no rank (pandas `keep`, polars, R `na.last="keep"`).
    #[default]
    Keep,
    /// Missing values take the lowest rank numbers, as one tied group (pandas `top`).
    Top,
    /// Missing values take the highest rank numbers, as one tied group (pandas `bottom`).
    Bottom,
}

/// Ranks and the counts a percentile rank divides by.
pub(crate) struct Ranked {
    pub(crate) ranks: Vec<Option<Decimal>>,
    /// Values ranked (missing ones included under `Top`/`Bottom`).
    pub(crate) ranked: usize,
    /// Distinct groups ranked (the missing group counts as one).
    pub(crate) groups: usize,
}

/// A rank held as twice its value, so that average ties (halves) are whole
/// numbers: 0 = no rank. Kept in a compact array while ranks are scattered to
/// their input positions, then turned into `Decimal`s in one sequential pass.
pub(crate) type Twice = u64;

/// The rank held as `twice`, exactly.
// `twice` is at most twice a slice's length plus one, below 2^64; times 5 it
// is below 2^67, within Decimal's 96-bit mantissa, so the conversion cannot
// panic.
#[allow(clippy::arithmetic_side_effects)]
pub(crate) fn from_twice(twice: Twice) -> Decimal {
    if twice & 1 == 0 {
        Decimal::from(twice >> 1)
    } else {
        Decimal::from_i128_with_scale(i128::from(twice) * 5, 1)
    }
}

/// Twice the rank of the `k`-th member (0-based, `k < size`) of a tied group
/// that occupies 1-based positions `first ..= first + size - 1`, and is the
/// `dense`-th distinct group.
// Positions are at most a slice's length (below 2^63 on 64-bit targets and
// far below on others), so twice a position fits a u64.
#[allow(clippy::arithmetic_side_effects)]
fn group_rank(ties: Ties, first: usize, size: usize, k: usize, dense: usize) -> Twice {
    let last = first + size - 1;
    let twice = |p: usize| 2 * p as u64;
    match ties {
        Ties::Average => first as u64 + last as u64,
        Ties::Min => twice(first),
        Ties::Max => twice(last),
        Ties::Dense => twice(dense),
        Ties::Ordinal => twice(first + k),
    }
}

// Counters stay below the slice's length (see `group_rank`).
#[allow(clippy::arithmetic_side_effects)]
pub(crate) fn twice_ranks(
    values: &[Option<Decimal>],
    ties: Ties,
    order: Order,
    missing: Missing,
) -> TwiceRanked {
    let sorted = keys::sort(values, order);
    let present = sorted.positions.len();
    let absent = values.len() - present;
    let mut twice: Vec<Twice> = vec![0; values.len()];
    let (offset, dense_offset) = match missing {
        Missing::Top if absent > 0 => (absent, 1),
        _ => (0, 0),
    };
    let mut groups = assign(&sorted, &mut twice, ties, offset, dense_offset);
    let mut ranked = present;
    if absent > 0 && missing != Missing::Keep {
        let (first, dense) = match missing {
            Missing::Bottom => (present + 1, groups + 1),
            _ => (1, 1),
        };
        let slots = twice
            .iter_mut()
            .zip(values)
            .filter(|(_, v)| v.is_none())
            .map(|(slot, _)| slot);
        for (k, slot) in slots.enumerate() {
            *slot = group_rank(ties, first, absent, k, dense);
        }
        ranked = values.len();
        groups += 1;
    }
    TwiceRanked {
        twice,
        ranked,
        groups,
    }
}

/// Twice the rank of every sorted (present) position, ties by `ties`, ranks
/// counted from `offset + 1` (dense ranks from `dense_offset + 1`); returns
/// the number of tied groups.
pub(crate) fn assign(
    sorted: &keys::Sorted,
    twice: &mut [Twice],
    ties: Ties,
    offset: usize,
    dense_offset: usize,
) -> usize {
    let entries = sorted
        .positions
        .iter()
        .copied()
        .zip(sorted.starts_group.iter().copied());
    assign_by(entries, ties, offset, dense_offset, |p, t| {
        if let Some(slot) = twice.get_mut(p) {
            *slot = t;
        }
    })
}

/// The step every ranking shares: twice the rank of each entry of a rank
/// order, given as (position, whether it starts a new group of equal
/// values), handed to `write(position, twice)`; ties by `ties`, ranks from
/// `offset + 1` (dense ranks from `dense_offset + 1`). A tied group is held
/// until its size is known. Returns the number of tied groups.
// Counters stay below the number of entries (see `group_rank`).
#[allow(clippy::arithmetic_side_effects)]
pub(crate) fn assign_by(
    entries: impl IntoIterator<Item = (usize, bool)>,
    ties: Ties,
    offset: usize,
    dense_offset: usize,
    mut write: impl FnMut(usize, Twice),
) -> usize {
    let mut tied: Vec<usize> = Vec::new();
    let (mut start, mut groups) = (0usize, 0usize);
    let mut close = |tied: &mut Vec<usize>, start: &mut usize, groups: &mut usize| {
        if tied.is_empty() {
            return;
        }
        *groups += 1;
        let size = tied.len();
        for (k, &p) in tied.iter().enumerate() {
            write(
                p,
                group_rank(ties, offset + *start + 1, size, k, dense_offset + *groups),
            );
        }
        *start += size;
        tied.clear();
    };
    for (position, starts) in entries {
        if starts {
            close(&mut tied, &mut start, &mut groups);
        }
        tied.push(position);
    }
    close(&mut tied, &mut start, &mut groups);
    groups
}

/// Ranks held as twice their value (0 = no rank), with the counts of
/// [`Ranked`]: the compact form the panel keeps.
pub(crate) struct TwiceRanked {
    pub(crate) twice: Vec<Twice>,
    pub(crate) ranked: usize,
    pub(crate) groups: usize,
}

pub(crate) fn rank_detail(
    values: &[Option<Decimal>],
    ties: Ties,
    order: Order,
    missing: Missing,
) -> Ranked {
    let TwiceRanked {
        twice,
        ranked,
        groups,
    } = twice_ranks(values, ties, order, missing);
    Ranked {
        ranks: twice
            .into_iter()
            .map(|t| (t != 0).then(|| from_twice(t)))
            .collect(),
        ranked,
        groups,
    }
}

/// Ranks a cross-section: pandas 3 `Series.rank(method=ties,
/// ascending=order, na_option=missing)`, in exact decimals.
///
/// Each output position holds the rank of the input at that position; a
/// missing value stays `None` under [`Missing::Keep`]. An empty or all-missing
/// input gives an empty or all-`None` output, as in pandas; the keyed
/// [`CrossSection`] refuses them instead.
///
/// # Examples
///
/// pandas' own fixture (`test_rank.py`):
///
/// ```
/// use indstat::rank::{rank, Missing, Order, Ties};
/// use rust_decimal::Decimal;
///
/// let x: Vec<Option<Decimal>> = [Some(1), Some(3), Some(4), Some(2), None, Some(2), Some(1), Some(5), None, Some(3)]
///     .iter().map(|v| v.map(Decimal::from)).collect();
/// let text = |t| rank(&x, t, Order::Ascending, Missing::Keep).iter()
///     .map(|r| r.map_or("NaN".to_owned(), |r| r.to_string())).collect::<Vec<_>>().join(",");
/// assert_eq!(text(Ties::Average), "1.5,5.5,7,3.5,NaN,3.5,1.5,8,NaN,5.5");
/// assert_eq!(text(Ties::Ordinal), "1,5,7,3,NaN,4,2,8,NaN,6");
/// assert_eq!(text(Ties::Dense), "1,3,4,2,NaN,2,1,5,NaN,3");
/// // Nothing to rank is not an error here: pandas returns an empty result too.
/// assert!(rank(&[], Ties::Min, Order::Ascending, Missing::Keep).is_empty());
/// ```
pub fn rank(
    values: &[Option<Decimal>],
    ties: Ties,
    order: Order,
    missing: Missing,
) -> Vec<Option<Decimal>> {
    rank_detail(values, ties, order, missing).ranks
}

/// A national ranking: rank 1 is the largest value and tied values share the
/// better rank (并列第2: 1, 2, 2, 4). Equals Excel's `RANK.EQ(x, ref, 0)` and
/// pandas' `rank(method="min", ascending=False)`. Missing values are unranked.
///
/// For "lower is better" indicators rank with [`rank`] and
/// [`Order::Ascending`], or use [`CrossSection::national_rank`], which takes a
/// [`Direction`](crate::Direction).
///
/// # Examples
///
/// Excel's `RANK.EQ` documentation: in {7, 3.5, 3.5, 1, 2}, 2 ranks 4th.
///
/// ```
/// use indstat::rank::national_rank;
/// use rust_decimal_macros::dec;
///
/// let data = [Some(dec!(7)), Some(dec!(3.5)), Some(dec!(3.5)), Some(dec!(1)), Some(dec!(2))];
/// let r = national_rank(&data);
/// assert_eq!(r, [Some(dec!(1)), Some(dec!(2)), Some(dec!(2)), Some(dec!(5)), Some(dec!(4))]);
/// assert_eq!(national_rank(&[None]), [None]);
/// ```
pub fn national_rank(values: &[Option<Decimal>]) -> Vec<Option<Decimal>> {
    rank(values, Ties::Min, Order::Descending, Missing::Keep)
}

/// pandas' `rank(pct=True)`: each rank divided by the number of values
/// ranked (missing values count under [`Missing::Top`]/[`Missing::Bottom`]),
/// or for [`Ties::Dense`] by the number of distinct values (the missing group
/// counts as one value). Exact to `Decimal`'s 28 significant digits; no other
/// rounding.
///
/// # Examples
///
/// ```
/// use indstat::rank::{pct_rank, Missing, Order, Ties};
/// use rust_decimal_macros::dec;
///
/// let x = [Some(dec!(2)), Some(dec!(2))];
/// let p = |t| pct_rank(&x, t, Order::Ascending, Missing::Keep);
/// assert_eq!(p(Ties::Average), [Some(dec!(0.75)), Some(dec!(0.75))]);
/// assert_eq!(p(Ties::Min), [Some(dec!(0.5)), Some(dec!(0.5))]);
/// assert_eq!(p(Ties::Dense), [Some(dec!(1)), Some(dec!(1))]);
/// // A missing value has no percentile rank unless it is ranked.
/// assert_eq!(pct_rank(&[None], Ties::Min, Order::Ascending, Missing::Keep), [None]);
/// ```
pub fn pct_rank(
    values: &[Option<Decimal>],
    ties: Ties,
    order: Order,
    missing: Missing,
) -> Vec<Option<Decimal>> {
    let ranked = rank_detail(values, ties, order, missing);
    let denominator = Decimal::from(match ties {
        Ties::Dense => ranked.groups,
        _ => ranked.ranked,
    });
    ranked
        .ranks
        .into_iter()
        .map(|r| r.and_then(|r| r.checked_div(denominator)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn twice_is_exact() {
        assert_eq!(from_twice(3), dec!(1.5));
        assert_eq!(from_twice(8), dec!(4));
        assert_eq!(from_twice(u64::MAX).scale(), 1);
        assert_eq!(group_rank(Ties::Average, 2, 2, 0, 1), 5);
    }
}
