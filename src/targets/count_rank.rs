//! Count targets (at least k entities above a threshold) and rank targets
//! (rank ≤ N).

use rust_decimal::Decimal;

use crate::exact::checked;
use crate::{
    Assumption, Bound, Dimension, EntityId, Error, Figure, Indicator, Kind, Period, Quantity,
    Result, Series, Truth, Unit,
};

/// At least `required` entities with a value at or above `threshold`:
/// 培育产值在10亿元以上的企业10家以上 (T2).
///
/// # Examples
///
/// ```
/// use indstat::targets::CountTarget;
/// use indstat::{Indicator, Kind, Noun, Period, Unit};
///
/// let i = Indicator::new("leaders", "龙头企业", "leading enterprises", Unit::count(Noun::Enterprise), Kind::Count)?;
/// let t = CountTarget::new(i.clone(), "10家以上".parse()?, "10亿元以上".parse()?, Some(Period::year(2026)?))?;
/// assert_eq!(t.required().to_string(), "10家以上");
/// let minus = indstat::Quantity::new(indstat::dec!(-1), Unit::count(Noun::Enterprise));
/// assert!(CountTarget::new(i, minus.into(), "10亿元".parse()?, None).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "CountTargetRaw"))]
pub struct CountTarget {
    indicator: Indicator,
    required: Figure,
    threshold: Figure,
    deadline: Option<Period>,
}

#[cfg(feature = "serde")]
crate::serde_str::read_through!(
    CountTarget,
    CountTargetRaw {
        indicator: Indicator,
        required: Figure,
        threshold: Figure,
        deadline: Option<Period>,
    },
    |r| CountTarget::new(r.indicator, r.required, r.threshold, r.deadline)
);

