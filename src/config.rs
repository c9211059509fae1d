//! How one instance of the app is set up: the standalone page, a
//! `<scam-spot>` element on a host page, or an iframe (`embed.html?…`). Read
//! from attributes or query parameters; pure, so every rule is tested natively.

use scamspot_core::engine::plan::{RoundKind, QUICK_LENGTH};
use scamspot_core::i18n::Lang;

/// Scenarios in a quick round unless the host asks for another length.
pub const DEFAULT_LENGTH: usize = QUICK_LENGTH;
pub const MAX_LENGTH: usize = 10;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct AppConfig {
    /// Where the app's own files are (ends with '/'); "" for the app's own page.
    pub base: String,
    /// Forced language; otherwise the learner's saved or browser language.
    pub lang: Option<Lang>,
    /// Scam types on offer; empty for all.
    pub types: Vec<String>,
    /// What the start button plays.
    pub start: StartMode,
    /// Scenarios in a quick round.
    pub length: usize,
    /// Accent colour, as `#rgb` or `#rrggbb`.
    pub theme: Option<String>,
    /// A pack the host provides, played in every round (compiled JSON).
    pub pack_url: Option<String>,
    /// Origins whose messages an iframe embed accepts (and posts results to).
    pub trusted_origins: Vec<String>,
    /// This deployment's campus security office, shown in every debrief.
    pub security: Option<SecurityOffice>,
    /// One seed for the order of every decision's choices (`seed=`), so a
    /// lecture room or a test sees the same screen; else each learner's own.
    pub seed: Option<u64>,
    /// The learner's opaque id from the host or LMS (`learner=`); the app
    /// fills in this browser's own random one when there is none.
    pub learner: Option<String>,
    /// A campaign's class token (`campaign=`): the start screen plays its round
    /// and the server grades it.
    pub campaign: Option<String>,
}

/// A campus security office (保卫处): the one official channel whose name and
/// number differ per university, so the deployment gives them.
#[derive(Debug, Clone, PartialEq)]
pub struct SecurityOffice {
    /// Its name ("江城大学保卫处"); `None`: the catalog's words for it.
    pub name: Option<String>,
    /// Digits, spaces and hyphens only, so it can go into a `tel:` link as it is.
    pub phone: String,
}

/// The catalog's channel the office fills in.
pub const SECURITY_CHANNEL: &str = "campus-security";
/// Longest office name shown; a longer one is cut (it fits a phone screen line).
const SECURITY_NAME_MAX: usize = 40;

#[derive(Debug, Clone, PartialEq, Default)]
pub enum StartMode {
    #[default]
    Quick,
    /// About five minutes, for a lecture.
    Short,
    /// Every scenario of the configured types.
    Types,
    Scenario(String),
}

