//! Group-wise rank, year-on-year growth, CAGR and target gap on a panel,
//! sharing the scalar API's code.

use std::borrow::Cow;

use rust_decimal::Decimal;

use super::Panel;
use crate::growth::{self, Undefined};
use crate::rank::{self, Missing, Order, Ties, Twice};
use crate::{Error, Period, Quantity, Rate, Result, Unit, YearSpan};

/// Why a panel result is missing where the scalar API would return an error
/// (or has nothing to compute from).
///
/// # Examples
///
/// ```
/// use indstat::panel::{Panel, Reason};
/// let p = Panel::from_csv("entity,period,indicator,value\nA,2023,x,0\nA,2024,x,5\n".as_bytes())?;
/// let g = p.yoy_growth();
/// assert_eq!(g.reason(1), Some(Reason::ZeroBase));
/// assert_eq!(g.reason(0), Some(Reason::NoBase));
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Reason {
    /// No row for the base period (growth: exactly a year earlier).
    NoBase,
    /// A series with one period only, so no span to compound over.
    SinglePeriod,
    /// A value cell needed is empty.
    MissingValue,
    /// The base is zero ([`Error::ZeroBase`] in the scalar API).
    ZeroBase,
    /// The base is negative ([`Error::NegativeBase`]).
    NegativeBase,
    /// A positive base and a negative value ([`Error::SignChange`]).
    SignChange,
    /// Any other error of the scalar API (an overflow, periods of different
    /// frequencies in one series).
    Other,
}

impl Reason {
    /// Every reason, in order.
    pub const ALL: [Reason; 7] = [
        Reason::NoBase,
        Reason::SinglePeriod,
        Reason::MissingValue,
        Reason::ZeroBase,
        Reason::NegativeBase,
        Reason::SignChange,
        Reason::Other,
    ];

    fn index(self) -> usize {
        match self {
            Reason::NoBase => 0,
            Reason::SinglePeriod => 1,
            Reason::MissingValue => 2,
            Reason::ZeroBase => 3,
            Reason::NegativeBase => 4,
            Reason::SignChange => 5,
            Reason::Other => 6,
        }
    }

    fn of(u: Undefined) -> Reason {
        match u {
            Undefined::ZeroBase => Reason::ZeroBase,
            Undefined::NegativeBase => Reason::NegativeBase,
            Undefined::SignChange => Reason::SignChange,
        }
    }
}

/// Counts of valid and missing results, by reason.
///
/// # Examples
///
/// ```
/// use indstat::panel::{Panel, Reason};
/// let p = Panel::from_csv("entity,period,indicator,value\nA,2023,x,4\nA,2024,x,5\n".as_bytes())?;
/// let c = *p.yoy_growth().counts();
/// assert_eq!((c.valid(), c.count(Reason::NoBase), c.missing()), (1, 1, 1));
/// assert_eq!(c.count(Reason::ZeroBase), 0);
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReasonCounts {
    valid: usize,
    missing: [usize; 7],
}

impl ReasonCounts {
    /// Results computed.
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::rank::{Order, Ties};
    /// # use rust_decimal_macros::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let c = *p.yoy_growth().counts();
    /// assert_eq!(c.valid(), 1); // A: 100 → 110
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn valid(&self) -> usize {
        self.valid
    }

    /// Results missing for `reason`.
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::rank::{Order, Ties};
    /// # use rust_decimal_macros::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let c = *p.yoy_growth().counts();
    /// assert_eq!(c.count(Reason::ZeroBase), 1); // B: 0 → 5
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn count(&self, reason: Reason) -> usize {
        self.missing.get(reason.index()).copied().unwrap_or(0)
    }

    /// Results missing for any reason.
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::rank::{Order, Ties};
    /// # use rust_decimal_macros::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let c = *p.yoy_growth().counts();
    /// assert_eq!(c.missing(), 3); // two first years, one zero base
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn missing(&self) -> usize {
        self.missing.iter().sum()
    }

    fn add(&mut self, outcome: core::result::Result<(), Reason>) {
        match outcome {
            Ok(()) => self.valid = self.valid.saturating_add(1),
            Err(r) => {
                if let Some(c) = self.missing.get_mut(r.index()) {
                    *c = c.saturating_add(1);
                }
            }
        }
    }
}

