//! The ranking step every ranking runs, the scalar [`rank`](super::rank) and
//! the panel's [`Panel::rank`](crate::panel::Panel::rank) alike: present
//! values in rank order on order-preserving integer keys, and the rank of
//! each tied group under a [`Ties`] method.
//!
//! # Keys
//!
//! Every value is brought to the largest scale in the cross-section (so
//! `1004` and `1004.00` get one key, and `-0.5` sorts below `-0.25`), its
//! signed scaled mantissa is mapped to an unsigned integer by flipping the
//! sign bit (which preserves order for negatives), inverted for a descending
//! order, and packed above the value's position. A plain integer sort then
//! gives the rank order with ties in input order, in both directions, as
//! pandas' `first` and polars' `ordinal` need; it is about three times
//! faster than sorting `Decimal`s. When the scaled values do not fit 64 bits
//! the key is 128 bits wide; when they do not fit 128 bits (a value near
//! `Decimal::MAX` beside one with 28 decimal places) the sort compares
//! `Decimal`s instead.
//!
//! # Ranks
//!
//! A rank is held as twice its value ([`Twice`]), so that average ties
//! (halves) are whole numbers, while ranks are scattered to their positions;
//! [`from_twice`] makes the exact `Decimal`.
//!
//! The entry points: [`twice_ranks`] ranks `Option<Decimal>`s (the scalar
//! API, and a panel cross-section whose keys are wider than 64 bits);
//! [`key`] and [`rank_keys`] are the two halves of its 64-bit path, for the
//! panel, which computes the keys of every cross-section in one pass.

use rust_decimal::Decimal;

use super::{Missing, Order, Ties};

/// A rank held as twice its value, so that average ties (halves) are whole
/// numbers: 0 = no rank. Kept in a compact array while ranks are scattered to
/// their input positions, then turned into `Decimal`s in one sequential pass.
pub(crate) type Twice = u64;

/// The rank held as `twice`, exactly.
// `twice` is at most twice a slice's length plus one, below 2^64; times 5 it
// is below 2^67, within Decimal's 96-bit mantissa, so the conversion cannot
// panic.
#[allow(clippy::arithmetic_side_effects)]
#[inline]
pub(crate) fn from_twice(twice: Twice) -> Decimal {
    if twice & 1 == 0 {
        Decimal::from(twice >> 1)
    } else {
        Decimal::from_i128_with_scale(i128::from(twice) * 5, 1)
    }
}

/// Twice the rank of the `k`-th member (0-based, `k < size`) of a tied group
/// that occupies 1-based positions `first ..= first + size - 1`, and is the
/// `dense`-th distinct group.
// Positions are at most a slice's length (below 2^63 on 64-bit targets and
// far below on others), so twice a position fits a u64.
#[allow(clippy::arithmetic_side_effects)]
#[inline]
fn group_rank(ties: Ties, first: usize, size: usize, k: usize, dense: usize) -> Twice {
    let last = first + size - 1;
    let twice = |p: usize| 2 * p as u64;
    match ties {
        Ties::Average => first as u64 + last as u64,
        Ties::Min => twice(first),
        Ties::Max => twice(last),
        Ties::Dense => twice(dense),
        Ties::Ordinal => twice(first + k),
    }
}

/// Where the ranks of a rank order start: its first rank is `rank + 1`, its
/// first dense rank `dense + 1` (both 0 unless missing values rank first).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Start {
    pub(crate) rank: usize,
    pub(crate) dense: usize,
}

/// The tie assignment: twice the rank of each entry of a rank order, given
/// as (position, whether it starts a new group of equal values), handed to
/// `write(position, twice)`; ties by `ties`, ranks from `start`. A tied
/// group is held until its size is known. Returns the number of tied groups.
// Counters stay below the number of entries (see `group_rank`).
#[allow(clippy::arithmetic_side_effects)]
#[inline]
fn assign_by(
    entries: impl IntoIterator<Item = (usize, bool)>,
    ties: Ties,
    start: Start,
    mut write: impl FnMut(usize, Twice),
) -> usize {
    let mut tied: Vec<usize> = Vec::new();
    let (mut first, mut groups) = (0usize, 0usize);
    let mut close = |tied: &mut Vec<usize>, first: &mut usize, groups: &mut usize| {
        if tied.is_empty() {
            return;
        }
        *groups += 1;
        let size = tied.len();
        for (k, &p) in tied.iter().enumerate() {
            write(
                p,
                group_rank(
                    ties,
                    start.rank + *first + 1,
                    size,
                    k,
                    start.dense + *groups,
                ),
            );
        }
        *first += size;
        tied.clear();
    };
    for (position, starts) in entries {
        if starts {
            close(&mut tied, &mut first, &mut groups);
        }
        tied.push(position);
    }
    close(&mut tied, &mut first, &mut groups);
    groups
}

