//! Targets: level, count and rank targets; gap analysis with required and
//! trend growth, projections and milestones; on-track classification by the
//! published methods; scenario tables; time progress within a year (时间进度).
//!
//! # Scope safety
//!
//! A target names its indicator, and so its scope and price basis. Measuring
//! data of another scope against it is [`Error::ScopeMismatch`] until the
//! caller states a [`Bridge`]; the analysis records the bridge as an
//! [`Assumption`], and reports print it. The article's case: its 2022 base
//! (1004亿元) is all-industry output, its 2026 target (1800亿元) is for
//! enterprises above designated size.
//!
//! # Examples
//!
//! ```
//! use indstat::datasets::rongchang;
//! use indstat::targets::{Bridge, LevelTarget, Method, Status, Trend};
//! use indstat::{Rate, Series};
//! use rust_decimal_macros::dec;
//!
//! let t1 = rongchang::target("T1")?.expect("T1");
//! let target = LevelTarget::new(t1.indicator().clone(), *t1.value(), t1.deadline().expect("2026"))?;
//! let output = rongchang::row(3)?.expect("row 3").observation().clone();
//! let history = Series::from_observations([output])?;
//!
//! // Another scope: refused until the caller bridges it.
//! assert!(target.analyse(&history).run().is_err());
//!
//! let gap = target
//!     .analyse(&history)
//!     .bridge(Bridge::AssumeEqual)
//!     .trend(Trend::Rate(Rate::from_percent(dec!(8.5))?))
//!     .run()?;
//! assert_eq!(gap.required().map(|r| r.percent()).transpose()?.map(|p| p.round_dp(2)), Some(dec!(15.71)));
//! assert_eq!(gap.assess(Method::GrowthRatio)?.status(), Status::LimitedProgress);
//! # Ok::<(), indstat::Error>(())
//! ```

mod assess;
mod count_rank;
mod progress;
mod trend;

pub use assess::{Assessment, Method, Status, Thresholds, Unassessable};
pub use count_rank::{CountAssessment, CountTarget, RankAssessment, RankTarget};
pub use progress::{Profile, TimeProgress, time_progress};

use rust_decimal::Decimal;

use crate::growth::{self, Reach};
use crate::{
    Assumption, Bound, Direction, Error, Figure, Indicator, Period, PriceBasis, Quantity, Rate,
    Result, Series, YearSpan,
};

/// A level to reach by a deadline: 突破1800亿元 by 2026.
///
/// # Examples
///
/// ```
/// use indstat::targets::LevelTarget;
/// use indstat::{Indicator, Kind, Period, Scope, Unit};
///
/// let i = Indicator::new("output_above", "规上工业产值", "output above designated size", Unit::YI_YUAN, Kind::Flow)?
///     .with_scope(Scope::above_designated_size());
/// let t = LevelTarget::new(i.clone(), "突破1800亿元".parse()?, Period::year(2026)?)?;
/// assert_eq!(t.value().to_string(), "1800余亿元");
///
/// // The target's unit must be the indicator's.
/// assert!(LevelTarget::new(i, "10家".parse()?, Period::year(2026)?).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct LevelTarget {
    indicator: Indicator,
    value: Figure,
    deadline: Period,
}

