//! Data, the specification of a composite index, its computation, results
//! and log.

use core::fmt;
use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::aggregate::{Aggregator, Group, aggregate};
use super::normalise::{Normaliser, normalise};
use super::results::Results;
use super::tree::Tree;
use crate::entity::EntityIndex;
use crate::exact::checked::{div, mul};
use crate::rank::{Missing, Order, Ties, rank};
use crate::{EntityId, Error, IndicatorCode, Result};

/// Raw indicator values for a set of entities, keyed by entity and indicator
/// code (never by position). An entity without a value for an indicator is
/// missing there.
///
/// # Examples
///
/// ```
/// use indstat::composite::Data;
/// use indstat::EntityId;
/// use indstat::dec;
///
/// let (a, b) = (EntityId::new("a")?, EntityId::new("b")?);
/// let data = Data::new([a.clone(), b.clone()])?
///     .with_indicator("patents".parse()?, [(a.clone(), Some(dec!(12))), (b.clone(), None)])?;
/// assert_eq!(data.value(&a, &"patents".parse()?)?, Some(dec!(12)));
/// assert_eq!(data.value(&b, &"patents".parse()?)?, None);
/// // An entity that is not in the data set is an error, not a new row.
/// let z = EntityId::new("z")?;
/// assert!(data.clone().with_indicator("rd".parse()?, [(z, Some(dec!(1)))]).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Data {
    entities: Vec<EntityId>,
    index: EntityIndex,
    columns: BTreeMap<IndicatorCode, Vec<Option<Decimal>>>,
}

impl Data {
    /// A data set for `entities`, with no indicators yet.
    ///
    /// # Errors
    ///
    /// [`Error::Empty`] for no entities; [`Error::DuplicateEntity`].
    ///
    /// ```
    /// use indstat::{composite::Data, EntityId};
    /// assert_eq!(Data::new([EntityId::new("a")?])?.entities().len(), 1);
    /// assert!(Data::new([]).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn new(entities: impl IntoIterator<Item = EntityId>) -> Result<Data> {
        let entities: Vec<EntityId> = entities.into_iter().collect();
        if entities.is_empty() {
            return Err(Error::Empty {
                what: "the data set",
            });
        }
        let index = EntityIndex::new(&entities)?;
        Ok(Data {
            entities,
            index,
            columns: BTreeMap::new(),
        })
    }

    /// Adds an indicator's values, keyed by entity; entities not listed are
    /// missing.
    ///
    /// # Errors
    ///
    /// [`Error::DuplicateCode`] if the indicator is already there;
    /// [`Error::UnknownEntity`]; [`Error::DuplicateEntity`] for an entity
    /// listed twice.
    ///
    /// ```
    /// use indstat::{composite::Data, EntityId};
    /// let a = EntityId::new("a")?;
    /// let d = Data::new([a.clone()])?.with_indicator("x".parse()?, [(a.clone(), Some(1.into()))])?;
    /// assert!(d.with_indicator("x".parse()?, [(a, None)]).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn with_indicator(
        mut self,
        code: IndicatorCode,
        values: impl IntoIterator<Item = (EntityId, Option<Decimal>)>,
    ) -> Result<Data> {
        if self.columns.contains_key(&code) {
            return Err(Error::DuplicateCode {
                code: code.to_string(),
            });
        }
        let mut column = vec![None; self.entities.len()];
        let mut seen = vec![false; self.entities.len()];
        for (entity, value) in values {
            let i = self.position(&entity)?;
            if seen.get(i).copied().unwrap_or(false) {
                return Err(Error::DuplicateEntity {
                    entity: entity.to_string(),
                });
            }
            if let (Some(slot), Some(s)) = (column.get_mut(i), seen.get_mut(i)) {
                *slot = value;
                *s = true;
            }
        }
        self.columns.insert(code, column);
        Ok(self)
    }

    fn position(&self, entity: &EntityId) -> Result<usize> {
        self.index.position(entity)
    }

    /// The entities, in the order given.
    ///
    /// ```
    /// use indstat::{composite::Data, EntityId};
    /// assert_eq!(Data::new([EntityId::new("a")?])?.entities()[0].as_str(), "a");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn entities(&self) -> &[EntityId] {
        &self.entities
    }

    /// One value.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownEntity`], [`Error::UnknownCode`].
    ///
    /// ```
    /// use indstat::{composite::Data, EntityId};
    /// let a = EntityId::new("a")?;
    /// let d = Data::new([a.clone()])?;
    /// assert!(d.value(&a, &"x".parse()?).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn value(&self, entity: &EntityId, code: &IndicatorCode) -> Result<Option<Decimal>> {
        let i = self.position(entity)?;
        Ok(self.column(code)?.get(i).copied().flatten())
    }

    /// Replaces one value (for what-if analysis).
    ///
    /// # Errors
    ///
    /// [`Error::UnknownEntity`], [`Error::UnknownCode`].
    ///
    /// ```
    /// use indstat::{composite::Data, EntityId};
    /// let a = EntityId::new("a")?;
    /// let mut d = Data::new([a.clone()])?.with_indicator("x".parse()?, [(a.clone(), None)])?;
    /// d.set(&a, &"x".parse()?, Some(5.into()))?;
    /// assert_eq!(d.value(&a, &"x".parse()?)?, Some(5.into()));
    /// assert!(d.set(&a, &"y".parse()?, None).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn set(
        &mut self,
        entity: &EntityId,
        code: &IndicatorCode,
        value: Option<Decimal>,
    ) -> Result<()> {
        let i = self.position(entity)?;
        let column = self
            .columns
            .get_mut(code)
            .ok_or_else(|| Error::UnknownCode {
                code: code.to_string(),
                context: "the data set".to_owned(),
            })?;
        if let Some(slot) = column.get_mut(i) {
            *slot = value;
        }
        Ok(())
    }

    pub(crate) fn column(&self, code: &IndicatorCode) -> Result<&[Option<Decimal>]> {
        self.columns
            .get(code)
            .map(Vec::as_slice)
            .ok_or_else(|| Error::UnknownCode {
                code: code.to_string(),
                context: "the data set".to_owned(),
            })
    }

    pub(crate) fn codes(&self) -> impl Iterator<Item = &IndicatorCode> + '_ {
        self.columns.keys()
    }
}

