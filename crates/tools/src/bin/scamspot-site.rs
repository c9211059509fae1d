//! Finishes the built site (Trunk's post-build hook; the folder is the first
//! argument or `$TRUNK_STAGING_DIR`):
//!
//! - writes the static start screen into index.html, in the app's own words
//!   (`i18n`), so the first screen paints and its first button answers before
//!   the wasm has arrived;
//! - inlines the start screen's CSS (static/start.css, without its
//!   comments), the boot script at the top of the head and the start-up
//!   script after the start screen (both minified), leaves index.html's own
//!   comments out, and adds a
//!   Content-Security-Policy that allows exactly those three inline blocks
//!   (by SHA-256 hash), scripts and styles from the site itself, and wasm;
//! - writes the other screens' CSS (static/screens.css), named by its
//!   content's hash, which the start-up script loads beside the wasm;
//! - writes the embedding files (embed.js for `<scam-spot>`, embed.html for
//!   iframes and the resizer.js beside it, app.css, both CSS files in one,
//!   for both) with this build's file names;
//! - writes server-pages.css, the lecture and staff pages' own styles (every
//!   style sheet without its comments);
//! - gives every build's wasm and JS glue short import names (`wasm_imports`),
//!   and minifies the glue and the app's wasm chunk loader (`minify`);
//! - writes sw.js, the offline worker, with this build's version and files.

use base64::Engine as _;
use scamspot_core::content::index::INDEX_FILE;
use scamspot_core::content::load_index;
use scamspot_core::i18n::{Lang, Texts};
use scamspot_tools::catalogue::{self, escape};
use scamspot_tools::comments::{without_comments, without_html_comments};
use scamspot_tools::folder::files_below;
use scamspot_tools::minify::{minified, ScriptKind};
use scamspot_tools::precompress::precompress;
use scamspot_tools::wasm_imports::shorten_imports;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What the static start screen draws with, inlined in index.html.
const START_CSS: &str = "static/start.css";
/// The app's other screens, loaded beside the wasm (static/shell.js).
const SCREENS_CSS: &str = "static/screens.css";
/// The lecture and campaign staff pages' styles, which static/shell.js adds on those pages only.
const SERVER_PAGES_CSS: &str = "static/server-pages.css";
/// Picks the page's app and asks for its wasm, at the top of the head.
const BOOT_SCRIPT: &str = "static/boot.js";
const SHELL_SCRIPT: &str = "static/shell.js";
/// The app's wasm chunk loader (scripts/build-lecture.sh), an ES module beside the glue.
const CHUNK_LOADER: &str = "split-chunks.js";
const WORKER: &str = "static/sw.js";
/// Written beside the page with this build's file names: embedding (the
/// element script, the iframe page and its script, the resizer host pages
/// load beside an iframe) and the catalogue's scripts. The CSS they load is
/// written separately; the app's own page inlines it instead.
const COPIED_FILES: [&str; 6] = [
    "static/embed.js",
    "static/embed-frame.js",
    "static/embed.html",
    "static/resizer.js",
    "static/qr.js",
    "static/catalogue.js",
];

/// What follows `scamspot-` in the names of the lecture pages' JS and wasm (scripts/build-lecture.sh).
const LECTURE: &str = "lecture-";
/// The same for the campaign staff pages' own wasm.
const STAFF: &str = "staff-";
/// The same for the hosted learner app's (the embed, class links, `pack-url`).
const HOSTED: &str = "hosted-";

