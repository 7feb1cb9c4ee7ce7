//! Built-in datasets: real figures to run examples and tests on.

pub mod rongchang;
