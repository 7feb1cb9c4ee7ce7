//! Rates of change and percentage points: two different quantities that
//! spreadsheets both write with a `%`.

use core::fmt;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::exact::checked;
use crate::rounding::displayed;
use crate::{Dimension, Error, Figure, Quantity, Result, Unit};

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// Writes `fraction × 100` with a `%`, as `displayed` (with a precision,
/// rounded for display to exactly that many places; exact without).
fn write_percent(f: &mut fmt::Formatter<'_>, fraction: Decimal, unit: &str) -> fmt::Result {
    match fraction.checked_mul(HUNDRED) {
        Some(p) => write!(f, "{}{unit}", displayed(f, p)),
        // |fraction| > 7.9e26: print the fraction itself rather than fail.
        None => write!(f, "{fraction}×100{unit}"),
    }
}

/// A relative change, kept as an exact fraction: 8.5% is `Rate(0.085)`.
///
/// Rates come from growth calculations ([`growth`](crate::growth::growth),
/// [`cagr`](crate::growth::cagr)) or from published percentages
/// ([`Rate::from_percent`], or a `%` quantity through `TryFrom`). They are not
/// rounded: `Display` writes every digit unless a precision is given
/// (`{:.2}`), which rounds for display only, half away from zero (四舍五入,
/// [`round_for_display`](crate::round_for_display)), and shows exactly that
/// many places, however the rate was made (`{:.2}` of 50% and of the
/// fraction 0.5 are both `50.00%`).
///
/// A rate is not a [`PercentagePoints`] change: the difference between two
/// rates is measured in percentage points, and there is no arithmetic that
/// mixes the two.
///
/// # Examples
///
/// ```
/// use indstat::Rate;
/// use indstat::dec;
///
/// let g = Rate::from_percent(dec!(8.5))?;
/// assert_eq!(g.fraction(), dec!(0.085));
/// assert_eq!(g.to_string(), "8.5%");
/// assert_eq!(format!("{:.1}", Rate::from_fraction(dec!(0.157141))), "15.7%");
/// assert_eq!(format!("{:.2}", Rate::from_fraction(dec!(0.084995))), "8.50%");
/// assert_eq!(format!("{:.2}", Rate::from_fraction(dec!(0.5))), "50.00%");
/// assert_eq!(Rate::try_from(&"8.5%".parse::<indstat::Quantity>()?)?, g);
/// assert!(Rate::try_from(&"1004亿元".parse::<indstat::Quantity>()?).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
///
/// A rate and a percentage-point change cannot be added:
///
/// ```compile_fail
/// use indstat::{PercentagePoints, Rate};
/// use indstat::dec;
/// let sum = Rate::from_fraction(dec!(0.085)) + PercentagePoints::new(dec!(1.5));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct Rate(#[cfg_attr(feature = "serde", serde(with = "crate::serde_str::decimal"))] Decimal);

impl Rate {
    /// No change.
    ///
    /// ```
    /// assert_eq!(indstat::Rate::ZERO.to_string(), "0%");
    /// ```
    pub const ZERO: Rate = Rate(Decimal::ZERO);

    /// A rate from a fraction: `0.085` is 8.5%.
    ///
    /// ```
    /// use indstat::dec;
    /// assert_eq!(indstat::Rate::from_fraction(dec!(0.085)).to_string(), "8.5%");
    /// ```
    pub const fn from_fraction(fraction: Decimal) -> Rate {
        Rate(fraction)
    }

