//! Targets: level, count and rank targets; gap analysis with required and
//! trend growth, projections and milestones; on-track classification by the
//! published methods; scenario tables; time progress within a year (时间进度).
//!
//! # Scope safety
//!
//! A target names its indicator, and so its scope and price basis. Measuring
//! data of another scope against it is
//! [`Error::ScopeMismatch`](crate::Error::ScopeMismatch) until the caller
//! states a [`Bridge`]; the analysis records the bridge as an
//! [`Assumption`](crate::Assumption), and reports print it. The article's
//! case: its 2022 base (1004亿元) is all-industry output, its 2026 target
//! (1800亿元) is for enterprises above designated size. A ratio bridge
//! respects which scope is part of which ([`Scope::is_part_of`](crate::Scope::is_part_of)):
//! above designated size is part of all industry, so its ratio to all
//! industry is in (0, 1], and an observed base in it cannot exceed the
//! all-industry value; a scope is all of itself, so its ratio to itself is 1.
//!
//! # One verdict: [`LevelTarget::is_met_by`]
//!
//! A target is met in its [`direction`](LevelTarget::direction) (up for
//! 以上/突破, down for 以下/不超过, the indicator's for an exact number), and
//! strictly for 突破/余 and 不足. Every verdict — the base, each projection,
//! each scenario, the years to reach — is that one predicate, with no
//! tolerance, and a projection beyond `Decimal`'s range is judged by the
//! side it lies on ([`OutOfRange`]). The gap and the completion are taken in
//! the same direction: a cap of 0.45 from 0.54 has 0.09 still to cut and is
//! 83.3% done, and so are the on-track scores ([`Method`]). The required
//! rate is the one at which the base reaches the
//! target's number exactly by the deadline, so growth at that rate reaches
//! 1800 and does not pass 突破1800: [`GapAnalysis::requirement`] says
//! *above* it, and the scenario at it is [`Verdict::ReachesOnly`] ("reaches
//! 1800亿元, not above it"). The projection at exactly the required rate is
//! the target's number by that definition (the rate's 28 digits alone would
//! land a unit of the 26th digit to either side).
//!
//! # Rounding of computed results
//!
//! A difference of computed values — the gap from a bridged base, a
//! projection's shortfall, the distances of the UNSD ρ — can need more
//! digits than a `Decimal` holds (1800亿元 − 696.78344462879857933201284063亿元
//! has 30). Such a difference is rounded once, from the exact value, to 28
//! significant digits and at most 28 decimal places, ties to even
//! (`RoundingStrategy::MidpointNearestEven`, the result of Python's
//! `decimal` with its default context); a difference that fits is exact. The
//! same rule converts a computed value to another magnitude. Products,
//! quotients and roots are `Decimal`'s own, rounded to the nearest
//! representable value. A linear trend's value is an exact sum divided
//! once, so a history on a line projects the line's value exactly (280 →
//! 300 gives 380 four years on, weighted or not). A fall is computed from
//! the exact power and rounded once; only a value below the last decimal
//! place (10⁻²⁸ of the unit) is zero. A projection beyond `Decimal`'s range
//! (about 7.9·10²⁸) is not an error: it is recorded as
//! [`OutOfRange`], and the rest of the analysis stands.
//!
//! # Flows over part of a year
//!
//! A flow or count per quarter, half, month or year-to-date cumulative is
//! seasonal: Q4 output is not Q1 output grown for three quarters. Such a
//! history is compared **year on year**, with the same part of another year
//! (同比): the default base is the latest value for the deadline's quarter
//! (month, half, cumulative), the trend runs from the first value of that
//! quarter, the linear trends are fitted to that quarter's values, and the
//! required path has one milestone a year, in that quarter (and for a
//! cumulative 1–m月 of any kind, the same months of each year). A
//! base, baseline or deadline in another quarter is refused
//! ([`Error::InvalidSpan`](crate::Error::InvalidSpan), naming both periods),
//! and with no earlier value for the same quarter there is no trend
//! ([`Unassessable::NoSameSeason`]). A stock (a level at a date) is not
//! seasonal in this sense.
//!
//! # Examples
//!
//! ```
//! use indstat::datasets::rongchang;
//! use indstat::targets::{Bridge, LevelTarget, Method, Status, Trend};
//! use indstat::{Rate, Series};
//! use indstat::dec;
//!
//! let t1 = rongchang::target("T1")?.expect("T1");
//! let target = LevelTarget::new(t1.indicator().clone(), *t1.value(), t1.deadline().expect("2026"))?;
//! let output = rongchang::row(3)?.expect("row 3").observation().clone();
//! let history = Series::from_observations([output])?;
//!
//! // Another scope: refused until the caller bridges it.
//! assert!(target.analyse(&history).run().is_err());
//!
//! let gap = target
//!     .analyse(&history)
//!     .bridge(Bridge::AssumeEqual)
//!     .trend(Trend::Rate(Rate::from_percent(dec!(8.5))?))
//!     .run()?;
//! assert_eq!(gap.required().map(|r| r.percent()).transpose()?.map(|p| p.round_dp(2)), Some(dec!(15.71)));
//! assert_eq!(gap.assess(Method::GrowthRatio)?.status(), Status::LimitedProgress);
//! # Ok::<(), indstat::Error>(())
//! ```

mod assess;
mod computed;
mod count_rank;
mod gap;
mod level;
mod progress;
mod projection;
mod trend;

pub use assess::{Assessment, Method, Status, Thresholds, Unassessable};
pub use count_rank::{CountAssessment, CountTarget, RankAssessment, RankTarget};
pub use gap::{Bridge, GapAnalysis, GapAnalysisBuilder, Trend};
pub use level::LevelTarget;
pub use progress::{Profile, TimeProgress, time_progress};
pub use projection::{OutOfRange, Projection, ProjectionMethod, RequiredRate, Verdict};
