//! Bounds: how a published number relates to the true value (exact, or
//! known only to be above or below it: "4000余人", "10家以上", "突破1800亿元"),
//! and the [`Truth`] of a question about a bounded value. The published
//! figure itself, number and bound, is [`Figure`](crate::Figure).

use core::cmp::Ordering;
use core::fmt;

use crate::{Error, Result};

/// How a published number relates to the true value.
///
/// | bound | meaning | Chinese | English |
/// |---|---|---|---|
/// | `Exact` | = x | 1004亿元 | 100.4 billion yuan |
/// | `AtLeast` | ≥ x | 10家以上, 6%以上 | at least 10, 10 or more |
/// | `MoreThan` | > x | 4000余人, 突破1800亿元, 超过 | more than 4,000 |
/// | `AtMost` | ≤ x | 5%以下, 以内 | at most 5% |
/// | `LessThan` | < x | 不足, 不到 | less than |
///
/// In Chinese statistical usage 以上 includes the number itself (规模以上:
/// revenue of 2000万元 or more), while 余 and 突破 say strictly more.
///
/// # Examples
///
/// ```
/// use indstat::Bound;
/// assert!(Bound::Exact.is_exact());
/// assert!(Bound::MoreThan.is_lower());
/// assert_eq!("at_least".parse::<Bound>()?, Bound::AtLeast);
/// assert!("roughly".parse::<Bound>().is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Bound {
    /// The number is the value.
    #[default]
    Exact,
    /// The value is at least the number (≥, 以上).
    AtLeast,
    /// The value is more than the number (>, 余, 突破).
    MoreThan,
    /// The value is at most the number (≤, 以下).
    AtMost,
    /// The value is less than the number (<, 不足).
    LessThan,
}

impl Bound {
    /// Whether the number is the value.
    ///
    /// ```
    /// assert!(!indstat::Bound::AtLeast.is_exact());
    /// ```
    pub const fn is_exact(self) -> bool {
        matches!(self, Bound::Exact)
    }

    /// Whether the number is a lower bound (`AtLeast`, `MoreThan`).
    ///
    /// ```
    /// assert!(indstat::Bound::AtLeast.is_lower());
    /// assert!(!indstat::Bound::AtMost.is_lower());
    /// ```
    pub const fn is_lower(self) -> bool {
        matches!(self, Bound::AtLeast | Bound::MoreThan)
    }

    /// Whether the number is an upper bound (`AtMost`, `LessThan`).
    ///
    /// ```
    /// assert!(indstat::Bound::LessThan.is_upper());
    /// ```
    pub const fn is_upper(self) -> bool {
        matches!(self, Bound::AtMost | Bound::LessThan)
    }

    /// The stable code: `exact`, `at_least`, `more_than`, `at_most`, `less_than`.
    ///
    /// ```
    /// assert_eq!(indstat::Bound::MoreThan.code(), "more_than");
    /// ```
    pub const fn code(self) -> &'static str {
        match self {
            Bound::Exact => "exact",
            Bound::AtLeast => "at_least",
            Bound::MoreThan => "more_than",
            Bound::AtMost => "at_most",
            Bound::LessThan => "less_than",
        }
    }

    /// Whether a value that compares with the number as `ord` (`value.cmp(&number)`)
    /// lies in the bound's interval: equal for `Exact`, greater or equal for
    /// `AtLeast`, greater for `MoreThan`, and so on. The one rule behind
    /// every "does this value meet that bound" of the crate: a target met
    /// ([`LevelTarget::is_met_by`](crate::targets::LevelTarget::is_met_by)),
    /// a growth rate that meets a requirement
    /// ([`RequiredRate::is_met_by`](crate::targets::RequiredRate::is_met_by)),
    /// the years a growing value takes to pass a target.
    pub(crate) const fn admits(self, ord: Ordering) -> bool {
        match self {
            Bound::Exact => ord.is_eq(),
            Bound::AtLeast => ord.is_ge(),
            Bound::MoreThan => ord.is_gt(),
            Bound::AtMost => ord.is_le(),
            Bound::LessThan => ord.is_lt(),
        }
    }

    /// The interval's lower end: `(value, closed)` or `None` for −∞.
    pub(crate) fn lower(self) -> Option<bool> {
        match self {
            Bound::Exact | Bound::AtLeast => Some(true),
            Bound::MoreThan => Some(false),
            Bound::AtMost | Bound::LessThan => None,
        }
    }

    /// The interval's upper end: `Some(closed)` or `None` for +∞.
    pub(crate) fn upper(self) -> Option<bool> {
        match self {
            Bound::Exact | Bound::AtMost => Some(true),
            Bound::LessThan => Some(false),
            Bound::AtLeast | Bound::MoreThan => None,
        }
    }
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl core::str::FromStr for Bound {
    type Err = Error;

    /// Reads a code such as `at_least`.
    fn from_str(s: &str) -> Result<Self> {
        [
            Bound::Exact,
            Bound::AtLeast,
            Bound::MoreThan,
            Bound::AtMost,
            Bound::LessThan,
        ]
        .into_iter()
        .find(|b| b.code() == s)
        .ok_or_else(|| {
            Error::parse(
                s,
                "a bound",
                "expected exact, at_least, more_than, at_most or less_than",
            )
        })
    }
}