/// Ranks of every row within its (period, indicator) cross-section.
///
/// # Examples
///
/// ```
/// use indstat::panel::Panel;
/// use indstat::rank::{Order, Ties};
/// use rust_decimal_macros::dec;
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
    /// # use rust_decimal_macros::dec;
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
            .map(|&t| rank::from_twice(t))
    }

    /// Twice the rank of row `row` (a whole number even under average ties);
    /// `None` for a missing value.
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::rank::{Order, Ties};
    /// # use rust_decimal_macros::dec;
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
    /// # use rust_decimal_macros::dec;
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
    /// # use rust_decimal_macros::dec;
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
    /// # use rust_decimal_macros::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let r = p.rank(Ties::Average, Order::Descending);
    /// assert!(!r.is_empty());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.twice.is_empty()
    }
}

/// Year-on-year growth of every row: `value / base − 1`, where the base is
/// the same series' value exactly a year earlier.
///
/// # Examples
///
/// ```
/// use indstat::panel::Panel;
/// use rust_decimal_macros::dec;
/// let p = Panel::from_csv("entity,period,indicator,value\nA,2024,x,5\nA,2023,x,4\nA,2021,x,1\n".as_bytes())?;
/// let g = p.yoy_growth();
/// assert_eq!(g.growth(0), Some(dec!(0.25)));
/// assert_eq!(g.base_row(0), Some(1));
/// assert_eq!(g.growth(1), None); // 2022 is absent: a gap does not reach back
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelGrowth {
    growth: Vec<Option<Decimal>>,
    base: Vec<u32>,
    reason: Vec<Option<Reason>>,
    counts: ReasonCounts,
}

const NO_ROW: u32 = u32::MAX;

impl PanelGrowth {
    /// The growth of row `row` as a fraction (0.085 for 8.5%).
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::rank::{Order, Ties};
    /// # use rust_decimal_macros::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let g = p.yoy_growth();
    /// assert_eq!(g.growth(1), Some(dec!(0.1)));
    /// assert_eq!(g.growth(0), None);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn growth(&self, row: usize) -> Option<Decimal> {
        self.growth.get(row).copied().flatten()
    }

    /// The row of the base (a year earlier), if there is one.
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::rank::{Order, Ties};
    /// # use rust_decimal_macros::dec;
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
    /// # use rust_decimal_macros::dec;
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
    /// # use rust_decimal_macros::dec;
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
/// use rust_decimal_macros::dec;
/// let p = Panel::from_csv("entity,period,indicator,value\nA,2020,x,100\nA,2022,x,121\n".as_bytes())?;
/// let c = p.cagr();
/// let s = &c.series()[0];
/// assert_eq!((s.entity, s.years), ("A", 2));
/// assert_eq!(s.cagr.map(|r| r.fraction()), Some(dec!(0.1)));
/// assert_eq!(s.reason, None);
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
    /// Calendar years from the first to the last period (0 for one period;
    /// whole years only: quarterly and monthly spans count their whole years).
    pub years: i64,
    /// The CAGR, as [`growth::cagr`] gives it.
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
    /// # use rust_decimal_macros::dec;
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
    /// # use rust_decimal_macros::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let c = p.cagr();
    /// assert_eq!(c.counts().count(Reason::ZeroBase), 1); // B starts at 0
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn counts(&self) -> &ReasonCounts {
        &self.counts
    }
}

/// One series' target gap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesTarget {
    /// The target: `factor × last value`.
    pub target: Decimal,
    /// The yearly growth needed to reach the target in the horizon.
    pub required: Rate,
    /// The last value projected over the horizon at the series' CAGR.
    pub projected: Decimal,
    /// Whether the projection reaches the target (within the tolerance).
    pub on_track: bool,
    /// Whether `|projected / target − 1| ≤ tolerance`, decided without
    /// rounding a quotient: `target·(1 − tolerance) ≤ projected ≤
    /// target·(1 + tolerance)`.
    pub borderline: bool,
}

/// Target gaps of every series: will the series, growing at its CAGR, reach
/// `factor ×` its last value within the horizon? (A constant required rate
/// for a multiplicative target, a per-series projection.)
///
/// # Examples
///
/// ```
/// use indstat::panel::Panel;
/// use rust_decimal_macros::dec;
/// let p = Panel::from_csv("entity,period,indicator,value\nA,2020,x,100\nA,2022,x,144\nB,2020,x,100\nB,2022,x,100\n".as_bytes())?;
/// let t = p.target_gap(&p.cagr(), dec!(1.44), 2, dec!(0))?;
/// assert_eq!(t.on_track(), 1); // A grows 20% a year; B does not grow
/// assert_eq!(t.evaluable(), 2);
/// assert!(p.target_gap(&p.cagr(), dec!(0), 2, dec!(0)).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelTarget {
    series: Vec<Option<SeriesTarget>>,
    on_track: usize,
    borderline: usize,
    counts: ReasonCounts,
}

