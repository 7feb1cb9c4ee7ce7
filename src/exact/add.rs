//! Sums: `x ± 1` without rust_decimal's rescaling, and the exact sum that
//! refuses to round.

use rust_decimal::Decimal;

use super::{MAX96, make, mul_pow10, pow10};

/// `x − 1`, exactly as `x.checked_sub(Decimal::ONE)` gives it (the scale of
/// `x`; `None` beyond `Decimal`'s range), without rust_decimal's rescaling.
#[inline]
pub(crate) fn minus_one(x: Decimal) -> Option<Decimal> {
    step_one(x, false)
}

/// `x + 1`, exactly as `x.checked_add(Decimal::ONE)` gives it.
#[inline]
pub(crate) fn plus_one(x: Decimal) -> Option<Decimal> {
    step_one(x, true)
}

/// `x ± 1` at the scale of `x` (one is `10^scale` units of `x`).
#[allow(clippy::arithmetic_side_effects)] // |m| < 2^96 and 10^s ≤ 10^28 < 2^96: no i128 overflow
#[inline]
fn step_one(x: Decimal, up: bool) -> Option<Decimal> {
    let scale = x.scale();
    #[allow(clippy::cast_possible_wrap)] // 10^scale ≤ 10^28 < 2^127
    let one = pow10(scale) as i128;
    let m = if up {
        x.mantissa() + one
    } else {
        x.mantissa() - one
    };
    if m == 0 || x.is_zero() || m.unsigned_abs() > MAX96 {
        // Zeros follow rust_decimal's own sign and scale conventions; the
        // edge of the range is its error (or its rounding).
        return if up {
            x.checked_add(Decimal::ONE)
        } else {
            x.checked_sub(Decimal::ONE)
        };
    }
    make(m.unsigned_abs(), m < 0, scale)
}

/// `a + b` computed exactly in 128-bit integers, or `None` if the exact sum
/// does not fit a `Decimal` (more than 96 bits of mantissa at 28 places).
#[allow(clippy::arithmetic_side_effects)] // scales are 0..=28: the differences are small
pub(crate) fn exact_add(a: Decimal, b: Decimal) -> Option<Decimal> {
    let (a, b) = (a.normalize(), b.normalize());
    let scale = a.scale().max(b.scale());
    let align = |d: Decimal| mul_pow10(d.mantissa(), scale - d.scale());
    let mut m = align(a)?.checked_add(align(b)?)?;
    let mut scale = scale;
    while scale > 0 && m % 10 == 0 {
        m /= 10;
        scale -= 1;
    }
    Decimal::try_from_i128_with_scale(m, scale).ok()
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects, clippy::cast_possible_truncation)] // test generators
mod tests {
    use super::super::tests::Mix;
    use super::*;
    use crate::dec;

    /// `x ± 1` as rust_decimal's addition and subtraction give it.
    fn agree_step(x: Decimal) {
        let bits = |d: Option<Decimal>| d.map(|d| d.serialize());
        assert_eq!(bits(minus_one(x)), bits(x.checked_sub(Decimal::ONE)), "{x}");
        assert_eq!(bits(plus_one(x)), bits(x.checked_add(Decimal::ONE)), "{x}");
    }

    #[test]
    fn plus_and_minus_one_are_rust_decimal_addition() {
        let mut g = Mix(99);
        for _ in 0..200_000 {
            agree_step(g.decimal());
        }
        for x in [
            dec!(1),
            dec!(1.000),
            dec!(0),
            dec!(-0.5),
            Decimal::MAX,
            Decimal::MIN,
            dec!(-7922816251426433759354395033.5),
        ] {
            agree_step(x);
        }
    }
}
