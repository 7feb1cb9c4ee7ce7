//! Changes along a series: year on year (同比) and period on period (环比).

use crate::{Error, Frequency, Period, Point, Result, Series};

use super::{Change, change};

/// Which period a change is measured from.
///
/// # Examples
///
/// ```
/// use indstat::growth::BasePeriod;
/// use indstat::Period;
/// let q = Period::quarter(2022, 1)?;
/// assert_eq!(BasePeriod::YearAgo.of(q)?, Period::quarter(2021, 1)?);
/// assert_eq!(BasePeriod::Previous.of(q)?, Period::quarter(2021, 4)?);
/// assert!(BasePeriod::YearAgo.of(Period::year(1)?).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum BasePeriod {
    /// The same period a year earlier: year on year, 同比.
    YearAgo,
    /// The period before: period on period, 环比.
    Previous,
}

impl BasePeriod {
    /// The base period for `period`.
    ///
    /// # Errors
    ///
    /// [`Error::NoAdjacentPeriod`] before year 1; for [`BasePeriod::Previous`],
    /// a year-to-date cumulative has no period-on-period base
    /// ([`Error::FrequencyMismatch`] is not it: the error says so).
    ///
    /// ```
    /// use indstat::growth::BasePeriod;
    /// use indstat::Period;
    /// assert!(BasePeriod::Previous.of(Period::ytd(2022, 3)?).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn of(self, period: Period) -> Result<Period> {
        match self {
            BasePeriod::YearAgo => period.year_ago(),
            BasePeriod::Previous if period.frequency() == Frequency::YearToDate => {
                Err(Error::NoAdjacentPeriod {
                    period,
                    direction: "previous",
                    reason: "cumulatives change year on year; single months come from single_periods_from_ytd",
                })
            }
            BasePeriod::Previous => period.previous(),
        }
    }
}

/// How to find a base that is missing from the series.
///
/// # Examples
///
/// ```
/// assert_eq!(indstat::growth::Fill::default(), indstat::growth::Fill::None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Fill {
    /// No base, no value (pandas 3 `fill_method=None`, polars).
    #[default]
    None,
    /// Use the latest value at or before the expected base period (pandas
    /// before 2.1, `fill_method='pad'`: `s.ffill().pct_change()`). The point's
    /// [`base_period`](ChangePoint::base_period) says which period was used.
    Forward,
}

/// One period's change in a [`ChangeSeries`]: its base period and the change,
/// or the reason there is none (no base, a zero base, a bound, …).
///
/// # Examples
///
/// ```
/// use indstat::growth::BasePeriod;
/// use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
///
/// let i = Indicator::new("out", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
/// let s = Series::from_points(EntityId::new("z")?, i, [
///     Point::new(Period::year(2021)?, "925.35亿元".parse()?),
///     Point::new(Period::year(2022)?, "1004亿元".parse()?),
/// ])?;
/// let yoy = s.changes(BasePeriod::YearAgo)?;
/// let p = yoy.get(Period::year(2022)?).expect("2022");
/// assert_eq!(p.base_period(), Some(Period::year(2021)?));
/// assert!(p.change().is_ok());
/// assert!(yoy.get(Period::year(2021)?).expect("2021").change().is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ChangePoint {
    period: Period,
    base_period: Option<Period>,
    change: Result<Change>,
}

