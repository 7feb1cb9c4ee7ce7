//! A cross-section keyed by entity: ranks by entity, and the value an entity
//! needs to enter the top N.

use rust_decimal::Decimal;

use super::{Missing, Order, Ties, rank};
use crate::entity::EntityIndex;
use crate::exact::checked;
use crate::{Direction, EntityId, Error, Quantity, Result, Unit};

/// One indicator's values for many entities in one period, keyed by entity,
/// in one unit. Missing values are kept (as `None`) and left unranked.
///
/// # Examples
///
/// ```
/// use indstat::rank::CrossSection;
/// use indstat::{Direction, EntityId, Unit};
/// use indstat::dec;
///
/// let zones = CrossSection::new(Unit::YI_YUAN, [
///     (EntityId::new("a")?, Some(dec!(1500))),
///     (EntityId::new("b")?, Some(dec!(1004))),
///     (EntityId::new("c")?, None),
///     (EntityId::new("d")?, Some(dec!(1004.0))),
/// ])?;
/// assert_eq!(zones.rank_of(&EntityId::new("d")?, Direction::HigherIsBetter)?, 2);
///
/// // Duplicate entities, empty and all-missing cross-sections are errors.
/// let a = EntityId::new("a")?;
/// assert!(CrossSection::new(Unit::YI_YUAN, [(a.clone(), Some(dec!(1))), (a, None)]).is_err());
/// assert!(CrossSection::new(Unit::YI_YUAN, []).is_err());
/// assert!(CrossSection::new(Unit::YI_YUAN, [(EntityId::new("x")?, None)]).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrossSection {
    unit: Unit,
    entities: Vec<EntityId>,
    values: Vec<Option<Decimal>>,
    index: EntityIndex,
}

