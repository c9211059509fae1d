//! Saved progress as JSON, written and read by hand through `json::Json`
//! (no serde code in the wasm). The shape is the one serde's derives wrote
//! before: fields in declaration order, maps as objects, pairs as lists,
//! `None` as null. Reading is as strict as those derives were (absent
//! optional parts take their default, unknown fields are ignored), so that
//! `Progress::restore` can tell damaged parts from sound ones.

use super::discrimination::Tally;
use super::keyed::Keyed;
use super::mastery::Recognition;
use super::progress::{Boosters, Progress, RoundEntry, ScenarioRecord};
use crate::json::Json;

/// A value read as `T`, or `None` when it does not fit.
pub type Read<T> = fn(&Json) -> Option<T>;

impl Progress {
    pub fn to_json(&self) -> String {
        Json::object(vec![
            ("version", self.version.into()),
            ("seed", self.seed.into()),
            ("rounds", self.rounds.into()),
            (
                "best_round",
                self.best_round.map(|(points, out_of)| Json::Array(vec![points.into(), out_of.into()])).into(),
            ),
            ("history", Json::Array(self.history.iter().map(round_entry_json).collect())),
            ("scenarios", object(&self.scenarios, scenario_json)),
            ("missed", object(&self.missed, |day| Json::from(*day))),
            (
                "boosters",
                self.boosters.map(|b| Json::object(vec![("since", b.since.into()), ("stage", b.stage.into())])).into(),
            ),
            (
                "mastery",
                object(&self.mastery, |r| {
                    Json::object(vec![("recognised", r.recognised.into()), ("chances", r.chances.into())])
                }),
            ),
        ])
        .to_text()
    }

    /// The whole of stored progress, or `None` if any part is damaged.
    pub(super) fn from_json(value: &Json) -> Option<Progress> {
        Some(Progress {
            version: unsigned(value.get("version")?)?,
            seed: optional(value, "seed", Json::as_u64)?,
            rounds: unsigned(value.get("rounds")?)?,
            best_round: optional(value, "best_round", best_round)?,
            history: defaulted(value, "history", history)?,
            scenarios: defaulted(value, "scenarios", |v| map(v, scenario_record))?,
            missed: defaulted(value, "missed", |v| map(v, unsigned))?,
            boosters: optional(value, "boosters", boosters)?,
            mastery: defaulted(value, "mastery", |v| map(v, recognition))?,
        })
    }
}

fn object<T>(map: &Keyed<T>, write: fn(&T) -> Json) -> Json {
    Json::Object(map.iter().map(|(key, value)| (key.clone(), write(value))).collect())
}

fn round_entry_json(entry: &RoundEntry) -> Json {
    let t = &entry.tally;
    let tally = Json::object(vec![
        ("scams", t.scams.into()),
        ("hits", t.hits.into()),
        ("genuine", t.genuine.into()),
        ("false_alarms", t.false_alarms.into()),
        ("flags_found", t.flags_found.into()),
        ("flags_total", t.flags_total.into()),
        ("wrong_taps", t.wrong_taps.into()),
    ]);
    Json::object(vec![
        ("day", entry.day.into()),
        ("tally", tally),
        ("confidence_before", entry.confidence_before.into()),
        ("confidence_after", entry.confidence_after.into()),
    ])
}

fn scenario_json(record: &ScenarioRecord) -> Json {
    Json::object(vec![
        ("plays", record.plays.into()),
        ("best_points", record.best_points.into()),
        ("max_points", record.max_points.into()),
        ("last_right", record.last_right.into()),
    ])
}

/// An optional field: absent or null is `None`, anything else must read.
fn optional<T>(object: &Json, key: &str, read: Read<T>) -> Option<Option<T>> {
    match object.get(key) {
        None | Some(Json::Null) => Some(None),
        Some(value) => read(value).map(Some),
    }
}

/// A field with a default: absent is the default, present must read.
fn defaulted<T: Default>(object: &Json, key: &str, read: Read<T>) -> Option<T> {
    object.get(key).map_or_else(|| Some(T::default()), read)
}

pub fn unsigned(value: &Json) -> Option<u32> {
    u32::try_from(value.as_u64()?).ok()
}

fn small(value: &Json) -> Option<u8> {
    u8::try_from(value.as_u64()?).ok()
}

/// An object as a map (a key written twice: the last one, as serde kept it).
pub fn map<T>(value: &Json, read: Read<T>) -> Option<Keyed<T>> {
    let mut map = Keyed::default();
    for (key, value) in value.members()? {
        map.insert(key.clone(), read(value)?);
    }
    Some(map)
}

pub fn best_round(value: &Json) -> Option<(u32, u32)> {
    match value.items()? {
        [points, out_of] => Some((unsigned(points)?, unsigned(out_of)?)),
        _ => None,
    }
}

