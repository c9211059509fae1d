//! The scenario catalogue for lecturers (`catalogue.html`, and
//! `catalogue-en.html` in English): every scenario of the built index with
//! its type, channel and whether it is a scam, a link that opens it alone,
//! and (through static/catalogue.js and static/qr.js) a copy button and a QR
//! code drawn in the page. Written at build time from the compiled index, so
//! it lists exactly what the site plays; plain HTML that works without the
//! wasm.

use scamspot_core::content::SiteIndex;
use scamspot_core::i18n::Lang;

/// Text for HTML, in content and in attribute values.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The whole page in `lang`. Its CSP allows only the site's own files.
pub fn page(index: &SiteIndex, lang: Lang) -> String {
    let (t, words, code, other) = (lang.texts(), lang.catalogue_texts(), lang.code(), lang.other());
    let mut types = String::new();
    for scam_type in &index.catalog.types {
        let items: String = index
            .packs_of_type(&scam_type.id)
            .map(|pack| {
                let kind = if pack.genuine { words.genuine } else { words.scam };
                format!(
                    r#"
        <li class="catalogue-item" data-scenario="{id}">
          <h3><a href="./?scenario={id}&amp;lang={code}">{title}</a></h3>
          <p class="meta"><span class="{kind_class}">{kind}</span><span>{channel}</span><code>{id}</code></p>
          <div class="catalogue-actions">
            <button type="button" class="secondary copy-link" data-done="{copied}">{copy}</button>
            <button type="button" class="secondary show-qr" aria-expanded="false" data-hide="{hide}">{show}</button>
          </div>
          <div class="qr-panel" hidden></div>
        </li>"#,
                    id = escape(&pack.id),
                    title = escape(pack.title.get(code)),
                    kind_class = if pack.genuine { "genuine" } else { "scam" },
                    kind = escape(kind),
                    channel = escape(words.channel_name(pack.channel)),
                    copied = escape(words.link_copied),
                    copy = escape(words.copy_link),
                    hide = escape(words.hide_qr),
                    show = escape(words.show_qr),
                )
            })
            .collect();
        if !items.is_empty() {
            types.push_str(&format!(
                "\n      <section class=\"catalogue-type\" data-type=\"{}\">\n        <h2>{}</h2>\n        <ul class=\"catalogue-list\">{items}\n        </ul>\n      </section>",
                escape(&scam_type.id),
                escape(scam_type.name.get(code)),
            ));
        }
    }
    format!(
        r#"<!doctype html>
<html lang="{code}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'">
  <title>{title} · {app}</title>
  <link rel="icon" href="favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="app.css">
  <script src="qr.js" defer></script>
  <script src="catalogue.js" defer></script>
</head>
<body class="catalogue-page">
  <div class="app">
    <header class="top-bar">
      <a class="brand" href="./?lang={code}"><span class="logo" aria-hidden="true">识</span>{app}</a>
      <a class="lang-switch" href="{other_file}" lang="{other_code}" hreflang="{other_code}">{switch}</a>
    </header>
    <main class="content">
      <h1>{title}</h1>
      <p>{intro}</p>{types}
      <p class="meta fiction-note">{fictional}</p>
    </main>
  </div>
</body>
</html>
"#,
        title = escape(words.title),
        app = escape(t.app_name),
        other_file = other.catalogue_file(),
        other_code = other.code(),
        switch = escape(t.switch_to),
        intro = escape(words.intro),
        fictional = escape(words.fictional),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use scamspot_core::content::load_index;

    fn index() -> SiteIndex {
        let catalog = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/packs/catalog.toml"));
        let catalog = scamspot_core::content::load_catalog("catalog.toml", &catalog.unwrap()).unwrap();
        let json = serde_json::json!({
            "catalog": catalog,
            "packs": [
                { "id": "fl-x", "file": "fake-loan/x.json", "type": "fake-loan", "genuine": false, "techniques": [],
                  "channel": "sms", "title": { "zh-CN": "<假>贷款", "en": "A \"loan\"" } },
                { "id": "fl-bank", "file": "fake-loan/bank.json", "type": "fake-loan", "genuine": true, "techniques": [],
                  "channel": "app", "title": { "zh-CN": "银行", "en": "Bank" } },
            ],
        });
        load_index("index.json", &json.to_string()).unwrap()
    }

    #[test]
    fn every_scenario_is_listed_under_its_type_with_a_link_that_opens_it() {
        let html = page(&index(), Lang::ZhCn);
        assert!(html.contains(r#"<a href="./?scenario=fl-x&amp;lang=zh-CN">&lt;假&gt;贷款</a>"#), "{html}");
        assert!(html.contains(r#"<span class="scam">骗局</span><span>短信</span><code>fl-x</code>"#));
        assert!(html.contains(r#"<span class="genuine">真实服务</span><span>App界面</span>"#));
        assert_eq!(html.matches("class=\"catalogue-type\"").count(), 1, "types without scenarios are left out");
        assert!(html.contains(r#"href="catalogue-en.html" lang="en""#));
        assert!(html.contains(r#"<p class="meta fiction-note">各场景中的机构、人名、号码、网址均为虚构。</p>"#));
        let english = page(&index(), Lang::En);
        assert!(english.contains(r#"<a href="./?scenario=fl-x&amp;lang=en">A &quot;loan&quot;</a>"#));
        assert!(english.contains(r#"<html lang="en">"#) && english.contains(r#"href="catalogue.html" lang="zh-CN""#));
    }

    #[test]
    fn the_page_loads_nothing_but_its_own_files() {
        let html = page(&index(), Lang::En);
        assert!(html.contains("script-src 'self'; style-src 'self'"));
        assert!(!html.contains("<script>") && !html.contains("style=\""), "no inline script or style");
    }
}
