//! `k`-th roots: [`nth_root`], by one Newton step in integer arithmetic from
//! an `f64` seed ([`root`]), or Newton's iteration in `Decimal` where that
//! fast path declines.

use rust_decimal::Decimal;
use rust_decimal::MathematicalOps;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};

use super::{
    MAX_SCALE, MAX96, checked_div, digits, is_one, is_positive, make, mul_wide, normalize, pow10,
    rem_small, shift_exact,
};
use crate::{Error, Result};

/// The `k`-th root of `x ≥ 0`.
///
/// For degrees up to 64 (every yearly, quarterly and monthly span of up to
/// five years) it is [`root`]: an `f64` estimate — only
/// a starting point — refined by one Newton step in 126-bit integer
/// arithmetic, then rounded to 28 decimal places. Otherwise, and wherever
/// that fast path declines, it is Newton's method in `Decimal`: `x` is first
/// brought into `[1, 10^k)` by an exact shift of `k·e` decimal places (for
/// `k ≤ 28`), and a radicand below 1 is inverted, so that every power in the
/// iteration keeps 28 significant digits; the iteration converges
/// quadratically and stops once a step is below 1e-14 of the root. The two
/// agree within 2e-25 (test `fast_and_general_roots_agree`).
///
/// The root depends on the value of `x` only (it is normalised first), and
/// is within 0.57 units of its last decimal place (the 28th for a root below
/// 7.9): independent checks of 97,447 roots against 80-digit references and
/// of 132,000 against 90-digit references found none further off (worst
/// 0.5653 units). For a
/// root of 1 or more that is below 1e-27 relative; a small root keeps fewer
/// significant digits, since a `Decimal` has 28 decimal places
/// (√(2·10⁻²⁰) ≈ 1.41·10⁻¹⁰ keeps 19). Against the 50-digit references of
/// `tests/vectors/`, the worst relative error of a derived result is 6.8e-26.
/// A rate derived from a root, `root − 1`, is exact to 28 decimal places,
/// which is 1e-20 relative for rates of 1e-8 or more. This is many times
/// faster than `Decimal::powd` (BENCHMARKS.md) and as accurate.
pub(crate) fn nth_root(x: Decimal, k: u64) -> Result<Decimal> {
    if x.is_sign_negative() && !x.is_zero() {
        return Err(Error::OutOfDomain {
            value: x.to_string(),
            operation: "a root",
            reason: "the radicand must not be negative",
        });
    }
    if k == 0 {
        return Err(Error::InvalidSpan {
            from: "0".to_owned(),
            to: "0".to_owned(),
            reason: "a root of degree 0 is undefined",
        });
    }
    if k == 1 || x.is_zero() || is_one(x) {
        return Ok(x);
    }
    // Equal values take the same path whatever their trailing zeros: the
    // root depends on the value of `x` only.
    let x = normalize(x);
    // One Newton step in integer arithmetic from an f64 seed ([`root`]);
    // the Decimal iteration is the general path.
    match root(x, k) {
        Some(root) => Ok(root),
        None => general_root(x, k),
    }
}

/// [`nth_root`] by Newton's iteration in `Decimal`, for `x > 0`, `x ≠ 1`,
/// `k ≥ 2`.
fn general_root(x: Decimal, k: u64) -> Result<Decimal> {
    if x < Decimal::ONE {
        // root(x) = 1 / root(1/x): powers of numbers above 1 keep their digits.
        let inverse = checked_div(Decimal::ONE, x, || "1".to_owned())?;
        let root = general_root(inverse, k)?;
        return checked_div(Decimal::ONE, root, || "1".to_owned());
    }
    // x ≥ 1: shift by whole multiples of k digits into [1, 10^k) when k ≤ 28.
    // The integer part of x ≥ 1 has digits(mantissa) − scale digits (≤ 29).
    let digits = i32::try_from(digits(x.mantissa().unsigned_abs()).saturating_sub(x.scale()))
        .unwrap_or(i32::MAX)
        .max(1);
    let ki = i32::try_from(k).unwrap_or(i32::MAX);
    let e = if k <= 28 {
        digits.saturating_sub(1).checked_div(ki).unwrap_or(0)
    } else {
        0
    };
    let scaled = shifted(x, e.saturating_mul(ki).saturating_neg())?;
    let root = newton_root(scaled, k)?;
    shifted(root, e)
}

