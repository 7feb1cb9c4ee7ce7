//! On-track classification by the published methods.

use core::fmt;

use rust_decimal::Decimal;

use super::{GapAnalysis, ProjectionMethod, rounding};
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
    /// The target equals the baseline value while the latest value misses it
    /// (a strict bound such as 突破1800 from exactly 1800): no growth was
    /// required, so no ratio exists.
    TargetAtBaseline,
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
            Unassessable::TargetAtBaseline => "the target equals the baseline value",
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
            Unassessable::TargetAtBaseline => "目标值等于基期值",
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
///   `R = d · CAGR_observed / |CAGR_required|` (d = +1 when higher is
///   better), as Eurostat's EU SDG monitoring and Statistics Canada's /
///   Open SDG progress methodology define it (`open-sdg/sdg-build`,
///   `ProgressMeasure.py`): R ≥ 0.95 on track; 0.60 ≤ R < 0.95 acceleration
///   needed; 0 ≤ R < 0.60 limited progress; R < 0 moving away.
/// - [`Method::UnsdProgressChart`] — UNSD's SDG Progress Chart (2023
///   technical note, as implemented by EUSTAT): the latest value extrapolated
///   at the observed CAGR to the deadline, `ρ = (v_projected − v_base) /
///   (target − v_base)`: ρ ≥ 0.95 on track; 0.10 ≤ ρ < 0.95 acceleration
///   needed; ρ < 0.10 stagnation or regression.
/// - [`Method::Custom`] — either score with the caller's thresholds.
///
/// In every method a target already met is [`Status::Achieved`], a base of
/// zero or less and a missing trend are [`Status::Unassessable`].
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

    /// The score: the growth ratio R or the UNSD ρ; `None` when achieved or
    /// not assessable.
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
    let done = |status| Assessment {
        method: method.clone(),
        score: None,
        status,
    };
    if gap.is_achieved() {
        return Ok(done(Status::Achieved));
    }
    if gap.base().value() <= Decimal::ZERO || gap.baseline().value() <= Decimal::ZERO {
        return Ok(done(Status::Unassessable(Unassessable::NonPositiveBase)));
    }
    let Some(trend) = gap.trend() else {
        return Ok(done(Status::Unassessable(match gap.has_no_same_season() {
            true => Unassessable::NoSameSeason,
            false => Unassessable::TooFewPoints,
        })));
    };
    let goal = gap.target().value().quantity();
    let score = if method.uses_rho() {
        // ρ = (v_e − v_b) / (T − v_b): v_e is the latest value extrapolated at
        // the observed CAGR to the deadline, v_b the baseline value.
        let projected = gap
            .projections()
            .iter()
            .find(|p| p.method() == ProjectionMethod::ConstantGrowth)
            .map(|p| *p.value())
            .ok_or(Error::Empty {
                what: "the projection at trend",
            })?;
        // Computed differences, rounded by the rule of `rounding`.
        let needed = rounding::difference(goal, gap.baseline())?;
        if needed.value().is_zero() {
            return Ok(done(Status::Unassessable(Unassessable::TargetAtBaseline)));
        }
        rounding::difference(&projected, gap.baseline())?.checked_ratio(&needed)?
    } else {
        // R = d · CAGR_o / |CAGR_r|, both from the baseline; d = −1 when the
        // target is met downwards (the base is positive here, so sign(v_b) = +1).
        let d = match gap.target().direction() {
            Direction::HigherIsBetter => Decimal::ONE,
            Direction::LowerIsBetter => Decimal::NEGATIVE_ONE,
        };
        let required = gap
            .required_from_baseline()
            .ok_or(Error::Empty {
                what: "the required rate",
            })?
            .fraction()
            .abs();
        if required.is_zero() {
            return Ok(done(Status::Unassessable(Unassessable::TargetAtBaseline)));
        }
        let observed = trend
            .fraction()
            .checked_mul(d)
            .ok_or_else(|| Error::overflow("multiply", trend, d))?;
        crate::exact::checked_div(observed, required, || observed.to_string())?
    };
    Ok(Assessment {
        status: method.classify(score),
        score: Some(score),
        method,
    })
}
