//! Time progress within a year (时间进度): completion of a yearly target
//! against the elapsed share of the year.

use rust_decimal::Decimal;

use crate::exact::checked;
use crate::growth;
use crate::{Direction, Error, Frequency, PercentagePoints, Period, Quantity, Rate, Result};

/// How much of the year counts as elapsed after month m.
///
/// # Examples
///
/// ```
/// use indstat::targets::Profile;
/// use indstat::dec;
/// assert_eq!(Profile::Linear.elapsed(6)?, dec!(0.5));
/// let heavy_december = Profile::Seasonal([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 9].map(rust_decimal::Decimal::from).to_vec());
/// assert_eq!(heavy_december.elapsed(11)?, dec!(0.55));
/// assert!(Profile::Seasonal(vec![dec!(1); 11]).elapsed(6).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Profile {
    /// m / 12 ("时间过半" at the end of June).
    #[default]
    Linear,
    /// Twelve monthly weights (for example last year's monthly shares); the
    /// elapsed share is the weights through month m over their sum.
    Seasonal(Vec<Decimal>),
}

impl Profile {
    /// The elapsed share of the year after `month` (1–12).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidPeriod`] for a month outside 1–12;
    /// [`Error::OutOfDomain`] for a seasonal profile that is not twelve
    /// non-negative weights with a positive sum.
    ///
    /// ```
    /// # use indstat::targets::Profile;
    /// assert!(Profile::Linear.elapsed(13).is_err());
    /// ```
    pub fn elapsed(&self, month: u8) -> Result<Decimal> {
        if !(1..=12).contains(&month) {
            return Err(Error::InvalidPeriod {
                input: month.to_string(),
                reason: "a month is 1 to 12".to_owned(),
            });
        }
        match self {
            Profile::Linear => {
                crate::exact::checked_div(Decimal::from(month), Decimal::from(12), || {
                    month.to_string()
                })
            }
            Profile::Seasonal(weights) => {
                let bad = |reason| Error::OutOfDomain {
                    value: format!("{weights:?}"),
                    operation: "a seasonal profile",
                    reason,
                };
                if weights.len() != 12 {
                    return Err(bad("give twelve monthly weights"));
                }
                if weights.iter().any(|w| w.is_sign_negative() && !w.is_zero()) {
                    return Err(bad("weights must not be negative"));
                }
                let sum = |ws: &[Decimal]| {
                    ws.iter()
                        .try_fold(Decimal::ZERO, |a, w| checked::add(a, *w))
                };
                let total = sum(weights)?;
                if total.is_zero() {
                    return Err(bad("the weights must not all be zero"));
                }
                let through = sum(weights.get(..usize::from(month)).unwrap_or(&[]))?;
                crate::exact::checked_div(through, total, || through.to_string())
            }
        }
    }
}

/// Progress of a yearly target after some months; see [`time_progress`].
///
/// # Examples
///
/// ```
/// use indstat::targets::{time_progress, Profile};
/// use indstat::Period;
/// use indstat::dec;
///
/// let p = time_progress(&"1200亿元".parse()?, &"650亿元".parse()?, Period::ytd(2024, 6)?, &Profile::Linear, None)?;
/// assert_eq!(p.zh(), "快于序时进度4.2个百分点");
/// assert_eq!(p.en(), "ahead of schedule by 4.2 percentage points");
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TimeProgress {
    period: Period,
    completion: Rate,
    elapsed: Rate,
    lead: PercentagePoints,
    rest_of_year: Option<Rate>,
    direction: Direction,
}