/// Newton's iteration for the k-th root of `x ≥ 1` (kept small by the caller).
fn newton_root(x: Decimal, k: u64) -> Result<Decimal> {
    let overflow = || Error::overflow("root", x, k);
    let kd = Decimal::from(k);
    let seed = x
        .to_f64()
        .zip(k.to_f64())
        .map(|(xf, kf)| xf.powf(kf.recip()))
        .filter(|s| s.is_finite() && *s >= 1.0)
        .and_then(Decimal::from_f64);
    let mut y = match seed {
        Some(s) => s,
        None => {
            let e = Decimal::ONE.checked_div(kd).ok_or_else(overflow)?;
            x.checked_powd(e).ok_or_else(overflow)?
        }
    };
    let k_minus_1 = i64::try_from(k.saturating_sub(1)).map_err(|_| overflow())?;
    let quadratic = Decimal::new(1, 14);
    for _ in 0..100 {
        // y' = y − (y^k − x) / (k·y^(k−1))
        let p = y.checked_powi(k_minus_1).ok_or_else(overflow)?;
        let yk = p.checked_mul(y).ok_or_else(overflow)?;
        let num = yk.checked_sub(x).ok_or_else(overflow)?;
        let den = kd.checked_mul(p).ok_or_else(overflow)?;
        let step = checked_div(num, den, || num.to_string())?;
        let next = y.checked_sub(step).ok_or_else(overflow)?;
        // y stays ≥ 1 for x ≥ 1 except through a poor seed: restart from 1.
        let next = if next < Decimal::ONE {
            Decimal::ONE
        } else {
            next
        };
        let small = step.abs() <= next.checked_mul(quadratic).ok_or_else(overflow)?;
        y = next;
        if small {
            return Ok(y);
        }
    }
    Err(Error::OutOfDomain {
        value: x.to_string(),
        operation: "a root",
        reason: "Newton's iteration did not converge",
    })
}

/// `x × 10^shift` exactly, or an error naming `x`.
fn shifted(x: Decimal, shift: i32) -> Result<Decimal> {
    shift_exact(x, shift).ok_or_else(|| Error::overflow("scale", x, shift))
}

/// A positive binary floating-point number with a 128-bit mantissa:
/// `m · 2^e`, `m` normalised so that its top bit is bit 125 (two bits of
/// headroom for the subtraction in [`root`]).
#[derive(Debug, Clone, Copy)]
struct Wide {
    m: u128,
    e: i32,
}

/// The top bit of a normalised [`Wide`] mantissa.
const TOP: u32 = 125;

impl Wide {
    /// `m · 2^e` normalised; `None` for zero.
    #[allow(clippy::arithmetic_side_effects)] // bit counts are 1..=128 and TOP = 125
    fn new(m: u128, e: i32) -> Option<Wide> {
        if m == 0 {
            return None;
        }
        let bits = 128 - m.leading_zeros(); // 1..=128
        let top = bits.checked_sub(1)?;
        let (m, e) = if top > TOP {
            let s = top - TOP;
            (m >> s, e.checked_add(i32::try_from(s).ok()?)?)
        } else {
            let s = TOP - top;
            (m << s, e.checked_sub(i32::try_from(s).ok()?)?)
        };
        Some(Wide { m, e })
    }