impl ChangePoint {
    /// The period the change is for.
    ///
    /// ```
    /// # let s = indstat::datasets::rongchang::row(3)?.expect("row");
    /// # let series = indstat::Series::from_observations([s.observation().clone()])?;
    /// let c = series.changes(indstat::growth::BasePeriod::YearAgo)?;
    /// assert_eq!(c.iter().next().map(|p| p.period()), Some(indstat::Period::year(2022)?));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn period(&self) -> Period {
        self.period
    }

    /// The period whose value was the base, if one was found.
    ///
    /// ```
    /// # let s = indstat::datasets::rongchang::row(3)?.expect("row");
    /// # let series = indstat::Series::from_observations([s.observation().clone()])?;
    /// let c = series.changes(indstat::growth::BasePeriod::YearAgo)?;
    /// assert_eq!(c.iter().next().and_then(|p| p.base_period()), None);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn base_period(&self) -> Option<Period> {
        self.base_period
    }

    /// The change, or why there is none.
    ///
    /// ```
    /// # let s = indstat::datasets::rongchang::row(3)?.expect("row");
    /// # let series = indstat::Series::from_observations([s.observation().clone()])?;
    /// let c = series.changes(indstat::growth::BasePeriod::YearAgo)?;
    /// let first = c.iter().next().expect("one point");
    /// assert!(matches!(first.change(), Err(indstat::Error::MissingValue { .. })));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn change(&self) -> Result<&Change, &Error> {
        self.change.as_ref()
    }
}

/// The changes of a series, one per point of the series, in period order.
///
/// Built by [`Series::changes`] and [`Series::changes_with`]; see
/// [`ChangePoint`].
///
/// # Examples
///
/// ```
/// use indstat::growth::BasePeriod;
/// use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
/// use indstat::dec;
///
/// // pandas 3: pct_change of [1, 1.5, NaN, 2.5, 3] is [NaN, 0.5, NaN, NaN, 0.2].
/// let i = Indicator::new("x", "x", "x", Unit::YUAN, Kind::Flow)?;
/// let pts = [(2018, "1元"), (2019, "1.5元"), (2021, "2.5元"), (2022, "3元")]
///     .map(|(y, v)| Point::new(Period::year(y).unwrap(), v.parse().unwrap()));
/// let s = Series::from_points(EntityId::new("z")?, i, pts)?;
/// let g = s.changes(BasePeriod::YearAgo)?;
/// let rates: Vec<_> = g.rates().map(|(_, r)| r.map(|r| r.fraction())).collect();
/// assert_eq!(rates, [None, Some(dec!(0.5)), None, Some(dec!(0.2))]);
/// assert_eq!(g.len(), 4);
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeSeries {
    base: BasePeriod,
    fill: Fill,
    points: Vec<ChangePoint>,
}

impl ChangeSeries {
    /// The base rule the changes were computed with.
    ///
    /// ```
    /// # let s = indstat::datasets::rongchang::row(3)?.expect("row");
    /// # let series = indstat::Series::from_observations([s.observation().clone()])?;
    /// use indstat::growth::BasePeriod;
    /// assert_eq!(series.changes(BasePeriod::Previous)?.base(), BasePeriod::Previous);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn base(&self) -> BasePeriod {
        self.base
    }

    /// The fill rule the changes were computed with.
    ///
    /// ```
    /// # let s = indstat::datasets::rongchang::row(3)?.expect("row");
    /// # let series = indstat::Series::from_observations([s.observation().clone()])?;
    /// use indstat::growth::{BasePeriod, Fill};
    /// assert_eq!(series.changes(BasePeriod::Previous)?.fill(), Fill::None);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn fill(&self) -> Fill {
        self.fill
    }

    /// The number of points (one per point of the series).
    ///
    /// ```
    /// # let s = indstat::datasets::rongchang::row(3)?.expect("row");
    /// # let series = indstat::Series::from_observations([s.observation().clone()])?;
    /// assert_eq!(series.changes(indstat::growth::BasePeriod::YearAgo)?.len(), 1);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.points.len()
    }

    /// Whether there are no points.
    ///
    /// ```
    /// # let s = indstat::datasets::rongchang::row(3)?.expect("row");
    /// # let series = indstat::Series::from_observations([s.observation().clone()])?;
    /// assert!(!series.changes(indstat::growth::BasePeriod::YearAgo)?.is_empty());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// The points in period order.
    ///
    /// ```
    /// # let s = indstat::datasets::rongchang::row(3)?.expect("row");
    /// # let series = indstat::Series::from_observations([s.observation().clone()])?;
    /// assert_eq!(series.changes(indstat::growth::BasePeriod::YearAgo)?.iter().count(), 1);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn iter(&self) -> core::slice::Iter<'_, ChangePoint> {
        self.points.iter()
    }

    /// The point for `period`.
    ///
    /// ```
    /// # let s = indstat::datasets::rongchang::row(3)?.expect("row");
    /// # let series = indstat::Series::from_observations([s.observation().clone()])?;
    /// let c = series.changes(indstat::growth::BasePeriod::YearAgo)?;
    /// assert!(c.get(indstat::Period::year(2022)?).is_some());
    /// assert!(c.get(indstat::Period::year(2021)?).is_none());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn get(&self, period: Period) -> Option<&ChangePoint> {
        self.points.iter().find(|p| p.period == period)
    }

    /// Each period with its growth rate, or `None` where there is no rate
    /// (no base, an undefined growth, or a change that is not a rate).
    ///
    /// ```
    /// # let s = indstat::datasets::rongchang::row(3)?.expect("row");
    /// # let series = indstat::Series::from_observations([s.observation().clone()])?;
    /// let c = series.changes(indstat::growth::BasePeriod::YearAgo)?;
    /// assert_eq!(c.rates().next().map(|(_, r)| r), Some(None));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn rates(&self) -> impl Iterator<Item = (Period, Option<crate::Rate>)> + '_ {
        self.points
            .iter()
            .map(|p| (p.period, p.change.as_ref().ok().and_then(Change::rate)))
    }
}

