//! Periods: years, halves, quarters, months and year-to-date cumulatives, in
//! SDMX time formats.

use core::cmp::Ordering;
use core::fmt;
use core::str::FromStr;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::{Error, Result};

/// Why a span to a deadline is refused: the one wording, wherever a
/// deadline is measured from a base period.
pub(crate) const DEADLINE_AFTER_BASE: &str = "the deadline must be after the base period";

/// The smallest year a [`Period`] can hold.
///
/// ```
/// assert!(indstat::Period::year(indstat::MIN_YEAR - 1).is_err());
/// ```
pub const MIN_YEAR: i32 = 1;
/// The largest year a [`Period`] can hold (SDMX writes years with four digits).
///
/// ```
/// assert!(indstat::Period::year(indstat::MAX_YEAR).is_ok());
/// assert!(indstat::Period::year(indstat::MAX_YEAR + 1).is_err());
/// ```
pub const MAX_YEAR: i32 = 9999;

/// How often a period recurs.
///
/// # Examples
///
/// ```
/// use indstat::{Frequency, Period};
/// assert_eq!(Period::quarter(2022, 1)?.frequency(), Frequency::Quarterly);
/// assert_eq!(Frequency::Quarterly.per_year(), 4);
/// assert_eq!(Frequency::Monthly.sdmx_code(), "M");
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Frequency {
    /// Calendar years (`2022`).
    Annual,
    /// Half years (`2022-S1`).
    HalfYearly,
    /// Quarters (`2022-Q1`).
    Quarterly,
    /// Months (`2022-01`, `2022-M01`).
    Monthly,
    /// Year-to-date cumulatives (累计): January through month m, released
    /// monthly (NBS from 1–2月 on; electricity, trade and fiscal series also
    /// for January alone). A cumulative recurs once a year, so it is compared
    /// year on year.
    YearToDate,
}

impl Frequency {
    /// Periods of this frequency in one year (a cumulative recurs once a year).
    ///
    /// ```
    /// assert_eq!(indstat::Frequency::Monthly.per_year(), 12);
    /// assert_eq!(indstat::Frequency::YearToDate.per_year(), 1);
    /// ```
    pub const fn per_year(self) -> u8 {
        match self {
            Frequency::Annual | Frequency::YearToDate => 1,
            Frequency::HalfYearly => 2,
            Frequency::Quarterly => 4,
            Frequency::Monthly => 12,
        }
    }

    /// The SDMX `FREQ` code (CL_FREQ): `A`, `S`, `Q`, `M`; a year-to-date
    /// cumulative is released monthly, `M`.
    ///
    /// ```
    /// assert_eq!(indstat::Frequency::Annual.sdmx_code(), "A");
    /// ```
    pub const fn sdmx_code(self) -> &'static str {
        match self {
            Frequency::Annual => "A",
            Frequency::HalfYearly => "S",
            Frequency::Quarterly => "Q",
            Frequency::Monthly | Frequency::YearToDate => "M",
        }
    }
}

impl fmt::Display for Frequency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Frequency::Annual => "annual",
            Frequency::HalfYearly => "half-yearly",
            Frequency::Quarterly => "quarterly",
            Frequency::Monthly => "monthly",
            Frequency::YearToDate => "year-to-date",
        })
    }
}

impl FromStr for Frequency {
    type Err = Error;

    /// Reads the names `Display` writes (`annual`, `quarterly`, …) or an SDMX
    /// `FREQ` code (`A`, `S`, `Q`, `M`).
    fn from_str(s: &str) -> Result<Self> {
        [
            Frequency::Annual,
            Frequency::HalfYearly,
            Frequency::Quarterly,
            Frequency::Monthly,
            Frequency::YearToDate,
        ]
        .into_iter()
        .find(|f| f.to_string() == s)
        .or(match s {
            "A" => Some(Frequency::Annual),
            "S" => Some(Frequency::HalfYearly),
            "Q" => Some(Frequency::Quarterly),
            "M" => Some(Frequency::Monthly),
            _ => None,
        })
        .ok_or_else(|| {
            Error::parse(
                s,
                "a frequency",
                "expected annual, half-yearly, quarterly, monthly, year-to-date or A, S, Q, M",
            )
        })
    }
}

#[cfg(feature = "serde")]
crate::serde_str::via_str!(Frequency);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Part {
    Year,
    Half(u8),
    Quarter(u8),
    Month(u8),
    /// January through this month (1..=12).
    Ytd(u8),
}