impl PanelTarget {
    /// One entry per series, in the order of [`PanelCagr::series`]; `None`
    /// when not evaluable (no CAGR, or a last value of zero or less).
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::rank::{Order, Ties};
    /// # use rust_decimal_macros::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let t = p.target_gap(&p.cagr(), dec!(1.21), 2, dec!(0))?;
    /// assert!(t.series()[0].is_some()); // A
    /// assert!(t.series()[1].is_none()); // B: no CAGR from 0
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn series(&self) -> &[Option<SeriesTarget>] {
        &self.series
    }

    /// Series that can be evaluated.
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::rank::{Order, Ties};
    /// # use rust_decimal_macros::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let t = p.target_gap(&p.cagr(), dec!(1.21), 2, dec!(0))?;
    /// assert_eq!(t.evaluable(), 1);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn evaluable(&self) -> usize {
        self.counts.valid
    }

    /// Evaluable series on track.
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::rank::{Order, Ties};
    /// # use rust_decimal_macros::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let t = p.target_gap(&p.cagr(), dec!(1.21), 2, dec!(0))?;
    /// assert_eq!(t.on_track(), 1); // A grows 10% a year: 1.1² = 1.21
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn on_track(&self) -> usize {
        self.on_track
    }

    /// Evaluable series within the tolerance of the target.
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::rank::{Order, Ties};
    /// # use rust_decimal_macros::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let t = p.target_gap(&p.cagr(), dec!(1.21), 2, dec!(0))?;
    /// assert_eq!(t.borderline(), 1); // exactly on the target
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn borderline(&self) -> usize {
        self.borderline
    }

    /// Evaluable and not evaluable series, by reason.
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::rank::{Order, Ties};
    /// # use rust_decimal_macros::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let t = p.target_gap(&p.cagr(), dec!(1.21), 2, dec!(0))?;
    /// assert_eq!(t.counts().valid(), 1);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn counts(&self) -> &ReasonCounts {
        &self.counts
    }
}

/// A dimensionless quantity, to call the scalar API.
/// A row at one end of a series, with the columns CAGR needs.
#[derive(Debug, Clone, Copy)]
struct End {
    value: Option<Decimal>,
    period: u32,
}

fn q(v: Decimal) -> Quantity {
    Quantity::new(v, Unit::RATIO)
}

