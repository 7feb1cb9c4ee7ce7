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

/// The positions of the present (`Some`) values, in rank order: by value in
/// `order`, equal values by position.
pub(crate) fn sorted_positions(values: &[Option<Decimal>], order: Order) -> Vec<usize> {
    let scale = values
        .iter()
        .flatten()
        .map(Decimal::scale)
        .max()
        .unwrap_or(0);
    if let Some(sorted) = sort_u64_keys(values, scale, order) {
        return sorted;
    }
    if let Some(sorted) = sort_u128_keys(values, scale, order) {
        return sorted;
    }
    sort_by_comparison(values, order)
}

/// `value` as an integer count of `10^-scale`, if that fits an `i128`.
fn scaled(value: &Decimal, scale: u32) -> Option<i128> {
    let shift = scale.checked_sub(value.scale())?;
    10i128
        .checked_pow(shift)
        .and_then(|factor| value.mantissa().checked_mul(factor))
}

/// Order-preserving 64-bit key, packed above a 64-bit position.
// Shifting a u128 by 64 is in range; `^` and `!` cannot overflow.
#[allow(clippy::arithmetic_side_effects)]
fn sort_u64_keys(values: &[Option<Decimal>], scale: u32, order: Order) -> Option<Vec<usize>> {
    let mut keys = Vec::with_capacity(values.len());
    for (position, value) in values.iter().enumerate() {
        if let Some(value) = value {
            let signed = i64::try_from(scaled(value, scale)?).ok()?;
            let key = (signed as u64) ^ (1 << 63);
            let key = match order {
                Order::Ascending => key,
                Order::Descending => !key,
            };
            keys.push((u128::from(key) << 64) | position as u128);
        }
    }
    keys.sort_unstable();
    // The low half is a position taken from a usize above.
    Some(keys.into_iter().map(|k| k as u64 as usize).collect())
}

/// Order-preserving 128-bit key beside the position.
// `^` and `!` cannot overflow.
#[allow(clippy::arithmetic_side_effects)]
fn sort_u128_keys(values: &[Option<Decimal>], scale: u32, order: Order) -> Option<Vec<usize>> {
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
    Some(keys.into_iter().map(|(_, position)| position).collect())
}

/// The slow path: `Decimal` comparisons (exact at any scale).
fn sort_by_comparison(values: &[Option<Decimal>], order: Order) -> Vec<usize> {
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
    present.into_iter().map(|(_, position)| position).collect()
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
        let scale = values
            .iter()
            .flatten()
            .map(Decimal::scale)
            .max()
            .unwrap_or(0);
        [
            sort_u64_keys(values, scale, order)
                .unwrap_or_else(|| sort_by_comparison(values, order)),
            sort_u128_keys(values, scale, order)
                .unwrap_or_else(|| sort_by_comparison(values, order)),
            sort_by_comparison(values, order),
        ]
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
