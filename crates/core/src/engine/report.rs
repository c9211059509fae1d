//! The result a host page receives when a round ends (or the learner leaves
//! it early): scores and tallies only, never anything about the learner. It
//! can also be read as an xAPI statement for a learning record store.
//! `ReportTracker` decides when: each round is reported at most once.

use super::discrimination::Tally;
use super::score::RoundSummary;
use super::ScenarioResult;
use crate::json::Json;

/// What a report is made of: a round's state as far as the host page is concerned.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RoundSnapshot {
    pub results: Vec<ScenarioResult>,
    pub confidence_before: Option<u8>,
    pub confidence_after: Option<u8>,
    /// The round reached its summary.
    pub finished: bool,
}

impl RoundSnapshot {
    /// The learner has done something worth telling: rated or played a scenario.
    fn started(&self) -> bool {
        !self.results.is_empty() || self.confidence_before.is_some()
    }
}

/// A report that is due to go to the host page: round `round` ended or was left.
#[derive(Debug, Clone, PartialEq)]
pub struct DueReport {
    pub round: u32,
    pub snapshot: RoundSnapshot,
    pub duration_ms: f64,
    pub completed: bool,
}

impl DueReport {
    /// The report itself; `base` is where the app is served (for xAPI),
    /// `learner` the learner's opaque id (see `learner_id`).
    pub fn to_report(&self, base: &str, learner: &str) -> RoundReport {
        let s = &self.snapshot;
        let (before, after) = (s.confidence_before, s.confidence_after);
        RoundReport::new(&s.results, before, after, self.duration_ms, self.completed, base, learner)
    }
}

/// The longest learner id a host may pass.
pub const LEARNER_ID_MAX: usize = 64;

/// A learner id a host page or LMS passes (`learner=`): opaque to us, at
/// most 64 characters of `[A-Za-z0-9._:@-]`; anything else is ignored, so
/// no markup or stray text reaches a statement.
pub fn learner_id(text: &str) -> Option<&str> {
    let ok = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ':' | '@' | '-');
    (!text.is_empty() && text.len() <= LEARNER_ID_MAX && text.chars().all(ok)).then_some(text)
}

/// The id of a browser whose host gave none: drawn once from `seed` and
/// kept, never derived from anything about the person.
pub fn browser_learner_id(seed: u64) -> String {
    format!("browser-{seed:016x}")
}

/// Reporting each round to the host page exactly once: when it finishes, or
/// when the learner leaves it (another round, home, closing the page) after
/// doing something. Times come in as arguments, in milliseconds.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum ReportTracker {
    /// No round is being played.
    #[default]
    Idle,
    /// Round `round` is being played; `snapshot` is its latest state.
    Tracking { round: u32, started_ms: f64, snapshot: RoundSnapshot },
    /// Round `round` has been reported; nothing more goes out for it.
    Reported { round: u32 },
}

impl ReportTracker {
    /// Round `round` starts at `now_ms`.
    pub fn start(round: u32, now_ms: f64) -> Self {
        ReportTracker::Tracking { round, started_ms: now_ms, snapshot: RoundSnapshot::default() }
    }

    /// Round `round` changed to `snapshot`: the report is due once it has
    /// finished. `None` when nothing changes: an update from an old round,
    /// or the same state again.
    pub fn update(&self, round: u32, snapshot: RoundSnapshot, now_ms: f64) -> Option<(Self, Option<DueReport>)> {
        let ReportTracker::Tracking { round: tracked, started_ms, snapshot: last } = self else { return None };
        if *tracked != round || *last == snapshot {
            return None;
        }
        if snapshot.finished {
            let due = DueReport { round, snapshot, duration_ms: now_ms - started_ms, completed: true };
            return Some((ReportTracker::Reported { round }, Some(due)));
        }
        Some((ReportTracker::Tracking { round, started_ms: *started_ms, snapshot }, None))
    }

