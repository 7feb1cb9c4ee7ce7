//! Reading and writing panels as text: lines from any reader ([`lines`]),
//! cells and every error that names a line and a column ([`cells`]), the
//! builder every reader fills ([`builder`]), the long CSV format ([`csv`]),
//! SDMX-CSV 2.0 ([`sdmx`]) and RFC 4180 quoting ([`quote`]).
//!
//! Readers build their errors through [`cells`] and their panels through
//! [`builder`]; no format reaches into another.

mod builder;
pub(super) mod cells;
mod csv;
mod lines;
mod quote;
mod sdmx;

pub use sdmx::SdmxOptions;
