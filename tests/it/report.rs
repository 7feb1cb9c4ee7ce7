//! The zone report: snapshot tests (insta) of every language and form, and,
//! with the `plot` feature, checks that each SVG chart parses as XML and holds
//! its series and labels. The report is assembled by the example's own code.

#[allow(dead_code)]
#[path = "../../examples/rongchang/zone.rs"]
mod zone;

#[cfg(feature = "plot")]
#[path = "../../examples/rongchang/charts.rs"]
mod rongchang_charts;

// The top100 example's zones, loaded once (by the composite tests).
use super::composite::top100 as zones;

#[allow(dead_code)]
#[path = "../../examples/top100/story.rs"]
mod top100;

// `exit_on_error` is for the examples' `main`.
#[allow(dead_code)]
#[path = "../../examples/common/cli.rs"]
mod cli;

use indstat::report::{Format, Lang};

fn render(lang: Lang, format: Format) -> String {
    zone::build().unwrap().report.render(lang, format)
}

#[test]
fn report_zh_text() {
    insta::assert_snapshot!(render(Lang::Zh, Format::Text));
}

#[test]
fn report_en_text() {
    insta::assert_snapshot!(render(Lang::En, Format::Text));
}

#[test]
fn report_both_text() {
    insta::assert_snapshot!(render(Lang::Both, Format::Text));
}

#[test]
fn report_zh_markdown() {
    insta::assert_snapshot!(render(Lang::Zh, Format::Markdown));
}

#[test]
fn report_en_markdown() {
    insta::assert_snapshot!(render(Lang::En, Format::Markdown));
}

#[test]
fn report_both_markdown() {
    insta::assert_snapshot!(render(Lang::Both, Format::Markdown));
}

