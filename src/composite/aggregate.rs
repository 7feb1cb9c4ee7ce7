//! Aggregators: combine a group's normalised values into one score (COINr
//! `Aggregate`, OECD/JRC Handbook step 7).

use core::fmt;

use rust_decimal::{Decimal, MathematicalOps};

use crate::exact::checked::{add, div, mul, sub};
use crate::{EntityId, Error, Result};

/// How the children of a node are combined. Weights are renormalised over
/// the children present for each entity (COINr drops missing values
/// pairwise), subject to the coverage rule of the [`Spec`](super::Spec).
///
/// | aggregator | formula |
/// |---|---|
/// | `Arithmetic` | `Σwᵢxᵢ / Σwᵢ` (fully compensatory) |
/// | `Geometric` | `exp(Σwᵢ ln xᵢ / Σwᵢ)`, every `xᵢ > 0` |
/// | `Harmonic` | `Σwᵢ / Σ(wᵢ/xᵢ)`, every `xᵢ > 0` |
/// | `Copeland` | for each other entity k: +1 if the weight of the children where j beats k exceeds the weight where k beats j, −1 if less, 0 if equal; the score is the sum |
///
/// The geometric and harmonic means refuse a zero or a negative value with
/// [`Error::AggregationDomain`], naming the entity and the indicator:
/// normalise onto a positive range first (min-max onto [1, 100]).
/// Logarithms and exponentials are `rust_decimal`'s, accurate to about 20
/// significant digits.
///
/// # Examples
///
/// ```
/// use indstat::composite::Aggregator;
/// assert_eq!(Aggregator::Geometric.to_string(), "weighted geometric mean");
/// assert_eq!(Aggregator::default(), Aggregator::Arithmetic);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Aggregator {
    /// Weighted arithmetic mean.
    #[default]
    Arithmetic,
    /// Weighted geometric mean (positive inputs only).
    Geometric,
    /// Weighted harmonic mean (positive inputs only).
    Harmonic,
    /// Copeland's non-compensatory pairwise score: the sum over other
    /// entities of +1, −1 or 0 from the weighted outranking matrix (the
    /// OECD/JRC Handbook on composite indicators). Note: COINr's `a_copeland`
    /// returns the row sums of the outranking matrix itself (fractions), and
    /// its treatment of missing values differs
    /// (a missing comparison counts half); scores can differ from COINr's
    /// while the ±1 form is the Handbook's Copeland rule.
    Copeland,
}

impl fmt::Display for Aggregator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Aggregator::Arithmetic => "weighted arithmetic mean",
            Aggregator::Geometric => "weighted geometric mean",
            Aggregator::Harmonic => "weighted harmonic mean",
            Aggregator::Copeland => "Copeland outranking score",
        })
    }
}

/// A group to aggregate: the children's columns (one value per entity) and
/// their renormalised weights.
pub(crate) struct Group<'a> {
    pub(crate) codes: Vec<&'a str>,
    pub(crate) columns: Vec<&'a [Option<Decimal>]>,
    pub(crate) weights: Vec<Decimal>,
}

/// The children of entity `e` present, with their weights.
fn present<'a>(
    group: &'a Group<'_>,
    e: usize,
) -> impl Iterator<Item = (&'a str, Decimal, Decimal)> + 'a {
    group
        .codes
        .iter()
        .zip(&group.columns)
        .zip(&group.weights)
        .filter_map(move |((code, col), w)| col.get(e).copied().flatten().map(|x| (*code, x, *w)))
}

/// Aggregates `group` for every entity; `covered[e]` says whether entity `e`
/// meets the coverage rule (others get `None`).
pub(crate) fn aggregate(
    method: Aggregator,
    group: &Group<'_>,
    entities: &[EntityId],
    covered: &[bool],
) -> Result<Vec<Option<Decimal>>> {
    let n = entities.len();
    if method == Aggregator::Copeland {
        return copeland(group, covered);
    }
    let mut out = Vec::with_capacity(n);
    for (e, entity) in entities.iter().enumerate() {
        if !covered.get(e).copied().unwrap_or(false) {
            out.push(None);
            continue;
        }
        let mut wsum = Decimal::ZERO;
        let mut acc = Decimal::ZERO;
        for (code, x, w) in present(group, e) {
            wsum = add(wsum, w)?;
            let domain = |requirement| Error::AggregationDomain {
                operation: match method {
                    Aggregator::Geometric => "a geometric mean",
                    _ => "a harmonic mean",
                },
                requirement,
                entity: entity.to_string(),
                indicator: code.to_owned(),
                value: x.to_string(),
            };
            let term = match method {
                Aggregator::Arithmetic | Aggregator::Copeland => mul(w, x)?,
                Aggregator::Geometric => {
                    if x <= Decimal::ZERO {
                        return Err(domain("values above zero"));
                    }
                    mul(
                        w,
                        x.checked_ln().ok_or_else(|| domain("values above zero"))?,
                    )?
                }
                Aggregator::Harmonic => {
                    if x <= Decimal::ZERO {
                        return Err(domain("values above zero"));
                    }
                    div(w, x)?
                }
            };
            acc = add(acc, term)?;
        }
        if wsum.is_zero() {
            // Every present child has weight zero: nothing to average.
            out.push(None);
            continue;
        }
        out.push(Some(match method {
            Aggregator::Arithmetic | Aggregator::Copeland => div(acc, wsum)?,
            Aggregator::Geometric => {
                let mean_ln = div(acc, wsum)?;
                mean_ln
                    .checked_exp()
                    .ok_or_else(|| Error::overflow("exp", mean_ln, ""))?
            }
            Aggregator::Harmonic => div(wsum, acc)?,
        }));
    }
    Ok(out)
}

/// Copeland scores over the covered entities, comparing each pair on the
/// children present for both.
fn copeland(group: &Group<'_>, covered: &[bool]) -> Result<Vec<Option<Decimal>>> {
    let mut out = Vec::with_capacity(covered.len());
    for (j, &cj) in covered.iter().enumerate() {
        if !cj {
            out.push(None);
            continue;
        }
        let mut score = Decimal::ZERO;
        for (k, &ck) in covered.iter().enumerate() {
            if k == j || !ck {
                continue;
            }
            let (mut wins, mut losses) = (Decimal::ZERO, Decimal::ZERO);
            for (col, w) in group.columns.iter().zip(&group.weights) {
                if let (Some(Some(a)), Some(Some(b))) = (col.get(j), col.get(k)) {
                    if a > b {
                        wins = add(wins, *w)?;
                    } else if a < b {
                        losses = add(losses, *w)?;
                    }
                }
            }
            let sign = sub(wins, losses)?;
            if sign > Decimal::ZERO {
                score = add(score, Decimal::ONE)?;
            } else if sign < Decimal::ZERO {
                score = sub(score, Decimal::ONE)?;
            }
        }
        out.push(Some(score));
    }
    Ok(out)
}
