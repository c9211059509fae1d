//! What a phone and the projector are sent: a whole snapshot each time, so a
//! late joiner or a reconnecting phone catches up from one message.

use super::{Moment, Phase, Phrase, Pick, Place, PlayerId, Room};
use crate::content::StepKind;
use serde::Serialize;
use std::collections::BTreeMap;

/// A phone's snapshot: where the room is and what this phone has answered there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlayerView {
    pub phase: Phase,
    pub at: Option<Place>,
    /// The current scenario's id; the phone reads its text from the static pack.
    pub scenario_id: Option<String>,
    /// The room's language: the phones show the projector's text, and a spot
    /// step's phrases are counted in it.
    pub lang: String,
    /// The seed every phone orders the choices by.
    pub seed: u64,
    pub my_pick: Option<Pick>,
    pub my_ratings: [Option<u8>; 2],
    pub nickname: String,
}

/// The projector's snapshot: counts while voting, the distribution after the reveal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PresenterView {
    pub phase: Phase,
    pub at: Option<Place>,
    pub scenario_id: Option<String>,
    pub lang: String,
    pub seed: u64,
    pub players: usize,
    /// Phones that answered the current step.
    pub answered: usize,
    pub live_bars: bool,
    /// Answers per choice (authored order): after the reveal, or while voting with live bars.
    pub distribution: Option<Vec<u32>>,
    /// Taps per phrase at a spot step, after the reveal.
    pub heat: Option<Vec<(Phrase, u32)>>,
}

impl Room {
    fn scenario_id(&self) -> Option<String> {
        self.at.map(|at| self.scenarios[at.scenario].id.clone())
    }

    pub fn player_view(&self, player: PlayerId) -> PlayerView {
        let decision = self.at.and_then(|at| self.decisions.get(&at));
        let ratings = self.ratings.get(&player).copied().unwrap_or_default();
        PlayerView {
            phase: self.phase,
            at: self.at,
            scenario_id: self.scenario_id(),
            lang: self.lang.clone(),
            seed: self.seed,
            my_pick: decision.and_then(|d| d.answers.get(&player).cloned()),
            my_ratings: [ratings[Moment::Before as usize], ratings[Moment::After as usize]],
            nickname: self.players.get(player).map(|p| p.nickname.clone()).unwrap_or_default(),
        }
    }

    pub fn presenter_view(&self) -> PresenterView {
        let decision = self.at.and_then(|at| self.decisions.get(&at));
        let kind = self.at.and_then(|at| self.scenarios[at.scenario].kind(at.step));
        let shown = self.phase == Phase::Revealed || (self.phase == Phase::Voting && self.live_bars);
        let (distribution, heat) = match (decision, kind) {
            (Some(decision), Some(StepKind::Choices(choices))) if shown => {
                let mut counts = vec![0u32; choices.len()];
                for pick in decision.answers.values() {
                    if let Pick::Choice(c) = pick {
                        counts[*c] += 1;
                    }
                }
                (Some(counts), None)
            }
            (Some(decision), Some(StepKind::Spot(_))) if self.phase == Phase::Revealed => {
                let mut heat: BTreeMap<Phrase, u32> = BTreeMap::new();
                for pick in decision.answers.values() {
                    if let Pick::Taps(taps) = pick {
                        taps.iter().for_each(|t| *heat.entry(*t).or_default() += 1);
                    }
                }
                (None, Some(heat.into_iter().collect()))
            }
            _ => (None, None),
        };
        PresenterView {
            phase: self.phase,
            at: self.at,
            scenario_id: self.scenario_id(),
            lang: self.lang.clone(),
            seed: self.seed,
            players: self.players.len(),
            answered: decision.map_or(0, |d| d.answers.len()),
            live_bars: self.live_bars,
            distribution,
            heat,
        }
    }
}
