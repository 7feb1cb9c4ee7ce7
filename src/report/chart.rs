//! SVG charts (feature `plot`): the target chart and the ranking chart.
//!
//! A small SVG writer of its own, pure Rust with no system libraries and no
//! font files: text is left to the viewer, with the font stack
//! [`FONT_FAMILY`] (Noto Sans CJK SC, Source Han Sans SC, PingFang SC,
//! Microsoft YaHei, WenQuanYi Micro Hei, then any sans-serif), so Chinese
//! labels render wherever one of those fonts is installed — every desktop
//! system ships one. Coordinates are `f64` pixels: display only, never a
//! calculation (`clippy::float_arithmetic` is allowed in this module alone).
//!
//! Data points keep their status ([`ObsStatus`]): an estimate, an imputed
//! value or a forecast is drawn as a hollow marker joined to its neighbours
//! by a dashed segment, labelled as the report labels it (第139位（估计值）),
//! with a legend entry (估计值 / estimate); a missing value is not drawn and
//! breaks the line.
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
use crate::{
    Assumption, Dimension, Error, ObsStatus, Period, Point, Rate, Result, Series, Unit, growth,
};

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
/// The title's font size in px.
const TITLE_SIZE: f64 = 16.0;
/// The widest a title line may be: the canvas less 20 px each side.
const TITLE_WIDTH: f64 = WIDTH - 40.0;
/// Pixels between two title lines.
const TITLE_LEADING: f64 = 20.0;

/// The lines of a chart's title: in both languages the Chinese and the
/// English each on lines of their own, every line wrapped to
/// [`TITLE_WIDTH`] at [`TITLE_SIZE`] (a wide character one em, any other
/// 0.6 em, counted as the report counts columns, ambiguous ones wide).
fn title_lines(title: &Text, lang: Lang) -> Vec<String> {
    let forms = match lang {
        Lang::Both if title.zh() != title.en() => {
            vec![title.zh().to_owned(), title.en().to_owned()]
        }
        l => vec![title.get(l)],
    };
    // A column is 0.6 em; a wide character takes two (1.2 em, more than it needs).
    let columns = (TITLE_WIDTH / (0.6 * TITLE_SIZE)).floor() as usize;
    forms
        .iter()
        .flat_map(|f| super::wrap::wrap(f, columns, super::wrap::Measure::FIT, false))
        .collect()
}

