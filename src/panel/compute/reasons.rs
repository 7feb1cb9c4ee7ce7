//! Why a panel result is missing, and the counts of results by reason.

use crate::Error;

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

    /// The reason for an error of the growth kernel: its refusals by kind,
    /// any other error (an overflow) as [`Reason::Other`].
    pub(super) fn of(error: &Error) -> Reason {
        match error {
            Error::ZeroBase { .. } => Reason::ZeroBase,
            Error::NegativeBase { .. } => Reason::NegativeBase,
            Error::SignChange { .. } => Reason::SignChange,
            _ => Reason::Other,
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