    /// The learner leaves the round at `now_ms`: it is reported as not
    /// completed, unless it was reported already or nothing was done in it.
    pub fn leave(&self, now_ms: f64) -> (Self, Option<DueReport>) {
        match self {
            ReportTracker::Tracking { round, started_ms, snapshot } if snapshot.started() => {
                let due = DueReport {
                    round: *round,
                    snapshot: snapshot.clone(),
                    duration_ms: now_ms - started_ms,
                    completed: false,
                };
                (ReportTracker::Reported { round: *round }, Some(due))
            }
            ReportTracker::Tracking { round, .. } => (ReportTracker::Reported { round: *round }, None),
            other => (other.clone(), None),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
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
    /// Per scam type, in the order of their ids: (handled right, played).
    pub per_type: Vec<(String, (u32, u32))>,
    pub confidence_before: Option<u8>,
    pub confidence_after: Option<u8>,
    pub duration_seconds: u32,
    /// Scams stopped / scams met; `None` (null) without a scam.
    pub hit_rate: Option<f64>,
    /// Genuine services refused / genuine met; `None` without one.
    pub false_alarm_rate: Option<f64>,
    /// Sensitivity (see `discrimination`); `None` unless the round had both
    /// a scam and a genuine service.
    pub d_prime: Option<f64>,
    /// Leaning: below 0 refuses readily, above 0 trusts readily.
    pub criterion: Option<f64>,
    /// The learner's opaque id: the host's, or this browser's random one.
    pub learner: String,
    pub xapi: Json,
}

/// The names of the discrimination figures as xAPI result extensions, in the
/// order of the report's fields; their IRIs are `<base>#scamspot-<name>`,
/// under where the app is served, like the activity id.
const EXTENSIONS: [&str; 4] = ["hit-rate", "false-alarm-rate", "d-prime", "criterion"];

/// The activity id xAPI statements name; `base` is where the app is served.
fn activity_id(base: &str) -> String {
    iri(base, "round")
}

/// An IRI of ours, under where the app is served: `<base>#scamspot-<name>`.
fn iri(base: &str, name: &str) -> String {
    format!("{}#scamspot-{name}", base.trim_end_matches('#'))
}

/// Three decimals: more would only be noise from a handful of scenarios.
fn rounded(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

impl RoundReport {
    pub fn new(
        results: &[ScenarioResult],
        before: Option<u8>,
        after: Option<u8>,
        duration_ms: f64,
        completed: bool,
        base: &str,
        learner: &str,
    ) -> Self {
        let s = RoundSummary::from_results(results);
        let duration_seconds = (duration_ms.max(0.0) / 1000.0).round() as u32;
        let scaled = if s.max_points == 0 { 0.0 } else { f64::from(s.points) / f64::from(s.max_points) };
        let tally = Tally::of(&s);
        let measures = tally.measures();
        let figures =
            [tally.hit_rate(), tally.false_alarm_rate(), measures.map(|m| m.d_prime), measures.map(|m| m.criterion)]
                .map(|figure| figure.map(rounded));
        // Only the figures the round defines: an LRS reads a missing key as unknown.
        let extensions =
            EXTENSIONS.iter().zip(figures).filter_map(|(name, figure)| Some((iri(base, name), figure?.into())));
        let (verb, verb_name) = if completed {
            ("http://adlnet.gov/expapi/verbs/completed", "completed")
        } else {
            ("http://adlnet.gov/expapi/verbs/terminated", "terminated")
        };
        let in_english = |text: &str| Json::object(vec![("en-US", text.into())]);
        let name =
            Json::object(vec![("en-US", "ScamSpot fraud-recognition round".into()), ("zh-CN", "识骗反诈练习".into())]);
        let xapi = Json::object(vec![
            (
                "actor",
                Json::object(vec![
                    ("objectType", "Agent".into()),
                    ("account", Json::object(vec![("homePage", base.into()), ("name", learner.into())])),
                ]),
            ),
            ("verb", Json::object(vec![("id", verb.into()), ("display", in_english(verb_name))])),
            (
                "object",
                Json::object(vec![
                    ("objectType", "Activity".into()),
                    ("id", activity_id(base).into()),
                    ("definition", Json::object(vec![("name", name)])),
                ]),
            ),
            (
                "result",
                Json::object(vec![
                    ("completion", completed.into()),
                    (
                        "score",
                        Json::object(vec![
                            ("raw", s.points.into()),
                            ("min", 0u32.into()),
                            ("max", s.max_points.into()),
                            ("scaled", rounded(scaled).into()),
                        ]),
                    ),
                    ("duration", format!("PT{duration_seconds}S").into()),
                    ("extensions", Json::Object(extensions.collect())),
                ]),
            ),
        ]);
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
            hit_rate: figures[0],
            false_alarm_rate: figures[1],
            d_prime: figures[2],
            criterion: figures[3],
            learner: learner.into(),
            xapi,
        }
    }

    /// The report as JSON: its fields in order, `per_type` as
    /// `{"type": [right, played]}`, a figure the round leaves undefined as null.
    pub fn to_json(&self) -> String {
        let per_type = self
            .per_type
            .iter()
            .map(|(id, (right, played))| (id.clone(), Json::Array(vec![(*right).into(), (*played).into()])));
        Json::object(vec![
            ("completed", self.completed.into()),
            ("score", self.score.into()),
            ("max_score", self.max_score.into()),
            ("scenarios_played", self.scenarios_played.into()),
            ("scams_caught", self.scams_caught.into()),
            ("scams_total", self.scams_total.into()),
            ("genuine_refused", self.genuine_refused.into()),
            ("genuine_total", self.genuine_total.into()),
            ("flags_found", self.flags_found.into()),
            ("flags_total", self.flags_total.into()),
            ("per_type", Json::Object(per_type.collect())),
            ("confidence_before", self.confidence_before.into()),
            ("confidence_after", self.confidence_after.into()),
            ("duration_seconds", self.duration_seconds.into()),
            ("hit_rate", self.hit_rate.into()),
            ("false_alarm_rate", self.false_alarm_rate.into()),
            ("d_prime", self.d_prime.into()),
            ("criterion", self.criterion.into()),
            ("learner", self.learner.as_str().into()),
            ("xapi", self.xapi.clone()),
        ])
        .to_text()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Outcome;

    /// The value at `path` of keys down from `json`.
    fn at<'a>(json: &'a Json, path: &[&str]) -> &'a Json {
        path.iter().fold(json, |value, key| value.get(key).unwrap_or_else(|| panic!("no {key}")))
    }

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
        let r = RoundReport::new(&results, Some(2), Some(4), 185_400.0, true, "https://w.example/", "s-1");
        assert_eq!(
            (r.score, r.max_score, r.scams_caught, r.scams_total, r.genuine_refused, r.genuine_total),
            (120, 240, 1, 1, 1, 1)
        );
        assert_eq!((r.confidence_before, r.confidence_after, r.duration_seconds), (Some(2), Some(4), 185));
        assert_eq!(r.per_type, [("demo".to_string(), (1, 2))]);
        assert_eq!(at(&r.xapi, &["verb", "id"]).as_str(), Some("http://adlnet.gov/expapi/verbs/completed"));
        assert_eq!(at(&r.xapi, &["result", "score", "scaled"]).as_f64(), Some(0.5));
        assert_eq!(at(&r.xapi, &["result", "duration"]).as_str(), Some("PT185S"));
        assert_eq!(at(&r.xapi, &["object", "id"]).as_str(), Some("https://w.example/#scamspot-round"));
        let json = r.to_json();
        assert!(json.contains("\"completed\":true"));
    }

