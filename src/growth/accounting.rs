//! Growth accounting: implied bases, contributions (贡献率, 拉动), chain-linked
//! indices, real growth and single periods from year-to-date cumulatives.

use rust_decimal::Decimal;

use crate::exact::{checked, checked_div};
use crate::{
    Assumption, Error, Estimate, Figure, Frequency, Kind, ObsStatus, Observation, PercentagePoints,
    Period, PriceBasis, Quantity, Rate, Result, Series, Source,
};

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// The level of the base period (`BasePeriod::YearAgo` for 同比,
/// `BasePeriod::Previous` for 环比) implied by a published level and its
/// growth rate: `level / (1 + rate)` (1004亿元 at +8.5% → 925.35亿元).
///
/// This is an estimate, not a published figure, and the result says so: it is
/// an observation for the year before, with status [`ObsStatus::Estimated`],
/// resting on two assumptions it records:
///
/// - [`Assumption::ScopeUnchanged`]: the population measured is the same in
///   both years. NBS computes growth on a comparable (同口径) basis, so growth
///   computed from published levels differs from published growth whenever
///   enterprises enter or leave the scope.
/// - [`Assumption::RateAtCurrentPrices`] (or [`Assumption::PriceBasesEqual`]),
///   when the rate's price basis differs from the level's: Chinese industrial
///   growth is normally at comparable prices, and dividing a current-price
///   level by one plus a real rate gives neither year's published level. A
///   rate with no price basis on a money level differs too. A rate whose
///   source does not state its basis ([`PriceBasis::NotStated`]) needs
///   [`Assumption::PriceBasesEqual`] from it to the level's basis (even when
///   the level's is not stated either). The caller must state it in
///   `assumptions`, or the call is refused.
///
/// # Errors
///
/// - [`Error::AssumptionRequired`] when the price bases differ and
///   `assumptions` does not hold one of the two assumptions above;
///   or when the scopes of the level and the rate differ and `assumptions` does
///   not hold [`Assumption::ScopesEqual`] between them (either way round);
/// - [`Error::InvalidValue`] when the rate's indicator is not of kind
///   [`Kind::Change`] (a share of 4.4% is not a growth rate);
/// - [`Error::SeriesMismatch`] when the two observations are of different
///   entities or periods; [`Error::UnitMismatch`] when the rate is not a
///   percentage; [`Error::NotExact`] for bounds;
/// - [`Error::RateOutOfRange`] for a rate of −100% or less.
///
/// ```
/// use indstat::growth::{implied_base, BasePeriod};
/// use indstat::datasets::rongchang;
/// use indstat::{Assumption, ObsStatus, PriceBasis};
/// use indstat::dec;
///
/// let level = rongchang::row(3)?.expect("output").observation().clone();
/// let rate = rongchang::row(4)?.expect("growth").observation().clone();
///
/// // The article does not say at which prices the rate is: refused until the
/// // caller says how to read it.
/// assert!(implied_base(&level, &rate, BasePeriod::YearAgo, &[]).is_err());
///
/// let nominal = Assumption::PriceBasesEqual { from: PriceBasis::NotStated, to: PriceBasis::Current };
/// let est = implied_base(&level, &rate, BasePeriod::YearAgo, &[nominal.clone()])?;
/// assert_eq!(est.value().value().value().round_dp(2), dec!(925.35));
/// assert_eq!(est.value().period().to_string(), "2021");
/// assert_eq!(est.value().status(), ObsStatus::Estimated);
/// assert_eq!(est.assumptions(), &[nominal, Assumption::ScopeUnchanged]);
///
/// // A share is not a growth rate.
/// let rd = rongchang::row(36)?.expect("R&D share").observation().clone();
/// let patents = rongchang::row(34)?.expect("patents").observation().clone();
/// assert!(implied_base(&patents, &rd, BasePeriod::YearAgo, &[]).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn implied_base(
    level: &Observation,
    growth: &Observation,
    base: super::BasePeriod,
    assumptions: &[Assumption],
) -> Result<Estimate<Observation>> {
    if level.entity() != growth.entity() || level.period() != growth.period() {
        return Err(Error::SeriesMismatch {
            expected: format!("{} in {}", level.entity(), level.period()),
            found: format!("{} in {}", growth.entity(), growth.period()),
        });
    }
    if growth.indicator().kind() != Kind::Change {
        return Err(Error::InvalidValue {
            indicator: growth.indicator().code().to_string(),
            value: growth.value().to_string(),
            reason: "an implied base needs a growth rate (an indicator of kind change), not a share or level",
        });
    }
    let rate = Rate::try_from(growth.value().exact_for("an implied base")?)?;
    let current = level.value().exact_for("an implied base")?;
    let mut made = Vec::new();
    let (level_basis, rate_basis) = (
        level.indicator().price_basis(),
        growth.indicator().price_basis(),
    );
    // Two bases that are not stated are not known to agree either.
    if level_basis != rate_basis || rate_basis == PriceBasis::NotStated {
        // A real rate on a nominal level (or a rate of unstated basis): only
        // under a stated assumption. RateAtCurrentPrices says the rate was
        // published at comparable prices, which is untrue of an unstated one.
        let nominal = Assumption::RateAtCurrentPrices;
        let equal = Assumption::PriceBasesEqual {
            from: rate_basis,
            to: level_basis,
        };
        let stated = if level_basis == PriceBasis::Current
            && rate_basis != PriceBasis::NotStated
            && assumptions.contains(&nominal)
        {
            nominal
        } else if assumptions.contains(&equal) {
            equal
        } else {
            let which = if rate_basis == PriceBasis::NotStated {
                format!("Assumption::PriceBasesEqual from {rate_basis} to {level_basis}")
            } else {
                "Assumption::RateAtCurrentPrices (for a current-price level) or Assumption::PriceBasesEqual".to_owned()
            };
            return Err(Error::AssumptionRequired {
                operation: "an implied base",
                assumption: format!(
                    "the rate {} of {} is at {rate_basis} and the level {} at {level_basis}; state {which}",
                    growth.value(),
                    growth.indicator().code(),
                    level.value()
                ),
            });
        };
        made.push(stated);
    }
    let (from, to) = (level.indicator().scope(), growth.indicator().scope());
    if from != to {
        let bridge = Assumption::ScopesEqual {
            from: to.clone(),
            to: from.clone(),
        };
        let reverse = Assumption::ScopesEqual {
            from: from.clone(),
            to: to.clone(),
        };
        if !assumptions.contains(&bridge) && !assumptions.contains(&reverse) {
            return Err(Error::AssumptionRequired {
                operation: "an implied base",
                assumption: format!(
                    "the rate is for {to} and the level for {from}; state {bridge:?}"
                ),
            });
        }
        made.push(bridge);
    }
    made.push(Assumption::ScopeUnchanged);
    let factor = rate.factor()?;
    if factor <= Decimal::ZERO {
        return Err(Error::RateOutOfRange {
            rate: rate.to_string(),
            reason: "a level cannot fall by 100% or more from a positive base",
        });
    }
    let value = current.checked_div(factor)?;
    let period = base.of(level.period())?;
    let phrase = format!("{} / (1 + {})", level.value(), growth.value());
    let source = match level.source() {
        Some(s) => Source::new(s.citation()).with_phrase(&phrase),
        None => Source::new("implied by indstat::growth::implied_base").with_phrase(&phrase),
    };
    let obs = Observation::new(
        level.entity().clone(),
        level.indicator().clone(),
        period,
        Figure::exact_value(value),
    )?
    .with_status(ObsStatus::Estimated)
    .with_source(source);
    Ok(Estimate::new(obs, made))
}