    /// A rate from a percentage: `8.5` is 8.5%. Exact (a division by 100 only
    /// moves the decimal point).
    ///
    /// # Errors
    ///
    /// [`Error::Inexact`] if the fraction would need more than 28 decimal places.
    ///
    /// ```
    /// use indstat::dec;
    /// assert_eq!(indstat::Rate::from_percent(dec!(10.07))?.fraction(), dec!(0.1007));
    /// assert!(indstat::Rate::from_percent(dec!(0.0000000000000000000000000001)).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn from_percent(percent: Decimal) -> Result<Rate> {
        crate::exact::shift_exact(percent, -2)
            .map(Rate)
            .ok_or_else(|| Error::Inexact {
                value: percent.to_string(),
                from: Unit::PERCENT,
                to: Unit::RATIO,
            })
    }

    /// The rate of a growth factor (发展速度): `1.085` → 8.5%.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] at the edge of `Decimal`'s range.
    ///
    /// ```
    /// use indstat::dec;
    /// assert_eq!(indstat::Rate::from_factor(dec!(1.085))?.to_string(), "8.5%");
    /// assert!(indstat::Rate::from_factor(rust_decimal::Decimal::MIN).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn from_factor(factor: Decimal) -> Result<Rate> {
        crate::exact::minus_one(factor)
            .map(Rate)
            .ok_or_else(|| Error::overflow("subtract", factor, Decimal::ONE))
    }

    /// The rate as a fraction: 8.5% → `0.085`.
    ///
    /// ```
    /// use indstat::dec;
    /// assert_eq!(indstat::Rate::from_percent(dec!(8.5))?.fraction(), dec!(0.085));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub const fn fraction(&self) -> Decimal {
        self.0
    }

    /// The rate in percent: 0.085 → `8.5`.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] for a fraction beyond ±7.9e26.
    ///
    /// ```
    /// use indstat::dec;
    /// assert_eq!(indstat::Rate::from_fraction(dec!(0.085)).percent()?, dec!(8.5));
    /// assert!(indstat::Rate::from_fraction(rust_decimal::Decimal::MAX).percent().is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn percent(&self) -> Result<Decimal> {
        checked::mul(self.0, HUNDRED).map(|p| p.normalize())
    }

    /// The growth factor `1 + rate` (发展速度 as a fraction): 8.5% → `1.085`.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] at the edge of `Decimal`'s range.
    ///
    /// ```
    /// use indstat::dec;
    /// assert_eq!(indstat::Rate::from_fraction(dec!(0.085)).factor()?, dec!(1.085));
    /// assert!(indstat::Rate::from_fraction(rust_decimal::Decimal::MAX).factor().is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn factor(&self) -> Result<Decimal> {
        crate::exact::plus_one(self.0).ok_or_else(|| Error::overflow("add", self.0, Decimal::ONE))
    }

    /// The rate as a `%` quantity (for text forms and observations).
    ///
    /// # Errors
    ///
    /// As [`percent`](Rate::percent).
    ///
    /// ```
    /// use indstat::dec;
    /// let q = indstat::Rate::from_fraction(dec!(0.1007)).to_quantity()?;
    /// assert_eq!(q.to_string(), "10.07%");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn to_quantity(&self) -> Result<Quantity> {
        Ok(Quantity::new(self.percent()?, Unit::PERCENT))
    }

    /// The rate in percent, rounded to `dp` places with a named strategy;
    /// [`DISPLAY_ROUNDING`](crate::DISPLAY_ROUNDING) is the one the crate
    /// prints with.
    ///
    /// ```
    /// use indstat::DISPLAY_ROUNDING;
    /// use indstat::dec;
    /// let g = indstat::Rate::from_fraction(dec!(0.0653643));
    /// assert_eq!(g.round_percent(1, DISPLAY_ROUNDING)?, dec!(6.5));
    /// assert!(indstat::Rate::from_fraction(rust_decimal::Decimal::MAX)
    ///     .round_percent(1, DISPLAY_ROUNDING).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn round_percent(&self, dp: u32, strategy: RoundingStrategy) -> Result<Decimal> {
        Ok(self.percent()?.round_dp_with_strategy(dp, strategy))
    }

    /// The change in percentage points from `self` to `later`: 8.0% → 6.5% is
    /// −1.5 points (回落1.5个百分点).
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] at the edge of `Decimal`'s range.
    ///
    /// ```
    /// use indstat::Rate;
    /// use indstat::dec;
    /// let pp = Rate::from_percent(dec!(8.0))?.points_to(Rate::from_percent(dec!(6.5))?)?;
    /// assert_eq!(pp.value(), dec!(-1.5));
    /// assert!(Rate::from_fraction(rust_decimal::Decimal::MIN).points_to(Rate::from_fraction(rust_decimal::Decimal::MAX)).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn points_to(&self, later: Rate) -> Result<PercentagePoints> {
        let diff = checked::sub(later.0, self.0)?;
        checked::mul(diff, HUNDRED).map(|d| PercentagePoints(d.normalize()))
    }
}

