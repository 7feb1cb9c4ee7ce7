//! The builder every reader fills: rows pushed with their keys as text
//! (the readers) or typed (rows in memory), interned, then handed to the
//! index as a panel's columns.

use rust_decimal::Decimal;

use super::cells::{bad_cell, empty_key, parse_period, too_many};
use crate::panel::Panel;
use crate::panel::fast::intern::{FastMap, Keys, Small};
use crate::panel::fast::{trim, values::Values};
use crate::panel::index::Parts;
use crate::{Error, ObsStatus, Period, Result};

/// Field numbers (1-based) of the key columns in a file, for the errors that
/// name a cell (a value cell's errors are named where it is read).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Columns {
    pub(crate) entity: usize,
    pub(crate) period: usize,
    pub(crate) indicator: usize,
}

/// Rows as read, before interning and indexing.
#[derive(Debug)]
pub(crate) struct Builder {
    columns: Columns,
    /// The line of the first row; row `r` is on line `first_line + r`.
    first_line: u64,
    entities: Keys,
    /// Period ids by the text of the cell (readers).
    period_ids: Small,
    /// Period ids by period: two texts of one period share its id.
    period_index: FastMap<Period, u32>,
    periods: Vec<Period>,
    period: Vec<u32>,
    indicator_ids: Small,
    indicators: Vec<String>,
    indicator: Vec<u32>,
    value: Values,
    status: Option<Vec<ObsStatus>>,
}

impl Builder {
    pub(crate) fn new(columns: Columns, first_line: u64, with_status: bool) -> Builder {
        Builder {
            columns,
            first_line,
            entities: Keys::default(),
            period_ids: Small::default(),
            period_index: FastMap::default(),
            periods: Vec::new(),
            period: Vec::new(),
            indicator_ids: Small::default(),
            indicators: Vec::new(),
            indicator: Vec::new(),
            value: Values::default(),
            status: with_status.then(Vec::new),
        }
    }

    /// Adds one row read as text. Keys are checked for emptiness here and
    /// for UTF-8 once per distinct key; a period cell is parsed once per
    /// distinct text.
    #[inline]
    pub(crate) fn push(
        &mut self,
        line: u64,
        entity: &[u8],
        period: &[u8],
        indicator: &[u8],
        value: Option<Decimal>,
    ) -> Result<()> {
        if entity.is_empty() {
            return Err(empty_key(line, self.columns.entity, "an entity"));
        }
        let period = match self.period_ids.get(period) {
            Some(id) => id,
            None => self.new_period(line, period)?,
        };
        let indicator = self.indicator_id(line, indicator)?;
        self.push_ids(entity, period, indicator, value);
        Ok(())
    }

    /// Adds one row whose period is typed (rows in memory): as
    /// [`Builder::push`], the period taken as it is.
    fn push_typed(
        &mut self,
        line: u64,
        entity: &str,
        period: Period,
        indicator: &str,
        value: Option<Decimal>,
    ) -> Result<()> {
        if entity.is_empty() {
            return Err(empty_key(line, self.columns.entity, "an entity"));
        }
        let period = self.period_id(period)?;
        let indicator = self.indicator_id(line, indicator.as_bytes())?;
        self.push_ids(entity.as_bytes(), period, indicator, value);
        Ok(())
    }

    /// Appends a row whose period and indicator ids are known.
    #[inline]
    fn push_ids(&mut self, entity: &[u8], period: u32, indicator: u32, value: Option<Decimal>) {
        self.entities.push(entity);
        self.period.push(period);
        self.indicator.push(indicator);
        self.value.push(value);
    }

    /// The id of the indicator `text` (on line `line`), numbered by first
    /// appearance.
    #[inline]
    fn indicator_id(&mut self, line: u64, text: &[u8]) -> Result<u32> {
        match self.indicator_ids.get(text) {
            Some(id) => Ok(id),
            None => self.new_indicator(line, text),
        }
    }

    /// Adds one row whose keys are packed by
    /// [`pack`](crate::panel::fast::intern::pack) and whose value by
    /// [`plain`](crate::panel::fast::values::plain)
    /// (the entity non-empty), when its period and indicator are already
    /// known; `false` (nothing added) otherwise, and the caller takes
    /// [`Builder::push`], which gives the same result or the error.
    #[inline]
    pub(crate) fn push_packed(
        &mut self,
        entity: u128,
        period: u128,
        indicator: u128,
        value: u64,
    ) -> bool {
        let (Some(period), Some(indicator)) = (
            self.period_ids.get_packed(period),
            self.indicator_ids.get_packed(indicator),
        ) else {
            return false;
        };
        self.entities.push_packed(entity);
        self.period.push(period);
        self.indicator.push(indicator);
        self.value.push_word(value);
        true
    }

    /// Makes room for about `rows` more rows in every column, when the
    /// allocator grants it (a hint: refused room costs nothing, and the
    /// columns then grow as rows come). A panel holds fewer than 2^32 rows.
    pub(crate) fn reserve(&mut self, rows: usize) {
        let rows = rows.min(u32::MAX as usize);
        // Each column on its own: one refused leaves the others their room.
        let _ = self.entities.try_reserve(rows);
        let _ = self.period.try_reserve(rows);
        let _ = self.indicator.try_reserve(rows);
        let _ = self.value.try_reserve(rows);
    }

    /// Adds the status of the row just pushed.
    pub(crate) fn push_status(&mut self, status: ObsStatus) {
        if let Some(s) = self.status.as_mut() {
            s.push(status);
        }
    }

