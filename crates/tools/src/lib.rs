//! ScamSpot's native tools on top of the core: checking and compiling a packs
//! folder on disk. The binaries are the authors' checker (`scamspot-check`)
//! and the build's site finisher (`scamspot-site`).

pub mod folder;
