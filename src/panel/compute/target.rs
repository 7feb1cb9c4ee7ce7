//! Target gaps of every series from its CAGR: the target, the yearly growth
//! it requires, the projection at the CAGR, and whether it is on track.

use rust_decimal::Decimal;

use super::reasons::unnamed;
use super::{PanelCagr, Reason, ReasonCounts};
use crate::growth::{self, kernel};
use crate::panel::Panel;
use crate::{Error, Quantity, Rate, Result, Unit, YearSpan};

/// One series' target gap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesTarget {
    /// The target: `factor × last value`.
    pub target: Decimal,
    /// The yearly growth needed to reach the target in the horizon.
    pub required: Rate,
    /// The last value projected over the horizon at the series' CAGR.
    pub projected: Decimal,
    /// Whether the projection reaches the target (within the tolerance).
    pub on_track: bool,
    /// Whether `|projected / target − 1| ≤ tolerance`, decided without
    /// rounding a quotient: `target·(1 − tolerance) ≤ projected ≤
    /// target·(1 + tolerance)`.
    pub borderline: bool,
}

/// Target gaps of every series: will the series, growing at its CAGR, reach
/// `factor ×` its last value within the horizon? (A constant required rate
/// for a multiplicative target, a per-series projection.)
///
/// # Examples
///
/// ```
/// use indstat::panel::Panel;
/// use indstat::dec;
/// let p = Panel::from_csv("entity,period,indicator,value\nA,2020,x,100\nA,2022,x,144\nB,2020,x,100\nB,2022,x,100\n".as_bytes())?;
/// let t = p.target_gap(&p.cagr(), dec!(1.44), 2, dec!(0))?;
/// assert_eq!(t.on_track(), 1); // A grows 20% a year; B does not grow
/// assert_eq!(t.evaluable(), 2);
/// assert!(p.target_gap(&p.cagr(), dec!(0), 2, dec!(0)).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelTarget {
    series: Vec<Option<SeriesTarget>>,
    reason: Vec<Option<Reason>>,
    on_track: usize,
    borderline: usize,
    counts: ReasonCounts,
}

impl PanelTarget {
    /// One entry per series, in the order of [`PanelCagr::series`]; `None`
    /// when not evaluable (no CAGR, or a last value of zero or less).
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::rank::{Order, Ties};
    /// # use indstat::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let t = p.target_gap(&p.cagr(), dec!(1.21), 2, dec!(0))?;
    /// assert!(t.series()[0].is_some()); // A
    /// assert!(t.series()[1].is_none()); // B: no CAGR from 0
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn series(&self) -> &[Option<SeriesTarget>] {
        &self.series
    }

    /// Why series `k` (in the order of [`PanelTarget::series`]) is not
    /// evaluable: its CAGR's reason, [`Reason::ZeroBase`] or
    /// [`Reason::NegativeBase`] for a last value of zero or less, or
    /// [`Reason::OutOfRange`] for a target or projection beyond what a
    /// `Decimal` holds. `None` for an evaluable series (or `k` out of range).
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let t = p.target_gap(&p.cagr(), dec!(1.21), 2, dec!(0))?;
    /// assert_eq!(t.reason(0), None);                    // A
    /// assert_eq!(t.reason(1), Some(Reason::ZeroBase));  // B: no CAGR from 0
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn reason(&self, k: usize) -> Option<Reason> {
        self.reason.get(k).copied().flatten()
    }