/// The methods of a composite index: a default normaliser with overrides per
/// indicator, a default aggregator with overrides per level, and the
/// coverage rule: the minimum share of a node's weight an entity must have
/// present to get a score there (see [`Results`] for how coverage is
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
    /// coverage ([`Results::coverage`], [`Ranked::coverage`](super::Ranked::coverage)).
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

/// A step of the composite pipeline.
///
/// ```
/// assert_eq!(indstat::composite::Step::Normalise.to_string(), "normalise");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Step {
    /// Input checks: indicators in the data but not in the tree.
    Input,
    /// An indicator normalised.
    Normalise,
    /// A group's weights renormalised.
    Weight,
    /// A group aggregated.
    Aggregate,
    /// An entity below the minimum coverage at a node: no score there.
    Coverage,
    /// The composite ranked.
    Rank,
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Step::Input => "input",
            Step::Normalise => "normalise",
            Step::Weight => "weight",
            Step::Aggregate => "aggregate",
            Step::Coverage => "coverage",
            Step::Rank => "rank",
        })
    }
}

/// One entry of the pipeline log: the step, the node and entity it concerns
/// (if any), and the parameters used, in words.
///
/// ```
/// # use indstat::composite::*;
/// # use indstat::EntityId;
/// # use indstat::dec;
/// # let a = EntityId::new("a")?; let b = EntityId::new("b")?;
/// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?])?;
/// # let data = Data::new([a.clone(), b.clone()])?.with_indicator("x".parse()?, [(a, Some(dec!(1))), (b, Some(dec!(2)))])?;
/// let results = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic)).compute(&data)?;
/// let first = &results.log()[0];
/// assert_eq!(first.step(), Step::Normalise);
/// assert_eq!(first.node().map(|c| c.as_str()), Some("x"));
/// assert!(first.to_string().starts_with("normalise x: rank"));
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    step: Step,
    node: Option<IndicatorCode>,
    entity: Option<EntityId>,
    detail: String,
}

