//! Compound growth: CAGR, required growth, projections, years to a target,
//! annualised and average rates.

use rust_decimal::Decimal;
use rust_decimal::MathematicalOps;
use rust_decimal::prelude::ToPrimitive;

use core::cmp::Ordering;

use crate::exact::{checked, least_true, nth_root};
use crate::{Bound, Direction, Error, Period, Quantity, Rate, Result, YearSpan};

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        let t = a.checked_rem(b).unwrap_or(0);
        a = b;
        b = t;
    }
    a
}

/// `x^(per_year / periods)`: `x` raised to one over the span in years, as an
/// exact root and a small integer power.
pub(super) fn pow_per_span(
    x: Decimal,
    span: YearSpan,
    describe: impl Fn() -> (String, String),
) -> Result<Decimal> {
    let periods = u64::try_from(span.periods())
        .ok()
        .filter(|p| *p > 0)
        .ok_or_else(|| {
            let (from, to) = describe();
            Error::InvalidSpan {
                from,
                to,
                reason: "the span must be longer than zero",
            }
        })?;
    let per = u64::from(span.per_year());
    let g = gcd(periods, per).max(1);
    let (k, p) = (
        periods.checked_div(g).unwrap_or(periods),
        per.checked_div(g).unwrap_or(per),
    );
    let root = nth_root(x, k)?;
    // Decimal::checked_powi's exact result for p ≥ 1 (exact::powu).
    crate::exact::powu(root, p).ok_or_else(|| Error::overflow("power", root, p))
}

fn check_start(start: &Quantity, end: &Quantity) -> Result<()> {
    super::kernel::check(start.value(), end.value(), || {
        (start.to_string(), end.to_string())
    })
}

/// The compound annual growth rate from `start` to `end` over `span`:
/// `(end / start)^(1 / years) − 1` — Excel's `RRI(years, start, end)`.
///
/// Quarters and months give fractional years: from 2022-Q1 to 2023-Q2 is 5/4
/// years, and the rate is computed as an exact root, `(end/start)^(4/5)`.
/// An end of zero gives −100%, as Google Sheets' `RRI(1,10,0)`.
///
/// Accuracy: below 1e-20 relative error against a 50-digit reference on the
/// test vectors (`tests/vectors/compound.csv`).
///
/// # Errors
///
/// [`Error::InvalidSpan`] for a span of zero or less; [`Error::ZeroBase`],
/// [`Error::NegativeBase`], [`Error::SignChange`] for a start of zero or less
/// or a negative end; [`Error::UnitMismatch`]; [`Error::Overflow`].
///
/// ```
/// use indstat::growth::cagr;
/// use indstat::Period;
/// use indstat::dec;
///
/// let span = Period::year(2022)?.years_until(&Period::year(2026)?)?;
/// let g = cagr(&"1004亿元".parse()?, &"1800亿元".parse()?, span)?;
/// assert_eq!(g.fraction().round_dp(5), dec!(0.15714));
///
/// // DAX documentation: RRI(48, 10000, 21000) = 0.0155771057566627 (48 periods).
/// let periods = Period::year(2000)?.years_until(&Period::year(2048)?)?;
/// let r = cagr(&"10000元".parse()?, &"21000元".parse()?, periods)?;
/// assert_eq!(r.fraction().round_dp(16), dec!(0.0155771057566628)); // 50 digits: 0.01557710575666278763…
///
/// let none = Period::year(2022)?.years_until(&Period::year(2022)?)?;
/// assert!(cagr(&"1004亿元".parse()?, &"1800亿元".parse()?, none).is_err());
/// assert!(cagr(&"0亿元".parse()?, &"1800亿元".parse()?, span).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn cagr(start: &Quantity, end: &Quantity, span: YearSpan) -> Result<Rate> {
    // Refused before aligning, which may overflow (and keeps the signs).
    check_start(start, end)?;
    let (e, s, _) = end.aligned(start)?;
    super::kernel::cagr(s, e, span, || (start.to_string(), end.to_string()))
}

