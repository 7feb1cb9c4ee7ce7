//! The series index engine: assembling a panel from a reader's columns,
//! the series id of every row, the occupied (series, period) cells as one
//! bit each, the counting sort that orders every series' rows in time, and
//! the search for a second row in one cell. The occupied cells themselves
//! are in [`cells`].

mod cells;

use std::borrow::Cow;
use std::sync::OnceLock;

use super::Panel;
use super::fast::intern;
use super::fast::values::Values;
use crate::{Error, ObsStatus, Period, Result};
pub(super) use cells::Cells;

/// The rows of each (entity, indicator) series, in time order.
#[derive(Debug, Clone, Default)]
pub(super) struct Index {
    /// (entity, indicator) of each series with at least one row.
    pub(super) series: Vec<(u32, u32)>,
    /// `rows[start[s]..start[s + 1]]`: the rows of series `s`, in time order.
    start: Vec<u32>,
    pub(super) rows: Vec<u32>,
}

impl Index {
    /// The rows of series `s`, in time order.
    pub(super) fn rows_of(&self, s: usize) -> &[u32] {
        self.rows.get(self.range(s)).unwrap_or_default()
    }

    /// The positions of series `s` in `rows`.
    pub(super) fn range(&self, s: usize) -> core::ops::Range<usize> {
        let a = self.start.get(s).copied().unwrap_or(0) as usize;
        let b = self.start.get(s.saturating_add(1)).copied().unwrap_or(0) as usize;
        a..b
    }
}

/// The columns a reader hands over.
#[derive(Debug, Clone)]
pub(crate) struct Parts {
    pub(crate) entities: Vec<String>,
    pub(crate) periods: Vec<Period>,
    pub(crate) indicators: Vec<String>,
    pub(crate) entity: Vec<u32>,
    pub(crate) period: Vec<u32>,
    pub(crate) indicator: Vec<u32>,
    pub(crate) value: Values,
    pub(crate) status: Option<Vec<ObsStatus>>,
}

impl Panel {
    /// Orders the periods in time, indexes the series and refuses duplicates.
    pub(super) fn assemble(parts: Parts, first_line: u64, entity_column: usize) -> Result<Panel> {
        Panel::assemble_checked(parts, first_line, entity_column, true)
    }

    /// [`Panel::assemble`], refusing duplicates by bits when `bits` and the
    /// cells are few, else by the index.
    fn assemble_checked(
        mut parts: Parts,
        first_line: u64,
        entity_column: usize,
        bits: bool,
    ) -> Result<Panel> {
        // Periods in time order (the readers number them by first appearance).
        let mut order: Vec<u32> = (0..u32::try_from(parts.periods.len()).unwrap_or(0)).collect();
        order.sort_by_key(|&id| parts.periods.get(id as usize).map(Period::sort_key));
        let mut new_id = vec![0u32; order.len()];
        for (new, &old) in order.iter().enumerate() {
            if let Some(slot) = new_id.get_mut(old as usize) {
                *slot = u32::try_from(new).unwrap_or(0);
            }
        }
        if order
            .iter()
            .enumerate()
            .any(|(new, &old)| new as u32 != old)
        {
            for p in &mut parts.period {
                *p = new_id.get(*p as usize).copied().unwrap_or(0);
            }
        }
        let periods = order
            .iter()
            .filter_map(|&old| parts.periods.get(old as usize).copied())
            .collect();
        let mut panel = Panel {
            entities: parts.entities,
            periods,
            indicators: parts.indicators,
            entity: parts.entity,
            period: parts.period,
            indicator: parts.indicator,
            value: parts.value,
            status: parts.status,
            occupied: None,
            index: OnceLock::new(),
        };
        panel.refuse_duplicates(first_line, entity_column, bits)?;
        Ok(panel)
    }

    /// Refuses a second row for one (entity, period, indicator). When the
    /// possible cells are few (see [`Panel::cells`]) one bit per cell finds
    /// a duplicate in a pass over the key columns, and the series index
    /// waits for the first computation that needs it; otherwise the index is
    /// built now, and finds it. The error names the first duplicate in the
    /// index's order either way.
    fn refuse_duplicates(
        &mut self,
        first_line: u64,
        entity_column: usize,
        bits: bool,
    ) -> Result<()> {
        let series_of = self.series_ids();
        if bits {
            if let Some((occupied, false)) = self.cells(&series_of) {
                self.occupied = Some(Cells::new(occupied));
                return Ok(());
            }
        }
        let (index, seen) = self.build_index(series_of);
        // The sort saw a second row in one cell; the search through the
        // index names the first such pair (and finds one wherever a series
        // holds two rows of one period, which the index keeps side by side).
        if seen {
            if let Some(duplicate) = self.first_duplicate(&index, first_line, entity_column) {
                return Err(duplicate);
            }
        }
        // Cannot be set yet: the panel is new.
        let _ = self.index.set(index);
        Ok(())
    }