/// A reference period: a year, half, quarter, month, or a year-to-date
/// cumulative (January through month m: 1月, 1–2月, …, 1–12月).
///
/// Text forms are SDMX's: `2022`, `2022-S1`, `2022-Q1`, `2022-M01` or
/// `2022-01` (both read; `Display` writes `2022-01`, the alternate form `{:#}`
/// writes `2022-M01`), and for a cumulative the SDMX time range
/// `2022-01-01/P3M` (January to March). [`Period::zh`] and [`Period::en`] give
/// `2022年1-3月` and `January–March 2022`; the cumulative through January
/// (`2022-01-01/P1M`) covers one month and is printed as that month,
/// `2022年1月` and `January 2022`.
///
/// Periods are ordered only within one frequency: `partial_cmp` is `None`
/// across frequencies and [`checked_cmp`](Period::checked_cmp) says why.
///
/// # Examples
///
/// ```
/// use indstat::Period;
///
/// let q: Period = "2022-Q1".parse()?;
/// assert_eq!(q.previous()?, "2021-Q4".parse()?);
/// assert_eq!(q.year_ago()?, "2021-Q1".parse()?);
/// assert_eq!("2022-M03".parse::<Period>()?, "2022-03".parse()?);
/// assert_eq!(format!("{:#}", Period::month(2022, 3)?), "2022-M03");
///
/// let ytd = Period::ytd(2022, 2)?;          // 1–2月, one release
/// assert_eq!(ytd.to_string(), "2022-01-01/P2M");
/// assert_eq!(ytd.zh(), "2022年1-2月");
///
/// assert!("2022-Q5".parse::<Period>().is_err());
/// assert!("2022-13".parse::<Period>().is_err());
/// assert!("22".parse::<Period>().is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    year: i32,
    part: Part,
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn check_year(year: i32, input: impl FnOnce() -> String) -> Result<i32> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(year)
    } else {
        Err(Error::InvalidPeriod {
            input: input(),
            reason: format!("year {year} is outside {MIN_YEAR}..={MAX_YEAR}"),
        })
    }
}

fn check_part(n: u8, max: u8, what: &str, input: impl FnOnce() -> String) -> Result<u8> {
    if (1..=max).contains(&n) {
        Ok(n)
    } else {
        Err(Error::InvalidPeriod {
            input: input(),
            reason: format!("{what} {n} is outside 1..={max}"),
        })
    }
}

