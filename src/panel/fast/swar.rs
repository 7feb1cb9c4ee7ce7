//! Eight bytes at a time in a `u64` ("SIMD within a register"), for the CSV
//! reader's common rows: a bitmap of the delimiters (`,` and `\n`) of 64
//! bytes at once, short keys packed from two loads, and short plain decimals
//! read eight digits at a time. Byte `i` of a word is bits `8i..8i+8`
//! (little-endian loads), so the lowest byte is the first in the text.
//!
//! Every function reads only inside the slice it is given and returns
//! `None` where the general path must decide (too near the end of the data,
//! too long, any unexpected byte).

/// Every byte 0x80.
const HIGHS: u64 = 0x8080_8080_8080_8080;
/// Every byte 0x7F.
const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
/// Every byte 0x0F.
const LOWS: u64 = 0x0F0F_0F0F_0F0F_0F0F;
/// Every byte 0xF0.
const HIGH_NIBBLES: u64 = 0xF0F0_F0F0_F0F0_F0F0;
/// Every byte `'0'`.
const ZEROS: u64 = 0x3030_3030_3030_3030;
/// Every byte 0x06.
const SIXES: u64 = 0x0606_0606_0606_0606;

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
    const ONES: u128 = 0x0101_0101_0101_0101_0101_0101_0101_0101;
    const HIGHS: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;
    let x = word ^ splatted;
    let found = x.wrapping_sub(ONES) & !x & HIGHS;
    (found != 0).then(|| (found.trailing_zeros() / 8) as usize)
}

/// The byte repeated in a `u64`.
const fn splat8(byte: u8) -> u64 {
    u64::from_le_bytes([byte; 8])
}

/// The eight bytes of `data` from `at`, if there are eight.
#[inline]
fn load8(data: &[u8], at: usize) -> Option<u64> {
    data.get(at..)?
        .first_chunk::<8>()
        .map(|w| u64::from_le_bytes(*w))
}

/// 0x80 in each byte of `word` equal to the splatted byte, 0 elsewhere:
/// exact in every byte (the low seven bits are added without carries out of
/// a byte).
#[inline]
fn equal_bytes(word: u64, splatted: u64) -> u64 {
    let x = word ^ splatted;
    !((x & LOW7).wrapping_add(LOW7) | x) & HIGHS
}

/// The low `n` bytes set, for `n` ≤ 8.
#[inline]
fn low_mask(n: usize) -> u64 {
    // n ≤ 8: 64 − 8n is at most 64; a shift by 64 (n = 0) gives no bytes.
    let shift = 64u32.saturating_sub(u32::try_from(n).unwrap_or(8).saturating_mul(8));
    u64::MAX.checked_shr(shift).unwrap_or(0)
}

