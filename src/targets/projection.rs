//! Projections to a target's deadline: how each was made, its value, and
//! how far it falls short.

use core::cmp::Ordering;

use super::LevelTarget;
use crate::{Bound, Error, Quantity, Rate, Result};

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
    /// The method in English; a scenario's rate to two places, rounded for
    /// display (the exact rate is in the variant).
    ///
    /// ```
    /// # use indstat::targets::ProjectionMethod;
    /// # use indstat::{dec, Rate};
    /// assert_eq!(ProjectionMethod::ConstantGrowth.en(), "constant growth at trend");
    /// let r = Rate::from_fraction(dec!(0.126247880443606116958600677));
    /// assert_eq!(ProjectionMethod::Scenario(r).en(), "scenario: 12.62% a year");
    /// assert_ne!(ProjectionMethod::Scenario(r).en(), format!("scenario: {r} a year"));
    /// ```
    pub fn en(&self) -> String {
        match self {
            ProjectionMethod::ConstantGrowth => "constant growth at trend".to_owned(),
            ProjectionMethod::LinearTrend => "linear trend (OLS)".to_owned(),
            ProjectionMethod::TimeWeightedTrend => "time-weighted linear trend".to_owned(),
            ProjectionMethod::Scenario(r) => format!("scenario: {r:.2} a year"),
        }
    }

    /// The method in Chinese; a scenario's rate as in [`en`](ProjectionMethod::en).
    ///
    /// ```
    /// # use indstat::targets::ProjectionMethod;
    /// # use indstat::{dec, Rate};
    /// assert_eq!(ProjectionMethod::LinearTrend.zh(), "线性趋势(最小二乘)");
    /// assert_eq!(ProjectionMethod::Scenario(Rate::from_fraction(dec!(0.06))).zh(), "情景:年均增长6.00%");
    /// ```
    pub fn zh(&self) -> String {
        match self {
            ProjectionMethod::ConstantGrowth => "按趋势增速匀速增长".to_owned(),
            ProjectionMethod::LinearTrend => "线性趋势(最小二乘)".to_owned(),
            ProjectionMethod::TimeWeightedTrend => "时间加权线性趋势".to_owned(),
            ProjectionMethod::Scenario(r) => format!("情景:年均增长{r:.2}"),
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
/// # use indstat::dec;
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
    verdict: Verdict,
}

/// How a value stands against a target: it meets it, it is exactly the
/// number of a strict bound without passing it (1800亿元 against
/// 突破1800亿元), or it falls short.
///
/// # Examples
///
/// ```
/// # use indstat::targets::{LevelTarget, Verdict};
/// # use indstat::{Bound, EntityId, Indicator, Kind, Period, Point, Rate, Series, Unit};
/// # use indstat::dec;
/// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
/// let t = LevelTarget::new(i.clone(), "突破1800亿元".parse()?, Period::year(2026)?)?;
/// let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2025)?, "1000亿元".parse()?)])?;
/// let gap = t.analyse(&s).run()?;
/// let at = gap.scenarios(&[Rate::from_percent(dec!(80))?, Rate::from_percent(dec!(81))?, Rate::from_percent(dec!(79))?])?;
/// assert_eq!(at[0].verdict(), Verdict::ReachesOnly(Bound::MoreThan)); // exactly 1800
/// assert_eq!(at[0].verdict_en(), "reaches 180 billion yuan, not above it");
/// assert_eq!(at[1].verdict(), Verdict::Meets);
/// assert_eq!(at[2].verdict(), Verdict::FallsShort);
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Verdict {
    /// The value meets the target ([`LevelTarget::is_met_by`]).
    Meets,
    /// The value is the number of a strict bound, which it must pass: 1800
    /// against 突破1800 (`MoreThan`), 1000 against 不足1000 (`LessThan`).
    ReachesOnly(Bound),
    /// The value falls short.
    FallsShort,
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
    /// assert_eq!(gap.projections()[1].value().value(), indstat::dec!(1400));
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
    /// assert_eq!(gap.projections()[1].shortfall().value(), indstat::dec!(400));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn shortfall(&self) -> &Quantity {
        &self.shortfall
    }

    /// Whether the projected value meets the target: its
    /// [`verdict`](Projection::verdict) is [`Verdict::Meets`].
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
        self.verdict == Verdict::Meets
    }

    /// How the projected value stands against the target.
    ///
    /// ```
    /// # use indstat::targets::{LevelTarget, Verdict};
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1200亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "800亿元".parse()?), Point::new(Period::year(2022)?, "1000亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// assert_eq!(gap.projections()[1].verdict(), Verdict::Meets); // 1400
    /// assert_eq!(gap.projections()[0].verdict(), Verdict::Meets); // 1000 · 1.118^4 = 1562.5
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn verdict(&self) -> Verdict {
        self.verdict
    }

    /// The verdict in Chinese: `达标`, `达到1800亿元但未突破`, `未达标`.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Rate, Series, Unit};
    /// # use indstat::dec;
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// let t = LevelTarget::new(i.clone(), "突破1800亿元".parse()?, Period::year(2026)?)?;
    /// let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// let at = gap.scenarios(&[gap.required().expect("a positive base"), Rate::ZERO])?;
    /// assert_eq!(at[0].verdict_zh(), "达到1800亿元但未突破");
    /// assert_eq!(at[1].verdict_zh(), "未达标");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn verdict_zh(&self) -> String {
        match self.verdict {
            Verdict::Meets => "达标".to_owned(),
            Verdict::ReachesOnly(Bound::LessThan) => {
                format!("达到{}但未低于该值", self.value.normalize().zh())
            }
            Verdict::ReachesOnly(_) => format!("达到{}但未突破", self.value.normalize().zh()),
            Verdict::FallsShort => "未达标".to_owned(),
        }
    }

    /// The verdict in English: `meets the target`, `reaches 180 billion
    /// yuan, not above it`, `short of the target`.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Rate, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// let t = LevelTarget::new(i.clone(), "不足1000亿元".parse()?, Period::year(2026)?)?;
    /// let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// let at = gap.scenarios(&[gap.required().expect("a positive base"), Rate::ZERO])?;
    /// assert_eq!(at[0].verdict_en(), "reaches 100 billion yuan, not below it");
    /// assert_eq!(at[1].verdict_en(), "short of the target");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn verdict_en(&self) -> String {
        match self.verdict {
            Verdict::Meets => "meets the target".to_owned(),
            Verdict::ReachesOnly(Bound::LessThan) => {
                format!("reaches {}, not below it", self.value.normalize().en())
            }
            Verdict::ReachesOnly(_) => {
                format!("reaches {}, not above it", self.value.normalize().en())
            }
            Verdict::FallsShort => "short of the target".to_owned(),
        }
    }
}

