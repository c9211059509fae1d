//! The ScamSpot web app, on top of `scamspot_core`.
//!
//! `config` (how an instance is set up) is pure and tested natively; `web`
//! is the only code touching browser APIs and `ui` holds the Yew components,
//! both only in the wasm build. `ui` may use `web`, never the other way.

pub mod config;

#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