/// Bit `i` set where byte `i` of `word` is `,`, `\n` or `"` (a quote is
/// never where the fast path expects a comma or line end, so a row with a
/// quoted field goes to the general path).
#[inline]
fn delimiter_bits(word: u64) -> u64 {
    let flags = equal_bytes(word, splat8(b','))
        | equal_bytes(word, splat8(b'\n'))
        | equal_bytes(word, splat8(b'"'));
    // One flag bit per byte (bit 8i + 7) gathered into the top byte: the
    // products land on distinct bits, so nothing carries.
    (flags >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// Bit `i` set where byte `at + i` of `data` is a delimiter, for the 64
/// bytes from `at` (bytes past the end of `data` are not delimiters).
#[inline]
fn delimiters(data: &[u8], at: usize) -> u64 {
    match data.get(at..).and_then(|rest| rest.first_chunk::<64>()) {
        Some(block) => block_delimiters(block),
        None => last_delimiters(data.get(at..).unwrap_or_default()),
    }
}

/// [`delimiters`] of fewer than 64 bytes, padded.
#[cold]
fn last_delimiters(rest: &[u8]) -> u64 {
    let mut padded = [0u8; 64];
    if let Some(head) = padded.get_mut(..rest.len()) {
        head.copy_from_slice(rest);
    }
    block_delimiters(&padded)
}

/// Bit `i` set where byte `i` of `block` is a delimiter: SSE2 compares of
/// 16 bytes at a time (about 2.6 times the speed of the words below on the
/// peer file), through `safe_arch`'s safe wrappers of the intrinsics.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline]
fn block_delimiters(block: &[u8; 64]) -> u64 {
    use safe_arch::{cmp_eq_mask_i8_m128i, load_unaligned_m128i, move_mask_i8_m128i};
    use safe_arch::{m128i, set_splat_i8_m128i};
    let splat = |b: u8| set_splat_i8_m128i(i8::from_le_bytes([b]));
    let (comma, newline, quote) = (splat(b','), splat(b'\n'), splat(b'"'));
    let mut bits = 0u64;
    for (k, chunk) in block.chunks_exact(16).enumerate() {
        if let Ok(bytes) = <&[u8; 16]>::try_from(chunk) {
            let v: m128i = load_unaligned_m128i(bytes);
            let hits = cmp_eq_mask_i8_m128i(v, comma)
                | cmp_eq_mask_i8_m128i(v, newline)
                | cmp_eq_mask_i8_m128i(v, quote);
            // One bit per byte, in the low 16 bits; k < 4: the shift is below 64.
            let mask = u64::from(move_mask_i8_m128i(hits) as u16);
            bits |= mask << (k.wrapping_mul(16) & 63);
        }
    }
    bits
}

/// Asks for the cache line holding `value` to be brought into every cache
/// level (SSE's `prefetcht0`, through `safe_arch`): a hint, never a fault,
/// so that a loop can overlap the misses of loads it makes later.
#[cfg(all(target_arch = "x86_64", target_feature = "sse"))]
#[inline(always)]
pub(crate) fn prefetch<T>(value: &T) {
    safe_arch::prefetch_t0(value);
}

/// [`prefetch`] of other targets: nothing.
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse")))]
#[inline(always)]
pub(crate) fn prefetch<T>(_value: &T) {}

/// [`block_delimiters`] of other targets, a word of eight bytes at a time.
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
#[inline]
fn block_delimiters(block: &[u8; 64]) -> u64 {
    block_delimiters_swar(block)
}

/// Bit `i` set where byte `i` of `block` is a delimiter, eight bytes at a
/// time in a `u64`.
#[cfg_attr(
    all(target_arch = "x86_64", target_feature = "sse2", not(test)),
    allow(dead_code)
)]
#[inline]
fn block_delimiters_swar(block: &[u8; 64]) -> u64 {
    let mut bits = 0u64;
    for (k, chunk) in block.chunks_exact(8).enumerate() {
        if let Ok(word) = <[u8; 8]>::try_from(chunk) {
            // k < 8: the shift is below 64.
            bits |= delimiter_bits(u64::from_le_bytes(word)) << (k.wrapping_mul(8) & 63);
        }
    }
    bits
}

/// The positions of the delimiters (`,`, `\n` and `"`) of `data` from a start,
/// in order: a bitmap of 64 bytes at a time.
#[derive(Debug)]
pub(crate) struct Delimiters<'a> {
    data: &'a [u8],
    /// Where the current block of 64 bytes starts.
    base: usize,
    /// The block's delimiters not yet returned.
    bits: u64,
}

impl<'a> Delimiters<'a> {
    /// The delimiters of `data` from `at`.
    #[inline]
    pub(crate) fn new(data: &'a [u8], at: usize) -> Self {
        Delimiters {
            data,
            base: at,
            bits: delimiters(data, at),
        }
    }

    /// The next delimiter's position.
    #[inline]
    pub(crate) fn next_at(&mut self) -> Option<usize> {
        while self.bits == 0 {
            self.base = self.base.checked_add(64)?;
            if self.base >= self.data.len() {
                return None;
            }
            self.bits = delimiters(self.data, self.base);
        }
        let i = self.bits.trailing_zeros() as usize;
        self.bits &= self.bits.wrapping_sub(1);
        // i < 64 and base + i < data.len() (padding is never a delimiter).
        Some(self.base.wrapping_add(i))
    }
}