/// A rank order as [`assign_by`] takes it: each sorted (key, position), with
/// whether its key differs from the one before (starts a tied group).
#[inline]
fn runs<K: Copy + PartialEq>(
    sorted: impl Iterator<Item = (K, usize)>,
) -> impl Iterator<Item = (usize, bool)> {
    let mut previous = None;
    sorted.map(move |(key, position)| {
        let starts = previous != Some(key);
        previous = Some(key);
        (position, starts)
    })
}

/// Ranks held as twice their value (0 = no rank), with the counts a
/// percentile rank divides by: the compact form the panel keeps.
pub(crate) struct TwiceRanked {
    pub(crate) twice: Vec<Twice>,
    /// Values ranked (missing ones included under `Top`/`Bottom`).
    pub(crate) ranked: usize,
    /// Distinct groups ranked (the missing group counts as one).
    pub(crate) groups: usize,
}

/// Ranks a cross-section as pandas' `Series.rank(method=ties,
/// ascending=order, na_option=missing)` does, each rank held twice.
// Counters stay below the slice's length (see `group_rank`).
#[allow(clippy::arithmetic_side_effects)]
pub(crate) fn twice_ranks(
    values: &[Option<Decimal>],
    ties: Ties,
    order: Order,
    missing: Missing,
) -> TwiceRanked {
    let (scale, present) = scale_and_count(values);
    let absent = values.len() - present;
    let mut twice: Vec<Twice> = vec![0; values.len()];
    let start = match missing {
        Missing::Top if absent > 0 => Start {
            rank: absent,
            dense: 1,
        },
        _ => Start::default(),
    };
    let mut groups = rank_present(values, scale, present, &mut twice, ties, order, start);
    let mut ranked = present;
    if absent > 0 && missing != Missing::Keep {
        let (first, dense) = match missing {
            Missing::Bottom => (present + 1, groups + 1),
            _ => (1, 1),
        };
        let slots = twice
            .iter_mut()
            .zip(values)
            .filter(|(_, v)| v.is_none())
            .map(|(slot, _)| slot);
        for (k, slot) in slots.enumerate() {
            *slot = group_rank(ties, first, absent, k, dense);
        }
        ranked = values.len();
        groups += 1;
    }
    TwiceRanked {
        twice,
        ranked,
        groups,
    }
}

/// Ranks as `Decimal`s, and the counts of [`TwiceRanked`].
pub(super) struct Ranked {
    pub(super) ranks: Vec<Option<Decimal>>,
    /// Values ranked (missing ones included under `Top`/`Bottom`).
    pub(super) ranked: usize,
    /// Distinct groups ranked (the missing group counts as one).
    pub(super) groups: usize,
}

/// [`twice_ranks`], each rank made a `Decimal`.
pub(super) fn rank_detail(
    values: &[Option<Decimal>],
    ties: Ties,
    order: Order,
    missing: Missing,
) -> Ranked {
    let TwiceRanked {
        twice,
        ranked,
        groups,
    } = twice_ranks(values, ties, order, missing);
    Ranked {
        ranks: twice
            .into_iter()
            .map(|t| (t != 0).then(|| from_twice(t)))
            .collect(),
        ranked,
        groups,
    }
}

/// Twice the rank of every present value, written at its position in
/// `twice`: on 64-bit keys at the common `scale` when they fit, else on
/// 128-bit keys, else by comparing `Decimal`s. `present` counts the present
/// values. Returns the number of tied groups.
fn rank_present(
    values: &[Option<Decimal>],
    scale: u32,
    present: usize,
    twice: &mut [Twice],
    ties: Ties,
    order: Order,
    start: Start,
) -> usize {
    let write = |position: usize, t: Twice| {
        if let Some(slot) = twice.get_mut(position) {
            *slot = t;
        }
    };
    if let Some((mut keys, positions)) = keys_u64(values, scale, present, order) {
        let at = match present == values.len() {
            true => At::Index,
            false => At::Positions {
                of: &positions,
                len: values.len(),
            },
        };
        return rank_keys_at(&mut keys, at, ties, start, write);
    }
    match sort_u128_keys(values, scale, order) {
        Some(sorted) => assign_by(runs(sorted.into_iter()), ties, start, write),
        None => assign_by(
            runs(sort_pairs(values, order).into_iter()),
            ties,
            start,
            write,
        ),
    }
}

