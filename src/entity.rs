//! `EntityId`: the stable identifier of what a series describes (a zone, a
//! district, a firm).

crate::indicator::code_type!(
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
