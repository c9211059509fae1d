//! Saved progress: what survives a reload. Stored as JSON by the web layer;
//! reading it back never fails: what cannot be read is reset with a notice,
//! and what can be kept is kept.

use super::discrimination::Tally;
use super::keyed::Keyed;
use super::mastery::Recognition;
use super::report::RoundSnapshot;
use super::score::{RoundSummary, ScenarioResult};
use super::stored;
use crate::json::{self, Json};
#[cfg(test)]
use std::collections::BTreeMap;

/// Bump when the stored shape changes, and teach `restore` the old one.
pub const PROGRESS_VERSION: u32 = 1;

/// Days after a round when its booster rounds fall due. Inoculation effects
/// fade within about two weeks; short boosters, spaced out, renew them.
pub const BOOSTER_DAYS: [u32; 3] = [2, 7, 30];

/// Rounds kept in the history: enough for a trend over a term, small enough
/// for localStorage (about 150 bytes a round).
pub const HISTORY_ROUNDS: usize = 30;

#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub version: u32,
    /// The learner's own seed, drawn at first use: it orders the choices of
    /// every decision they meet, the same way on each visit. `None` in
    /// progress saved before seeds; the web layer then draws one (`seeded`).
    pub seed: Option<u64>,
    pub rounds: u32,
    /// Best round score as (points, out of).
    pub best_round: Option<(u32, u32)>,
    /// The last `HISTORY_ROUNDS` finished rounds, oldest first: what the
    /// learner's discrimination is measured over.
    pub history: Vec<RoundEntry>,
    /// Per scenario id.
    pub scenarios: Keyed<ScenarioRecord>,
    /// Scenarios handled wrong, with the day (days since 1970) it happened:
    /// a booster round brings them back beside unseen scenarios like them.
    pub missed: Keyed<u32>,
    /// The booster rounds still to come, if a round has started a schedule.
    pub boosters: Option<Boosters>,
    /// Per technique id: how reliably the learner recognises it.
    pub mastery: Keyed<Recognition>,
}

/// Where the learner is in a booster schedule (`BOOSTER_DAYS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Boosters {
    /// The day (days since 1970) of the round the schedule counts from.
    pub since: u32,
    /// How many of `BOOSTER_DAYS` are behind: played, or skipped because the
    /// next one was already due when a booster was played.
    pub stage: usize,
}

