//! What makes reading a panel fast and keeping it small: the CSV reader's
//! word-at-a-time scanning ([`swar`]), keys packed inline and interned in a
//! separate pass ([`intern`]), and the value column of 8 bytes a row
//! ([`values`]). Nothing here knows the text formats or their errors.

pub(super) mod intern;
pub(super) mod swar;
pub(super) mod values;

/// Gives back the room of `column` beyond an eighth of its length: a column
/// reserved from an estimate (or grown by doubling) holds no more than it
/// needs for long (a shrink moves no data of a large column).
pub(super) fn trim<T>(column: &mut Vec<T>) {
    if column.capacity().saturating_sub(column.len()) > column.len() / 8 {
        column.shrink_to_fit();
    }
}
