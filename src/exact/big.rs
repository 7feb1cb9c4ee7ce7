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
}
