//! Rounding a computed result to a `Decimal`: at most 28 significant digits
//! and 28 decimal places, ties to even (`RoundingStrategy::MidpointNearestEven`,
//! the rule of Python's `decimal` default context, `prec=28`,
//! `ROUND_HALF_EVEN`), in one rounding from the exact value.
//!
//! `Decimal`'s own sums keep up to 29 digits (whatever fits 96 bits), and
//! [`Quantity::checked_sub`](crate::Quantity::checked_sub) refuses a sum it
//! would have to round. A result computed from computed values (a target
//! minus a 28-digit projection) is not an input the caller could have
//! written exactly, so it is rounded here instead, by a rule the docs name.

use rust_decimal::Decimal;

use super::{Big, MAX96, canonical, make};
use crate::Magnitude;

/// At most this many significant digits (and decimal places) are kept.
const DIGITS: i64 = 28;

/// `a·10^ma + b·10^mb` (or `−` with `subtract`), written at magnitude
/// `out` and rounded once to at most 28 significant digits and 28 decimal
/// places, ties to even. `None` when the rounded result's integer part does
/// not fit a `Decimal`.
pub(crate) fn sum_rounded(
    a: Decimal,
    ma: Magnitude,
    b: Decimal,
    mb: Magnitude,
    subtract: bool,
    out: Magnitude,
) -> Option<Decimal> {
    let (na, xa, ea) = canonical(a, ma);
    let (nb, xb, eb) = canonical(b, mb);
    let nb = nb != subtract && xb != 0;
    // A zero operand has exponent 0 in `canonical`: align on the other's.
    let e = match (xa, xb) {
        (0, _) => eb,
        (_, 0) => ea,
        _ => ea.min(eb),
    };
    let ten = Big::from_u128(10);
    let widen = |x: u128, ex: i32| {
        let shift = u64::try_from(i64::from(ex).saturating_sub(i64::from(e))).unwrap_or(0);
        Big::from_u128(x).mul(&ten.pow(shift))
    };
    let (wa, wb) = (widen(xa, ea), widen(xb, eb));
    let (negative, m) = if na == nb {
        (na, wa.add(&wb))
    } else {
        // The larger magnitude gives the sign.
        let a_larger = wa.cmp(&wb).is_ge();
        (if a_larger { na } else { nb }, wa.abs_diff(&wb))
    };
    round_half_even(negative, &m, i64::from(e), i64::from(out.exponent()))
}

/// `x·10^from` written at magnitude `to`, rounded as [`sum_rounded`].
pub(crate) fn rescale_rounded(x: Decimal, from: Magnitude, to: Magnitude) -> Option<Decimal> {
    sum_rounded(x, from, Decimal::ZERO, from, false, to)
}

/// The number of significant digits of `x`: those of its mantissa without
/// trailing zeros (0 for zero).
pub(crate) fn significant_digits(x: Decimal) -> u32 {
    let (_, m, _) = canonical(x, Magnitude::ONE);
    m.checked_ilog10().map_or(0, |d| d.saturating_add(1))
}

/// The exact value `±m·10^e`, written at magnitude `10^out` (as
/// `±m·10^(e − out)`), rounded once to at most 28 significant digits and 28
/// decimal places, ties to even.
#[allow(clippy::arithmetic_side_effects)] // exponents and digit counts are below a few hundred
pub(crate) fn round_half_even(negative: bool, m: &Big, e: i64, out: i64) -> Option<Decimal> {
    if m.is_zero() {
        return Some(Decimal::ZERO);
    }
    let digits = i64::from(m.decimal_digits());
    // The value is m · 10^(−scale) at magnitude `out`.
    let scale = out - e;
    let drop = 0.max(digits - DIGITS).max(scale - DIGITS);
    let (mut q, first, sticky) = drop_digits(m, drop);
    if first > 5 || (first == 5 && (sticky || q.is_odd())) {
        q = q.add(&Big::from_u128(1));
    }
    if q.is_zero() {
        return Some(Decimal::ZERO);
    }
    let mut scale = scale - drop;
    if scale < 0 {
        q = q.mul(&Big::from_u128(10).pow(scale.unsigned_abs()));
        scale = 0;
    }
    let q = q.to_u128().filter(|q| *q <= MAX96)?;
    make(q, negative, u32::try_from(scale).ok()?)
}

