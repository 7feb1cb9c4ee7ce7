//! The value column: 8 bytes a row instead of `Option<Decimal>`'s 20.
//!
//! A value whose mantissa fits 57 bits (17 significant digits, which covers
//! every value of the peer files and most statistics) is packed with its
//! sign and scale into one `u64`; a wider value (or a negative zero) is kept
//! as a `Decimal` beside the column and the `u64` holds its index. Every
//! value comes back exactly as it was pushed: mantissa, scale and sign.
//! Fewer bytes mean fewer pages to fault in while reading and fewer cache
//! lines to fetch when a computation gathers values by row.

use rust_decimal::Decimal;

/// A missing value.
const MISSING: u64 = u64::MAX;
/// Set on a reference to [`Values::wide`].
const WIDE: u64 = 1 << 63;
/// The largest mantissa packed inline (57 bits).
const INLINE_MAX: u64 = (1 << 57) - 1;
const SIGN: u64 = 1 << 57;
const SCALE_SHIFT: u32 = 58;

/// A column of optional exact values.
#[derive(Debug, Clone, Default)]
pub(crate) struct Values {
    packed: Vec<u64>,
    wide: Vec<Decimal>,
}

impl Values {
    /// An empty column with room for `n` values.
    pub(crate) fn with_capacity(n: usize) -> Values {
        Values {
            packed: Vec::with_capacity(n),
            wide: Vec::new(),
        }
    }

    /// Makes room for `n` more values, if the allocator grants it.
    pub(crate) fn try_reserve(
        &mut self,
        n: usize,
    ) -> Result<(), std::collections::TryReserveError> {
        self.packed.try_reserve(n)
    }

    /// The values the column has room for.
    #[cfg(test)]
    pub(crate) fn capacity(&self) -> usize {
        self.packed.capacity()
    }

    /// Gives back the room beyond an eighth of the length.
    pub(crate) fn trim(&mut self) {
        super::trim(&mut self.packed);
    }

    /// Appends a value already packed by [`plain`].
    #[inline]
    pub(crate) fn push_word(&mut self, word: u64) {
        self.packed.push(word);
    }

    /// Appends a value.
    #[inline]
    pub(crate) fn push(&mut self, value: Option<Decimal>) {
        let word = match value {
            None => MISSING,
            Some(v) => match inline(v) {
                Some(word) => word,
                None => {
                    // Fewer than 2^63 − 1 wide values: a Vec cannot hold more.
                    let index = self.wide.len() as u64;
                    self.wide.push(v);
                    WIDE | index
                }
            },
        };
        self.packed.push(word);
    }

    /// The value of `row`: `None` past the end, `Some(None)` for a missing
    /// value.
    #[inline(always)]
    pub(crate) fn get(&self, row: usize) -> Option<Option<Decimal>> {
        let word = *self.packed.get(row)?;
        Some(self.decode(word))
    }

    /// The packed word of `row` (a missing value past the end): gather
    /// words in a tight loop, then [`Values::decode`] them, so that the
    /// gather's cache misses overlap.
    #[inline]
    pub(crate) fn word(&self, row: usize) -> u64 {
        self.packed.get(row).copied().unwrap_or(MISSING)
    }

    /// The value a word of this column stands for.
    #[inline(always)]
    pub(crate) fn decode(&self, word: u64) -> Option<Decimal> {
        if word & WIDE == 0 {
            // Bits 0..57 the mantissa, 57 the sign, 58..63 the scale (≤ 28).
            #[allow(clippy::cast_possible_truncation)]
            let (lo, mid) = (word as u32, ((word >> 32) & 0x01FF_FFFF) as u32);
            let scale = ((word >> SCALE_SHIFT) & 0x1F) as u32;
            Some(Decimal::from_parts(lo, mid, 0, word & SIGN != 0, scale))
        } else if word == MISSING {
            None
        } else {
            self.wide.get((word & !WIDE) as usize).copied()
        }
    }

    /// The number of values.
    pub(crate) fn len(&self) -> usize {
        self.packed.len()
    }

    /// Whether there are none.
    pub(crate) fn is_empty(&self) -> bool {
        self.packed.is_empty()
    }

    /// Every value, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = Option<Decimal>> + '_ {
        self.packed.iter().map(|&w| self.decode(w))
    }
}

/// `v` packed inline, if its mantissa fits 57 bits and it is not a
/// negative zero.
#[inline]
fn inline(v: Decimal) -> Option<u64> {
    let m = u64::try_from(v.mantissa().unsigned_abs()).ok()?;
    let negative = v.is_sign_negative();
    if m == 0 && negative {
        return None;
    }
    pack(m, negative, v.scale())
}

