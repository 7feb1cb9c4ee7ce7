//! Gap analysis of a level target: how data of another scope is bridged,
//! where the trend comes from, and [`GapAnalysisBuilder::run`] as a sequence
//! of named steps: comparability, exact history, base, scope, span, distance
//! to the goal, baseline, trend, projections, milestones.

use rust_decimal::Decimal;

use super::assess::{self, Assessment, Method};
use super::projection::Projected;
use super::{LevelTarget, OutOfRange, Projection, ProjectionMethod, RequiredRate, computed, trend};
use crate::growth::{self, Reach};
use crate::{
    Assumption, Direction, Error, Frequency, Kind, Period, Quantity, Rate, Result, Scope, Series,
    YearSpan,
};

/// How data of one scope is measured against a target of another.
///
/// # Examples
///
/// ```
/// use indstat::targets::Bridge;
/// use indstat::dec;
/// let b = Bridge::Ratio(dec!(0.9)); // above-size output is 90% of all output
/// assert_ne!(b, Bridge::AssumeEqual);
/// ```
///
/// A part cannot be larger than the whole it belongs to:
///
/// ```
/// use indstat::datasets::rongchang;
/// use indstat::targets::{Bridge, LevelTarget};
/// use indstat::Series;
/// use indstat::dec;
///
/// let t1 = rongchang::target("T1")?.expect("T1"); // above designated size
/// let target = LevelTarget::new(t1.indicator().clone(), *t1.value(), t1.deadline().expect("2026"))?;
/// let all = Series::from_observations([rongchang::row(3)?.expect("row 3").observation().clone()])?;
/// assert!(target.analyse(&all).bridge(Bridge::Ratio(dec!(0.9))).run().is_ok());
/// let err = target.analyse(&all).bridge(Bridge::Ratio(dec!(1.2))).run().unwrap_err();
/// assert!(err.to_string().contains("cannot be larger than it"));
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Bridge {
    /// No bridge: the scopes must already be equal.
    Same,
    /// The caller asserts the two scopes are one.
    AssumeEqual,
    /// The target's scope is this fraction of the data's scope (0.9: above-
    /// size output is 90% of all output); applied to every value. Above zero;
    /// exactly 1 between a scope and itself; at most 1 when the target's
    /// scope is part of the data's (above designated size inside all
    /// industry, [`Scope::is_part_of`]), at least 1 the other way round.
    Ratio(Decimal),
    /// An observed value of the target's scope for the base period; the ratio
    /// it implies to the data is applied to the history, and the data's trend
    /// is taken as the target scope's. The implied ratio is checked as
    /// [`Ratio`](Bridge::Ratio)'s.
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

/// Builds a [`GapAnalysis`]; see [`LevelTarget::analyse`].
///
/// # Examples
///
/// ```
/// # use indstat::targets::{Bridge, LevelTarget};
/// # use indstat::{EntityId, Indicator, Kind, Period, Point, Rate, Scope, Series, Unit};
/// # use indstat::dec;
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

impl<'a> GapAnalysisBuilder<'a> {
    /// The analysis of `history` against `target` with the defaults: base at
    /// the history's latest, no bridge, trend from the history.
    pub(super) fn new(target: &'a LevelTarget, history: &'a Series) -> GapAnalysisBuilder<'a> {
        GapAnalysisBuilder {
            target,
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

impl GapAnalysisBuilder<'_> {
    /// The base period (default: the history's latest; for a flow over part
    /// of a year, the latest value of the deadline's quarter, month, half or
    /// cumulative).
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

    /// The baseline period (default: the history's first period; for a flow
    /// over part of a year, the first of the base's quarter, month, half or
    /// cumulative): where the trend is measured from, and the base year `b`
    /// of the on-track methods (Eurostat's growth ratio, the UNSD Progress
    /// Chart), which compare growth since `b` with the growth needed from
    /// `b`. It must be at or before the base period.
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
    /// let after = t.analyse(&s).base(Period::year(2021)?).baseline(Period::year(2022)?).run();
    /// assert_eq!(after.unwrap_err().to_string(), "invalid span from 2022 to 2021: the baseline period must be at or before the base period");
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
    /// - [`Error::InvalidSpan`] for a deadline at or before the base, a
    ///   baseline after it, or, for a flow over part of a year, a base,
    ///   baseline or deadline in another quarter (month, half, cumulative)
    ///   than the others, or no value for the deadline's quarter;
    ///   [`Error::FrequencyMismatch`] for a deadline of another frequency;
    /// - [`Error::OutOfDomain`] for a bridge ratio of zero or less, other
    ///   than 1 between a scope and itself, or one that makes a part larger
    ///   than its whole (see [`Bridge::Ratio`]);
    /// - [`Error::DivisionByZero`] for an observed base bridged from a value
    ///   of zero; [`Error::Overflow`] when a bridged value or a shortfall
    ///   leaves `Decimal`'s range (beyond 7.9·10²⁸).
    ///
    /// A projection beyond `Decimal`'s range is not an error: it is recorded
    /// in [`GapAnalysis::out_of_range`], and the rest of the analysis stands.
    /// Differences of computed values are rounded, never refused: see
    /// [the module docs](super#rounding-of-computed-results).
    ///
    /// A base of zero or less is not an error: the analysis has a gap but no
    /// growth rates, and [`GapAnalysis::assess`] reports
    /// [`Unassessable::NonPositiveBase`](super::Unassessable::NonPositiveBase).
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
        let mut assumptions = self.check_comparable()?;
        let mut points = self.exact_history()?;
        let base_period = self.choose_base(&points)?;
        let raw_base = self.value_at(&points, base_period)?;
        let base = self.align_scope(&mut points, raw_base, &mut assumptions)?;
        let span = self.span_to_deadline(base_period)?;
        let goal = *target.value().quantity();
        let distance = Distance::measure(target, &base, span)?;
        let baseline = self.choose_baseline(&points, base_period, base)?;
        let trend = self.trend_rate(&baseline, base_period, &base, &mut assumptions)?;
        let required_from_baseline = match baseline.period == base_period {
            true => distance.required,
            false => baseline.required(&goal, target.deadline())?,
        };
        let path = Path {
            target,
            base,
            span,
            required: distance.required,
        };
        let (projections, out_of_range) = self.projections(&path, trend, &baseline.past)?;
        let years_to_reach = match (trend, is_positive(&base)) {
            (Some(r), true) => Some(path.years_until_met(r)?),
            _ => None,
        };
        let yearly =
            self.is_seasonal(base_period) || base_period.frequency() == Frequency::YearToDate;
        let milestones = path.milestones(base_period, yearly)?;
        let achieved = target.is_met_by(&base)?;
        // A flow over part of a year with earlier values, none of them in the
        // base's season: no year-on-year trend (an outcome of `assess`).
        let no_same_season = self.is_seasonal(base_period)
            && baseline.past.len() < 2
            && points
                .iter()
                .any(|(p, _)| p.ordinal() < base_period.ordinal());
        Ok(GapAnalysis {
            target: target.clone(),
            baseline_period: baseline.period,
            baseline: baseline.value,
            required_from_baseline,
            base_period,
            base,
            achieved,
            gap: distance.gap,
            relative_gap: distance.relative_gap,
            completion: distance.completion,
            span,
            required: distance.required,
            trend,
            trend_given: matches!(self.trend, Trend::Rate(_)),
            history_points: baseline.past.len(),
            projections,
            out_of_range,
            years_to_reach,
            milestones,
            assumptions,
            no_same_season,
        })
    }

    /// Checks that the data can be measured against the target: the same
    /// dimension, and the same price basis unless the caller assumed them
    /// equal. Returns the stated assumptions, the first the analysis records.
    fn check_comparable(&self) -> Result<Vec<Assumption>> {
        let ti = self.target.indicator();
        let di = self.history.indicator();
        if ti.unit().dimension() != di.unit().dimension() {
            return Err(Error::UnitMismatch {
                expected: ti.unit(),
                found: di.unit(),
            });
        }
        // Price basis: only money values carry one; one that is not stated
        // matches nothing (PriceBasis::matches).
        let (tp, dp) = (ti.price_basis(), di.price_basis());
        if !tp.matches(dp) {
            let needed = Assumption::PriceBasesEqual { from: dp, to: tp };
            if !self.stated.contains(&needed) {
                return Err(Error::PriceBasisMismatch {
                    target: tp.to_string(),
                    data: dp.to_string(),
                });
            }
        }
        Ok(self.stated.clone())
    }

    /// The history as exact (period, value) pairs.
    fn exact_history(&self) -> Result<Vec<(Period, Quantity)>> {
        let mut points = Vec::with_capacity(self.history.len());
        for p in self.history {
            points.push((p.period(), *p.value().exact_for("a gap analysis")?));
        }
        Ok(points)
    }

    /// The base period, by default the history's latest; for a flow over
    /// part of a year, the latest in the deadline's season (the same quarter,
    /// month, half or cumulative).
    fn choose_base(&self, points: &[(Period, Quantity)]) -> Result<Period> {
        if let Some(b) = self.base {
            return Ok(b);
        }
        let latest = self
            .history
            .latest()
            .map(|p| p.period())
            .ok_or(Error::Empty {
                what: "the history",
            })?;
        let deadline = self.target.deadline();
        if !self.is_seasonal(latest) || latest.frequency() != deadline.frequency() {
            return Ok(latest);
        }
        points
            .iter()
            .rev()
            .map(|(p, _)| *p)
            .find(|p| p.same_season(&deadline))
            .ok_or_else(|| Error::InvalidSpan {
                from: latest.to_string(),
                to: deadline.to_string(),
                reason: NO_SAME_SEASON_BASE,
            })
    }

    /// Whether the history is a flow over part of a year at `period`'s
    /// frequency: an amount (or a count) per quarter, half, month or
    /// cumulative, which is compared year on year, with the same part of
    /// another year.
    fn is_seasonal(&self, period: Period) -> bool {
        matches!(self.history.indicator().kind(), Kind::Flow | Kind::Count)
            && period.frequency() != Frequency::Annual
    }

    /// The value of `period` in `points`.
    fn value_at(&self, points: &[(Period, Quantity)], period: Period) -> Result<Quantity> {
        points
            .iter()
            .find(|(p, _)| *p == period)
            .map(|(_, q)| *q)
            .ok_or_else(|| Error::MissingValue {
                period,
                series: format!(
                    "{}/{}",
                    self.history.entity(),
                    self.history.indicator().code()
                ),
            })
    }

    /// Brings `points` into the target's scope through the bridge and returns
    /// the base value there (`raw_base` is the data's).
    fn align_scope(
        &self,
        points: &mut [(Period, Quantity)],
        raw_base: Quantity,
        assumptions: &mut Vec<Assumption>,
    ) -> Result<Quantity> {
        let ratio = self.scope_ratio(&raw_base, assumptions)?;
        if let Some(r) = ratio {
            for (_, q) in points.iter_mut() {
                *q = q.checked_mul(r)?;
            }
        }
        match (&self.bridge, ratio) {
            // In the target's magnitude when it converts exactly (9000000万元 → 900亿元).
            (Bridge::ObservedBase(observed), _) => Ok(observed
                .to_magnitude(self.target.value().unit().magnitude())
                .unwrap_or(*observed)),
            (_, Some(r)) => raw_base.checked_mul(r),
            _ => Ok(raw_base),
        }
    }

    /// The ratio of the target's scope to the data's that the bridge implies
    /// (`None`: the scopes are one), recording what it assumes.
    fn scope_ratio(
        &self,
        raw_base: &Quantity,
        assumptions: &mut Vec<Assumption>,
    ) -> Result<Option<Decimal>> {
        let ts = self.target.indicator().scope();
        let ds = self.history.indicator().scope();
        match (&self.bridge, ts == ds) {
            (Bridge::Same | Bridge::AssumeEqual, true) => Ok(None),
            (Bridge::Same, false) => Err(Error::ScopeMismatch {
                target: ts.to_string(),
                data: ds.to_string(),
            }),
            (Bridge::AssumeEqual, false) => {
                assumptions.push(Assumption::ScopesEqual {
                    from: ds.clone(),
                    to: ts.clone(),
                });
                Ok(None)
            }
            (Bridge::Ratio(r), _) => {
                check_scope_ratio(*r, ts, ds, || format!("the ratio {r} of {ts} to {ds}"))?;
                if ts == ds {
                    // 1, checked: nothing is assumed.
                    return Ok(None);
                }
                assumptions.push(Assumption::ScopeRatio {
                    from: ds.clone(),
                    to: ts.clone(),
                    ratio: *r,
                });
                Ok(Some(*r))
            }
            (Bridge::ObservedBase(observed), _) => {
                let r = observed.checked_ratio(raw_base)?;
                check_scope_ratio(r, ts, ds, || {
                    format!(
                        "the observed base {observed} of {ts} against {raw_base} of {ds} (a ratio of {r})"
                    )
                })?;
                if ts == ds {
                    return Ok(None);
                }
                assumptions.push(Assumption::ScopeRatio {
                    from: ds.clone(),
                    to: ts.clone(),
                    ratio: r,
                });
                assumptions.push(Assumption::TrendAcrossScopes {
                    from: ds.clone(),
                    to: ts.clone(),
                });
                Ok(Some(r))
            }
        }
    }

    /// The time from the base to the deadline, which must be after it.
    fn span_to_deadline(&self, base_period: Period) -> Result<YearSpan> {
        let deadline = self.target.deadline();
        if self.is_seasonal(base_period)
            && base_period.frequency() == deadline.frequency()
            && !base_period.same_season(&deadline)
        {
            return Err(Error::InvalidSpan {
                from: base_period.to_string(),
                to: deadline.to_string(),
                reason: ACROSS_SEASONS,
            });
        }
        base_period.years_until_later(&deadline, crate::period::DEADLINE_AFTER_BASE)
    }

    /// The baseline period (by default the history's first; for a flow over
    /// part of a year, the first in the base's season), its value, and the
    /// history from it up to the base (for a flow over part of a year, the
    /// values of the base's season only).
    fn choose_baseline(
        &self,
        points: &[(Period, Quantity)],
        base_period: Period,
        base: Quantity,
    ) -> Result<Baseline> {
        let seasonal = self.is_seasonal(base_period);
        let comparable = |p: &Period| !seasonal || p.same_season(&base_period);
        let period = match self.baseline {
            Some(b) => {
                if b.checked_cmp(&base_period)?.is_gt() {
                    return Err(Error::InvalidSpan {
                        from: b.to_string(),
                        to: base_period.to_string(),
                        reason: "the baseline period must be at or before the base period",
                    });
                }
                if !comparable(&b) {
                    return Err(Error::InvalidSpan {
                        from: b.to_string(),
                        to: base_period.to_string(),
                        reason: ACROSS_SEASONS,
                    });
                }
                self.value_at(points, b)?;
                b
            }
            None => points
                .iter()
                .map(|(p, _)| *p)
                .find(comparable)
                .unwrap_or(base_period),
        };
        let past: Vec<(Period, Quantity)> = points
            .iter()
            .filter(|(p, _)| {
                p.ordinal() <= base_period.ordinal()
                    && p.ordinal() >= period.ordinal()
                    && comparable(p)
            })
            .copied()
            .collect();
        let value = match past.first() {
            Some((p, v)) if *p == period => *v,
            _ => base,
        };
        Ok(Baseline {
            period,
            value,
            past,
        })
    }

    /// The trend rate: the one given (recorded as an assumption), or the
    /// growth from the baseline to the base when both are positive.
    fn trend_rate(
        &self,
        baseline: &Baseline,
        base_period: Period,
        base: &Quantity,
        assumptions: &mut Vec<Assumption>,
    ) -> Result<Option<Rate>> {
        match self.trend {
            Trend::Rate(r) => {
                assumptions.push(Assumption::TrendGiven { rate: r });
                Ok(Some(r))
            }
            Trend::FromHistory
                if baseline.period != base_period
                    && is_positive(base)
                    && is_positive(&baseline.value) =>
            {
                let years = baseline.period.years_until(&base_period)?;
                growth::cagr(&baseline.value, base, years).map(Some)
            }
            Trend::FromHistory => Ok(None),
        }
    }

    /// Projections to the deadline: constant growth at the trend, linear and
    /// time-weighted trends through the history, the scenarios; those beyond
    /// `Decimal`'s range recorded apart, in the same order.
    fn projections(
        &self,
        path: &Path<'_>,
        trend: Option<Rate>,
        past: &[(Period, Quantity)],
    ) -> Result<(Vec<Projection>, Vec<OutOfRange>)> {
        let target = self.target;
        let mut made = Vec::new();
        if let (Some(r), true) = (trend, is_positive(&path.base)) {
            made.push((ProjectionMethod::ConstantGrowth, path.at_deadline(r)?));
        }
        if past.len() >= 2 {
            for (method, weighted) in [
                (ProjectionMethod::LinearTrend, false),
                (ProjectionMethod::TimeWeightedTrend, true),
            ] {
                made.push((
                    method,
                    trend::extrapolate(past, target.deadline(), weighted)?,
                ));
            }
        }
        for r in &self.scenarios {
            made.push((ProjectionMethod::Scenario(*r), path.at_deadline(*r)?));
        }
        let (mut projections, mut out_of_range) = (Vec::new(), Vec::new());
        for (method, projected) in made {
            match projected.measure(method, target)? {
                Ok(p) => projections.push(p),
                Err(beyond) => out_of_range.push(beyond),
            }
        }
        Ok((projections, out_of_range))
    }
}

/// Refuses a scope ratio that contradicts what is known of the two scopes:
/// a ratio must be above zero; a scope is all of itself, so its ratio to
/// itself is 1; a scope that is part of another ([`Scope::is_part_of`]:
/// above designated size inside all industry, a higher revenue threshold
/// inside a lower one) cannot be larger than it, so its ratio is in (0, 1];
/// one that contains the other is at least 1.
fn check_scope_ratio(
    r: Decimal,
    target: &Scope,
    data: &Scope,
    describe: impl Fn() -> String,
) -> Result<()> {
    let refuse = |reason| {
        Err(Error::OutOfDomain {
            value: describe(),
            operation: "a scope bridge",
            reason,
        })
    };
    if r <= Decimal::ZERO {
        refuse("the ratio between scopes must be above zero")
    } else if target == data && r != Decimal::ONE {
        refuse("a scope is all of itself, so the ratio of a scope to itself must be 1")
    } else if target.is_part_of(data) && r > Decimal::ONE {
        refuse(
            "a scope that is part of another cannot be larger than it, so the ratio must be in (0, 1]",
        )
    } else if data.is_part_of(target) && r < Decimal::ONE {
        refuse(
            "a scope that contains another cannot be smaller than it, so the ratio must be at least 1",
        )
    } else {
        Ok(())
    }
}

/// Whether growth from `q` is defined (the growth kernel's rule: from zero or
/// less it is not), so the analysis has no relative gap, no required rate and
/// no trend there (an explicit outcome in `assess`).
fn is_positive(q: &Quantity) -> bool {
    crate::growth::kernel::check_base(q.value(), || (String::new(), String::new())).is_ok()
}

/// How far the base is from the goal.
struct Distance {
    /// In the target's direction: positive while short.
    gap: Quantity,
    completion: Option<Decimal>,
    relative_gap: Option<Rate>,
    /// The yearly growth needed from the base.
    required: Option<Rate>,
}

impl Distance {
    fn measure(target: &LevelTarget, base: &Quantity, span: YearSpan) -> Result<Distance> {
        let goal = target.value().quantity();
        let gap = target.shortfall(base)?;
        let completion = completion(target, base)?;
        let positive = is_positive(base);
        let relative_gap = match positive {
            true => Some(Rate::from_fraction(
                computed::difference(goal, base)?.checked_ratio(base)?,
            )),
            false => None,
        };
        Ok(Distance {
            gap,
            completion,
            relative_gap,
            required: required_rate(base, goal, span)?,
        })
    }
}

/// The share of the target reached, at most 1 while it is not met: `base /
/// target` for a target met upwards, `target / base` for one met downwards
/// (a cap of 0.45 from 0.54 is 83.3% done). `None` for a target of zero or
/// less, and, downwards, for a base of zero or less: no share exists there.
fn completion(target: &LevelTarget, base: &Quantity) -> Result<Option<Decimal>> {
    let goal = target.value().quantity();
    if !is_positive(goal) {
        return Ok(None);
    }
    Ok(match target.direction() {
        Direction::HigherIsBetter => Some(base.checked_ratio(goal)?),
        Direction::LowerIsBetter if is_positive(base) => Some(goal.checked_ratio(base)?),
        Direction::LowerIsBetter => None,
    })
}

/// The yearly growth from `from` to `goal` over `span`; `None` where no
/// growth rate leads there: from zero or less, or to a value below zero.
/// (To zero it is −100%, the limit of a fall.)
fn required_rate(from: &Quantity, goal: &Quantity, span: YearSpan) -> Result<Option<Rate>> {
    if !is_positive(from) || goal.value().is_sign_negative() && !goal.value().is_zero() {
        return Ok(None);
    }
    growth::cagr(from, goal, span).map(Some)
}

/// Where the trend and the on-track methods start.
struct Baseline {
    period: Period,
    /// In the target's scope; the base's when the baseline has no value.
    value: Quantity,
    /// The history from the baseline up to the base.
    past: Vec<(Period, Quantity)>,
}

impl Baseline {
    /// The yearly growth needed from the baseline to `goal` by `deadline`
    /// (the required CAGR of the on-track methods, `(T / v_b)^(1 / (y_T − b)) −
    /// 1`); `None` from a baseline of zero or less, or to a target below
    /// zero, which no growth rate reaches.
    fn required(&self, goal: &Quantity, deadline: Period) -> Result<Option<Rate>> {
        required_rate(&self.value, goal, self.period.years_until(&deadline)?)
    }
}

/// The steady-growth path from the base to the deadline, where every
/// projection at a constant rate is made.
struct Path<'a> {
    target: &'a LevelTarget,
    base: Quantity,
    span: YearSpan,
    /// The rate that reaches the target's number exactly at the deadline.
    required: Option<Rate>,
}

