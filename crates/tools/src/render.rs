//! Problems drawn the way rustc draws errors: the code, the message, the
//! source line with the faulty value underlined and labelled with the field
//! in the author's words, then "did you mean" and how to fix it.
//!
//! Drawn with `annotate-snippets`, the crate rustc and cargo themselves draw
//! with: authors who have seen a Rust error see exactly that layout, the
//! Rust project keeps it, and it is small (anstyle, memchr, unicode-width: no
//! derive macros or terminal graphics, unlike miette) while measuring wide
//! Chinese characters when it places the caret. codespan-reporting would
//! serve as well, but would be a second look to learn for nothing gained.

use crate::suggest::closest;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use scamspot_core::content::{Diagnostic, Severity};
use scamspot_core::i18n::Lang;
use std::collections::BTreeMap;
use std::ops::Range;

/// Plain text for files and tests; coloured for a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colour {
    Plain,
    Terminal,
}

/// One problem, drawn. `source` is the text of `problem.file`, when it can be read.
pub fn render(problem: &Diagnostic, source: Option<&str>, lang: Lang, colour: Colour) -> String {
    let zh = lang == Lang::ZhCn;
    let level = match problem.problem.severity() {
        Severity::Error => Level::ERROR.with_name(if zh { "错误" } else { "error" }),
        Severity::Warning => Level::WARNING.with_name(if zh { "警告" } else { "warning" }),
    };
    let help = Level::HELP.with_name(if zh { "帮助" } else { "help" });
    let title = level.primary_title(problem.problem.message(lang)).id(problem.problem.code().to_string());
    let field = problem.field_in_words(lang);
    let mut group = Group::with_title(title);
    match (source, &problem.span) {
        (Some(source), Some(span)) => {
            let underline = AnnotationKind::Primary.span(visible(span.clone(), source));
            let underline = if field.is_empty() { underline } else { underline.label(field) };
            group = group.element(Snippet::source(source).path(problem.file.as_str()).annotation(underline));
        }
        _ => {
            let mut origin = Origin::path(problem.file.as_str());
            if let Some((line, column)) = problem.position {
                origin = origin.line(line).char_column(column);
            }
            group = group.element(origin);
        }
    }
    if let Some(suggestion) = problem.problem.wrong_value().and_then(|(wrong, known)| closest(wrong, known)) {
        let words = if zh {
            format!("你是不是想写 \"{suggestion}\"？")
        } else {
            format!("did you mean \"{suggestion}\"?")
        };
        group = group.element(help.clone().message(words));
    }
    if let Some(fix) = problem.problem.help(lang) {
        group = group.element(help.message(fix));
    }
    let renderer = match colour {
        Colour::Plain => Renderer::plain(),
        Colour::Terminal => Renderer::styled(),
    };
    renderer.render(&[group])
}

/// The span to underline. An empty span (the parser's "here") underlines
/// the character it is at: annotate-snippets 0.12 draws an empty span at
/// the start of line 10 with a gutter one digit too narrow. At a line or
/// file end it stays empty, drawn as a caret after the last character.
fn visible(span: Range<usize>, source: &str) -> Range<usize> {
    let here = source.get(span.start..).and_then(|rest| rest.chars().next()).filter(|c| !matches!(c, '\n' | '\r'));
    match here {
        Some(c) if span.is_empty() => span.start..span.start + c.len_utf8(),
        _ => span,
    }
}

/// Every problem, drawn and separated by blank lines as rustc does. `source`
/// reads the text of a file a problem names (each file is read once).
pub fn render_all(
    problems: &[Diagnostic],
    source: impl Fn(&str) -> Option<String>,
    lang: Lang,
    colour: Colour,
) -> String {
    let mut texts: BTreeMap<&str, Option<String>> = BTreeMap::new();
    let mut out = String::new();
    for problem in problems {
        let text = texts.entry(&problem.file).or_insert_with(|| source(&problem.file));
        out.push_str(&render(problem, text.as_deref(), lang, colour));
        out.push_str("\n\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use scamspot_core::content::{FieldPath, Problem};

    #[test]
    fn the_caret_sits_under_the_faulty_value_with_the_field_in_words() {
        let source = "start = \"ofer\"\n[[steps]]\nid = \"offer\"\n";
        let problem = Problem::UnknownStep { id: "ofer".into(), known: vec!["offer".into()] };
        let d = Diagnostic::new("p.toml", problem).at(FieldPath::root().key("start")).pointing_at(source, 8..14);
        let shown = render(&d, Some(source), Lang::En, Colour::Plain);
        assert_eq!(
            shown,
            r#"error[SS0022]: no step has id "ofer"
 --> p.toml:1:9
  |
1 | start = "ofer"
  |         ^^^^^^ start
  |
  = help: did you mean "offer"?"#
        );
        let shown = render(&d, Some(source), Lang::ZhCn, Colour::Plain);
        assert!(
            shown.starts_with("错误[SS0022]: 没有 id 为 \"ofer\" 的步骤") && shown.contains("你是不是想写 \"offer\""),
            "{shown}"
        );
    }

    #[test]
    fn without_the_source_the_place_is_still_named() {
        let d = Diagnostic { position: Some((3, 2)), ..Diagnostic::new("gone.toml", Problem::NoSteps) };
        let shown = render(&d, None, Lang::En, Colour::Plain);
        assert!(shown.contains("gone.toml:3:2"), "{shown}");
    }
}
