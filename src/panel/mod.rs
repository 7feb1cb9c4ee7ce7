//! Panels: entities × periods × indicators, stored column-wise with exact
//! values, read from and written to long CSV and SDMX-CSV 2.0, with
//! group-wise rank, year-on-year growth, CAGR and target gap.
//!
//! # Design
//!
//! - Keys are interned once: entities are packed inline while parsing and
//!   interned in a separate pass; periods and indicators (few) through a small
//!   cache. Periods are kept in time order, so `period_id` order is time order.
//! - Values are exact [`Decimal`]s; an empty cell is a missing value (`None`).
//! - A second row for one (entity, period, indicator) is an error naming
//!   both lines, found while reading by one bit per possible cell.
//! - Each (entity, indicator) series is indexed once, its rows in time order,
//!   by the first computation that needs it (growth, a series view); a
//!   ranking or a cross-section never builds it, and CAGR and target gap
//!   find each series' first and last rows from the occupied cells.
//! - The computations run the scalar API's kernels: [`Panel::rank`] ranks
//!   each (period, indicator) cross-section with the integer keys and tie
//!   assignment of [`rank::rank`](crate::rank::rank); [`Panel::yoy_growth`]
//!   is the arithmetic and refusals of [`growth::growth`](crate::growth::growth)
//!   on the pair whose base is exactly a year earlier; [`Panel::cagr`] those
//!   of [`growth::cagr`](crate::growth::cagr) from the first to the last
//!   period. Where the scalar API returns an error for one element (a zero
//!   base), the panel gives a missing result and counts it by [`Reason`].
//!
//! # Examples
//!
//! ```
//! use indstat::panel::{Panel, Reason};
//! use indstat::rank::{Order, Ties};
//! use indstat::dec;
//!
//! let csv = "entity,period,indicator,value\n\
//!            A,2023,output,100\nA,2024,output,110\nB,2023,output,0\nB,2024,output,50\n";
//! let panel = Panel::from_csv(csv.as_bytes())?;
//! assert_eq!(panel.len(), 4);
//!
//! let growth = panel.yoy_growth();
//! let a = growth.growth(1).unwrap();                  // A: 110 / 100 − 1
//! assert_eq!((a.fraction(), a.to_string().as_str()), (dec!(0.1), "10%"));
//! assert_eq!(growth.growth(3), None);                 // B: from a zero base
//! assert_eq!(growth.counts().count(Reason::ZeroBase), 1);
//!
//! let ranks = panel.rank(Ties::Average, Order::Descending);
//! assert_eq!(ranks.rank(3), Some(dec!(2)));           // B is second in 2024
//!
//! // A bad row is an error naming its line and column.
//! let bad = Panel::from_csv("entity,period,indicator,value\nA,2024,output,1e5\n".as_bytes());
//! assert_eq!(bad.unwrap_err().to_string(),
//!     "line 2, column 4: \"1e5\" is not a decimal value: not a plain decimal; write a plain decimal such as -1234.5678 (no exponent or grouping) with at most 28 decimal places and at most 79228162514264337593543950335 without its decimal point, or leave the cell empty");
//! # Ok::<(), indstat::Error>(())
//! ```

// This file holds `Panel` and its accessors. `fast` makes reading fast and
// storage small (word-at-a-time scanning, key interning, the packed value
// column) and knows nothing else; `index` assembles a panel from a reader's
// columns and keeps the series index (the occupied cells, the counting sort,
// the duplicate search); `io` reads and writes the text formats (lines;
// cells and every error naming a line and a column; the builder; CSV;
// SDMX-CSV; quoting); `compute` runs the computations through the scalar
// API's kernels and counts missing results by `Reason`. `io` and `compute`
// build on `index` and `fast`, never on each other.
mod compute;
mod fast;
mod index;
mod io;

pub use compute::{
    PanelCagr, PanelGrowth, PanelRanks, PanelTarget, Reason, ReasonCounts, SeriesCagr, SeriesTarget,
};
pub use io::SdmxOptions;

use std::sync::OnceLock;

use rust_decimal::Decimal;

use crate::{ObsStatus, Period, Result};
use index::{Cells, Index};

