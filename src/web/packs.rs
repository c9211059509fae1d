//! Fetching the index and the compiled scenario packs, and validating them as
//! they arrive. A pack that fails to load or validate is reported, and the
//! round goes on with the others.

use crate::content::index::INDEX_FILE;
use crate::content::{load_index, load_scenario, Catalog, Diagnostic, Scenario, SiteIndex};
use gloo::net::http::Request;
use std::rc::Rc;

/// Where packs are served, relative to the page.
const PACKS_URL: &str = "packs/";

async fn fetch_text(file: &str) -> Result<String, Diagnostic> {
    let failed = |problem: String| Diagnostic { file: file.to_string(), position: None, scenario: None, step: None, field: String::new(), problem };
    let response = Request::get(&format!("{PACKS_URL}{file}")).send().await.map_err(|e| failed(format!("could not be downloaded: {e}")))?;
    if !response.ok() {
        return Err(failed(format!("could not be downloaded: HTTP {}", response.status())));
    }
    response.text().await.map_err(|e| failed(format!("could not be read: {e}")))
}

/// The catalog and one line per pack: all the start screen needs.
pub async fn fetch_index() -> Result<SiteIndex, Vec<Diagnostic>> {
    let text = fetch_text(INDEX_FILE).await.map_err(|d| vec![d])?;
    load_index(INDEX_FILE, &text)
}

/// Loads the packs of a round in parallel: the scenarios that are fine, in
/// order, and every problem with the others.
pub async fn fetch_scenarios(catalog: &Catalog, files: &[String]) -> (Vec<Rc<Scenario>>, Vec<Diagnostic>) {
    let loads = files.iter().map(|file| async move {
        let text = fetch_text(file).await.map_err(|d| vec![d])?;
        load_scenario(file, &text, catalog)
    });
    let mut scenarios = Vec::new();
    let mut problems = Vec::new();
    for loaded in futures::future::join_all(loads).await {
        match loaded {
            Ok(scenario) => scenarios.push(Rc::new(scenario)),
            Err(mut p) => problems.append(&mut p),
        }
    }
    (scenarios, problems)
}
