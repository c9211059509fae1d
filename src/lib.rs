//! ScamSpot (识骗): learn to recognise telecom and online fraud by playing it.
//!
//! Layers, and the only direction they may depend on each other:
//! `content` (pack model, parsing, validation) → `engine` (playing a round,
//! scoring, saved progress) → `ui` (Yew components), with `web` as the only
//! place that touches browser APIs. `content`, `engine` and `i18n` are plain
//! Rust and are tested natively; `web` and `ui` exist only in the wasm build.

pub mod config;
pub mod content;
pub mod engine;
pub mod i18n;

#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
