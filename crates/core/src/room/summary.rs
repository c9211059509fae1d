//! What the hall did, for the end of the lecture and its CSV export.
//! Aggregates only: counts per outcome, choice, phrase and rating; no
//! nickname and no token ever sits next to an answer here.

use super::risk::{risky_choices, safest_choice};
use super::{Moment, Pick, Place, PlayerId, Room};
use crate::content::{Outcome, StepKind};
use crate::engine::segments::segments;
use serde::Serialize;
use std::collections::HashSet;

/// Every outcome, in the order reports list them.
pub(super) const OUTCOMES: [Outcome; 5] =
    [Outcome::Safe, Outcome::Scammed, Outcome::Accomplice, Outcome::Trusted, Outcome::Refused];

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub players: usize,
    /// Per scenario of the room: its id and how many players ended in each outcome.
    pub outcomes: Vec<(String, Vec<(Outcome, u32)>)>,
    /// Scams stopped / not stopped, genuine offers refused / used, over players × scenarios.
    pub hits: u32,
    pub misses: u32,
    pub false_alarms: u32,
    pub trusted: u32,
    /// Spot-step taps on a red flag, and on an innocent phrase.
    pub flag_taps: u32,
    pub innocent_taps: u32,
    /// Players per confidence level 1–5, before and after.
    pub confidence_before: [u32; 5],
    pub confidence_after: [u32; 5],
    /// Every fork voted on, the one with the most risky answers first.
    pub forks: Vec<ForkSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ForkSummary {
    pub scenario_id: String,
    pub step_id: String,
    /// Answers per choice, authored order.
    pub distribution: Vec<u32>,
    pub risky: Vec<bool>,
    pub risky_answers: u32,
}

impl Room {
    pub fn summary(&self) -> Summary {
        let mut summary = Summary {
            players: self.players.len(),
            outcomes: Vec::new(),
            hits: 0,
            misses: 0,
            false_alarms: 0,
            trusted: 0,
            flag_taps: 0,
            innocent_taps: 0,
            confidence_before: [0; 5],
            confidence_after: [0; 5],
            forks: Vec::new(),
        };
        for (index, scenario) in self.scenarios.iter().enumerate() {
            let mut counts = OUTCOMES.map(|o| (o, 0u32));
            for outcome in self.voters(index).into_iter().filter_map(|p| self.outcome_of(index, p)) {
                counts.iter_mut().filter(|(o, _)| *o == outcome).for_each(|(_, n)| *n += 1);
                match outcome {
                    Outcome::Safe => summary.hits += 1,
                    Outcome::Scammed | Outcome::Accomplice => summary.misses += 1,
                    Outcome::Trusted => summary.trusted += 1,
                    Outcome::Refused => summary.false_alarms += 1,
                }
            }
            summary.outcomes.push((scenario.id.clone(), counts.to_vec()));
        }
        for ratings in self.ratings.values() {
            let count = |levels: &mut [u32; 5], moment: Moment| {
                if let Some(level) = ratings[moment as usize] {
                    levels[usize::from(level) - 1] += 1;
                }
            };
            count(&mut summary.confidence_before, Moment::Before);
            count(&mut summary.confidence_after, Moment::After);
        }
        self.count_taps(&mut summary);
        summary.forks = self.forks();
        summary
    }

    /// Players who answered at least one step of scenario `index`.
    fn voters(&self, index: usize) -> HashSet<PlayerId> {
        let decisions = self.decisions.iter().filter(|(at, _)| at.scenario == index);
        decisions.flat_map(|(_, d)| d.answers.keys().copied()).collect()
    }

    /// Where `player`'s own answers lead in scenario `index`: at a fork they
    /// did not answer, the choice the room followed; at a fork the room never
    /// reached, the safest choice (no blame for a question never asked).
    fn outcome_of(&self, index: usize, player: PlayerId) -> Option<Outcome> {
        let scenario = &self.scenarios[index];
        let (mut step, mut balance) = (scenario.start(), scenario.savings);
        // Validated packs have no loops: a path visits each step at most once.
        for _ in 0..=scenario.steps.len() {
            match scenario.kind(step)? {
                StepKind::End(end) => return Some(end.outcome),
                StepKind::Spot(_) => step = scenario.after_spot(step)?,
                StepKind::Choices(choices) => {
                    let at = Place { scenario: index, step };
                    let own = self.decisions.get(&at).and_then(|d| match d.answers.get(&player) {
                        Some(Pick::Choice(c)) => Some(*c),
                        _ => None,
                    });
                    let followed = self.followed.get(&at).copied();
                    let choice = own.or(followed).unwrap_or_else(|| safest_choice(scenario, step, balance));
                    balance += choices[choice].money;
                    step = scenario.after_choice(step, choice)?;
                }
            }
        }
        None
    }

