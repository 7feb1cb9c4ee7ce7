//! The occupied (series, period) cells, one bit each: found while a panel
//! is assembled (a second row in one cell is a duplicate), then the series
//! index without a sort (a row's place in it is the number of occupied
//! cells before its own) and each series' first and last rows without the
//! index.

use std::borrow::Cow;

use super::{Ends, Index, SeriesIds};
use crate::panel::Panel;

impl Panel {
    /// One bit for each (series, period) cell, set when a row holds it, and
    /// whether a row held one already set: when the series are numbered on
    /// the grid and the cells are at most 64 per row (a bit array of at
    /// most 8 bytes a row), else `None`.
    pub(super) fn cells(&self, series_of: &SeriesIds) -> Option<(Vec<u64>, bool)> {
        let SeriesIds::Grid { count, .. } = series_of else {
            return None;
        };
        let np = self.periods.len().max(1);
        let cells = count.saturating_mul(np);
        if cells > self.len().saturating_mul(64).max(1 << 16) {
            return None;
        }
        let mut bits = vec![0u64; cells.div_ceil(64)];
        let mut duplicate = false;
        series_of.each(self, |_, s, p| {
            let cell = cell_of(s, p, np);
            if let Some(word) = bits.get_mut(cell >> 6) {
                let bit = 1u64 << (cell & 63);
                duplicate |= *word & bit != 0;
                *word |= bit;
            }
        });
        Some((bits, duplicate))
    }

    /// The first and last rows of every series, in index order (with the
    /// series' entity and indicator), from the occupied cells without the
    /// index: each series' first and last occupied periods from its bits,
    /// then one pass over the rows picks the rows in those cells. `None`
    /// when the cells were not kept.
    pub(in crate::panel) fn ends_from_cells(&self) -> Option<Ends<'static>> {
        let cells = self.occupied.as_ref()?;
        let series_of = self.series_ids();
        let np = self.periods.len().max(1);
        let count = series_of.count();
        // The first and last occupied period of each series on the grid.
        let mut span = vec![[u32::MAX; 2]; count];
        for (s, slot) in span.iter_mut().enumerate() {
            let lo = s.wrapping_mul(np);
            if let (Some(first), Some(last)) = (
                cells.next_at(lo, lo.wrapping_add(np)),
                cells.last_before(lo.wrapping_add(np), lo),
            ) {
                // Below np, a u32.
                *slot = [first.wrapping_sub(lo) as u32, last.wrapping_sub(lo) as u32];
            }
        }
        let mut rows = vec![[0u32; 2]; count];
        series_of.each(self, |row, s, p| {
            if let (Some(&[first, last]), Some(slot)) =
                (span.get(s as usize), rows.get_mut(s as usize))
            {
                if p == first {
                    slot[0] = row;
                }
                if p == last {
                    slot[1] = row;
                }
            }
        });
        let mut series = Vec::new();
        let mut ends = Vec::new();
        for (s, (&[first, _], &pair)) in span.iter().zip(&rows).enumerate() {
            if first != u32::MAX {
                series.push(series_of.pair(s));
                ends.push(pair);
            }
        }
        Some(Ends {
            series: Cow::Owned(series),
            rows: ends,
        })
    }

    /// The index from the occupied cells (no duplicates among them): in
    /// (series, period) order, a row's place in the index is the number of
    /// occupied cells before its own, so one pass places every row, and the
    /// series are the runs of `np` cells holding at least one.
    pub(super) fn index_from_cells(&self, series_of: &SeriesIds, cells: &Cells) -> Index {
        let np = self.periods.len().max(1);
        let mut rows = vec![0u32; self.len()];
        series_of.each(self, |row, s, p| {
            if let Some(slot) = rows.get_mut(cells.rank(cell_of(s, p, np)) as usize) {
                *slot = row;
            }
        });
        let mut series = Vec::new();
        let mut start = vec![0u32];
        let mut from = 0u32;
        for s in 0..series_of.count() {
            let to = cells.rank(s.wrapping_add(1).wrapping_mul(np));
            if to != from {
                series.push(series_of.pair(s));
                start.push(to);
                from = to;
            }
        }
        Index {
            series,
            start,
            rows,
        }
    }
}

/// The cell of series `s` in period `p` on the grid of `np` periods a
/// series (below the cells' count: s < series, p < np).
#[inline]
fn cell_of(s: u32, p: u32, np: usize) -> usize {
    (s as usize).wrapping_mul(np).wrapping_add(p as usize)
}

