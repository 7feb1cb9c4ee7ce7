//! The results of a composite index: scores, coverage and ranks by node and
//! entity, the coverage rule they were computed under, and the log.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::log::LogEntry;
use crate::entity::EntityIndex;
use crate::{EntityId, Error, IndicatorCode, Result};

/// The outcome of [`Composite::compute`](super::Composite::compute): scores
/// and coverage by node and entity, the composite rank, the coverage rule,
/// and the log.
///
/// **Coverage** is the share of a node's weight that an entity's data stand
/// on: 1 or 0 for an indicator (present or missing), and for a group the
/// weighted sum of its children's coverage over the children that have a
/// score, with the group's weights (so an entity that lacks an indicator
/// weighing 30% of the index has coverage 0.7 there, whatever the number of
/// indicators). An entity whose coverage at a node is below the spec's
/// minimum ([`Spec::with_min_coverage`](super::Spec::with_min_coverage),
/// [`Results::min_coverage`]) gets no score there, so no rank at the root;
/// above it, its score is re-weighted over the children present and carries
/// its coverage ([`Ranked::coverage`]).
///
/// # Examples
///
/// See [`Composite`](super::Composite); the ranking, best first:
///
/// ```
/// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
/// # let a = EntityId::new("a")?; let b = EntityId::new("b")?;
/// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?])?;
/// # let data = Data::new([a.clone(), b.clone()])?.with_indicator("x".parse()?, [(a, Some(dec!(1))), (b, Some(dec!(2)))])?;
/// let r = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic)).compute(&data)?;
/// let top = &r.ranking()[0];
/// assert_eq!((top.entity().as_str(), top.rank(), top.coverage()), ("b", 1, dec!(1)));
/// assert!(r.rank(&EntityId::new("zz")?).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Results {
    pub(crate) entities: Vec<EntityId>,
    pub(crate) index: EntityIndex,
    pub(crate) root: IndicatorCode,
    pub(crate) scores: BTreeMap<IndicatorCode, Vec<Option<Decimal>>>,
    pub(crate) coverage: BTreeMap<IndicatorCode, Vec<Decimal>>,
    pub(crate) min_coverage: Decimal,
    pub(crate) ranks: Vec<Option<u32>>,
    pub(crate) log: Vec<LogEntry>,
}

/// One row of [`Results::ranking`]: a ranked entity, its composite score and
/// rank, and the share of the index's weight its data stand on.
///
/// ```
/// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
/// # let [a, b, c] = ["a", "b", "c"].map(|s| EntityId::new(s).unwrap());
/// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(3))?, Node::new("y", Some("i"), dec!(1))?])?;
/// # let data = Data::new([a.clone(), b.clone(), c.clone()])?
/// #     .with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b.clone(), Some(dec!(3))), (c.clone(), Some(dec!(2)))])?
/// #     .with_indicator("y".parse()?, [(a.clone(), Some(dec!(2))), (b.clone(), None), (c.clone(), Some(dec!(1)))])?;
/// let r = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic)).compute(&data)?;
/// // b has no y, a quarter of the weight: it ranks first on x alone, and says so.
/// let top = &r.ranking()[0];
/// assert_eq!((top.entity(), top.rank(), top.coverage()), (&b, 1, dec!(0.75)));
/// assert!(!top.is_complete());
/// assert!(r.ranking()[1].is_complete());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    entity: EntityId,
    score: Decimal,
    rank: u32,
    coverage: Decimal,
}

