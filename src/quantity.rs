//! `Quantity`: an exact decimal value with its unit.

use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};

use rust_decimal::Decimal;

use crate::exact::{canonical, checked_div, cmp_scaled, exact_add, shift_exact};
use crate::{Dimension, Error, Magnitude, Result, Unit};

/// An exact decimal value in a [`Unit`]: `1004亿元`, `755家`, `8.5%`.
///
/// Values of one dimension at different magnitudes are the same quantity:
/// 1004亿元 == 100 400 000 000元 == 10 040 000万元. Equality, hashing and
/// [`checked_cmp`](Quantity::checked_cmp) compare the exact values, with no
/// conversion that could overflow or round. Across dimensions nothing is equal
/// and comparison is an error.
///
/// Arithmetic is checked: every operation returns [`Result`], and a result that
/// would overflow `Decimal` is [`Error::Overflow`], never a panic. Adding a
/// percentage to an amount of money is [`Error::UnitMismatch`].
///
/// `Display` prints the Chinese form (`1004亿元`) and `FromStr` reads Chinese or
/// English (`100.4 billion yuan`); see [`Quantity::zh`] and [`Quantity::en`].
///
/// # Examples
///
/// ```
/// use indstat::{Magnitude, Quantity, Unit};
/// use indstat::dec;
///
/// let output = Quantity::new(dec!(1004), Unit::YI_YUAN);
/// assert_eq!(output, "100400000000元".parse::<Quantity>()?);
/// assert_eq!(output, "10040000万元".parse::<Quantity>()?);
/// assert_eq!(output.to_magnitude(Magnitude::WAN)?.value(), dec!(10040000));
/// assert_eq!(output.en().to_string(), "100.4 billion yuan");
///
/// // Across dimensions: an error, not a silent answer.
/// let growth: Quantity = "8.5%".parse()?;
/// assert!(output.checked_add(&growth).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
///
/// There is no `+` operator: every sum goes through a checked method, so adding a
/// percentage to an amount of money does not compile unchecked.
///
/// ```compile_fail
/// let output: indstat::Quantity = "1004亿元".parse().unwrap();
/// let growth: indstat::Quantity = "8.5%".parse().unwrap();
/// let nonsense = output + growth; // error[E0369]: cannot add `Quantity` to `Quantity`
/// ```
///
/// # What a value in a unit can be
///
/// Some units admit only some numbers: a count (家, 人, 个项目) is whole and not
/// negative, a rank is whole and at least 1, a rank change is whole, an area
/// or a density per 10,000 people is not negative. The data readers (text
/// through `FromStr`, serde, and [`Quantity::try_new`]) apply this one rule
/// and refuse what breaks it, naming the value. [`Quantity::new`] does not
/// check: it is also how calculations build their results, and a difference
/// of two counts may be negative
/// ([`Change::Difference`](crate::growth::Change::Difference)), a projected count
/// fractional. Such a quantity prints, but its text does not read back.
///
/// ```
/// use indstat::{Noun, Quantity, Unit};
/// use indstat::dec;
///
/// assert!(Quantity::try_new(dec!(755), Unit::count(Noun::Enterprise)).is_ok());
/// assert!(Quantity::try_new(dec!(-3), Unit::count(Noun::Enterprise)).is_err());
/// assert!("-3家".parse::<Quantity>().is_err());
/// # #[cfg(feature = "serde")]
/// assert!(serde_json::from_str::<Quantity>(r#"{"value":"-3","unit":"enterprises"}"#).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "QuantityRepr"))]
pub struct Quantity {
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_str::decimal"))]
    value: Decimal,
    unit: Unit,
}

#[cfg(feature = "serde")]
crate::serde_str::read_through!(
    Quantity,
    QuantityRepr {
        #[serde(with = "crate::serde_str::decimal")]
        value: Decimal,
        unit: Unit,
    },
    |r| Quantity::try_new(r.value, r.unit)
);

/// serde for a quantity that is a difference, not a value
/// (`#[serde(with = "crate::quantity::difference")]`): read without the rule
/// of [`check_value`], since a difference of two counts may be negative.
#[cfg(feature = "serde")]
pub(crate) mod difference {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{Quantity, QuantityRepr};

    /// As `Quantity`'s own serialisation.
    pub(crate) fn serialize<S: Serializer>(q: &Quantity, s: S) -> Result<S::Ok, S::Error> {
        q.serialize(s)
    }