impl LevelTarget {
    /// A level target for `indicator`: reach `value` by `deadline`.
    ///
    /// # Errors
    ///
    /// As [`Indicator::check`] for the value (another dimension, a negative
    /// count).
    ///
    /// ```
    /// use indstat::targets::LevelTarget;
    /// use indstat::{Indicator, Kind, Noun, Period, Unit};
    /// let i = Indicator::new("firms", "企业", "enterprises", Unit::count(Noun::Enterprise), Kind::Stock)?;
    /// assert!(LevelTarget::new(i.clone(), "1000家".parse()?, Period::year(2026)?).is_ok());
    /// assert!(LevelTarget::new(i, "-5家".parse()?, Period::year(2026)?).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn new(indicator: Indicator, value: Figure, deadline: Period) -> Result<LevelTarget> {
        indicator.check(&value)?;
        Ok(LevelTarget {
            indicator,
            value,
            deadline,
        })
    }

    /// The indicator (and so the scope, price basis and direction).
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{Indicator, Kind, Period, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// let t = LevelTarget::new(i, "1800亿元".parse()?, Period::year(2026)?)?;
    /// assert_eq!(t.indicator().code().as_str(), "o");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn indicator(&self) -> &Indicator {
        &self.indicator
    }

    /// The target value, exact or a bound.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{Indicator, Kind, Period, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// let t = LevelTarget::new(i, "1800亿元".parse()?, Period::year(2026)?)?;
    /// assert!(t.value().bound().is_exact());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn value(&self) -> &Figure {
        &self.value
    }

    /// The deadline.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{Indicator, Kind, Period, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// let t = LevelTarget::new(i, "1800亿元".parse()?, Period::year(2026)?)?;
    /// assert_eq!(t.deadline(), Period::year(2026)?);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn deadline(&self) -> Period {
        self.deadline
    }

    /// Whether `value` meets the target: above it for a higher-is-better
    /// indicator (strictly for 突破/余, `MoreThan`), below it for a
    /// lower-is-better one.
    ///
    /// # Errors
    ///
    /// [`Error::UnitMismatch`] across dimensions.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{Indicator, Kind, Period, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// let t = LevelTarget::new(i, "突破1800亿元".parse()?, Period::year(2026)?)?;
    /// assert!(!t.is_met_by(&"1800亿元".parse()?)?);
    /// assert!(t.is_met_by(&"1800.01亿元".parse()?)?);
    /// assert!(t.is_met_by(&"5%".parse()?).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn is_met_by(&self, value: &Quantity) -> Result<bool> {
        let ord = value.checked_cmp(self.value.quantity())?;
        Ok(match self.value.bound() {
            Bound::MoreThan => ord.is_gt(),
            Bound::AtLeast => ord.is_ge(),
            Bound::LessThan => ord.is_lt(),
            Bound::AtMost => ord.is_le(),
            Bound::Exact => match self.indicator.direction() {
                Direction::HigherIsBetter => ord.is_ge(),
                Direction::LowerIsBetter => ord.is_le(),
            },
        })
    }

    /// The least whole number of years for `base` growing at `rate` to meet
    /// the target, with its bound (突破 is strict) and direction (a
    /// lower-is-better target needs a fall).
    ///
    /// # Errors
    ///
    /// As [`growth::years_to_reach`] and [`growth::project`].
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{Indicator, Kind, Period, Rate, Unit};
    /// # use indstat::growth::Reach;
    /// # use rust_decimal_macros::dec;
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// // 1000 at 80% is exactly 1800 after a year: not past 突破1800 until the second.
    /// let strict = LevelTarget::new(i.clone(), "突破1800亿元".parse()?, Period::year(2026)?)?;
    /// assert_eq!(strict.years_until_met(&"1000亿元".parse()?, Rate::from_percent(dec!(80))?)?, Reach::InYears(2));
    /// assert_eq!(strict.years_until_met(&"1000亿元".parse()?, Rate::ZERO)?, Reach::Never);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn years_until_met(&self, base: &Quantity, rate: Rate) -> Result<Reach> {
        let goal = self.value.quantity();
        let plain = self.indicator.direction() == Direction::HigherIsBetter
            && !matches!(self.value.bound(), Bound::MoreThan);
        if plain {
            return growth::years_to_reach(base, goal, rate);
        }
        if self.is_met_by(base)? {
            return Ok(Reach::Already);
        }
        let improving = match self.indicator.direction() {
            Direction::HigherIsBetter => rate.fraction() > Decimal::ZERO,
            Direction::LowerIsBetter => rate.fraction() < Decimal::ZERO,
        };
        if !improving || base.value() <= Decimal::ZERO {
            return Ok(Reach::Never);
        }
        // Exponential then binary search on the exact projections.
        let met = |k: u32| -> Result<bool> {
            match growth::project(base, rate, k) {
                Ok(v) => self.is_met_by(&v),
                // Past Decimal's range a rising value has passed any target.
                Err(Error::Overflow { .. }) => {
                    Ok(self.indicator.direction() == Direction::HigherIsBetter)
                }
                Err(e) => Err(e),
            }
        };
        let (mut lo, mut hi) = (0u32, 1u32);
        while !met(hi)? {
            lo = hi;
            hi = hi
                .checked_mul(2)
                .ok_or_else(|| Error::overflow("years to reach", base, rate))?;
        }
        let met = |k: u64| u32::try_from(k).map_or(Ok(true), &met);
        crate::exact::least_true(u64::from(lo), u64::from(hi), met).map(Reach::InYears)
    }

    /// Starts a gap analysis of `history` against this target; set the base,
    /// bridge, trend and scenarios on the builder, then [`run`](GapAnalysisBuilder::run).
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// let s = Series::from_points(EntityId::new("z")?, i, [
    ///     Point::new(Period::year(2020)?, "850亿元".parse()?),
    ///     Point::new(Period::year(2022)?, "1004亿元".parse()?),
    /// ])?;
    /// let gap = t.analyse(&s).run()?;
    /// assert_eq!(gap.base_period(), Period::year(2022)?);
    /// assert!(gap.trend().is_some());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn analyse<'a>(&'a self, history: &'a Series) -> GapAnalysisBuilder<'a> {
        GapAnalysisBuilder {
            target: self,
            history,
            base: None,
            baseline: None,
            bridge: Bridge::Same,
            trend: Trend::FromHistory,
            scenarios: Vec::new(),
            stated: Vec::new(),
        }
    }
}

