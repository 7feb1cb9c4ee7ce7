//! Growth, CAGR and their relatives: invariants and bad input
//! (`properties`), and results against independent references
//! (`vectors`).

mod properties;
mod vectors;
