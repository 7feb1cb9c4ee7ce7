//! The built-in Rongchang dataset checked against the table it was built from.
//!
//! Expected values come from `tests/data/figures.md` (the table of the
//! article's figures) and from `tests/data/article.txt` (the article's text),
//! verbatim copies of the files the dataset was commissioned with
//! (`tests/data/README.md`). Both are read at compile time, so the test needs
//! nothing outside the repository; when `INDSTAT_SEED_DIR` names a folder
//! holding the originals, the copies are also checked against them (their
//! SHA-256 is pinned either way). Kinds, themes, scopes and price bases are
//! not in the table: they come from the dataset's specification (the task that
//! commissioned `indstat::datasets::rongchang`) and are listed here explicitly.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use indstat::datasets::rongchang::{self, Theme};
use indstat::dec;
use indstat::{
    Bound, Decimal, EntityId, Figure, Kind, ObsStatus, Period, PriceBasis, Quantity, Scope, Truth,
    Unit,
};
use rust_decimal::RoundingStrategy;

const FIGURES: &str = include_str!("../data/figures.md");
const ARTICLE: &str = include_str!("../data/article.txt");

/// One Markdown table: its header cells and its rows, each a map from header
/// to cell.
struct Table {
    rows: Vec<BTreeMap<String, String>>,
}

impl Table {
    /// The table that follows the heading `## {title}` in figures.md, checked
    /// to have exactly the header `header`.
    fn under(title: &str, header: &[&str]) -> Table {
        let heading = format!("## {title}");
        let mut lines = FIGURES.lines().skip_while(|l| l.trim() != heading).skip(1);
        assert!(
            FIGURES.lines().any(|l| l.trim() == heading),
            "figures.md has no heading {heading:?}"
        );
        let table: Vec<&str> = lines
            .by_ref()
            .skip_while(|l| !l.starts_with('|'))
            .take_while(|l| l.starts_with('|'))
            .collect();
        assert!(table.len() >= 2, "{title}: no table");
        let got_header = cells(table[0]);
        assert_eq!(got_header, header, "{title}: header changed");
        assert!(
            cells(table[1])
                .iter()
                .all(|c| c.chars().all(|ch| ch == '-')),
            "{title}: second line is not a separator"
        );
        let rows = table[2..]
            .iter()
            .map(|line| {
                let cs = cells(line);
                assert_eq!(cs.len(), header.len(), "{title}: {line}");
                header
                    .iter()
                    .map(|h| (*h).to_owned())
                    .zip(cs)
                    .collect::<BTreeMap<_, _>>()
            })
            .collect();
        Table { rows }
    }
}

/// The cells of a Markdown table line, trimmed. No cell of figures.md
/// contains `|`.
fn cells(line: &str) -> Vec<String> {
    let inner = line.trim();
    let inner = inner.strip_prefix('|').unwrap_or(inner);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').map(|c| c.trim().to_owned()).collect()
}

const OBSERVED_HEADER: &[&str] = &["#", "source phrase", "English", "value", "unit", "notes"];
const TARGET_HEADER: &[&str] = &[
    "#",
    "source phrase",
    "English",
    "value",
    "unit",
    "deadline",
    "notes",
];

fn observed_table() -> Table {
    Table::under("Observed values", OBSERVED_HEADER)
}

fn target_table() -> Table {
    Table::under("Targets", TARGET_HEADER)
}

/// Reads a value cell: `755`, `≥ 6`, `> 4000`, `≤ 100`, `+17`.
fn value_cell(cell: &str) -> (Bound, Decimal) {
    let (bound, number) = if let Some(n) = cell.strip_prefix("≥ ") {
        (Bound::AtLeast, n)
    } else if let Some(n) = cell.strip_prefix("> ") {
        (Bound::MoreThan, n)
    } else if let Some(n) = cell.strip_prefix("≤ ") {
        (Bound::AtMost, n)
    } else if let Some(n) = cell.strip_prefix("< ") {
        (Bound::LessThan, n)
    } else if let Some(n) = cell.strip_prefix('+') {
        // A signed change: +17 places is an exact rise of 17.
        (Bound::Exact, n)
    } else {
        (Bound::Exact, cell)
    };
    let number = Decimal::from_str_exact(number)
        .unwrap_or_else(|e| panic!("value cell {cell:?} is not a number: {e}"));
    (bound, number)
}

