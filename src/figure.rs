//! `Figure`: a published number with its unit and the [`Bound`] it was stated
//! with ("4000余人", "10家以上", "突破1800亿元").

use core::cmp::Ordering;
use core::fmt;

use rust_decimal::Decimal;

use crate::{Bound, Error, Quantity, Result, Truth, Unit};

/// A published figure: a [`Quantity`] and the [`Bound`] it was stated with.
///
/// "4000余人" is `Figure { bound: MoreThan, quantity: 4000人 }`. Comparisons
/// answer what is known ([`Truth`]); calculations that need the value itself
/// call [`Figure::exact`], which refuses a bound.
///
/// `Display` prints Chinese (`4000余人`), [`Figure::en`] English
/// (`more than 4,000 people`); `FromStr` reads either.
///
/// # Examples
///
/// ```
/// use indstat::{Bound, Figure, Truth};
///
/// let firms: Figure = "10家以上".parse()?;
/// assert_eq!(firms.bound(), Bound::AtLeast);
/// assert_eq!(firms.to_string(), "10家以上");
/// assert_eq!(firms.en().to_string(), "at least 10 enterprises");
/// assert_eq!(firms.ge(&"10家".parse()?)?, Truth::True);
/// assert_eq!(firms.gt(&"10家".parse()?)?, Truth::Unknown);
///
/// // A bound is not a value.
/// assert!(firms.exact().is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(into = "FigureRepr", try_from = "FigureRepr"))]
pub struct Figure {
    bound: Bound,
    quantity: Quantity,
}

/// The serialised form of a [`Figure`]: one flat object, unknown fields
/// refused (serde's `flatten` would accept them), the value checked as
/// [`Quantity::try_new`] checks it.
#[cfg(feature = "serde")]
#[derive(Clone, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FigureRepr {
    bound: Bound,
    #[serde(with = "crate::serde_str::decimal")]
    value: Decimal,
    unit: Unit,
}

#[cfg(feature = "serde")]
impl From<Figure> for FigureRepr {
    fn from(f: Figure) -> FigureRepr {
        FigureRepr {
            bound: f.bound,
            value: f.quantity.value(),
            unit: f.quantity.unit(),
        }
    }
}

#[cfg(feature = "serde")]
impl TryFrom<FigureRepr> for Figure {
    type Error = Error;
    fn try_from(r: FigureRepr) -> Result<Figure> {
        Ok(Figure::new(r.bound, Quantity::try_new(r.value, r.unit)?))
    }
}

impl Figure {
    /// A figure with the given bound.
    ///
    /// ```
    /// use indstat::{Bound, Figure, Quantity, Unit};
    /// use indstat::dec;
    /// let target = Figure::new(Bound::MoreThan, Quantity::new(dec!(1800), Unit::YI_YUAN));
    /// assert_eq!(target.to_string(), "1800余亿元");
    /// ```
    pub const fn new(bound: Bound, quantity: Quantity) -> Figure {
        Figure { bound, quantity }
    }

    /// An exact figure.
    ///
    /// ```
    /// use indstat::{Figure, Quantity, Unit};
    /// use indstat::dec;
    /// assert!(Figure::exact_value(Quantity::new(dec!(1004), Unit::YI_YUAN)).bound().is_exact());
    /// ```
    pub const fn exact_value(quantity: Quantity) -> Figure {
        Figure {
            bound: Bound::Exact,
            quantity,
        }
    }