/// How data of one scope is measured against a target of another.
///
/// # Examples
///
/// ```
/// use indstat::targets::Bridge;
/// use rust_decimal_macros::dec;
/// let b = Bridge::Ratio(dec!(0.9)); // above-size output is 90% of all output
/// assert_ne!(b, Bridge::AssumeEqual);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Bridge {
    /// No bridge: the scopes must already be equal.
    Same,
    /// The caller asserts the two scopes are one.
    AssumeEqual,
    /// The target's scope is this fraction of the data's scope (0.9: above-
    /// size output is 90% of all output); applied to every value.
    Ratio(Decimal),
    /// An observed value of the target's scope for the base period; the ratio
    /// it implies to the data is applied to the history, and the data's trend
    /// is taken as the target scope's.
    ObservedBase(Quantity),
}

/// Where the trend growth rate comes from.
///
/// # Examples
///
/// ```
/// use indstat::targets::Trend;
/// assert_eq!(Trend::default(), Trend::FromHistory);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Trend {
    /// The CAGR of the history from its first point to the base.
    #[default]
    FromHistory,
    /// A rate the caller gives (recorded as an assumption).
    Rate(Rate),
}

/// How a projection to the deadline was made.
///
/// # Examples
///
/// ```
/// use indstat::targets::ProjectionMethod;
/// assert_eq!(ProjectionMethod::LinearTrend.en(), "linear trend (OLS)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "snake_case", tag = "method", content = "rate")
)]
#[non_exhaustive]
pub enum ProjectionMethod {
    /// The base growing at the trend rate.
    ConstantGrowth,
    /// An ordinary least-squares line through the history.
    LinearTrend,
    /// A least-squares line with weights rising with time (1, 2, …, n), so
    /// recent points count more, after UN ESCAP's weighted extrapolation.
    TimeWeightedTrend,
    /// The base growing at a rate the caller chose.
    Scenario(Rate),
}

impl ProjectionMethod {
    /// The method in English.
    ///
    /// ```
    /// # use indstat::targets::ProjectionMethod;
    /// assert_eq!(ProjectionMethod::ConstantGrowth.en(), "constant growth at trend");
    /// ```
    pub fn en(&self) -> String {
        match self {
            ProjectionMethod::ConstantGrowth => "constant growth at trend".to_owned(),
            ProjectionMethod::LinearTrend => "linear trend (OLS)".to_owned(),
            ProjectionMethod::TimeWeightedTrend => "time-weighted linear trend".to_owned(),
            ProjectionMethod::Scenario(r) => format!("scenario: {r} a year"),
        }
    }

    /// The method in Chinese.
    ///
    /// ```
    /// # use indstat::targets::ProjectionMethod;
    /// assert_eq!(ProjectionMethod::LinearTrend.zh(), "线性趋势(最小二乘)");
    /// ```
    pub fn zh(&self) -> String {
        match self {
            ProjectionMethod::ConstantGrowth => "按趋势增速匀速增长".to_owned(),
            ProjectionMethod::LinearTrend => "线性趋势(最小二乘)".to_owned(),
            ProjectionMethod::TimeWeightedTrend => "时间加权线性趋势".to_owned(),
            ProjectionMethod::Scenario(r) => format!("情景:年均增长{r}"),
        }
    }
}

/// A value projected to the deadline, with its method and gap.
///
/// # Examples
///
/// ```
/// # use indstat::targets::{Bridge, LevelTarget, Trend};
/// # use indstat::{EntityId, Indicator, Kind, Period, Point, Rate, Series, Unit};
/// # use rust_decimal_macros::dec;
/// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
/// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
/// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
/// let gap = t.analyse(&s).trend(Trend::Rate(Rate::from_percent(dec!(8.5))?)).run()?;
/// let p = &gap.projections()[0];
/// assert_eq!(p.value().value().round_dp(2), dec!(1391.40));
/// assert_eq!(p.shortfall().value().round_dp(2), dec!(408.60));
/// assert!(!p.meets_target());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Projection {
    method: ProjectionMethod,
    value: Quantity,
    shortfall: Quantity,
    meets_target: bool,
}

impl Projection {
    /// How it was projected.
    ///
    /// ```
    /// # use indstat::targets::{LevelTarget, ProjectionMethod};
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "850亿元".parse()?), Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// assert_eq!(gap.projections()[0].method(), ProjectionMethod::ConstantGrowth);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn method(&self) -> ProjectionMethod {
        self.method
    }

    /// The projected value at the deadline.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "800亿元".parse()?), Point::new(Period::year(2022)?, "1000亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// // The linear trend adds 100 a year: 1400 in 2026.
    /// assert_eq!(gap.projections()[1].value().value(), rust_decimal_macros::dec!(1400));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn value(&self) -> &Quantity {
        &self.value
    }

    /// How far the projection falls short of the target (negative when it
    /// passes it).
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "800亿元".parse()?), Point::new(Period::year(2022)?, "1000亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// assert_eq!(gap.projections()[1].shortfall().value(), rust_decimal_macros::dec!(400));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn shortfall(&self) -> &Quantity {
        &self.shortfall
    }

    /// Whether the projected value meets the target.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1200亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "800亿元".parse()?), Point::new(Period::year(2022)?, "1000亿元".parse()?)])?;
    /// assert!(t.analyse(&s).run()?.projections()[1].meets_target());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn meets_target(&self) -> bool {
        self.meets_target
    }
}