/// The yearly growth needed to go from `base` in `base_period` to `target` by
/// `deadline`: the [`cagr`] over the years between them.
///
/// # Errors
///
/// [`Error::InvalidSpan`] when the deadline is at or before the base period;
/// [`Error::FrequencyMismatch`] when the periods differ in frequency; otherwise
/// as [`cagr`].
///
/// ```
/// use indstat::growth::required_growth;
/// use indstat::Period;
/// use indstat::dec;
///
/// // 1350 → 1800亿元 in 3 years needs 10.06% a year (Excel: RRI(3, 1350, 1800) = 0.1006).
/// let g = required_growth(&"1350亿元".parse()?, Period::year(2023)?, &"1800亿元".parse()?, Period::year(2026)?)?;
/// assert_eq!(g.percent()?.round_dp(2), dec!(10.06));
///
/// let late = required_growth(&"1350亿元".parse()?, Period::year(2026)?, &"1800亿元".parse()?, Period::year(2023)?);
/// assert!(matches!(late, Err(indstat::Error::InvalidSpan { .. })));
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn required_growth(
    base: &Quantity,
    base_period: Period,
    target: &Quantity,
    deadline: Period,
) -> Result<Rate> {
    let span = base_period.years_until_later(&deadline, crate::period::DEADLINE_AFTER_BASE)?;
    cagr(base, target, span)
}

fn check_rate(rate: Rate) -> Result<Decimal> {
    let factor = rate.factor()?;
    if !crate::exact::is_positive(factor) {
        return Err(Error::RateOutOfRange {
            rate: rate.to_string(),
            reason: "a rate of -100% or less cannot be compounded",
        });
    }
    Ok(factor)
}

/// The value of `base` after `years` whole years of growth at `rate`:
/// `base · (1 + rate)^years`, exact while the power has at most 28
/// significant digits. A fall (a rate below zero) is computed from the exact
/// power and rounded once to 28 significant digits: 3.8128·10¹²亿元 falling
/// 92.53% a year for 25 years is 2.595727333776·10⁻¹⁶亿元, not zero; only a
/// value below the last decimal place (10⁻²⁸ of the unit) is zero.
///
/// # Errors
///
/// [`Error::RateOutOfRange`] for a rate of −100% or less;
/// [`Error::Overflow`] naming the inputs when the result leaves `Decimal`'s
/// range.
///
/// ```
/// use indstat::growth::project;
/// use indstat::{Quantity, Rate};
/// use indstat::dec;
///
/// let y2026 = project(&"1004亿元".parse()?, Rate::from_percent(dec!(8.5))?, 4)?;
/// assert_eq!(y2026.value(), dec!(1391.402135427500)); // 1004 × 1.085⁴, exactly
///
/// let huge = Quantity::new(dec!(1e20), indstat::Unit::YUAN);
/// assert!(matches!(project(&huge, Rate::from_percent(dec!(50))?, 200), Err(indstat::Error::Overflow { .. })));
/// assert!(project(&huge, Rate::from_percent(dec!(-100))?, 1).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn project(base: &Quantity, rate: Rate, years: u32) -> Result<Quantity> {
    let factor = check_rate(rate)?;
    let overflow = || Error::overflow("project", base, format!("{rate} a year for {years} years"));
    // Decimal::checked_powi's exact result, with the faster product of exact::mul.
    let power = crate::exact::powu(factor, u64::from(years)).ok_or_else(overflow)?;
    if let Some(v) = steep_fall(base, factor, power, u64::from(years)) {
        return Ok(v);
    }
    base.checked_mul(power).map_err(|_| overflow())
}

/// The value of `base` after a span that may be a fraction of a year
/// (quarters, months) of growth at the yearly `rate`.
///
/// # Errors
///
/// As [`project`], and [`Error::InvalidSpan`] for a negative span.
///
/// ```
/// use indstat::growth::project_span;
/// use indstat::{Period, Rate};
/// use indstat::dec;
///
/// let half = Period::quarter(2022, 1)?.years_until(&Period::quarter(2022, 3)?)?;
/// let v = project_span(&"100亿元".parse()?, Rate::from_percent(dec!(21))?, half)?;
/// assert_eq!(v.value(), dec!(110)); // 1.21^(1/2) = 1.1
/// let back = Period::quarter(2022, 3)?.years_until(&Period::quarter(2022, 1)?)?;
/// assert!(project_span(&"100亿元".parse()?, Rate::ZERO, back).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn project_span(base: &Quantity, rate: Rate, span: YearSpan) -> Result<Quantity> {
    if let Some(years) = span.whole_years() {
        let years = u32::try_from(years).map_err(|_| Error::InvalidSpan {
            from: base.to_string(),
            to: span.to_string(),
            reason: "a projection runs forward, by at most 4294967295 years",
        })?;
        return project(base, rate, years);
    }
    let factor = check_rate(rate)?;
    // (1+g)^(periods/per) = (root_per(1+g))^periods
    let periods = u64::try_from(span.periods()).map_err(|_| Error::InvalidSpan {
        from: base.to_string(),
        to: span.to_string(),
        reason: "a projection runs forward",
    })?;
    let root = nth_root(factor, u64::from(span.per_year()))?;
    let overflow = || Error::overflow("project", base, format!("{rate} a year for {span}"));
    let power = root
        .checked_powi(i64::try_from(periods).map_err(|_| overflow())?)
        .ok_or_else(overflow)?;
    if let Some(v) = steep_fall(base, root, power, periods) {
        return Ok(v);
    }
    base.checked_mul(power).map_err(|_| overflow())
}

