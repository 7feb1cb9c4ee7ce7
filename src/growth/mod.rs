//! Growth: year on year (同比), period on period (环比), percentage points,
//! CAGR, required growth, years to a target, projections, implied bases,
//! contributions (贡献率, 拉动), averages, chain-linked indices and year-to-date
//! cumulatives — in exact decimals, with the conventions of NBS, pandas,
//! polars and Excel stated where they differ.
//!
//! # Conventions
//!
//! - Growth is `current / base − 1` as an exact fraction ([`Rate`]). A zero
//!   base, a negative base and a change of sign are errors
//!   ([`Error::ZeroBase`], [`Error::NegativeBase`], [`Error::SignChange`]),
//!   where pandas and polars return `inf`, `NaN` or a sign-inverted number.
//! - A percentage (a share, a rate) changes in percentage points
//!   ([`PercentagePoints`]); its percent growth is computed only by
//!   [`growth_of_share`]. A density such as patents per 10,000 people grows in
//!   percent.
//! - On a [`Series`](crate::Series), the base must be exactly the expected
//!   period: a gap gives no value and no forward-fill happens unless asked for
//!   ([`Fill::Forward`]), as in pandas 3 and polars.
//! - Compound rates (CAGR, required growth, projections) use exact k-th roots:
//!   Newton's method in `Decimal`, accurate to better than 1e-20 relative (see
//!   [`cagr`]).
//!
//! # Examples
//!
//! ```
//! use indstat::growth::{self, Reach};
//! use indstat::{Direction, Period, Quantity, Rate};
//! use rust_decimal::RoundingStrategy::MidpointAwayFromZero;
//! use indstat::dec;
//!
//! let base: Quantity = "1004亿元".parse()?;
//! let target: Quantity = "1800亿元".parse()?;
//!
//! // The growth a year 1004 → 1800 in four years needs: 15.714%.
//! let need = growth::required_growth(&base, Period::year(2022)?, &target, Period::year(2026)?)?;
//! assert_eq!(need.round_percent(3, MidpointAwayFromZero)?, dec!(15.714));
//!
//! // At 8.5% a year: 1391.40亿元 in 2026, and 1800 first reached after 8 years.
//! let pace = Rate::from_percent(dec!(8.5))?;
//! let y2026 = growth::project(&base, pace, 4)?;
//! assert_eq!(y2026.value().round_dp(2), dec!(1391.40));
//! assert_eq!(growth::years_to_reach(&base, &target, pace, Direction::HigherIsBetter)?, Reach::InYears(8));
//!
//! // Growth from zero is an error, not infinity.
//! assert!(growth::growth(&"0亿元".parse()?, &base).is_err());
//! # Ok::<(), indstat::Error>(())
//! ```

mod accounting;
mod compound;
pub(crate) mod kernel;
mod series;

pub use accounting::{
    Contribution, Contributions, chain_index, contributions, implied_base, link_relatives,
    real_growth, single_period_growth, single_periods_from_ytd,
};
pub use compound::{
    Reach, annualize, average_rate, cagr, periods_to_reach, project, project_span, required_growth,
    years_to_reach,
};
pub use series::{BasePeriod, ChangePoint, ChangeSeries, Fill};
// Years to reach with a strict bound (突破), for `targets::LevelTarget`.
pub(crate) use compound::years_to_pass;

use rust_decimal::Decimal;

use crate::{
    ChangeMeasure, Dimension, Error, Figure, Indicator, PercentagePoints, Quantity, Rate, Result,
};

/// Growth from `base` to `current`: `current / base − 1`, exact to `Decimal`'s
/// 28 significant digits. Use it for 同比 (base = the same period a year
/// earlier) and 环比 (base = the previous period) alike.
///
/// # Errors
///
/// - [`Error::UnitMismatch`] across dimensions (magnitudes may differ);
/// - [`Error::ShareGrowth`] for percentages, which change in points;
/// - [`Error::ZeroBase`], [`Error::NegativeBase`], [`Error::SignChange`]
///   (a positive base and a negative current value).
///
/// ```
/// use indstat::growth::growth;
/// use indstat::Quantity;
/// use indstat::dec;
///
/// let g = growth(&"925.35亿元".parse()?, &"1004亿元".parse()?)?;
/// assert_eq!(g.fraction().round_dp(4), dec!(0.0850));
/// // Magnitudes may differ: 1004亿元 from 9253500万元.
/// assert_eq!(growth(&"9253500万元".parse()?, &"1004亿元".parse()?)?, g);
///
/// assert!(growth(&"0元".parse()?, &"5元".parse()?).is_err());     // pandas: inf
/// assert!(growth(&"-100元".parse()?, &"-50元".parse()?).is_err()); // pandas: -50%
/// assert!(growth(&"100元".parse()?, &"-100元".parse()?).is_err()); // pandas: -200%
/// assert!(growth(&"4.1%".parse()?, &"4.4%".parse()?).is_err());   // a share: use points
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn growth(base: &Quantity, current: &Quantity) -> Result<Rate> {
    if base.dimension() == Dimension::Percent && current.dimension() == Dimension::Percent {
        return Err(Error::ShareGrowth {
            base: base.to_string(),
            current: current.to_string(),
        });
    }
    relative_change(base, current)
}