    /// Any value in any unit.
    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Quantity, D::Error> {
        let r = QuantityRepr::deserialize(d)?;
        Ok(Quantity::new(r.value, r.unit))
    }
}

/// The one rule for what a value in `unit` can be (see [`Quantity`]): the
/// reason it is impossible, or `Ok`. The text reader, serde,
/// [`Quantity::try_new`] and [`Indicator::check`](crate::Indicator::check)
/// all call it.
pub(crate) fn check_value(value: Decimal, unit: Unit) -> core::result::Result<(), &'static str> {
    let negative = value.is_sign_negative() && !value.is_zero();
    // Whole in base units: no more decimal places than the magnitude absorbs.
    let whole = value.normalize().scale() <= u32::from(unit.magnitude().exponent());
    match unit.dimension() {
        Dimension::Count(_) if negative => Err("a count cannot be negative"),
        Dimension::Count(_) if !whole => Err("a count is a whole number"),
        Dimension::Rank if !whole || value < Decimal::ONE => Err("a rank is a whole number from 1"),
        Dimension::RankChange if !whole => Err("a rank change is a whole number of places"),
        Dimension::SquareKm if negative => Err("an area cannot be negative"),
        Dimension::PerTenThousandPeople(_) if negative => Err("a density cannot be negative"),
        _ => Ok(()),
    }
}

impl Quantity {
    /// A quantity of `value` in `unit`.
    ///
    /// ```
    /// use indstat::{Quantity, Unit};
    /// use indstat::dec;
    /// assert_eq!(Quantity::new(dec!(22.45), Unit::YI_YUAN).to_string(), "22.45亿元");
    /// ```
    ///
    /// It does not check the value: calculations build their results with it,
    /// and a difference of counts may be negative. Data read from elsewhere
    /// goes through [`Quantity::try_new`].
    pub const fn new(value: Decimal, unit: Unit) -> Quantity {
        Quantity { value, unit }
    }

