//! Report sections from the crate's analyses: figures, growth, targets and
//! ranks, each with the assumptions it rests on.

use super::{Align, Section, Table, Text};
use crate::targets::{Assessment, GapAnalysis, Method, RankAssessment, RankTarget, Verdict};
use crate::{
    Assumption, Figure, Indicator, Magnitude, ObsStatus, Observation, PriceBasis, Quantity, Rate,
    Result, Scope,
};

/// A figure rounded for display to `dp` places, half away from zero (四舍五入).
fn shown(q: &Quantity, dp: u32) -> Quantity {
    q.round_for_display(dp)
}

/// An amount for display: in Chinese at its own unit with `dp` decimals; in
/// English at the scale English writes it in (`text::en_scale`) with
/// [`en_decimals`], rounded from the exact value (so 13914021.346万元 is
/// 13914021.35万元 and 139.14 billion yuan, not 139.1402135).
fn amount(q: &Quantity, dp: u32) -> Result<Text> {
    let zh = shown(q, dp).zh();
    let unit = q.unit();
    let en_mag = crate::text::en_scale(unit.dimension(), unit.magnitude(), [q.value()])
        .unwrap_or(unit.magnitude());
    let en_dp = en_decimals(dp, unit.magnitude(), en_mag);
    let en = shown(&q.to_magnitude(en_mag)?, en_dp).normalize().en();
    Ok(Text::new(zh, en))
}

/// Decimals of an English figure at `en` for `dp` decimals of a Chinese one
/// at `zh`: the same precision (2 decimals of 亿元 are 3 of billions), but
/// never more than `dp + 1`, as many as 亿元 data get, so 万元 data do not
/// show 7 decimals of billions (2 of 万元 are 100 yuan).
fn en_decimals(dp: u32, zh: Magnitude, en: Magnitude) -> u32 {
    dp.saturating_add(u32::from(en.exponent()))
        .saturating_sub(u32::from(zh.exponent()))
        .min(dp.saturating_add(1))
}

fn figure(f: &Figure) -> Text {
    Text::new(f.zh(), f.en())
}

/// A target as a target: 突破1800亿元 / above 180 billion yuan.
fn target_figure(f: &Figure) -> Text {
    Text::new(f.zh_target(), f.en_target())
}

/// What an observation's status says, in words (the SDMX code is for
/// machines): 估计值 / estimate. Nothing for a normal value.
pub(super) fn status_words(status: ObsStatus) -> Option<Text> {
    let (zh, en) = match status {
        ObsStatus::Normal => return None,
        ObsStatus::Break => ("序列断点", "break in series"),
        ObsStatus::DefinitionDiffers => ("定义不同", "definition differs"),
        ObsStatus::Estimated => ("估计值", "estimate"),
        ObsStatus::Forecast => ("预测值", "forecast"),
        ObsStatus::Experimental => ("试验数据", "experimental"),
        ObsStatus::MissingHoliday => ("缺失（节假日）", "missing (holiday)"),
        ObsStatus::Imputed => ("插补值", "imputed"),
        ObsStatus::Derogation => ("豁免", "derogation"),
        ObsStatus::MissingNotCollected => ("缺失（未采集）", "missing (not collected)"),
        ObsStatus::MissingCannotExist => ("缺失（不存在）", "missing (cannot exist)"),
        ObsStatus::NotSignificant => ("不显著", "not significant"),
        ObsStatus::Missing => ("缺失", "missing"),
        ObsStatus::Provisional => ("初步数", "provisional"),
        ObsStatus::Suppressed => ("缺失（不公开）", "missing (suppressed)"),
        ObsStatus::Strike => ("特殊事件", "strike or special event"),
        ObsStatus::LowReliability => ("可靠性低", "low reliability"),
        ObsStatus::Unvalidated => ("未经核实", "unvalidated"),
    };
    Some(Text::new(zh, en))
}

