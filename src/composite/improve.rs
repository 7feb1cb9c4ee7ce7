//! What it would take an entity to reach a target composite rank: for each
//! indicator, the smallest improvement (the others held fixed) that does,
//! searched past the values observed up to a stated cap.

use rust_decimal::Decimal;

use super::aggregate::Aggregator;
use super::compute::{Composite, compute_with, normalise_leaves};
use super::data::Data;
use super::normalise::Normaliser;
use super::spec::Spec;
use super::tree::Tree;
use crate::exact::checked::{add, div, mul, sub};
use crate::{Direction, EntityId, Error, IndicatorCode, Result};

/// How far past the best value observed the search goes: this many times the
/// indicator's scale (see [`Composite::what_would_it_take`]).
const CAP_SCALES: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// The finest default step is the scale divided by 2^40, so that the search
/// never needs more than 2^40 · (10^6 + 1) steps (about 2^60).
const FINEST_STEP: u64 = 1 << 40;

/// What it takes for one indicator (see [`Composite::what_would_it_take`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Needed {
    /// The entity already ranks at the target or better.
    Already,
    /// This value of the indicator, the others held fixed, reaches the target.
    Value {
        /// The value needed, in the indicator's units: the current value
        /// moved by a whole number of steps ([`Improvement::step`]).
        value: Decimal,
        /// The change from the current value (negative for a lower-is-better
        /// indicator).
        change: Decimal,
        /// Whether `value` is shown to be the least such value, to the
        /// step: true when the entity's rank is monotone in this indicator
        /// under the spec ([`Improvement::not_monotone`] is `None`); false
        /// when a smaller improvement might also reach the target.
        least: bool,
    },
    /// No value up to `cap` reaches the target, and since the entity's rank
    /// is monotone in this indicator under the spec, that holds for every
    /// value in between: not reachable by this indicator alone below `cap`.
    NotReachable {
        /// The furthest value tried, in the indicator's units.
        cap: Decimal,
    },
    /// None of the values tried up to `cap` reaches the target, but the
    /// entity's rank is not monotone in this indicator under the spec (see
    /// [`Improvement::not_monotone`]), so the values between those tried are
    /// not ruled out.
    NotFound {
        /// The furthest value tried, in the indicator's units.
        cap: Decimal,
    },
}

/// One row of the what-would-it-take table.
///
/// See [`Composite::what_would_it_take`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Improvement {
    indicator: IndicatorCode,
    current: Option<Decimal>,
    needed: Needed,
    best: Decimal,
    step: Decimal,
    not_monotone: Option<String>,
}

impl Improvement {
    /// The indicator.
    ///
    /// See [`Composite::what_would_it_take`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let [a, b] = ["a", "b"].map(|s| EntityId::new(s).unwrap());
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?, Node::new("y", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?
    /// #     .with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b.clone(), Some(dec!(3)))])?
    /// #     .with_indicator("y".parse()?, [(a.clone(), Some(dec!(2))), (b.clone(), Some(dec!(4)))])?;
    /// let index = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic));
    /// let rows = index.what_would_it_take(&data, &a, 1, None)?;
    /// assert_eq!(rows[0].indicator().as_str(), "x");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn indicator(&self) -> &IndicatorCode {
        &self.indicator
    }

    /// The entity's current value (`None` if missing: the search then
    /// starts from the worst value observed, and the change is counted from
    /// there).
    ///
    /// See [`Composite::what_would_it_take`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let [a, b] = ["a", "b"].map(|s| EntityId::new(s).unwrap());
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?, Node::new("y", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?
    /// #     .with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b.clone(), Some(dec!(3)))])?
    /// #     .with_indicator("y".parse()?, [(a.clone(), Some(dec!(2))), (b.clone(), Some(dec!(4)))])?;
    /// let index = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic));
    /// let rows = index.what_would_it_take(&data, &a, 1, None)?;
    /// assert_eq!(rows[0].current(), Some(dec!(1)));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn current(&self) -> Option<Decimal> {
        self.current
    }

    /// What is needed.
    ///
    /// See [`Composite::what_would_it_take`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let [a, b] = ["a", "b"].map(|s| EntityId::new(s).unwrap());
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?, Node::new("y", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?
    /// #     .with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b.clone(), Some(dec!(3)))])?
    /// #     .with_indicator("y".parse()?, [(a.clone(), Some(dec!(2))), (b.clone(), Some(dec!(4)))])?;
    /// let index = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic));
    /// let rows = index.what_would_it_take(&data, &a, 1, None)?;
    /// assert!(!matches!(rows[0].needed(), Needed::Already));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn needed(&self) -> &Needed {
        &self.needed
    }