impl Panel {
    /// Ranks every row within its (period, indicator) cross-section, each
    /// cross-section exactly as [`rank::rank`] with
    /// [`Missing::Keep`] ranks it (the same integer-key sort): ties by
    /// `ties`, rank 1 at the end `order` names, missing values unranked,
    /// [`Ties::Ordinal`] ties in row order.
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::panel::Panel;
    /// use indstat::rank::{Order, Ties};
    /// use rust_decimal_macros::dec;
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
        // the largest scale of its values (the common scale of its keys, as
        // rank::rank takes it).
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
                *s = (*s).max(v.scale());
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
                match rank::keys::key_u64(&v, s, order) {
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
                ranked = rank::twice_ranks(&values, ties, order, Missing::Keep).twice;
            } else if let Some(bits) = rank::keys::pack_positions(group_keys) {
                // Keys and positions in one u64: sorted in place, then each
                // run of equal keys is a tie.
                group_keys.sort_unstable();
                let mask = (1u64 << bits).wrapping_sub(1);
                let mut previous = None;
                let entries = group_keys.iter().map(|&k| {
                    let key = k >> bits;
                    let starts = previous != Some(key);
                    previous = Some(key);
                    ((k & mask) as usize, starts)
                });
                rank::assign_by(entries, ties, 0, 0, |at, t| {
                    if let Some(slot) = ranked.get_mut(at) {
                        *slot = t;
                    }
                });
            } else {
                let pairs = group_keys.iter().copied().zip(0..).collect();
                let sorted = rank::keys::sort_u64(pairs, p);
                rank::assign(&sorted, &mut ranked, ties, 0, 0);
            }
            for (&r, &t) in with_value.iter().zip(&ranked) {
                if let Some(slot) = twice.get_mut(r as usize) {
                    *slot = t;
                }
            }
        }
        PanelRanks { twice, groups }
    }

    /// Year-on-year growth of every row: [`growth::growth`]
    /// from the value exactly a year earlier in the same series (a gap does
    /// not reach back further) to the row's value. Where the scalar function
    /// returns an error (a zero or negative base, a change of sign), the
    /// growth is missing and counted by [`Reason`].
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::panel::{Panel, Reason};
    /// use rust_decimal_macros::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2023,x,-2\nA,2024,x,1\nB,2023,x,8\nB,2024,x,10\n".as_bytes())?;
    /// let g = p.yoy_growth();
    /// assert_eq!(g.growth(3), Some(dec!(0.25)));
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
    /// value: [`growth::cagr`] over the years between
    /// them. A series with one period, a first value of zero or less, or a
    /// negative last value has no CAGR, counted by [`Reason`].
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::panel::Panel;
    /// use rust_decimal_macros::dec;
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
        let super::Ends {
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
                super::Ends {
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
        let span = p0.zip(p1).map(|(a, b)| a.years_until(&b));
        let years = match span {
            Some(Ok(span)) => span.whole_years().unwrap_or(0),
            _ => 0,
        };
        let outcome = match (v0, v1, span) {
            (Some(v0), Some(v1), Some(Ok(span))) => cagr_of(v0, v1, span),
            (_, _, Some(Err(_))) => Err(Reason::Other),
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
            years,
            cagr: outcome.ok(),
            reason: outcome.err(),
        }
    }

    /// Target gaps from [`Panel::cagr`]'s results: for each series with a
    /// CAGR and a positive last value `v1`, the target `factor × v1`, the
    /// yearly growth [`growth::required_growth`]
    /// to reach it in `years`, the projection
    /// [`growth::project`] of `v1` at the series'
    /// CAGR, and whether the projection is on track: `projected ≥ target ×
    /// (1 − tolerance)`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] for a factor of zero or less, `years` of
    /// 0, or a tolerance outside [0, 1).
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::panel::Panel;
    /// use rust_decimal_macros::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2020,x,100\nA,2021,x,110\n".as_bytes())?;
    /// let t = p.target_gap(&p.cagr(), dec!(1.21), 2, dec!(0))?;
    /// let s = t.series()[0].as_ref().unwrap();
    /// assert_eq!((s.target, s.projected, s.on_track), (dec!(133.10), dec!(133.1000), true));
    /// assert_eq!(s.required.fraction(), dec!(0.1));
    /// assert!(p.target_gap(&p.cagr(), dec!(1.21), 0, dec!(0)).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn target_gap(
        &self,
        cagr: &PanelCagr<'_>,
        factor: Decimal,
        years: u32,
        tolerance: Decimal,
    ) -> Result<PanelTarget> {
        let invalid = |name, value: String, reason| Error::InvalidParameter {
            name,
            value,
            reason,
        };
        if factor <= Decimal::ZERO {
            return Err(invalid(
                "factor",
                factor.to_string(),
                "the target factor must be above zero",
            ));
        }
        if years == 0 {
            return Err(invalid(
                "years",
                "0".to_owned(),
                "the horizon must be at least one year",
            ));
        }
        if tolerance < Decimal::ZERO || tolerance >= Decimal::ONE {
            return Err(invalid(
                "tolerance",
                tolerance.to_string(),
                "the tolerance must lie in [0, 1)",
            ));
        }
        let span = YearSpan::years(i64::from(years));
        let slack = Decimal::ONE.checked_sub(tolerance).unwrap_or(Decimal::ONE);
        let mut memo: Option<([u8; 16], Rate)> = None;
        let mut out = PanelTarget {
            series: Vec::with_capacity(cagr.series.len()),
            on_track: 0,
            borderline: 0,
            counts: ReasonCounts::default(),
        };
        for s in &cagr.series {
            let result = match (s.cagr, s.last_value) {
                (Some(rate), Some(v1)) if crate::exact::is_positive(v1) => {
                    target_of(v1, rate, factor, years, span, slack, tolerance, &mut memo)
                }
                (Some(_), Some(v1)) if v1.is_zero() => Err(Reason::ZeroBase),
                (Some(_), _) => Err(Reason::NegativeBase),
                (None, _) => Err(s.reason.unwrap_or(Reason::Other)),
            };
            if let Ok(t) = &result {
                out.on_track = out.on_track.saturating_add(usize::from(t.on_track));
                out.borderline = out.borderline.saturating_add(usize::from(t.borderline));
            }
            out.counts.add(result.as_ref().map(|_| ()).map_err(|r| *r));
            out.series.push(result.ok());
        }
        Ok(out)
    }
}