/// One component's contribution to the growth of a total.
///
/// # Examples
///
/// ```
/// use indstat::growth::contributions;
/// let c = contributions(&[("a", "60亿元".parse()?, "66亿元".parse()?), ("b", "40亿元".parse()?, "42亿元".parse()?)], None)?;
/// let a = &c.components()[0];
/// assert_eq!(a.label(), "a");
/// assert_eq!(a.change().to_string(), "6亿元");
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Contribution {
    label: String,
    change: Quantity,
    share: Option<Rate>,
    pull: PercentagePoints,
}

impl Contribution {
    /// The component's name.
    ///
    /// ```
    /// # let c = indstat::growth::contributions(&[("a", "1元".parse()?, "2元".parse()?)], None)?;
    /// assert_eq!(c.components()[0].label(), "a");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The component's change, `Δxᵢ`.
    ///
    /// ```
    /// # let c = indstat::growth::contributions(&[("a", "1元".parse()?, "2元".parse()?)], None)?;
    /// assert_eq!(c.components()[0].change().to_string(), "1元");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn change(&self) -> &Quantity {
        &self.change
    }

    /// The share of the total's change (贡献率), `Δxᵢ / ΔX`; `None` when the
    /// total did not change.
    ///
    /// ```
    /// # let c = indstat::growth::contributions(&[("a", "1元".parse()?, "2元".parse()?), ("b", "1元".parse()?, "0元".parse()?)], None)?;
    /// assert_eq!(c.components()[0].share(), None); // the total did not change
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn share(&self) -> Option<Rate> {
        self.share
    }

    /// The pull on the total's growth (拉动), in percentage points:
    /// `Δxᵢ / X₍t−1₎ × 100`.
    ///
    /// ```
    /// # let c = indstat::growth::contributions(&[("a", "1元".parse()?, "2元".parse()?), ("b", "1元".parse()?, "1元".parse()?)], None)?;
    /// assert_eq!(c.components()[0].pull().value(), indstat::dec!(50));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn pull(&self) -> PercentagePoints {
        self.pull
    }
}

