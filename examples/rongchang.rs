//! The zone report for Rongchang High-Tech Zone (荣昌高新区), from the article's
//! figures: a bilingual table grouped by theme, with units and bounds shown, and
//! the zone's targets with their scopes and deadlines.
//!
//! Run with `cargo run --example rongchang`.

use indstat::datasets::rongchang::{self, Row, TargetRow, Theme};
use indstat::growth::{self, Reach};
use indstat::target::{Bridge, LevelTarget, Method, RankTarget, Trend};
use indstat::{Assumption, Error, Indicator, Period, PriceBasis, Quantity, Rate, Scope, Series};
use rust_decimal::RoundingStrategy;
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

/// The targets measured: T1 with its scope bridge stated, T3 at the observed
/// pace, and how to supply T2's enterprise data.
fn print_target_analysis() -> indstat::Result<()> {
    println!("\n目标差距 · Target gaps");
    let t1 = rongchang::target("T1")?.ok_or(Error::Empty { what: "target T1" })?;
    let deadline = t1.deadline().ok_or(Error::Empty {
        what: "T1's deadline",
    })?;
    let target = LevelTarget::new(t1.indicator().clone(), *t1.value(), deadline)?;
    let history = Series::from_observations([row(3)?.observation().clone()])?;
    let pace = Rate::try_from(row(4)?.value().exact()?)?;
    let gap = target
        .analyse(&history)
        .bridge(Bridge::AssumeEqual)
        .trend(Trend::Rate(pace))
        .assume(Assumption::RateAtCurrentPrices)
        .run()?;
    println!(
        "  T1 {} → {}（{}）",
        gap.base().zh(),
        t1.value().zh(),
        deadline.zh()
    );
    println!(
        "     {} → {} ({})",
        gap.base().en(),
        t1.value().en(),
        deadline.en()
    );
    println!("     假定 · Assumptions:");
    for a in gap.assumptions() {
        println!("       - {} / {}", a.zh(), a.en());
    }
    let required = gap.required().ok_or(Error::Empty {
        what: "the required rate",
    })?;
    println!(
        "     差距 gap {} / {}；完成度 completion {:.2}",
        shown(gap.gap(), 2).zh(),
        shown(gap.gap(), 2).en(),
        Rate::from_fraction(gap.completion())
    );
    println!("     所需年均增速 required growth {required:.2} a year");
    if let Some(p) = gap.projections().first() {
        println!(
            "     按{pace}增速，{}年为{}，差{} · at {pace}: {} in {}, {} short",
            deadline.calendar_year(),
            shown(p.value(), 2).zh(),
            shown(p.shortfall(), 2).zh(),
            shown(p.value(), 2).en(),
            deadline.calendar_year(),
            shown(p.shortfall(), 2).en()
        );
    }
    for method in [Method::GrowthRatio, Method::UnsdProgressChart] {
        let a = gap.assess(method.clone())?;
        let name = match method {
            Method::GrowthRatio => "实际/所需增速比 R (Eurostat, Statistics Canada)",
            _ => "ρ (UNSD Progress Chart)",
        };
        let score = a
            .score()
            .map(|s| {
                s.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
                    .to_string()
            })
            .unwrap_or_else(|| "—".to_owned());
        println!(
            "     {name} = {score}：{} · {}",
            a.status().zh(),
            a.status().en()
        );
    }
    if let Some(Reach::InYears(n)) = gap.years_to_reach() {
        let year =
            Period::year(rongchang::YEAR)?.add_years(i32::try_from(n).unwrap_or(i32::MAX))?;
        println!(
            "     按{pace}增速于{}达到 · at {pace} reached during {}",
            year.zh(),
            year.en()
        );
    }
    println!(
        "     情景 · Scenarios ({} value and gap):",
        deadline.calendar_year()
    );
    let rates = [
        Rate::from_percent(rust_decimal::Decimal::from(6))?,
        pace,
        Rate::from_percent(rust_decimal::Decimal::from(12))?,
        required,
    ];
    for p in gap.scenarios(&rates)? {
        let rate = match p.method() {
            indstat::target::ProjectionMethod::Scenario(r) => format!("{r:.2}"),
            other => other.en(),
        };
        println!(
            "       {:>7}  {:>12}  {:>12}  {}",
            rate,
            shown(p.value(), 2).zh(),
            shown(p.shortfall(), 2).zh(),
            if p.meets_target() {
                "达标 met"
            } else {
                "未达标 short"
            }
        );
    }
    let path: Vec<String> = gap
        .milestones()
        .iter()
        .map(|(p, v)| format!("{} {}", p.calendar_year(), shown(v, 2).zh()))
        .collect();
    println!("     所需路径 · required path: {}", path.join(", "));
    let bridged = target
        .analyse(&history)
        .bridge(Bridge::Ratio(rust_decimal::Decimal::new(9, 1)))
        .run()?;
    if let Some(r) = bridged.required() {
        println!(
            "     若规上产值为全部工业的90%：基数{}，所需年均增速{r:.2} · if above-size output is 90% of all output: base {}, {r:.2} a year",
            shown(bridged.base(), 2).zh(),
            shown(bridged.base(), 2).en()
        );
    }

    let t3 = rongchang::target("T3")?.ok_or(Error::Empty { what: "target T3" })?;
    let rank_target = RankTarget::new(t3.indicator().clone(), *t3.value(), t3.deadline())?;
    let ranks = Series::from_observations([row(6)?.observation().clone()])?;
    let climbed = row(5)?.value().value();
    let r = rank_target.assess(&ranks, Some(climbed))?;
    let edition = r
        .reached()
        .map(|p| p.calendar_year().to_string())
        .unwrap_or_else(|| "—".to_owned());
    println!(
        "  T3 {}：距前100位还差{}位；按每年上升{}位，{}年考核进入 · {} places from the Top 100; at {} places a year, reached in the {} edition",
        t3.value().zh(),
        r.places_to_go(),
        climbed,
        edition,
        r.places_to_go(),
        climbed,
        edition
    );
    println!("      (按上年上升17位的速度外推 · assumes last year's climb of 17 places repeats)");
    println!("  T2 文章未提供企业产值数据 · the article gives no enterprise data. Supply it as");
    println!(
        "     CountTarget::new(..).assess(&[(EntityId::new(\"firm\")?, \"12亿元\".parse()?), ..])"
    );
    println!("     to count firms at or above 10亿元 and list those closest to the threshold.");
    Ok(())
}

