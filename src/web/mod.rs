//! The only layer that touches browser APIs: fetching packs, localStorage,
//! the browser's preferences, the page's URL and scroll position.

pub mod browser;
pub mod packs;
pub mod storage;
