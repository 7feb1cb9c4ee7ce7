//! Rank uncertainty by seeded Monte Carlo.

use rust_decimal::Decimal;

use super::aggregate::Aggregator;
use super::compute::{Composite, Normalised, compute_with, normalise_leaves, scale_weight};
use super::data::Data;
use super::normalise::Normaliser;
use super::rng::SplitMix64;
use crate::exact::checked::{add, mul, sub};
use crate::rank::{QuantileMethod, quantile_sorted};
use crate::{EntityId, Error, IndicatorCode, Result};

/// The assumptions varied by [`Composite::uncertainty`]: every weight is
/// multiplied by a factor drawn uniformly from `[1 − noise, 1 + noise]` (COINr
/// `get_noisy_weights`), and optionally the default normaliser and the
/// default aggregator of the [`Spec`](super::Spec) are drawn from lists of
/// alternatives. The spec's per-indicator normalisers and per-level
/// aggregators are the user's choices for those indicators and levels and
/// are kept in every run: an alternative replaces the default only where
/// the spec has no choice of its own.
///
/// # Examples
///
/// ```
/// use indstat::composite::{Aggregator, Uncertainty};
/// use indstat::dec;
/// let u = Uncertainty::new(500, 20250101)?
///     .with_weight_noise(dec!(0.25))?
///     .with_aggregators(vec![Aggregator::Arithmetic, Aggregator::Geometric]);
/// assert_eq!(u.runs(), 500);
/// assert!(Uncertainty::new(0, 1).is_err());
/// assert!(Uncertainty::new(10, 1)?.with_weight_noise(dec!(1)).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uncertainty {
    runs: u32,
    seed: u64,
    weight_noise: Decimal,
    normalisers: Vec<Normaliser>,
    aggregators: Vec<Aggregator>,
}

impl Uncertainty {
    /// `runs` Monte Carlo runs from `seed`, weight noise 0.25 by default.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] for zero runs.
    ///
    /// ```
    /// assert_eq!(indstat::composite::Uncertainty::new(100, 7)?.seed(), 7);
    /// assert!(indstat::composite::Uncertainty::new(0, 7).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn new(runs: u32, seed: u64) -> Result<Uncertainty> {
        if runs == 0 {
            return Err(Error::InvalidParameter {
                name: "runs",
                value: "0".to_owned(),
                reason: "at least one Monte Carlo run",
            });
        }
        Ok(Uncertainty {
            runs,
            seed,
            weight_noise: Decimal::new(25, 2),
            normalisers: Vec::new(),
            aggregators: Vec::new(),
        })
    }

    /// Weight noise as a fraction in [0, 1).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] outside [0, 1).
    ///
    /// ```
    /// use indstat::dec;
    /// let u = indstat::composite::Uncertainty::new(10, 1)?;
    /// assert!(u.clone().with_weight_noise(dec!(0))?.weight_noise().is_zero());
    /// assert!(u.with_weight_noise(dec!(-0.1)).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn with_weight_noise(mut self, noise: Decimal) -> Result<Uncertainty> {
        if noise < Decimal::ZERO || noise >= Decimal::ONE {
            return Err(Error::InvalidParameter {
                name: "weight noise",
                value: noise.to_string(),
                reason: "a fraction in [0, 1), so every weight stays positive",
            });
        }
        self.weight_noise = noise;
        Ok(self)
    }

    /// Alternative default normalisers, one drawn per run (empty: the
    /// spec's own). Indicators with a normaliser of their own
    /// ([`Spec::with_normaliser`](super::Spec::with_normaliser)) keep it.
    ///
    /// ```
    /// use indstat::composite::{Normaliser, Uncertainty};
    /// let u = Uncertainty::new(10, 1)?.with_normalisers(vec![Normaliser::Rank, Normaliser::DistanceToMax]);
    /// assert_eq!(u.normalisers().len(), 2);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[must_use]
    pub fn with_normalisers(mut self, normalisers: Vec<Normaliser>) -> Uncertainty {
        self.normalisers = normalisers;
        self
    }

    /// Alternative default aggregators, one drawn per run (empty: the
    /// spec's own). Levels with an aggregator of their own
    /// ([`Spec::with_level_aggregator`](super::Spec::with_level_aggregator))
    /// keep it.
    ///
    /// ```
    /// use indstat::composite::{Aggregator, Uncertainty};
    /// let u = Uncertainty::new(10, 1)?.with_aggregators(vec![Aggregator::Harmonic]);
    /// assert_eq!(u.aggregators(), &[Aggregator::Harmonic]);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[must_use]
    pub fn with_aggregators(mut self, aggregators: Vec<Aggregator>) -> Uncertainty {
        self.aggregators = aggregators;
        self
    }

    /// The number of runs.
    ///
    /// ```
    /// assert_eq!(indstat::composite::Uncertainty::new(9, 1)?.runs(), 9);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn runs(&self) -> u32 {
        self.runs
    }

    /// The seed.
    ///
    /// ```
    /// assert_eq!(indstat::composite::Uncertainty::new(9, 1)?.seed(), 1);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The weight noise.
    ///
    /// ```
    /// assert_eq!(indstat::composite::Uncertainty::new(9, 1)?.weight_noise().to_string(), "0.25");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn weight_noise(&self) -> Decimal {
        self.weight_noise
    }

    /// The alternative normalisers.
    ///
    /// ```
    /// assert!(indstat::composite::Uncertainty::new(9, 1)?.normalisers().is_empty());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn normalisers(&self) -> &[Normaliser] {
        &self.normalisers
    }

    /// The alternative aggregators.
    ///
    /// ```
    /// assert!(indstat::composite::Uncertainty::new(9, 1)?.aggregators().is_empty());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn aggregators(&self) -> &[Aggregator] {
        &self.aggregators
    }
}

