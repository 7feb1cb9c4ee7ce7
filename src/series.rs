//! `Series`: one entity's indicator over time.

use crate::{
    EntityId, Error, Figure, Frequency, Indicator, ObsStatus, Observation, Period, Result, Source,
};

/// One value of a [`Series`]: a period, its figure, status and source.
///
/// # Examples
///
/// ```
/// use indstat::{Period, Point};
/// let p = Point::new(Period::year(2022)?, "1004亿元".parse()?);
/// assert_eq!(p.period(), Period::year(2022)?);
/// assert_eq!(p.value().to_string(), "1004亿元");
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Point {
    period: Period,
    value: Figure,
    #[cfg_attr(feature = "serde", serde(default))]
    status: ObsStatus,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    source: Option<Source>,
}

impl Point {
    /// A point with status normal and no source.
    ///
    /// ```
    /// let p = indstat::Point::new(indstat::Period::year(2022)?, "8.5%".parse()?);
    /// assert_eq!(p.status(), indstat::ObsStatus::Normal);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn new(period: Period, value: Figure) -> Point {
        Point {
            period,
            value,
            status: ObsStatus::Normal,
            source: None,
        }
    }

    /// The same point with another status.
    ///
    /// ```
    /// use indstat::{ObsStatus, Period, Point};
    /// let p = Point::new(Period::year(2026)?, "1800亿元".parse()?).with_status(ObsStatus::Forecast);
    /// assert_eq!(p.status(), ObsStatus::Forecast);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[must_use]
    pub fn with_status(mut self, status: ObsStatus) -> Point {
        self.status = status;
        self
    }

    /// The same point with a source.
    ///
    /// ```
    /// use indstat::{Period, Point, Source};
    /// let p = Point::new(Period::year(2022)?, "1004亿元".parse()?).with_source(Source::new("article"));
    /// assert!(p.source().is_some());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[must_use]
    pub fn with_source(mut self, source: Source) -> Point {
        self.source = Some(source);
        self
    }

    /// The period.
    ///
    /// ```
    /// # use indstat::{Period, Point};
    /// assert_eq!(Point::new(Period::year(2022)?, "1%".parse()?).period().calendar_year(), 2022);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn period(&self) -> Period {
        self.period
    }

    /// The value.
    ///
    /// ```
    /// # use indstat::{Period, Point};
    /// assert!(Point::new(Period::year(2022)?, "1%".parse()?).value().bound().is_exact());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn value(&self) -> &Figure {
        &self.value
    }

    /// The status.
    ///
    /// ```
    /// # use indstat::{ObsStatus, Period, Point};
    /// assert_eq!(Point::new(Period::year(2022)?, "1%".parse()?).status(), ObsStatus::Normal);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn status(&self) -> ObsStatus {
        self.status
    }

    /// The source, if any.
    ///
    /// ```
    /// # use indstat::{Period, Point};
    /// assert!(Point::new(Period::year(2022)?, "1%".parse()?).source().is_none());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn source(&self) -> Option<&Source> {
        self.source.as_ref()
    }
}

/// One entity's indicator over time: sorted by period, one value per period,
/// all periods of one frequency, every value valid for the indicator.
///
/// Gaps are allowed and kept: a series never invents a value for a missing
/// period.
///
/// # Examples
///
/// ```
/// use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
///
/// let output = Indicator::new("gross_output", "工业总产值", "gross industrial output", Unit::YI_YUAN, Kind::Flow)?;
/// let mut s = Series::new(EntityId::new("rongchang_htz")?, output);
/// s.insert(Point::new(Period::year(2022)?, "1004亿元".parse()?))?;
/// s.insert(Point::new(Period::year(2020)?, "850亿元".parse()?))?;
/// assert_eq!(s.periods().map(|p| p.to_string()).collect::<Vec<_>>(), ["2020", "2022"]);
/// assert_eq!(s.latest().map(|p| p.value().to_string()), Some("1004亿元".to_owned()));
/// assert!(s.get(Period::year(2021)?).is_none());
///
/// // One value per period, one frequency.
/// assert!(s.insert(Point::new(Period::year(2022)?, "1005亿元".parse()?)).is_err());
/// assert!(s.insert(Point::new(Period::quarter(2023, 1)?, "250亿元".parse()?)).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "SeriesRaw"))]
pub struct Series {
    entity: EntityId,
    indicator: Indicator,
    points: Vec<Point>,
}

#[cfg(feature = "serde")]
crate::serde_str::read_through!(
    Series,
    SeriesRaw {
        entity: EntityId,
        indicator: Indicator,
        points: Vec<Point>,
    },
    |r| Series::from_points(r.entity, r.indicator, r.points)
);