impl Canvas {
    /// A canvas with a title (each line within the canvas) and, under it,
    /// notes (each wrapped to the chart's width); the plot starts below them.
    fn new(
        title: &Text,
        lang: Lang,
        notes: &[String],
        x: (f64, f64),
        y: (f64, f64),
        invert: bool,
    ) -> Canvas {
        let heading = title_lines(title, lang);
        let extra = TITLE_LEADING * heading.len().saturating_sub(1) as f64;
        let lines: Vec<String> = notes
            .iter()
            .flat_map(|n| super::wrap::wrap(n, NOTE_COLUMNS, super::wrap::Measure::FIT, false))
            .collect();
        let top = TOP + extra + 16.0 * lines.len() as f64;
        let mut svg = String::new();
        let _ = writeln!(
            svg,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="{}" font-size="12">"#,
            esc(FONT_FAMILY)
        );
        let _ = writeln!(svg, r#"<rect width="100%" height="100%" fill="white"/>"#);
        let title_x = WIDTH / 2.0;
        let body = match heading.as_slice() {
            [one] => esc(one),
            many => many
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let dy = if i == 0 { 0.0 } else { TITLE_LEADING };
                    format!(r#"<tspan x="{title_x}" dy="{dy}">{}</tspan>"#, esc(l))
                })
                .collect(),
        };
        let _ = writeln!(
            svg,
            r#"<text class="title" x="{title_x}" y="28" font-size="{TITLE_SIZE}" text-anchor="middle">{body}</text>"#,
        );
        if !lines.is_empty() {
            let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
            let _ = writeln!(
                svg,
                r##"<g class="note" fill="#555">{}</g>"##,
                text_lines(WIDTH / 2.0, 48.0 + extra, "middle", &refs)
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

    /// A series as a line with a dot at each point. An estimate (a point
    /// whose status is not an observation) is a hollow dot, and the segments
    /// that reach it are dashed; a series of one point, which a line cannot
    /// show, is a larger marker outlined in white (so it stands out where
    /// other lines start from it), hollow if an estimate. Every element of an
    /// estimate also has the class `estimate`.
    fn line(&mut self, class: &str, color: &str, dash: &str, points: &[Mark]) {
        if let [p] = points {
            let (fill, stroke, extra) = if p.estimate {
                ("white", color, " estimate")
            } else {
                (color, "white", "")
            };
            let _ = writeln!(
                self.svg,
                r#"<circle class="{class}{extra}" cx="{:.1}" cy="{:.1}" r="6" fill="{fill}" stroke="{stroke}" stroke-width="2"/>"#,
                self.px(p.x),
                self.py(p.y)
            );
            return;
        }
        // Runs of segments drawn alike, each run one polyline.
        let mut runs: Vec<(bool, Vec<&Mark>)> = Vec::new();
        for pair in points.windows(2) {
            let [a, b] = pair else { continue };
            let estimate = a.estimate || b.estimate;
            match runs.last_mut() {
                Some((e, run)) if *e == estimate => run.push(b),
                _ => runs.push((estimate, vec![a, b])),
            }
        }
        for (estimate, run) in runs {
            let pts: Vec<String> = run
                .iter()
                .map(|p| format!("{:.1},{:.1}", self.px(p.x), self.py(p.y)))
                .collect();
            let (extra, pattern) = if estimate {
                (" estimate", ESTIMATE_DASH)
            } else {
                ("", dash)
            };
            let _ = writeln!(
                self.svg,
                r#"<polyline class="{class}{extra}" fill="none" stroke="{color}" stroke-width="2" stroke-dasharray="{pattern}" points="{}"/>"#,
                pts.join(" ")
            );
        }
        for p in points {
            let (x, y) = (self.px(p.x), self.py(p.y));
            let _ = if p.estimate {
                writeln!(
                    self.svg,
                    r#"<circle class="{class}-point estimate" cx="{x:.1}" cy="{y:.1}" r="3.5" fill="white" stroke="{color}" stroke-width="1.5"/>"#
                )
            } else {
                writeln!(
                    self.svg,
                    r#"<circle class="{class}-point" cx="{x:.1}" cy="{y:.1}" r="3" fill="{color}"/>"#
                )
            };
        }
    }

    /// A legend in the right margin, one entry per row, never over the plot;
    /// a bilingual entry ("中文 / English") takes two lines.
    fn legend(&mut self, legend: &Legend) {
        let x = WIDTH - RIGHT + 16.0;
        let mut y = self.top + 10.0;
        for (text, color, dash) in &legend.entries {
            let lines: Vec<&str> = text.split(" / ").collect();
            // A marker entry ("diamond", "dot", "estimate") shows the
            // marker, not (only) a line.
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
                "estimate" => format!(
                    r#"<line x1="{x}" y1="{y}" x2="{}" y2="{y}" stroke="{color}" stroke-width="2" stroke-dasharray="{ESTIMATE_DASH}"/><circle cx="{:.1}" cy="{y:.1}" r="3.5" fill="white" stroke="{color}" stroke-width="1.5"/>"#,
                    x + 24.0,
                    x + 12.0
                ),
                _ => format!(
                    r#"<line x1="{x}" y1="{y}" x2="{}" y2="{y}" stroke="{color}" stroke-width="2" stroke-dasharray="{dash}"/>"#,
                    x + 24.0
                ),
            };
            let class = if dash == "estimate" {
                "legend legend-estimate"
            } else {
                "legend"
            };
            let _ = writeln!(
                self.svg,
                r#"<g class="{class}">{symbol}{}</g>"#,
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

/// The estimated width of `s` in pixels at `size` px: a wide (Chinese)
/// character one em, any other 0.6 em.
fn text_width(s: &str, size: f64) -> f64 {
    s.chars()
        .map(|c| {
            if unicode_width::UnicodeWidthChar::width(c) == Some(2) {
                size
            } else {
                0.6 * size
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

/// The font size of an interval's name too wide for its column at 12 px.
const NAME_SIZE: f64 = 10.0;

/// The dash pattern of a segment that reaches an estimate.
const ESTIMATE_DASH: &str = "4 3";

/// A point in data coordinates, and whether it is an estimate.
#[derive(Debug, Clone, Copy)]
struct Mark {
    x: f64,
    y: f64,
    estimate: bool,
}

impl Mark {
    /// A computed point (a path, a projection): drawn as its series is.
    fn at(x: f64, y: f64) -> Mark {
        Mark {
            x,
            y,
            estimate: false,
        }
    }
}

/// Whether a point of status `s` is drawn as an estimate: a value not
/// observed as such (estimated, imputed, forecast).
fn is_estimate(s: ObsStatus) -> bool {
    matches!(
        s,
        ObsStatus::Estimated | ObsStatus::Imputed | ObsStatus::Forecast
    )
}

/// The legend entry of the estimates among `statuses`, in the words the
/// report uses (估计值 / estimate), or `None` when there are none.
fn estimate_legend(statuses: impl IntoIterator<Item = ObsStatus>) -> Option<Text> {
    let mut seen: Vec<ObsStatus> = statuses.into_iter().filter(|s| is_estimate(*s)).collect();
    seen.sort_unstable();
    seen.dedup();
    let words: Vec<Text> = seen
        .into_iter()
        .filter_map(super::sections::status_words)
        .collect();
    if words.is_empty() {
        return None;
    }
    let zh: Vec<&str> = words.iter().map(Text::zh).collect();
    let en: Vec<&str> = words.iter().map(Text::en).collect();
    Some(Text::new(zh.join("、"), en.join(", ")))
}

fn t(text: &Text, lang: Lang) -> String {
    text.get(lang)
}

/// A chart's legend: each entry's text in the chart's language, its colour,
/// and its dash pattern or marker ("diamond", "dot", "estimate").
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
    // Missing values are not drawn; estimates are marked.
    let mut hist = Vec::new();
    let mut statuses = Vec::new();
    for p in history {
        if p.period().ordinal() <= gap.base_period().ordinal() && !p.status().is_missing() {
            let q = p.value().exact_for("a chart")?.checked_mul(scale)?;
            hist.push(Mark {
                x: x_of(&p.period()),
                y: value_of(&q)?,
                estimate: is_estimate(p.status()),
            });
            statuses.push(p.status());
        }
    }
    let base_x = x_of(&gap.base_period());
    let base_y = value_of(gap.base())?;
    let mut required = vec![Mark::at(base_x, base_y)];
    for (p, v) in gap.milestones() {
        required.push(Mark::at(x_of(p), value_of(v)?));
    }
    let path = |rate: Rate| -> Result<Vec<Mark>> {
        let mut out = vec![Mark::at(base_x, base_y)];
        for (p, _) in gap.milestones() {
            let span = gap.base_period().years_until(p)?;
            out.push(Mark::at(
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
    let xs: Vec<f64> = hist.iter().map(|p| p.x).chain([deadline_x]).collect();
    let ys: Vec<f64> = hist
        .iter()
        .chain(required.iter())
        .chain(trend.iter().flat_map(|(_, p)| p.iter()))
        .chain(fan.iter().flat_map(|(_, p)| p.iter()))
        .map(|p| p.y)
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
        &title,
        lang,
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
    if let Some(words) = estimate_legend(statuses) {
        legend.add(&words, "#1f77b4", "estimate");
    }
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
/// Each edition is a [`Point`] holding an exact rank, with its status: an
/// estimate (a rank implied by "up 17 places to 122nd") is a hollow marker
/// on a dashed segment, labelled 第139位（估计值） / 139th (estimate), with a
/// legend entry; a missing value is left out.
///
/// # Errors
///
/// [`Error::Empty`] when there are neither editions nor intervals;
/// [`Error::NotExact`] for a rank given as a bound; [`Error::UnitMismatch`]
/// for a value that is not a rank.
///
/// ```
/// use indstat::report::{chart, Lang, Text};
/// use indstat::{Figure, ObsStatus, Period, Point};
/// use indstat::dec;
/// let editions = [
///     Point::new(Period::year(2021)?, "第139位".parse()?).with_status(ObsStatus::Estimated),
///     Point::new(Period::year(2022)?, "第122位".parse()?),
/// ];
/// let svg = chart::rank_chart(&Text::new("国家高新区排名", "national rank"), &editions, dec!(100), &[], Lang::En)?;
/// assert!(svg.contains("class=\"ranks estimate\""));
/// assert!(svg.contains("139th (estimate)"));
/// assert!(svg.contains("Top 100"));
/// assert!(chart::rank_chart(&Text::same("x"), &[], dec!(100), &[], Lang::En).is_err());
/// let not_a_rank = [Point::new(Period::year(2022)?, "1004亿元".parse()?)];
/// assert!(chart::rank_chart(&Text::same("x"), &not_a_rank, dec!(100), &[], Lang::En).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn rank_chart(
    title: &Text,
    editions: &[Point],
    top: Decimal,
    intervals: &[RankInterval],
    lang: Lang,
) -> Result<String> {
    // The editions in order, each an exact rank; missing values left out.
    let mut ranked: Vec<(Period, Decimal, ObsStatus)> = Vec::with_capacity(editions.len());
    for p in editions {
        if p.status().is_missing() {
            continue;
        }
        let q = p.value().exact_for("a rank chart")?;
        if q.dimension() != Dimension::Rank {
            return Err(Error::UnitMismatch {
                expected: Unit::RANK,
                found: q.unit(),
            });
        }
        ranked.push((p.period(), q.value(), p.status()));
    }
    ranked.sort_by_key(|(p, ..)| p.ordinal());
    if ranked.is_empty() && intervals.is_empty() {
        return Err(Error::Empty {
            what: "the ranks to chart",
        });
    }
    let ranks = ranked.iter().map(|(_, r, _)| f(*r));
    let ints = intervals.iter().flat_map(|i| [f(i.low), f(i.high)]);
    let worst = ranks.chain(ints).chain([f(top)]).fold(1.0f64, f64::max);
    // Ranks start at 1: the tick at 0 is shown as 1 (the top).
    let y_ticks: Vec<f64> = ticks(0.0, worst * 1.1, 6)
        .into_iter()
        .map(|v| if v < 1.0 { 1.0 } else { v })
        .collect();
    let yhi = y_ticks.last().copied().unwrap_or(worst);
    let years: Vec<f64> = ranked
        .iter()
        .map(|(p, ..)| p.calendar_year() as f64)
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
        title,
        lang,
        &[],
        (xmin - 0.8, xmax + 0.5 + slots),
        (0.0, yhi),
        true,
    );
    let x_ticks: Vec<(f64, String)> = ranked
        .iter()
        .map(|(p, ..)| (p.calendar_year() as f64, p.calendar_year().to_string()))
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
    let pts: Vec<Mark> = ranked
        .iter()
        .map(|(p, r, s)| Mark {
            x: p.calendar_year() as f64,
            y: f(*r),
            estimate: is_estimate(*s),
        })
        .collect();
    c.line("ranks", "#1f77b4", "", &pts);
    let many = pts.len() > 6;
    for (k, (m, (_, r, status))) in pts.iter().zip(&ranked).enumerate() {
        // With many editions, label the first and the last only.
        if many && k != 0 && k.saturating_add(1) != pts.len() {
            continue;
        }
        // The label the report gives: 第139位（估计值） / 139th (estimate).
        let mut text = Text::new(
            format!("第{r}位"),
            crate::Figure::exact_value(crate::Quantity::new(*r, Unit::RANK)).en(),
        );
        if let Some(words) = super::sections::status_words(*status) {
            text = Text::new(
                format!("{}（{}）", text.zh(), words.zh()),
                format!("{} ({})", text.en(), words.en()),
            );
        }
        // In both languages a line each; kept inside the plot.
        let lines = match lang {
            Lang::Both if text.zh() != text.en() => {
                vec![text.zh().to_owned(), text.en().to_owned()]
            }
            l => vec![text.get(l)],
        };
        let half = lines
            .iter()
            .map(|l| text_width(l, 12.0))
            .fold(0.0, f64::max)
            / 2.0;
        let x = c
            .px(m.x)
            .clamp(LEFT + half, (WIDTH - RIGHT - half).max(LEFT + half));
        let y = c.py(m.y) - 10.0 - 14.0 * lines.len().saturating_sub(1) as f64;
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let extra = if m.estimate { " estimate" } else { "" };
        let _ = writeln!(
            c.svg,
            r#"<g class="rank-label{extra}">{}</g>"#,
            text_lines(x, y, "middle", &refs)
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
        // A label is drawn only where it fits its column; the full interval
        // is always in a tooltip.
        let fits_at = |s: &str, size: f64| text_width(s, size) + 2.0 <= column;
        let fits = |s: &str| fits_at(s, 12.0);
        // Names too wide for their column are set smaller, and only if they
        // still do not fit shortened with "…" (the full name is in the
        // tooltip), so neighbours never overlap.
        let size = if name.iter().all(|n| fits(n)) {
            12.0
        } else {
            NAME_SIZE
        };
        let shorten = |n: &str| -> String {
            if fits_at(n, size) {
                return n.to_owned();
            }
            let mut out = String::new();
            for ch in n.chars() {
                let next = format!("{out}{ch}…");
                if !fits_at(&next, size) {
                    break;
                }
                out.push(ch);
            }
            format!("{out}…")
        };
        let shown: Vec<String> = name.iter().map(|n| shorten(n)).collect();
        let shown: Vec<&str> = shown.iter().map(String::as_str).collect();
        let label = format!(
            r#"<g class="name" font-size="{size}">{}</g>"#,
            text_lines(px, HEIGHT - BOTTOM + 20.0, "middle", &shown)
        );
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
    if let Some(words) = estimate_legend(ranked.iter().map(|(.., s)| *s)) {
        legend.add(&words, "#1f77b4", "estimate");
    }
    if !intervals.is_empty() {
        let text = Text::new("综合排名区间 P5–P95", "composite rank P5–P95");
        legend.add(&text, "#9467bd", "");
        legend.add(&Text::new("中位数", "median"), "#333", "dot");
    }
    c.legend(&legend);
    Ok(c.finish())
}
