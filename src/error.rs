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
    /// A number that `rust_decimal::Decimal` does not hold exactly: more than
    /// 28 decimal places, or more than 79,228,162,514,264,337,593,543,950,335
    /// (2^96 − 1) without its decimal point. The rule of every reader.
    #[error(
        "number {input:?} is out of range: a decimal holds a number exactly with {}",
        crate::exact::parse::RULE
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
    #[error("unit mismatch: expected {expected} ({}), found {found} ({}); only values of one dimension can be combined or compared", .expected.zh(), .found.zh())]
    UnitMismatch {
        /// The unit the operation required (the left operand's).
        expected: Unit,
        /// The unit it was given.
        found: Unit,
    },
    /// A conversion between magnitudes would need more than 28 decimal places
    /// or more than 96 bits of mantissa, so it cannot be exact.
    #[error(
        "{value} {from} cannot be expressed exactly in {to}: the result needs more than 28 significant digits; use fewer digits or another magnitude"
    )]
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
    #[error("division by zero: {dividend} / 0; the divisor must not be zero")]
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
    #[error("duplicate period {period} in series {series}: keep one value per period")]
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
    /// Growth from a zero base is undefined (pandas and polars give ±inf or NaN).
    #[error("growth is undefined: the base {base} is zero (current {current})")]
    ZeroBase {
        /// The base value, as text.
        base: String,
        /// The current value, as text.
        current: String,
    },
    /// Growth from a negative base has no agreed meaning: the naive formula
    /// reads a halved loss (−100 → −50) as a 50% fall.
    #[error(
        "growth is undefined: the base {base} is negative (current {current}); report the change itself"
    )]
    NegativeBase {
        /// The base value, as text.
        base: String,
        /// The current value, as text.
        current: String,
    },
    /// The value changed sign (a profit became a loss): a growth rate below
    /// −100% would be meaningless.
    #[error("growth is undefined: the value changed sign from {base} to {current}")]
    SignChange {
        /// The base value, as text.
        base: String,
        /// The current value, as text.
        current: String,
    },
    /// A calculation needed a value that is not in the series.
    #[error(
        "no value for {period} in series {series}: add it, or measure from a period that has one"
    )]
    MissingValue {
        /// The period without a value.
        period: Period,
        /// The series (entity and indicator code).
        series: String,
    },
    /// A percentage (a share, a rate) changes in percentage points; its percent
    /// growth is asked for only explicitly.
    #[error(
        "{base} and {current} are percentages: their change is in percentage points (use percentage_point_change), or ask for growth_of_share explicitly"
    )]
    ShareGrowth {
        /// The base value, as text.
        base: String,
        /// The current value, as text.
        current: String,
    },
    /// A growth rate outside the range a calculation accepts (a rate of −100%
    /// or less cannot be compounded).
    #[error("rate {rate} is out of range: {reason}")]
    RateOutOfRange {
        /// The rate, as text.
        rate: String,
        /// The accepted range.
        reason: &'static str,
    },
    /// A span of time that a calculation cannot use: zero or negative years, a
    /// deadline at or before the base period.
    #[error("invalid span from {from} to {to}: {reason}")]
    InvalidSpan {
        /// The start, as text.
        from: String,
        /// The end, as text.
        to: String,
        /// Why the span cannot be used.
        reason: &'static str,
    },
    /// A value outside the domain of a calculation (a non-positive start value
    /// for a CAGR, a negative target).
    #[error("{value} is outside the domain of {operation}: {reason}")]
    OutOfDomain {
        /// The value, as text.
        value: String,
        /// The calculation.
        operation: &'static str,
        /// What the calculation accepts.
        reason: &'static str,
    },
    /// A calculation whose honest answer depends on an assumption the caller
    /// has not stated (a comparable-price rate applied to a current-price
    /// level, two scopes compared as one).
    #[error("{operation} needs an assumption: {assumption}; state it to proceed")]
    AssumptionRequired {
        /// The calculation.
        operation: &'static str,
        /// The assumption it needs, in words.
        assumption: String,
    },
    /// Parts do not add up to the total they are said to make.
    #[error("components do not add up: they sum to {sum}, the total is {total}")]
    InconsistentTotal {
        /// The sum of the parts, as text.
        sum: String,
        /// The total given, as text.
        total: String,
    },
    /// A list that must not be empty was empty.
    #[error("{what} is empty")]
    Empty {
        /// What was empty.
        what: &'static str,
    },
    // targets
    /// A value was measured against a target of another scope without a
    /// bridge (all-industry output against an above-designated-size target).
    #[error(
        "scope mismatch: the target is for {target}, the data for {data}; state a bridge (assume them equal, a ratio, or an observed base in the target's scope)"
    )]
    ScopeMismatch {
        /// The target's scope, in words.
        target: String,
        /// The data's scope, in words.
        data: String,
    },
    /// Money values at different price bases were combined without an
    /// assumption that they are comparable.
    #[error(
        "price basis mismatch: the target is at {target}, the data at {data}; state Assumption::PriceBasesEqual to compare them"
    )]
    PriceBasisMismatch {
        /// The target's price basis, in words.
        target: String,
        /// The data's price basis, in words.
        data: String,
    },
    /// Thresholds for an on-track classification that are not strictly
    /// decreasing or are empty.
    #[error("invalid thresholds {thresholds}: {reason}")]
    InvalidThresholds {
        /// The thresholds, as text.
        thresholds: String,
        /// What is wrong with them.
        reason: &'static str,
    },
    // ranking and composite
    /// Every value of a cross-section (or of one indicator) is missing, so
    /// nothing can be ranked or normalised.
    #[error("all {count} values of {what} are missing: supply at least one value")]
    AllMissing {
        /// What was all missing: "the cross-section", an indicator code.
        what: String,
        /// How many values there were.
        count: usize,
    },
    /// One entity appears twice in a cross-section or data set.
    #[error("duplicate entity {entity}: give each entity one value per indicator")]
    DuplicateEntity {
        /// The entity given twice.
        entity: String,
    },
    /// An entity asked for is not in the cross-section or data set.
    #[error("unknown entity {entity}: it is not in the cross-section")]
    UnknownEntity {
        /// The entity asked for.
        entity: String,
    },
    /// The entity has no value, so it has no rank.
    #[error("entity {entity} has no value for {what}, so it has no rank")]
    Unranked {
        /// The entity.
        entity: String,
        /// The indicator or node code, or "the cross-section".
        what: String,
    },
    /// A rank outside 1 ..= the pool size, or a rank change that would lead
    /// outside it.
    #[error("invalid rank {rank}: {reason}")]
    InvalidRank {
        /// The rank (or rank arithmetic), as text.
        rank: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A probability outside [0, 1] given to a quantile.
    #[error("probability {p} is outside [0, 1]")]
    InvalidProbability {
        /// The probability, as text.
        p: String,
    },
    /// A quantile whose position falls outside the data (Excel's #NUM! for
    /// PERCENTILE.EXC; numpy clips instead).
    #[error(
        "quantile {p} of {n} values is out of range for {method}: p must lie in [{low}, {high}]"
    )]
    QuantileOutOfRange {
        /// The probability, as text.
        p: String,
        /// The number of values.
        n: usize,
        /// The method.
        method: &'static str,
        /// The least allowed p, as text.
        low: String,
        /// The greatest allowed p, as text.
        high: String,
    },
    /// A value outside the range of the data, where a percentile rank is not
    /// defined (Excel's #N/A for PERCENTRANK).
    #[error("{value} is outside the data range [{min}, {max}]: its percentile rank is undefined")]
    OutsideRange {
        /// The value, as text.
        value: String,
        /// The least value in the data, as text.
        min: String,
        /// The greatest value in the data, as text.
        max: String,
    },
    /// An indicator or aggregate code given twice.
    #[error("duplicate code {code}: each node of an indicator tree needs its own code")]
    DuplicateCode {
        /// The code given twice.
        code: String,
    },
    /// A code that is not in the indicator tree or the data.
    #[error("unknown code {code} in {context}: add it or correct the spelling")]
    UnknownCode {
        /// The code.
        code: String,
        /// Where it was used.
        context: String,
    },
    /// A tree node whose parent does not exist.
    #[error("node {code} names parent {parent}, which is not in the tree")]
    OrphanNode {
        /// The node.
        code: String,
        /// The missing parent.
        parent: String,
    },
    /// An indicator tree with a cycle.
    #[error("the indicator tree has a cycle: {path}")]
    TreeCycle {
        /// The cycle, as `a -> b -> a`.
        path: String,
    },
    /// An indicator tree without exactly one root.
    #[error("an indicator tree needs exactly one root (a node without parent), found {roots:?}")]
    RootCount {
        /// The roots found.
        roots: Vec<String>,
    },
    /// A weight that is negative.
    #[error("weight {weight} of {code} is negative: weights must be zero or more")]
    NegativeWeight {
        /// The node.
        code: String,
        /// The weight, as text.
        weight: String,
    },
    /// The weights of a group sum to zero, so they cannot be renormalised.
    #[error(
        "the weights of the children of {group} sum to zero: give at least one a positive weight"
    )]
    ZeroWeightSum {
        /// The parent whose children's weights sum to zero.
        group: String,
    },
    /// An aggregator or normaliser met a value outside its domain (a geometric
    /// mean over zero, a harmonic mean over a negative value).
    #[error(
        "{operation} needs {requirement}, but {indicator} of {entity} is {value}: rescale first (e.g. min-max onto [1, 100])"
    )]
    AggregationDomain {
        /// The aggregator.
        operation: &'static str,
        /// What it needs.
        requirement: &'static str,
        /// The entity.
        entity: String,
        /// The indicator or aggregate code.
        indicator: String,
        /// The value, as text.
        value: String,
    },
    /// A normaliser cannot scale an indicator whose values are all equal
    /// (min-max range zero, z-score standard deviation zero).
    #[error("{method} cannot normalise {indicator}: all its values equal {value}")]
    ConstantIndicator {
        /// The normaliser.
        method: &'static str,
        /// The indicator code.
        indicator: String,
        /// The one value, as text.
        value: String,
    },
    /// A parameter outside its allowed range.
    #[error("invalid {name} {value}: {reason}")]
    InvalidParameter {
        /// The parameter.
        name: &'static str,
        /// Its value, as text.
        value: String,
        /// What is allowed.
        reason: &'static str,
    },
    // panels
    /// A panel file whose first line is not the header its format needs (or
    /// an empty file).
    #[error(
        "line {line}, column {column}: expected the header {expected:?}, found {found:?}; make the header the first line"
    )]
    MissingHeader {
        /// The line (1-based).
        line: u64,
        /// The first field that differs (1-based).
        column: usize,
        /// The header the format needs.
        expected: String,
        /// The line as found.
        found: String,
    },
    /// A row whose number of fields differs from the header's.
    #[error(
        "line {line}, column {column}: expected {expected} fields, found {found} in {text:?}; give every row the header's columns"
    )]
    ColumnCount {
        /// The line (1-based).
        line: u64,
        /// The first field too many, or the last field present (1-based).
        column: usize,
        /// The header's number of fields.
        expected: usize,
        /// The row's number of fields.
        found: usize,
        /// The row as found.
        text: String,
    },
    /// A cell that cannot be read: a value that is not a plain decimal or has
    /// more than 28 significant digits, a period that does not parse, an empty
    /// key.
    #[error("line {line}, column {column}: {text:?} is not {what}: {reason}")]
    InvalidCell {
        /// The line (1-based).
        line: u64,
        /// The field (1-based).
        column: usize,
        /// What the cell should hold ("a decimal value", "a period", …).
        what: &'static str,
        /// The cell as found.
        text: String,
        /// Why it cannot be read, and what to write instead.
        reason: String,
    },
    /// Two rows for one (entity, period, indicator).
    #[error(
        "line {line}, column {column}: duplicate observation of {indicator} for {entity} in {period} (first on line {first_line}); keep one row per entity, period and indicator"
    )]
    DuplicateObservation {
        /// The line of the second row (1-based).
        line: u64,
        /// The entity's field (1-based).
        column: usize,
        /// The line of the first row.
        first_line: u64,
        /// The entity.
        entity: String,
        /// The period.
        period: String,
        /// The indicator.
        indicator: String,
    },
    /// The input ends in the middle of a row.
    #[error(
        "line {line}, column {column}: the input ends in the middle of a row {text:?}; complete the row or remove it"
    )]
    UnexpectedEnd {
        /// The line of the incomplete row (1-based).
        line: u64,
        /// The field where the input ends (1-based).
        column: usize,
        /// The incomplete row.
        text: String,
    },
    /// Bytes that are not UTF-8.
    #[error("line {line}, column {column}: invalid UTF-8; save the file as UTF-8")]
    InvalidUtf8 {
        /// The line (1-based).
        line: u64,
        /// The field holding the bytes (1-based).
        column: usize,
    },
    /// Reading or writing failed in the operating system.
    #[error("input/output failed: {message}; check the file or stream and retry")]
    Io {
        /// The system's message.
        message: String,
    },
    /// A folder or file could not be created or written: the path and the
    /// operating system's reason.
    #[error("cannot {action} {}: {reason}", path.display())]
    File {
        /// What was being done: "create the folder", "write".
        action: &'static str,
        /// The folder or file.
        path: std::path::PathBuf,
        /// The kind of failure (permission denied, not a directory, …).
        kind: std::io::ErrorKind,
        /// The operating system's message.
        reason: String,
    },
    /// A key that a text format cannot hold (a comma or line break in an
    /// entity name written to CSV).
    #[error("{what} {text:?} cannot be written to {format}: {reason}")]
    Unwritable {
        /// "entity", "indicator", …
        what: &'static str,
        /// The key.
        text: String,
        /// The format.
        format: &'static str,
        /// Why, and what to do.
        reason: &'static str,
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

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io {
            message: e.to_string(),
        }
    }
}

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
