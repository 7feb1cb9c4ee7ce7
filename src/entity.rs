//! `EntityId`: the stable identifier of what a series describes (a zone, a
//! district, a firm), and the index of a list of entities by id.

use std::collections::BTreeMap;

use crate::{Error, Result};

crate::code::code_type!(
    /// A stable entity identifier: a zone, a district, a firm (`rongchang_htz`).
    ///
    /// ```
    /// use indstat::EntityId;
    /// assert_eq!(EntityId::new("rongchang_htz")?.to_string(), "rongchang_htz");
    /// assert!(EntityId::new("has space").is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    EntityId,
    "entity id"
);

/// Where each entity of a list stands in it (a cross-section's rows, a
/// composite's data), built once and checked for duplicates: entities are
/// found by id, never by position.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct EntityIndex(BTreeMap<EntityId, usize>);

impl EntityIndex {
    /// The index of `entities`, or [`Error::DuplicateEntity`] for an entity
    /// given twice.
    pub(crate) fn new(entities: &[EntityId]) -> Result<EntityIndex> {
        let mut index = BTreeMap::new();
        for (i, entity) in entities.iter().enumerate() {
            if index.insert(entity.clone(), i).is_some() {
                return Err(Error::DuplicateEntity {
                    entity: entity.to_string(),
                });
            }
        }
        Ok(EntityIndex(index))
    }

    /// The position of `entity` in the list, or [`Error::UnknownEntity`].
    pub(crate) fn position(&self, entity: &EntityId) -> Result<usize> {
        self.0
            .get(entity)
            .copied()
            .ok_or_else(|| Error::UnknownEntity {
                entity: entity.to_string(),
            })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn entities_are_found_by_id_once_each() {
        let id = |s: &str| EntityId::new(s).unwrap();
        let index = EntityIndex::new(&[id("a"), id("b")]).unwrap();
        assert_eq!(index.position(&id("b")), Ok(1));
        assert!(matches!(
            index.position(&id("c")),
            Err(Error::UnknownEntity { entity }) if entity == "c"
        ));
        assert!(matches!(
            EntityIndex::new(&[id("a"), id("a")]),
            Err(Error::DuplicateEntity { entity }) if entity == "a"
        ));
    }
}