/// Quantities written as one column: the numbers at one magnitude, each with
/// `dp` decimals in Chinese (at the first quantity's magnitude, 亿元) and in
/// English at the largest of million, billion and trillion the column
/// reaches with [`en_decimals`] (one precision for the column), and the unit
/// for the column's header.
fn column(quantities: &[Quantity], dp: u32) -> Result<(Text, Vec<Text>)> {
    let Some(first) = quantities.first() else {
        return Ok((Text::default(), Vec::new()));
    };
    let zh_unit = first.unit();
    let mut zh = Vec::with_capacity(quantities.len());
    for q in quantities {
        let mut v = shown(&q.to_magnitude(zh_unit.magnitude())?, dp).value();
        v.rescale(dp);
        zh.push(Quantity::new(v, zh_unit));
    }
    // English: the largest scale any value of the column reaches, one
    // precision for the column, rounded from the exact values.
    let en_mag = crate::text::en_scale(
        zh_unit.dimension(),
        zh_unit.magnitude(),
        zh.iter().map(Quantity::value),
    )
    .unwrap_or(zh_unit.magnitude());
    let en_dp = en_decimals(dp, zh_unit.magnitude(), en_mag);
    let mut cells = Vec::with_capacity(zh.len());
    for (q, z) in quantities.iter().zip(&zh) {
        let mut v = shown(&q.to_magnitude(en_mag)?, en_dp).value();
        v.rescale(en_dp);
        cells.push(Text::new(z.value().to_string(), v.to_string()));
    }
    let unit = Text::new(zh_unit.zh(), zh_unit.with_magnitude(en_mag)?.en());
    Ok((unit, cells))
}

fn percent(r: Rate) -> Text {
    Text::same(format!("{r:.2}"))
}

fn assumptions(list: &[Assumption]) -> Vec<Text> {
    list.iter().map(|a| Text::new(a.zh(), a.en())).collect()
}

/// What a reader must know to use a figure: its scope and price basis.
fn qualifiers(indicator: &Indicator) -> Text {
    let mut zh = Vec::new();
    let mut en = Vec::new();
    if indicator.scope() != &Scope::Whole {
        zh.push(indicator.scope().zh());
        en.push(indicator.scope().to_string());
    }
    if indicator.price_basis() != PriceBasis::NotApplicable {
        zh.push(indicator.price_basis().zh());
        en.push(indicator.price_basis().to_string());
    }
    Text::new(zh.join("，"), en.join(", "))
}

/// A table of observations: indicator, value (bounds shown: 4000余人 / more
/// than 4,000 people; a status other than normal in words: 第139位（估计值） /
/// 139th (estimate)), period, and scope or price basis where they matter.
///
/// # Errors
///
/// None in practice (the table's rows always match its columns).
///
/// ```
/// use indstat::datasets::rongchang;
/// use indstat::report::{figures_table, Format, Lang, Report, Section, Text};
///
/// let obs = rongchang::observations()?;
/// let table = figures_table(&obs[..3])?;
/// let out = Report::new(Text::same("R")).section(Section::new(Text::same("S")).table(table)).render(Lang::En, Format::Text);
/// assert!(out.contains("100.4 billion yuan"));
/// assert!(out.contains("all industry, current prices"));
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn figures_table(observations: &[Observation]) -> Result<Table> {
    let mut t = Table::new(vec![
        (Text::new("指标", "indicator"), Align::Left),
        (Text::new("数值", "value"), Align::Right),
        (Text::new("期间", "period"), Align::Left),
        (Text::new("口径", "scope / prices"), Align::Left),
    ]);
    for o in observations {
        let v = figure(o.value());
        let value = match status_words(o.status()) {
            None => v,
            Some(s) => Text::new(
                format!("{}（{}）", v.zh(), s.zh()),
                format!("{} ({})", v.en(), s.en()),
            ),
        };
        t.push(vec![
            Text::new(o.indicator().name_zh(), o.indicator().name_en()),
            value,
            Text::new(o.period().zh(), o.period().en()),
            qualifiers(o.indicator()),
        ])?;
    }
    Ok(t)
}

