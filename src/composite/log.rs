//! The log of a composite computation: every step, with its node, entity
//! and parameters.

use core::fmt;

use crate::{EntityId, IndicatorCode};

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
    pub(super) step: Step,
    pub(super) node: Option<IndicatorCode>,
    pub(super) entity: Option<EntityId>,
    pub(super) detail: String,
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
