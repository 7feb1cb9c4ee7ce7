//! Year-on-year growth of every row and the CAGR of every series, by the
//! growth kernel of [`growth::growth`](crate::growth::growth) and [`growth::cagr`](crate::growth::cagr).

use std::borrow::Cow;

use rust_decimal::Decimal;

use super::reasons::unnamed;
use super::{Reason, ReasonCounts};
use crate::growth::kernel;
use crate::panel::Panel;
use crate::panel::index::Ends;
use crate::{Period, Rate, YearSpan};

/// Year-on-year growth of every row: `value / base − 1`, where the base is
/// the same series' value exactly a year earlier, as a [`Rate`] (the type
/// of [`growth::growth`](crate::growth::growth) and of [`SeriesCagr::cagr`]).
///
/// # Examples
///
/// ```
/// use indstat::panel::Panel;
/// use indstat::dec;
/// let p = Panel::from_csv("entity,period,indicator,value\nA,2024,x,5\nA,2023,x,4\nA,2021,x,1\n".as_bytes())?;
/// let g = p.yoy_growth();
/// assert_eq!(g.growth(0).map(|r| r.fraction()), Some(dec!(0.25)));
/// assert_eq!(g.growth(0).map(|r| r.to_string()).as_deref(), Some("25%"));
/// assert_eq!(g.base_row(0), Some(1));
/// assert_eq!(g.growth(1), None); // 2022 is absent: a gap does not reach back
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelGrowth {
    growth: Vec<Option<Rate>>,
    base: Vec<u32>,
    reason: Vec<Option<Reason>>,
    counts: ReasonCounts,
}

const NO_ROW: u32 = u32::MAX;

impl PanelGrowth {
    /// The growth of row `row`, exact: [`Rate::fraction`] is 0.085 for
    /// 8.5%, and `Display` with a precision rounds for display, half away
    /// from zero (8.4995% at two places is 8.50%).
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,108.4995\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let g = p.yoy_growth();
    /// let a = g.growth(1).unwrap();
    /// assert_eq!(a.fraction(), dec!(0.084995));
    /// assert_eq!(format!("{a:.2}"), "8.50%");
    /// assert_eq!(g.growth(0), None);
    /// assert_eq!(g.growth(3), None); // from a zero base
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn growth(&self, row: usize) -> Option<Rate> {
        self.growth.get(row).copied().flatten()
    }

    /// The row of the base (a year earlier), if there is one.
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::rank::{Order, Ties};
    /// # use indstat::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let g = p.yoy_growth();
    /// assert_eq!(g.base_row(1), Some(0));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn base_row(&self, row: usize) -> Option<usize> {
        self.base
            .get(row)
            .filter(|&&b| b != NO_ROW)
            .map(|&b| b as usize)
    }

    /// Why row `row`'s growth is missing.
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::rank::{Order, Ties};
    /// # use indstat::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let g = p.yoy_growth();
    /// assert_eq!(g.reason(3), Some(Reason::ZeroBase));
    /// assert_eq!(g.reason(1), None);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn reason(&self, row: usize) -> Option<Reason> {
        self.reason.get(row).copied().flatten()
    }

    /// Valid and missing results by reason.
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::rank::{Order, Ties};
    /// # use indstat::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let g = p.yoy_growth();
    /// assert_eq!(g.counts().valid(), 1);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn counts(&self) -> &ReasonCounts {
        &self.counts
    }
}

/// One series' CAGR from its first to its last period.
///
/// # Examples
///
/// ```
/// use indstat::panel::Panel;
/// use indstat::dec;
/// let p = Panel::from_csv("entity,period,indicator,value\nA,2020,x,100\nA,2022,x,121\n".as_bytes())?;
/// let c = p.cagr();
/// let s = &c.series()[0];
/// assert_eq!((s.entity, s.span.and_then(|y| y.whole_years())), ("A", Some(2)));
/// assert_eq!(s.cagr.map(|r| r.fraction()), Some(dec!(0.1)));
/// assert_eq!(s.reason, None);
///
/// // Quarters: 2021-Q1 to 2022-Q2 is five quarters, 5/4 years, not 1.
/// let q = Panel::from_csv("entity,period,indicator,value\nA,2021-Q1,x,100\nA,2022-Q2,x,125\n".as_bytes())?;
/// let span = q.cagr().series()[0].span.unwrap();
/// assert_eq!((span.periods(), span.per_year(), span.to_decimal()), (5, 4, dec!(1.25)));
/// assert_eq!(span.whole_years(), None);
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesCagr<'a> {
    /// The entity.
    pub entity: &'a str,
    /// The indicator.
    pub indicator: &'a str,
    /// The first period with a value (`None` when the series has no value).
    pub first_period: Option<Period>,
    /// The last period with a value.
    pub last_period: Option<Period>,
    /// The value in the first period.
    pub first_value: Option<Decimal>,
    /// The value in the last period.
    pub last_value: Option<Decimal>,
    /// The time from the first to the last period with a value, exactly:
    /// whole years for annual data, quarters of a year for quarters
    /// (2021-Q1 → 2022-Q2 is 5/4 years), twelfths for months; zero periods
    /// for a series with one period. `None` when the series has no value, or
    /// its two ends have no span between them ([`Reason::FrequencyMismatch`],
    /// [`Reason::CumulativeMismatch`]).
    pub span: Option<YearSpan>,
    /// The CAGR, as [`growth::cagr`](crate::growth::cagr) gives it.
    pub cagr: Option<Rate>,
    /// Why the CAGR is missing.
    pub reason: Option<Reason>,
}

