//! Content: the pack model, parsing and validation. Pure Rust, no browser types.

pub mod diagnostic;
pub mod folder;
pub mod model;
pub mod parse;
pub mod validate;

pub use diagnostic::Diagnostic;
pub use model::*;
pub use parse::{load_catalog, load_scenario};