impl Ranked {
    /// The entity.
    ///
    /// See [`Ranked`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let a = EntityId::new("a")?; let b = EntityId::new("b")?;
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?.with_indicator("x".parse()?, [(a, Some(dec!(1))), (b, Some(dec!(2)))])?;
    /// let r = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic)).compute(&data)?;
    /// assert_eq!(r.ranking()[1].entity().as_str(), "a");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn entity(&self) -> &EntityId {
        &self.entity
    }

    /// The composite score.
    ///
    /// See [`Ranked`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let a = EntityId::new("a")?; let b = EntityId::new("b")?;
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?.with_indicator("x".parse()?, [(a, Some(dec!(1))), (b, Some(dec!(2)))])?;
    /// let r = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic)).compute(&data)?;
    /// assert_eq!(r.ranking()[0].score(), dec!(2)); // b's rank on x
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn score(&self) -> Decimal {
        self.score
    }

    /// The composite rank: 1 = highest score, ties share the better rank.
    ///
    /// See [`Ranked`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let a = EntityId::new("a")?; let b = EntityId::new("b")?;
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?.with_indicator("x".parse()?, [(a, Some(dec!(1))), (b, Some(dec!(2)))])?;
    /// let r = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic)).compute(&data)?;
    /// assert_eq!(r.ranking()[1].rank(), 2);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn rank(&self) -> u32 {
        self.rank
    }

    /// The share of the index's weight the entity's data stand on, in
    /// (0, 1]: at least the spec's minimum coverage.
    ///
    /// See [`Ranked`] and [`Results`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let a = EntityId::new("a")?; let b = EntityId::new("b")?;
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?, Node::new("y", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?
    /// #     .with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b.clone(), Some(dec!(2)))])?
    /// #     .with_indicator("y".parse()?, [(a.clone(), None), (b.clone(), Some(dec!(2)))])?;
    /// let r = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic)).compute(&data)?;
    /// assert_eq!(r.ranking()[0].coverage(), dec!(1));
    /// assert_eq!(r.ranking()[1].coverage(), dec!(0.5)); // a has no y
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn coverage(&self) -> Decimal {
        self.coverage
    }

    /// Whether the entity has all of the index's weight present
    /// (coverage 1).
    ///
    /// See [`Ranked`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let a = EntityId::new("a")?; let b = EntityId::new("b")?;
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?, Node::new("y", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?
    /// #     .with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b.clone(), Some(dec!(2)))])?
    /// #     .with_indicator("y".parse()?, [(a.clone(), None), (b.clone(), Some(dec!(2)))])?;
    /// let r = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic)).compute(&data)?;
    /// assert!(r.ranking()[0].is_complete());
    /// assert!(!r.ranking()[1].is_complete());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn is_complete(&self) -> bool {
        self.coverage >= Decimal::ONE
    }
}

impl Results {
    fn position(&self, entity: &EntityId) -> Result<usize> {
        self.index.position(entity)
    }

