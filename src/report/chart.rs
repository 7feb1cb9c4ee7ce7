//! SVG charts (feature `plot`): the target chart and the ranking chart.
//!
//! A small SVG writer of its own, pure Rust with no system libraries and no
//! font files: text is left to the viewer, with the font stack
//! [`FONT_FAMILY`] (Noto Sans CJK SC, Source Han Sans SC, PingFang SC,
//! Microsoft YaHei, WenQuanYi Micro Hei, then any sans-serif), so Chinese
//! labels render wherever one of those fonts is installed — every desktop
//! system ships one. Coordinates are `f64` pixels: display only, never a
//! calculation (`clippy::float_arithmetic` is allowed in this module alone).
#![allow(
    clippy::float_arithmetic,
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation
)]

use core::fmt::Write as _;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::{Lang, Text};
use crate::targets::GapAnalysis;
use crate::{Assumption, Error, Period, Rate, Result, Series, growth};

/// The font stack of every label: CJK fonts first, then sans-serif.
///
/// ```
/// assert!(indstat::report::chart::FONT_FAMILY.starts_with("Noto Sans CJK SC"));
/// ```
pub const FONT_FAMILY: &str = "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, WenQuanYi Micro Hei, sans-serif";

const WIDTH: f64 = 880.0;
const HEIGHT: f64 = 520.0;
const LEFT: f64 = 90.0;
const RIGHT: f64 = 200.0;
const TOP: f64 = 60.0;
const BOTTOM: f64 = 60.0;
const COLORS: [&str; 6] = [
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
];

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// "Nice" axis ticks covering `[lo, hi]`: steps of 1, 2 or 5 × 10^k.
fn ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    let span = (hi - lo).abs().max(f64::EPSILON);
    let raw = span / count.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(raw);
    let start = (lo / step).floor() * step;
    let mut out = Vec::new();
    let mut v = start;
    while v <= hi + step * 0.5 && out.len() < 50 {
        out.push(v);
        v += step;
    }
    out
}

fn label(v: f64) -> String {
    let d =
        crate::round_for_display(Decimal::from_f64_retain(v).unwrap_or_default(), 6).normalize();
    crate::text::group_thousands(&d.to_string())
}

/// A chart canvas mapping data to pixels.
struct Canvas {
    svg: String,
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
    invert: bool,
    /// The top of the plot: below the title and its notes.
    top: f64,
}

/// Display columns of a note line under a chart's title (about 7 px each).
const NOTE_COLUMNS: usize = 110;

