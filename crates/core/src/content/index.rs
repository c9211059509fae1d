//! The compiled index the browser starts from: the catalog plus one line per
//! pack (enough to show the start screen and draw rounds without downloading
//! any scenario), and the packs the build had to leave out, with why.

use super::model::{Catalog, Channel, Localized, Scenario};
use super::reading::scenario_seconds;
use serde::{Deserialize, Serialize};

pub const INDEX_FILE: &str = "index.json";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteIndex {
    pub catalog: Catalog,
    pub packs: Vec<PackSummary>,
    #[serde(default)]
    pub broken: Vec<BrokenPack>,
}

/// What a round needs to know about a pack before fetching it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackSummary {
    pub id: String,
    /// The compiled pack, relative to the packs folder.
    pub file: String,
    #[serde(rename = "type")]
    pub scam_type: String,
    pub genuine: bool,
    pub techniques: Vec<String>,
    pub channel: Channel,
    pub title: Localized,
    /// Expected seconds to play it and read its debrief
    /// (`reading::scenario_seconds`), in its slowest language, so an estimate
    /// holds in either (over the shipped packs they differ by under 15 s).
    #[serde(default)]
    pub seconds: u32,
}

/// A pack the build could not use, and every problem with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BrokenPack {
    pub file: String,
    pub problems: Vec<String>,
}

impl PackSummary {
    pub fn of(scenario: &Scenario, file: String) -> Self {
        PackSummary {
            id: scenario.id.clone(),
            file,
            scam_type: scenario.scam_type.clone(),
            genuine: scenario.genuine,
            techniques: scenario.techniques.clone(),
            channel: scenario.channel,
            title: scenario.title.clone(),
            seconds: scenario_seconds(scenario).into_values().max().unwrap_or(0),
        }
    }
}

impl SiteIndex {
    pub fn pack(&self, id: &str) -> Option<&PackSummary> {
        self.packs.iter().find(|p| p.id == id)
    }

    /// The index limited to some scam types (all of them when `types` is empty).
    pub fn restricted_to(mut self, types: &[String]) -> SiteIndex {
        if !types.is_empty() {
            self.catalog.types.retain(|t| types.contains(&t.id));
            self.packs.retain(|p| types.contains(&p.scam_type));
        }
        self
    }

    pub fn packs_of_type<'a>(&'a self, scam_type: &'a str) -> impl Iterator<Item = &'a PackSummary> {
        self.packs.iter().filter(move |p| p.scam_type == scam_type)
    }
}