/// The unit code (`indstat::Unit`'s `Display`) a unit cell stands for, and
/// for a count above a size ("enterprises with output ≥ 10亿元") the size.
fn unit_cell(cell: &str) -> (Unit, Option<Figure>) {
    let (base, threshold) = match cell.split_once(" with output ≥ ") {
        Some((base, size)) => {
            let size: Quantity = size.parse().unwrap();
            (base, Some(Figure::new(Bound::AtLeast, size)))
        }
        None => (cell, None),
    };
    let code = match base {
        "enterprises" => "enterprises",
        "亿元" => "yuan*1e8",
        "%" => "percent",
        "places" => "rank_change",
        "rank" => "rank",
        "km²" => "km2",
        "projects" => "projects",
        "problems" => "problems",
        "items" => "items",
        "people" => "people",
        "platforms" => "platforms",
        "patents per 10^4 people" => "patents_per_10k_people",
        other => panic!("unit cell {other:?} is not mapped to a unit"),
    };
    (code.parse().unwrap(), threshold)
}

/// Reads a deadline cell: a year, or `none stated`.
fn deadline_cell(cell: &str) -> Option<Period> {
    if cell == "none stated" {
        None
    } else {
        let year: i32 = cell
            .parse()
            .unwrap_or_else(|e| panic!("deadline {cell:?}: {e}"));
        Some(Period::year(year).unwrap())
    }
}

/// Checks a figure against the table's value and unit cells.
fn check_figure(what: &str, figure: &Figure, value: &str, unit: Unit) {
    let (bound, number) = value_cell(value);
    assert_eq!(figure.bound(), bound, "{what}: bound of {figure}");
    assert_eq!(figure.value(), number, "{what}: number of {figure}");
    assert_eq!(figure.unit(), unit, "{what}: unit of {figure}");
}

/// The SHA-256 of the copies, as `sha256sum tests/data/figures.md
/// tests/data/article.txt` gives it for the originals: a copy that changes by
/// a byte fails here, with or without the originals at hand.
const SEED_SHA256: [(&str, &str, &str); 2] = [
    (
        "figures.md",
        FIGURES,
        "f161f80d822cedec3388c6ca39fc28d9f13e4204c1af14a502c3146779043a21",
    ),
    (
        "article.txt",
        ARTICLE,
        "ae69ef20f92445f70c6ce762ef99f17af67a9463f8a401712816756d14aeff0f",
    ),
];

/// The copies are the originals, byte for byte: by their pinned SHA-256
/// always, and compared with the originals too where those are at hand
/// (`INDSTAT_SEED_DIR=FOLDER`).
#[test]
fn copies_of_the_seed_files_are_verbatim() {
    for (name, copy, want) in SEED_SHA256 {
        assert_eq!(sha256_hex(copy.as_bytes()), want, "tests/data/{name}");
    }
    let Some(seed) = std::env::var_os("INDSTAT_SEED_DIR") else {
        return;
    };
    let seed = Path::new(&seed);
    for (name, copy, _) in SEED_SHA256 {
        let original = seed.join(name);
        if original.exists() {
            let text = std::fs::read_to_string(&original).unwrap();
            assert!(text == copy, "tests/data/{name} differs from {original:?}");
        }
    }
}

/// SHA-256 (FIPS 180-4) of `data`, in lowercase hex: a few lines here rather
/// than a dependency for one test.
fn sha256_hex(data: &[u8]) -> String {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    // The message, a 1 bit, zeros to 56 bytes mod 64, the length in bits.
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&(data.len() as u64 * 8).to_be_bytes());
    for block in message.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (t, word) in block.chunks_exact(4).enumerate() {
            w[t] = u32::from_be_bytes(word.try_into().unwrap());
        }
        for t in 16..64 {
            let s0 = w[t - 15].rotate_right(7) ^ w[t - 15].rotate_right(18) ^ (w[t - 15] >> 3);
            let s1 = w[t - 2].rotate_right(17) ^ w[t - 2].rotate_right(19) ^ (w[t - 2] >> 10);
            w[t] = w[t - 16]
                .wrapping_add(s0)
                .wrapping_add(w[t - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for t in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[t])
                .wrapping_add(w[t]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (state, add) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *state = state.wrapping_add(add);
        }
    }
    h.iter().map(|word| format!("{word:08x}")).collect()
}

