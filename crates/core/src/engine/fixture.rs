//! A tiny catalog and scenarios for the engine's unit tests, kept as the
//! TOML an author would write in `tests/fixtures/`.

use crate::content::{load_catalog, load_scenario, Catalog, PackSummary, SiteIndex, ValidScenario};
use std::rc::Rc;

pub const CATALOG: &str = include_str!("../../tests/fixtures/catalog.toml");

/// A scam: pay (→ stuck → pay again = scammed, or stop = safe late), or refuse (safe).
pub const SCAM: &str = include_str!("../../tests/fixtures/scam.toml");

/// A genuine offer: use it (trusted) or refuse (false alarm).
pub const GENUINE: &str = include_str!("../../tests/fixtures/genuine.toml");

pub fn catalog() -> Catalog {
    load_catalog("catalog.toml", CATALOG).expect("fixture catalog is valid")
}

pub fn scenario(text: &str, file: &str) -> Rc<ValidScenario> {
    Rc::new(load_scenario(file, text, &catalog()).unwrap_or_else(|e| panic!("fixture {file} invalid: {e:?}")))
}

/// An index of four packs: the two fixtures and two more scams of type "other".
pub fn index() -> SiteIndex {
    let summary = |text: &str, file: &str, id: &str, scam_type: &str| {
        let mut s = PackSummary::of(&scenario(text, &file.replace(".json", ".toml")), file.into());
        s.id = id.into();
        s.scam_type = scam_type.into();
        s
    };
    SiteIndex {
        catalog: catalog(),
        packs: vec![
            summary(SCAM, "demo/scam.json", "demo-scam", "demo"),
            summary(GENUINE, "demo/real.json", "demo-real", "demo"),
            summary(SCAM, "other/a.json", "other-a", "other"),
            PackSummary { techniques: vec![], ..summary(SCAM, "other/b.json", "other-b", "other") },
        ],
        broken: vec![],
        only_language: None,
    }
}
