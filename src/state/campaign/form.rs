//! The organiser's new-campaign form (`?campaigns`): what is typed, the
//! request it makes (`POST /api/campaigns`) and the server's answer. The
//! server validates the spec (core's `CampaignSpec::validate`); the form
//! only turns its text fields into numbers and a day.

use super::day::day_of_date;
use scamspot_core::json::{read, Json};

/// The form's fields as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignForm {
    pub name: String,
    /// `YYYY-MM-DD`, from `<input type=date>`.
    pub deadline: String,
    pub pass_mark: String,
    pub length: String,
    pub min_genuine: String,
    /// Ticked scam type ids; none ticked means every type.
    pub types: Vec<String>,
    /// One class per line.
    pub classes: String,
    pub require_student_number: bool,
}

impl Default for CampaignForm {
    /// A typical campus campaign: pass at 80, eight scenarios with two genuine.
    fn default() -> Self {
        CampaignForm {
            name: String::new(),
            deadline: String::new(),
            pass_mark: "80".into(),
            length: "8".into(),
            min_genuine: "2".into(),
            types: Vec::new(),
            classes: String::new(),
            require_student_number: false,
        }
    }
}

/// A field the form could not read; the page names it beside the field.
#[derive(Debug, Clone, PartialEq)]
pub enum FormProblem {
    Date,
    /// `field` is the spec's name for it (`pass_mark`, `round.length`…).
    Number(&'static str),
}

impl CampaignForm {
    /// Ticks or unticks scam type `id`.
    pub fn toggle_type(&mut self, id: &str) {
        match self.types.iter().position(|t| t == id) {
            Some(at) => {
                self.types.remove(at);
            }
            None => self.types.push(id.to_string()),
        }
    }

    /// The class names, one per non-blank line, trimmed.
    pub fn class_names(&self) -> Vec<&str> {
        self.classes.lines().map(str::trim).filter(|line| !line.is_empty()).collect()
    }

    /// The body of `POST /api/campaigns`: `{host_key, spec}`.
    pub fn request(&self, host_key: &str) -> Result<String, FormProblem> {
        let deadline_day = day_of_date(&self.deadline).ok_or(FormProblem::Date)?;
        let number =
            |text: &str, field: &'static str| text.trim().parse::<u32>().map_err(|_| FormProblem::Number(field));
        let pass_mark = number(&self.pass_mark, "pass_mark")?;
        let length = number(&self.length, "round.length")?;
        let min_genuine = number(&self.min_genuine, "round.min_genuine")?;
        let strings = |items: &[&str]| Json::Array(items.iter().map(|s| (*s).into()).collect());
        let types: Vec<&str> = self.types.iter().map(String::as_str).collect();
        let round = Json::object(vec![
            ("length", length.into()),
            ("min_genuine", min_genuine.into()),
            ("types", strings(&types)),
        ]);
        let spec = Json::object(vec![
            ("name", self.name.trim().into()),
            ("deadline_day", deadline_day.into()),
            ("pass_mark", pass_mark.into()),
            ("round", round),
            ("classes", strings(&self.class_names())),
            ("require_student_number", self.require_student_number.into()),
        ]);
        Ok(Json::object(vec![("host_key", host_key.into()), ("spec", spec)]).to_text())
    }
}

/// What the server answered to a request of the staff pages.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer<T> {
    Ok(T),
    /// 403: the host key or the admin key is wrong.
    Forbidden,
    /// 422: `{field, message}`.
    Refused {
        field: String,
        message: String,
    },
    /// 429: too many tries.
    TooMany,
    /// Anything else: the status.
    Failed(u16),
    /// No answer at all.
    Unreachable,
}

impl<T> Answer<T> {
    /// Reads an answer with `ok` reading a 2xx body (a body it cannot read is a failure).
    pub fn read(status: u16, body: &str, ok: impl FnOnce(&Json) -> Option<T>) -> Answer<T> {
        let document = read(body).ok();
        let text = |key: &str| document.as_ref()?.root.get(key)?.as_str().map(str::to_string);
        match status {
            200..=299 => document.as_ref().and_then(|d| ok(&d.root)).map_or(Answer::Failed(status), Answer::Ok),
            403 => Answer::Forbidden,
            422 => Answer::Refused {
                field: text("field").unwrap_or_default(),
                message: text("message").unwrap_or_default(),
            },
            429 => Answer::TooMany,
            _ => Answer::Failed(status),
        }
    }
}

