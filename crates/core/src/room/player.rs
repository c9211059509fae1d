//! Who is in a room: a persistent token each phone keeps, and an optional
//! nickname. Both come from the phone, so both are checked here: a token is
//! short and plain, a nickname is cut to length with control characters gone.

use std::collections::HashSet;

/// The longest nickname, in characters, after sanitising.
pub const NICKNAME_CHARS: usize = 20;
/// The longest token or client id, in bytes.
pub const ID_BYTES: usize = 64;

/// A player's index in the room; nothing outside the room links it to a name.
pub type PlayerId = usize;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Player {
    pub nickname: String,
    /// The client ids of every answer and rating this player's phone has sent,
    /// so a resend after a lost acknowledgement is recognised.
    pub(super) seen: HashSet<String>,
}

impl Player {
    pub(super) fn new(nickname: String) -> Player {
        Player { nickname, seen: HashSet::new() }
    }
}

/// A nickname as the room keeps it: trimmed, control and format characters
/// (bidi overrides, zero-width joiners) removed, whitespace runs folded to
/// one space, at most [`NICKNAME_CHARS`] characters.
pub fn sanitise_nickname(raw: &str) -> String {
    let visible: String = raw
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !c.is_control() && !is_format(*c))
        .collect();
    visible.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(NICKNAME_CHARS).collect()
}

/// Unicode format characters (category Cf) that can reorder or hide text.
fn is_format(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// A token or client id: 1–64 ASCII letters, digits, `-` or `_`.
pub fn is_plain_id(id: &str) -> bool {
    (1..=ID_BYTES).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nickname_loses_control_and_bidi_characters_and_is_cut_to_length() {
        assert_eq!(sanitise_nickname("  小\u{0007}明\n\t同学 "), "小明 同学");
        assert_eq!(sanitise_nickname("a\u{202E}b\u{200B}c"), "abc");
        assert_eq!(sanitise_nickname(&"长".repeat(50)).chars().count(), NICKNAME_CHARS);
    }

    #[test]
    fn a_token_is_short_and_plain() {
        assert!(is_plain_id("a1-B_2"));
        assert!(!is_plain_id(""));
        assert!(!is_plain_id("a b"));
        assert!(!is_plain_id("<script>"));
        assert!(!is_plain_id(&"a".repeat(ID_BYTES + 1)));
    }
}
