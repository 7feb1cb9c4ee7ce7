//! Multiplication that gives exactly what `Decimal::checked_mul` gives, with
//! a fast path that divides the 192-bit product by a power of ten (Barrett).

use rust_decimal::Decimal;

use super::{MAX_SCALE, MAX96, digits, make, mul_wide};

/// 10^r as 192 bits (three 64-bit limbs, least significant first), for r
/// in 0..=57, and ⌊(2^256 − 1) / 10^r⌋ as 256 bits, for Barrett division.
#[allow(
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation
)]
// Const tables: indices are loop counters below the array lengths; 10^57 <
// 2^192; each step divides a 256-bit number by 10 limb by limb with a u128
// remainder below 10·2^64.
const TENS: ([[u64; 3]; 58], [[u64; 4]; 58]) = {
    let mut pow = [[0u64; 3]; 58];
    let mut recip = [[0u64; 4]; 58];
    pow[0] = [1, 0, 0];
    recip[0] = [u64::MAX; 4];
    let mut r = 1;
    while r < 58 {
        // pow[r] = pow[r − 1] × 10
        let mut carry = 0u128;
        let mut i = 0;
        while i < 3 {
            let v = pow[r - 1][i] as u128 * 10 + carry;
            pow[r][i] = v as u64;
            carry = v >> 64;
            i += 1;
        }
        // recip[r] = ⌊recip[r − 1] / 10⌋ (= ⌊(2^256 − 1) / 10^r⌋)
        let mut rem = 0u128;
        let mut j = 4;
        while j > 0 {
            j -= 1;
            let v = (rem << 64) | recip[r - 1][j] as u128;
            recip[r][j] = (v / 10) as u64;
            rem = v % 10;
        }
        r += 1;
    }
    (pow, recip)
};

/// `a × b`, exactly as [`Decimal::checked_mul`] gives it: the exact product
/// rounded half to even to the largest scale (at most 28, at most the sum of
/// the scales) whose mantissa fits in 96 bits; `None` on overflow.
#[inline]
pub(crate) fn mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    fast_mul(a, b).or_else(|| a.checked_mul(b))
}

/// [`mul`]'s fast path (a Barrett division of the 192-bit product by a power
/// of ten), or `None` where it does not apply: a zero, or a product that
/// overflows or rounds up to 2^96.
// Bounds: mantissas < 2^96, so the product < 2^192 (hi < 2^64, so hi << 32
// keeps every bit) and the scale sum ≤ 56; rust_decimal's own digit estimate
// `((bits − 97)·77 >> 8) + 1` never exceeds the digits to drop, and its
// rescale loop adds one digit at a time until the quotient fits: the
// smallest count that fits, computed here directly.
#[allow(clippy::arithmetic_side_effects, clippy::cast_possible_truncation)]
#[inline]
fn fast_mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    let (x, y) = (a.mantissa().unsigned_abs(), b.mantissa().unsigned_abs());
    if x == 0 || y == 0 {
        return None;
    }
    let scale = a.scale() + b.scale();
    let negative = a.is_sign_negative() != b.is_sign_negative();
    let (hi, lo) = mul_wide(x, y);
    if hi == 0 && lo <= MAX96 && scale <= MAX_SCALE {
        return make(lo, negative, scale);
    }
    let p = [lo as u64, (lo >> 64) as u64, hi as u64]; // hi < 2^64
    // The fewest digits to drop so that the quotient fits in 96 bits: the
    // smallest r with p < 2^96·10^r, i.e. with ⌊p / 2^96⌋ < 10^r, which is
    // the digit count of ⌊p / 2^96⌋ (a u128: p < 2^192). rust_decimal
    // reaches the same count from its estimate by adding digits while the
    // quotient does not fit.
    let top = (hi << 32) | (lo >> 96);
    let fit = digits(top);
    let drop = fit.max(scale.saturating_sub(MAX_SCALE));
    if drop > scale || drop as usize >= TENS.0.len() {
        return None;
    }
    let (q, rem) = div_pow10(p, drop as usize)?;
    if q > MAX96 {
        return None;
    }
    let ten = TENS.0.get(drop as usize)?;
    // Half to even: compare the remainder with what is left to 10^drop.
    let rest = sub192(*ten, rem)?;
    let up = match cmp192(rem, rest) {
        core::cmp::Ordering::Greater => true,
        core::cmp::Ordering::Equal => q & 1 == 1,
        core::cmp::Ordering::Less => false,
    };
    let q = q + u128::from(up);
    if q == 0 || q > MAX96 {
        return None;
    }
    make(q, negative, scale - drop)
}

/// ⌊p / 10^r⌋ (if it fits in 128 bits) and the remainder, by Barrett
/// division with ⌊(2^256 − 1) / 10^r⌋: the estimate is at most 2 short.
#[allow(
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation,
    clippy::indexing_slicing
)]
// Bounds: limb products are below 2^128 and accumulate with explicit carries;
// limb indices i < 3 and j < 4 address a 7-limb product.
#[inline]
fn div_pow10(p: [u64; 3], r: usize) -> Option<(u128, [u64; 3])> {
    let (ten, m) = (*TENS.0.get(r)?, *TENS.1.get(r)?);
    if r == 0 {
        if p[2] != 0 {
            return None;
        }
        return Some((u128::from(p[0]) | (u128::from(p[1]) << 64), [0; 3]));
    }
    // The top three limbs of p × m (a 448-bit product), i.e. ⌊p·m / 2^256⌋.
    let mut prod = [0u64; 7];
    for (i, &pi) in p.iter().enumerate() {
        let mut carry = 0u128;
        for (j, &mj) in m.iter().enumerate() {
            let slot = &mut prod[i + j];
            let v = u128::from(pi) * u128::from(mj) + u128::from(*slot) + carry;
            *slot = v as u64;
            carry = v >> 64;
        }
        prod[i + 4] = carry as u64;
    }
    let mut q = [prod[4], prod[5], prod[6]];
    // rem = p − q·10^r (mod 2^192: the true remainder is below 3·10^r).
    let mut rem = sub192(p, mul192(q, ten))?;
    while cmp192(rem, ten) != core::cmp::Ordering::Less {
        rem = sub192(rem, ten)?;
        q = add192(q, [1, 0, 0]);
    }
    if q[2] != 0 {
        return Some((u128::MAX, rem)); // ≥ 2^128: far above 2^96
    }
    Some((u128::from(q[0]) | (u128::from(q[1]) << 64), rem))
}

