//! Reading panels: lines from any `io::Read` in chunks (the text is never
//! held whole), exact decimal cells, and the builder that interns keys in a
//! separate pass and indexes the series.

use std::io::Read;

use rust_decimal::Decimal;

use super::Panel;
use super::intern::{Keys, Small};
use super::swar;
use crate::{Error, ObsStatus, Period, Result};

/// Bytes read from the input at a time.
const CHUNK: usize = 1 << 20;

/// What a reader does with lines: an optional fast path over many whole
/// lines at once, and the general path for one line.
pub(crate) trait Lines {
    /// Reads the whole lines (each ended by `\n`) at the start of `data`
    /// that it can read exactly as [`Lines::line`] would, stopping at the
    /// first it cannot: the bytes and lines it used. `(0, 0)` hands the first
    /// line to [`Lines::line`].
    fn fast(&mut self, _data: &[u8]) -> (usize, u64) {
        (0, 0)
    }

    /// One line (`text`, without its `\n` or `\r\n`; `complete` is `false`
    /// for a last line with no line end).
    fn line(&mut self, line: u64, text: &[u8], complete: bool) -> Result<()>;

    /// Room for about `lines` more lines, once their number is estimated.
    fn reserve(&mut self, _lines: usize) {}
}

/// A closure taking each line, with no fast path.
struct EachLine<F>(F);

impl<F: FnMut(u64, &[u8], bool) -> Result<()>> Lines for EachLine<F> {
    fn line(&mut self, line: u64, text: &[u8], complete: bool) -> Result<()> {
        (self.0)(line, text, complete)
    }
}

/// Calls `row(line, bytes, complete)` for every line of `reader` (without its
/// `\n` or `\r\n`); `complete` is `false` for a last line with no line end.
pub(crate) fn for_each_line<R: Read>(
    reader: R,
    row: impl FnMut(u64, &[u8], bool) -> Result<()>,
) -> Result<()> {
    read_lines(reader, &mut EachLine(row), None)
}

/// The next `\n` in `data` at or after `from`: a few words scanned in place
/// (rows are short), then `memchr`.
#[inline]
fn next_newline(data: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    for _ in 0..4 {
        let rest = data.get(at..)?;
        if let Some(i) = swar::find(swar::load(rest), swar::splat(b'\n')) {
            // A zero byte of padding is never '\n': i < rest.len().
            return Some(at.wrapping_add(i));
        }
        at = at.saturating_add(16);
    }
    memchr::memchr(b'\n', data.get(at..)?).map(|i| at.wrapping_add(i))
}

/// The number of lines in `total` bytes of input, estimated from the
/// `sample` read first: its lines scaled up, with 1/16 to spare (the
/// columns are reserved once instead of doubling, which copies them while
/// reading). At most one line per two bytes, the most there can be.
fn estimate_lines(sample: &[u8], total: u64) -> usize {
    let lines = memchr::memchr_iter(b'\n', sample).count() as u64;
    let bytes = (sample.len() as u64).max(1);
    // Both factors below 2^64: the product fits a u128; bytes ≥ 1.
    let estimate = u128::from(total)
        .saturating_mul(u128::from(lines))
        .checked_div(u128::from(bytes))
        .unwrap_or(0);
    let estimate = estimate.saturating_add(estimate / 16).saturating_add(64);
    let most = u128::from(total / 2).saturating_add(1);
    usize::try_from(estimate.min(most)).unwrap_or(usize::MAX)
}

