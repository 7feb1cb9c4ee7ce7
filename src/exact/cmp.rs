//! Comparisons without rust_decimal's rescaling: with one, with zero, of two
//! decimals, and of two decimals at different magnitudes.

use core::cmp::Ordering;

use rust_decimal::Decimal;

use super::{Big, canonical, digits, mul_wide, normalize, pow10};
use crate::Magnitude;

/// Whether `x` is one (at any scale: `1`, `1.000`), as `x == Decimal::ONE`
/// decides it, without rust_decimal's rescaling comparison: one is a
/// positive mantissa equal to 10^scale.
#[inline]
pub(crate) fn is_one(x: Decimal) -> bool {
    !x.is_sign_negative() && x.mantissa().unsigned_abs() == pow10(x.scale())
}

/// Whether `x > 0`, without rust_decimal's comparison.
#[inline]
pub(crate) fn is_positive(x: Decimal) -> bool {
    !x.is_sign_negative() && !x.is_zero()
}

/// `a` compared with `b`, exactly as `Decimal`'s `Ord` compares them (zeros
/// of either sign and any scale are equal), by one 256-bit product instead
/// of rust_decimal's rescaling.
// Bounds: mantissas < 2^96 and 10^(scale difference) ≤ 10^28 < 2^94, so the
// products fit the 256 bits of `mul_wide`; the scale difference is
// non-negative by the branch.
#[allow(clippy::arithmetic_side_effects)]
#[inline]
pub(crate) fn cmp(a: Decimal, b: Decimal) -> core::cmp::Ordering {
    use core::cmp::Ordering;
    let (za, zb) = (a.is_zero(), b.is_zero());
    let (na, nb) = (a.is_sign_negative() && !za, b.is_sign_negative() && !zb);
    if na != nb {
        return if na {
            Ordering::Less
        } else {
            Ordering::Greater
        };
    }
    let (ma, mb) = (a.mantissa().unsigned_abs(), b.mantissa().unsigned_abs());
    let (sa, sb) = (a.scale(), b.scale());
    // |a| vs |b| is ma·10^sb vs mb·10^sa: scale up the one with the smaller scale.
    let magnitude = if sa >= sb {
        (0, ma).cmp(&mul_wide(mb, pow10(sa - sb)))
    } else {
        mul_wide(ma, pow10(sb - sa)).cmp(&(0, mb))
    };
    if na { magnitude.reverse() } else { magnitude }
}

/// Compares `a × 10^ma` with `b × 10^mb` exactly.
#[allow(clippy::arithmetic_side_effects)] // exponents lie in -28..=57 and digit counts in 0..=29; padding keeps a mantissa below 10^29
pub(crate) fn cmp_scaled(a: Decimal, ma: Magnitude, b: Decimal, mb: Magnitude) -> Ordering {
    let (na, xa, ea) = canonical(a, ma);
    let (nb, xb, eb) = canonical(b, mb);
    let sign = |zero: bool, neg: bool| {
        if zero {
            0
        } else if neg {
            -1
        } else {
            1
        }
    };
    let (sa, sb) = (sign(xa == 0, na), sign(xb == 0, nb));
    if sa != sb || sa == 0 {
        return sa.cmp(&sb);
    }
    // Same sign, both non-zero: compare absolute values, then flip if negative.
    #[allow(clippy::cast_possible_wrap)] // at most 39 digits in a u128
    let (oa, ob) = (digits(xa) as i32 + ea, digits(xb) as i32 + eb);
    let abs = if oa != ob {
        oa.cmp(&ob)
    } else {
        // Same order of magnitude: the one with the larger exponent has fewer
        // digits; padding it to the other's digit count (at most 29) fits u128.
        let pad = |m: u128, by: i32| m * pow10(by.unsigned_abs());
        match ea.cmp(&eb) {
            Ordering::Greater => pad(xa, ea - eb).cmp(&xb),
            Ordering::Less => xa.cmp(&pad(xb, eb - ea)),
            Ordering::Equal => xa.cmp(&xb),
        }
    };
    if sa < 0 { abs.reverse() } else { abs }
}

/// `a × 10^ma × factor^k` compared with `b × 10^mb` exactly, in big
/// integers, for `a`, `b` and `factor` above zero (their signs are not
/// read); `None` when `factor^k` would have more than 20,000 digits or a
/// power of ten beyond 10^20000, or `factor` is zero.
// Exponents: |ef·k| ≤ 20,000 by the size check, and the magnitudes' and
// scales' exponents are within ±57.
#[allow(clippy::arithmetic_side_effects)]
pub(crate) fn cmp_power(
    a: Decimal,
    ma: Magnitude,
    factor: Decimal,
    k: u64,
    b: Decimal,
    mb: Magnitude,
) -> Option<Ordering> {
    // The factor as its mantissa and scale, trailing zeros of its decimals
    // removed: the size of the power is read from those.
    let f = normalize(factor);
    let (mf, ef) = (f.mantissa().unsigned_abs(), -i64::from(f.scale()));
    if mf == 0 {
        return None;
    }
    let k_i = i64::try_from(k).ok()?;
    if i64::from(digits(mf)).checked_mul(k_i)? > 20_000 || ef.checked_mul(k_i)?.abs() > 20_000 {
        return None;
    }
    let (_, xa, ea) = canonical(a, ma);
    let (_, xb, eb) = canonical(b, mb);
    // xa · mf^k · 10^(ea + ef·k) against xb · 10^eb: the smaller power of
    // ten divided out of both sides.
    let ten = Big::from_u128(10);
    let mut left = Big::from_u128(xa).mul(&Big::from_u128(mf).pow(k));
    let mut right = Big::from_u128(xb);
    let d = i64::from(ea) + ef * k_i - i64::from(eb);
    if d >= 0 {
        left = left.mul(&ten.pow(d.unsigned_abs()));
    } else {
        right = right.mul(&ten.pow(d.unsigned_abs()));
    }
    Some(left.cmp(&right))
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects, clippy::cast_possible_truncation)] // test generators
mod tests {
    use super::super::tests::Mix;
    use super::*;
    use crate::dec;

