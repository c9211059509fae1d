//! "Did you mean": the known name a small typing slip away from a wrong one.

/// The known value closest to `wrong`, if it is near enough to be a typo:
/// at most one edit in three characters (swapped letters count as one).
pub fn closest<'a>(wrong: &str, known: &'a [String]) -> Option<&'a str> {
    let allowed = (wrong.chars().count() / 3).max(1);
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(wrong, k), k))
        .filter(|&(distance, _)| distance <= allowed)
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, k)| k.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_their_word_and_strangers_do_not() {
        let known: Vec<String> = ["techniques", "title", "decide", "offer"].map(String::from).to_vec();
        assert_eq!(closest("techniqes", &known), Some("techniques"));
        assert_eq!(closest("decdie", &known), Some("decide"));
        assert_eq!(closest("ofer", &known), Some("offer"));
        assert_eq!(closest("lots", &known), None);
    }
}
