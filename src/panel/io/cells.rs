//! Cells and every error that names a line and a column: the exact
//! decimal and period parsers of the general path, and the errors of bad
//! cells, bad quoting, wrong field counts and wrong headers, so that each
//! reader builds its errors alike.

use rust_decimal::Decimal;

use super::quote::QuoteError;
use crate::{Error, Period};

/// What to tell a user about a value cell: the one rule of every reader
/// (`exact::parse::RULE`, which the test of this message checks).
const VALUE_HELP: &str = "write a plain decimal such as -1234.5678 (no exponent or grouping) with at most 28 decimal places and at most 79228162514264337593543950335 without its decimal point, or leave the cell empty";

/// A plain decimal cell read exactly: `None` when empty. The fast path
/// accumulates up to 18 digits in a `u64` (every such number is held
/// exactly); longer cells go through `exact::parse::plain`, the one rule of
/// every reader, which refuses to round.
#[inline]
pub(crate) fn parse_value(text: &[u8]) -> core::result::Result<Option<Decimal>, &'static str> {
    if text.is_empty() {
        return Ok(None);
    }
    let (negative, digits) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, text),
    };
    let mut mantissa = 0u64;
    let mut count = 0u32;
    let mut scale: Option<u32> = None;
    for &b in digits {
        match b {
            b'0'..=b'9' => {
                if count >= 18 {
                    return parse_long(text);
                }
                mantissa = mantissa
                    .wrapping_mul(10)
                    .wrapping_add(u64::from(b.wrapping_sub(b'0')));
                count = count.wrapping_add(1);
                if let Some(s) = scale.as_mut() {
                    *s = s.wrapping_add(1);
                }
            }
            b'.' if scale.is_none() => scale = Some(0),
            _ => return Err("not a plain decimal"),
        }
    }
    if count == 0 {
        return Err("not a plain decimal");
    }
    // At most 18 digits: the mantissa is below 10^18 < 2^63, the scale ≤ 18.
    let signed = i64::try_from(mantissa).map_err(|_| "not a plain decimal")?;
    // −signed is exact: |signed| < 10^18 < 2^63.
    let signed = if negative {
        signed.wrapping_neg()
    } else {
        signed
    };
    Decimal::try_new(signed, scale.unwrap_or(0))
        .map(Some)
        .map_err(|_| "out of range")
}

#[cold]
fn parse_long(text: &[u8]) -> core::result::Result<Option<Decimal>, &'static str> {
    use crate::exact::parse::{NotRead, plain};
    plain(text).map(Some).map_err(|e| match e {
        NotRead::Malformed => "not a plain decimal",
        NotRead::Unheld(why) => why.reason(),
    })
}

/// A period cell: a fast path for `YYYY`, else [`Period`]'s parser.
pub(crate) fn parse_period(text: &[u8]) -> core::result::Result<Period, String> {
    if let [a, b, c, d] = text {
        if text.iter().all(u8::is_ascii_digit) {
            let year = [a, b, c, d].iter().fold(0i32, |y, &&digit| {
                y.wrapping_mul(10)
                    .wrapping_add(i32::from(digit.wrapping_sub(b'0')))
            });
            return Period::year(year).map_err(|e| e.to_string());
        }
    }
    let s = core::str::from_utf8(text).map_err(|_| "invalid UTF-8".to_owned())?;
    s.parse::<Period>().map_err(|e| e.to_string())
}

/// A cell that cannot be read: [`Error::InvalidUtf8`] when its bytes are not
/// UTF-8, else [`Error::InvalidCell`].
#[cold]
pub(crate) fn bad_cell(
    line: u64,
    column: usize,
    what: &'static str,
    text: &[u8],
    reason: String,
) -> Error {
    if core::str::from_utf8(text).is_err() {
        return Error::InvalidUtf8 { line, column };
    }
    Error::InvalidCell {
        line,
        column,
        what,
        text: String::from_utf8_lossy(text).into_owned(),
        reason,
    }
}

/// The error for a value cell that is not a decimal.
#[cold]
pub(crate) fn bad_value(line: u64, column: usize, text: &[u8], reason: &str) -> Error {
    bad_cell(
        line,
        column,
        "a decimal value",
        text,
        format!("{reason}; {VALUE_HELP}"),
    )
}

