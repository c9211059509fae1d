//! A SCORM 1.2 package of the built site (`cargo scamspot-scorm`): the files
//! the `<scam-spot>` element needs, a page holding one element configured for
//! the course (`scorm.html`), the adapter that reports its result to the LMS
//! (`scorm-adapter.js`) and the manifest (`imsmanifest.xml`) naming one SCO
//! with its mastery score and every file.
//!
//! Left out: the app's own page and its offline worker (an LMS serves the
//! package from its own paths, and the element never registers a worker), the
//! iframe embed, the lecturers' catalogue, the lecture pages' app and the
//! precompressed copies (an LMS serves the files as they are).

use crate::catalogue::escape;
use crate::folder::files_below;
use crate::zip::ZipWriter;
use scamspot_core::content::index::INDEX_FILE;
use scamspot_core::content::load_index;
use scamspot_core::i18n::Lang;
use std::fs;
use std::path::Path;

pub const MANIFEST_FILE: &str = "imsmanifest.xml";
pub const PAGE_FILE: &str = "scorm.html";
pub const ADAPTER_FILE: &str = "scorm-adapter.js";
const PAGE: &str = include_str!("../scorm/scorm.html");
const ADAPTER: &str = include_str!("../scorm/scorm-adapter.js");
const TITLE: &str = "识骗 ScamSpot";
/// What the package cannot run without: the element's script and its CSS.
const REQUIRED: [&str; 2] = ["embed.js", "app.css"];
/// Built files only the app's own page, the iframe embed or the lecturers'
/// catalogue use.
const UNUSED: [&str; 8] =
    ["index.html", "sw.js", "favicon.svg", "embed.html", "embed-frame.js", "resizer.js", "catalogue.js", "qr.js"];
/// The built JS and wasm all start so; of them the element loads only the
/// hosted learner app's (scripts/build-lecture.sh), not the app's own
/// page's, the lecture pages' or the staff pages'.
const WASM_BUILD_PREFIX: &str = "scamspot-";
const HOSTED_PREFIX: &str = "scamspot-hosted-";
/// Scenarios in a quick round, as the element's `length` accepts them.
pub const LENGTHS: std::ops::RangeInclusive<u8> = 1..=10;

/// How the course plays and passes.
#[derive(Debug, Clone, PartialEq)]
pub struct ScormOptions {
    /// The mastery score (0..=100) in the manifest, and the adapter's pass mark when the LMS gives none.
    pub pass_mark: u8,
    /// Scenarios in the round (`LENGTHS`); the element's default when absent.
    pub length: Option<u8>,
    /// Scam type ids the round draws from; all when empty.
    pub types: Vec<String>,
    pub lang: Lang,
}

impl Default for ScormOptions {
    fn default() -> ScormOptions {
        ScormOptions { pass_mark: 80, length: None, types: Vec::new(), lang: Lang::ZhCn }
    }
}

/// Whether a file of the built site (relative, `/` separators) goes into the package.
pub fn packaged(file: &str) -> bool {
    let catalogue_page = Lang::ALL.iter().any(|lang| lang.catalogue_file() == file);
    !(UNUSED.contains(&file)
        || catalogue_page
        || (file.starts_with(WASM_BUILD_PREFIX) && !file.starts_with(HOSTED_PREFIX))
        || file.ends_with(".br")
        || file.ends_with(".gz"))
}

/// The package's page: one `<scam-spot>` set up by `options`, the adapter, then embed.js.
pub fn page(options: &ScormOptions) -> String {
    let mut attributes = format!("lang=\"{}\"", options.lang.code());
    if let Some(length) = options.length {
        attributes.push_str(&format!(" length=\"{length}\""));
    }
    if !options.types.is_empty() {
        attributes.push_str(&format!(" types=\"{}\"", escape(&options.types.join(","))));
    }
    attributes.push_str(&format!(" data-pass-mark=\"{}\"", options.pass_mark));
    PAGE.replace("__LANG__", options.lang.code()).replace("__ATTRIBUTES__", &attributes)
}

/// imsmanifest.xml: one organisation with one item, the SCO `scorm.html`, whose resource lists `files`.
pub fn manifest(options: &ScormOptions, files: &[String]) -> String {
    let listed: String = files.iter().map(|file| format!("\n      <file href=\"{}\"/>", escape(file))).collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="scamspot" version="1.2"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="scamspot-course">
    <organization identifier="scamspot-course">
      <title>{TITLE}</title>
      <item identifier="scamspot-round" identifierref="scamspot-sco" isvisible="true">
        <title>{TITLE}</title>
        <adlcp:masteryscore>{pass_mark}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="scamspot-sco" type="webcontent" adlcp:scormtype="sco" href="{PAGE_FILE}">{listed}
    </resource>
  </resources>
</manifest>
"#,
        pass_mark = options.pass_mark
    )
}