impl Canvas {
    /// A canvas with a title and, under it, notes (each wrapped to the
    /// chart's width); the plot starts below them.
    fn new(title: &str, notes: &[String], x: (f64, f64), y: (f64, f64), invert: bool) -> Canvas {
        let lines: Vec<String> = notes
            .iter()
            .flat_map(|n| super::wrap::wrap(n, NOTE_COLUMNS, super::wrap::Measure::FIT, false))
            .collect();
        let top = TOP + 16.0 * lines.len() as f64;
        let mut svg = String::new();
        let _ = writeln!(
            svg,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="{}" font-size="12">"#,
            esc(FONT_FAMILY)
        );
        let _ = writeln!(svg, r#"<rect width="100%" height="100%" fill="white"/>"#);
        let _ = writeln!(
            svg,
            r#"<text class="title" x="{}" y="28" font-size="16" text-anchor="middle">{}</text>"#,
            WIDTH / 2.0,
            esc(title)
        );
        if !lines.is_empty() {
            let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
            let _ = writeln!(
                svg,
                r##"<g class="note" fill="#555">{}</g>"##,
                text_lines(WIDTH / 2.0, 48.0, "middle", &refs)
            );
        }
        Canvas {
            svg,
            x0: x.0,
            x1: x.1,
            y0: y.0,
            y1: y.1,
            invert,
            top,
        }
    }

    fn px(&self, x: f64) -> f64 {
        let w = WIDTH - LEFT - RIGHT;
        LEFT + (x - self.x0) / (self.x1 - self.x0).max(f64::EPSILON) * w
    }

    fn py(&self, y: f64) -> f64 {
        let h = HEIGHT - self.top - BOTTOM;
        let t = (y - self.y0) / (self.y1 - self.y0).max(f64::EPSILON);
        if self.invert {
            self.top + t * h
        } else {
            HEIGHT - BOTTOM - t * h
        }
    }

    fn axes(&mut self, x_ticks: &[(f64, String)], y_ticks: &[f64], y_title: &str, x_title: &str) {
        let (l, r, t, b) = (LEFT, WIDTH - RIGHT, self.top, HEIGHT - BOTTOM);
        let _ = writeln!(
            self.svg,
            r##"<g class="axes" stroke="#333" fill="none"><line x1="{l}" y1="{b}" x2="{r}" y2="{b}"/><line x1="{l}" y1="{t}" x2="{l}" y2="{b}"/></g>"##
        );
        for v in y_ticks {
            let y = self.py(*v);
            let _ = writeln!(
                self.svg,
                r##"<line class="grid" x1="{l}" y1="{y:.1}" x2="{r}" y2="{y:.1}" stroke="#ddd"/><text class="ytick" x="{}" y="{:.1}" text-anchor="end">{}</text>"##,
                l - 6.0,
                y + 4.0,
                esc(&label(*v))
            );
        }
        for (v, text) in x_ticks {
            let x = self.px(*v);
            let _ = writeln!(
                self.svg,
                r##"<line x1="{x:.1}" y1="{b}" x2="{x:.1}" y2="{}" stroke="#333"/><text class="xtick" x="{x:.1}" y="{}" text-anchor="middle">{}</text>"##,
                b + 5.0,
                b + 20.0,
                esc(text)
            );
        }
        let _ = writeln!(
            self.svg,
            r#"<text class="ylabel" x="18" y="{:.1}" text-anchor="middle" transform="rotate(-90 18 {:.1})">{}</text>"#,
            (t + b) / 2.0,
            (t + b) / 2.0,
            esc(y_title)
        );
        let _ = writeln!(
            self.svg,
            r#"<text class="xlabel" x="{:.1}" y="{}" text-anchor="middle">{}</text>"#,
            (l + r) / 2.0,
            HEIGHT - 4.0,
            esc(x_title)
        );
    }

    /// A series as a line with a dot at each point; a series of one point,
    /// which a line cannot show, as a larger marker outlined in white (so it
    /// stands out where other lines start from it).
    fn line(&mut self, class: &str, color: &str, dash: &str, points: &[(f64, f64)]) {
        if let [(x, y)] = points {
            let _ = writeln!(
                self.svg,
                r#"<circle class="{class}" cx="{:.1}" cy="{:.1}" r="6" fill="{color}" stroke="white" stroke-width="2"/>"#,
                self.px(*x),
                self.py(*y)
            );
            return;
        }
        let pts: Vec<String> = points
            .iter()
            .map(|(x, y)| format!("{:.1},{:.1}", self.px(*x), self.py(*y)))
            .collect();
        let _ = writeln!(
            self.svg,
            r#"<polyline class="{class}" fill="none" stroke="{color}" stroke-width="2" stroke-dasharray="{dash}" points="{}"/>"#,
            pts.join(" ")
        );
        for (x, y) in points {
            let _ = writeln!(
                self.svg,
                r#"<circle class="{class}-point" cx="{:.1}" cy="{:.1}" r="3" fill="{color}"/>"#,
                self.px(*x),
                self.py(*y)
            );
        }
    }

    /// A legend in the right margin, one entry per row, never over the plot;
    /// a bilingual entry ("中文 / English") takes two lines.
    fn legend(&mut self, legend: &Legend) {
        let x = WIDTH - RIGHT + 16.0;
        let mut y = self.top + 10.0;
        for (text, color, dash) in &legend.entries {
            let lines: Vec<&str> = text.split(" / ").collect();
            // A marker entry ("diamond", "dot") shows the marker, not a line.
            let symbol = match dash.as_str() {
                "diamond" => format!(
                    r#"<path d="M {:.1} {:.1} l 6 6 l -6 6 l -6 -6 z" fill="{color}"/>"#,
                    x + 12.0,
                    y - 6.0
                ),
                "dot" => format!(
                    r#"<circle cx="{:.1}" cy="{y:.1}" r="5" fill="{color}"/>"#,
                    x + 12.0
                ),
                _ => format!(
                    r#"<line x1="{x}" y1="{y}" x2="{}" y2="{y}" stroke="{color}" stroke-width="2" stroke-dasharray="{dash}"/>"#,
                    x + 24.0
                ),
            };
            let _ = writeln!(
                self.svg,
                r#"<g class="legend">{symbol}{}</g>"#,
                text_lines(x + 30.0, y + 4.0, "start", &lines)
            );
            y += 8.0 + 14.0 * lines.len() as f64;
        }
    }

    fn finish(mut self) -> String {
        self.svg.push_str("</svg>\n");
        self.svg
    }
}

/// The estimated width of `s` in pixels at 12 px: wide characters 12, others 7.
fn text_width(s: &str) -> f64 {
    s.chars()
        .map(|c| {
            if unicode_width::UnicodeWidthChar::width(c) == Some(2) {
                12.0
            } else {
                7.0
            }
        })
        .sum()
}

/// A `<text>` of one or more lines, 14 px apart, starting at `(x, y)`.
fn text_lines(x: f64, y: f64, anchor: &str, lines: &[&str]) -> String {
    let mut out = format!(r#"<text x="{x:.1}" y="{y:.1}" text-anchor="{anchor}">"#);
    for (i, line) in lines.iter().enumerate() {
        let dy = if i == 0 { 0.0 } else { 14.0 };
        let _ = write!(out, r#"<tspan x="{x:.1}" dy="{dy}">{}</tspan>"#, esc(line));
    }
    out.push_str("</text>");
    out
}

fn t(text: &Text, lang: Lang) -> String {
    text.get(lang)
}

/// A chart's legend: each entry's text in the chart's language, its colour,
/// and its dash pattern or marker ("diamond", "dot").
struct Legend {
    lang: Lang,
    entries: Vec<(String, String, String)>,
}

impl Legend {
    fn new(lang: Lang) -> Legend {
        Legend {
            lang,
            entries: Vec::new(),
        }
    }

    fn add(&mut self, text: &Text, color: &str, mark: &str) {
        self.entries
            .push((t(text, self.lang), color.to_owned(), mark.to_owned()));
    }
}

/// `{zh} {value}` / `{en} {value}` in `lang`, escaped for SVG: a label
/// such as "deadline 2026".
fn caption(zh: &str, en: &str, value: (String, String), lang: Lang) -> String {
    esc(&t(
        &Text::new(format!("{zh} {}", value.0), format!("{en} {}", value.1)),
        lang,
    ))
}

/// The target chart of a gap analysis: the history (bridged values as the
/// analysis saw them are recomputed from `history` and the base), the
/// required path, the projection at trend, a fan of scenarios at `rates`,
/// the target marker and the deadline.
///
/// # Errors
///
/// [`Error::Empty`] for an empty history; as [`growth::project_span`].
///
/// ```
/// use indstat::datasets::rongchang;
/// use indstat::report::{chart, Lang};
/// use indstat::targets::{Bridge, LevelTarget, Trend};
/// use indstat::{Rate, Series};
/// use indstat::dec;
///
/// let t1 = rongchang::target("T1")?.expect("T1");
/// let target = LevelTarget::new(t1.indicator().clone(), *t1.value(), t1.deadline().expect("2026"))?;
/// let history = Series::from_observations([rongchang::row(3)?.expect("row 3").observation().clone()])?;
/// let gap = target.analyse(&history).bridge(Bridge::AssumeEqual).trend(Trend::Rate(Rate::from_percent(dec!(8.5))?)).run()?;
/// let svg = chart::target_chart(&gap, &history, &[Rate::from_percent(dec!(12))?], Lang::Both)?;
/// assert!(svg.starts_with("<svg"));
/// assert!(svg.contains("class=\"required\""));
/// assert!(svg.contains("亿元"));
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn target_chart(
    gap: &GapAnalysis,
    history: &Series,
    rates: &[Rate],
    lang: Lang,
) -> Result<String> {
    let target = gap.target();
    let unit = gap.base().unit();
    let x_of = |p: &Period| {
        p.calendar_year() as f64
            + f64::from(p.index().saturating_sub(1)) / f64::from(p.frequency().per_year())
    };
    let value_of =
        |q: &crate::Quantity| -> Result<f64> { Ok(f(q.to_magnitude(unit.magnitude())?.value())) };
    // History scaled as the analysis scaled its base (a bridge ratio).
    let raw_base = history
        .get(gap.base_period())
        .ok_or(Error::Empty {
            what: "the history at the base period",
        })?
        .value()
        .exact_for("a chart")?
        .to_magnitude(unit.magnitude())?;
    let scale = gap.base().checked_ratio(&raw_base).unwrap_or(Decimal::ONE);
    let mut hist = Vec::new();
    for p in history {
        if p.period().ordinal() <= gap.base_period().ordinal() {
            let q = p.value().exact_for("a chart")?.checked_mul(scale)?;
            hist.push((x_of(&p.period()), value_of(&q)?));
        }
    }
    let base_x = x_of(&gap.base_period());
    let base_y = value_of(gap.base())?;
    let mut required = vec![(base_x, base_y)];
    for (p, v) in gap.milestones() {
        required.push((x_of(p), value_of(v)?));
    }
    let path = |rate: Rate| -> Result<Vec<(f64, f64)>> {
        let mut out = vec![(base_x, base_y)];
        for (p, _) in gap.milestones() {
            let span = gap.base_period().years_until(p)?;
            out.push((
                x_of(p),
                value_of(&growth::project_span(gap.base(), rate, span)?)?,
            ));
        }
        Ok(out)
    };
    let trend = match gap.trend() {
        Some(r) => Some((r, path(r)?)),
        None => None,
    };
    let mut fan = Vec::new();
    for r in rates {
        fan.push((*r, path(*r)?));
    }
    let goal = value_of(target.value().quantity())?;
    let deadline_x = x_of(&target.deadline());
    let xs: Vec<f64> = hist.iter().map(|p| p.0).chain([deadline_x]).collect();
    let ys: Vec<f64> = hist
        .iter()
        .chain(required.iter())
        .chain(trend.iter().flat_map(|(_, p)| p.iter()))
        .chain(fan.iter().flat_map(|(_, p)| p.iter()))
        .map(|p| p.1)
        .chain([goal])
        .collect();
    let (xmin, xmax) = xs
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), x| (a.min(*x), b.max(*x)));
    let (ymin, ymax) = ys
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), y| (a.min(*y), b.max(*y)));
    let y_ticks = ticks(ymin.min(0.0), ymax * 1.08, 6);
    let (ylo, yhi) = (
        y_ticks.first().copied().unwrap_or(0.0),
        y_ticks.last().copied().unwrap_or(1.0),
    );
    let title = Text::new(
        format!(
            "{}：{}",
            target.indicator().name_zh(),
            target.value().zh_target()
        ),
        format!(
            "{}: {}",
            target.indicator().name_en(),
            target.value().en_target()
        ),
    );
    // The bridge between the history's scope and the target's, under the
    // title: the lines start from data of another scope.
    let bridge: Vec<&Assumption> = gap
        .assumptions()
        .iter()
        .filter(|a| {
            matches!(
                a,
                Assumption::ScopesEqual { .. }
                    | Assumption::ScopeRatio { .. }
                    | Assumption::TrendAcrossScopes { .. }
            )
        })
        .collect();
    let mut notes = Vec::new();
    for a in &bridge {
        let (zh, en) = (
            format!("口径假定：{}", a.zh()),
            format!("Scope bridge: {}", a.en()),
        );
        match lang {
            Lang::Zh => notes.push(zh),
            Lang::En => notes.push(en),
            Lang::Both => notes.extend([zh, en]),
        }
    }
    let mut c = Canvas::new(
        &t(&title, lang),
        &notes,
        (xmin - 0.3, xmax + 0.3),
        (ylo, yhi),
        false,
    );
    let x_ticks: Vec<(f64, String)> = (xmin.floor() as i64..=xmax.ceil() as i64)
        .map(|y| (y as f64, y.to_string()))
        .collect();
    let unit_label = Text::new(unit.zh(), unit.en());
    c.axes(
        &x_ticks,
        &y_ticks,
        &t(&unit_label, lang),
        &t(&Text::new("年份", "year"), lang),
    );
    let mut legend = Legend::new(lang);
    for (i, (r, pts)) in fan.iter().enumerate() {
        let color = COLORS
            .get((i % 3).saturating_add(3))
            .copied()
            .unwrap_or("#999");
        c.line("scenario", color, "2 4", pts);
        let text = Text::new(format!("情景 {r:.1}"), format!("scenario {r:.1}"));
        legend.add(&text, color, "2 4");
    }
    if let Some((r, pts)) = &trend {
        c.line("trend", "#2ca02c", "6 4", pts);
        let text = Text::new(format!("按趋势 {r:.1}"), format!("at trend {r:.1}"));
        legend.add(&text, "#2ca02c", "6 4");
    }
    c.line("required", "#d62728", "", &required);
    if let Some(r) = gap.required() {
        let text = Text::new(format!("所需路径 {r:.2}"), format!("required path {r:.2}"));
        legend.add(&text, "#d62728", "");
    }
    c.line("history", "#1f77b4", "", &hist);
    let (hs, ts) = (history.indicator().scope(), target.indicator().scope());
    let history_label = if hs == ts {
        Text::new("实际", "history")
    } else {
        Text::new(format!("实际（{}）", hs.zh()), format!("history ({hs})"))
    };
    let mark = if hist.len() == 1 { "dot" } else { "" };
    legend.add(&history_label, "#1f77b4", mark);
    // The deadline: a vertical dashed line, labelled at the top.
    let dx = c.px(deadline_x);
    let _ = writeln!(
        c.svg,
        r##"<g class="deadline"><line x1="{dx:.1}" y1="{:.1}" x2="{dx:.1}" y2="{}" stroke="#555" stroke-dasharray="4 4"/><text x="{dx:.1}" y="{:.1}" text-anchor="middle">{}</text></g>"##,
        c.top,
        HEIGHT - BOTTOM,
        c.top - 8.0,
        caption(
            "期限",
            "deadline",
            (target.deadline().zh(), target.deadline().en()),
            lang
        )
    );
    // The target: a marker at the deadline, labelled to its left.
    let (tx, ty) = (dx, c.py(goal));
    let _ = writeln!(
        c.svg,
        r##"<g class="target"><path d="M {:.1} {:.1} l 7 7 l -7 7 l -7 -7 z" fill="#d62728"/><text x="{:.1}" y="{:.1}" text-anchor="end">{}</text></g>"##,
        tx,
        ty - 7.0,
        tx - 12.0,
        ty - 10.0,
        caption(
            "目标",
            "target",
            (target.value().zh_target(), target.value().en_target()),
            lang
        )
    );
    legend.add(&Text::new("目标", "target"), "#d62728", "diamond");
    c.legend(&legend);
    Ok(c.finish())
}

