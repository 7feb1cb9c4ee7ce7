//! The Rongchang zone report, assembled from the built-in dataset: figures by
//! theme, growth, ranking and targets, with every assumption stated. Shared by
//! the example and its snapshot tests (`tests/it/report.rs`).

use indstat::datasets::rongchang::{self, Row, Theme};
use indstat::growth::{self, BasePeriod};
use indstat::report::{
    Report, Section, Text, figures_table, gap_section, growth_table, rank_section,
};
use indstat::targets::{
    Bridge, GapAnalysis, LevelTarget, Method, RankAssessment, RankTarget, Trend,
};
use indstat::{
    Assumption, Decimal, Error, ObsStatus, Observation, PriceBasis, Quantity, Rate, Result, Series,
    Source,
};

/// Everything the report and the charts need.
#[allow(dead_code)]
pub(crate) struct Zone {
    /// The report.
    pub(crate) report: Report,
    /// T1's gap analysis (for the target chart).
    pub(crate) t1: GapAnalysis,
    /// T1's history (for the target chart).
    pub(crate) history: Series,
    /// The scenario rates of the report.
    pub(crate) rates: Vec<Rate>,
    /// T3's rank assessment.
    pub(crate) t3: RankAssessment,
}

fn row(number: u8) -> Result<Row> {
    rongchang::row(number)?.ok_or(Error::Empty {
        what: "a row of the dataset",
    })
}

/// A quantity rounded for display, half away from zero (四舍五入).
fn shown(q: &Quantity, dp: u32) -> Text {
    let r = q.round_for_display(dp);
    Text::new(r.zh(), r.en())
}

/// The article does not say at which prices its growth rates are: the report
/// reads 8.5% as nominal, and says so.
fn nominal() -> Assumption {
    Assumption::PriceBasesEqual {
        from: PriceBasis::NotStated,
        to: PriceBasis::Current,
    }
}

fn notes(list: &[Assumption]) -> Text {
    let zh: Vec<String> = list.iter().map(Assumption::zh).collect();
    let en: Vec<String> = list.iter().map(Assumption::en).collect();
    Text::new(zh.join("；"), en.join("; "))
}

fn growth_section() -> Result<Section> {
    let output = row(3)?;
    let output_growth = row(4)?;
    let implied = growth::implied_base(
        output.observation(),
        output_growth.observation(),
        BasePeriod::YearAgo,
        &[nominal()],
    )?;
    let patents = growth::implied_base(
        row(34)?.observation(),
        row(35)?.observation(),
        BasePeriod::YearAgo,
        &[],
    )?;
    let share = Rate::from_fraction(
        row(2)?
            .value()
            .exact()?
            .checked_ratio(row(1)?.value().exact()?)?,
    );
    let rows = vec![
        (
            Text::new(
                "2021年工业总产值（估计值）",
                "2021 gross industrial output (estimate)",
            ),
            shown(implied.value().value().quantity(), 2),
            Text::new(
                format!(
                    "1004亿元 ÷ (1 + 8.5%)；{}",
                    notes(implied.assumptions()).zh()
                ),
                format!(
                    "100.4 billion yuan ÷ (1 + 8.5%); {}",
                    notes(implied.assumptions()).en()
                ),
            ),
        ),
        (
            Text::new(
                "2021年每万人发明专利（估计值）",
                "2021 invention patents per 10,000 people (estimate)",
            ),
            shown(patents.value().value().quantity(), 2),
            Text::new(
                format!(
                    "10.93 ÷ (1 + 10.07%)；{}",
                    notes(patents.assumptions()).zh()
                ),
                format!(
                    "10.93 ÷ (1 + 10.07%); {}",
                    notes(patents.assumptions()).en()
                ),
            ),
        ),
        (
            Text::new(
                "入驻企业投产率",
                "share of settled enterprises in production",
            ),
            Text::same(format!("{share:.2}")),
            Text::new(
                "投产企业585家 ÷ 入驻企业755家",
                "585 in production ÷ 755 settled",
            ),
        ),
        rd_change()?,
    ];
    Ok(Section::new(Text::new("增长", "Growth"))
        .table(growth_table(&rows)?)
        .paragraph(Text::new(
            "文章未说明8.5%的价格口径。官方工业增速通常按可比价计算；若如此，以现价总产值除以（1+增速）得到的只是名义估算，并非公布的2021年数据。",
            "The article does not say at which prices 8.5% is. Official industrial growth is usually at comparable prices; if so, a current-price level divided by (1 + growth) is only a nominal estimate, not the published 2021 figure.",
        )))
}

