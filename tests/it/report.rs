//! The zone report: snapshot tests (insta) of every language and form, and,
//! with the `plot` feature, checks that each SVG chart parses as XML and holds
//! its series and labels. The report is assembled by the example's own code.

#[allow(dead_code)]
#[path = "../../examples/rongchang/zone.rs"]
mod zone;

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
/// how far from each target, and on what assumptions (issue 6, "done when").
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

/// Display columns as the report counts them: a Chinese character is two;
/// in Chinese and in both languages, East Asian ambiguous marks (“ ÷ – ρ)
/// are two as well, as CJK terminals draw them.
fn columns(line: &str, lang: Lang) -> usize {
    use unicode_width::UnicodeWidthStr;
    match lang {
        Lang::En => UnicodeWidthStr::width(line),
        _ => UnicodeWidthStr::width_cjk(line),
    }
}

const FORMS: [(Lang, Format); 6] = [
    (Lang::Zh, Format::Text),
    (Lang::En, Format::Text),
    (Lang::Both, Format::Text),
    (Lang::Zh, Format::Markdown),
    (Lang::En, Format::Markdown),
    (Lang::Both, Format::Markdown),
];

/// Issue 14: the report ran to 260 display columns. No line of any language
/// or form is wider than 100.
#[test]
fn no_line_is_wider_than_100_columns() {
    assert_eq!(indstat::report::WIDTH, 100);
    for (lang, format) in FORMS {
        let out = render(lang, format);
        for (i, line) in out.lines().enumerate() {
            let w = columns(line, lang);
            assert!(
                w <= 100,
                "{lang:?} {format:?} line {}: {w} columns: {line}",
                i + 1
            );
        }
    }
}

/// Issue 14, the analyst's reading of the report: one ranking section; a
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
    let en = wide(Lang::En);
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

/// Issue 14: the English scenario column mixed "126.753 billion yuan" and
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

/// Issue 14: the R&D row of the growth table showed the 2022 level (4.4%) as
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
                        columns(line, lang) <= width,
                        "{:?} {:?} at {}: {} columns: {:?}", lang, format, width, columns(line, lang), line
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

    /// Issue 14: the T1 chart is titled with the 规上 target and starts from
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

    /// Data and target of one scope need no bridge, and the chart states none.
    #[test]
    fn target_chart_without_a_bridge_has_no_note() {
        use indstat::targets::{LevelTarget, Trend};
        use indstat::{EntityId, Indicator, Kind, Period, Point, Rate, Series, Unit};
        let ind = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow).unwrap();
        let year = |y| Period::year(y).unwrap();
        let target =
            LevelTarget::new(ind.clone(), "1800亿元".parse().unwrap(), year(2026)).unwrap();
        let history = Series::from_points(
            EntityId::new("z").unwrap(),
            ind,
            [
                Point::new(year(2021), "925亿元".parse().unwrap()),
                Point::new(year(2022), "1004亿元".parse().unwrap()),
            ],
        )
        .unwrap();
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

    #[test]
    fn rank_chart_parses_and_holds_its_series() {
        let editions = [
            (indstat::Period::year(2021).unwrap(), dec!(139)),
            (indstat::Period::year(2022).unwrap(), dec!(122)),
        ];
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
        let t = texts(&doc);
        for label in ["前100位", "第122位", "第139位", "122", "112–131"] {
            assert!(t.iter().any(|x| x == label), "no label {label} in {t:?}");
        }
        assert!(svg.contains(">荣昌</tspan>"));
    }
}
