//! RFC 4180 quoting within one line: `"A, Inc."` is one field, and `""`
//! inside quotes is one `"`. A line break inside quotes is not supported
//! (each record is one line), and is reported as an unterminated field.

use std::borrow::Cow;

use crate::panel::Panel;
use crate::{Error, Result};

/// Why a line's quoting is malformed, with the 1-based field it is in (its
/// error is [`bad_quoting`](super::cells::bad_quoting)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QuoteError {
    /// The field (1-based).
    pub(crate) column: usize,
    /// What is wrong.
    pub(crate) reason: &'static str,
    /// The field's bytes in the line (to the next separator, or the end).
    pub(crate) field: core::ops::Range<usize>,
    /// Whether a quoted field runs to the end of the line (a line cut short
    /// may end there).
    pub(crate) unterminated: bool,
}

/// Splits `line` at `sep` outside double quotes into `out` (cleared
/// first), removing the quotes of a quoted field and undoubling its inner
/// quotes. Unquoted fields are borrowed.
///
/// # Errors
///
/// A quote inside an unquoted field, text after a closing quote, or a
/// quoted field still open at the end of the line.
pub(crate) fn split<'a>(
    line: &'a [u8],
    sep: u8,
    out: &mut Vec<Cow<'a, [u8]>>,
) -> core::result::Result<(), QuoteError> {
    out.clear();
    let mut at = 0usize; // where the current field starts in `line`
    loop {
        let rest = line.get(at..).unwrap_or_default();
        let column = out.len().saturating_add(1);
        // The field's raw bytes, for an error: up to the next separator.
        let raw = |from: usize| {
            let end = line
                .get(from..)
                .unwrap_or_default()
                .iter()
                .position(|&b| b == sep)
                .map_or(line.len(), |p| from.saturating_add(p));
            at..end.max(at)
        };
        let error = |reason, field, unterminated| QuoteError {
            column,
            reason,
            field,
            unterminated,
        };
        if let Some(body) = rest.strip_prefix(b"\"") {
            // A quoted field: up to the quote not followed by another.
            let mut field = Vec::new();
            let mut i = 0usize;
            loop {
                match body.get(i) {
                    None => {
                        return Err(error(
                            "a quoted field is not closed before the end of the line \
                             (a line break inside quotes is not supported)",
                            at..line.len(),
                            true,
                        ));
                    }
                    Some(b'"') if body.get(i.saturating_add(1)) == Some(&b'"') => {
                        field.push(b'"');
                        i = i.saturating_add(2);
                    }
                    Some(b'"') => break,
                    Some(&b) => {
                        field.push(b);
                        i = i.saturating_add(1);
                    }
                }
            }
            out.push(Cow::Owned(field));
            // After the opening quote, the body and the closing quote.
            let after = at.saturating_add(i).saturating_add(2);
            match line.get(after) {
                None => return Ok(()),
                Some(&b) if b == sep => at = after.saturating_add(1),
                Some(_) => {
                    return Err(error(
                        "text follows the closing quote of a quoted field",
                        raw(after),
                        false,
                    ));
                }
            }
        } else {
            let end = rest.iter().position(|&b| b == sep).unwrap_or(rest.len());
            let field = rest.get(..end).unwrap_or_default();
            if field.contains(&b'"') {
                return Err(error(
                    "a quote inside an unquoted field (quote the whole field and double the quote)",
                    raw(at),
                    false,
                ));
            }
            out.push(Cow::Borrowed(field));
            if end == rest.len() {
                return Ok(());
            }
            at = at.saturating_add(end).saturating_add(1);
        }
    }
}

/// `field` as it must be written between separators `sep`: quoted (inner
/// quotes doubled) when it holds `sep` or a quote, as it is otherwise.
/// `None` for a line break, which a one-line record cannot hold.
pub(crate) fn quote(field: &str, sep: u8) -> Option<Cow<'_, str>> {
    if !one_line(field) {
        return None;
    }
    if !field.bytes().any(|b| b == sep || b == b'"') {
        return Some(Cow::Borrowed(field));
    }
    let mut quoted = String::with_capacity(field.len().saturating_add(2));
    quoted.push('"');
    quoted.push_str(&field.replace('"', "\"\""));
    quoted.push('"');
    Some(Cow::Owned(quoted))
}

