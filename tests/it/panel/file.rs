//! Reading a file: `Panel::from_csv_file` reads a file as `Panel::from_csv`
//! reads the same bytes (digit for digit, ids in first-appearance order),
//! whatever the file's shape: edge cases, the values and keys its fast paths
//! pack, many entities, first chunks without a line end, random files. I/O
//! errors name the path.

use std::collections::HashMap;
use std::path::PathBuf;

use indstat::Error;
use indstat::panel::Panel;
use proptest::prelude::*;
use rust_decimal::Decimal;

const HEADER: &str = "entity,period,indicator,value";

/// A file of its own in the temporary directory, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> TempFile {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!(
            "indstat-test-file-{}-{n}-{name}.csv",
            std::process::id()
        ));
        std::fs::write(&path, bytes).unwrap();
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Every row's fields, the value serialized (mantissa, scale and sign).
type Rows = Vec<(String, String, String, Option<[u8; 16]>)>;

fn rows(p: &Panel) -> Rows {
    p.rows()
        .map(|r| {
            (
                r.entity.to_owned(),
                r.period.to_string(),
                r.indicator.to_owned(),
                r.value.map(|v| v.serialize()),
            )
        })
        .collect()
}

/// `from_csv_file` and `from_csv` on the same bytes: the same rows, digit
/// for digit, the same entity order, or the same error.
fn file_equals_reader(name: &str, bytes: &[u8]) -> Result<Panel, Error> {
    let file = TempFile::new(name, bytes);
    let from_file = Panel::from_csv_file(&file.0);
    let from_reader = Panel::from_csv(bytes);
    match (&from_file, &from_reader) {
        (Ok(a), Ok(b)) => {
            assert_eq!(rows(a), rows(b), "{name}");
            assert_eq!(a.entities(), b.entities(), "{name}");
            assert_eq!(a.periods(), b.periods(), "{name}");
            assert_eq!(a.indicators(), b.indicators(), "{name}");
        }
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{name}"),
        _ => panic!("{name}: {from_file:?} vs {from_reader:?}"),
    }
    from_reader
}

/// A plain unsigned decimal as the reader's contract reads it: the digits as
/// the mantissa, the digits after the dot as the scale (`5.` has scale 0,
/// `.5` scale 1, `0.000` is zero at scale 3).
fn plain_decimal(text: &str) -> Decimal {
    let scale = text.find('.').map_or(0, |dot| text.len() - dot - 1) as u32;
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    Decimal::from_i128_with_scale(digits.parse::<i128>().unwrap(), scale)
}

#[test]
fn edge_case_files_read_as_readers_read() {
    let cases: Vec<(&str, String)> = vec![
        ("empty", String::new()),
        ("header-only", format!("{HEADER}\n")),
        ("header-no-newline", HEADER.to_owned()),
        ("header-crlf", format!("{HEADER}\r\n")),
        ("bom", format!("\u{feff}{HEADER}\nA,2024,x,1\n")),
        (
            "no-trailing-newline",
            format!("{HEADER}\nA,2024,x,1\nB,2024,x,2.5"),
        ),
        (
            "crlf",
            format!("{HEADER}\r\nA,2024,x,1\r\nB,2024,x,2.50\r\nC,2024,x,\r\n"),
        ),
        (
            "only-cr-in-value",
            format!("{HEADER}\nA,2024,x,1\nB,2024,x,\r\n"),
        ),
        (
            "bare-cr-key",
            format!("{HEADER}\nA,2024,x,1\nB\r,2024,x,2\n"),
        ),
        (
            "quoted",
            format!("{HEADER}\nA,2024,x,1\n\"B, Inc.\",2024,x,\"2.5\"\n"),
        ),
        ("bad-value", format!("{HEADER}\nA,2024,x,1\nB,2024,x,1e5\n")),
        (
            "signed",
            format!("{HEADER}\nA,2024,x,1\nB,2024,x,-0\nC,2024,x,+7.0\n"),
        ),
        ("dup", format!("{HEADER}\nA,2024,x,1\nA,2024,x,1\n")),
        (
            "five-fields",
            format!("{HEADER}\nA,2024,x,1\nB,2024,x,1,\n"),
        ),
        ("three-fields", format!("{HEADER}\nA,2024,x,1\nB,2024,x\n")),
        (
            "blank-line",
            format!("{HEADER}\nA,2024,x,1\n\nB,2024,x,1\n"),
        ),
    ];
    for (name, text) in &cases {
        let _ = file_equals_reader(name, text.as_bytes());
    }
}

