//! What an organiser sees: per class and overall, aggregates only — never a
//! list of who failed, no codes, no hashes.
//!
//! Retakes: without identities, rounds cannot be tied to students. A passed
//! round whose certificate carries a student-number hash is tied to that
//! hash, so one student's several passes count once, in `completed` and in
//! `passed`. Failed attempts are anonymous and each counts as a completed
//! round, so the pass rate is a lower bound when students retake.

use super::grade::Graded;
use crate::json::Json;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Techniques met fewer times than this are not ranked: a miss rate over one
/// or two scams says nothing.
pub const MIN_MEETINGS: u32 = 3;
pub const WEAKEST_SHOWN: usize = 5;
/// The participation chart covers at most this many days, the latest.
pub const MAX_CHART_DAYS: usize = 366;

/// One stored result, as the dashboard reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultFacts {
    pub class: String,
    pub day: u32,
    pub graded: Graded,
    /// The salted student-number hash on the round's certificate, if one was given.
    pub student: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TechniqueFigure {
    pub technique: String,
    pub met: u32,
    pub missed: u32,
    pub miss_rate: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassFigures {
    /// The class's name, or "all" for the whole campaign.
    pub class: String,
    pub started: u32,
    pub completed: u32,
    pub passed: u32,
    /// `None` (null) until a round is completed; likewise for the rates.
    pub pass_rate: Option<f64>,
    /// Scams stopped / scams met, over every completed round.
    pub hit_rate: Option<f64>,
    /// Genuine services refused / genuine met.
    pub false_alarm_rate: Option<f64>,
    pub weakest: Vec<TechniqueFigure>,
    /// Rounds completed per day, `[day, count]`, every day from the first
    /// completion on (at most `MAX_CHART_DAYS`).
    pub per_day: Vec<(u32, u32)>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dashboard {
    pub classes: Vec<ClassFigures>,
    pub overall: ClassFigures,
}

/// A share with three decimals; `None` of nothing.
fn rate(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| (f64::from(part) / f64::from(whole) * 1000.0).round() / 1000.0)
}

impl ClassFigures {
    fn of(class: &str, started: u32, results: &[&ResultFacts], today: u32) -> ClassFigures {
        let mut passers = BTreeSet::new();
        let (mut completed, mut passed) = (0, 0);
        let (mut scams, mut caught, mut genuine, mut refused) = (0, 0, 0, 0);
        let mut techniques: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
        let mut per_day: BTreeMap<u32, u32> = BTreeMap::new();
        for result in results {
            let g = &result.graded;
            let repeat_pass = g.passed && result.student.as_ref().is_some_and(|s| !passers.insert(s.as_str()));
            if !repeat_pass {
                completed += 1;
                passed += u32::from(g.passed);
            }
            (scams, caught, genuine, refused) =
                (scams + g.scams, caught + g.scams_caught, genuine + g.genuine, refused + g.false_alarms);
            for technique in &g.met_techniques {
                techniques.entry(technique).or_default().0 += 1;
            }
            for technique in &g.missed_techniques {
                techniques.entry(technique).or_default().1 += 1;
            }
            *per_day.entry(result.day).or_default() += 1;
        }
        let mut weakest: Vec<TechniqueFigure> = techniques
            .into_iter()
            .filter(|(_, (met, missed))| *met >= MIN_MEETINGS && *missed > 0)
            .map(|(technique, (met, missed))| TechniqueFigure {
                technique: technique.to_string(),
                met,
                missed,
                miss_rate: rate(missed, met).unwrap_or_default(),
            })
            .collect();
        weakest.sort_by(|a, b| b.miss_rate.total_cmp(&a.miss_rate).then_with(|| a.technique.cmp(&b.technique)));
        weakest.truncate(WEAKEST_SHOWN);
        ClassFigures {
            class: class.to_string(),
            started,
            completed,
            passed,
            pass_rate: rate(passed, completed),
            hit_rate: rate(caught, scams),
            false_alarm_rate: rate(refused, genuine),
            weakest,
            per_day: chart(&per_day, today),
        }
    }
}

/// Every day from the first completion to the later of the last one and `today`.
fn chart(per_day: &BTreeMap<u32, u32>, today: u32) -> Vec<(u32, u32)> {
    let (Some(&first), Some(&last)) = (per_day.keys().next(), per_day.keys().next_back()) else { return Vec::new() };
    let last = last.max(today);
    let first = first.max(last.saturating_sub(MAX_CHART_DAYS as u32 - 1));
    (first..=last).map(|day| (day, per_day.get(&day).copied().unwrap_or(0))).collect()
}

impl Dashboard {
    /// `starts`: rounds started per class name; results of classes not in `classes` are left out.
    pub fn from(results: &[ResultFacts], starts: &[(String, u32)], classes: &[String], today: u32) -> Dashboard {
        let started = |class: &str| starts.iter().filter(|(c, _)| c == class).map(|(_, n)| n).sum::<u32>();
        let known: Vec<&ResultFacts> = results.iter().filter(|r| classes.contains(&r.class)).collect();
        let figures = classes
            .iter()
            .map(|class| {
                let of_class: Vec<&ResultFacts> = known.iter().copied().filter(|r| &r.class == class).collect();
                ClassFigures::of(class, started(class), &of_class, today)
            })
            .collect();
        let all_started = classes.iter().map(|c| started(c)).sum();
        Dashboard { classes: figures, overall: ClassFigures::of("all", all_started, &known, today) }
    }

    /// One row per class, then "all"; rates as shares with three decimals,
    /// empty where undefined; the weakest techniques joined by spaces.
    pub fn to_csv(&self) -> String {
        let mut csv =
            String::from("class,started,completed,passed,pass_rate,hit_rate,false_alarm_rate,weakest_techniques\r\n");
        let share = |r: Option<f64>| r.map(|r| format!("{r:.3}")).unwrap_or_default();
        for f in self.classes.iter().chain([&self.overall]) {
            let weakest: Vec<&str> = f.weakest.iter().map(|t| t.technique.as_str()).collect();
            csv += &format!(
                "{},{},{},{},{},{},{},{}\r\n",
                csv_text(&f.class),
                f.started,
                f.completed,
                f.passed,
                share(f.pass_rate),
                share(f.hit_rate),
                share(f.false_alarm_rate),
                csv_text(&weakest.join(" "))
            );
        }
        csv
    }
}

/// Reading the dashboard's JSON back (the staff page has no serde_json):
/// the same types, so the page cannot drift from what the server sends.
impl Dashboard {
    pub fn read(json: &Json) -> Option<Dashboard> {
        let classes = json.get("classes")?.items()?.iter().map(ClassFigures::read).collect::<Option<_>>()?;
        Some(Dashboard { classes, overall: ClassFigures::read(json.get("overall")?)? })
    }
}

impl ClassFigures {
    fn read(json: &Json) -> Option<ClassFigures> {
        let number = |json: &Json, key: &str| u32::try_from(json.get(key)?.as_u64()?).ok();
        let rate = |key: &str| json.get(key).and_then(Json::as_f64);
        let weakest = json.get("weakest")?.items()?.iter().map(|w| {
            Some(TechniqueFigure {
                technique: w.get("technique")?.as_str()?.to_string(),
                met: number(w, "met")?,
                missed: number(w, "missed")?,
                miss_rate: w.get("miss_rate")?.as_f64()?,
            })
        });
        let per_day = json.get("per_day")?.items()?.iter().map(|d| match d.items()? {
            [day, count] => Some((u32::try_from(day.as_u64()?).ok()?, u32::try_from(count.as_u64()?).ok()?)),
            _ => None,
        });
        Some(ClassFigures {
            class: json.get("class")?.as_str()?.to_string(),
            started: number(json, "started")?,
            completed: number(json, "completed")?,
            passed: number(json, "passed")?,
            pass_rate: rate("pass_rate"),
            hit_rate: rate("hit_rate"),
            false_alarm_rate: rate("false_alarm_rate"),
            weakest: weakest.collect::<Option<_>>()?,
            per_day: per_day.collect::<Option<_>>()?,
        })
    }
}

/// A CSV field, quoted; a leading `= + - @` gets an apostrophe so a
/// spreadsheet shows a class name instead of running it as a formula.
fn csv_text(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_string() };
    format!("\"{}\"", guarded.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graded(score: u32, scams: u32, caught: u32, genuine: u32, refused: u32, missed: &[&str]) -> Graded {
        Graded {
            score,
            passed: score >= 80,
            scams,
            scams_caught: caught,
            genuine,
            genuine_trusted: genuine - refused,
            false_alarms: refused,
            met_techniques: ["advance-fee", "urgency"].iter().map(|t| t.to_string()).collect(),
            missed_techniques: missed.iter().map(|t| t.to_string()).collect(),
            per_type: vec![],
        }
    }

    fn result(class: &str, day: u32, graded: Graded, student: Option<&str>) -> ResultFacts {
        ResultFacts { class: class.into(), day, graded, student: student.map(String::from) }
    }

    fn classes() -> Vec<String> {
        vec!["CS 1".into(), "=Law, 2".into(), "Art".into()]
    }

    fn results() -> Vec<ResultFacts> {
        vec![
            result("CS 1", 100, graded(90, 3, 3, 1, 0, &[]), Some("h1")),
            // The same student passes again: counted once.
            result("CS 1", 101, graded(95, 3, 3, 1, 0, &[]), Some("h1")),
            result("CS 1", 101, graded(40, 3, 1, 1, 1, &["advance-fee", "urgency"]), None),
            result("=Law, 2", 103, graded(85, 3, 2, 1, 0, &["advance-fee"]), None),
            result("=Law, 2", 103, graded(60, 2, 1, 2, 1, &["advance-fee"]), None),
            result("Elsewhere", 103, graded(100, 3, 3, 1, 0, &[]), None),
        ]
    }

    #[test]
    fn figures_per_class_and_overall_count_a_students_retake_once() {
        let starts = vec![("CS 1".to_string(), 5), ("=Law, 2".to_string(), 2)];
        let d = Dashboard::from(&results(), &starts, &classes(), 104);
        let cs = &d.classes[0];
        assert_eq!((cs.started, cs.completed, cs.passed), (5, 2, 1));
        assert_eq!(cs.pass_rate, Some(0.5));
        assert_eq!(cs.hit_rate, Some(round3(7.0 / 9.0)));
        assert_eq!(cs.false_alarm_rate, Some(round3(1.0 / 3.0)));
        assert_eq!(cs.per_day, [(100, 1), (101, 2), (102, 0), (103, 0), (104, 0)]);
        let law = &d.classes[1];
        assert_eq!((law.completed, law.passed, law.pass_rate), (2, 1, Some(0.5)));
        let art = &d.classes[2];
        assert_eq!((art.started, art.completed, art.pass_rate, art.hit_rate), (0, 0, None, None));
        assert!(art.per_day.is_empty());
        let all = &d.overall;
        assert_eq!((all.class.as_str(), all.started, all.completed, all.passed), ("all", 7, 4, 2));
        let names: Vec<&str> = all.weakest.iter().map(|t| t.technique.as_str()).collect();
        assert_eq!(names, ["advance-fee", "urgency"], "missed 3 and 1 of 5");
        assert_eq!((all.weakest[0].met, all.weakest[0].missed, all.weakest[0].miss_rate), (5, 3, 0.6));
        assert!(d.classes[1].weakest.is_empty(), "advance-fee met only twice in the class");
        let mut two = results();
        two.push(result("Art", 103, graded(10, 3, 0, 1, 1, &["urgency"]), None));
        let d = Dashboard::from(&two, &starts, &classes(), 104);
        let names: Vec<&str> = d.overall.weakest.iter().map(|t| t.technique.as_str()).collect();
        assert_eq!(names, ["advance-fee", "urgency"], "by miss rate: 3/6, then 2/6");
    }

    fn round3(x: f64) -> f64 {
        (x * 1000.0).round() / 1000.0
    }

    #[test]
    fn the_csv_has_a_row_per_class_and_all_and_nothing_personal() {
        let d = Dashboard::from(&results(), &[], &classes(), 104);
        let csv = d.to_csv();
        let rows: Vec<&str> = csv.lines().collect();
        assert_eq!(rows.len(), 5);
        assert_eq!(rows[0], "class,started,completed,passed,pass_rate,hit_rate,false_alarm_rate,weakest_techniques");
        assert_eq!(rows[1], "\"CS 1\",0,2,1,0.500,0.778,0.333,\"advance-fee urgency\"");
        assert!(rows[2].starts_with("\"'=Law, 2\",0,2,1,0.500,"), "{}", rows[2]);
        assert_eq!(rows[3], "\"Art\",0,0,0,,,,\"\"");
        assert!(rows[4].starts_with("\"all\",0,4,2,0.500,"));
        assert!(!csv.contains("h1"));
    }

    #[test]
    fn the_json_the_server_sends_reads_back_into_the_same_dashboard() {
        let results = [
            result("CS 1", 20_000, graded(90, 2, 1, 1, 0, &["advance-fee"]), Some("h1")),
            result("Art", 20_002, graded(40, 2, 0, 1, 1, &["advance-fee", "urgency"]), None),
        ];
        let dashboard = Dashboard::from(&results, &[("CS 1".into(), 3)], &classes(), 20_003);
        let sent = serde_json::to_string(&dashboard).unwrap();
        assert_eq!(Dashboard::read(&crate::json::read(&sent).unwrap().root), Some(dashboard));
        assert_eq!(Dashboard::read(&crate::json::read(r#"{"classes":[]}"#).unwrap().root), None);
    }
}