impl CrossSection {
    /// A cross-section of `rows` in `unit`.
    ///
    /// # Errors
    ///
    /// [`Error::Empty`] for no rows; [`Error::DuplicateEntity`] for an entity
    /// given twice; [`Error::AllMissing`] when no row has a value.
    ///
    /// ```
    /// use indstat::{rank::CrossSection, EntityId, Unit};
    /// use indstat::dec;
    /// let cs = CrossSection::new(Unit::SCORE, [(EntityId::new("a")?, Some(dec!(1)))])?;
    /// assert_eq!(cs.len(), 1);
    /// assert!(CrossSection::new(Unit::SCORE, []).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn new(
        unit: Unit,
        rows: impl IntoIterator<Item = (EntityId, Option<Decimal>)>,
    ) -> Result<CrossSection> {
        let (entities, values): (Vec<_>, Vec<_>) = rows.into_iter().unzip();
        if entities.is_empty() {
            return Err(Error::Empty {
                what: "the cross-section",
            });
        }
        let index = EntityIndex::new(&entities)?;
        if values.iter().all(Option::is_none) {
            return Err(Error::AllMissing {
                what: "the cross-section".to_owned(),
                count: values.len(),
            });
        }
        Ok(CrossSection {
            unit,
            entities,
            values,
            index,
        })
    }

    /// The number of entities (with or without a value).
    ///
    /// ```
    /// use indstat::{rank::CrossSection, EntityId, Unit};
    /// let cs = CrossSection::new(Unit::SCORE, [(EntityId::new("a")?, Some(1.into())), (EntityId::new("b")?, None)])?;
    /// assert_eq!(cs.len(), 2);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// Always `false`: a cross-section has at least one entity.
    ///
    /// ```
    /// use indstat::{rank::CrossSection, EntityId, Unit};
    /// let cs = CrossSection::new(Unit::SCORE, [(EntityId::new("a")?, Some(1.into()))])?;
    /// assert!(!cs.is_empty());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The unit of the values.
    ///
    /// ```
    /// use indstat::{rank::CrossSection, EntityId, Unit};
    /// let cs = CrossSection::new(Unit::SCORE, [(EntityId::new("a")?, Some(1.into()))])?;
    /// assert_eq!(cs.unit(), Unit::SCORE);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn unit(&self) -> Unit {
        self.unit
    }

    /// The entities, in input order.
    ///
    /// ```
    /// use indstat::{rank::CrossSection, EntityId, Unit};
    /// let cs = CrossSection::new(Unit::SCORE, [(EntityId::new("a")?, Some(1.into()))])?;
    /// assert_eq!(cs.entities()[0].as_str(), "a");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn entities(&self) -> &[EntityId] {
        &self.entities
    }

    /// The value of `entity`: `Ok(None)` when it is missing.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownEntity`] if the entity is not in the cross-section.
    ///
    /// ```
    /// use indstat::{rank::CrossSection, EntityId, Unit};
    /// let a = EntityId::new("a")?;
    /// let cs = CrossSection::new(Unit::SCORE, [(a.clone(), Some(1.into()))])?;
    /// assert_eq!(cs.value(&a)?, Some(1.into()));
    /// assert!(cs.value(&EntityId::new("z")?).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn value(&self, entity: &EntityId) -> Result<Option<Decimal>> {
        let i = self.position(entity)?;
        Ok(self.values.get(i).copied().flatten())
    }

    fn position(&self, entity: &EntityId) -> Result<usize> {
        self.index.position(entity)
    }

    /// Ranks by [`rank`], keyed by entity, in input order.
    ///
    /// ```
    /// use indstat::rank::{CrossSection, Missing, Order, Ties};
    /// use indstat::{EntityId, Unit};
    /// use indstat::dec;
    /// let cs = CrossSection::new(Unit::SCORE, [
    ///     (EntityId::new("a")?, Some(dec!(2))), (EntityId::new("b")?, Some(dec!(2))), (EntityId::new("c")?, None),
    /// ])?;
    /// let r = cs.rank_with(Ties::Average, Order::Ascending, Missing::Keep);
    /// assert_eq!(r[1], (EntityId::new("b")?, Some(dec!(1.5))));
    /// assert_eq!(r[2].1, None);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn rank_with(
        &self,
        ties: Ties,
        order: Order,
        missing: Missing,
    ) -> Vec<(EntityId, Option<Decimal>)> {
        self.entities
            .iter()
            .cloned()
            .zip(rank(&self.values, ties, order, missing))
            .collect()
    }

    /// The national ranking: 1 = best by `direction`, ties share the better
    /// rank (`RANK.EQ`); missing values unranked.
    ///
    /// ```
    /// use indstat::rank::CrossSection;
    /// use indstat::{Direction, EntityId, Unit};
    /// use indstat::dec;
    /// let cs = CrossSection::new(Unit::SCORE, [
    ///     (EntityId::new("a")?, Some(dec!(5))), (EntityId::new("b")?, Some(dec!(9))),
    /// ])?;
    /// assert_eq!(cs.national_rank(Direction::HigherIsBetter)[0].1, Some(dec!(2)));
    /// assert_eq!(cs.national_rank(Direction::LowerIsBetter)[0].1, Some(dec!(1)));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn national_rank(&self, direction: Direction) -> Vec<(EntityId, Option<Decimal>)> {
        self.rank_with(Ties::Min, best_first(direction), Missing::Keep)
    }

    /// The national rank of one entity (see [`national_rank`](Self::national_rank)).
    ///
    /// # Errors
    ///
    /// [`Error::UnknownEntity`]; [`Error::Unranked`] if its value is missing.
    ///
    /// ```
    /// use indstat::rank::CrossSection;
    /// use indstat::{Direction, EntityId, Unit};
    /// use indstat::dec;
    /// let (a, b) = (EntityId::new("a")?, EntityId::new("b")?);
    /// let cs = CrossSection::new(Unit::SCORE, [(a.clone(), Some(dec!(5))), (b.clone(), None)])?;
    /// assert_eq!(cs.rank_of(&a, Direction::HigherIsBetter)?, 1);
    /// assert!(cs.rank_of(&b, Direction::HigherIsBetter).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn rank_of(&self, entity: &EntityId, direction: Direction) -> Result<u32> {
        let value = self.value(entity)?.ok_or_else(|| self.unranked(entity))?;
        // RANK.EQ: one plus the number of values strictly better.
        let better = self
            .values
            .iter()
            .flatten()
            .filter(|v| is_better(**v, value, direction))
            .count();
        rank_number(better)
    }

    fn unranked(&self, entity: &EntityId) -> Error {
        Error::Unranked {
            entity: entity.to_string(),
            what: "the cross-section".to_owned(),
        }
    }

    /// What `entity` needs to reach rank `target` or better, the others held
    /// fixed.
    ///
    /// Tie rule: ties share the better rank (`RANK.EQ`, 并列), so equalling the
    /// `target`-th best value among the *other* entities is enough. The gap is
    /// in the cross-section's unit: an increase for
    /// [`Direction::HigherIsBetter`], a decrease for
    /// [`Direction::LowerIsBetter`], and zero when already there.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownEntity`]; [`Error::Unranked`] if the entity's value is
    /// missing; [`Error::InvalidRank`] for a target of 0.
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::rank::CrossSection;
    /// use indstat::{Direction, EntityId, Quantity, Unit};
    /// use indstat::dec;
    ///
    /// let id = |s| EntityId::new(s);
    /// let cs = CrossSection::new(Unit::YI_YUAN, [
    ///     (id("a")?, Some(dec!(2100))), (id("b")?, Some(dec!(1800))),
    ///     (id("c")?, Some(dec!(1800))), (id("me")?, Some(dec!(1004))),
    /// ])?;
    /// let t = cs.threshold(&id("me")?, 2, Direction::HigherIsBetter)?;
    /// assert_eq!(t.rank_now(), 4);
    /// assert_eq!(t.needed(), Some(Quantity::new(dec!(1800), Unit::YI_YUAN))); // ties b and c at 2nd
    /// assert_eq!(t.gap(), Quantity::new(dec!(796), Unit::YI_YUAN));
    /// assert!(cs.threshold(&id("me")?, 0, Direction::HigherIsBetter).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn threshold(
        &self,
        entity: &EntityId,
        target: u32,
        direction: Direction,
    ) -> Result<Threshold> {
        super::check_rank(target, None)?;
        let i = self.position(entity)?;
        let value = self.value(entity)?.ok_or_else(|| self.unranked(entity))?;
        let mut others: Vec<Decimal> = self
            .values
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .filter_map(|(_, v)| *v)
            .collect();
        match direction {
            Direction::HigherIsBetter => others.sort_unstable_by(|a, b| b.cmp(a)),
            Direction::LowerIsBetter => others.sort_unstable(),
        }
        let index = usize::try_from(target)
            .unwrap_or(usize::MAX)
            .saturating_sub(1);
        let needed = others.get(index).copied();
        let gap = match needed {
            Some(needed) if is_better(needed, value, direction) => match direction {
                Direction::HigherIsBetter => checked::sub(needed, value)?,
                Direction::LowerIsBetter => checked::sub(value, needed)?,
            },
            _ => Decimal::ZERO,
        };
        Ok(Threshold {
            entity: entity.clone(),
            target,
            rank_now: self.rank_of(entity, direction)?,
            value: Quantity::new(value, self.unit),
            needed: needed.map(|n| Quantity::new(n, self.unit)),
            gap: Quantity::new(gap, self.unit),
        })
    }
}