/// The CAGR of every series.
///
/// # Examples
///
/// ```
/// use indstat::panel::{Panel, Reason};
/// let p = Panel::from_csv("entity,period,indicator,value\nA,2020,x,0\nA,2022,x,121\nB,2022,x,1\n".as_bytes())?;
/// let c = p.cagr();
/// assert_eq!(c.counts().count(Reason::ZeroBase), 1);
/// assert_eq!(c.counts().count(Reason::SinglePeriod), 1);
/// assert_eq!(c.counts().valid(), 0);
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelCagr<'a> {
    series: Vec<SeriesCagr<'a>>,
    counts: ReasonCounts,
}

impl<'a> PanelCagr<'a> {
    /// One entry per series, in order of the series' first appearance.
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::rank::{Order, Ties};
    /// # use indstat::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let c = p.cagr();
    /// assert_eq!(c.series().len(), 2);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn series(&self) -> &[SeriesCagr<'a>] {
        &self.series
    }

    /// Valid and missing results by reason.
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::rank::{Order, Ties};
    /// # use indstat::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let c = p.cagr();
    /// assert_eq!(c.counts().count(Reason::ZeroBase), 1); // B starts at 0
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn counts(&self) -> &ReasonCounts {
        &self.counts
    }
}

/// A row at one end of a series, with the columns CAGR needs.
#[derive(Debug, Clone, Copy)]
struct End {
    value: Option<Decimal>,
    period: u32,
}

