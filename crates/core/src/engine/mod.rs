//! Engine: playing a round, scoring, drawing rounds, saved progress and
//! what the host page is told.
//! Pure Rust: no browser types, no clock, no randomness of its own (seeds come in).

pub mod discrimination;
#[cfg(test)]
pub(crate) mod fixture;
pub mod keyed;
pub mod mastery;
pub mod order;
pub mod plan;
pub mod progress;
pub mod replay;
pub mod report;
pub mod resume;
pub mod rng;
pub mod round;
pub mod score;
pub mod segments;
mod stored;

pub use replay::{Replay, ReplayVisit};
pub use report::{DueReport, ReportTracker, RoundSnapshot};
pub use resume::RoundRecord;
pub use round::{Action, FlagStatus, Phase, PhraseMark, Round};
pub use score::{PractiseReason, RoundSummary, ScenarioResult};
