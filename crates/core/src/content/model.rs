//! The scenario pack model: what a pack file says. TOML is read through
//! serde's derives here (authors' tools); compiled JSON, which the browser
//! reads, through `content::decode`, which accepts the same. Compiling
//! leaves out the fields that hold their default (no flags, no feedback, no
//! money…): both readers take an absent field as its default, and every
//! pack downloads smaller.
//!
//! Packs are TOML (see docs/authoring.md). One pack file holds one scenario, so a
//! scenario's text is fetched only when the learner opens it. The catalog file
//! lists the scam types, the techniques, the official channels and the pack files.
//! Every learner-facing string is a [`Localized`] map from language code to text.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;

/// The pack format this build writes and reads. There is no older format yet;
/// a newer one is refused with a message saying so (see `parse`).
pub const FORMAT_VERSION: u32 = 1;

/// Text in every language a pack declares, by language code ("zh-CN", "en"),
/// in the order of the codes. A short list rather than a map: a text has one
/// or two languages, and a map's code for every operation weighed kilobytes
/// in the wasm. Written as a table (TOML) or an object (JSON) of code = text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Localized(Vec<(String, String)>);

impl Localized {
    /// The text in `lang`, else in Simplified Chinese (the default language), else any.
    pub fn get(&self, lang: &str) -> &str {
        self.text(lang)
            .or_else(|| self.text("zh-CN"))
            .or_else(|| self.0.first().map(|(_, text)| text.as_str()))
            .unwrap_or("")
    }

    /// The text in exactly `lang`, if there is one.
    pub fn text(&self, lang: &str) -> Option<&str> {
        self.0.iter().find(|(code, _)| code == lang).map(|(_, text)| text.as_str())
    }

    /// Only the text `get(lang)` shows: what a page in `lang` needs of it.
    pub fn narrowed_to(&self, lang: &str) -> Localized {
        self.0.iter().find(|(_, text)| text.as_str() == self.get(lang)).into_iter().cloned().collect()
    }

    /// The language codes it has text in.
    pub fn langs(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(code, _)| code)
    }

    /// Sets the text in `lang`, replacing any there was (as a map does).
    pub fn insert(&mut self, lang: String, text: String) {
        match self.0.binary_search_by(|(code, _)| code.as_str().cmp(&lang)) {
            Ok(at) => self.0[at].1 = text,
            Err(at) => self.0.insert(at, (lang, text)),
        }
    }
}

impl FromIterator<(String, String)> for Localized {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(texts: I) -> Localized {
        let mut localized = Localized::default();
        for (lang, text) in texts {
            localized.insert(lang, text);
        }
        localized
    }
}

impl Serialize for Localized {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(lang, text)| (lang, text)))
    }
}

impl<'de> Deserialize<'de> for Localized {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Localized, D::Error> {
        BTreeMap::<String, String>::deserialize(deserializer).map(|texts| texts.into_iter().collect())
    }
}

/// One scenario: a conversation or screen where a scam (or a genuine look-alike) plays out.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// The pack file this came from (relative to the packs folder); set by `load_scenario`.
    #[serde(skip)]
    pub file: String,
    pub format: u32,
    pub id: String,
    /// Scam type id from the catalog, e.g. "order-brushing".
    #[serde(rename = "type")]
    pub scam_type: String,
    /// The author's revision of this pack; bump it when the text changes.
    #[serde(default = "first_revision")]
    pub revision: u32,
    pub languages: Vec<String>,
    /// True for a real bank, job or courier message that only looks like a scam.
    pub genuine: bool,
    pub channel: Channel,
    /// Technique ids from the catalog that this scenario teaches.
    #[serde(default)]
    pub techniques: Vec<String>,
    /// Simulated savings (yuan) at the start of the scenario.
    #[serde(default = "default_savings")]
    pub savings: i64,
    /// Id of the first step.
    pub start: String,
    pub title: Localized,
    pub contact: Contact,
    pub debrief: Debrief,
    pub steps: Vec<Step>,
}

fn first_revision() -> u32 {
    1
}

fn default_savings() -> i64 {
    5000
}

/// Where the scenario happens; decides how the screen looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    Chat,
    Group,
    Sms,
    Call,
    App,
    Email,
    /// A second-hand marketplace chat (闲鱼-style): item card, buyer and seller.
    Marketplace,
}

impl Channel {
    /// Every channel, in the order the authoring guide lists them.
    pub const ALL: [Channel; 7] = [
        Channel::Chat,
        Channel::Group,
        Channel::Sms,
        Channel::Call,
        Channel::App,
        Channel::Email,
        Channel::Marketplace,
    ];
}

/// Who the learner is dealing with, as the screen header shows it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: Localized,
    /// A second header line: a phone number, "Official account", a group size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<Localized>,
}

/// What the learner reads after the scenario ends.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Debrief {
    /// Why this was a scam (or why it was genuine).
    pub why: Localized,
    /// The right thing to do.
    pub action: Localized,
    /// Official channel ids from the catalog, e.g. "110", "96110".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<String>,
}

/// One step: messages arrive, then the learner chooses, spots flags, or the scenario ends.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub messages: Vec<Message>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spot: Option<Spot>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<End>,
    /// Shows the choices in the order written (a numbered sequence) instead
    /// of each learner's own order (see `engine::order`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub keep_order: bool,
}

fn is_false(value: &bool) -> bool {
    !value
}

fn is_zero(value: &i64) -> bool {
    *value == 0
}