impl AppConfig {
    /// Reads the options; `get` looks up an attribute or query parameter by name.
    /// Unknown values fall back to the defaults, and each is reported. A `dyn`
    /// lookup: one copy of this code in the wasm for attributes and query strings.
    pub fn read(base: String, get: &dyn Fn(&str) -> Option<String>) -> (AppConfig, Vec<String>) {
        let mut warnings = Vec::new();
        let lang = get("lang").and_then(|code| {
            Lang::from_code(&code).or_else(|| {
                warnings.push(format!("lang=\"{code}\" is not offered (zh-CN, en); using the learner's language"));
                None
            })
        });
        let types: Vec<String> = get("types")
            .map(|t| t.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect())
            .unwrap_or_default();
        let start = match (get("mode").as_deref(), get("scenario")) {
            (_, Some(id)) if !id.trim().is_empty() => StartMode::Scenario(id.trim().to_string()),
            (Some("type") | Some("types"), _) => StartMode::Types,
            (None | Some("quick"), _) => StartMode::Quick,
            (Some("short"), _) => StartMode::Short,
            (Some(other), _) => {
                warnings.push(format!("mode=\"{other}\" is not one of quick, short, type; using quick"));
                StartMode::Quick
            }
        };
        let length = match get("length").map(|l| l.trim().parse::<usize>()) {
            None => DEFAULT_LENGTH,
            Some(Ok(n)) if (1..=MAX_LENGTH).contains(&n) => n,
            Some(_) => {
                warnings.push(format!("length must be a number from 1 to {MAX_LENGTH}; using {DEFAULT_LENGTH}"));
                DEFAULT_LENGTH
            }
        };
        let theme = get("theme").and_then(|c| {
            let ok = is_colour(&c);
            if !ok {
                warnings.push(format!("theme=\"{c}\" is not a colour like #0b6b3a; using the default"));
            }
            ok.then_some(c)
        });
        let pack_url = get("pack-url").filter(|u| !u.trim().is_empty());
        let security = read_security(get, &mut warnings);
        let seed = get("seed").and_then(|text| {
            let seed = text.trim().parse::<u64>().ok();
            if seed.is_none() {
                warnings.push(format!("seed=\"{text}\" is not a whole number; each learner gets their own order"));
            }
            seed
        });
        let Hosted { trusted_origins, learner, campaign } = Hosted::read(get, &mut warnings);
        // The campaign's round is drawn from every pack, as the server draws it again.
        let types = match (&campaign, types.is_empty()) {
            (Some(_), false) => {
                warnings.push("types is ignored with campaign: the campaign decides its round".into());
                Vec::new()
            }
            _ => types,
        };
        let config = AppConfig {
            base,
            lang,
            types,
            start,
            length,
            theme,
            pack_url,
            trusted_origins,
            security,
            seed,
            learner,
            campaign,
        };
        (config, warnings)
    }

    /// The round the start button plays.
    pub fn start_kind(&self) -> RoundKind {
        match &self.start {
            StartMode::Scenario(id) => RoundKind::Single(id.clone()),
            StartMode::Short => RoundKind::Short,
            StartMode::Types if self.types.len() == 1 => RoundKind::Type(self.types[0].clone()),
            StartMode::Quick | StartMode::Types => RoundKind::Quick,
        }
    }
}

/// The options only the hosted build acts on: an iframe embed's trusted
/// origins, a host's learner id and a campaign's class link. The app's own
/// page (the lean build) plays none of them (static/shell.js sends class
/// links to the hosted build), so it reads none of them either.
#[derive(Default)]
struct Hosted {
    trusted_origins: Vec<String>,
    learner: Option<String>,
    campaign: Option<String>,
}

impl Hosted {
    #[cfg(feature = "hosted")]
    fn read(get: &dyn Fn(&str) -> Option<String>, warnings: &mut Vec<String>) -> Hosted {
        use scamspot_core::engine::report::learner_id;
        let trusted_origins = get("trust")
            .map(|t| t.split(',').map(str::trim).filter(|o| o.starts_with("http")).map(str::to_string).collect())
            .unwrap_or_default();
        let learner = get("learner").and_then(|text| {
            let id = learner_id(text.trim()).map(str::to_string);
            if id.is_none() {
                warnings
                    .push(format!("learner=\"{text}\" is not an id of up to 64 letters, digits and ._:@-; ignored"));
            }
            id
        });
        let campaign = get("campaign").and_then(|text| {
            let token = text.trim().to_string();
            let ok = is_class_token(&token);
            if !ok {
                warnings.push(format!("campaign=\"{text}\" is not a class link's 12-character token; ignored"));
            }
            ok.then_some(token)
        });
        Hosted { trusted_origins, learner, campaign }
    }

    #[cfg(not(feature = "hosted"))]
    fn read(_get: &dyn Fn(&str) -> Option<String>, _warnings: &mut [String]) -> Hosted {
        Hosted::default()
    }
}

