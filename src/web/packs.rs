//! Fetching the index and the compiled scenario packs, and validating them as
//! they arrive (in full in the hosted build only: `read_pack`). A pack that
//! fails to load or validate is reported, and the round goes on with the others.

#[cfg(not(feature = "hosted"))]
use scamspot_core::content::index::language_index_file;
use scamspot_core::content::index::INDEX_FILE;
use scamspot_core::content::{Catalog, Diagnostic, Problem, SiteIndex, ValidScenario};
use scamspot_core::i18n::Lang;
use std::future::Future;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// Where packs are served, below the app's base URL.
const PACKS_DIR: &str = "packs/";

/// A download under way: the start-up script's (a promise of the text) or
/// the app's own (a promise of the response, through the browser's `fetch`
/// directly: gloo's request builder cost the lean wasm its code for a plain
/// GET). Started when made, read when awaited, so a round's packs can all
/// be on their way while the first is read.
enum Download {
    Prefetched(js_sys::Promise),
    Fetching(Option<js_sys::Promise>),
}

impl Download {
    fn start(url: &str) -> Download {
        match crate::web::browser::take_prefetched(url) {
            Some(text) => Download::Prefetched(text),
            None => Download::Fetching(fetch(url)),
        }
    }

    /// The text; problems are named after `file`. A failed download of the
    /// start-up script's is fetched again, so its problem is reported here.
    async fn text(self, url: &str, file: &str) -> Result<String, Diagnostic> {
        let response = match self {
            Download::Prefetched(text) => match JsFuture::from(text).await.ok().and_then(|t| t.as_string()) {
                Some(text) => return Ok(text),
                None => fetch(url),
            },
            Download::Fetching(response) => response,
        };
        let failed =
            |what: &str, why: String| Diagnostic::new(file, Problem::CannotRead { reason: format!("{what}: {why}") });
        let response = response.ok_or_else(|| failed("could not be downloaded", String::new()))?;
        let response: Response =
            JsFuture::from(response).await.map_err(|e| failed("could not be downloaded", reason(e)))?.unchecked_into();
        if !response.ok() {
            return Err(failed("could not be downloaded", format!("HTTP {}", response.status())));
        }
        let body = response.text().map_err(|e| failed("could not be read", reason(e)))?;
        let text = JsFuture::from(body).await.map_err(|e| failed("could not be read", reason(e)))?;
        Ok(text.as_string().unwrap_or_default())
    }
}

/// The browser's `fetch` of `url`, started now: a promise of the response.
fn fetch(url: &str) -> Option<js_sys::Promise> {
    web_sys::window().map(|window| window.fetch_with_str(url))
}

/// Fetches `url`; problems are named after `file`.
async fn fetch_text(url: &str, file: &str) -> Result<String, Diagnostic> {
    Download::start(url).text(url, file).await
}

/// The browser's words for a failed request: the error's `toString()`, e.g.
/// "TypeError: Failed to fetch".
fn reason(error: JsValue) -> String {
    error.unchecked_into::<js_sys::Error>().to_string().into()
}

/// The catalog and one line per pack, in every language: all the start screen needs.
pub async fn fetch_index(base: &str) -> Result<SiteIndex, Vec<Diagnostic>> {
    let text = fetch_text(&format!("{base}{PACKS_DIR}{INDEX_FILE}"), INDEX_FILE).await.map_err(|d| vec![d])?;
    read_index(INDEX_FILE, &text)
}

/// The index the learner's app reads. The lean build's is in `lang` alone
/// (`language_index_file`): its page starts from that, as static/boot.js
/// asked for it, and fetches it again in another language when the learner
/// switches. The hosted build checks the index in full, every language in it.
/// Beside `fetch_index` rather than a file argument to it: that argument cost
/// the staff wasm, which never passes a language, 919 bytes of gzip.
#[cfg(not(feature = "hosted"))]
pub async fn fetch_learner_index(base: &str, lang: Lang) -> Result<SiteIndex, Vec<Diagnostic>> {
    let file = language_index_file(lang.code());
    let text = fetch_text(&format!("{base}{PACKS_DIR}{file}"), &file).await.map_err(|d| vec![d])?;
    Ok(SiteIndex { only_language: Some(lang.code().into()), ..read_index(&file, &text)? })
}

#[cfg(feature = "hosted")]
pub fn fetch_learner_index(
    base: &str,
    _every_language: Lang,
) -> impl Future<Output = Result<SiteIndex, Vec<Diagnostic>>> + '_ {
    fetch_index(base)
}

