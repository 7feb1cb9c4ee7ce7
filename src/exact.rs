//! Fast exact kernels for the hot paths of growth, CAGR and target gaps:
//! division that gives exactly what `Decimal::checked_div` gives, `x − 1`
//! without rescaling, and `k`-th roots by one Newton step in integer
//! arithmetic.
//!
//! Each kernel either returns the result or `None` where its fast path does
//! not apply; the callers then take the general `Decimal` path. Division,
//! multiplication, powers and `x ± 1` are bit-for-bit equal to rust_decimal's
//! own operations (the tests compare mantissa, scale and sign on millions of
//! inputs); the root is within 0.57 units of its last decimal place (the 28th for a
//! root below 7.9; a larger root keeps fewer decimals in 96 bits): an
//! independent check of 97,447 roots against 80-digit references, and a
//! later one of 132,000 against 90-digit references (worst 0.5653 units, a
//! cube root of 2.1·10²³).

use rust_decimal::Decimal;

/// 2^96 − 1, the largest `Decimal` mantissa.
const MAX96: u128 = (1u128 << 96) - 1;

/// The largest `Decimal` scale.
const MAX_SCALE: u32 = 28;

/// 10^n for n in 0..=38.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)] // i in 1..39; 10^38 < 2^128
const POW10: [u128; 39] = {
    let mut t = [1u128; 39];
    let mut i = 1;
    while i < 39 {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

/// 10^n, if it fits a `u128` (n ≤ 38).
#[inline]
pub(crate) fn power_of_ten(n: u32) -> Option<u128> {
    POW10.get(n as usize).copied()
}

/// 10^n, for n ≤ 38 (0 beyond: callers keep n ≤ 38).
#[inline]
fn pow10(n: u32) -> u128 {
    power_of_ten(n).unwrap_or(0)
}

/// The number of decimal digits of `x` (0 for 0) without a 128-bit
/// division (`u128::ilog10` divides by powers of ten through a library
/// call): `t = ⌊bits · 1233 / 4096⌋` is ⌊log10 x⌋ or one more, and one
/// comparison with 10^t tells which.
// Bounds: bits ≤ 128, so bits · 1233 < 2^18 and t ≤ 38.
#[allow(clippy::arithmetic_side_effects)]
#[inline]
fn digits(x: u128) -> u32 {
    if x == 0 {
        return 0;
    }
    let bits = 128 - x.leading_zeros();
    let t = (bits * 1233) >> 12;
    t + u32::from(x >= pow10(t))
}

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

/// A `Decimal` from its magnitude, sign and scale; `None` if the mantissa or
/// scale is out of range.
#[inline]
fn make(mantissa: u128, negative: bool, scale: u32) -> Option<Decimal> {
    if mantissa > MAX96 || scale > MAX_SCALE {
        return None;
    }
    // The three 32-bit words of a mantissa below 2^96: truncating casts.
    #[allow(clippy::cast_possible_truncation)]
    let (lo, mid, hi) = (
        mantissa as u32,
        (mantissa >> 32) as u32,
        (mantissa >> 64) as u32,
    );
    Some(Decimal::from_parts(lo, mid, hi, negative, scale))
}

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

/// `q mod m` for `0 < m ≤ 10^8` in 64-bit arithmetic (a 128-bit remainder
/// is a library call).
#[allow(clippy::arithmetic_side_effects, clippy::cast_possible_truncation)]
// Bounds: (h mod m)·(2^64 mod m) < m² ≤ 10^16 and adding l mod m stays below 2^64.
#[inline]
fn rem_small(q: u128, m: u64) -> u64 {
    let (h, l) = ((q >> 64) as u64, q as u64);
    let w = (u64::MAX % m + 1) % m; // 2^64 mod m
    ((h % m) * w + l % m) % m
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

/// `base^exp` for `exp ≥ 0`, exactly as `MathematicalOps::checked_powi` gives it
/// (rust_decimal 1.43: squaring with a 96-bit product and normalising for
/// exponents below 1024, its wide path above), with [`mul`] for each product.
pub(crate) fn powu(base: Decimal, exp: u64) -> Option<Decimal> {
    if exp == 0 {
        return Some(Decimal::ONE);
    }
    if base.is_zero() {
        return Some(Decimal::ZERO);
    }
    if is_one(base) {
        return Some(Decimal::ONE);
    }
    match exp {
        1 => Some(base),
        2 => mul(base, base),
        _ if exp >= 1024 => rust_decimal::MathematicalOps::checked_powu(&base, exp),
        _ => {
            let mut product = Decimal::ONE;
            let mut power = base;
            let mut mask = exp;
            for n in 0..u64::BITS.saturating_sub(exp.leading_zeros()) {
                if n > 0 {
                    power = mul(power, power)?;
                    mask >>= 1;
                }
                if mask & 1 == 1 {
                    product = mul(product, power)?;
                }
            }
            Some(normalize(product))
        }
    }
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

/// The full 256-bit product `a × b` as (high, low).
#[allow(clippy::arithmetic_side_effects, clippy::cast_possible_truncation)]
// Bounds: 64×64-bit limb products are below 2^128; the middle sum of two of
// them and a 64-bit carry is kept in two parts so no addition overflows.
fn mul_wide(a: u128, b: u128) -> (u128, u128) {
    let (a1, a0) = (a >> 64, a & u128::from(u64::MAX));
    let (b1, b0) = (b >> 64, b & u128::from(u64::MAX));
    let p00 = a0 * b0;
    let p01 = a0 * b1;
    let p10 = a1 * b0;
    let p11 = a1 * b1;
    let mid = (p00 >> 64) + (p01 & u128::from(u64::MAX)) + (p10 & u128::from(u64::MAX));
    let lo = (p00 & u128::from(u64::MAX)) | (mid << 64);
    let hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    (hi, lo)
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

    /// `digits` equals `ilog10 + 1` at every power of ten and of two, and
    /// one either side.
    #[test]
    fn digits_as_ilog10() {
        let mut xs = vec![0u128, 1, u128::MAX];
        for k in 0..=38 {
            let p = 10u128.pow(k);
            xs.extend([p - 1, p, p + 1]);
        }
        for b in 0..128 {
            let p = 1u128 << b;
            xs.extend([p - 1, p, p + 1]);
        }
        for x in xs {
            assert_eq!(digits(x), x.checked_ilog10().map_or(0, |d| d + 1), "{x}");
        }
        // And for every x: with b bits, 2^(b−1) ≤ x < 2^b, so ⌊log10 x⌋ is
        // t − 1 or t when 10^(t−1) ≤ 2^(b−1) and 2^b ≤ 10^(t+1).
        for b in 1..=128u32 {
            let t = (b * 1233) >> 12;
            let low = 1u128 << (b - 1);
            assert!(t == 0 || 10u128.pow(t - 1) <= low, "{b}");
            let high = u128::MAX >> (128 - b); // 2^b − 1
            assert!(t + 1 > 38 || high < 10u128.pow(t + 1), "{b}");
        }
    }
    use rust_decimal_macros::dec;

    /// Same value, scale and sign: `Decimal`'s `==` compares values only.
    fn same(a: Decimal, b: Decimal) -> bool {
        a.serialize() == b.serialize()
    }

    /// `div` gives what `checked_div` gives, scale and sign included.
    fn agree_div(a: Decimal, b: Decimal) {
        match (div(a, b), a.checked_div(b)) {
            (Some(x), Some(y)) => assert!(same(x, y), "{a} / {b}: {x} vs {y}"),
            (x, y) => assert_eq!(x, y, "{a} / {b}"),
        }
    }

    /// `x ± 1` as rust_decimal's addition and subtraction give it.
    fn agree_step(x: Decimal) {
        let bits = |d: Option<Decimal>| d.map(|d| d.serialize());
        assert_eq!(bits(minus_one(x)), bits(x.checked_sub(Decimal::ONE)), "{x}");
        assert_eq!(bits(plus_one(x)), bits(x.checked_add(Decimal::ONE)), "{x}");
    }

    /// A tiny deterministic generator (splitmix64).
    struct Mix(u64);
    impl Mix {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }
        fn decimal(&mut self) -> Decimal {
            let bits = self.next() % 65;
            let m = if bits == 64 {
                self.next()
            } else {
                self.next() & ((1u64 << bits) - 1)
            };
            let scale = (self.next() % 29) as u32;
            let negative = self.next() % 4 == 0;
            Decimal::from_parts(m as u32, (m >> 32) as u32, 0, negative, scale)
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

    /// `mul` gives what `checked_mul` gives, scale and sign included.
    fn agree_mul(a: Decimal, b: Decimal) {
        match (mul(a, b), a.checked_mul(b)) {
            (Some(x), Some(y)) => assert!(same(x, y), "{a} × {b}: {x} vs {y}"),
            (x, y) => assert_eq!(x, y, "{a} × {b}"),
        }
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

    #[test]
    fn powers_are_rust_decimal_powers() {
        use rust_decimal::MathematicalOps;
        let mut g = Mix(41);
        for _ in 0..20_000 {
            let f = Decimal::ONE + Decimal::from_i128_with_scale((g.next() >> 8) as i128, 28);
            let x = g.decimal();
            for exp in [0, 1, 2, 3, 4, 5, 7, 10, 1023, 1024] {
                for base in [f, x, -f] {
                    let (got, want) = (powu(base, exp), base.checked_powu(exp));
                    match (got, want) {
                        (Some(a), Some(b)) => assert!(same(a, b), "{base}^{exp}: {a} vs {b}"),
                        (a, b) => assert_eq!(a, b, "{base}^{exp}"),
                    }
                }
            }
        }
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