/// A panel: rows of (entity, period, indicator, value), stored column-wise
/// with interned keys and exact values, and indexed by series.
///
/// Build one with [`Panel::from_csv`], [`Panel::from_sdmx_csv`] or
/// [`Panel::from_rows`]. Rows keep their input order; `row` indices below are
/// positions in it.
///
/// # Examples
///
/// ```
/// use indstat::panel::Panel;
/// use indstat::Period;
/// use indstat::dec;
///
/// let panel = Panel::from_rows([
///     ("A", Period::year(2024)?, "output", Some(dec!(1.5))),
///     ("B", Period::year(2024)?, "output", None),
/// ])?;
/// assert_eq!(panel.entities(), ["A", "B"]);
/// assert_eq!(panel.value(0), Some(dec!(1.5)));
///
/// let twice = Panel::from_rows([
///     ("A", Period::year(2024)?, "output", Some(dec!(1))),
///     ("A", Period::year(2024)?, "output", Some(dec!(2))),
/// ]);
/// assert!(matches!(twice, Err(indstat::Error::DuplicateObservation { line: 2, first_line: 1, .. })));
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Panel {
    entities: Vec<String>,
    periods: Vec<Period>,
    indicators: Vec<String>,
    entity: Vec<u32>,
    period: Vec<u32>,
    indicator: Vec<u32>,
    value: fast::values::Values,
    status: Option<Vec<ObsStatus>>,
    /// The occupied (series, period) cells (see [`Panel::cells`]); `None`
    /// when they are too many to keep so.
    occupied: Option<Cells>,
    /// The series index, built by the first computation that needs it (a
    /// ranking or a cross-section does not); derived from the columns above.
    index: OnceLock<Index>,
}

/// Two panels are equal when their rows and keys are: whether either has
/// built its series index yet does not matter.
impl PartialEq for Panel {
    fn eq(&self, other: &Panel) -> bool {
        self.entities == other.entities
            && self.periods == other.periods
            && self.indicators == other.indicators
            && self.entity == other.entity
            && self.period == other.period
            && self.indicator == other.indicator
            && self.value == other.value
            && self.status == other.status
    }
}

impl Eq for Panel {}

/// One row of a panel, borrowed.
///
/// # Examples
///
/// ```
/// use indstat::panel::Panel;
/// let panel = Panel::from_csv("entity,period,indicator,value\nA,2024,output,7\n".as_bytes())?;
/// let row = panel.row(0).unwrap();
/// assert_eq!((row.entity, row.indicator, row.period.to_string().as_str()), ("A", "output", "2024"));
/// assert!(panel.row(1).is_none());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row<'a> {
    /// The entity.
    pub entity: &'a str,
    /// The period.
    pub period: Period,
    /// The indicator.
    pub indicator: &'a str,
    /// The value, `None` when missing.
    pub value: Option<Decimal>,
    /// The SDMX observation status, when the panel was read with one.
    pub status: Option<ObsStatus>,
}