/// The percent growth of a percentage, asked for explicitly: a share of 4.1%
/// rising to 4.4% grew by 7.3%, while it rose by 0.3 percentage points.
///
/// # Errors
///
/// As [`growth`], less [`Error::ShareGrowth`].
///
/// ```
/// use indstat::growth::growth_of_share;
/// use indstat::dec;
/// let g = growth_of_share(&"4.1%".parse()?, &"4.4%".parse()?)?;
/// assert_eq!(g.fraction().round_dp(4), dec!(0.0732));
/// assert!(growth_of_share(&"0%".parse()?, &"4.4%".parse()?).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn growth_of_share(base: &Quantity, current: &Quantity) -> Result<Rate> {
    relative_change(base, current)
}

fn relative_change(base: &Quantity, current: &Quantity) -> Result<Rate> {
    if base.dimension() != current.dimension() {
        return Err(Error::UnitMismatch {
            expected: base.unit(),
            found: current.unit(),
        });
    }
    let describe = || (base.to_string(), current.to_string());
    // Refused before aligning, which may overflow (and keeps the signs).
    kernel::check(base.value(), current.value(), describe)?;
    let (c, b, _) = current.aligned(base)?;
    kernel::growth(b, c, describe)
}

/// The change in percentage points between two percentages: 8.0% → 6.5% is
/// −1.5 points (回落1.5个百分点).
///
/// # Errors
///
/// [`Error::UnitMismatch`] unless both are percentages; [`Error::Overflow`].
///
/// ```
/// use indstat::growth::percentage_point_change;
/// use indstat::dec;
/// let pp = percentage_point_change(&"8.0%".parse()?, &"6.5%".parse()?)?;
/// assert_eq!(pp.value(), dec!(-1.5));
/// assert_eq!(pp.zh(), "回落1.5个百分点");
/// assert!(percentage_point_change(&"8%".parse()?, &"6亿元".parse()?).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn percentage_point_change(base: &Quantity, current: &Quantity) -> Result<PercentagePoints> {
    for q in [base, current] {
        if q.dimension() != Dimension::Percent {
            return Err(Error::UnitMismatch {
                expected: crate::Unit::PERCENT,
                found: q.unit(),
            });
        }
    }
    let d = current.checked_sub(base)?;
    Ok(PercentagePoints::new(d.value().normalize()))
}

/// A change between two values, measured as the indicator's kind requires
/// ([`Indicator::change_measure`]).
///
/// # Examples
///
/// ```
/// use indstat::growth::{Change, change};
/// use indstat::datasets::rongchang;
///
/// let rd = rongchang::row(36)?.expect("R&D share").indicator().clone();
/// let c = change(&rd, &"4.1%".parse()?, &"4.4%".parse()?)?;
/// assert_eq!(c.to_string(), "0.3 pp");
///
/// let rank = rongchang::row(6)?.expect("rank").indicator().clone();
/// let c = change(&rank, &"第139位".parse()?, &"第122位".parse()?)?;
/// assert_eq!(c.en(), "up 17 places");
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "snake_case", tag = "measure", content = "value")
)]
#[non_exhaustive]
pub enum Change {
    /// Relative growth (增长8.5%).
    Growth(Rate),
    /// A difference of percentages (提高0.3个百分点).
    Points(PercentagePoints),
    /// Places climbed in a ranking, positive when the rank number fell (上升17位).
    Places(#[cfg_attr(feature = "serde", serde(with = "crate::serde_str::decimal"))] Decimal),
    /// A plain difference in the indicator's unit. A difference is not a
    /// value: it may be negative whatever the unit (read unchecked by serde).
    Difference(
        #[cfg_attr(feature = "serde", serde(with = "crate::quantity::difference"))] Quantity,
    ),
}

impl Change {
    /// The growth rate, if this is a relative change.
    ///
    /// ```
    /// use indstat::growth::Change;
    /// assert!(Change::Growth(indstat::Rate::ZERO).rate().is_some());
    /// assert!(Change::Places(rust_decimal::Decimal::ONE).rate().is_none());
    /// ```
    pub fn rate(&self) -> Option<Rate> {
        match self {
            Change::Growth(r) => Some(*r),
            _ => None,
        }
    }

