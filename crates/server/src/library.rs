//! The scenarios a lecture can use: the compiled packs of the built site
//! (`dist/packs/`), read and validated by the core as the app reads them.

use scamspot_core::content::{load_index, load_scenario, PackSummary, SiteIndex, ValidScenario};
use std::path::{Path, PathBuf};

pub struct Library {
    packs: PathBuf,
    index: SiteIndex,
}

impl Library {
    pub fn open(dist: &Path) -> Result<Library, String> {
        let packs = dist.join("packs");
        let text = std::fs::read_to_string(packs.join("index.json"))
            .map_err(|e| format!("{}: {e} (build the site first: trunk build --release)", packs.display()))?;
        let index = load_index("index.json", &text).map_err(|d| format!("packs/index.json: {d:?}"))?;
        Ok(Library { packs, index })
    }

    pub fn index(&self) -> &SiteIndex {
        &self.index
    }

    /// The scenario with id `id`, validated.
    pub fn scenario(&self, id: &str) -> Result<ValidScenario, String> {
        let pack = self.index.packs.iter().find(|p| p.id == id).ok_or_else(|| format!("no scenario {id:?}"))?;
        self.load(pack)
    }

    /// The scenario of `pack`, read from its compiled file and validated.
    pub fn load(&self, pack: &PackSummary) -> Result<ValidScenario, String> {
        let id = &pack.id;
        let text = std::fs::read_to_string(self.packs.join(&pack.file)).map_err(|e| format!("{}: {e}", pack.file))?;
        load_scenario(&pack.file, &text, &self.index.catalog).map_err(|problems| {
            let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
            format!("scenario {id:?} is not valid: {}", problems.join("; "))
        })
    }

    pub fn lecture(&self, ids: &[String]) -> Result<Vec<ValidScenario>, String> {
        ids.iter().map(|id| self.scenario(id)).collect()
    }
}
