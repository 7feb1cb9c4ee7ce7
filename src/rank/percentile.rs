//! Percentile ranks and quantiles, each convention under its own name.

use rust_decimal::Decimal;

use super::{Missing, Order, Ties, rank_detail};
use crate::exact::checked;
use crate::{Error, Result};

/// SQL `PERCENT_RANK()` over a cross-section: `(rank_min − 1) / (n − 1)`,
/// with `n` the number of present values; `0` when only one value is present
/// (as SQL defines it). Equals Excel's `PERCENTRANK.INC` at each data point
/// before Excel truncates it. Missing values stay `None`.
///
/// # Examples
///
/// ```
/// use indstat::rank::{percent_rank, Order};
/// use indstat::dec;
///
/// let x = [Some(dec!(1)), Some(dec!(2)), Some(dec!(2)), Some(dec!(4)), Some(dec!(5)), None];
/// assert_eq!(
///     percent_rank(&x, Order::Ascending),
///     [Some(dec!(0)), Some(dec!(0.25)), Some(dec!(0.25)), Some(dec!(0.75)), Some(dec!(1)), None]
/// );
/// assert_eq!(percent_rank(&[Some(dec!(7))], Order::Ascending), [Some(dec!(0))]);
/// ```
pub fn percent_rank(values: &[Option<Decimal>], order: Order) -> Vec<Option<Decimal>> {
    let ranked = rank_detail(values, Ties::Min, order, Missing::Keep);
    let others = Decimal::from(ranked.ranked.saturating_sub(1));
    ranked
        .ranks
        .into_iter()
        .map(|r| {
            r.map(|r| {
                r.checked_sub(Decimal::ONE)
                    .and_then(|r| r.checked_div(others))
                    .unwrap_or(Decimal::ZERO)
            })
        })
        .collect()
}

/// SQL `CUME_DIST()` over a cross-section: `rank_max / n`, the share of
/// present values at or before each value (equal to pandas
/// `rank(method="max", pct=True)`). Missing values stay `None`.
///
/// # Examples
///
/// ```
/// use indstat::rank::{cume_dist, Order};
/// use indstat::dec;
///
/// let x = [Some(dec!(1)), Some(dec!(2)), Some(dec!(2)), Some(dec!(4)), None];
/// assert_eq!(
///     cume_dist(&x, Order::Ascending),
///     [Some(dec!(0.25)), Some(dec!(0.75)), Some(dec!(0.75)), Some(dec!(1)), None]
/// );
/// assert!(cume_dist(&[], Order::Ascending).is_empty());
/// ```
pub fn cume_dist(values: &[Option<Decimal>], order: Order) -> Vec<Option<Decimal>> {
    super::pct_rank(values, Ties::Max, order, Missing::Keep)
}

/// Which percentile rank Excel computes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Inclusive {
    Inc,
    Exc,
}

/// LibreOffice's `GetPercentrank` (`sc/source/core/tool/interpr3.cxx`), which
/// Excel's documented examples reproduce, in exact decimals.
// Indexes and counts stay below the slice's length; `k ≥ 1` where it is
// decremented (x above the minimum has at least one smaller value).
#[allow(clippy::arithmetic_side_effects)]
fn excel_percent_rank(data: &[Decimal], x: Decimal, kind: Inclusive) -> Result<Decimal> {
    let mut sorted = data.to_vec();
    sorted.sort_unstable();
    let (Some(&min), Some(&max)) = (sorted.first(), sorted.last()) else {
        return Err(Error::Empty { what: "the data" });
    };
    if x < min || x > max {
        return Err(Error::OutsideRange {
            value: x.to_string(),
            min: min.to_string(),
            max: max.to_string(),
        });
    }
    let n = sorted.len();
    if kind == Inclusive::Inc && n < 2 {
        return Err(Error::InvalidParameter {
            name: "data length",
            value: n.to_string(),
            reason: "PERCENTRANK.INC divides by n - 1, so it needs at least two values (Excel and LibreOffice differ for one)",
        });
    }
    let below = sorted.partition_point(|v| *v < x);
    // Divisors of n − 1 ≥ 1 (INC) or n + 1, and a width above zero.
    let div = |num: Decimal, den: usize| checked::div(num, Decimal::from(den));
    if sorted.get(below) == Some(&x) {
        return match kind {
            Inclusive::Inc => div(Decimal::from(below), n - 1),
            Inclusive::Exc => div(Decimal::from(below + 1), n + 1),
        };
    }
    // Strictly between sorted[below - 1] and sorted[below].
    let (Some(&lo), Some(&hi)) = (sorted.get(below - 1), sorted.get(below)) else {
        return Err(Error::Empty { what: "the data" });
    };
    let (above_lo, width) = (checked::sub(x, lo)?, checked::sub(hi, lo)?);
    let fraction = checked::div(above_lo, width)?;
    match kind {
        Inclusive::Inc => div(Decimal::from(below - 1) + fraction, n - 1),
        Inclusive::Exc => div(Decimal::from(below) + fraction, n + 1),
    }
}

