//! A minimal non-negative big integer, for deciding `base · (1+g)^k ≥ target`
//! exactly when the power has more digits than a `Decimal` holds.

use core::cmp::Ordering;

/// Little-endian base-2^32 limbs, no trailing zero limbs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Big(Vec<u32>);

impl Big {
    pub(crate) fn from_u128(mut v: u128) -> Big {
        let mut limbs = Vec::with_capacity(4);
        while v > 0 {
            // Truncation to the low 32 bits is the point.
            limbs.push((v & 0xffff_ffff) as u32);
            v >>= 32;
        }
        Big(limbs)
    }

    pub(crate) fn mul(&self, other: &Big) -> Big {
        if self.0.is_empty() || other.0.is_empty() {
            return Big(Vec::new());
        }
        let mut out = vec![0u32; self.0.len().saturating_add(other.0.len())];
        for (i, &a) in self.0.iter().enumerate() {
            let mut carry = 0u64;
            for (j, &b) in other.0.iter().enumerate() {
                let Some(slot) = out.get_mut(i.saturating_add(j)) else {
                    continue;
                };
                // a·b + slot + carry < 2^64: (2^32−1)² + 2·(2^32−1) = 2^64 − 1.
                let t = u64::from(a)
                    .wrapping_mul(u64::from(b))
                    .wrapping_add(u64::from(*slot))
                    .wrapping_add(carry);
                *slot = (t & 0xffff_ffff) as u32;
                carry = t >> 32;
            }
            let mut k = i.saturating_add(other.0.len());
            while carry > 0 {
                let Some(slot) = out.get_mut(k) else { break };
                let t = u64::from(*slot).wrapping_add(carry);
                *slot = (t & 0xffff_ffff) as u32;
                carry = t >> 32;
                k = k.saturating_add(1);
            }
        }
        while out.last() == Some(&0) {
            out.pop();
        }
        Big(out)
    }

    pub(crate) fn pow(&self, mut e: u64) -> Big {
        let mut result = Big::from_u128(1);
        let mut base = self.clone();
        while e > 0 {
            if e & 1 == 1 {
                result = result.mul(&base);
            }
            e >>= 1;
            if e > 0 {
                base = base.mul(&base);
            }
        }
        result
    }

    /// Whether the value is zero.
    pub(crate) fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether the value is odd.
    pub(crate) fn is_odd(&self) -> bool {
        self.0.first().is_some_and(|l| l & 1 == 1)
    }

    /// The value as a `u128`, if it fits.
    pub(crate) fn to_u128(&self) -> Option<u128> {
        if self.0.len() > 4 {
            return None;
        }
        Some(
            self.0
                .iter()
                .rev()
                .fold(0u128, |acc, &l| (acc << 32) | u128::from(l)),
        )
    }

    /// `self + other`.
    pub(crate) fn add(&self, other: &Big) -> Big {
        let n = self.0.len().max(other.0.len());
        let mut out = Vec::with_capacity(n.saturating_add(1));
        let mut carry = 0u64;
        for i in 0..n {
            let a = u64::from(self.0.get(i).copied().unwrap_or(0));
            let b = u64::from(other.0.get(i).copied().unwrap_or(0));
            // a + b + carry < 2^33: no overflow.
            let t = a.wrapping_add(b).wrapping_add(carry);
            out.push((t & 0xffff_ffff) as u32);
            carry = t >> 32;
        }
        if carry > 0 {
            out.push((carry & 0xffff_ffff) as u32);
        }
        Big(out)
    }

    /// `|self − other|`.
    pub(crate) fn abs_diff(&self, other: &Big) -> Big {
        let (big, small) = match self.cmp(other) {
            Ordering::Less => (other, self),
            _ => (self, other),
        };
        let mut out = Vec::with_capacity(big.0.len());
        let mut borrow = 0u64;
        for (i, &a) in big.0.iter().enumerate() {
            let b = u64::from(small.0.get(i).copied().unwrap_or(0)).wrapping_add(borrow);
            let a = u64::from(a);
            // big ≥ small, so the final borrow is zero.
            let (t, next) = if a >= b {
                (a.wrapping_sub(b), 0)
            } else {
                (a.wrapping_add(1 << 32).wrapping_sub(b), 1)
            };
            out.push((t & 0xffff_ffff) as u32);
            borrow = next;
        }
        while out.last() == Some(&0) {
            out.pop();
        }
        Big(out)
    }

