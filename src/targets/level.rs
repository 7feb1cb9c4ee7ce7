//! Level targets: a value to reach by a deadline, whether a value meets it,
//! and how many years a growth rate takes to meet it.

use rust_decimal::Decimal;

use super::GapAnalysisBuilder;
use crate::growth::{self, Reach};
use crate::{Bound, Direction, Error, Figure, Indicator, Period, Quantity, Rate, Result, Series};

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
    /// let minus = indstat::Quantity::new(rust_decimal_macros::dec!(-5), Unit::count(Noun::Enterprise));
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

    /// How far `value` falls short of the target, positive while short:
    /// `target − value` when higher is better, `value − target` when lower is
    /// better.
    pub(super) fn shortfall(&self, value: &Quantity) -> Result<Quantity> {
        let goal = self.value.quantity();
        match self.indicator.direction() {
            Direction::HigherIsBetter => goal.checked_sub(value),
            Direction::LowerIsBetter => value.checked_sub(goal),
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