/// Reads `reader` in chunks and hands its lines to `lines`: runs of them to
/// its fast path, the others one by one. `total`, the input's length when
/// known (a file's), lets `lines` reserve its room from the first chunk.
pub(crate) fn read_lines<R: Read>(
    mut reader: R,
    lines: &mut impl Lines,
    total: Option<u64>,
) -> Result<()> {
    let mut buf = vec![0u8; CHUNK];
    let mut filled = 0usize;
    let mut line = 1u64;
    let mut total = total;
    loop {
        if filled == buf.len() {
            // A line longer than the buffer: grow it.
            buf.resize(buf.len().saturating_mul(2), 0);
        }
        let n = match reader.read(buf.get_mut(filled..).unwrap_or_default()) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e.into()),
        };
        if n == 0 {
            if let Some(rest) = buf.get(..filled).filter(|r| !r.is_empty()) {
                lines.line(line, strip_cr(rest), false)?;
            }
            return Ok(());
        }
        // The bytes before `filled` (a partial line) hold no line end.
        let mut from = filled;
        filled = filled.saturating_add(n).min(buf.len());
        let data = buf.get(..filled).unwrap_or_default();
        if let Some(total) = total.take() {
            lines.reserve(estimate_lines(data, total));
        }
        let mut start = 0usize;
        loop {
            let (used, count) = lines.fast(data.get(start..).unwrap_or_default());
            start = start.saturating_add(used);
            line = line.saturating_add(count);
            let Some(end) = next_newline(data, from.max(start)) else {
                break;
            };
            let text = strip_cr(data.get(start..end).unwrap_or_default());
            lines.line(line, text, true)?;
            line = line.saturating_add(1);
            start = end.saturating_add(1);
            from = start;
        }
        buf.copy_within(start..filled, 0);
        filled = filled.saturating_sub(start);
    }
}

