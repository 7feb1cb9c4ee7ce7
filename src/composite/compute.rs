//! A composite index and its computation: normalise the leaves, aggregate
//! each group under the coverage rule, rank at the root, log every step.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::aggregate::{Group, aggregate};
use super::data::Data;
use super::log::{LogEntry, Step};
use super::normalise::normalise;
use super::results::Results;
use super::spec::Spec;
use super::tree::Tree;
use crate::exact::checked::{div, mul};
use crate::rank::{Missing, Order, Ties, rank};
use crate::{EntityId, IndicatorCode, Result};

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
    /// [`Error::UnknownCode`](crate::Error::UnknownCode) for an indicator of the tree missing from the
    /// data; [`Error::AllMissing`](crate::Error::AllMissing), [`Error::ConstantIndicator`](crate::Error::ConstantIndicator) from
    /// normalisation; [`Error::AggregationDomain`](crate::Error::AggregationDomain) from a geometric or
    /// harmonic mean; [`Error::Overflow`](crate::Error::Overflow).
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
