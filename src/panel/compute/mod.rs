//! The panel's computations: group-wise rank, year-on-year growth, CAGR and
//! target gap, each through the kernel of the scalar function it mirrors,
//! and the [`Reason`] a result is missing for.

mod growth;
mod rank;
mod reasons;
mod target;

pub use growth::{PanelCagr, PanelGrowth, SeriesCagr};
pub use rank::PanelRanks;
pub use reasons::{Reason, ReasonCounts};
pub use target::{PanelTarget, SeriesTarget};