/// A table of derived growth figures: what, the value, and how it was
/// derived (with its assumptions).
///
/// # Errors
///
/// None in practice.
///
/// ```
/// use indstat::report::{growth_table, Text};
/// let t = growth_table(&[(Text::new("投产率", "production rate"), Text::same("77.48%"), Text::new("585/755", "585/755"))])?;
/// assert_eq!(t.len(), 1);
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn growth_table(rows: &[(Text, Text, Text)]) -> Result<Table> {
    let mut t = Table::new(vec![
        (Text::new("指标", "measure"), Align::Left),
        (Text::new("数值", "value"), Align::Right),
        (Text::new("说明", "how"), Align::Left),
    ]);
    for (a, b, c) in rows {
        t.push(vec![a.clone(), b.clone(), c.clone()])?;
    }
    Ok(t)
}

/// A section for a level target: base and target, gap, completion, required
/// and trend growth, projections, the on-track assessments, a scenario table
/// at `rates`, the required path, and every assumption.
///
/// # Errors
///
/// As [`GapAnalysis::scenarios`] and [`GapAnalysis::assess`].
///
/// ```
/// use indstat::datasets::rongchang;
/// use indstat::report::{gap_section, Format, Lang, Report, Text};
/// use indstat::targets::{Bridge, LevelTarget, Method, Trend};
/// use indstat::{Rate, Series};
/// use indstat::dec;
///
/// let t1 = rongchang::target("T1")?.expect("T1");
/// let target = LevelTarget::new(t1.indicator().clone(), *t1.value(), t1.deadline().expect("2026"))?;
/// let history = Series::from_observations([rongchang::row(3)?.expect("row 3").observation().clone()])?;
/// let gap = target.analyse(&history).bridge(Bridge::AssumeEqual)
///     .trend(Trend::Rate(Rate::from_percent(dec!(8.5))?)).run()?;
/// let s = gap_section(Text::same("T1"), &gap, &[Method::GrowthRatio], &[Rate::from_percent(dec!(12))?])?;
/// let out = Report::new(Text::same("R")).section(s).render(Lang::En, Format::Text);
/// assert!(out.contains("limited progress"));
/// assert!(out.contains("all industry is treated as above designated size"));
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn gap_section(
    title: Text,
    gap: &GapAnalysis,
    methods: &[Method],
    rates: &[Rate],
) -> Result<Section> {
    let target = gap.target();
    let deadline = target.deadline();
    let mut facts = Table::new(vec![
        (Text::new("项目", "item"), Align::Left),
        (Text::new("数值", "value"), Align::Right),
    ]);
    let mut fact = |a: Text, b: Text| facts.push(vec![a, b]);
    fact(
        Text::new(
            format!("基数（{}）", gap.base_period().zh()),
            format!("base ({})", gap.base_period().en()),
        ),
        amount(gap.base(), 2)?,
    )?;
    fact(
        Text::new(
            format!("目标（{}）", deadline.zh()),
            format!("target ({})", deadline.en()),
        ),
        target_figure(target.value()),
    )?;
    fact(Text::new("差距", "gap"), amount(gap.gap(), 2)?)?;
    if let Some(c) = gap.completion() {
        fact(
            Text::new("完成度", "completion"),
            percent(Rate::from_fraction(c)),
        )?;
    }
    if let Some(r) = gap.requirement() {
        fact(
            Text::new("所需年均增速", "growth needed a year"),
            Text::new(r.zh(2), format!("{r:.2}")),
        )?;
    }
    if let Some(r) = gap.trend() {
        fact(Text::new("趋势年均增速", "trend growth a year"), percent(r))?;
    }
    let projected = |m: crate::targets::ProjectionMethod| {
        let year = deadline.calendar_year();
        Text::new(
            format!("{year}年预测：{}", m.zh()),
            format!("{year} projection: {}", m.en()),
        )
    };
    for p in gap.projections() {
        let verdict = if p.verdict() != Verdict::FallsShort {
            Text::new(p.verdict_zh(), p.verdict_en())
        } else {
            let short = amount(p.shortfall(), 2)?;
            Text::new(format!("差{}", short.zh()), format!("{} short", short.en()))
        };
        let v = amount(p.value(), 2)?;
        fact(
            projected(p.method()),
            Text::new(
                format!("{}，{}", v.zh(), verdict.zh()),
                format!("{}, {}", v.en(), verdict.en()),
            ),
        )?;
    }
    // Beyond Decimal's range: no value, but a side and a verdict.
    for o in gap.out_of_range() {
        let (zh, en) = match o.verdict() {
            Verdict::Meets => ("达标", "meets the target"),
            _ => ("未达标", "short of the target"),
        };
        fact(
            projected(o.method()),
            Text::new(format!("{}，{zh}", o.zh()), format!("{}, {en}", o.en())),
        )?;
    }
    if let Some(reach) = gap.years_to_reach() {
        let year = reach
            .years()
            .and_then(|n| i32::try_from(n).ok())
            .and_then(|n| gap.base_period().add_years(n).ok());
        fact(
            Text::new("按趋势达到目标", "target reached at trend"),
            match year {
                Some(y) => Text::new(y.zh(), format!("during {}", y.en())),
                None => Text::new("无法达到", "never"),
            },
        )?;
    }
    for m in methods {
        let a: Assessment = gap.assess(m.clone())?;
        let name = Text::new(m.zh(), m.en());
        let score = a
            .score()
            .map(|s| crate::round_for_display(s, 2).to_string());
        let status = a.status();
        fact(
            name,
            match score {
                Some(s) => Text::new(
                    format!("{s}：{}", status.zh()),
                    format!("{s}: {}", status.en()),
                ),
                None => Text::new(status.zh(), status.en()),
            },
        )?;
    }
    let mut all_rates = rates.to_vec();
    if let Some(r) = gap.required() {
        if !all_rates.contains(&r) {
            all_rates.push(r);
        }
    }
    let projections = gap.scenarios(&all_rates)?;
    // One magnitude a column: the unit in the header, numbers in the cells.
    let values: Vec<Quantity> = projections.iter().map(|p| *p.value()).collect();
    let gaps: Vec<Quantity> = projections.iter().map(|p| *p.shortfall()).collect();
    let (value_unit, value_cells) = column(&values, 2)?;
    let (gap_unit, gap_cells) = column(&gaps, 2)?;
    let mut scenarios = Table::new(vec![
        (Text::new("年均增速", "growth a year"), Align::Right),
        (
            Text::new(
                format!("{}年数值（{}）", deadline.calendar_year(), value_unit.zh()),
                format!("{} value ({})", deadline.calendar_year(), value_unit.en()),
            ),
            Align::Right,
        ),
        (
            Text::new(
                format!("差距（{}）", gap_unit.zh()),
                format!("gap ({})", gap_unit.en()),
            ),
            Align::Right,
        ),
        (Text::new("是否达标", "meets target"), Align::Left),
    ]);
    for ((p, v), g) in projections.iter().zip(value_cells).zip(gap_cells) {
        let rate = match p.method() {
            crate::targets::ProjectionMethod::Scenario(r) => percent(r),
            other => Text::new(other.zh(), other.en()),
        };
        scenarios.push(vec![
            rate,
            v,
            g,
            match p.verdict() {
                Verdict::Meets => Text::new("是", "yes"),
                Verdict::FallsShort => Text::new("否", "no"),
                _ => Text::new(
                    format!("否（{}）", p.verdict_zh()),
                    format!("no ({})", p.verdict_en()),
                ),
            },
        ])?;
    }
    let path_values: Vec<Quantity> = gap.milestones().iter().map(|(_, v)| *v).collect();
    let (path_unit, path_cells) = column(&path_values, 2)?;
    let (path_zh, path_en): (Vec<String>, Vec<String>) = gap
        .milestones()
        .iter()
        .zip(path_cells)
        .map(|((p, _), v)| {
            (
                format!("{} {}", p.zh(), v.zh()),
                format!("{} {}", p.en(), v.en()),
            )
        })
        .unzip();
    let mut section = Section::new(title).table(facts);
    if !scenarios.is_empty() {
        section = section
            .paragraph(Text::new("情景：", "Scenarios:"))
            .table(scenarios);
    }
    if !path_zh.is_empty() {
        section = section.paragraph(Text::new(
            format!(
                "按所需增速的路径（{}）：{}",
                path_unit.zh(),
                path_zh.join("，")
            ),
            format!(
                "Path at the required rate ({}): {}",
                path_unit.en(),
                path_en.join(", ")
            ),
        ));
    }
    Ok(section.notes(
        Text::new("假定", "Assumptions"),
        assumptions(gap.assumptions()),
    ))
}