impl Projection {
    /// `value`, projected by `method`, measured against `target` by
    /// [`LevelTarget::is_met_by`], the one predicate of every verdict.
    pub(super) fn new(
        method: ProjectionMethod,
        value: Quantity,
        target: &LevelTarget,
    ) -> Result<Projection> {
        let bound = target.value().bound();
        let verdict = if target.is_met_by(&value)? {
            Verdict::Meets
        } else if matches!(bound, Bound::MoreThan | Bound::LessThan)
            && value.checked_cmp(target.value().quantity())?.is_eq()
        {
            Verdict::ReachesOnly(bound)
        } else {
            Verdict::FallsShort
        };
        Ok(Projection {
            method,
            shortfall: target.shortfall(&value)?,
            verdict,
            value,
        })
    }
}

/// A value projected to the deadline, or where it lies when it is beyond
/// `Decimal`'s range: above the largest value (`Greater`) or below the
/// smallest (`Less`), with the error that said so.
#[derive(Debug, Clone)]
pub(super) enum Projected {
    /// The value.
    Value(Quantity),
    /// Beyond the range, on this side.
    Beyond(Ordering, Error),
}

impl Projected {
    /// The projection by `method` measured against `target`, or its record
    /// as out of range.
    pub(super) fn measure(
        self,
        method: ProjectionMethod,
        target: &LevelTarget,
    ) -> Result<core::result::Result<Projection, OutOfRange>> {
        Ok(match self {
            Projected::Value(value) => Ok(Projection::new(method, value, target)?),
            Projected::Beyond(side, _) => Err(OutOfRange::new(method, side, target)),
        })
    }
}

/// A projection whose value lies beyond the range of `Decimal` (above
/// 7.9·10²⁸ of the target's unit, or below −7.9·10²⁸): growth of ×7719 a
/// year (0.068亿元 → 525.2亿元) for nine more years. It has no value and no
/// shortfall, but a side and so a verdict: a value above every number meets
/// a target met upwards and misses one met downwards. The analysis keeps
/// every other result ([`GapAnalysis::out_of_range`](super::GapAnalysis::out_of_range)).
///
/// # Examples
///
/// ```
/// # use indstat::targets::{LevelTarget, ProjectionMethod, Verdict};
/// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
/// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
/// let cap = LevelTarget::new(i.clone(), "不超过12.31122亿元".parse()?, Period::year(2030)?)?;
/// let s = Series::from_points(EntityId::new("z")?, i, [
///     Point::new(Period::year(2020)?, "0.0680378亿元".parse()?),
///     Point::new(Period::year(2021)?, "525.2亿元".parse()?),
/// ])?;
/// let gap = cap.analyse(&s).run()?;
/// let beyond = &gap.out_of_range()[0];
/// assert_eq!(beyond.method(), ProjectionMethod::ConstantGrowth);
/// assert!(beyond.is_above());
/// assert_eq!(beyond.verdict(), Verdict::FallsShort);
/// assert!(!beyond.meets_target());
/// assert_eq!(gap.projections().len(), 2); // the linear trends are in range
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct OutOfRange {
    method: ProjectionMethod,
    above: bool,
    verdict: Verdict,
}