    #[test]
    fn the_learner_id_names_the_xapi_actor_and_goes_into_the_result() {
        let r = RoundReport::new(&[], None, None, 0.0, true, "https://w.example/", "moodle:4711");
        assert_eq!(at(&r.xapi, &["actor", "account", "name"]).as_str(), Some("moodle:4711"));
        assert_eq!(at(&r.xapi, &["actor", "account", "homePage"]).as_str(), Some("https://w.example/"));
        assert!(r.to_json().contains("\"learner\":\"moodle:4711\""));
    }

    #[test]
    fn a_learner_id_is_short_and_plain_or_ignored() {
        for good in ["s2026001", "moodle:4711", "a.b_c-d@campus.example", &"x".repeat(LEARNER_ID_MAX)] {
            assert_eq!(learner_id(good), Some(good));
        }
        for bad in ["", "张三", "a b", "<script>", "x\"y", &"x".repeat(LEARNER_ID_MAX + 1)] {
            assert_eq!(learner_id(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_browser_id_is_drawn_from_its_seed_and_is_a_valid_learner_id() {
        let id = browser_learner_id(0xdead_beef);
        assert_eq!(id, "browser-00000000deadbeef");
        assert_eq!(learner_id(&id), Some(id.as_str()));
        assert_ne!(browser_learner_id(1), browser_learner_id(2));
    }

    #[test]
    fn the_report_and_xapi_carry_the_discrimination_figures() {
        // 1 of 2 scams stopped, 1 of 2 genuine refused: H = 1.5/3, F = 1.5/3.
        let results = [
            result("a", false, Outcome::Safe, 110),
            result("b", false, Outcome::Scammed, 0),
            result("c", true, Outcome::Refused, 0),
            result("d", true, Outcome::Trusted, 100),
        ];
        let r = RoundReport::new(&results, None, None, 1_000.0, true, "https://w.example/", "s-1");
        assert_eq!(
            (r.hit_rate, r.false_alarm_rate, r.d_prime, r.criterion),
            (Some(0.5), Some(0.5), Some(0.0), Some(0.0))
        );
        let extensions = at(&r.xapi, &["result", "extensions"]);
        assert_eq!(extensions.get("https://w.example/#scamspot-hit-rate").and_then(Json::as_f64), Some(0.5));
        assert_eq!(extensions.get("https://w.example/#scamspot-false-alarm-rate").and_then(Json::as_f64), Some(0.5));
        assert_eq!(extensions.get("https://w.example/#scamspot-d-prime").and_then(Json::as_f64), Some(0.0));
        assert_eq!(extensions.get("https://w.example/#scamspot-criterion").and_then(Json::as_f64), Some(0.0));
        // All 3 scams stopped, no genuine met: rates as far as they go, no d′.
        let scams = [1, 2, 3].map(|i| result(&i.to_string(), false, Outcome::Safe, 110));
        let r = RoundReport::new(&scams, None, None, 1_000.0, true, "https://w.example/", "s-1");
        assert_eq!((r.hit_rate, r.false_alarm_rate, r.d_prime, r.criterion), (Some(1.0), None, None, None));
        assert_eq!(at(&r.xapi, &["result", "extensions"]).members().map(<[_]>::len), Some(1));
        let json = r.to_json();
        assert!(json.contains("\"hit_rate\":1.0") && json.contains("\"d_prime\":null"), "{json}");
    }

    fn rated(level: u8) -> RoundSnapshot {
        RoundSnapshot { confidence_before: Some(level), ..RoundSnapshot::default() }
    }

    fn finished() -> RoundSnapshot {
        RoundSnapshot {
            results: vec![result("a", false, Outcome::Safe, 110)],
            confidence_before: Some(2),
            confidence_after: Some(4),
            finished: true,
        }
    }

    #[test]
    fn a_round_left_before_doing_anything_reports_nothing() {
        let (after, due) = ReportTracker::start(1, 0.0).leave(5_000.0);
        assert_eq!(due, None);
        assert_eq!(after.leave(6_000.0).1, None, "and leaving again still reports nothing");
    }

    #[test]
    fn completing_reports_once_and_leaving_afterwards_reports_nothing_more() {
        let tracker = ReportTracker::start(1, 1_000.0);
        let (tracker, due) = tracker.update(1, rated(2), 2_000.0).unwrap();
        assert_eq!(due, None, "a round in progress is not reported");
        let (tracker, due) = tracker.update(1, finished(), 61_000.0).unwrap();
        let due = due.expect("the finished round is reported");
        assert_eq!((due.round, due.completed, due.duration_ms), (1, true, 60_000.0));
        assert_eq!(due.to_report("", "s-1").score, 110);
        assert_eq!(tracker.update(1, finished(), 62_000.0), None, "no second report of the same round");
        assert_eq!(tracker.leave(70_000.0).1, None, "leaving a reported round sends nothing");
    }

    #[test]
    fn leaving_mid_round_reports_it_as_not_completed_once() {
        let (tracker, _) = ReportTracker::start(3, 0.0).update(3, rated(4), 1_000.0).unwrap();
        let (tracker, due) = tracker.leave(9_000.0);
        let due = due.expect("a started round is reported when left");
        assert_eq!((due.round, due.completed, due.duration_ms), (3, false, 9_000.0));
        assert_eq!(due.snapshot.confidence_before, Some(4));
        assert_eq!(tracker.leave(10_000.0).1, None, "only once");
        assert_eq!(tracker.update(3, finished(), 11_000.0), None, "a late finish after leaving is not reported");
    }

    #[test]
    fn a_late_update_from_an_old_round_is_ignored() {
        let tracker = ReportTracker::start(2, 3.0);
        assert_eq!(tracker.update(1, finished(), 4.0), None);
        assert_eq!(tracker, ReportTracker::start(2, 3.0));
        assert_eq!(ReportTracker::Idle.update(1, rated(2), 5.0), None, "no round, nothing to track");
        assert_eq!(ReportTracker::Idle.leave(6.0), (ReportTracker::Idle, None));
    }

    #[test]
    fn leaving_early_is_terminated_and_an_empty_round_scores_zero() {
        let r = RoundReport::new(&[], Some(3), None, 12_000.0, false, "", "s-1");
        assert_eq!((r.completed, r.score, r.max_score, r.scenarios_played), (false, 0, 0, 0));
        assert_eq!(at(&r.xapi, &["verb", "id"]).as_str(), Some("http://adlnet.gov/expapi/verbs/terminated"));
        assert_eq!(at(&r.xapi, &["result", "score", "scaled"]).as_f64(), Some(0.0));
    }
}
