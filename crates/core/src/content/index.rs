//! The compiled index the browser starts from: the catalog plus one line per
//! pack (enough to show the start screen and draw rounds without downloading
//! any scenario), and the packs the build had to leave out, with why.

use super::model::{Catalog, Channel, Localized, Scenario};
use super::reading::scenario_seconds;
use serde::{Deserialize, Serialize};

pub const INDEX_FILE: &str = "index.json";

/// The file of the index in one language alone (`SiteIndex::in_language`),
/// beside the full `index.json`: what the app's own page downloads first.
pub fn language_index_file(lang: &str) -> String {
    format!("index.{lang}.json")
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteIndex {
    pub catalog: Catalog,
    pub packs: Vec<PackSummary>,
    #[serde(default)]
    pub broken: Vec<BrokenPack>,
    /// The one language every text here is in: set by whoever read it from
    /// a `language_index_file` (the file's name says so, its text does not);
    /// `None` for the full index, which has every language.
    #[serde(skip)]
    pub only_language: Option<String>,
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

    /// The same index with only the texts a page in `lang` shows: in the
    /// shipped packs about 40% less to download before the first scenario.
    pub fn in_language(&self, lang: &str) -> SiteIndex {
        let mut index = self.clone();
        let catalog = &mut index.catalog;
        let texts = catalog.types.iter_mut().flat_map(|t| [&mut t.name, &mut t.blurb]);
        let texts = texts.chain(catalog.techniques.iter_mut().flat_map(|t| [&mut t.name, &mut t.about]));
        let texts = texts.chain(catalog.channels.iter_mut().flat_map(|c| [&mut c.name, &mut c.about]));
        for text in texts.chain(index.packs.iter_mut().map(|p| &mut p.title)) {
            *text = text.narrowed_to(lang);
        }
        index.only_language = Some(lang.to_string());
        index
    }

    /// Whether a page in `lang` shows every text as the full index would.
    pub fn has_texts_in(&self, lang: &str) -> bool {
        self.only_language.as_deref().is_none_or(|only| only == lang)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::fixture::index;

    /// Every text a page shows from the index, in `lang`.
    fn shown(index: &SiteIndex, lang: &str) -> Vec<String> {
        let catalog = &index.catalog;
        let texts = catalog.types.iter().flat_map(|t| [&t.name, &t.blurb]);
        let texts = texts.chain(catalog.techniques.iter().flat_map(|t| [&t.name, &t.about]));
        let texts = texts.chain(catalog.channels.iter().flat_map(|c| [&c.name, &c.about]));
        texts.chain(index.packs.iter().map(|p| &p.title)).map(|text| text.get(lang).to_string()).collect()
    }

    #[test]
    fn an_index_in_one_language_shows_what_the_full_one_shows_in_it_and_nothing_else() {
        let full = index();
        for lang in ["zh-CN", "en"] {
            let narrow = full.in_language(lang);
            assert_eq!(shown(&narrow, lang), shown(&full, lang));
            let other = if lang == "en" { "zh-CN" } else { "en" };
            assert_ne!(shown(&narrow, other), shown(&full, other), "the other language is left out");
            assert!(narrow.packs.iter().all(|p| p.title.langs().count() == 1));
            assert_eq!((narrow.has_texts_in(lang), narrow.has_texts_in(other)), (true, false));
            assert_eq!(SiteIndex { only_language: None, ..narrow.clone() }.packs.len(), full.packs.len());
        }
        assert!(full.has_texts_in("en") && full.has_texts_in("zh-CN"));
    }

    #[test]
    fn a_text_missing_in_a_language_keeps_the_one_shown_instead() {
        let text: Localized = [("zh-CN".to_string(), "只有中文".to_string())].into_iter().collect();
        assert_eq!(text.narrowed_to("en"), text);
        let both: Localized =
            [("en", "Both"), ("zh-CN", "两种")].map(|(l, t)| (l.to_string(), t.to_string())).into_iter().collect();
        assert_eq!(both.narrowed_to("en").get("zh-CN"), "Both");
        assert_eq!(both.narrowed_to("fr").get("fr"), "两种");
    }

    #[test]
    fn the_narrowed_index_round_trips_through_its_file() {
        let narrow = index().in_language("en");
        let json = serde_json::to_string(&narrow).unwrap();
        let back = crate::content::load_built_index(&language_index_file("en"), &json).unwrap();
        assert_eq!(SiteIndex { only_language: Some("en".into()), ..back }, narrow, "only its name says which language");
        assert_eq!(language_index_file("zh-CN"), "index.zh-CN.json");
    }
}