impl CountTarget {
    /// A count target: `required` entities (a count of the indicator's noun)
    /// with values meeting `threshold` (its bound: 以上 is `≥`, 余/突破 `>`).
    ///
    /// # Errors
    ///
    /// As [`Indicator::check`] for `required` (a negative count, another
    /// unit); [`Error::InvalidValue`] when the indicator is not a count or the
    /// threshold is an upper bound.
    ///
    /// ```
    /// # use indstat::targets::CountTarget;
    /// # use indstat::{Indicator, Kind, Unit};
    /// let money = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// assert!(CountTarget::new(money, "10亿元".parse()?, "10亿元".parse()?, None).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn new(
        indicator: Indicator,
        required: Figure,
        threshold: Figure,
        deadline: Option<Period>,
    ) -> Result<CountTarget> {
        indicator.check(&required)?;
        if required.bound().is_upper() {
            return Err(Error::InvalidValue {
                indicator: indicator.code().to_string(),
                value: required.to_string(),
                reason: "a count target requires at least k entities (以上), not at most",
            });
        }
        if !matches!(indicator.unit().dimension(), Dimension::Count(_)) {
            return Err(Error::InvalidValue {
                indicator: indicator.code().to_string(),
                value: required.to_string(),
                reason: "a count target counts things: use a count indicator",
            });
        }
        if threshold.bound().is_upper() {
            return Err(Error::InvalidValue {
                indicator: indicator.code().to_string(),
                value: threshold.to_string(),
                reason: "a count target's threshold is a floor (以上, 余), not a ceiling",
            });
        }
        Ok(CountTarget {
            indicator,
            required,
            threshold,
            deadline,
        })
    }

    /// The count indicator.
    ///
    /// ```
    /// # use indstat::targets::CountTarget;
    /// # use indstat::{Indicator, Kind, Noun, Unit};
    /// # let i = Indicator::new("leaders", "龙头企业", "leading enterprises", Unit::count(Noun::Enterprise), Kind::Count)?;
    /// let t = CountTarget::new(i, "10家以上".parse()?, "10亿元以上".parse()?, None)?;
    /// assert_eq!(t.indicator().code().as_str(), "leaders");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn indicator(&self) -> &Indicator {
        &self.indicator
    }

    /// How many entities are required.
    ///
    /// ```
    /// # use indstat::targets::CountTarget;
    /// # use indstat::{Indicator, Kind, Noun, Unit};
    /// # let i = Indicator::new("leaders", "龙头企业", "leading enterprises", Unit::count(Noun::Enterprise), Kind::Count)?;
    /// let t = CountTarget::new(i, "10家以上".parse()?, "10亿元以上".parse()?, None)?;
    /// assert_eq!(t.required().value(), indstat::dec!(10));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn required(&self) -> &Figure {
        &self.required
    }

    /// The value each entity must reach.
    ///
    /// ```
    /// # use indstat::targets::CountTarget;
    /// # use indstat::{Indicator, Kind, Noun, Unit};
    /// # let i = Indicator::new("leaders", "龙头企业", "leading enterprises", Unit::count(Noun::Enterprise), Kind::Count)?;
    /// let t = CountTarget::new(i, "10家以上".parse()?, "10亿元以上".parse()?, None)?;
    /// assert_eq!(t.threshold().en(), "at least 1 billion yuan");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn threshold(&self) -> &Figure {
        &self.threshold
    }

    /// The deadline, if any.
    ///
    /// ```
    /// # use indstat::targets::CountTarget;
    /// # use indstat::{Indicator, Kind, Noun, Unit};
    /// # let i = Indicator::new("leaders", "龙头企业", "leading enterprises", Unit::count(Noun::Enterprise), Kind::Count)?;
    /// let t = CountTarget::new(i, "10家以上".parse()?, "10亿元以上".parse()?, None)?;
    /// assert_eq!(t.deadline(), None);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn deadline(&self) -> Option<Period> {
        self.deadline
    }

    fn meets(&self, value: &Figure) -> Result<Truth> {
        let t = self.threshold.quantity();
        match self.threshold.bound() {
            Bound::MoreThan => value.gt(t),
            _ => value.ge(t),
        }
    }

    /// Counts the entities meeting the threshold and lists those closest to
    /// it. A bounded value that may or may not meet it ("8亿元以上" against
    /// 10亿元) is counted apart, as undecided.
    ///
    /// # Errors
    ///
    /// [`Error::UnitMismatch`] when a value is not in the threshold's
    /// dimension; [`Error::DuplicatePeriod`]-like duplicates are refused as
    /// [`Error::InvalidValue`] (one value per entity).
    ///
    /// ```
    /// use indstat::targets::CountTarget;
    /// use indstat::{EntityId, Indicator, Kind, Noun, Unit};
    ///
    /// let i = Indicator::new("leaders", "龙头企业", "leading enterprises", Unit::count(Noun::Enterprise), Kind::Count)?;
    /// let t = CountTarget::new(i, "3家以上".parse()?, "10亿元以上".parse()?, None)?;
    /// let firms = [("a", "12亿元"), ("b", "10亿元"), ("c", "9.5亿元"), ("d", "6亿元")]
    ///     .map(|(e, v)| (EntityId::new(e).unwrap(), v.parse().unwrap()));
    /// let a = t.assess(&firms)?;
    /// assert_eq!(a.met(), 2);
    /// assert_eq!(a.shortfall(), 1);
    /// assert_eq!(a.closest()[0].0.as_str(), "c"); // 0.5亿元 short
    /// assert!(!a.is_achieved());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn assess(&self, values: &[(EntityId, Figure)]) -> Result<CountAssessment> {
        let mut met = 0u64;
        let mut undecided = 0u64;
        let mut below = Vec::new();
        let mut seen: Vec<&EntityId> = Vec::with_capacity(values.len());
        for (entity, value) in values {
            if seen.contains(&entity) {
                return Err(Error::InvalidValue {
                    indicator: self.indicator.code().to_string(),
                    value: entity.to_string(),
                    reason: "an entity appears twice: give one value per entity",
                });
            }
            seen.push(entity);
            match self.meets(value)? {
                Truth::True => met = met.saturating_add(1),
                Truth::Unknown => undecided = undecided.saturating_add(1),
                Truth::False => {
                    let gap = self.threshold.quantity().checked_sub(value.quantity())?;
                    below.push((entity.clone(), gap));
                }
            }
        }
        below.sort_by(|(ea, a), (eb, b)| {
            a.checked_cmp(b)
                .unwrap_or(core::cmp::Ordering::Equal)
                .then_with(|| ea.cmp(eb))
        });
        let required = self.required.value();
        let count = Quantity::new(
            Decimal::from(met),
            Unit::of(self.indicator.unit().dimension()),
        );
        let achieved = match self.required.bound() {
            Bound::MoreThan => Decimal::from(met) > required,
            _ => Decimal::from(met) >= required,
        };
        let needed = match self.required.bound() {
            Bound::MoreThan => required.checked_add(Decimal::ONE).unwrap_or(required),
            _ => required,
        };
        let shortfall = needed
            .checked_sub(Decimal::from(met))
            .filter(|s| s.is_sign_positive())
            .map(|s| s.ceil())
            .and_then(|s| u64::try_from(s).ok())
            .unwrap_or(0);
        Ok(CountAssessment {
            met,
            undecided,
            count,
            shortfall,
            achieved,
            closest: below,
        })
    }
}