impl Panel {
    /// Year-on-year growth of every row: [`growth::growth`](crate::growth::growth)
    /// from the value exactly a year earlier in the same series (a gap does
    /// not reach back further) to the row's value. Where the scalar function
    /// returns an error (a zero or negative base, a change of sign), the
    /// growth is missing and counted by [`Reason`].
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::panel::{Panel, Reason};
    /// use indstat::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2023,x,-2\nA,2024,x,1\nB,2023,x,8\nB,2024,x,10\n".as_bytes())?;
    /// let g = p.yoy_growth();
    /// assert_eq!(g.growth(3).map(|r| r.fraction()), Some(dec!(0.25)));
    /// assert_eq!(g.reason(1), Some(Reason::NegativeBase));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn yoy_growth(&self) -> PanelGrowth {
        let base = self.year_ago_rows();
        let n = self.len();
        let mut out = PanelGrowth {
            growth: Vec::with_capacity(n),
            base,
            reason: Vec::with_capacity(n),
            counts: ReasonCounts::default(),
        };
        // Rows in input order: the row's own columns are read in sequence.
        // The bases lie anywhere in memory: gather a block of them first in
        // a tight loop (whose cache misses overlap), then compute.
        // Both are decoded into buffers in loops of their own, which keeps
        // the arithmetic's loop as small as the compiler inlines whole.
        const BLOCK: usize = 2048;
        let mut words: Vec<u64> = Vec::with_capacity(BLOCK);
        let mut bases: Vec<Option<Decimal>> = Vec::with_capacity(BLOCK);
        let mut currents: Vec<Option<Decimal>> = Vec::with_capacity(BLOCK);
        for (block, rows) in out.base.chunks(BLOCK).enumerate() {
            words.clear();
            words.extend(rows.iter().map(|&b| self.value.word(b as usize)));
            bases.clear();
            bases.extend(words.iter().map(|&w| self.value.decode(w)));
            let first = block.saturating_mul(BLOCK);
            currents.clear();
            currents.extend((first..first.saturating_add(rows.len())).map(|r| self.value(r)));
            for ((&b, &bv), &cv) in rows.iter().zip(&bases).zip(&currents) {
                let outcome = if b == NO_ROW {
                    Err(Reason::NoBase)
                } else {
                    growth_of(bv, cv)
                };
                out.counts.add(outcome.map(|_| ()));
                out.growth.push(outcome.ok());
                out.reason.push(outcome.err());
            }
        }
        out
    }

    /// For every row, the row of the same series exactly a year earlier, or
    /// [`NO_ROW`].
    fn year_ago_rows(&self) -> Vec<u32> {
        // The period id a year before each period id, if in the panel.
        let year_ago: Vec<u32> = self
            .periods
            .iter()
            .map(|p| {
                p.year_ago()
                    .ok()
                    .and_then(|ago| {
                        self.periods
                            .binary_search_by_key(&ago.sort_key(), Period::sort_key)
                            .ok()
                    })
                    .and_then(|id| u32::try_from(id).ok())
                    .unwrap_or(NO_ROW)
            })
            .collect();
        let n = self.len();
        let mut base = vec![NO_ROW; n];
        let index = self.index();
        if let Some(cells) = &self.occupied {
            // The cells in index order give each row's series and period
            // with no look-up: the base is the same series' cell at the
            // period a year earlier, if occupied, and its place in the index
            // is that cell's rank.
            let np = self.periods.len().max(1);
            let mut start = 0usize; // the current series' first cell
            cells.each(|place, cell| {
                // Cells come in increasing order: move to the cell's series.
                while cell >= start.saturating_add(np) {
                    start = start.saturating_add(np);
                }
                let p = cell.wrapping_sub(start);
                let ago = year_ago.get(p).copied().unwrap_or(NO_ROW);
                if ago == NO_ROW {
                    return;
                }
                let from = start.wrapping_add(ago as usize);
                if !cells.has(from) {
                    return;
                }
                let rows = &index.rows;
                let found = rows.get(cells.rank(from) as usize);
                if let (Some(&row), Some(&b)) = (rows.get(place), found) {
                    if let Some(slot) = base.get_mut(row as usize) {
                        *slot = b;
                    }
                }
            });
            return base;
        }
        // The period of every row in series order: one gather (its loads
        // are independent, so their cache misses overlap); every look-back
        // below then reads this array in sequence.
        let periods: Vec<u32> = index
            .rows
            .iter()
            .map(|&r| self.period.get(r as usize).copied().unwrap_or(0))
            .collect();
        for s in 0..index.series.len() {
            let range = index.range(s);
            let (Some(rows), Some(pers)) = (index.rows.get(range.clone()), periods.get(range))
            else {
                continue;
            };
            for (k, (&row, &p)) in rows.iter().zip(pers).enumerate() {
                let ago = year_ago.get(p as usize).copied().unwrap_or(NO_ROW);
                if ago == NO_ROW {
                    continue;
                }
                // Rows are in time order: look back from k for the period
                // `ago` (the previous row for yearly data, 12 back for
                // monthly data without gaps).
                let found = pers
                    .get(..k)
                    .unwrap_or_default()
                    .iter()
                    .rposition(|&q| q <= ago)
                    .filter(|&i| pers.get(i) == Some(&ago))
                    .and_then(|i| rows.get(i));
                if let (Some(&b), Some(slot)) = (found, base.get_mut(row as usize)) {
                    *slot = b;
                }
            }
        }
        base
    }

    /// The CAGR of every series from its first to its last period with a
    /// value: [`growth::cagr`](crate::growth::cagr) over the exact span
    /// between them ([`SeriesCagr::span`]: 2021-Q1 to 2022-Q2 is 5/4 years).
    /// A series with one period, a first value of zero or less, a negative
    /// last value, ends of two frequencies or cumulatives through two
    /// different months, or a result beyond what a `Decimal` holds has no
    /// CAGR, counted by [`Reason`].
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::panel::Panel;
    /// use indstat::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2020,x,100\nA,2024,x,0\n".as_bytes())?;
    /// assert_eq!(p.cagr().series()[0].cagr.map(|r| r.fraction()), Some(dec!(-1))); // an end of zero: −100%
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn cagr(&self) -> PanelCagr<'_> {
        let mut counts = ReasonCounts::default();
        // Each series' first and last rows: from the index when it is built,
        // else from the occupied cells, which is cheaper than building it.
        let from_cells = match self.index.get() {
            None => self.ends_from_cells(),
            Some(_) => None,
        };
        let Ends {
            series: pairs,
            rows: ends,
        } = match from_cells {
            Some(ends) => ends,
            None => {
                let index = self.index();
                let rows = (0..index.series.len())
                    .map(|s| {
                        let seg = index.rows_of(s);
                        let at = |r: Option<&u32>| r.copied().unwrap_or(u32::MAX);
                        [at(seg.first()), at(seg.last())]
                    })
                    .collect();
                Ends {
                    series: Cow::Borrowed(index.series.as_slice()),
                    rows,
                }
            }
        };
        let mut series = Vec::with_capacity(pairs.len());
        // Series in blocks: first the rows at each end (their values lie
        // anywhere in memory: gathered in a tight loop whose cache misses
        // overlap), then the arithmetic.
        const BLOCK: usize = 1024;
        let mut gathered: Vec<End> = Vec::with_capacity(BLOCK.saturating_mul(2));
        let end = |r: usize| End {
            value: self.value(r),
            period: self.period.get(r).copied().unwrap_or(u32::MAX),
        };
        let n = pairs.len();
        for from in (0..n).step_by(BLOCK) {
            let block = from..from.saturating_add(BLOCK).min(n);
            gathered.clear();
            for &[first, last] in ends.get(block.clone()).unwrap_or_default() {
                gathered.push(end(first as usize));
                gathered.push(end(last as usize));
            }
            for (s, pair) in block.zip(gathered.chunks_exact(2)) {
                let &[mut first, mut last] = pair else {
                    continue;
                };
                if first.value.is_none() || last.value.is_none() {
                    // Missing values at an end: the first and last present
                    // (the index has the series in the same order).
                    let seg = self.index().rows_of(s);
                    let present = |r: &&u32| self.value(**r as usize).is_some();
                    first = end(seg.iter().find(present).map_or(usize::MAX, |&r| r as usize));
                    last = end(seg
                        .iter()
                        .rev()
                        .find(present)
                        .map_or(usize::MAX, |&r| r as usize));
                }
                let (e, i) = pairs.get(s).copied().unwrap_or((0, 0));
                series.push(self.series_cagr(e, i, first, last, &mut counts));
            }
        }
        PanelCagr { series, counts }
    }

    /// One series' CAGR from its first and last rows with a value.
    fn series_cagr(
        &self,
        e: u32,
        i: u32,
        first: End,
        last: End,
        counts: &mut ReasonCounts,
    ) -> SeriesCagr<'_> {
        let period = |end: End| self.periods.get(end.period as usize).copied();
        let (p0, p1) = (period(first), period(last));
        let (v0, v1) = (first.value, last.value);
        let span = p0.zip(p1).map(|(a, b)| span_between(a, b));
        let outcome = match (v0, v1, span) {
            (Some(v0), Some(v1), Some(Ok(span))) => cagr_of(v0, v1, span),
            (_, _, Some(Err(reason))) => Err(reason),
            _ => Err(Reason::MissingValue),
        };
        counts.add(outcome.map(|_| ()));
        SeriesCagr {
            entity: self.entities.get(e as usize).map_or("", String::as_str),
            indicator: self.indicators.get(i as usize).map_or("", String::as_str),
            first_period: p0,
            last_period: p1,
            first_value: v0,
            last_value: v1,
            span: span.and_then(core::result::Result::ok),
            cagr: outcome.ok(),
            reason: outcome.err(),
        }
    }
}

