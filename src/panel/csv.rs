//! The long CSV format `entity,period,indicator,value`.

use std::io::{Read, Write};

use rust_decimal::Decimal;

use super::Panel;
use super::read::{self, Builder, Columns, VALUE_HELP};
use super::swar;
use crate::{Error, Result};

/// The long format's header.
pub(crate) const HEADER: &str = "entity,period,indicator,value";

const COLUMNS: Columns = Columns {
    entity: 1,
    period: 2,
    indicator: 3,
    value: 4,
};

/// The header line checked: the first differing field, if any.
pub(crate) fn check_header(line: u64, found: &[u8], expected: &str) -> Result<()> {
    let found = found.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(found);
    if found == expected.as_bytes() {
        return Ok(());
    }
    let column = found
        .split(|&b| b == b',')
        .zip(expected.split(','))
        .position(|(f, e)| f != e.as_bytes())
        .unwrap_or_else(|| {
            found
                .split(|&b| b == b',')
                .count()
                .min(expected.split(',').count())
        })
        .saturating_add(1);
    Err(Error::MissingHeader {
        line,
        column,
        expected: expected.to_owned(),
        found: String::from_utf8_lossy(found).into_owned(),
    })
}

/// The error for a row whose field count is wrong.
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

/// The error for a value cell that is not a decimal.
pub(crate) fn bad_value(line: u64, column: usize, text: &[u8], reason: &str) -> Error {
    read::bad_cell(
        line,
        column,
        "a decimal value",
        text,
        format!("{reason}; {VALUE_HELP}"),
    )
}

/// A leading field of 1 to 15 bytes, within the first `len` bytes of
/// `bytes` and ended by a comma: its key packed as
/// [`pack`](super::intern::pack) packs it, and where the next field starts.
/// `bytes` may run past the line (the reader's buffer): only the line's
/// `len` bytes are taken.
#[inline]
fn packed_field(bytes: &[u8], len: usize) -> Option<(u128, usize)> {
    let word = swar::load(bytes);
    let n = swar::find(word, swar::splat(b','))?;
    if n == 0 || n >= len {
        return None;
    }
    // 1 ≤ n ≤ 15: the length fits the top byte.
    let key = (word & swar::low_bytes(n)) | ((n as u128) << 120);
    Some((key, n.wrapping_add(1)))
}

/// The common row, read without allocating: three short non-empty keys,
/// packed, and a plain unsigned decimal of at most 16 bytes. `line` is the
/// row's text, `tail` the same text running on into the reader's buffer.
/// `None` for anything else: the general path then reads the row and gives
/// the same result or the error.
#[inline]
fn fast_row(line: &[u8], tail: &[u8]) -> Option<(u128, u128, u128, Decimal)> {
    let mut at = 0usize;
    let mut keys = [0u128; 3];
    for key in &mut keys {
        // at < line.len() ≤ tail.len(): no overflow.
        let (k, used) = packed_field(tail.get(at..)?, line.len().wrapping_sub(at))?;
        *key = k;
        at = at.wrapping_add(used);
    }
    let value = swar::plain_decimal(swar::load(tail.get(at..)?), line.len().checked_sub(at)?)?;
    let [entity, period, indicator] = keys;
    Some((entity, period, indicator, value))
}