/// The values the fast path packs itself (1 to 16 bytes of digits and one
/// dot) come back as the general parser reads them: mantissa and scale.
#[test]
fn plain_values_keep_their_digits() {
    let values = [
        "0",
        "0.0",
        "0.000",
        "000",
        "0000000000000000",
        "0.00000000000000",
        ".5",
        "5.",
        ".0",
        "0.",
        "1.50",
        "1004.0000",
        "12345678",
        "123456789",
        "1234567.8",
        "12345678.9",
        "9999999999999999",
        "999999999999999.9",
        ".999999999999999",
        "9.999999999999999",
        "1000000000000000",
        "0000000000000001",
        "99999999999999999",
        "1.0000000000000000",
        "123456789012345678",
    ];
    let mut text = format!("{HEADER}\n");
    // A first row for the general path to learn the period and indicator,
    // then the values the fast path can take, three times over (it stands
    // back for a few lines after one it cannot read: the first copies are
    // read by the general path, the later ones by the fast path), then the
    // longer ones.
    text.push_str("seed,2024,x,1\n");
    let (short, long): (Vec<&str>, Vec<&str>) = values.iter().copied().partition(|v| v.len() <= 16);
    let mut order: Vec<&str> = Vec::new();
    for _ in 0..3 {
        order.extend(&short);
    }
    order.extend(&long);
    for (i, v) in order.iter().enumerate() {
        text.push_str(&format!("E{i},2024,x,{v}\n"));
    }
    let p = file_equals_reader("plain-values", text.as_bytes()).unwrap();
    {
        for (i, v) in order.iter().enumerate() {
            let got = p.value(i + 1).unwrap();
            let want = plain_decimal(v);
            assert_eq!(got.serialize(), want.serialize(), "{v}: {got} vs {want}");
        }
    }
}

/// Keys of every length around the packed (15 bytes) and word (8 bytes)
/// boundaries, non-ASCII ones, and long ones (through the side table).
#[test]
fn keys_around_packing_boundaries() {
    let mut text = format!("{HEADER}\n");
    let mut want = Vec::new();
    for len in 1..=40usize {
        for fill in ["a", "é", "中"] {
            let key: String = fill.repeat(len);
            for period in ["2023", "2024"] {
                text.push_str(&format!("{key},{period},revenue,{len}.{period}\n"));
            }
            if !want.contains(&key) {
                want.push(key);
            }
        }
    }
    let p = file_equals_reader("keys", text.as_bytes()).unwrap();
    assert_eq!(p.entities(), want.as_slice());
}

/// Many distinct entities (short, exactly 8/15/16 bytes, long), repeated in
/// a scrambled order: more than the interner's 16k-row buffer and several
/// table growths. Every row keeps its entity, and the entities come in order
/// of first appearance, as a `HashMap` numbering them would give.
#[test]
fn interning_matches_a_hash_map_across_flushes_and_growths() {
    let name = |i: u64| -> String {
        match i % 7 {
            0 => format!("E{i}"),
            1 => format!("{i:0>8}"),
            2 => format!("{i:0>15}"),
            3 => format!("{i:0>16}"),
            4 => format!("long-entity-name-{i:0>12}"),
            5 => format!("é{i}"),
            _ => format!("{i:x}"),
        }
    };
    let mut state = 0x1234_5678_u64;
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        state >> 33
    };
    let mut text = format!("{HEADER}\n");
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut order = Vec::new();
    let mut cells = std::collections::HashSet::new();
    let mut expected_rows = Vec::new();
    while expected_rows.len() < 70_000 {
        let e = name(next() % 30_000);
        let year = 2000 + (next() % 24) as i32;
        if !cells.insert((e.clone(), year)) {
            continue;
        }
        if !seen.contains_key(&e) {
            seen.insert(e.clone(), order.len());
            order.push(e.clone());
        }
        let v = format!("{}.{:02}", next() % 1_000_000, next() % 100);
        text.push_str(&format!("{e},{year},revenue,{v}\n"));
        expected_rows.push((e, v));
    }
    let p = file_equals_reader("many", text.as_bytes()).unwrap();
    assert_eq!(p.entities(), order.as_slice());
    assert_eq!(p.len(), expected_rows.len());
    for (r, (e, v)) in p.rows().zip(&expected_rows) {
        assert_eq!(r.entity, e);
        assert_eq!(
            r.value.map(|d| d.serialize()),
            Some(plain_decimal(v).serialize())
        );
    }
}