#[inline]
fn strip_cr(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Splits `line` at commas into `fields`, returning how many there are (at
/// most `fields.len() + 1` are counted).
#[inline]
pub(crate) fn split<'a>(line: &'a [u8], fields: &mut [&'a [u8]]) -> usize {
    let mut count = 0usize;
    let mut start = 0usize;
    for comma in memchr::memchr_iter(b',', line) {
        match fields.get_mut(count) {
            Some(slot) => *slot = line.get(start..comma).unwrap_or_default(),
            None => return count.saturating_add(1),
        }
        count = count.saturating_add(1);
        start = comma.saturating_add(1);
    }
    match fields.get_mut(count) {
        Some(slot) => *slot = line.get(start..).unwrap_or_default(),
        None => return count.saturating_add(1),
    }
    count.saturating_add(1)
}

/// What to tell a user about a value cell.
pub(crate) const VALUE_HELP: &str = "write a plain decimal such as -1234.5678 (no exponent or grouping), with at most 28 significant digits, or leave the cell empty";

/// A plain decimal cell read exactly: `None` when empty. The fast path
/// accumulates up to 18 digits in a `u64`; longer cells go through
/// `Decimal::from_str_exact`, which refuses to round.
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
                    return parse_long(text, digits);
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
fn parse_long(text: &[u8], digits: &[u8]) -> core::result::Result<Option<Decimal>, &'static str> {
    if digits.iter().filter(|&&b| b == b'.').count() > 1
        || !digits.iter().all(|&b| b.is_ascii_digit() || b == b'.')
    {
        return Err("not a plain decimal");
    }
    let s = core::str::from_utf8(text).map_err(|_| "not a plain decimal")?;
    let value = Decimal::from_str_exact(s)
        .map_err(|_| "more than 28 significant digits or out of range: round it first")?;
    Ok(Some(if value.is_zero() {
        Decimal::ZERO
    } else {
        value
    }))
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

/// Field numbers (1-based) of the panel's columns in a file.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Columns {
    pub(crate) entity: usize,
    pub(crate) period: usize,
    pub(crate) indicator: usize,
    #[allow(dead_code)] // kept for symmetry with the other columns
    pub(crate) value: usize,
}

/// Rows as read, before interning and indexing.
#[derive(Debug)]
pub(crate) struct Builder {
    columns: Columns,
    /// The line of the first row; row `r` is on line `first_line + r`.
    first_line: u64,
    entities: Keys,
    period_ids: Small,
    periods: Vec<Period>,
    period: Vec<u32>,
    indicator_ids: Small,
    indicators: Vec<String>,
    indicator: Vec<u32>,
    value: super::values::Values,
    status: Option<Vec<ObsStatus>>,
}

impl Builder {
    pub(crate) fn new(columns: Columns, first_line: u64, with_status: bool) -> Builder {
        Builder {
            columns,
            first_line,
            entities: Keys::default(),
            period_ids: Small::default(),
            periods: Vec::new(),
            period: Vec::new(),
            indicator_ids: Small::default(),
            indicators: Vec::new(),
            indicator: Vec::new(),
            value: super::values::Values::default(),
            status: with_status.then(Vec::new),
        }
    }

    /// Adds one row. Keys are checked for emptiness here and for UTF-8 once
    /// per distinct key.
    #[inline]
    pub(crate) fn push(
        &mut self,
        line: u64,
        entity: &[u8],
        period: &[u8],
        indicator: &[u8],
        value: Option<Decimal>,
    ) -> Result<()> {
        if entity.is_empty() {
            return Err(empty(line, self.columns.entity, "an entity"));
        }
        let period = match self.period_ids.get(period) {
            Some(id) => id,
            None => self.new_period(line, period)?,
        };
        let indicator = match self.indicator_ids.get(indicator) {
            Some(id) => id,
            None => self.new_indicator(line, indicator)?,
        };
        self.entities.push(entity);
        self.period.push(period);
        self.indicator.push(indicator);
        self.value.push(value);
        Ok(())
    }

    /// Adds one row whose keys are packed by [`pack`](super::intern::pack)
    /// and whose value by [`plain`](super::values::plain)
    /// (the entity non-empty), when its period and indicator are already
    /// known; `false` (nothing added) otherwise, and the caller takes
    /// [`Builder::push`], which gives the same result or the error.
    #[inline]
    pub(crate) fn push_packed(
        &mut self,
        entity: u128,
        period: u128,
        indicator: u128,
        value: u64,
    ) -> bool {
        let (Some(period), Some(indicator)) = (
            self.period_ids.get_packed(period),
            self.indicator_ids.get_packed(indicator),
        ) else {
            return false;
        };
        self.entities.push_packed(entity);
        self.period.push(period);
        self.indicator.push(indicator);
        self.value.push_word(value);
        true
    }

    /// Makes room for about `rows` more rows in every column, when the
    /// allocator grants it (a hint: refused room costs nothing, and the
    /// columns then grow as rows come). A panel holds fewer than 2^32 rows.
    pub(crate) fn reserve(&mut self, rows: usize) {
        let rows = rows.min(u32::MAX as usize);
        // Each column on its own: one refused leaves the others their room.
        let _ = self.entities.try_reserve(rows);
        let _ = self.period.try_reserve(rows);
        let _ = self.indicator.try_reserve(rows);
        let _ = self.value.try_reserve(rows);
    }

    /// Adds the status of the row just pushed.
    pub(crate) fn push_status(&mut self, status: ObsStatus) {
        if let Some(s) = self.status.as_mut() {
            s.push(status);
        }
    }

    #[cold]
    fn new_period(&mut self, line: u64, text: &[u8]) -> Result<u32> {
        let column = self.columns.period;
        if text.is_empty() {
            return Err(empty(line, column, "a period"));
        }
        let period = parse_period(text).map_err(|reason| {
            let reason = format!("{reason}; write a year such as 2024, or 2024-Q1, 2024-M01");
            bad_cell(line, column, "a period", text, reason)
        })?;
        let id = match self.periods.iter().position(|p| *p == period) {
            Some(id) => id,
            None => {
                self.periods.push(period);
                self.periods.len().saturating_sub(1)
            }
        };
        let id = u32::try_from(id).map_err(|_| too_many("periods"))?;
        self.period_ids.insert(text, id);
        Ok(id)
    }

    #[cold]
    fn new_indicator(&mut self, line: u64, text: &[u8]) -> Result<u32> {
        let column = self.columns.indicator;
        if text.is_empty() {
            return Err(empty(line, column, "an indicator"));
        }
        let name = core::str::from_utf8(text).map_err(|_| Error::InvalidUtf8 { line, column })?;
        let id = u32::try_from(self.indicators.len()).map_err(|_| too_many("indicators"))?;
        self.indicators.push(name.to_owned());
        self.indicator_ids.insert(text, id);
        Ok(id)
    }

    /// Interns the last buffer of entities, orders the periods in time and
    /// indexes the series, refusing duplicates.
    pub(crate) fn finish(mut self) -> Result<Panel> {
        let rows = self.period.len();
        if u32::try_from(rows).is_err() {
            return Err(too_many("rows"));
        }
        // Room reserved from an estimate (or left by doubling) beyond an
        // eighth of the rows is given back: a panel holds no more than it
        // needs for long (a shrink moves no data of a large column).
        trim(&mut self.period);
        trim(&mut self.indicator);
        self.value.trim();
        let (mut entity, names, firsts) = self.entities.intern();
        trim(&mut entity);
        let mut entities = Vec::with_capacity(names.len());
        for (bytes, first) in names.into_iter().zip(firsts) {
            let line = self.first_line.saturating_add(u64::from(first));
            let name = String::from_utf8(bytes).map_err(|_| Error::InvalidUtf8 {
                line,
                column: self.columns.entity,
            })?;
            entities.push(name);
        }
        Panel::assemble(
            super::Parts {
                entities,
                periods: self.periods,
                indicators: self.indicators,
                entity,
                period: self.period,
                indicator: self.indicator,
                value: self.value,
                status: self.status,
            },
            self.first_line,
            self.columns.entity,
        )
    }
}

/// Gives back the room of `column` beyond an eighth of its length.
pub(crate) fn trim<T>(column: &mut Vec<T>) {
    if column.capacity().saturating_sub(column.len()) > column.len() / 8 {
        column.shrink_to_fit();
    }
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

fn empty(line: u64, column: usize, what: &'static str) -> Error {
    Error::InvalidCell {
        line,
        column,
        what,
        text: String::new(),
        reason: "the cell is empty; every row needs an entity, a period and an indicator"
            .to_owned(),
    }
}

fn too_many(what: &'static str) -> Error {
    Error::InvalidParameter {
        name: what,
        value: "more than 4294967295".to_owned(),
        reason: "a panel holds at most 4294967295 rows, entities, periods and indicators: split the input",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

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
        assert!(v("1.23456789012345678901234567890").is_err());
        assert!(v("99999999999999999999999999999999").is_err());
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

    #[test]
    fn lines_across_chunks() {
        let text: String = (0..300_000).map(|i| format!("{i}\n")).collect::<String>() + "tail";
        let mut count = 0u64;
        let mut last = (0u64, Vec::new(), true);
        for_each_line(text.as_bytes(), |line, bytes, complete| {
            count += 1;
            if complete {
                assert_eq!(bytes, (line - 1).to_string().as_bytes());
            }
            last = (line, bytes.to_vec(), complete);
            Ok(())
        })
        .unwrap();
        assert_eq!(count, 300_001);
        assert_eq!(last, (300_001, b"tail".to_vec(), false));
    }
}

/// Review of the room reserved from an input's length: the estimate never
/// exceeds one line per two bytes, never panics on any length, and a
/// builder asked for any room (even `usize::MAX` rows) neither panics nor
/// aborts.
#[cfg(test)]
mod review_s12 {
    #![allow(clippy::unwrap_used, clippy::arithmetic_side_effects)]

    use super::*;

    #[test]
    fn estimates_are_bounded() {
        let samples: [&[u8]; 6] = [
            b"",
            b"\n",
            b"\n\n\n\n",
            b"abc",
            b"a,b\nc,d\n",
            b"no line end",
        ];
        for sample in samples {
            for total in [0u64, 1, 2, 3, 100, 1 << 20, 1 << 40, u64::MAX - 1, u64::MAX] {
                let e = estimate_lines(sample, total) as u128;
                assert!(e <= u128::from(total / 2) + 1, "{sample:?} {total}: {e}");
                assert!(e >= 1, "{sample:?} {total}: {e}");
            }
        }
        // A sample of the whole input: its lines and 1/16 more (plus 64).
        let text = b"E1,2024,x,1\n".repeat(1000);
        let e = estimate_lines(&text, text.len() as u64);
        assert_eq!(e, 1000 + 1000 / 16 + 64);
    }

    #[test]
    fn any_reservation_is_only_a_hint() {
        let columns = Columns {
            entity: 1,
            period: 2,
            indicator: 3,
            value: 4,
        };
        for rows in [0usize, 1, 1 << 20, u32::MAX as usize, usize::MAX] {
            let mut b = Builder::new(columns, 2, false);
            b.reserve(rows);
            b.push(2, b"A", b"2024", b"x", None).unwrap();
            let p = b.finish().unwrap();
            assert_eq!(p.len(), 1);
        }
    }
}