    /// The bound.
    ///
    /// ```
    /// assert_eq!("4000余人".parse::<indstat::Figure>()?.bound(), indstat::Bound::MoreThan);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub const fn bound(&self) -> Bound {
        self.bound
    }

    /// The number and unit as published, whatever the bound.
    ///
    /// ```
    /// let f: indstat::Figure = "4000余人".parse()?;
    /// assert_eq!(f.quantity().to_string(), "4000人");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub const fn quantity(&self) -> &Quantity {
        &self.quantity
    }

    /// The number as published, in the quantity's magnitude.
    ///
    /// ```
    /// use indstat::dec;
    /// assert_eq!("4000余人".parse::<indstat::Figure>()?.value(), dec!(4000));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub const fn value(&self) -> Decimal {
        self.quantity.value()
    }

    /// The unit.
    ///
    /// ```
    /// assert_eq!("1004亿元".parse::<indstat::Figure>()?.unit(), indstat::Unit::YI_YUAN);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub const fn unit(&self) -> Unit {
        self.quantity.unit()
    }

    /// The figure with its number rounded for display to `dp` places, half
    /// away from zero (四舍五入), bound kept: as
    /// [`Quantity::round_for_display`]. For printing, never for calculating.
    ///
    /// ```
    /// let f: indstat::Figure = "突破1800.05亿元".parse()?;
    /// assert_eq!(f.round_for_display(1).zh(), "1800.1余亿元");
    /// assert_eq!(format!("{f:.1}"), "1800.1余亿元");
    /// assert_eq!(format!("{f:.0}"), "1800余亿元");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[must_use]
    pub fn round_for_display(&self, dp: u32) -> Figure {
        Figure {
            bound: self.bound,
            quantity: self.quantity.round_for_display(dp),
        }
    }

    /// The value when the figure is exact.
    ///
    /// # Errors
    ///
    /// [`Error::NotExact`] for a bound.
    ///
    /// ```
    /// use indstat::Figure;
    /// assert_eq!(*"1004亿元".parse::<Figure>()?.exact()?, "1004亿元".parse()?);
    /// assert!("4000余人".parse::<Figure>()?.exact().is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn exact(&self) -> Result<&Quantity> {
        self.exact_for("this calculation")
    }

    /// As [`exact`](Figure::exact), naming the calculation in the error.
    pub(crate) fn exact_for(&self, operation: &'static str) -> Result<&Quantity> {
        if self.bound.is_exact() {
            Ok(&self.quantity)
        } else {
            Err(Error::NotExact {
                value: self.to_string(),
                operation,
            })
        }
    }

    /// Whether the true value is certainly, possibly or certainly not `> x`.
    ///
    /// # Errors
    ///
    /// [`Error::UnitMismatch`] across dimensions.
    ///
    /// ```
    /// use indstat::{Figure, Truth};
    /// let f: Figure = "4000余人".parse()?;
    /// assert_eq!(f.gt(&"4000人".parse()?)?, Truth::True);
    /// assert_eq!(f.gt(&"5000人".parse()?)?, Truth::Unknown);
    /// assert!(f.gt(&"4000家".parse()?).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn gt(&self, x: &Quantity) -> Result<Truth> {
        self.compare(x, false)
    }

    /// Whether the true value is `≥ x`.
    ///
    /// # Errors
    ///
    /// [`Error::UnitMismatch`] across dimensions.
    ///
    /// ```
    /// use indstat::{Figure, Truth};
    /// let f: Figure = "10家以上".parse()?;
    /// assert_eq!(f.ge(&"10家".parse()?)?, Truth::True);
    /// assert_eq!(f.ge(&"11家".parse()?)?, Truth::Unknown);
    /// assert!(f.ge(&"11人".parse()?).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn ge(&self, x: &Quantity) -> Result<Truth> {
        self.compare(x, true)
    }

    /// Whether the true value is `< x`: the negation of [`ge`](Figure::ge).
    ///
    /// # Errors
    ///
    /// [`Error::UnitMismatch`] across dimensions.
    ///
    /// ```
    /// use indstat::{Figure, Truth};
    /// assert_eq!("4000余人".parse::<Figure>()?.lt(&"4000人".parse()?)?, Truth::False);
    /// assert!("4000余人".parse::<Figure>()?.lt(&"4000元".parse()?).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn lt(&self, x: &Quantity) -> Result<Truth> {
        Ok(self.ge(x)?.not())
    }

    /// Whether the true value is `≤ x`: the negation of [`gt`](Figure::gt).
    ///
    /// # Errors
    ///
    /// [`Error::UnitMismatch`] across dimensions.
    ///
    /// ```
    /// use indstat::{Figure, Truth};
    /// assert_eq!("1800亿元".parse::<Figure>()?.le(&"1800亿元".parse()?)?, Truth::True);
    /// assert!("1800亿元".parse::<Figure>()?.le(&"18%".parse()?).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn le(&self, x: &Quantity) -> Result<Truth> {
        Ok(self.gt(x)?.not())
    }

    /// Whether the true value equals `x`.
    ///
    /// # Errors
    ///
    /// [`Error::UnitMismatch`] across dimensions.
    ///
    /// ```
    /// use indstat::{Figure, Truth};
    /// let f: Figure = "10家以上".parse()?;
    /// assert_eq!(f.equals(&"9家".parse()?)?, Truth::False);
    /// assert_eq!(f.equals(&"12家".parse()?)?, Truth::Unknown);
    /// assert!(f.equals(&"12个项目".parse()?).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn equals(&self, x: &Quantity) -> Result<Truth> {
        let ge = self.ge(x)?;
        let le = self.le(x)?;
        Ok(match (ge, le) {
            (Truth::True, Truth::True) => Truth::True,
            (Truth::False, _) | (_, Truth::False) => Truth::False,
            _ => Truth::Unknown,
        })
    }

    /// `value > x` (strict) or `value ≥ x` (`inclusive`), for the interval
    /// the bound describes.
    fn compare(&self, x: &Quantity, inclusive: bool) -> Result<Truth> {
        let ord = self.quantity.checked_cmp(x)?;
        // Certainly true if the interval's lower end already satisfies it.
        let certainly = match self.bound.lower() {
            None => false,
            Some(closed) => match ord {
                Ordering::Greater => true,
                Ordering::Equal => inclusive || !closed,
                Ordering::Less => false,
            },
        };
        if certainly {
            return Ok(Truth::True);
        }
        // Certainly false if the interval's upper end fails it.
        let never = match self.bound.upper() {
            None => false,
            Some(closed) => match ord {
                Ordering::Less => true,
                Ordering::Equal => !inclusive || !closed,
                Ordering::Greater => false,
            },
        };
        Ok(if never { Truth::False } else { Truth::Unknown })
    }
}

