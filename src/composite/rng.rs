//! The random numbers of the Monte Carlo: SplitMix64, exact to its seed.

use rust_decimal::Decimal;

/// SplitMix64 (Steele, Lea and Flood 2014; the seeding generator of
/// xoshiro): a 64-bit state advanced by a fixed odd constant and mixed by two
/// multiply-xorshift rounds. Small, fast, passes BigCrush, and fully
/// determined by its seed, so the same seed gives the same Monte Carlo run on
/// every machine. Not for cryptography.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator with `seed`.
    pub(crate) fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    /// The next 64 random bits.
    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform decimal in [0, 1) with 18 decimal places, exactly uniform
    /// over those 10^18 values (rejection sampling on 60 bits; no float).
    pub(crate) fn next_unit(&mut self) -> Decimal {
        const LIMIT: u64 = 1_000_000_000_000_000_000;
        loop {
            let u = self.next_u64() >> 4;
            if u < LIMIT {
                return Decimal::from_i128_with_scale(i128::from(u), 18);
            }
        }
    }

    /// A uniform index below `n` (`n > 0`), by rejection: no modulo bias.
    #[allow(clippy::arithmetic_side_effects)] // n ≥ 2 here, and `MAX % n ≤ MAX`
    pub(crate) fn next_below(&mut self, n: usize) -> usize {
        let n = n as u64;
        if n <= 1 {
            return 0;
        }
        let zone = u64::MAX - u64::MAX % n;
        loop {
            let u = self.next_u64();
            if u < zone {
                return (u % n) as usize;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_sequence() {
        // The reference sequence for seed 0 (Vigna's splitmix64.c).
        assert_eq!(SplitMix64::new(0).next_u64(), 0xE220A8397B1DCDAF);
        let (mut a, mut b) = (SplitMix64::new(42), SplitMix64::new(42));
        assert_eq!(a.next_u64(), b.next_u64());
        assert_ne!(SplitMix64::new(1).next_u64(), SplitMix64::new(2).next_u64());
        let mut g = SplitMix64::new(7);
        assert_ne!(g.next_u64(), g.next_u64());
    }

    #[test]
    fn unit_interval_and_index() {
        let mut g = SplitMix64::new(7);
        for _ in 0..1000 {
            let u = g.next_unit();
            assert!(
                u >= Decimal::ZERO && u < Decimal::ONE && u.scale() <= 18,
                "{u}"
            );
            assert!(g.next_below(3) < 3);
        }
        assert_eq!(g.next_below(1), 0);
        assert_eq!(g.next_below(0), 0);
    }
}
