//! Observations: one entity's value of one indicator for one period, with its
//! status and source.

use core::fmt;

use crate::{EntityId, Error, Figure, Indicator, Period, Result};

/// The status of an observation: SDMX `OBS_STATUS` (code list CL_OBS_STATUS).
///
/// Targets and projections are [`Forecast`](ObsStatus::Forecast), derived
/// estimates (an implied base) [`Estimated`](ObsStatus::Estimated), and a change
/// of scope a [`Break`](ObsStatus::Break) or
/// [`DefinitionDiffers`](ObsStatus::DefinitionDiffers).
///
/// # Examples
///
/// ```
/// use indstat::ObsStatus;
/// assert_eq!(ObsStatus::Estimated.code(), "E");
/// assert_eq!("P".parse::<ObsStatus>()?, ObsStatus::Provisional);
/// assert!("Z".parse::<ObsStatus>().is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[non_exhaustive]
pub enum ObsStatus {
    /// `A`: normal value.
    #[default]
    Normal,
    /// `B`: time-series break.
    Break,
    /// `D`: definition differs.
    DefinitionDiffers,
    /// `E`: estimated value.
    Estimated,
    /// `F`: forecast value.
    Forecast,
    /// `G`: experimental value.
    Experimental,
    /// `H`: missing value; holiday or weekend.
    MissingHoliday,
    /// `I`: imputed value (CCSA definition).
    Imputed,
    /// `J`: derogation.
    Derogation,
    /// `L`: missing value; data exist but were not collected.
    MissingNotCollected,
    /// `M`: missing value; data cannot exist.
    MissingCannotExist,
    /// `N`: not significant.
    NotSignificant,
    /// `O`: missing value.
    Missing,
    /// `P`: provisional value.
    Provisional,
    /// `Q`: missing value; suppressed.
    Suppressed,
    /// `S`: strike and other special events.
    Strike,
    /// `U`: low reliability.
    LowReliability,
    /// `V`: unvalidated value.
    Unvalidated,
}

impl ObsStatus {
    const ALL: [ObsStatus; 18] = [
        ObsStatus::Normal,
        ObsStatus::Break,
        ObsStatus::DefinitionDiffers,
        ObsStatus::Estimated,
        ObsStatus::Forecast,
        ObsStatus::Experimental,
        ObsStatus::MissingHoliday,
        ObsStatus::Imputed,
        ObsStatus::Derogation,
        ObsStatus::MissingNotCollected,
        ObsStatus::MissingCannotExist,
        ObsStatus::NotSignificant,
        ObsStatus::Missing,
        ObsStatus::Provisional,
        ObsStatus::Suppressed,
        ObsStatus::Strike,
        ObsStatus::LowReliability,
        ObsStatus::Unvalidated,
    ];

    /// The one-letter SDMX code.
    ///
    /// ```
    /// assert_eq!(indstat::ObsStatus::Forecast.code(), "F");
    /// ```
    pub const fn code(self) -> &'static str {
        match self {
            ObsStatus::Normal => "A",
            ObsStatus::Break => "B",
            ObsStatus::DefinitionDiffers => "D",
            ObsStatus::Estimated => "E",
            ObsStatus::Forecast => "F",
            ObsStatus::Experimental => "G",
            ObsStatus::MissingHoliday => "H",
            ObsStatus::Imputed => "I",
            ObsStatus::Derogation => "J",
            ObsStatus::MissingNotCollected => "L",
            ObsStatus::MissingCannotExist => "M",
            ObsStatus::NotSignificant => "N",
            ObsStatus::Missing => "O",
            ObsStatus::Provisional => "P",
            ObsStatus::Suppressed => "Q",
            ObsStatus::Strike => "S",
            ObsStatus::LowReliability => "U",
            ObsStatus::Unvalidated => "V",
        }
    }

    /// Whether the status marks a missing value (`H`, `L`, `M`, `O`, `Q`).
    ///
    /// ```
    /// assert!(indstat::ObsStatus::Suppressed.is_missing());
    /// assert!(!indstat::ObsStatus::Estimated.is_missing());
    /// ```
    pub const fn is_missing(self) -> bool {
        matches!(
            self,
            ObsStatus::MissingHoliday
                | ObsStatus::MissingNotCollected
                | ObsStatus::MissingCannotExist
                | ObsStatus::Missing
                | ObsStatus::Suppressed
        )
    }
}

