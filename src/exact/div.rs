//! Division that gives exactly what `Decimal::checked_div` gives, with a
//! fast path in 128-bit integers.

use rust_decimal::Decimal;

use super::{MAX_SCALE, MAX96, make, pow10, rem_small};

/// `a / b`, exactly as [`Decimal::checked_div`] gives it: `None` for a zero
/// divisor or a quotient out of range.
///
/// The fast path covers mantissas below 2^64 and a dividend scale at least
/// the divisor's (every pair of values read with the same number of decimal
/// places); it reproduces rust_decimal's rule: an exact quotient keeps the
/// scale `scale(a) − scale(b)`; an inexact one is rounded half to even at the
/// largest scale (at most 28) whose mantissa fits in 96 bits, and its
/// trailing zeros are then removed.
#[inline]
pub(crate) fn div(a: Decimal, b: Decimal) -> Option<Decimal> {
    fast_div(a, b).or_else(|| a.checked_div(b))
}

/// [`div`]'s fast path, or `None` where it does not apply.
///
/// rust_decimal divides in steps: it starts at scale `d = scale(a) −
/// scale(b)`, and while a remainder is left it appends up to nine digits at a
/// time (as many as keep the mantissa within 96 bits, up to scale 28),
/// stopping early when the remainder becomes zero; it then rounds half to
/// even, or on a carry out of 96 bits drops one digit with that rounding,
/// and finally removes trailing zeros by its `unscale` rule (steps of
/// 10^8 while the low 32 bits are zero, then at most one step each of 10^4,
/// 10^2 and 10). This function computes the quotient at the largest scale
/// `E` in two wide divisions and reproduces those decisions from it.
// Bounds: c, b < 2^64 and int ≤ c; r < b; e ≤ 28 − d and, for int > 0,
// e ≤ 29 − digits(int), so int·10^e < 10^29 < 2^97 and q < 10^29; scales
// d + e ≤ 28. Every product below is proved in range where it is formed.
#[allow(clippy::arithmetic_side_effects)]
#[inline]
fn fast_div(a: Decimal, b: Decimal) -> Option<Decimal> {
    let c = u64::try_from(a.mantissa().unsigned_abs()).ok()?;
    let bb = u64::try_from(b.mantissa().unsigned_abs()).ok()?;
    if bb == 0 || c == 0 {
        return None;
    }
    let d = a.scale().checked_sub(b.scale())?;
    let negative = a.is_sign_negative() != b.is_sign_negative();
    let (int, r) = (c / bb, c % bb);
    if r == 0 {
        // Exact at once: rust_decimal keeps the scale difference as it is.
        return make(u128::from(int), negative, d);
    }
    let room = MAX_SCALE - d;
    let e = if int == 0 {
        room
    } else {
        room.min(29 - (int.ilog10() + 1))
    };
    let (q, rem) = scaled_quotient(int, r, bb, e);
    let top = d + e; // the scale of q
    if rem == 0 {
        // The quotient ends within `top` digits: rust_decimal stops at the
        // first step where it has no remainder left (rare: walk its steps).
        return exact_steps(q, top, d, negative);
    }
    let (mut q, scale, round_up) = if q > MAX96 {
        // One digit fewer (e ≥ 1 here: with e = 0, q = int < 2^64),
        // rounded half to even on the dropped digit; the remainder is not
        // zero, so a dropped 5 has more below it and rounds up.
        let digit = q % 10;
        (q / 10, top - 1, digit >= 5)
    } else {
        let twice = u128::from(rem) * 2;
        let b = u128::from(bb);
        (q, top, twice > b || (twice == b && q & 1 == 1))
    };
    if round_up {
        q += 1;
    }
    if q == 0 || q > MAX96 {
        // A zero (sign conventions) or a carry out of 96 bits: the general path.
        return None;
    }
    let (q, scale) = unscale(q, scale);
    make(q, negative, scale)
}

/// The end of [`fast_div`] when the quotient `q` at scale `top` is exact:
/// rust_decimal's steps from scale `d`, stopping at the first without a
/// remainder, or at a carry out of 96 bits.
// Bounds: scales stay within d..=top ≤ 28; q < 10^29.
#[allow(clippy::arithmetic_side_effects)]
#[cold]
fn exact_steps(q: u128, top: u32, d: u32, negative: bool) -> Option<Decimal> {
    let at = |s: u32| q / pow10(top - s); // the quotient at scale s ≤ top
    let mut s = d;
    loop {
        let qs = at(s);
        // find_scale: the most digits (≤ 9, up to scale 28) that fit.
        let x = (0..=9u32.min(MAX_SCALE - s))
            .rev()
            .find(|&x| qs.checked_mul(pow10(x)).is_some_and(|v| v <= MAX96))
            .unwrap_or(0);
        if x == 0 {
            // Cannot happen for an exact q ≤ MAX96 at `top` > s; be safe.
            return None;
        }
        s += x;
        let qs = at(s);
        let exact = q % pow10(top - s) == 0;
        if qs > MAX96 {
            // rust_decimal's `unscale_from_overflow`: one digit fewer,
            // rounded half to even with the remainder as sticky bit.
            let digit = qs % 10;
            let mut v = qs / 10;
            if digit > 5 || (digit == 5 && (!exact || v & 1 == 1)) {
                v += 1;
            }
            let (v, scale) = unscale(v, s - 1);
            return make(v, negative, scale);
        }
        if exact {
            let (v, scale) = unscale(qs, s);
            return make(v, negative, scale);
        }
        if s >= top {
            return None;
        }
    }
}