    /// The series index, built on first use: from the occupied cells when
    /// they were kept, else by [`Panel::build_index`].
    pub(super) fn index(&self) -> &Index {
        self.index.get_or_init(|| {
            let series_of = self.series_ids();
            match &self.occupied {
                Some(cells) => self.index_from_cells(&series_of, cells),
                None => self.build_index(series_of).0,
            }
        })
    }

    /// Builds the series index by a counting sort in two passes, without
    /// a random write per row into a large array: the first appends each row
    /// to its bucket (block of consecutive series, period), a few hundred
    /// buckets written in sequence; the second takes one block at a time (a
    /// part of the result), its periods in time order, and places each row
    /// in its series. The rows come out series by series, each in
    /// time order, equal periods side by side and earlier rows first. A
    /// second row for one (series, period) is caught on the way.
    /// Returns the index and whether a duplicate was seen.
    fn build_index(&self, series_of: SeriesIds) -> (Index, bool) {
        let n = self.len();
        let np = self.periods.len().max(1);
        let shift = block_shift(series_of.count(), np);
        let within = (1usize << shift).wrapping_sub(1);
        let blocks = (series_of.count() >> shift).saturating_add(1);
        let np32 = u32::try_from(np).unwrap_or(u32::MAX);
        // Below blocks × periods.
        let bucket = |s: u32, p: u32| ((s >> shift).wrapping_mul(np32).wrapping_add(p)) as usize;
        let mut bucket_start = vec![0u32; blocks.saturating_mul(np).saturating_add(1)];
        series_of.each(self, |_, s, p| {
            if let Some(c) = bucket_start.get_mut(bucket(s, p).saturating_add(1)) {
                *c = c.saturating_add(1);
            }
        });
        let mut sum = 0u32;
        for c in &mut bucket_start {
            sum = sum.saturating_add(*c);
            *c = sum;
        }
        let mut cursor = bucket_start.clone();
        let mut staged = vec![0u32; n];
        let mut place = vec![0u16; n];
        series_of.each(self, |row, s, p| {
            if let Some(at) = cursor.get_mut(bucket(s, p)) {
                let i = *at as usize;
                if let (Some(r), Some(w)) = (staged.get_mut(i), place.get_mut(i)) {
                    *r = row;
                    // Below 2^shift ≤ 2^16.
                    *w = (s as usize & within) as u16;
                }
                *at = at.saturating_add(1);
            }
        });
        drop(cursor);
        let mut series = Vec::new();
        let mut series_start = vec![0u32];
        let mut rows = vec![0u32; n];
        let mut local = vec![0u32; within.saturating_add(2)];
        let mut next = local.clone();
        let mut last = vec![u32::MAX; within.saturating_add(1)];
        let mut duplicate = false;
        for b in 0..blocks {
            let first = b.saturating_mul(np);
            let at = |i: usize| bucket_start.get(i).copied().unwrap_or(0) as usize;
            let (lo, hi) = (at(first), at(first.saturating_add(np)));
            if lo == hi {
                continue;
            }
            // Each series' offset within the block.
            local.fill(0);
            for &w in place.get(lo..hi).unwrap_or_default() {
                if let Some(c) = local.get_mut(usize::from(w).saturating_add(1)) {
                    *c = c.saturating_add(1);
                }
            }
            let mut sum = u32::try_from(lo).unwrap_or(u32::MAX);
            for c in &mut local {
                sum = sum.saturating_add(*c);
                *c = sum;
            }
            next.copy_from_slice(&local);
            last.fill(u32::MAX);
            for (p, from) in (0..np32).zip(first..) {
                let range = at(from)..at(from.saturating_add(1));
                let (Some(rs), Some(ws)) = (staged.get(range.clone()), place.get(range)) else {
                    continue;
                };
                for (&row, &w) in rs.iter().zip(ws) {
                    let w = usize::from(w);
                    if let (Some(l), Some(to)) = (last.get_mut(w), next.get_mut(w)) {
                        duplicate |= *l == p;
                        *l = p;
                        if let Some(slot) = rows.get_mut(*to as usize) {
                            *slot = row;
                        }
                        *to = to.saturating_add(1);
                    }
                }
            }
            for (j, ends) in local.windows(2).enumerate() {
                if let &[a, z] = ends {
                    if a != z {
                        series.push(series_of.pair((b << shift) | j));
                        series_start.push(z);
                    }
                }
            }
        }
        let index = Index {
            series,
            start: series_start,
            rows,
        };
        (index, duplicate)
    }