/// `base · factor^k` by [`fall_exactly`] when `power`, `Decimal`'s own
/// `factor^k`, has lost significant digits: below 0.1 its 28 decimal places
/// hold fewer than 28 of them. A power of 0.1 or more (every rise, and a fall
/// to a tenth or less steep) is used as it is, so the common projection pays
/// for no big-integer power.
fn steep_fall(base: &Quantity, factor: Decimal, power: Decimal, k: u64) -> Option<Quantity> {
    if power >= Decimal::new(1, 1) {
        return None;
    }
    fall_exactly(base, factor, k)
}

/// `base · factor^k` for a factor below one (a fall), from the exact
/// product rounded once to at most 28 significant digits and 28 decimal
/// places, ties to even; `None` for a factor of one or more, or when the
/// exact power would have more than 5,000 digits. `Decimal`'s own powers of
/// a factor below one keep 28 decimal places, not 28 significant digits:
/// 0.0747⁹ keeps 17, and 0.0747²⁵ none, where 3.8128·10¹² times it is still
/// 2.6·10⁻¹⁶. Only a value below the last decimal place becomes zero.
fn fall_exactly(base: &Quantity, factor: Decimal, k: u64) -> Option<Quantity> {
    use crate::exact::{Big, round_half_even};
    if factor >= Decimal::ONE || !crate::exact::is_positive(factor) {
        return None;
    }
    let m = factor.mantissa().unsigned_abs();
    let digits = u64::from(m.checked_ilog10()?).checked_add(1)?;
    if digits.checked_mul(k)? > 5000 {
        return None;
    }
    let b = base.value();
    let product = Big::from_u128(b.mantissa().unsigned_abs()).mul(&Big::from_u128(m).pow(k));
    let scale = i64::from(factor.scale())
        .checked_mul(i64::try_from(k).ok()?)?
        .checked_add(i64::from(b.scale()))?;
    let value = round_half_even(b.is_sign_negative(), &product, scale.checked_neg()?, 0)?;
    Some(Quantity::new(value, base.unit()))
}

/// When growth at a steady rate reaches a target.
///
/// # Examples
///
/// ```
/// use indstat::growth::{Reach, years_to_reach};
/// use indstat::{Direction, Rate};
/// use indstat::dec;
///
/// let r = years_to_reach(&"100元".parse()?, &"184.24351793元".parse()?, Rate::from_percent(dec!(13))?, Direction::HigherIsBetter)?;
/// assert_eq!(r, Reach::InYears(5));
/// assert_eq!(r.years(), Some(5));
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Reach {
    /// The base already meets the target.
    Already,
    /// The target is first met after this many whole years.
    InYears(u64),
    /// The rate never reaches the target (it does not move the value toward it).
    Never,
}

impl Reach {
    /// The number of years: 0 when already reached, `None` when never.
    ///
    /// ```
    /// assert_eq!(indstat::growth::Reach::Already.years(), Some(0));
    /// assert_eq!(indstat::growth::Reach::Never.years(), None);
    /// ```
    pub fn years(&self) -> Option<u64> {
        match self {
            Reach::Already => Some(0),
            Reach::InYears(n) => Some(*n),
            Reach::Never => None,
        }
    }
}

