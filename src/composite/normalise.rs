//! Normalisers: put indicators of different units on one scale (COINr
//! `Normalise`, OECD/JRC Handbook step 5).

use core::fmt;

use rust_decimal::{Decimal, MathematicalOps};

use crate::exact::checked::{add, div, mul, sub};
use crate::rank::{self, Missing, Order, Ties};
use crate::{Direction, EntityId, Error, Result};

/// How an indicator is normalised. The direction is applied first, by
/// negating the values of a lower-is-better indicator (as COINr does), so
/// that every normalised value is higher-is-better.
///
/// Formulas (`x` after direction, over the present values; COINr
/// `R/normalise.R`):
///
/// | normaliser | formula |
/// |---|---|
/// | `MinMax { lower: l, upper: u }` | `(x − min)/(max − min)·(u − l) + l` |
/// | `ZScore { mean: m, sd: s }` | `(x − mean)/sd·s + m` (sample sd, as R's `sd`) |
/// | `Rank` | `rank(x)`, ties min (COINr `n_rank`) |
/// | `Percentile` | `(rank − 1)/(n − 1)` |
/// | `DistanceToMax` | `1 − (max − x)/(max − min)` |
/// | `DistanceToReference { entity, cap }` | `1 − (x_r − x)/(x_r − min)`, optionally capped at 1 |
/// | `DistanceToTarget { target: T, cap }` | `(x − min)/(T − min)`, optionally capped at 1 |
/// | `Goalposts { lower: L, upper: U, scale: a }` | `a·clamp((x − L)/(U − L), 0, 1)` |
///
/// For a lower-is-better indicator, targets and goalposts are given in the
/// indicator's own units and negated with it: goalposts give `(x − U)/(L − U)`.
/// An indicator whose values are all equal cannot be min-max scaled: that is
/// [`Error::ConstantIndicator`], where COINr returns NaN with a warning.
///
/// # Examples
///
/// ```
/// use indstat::composite::Normaliser;
/// use indstat::dec;
/// let n = Normaliser::MinMax { lower: dec!(1), upper: dec!(100) };
/// assert_eq!(n.to_string(), "min-max onto [1, 100]");
/// assert!(Normaliser::min_max(dec!(5), dec!(5)).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Normaliser {
    /// Min-max onto `[lower, upper]`.
    MinMax {
        /// The value the worst entity gets.
        lower: Decimal,
        /// The value the best entity gets.
        upper: Decimal,
    },
    /// Standardisation, rescaled to `mean` and `sd`.
    ZScore {
        /// The mean of the output.
        mean: Decimal,
        /// The standard deviation of the output.
        sd: Decimal,
    },
    /// The rank, 1 = worst, ties min.
    Rank,
    /// The percentile rank `(rank − 1)/(n − 1)`.
    Percentile,
    /// Distance to the best value, 1 at the best.
    DistanceToMax,
    /// Distance to a reference entity's value, 1 at the reference.
    DistanceToReference {
        /// The reference entity.
        entity: EntityId,
        /// Cap results above 1 (entities better than the reference) at 1.
        cap: bool,
    },
    /// Distance to a target, 1 at the target.
    DistanceToTarget {
        /// The target, in the indicator's units.
        target: Decimal,
        /// Cap results above 1 at 1.
        cap: bool,
    },
    /// Goalposts: 0 at `lower`, `scale` at `upper`, clamped.
    Goalposts {
        /// The lower goalpost, in the indicator's units.
        lower: Decimal,
        /// The upper goalpost, in the indicator's units.
        upper: Decimal,
        /// The output at the upper goalpost (1 or 100, say).
        scale: Decimal,
    },
}

impl Normaliser {
    /// Min-max onto `[lower, upper]`, checked.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] unless `lower < upper`.
    ///
    /// ```
    /// use indstat::composite::Normaliser;
    /// use indstat::dec;
    /// assert!(Normaliser::min_max(dec!(0), dec!(100)).is_ok());
    /// assert!(Normaliser::min_max(dec!(100), dec!(0)).is_err());
    /// ```
    pub fn min_max(lower: Decimal, upper: Decimal) -> Result<Normaliser> {
        if lower >= upper {
            return Err(Error::InvalidParameter {
                name: "min-max range",
                value: format!("[{lower}, {upper}]"),
                reason: "the lower end must be below the upper end",
            });
        }
        Ok(Normaliser::MinMax { lower, upper })
    }