/// The common scale of a cross-section's keys, `scale` widened by one of its
/// values: the largest scale among them (folded from 0), so that `1004` and
/// `1004.00` get one key and `-0.5` sorts below `-0.25`. The panel folds it
/// in its pass over the rows.
#[inline]
pub(crate) fn common_scale(scale: u32, value: &Decimal) -> u32 {
    scale.max(value.scale())
}

/// The [`common_scale`] of the present values, and their number.
// The count stays below the slice's length.
#[allow(clippy::arithmetic_side_effects)]
fn scale_and_count(values: &[Option<Decimal>]) -> (u32, usize) {
    values
        .iter()
        .flatten()
        .fold((0, 0), |(scale, n), v| (common_scale(scale, v), n + 1))
}

/// The 64-bit keys of the present values, in input order, and their input
/// positions when some values are missing (else none: a key's index is its
/// position); `None` when a key does not fit.
fn keys_u64(
    values: &[Option<Decimal>],
    scale: u32,
    present: usize,
    order: Order,
) -> Option<(Vec<u64>, Vec<usize>)> {
    let mut keys: Vec<u64> = Vec::with_capacity(present);
    if present == values.len() {
        for value in values.iter().flatten() {
            keys.push(key(value, scale, order)?);
        }
        return Some((keys, Vec::new()));
    }
    let mut positions: Vec<usize> = Vec::with_capacity(present);
    for (position, value) in values.iter().enumerate() {
        if let Some(value) = value {
            keys.push(key(value, scale, order)?);
            positions.push(position);
        }
    }
    Some((keys, positions))
}

/// `value` as an integer count of `10^-scale`, if that fits an `i128`.
fn scaled(value: &Decimal, scale: u32) -> Option<i128> {
    let shift = scale.checked_sub(value.scale())?;
    crate::exact::mul_pow10(value.mantissa(), shift)
}

/// The order-preserving 64-bit key of `value` at the common `scale` (the
/// largest scale in its cross-section): its scaled mantissa with the sign
/// bit flipped (so negatives sort below positives), inverted for a
/// descending order; `None` when the scaled value does not fit 64 bits.
// `^` and `!` cannot overflow.
#[allow(clippy::arithmetic_side_effects)]
#[inline]
pub(crate) fn key(value: &Decimal, scale: u32, order: Order) -> Option<u64> {
    // `scaled` then a narrowing, in 64-bit arithmetic (one native checked
    // multiply instead of 128-bit ones through library calls): a non-zero
    // mantissa times 10^19 or more never fits an i64.
    // 10^shift first: beyond 10^38 (no i128) `scaled` refuses even a zero.
    let shift = scale.checked_sub(value.scale())?;
    let factor = crate::exact::power_of_ten(shift)?;
    let mantissa = i64::try_from(value.mantissa()).ok()?;
    let signed = if mantissa == 0 {
        0
    } else {
        mantissa.checked_mul(i64::try_from(factor).ok()?)?
    };
    let key = (signed as u64) ^ (1 << 63);
    Some(match order {
        Order::Ascending => key,
        Order::Descending => !key,
    })
}

/// Twice the rank of each of `keys` (from [`key`], one cross-section at one
/// scale and order), handed to `write(index, twice)` with the key's index in
/// the slice; ties (equal keys) by index and by `ties`, ranks from `start`.
/// Returns the number of tied groups. The keys are overwritten.
///
/// When the keys' range and the indices fit 64 bits together (typical data:
/// a range of 2^40 units and 2^20 values) each key is packed above its index
/// and the packed keys are sorted in place; otherwise they are sorted as
/// 128-bit words.
#[inline]
pub(crate) fn rank_keys(
    keys: &mut [u64],
    ties: Ties,
    start: Start,
    write: impl FnMut(usize, Twice),
) -> usize {
    rank_keys_at(keys, At::Index, ties, start, write)
}

