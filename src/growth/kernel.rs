//! The growth and CAGR arithmetic and their refusals, on values in one
//! unit: what [`growth`](super::growth) and [`cagr`](super::cagr) compute
//! once the units are checked and aligned, and what the panel computes for
//! every row and series
//! ([`Panel::yoy_growth`](crate::panel::Panel::yoy_growth),
//! [`Panel::cagr`](crate::panel::Panel::cagr),
//! [`Panel::target_gap`](crate::panel::Panel::target_gap)).
//!
//! The refusals come first: a zero base, a negative base, a positive base
//! and a negative current value ([`Error::ZeroBase`],
//! [`Error::NegativeBase`], [`Error::SignChange`]); growth is defined from
//! a positive base only ([`check_base`]). Bringing two quantities
//! to one unit keeps their signs, so the scalar API refuses a pair with
//! [`check`] before aligning it (which may overflow); the kernel's own check
//! then passes. Each error names the inputs as the caller's `describe` gives
//! them (base, current); the panel counts errors by kind and names nothing.

use rust_decimal::Decimal;

use crate::{Error, Rate, Result, YearSpan};

/// Why a growth (or a CAGR) from a base to a current value is undefined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Undefined {
    /// The base is zero.
    ZeroBase,
    /// The base is negative.
    NegativeBase,
    /// The base is positive and the current value negative.
    SignChange,
}

impl Undefined {
    /// The problem with growth from `b` whatever the current value, if any:
    /// growth is defined from a positive base only.
    #[inline]
    fn of_base(b: Decimal) -> Option<Undefined> {
        if b.is_zero() {
            Some(Undefined::ZeroBase)
        } else if b.is_sign_negative() {
            Some(Undefined::NegativeBase)
        } else {
            None
        }
    }

    /// The problem with growth from `b` to `c`, if any (in this order).
    #[inline]
    fn of(b: Decimal, c: Decimal) -> Option<Undefined> {
        match Undefined::of_base(b) {
            None if c.is_sign_negative() && !c.is_zero() => Some(Undefined::SignChange),
            problem => problem,
        }
    }

    /// The error for it, naming the base and the current value.
    #[cold]
    fn error(self, (base, current): (String, String)) -> Error {
        match self {
            Undefined::ZeroBase => Error::ZeroBase { base, current },
            Undefined::NegativeBase => Error::NegativeBase { base, current },
            Undefined::SignChange => Error::SignChange { base, current },
        }
    }
}

/// The refusals of growth from `base` to `current`: [`Error::ZeroBase`],
/// [`Error::NegativeBase`], [`Error::SignChange`], naming the values as
/// `describe` gives them.
#[inline]
pub(crate) fn check(
    base: Decimal,
    current: Decimal,
    describe: impl FnOnce() -> (String, String),
) -> Result<()> {
    match Undefined::of(base, current) {
        Some(problem) => Err(problem.error(describe())),
        None => Ok(()),
    }
}

/// The refusals of growth from `base` whatever the current value:
/// [`Error::ZeroBase`] and [`Error::NegativeBase`], naming the values as
/// `describe` gives them. Growth is defined from a positive base only:
/// `check_base(b, ..).is_ok()` is the test of a base before any current
/// value is known (a target gap's last value, before its target is formed).
#[inline]
pub(crate) fn check_base(base: Decimal, describe: impl FnOnce() -> (String, String)) -> Result<()> {
    match Undefined::of_base(base) {
        Some(problem) => Err(problem.error(describe())),
        None => Ok(()),
    }
}

/// Growth from `base` to `current`, values in one unit: `current / base −
/// 1`, exact to `Decimal`'s 28 significant digits, once [`check`] passes.
///
/// # Errors
///
/// Those of [`check`]; [`Error::Overflow`] naming the current value when the
/// quotient leaves `Decimal`'s range.
// Out of line, the quotient inside: the panel's growth loop stays small.
#[inline(never)]
pub(crate) fn growth(
    base: Decimal,
    current: Decimal,
    describe: impl Fn() -> (String, String),
) -> Result<Rate> {
    let ratio = ratio(base, current, describe)?;
    Rate::from_factor(ratio)
}

/// The compound annual growth rate from `start` to `end` over `span`,
/// values in one unit: `(end / start)^(1 / years) − 1`, [`cagr_of_ratio`]
/// of their [`ratio`].
///
/// # Errors
///
/// Those of [`ratio`] and of [`cagr_of_ratio`] (whose
/// [`Error::InvalidSpan`] names the end as `"{end} after {span}"`).
pub(crate) fn cagr(
    start: Decimal,
    end: Decimal,
    span: YearSpan,
    describe: impl Fn() -> (String, String),
) -> Result<Rate> {
    let ratio = ratio(start, end, &describe)?;
    cagr_of_ratio(ratio, span, || {
        let (start, end) = describe();
        (start, format!("{end} after {span}"))
    })
}