/// The result of [`CountTarget::assess`].
///
/// # Examples
///
/// ```
/// # use indstat::targets::CountTarget;
/// # use indstat::{EntityId, Indicator, Kind, Noun, Unit};
/// # let i = Indicator::new("leaders", "龙头企业", "leading enterprises", Unit::count(Noun::Enterprise), Kind::Count)?;
/// let t = CountTarget::new(i, "1家以上".parse()?, "10亿元以上".parse()?, None)?;
/// let a = t.assess(&[(EntityId::new("a")?, "8亿元以上".parse()?)])?;
/// assert_eq!((a.met(), a.undecided()), (0, 1));
/// assert_eq!(a.count().to_string(), "0家");
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CountAssessment {
    met: u64,
    undecided: u64,
    count: Quantity,
    shortfall: u64,
    achieved: bool,
    closest: Vec<(EntityId, Quantity)>,
}

impl CountAssessment {
    /// Entities certainly meeting the threshold.
    ///
    /// ```
    /// # use indstat::targets::CountTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Noun, Unit};
    /// # let i = Indicator::new("leaders", "龙头企业", "leading enterprises", Unit::count(Noun::Enterprise), Kind::Count)?;
    /// # let t = CountTarget::new(i, "2家以上".parse()?, "10亿元以上".parse()?, None)?;
    /// let firms = [("a", "12亿元"), ("b", "9亿元"), ("c", "8亿元以上")].map(|(e, v)| (EntityId::new(e).unwrap(), v.parse().unwrap()));
    /// let a = t.assess(&firms)?;
    /// assert_eq!(a.met(), 1);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn met(&self) -> u64 {
        self.met
    }

    /// Entities whose published bound leaves it open.
    ///
    /// ```
    /// # use indstat::targets::CountTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Noun, Unit};
    /// # let i = Indicator::new("leaders", "龙头企业", "leading enterprises", Unit::count(Noun::Enterprise), Kind::Count)?;
    /// # let t = CountTarget::new(i, "2家以上".parse()?, "10亿元以上".parse()?, None)?;
    /// let firms = [("a", "12亿元"), ("b", "9亿元"), ("c", "8亿元以上")].map(|(e, v)| (EntityId::new(e).unwrap(), v.parse().unwrap()));
    /// let a = t.assess(&firms)?;
    /// assert_eq!(a.undecided(), 1); // 8亿元以上 may or may not reach 10亿元
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn undecided(&self) -> u64 {
        self.undecided
    }

    /// The count met, in the indicator's unit.
    ///
    /// ```
    /// # use indstat::targets::CountTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Noun, Unit};
    /// # let i = Indicator::new("leaders", "龙头企业", "leading enterprises", Unit::count(Noun::Enterprise), Kind::Count)?;
    /// # let t = CountTarget::new(i, "2家以上".parse()?, "10亿元以上".parse()?, None)?;
    /// let firms = [("a", "12亿元"), ("b", "9亿元"), ("c", "8亿元以上")].map(|(e, v)| (EntityId::new(e).unwrap(), v.parse().unwrap()));
    /// let a = t.assess(&firms)?;
    /// assert_eq!(a.count().to_string(), "1家");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn count(&self) -> &Quantity {
        &self.count
    }

    /// How many more entities are needed (0 when achieved).
    ///
    /// ```
    /// # use indstat::targets::CountTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Noun, Unit};
    /// # let i = Indicator::new("leaders", "龙头企业", "leading enterprises", Unit::count(Noun::Enterprise), Kind::Count)?;
    /// # let t = CountTarget::new(i, "2家以上".parse()?, "10亿元以上".parse()?, None)?;
    /// let firms = [("a", "12亿元"), ("b", "9亿元"), ("c", "8亿元以上")].map(|(e, v)| (EntityId::new(e).unwrap(), v.parse().unwrap()));
    /// let a = t.assess(&firms)?;
    /// assert_eq!(a.shortfall(), 1);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn shortfall(&self) -> u64 {
        self.shortfall
    }

    /// Whether the required count is certainly met.
    ///
    /// ```
    /// # use indstat::targets::CountTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Noun, Unit};
    /// # let i = Indicator::new("leaders", "龙头企业", "leading enterprises", Unit::count(Noun::Enterprise), Kind::Count)?;
    /// # let t = CountTarget::new(i, "2家以上".parse()?, "10亿元以上".parse()?, None)?;
    /// let firms = [("a", "12亿元"), ("b", "9亿元"), ("c", "8亿元以上")].map(|(e, v)| (EntityId::new(e).unwrap(), v.parse().unwrap()));
    /// let a = t.assess(&firms)?;
    /// assert!(!a.is_achieved());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn is_achieved(&self) -> bool {
        self.achieved
    }

    /// Entities below the threshold with how far each is from it, closest
    /// first (ties by entity id).
    ///
    /// ```
    /// # use indstat::targets::CountTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Noun, Unit};
    /// # let i = Indicator::new("leaders", "龙头企业", "leading enterprises", Unit::count(Noun::Enterprise), Kind::Count)?;
    /// # let t = CountTarget::new(i, "2家以上".parse()?, "10亿元以上".parse()?, None)?;
    /// let firms = [("a", "12亿元"), ("b", "9亿元"), ("c", "8亿元以上")].map(|(e, v)| (EntityId::new(e).unwrap(), v.parse().unwrap()));
    /// let a = t.assess(&firms)?;
    /// assert_eq!(a.closest()[0].1.to_string(), "1亿元");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn closest(&self) -> &[(EntityId, Quantity)] {
        &self.closest
    }
}