/// The non-negative value `mantissa × 10^-scale` packed inline, as
/// [`Values::push`] packs it, if the mantissa fits 57 bits and the scale is
/// a `Decimal`'s (at most 28): the CSV reader's fast path packs the
/// decimals it reads without making `Decimal`s.
#[inline]
pub(crate) fn plain(mantissa: u64, scale: u32) -> Option<u64> {
    pack(mantissa, false, scale)
}

#[inline(always)]
fn pack(m: u64, negative: bool, scale: u32) -> Option<u64> {
    if m > INLINE_MAX || scale > 28 {
        return None;
    }
    let sign = if negative { SIGN } else { 0 };
    // m < 2^57 and scale ≤ 28 < 2^5: the fields do not overlap.
    Some(m | sign | (u64::from(scale) << SCALE_SHIFT))
}

impl FromIterator<Option<Decimal>> for Values {
    fn from_iter<I: IntoIterator<Item = Option<Decimal>>>(iter: I) -> Values {
        let iter = iter.into_iter();
        let mut values = Values::with_capacity(iter.size_hint().0);
        for v in iter {
            values.push(v);
        }
        values
    }
}

/// Equal when every value is equal (as `Decimal`s compare: `1.0 == 1.00`),
/// as a column of `Option<Decimal>` would be.
impl PartialEq for Values {
    fn eq(&self, other: &Values) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for Values {}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn values_come_back_exactly() {
        // rust_decimal's `from_parts` clears the sign of a zero; this keeps it.
        let mut neg_zero = Decimal::new(0, 3);
        neg_zero.set_sign_negative(true);
        assert!(neg_zero.is_sign_negative());
        let cases = [
            None,
            Some(Decimal::ZERO),
            Some(Decimal::new(10040000, 4)),
            Some(Decimal::new(-125, 2)),
            Some(Decimal::new(1, 28)),
            Some(Decimal::from_i128_with_scale((1 << 57) - 1, 28)),
            Some(Decimal::from_i128_with_scale(1 << 57, 0)),
            Some(Decimal::MAX),
            Some(Decimal::MIN),
            Some(neg_zero),
        ];
        let values: Values = cases.iter().copied().collect();
        for (row, want) in cases.iter().enumerate() {
            let got = values.get(row).flatten();
            assert_eq!(
                got.map(|d| d.serialize()),
                want.map(|d| d.serialize()),
                "{want:?}"
            );
        }
        assert_eq!(values.get(cases.len()), None);
        assert_eq!(values.wide.len(), 4); // 2^57, MAX, MIN, −0
    }

    proptest! {
        #[test]
        fn any_value_round_trips(
            parts in prop::collection::vec(
                prop::option::of((any::<u32>(), any::<u32>(), any::<u32>(), any::<bool>(), 0u32..=28)),
                0..50,
            )
        ) {
            let decimals: Vec<Option<Decimal>> = parts
                .iter()
                .map(|p| p.map(|(lo, mid, hi, neg, scale)| Decimal::from_parts(lo, mid, hi.checked_shr(hi % 33).unwrap_or(0), neg, scale)))
                .collect();
            let values: Values = decimals.iter().copied().collect();
            prop_assert_eq!(values.len(), decimals.len());
            for (row, want) in decimals.iter().enumerate() {
                let got = values.get(row).flatten();
                prop_assert_eq!(got.map(|d| d.serialize()), want.map(|d| d.serialize()));
            }
        }

        /// A value packed by `plain` (the CSV fast path) is the word `push`
        /// makes of the same `Decimal`, and decodes to it digit for digit;
        /// `plain` declines what `push` keeps aside or a `Decimal` cannot be.
        #[test]
        fn plain_words_are_pushed_words(
            mantissa in prop_oneof![0u64..=99_999_999, Just((1 << 57) - 1), Just(1 << 57), any::<u64>()],
            scale in 0u32..=30,
        ) {
            let word = plain(mantissa, scale);
            match Decimal::try_from_i128_with_scale(i128::from(mantissa), scale) {
                Ok(d) if mantissa < 1 << 57 => {
                    let mut pushed = Values::default();
                    pushed.push(Some(d));
                    prop_assert_eq!(word, Some(pushed.word(0)));
                    let mut direct = Values::default();
                    direct.push_word(word.unwrap_or(MISSING));
                    prop_assert_eq!(direct.get(0).flatten().map(|v| v.serialize()), Some(d.serialize()));
                }
                _ => prop_assert_eq!(word, None),
            }
        }
    }
}