/// The error for an empty key cell (entity, period or indicator).
#[cold]
pub(crate) fn empty_key(line: u64, column: usize, what: &'static str) -> Error {
    Error::InvalidCell {
        line,
        column,
        what,
        text: String::new(),
        reason: "the cell is empty; every row needs an entity, a period and an indicator"
            .to_owned(),
    }
}

/// The error for more rows, entities, periods or indicators than a panel
/// numbers.
#[cold]
pub(crate) fn too_many(what: &'static str) -> Error {
    Error::InvalidParameter {
        name: what,
        value: "more than 4294967295".to_owned(),
        reason: "a panel holds at most 4294967295 rows, entities, periods and indicators: split the input",
    }
}

/// The error for a row whose field count is wrong.
#[cold]
pub(crate) fn column_count(
    line: u64,
    text: &[u8],
    expected: usize,
    found: usize,
    complete: bool,
) -> Error {
    let text = String::from_utf8_lossy(text).into_owned();
    if !complete && found < expected {
        return Error::UnexpectedEnd {
            line,
            column: found,
            text,
        };
    }
    Error::ColumnCount {
        line,
        column: found.min(expected.saturating_add(1)),
        expected,
        found,
        text,
    }
}

/// The error for malformed quoting in `text`, line `line`: the field's own
/// bytes named; a quoted field cut off by the end of the input (an incomplete
/// last line) is [`Error::UnexpectedEnd`].
#[cold]
pub(crate) fn bad_quoting(line: u64, text: &[u8], e: QuoteError, complete: bool) -> Error {
    if e.unterminated && !complete {
        return Error::UnexpectedEnd {
            line,
            column: e.column,
            text: String::from_utf8_lossy(text).into_owned(),
        };
    }
    let field = text.get(e.field).unwrap_or(text);
    bad_cell(
        line,
        e.column,
        "a well-quoted field",
        field,
        e.reason.to_owned(),
    )
}

/// The error for a header that is not the one `expected`: `found` is the
/// header line read (empty when there is none), `column` the first field
/// that differs.
#[cold]
pub(crate) fn missing_header(line: u64, column: usize, expected: &str, found: &[u8]) -> Error {
    Error::MissingHeader {
        line,
        column,
        expected: expected.to_owned(),
        found: String::from_utf8_lossy(found).into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dec;

    #[test]
    fn values_are_exact() {
        let v = |s: &str| parse_value(s.as_bytes());
        assert_eq!(v("1004.0000"), Ok(Some(dec!(1004.0000))));
        assert_eq!(v("-0.5"), Ok(Some(dec!(-0.5))));
        assert_eq!(v("+7"), Ok(Some(dec!(7))));
        assert_eq!(v(".5"), Ok(Some(dec!(0.5))));
        assert_eq!(v(""), Ok(None));
        assert_eq!(
            v("-0").map(|d| d.map(|d| d.is_sign_negative())),
            Ok(Some(false))
        );
        assert_eq!(
            v("1800.123456789012345678901234"),
            Ok(Some(dec!(1800.123456789012345678901234)))
        );
        assert_eq!(v("123456789012345678"), Ok(Some(dec!(123456789012345678))));
        for bad in ["1e5", "1.2.3", "-", ".", "1,000", "12a", " 1", "1_000"] {
            assert!(v(bad).is_err(), "{bad}");
        }
        // Zeros past the 28th place carry no value; other digits are refused.
        assert_eq!(
            v("1.23456789012345678901234567890"),
            Ok(Some(dec!(1.2345678901234567890123456789)))
        );
        assert!(v("1.23456789012345678901234567891").is_err());
        assert!(v("99999999999999999999999999999999").is_err());
    }

    /// The help names the rule every reader applies, word for word.
    #[test]
    fn value_help_states_the_rule() {
        assert!(
            VALUE_HELP.contains(crate::exact::parse::RULE),
            "{VALUE_HELP}"
        );
    }

    #[test]
    fn periods_fast_and_slow() {
        assert_eq!(
            parse_period(b"2024"),
            Period::year(2024).map_err(|e| e.to_string())
        );
        assert_eq!(
            parse_period(b"2024-Q1"),
            Period::quarter(2024, 1).map_err(|e| e.to_string())
        );
        assert!(parse_period(b"20x4").is_err());
        assert!(parse_period(b"0000").is_err());
    }
}