    /// Series that can be evaluated.
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::rank::{Order, Ties};
    /// # use indstat::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let t = p.target_gap(&p.cagr(), dec!(1.21), 2, dec!(0))?;
    /// assert_eq!(t.evaluable(), 1);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn evaluable(&self) -> usize {
        self.counts.valid()
    }

    /// Evaluable series on track.
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::rank::{Order, Ties};
    /// # use indstat::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let t = p.target_gap(&p.cagr(), dec!(1.21), 2, dec!(0))?;
    /// assert_eq!(t.on_track(), 1); // A grows 10% a year: 1.1² = 1.21
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn on_track(&self) -> usize {
        self.on_track
    }

    /// Evaluable series within the tolerance of the target.
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::rank::{Order, Ties};
    /// # use indstat::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let t = p.target_gap(&p.cagr(), dec!(1.21), 2, dec!(0))?;
    /// assert_eq!(t.borderline(), 1); // exactly on the target
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn borderline(&self) -> usize {
        self.borderline
    }

    /// Evaluable and not evaluable series, by reason.
    ///
    /// ```
    /// # use indstat::panel::{Panel, Reason};
    /// # use indstat::rank::{Order, Ties};
    /// # use indstat::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2022,x,100\nA,2023,x,110\nB,2022,x,0\nB,2023,x,5\n".as_bytes())?;
    /// let t = p.target_gap(&p.cagr(), dec!(1.21), 2, dec!(0))?;
    /// assert_eq!(t.counts().valid(), 1);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn counts(&self) -> &ReasonCounts {
        &self.counts
    }
}

/// A dimensionless quantity, to call the scalar API.
fn q(v: Decimal) -> Quantity {
    Quantity::new(v, Unit::RATIO)
}

impl Panel {
    /// Target gaps from [`Panel::cagr`]'s results: for each series with a
    /// CAGR and a positive last value `v1`, the target `factor × v1`, the
    /// yearly growth [`growth::required_growth`]
    /// to reach it in `years`, the projection
    /// [`growth::project`] of `v1` at the series'
    /// CAGR, and whether the projection is on track: `projected ≥ target ×
    /// (1 − tolerance)`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] for a factor of zero or less, `years` of
    /// 0, or a tolerance outside [0, 1).
    ///
    /// # Examples
    ///
    /// ```
    /// use indstat::panel::Panel;
    /// use indstat::dec;
    /// let p = Panel::from_csv("entity,period,indicator,value\nA,2020,x,100\nA,2021,x,110\n".as_bytes())?;
    /// let t = p.target_gap(&p.cagr(), dec!(1.21), 2, dec!(0))?;
    /// let s = t.series()[0].as_ref().unwrap();
    /// assert_eq!((s.target, s.projected, s.on_track), (dec!(133.10), dec!(133.1000), true));
    /// assert_eq!(s.required.fraction(), dec!(0.1));
    /// assert!(p.target_gap(&p.cagr(), dec!(1.21), 0, dec!(0)).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn target_gap(
        &self,
        cagr: &PanelCagr<'_>,
        factor: Decimal,
        years: u32,
        tolerance: Decimal,
    ) -> Result<PanelTarget> {
        let invalid = |name, value: String, reason| Error::InvalidParameter {
            name,
            value,
            reason,
        };
        if factor <= Decimal::ZERO {
            return Err(invalid(
                "factor",
                factor.to_string(),
                "the target factor must be above zero",
            ));
        }
        if years == 0 {
            return Err(invalid(
                "years",
                "0".to_owned(),
                "the horizon must be at least one year",
            ));
        }
        if tolerance < Decimal::ZERO || tolerance >= Decimal::ONE {
            return Err(invalid(
                "tolerance",
                tolerance.to_string(),
                "the tolerance must lie in [0, 1)",
            ));
        }
        let span = YearSpan::years(i64::from(years));
        let slack = Decimal::ONE.checked_sub(tolerance).unwrap_or(Decimal::ONE);
        let mut memo: Option<([u8; 16], Rate)> = None;
        let mut out = PanelTarget {
            series: Vec::with_capacity(cagr.series().len()),
            reason: Vec::with_capacity(cagr.series().len()),
            on_track: 0,
            borderline: 0,
            counts: ReasonCounts::default(),
        };
        for s in cagr.series() {
            let result = match (s.cagr, s.last_value) {
                (Some(rate), Some(v1)) => {
                    target_of(v1, rate, factor, years, span, slack, tolerance, &mut memo)
                }
                // `Panel::cagr` gives a last value wherever it gives a CAGR,
                // and a reason wherever the CAGR is missing.
                (Some(_), None) => Err(Reason::MissingValue),
                (None, _) => Err(s.reason.unwrap_or(Reason::MissingValue)),
            };
            if let Ok(t) = &result {
                out.on_track = out.on_track.saturating_add(usize::from(t.on_track));
                out.borderline = out.borderline.saturating_add(usize::from(t.borderline));
            }
            out.counts.add(result.as_ref().map(|_| ()).map_err(|r| *r));
            out.reason.push(result.as_ref().err().copied());
            out.series.push(result.ok());
        }
        Ok(out)
    }
}