/// The parameters one Monte Carlo run used (COINr issue #31: return them).
///
/// ```
/// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
/// # let [a, b] = ["a", "b"].map(|s| EntityId::new(s).unwrap());
/// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?, Node::new("y", Some("i"), dec!(1))?])?;
/// # let data = Data::new([a.clone(), b.clone()])?
/// #     .with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b.clone(), Some(dec!(2)))])?
/// #     .with_indicator("y".parse()?, [(a.clone(), Some(dec!(2))), (b.clone(), Some(dec!(1)))])?;
/// let index = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic));
/// let u = index.uncertainty(&data, &Uncertainty::new(3, 1)?)?;
/// assert_eq!(u.runs().len(), 3);
/// assert_eq!(u.runs()[0].weights().len(), 2); // x and y (the root's weight is not used)
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunParameters {
    weights: Vec<(IndicatorCode, Decimal)>,
    normaliser: Option<Normaliser>,
    aggregator: Option<Aggregator>,
    excluded: Option<Error>,
}

impl RunParameters {
    /// The nominal weights used, by node.
    ///
    /// See [`RunParameters`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let [a, b] = ["a", "b"].map(|s| EntityId::new(s).unwrap());
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?, Node::new("y", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?
    /// #     .with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b.clone(), Some(dec!(3)))])?
    /// #     .with_indicator("y".parse()?, [(a.clone(), Some(dec!(2))), (b.clone(), Some(dec!(4)))])?;
    /// let index = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic));
    /// let u = index.uncertainty(&data, &Uncertainty::new(5, 1)?)?;
    /// assert_eq!(u.runs()[0].weights().len(), 2);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn weights(&self) -> &[(IndicatorCode, Decimal)] {
        &self.weights
    }

