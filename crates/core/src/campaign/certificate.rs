//! Certificate codes and student-number hashes (server only: HMAC-SHA256).
//!
//! A code is 80 bits shown as 16 Crockford base32 characters,
//! `XXXX-XXXX-XXXX-XXXX`: 40 random bits naming the certificate, then the
//! first 40 bits of HMAC-SHA256(signing key, id ‖ campaign ‖ class ‖ day ‖
//! score). A guessed code must hit one of the stored ids *and* its MAC (and
//! verification is rate-limited); an altered one fails the MAC.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

/// Crockford's base32 alphabet: no I, L, O or U.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
pub const ID_BYTES: usize = 5;
const MAC_BYTES: usize = 5;

/// The signing key and the pepper of student-number hashes, both derived
/// from the server's campaign secret (never stored next to the data).
#[derive(Clone)]
pub struct CampaignKeys {
    signing: [u8; 32],
    pepper: [u8; 32],
}

/// What a certificate's MAC covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CertificateFacts<'a> {
    pub campaign: &'a str,
    /// The class's token (stable, unlike its name).
    pub class: &'a str,
    pub day: u32,
    pub score: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CertificateCode {
    pub id: [u8; ID_BYTES],
    mac: [u8; MAC_BYTES],
}

fn sha256(parts: &[&[u8]]) -> [u8; 32] {
    let mut hash = Sha256::new();
    for part in parts {
        hash.update(part);
    }
    hash.finalize().into()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// SHA-256 of `text` as hex: how an organiser's secret is stored.
pub fn sha256_hex(text: &str) -> String {
    hex(&sha256(&[text.as_bytes()]))
}

impl CampaignKeys {
    pub fn derive(secret: &str) -> CampaignKeys {
        CampaignKeys {
            signing: sha256(&[b"scamspot certificate signing\0", secret.as_bytes()]),
            pepper: sha256(&[b"scamspot student number pepper\0", secret.as_bytes()]),
        }
    }

    fn mac(&self, id: &[u8; ID_BYTES], facts: &CertificateFacts) -> [u8; MAC_BYTES] {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.signing).expect("HMAC takes any key length");
        // Each text ends with a zero byte so ("ab", "c") and ("a", "bc") differ.
        for part in [id.as_slice(), facts.campaign.as_bytes(), b"\0", facts.class.as_bytes(), b"\0"] {
            mac.update(part);
        }
        mac.update(&facts.day.to_be_bytes());
        mac.update(&facts.score.to_be_bytes());
        let full = mac.finalize().into_bytes();
        full[..MAC_BYTES].try_into().expect("a SHA-256 MAC has 32 bytes")
    }

    /// The code of certificate `id` (random bytes from the caller) for `facts`.
    pub fn sign(&self, id: [u8; ID_BYTES], facts: &CertificateFacts) -> CertificateCode {
        CertificateCode { id, mac: self.mac(&id, facts) }
    }

    /// Whether `code` was signed for exactly `facts` (the stored certificate of its id).
    pub fn verify(&self, code: &CertificateCode, facts: &CertificateFacts) -> bool {
        let expected = self.mac(&code.id, facts);
        expected.iter().zip(code.mac).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
    }

    /// SHA-256(pepper ‖ campaign salt ‖ normalised number) as hex; `None`
    /// for what is not a student number (see `normalise_student_number`).
    pub fn student_hash(&self, salt: &[u8], number: &str) -> Option<String> {
        let number = normalise_student_number(number)?;
        Some(hex(&sha256(&[&self.pepper, salt, number.as_bytes()])))
    }
}

/// A student number as typed, normalised: trimmed, spaces removed, ASCII
/// upper case; 4 to 20 characters of 0-9, A-Z and '-'.
pub fn normalise_student_number(text: &str) -> Option<String> {
    let number: String = text.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_uppercase()).collect();
    let fits = (4..=20).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    fits.then_some(number)
}

fn to_base32(bytes: &[u8]) -> String {
    let mut bits = 0u32;
    let mut held = 0;
    let mut text = String::new();
    for byte in bytes {
        bits = (bits << 8) | u32::from(*byte);
        held += 8;
        while held >= 5 {
            held -= 5;
            text.push(ALPHABET[((bits >> held) & 31) as usize] as char);
        }
    }
    text
}

fn from_base32(text: &str) -> Option<Vec<u8>> {
    let (mut bits, mut held, mut bytes) = (0u32, 0, Vec::new());
    for c in text.chars() {
        let c = match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        let value = ALPHABET.iter().position(|&a| a as char == c)? as u32;
        bits = (bits << 5) | value;
        held += 5;
        if held >= 8 {
            held -= 8;
            bytes.push((bits >> held) as u8);
        }
    }
    Some(bytes)
}

