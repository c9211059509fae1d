//! ScamSpot's native tools on top of the core: checking and compiling a packs
//! folder on disk, and drawing problems for authors. The binaries are the
//! authors' checker (`scamspot-check`) and the build's site finisher
//! (`scamspot-site`).

pub mod catalogue;
pub mod folder;
pub mod locale;
pub mod precompress;
pub mod render;
pub mod suggest;