    /// The normaliser drawn, if alternatives were given.
    ///
    /// See [`RunParameters`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let [a, b] = ["a", "b"].map(|s| EntityId::new(s).unwrap());
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?, Node::new("y", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?
    /// #     .with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b.clone(), Some(dec!(3)))])?
    /// #     .with_indicator("y".parse()?, [(a.clone(), Some(dec!(2))), (b.clone(), Some(dec!(4)))])?;
    /// let index = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic));
    /// let u = index.uncertainty(&data, &Uncertainty::new(5, 1)?)?;
    /// assert!(u.runs()[0].normaliser().is_none()); // no alternatives given
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn normaliser(&self) -> Option<&Normaliser> {
        self.normaliser.as_ref()
    }

    /// The aggregator drawn, if alternatives were given.
    ///
    /// See [`RunParameters`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let [a, b] = ["a", "b"].map(|s| EntityId::new(s).unwrap());
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?, Node::new("y", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?
    /// #     .with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b.clone(), Some(dec!(3)))])?
    /// #     .with_indicator("y".parse()?, [(a.clone(), Some(dec!(2))), (b.clone(), Some(dec!(4)))])?;
    /// let index = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic));
    /// let u = index.uncertainty(&data, &Uncertainty::new(5, 1)?)?;
    /// assert!(u.runs()[0].aggregator().is_none());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn aggregator(&self) -> Option<Aggregator> {
        self.aggregator
    }

    /// Why the run was left out of the intervals: the error its combination
    /// of methods gave (a z-score's negative values in a geometric mean, a
    /// normaliser that cannot apply to an indicator); `None` for a run that
    /// counted.
    ///
    /// See [`UncertaintyResult::excluded`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let [a, b, c] = ["a", "b", "c"].map(|s| EntityId::new(s).unwrap());
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?, Node::new("y", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone(), c.clone()])?
    /// #     .with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b.clone(), Some(dec!(3))), (c.clone(), Some(dec!(2)))])?
    /// #     .with_indicator("y".parse()?, [(a.clone(), Some(dec!(2))), (b.clone(), Some(dec!(4))), (c.clone(), Some(dec!(9)))])?;
    /// let index = Composite::new(tree, Spec::new(Normaliser::min_max(dec!(1), dec!(100))?, Aggregator::Arithmetic));
    /// // A z-score is negative below the mean: a geometric mean cannot take it.
    /// let zscore = Normaliser::ZScore { mean: dec!(0), sd: dec!(1) };
    /// let settings = Uncertainty::new(1, 1)?.with_normalisers(vec![zscore]).with_aggregators(vec![Aggregator::Geometric]);
    /// let u = index.uncertainty(&data, &settings)?;
    /// assert!(matches!(u.runs()[0].excluded(), Some(indstat::Error::AggregationDomain { .. })));
    /// // The nominal methods are valid: no run left out.
    /// let u = index.uncertainty(&data, &Uncertainty::new(1, 1)?)?;
    /// assert_eq!(u.runs()[0].excluded(), None);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn excluded(&self) -> Option<&Error> {
        self.excluded.as_ref()
    }
}

/// One entity's rank under uncertainty: the nominal rank, the median, and
/// the 5th and 95th percentiles of its rank over the runs (type-7
/// quantiles), over the runs in which it was ranked.
///
/// See [`Composite::uncertainty`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RankInterval {
    entity: EntityId,
    nominal: Option<u32>,
    median: Option<Decimal>,
    q05: Option<Decimal>,
    q95: Option<Decimal>,
    ranked_runs: u32,
}

impl RankInterval {
    /// The entity.
    ///
    /// See [`Composite::uncertainty`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let [a, b] = ["a", "b"].map(|s| EntityId::new(s).unwrap());
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?, Node::new("y", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?
    /// #     .with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b.clone(), Some(dec!(3)))])?
    /// #     .with_indicator("y".parse()?, [(a.clone(), Some(dec!(2))), (b.clone(), Some(dec!(4)))])?;
    /// let index = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic));
    /// let u = index.uncertainty(&data, &Uncertainty::new(5, 1)?)?;
    /// assert_eq!(u.intervals()[0].entity(), &a);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn entity(&self) -> &EntityId {
        &self.entity
    }

