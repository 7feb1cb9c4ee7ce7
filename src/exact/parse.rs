//! Reading a decimal number exactly: the one rule every reader of the crate
//! applies (panel CSV and SDMX-CSV cells, the text forms, serde).
//!
//! A number is read when a `Decimal` holds its value exactly, and refused
//! otherwise; no reader rounds. That is: at most 28 decimal places, and at
//! most 79228162514264337593543950335 (2^96 − 1) once the decimal point is
//! dropped — every number of 28 significant digits, and those of 29 up to
//! that bound (`Decimal::MAX` itself, a CAGR factor with 28 decimals). Zeros
//! past the 28th decimal place, or beyond what the mantissa holds, carry no
//! value and are dropped (`1.00000000000000000000000000000` is 1 at 28
//! places; `8.0000000000000000000000000000` is 8 at 27). A zero is read
//! without a sign.
//!
//! The rule is the representation's own, not a count of significant digits:
//! a reader that stopped at 28 significant digits would refuse values the
//! crate computes and writes (a serialised `Decimal::MAX` or a 29-digit
//! projection could not be read back).

use rust_decimal::Decimal;

use super::{MAX_SCALE, MAX96, make};

/// The rule, as the refusals state it.
pub(crate) const RULE: &str =
    "at most 28 decimal places and at most 79228162514264337593543950335 without its decimal point";

/// Why a number's digits are not held exactly by a `Decimal`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unheld {
    /// A nonzero digit after the 28th decimal place.
    Places,
    /// An integer part beyond 79228162514264337593543950335.
    Range,
    /// More digits than the 96-bit mantissa holds, in range
    /// (8.6666666666666666666666666667).
    Digits,
}

impl Unheld {
    /// What is wrong, in a few words (followed by [`RULE`] where the caller
    /// states it).
    pub(crate) const fn reason(self) -> &'static str {
        match self {
            Unheld::Places => "more than 28 decimal places: round it first",
            Unheld::Range => "beyond ±79228162514264337593543950335",
            Unheld::Digits => {
                "more digits than a decimal holds (above 79228162514264337593543950335 without its decimal point): round it first"
            }
        }
    }
}

/// Why a text is not read as a plain decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotRead {
    /// Not `[+-]digits[.digits]` with at least one digit.
    Malformed,
    /// A plain decimal that a `Decimal` does not hold exactly.
    Unheld(Unheld),
}

/// A plain decimal, `[+-]digits[.digits]` with at least one digit (`.5`
/// and `5.` included, no exponent, no grouping), read exactly by the rule.
pub(crate) fn plain(text: &[u8]) -> Result<Decimal, NotRead> {
    let (negative, body) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, text),
    };
    let (int, frac) = match body.iter().position(|&b| b == b'.') {
        Some(dot) => (
            body.get(..dot).unwrap_or_default(),
            body.get(dot.saturating_add(1)..).unwrap_or_default(),
        ),
        None => (body, &b""[..]),
    };
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    if int.is_empty() && frac.is_empty() || !digits(int) || !digits(frac) {
        return Err(NotRead::Malformed);
    }
    exact(negative, int, frac).map_err(NotRead::Unheld)
}

