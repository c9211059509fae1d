//! The only layer that touches browser APIs: fetching packs, localStorage,
//! the browser's preferences, the page's URL and history and scroll position, and the
//! host page around an embed.

pub mod browser;
pub mod history;
pub mod host;
pub mod packs;
pub mod storage;