/// Excel's `PERCENTRANK.INC(data, x)` (and `PERCENTRANK`): the number of values
/// below `x` over `n − 1`, interpolated linearly when `x` lies between two data
/// points. Not truncated: Excel shows it truncated to 3 digits, which
/// [`excel_truncate`] reproduces.
///
/// # Errors
///
/// [`Error::Empty`] for no data; [`Error::OutsideRange`] when `x` is below the
/// minimum or above the maximum (Excel's #N/A); [`Error::InvalidParameter`]
/// for a single value.
///
/// # Examples
///
/// Excel's documentation: data {13, 12, 11, 8, 4, 3, 2, 1, 1, 1}.
///
/// ```
/// use indstat::rank::{excel_truncate, percent_rank_inc};
/// use indstat::dec;
///
/// let data = [13, 12, 11, 8, 4, 3, 2, 1, 1, 1].map(rust_decimal::Decimal::from);
/// assert_eq!(excel_truncate(percent_rank_inc(&data, dec!(2))?, 3), dec!(0.333));
/// assert_eq!(excel_truncate(percent_rank_inc(&data, dec!(4))?, 3), dec!(0.555));
/// assert_eq!(percent_rank_inc(&data, dec!(5))?.round_dp(4), dec!(0.5833)); // interpolated: 5.25 / 9
/// assert!(percent_rank_inc(&data, dec!(14)).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn percent_rank_inc(data: &[Decimal], x: Decimal) -> Result<Decimal> {
    excel_percent_rank(data, x, Inclusive::Inc)
}

/// Excel's `PERCENTRANK.EXC(data, x)`: (the number of values below `x` + 1)
/// over `n + 1`, interpolated linearly between data points. Not truncated.
///
/// # Errors
///
/// [`Error::Empty`] for no data; [`Error::OutsideRange`] when `x` is outside
/// the data's range.
///
/// # Examples
///
/// Excel's documentation: data {1, 2, 3, 6, 6, 6, 7, 8, 9}.
///
/// ```
/// use indstat::rank::{excel_truncate, percent_rank_exc};
/// use indstat::dec;
///
/// let data = [1, 2, 3, 6, 6, 6, 7, 8, 9].map(rust_decimal::Decimal::from);
/// assert_eq!(percent_rank_exc(&data, dec!(7))?, dec!(0.7));
/// assert_eq!(percent_rank_exc(&data, dec!(5.43))?, dec!(0.381));
/// assert_eq!(excel_truncate(percent_rank_exc(&data, dec!(5.43))?, 1), dec!(0.3));
/// assert!(percent_rank_exc(&data, dec!(0.5)).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn percent_rank_exc(data: &[Decimal], x: Decimal) -> Result<Decimal> {
    excel_percent_rank(data, x, Inclusive::Exc)
}

/// Excel's display of a percentile rank: truncated (not rounded) to
/// `significance` decimal places, as `PERCENTRANK.*(…, significance)` returns
/// it (`0.381` → `0.3` at 1). A presentation helper: nothing in this crate
/// truncates inside a calculation.
///
/// # Examples
///
/// ```
/// use indstat::rank::excel_truncate;
/// use indstat::dec;
/// assert_eq!(excel_truncate(dec!(0.5555555), 3), dec!(0.555));
/// assert_eq!(excel_truncate(dec!(0.381), 1), dec!(0.3));
/// ```
pub fn excel_truncate(value: Decimal, significance: u32) -> Decimal {
    // Decimal holds at most 28 places: more significance changes nothing.
    value.trunc_with_scale(significance.min(28))
}

/// A quantile method, in Hyndman and Fan's numbering (numpy's names).
///
/// # Examples
///
/// ```
/// use indstat::rank::QuantileMethod;
/// assert_eq!(QuantileMethod::default(), QuantileMethod::Linear);
/// assert_eq!(QuantileMethod::Weibull.hyndman_fan_type(), 6);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum QuantileMethod {
    /// Type 7, position `(n − 1)p` from 0: the default of numpy (`linear`),
    /// pandas, R and Excel's `PERCENTILE.INC`/`QUARTILE.INC`.
    #[default]
    Linear,
    /// Type 6, position `(n + 1)p` from 1: Excel's
    /// `PERCENTILE.EXC`/`QUARTILE.EXC` and numpy's `weibull`. Like Excel, a
    /// position below 1 or above n is an error (numpy clips to the extremes).
    Weibull,
}