/// The least whole number of years `k` for `base` growing at `rate` to reach
/// `target` in `direction`: `base · (1 + rate)^k ≥ target` when higher is
/// better, `≤ target` when lower is better (energy use falling to a cap).
///
/// An exact integer search, not `ceil(PDURATION)`: 100 growing 13% a year is
/// 184.24351793 after 5 years exactly, where the floating-point PDURATION
/// gives 5.0000000000000036 and its ceiling 6. The estimate from
/// logarithms is checked against exact powers on both sides.
///
/// A base already at or past the target is [`Reach::Already`], whatever its
/// sign; a rate that does not move the base toward the target (none, or the
/// wrong way) is [`Reach::Never`], and so is a positive value falling toward
/// a target of zero or less, which geometric decline never reaches.
///
/// # Errors
///
/// [`Error::ZeroBase`] or [`Error::NegativeBase`] for a base of zero or less
/// that has not already reached the target; [`Error::RateOutOfRange`] for a
/// rate of −100% or less; [`Error::UnitMismatch`]; [`Error::Overflow`].
///
/// ```
/// use indstat::growth::{Reach, years_to_reach};
/// use indstat::{Direction, Rate};
/// use indstat::dec;
///
/// // figures.md: 1004 → 1800 at 8.5% takes 7.16 years: reached in the 8th year (2030).
/// let up = Direction::HigherIsBetter;
/// let r = years_to_reach(&"1004亿元".parse()?, &"1800亿元".parse()?, Rate::from_percent(dec!(8.5))?, up)?;
/// assert_eq!(r, Reach::InYears(8));
/// assert_eq!(years_to_reach(&"1004亿元".parse()?, &"1800亿元".parse()?, Rate::ZERO, up)?, Reach::Never);
/// assert_eq!(years_to_reach(&"1800亿元".parse()?, &"1004亿元".parse()?, Rate::ZERO, up)?, Reach::Already);
///
/// // A decreasing target: 0.54 falling 5% a year is 0.4398 after 4 years, at most 0.45.
/// let down = Direction::LowerIsBetter;
/// assert_eq!(years_to_reach(&"0.54倍".parse()?, &"0.45倍".parse()?, Rate::from_percent(dec!(-5))?, down)?, Reach::InYears(4));
/// assert_eq!(years_to_reach(&"0.54倍".parse()?, &"0.45倍".parse()?, Rate::from_percent(dec!(5))?, down)?, Reach::Never);
///
/// assert!(years_to_reach(&"0亿元".parse()?, &"1800亿元".parse()?, Rate::ZERO, up).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn years_to_reach(
    base: &Quantity,
    target: &Quantity,
    rate: Rate,
    direction: Direction,
) -> Result<Reach> {
    let bound = match direction {
        Direction::HigherIsBetter => Bound::AtLeast,
        Direction::LowerIsBetter => Bound::AtMost,
    };
    years_to_pass(base, target, rate, bound)
}

/// [`years_to_reach`] to a value in `bound` of `target`: at or past it
/// (`AtLeast`, `AtMost`), or strictly past it (`MoreThan`, `LessThan`), for
/// targets such as 突破1800亿元; met upwards for a lower bound, downwards
/// for an upper one. `Exact` is read as `AtLeast` (a growing value is
/// searched for the first year it reaches the number).
pub(crate) fn years_to_pass(
    base: &Quantity,
    target: &Quantity,
    rate: Rate,
    bound: Bound,
) -> Result<Reach> {
    let factor = check_rate(rate)?;
    let bound = if bound.is_exact() {
        Bound::AtLeast
    } else {
        bound
    };
    let passed = |ord: Ordering| bound.admits(ord);
    if passed(base.checked_cmp(target)?) {
        return Ok(Reach::Already);
    }
    // Only the base's sign matters from here: a value of zero or less has no
    // growth. The error names the values the caller gave.
    super::kernel::check(base.value(), target.value().abs(), || {
        (base.to_string(), target.to_string())
    })?;
    let toward = if bound.is_upper() {
        // A positive value falling geometrically stays positive.
        factor < Decimal::ONE && target.value() > Decimal::ZERO
    } else {
        factor > Decimal::ONE
    };
    if !toward {
        return Ok(Reach::Never);
    }
    let reached = |k: u64| compare(base, target, factor, k).map(passed);
    // Bracket the answer around the logarithmic estimate, widening
    // exponentially, then bisect: O(log k) exact comparisons.
    let estimate = estimate_years(base, target, rate)
        .and_then(|p| p.floor().to_u64())
        .unwrap_or(1)
        .max(1);
    let mut lo = estimate.saturating_sub(1); // not reached at lo (0 is known not reached)
    let mut width = 1u64;
    while lo > 0 && reached(lo)? {
        width = width.saturating_mul(2);
        lo = lo.saturating_sub(width);
    }
    let mut hi = estimate.saturating_add(1).max(lo.saturating_add(1));
    width = 1;
    while !reached(hi)? {
        if hi == u64::MAX {
            return Err(Error::overflow(
                "years to reach",
                base,
                format!("{target} at {rate} a year"),
            ));
        }
        lo = hi;
        width = width.saturating_mul(2);
        hi = hi.saturating_add(width);
    }
    Ok(Reach::InYears(least_true(lo, hi, reached)?))
}