    /// A quantity of `value` in `unit`, if the unit admits it: counts whole
    /// and not negative, ranks whole and at least 1, rank changes whole, areas
    /// and densities not negative (the rule text and serde apply too).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] naming the value and the rule it breaks.
    ///
    /// ```
    /// use indstat::{Noun, Quantity, Unit};
    /// use indstat::dec;
    ///
    /// let firms = Quantity::try_new(dec!(755), Unit::count(Noun::Enterprise))?;
    /// assert_eq!(firms.to_string(), "755家");
    ///
    /// let err = Quantity::try_new(dec!(-3), Unit::count(Noun::Enterprise)).unwrap_err();
    /// assert_eq!(err.to_string(), "invalid quantity -3家: a count cannot be negative");
    /// assert!(Quantity::try_new(dec!(0), Unit::RANK).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn try_new(value: Decimal, unit: Unit) -> Result<Quantity> {
        let q = Quantity { value, unit };
        check_value(value, unit).map_err(|reason| Error::InvalidParameter {
            name: "quantity",
            value: q.to_string(),
            reason,
        })?;
        Ok(q)
    }

    /// The number as written, in [`unit`](Quantity::unit)'s magnitude.
    ///
    /// ```
    /// use indstat::dec;
    /// assert_eq!("1004亿元".parse::<indstat::Quantity>()?.value(), dec!(1004));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub const fn value(&self) -> Decimal {
        self.value
    }

    /// The unit.
    ///
    /// ```
    /// assert_eq!("1004亿元".parse::<indstat::Quantity>()?.unit(), indstat::Unit::YI_YUAN);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub const fn unit(&self) -> Unit {
        self.unit
    }

    /// The unit's dimension.
    ///
    /// ```
    /// assert_eq!("8.5%".parse::<indstat::Quantity>()?.dimension(), indstat::Dimension::Percent);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub const fn dimension(&self) -> Dimension {
        self.unit.dimension()
    }

    /// The same quantity written at another magnitude, exactly.
    ///
    /// The digits are those of the number moved with the decimal point, with
    /// no zeros added: a whole number gains no decimal places (3000万元 is
    /// 0.3亿元, not 0.3000亿元, and 168 million yuan, read as 16800万元, is
    /// 1.68亿元), while places that were written are kept (1.50万元 is
    /// 0.000150亿元, 3000.0万元 is 0.30000亿元). The trailing zeros of a whole
    /// number are not decimal places anyone wrote; removing them here, where
    /// they would appear, keeps them out of every printer of stored digits
    /// (`Display`, serde, SDMX) rather than hiding them in one. The result is
    /// equal to `self`: equality, hashing and serde compare exact values.
    ///
    /// # Errors
    ///
    /// [`Error::Inexact`] when the result needs more than 28 decimal places or
    /// more than 28 significant digits; [`Error::Parse`] when the dimension takes
    /// no magnitude.
    ///
    /// ```
    /// use indstat::{Magnitude, Quantity};
    /// use indstat::dec;
    ///
    /// let q: Quantity = "1.68亿元".parse()?;
    /// assert_eq!(q.to_magnitude(Magnitude::ONE)?.value(), dec!(168000000));
    /// assert_eq!(q.to_magnitude(Magnitude::WAN_YI)?.value(), dec!(0.000168));
    ///
    /// let yi = |text: &str| -> Result<String, indstat::Error> {
    ///     Ok(text.parse::<Quantity>()?.to_magnitude(Magnitude::YI)?.to_string())
    /// };
    /// assert_eq!(yi("3000万元")?, "0.3亿元");
    /// assert_eq!(yi("168 million yuan")?, "1.68亿元");
    /// assert_eq!(yi("1.50万元")?, "0.000150亿元");
    ///
    /// let huge: Quantity = "79228162514264337593543950335万亿元".parse()?;
    /// assert!(huge.to_magnitude(Magnitude::ONE).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[allow(clippy::arithmetic_side_effects)] // exponents are 0..=28
    pub fn to_magnitude(&self, magnitude: Magnitude) -> Result<Quantity> {
        let unit = self.unit.with_magnitude(magnitude)?;
        let shift = i32::from(self.unit.magnitude().exponent()) - i32::from(magnitude.exponent());
        let value = shift_exact(self.value, shift).ok_or_else(|| Error::Inexact {
            value: self.value.to_string(),
            from: self.unit,
            to: unit,
        })?;
        // A whole number gains no decimal places (see above); a number with
        // decimals keeps them.
        let value = if self.value.scale() == 0 {
            value.normalize()
        } else {
            value
        };
        Ok(Quantity { value, unit })
    }

    /// The value in the unit's base (magnitude 1): 元 for money.
    ///
    /// # Errors
    ///
    /// [`Error::Inexact`] if that value does not fit a `Decimal`.
    ///
    /// ```
    /// use indstat::dec;
    /// assert_eq!("22.45亿元".parse::<indstat::Quantity>()?.to_base()?, dec!(2245000000));
    /// let huge = indstat::Quantity::new(rust_decimal::Decimal::MAX, indstat::Unit::YI_YUAN);
    /// assert!(huge.to_base().is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn to_base(&self) -> Result<Decimal> {
        Ok(self.to_magnitude(Magnitude::ONE)?.value)
    }

    /// The quantity rounded for display to `dp` decimal places, half away
    /// from zero (四舍五入), as [`round_for_display`](crate::round_for_display)
    /// does: for printing (`{:.2}` does the same), never for calculating.
    ///
    /// ```
    /// use indstat::Quantity;
    /// use indstat::dec;
    ///
    /// let p = Quantity::new(dec!(1391.395), indstat::Unit::YI_YUAN);
    /// assert_eq!(p.round_for_display(2).to_string(), "1391.40亿元");
    /// assert_eq!(format!("{p:.2}"), "1391.40亿元");
    /// assert_eq!(p.round_for_display(0).en(), "139.1 billion yuan");
    /// // A tie goes away from zero: 1391.385 → 1391.39 (banker's rounding
    /// // would give 1391.38).
    /// let tie = Quantity::new(dec!(1391.385), indstat::Unit::YI_YUAN);
    /// assert_eq!(tie.round_for_display(2).value(), dec!(1391.39));
    /// ```
    #[must_use]
    pub fn round_for_display(&self, dp: u32) -> Quantity {
        Quantity {
            value: crate::round_for_display(self.value, dp),
            unit: self.unit,
        }
    }

    /// The same quantity with trailing zeros removed from the number
    /// (`1.50亿元` → `1.5亿元`); equal to `self`.
    ///
    /// ```
    /// let q: indstat::Quantity = "1.50亿元".parse()?;
    /// assert_eq!(q.normalize().to_string(), "1.5亿元");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[must_use]
    pub fn normalize(&self) -> Quantity {
        Quantity {
            value: self.value.normalize(),
            unit: self.unit,
        }
    }

    fn require_same_dimension(&self, other: &Quantity) -> Result<()> {
        if self.dimension() == other.dimension() {
            Ok(())
        } else {
            Err(Error::UnitMismatch {
                expected: self.unit,
                found: other.unit,
            })
        }
    }

    /// Compares two quantities of one dimension exactly, whatever their
    /// magnitudes.
    ///
    /// # Errors
    ///
    /// [`Error::UnitMismatch`] across dimensions.
    ///
    /// ```
    /// use core::cmp::Ordering;
    /// use indstat::Quantity;
    ///
    /// let a: Quantity = "1004亿元".parse()?;
    /// let b: Quantity = "100.4 billion yuan".parse()?;
    /// assert_eq!(a.checked_cmp(&b)?, Ordering::Equal);
    /// assert_eq!(a.checked_cmp(&"1800亿元".parse()?)?, Ordering::Less);
    /// assert!(a.checked_cmp(&"755家".parse()?).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn checked_cmp(&self, other: &Quantity) -> Result<Ordering> {
        self.require_same_dimension(other)?;
        Ok(cmp_scaled(
            self.value,
            self.unit.magnitude(),
            other.value,
            other.unit.magnitude(),
        ))
    }

    /// Brings `other` to a common magnitude with `self`: `self`'s if `other`
    /// converts exactly, else the finer of the two.
    pub(crate) fn aligned(&self, other: &Quantity) -> Result<(Decimal, Decimal, Unit)> {
        self.require_same_dimension(other)?;
        if let Ok(o) = other.to_magnitude(self.unit.magnitude()) {
            return Ok((self.value, o.value, self.unit));
        }
        let finer = self.unit.magnitude().min(other.unit.magnitude());
        let a = self.to_magnitude(finer)?;
        let b = other.to_magnitude(finer)?;
        Ok((a.value, b.value, a.unit))
    }

    /// The exact sum, in `self`'s unit when `other` converts to it exactly,
    /// otherwise in the finer of the two magnitudes.
    ///
    /// # Errors
    ///
    /// [`Error::UnitMismatch`] across dimensions, [`Error::Overflow`] when the
    /// sum leaves `Decimal`'s range, [`Error::Inexact`] when the exact sum needs
    /// more than 28 significant digits (`1e28元 + 0.1元`), which `Decimal` would
    /// round.
    ///
    /// ```
    /// use indstat::Quantity;
    ///
    /// let a: Quantity = "1004亿元".parse()?;
    /// let sum = a.checked_add(&"5万元".parse()?)?;
    /// assert_eq!(sum.to_string(), "1004.0005亿元");
    ///
    /// let max: Quantity = "79228162514264337593543950335元".parse()?;
    /// assert!(matches!(max.checked_add(&max), Err(indstat::Error::Overflow { .. })));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn checked_add(&self, other: &Quantity) -> Result<Quantity> {
        self.exact_sum(other, false)
    }

    fn exact_sum(&self, other: &Quantity, subtract: bool) -> Result<Quantity> {
        let (a, b, unit) = self.aligned(other)?;
        let (op, b) = if subtract {
            (
                "subtract",
                Decimal::ZERO
                    .checked_sub(b)
                    .ok_or_else(|| Error::overflow("subtract", self, other))?,
            )
        } else {
            ("add", b)
        };
        let value = a
            .checked_add(b)
            .ok_or_else(|| Error::overflow(op, self, other))?;
        // Decimal rounds a sum that needs more than 28 significant digits
        // (1e28 + 0.1); refuse rather than round.
        if exact_add(a, b) != Some(value) {
            return Err(Error::Inexact {
                value: format!("{self} {} {other}", if subtract { "−" } else { "+" }),
                from: self.unit,
                to: unit,
            });
        }
        Ok(Quantity { value, unit })
    }

    /// The exact difference `self − other`, as [`checked_add`](Quantity::checked_add).
    ///
    /// # Errors
    ///
    /// As [`checked_add`](Quantity::checked_add).
    ///
    /// ```
    /// use indstat::Quantity;
    /// let gap = "1800亿元".parse::<Quantity>()?.checked_sub(&"1004亿元".parse()?)?;
    /// assert_eq!(gap.to_string(), "796亿元");
    /// assert!("1800亿元".parse::<Quantity>()?.checked_sub(&"8.5%".parse()?).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn checked_sub(&self, other: &Quantity) -> Result<Quantity> {
        self.exact_sum(other, true)
    }

    /// The quantity multiplied by a plain number, in the same unit. A product
    /// that needs more than 28 decimal places is rounded to 28 (as `Decimal`
    /// does, half to even); one that would round to zero is an error.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] when the product leaves `Decimal`'s range;
    /// [`Error::Inexact`] when a non-zero product underflows to zero.
    ///
    /// ```
    /// use indstat::Quantity;
    /// use indstat::dec;
    ///
    /// let q: Quantity = "1004亿元".parse()?;
    /// assert_eq!(q.checked_mul(dec!(1.085))?.to_string(), "1089.340亿元");
    /// assert!(q.checked_mul(rust_decimal::Decimal::MAX).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn checked_mul(&self, factor: Decimal) -> Result<Quantity> {
        let value = crate::exact::mul(self.value, factor)
            .ok_or_else(|| Error::overflow("multiply", self, factor))?;
        if value.is_zero() && !self.value.is_zero() && !factor.is_zero() {
            return Err(Error::Inexact {
                value: format!("{self} × {factor}"),
                from: self.unit,
                to: self.unit,
            });
        }
        Ok(Quantity {
            value,
            unit: self.unit,
        })
    }

    /// The quantity divided by a plain number, in the same unit. Division
    /// rounds to `Decimal`'s 28 significant digits when the quotient does not
    /// terminate (1/3).
    ///
    /// # Errors
    ///
    /// [`Error::DivisionByZero`], or [`Error::Overflow`].
    ///
    /// ```
    /// use indstat::Quantity;
    /// use rust_decimal::Decimal;
    /// use indstat::dec;
    ///
    /// let q: Quantity = "1004亿元".parse()?;
    /// assert_eq!(q.checked_div(dec!(4))?.to_string(), "251亿元");
    /// assert!(matches!(q.checked_div(Decimal::ZERO), Err(indstat::Error::DivisionByZero { .. })));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn checked_div(&self, divisor: Decimal) -> Result<Quantity> {
        let value = checked_div(self.value, divisor, || self.to_string())?;
        Ok(Quantity {
            value,
            unit: self.unit,
        })
    }

    /// The ratio `self / other` of two quantities of one dimension, as a plain
    /// number (585家 / 755家 = 0.7748…, 100.07 km² / 27.87 km² = 3.59…).
    ///
    /// # Errors
    ///
    /// [`Error::UnitMismatch`], [`Error::DivisionByZero`], [`Error::Overflow`],
    /// [`Error::Inexact`].
    ///
    /// ```
    /// use indstat::Quantity;
    /// use indstat::dec;
    ///
    /// let r = "585家".parse::<Quantity>()?.checked_ratio(&"755家".parse()?)?;
    /// assert_eq!(r.round_dp(4), dec!(0.7748));
    /// assert!("585家".parse::<Quantity>()?.checked_ratio(&"0家".parse()?).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn checked_ratio(&self, other: &Quantity) -> Result<Decimal> {
        let (a, b, _) = self.aligned(other)?;
        checked_div(a, b, || self.to_string())
    }
}

impl PartialEq for Quantity {
    fn eq(&self, other: &Self) -> bool {
        matches!(self.checked_cmp(other), Ok(Ordering::Equal))
    }
}

impl Eq for Quantity {}

impl PartialOrd for Quantity {
    /// Orders quantities of one dimension; `None` across dimensions.
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        self.checked_cmp(other).ok()
    }
}

impl Hash for Quantity {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.dimension().hash(state);
        let (negative, mantissa, exponent) = canonical(self.value, self.unit.magnitude());
        negative.hash(state);
        mantissa.hash(state);
        exponent.hash(state);
    }
}

impl fmt::Display for Quantity {
    /// The Chinese form, as [`Quantity::zh`]; with a precision (`{:.2}`), of
    /// the value rounded for display ([`Quantity::round_for_display`]). As an
    /// exact [`Figure`](crate::Figure) prints.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&crate::Figure::exact_value(*self), f)
    }
}