impl LogEntry {
    /// The step.
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let a = EntityId::new("a")?; let b = EntityId::new("b")?;
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?.with_indicator("x".parse()?, [(a, Some(dec!(1))), (b, Some(dec!(2)))])?;
    /// let r = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic)).compute(&data)?;
    /// assert!(r.log().iter().any(|e| e.step() == Step::Rank));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn step(&self) -> Step {
        self.step
    }

    /// The node concerned, if any.
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let a = EntityId::new("a")?; let b = EntityId::new("b")?;
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?.with_indicator("x".parse()?, [(a, Some(dec!(1))), (b, Some(dec!(2)))])?;
    /// let r = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic)).compute(&data)?;
    /// assert!(r.log().iter().any(|e| e.node().map(|c| c.as_str()) == Some("i")));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn node(&self) -> Option<&IndicatorCode> {
        self.node.as_ref()
    }

    /// The entity concerned, if any (coverage entries).
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let a = EntityId::new("a")?; let b = EntityId::new("b")?;
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?.with_indicator("x".parse()?, [(a, Some(dec!(1))), (b, None)])?;
    /// let r = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic)).compute(&data)?;
    /// let cov = r.log().iter().find(|e| e.step() == Step::Coverage).unwrap();
    /// assert_eq!(cov.entity().map(|e| e.as_str()), Some("b"));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn entity(&self) -> Option<&EntityId> {
        self.entity.as_ref()
    }

    /// The parameters, in words.
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let a = EntityId::new("a")?; let b = EntityId::new("b")?;
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?.with_indicator("x".parse()?, [(a, Some(dec!(1))), (b, Some(dec!(2)))])?;
    /// let r = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic)).compute(&data)?;
    /// assert!(r.log()[0].detail().contains("min 1, max 2"));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn detail(&self) -> &str {
        &self.detail
    }
}

impl fmt::Display for LogEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.step)?;
        if let Some(node) = &self.node {
            write!(f, " {node}")?;
        }
        if let Some(entity) = &self.entity {
            write!(f, " [{entity}]")?;
        }
        write!(f, ": {}", self.detail)
    }
}

/// A composite index: an indicator [`Tree`] and the [`Spec`] of its methods.
///
/// # Examples
///
/// Three zones, two indicators, min-max onto [0, 1] and an arithmetic mean
/// with equal weights (worked by hand: a = (1 + 0)/2, b = (0.5 + 1)/2,
/// c = (0 + 0.5)/2).
///
/// ```
/// use indstat::composite::{Aggregator, Composite, Data, Node, Normaliser, Spec, Tree};
/// use indstat::EntityId;
/// use indstat::dec;
///
/// let [a, b, c] = ["a", "b", "c"].map(|s| EntityId::new(s).unwrap());
/// let tree = Tree::new(vec![
///     Node::new("index", None, dec!(1))?,
///     Node::new("output", Some("index"), dec!(1))?,
///     Node::new("patents", Some("index"), dec!(1))?,
/// ])?;
/// let data = Data::new([a.clone(), b.clone(), c.clone()])?
///     .with_indicator("output".parse()?, [(a.clone(), Some(dec!(30))), (b.clone(), Some(dec!(20))), (c.clone(), Some(dec!(10)))])?
///     .with_indicator("patents".parse()?, [(a.clone(), Some(dec!(1))), (b.clone(), Some(dec!(5))), (c.clone(), Some(dec!(3)))])?;
/// let index = Composite::new(tree, Spec::new(Normaliser::min_max(dec!(0), dec!(1))?, Aggregator::Arithmetic));
/// let r = index.compute(&data)?;
/// assert_eq!(r.score(&b, &"index".parse()?)?, Some(dec!(0.75)));
/// assert_eq!(r.rank(&b)?, Some(1));
/// assert_eq!(r.rank(&c)?, Some(3));
///
/// // A geometric mean over a zero is a typed error naming the culprit.
/// let geo = Composite::new(index.tree().clone(), Spec::new(Normaliser::min_max(dec!(0), dec!(1))?, Aggregator::Geometric));
/// let err = geo.compute(&data).unwrap_err();
/// assert!(err.to_string().contains("patents of a is 0"), "{err}");
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Composite {
    tree: Tree,
    spec: Spec,
}