fn main() -> ExitCode {
    let dir =
        std::env::args().nth(1).map(PathBuf::from).or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from));
    let Some(dir) = dir else {
        eprintln!("usage: scamspot-site SITE-FOLDER   (or run as a Trunk hook)");
        return ExitCode::from(2);
    };
    match finish(&dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn finish(dir: &Path) -> Result<(), String> {
    let files = site_files(dir)?;
    // build-lecture.sh's `scamspot-<hash>` (the app's own page's),
    // `scamspot-lecture-<hash>`, `scamspot-staff-<hash>` and `scamspot-hosted-<hash>`.
    let other_page = |rest: &str| [LECTURE, STAFF, HOSTED].iter().any(|build| rest.starts_with(build));
    let find = |prefix: &str, suffix: &str| {
        files
            .iter()
            .find(|f| f.strip_prefix(prefix).is_some_and(|rest| !other_page(rest)) && f.ends_with(suffix))
            .cloned()
            .ok_or(format!("no {prefix}*{suffix} in {}", dir.display()))
    };
    let (app_js, app_wasm) = (find("scamspot-", ".js")?, find("scamspot-", "_bg.wasm")?);
    let lecture = format!("scamspot-{LECTURE}");
    let (lecture_js, lecture_wasm) = (find(&lecture, ".js")?, find(&lecture, "_bg.wasm")?);
    let staff = format!("scamspot-{STAFF}");
    let (staff_js, staff_wasm) = (find(&staff, ".js")?, find(&staff, "_bg.wasm")?);
    let hosted = format!("scamspot-{HOSTED}");
    let (hosted_js, hosted_wasm) = (find(&hosted, ".js")?, find(&hosted, "_bg.wasm")?);
    for (js, wasm) in
        [(&app_js, &app_wasm), (&lecture_js, &lecture_wasm), (&staff_js, &staff_wasm), (&hosted_js, &hosted_wasm)]
    {
        shorten_import_names(&dir.join(js), &dir.join(wasm))?;
        minify_module(&dir.join(js))?;
    }
    minify_module(&dir.join(CHUNK_LOADER))?;

    let start_css = without_comments(&read(Path::new(START_CSS))?);
    let screens_css = without_comments(&read(Path::new(SCREENS_CSS))?);
    // Named by its content, as the wasm is: cached for good, and never an
    // older copy beside a newer page's start.css.
    let screens = format!("screens-{}.css", short_hex(&Sha256::digest(screens_css.as_bytes())));
    let server_pages_css = without_comments(&read(Path::new(SERVER_PAGES_CSS))?);
    let server_pages = Path::new(SERVER_PAGES_CSS).file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let texts = serde_json::to_string(&shell_texts()).map_err(|e| e.to_string())?.replace("</", "<\\/");
    let boot = read(Path::new(BOOT_SCRIPT))?
        .replace("__APP_JS__", &format!("./{app_js}"))
        .replace("__APP_WASM__", &app_wasm)
        .replace("__APP_CHUNK_LOADER__", &format!("./{CHUNK_LOADER}"))
        .replace("__LECTURE_JS__", &format!("./{lecture_js}"))
        .replace("__LECTURE_WASM__", &lecture_wasm)
        .replace("__STAFF_JS__", &format!("./{staff_js}"))
        .replace("__STAFF_WASM__", &staff_wasm)
        .replace("__HOSTED_JS__", &format!("./{hosted_js}"))
        .replace("__HOSTED_WASM__", &hosted_wasm);
    let boot = minified(&boot, ScriptKind::Classic).map_err(|e| format!("{BOOT_SCRIPT}: {e}"))?;
    let script = read(Path::new(SHELL_SCRIPT))?.replace("__SHELL_TEXTS__", &texts).replace("__SCREENS_CSS__", &screens);
    let script = minified(&script, ScriptKind::Classic).map_err(|e| format!("{SHELL_SCRIPT}: {e}"))?;
    let csp = format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-{}' 'sha256-{}'; style-src 'self' 'sha256-{}'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
        sha256(&boot),
        sha256(&script),
        sha256(&start_css)
    );
    // Embedding loads the hosted learner app: it reports to the host page.
    for source in COPIED_FILES {
        let name = Path::new(source).file_name().and_then(|n| n.to_str()).unwrap_or(source);
        let text =
            read(Path::new(source))?.replace("__HOSTED_JS__", &hosted_js).replace("__HOSTED_WASM__", &hosted_wasm);
        fs::write(dir.join(name), text).map_err(|e| e.to_string())?;
    }
    fs::write(dir.join(&screens), &screens_css).map_err(|e| e.to_string())?;
    // In a host page, `rem` would follow the host's root font size; `em` follows ours.
    let embed_css = format!("{start_css}\n{screens_css}").replace("rem", "em");
    fs::write(dir.join("app.css"), embed_css).map_err(|e| e.to_string())?;
    fs::write(dir.join(server_pages), server_pages_css).map_err(|e| e.to_string())?;
    write_catalogue(dir)?;

    let html_path = dir.join("index.html");
    let html = without_html_comments(&read(&html_path)?, |comment| comment.starts_with("<!--scamspot:"));
    let html = fill(
        &html,
        "head",
        &format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n  <script>{boot}</script>\n  <style>{start_css}</style>"),
    )?;
    let html = fill(&html, "shell", &shell_html(Lang::ZhCn.texts()))?;
    let html = fill(&html, "script", &format!("<script>{script}</script>"))?;
    fs::write(&html_path, html).map_err(|e| e.to_string())?;

    // The worker's version changes whenever any file of the site does.
    let mut hasher = Sha256::new();
    let mut precache = vec!["./".to_string()];
    for file in site_files(dir)? {
        hasher.update(file.as_bytes());
        hasher.update(fs::read(dir.join(&file)).map_err(|e| e.to_string())?);
        // The lecture and staff pages need the server anyway: no learner's
        // phone keeps them offline. Nor is the hosted app downloaded ahead:
        // only a class link or a host's pack on this page needs it, so the
        // worker keeps it when such a page first loads it.
        if !file.strip_prefix("scamspot-").is_some_and(other_page) && file != server_pages {
            precache.push(file);
        }
    }
    let on_use = [format!("./{hosted_js}"), format!("./{hosted_wasm}")];
    let version = short_hex(&hasher.finalize());
    let worker = read(Path::new(WORKER))?
        .replace("__VERSION__", &version)
        .replace("__PRECACHE__", &serde_json::to_string(&precache).map_err(|e| e.to_string())?)
        .replace("__ON_USE__", &serde_json::to_string(&on_use).map_err(|e| e.to_string())?);
    fs::write(dir.join("sw.js"), worker).map_err(|e| e.to_string())?;
    let copies = precompress(dir, &files_below(dir).map_err(|e| e.to_string())?)?;
    println!(
        "site finished: start screen inlined, CSP set, sw.js version {version} caching {} files, {copies} precompressed copies",
        precache.len()
    );
    Ok(())
}