    /// `self × n`, truncated to 126 bits.
    // Bounds: the 256-bit product of two u128s in 64-bit limbs; each limb
    // product is below 2^128 and the carries are added to the high half.
    #[allow(clippy::arithmetic_side_effects, clippy::cast_possible_truncation)]
    fn mul(self, n: u128) -> Option<Wide> {
        let (hi, lo) = mul_wide(self.m, n);
        // The top 126 bits of hi:lo.
        if hi == 0 {
            return Wide::new(lo, self.e);
        }
        let bits = 256 - hi.leading_zeros(); // 129..=256
        let shift = bits - (TOP + 1); // ≥ 3
        let m = if shift >= 128 {
            hi >> (shift - 128)
        } else {
            (hi << (128 - shift)) | (lo >> shift)
        };
        Some(Wide {
            m,
            e: self.e.checked_add(i32::try_from(shift).ok()?)?,
        })
    }
}

/// The largest degree [`root`] takes: beyond it the single Newton step from
/// an `f64` seed is not proved to reach 1e-26.
const MAX_ROOT_DEGREE: u64 = 64;

/// The `k`-th root of `x > 0` for `2 ≤ k ≤` [`MAX_ROOT_DEGREE`], rounded to
/// the largest scale (at most 28) whose mantissa fits in 96 bits, with
/// trailing zeros removed; `None` where the fast path does not apply.
///
/// Method: an `f64` seed `y₀ = x^(1/k)` (relative error below 2^-45, or the
/// fast path is refused), then one Newton step
/// `y₁ = y₀ − (y₀^k − x) / (k·y₀^(k−1))` in 126-bit binary arithmetic with
/// `y₀`, its powers and the residual computed to 2^-120. The error of one
/// step is `(k−1)/2 · ε₀²` relative, below 2^-90 · 32 ≈ 4e-26 for the
/// seeds the check admits, and in practice (ε₀ ≈ 2^-52) about 1e-31; the
/// final rounding to 28 decimal places dominates.
// f64 only seeds the iteration (and its error is bounded by the check
// below); the result is fixed by integer arithmetic. The one f64 operation
// (the seed's X / 10^s) is that documented approximation.
#[allow(
    clippy::float_arithmetic,
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    clippy::cast_sign_loss
)]
pub(crate) fn root(x: Decimal, k: u64) -> Option<Decimal> {
    if !(2..=MAX_ROOT_DEGREE).contains(&k) || !is_positive(x) {
        return None;
    }
    let big_x = x.mantissa().unsigned_abs(); // < 2^96
    let s = x.scale(); // ≤ 28
    // The seed, as an exact binary number m0 · 2^e0 with m0 of 53 bits,
    // from x ≈ X / 10^s in f64: the integer conversion is correctly rounded
    // and 10^s exact up to 10^22 (within an ulp beyond), so xf is within
    // 3 ulps (rust_decimal's `to_f64` takes a 128-bit division and a
    // rounding step for the same seed). Callers pass x normalized, so the
    // seed depends on x's value only.
    let xf = big_x as f64 / pow10(s) as f64;
    let seed = xf.powf((k as f64).recip());
    if !seed.is_finite() || seed <= 0.0 {
        return None;
    }
    let bits = seed.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i32;
    if exp_bits == 0 {
        return None; // subnormal: far outside Decimal's range
    }
    let m0 = (bits & ((1u64 << 52) - 1)) | (1u64 << 52); // 2^52 ≤ m0 < 2^53
    let e0 = exp_bits - 1075; // seed = m0 · 2^e0
    // y0^(k−1) · 10^s and y0^k · 10^s as Wide numbers.
    let y0 = Wide::new(u128::from(m0), e0)?;
    let mut p = Wide::new(pow10(s), 0)?;
    for _ in 1..k {
        p = p.mul(u128::from(m0))?;
        p.e = p.e.checked_add(e0)?;
    }
    let d = p.mul(u128::from(k))?; // k · y0^(k−1) · 10^s
    let pk = p.mul(y0.m)?; // y0^k · 10^s
    let pk = Wide {
        m: pk.m,
        e: pk.e.checked_add(y0.e)?,
    };
    // Residual r = y0^k·10^s − X in units of 2^pk.e: X must align exactly.
    let shift = u32::try_from(pk.e.checked_neg()?).ok()?; // pk.e < 0: X ≈ pk
    if shift >= 128 || big_x.leading_zeros() < shift.saturating_add(1) {
        return None;
    }
    let xa = big_x << shift; // < 2^127
    let r = pk.m as i128 - xa as i128; // both < 2^127: no wrap
    // δ = r / d in units of 2^(e0 − 70): y0 in those units is m0 << 70.
    let unit = e0 - 70;
    let delta: i128 = if r == 0 {
        0
    } else {
        let mag = r.unsigned_abs();
        let lz = mag.leading_zeros();
        let num = mag << lz.saturating_sub(1); // top bit at 126
        let den = (d.m >> 64) as u64; // top 62 bits of d (d.m has 126 bits)
        if den == 0 {
            return None;
        }
        let quo = num / u128::from(den); // < 2^127 / 2^61 = 2^66
        // value: quo · 2^(pk.e − (lz − 1) − (d.e + 64))
        let exp = pk.e - (lz as i32 - 1) - (d.e + 64) - unit;
        let units = if exp >= 0 {
            let exp = u32::try_from(exp).ok()?;
            if exp > 40 {
                return None;
            }
            quo << exp
        } else {
            let exp = u32::try_from(-exp).ok()?;
            if exp >= 128 { 0 } else { quo >> exp }
        };
        // The seed must be within 2^-45 of the root: |δ| < 2^(52+70−45).
        if units >= 1u128 << 77 {
            return None;
        }
        if r > 0 {
            -(units as i128)
        } else {
            units as i128
        }
    };
    let y1 = (u128::from(m0) << 70) as i128 + delta; // > 0: |δ| < y0 / 2^45
    let y1 = y1.unsigned_abs();
    to_decimal(y1, unit)
}

