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
    use indstat::report::{Lang, Text, chart};
    use rust_decimal_macros::dec;

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
