//! Content: the pack model, parsing and validation. Pure Rust, no browser types.

pub mod diagnostic;
#[cfg(not(target_arch = "wasm32"))]
pub mod folder;
pub mod index;
pub mod model;
pub mod parse;
pub mod validate;

pub use diagnostic::Diagnostic;
pub use model::*;
pub use index::{PackSummary, SiteIndex};
pub use parse::{load_catalog, load_index, load_scenario};
