//! Why a panel result is missing, and the counts of results by reason.

use crate::Error;

/// Why a panel result is missing where the scalar API would return an error
/// (or has nothing to compute from). Every reason names what in the data
/// caused it; none is a catch-all.
///
/// # Examples
///
/// ```
/// use indstat::panel::{Panel, Reason};
/// let p = Panel::from_csv("entity,period,indicator,value\nA,2023,x,0\nA,2024,x,5\n".as_bytes())?;
/// let g = p.yoy_growth();
/// assert_eq!(g.reason(1), Some(Reason::ZeroBase));
/// assert_eq!(g.reason(0), Some(Reason::NoBase));
///
/// // An annual and a quarterly row of one series: no span between them.
/// let mixed = Panel::from_csv("entity,period,indicator,value\nA,2021,x,100\nA,2022-Q2,x,30\n".as_bytes())?;
/// assert_eq!(mixed.cagr().series()[0].reason, Some(Reason::FrequencyMismatch));
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
    /// The series' first and last periods are of different frequencies
    /// ([`Error::FrequencyMismatch`]): annual and quarterly rows of one
    /// entity and indicator, as an SDMX file keyed by `FREQ` may hold. Its
    /// rows' year-on-year growth is defined (a year ago in the same
    /// frequency), a CAGR from first to last is not: keep one frequency
    /// with [`Panel::filter`](crate::panel::Panel::filter) for each one's.
    FrequencyMismatch,
    /// The series' first and last periods are year-to-date cumulatives
    /// through different months (2021年1-3月 and 2022年1-6月): they cover
    /// different months and are not a whole number of years apart
    /// ([`Period::years_until`](crate::Period::years_until) refuses them).
    CumulativeMismatch,
    /// A result leaves what a `Decimal` holds: beyond
    /// ±79,228,162,514,264,337,593,543,950,335 ([`Error::Overflow`]) — the
    /// ratio of the two values, its power over a short span (a monthly
    /// series that grows 300-fold in a month compounds to more than 10^29 a
    /// year), a projection or a target — or a nonzero ratio or product
    /// below 10^-28 that would round to zero ([`Error::Inexact`]).
    OutOfRange,
}

impl Reason {
    /// Every reason, in order.
    pub const ALL: [Reason; 9] = [
        Reason::NoBase,
        Reason::SinglePeriod,
        Reason::MissingValue,
        Reason::ZeroBase,
        Reason::NegativeBase,
        Reason::SignChange,
        Reason::FrequencyMismatch,
        Reason::CumulativeMismatch,
        Reason::OutOfRange,
    ];

    fn index(self) -> usize {
        match self {
            Reason::NoBase => 0,
            Reason::SinglePeriod => 1,
            Reason::MissingValue => 2,
            Reason::ZeroBase => 3,
            Reason::NegativeBase => 4,
            Reason::SignChange => 5,
            Reason::FrequencyMismatch => 6,
            Reason::CumulativeMismatch => 7,
            Reason::OutOfRange => 8,
        }
    }

    /// The reason for an error of the growth kernel on a panel's values: its
    /// refusals by kind, and an overflow as [`Reason::OutOfRange`].
    ///
    /// Those are all it returns there. Its other errors refuse inputs the
    /// panel never passes: [`Error::DivisionByZero`] (a zero base is refused
    /// first), [`Error::InvalidSpan`] (a span of zero periods is
    /// [`Reason::SinglePeriod`], and the last period of a series never
    /// precedes its first), [`Error::OutOfDomain`] for a negative radicand
    /// (the ratio of a positive base and a value of zero or more is not
    /// negative) or a root whose Newton iteration does not settle (from an
    /// `f64` seed good to 1e-15 it settles in a few steps: the stopping test,
    /// a step below 1e-14 of the root, is far above the ~1e-28 rounding of
    /// `Decimal`, and a panel's spans have fewer than 120,000 periods). The
    /// proptests in `tests/it/panel.rs` map every scalar error on random and
    /// extreme panels and find no other.
    pub(super) fn of(error: &Error) -> Reason {
        match error {
            Error::ZeroBase { .. } => Reason::ZeroBase,
            Error::NegativeBase { .. } => Reason::NegativeBase,
            Error::SignChange { .. } => Reason::SignChange,
            _ => Reason::OutOfRange,
        }
    }
}

/// No names for the values in a kernel's errors: the panel counts them by
/// [`Reason`] (and `String::new` does not allocate).
#[inline]
pub(super) fn unnamed() -> (String, String) {
    (String::new(), String::new())
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
    missing: [usize; 9],
}

impl ReasonCounts {
    /// Results computed.
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::rank::{Order, Ties};
    /// # use indstat::dec;
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
    /// # use indstat::dec;
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
    /// # use indstat::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let c = *p.yoy_growth().counts();
    /// assert_eq!(c.missing(), 3); // two first years, one zero base
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn missing(&self) -> usize {
        self.missing.iter().sum()
    }

    pub(super) fn add(&mut self, outcome: core::result::Result<(), Reason>) {
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
