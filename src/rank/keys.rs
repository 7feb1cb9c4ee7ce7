//! The sort behind every rank: present values in rank order, ties by input
//! position, on order-preserving integer keys (`../shared/perf/README.md`
//! §4–5) rather than `Decimal` comparisons.
//!
//! Every value is brought to the largest scale in the cross-section (so `1004`
//! and `1004.00` get one key, and `-0.5` sorts below `-0.25`), its signed
//! scaled mantissa is mapped to an unsigned integer by flipping the sign bit
//! (which preserves order for negatives), inverted for a descending order, and
//! packed above the input position. A plain integer sort then gives the rank
//! order with ties in input order, in both directions, as pandas' `first` and
//! polars' `ordinal` need. When the scaled values do not fit 64 bits the key is
//! 128 bits wide; when they do not fit 128 bits (a value near `Decimal::MAX`
//! beside one with 28 decimal places) the sort compares `Decimal`s instead.

use rust_decimal::Decimal;

use super::Order;

/// The present values in rank order.
pub(crate) struct Sorted {
    /// Input positions, by value in the order asked for, equal values by position.
    pub(crate) positions: Vec<usize>,
    /// Whether each entry starts a new group of equal values.
    pub(crate) starts_group: Vec<bool>,
}

/// The positions of the present (`Some`) values, in rank order: by value in
/// `order`, equal values by position, with the boundaries of tied groups
/// found from the sorted keys (sequentially, without going back to the
/// values).
pub(crate) fn sort(values: &[Option<Decimal>], order: Order) -> Sorted {
    let scale = max_scale(values);
    if let Some(sorted) = sort_u64_keys(values, scale, order) {
        return sorted;
    }
    if let Some(sorted) = sort_u128_keys(values, scale, order) {
        return sorted;
    }
    let pairs = sort_pairs(values, order);
    let starts_group = group_starts(pairs.iter().map(|(v, _)| *v));
    Sorted {
        positions: pairs.into_iter().map(|(_, p)| p).collect(),
        starts_group,
    }
}

/// The largest scale among the present values: the common scale of the keys.
fn max_scale(values: &[Option<Decimal>]) -> u32 {
    values
        .iter()
        .flatten()
        .map(Decimal::scale)
        .max()
        .unwrap_or(0)
}

/// `true` where a key differs from the one before.
fn group_starts<K: PartialEq>(keys: impl Iterator<Item = K>) -> Vec<bool> {
    let mut previous: Option<K> = None;
    keys.map(|k| {
        let starts = previous.as_ref() != Some(&k);
        previous = Some(k);
        starts
    })
    .collect()
}

/// The positions only (tests).
#[cfg(test)]
fn sorted_positions(values: &[Option<Decimal>], order: Order) -> Vec<usize> {
    sort(values, order).positions
}

/// `value` as an integer count of `10^-scale`, if that fits an `i128`.
fn scaled(value: &Decimal, scale: u32) -> Option<i128> {
    let shift = scale.checked_sub(value.scale())?;
    crate::exact::mul_pow10(value.mantissa(), shift)
}