impl TimeProgress {
    /// The year-to-date period measured.
    ///
    /// ```
    /// # use indstat::targets::{time_progress, Profile};
    /// # use indstat::Period;
    /// # use indstat::dec;
    /// let p = time_progress(&"1200亿元".parse()?, &"650亿元".parse()?, Period::ytd(2024, 6)?, &Profile::Linear, Some(("560亿元".parse()?, "1100亿元".parse()?)))?;
    /// assert_eq!(p.period(), Period::ytd(2024, 6)?);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn period(&self) -> Period {
        self.period
    }

    /// Completion κ = year-to-date / yearly target.
    ///
    /// ```
    /// # use indstat::targets::{time_progress, Profile};
    /// # use indstat::Period;
    /// # use indstat::dec;
    /// let p = time_progress(&"1200亿元".parse()?, &"650亿元".parse()?, Period::ytd(2024, 6)?, &Profile::Linear, Some(("560亿元".parse()?, "1100亿元".parse()?)))?;
    /// assert_eq!(p.completion().fraction().round_dp(4), dec!(0.5417));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn completion(&self) -> Rate {
        self.completion
    }

    /// Elapsed share of the year τ (time progress, 序时进度).
    pub fn elapsed(&self) -> Rate {
        self.elapsed
    }

    /// κ − τ in percentage points: positive ahead of schedule (快于序时进度),
    /// negative behind (慢于序时进度).
    ///
    /// ```
    /// # use indstat::targets::{time_progress, Profile};
    /// # use indstat::Period;
    /// # use indstat::dec;
    /// let p = time_progress(&"1200亿元".parse()?, &"650亿元".parse()?, Period::ytd(2024, 6)?, &Profile::Linear, Some(("560亿元".parse()?, "1100亿元".parse()?)))?;
    /// assert_eq!(p.lead().value().round_dp(2), dec!(4.17));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn lead(&self) -> PercentagePoints {
        self.lead
    }

    /// The growth the rest of the year needs over the same months last year,
    /// `(target − C_ytd) / (last year − last year's C_ytd) − 1`, when last
    /// year's figures were given; `None` once the target is met or when last
    /// year's remaining months were zero or negative.
    ///
    /// ```
    /// # use indstat::targets::{time_progress, Profile};
    /// # use indstat::Period;
    /// # use indstat::dec;
    /// let p = time_progress(&"1200亿元".parse()?, &"650亿元".parse()?, Period::ytd(2024, 6)?, &Profile::Linear, Some(("560亿元".parse()?, "1100亿元".parse()?)))?;
    /// assert_eq!(p.rest_of_year().map(|r| r.fraction().round_dp(4)), Some(dec!(0.0185)));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn rest_of_year(&self) -> Option<Rate> {
        self.rest_of_year
    }

    /// The status in Chinese: `快于序时进度4.2个百分点`, `慢于…`, `与序时进度持平`.
    ///
    /// ```
    /// # use indstat::targets::{time_progress, Profile};
    /// # use indstat::Period;
    /// let p = time_progress(&"1200亿元".parse()?, &"500亿元".parse()?, Period::ytd(2024, 6)?, &Profile::Linear, None)?;
    /// assert_eq!(p.zh(), "慢于序时进度8.3个百分点");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn zh(&self) -> String {
        self.phrase(
            "与序时进度持平",
            [
                "快于序时进度",
                "慢于序时进度",
                "超出序时进度",
                "低于序时进度",
            ],
            "个百分点",
        )
    }

    /// The status in English: `ahead of schedule by 4.2 percentage points`.
    ///
    /// ```
    /// # use indstat::targets::{time_progress, Profile};
    /// # use indstat::Period;
    /// let p = time_progress(&"1200亿元".parse()?, &"600亿元".parse()?, Period::ytd(2024, 6)?, &Profile::Linear, None)?;
    /// assert_eq!(p.en(), "on schedule");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn en(&self) -> String {
        self.phrase(
            "on schedule",
            [
                "ahead of schedule by ",
                "behind schedule by ",
                "over the schedule by ",
                "under the schedule by ",
            ],
            " percentage points",
        )
    }

    /// One wording rule for both languages: the on-schedule phrase when the
    /// rounded lead is zero, otherwise `prefix + |lead| + unit` with the
    /// prefix chosen by direction and sign, in the order ahead, behind, over,
    /// under. A cap (energy use, emissions): using more than the schedule is
    /// over it, not ahead.
    fn phrase(&self, on_schedule: &str, prefixes: [&str; 4], unit: &str) -> String {
        let v = self.rounded_lead();
        if v.is_zero() {
            return on_schedule.to_owned();
        }
        let [ahead, behind, over, under] = prefixes;
        let prefix = match (
            self.direction == Direction::LowerIsBetter,
            v.is_sign_negative(),
        ) {
            (false, false) => ahead,
            (false, true) => behind,
            (true, false) => over,
            (true, true) => under,
        };
        format!("{prefix}{}{unit}", v.abs())
    }

    /// The same progress read for a target that is a ceiling (lower is
    /// better: energy use, emissions): using the year's allowance faster than
    /// time passes is *over* the schedule (超出序时进度), not ahead of it.
    ///
    /// ```
    /// use indstat::targets::{time_progress, Profile};
    /// use indstat::{Direction, Period};
    /// // A yearly land-use allowance of 100 km², 60 used by the end of June.
    /// let p = time_progress(&"100平方公里".parse()?, &"60平方公里".parse()?, Period::ytd(2024, 6)?, &Profile::Linear, None)?;
    /// assert_eq!(p.zh(), "快于序时进度10个百分点");
    /// let cap = p.with_direction(Direction::LowerIsBetter);
    /// assert_eq!(cap.zh(), "超出序时进度10个百分点");
    /// assert_eq!(cap.en(), "over the schedule by 10 percentage points");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[must_use]
    pub fn with_direction(mut self, direction: Direction) -> TimeProgress {
        self.direction = direction;
        self
    }

    fn rounded_lead(&self) -> Decimal {
        crate::round_for_display(self.lead.value(), 1).normalize()
    }
}