/// `ln(target / base) / ln(1 + rate)`, the fractional number of years, for
/// a start to the search; `None` where it is undefined.
fn estimate_years(base: &Quantity, target: &Quantity, rate: Rate) -> Option<Decimal> {
    let need = target.checked_ratio(base).ok()?.checked_ln()?;
    let step = ln_factor(rate)?;
    need.checked_div(step).filter(|y| *y >= Decimal::ZERO)
}

/// `ln(1 + rate)`: by its series for |rate| < 0.01, where `Decimal::ln` of a
/// number near 1 loses digits, else by `Decimal::ln`.
fn ln_factor(rate: Rate) -> Option<Decimal> {
    let g = rate.fraction();
    if g.abs() >= Decimal::new(1, 2) {
        return g.checked_add(Decimal::ONE)?.checked_ln();
    }
    // ln(1+g) = g − g²/2 + g³/3 − …; |g| < 0.01, so 14 terms reach 1e-28.
    let mut sum = Decimal::ZERO;
    let mut power = g;
    for n in 1..=30i64 {
        let term = power.checked_div(Decimal::from(n))?;
        sum = if n % 2 == 1 {
            sum.checked_add(term)?
        } else {
            sum.checked_sub(term)?
        };
        power = power.checked_mul(g)?;
        if power.is_zero() {
            break;
        }
    }
    Some(sum)
}

/// `base · factor^k` compared with `target`: exactly, in big integers, while
/// the power has at most 20,000 digits; beyond that, for a factor above one,
/// by `Decimal` powers (then correct unless the two sides agree to 28
/// significant digits) and, past `Decimal`'s range or for a factor below
/// one, by logarithms.
fn compare(base: &Quantity, target: &Quantity, factor: Decimal, k: u64) -> Result<Ordering> {
    let magnitude = |q: &Quantity| q.unit().magnitude();
    let exact = crate::exact::cmp_power(
        base.value(),
        magnitude(base),
        factor,
        k,
        target.value(),
        magnitude(target),
    );
    if let Some(answer) = exact {
        return Ok(answer);
    }
    let by_logs = || -> Result<Ordering> {
        let ratio = target.checked_ratio(base)?;
        let need = ratio
            .checked_ln()
            .ok_or_else(|| Error::overflow("logarithm", ratio, k))?;
        let rate = Rate::from_factor(factor)?;
        let step = ln_factor(rate).ok_or_else(|| Error::overflow("logarithm", factor, k))?;
        Ok(match step.checked_mul(Decimal::from(k)) {
            Some(have) => have.cmp(&need),
            // Beyond Decimal's range: far past any target, up or down.
            None if step > Decimal::ZERO => Ordering::Greater,
            None => Ordering::Less,
        })
    };
    let Ok(exponent) = i64::try_from(k) else {
        return by_logs();
    };
    if factor < Decimal::ONE {
        // Decimal powers of a factor below one lose significant digits.
        return by_logs();
    }
    match factor.checked_powi(exponent).map(|p| base.checked_mul(p)) {
        Some(Ok(v)) => v.checked_cmp(target),
        _ => by_logs(),
    }
}