    /// Goalposts, checked.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] unless `lower < upper` and `scale > 0`.
    ///
    /// ```
    /// use indstat::composite::Normaliser;
    /// use indstat::dec;
    /// assert!(Normaliser::goalposts(dec!(0), dec!(10), dec!(100)).is_ok());
    /// assert!(Normaliser::goalposts(dec!(10), dec!(10), dec!(100)).is_err());
    /// ```
    pub fn goalposts(lower: Decimal, upper: Decimal, scale: Decimal) -> Result<Normaliser> {
        if lower >= upper || scale <= Decimal::ZERO {
            return Err(Error::InvalidParameter {
                name: "goalposts",
                value: format!("[{lower}, {upper}] x {scale}"),
                reason: "need lower < upper and a positive scale",
            });
        }
        Ok(Normaliser::Goalposts {
            lower,
            upper,
            scale,
        })
    }

    /// Checks the parameters, whichever way the normaliser was built (its
    /// fields are public, so `MinMax { lower: 100, upper: 0 }` can be written
    /// directly and must still be refused).
    fn validate(&self) -> Result<()> {
        match *self {
            Normaliser::MinMax { lower, upper } => Normaliser::min_max(lower, upper).map(|_| ()),
            Normaliser::Goalposts {
                lower,
                upper,
                scale,
            } => Normaliser::goalposts(lower, upper, scale).map(|_| ()),
            Normaliser::ZScore { sd, .. } if sd <= Decimal::ZERO => Err(Error::InvalidParameter {
                name: "z-score spread",
                value: sd.to_string(),
                reason: "the target standard deviation must be above zero",
            }),
            _ => Ok(()),
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Normaliser::MinMax { .. } => "min-max",
            Normaliser::ZScore { .. } => "z-score",
            Normaliser::Rank => "rank",
            Normaliser::Percentile => "percentile",
            Normaliser::DistanceToMax => "distance to max",
            Normaliser::DistanceToReference { .. } => "distance to reference",
            Normaliser::DistanceToTarget { .. } => "distance to target",
            Normaliser::Goalposts { .. } => "goalposts",
        }
    }
}

impl fmt::Display for Normaliser {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Normaliser::MinMax { lower, upper } => write!(f, "min-max onto [{lower}, {upper}]"),
            Normaliser::ZScore { mean, sd } => write!(f, "z-score (mean {mean}, sd {sd})"),
            Normaliser::DistanceToReference { entity, cap } => {
                write!(f, "distance to reference {entity} (cap {cap})")
            }
            Normaliser::DistanceToTarget { target, cap } => {
                write!(f, "distance to target {target} (cap {cap})")
            }
            Normaliser::Goalposts {
                lower,
                upper,
                scale,
            } => write!(f, "goalposts [{lower}, {upper}] x {scale}"),
            other => f.write_str(other.name()),
        }
    }
}

/// Negates for a lower-is-better indicator.
#[allow(clippy::arithmetic_side_effects)] // Decimal negation flips a sign bit: it cannot overflow
fn oriented(x: Decimal, direction: Direction) -> Decimal {
    match direction {
        Direction::HigherIsBetter => x,
        Direction::LowerIsBetter => -x,
    }
}

