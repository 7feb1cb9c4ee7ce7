//! Level targets: a value to reach by a deadline, whether a value meets it,
//! and how many years a growth rate takes to meet it.

use super::{GapAnalysisBuilder, computed};
use crate::growth::{self, Reach};
use crate::{Bound, Direction, Figure, Indicator, Period, Quantity, Rate, Result, Series};

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
#[cfg_attr(feature = "serde", serde(try_from = "LevelTargetRaw"))]
pub struct LevelTarget {
    indicator: Indicator,
    value: Figure,
    deadline: Period,
}

#[cfg(feature = "serde")]
crate::serde_str::read_through!(
    LevelTarget,
    LevelTargetRaw {
        indicator: Indicator,
        value: Figure,
        deadline: Period,
    },
    |r| LevelTarget::new(r.indicator, r.value, r.deadline)
);

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
    /// let minus = indstat::Quantity::new(indstat::dec!(-5), Unit::count(Noun::Enterprise));
    /// assert!(LevelTarget::new(i, minus.into(), Period::year(2026)?).is_err());
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

    /// The direction in which a value meets the target: up for a lower bound
    /// (以上, 突破), down for an upper bound (以下, 不超过), and the
    /// indicator's own direction for an exact number. A cap on output
    /// (不超过1000亿元) is met by falling to it, though more output is
    /// otherwise better.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{Direction, Indicator, Kind, Period, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// let floor = LevelTarget::new(i.clone(), "突破1800亿元".parse()?, Period::year(2026)?)?;
    /// assert_eq!(floor.direction(), Direction::HigherIsBetter);
    /// let cap = LevelTarget::new(i.clone(), "不超过1000亿元".parse()?, Period::year(2026)?)?;
    /// assert_eq!(cap.direction(), Direction::LowerIsBetter);
    /// // An exact number: the indicator's direction.
    /// let energy = Indicator::new("e", "能耗", "energy use", Unit::RATIO, Kind::Ratio)?
    ///     .with_direction(Direction::LowerIsBetter);
    /// let exact = LevelTarget::new(energy, "0.45倍".parse()?, Period::year(2026)?)?;
    /// assert_eq!(exact.direction(), Direction::LowerIsBetter);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn direction(&self) -> Direction {
        match self.value.bound() {
            Bound::AtLeast | Bound::MoreThan => Direction::HigherIsBetter,
            Bound::AtMost | Bound::LessThan => Direction::LowerIsBetter,
            Bound::Exact => self.indicator.direction(),
        }
    }

    /// The bound a value must be in, against the target's number, to meet
    /// it: the target's own bound, and for an exact number at least it
    /// (`AtLeast`) when the target is met upwards, at most it (`AtMost`)
    /// when downwards. Never `Exact`.
    pub(super) fn bound_to_meet(&self) -> Bound {
        match (self.value.bound(), self.direction()) {
            (Bound::Exact, Direction::HigherIsBetter) => Bound::AtLeast,
            (Bound::Exact, Direction::LowerIsBetter) => Bound::AtMost,
            (bound, _) => bound,
        }
    }

    /// Whether `value` meets the target, in the target's
    /// [`direction`](LevelTarget::direction): at or above it when up (strictly
    /// above for 突破/余, `MoreThan`), at or below it when down (strictly
    /// below for 不足, `LessThan`). Every verdict of the analysis — the
    /// base, each projection, each scenario, the years to reach — is this
    /// predicate.
    ///
    /// # Errors
    ///
    /// [`Error::UnitMismatch`](crate::Error::UnitMismatch) across dimensions.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{Indicator, Kind, Period, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// let t = LevelTarget::new(i.clone(), "突破1800亿元".parse()?, Period::year(2026)?)?;
    /// assert!(!t.is_met_by(&"1800亿元".parse()?)?);
    /// assert!(t.is_met_by(&"1800.01亿元".parse()?)?);
    /// assert!(t.is_met_by(&"5%".parse()?).is_err());
    /// let cap = LevelTarget::new(i, "不超过1000亿元".parse()?, Period::year(2026)?)?;
    /// assert!(!cap.is_met_by(&"1004亿元".parse()?)?);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn is_met_by(&self, value: &Quantity) -> Result<bool> {
        let ord = value.checked_cmp(self.value.quantity())?;
        Ok(self.bound_to_meet().admits(ord))
    }

    /// The least whole number of years for `base` growing at `rate` to meet
    /// the target: [`growth::years_to_reach`] in the target's
    /// [`direction`](LevelTarget::direction), past the number for a strict
    /// bound (突破). [`Reach::Already`] exactly when
    /// [`is_met_by`](LevelTarget::is_met_by) holds for `base`.
    ///
    /// # Errors
    ///
    /// As [`growth::years_to_reach`].
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{Direction, Indicator, Kind, Period, Rate, Unit};
    /// # use indstat::growth::Reach;
    /// # use indstat::dec;
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// // 1000 at 80% is exactly 1800 after a year: not past 突破1800 until the second.
    /// let strict = LevelTarget::new(i.clone(), "突破1800亿元".parse()?, Period::year(2026)?)?;
    /// assert_eq!(strict.years_until_met(&"1000亿元".parse()?, Rate::from_percent(dec!(80))?)?, Reach::InYears(2));
    /// assert_eq!(strict.years_until_met(&"1000亿元".parse()?, Rate::ZERO)?, Reach::Never);
    /// // A cap on output: 1004 must fall to 1000.
    /// let cap = LevelTarget::new(i, "不超过1000亿元".parse()?, Period::year(2026)?)?;
    /// assert_eq!(cap.years_until_met(&"1004亿元".parse()?, Rate::from_percent(dec!(-1))?)?, Reach::InYears(1));
    /// assert!(cap.years_until_met(&"1004亿元".parse()?, Rate::from_percent(dec!(-100))?).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn years_until_met(&self, base: &Quantity, rate: Rate) -> Result<Reach> {
        growth::years_to_pass(base, self.value.quantity(), rate, self.bound_to_meet())
    }

    /// How far `value` falls short of the target, positive while short:
    /// `target − value` when the target is met upwards, `value − target` when
    /// downwards; a computed difference, rounded by the rule of
    /// [`computed`](super::computed).
    pub(super) fn shortfall(&self, value: &Quantity) -> Result<Quantity> {
        let goal = self.value.quantity();
        match self.direction() {
            Direction::HigherIsBetter => computed::difference(goal, value),
            Direction::LowerIsBetter => computed::difference(value, goal),
        }
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
        GapAnalysisBuilder::new(self, history)
    }
}