/// `(⌊m / 10^n⌋, the most significant digit dropped, whether any other
/// dropped digit is non-zero)`.
fn drop_digits(m: &Big, n: i64) -> (Big, u32, bool) {
    let mut q = m.clone();
    let (mut first, mut sticky) = (0u32, false);
    for _ in 0..n {
        let (next, digit) = q.div_rem_small(10);
        sticky |= first != 0;
        first = digit;
        q = next;
        if q.is_zero() && first == 0 && !sticky {
            break;
        }
    }
    (q, first, sticky)
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)] // tests compare with Decimal operators
mod tests {
    use super::*;
    use crate::dec;

    fn sub(a: Decimal, b: Decimal) -> Decimal {
        sum_rounded(a, Magnitude::ONE, b, Magnitude::ONE, true, Magnitude::ONE).unwrap()
    }

    /// Expected values from Python's `decimal` with its default context
    /// (`prec=28`, `ROUND_HALF_EVEN`): `Decimal(a) - Decimal(b)`.
    #[test]
    fn against_python_decimal_default_context() {
        for (a, b, want) in [
            // A target's gap to a computed projection: 1800 − 696.78344462879857933201284063.
            (
                dec!(1800),
                dec!(696.78344462879857933201284063),
                dec!(1103.216555371201420667987159),
            ),
            (
                dec!(1800),
                dec!(395.34308621407746772178259057),
                dec!(1404.656913785922532278217409),
            ),
            (
                dec!(1800),
                dec!(334.66666666666666666666666663),
                dec!(1465.333333333333333333333333),
            ),
            // Ties: …5 rounds to even, either way.
            (
                dec!(1000000000000000000000000000),
                dec!(0.5),
                dec!(999999999999999999999999999.5),
            ),
            (
                dec!(1000000000000000000000000002),
                dec!(-0.5),
                dec!(1000000000000000000000000002),
            ),
            (
                dec!(1000000000000000000000000001),
                dec!(-0.5),
                dec!(1000000000000000000000000002),
            ),
            // Exact results are kept.
            (dec!(1800), dec!(1004), dec!(796)),
            (dec!(0.1), dec!(0.3), dec!(-0.2)),
            (dec!(5), dec!(5), dec!(0)),
        ] {
            assert_eq!(sub(a, b), want, "{a} − {b}");
        }
    }

    /// A sum with 30 digits is rounded once. Decimal's own sum keeps 29
    /// (…015), and rounding that again to 28 would give …02; the exact
    /// 10.0000000000000000000000000149 rounds to …01 (Python: `getcontext().prec = 28;
    /// Decimal(10) + Decimal("0.0000000000000000000000000149")`).
    #[test]
    fn one_rounding_not_two() {
        let (a, b) = (dec!(10), dec!(0.0000000000000000000000000149));
        let twice = (a + b)
            .round_sf_with_strategy(28, rust_decimal::RoundingStrategy::MidpointNearestEven)
            .unwrap();
        assert_eq!(twice, dec!(10.00000000000000000000000002));
        let once = sum_rounded(a, Magnitude::ONE, b, Magnitude::ONE, false, Magnitude::ONE);
        assert_eq!(once, Some(dec!(10.00000000000000000000000001)));
    }

    #[test]
    fn rescaling_and_range() {
        // 0.3333…(28 places) 万 in 亿: 32 places, rounded to 28.
        let third = dec!(0.3333333333333333333333333333);
        assert_eq!(
            rescale_rounded(third, Magnitude::WAN, Magnitude::YI),
            Some(dec!(0.0000333333333333333333333333))
        );
        assert_eq!(
            rescale_rounded(dec!(1004), Magnitude::YI, Magnitude::WAN),
            Some(dec!(10040000))
        );
        // Beyond Decimal's range: None.
        assert_eq!(
            rescale_rounded(Decimal::MAX, Magnitude::YI, Magnitude::ONE),
            None
        );
        assert_eq!(significant_digits(dec!(1800.000)), 2);
        assert_eq!(significant_digits(dec!(0)), 0);
    }
}