impl QuantileMethod {
    /// The Hyndman–Fan type number: 7 or 6.
    ///
    /// ```
    /// assert_eq!(indstat::rank::QuantileMethod::Linear.hyndman_fan_type(), 7);
    /// ```
    pub const fn hyndman_fan_type(self) -> u8 {
        match self {
            QuantileMethod::Linear => 7,
            QuantileMethod::Weibull => 6,
        }
    }

    const fn name(self) -> &'static str {
        match self {
            QuantileMethod::Linear => "type 7 (linear)",
            QuantileMethod::Weibull => "type 6 (weibull, PERCENTILE.EXC)",
        }
    }
}

/// The `p`-quantile of `data` by `method`, interpolated exactly in decimals.
///
/// # Errors
///
/// [`Error::Empty`] for no data; [`Error::InvalidProbability`] for `p`
/// outside [0, 1]; [`Error::QuantileOutOfRange`] for
/// [`QuantileMethod::Weibull`] when `(n + 1)p` is below 1 or above `n`
/// (Excel's #NUM!).
///
/// # Examples
///
/// Excel's documentation: `PERCENTILE.INC({1,3,2,4}, 0.3) = 1.9`,
/// `QUARTILE.EXC` of {6, 7, 15, 36, 39, 40, 41, 42, 43, 47, 49}: Q1 = 15,
/// Q3 = 43.
///
/// ```
/// use indstat::rank::{quantile, QuantileMethod};
/// use indstat::dec;
///
/// let d = [1, 3, 2, 4].map(rust_decimal::Decimal::from);
/// assert_eq!(quantile(&d, dec!(0.3), QuantileMethod::Linear)?, dec!(1.9));
/// let e = [6, 7, 15, 36, 39, 40, 41, 42, 43, 47, 49].map(rust_decimal::Decimal::from);
/// assert_eq!(quantile(&e, dec!(0.25), QuantileMethod::Weibull)?, dec!(15));
/// assert_eq!(quantile(&e, dec!(0.75), QuantileMethod::Weibull)?, dec!(43));
/// // Excel: PERCENTILE.EXC({1,2,3,4}, 0.1) is #NUM!; numpy would clip to 1.
/// assert!(quantile(&d, dec!(0.1), QuantileMethod::Weibull).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn quantile(data: &[Decimal], p: Decimal, method: QuantileMethod) -> Result<Decimal> {
    if data.is_empty() {
        return Err(Error::Empty { what: "the data" });
    }
    if p < Decimal::ZERO || p > Decimal::ONE {
        return Err(Error::InvalidProbability { p: p.to_string() });
    }
    let mut sorted = data.to_vec();
    sorted.sort_unstable();
    quantile_sorted(&sorted, p, method)
}

/// [`quantile`] on data already sorted ascending, `p` in [0, 1].
// `n ≥ 1`; positions are checked against `n` before use.
#[allow(clippy::arithmetic_side_effects)]
pub(crate) fn quantile_sorted(
    sorted: &[Decimal],
    p: Decimal,
    method: QuantileMethod,
) -> Result<Decimal> {
    let n = Decimal::from(sorted.len());
    let overflow = || Error::overflow("multiply", p, n);
    // 0-based position h.
    let h = match method {
        QuantileMethod::Linear => (n - Decimal::ONE).checked_mul(p).ok_or_else(overflow)?,
        QuantileMethod::Weibull => {
            let h = (n + Decimal::ONE).checked_mul(p).ok_or_else(overflow)?;
            if h < Decimal::ONE || h > n {
                let den = n + Decimal::ONE;
                return Err(Error::QuantileOutOfRange {
                    p: p.to_string(),
                    n: sorted.len(),
                    method: method.name(),
                    low: (Decimal::ONE / den).normalize().to_string(),
                    high: (n / den).normalize().to_string(),
                });
            }
            h - Decimal::ONE
        }
    };
    let floor = h.floor();
    let fraction = h - floor;
    let index = usize::try_from(floor).map_err(|_| overflow())?;
    let lo = sorted.get(index).copied().ok_or_else(overflow)?;
    if fraction.is_zero() {
        return Ok(lo);
    }
    let hi = sorted.get(index + 1).copied().unwrap_or(lo);
    let step = hi
        .checked_sub(lo)
        .and_then(|width| width.checked_mul(fraction))
        .ok_or_else(|| Error::overflow("interpolate", lo, hi))?;
    lo.checked_add(step).ok_or_else(overflow)
}