impl Path<'_> {
    /// The value at the deadline of the base growing at `rate`.
    ///
    /// At exactly the required rate it is the target's number: the rate is
    /// *defined* by `base · (1 + r)^years = target`, and its 28-digit value
    /// lands within a unit of the 26th digit of the target, on either side,
    /// which would make a verdict (以上 met, 突破 not met) turn on the rate's
    /// last digit. This is the one place that equality is used; every
    /// verdict is then [`LevelTarget::is_met_by`], with no tolerance.
    ///
    /// A value beyond `Decimal`'s range is [`Projected::Beyond`], on the
    /// base's side of zero (growth keeps the sign). A fall cannot leave the
    /// range: below the last decimal place (1e-28 of the unit) it is zero.
    fn at_deadline(&self, rate: Rate) -> Result<Projected> {
        if Some(rate) == self.required {
            return Ok(Projected::Value(*self.target.value().quantity()));
        }
        match growth::project_span(&self.base, rate, self.span) {
            Ok(v) => Ok(Projected::Value(v)),
            Err(Error::Overflow { .. }) if rate.fraction() < Decimal::ZERO => Ok(Projected::Value(
                Quantity::new(Decimal::ZERO, self.base.unit()),
            )),
            Err(e @ Error::Overflow { .. }) => {
                Ok(Projected::Beyond(self.base.value().cmp(&Decimal::ZERO), e))
            }
            Err(e) => Err(e),
        }
    }

    /// The years the base growing at `rate` takes to meet the target
    /// ([`LevelTarget::years_until_met`]); at exactly the required rate, over
    /// whole years, the deadline's value is the target's number (see
    /// [`at_deadline`](Path::at_deadline)), so the answer is the deadline,
    /// or a year later for a strict bound, which the number does not meet.
    fn years_until_met(&self, rate: Rate) -> Result<Reach> {
        let target = self.target;
        let goal = target.value().quantity();
        if let (true, Some(n)) = (Some(rate) == self.required, self.span.whole_years()) {
            if !target.is_met_by(&self.base)? {
                let n = u64::try_from(n).map_err(|_| Error::overflow("years", n, rate))?;
                return Ok(match (target.is_met_by(goal)?, rate.fraction().is_zero()) {
                    (true, _) => Reach::InYears(n),
                    (false, true) => Reach::Never,
                    (false, false) => Reach::InYears(n.saturating_add(1)),
                });
            }
        }
        target.years_until_met(&self.base, rate)
    }

    /// The path at the required rate, each period from the base to the
    /// deadline with its value; the last is the target's number (see
    /// [`at_deadline`](Path::at_deadline)). With `yearly` (a flow over part
    /// of a year, compared year on year; a cumulative 1–m月), one step a
    /// year, to the same part of each year. A required rate of −100% (a
    /// target of zero) has no path to draw.
    fn milestones(&self, base_period: Period, yearly: bool) -> Result<Vec<(Period, Quantity)>> {
        let mut milestones = Vec::new();
        if let Some(required) = self
            .required
            .filter(|r| r.fraction() > Decimal::NEGATIVE_ONE)
        {
            let steps = match yearly {
                // The deadline is in the base's part of the year (checked).
                true => self.span.whole_years().unwrap_or(0),
                false => self.span.periods(),
            };
            for k in 1..=steps {
                let period = match yearly {
                    true => base_period.add_years(
                        i32::try_from(k).map_err(|_| Error::overflow("years", k, base_period))?,
                    )?,
                    false => base_period.checked_add(k)?,
                };
                let value = match k == steps {
                    true => *self.target.value().quantity(),
                    false => {
                        let step = base_period.years_until(&period)?;
                        growth::project_span(&self.base, required, step)?
                    }
                };
                milestones.push((period, value));
            }
        }
        Ok(milestones)
    }
}

