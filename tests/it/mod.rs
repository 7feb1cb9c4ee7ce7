//! The integration tests: one binary, one module per subject, each using only
//! the public API as a user would. Run one subject with its module path,
//! `cargo test --test it panel::` (or `growth::vectors`, `report::`, …).
//!
//! The root is not called `main.rs` on purpose: proptest looks for a
//! `main.rs` or `lib.rs` above a test's source file, and without one it keeps
//! the module's failure seeds beside it (`panel.rs` and
//! `panel.proptest-regressions`), where they are read back on every run.

// Test code: a failed unwrap, index or overflow is a failed test, which is
// what a test should do with it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation
)]

mod bad_input;
mod composite;
mod dataset;
mod errors;
mod growth;
mod panel;
mod rank;
mod report;
mod serde;
mod targets;
mod text;
mod vectors;
