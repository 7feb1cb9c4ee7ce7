//! Ranking, percentile ranks and quantiles: invariants (`properties`) and
//! results against pandas, numpy and Excel (`vectors`).

mod properties;
mod vectors;