/// The order that puts the best first.
fn best_first(direction: Direction) -> Order {
    match direction {
        Direction::HigherIsBetter => Order::Descending,
        Direction::LowerIsBetter => Order::Ascending,
    }
}

fn is_better(a: Decimal, b: Decimal, direction: Direction) -> bool {
    match direction {
        Direction::HigherIsBetter => a > b,
        Direction::LowerIsBetter => a < b,
    }
}

/// `better + 1` as a rank.
fn rank_number(better: usize) -> Result<u32> {
    better
        .checked_add(1)
        .and_then(|r| u32::try_from(r).ok())
        .ok_or_else(|| Error::InvalidRank {
            rank: better.to_string(),
            reason: "more than u32::MAX entities rank above".to_owned(),
        })
}

/// What an entity needs to enter the top N of a cross-section
/// ([`CrossSection::threshold`]).
///
/// # Examples
///
/// ```
/// use indstat::rank::CrossSection;
/// use indstat::{Direction, EntityId, Unit};
/// use indstat::dec;
/// let me = EntityId::new("me")?;
/// let cs = CrossSection::new(Unit::SCORE, [(me.clone(), Some(dec!(3))), (EntityId::new("x")?, Some(dec!(9)))])?;
/// let t = cs.threshold(&me, 5, Direction::HigherIsBetter)?;
/// assert!(t.is_reached());
/// assert_eq!(t.needed(), None); // fewer than 5 others: any value is top 5
/// assert!(cs.threshold(&EntityId::new("nobody")?, 1, Direction::HigherIsBetter).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Threshold {
    entity: EntityId,
    target: u32,
    rank_now: u32,
    value: Quantity,
    needed: Option<Quantity>,
    gap: Quantity,
}

