//! Composite indices after the OECD/JRC Handbook and COINr: an indicator
//! tree with weights, normalisers, aggregators, missing values re-weighted
//! under a minimum-coverage rule, a log of every step, the composite rank,
//! its uncertainty under changed weights and methods (seeded Monte Carlo),
//! and what it would take an entity to reach a target rank.
//!
//! Everything is keyed by code: indicators by [`IndicatorCode`](crate::IndicatorCode),
//! entities by [`EntityId`](crate::EntityId), never by position (COINr issue #62).
//! Nothing falls back silently: every score carries its coverage (the share
//! of the node's weight the entity's data stand on) and the results carry
//! the rule; an entity below the rule at a node gets no score there and the
//! log says so; a method that cannot apply (a geometric mean over zero,
//! min-max over a constant) is a typed error, and a Monte Carlo run that
//! draws one is left out and counted.
//!
//! # Examples
//!
//! ```
//! use indstat::composite::{Aggregator, Composite, Data, Node, Normaliser, Spec, Tree};
//! use indstat::EntityId;
//! use indstat::dec;
//!
//! let zones = ["a", "b", "c", "d"].map(|s| EntityId::new(s).unwrap());
//! let tree = Tree::new(vec![
//!     Node::new("index", None, dec!(1))?,
//!     Node::new("innovation", Some("index"), dec!(0.4))?,
//!     Node::new("quality", Some("index"), dec!(0.6))?,
//! ])?;
//! let col = |v: [i64; 4]| zones.iter().cloned().zip(v.map(|x| Some(x.into()))).collect::<Vec<_>>();
//! let data = Data::new(zones.clone())?
//!     .with_indicator("innovation".parse()?, col([10, 40, 30, 20]))?
//!     .with_indicator("quality".parse()?, col([50, 10, 40, 30]))?;
//! let index = Composite::new(tree, Spec::new(Normaliser::min_max(dec!(0), dec!(100))?, Aggregator::Arithmetic));
//! let results = index.compute(&data)?;
//! // c: 0.4·66.67 + 0.6·75 = 71.67, a: 0.4·0 + 0.6·100 = 60.
//! assert_eq!(results.rank(&zones[2])?, Some(1));
//! assert_eq!(results.rank(&zones[0])?, Some(2));
//!
//! // A tree whose group weights sum to zero is refused.
//! let bad = Tree::new(vec![Node::new("index", None, dec!(1))?, Node::new("x", Some("index"), dec!(0))?]);
//! assert!(bad.is_err());
//! # Ok::<(), indstat::Error>(())
//! ```

mod aggregate;
mod compute;
mod data;
mod improve;
mod log;
mod normalise;
mod results;
mod rng;
mod spec;
mod tree;
mod uncertainty;

pub use aggregate::Aggregator;
pub use compute::Composite;
pub use data::Data;
pub use improve::{Improvement, Needed};
pub use log::{LogEntry, Step};
pub use normalise::Normaliser;
pub use results::{Ranked, Results};
pub use spec::Spec;
pub use tree::{Node, Tree};
pub use uncertainty::{RankInterval, RunParameters, Uncertainty, UncertaintyResult};