/// The occupied cells of the grid of (series, period), series by series and
/// each in time order (the order of the series index), one bit each, with
/// the number of occupied cells before each word: the place of a cell's row
/// in the index.
#[derive(Debug, Clone)]
pub(in crate::panel) struct Cells {
    bits: Vec<u64>,
    before: Vec<u32>,
    total: u32,
}

impl Cells {
    pub(super) fn new(bits: Vec<u64>) -> Cells {
        let mut before = Vec::with_capacity(bits.len());
        let mut total = 0u32;
        for &word in &bits {
            before.push(total);
            // At most one bit per row: the total fits a u32.
            total = total.wrapping_add(word.count_ones());
        }
        Cells {
            bits,
            before,
            total,
        }
    }

    /// The occupied cells before `cell`: its row's place in the index,
    /// when it is occupied.
    #[inline]
    pub(in crate::panel) fn rank(&self, cell: usize) -> u32 {
        let (w, b) = (cell >> 6, cell & 63);
        match (self.bits.get(w), self.before.get(w)) {
            (Some(&word), Some(&base)) => {
                base.wrapping_add((word & (1u64 << b).wrapping_sub(1)).count_ones())
            }
            _ => self.total,
        }
    }

    /// The first occupied cell in `from..to`.
    fn next_at(&self, from: usize, to: usize) -> Option<usize> {
        let mut w = from >> 6;
        let mut word = self.bits.get(w)? & (u64::MAX << (from & 63));
        loop {
            if word != 0 {
                let cell = (w << 6) | word.trailing_zeros() as usize;
                return (cell < to).then_some(cell);
            }
            w = w.wrapping_add(1);
            if w << 6 >= to {
                return None;
            }
            word = *self.bits.get(w)?;
        }
    }

    /// The last occupied cell in `from..to`, searched from `to` down.
    fn last_before(&self, to: usize, from: usize) -> Option<usize> {
        if to <= from {
            return None;
        }
        let top = to.wrapping_sub(1);
        let mut w = top >> 6;
        // Bits 0..=top%64 of the word.
        let mut word = self.bits.get(w)? & (u64::MAX >> (63usize.wrapping_sub(top & 63)));
        loop {
            if word != 0 {
                let cell = (w << 6) | 63usize.wrapping_sub(word.leading_zeros() as usize);
                return (cell >= from).then_some(cell);
            }
            if w == 0 || (w << 6) <= from {
                return None;
            }
            w = w.wrapping_sub(1);
            word = *self.bits.get(w)?;
        }
    }

    /// Whether a row holds `cell`.
    #[inline]
    pub(in crate::panel) fn has(&self, cell: usize) -> bool {
        self.bits
            .get(cell >> 6)
            .is_some_and(|w| w & (1u64 << (cell & 63)) != 0)
    }

    /// Calls `f(place, cell)` for every occupied cell, in order (`place` is
    /// its row's place in the index).
    #[inline]
    pub(in crate::panel) fn each(&self, mut f: impl FnMut(usize, usize)) {
        let mut place = 0usize;
        for (w, &word) in self.bits.iter().enumerate() {
            let mut rest = word;
            while rest != 0 {
                let cell = (w << 6) | rest.trailing_zeros() as usize;
                f(place, cell);
                place = place.wrapping_add(1);
                rest &= rest.wrapping_sub(1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]

    use super::*;

    #[test]
    fn cells_find_their_first_and_last() {
        let set = [3usize, 63, 64, 130, 191];
        let mut bits = vec![0u64; 3];
        for c in set {
            bits[c >> 6] |= 1 << (c & 63);
        }
        let cells = Cells::new(bits);
        for from in 0..192 {
            for to in from..=192 {
                let inside: Vec<usize> = set
                    .iter()
                    .copied()
                    .filter(|c| (from..to).contains(c))
                    .collect();
                assert_eq!(
                    cells.next_at(from, to),
                    inside.first().copied(),
                    "{from}..{to}"
                );
                assert_eq!(
                    cells.last_before(to, from),
                    inside.last().copied(),
                    "{from}..{to}"
                );
            }
        }
        assert_eq!(
            (cells.rank(64), cells.rank(192), cells.rank(1000)),
            (2, 5, 5)
        );
    }
}