/// A rank to reach: rank ≤ N (the Top 100), with or without a deadline.
///
/// # Examples
///
/// ```
/// use indstat::targets::RankTarget;
/// use indstat::{Indicator, Kind, Period, Unit};
///
/// let i = Indicator::new("torch_rank", "排名", "national rank", Unit::RANK, Kind::Rank)?;
/// let t = RankTarget::new(i.clone(), "前100位".parse()?, None)?;
/// assert_eq!(t.best().en(), "top 100");
/// assert!(RankTarget::new(i, "第100位以上".parse()?, None).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "RankTargetRaw"))]
pub struct RankTarget {
    indicator: Indicator,
    best: Figure,
    deadline: Option<Period>,
}

#[cfg(feature = "serde")]
crate::serde_str::read_through!(
    RankTarget,
    RankTargetRaw {
        indicator: Indicator,
        best: Figure,
        deadline: Option<Period>,
    },
    |r| RankTarget::new(r.indicator, r.best, r.deadline)
);

impl RankTarget {
    /// A rank target: rank within `best` (`前100位`, at most 100).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidValue`] unless the indicator is a rank and `best` an
    /// exact rank or an upper bound on it; as [`Indicator::check`].
    ///
    /// ```
    /// # use indstat::targets::RankTarget;
    /// # use indstat::{Indicator, Kind, Unit};
    /// let money = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// assert!(RankTarget::new(money, "前100位".parse()?, None).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn new(indicator: Indicator, best: Figure, deadline: Option<Period>) -> Result<RankTarget> {
        if indicator.kind() != Kind::Rank || best.bound().is_lower() {
            return Err(Error::InvalidValue {
                indicator: indicator.code().to_string(),
                value: best.to_string(),
                reason: "a rank target is a rank indicator with a rank at most N (前N位)",
            });
        }
        indicator.check(&best)?;
        Ok(RankTarget {
            indicator,
            best,
            deadline,
        })
    }

    /// The rank indicator.
    ///
    /// ```
    /// # use indstat::targets::RankTarget;
    /// # use indstat::{Indicator, Kind, Unit};
    /// # let i = Indicator::new("torch_rank", "排名", "national rank", Unit::RANK, Kind::Rank)?;
    /// assert_eq!(RankTarget::new(i, "前100位".parse()?, None)?.indicator().code().as_str(), "torch_rank");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn indicator(&self) -> &Indicator {
        &self.indicator
    }

    /// The rank to reach.
    ///
    /// ```
    /// # use indstat::targets::RankTarget;
    /// # use indstat::{Indicator, Kind, Unit};
    /// # let i = Indicator::new("torch_rank", "排名", "national rank", Unit::RANK, Kind::Rank)?;
    /// assert_eq!(RankTarget::new(i, "前100位".parse()?, None)?.best().zh(), "前100位");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn best(&self) -> &Figure {
        &self.best
    }

    /// The deadline, if any.
    ///
    /// ```
    /// # use indstat::targets::RankTarget;
    /// # use indstat::{Indicator, Kind, Period, Unit};
    /// # let i = Indicator::new("torch_rank", "排名", "national rank", Unit::RANK, Kind::Rank)?;
    /// let t = RankTarget::new(i, "前100位".parse()?, Some(Period::year(2025)?))?;
    /// assert_eq!(t.deadline(), Some(Period::year(2025)?));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn deadline(&self) -> Option<Period> {
        self.deadline
    }

    /// Places to go from the latest rank in `history`, and when the target is
    /// reached at a pace of places per year: observed from the history's
    /// first and latest ranks, or `pace` when given (recorded as an
    /// assumption).
    ///
    /// # Errors
    ///
    /// [`Error::UnitMismatch`] for a history not in ranks;
    /// [`Error::Empty`] for an empty history; [`Error::NotExact`] for a
    /// bounded rank; period errors for a history of several frequencies.
    ///
    /// ```
    /// use indstat::datasets::rongchang;
    /// use indstat::targets::RankTarget;
    /// use indstat::{Period, Series};
    /// use indstat::dec;
    ///
    /// let t3 = rongchang::target("T3")?.expect("T3");
    /// let target = RankTarget::new(t3.indicator().clone(), *t3.value(), None)?;
    /// let rank = rongchang::row(6)?.expect("rank").observation().clone();
    /// let a = target.assess(&Series::from_observations([rank])?, Some(dec!(17)))?;
    /// assert_eq!(a.places_to_go(), dec!(22));
    /// assert_eq!(a.reached(), Some(Period::year(2024)?));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn assess(&self, history: &Series, pace: Option<Decimal>) -> Result<RankAssessment> {
        if history.indicator().unit().dimension() != Dimension::Rank {
            return Err(Error::UnitMismatch {
                expected: Unit::RANK,
                found: history.indicator().unit(),
            });
        }
        if history.indicator().code() != self.indicator.code() {
            return Err(Error::SeriesMismatch {
                expected: self.indicator.code().to_string(),
                found: history.indicator().code().to_string(),
            });
        }
        let latest = history.latest().ok_or(Error::Empty {
            what: "the rank history",
        })?;
        let first = history.first().ok_or(Error::Empty {
            what: "the rank history",
        })?;
        let current = latest.value().exact_for("a rank target")?.value();
        let goal = match self.best.bound() {
            Bound::LessThan => self
                .best
                .value()
                .checked_sub(Decimal::ONE)
                .unwrap_or(self.best.value()),
            _ => self.best.value(),
        };
        let places_to_go = current
            .checked_sub(goal)
            .filter(|d| d.is_sign_positive())
            .unwrap_or(Decimal::ZERO);
        let mut assumptions = Vec::new();
        // The pace as whole places over whole years, so exact hits stay exact.
        let rational = match pace {
            Some(p) => {
                assumptions.push(Assumption::RankPace {
                    places: p,
                    observed: false,
                });
                Some((p, Decimal::ONE))
            }
            None if first.period() != latest.period() => {
                let start = first.value().exact_for("a rank target")?.value();
                let years = first.period().years_until(&latest.period())?.to_decimal();
                let climbed = checked::sub(start, current)?;
                let pace = crate::exact::checked_div(climbed, years, || climbed.to_string())?;
                assumptions.push(Assumption::RankPace {
                    places: pace,
                    observed: true,
                });
                Some((climbed, years))
            }
            None => None,
        };
        let pace = rational
            .map(|(c, y)| crate::exact::checked_div(c, y, || c.to_string()))
            .transpose()?;
        let (_, reached) = crate::rank::reach_at_pace(places_to_go, rational, latest.period())?;
        let on_time = match (reached, self.deadline) {
            (Some(r), Some(d)) => Some(r.checked_cmp(&d)?.is_le()),
            (None, Some(_)) => Some(false),
            (_, None) => None,
        };
        Ok(RankAssessment {
            period: latest.period(),
            current,
            places_to_go,
            pace,
            reached,
            on_time,
            assumptions,
        })
    }
}