/// rust_decimal's `unscale` after an inexact division: steps of 10^8 while
/// the low 32 bits of the mantissa are zero, then at most one step each of
/// 10^4, 10^2 and 10, each taken only if it divides exactly.
#[allow(clippy::arithmetic_side_effects)] // divisions by non-zero constants
#[inline]
fn unscale(mut q: u128, mut scale: u32) -> (u128, u32) {
    while q & 0xFFFF_FFFF == 0 && scale >= 8 && rem_small(q, 100_000_000) == 0 {
        q /= 100_000_000;
        scale -= 8;
    }
    for (mask, p, n) in [(0xF, 10_000, 4), (0x3, 100, 2), (0x1, 10, 1)] {
        if q & mask == 0 && scale >= n && rem_small(q, p) == 0 {
            q /= u128::from(p);
            scale -= n;
        }
    }
    (q, scale)
}

/// `floor((int·b + r)·10^e / b)` and its remainder, for `r < b < 2^64`,
/// `e ≤ 28` and `int·10^e < 2^97`.
// Bounds: t1 = r·10^e1 < 2^64·10^19 < 2^128; f1 < 10^e1 < 2^64 (so the
// division is a 128-by-64 one with a 64-bit quotient); t2 = r1·10^e2 <
// 2^64·10^9; f1·10^e2 + f2 < 10^e; int·10^e < 2^97 by the caller.
#[allow(clippy::arithmetic_side_effects)]
#[inline]
fn scaled_quotient(int: u64, r: u64, b: u64, e: u32) -> (u128, u64) {
    let b = u128::from(b);
    let e1 = e.min(19);
    let e2 = e - e1;
    let t1 = u128::from(r) * pow10(e1);
    let f1 = t1 / b;
    let r1 = t1 - f1 * b;
    let t2 = r1 * pow10(e2);
    let f2 = t2 / b;
    let r2 = t2 - f2 * b;
    let q = u128::from(int) * pow10(e) + f1 * pow10(e2) + f2;
    // r2 < b < 2^64.
    #[allow(clippy::cast_possible_truncation)]
    (q, r2 as u64)
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects, clippy::cast_possible_truncation)] // test generators
mod tests {
    use super::super::tests::{Mix, agree};
    use super::*;
    use crate::dec;

    /// `div` gives what `checked_div` gives, scale and sign included.
    fn agree_div(a: Decimal, b: Decimal) {
        agree(format_args!("{a} / {b}"), div(a, b), a.checked_div(b));
    }

    #[test]
    fn division_is_rust_decimal_division() {
        let mut g = Mix(20261128);
        let mut fast = 0;
        for _ in 0..400_000 {
            let (a, b) = (g.decimal(), g.decimal());
            agree_div(a, b);
            fast += usize::from(fast_div(a, b).is_some());
        }
        assert!(fast > 100_000, "the fast path ran {fast} times");
    }

    #[test]
    fn division_edge_cases() {
        let cases = [
            (dec!(110), dec!(100)),
            (dec!(4.00), dec!(2)),
            (dec!(2.50), dec!(1.00)),
            (dec!(1), dec!(3)),
            (dec!(2), dec!(3)),
            (dec!(8), dec!(1)),
            (dec!(79228162514264337593543950335), dec!(10000000000)),
            (dec!(7.9228162514264337593543950335), dec!(1)),
            (dec!(18446744073709551615), dec!(3)),
            (dec!(18446744073709551615), dec!(2.3283064365386962890625)),
            (dec!(1), dec!(18446744073709551615)),
            (
                dec!(0.0000000000000000000000000001),
                dec!(18446744073709551615),
            ),
            (dec!(5), dec!(0.0000000000000000000000000002)),
            (dec!(15), dec!(2)),
            (dec!(25), dec!(2)),
            (dec!(-1), dec!(3)),
            (dec!(1), dec!(-7)),
            (dec!(0), dec!(5)),
            (dec!(-0), dec!(5)),
            (dec!(1), dec!(0)),
        ];
        for (a, b) in cases {
            for shift in 0..4 {
                agree_div(a, b * Decimal::new(1, shift));
            }
        }
        // Quotients around the 29-digit boundary 7.9228…e28 / 10^k.
        let mut g = Mix(7);
        for _ in 0..100_000 {
            let b = Decimal::from(g.next() % 1_000_000 + 1);
            let q = 79_228_162_514_264_u64 - g.next() % 2_000_000_000 + 1_000_000_000;
            let a = b * Decimal::from(q) / Decimal::from(10_000_000_000_000u64);
            agree_div(a.round_dp(g.next() as u32 % 8), b);
        }
    }

    #[test]
    fn division_of_exact_and_panel_like_quotients() {
        let mut g = Mix(2024);
        for _ in 0..200_000 {
            // Quotients that end: b × n / (2^i · 5^j).
            let b = g.decimal();
            let n = Decimal::from(g.next() % 100_000);
            let den =
                Decimal::from(2u64.pow((g.next() % 20) as u32) * 5u64.pow((g.next() % 12) as u32));
            if let Some(a) = b.checked_mul(n).and_then(|x| x.checked_div(den)) {
                agree_div(a, b);
            }
            // Values with four decimals, as in a panel of revenues.
            let a = Decimal::new((g.next() % 700_000_000_000) as i64, 4);
            let b = Decimal::new((g.next() % 700_000_000_000) as i64 + 1, 4);
            agree_div(a, b);
            agree_div(b, a);
        }
    }
}