/// The contributions of components to a total's growth; see [`contributions`].
///
/// # Examples
///
/// ```
/// use indstat::growth::contributions;
/// let c = contributions(&[("a", "60亿元".parse()?, "66亿元".parse()?), ("b", "40亿元".parse()?, "42亿元".parse()?)], None)?;
/// assert_eq!(c.growth().to_string(), "8%");
/// assert_eq!(c.components().len(), 2);
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Contributions {
    base: Quantity,
    current: Quantity,
    growth: Rate,
    components: Vec<Contribution>,
}

impl Contributions {
    /// The total in the base period.
    ///
    /// ```
    /// # let c = indstat::growth::contributions(&[("a", "1元".parse()?, "2元".parse()?)], None)?;
    /// assert_eq!(c.base().to_string(), "1元");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn base(&self) -> &Quantity {
        &self.base
    }

    /// The total in the current period.
    ///
    /// ```
    /// # let c = indstat::growth::contributions(&[("a", "1元".parse()?, "2元".parse()?)], None)?;
    /// assert_eq!(c.current().to_string(), "2元");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn current(&self) -> &Quantity {
        &self.current
    }

    /// The total's growth, equal to the sum of the pulls.
    ///
    /// ```
    /// # let c = indstat::growth::contributions(&[("a", "1元".parse()?, "2元".parse()?)], None)?;
    /// assert_eq!(c.growth().to_string(), "100%");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn growth(&self) -> Rate {
        self.growth
    }

    /// The components, in the order given.
    ///
    /// ```
    /// # let c = indstat::growth::contributions(&[("a", "1元".parse()?, "2元".parse()?)], None)?;
    /// assert_eq!(c.components().len(), 1);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn components(&self) -> &[Contribution] {
        &self.components
    }
}

