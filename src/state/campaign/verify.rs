//! The counsellor's verify page (`?verify[=CODE]`): the request
//! (`POST /api/verify`) and the server's verdict.

use scamspot_core::json::Json;

/// The body of `POST /api/verify`; a blank student number is left out.
pub fn verify_request(code: &str, student_number: &str) -> String {
    let mut members = vec![("code", code.trim().into())];
    if !student_number.trim().is_empty() {
        members.push(("student_number", student_number.trim().into()));
    }
    Json::object(members).to_text()
}

/// What the student number typed says about the certificate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumberCheck {
    Matches,
    Differs,
    NotRequired,
    /// The certificate carries a number and none was typed.
    Missing,
}

/// A valid certificate, as the server describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidCertificate {
    pub campaign: String,
    pub class: String,
    pub day: u32,
    pub score: u32,
    pub scams_caught: u32,
    pub scams: u32,
    pub genuine_trusted: u32,
    pub genuine: u32,
    pub number: NumberCheck,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Valid(ValidCertificate),
    NotValid,
}

impl Verdict {
    /// From `{valid: true, …}` or `{valid: false}`.
    pub fn from_json(json: &Json) -> Option<Verdict> {
        if !json.get("valid")?.as_bool()? {
            return Some(Verdict::NotValid);
        }
        let text = |key: &str| json.get(key)?.as_str().map(str::to_string);
        let number = |key: &str| json.get(key)?.as_u64().and_then(|n| u32::try_from(n).ok());
        let check = match text("student_number")?.as_str() {
            "matches" => NumberCheck::Matches,
            "differs" => NumberCheck::Differs,
            "missing" => NumberCheck::Missing,
            _ => NumberCheck::NotRequired,
        };
        Some(Verdict::Valid(ValidCertificate {
            campaign: text("campaign")?,
            class: text("class")?,
            day: number("day")?,
            score: number("score")?,
            scams_caught: number("scams_caught")?,
            scams: number("scams")?,
            genuine_trusted: number("genuine_trusted")?,
            genuine: number("genuine")?,
            number: check,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scamspot_core::json::read;

    #[test]
    fn the_request_leaves_a_blank_number_out() {
        assert_eq!(verify_request(" ABCD-EFGH-JKMN-PQRS ", " "), r#"{"code":"ABCD-EFGH-JKMN-PQRS"}"#);
        assert_eq!(verify_request("ABCD", " s2026 "), r#"{"code":"ABCD","student_number":"s2026"}"#);
    }

    #[test]
    fn a_verdict_is_read_with_its_details() {
        let body = r#"{"valid":true,"campaign":"新生反诈","class":"A","day":20422,"score":85,"scams_caught":6,
            "scams":6,"genuine_trusted":1,"genuine":2,"student_number":"matches"}"#;
        let Some(Verdict::Valid(valid)) = Verdict::from_json(&read(body).unwrap().root) else { panic!("valid") };
        assert_eq!(
            (valid.class.as_str(), valid.day, valid.score, valid.number),
            ("A", 20_422, 85, NumberCheck::Matches)
        );
        assert_eq!(Verdict::from_json(&read(r#"{"valid":false}"#).unwrap().root), Some(Verdict::NotValid));
        assert_eq!(Verdict::from_json(&read("{}").unwrap().root), None);
    }
}
