#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod assumption;
mod bound;
mod code;
mod entity;
mod error;
mod exact;
mod figure;
mod indicator;
mod literal;
mod observation;
mod period;
mod quantity;
mod rate;
mod rounding;
#[cfg(feature = "serde")]
mod serde_str;
mod series;
mod text;
mod unit;

pub mod composite;
pub mod datasets;
pub mod growth;
pub mod panel;
pub mod rank;
pub mod report;
pub mod targets;

pub use assumption::{Assumption, Estimate};
pub use bound::{Bound, Truth};
pub use entity::EntityId;
pub use error::{Error, Result};
pub use figure::Figure;
pub use indicator::{ChangeMeasure, Direction, Indicator, IndicatorCode, Kind, PriceBasis, Scope};
pub use observation::{ObsStatus, Observation, Source};
pub use panel::Panel;
pub use period::{Frequency, MAX_YEAR, MIN_YEAR, Period, YearSpan};
pub use quantity::Quantity;
pub use rate::{PercentagePoints, Rate};
pub use rounding::{DISPLAY_ROUNDING, round_for_display};
pub use series::{Point, Series};
pub use unit::{Dimension, Magnitude, Noun, Unit};

/// Re-export of the decimal type every value is made of.
pub use rust_decimal::Decimal;
/// Re-export of the rounding strategies `Decimal` takes
/// (`round_dp_with_strategy`); the crate's own display rounding is
/// [`DISPLAY_ROUNDING`].
pub use rust_decimal::RoundingStrategy;

/// What the crate's macros call; not part of the public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::literal::decimal_literal;
}
