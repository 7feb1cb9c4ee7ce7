//! Linear trends for projections: ordinary and time-weighted least squares,
//! exact where the answer is.
//!
//! The fitted line's value at a time `t` is a fixed combination of the
//! history's values, `ŷ(t) = Σ yᵢ·nᵢ / Q`, whose coefficients are integers:
//! with the i-th point at `xᵢ` periods from the first and weight `wᵢ`,
//! `W = Σw`, `A = Σw·x`, `B = Σw·x²`, `D = W·B − A²` and `u = W·t − A`,
//! `nᵢ = wᵢ·(D + (W·xᵢ − A)·u)` and `Q = W·D`. The sum `Σ yᵢ·nᵢ` is taken
//! exactly and divided once, so a value on a line is the line's value
//! (280 → 300 projects exactly 380 four years on, weighted or not) and any
//! other is `Decimal`'s quotient, rounded to the nearest representable
//! value. Only where the exact sum does not fit a `Decimal` (28-digit
//! bridged values) are the terms rounded as they are added.

use core::cmp::Ordering;

use rust_decimal::Decimal;

use super::computed;
use super::projection::Projected;
use crate::exact::checked::{add, div, mul};
use crate::exact::exact_add;
use crate::{Error, Period, Quantity, Result};

/// The value at `at` of the least-squares line through `points` (at least
/// two, of one frequency). With `weighted`, the i-th point (oldest first)
/// weighs i: recent points count more, after UN ESCAP's weighted
/// extrapolation (its exact weights are not public here; linear weights are
/// this crate's choice, stated in the docs). A value beyond `Decimal`'s
/// range is [`Projected::Beyond`], on the side it lies.
pub(super) fn extrapolate(
    points: &[(Period, Quantity)],
    at: Period,
    weighted: bool,
) -> Result<Projected> {
    let (first, _) = points.first().ok_or(Error::Empty {
        what: "the history",
    })?;
    let (_, last) = points.last().ok_or(Error::Empty {
        what: "the history",
    })?;
    let unit = last.unit();
    let mut xs = Vec::with_capacity(points.len());
    let mut ys = Vec::with_capacity(points.len());
    for (p, q) in points {
        xs.push(i128::from(first.years_until(p)?.periods()));
        // A bridged value (28 digits) in another magnitude: rounded by the rule
        // of `computed`.
        ys.push(computed::in_magnitude(q, unit.magnitude())?.value());
    }
    let t = i128::from(first.years_until(&at)?.periods());
    let (ns, q) = coefficients(&xs, t, weighted).ok_or_else(|| {
        Error::overflow("fit a line through", format!("{} points", points.len()), at)
    })?;
    let value = match exact_sum(&ys, &ns) {
        Some(sum) => div(sum, q),
        None => rounded_sum(&ys, &ns, q),
    };
    match value {
        Ok(v) => Ok(Projected::Value(Quantity::new(v, unit))),
        Err(e @ Error::Overflow { .. }) => match side(&ys, &ns, q) {
            Some(side) => Ok(Projected::Beyond(side, e)),
            None => Err(e),
        },
        Err(e) => Err(e),
    }
}

/// The integer coefficients `nᵢ` and the divisor `Q` of the line's value at
/// `t` (see the module docs), reduced by their greatest common divisor and
/// written as `Decimal`s; `None` if they do not fit (histories of millions
/// of periods).
#[allow(clippy::arithmetic_side_effects)] // i128 operations are checked; i < len fits i128
fn coefficients(xs: &[i128], t: i128, weighted: bool) -> Option<(Vec<Decimal>, Decimal)> {
    let ws: Vec<i128> = (0..xs.len())
        .map(|i| if weighted { i as i128 + 1 } else { 1 })
        .collect();
    let (mut w, mut a, mut b) = (0i128, 0i128, 0i128);
    for (x, wi) in xs.iter().zip(&ws) {
        w = w.checked_add(*wi)?;
        a = a.checked_add(wi.checked_mul(*x)?)?;
        b = b.checked_add(wi.checked_mul(x.checked_mul(*x)?)?)?;
    }
    let d = w.checked_mul(b)?.checked_sub(a.checked_mul(a)?)?;
    let u = w.checked_mul(t)?.checked_sub(a)?;
    let mut ns = Vec::with_capacity(xs.len());
    for (x, wi) in xs.iter().zip(&ws) {
        let lever = w.checked_mul(*x)?.checked_sub(a)?.checked_mul(u)?;
        ns.push(wi.checked_mul(d.checked_add(lever)?)?);
    }
    let q = w.checked_mul(d)?;
    if q <= 0 {
        // Fewer than two distinct periods: no line.
        return None;
    }
    let g = ns
        .iter()
        .fold(q.unsigned_abs(), |g, n| gcd(g, n.unsigned_abs()));
    let g = i128::try_from(g).ok()?.max(1);
    let to_decimal = |v: i128| Decimal::try_from_i128_with_scale(v / g, 0).ok();
    let ns = ns.into_iter().map(to_decimal).collect::<Option<Vec<_>>>()?;
    Some((ns, to_decimal(q)?))
}

