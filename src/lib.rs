//! The ScamSpot web app, on top of `scamspot_core`.
//!
//! `config` (how an instance is set up) and `state` (the app's state and its
//! reducer) are pure and tested natively; `web` is the only code touching
//! browser APIs and `ui` holds the Yew components and hooks, both only in the
//! wasm build. `ui` may use `web` and `state`, never the other way.

pub mod config;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
