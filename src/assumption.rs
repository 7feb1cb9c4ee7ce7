//! Assumptions a caller states, and results that carry them.

use core::fmt;

use rust_decimal::Decimal;

use crate::{PriceBasis, Rate, Scope};

/// An assumption a calculation was made under, stated by the caller and
/// recorded in the result so that every report can print it.
///
/// # Examples
///
/// ```
/// use indstat::Assumption;
/// let a = Assumption::RateAtCurrentPrices;
/// assert_eq!(a.en(), "the growth rate is read as nominal (at current prices), though it was published at comparable prices");
/// assert_eq!(a.zh(), "按现价(名义)增速理解该增长率，尽管其公布口径为可比价");
///
/// // A basis the source leaves unstated is said so, not called comparable.
/// use indstat::PriceBasis;
/// let b = Assumption::PriceBasesEqual { from: PriceBasis::NotStated, to: PriceBasis::Current };
/// assert_eq!(b.en(), "a price basis the source does not state is taken as current prices");
/// assert_eq!(b.zh(), "来源未说明价格口径，按现价理解");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "snake_case", tag = "assumption")
)]
#[non_exhaustive]
pub enum Assumption {
    /// A growth rate published at comparable prices (real) is applied to a
    /// level at current prices, as if it were nominal.
    RateAtCurrentPrices,
    /// The population measured did not change between the two periods
    /// (no enterprises crossed the designated-size threshold, no boundary change).
    ScopeUnchanged,
    /// Two different scopes are treated as one.
    ScopesEqual {
        /// The scope of the value measured.
        from: Scope,
        /// The scope it is measured against.
        to: Scope,
    },
    /// Two different price bases are treated as one.
    PriceBasesEqual {
        /// The price basis of the value.
        from: PriceBasis,
        /// The price basis it is combined with.
        to: PriceBasis,
    },
    /// A value of one scope converted to another by a ratio: above-size
    /// output taken as 90% of all output.
    ScopeRatio {
        /// The scope of the data.
        from: Scope,
        /// The scope of the target.
        to: Scope,
        /// `to = ratio × from`.
        #[cfg_attr(feature = "serde", serde(with = "crate::serde_str::decimal"))]
        ratio: Decimal,
    },
    /// The growth of one scope is taken as the growth of another.
    TrendAcrossScopes {
        /// The scope the trend was measured in.
        from: Scope,
        /// The scope it is applied to.
        to: Scope,
    },
    /// A rank keeps climbing at a pace of places a year.
    RankPace {
        /// Places a year.
        #[cfg_attr(feature = "serde", serde(with = "crate::serde_str::decimal"))]
        places: Decimal,
        /// Whether the pace was observed in the rank history (else supplied by
        /// the caller).
        observed: bool,
    },
    /// A growth rate supplied by the caller is taken as the trend. Its words
    /// ([`en`](Assumption::en), [`zh`](Assumption::zh)) show the rate to two
    /// places, rounded for display; the variant keeps it exactly.
    TrendGiven {
        /// The rate.
        rate: Rate,
    },
    /// Any other assumption, in the caller's words.
    Other {
        /// The assumption.
        text: String,
    },
}

impl Assumption {
    /// The assumption in English.
    ///
    /// ```
    /// assert_eq!(indstat::Assumption::ScopeUnchanged.en(), "the scope is the same in both periods");
    /// ```
    pub fn en(&self) -> String {
        match self {
            Assumption::RateAtCurrentPrices => "the growth rate is read as nominal (at current prices), though it was published at comparable prices".to_owned(),
            Assumption::ScopeUnchanged => "the scope is the same in both periods".to_owned(),
            Assumption::ScopesEqual { from, to } => format!("{from} is treated as {to}"),
            Assumption::PriceBasesEqual { from, to } => match (from, to) {
                (PriceBasis::NotStated, PriceBasis::NotStated) => {
                    "two price bases, neither stated by its source, are taken to be the same"
                        .to_owned()
                }
                (PriceBasis::NotStated, stated) | (stated, PriceBasis::NotStated) => {
                    format!("a price basis the source does not state is taken as {stated}")
                }
                _ => format!("{from} are treated as {to}"),
            },
            Assumption::ScopeRatio { from, to, ratio } => {
                format!("{to} is taken as {:.2} of {from}", Rate::from_fraction(*ratio))
            }
            Assumption::RankPace { places, observed } => format!(
                "a climb of {} places a year {}",
                places.normalize(),
                if *observed { "(as observed) continues" } else { "(supplied by the caller) holds" }
            ),
            Assumption::TrendAcrossScopes { from, to } => {
                format!("the growth of {from} is taken as the growth of {to}")
            }
            Assumption::TrendGiven { rate } => {
                format!("a steady {rate:.2} a year, supplied by the caller, is taken as the trend")
            }
            Assumption::Other { text } => text.clone(),
        }
    }