/// Builds a [`GapAnalysis`]; see [`LevelTarget::analyse`].
///
/// # Examples
///
/// ```
/// # use indstat::targets::{Bridge, LevelTarget};
/// # use indstat::{EntityId, Indicator, Kind, Period, Point, Rate, Scope, Series, Unit};
/// # use rust_decimal_macros::dec;
/// let above = Indicator::new("above", "规上产值", "output above size", Unit::YI_YUAN, Kind::Flow)?
///     .with_scope(Scope::above_designated_size());
/// let all = Indicator::new("all", "工业总产值", "gross output", Unit::YI_YUAN, Kind::Flow)?
///     .with_scope(Scope::AllIndustry);
/// let t = LevelTarget::new(above, "1800亿元".parse()?, Period::year(2026)?)?;
/// let s = Series::from_points(EntityId::new("z")?, all, [Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
/// let gap = t.analyse(&s).bridge(Bridge::Ratio(dec!(0.9))).scenario(Rate::from_percent(dec!(12))?).run()?;
/// assert_eq!(gap.base().value(), dec!(903.6)); // 90% of 1004
/// assert_eq!(gap.assumptions().len(), 1);
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct GapAnalysisBuilder<'a> {
    target: &'a LevelTarget,
    history: &'a Series,
    base: Option<Period>,
    baseline: Option<Period>,
    bridge: Bridge,
    trend: Trend,
    scenarios: Vec<Rate>,
    stated: Vec<Assumption>,
}