/// Where a key is ranked, and handed to `write`: at its index in the keys,
/// or at its input position among missing values.
#[derive(Debug, Clone, Copy)]
enum At<'a> {
    /// At its index.
    Index,
    /// At `of[index]`, below `len`.
    Positions { of: &'a [usize], len: usize },
}

impl At<'_> {
    /// The bound of the positions of `keys` keys.
    fn len(self, keys: usize) -> usize {
        match self {
            At::Index => keys,
            At::Positions { len, .. } => len,
        }
    }
}

/// [`rank_keys`], each key ranked and written at its place `at`.
#[inline]
fn rank_keys_at(
    keys: &mut [u64],
    at: At<'_>,
    ties: Ties,
    start: Start,
    write: impl FnMut(usize, Twice),
) -> usize {
    let Some(bits) = pack_positions(keys, at) else {
        return rank_unpacked(keys, at, ties, start, write);
    };
    // Keys and positions in one u64: sorted in place, then each run of equal
    // keys is a tie.
    keys.sort_unstable();
    let mask = (1u64 << bits).wrapping_sub(1);
    let sorted = keys.iter().map(|&k| (k >> bits, (k & mask) as usize));
    assign_by(runs(sorted), ties, start, write)
}

/// [`rank_keys_at`] for keys whose range and positions do not fit 64 bits
/// together: each key beside its position in a u128.
// The shift is by 64, within the u128.
#[allow(clippy::arithmetic_side_effects)]
fn rank_unpacked(
    keys: &[u64],
    at: At<'_>,
    ties: Ties,
    start: Start,
    write: impl FnMut(usize, Twice),
) -> usize {
    let beside = |k: u64, p: usize| (u128::from(k) << 64) | p as u128;
    let mut packed: Vec<u128> = match at {
        At::Index => keys
            .iter()
            .enumerate()
            .map(|(i, &k)| beside(k, i))
            .collect(),
        At::Positions { of, .. } => keys.iter().zip(of).map(|(&k, &p)| beside(k, p)).collect(),
    };
    packed.sort_unstable();
    // The high half is the value's key, the low half a position taken from a usize above.
    let sorted = packed.iter().map(|&k| (k >> 64, k as u64 as usize));
    assign_by(runs(sorted), ties, start, write)
}

/// How keys pack above positions below `len` in one u64: the smallest key
/// (subtracted from each) and the bits the positions take; `None` when the
/// keys' range and the positions do not fit 64 bits together.
// The subtraction saturates; the sum of bit counts is at most 128.
#[allow(clippy::arithmetic_side_effects)]
fn packing(keys: impl Iterator<Item = u64>, len: usize) -> Option<(u64, u32)> {
    let (min, max) = keys.fold((u64::MAX, 0u64), |(lo, hi), k| (lo.min(k), hi.max(k)));
    let range_bits = 64 - max.saturating_sub(min).leading_zeros();
    let position_bits = 64 - (len as u64).leading_zeros();
    (range_bits + position_bits <= 64 && position_bits < 64).then_some((min, position_bits))
}

/// Packs each key above its position (`at`), `(key − min) << bits |
/// position`, in place: the bits the positions take, or `None` (keys
/// unchanged) when the two do not fit 64 bits together. Sorting the packed
/// keys gives the rank order, equal keys by position.
fn pack_positions(keys: &mut [u64], at: At<'_>) -> Option<u32> {
    let (min, bits) = packing(keys.iter().copied(), at.len(keys.len()))?;
    match at {
        At::Index => {
            for (i, k) in keys.iter_mut().enumerate() {
                *k = pack(*k, min, bits, i);
            }
        }
        At::Positions { of, .. } => {
            for (k, &p) in keys.iter_mut().zip(of) {
                *k = pack(*k, min, bits, p);
            }
        }
    }
    Some(bits)
}

/// `key` packed above `position`: `(key − min) << bits | position`, for
/// `key ≥ min` and the `(min, bits)` that [`packing`] gives.
// key ≥ min; the shift is below 64 (packing).
#[allow(clippy::arithmetic_side_effects)]
#[inline]
fn pack(key: u64, min: u64, bits: u32, position: usize) -> u64 {
    ((key - min).checked_shl(bits).unwrap_or(0)) | position as u64
}