impl<'a> IntoIterator for &'a ChangeSeries {
    type Item = &'a ChangePoint;
    type IntoIter = core::slice::Iter<'a, ChangePoint>;
    fn into_iter(self) -> Self::IntoIter {
        self.points.iter()
    }
}

impl Series {
    /// The change at every point from its base period, with no fill: year on
    /// year (同比) or period on period (环比). The change is measured as the
    /// indicator requires ([`change`]): percent growth,
    /// percentage points or places.
    ///
    /// A point whose base period has no value gets
    /// [`Error::MissingValue`]: a gap never becomes a two-year ratio.
    ///
    /// # Errors
    ///
    /// [`Error::NoAdjacentPeriod`] for period on period on a year-to-date
    /// series. Errors of single points are kept in the points.
    ///
    /// ```
    /// use indstat::growth::BasePeriod;
    /// use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    ///
    /// let i = Indicator::new("rd", "R&D占GDP比重", "R&D share of GDP", Unit::PERCENT, Kind::Ratio)?;
    /// let s = Series::from_points(EntityId::new("z")?, i, [
    ///     Point::new(Period::year(2021)?, "4.1%".parse()?),
    ///     Point::new(Period::year(2022)?, "4.4%".parse()?),
    /// ])?;
    /// let c = s.changes(BasePeriod::YearAgo)?;
    /// let p = c.get(Period::year(2022)?).expect("2022");
    /// assert_eq!(p.change().map(|c| c.zh()).ok(), Some("提高0.3个百分点".to_owned()));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn changes(&self, base: BasePeriod) -> Result<ChangeSeries> {
        self.changes_with(base, Fill::None)
    }

    /// The compound annual growth rate between the values at two periods of
    /// the series: [`cagr`](crate::growth::cagr) over the years between them
    /// (fractional for quarters and months).
    ///
    /// # Errors
    ///
    /// [`Error::MissingValue`] when either period has no value;
    /// [`Error::NotExact`] for a bound; otherwise as
    /// [`cagr`](crate::growth::cagr) and [`Period::years_until`].
    ///
    /// ```
    /// use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// use indstat::dec;
    ///
    /// let i = Indicator::new("out", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// let s = Series::from_points(EntityId::new("z")?, i, [
    ///     Point::new(Period::quarter(2022, 1)?, "100亿元".parse()?),
    ///     Point::new(Period::quarter(2022, 3)?, "121亿元".parse()?),
    /// ])?;
    /// // Half a year from 100 to 121 is 46.41% a year: 1.21² − 1.
    /// let g = s.cagr(Period::quarter(2022, 1)?, Period::quarter(2022, 3)?)?;
    /// assert_eq!(g.fraction(), dec!(0.4641));
    /// assert!(s.cagr(Period::quarter(2022, 1)?, Period::quarter(2022, 2)?).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn cagr(&self, from: Period, to: Period) -> Result<crate::Rate> {
        let value = |p: Period| {
            self.get(p)
                .ok_or_else(|| Error::MissingValue {
                    period: p,
                    series: format!("{}/{}", self.entity(), self.indicator().code()),
                })
                .and_then(|point| point.value().exact_for("a CAGR").copied())
        };
        let (start, end) = (value(from)?, value(to)?);
        super::cagr(&start, &end, from.years_until(&to)?)
    }

    /// As [`changes`](Series::changes), with a rule for missing bases.
    ///
    /// # Errors
    ///
    /// As [`changes`](Series::changes).
    ///
    /// ```
    /// use indstat::growth::{BasePeriod, Fill};
    /// use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// use indstat::dec;
    ///
    /// // pandas < 2.1 (fill_method='pad'): [1, 1.5, NaN, 2.5, 3] → [NaN, .5, 0, .667, .2].
    /// let i = Indicator::new("x", "x", "x", Unit::YUAN, Kind::Flow)?;
    /// let pts = [(2018, "1元"), (2019, "1.5元"), (2021, "2.5元"), (2022, "3元")]
    ///     .map(|(y, v)| Point::new(Period::year(y).unwrap(), v.parse().unwrap()));
    /// let s = Series::from_points(EntityId::new("z")?, i, pts)?;
    /// let g = s.changes_with(BasePeriod::YearAgo, Fill::Forward)?;
    /// let p = g.get(Period::year(2021)?).expect("2021");
    /// assert_eq!(p.base_period(), Some(Period::year(2019)?));
    /// assert_eq!(p.change().ok().and_then(|c| c.rate()).map(|r| r.fraction().round_dp(3)), Some(dec!(0.667)));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn changes_with(&self, base: BasePeriod, fill: Fill) -> Result<ChangeSeries> {
        if base == BasePeriod::Previous && self.frequency() == Some(Frequency::YearToDate) {
            if let Some(p) = self.first() {
                base.of(p.period())?;
            }
        }
        let series = || format!("{}/{}", self.entity(), self.indicator().code());
        let points = self
            .iter()
            .map(|p| {
                let expected = base.of(p.period());
                let found: Option<&Point> = match (&expected, fill) {
                    (Ok(e), Fill::None) => self.get(*e),
                    // A cumulative is only ever compared with one through the same month.
                    (Ok(e), Fill::Forward) => {
                        let points = self.points();
                        let end = points.partition_point(|q| q.period().ordinal() <= e.ordinal());
                        points.get(..end).unwrap_or(&[]).iter().rev().find(|q| {
                            q.period().frequency() != Frequency::YearToDate
                                || q.period().index() == e.index()
                        })
                    }
                    (Err(_), _) => None,
                };
                let change = match (found, expected) {
                    (Some(b), _) => b.value().exact_for("a growth rate").and_then(|bv| {
                        let cv = p.value().exact_for("a growth rate")?;
                        change(self.indicator(), bv, cv)
                    }),
                    (None, Ok(e)) => Err(Error::MissingValue {
                        period: e,
                        series: series(),
                    }),
                    (None, Err(e)) => Err(e),
                };
                ChangePoint {
                    period: p.period(),
                    base_period: found.map(Point::period),
                    change,
                }
            })
            .collect();
        Ok(ChangeSeries { base, fill, points })
    }
}