    /// The rank under the nominal weights and methods.
    ///
    /// See [`Composite::uncertainty`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let [a, b] = ["a", "b"].map(|s| EntityId::new(s).unwrap());
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?, Node::new("y", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?
    /// #     .with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b.clone(), Some(dec!(3)))])?
    /// #     .with_indicator("y".parse()?, [(a.clone(), Some(dec!(2))), (b.clone(), Some(dec!(4)))])?;
    /// let index = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic));
    /// let u = index.uncertainty(&data, &Uncertainty::new(5, 1)?)?;
    /// assert_eq!(u.interval(&b)?.nominal(), Some(1)); // b leads on both indicators
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn nominal(&self) -> Option<u32> {
        self.nominal
    }

    /// The median rank over the runs.
    ///
    /// See [`Composite::uncertainty`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let [a, b] = ["a", "b"].map(|s| EntityId::new(s).unwrap());
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?, Node::new("y", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?
    /// #     .with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b.clone(), Some(dec!(3)))])?
    /// #     .with_indicator("y".parse()?, [(a.clone(), Some(dec!(2))), (b.clone(), Some(dec!(4)))])?;
    /// let index = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic));
    /// let u = index.uncertainty(&data, &Uncertainty::new(5, 1)?)?;
    /// assert_eq!(u.interval(&b)?.median(), Some(dec!(1)));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn median(&self) -> Option<Decimal> {
        self.median
    }

    /// The 5th percentile of the rank (the better end).
    ///
    /// See [`Composite::uncertainty`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let [a, b] = ["a", "b"].map(|s| EntityId::new(s).unwrap());
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?, Node::new("y", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?
    /// #     .with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b.clone(), Some(dec!(3)))])?
    /// #     .with_indicator("y".parse()?, [(a.clone(), Some(dec!(2))), (b.clone(), Some(dec!(4)))])?;
    /// let index = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic));
    /// let u = index.uncertainty(&data, &Uncertainty::new(5, 1)?)?;
    /// assert_eq!(u.interval(&a)?.q05(), Some(dec!(2)));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn q05(&self) -> Option<Decimal> {
        self.q05
    }

    /// The 95th percentile of the rank (the worse end).
    ///
    /// See [`Composite::uncertainty`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let [a, b] = ["a", "b"].map(|s| EntityId::new(s).unwrap());
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?, Node::new("y", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?
    /// #     .with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b.clone(), Some(dec!(3)))])?
    /// #     .with_indicator("y".parse()?, [(a.clone(), Some(dec!(2))), (b.clone(), Some(dec!(4)))])?;
    /// let index = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic));
    /// let u = index.uncertainty(&data, &Uncertainty::new(5, 1)?)?;
    /// assert_eq!(u.interval(&a)?.q95(), Some(dec!(2)));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn q95(&self) -> Option<Decimal> {
        self.q95
    }

    /// In how many runs the entity had a rank.
    ///
    /// See [`Composite::uncertainty`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let [a, b] = ["a", "b"].map(|s| EntityId::new(s).unwrap());
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?, Node::new("y", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?
    /// #     .with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b.clone(), Some(dec!(3)))])?
    /// #     .with_indicator("y".parse()?, [(a.clone(), Some(dec!(2))), (b.clone(), Some(dec!(4)))])?;
    /// let index = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic));
    /// let u = index.uncertainty(&data, &Uncertainty::new(5, 1)?)?;
    /// assert_eq!(u.interval(&a)?.ranked_runs(), 5);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn ranked_runs(&self) -> u32 {
        self.ranked_runs
    }
}

/// The result of [`Composite::uncertainty`]: an interval per entity and the
/// parameters of every run.
///
/// See [`Composite::uncertainty`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UncertaintyResult {
    intervals: Vec<RankInterval>,
    runs: Vec<RunParameters>,
}

impl UncertaintyResult {
    /// The intervals, in the data's entity order.
    ///
    /// See [`Composite::uncertainty`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let [a, b] = ["a", "b"].map(|s| EntityId::new(s).unwrap());
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?, Node::new("y", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?
    /// #     .with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b.clone(), Some(dec!(3)))])?
    /// #     .with_indicator("y".parse()?, [(a.clone(), Some(dec!(2))), (b.clone(), Some(dec!(4)))])?;
    /// let index = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic));
    /// let u = index.uncertainty(&data, &Uncertainty::new(5, 1)?)?;
    /// assert_eq!(u.intervals().len(), 2);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn intervals(&self) -> &[RankInterval] {
        &self.intervals
    }

    /// The interval of one entity.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownEntity`].
    ///
    /// See [`Composite::uncertainty`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let [a, b] = ["a", "b"].map(|s| EntityId::new(s).unwrap());
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?, Node::new("y", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?
    /// #     .with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b.clone(), Some(dec!(3)))])?
    /// #     .with_indicator("y".parse()?, [(a.clone(), Some(dec!(2))), (b.clone(), Some(dec!(4)))])?;
    /// let index = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic));
    /// let u = index.uncertainty(&data, &Uncertainty::new(5, 1)?)?;
    /// assert!(u.interval(&a).is_ok());
    /// assert!(u.interval(&EntityId::new("zz")?).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn interval(&self, entity: &EntityId) -> Result<&RankInterval> {
        self.intervals
            .iter()
            .find(|i| &i.entity == entity)
            .ok_or_else(|| Error::UnknownEntity {
                entity: entity.to_string(),
            })
    }