#[test]
fn sha256_matches_the_standard_vectors() {
    assert_eq!(
        sha256_hex(b""),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert_eq!(
        sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    // Two blocks: FIPS 180-2's second example.
    assert_eq!(
        sha256_hex(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    );
}

#[test]
fn every_observed_row_matches_the_table() {
    let table = observed_table();
    let rows = rongchang::rows().unwrap();
    // Exactly the table's rows, in its order, no extras.
    assert_eq!(table.rows.len(), 36, "figures.md has 36 observed rows");
    let want: Vec<u8> = table.rows.iter().map(|r| r["#"].parse().unwrap()).collect();
    let got: Vec<u8> = rows.iter().map(rongchang::Row::number).collect();
    assert_eq!(got, want);
    assert_eq!(got, (1..=36).collect::<Vec<u8>>());

    for cells in &table.rows {
        let n: u8 = cells["#"].parse().unwrap();
        let row = rongchang::row(n)
            .unwrap()
            .unwrap_or_else(|| panic!("no row {n}"));
        let what = format!("row {n}");
        assert_eq!(row.phrase_zh(), cells["source phrase"], "{what}: phrase");
        assert_eq!(row.label_en(), cells["English"], "{what}: English");
        assert_eq!(row.note(), cells["notes"], "{what}: notes");
        let (unit, threshold) = unit_cell(&cells["unit"]);
        assert!(
            threshold.is_none(),
            "{what}: an observed row has no threshold"
        );
        check_figure(&what, row.value(), &cells["value"], unit);
        assert_eq!(row.indicator().unit(), unit, "{what}: indicator unit");
        // The number the table reports is written in the phrase.
        let (_, number) = value_cell(&cells["value"]);
        assert!(
            row.phrase_zh().contains(&number.to_string()),
            "{what}: {number} not in {:?}",
            row.phrase_zh()
        );
        // The same row through every accessor.
        assert_eq!(&rows[usize::from(n) - 1], &row, "{what}: rows() vs row()");
    }
    assert!(rongchang::row(0).unwrap().is_none());
    assert!(rongchang::row(37).unwrap().is_none());
}

#[test]
fn every_target_matches_the_table() {
    let table = target_table();
    let targets = rongchang::targets().unwrap();
    assert_eq!(table.rows.len(), 4, "figures.md has 4 targets");
    let want: Vec<&str> = table.rows.iter().map(|r| r["#"].as_str()).collect();
    let got: Vec<&str> = targets.iter().map(rongchang::TargetRow::id).collect();
    assert_eq!(got, want);
    assert_eq!(got, ["T1", "T2", "T3", "T4"]);

    for cells in &table.rows {
        let id = cells["#"].as_str();
        let target = rongchang::target(id)
            .unwrap()
            .unwrap_or_else(|| panic!("no target {id}"));
        assert_eq!(
            targets.iter().find(|t| t.id() == id),
            Some(&target),
            "{id}: targets() vs target()"
        );
        assert_eq!(target.phrase_zh(), cells["source phrase"], "{id}: phrase");
        // One correction of the table: T2's 10亿元以上 is "at least"
        // 1 billion yuan, as the table's own unit cell (≥ 10亿元) has it; its
        // English cell says "above", which would exclude 1 billion itself.
        let english = match id {
            "T2" => cells["English"].replace("output above 1", "output of at least 1"),
            _ => cells["English"].clone(),
        };
        assert_eq!(target.label_en(), english, "{id}: English");
        assert_eq!(target.note(), cells["notes"], "{id}: notes");
        let (unit, threshold) = unit_cell(&cells["unit"]);
        check_figure(id, target.value(), &cells["value"], unit);
        assert_eq!(target.indicator().unit(), unit, "{id}: indicator unit");
        assert_eq!(target.threshold(), threshold.as_ref(), "{id}: threshold");
        assert_eq!(
            target.deadline(),
            deadline_cell(&cells["deadline"]),
            "{id}: deadline"
        );
    }
    assert!(rongchang::target("T5").unwrap().is_none());
    assert!(rongchang::target("t1").unwrap().is_none());
}

/// The article's curly quotes (“融易贷”) are written `"` in the table.
fn article_normalised() -> String {
    ARTICLE.replace(['“', '”'], "\"")
}

/// Whether the parts of `phrase` between `...` occur in `text` in order.
fn occurs_in(phrase: &str, text: &str) -> bool {
    let mut rest = text;
    for part in phrase.split("...") {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

#[test]
fn every_phrase_is_in_the_article() {
    let article = article_normalised();
    let rows = rongchang::rows().unwrap();
    let targets = rongchang::targets().unwrap();
    let phrases = rows
        .iter()
        .map(|r| (format!("row {}", r.number()), r.phrase_zh()))
        .chain(targets.iter().map(|t| (t.id().to_owned(), t.phrase_zh())));
    for (what, phrase) in phrases {
        assert!(!phrase.is_empty(), "{what}: empty phrase");
        assert!(
            occurs_in(phrase, &article),
            "{what}: {phrase:?} is not in the article"
        );
    }
    // The abbreviation is only ever "...", and the one ASCII quote pair is
    // the table's spelling of the article's curly quotes.
    assert!(!ARTICLE.contains("\"融易贷\""));
    assert!(ARTICLE.contains("“融易贷”"));
}

#[test]
fn observations_carry_entity_period_status_and_source() {
    let rows = rongchang::rows().unwrap();
    let observations = rongchang::observations().unwrap();
    assert_eq!(observations.len(), rows.len());
    let entity = rongchang::entity().unwrap();
    assert_eq!(entity, EntityId::new("rongchang_htz").unwrap());
    assert_eq!(rongchang::ENTITY, "rongchang_htz");
    assert_eq!(rongchang::YEAR, 2022);
    for (row, obs) in rows.iter().zip(&observations) {
        let n = row.number();
        assert_eq!(row.observation(), obs, "row {n}");
        assert_eq!(obs.entity(), &entity, "row {n}");
        assert_eq!(obs.period(), Period::year(2022).unwrap(), "row {n}");
        assert_eq!(obs.status(), ObsStatus::Normal, "row {n}");
        let source = obs.source().expect("a source");
        assert_eq!(source.citation(), rongchang::CITATION, "row {n}");
        assert_eq!(source.phrase(), Some(row.phrase_zh()), "row {n}");
        assert_eq!(row.indicator(), obs.indicator(), "row {n}");
        assert_eq!(row.value(), obs.value(), "row {n}");
        // The English name of each row's indicator is the table's English cell.
        assert_eq!(row.indicator().name_en(), row.label_en(), "row {n}");
        assert!(!row.indicator().name_zh().is_empty(), "row {n}");
        assert!(row.indicator().check(row.value()).is_ok(), "row {n}");
    }
}

#[test]
fn the_citation_names_the_article() {
    // From the article's header (tests/data/article.txt).
    for part in [
        "张青兰 (Zhang Qinglan)",
        "荣昌高新区:跑步迈向百强国家高新区",
        "Rongchang District: Faster Pace for the National Top100 High-Tech Zones",
        "The World and Chongqing",
        "Districts & Counties (区县)",
        "pp. 84–87",
        "2023-08-01",
        "2022",
    ] {
        assert!(rongchang::CITATION.contains(part), "{part:?}");
    }
}

/// (row, theme, kind, indicator code) from the dataset's specification; codes
/// are stable API.
const DESIGN: &[(u8, Theme, Kind, &str)] = &[
    (1, Theme::Enterprises, Kind::Stock, "settled_enterprises"),
    (
        2,
        Theme::Enterprises,
        Kind::Stock,
        "enterprises_in_production",
    ),
    (3, Theme::Output, Kind::Flow, "gross_output"),
    (4, Theme::Output, Kind::Change, "gross_output_growth"),
    (5, Theme::Ranking, Kind::Change, "torch_rank_change"),
    (6, Theme::Ranking, Kind::Rank, "torch_rank"),
    (7, Theme::Output, Kind::Change, "main_indicators_growth_min"),
    (8, Theme::Space, Kind::Stock, "area_current"),
    (9, Theme::Space, Kind::Stock, "area_registered_original"),
    (10, Theme::Space, Kind::Stock, "area_registered_expanded"),
    (11, Theme::Space, Kind::Flow, "infrastructure_financing"),
    (
        12,
        Theme::Space,
        Kind::Count,
        "infrastructure_projects_completed",
    ),
    (13, Theme::Services, Kind::Count, "legacy_problems_solved"),
    (14, Theme::Services, Kind::Count, "approval_items_handled"),
    (
        15,
        Theme::Services,
        Kind::Count,
        "enterprise_difficulties_solved",
    ),
    (16, Theme::Services, Kind::Count, "rongyidai_enterprises"),
    (17, Theme::Services, Kind::Flow, "rongyidai_loans"),
    (18, Theme::Services, Kind::Count, "workers_recruited"),
    (
        19,
        Theme::Investment,
        Kind::Flow,
        "zhongneng_guorun_pv_investment",
    ),
    (
        20,
        Theme::Investment,
        Kind::Flow,
        "shenzhen_bijin_packaging_investment",
    ),
    (
        21,
        Theme::Investment,
        Kind::Count,
        "social_investment_projects_started",
    ),
    (
        22,
        Theme::Investment,
        Kind::Flow,
        "social_investment_projects_total",
    ),
    (
        23,
        Theme::Investment,
        Kind::Count,
        "projects_completed_in_production",
    ),
    (
        24,
        Theme::Investment,
        Kind::Count,
        "tech_upgrade_projects_in_production",
    ),
    (
        25,
        Theme::Innovation,
        Kind::Count,
        "new_high_tech_enterprises",
    ),
    (26, Theme::Innovation, Kind::Count, "new_district_platforms"),
    (
        27,
        Theme::Innovation,
        Kind::Count,
        "new_municipal_platforms",
    ),
    (28, Theme::Innovation, Kind::Stock, "high_tech_enterprises"),
    (
        29,
        Theme::Innovation,
        Kind::Stock,
        "district_innovation_platforms",
    ),
    (
        30,
        Theme::Innovation,
        Kind::Stock,
        "municipal_or_higher_innovation_platforms",
    ),
    (
        31,
        Theme::Innovation,
        Kind::Count,
        "innovation_team_enterprises",
    ),
    (32, Theme::Innovation, Kind::Stock, "incubation_platforms"),
    (
        33,
        Theme::Innovation,
        Kind::Stock,
        "enterprises_in_incubation",
    ),
    (
        34,
        Theme::Innovation,
        Kind::Ratio,
        "invention_patents_per_10k",
    ),
    (
        35,
        Theme::Innovation,
        Kind::Change,
        "invention_patents_per_10k_growth",
    ),
    (36, Theme::Innovation, Kind::Ratio, "rd_share_of_gdp"),
];

#[test]
fn themes_kinds_and_codes_follow_the_design() {
    let rows = rongchang::rows().unwrap();
    assert_eq!(DESIGN.len(), rows.len());
    for (row, &(n, theme, kind, code)) in rows.iter().zip(DESIGN) {
        assert_eq!(row.number(), n);
        assert_eq!(row.theme(), theme, "row {n}");
        assert_eq!(row.indicator().kind(), kind, "row {n}");
        assert_eq!(row.indicator().code().as_str(), code, "row {n}");
    }
    // Codes are unique across rows; T3 reuses row 6's indicator, the other
    // targets have their own.
    let codes: BTreeSet<&str> = DESIGN.iter().map(|d| d.3).collect();
    assert_eq!(codes.len(), DESIGN.len());
    let targets = rongchang::targets().unwrap();
    let rank = rongchang::row(6).unwrap().unwrap();
    for t in &targets {
        let code = t.indicator().code().as_str();
        if t.id() == "T3" {
            assert_eq!(t.indicator(), rank.indicator());
        } else {
            assert!(!codes.contains(code), "{}: {code} is a row's code", t.id());
        }
    }
    // Every theme has rows.
    for theme in Theme::ALL {
        assert!(rows.iter().any(|r| r.theme() == theme), "{theme:?}");
    }
    let names: Vec<(&str, &str)> = Theme::ALL.iter().map(|t| (t.zh(), t.en())).collect();
    assert_eq!(
        names,
        [
            ("工业产出", "output"),
            ("考核排名", "ranking"),
            ("企业", "enterprises"),
            ("科技创新", "innovation"),
            ("招商投资", "investment"),
            ("空间与基础设施", "space and infrastructure"),
            ("营商环境", "business services"),
        ]
    );
}

#[test]
fn scopes_and_price_bases() {
    let rows = rongchang::rows().unwrap();
    // Row 7 (article: 工业总产值、战新产值、工业固投等主要指标的增长): three
    // indicators of three scopes.
    let main = vec![
        Scope::AllIndustry,
        Scope::StrategicEmergingIndustries,
        Scope::IndustrialInvestment,
    ];
    for row in &rows {
        let n = row.number();
        let ind = row.indicator();
        // figures.md row 3: the zone's industry as a whole; row 4 is its growth.
        let scope = match n {
            3 | 4 => Scope::AllIndustry,
            7 => Scope::Several {
                scopes: main.clone(),
            },
            _ => Scope::Whole,
        };
        assert_eq!(ind.scope(), &scope, "row {n}");
        // The article states no price basis for any growth rate (figures.md
        // row 4 says only what is "normally" so); money levels are at current
        // prices. Row 7 covers three indicators whose bases differ (below), so
        // it is not labelled "not stated" over a component at current prices.
        let basis = match n {
            4 => PriceBasis::NotStated,
            7 => PriceBasis::PerIndicator,
            _ if ind.unit() == Unit::YI_YUAN => PriceBasis::Current,
            _ => PriceBasis::NotApplicable,
        };
        assert_eq!(ind.price_basis(), basis, "row {n}");
        assert_eq!(row.components().is_empty(), n != 7, "row {n}: components");
    }
    // Row 7's components: its value and source, each its own scope; the
    // investment growth is nominal, the output growths of unstated basis.
    let seven = &rows[6];
    let got: Vec<(&str, &Scope, PriceBasis)> = seven
        .components()
        .iter()
        .map(|o| {
            assert_eq!(o.value(), seven.value());
            assert_eq!(o.source(), seven.observation().source());
            assert_eq!(o.period(), seven.observation().period());
            let i = o.indicator();
            (i.code().as_str(), i.scope(), i.price_basis())
        })
        .collect();
    assert_eq!(
        got,
        [
            ("gross_output_growth", &main[0], PriceBasis::NotStated),
            (
                "strategic_emerging_output_growth",
                &main[1],
                PriceBasis::NotStated
            ),
            (
                "industrial_investment_growth",
                &main[2],
                PriceBasis::Current
            ),
        ]
    );
    // The first is row 4's indicator: 8.5% satisfies 6%以上.
    assert_eq!(seven.components()[0].indicator(), rows[3].indicator());

    // The scope trap (figures.md, last paragraph): 1004亿元 is all industry,
    // the 1800亿元 target is above designated size.
    let t = rongchang::targets().unwrap();
    let [t1, t2, t3, t4] = [&t[0], &t[1], &t[2], &t[3]];
    assert_eq!(t1.indicator().scope(), &Scope::above_designated_size());
    assert_ne!(rows[2].indicator().scope(), t1.indicator().scope());
    assert_eq!(
        t1.indicator().code().as_str(),
        "output_above_designated_size"
    );
    assert_eq!(t1.indicator().kind(), Kind::Flow);
    assert_eq!(t1.value(), &"1800余亿元".parse::<Figure>().unwrap());

    assert_eq!(
        t2.indicator().code().as_str(),
        "leading_enterprises_over_1bn"
    );
    assert_eq!(t2.indicator().kind(), Kind::Count);
    assert_eq!(t2.value(), &"10家以上".parse::<Figure>().unwrap());
    assert_eq!(
        t2.threshold(),
        Some(&"10亿元以上".parse::<Figure>().unwrap())
    );

    assert_eq!(t3.indicator().code().as_str(), "torch_rank");
    assert_eq!(t3.indicator().kind(), Kind::Rank);
    assert_eq!(t3.value(), &"前100位".parse::<Figure>().unwrap());

    assert_eq!(
        t4.indicator().code().as_str(),
        "consumer_goods_cluster_output"
    );
    assert_eq!(t4.indicator().kind(), Kind::Flow);
    assert_eq!(
        t4.indicator().scope(),
        &Scope::Custom {
            name: "consumer-goods industry cluster (food, apparel, ceramics)".into()
        }
    );
    assert_eq!(t4.value(), &"1000亿元以上".parse::<Figure>().unwrap());
}

#[test]
fn text_forms_of_the_values() {
    // The Chinese forms the dataset was written in (figures.md value and unit
    // cells, in the article's words), read back from the typed figures.
    let want: &[(u8, &str)] = &[
        (1, "755家"),
        (3, "1004亿元"),
        (4, "8.5%"),
        (5, "上升17位"),
        (6, "第122位"),
        (7, "6%以上"),
        (8, "28.8平方公里"),
        (12, "5个项目"),
        (13, "6个问题"),
        (14, "1986件"),
        (18, "4000余人"),
        (29, "171个平台"),
        // The article's measure word, kept: 市级以上创新平台82家,
        // 众创孵化平台累计达到8家.
        (30, "82家平台"),
        (32, "8家平台"),
        (34, "10.93件/万人"),
    ];
    for &(n, text) in want {
        let row = rongchang::row(n).unwrap().unwrap();
        assert_eq!(row.value().to_string(), text, "row {n}");
        assert_eq!(row.value(), &text.parse::<Figure>().unwrap(), "row {n}");
    }
    // 82家平台 (the article's 家) is the same figure as 82个平台, and counts
    // the same thing as 171个平台 (row 29).
    let r30 = rongchang::row(30).unwrap().unwrap();
    assert_eq!(r30.value(), &"82个平台".parse::<Figure>().unwrap());
    assert_eq!(
        r30.value().unit(),
        rongchang::row(29).unwrap().unwrap().value().unit()
    );
    assert_eq!(r30.value().en(), "82 platforms");
}

fn exact(n: u8) -> Quantity {
    *rongchang::row(n)
        .unwrap()
        .unwrap()
        .value()
        .exact()
        .unwrap_or_else(|e| panic!("row {n}: {e}"))
}

fn round(x: Decimal, dp: u32) -> Decimal {
    x.round_dp_with_strategy(dp, RoundingStrategy::MidpointNearestEven)
}

#[test]
fn derived_check_values() {
    // figures.md, "Derived figures": production rate 585/755 = 77.48 %.
    let rate = exact(2).checked_ratio(&exact(1)).unwrap();
    assert_eq!(round(rate, 4), dec!(0.7748));

    // figures.md: area expansion 100.07 / 27.87 = 3.59 ×.
    let expansion = exact(10).checked_ratio(&exact(9)).unwrap();
    assert_eq!(round(expansion, 2), dec!(3.59));

    // figures.md: rank in the previous assessment 139 = 122 + 17, and 22
    // places still needed for the Top 100 (T3).
    let rank = exact(6).value();
    let rise = exact(5).value();
    assert_eq!(rank + rise, dec!(139));
    let top = rongchang::target("T3").unwrap().unwrap();
    assert_eq!(rank - top.value().value(), dec!(22));

    // figures.md: 2021 output at a nominal reading, 1004 / 1.085 = 925.35亿元;
    // patents per 10,000 people in 2021, 10.93 / 1.1007 = 9.93.
    let one = Decimal::ONE;
    let hundred = Decimal::ONE_HUNDRED;
    let g = one + exact(4).value() / hundred;
    let base = exact(3).checked_div(g).unwrap();
    assert_eq!(base.unit(), Unit::YI_YUAN);
    assert_eq!(round(base.value(), 2), dec!(925.35));
    let g = one + exact(35).value() / hundred;
    assert_eq!(
        round(exact(34).checked_div(g).unwrap().value(), 2),
        dec!(9.93)
    );

    // figures.md row 18: "4000余人" is a lower bound.
    let recruited = rongchang::row(18).unwrap().unwrap();
    let v = recruited.value();
    assert_eq!(v.gt(&"4000人".parse().unwrap()).unwrap(), Truth::True);
    assert_eq!(v.gt(&"5000人".parse().unwrap()).unwrap(), Truth::Unknown);
    assert!(v.exact().is_err());
}

/// The article states no price basis for its growth rates, so the
/// calculations that check price bases neither call row 4 comparable nor read
/// it as current without the caller saying so, and record what was said. The
/// 925.35亿元 check value is figures.md's ("nominal reading").
#[test]
fn unstated_price_bases_need_a_stated_assumption() {
    use indstat::growth::{BasePeriod, implied_base};
    use indstat::targets::{Bridge, LevelTarget};
    use indstat::{Assumption, Error, Series};

    let level = rongchang::row(3).unwrap().unwrap().observation().clone();
    let rate = rongchang::row(4).unwrap().unwrap().observation().clone();
    let year = BasePeriod::YearAgo;
    let refused = implied_base(&level, &rate, year, &[]).unwrap_err();
    assert!(
        matches!(&refused, Error::AssumptionRequired { assumption, .. }
            if assumption.contains("prices not stated")),
        "{refused}"
    );
    // RateAtCurrentPrices says "published at comparable prices": untrue here.
    assert!(implied_base(&level, &rate, year, &[Assumption::RateAtCurrentPrices]).is_err());
    let nominal = Assumption::PriceBasesEqual {
        from: PriceBasis::NotStated,
        to: PriceBasis::Current,
    };
    let est = implied_base(&level, &rate, year, std::slice::from_ref(&nominal)).unwrap();
    assert_eq!(round(est.value().value().value(), 2), dec!(925.35));
    assert_eq!(
        est.assumptions(),
        [nominal.clone(), Assumption::ScopeUnchanged]
    );
    assert_eq!(
        nominal.en(),
        "a price basis the source does not state is taken as current prices"
    );

    // A gap analysis of money of unstated basis against T1 (current prices):
    // refused, then recorded; two unstated bases are not taken as equal either.
    let t1 = rongchang::target("T1").unwrap().unwrap();
    let unstated = level
        .indicator()
        .clone()
        .with_price_basis(PriceBasis::NotStated);
    let history = Series::from_points(
        level.entity().clone(),
        unstated.clone(),
        [indstat::Point::new(level.period(), *level.value())],
    )
    .unwrap();
    let target =
        LevelTarget::new(t1.indicator().clone(), *t1.value(), t1.deadline().unwrap()).unwrap();
    let refused = |t: &LevelTarget| {
        let err = t
            .analyse(&history)
            .bridge(Bridge::AssumeEqual)
            .run()
            .unwrap_err();
        assert!(matches!(err, Error::PriceBasisMismatch { .. }), "{err}");
    };
    refused(&target);
    let gap = target
        .analyse(&history)
        .bridge(Bridge::AssumeEqual)
        .assume(nominal.clone())
        .run()
        .unwrap();
    assert!(gap.assumptions().contains(&nominal));
    let silent = LevelTarget::new(
        t1.indicator()
            .clone()
            .with_price_basis(PriceBasis::NotStated),
        *t1.value(),
        t1.deadline().unwrap(),
    )
    .unwrap();
    refused(&silent);
}

/// Row 7's scopes and its price basis (one per indicator) survive serde like
/// the others, and so does the unstated basis of its output components.
#[cfg(feature = "serde")]
#[test]
fn new_scopes_and_bases_round_trip_through_serde() {
    let seven = rongchang::row(7).unwrap().unwrap();
    let ind = seven.indicator();
    let json = serde_json::to_string(ind).unwrap();
    assert!(json.contains(r#""price_basis":"per_indicator""#), "{json}");
    let first = serde_json::to_string(seven.components()[0].indicator()).unwrap();
    assert!(first.contains(r#""price_basis":"not_stated""#), "{first}");
    assert!(
        json.contains(r#""scope":"strategic_emerging_industries""#),
        "{json}"
    );
    let back: indstat::Indicator = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, ind);
    for c in seven.components() {
        let json = serde_json::to_string(c.indicator()).unwrap();
        let back: indstat::Indicator = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, c.indicator(), "{json}");
    }
}
