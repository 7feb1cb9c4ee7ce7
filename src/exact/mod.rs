//! Exact arithmetic, in one place: the fast kernels of the hot paths of
//! growth, CAGR and target gaps, the checked operations with typed errors,
//! exact rescaling and comparison across magnitudes, a small big integer and
//! a bisection search.
//!
//! - `div`, `mul`, `pow`: division, multiplication and integer powers that
//!   give exactly what `Decimal::checked_div`, `checked_mul` and
//!   `checked_powu` give;
//! - `add`: `x ± 1` without rescaling, and the exact sum that refuses to round;
//! - `cmp`: comparisons without rescaling, across magnitudes, and of a
//!   value grown by an integer power (in big integers);
//! - `scale`: moving the decimal point exactly (normalising, shifting);
//! - `root`: `k`-th roots, by one Newton step in integer arithmetic (the
//!   general path: Newton's iteration in `Decimal`);
//! - `checked`: `Result`-returning operations whose errors name their operands;
//! - `big`: a minimal big integer for comparisons beyond 28 digits;
//! - `round`: a computed sum or rescaling rounded once to 28 significant
//!   digits, ties to even (the rule for results computed from computed values);
//! - `search`: the least point where a monotone predicate turns true;
//! - `parse`: reading a decimal number exactly, the one rule of every reader;
//! - here: powers of ten, digit counts and the 256-bit product they share.
//!
//! The fast kernels either return the result or `None` where their fast path does
//! not apply; the callers then take the general `Decimal` path. Division,
//! multiplication, powers and `x ± 1` are bit-for-bit equal to rust_decimal's
//! own operations (the tests compare mantissa, scale and sign on millions of
//! inputs); the root is within 0.57 units of its last decimal place (the 28th for a
//! root below 7.9; a larger root keeps fewer decimals in 96 bits): an
//! independent check of 97,447 roots against 80-digit references, and a
//! later one of 132,000 against 90-digit references (worst 0.5653 units, a
//! cube root of 2.1·10²³).

use rust_decimal::Decimal;

mod add;
mod big;
pub(crate) mod checked;
mod cmp;
mod div;
mod mul;
pub(crate) mod parse;
mod pow;
mod root;
mod round;
mod scale;
mod search;

pub(crate) use add::{exact_add, minus_one, plus_one};
pub(crate) use big::Big;
pub(crate) use checked::checked_div;
pub(crate) use cmp::{cmp, cmp_power, cmp_scaled, is_one, is_positive};
pub(crate) use div::div;
pub(crate) use mul::mul;
pub(crate) use pow::powu;
pub(crate) use root::nth_root;
pub(crate) use round::{rescale_rounded, round_half_even, significant_digits, sum_rounded};
pub(crate) use scale::{canonical, normalize, shift_exact};
pub(crate) use search::least_true;

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

/// `m × 10^n`, or `None` if 10^n or the product does not fit an `i128`.
#[inline]
pub(crate) fn mul_pow10(m: i128, n: u32) -> Option<i128> {
    power_of_ten(n)
        .and_then(|f| i128::try_from(f).ok())
        .and_then(|f| m.checked_mul(f))
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

    #[test]
    fn mul_pow10_is_checked_pow() {
        for m in [0i128, 1, -1, 7, -123_456_789, i128::MAX, i128::MIN] {
            for n in 0..=40 {
                let want = 10i128.checked_pow(n).and_then(|f| m.checked_mul(f));
                assert_eq!(mul_pow10(m, n), want, "{m} × 10^{n}");
            }
        }
    }

    /// Same value, scale and sign: `Decimal`'s `==` compares values only.
    pub(super) fn same(a: Decimal, b: Decimal) -> bool {
        a.serialize() == b.serialize()
    }

    /// A kernel's answer against rust_decimal's: the same value, scale and
    /// sign, or both `None`.
    pub(super) fn agree(
        what: impl core::fmt::Display,
        got: Option<Decimal>,
        want: Option<Decimal>,
    ) {
        match (got, want) {
            (Some(x), Some(y)) => assert!(same(x, y), "{what}: {x} vs {y}"),
            (x, y) => assert_eq!(x, y, "{what}"),
        }
    }

    /// A tiny deterministic generator (splitmix64).
    pub(super) struct Mix(pub(super) u64);
    impl Mix {
        pub(super) fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }
        pub(super) fn decimal(&mut self) -> Decimal {
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
}