    /// The parameters of every run, in order.
    ///
    /// See [`RunParameters`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let [a, b] = ["a", "b"].map(|s| EntityId::new(s).unwrap());
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?, Node::new("y", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?
    /// #     .with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b.clone(), Some(dec!(3)))])?
    /// #     .with_indicator("y".parse()?, [(a.clone(), Some(dec!(2))), (b.clone(), Some(dec!(4)))])?;
    /// let index = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic));
    /// let u = index.uncertainty(&data, &Uncertainty::new(5, 1)?)?;
    /// assert_eq!(u.runs().len(), 5);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn runs(&self) -> &[RunParameters] {
        &self.runs
    }

    /// How many runs were left out because their combination of methods
    /// could not be computed (each run's reason is
    /// [`RunParameters::excluded`]). The intervals are over the other runs.
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let [a, b, c] = ["a", "b", "c"].map(|s| EntityId::new(s).unwrap());
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?, Node::new("y", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone(), c.clone()])?
    /// #     .with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b.clone(), Some(dec!(3))), (c.clone(), Some(dec!(2)))])?
    /// #     .with_indicator("y".parse()?, [(a.clone(), Some(dec!(2))), (b.clone(), Some(dec!(4))), (c.clone(), Some(dec!(9)))])?;
    /// let index = Composite::new(tree, Spec::new(Normaliser::min_max(dec!(1), dec!(100))?, Aggregator::Arithmetic));
    /// let zscore = Normaliser::ZScore { mean: dec!(0), sd: dec!(1) };
    /// let settings = Uncertainty::new(50, 7)?
    ///     .with_normalisers(vec![Normaliser::min_max(dec!(1), dec!(100))?, zscore])
    ///     .with_aggregators(vec![Aggregator::Arithmetic, Aggregator::Geometric]);
    /// let u = index.uncertainty(&data, &settings)?;
    /// // About a quarter of the runs draw z-scores and a geometric mean.
    /// assert!(u.excluded() > 0 && u.excluded() < 50);
    /// assert_eq!(u.intervals()[0].ranked_runs(), 50 - u.excluded());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn excluded(&self) -> u32 {
        let n = self.runs.iter().filter(|r| r.excluded.is_some()).count();
        u32::try_from(n).unwrap_or(u32::MAX)
    }
}

