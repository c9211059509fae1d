//! The app's I/O as hooks: each watches a part of `AppState`, talks to the
//! browser through `web`, and brings what it learns back as an `AppAction`.

mod back_button;
mod by_ptr;
#[cfg(feature = "hosted")]
mod campaign;
mod document_lang;
#[cfg(feature = "hosted")]
mod host_bridge;
#[cfg(feature = "hosted")]
mod host_report;
#[cfg(feature = "hosted")]
mod hosted;
mod pack_index;
mod progress_saver;
mod round_loader;
mod round_saver;

pub use back_button::use_back_button;
pub use document_lang::use_document_lang;
#[cfg(feature = "hosted")]
pub use hosted::use_hosted;
pub use pack_index::use_pack_index;
pub use progress_saver::use_progress_saver;
pub use round_loader::{read_first_pack, use_round_loader};
pub use round_saver::use_round_saver;