impl Composite {
    /// An index of `tree` computed by `spec`.
    ///
    /// ```
    /// use indstat::composite::{Aggregator, Composite, Node, Normaliser, Spec, Tree};
    /// let t = Tree::new(vec![Node::new("i", None, 1.into())?])?;
    /// let c = Composite::new(t, Spec::new(Normaliser::Rank, Aggregator::Arithmetic));
    /// assert_eq!(c.spec().min_coverage().to_string(), "0.5");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn new(tree: Tree, spec: Spec) -> Composite {
        Composite { tree, spec }
    }

    /// The tree.
    ///
    /// ```
    /// use indstat::composite::{Aggregator, Composite, Node, Normaliser, Spec, Tree};
    /// let t = Tree::new(vec![Node::new("i", None, 1.into())?])?;
    /// assert_eq!(Composite::new(t.clone(), Spec::new(Normaliser::Rank, Aggregator::Arithmetic)).tree(), &t);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn tree(&self) -> &Tree {
        &self.tree
    }

    /// The spec.
    ///
    /// ```
    /// use indstat::composite::{Aggregator, Composite, Node, Normaliser, Spec, Tree};
    /// let t = Tree::new(vec![Node::new("i", None, 1.into())?])?;
    /// let s = Spec::new(Normaliser::Rank, Aggregator::Arithmetic);
    /// assert_eq!(Composite::new(t, s.clone()).spec(), &s);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn spec(&self) -> &Spec {
        &self.spec
    }

    /// Normalises, weights, aggregates and ranks: a score for every entity at
    /// every node, the composite rank (1 = highest score, ties share the
    /// better rank), and the log of every step.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownCode`] for an indicator of the tree missing from the
    /// data; [`Error::AllMissing`], [`Error::ConstantIndicator`] from
    /// normalisation; [`Error::AggregationDomain`] from a geometric or
    /// harmonic mean; [`Error::Overflow`].
    ///
    /// ```
    /// use indstat::composite::{Aggregator, Composite, Data, Node, Normaliser, Spec, Tree};
    /// use indstat::EntityId;
    /// let t = Tree::new(vec![Node::new("i", None, 1.into())?, Node::new("x", Some("i"), 1.into())?])?;
    /// let data = Data::new([EntityId::new("a")?])?;
    /// let c = Composite::new(t, Spec::new(Normaliser::Rank, Aggregator::Arithmetic));
    /// assert!(c.compute(&data).is_err()); // no column "x"
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn compute(&self, data: &Data) -> Result<Results> {
        compute_with(&self.tree, &self.spec, data, None)
    }
}

