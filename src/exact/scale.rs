//! Moving the decimal point exactly: trailing zeros removed, a value times a
//! power of ten, a value as sign, mantissa and power of ten.

use rust_decimal::Decimal;

use super::{mul_pow10, rem_small};
use crate::Magnitude;

/// `x.normalize()`, skipping rust_decimal's division loop when the last
/// digit is not zero (then there are no trailing zeros to strip and the
/// value comes back as it is).
#[inline]
pub(crate) fn normalize(x: Decimal) -> Decimal {
    let m = x.mantissa().unsigned_abs();
    if m != 0 && rem_small(m, 10) != 0 {
        x
    } else {
        x.normalize()
    }
}

/// `(is_negative, mantissa without trailing zeros, power of ten)` so that the
/// value is `±mantissa × 10^power`; zero is `(false, 0, 0)`.
#[allow(clippy::arithmetic_side_effects)] // scale and exponent are 0..=28; at most 29 trailing zeros are stripped
pub(crate) fn canonical(value: Decimal, magnitude: Magnitude) -> (bool, u128, i32) {
    let mut m = value.mantissa().unsigned_abs();
    if m == 0 {
        return (false, 0, 0);
    }
    // Scale is at most 28 and the exponent at most 28, so these fit i32.
    let mut e = i32::from(magnitude.exponent()) - value.scale() as i32;
    while m % 10 == 0 {
        m /= 10;
        e += 1;
    }
    (value.is_sign_negative(), m, e)
}

/// `value × 10^shift` exactly, or `None` if the result does not fit a `Decimal`
/// (more than 28 decimal places after removing trailing zeros, or a mantissa
/// beyond 96 bits).
#[allow(clippy::arithmetic_side_effects)] // i64 difference of two small i32s
pub(crate) fn shift_exact(value: Decimal, shift: i32) -> Option<Decimal> {
    let mut mantissa = value.mantissa();
    let mut scale = i64::from(value.scale()) - i64::from(shift);
    // Trailing zeros of the mantissa make room: 10 × 10^-29 is 10^-28.
    while scale > 28 && mantissa % 10 == 0 && mantissa != 0 {
        mantissa /= 10;
        scale -= 1;
    }
    if mantissa == 0 {
        return Some(Decimal::ZERO);
    }
    if scale >= 0 {
        let scale = u32::try_from(scale).ok()?;
        Decimal::try_from_i128_with_scale(mantissa, scale).ok()
    } else {
        let mantissa = mul_pow10(mantissa, u32::try_from(scale.unsigned_abs()).ok()?)?;
        Decimal::try_from_i128_with_scale(mantissa, 0).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dec;

    #[test]
    fn shift_exact_cases() {
        assert_eq!(shift_exact(dec!(1004), 2), Some(dec!(100400)));
        assert_eq!(shift_exact(dec!(1.68), 2), Some(dec!(168)));
        assert_eq!(shift_exact(dec!(1004), -1), Some(dec!(100.4)));
        assert_eq!(
            shift_exact(dec!(1), -28),
            Some(dec!(0.0000000000000000000000000001))
        );
        assert_eq!(shift_exact(dec!(1), -29), None);
        assert_eq!(
            shift_exact(dec!(10), -29),
            Some(dec!(0.0000000000000000000000000001))
        );
        assert_eq!(shift_exact(Decimal::MAX, 1), None);
        assert_eq!(shift_exact(dec!(-5), 3), Some(dec!(-5000)));
    }
}