/// The contribution of each component to the growth of their total: the share
/// of the change (贡献率, `Δxᵢ / ΔX`) and the pull in percentage points (拉动,
/// `Δxᵢ / X₍t−1₎ × 100`), as the National Bureau of Statistics defines them. The pulls add up to the
/// total's growth, and this is checked; the shares are undefined when the
/// total did not change.
///
/// `parts` are `(label, base, current)`. When `total` is given as `(base,
/// current)`, the parts must add up to it exactly. For real growth (GDP at
/// constant prices) pass constant-price values.
///
/// # Errors
///
/// [`Error::Empty`] for no parts; [`Error::InconsistentTotal`] when the parts
/// do not add up to `total`; [`Error::ZeroBase`], [`Error::NegativeBase`] for a
/// total base of zero or less; [`Error::UnitMismatch`]; [`Error::Overflow`].
///
/// ```
/// use indstat::growth::contributions;
/// use indstat::dec;
///
/// let parts = [
///     ("primary", "20亿元".parse()?, "21亿元".parse()?),
///     ("secondary", "50亿元".parse()?, "56亿元".parse()?),
///     ("tertiary", "30亿元".parse()?, "33亿元".parse()?),
/// ];
/// let c = contributions(&parts, None)?;
/// assert_eq!(c.growth().percent()?, dec!(10));
/// let secondary = &c.components()[1];
/// assert_eq!(secondary.share().map(|s| s.percent()).transpose()?, Some(dec!(60)));
/// assert_eq!(secondary.pull().value(), dec!(6));
///
/// assert!(contributions(&parts, Some(("100亿元".parse()?, "111亿元".parse()?))).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn contributions(
    parts: &[(&str, Quantity, Quantity)],
    total: Option<(Quantity, Quantity)>,
) -> Result<Contributions> {
    let ((_, b0, c0), rest) = parts.split_first().ok_or(Error::Empty {
        what: "the list of components",
    })?;
    let (mut base, mut current) = (*b0, *c0);
    for (_, b, c) in rest {
        base = base.checked_add(b)?;
        current = current.checked_add(c)?;
    }
    if let Some((tb, tc)) = total {
        for (sum, t) in [(base, tb), (current, tc)] {
            if sum != t {
                return Err(Error::InconsistentTotal {
                    sum: sum.to_string(),
                    total: t.to_string(),
                });
            }
        }
        (base, current) = (tb, tc);
    }
    let growth = super::growth(&base, &current)?;
    let delta = current.checked_sub(&base)?;
    let mut components = Vec::with_capacity(parts.len());
    let mut pulls = Decimal::ZERO;
    let mut magnitude = Decimal::ZERO;
    for (label, b, c) in parts {
        let change = c.checked_sub(b)?;
        let share = if delta.value().is_zero() {
            None
        } else {
            Some(Rate::from_fraction(change.checked_ratio(&delta)?))
        };
        let fraction = change.checked_ratio(&base)?;
        pulls = checked::add(pulls, fraction)?;
        magnitude = magnitude
            .checked_add(fraction.abs())
            .unwrap_or(Decimal::MAX);
        let pull = checked::mul(fraction, HUNDRED)?;
        components.push(Contribution {
            label: (*label).to_owned(),
            change,
            share,
            pull: PercentagePoints::new(pull),
        });
    }
    // Σ pulls = growth, up to the rounding of each quotient at 28 significant
    // digits: relative to the size of the pulls, absolute near zero.
    let gap = checked::sub(pulls, growth.fraction())?;
    let tolerance = magnitude
        .checked_mul(Decimal::new(1, 24))
        .unwrap_or(Decimal::MAX)
        .max(Decimal::new(1, 24));
    if gap.abs() > tolerance {
        return Err(Error::InconsistentTotal {
            sum: pulls.to_string(),
            total: growth.fraction().to_string(),
        });
    }
    Ok(Contributions {
        base,
        current,
        growth,
        components,
    })
}

/// A fixed-base index from link relatives (上年=100): `I₀ = 100`,
/// `Iₜ = Iₜ₋₁ · Lₜ / 100`. The result starts with the base 100, so it is one
/// longer than `links`.
///
/// # Errors
///
/// [`Error::OutOfDomain`] for a link of zero or less; [`Error::Overflow`].
///
/// ```
/// use indstat::growth::{chain_index, link_relatives};
/// use indstat::dec;
///
/// let index = chain_index(&[dec!(110), dec!(95), dec!(120)])?;
/// assert_eq!(index, [dec!(100), dec!(110), dec!(104.5), dec!(125.4)]);
/// assert_eq!(link_relatives(&index)?, [dec!(110), dec!(95), dec!(120)]);
/// assert!(chain_index(&[dec!(0)]).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn chain_index(links: &[Decimal]) -> Result<Vec<Decimal>> {
    let mut out = Vec::with_capacity(links.len().saturating_add(1));
    let mut level = HUNDRED;
    out.push(level);
    for l in links {
        if *l <= Decimal::ZERO {
            return Err(Error::OutOfDomain {
                value: l.to_string(),
                operation: "a chain-linked index",
                reason: "link relatives (上年=100) must be above zero",
            });
        }
        let product = checked::mul(level, *l)?;
        level = checked_div(product, HUNDRED, || product.to_string())?.normalize();
        out.push(level);
    }
    Ok(out)
}