impl fmt::Display for ObsStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl core::str::FromStr for ObsStatus {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        ObsStatus::ALL
            .into_iter()
            .find(|o| o.code() == s)
            .ok_or_else(|| {
                Error::parse(
                    s,
                    "an SDMX OBS_STATUS code",
                    "expected one of A B D E F G H I J L M N O P Q S U V",
                )
            })
    }
}

#[cfg(feature = "serde")]
crate::serde_str::via_str!(ObsStatus);

/// Where a number came from: a citation and, optionally, the phrase that
/// states it.
///
/// # Examples
///
/// ```
/// use indstat::Source;
/// let s = Source::new("The World and Chongqing, 2023").with_phrase("实现工业总产值1004亿元");
/// assert_eq!(s.phrase(), Some("实现工业总产值1004亿元"));
/// assert_eq!(s.to_string(), "The World and Chongqing, 2023: 实现工业总产值1004亿元");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Source {
    citation: String,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    phrase: Option<String>,
}

impl Source {
    /// A source with a citation.
    ///
    /// ```
    /// assert_eq!(indstat::Source::new("NBS").citation(), "NBS");
    /// ```
    pub fn new(citation: &str) -> Source {
        Source {
            citation: citation.to_owned(),
            phrase: None,
        }
    }

    /// The same source with the phrase that states the number.
    ///
    /// ```
    /// assert!(indstat::Source::new("NBS").with_phrase("同比增长8.5%").phrase().is_some());
    /// ```
    #[must_use]
    pub fn with_phrase(mut self, phrase: &str) -> Source {
        self.phrase = Some(phrase.to_owned());
        self
    }

    /// The citation.
    ///
    /// ```
    /// assert_eq!(indstat::Source::new("NBS").citation(), "NBS");
    /// ```
    pub fn citation(&self) -> &str {
        &self.citation
    }

    /// The phrase, if given.
    ///
    /// ```
    /// assert_eq!(indstat::Source::new("NBS").phrase(), None);
    /// ```
    pub fn phrase(&self) -> Option<&str> {
        self.phrase.as_deref()
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.phrase {
            Some(p) => write!(f, "{}: {p}", self.citation),
            None => f.write_str(&self.citation),
        }
    }
}

/// One entity's value of one indicator for one period, with its status and
/// source.
///
/// The constructor checks the value against the indicator
/// ([`Indicator::check`]): a negative count or an amount of money for a count
/// indicator is an error, also when deserialising.
///
/// # Examples
///
/// ```
/// use indstat::{EntityId, Indicator, Kind, Observation, ObsStatus, Period, Unit};
///
/// let output = Indicator::new("gross_output", "工业总产值", "gross industrial output", Unit::YI_YUAN, Kind::Flow)?;
/// let zone = EntityId::new("rongchang_htz")?;
/// let obs = Observation::new(zone.clone(), output.clone(), Period::year(2022)?, "1004亿元".parse()?)?;
/// assert_eq!(obs.value().to_string(), "1004亿元");
/// assert_eq!(obs.status(), ObsStatus::Normal);
///
/// assert!(Observation::new(zone, output, Period::year(2022)?, "755家".parse()?).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ObservationRaw"))]
pub struct Observation {
    entity: EntityId,
    indicator: Indicator,
    period: Period,
    value: Figure,
    status: ObsStatus,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    source: Option<Source>,
}

#[cfg(feature = "serde")]
crate::serde_str::read_through!(
    Observation,
    ObservationRaw {
        entity: EntityId,
        indicator: Indicator,
        period: Period,
        value: Figure,
        #[serde(default)]
        status: ObsStatus,
        #[serde(default)]
        source: Option<Source>,
    },
    |r| {
        let mut o =
            Observation::new(r.entity, r.indicator, r.period, r.value)?.with_status(r.status);
        o.source = r.source;
        Ok(o)
    }
);