/// `±int.frac` (ASCII digits only, checked by the caller) as a `Decimal`,
/// if it holds the value exactly: the written scale is kept where the
/// mantissa holds it, trailing zeros beyond that are dropped.
#[allow(clippy::arithmetic_side_effects)] // m ≤ 2^96 − 1 before each step: m·10 + 9 < 2^100
pub(crate) fn exact(negative: bool, int: &[u8], frac: &[u8]) -> Result<Decimal, Unheld> {
    let places = frac.len().min(MAX_SCALE as usize);
    let (frac, past) = frac.split_at(places);
    if past.iter().any(|&d| d != b'0') {
        return Err(Unheld::Places);
    }
    let zeros = frac.iter().rev().take_while(|&&d| d == b'0').count();
    let significant = frac.get(..places - zeros).unwrap_or_default();
    let mut m: u128 = 0;
    for &d in int {
        m = m * 10 + u128::from(d - b'0');
        if m > MAX96 {
            return Err(Unheld::Range);
        }
    }
    for &d in significant {
        m = m * 10 + u128::from(d - b'0');
        if m > MAX96 {
            return Err(Unheld::Digits);
        }
    }
    // places ≤ 28: the scale fits; the written trailing zeros, as many as
    // the mantissa holds.
    let mut scale = significant.len() as u32;
    while scale < places as u32 && m * 10 <= MAX96 {
        m *= 10;
        scale += 1;
    }
    make(m, negative && m != 0, scale).ok_or(Unheld::Range)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dec;

    fn read(s: &str) -> Result<Decimal, NotRead> {
        plain(s.as_bytes())
    }

    /// Each value read keeps its digits and scale; expected values written
    /// by hand from the rule (a 96-bit mantissa: 2^96 − 1 =
    /// 79228162514264337593543950335, Python `2**96 - 1`).
    #[test]
    fn the_rule_at_and_past_its_limits() {
        let same = |s: &str, want: Decimal| {
            let got = read(s).unwrap();
            assert_eq!(got.serialize(), want.serialize(), "{s}");
        };
        same("79228162514264337593543950335", Decimal::MAX);
        same("-79228162514264337593543950335", Decimal::MIN);
        same(
            "7.9228162514264337593543950335",
            Decimal::from_i128_with_scale(79_228_162_514_264_337_593_543_950_335, 28),
        );
        same(
            "1.2345678901234567890123456789",
            dec!(1.2345678901234567890123456789),
        );
        same(
            "0.0000000000000000000000000001",
            dec!(0.0000000000000000000000000001),
        );
        same(
            "1.00000000000000000000000000000",
            dec!(1.0000000000000000000000000000),
        );
        same(
            "8.0000000000000000000000000000",
            dec!(8.000000000000000000000000000),
        );
        same("0000000000000000000000000000000001.50", dec!(1.50));
        same("-0.000", dec!(0.000));
        same(".5", dec!(0.5));
        same("5.", dec!(5));
        same("+7", dec!(7));
        assert!(!read("-0").unwrap().is_sign_negative());
        let refused = |s: &str, why: Unheld| assert_eq!(read(s), Err(NotRead::Unheld(why)), "{s}");
        refused("79228162514264337593543950336", Unheld::Range);
        refused("-100000000000000000000000000000", Unheld::Range);
        refused("0.00000000000000000000000000001", Unheld::Places);
        refused("0.12345678901234567890123456789", Unheld::Places);
        refused("8.6666666666666666666666666667", Unheld::Digits);
        refused("7922816251426433759354395033.6", Unheld::Digits);
        for bad in [
            "", "-", "+", ".", "1.2.3", "1e5", "1,000", " 1", "--1", "1-",
        ] {
            assert_eq!(read(bad), Err(NotRead::Malformed), "{bad:?}");
        }
    }

    /// Wherever `Decimal::from_str_exact` reads a plain decimal, the rule
    /// reads the same digits and scale; where it refuses one that the rule
    /// reads, only zeros it could not keep differ (the value is the same).
    #[test]
    fn agrees_with_from_str_exact() {
        for s in [
            "0",
            "1004.0000",
            "-0.5",
            "123456789012345678901234567.8",
            "79228162514264337593543950335",
            "0.0000000000000000000000000001",
            "1.0000000000000000000000000000",
            "1.9999999999999999999999999999",
        ] {
            let want = Decimal::from_str_exact(s).unwrap();
            assert_eq!(read(s).unwrap().serialize(), want.serialize(), "{s}");
        }
        let trailing = read("8.0000000000000000000000000000").unwrap();
        assert!(Decimal::from_str_exact("8.0000000000000000000000000000").is_err());
        assert_eq!(trailing, dec!(8));
    }
}
