//! A room as one instance holds it: the state machine, how many log entries
//! it has applied, and the verdicts of the latest ones. With Redis, an
//! instance that appended an input may find that another path (the room's
//! channel, a catch-up) applied it first; the verdict is then read here.

use scamspot_core::room::{Accepted, Input, Refusal, Room};
use std::collections::VecDeque;

pub type Verdict = Result<Accepted, Refusal>;

/// Verdicts kept: far more than the entries one instance can have in flight.
const RECENT: usize = 4096;

pub struct Replica {
    pub room: Room,
    applied: u64,
    /// The verdicts of entries `applied - recent.len() + 1 ..= applied`.
    recent: VecDeque<Verdict>,
}

impl Replica {
    pub fn new(room: Room) -> Replica {
        Replica { room, applied: 0, recent: VecDeque::new() }
    }

    /// How many log entries the room has applied.
    pub fn applied(&self) -> u64 {
        self.applied
    }

    /// Applies entry `position` (1-based) if it is the next one; its verdict, or
    /// `None` if it was applied before or would skip entries.
    pub fn apply_entry(&mut self, position: u64, input: Option<&Input>) -> Option<Verdict> {
        if position != self.applied + 1 {
            return None;
        }
        // An entry that does not read as an input (none of ours writes one) counts as refused.
        let verdict = input.map_or(Err(Refusal::BadId), |input| self.room.apply(input));
        self.applied = position;
        if self.recent.len() == RECENT {
            self.recent.pop_front();
        }
        self.recent.push_back(verdict);
        Some(verdict)
    }

    /// The verdict of entry `position`, if it is applied and recent.
    pub fn verdict(&self, position: u64) -> Option<Verdict> {
        let back = self.applied.checked_sub(position)?;
        let index = self.recent.len().checked_sub(1 + usize::try_from(back).ok()?)?;
        self.recent.get(index).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scamspot_core::room::Command;

    #[test]
    fn entries_apply_once_in_order_and_their_verdicts_stay_readable() {
        let mut replica = Replica::new(Room::new(Vec::new(), "en", 1));
        let join = Input::Join { token: "t1".into(), nickname: String::new() };
        assert_eq!(replica.apply_entry(2, Some(&join)), None, "no skipping");
        assert_eq!(replica.apply_entry(1, Some(&join)), Some(Ok(Accepted::Joined(0))));
        assert_eq!(replica.apply_entry(1, Some(&join)), None, "applied once");
        let reveal = Input::Command(Command::CloseAndReveal);
        assert_eq!(replica.apply_entry(2, Some(&reveal)), Some(Err(Refusal::WrongPhase)));
        assert_eq!(replica.apply_entry(3, None), Some(Err(Refusal::BadId)));
        assert_eq!(replica.applied(), 3);
        assert_eq!(replica.verdict(1), Some(Ok(Accepted::Joined(0))));
        assert_eq!(replica.verdict(2), Some(Err(Refusal::WrongPhase)));
        assert_eq!(replica.verdict(4), None);
        for position in 4..4 + RECENT as u64 {
            replica.apply_entry(position, Some(&join));
        }
        assert_eq!(replica.verdict(1), None, "old verdicts are dropped");
        assert_eq!(replica.verdict(4 + RECENT as u64 - 1), Some(Ok(Accepted::Joined(0))));
    }
}