/// Whether `text` holds no line break, so that a one-line record can hold it.
fn one_line(text: &str) -> bool {
    !text.bytes().any(|b| b == b'\n' || b == b'\r')
}

/// Refuses `text` (the `what` of a panel or of its options) where a one-line
/// record of `format` cannot hold it: a line break. (Separators and quotes
/// are written quoted, RFC 4180.)
pub(crate) fn check_one_line(what: &'static str, text: &str, format: &'static str) -> Result<()> {
    if one_line(text) {
        return Ok(());
    }
    Err(Error::Unwritable {
        what,
        text: text.to_owned(),
        format,
        reason: "it holds a line break, which a one-line record cannot; rename it",
    })
}

/// `text` as a cell between separators `sep`: quoted where it holds `sep`
/// or a quote (line breaks were refused by [`Panel::check_writable`]).
pub(crate) fn cell(text: &str, sep: u8) -> Cow<'_, str> {
    quote(text, sep).unwrap_or(Cow::Borrowed(text))
}

impl Panel {
    /// Refuses keys a one-line record cannot hold (see [`check_one_line`]).
    pub(crate) fn check_writable(&self, format: &'static str) -> Result<()> {
        for (what, keys) in [("entity", &self.entities), ("indicator", &self.indicators)] {
            for key in keys {
                check_one_line(what, key, format)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fields(line: &str, sep: u8) -> core::result::Result<Vec<String>, QuoteError> {
        let mut out = Vec::new();
        split(line.as_bytes(), sep, &mut out)?;
        Ok(out
            .iter()
            .map(|f| String::from_utf8_lossy(f).into_owned())
            .collect())
    }

    #[test]
    fn rfc_4180_examples() {
        assert_eq!(fields("a,b,c", b',').unwrap(), ["a", "b", "c"]);
        assert_eq!(
            fields("\"A, Inc.\",2024", b',').unwrap(),
            ["A, Inc.", "2024"]
        );
        assert_eq!(
            fields("\"say \"\"hi\"\"\",x", b',').unwrap(),
            ["say \"hi\"", "x"]
        );
        assert_eq!(fields("\"\",,\"\"", b',').unwrap(), ["", "", ""]);
        assert_eq!(fields("a;\"b;c\";d", b';').unwrap(), ["a", "b;c", "d"]);
        assert_eq!(fields("a,b,", b',').unwrap(), ["a", "b", ""]);
        assert_eq!(fields("", b',').unwrap(), [""]);
    }

    #[test]
    fn malformed_quoting_names_the_field() {
        let e = fields("a,\"open", b',').unwrap_err();
        assert_eq!(e.column, 2);
        assert!(e.reason.contains("not closed"));
        let e = fields("a,\"b\"c,d", b',').unwrap_err();
        assert_eq!(e.column, 2);
        assert!(e.reason.contains("follows the closing quote"));
        let e = fields("a,b\"c", b',').unwrap_err();
        assert_eq!(e.column, 2);
        assert!(e.reason.contains("unquoted"));
    }

    #[test]
    fn quoting_only_where_needed() {
        assert_eq!(quote("plain", b',').as_deref(), Some("plain"));
        assert_eq!(quote("A, Inc.", b',').as_deref(), Some("\"A, Inc.\""));
        assert_eq!(quote("A, Inc.", b';').as_deref(), Some("A, Inc."));
        assert_eq!(
            quote("say \"hi\"", b',').as_deref(),
            Some("\"say \"\"hi\"\"\"")
        );
        assert_eq!(quote("two\nlines", b','), None);
    }

    proptest! {
        /// Whatever the fields, quoting them and splitting the line gives
        /// them back.
        #[test]
        fn quote_then_split_round_trips(
            row in prop::collection::vec("[a-z,;\" ]{0,6}", 1..6),
            semicolon in any::<bool>(),
        ) {
            let sep = if semicolon { b';' } else { b',' };
            let line = row
                .iter()
                .map(|f| quote(f, sep).unwrap().into_owned())
                .collect::<Vec<_>>()
                .join(if semicolon { ";" } else { "," });
            prop_assert_eq!(fields(&line, sep).unwrap(), row);
        }
    }
}