/// T1 is 突破1800亿元, strictly more. With the other bridge (above-size
/// output 90% of all output) the base is 903.6亿元, and growth of exactly
/// (1800/903.6)^(1/4) − 1 = 18.803…% a year (Python `decimal`) reaches 1800
/// without passing it: the line says the growth needed is *above* 18.80%,
/// as the main requirement says "above 15.71%".
#[test]
fn the_other_bridge_states_the_bound_of_its_requirement() {
    // One line of words, however the renderer wrapped them.
    let words = |lang| {
        render(lang, Format::Markdown)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let en = words(Lang::En);
    assert!(en.contains("growth above 18.80% a year is needed"), "{en}");
    let zh = words(Lang::Zh);
    assert!(zh.contains("所需年均增速高于18.80%"), "{zh}");
}

/// What a reader must find, in each language: how big, how fast, what rank,
/// how far from each target, and on what assumptions.
#[test]
fn the_report_answers_the_questions() {
    let zh = render(Lang::Zh, Format::Text);
    for needle in [
        "1004亿元",
        "第122位",
        "上升17位",
        "4000余人",
        "15.71%",
        "1391.40亿元",
        "进展有限",
        "2030年",
        "2024年考核",
        "假定全部工业与规模以上",
    ] {
        assert!(zh.contains(needle), "zh report lacks {needle}");
    }
    let en = render(Lang::En, Format::Text);
    for needle in [
        "100.4 billion yuan",
        "122nd",
        "up 17 places",
        "more than 4,000 people",
        "15.71%",
        "139.14 billion yuan",
        "limited progress",
        "during 2030",
        "the 2024 edition",
        "all industry is treated as above designated size",
    ] {
        assert!(en.contains(needle), "en report lacks {needle}");
    }
}

/// Display columns as a CJK terminal draws a line, whatever the report's
/// language (an English report is read in a Chinese terminal too): a Chinese
/// character is two, and so is every East Asian ambiguous character (“ ” ·
/// ≥ — ÷), letters such as ρ included, as terminals with ambiguous-width
/// characters set wide (and GBK consoles) draw them. Any letter outside
/// ASCII is counted wide here, an upper bound independent of the crate's
/// own table.
fn columns(line: &str) -> usize {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let letters = line
        .chars()
        .filter(|c| !c.is_ascii() && c.is_alphabetic() && c.width_cjk() == Some(1))
        .count();
    line.width_cjk() + letters
}

const FORMS: [(Lang, Format); 6] = [
    (Lang::Zh, Format::Text),
    (Lang::En, Format::Text),
    (Lang::Both, Format::Text),
    (Lang::Zh, Format::Markdown),
    (Lang::En, Format::Markdown),
    (Lang::Both, Format::Markdown),
];

/// The report once ran to 260 display columns. No line of any language or
/// form is wider than 100, counted as a CJK terminal draws it (ρ, — and ÷
/// take two columns there).
#[test]
fn no_line_is_wider_than_100_columns() {
    assert_eq!(indstat::report::WIDTH, 100);
    for (lang, format) in FORMS {
        let out = render(lang, format);
        for (i, line) in out.lines().enumerate() {
            let w = columns(line);
            assert!(
                w <= 100,
                "{lang:?} {format:?} line {}: {w} columns: {line}",
                i + 1
            );
        }
    }
}

/// An analyst's reading of the report: one ranking section; a
/// status in words, not an SDMX code; targets written as targets; no growth
/// rate labelled comparable when the article does not say so; counts with the
/// article's measure word; 以上 as "at least" throughout.
#[test]
fn the_report_says_what_the_article_says() {
    for (lang, format) in FORMS {
        let out = render(lang, format);
        let headings = out
            .lines()
            .filter(|l| l.contains("考核排名") || *l == "Ranking" || l.ends_with(" Ranking"))
            .filter(|l| !l.starts_with(' ') && !l.starts_with('|') && !l.starts_with('-'))
            .count();
        assert_eq!(headings, 1, "{lang:?} {format:?}: ranking headings");
        for wrong in [
            "状态E",
            "status E",
            "1800余亿元",
            "all industry, comparable prices",
            "全部工业，可比价",
            "above 1 billion",
            "1 billion yuan or more",
        ] {
            assert!(!out.contains(wrong), "{lang:?} {format:?}: {wrong}");
        }
    }
    // Wide enough that no cell wraps.
    let wide = |lang| {
        zone::build()
            .unwrap()
            .report
            .render_width(lang, Format::Text, 400)
    };
    let zh = wide(Lang::Zh);
    for needle in [
        "估计值",
        "突破1800亿元",
        "82家平台",
        "8家平台",
        "价格口径未说明",
    ] {
        assert!(zh.contains(needle), "zh lacks {needle}");
    }
    // Row 7 covers three indicators: its summary row neither says "not
    // stated" of the investment growth its component reads at current
    // prices nor hides that the bases differ.
    let summary = |out: &str, name: &str| {
        out.lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no row {name} in\n{out}"))
            .to_owned()
    };
    let row7 = summary(&zh, "工业总产值、战新产值、工业固投等主要指标的增长");
    assert!(row7.ends_with("工业固定资产投资，价格口径各异"), "{row7}");
    let en = wide(Lang::En);
    let row7 = summary(&en, "strategic emerging industries output and industrial");
    assert!(row7.ends_with("investment), price bases differ"), "{row7}");
    assert!(en.contains("industrial fixed-asset investment, current prices"));
    for needle in [
        "(estimate)",
        "above 180 billion yuan",
        "prices not stated",
        "strategic emerging industries",
        "industrial fixed-asset investment, current prices",
        "at least 1 billion yuan",
    ] {
        assert!(en.contains(needle), "en lacks {needle}");
    }
}

/// The English scenario column once mixed "126.753 billion yuan" and
/// "0 yuan". Each column now has one magnitude, named in its header, and
/// numbers of one precision (2 decimals of 亿元 are 3 of billions).
#[test]
fn one_magnitude_per_column() {
    let en = render(Lang::En, Format::Text);
    let lines: Vec<&str> = en.lines().collect();
    let head = lines
        .iter()
        .position(|l| l.starts_with("  growth a year"))
        .expect("the scenario table");
    assert!(lines[head].contains("2026 value (billion yuan)"));
    assert!(lines[head].contains("gap (billion yuan)"));
    // A row whose verdict wraps is set off by blank lines; its continuation
    // lines start with no rate.
    let rows: Vec<Vec<&str>> = lines[head + 2..]
        .iter()
        .take_while(|l| !l.trim_start().starts_with("Path at"))
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .filter(|r| r.first().is_some_and(|c| c.ends_with('%')))
        .collect();
    assert_eq!(rows.len(), 4);
    for r in &rows {
        for cell in &r[1..3] {
            let (_, decimals) = cell.split_once('.').expect("a decimal");
            assert_eq!(decimals.len(), 3, "{r:?}");
        }
    }
    // The required rate reaches the target exactly: a gap of zero billions.
    assert_eq!(rows[3][1..3], ["180.000", "0.000"]);
    let zh = render(Lang::Zh, Format::Text);
    assert!(zh.contains("2026年数值（亿元）"));
    assert!(zh.contains("1800.00          0.00"));
}

/// The scale of a column is the largest one its values reach: 5亿元 → 8亿元
/// is 500 → 800 million yuan, so the English column is in millions, with
/// the precision of 2 decimals of 亿元 (0 decimals of millions), and a value
/// of 0 is "0" in it, not "0 yuan".
#[test]
fn a_column_takes_the_scale_its_largest_value_reaches() {
    use indstat::dec;
    use indstat::report::{Report, Text, gap_section};
    use indstat::targets::LevelTarget;
    use indstat::{EntityId, Indicator, Kind, Period, Point, Rate, Series, Unit};

    let ind = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow).unwrap();
    let year = |y| Period::year(y).unwrap();
    let target = LevelTarget::new(ind.clone(), "8亿元".parse().unwrap(), year(2026)).unwrap();
    let history = Series::from_points(
        EntityId::new("z").unwrap(),
        ind,
        [Point::new(year(2022), "5亿元".parse().unwrap())],
    )
    .unwrap();
    let gap = target.analyse(&history).run().unwrap();
    let rates = [Rate::from_percent(dec!(5)).unwrap()];
    let section = gap_section(Text::same("T"), &gap, &[], &rates).unwrap();
    let en = Report::new(Text::same("R"))
        .section(section)
        .render(Lang::En, Format::Text);
    let lines: Vec<&str> = en.lines().collect();
    let head = lines
        .iter()
        .position(|l| l.starts_with("  growth a year"))
        .unwrap();
    assert!(lines[head].contains("2026 value (million yuan)"), "{en}");
    assert!(lines[head].contains("gap (million yuan)"), "{en}");
    // 5 × 1.05⁴ = 6.07753125亿元 → 6.08亿元 → 608 million; 8 − 6.08 = 1.92亿元.
    let five: Vec<&str> = lines[head + 2].split_whitespace().collect();
    assert_eq!(five, ["5.00%", "608", "192", "no"]);
    // The required rate reaches 8亿元: 800 million, a gap of 0.
    let needed: Vec<&str> = lines[head + 3].split_whitespace().collect();
    assert_eq!(needed[1..3], ["800", "0"]);
}

