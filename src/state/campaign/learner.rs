//! A learner's campaign round (`?campaign=TOKEN`, `<scam-spot campaign=…>`):
//! the class as the server describes it, what is sent (the round's record,
//! never a score: the server replays it and scores it itself), and the
//! server's answer, from "sending…" to a certificate.

use scamspot_core::campaign::RoundSpec;
use scamspot_core::engine::RoundRecord;
use scamspot_core::json::Json;
use std::rc::Rc;

/// `GET /api/classes/{token}`.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassInfo {
    pub campaign: String,
    pub class: String,
    pub pass_mark: u32,
    pub deadline_day: u32,
    /// Before the end of the deadline day.
    pub open: bool,
    pub round: RoundSpec,
    pub require_student_number: bool,
}

fn number(json: &Json, key: &str) -> Option<u32> {
    json.get(key)?.as_u64().and_then(|n| u32::try_from(n).ok())
}

fn text(json: &Json, key: &str) -> Option<String> {
    json.get(key)?.as_str().map(str::to_string)
}

impl ClassInfo {
    pub fn from_json(json: &Json) -> Option<ClassInfo> {
        let round = json.get("round")?;
        let types: Option<Vec<String>> =
            round.get("types")?.items()?.iter().map(|t| t.as_str().map(str::to_string)).collect();
        Some(ClassInfo {
            campaign: text(json, "campaign")?,
            class: text(json, "class")?,
            pass_mark: number(json, "pass_mark")?,
            deadline_day: number(json, "deadline_day")?,
            open: json.get("open")?.as_bool()?,
            round: RoundSpec {
                length: number(round, "length")? as usize,
                min_genuine: number(round, "min_genuine")? as usize,
                types: types?,
            },
            require_student_number: json.get("require_student_number")?.as_bool()?,
        })
    }
}

/// The class link as far as the learner's app got.
#[derive(Debug, Clone, PartialEq)]
pub enum ClassState {
    Loading,
    Ready(Rc<ClassInfo>),
    /// 404: no such class (a mistyped or stale link).
    Unknown,
    /// No answer, or not one the app can read.
    Unreachable,
}

impl ClassState {
    pub fn from_response(answer: Option<(u16, &str)>) -> ClassState {
        match answer {
            Some((200, body)) => scamspot_core::json::read(body)
                .ok()
                .and_then(|d| ClassInfo::from_json(&d.root))
                .map_or(ClassState::Unreachable, |info| ClassState::Ready(Rc::new(info))),
            Some((404, _)) => ClassState::Unknown,
            _ => ClassState::Unreachable,
        }
    }
}

/// The id of a round's start and of its result: from the round's random
/// seed, so a retry is the same submission and counts once.
pub fn submission_id(record: &RoundRecord) -> String {
    format!("r{:016x}", record.seed)
}

/// The body of `POST /api/classes/{token}/results`.
pub fn results_request(record: &RoundRecord) -> String {
    format!("{{\"submission_id\":\"{}\",\"record\":{}}}", submission_id(record), record.to_json())
}

/// What the server made of a round.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub score: u32,
    pub pass_mark: u32,
    pub passed: bool,
    pub scams: u32,
    pub scams_caught: u32,
    pub genuine: u32,
    pub genuine_trusted: u32,
    /// A passed round's certificate: its code and its day.
    pub certificate: Option<(String, u32)>,
}

impl Outcome {
    pub fn from_json(json: &Json) -> Option<Outcome> {
        let certificate = match json.get("certificate") {
            Some(c @ Json::Object(_)) => Some((text(c, "code")?, number(c, "day")?)),
            _ => None,
        };
        Some(Outcome {
            score: number(json, "score")?,
            pass_mark: number(json, "pass_mark")?,
            passed: json.get("passed")?.as_bool()?,
            scams: number(json, "scams")?,
            scams_caught: number(json, "scams_caught")?,
            genuine: number(json, "genuine")?,
            genuine_trusted: number(json, "genuine_trusted")?,
            certificate,
        })
    }
}

/// Why a result did not reach the server, or was not taken.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SendProblem {
    /// 409: the deadline has passed.
    Closed,
    /// 422 (or 404): the server could not check this round.
    NotAccepted,
    /// No answer after every retry (offline, or the server busy or down): the last HTTP status, 0 for none.
    Unreachable(u16),
}

/// Where a round's result is.
#[derive(Debug, Clone, PartialEq)]
pub enum Delivery {
    Sending,
    Saved(Rc<Outcome>),
    Failed(SendProblem),
}

/// Where a result is after the server's last answer to it (`None`: none came).
pub fn delivery_of(answer: Option<(u16, &str)>) -> Delivery {
    match answer {
        Some((200, body)) => match scamspot_core::json::read(body).ok().and_then(|d| Outcome::from_json(&d.root)) {
            Some(outcome) => Delivery::Saved(Rc::new(outcome)),
            None => Delivery::Failed(SendProblem::Unreachable(200)),
        },
        Some((409, _)) => Delivery::Failed(SendProblem::Closed),
        Some((404 | 422, _)) => Delivery::Failed(SendProblem::NotAccepted),
        Some((status, _)) => Delivery::Failed(SendProblem::Unreachable(status)),
        None => Delivery::Failed(SendProblem::Unreachable(0)),
    }
}

/// A finished campaign round's result on its way: `attempt` counts the
/// learner's "send again" presses, so each starts a fresh series of retries.
#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    pub round: u32,
    pub body: Rc<String>,
    pub attempt: u32,
    pub delivery: Delivery,
}