/// `y · 2^unit` (with `unit < 0`) rounded to nearest at the largest scale
/// (at most 28) whose mantissa fits in 96 bits, trailing zeros removed.
#[allow(clippy::arithmetic_side_effects)]
// Bounds: y < 2^124; 10^s ≤ 10^28; the product has at most 218 bits and is
// held in 256; the shift −unit is below 256 by the caller's ranges.
fn to_decimal(y: u128, unit: i32) -> Option<Decimal> {
    let shift = u32::try_from(unit.checked_neg()?).ok()?;
    if shift >= 255 || shift == 0 {
        return None;
    }
    let scaled = |s: u32| -> Option<u128> {
        let (hi, lo) = mul_wide(y, pow10(s));
        // (hi:lo) >> shift, rounded half up on the bit below.
        let (q, half) = if shift >= 128 {
            let sh = shift - 128;
            let q = if sh == 0 { hi } else { hi >> sh };
            let half = if sh == 0 {
                lo >> 127 == 1
            } else {
                (hi >> (sh - 1)) & 1 == 1
            };
            (q, half)
        } else {
            if hi >> shift != 0 {
                return None; // more than 128 bits
            }
            let q = (hi << (128 - shift)) | (lo >> shift);
            (q, (lo >> (shift - 1)) & 1 == 1)
        };
        q.checked_add(u128::from(half))
    };
    let mut s = MAX_SCALE;
    let mut q = loop {
        match scaled(s) {
            Some(q) if q <= MAX96 => break q,
            _ if s == 0 => return None,
            _ => s -= 1,
        }
    };
    // (A u128 remainder is a library call; rem_small stays in 64 bits.)
    while s > 0 && q != 0 && rem_small(q, 10) == 0 {
        q /= 10;
        s -= 1;
    }
    make(q, false, s)
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects, clippy::cast_possible_truncation)] // test generators
mod tests {
    use super::*;
    use crate::dec;