/// Why a flow over part of a year is not compared across seasons.
const ACROSS_SEASONS: &str = "a flow over part of a year is compared with the same part of another year (year on year), not across seasons";

/// Why no default base exists for a flow over part of a year.
const NO_SAME_SEASON_BASE: &str = "a flow over part of a year is compared year on year, and the history has no value for the deadline's part of the year";

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
/// # use indstat::dec;
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
    trend_given: bool,
    history_points: usize,
    projections: Vec<Projection>,
    out_of_range: Vec<OutOfRange>,
    years_to_reach: Option<Reach>,
    milestones: Vec<(Period, Quantity)>,
    assumptions: Vec<Assumption>,
    no_same_season: bool,
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

    /// How far the base is from the target in the target's
    /// [`direction`](LevelTarget::direction), in the target's unit: positive
    /// while short, as a projection's
    /// [`shortfall`](Projection::shortfall) — target − base for a target met
    /// upwards, base − target for one met downwards (a cap of 0.45 from 0.54
    /// leaves 0.09 to cut) — and zero or negative once met.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i.clone(), [Point::new(Period::year(2020)?, "850亿元".parse()?), Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// assert_eq!(gap.gap().to_string(), "796亿元");
    /// let cap = LevelTarget::new(i.clone(), "不超过1000亿元".parse()?, Period::year(2026)?)?;
    /// assert_eq!(cap.analyse(&s).run()?.gap().to_string(), "4亿元"); // 1004 to cut to 1000
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn gap(&self) -> &Quantity {
        &self.gap
    }

    /// The total growth still needed, `(target − base) / base` (negative for
    /// a fall to a cap); `None` for a base of zero or less.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "850亿元".parse()?), Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// assert_eq!(gap.relative_gap().map(|r| r.fraction().round_dp(4)), Some(indstat::dec!(0.7928)));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn relative_gap(&self) -> Option<Rate> {
        self.relative_gap
    }

    /// The share of the target already reached, in the target's
    /// [`direction`](LevelTarget::direction): base / target for a target met
    /// upwards, target / base for one met downwards (a cap of 0.45 from 0.54
    /// is 83.3% done), so at most 100% while the target is not met. `None`
    /// for a target of zero or less, and for a target met downwards from a
    /// base of zero or less.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i.clone(), [Point::new(Period::year(2020)?, "850亿元".parse()?), Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// assert_eq!(gap.completion().map(|c| c.round_dp(4)), Some(indstat::dec!(0.5578)));
    /// let zero = LevelTarget::new(i.clone(), "0亿元".parse()?, Period::year(2026)?)?;
    /// assert_eq!(zero.analyse(&s).run()?.completion(), None);
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
    /// for a base of zero or less, where growth is undefined, and for a
    /// target below zero, which no growth rate reaches (to a target of zero
    /// it is −100%).
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// # let t = LevelTarget::new(i.clone(), "1800亿元".parse()?, Period::year(2026)?)?;
    /// # let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2020)?, "850亿元".parse()?), Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let gap = t.analyse(&s).run()?;
    /// assert_eq!(gap.required().map(|r| r.fraction().round_dp(5)), Some(indstat::dec!(0.15714)));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn required(&self) -> Option<Rate> {
        self.required
    }

    /// The growth needed, with its bound: *above* [`required`](GapAnalysis::required)
    /// for a strict target (突破1800亿元: at exactly that rate the value
    /// reaches 1800 in 2026 and does not pass it), at least it otherwise, at
    /// most it (or below it) for a target met downwards; `None` for a base of
    /// zero or less.
    ///
    /// ```
    /// # use indstat::targets::LevelTarget;
    /// # use indstat::{Bound, EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// let t = LevelTarget::new(i.clone(), "突破1800亿元".parse()?, Period::year(2026)?)?;
    /// let s = Series::from_points(EntityId::new("z")?, i.clone(), [Point::new(Period::year(2022)?, "1004亿元".parse()?)])?;
    /// let need = t.analyse(&s).run()?.requirement().expect("a positive base");
    /// assert_eq!(format!("{need:.2}"), "above 15.71%");
    /// assert_eq!(need.bound(), Bound::MoreThan);
    /// let zero = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2022)?, "0亿元".parse()?)])?;
    /// assert_eq!(t.analyse(&zero).run()?.requirement(), None);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn requirement(&self) -> Option<RequiredRate> {
        self.required.map(|r| RequiredRate::new(r, &self.target))
    }

    /// Whether the history is a flow over part of a year with earlier values,
    /// none of them for the base's part of the year (so no trend).
    pub(super) fn has_no_same_season(&self) -> bool {
        self.no_same_season
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
    /// assert_eq!(gap.trend().map(|r| r.fraction().round_dp(4)), Some(indstat::dec!(0.0868)));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn trend(&self) -> Option<Rate> {
        self.trend
    }

    /// Whether the trend rate is one the caller gave ([`Trend::Rate`]), a
    /// forward assumption, rather than the history's.
    pub(super) fn is_trend_given(&self) -> bool {
        self.trend_given
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
    /// scenarios in the order given; a projection beyond `Decimal`'s range is
    /// in [`out_of_range`](GapAnalysis::out_of_range) instead.
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

    /// The projections whose value lies beyond `Decimal`'s range (growth of
    /// ×7719 a year, for years), in the order of
    /// [`projections`](GapAnalysis::projections), each with its method, side
    /// and verdict; every other result of the analysis stands.
    ///
    /// ```
    /// # use indstat::targets::{LevelTarget, ProjectionMethod};
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("o", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// let t = LevelTarget::new(i.clone(), "不超过12.31122亿元".parse()?, Period::year(2030)?)?;
    /// let steep = Series::from_points(EntityId::new("z")?, i.clone(), [
    ///     Point::new(Period::year(2020)?, "0.0680378亿元".parse()?),
    ///     Point::new(Period::year(2021)?, "525.2亿元".parse()?),
    /// ])?;
    /// let gap = t.analyse(&steep).run()?;
    /// assert_eq!(gap.out_of_range()[0].method(), ProjectionMethod::ConstantGrowth);
    /// assert_eq!(gap.gap().to_string(), "512.88878亿元"); // still there
    /// let calm = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2021)?, "525.2亿元".parse()?)])?;
    /// assert!(t.analyse(&calm).run()?.out_of_range().is_empty());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn out_of_range(&self) -> &[OutOfRange] {
        &self.out_of_range
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
    /// # use indstat::dec;
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
        let path = self.path();
        rates
            .iter()
            .map(|r| match path.at_deadline(*r)? {
                Projected::Value(value) => {
                    Projection::new(ProjectionMethod::Scenario(*r), value, &self.target)
                }
                Projected::Beyond(_, e) => Err(e),
            })
            .collect()
    }

    /// The steady-growth path from the base to the deadline.
    fn path(&self) -> Path<'_> {
        Path {
            target: &self.target,
            base: self.base,
            span: self.span,
            required: self.required,
        }
    }

    /// Classifies progress by `method`.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] when the distance between the baseline and the
    /// target, or a projection, is at the edge of `Decimal`'s range (near
    /// 7.9·10²⁸); a score beyond the range is not an error (see
    /// [`Assessment::score`](super::Assessment::score)).
    ///
    /// ```
    /// # use indstat::targets::{LevelTarget, Method, Status, Trend};
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Rate, Series, Unit};
    /// # use indstat::dec;
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