/// A build's wasm and its JS glue with short import names (`wasm_imports`).
fn shorten_import_names(js: &Path, wasm: &Path) -> Result<(), String> {
    let bytes = fs::read(wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    let (bytes, glue) =
        shorten_imports(&bytes, &read(js)?).map_err(|e| format!("{} and {}: {e}", wasm.display(), js.display()))?;
    fs::write(wasm, bytes).map_err(|e| e.to_string())?;
    fs::write(js, glue).map_err(|e| e.to_string())
}

/// An ES module of the site, minified in place (`minify`).
fn minify_module(path: &Path) -> Result<(), String> {
    let script = minified(&read(path)?, ScriptKind::Module).map_err(|e| format!("{}: {e}", path.display()))?;
    fs::write(path, script).map_err(|e| e.to_string())
}

/// The lecturers' scenario catalogue in every language, from the index the
/// pre-build hook compiled.
fn write_catalogue(dir: &Path) -> Result<(), String> {
    let index_path = dir.join("packs").join(INDEX_FILE);
    let index = load_index(INDEX_FILE, &read(&index_path)?)
        .map_err(|problems| format!("{}: {}", index_path.display(), problems[0]))?;
    for lang in Lang::ALL {
        fs::write(dir.join(lang.catalogue_file()), catalogue::page(&index, lang)).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Replaces the `<!--scamspot:NAME-->` placeholder in index.html.
fn fill(html: &str, name: &str, with: &str) -> Result<String, String> {
    let marker = format!("<!--scamspot:{name}-->");
    if !html.contains(&marker) {
        return Err(format!("index.html lacks {marker}"));
    }
    Ok(html.replace(&marker, with))
}

fn sha256(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
}

/// The first 16 hex digits of a digest: a content hash in a file name (as
/// Trunk's) or the worker's version.
fn short_hex(digest: &[u8]) -> String {
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Every file of the site (sw.js itself left out).
fn site_files(dir: &Path) -> Result<Vec<String>, String> {
    let files = files_below(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    Ok(files.into_iter().filter(|f| f != "sw.js").collect())
}

/// The start screen's texts by key, in every language, for the start-up script.
fn shell_texts() -> BTreeMap<&'static str, BTreeMap<&'static str, &'static str>> {
    Lang::ALL
        .into_iter()
        .map(|lang| {
            let t = lang.texts();
            let mut map = BTreeMap::from([
                ("app_name", t.app_name),
                ("switch_to", t.switch_to),
                ("switch_label", t.switch_label),
                ("large_text", t.large_text),
                ("tagline", t.tagline),
                ("intro", t.intro),
                ("duration", t.duration),
                ("privacy", t.privacy),
                ("start", t.start_mixed),
                ("start_linked", t.start_linked),
                ("confidence_before", t.confidence_before),
                ("loading", t.loading),
            ]);
            for (level, label) in
                ["level1", "level2", "level3", "level4", "level5"].into_iter().zip(t.confidence_levels)
            {
                map.insert(level, label);
            }
            (lang.code(), map)
        })
        .collect()
}

/// The static start screen, written with the same classes as the Yew one so
/// nothing moves when the app takes over. `data-t` names the text's key.
fn shell_html(t: &Texts) -> String {
    let text = |key: &str, value: &str| format!("data-t=\"{key}\">{}", escape(value));
    let levels: String = t
        .confidence_levels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let level = i + 1;
            format!("<button class=\"scale-option\" data-level=\"{level}\"><span class=\"scale-number\" aria-hidden=\"true\">{level}</span><span class=\"scale-label\" {}</span></button>", text(&format!("level{level}"), label))
        })
        .collect();
    format!(
        r#"<div class="app shell">
    <header class="top-bar">
      <span class="brand"><span class="logo" aria-hidden="true">识</span><span {app}</span></span>
      <button class="text-size shell-text-size" aria-pressed="false" {large}</button>
      <button class="lang-switch shell-switch" lang="en" aria-label="{label}" {switch}</button>
    </header>
    <main class="content">
      <section class="screen start shell-home">
        <h1 {tagline}</h1>
        <p {intro}</p>
        <p class="meta"><span>⏱ <span {duration}</span></span><span>🔒 <span {privacy}</span></span></p>
        <button id="start" class="primary shell-start" {start}</button>
      </section>
      <section class="screen confidence shell-confidence" hidden>
        <h1 {confidence}</h1>
        <div class="confidence-scale" role="group">{levels}</div>
      </section>
      <p class="loading shell-loading" role="status" hidden {loading}</p>
    </main>
  </div>"#,
        app = text("app_name", t.app_name),
        large = text("large_text", t.large_text),
        label = escape(t.switch_label),
        switch = text("switch_to", t.switch_to),
        tagline = text("tagline", t.tagline),
        intro = text("intro", t.intro),
        duration = text("duration", t.duration),
        privacy = text("privacy", t.privacy),
        start = text("start", t.start_mixed),
        confidence = text("confidence_before", t.confidence_before),
        loading = text("loading", t.loading),
    )
}
