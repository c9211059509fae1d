//! How long a scenario takes, estimated from its text, so the start screen
//! can say honestly how long a round is (the compiled index carries it: the
//! browser never downloads packs to estimate).

use super::model::{Scenario, Step};
use std::collections::{BTreeMap, HashMap};

/// Silent reading speeds. Chinese: ~255 characters a minute read aloud in the
/// IReST study (Trauzettel-Klosinski et al., 2012, Invest. Ophthalmol. Vis.
/// Sci. 53:5452), faster silently; 300 is a careful student's pace. English:
/// 238 words a minute for silent non-fiction (Brysbaert, 2019, J. Mem. Lang.
/// 109:104047); 200 because many learners read it as a second language.
pub const HAN_PER_MINUTE: u32 = 300;
pub const WORDS_PER_MINUTE: u32 = 200;
/// Thinking at each choice or flag-spotting step, beyond reading it.
pub const SECONDS_PER_DECISION: u32 = 10;

/// Seconds to read `text`: Chinese characters at their pace, Latin words
/// (and numbers) at theirs; a text mixing both takes the sum.
pub fn reading_seconds(text: &str) -> u32 {
    let han = text.chars().filter(|c| is_han(*c)).count() as u32;
    let words = text
        .split(|c: char| c.is_whitespace() || is_han(c))
        .filter(|w| w.chars().any(|c| c.is_ascii_alphanumeric()))
        .count() as u32;
    (han * 60).div_ceil(HAN_PER_MINUTE) + (words * 60).div_ceil(WORDS_PER_MINUTE)
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// The expected seconds for scenario `scenario` in each of its languages, the
/// debrief included, when each choice at a step is equally likely (so a long
/// losing path counts as much as a short safe one).
pub fn scenario_seconds(scenario: &Scenario) -> BTreeMap<String, u32> {
    scenario
        .languages
        .iter()
        .map(|lang| {
            let debrief = [&scenario.debrief.why, &scenario.debrief.action];
            let debrief = debrief.iter().map(|t| reading_seconds(t.get(lang))).sum::<u32>();
            let mut memo = HashMap::new();
            let start = scenario.step_index(&scenario.start).unwrap_or(0);
            (lang.clone(), expected_seconds(scenario, start, lang, &mut memo).round() as u32 + debrief)
        })
        .collect()
}

/// Reading step `index` (its messages, choices, flags' explanations and end),
/// deciding, and then, on average, whatever follows. Paths end (the validator
/// refuses loops), and `memo` keeps a shared step from being walked twice.
fn expected_seconds(scenario: &Scenario, index: usize, lang: &str, memo: &mut HashMap<usize, f64>) -> f64 {
    if let Some(&seconds) = memo.get(&index) {
        return seconds;
    }
    memo.insert(index, 0.0); // a loop (only in a pack the validator refuses) adds nothing
    let step: &Step = &scenario.steps[index];
    let read = |text: &super::model::Localized| reading_seconds(text.get(lang));
    let mut own =
        step.messages.iter().map(|m| read(&m.text) + m.flags.iter().map(|f| read(&f.why)).sum::<u32>()).sum::<u32>();
    own += step.choices.iter().map(|c| read(&c.text)).sum::<u32>();
    own += step.end.as_ref().map_or(0, |e| read(&e.summary));
    if !step.choices.is_empty() || step.spot.is_some() {
        own += SECONDS_PER_DECISION;
    }
    let branches: Vec<(f64, usize)> = step
        .choices
        .iter()
        .map(|c| (c.feedback.as_ref().map_or(0, read) as f64, c.next.as_str()))
        .chain(step.spot.iter().map(|s| (0.0, s.next.as_str())))
        .filter_map(|(extra, next)| scenario.step_index(next).map(|i| (extra, i)))
        .collect();
    let after = if branches.is_empty() {
        0.0
    } else {
        let total: f64 = branches.iter().map(|&(extra, i)| extra + expected_seconds(scenario, i, lang, memo)).sum();
        total / branches.len() as f64
    };
    let seconds = own as f64 + after;
    memo.insert(index, seconds);
    seconds
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::fixture::{scenario, SCAM};

    #[test]
    fn chinese_is_read_by_character_and_english_by_word() {
        assert_eq!(reading_seconds(&"字".repeat(300)), 60);
        assert_eq!(reading_seconds(&"word ".repeat(200)), 60);
        assert_eq!(reading_seconds("转账¥1,500到 hr@x.com"), 1 + 1, "3 characters, then 2 words round up");
        assert_eq!(reading_seconds("，。！"), 0, "punctuation is not read");
    }

    #[test]
    fn a_scenario_takes_its_reading_plus_a_pause_per_decision_averaged_over_choices() {
        let s = scenario(SCAM, "demo/scam.toml");
        let seconds = scenario_seconds(&s);
        assert_eq!(seconds.keys().collect::<Vec<_>>(), ["en", "zh-CN"]);
        // offer (spot) → decide → half the time "stuck" (→ lost or safe), half "safe":
        // at least the two decisions on every path, and less than reading every step.
        let zh = seconds["zh-CN"];
        let everything: u32 =
            s.steps.iter().flat_map(|st| &st.messages).map(|m| reading_seconds(m.text.get("zh-CN"))).sum();
        assert!(zh >= 2 * SECONDS_PER_DECISION && zh < everything + 4 * SECONDS_PER_DECISION + 20, "{zh}");
        assert!(seconds["en"] > 2 * SECONDS_PER_DECISION);
    }
}