impl GapAnalysisBuilder<'_> {
    /// The base period (default: the history's latest).
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2021)?, "900亿元".parse()?), Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// assert_eq!(t.analyse(&s).base(Period::year(2021)?).run()?.base_period(), Period::year(2021)?);
    /// assert!(t.analyse(&s).base(Period::year(2019)?).run().is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[must_use]
    pub fn base(mut self, period: Period) -> Self {
        self.base = Some(period);
        self
    }

    /// The bridge between the data's scope and the target's.
    ///
    /// ```
    /// # use indstat::targets::{Bridge, LevelTarget};
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// // Same scope: the bridge records nothing.
    /// assert!(t.analyse(&s).bridge(Bridge::AssumeEqual).run()?.assumptions().is_empty());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[must_use]
    pub fn bridge(mut self, bridge: Bridge) -> Self {
        self.bridge = bridge;
        self
    }

    /// The baseline period (default: the history's first period): where the
    /// trend is measured from, and the base year `b` of the on-track methods
    /// (domain.md A5), which compare growth since `b` with the growth needed
    /// from `b`.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "850亿元".parse()?), Point::new(Period::year(2021)?, "900亿元".parse()?), Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).baseline(Period::year(2021)?).run()?;
    /// assert_eq!(gap.baseline_period(), Period::year(2021)?);
    /// assert!(t.analyse(&s).baseline(Period::year(2019)?).run().is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[must_use]
    pub fn baseline(mut self, period: Period) -> Self {
        self.baseline = Some(period);
        self
    }

    /// Where the trend rate comes from (default: the history).
    ///
    /// ```
    /// # use indstat::targets::{LevelTarget, Trend};
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Rate, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// assert!(t.analyse(&s).run()?.trend().is_none()); // one point: no trend
    /// assert!(t.analyse(&s).trend(Trend::Rate(Rate::ZERO)).run()?.trend().is_some());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[must_use]
    pub fn trend(mut self, trend: Trend) -> Self {
        self.trend = trend;
        self
    }

    /// Adds a scenario rate: a projection at that rate.
    ///
    /// ```
    /// # use indstat::targets::{LevelTarget, ProjectionMethod};
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Rate, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).scenario(Rate::ZERO).run()?;
    /// assert_eq!(gap.projections()[0].method(), ProjectionMethod::Scenario(Rate::ZERO));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[must_use]
    pub fn scenario(mut self, rate: Rate) -> Self {
        self.scenarios.push(rate);
        self
    }

    /// States an assumption the analysis may need (such as
    /// [`Assumption::PriceBasesEqual`]); it is recorded in the result.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{Assumption, EntityId, Indicator, Kind, Period, Point, PriceBasis, Series, Unit};
    /// let real = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?.with_price_basis(PriceBasis::Comparable);
    /// let nominal = real.clone().with_price_basis(PriceBasis::Current);
    /// let t = LevelTarget::new(real, "1800亿元".parse()?, Period::year(2026)?)?;
    /// let s = Series::from_points(EntityId::new("z")?, nominal, [Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// assert!(t.analyse(&s).run().is_err());
    /// let ok = t.analyse(&s).assume(Assumption::PriceBasesEqual { from: PriceBasis::Current, to: PriceBasis::Comparable }).run()?;
    /// assert_eq!(ok.assumptions().len(), 1);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[must_use]
    pub fn assume(mut self, assumption: Assumption) -> Self {
        self.stated.push(assumption);
        self
    }

    /// Runs the analysis.
    ///
    /// # Errors
    ///
    /// - [`Error::ScopeMismatch`] for data of another scope and no bridge;
    ///   [`Error::PriceBasisMismatch`] for money at another price basis
    ///   without [`Assumption::PriceBasesEqual`];
    /// - [`Error::UnitMismatch`] for data of another dimension;
    /// - [`Error::MissingValue`] for a base period with no value, or an empty
    ///   history; [`Error::NotExact`] for a bounded base;
    /// - [`Error::InvalidSpan`] for a deadline at or before the base;
    ///   [`Error::FrequencyMismatch`] for a deadline of another frequency;
    /// - [`Error::OutOfDomain`] for a bridge ratio of zero or less;
    /// - [`Error::DivisionByZero`] for a target of zero; [`Error::Overflow`].
    ///
    /// A base of zero or less is not an error: the analysis has a gap but no
    /// growth rates, and [`GapAnalysis::assess`] reports
    /// [`Unassessable::NonPositiveBase`].
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// let late = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2021)?)?;
    /// let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// assert!(matches!(late.analyse(&s).run(), Err(indstat::Error::InvalidSpan { .. })));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn run(self) -> Result<GapAnalysis> {
        let target = self.target;
        let ti = &target.indicator;
        let di = self.history.indicator();
        if ti.unit().dimension() != di.unit().dimension() {
            return Err(Error::UnitMismatch {
                expected: ti.unit(),
                found: di.unit(),
            });
        }
        let mut assumptions = Vec::new();
        // Price basis: only money values carry one.
        let (tp, dp) = (ti.price_basis(), di.price_basis());
        if tp != dp && tp != PriceBasis::NotApplicable && dp != PriceBasis::NotApplicable {
            let needed = Assumption::PriceBasesEqual { from: dp, to: tp };
            if !self.stated.contains(&needed) {
                return Err(Error::PriceBasisMismatch {
                    target: tp.to_string(),
                    data: dp.to_string(),
                });
            }
        }
        assumptions.extend(self.stated.iter().cloned());

        // The history in the target's scope, as exact (period, value) pairs.
        let series_name = || format!("{}/{}", self.history.entity(), di.code());
        let mut points: Vec<(Period, Quantity)> = Vec::with_capacity(self.history.len());
        for p in self.history {
            points.push((p.period(), *p.value().exact_for("a gap analysis")?));
        }
        let base_period = match self.base {
            Some(b) => b,
            None => self
                .history
                .latest()
                .map(|p| p.period())
                .ok_or(Error::Empty {
                    what: "the history",
                })?,
        };
        let raw_base = points
            .iter()
            .find(|(p, _)| *p == base_period)
            .map(|(_, q)| *q)
            .ok_or_else(|| Error::MissingValue {
                period: base_period,
                series: series_name(),
            })?;
        let (ts, ds) = (ti.scope(), di.scope());
        let ratio = match (&self.bridge, ts == ds) {
            (Bridge::Same | Bridge::AssumeEqual, true) => None,
            (Bridge::Same, false) => {
                return Err(Error::ScopeMismatch {
                    target: ts.to_string(),
                    data: ds.to_string(),
                });
            }
            (Bridge::AssumeEqual, false) => {
                assumptions.push(Assumption::ScopesEqual {
                    from: ds.clone(),
                    to: ts.clone(),
                });
                None
            }
            (Bridge::Ratio(r), _) => {
                assumptions.push(Assumption::ScopeRatio {
                    from: ds.clone(),
                    to: ts.clone(),
                    ratio: *r,
                });
                Some(*r)
            }
            (Bridge::ObservedBase(observed), _) => {
                let r = observed.checked_ratio(&raw_base)?;
                assumptions.push(Assumption::ScopeRatio {
                    from: ds.clone(),
                    to: ts.clone(),
                    ratio: r,
                });
                assumptions.push(Assumption::TrendAcrossScopes {
                    from: ds.clone(),
                    to: ts.clone(),
                });
                Some(r)
            }
        };
        if let Some(r) = ratio {
            if r <= Decimal::ZERO {
                return Err(Error::OutOfDomain {
                    value: r.to_string(),
                    operation: "a scope bridge",
                    reason: "the ratio between scopes must be above zero",
                });
            }
            for (_, q) in &mut points {
                *q = q.checked_mul(r)?;
            }
        }
        let base = match (&self.bridge, ratio) {
            // In the target's magnitude when it converts exactly (9000000万元 → 900亿元).
            (Bridge::ObservedBase(observed), _) => observed
                .to_magnitude(target.value.unit().magnitude())
                .unwrap_or(*observed),
            (_, Some(r)) => raw_base.checked_mul(r)?,
            _ => raw_base,
        };
        let span = base_period.years_until(&target.deadline)?;
        if span.periods() <= 0 {
            return Err(Error::InvalidSpan {
                from: base_period.to_string(),
                to: target.deadline.to_string(),
                reason: "the deadline must be after the base period",
            });
        }
        let goal = *target.value.quantity();
        let direction = target.indicator.direction();
        let gap = goal.checked_sub(&base)?;
        let completion = if goal.value().is_zero() {
            None
        } else {
            Some(base.checked_ratio(&goal)?)
        };
        // Growth from a base of zero or less is undefined: no relative gap, no
        // required rate, no trend (an explicit outcome in `assess`).
        let positive = base.value() > Decimal::ZERO;
        let relative_gap = match positive {
            true => Some(Rate::from_fraction(gap.checked_ratio(&base)?)),
            false => None,
        };
        let required = match positive {
            true => Some(growth::cagr(&base, &goal, span)?),
            false => None,
        };

        // History from the baseline up to the base, for trends.
        let baseline_period = match self.baseline {
            Some(b) => {
                if !points.iter().any(|(p, _)| *p == b) {
                    return Err(Error::MissingValue {
                        period: b,
                        series: series_name(),
                    });
                }
                base_period.checked_cmp(&b)?;
                b
            }
            None => points.first().map_or(base_period, |(p, _)| *p),
        };
        let past: Vec<(Period, Quantity)> = points
            .iter()
            .filter(|(p, _)| {
                p.ordinal() <= base_period.ordinal() && p.ordinal() >= baseline_period.ordinal()
            })
            .copied()
            .collect();
        let baseline = match past.first() {
            Some((p, v)) if *p == baseline_period => *v,
            _ => base,
        };
        let baseline_positive = baseline.value() > Decimal::ZERO;
        let trend = match self.trend {
            Trend::Rate(r) => {
                assumptions.push(Assumption::TrendGiven { rate: r });
                Some(r)
            }
            Trend::FromHistory
                if baseline_period != base_period && positive && baseline_positive =>
            {
                Some(growth::cagr(
                    &baseline,
                    &base,
                    baseline_period.years_until(&base_period)?,
                )?)
            }
            Trend::FromHistory => None,
        };
        // The growth needed from the baseline (domain.md A5's CAGR_r).
        let required_from_baseline = if baseline_period == base_period {
            required
        } else if baseline_positive {
            Some(growth::cagr(
                &baseline,
                &goal,
                baseline_period.years_until(&target.deadline)?,
            )?)
        } else {
            None
        };

        let meets = |v: &Quantity| target.is_met_by(v);
        let projection = |method: ProjectionMethod, value: Quantity| -> Result<Projection> {
            Ok(Projection {
                method,
                shortfall: shortfall(direction, &goal, &value)?,
                meets_target: meets(&value)?,
                value,
            })
        };
        let mut projections = Vec::new();
        if let (Some(r), true) = (trend, positive) {
            projections.push(projection(
                ProjectionMethod::ConstantGrowth,
                growth::project_span(&base, r, span)?,
            )?);
        }
        if past.len() >= 2 {
            for (method, weighted) in [
                (ProjectionMethod::LinearTrend, false),
                (ProjectionMethod::TimeWeightedTrend, true),
            ] {
                let v = trend::extrapolate(&past, target.deadline, weighted)?;
                projections.push(projection(method, v)?);
            }
        }
        for r in &self.scenarios {
            projections.push(projection(
                ProjectionMethod::Scenario(*r),
                growth::project_span(&base, *r, span)?,
            )?);
        }
        let years_to_reach = match (trend, positive) {
            (Some(r), true) => Some(target.years_until_met(&base, r)?),
            _ => None,
        };
        let mut milestones = Vec::new();
        // A required rate of −100% (a target of zero) has no path to draw.
        let drawable = required.is_some_and(|r| r.fraction() > Decimal::NEGATIVE_ONE);
        if let (Some(required), true) = (required, drawable) {
            for k in 1..=span.periods() {
                let period = base_period.checked_add(k)?;
                let step = base_period.years_until(&period)?;
                let value = growth::project_span(&base, required, step)?;
                milestones.push((period, value));
            }
        }
        Ok(GapAnalysis {
            target: target.clone(),
            baseline_period,
            baseline,
            required_from_baseline,
            base_period,
            base,
            achieved: meets(&base)?,
            gap,
            relative_gap,
            completion,
            span,
            required,
            trend,
            history_points: past.len(),
            projections,
            years_to_reach,
            milestones,
            assumptions,
        })
    }
}