/// The order-preserving 64-bit key of `value` at the common `scale`: its
/// scaled mantissa with the sign bit flipped (so negatives sort below
/// positives), inverted for a descending order; `None` when the scaled value
/// does not fit 64 bits.
// `^` and `!` cannot overflow.
#[allow(clippy::arithmetic_side_effects)]
#[inline]
pub(crate) fn key_u64(value: &Decimal, scale: u32, order: Order) -> Option<u64> {
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

/// Order-preserving 64-bit keys (see [`key_u64`]), packed with the position
/// into one u64 when the keys' range and the positions fit 64 bits together
/// (typical data: a range of 2^40 units and 2^20 positions), else into a
/// u128.
fn sort_u64_keys(values: &[Option<Decimal>], scale: u32, order: Order) -> Option<Sorted> {
    let mut keys: Vec<(u64, usize)> = Vec::with_capacity(values.len());
    for (position, value) in values.iter().enumerate() {
        if let Some(value) = value {
            keys.push((key_u64(value, scale, order)?, position));
        }
    }
    Some(sort_u64(keys, values.len()))
}

/// The rank order of `(key, position)` pairs, positions below `len`: a sort
/// of packed integers, ties (equal keys) by position.
// Shifts are by less than the width (checked below); the subtraction of the
// minimum key (keys ≥ min) cannot overflow.
#[allow(clippy::arithmetic_side_effects)]
pub(crate) fn sort_u64(keys: Vec<(u64, usize)>, len: usize) -> Sorted {
    if let Some((min, position_bits)) = packing(keys.iter().map(|&(k, _)| k), len) {
        let mut packed: Vec<u64> = keys
            .into_iter()
            .map(|(k, p)| pack(k, min, position_bits, p))
            .collect();
        packed.sort_unstable();
        let mask = (1u64 << position_bits) - 1;
        return Sorted {
            starts_group: group_starts(
                packed
                    .iter()
                    .map(|k| k.checked_shr(position_bits).unwrap_or(0)),
            ),
            positions: packed.into_iter().map(|k| (k & mask) as usize).collect(),
        };
    }
    let mut packed: Vec<u128> = keys
        .into_iter()
        .map(|(k, p)| (u128::from(k) << 64) | p as u128)
        .collect();
    packed.sort_unstable();
    // The high half is the value's key, the low half a position taken from a usize above.
    Sorted {
        starts_group: group_starts(packed.iter().map(|k| k >> 64)),
        positions: packed.into_iter().map(|k| k as u64 as usize).collect(),
    }
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

/// Packs each key above its index, `(key − min) << bits | index`, in place,
/// as [`sort_u64`] packs keys above positions: the bits the indices take,
/// or `None` (keys unchanged) when the two do not fit 64 bits together.
/// Sorting the packed keys gives the rank order, equal keys by index.
// Keys ≥ min; the shift is below 64 and the range fits above it (packing).
#[allow(clippy::arithmetic_side_effects)]
pub(crate) fn pack_positions(keys: &mut [u64]) -> Option<u32> {
    let (min, bits) = packing(keys.iter().copied(), keys.len())?;
    for (i, k) in keys.iter_mut().enumerate() {
        *k = pack(*k, min, bits, i);
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

/// Order-preserving 128-bit key beside the position.
// `^` and `!` cannot overflow.
#[allow(clippy::arithmetic_side_effects)]
fn sort_u128_keys(values: &[Option<Decimal>], scale: u32, order: Order) -> Option<Sorted> {
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
    Some(Sorted {
        starts_group: group_starts(keys.iter().map(|(k, _)| *k)),
        positions: keys.into_iter().map(|(_, position)| position).collect(),
    })
}

/// The slow path: `Decimal` comparisons (exact at any scale).
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

fn sort_by_comparison(values: &[Option<Decimal>], order: Order) -> Vec<usize> {
    sort_pairs(values, order)
        .into_iter()
        .map(|(_, p)| p)
        .collect()
}

/// The naive baseline the benchmark compares against: a comparison sort of
/// `(Decimal, position)` pairs. Exposed for the bench only.
#[doc(hidden)]
pub fn sorted_positions_by_comparison(values: &[Option<Decimal>], descending: bool) -> Vec<usize> {
    let order = if descending {
        Order::Descending
    } else {
        Order::Ascending
    };
    sort_by_comparison(values, order)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn all_paths(values: &[Option<Decimal>], order: Order) -> [Vec<usize>; 3] {
        let scale = max_scale(values);
        [
            sort_u64_keys(values, scale, order)
                .map_or_else(|| sort_by_comparison(values, order), |s| s.positions),
            sort_u128_keys(values, scale, order)
                .map_or_else(|| sort_by_comparison(values, order), |s| s.positions),
            sort_by_comparison(values, order),
        ]
    }

    #[test]
    fn key_u64_is_the_scaled_value_narrowed() {
        let reference = super::review_s12::old_key_u64;
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
                            key_u64(&v, scale, order),
                            reference(&v, scale, order),
                            "{v:?} at scale {scale}"
                        );
                    }
                }
            }
        }
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
        for paths in [all_paths(&values, Order::Ascending)] {
            for p in paths {
                assert_eq!(p, [6, 0, 3, 5, 7, 1, 4]);
            }
        }
        for p in all_paths(&values, Order::Descending) {
            assert_eq!(p, [1, 4, 7, 5, 3, 0, 6]);
        }
    }

    #[test]
    fn wide_values_take_the_wide_or_slow_path() {
        // 2^70 needs the 128-bit key; MAX beside 28 decimal places needs comparisons.
        let wide = [
            Some(Decimal::from(1u128 << 70)),
            Some(dec!(-1)),
            Some(dec!(0.5)),
        ];
        assert!(sort_u64_keys(&wide, 1, Order::Ascending).is_none());
        assert_eq!(sorted_positions(&wide, Order::Ascending), [1, 2, 0]);
        let huge = [
            Some(Decimal::MAX),
            Some(Decimal::MIN),
            Some(Decimal::new(1, 28)),
            Some(Decimal::ZERO),
        ];
        assert!(sort_u128_keys(&huge, 28, Order::Ascending).is_none());
        assert_eq!(sorted_positions(&huge, Order::Ascending), [1, 3, 2, 0]);
        assert_eq!(sorted_positions(&huge, Order::Descending), [0, 2, 3, 1]);
    }
}

#[cfg(test)]
mod review_s12 {
    use super::*;

    /// The pre-change `key_u64` (2d445e8): `scaled` in i128, then narrowed.
    /// The key as it was first written: `scaled` in 128 bits, then narrowed.
    pub(super) fn old_key_u64(value: &Decimal, scale: u32, order: Order) -> Option<u64> {
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

    /// Found in review: a zero at a scale 39 or more above its own took the
    /// key of zero, where `scaled` (10^39 overflows an i128) refused it.
    /// Callers keep scales at most 28, so no rank saw it.
    #[test]
    fn zero_beyond_ten_to_the_38_is_refused_as_before() {
        for order in [Order::Ascending, Order::Descending] {
            assert_eq!(key_u64(&Decimal::ZERO, 39, order), None);
            assert_eq!(key_u64(&Decimal::new(0, 2), 41, order), None);
            assert_eq!(key_u64(&Decimal::ZERO, u32::MAX, order), None);
            assert!(key_u64(&Decimal::ZERO, 38, order).is_some());
        }
    }

    /// Mantissas around every power of ten and of two (and their negatives),
    /// zeros, and random ones, at every value scale and target scale
    /// 0..=40 plus a few huge ones, both orders: the old key or the old
    /// refusal.
    #[test]
    fn key_u64_equals_the_old_key_everywhere() {
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
                            key_u64(&v, scale, order),
                            old_key_u64(&v, scale, order),
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
                    assert_eq!(key_u64(&v, scale, order), old_key_u64(&v, scale, order));
                }
            }
        }
        assert!(checked > 1_000_000, "{checked}");
    }
}