impl From<Quantity> for Figure {
    fn from(quantity: Quantity) -> Figure {
        Figure::exact_value(quantity)
    }
}

impl fmt::Display for Figure {
    /// The Chinese form, as [`Figure::zh`]; with a precision (`{:.1}`), of
    /// the number rounded for display ([`Figure::round_for_display`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match f.precision() {
            Some(dp) => self
                .round_for_display(u32::try_from(dp).unwrap_or(u32::MAX))
                .zh(),
            None => self.zh(),
        };
        pad(f, &text)
    }
}

/// Writes `text` with the formatter's width, fill and alignment (left by
/// default, as for strings) but not its precision, which the caller has
/// already used to round the number inside `text`.
fn pad(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    use fmt::{Alignment, Write};
    let len = text.chars().count();
    let room = f.width().map_or(0, |w| w.saturating_sub(len));
    let (before, after) = match f.align() {
        Some(Alignment::Right) => (room, 0),
        Some(Alignment::Center) => (room / 2, room.saturating_sub(room / 2)),
        _ => (0, room),
    };
    let fill = f.fill();
    for _ in 0..before {
        f.write_char(fill)?;
    }
    f.write_str(text)?;
    for _ in 0..after {
        f.write_char(fill)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Quantity {
        s.parse().unwrap()
    }

    fn fig(b: Bound) -> Figure {
        Figure::new(b, q("10家"))
    }

    /// Every bound against values below, at and above its number, checked
    /// against the interval it stands for.
    #[test]
    fn truth_table() {
        use Truth::{False as F, True as T, Unknown as U};
        // (bound, x) -> [gt, ge, lt, le]
        let cases = [
            (Bound::Exact, "9家", [T, T, F, F]),
            (Bound::Exact, "10家", [F, T, F, T]),
            (Bound::Exact, "11家", [F, F, T, T]),
            (Bound::AtLeast, "9家", [T, T, F, F]),
            (Bound::AtLeast, "10家", [U, T, F, U]),
            (Bound::AtLeast, "11家", [U, U, U, U]),
            (Bound::MoreThan, "9家", [T, T, F, F]),
            (Bound::MoreThan, "10家", [T, T, F, F]),
            (Bound::MoreThan, "11家", [U, U, U, U]),
            (Bound::AtMost, "9家", [U, U, U, U]),
            (Bound::AtMost, "10家", [F, U, U, T]),
            (Bound::AtMost, "11家", [F, F, T, T]),
            (Bound::LessThan, "9家", [U, U, U, U]),
            (Bound::LessThan, "10家", [F, F, T, T]),
            (Bound::LessThan, "11家", [F, F, T, T]),
        ];
        for (b, x, want) in cases {
            let f = fig(b);
            let x = q(x);
            let got = [
                f.gt(&x).unwrap(),
                f.ge(&x).unwrap(),
                f.lt(&x).unwrap(),
                f.le(&x).unwrap(),
            ];
            assert_eq!(got, want, "{b} 10 vs {x}");
        }
    }
}