impl Period {
    /// The calendar year `year`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidPeriod`] outside [`MIN_YEAR`]`..=`[`MAX_YEAR`].
    ///
    /// ```
    /// assert_eq!(indstat::Period::year(2022)?.to_string(), "2022");
    /// assert!(indstat::Period::year(0).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn year(year: i32) -> Result<Period> {
        let year = check_year(year, || year.to_string())?;
        Ok(Period {
            year,
            part: Part::Year,
        })
    }

    /// Half `half` (1 or 2) of `year`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidPeriod`] for a half other than 1 or 2, or a year out of range.
    ///
    /// ```
    /// assert_eq!(indstat::Period::half(2022, 2)?.to_string(), "2022-S2");
    /// assert!(indstat::Period::half(2022, 3).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn half(year: i32, half: u8) -> Result<Period> {
        let input = || format!("{year}-S{half}");
        let year = check_year(year, input)?;
        let half = check_part(half, 2, "half", input)?;
        Ok(Period {
            year,
            part: Part::Half(half),
        })
    }

    /// Quarter `quarter` (1–4) of `year`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidPeriod`] for a quarter outside 1–4 or a year out of range.
    ///
    /// ```
    /// assert_eq!(indstat::Period::quarter(2022, 3)?.to_string(), "2022-Q3");
    /// assert!(indstat::Period::quarter(2022, 5).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn quarter(year: i32, quarter: u8) -> Result<Period> {
        let input = || format!("{year}-Q{quarter}");
        let year = check_year(year, input)?;
        let quarter = check_part(quarter, 4, "quarter", input)?;
        Ok(Period {
            year,
            part: Part::Quarter(quarter),
        })
    }

    /// Month `month` (1–12) of `year`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidPeriod`] for a month outside 1–12 or a year out of range.
    ///
    /// ```
    /// assert_eq!(indstat::Period::month(2022, 1)?.to_string(), "2022-01");
    /// assert!(indstat::Period::month(2022, 13).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn month(year: i32, month: u8) -> Result<Period> {
        let input = || format!("{year}-M{month:02}");
        let year = check_year(year, input)?;
        let month = check_part(month, 12, "month", input)?;
        Ok(Period {
            year,
            part: Part::Month(month),
        })
    }

    /// The year-to-date cumulative of `year` from January through `through`
    /// (1–12). NBS releases January and February together as 1–2月
    /// (`through = 2`, its first release of the year); electricity, trade and
    /// fiscal series are also released for January alone (`through = 1`,
    /// printed 1月 / January).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidPeriod`] for `through` outside 1–12 or a year out of range.
    ///
    /// ```
    /// let p = indstat::Period::ytd(2022, 6)?;
    /// assert_eq!(p.zh(), "2022年1-6月");
    /// let january = indstat::Period::ytd(2022, 1)?;
    /// assert_eq!((january.to_string().as_str(), january.zh().as_str()), ("2022-01-01/P1M", "2022年1月"));
    /// assert!(indstat::Period::ytd(2022, 13).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn ytd(year: i32, through: u8) -> Result<Period> {
        let input = || format!("{year}-01-01/P{through}M");
        let year = check_year(year, input)?;
        let through = check_part(through, 12, "month", input)?;
        Ok(Period {
            year,
            part: Part::Ytd(through),
        })
    }

    /// The period's frequency.
    ///
    /// ```
    /// use indstat::{Frequency, Period};
    /// assert_eq!(Period::ytd(2022, 3)?.frequency(), Frequency::YearToDate);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub const fn frequency(&self) -> Frequency {
        match self.part {
            Part::Year => Frequency::Annual,
            Part::Half(_) => Frequency::HalfYearly,
            Part::Quarter(_) => Frequency::Quarterly,
            Part::Month(_) => Frequency::Monthly,
            Part::Ytd(_) => Frequency::YearToDate,
        }
    }

    /// The calendar year the period falls in.
    ///
    /// ```
    /// assert_eq!(indstat::Period::quarter(2022, 3)?.calendar_year(), 2022);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub const fn calendar_year(&self) -> i32 {
        self.year
    }

    /// The half, quarter, month or through-month number within the year; 1 for
    /// a year.
    ///
    /// ```
    /// assert_eq!(indstat::Period::quarter(2022, 3)?.index(), 3);
    /// assert_eq!(indstat::Period::ytd(2022, 6)?.index(), 6);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub const fn index(&self) -> u8 {
        match self.part {
            Part::Year => 1,
            Part::Half(n) | Part::Quarter(n) | Part::Month(n) | Part::Ytd(n) => n,
        }
    }

    /// The position on its frequency's time line: `year × per_year + index − 1`
    /// (for a cumulative, `year × 12 + through − 1`, which orders releases).
    /// Consecutive periods differ by one.
    ///
    /// ```
    /// use indstat::Period;
    /// let a = Period::month(2021, 12)?;
    /// let b = Period::month(2022, 1)?;
    /// assert_eq!(b.ordinal() - a.ordinal(), 1);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[allow(clippy::arithmetic_side_effects)] // year ≤ 9999 and per ≤ 12: far from i64 limits
    pub const fn ordinal(&self) -> i64 {
        let per = match self.part {
            Part::Ytd(_) => 12,
            _ => self.frequency().per_year() as i64,
        };
        // year <= 9999 and per <= 12: no overflow.
        self.year as i64 * per + self.index() as i64 - 1
    }

    /// A total order for sorting and map keys: by frequency, then by time.
    /// Periods of one frequency sort in time order; across frequencies the
    /// order (annual, half-yearly, quarterly, monthly, year-to-date) only
    /// groups them, it says nothing about time.
    ///
    /// ```
    /// use indstat::Period;
    /// let mut ps = vec![Period::year(2022)?, Period::quarter(2021, 4)?, Period::year(2021)?];
    /// ps.sort_by_key(Period::sort_key);
    /// assert_eq!(ps, [Period::year(2021)?, Period::year(2022)?, Period::quarter(2021, 4)?]);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub const fn sort_key(&self) -> (Frequency, i64) {
        (self.frequency(), self.ordinal())
    }

    fn from_ordinal(template: Period, ordinal: i64, direction: &'static str) -> Result<Period> {
        let per = i64::from(template.frequency().per_year());
        let out_of_range = || Error::NoAdjacentPeriod {
            period: template,
            direction,
            reason: "the year would leave 1..=9999",
        };
        let year = i32::try_from(ordinal.div_euclid(per)).map_err(|_| out_of_range())?;
        let index =
            u8::try_from(ordinal.rem_euclid(per).saturating_add(1)).map_err(|_| out_of_range())?;
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(out_of_range());
        }
        let part = match template.part {
            Part::Year => Part::Year,
            Part::Half(_) => Part::Half(index),
            Part::Quarter(_) => Part::Quarter(index),
            Part::Month(_) => Part::Month(index),
            Part::Ytd(m) => Part::Ytd(m),
        };
        Ok(Period { year, part })
    }

    /// Moves `n` periods along the time line (negative goes back). A
    /// cumulative moves along its through-month within the year: 1–3月 + 1 is
    /// 1–4月.
    ///
    /// # Errors
    ///
    /// [`Error::NoAdjacentPeriod`] when the result leaves the supported years,
    /// or a cumulative leaves its year.
    ///
    /// ```
    /// use indstat::Period;
    /// assert_eq!(Period::quarter(2022, 4)?.checked_add(2)?, Period::quarter(2023, 2)?);
    /// assert!(Period::year(9999)?.checked_add(1).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn checked_add(&self, n: i64) -> Result<Period> {
        let direction = if n < 0 { "previous" } else { "next" };
        if let Part::Ytd(m) = self.part {
            let through = i64::from(m).checked_add(n).filter(|t| (1..=12).contains(t));
            return through
                .and_then(|t| u8::try_from(t).ok())
                .map(|t| Period {
                    year: self.year,
                    part: Part::Ytd(t),
                })
                .ok_or(Error::NoAdjacentPeriod {
                    period: *self,
                    direction,
                    reason: "a cumulative runs from 1月 to 1-12月 within its year",
                });
        }
        let ordinal = self
            .ordinal()
            .checked_add(n)
            .ok_or(Error::NoAdjacentPeriod {
                period: *self,
                direction,
                reason: "the year would leave 1..=9999",
            })?;
        Period::from_ordinal(*self, ordinal, direction)
    }

    /// The period before (环比's base): 2022-Q1 → 2021-Q4; a cumulative's
    /// previous release, 1–3月 → 1–2月 → 1月.
    ///
    /// # Errors
    ///
    /// [`Error::NoAdjacentPeriod`] before year 1, and for 1月, the first
    /// cumulative of its year.
    ///
    /// ```
    /// use indstat::Period;
    /// assert_eq!(Period::month(2022, 1)?.previous()?, Period::month(2021, 12)?);
    /// assert_eq!(Period::ytd(2022, 2)?.previous()?, Period::ytd(2022, 1)?);
    /// assert!(Period::ytd(2022, 1)?.previous().is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn previous(&self) -> Result<Period> {
        self.checked_add(-1)
    }

    /// The period after: 2022-Q4 → 2023-Q1.
    ///
    /// # Errors
    ///
    /// [`Error::NoAdjacentPeriod`] after year 9999, and after 1–12月.
    ///
    /// ```
    /// use indstat::Period;
    /// assert_eq!(Period::half(2022, 2)?.next()?, Period::half(2023, 1)?);
    /// assert!(Period::ytd(2022, 12)?.next().is_err());
    /// assert!(Period::year(9999)?.next().is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn next(&self) -> Result<Period> {
        self.checked_add(1)
    }

    /// The same period `years` years later (earlier when negative).
    ///
    /// # Errors
    ///
    /// [`Error::NoAdjacentPeriod`] outside the supported years.
    ///
    /// ```
    /// use indstat::Period;
    /// assert_eq!(Period::year(2022)?.add_years(4)?, Period::year(2026)?);
    /// assert!(Period::year(2022)?.add_years(8000).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn add_years(&self, years: i32) -> Result<Period> {
        let year = self
            .year
            .checked_add(years)
            .filter(|y| (MIN_YEAR..=MAX_YEAR).contains(y))
            .ok_or(Error::NoAdjacentPeriod {
                period: *self,
                direction: if years < 0 { "previous" } else { "next" },
                reason: "the year would leave 1..=9999",
            })?;
        Ok(Period {
            year,
            part: self.part,
        })
    }

    /// The same period a year earlier (同比's base): 2022-M03 → 2021-M03,
    /// 2022年1-3月 → 2021年1-3月.
    ///
    /// # Errors
    ///
    /// [`Error::NoAdjacentPeriod`] for year 1.
    ///
    /// ```
    /// use indstat::Period;
    /// assert_eq!(Period::ytd(2022, 3)?.year_ago()?, Period::ytd(2021, 3)?);
    /// assert!(Period::year(1)?.year_ago().is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn year_ago(&self) -> Result<Period> {
        self.add_years(-1)
    }

    fn require_same_frequency(&self, other: &Period) -> Result<()> {
        if self.frequency() == other.frequency() {
            Ok(())
        } else {
            Err(Error::FrequencyMismatch {
                left: *self,
                left_frequency: self.frequency(),
                right: *other,
                right_frequency: other.frequency(),
            })
        }
    }

    /// Orders two periods of one frequency.
    ///
    /// # Errors
    ///
    /// [`Error::FrequencyMismatch`] across frequencies.
    ///
    /// ```
    /// use core::cmp::Ordering;
    /// use indstat::Period;
    /// assert_eq!(Period::year(2021)?.checked_cmp(&Period::year(2022)?)?, Ordering::Less);
    /// assert!(Period::year(2021)?.checked_cmp(&Period::quarter(2022, 1)?).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn checked_cmp(&self, other: &Period) -> Result<Ordering> {
        self.require_same_frequency(other)?;
        Ok(self.ordinal().cmp(&other.ordinal()))
    }

    /// The time from `self` to `later`, in years: whole for years, quarters of
    /// a year for quarters (2022-Q1 → 2023-Q2 is 5/4), twelfths for months.
    ///
    /// # Errors
    ///
    /// [`Error::FrequencyMismatch`] across frequencies; [`Error::InvalidPeriod`]
    /// for two cumulatives through different months, which are not a whole
    /// number of years apart.
    ///
    /// ```
    /// use indstat::Period;
    /// use indstat::dec;
    ///
    /// let span = Period::year(2022)?.years_until(&Period::year(2026)?)?;
    /// assert_eq!(span.whole_years(), Some(4));
    /// let span = Period::quarter(2022, 1)?.years_until(&Period::quarter(2023, 2)?)?;
    /// assert_eq!(span.to_decimal(), dec!(1.25));
    /// assert!(Period::year(2022)?.years_until(&Period::month(2026, 1)?).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[allow(clippy::arithmetic_side_effects)] // ordinals are below 120 000: no overflow
    pub fn years_until(&self, later: &Period) -> Result<YearSpan> {
        self.require_same_frequency(later)?;
        if let (Part::Ytd(a), Part::Ytd(b)) = (self.part, later.part) {
            if a != b {
                return Err(Error::InvalidPeriod {
                    input: format!("{self} .. {later}"),
                    reason: "cumulatives through different months are not whole years apart"
                        .to_owned(),
                });
            }
            return Ok(YearSpan {
                periods: i64::from(later.year) - i64::from(self.year),
                per_year: 1,
            });
        }
        Ok(YearSpan {
            // Ordinals are below 10^6: no overflow.
            periods: later.ordinal() - self.ordinal(),
            per_year: self.frequency().per_year(),
        })
    }

    /// The time from `self` to `later` as [`years_until`](Period::years_until)
    /// gives it, which must be forward: `later` after `self`. The one check
    /// of "the deadline must be after the base period" and its kin; `reason`
    /// says which order the caller needed.
    ///
    /// # Errors
    ///
    /// As [`years_until`](Period::years_until), and [`Error::InvalidSpan`]
    /// naming both periods and `reason` when `later` is not after `self`.
    pub(crate) fn years_until_later(
        &self,
        later: &Period,
        reason: &'static str,
    ) -> Result<YearSpan> {
        let span = self.years_until(later)?;
        if span.periods <= 0 {
            return Err(Error::InvalidSpan {
                from: self.to_string(),
                to: later.to_string(),
                reason,
            });
        }
        Ok(span)
    }

    /// Whether two periods are the same part of a year (of any years): the
    /// same quarter, half, month or cumulative (1–m月) of the same
    /// frequency; any two years. A flow over part of a year is compared year
    /// on year, with the same part of another year (同比).
    ///
    /// ```
    /// use indstat::Period;
    /// assert!(Period::quarter(2021, 1)?.same_season(&Period::quarter(2023, 1)?));
    /// assert!(Period::ytd(2022, 6)?.same_season(&Period::ytd(2023, 6)?));
    /// assert!(!Period::quarter(2022, 1)?.same_season(&Period::quarter(2022, 4)?));
    /// assert!(!Period::month(2022, 3)?.same_season(&Period::ytd(2022, 3)?));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn same_season(&self, other: &Period) -> bool {
        self.frequency() == other.frequency() && self.index() == other.index()
    }

    /// The first day of the period.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let d = indstat::Period::quarter(2022, 2)?.start_date();
    /// assert_eq!(d, NaiveDate::from_ymd_opt(2022, 4, 1).unwrap());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[allow(clippy::arithmetic_side_effects)] // halves are 1..=2 and quarters 1..=4: small positive results
    pub fn start_date(&self) -> NaiveDate {
        let month = match self.part {
            Part::Year | Part::Ytd(_) => 1,
            Part::Half(h) => u32::from(h) * 6 - 5,
            Part::Quarter(q) => u32::from(q) * 3 - 2,
            Part::Month(m) => u32::from(m),
        };
        // Years 1..=9999 and months 1..=12 are valid chrono dates.
        NaiveDate::from_ymd_opt(self.year, month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The last day of the period.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let d = indstat::Period::ytd(2024, 2)?.end_date();
    /// assert_eq!(d, NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[allow(clippy::arithmetic_side_effects)] // year ≤ 9999 and months ≤ 12
    pub fn end_date(&self) -> NaiveDate {
        let last_month = match self.part {
            Part::Year => 12,
            Part::Half(h) => u32::from(h) * 6,
            Part::Quarter(q) => u32::from(q) * 3,
            Part::Month(m) | Part::Ytd(m) => u32::from(m),
        };
        let (y, m) = if last_month == 12 {
            (self.year + 1, 1)
        } else {
            (self.year, last_month + 1)
        };
        NaiveDate::from_ymd_opt(y, m, 1)
            .and_then(|d| d.pred_opt())
            .unwrap_or(NaiveDate::MAX)
    }

    /// The period of `frequency` that contains `date` (for year-to-date, the
    /// cumulative through the date's month: 1月 for a date in January).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidPeriod`] for a date outside years 1–9999.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use indstat::{Frequency, Period};
    /// let d = NaiveDate::from_ymd_opt(2022, 8, 15).unwrap();
    /// assert_eq!(Period::containing(d, Frequency::Quarterly)?, Period::quarter(2022, 3)?);
    /// let ancient = NaiveDate::from_ymd_opt(-5, 1, 1).unwrap();
    /// assert!(Period::containing(ancient, Frequency::Annual).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[allow(clippy::arithmetic_side_effects)] // month ≤ 12
    pub fn containing(date: NaiveDate, frequency: Frequency) -> Result<Period> {
        let y = date.year();
        // month() is 1..=12, so the casts cannot truncate.
        let m = date.month() as u8;
        match frequency {
            Frequency::Annual => Period::year(y),
            Frequency::HalfYearly => Period::half(y, if m <= 6 { 1 } else { 2 }),
            Frequency::Quarterly => Period::quarter(y, m.div_ceil(3)),
            Frequency::Monthly => Period::month(y, m),
            Frequency::YearToDate => Period::ytd(y, m),
        }
    }

    /// The Chinese form: `2022年`, `2022年上半年`, `2022年一季度`, `2022年3月`,
    /// `2022年1-3月` (and `2022年1月` for the cumulative through January, the
    /// one month it covers).
    ///
    /// ```
    /// assert_eq!(indstat::Period::quarter(2022, 1)?.zh(), "2022年一季度");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn zh(&self) -> String {
        let y = self.year;
        match self.part {
            Part::Year => format!("{y}年"),
            Part::Half(1) => format!("{y}年上半年"),
            Part::Half(_) => format!("{y}年下半年"),
            Part::Quarter(q) => {
                let n = ["一", "二", "三", "四"]
                    .get(usize::from(q).saturating_sub(1))
                    .copied()
                    .unwrap_or("");
                format!("{y}年{n}季度")
            }
            Part::Month(m) => format!("{y}年{m}月"),
            Part::Ytd(1) => format!("{y}年1月"),
            Part::Ytd(m) => format!("{y}年1-{m}月"),
        }
    }

    /// The English form: `2022`, `H1 2022`, `Q1 2022`, `March 2022`,
    /// `January–March 2022` (and `January 2022` for the cumulative through
    /// January).
    ///
    /// ```
    /// assert_eq!(indstat::Period::ytd(2022, 2)?.en(), "January–February 2022");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn en(&self) -> String {
        let y = self.year;
        let month = |m: u8| {
            MONTHS_EN
                .get(usize::from(m).saturating_sub(1))
                .copied()
                .unwrap_or("")
        };
        match self.part {
            Part::Year => format!("{y}"),
            Part::Half(h) => format!("H{h} {y}"),
            Part::Quarter(q) => format!("Q{q} {y}"),
            Part::Month(m) => format!("{} {y}", month(m)),
            Part::Ytd(1) => format!("January {y}"),
            Part::Ytd(m) => format!("January–{} {y}", month(m)),
        }
    }
}