/// Growth from `base` to `current`, as [`growth::growth`] gives it.
#[inline]
fn growth_of(
    base: Option<Decimal>,
    current: Option<Decimal>,
) -> core::result::Result<Decimal, Reason> {
    let (Some(b), Some(c)) = (base, current) else {
        return Err(Reason::MissingValue);
    };
    if let Some(u) = Undefined::of(b, c) {
        return Err(Reason::of(u));
    }
    // growth::growth's arithmetic once its checks (above) have passed.
    growth::growth_of_values(b, c, String::new)
        .map(|r| r.fraction())
        .map_err(|_| Reason::Other)
}

/// The CAGR from `v0` to `v1` over `span`, as [`growth::cagr`] gives it.
fn cagr_of(v0: Decimal, v1: Decimal, span: YearSpan) -> core::result::Result<Rate, Reason> {
    if span.periods() == 0 {
        return Err(Reason::SinglePeriod);
    }
    if let Some(u) = Undefined::of(v0, v1) {
        return Err(Reason::of(u));
    }
    // growth::cagr's arithmetic once its checks (above) have passed.
    let ratio = crate::exact::checked_div(v1, v0, String::new).map_err(|_| Reason::Other)?;
    growth::cagr_of_ratio(ratio, span, || (v0.to_string(), v1.to_string()))
        .map_err(|_| Reason::Other)
}

#[allow(clippy::too_many_arguments)]
fn target_of(
    v1: Decimal,
    rate: Rate,
    factor: Decimal,
    years: u32,
    span: YearSpan,
    slack: Decimal,
    tolerance: Decimal,
    memo: &mut Option<([u8; 16], Rate)>,
) -> core::result::Result<SeriesTarget, Reason> {
    // As Quantity::checked_mul: a product that rounds to zero is an error.
    let target = q(v1)
        .checked_mul(factor)
        .map_err(|_| Reason::Other)?
        .value();
    // required_growth(v1, target) = cagr_of_ratio(target / v1): computed once
    // per distinct ratio (one for a multiplicative target).
    // Quantity::checked_ratio of two quantities in one unit is this
    // division. When the product was exact (target = v1·factor digit for
    // digit), the division has no remainder and gives `factor` itself, at
    // its own scale: rust_decimal's exact quotient keeps scale(target) −
    // scale(v1) = scale(factor).
    let exact = v1
        .mantissa()
        .checked_mul(factor.mantissa())
        .is_some_and(|m| m == target.mantissa())
        && target.scale() == v1.scale().saturating_add(factor.scale());
    let ratio = if exact {
        factor
    } else {
        crate::exact::checked_div(target, v1, String::new).map_err(|_| Reason::Other)?
    };
    let required = match memo {
        // Keyed on the representation, not the value: with a one-year
        // horizon the ratio's own digits (1.80 or 1.8) become the rate's.
        Some((r, rate)) if *r == ratio.serialize() => *rate,
        _ => {
            let rate = growth::cagr_of_ratio(ratio, span, || (v1.to_string(), target.to_string()))
                .map_err(|_| Reason::Other)?;
            *memo = Some((ratio.serialize(), rate));
            rate
        }
    };
    let projected = growth::project(&q(v1), rate, years)
        .map_err(|_| Reason::Other)?
        .value();
    let threshold = crate::exact::mul(target, slack).ok_or(Reason::Other)?;
    let on_track = crate::exact::cmp(projected, threshold).is_ge();
    // |projected / target − 1| ≤ tolerance, for target > 0, as two products
    // (exact for any factor and tolerance of a few digits) instead of a
    // rounded quotient; the upper product only where the lower one holds.
    let borderline = on_track && {
        let ceiling = crate::exact::plus_one(tolerance)
            .and_then(|up| crate::exact::mul(target, up))
            .ok_or(Reason::Other)?;
        crate::exact::cmp(projected, ceiling).is_le()
    };
    Ok(SeriesTarget {
        target,
        required,
        projected,
        on_track,
        borderline,
    })
}
