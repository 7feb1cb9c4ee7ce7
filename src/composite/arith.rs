//! Checked decimal arithmetic for the composite pipeline: every overflow is
//! [`Error::Overflow`] naming its operands, never a panic.

use rust_decimal::Decimal;

use crate::{Error, Result};

pub(crate) fn add(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_add(b).ok_or_else(|| Error::overflow("add", a, b))
}

pub(crate) fn sub(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_sub(b)
        .ok_or_else(|| Error::overflow("subtract", a, b))
}

pub(crate) fn mul(a: Decimal, b: Decimal) -> Result<Decimal> {
    a.checked_mul(b)
        .ok_or_else(|| Error::overflow("multiply", a, b))
}

pub(crate) fn div(a: Decimal, b: Decimal) -> Result<Decimal> {
    if b.is_zero() {
        return Err(Error::DivisionByZero {
            dividend: a.to_string(),
        });
    }
    a.checked_div(b)
        .ok_or_else(|| Error::overflow("divide", a, b))
}
