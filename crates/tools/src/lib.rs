//! ScamSpot's native tools on top of the core: checking and compiling a packs
//! folder on disk, and drawing problems for authors. The binaries are the
//! authors' checker (`scamspot-check`), the build's site finisher
//! (`scamspot-site`) and the SCORM 1.2 packager (`scamspot-scorm`).

pub mod catalogue;
pub mod comments;
pub mod folder;
pub mod locale;
pub mod minify;
pub mod precompress;
pub mod render;
pub mod scorm;
pub mod suggest;
pub mod wasm_imports;
pub mod zip;