    fn count_taps(&self, summary: &mut Summary) {
        for (at, decision) in &self.decisions {
            let messages = &self.scenarios[at.scenario].steps[at.step].messages;
            let phrases: Vec<_> = messages.iter().map(|m| segments(m, &self.lang)).collect();
            for pick in decision.answers.values() {
                let Pick::Taps(taps) = pick else { continue };
                for tap in taps {
                    match phrases[tap.message][tap.phrase].flag {
                        Some(_) => summary.flag_taps += 1,
                        None => summary.innocent_taps += 1,
                    }
                }
            }
        }
    }

    fn forks(&self) -> Vec<ForkSummary> {
        let mut forks: Vec<ForkSummary> = self
            .decisions
            .iter()
            .filter_map(|(at, decision)| {
                let scenario = &self.scenarios[at.scenario];
                let Some(StepKind::Choices(choices)) = scenario.kind(at.step) else { return None };
                let mut distribution = vec![0u32; choices.len()];
                decision.answers.values().for_each(|pick| {
                    if let Pick::Choice(c) = pick {
                        distribution[*c] += 1;
                    }
                });
                let risky = risky_choices(scenario, at.step, decision.balance);
                let risky_answers = distribution.iter().zip(&risky).filter(|(_, r)| **r).map(|(n, _)| n).sum();
                let step_id = scenario.steps[at.step].id.clone();
                Some(ForkSummary { scenario_id: scenario.id.clone(), step_id, distribution, risky, risky_answers })
            })
            .collect();
        // Stable: equal counts keep the lecture's order.
        forks.sort_by_key(|f| std::cmp::Reverse(f.risky_answers));
        forks
    }
}

impl Summary {
    /// One row per figure: `section,scenario,step,item,count`.
    pub fn csv(&self) -> String {
        let mut rows = vec![["section", "scenario", "step", "item", "count"].map(String::from)];
        let mut row = |section: &str, scenario: &str, step: &str, item: &str, count: u32| {
            rows.push([section, scenario, step, item, &count.to_string()].map(String::from));
        };
        row("players", "", "", "players", self.players as u32);
        for (scenario, counts) in &self.outcomes {
            for (outcome, n) in counts {
                row("outcome", scenario, "", outcome_name(*outcome), *n);
            }
        }
        for (item, n) in [
            ("hits", self.hits),
            ("misses", self.misses),
            ("false-alarms", self.false_alarms),
            ("trusted", self.trusted),
            ("flag-taps", self.flag_taps),
            ("innocent-taps", self.innocent_taps),
        ] {
            row("judgement", "", "", item, n);
        }
        for (section, levels) in
            [("confidence-before", self.confidence_before), ("confidence-after", self.confidence_after)]
        {
            for (level, n) in levels.iter().enumerate() {
                row(section, "", "", &(level + 1).to_string(), *n);
            }
        }
        for fork in &self.forks {
            for (c, (n, risky)) in fork.distribution.iter().zip(&fork.risky).enumerate() {
                let item = format!("choice-{}{}", c + 1, if *risky { "-risky" } else { "" });
                row("fork", &fork.scenario_id, &fork.step_id, &item, *n);
            }
        }
        rows.iter().map(|r| r.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",") + "\n").collect()
    }
}

pub(super) fn outcome_name(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Safe => "safe",
        Outcome::Scammed => "scammed",
        Outcome::Accomplice => "accomplice",
        Outcome::Trusted => "trusted",
        Outcome::Refused => "refused",
    }
}

/// A field quoted when it holds a separator, a quote or a line break, and
/// never starting with a character a spreadsheet reads as a formula.
fn csv_field(field: &str) -> String {
    let field = if field.starts_with(['=', '+', '-', '@']) { format!("'{field}") } else { field.to_string() };
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field
    }
}
