//! The ScamSpot web app, on top of `scamspot_core`.
//!
//! `config` (how an instance is set up) and `state` (the app's state and its
//! reducer) are pure and tested natively; `web` is the only code touching
//! browser APIs and `ui` holds the Yew components and hooks, both only in the
//! wasm build. `ui` may use `web` and `state`, never the other way.
//!
//! Two learner builds come from it: with the `hosted` feature (on by default,
//! so native tests cover it; `scamspot-hosted`) for the embeds, a campaign
//! class link and a host's own pack, and without it (`scamspot`, the app's own
//! page) with none of that code. Items only the hosted build has are behind
//! `#[cfg(feature = "hosted")]`, whole modules where possible.

pub mod config;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;

/// Talc instead of the standard library's dlmalloc: 2.8 KB gzip less in every
/// wasm, with the same taps and memory on the phone profile (README, "Sixth
/// round").
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
