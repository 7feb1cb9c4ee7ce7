//! Ranks across editions: change in places, the earlier rank a published
//! change implies, pools of different sizes, and the road to a top-N goal.

use core::fmt;

use rust_decimal::Decimal;

use super::check_rank;
use crate::exact::checked;
use crate::growth::Reach;
use crate::{Error, Figure, Period, Quantity, Result, Unit};

/// A published rank in one edition of a ranking, with the pool size when
/// known (169 zones in one year, 178 in another).
///
/// # Examples
///
/// ```
/// use indstat::rank::RankObservation;
/// use indstat::Period;
/// use indstat::dec;
///
/// let r = RankObservation::new(Period::year(2023)?, 122, Some(178))?;
/// assert_eq!(r.percentile(), Some(dec!(56) / dec!(177))); // 56 of the 177 others rank below
/// assert!(RankObservation::new(Period::year(2023)?, 180, Some(178)).is_err());
/// assert!(RankObservation::new(Period::year(2023)?, 0, None).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "RankObservationRaw"))]
pub struct RankObservation {
    edition: Period,
    rank: u32,
    pool: Option<u32>,
}

#[cfg(feature = "serde")]
crate::serde_str::read_through!(
    RankObservation,
    RankObservationRaw {
        edition: Period,
        rank: u32,
        pool: Option<u32>,
    },
    |r| RankObservation::new(r.edition, r.rank, r.pool)
);

impl RankObservation {
    /// The rank `rank` (1 = top) in `edition`, among `pool` entries if known.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRank`] for rank 0 or a rank above the pool size.
    ///
    /// ```
    /// use indstat::{rank::RankObservation, Period};
    /// assert_eq!(RankObservation::new(Period::year(2023)?, 122, None)?.rank(), 122);
    /// assert!(RankObservation::new(Period::year(2023)?, 0, None).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn new(edition: Period, rank: u32, pool: Option<u32>) -> Result<RankObservation> {
        check_rank(rank, pool)?;
        Ok(RankObservation {
            edition,
            rank,
            pool,
        })
    }

    /// The edition (the evaluation year, which usually lags the data year).
    ///
    /// ```
    /// use indstat::{rank::RankObservation, Period};
    /// let r = RankObservation::new(Period::year(2023)?, 122, None)?;
    /// assert_eq!(r.edition(), Period::year(2023)?);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn edition(&self) -> Period {
        self.edition
    }

    /// The rank, 1 = top.
    ///
    /// ```
    /// use indstat::{rank::RankObservation, Period};
    /// assert_eq!(RankObservation::new(Period::year(2023)?, 7, Some(9))?.rank(), 7);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn rank(&self) -> u32 {
        self.rank
    }

    /// The number of entities ranked, if known.
    ///
    /// ```
    /// use indstat::{rank::RankObservation, Period};
    /// assert_eq!(RankObservation::new(Period::year(2023)?, 7, Some(9))?.pool(), Some(9));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn pool(&self) -> Option<u32> {
        self.pool
    }

    /// The share of the other entries ranked below: `(pool − rank) / (pool −
    /// 1)`, 1 at the top and 0 at the bottom (SQL `PERCENT_RANK` in the
    /// descending order); `None` without a pool size, `1` for a pool of one.
    /// Comparable across editions whose pools differ.
    ///
    /// ```
    /// use indstat::{rank::RankObservation, Period};
    /// use indstat::dec;
    /// let r = RankObservation::new(Period::year(2016)?, 1, Some(147))?;
    /// assert_eq!(r.percentile(), Some(dec!(1)));
    /// assert_eq!(RankObservation::new(Period::year(2016)?, 1, None)?.percentile(), None);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn percentile(&self) -> Option<Decimal> {
        percentile(self.rank, self.pool)
    }
}

/// A change of rank between two editions: `previous − current` places,
/// positive when the entity climbed (139 → 122 is up 17 places, 上升17位).
///
/// # Examples
///
/// ```
/// use indstat::rank::RankChange;
///
/// let c = RankChange::new(139, 122)?;
/// assert_eq!(c.places(), 17);
/// assert_eq!(c.zh(), "上升17位");
/// assert_eq!(c.to_string(), "up 17 places");
/// // The article gives only the new rank and the change: the old rank follows.
/// assert_eq!(RankChange::from_published(122, 17)?.previous(), 139);
/// assert!(RankChange::from_published(3, -5).is_err()); // would be rank -2
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "RankChangeRaw"))]
pub struct RankChange {
    previous: RankObservationLite,
    current: RankObservationLite,
}

/// A rank with its optional pool (editions are optional for a bare change).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
struct RankObservationLite {
    rank: u32,
    pool: Option<u32>,
}

