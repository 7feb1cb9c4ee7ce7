//! The crate's one error type.

use crate::{Frequency, Period, Unit};

/// Everything that can go wrong in `indstat`.
///
/// One enum for the whole crate (as in jiff): every fallible function returns
/// [`Result<T, Error>`](Result), and every variant carries the input that caused
/// it, so the message alone tells a user what to fix. Messages are lowercase with
/// no trailing period.
///
/// The enum is `#[non_exhaustive]`: later versions add variants, so match with a
/// wildcard arm.
///
/// # Examples
///
/// ```
/// use indstat::{Error, Quantity};
///
/// let err = "1004亿米".parse::<Quantity>().unwrap_err();
/// assert!(matches!(err, Error::UnknownUnit { .. }));
/// assert_eq!(err.to_string(), "unknown unit \"米\" in \"1004亿米\"");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Text could not be read as the thing it was meant to be.
    #[error("cannot parse {input:?} as {expected}: {reason}")]
    Parse {
        /// The text as given.
        input: String,
        /// What it was parsed as ("a quantity", "a period", …).
        expected: &'static str,
        /// Why it failed, in a few words.
        reason: String,
    },
    /// A number is outside the range `rust_decimal::Decimal` can hold
    /// (±79,228,162,514,264,337,593,543,950,335 with up to 28 decimal places).
    #[error(
        "number {input:?} is out of range: a decimal holds at most 28 significant digits and ±7.9e28"
    )]
    NumberOutOfRange {
        /// The number's text.
        input: String,
    },
    /// A unit word or code that this crate does not know.
    #[error("unknown unit {unit:?} in {input:?}")]
    UnknownUnit {
        /// The unit part of the text.
        unit: String,
        /// The whole text.
        input: String,
    },
    /// A measure word that stands for several nouns (个 is said of projects,
    /// problems and platforms); the text must name the noun.
    #[error("ambiguous unit {unit:?} in {input:?}: name the noun, e.g. {suggestion:?}")]
    AmbiguousUnit {
        /// The measure word.
        unit: String,
        /// The whole text.
        input: String,
        /// A form that would parse.
        suggestion: String,
    },
    /// A magnitude outside 10^0 ..= 10^28.
    #[error("magnitude 10^{exponent} is out of range: the exponent must be 0 to 28")]
    MagnitudeOutOfRange {
        /// The exponent asked for.
        exponent: i64,
    },
    /// Two quantities of different dimensions were combined or compared.
    #[error("unit mismatch: expected {expected}, found {found}")]
    UnitMismatch {
        /// The unit the operation required (the left operand's).
        expected: Unit,
        /// The unit it was given.
        found: Unit,
    },
    /// A conversion between magnitudes would need more than 28 decimal places
    /// or more than 96 bits of mantissa, so it cannot be exact.
    #[error("{value} {from} cannot be expressed exactly in {to}")]
    Inexact {
        /// The value in its original unit.
        value: String,
        /// The original unit.
        from: Unit,
        /// The unit asked for.
        to: Unit,
    },
    /// A checked arithmetic operation overflowed `Decimal`.
    #[error("decimal overflow in {operation}: {lhs} and {rhs}")]
    Overflow {
        /// The operation ("add", "multiply", …).
        operation: &'static str,
        /// The left operand, as text.
        lhs: String,
        /// The right operand, as text.
        rhs: String,
    },
    /// A division by zero.
    #[error("division by zero: {dividend} / 0")]
    DivisionByZero {
        /// The dividend, as text.
        dividend: String,
    },
    /// A calculation needed an exact value and was given a bound
    /// ("4000余人" is known only to be more than 4000).
    #[error("{value} is a bound, not an exact value; {operation} needs an exact value")]
    NotExact {
        /// The bounded figure, as text.
        value: String,
        /// What needed the exact value.
        operation: &'static str,
    },
    /// A period that does not exist (`2022-Q5`, month 13, year 0).
    #[error("invalid period {input:?}: {reason}")]
    InvalidPeriod {
        /// The period as given.
        input: String,
        /// Why it is invalid.
        reason: String,
    },
    /// Periods of different frequencies were combined or compared.
    #[error("frequency mismatch: {left} is {left_frequency}, {right} is {right_frequency}")]
    FrequencyMismatch {
        /// The first period.
        left: Period,
        /// Its frequency.
        left_frequency: Frequency,
        /// The second period.
        right: Period,
        /// Its frequency.
        right_frequency: Frequency,
    },
    /// A period has no predecessor or successor inside the supported range, or
    /// (for year-to-date cumulatives) within its year.
    #[error("{period} has no {direction} period: {reason}")]
    NoAdjacentPeriod {
        /// The period.
        period: Period,
        /// "previous" or "next".
        direction: &'static str,
        /// Why not.
        reason: &'static str,
    },
    /// A series or panel was given two values for one period.
    #[error("duplicate period {period} in series {series}")]
    DuplicatePeriod {
        /// The period given twice.
        period: Period,
        /// The series (entity and indicator code).
        series: String,
    },
    /// A value is impossible for its indicator (a negative count, rank 0, a
    /// fractional number of enterprises).
    #[error("invalid value {value} for indicator {indicator}: {reason}")]
    InvalidValue {
        /// The indicator's code.
        indicator: String,
        /// The value, as text.
        value: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// An identifier (indicator code, entity id) is empty or holds characters
    /// other than ASCII letters, digits, `_`, `-` and `.`.
    #[error("invalid {what} {input:?}: use 1 to 64 ASCII letters, digits, '_', '-' or '.'")]
    InvalidCode {
        /// "indicator code" or "entity id".
        what: &'static str,
        /// The identifier as given.
        input: String,
    },
    /// An observation does not belong to the series it was added to.
    #[error("observation of {found} does not belong to series {expected}")]
    SeriesMismatch {
        /// The series' entity and indicator.
        expected: String,
        /// The observation's entity and indicator.
        found: String,
    },
}

/// The crate's result type: `Result<T, indstat::Error>`.
///
/// # Examples
///
/// ```
/// fn parse(text: &str) -> indstat::Result<indstat::Quantity> {
///     text.parse()
/// }
/// assert!(parse("1004亿元").is_ok());
/// assert!(parse("").is_err());
/// ```
pub type Result<T, E = Error> = core::result::Result<T, E>;

impl Error {
    pub(crate) fn parse(input: &str, expected: &'static str, reason: impl Into<String>) -> Self {
        Error::Parse {
            input: input.to_owned(),
            expected,
            reason: reason.into(),
        }
    }

    pub(crate) fn overflow(
        operation: &'static str,
        lhs: impl core::fmt::Display,
        rhs: impl core::fmt::Display,
    ) -> Self {
        Error::Overflow {
            operation,
            lhs: lhs.to_string(),
            rhs: rhs.to_string(),
        }
    }
}
