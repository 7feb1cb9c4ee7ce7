//! Bisection: the least point where a monotone predicate turns true.

use crate::Result;

/// The least `k` in `(lo, hi]` where a monotone predicate turns true, given
/// that it is false at `lo` (or `lo` is a lower limit) and true at `hi`: bisection.
pub(crate) fn least_true(
    mut lo: u64,
    mut hi: u64,
    mut holds: impl FnMut(u64) -> Result<bool>,
) -> Result<u64> {
    while hi.saturating_sub(lo) > 1 {
        let mid = lo.saturating_add(hi.saturating_sub(lo) / 2);
        if holds(mid)? {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Ok(hi)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    #[test]
    fn finds_the_first_true_point() {
        for first in 1..=40u64 {
            let mut calls = 0;
            let found = least_true(0, 64, |k| {
                calls += 1;
                Ok(k >= first)
            });
            assert_eq!(found, Ok(first), "first true at {first}");
            assert!(calls <= 6, "{calls} calls for {first}");
        }
        // Already adjacent: `hi` without a call; a wide range near u64::MAX.
        assert_eq!(least_true(4, 5, |_| unreachable!()), Ok(5));
        assert_eq!(
            least_true(0, u64::MAX, |k| Ok(k >= u64::MAX - 3)),
            Ok(u64::MAX - 3)
        );
    }

    #[test]
    fn passes_the_predicate_error_on() {
        let err = Error::overflow("test", 1, 2);
        assert_eq!(least_true(0, 100, |_| Err(err.clone())), Err(err));
    }
}