/// A level target measured from a base period: gap, required and trend
/// growth, projections, years to reach, the milestone path, and the
/// assumptions it rests on. Built by [`LevelTarget::analyse`].
///
/// # Examples
///
/// ```
/// # use indstat::targets::{LevelTarget, Trend};
/// # use indstat::{EntityId, Indicator, Kind, Period, Point, Rate, Series, Unit};
/// # use indstat::growth::Reach;
/// # use rust_decimal_macros::dec;
/// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
/// let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
/// let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
/// let gap = t.analyse(&s).trend(Trend::Rate(Rate::from_percent(dec!(8.5))?)).run()?;
/// assert_eq!(gap.gap().to_string(), "796亿元");
/// assert_eq!(gap.completion().map(|c| c.round_dp(4)), Some(dec!(0.5578)));
/// assert_eq!(gap.years_to_reach(), Some(Reach::InYears(8)));
/// assert_eq!(gap.milestones().len(), 4);
/// assert_eq!(gap.milestones()[3].1.value().round_dp(6), dec!(1800));
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct GapAnalysis {
    target: LevelTarget,
    baseline_period: Period,
    baseline: Quantity,
    required_from_baseline: Option<Rate>,
    base_period: Period,
    base: Quantity,
    achieved: bool,
    gap: Quantity,
    relative_gap: Option<Rate>,
    completion: Option<Decimal>,
    span: YearSpan,
    required: Option<Rate>,
    trend: Option<Rate>,
    history_points: usize,
    projections: Vec<Projection>,
    years_to_reach: Option<Reach>,
    milestones: Vec<(Period, Quantity)>,
    assumptions: Vec<Assumption>,
}

