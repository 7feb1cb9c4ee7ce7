//! The methods of a composite index: normalisers, aggregators and the
//! coverage rule.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::aggregate::Aggregator;
use super::normalise::Normaliser;
use crate::{Error, IndicatorCode, Result};

/// The methods of a composite index: a default normaliser with overrides per
/// indicator, a default aggregator with overrides per level, and the
/// coverage rule: the minimum share of a node's weight an entity must have
/// present to get a score there (see [`Results`](super::Results) for how coverage is
/// counted).
///
/// # Examples
///
/// ```
/// use indstat::composite::{Aggregator, Normaliser, Spec};
/// use indstat::dec;
///
/// let spec = Spec::new(Normaliser::min_max(dec!(1), dec!(100))?, Aggregator::Arithmetic)
///     .with_level_aggregator(3, Aggregator::Geometric)
///     .with_min_coverage(dec!(0.5))?;
/// assert_eq!(spec.min_coverage(), dec!(0.5));
/// assert!(Spec::new(Normaliser::Rank, Aggregator::Arithmetic).with_min_coverage(dec!(1.5)).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    normaliser: Normaliser,
    per_indicator: BTreeMap<IndicatorCode, Normaliser>,
    aggregator: Aggregator,
    per_level: BTreeMap<u8, Aggregator>,
    min_coverage: Decimal,
}

impl Spec {
    /// Every indicator normalised by `normaliser`, every group aggregated by
    /// `aggregator`; minimum coverage 1/2 (an entity needs at least half of
    /// a node's weight present), changed with
    /// [`with_min_coverage`](Self::with_min_coverage).
    ///
    /// ```
    /// use indstat::composite::{Aggregator, Normaliser, Spec};
    /// let s = Spec::new(Normaliser::Rank, Aggregator::Arithmetic);
    /// assert_eq!(s.min_coverage().to_string(), "0.5");
    /// ```
    pub fn new(normaliser: Normaliser, aggregator: Aggregator) -> Spec {
        Spec {
            normaliser,
            per_indicator: BTreeMap::new(),
            aggregator,
            per_level: BTreeMap::new(),
            min_coverage: Decimal::new(5, 1),
        }
    }

    /// The same spec with `normaliser` for one indicator (goalposts and
    /// targets are per indicator).
    ///
    /// ```
    /// use indstat::composite::{Aggregator, Normaliser, Spec};
    /// let s = Spec::new(Normaliser::Rank, Aggregator::Arithmetic)
    ///     .with_normaliser("energy".parse()?, Normaliser::DistanceToMax);
    /// assert_eq!(s.normaliser_for(&"energy".parse()?), &Normaliser::DistanceToMax);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[must_use]
    pub fn with_normaliser(mut self, code: IndicatorCode, normaliser: Normaliser) -> Spec {
        self.per_indicator.insert(code, normaliser);
        self
    }

    /// The same spec with `aggregator` for the nodes of one level (2 = the
    /// groups just above the indicators).
    ///
    /// ```
    /// use indstat::composite::{Aggregator, Normaliser, Spec};
    /// let s = Spec::new(Normaliser::Rank, Aggregator::Arithmetic).with_level_aggregator(2, Aggregator::Copeland);
    /// assert_eq!(s.aggregator_for(2), Aggregator::Copeland);
    /// assert_eq!(s.aggregator_for(3), Aggregator::Arithmetic);
    /// ```
    #[must_use]
    pub fn with_level_aggregator(mut self, level: u8, aggregator: Aggregator) -> Spec {
        self.per_level.insert(level, aggregator);
        self
    }

    /// The same spec with a minimum coverage in (0, 1]: the share of a
    /// node's weight an entity must have present to get a score there. An
    /// entity below it at a node gets no score there (and so no rank, if
    /// the node is the root), and the log names it; above it, its score is
    /// re-weighted over the children present and the results carry its
    /// coverage ([`Results::coverage`](super::Results::coverage), [`Ranked::coverage`](super::Ranked::coverage)).
    ///
    /// Below the rule the entity is left out rather than ranked with a
    /// flag: a score re-weighted over a small part of the weight assumes
    /// that the missing indicators would score as the present ones do, and
    /// a rank among entities with complete data is read as a like-for-like
    /// comparison. The OECD/JRC practice is the same: units with too little
    /// data are screened out before aggregation (COINr's `Screen` with a
    /// data-availability threshold, 0.66 by default there).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] outside (0, 1].
    ///
    /// ```
    /// use indstat::composite::{Aggregator, Normaliser, Spec};
    /// let s = Spec::new(Normaliser::Rank, Aggregator::Arithmetic);
    /// assert!(s.clone().with_min_coverage(1.into()).is_ok());
    /// assert!(s.with_min_coverage(0.into()).is_err());
    /// ```
    pub fn with_min_coverage(mut self, share: Decimal) -> Result<Spec> {
        if share <= Decimal::ZERO || share > Decimal::ONE {
            return Err(Error::InvalidParameter {
                name: "minimum coverage",
                value: share.to_string(),
                reason: "a share of a node's weight in (0, 1]",
            });
        }
        self.min_coverage = share;
        Ok(self)
    }

    /// The same spec with `normaliser` as the default, the per-indicator
    /// normalisers kept (they are the user's choice for those indicators):
    /// used by the uncertainty analysis.
    #[must_use]
    pub(crate) fn with_default_normaliser(&self, normaliser: &Normaliser) -> Spec {
        Spec {
            normaliser: normaliser.clone(),
            ..self.clone()
        }
    }

    /// The same spec with `aggregator` as the default, the per-level
    /// aggregators kept: used by the uncertainty analysis.
    #[must_use]
    pub(crate) fn with_default_aggregator(&self, aggregator: Aggregator) -> Spec {
        Spec {
            aggregator,
            ..self.clone()
        }
    }

    /// The normaliser of an indicator.
    ///
    /// ```
    /// use indstat::composite::{Aggregator, Normaliser, Spec};
    /// let s = Spec::new(Normaliser::Rank, Aggregator::Arithmetic);
    /// assert_eq!(s.normaliser_for(&"x".parse()?), &Normaliser::Rank);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn normaliser_for(&self, code: &IndicatorCode) -> &Normaliser {
        self.per_indicator.get(code).unwrap_or(&self.normaliser)
    }

    /// The aggregator of a level.
    ///
    /// ```
    /// use indstat::composite::{Aggregator, Normaliser, Spec};
    /// assert_eq!(Spec::new(Normaliser::Rank, Aggregator::Harmonic).aggregator_for(2), Aggregator::Harmonic);
    /// ```
    pub fn aggregator_for(&self, level: u8) -> Aggregator {
        self.per_level
            .get(&level)
            .copied()
            .unwrap_or(self.aggregator)
    }

    /// The minimum coverage.
    ///
    /// ```
    /// use indstat::composite::{Aggregator, Normaliser, Spec};
    /// assert_eq!(Spec::new(Normaliser::Rank, Aggregator::Arithmetic).min_coverage().to_string(), "0.5");
    /// ```
    pub fn min_coverage(&self) -> Decimal {
        self.min_coverage
    }
}