impl PartialOrd for Period {
    /// Orders periods of one frequency; `None` across frequencies.
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        self.checked_cmp(other).ok()
    }
}

impl fmt::Display for Period {
    /// SDMX form: `2022`, `2022-S1`, `2022-Q1`, `2022-01` (`{:#}`: `2022-M01`),
    /// `2022-01-01/P3M`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let y = self.year;
        match self.part {
            Part::Year => write!(f, "{y:04}"),
            Part::Half(h) => write!(f, "{y:04}-S{h}"),
            Part::Quarter(q) => write!(f, "{y:04}-Q{q}"),
            Part::Month(m) if f.alternate() => write!(f, "{y:04}-M{m:02}"),
            Part::Month(m) => write!(f, "{y:04}-{m:02}"),
            Part::Ytd(m) => write!(f, "{y:04}-01-01/P{m}M"),
        }
    }
}

fn all_digits(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_digit())
}

impl FromStr for Period {
    type Err = Error;

    /// Reads `YYYY`, `YYYY-A1`, `YYYY-Sn`, `YYYY-Qn`, `YYYY-Mmm`, `YYYY-mm`, and
    /// the cumulative `YYYY-01-01/PnM` or `YYYY-01/PnM`.
    fn from_str(s: &str) -> Result<Self> {
        let bad = |reason: &str| Error::InvalidPeriod {
            input: s.to_owned(),
            reason: reason.to_owned(),
        };
        let with_input = |e: Error| match e {
            Error::InvalidPeriod { reason, .. } => Error::InvalidPeriod {
                input: s.to_owned(),
                reason,
            },
            other => other,
        };
        let year_text = s.get(..4).unwrap_or("");
        if !all_digits(year_text, 4) || s.get(4..5).is_some_and(|c| c != "-") {
            return Err(bad(
                "expected a four-digit year: 2022, 2022-S1, 2022-Q1, 2022-M01, 2022-01 or 2022-01-01/P3M",
            ));
        }
        let year: i32 = year_text.parse().map_err(|_| bad("bad year"))?;
        let rest = s.get(4..).unwrap_or("");
        if rest.is_empty() {
            return Period::year(year).map_err(with_input);
        }
        let rest = rest.get(1..).unwrap_or("");
        let number = |t: &str, len: usize| -> Result<u8> {
            if all_digits(t, len) {
                t.parse().map_err(|_| bad("bad number"))
            } else {
                Err(bad("malformed period"))
            }
        };
        if let Some((start, duration)) = rest.split_once('/') {
            if start != "01" && start != "01-01" {
                return Err(bad("a cumulative starts in January: YYYY-01-01/PnM"));
            }
            let months = duration
                .strip_prefix('P')
                .and_then(|d| d.strip_suffix('M'))
                .ok_or_else(|| bad("a cumulative's duration is PnM"))?;
            let n = if all_digits(months, 1) {
                number(months, 1)?
            } else {
                number(months, 2)?
            };
            return Period::ytd(year, n).map_err(with_input);
        }
        let result = match rest.as_bytes().first() {
            Some(b'A') if rest == "A1" => Period::year(year),
            Some(b'S') => Period::half(year, number(rest.get(1..).unwrap_or(""), 1)?),
            Some(b'Q') => Period::quarter(year, number(rest.get(1..).unwrap_or(""), 1)?),
            Some(b'M') => Period::month(year, number(rest.get(1..).unwrap_or(""), 2)?),
            Some(b'0'..=b'9') => Period::month(year, number(rest, 2)?),
            _ => Err(bad("malformed period")),
        };
        result.map_err(with_input)
    }
}