/// The hosted build checks the index's catalog in full, as it checks every pack.
#[cfg(feature = "hosted")]
fn read_index(file: &str, text: &str) -> Result<SiteIndex, Vec<Diagnostic>> {
    scamspot_core::content::load_index(file, text)
}

/// The lean build reads the site's own index, whose catalog the build validated.
#[cfg(not(feature = "hosted"))]
fn read_index(file: &str, text: &str) -> Result<SiteIndex, Vec<Diagnostic>> {
    scamspot_core::content::load_built_index(file, text)
}

/// Loads packs: the scenarios that are fine, in order, and every problem
/// with the others. `sources` are (URL, name shown in messages).
pub async fn fetch_scenarios(
    catalog: &Catalog,
    sources: &[(String, String)],
) -> (Vec<Rc<ValidScenario>>, Vec<Diagnostic>) {
    let (mut scenarios, mut problems) = (Vec::new(), Vec::new());
    fetch_scenarios_in_order(catalog, sources, async {}, |mut arrived, mut failed, _| {
        scenarios.append(&mut arrived);
        problems.append(&mut failed);
    })
    .await;
    (scenarios, problems)
}

/// Loads the first pack alone, so a round can start on the fewest bytes,
/// then, once `rest_after` is done, the rest all at once behind it, and
/// hands each to `arrive` in order as soon as it and every one before it is
/// in: the scenario if it is fine, the problems if not, and how many packs
/// are still to come.
pub async fn fetch_scenarios_in_order(
    catalog: &Catalog,
    sources: &[(String, String)],
    rest_after: impl Future<Output = ()>,
    mut arrive: impl FnMut(Vec<Rc<ValidScenario>>, Vec<Diagnostic>, usize),
) {
    let Some((first, rest)) = sources.split_first() else { return };
    let mut hand_over = |loaded: Result<ValidScenario, Vec<Diagnostic>>, pending: usize| {
        let (mut scenarios, mut problems) = (Vec::new(), Vec::new());
        sort_into(loaded, &mut scenarios, &mut problems);
        arrive(scenarios, problems, pending);
    };
    hand_over(load_pack(catalog, first, Download::start(&first.0)).await, rest.len());
    rest_after.await;
    // Plain promises, each read in turn: a stream combinator cost 1.8 KB of wasm.
    let downloads: Vec<Download> = rest.iter().map(|(url, _)| Download::start(url)).collect();
    for (done, (source, download)) in rest.iter().zip(downloads).enumerate() {
        hand_over(load_pack(catalog, source, download).await, rest.len() - done - 1);
    }
}

/// Fetches (or takes the start-up script's download of) one pack and reads it.
pub async fn fetch_pack(catalog: &Catalog, source: &(String, String)) -> Result<ValidScenario, Vec<Diagnostic>> {
    load_pack(catalog, source, Download::start(&source.0)).await
}

async fn load_pack(
    catalog: &Catalog,
    (url, file): &(String, String),
    download: Download,
) -> Result<ValidScenario, Vec<Diagnostic>> {
    let text = download.text(url, file).await.map_err(|d| vec![d])?;
    read_pack(file, &text, catalog)
}

/// The hosted build holds every pack to the full rules: a host's own pack
/// (`pack-url`) arrives unchecked.
#[cfg(feature = "hosted")]
fn read_pack(file: &str, text: &str, catalog: &Catalog) -> Result<ValidScenario, Vec<Diagnostic>> {
    scamspot_core::content::load_scenario(file, text, catalog)
}

/// The lean build plays the site's own packs only, which the build validated
/// in full against this catalog: it checks again only what keeps the engine
/// going, and carries no validator.
#[cfg(not(feature = "hosted"))]
fn read_pack(file: &str, text: &str, _validated_against: &Catalog) -> Result<ValidScenario, Vec<Diagnostic>> {
    scamspot_core::content::load_built_scenario(file, text)
}

fn sort_into(
    loaded: Result<ValidScenario, Vec<Diagnostic>>,
    scenarios: &mut Vec<Rc<ValidScenario>>,
    problems: &mut Vec<Diagnostic>,
) {
    match loaded {
        Ok(scenario) => scenarios.push(Rc::new(scenario)),
        Err(mut p) => problems.append(&mut p),
    }
}

/// The URL and shown name of a built-in pack file.
pub fn pack_source(base: &str, file: &str) -> (String, String) {
    (format!("{base}{PACKS_DIR}{file}"), file.to_string())
}