#[cfg(feature = "serde")]
crate::serde_str::via_str!(Bound);

/// The answer to a question about a bounded value: true, false, or not known
/// from what was published.
///
/// # Examples
///
/// ```
/// use indstat::{Figure, Truth};
///
/// let recruited: Figure = "4000余人".parse()?;
/// assert_eq!(recruited.gt(&"3000人".parse()?)?, Truth::True);
/// assert_eq!(recruited.gt(&"5000人".parse()?)?, Truth::Unknown);
/// assert!(Truth::Unknown.is_unknown());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Truth {
    /// Certainly true.
    True,
    /// Certainly false.
    False,
    /// Could be either.
    Unknown,
}

impl Truth {
    /// Whether the answer is certainly true.
    ///
    /// ```
    /// assert!(indstat::Truth::True.is_true());
    /// assert!(!indstat::Truth::Unknown.is_true());
    /// ```
    pub const fn is_true(self) -> bool {
        matches!(self, Truth::True)
    }

    /// Whether the answer is certainly false.
    ///
    /// ```
    /// assert!(indstat::Truth::False.is_false());
    /// ```
    pub const fn is_false(self) -> bool {
        matches!(self, Truth::False)
    }

    /// Whether the answer is not known.
    ///
    /// ```
    /// assert!(indstat::Truth::Unknown.is_unknown());
    /// ```
    pub const fn is_unknown(self) -> bool {
        matches!(self, Truth::Unknown)
    }

    /// The answer as an `Option<bool>`: `None` when unknown.
    ///
    /// ```
    /// assert_eq!(indstat::Truth::False.known(), Some(false));
    /// assert_eq!(indstat::Truth::Unknown.known(), None);
    /// ```
    pub const fn known(self) -> Option<bool> {
        match self {
            Truth::True => Some(true),
            Truth::False => Some(false),
            Truth::Unknown => None,
        }
    }

    /// Negation; unknown stays unknown.
    ///
    /// ```
    /// assert_eq!(indstat::Truth::True.not(), indstat::Truth::False);
    /// ```
    #[must_use]
    #[allow(clippy::should_implement_trait)]
    pub const fn not(self) -> Truth {
        match self {
            Truth::True => Truth::False,
            Truth::False => Truth::True,
            Truth::Unknown => Truth::Unknown,
        }
    }
}

impl fmt::Display for Truth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Truth::True => "true",
            Truth::False => "false",
            Truth::Unknown => "unknown",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each bound admits the orderings of its interval: 1800 against
    /// 突破1800 (`MoreThan`) is `Equal`, not admitted; against 1800以上
    /// (`AtLeast`) it is.
    #[test]
    fn admits_its_interval() {
        use Ordering::{Equal, Greater, Less};
        let cases = [
            (Bound::Exact, [false, true, false]),
            (Bound::AtLeast, [false, true, true]),
            (Bound::MoreThan, [false, false, true]),
            (Bound::AtMost, [true, true, false]),
            (Bound::LessThan, [true, false, false]),
        ];
        for (bound, want) in cases {
            let got = [Less, Equal, Greater].map(|o| bound.admits(o));
            assert_eq!(got, want, "{bound}");
        }
    }
}