/// With data in 万元, English cells once showed 7
/// decimals of billions ("139.1402135 billion yuan", 2 decimals of 万元
/// converted). English has one precision a column, the one 亿元 data get: the
/// same figures read in 万元 and in 亿元 give the same English. Expected
/// values from Python's `decimal` (60 digits): 10040000 × 1.085⁴ =
/// 13914021.354275万元 = 139.140213542750 billion; × 1.06⁴ = 12675268.6784万元;
/// the required path 116.1765327…, 134.4321390…, 155.5563725…, 180.
#[test]
fn english_amounts_of_wan_yuan_data_have_the_precision_of_yi_yuan_data() {
    use indstat::dec;
    use indstat::report::{Report, Text, gap_section};
    use indstat::targets::{LevelTarget, Trend};
    use indstat::{EntityId, Indicator, Kind, Period, Point, Rate, Series, Unit};

    let year = |y| Period::year(y).unwrap();
    let render = |unit: Unit, base: &str, goal: &str, lang: Lang| {
        let ind = Indicator::new("o", "产值", "output", unit, Kind::Flow).unwrap();
        let target = LevelTarget::new(ind.clone(), goal.parse().unwrap(), year(2026)).unwrap();
        let history = Series::from_points(
            EntityId::new("z").unwrap(),
            ind,
            [Point::new(year(2022), base.parse().unwrap())],
        )
        .unwrap();
        let gap = target
            .analyse(&history)
            .trend(Trend::Rate(Rate::from_percent(dec!(8.5)).unwrap()))
            .run()
            .unwrap();
        let rates = [Rate::from_percent(dec!(6)).unwrap()];
        let section = gap_section(Text::same("T"), &gap, &[], &rates).unwrap();
        Report::new(Text::same("R"))
            .section(section)
            .render(lang, Format::Text)
    };
    let wan = render(Unit::WAN_YUAN, "10040000万元", "18000000万元", Lang::En);
    let yi = render(Unit::YI_YUAN, "1004亿元", "1800亿元", Lang::En);
    assert_eq!(wan, yi);
    for needle in [
        "139.14 billion yuan, 40.86 billion yuan short",
        "6.00%                    126.753              53.247  no",
        "2023 116.177, 2024 134.432, 2025 155.556",
    ] {
        assert!(wan.contains(needle), "{needle} not in\n{wan}");
    }
    assert!(!wan.contains("139.1402135"), "{wan}");
    // Chinese keeps 2 decimals of the data's own unit.
    let zh = render(Unit::WAN_YUAN, "10040000万元", "18000000万元", Lang::Zh);
    assert!(zh.contains("13914021.35万元，差4085978.65万元"), "{zh}");
    assert!(zh.contains("12675268.68"), "{zh}");
}

