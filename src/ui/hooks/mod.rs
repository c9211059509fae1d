//! The app's I/O as hooks: each watches a part of `AppState`, talks to the
//! browser through `web`, and brings what it learns back as an `AppAction`.

mod after_paint;
mod back_button;
mod by_ptr;
mod campaign;
mod document_lang;
mod host_bridge;
mod host_report;
mod pack_index;
mod progress_saver;
mod round_loader;
mod round_saver;

pub use back_button::use_back_button;
pub use campaign::use_campaign;
pub use document_lang::use_document_lang;
pub use host_bridge::use_host_bridge;
pub use host_report::use_host_report;
pub use pack_index::use_pack_index;
pub use progress_saver::use_progress_saver;
pub use round_loader::use_round_loader;
pub use round_saver::use_round_saver;