    /// `(⌊self / d⌋, self mod d)` for `d > 0` (a `d` of zero is taken as one).
    #[allow(clippy::arithmetic_side_effects)] // d ≥ 1: no division by zero
    pub(crate) fn div_rem_small(&self, d: u32) -> (Big, u32) {
        let d = u64::from(d.max(1));
        let mut out = vec![0u32; self.0.len()];
        let mut rem = 0u64;
        for (slot, &l) in out.iter_mut().zip(&self.0).rev() {
            // rem < d ≤ 2^32, so rem · 2^32 + l < 2^64.
            let cur = (rem << 32) | u64::from(l);
            *slot = ((cur / d) & 0xffff_ffff) as u32;
            rem = cur % d;
        }
        while out.last() == Some(&0) {
            out.pop();
        }
        (Big(out), (rem & 0xffff_ffff) as u32)
    }

    /// The number of decimal digits (0 for zero).
    pub(crate) fn decimal_digits(&self) -> u32 {
        let mut n = self.clone();
        let mut digits = 0u32;
        while n.0.len() > 1 {
            n = n.div_rem_small(1_000_000_000).0;
            digits = digits.saturating_add(9);
        }
        let last = n.0.first().copied().unwrap_or(0);
        digits.saturating_add(last.checked_ilog10().map_or(0, |d| d.saturating_add(1)))
    }

    pub(crate) fn cmp(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic() {
        let three = Big::from_u128(3);
        let two = Big::from_u128(2);
        // 3^27 vs 2^27 · 1.5^27: equal, tested as 2^27 · 3^27 = 6^27.
        assert_eq!(two.pow(27).mul(&three.pow(27)), Big::from_u128(6).pow(27));
        assert_eq!(
            Big::from_u128(u128::MAX).mul(&Big::from_u128(0)),
            Big::from_u128(0)
        );
        assert_eq!(three.pow(80).cmp(&two.pow(126)), Ordering::Greater); // 3^80 ≈ 1.48e38 > 2^126 ≈ 8.5e37
        assert_eq!(
            Big::from_u128(10)
                .pow(30)
                .cmp(&Big::from_u128(10u128.pow(30))),
            Ordering::Equal
        );
    }

    /// Sums, differences, small divisions and digit counts against `u128`
    /// arithmetic, across limb boundaries.
    #[test]
    #[allow(clippy::arithmetic_side_effects)]
    fn sums_and_small_divisions() {
        let cases = [
            0u128,
            1,
            9,
            10,
            u128::from(u32::MAX),
            u128::from(u32::MAX) + 1,
            u128::from(u64::MAX),
            10u128.pow(28),
            10u128.pow(28) - 1,
            u128::MAX / 3,
        ];
        for &a in &cases {
            let big = Big::from_u128(a);
            assert_eq!(big.to_u128(), Some(a));
            assert_eq!(big.is_zero(), a == 0);
            assert_eq!(big.is_odd(), a % 2 == 1);
            assert_eq!(
                big.decimal_digits(),
                a.checked_ilog10().map_or(0, |d| d + 1),
                "{a}"
            );
            for d in [1u32, 3, 10, 1_000_000_000, u32::MAX] {
                let (q, r) = big.div_rem_small(d);
                assert_eq!(q.to_u128(), Some(a / u128::from(d)), "{a} / {d}");
                assert_eq!(u128::from(r), a % u128::from(d), "{a} % {d}");
            }
            for &b in &cases {
                if let Some(sum) = a.checked_add(b) {
                    assert_eq!(
                        big.add(&Big::from_u128(b)).to_u128(),
                        Some(sum),
                        "{a} + {b}"
                    );
                }
                assert_eq!(
                    big.abs_diff(&Big::from_u128(b)).to_u128(),
                    Some(a.abs_diff(b)),
                    "|{a} − {b}|"
                );
            }
        }
        // Beyond 128 bits: 10^40 has 41 digits and no u128.
        let big = Big::from_u128(10).pow(40);
        assert_eq!(big.decimal_digits(), 41);
        assert_eq!(big.to_u128(), None);
        assert_eq!(big.add(&big).div_rem_small(2).0, big);
    }
}
