//! What it would take an entity to reach a target composite rank: for each
//! indicator, the smallest improvement (the others held fixed) that does.

use rust_decimal::Decimal;

use super::index::{Composite, Data};
use crate::exact::checked::{add, div, mul, sub};
use crate::{Direction, EntityId, Error, IndicatorCode, Result};

/// What it takes for one indicator (see [`Composite::what_would_it_take`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Needed {
    /// The entity already ranks at the target or better.
    Already,
    /// This value of the indicator, the others held fixed, reaches the target.
    Value {
        /// The value needed, in the indicator's units.
        value: Decimal,
        /// The change from the current value (negative for a lower-is-better
        /// indicator).
        change: Decimal,
    },
    /// Not reachable by this indicator alone, even at the best value observed
    /// in the data.
    NotReachable {
        /// The best value observed, which was tried.
        best: Decimal,
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
}

impl Improvement {
    /// The indicator.
    ///
    /// See [`Composite::what_would_it_take`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use rust_decimal_macros::dec;
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
    /// starts from the worst value observed).
    ///
    /// See [`Composite::what_would_it_take`].
    ///
    /// ```
    /// # use indstat::composite::*; use indstat::EntityId; use rust_decimal_macros::dec;
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
    /// # use indstat::composite::*; use indstat::EntityId; use rust_decimal_macros::dec;
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
}

impl Composite {
    /// For `entity` and a target composite rank: for each indicator, the
    /// smallest improvement (the others held fixed) that reaches the target
    /// rank, or "not reachable by this indicator alone".
    ///
    /// The search runs from the current value (the worst observed if
    /// missing) to the best value observed in the data, in steps of `step`
    /// (default: one unit of the indicator's finest decimal place, 0.01 for
    /// values given to two places), by bisection over whole steps: it assumes
    /// the entity's rank does not worsen as its value improves, which holds
    /// for every normaliser and aggregator here except Copeland and
    /// z-scores in rare configurations. Values beyond the best observed are
    /// not tried, since a min-max or goalpost scale would then move with them.
    ///
    /// # Errors
    ///
    /// As [`Composite::compute`]; [`Error::UnknownEntity`];
    /// [`Error::InvalidRank`] for a target of 0; [`Error::InvalidParameter`]
    /// for a step that is not positive.
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::composite::*;
    /// use indstat::EntityId;
    /// use rust_decimal_macros::dec;
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
    /// assert_eq!(table[0].needed(), &Needed::Value { value: dec!(2), change: dec!(2) });
    /// assert_eq!(table[1].needed(), &Needed::Value { value: dec!(5), change: dec!(1) });
    /// // For c to rank 1st, neither indicator alone is enough.
    /// let table = index.what_would_it_take(&data, &zones[2], 1, None)?;
    /// assert_eq!(table[0].needed(), &Needed::NotReachable { best: dec!(10) });
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
        if target == 0 {
            return Err(Error::InvalidRank {
                rank: "0".to_owned(),
                reason: "ranks start at 1".to_owned(),
            });
        }
        if let Some(s) = step {
            if s <= Decimal::ZERO {
                return Err(Error::InvalidParameter {
                    name: "step",
                    value: s.to_string(),
                    reason: "the search step must be positive",
                });
            }
        }
        let reaches = |d: &Data| -> Result<bool> {
            let r = self.compute(d)?.rank(entity)?;
            Ok(r.is_some_and(|r| r <= target))
        };
        let already = reaches(data)?;
        let mut table = Vec::new();
        for node in self.tree().leaves() {
            let code = node.code();
            let column = data.column(code)?;
            let current = data.value(entity, code)?;
            if already {
                table.push(Improvement {
                    indicator: code.clone(),
                    current,
                    needed: Needed::Already,
                });
                continue;
            }
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
            let scale = column
                .iter()
                .flatten()
                .map(Decimal::scale)
                .max()
                .unwrap_or(0);
            let distance = sub(best, start)?.abs();
            // The data's own precision, but never finer than distance / 2^40:
            // a computed ratio (scale 28) would otherwise need 10^28 steps.
            let finest = div(distance, Decimal::from(1u64 << 40))?;
            let unit = step.unwrap_or_else(|| Decimal::new(1, scale).max(finest));
            let unit = if unit.is_zero() { Decimal::ONE } else { unit };
            let steps = u64::try_from(div(distance, unit)?.ceil())
                .map_err(|_| Error::overflow("divide", distance, unit))?;
            let value_at = |k: u64| -> Result<Decimal> {
                let moved = mul(Decimal::from(k), unit)?;
                Ok(match node.direction() {
                    Direction::HigherIsBetter => add(start, moved)?.min(best),
                    Direction::LowerIsBetter => sub(start, moved)?.max(best),
                })
            };
            let mut trial = data.clone();
            let mut try_at = |k: u64| -> Result<bool> {
                trial.set(entity, code, Some(value_at(k)?))?;
                reaches(&trial)
            };
            let needed = if steps == 0 || !try_at(steps)? {
                Needed::NotReachable { best }
            } else {
                // try_at(lo) is false (or lo = 0 untested), try_at(hi) is true.
                let mut hi = crate::exact::least_true(0, steps, &mut try_at)?;
                if hi == 1 && current.is_none() && try_at(0)? {
                    hi = 0;
                }
                let value = value_at(hi)?;
                Needed::Value {
                    value,
                    change: sub(value, current.unwrap_or(worst))?,
                }
            };
            table.push(Improvement {
                indicator: code.clone(),
                current,
                needed,
            });
        }
        Ok(table)
    }
}