impl OutOfRange {
    /// The projection by `method` beyond the range on `side`, judged
    /// against `target` by the bound it must meet.
    fn new(method: ProjectionMethod, side: Ordering, target: &LevelTarget) -> OutOfRange {
        let verdict = match target.bound_to_meet().admits(side) {
            true => Verdict::Meets,
            false => Verdict::FallsShort,
        };
        OutOfRange {
            method,
            above: side.is_gt(),
            verdict,
        }
    }

    /// How the projection was made.
    ///
    /// ```
    /// # use indstat::targets::{LevelTarget, ProjectionMethod};
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2030)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "0.0680378亿元".parse()?), Point::new(Period::year(2021)?, "525.2亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// assert_eq!(gap.out_of_range()[0].method(), ProjectionMethod::ConstantGrowth);
    /// assert!(gap.projections().iter().all(|p| p.method() != ProjectionMethod::ConstantGrowth));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn method(&self) -> ProjectionMethod {
        self.method
    }

    /// Whether the value lies above the range (else below it).
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2030)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "0.0680378亿元".parse()?), Point::new(Period::year(2021)?, "525.2亿元".parse()?)])?;
    /// assert!(t.analyse(&s).run()?.out_of_range()[0].is_above());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn is_above(&self) -> bool {
        self.above
    }

    /// How the value stands against the target: [`Verdict::Meets`] or
    /// [`Verdict::FallsShort`], by the side it lies on.
    ///
    /// ```
    /// # use indstat::targets::{LevelTarget, Verdict};
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// let t = LevelTarget::new(i.clone(), "突破1800亿元".parse()?, Period::year(2030)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "0.0680378亿元".parse()?), Point::new(Period::year(2021)?, "525.2亿元".parse()?)])?;
    /// assert_eq!(t.analyse(&s).run()?.out_of_range()[0].verdict(), Verdict::Meets);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn verdict(&self) -> Verdict {
        self.verdict
    }

    /// Whether the value meets the target: its verdict is [`Verdict::Meets`].
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// let cap = LevelTarget::new(i.clone(), "不超过1800亿元".parse()?, Period::year(2030)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "0.0680378亿元".parse()?), Point::new(Period::year(2021)?, "525.2亿元".parse()?)])?;
    /// assert!(!cap.analyse(&s).run()?.out_of_range()[0].meets_target());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn meets_target(&self) -> bool {
        self.verdict == Verdict::Meets
    }

    /// The value in English: `beyond the range of exact decimals (above
    /// 7.9e28)`.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2030)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "0.0680378亿元".parse()?), Point::new(Period::year(2021)?, "525.2亿元".parse()?)])?;
    /// assert_eq!(t.analyse(&s).run()?.out_of_range()[0].en(), "beyond the range of exact decimals (above 7.9e28)");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn en(&self) -> String {
        let side = if self.above {
            "above 7.9e28"
        } else {
            "below -7.9e28"
        };
        format!("beyond the range of exact decimals ({side})")
    }

    /// The value in Chinese: `超出精确十进制数的范围（大于7.9e28）`.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2030)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "0.0680378亿元".parse()?), Point::new(Period::year(2021)?, "525.2亿元".parse()?)])?;
    /// assert_eq!(t.analyse(&s).run()?.out_of_range()[0].zh(), "超出精确十进制数的范围（大于7.9e28）");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn zh(&self) -> String {
        let side = if self.above {
            "大于7.9e28"
        } else {
            "小于-7.9e28"
        };
        format!("超出精确十进制数的范围（{side}）")
    }
}

/// The growth a year a target needs, with the bound it carries: *above* the
/// rate that reaches 突破1800亿元's number exactly, since growth at that
/// rate reaches 1800 and does not pass it; *at least* that rate for 1800 or
/// 1800以上; *at most* (a fall of at least) for a cap. See
/// [`GapAnalysis::requirement`](super::GapAnalysis::requirement).
///
/// # Examples
///
/// ```
/// # use indstat::targets::LevelTarget;
/// # use indstat::{Bound, EntityId, Indicator, Kind, Period, Point, Rate, Series, Unit};
/// # use indstat::dec;
/// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
/// let t = LevelTarget::new(i.clone(), "突破1800亿元".parse()?, Period::year(2026)?)?;
/// let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
/// let need = t.analyse(&s).run()?.requirement().expect("a positive base");
/// assert_eq!(need.bound(), Bound::MoreThan);
/// assert_eq!(format!("{need:.2}"), "above 15.71%");
/// assert_eq!(need.zh(2), "高于15.71%");
/// assert!(!need.is_met_by(need.rate()));
/// assert!(need.is_met_by(Rate::from_percent(dec!(15.72))?));
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RequiredRate {
    rate: Rate,
    bound: Bound,
}