    /// The error for the first duplicate: in the first series holding one,
    /// the first two rows with equal periods (the rows of each series are in
    /// (period, row) order); `None` when no series holds one.
    #[cold]
    fn first_duplicate(&self, index: &Index, first_line: u64, column: usize) -> Option<Error> {
        let period = |r: &u32| self.period.get(*r as usize).copied();
        (0..index.series.len()).find_map(|s| {
            index.rows_of(s).windows(2).find_map(|pair| match *pair {
                [x, y] if period(&x) == period(&y) => {
                    Some(self.duplicate(x, y, first_line, column))
                }
                _ => None,
            })
        })
    }

    /// The series id of each row: dense ids `entity × indicators +
    /// indicator` when that grid is not much larger than the rows, else ids
    /// by hashing.
    fn series_ids(&self) -> SeriesIds {
        let ni = self.indicators.len().max(1);
        let grid = self.entities.len().saturating_mul(ni);
        if grid <= self.len().saturating_mul(2).saturating_add(1024) && u32::try_from(grid).is_ok()
        {
            return SeriesIds::Grid {
                indicators: ni as u32,
                count: grid,
            };
        }
        let mut map: intern::FastMap<(u32, u32), u32> = intern::FastMap::default();
        let mut pairs = Vec::new();
        let ids = self
            .entity
            .iter()
            .zip(&self.indicator)
            .map(|(&e, &i)| {
                let next = pairs.len() as u32;
                *map.entry((e, i)).or_insert_with(|| {
                    pairs.push((e, i));
                    next
                })
            })
            .collect();
        SeriesIds::Mapped { ids, pairs }
    }

    #[cold]
    fn duplicate(&self, a: u32, b: u32, first_line: u64, column: usize) -> Error {
        let (first, second) = (a.min(b), a.max(b));
        let name = |r: u32| self.row(r as usize);
        let row = name(second);
        Error::DuplicateObservation {
            line: first_line.saturating_add(u64::from(second)),
            column,
            first_line: first_line.saturating_add(u64::from(first)),
            entity: row.map(|r| r.entity.to_owned()).unwrap_or_default(),
            period: row.map(|r| r.period.to_string()).unwrap_or_default(),
            indicator: row.map(|r| r.indicator.to_owned()).unwrap_or_default(),
        }
    }
}

/// The first and last rows of each series (entity, indicator), in index
/// order.
pub(super) struct Ends<'a> {
    pub(super) series: Cow<'a, [(u32, u32)]>,
    pub(super) rows: Vec<[u32; 2]>,
}

/// The series of each row (see [`Panel::series_ids`]).
enum SeriesIds {
    /// `entity × indicators + indicator`, for `count` ids.
    Grid { indicators: u32, count: usize },
    /// Ids by first appearance, and the (entity, indicator) of each.
    Mapped {
        ids: Vec<u32>,
        pairs: Vec<(u32, u32)>,
    },
}

impl SeriesIds {
    /// The number of ids.
    fn count(&self) -> usize {
        match self {
            SeriesIds::Grid { count, .. } => *count,
            SeriesIds::Mapped { pairs, .. } => pairs.len(),
        }
    }

    /// Calls `f(row, series, period)` for every row, in order.
    #[inline]
    fn each(&self, panel: &Panel, mut f: impl FnMut(u32, u32, u32)) {
        match self {
            SeriesIds::Grid { indicators, .. } => {
                let keys = panel.entity.iter().zip(&panel.indicator);
                for (row, ((&e, &i), &p)) in keys.zip(&panel.period).enumerate() {
                    // Below `count`, which fits a u32; rows fit a u32.
                    f(row as u32, e.wrapping_mul(*indicators).wrapping_add(i), p);
                }
            }
            SeriesIds::Mapped { ids, .. } => {
                for (row, (&s, &p)) in ids.iter().zip(&panel.period).enumerate() {
                    f(row as u32, s, p);
                }
            }
        }
    }

    /// The (entity, indicator) of series `s`.
    fn pair(&self, s: usize) -> (u32, u32) {
        match self {
            SeriesIds::Grid { indicators, .. } => {
                let s = s as u32;
                // indicators ≥ 1.
                (
                    s.checked_div(*indicators).unwrap_or(0),
                    s.checked_rem(*indicators).unwrap_or(0),
                )
            }
            SeriesIds::Mapped { pairs, .. } => pairs.get(s).copied().unwrap_or((0, 0)),
        }
    }
}

