//! The parsers' error messages (toml's and serde's, the same for JSON) turned
//! into problems with plain words and a code. A message this does not know
//! stays as the parser wrote it (`Problem::Syntax`).

use super::problem::Problem;

pub fn problem_from_parser(message: &str) -> Problem {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (name, known) = name_and_expected(rest);
        return Problem::UnknownField { name, known };
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (value, known) = name_and_expected(rest);
        return Problem::UnknownValue { value, known };
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return Problem::MissingField { name: rest.trim_matches('`').to_string() };
    }
    let wrong = message.strip_prefix("invalid type: ").or_else(|| message.strip_prefix("invalid value: "));
    if let Some((found, expected)) = wrong.and_then(|rest| rest.rsplit_once(", expected ")) {
        return Problem::WrongType { found: found.replace('`', ""), expected: expected.to_string() };
    }
    if message.starts_with("duplicate key") {
        return Problem::DuplicateKey;
    }
    if message.contains("string") && (message.ends_with("expected `\"`") || message.ends_with("expected `'`")) {
        return Problem::UnterminatedString;
    }
    if message.ends_with("expected `=`") {
        return Problem::MissingEquals;
    }
    Problem::Syntax { message: message.to_string() }
}

/// "`zz`, expected one of `a`, `b`" → ("zz", ["a", "b"]).
fn name_and_expected(rest: &str) -> (String, Vec<String>) {
    let (name, expected) = rest.split_once(", expected").unwrap_or((rest, ""));
    let known = expected.split('`').skip(1).step_by(2).map(str::to_string).collect();
    (name.trim_matches('`').to_string(), known)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_and_toml_messages_become_problems() {
        let p = problem_from_parser("unknown field `techniqes`, expected one of `format`, `techniques`");
        assert_eq!(
            p,
            Problem::UnknownField { name: "techniqes".into(), known: vec!["format".into(), "techniques".into()] }
        );
        let p = problem_from_parser("unknown variant `tg`, expected `chat` or `sms`");
        assert_eq!(p, Problem::UnknownValue { value: "tg".into(), known: vec!["chat".into(), "sms".into()] });
        assert_eq!(problem_from_parser("missing field `start`"), Problem::MissingField { name: "start".into() });
        let p = problem_from_parser("invalid type: string \"x\", expected i64");
        assert_eq!(p, Problem::WrongType { found: "string \"x\"".into(), expected: "i64".into() });
        assert_eq!(problem_from_parser("duplicate key"), Problem::DuplicateKey);
        assert_eq!(problem_from_parser("invalid basic string, expected `\"`"), Problem::UnterminatedString);
        assert_eq!(problem_from_parser("key with no value, expected `=`"), Problem::MissingEquals);
        assert_eq!(problem_from_parser("odd"), Problem::Syntax { message: "odd".into() });
    }
}