impl Composite {
    /// Rank uncertainty by seeded Monte Carlo (Saisana, Saltelli and Tarantola
    /// 2005): in each run every weight below the root is multiplied by a
    /// factor uniform in `[1 − noise, 1 + noise]`, and a normaliser and an
    /// aggregator are drawn from the alternatives if given; the index is
    /// recomputed and ranked. Each entity gets its median rank and 5th–95th
    /// percentile interval. The same seed gives the same result.
    ///
    /// A run whose combination of methods cannot be computed (z-scores, which
    /// are negative below the mean, drawn with a geometric mean) is left out
    /// of the intervals and counted ([`UncertaintyResult::excluded`]), with
    /// its error kept in [`RunParameters::excluded`]. With zero weight noise
    /// and no alternatives other than the spec's own methods, every run is
    /// the nominal index and every interval is the nominal rank.
    ///
    /// # Errors
    ///
    /// As [`Composite::compute`] for the nominal index, which must compute.
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::composite::*;
    /// use indstat::EntityId;
    /// use indstat::dec;
    ///
    /// let zones = ["a", "b", "c"].map(|s| EntityId::new(s).unwrap());
    /// let tree = Tree::new(vec![
    ///     Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?, Node::new("y", Some("i"), dec!(1))?,
    /// ])?;
    /// let col = |v: [i64; 3]| zones.iter().cloned().zip(v.map(|x| Some(x.into()))).collect::<Vec<_>>();
    /// let data = Data::new(zones.clone())?
    ///     .with_indicator("x".parse()?, col([10, 0, 6]))?
    ///     .with_indicator("y".parse()?, col([0, 10, 5]))?;
    /// let index = Composite::new(tree, Spec::new(Normaliser::min_max(dec!(0), dec!(1))?, Aggregator::Arithmetic));
    /// let u = index.uncertainty(&data, &Uncertainty::new(200, 42)?.with_weight_noise(dec!(0.5))?)?;
    /// let c = u.interval(&zones[2])?;
    /// assert_eq!(c.nominal(), Some(1));
    /// assert!(c.q95() >= c.median() && c.median() >= c.q05());
    /// // Same seed, same answer.
    /// assert_eq!(u, index.uncertainty(&data, &Uncertainty::new(200, 42)?.with_weight_noise(dec!(0.5))?)?);
    /// assert!(u.interval(&EntityId::new("zz")?).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn uncertainty(&self, data: &Data, settings: &Uncertainty) -> Result<UncertaintyResult> {
        let nominal = self.compute(data)?;
        let tree = self.tree();
        let specs: Vec<super::Spec> = if settings.normalisers.is_empty() {
            vec![self.spec().clone()]
        } else {
            settings
                .normalisers
                .iter()
                .map(|n| self.spec().with_default_normaliser(n))
                .collect()
        };
        // An alternative that cannot normalise the data leaves out the runs
        // that draw it.
        let caches: Vec<Result<Normalised>> = specs
            .iter()
            .map(|spec| normalise_leaves(tree, spec, data))
            .collect();
        let mut rng = SplitMix64::new(settings.seed);
        let n = data.entities().len();
        let mut samples: Vec<Vec<Decimal>> = vec![Vec::new(); n];
        let mut runs = Vec::new();
        let root = tree.root();
        for _ in 0..settings.runs {
            let mut weights = Vec::new();
            for (i, node) in tree.nodes().iter().enumerate() {
                if i == root {
                    continue;
                }
                let u = rng.next_unit();
                // factor = 1 + noise·(2u − 1), in [1 − noise, 1 + noise).
                let factor = add(
                    Decimal::ONE,
                    mul(
                        settings.weight_noise,
                        sub(mul(Decimal::TWO, u)?, Decimal::ONE)?,
                    )?,
                )?;
                weights.push((node.code().clone(), scale_weight(node.weight(), factor)?));
            }
            let run_tree = tree.with_weights(&weights)?;
            let (k, normaliser) = if settings.normalisers.is_empty() {
                (0, None)
            } else {
                let k = rng.next_below(settings.normalisers.len());
                (k, settings.normalisers.get(k).cloned())
            };
            let aggregator = if settings.aggregators.is_empty() {
                None
            } else {
                settings
                    .aggregators
                    .get(rng.next_below(settings.aggregators.len()))
                    .copied()
            };
            let spec = specs.get(k).unwrap_or(self.spec());
            let spec = match aggregator {
                Some(a) => spec.with_default_aggregator(a),
                None => spec.clone(),
            };
            let results = match caches.get(k) {
                Some(Ok(cache)) => compute_with(&run_tree, &spec, data, Some(cache)),
                Some(Err(e)) => Err(e.clone()),
                None => compute_with(&run_tree, &spec, data, None),
            };
            let excluded = match results {
                Ok(results) => {
                    for (sample, r) in samples.iter_mut().zip(results.ranks()) {
                        if let Some(r) = r {
                            sample.push(Decimal::from(*r));
                        }
                    }
                    None
                }
                Err(e) => Some(e),
            };
            runs.push(RunParameters {
                weights,
                normaliser,
                aggregator,
                excluded,
            });
        }
        let q = |s: &[Decimal], p: Decimal| -> Result<Option<Decimal>> {
            if s.is_empty() {
                Ok(None)
            } else {
                quantile_sorted(s, p, QuantileMethod::Linear).map(Some)
            }
        };
        let mut intervals = Vec::with_capacity(n);
        for ((entity, mut sample), nominal_rank) in
            data.entities().iter().zip(samples).zip(nominal.ranks())
        {
            sample.sort_unstable();
            intervals.push(RankInterval {
                entity: entity.clone(),
                nominal: *nominal_rank,
                median: q(&sample, Decimal::new(5, 1))?,
                q05: q(&sample, Decimal::new(5, 2))?,
                q95: q(&sample, Decimal::new(95, 2))?,
                ranked_runs: u32::try_from(sample.len()).unwrap_or(u32::MAX),
            });
        }
        Ok(UncertaintyResult { intervals, runs })
    }
}