    /// The best value observed in the data (the highest, or the lowest for a
    /// lower-is-better indicator): a value needed beyond it lies outside
    /// the range of the data.
    ///
    /// See [`Composite::what_would_it_take`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let [a, b] = ["a", "b"].map(|s| EntityId::new(s).unwrap());
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?, Node::new("y", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?
    /// #     .with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b.clone(), Some(dec!(3)))])?
    /// #     .with_indicator("y".parse()?, [(a.clone(), Some(dec!(2))), (b.clone(), Some(dec!(4)))])?;
    /// let index = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic));
    /// let rows = index.what_would_it_take(&data, &a, 1, None)?;
    /// assert_eq!(rows[0].best_observed(), dec!(3));
    /// assert_ne!(rows[1].best_observed(), dec!(3));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn best_observed(&self) -> Decimal {
        self.best
    }

    /// The precision of the search: values are tried at the current value
    /// plus whole multiples of this step.
    ///
    /// See [`Composite::what_would_it_take`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let [a, b] = ["a", "b"].map(|s| EntityId::new(s).unwrap());
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?, Node::new("y", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone()])?
    /// #     .with_indicator("x".parse()?, [(a.clone(), Some(dec!(1.5))), (b.clone(), Some(dec!(3)))])?
    /// #     .with_indicator("y".parse()?, [(a.clone(), Some(dec!(2))), (b.clone(), Some(dec!(4)))])?;
    /// let index = Composite::new(tree, Spec::new(Normaliser::Rank, Aggregator::Arithmetic));
    /// let rows = index.what_would_it_take(&data, &a, 1, None)?;
    /// assert_eq!(rows[0].step(), dec!(0.1)); // x is given to one decimal place
    /// assert_eq!(rows[1].step(), dec!(1));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn step(&self) -> Decimal {
        self.step
    }

    /// Why the entity's rank may not be monotone in this indicator under the
    /// spec, so that the search cannot show its answer is the least value
    /// (`None`: it is monotone; see [`Composite::what_would_it_take`]).
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use indstat::dec;
    /// # let [a, b, c] = ["a", "b", "c"].map(|s| EntityId::new(s).unwrap());
    /// # let tree = Tree::new(vec![Node::new("i", None, dec!(1))?, Node::new("x", Some("i"), dec!(1))?, Node::new("y", Some("i"), dec!(1))?])?;
    /// # let data = Data::new([a.clone(), b.clone(), c.clone()])?
    /// #     .with_indicator("x".parse()?, [(a.clone(), Some(dec!(1))), (b.clone(), Some(dec!(3))), (c.clone(), Some(dec!(2)))])?
    /// #     .with_indicator("y".parse()?, [(a.clone(), Some(dec!(2))), (b.clone(), Some(dec!(4))), (c.clone(), Some(dec!(9)))])?;
    /// let spec = Spec::new(Normaliser::Rank, Aggregator::Arithmetic)
    ///     .with_normaliser("y".parse()?, Normaliser::ZScore { mean: dec!(0), sd: dec!(1) });
    /// let rows = Composite::new(tree, spec).what_would_it_take(&data, &a, 1, None)?;
    /// assert_eq!(rows[0].not_monotone(), None); // x: ranks
    /// assert!(rows[1].not_monotone().is_some_and(|why| why.contains("z-score")));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn not_monotone(&self) -> Option<&str> {
        self.not_monotone.as_deref()
    }
}