/// The zip of the package, from the built site in `dist`.
pub fn package(dist: &Path, options: &ScormOptions) -> Result<Vec<u8>, String> {
    if options.pass_mark > 100 {
        return Err(format!("the pass mark is 0..100, not {}", options.pass_mark));
    }
    if let Some(length) = options.length.filter(|length| !LENGTHS.contains(length)) {
        return Err(format!("the length is {}..{}, not {length}", LENGTHS.start(), LENGTHS.end()));
    }
    let built = files_below(dist).map_err(|e| format!("cannot read {}: {e}", dist.display()))?;
    if let Some(missing) = REQUIRED.iter().find(|file| !built.iter().any(|f| f == *file)) {
        return Err(format!("no {missing} in {}: build the site first (trunk build --release)", dist.display()));
    }
    check_types(dist, &options.types)?;

    let site: Vec<String> = built.into_iter().filter(|file| packaged(file)).collect();
    let files: Vec<String> =
        [PAGE_FILE, ADAPTER_FILE].map(String::from).into_iter().chain(site.iter().cloned()).collect();
    let mut zip = ZipWriter::new();
    zip.add(MANIFEST_FILE, manifest(options, &files).as_bytes())?;
    zip.add(PAGE_FILE, page(options).as_bytes())?;
    zip.add(ADAPTER_FILE, ADAPTER.as_bytes())?;
    for file in &site {
        let path = dist.join(file);
        zip.add(file, &fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?)?;
    }
    zip.finish()
}

