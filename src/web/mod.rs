//! The only layer that touches browser APIs: fetching packs, localStorage,
//! the browser's language and motion preferences.

pub mod locale;
pub mod packs;
pub mod storage;