/// The greatest common divisor of `a` and `b`.
#[allow(clippy::arithmetic_side_effects)] // remainders of non-zero divisors
fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// `Σ yᵢ·nᵢ` exactly, or `None` where a product or a partial sum does not
/// fit a `Decimal` exactly.
fn exact_sum(ys: &[Decimal], ns: &[Decimal]) -> Option<Decimal> {
    let mut sum = Decimal::ZERO;
    for (y, n) in ys.iter().zip(ns) {
        let m = y.mantissa().checked_mul(n.mantissa())?;
        let term = Decimal::try_from_i128_with_scale(m, y.scale()).ok()?;
        sum = exact_add(sum, term)?;
    }
    Some(sum)
}

/// `Σ yᵢ·(nᵢ / Q)`, each operation rounded as `Decimal`'s own.
fn rounded_sum(ys: &[Decimal], ns: &[Decimal], q: Decimal) -> Result<Decimal> {
    let mut sum = Decimal::ZERO;
    for (y, n) in ys.iter().zip(ns) {
        sum = add(sum, mul(*y, div(*n, q)?)?)?;
    }
    Ok(sum)
}

/// Which side of `Decimal`'s range a value out of it lies on: the sign of
/// the line's value computed on the history scaled down by 10^20 (the same
/// sign; far smaller numbers); `None` if even that is out of range.
fn side(ys: &[Decimal], ns: &[Decimal], q: Decimal) -> Option<Ordering> {
    let scale = Decimal::from_i128_with_scale(1, 20);
    let scaled: Vec<Decimal> = ys
        .iter()
        .map(|y| y.checked_mul(scale))
        .collect::<Option<_>>()?;
    let v = rounded_sum(&scaled, ns, q).ok()?;
    Some(v.cmp(&Decimal::ZERO))
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)] // tests compare with Decimal operators
mod tests {
    use super::*;
    use crate::dec;

    fn y(n: i32) -> Period {
        Period::year(n).unwrap()
    }

    /// (year, value in 亿元) pairs as history points.
    fn points(pts: &[(i32, Decimal)]) -> Vec<(Period, Quantity)> {
        pts.iter()
            .map(|&(year, v)| (y(year), Quantity::new(v, crate::Unit::YI_YUAN)))
            .collect()
    }

    fn value(p: Projected) -> Decimal {
        match p {
            Projected::Value(q) => q.value(),
            Projected::Beyond(side, e) => panic!("{side:?}: {e}"),
        }
    }

    /// Hand-worked: points (0, 1), (1, 3), (2, 2). OLS: x̄ = 1, ȳ = 2,
    /// Sxy = 1, Sxx = 2, slope 0.5, so ŷ(4) = 2 + 0.5·3 = 3.5.
    /// Weighted 1, 2, 3: W = 6, x̄ = 4/3, ȳ = 13/6, Sxx = 10/3, Sxy = 2/3,
    /// slope 0.2, so ŷ(4) = 13/6 + 0.2·(4 − 4/3) = 2.7, exactly.
    #[test]
    fn least_squares_by_hand() {
        let pts = points(&[(2020, dec!(1)), (2021, dec!(3)), (2022, dec!(2))]);
        assert_eq!(value(extrapolate(&pts, y(2024), false).unwrap()), dec!(3.5));
        assert_eq!(value(extrapolate(&pts, y(2024), true).unwrap()), dec!(2.7));
    }

    /// A straight line is its own trend, weighted or not, exactly.
    #[test]
    fn a_line_projects_exactly() {
        let pts = points(&[(2018, dec!(800)), (2020, dec!(900)), (2022, dec!(1000))]);
        for weighted in [false, true] {
            let v = value(extrapolate(&pts, y(2026), weighted).unwrap());
            assert_eq!(v, dec!(1200));
        }
    }

    /// Values of 28 digits (a bridged history): the exact sum does not fit,
    /// the terms are rounded, and the line is still right to 1e-24.
    #[test]
    fn long_values_are_rounded_as_added() {
        let third = dec!(0.3333333333333333333333333333);
        let pts = points(&[(2020, dec!(850) * third), (2022, dec!(1004) * third)]);
        let v = value(extrapolate(&pts, y(2026), true).unwrap());
        assert!((v - dec!(1312) * third).abs() < dec!(1e-24), "{v}");
    }

    /// A line beyond `Decimal`'s range is out of range on its slope's side.
    #[test]
    fn out_of_range_has_a_side() {
        let huge = Decimal::MAX / dec!(2);
        let up = points(&[(2020, dec!(0)), (2021, huge)]);
        assert!(matches!(
            extrapolate(&up, y(2030), false).unwrap(),
            Projected::Beyond(Ordering::Greater, Error::Overflow { .. })
        ));
        let down = points(&[(2020, dec!(0)), (2021, -huge)]);
        assert!(matches!(
            extrapolate(&down, y(2030), true).unwrap(),
            Projected::Beyond(Ordering::Less, Error::Overflow { .. })
        ));
    }
}