/// The result of [`RankTarget::assess`].
///
/// # Examples
///
/// ```
/// # use indstat::targets::RankTarget;
/// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
/// # use indstat::dec;
/// let i = Indicator::new("r", "排名", "rank", Unit::RANK, Kind::Rank)?;
/// let t = RankTarget::new(i.clone(), "前100位".parse()?, Some(Period::year(2023)?))?;
/// let s = Series::from_points(EntityId::new("z")?, i, [
///     Point::new(Period::year(2021)?, "第139位".parse()?),
///     Point::new(Period::year(2022)?, "第122位".parse()?),
/// ])?;
/// let a = t.assess(&s, None)?;
/// assert_eq!(a.pace(), Some(dec!(17)));
/// assert_eq!(a.on_time(), Some(false)); // 2024 is after the 2023 deadline
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RankAssessment {
    period: Period,
    current: Decimal,
    places_to_go: Decimal,
    pace: Option<Decimal>,
    reached: Option<Period>,
    on_time: Option<bool>,
    assumptions: Vec<Assumption>,
}

impl RankAssessment {
    /// The period of the latest rank.
    ///
    /// ```
    /// # use indstat::targets::RankTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("r", "排名", "rank", Unit::RANK, Kind::Rank)?;
    /// # let t = RankTarget::new(i.clone(), "前100位".parse()?, None)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2021)?, "第139位".parse()?), Point::new(Period::year(2022)?, "第122位".parse()?)])?;
    /// let a = t.assess(&s, None)?;
    /// assert_eq!(a.period(), Period::year(2022)?);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn period(&self) -> Period {
        self.period
    }

    /// The latest rank.
    ///
    /// ```
    /// # use indstat::targets::RankTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("r", "排名", "rank", Unit::RANK, Kind::Rank)?;
    /// # let t = RankTarget::new(i.clone(), "前100位".parse()?, None)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2021)?, "第139位".parse()?), Point::new(Period::year(2022)?, "第122位".parse()?)])?;
    /// let a = t.assess(&s, None)?;
    /// assert_eq!(a.current(), indstat::dec!(122));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn current(&self) -> Decimal {
        self.current
    }

    /// Places still to climb (0 when reached).
    ///
    /// ```
    /// # use indstat::targets::RankTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("r", "排名", "rank", Unit::RANK, Kind::Rank)?;
    /// # let t = RankTarget::new(i.clone(), "前100位".parse()?, None)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2021)?, "第139位".parse()?), Point::new(Period::year(2022)?, "第122位".parse()?)])?;
    /// let a = t.assess(&s, None)?;
    /// assert_eq!(a.places_to_go(), indstat::dec!(22));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn places_to_go(&self) -> Decimal {
        self.places_to_go
    }

    /// Places climbed a year: observed or given; `None` with one rank and no
    /// pace given.
    ///
    /// ```
    /// # use indstat::targets::RankTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("r", "排名", "rank", Unit::RANK, Kind::Rank)?;
    /// # let t = RankTarget::new(i.clone(), "前100位".parse()?, None)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2021)?, "第139位".parse()?), Point::new(Period::year(2022)?, "第122位".parse()?)])?;
    /// let a = t.assess(&s, None)?;
    /// assert_eq!(a.pace(), Some(indstat::dec!(17)));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn pace(&self) -> Option<Decimal> {
        self.pace
    }

    /// The period (edition) in which the target is reached at the pace;
    /// `None` when the pace is zero, negative or unknown.
    ///
    /// ```
    /// # use indstat::targets::RankTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("r", "排名", "rank", Unit::RANK, Kind::Rank)?;
    /// # let t = RankTarget::new(i.clone(), "前100位".parse()?, None)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2021)?, "第139位".parse()?), Point::new(Period::year(2022)?, "第122位".parse()?)])?;
    /// let a = t.assess(&s, None)?;
    /// assert_eq!(a.reached(), Some(Period::year(2024)?));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn reached(&self) -> Option<Period> {
        self.reached
    }

    /// Whether that is by the deadline; `None` without a deadline.
    ///
    /// ```
    /// # use indstat::targets::RankTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("r", "排名", "rank", Unit::RANK, Kind::Rank)?;
    /// # let t = RankTarget::new(i.clone(), "前100位".parse()?, None)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2021)?, "第139位".parse()?), Point::new(Period::year(2022)?, "第122位".parse()?)])?;
    /// let a = t.assess(&s, None)?;
    /// assert_eq!(a.on_time(), None); // no deadline
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn on_time(&self) -> Option<bool> {
        self.on_time
    }

    /// The assumptions (a pace supplied by the caller).
    ///
    /// ```
    /// # use indstat::targets::RankTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("r", "排名", "rank", Unit::RANK, Kind::Rank)?;
    /// # let t = RankTarget::new(i.clone(), "前100位".parse()?, None)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2021)?, "第139位".parse()?), Point::new(Period::year(2022)?, "第122位".parse()?)])?;
    /// let a = t.assess(&s, None)?;
    /// assert_eq!(a.assumptions().len(), 1); // the observed pace, assumed to continue
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn assumptions(&self) -> &[Assumption] {
        &self.assumptions
    }
}
