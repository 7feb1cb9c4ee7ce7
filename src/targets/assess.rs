//! On-track classification by the published methods.

use core::fmt;

use rust_decimal::Decimal;

use super::{GapAnalysis, ProjectionMethod, computed};
use crate::exact::is_positive;
use crate::{Direction, Error, Result};

/// Why progress could not be assessed: an explicit outcome, not a number.
///
/// # Examples
///
/// ```
/// use indstat::targets::Unassessable;
/// assert_eq!(Unassessable::TooFewPoints.en(), "fewer than two data points and no trend rate given");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Unassessable {
    /// Fewer than two data points and no trend rate given.
    TooFewPoints,
    /// The base is zero or negative: growth rates are undefined.
    NonPositiveBase,
    /// The base is positive but the baseline, where the history's trend and
    /// the UNSD ρ start, is zero or negative: growth from it is undefined.
    NonPositiveBaseline,
    /// The target equals the value progress is measured from (the
    /// baseline; the base, for a trend the caller gave) while the latest
    /// value misses it (a strict bound such as 突破1800 from exactly 1800):
    /// no growth was required, so no ratio exists.
    TargetAtBaseline,
    /// The target is zero or negative, to be met downwards from a positive
    /// value: no growth rate leads there (steady growth at any rate above
    /// −100% never reaches zero), so the growth ratio R does not exist. The
    /// UNSD ρ, a ratio of levels, does.
    TargetNotPositive,
    /// A flow over part of a year (a quarter's output) has earlier values,
    /// but none for the same part of an earlier year: its growth is year on
    /// year (Q4 on Q4), never across seasons (Q1 → Q4), so there is no trend.
    NoSameSeason,
}

impl Unassessable {
    /// The reason in English.
    ///
    /// ```
    /// # use indstat::targets::Unassessable;
    /// assert_eq!(Unassessable::NonPositiveBase.en(), "the base is zero or negative");
    /// ```
    pub fn en(&self) -> &'static str {
        match self {
            Unassessable::TooFewPoints => "fewer than two data points and no trend rate given",
            Unassessable::NonPositiveBase => "the base is zero or negative",
            Unassessable::NonPositiveBaseline => "the baseline value is zero or negative",
            Unassessable::TargetAtBaseline => {
                "the target equals the value progress is measured from"
            }
            Unassessable::TargetNotPositive => {
                "the target is zero or negative, which no growth rate reaches"
            }
            Unassessable::NoSameSeason => {
                "no earlier value for the same part of the year (a flow over part of a year is compared year on year)"
            }
        }
    }

    /// The reason in Chinese.
    ///
    /// ```
    /// # use indstat::targets::Unassessable;
    /// assert_eq!(Unassessable::TooFewPoints.zh(), "数据点不足两个且未给定趋势增速");
    /// ```
    pub fn zh(&self) -> &'static str {
        match self {
            Unassessable::TooFewPoints => "数据点不足两个且未给定趋势增速",
            Unassessable::NonPositiveBase => "基数为零或负数",
            Unassessable::NonPositiveBaseline => "起始期数值为零或负数",
            Unassessable::TargetAtBaseline => "目标值等于起点值",
            Unassessable::TargetNotPositive => "目标值为零或负数，任何增速都无法达到",
            Unassessable::NoSameSeason => "缺少往年同期数据（年内分期的流量按同比比较）",
        }
    }
}

/// The outcome of an on-track assessment.
///
/// # Examples
///
/// ```
/// use indstat::targets::Status;
/// assert_eq!(Status::LimitedProgress.en(), "limited progress");
/// assert_eq!(Status::LimitedProgress.zh(), "进展有限");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Status {
    /// The latest value already meets the target.
    Achieved,
    /// On track (growth ratio or ρ at least 0.95).
    OnTrack,
    /// Progress, but acceleration needed (ratio 0.60–0.95; ρ 0.10–0.95).
    AccelerationNeeded,
    /// Limited progress (ratio 0–0.60).
    LimitedProgress,
    /// Moving away from the target (ratio below 0).
    MovingAway,
    /// Stagnation or regression (ρ below 0.10).
    Stagnation,
    /// A class of custom thresholds, by its label.
    Custom(String),
    /// No assessment possible, and why.
    Unassessable(Unassessable),
}