/// What a step asks of the learner. A valid step has exactly one of these.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StepKind<'a> {
    Choices(&'a [Choice]),
    Spot(&'a Spot),
    End(&'a End),
}

impl Step {
    /// The step's kind; `None` only for a step the validator rejects.
    pub fn kind(&self) -> Option<StepKind<'_>> {
        match (&self.end, &self.spot, self.choices.is_empty()) {
            (Some(end), None, true) => Some(StepKind::End(end)),
            (None, Some(spot), true) => Some(StepKind::Spot(spot)),
            (None, None, false) => Some(StepKind::Choices(&self.choices)),
            _ => None,
        }
    }

    /// Ids of the steps this one can lead to.
    pub fn targets(&self) -> impl Iterator<Item = &str> {
        self.choices.iter().map(|c| c.next.as_str()).chain(self.spot.iter().map(|s| s.next.as_str()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sender {
    /// The scammer, the bank, the courier: whoever the learner deals with.
    Contact,
    /// The learner's own words.
    Me,
    /// Narration: "Two days later…", "The app shows…".
    Narrator,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Message {
    pub from: Sender,
    pub text: Localized,
    /// Suspicious parts of the text. In a spot step the learner taps them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<Flag>,
    /// Shows the message as a system prompt of the phone rather than a bubble.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card: Option<Card>,
}

/// A phone's own prompt, drawn over the conversation, whose text the pack writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Card {
    /// "Install this app?" with the app's name and source.
    InstallApp,
    /// "Start sharing your screen?" as a meeting app asks it.
    ScreenShare,
}

/// A red flag: a part of a message, quoted exactly in every language.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Flag {
    pub quote: Localized,
    pub why: Localized,
    /// Optional technique id from the catalog this flag is an instance of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technique: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub text: Localized,
    pub next: String,
    /// Change to the simulated savings in yuan: negative when the learner pays.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub money: i64,
    /// A short note shown after the choice ("You transferred ¥200.").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<Localized>,
}

/// A flag-spotting task over the messages of its step.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Spot {
    pub next: String,
    /// Replaces the default "Tap the suspicious parts" prompt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<Localized>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct End {
    pub outcome: Outcome,
    /// What happened, in one or two sentences.
    pub summary: Localized,
}

/// How a scenario ended. Scams end in `Safe`, `Scammed` or `Accomplice`;
/// genuine scenarios in `Trusted` or `Refused`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// The learner stopped the scam.
    Safe,
    /// The learner lost money.
    Scammed,
    /// The learner became part of the crime (money mule, selling cards).
    Accomplice,
    /// A genuine offer, used correctly.
    Trusted,
    /// A genuine offer, wrongly refused as a scam.
    Refused,
}

impl Outcome {
    pub const ALL: [Outcome; 5] =
        [Outcome::Safe, Outcome::Scammed, Outcome::Accomplice, Outcome::Trusted, Outcome::Refused];

    /// The word a pack writes for it ("safe", "accomplice"), also what the
    /// page's `data-outcome` shows, without formatting the variant's name.
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Safe => "safe",
            Outcome::Scammed => "scammed",
            Outcome::Accomplice => "accomplice",
            Outcome::Trusted => "trusted",
            Outcome::Refused => "refused",
        }
    }

    pub fn fits_scam(self) -> bool {
        matches!(self, Outcome::Safe | Outcome::Scammed | Outcome::Accomplice)
    }
    /// Whether the learner did the right thing.
    pub fn is_good(self) -> bool {
        matches!(self, Outcome::Safe | Outcome::Trusted)
    }
}

/// The catalog: scam types, techniques and official channels. Packs name
/// their type; every pack file in the packs folder is picked up by the build.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub format: u32,
    pub languages: Vec<String>,
    pub types: Vec<ScamType>,
    pub techniques: Vec<Technique>,
    pub channels: Vec<OfficialChannel>,
    /// What keeps invented details fictional (`[fiction]`); absent, nothing is
    /// allowed or denied by name. Only the authors' tools apply it, so the
    /// compiled index the browser reads leaves it out.
    #[serde(default, skip_serializing)]
    pub fiction: Fiction,
}

/// The catalog's `[fiction]` table: the real numbers and hosts a pack may
/// write in full (official lines, impersonated platforms), and the names of
/// real brands no invented party may carry. `content::fiction` applies it.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Fiction {
    /// Official numbers written in full, digits only; `x` stands for any digit ("95xxx").
    #[serde(default)]
    pub numbers: Vec<String>,
    /// Real hosts a pack may name, with their subdomains ("12306.cn" allows "www.12306.cn").
    #[serde(default)]
    pub hosts: Vec<String>,
    /// Names of real brands and companies, matched anywhere in a text, ignoring case.
    #[serde(default)]
    pub denylist: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ScamType {
    pub id: String,
    pub name: Localized,
    /// One line for the start screen.
    pub blurb: Localized,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Technique {
    pub id: String,
    pub name: Localized,
    pub about: Localized,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OfficialChannel {
    pub id: String,
    pub name: Localized,
    pub about: Localized,
}

impl Catalog {
    pub fn scam_type(&self, id: &str) -> Option<&ScamType> {
        self.types.iter().find(|t| t.id == id)
    }
    pub fn technique(&self, id: &str) -> Option<&Technique> {
        self.techniques.iter().find(|t| t.id == id)
    }
    pub fn channel(&self, id: &str) -> Option<&OfficialChannel> {
        self.channels.iter().find(|c| c.id == id)
    }
}

impl Scenario {
    pub fn step_index(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }
}