/// A composite rank interval for the ranking chart: a label, the median rank
/// and the 5th–95th percentile range.
///
/// ```
/// use indstat::report::{chart::RankInterval, Text};
/// use indstat::dec;
/// let r = RankInterval::new(Text::same("Rongchang"), dec!(122), dec!(110), dec!(131))?;
/// assert!(RankInterval::new(Text::same("x"), dec!(122), dec!(130), dec!(110)).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RankInterval {
    label: Text,
    median: Decimal,
    low: Decimal,
    high: Decimal,
}

impl RankInterval {
    /// An interval; `low ≤ median ≤ high`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidValue`] when the three are out of order.
    ///
    /// ```
    /// # use indstat::report::{chart::RankInterval, Text};
    /// assert!(RankInterval::new(Text::same("x"), 5.into(), 4.into(), 9.into()).is_ok());
    /// ```
    pub fn new(label: Text, median: Decimal, low: Decimal, high: Decimal) -> Result<RankInterval> {
        if !(low <= median && median <= high) {
            return Err(Error::InvalidValue {
                indicator: label.en().to_owned(),
                value: format!("{low} ≤ {median} ≤ {high}"),
                reason: "a rank interval needs low ≤ median ≤ high",
            });
        }
        Ok(RankInterval {
            label,
            median,
            low,
            high,
        })
    }
}