/// The change of R&D's share of GDP, computed from its series as any change
/// is: the article gives the 2022 share only, so the row says why there is
/// no change rather than showing the level as if it were one.
fn rd_change() -> Result<(Text, Text, Text)> {
    let rd = row(36)?;
    let series = Series::from_observations([rd.observation().clone()])?;
    let changes = series.changes(BasePeriod::YearAgo)?;
    let point = changes.get(rd.observation().period()).ok_or(Error::Empty {
        what: "the change of R&D's share",
    })?;
    let name = Text::new("R&D占GDP比重变化", "change of R&D as a share of GDP");
    Ok(match (point.change(), point.base_period()) {
        (Ok(c), Some(base)) => (
            name,
            Text::new(c.zh(), c.en()),
            Text::new(
                format!("{}比{}", rd.observation().period().zh(), base.zh()),
                format!("{} on {}", rd.observation().period().en(), base.en()),
            ),
        ),
        _ => {
            let base = BasePeriod::YearAgo.of(rd.observation().period())?;
            (
                name,
                Text::same("—"),
                Text::new(
                    format!(
                        "文章只给出{}的比重（{}），未给出{}的比重，无法计算变化（比重的变化以百分点计）",
                        rd.observation().period().zh(),
                        rd.value().zh(),
                        base.zh()
                    ),
                    format!(
                        "the article gives the {} share ({}) but not the {} one, so there is no change to show (a share changes in percentage points)",
                        rd.observation().period().en(),
                        rd.value().en(),
                        base.en()
                    ),
                ),
            )
        }
    })
}

/// The ranking theme: the two published figures and the previous edition's
/// rank they imply (139 = 122 + 17), an estimate.
fn ranking_section(heading: Text, observations: &[Observation]) -> Result<Section> {
    let rank = row(6)?;
    let change = row(5)?;
    let previous = rank
        .value()
        .exact()?
        .value()
        .checked_add(change.value().exact()?.value())
        .ok_or(Error::Empty {
            what: "the previous rank",
        })?;
    let period = rank.observation().period();
    let implied = Observation::new(
        rank.observation().entity().clone(),
        rank.indicator().clone(),
        period.year_ago()?,
        Quantity::new(previous, indstat::Unit::RANK).into(),
    )?
    .with_status(ObsStatus::Estimated)
    .with_source(Source::new(rongchang::CITATION).with_phrase(&format!(
        "{} + {}",
        rank.value(),
        change.value()
    )));
    let mut all = observations.to_vec();
    all.push(implied);
    Ok(Section::new(heading)
        .table(figures_table(&all)?)
        .paragraph(Text::new(
            format!(
                "{}的名次由{}{}推算。排名为国家火炬中心综合评价名次，按点对点通报，未公布得分。",
                period.year_ago()?.zh(),
                rank.value().zh(),
                change.value().zh()
            ),
            format!(
                "The {} rank is implied by {}, {}. The rank is the Torch Center's composite evaluation, notified point to point; no scores are published.",
                period.year_ago()?.en(),
                rank.value().en(),
                change.value().en()
            ),
        )))
}

/// The output theme: the figures, then the three indicators row 7's bound
/// is stated for, each with its own scope and price basis.
fn output_section(heading: Text, observations: &[Observation]) -> Result<Section> {
    let main = row(7)?;
    Ok(Section::new(heading)
        .table(figures_table(observations)?)
        .paragraph(Text::new(
            format!("{}分别适用于：", main.value().zh()),
            format!("{} applies to each of:", main.value().en()),
        ))
        .table(figures_table(main.components())?))
}

