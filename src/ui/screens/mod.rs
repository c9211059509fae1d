//! Whole screens: start, confidence rating, scenario, debrief, result.

#[cfg(feature = "hosted")]
pub mod campaign;
pub mod confidence;
pub mod debrief;
pub mod result;
pub mod round;
pub mod scenario;
pub mod start;