/// The R&D row of the growth table once showed the 2022 level (4.4%) as
/// if it were a change. The article gives no 2021 share, so the change is
/// computed as any change is, from the series, and the row says why there is
/// none.
#[test]
fn the_rd_row_says_why_it_shows_no_change() {
    let zh = render(Lang::Zh, Format::Text);
    let row = zh
        .lines()
        .find(|l| l.contains("R&D占GDP比重变化"))
        .expect("the R&D row");
    let value = row.split("R&D占GDP比重变化").nth(1).unwrap().trim_start();
    assert!(value.starts_with('—'), "{row}");
    assert!(zh.contains("未给出2021年的比重，"));
    let en = render(Lang::En, Format::Markdown);
    assert!(en.contains("not the 2021 one, so there is no change to show"));
}

/// The top100 example printed lines of 200, 103 and
/// 101 columns and "edition(s)". Every line of its text fits 100 columns as
/// a CJK terminal draws it, and the plural is written out.
#[test]
fn top100_text_fits_100_columns_and_says_editions() {
    let text = top100::build().unwrap().text;
    for (i, line) in text.lines().enumerate() {
        let w = columns(line);
        assert!(w <= 100, "top100 line {}: {w} columns: {line}", i + 1);
    }
    assert!(!text.contains("(s)"), "{text}");
    // RankChange::from_published(122, 17): 22 places to go at 17 a year.
    assert!(
        text.contains("at 17 places per edition it is reached in 2 more editions, by 2024."),
        "{text}"
    );
    // The 2021 rank is implied: the text says it is an estimate.
    assert!(
        text.contains("so 139 in 2021 (an estimate: 122 + 17)"),
        "{text}"
    );
}

/// top100 wrote its chart to ./target/top100-charts
/// whatever CARGO_TARGET_DIR said. Both examples take their folder from one
/// rule: `--out-dir`, else the example's folder in Cargo's target folder.
#[test]
fn chart_folders_follow_out_dir_then_cargo_target_dir() {
    use std::ffi::OsString;
    use std::path::PathBuf;
    for name in ["top100-charts", "rongchang-charts"] {
        assert_eq!(
            cli::chart_dir(None, Some(OsString::from("/tmp/build")), name),
            PathBuf::from("/tmp/build").join(name)
        );
        assert_eq!(
            cli::chart_dir(None, None, name),
            PathBuf::from("target").join(name)
        );
        // An empty CARGO_TARGET_DIR is not set, as Cargo reads it.
        assert_eq!(
            cli::chart_dir(None, Some(OsString::new()), name),
            PathBuf::from("target").join(name)
        );
        assert_eq!(
            cli::chart_dir(
                Some(PathBuf::from("charts")),
                Some(OsString::from("/tmp/build")),
                name
            ),
            PathBuf::from("charts")
        );
        assert!(cli::help(name).contains(&format!("$CARGO_TARGET_DIR/{name}")));
    }
    // The arguments both examples read alike.
    let mut args = ["--out-dir", "charts", "--lang", "-h"]
        .map(OsString::from)
        .into_iter();
    assert!(
        matches!(cli::next(&mut args), Some(Ok(cli::Arg::OutDir(d))) if d == std::path::Path::new("charts"))
    );
    assert!(matches!(cli::next(&mut args), Some(Ok(cli::Arg::Other(a))) if a == "--lang"));
    assert!(matches!(cli::next(&mut args), Some(Ok(cli::Arg::Help))));
    assert!(cli::next(&mut args).is_none());
    let mut missing = [OsString::from("--out-dir")].into_iter();
    assert!(matches!(cli::next(&mut missing), Some(Err(e)) if e == "--out-dir needs a folder"));
    assert_eq!(cli::unknown("--x"), "unknown argument \"--x\"; try --help");
    // A build without charts refuses --out-dir rather than leave it empty.
    let err = cli::refuse_without_plot(Some(std::path::Path::new("charts"))).unwrap_err();
    assert!(err.contains("--out-dir charts"), "{err}");
    assert!(cli::refuse_without_plot(None).is_ok());
}