impl Status {
    /// The status in English.
    ///
    /// ```
    /// assert_eq!(indstat::targets::Status::OnTrack.en(), "on track");
    /// ```
    pub fn en(&self) -> String {
        match self {
            Status::Achieved => "target achieved".to_owned(),
            Status::OnTrack => "on track".to_owned(),
            Status::AccelerationNeeded => "progress, acceleration needed".to_owned(),
            Status::LimitedProgress => "limited progress".to_owned(),
            Status::MovingAway => "moving away from the target".to_owned(),
            Status::Stagnation => "stagnation or regression".to_owned(),
            Status::Custom(label) => label.clone(),
            Status::Unassessable(u) => format!("not assessable: {}", u.en()),
        }
    }

    /// The status in Chinese.
    ///
    /// ```
    /// assert_eq!(indstat::targets::Status::OnTrack.zh(), "按计划推进");
    /// ```
    pub fn zh(&self) -> String {
        match self {
            Status::Achieved => "目标已实现".to_owned(),
            Status::OnTrack => "按计划推进".to_owned(),
            Status::AccelerationNeeded => "有进展，需加快".to_owned(),
            Status::LimitedProgress => "进展有限".to_owned(),
            Status::MovingAway => "偏离目标".to_owned(),
            Status::Stagnation => "停滞或倒退".to_owned(),
            Status::Custom(label) => label.clone(),
            Status::Unassessable(u) => format!("无法评估：{}", u.zh()),
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

/// Custom thresholds: classes from the best down, each with the lowest score
/// it admits; a score below every threshold falls in the last class.
///
/// # Examples
///
/// ```
/// use indstat::targets::Thresholds;
/// use indstat::dec;
///
/// let t = Thresholds::new(vec![(dec!(1), "ahead".into()), (dec!(0.5), "behind".into())], "far behind".into())?;
/// assert_eq!(t.classify(dec!(0.7)), "behind");
/// assert_eq!(t.classify(dec!(0.2)), "far behind");
/// assert!(Thresholds::new(vec![(dec!(0.5), "a".into()), (dec!(1), "b".into())], "c".into()).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Thresholds {
    classes: Vec<(Decimal, String)>,
    below: String,
}

impl Thresholds {
    /// Thresholds from the best class down.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidThresholds`] when empty or not strictly decreasing.
    ///
    /// ```
    /// # use indstat::targets::Thresholds;
    /// assert!(Thresholds::new(vec![], "all".into()).is_err());
    /// ```
    pub fn new(classes: Vec<(Decimal, String)>, below: String) -> Result<Thresholds> {
        let describe = || {
            let list: Vec<String> = classes.iter().map(|(t, l)| format!("{l} ≥ {t}")).collect();
            format!("[{}]", list.join(", "))
        };
        if classes.is_empty() {
            return Err(Error::InvalidThresholds {
                thresholds: describe(),
                reason: "give at least one threshold",
            });
        }
        if classes.windows(2).any(|w| match w {
            [(a, _), (b, _)] => a <= b,
            _ => false,
        }) {
            return Err(Error::InvalidThresholds {
                thresholds: describe(),
                reason: "thresholds must be strictly decreasing, best class first",
            });
        }
        Ok(Thresholds { classes, below })
    }

    /// The label of the class `score` falls in: the first whose threshold it
    /// reaches (`score ≥ threshold`).
    ///
    /// ```
    /// # use indstat::targets::Thresholds;
    /// # use indstat::dec;
    /// let t = Thresholds::new(vec![(dec!(0.95), "on track".into())], "off track".into())?;
    /// assert_eq!(t.classify(dec!(0.95)), "on track");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn classify(&self, score: Decimal) -> &str {
        self.classes
            .iter()
            .find(|(t, _)| score >= *t)
            .map_or(self.below.as_str(), |(_, l)| l.as_str())
    }
}

/// An on-track method: which score, and which thresholds.
///
/// - [`Method::GrowthRatio`] — the ratio of actual to required growth,
///   `R = d · CAGR_observed / |CAGR_required|` (d = +1 when the target is
///   met upwards, −1 downwards), as Eurostat's EU SDG monitoring and
///   Statistics Canada's / Open SDG progress methodology define it
///   (`open-sdg/sdg-build`, `ProgressMeasure.py`): the growth since the
///   baseline against the growth needed from the baseline. A trend the
///   caller gives ([`Trend::Rate`](super::Trend::Rate)) is a forward
///   assumption, compared with the growth needed from the base: evidence of
///   the past does not change it. R ≥ 0.95 on track; 0.60 ≤ R < 0.95
///   acceleration needed; 0 ≤ R < 0.60 limited progress; R < 0 moving away.
/// - [`Method::UnsdProgressChart`] — UNSD's SDG Progress Chart (2023
///   technical note, as implemented by EUSTAT): the latest value extrapolated
///   at the trend to the deadline, `ρ = (v_projected − v_baseline) / (target
///   − v_baseline)`, taken in the target's direction, `ρ = d · (v_projected −
///   v_baseline) / |target − v_baseline|`: the same where the baseline falls
///   short of the target, and negative, not "on track", for a history that
///   moves away from a target its baseline already met (2000 → 1004 against
///   1800). ρ ≥ 0.95 on track; 0.10 ≤ ρ < 0.95 acceleration needed; ρ < 0.10
///   stagnation or regression.
/// - [`Method::Custom`] — either score with the caller's thresholds.
///
/// In every method a target already met is [`Status::Achieved`]; a base or
/// a baseline of zero or less, a missing trend, and for R a target of zero
/// or less are [`Status::Unassessable`], with the reason. A score beyond
/// `Decimal`'s range (a projection out of range) has no number but a
/// status, by its sign.
///
/// # Examples
///
/// ```
/// use indstat::targets::{Method, Status};
/// assert_eq!(Method::GrowthRatio.classify(indstat::dec!(0.60)), Status::AccelerationNeeded);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Method {
    /// Eurostat / Statistics Canada ratio of actual to required growth.
    GrowthRatio,
    /// UNSD Progress Chart ρ on the projection.
    UnsdProgressChart,
    /// A score with custom thresholds.
    Custom {
        /// Which score: `true` for the UNSD ρ, `false` for the growth ratio.
        rho: bool,
        /// The classes.
        thresholds: Thresholds,
    },
}