/// Link relatives (上年=100) from a fixed-base index: `Lₜ = 100 · Iₜ / Iₜ₋₁`;
/// one shorter than `index`. The inverse of [`chain_index`].
///
/// # Errors
///
/// [`Error::OutOfDomain`] for an index value of zero or less; [`Error::Overflow`].
///
/// ```
/// use indstat::growth::link_relatives;
/// use indstat::dec;
/// assert_eq!(link_relatives(&[dec!(100), dec!(108.5)])?, [dec!(108.5)]);
/// assert!(link_relatives(&[dec!(0), dec!(1)]).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn link_relatives(index: &[Decimal]) -> Result<Vec<Decimal>> {
    let mut out = Vec::with_capacity(index.len().saturating_sub(1));
    for w in index.windows(2) {
        let [a, b] = w else { continue };
        if *a <= Decimal::ZERO || *b <= Decimal::ZERO {
            return Err(Error::OutOfDomain {
                value: if *a <= Decimal::ZERO { a } else { b }.to_string(),
                operation: "link relatives",
                reason: "index values must be above zero",
            });
        }
        let scaled = checked::mul(*b, HUNDRED)?;
        out.push(checked_div(scaled, *a, || scaled.to_string())?.normalize());
    }
    Ok(out)
}

/// Growth at comparable prices from nominal growth and a price index with the
/// previous year = 100: `(1 + nominal) · 100 / P − 1`.
///
/// # Errors
///
/// [`Error::OutOfDomain`] for a price index of zero or less;
/// [`Error::RateOutOfRange`] for a nominal rate of −100% or less.
///
/// ```
/// use indstat::growth::real_growth;
/// use indstat::Rate;
/// use indstat::dec;
///
/// // Output up 8.5% at current prices while producer prices rose 3.2%.
/// let real = real_growth(Rate::from_percent(dec!(8.5))?, dec!(103.2))?;
/// assert_eq!(real.percent()?.round_dp(2), dec!(5.14));
/// assert!(real_growth(Rate::from_percent(dec!(8.5))?, dec!(0)).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn real_growth(nominal: Rate, price_index: Decimal) -> Result<Rate> {
    if price_index <= Decimal::ZERO {
        return Err(Error::OutOfDomain {
            value: price_index.to_string(),
            operation: "real growth",
            reason: "a price index (previous year = 100) must be above zero",
        });
    }
    let factor = nominal.factor()?;
    if factor <= Decimal::ZERO {
        return Err(Error::RateOutOfRange {
            rate: nominal.to_string(),
            reason: "a nominal rate must be above -100%",
        });
    }
    let scaled = checked::mul(factor, HUNDRED)?;
    let real = checked_div(scaled, price_index, || scaled.to_string())?;
    Rate::from_factor(real)
}

/// The growth of a single period from two consecutive year-to-date
/// cumulatives and their published cumulative growth rates, by the identity
/// the National Bureau of Statistics uses: the comparable bases are `C'_m = C_m / (1 + G_m)`,
/// so `g_m = (C_m − C_{m−1}) / (C'_m − C'_{m−1}) − 1`. Exact when both
/// cumulatives share scope and price basis; otherwise an approximation.
///
/// # Errors
///
/// [`Error::RateOutOfRange`] for a rate of −100% or less; the growth errors
/// when the implied base of the single period is zero or negative;
/// [`Error::UnitMismatch`].
///
/// ```
/// use indstat::growth::single_period_growth;
/// use indstat::Rate;
/// use indstat::dec;
///
/// // 1–2月 110 (+10%), 1–3月 180 (+12.5%): March alone is 70 against 60, +16.67%.
/// let g = single_period_growth(&"110亿元".parse()?, &"180亿元".parse()?,
///     Rate::from_percent(dec!(10))?, Rate::from_percent(dec!(12.5))?)?;
/// assert_eq!(g.fraction().round_dp(4), dec!(0.1667));
/// assert!(single_period_growth(&"110亿元".parse()?, &"180亿元".parse()?,
///     Rate::from_percent(dec!(-100))?, Rate::ZERO).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn single_period_growth(
    previous_cumulative: &Quantity,
    cumulative: &Quantity,
    previous_rate: Rate,
    rate: Rate,
) -> Result<Rate> {
    let base_of = |c: &Quantity, r: Rate| -> Result<Quantity> {
        let f = r.factor()?;
        if f <= Decimal::ZERO {
            return Err(Error::RateOutOfRange {
                rate: r.to_string(),
                reason: "a cumulative rate of -100% or less has no base",
            });
        }
        c.checked_div(f)
    };
    let single = cumulative.checked_sub(previous_cumulative)?;
    let single_base =
        base_of(cumulative, rate)?.checked_sub(&base_of(previous_cumulative, previous_rate)?)?;
    super::growth(&single_base, &single)
}