impl Series {
    /// An empty series.
    ///
    /// ```
    /// # use indstat::{EntityId, Indicator, Kind, Series, Unit};
    /// let s = Series::new(EntityId::new("z")?, Indicator::new("x", "x", "x", Unit::PERCENT, Kind::Ratio)?);
    /// assert!(s.is_empty());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn new(entity: EntityId, indicator: Indicator) -> Series {
        Series {
            entity,
            indicator,
            points: Vec::new(),
        }
    }

    /// A series from points in any order.
    ///
    /// # Errors
    ///
    /// As [`insert`](Series::insert), for the first point that fails.
    ///
    /// ```
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("x", "x", "x", Unit::PERCENT, Kind::Ratio)?;
    /// let pts = vec![Point::new(Period::year(2022)?, "4.4%".parse()?), Point::new(Period::year(2021)?, "4.1%".parse()?)];
    /// let s = Series::from_points(EntityId::new("z")?, i.clone(), pts)?;
    /// assert_eq!(s.first().map(|p| p.period()), Some(Period::year(2021)?));
    ///
    /// let dup = vec![Point::new(Period::year(2022)?, "4.4%".parse()?), Point::new(Period::year(2022)?, "4.1%".parse()?)];
    /// assert!(Series::from_points(EntityId::new("z")?, i, dup).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn from_points(
        entity: EntityId,
        indicator: Indicator,
        points: impl IntoIterator<Item = Point>,
    ) -> Result<Series> {
        let mut s = Series::new(entity, indicator);
        for p in points {
            s.insert(p)?;
        }
        Ok(s)
    }

    /// A series from observations of one entity and indicator.
    ///
    /// # Errors
    ///
    /// [`Error::SeriesMismatch`] when observations differ in entity or
    /// indicator; otherwise as [`insert`](Series::insert). An empty input gives
    /// [`Error::Empty`], since there is no entity or indicator to take.
    ///
    /// ```
    /// use indstat::{datasets::rongchang, Series};
    /// let obs = rongchang::observations()?.into_iter().filter(|o| o.indicator().code().as_str() == "gross_output");
    /// let s = Series::from_observations(obs)?;
    /// assert_eq!(s.len(), 1);
    /// assert!(Series::from_observations(rongchang::observations()?).is_err());
    /// assert!(Series::from_observations([]).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn from_observations(
        observations: impl IntoIterator<Item = Observation>,
    ) -> Result<Series> {
        let mut iter = observations.into_iter();
        let first = iter.next().ok_or(Error::Empty {
            what: "the list of observations",
        })?;
        let mut s = Series::new(first.entity().clone(), first.indicator().clone());
        s.push(first)?;
        for o in iter {
            s.push(o)?;
        }
        Ok(s)
    }

    fn describe(&self) -> String {
        format!("{}/{}", self.entity, self.indicator.code())
    }

    /// Adds an observation of this series' entity and indicator.
    ///
    /// # Errors
    ///
    /// [`Error::SeriesMismatch`] for another entity or indicator; otherwise as
    /// [`insert`](Series::insert).
    ///
    /// ```
    /// # use indstat::{EntityId, Indicator, Kind, Observation, Period, Series, Unit};
    /// # let i = Indicator::new("x", "x", "x", Unit::PERCENT, Kind::Ratio)?;
    /// let mut s = Series::new(EntityId::new("a")?, i.clone());
    /// let other = Observation::new(EntityId::new("b")?, i, Period::year(2022)?, "1%".parse()?)?;
    /// assert!(s.push(other).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn push(&mut self, observation: Observation) -> Result<()> {
        if observation.entity() != &self.entity || observation.indicator() != &self.indicator {
            return Err(Error::SeriesMismatch {
                expected: self.describe(),
                found: format!(
                    "{}/{}",
                    observation.entity(),
                    observation.indicator().code()
                ),
            });
        }
        let mut p = Point::new(observation.period(), *observation.value())
            .with_status(observation.status());
        p.source = observation.source().cloned();
        self.insert(p)
    }

    /// Adds a point in its place.
    ///
    /// # Errors
    ///
    /// [`Error::DuplicatePeriod`] when the period is present,
    /// [`Error::FrequencyMismatch`] when its frequency differs from the
    /// series', and as [`Indicator::check`] for an impossible value.
    ///
    /// ```
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit, Noun};
    /// # let i = Indicator::new("firms", "企业", "enterprises", Unit::count(Noun::Enterprise), Kind::Stock)?;
    /// let mut s = Series::new(EntityId::new("z")?, i);
    /// s.insert(Point::new(Period::year(2022)?, "755家".parse()?))?;
    /// // Text and serde refuse a negative count; one built unchecked is refused here.
    /// let minus = indstat::Quantity::new(indstat::dec!(-3), Unit::count(Noun::Enterprise));
    /// assert!(s.insert(Point::new(Period::year(2021)?, minus.into())).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn insert(&mut self, point: Point) -> Result<()> {
        self.indicator.check(&point.value)?;
        if let Some(first) = self.points.first() {
            first.period.checked_cmp(&point.period)?;
        }
        match self
            .points
            .binary_search_by_key(&point.period.ordinal(), |p| p.period.ordinal())
        {
            Ok(_) => Err(Error::DuplicatePeriod {
                period: point.period,
                series: self.describe(),
            }),
            Err(at) => {
                self.points.insert(at, point);
                Ok(())
            }
        }
    }

    /// The entity.
    ///
    /// ```
    /// # use indstat::{EntityId, Indicator, Kind, Series, Unit};
    /// # let i = Indicator::new("x", "x", "x", Unit::PERCENT, Kind::Ratio)?;
    /// assert_eq!(Series::new(EntityId::new("z")?, i).entity().as_str(), "z");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn entity(&self) -> &EntityId {
        &self.entity
    }

    /// The indicator.
    ///
    /// ```
    /// # use indstat::{EntityId, Indicator, Kind, Series, Unit};
    /// # let i = Indicator::new("x", "x", "x", Unit::PERCENT, Kind::Ratio)?;
    /// assert_eq!(Series::new(EntityId::new("z")?, i).indicator().code().as_str(), "x");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn indicator(&self) -> &Indicator {
        &self.indicator
    }

    /// The frequency of its periods; `None` while empty.
    ///
    /// ```
    /// # use indstat::{EntityId, Indicator, Kind, Series, Unit};
    /// # let i = Indicator::new("x", "x", "x", Unit::PERCENT, Kind::Ratio)?;
    /// assert_eq!(Series::new(EntityId::new("z")?, i).frequency(), None);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn frequency(&self) -> Option<Frequency> {
        self.points.first().map(|p| p.period.frequency())
    }

    /// The number of points.
    ///
    /// ```
    /// # use indstat::{EntityId, Indicator, Kind, Series, Unit};
    /// # let i = Indicator::new("x", "x", "x", Unit::PERCENT, Kind::Ratio)?;
    /// assert_eq!(Series::new(EntityId::new("z")?, i).len(), 0);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.points.len()
    }

    /// Whether the series has no points.
    ///
    /// ```
    /// # use indstat::{EntityId, Indicator, Kind, Series, Unit};
    /// # let i = Indicator::new("x", "x", "x", Unit::PERCENT, Kind::Ratio)?;
    /// assert!(Series::new(EntityId::new("z")?, i).is_empty());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// The point for `period`, if present.
    ///
    /// ```
    /// # use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
    /// # let i = Indicator::new("x", "x", "x", Unit::PERCENT, Kind::Ratio)?;
    /// let s = Series::from_points(EntityId::new("z")?, i, [Point::new(Period::year(2022)?, "4.4%".parse()?)])?;
    /// assert!(s.get(Period::year(2022)?).is_some());
    /// assert!(s.get(Period::quarter(2022, 1)?).is_none());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn get(&self, period: Period) -> Option<&Point> {
        if self.frequency() != Some(period.frequency()) {
            return None;
        }
        self.points
            .binary_search_by_key(&period.ordinal(), |p| p.period.ordinal())
            .ok()
            .and_then(|i| self.points.get(i))
    }

    /// The earliest point.
    ///
    /// ```
    /// # use indstat::{EntityId, Indicator, Kind, Series, Unit};
    /// # let i = Indicator::new("x", "x", "x", Unit::PERCENT, Kind::Ratio)?;
    /// assert!(Series::new(EntityId::new("z")?, i).first().is_none());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn first(&self) -> Option<&Point> {
        self.points.first()
    }

    /// The latest point.
    ///
    /// ```
    /// # use indstat::{EntityId, Indicator, Kind, Series, Unit};
    /// # let i = Indicator::new("x", "x", "x", Unit::PERCENT, Kind::Ratio)?;
    /// assert!(Series::new(EntityId::new("z")?, i).latest().is_none());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn latest(&self) -> Option<&Point> {
        self.points.last()
    }

    /// The points in period order.
    ///
    /// ```
    /// # use indstat::{EntityId, Indicator, Kind, Series, Unit};
    /// # let i = Indicator::new("x", "x", "x", Unit::PERCENT, Kind::Ratio)?;
    /// assert_eq!(Series::new(EntityId::new("z")?, i).iter().count(), 0);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn iter(&self) -> core::slice::Iter<'_, Point> {
        self.points.iter()
    }

    /// The periods in order.
    ///
    /// ```
    /// # use indstat::{EntityId, Indicator, Kind, Series, Unit};
    /// # let i = Indicator::new("x", "x", "x", Unit::PERCENT, Kind::Ratio)?;
    /// assert_eq!(Series::new(EntityId::new("z")?, i).periods().count(), 0);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn periods(&self) -> impl Iterator<Item = Period> + '_ {
        self.points.iter().map(|p| p.period)
    }

    /// The points as a slice, in period order.
    ///
    /// ```
    /// # use indstat::{EntityId, Indicator, Kind, Series, Unit};
    /// # let i = Indicator::new("x", "x", "x", Unit::PERCENT, Kind::Ratio)?;
    /// assert!(Series::new(EntityId::new("z")?, i).points().is_empty());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn points(&self) -> &[Point] {
        &self.points
    }
}

impl<'a> IntoIterator for &'a Series {
    type Item = &'a Point;
    type IntoIter = core::slice::Iter<'a, Point>;
    fn into_iter(self) -> Self::IntoIter {
        self.points.iter()
    }
}
