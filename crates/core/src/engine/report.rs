//! The result a host page receives when a round ends (or the learner leaves
//! it early): scores and tallies only, never anything about the learner. It
//! can also be read as an xAPI statement for a learning record store.

use super::score::RoundSummary;
use super::ScenarioResult;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoundReport {
    /// False when the learner left before the end.
    pub completed: bool,
    pub score: u32,
    pub max_score: u32,
    pub scenarios_played: u32,
    pub scams_caught: u32,
    pub scams_total: u32,
    pub genuine_refused: u32,
    pub genuine_total: u32,
    pub flags_found: u32,
    pub flags_total: u32,
    /// Per scam type: (handled right, played).
    pub per_type: BTreeMap<String, (u32, u32)>,
    pub confidence_before: Option<u8>,
    pub confidence_after: Option<u8>,
    pub duration_seconds: u32,
    pub xapi: Value,
}

/// The activity id xAPI statements name; `base` is where the app is served.
fn activity_id(base: &str) -> String {
    format!("{}#scamspot-round", base.trim_end_matches('#'))
}

impl RoundReport {
    pub fn new(
        results: &[ScenarioResult],
        before: Option<u8>,
        after: Option<u8>,
        duration_ms: f64,
        completed: bool,
        base: &str,
    ) -> Self {
        let s = RoundSummary::from_results(results);
        let duration_seconds = (duration_ms.max(0.0) / 1000.0).round() as u32;
        let scaled = if s.max_points == 0 { 0.0 } else { f64::from(s.points) / f64::from(s.max_points) };
        let xapi = json!({
            "actor": { "objectType": "Agent", "account": { "homePage": base, "name": "anonymous" } },
            "verb": if completed {
                json!({ "id": "http://adlnet.gov/expapi/verbs/completed", "display": { "en-US": "completed" } })
            } else {
                json!({ "id": "http://adlnet.gov/expapi/verbs/terminated", "display": { "en-US": "terminated" } })
            },
            "object": { "objectType": "Activity", "id": activity_id(base), "definition": { "name": { "en-US": "ScamSpot fraud-recognition round", "zh-CN": "识骗反诈练习" } } },
            "result": {
                "completion": completed,
                "score": { "raw": s.points, "min": 0, "max": s.max_points, "scaled": (scaled * 1000.0).round() / 1000.0 },
                "duration": format!("PT{duration_seconds}S"),
            },
        });
        RoundReport {
            completed,
            score: s.points,
            max_score: s.max_points,
            scenarios_played: results.len() as u32,
            scams_caught: s.scams_caught,
            scams_total: s.scams,
            genuine_refused: s.false_alarms,
            genuine_total: s.genuine,
            flags_found: s.flags_found,
            flags_total: s.flags_total,
            per_type: s.per_type.iter().map(|(id, t)| (id.clone(), (t.handled_right, t.played))).collect(),
            confidence_before: before,
            confidence_after: after,
            duration_seconds,
            xapi,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a report is plain data")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Outcome;

    fn result(id: &str, genuine: bool, outcome: Outcome, points: u32) -> ScenarioResult {
        ScenarioResult {
            scenario_id: id.into(),
            scam_type: "demo".into(),
            genuine,
            outcome,
            savings_start: 5000,
            savings_end: 5000,
            paid: false,
            flags_found: 1,
            flags_total: 2,
            wrong_taps: 0,
            points,
            max_points: 120,
        }
    }

    #[test]
    fn a_finished_round_reports_scores_tallies_and_an_xapi_statement() {
        let results = [result("a", false, Outcome::Safe, 110), result("b", true, Outcome::Refused, 10)];
        let r = RoundReport::new(&results, Some(2), Some(4), 185_400.0, true, "https://w.example/");
        assert_eq!(
            (r.score, r.max_score, r.scams_caught, r.scams_total, r.genuine_refused, r.genuine_total),
            (120, 240, 1, 1, 1, 1)
        );
        assert_eq!((r.confidence_before, r.confidence_after, r.duration_seconds), (Some(2), Some(4), 185));
        assert_eq!(r.per_type["demo"], (1, 2));
        assert_eq!(r.xapi["verb"]["id"], "http://adlnet.gov/expapi/verbs/completed");
        assert_eq!(r.xapi["result"]["score"]["scaled"], 0.5);
        assert_eq!(r.xapi["result"]["duration"], "PT185S");
        assert_eq!(r.xapi["object"]["id"], "https://w.example/#scamspot-round");
        let json = r.to_json();
        assert!(json.contains("\"completed\":true"));
    }

    #[test]
    fn leaving_early_is_terminated_and_an_empty_round_scores_zero() {
        let r = RoundReport::new(&[], Some(3), None, 12_000.0, false, "");
        assert_eq!((r.completed, r.score, r.max_score, r.scenarios_played), (false, 0, 0, 0));
        assert_eq!(r.xapi["verb"]["id"], "http://adlnet.gov/expapi/verbs/terminated");
        assert_eq!(r.xapi["result"]["score"]["scaled"], 0.0);
    }
}