/// Single-period values from a year-to-date series: `x_m = C_m − C_{m−1}`.
///
/// Each cumulative point gives one value: for 1月 (a series released for
/// January alone) January itself; for 1–m月 the month m (period `YYYY-MM`),
/// except 1–2月 in a year without 1月, which stays the first release itself,
/// January and February together (its period stays `YYYY-01-01/P2M`: NBS
/// does not publish them apart). A month m ≥ 3 whose previous cumulative is
/// missing gets [`Error::MissingValue`]. Growth of cumulatives year on year (累计同比, `C this
/// year / C last year − 1`) is [`Series::changes`] with
/// [`BasePeriod::YearAgo`](super::BasePeriod::YearAgo) on the cumulative series.
///
/// Both cumulatives must share scope and price basis, which a series
/// guarantees: it holds one indicator.
///
/// # Errors
///
/// [`Error::FrequencyMismatch`] unless the series is year-to-date;
/// [`Error::OutOfDomain`] unless the indicator is a flow or a count (levels
/// and ratios do not add up over months).
///
/// ```
/// use indstat::growth::single_periods_from_ytd;
/// use indstat::{EntityId, Indicator, Kind, Period, Point, Series, Unit};
///
/// let i = Indicator::new("out", "产值", "output", Unit::YI_YUAN, Kind::Flow)?;
/// let s = Series::from_points(EntityId::new("z")?, i, [
///     Point::new(Period::ytd(2022, 2)?, "150亿元".parse()?),
///     Point::new(Period::ytd(2022, 3)?, "240亿元".parse()?),
///     Point::new(Period::ytd(2022, 5)?, "420亿元".parse()?),
/// ])?;
/// let singles = single_periods_from_ytd(&s)?;
/// assert_eq!(singles[0].0.to_string(), "2022-01-01/P2M");
/// assert_eq!(singles[1].0.to_string(), "2022-03");
/// assert_eq!(singles[1].1.as_ref().map(|q| q.to_string()).ok(), Some("90亿元".to_owned()));
/// assert!(singles[2].1.is_err()); // 1-4月 is missing
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn single_periods_from_ytd(series: &Series) -> Result<Vec<(Period, Result<Quantity>)>> {
    if let Some(first) = series.first() {
        if first.period().frequency() != Frequency::YearToDate {
            let ytd = Period::ytd(first.period().calendar_year(), 12)?;
            return Err(Error::FrequencyMismatch {
                left: first.period(),
                left_frequency: first.period().frequency(),
                right: ytd,
                right_frequency: Frequency::YearToDate,
            });
        }
    }
    if !matches!(series.indicator().kind(), Kind::Flow | Kind::Count) {
        return Err(Error::OutOfDomain {
            value: series.indicator().code().to_string(),
            operation: "single periods from cumulatives",
            reason: "only flows and counts add up over months",
        });
    }
    let name = || format!("{}/{}", series.entity(), series.indicator().code());
    let mut out = Vec::with_capacity(series.len());
    for p in series {
        let period = p.period();
        let value = p
            .value()
            .exact_for("a single period from cumulatives")
            .copied();
        let month = Period::month(period.calendar_year(), period.index())?;
        if period.index() == 1 {
            // 1月: January itself.
            out.push((month, value));
            continue;
        }
        let previous = period.previous()?;
        if period.index() == 2 && series.get(previous).is_none() {
            // 1–2月 with no 1月 that year: one release, January and February.
            out.push((period, value));
            continue;
        }
        let single = value.and_then(|c| match series.get(previous) {
            Some(prev) => {
                c.checked_sub(prev.value().exact_for("a single period from cumulatives")?)
            }
            None => Err(Error::MissingValue {
                period: previous,
                series: name(),
            }),
        });
        out.push((month, single));
    }
    Ok(out)
}