/// `security-name` and `security-phone`. A phone is needed: a name alone
/// tells a learner in trouble nothing the catalog does not.
fn read_security(get: &dyn Fn(&str) -> Option<String>, warnings: &mut Vec<String>) -> Option<SecurityOffice> {
    let name = get("security-name").map(|n| n.trim().chars().take(SECURITY_NAME_MAX).collect::<String>());
    let name = name.filter(|n| !n.is_empty());
    let phone = get("security-phone").map(|p| p.trim().to_string()).filter(|p| !p.is_empty());
    match phone {
        Some(phone) if is_phone(&phone) => Some(SecurityOffice { name, phone }),
        Some(phone) => {
            warnings.push(format!("security-phone=\"{phone}\" may hold digits, spaces and hyphens only; not shown"));
            None
        }
        None if name.is_some() => {
            warnings.push("security-name needs security-phone; the campus security office is not shown".into());
            None
        }
        None => None,
    }
}

/// Digits, spaces and hyphens, with at least one digit: `0571-8***`-style
/// masks and anything else that could not be dialled are refused.
pub fn is_phone(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit()) && text.chars().all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
}

/// The official channels a debrief lists: the scenario's own, and the
/// campus security office when the deployment gives one, since it is always
/// relevant to a student (listed once, where the scenario puts it, else last).
pub fn debrief_channels<'a>(listed: &'a [String], security: Option<&SecurityOffice>) -> Vec<&'a str> {
    let mut channels: Vec<&str> = listed.iter().map(String::as_str).collect();
    if security.is_some() && !channels.contains(&SECURITY_CHANNEL) {
        channels.push(SECURITY_CHANNEL);
    }
    channels
}

