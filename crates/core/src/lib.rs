//! ScamSpot's pure core: what every layer above shares.
//!
//! `content` (pack model, parsing, validation) → `engine` (playing a round,
//! scoring, drawing rounds, saved progress, the host report), with `i18n`
//! (the interface strings) beside them. No browser types, no async runtime,
//! no clock and no randomness of its own: days and seeds come in as
//! arguments. The web app (`src/`), the tools (`crates/tools`) and the server
//! build on this crate; it can import none of them.

pub mod campaign;
pub mod content;
pub mod engine;
pub mod i18n;
pub mod json;
pub mod room;
pub mod scan;