impl Threshold {
    /// The entity.
    ///
    /// ```
    /// # use indstat::{rank::CrossSection, Direction, EntityId, Unit};
    /// # let me = EntityId::new("me")?;
    /// # let cs = CrossSection::new(Unit::SCORE, [(me.clone(), Some(3.into()))])?;
    /// assert_eq!(cs.threshold(&me, 1, Direction::HigherIsBetter)?.entity(), &me);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn entity(&self) -> &EntityId {
        &self.entity
    }

    /// The target rank N.
    ///
    /// ```
    /// # use indstat::{rank::CrossSection, Direction, EntityId, Unit};
    /// # let me = EntityId::new("me")?;
    /// # let cs = CrossSection::new(Unit::SCORE, [(me.clone(), Some(3.into()))])?;
    /// assert_eq!(cs.threshold(&me, 1, Direction::HigherIsBetter)?.target(), 1);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn target(&self) -> u32 {
        self.target
    }

    /// The entity's rank now (`RANK.EQ`).
    ///
    /// ```
    /// # use indstat::{rank::CrossSection, Direction, EntityId, Unit};
    /// # let me = EntityId::new("me")?;
    /// # let cs = CrossSection::new(Unit::SCORE, [(me.clone(), Some(3.into())), (EntityId::new("x")?, Some(4.into()))])?;
    /// assert_eq!(cs.threshold(&me, 1, Direction::HigherIsBetter)?.rank_now(), 2);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn rank_now(&self) -> u32 {
        self.rank_now
    }

    /// The entity's value now.
    ///
    /// ```
    /// # use indstat::{rank::CrossSection, Direction, EntityId, Unit};
    /// # let me = EntityId::new("me")?;
    /// # let cs = CrossSection::new(Unit::SCORE, [(me.clone(), Some(3.into()))])?;
    /// assert_eq!(cs.threshold(&me, 1, Direction::HigherIsBetter)?.value().value(), 3.into());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn value(&self) -> Quantity {
        self.value
    }

    /// The value that reaches rank N (the N-th best among the others), or
    /// `None` when there are fewer than N others, so any value does.
    ///
    /// ```
    /// # use indstat::{rank::CrossSection, Direction, EntityId, Unit};
    /// # let me = EntityId::new("me")?;
    /// # let cs = CrossSection::new(Unit::SCORE, [(me.clone(), Some(3.into())), (EntityId::new("x")?, Some(4.into()))])?;
    /// assert_eq!(cs.threshold(&me, 1, Direction::HigherIsBetter)?.needed().map(|q| q.value()), Some(4.into()));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn needed(&self) -> Option<Quantity> {
        self.needed
    }

    /// How far the value must move (up for higher-is-better, down for
    /// lower-is-better), zero when already at rank N or better.
    ///
    /// ```
    /// # use indstat::{rank::CrossSection, Direction, EntityId, Unit};
    /// # let me = EntityId::new("me")?;
    /// # let cs = CrossSection::new(Unit::SCORE, [(me.clone(), Some(3.into())), (EntityId::new("x")?, Some(4.into()))])?;
    /// assert_eq!(cs.threshold(&me, 1, Direction::HigherIsBetter)?.gap().value(), 1.into());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn gap(&self) -> Quantity {
        self.gap
    }

    /// Whether the entity already ranks N or better.
    ///
    /// ```
    /// # use indstat::{rank::CrossSection, Direction, EntityId, Unit};
    /// # let me = EntityId::new("me")?;
    /// # let cs = CrossSection::new(Unit::SCORE, [(me.clone(), Some(3.into())), (EntityId::new("x")?, Some(4.into()))])?;
    /// assert!(!cs.threshold(&me, 1, Direction::HigherIsBetter)?.is_reached());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn is_reached(&self) -> bool {
        self.rank_now <= self.target
    }
}
