//! Ranking a cross-section the way pandas, polars, R and Excel do, in exact
//! decimals; percentile ranks and quantiles under their several conventions;
//! rank changes between editions; and what it takes to enter the top N.
//!
//! # Conventions
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
//! use indstat::dec;
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
pub(crate) mod kernel;
mod percentile;

pub use change::{RankChange, RankGoal, RankObservation, rank_goal};
pub use cross_section::{CrossSection, Threshold};
use kernel::rank_detail;
pub(crate) use percentile::quantile_sorted;
pub use percentile::{
    QuantileMethod, cume_dist, excel_truncate, percent_rank, percent_rank_exc, percent_rank_inc,
    quantile,
};

use rust_decimal::Decimal;

use crate::{Error, Result};

/// A rank is a whole number from 1 (the top), and at most the size of its
/// pool when that is known: [`Error::InvalidRank`] otherwise. Every rank and
/// rank target a caller gives is checked by it.
pub(crate) fn check_rank(rank: u32, pool: Option<u32>) -> Result<()> {
    if rank == 0 {
        return Err(Error::InvalidRank {
            rank: "0".to_owned(),
            reason: "ranks start at 1".to_owned(),
        });
    }
    match pool {
        Some(pool) if rank > pool => Err(Error::InvalidRank {
            rank: rank.to_string(),
            reason: format!("the pool has only {pool} entries"),
        }),
        _ => Ok(()),
    }
}

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
/// use indstat::dec;
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
    /// use indstat::dec;
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
/// use indstat::dec;
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
/// use indstat::dec;
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
/// use indstat::dec;
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
/// use indstat::dec;
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