/// Builds the zone report.
pub(crate) fn build() -> Result<Zone> {
    let rows = rongchang::rows()?;
    let mut report = Report::new(Text::new(
        format!("荣昌高新区{}年主要指标与目标", rongchang::YEAR),
        format!(
            "Rongchang High-Tech Zone: key figures and targets, {}",
            rongchang::YEAR
        ),
    ))
    .source(Text::same(rongchang::CITATION));

    for theme in Theme::ALL {
        let obs: Vec<_> = rows
            .iter()
            .filter(|r| r.theme() == theme)
            .map(|r| r.observation().clone())
            .collect();
        let heading = Text::new(theme.zh(), {
            let mut en = theme.en().to_owned();
            if let Some(first) = en.get_mut(0..1) {
                first.make_ascii_uppercase();
            }
            en
        });
        let section = match theme {
            Theme::Output => output_section(heading, &obs)?,
            Theme::Ranking => ranking_section(heading, &obs)?,
            _ => Section::new(heading).table(figures_table(&obs)?),
        };
        report = report.section(section);
    }
    report = report.section(growth_section()?);

    // T3: rank target at last year's pace.
    let t3_row = rongchang::target("T3")?.ok_or(Error::Empty { what: "target T3" })?;
    let t3 = RankTarget::new(
        t3_row.indicator().clone(),
        *t3_row.value(),
        t3_row.deadline(),
    )?;
    let ranks = Series::from_observations([row(6)?.observation().clone()])?;
    let pace = row(5)?.value().value();
    let t3_assessment = t3.assess(&ranks, Some(pace))?;

    // T1: the output target, with the scope bridge stated.
    let t1_row = rongchang::target("T1")?.ok_or(Error::Empty { what: "target T1" })?;
    let deadline = t1_row.deadline().ok_or(Error::Empty {
        what: "T1's deadline",
    })?;
    let t1 = LevelTarget::new(t1_row.indicator().clone(), *t1_row.value(), deadline)?;
    let history = Series::from_observations([row(3)?.observation().clone()])?;
    let trend = Rate::try_from(row(4)?.value().exact()?)?;
    let gap = t1
        .analyse(&history)
        .bridge(Bridge::AssumeEqual)
        .trend(Trend::Rate(trend))
        .assume(nominal())
        .run()?;
    let (low, high) = (
        Rate::from_percent(Decimal::from(6))?,
        Rate::from_percent(Decimal::from(12))?,
    );
    let rates = vec![low, high];
    let all_rates = vec![low, trend, high];
    let title = Text::new(
        format!("T1 {}", t1_row.phrase_zh()),
        format!("T1 {}", t1_row.label_en()),
    );
    let section = gap_section(
        title,
        &gap,
        &[Method::GrowthRatio, Method::UnsdProgressChart],
        &all_rates,
    )?;
    let bridged = t1
        .analyse(&history)
        .bridge(Bridge::Ratio(Decimal::new(9, 1)))
        .run()?;
    // The requirement with its bound: T1 is 突破 (strictly more), so growth
    // at exactly the required rate reaches 1800 and does not pass it.
    let section = match bridged.requirement() {
        Some(need) => {
            let (is_zh, of_en) = match need.qualifier_en() {
                "" => ("为", "of "),
                _ => ("", ""),
            };
            section.paragraph(Text::new(
                format!("另一种口径假定：若规上产值为全部工业的90%，基数为{}，所需年均增速{is_zh}{}。", shown(bridged.base(), 2).zh(), need.zh(2)),
                format!("Another bridge: if above-size output is 90% of all output, the base is {} and growth {of_en}{need:.2} a year is needed.", shown(bridged.base(), 2).en()),
            ))
        }
        None => section,
    };
    report = report.section(section);
    report = report.section(rank_section(
        Text::new(
            format!("T3 {}", t3_row.phrase_zh()),
            format!("T3 {}", t3_row.label_en()),
        ),
        &t3,
        &t3_assessment,
    )?);
    let t2 = rongchang::target("T2")?.ok_or(Error::Empty { what: "target T2" })?;
    let t4 = rongchang::target("T4")?.ok_or(Error::Empty { what: "target T4" })?;
    report = report.section(
        Section::new(Text::new("其他目标", "Other targets"))
            .paragraph(Text::new(
                format!("T2 {}：文章未给出企业产值数据，无法评估；提供各企业产值后即可统计达到10亿元的企业数及最接近门槛的企业。", t2.phrase_zh()),
                format!("T2 {}: the article gives no enterprise data, so it cannot be assessed; given each enterprise's output, the crate counts those with output of at least 1 billion yuan and lists the closest.", t2.label_en()),
            ))
            .paragraph(Text::new(
                format!("T4 {}：千亿级（{}），未定期限，文章未给出集群产值。", t4.phrase_zh(), t4.value().zh_target()),
                format!("T4 {}: of the order of {}, no deadline stated; the article gives no cluster output.", t4.label_en(), t4.value().en_target()),
            )),
    );
    report = report.section(
        Section::new(Text::new("说明", "Notes")).notes(
            Text::new("读数说明", "Reading the figures"),
            vec![
                Text::new("“余”“以上”为下限：4000余人即超过4000人，10家以上即至少10家。", "余 and 以上 are bounds: 4000余人 is more than 4,000 people, 10家以上 at least 10."),
                Text::new("2022年工业总产值1004亿元为全部工业口径；2026年目标1800亿元为规模以上工业口径，比较须说明口径假定。", "The 2022 output (100.4 billion yuan) covers all industry; the 2026 target (180 billion yuan) covers enterprises above designated size: comparing them needs a stated bridge."),
                Text::new("数值按四舍五入显示，计算均为精确十进制。", "Figures are shown rounded half away from zero; every calculation is exact decimal."),
            ],
        ),
    );
    Ok(Zone {
        report,
        t1: gap,
        history,
        rates,
        t3: t3_assessment,
    })
}