/// Computes with an optional pre-normalised set of leaf columns (the
/// uncertainty analysis normalises once per normaliser).
pub(crate) fn compute_with(
    tree: &Tree,
    spec: &Spec,
    data: &Data,
    normalised: Option<&Normalised>,
) -> Result<Results> {
    let entities = data.entities();
    let mut log = Vec::new();
    let leaf_codes: Vec<&IndicatorCode> = tree.leaves().map(|n| n.code()).collect();
    for code in data.codes() {
        if !leaf_codes.contains(&code) {
            log.push(LogEntry {
                step: Step::Input,
                node: Some(code.clone()),
                entity: None,
                detail: "in the data but not an indicator of the tree: not used".to_owned(),
            });
        }
    }
    let n_nodes = tree.nodes().len();
    let mut scores: Vec<Option<Vec<Option<Decimal>>>> = vec![None; n_nodes];
    let mut coverage: Vec<Vec<Decimal>> = vec![Vec::new(); n_nodes];
    for i in tree.bottom_up() {
        let Some(node) = tree.node_at(i) else {
            continue;
        };
        let kids = tree.children(i);
        let (column, covered) = if kids.is_empty() {
            let column = if let Some(col) = normalised.and_then(|m| m.get(&i)) {
                col.clone()
            } else {
                let method = spec.normaliser_for(node.code());
                let (col, detail) = normalise(
                    method,
                    node.code().as_str(),
                    node.direction(),
                    entities,
                    data.column(node.code())?,
                )?;
                log.push(LogEntry {
                    step: Step::Normalise,
                    node: Some(node.code().clone()),
                    entity: None,
                    detail,
                });
                col
            };
            let covered = column
                .iter()
                .map(|v| {
                    if v.is_some() {
                        Decimal::ONE
                    } else {
                        Decimal::ZERO
                    }
                })
                .collect();
            (column, covered)
        } else {
            aggregate_group(tree, spec, i, entities, &scores, &coverage, &mut log)?
        };
        if let Some(slot) = scores.get_mut(i) {
            *slot = Some(column);
        }
        if let Some(slot) = coverage.get_mut(i) {
            *slot = covered;
        }
    }
    let root = tree.root();
    let root_scores = scores.get(root).cloned().flatten().unwrap_or_default();
    let ranks: Vec<Option<u32>> = rank(&root_scores, Ties::Min, Order::Descending, Missing::Keep)
        .into_iter()
        .map(|r| r.and_then(|r| u32::try_from(r).ok()))
        .collect();
    let partial = ranks
        .iter()
        .zip(coverage.get(root).map_or(&[][..], Vec::as_slice))
        .filter(|(r, c)| r.is_some() && **c < Decimal::ONE)
        .count();
    log.push(LogEntry {
        step: Step::Rank,
        node: Some(IndicatorCode::new(tree.code(root))?),
        entity: None,
        detail: format!(
            "rank 1 = highest score, ties share the better rank (RANK.EQ); {} of {} entities ranked, {partial} of them on part of the weight (minimum coverage {} at every node)",
            ranks.iter().flatten().count(),
            entities.len(),
            spec.min_coverage()
        ),
    });
    let codes = tree.nodes().iter().map(|n| n.code().clone());
    Ok(Results {
        entities: entities.to_vec(),
        index: data.index.clone(),
        root: IndicatorCode::new(tree.code(root))?,
        scores: codes
            .clone()
            .zip(scores)
            .map(|(c, s)| (c, s.unwrap_or_default()))
            .collect(),
        coverage: codes.zip(coverage).collect(),
        min_coverage: spec.min_coverage(),
        ranks,
        log,
    })
}

/// Every indicator's normalised column, by node position: normalisation does
/// not depend on weights, so the uncertainty analysis and the what-if search
/// compute it once and pass it to [`compute_with`].
pub(crate) type Normalised = BTreeMap<usize, Vec<Option<Decimal>>>;

/// Normalises every indicator of `tree` by `spec`.
pub(crate) fn normalise_leaves(tree: &Tree, spec: &Spec, data: &Data) -> Result<Normalised> {
    let mut out = BTreeMap::new();
    for (i, node) in tree.nodes().iter().enumerate() {
        if tree.children(i).is_empty() {
            let (col, _) = normalise(
                spec.normaliser_for(node.code()),
                node.code().as_str(),
                node.direction(),
                data.entities(),
                data.column(node.code())?,
            )?;
            out.insert(i, col);
        }
    }
    Ok(out)
}