impl Observation {
    /// An observation with status normal and no source.
    ///
    /// # Errors
    ///
    /// As [`Indicator::check`].
    ///
    /// ```
    /// # use indstat::{EntityId, Indicator, Kind, Observation, Period, Unit, Noun};
    /// let firms = Indicator::new("firms", "企业", "enterprises", Unit::count(Noun::Enterprise), Kind::Stock)?;
    /// let zone = EntityId::new("z")?;
    /// assert!(Observation::new(zone.clone(), firms.clone(), Period::year(2022)?, "755家".parse()?).is_ok());
    /// // Text and serde refuse a negative count; one built unchecked is refused here.
    /// let minus = indstat::Quantity::new(indstat::dec!(-1), Unit::count(Noun::Enterprise));
    /// assert!(Observation::new(zone, firms, Period::year(2022)?, minus.into()).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn new(
        entity: EntityId,
        indicator: Indicator,
        period: Period,
        value: Figure,
    ) -> Result<Observation> {
        indicator.check(&value)?;
        Ok(Observation {
            entity,
            indicator,
            period,
            value,
            status: ObsStatus::Normal,
            source: None,
        })
    }

    /// The same observation with another status.
    ///
    /// ```
    /// # use indstat::{EntityId, Indicator, Kind, Observation, ObsStatus, Period, Unit};
    /// # let i = Indicator::new("out", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// let o = Observation::new(EntityId::new("z")?, i, Period::year(2021)?, "925.35亿元".parse()?)?
    ///     .with_status(ObsStatus::Estimated);
    /// assert_eq!(o.status(), ObsStatus::Estimated);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[must_use]
    pub fn with_status(mut self, status: ObsStatus) -> Observation {
        self.status = status;
        self
    }

    /// The same observation with a source.
    ///
    /// ```
    /// # use indstat::{EntityId, Indicator, Kind, Observation, Period, Source, Unit};
    /// # let i = Indicator::new("out", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
    /// let o = Observation::new(EntityId::new("z")?, i, Period::year(2022)?, "1004亿元".parse()?)?
    ///     .with_source(Source::new("article"));
    /// assert_eq!(o.source().map(Source::citation), Some("article"));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[must_use]
    pub fn with_source(mut self, source: Source) -> Observation {
        self.source = Some(source);
        self
    }

    /// The entity.
    ///
    /// ```
    /// # let o = &indstat::datasets::rongchang::observations()?[0];
    /// assert_eq!(o.entity().as_str(), "rongchang_htz");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn entity(&self) -> &EntityId {
        &self.entity
    }

    /// The indicator.
    ///
    /// ```
    /// # let o = &indstat::datasets::rongchang::observations()?[0];
    /// assert_eq!(o.indicator().code().as_str(), "settled_enterprises");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn indicator(&self) -> &Indicator {
        &self.indicator
    }

    /// The period.
    ///
    /// ```
    /// # let o = &indstat::datasets::rongchang::observations()?[0];
    /// assert_eq!(o.period(), indstat::Period::year(2022)?);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn period(&self) -> Period {
        self.period
    }

    /// The value, exact or bounded.
    ///
    /// ```
    /// # let o = &indstat::datasets::rongchang::observations()?[0];
    /// assert_eq!(o.value().to_string(), "755家");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn value(&self) -> &Figure {
        &self.value
    }

    /// The status.
    ///
    /// ```
    /// # let o = &indstat::datasets::rongchang::observations()?[0];
    /// assert_eq!(o.status(), indstat::ObsStatus::Normal);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn status(&self) -> ObsStatus {
        self.status
    }

    /// The source, if given.
    ///
    /// ```
    /// # let o = &indstat::datasets::rongchang::observations()?[0];
    /// assert_eq!(o.source().and_then(|s| s.phrase()), Some("累计入驻工业企业755家"));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn source(&self) -> Option<&Source> {
        self.source.as_ref()
    }
}
