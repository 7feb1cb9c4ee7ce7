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
//! (1800亿元) is for enterprises above designated size.
//!
//! # Examples
//!
//! ```
//! use indstat::datasets::rongchang;
//! use indstat::targets::{Bridge, LevelTarget, Method, Status, Trend};
//! use indstat::{Rate, Series};
//! use rust_decimal_macros::dec;
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
pub use projection::{Projection, ProjectionMethod};
