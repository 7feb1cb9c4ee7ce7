//! Ranks within every (period, indicator) cross-section, by the rank
//! kernel of [`rank::rank`](crate::rank::rank).

use rust_decimal::Decimal;

use crate::panel::Panel;
use crate::rank::kernel::{self, Start, Twice};
use crate::rank::{Missing, Order, Ties};

/// Ranks of every row within its (period, indicator) cross-section.
///
/// # Examples
///
/// ```
/// use indstat::panel::Panel;
/// use indstat::rank::{Order, Ties};
/// use indstat::dec;
/// let p = Panel::from_csv("entity,period,indicator,value\nA,2024,x,5\nB,2024,x,5\nC,2024,x,\n".as_bytes())?;
/// let r = p.rank(Ties::Average, Order::Descending);
/// assert_eq!((r.rank(0), r.rank(1), r.rank(2)), (Some(dec!(1.5)), Some(dec!(1.5)), None));
/// assert_eq!(r.groups(), 1);
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelRanks {
    twice: Vec<Twice>,
    groups: usize,
}

impl PanelRanks {
    /// The rank of row `row`, exactly (a half under average ties); `None` for
    /// a missing value or a row out of range.
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::rank::{Order, Ties};
    /// # use indstat::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let r = p.rank(Ties::Average, Order::Descending);
    /// assert_eq!(r.rank(1), Some(dec!(1))); // A 2023 (110) leads 2023
    /// assert_eq!(r.rank(99), None);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn rank(&self, row: usize) -> Option<Decimal> {
        self.twice
            .get(row)
            .filter(|&&t| t != 0)
            .map(|&t| kernel::from_twice(t))
    }

    /// Twice the rank of row `row` (a whole number even under average ties);
    /// `None` for a missing value.
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::rank::{Order, Ties};
    /// # use indstat::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let r = p.rank(Ties::Average, Order::Descending);
    /// assert_eq!(r.twice_rank(1), Some(2));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn twice_rank(&self, row: usize) -> Option<u64> {
        self.twice.get(row).copied().filter(|&t| t != 0)
    }

    /// The number of (period, indicator) cross-sections with at least one row.
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::rank::{Order, Ties};
    /// # use indstat::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let r = p.rank(Ties::Average, Order::Descending);
    /// assert_eq!(r.groups(), 2); // (2022, x) and (2023, x)
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn groups(&self) -> usize {
        self.groups
    }

    /// The number of rows.
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::rank::{Order, Ties};
    /// # use indstat::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let r = p.rank(Ties::Average, Order::Descending);
    /// assert_eq!(r.len(), 4);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.twice.len()
    }

    /// Whether there are no rows.
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::rank::{Order, Ties};
    /// # use indstat::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let r = p.rank(Ties::Average, Order::Descending);
    /// assert!(!r.is_empty());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.twice.is_empty()
    }
}