impl fmt::Display for Rate {
    /// `8.5%`; with a precision, rounded half away from zero to exactly
    /// that many places: `{:.1}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_percent(f, self.0, "%")
    }
}

impl TryFrom<&Quantity> for Rate {
    type Error = Error;

    /// Reads a `%` quantity as a rate: `8.5%` → 0.085.
    fn try_from(q: &Quantity) -> Result<Rate> {
        if q.dimension() != Dimension::Percent {
            return Err(Error::UnitMismatch {
                expected: Unit::PERCENT,
                found: q.unit(),
            });
        }
        Rate::from_percent(q.value())
    }
}

/// A difference of two percentages, in percentage points (百分点): R&D at
/// 4.1% then 4.4% of GDP is a change of +0.3 points, not of +7.3%.
///
/// # Examples
///
/// ```
/// use indstat::PercentagePoints;
/// use indstat::dec;
///
/// let pp = PercentagePoints::new(dec!(-1.5));
/// assert_eq!(pp.zh(), "回落1.5个百分点");
/// assert_eq!(pp.en(), "down 1.5 percentage points");
/// assert_eq!(pp.to_string(), "-1.5 pp");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct PercentagePoints(
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_str::decimal"))] Decimal,
);

impl PercentagePoints {
    /// A change of `points` percentage points.
    ///
    /// ```
    /// use indstat::dec;
    /// assert_eq!(indstat::PercentagePoints::new(dec!(0.3)).value(), dec!(0.3));
    /// ```
    pub const fn new(points: Decimal) -> PercentagePoints {
        PercentagePoints(points)
    }

    /// The number of points.
    ///
    /// ```
    /// use indstat::dec;
    /// assert_eq!(indstat::PercentagePoints::new(dec!(-1.5)).value(), dec!(-1.5));
    /// ```
    pub const fn value(&self) -> Decimal {
        self.0
    }

    /// The Chinese form: `提高0.3个百分点`, `回落1.5个百分点`, `持平`; the
    /// text of the exact [`Figure`] of the change (without trailing zeros),
    /// except that no change is 持平.
    ///
    /// ```
    /// use indstat::dec;
    /// assert_eq!(indstat::PercentagePoints::new(dec!(0.3)).zh(), "提高0.3个百分点");
    /// assert_eq!(indstat::PercentagePoints::new(dec!(0)).zh(), "持平");
    /// ```
    pub fn zh(&self) -> String {
        match self.figure() {
            Some(f) => f.zh(),
            None => "持平".to_owned(),
        }
    }

    /// The English form: `up 0.3 percentage points`, `down 1.5 percentage
    /// points`, `unchanged`; as [`PercentagePoints::zh`], the text of its
    /// [`Figure`].
    ///
    /// ```
    /// use indstat::dec;
    /// assert_eq!(indstat::PercentagePoints::new(dec!(1)).en(), "up 1 percentage point");
    /// assert_eq!(indstat::PercentagePoints::new(dec!(0)).en(), "unchanged");
    /// ```
    pub fn en(&self) -> String {
        match self.figure() {
            Some(f) => f.en(),
            None => "unchanged".to_owned(),
        }
    }

    /// The change as an exact figure in percentage points, trailing zeros
    /// removed; `None` for no change. (A figure of zero points is written as
    /// a move of zero, `提高0个百分点`: `持平` would read back as a rank
    /// change.)
    fn figure(&self) -> Option<Figure> {
        let v = self.0.normalize();
        (!v.is_zero()).then(|| Figure::exact_value(Quantity::new(v, Unit::PERCENTAGE_POINT)))
    }
}

impl fmt::Display for PercentagePoints {
    /// `-1.5 pp`; with a precision, rounded for display as
    /// [`round_for_display`](crate::round_for_display) (half away from zero)
    /// to exactly that many places: `{:.2}` of 1.5 is `1.50 pp`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} pp", displayed(f, self.0))
    }
}