/// Files whose first chunk (1 MiB) holds no line end, or exactly one: the
/// length estimate from it must not matter.
#[test]
fn first_chunk_without_line_end() {
    let long = "L".repeat(1_500_000);
    // A header line longer than the chunk: an error either way.
    let _ = file_equals_reader(
        "long-header",
        format!("{HEADER}{long}\nA,2024,x,1\n").as_bytes(),
    );
    // A row longer than the chunk right after the header.
    let text = format!("{HEADER}\n{long},2024,x,1\nA,2024,x,2\nB,2024,x,3");
    let p = file_equals_reader("long-row", text.as_bytes()).unwrap();
    assert_eq!(p.len(), 3);
    // Many tiny rows after a long first row: the estimate is far too low.
    let mut text = format!("{HEADER}\n{long},2024,x,1\n");
    for i in 0..200_000 {
        text.push_str(&format!("{i},2024,x,{i}\n"));
    }
    assert_eq!(
        file_equals_reader("long-then-short", text.as_bytes())
            .unwrap()
            .len(),
        200_001
    );
    // Many tiny rows then long ones: the estimate is far too high (capped).
    let mut text = format!("{HEADER}\n");
    for i in 0..100_000 {
        text.push_str(&format!("{i},2024,x,{i}\n"));
    }
    for i in 0..20 {
        text.push_str(&format!("{long}{i},2024,x,{i}\n"));
    }
    assert_eq!(
        file_equals_reader("short-then-long", text.as_bytes())
            .unwrap()
            .len(),
        100_020
    );
}

#[test]
fn io_errors_name_the_path() {
    let missing = std::env::temp_dir().join("indstat-test-no-such-dir/none.csv");
    let err = Panel::from_csv_file(&missing).unwrap_err();
    let prefix = format!("{}: ", missing.display());
    assert!(
        matches!(&err, Error::Io { message } if message.starts_with(&prefix)),
        "{err}"
    );
    // A directory opens on Unix but cannot be read: the read error names it.
    let dir = std::env::temp_dir();
    let err = Panel::from_csv_file(&dir).unwrap_err();
    let prefix = format!("{}: ", dir.display());
    assert!(
        matches!(&err, Error::Io { message } if message.starts_with(&prefix)),
        "{err}"
    );
    // Errors that are not I/O keep their own message.
    let file = TempFile::new("bad-header", b"a,b,c,d\n");
    let err = Panel::from_csv_file(&file.0).unwrap_err();
    assert!(matches!(err, Error::MissingHeader { .. }), "{err}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Random files of plain, quoted, CRLF and malformed rows: a file reads
    /// exactly as the same bytes from a reader.
    #[test]
    fn random_files_read_as_readers_read(
        rows in prop::collection::vec((
            prop_oneof![4 => "E[0-9]{1,3}", 1 => "[A-Za-z0-9é中]{1,20}", 1 => "[A-Z0-9,\"\r]{0,17}"],
            prop::sample::select(vec!["2023", "2024", "2024-Q1", "20x4", ""]),
            prop::sample::select(vec!["gdp", "revenue", "an indicator name", "r\u{e9}"]),
            prop_oneof![
                4 => "[0-9]{1,16}",
                4 => "[0-9]{0,9}\\.[0-9]{0,9}",
                1 => "[0-9]{17,30}(\\.[0-9]{0,3})?",
                1 => "[-+]?[0-9.e \"]{0,19}",
            ],
            prop::sample::select(vec!["\n", "\n", "\r\n", ",\n"]),
        ), 0..80),
        trim in any::<bool>(),
    ) {
        let mut text = format!("{HEADER}\n");
        for (e, p, i, v, end) in &rows {
            text.push_str(&format!("{e},{p},{i},{v}{end}"));
        }
        if trim {
            text.pop();
        }
        let _ = file_equals_reader("random", text.as_bytes());
    }
}