impl Panel {
    /// Ranks every row within its (period, indicator) cross-section, each
    /// cross-section exactly as [`rank::rank`](crate::rank::rank) with
    /// [`Missing::Keep`] ranks it (the same integer keys and tie
    /// assignment): ties by `ties`, rank 1 at the end `order` names, missing
    /// values unranked, [`Ties::Ordinal`] ties in row order.
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::panel::Panel;
    /// use indstat::rank::{Order, Ties};
    /// use indstat::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2024,x,1\nB,2024,x,3\nA,2023,x,9\n".as_bytes())?;
    /// let r = p.rank(Ties::Min, Order::Descending);
    /// assert_eq!((r.rank(0), r.rank(1), r.rank(2)), (Some(dec!(2)), Some(dec!(1)), Some(dec!(1))));
    /// assert_eq!(r.rank(3), None); // no such row
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn rank(&self, ties: Ties, order: Order) -> PanelRanks {
        let ni = self.indicators.len().max(1);
        let n_groups = self.periods.len().saturating_mul(ni);
        let group = |row: usize| {
            let p = self.period.get(row).copied().unwrap_or(0) as usize;
            let i = self.indicator.get(row).copied().unwrap_or(0) as usize;
            p.saturating_mul(ni).saturating_add(i)
        };
        // Pass 1, in row order: each group's size and present values, and
        // the common scale of its keys, as rank::rank takes it.
        let mut start = vec![0usize; n_groups.saturating_add(1)];
        let mut present = vec![0usize; n_groups];
        let mut scale = vec![0u32; n_groups];
        for row in 0..self.len() {
            let g = group(row);
            if let Some(c) = start.get_mut(g.saturating_add(1)) {
                *c = c.saturating_add(1);
            }
            if let (Some(v), Some(s), Some(c)) =
                (self.value(row), scale.get_mut(g), present.get_mut(g))
            {
                *s = kernel::common_scale(*s, &v);
                *c = c.saturating_add(1);
            }
        }
        let mut sum = 0usize;
        for c in &mut start {
            sum = sum.saturating_add(*c);
            *c = sum;
        }
        // Pass 2, in row order: rows in group order (a counting sort), those
        // with a value first, in row order, with their integer keys beside
        // them; those without after. No group then has to fetch its values
        // from all over the value column. A group with a key wider than 64
        // bits ranks its values as rank::rank does from its Decimals.
        let n = self.len();
        let mut front = start.clone();
        let mut back: Vec<usize> = start.iter().skip(1).copied().collect();
        let mut rows = vec![0u32; n];
        let mut keys = vec![0u64; n];
        let mut wide = vec![false; n_groups];
        for row in 0..n {
            let g = group(row);
            let value = self.value(row);
            let at = match value {
                Some(_) => front.get_mut(g).map(|at| {
                    let slot = *at;
                    *at = at.saturating_add(1);
                    slot
                }),
                None => back.get_mut(g).map(|at| {
                    *at = at.saturating_sub(1);
                    *at
                }),
            };
            let Some(slot) = at else { continue };
            if let Some(r) = rows.get_mut(slot) {
                *r = row as u32;
            }
            if let Some(v) = value {
                let s = scale.get(g).copied().unwrap_or(0);
                match kernel::key(&v, s, order) {
                    Some(k) => {
                        if let Some(key) = keys.get_mut(slot) {
                            *key = k;
                        }
                    }
                    None => {
                        if let Some(w) = wide.get_mut(g) {
                            *w = true;
                        }
                    }
                }
            }
        }
        let mut twice = vec![0 as Twice; n];
        let mut values: Vec<Option<Decimal>> = Vec::new();
        let mut ranked: Vec<Twice> = Vec::new();
        let mut groups = 0usize;
        for (g, w) in start.windows(2).enumerate() {
            let [a, b] = *w else { continue };
            let members = rows.get(a..b).unwrap_or_default();
            if members.is_empty() {
                continue;
            }
            groups = groups.saturating_add(1);
            let p = present.get(g).copied().unwrap_or(0);
            let with_value = members.get(..p).unwrap_or_default();
            ranked.clear();
            ranked.resize(p, 0);
            let group_keys = keys.get_mut(a..a.saturating_add(p)).unwrap_or_default();
            if wide.get(g).copied().unwrap_or(true) {
                values.clear();
                values.extend(with_value.iter().map(|&r| self.value(r as usize)));
                ranked = kernel::twice_ranks(&values, ties, order, Missing::Keep).twice;
            } else {
                kernel::rank_keys(group_keys, ties, Start::default(), |at, t| {
                    if let Some(slot) = ranked.get_mut(at) {
                        *slot = t;
                    }
                });
            }
            for (&r, &t) in with_value.iter().zip(&ranked) {
                if let Some(slot) = twice.get_mut(r as usize) {
                    *slot = t;
                }
            }
        }
        PanelRanks { twice, groups }
    }
}
