//! Linear trends for projections: ordinary and time-weighted least squares.

use rust_decimal::Decimal;

use crate::exact::checked::{add, mul, sub};
use crate::exact::checked_div;
use crate::{Error, Period, Quantity, Result};

/// The value at `at` of the least-squares line through `points` (at least
/// two, of one frequency). With `weighted`, the i-th point (oldest first)
/// weighs i: recent points count more, after UN ESCAP's weighted
/// extrapolation (its exact weights are not public here; linear weights are
/// this crate's choice, stated in the docs).
pub(super) fn extrapolate(
    points: &[(Period, Quantity)],
    at: Period,
    weighted: bool,
) -> Result<Quantity> {
    let (first, _) = points.first().ok_or(Error::Empty {
        what: "the history",
    })?;
    let (_, last) = points.last().ok_or(Error::Empty {
        what: "the history",
    })?;
    let unit = last.unit();
    let mut xs = Vec::with_capacity(points.len());
    let mut ys = Vec::with_capacity(points.len());
    let mut ws = Vec::with_capacity(points.len());
    for (i, (p, q)) in points.iter().enumerate() {
        xs.push(first.years_until(p)?.to_decimal());
        // A bridged value (28 digits) in another magnitude: rounded by the rule
        // of `rounding`.
        ys.push(super::rounding::in_magnitude(q, unit.magnitude())?.value());
        let w = if weighted {
            Decimal::from(i)
                .checked_add(Decimal::ONE)
                .unwrap_or(Decimal::ONE)
        } else {
            Decimal::ONE
        };
        ws.push(w);
    }
    let mut sw = Decimal::ZERO;
    let (mut swx, mut swy) = (Decimal::ZERO, Decimal::ZERO);
    for ((x, y), w) in xs.iter().zip(&ys).zip(&ws) {
        sw = add(sw, *w)?;
        swx = add(swx, mul(*w, *x)?)?;
        swy = add(swy, mul(*w, *y)?)?;
    }
    let xbar = checked_div(swx, sw, || swx.to_string())?;
    let ybar = checked_div(swy, sw, || swy.to_string())?;
    let (mut sxx, mut sxy) = (Decimal::ZERO, Decimal::ZERO);
    for ((x, y), w) in xs.iter().zip(&ys).zip(&ws) {
        let dx = sub(*x, xbar)?;
        let dy = sub(*y, ybar)?;
        sxx = add(sxx, mul(*w, mul(dx, dx)?)?)?;
        sxy = add(sxy, mul(*w, mul(dx, dy)?)?)?;
    }
    let slope = checked_div(sxy, sxx, || sxy.to_string())?;
    let xt = first.years_until(&at)?.to_decimal();
    let value = add(ybar, mul(slope, sub(xt, xbar)?)?)?;
    Ok(Quantity::new(value, unit))
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

    /// Hand-worked: points (0, 1), (1, 3), (2, 2). OLS: x̄ = 1, ȳ = 2,
    /// Sxy = 1, Sxx = 2, slope 0.5, so ŷ(4) = 2 + 0.5·3 = 3.5.
    /// Weighted 1, 2, 3: W = 6, x̄ = 4/3, ȳ = 13/6, Sxx = 10/3, Sxy = 2/3,
    /// slope 0.2, so ŷ(4) = 13/6 + 0.2·(4 − 4/3) = 2.7.
    #[test]
    fn least_squares_by_hand() {
        let pts = points(&[(2020, dec!(1)), (2021, dec!(3)), (2022, dec!(2))]);
        assert_eq!(
            extrapolate(&pts, y(2024), false).unwrap().value(),
            dec!(3.5)
        );
        let w = extrapolate(&pts, y(2024), true).unwrap().value();
        assert!((w - dec!(2.7)).abs() < dec!(1e-26), "{w}");
    }

    /// A straight line is its own trend, weighted or not.
    #[test]
    fn a_line_projects_exactly() {
        let pts = points(&[(2018, dec!(800)), (2020, dec!(900)), (2022, dec!(1000))]);
        for weighted in [false, true] {
            let v = extrapolate(&pts, y(2026), weighted).unwrap().value();
            assert!((v - dec!(1200)).abs() < dec!(1e-24), "{v}");
        }
    }
}
