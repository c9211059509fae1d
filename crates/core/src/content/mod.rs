//! Content: the pack model, parsing and validation. Pure Rust, no browser types.

pub mod decode;
pub mod diagnostic;
#[cfg(any(feature = "authoring", test))]
pub mod fiction;
mod graph;
pub mod index;
#[cfg(any(feature = "authoring", test))]
pub mod locate;
pub mod model;
pub mod parse;
pub mod path;
pub mod problem;
mod problem_text;
pub mod reading;
#[cfg(any(feature = "authoring", test))]
pub mod syntax;
pub mod valid;
pub mod validate;

pub use diagnostic::Diagnostic;
pub use index::{PackSummary, SiteIndex};
pub use model::*;
pub use parse::{load_built_index, load_built_scenario, load_catalog, load_index, load_scenario};
pub use path::FieldPath;
pub use problem::{Code, Problem, Severity};
pub use valid::ValidScenario;