// Each rank checked as the constructors check it: from 1, within its pool.
#[cfg(feature = "serde")]
crate::serde_str::read_through!(
    RankChange,
    RankChangeRaw {
        previous: RankObservationLite,
        current: RankObservationLite,
    },
    |r| {
        check_rank(r.previous.rank, r.previous.pool)?;
        check_rank(r.current.rank, r.current.pool)?;
        Ok(RankChange {
            previous: r.previous,
            current: r.current,
        })
    }
);

impl RankChange {
    /// From the previous and the current rank.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRank`] for a rank of 0.
    ///
    /// ```
    /// assert_eq!(indstat::rank::RankChange::new(5, 9)?.places(), -4);
    /// assert!(indstat::rank::RankChange::new(0, 9).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn new(previous: u32, current: u32) -> Result<RankChange> {
        check_rank(previous, None)?;
        check_rank(current, None)?;
        Ok(RankChange {
            previous: RankObservationLite {
                rank: previous,
                pool: None,
            },
            current: RankObservationLite {
                rank: current,
                pool: None,
            },
        })
    }

    /// The change implied by a current rank and a published change in places
    /// (positive = climbed): the earlier rank is `current + places_up`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRank`] when either rank would be below 1 or beyond
    /// `u32`.
    ///
    /// ```
    /// let c = indstat::rank::RankChange::from_published(122, 17)?;
    /// assert_eq!((c.previous(), c.current()), (139, 122));
    /// assert!(indstat::rank::RankChange::from_published(0, 17).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn from_published(current: u32, places_up: i64) -> Result<RankChange> {
        let previous = i64::from(current)
            .checked_add(places_up)
            .and_then(|p| u32::try_from(p).ok())
            .filter(|&p| p >= 1)
            .ok_or_else(|| Error::InvalidRank {
                rank: format!("{current} + {places_up}"),
                reason: "the earlier rank would be below 1 or too large".to_owned(),
            })?;
        RankChange::new(previous, current)
    }

    /// Between two editions, keeping their pool sizes.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidSpan`] unless `earlier`'s edition precedes `later`'s;
    /// [`Error::FrequencyMismatch`] for editions of different frequencies.
    ///
    /// ```
    /// use indstat::{rank::{RankChange, RankObservation}, Period};
    /// let a = RankObservation::new(Period::year(2019)?, 139, Some(169))?;
    /// let b = RankObservation::new(Period::year(2023)?, 122, Some(178))?;
    /// let c = RankChange::between(&a, &b)?;
    /// assert_eq!(c.places(), 17);
    /// assert!(c.percentile_change().is_some());
    /// assert!(RankChange::between(&b, &a).is_err());
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn between(earlier: &RankObservation, later: &RankObservation) -> Result<RankChange> {
        edition_years(earlier, later)?;
        Ok(RankChange {
            previous: RankObservationLite {
                rank: earlier.rank,
                pool: earlier.pool,
            },
            current: RankObservationLite {
                rank: later.rank,
                pool: later.pool,
            },
        })
    }

    /// The earlier rank.
    ///
    /// ```
    /// assert_eq!(indstat::rank::RankChange::new(139, 122)?.previous(), 139);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn previous(&self) -> u32 {
        self.previous.rank
    }

    /// The later rank.
    ///
    /// ```
    /// assert_eq!(indstat::rank::RankChange::new(139, 122)?.current(), 122);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn current(&self) -> u32 {
        self.current.rank
    }

    /// Places climbed: `previous − current` (negative for a fall).
    ///
    /// ```
    /// assert_eq!(indstat::rank::RankChange::new(122, 139)?.places(), -17);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    #[allow(clippy::arithmetic_side_effects)] // the difference of two u32 fits an i64
    pub fn places(&self) -> i64 {
        i64::from(self.previous.rank) - i64::from(self.current.rank)
    }

    /// The change of [`RankObservation::percentile`] (later − earlier), when
    /// both pool sizes are known: a climb in places can be a fall in
    /// percentile when the pool grows.
    ///
    /// ```
    /// use indstat::{rank::{RankChange, RankObservation}, Period};
    /// use indstat::dec;
    /// let a = RankObservation::new(Period::year(2019)?, 11, Some(11))?;   // last of 11
    /// let b = RankObservation::new(Period::year(2020)?, 11, Some(21))?;   // middle of 21
    /// assert_eq!(RankChange::between(&a, &b)?.percentile_change(), Some(dec!(0.5)));
    /// assert_eq!(RankChange::new(2, 1)?.percentile_change(), None);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn percentile_change(&self) -> Option<Decimal> {
        let before = percentile(self.previous.rank, self.previous.pool)?;
        let after = percentile(self.current.rank, self.current.pool)?;
        after.checked_sub(before)
    }

    /// The Chinese phrase: 上升17位, 下降3位, 持平 (the text of the exact
    /// [`Figure`] of the change).
    ///
    /// ```
    /// assert_eq!(indstat::rank::RankChange::new(5, 8)?.zh(), "下降3位");
    /// assert_eq!(indstat::rank::RankChange::new(5, 5)?.zh(), "持平");
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn zh(&self) -> String {
        self.figure().zh()
    }

    /// The change as an exact figure in places.
    fn figure(&self) -> Figure {
        Figure::exact_value(Quantity::new(
            Decimal::from(self.places()),
            Unit::RANK_CHANGE,
        ))
    }
}