impl Method {
    /// The class of a score under this method's thresholds.
    ///
    /// ```
    /// use indstat::targets::{Method, Status};
    /// use indstat::dec;
    /// assert_eq!(Method::GrowthRatio.classify(dec!(0.95)), Status::OnTrack);
    /// assert_eq!(Method::GrowthRatio.classify(dec!(0)), Status::LimitedProgress);
    /// assert_eq!(Method::GrowthRatio.classify(dec!(-0.01)), Status::MovingAway);
    /// assert_eq!(Method::UnsdProgressChart.classify(dec!(0.10)), Status::AccelerationNeeded);
    /// assert_eq!(Method::UnsdProgressChart.classify(dec!(0.0999)), Status::Stagnation);
    /// ```
    pub fn classify(&self, score: Decimal) -> Status {
        let t95 = Decimal::new(95, 2);
        match self {
            Method::GrowthRatio => {
                if score >= t95 {
                    Status::OnTrack
                } else if score >= Decimal::new(60, 2) {
                    Status::AccelerationNeeded
                } else if score >= Decimal::ZERO {
                    Status::LimitedProgress
                } else {
                    Status::MovingAway
                }
            }
            Method::UnsdProgressChart => {
                if score >= t95 {
                    Status::OnTrack
                } else if score >= Decimal::new(10, 2) {
                    Status::AccelerationNeeded
                } else {
                    Status::Stagnation
                }
            }
            Method::Custom { thresholds, .. } => {
                Status::Custom(thresholds.classify(score).to_owned())
            }
        }
    }