/// A student number as the server takes it: 4 to 20 of `[0-9A-Za-z-]`, spaces ignored.
pub fn student_number(text: &str) -> Option<String> {
    let number: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let ok = (4..=20).contains(&number.len()) && number.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    ok.then_some(number)
}

/// The certificate card as an SVG image to save: `lines` under a heading,
/// the code last and large. Every text is escaped: it is drawn, never read as markup.
pub fn certificate_svg(heading: &str, lines: &[String], code: &str) -> String {
    let escape = |text: &str| text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let mut svg = String::from(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"400\" font-family=\"sans-serif\">\
         <rect x=\"8\" y=\"8\" width=\"624\" height=\"384\" rx=\"16\" fill=\"#fffdf6\" stroke=\"#0b6b3a\" stroke-width=\"6\"/>",
    );
    svg += &format!(
        "<text x=\"40\" y=\"72\" font-size=\"34\" font-weight=\"700\" fill=\"#0b6b3a\">{}</text>",
        escape(heading)
    );
    for (at, line) in lines.iter().enumerate() {
        svg +=
            &format!("<text x=\"40\" y=\"{}\" font-size=\"22\" fill=\"#222\">{}</text>", 130 + at * 40, escape(line));
    }
    svg += &format!(
        "<text x=\"40\" y=\"350\" font-size=\"34\" font-family=\"monospace\" letter-spacing=\"2\" fill=\"#222\">{}</text></svg>",
        escape(code)
    );
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use scamspot_core::engine::plan::RoundKind;
    use scamspot_core::json::read;

    #[test]
    fn the_class_is_read_and_a_missing_one_told_apart() {
        let body = r#"{"campaign":"新生反诈","class":"计科 2601","pass_mark":80,"deadline_day":20818,"open":true,
            "round":{"length":8,"min_genuine":2,"types":["fake-loan"]},"require_student_number":true}"#;
        let ClassState::Ready(info) = ClassState::from_response(Some((200, body))) else { panic!("ready") };
        assert_eq!(
            (info.class.as_str(), info.pass_mark, info.open, info.require_student_number),
            ("计科 2601", 80, true, true)
        );
        assert_eq!((info.round.length, info.round.min_genuine, info.round.types.len()), (8, 2, 1));
        assert_eq!(ClassState::from_response(Some((404, ""))), ClassState::Unknown);
        assert_eq!(ClassState::from_response(Some((200, "{}"))), ClassState::Unreachable);
        assert_eq!(ClassState::from_response(None), ClassState::Unreachable);
    }

    #[test]
    fn the_result_sent_is_the_record_with_no_score() {
        let mut record = RoundRecord::new(RoundKind::Campaign("k7m2q9x4b1c3".into()), None, vec!["a.json".into()], 255);
        record.ids = vec!["a".into()];
        let body = results_request(&record);
        let json = read(&body).unwrap().root;
        assert_eq!(json.get("submission_id").and_then(Json::as_str), Some("r00000000000000ff"));
        let sent = json.get("record").unwrap();
        assert_eq!(sent.get("kind").and_then(Json::as_str), Some("campaign:k7m2q9x4b1c3"));
        assert!(sent.get("score").is_none() && json.get("score").is_none());
        assert_eq!(RoundRecord::restore(&record.to_json()), Some(record), "what the server restores");
    }

    #[test]
    fn the_last_answer_decides_saved_or_what_went_wrong() {
        let passed = r#"{"score":90,"pass_mark":80,"passed":true,"scams":6,"scams_caught":6,"genuine":2,
            "genuine_trusted":1,"certificate":{"code":"ABCD-EFGH-JKMN-PQRS","day":20422}}"#;
        let Delivery::Saved(outcome) = delivery_of(Some((200, passed))) else { panic!("saved") };
        assert_eq!((outcome.score, outcome.passed), (90, true));
        assert_eq!(outcome.certificate, Some(("ABCD-EFGH-JKMN-PQRS".into(), 20_422)));
        let failed = passed.replace("true", "false").replace(r#"{"code":"ABCD-EFGH-JKMN-PQRS","day":20422}"#, "null");
        let Delivery::Saved(outcome) = delivery_of(Some((200, &failed))) else { panic!("saved") };
        assert_eq!((outcome.passed, outcome.certificate.clone()), (false, None));
        assert_eq!(delivery_of(Some((409, ""))), Delivery::Failed(SendProblem::Closed));
        assert_eq!(delivery_of(Some((422, ""))), Delivery::Failed(SendProblem::NotAccepted));
        assert_eq!(delivery_of(Some((429, ""))), Delivery::Failed(SendProblem::Unreachable(429)));
        assert_eq!(delivery_of(None), Delivery::Failed(SendProblem::Unreachable(0)));
    }

    #[test]
    fn the_saved_card_draws_every_line_as_escaped_text() {
        let svg =
            certificate_svg("Certificate", &["Freshers <2026> & co".into(), "Passed".into()], "ABCD-EFGH-JKMN-PQRS");
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("Freshers &lt;2026&gt; &amp; co") && !svg.contains("<2026>"));
        assert!(svg.contains(">ABCD-EFGH-JKMN-PQRS</text>"));
    }

    #[test]
    fn a_student_number_is_plain_and_of_a_sensible_length() {
        assert_eq!(student_number(" 2026 0101 ").as_deref(), Some("20260101"));
        assert_eq!(student_number("cs-2026-7").as_deref(), Some("cs-2026-7"));
        for bad in ["", "123", "学号12345", &"1".repeat(21)] {
            assert_eq!(student_number(bad), None, "{bad}");
        }
    }
}