#[cfg(feature = "serde")]
crate::serde_str::via_str!(Period);

/// A span of time in years, kept as an exact fraction: `periods / per_year`.
///
/// Five months is 5/12 of a year, which no decimal holds exactly; a `YearSpan`
/// keeps the fraction so that growth over fractional years can take exact
/// roots, and [`to_decimal`](YearSpan::to_decimal) rounds only when asked.
///
/// # Examples
///
/// ```
/// use indstat::Period;
/// let span = Period::month(2022, 1)?.years_until(&Period::month(2022, 6)?)?;
/// assert_eq!((span.periods(), span.per_year()), (5, 12));
/// assert_eq!(span.whole_years(), None);
/// assert_eq!(span.to_string(), "5/12 years");
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "YearSpanRepr"))]
pub struct YearSpan {
    periods: i64,
    per_year: u8,
}

#[cfg(feature = "serde")]
crate::serde_str::read_through!(
    YearSpan,
    YearSpanRepr {
        periods: i64,
        per_year: u8,
    },
    |r| if matches!(r.per_year, 1 | 2 | 4 | 12) {
        Ok(YearSpan {
            periods: r.periods,
            per_year: r.per_year,
        })
    } else {
        Err(Error::parse(
            &format!("{}/{}", r.periods, r.per_year),
            "a year span",
            "periods per year must be 1, 2, 4 or 12",
        ))
    }
);

