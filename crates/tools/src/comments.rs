//! The site's style sheets and its page as served: without their comments,
//! which explain the code to us and cost every visitor a quarter of its
//! compressed bytes (2.3 KB of the start page's styles, measured; 380 bytes
//! of index.html's). Scripts are minified instead (`minify`).

/// `css` without its comments (a comment inside a quoted string is text and
/// stays) and without the blank lines they leave.
pub fn without_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut quote = None;
    while let Some(c) = rest.chars().next() {
        match quote {
            _ if quote.is_none() && rest.starts_with("/*") => {
                rest = rest.find("*/").map_or("", |end| &rest[end + 2..]);
                continue;
            }
            Some(q) if c == q => quote = None,
            Some(_) if c == '\\' => {
                let escaped: String = rest.chars().take(2).collect();
                out.push_str(&escaped);
                rest = &rest[escaped.len()..];
                continue;
            }
            None if c == '"' || c == '\'' => quote = Some(c),
            _ => {}
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out.lines().map(str::trim_end).filter(|line| !line.is_empty()).collect::<Vec<_>>().join("\n")
}

/// An HTML page without its comments and the blank lines they leave, but
/// for those `keep` accepts (the build's placeholders). For a page with no
/// inline script or style yet: a comment's look-alike inside one would go too.
pub fn without_html_comments(html: &str, keep: impl Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        let end = rest[start..].find("-->").map_or(rest.len(), |end| start + end + 3);
        out.push_str(&rest[..start]);
        if keep(&rest[start..end]) {
            out.push_str(&rest[start..end]);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.lines().filter(|line| !line.trim().is_empty()).collect::<Vec<_>>().join("\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_go_and_strings_that_look_like_them_stay() {
        let css = "/* the pick */\n.a { color: red; } /* why */\n\n/* two\n   lines */\n.b::after { content: \"/* ✓ */\"; }\n.c { content: '\\'/*'; }\n";
        assert_eq!(
            without_comments(css),
            ".a { color: red; }\n.b::after { content: \"/* ✓ */\"; }\n.c { content: '\\'/*'; }"
        );
    }

    #[test]
    fn an_unclosed_comment_ends_the_sheet() {
        assert_eq!(without_comments(".a { top: 0; }\n/* never closed"), ".a { top: 0; }");
    }

    #[test]
    fn a_css_double_slash_is_not_a_comment() {
        assert_eq!(without_comments(".a { background: url(//x); }"), ".a { background: url(//x); }");
    }

    #[test]
    fn html_comments_go_but_the_kept_ones() {
        let html =
            "<head>\n  <!-- why\n       it is so -->\n  <!--fill:head-->\n</head>\n<body><!-- a --><p>x</p></body>\n";
        assert_eq!(
            without_html_comments(html, |comment| comment.starts_with("<!--fill:")),
            "<head>\n  <!--fill:head-->\n</head>\n<body><p>x</p></body>\n"
        );
    }

    #[test]
    fn an_unclosed_html_comment_ends_the_page() {
        assert_eq!(without_html_comments("<p>x</p>\n<!-- never closed", |_| false), "<p>x</p>\n");
    }
}