impl GapAnalysis {
    /// The target analysed.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "850亿元".parse()?), Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// assert_eq!(gap.target().deadline(), Period::year(2026)?);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn target(&self) -> &LevelTarget {
        &self.target
    }

    /// The baseline period: where the trend is measured from, and the base
    /// year of the on-track methods.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "850亿元".parse()?), Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// assert_eq!(gap.baseline_period(), Period::year(2020)?);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn baseline_period(&self) -> Period {
        self.baseline_period
    }

    /// The baseline value, in the target's scope.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "850亿元".parse()?), Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// assert_eq!(t.analyse(&s).run()?.baseline().to_string(), "850亿元");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn baseline(&self) -> &Quantity {
        &self.baseline
    }

    /// The yearly growth that was needed from the baseline to the deadline
    /// (the `CAGR_r` of the on-track growth ratio).
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "850亿元".parse()?), Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// assert!(gap.required_from_baseline() < gap.required()); // behind: more is needed now
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn required_from_baseline(&self) -> Option<Rate> {
        self.required_from_baseline
    }

    /// The base period: the period the gap is measured from (by default the
    /// latest in the history).
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "850亿元".parse()?), Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// assert_eq!(gap.base_period(), Period::year(2022)?);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn base_period(&self) -> Period {
        self.base_period
    }

    /// The base value, in the target's scope (after the bridge).
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "850亿元".parse()?), Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// assert_eq!(gap.base().to_string(), "1004亿元");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn base(&self) -> &Quantity {
        &self.base
    }

    /// Whether the base already meets the target.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "850亿元".parse()?), Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// assert!(!gap.is_achieved());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn is_achieved(&self) -> bool {
        self.achieved
    }

    /// Target − base, in the target's unit.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "850亿元".parse()?), Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// assert_eq!(gap.gap().to_string(), "796亿元");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn gap(&self) -> &Quantity {
        &self.gap
    }

    /// The gap relative to the base: the total growth still needed; `None`
    /// for a base of zero or less.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "850亿元".parse()?), Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// assert_eq!(gap.relative_gap().map(|r| r.fraction().round_dp(4)), Some(rust_decimal_macros::dec!(0.7928)));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn relative_gap(&self) -> Option<Rate> {
        self.relative_gap
    }

    /// Base / target: the share of the target already reached; `None` for a
    /// target of zero.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "850亿元".parse()?), Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// assert_eq!(gap.completion().map(|c| c.round_dp(4)), Some(rust_decimal_macros::dec!(0.5578)));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn completion(&self) -> Option<Decimal> {
        self.completion
    }

    /// The time from the base to the deadline.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "850亿元".parse()?), Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// assert_eq!(gap.span().whole_years(), Some(4));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn span(&self) -> YearSpan {
        self.span
    }

    /// The yearly growth needed to meet the target by the deadline; `None`
    /// for a base of zero or less, where growth is undefined.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "850亿元".parse()?), Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// assert_eq!(gap.required().map(|r| r.fraction().round_dp(5)), Some(rust_decimal_macros::dec!(0.15714)));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn required(&self) -> Option<Rate> {
        self.required
    }

    /// The trend rate, from the history or given; `None` with fewer than two
    /// points and no rate given.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "850亿元".parse()?), Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// // 850 → 1004 over two years: 8.68% a year.
    /// assert_eq!(gap.trend().map(|r| r.fraction().round_dp(4)), Some(rust_decimal_macros::dec!(0.0868)));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn trend(&self) -> Option<Rate> {
        self.trend
    }

    /// The number of history points up to the base (after the bridge).
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "850亿元".parse()?), Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// assert_eq!(gap.history_points(), 2);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn history_points(&self) -> usize {
        self.history_points
    }

    /// Projections to the deadline: constant growth at trend (if a trend),
    /// linear and time-weighted trends (with two points or more), then the
    /// scenarios in the order given.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "850亿元".parse()?), Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// assert_eq!(gap.projections().len(), 3); // trend, OLS, time-weighted
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn projections(&self) -> &[Projection] {
        &self.projections
    }

    /// The whole number of years the trend takes to reach the target
    /// (exact integer search); `None` without a trend.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "850亿元".parse()?), Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// assert_eq!(gap.years_to_reach().and_then(|r| r.years()), Some(8));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn years_to_reach(&self) -> Option<Reach> {
        self.years_to_reach
    }

    /// The path at the required rate: each period from the base to the
    /// deadline with its value; the last is the target.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "850亿元".parse()?), Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// assert_eq!(gap.milestones().first().map(|m| m.0), Some(Period::year(2023)?));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn milestones(&self) -> &[(Period, Quantity)] {
        &self.milestones
    }

    /// The assumptions the analysis rests on: bridges, stated assumptions,
    /// a given trend.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "850亿元".parse()?), Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// assert!(gap.assumptions().is_empty());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn assumptions(&self) -> &[Assumption] {
        &self.assumptions
    }

    /// The deadline value and gap at each rate, for a scenario table (the
    /// required rate is typically one of them).
    ///
    /// # Errors
    ///
    /// As [`growth::project_span`].
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Rate, Series, Unit};
    /// # use rust_decimal_macros::dec;
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// let rates = [dec!(6), dec!(8.5), dec!(12)].map(|p| Rate::from_percent(p).unwrap());
    /// let required = gap.required().expect("a positive base");
    /// let table = gap.scenarios(&[&rates[..], &[required]].concat())?;
    /// assert_eq!(table.len(), 4);
    /// assert!(table[3].meets_target());
    /// assert!(gap.scenarios(&[Rate::from_percent(dec!(-100))?]).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn scenarios(&self, rates: &[Rate]) -> Result<Vec<Projection>> {
        let goal = *self.target.value.quantity();
        rates
            .iter()
            .map(|r| {
                let value = growth::project_span(&self.base, *r, self.span)?;
                // At exactly the required rate the path lands on the target up to
                // the root's rounding: count a relative miss below 1e-20 as met.
                let met = self.target.is_met_by(&value)?
                    || (Some(*r) == self.required && near(&value, &goal)?);
                Ok(Projection {
                    method: ProjectionMethod::Scenario(*r),
                    shortfall: shortfall(self.target.indicator.direction(), &goal, &value)?,
                    meets_target: met,
                    value,
                })
            })
            .collect()
    }

    /// Classifies progress by `method`.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] at the edge of `Decimal`'s range.
    ///
    /// ```
    /// # use indstat::targets::{LevelTarget, Method, Status, Trend};
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Rate, Series, Unit};
    /// # use rust_decimal_macros::dec;
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).trend(Trend::Rate(Rate::from_percent(dec!(8.5))?)).run()?;
    /// let a = gap.assess(Method::GrowthRatio)?;
    /// assert_eq!(a.score().map(|s| s.round_dp(2)), Some(dec!(0.54)));
    /// assert_eq!(a.status(), Status::LimitedProgress);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn assess(&self, method: Method) -> Result<Assessment> {
        assess::assess(self, method)
    }
}

/// How far `value` falls short of `goal`, positive while short: `goal −
/// value` when higher is better, `value − goal` when lower is better.
fn shortfall(direction: Direction, goal: &Quantity, value: &Quantity) -> Result<Quantity> {
    match direction {
        Direction::HigherIsBetter => goal.checked_sub(value),
        Direction::LowerIsBetter => value.checked_sub(goal),
    }
}

/// Whether two quantities agree to 1e-20 relative.
fn near(a: &Quantity, b: &Quantity) -> Result<bool> {
    let d = a.checked_sub(b)?;
    let r = d.checked_ratio(b).unwrap_or(Decimal::ONE);
    Ok(r.abs() < Decimal::new(1, 20))
}