pub fn history(value: &Json) -> Option<Vec<RoundEntry>> {
    value.each(round_entry)
}

fn round_entry(value: &Json) -> Option<RoundEntry> {
    let t = value.get("tally")?;
    let count = |key: &str| unsigned(t.get(key)?);
    let tally = Tally {
        scams: count("scams")?,
        hits: count("hits")?,
        genuine: count("genuine")?,
        false_alarms: count("false_alarms")?,
        flags_found: count("flags_found")?,
        flags_total: count("flags_total")?,
        wrong_taps: count("wrong_taps")?,
    };
    Some(RoundEntry {
        day: unsigned(value.get("day")?)?,
        tally,
        confidence_before: optional(value, "confidence_before", small)?,
        confidence_after: optional(value, "confidence_after", small)?,
    })
}

pub fn scenario_record(value: &Json) -> Option<ScenarioRecord> {
    Some(ScenarioRecord {
        plays: unsigned(value.get("plays")?)?,
        best_points: unsigned(value.get("best_points")?)?,
        max_points: unsigned(value.get("max_points")?)?,
        last_right: value.get("last_right")?.as_bool()?,
    })
}

pub fn boosters(value: &Json) -> Option<Boosters> {
    let stage = usize::try_from(value.get("stage")?.as_u64()?).ok()?;
    Some(Boosters { since: unsigned(value.get("since")?)?, stage })
}

pub fn recognition(value: &Json) -> Option<Recognition> {
    Some(Recognition { recognised: unsigned(value.get("recognised")?)?, chances: unsigned(value.get("chances")?)? })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What serde's derives wrote for this progress, byte for byte.
    const SERDE_WROTE: &str = r#"{"version":1,"seed":12345678901234567890,"rounds":3,"best_round":[90,120],"history":[{"day":20001,"tally":{"scams":4,"hits":3,"genuine":1,"false_alarms":1,"flags_found":5,"flags_total":7,"wrong_taps":2},"confidence_before":2,"confidence_after":null}],"scenarios":{"a \"q\"":{"plays":1,"best_points":0,"max_points":100,"last_right":false},"b-x":{"plays":2,"best_points":80,"max_points":120,"last_right":true}},"missed":{"a \"q\"":20001},"boosters":{"since":20001,"stage":1},"mastery":{"urgency":{"recognised":2,"chances":3}}}"#;

    fn progress() -> Progress {
        let tally =
            Tally { scams: 4, hits: 3, genuine: 1, false_alarms: 1, flags_found: 5, flags_total: 7, wrong_taps: 2 };
        let mut p = Progress {
            seed: Some(12_345_678_901_234_567_890),
            rounds: 3,
            best_round: Some((90, 120)),
            ..Progress::default()
        };
        p.history.push(RoundEntry { day: 20001, tally, confidence_before: Some(2), confidence_after: None });
        p.scenarios
            .insert("b-x".into(), ScenarioRecord { plays: 2, best_points: 80, max_points: 120, last_right: true });
        p.scenarios
            .insert("a \"q\"".into(), ScenarioRecord { plays: 1, best_points: 0, max_points: 100, last_right: false });
        p.missed.insert("a \"q\"".into(), 20001);
        p.boosters = Some(Boosters { since: 20001, stage: 1 });
        p.mastery.insert("urgency".into(), Recognition { recognised: 2, chances: 3 });
        p
    }

    #[test]
    fn progress_is_written_as_serde_wrote_it_and_read_back_whole() {
        assert_eq!(progress().to_json(), SERDE_WROTE);
        let read = Progress::from_json(&crate::json::read(SERDE_WROTE).unwrap().root);
        assert_eq!(read, Some(progress()));
        let fresh = r#"{"version":1,"seed":null,"rounds":0,"best_round":null,"history":[],"scenarios":{},"missed":{},"boosters":null,"mastery":{}}"#;
        assert_eq!(Progress::default().to_json(), fresh);
    }

    #[test]
    fn a_part_that_does_not_fit_makes_the_whole_unreadable() {
        for damaged in [
            SERDE_WROTE.replace("\"stage\":1", "\"stage\":-1"),
            SERDE_WROTE.replace("[90,120]", "[90]"),
            SERDE_WROTE.replace("\"history\":[", "\"history\":null,\"x\":["),
            SERDE_WROTE.replace("\"confidence_before\":2", "\"confidence_before\":256"),
            SERDE_WROTE.replace("\"last_right\":true", "\"last_right\":1"),
        ] {
            assert_eq!(Progress::from_json(&crate::json::read(&damaged).unwrap().root), None, "{damaged}");
        }
    }
}
