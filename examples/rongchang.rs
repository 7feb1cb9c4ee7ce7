//! The zone report for Rongchang High-Tech Zone (荣昌高新区), from the article's
//! figures: a bilingual table grouped by theme, with units and bounds shown, and
//! the zone's targets with their scopes and deadlines.
//!
//! Run with `cargo run --example rongchang`.

use indstat::datasets::rongchang::{self, Row, TargetRow, Theme};
use indstat::{Indicator, PriceBasis, Scope};
use unicode_width::UnicodeWidthStr;

/// Pads `text` with spaces to `width` terminal columns (Chinese characters take two).
fn pad(text: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

/// What a reader must know to use the number: kind, scope, price basis.
fn qualifiers(indicator: &Indicator) -> (String, String) {
    let mut zh = vec![kind_zh(indicator)];
    let mut en = vec![indicator.kind().code().to_owned()];
    if indicator.scope() != &Scope::Whole {
        zh.push(indicator.scope().zh());
        en.push(indicator.scope().to_string());
    }
    if indicator.price_basis() != PriceBasis::NotApplicable {
        zh.push(indicator.price_basis().zh());
        en.push(indicator.price_basis().to_string());
    }
    (zh.join("，"), en.join(", "))
}

fn kind_zh(indicator: &Indicator) -> String {
    match indicator.kind().code() {
        "flow" => "流量",
        "stock" => "存量",
        "count" => "计数",
        "ratio" => "比率",
        "rank" => "排名",
        "score" => "得分",
        "change" => "变化",
        _ => "其他",
    }
    .to_owned()
}

fn print_rows(theme: Theme, rows: &[&Row]) {
    println!("\n{} · {}", theme.zh(), theme.en());
    let width = |text: &dyn Fn(&Row) -> String, least: usize| {
        rows.iter()
            .map(|r| UnicodeWidthStr::width(text(r).as_str()))
            .fold(least, usize::max)
    };
    let name_w = width(&|r| r.indicator().name_zh().to_owned(), 4);
    let zh_w = width(&|r| r.value().zh(), 4);
    let en_w = width(&|r| r.value().en(), 5);
    println!(
        "  {:>2}  {}  {}  {}  indicator [kind, scope, prices]",
        "#",
        pad("指标", name_w),
        pad("数值", zh_w),
        pad("value", en_w)
    );
    for r in rows {
        let (_, q_en) = qualifiers(r.indicator());
        println!(
            "  {:>2}  {}  {}  {}  {} [{}]",
            r.number(),
            pad(r.indicator().name_zh(), name_w),
            pad(&r.value().zh(), zh_w),
            pad(&r.value().en(), en_w),
            r.label_en(),
            q_en
        );
    }
}

fn print_targets(targets: &[TargetRow]) {
    println!("\n目标 · Targets");
    for t in targets {
        let (deadline_zh, deadline_en) = match t.deadline() {
            Some(p) => (format!("到{}", p.zh()), format!("by {}", p.en())),
            None => ("未定期限".to_owned(), "no deadline stated".to_owned()),
        };
        let (q_zh, q_en) = qualifiers(t.indicator());
        println!("  {}  {}", t.id(), t.phrase_zh());
        println!(
            "      {}：{}（{}；{}）",
            t.indicator().name_zh(),
            t.value().zh(),
            deadline_zh,
            q_zh
        );
        println!(
            "      {}: {} ({}; {})",
            t.indicator().name_en(),
            t.value().en(),
            deadline_en,
            q_en
        );
        if let Some(th) = t.threshold() {
            println!(
                "      每家企业产值{} / each with output of {}",
                th.zh(),
                th.en()
            );
        }
    }
}

fn main() -> indstat::Result<()> {
    let rows = rongchang::rows()?;
    let targets = rongchang::targets()?;

    println!(
        "荣昌高新区 {}年主要指标 · Rongchang High-Tech Zone, key figures for {}",
        rongchang::YEAR,
        rongchang::YEAR
    );
    println!("来源 Source: {}", rongchang::CITATION);
    println!("“余”/“以上” are bounds: 4000余人 = more than 4,000 people; 10家以上 = at least 10.");

    for theme in Theme::ALL {
        let group: Vec<&Row> = rows.iter().filter(|r| r.theme() == theme).collect();
        if !group.is_empty() {
            print_rows(theme, &group);
        }
    }
    print_targets(&targets);

    println!("\n注意 · Note");
    println!(
        "  2022年工业总产值1004亿元为全部工业口径；2026年目标1800亿元为规模以上工业口径，两者不可直接比较。"
    );
    println!(
        "  The 2022 output of 100.4 billion yuan covers all industry; the 2026 target of 180 billion"
    );
    println!(
        "  yuan covers enterprises above designated size. They cannot be compared without a stated bridge."
    );
    Ok(())
}