/// The present values in rank order on order-preserving 128-bit keys at the
/// common `scale`, each (key, position); `None` when a scaled value does not
/// fit 128 bits.
// `^` and `!` cannot overflow.
#[allow(clippy::arithmetic_side_effects)]
fn sort_u128_keys(
    values: &[Option<Decimal>],
    scale: u32,
    order: Order,
) -> Option<Vec<(u128, usize)>> {
    let mut keys = Vec::with_capacity(values.len());
    for (position, value) in values.iter().enumerate() {
        if let Some(value) = value {
            let key = (scaled(value, scale)? as u128) ^ (1 << 127);
            let key = match order {
                Order::Ascending => key,
                Order::Descending => !key,
            };
            keys.push((key, position));
        }
    }
    keys.sort_unstable();
    Some(keys)
}

/// The slow path: the present values in rank order by `Decimal`
/// comparisons (exact at any scale), each (value, position).
fn sort_pairs(values: &[Option<Decimal>], order: Order) -> Vec<(Decimal, usize)> {
    let mut present: Vec<(Decimal, usize)> = values
        .iter()
        .enumerate()
        .filter_map(|(position, value)| value.map(|v| (v, position)))
        .collect();
    present.sort_unstable_by(|(a, i), (b, j)| {
        let by_value = match order {
            Order::Ascending => a.cmp(b),
            Order::Descending => b.cmp(a),
        };
        by_value.then(i.cmp(j))
    });
    present
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects
    )]

    use super::*;
    use crate::dec;
    use proptest::prelude::*;

    #[test]
    fn twice_is_exact() {
        assert_eq!(from_twice(3), dec!(1.5));
        assert_eq!(from_twice(8), dec!(4));
        assert_eq!(from_twice(u64::MAX).scale(), 1);
        assert_eq!(group_rank(Ties::Average, 2, 2, 0, 1), 5);
    }

    /// The positions of the present values in rank order by `Decimal`
    /// comparisons: the order every path must give.
    fn by_comparison(values: &[Option<Decimal>], order: Order) -> Vec<usize> {
        sort_pairs(values, order)
            .into_iter()
            .map(|(_, p)| p)
            .collect()
    }

    /// The rank order by 64-bit keys (through [`rank_keys`], ordinal ties
    /// give each index its place), `None` when a key does not fit.
    fn by_u64_keys(values: &[Option<Decimal>], order: Order) -> Option<Vec<usize>> {
        let (scale, present) = scale_and_count(values);
        let (mut keys, _) = keys_u64(values, scale, present, order)?;
        let positions: Vec<usize> = (0..values.len()).filter(|&p| values[p].is_some()).collect();
        let mut sorted = vec![0; present];
        rank_keys(&mut keys, Ties::Ordinal, Start::default(), |i, t| {
            sorted[t as usize / 2 - 1] = positions[i];
        });
        Some(sorted)
    }

    /// The rank order by 128-bit keys, `None` when a key does not fit.
    fn by_u128_keys(values: &[Option<Decimal>], order: Order) -> Option<Vec<usize>> {
        let (scale, _) = scale_and_count(values);
        let sorted = sort_u128_keys(values, scale, order)?;
        Some(sorted.into_iter().map(|(_, p)| p).collect())
    }

    fn all_paths(values: &[Option<Decimal>], order: Order) -> [Vec<usize>; 3] {
        [
            by_u64_keys(values, order).unwrap_or_else(|| by_comparison(values, order)),
            by_u128_keys(values, order).unwrap_or_else(|| by_comparison(values, order)),
            by_comparison(values, order),
        ]
    }

    /// The key as first written: `scaled` in 128 bits, then narrowed.
    fn reference_key(value: &Decimal, scale: u32, order: Order) -> Option<u64> {
        let signed = i64::try_from(scaled(value, scale)?).ok()?;
        let key = (signed as u64) ^ (1 << 63);
        Some(match order {
            Order::Ascending => key,
            Order::Descending => !key,
        })
    }

    fn lcg(mut state: u64) -> impl FnMut() -> u64 {
        move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            state
        }
    }

    #[test]
    fn key_is_the_scaled_value_narrowed() {
        let mantissas = [
            0i128,
            1,
            -1,
            7,
            123_456_789,
            -987_654_321_012,
            i64::MAX as i128,
            i64::MIN as i128,
            i64::MAX as i128 + 1,
            i64::MIN as i128 - 1,
            922_337_203_685_477_580,
            -922_337_203_685_477_581,
            (1 << 96) - 1,
        ];
        for m in mantissas {
            for value_scale in [0u32, 1, 4, 18, 28] {
                let v = Decimal::from_i128_with_scale(m, value_scale);
                for scale in 0..=30 {
                    for order in [Order::Ascending, Order::Descending] {
                        assert_eq!(
                            key(&v, scale, order),
                            reference_key(&v, scale, order),
                            "{v:?} at scale {scale}"
                        );
                    }
                }
            }
        }
    }

    /// A zero at a scale 39 or more above its own has no key, as `scaled`
    /// (10^39 overflows an i128) has none. (Callers keep scales at most 28.)
    #[test]
    fn zero_beyond_ten_to_the_38_has_no_key() {
        for order in [Order::Ascending, Order::Descending] {
            assert_eq!(key(&Decimal::ZERO, 39, order), None);
            assert_eq!(key(&Decimal::new(0, 2), 41, order), None);
            assert_eq!(key(&Decimal::ZERO, u32::MAX, order), None);
            assert!(key(&Decimal::ZERO, 38, order).is_some());
        }
    }

    /// Mantissas around every power of ten and of two (and their negatives),
    /// zeros, and random ones, at every value scale and target scale
    /// 0..=40 plus a few huge ones, both orders: the 128-bit key narrowed, or
    /// none where it has none.
    #[test]
    fn key_equals_the_reference_everywhere() {
        let mut mantissas: Vec<i128> = vec![0, 1, i128::from(i64::MAX), i128::from(i64::MIN)];
        for e in 0..29u32 {
            let p = 10i128.pow(e);
            mantissas.extend([p - 1, p, p + 1]);
        }
        for b in 0..96u32 {
            let p = 1i128 << b;
            mantissas.extend([p - 1, p, p + 1]);
        }
        mantissas.push((1 << 96) - 1);
        let mut next = lcg(0x005e_ed12);
        for _ in 0..400 {
            let shift = next() % 96;
            mantissas.push(i128::from(next() >> 32 << 32 | next() >> 32) >> (shift % 64));
        }
        let negated: Vec<i128> = mantissas.iter().map(|m| -m).collect();
        mantissas.extend(negated);
        mantissas.retain(|m| m.unsigned_abs() < 1 << 96);
        let scales: Vec<u32> = (0..=40).chain([64, 1000, u32::MAX]).collect();
        let mut checked = 0u64;
        for &m in &mantissas {
            for value_scale in 0..=28u32 {
                let v = Decimal::from_i128_with_scale(m, value_scale);
                for &scale in &scales {
                    for order in [Order::Ascending, Order::Descending] {
                        assert_eq!(
                            key(&v, scale, order),
                            reference_key(&v, scale, order),
                            "{v:?} (mantissa {m}, scale {value_scale}) at scale {scale}"
                        );
                        checked += 1;
                    }
                }
            }
        }
        // Negative zero and the extremes.
        for v in [
            Decimal::MAX,
            Decimal::MIN,
            -Decimal::ZERO,
            Decimal::new(-0, 28),
        ] {
            for &scale in &scales {
                for order in [Order::Ascending, Order::Descending] {
                    assert_eq!(key(&v, scale, order), reference_key(&v, scale, order));
                }
            }
        }
        assert!(checked > 1_000_000, "{checked}");
    }

    #[test]
    fn negatives_and_mixed_scales_sort_as_numbers() {
        let values = [
            Some(dec!(-0.5)),
            Some(dec!(1004)),
            None,
            Some(dec!(-0.25)),
            Some(dec!(1004.00)),
            Some(dec!(0)),
            Some(dec!(-1004.001)),
            Some(dec!(0.0001)),
        ];
        for p in all_paths(&values, Order::Ascending) {
            assert_eq!(p, [6, 0, 3, 5, 7, 1, 4]);
        }
        for p in all_paths(&values, Order::Descending) {
            assert_eq!(p, [1, 4, 7, 5, 3, 0, 6]);
        }
    }

    /// The positions of the present values in rank order, as
    /// [`twice_ranks`] ranks them (ordinal ties: one rank each).
    fn sorted_positions(values: &[Option<Decimal>], order: Order) -> Vec<usize> {
        let twice = twice_ranks(values, Ties::Ordinal, order, Missing::Keep).twice;
        let mut ranked: Vec<(Twice, usize)> = twice
            .into_iter()
            .zip(0..)
            .filter(|&(t, _)| t != 0)
            .collect();
        ranked.sort_unstable();
        ranked.into_iter().map(|(_, p)| p).collect()
    }

    #[test]
    fn wide_values_take_the_wide_or_slow_path() {
        // 2^70 needs the 128-bit key; MAX beside 28 decimal places needs comparisons.
        let wide = [
            Some(Decimal::from(1u128 << 70)),
            Some(dec!(-1)),
            Some(dec!(0.5)),
        ];
        assert!(by_u64_keys(&wide, Order::Ascending).is_none());
        assert_eq!(sorted_positions(&wide, Order::Ascending), [1, 2, 0]);
        let huge = [
            Some(Decimal::MAX),
            Some(Decimal::MIN),
            Some(Decimal::new(1, 28)),
            Some(Decimal::ZERO),
        ];
        assert!(by_u128_keys(&huge, Order::Ascending).is_none());
        assert_eq!(sorted_positions(&huge, Order::Ascending), [1, 3, 2, 0]);
        assert_eq!(sorted_positions(&huge, Order::Descending), [0, 2, 3, 1]);
    }

    /// Keys whose range and positions do not fit 64 bits together are
    /// ranked as 128-bit words, to the same ranks; keys ranked at input
    /// positions rank as at their indices.
    #[test]
    fn unpacked_keys_rank_as_packed_ones() {
        let keys = [u64::MAX, 0, 7, u64::MAX, 7, 1 << 40];
        // The same order in a range that packs: each key's place among the distinct keys.
        let small = [3, 0, 1, 3, 1, 2];
        let positions = [1, 4, 5, 8, 9, 11];
        let spread = At::Positions {
            of: &positions,
            len: 12,
        };
        for ties in Ties::ALL {
            let mut want = vec![0; keys.len()];
            let groups = rank_keys(&mut small.clone(), ties, Start::default(), |i, t| {
                want[i] = t;
            });
            for (keys, at) in [(keys, At::Index), (keys, spread), (small, spread)] {
                let mut got = [0; 12];
                let mut copy = keys;
                let got_groups = rank_keys_at(&mut copy, at, ties, Start::default(), |p, t| {
                    got[p] = t;
                });
                let got: Vec<Twice> = match at {
                    At::Index => got[..keys.len()].to_vec(),
                    At::Positions { of, .. } => of.iter().map(|&p| got[p]).collect(),
                };
                assert_eq!((&got, got_groups), (&want, groups), "{ties:?} {at:?}");
            }
        }
        let mut wide = keys;
        assert!(pack_positions(&mut wide, At::Index).is_none());
        assert_eq!(wide, keys);
    }

    /// Any decimal: mantissa up to 96 bits, scale 0..=28, either sign, so
    /// that every sorting path (64-bit, 128-bit and comparison) is exercised.
    fn any_decimal() -> impl Strategy<Value = Decimal> {
        prop_oneof![
            (-50i64..50, 0u32..3).prop_map(|(m, s)| Decimal::new(m, s)),
            (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
            (
                any::<u32>(),
                any::<u32>(),
                any::<u32>(),
                any::<bool>(),
                0u32..=28
            )
                .prop_map(|(lo, mid, hi, neg, s)| Decimal::from_parts(lo, mid, hi, neg, s)),
        ]
    }

    proptest! {
        /// The integer-key ranking agrees with a `Decimal` comparison sort
        /// for any values, negative and huge included.
        #[test]
        fn key_sort_agrees_with_comparison_sort(
            x in prop::collection::vec(prop::option::weighted(0.85, any_decimal()), 0..60),
        ) {
            for order in [Order::Ascending, Order::Descending] {
                let by_keys = crate::rank::rank(&x, Ties::Ordinal, order, Missing::Keep);
                let mut by_cmp = vec![None; x.len()];
                for (k, p) in by_comparison(&x, order).into_iter().enumerate() {
                    by_cmp[p] = Some(Decimal::from(k + 1));
                }
                prop_assert_eq!(by_keys, by_cmp);
            }
        }
    }
}