/// Series per block in [`Panel::index`], as a power of two: at most 2^16 (a
/// series' place in its block fits a `u16`); the fewest that keep the
/// buckets (blocks × periods) to about 256, whose write cursors and current
/// cache lines then stay in the L1 cache.
fn block_shift(series: usize, periods: usize) -> u32 {
    (0..16u32)
        .find(|&shift| ((series >> shift).saturating_add(1)).saturating_mul(periods) <= 256)
        .unwrap_or(16)
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects
    )]

    use super::*;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    /// The index as a comparison sort builds it: rows keyed (series,
    /// period, row) and sorted; the first duplicate is the first pair of
    /// neighbours with equal series and period.
    fn reference(
        parts: &Parts,
        first_line: u64,
    ) -> core::result::Result<Vec<Vec<u32>>, (u64, u64)> {
        let ni = parts.indicators.len() as u32;
        let grid = parts.entities.len() * parts.indicators.len();
        let n = parts.entity.len();
        let mut first_seen: Vec<(u32, u32)> = Vec::new();
        let sid = |r: usize, seen: &mut Vec<(u32, u32)>| -> u32 {
            let (e, i) = (parts.entity[r], parts.indicator[r]);
            if grid <= 2 * n + 1024 {
                e * ni + i
            } else {
                let at = seen.iter().position(|&x| x == (e, i)).unwrap_or_else(|| {
                    seen.push((e, i));
                    seen.len() - 1
                });
                at as u32
            }
        };
        let year = |r: usize| parts.periods[parts.period[r] as usize].sort_key();
        let mut keys: Vec<_> = (0..n)
            .map(|r| (sid(r, &mut first_seen), year(r), r as u32))
            .collect();
        keys.sort_unstable();
        if let Some(w) = keys
            .windows(2)
            .find(|w| w[0].0 == w[1].0 && w[0].1 == w[1].1)
        {
            return Err((
                first_line + u64::from(w[0].2.min(w[1].2)),
                first_line + u64::from(w[0].2.max(w[1].2)),
            ));
        }
        let mut series: Vec<Vec<u32>> = Vec::new();
        for (i, k) in keys.iter().enumerate() {
            if i == 0 || keys[i - 1].0 != k.0 {
                series.push(Vec::new());
            }
            series.last_mut().unwrap().push(k.2);
        }
        Ok(series)
    }

    /// Panels of years, quarters and months (no duplicates), with values
    /// that are missing, zero, negative or positive.
    fn arb_mixed() -> impl Strategy<Value = Parts> {
        let periods: Vec<Period> = (2018..2023)
            .map(|y| Period::year(y).unwrap())
            .chain((1..=4).flat_map(|q| [2020, 2021].map(|y| Period::quarter(y, q).unwrap())))
            .chain((1..=12).flat_map(|m| [2020, 2021].map(|y| Period::month(y, m).unwrap())))
            .collect();
        let np = periods.len() as u32;
        let row = (
            0u32..4,
            0..np,
            0u32..2,
            prop::option::of(-3i64..40),
            0u32..3,
        );
        (Just(periods), prop::collection::vec(row, 0..120)).prop_map(|(periods, rows)| {
            let mut seen = std::collections::HashSet::new();
            let rows: Vec<_> = rows
                .into_iter()
                .filter(|r| seen.insert((r.0, r.1, r.2)))
                .collect();
            Parts {
                entities: (0..4).map(|e| format!("e{e}")).collect(),
                periods,
                indicators: vec!["x".into(), "y".into()],
                entity: rows.iter().map(|r| r.0).collect(),
                period: rows.iter().map(|r| r.1).collect(),
                indicator: rows.iter().map(|r| r.2).collect(),
                value: rows
                    .iter()
                    .map(|r| r.3.map(|v| Decimal::new(v, r.4)))
                    .collect(),
                status: None,
            }
        })
    }

    proptest! {
        /// Growth and CAGR are the same whether the panel kept its occupied
        /// cells (and reads the bases from them) or not.
        #[test]
        fn cells_and_index_agree(parts in arb_mixed()) {
            let with = Panel::assemble_checked(parts.clone(), 2, 1, true).unwrap();
            let without = Panel::assemble_checked(parts, 2, 1, false).unwrap();
            prop_assert!(with.occupied.is_some() && without.occupied.is_none());
            // CAGR first, while `with` has no index: its series ends come
            // from the cells (a missing end value builds the index).
            prop_assert_eq!(with.cagr(), without.cagr());
            prop_assert_eq!(with.yoy_growth(), without.yoy_growth());
        }
    }

    fn arb_parts() -> impl Strategy<Value = Parts> {
        (
            prop_oneof![Just(3u32), Just(700u32)],
            1u32..=3,
            Just((2018..2023).collect::<Vec<i32>>()).prop_shuffle(),
        )
            .prop_flat_map(|(ne, ni, years)| {
                let np = years.len() as u32;
                let row = (0..ne.min(5), 0..np, 0..ni);
                (Just((ne, ni, years)), prop::collection::vec(row, 0..60))
            })
            .prop_map(|((ne, ni, years), rows)| Parts {
                entities: (0..ne).map(|e| format!("e{e}")).collect(),
                periods: years.iter().map(|&y| Period::year(y).unwrap()).collect(),
                indicators: (0..ni).map(|i| format!("i{i}")).collect(),
                entity: rows.iter().map(|r| r.0).collect(),
                period: rows.iter().map(|r| r.1).collect(),
                indicator: rows.iter().map(|r| r.2).collect(),
                value: vec![None; rows.len()].into_iter().collect(),
                status: None,
            })
    }

    fn csv(text: &str) -> Panel {
        Panel::from_csv(format!("entity,period,indicator,value\n{text}").as_bytes()).unwrap()
    }

    #[test]
    fn the_index_waits_for_a_series_computation() {
        let p = csv("B,2024,x,1\nA,2024,x,2\nA,2023,x,5\n");
        let q = p.clone();
        let _ = p.rank(crate::rank::Ties::Average, crate::rank::Order::Descending);
        let _ = p.cross_section(Period::year(2024).unwrap(), "x");
        // CAGR finds each series' ends from the occupied cells.
        assert_eq!(p.cagr().series()[1].last_value, Some(crate::dec!(2)));
        assert!(p.index.get().is_none());
        assert_eq!(
            p.yoy_growth().growth(1).map(|r| r.fraction()),
            Some(crate::dec!(-0.6))
        );
        assert!(p.index.get().is_some());
        // Equality is the rows', built index or not.
        assert_eq!(p, q);
    }

    /// Monthly rows over 30 years, one entity each: 360 × 360 possible cells
    /// for 361 rows, too many for the bits, so the index finds the duplicate.
    #[test]
    fn duplicates_among_many_cells() {
        let mut text = String::new();
        for m in 0..360 {
            text += &format!("e{m},{}-M{:02},x,{m}\n", 2000 + m / 12, m % 12 + 1);
        }
        let ok = csv(&text);
        assert!(ok.occupied.is_none() && ok.index.get().is_some());
        assert_eq!(ok.series("e13", "x").len(), 1);
        text += "e13,2001-M02,x,7\n";
        let err = Panel::from_csv(format!("entity,period,indicator,value\n{text}").as_bytes());
        assert!(
            matches!(
                err,
                Err(Error::DuplicateObservation {
                    line: 362,
                    first_line: 15,
                    ..
                })
            ),
            "{err:?}"
        );
    }

    proptest! {
        /// The counting-sort index equals the comparison-sort one, and
        /// names the same duplicate.
        #[test]
        fn index_agrees_with_a_sort(parts in arb_parts()) {
            let want = reference(&parts, 2);
            // Without the bits (the path of panels with many possible cells
            // per row), the index finds the same duplicate.
            let direct = Panel::assemble_checked(parts.clone(), 2, 1, false);
            match (&direct, &want) {
                (Ok(p), Ok(_)) => prop_assert!(p.index.get().is_some()),
                (Err(Error::DuplicateObservation { line, first_line, .. }), Err((first, second))) => {
                    prop_assert_eq!((*first_line, *line), (*first, *second));
                }
                (got, want) => prop_assert!(false, "{got:?} vs {want:?}"),
            }
            match (Panel::assemble(parts, 2, 1), want) {
                (Ok(p), Ok(series)) => {
                    prop_assert_eq!(&p, direct.as_ref().unwrap());
                    let index = p.index();
                    let got: Vec<Vec<u32>> = (0..index.series.len()).map(|s| index.rows_of(s).to_vec()).collect();
                    prop_assert_eq!(got, series);
                    for (s, &(e, i)) in index.series.iter().enumerate() {
                        for &r in index.rows_of(s) {
                            prop_assert_eq!((p.entity[r as usize], p.indicator[r as usize]), (e, i));
                        }
                    }
                }
                (Err(Error::DuplicateObservation { line, first_line, .. }), Err((first, second))) => {
                    prop_assert_eq!((first_line, line), (first, second));
                }
                (got, want) => prop_assert!(false, "{got:?} vs {want:?}"),
            }
        }
    }
}