/// A chart folder that cannot be made was reported
/// as `Error::Empty { what: "a writable chart folder" }`. `report::save`
/// names the folder and the operating system's reason.
#[test]
fn saving_where_no_folder_can_be_made_names_the_folder() {
    use indstat::Error;
    let file = std::env::temp_dir().join(format!("indstat-save-{}", std::process::id()));
    std::fs::write(&file, "not a folder").unwrap();
    let under = file.join("top100-charts");
    let err = indstat::report::save(&under, "rank-intervals.svg", "<svg/>").unwrap_err();
    match &err {
        Error::File {
            action, path, kind, ..
        } => {
            assert_eq!(*action, "create the folder");
            assert_eq!(path, &under);
            assert_ne!(*kind, std::io::ErrorKind::Other);
        }
        other => panic!("{other:?}"),
    }
    let message = err.to_string();
    assert!(message.contains(&under.display().to_string()), "{message}");
    // The OS's words follow the path.
    assert!(message.len() > "cannot create the folder ".len() + under.as_os_str().len() + 2);
    let written =
        indstat::report::save(&std::env::temp_dir(), "indstat-save.svg", "<svg/>").unwrap();
    assert_eq!(std::fs::read_to_string(written).unwrap(), "<svg/>");
    std::fs::remove_file(file).unwrap();
}

/// Any report, in any language and form, fits any width from 20 columns:
/// long words, long Chinese runs, wide tables and long headings included.
mod fits {
    use super::{FORMS, columns};
    use indstat::report::{Align, Report, Section, Table, Text};
    use proptest::prelude::*;

    fn word() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z]{1,14}",
            "[\u{4e00}-\u{9fa5}]{1,10}",
            "[0-9]{1,7}(\\.[0-9]{1,3})?",
            Just("，".to_owned()),
            Just("（".to_owned()),
            Just("）".to_owned()),
            Just("—".to_owned()),
            Just("1004亿元".to_owned()),
            "[a-z]{30,60}",
        ]
    }

    fn phrase(max: usize) -> impl Strategy<Value = String> {
        (proptest::collection::vec(word(), 0..max), any::<bool>())
            .prop_map(|(w, spaced)| w.join(if spaced { " " } else { "" }))
    }

    fn text(max: usize) -> impl Strategy<Value = Text> {
        (phrase(max), phrase(max)).prop_map(|(zh, en)| Text::new(zh, en))
    }

    fn table() -> impl Strategy<Value = Table> {
        (1usize..6).prop_flat_map(|n| {
            (
                proptest::collection::vec((text(3), any::<bool>()), n),
                proptest::collection::vec(proptest::collection::vec(text(8), n), 0..5),
            )
                .prop_map(|(cols, rows)| {
                    let mut t = Table::new(
                        cols.into_iter()
                            .map(|(h, r)| (h, if r { Align::Right } else { Align::Left }))
                            .collect(),
                    );
                    for r in rows {
                        t.push(r).unwrap();
                    }
                    t
                })
        })
    }

    fn report() -> impl Strategy<Value = Report> {
        (
            text(12),
            text(30),
            proptest::collection::vec(
                (
                    text(12),
                    text(40),
                    table(),
                    text(4),
                    proptest::collection::vec(text(20), 0..3),
                ),
                1..3,
            ),
        )
            .prop_map(|(title, source, sections)| {
                let mut r = Report::new(title).source(source);
                for (heading, para, table, notes_title, notes) in sections {
                    r = r.section(
                        Section::new(heading)
                            .paragraph(para)
                            .table(table)
                            .notes(notes_title, notes),
                    );
                }
                r
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn every_line_fits(report in report(), width in 20usize..=120) {
            for (lang, format) in FORMS {
                let out = report.render_width(lang, format, width);
                for line in out.lines() {
                    prop_assert!(
                        columns(line) <= width,
                        "{:?} {:?} at {}: {} columns: {:?}", lang, format, width, columns(line), line
                    );
                }
            }
        }
    }
}

/// Columns line up in terminal columns, Chinese characters counting two.
#[test]
fn text_tables_align_for_chinese() {
    use unicode_width::UnicodeWidthStr;
    let zh = render(Lang::Zh, Format::Text);
    // In every table, the rule line and the lines above and below it agree in width.
    let lines: Vec<&str> = zh.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        if l.starts_with("  --") {
            let rule = UnicodeWidthStr::width(*l);
            let header = UnicodeWidthStr::width(lines[i - 1].trim_end());
            assert!(
                header <= rule,
                "header wider than its rule at line {i}: {}",
                lines[i - 1]
            );
        }
    }
}

#[cfg(feature = "plot")]
mod charts {
    use indstat::dec;
    use indstat::report::{Lang, Text, chart};
    use indstat::{Decimal, Figure, ObsStatus, Period, Point, Quantity, Unit};