    /// The method's name in English, with its source.
    ///
    /// ```
    /// assert_eq!(indstat::targets::Method::UnsdProgressChart.en(), "progress ρ (UNSD SDG Progress Chart, 2023 technical note)");
    /// ```
    pub fn en(&self) -> &'static str {
        match self {
            Method::GrowthRatio => {
                "ratio of actual to required growth R (Eurostat; Statistics Canada / Open SDG)"
            }
            Method::UnsdProgressChart => {
                "progress ρ (UNSD SDG Progress Chart, 2023 technical note)"
            }
            Method::Custom { rho: true, .. } => "progress ρ with custom thresholds",
            Method::Custom { rho: false, .. } => "growth ratio R with custom thresholds",
        }
    }

    /// The method's name in Chinese, with its source.
    ///
    /// ```
    /// assert_eq!(indstat::targets::Method::GrowthRatio.zh(), "实际/所需增速比 R（欧盟统计局；加拿大统计局）");
    /// ```
    pub fn zh(&self) -> &'static str {
        match self {
            Method::GrowthRatio => "实际/所需增速比 R（欧盟统计局；加拿大统计局）",
            Method::UnsdProgressChart => "进展指数 ρ（联合国统计司进展图）",
            Method::Custom { rho: true, .. } => "进展指数 ρ（自定义阈值）",
            Method::Custom { rho: false, .. } => "增速比 R（自定义阈值）",
        }
    }

    fn uses_rho(&self) -> bool {
        match self {
            Method::GrowthRatio => false,
            Method::UnsdProgressChart => true,
            Method::Custom { rho, .. } => *rho,
        }
    }
}

/// A classified assessment: the method, its score (when one exists) and the
/// status.
///
/// # Examples
///
/// ```
/// # use indstat::targets::{LevelTarget, Method, Status, Unassessable};
/// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
/// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
/// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
/// let one = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
/// let a = t.analyse(&one).run()?.assess(Method::GrowthRatio)?;
/// assert_eq!(a.score(), None);
/// assert_eq!(a.status(), Status::Unassessable(Unassessable::TooFewPoints));
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Assessment {
    method: Method,
    score: Option<Decimal>,
    status: Status,
}

impl Assessment {
    /// The method used.
    ///
    /// ```
    /// # use indstat::targets::{LevelTarget, Method};
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// assert_eq!(t.analyse(&s).run()?.assess(Method::UnsdProgressChart)?.method(), &Method::UnsdProgressChart);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// The score: the growth ratio R or the UNSD ρ; `None` when achieved,
    /// not assessable, or beyond `Decimal`'s range (the status then follows
    /// its sign: a projection far past the target's side is on track, far
    /// on the other side is not).
    ///
    /// ```
    /// # use indstat::targets::{LevelTarget, Method};
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1000亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// assert_eq!(t.analyse(&s).run()?.assess(Method::GrowthRatio)?.score(), None); // achieved
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn score(&self) -> Option<Decimal> {
        self.score
    }

    /// The status.
    ///
    /// ```
    /// # use indstat::targets::{LevelTarget, Method, Status};
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1000亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// assert_eq!(t.analyse(&s).run()?.assess(Method::GrowthRatio)?.status(), Status::Achieved);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn status(&self) -> Status {
        self.status.clone()
    }
}

