//! The only layer that touches browser APIs: fetching packs, localStorage,
//! the browser's preferences, the page's URL, history and scroll position,
//! the next paint, speech synthesis, the host page around an embed, and the
//! lecture room's socket.

pub mod browser;
pub mod campaign;
pub mod history;
#[cfg(feature = "hosted")]
pub mod host;
pub mod packs;
pub mod paint;
pub mod presenter;
pub mod socket;
pub mod speech;
pub mod storage;