#[allow(clippy::too_many_arguments)]
fn target_of(
    v1: Decimal,
    rate: Rate,
    factor: Decimal,
    years: u32,
    span: YearSpan,
    slack: Decimal,
    tolerance: Decimal,
    memo: &mut Option<([u8; 16], Rate)>,
) -> core::result::Result<SeriesTarget, Reason> {
    // Growth from the last value is refused as the growth kernel refuses
    // it, from zero or less, before the target is formed (which may leave
    // `Decimal`'s range).
    kernel::check_base(v1, unnamed).map_err(|e| Reason::of(&e))?;
    // Every failure below is a result out of `Decimal`'s range
    // (`Reason::OutOfRange`): v1 and factor are positive, so no step divides
    // by zero or takes a root of a negative. As Quantity::checked_mul: a
    // product beyond the range, or one that rounds to zero (1e-28 × 0.5), is
    // an error.
    let target = q(v1)
        .checked_mul(factor)
        .map_err(|_| Reason::OutOfRange)?
        .value();
    // required_growth(v1, target) = cagr_of_ratio(target / v1), the ratio as
    // the kernel divides (Quantity::checked_ratio of two quantities in one
    // unit): `factor` itself, at its own scale, when the product was exact;
    // beyond the range only where rounding the target took it past
    // Decimal::MAX × v1.
    let ratio = kernel::ratio(v1, target, unnamed).map_err(|e| Reason::of(&e))?;
    let required = match memo {
        // Keyed on the representation, not the value: with a one-year
        // horizon the ratio's own digits (1.80 or 1.8) become the rate's.
        Some((r, rate)) if *r == ratio.serialize() => *rate,
        _ => {
            // A positive ratio's root over whole years: a k-th root and a
            // first power, below the ratio when it is above 1.
            let rate = kernel::cagr_of_ratio(ratio, span, unnamed).map_err(|e| Reason::of(&e))?;
            *memo = Some((ratio.serialize(), rate));
            rate
        }
    };
    // A projection beyond the range, or at a CAGR of −100% (which a
    // positive last value has only when the ratio of the series' ends
    // rounded to zero, below 10^-28: `Error::RateOutOfRange`).
    let projected = growth::project(&q(v1), rate, years)
        .map_err(|_| Reason::OutOfRange)?
        .value();
    // target × (1 − tolerance) ≤ target: within the range.
    let threshold = crate::exact::mul(target, slack).ok_or(Reason::OutOfRange)?;
    let on_track = crate::exact::cmp(projected, threshold).is_ge();
    // |projected / target − 1| ≤ tolerance, for target > 0, as two products
    // (exact for any factor and tolerance of a few digits) instead of a
    // rounded quotient; the upper product only where the lower one holds.
    // A ceiling beyond the range is above every projection.
    let borderline = on_track
        && crate::exact::plus_one(tolerance)
            .and_then(|up| crate::exact::mul(target, up))
            .is_none_or(|ceiling| crate::exact::cmp(projected, ceiling).is_le());
    Ok(SeriesTarget {
        target,
        required,
        projected,
        on_track,
        borderline,
    })
}