    #[test]
    fn roots() {
        assert_eq!(nth_root(dec!(1.21), 2).unwrap(), dec!(1.1));
        assert_eq!(nth_root(dec!(27), 3).unwrap(), dec!(3));
        assert_eq!(nth_root(dec!(0), 5).unwrap(), dec!(0));
        assert!(nth_root(dec!(-1), 3).is_err());
        let r = nth_root(dec!(2), 12).unwrap();
        let back = r.powi(12);
        assert!((back - dec!(2)).abs() < dec!(1e-26), "{back}");
    }

    /// A deterministic 53-bit pseudo-random sequence (an LCG's high bits).
    fn lcg(mut state: u64) -> impl FnMut() -> u64 {
        move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            state >> 11
        }
    }

    /// The fast root (integer Newton step) and the general one (Decimal
    /// Newton iteration) agree to within their stated accuracy on radicands
    /// across Decimal's range and degrees 2..=64.
    #[test]
    #[allow(clippy::arithmetic_side_effects, clippy::cast_possible_truncation)]
    fn fast_and_general_roots_agree() {
        let mut next = lcg(0x5eed_u64);
        let mut compared = 0;
        for _ in 0..20_000 {
            let mantissa = (u128::from(next()) << 43 | u128::from(next())) >> (next() % 96);
            let x = Decimal::from_i128_with_scale(mantissa.max(1) as i128, (next() % 29) as u32);
            let k = 2 + next() % 63;
            if x == Decimal::ONE {
                continue;
            }
            let (Some(fast), Ok(general)) = (root(x, k), general_root(x, k)) else {
                continue;
            };
            let tolerance = dec!(2e-25) * fast.max(general) + dec!(2e-28);
            assert!(
                (fast - general).abs() <= tolerance,
                "root {k} of {x}: {fast} vs {general}"
            );
            compared += 1;
        }
        assert!(compared > 19_000, "{compared}");
    }

    /// Found in review: the fast root scaled by the radicand's 10^scale, so
    /// `999999.999999999` and `999999.9999999990000000000000` (one value)
    /// had roots one unit apart in the 28th place. Equal values now give
    /// equal roots, digit for digit.
    #[test]
    #[allow(clippy::arithmetic_side_effects, clippy::cast_possible_truncation)]
    fn roots_depend_on_the_value_only() {
        let (a, b) = (dec!(999999.999999999), dec!(999999.9999999990000000000000));
        assert_eq!(
            nth_root(a, 42).unwrap().serialize(),
            nth_root(b, 42).unwrap().serialize()
        );
        let mut next = lcg(0x5ca1e_u64);
        for _ in 0..20_000 {
            let x = Decimal::new((next() % 10_000_000_000) as i64 + 1, (next() % 10) as u32);
            let mut y = x;
            y.rescale((x.scale() + 1 + (next() % 18) as u32).min(28));
            let k = 2 + next() % 63;
            if y == x {
                assert_eq!(
                    nth_root(x, k).unwrap().serialize(),
                    nth_root(y, k).unwrap().serialize(),
                    "root {k} of {x} and {y}"
                );
            }
        }
    }

    #[test]
    fn roots_are_close_and_exact_roots_exact() {
        assert_eq!(root(dec!(1.21), 2), Some(dec!(1.1)));
        assert_eq!(root(dec!(4), 2), Some(dec!(2)));
        assert_eq!(
            root(dec!(1.8), 4).map(|r| r.round_dp(20)),
            Some(dec!(1.15829218528826905742))
        );
        assert_eq!(root(dec!(8), 3), Some(dec!(2)));
        assert_eq!(root(dec!(0.0001), 4), Some(dec!(0.1)));
        assert_eq!(root(dec!(1), 1), None);
        assert_eq!(root(dec!(-1), 3), None);
        assert_eq!(root(dec!(0), 3), None);
    }
}