impl Boosters {
    /// The day the next booster falls due, if one is left.
    pub fn next_due(&self) -> Option<u32> {
        BOOSTER_DAYS.get(self.stage).map(|days| self.since.saturating_add(*days))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioRecord {
    pub plays: u32,
    pub best_points: u32,
    pub max_points: u32,
    /// Whether the last play was handled right (scam stopped, genuine used).
    pub last_right: bool,
}

/// One finished round in the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoundEntry {
    /// Days since 1970.
    pub day: u32,
    /// Nested rather than flattened, as the stored shape has it.
    pub tally: Tally,
    pub confidence_before: Option<u8>,
    pub confidence_after: Option<u8>,
}

impl RoundEntry {
    /// The entry for the round `snapshot` shows, finished on day `day`.
    pub fn of(snapshot: &RoundSnapshot, day: u32) -> RoundEntry {
        RoundEntry {
            day,
            tally: Tally::of(&RoundSummary::from_results(&snapshot.results)),
            confidence_before: snapshot.confidence_before,
            confidence_after: snapshot.confidence_after,
        }
    }
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            version: PROGRESS_VERSION,
            seed: None,
            rounds: 0,
            best_round: None,
            history: Vec::new(),
            scenarios: Keyed::default(),
            missed: Keyed::default(),
            boosters: None,
            mastery: Keyed::default(),
        }
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
        let map = match json::read(raw) {
            Ok(document) if document.root.members().is_some() => document.root,
            _ => return (Progress::default(), Some(RestoreNotice::Corrupt)),
        };
        match map.get("version").and_then(Json::as_u64) {
            Some(v) if v == u64::from(PROGRESS_VERSION) => {}
            Some(v) if v > u64::from(PROGRESS_VERSION) => {
                return (Progress::default(), Some(RestoreNotice::Newer(v as u32)));
            }
            _ => return (Progress::default(), Some(RestoreNotice::Corrupt)),
        }
        if let Some(progress) = Progress::from_json(&map) {
            return (progress.with_boosters_for_old_misses(), None);
        }
        // Keep every part that still reads; drop only what is damaged.
        let part = |key: &str| map.get(key);
        let mut progress = Progress {
            seed: part("seed").and_then(Json::as_u64),
            rounds: part("rounds").and_then(Json::as_u64).map_or(0, |n| n.min(u64::from(u32::MAX)) as u32),
            best_round: part("best_round").and_then(stored::best_round),
            missed: part("missed").and_then(|v| stored::map(v, stored::unsigned)).unwrap_or_default(),
            history: part("history").and_then(stored::history).unwrap_or_default(),
            boosters: part("boosters").and_then(stored::boosters),
            mastery: part("mastery").and_then(|v| stored::map(v, stored::recognition)).unwrap_or_default(),
            ..Progress::default()
        }
        .with_boosters_for_old_misses();
        let mut dropped = 0;
        if let Some(entries) = part("scenarios").and_then(Json::members) {
            for (id, entry) in entries {
                match stored::scenario_record(entry) {
                    Some(record) => {
                        progress.scenarios.insert(id.clone(), record);
                    }
                    None => dropped += 1,
                }
            }
        } else {
            dropped += 1;
        }
        let kept = progress.scenarios.len();
        (progress, Some(RestoreNotice::Repaired { kept, dropped }))
    }

    /// Progress saved before boosters had only the mistakes (due for review
    /// three days on): their schedule counts from the oldest one.
    fn with_boosters_for_old_misses(mut self) -> Progress {
        if self.boosters.is_none() {
            self.boosters = self.missed.values().min().map(|&since| Boosters { since, stage: 0 });
        }
        self
    }

    /// This progress with a learner seed: the one it has, else `fresh`.
    pub fn seeded(self, fresh: u64) -> Progress {
        Progress { seed: self.seed.or(Some(fresh)), ..self }
    }

    /// Records a finished round played on day `today`.
    pub fn record(&mut self, results: &[ScenarioResult], today: u32) {
        let summary = RoundSummary::from_results(results);
        self.rounds += 1;
        if self.best_round.is_none_or(|(best, _)| summary.points > best) {
            self.best_round = Some((summary.points, summary.max_points));
        }
        for r in results {
            let record = self.scenarios.get_or_insert_with(&r.scenario_id, || ScenarioRecord {
                plays: 0,
                best_points: 0,
                max_points: r.max_points,
                last_right: false,
            });
            record.plays += 1;
            if r.points >= record.best_points {
                record.best_points = r.points;
                record.max_points = r.max_points;
            }
            record.last_right = r.handled_right();
            if r.handled_right() {
                self.missed.remove(&r.scenario_id);
            } else {
                self.missed.insert(r.scenario_id.clone(), today);
            }
        }
    }

    /// Adds a finished round to the history, dropping the oldest beyond
    /// `HISTORY_ROUNDS`.
    pub fn remember(&mut self, entry: RoundEntry) {
        self.history.push(entry);
        let excess = self.history.len().saturating_sub(HISTORY_ROUNDS);
        self.history.drain(..excess);
    }

    /// Everything the history holds, added up: the learner's overall figures.
    pub fn overall(&self) -> Tally {
        self.history.iter().map(|entry| entry.tally).sum()
    }

    pub fn plays(&self, id: &str) -> u32 {
        self.scenarios.get(id).map_or(0, |r| r.plays)
    }

    /// Moves the booster schedule on after a round played on day `today`.
    /// A booster moves on to the next stage still ahead (one played late
    /// skips those already due, so two never fall on one day); any other
    /// round starts a schedule unless one is running.
    pub fn schedule_boosters(&mut self, booster: bool, today: u32) {
        match (&mut self.boosters, booster) {
            (Some(schedule), true) => {
                schedule.stage = BOOSTER_DAYS
                    .iter()
                    .position(|days| schedule.since.saturating_add(*days) > today)
                    .unwrap_or(BOOSTER_DAYS.len());
            }
            (Some(schedule), false) if schedule.next_due().is_some() => {}
            _ => self.boosters = Some(Boosters { since: today, stage: 0 }),
        }
    }

    /// After a booster aimed at mistake `miss` (`plan::booster_miss`): the
    /// mistake is retrieved, and leaves the list, when the learner handled
    /// every scenario of the booster right (the parallel scam and the
    /// genuine look-alike); otherwise it stays for the next booster.
    pub fn retrieved(&mut self, miss: &str, booster: &[ScenarioResult]) {
        if !booster.is_empty() && booster.iter().all(ScenarioResult::handled_right) {
            self.missed.remove(miss);
        }
    }

    /// Whether a booster round is due on day `today`.
    pub fn booster_due(&self, today: u32) -> bool {
        self.boosters.and_then(|b| b.next_due()).is_some_and(|day| day <= today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Outcome;

    fn result(id: &str, points: u32, outcome: Outcome) -> ScenarioResult {
        ScenarioResult {
            scenario_id: id.into(),
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
        p.record(&[result("a", 100, Outcome::Safe)], 10);
        p.record(&[result("a", 0, Outcome::Scammed)], 11);
        let (back, notice) = Progress::restore(Some(&p.to_json()));
        assert_eq!(notice, None);
        assert_eq!(back.rounds, 2);
        assert_eq!(back.best_round, Some((100, 100)));
        let a = &back.scenarios["a"];
        assert_eq!((a.plays, a.best_points, a.last_right), (2, 100, false));
        assert_eq!(back.plays("a"), 2);
        assert_eq!(back.plays("b"), 0);
    }

    #[test]
    fn mistakes_are_kept_with_their_day_until_handled_right() {
        let mut p = Progress::default();
        p.record(&[result("a", 0, Outcome::Scammed), result("c", 100, Outcome::Safe)], 101);
        p.record(&[result("b", 0, Outcome::Refused)], 100);
        assert_eq!(p.missed, BTreeMap::from([("a".into(), 101), ("b".into(), 100)]));
        p.record(&[result("a", 100, Outcome::Safe)], 104);
        assert_eq!(p.missed, BTreeMap::from([("b".into(), 100)]));
        let (back, _) = Progress::restore(Some(&p.to_json()));
        assert_eq!(back.missed, p.missed);
    }

    /// Plays a round (a booster or not) on each day of `days` and says on
    /// which days from 0 to 100 a booster was due.
    fn due_days(rounds: &[(u32, bool)]) -> Vec<u32> {
        let mut p = Progress::default();
        let mut due = Vec::new();
        for day in 0..=100 {
            if p.booster_due(day) {
                due.push(day);
            }
            for &(_, booster) in rounds.iter().filter(|(d, _)| *d == day) {
                p.schedule_boosters(booster, day);
            }
        }
        due
    }

    #[test]
    fn a_round_makes_a_booster_due_two_days_later_not_before_and_it_stays_due_until_played() {
        let mut p = Progress::default();
        assert!(!p.booster_due(0), "nothing played, nothing due");
        p.schedule_boosters(false, 10);
        assert!(!p.booster_due(11));
        assert!(p.booster_due(12));
        assert!(p.booster_due(50), "still due until played");
    }

    #[test]
    fn each_booster_played_makes_the_next_stage_due_at_seven_then_thirty_days() {
        let played_on_time = [(0, false), (2, true), (7, true), (30, true)];
        let due = due_days(&played_on_time);
        assert_eq!(due.first(), Some(&2));
        assert!(due.contains(&7) && due.contains(&30) && !due.contains(&3) && !due.contains(&29));
        assert_eq!(due.iter().filter(|&&d| d > 30).count(), 0, "the schedule is over after the 30-day booster");
        let mut p = Progress::default();
        p.schedule_boosters(false, 0);
        p.schedule_boosters(true, 2);
        assert_eq!((p.boosters.unwrap().next_due(), p.booster_due(6), p.booster_due(7)), (Some(7), false, true));
    }

    #[test]
    fn a_booster_played_late_skips_the_stages_already_due() {
        let mut p = Progress::default();
        p.schedule_boosters(false, 0);
        p.schedule_boosters(true, 10);
        assert_eq!(p.boosters.unwrap().next_due(), Some(30), "the 7-day one has passed: never two in a day");
        p.schedule_boosters(true, 40);
        assert_eq!(p.boosters.unwrap().next_due(), None);
        assert!(!p.booster_due(1000));
    }

    #[test]
    fn more_rounds_keep_a_running_schedule_and_start_a_new_one_when_it_is_over() {
        let due = due_days(&[(0, false), (1, false), (2, false), (3, true), (5, false), (7, true), (30, true)]);
        assert_eq!(due[0], 2, "rounds on days 1 and 2 do not put the first booster off");
        let mut p = Progress::default();
        p.schedule_boosters(false, 0);
        for day in [2, 7, 30] {
            p.schedule_boosters(true, day);
        }
        p.schedule_boosters(false, 60);
        assert_eq!(p.boosters, Some(Boosters { since: 60, stage: 0 }));
        assert!(p.booster_due(62));
    }

    #[test]
    fn an_old_save_with_only_mistakes_gets_a_schedule_from_the_oldest_one() {
        let old = r#"{"version":1,"rounds":2,"best_round":[80,100],
            "scenarios":{"a":{"plays":1,"best_points":0,"max_points":100,"last_right":false}},
            "missed":{"a":20,"b":17}}"#;
        let (p, notice) = Progress::restore(Some(old));
        assert_eq!(notice, None);
        assert_eq!(p.missed.len(), 2);
        assert_eq!(p.boosters, Some(Boosters { since: 17, stage: 0 }));
        assert!(!p.booster_due(18) && p.booster_due(19));
        let (none_missed, _) = Progress::restore(Some(r#"{"version":1,"rounds":1}"#));
        assert_eq!(none_missed.boosters, None);
        let damaged = r#"{"version":1,"rounds":1,"scenarios":{"x":{"plays":"many"}},"missed":{"a":5}}"#;
        assert_eq!(Progress::restore(Some(damaged)).0.boosters, Some(Boosters { since: 5, stage: 0 }));
    }

    #[test]
    fn a_booster_handled_right_retrieves_its_mistake_and_one_gone_wrong_keeps_it() {
        let mut p = Progress::default();
        p.record(&[result("a", 0, Outcome::Scammed)], 10);
        p.retrieved("a", &[result("b", 100, Outcome::Safe), result("c", 0, Outcome::Refused)]);
        assert!(p.missed.contains_key("a"), "the genuine look-alike was refused");
        p.retrieved("a", &[result("b", 100, Outcome::Safe), result("c", 100, Outcome::Trusted)]);
        assert!(p.missed.is_empty());
    }

    fn entry(day: u32, hits: u32) -> RoundEntry {
        let tally = Tally { scams: 4, hits, genuine: 1, ..Tally::default() };
        RoundEntry { day, tally, confidence_before: Some(3), confidence_after: Some(4) }
    }

    #[test]
    fn the_history_keeps_the_last_rounds_and_adds_them_up() {
        let mut p = Progress::default();
        for day in 0..HISTORY_ROUNDS as u32 + 5 {
            p.remember(entry(day, day % 5));
        }
        assert_eq!(p.history.len(), HISTORY_ROUNDS);
        assert_eq!(p.history[0].day, 5, "the oldest went first");
        let overall = p.overall();
        assert_eq!((overall.scams, overall.genuine), (4 * HISTORY_ROUNDS as u32, HISTORY_ROUNDS as u32));
        assert_eq!(overall.hits, (5..35).map(|d| d % 5).sum::<u32>());
        let (back, notice) = Progress::restore(Some(&p.to_json()));
        assert_eq!((notice, back), (None, p));
    }

    #[test]
    fn a_save_from_before_the_history_loads_with_an_empty_one() {
        let raw = r#"{"version":1,"rounds":2,"best_round":[90,120],"scenarios":{}}"#;
        let (p, notice) = Progress::restore(Some(raw));
        assert_eq!((notice, p.rounds, p.history.len()), (None, 2, 0));
        let damaged = r#"{"version":1,"rounds":2,"history":[{"day":3,"tally":{"scams":1,"hits":1,"genuine":0,
            "false_alarms":0,"flags_found":1,"flags_total":2,"wrong_taps":0},"confidence_before":2,
            "confidence_after":null}],"scenarios":{"a":{"plays":"x"}}}"#;
        let (p, _) = Progress::restore(Some(damaged));
        assert_eq!(p.history.len(), 1, "a readable history survives a damaged entry elsewhere");
        assert_eq!((p.history[0].tally.flags_total, p.history[0].confidence_after), (2, None));
    }

    #[test]
    fn the_learner_seed_is_drawn_once_and_kept_and_old_saves_get_one() {
        let old_save = r#"{"version":1,"rounds":2}"#;
        let (p, notice) = Progress::restore(Some(old_save));
        assert_eq!((p.seed, notice), (None, None), "progress saved before seeds still reads");
        let p = p.seeded(99);
        assert_eq!(p.seed, Some(99));
        let (back, _) = Progress::restore(Some(&p.to_json()));
        assert_eq!(back.clone().seeded(5).seed, Some(99), "a saved seed is never replaced");
        let damaged = r#"{"version":1,"seed":12345678901234567890,"scenarios":{"a":{"plays":"x"}}}"#;
        assert_eq!(Progress::restore(Some(damaged)).0.seed, Some(12_345_678_901_234_567_890), "kept through a repair");
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
            "a":{"plays":2,"best_points":80,"max_points":100,"last_right":true},
            "b":{"plays":"many"}}}"#;
        let (p, notice) = Progress::restore(Some(raw));
        assert_eq!(notice, Some(RestoreNotice::Repaired { kept: 1, dropped: 1 }));
        assert_eq!(p.rounds, 4);
        assert_eq!(p.best_round, None);
        assert_eq!(p.scenarios["a"].best_points, 80);
    }
}