impl Panel {
    /// Reads the long CSV format `entity,period,indicator,value` from any
    /// reader, in chunks (a 10-million-row file is never held as text).
    ///
    /// Rows may come in any order. Values are plain decimals of any sign with
    /// up to 28 significant digits, read exactly; an empty value cell is a
    /// missing value. Line ends may be `\n` or `\r\n`; a UTF-8 byte-order mark
    /// is skipped.
    ///
    /// # Errors
    ///
    /// Each names its line and column: [`Error::MissingHeader`],
    /// [`Error::ColumnCount`], [`Error::InvalidCell`] (a value that is not a
    /// plain decimal or is too long, a period that does not parse, an empty
    /// key), [`Error::DuplicateObservation`], [`Error::UnexpectedEnd`] (the
    /// input ends mid-row), [`Error::InvalidUtf8`]; and [`Error::Io`].
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::panel::Panel;
    /// use indstat::Error;
    ///
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2024,gdp,-1.25\nA,2023,gdp,\n".as_bytes())?;
    /// assert_eq!(p.len(), 2);
    ///
    /// let err = Panel::from_csv("entity,period,indicator,value\nA,2024,gdp\n".as_bytes()).unwrap_err();
    /// assert!(matches!(err, Error::ColumnCount { line: 2, expected: 4, found: 3, .. }));
    /// let err = Panel::from_csv("A,2024,gdp,1\n".as_bytes()).unwrap_err();
    /// assert!(matches!(err, Error::MissingHeader { line: 1, column: 1, .. }));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn from_csv<R: Read>(reader: R) -> Result<Panel> {
        let mut builder = Builder::new(COLUMNS, 2, false);
        let mut header = false;
        read::for_each_line_in(reader, |line, text, complete, tail| {
            let mut fields: [&[u8]; 4] = [b""; 4];
            if !header {
                header = true;
                return check_header(line, text, HEADER);
            }
            if let Some((entity, period, indicator, value)) = fast_row(text, tail) {
                if builder.push_packed(entity, period, indicator, Some(value)) {
                    return Ok(());
                }
            }
            let n = read::split(text, &mut fields);
            if n != 4 {
                return Err(column_count(line, text, 4, n, complete));
            }
            let [entity, period, indicator, value] = fields;
            let value =
                read::parse_value(value).map_err(|reason| bad_value(line, 4, value, reason))?;
            builder.push(line, entity, period, indicator, value)
        })?;
        if !header {
            return Err(Error::MissingHeader {
                line: 1,
                column: 1,
                expected: HEADER.to_owned(),
                found: String::new(),
            });
        }
        builder.finish()
    }

    /// Writes the panel as long CSV (`entity,period,indicator,value`), rows in
    /// panel order, values as plain decimals, a missing value as an empty
    /// cell. [`Panel::from_csv`] reads it back to an equal panel.
    ///
    /// # Errors
    ///
    /// [`Error::Unwritable`] for a key holding a comma, a quote or a line
    /// break; [`Error::Io`].
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::panel::Panel;
    /// use indstat::Period;
    /// use rust_decimal_macros::dec;
    ///
    /// let p = Panel::from_rows([("A", Period::year(2024)?, "gdp", Some(dec!(1.50)))])?;
    /// let mut out = Vec::new();
    /// p.write_csv(&mut out)?;
    /// assert_eq!(String::from_utf8(out).unwrap(), "entity,period,indicator,value\nA,2024,gdp,1.50\n");
    ///
    /// let bad = Panel::from_rows([("A,B", Period::year(2024)?, "gdp", None)])?;
    /// assert!(bad.write_csv(&mut Vec::new()).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn write_csv<W: Write>(&self, writer: W) -> Result<()> {
        self.check_writable("CSV")?;
        let mut w = std::io::BufWriter::with_capacity(1 << 16, writer);
        writeln!(w, "{HEADER}")?;
        for row in self.rows() {
            write!(w, "{},{},{},", row.entity, row.period, row.indicator)?;
            if let Some(v) = row.value {
                write!(w, "{v}")?;
            }
            w.write_all(b"\n")?;
        }
        w.flush()?;
        Ok(())
    }

    /// Refuses keys a plain CSV cell cannot hold.
    pub(crate) fn check_writable(&self, format: &'static str) -> Result<()> {
        let bad = |s: &str| {
            s.bytes()
                .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r' | b';'))
        };
        for (what, keys) in [("entity", &self.entities), ("indicator", &self.indicators)] {
            if let Some(k) = keys.iter().find(|k| bad(k)) {
                return Err(Error::Unwritable {
                    what,
                    text: k.clone(),
                    format,
                    reason: "it holds a comma, semicolon, quote or line break; rename it",
                });
            }
        }
        Ok(())
    }
}