    /// The id of a period cell's text not seen before: parsed, then
    /// numbered as [`Builder::period_id`] numbers it.
    #[cold]
    fn new_period(&mut self, line: u64, text: &[u8]) -> Result<u32> {
        let column = self.columns.period;
        if text.is_empty() {
            return Err(empty_key(line, column, "a period"));
        }
        let period = parse_period(text).map_err(|reason| {
            let reason = format!("{reason}; write a year such as 2024, or 2024-Q1, 2024-M01");
            bad_cell(line, column, "a period", text, reason)
        })?;
        let id = self.period_id(period)?;
        self.period_ids.insert(text, id);
        Ok(id)
    }

    /// The id of `period`, numbered by first appearance.
    fn period_id(&mut self, period: Period) -> Result<u32> {
        if let Some(&id) = self.period_index.get(&period) {
            return Ok(id);
        }
        let id = u32::try_from(self.periods.len()).map_err(|_| too_many("periods"))?;
        self.periods.push(period);
        self.period_index.insert(period, id);
        Ok(id)
    }

    #[cold]
    fn new_indicator(&mut self, line: u64, text: &[u8]) -> Result<u32> {
        let column = self.columns.indicator;
        if text.is_empty() {
            return Err(empty_key(line, column, "an indicator"));
        }
        let name = core::str::from_utf8(text).map_err(|_| Error::InvalidUtf8 { line, column })?;
        let id = u32::try_from(self.indicators.len()).map_err(|_| too_many("indicators"))?;
        self.indicators.push(name.to_owned());
        self.indicator_ids.insert(text, id);
        Ok(id)
    }

    /// Interns the last buffer of entities, orders the periods in time and
    /// indexes the series, refusing duplicates.
    pub(crate) fn finish(mut self) -> Result<Panel> {
        let rows = self.period.len();
        if u32::try_from(rows).is_err() {
            return Err(too_many("rows"));
        }
        // Room reserved from an estimate (or left by doubling) is given back.
        trim(&mut self.period);
        trim(&mut self.indicator);
        self.value.trim();
        let (mut entity, names, firsts) = self.entities.intern();
        trim(&mut entity);
        let mut entities = Vec::with_capacity(names.len());
        for (bytes, first) in names.into_iter().zip(firsts) {
            let line = self.first_line.saturating_add(u64::from(first));
            let name = String::from_utf8(bytes).map_err(|_| Error::InvalidUtf8 {
                line,
                column: self.columns.entity,
            })?;
            entities.push(name);
        }
        Panel::assemble(
            Parts {
                entities,
                periods: self.periods,
                indicators: self.indicators,
                entity,
                period: self.period,
                indicator: self.indicator,
                value: self.value,
                status: self.status,
            },
            self.first_line,
            self.columns.entity,
        )
    }
}

impl Panel {
    /// Builds a panel from rows in memory. A duplicate (entity, period,
    /// indicator) is [`Error::DuplicateObservation`], whose lines are the
    /// 1-based positions of the two rows.
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::panel::Panel;
    /// use indstat::Period;
    /// use indstat::dec;
    /// let p = Panel::from_rows([("A", Period::year(2024)?, "x", Some(dec!(1)))])?;
    /// assert_eq!(p.len(), 1);
    /// assert!(Panel::from_rows([("", Period::year(2024)?, "x", None)]).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn from_rows<'a, I>(rows: I) -> Result<Panel>
    where
        I: IntoIterator<Item = (&'a str, Period, &'a str, Option<Decimal>)>,
    {
        let columns = Columns {
            entity: 1,
            period: 2,
            indicator: 3,
        };
        let mut builder = Builder::new(columns, 1, false);
        for (line, (entity, period, indicator, value)) in (1u64..).zip(rows) {
            builder.push_typed(line, entity, period, indicator, value)?;
        }
        builder.finish()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;

    /// A period pushed typed (rows in memory) and the same period read as
    /// text share one id; an empty key is refused either way.
    #[test]
    fn typed_and_text_periods_share_ids() {
        let columns = Columns {
            entity: 1,
            period: 2,
            indicator: 3,
        };
        let year = Period::year(2024).unwrap();
        let quarter = Period::quarter(2024, 1).unwrap();
        let mut b = Builder::new(columns, 1, false);
        b.push(1, b"A", b"2024", b"x", None).unwrap();
        b.push_typed(2, "B", year, "x", None).unwrap();
        b.push_typed(3, "A", quarter, "x", None).unwrap();
        b.push(4, b"B", b"2024-Q1", b"x", None).unwrap();
        let p = b.finish().unwrap();
        assert_eq!(p.periods().len(), 2);
        assert_eq!(p.period[0], p.period[1]);
        assert_eq!(p.period[2], p.period[3]);
        assert_ne!(p.period[0], p.period[2]);
        let mut b = Builder::new(columns, 1, false);
        let empty = b.push_typed(1, "A", year, "", None).unwrap_err();
        assert!(matches!(
            empty,
            Error::InvalidCell {
                line: 1,
                column: 3,
                ..
            }
        ));
    }

    /// A builder asked for any room (even `usize::MAX` rows) neither panics
    /// nor aborts: the room is only a hint.
    #[test]
    fn any_reservation_is_only_a_hint() {
        let columns = Columns {
            entity: 1,
            period: 2,
            indicator: 3,
        };
        for rows in [0usize, 1, 1 << 20, u32::MAX as usize, usize::MAX] {
            let mut b = Builder::new(columns, 2, false);
            b.reserve(rows);
            b.push(2, b"A", b"2024", b"x", None).unwrap();
            let p = b.finish().unwrap();
            assert_eq!(p.len(), 1);
        }
    }
}
