//! The zone report for Rongchang High-Tech Zone (placeholder while the dataset lands).
fn main() {}