/// The step growth, CAGR and the panel's target gap share: the refusals of
/// [`check`], then the exact quotient `current / base` (`exact::div`'s fast
/// path: a current value that is the base times a factor exactly, as a
/// target is, gives that factor back, digits and scale, in one integer
/// division).
///
/// # Errors
///
/// Those of [`check`]; [`Error::Overflow`] naming the current value when the
/// quotient leaves `Decimal`'s range.
// Always inline: growth, CAGR and the panel's target gap each keep the
// refusals and the quotient in their own code, as the panel's loops had them.
#[inline(always)]
pub(crate) fn ratio(
    base: Decimal,
    current: Decimal,
    describe: impl Fn() -> (String, String),
) -> Result<Decimal> {
    check(base, current, &describe)?;
    crate::exact::checked_div(current, base, || describe().1)
}

/// The CAGR of a ratio `end / start` already computed (and refused where
/// [`check`] refuses): `ratio^(1/years) − 1`, an exact root and a small
/// integer power. The panel's target gap calls it once per distinct ratio.
///
/// # Errors
///
/// [`Error::InvalidSpan`] (naming the inputs as `describe` gives them) for
/// a span of zero or less; [`Error::Overflow`].
pub(crate) fn cagr_of_ratio(
    ratio: Decimal,
    span: YearSpan,
    describe: impl Fn() -> (String, String),
) -> Result<Rate> {
    Rate::from_factor(super::compound::pow_per_span(ratio, span, describe)?)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::dec;

    fn named() -> (String, String) {
        ("b".to_owned(), "c".to_owned())
    }

    #[test]
    fn refusals_come_in_order_and_name_the_inputs() {
        let refused = |b, c| check(b, c, named).unwrap_err();
        assert!(matches!(refused(dec!(0), dec!(-1)), Error::ZeroBase { base, .. } if base == "b"));
        assert!(matches!(
            refused(dec!(-1), dec!(-1)),
            Error::NegativeBase { .. }
        ));
        assert!(
            matches!(refused(dec!(1), dec!(-1)), Error::SignChange { current, .. } if current == "c")
        );
        assert!(check(dec!(1), dec!(0), named).is_ok());
        let base = |b| check_base(b, named);
        assert!(matches!(base(dec!(0)), Err(Error::ZeroBase { .. })));
        assert!(matches!(base(-Decimal::ZERO), Err(Error::ZeroBase { .. })));
        assert!(matches!(base(dec!(-2)), Err(Error::NegativeBase { .. })));
        assert!(base(dec!(0.001)).is_ok());
        assert!(check(dec!(1), -Decimal::ZERO, named).is_ok());
    }

    /// The scalar API refuses a pair before aligning it: a base of
    /// −MAX亿元 against 1元 is a negative base, though 亿元 in 元 overflows.
    #[test]
    fn refusals_precede_alignment() {
        let q = |s: &str| s.parse::<crate::Quantity>().unwrap();
        let (huge, one) = (q("79228162514264337593543950335亿元"), q("1元"));
        let negative = q("-79228162514264337593543950335亿元");
        assert!(matches!(
            huge.checked_ratio(&one),
            Err(Error::Overflow { .. })
        ));
        let g = super::super::growth(&negative, &one);
        assert!(matches!(g, Err(Error::NegativeBase { .. })), "{g:?}");
        let span = YearSpan::years(2);
        let c = super::super::cagr(&huge, &q("-1元"), span);
        assert!(matches!(c, Err(Error::SignChange { .. })), "{c:?}");
    }

    #[test]
    fn growth_and_cagr_of_values() {
        let g = growth(dec!(100), dec!(110), named).unwrap();
        assert_eq!(g.fraction(), dec!(0.1));
        assert!(matches!(
            growth(dec!(0), dec!(5), named),
            Err(Error::ZeroBase { .. })
        ));
        let span = YearSpan::years(2);
        let r = cagr(dec!(100), dec!(121), span, named).unwrap();
        assert_eq!(r.fraction(), dec!(0.1));
        assert!(matches!(
            cagr(dec!(1), dec!(-5), span, named),
            Err(Error::SignChange { .. })
        ));
        let none = YearSpan::years(0);
        let e = cagr(dec!(100), dec!(121), none, named);
        assert!(
            matches!(&e, Err(Error::InvalidSpan { to, .. }) if to == "c after 0 years"),
            "{e:?}"
        );
    }
}