/// One convention for [`RankObservation::percentile`] and
/// [`RankChange::percentile_change`]: `(pool − rank) / (pool − 1)`, `1` for a
/// pool of one (the only entry is at the top), `None` without a pool.
fn percentile(rank: u32, pool: Option<u32>) -> Option<Decimal> {
    let pool = pool?;
    let below = Decimal::from(pool.saturating_sub(rank));
    Some(
        below
            .checked_div(Decimal::from(pool.saturating_sub(1)))
            .unwrap_or(Decimal::ONE),
    )
}

impl fmt::Display for RankChange {
    /// The English phrase: "up 17 places", "down 1 place", "unchanged" (the
    /// text of the exact [`Figure`] of the change).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.figure().en())
    }
}

/// Years between two editions, positive.
fn edition_years(earlier: &RankObservation, later: &RankObservation) -> Result<Decimal> {
    let span = earlier
        .edition
        .years_until_later(&later.edition, "the earlier edition must come first")?;
    Ok(span.to_decimal())
}

/// The road from a rank to a top-N goal without a cross-section: places to
/// go and, at the pace observed between two editions, when.
///
/// # Examples
///
/// ```
/// use indstat::rank::{rank_goal, RankObservation};
/// use indstat::growth::Reach;
/// use indstat::Period;
///
/// // 139 → 122 in one edition; Top 100 is 22 places away: two more editions at 17 a year.
/// let before = RankObservation::new(Period::year(2022)?, 139, None)?;
/// let now = RankObservation::new(Period::year(2023)?, 122, None)?;
/// let goal = rank_goal(&before, &now, 100)?;
/// assert_eq!(goal.places_to_go(), 22);
/// assert_eq!(goal.reach(), Reach::InYears(2));
/// assert_eq!(goal.by(), Some(Period::year(2025)?));
/// assert!(rank_goal(&now, &before, 100).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "RankGoalRaw"))]
pub struct RankGoal {
    target: u32,
    places_to_go: u32,
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_str::decimal"))]
    pace: Decimal,
    reach: Reach,
    by: Option<Period>,
}

// Checked as [`rank_goal`] builds it: a target from 1, and `Reach::Already`
// exactly when no places are left to go.
#[cfg(feature = "serde")]
crate::serde_str::read_through!(
    RankGoal,
    RankGoalRaw {
        target: u32,
        places_to_go: u32,
        #[serde(with = "crate::serde_str::decimal")]
        pace: Decimal,
        reach: Reach,
        by: Option<Period>,
    },
    |r| {
        check_rank(r.target, None)?;
        if (r.places_to_go == 0) != (r.reach == Reach::Already) {
            return Err(Error::InvalidRank {
                rank: r.target.to_string(),
                reason: if r.places_to_go == 0 {
                    "no places to go, yet the goal is not marked as reached".to_owned()
                } else {
                    format!(
                        "{} places to go, yet the goal is marked as reached",
                        r.places_to_go
                    )
                },
            });
        }
        Ok(RankGoal {
            target: r.target,
            places_to_go: r.places_to_go,
            pace: r.pace,
            reach: r.reach,
            by: r.by,
        })
    }
);