    /// A value grown by an integer power against another, across
    /// magnitudes: exact at the boundary, and declined beyond 20,000 digits.
    #[test]
    fn cmp_power_is_exact() {
        use Ordering::{Equal, Greater, Less};
        let (one, wan, yi) = (Magnitude::ONE, Magnitude::WAN, Magnitude::YI);
        // (a, at, factor, k, b, at, a × factor^k against b)
        let cases = [
            // 1亿 × 1.5³ = 3.375亿 = 33750万.
            (dec!(1), yi, dec!(1.5), 3, dec!(33750), wan, Some(Equal)),
            (
                dec!(1),
                yi,
                dec!(1.50),
                3,
                dec!(33749.99),
                wan,
                Some(Greater),
            ),
            (
                dec!(100),
                one,
                dec!(1.1),
                2,
                dec!(121.0001),
                one,
                Some(Less),
            ),
            // 0.54 × 0.95⁴ = 0.439833375 ≤ 0.45.
            (dec!(0.54), one, dec!(0.95), 4, dec!(0.45), one, Some(Less)),
            (dec!(1), one, dec!(1.1), 20_001, dec!(2), one, None),
            (dec!(1), one, dec!(0), 2, dec!(2), one, None),
        ];
        for (a, ma, f, k, b, mb, want) in cases {
            assert_eq!(cmp_power(a, ma, f, k, b, mb), want, "{a} × {f}^{k} vs {b}");
        }
    }

    /// `cmp`, `is_one`, `is_positive` and `normalize` against rust_decimal,
    /// on random values of up to 96 bits, specials, and pairs of equal
    /// values at different scales.
    #[test]
    fn comparisons_are_rust_decimals() {
        let mut g = Mix(202_611_282);
        let mut neg_zero = Decimal::new(0, 5);
        neg_zero.set_sign_negative(true);
        let specials = [
            Decimal::ZERO,
            neg_zero,
            dec!(0.000),
            Decimal::ONE,
            dec!(1.000),
            dec!(-1),
            dec!(1.0000000000000000000000000001),
            dec!(0.9999999999999999999999999999),
            Decimal::MAX,
            Decimal::MIN,
            dec!(0.0000000000000000000000000001),
            dec!(10),
        ];
        let pick = |g: &mut Mix| match g.next() % 4 {
            0 => g.decimal(),
            1 => {
                let (a, b) = (g.next(), g.next());
                let hi = (b as u32).checked_shr((b >> 32) as u32 % 33).unwrap_or(0);
                Decimal::from_parts(
                    a as u32,
                    (a >> 32) as u32,
                    hi,
                    g.next() % 3 == 0,
                    (g.next() % 29) as u32,
                )
            }
            2 => specials[(g.next() % specials.len() as u64) as usize],
            _ => {
                // A value and the same value with trailing zeros.
                let x = g.decimal();
                let k = (g.next() % 6) as u32;
                Decimal::try_from_i128_with_scale(x.mantissa() * 10i128.pow(k), x.scale() + k)
                    .unwrap_or(x)
            }
        };
        for _ in 0..400_000 {
            let a = pick(&mut g);
            let b = if g.next() % 3 == 0 {
                // Equal to `a`, rescaled up or down when it can be.
                let k = (g.next() % 4) as u32;
                Decimal::try_from_i128_with_scale(a.mantissa() * 10i128.pow(k), a.scale() + k)
                    .unwrap_or(a.normalize())
            } else {
                pick(&mut g)
            };
            assert_eq!(cmp(a, b), a.cmp(&b), "{a} vs {b}");
            assert_eq!(is_one(a), a == Decimal::ONE, "{a}");
            assert_eq!(is_positive(a), a > Decimal::ZERO, "{a}");
            assert_eq!(normalize(a).serialize(), a.normalize().serialize(), "{a}");
        }
    }

    #[test]
    fn cmp_scaled_cases() {
        let one = Magnitude::ONE;
        let yi = Magnitude::YI;
        assert_eq!(
            cmp_scaled(dec!(1004), yi, dec!(100400000000), one),
            Ordering::Equal
        );
        assert_eq!(
            cmp_scaled(dec!(1004), yi, dec!(100400000001), one),
            Ordering::Less
        );
        assert_eq!(
            cmp_scaled(dec!(-1004), yi, dec!(-100400000001), one),
            Ordering::Greater
        );
        assert_eq!(cmp_scaled(dec!(0), yi, dec!(-0.0), one), Ordering::Equal);
        assert_eq!(cmp_scaled(dec!(-1), yi, dec!(0), one), Ordering::Less);
        assert_eq!(
            cmp_scaled(Decimal::MAX, Magnitude::MAX, Decimal::MAX, one),
            Ordering::Greater
        );
        assert_eq!(
            cmp_scaled(
                dec!(0.0000000000000000000000000001),
                Magnitude::MAX,
                dec!(1),
                one
            ),
            Ordering::Equal
        );
    }
}
