//! Campus campaigns: a mandated round with a deadline and a pass mark, one
//! link per class. The server re-plans each submitted round from its seed,
//! replays its action log and computes the score itself (`grade`), so a score
//! edited in the browser means nothing; it aggregates the results per class
//! without storing anything personal (`dashboard`), and signs the codes of
//! completion certificates (`certificate`, server only).

#[cfg(any(feature = "certificates", test))]
pub mod certificate;
pub mod dashboard;
pub mod grade;
pub mod plan;
pub mod spec;

pub use dashboard::{ClassFigures, Dashboard, ResultFacts};
pub use grade::{grade, score_percent, GradeError, Graded};
pub use plan::plan_campaign_round;
pub use spec::{CampaignSpec, RoundSpec, SpecError};