/// Time progress (时间进度) of a yearly `target` given the year-to-date value
/// `ytd` for `through` (a cumulative `1–m月`, or month m): completion κ against
/// the elapsed share τ of the year, the lead κ − τ in percentage points, and,
/// given last year's `(year-to-date, full year)`, the growth the rest of the
/// year needs over the same months last year: `(target − ytd) / (last year's
/// full year − last year's year-to-date) − 1`, the administrative convention
/// behind 时间过半、任务过半.
///
/// # Errors
///
/// [`Error::FrequencyMismatch`] unless `through` is a cumulative or a month;
/// [`Error::UnitMismatch`] across dimensions; [`Error::ZeroBase`] for a target
/// of zero or for last year's remaining months at zero; as
/// [`Profile::elapsed`].
///
/// ```
/// use indstat::targets::{time_progress, Profile};
/// use indstat::Period;
/// use indstat::dec;
///
/// // 1–6月: 650 of a 1200 target (54.2%) against 50% of the year.
/// let last_year = Some(("560亿元".parse()?, "1100亿元".parse()?));
/// let p = time_progress(&"1200亿元".parse()?, &"650亿元".parse()?, Period::ytd(2024, 6)?, &Profile::Linear, last_year)?;
/// assert_eq!(p.completion().fraction().round_dp(4), dec!(0.5417));
/// assert_eq!(p.elapsed().fraction(), dec!(0.5));
/// // The rest of the year needs 550 against 540 last year: +1.85%.
/// assert_eq!(p.rest_of_year().map(|r| r.fraction().round_dp(4)), Some(dec!(0.0185)));
///
/// assert!(time_progress(&"1200亿元".parse()?, &"650亿元".parse()?, Period::year(2024)?, &Profile::Linear, None).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn time_progress(
    target: &Quantity,
    ytd: &Quantity,
    through: Period,
    profile: &Profile,
    last_year: Option<(Quantity, Quantity)>,
) -> Result<TimeProgress> {
    let month = match through.frequency() {
        Frequency::YearToDate | Frequency::Monthly => through.index(),
        other => {
            let example = Period::ytd(through.calendar_year(), 12)?;
            return Err(Error::FrequencyMismatch {
                left: through,
                left_frequency: other,
                right: example,
                right_frequency: Frequency::YearToDate,
            });
        }
    };
    if target.value().is_zero() {
        return Err(Error::ZeroBase {
            base: target.to_string(),
            current: ytd.to_string(),
        });
    }
    let completion = Rate::from_fraction(ytd.checked_ratio(target)?);
    let elapsed = Rate::from_fraction(profile.elapsed(month)?);
    let lead = elapsed.points_to(completion)?;
    // No rest-of-year rate once the target is met, or when last year's
    // remaining months were zero or negative (no base to grow from).
    let rest_of_year = match last_year {
        Some((ly_ytd, ly_full)) => {
            let needed = target.checked_sub(ytd)?;
            let last = ly_full.checked_sub(&ly_ytd)?;
            if needed.value() <= Decimal::ZERO || last.value() <= Decimal::ZERO {
                None
            } else {
                Some(growth::growth(&last, &needed)?)
            }
        }
        None => None,
    };
    Ok(TimeProgress {
        period: through,
        completion,
        elapsed,
        lead,
        rest_of_year,
        direction: Direction::HigherIsBetter,
    })
}