/// A new campaign, or a rotated admin key: the admin link to show once.
#[derive(Debug, Clone, PartialEq)]
pub struct AdminLink {
    pub secret: String,
    pub url: String,
}

impl AdminLink {
    /// From `{admin_secret, admin_url, …}`.
    pub fn from_json(json: &Json) -> Option<AdminLink> {
        let text = |key: &str| json.get(key)?.as_str().map(str::to_string);
        Some(AdminLink { secret: text("admin_secret")?, url: text("admin_url")? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> CampaignForm {
        CampaignForm {
            name: " 2026 新生反诈 ".into(),
            deadline: "2026-12-31".into(),
            classes: "计科 2601\n\n  软工 2602 \n数媒 2603\n".into(),
            require_student_number: true,
            ..CampaignForm::default()
        }
    }

    #[test]
    fn the_request_carries_the_spec_in_the_servers_words() {
        let mut form = filled();
        form.toggle_type("order-brushing");
        form.toggle_type("fake-loan");
        form.toggle_type("order-brushing");
        let body = form.request("k3y").unwrap();
        let json = read(&body).unwrap().root;
        assert_eq!(json.get("host_key").and_then(Json::as_str), Some("k3y"));
        let spec = json.get("spec").unwrap();
        assert_eq!(spec.get("name").and_then(Json::as_str), Some("2026 新生反诈"));
        assert_eq!(spec.get("deadline_day").and_then(Json::as_u64), Some(20_818));
        assert_eq!(spec.get("pass_mark").and_then(Json::as_u64), Some(80));
        let classes: Vec<_> =
            spec.get("classes").and_then(Json::items).unwrap().iter().filter_map(Json::as_str).collect();
        assert_eq!(classes, ["计科 2601", "软工 2602", "数媒 2603"]);
        let round = spec.get("round").unwrap();
        assert_eq!(round.get("length").and_then(Json::as_u64), Some(8));
        assert_eq!(round.get("min_genuine").and_then(Json::as_u64), Some(2));
        assert_eq!(round.get("types").and_then(Json::items).map(<[_]>::len), Some(1));
        assert_eq!(spec.get("require_student_number").and_then(Json::as_bool), Some(true));
    }

    #[test]
    fn a_missing_date_or_a_word_for_a_number_is_named() {
        let form = CampaignForm { deadline: String::new(), ..filled() };
        assert_eq!(form.request(""), Err(FormProblem::Date));
        let form = CampaignForm { pass_mark: "eighty".into(), ..filled() };
        assert_eq!(form.request(""), Err(FormProblem::Number("pass_mark")));
        let form = CampaignForm { length: "-1".into(), ..filled() };
        assert_eq!(form.request(""), Err(FormProblem::Number("round.length")));
    }

    #[test]
    fn answers_are_read_by_status() {
        let created = r#"{"id":"c7k2m9q4x1b","admin_secret":"ab","admin_url":"http://h/?campaign-admin=c7k2m9q4x1b#key=ab","classes":[]}"#;
        let link = AdminLink { secret: "ab".into(), url: "http://h/?campaign-admin=c7k2m9q4x1b#key=ab".into() };
        assert_eq!(Answer::read(201, created, AdminLink::from_json), Answer::Ok(link));
        assert_eq!(Answer::read(201, "{}", AdminLink::from_json), Answer::Failed(201));
        assert_eq!(Answer::read(403, "", AdminLink::from_json), Answer::Forbidden);
        let refused = Answer::read(422, r#"{"field":"classes","message":"two classes named A"}"#, AdminLink::from_json);
        assert_eq!(refused, Answer::Refused { field: "classes".into(), message: "two classes named A".into() });
        assert_eq!(Answer::read(429, "", AdminLink::from_json), Answer::TooMany);
        assert_eq!(Answer::read(500, "oops", AdminLink::from_json), Answer::Failed(500));
    }
}