impl YearSpan {
    /// A span of `years` whole years.
    pub(crate) const fn years(years: i64) -> YearSpan {
        YearSpan {
            periods: years,
            per_year: 1,
        }
    }

    /// The number of periods (negative when the end is before the start).
    ///
    /// ```
    /// let s = indstat::Period::year(2026)?.years_until(&indstat::Period::year(2022)?)?;
    /// assert_eq!(s.periods(), -4);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub const fn periods(&self) -> i64 {
        self.periods
    }

    /// Periods per year: 1, 2, 4 or 12.
    ///
    /// ```
    /// let s = indstat::Period::quarter(2022, 1)?.years_until(&indstat::Period::quarter(2022, 3)?)?;
    /// assert_eq!(s.per_year(), 4);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub const fn per_year(&self) -> u8 {
        self.per_year
    }

    /// The span in whole years, if it is a whole number of years.
    ///
    /// ```
    /// let s = indstat::Period::quarter(2022, 1)?.years_until(&indstat::Period::quarter(2024, 1)?)?;
    /// assert_eq!(s.whole_years(), Some(2));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[allow(clippy::arithmetic_side_effects)] // per is checked non-zero; i64::MIN / per cannot overflow for per ≥ 1
    pub fn whole_years(&self) -> Option<i64> {
        let per = i64::from(self.per_year);
        (per != 0 && self.periods % per == 0).then(|| self.periods / per)
    }

    /// The span as a decimal number of years, rounded to `Decimal`'s 28
    /// significant digits when the fraction does not terminate (5/12).
    ///
    /// ```
    /// use indstat::dec;
    /// let s = indstat::Period::month(2022, 1)?.years_until(&indstat::Period::month(2022, 7)?)?;
    /// assert_eq!(s.to_decimal(), dec!(0.5));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn to_decimal(&self) -> Decimal {
        Decimal::from(self.periods)
            .checked_div(Decimal::from(self.per_year))
            .unwrap_or(Decimal::ZERO)
    }
}