impl RankGoal {
    /// The target rank (100 for a Top-100 goal).
    ///
    /// ```
    /// use indstat::{rank::{rank_goal, RankObservation}, Period};
    /// let a = RankObservation::new(Period::year(2022)?, 139, None)?;
    /// let b = RankObservation::new(Period::year(2023)?, 122, None)?;
    /// assert_eq!(rank_goal(&a, &b, 100)?.target(), 100);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn target(&self) -> u32 {
        self.target
    }

    /// Places still to climb: `rank − target`, 0 when already there.
    ///
    /// ```
    /// use indstat::{rank::{rank_goal, RankObservation}, Period};
    /// let a = RankObservation::new(Period::year(2022)?, 139, None)?;
    /// let b = RankObservation::new(Period::year(2023)?, 99, None)?;
    /// assert_eq!(rank_goal(&a, &b, 100)?.places_to_go(), 0);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn places_to_go(&self) -> u32 {
        self.places_to_go
    }

    /// The observed pace in places per year (negative for a fall).
    ///
    /// ```
    /// use indstat::{rank::{rank_goal, RankObservation}, Period};
    /// use indstat::dec;
    /// let a = RankObservation::new(Period::year(2021)?, 139, None)?;
    /// let b = RankObservation::new(Period::year(2023)?, 122, None)?;
    /// assert_eq!(rank_goal(&a, &b, 100)?.pace(), dec!(8.5));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn pace(&self) -> Decimal {
        self.pace
    }

    /// When the goal is reached at that pace: [`Reach::Already`],
    /// [`Reach::InYears`] (whole years after the latest edition) or
    /// [`Reach::Never`] (no climb observed).
    ///
    /// ```
    /// use indstat::{growth::Reach, rank::{rank_goal, RankObservation}, Period};
    /// let a = RankObservation::new(Period::year(2022)?, 120, None)?;
    /// let b = RankObservation::new(Period::year(2023)?, 122, None)?;
    /// assert_eq!(rank_goal(&a, &b, 100)?.reach(), Reach::Never);
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn reach(&self) -> Reach {
        self.reach
    }

    /// The edition year in which the goal is reached at that pace, if ever.
    ///
    /// ```
    /// use indstat::{rank::{rank_goal, RankObservation}, Period};
    /// let a = RankObservation::new(Period::year(2022)?, 139, None)?;
    /// let b = RankObservation::new(Period::year(2023)?, 122, None)?;
    /// assert_eq!(rank_goal(&a, &b, 100)?.by(), Some(Period::year(2025)?));
    /// # Ok::<(), indstat::Error>(())
    /// ```
    pub fn by(&self) -> Option<Period> {
        self.by
    }
}

/// Places to a top-`target` goal from `latest`, and when it is reached at the
/// pace observed since `earlier` (see [`RankGoal`]).
///
/// # Errors
///
/// [`Error::InvalidRank`] for a target of 0; [`Error::InvalidSpan`] unless
/// `earlier` precedes `latest`; [`Error::FrequencyMismatch`] across
/// frequencies; [`Error::NoAdjacentPeriod`] if the year reached is beyond the
/// supported range.
///
/// ```
/// use indstat::{rank::{rank_goal, RankObservation}, Period};
/// let a = RankObservation::new(Period::year(2022)?, 139, None)?;
/// let b = RankObservation::new(Period::year(2023)?, 122, None)?;
/// assert_eq!(rank_goal(&a, &b, 100)?.places_to_go(), 22);
/// assert!(rank_goal(&a, &b, 0).is_err());
/// # Ok::<(), indstat::Error>(())
/// ```
pub fn rank_goal(
    earlier: &RankObservation,
    latest: &RankObservation,
    target: u32,
) -> Result<RankGoal> {
    check_rank(target, None)?;
    let years = edition_years(earlier, latest)?;
    let climbed = RankChange::new(earlier.rank, latest.rank)?.places();
    // `years` is above zero (`edition_years`).
    let pace = checked::div(Decimal::from(climbed), years)?;
    let places_to_go = latest.rank.saturating_sub(target);
    let (reach, by) = reach_at_pace(
        Decimal::from(places_to_go),
        Some((Decimal::from(climbed), years)),
        latest.edition,
    )?;
    Ok(RankGoal {
        target,
        places_to_go,
        pace,
        reach,
        by,
    })
}

/// When `places_to_go` are climbed at a pace of `climbed` places in `years`
/// years from the edition `latest`: the whole years needed, `ceil(places ·
/// years / climbed)` computed from the whole numbers (a rounded pace would
/// miss exact hits: 2 places at 1/3 a year is 6 years, not 7), and the edition
/// reached; `Reach::Never` for no pace or a pace of zero or less. Shared by
/// [`rank_goal`] and the rank targets of [`crate::targets`].
pub(crate) fn reach_at_pace(
    places_to_go: Decimal,
    pace: Option<(Decimal, Decimal)>,
    latest: Period,
) -> Result<(Reach, Option<Period>)> {
    let reach = match pace {
        _ if places_to_go <= Decimal::ZERO => Reach::Already,
        Some((climbed, years)) if climbed > Decimal::ZERO && years > Decimal::ZERO => {
            let product = checked::mul(places_to_go, years)?;
            let needed = checked::div(product, climbed)?.ceil();
            let n = u64::try_from(needed).map_err(|_| Error::overflow("ceil", needed, climbed))?;
            Reach::InYears(n)
        }
        _ => Reach::Never,
    };
    let by = match reach.years() {
        Some(0) => Some(latest),
        Some(n) => {
            let n = i32::try_from(n).map_err(|_| Error::overflow("add years", latest, n))?;
            Some(latest.add_years(n)?)
        }
        None => None,
    };
    Ok((reach, by))
}