fn row(number: u8) -> indstat::Result<Row> {
    rongchang::row(number)?.ok_or(Error::Empty {
        what: "a row of the dataset",
    })
}

/// Rounds a quantity to `dp` places for display, half away from zero (四舍五入).
fn shown(q: &Quantity, dp: u32) -> Quantity {
    Quantity::new(
        q.value()
            .round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero),
        q.unit(),
    )
}

/// Growth: implied bases (estimates, with why), a share, and the growth the
/// 2026 target would need.
fn print_growth() -> indstat::Result<()> {
    println!("\n增长 · Growth");

    let output = row(3)?;
    let output_growth = row(4)?;
    let implied = growth::implied_base(
        output.observation(),
        output_growth.observation(),
        growth::BasePeriod::YearAgo,
        &[Assumption::RateAtCurrentPrices],
    )?;
    let v2 = shown(implied.value().value().quantity(), 2);
    println!(
        "  2021年工业总产值(估算) {} · 2021 gross industrial output (estimate): {}",
        v2.zh(),
        v2.en()
    );
    println!(
        "      = 1004亿元 / (1 + 8.5%)，状态 E(估计值) · status E (estimated). 假定 · Assumptions:"
    );
    for a in implied.assumptions() {
        println!("      - {} / {}", a.zh(), a.en());
    }
    println!(
        "      官方增速按可比价计算，故此值并非公布的2021年数据 · Official growth is at comparable prices,"
    );
    println!("      so this is not the published 2021 level.");

    let patents = row(34)?;
    let patents_growth = row(35)?;
    let p2021 = growth::implied_base(
        patents.observation(),
        patents_growth.observation(),
        growth::BasePeriod::YearAgo,
        &[],
    )?;
    let pv2 = shown(p2021.value().value().quantity(), 2);
    println!(
        "  2021年每万人发明专利(估算) {} · 2021 invention patents (estimate): {}  [= 10.93 / 1.1007; {}]",
        pv2.zh(),
        pv2.en(),
        p2021
            .assumptions()
            .iter()
            .map(Assumption::en)
            .collect::<Vec<_>>()
            .join("; ")
    );

    let settled = row(1)?;
    let producing = row(2)?;
    let share = Rate::from_fraction(
        producing
            .value()
            .exact()?
            .checked_ratio(settled.value().exact()?)?,
    );
    println!(
        "  入驻企业投产率 {share:.2} · share of settled enterprises in production: {share:.2} (585 / 755)"
    );

    let t1 = rongchang::target("T1")?.ok_or(Error::Empty { what: "target T1" })?;
    let base = output.value().exact()?;
    let target = t1.value().quantity();
    let deadline = t1.deadline().ok_or(Error::Empty {
        what: "T1's deadline",
    })?;
    let need = growth::required_growth(base, Period::year(rongchang::YEAR)?, target, deadline)?;
    let pace = Rate::try_from(output_growth.value().exact()?)?;
    let at_pace = shown(&growth::project(base, pace, 4)?, 2);
    let reach = match growth::years_to_reach(base, target, pace)? {
        Reach::InYears(n) => Period::year(rongchang::YEAR)?
            .add_years(i32::try_from(n).unwrap_or(i32::MAX))?
            .to_string(),
        Reach::Already => "already".to_owned(),
        Reach::Never => "never".to_owned(),
    };
    println!(
        "  到2026年达到1800亿元所需年均增速 {need:.3} · annual growth 1800亿元 by 2026 would need: {need:.3}"
    );
    println!(
        "      按8.5%增速，2026年为{}，{}年达到1800亿元 · at 8.5%: {} in 2026, 1800 reached in {reach}",
        at_pace.zh(),
        reach,
        at_pace.en()
    );
    println!("      注意：基数1004亿元为全部工业口径，目标为规上口径；结果仅供参考。");
    println!(
        "      Caution: the base (1004亿元) is all industry, the target above designated size;"
    );
    println!("      the figures are indicative until the scopes are bridged.");
    Ok(())
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
    print_growth()?;
    print_targets(&targets);
    print_target_analysis()?;

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