impl fmt::Display for YearSpan {
    /// `4 years`, `1 year`, `5/12 years`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.whole_years() {
            Some(1) | Some(-1) => write!(f, "{} year", self.periods),
            Some(y) => write!(f, "{y} years"),
            None => write!(f, "{}/{} years", self.periods, self.per_year),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_forms_round_trip() {
        for s in [
            "2022",
            "2022-S1",
            "2022-S2",
            "2022-Q1",
            "2022-Q4",
            "2022-01",
            "2022-12",
            "2022-01-01/P1M",
            "2022-01-01/P2M",
            "2022-01-01/P12M",
            "0001",
            "9999-12",
        ] {
            let p: Period = s.parse().unwrap();
            assert_eq!(p.to_string(), s);
        }
        assert_eq!(
            "2022-M01".parse::<Period>().unwrap(),
            Period::month(2022, 1).unwrap()
        );
        assert_eq!(
            "2022-A1".parse::<Period>().unwrap(),
            Period::year(2022).unwrap()
        );
        assert_eq!(
            "2022-01/P3M".parse::<Period>().unwrap(),
            Period::ytd(2022, 3).unwrap()
        );
    }

    #[test]
    fn junk_is_rejected() {
        for s in [
            "",
            "22",
            "2022-",
            "2022-Q5",
            "2022-Q0",
            "2022-M13",
            "2022-13",
            "2022-00",
            "2022-S3",
            "2022-1",
            "2022-M1",
            "20222",
            "2022-Q1x",
            "0000",
            "abcd",
            "2022-01-01/P0M",
            "2022-01-01/P13M",
            "2022-02-01/P3M",
            "2022-01-01/3M",
            "２０２２",
            "2022-W01",
        ] {
            assert!(s.parse::<Period>().is_err(), "{s}");
        }
    }

