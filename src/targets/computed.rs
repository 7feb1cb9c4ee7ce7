//! Results computed from computed values, and the one rounding rule of
//! target analysis for them (the crate's display rounding is another rule,
//! for printing only: [`round_for_display`](crate::round_for_display)).
//!
//! A projection, a bridged value or a required-rate path has 28 significant
//! digits; the target minus such a value (a gap, a shortfall, the distances
//! of the UNSD ρ) can need 30, which no `Decimal` holds.
//! [`Quantity::checked_sub`] refuses to round a difference of two inputs, as
//! it should; these differences are not inputs, so they are rounded here,
//! once, from the exact value: **to 28 significant digits (and at most 28
//! decimal places), ties to even** (`RoundingStrategy::MidpointNearestEven`;
//! the same result as Python's `decimal` with its default context,
//! `prec=28`, `ROUND_HALF_EVEN`). A difference that needs 28 digits or fewer
//! is exact. The same rule converts a computed value to another magnitude
//! (a bridged 万元 history fitted in 亿元).

use crate::exact::{rescale_rounded, significant_digits, sum_rounded};
use crate::{Error, Magnitude, Quantity, Result};

/// `a − b` in `a`'s unit, by the rule above.
///
/// # Errors
///
/// [`Error::UnitMismatch`] across dimensions; [`Error::Overflow`] when the
/// rounded difference is beyond `Decimal`'s range.
pub(super) fn difference(a: &Quantity, b: &Quantity) -> Result<Quantity> {
    // Exact and short enough: as `checked_sub` gives it (its scale kept).
    match a.checked_sub(b) {
        Ok(d) if d.unit() == a.unit() && significant_digits(d.value()) <= 28 => return Ok(d),
        Ok(_) | Err(Error::Inexact { .. }) => {}
        Err(e) => return Err(e),
    }
    let (ua, ub) = (a.unit(), b.unit());
    let value = sum_rounded(
        a.value(),
        ua.magnitude(),
        b.value(),
        ub.magnitude(),
        true,
        ua.magnitude(),
    )
    .ok_or_else(|| Error::overflow("subtract", a, b))?;
    Ok(Quantity::new(value, ua))
}

/// `q` written at `magnitude`, by the rule above when the exact value needs
/// more than 28 decimal places there.
///
/// # Errors
///
/// As [`Quantity::to_magnitude`] for a dimension without magnitudes;
/// [`Error::Overflow`] beyond `Decimal`'s range.
pub(super) fn in_magnitude(q: &Quantity, magnitude: Magnitude) -> Result<Quantity> {
    match q.to_magnitude(magnitude) {
        Err(Error::Inexact { .. }) => {}
        done => return done,
    }
    let unit = q.unit().with_magnitude(magnitude)?;
    let value = rescale_rounded(q.value(), q.unit().magnitude(), magnitude)
        .ok_or_else(|| Error::overflow("scale", q, unit))?;
    Ok(Quantity::new(value, unit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Unit;
    use crate::dec;

    /// A target less a 28-digit projection, 1800亿元 −
    /// 696.78344462879857933201284063亿元, which no `Decimal` holds exactly,
    /// against Python's `decimal` default context: 1103.216555371201420667987159.
    #[test]
    fn a_target_less_a_projection() {
        let goal = Quantity::new(dec!(1800), Unit::YI_YUAN);
        let p = Quantity::new(dec!(696.78344462879857933201284063), Unit::YI_YUAN);
        assert!(goal.checked_sub(&p).is_err());
        let d = difference(&goal, &p).unwrap();
        assert_eq!(d.value(), dec!(1103.216555371201420667987159));
        assert_eq!(d.unit(), Unit::YI_YUAN);
        // Exact differences keep their scale.
        let exact = difference(&goal, &Quantity::new(dec!(1004.50), Unit::YI_YUAN)).unwrap();
        assert_eq!(exact.value().to_string(), "795.50");
        // Across magnitudes: 1800亿元 − 3000万元 = 1799.7亿元.
        let w = difference(&goal, &Quantity::new(dec!(3000), Unit::WAN_YUAN)).unwrap();
        assert_eq!(w.value(), dec!(1799.7));
        assert!(difference(&goal, &"5%".parse().unwrap()).is_err());
    }

    #[test]
    fn rounded_conversion() {
        let third = Quantity::new(dec!(0.3333333333333333333333333333), Unit::WAN_YUAN);
        assert!(third.to_magnitude(Magnitude::YI).is_err());
        let q = in_magnitude(&third, Magnitude::YI).unwrap();
        assert_eq!(q.value(), dec!(0.0000333333333333333333333333));
        assert_eq!(q.unit(), Unit::YI_YUAN);
    }
}