/// Every type id must be one of the built catalog's, or the round would silently play all of them.
fn check_types(dist: &Path, types: &[String]) -> Result<(), String> {
    if types.is_empty() {
        return Ok(());
    }
    let path = dist.join("packs").join(INDEX_FILE);
    let text = fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let index = load_index(INDEX_FILE, &text).map_err(|problems| format!("{}: {}", path.display(), problems[0]))?;
    let known: Vec<&str> = index.catalog.types.iter().map(|t| t.id.as_str()).collect();
    match types.iter().find(|t| !known.contains(&t.as_str())) {
        Some(unknown) => Err(format!("no scam type {unknown:?}; the types are {}", known.join(", "))),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks that an XML text nests properly (one root, every tag closed in
    /// order, attribute values quoted); gives the `href` of each `<file>`.
    fn well_formed(xml: &str) -> Result<Vec<String>, String> {
        let mut rest = xml.strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").ok_or("no XML declaration")?;
        let (mut open, mut files, mut root_closed) = (Vec::<String>::new(), Vec::new(), false);
        while let Some(start) = rest.find('<') {
            if root_closed {
                return Err("markup after the root element".into());
            }
            let end = rest[start..].find('>').ok_or("unclosed tag")? + start;
            let tag = &rest[start + 1..end];
            rest = &rest[end + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                if open.pop().as_deref() != Some(name) {
                    return Err(format!("</{name}> closes nothing open"));
                }
                root_closed = open.is_empty();
                continue;
            }
            if tag.matches('"').count() % 2 != 0 || tag.contains('<') {
                return Err(format!("bad attributes in <{tag}>"));
            }
            let name = tag.split_whitespace().next().ok_or("empty tag")?.trim_end_matches('/');
            if name == "file" {
                let href = tag.split("href=\"").nth(1).and_then(|v| v.split('"').next()).ok_or("file without href")?;
                files.push(href.to_string());
            }
            match tag.ends_with('/') {
                true => root_closed = open.is_empty(),
                false => open.push(name.to_string()),
            }
        }
        match open.is_empty() && root_closed {
            true => Ok(files),
            false => Err(format!("unclosed {open:?}")),
        }
    }

    #[test]
    fn the_manifest_is_well_formed_lists_every_file_and_the_mastery_score() {
        let files = vec!["scorm.html".to_string(), "packs/fake-loan/fl-x.json".into(), "a&b.js".into()];
        let options = ScormOptions { pass_mark: 90, ..ScormOptions::default() };
        let xml = manifest(&options, &files);
        assert_eq!(
            well_formed(&xml),
            Ok(vec!["scorm.html".into(), "packs/fake-loan/fl-x.json".into(), "a&amp;b.js".into()])
        );
        assert!(xml.contains("<schemaversion>1.2</schemaversion>"));
        assert!(xml.contains("<adlcp:masteryscore>90</adlcp:masteryscore>"));
        assert!(xml.contains(r#"adlcp:scormtype="sco" href="scorm.html""#));
    }

    #[test]
    fn the_checker_catches_what_is_not_well_formed() {
        let declared = |body: &str| format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{body}");
        assert!(well_formed(&declared("<a><b></a></b>")).is_err());
        assert!(well_formed(&declared("<a><b>")).is_err());
        assert!(well_formed(&declared("<a x=\"1></a>")).is_err());
        assert!(well_formed(&declared("<a></a><b/>")).is_err());
        assert!(well_formed("<a></a>").is_err());
        assert_eq!(well_formed(&declared("<a><file href=\"x\"/></a>")), Ok(vec!["x".to_string()]));
    }

    #[test]
    fn the_page_carries_the_options_escaped_and_loads_the_adapter_before_embed_js() {
        let options = ScormOptions {
            pass_mark: 70,
            length: Some(3),
            types: vec!["fake-loan".into(), "x\"y".into()],
            lang: Lang::En,
        };
        let html = page(&options);
        assert!(html.contains(r#"<html lang="en">"#));
        assert!(html.contains(
            r#"<scam-spot lang="en" length="3" types="fake-loan,x&quot;y" data-pass-mark="70"></scam-spot>"#
        ));
        assert!(html.find(r#"src="scorm-adapter.js""#).unwrap() < html.find(r#"src="embed.js""#).unwrap());
        assert!(html.contains("script-src 'self' 'wasm-unsafe-eval';"));
        assert!(!html.contains("<script>"), "no inline script under the CSP");
        assert!(!html.contains("__"), "every placeholder filled");
        let plain = page(&ScormOptions::default());
        assert!(plain.contains(r#"<scam-spot lang="zh-CN" data-pass-mark="80">"#));
    }

    #[test]
    fn only_what_the_element_needs_is_packaged() {
        for file in
            ["embed.js", "app.css", "scamspot-hosted-0123_bg.wasm", "scamspot-hosted-0123.js", "packs/index.json"]
        {
            assert!(packaged(file), "{file}");
        }
        for file in [
            "index.html",
            "sw.js",
            "embed.html",
            "catalogue.html",
            "catalogue-en.html",
            "scamspot-lecture-0123_bg.wasm",
            "scamspot-staff-0123.js",
            "scamspot-0123_bg.wasm",
            "scamspot-0123.js",
            "packs/index.json.br",
            "embed.js.gz",
        ] {
            assert!(!packaged(file), "{file}");
        }
    }

    #[test]
    fn the_package_holds_the_manifest_and_exactly_the_files_it_lists() {
        let dist = std::env::temp_dir().join(format!("scamspot-scorm-dist-{}", std::process::id()));
        fs::create_dir_all(dist.join("packs/fake-loan")).unwrap();
        for file in
            ["embed.js", "app.css", "scamspot-hosted-01_bg.wasm", "packs/fake-loan/fl-a.json", "index.html", "sw.js"]
        {
            fs::write(dist.join(file), file).unwrap();
        }
        let zip = package(&dist, &ScormOptions::default()).unwrap();
        fs::remove_dir_all(&dist).unwrap();
        let entries = crate::zip::tests::unzip(&zip);
        let names: Vec<&str> = entries.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(
            names,
            [
                MANIFEST_FILE,
                PAGE_FILE,
                ADAPTER_FILE,
                "app.css",
                "embed.js",
                "packs/fake-loan/fl-a.json",
                "scamspot-hosted-01_bg.wasm"
            ]
        );
        let listed = well_formed(std::str::from_utf8(&entries[0].1).unwrap()).unwrap();
        let mut expected = names[1..].to_vec();
        expected.sort();
        let mut listed: Vec<&str> = listed.iter().map(String::as_str).collect();
        listed.sort();
        assert_eq!(listed, expected, "every file but the manifest itself, once");
        assert_eq!(entries[2].1, ADAPTER.as_bytes());
        assert_eq!(entries[4].1, b"embed.js");
    }

    #[test]
    fn a_site_that_is_not_built_or_options_out_of_range_are_refused() {
        let empty = std::env::temp_dir().join(format!("scamspot-scorm-empty-{}", std::process::id()));
        fs::create_dir_all(&empty).unwrap();
        let error = package(&empty, &ScormOptions::default()).unwrap_err();
        assert!(error.contains("no embed.js"), "{error}");
        fs::remove_dir_all(&empty).unwrap();
        let high = ScormOptions { pass_mark: 101, ..ScormOptions::default() };
        assert!(package(&empty, &high).unwrap_err().contains("pass mark"));
        let long = ScormOptions { length: Some(11), ..ScormOptions::default() };
        assert!(package(&empty, &long).unwrap_err().contains("length"));
    }
}