/// `a × b` mod 2^192.
#[allow(
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation,
    clippy::indexing_slicing
)] // i + j < 3 by the `take`; limb products below 2^128
#[inline]
fn mul192(a: [u64; 3], b: [u64; 3]) -> [u64; 3] {
    let mut out = [0u64; 3];
    for (i, &ai) in a.iter().enumerate() {
        let mut carry = 0u128;
        for (j, &bj) in b.iter().enumerate().take(3 - i) {
            let slot = &mut out[i + j];
            let v = u128::from(ai) * u128::from(bj) + u128::from(*slot) + carry;
            *slot = v as u64;
            carry = v >> 64;
        }
    }
    out
}

/// `a − b` for `a ≥ b` (wrapping mod 2^192 otherwise; callers keep a ≥ b
/// up to that modulus).
#[allow(clippy::cast_possible_truncation)]
#[inline]
fn sub192(a: [u64; 3], b: [u64; 3]) -> Option<[u64; 3]> {
    let (d0, c0) = a[0].overflowing_sub(b[0]);
    let (d1, c1a) = a[1].overflowing_sub(b[1]);
    let (d1, c1b) = d1.overflowing_sub(u64::from(c0));
    let (d2, _) = a[2].overflowing_sub(b[2]);
    let (d2, _) = d2.overflowing_sub(u64::from(c1a || c1b));
    Some([d0, d1, d2])
}

/// `a + b` mod 2^192.
#[inline]
fn add192(a: [u64; 3], b: [u64; 3]) -> [u64; 3] {
    let (s0, c0) = a[0].overflowing_add(b[0]);
    let (s1, c1a) = a[1].overflowing_add(b[1]);
    let (s1, c1b) = s1.overflowing_add(u64::from(c0));
    let s2 = a[2].wrapping_add(b[2]).wrapping_add(u64::from(c1a || c1b));
    [s0, s1, s2]
}

/// Compares two 192-bit numbers.
#[inline]
fn cmp192(a: [u64; 3], b: [u64; 3]) -> core::cmp::Ordering {
    a[2].cmp(&b[2]).then(a[1].cmp(&b[1])).then(a[0].cmp(&b[0]))
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects, clippy::cast_possible_truncation)] // test generators
mod tests {
    use super::super::tests::{Mix, agree};
    use super::*;
    use crate::dec;

    /// `mul` gives what `checked_mul` gives, scale and sign included.
    fn agree_mul(a: Decimal, b: Decimal) {
        agree(format_args!("{a} × {b}"), mul(a, b), a.checked_mul(b));
    }

    #[test]
    fn multiplication_is_rust_decimal_multiplication() {
        let mut g = Mix(31);
        let wide = |g: &mut Mix| {
            let m = (u128::from(g.next()) << 64 | u128::from(g.next())) >> (32 + g.next() % 96);
            Decimal::from_i128_with_scale(m as i128, (g.next() % 29) as u32)
        };
        let mut rescaled = 0;
        for _ in 0..300_000 {
            agree_mul(g.decimal(), g.decimal());
            let (a, b) = (wide(&mut g), wide(&mut g));
            agree_mul(a, b);
            agree_mul(-a, b);
            // Roots and factors as in projections: 1.xxx with 28 decimals.
            let f = Decimal::ONE + Decimal::from_i128_with_scale((g.next() >> 4) as i128, 28);
            agree_mul(f, f);
            agree_mul(f, g.decimal());
            let (hi, lo) = mul_wide(a.mantissa().unsigned_abs(), b.mantissa().unsigned_abs());
            let big = hi != 0 || lo > MAX96 || a.scale() + b.scale() > MAX_SCALE;
            rescaled += usize::from(big && fast_mul(a, b).is_some());
        }
        // The fast path itself rounded most of the wide products.
        assert!(rescaled > 100_000, "{rescaled}");
        for (a, b) in [
            (Decimal::MAX, Decimal::MAX),
            (Decimal::MAX, dec!(0.1)),
            (Decimal::MAX, dec!(1.0000000000000000000000000001)),
            (dec!(0.5), dec!(0.0000000000000000000000000001)),
            (dec!(1.5), dec!(0.0000000000000000000000000001)),
            (dec!(2.5), dec!(0.0000000000000000000000000001)),
            (
                dec!(0.0000000000000000000000000001),
                dec!(0.0000000000000000000000000001),
            ),
            (dec!(7.9228162514264337593543950335), dec!(10)),
            (dec!(3.9614081257132168796771975168), dec!(2)),
            (dec!(0), dec!(5)),
            (dec!(-3), dec!(0.00)),
        ] {
            agree_mul(a, b);
            agree_mul(b, a);
        }
    }
}