/// The fractional number of periods for `base` to reach `target` at `rate`
/// per period: `ln(target / base) / ln(1 + rate)` — Excel's and DAX's
/// `PDURATION(rate, base, target)`. A target below the base gives a negative
/// number, as in DAX. For the least whole number of years use
/// [`years_to_reach`].
///
/// # Errors
///
/// [`Error::RateOutOfRange`] for a rate of zero or less (Excel: #NUM!);
/// [`Error::OutOfDomain`] for a base or target of zero or less.
///
/// ```
/// use indstat::growth::periods_to_reach;
/// use indstat::Rate;
/// use indstat::dec;
///
/// // DAX documentation: PDURATION(0.025, 2000, 2200) = 3.85986616262266, an f64 result;
/// // to 50 digits it is 3.859866162622645182…, so 14 places round to …265.
/// let n = periods_to_reach(&"2000元".parse()?, &"2200元".parse()?, Rate::from_fraction(dec!(0.025)))?;
/// assert!((n - dec!(3.85986616262266)).abs() < dec!(2e-14));
/// assert_eq!(n.round_dp(14), dec!(3.85986616262265));
/// assert!(periods_to_reach(&"2000元".parse()?, &"2200元".parse()?, Rate::ZERO).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn periods_to_reach(base: &Quantity, target: &Quantity, rate: Rate) -> Result<Decimal> {
    if rate.fraction() <= Decimal::ZERO {
        return Err(Error::RateOutOfRange {
            rate: rate.to_string(),
            reason: "PDURATION needs a rate above zero",
        });
    }
    for q in [base, target] {
        if q.value() <= Decimal::ZERO {
            return Err(Error::OutOfDomain {
                value: q.to_string(),
                operation: "PDURATION",
                reason: "the values must be above zero",
            });
        }
    }
    let ratio = target.checked_ratio(base)?;
    let overflow = || Error::overflow("logarithm", ratio, rate);
    let num = ratio.checked_ln().ok_or_else(overflow)?;
    let den = ln_factor(rate).ok_or_else(overflow)?;
    crate::exact::checked_div(num, den, || num.to_string())
}

/// The yearly rate equivalent to a total growth over a span: `(1 + total)^(1 /
/// years) − 1`. NBS's 两年平均增长 is this over two years: 13.5% over two years
/// is 6.5% a year.
///
/// # Errors
///
/// [`Error::RateOutOfRange`] for a total of −100% or less;
/// [`Error::InvalidSpan`] for a span of zero or less.
///
/// ```
/// use indstat::growth::annualize;
/// use indstat::{Period, Rate};
/// use rust_decimal::RoundingStrategy::MidpointAwayFromZero;
/// use indstat::dec;
///
/// // NBS, June 2021: 规上工业增加值 +13.5% on June 2019, a two-year average of 6.5%.
/// let two = Period::year(2019)?.years_until(&Period::year(2021)?)?;
/// let g = annualize(Rate::from_percent(dec!(13.5))?, two)?;
/// assert_eq!(g.round_percent(1, MidpointAwayFromZero)?, dec!(6.5));
/// assert!(annualize(Rate::from_percent(dec!(-100))?, two).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn annualize(total: Rate, span: YearSpan) -> Result<Rate> {
    let factor = check_rate(total)?;
    let yearly = pow_per_span(factor, span, || (total.to_string(), span.to_string()))?;
    Rate::from_factor(yearly)
}

/// The geometric average of yearly rates, `(Π(1 + gᵢ))^(1/n) − 1`: 10%, −5%
/// and 20% average 7.84% a year, not the arithmetic 8.33%.
///
/// # Errors
///
/// [`Error::Empty`] for no rates; [`Error::RateOutOfRange`] for a rate of
/// −100% or less; [`Error::Overflow`].
///
/// ```
/// use indstat::growth::average_rate;
/// use indstat::Rate;
/// use indstat::dec;
///
/// let rates = [dec!(10), dec!(-5), dec!(20)].map(|p| Rate::from_percent(p).unwrap());
/// assert_eq!(average_rate(&rates)?.percent()?.round_dp(2), dec!(7.84));
/// assert!(average_rate(&[]).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn average_rate(rates: &[Rate]) -> Result<Rate> {
    if rates.is_empty() {
        return Err(Error::Empty {
            what: "the list of rates",
        });
    }
    // The product of the n-th roots, not the n-th root of the product: a
    // product of small factors (eight falls of 99.99%) would underflow.
    let n = u64::try_from(rates.len()).map_err(|_| Error::overflow("count", rates.len(), 1))?;
    let mut root = Decimal::ONE;
    for r in rates {
        let f = nth_root(check_rate(*r)?, n)?;
        root = checked::mul(root, f)?;
    }
    Rate::from_factor(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gcd_reduces_spans() {
        assert_eq!(gcd(8, 4), 4);
        assert_eq!(gcd(5, 12), 1);
        assert_eq!(gcd(0, 4), 4);
    }
}