    /// Electricity, trade and fiscal series are released
    /// for January alone. The cumulative through January is a period: SDMX
    /// `2022-01-01/P1M` both ways, printed as the month it covers (2022年1月,
    /// January 2022), before 1–2月 in its year.
    #[test]
    fn january_alone_is_a_cumulative() {
        let jan = Period::ytd(2022, 1).unwrap();
        assert_eq!(jan.to_string(), "2022-01-01/P1M");
        assert_eq!("2022-01-01/P1M".parse::<Period>().unwrap(), jan);
        assert_eq!("2022-01/P1M".parse::<Period>().unwrap(), jan);
        assert_eq!(jan.zh(), "2022年1月");
        assert_eq!(jan.en(), "January 2022");
        assert_eq!(jan.frequency(), Frequency::YearToDate);
        assert_eq!(jan.index(), 1);
        let feb = Period::ytd(2022, 2).unwrap();
        assert_eq!(feb.previous().unwrap(), jan);
        assert_eq!(jan.next().unwrap(), feb);
        assert!(jan.previous().is_err());
        assert_eq!(jan.checked_cmp(&feb).unwrap(), Ordering::Less);
        assert_eq!(jan.year_ago().unwrap(), Period::ytd(2021, 1).unwrap());
        let span = Period::ytd(2021, 1).unwrap().years_until(&jan).unwrap();
        assert_eq!(span.whole_years(), Some(1));
        assert_eq!(
            (jan.start_date(), jan.end_date()),
            (
                NaiveDate::from_ymd_opt(2022, 1, 1).unwrap(),
                NaiveDate::from_ymd_opt(2022, 1, 31).unwrap()
            )
        );
        let mid_january = NaiveDate::from_ymd_opt(2022, 1, 15).unwrap();
        assert_eq!(
            Period::containing(mid_january, Frequency::YearToDate).unwrap(),
            jan
        );
        // Still refused: no months, or more than twelve.
        assert!(Period::ytd(2022, 0).is_err());
        assert!(Period::ytd(2022, 13).is_err());
        assert!("2022-01-01/P0M".parse::<Period>().is_err());
    }

    #[test]
    fn ytd_steps() {
        let p = Period::ytd(2022, 12).unwrap();
        assert!(p.next().is_err());
        assert_eq!(p.previous().unwrap(), Period::ytd(2022, 11).unwrap());
    }

    #[test]
    fn dates() {
        assert_eq!(
            Period::year(9999).unwrap().end_date(),
            NaiveDate::from_ymd_opt(9999, 12, 31).unwrap()
        );
        assert_eq!(
            Period::half(2023, 2).unwrap().start_date(),
            NaiveDate::from_ymd_opt(2023, 7, 1).unwrap()
        );
    }
}