/// Why `entity`'s composite rank may not be monotone in its own value of the
/// leaf `leaf`, or `None` when it is.
///
/// The rank is monotone when raising the (oriented) value never lowers the
/// entity's own normalised value, never raises another entity's, and the
/// aggregators above pass that on: every mean here is increasing in each
/// input; Copeland is too at the indicator's own group, where the other
/// entities keep their order on the indicator, but not higher up, where
/// their group scores fall by different amounts and can change places.
fn not_monotone(tree: &Tree, spec: &Spec, leaf: usize, entity: &EntityId) -> Option<String> {
    let node = tree.node_at(leaf)?;
    let code = node.code();
    let why = match spec.normaliser_for(code) {
        Normaliser::ZScore { .. } => Some(format!(
            "z-score of {code}: its mean and standard deviation move with the value and can raise other entities' scores"
        )),
        Normaliser::DistanceToTarget { cap: false, .. } => Some(format!(
            "uncapped distance to target of {code}: raising the lowest value raises the scores of entities past the target"
        )),
        Normaliser::DistanceToReference {
            entity: r,
            cap: false,
        } if r != entity => Some(format!(
            "uncapped distance to reference of {code}: raising the lowest value raises the scores of entities past the reference"
        )),
        _ => None,
    };
    if why.is_some() {
        return why;
    }
    // The ancestors above the indicator's own group.
    let mut at = node.parent().and_then(|p| tree.position(p).ok());
    let mut own_group = true;
    while let Some(i) = at {
        let level = tree.level_at(i);
        if !own_group && spec.aggregator_for(level) == Aggregator::Copeland {
            return Some(format!(
                "Copeland at {} (level {level}): the other entities' scores below it fall by different amounts and can change places",
                tree.code(i)
            ));
        }
        own_group = false;
        at = tree
            .node_at(i)
            .and_then(|n| n.parent())
            .and_then(|p| tree.position(p).ok());
    }
    None
}

/// The magnitudes a normaliser's own parameters give an indicator's scale
/// (goalposts and targets), so that the cap lies past them.
fn parameter_scale(normaliser: &Normaliser) -> Decimal {
    match normaliser {
        Normaliser::Goalposts { lower, upper, .. } => lower.abs().max(upper.abs()),
        Normaliser::DistanceToTarget { target, .. } => target.abs(),
        _ => Decimal::ZERO,
    }
}

/// The outcome of one trial value.
enum Trial {
    Reached,
    NotReached,
    /// The index overflowed at this value: values further out are not tried.
    Overflow,
}