impl Panel {
    /// The number of rows.
    ///
    /// ```
    /// let p = indstat::panel::Panel::from_csv("entity,period,indicator,value\n".as_bytes())?;
    /// assert_eq!(p.len(), 0);
    /// assert!(p.is_empty());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.value.len()
    }

    /// Whether the panel has no rows.
    ///
    /// ```
    /// let p = indstat::panel::Panel::from_csv("entity,period,indicator,value\nA,2024,x,\n".as_bytes())?;
    /// assert!(!p.is_empty());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    /// The distinct entities, in order of first appearance.
    ///
    /// ```
    /// let p = indstat::panel::Panel::from_csv("entity,period,indicator,value\nB,2024,x,1\nA,2024,x,2\nB,2023,x,3\n".as_bytes())?;
    /// assert_eq!(p.entities(), ["B", "A"]);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn entities(&self) -> &[String] {
        &self.entities
    }

    /// The distinct periods, in time order.
    ///
    /// ```
    /// use indstat::Period;
    /// let p = indstat::panel::Panel::from_csv("entity,period,indicator,value\nB,2024,x,1\nB,2023,x,3\n".as_bytes())?;
    /// assert_eq!(p.periods(), [Period::year(2023)?, Period::year(2024)?]);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn periods(&self) -> &[Period] {
        &self.periods
    }

    /// The distinct indicators, in order of first appearance.
    ///
    /// ```
    /// let p = indstat::panel::Panel::from_csv("entity,period,indicator,value\nB,2024,x,1\nB,2024,y,3\n".as_bytes())?;
    /// assert_eq!(p.indicators(), ["x", "y"]);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn indicators(&self) -> &[String] {
        &self.indicators
    }

    /// The value of row `row` (`None` when missing or out of range).
    ///
    /// ```
    /// use indstat::dec;
    /// let p = indstat::panel::Panel::from_csv("entity,period,indicator,value\nB,2024,x,1.50\nB,2023,x,\n".as_bytes())?;
    /// assert_eq!(p.value(0), Some(dec!(1.50)));
    /// assert_eq!(p.value(1), None);
    /// assert_eq!(p.value(2), None);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn value(&self, row: usize) -> Option<Decimal> {
        self.value.get(row).flatten()
    }

    /// Row `row`, if there is one.
    ///
    /// ```
    /// let p = indstat::panel::Panel::from_csv("entity,period,indicator,value\nB,2024,x,1\n".as_bytes())?;
    /// assert_eq!(p.row(0).map(|r| r.entity), Some("B"));
    /// assert!(p.row(5).is_none());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn row(&self, row: usize) -> Option<Row<'_>> {
        let entity = self.entities.get(*self.entity.get(row)? as usize)?;
        let period = *self.periods.get(*self.period.get(row)? as usize)?;
        let indicator = self.indicators.get(*self.indicator.get(row)? as usize)?;
        Some(Row {
            entity,
            period,
            indicator,
            value: self.value.get(row)?,
            status: self.status.as_ref().and_then(|s| s.get(row).copied()),
        })
    }

    /// All rows, in input order.
    ///
    /// ```
    /// let p = indstat::panel::Panel::from_csv("entity,period,indicator,value\nB,2024,x,1\nA,2024,x,2\n".as_bytes())?;
    /// let names: Vec<_> = p.rows().map(|r| r.entity).collect();
    /// assert_eq!(names, ["B", "A"]);
    /// assert_eq!(p.rows().filter(|r| r.value.is_none()).count(), 0);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> + '_ {
        (0..self.len()).filter_map(|r| self.row(r))
    }

    /// The cross-section of `indicator` in `period`: (entity, value) in row
    /// order; empty when either is unknown.
    ///
    /// ```
    /// use indstat::Period;
    /// use indstat::dec;
    /// let p = indstat::panel::Panel::from_csv("entity,period,indicator,value\nB,2024,x,1\nA,2024,x,2\nA,2023,x,5\n".as_bytes())?;
    /// assert_eq!(p.cross_section(Period::year(2024)?, "x"), [("B", Some(dec!(1))), ("A", Some(dec!(2)))]);
    /// assert!(p.cross_section(Period::year(2020)?, "x").is_empty());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn cross_section(&self, period: Period, indicator: &str) -> Vec<(&str, Option<Decimal>)> {
        self.rows()
            .filter(|r| r.period == period && r.indicator == indicator)
            .map(|r| (r.entity, r.value))
            .collect()
    }

    /// The series of `entity` and `indicator`: (period, value) in time order;
    /// empty when there is none.
    ///
    /// ```
    /// use indstat::Period;
    /// use indstat::dec;
    /// let p = indstat::panel::Panel::from_csv("entity,period,indicator,value\nA,2024,x,2\nA,2023,x,5\n".as_bytes())?;
    /// assert_eq!(p.series("A", "x"), [(Period::year(2023)?, Some(dec!(5))), (Period::year(2024)?, Some(dec!(2)))]);
    /// assert!(p.series("Z", "x").is_empty());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn series(&self, entity: &str, indicator: &str) -> Vec<(Period, Option<Decimal>)> {
        let e = self.entities.iter().position(|x| x == entity);
        let i = self.indicators.iter().position(|x| x == indicator);
        let (Some(e), Some(i)) = (e, i) else {
            return Vec::new();
        };
        let index = self.index();
        let Some(s) = index
            .series
            .iter()
            .position(|&(se, si)| se as usize == e && si as usize == i)
        else {
            return Vec::new();
        };
        index
            .rows_of(s)
            .iter()
            .filter_map(|&r| self.row(r as usize))
            .map(|r| (r.period, r.value))
            .collect()
    }

    /// The rows for which `keep` holds, as a new panel (keys re-interned).
    ///
    /// ```
    /// use indstat::Period;
    /// let p = indstat::panel::Panel::from_csv("entity,period,indicator,value\nA,2024,x,2\nA,2023,x,5\nB,2024,y,1\n".as_bytes())?;
    /// let recent = p.filter(|r| r.period == Period::year(2024).unwrap())?;
    /// assert_eq!(recent.len(), 2);
    /// assert!(p.filter(|_| false)?.is_empty());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn filter(&self, mut keep: impl FnMut(&Row<'_>) -> bool) -> Result<Panel> {
        let kept: Vec<Row<'_>> = self.rows().filter(|r| keep(r)).collect();
        let mut panel = Panel::from_rows(
            kept.iter()
                .map(|r| (r.entity, r.period, r.indicator, r.value)),
        )?;
        if self.status.is_some() {
            panel.status = Some(kept.iter().map(|r| r.status.unwrap_or_default()).collect());
        }
        Ok(panel)
    }
}