/// A section for a rank target: the latest rank, places to go, the pace and
/// the edition in which the target is reached.
///
/// # Errors
///
/// None in practice.
///
/// ```
/// use indstat::datasets::rongchang;
/// use indstat::report::{rank_section, Format, Lang, Report, Text};
/// use indstat::targets::RankTarget;
/// use indstat::Series;
/// use indstat::dec;
///
/// let t3 = rongchang::target("T3")?.expect("T3");
/// let target = RankTarget::new(t3.indicator().clone(), *t3.value(), None)?;
/// let ranks = Series::from_observations([rongchang::row(6)?.expect("rank").observation().clone()])?;
/// let a = target.assess(&ranks, Some(dec!(17)))?;
/// let out = Report::new(Text::same("R")).section(rank_section(Text::same("T3"), &target, &a)?).render(Lang::Zh, Format::Text);
/// assert!(out.contains("第122位"));
/// assert!(out.contains("2024年"));
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn rank_section(title: Text, target: &RankTarget, a: &RankAssessment) -> Result<Section> {
    let mut t = Table::new(vec![
        (Text::new("项目", "item"), Align::Left),
        (Text::new("数值", "value"), Align::Right),
    ]);
    let rank = Figure::exact_value(Quantity::new(a.current(), crate::Unit::RANK));
    t.push(vec![
        Text::new(
            format!("{}排名", a.period().zh()),
            format!("rank in {}", a.period().en()),
        ),
        figure(&rank),
    ])?;
    t.push(vec![
        Text::new("目标", "target"),
        target_figure(target.best()),
    ])?;
    let places = Figure::exact_value(Quantity::new(
        a.places_to_go(),
        crate::Unit::count(crate::Noun::Place),
    ));
    t.push(vec![Text::new("尚差", "places to go"), figure(&places)])?;
    if let Some(p) = a.pace() {
        let pace = Figure::exact_value(Quantity::new(p.normalize(), crate::Unit::RANK_CHANGE));
        t.push(vec![Text::new("每年进位", "climb a year"), figure(&pace)])?;
    }
    let reached = match a.reached() {
        Some(p) => Text::new(format!("{}考核", p.zh()), format!("the {} edition", p.en())),
        None => Text::new("按现有速度无法确定", "not at the present pace"),
    };
    t.push(vec![Text::new("预计进入", "reached in"), reached])?;
    if let Some(on_time) = a.on_time() {
        t.push(vec![
            Text::new("按期", "by the deadline"),
            if on_time {
                Text::new("是", "yes")
            } else {
                Text::new("否", "no")
            },
        ])?;
    }
    let notes = assumptions(a.assumptions());
    Ok(Section::new(title)
        .table(t)
        .notes(Text::new("假定", "Assumptions"), notes))
}