    fn node_column<'a, T>(
        &self,
        map: &'a BTreeMap<IndicatorCode, Vec<T>>,
        code: &IndicatorCode,
    ) -> Result<&'a [T]> {
        map.get(code)
            .map(Vec::as_slice)
            .ok_or_else(|| Error::UnknownCode {
                code: code.to_string(),
                context: "the results".to_owned(),
            })
    }

    /// The score of `entity` at node `code` (`None` below the coverage rule).
    ///
    /// # Errors
    ///
    /// [`Error::UnknownEntity`], [`Error::UnknownCode`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let a = EntityId::new("a")?; let b = EntityId::new("b")?;
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?.with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b, Some(dec!(2)))])?;
    /// let r = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic)).compute(&data)?;
    /// assert_eq!(r.score(&a, &"x".parse()?)?, Some(dec!(1)));
    /// assert!(r.score(&a, &"y".parse()?).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn score(&self, entity: &EntityId, code: &IndicatorCode) -> Result<Option<Decimal>> {
        let e = self.position(entity)?;
        Ok(self
            .node_column(&self.scores, code)?
            .get(e)
            .copied()
            .flatten())
    }

    /// The composite score (the root's).
    ///
    /// # Errors
    ///
    /// [`Error::UnknownEntity`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let a = EntityId::new("a")?; let b = EntityId::new("b")?;
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?.with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b, Some(dec!(2)))])?;
    /// let r = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic)).compute(&data)?;
    /// assert_eq!(r.composite(&a)?, Some(dec!(1)));
    /// assert!(r.composite(&EntityId::new("q")?).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn composite(&self, entity: &EntityId) -> Result<Option<Decimal>> {
        self.score(entity, &self.root)
    }

    /// The coverage of `entity` at node `code`: the share of the node's
    /// weight its data stand on (see [`Results`]), whether or not it met the
    /// rule there.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownEntity`], [`Error::UnknownCode`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let a = EntityId::new("a")?; let b = EntityId::new("b")?;
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?, Node::new("y", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?
    /// #     .with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b.clone(), Some(dec!(2)))])?
    /// #     .with_indicator("y".parse()?, [(a.clone(), None), (b.clone(), Some(dec!(2)))])?;
    /// let r = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic)).compute(&data)?;
    /// assert_eq!(r.coverage(&a, &"y".parse()?)?, dec!(0));
    /// assert_eq!(r.coverage(&a, &"i".parse()?)?, dec!(0.5));
    /// assert!(r.coverage(&a, &"z".parse()?).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn coverage(&self, entity: &EntityId, code: &IndicatorCode) -> Result<Decimal> {
        let e = self.position(entity)?;
        Ok(self
            .node_column(&self.coverage, code)?
            .get(e)
            .copied()
            .unwrap_or(Decimal::ZERO))
    }

    /// The coverage of `entity` at the root: the share of the whole index's
    /// weight its data stand on.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownEntity`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let a = EntityId::new("a")?; let b = EntityId::new("b")?;
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(3))?, Node::new("y", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?
    /// #     .with_indicator("x".parse()?, [(a.clone(), None), (b.clone(), Some(dec!(2)))])?
    /// #     .with_indicator("y".parse()?, [(a.clone(), Some(dec!(1))), (b.clone(), Some(dec!(2)))])?;
    /// let r = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic)).compute(&data)?;
    /// assert_eq!(r.composite_coverage(&a)?, dec!(0.25)); // below the default rule of 0.5
    /// assert_eq!(r.rank(&a)?, None);
    /// assert!(r.composite_coverage(&EntityId::new("q")?).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn composite_coverage(&self, entity: &EntityId) -> Result<Decimal> {
        self.coverage(entity, &self.root)
    }

    /// The coverage rule the results were computed under: the minimum share
    /// of a node's weight an entity needs present to get a score there (see
    /// [`Spec::with_min_coverage`](super::Spec::with_min_coverage)).
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let a = EntityId::new("a")?; let b = EntityId::new("b")?;
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?.with_indicator("x".parse()?, [(a, Some(dec!(1))), (b, Some(dec!(2)))])?;
    /// let spec = Spec::new(Normaliser::Rank, Aggregator::Arithmetic).with_min_coverage(dec!(0.75))?;
    /// let r = Composite::new(tree, spec).compute(&data)?;
    /// assert_eq!(r.min_coverage(), dec!(0.75));
    /// assert_ne!(r.min_coverage(), dec!(0.5)); // not the default
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn min_coverage(&self) -> Decimal {
        self.min_coverage
    }

    /// The composite rank of `entity`: 1 = highest score, ties share the
    /// better rank; `None` if it has no composite score.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownEntity`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let a = EntityId::new("a")?; let b = EntityId::new("b")?;
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?.with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b, Some(dec!(2)))])?;
    /// let r = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic)).compute(&data)?;
    /// assert_eq!(r.rank(&a)?, Some(2));
    /// assert!(r.rank(&EntityId::new("q")?).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn rank(&self, entity: &EntityId) -> Result<Option<u32>> {
        let e = self.position(entity)?;
        Ok(self.ranks.get(e).copied().flatten())
    }

    pub(crate) fn ranks(&self) -> &[Option<u32>] {
        &self.ranks
    }

    /// The ranked entities, best first, each with its score, rank and
    /// coverage. Entities without a composite score (below the coverage
    /// rule) are left out; the log names them.
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let a = EntityId::new("a")?; let b = EntityId::new("b")?;
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?.with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b, None)])?;
    /// let r = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic)).compute(&data)?;
    /// assert_eq!(r.ranking().len(), 1);
    /// assert_eq!(r.ranking()[0].entity(), &a);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn ranking(&self) -> Vec<Ranked> {
        let root = self.scores.get(&self.root).map_or(&[][..], Vec::as_slice);
        let coverage = self.coverage.get(&self.root).map_or(&[][..], Vec::as_slice);
        let mut out: Vec<Ranked> = self
            .entities
            .iter()
            .enumerate()
            .filter_map(|(e, entity)| {
                Some(Ranked {
                    entity: entity.clone(),
                    score: root.get(e).copied().flatten()?,
                    rank: self.ranks.get(e).copied().flatten()?,
                    coverage: coverage.get(e).copied().unwrap_or(Decimal::ZERO),
                })
            })
            .collect();
        out.sort_by(|a, b| a.rank.cmp(&b.rank).then_with(|| a.entity.cmp(&b.entity)));
        out
    }

    /// Every step's parameters, in order (COINr's `.$Log`, with coverage
    /// exclusions listed per entity: no silent fallback).
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let a = EntityId::new("a")?; let b = EntityId::new("b")?;
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?.with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b, Some(dec!(2)))])?;
    /// let r = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic)).compute(&data)?;
    /// assert_eq!(r.log().len(), 4); // normalise x, weight i, aggregate i, rank
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn log(&self) -> &[LogEntry] {
        &self.log
    }
}