/// The span from a series' first period to its last, or why there is none:
/// [`Period::years_until`] refuses periods of two frequencies and, within
/// one, only cumulatives through different months.
fn span_between(first: Period, last: Period) -> core::result::Result<YearSpan, Reason> {
    if first.frequency() != last.frequency() {
        return Err(Reason::FrequencyMismatch);
    }
    first
        .years_until(&last)
        .map_err(|_| Reason::CumulativeMismatch)
}

/// Growth from `base` to `current`, as [`growth::growth`](crate::growth::growth) gives it: its
/// kernel on two values of one unit.
#[inline]
fn growth_of(
    base: Option<Decimal>,
    current: Option<Decimal>,
) -> core::result::Result<Rate, Reason> {
    let (Some(b), Some(c)) = (base, current) else {
        return Err(Reason::MissingValue);
    };
    kernel::growth(b, c, unnamed).map_err(|e| Reason::of(&e))
}

/// The CAGR from `v0` to `v1` over `span`, as [`growth::cagr`](crate::growth::cagr) gives it: its
/// kernel on two values of one unit, once the series spans more than one
/// period.
fn cagr_of(v0: Decimal, v1: Decimal, span: YearSpan) -> core::result::Result<Rate, Reason> {
    if span.periods() == 0 {
        return Err(Reason::SinglePeriod);
    }
    kernel::cagr(v0, v1, span, unnamed).map_err(|e| Reason::of(&e))
}
