//! Decimal literals: [`dec!`](crate::dec), checked when the program is
//! compiled, so a user of the crate needs no other dependency to write
//! `dec!(8.5)`.

use rust_decimal::Decimal;

/// A decimal literal as a [`Decimal`], exact, checked at compile time: a
/// literal that a `Decimal` does not hold exactly (more than 28 decimal
/// places, or a mantissa of 2^96 or more) fails to compile. An exponent is
/// read exactly: `dec!(5e3)` is 5000, `dec!(1.5e-3)` is 0.0015.
///
/// It is the crate's own `dec!`, with the digits, scale and sign written, so
/// `indstat::dec!(1004.0)` keeps its one decimal place and equals
/// `Decimal::new(10040, 1)`. Underscores between digits are allowed
/// (`dec!(1_004)`).
///
/// # Examples
///
/// ```
/// use indstat::{Decimal, dec};
///
/// assert_eq!(dec!(8.5), Decimal::new(85, 1));
/// assert_eq!(dec!(-0.054), Decimal::new(-54, 3));
/// assert_eq!(dec!(1004.0).to_string(), "1004.0");
/// assert_eq!(dec!(79_228_162_514_264_337_593_543_950_335), Decimal::MAX);
/// // Usable where a constant is needed.
/// const TARGET: Decimal = dec!(1800);
/// assert_eq!(TARGET, Decimal::from(1800));
/// ```
///
/// What a `Decimal` cannot hold exactly is a compile error, not a rounded
/// value:
///
/// ```compile_fail
/// let too_fine = indstat::dec!(0.12345678901234567890123456789); // 29 places
/// ```
///
/// ```compile_fail
/// let too_large = indstat::dec!(1e29);
/// ```
#[macro_export]
macro_rules! dec {
    ($literal:literal) => {{
        // Evaluated in a const item: a literal a Decimal cannot hold is a
        // compile error, never a panic at run time.
        const VALUE: $crate::Decimal =
            match $crate::__private::decimal_literal(::core::stringify!($literal)) {
                ::core::option::Option::Some(value) => value,
                ::core::option::Option::None => ::core::panic!(::core::concat!(
                    "dec!: not a plain decimal that a Decimal holds exactly: ",
                    ::core::stringify!($literal)
                )),
            };
        VALUE
    }};
}

/// The value of `text` (an optional `-`, digits with optional `_` between
/// them, an optional `.` and more digits) if a `Decimal` holds it exactly;
/// `None` otherwise. A `const fn`, so that [`dec!`](crate::dec) checks its
/// literal when the program is compiled.
#[doc(hidden)]
#[must_use]
// Indexing: `i < bytes.len()` is checked before each read. Arithmetic: `i`,
// `digits` and `scale` count bytes of the text; the mantissa uses checked
// operations and is below 2^96 before its words are taken.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
pub const fn decimal_literal(text: &str) -> Option<Decimal> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let negative = match bytes.first() {
        Some(b'-') => {
            i = 1;
            // `stringify!` may put a space between the sign and the digits.
            while i < bytes.len() && bytes[i] == b' ' {
                i += 1;
            }
            true
        }
        _ => false,
    };
    let mut mantissa: u128 = 0;
    let mut scale: u32 = 0;
    let mut digits = 0;
    let mut seen_point = false;
    let mut exponent: i32 = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        match b {
            b'0'..=b'9' => {
                mantissa = match mantissa.checked_mul(10) {
                    Some(m) => match m.checked_add((b - b'0') as u128) {
                        Some(m) => m,
                        None => return None,
                    },
                    None => return None,
                };
                digits += 1;
                if seen_point {
                    scale += 1;
                }
            }
            b'_' if digits > 0 => {}
            b'.' if !seen_point && digits > 0 => seen_point = true,
            b'e' | b'E' if digits > 0 => {
                exponent = match exponent_of(bytes, i) {
                    Some(e) => e,
                    None => return None,
                };
                break;
            }
            _ => return None,
        }
    }
    // ×10^exponent: a positive exponent takes decimal places off first, then
    // multiplies the mantissa; a negative one adds places.
    if exponent < 0 {
        scale += exponent.unsigned_abs();
    } else {
        let mut e = exponent.unsigned_abs();
        while e > 0 {
            if scale > 0 {
                scale -= 1;
            } else {
                mantissa = match mantissa.checked_mul(10) {
                    Some(m) => m,
                    None => return None,
                };
            }
            e -= 1;
        }
    }
    // A mantissa below 2^96 fits an i128, so the cast below is exact.
    let point_without_digits = seen_point && scale == 0 && exponent == 0;
    if digits == 0 || point_without_digits || scale > 28 || mantissa >= 1 << 96 {
        return None;
    }
    // Below 2^96: the three 32-bit words of the mantissa, low to high.
    Some(Decimal::from_parts(
        mantissa as u32,
        (mantissa >> 32) as u32,
        (mantissa >> 64) as u32,
        negative && mantissa != 0,
        scale,
    ))
}

/// The exponent written from `bytes[start..]` (an optional sign and one to
/// three digits), if that is all that is left.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)] // as above
const fn exponent_of(bytes: &[u8], start: usize) -> Option<i32> {
    let mut i = start;
    let negative = i < bytes.len() && bytes[i] == b'-';
    if i < bytes.len() && (bytes[i] == b'-' || bytes[i] == b'+') {
        i += 1;
    }
    let mut value: i32 = 0;
    let mut digits = 0;
    while i < bytes.len() {
        match bytes[i] {
            b @ b'0'..=b'9' if digits < 3 => value = value * 10 + (b - b'0') as i32,
            _ => return None,
        }
        digits += 1;
        i += 1;
    }
    if digits == 0 {
        None
    } else if negative {
        Some(-value)
    } else {
        Some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::decimal_literal;
    use core::str::FromStr;
    use rust_decimal::Decimal;

    #[test]
    fn literals_read_as_from_str_exact_does() {
        for text in [
            "0",
            "8.5",
            "-8.5",
            "1004.0",
            "0.0000000000000000000000000001",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "7.9228162514264337593543950335",
        ] {
            assert_eq!(
                decimal_literal(text),
                Decimal::from_str_exact(text).ok(),
                "{text}"
            );
            let d = decimal_literal(text).unwrap();
            assert_eq!(
                d.scale(),
                Decimal::from_str(text).unwrap().scale(),
                "{text}"
            );
        }
        assert_eq!(decimal_literal("- 2.5"), Some(Decimal::new(-25, 1)));
        assert_eq!(decimal_literal("1_000.5"), Some(Decimal::new(10005, 1)));
        // Exponents, as `Decimal::from_scientific` reads them.
        for (text, want) in [
            ("1e5", "100000"),
            ("5e25", "50000000000000000000000000"),
            ("7.9e28", "79000000000000000000000000000"),
            ("1.5e-3", "0.0015"),
            ("15E+1", "150"),
            ("2.50e1", "25.0"),
        ] {
            assert_eq!(
                decimal_literal(text).map(|d| d.to_string()),
                Some(want.to_owned()),
                "{text}"
            );
        }
    }

    #[test]
    fn what_a_decimal_cannot_hold_is_none() {
        for text in [
            "",
            "-",
            ".5",
            "5.",
            "1.2.3",
            "1e29",
            "1e",
            "1e+",
            "0x10",
            "_1",
            "79228162514264337593543950336",
            "0.00000000000000000000000000001",
            "340282366920938463463374607431768211456",
            "1.5f64",
        ] {
            assert_eq!(decimal_literal(text), None, "{text:?}");
        }
    }
}
