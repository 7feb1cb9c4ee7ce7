//! Rounding for display: the one place that decides how a printed figure is
//! rounded. Calculations never call it.

use rust_decimal::{Decimal, RoundingStrategy};

/// How every figure the crate prints is rounded: half away from zero
/// (四舍五入), the rule of Chinese statistical tables (2.5 → 3, −2.5 → −3,
/// 106.95 → 107.0, 135.05 → 135.1).
///
/// Not banker's rounding (`MidpointNearestEven`, `Decimal::round_dp`'s
/// default, which prints 135.05 as 135.0), and not truncation (what a
/// precision such as `{:.2}` does to a bare `Decimal`: 8.4995 → 8.49).
/// [`round_for_display`] applies it; `Display` with a precision
/// ([`Quantity`](crate::Quantity), [`Figure`](crate::Figure),
/// [`Rate`](crate::Rate), [`PercentagePoints`](crate::PercentagePoints)), the
/// report tables and the examples go through that function. Only printing
/// rounds: every calculation keeps its exact value.
///
/// # Examples
///
/// ```
/// use indstat::DISPLAY_ROUNDING;
/// use rust_decimal::RoundingStrategy;
/// use indstat::dec;
///
/// assert_eq!(DISPLAY_ROUNDING, RoundingStrategy::MidpointAwayFromZero);
/// assert_eq!(dec!(135.05).round_dp_with_strategy(1, DISPLAY_ROUNDING), dec!(135.1));
/// // Banker's rounding, which the crate does not use for display:
/// assert_ne!(dec!(135.05).round_dp(1), dec!(135.1));
/// ```
pub const DISPLAY_ROUNDING: RoundingStrategy = RoundingStrategy::MidpointAwayFromZero;

/// `value` rounded for display to `dp` decimal places with
/// [`DISPLAY_ROUNDING`] (half away from zero, 四舍五入), never as negative
/// zero (−0.004 → `0.00`). A value with `dp` places or fewer is already exact
/// there and is returned as it is: rounding adds no digits the value does not
/// have (the published 1004亿元 stays `1004`, not `1004.00`). `dp` above 28 is
/// read as 28.
///
/// For printing only: pass the exact value to calculations.
///
/// # Examples
///
/// ```
/// use indstat::round_for_display;
/// use indstat::dec;
///
/// // The top100 example's 90% interval of ranks.
/// assert_eq!(round_for_display(dec!(106.95), 1).to_string(), "107.0");
/// assert_eq!(round_for_display(dec!(135.05), 1).to_string(), "135.1");
/// assert_eq!(round_for_display(dec!(-2.5), 0).to_string(), "-3");
/// assert_eq!(round_for_display(dec!(1391.4023), 2).to_string(), "1391.40");
/// assert_eq!(round_for_display(dec!(796), 2).to_string(), "796");
/// assert_eq!(round_for_display(dec!(-0.004), 2).to_string(), "0.00");
/// // A bare Decimal's precision truncates; this does not.
/// assert_eq!(format!("{:.2}", dec!(8.4995)), "8.49");
/// assert_eq!(round_for_display(dec!(8.4995), 2).to_string(), "8.50");
/// ```
#[must_use]
pub fn round_for_display(value: Decimal, dp: u32) -> Decimal {
    let mut rounded = value.round_dp_with_strategy(dp.min(28), DISPLAY_ROUNDING);
    if rounded.is_zero() {
        rounded.set_sign_positive(true);
    }
    rounded
}

/// `value` as `Display` writes a rate or a change in points: with a
/// precision, rounded for display ([`round_for_display`]: half away from
/// zero) and written with exactly that many places, as Rust writes any
/// number with an explicit precision (`{:.2}` of 50% and of 0.5 is `50.00`
/// both); without one, exact and without trailing zeros.
pub(crate) fn displayed(f: &core::fmt::Formatter<'_>, value: Decimal) -> String {
    match f.precision() {
        Some(dp) => {
            let rounded = round_for_display(value, u32::try_from(dp).unwrap_or(28));
            format!("{rounded:.dp$}")
        }
        None => value.normalize().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dec;

    /// Halves go away from zero at every place; other digits round to the
    /// nearer value; no places are added.
    #[test]
    fn cases() {
        let cases = [
            (dec!(0.5), 0, "1"),
            (dec!(1.5), 0, "2"),
            (dec!(2.5), 0, "3"),
            (dec!(-0.5), 0, "-1"),
            (dec!(0.125), 2, "0.13"),
            (dec!(-0.125), 2, "-0.13"),
            (dec!(0.1249999), 2, "0.12"),
            (dec!(1391.395), 2, "1391.40"),
            (dec!(8.5), 2, "8.5"),
            (dec!(8.4995), 2, "8.50"),
            (dec!(-0.0), 2, "0.0"),
            (dec!(-0.004), 2, "0.00"),
            (
                dec!(0.0000000000000000000000000001),
                28,
                "0.0000000000000000000000000001",
            ),
            (dec!(1.5), 40, "1.5"),
        ];
        for (x, dp, want) in cases {
            assert_eq!(round_for_display(x, dp).to_string(), want, "{x} at {dp}");
        }
    }

    /// The edges of the range are kept, not wrapped or panicked on.
    #[test]
    fn edges() {
        assert_eq!(round_for_display(Decimal::MAX, 2), Decimal::MAX);
        assert_eq!(round_for_display(Decimal::MIN, 0), Decimal::MIN);
    }
}
