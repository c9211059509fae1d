//! Saved progress: what survives a reload. Stored as JSON by the web layer;
//! reading it back never fails: what cannot be read is reset with a notice,
//! and what can be kept is kept.

use super::score::{RoundSummary, ScenarioResult};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Bump when the stored shape changes, and teach `restore` the old one.
pub const PROGRESS_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    pub rounds: u32,
    /// Best round score as (points, out of).
    #[serde(default)]
    pub best_round: Option<(u32, u32)>,
    /// Per pack file.
    #[serde(default)]
    pub scenarios: BTreeMap<String, ScenarioRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioRecord {
    pub plays: u32,
    pub best_points: u32,
    pub max_points: u32,
    /// Whether the last play was handled right (scam stopped, genuine used).
    pub last_right: bool,
}

impl Default for Progress {
    fn default() -> Self {
        Progress { version: PROGRESS_VERSION, rounds: 0, best_round: None, scenarios: BTreeMap::new() }
    }
}

/// Why stored progress could not be used as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestoreNotice {
    /// Not readable at all: started afresh.
    Corrupt,
    /// Written by a newer ScamSpot: started afresh (the stored copy is kept aside).
    Newer(u32),
    /// Some entries were damaged; the readable ones were kept.
    Repaired { kept: usize, dropped: usize },
}

impl Progress {
    /// Reads stored progress. `None` raw means nothing was stored yet.
    pub fn restore(raw: Option<&str>) -> (Progress, Option<RestoreNotice>) {
        let Some(raw) = raw else { return (Progress::default(), None) };
        let Ok(Value::Object(map)) = serde_json::from_str::<Value>(raw) else {
            return (Progress::default(), Some(RestoreNotice::Corrupt));
        };
        match map.get("version").and_then(Value::as_u64) {
            Some(v) if v == u64::from(PROGRESS_VERSION) => {}
            Some(v) if v > u64::from(PROGRESS_VERSION) => {
                return (Progress::default(), Some(RestoreNotice::Newer(v as u32)));
            }
            _ => return (Progress::default(), Some(RestoreNotice::Corrupt)),
        }
        if let Ok(progress) = serde_json::from_value::<Progress>(Value::Object(map.clone())) {
            return (progress, None);
        }
        // Keep every part that still reads; drop only what is damaged.
        let mut progress = Progress::default();
        progress.rounds = map.get("rounds").and_then(Value::as_u64).map_or(0, |n| n.min(u64::from(u32::MAX)) as u32);
        progress.best_round = map.get("best_round").cloned().and_then(|v| serde_json::from_value(v).ok());
        let mut dropped = 0;
        if let Some(Value::Object(entries)) = map.get("scenarios") {
            for (file, entry) in entries {
                match serde_json::from_value::<ScenarioRecord>(entry.clone()) {
                    Ok(record) => {
                        progress.scenarios.insert(file.clone(), record);
                    }
                    Err(_) => dropped += 1,
                }
            }
        } else {
            dropped += 1;
        }
        let kept = progress.scenarios.len();
        (progress, Some(RestoreNotice::Repaired { kept, dropped }))
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("progress is plain data")
    }

    /// Records a finished round.
    pub fn record(&mut self, results: &[ScenarioResult]) {
        let summary = RoundSummary::from_results(results);
        self.rounds += 1;
        if self.best_round.is_none_or(|(best, _)| summary.points > best) {
            self.best_round = Some((summary.points, summary.max_points));
        }
        for r in results {
            let record = self.scenarios.entry(r.file.clone()).or_insert(ScenarioRecord { plays: 0, best_points: 0, max_points: r.max_points, last_right: false });
            record.plays += 1;
            if r.points >= record.best_points {
                record.best_points = r.points;
                record.max_points = r.max_points;
            }
            record.last_right = r.handled_right();
        }
    }

    pub fn plays(&self, file: &str) -> u32 {
        self.scenarios.get(file).map_or(0, |r| r.plays)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Outcome;

    fn result(file: &str, points: u32, outcome: Outcome) -> ScenarioResult {
        ScenarioResult {
            file: file.into(),
            scenario_id: file.into(),
            scam_type: "demo".into(),
            genuine: false,
            outcome,
            savings_start: 5000,
            savings_end: 5000,
            paid: false,
            flags_found: 0,
            flags_total: 0,
            wrong_taps: 0,
            points,
            max_points: 100,
        }
    }

    #[test]
    fn nothing_stored_is_a_fresh_start_without_notice() {
        assert_eq!(Progress::restore(None), (Progress::default(), None));
    }

    #[test]
    fn round_trips_and_keeps_the_best_score() {
        let mut p = Progress::default();
        p.record(&[result("a.toml", 100, Outcome::Safe)]);
        p.record(&[result("a.toml", 0, Outcome::Scammed)]);
        let (back, notice) = Progress::restore(Some(&p.to_json()));
        assert_eq!(notice, None);
        assert_eq!(back.rounds, 2);
        assert_eq!(back.best_round, Some((100, 100)));
        let a = &back.scenarios["a.toml"];
        assert_eq!((a.plays, a.best_points, a.last_right), (2, 100, false));
        assert_eq!(back.plays("a.toml"), 2);
        assert_eq!(back.plays("b.toml"), 0);
    }

    #[test]
    fn garbage_is_reset_with_a_notice() {
        for raw in ["{not json", "42", "[]", "{\"rounds\": 3}", "{\"version\": \"one\"}", ""] {
            assert_eq!(Progress::restore(Some(raw)), (Progress::default(), Some(RestoreNotice::Corrupt)), "{raw:?}");
        }
    }

    #[test]
    fn a_newer_version_is_reset_and_named() {
        let (p, notice) = Progress::restore(Some("{\"version\": 7, \"rounds\": 3}"));
        assert_eq!(p, Progress::default());
        assert_eq!(notice, Some(RestoreNotice::Newer(7)));
    }

    #[test]
    fn damaged_entries_are_dropped_and_the_rest_kept() {
        let raw = r#"{"version":1,"rounds":4,"best_round":"x","scenarios":{
            "a.toml":{"plays":2,"best_points":80,"max_points":100,"last_right":true},
            "b.toml":{"plays":"many"}}}"#;
        let (p, notice) = Progress::restore(Some(raw));
        assert_eq!(notice, Some(RestoreNotice::Repaired { kept: 1, dropped: 1 }));
        assert_eq!(p.rounds, 4);
        assert_eq!(p.best_round, None);
        assert_eq!(p.scenarios["a.toml"].best_points, 80);
    }
}