/// A class token as the server hands them out: 12 lowercase base32 characters.
pub fn is_class_token(text: &str) -> bool {
    text.len() == 12 && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// `#rgb` or `#rrggbb`: a colour that cannot smuggle anything into CSS.
pub fn is_colour(text: &str) -> bool {
    text.strip_prefix('#').is_some_and(|hex| matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn read(pairs: &[(&str, &str)]) -> (AppConfig, Vec<String>) {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        AppConfig::read("https://w.example/".into(), &|name| map.get(name).cloned())
    }

    #[test]
    fn nothing_set_is_a_quick_round_of_everything() {
        let (c, warnings) = read(&[]);
        assert_eq!(
            (c.lang, c.types.len(), &c.start, c.length, c.theme.as_deref()),
            (None, 0, &StartMode::Quick, DEFAULT_LENGTH, None)
        );
        assert!(warnings.is_empty());
        assert_eq!(c.start_kind(), RoundKind::Quick);
    }

    #[test]
    fn every_attribute_is_read() {
        let (c, warnings) = read(&[
            ("lang", "en"),
            ("types", "order-brushing, fake-loan"),
            ("mode", "quick"),
            ("length", "3"),
            ("theme", "#a4161a"),
            ("pack-url", "https://campus.example/pack.json"),
            ("trust", "https://campus.example, javascript:x"),
            ("seed", "20261130"),
        ]);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(c.lang, Some(Lang::En));
        assert_eq!(c.types, ["order-brushing", "fake-loan"]);
        assert_eq!((c.length, c.theme.as_deref()), (3, Some("#a4161a")));
        assert_eq!(c.pack_url.as_deref(), Some("https://campus.example/pack.json"));
        assert_eq!(c.trusted_origins, ["https://campus.example"]);
        assert_eq!(c.seed, Some(20_261_130));
    }

    #[test]
    fn a_scenario_or_a_single_type_decides_the_start() {
        assert_eq!(
            read(&[("scenario", "fl-wrong-card-number")]).0.start_kind(),
            RoundKind::Single("fl-wrong-card-number".into())
        );
        assert_eq!(
            read(&[("mode", "type"), ("types", "fake-police")]).0.start_kind(),
            RoundKind::Type("fake-police".into())
        );
    }

    #[test]
    fn mode_short_starts_a_round_of_about_five_minutes() {
        let (c, warnings) = read(&[("mode", "short")]);
        assert_eq!((c.start_kind(), warnings.len()), (RoundKind::Short, 0));
    }

    #[test]
    fn bad_values_fall_back_and_are_reported() {
        let (c, warnings) = read(&[
            ("lang", "fr"),
            ("mode", "marathon"),
            ("length", "99"),
            ("theme", "red;}body{display:none"),
            ("seed", "-3"),
        ]);
        assert_eq!(
            (c.lang, &c.start, c.length, c.theme, c.seed),
            (None, &StartMode::Quick, DEFAULT_LENGTH, None, None)
        );
        assert_eq!(warnings.len(), 5, "{warnings:?}");
    }

    #[test]
    fn the_campus_security_office_is_read_with_a_dialable_phone() {
        let (c, warnings) = read(&[("security-name", " 江城大学保卫处 "), ("security-phone", "0571-8888 1234")]);
        let office = SecurityOffice { name: Some("江城大学保卫处".into()), phone: "0571-8888 1234".into() };
        assert_eq!((c.security, warnings.len()), (Some(office), 0));
        let (c, _) = read(&[("security-phone", "110")]);
        assert_eq!(c.security, Some(SecurityOffice { name: None, phone: "110".into() }), "the name is optional");
        assert_eq!(read(&[]).0.security, None);
    }

    #[test]
    fn a_security_phone_that_cannot_be_dialled_or_is_missing_is_reported() {
        for bad in ["javascript:alert(1)", "0571-8***-1234", "+86 571", "---"] {
            let (c, warnings) = read(&[("security-phone", bad)]);
            assert_eq!((c.security, warnings.len()), (None, 1), "{bad}");
        }
        let (c, warnings) = read(&[("security-name", "保卫处")]);
        assert_eq!((c.security, warnings.len()), (None, 1));
        let long = "保".repeat(60);
        let (c, _) = read(&[("security-name", long.as_str()), ("security-phone", "110")]);
        assert_eq!(c.security.and_then(|s| s.name).map(|n| n.chars().count()), Some(SECURITY_NAME_MAX));
    }

    #[test]
    fn the_office_joins_every_debriefs_channels_once() {
        let office = SecurityOffice { name: None, phone: "110".into() };
        let listed = vec!["110".to_string(), "96110".to_string()];
        assert_eq!(debrief_channels(&listed, None), ["110", "96110"]);
        assert_eq!(debrief_channels(&listed, Some(&office)), ["110", "96110", SECURITY_CHANNEL]);
        let with_it = vec![SECURITY_CHANNEL.to_string(), "110".to_string()];
        assert_eq!(debrief_channels(&with_it, Some(&office)), [SECURITY_CHANNEL, "110"]);
    }

    #[test]
    fn a_learner_id_and_a_campaign_token_are_read_when_well_formed() {
        let (c, warnings) = read(&[("learner", " moodle:4711 "), ("campaign", "k7m2q9x4b1c3")]);
        assert_eq!((c.learner.as_deref(), c.campaign.as_deref()), (Some("moodle:4711"), Some("k7m2q9x4b1c3")));
        assert!(warnings.is_empty(), "{warnings:?}");
        let (c, warnings) = read(&[("learner", "张三 <b>"), ("campaign", "../api/x")]);
        assert_eq!((c.learner, c.campaign, warnings.len()), (None, None, 2));
        let (c, _) = read(&[]);
        assert_eq!((c.learner, c.campaign), (None, None));
    }

    #[test]
    fn a_campaign_round_is_not_narrowed_by_types() {
        let (c, warnings) = read(&[("campaign", "k7m2q9x4b1c3"), ("types", "fake-loan")]);
        assert_eq!((c.types.len(), warnings.len()), (0, 1), "the server draws the round from every pack");
    }

    #[test]
    fn colours_are_strict_hex() {
        assert!(is_colour("#0b6b3a") && is_colour("#fff"));
        for bad in ["0b6b3a", "#12345", "#ggg", "red", "#fff;}", ""] {
            assert!(!is_colour(bad), "{bad}");
        }
    }
}
