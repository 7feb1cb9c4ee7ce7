//! placeholder
use crate::{Observation, Result};
/// placeholder
pub fn observations() -> Result<Vec<Observation>> {
    Ok(Vec::new())
}
