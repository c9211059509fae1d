//! Content: the pack model, parsing and validation. Pure Rust, no browser types.

pub mod diagnostic;
pub mod index;
pub mod model;
pub mod parse;
pub mod valid;
pub mod validate;

pub use diagnostic::Diagnostic;
pub use index::{PackSummary, SiteIndex};
pub use model::*;
pub use parse::{load_catalog, load_index, load_scenario};
pub use valid::ValidScenario;
