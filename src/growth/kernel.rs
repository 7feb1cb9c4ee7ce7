//! The growth and CAGR arithmetic and their refusals, on values: what
//! [`growth`](super::growth) and [`cagr`](super::cagr) compute once the
//! units are checked, and what the panel computes for every row and series
//! ([`Panel::yoy_growth`](crate::panel::Panel::yoy_growth),
//! [`Panel::cagr`](crate::panel::Panel::cagr)).
//!
//! The refusals come first and are decided on the values as given: a zero
//! base, a negative base, a positive base and a negative current value
//! ([`Error::ZeroBase`], [`Error::NegativeBase`], [`Error::SignChange`]).
//! Bringing two quantities to one unit keeps their signs, so the refusals do
//! not depend on it; the caller's `aligned` does that step afterwards (it may
//! overflow), and the panel, whose values share a unit, hands them back as
//! they are. Each error names the inputs as the caller's `describe` gives
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
    /// The problem with growth from `b` to `c`, if any (in this order).
    #[inline]
    fn of(b: Decimal, c: Decimal) -> Option<Undefined> {
        if b.is_zero() {
            Some(Undefined::ZeroBase)
        } else if b.is_sign_negative() {
            Some(Undefined::NegativeBase)
        } else if c.is_sign_negative() && !c.is_zero() {
            Some(Undefined::SignChange)
        } else {
            None
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

/// Growth from `base` to `current`, `current / base − 1`, exact to
/// `Decimal`'s 28 significant digits: the refusals and alignment of
/// [`operands`], then [`growth_of_values`].
///
/// # Errors
///
/// Those of [`operands`] and of [`growth_of_values`].
#[inline]
pub(crate) fn growth(
    base: Decimal,
    current: Decimal,
    aligned: impl FnOnce() -> Result<(Decimal, Decimal)>,
    describe: impl Fn() -> (String, String),
) -> Result<Rate> {
    let (base, current) = operands(base, current, aligned, &describe)?;
    growth_of_values(base, current, describe)
}

/// `current / base − 1` for values in one unit that [`check`] passes.
///
/// # Errors
///
/// [`Error::Overflow`] naming the current value when the quotient leaves
/// `Decimal`'s range.
// Out of line, the refusals inlined before it, as the panel's year-on-year
// loop had them before the kernel: the arithmetic inlined into that loop
// made it larger and the workload about a third slower (measured on the
// peer files).
#[inline(never)]
fn growth_of_values(
    base: Decimal,
    current: Decimal,
    describe: impl Fn() -> (String, String),
) -> Result<Rate> {
    let ratio = crate::quantity::checked_div(current, base, || describe().1)?;
    Rate::from_factor(ratio)
}

/// The compound annual growth rate from `start` to `end` over `span`,
/// `(end / start)^(1 / years) − 1`: the refusals and alignment of
/// [`operands`], then [`cagr_of_ratio`] of the quotient.
///
/// # Errors
///
/// Those of [`operands`] and of [`cagr_of_ratio`] (whose
/// [`Error::InvalidSpan`] names the end as `"{end} after {span}"`);
/// [`Error::Overflow`] naming the end when the quotient leaves `Decimal`'s
/// range.
pub(crate) fn cagr(
    start: Decimal,
    end: Decimal,
    span: YearSpan,
    aligned: impl FnOnce() -> Result<(Decimal, Decimal)>,
    describe: impl Fn() -> (String, String),
) -> Result<Rate> {
    let (start, end) = operands(start, end, aligned, &describe)?;
    let ratio = crate::quantity::checked_div(end, start, || describe().1)?;
    cagr_of_ratio(ratio, span, || {
        let (start, end) = describe();
        (start, format!("{end} after {span}"))
    })
}

/// The step growth and CAGR share: the refusals of [`check`] on `base` and
/// `current` as given, then the values `aligned` gives (base, current) in
/// one unit.
///
/// # Errors
///
/// Those of [`check`] and of `aligned`.
#[inline]
fn operands(
    base: Decimal,
    current: Decimal,
    aligned: impl FnOnce() -> Result<(Decimal, Decimal)>,
    describe: impl Fn() -> (String, String),
) -> Result<(Decimal, Decimal)> {
    check(base, current, describe)?;
    aligned()
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
    use rust_decimal_macros::dec;

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
        assert!(check(dec!(1), -Decimal::ZERO, named).is_ok());
    }

    /// The refusals are decided before the values are aligned: a refused
    /// pair is never aligned.
    #[test]
    fn refusals_precede_alignment() {
        let unaligned = || -> Result<(Decimal, Decimal)> { Err(Error::overflow("scale", 1, 2)) };
        let g = growth(dec!(0), dec!(5), unaligned, named);
        assert!(matches!(g, Err(Error::ZeroBase { .. })));
        let span = YearSpan::years(2);
        let c = cagr(dec!(1), dec!(-5), span, unaligned, named);
        assert!(matches!(c, Err(Error::SignChange { .. })));
        assert!(matches!(
            growth(dec!(1), dec!(5), unaligned, named),
            Err(Error::Overflow { .. })
        ));
    }

    #[test]
    fn growth_and_cagr_of_values() {
        let same = |b: Decimal, c: Decimal| move || Ok((b, c));
        let g = growth(dec!(100), dec!(110), same(dec!(100), dec!(110)), named).unwrap();
        assert_eq!(g.fraction(), dec!(0.1));
        let span = YearSpan::years(2);
        let r = cagr(
            dec!(100),
            dec!(121),
            span,
            same(dec!(100), dec!(121)),
            named,
        )
        .unwrap();
        assert_eq!(r.fraction(), dec!(0.1));
        let none = YearSpan::years(0);
        let e = cagr(
            dec!(100),
            dec!(121),
            none,
            same(dec!(100), dec!(121)),
            named,
        );
        assert!(
            matches!(&e, Err(Error::InvalidSpan { to, .. }) if to == "c after 0 years"),
            "{e:?}"
        );
    }
}
