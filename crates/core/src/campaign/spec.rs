//! What an organiser sets up: the campaign's name, deadline, pass mark, the
//! round every student plays, and the classes that each get a link.

use crate::content::SiteIndex;
use serde::{Deserialize, Serialize};

pub const MAX_NAME: usize = 60;
pub const MAX_CLASSES: usize = 60;
pub const MAX_CLASS_NAME: usize = 40;
pub const MIN_LENGTH: usize = 3;
pub const MAX_LENGTH: usize = 12;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CampaignSpec {
    pub name: String,
    /// The last day results count: days since 1970-01-01, ending at
    /// midnight China time (UTC+8) — see `is_open`.
    pub deadline_day: u32,
    /// The score (0..=100, see `grade::score_percent`) that passes.
    pub pass_mark: u32,
    pub round: RoundSpec,
    pub classes: Vec<String>,
    #[serde(default)]
    pub require_student_number: bool,
}

/// The round of a campaign: `length` scenarios, at least `min_genuine` of
/// them genuine look-alikes, from the scam types `types` (empty: all).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundSpec {
    pub length: usize,
    pub min_genuine: usize,
    #[serde(default)]
    pub types: Vec<String>,
}

/// What is wrong with a spec, by the field an organiser's form shows it next to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpecError {
    pub field: &'static str,
    pub message: String,
}

fn error(field: &'static str, message: impl Into<String>) -> Result<(), SpecError> {
    Err(SpecError { field, message: message.into() })
}

impl CampaignSpec {
    pub fn validate(&self) -> Result<(), SpecError> {
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > MAX_NAME {
            return error("name", format!("a name of 1 to {MAX_NAME} characters"));
        }
        if self.pass_mark > 100 {
            return error("pass_mark", "a pass mark from 0 to 100");
        }
        if self.classes.is_empty() || self.classes.len() > MAX_CLASSES {
            return error("classes", format!("1 to {MAX_CLASSES} classes"));
        }
        for (at, class) in self.classes.iter().enumerate() {
            let class = class.trim();
            if class.is_empty() || class.chars().count() > MAX_CLASS_NAME {
                return error("classes", format!("class {}: a name of 1 to {MAX_CLASS_NAME} characters", at + 1));
            }
            if self.classes[..at].iter().any(|earlier| earlier.trim() == class) {
                return error("classes", format!("class {:?} is listed twice", class));
            }
        }
        self.round.validate()
    }

    /// Whether results still count on `today` (the deadline day included).
    pub fn is_open(&self, today: u32) -> bool {
        today <= self.deadline_day
    }
}

impl RoundSpec {
    pub fn validate(&self) -> Result<(), SpecError> {
        if !(MIN_LENGTH..=MAX_LENGTH).contains(&self.length) {
            return error("round.length", format!("{MIN_LENGTH} to {MAX_LENGTH} scenarios"));
        }
        if self.min_genuine > self.length {
            return error("round.min_genuine", "at most as many genuine scenarios as the round has");
        }
        Ok(())
    }

    /// Whether the site's packs can fill the round: enough scenarios of the
    /// chosen types, enough genuine ones among them, every type known.
    pub fn check_against(&self, index: &SiteIndex) -> Result<(), SpecError> {
        if let Some(unknown) = self.types.iter().find(|t| !index.catalog.types.iter().any(|known| &known.id == *t)) {
            return error("round.types", format!("no scam type {unknown:?}"));
        }
        let packs: Vec<_> =
            index.packs.iter().filter(|p| self.types.is_empty() || self.types.contains(&p.scam_type)).collect();
        if packs.len() < self.length {
            return error("round.length", format!("the chosen types have only {} scenarios", packs.len()));
        }
        let genuine = packs.iter().filter(|p| p.genuine).count();
        if genuine < self.min_genuine {
            return error("round.min_genuine", format!("the chosen types have only {genuine} genuine scenarios"));
        }
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::engine::fixture::index;

    pub fn spec() -> CampaignSpec {
        CampaignSpec {
            name: "2026 freshmen".into(),
            deadline_day: 20_000,
            pass_mark: 80,
            round: RoundSpec { length: 3, min_genuine: 1, types: vec![] },
            classes: vec!["CS 1".into(), "Law 2".into()],
            require_student_number: false,
        }
    }

    fn field(spec: CampaignSpec) -> &'static str {
        spec.validate().unwrap_err().field
    }

    #[test]
    fn a_valid_spec_passes_and_each_mistake_names_its_field() {
        assert_eq!(spec().validate(), Ok(()));
        assert_eq!(field(CampaignSpec { name: " ".into(), ..spec() }), "name");
        assert_eq!(field(CampaignSpec { name: "x".repeat(61), ..spec() }), "name");
        assert_eq!(field(CampaignSpec { pass_mark: 101, ..spec() }), "pass_mark");
        assert_eq!(field(CampaignSpec { classes: vec![], ..spec() }), "classes");
        assert_eq!(field(CampaignSpec { classes: vec!["a".into(), " a ".into()], ..spec() }), "classes");
        assert_eq!(field(CampaignSpec { classes: vec!["x".repeat(41)], ..spec() }), "classes");
        assert_eq!(field(CampaignSpec { classes: vec!["a".into(); 61], ..spec() }), "classes");
        let round =
            |length, min_genuine| CampaignSpec { round: RoundSpec { length, min_genuine, types: vec![] }, ..spec() };
        assert_eq!(field(round(2, 0)), "round.length");
        assert_eq!(field(round(13, 0)), "round.length");
        assert_eq!(field(round(3, 4)), "round.min_genuine");
        assert!(spec().is_open(20_000) && !spec().is_open(20_001));
    }

    #[test]
    fn a_round_the_packs_cannot_fill_is_refused() {
        let round = |length, min_genuine, types: &[&str]| RoundSpec {
            length,
            min_genuine,
            types: types.iter().map(|t| t.to_string()).collect(),
        };
        assert_eq!(round(4, 1, &[]).check_against(&index()), Ok(()));
        assert_eq!(round(5, 1, &[]).check_against(&index()).unwrap_err().field, "round.length");
        assert_eq!(round(3, 2, &[]).check_against(&index()).unwrap_err().field, "round.min_genuine");
        assert_eq!(round(3, 0, &["nope"]).check_against(&index()).unwrap_err().field, "round.types");
        assert_eq!(round(3, 0, &["demo"]).check_against(&index()).unwrap_err().field, "round.length");
    }
}