impl CertificateCode {
    /// Reads a code as typed: case does not matter, '-' and spaces are
    /// skipped, O reads as 0 and I or L as 1.
    pub fn parse(text: &str) -> Option<CertificateCode> {
        let compact: String = text.chars().filter(|c| *c != '-' && !c.is_whitespace()).collect();
        if compact.chars().count() != 16 {
            return None;
        }
        let bytes = from_base32(&compact)?;
        Some(CertificateCode { id: bytes[..ID_BYTES].try_into().ok()?, mac: bytes[ID_BYTES..].try_into().ok()? })
    }

    /// The certificate's id as 8 lowercase base32 characters, for storage keys.
    pub fn id_text(&self) -> String {
        to_base32(&self.id).to_ascii_lowercase()
    }
}

impl std::fmt::Display for CertificateCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = to_base32(&[self.id, self.mac].concat());
        write!(f, "{}-{}-{}-{}", &text[..4], &text[4..8], &text[8..12], &text[12..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FACTS: CertificateFacts =
        CertificateFacts { campaign: "c7k2m9q4x1b", class: "k2m9q4x1b7c3", day: 20_500, score: 90 };

    #[test]
    fn a_signed_code_reads_back_and_verifies_loosely_typed() {
        let keys = CampaignKeys::derive("server secret");
        let code = keys.sign([1, 2, 3, 4, 250], &FACTS);
        let shown = code.to_string();
        assert_eq!((shown.len(), shown.matches('-').count()), (19, 3));
        assert_eq!(CertificateCode::parse(&shown), Some(code));
        let typed = shown.to_lowercase().replace('-', " ").replace('0', "o").replace('1', "l");
        assert_eq!(CertificateCode::parse(&typed), Some(code));
        assert!(keys.verify(&code, &FACTS));
        assert_eq!(code.id_text().len(), 8);
    }

    #[test]
    fn an_altered_code_other_facts_or_another_key_fail() {
        let keys = CampaignKeys::derive("server secret");
        let code = keys.sign([9, 9, 9, 9, 9], &FACTS);
        let shown = code.to_string();
        for at in [0, 5, 10, 18] {
            let mut chars: Vec<char> = shown.chars().collect();
            chars[at] = if chars[at] == 'Z' { 'Y' } else { 'Z' };
            let altered = CertificateCode::parse(&chars.iter().collect::<String>()).unwrap();
            assert!(altered.id != code.id || !keys.verify(&altered, &FACTS), "position {at}");
        }
        assert!(!keys.verify(&code, &CertificateFacts { score: 100, ..FACTS }));
        assert!(!keys.verify(&code, &CertificateFacts { class: "other", ..FACTS }));
        assert!(!keys.verify(&code, &CertificateFacts { day: 20_501, ..FACTS }));
        assert!(!CampaignKeys::derive("another secret").verify(&code, &FACTS));
    }

    #[test]
    fn a_random_guessed_code_does_not_verify() {
        let keys = CampaignKeys::derive("server secret");
        let code = keys.sign([7, 7, 7, 7, 7], &FACTS);
        // Same id (as if the guesser knew it), every other MAC tried in a small range: none fits.
        let shown = code.to_string();
        let guesses =
            (0..2000u32).map(|n| format!("{}{:0>8}", &shown[..10].replace('-', ""), to_base32(&n.to_be_bytes())));
        let fits = guesses.filter_map(|g| CertificateCode::parse(&g)).filter(|g| *g != code && keys.verify(g, &FACTS));
        assert_eq!(fits.count(), 0);
        for bad in ["", "ABCD-EFGH-JKMN-PQR", "ABCD-EFGH-JKMN-PQRSU", "ABCD-EFGH-JKMN-PQR!"] {
            assert_eq!(CertificateCode::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn student_numbers_hash_the_same_however_typed_and_differ_by_campaign() {
        let keys = CampaignKeys::derive("server secret");
        let hash = keys.student_hash(b"salt-one", " 2026 cs-0042 ").unwrap();
        assert_eq!(hash.len(), 64);
        assert_eq!(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(keys.student_hash(b"salt-one", "2026CS-0042"), Some(hash.clone()));
        assert_ne!(keys.student_hash(b"salt-one", "2026CS-0043"), Some(hash.clone()));
        assert_ne!(keys.student_hash(b"salt-two", "2026CS-0042"), Some(hash.clone()), "campaigns cannot be linked");
        assert_ne!(CampaignKeys::derive("x").student_hash(b"salt-one", "2026CS-0042"), Some(hash));
        for bad in ["", "123", "a".repeat(21).as_str(), "12_34", "学号1234"] {
            assert_eq!(normalise_student_number(bad), None, "{bad:?}");
        }
    }
}
