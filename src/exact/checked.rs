//! Checked decimal arithmetic with typed errors: every overflow is
//! [`Error::Overflow`] naming its operands and a zero divisor is
//! [`Error::DivisionByZero`], never a panic.

use rust_decimal::Decimal;

use crate::{Error, Result};

/// `a + b`, or [`Error::Overflow`].
pub(crate) fn add(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_add(b).ok_or_else(|| Error::overflow("add", a, b))
}

/// `a − b`, or [`Error::Overflow`].
pub(crate) fn sub(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_sub(b)
        .ok_or_else(|| Error::overflow("subtract", a, b))
}

/// `a × b` (exactly `Decimal::checked_mul`'s product, through
/// [`super::mul`]), or [`Error::Overflow`].
#[inline]
pub(crate) fn mul(a: Decimal, b: Decimal) -> Result<Decimal> {
    super::mul(a, b).ok_or_else(|| Error::overflow("multiply", a, b))
}

/// `a / b`, as [`checked_div`] with `a` itself as the dividend's description.
pub(crate) fn div(a: Decimal, b: Decimal) -> Result<Decimal> {
    checked_div(a, b, || a.to_string())
}

/// `a / b` (exactly `Decimal::checked_div`'s quotient, through
/// [`super::div`]) with typed errors that describe the dividend by
/// `describe_a`: [`Error::DivisionByZero`] or [`Error::Overflow`]. Inline:
/// the growth kernel's quotient, on the panel's hot path, is this.
#[inline]
pub(crate) fn checked_div(
    a: Decimal,
    b: Decimal,
    describe_a: impl FnOnce() -> String,
) -> Result<Decimal> {
    if b.is_zero() {
        return Err(Error::DivisionByZero {
            dividend: describe_a(),
        });
    }
    super::div(a, b).ok_or_else(|| Error::overflow("divide", describe_a(), b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dec;

    #[test]
    fn errors_name_the_operands() {
        assert_eq!(add(dec!(1), dec!(2)), Ok(dec!(3)));
        assert_eq!(
            add(Decimal::MAX, dec!(1)),
            Err(Error::overflow("add", Decimal::MAX, 1))
        );
        assert_eq!(
            sub(Decimal::MIN, dec!(1)),
            Err(Error::overflow("subtract", Decimal::MIN, 1))
        );
        assert_eq!(
            mul(Decimal::MAX, dec!(2)),
            Err(Error::overflow("multiply", Decimal::MAX, 2))
        );
        assert_eq!(div(dec!(1), dec!(4)), Ok(dec!(0.25)));
        assert_eq!(
            div(dec!(5), Decimal::ZERO),
            Err(Error::DivisionByZero {
                dividend: "5".to_owned()
            })
        );
        assert_eq!(
            div(Decimal::MAX, dec!(0.1)),
            Err(Error::overflow("divide", Decimal::MAX, dec!(0.1)))
        );
        assert_eq!(
            checked_div(dec!(5), Decimal::ZERO, || "5万元".to_owned()),
            Err(Error::DivisionByZero {
                dividend: "5万元".to_owned()
            })
        );
    }
}
