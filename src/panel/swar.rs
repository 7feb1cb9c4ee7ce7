//! Sixteen bytes at a time in a `u128` ("SIMD within a register"): finding
//! a byte and reading a short plain decimal, for the CSV reader's common
//! rows. Byte `i` of a word is bits `8i..8i+8` (little-endian loads), so the
//! lowest byte is the first in the text.

use rust_decimal::Decimal;

/// Every byte 0x01.
const ONES: u128 = 0x0101_0101_0101_0101_0101_0101_0101_0101;
/// Every byte 0x80.
const HIGHS: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;
/// Every byte 0x0F.
const LOWS: u128 = 0x0F0F_0F0F_0F0F_0F0F_0F0F_0F0F_0F0F_0F0F;
/// Every byte 0xF0.
const HIGH_NIBBLES: u128 = 0xF0F0_F0F0_F0F0_F0F0_F0F0_F0F0_F0F0_F0F0;
/// Every byte `'0'`.
const ZEROS: u128 = 0x3030_3030_3030_3030_3030_3030_3030_3030;
/// Every byte 0x06.
const SIXES: u128 = 0x0606_0606_0606_0606_0606_0606_0606_0606;

/// The first sixteen bytes of `bytes` as a word, zero-padded when shorter.
#[inline]
pub(crate) fn load(bytes: &[u8]) -> u128 {
    if let Some(word) = bytes.first_chunk::<16>() {
        return u128::from_le_bytes(*word);
    }
    let mut word = [0u8; 16];
    if let Some(head) = word.get_mut(..bytes.len()) {
        head.copy_from_slice(bytes);
    }
    u128::from_le_bytes(word)
}

/// The word with one byte value in every byte.
#[inline]
pub(crate) const fn splat(byte: u8) -> u128 {
    u128::from_le_bytes([byte; 16])
}

/// The index of the first byte of `word` equal to the byte `splat(byte)`
/// repeats. A byte of `word ^ splatted` is zero exactly where `word` holds the
/// byte; in the classic zero-byte test the lowest flagged byte is exact (only
/// bytes above a true zero can be false positives).
#[inline]
pub(crate) fn find(word: u128, splatted: u128) -> Option<usize> {
    let x = word ^ splatted;
    let found = x.wrapping_sub(ONES) & !x & HIGHS;
    (found != 0).then(|| (found.trailing_zeros() / 8) as usize)
}

/// The low `n` bytes set (`n` ≥ 16: all of them).
#[inline]
pub(crate) fn low_bytes(n: usize) -> u128 {
    let bits = u32::try_from(n).unwrap_or(u32::MAX).saturating_mul(8);
    1u128
        .checked_shl(bits)
        .map_or(u128::MAX, |bit| bit.wrapping_sub(1))
}

/// Eight ASCII digits' values (one per byte, the first digit in the lowest
/// byte) as a number: pairs, then quads, then the eight (simdjson's
/// `parse_eight_digits_unrolled`). Each multiply keeps its lanes apart:
/// lane values stay below 10^8 < 2^32.
#[inline]
fn eight_digits(v: u64) -> u64 {
    let v = v.wrapping_mul(10 * 256 + 1) >> 8;
    let v = (v & 0x00FF_00FF_00FF_00FF).wrapping_mul(100 * 65_536 + 1) >> 16;
    (v & 0x0000_FFFF_0000_FFFF).wrapping_mul(10_000 * (1 << 32) + 1) >> 32
}

/// A plain unsigned decimal of 1 to 16 bytes (digits and at most one dot,
/// at least one digit), read as [`parse_value`](super::read::parse_value)
/// reads it: the same mantissa and scale. `word` holds the cell's bytes in
/// its low `len` bytes (what is above them is ignored). `None` for anything
/// else: a sign, an empty cell, a longer cell, any other byte; the caller
/// then takes the general parser.
#[inline]
pub(crate) fn plain_decimal(word: u128, len: usize) -> Option<Decimal> {
    if len == 0 || len > 16 {
        return None;
    }
    let word = word & low_bytes(len);
    // Close the gap of the first dot, if any: `digits` holds `n` bytes.
    let (digits, n, scale) = match find(word, splat(b'.')).filter(|&p| p < len) {
        Some(p) => {
            let below = word & low_bytes(p);
            // p < len ≤ 16: the shifts are below 128 bits once checked.
            let shift = u32::try_from(p).ok()?.wrapping_mul(8);
            let above = word.checked_shr(shift.wrapping_add(8)).unwrap_or(0) << shift;
            // p < len: both subtractions are positive.
            (
                below | above,
                len.wrapping_sub(1),
                len.wrapping_sub(p).wrapping_sub(1),
            )
        }
        None => (word, len, 0),
    };
    if n == 0 {
        return None;
    }
    // Right-align the digits (the last one in byte 15) behind leading '0's.
    // 1 ≤ n ≤ 16: the shift is below 128 bits.
    let pad = 16usize.wrapping_sub(n);
    let shift = u32::try_from(pad).ok()?.wrapping_mul(8);
    let aligned = (digits << shift) | (ZEROS & low_bytes(pad));
    // All sixteen bytes ASCII digits: each is 0x30..=0x3F, and adding 6 does
    // not leave that range (no carries between bytes below 0x46).
    if aligned & HIGH_NIBBLES != ZEROS || aligned.wrapping_add(SIXES) & HIGH_NIBBLES != ZEROS {
        return None;
    }
    let values = aligned & LOWS;
    let high = eight_digits(values as u64);
    let low = eight_digits((values >> 64) as u64);
    // Below 10^16 < 2^63: high < 10^8, low < 10^8.
    let mantissa = high.wrapping_mul(100_000_000).wrapping_add(low);
    let mantissa = i64::try_from(mantissa).ok()?;
    Decimal::try_new(mantissa, u32::try_from(scale).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::panel::read::parse_value;

    fn swar(s: &str) -> Option<Decimal> {
        plain_decimal(load(s.as_bytes()), s.len())
    }

    #[test]
    fn decimals_agree_with_the_general_parser() {
        for s in [
            "0",
            "7",
            "87",
            "17.77",
            "12.3456",
            "1004.0000",
            "11840123.1653",
            ".5",
            "5.",
            "0000",
            "0.0000",
            "1234567890123456",
            "12345678901234.6",
            "9999999999999999",
            "0.00000000000001",
        ] {
            let want = parse_value(s.as_bytes()).ok().flatten();
            let got = swar(s);
            assert_eq!(got, want, "{s}");
            assert_eq!(got.map(|d| d.scale()), want.map(|d| d.scale()), "{s}");
        }
        for s in [
            "",
            ".",
            "-1",
            "+1",
            "1.2.3",
            "1e5",
            "1,0",
            "12a",
            " 1",
            "1_000",
            "12345678901234567",
            "1\r",
            "1:",
            "1/",
            "..",
        ] {
            assert_eq!(swar(s), None, "{s}");
        }
    }

    #[test]
    fn find_is_exact() {
        assert_eq!(find(load(b"E0016262,2021,re"), splat(b',')), Some(8));
        assert_eq!(find(load(b"abc"), splat(b',')), None);
        assert_eq!(find(load(b",,,,"), splat(b',')), Some(0));
        assert_eq!(find(load(b"\x01\x00,"), splat(b',')), Some(2));
    }
}