/// Aggregates node `i` from its children's scores: each entity's coverage
/// there (its children's coverage, weighted by the group's weights, over the
/// children with a score), the coverage rule, and the aggregate of the
/// entities that meet it.
fn aggregate_group(
    tree: &Tree,
    spec: &Spec,
    i: usize,
    entities: &[EntityId],
    scores: &[Option<Vec<Option<Decimal>>>],
    coverage: &[Vec<Decimal>],
    log: &mut Vec<LogEntry>,
) -> Result<(Vec<Option<Decimal>>, Vec<Decimal>)> {
    let kids = tree.children(i);
    let node = tree.code(i);
    let code = IndicatorCode::new(node)?;
    let raw: Vec<Decimal> = kids
        .iter()
        .map(|&k| tree.node_at(k).map_or(Decimal::ZERO, |n| n.weight()))
        .collect();
    let sum = raw
        .iter()
        .try_fold(Decimal::ZERO, |a, &w| crate::exact::checked::add(a, w))?;
    let weights: Vec<Decimal> = raw.iter().map(|&w| div(w, sum)).collect::<Result<_>>()?;
    let codes: Vec<&str> = kids.iter().map(|&k| tree.code(k)).collect();
    log.push(LogEntry {
        step: Step::Weight,
        node: Some(code.clone()),
        entity: None,
        detail: codes
            .iter()
            .zip(&weights)
            .map(|(c, w)| format!("{c} {}", crate::round_for_display(*w, 6).normalize()))
            .collect::<Vec<_>>()
            .join(", "),
    });
    let columns: Vec<&[Option<Decimal>]> = kids
        .iter()
        .map(|&k| scores.get(k).and_then(Option::as_deref).unwrap_or(&[]))
        .collect();
    let group = Group {
        codes,
        columns,
        weights,
    };
    let min = spec.min_coverage();
    let needed = mul(min, sum)?;
    let mut covered = Vec::with_capacity(entities.len());
    let mut shares = Vec::with_capacity(entities.len());
    let mut partial = 0usize;
    for (e, entity) in entities.iter().enumerate() {
        // Σ w_c · coverage_c over the children with a score, in the raw
        // weights: compared with min · Σ w_c, then divided once, so that
        // an entity with every child complete has coverage exactly 1.
        let mut present = 0usize;
        let mut weight_present = Decimal::ZERO;
        for (c, &k) in kids.iter().enumerate() {
            let scored = group
                .columns
                .get(c)
                .and_then(|col| col.get(e))
                .is_some_and(Option::is_some);
            if scored {
                present = present.saturating_add(1);
                let child = coverage.get(k).and_then(|v| v.get(e)).copied();
                let w = raw.get(c).copied().unwrap_or(Decimal::ZERO);
                weight_present = crate::exact::checked::add(
                    weight_present,
                    mul(w, child.unwrap_or(Decimal::ZERO))?,
                )?;
            }
        }
        let share = div(weight_present, sum)?;
        let ok = !weight_present.is_zero() && weight_present >= needed;
        if !ok {
            log.push(LogEntry {
                step: Step::Coverage,
                node: Some(code.clone()),
                entity: Some(entity.clone()),
                detail: format!(
                    "{present} of {} children present, {} of the weight (minimum {min}): no score",
                    kids.len(),
                    crate::round_for_display(share, 4).normalize(),
                ),
            });
        } else if share < Decimal::ONE {
            partial = partial.saturating_add(1);
        }
        covered.push(ok);
        shares.push(share);
    }
    let level = tree.level_at(i);
    let method = spec.aggregator_for(level);
    let col = aggregate(method, &group, entities, &covered)?;
    log.push(LogEntry {
        step: Step::Aggregate,
        node: Some(code),
        entity: None,
        detail: format!(
            "{method} at level {level}; weights renormalised over the children present for each entity; {partial} entities scored on part of the weight"
        ),
    });
    Ok((col, shares))
}

/// Scales a weight (used by the uncertainty analysis).
pub(crate) fn scale_weight(w: Decimal, factor: Decimal) -> Result<Decimal> {
    mul(w, factor)
}
