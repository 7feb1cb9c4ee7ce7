//! Projections to a target's deadline: how each was made, its value, and
//! how far it falls short.

use super::LevelTarget;
use crate::{Quantity, Rate, Result};

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

impl Projection {
    /// `value`, projected by `method`, measured against `target`.
    pub(super) fn new(
        method: ProjectionMethod,
        value: Quantity,
        target: &LevelTarget,
    ) -> Result<Projection> {
        Ok(Projection {
            method,
            shortfall: target.shortfall(&value)?,
            meets_target: target.is_met_by(&value)?,
            value,
        })
    }

    /// A projection whose verdict the caller has reached (a scenario at
    /// exactly the required rate may count a miss by rounding as met).
    pub(super) fn with_verdict(
        method: ProjectionMethod,
        value: Quantity,
        target: &LevelTarget,
        meets_target: bool,
    ) -> Result<Projection> {
        Ok(Projection {
            method,
            shortfall: target.shortfall(&value)?,
            meets_target,
            value,
        })
    }
}