pub(super) fn assess(gap: &GapAnalysis, method: Method) -> Result<Assessment> {
    let unassessable = |why| Assessment {
        method: method.clone(),
        score: None,
        status: Status::Unassessable(why),
    };
    if gap.is_achieved() {
        return Ok(Assessment {
            method,
            score: None,
            status: Status::Achieved,
        });
    }
    if !is_positive(gap.base().value()) {
        return Ok(unassessable(Unassessable::NonPositiveBase));
    }
    let baseline_positive = is_positive(gap.baseline().value());
    let Some(trend) = gap.trend() else {
        return Ok(unassessable(if !baseline_positive {
            Unassessable::NonPositiveBaseline
        } else if gap.has_no_same_season() {
            Unassessable::NoSameSeason
        } else {
            Unassessable::TooFewPoints
        }));
    };
    // d = +1 when the target is met upwards, −1 when downwards.
    let downwards = gap.target().direction() == Direction::LowerIsBetter;
    let signed = |x: Decimal| toward(x, downwards);
    let goal = gap.target().value().quantity();
    let score = if method.uses_rho() {
        // ρ = d·(v_e − v_b) / |T − v_b|: v_e is the base extrapolated at the
        // trend to the deadline, v_b the baseline value; positive when the
        // value moves toward the target's side, whichever side of it the
        // baseline was on.
        if !baseline_positive {
            return Ok(unassessable(Unassessable::NonPositiveBaseline));
        }
        // Computed differences, rounded by the rule of `computed`.
        let needed = computed::difference(goal, gap.baseline())?.value().abs();
        if needed.is_zero() {
            return Ok(unassessable(Unassessable::TargetAtBaseline));
        }
        let at_trend = |m: ProjectionMethod| m == ProjectionMethod::ConstantGrowth;
        match gap.projections().iter().find(|p| at_trend(p.method())) {
            Some(p) => {
                let moved = computed::difference(p.value(), gap.baseline())?.value();
                Score::of(signed(moved), needed)
            }
            None => match gap.out_of_range().iter().find(|o| at_trend(o.method())) {
                // Beyond Decimal's range, on the side the trend took it.
                Some(o) => Score::Beyond(signed(match o.is_above() {
                    true => Decimal::ONE,
                    false => Decimal::NEGATIVE_ONE,
                })),
                None => {
                    return Err(Error::Empty {
                        what: "the projection at trend",
                    });
                }
            },
        }
    } else {
        // R = d·CAGR_o / |CAGR_r|: the growth of the history since the
        // baseline against the growth needed from the baseline; a trend the
        // caller gave, a forward assumption, against the growth needed from
        // the base. No growth rate leads from a positive value to a target
        // of zero or less.
        if !is_positive(goal.value()) {
            return Ok(unassessable(Unassessable::TargetNotPositive));
        }
        let required = match gap.is_trend_given() {
            true => gap.required(),
            false => gap.required_from_baseline(),
        }
        .ok_or(Error::Empty {
            what: "the required rate",
        })?
        .fraction()
        .abs();
        if required.is_zero() {
            return Ok(unassessable(Unassessable::TargetAtBaseline));
        }
        Score::of(signed(trend.fraction()), required)
    };
    let (score, status) = match score {
        Score::Value(s) => (Some(s), method.classify(s)),
        Score::Beyond(sign) => (
            None,
            method.classify(match sign.is_sign_negative() {
                true => Decimal::MIN,
                false => Decimal::MAX,
            }),
        ),
    };
    Ok(Assessment {
        status,
        score,
        method,
    })
}

/// A score, or the sign of one beyond `Decimal`'s range (a projection
/// out of range, a ratio to a required rate near zero): its status is
/// still known.
enum Score {
    Value(Decimal),
    Beyond(Decimal),
}

impl Score {
    /// `num / den` for a positive `den`.
    fn of(num: Decimal, den: Decimal) -> Score {
        match crate::exact::div(num, den) {
            Some(s) => Score::Value(s),
            None => Score::Beyond(num),
        }
    }
}

/// `x` taken in the target's direction: `−x` for a target met `downwards`.
#[allow(clippy::arithmetic_side_effects)] // negating a Decimal flips its sign bit: no overflow
fn toward(x: Decimal, downwards: bool) -> Decimal {
    if downwards { -x } else { x }
}
