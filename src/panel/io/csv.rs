//! The long CSV format `entity,period,indicator,value`.

use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;

use super::builder::{Builder, Columns};
use super::cells::{bad_quoting, bad_value, column_count, missing_header, parse_value};
use super::lines::{self, Lines};
use super::quote::{self, cell};
use crate::panel::Panel;
use crate::panel::fast::{swar, values};
use crate::{Error, Result};

/// The long format's header.
const HEADER: &str = "entity,period,indicator,value";

const COLUMNS: Columns = Columns {
    entity: 1,
    period: 2,
    indicator: 3,
};

/// The header line checked: the first differing field, if any.
fn check_header(line: u64, found: &[u8], expected: &str) -> Result<()> {
    let found = found.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(found);
    if found == expected.as_bytes() {
        return Ok(());
    }
    // A header may be quoted (R's write.csv, pandas' QUOTE_ALL): compare
    // the fields.
    let mut fields = Vec::new();
    let split = quote::split(found, b',', &mut fields);
    let expected_fields: Vec<&str> = expected.split(',').collect();
    let column = match split {
        Err(e) => e.column,
        Ok(()) => {
            let differ = fields
                .iter()
                .zip(&expected_fields)
                .position(|(f, e)| **f != *e.as_bytes());
            match differ {
                Some(at) => at.saturating_add(1),
                None if fields.len() == expected_fields.len() => return Ok(()),
                None => fields.len().min(expected_fields.len()).saturating_add(1),
            }
        }
    };
    Err(missing_header(line, column, expected, found))
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

/// The common row at `at`, read without allocating: three short non-empty
/// keys, packed, whose period and indicator are known, and a plain unsigned
/// decimal of 1 to 16 bytes, then `\n` (or `\r\n`). `delimiters` are the
/// positions of the commas and line ends from `at` on. Where the next row
/// starts, once pushed; `None` (nothing pushed) for anything else: the
/// general path then reads the row and gives the same result or the error.
#[inline(always)]
fn fast_row(
    data: &[u8],
    at: usize,
    delimiters: &mut swar::Delimiters<'_>,
    builder: &mut Builder,
) -> Option<usize> {
    let ends = [
        delimiters.next_at()?,
        delimiters.next_at()?,
        delimiters.next_at()?,
        delimiters.next_at()?,
    ];
    let [a, b, c, end] = ends;
    let byte = |i: usize| data.get(i).copied();
    if byte(a) != Some(b',') || byte(b) != Some(b',') || byte(c) != Some(b',') {
        return None;
    }
    // The fourth delimiter is the line end (or a fifth field's comma).
    if byte(end) != Some(b'\n') {
        return None;
    }
    // Delimiters are in order and inside `data`: at ≤ a < b < c < end < len.
    let entity = swar::key(data, at, a)?;
    let period = swar::key(data, a.wrapping_add(1), b)?;
    let indicator = swar::key(data, b.wrapping_add(1), c)?;
    // A '\r' before the '\n' ends the line with it (`strip_cr`).
    let last = end.wrapping_sub(1);
    let value_end = if last > c && byte(last) == Some(b'\r') {
        last
    } else {
        end
    };
    let (mantissa, scale) = swar::decimal(data, c.wrapping_add(1), value_end)?;
    let value = values::plain(mantissa, scale)?;
    builder
        .push_packed(entity, period, indicator, value)
        .then(|| end.wrapping_add(1))
}

/// The long CSV reader's state: the header, then rows.
struct CsvLines {
    builder: Builder,
    header: bool,
    /// Whether rows may take the fast path, and for how many lines it
    /// stands back after reading none (tests compare the choices).
    fast: Option<u32>,
    /// Lines left to the general path before the fast one is tried again,
    /// after it read none: rows it cannot read (signs, empty values, long
    /// keys) then cost it little.
    skip: u32,
}

/// [`CsvLines::skip`] after the fast path read no row.
const SKIP: u32 = 8;

impl Lines for CsvLines {
    fn fast(&mut self, data: &[u8]) -> (usize, u64) {
        let (true, Some(backoff)) = (self.header, self.fast) else {
            return (0, 0);
        };
        if self.skip > 0 {
            self.skip = self.skip.wrapping_sub(1);
            return (0, 0);
        }
        let mut at = 0usize;
        let mut rows = 0u64;
        let mut delimiters = swar::Delimiters::new(data, 0);
        while let Some(next) = fast_row(data, at, &mut delimiters, &mut self.builder) {
            at = next;
            rows = rows.wrapping_add(1);
        }
        if rows == 0 {
            self.skip = backoff;
        }
        (at, rows)
    }

    fn reserve(&mut self, lines: usize) {
        self.builder.reserve(lines);
    }

    fn line(&mut self, line: u64, text: &[u8], complete: bool) -> Result<()> {
        if !self.header {
            self.header = true;
            return check_header(line, text, HEADER);
        }
        if text.contains(&b'"') {
            return self.quoted_line(line, text, complete);
        }
        let mut fields: [&[u8]; 4] = [b""; 4];
        let n = split(text, &mut fields);
        if n != 4 {
            return Err(column_count(line, text, 4, n, complete));
        }
        let [entity, period, indicator, value] = fields;
        self.push(line, [entity, period, indicator, value])
    }
}

impl CsvLines {
    /// One row's four fields pushed, the value read exactly.
    fn push(&mut self, line: u64, fields: [&[u8]; 4]) -> Result<()> {
        let [entity, period, indicator, value] = fields;
        let value = parse_value(value).map_err(|reason| bad_value(line, 4, value, reason))?;
        self.builder.push(line, entity, period, indicator, value)
    }

    /// A row with quoted fields (RFC 4180: `"A, Inc."`, `""` for a quote).
    #[cold]
    fn quoted_line(&mut self, line: u64, text: &[u8], complete: bool) -> Result<()> {
        let mut fields = Vec::with_capacity(4);
        quote::split(text, b',', &mut fields).map_err(|e| bad_quoting(line, text, e, complete))?;
        match fields.as_slice() {
            [entity, period, indicator, value] => {
                let fields = [&**entity, &**period, &**indicator, &**value];
                self.push(line, fields)
            }
            _ => Err(column_count(line, text, 4, fields.len(), complete)),
        }
    }
}

/// [`Panel::from_csv`], with the fast path (standing back for `fast` lines
/// after reading none) or without it (`None`); `total` is the input's length
/// when known.
fn read_csv<R: Read>(reader: R, fast: Option<u32>, total: Option<u64>) -> Result<Panel> {
    let mut lines = CsvLines {
        builder: Builder::new(COLUMNS, 2, false),
        header: false,
        fast,
        skip: 0,
    };
    lines::read_lines(reader, &mut lines, total)?;
    let CsvLines {
        builder, header, ..
    } = lines;
    if !header {
        return Err(missing_header(1, 1, HEADER, b""));
    }
    builder.finish()
}

impl Panel {
    /// Reads the long CSV format `entity,period,indicator,value` from any
    /// reader, in chunks (a 10-million-row file is never held as text).
    ///
    /// Rows may come in any order. Values are plain decimals of any sign with
    /// up to 28 significant digits, read exactly; an empty value cell is a
    /// missing value. Line ends may be `\n` or `\r\n`; a UTF-8 byte-order mark
    /// is skipped. A field may be quoted (RFC 4180: `"Rongchang, Chongqing"`,
    /// `""` for a quote inside); a line break inside quotes is refused, as
    /// each record is one line.
    ///
    /// Reading interns the keys, keeps each value in 8 bytes (exactly) and
    /// refuses duplicates; the series index that growth and series views
    /// use is built the first time one needs it, so a program that only
    /// ranks or takes cross-sections never pays for it.
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
        read_csv(reader, Some(SKIP), None)
    }

    /// Reads a long CSV file, as [`Panel::from_csv`] reads any reader; the
    /// file's length lets the columns be sized once from the first chunk
    /// instead of growing (and being copied) as rows come.
    ///
    /// # Errors
    ///
    /// Those of [`Panel::from_csv`]; [`Error::Io`] naming the path when the
    /// file cannot be opened or read.
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::panel::Panel;
    /// use indstat::Error;
    ///
    /// let path = std::env::temp_dir().join("indstat-from-csv-file.csv");
    /// std::fs::write(&path, "entity,period,indicator,value\nA,2024,gdp,1.5\n").unwrap();
    /// let p = Panel::from_csv_file(&path)?;
    /// assert_eq!(p.len(), 1);
    ///
    /// let err = Panel::from_csv_file("no/such/file.csv").unwrap_err();
    /// assert!(matches!(&err, Error::Io { message } if message.starts_with("no/such/file.csv: ")));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn from_csv_file(path: impl AsRef<Path>) -> Result<Panel> {
        let path = path.as_ref();
        let read = || {
            let file = File::open(path)?;
            let total = file.metadata().ok().map(|m| m.len());
            read_csv(file, Some(SKIP), total)
        };
        read().map_err(|e| match e {
            Error::Io { message } => Error::Io {
                message: format!("{}: {message}", path.display()),
            },
            other => other,
        })
    }

    /// Writes the panel as long CSV (`entity,period,indicator,value`), rows in
    /// panel order, values as plain decimals, a missing value as an empty
    /// cell. [`Panel::from_csv`] reads it back to an equal panel.
    ///
    /// # Errors
    ///
    /// [`Error::Unwritable`] for a key holding a line break; [`Error::Io`].
    /// A key holding a comma or a quote is written quoted (RFC 4180).
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::panel::Panel;
    /// use indstat::Period;
    /// use indstat::dec;
    ///
    /// let p = Panel::from_rows([("A", Period::year(2024)?, "gdp", Some(dec!(1.50)))])?;
    /// let mut out = Vec::new();
    /// p.write_csv(&mut out)?;
    /// assert_eq!(String::from_utf8(out).unwrap(), "entity,period,indicator,value\nA,2024,gdp,1.50\n");
    ///
    /// let quoted = Panel::from_rows([("A, Inc.", Period::year(2024)?, "gdp", None)])?;
    /// let mut out = Vec::new();
    /// quoted.write_csv(&mut out)?;
    /// assert!(String::from_utf8(out).unwrap().ends_with("\"A, Inc.\",2024,gdp,\n"));
    /// let bad = Panel::from_rows([("A\nB", Period::year(2024)?, "gdp", None)])?;
    /// assert!(bad.write_csv(&mut Vec::new()).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn write_csv<W: Write>(&self, writer: W) -> Result<()> {
        self.check_writable("CSV")?;
        let mut w = std::io::BufWriter::with_capacity(1 << 16, writer);
        writeln!(w, "{HEADER}")?;
        for row in self.rows() {
            let (entity, indicator) = (cell(row.entity, b','), cell(row.indicator, b','));
            write!(w, "{entity},{},{indicator},", row.period)?;
            if let Some(v) = row.value {
                write!(w, "{v}")?;
            }
            w.write_all(b"\n")?;
        }
        w.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects,
        clippy::panic
    )]

    use super::*;
    use proptest::prelude::*;

    /// A reader handing out its bytes in pieces of the given sizes (in turn),
    /// so rows straddle the reader's chunks.
    struct Pieces<'a> {
        bytes: &'a [u8],
        sizes: Vec<usize>,
        turn: usize,
    }

    impl Read for Pieces<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let size = self.sizes[self.turn % self.sizes.len()]
                .min(buf.len())
                .min(self.bytes.len());
            self.turn += 1;
            let (head, rest) = self.bytes.split_at(size);
            buf[..size].copy_from_slice(head);
            self.bytes = rest;
            Ok(size)
        }
    }

    fn arb_csv() -> impl Strategy<Value = Vec<u8>> {
        let entity = prop_oneof![
            4 => "E[0-9]{1,3}",
            1 => "[A-Z0-9\\r\"é]{0,17}",
        ];
        let period = prop_oneof![
            4 => "20(1[5-9]|2[0-4])",
            1 => prop::sample::select(vec!["", "20x4", "2024-Q1", "2024\r", "0000"]).prop_map(str::to_owned),
        ];
        let indicator = prop_oneof![
            4 => prop::sample::select(vec!["revenue", "x", "an indicator name"]).prop_map(str::to_owned),
            1 => prop::sample::select(vec!["", "a,b", "r\u{e9}", "\u{ff}"]).prop_map(str::to_owned),
        ];
        let value = prop_oneof![
            4 => "[0-9]{1,9}(\\.[0-9]{0,5})?",
            1 => "[0-9.\\-+e ]{0,19}",
        ];
        lines((entity, period, indicator, value))
    }

    /// A file of rows made of the four fields' strategies, with assorted
    /// line ends and, at random, its last line end cut off.
    fn lines(
        fields: impl Strategy<Value = (String, String, String, String)>,
    ) -> impl Strategy<Value = Vec<u8>> {
        let end = prop::sample::select(vec!["\n", "\n", "\n", "\r\n", ",\n", "\n\n"]);
        let row = (fields, end).prop_map(|((e, p, i, v), end)| format!("{e},{p},{i},{v}{end}"));
        (prop::collection::vec(row, 0..60), any::<bool>()).prop_map(|(rows, trim)| {
            let mut text = format!("{HEADER}\n{}", rows.concat()).into_bytes();
            if trim {
                text.pop();
            }
            text
        })
    }

    /// Room reserved from a length far above the truth is given back when
    /// reading ends: the panel holds about what its rows need.
    #[test]
    fn an_overestimate_is_given_back() {
        let rows: String = (0..100).map(|e| format!("E{e},2024,x,1.5\n")).collect();
        let text = format!("{HEADER}\n{rows}");
        let p = read_csv(text.as_bytes(), Some(SKIP), Some(1 << 30)).unwrap();
        assert_eq!(p.len(), 100);
        for capacity in [
            p.period.capacity(),
            p.indicator.capacity(),
            p.entity.capacity(),
            p.value.capacity(),
        ] {
            assert!((100..=112).contains(&capacity), "{capacity}");
        }
    }

    proptest! {
        /// The fast path changes nothing: the same panel or the same error,
        /// whole or read in pieces, with quoted (and badly quoted) fields too;
        /// nor does the length given for reserving room, true or false.
        #[test]
        fn fast_path_equals_general_path(
            text in prop_oneof![arb_csv().boxed(), arb_quoted_csv().boxed()],
            sizes in prop::collection::vec(1usize..200, 1..5),
            wrong_total in prop_oneof![Just(0u64), Just(u64::MAX), any::<u64>(), 0u64..100_000],
        ) {
            let general = read_csv(text.as_slice(), None, None);
            let true_total = text.len() as u64;
            for backoff in [0, SKIP] {
                for total in [None, Some(true_total), Some(wrong_total)] {
                    prop_assert_eq!(&read_csv(text.as_slice(), Some(backoff), total), &general);
                }
                let pieces = Pieces { bytes: &text, sizes: sizes.clone(), turn: 0 };
                prop_assert_eq!(&read_csv(pieces, Some(backoff), Some(true_total)), &general);
            }
        }
    }

    /// A field as a file may hold it: plain, quoted (inner quotes doubled),
    /// or (rarely) malformed around quotes.
    fn arb_field(plain: BoxedStrategy<String>) -> impl Strategy<Value = String> {
        (plain, 0u8..10).prop_map(|(f, how)| match how {
            0..=4 => f,
            5..=7 => format!("\"{}\"", f.replace('"', "\"\"")),
            8 => format!("\"{f}"),
            _ => format!("{f}\""),
        })
    }

    fn arb_quoted_csv() -> impl Strategy<Value = Vec<u8>> {
        let entity = prop_oneof![
            4 => "E[0-9]{1,3}",
            1 => "[A-Z0-9,\r\"é ]{0,17}",
        ]
        .boxed();
        let period = prop_oneof![
            4 => "20(1[5-9]|2[0-4])",
            1 => prop::sample::select(vec!["", "20x4", "2024-Q1", "2024\r", "0000"]).prop_map(str::to_owned),
        ]
        .boxed();
        let indicator = prop_oneof![
            4 => prop::sample::select(vec!["revenue", "x", "an indicator name"]).prop_map(str::to_owned),
            1 => prop::sample::select(vec!["", "a,b", "a\"b", "r\u{e9}", "\u{ff}"]).prop_map(str::to_owned),
        ]
        .boxed();
        let value = prop_oneof![
            4 => "[0-9]{1,9}(\\.[0-9]{0,5})?",
            1 => "[0-9.\\-+e \",]{0,19}",
        ]
        .boxed();
        lines((
            arb_field(entity),
            arb_field(period),
            arb_field(indicator),
            arb_field(value),
        ))
    }

    proptest! {
        /// Quoting every field that need not be quoted (periods and values
        /// too, `""` for an empty value) reads to the same panel or error.
        #[test]
        fn quoting_every_field_changes_nothing(
            rows in prop::collection::vec((
                "E[0-9]{1,2}|[A-Za-z ;]{1,6}",
                prop::sample::select(vec!["2020", "2021", "2024-Q1", "2022-M03", "20x4"]),
                prop::sample::select(vec!["gdp", "x", "an indicator"]),
                "|-?[0-9]{1,6}(\\.[0-9]{0,4})?|1e5",
            ), 0..30),
            crlf in any::<bool>(),
        ) {
            let end = if crlf { "\r\n" } else { "\n" };
            let mut plain = format!("{HEADER}{end}");
            let mut quoted = plain.clone();
            for (e, p, i, v) in &rows {
                plain.push_str(&format!("{e},{p},{i},{v}{end}"));
                quoted.push_str(&format!("\"{e}\",\"{p}\",\"{i}\",\"{v}\"{end}"));
            }
            let a = read_csv(plain.as_bytes(), Some(SKIP), None);
            let b = read_csv(quoted.as_bytes(), Some(SKIP), None);
            // Errors may quote the row's text; compare the panels, and the
            // error kinds and positions.
            match (&a, &b) {
                (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
                (Err(x), Err(y)) => {
                    prop_assert_eq!(std::mem::discriminant(x), std::mem::discriminant(y), "{} vs {}", x, y);
                    let at = |e: &crate::Error| e.to_string().split(':').next().map(str::to_owned);
                    prop_assert_eq!(at(x), at(y), "{} vs {}", x, y);
                }
                _ => prop_assert!(false, "{:?} vs {:?}", a, b),
            }
        }
    }

    #[test]
    fn fast_path_reads_long_files() {
        let mut text = format!("{HEADER}\n");
        for i in 0..100_000u32 {
            text.push_str(&format!(
                "E{:07},{},rev,{}.{:04}\n",
                i / 10,
                2015 + i % 10,
                i * 7919 % 100_000,
                i % 10_000
            ));
        }
        text.push_str("E0000001,2015,rev,1e5\n");
        let general = read_csv(text.as_bytes(), None, None);
        assert_eq!(read_csv(text.as_bytes(), Some(SKIP), None), general);
        assert!(general.is_err());
        let text = &text[..text.len() - 22];
        let fast = read_csv(text.as_bytes(), Some(SKIP), None).unwrap();
        assert_eq!(Ok(&fast), read_csv(text.as_bytes(), None, None).as_ref());
        assert_eq!(fast.len(), 100_000);
    }

    /// The panel's rows as (entity id, packed value word), and its entities.
    fn words(p: &Panel) -> (Vec<(u32, u64)>, Vec<String>) {
        let rows = (0..p.len())
            .map(|r| (p.entity[r], p.value.word(r)))
            .collect();
        (rows, p.entities.clone())
    }

    fn assert_same(text: &[u8]) {
        let general = read_csv(text, None, None);
        let want = general.as_ref().map(words);
        for fast in [Some(0), Some(SKIP)] {
            for total in [
                None,
                Some(0),
                Some(1),
                Some(text.len() as u64),
                Some(u64::MAX / 3),
                Some(u64::MAX),
            ] {
                let got = read_csv(text, fast, total);
                match (&got, &general) {
                    (Ok(g), Ok(_)) => assert_eq!(Ok(words(g)), want, "{fast:?} {total:?}"),
                    (Err(a), Err(b)) => assert_eq!(a, b),
                    _ => panic!("{got:?} vs {general:?}"),
                }
            }
        }
    }

    proptest! {
        /// The value words the fast path packs itself: every row's packed
        /// value word and entity id are those of the general path, for any
        /// room reserved from a length (`Panel`'s `==` compares values as
        /// numbers, `1.0 == 1.00`, so it cannot see a scale packed wrongly).
        #[test]
        fn fast_words_and_ids_are_the_general_ones(
            rows in prop::collection::vec((
                prop_oneof![
                    4 => "E[0-9]{1,4}",
                    1 => "[a-z]{8}|[a-z]{15}|[a-z]{16}|[a-z]{7}|[a-z]{9}",
                    1 => "[a-zé中]{1,12}",
                ],
                prop::sample::select(vec!["2022", "2023", "2024"]),
                prop::sample::select(vec!["gdp", "revenue"]),
                prop_oneof![
                    3 => "[0-9]{1,16}",
                    3 => "[0-9]{0,8}\\.[0-9]{0,8}",
                    1 => "0{1,8}(\\.0{0,8})?",
                    1 => "[0-9]{1,15}\\.|\\.[0-9]{1,15}",
                    1 => "[0-9]{17,20}",
                    1 => "-?[0-9]{1,6}",
                ],
                any::<bool>(),
            ), 1..120),
        ) {
            let mut text = format!("{HEADER}\n");
            let mut seen = std::collections::HashSet::new();
            for (e, p, i, v, crlf) in &rows {
                if seen.insert((e.clone(), *p, *i)) && v != "." {
                    let end = if *crlf { "\r\n" } else { "\n" };
                    text.push_str(&format!("{e},{p},{i},{v}{end}"));
                }
            }
            assert_same(text.as_bytes());
        }
    }

    /// 16-byte values (the longest the fast path packs), zeros at every
    /// scale, and each of `.5` and `5.`: word for word as `Values::push`.
    #[test]
    fn edge_values_pack_as_pushed() {
        let mut text = format!("{HEADER}\nS,2024,x,1\n");
        let mut values: Vec<String> = vec![
            ".5".into(),
            "5.".into(),
            "0.".into(),
            ".0".into(),
            "9999999999999999".into(),
            "999999999999999.9".into(),
            ".999999999999999".into(),
            "1000000000000000".into(),
        ];
        for s in 0..=15usize {
            values.push(format!("0.{}", "0".repeat(s)));
            values.push(format!("{}.{}", "7".repeat(15 - s), "3".repeat(s)));
        }
        for (i, v) in values.iter().enumerate() {
            text.push_str(&format!("E{i},2024,x,{v}\n"));
        }
        assert_same(text.as_bytes());
        let p = read_csv(text.as_bytes(), Some(0), None).unwrap();
        for (i, v) in values.iter().enumerate() {
            let mut pushed = values::Values::default();
            pushed.push(parse_value(v.as_bytes()).unwrap());
            assert_eq!(p.value.word(i + 1), pushed.word(0), "{v}");
        }
    }
}