    /// The assumption in Chinese.
    ///
    /// ```
    /// assert_eq!(indstat::Assumption::ScopeUnchanged.zh(), "假定两期统计口径相同");
    /// ```
    pub fn zh(&self) -> String {
        match self {
            Assumption::RateAtCurrentPrices => {
                "按现价(名义)增速理解该增长率，尽管其公布口径为可比价".to_owned()
            }
            Assumption::ScopeUnchanged => "假定两期统计口径相同".to_owned(),
            Assumption::ScopesEqual { from, to } => {
                format!("假定{}与{}口径相同", from.zh(), to.zh())
            }
            Assumption::PriceBasesEqual { from, to } => match (from, to) {
                (PriceBasis::NotStated, PriceBasis::NotStated) => {
                    "两者价格口径均未说明，假定相同".to_owned()
                }
                (PriceBasis::NotStated, stated) | (stated, PriceBasis::NotStated) => {
                    format!("来源未说明价格口径，按{}理解", stated.zh())
                }
                _ => format!("假定{}与{}可比", from.zh(), to.zh()),
            },
            Assumption::ScopeRatio { from, to, ratio } => {
                format!(
                    "假定{}为{}的{:.2}",
                    to.zh(),
                    from.zh(),
                    Rate::from_fraction(*ratio)
                )
            }
            Assumption::TrendAcrossScopes { from, to } => {
                format!("假定{}的增速适用于{}", from.zh(), to.zh())
            }
            Assumption::RankPace { places, observed } => format!(
                "假定每年上升{}位{}",
                places.normalize(),
                if *observed {
                    "(按已观测速度延续)"
                } else {
                    "(由使用者给定)"
                }
            ),
            Assumption::TrendGiven { rate } => format!("假定今后年均增长{rate:.2}(由使用者给定)"),
            Assumption::Other { text } => text.clone(),
        }
    }
}

impl fmt::Display for Assumption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

/// A derived value and the assumptions it rests on.
///
/// Calculations that can only answer under an assumption (an implied base, a
/// target measured across scopes) return an `Estimate`, so the assumption
/// travels with the number into every report.
///
/// # Examples
///
/// ```
/// use indstat::{Assumption, Estimate};
/// let e = Estimate::new(925, vec![Assumption::ScopeUnchanged]);
/// assert_eq!(*e.value(), 925);
/// assert_eq!(e.assumptions().len(), 1);
/// assert!(!e.is_unconditional());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Estimate<T> {
    value: T,
    assumptions: Vec<Assumption>,
}

impl<T> Estimate<T> {
    /// A value resting on `assumptions`.
    ///
    /// ```
    /// let e = indstat::Estimate::new("x", vec![]);
    /// assert!(e.is_unconditional());
    /// ```
    pub fn new(value: T, assumptions: Vec<Assumption>) -> Estimate<T> {
        Estimate { value, assumptions }
    }

    /// The value.
    ///
    /// ```
    /// assert_eq!(*indstat::Estimate::new(1, vec![]).value(), 1);
    /// ```
    pub fn value(&self) -> &T {
        &self.value
    }

    /// The value, dropping the assumptions.
    ///
    /// ```
    /// assert_eq!(indstat::Estimate::new(1, vec![]).into_value(), 1);
    /// ```
    pub fn into_value(self) -> T {
        self.value
    }

    /// The assumptions, in the order they were made.
    ///
    /// ```
    /// use indstat::{Assumption, Estimate};
    /// let e = Estimate::new(1, vec![Assumption::ScopeUnchanged]);
    /// assert_eq!(e.assumptions(), &[Assumption::ScopeUnchanged]);
    /// ```
    pub fn assumptions(&self) -> &[Assumption] {
        &self.assumptions
    }

    /// Whether the value rests on no assumption.
    ///
    /// ```
    /// assert!(indstat::Estimate::new(1, vec![]).is_unconditional());
    /// ```
    pub fn is_unconditional(&self) -> bool {
        self.assumptions.is_empty()
    }
}
