//! Per-technique mastery: how reliably the learner recognises each technique
//! of the catalog (pay-to-withdraw, moving off-platform, urgency…), so the
//! start screen can say which to practise. Every finished scenario is a
//! chance for each technique it teaches (recognised when handled right: a
//! scam stopped, a genuine look-alike used rather than refused), and every
//! red flag with a technique met in a flag-spotting step is one more (found
//! or missed). Flags merely read, or never reached, say nothing either way.

use super::progress::Progress;
use super::round::{FlagStatus, Round};

/// Chances to recognise a technique, and how many were taken.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Recognition {
    pub recognised: u32,
    pub chances: u32,
}

impl Recognition {
    /// Recognised out of chances, in whole percent (`None` before any chance).
    pub fn percent(&self) -> Option<u32> {
        (self.chances > 0).then(|| (self.recognised * 100 + self.chances / 2) / self.chances)
    }

    fn add(&mut self, recognised: bool) {
        self.chances += 1;
        self.recognised += u32::from(recognised);
    }
}

/// What round `round` showed about each technique, as (technique, recognised)
/// pairs over the scenarios played to an end.
pub fn observations(round: &Round) -> Vec<(String, bool)> {
    let mut seen = Vec::new();
    for (index, result) in round.results().iter().enumerate() {
        let techniques = &round.scenarios()[index].techniques;
        // Each technique once, however often the pack lists it.
        let taught = techniques.iter().enumerate().filter(|(i, t)| !techniques[..*i].contains(t));
        seen.extend(taught.map(|(_, t)| (t.clone(), result.handled_right())));
        for (flag, status) in round.flag_review(index) {
            let recognised = match status {
                FlagStatus::Found => true,
                FlagStatus::Missed => false,
                FlagStatus::Seen | FlagStatus::NotReached => continue,
            };
            seen.extend(flag.technique.iter().map(|t| (t.clone(), recognised)));
        }
    }
    seen
}

impl Progress {
    /// Adds a finished round's observations to the tallies.
    pub fn record_mastery(&mut self, round: &Round) {
        for (technique, recognised) in observations(round) {
            self.mastery.get_or_insert_with(&technique, Recognition::default).add(recognised);
        }
    }

    /// The tally of technique `id` (empty before any chance).
    pub fn mastery_of(&self, id: &str) -> Recognition {
        self.mastery.get(id).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::fixture::{scenario, GENUINE, SCAM};
    use crate::engine::segments::segments;
    use crate::engine::Action;

    fn act(round: Round, action: Action) -> Round {
        round.apply(&action).unwrap_or_else(|| panic!("{action:?}"))
    }

    /// The fixture round (scam, then genuine): in the scam, taps the first
    /// flag only if `find`, then takes `choices`; in the genuine one, `genuine`.
    fn played(find: bool, choices: &[usize], genuine: usize) -> Round {
        let mut r = Round::new(vec![scenario(SCAM, "demo/scam.toml"), scenario(GENUINE, "demo/real.toml")], 7);
        r = act(r, Action::RateBefore(3));
        r = act(r, Action::RevealAll { scenario: 0, step: 0 });
        if find {
            let first_flag = segments(&r.scenario().steps[0].messages[0], "en").iter().position(|s| s.flag == Some(0));
            let segment = first_flag.expect("the fixture has a flag");
            r = act(r, Action::ToggleTap { scenario: 0, step: 0, message: 0, segment, lang: "en".into() });
        }
        r = act(r, Action::SubmitSpot { scenario: 0, step: 0 });
        for &choice in choices {
            let step = r.step_index();
            r = r.apply(&Action::RevealAll { scenario: 0, step }).unwrap_or(r);
            r = act(r, Action::Choose { scenario: 0, step, choice });
        }
        let step = r.step_index();
        r = r.apply(&Action::RevealAll { scenario: 0, step }).unwrap_or(r);
        r = act(r, Action::OpenDebrief { scenario: 0 });
        r = act(r, Action::NextScenario { scenario: 0 });
        for _ in 0..3 {
            let step = r.step_index();
            r = r.apply(&Action::RevealAll { scenario: 1, step }).unwrap_or(r);
            let choose = Action::Choose { scenario: 1, step, choice: genuine };
            r = r.apply(&choose).or_else(|| r.apply(&Action::SubmitSpot { scenario: 1, step })).unwrap_or(r);
        }
        r
    }

    #[test]
    fn a_scam_stopped_and_its_flags_found_count_as_recognised() {
        let round = played(true, &[1], 0);
        let mut seen = observations(&round);
        seen.sort();
        // The fixture scam teaches advance-fee; its first flag is an advance-fee one, its second has none.
        assert_eq!(seen, [("advance-fee".to_string(), true), ("advance-fee".to_string(), true)]);
        let mut p = Progress::default();
        p.record_mastery(&round);
        assert_eq!(p.mastery_of("advance-fee"), Recognition { recognised: 2, chances: 2 });
        assert_eq!(p.mastery_of("urgency").percent(), None, "never met");
    }

    #[test]
    fn a_scam_lost_and_a_flag_missed_count_against_and_tallies_add_up_over_rounds() {
        let mut p = Progress::default();
        p.record_mastery(&played(false, &[0, 0], 0));
        assert_eq!(p.mastery_of("advance-fee"), Recognition { recognised: 0, chances: 2 });
        p.record_mastery(&played(true, &[1], 0));
        let tally = p.mastery_of("advance-fee");
        assert_eq!((tally, tally.percent()), (Recognition { recognised: 2, chances: 4 }, Some(50)));
        let (back, _) = Progress::restore(Some(&p.to_json()));
        assert_eq!(back.mastery_of("advance-fee"), tally, "kept in saved progress");
    }

    #[test]
    fn percent_rounds_to_the_nearest_whole() {
        assert_eq!(Recognition { recognised: 2, chances: 3 }.percent(), Some(67));
        assert_eq!(Recognition { recognised: 0, chances: 1 }.percent(), Some(0));
        assert_eq!(Recognition::default().percent(), None);
    }
}