impl Composite {
    /// For `entity` and a target composite rank: for each indicator, the
    /// least value (the other indicators held fixed) at which the entity
    /// ranks at the target or better, searched past the values observed.
    ///
    /// Past the best value observed, a min-max or distance-to-max scale
    /// moves with the entity's value: it keeps the entity at the top of the
    /// indicator's range and lowers every other entity's score on it, so a
    /// target out of reach within the observed values can be reached beyond
    /// them.
    ///
    /// **The search.** Values are tried at the current value (the worst
    /// observed if missing) moved by whole steps of `step` (default: one unit
    /// of the indicator's finest decimal place, 0.01 for values given to two
    /// places, but not finer than the indicator's scale divided by 2^40),
    /// first at the best value observed and then at twice, four times, …
    /// that distance, until the target is reached or the cap, then by
    /// bisection between the last two values tried. The **cap** is the best
    /// value observed moved by 10^6 times the indicator's **scale**: the
    /// largest of its observed range (best − worst), the magnitude of its best
    /// value and the magnitude of the normaliser's goalposts or target (the
    /// cap saturates at `Decimal`'s largest value). At the cap, min-max scores of the other entities on the indicator lie
    /// within a millionth of their range from its lower end; ranks,
    /// percentiles, goalposts and capped distances stop changing before it.
    ///
    /// **What is shown.** The entity's rank is monotone in its own value
    /// (it never worsens as the value improves) for the min-max, distance to
    /// max, rank, percentile and goalpost normalisers, capped distances to a
    /// target or reference, and the reference's own value under an uncapped
    /// distance to reference; with arithmetic, geometric and harmonic means
    /// at every level, and Copeland at the indicator's own group: there,
    /// raising the value never lowers the entity's normalised value nor
    /// raises another entity's, and each aggregator passes that on. There the
    /// value found is the least on the step grid ([`Needed::Value`] with
    /// `least`), and [`Needed::NotReachable`] says that no value up to the
    /// cap reaches the target. Elsewhere (z-scores, uncapped distances,
    /// Copeland higher up) [`Improvement::not_monotone`] says why, a value
    /// found may not be the least (`least` false), and a target not met at
    /// the values tried is [`Needed::NotFound`].
    ///
    /// A value at which the index cannot be computed (an indicator made
    /// constant, a geometric mean of a value made zero) counts as not
    /// reaching the target; an overflow ends the search there, and the cap
    /// reported is the last value computed. The search knows nothing of the
    /// indicator's natural bounds: check that a share below 100% or an
    /// energy use above zero is asked for.
    ///
    /// # Errors
    ///
    /// As [`Composite::compute`]; [`Error::UnknownEntity`];
    /// [`Error::InvalidRank`] for a target of 0; [`Error::InvalidParameter`]
    /// for a step that is not positive, or so fine that the search would
    /// need more than 2^64 steps to its cap.
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
    ///     .with_indicator("x".parse()?, col([10, 0, 5]))?
    ///     .with_indicator("y".parse()?, col([10, 4, 0]))?;
    /// let index = Composite::new(tree, Spec::new(Normaliser::min_max(dec!(0), dec!(1))?, Aggregator::Arithmetic));
    /// // Normalised, a = (1 + 1)/2 = 1, c = (0.5 + 0)/2 = 0.25, b = (0 + 0.4)/2 = 0.2.
    /// // For b to rank 2nd: x = 2 (then c's x scores 3/8, 0.1875 < 0.2) or y = 5 (5/10 / 2 = 0.25, a tie).
    /// let table = index.what_would_it_take(&data, &zones[1], 2, None)?;
    /// assert_eq!(table[0].needed(), &Needed::Value { value: dec!(2), change: dec!(2), least: true });
    /// assert_eq!(table[1].needed(), &Needed::Value { value: dec!(5), change: dec!(1), least: true });
    /// // For c to rank 1st, x alone is not enough: past 10, c scores (1 + 0)/2
    /// // while a keeps (10/x + 1)/2 > 1/2, however large x grows.
    /// let table = index.what_would_it_take(&data, &zones[2], 1, None)?;
    /// assert_eq!(table[0].needed(), &Needed::NotReachable { cap: dec!(10000010) });
    /// // y alone is, past the best observed 10: b's 4 becomes the lowest y, a
    /// // scores (1 + 6/(y − 4))/2 and c (0.5 + 1)/2, equal (a tie, rank 1) at y = 16.
    /// assert_eq!(table[1].needed(), &Needed::Value { value: dec!(16), change: dec!(16), least: true });
    /// assert!(index.what_would_it_take(&data, &zones[2], 0, None).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn what_would_it_take(
        &self,
        data: &Data,
        entity: &EntityId,
        target: u32,
        step: Option<Decimal>,
    ) -> Result<Vec<Improvement>> {
        crate::rank::check_rank(target, None)?;
        if let Some(s) = step {
            if s <= Decimal::ZERO {
                return Err(Error::InvalidParameter {
                    name: "step",
                    value: s.to_string(),
                    reason: "the search step must be positive",
                });
            }
        }
        let tree = self.tree();
        let spec = self.spec();
        let nominal = self.compute(data)?;
        let already = nominal.rank(entity)?.is_some_and(|r| r <= target);
        let leaves: Vec<usize> = (0..tree.nodes().len())
            .filter(|&i| tree.children(i).is_empty())
            .collect();
        // Every indicator's normalised column, computed once: a trial changes
        // only the column of the indicator it varies.
        let normalised = normalise_leaves(tree, spec, data)?;
        let mut table = Vec::new();
        for &leaf in &leaves {
            let Some(node) = tree.node_at(leaf) else {
                continue;
            };
            let code = node.code();
            let column = data.column(code)?;
            let current = data.value(entity, code)?;
            let present = column.iter().flatten();
            let (best, worst) = match node.direction() {
                Direction::HigherIsBetter => (present.clone().max(), present.min()),
                Direction::LowerIsBetter => (present.clone().min(), present.max()),
            };
            let (Some(&best), Some(&worst)) = (best, worst) else {
                return Err(Error::AllMissing {
                    what: code.to_string(),
                    count: column.len(),
                });
            };
            let start = current.unwrap_or(worst);
            let scale = sub(best, worst)?
                .abs()
                .max(best.abs())
                .max(parameter_scale(spec.normaliser_for(code)));
            let scale = if scale.is_zero() { Decimal::ONE } else { scale };
            let finest = div(scale, Decimal::from(FINEST_STEP))?;
            let places = column
                .iter()
                .flatten()
                .map(Decimal::scale)
                .max()
                .unwrap_or(0);
            let unit = step.unwrap_or_else(|| Decimal::new(1, places).max(finest));
            let not_monotone = not_monotone(tree, spec, leaf, entity);
            let mut row = Improvement {
                indicator: code.clone(),
                current,
                needed: Needed::Already,
                best,
                step: unit,
                not_monotone,
            };
            if already {
                table.push(row);
                continue;
            }
            // The cap, as a distance from the start, in whole steps. Past
            // Decimal's range it saturates: the values out there overflow,
            // which ends the search at the last value computed.
            let reach = CAP_SCALES.checked_mul(scale).unwrap_or(Decimal::MAX);
            let to_cap = sub(best, start)?
                .abs()
                .checked_add(reach)
                .unwrap_or(Decimal::MAX);
            let to_cap = div(to_cap, unit)?.floor();
            let too_fine = || Error::InvalidParameter {
                name: "step",
                value: unit.to_string(),
                reason: "the search would need more than 2^64 steps to its cap: use a coarser step",
            };
            let k_cap = u64::try_from(to_cap).map_err(|_| too_fine())?;
            let value_at = |k: u64| -> Result<Decimal> {
                let moved = mul(Decimal::from(k), unit)?;
                match node.direction() {
                    Direction::HigherIsBetter => add(start, moved),
                    Direction::LowerIsBetter => sub(start, moved),
                }
            };
            let mut trial = data.clone();
            let mut cache = normalised.clone();
            cache.remove(&leaf);
            let mut try_at = |k: u64| -> Result<Trial> {
                let value = match value_at(k) {
                    Ok(v) => v,
                    Err(Error::Overflow { .. }) => return Ok(Trial::Overflow),
                    Err(e) => return Err(e),
                };
                trial.set(entity, code, Some(value))?;
                Ok(match compute_with(tree, spec, &trial, Some(&cache)) {
                    Ok(r) => {
                        if r.rank(entity)?.is_some_and(|r| r <= target) {
                            Trial::Reached
                        } else {
                            Trial::NotReached
                        }
                    }
                    Err(Error::Overflow { .. }) => Trial::Overflow,
                    Err(_) => Trial::NotReached,
                })
            };
            // A missing value: the search starts at the worst value observed,
            // which may already be enough.
            if current.is_none() && matches!(try_at(0)?, Trial::Reached) {
                row.needed = Needed::Value {
                    value: start,
                    change: Decimal::ZERO,
                    least: row.not_monotone.is_none(),
                };
                table.push(row);
                continue;
            }
            // Bracket: the best value observed, then twice the distance, …
            let first = div(sub(best, start)?.abs(), unit)?.ceil();
            let first = u64::try_from(first)
                .map_err(|_| too_fine())?
                .clamp(1, k_cap.max(1));
            let (mut lo, mut hi) = (0u64, first);
            let found = loop {
                match try_at(hi)? {
                    Trial::Reached => break true,
                    Trial::Overflow => break false,
                    Trial::NotReached => {
                        lo = hi;
                        if hi >= k_cap {
                            break false;
                        }
                        hi = hi.saturating_mul(2).min(k_cap);
                    }
                }
            };
            row.needed = if found {
                let k =
                    crate::exact::least_true(lo, hi, |k| Ok(matches!(try_at(k)?, Trial::Reached)))?;
                let value = value_at(k)?;
                Needed::Value {
                    value,
                    change: sub(value, start)?,
                    least: row.not_monotone.is_none(),
                }
            } else {
                let cap = value_at(lo)?;
                if row.not_monotone.is_none() {
                    Needed::NotReachable { cap }
                } else {
                    Needed::NotFound { cap }
                }
            };
            table.push(row);
        }
        Ok(table)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::composite::{Node, Spec};
    use crate::dec;

    fn id(s: &str) -> EntityId {
        EntityId::new(s).unwrap()
    }

    /// index → g → (x, y), index → z.
    fn tree() -> Tree {
        Tree::new(vec![
            Node::new("index", None, dec!(1)).unwrap(),
            Node::new("g", Some("index"), dec!(1)).unwrap(),
            Node::new("x", Some("g"), dec!(1)).unwrap(),
            Node::new("y", Some("g"), dec!(1)).unwrap(),
            Node::new("z", Some("index"), dec!(1)).unwrap(),
        ])
        .unwrap()
    }

    fn why(spec: &Spec, leaf: &str, entity: &str) -> Option<String> {
        let t = tree();
        let i = t.position(&leaf.parse().unwrap()).unwrap();
        not_monotone(&t, spec, i, &id(entity))
    }

    #[test]
    fn which_specs_are_monotone() {
        let base = Spec::new(Normaliser::Rank, Aggregator::Arithmetic);
        assert_eq!(why(&base, "x", "a"), None);
        // Copeland at x's own group (level 2) keeps the others' order on x.
        let own = base.clone().with_level_aggregator(2, Aggregator::Copeland);
        assert_eq!(why(&own, "x", "a"), None);
        // Copeland at the root (level 3) is above x's group, not above z's.
        let root = base.clone().with_level_aggregator(3, Aggregator::Copeland);
        assert!(why(&root, "x", "a").is_some_and(|w| w.contains("Copeland at index")));
        assert_eq!(why(&root, "z", "a"), None);
        let z = base.clone().with_normaliser(
            "y".parse().unwrap(),
            Normaliser::ZScore {
                mean: dec!(0),
                sd: dec!(1),
            },
        );
        assert!(why(&z, "y", "a").is_some_and(|w| w.contains("z-score of y")));
        assert_eq!(why(&z, "x", "a"), None);
        let target = |cap| {
            base.clone().with_normaliser(
                "x".parse().unwrap(),
                Normaliser::DistanceToTarget {
                    target: dec!(5),
                    cap,
                },
            )
        };
        assert_eq!(why(&target(true), "x", "a"), None);
        assert!(why(&target(false), "x", "a").is_some());
        let reference = |cap| {
            base.clone().with_normaliser(
                "x".parse().unwrap(),
                Normaliser::DistanceToReference {
                    entity: id("r"),
                    cap,
                },
            )
        };
        assert_eq!(why(&reference(true), "x", "a"), None);
        assert_eq!(why(&reference(false), "x", "r"), None); // the reference itself
        assert!(why(&reference(false), "x", "a").is_some());
    }

    #[test]
    fn values_near_the_decimal_limit_end_the_search_without_an_error() {
        // a leads on both indicators and c anchors the lowest x; b (lowest
        // y) cannot pass a on x alone: at any x past a's, b scores
        // (1 + 0)/2 and a (5·10^25/x + 1)/2. The cap, 10^6 times a scale
        // of 5·10^25, lies past Decimal's range and saturates at its
        // largest value.
        let t = Tree::new(vec![
            Node::new("i", None, dec!(1)).unwrap(),
            Node::new("x", Some("i"), dec!(1)).unwrap(),
            Node::new("y", Some("i"), dec!(1)).unwrap(),
        ])
        .unwrap();
        let [a, b, c] = [id("a"), id("b"), id("c")];
        let data = |ax: Decimal| {
            Data::new([a.clone(), b.clone(), c.clone()])
                .unwrap()
                .with_indicator(
                    "x".parse().unwrap(),
                    [
                        (a.clone(), Some(ax)),
                        (b.clone(), Some(dec!(1))),
                        (c.clone(), Some(dec!(0))),
                    ],
                )
                .unwrap()
                .with_indicator(
                    "y".parse().unwrap(),
                    [
                        (a.clone(), Some(dec!(2))),
                        (b.clone(), Some(dec!(0))),
                        (c.clone(), Some(dec!(1))),
                    ],
                )
                .unwrap()
        };
        let index = Composite::new(
            t,
            Spec::new(
                Normaliser::min_max(dec!(0), dec!(1)).unwrap(),
                Aggregator::Arithmetic,
            ),
        );
        let table = index
            .what_would_it_take(&data(dec!(5e25)), &b, 1, None)
            .unwrap();
        match table[0].needed() {
            Needed::NotReachable { cap } => assert!(*cap > dec!(7.9e28), "{cap}"),
            other => panic!("{other:?}"),
        }
        // With x as a z-score (squares of the values) and y weighing ten
        // times x, b cannot pass a (a z-score lies within ±2/√3 for three
        // entities); with a's x at 10^13 the cap is 10^19 past it, and the
        // sum of squares overflows before it (at about 2.8·10^14): the
        // search ends at the last value it computed, and since z-scores are
        // not monotone it says "not found", not "not reachable".
        let z = Composite::new(
            Tree::new(vec![
                Node::new("i", None, dec!(1)).unwrap(),
                Node::new("x", Some("i"), dec!(1)).unwrap(),
                Node::new("y", Some("i"), dec!(10)).unwrap(),
            ])
            .unwrap(),
            Spec::new(
                Normaliser::min_max(dec!(0), dec!(1)).unwrap(),
                Aggregator::Arithmetic,
            )
            .with_normaliser(
                "x".parse().unwrap(),
                Normaliser::ZScore {
                    mean: dec!(0),
                    sd: dec!(1),
                },
            ),
        );
        let table = z
            .what_would_it_take(&data(dec!(1e13)), &b, 1, None)
            .unwrap();
        match table[0].needed() {
            Needed::NotFound { cap } => assert!(*cap > dec!(1e14) && *cap < dec!(1e15), "{cap}"),
            other => panic!("{other:?}"),
        }
        // A step too fine for the range is refused, naming it.
        let err = index
            .what_would_it_take(&data(dec!(5e25)), &b, 1, Some(dec!(0.0000000001)))
            .unwrap_err();
        assert!(err.to_string().contains("0.0000000001"), "{err}");
    }
}