/// The key of `data[start..end]` (1 to 15 bytes) packed as
/// [`pack`](super::intern::pack) packs it: the bytes, and the length in the
/// top byte.
#[inline]
pub(crate) fn key(data: &[u8], start: usize, end: usize) -> Option<u128> {
    let len = end.checked_sub(start)?;
    if len == 0 || len > 15 {
        return None;
    }
    let lo = load8(data, start)? & low_mask(len.min(8));
    let hi = if len > 8 {
        // 9 ≤ len ≤ 15: start + 8 < end ≤ data.len().
        load8(data, start.wrapping_add(8))? & low_mask(len.wrapping_sub(8))
    } else {
        0
    };
    Some(u128::from(lo) | (u128::from(hi) << 64) | ((len as u128) << 120))
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

/// The number written by the `n` (at most 8) ASCII digits of
/// `data[start..start + n]`, if they are all digits. The word loaded ends
/// with the last digit, so it reaches back before `start` when `n` < 8.
#[inline(always)]
fn up_to_eight_digits(data: &[u8], start: usize, n: usize) -> Option<u64> {
    if n == 0 {
        return Some(0);
    }
    let word = load8(data, start.checked_add(n)?.checked_sub(8)?)?;
    // Bytes before the digits become leading '0's.
    let pad = low_mask(8usize.wrapping_sub(n));
    let word = (word & !pad) | (ZEROS & pad);
    // All eight bytes ASCII digits: each is 0x30..=0x3F, and adding 6 does
    // not leave that range (no carries between bytes below 0x46).
    if word & HIGH_NIBBLES != ZEROS || word.wrapping_add(SIXES) & HIGH_NIBBLES != ZEROS {
        return None;
    }
    Some(eight_digits(word & LOWS))
}

/// The number written by the `n` (at most 16) ASCII digits from `start`.
#[inline(always)]
fn digits(data: &[u8], start: usize, n: usize) -> Option<u64> {
    if n <= 8 {
        return up_to_eight_digits(data, start, n);
    }
    let head = n.checked_sub(8)?;
    let high = up_to_eight_digits(data, start, head)?;
    let low = up_to_eight_digits(data, start.checked_add(head)?, 8)?;
    // high < 10^8 and low < 10^8: below 10^16.
    Some(high.wrapping_mul(100_000_000).wrapping_add(low))
}

/// Powers of ten that fit a `u64` mantissa of at most 16 digits.
const POW10: [u64; 17] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
    10_000_000_000,
    100_000_000_000,
    1_000_000_000_000,
    10_000_000_000_000,
    100_000_000_000_000,
    1_000_000_000_000_000,
    10_000_000_000_000_000,
];

