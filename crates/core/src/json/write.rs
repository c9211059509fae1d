//! The compact JSON text, as serde_json writes it: no spaces, members in
//! order, only `"`, `\` and control characters escaped.

use super::Json;

impl Json {
    /// The value as compact JSON text.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
            Json::Number(text) => out.push_str(text),
            Json::String(text) => string(text, out),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    string(key, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

fn string(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(c as u8 >> 4)]));
                out.push(char::from(HEX[usize::from(c as u8 & 15)]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A float as JSON: whole numbers with ".0" (as serde_json writes them), others
/// with up to six decimals, which holds every float the app writes: whole
/// milliseconds and figures rounded to three decimals. Written by hand, as
/// the standard float formatting brings kilobytes of code and tables.
/// Not a number, or infinite: null, as serde_json writes it.
pub(super) fn float(value: f64) -> Json {
    if !value.is_finite() {
        return Json::Null;
    }
    // Whole part and fraction apart: the fraction of an f64 is exact, and
    // scaling only it keeps large values (milliseconds since 1970) exact.
    let magnitude = value.abs();
    let mut whole = magnitude.trunc();
    let mut fraction = ((magnitude - whole) * 1e6).round() as u64;
    if fraction == 1_000_000 {
        (whole, fraction) = (whole + 1.0, 0);
    }
    let mut digits = 6;
    while fraction.is_multiple_of(10) && digits > 1 {
        fraction /= 10;
        digits -= 1;
    }
    let sign = if value < 0.0 && (whole > 0.0 || fraction > 0) { "-" } else { "" };
    // Beyond u64 (1.8e19) the text saturates: no figure of the app comes near.
    Json::Number(format!("{sign}{}.{fraction:0digits$}", whole as u64))
}