impl RequiredRate {
    /// The requirement for `target` whose number the base reaches at `rate`.
    pub(super) fn new(rate: Rate, target: &LevelTarget) -> RequiredRate {
        RequiredRate {
            rate,
            bound: target.bound_to_meet(),
        }
    }

    /// The rate at which the base reaches the target's number exactly by the
    /// deadline, `(target / base)^(1 / years) − 1`.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # use indstat::dec;
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1210亿元".parse()?, Period::year(2024)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2022)?, "1000亿元".parse()?)])?;
    /// let need = t.analyse(&s).run()?.requirement().expect("a positive base");
    /// assert_eq!(need.rate().fraction(), dec!(0.1));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn rate(&self) -> Rate {
        self.rate
    }

    /// How growth must relate to [`rate`](RequiredRate::rate): `AtLeast`,
    /// `MoreThan` (a strict target such as 突破), `AtMost` or `LessThan` (a
    /// target met downwards).
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{Bound, EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i.clone(), [Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// assert_eq!(t.analyse(&s).run()?.requirement().map(|r| r.bound()), Some(Bound::AtLeast));
    /// let cap = LevelTarget::new(i, "不超过1000亿元".parse()?, Period::year(2026)?)?;
    /// assert_eq!(cap.analyse(&s).run()?.requirement().map(|r| r.bound()), Some(Bound::AtMost));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn bound(&self) -> Bound {
        self.bound
    }

    /// Whether steady growth at `growth` a year meets the target by the
    /// deadline: above the rate for `MoreThan`, at least it for `AtLeast`,
    /// and so on.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Rate, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i.clone(), [Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let t = LevelTarget::new(i, "1800亿元".parse()?, Period::year(2026)?)?;
    /// let need = t.analyse(&s).run()?.requirement().expect("a positive base");
    /// assert!(need.is_met_by(need.rate()));
    /// assert!(!need.is_met_by(Rate::ZERO));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn is_met_by(&self, growth: Rate) -> bool {
        self.bound
            .admits(growth.fraction().cmp(&self.rate.fraction()))
    }

    /// The word a report puts before the rate in Chinese: `高于` for a strict
    /// bound met upwards, `低于` downwards, `不高于` for a cap (不超过, 以下:
    /// growth at that rate or less), nothing for a target met upwards at or
    /// past its number (the rate alone reads as the growth needed, or more).
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i.clone(), [Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let t = LevelTarget::new(i, "突破1800亿元".parse()?, Period::year(2026)?)?;
    /// assert_eq!(t.analyse(&s).run()?.requirement().map(|r| r.qualifier_zh()), Some("高于"));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn qualifier_zh(&self) -> &'static str {
        match self.bound {
            Bound::MoreThan => "高于",
            Bound::LessThan => "低于",
            Bound::AtMost => "不高于",
            Bound::AtLeast | Bound::Exact => "",
        }
    }

    /// The words a report puts before the rate in English: `above `,
    /// `below `, `at most `, or nothing, as
    /// [`qualifier_zh`](RequiredRate::qualifier_zh).
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i.clone(), [Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// assert_eq!(t.analyse(&s).run()?.requirement().map(|r| r.qualifier_en()), Some(""));
    /// let cap = LevelTarget::new(i, "不超过1000亿元".parse()?, Period::year(2026)?)?;
    /// assert_eq!(cap.analyse(&s).run()?.requirement().map(|r| r.qualifier_en()), Some("at most "));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn qualifier_en(&self) -> &'static str {
        match self.bound {
            Bound::MoreThan => "above ",
            Bound::LessThan => "below ",
            Bound::AtMost => "at most ",
            Bound::AtLeast | Bound::Exact => "",
        }
    }

    /// The requirement in Chinese, the rate with `decimals` places of a
    /// percent (rounded half away from zero): `高于15.71%`.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i.clone(), [Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let t = LevelTarget::new(i, "不足1000亿元".parse()?, Period::year(2026)?)?;
    /// assert_eq!(t.analyse(&s).run()?.requirement().map(|r| r.zh(2)), Some("低于-0.10%".to_owned()));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn zh(&self, decimals: usize) -> String {
        format!("{}{:.*}", self.qualifier_zh(), decimals, self.rate)
    }
}

impl core::fmt::Display for RequiredRate {
    /// The requirement in English: `above 15.71%` with `{:.2}`; the precision
    /// applies to the rate.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.qualifier_en())?;
        core::fmt::Display::fmt(&self.rate, f)
    }
}