/// The plain unsigned decimal `data[start..end]` (1 to 16 bytes: digits and
/// at most one dot, at least one digit), read as
/// the general parser of value cells (`io::cells::parse_value`) reads it: the same mantissa
/// and scale, as `(mantissa, scale)` (below 10^16 and at most 15). `None`
/// for anything else (a sign, an empty or longer cell, any other byte): the
/// caller then takes the general parser.
#[inline]
pub(crate) fn decimal(data: &[u8], start: usize, end: usize) -> Option<(u64, u32)> {
    let len = end.checked_sub(start)?;
    if len == 0 || len > 16 {
        return None;
    }
    let dots = splat8(b'.');
    let mut dot = equal_bytes(load8(data, start)?, dots) & low_mask(len.min(8));
    let mut offset = 0usize;
    if dot == 0 && len > 8 {
        // 9 ≤ len ≤ 16: start + 8 < end ≤ data.len().
        dot =
            equal_bytes(load8(data, start.wrapping_add(8))?, dots) & low_mask(len.wrapping_sub(8));
        offset = 8;
    }
    let (int_len, frac_len) = if dot == 0 {
        (len, 0)
    } else {
        // The dot's index p < len.
        let p = offset.wrapping_add((dot.trailing_zeros() / 8) as usize);
        (p, len.wrapping_sub(p).wrapping_sub(1))
    };
    if int_len.saturating_add(frac_len) == 0 {
        return None;
    }
    let int = digits(data, start, int_len)?;
    let frac_start = start.wrapping_add(int_len).wrapping_add(1);
    let frac = if frac_len == 0 {
        0
    } else {
        digits(data, frac_start, frac_len)?
    };
    // int_len + frac_len ≤ 16 digits: the mantissa is below 10^16 < 2^54.
    let scale = POW10.get(frac_len).copied()?;
    let mantissa = int.checked_mul(scale)?.checked_add(frac)?;
    Some((mantissa, u32::try_from(frac_len).ok()?))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

    use super::*;
    use crate::panel::fast::intern::pack;
    use crate::panel::io::cells::parse_value;
    use rust_decimal::Decimal;

    /// The cell inside a row, with bytes on both sides as in a file.
    fn swar(s: &str) -> Option<Decimal> {
        let text = format!("E0000001,2024,revenue,{s}\nE0000002,2024");
        let start = 22;
        let (mantissa, scale) = decimal(text.as_bytes(), start, start + s.len())?;
        Some(Decimal::try_new(i64::try_from(mantissa).ok()?, scale).unwrap())
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
            "123456789.123456",
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
            "123456789.1234567",
            // At and past the digit limit of every reader (`exact::parse`):
            // longer than 16 bytes, so the general parser decides.
            "79228162514264337593543950335",
            "79228162514264337593543950336",
            "1.00000000000000000000000000000",
        ] {
            assert_eq!(swar(s), None, "{s}");
        }
    }

    proptest::proptest! {
        /// Any short cell of digits, dots, signs and a few other bytes: the
        /// fast reading is the general one, or declines.
        #[test]
        fn decimals_never_differ(cell in "[0-9.+\\-e, ]{0,18}") {
            let got = swar(&cell);
            if let Some(d) = got {
                let want = parse_value(cell.as_bytes()).ok().flatten();
                proptest::prop_assert_eq!(Some(d), want);
                proptest::prop_assert_eq!(Some(d.scale()), want.map(|w| w.scale()));
            } else {
                // Declined only where the fast path does not apply.
                let plain = cell.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                    && cell.bytes().filter(|&b| b == b'.').count() <= 1
                    && cell.bytes().any(|b| b.is_ascii_digit())
                    && cell.len() <= 16;
                proptest::prop_assert!(!plain, "{cell:?}");
            }
        }

        /// Keys packed from the data are the keys `pack` makes.
        #[test]
        fn keys_are_packed_keys(key_text in "[A-Za-z0-9_ \\-]{0,18}") {
            let text = format!("{key_text},2024,revenue,1\n");
            let got = key(text.as_bytes(), 0, key_text.len());
            proptest::prop_assert_eq!(got, pack(key_text.as_bytes()).filter(|_| !key_text.is_empty()));
        }
    }

    proptest::proptest! {
        /// The bitmap of a block is the same by SSE2 and by words, and marks
        /// exactly the commas, line ends and quotes.
        #[test]
        fn block_bitmaps_agree(
            block in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(b",\n\"\r.0aZ".to_vec()),
                    proptest::num::u8::ANY,
                ],
                64,
            )
        ) {
            let block: [u8; 64] = block.try_into().unwrap_or([0; 64]);
            let want = reference(&block);
            proptest::prop_assert_eq!(block_delimiters(&block), want);
            proptest::prop_assert_eq!(block_delimiters_swar(&block), want);
        }
    }

    #[test]
    fn delimiters_in_order() {
        let text = b"ab,c\nd,,e\n".repeat(20);
        let mut d = Delimiters::new(&text, 0);
        let mut got = Vec::new();
        while let Some(i) = d.next_at() {
            got.push(i);
        }
        let want: Vec<usize> = text
            .iter()
            .enumerate()
            .filter(|(_, b)| matches!(b, b',' | b'\n'))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(got, want);
        assert_eq!(find(load(b"E0016262,2021,re"), splat(b',')), Some(8));
        assert_eq!(find(load(b"abc"), splat(b',')), None);
    }

    /// The bitmap by a byte-by-byte scan.
    fn reference(block: &[u8; 64]) -> u64 {
        block
            .iter()
            .enumerate()
            .filter(|(_, b)| matches!(b, b',' | b'\n' | b'"'))
            .fold(0u64, |bits, (i, _)| bits | 1 << i)
    }

    /// Every pair of byte values side by side, at the edges of the 16-byte
    /// lanes and 8-byte words, gives the bitmap a byte-by-byte scan gives,
    /// by SSE2 and by words alike.
    #[test]
    fn every_byte_pair_at_lane_edges() {
        let mut checked = 0u32;
        for background in [b'a', 0x00, 0xFF, b','] {
            for at in [0usize, 7, 15, 31, 47, 62] {
                let mut block = [background; 64];
                for a in 0..=255u8 {
                    for b in 0..=255u8 {
                        block[at] = a;
                        block[at + 1] = b;
                        let want = reference(&block);
                        assert_eq!(block_delimiters(&block), want, "{a:#x} {b:#x} at {at}");
                        assert_eq!(block_delimiters_swar(&block), want, "{a:#x} {b:#x} at {at}");
                        checked += 1;
                    }
                }
            }
        }
        assert_eq!(checked, 4 * 6 * 65_536);
    }

    /// Delimiters found across blocks (and in the padded last block) are
    /// every `,`, `\n` and `"` of the data from the start, in order.
    #[test]
    fn delimiters_across_blocks_and_tails() {
        let pattern = b"ab,\"c\n,,x\xff\n\xe4\xb8\xad,";
        for len in 0..300usize {
            let data: Vec<u8> = pattern.iter().copied().cycle().take(len).collect();
            for start in [0usize, 1, 63, 64, 65] {
                let want: Vec<usize> = (start..len)
                    .filter(|&i| matches!(data[i], b',' | b'\n' | b'"'))
                    .collect();
                let mut d = Delimiters::new(&data, start);
                let got: Vec<usize> = std::iter::from_fn(|| d.next_at()).collect();
                assert_eq!(got, want, "len {len} from {start}");
            }
        }
    }
}