    fn texts(doc: &roxmltree::Document<'_>) -> Vec<String> {
        doc.descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text().map(str::to_owned))
            .collect()
    }

    fn classes(doc: &roxmltree::Document<'_>) -> Vec<String> {
        doc.descendants()
            .filter_map(|n| n.attribute("class").map(str::to_owned))
            .collect()
    }

    #[test]
    fn target_chart_parses_and_holds_its_series() {
        let z = super::zone::build().unwrap();
        for lang in [Lang::Zh, Lang::En, Lang::Both] {
            let svg = chart::target_chart(&z.t1, &z.history, &z.rates, lang).unwrap();
            let doc = roxmltree::Document::parse(&svg).unwrap();
            let c = classes(&doc);
            for series in [
                "history", "required", "trend", "scenario", "target", "deadline", "legend",
            ] {
                assert!(c.iter().any(|x| x == series), "{lang:?}: no {series}");
            }
            let t = texts(&doc);
            let unit = match lang {
                Lang::En => "100 million yuan",
                _ => "亿元",
            };
            assert!(
                t.iter().any(|x| x.contains(unit)),
                "{lang:?}: no unit label in {t:?}"
            );
            assert!(
                t.iter().any(|x| x.contains("2026")),
                "{lang:?}: no deadline"
            );
        }
    }

    /// The T1 chart is titled with the 规上 target and starts from
    /// the all-industry 1004亿元: it says so under its title, and its history,
    /// a single point, is drawn as a visible marker, not a one-point line.
    #[test]
    fn target_chart_states_its_bridge_and_marks_a_single_point() {
        let z = super::zone::build().unwrap();
        for (lang, note, title, history) in [
            (
                Lang::Zh,
                "口径假定：假定全部工业与规模以上(年主营业务收入2000万元及以上)口径相同",
                "规上企业工业产值：突破1800亿元",
                "实际（全部工业）",
            ),
            (
                Lang::En,
                "Scope bridge: all industry is treated as above designated size (revenue ≥ 20 million yuan)",
                "industrial output of enterprises above designated size: above 180 billion yuan",
                "history (all industry)",
            ),
        ] {
            let svg = chart::target_chart(&z.t1, &z.history, &z.rates, lang).unwrap();
            let doc = roxmltree::Document::parse(&svg).unwrap();
            let notes: Vec<String> = doc
                .descendants()
                .filter(|n| n.attribute("class") == Some("note"))
                .flat_map(|n| n.descendants().filter_map(|d| d.text().map(str::to_owned)))
                .collect();
            assert!(notes.iter().any(|t| t == note), "{lang:?}: {notes:?}");
            let t = texts(&doc);
            assert!(t.iter().any(|x| x == title), "{lang:?}: {t:?}");
            let legend: Vec<&str> = doc
                .descendants()
                .filter(|n| n.has_tag_name("tspan"))
                .filter_map(|n| n.text())
                .collect();
            assert!(legend.contains(&history), "{lang:?}: {legend:?}");
            let marker = doc
                .descendants()
                .find(|n| n.attribute("class") == Some("history"))
                .unwrap();
            assert!(marker.has_tag_name("circle"), "{lang:?}");
            let r: f64 = marker.attribute("r").unwrap().parse().unwrap();
            assert!(r >= 5.0, "{lang:?}: r = {r}");
            assert!(svg.matches("class=\"history").count() == 1, "{lang:?}");
        }
    }

    fn year(y: i32) -> Period {
        Period::year(y).unwrap()
    }

    /// An output target of 1800亿元 in 2026 and a history of `points`, both
    /// of one scope (so no bridge).
    fn output_target(
        points: impl IntoIterator<Item = Point>,
    ) -> (indstat::targets::LevelTarget, indstat::Series) {
        use indstat::{EntityId, Indicator, Kind, Series};
        let ind = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow).unwrap();
        let target = indstat::targets::LevelTarget::new(
            ind.clone(),
            "1800亿元".parse().unwrap(),
            year(2026),
        )
        .unwrap();
        let history = Series::from_points(EntityId::new("z").unwrap(), ind, points).unwrap();
        (target, history)
    }

    /// Data and target of one scope need no bridge, and the chart states none.
    #[test]
    fn target_chart_without_a_bridge_has_no_note() {
        use indstat::Rate;
        use indstat::targets::Trend;
        let (target, history) = output_target([
            Point::new(year(2021), "925亿元".parse().unwrap()),
            Point::new(year(2022), "1004亿元".parse().unwrap()),
        ]);
        let gap = target
            .analyse(&history)
            .trend(Trend::Rate(Rate::from_percent(dec!(8.5)).unwrap()))
            .run()
            .unwrap();
        let svg = chart::target_chart(&gap, &history, &[], Lang::En).unwrap();
        assert!(!svg.contains("class=\"note\""));
        // Two points: a line, not a lone marker.
        assert!(svg.contains("<polyline class=\"history\""));
    }

    /// Ranks by edition as points: `(year, rank, status)`.
    fn editions(ranks: &[(i32, i64, ObsStatus)]) -> Vec<Point> {
        ranks
            .iter()
            .map(|(y, r, s)| {
                Point::new(
                    Period::year(*y).unwrap(),
                    Figure::exact_value(Quantity::new(Decimal::from(*r), Unit::RANK)),
                )
                .with_status(*s)
            })
            .collect()
    }

    fn has_class(n: &roxmltree::Node<'_, '_>, class: &str) -> bool {
        n.attribute("class")
            .is_some_and(|c| c.split_whitespace().any(|x| x == class))
    }

    /// The text of a `<text>`, its lines (`<tspan>`s) joined by a space.
    fn text_of(n: &roxmltree::Node<'_, '_>) -> String {
        n.descendants()
            .filter(|d| d.is_text())
            .filter_map(|d| d.text())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn rank_chart_parses_and_holds_its_series() {
        let editions = editions(&[
            (2021, 139, ObsStatus::Normal),
            (2022, 122, ObsStatus::Normal),
        ]);
        let intervals = [chart::RankInterval::new(
            Text::new("荣昌", "Rongchang"),
            dec!(122),
            dec!(112),
            dec!(131),
        )
        .unwrap()];
        let svg = chart::rank_chart(
            &Text::new("排名", "rank"),
            &editions,
            dec!(100),
            &intervals,
            Lang::Zh,
        )
        .unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let c = classes(&doc);
        for series in ["ranks", "cutoff", "interval", "legend"] {
            assert!(c.iter().any(|x| x == series), "no {series}");
        }
        let t: Vec<String> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .map(|n| text_of(&n))
            .collect();
        for label in ["前100位", "第122位", "第139位", "122", "112–131"] {
            assert!(t.iter().any(|x| x == label), "no label {label} in {t:?}");
        }
        assert!(svg.contains(">荣昌</tspan>"));
        // Observed ranks only: nothing is marked an estimate.
        assert!(!svg.contains("estimate"), "{svg}");
    }

    /// What a chart shows of an estimated point: its marker hollow, the
    /// segment to it dashed, its label and a legend entry saying so.
    fn assert_marks_the_estimate(svg: &str, label_zh: &str, label_en: &str, lang: Lang) {
        let doc = roxmltree::Document::parse(svg).unwrap();
        let estimates: Vec<_> = doc
            .descendants()
            .filter(|n| has_class(n, "estimate"))
            .collect();
        let point = estimates
            .iter()
            .find(|n| n.has_tag_name("circle"))
            .expect("an estimate marker");
        assert_eq!(point.attribute("fill"), Some("white"), "hollow: {svg}");
        let segment = estimates
            .iter()
            .find(|n| n.has_tag_name("polyline"))
            .expect("a dashed segment");
        assert!(
            segment
                .attribute("stroke-dasharray")
                .is_some_and(|d| !d.trim().is_empty()),
            "dashed: {svg}"
        );
        // The observed points stay solid and filled.
        let observed: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("circle") && has_class(n, "ranks-point"))
            .filter(|n| !has_class(n, "estimate"))
            .collect();
        assert!(!observed.is_empty());
        assert!(
            observed
                .iter()
                .all(|n| n.attribute("fill") != Some("white"))
        );
        let label: Vec<String> = doc
            .descendants()
            .filter(|n| has_class(n, "rank-label") && has_class(n, "estimate"))
            .map(|n| text_of(&n))
            .collect();
        let want = match lang {
            Lang::Zh => label_zh.to_owned(),
            Lang::En => label_en.to_owned(),
            Lang::Both => format!("{label_zh} {label_en}"),
        };
        assert_eq!(label, [want], "{svg}");
        let legend: Vec<String> = doc
            .descendants()
            .filter(|n| has_class(n, "legend-estimate"))
            .map(|n| text_of(&n))
            .collect();
        let want = match lang {
            Lang::Zh => "估计值",
            Lang::En => "estimate",
            Lang::Both => "估计值 estimate",
        };
        assert_eq!(legend, [want], "{svg}");
    }

    /// The T3 chart drew the 2021 rank,
    /// 139 = 122 + 17 implied by "up 17 places", exactly like the observed
    /// 122nd, while the report says 第139位（估计值）.
    #[test]
    fn t3_chart_marks_the_estimated_rank() {
        let z = super::zone::build().unwrap();
        for lang in [Lang::Zh, Lang::En, Lang::Both] {
            let svg = super::rongchang_charts::t3(&z, lang).unwrap();
            assert_marks_the_estimate(&svg, "第139位（估计值）", "139th (estimate)", lang);
        }
    }

    /// The top100 chart drew the implied
    /// 2021 rank as observed; and Rongchang's name was cut to "Rongcha…".
    #[test]
    fn top100_chart_marks_the_estimated_rank_and_names_rongchang_in_full() {
        let t = super::top100::build().unwrap();
        let svg = super::top100::chart(&t).unwrap();
        assert_marks_the_estimate(&svg, "第139位（估计值）", "139th (estimate)", Lang::Both);
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let names: Vec<String> = doc
            .descendants()
            .filter(|n| has_class(n, "name"))
            .map(|n| text_of(&n))
            .collect();
        assert!(names.iter().any(|n| n == "荣昌 Rongchang"), "{names:?}");
        assert!(names.iter().all(|n| !n.contains('…')), "{names:?}");
    }

    /// An estimate in a target chart's history is marked too, and a missing
    /// value is left out.
    #[test]
    fn target_chart_marks_an_estimated_history_point() {
        let (target, history) = output_target([
            Point::new(year(2020), "0亿元".parse().unwrap()).with_status(ObsStatus::Missing),
            Point::new(year(2021), "925.35亿元".parse().unwrap()).with_status(ObsStatus::Estimated),
            Point::new(year(2022), "1004亿元".parse().unwrap()),
        ]);
        let gap = target.analyse(&history).run().unwrap();
        let svg = chart::target_chart(&gap, &history, &[], Lang::En).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let hollow: Vec<_> = doc
            .descendants()
            .filter(|n| has_class(n, "history-point") && has_class(n, "estimate"))
            .collect();
        assert_eq!(hollow.len(), 1, "{svg}");
        assert_eq!(hollow[0].attribute("fill"), Some("white"));
        // 2021 and 2022 are drawn, 2020 (missing) is not.
        let points = doc
            .descendants()
            .filter(|n| has_class(n, "history-point"))
            .count();
        assert_eq!(points, 2, "{svg}");
        assert!(
            doc.descendants()
                .any(|n| has_class(&n, "history") && has_class(&n, "estimate")),
            "{svg}"
        );
        assert!(svg.contains(">estimate</tspan>"), "{svg}");
    }

    /// The T1 chart's title in both languages ran to
    /// about 887 px on an 880 px canvas. Each title line fits the canvas with
    /// a margin, at one em for a Chinese character (16 px) and 0.6 em for any
    /// other, the Chinese and the English on lines of their own.
    #[test]
    fn chart_titles_fit_the_canvas() {
        let z = super::zone::build().unwrap();
        let width = |s: &str| -> f64 {
            s.chars()
                .map(|c| {
                    if unicode_width::UnicodeWidthChar::width(c) == Some(2) {
                        16.0
                    } else {
                        9.6
                    }
                })
                .sum()
        };
        for lang in [Lang::Zh, Lang::En, Lang::Both] {
            for svg in [
                super::rongchang_charts::t1(&z, lang).unwrap(),
                super::rongchang_charts::t3(&z, lang).unwrap(),
            ] {
                let doc = roxmltree::Document::parse(&svg).unwrap();
                let title = doc
                    .descendants()
                    .find(|n| n.attribute("class") == Some("title"))
                    .unwrap();
                let canvas: f64 = doc
                    .root_element()
                    .attribute("width")
                    .unwrap()
                    .parse()
                    .unwrap();
                let lines: Vec<&str> = match title.text() {
                    Some(t) if !t.trim().is_empty() => vec![t],
                    _ => title.children().filter_map(|c| c.text()).collect(),
                };
                for l in &lines {
                    assert!(width(l) <= canvas - 40.0, "{lang:?}: {} px: {l}", width(l));
                }
                if lang == Lang::Both {
                    assert!(lines.len() >= 2, "{lines:?}");
                }
            }
        }
        let both = chart::target_chart(&z.t1, &z.history, &z.rates, Lang::Both).unwrap();
        assert!(
            both.contains(">规上企业工业产值：突破1800亿元</tspan>"),
            "{both}"
        );
        assert!(
            both.contains(
                ">industrial output of enterprises above designated size: above 180 billion yuan</tspan>"
            ),
            "{both}"
        );
    }

    /// A rank chart takes ranks only.
    #[test]
    fn rank_chart_refuses_what_is_not_a_rank() {
        let refused = |value: &str| {
            let editions = [Point::new(year(2022), value.parse().unwrap())];
            chart::rank_chart(&Text::same("x"), &editions, dec!(100), &[], Lang::En).unwrap_err()
        };
        let err = refused("1004亿元");
        assert!(matches!(err, indstat::Error::UnitMismatch { .. }), "{err}");
        let err = refused("前100位");
        assert!(matches!(err, indstat::Error::NotExact { .. }), "{err}");
    }
}