    /// The Chinese wording: `增长8.5%`, `下降2%`, `提高0.3个百分点`, `上升17位`.
    ///
    /// ```
    /// use indstat::{growth::Change, Rate};
    /// use indstat::dec;
    /// assert_eq!(Change::Growth(Rate::from_percent(dec!(8.5))?).zh(), "增长8.5%");
    /// assert_eq!(Change::Growth(Rate::from_percent(dec!(-2))?).zh(), "下降2%");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn zh(&self) -> String {
        match self {
            Change::Growth(r) => {
                let f = r.fraction();
                if f.is_sign_negative() && !f.is_zero() {
                    format!("下降{}", Rate::from_fraction(f.abs()))
                } else {
                    format!("增长{r}")
                }
            }
            Change::Points(p) => p.zh(),
            Change::Places(n) => Figure::from(Quantity::new(*n, crate::Unit::RANK_CHANGE)).zh(),
            Change::Difference(q) => {
                if q.value().is_sign_negative() && !q.value().is_zero() {
                    format!("减少{}", Quantity::new(q.value().abs(), q.unit()))
                } else {
                    format!("增加{q}")
                }
            }
        }
    }

    /// The English wording: `up 8.5%`, `down 2%`, `up 0.3 percentage points`,
    /// `up 17 places`.
    ///
    /// ```
    /// use indstat::{growth::Change, Rate};
    /// use indstat::dec;
    /// assert_eq!(Change::Growth(Rate::from_percent(dec!(8.5))?).en(), "up 8.5%");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn en(&self) -> String {
        match self {
            Change::Growth(r) => {
                let f = r.fraction();
                if f.is_sign_negative() && !f.is_zero() {
                    format!("down {}", Rate::from_fraction(f.abs()))
                } else {
                    format!("up {r}")
                }
            }
            Change::Points(p) => p.en(),
            Change::Places(n) => Figure::from(Quantity::new(*n, crate::Unit::RANK_CHANGE)).en(),
            Change::Difference(q) => {
                if q.value().is_sign_negative() && !q.value().is_zero() {
                    format!("down {}", Quantity::new(q.value().abs(), q.unit()).en())
                } else {
                    format!("up {}", q.en())
                }
            }
        }
    }
}

impl core::fmt::Display for Change {
    /// `8.5%`, `0.3 pp`, `+17 places`, or the difference in its unit.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Change::Growth(r) => core::fmt::Display::fmt(r, f),
            Change::Points(p) => core::fmt::Display::fmt(p, f),
            Change::Places(n) => write!(f, "{n:+} places"),
            Change::Difference(q) => write!(f, "{q}"),
        }
    }
}

/// The change from `base` to `current` of `indicator`, in the measure its kind
/// requires: percent growth for amounts, counts and densities; percentage
/// points for percentages; places for ranks (139th → 122nd is +17); a plain
/// difference for scores and changes.
///
/// # Errors
///
/// As [`growth`] for relative changes; [`Error::UnitMismatch`] when a value is
/// not in the indicator's dimension; [`Error::Overflow`].
///
/// ```
/// use indstat::growth::change;
/// use indstat::datasets::rongchang;
///
/// let output = rongchang::row(3)?.expect("row 3").indicator().clone();
/// let c = change(&output, &"925.35亿元".parse()?, &"1004亿元".parse()?)?;
/// assert!(c.rate().is_some());
/// assert!(change(&output, &"0亿元".parse()?, &"1004亿元".parse()?).is_err());
/// assert!(change(&output, &"4%".parse()?, &"5%".parse()?).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn change(indicator: &Indicator, base: &Quantity, current: &Quantity) -> Result<Change> {
    let dim = indicator.unit().dimension();
    for q in [base, current] {
        if q.dimension() != dim {
            return Err(Error::UnitMismatch {
                expected: indicator.unit(),
                found: q.unit(),
            });
        }
    }
    match indicator.change_measure() {
        ChangeMeasure::PercentagePoints => {
            percentage_point_change(base, current).map(Change::Points)
        }
        ChangeMeasure::Places => {
            let d = base.checked_sub(current)?;
            Ok(Change::Places(d.value()))
        }
        ChangeMeasure::Difference => current.checked_sub(base).map(Change::Difference),
        _ => growth(base, current).map(Change::Growth),
    }
}