/// The ranking chart: rank by edition (rank 1 at the top) with the Top-N
/// line, and, beside it, composite rank intervals (median and 5th–95th
/// percentile) when given.
///
/// # Errors
///
/// [`Error::Empty`] when there are neither editions nor intervals.
///
/// ```
/// use indstat::report::{chart, Lang, Text};
/// use indstat::Period;
/// use indstat::dec;
/// let editions = [(Period::year(2021)?, dec!(139)), (Period::year(2022)?, dec!(122))];
/// let svg = chart::rank_chart(&Text::new("国家高新区排名", "national rank"), &editions, dec!(100), &[], Lang::En)?;
/// assert!(svg.contains("class=\"ranks\""));
/// assert!(svg.contains("Top 100"));
/// assert!(chart::rank_chart(&Text::same("x"), &[], dec!(100), &[], Lang::En).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn rank_chart(
    title: &Text,
    editions: &[(Period, Decimal)],
    top: Decimal,
    intervals: &[RankInterval],
    lang: Lang,
) -> Result<String> {
    if editions.is_empty() && intervals.is_empty() {
        return Err(Error::Empty {
            what: "the ranks to chart",
        });
    }
    let ranks = editions.iter().map(|(_, r)| f(*r));
    let ints = intervals.iter().flat_map(|i| [f(i.low), f(i.high)]);
    let worst = ranks.chain(ints).chain([f(top)]).fold(1.0f64, f64::max);
    // Ranks start at 1: the tick at 0 is shown as 1 (the top).
    let y_ticks: Vec<f64> = ticks(0.0, worst * 1.1, 6)
        .into_iter()
        .map(|v| if v < 1.0 { 1.0 } else { v })
        .collect();
    let yhi = y_ticks.last().copied().unwrap_or(worst);
    let years: Vec<f64> = editions
        .iter()
        .map(|(p, _)| p.calendar_year() as f64)
        .collect();
    let (xmin, xmax) = years
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), x| (a.min(*x), b.max(*x)));
    let (xmin, xmax) = if years.is_empty() {
        (0.0, 1.0)
    } else {
        (xmin, xmax)
    };
    // Intervals get their own columns to the right of the editions.
    let slots = intervals.len() as f64;
    let mut c = Canvas::new(
        &t(title, lang),
        &[],
        (xmin - 0.8, xmax + 0.5 + slots),
        (0.0, yhi),
        true,
    );
    let x_ticks: Vec<(f64, String)> = editions
        .iter()
        .map(|(p, _)| (p.calendar_year() as f64, p.calendar_year().to_string()))
        .collect();
    c.axes(
        &x_ticks,
        &y_ticks,
        &t(&Text::new("名次（1 = 最高）", "rank (1 = top)"), lang),
        &t(
            &if intervals.is_empty() {
                Text::new("考核年份", "edition")
            } else {
                Text::new(
                    "考核年份；右侧：综合排名区间",
                    "edition; right: composite rank intervals",
                )
            },
            lang,
        ),
    );
    let ty = c.py(f(top));
    let label = t(&Text::new(format!("前{top}位"), format!("Top {top}")), lang);
    let _ = writeln!(
        c.svg,
        r##"<g class="cutoff"><line x1="{LEFT}" y1="{ty:.1}" x2="{}" y2="{ty:.1}" stroke="#d62728" stroke-dasharray="6 3"/><text x="{}" y="{:.1}" text-anchor="start" fill="#d62728">{}</text></g>"##,
        WIDTH - RIGHT,
        WIDTH - RIGHT + 6.0,
        ty + 4.0,
        esc(&label)
    );
    let pts: Vec<(f64, f64)> = editions
        .iter()
        .map(|(p, r)| (p.calendar_year() as f64, f(*r)))
        .collect();
    c.line("ranks", "#1f77b4", "", &pts);
    let many = pts.len() > 6;
    for (k, ((x, y), (_, r))) in pts.iter().zip(editions).enumerate() {
        // With many editions, label the first and the last only.
        if many && k != 0 && k.saturating_add(1) != pts.len() {
            continue;
        }
        let _ = writeln!(
            c.svg,
            r#"<text class="rank-label" x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            c.px(*x),
            c.py(*y) - 10.0,
            esc(&t(
                &Text::new(
                    format!("第{r}位"),
                    crate::Figure::exact_value(crate::Quantity::new(*r, crate::Unit::RANK)).en()
                ),
                lang
            ))
        );
    }
    let column = c.px(1.0) - c.px(0.0);
    for (i, iv) in intervals.iter().enumerate() {
        let x = xmax + 1.0 + i as f64;
        let (px, lo, hi, md) = (
            c.px(x),
            c.py(f(iv.low)),
            c.py(f(iv.high)),
            c.py(f(iv.median)),
        );
        // The median above the bar, the range below it, the name under the axis:
        // each within its own column, so neighbours never overlap.
        let whole = |d: Decimal| crate::round_for_display(d, 0);
        let name: Vec<String> = match lang {
            Lang::Both if iv.label.zh() != iv.label.en() => {
                vec![iv.label.zh().to_owned(), iv.label.en().to_owned()]
            }
            l => vec![iv.label.get(l)],
        };
        let name: Vec<&str> = name.iter().map(String::as_str).collect();
        let range = format!("{}–{}", whole(iv.low), whole(iv.high));
        let median = iv.median.normalize().to_string();
        // A label is drawn only where it fits its column; the name turns
        // vertical-ish in a narrow column; the full interval is always in a tooltip.
        let fits = |s: &str| text_width(s) + 2.0 <= column;
        // Names that do not fit their column are shortened with "…" (the
        // full name is in the tooltip), so neighbours never overlap.
        let shorten = |n: &str| -> String {
            if fits(n) {
                return n.to_owned();
            }
            let mut out = String::new();
            for ch in n.chars() {
                let next = format!("{out}{ch}…");
                if !fits(&next) {
                    break;
                }
                out.push(ch);
            }
            format!("{out}…")
        };
        let shown: Vec<String> = name.iter().map(|n| shorten(n)).collect();
        let shown: Vec<&str> = shown.iter().map(String::as_str).collect();
        let label = text_lines(px, HEIGHT - BOTTOM + 20.0, "middle", &shown);
        let median_text = if fits(&median) {
            format!(
                r#"<text class="median" x="{px:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
                lo.min(hi) - 6.0,
                esc(&median)
            )
        } else {
            String::new()
        };
        let range_text = if fits(&range) {
            format!(
                r#"<text class="range" x="{px:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
                lo.max(hi) + 14.0,
                esc(&range)
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            c.svg,
            r##"<g class="interval"><title>{}: {median} ({range})</title><line x1="{px:.1}" y1="{lo:.1}" x2="{px:.1}" y2="{hi:.1}" stroke="#9467bd" stroke-width="6"/><circle cx="{px:.1}" cy="{md:.1}" r="5" fill="#333"/>{median_text}{range_text}{label}</g>"##,
            esc(&name.join(" "))
        );
    }
    let mut legend = Legend::new(lang);
    legend.add(&Text::new("历年名次", "rank by edition"), "#1f77b4", "");
    if !intervals.is_empty() {
        let text = Text::new("综合排名区间 P5–P95", "composite rank P5–P95");
        legend.add(&text, "#9467bd", "");
        legend.add(&Text::new("中位数", "median"), "#333", "dot");
    }
    c.legend(&legend);
    Ok(c.finish())
}
