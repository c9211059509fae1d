//! Random tokens, room codes and seeds from the operating system, and a
//! comparison of secrets that takes the same time wherever they differ.

/// `bytes` random bytes as lowercase hex.
pub fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).expect("the operating system's random source");
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn random_u64() -> u64 {
    let mut buf = [0u8; 8];
    getrandom::fill(&mut buf).expect("the operating system's random source");
    u64::from_le_bytes(buf)
}

/// A six-digit room code, uniform over 000000–999999.
pub fn random_code() -> String {
    // Rejection keeps every code equally likely.
    let limit = u64::MAX - u64::MAX % 1_000_000;
    let value = std::iter::repeat_with(random_u64).find(|v| *v < limit).unwrap_or_default();
    format!("{:06}", value % 1_000_000)
}

/// Whether `text` has a room code's shape (it goes into storage keys only then).
pub fn is_code(text: &str) -> bool {
    text.len() == 6 && text.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `given` equals `secret`, without leaking where they first differ.
pub fn same(given: &str, secret: &str) -> bool {
    given.len() == secret.len() && given.bytes().zip(secret.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_digits_and_secrets_compare_exactly() {
        let code = random_code();
        assert!(is_code(&code));
        assert!(!is_code("12345") && !is_code("12345x") && !is_code("123456:log"));
        assert_eq!(random_hex(16).len(), 32);
        assert!(same("abc", "abc"));
        assert!(!same("abd", "abc"));
        assert!(!same("ab", "abc"));
    }
}
