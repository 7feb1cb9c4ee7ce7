//! What both grammars read alike: numbers (with comma grouping and a written
//! power of ten), word tables (bound words, magnitudes, moves), and the
//! errors of a text that does not read; and the grouped number the writers
//! print.

use rust_decimal::Decimal;

use crate::{Bound, Error, Magnitude, Result};

/// What the text forms read, for error messages.
const EXPECTED: &str = "a quantity";

/// A text that does not read as a quantity, and why.
pub(super) fn refuse(input: &str, reason: impl Into<String>) -> Error {
    Error::parse(input, EXPECTED, reason)
}

/// A unit word the grammar does not know.
pub(super) fn unknown_unit(input: &str, unit: &str) -> Error {
    Error::UnknownUnit {
        unit: unit.to_owned(),
        input: input.to_owned(),
    }
}

/// Splits a leading decimal number off `s`: an optional sign, digits with
/// optional thousands separators, an optional fraction.
pub(super) fn take_number<'a>(input: &str, s: &'a str) -> Result<(Decimal, &'a str)> {
    let (negative, body) = if let Some(r) = s.strip_prefix('-').or_else(|| s.strip_prefix('−')) {
        (true, r)
    } else if let Some(r) = s.strip_prefix('+') {
        (false, r)
    } else {
        (false, s)
    };
    let end = body
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map_or(body.len(), |(i, _)| i);
    // A trailing comma belongs to the text, not the number ("4,000, …").
    let num = body.get(..end).unwrap_or("").trim_end_matches(',');
    let rest = body.get(num.len()..).unwrap_or("");
    if !num.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(refuse(input, "expected a number"));
    }
    let (int, frac) = match num.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (num, None),
    };
    if let Some(f) = frac {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return Err(refuse(input, format!("malformed number {num:?}")));
        }
    }
    if int.contains(',') {
        let mut groups = int.split(',');
        let first = groups.next().unwrap_or("");
        let ok = !first.is_empty() && first.len() <= 3 && groups.all(|g| g.len() == 3);
        if !ok {
            return Err(refuse(
                input,
                format!("misplaced thousands separator in {num:?}"),
            ));
        }
    }
    // The one rule of every reader (exact::parse): read when a Decimal holds
    // the value exactly; zeros past what it holds carry no value.
    let digits = int.replace(',', "");
    let value =
        crate::exact::parse::exact(negative, digits.as_bytes(), frac.unwrap_or("").as_bytes())
            .map_err(|_| Error::NumberOutOfRange {
                input: num.to_owned(),
            })?;
    Ok((value, rest))
}

/// Reads an optional power of ten written after a number, `×10^16`, which
/// the writers use for values too large for a named magnitude.
pub(super) fn take_power<'a>(input: &str, s: &'a str) -> Result<(Option<u8>, &'a str)> {
    let Some(r) = s.strip_prefix("×10^") else {
        return Ok((None, s));
    };
    let end = r.find(|c: char| !c.is_ascii_digit()).unwrap_or(r.len());
    let (digits, rest) = r.split_at(end);
    let exp = (1..=2)
        .contains(&digits.len())
        .then(|| digits.parse::<u8>().ok())
        .flatten()
        .filter(|e| *e <= 28)
        .ok_or_else(|| refuse(input, "the power of ten must be 0 to 28"))?;
    Ok((Some(exp), rest))
}

/// Combines a written power of ten with a magnitude word (only one may be used).
pub(super) fn combine(input: &str, power: Option<u8>, mag: Magnitude) -> Result<Magnitude> {
    match power {
        None => Ok(mag),
        Some(p) if mag == Magnitude::ONE => Magnitude::new(p),
        Some(_) => Err(refuse(
            input,
            "a power of ten and a magnitude word together",
        )),
    }
}

/// The longest word of `table` that `s` starts with (ends with, for a
/// `suffix`), its value and the rest of `s`.
pub(super) fn strip_longest<'a, T: Copy>(
    s: &'a str,
    table: &[(&str, T)],
    suffix: bool,
) -> Option<(T, &'a str)> {
    table
        .iter()
        .filter(|(w, _)| {
            if suffix {
                s.ends_with(w)
            } else {
                s.starts_with(w)
            }
        })
        .max_by_key(|(w, _)| w.len())
        .and_then(|&(w, t)| {
            let rest = if suffix {
                s.get(..s.len().saturating_sub(w.len()))
            } else {
                s.get(w.len()..)
            };
            rest.map(|r| (t, r))
        })
}

/// The value of the word of `table` that is all of `s`.
pub(super) fn lookup<T: Copy>(table: &[(&str, T)], s: &str) -> Option<T> {
    table.iter().find(|(w, _)| *w == s).map(|&(_, t)| t)
}

/// Records a bound word; a text has one at most.
pub(super) fn set_bound(input: &str, slot: &mut Bound, b: Bound) -> Result<()> {
    if slot.is_exact() {
        *slot = b;
        Ok(())
    } else {
        Err(refuse(input, "more than one bound word"))
    }
}

/// Groups the integer part of a plain decimal with commas: `-1234.5` → `-1,234.5`.
pub(crate) fn group_thousands(plain: &str) -> String {
    let (sign, body) = match plain.strip_prefix('-') {
        Some(b) => ("-", b),
        None => ("", plain),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let mut out = String::with_capacity(plain.len().saturating_add(8));
    out.push_str(sign);
    let len = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (len.saturating_sub(i)) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping() {
        assert_eq!(group_thousands("4000"), "4,000");
        assert_eq!(group_thousands("100"), "100");
        assert_eq!(group_thousands("-1234567.891"), "-1,234,567.891");
        assert_eq!(group_thousands("0.5"), "0.5");
    }
}