/// Normalises one indicator's column. Returns the values and a description of
/// the parameters used, for the log.
pub(crate) fn normalise(
    method: &Normaliser,
    code: &str,
    direction: Direction,
    entities: &[EntityId],
    values: &[Option<Decimal>],
) -> Result<(Vec<Option<Decimal>>, String)> {
    method.validate()?;
    let x: Vec<Option<Decimal>> = values
        .iter()
        .map(|v| v.map(|v| oriented(v, direction)))
        .collect();
    let present: Vec<Decimal> = x.iter().flatten().copied().collect();
    let (Some(min), Some(max)) = (present.iter().min().copied(), present.iter().max().copied())
    else {
        return Err(Error::AllMissing {
            what: code.to_owned(),
            count: values.len(),
        });
    };
    let constant = || Error::ConstantIndicator {
        method: method.name(),
        indicator: code.to_owned(),
        value: oriented(min, direction).to_string(),
    };
    let map = |f: &dyn Fn(Decimal) -> Result<Decimal>| -> Result<Vec<Option<Decimal>>> {
        x.iter().map(|v| v.map(f).transpose()).collect()
    };
    let cap = |y: Decimal, cap: bool| if cap { y.min(Decimal::ONE) } else { y };
    let span = sub(max, min)?;
    let detail = format!(
        "{method}; direction {direction:?}; min {min}, max {max} (after direction), n {}",
        present.len()
    );
    let out =
        match method {
            Normaliser::MinMax { lower, upper } => {
                if span.is_zero() {
                    return Err(constant());
                }
                let width = sub(*upper, *lower)?;
                map(&|v| add(mul(div(sub(v, min)?, span)?, width)?, *lower))?
            }
            Normaliser::ZScore { mean, sd } => {
                let n = Decimal::from(present.len());
                let total = present.iter().try_fold(Decimal::ZERO, |a, v| add(a, *v))?;
                let m = div(total, n)?;
                let ss = present.iter().try_fold(Decimal::ZERO, |a, v| {
                    sub(*v, m).and_then(|d| mul(d, d)).and_then(|d| add(a, d))
                })?;
                let var = div(ss, sub(n, Decimal::ONE)?).map_err(|_| constant())?;
                let s = var.sqrt().filter(|s| !s.is_zero()).ok_or_else(constant)?;
                let out = map(&|v| add(mul(div(sub(v, m)?, s)?, *sd)?, *mean))?;
                return Ok((out, format!("{detail}; mean {m}, sd {s}")));
            }
            Normaliser::Rank => rank::rank(&x, Ties::Min, Order::Ascending, Missing::Keep),
            Normaliser::Percentile => {
                let others = Decimal::from(present.len().saturating_sub(1));
                if others.is_zero() || span.is_zero() {
                    return Err(constant());
                }
                let ranks = rank::rank(&x, Ties::Min, Order::Ascending, Missing::Keep);
                ranks
                    .into_iter()
                    .map(|r| r.map(|r| div(sub(r, Decimal::ONE)?, others)).transpose())
                    .collect::<Result<_>>()?
            }
            Normaliser::DistanceToMax => {
                if span.is_zero() {
                    return Err(constant());
                }
                map(&|v| sub(Decimal::ONE, div(sub(max, v)?, span)?))?
            }
            Normaliser::DistanceToReference { entity, cap: c } => {
                let r = entities.iter().position(|e| e == entity).ok_or_else(|| {
                    Error::UnknownEntity {
                        entity: entity.to_string(),
                    }
                })?;
                let xr = x.get(r).copied().flatten().ok_or_else(|| Error::Unranked {
                    entity: entity.to_string(),
                    what: code.to_owned(),
                })?;
                let width = sub(xr, min)?;
                if width.is_zero() {
                    return Err(constant());
                }
                let out = map(&|v| Ok(cap(sub(Decimal::ONE, div(sub(xr, v)?, width)?)?, *c)))?;
                return Ok((out, format!("{detail}; reference value {xr}")));
            }
            Normaliser::DistanceToTarget { target, cap: c } => {
                let t = oriented(*target, direction);
                let width = sub(t, min)?;
                if width <= Decimal::ZERO {
                    return Err(Error::InvalidParameter {
                        name: "target",
                        value: format!("{target} for {code}"),
                        reason: "the target must be better than the worst value",
                    });
                }
                map(&|v| Ok(cap(div(sub(v, min)?, width)?, *c)))?
            }
            Normaliser::Goalposts {
                lower,
                upper,
                scale,
            } => {
                let (l, u) = match direction {
                    Direction::HigherIsBetter => (*lower, *upper),
                    Direction::LowerIsBetter => {
                        (oriented(*upper, direction), oriented(*lower, direction))
                    }
                };
                let width = sub(u, l)?;
                if width <= Decimal::ZERO {
                    return Err(Error::InvalidParameter {
                        name: "goalposts",
                        value: format!("[{lower}, {upper}] for {code}"),
                        reason: "the lower goalpost must be below the upper one",
                    });
                }
                map(&|v| {
                    mul(
                        *scale,
                        div(sub(v, l)?, width)?.clamp(Decimal::ZERO, Decimal::ONE),
                    )
                })?
            }
        };
    Ok((out, detail))
}
