//! The raw values a composite index is computed from, by entity and
//! indicator code.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::entity::EntityIndex;
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
    pub(super) index: EntityIndex,
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
