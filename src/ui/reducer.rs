//! Connects the pure `Round::apply` to Yew's `use_reducer`.

use scamspot_core::engine::{Action, Round};
use std::rc::Rc;
use yew::Reducible;

/// A `Round` as Yew reducer state, in an `Rc` that screens share as props.
/// An ignored action returns the same `Rc`, so Yew skips the re-render.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundState(pub Rc<Round>);

impl Reducible for RoundState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.0.apply(&action) {
            Some(next) => Rc::new(RoundState(Rc::new(next))),
            None => self,
        }
    }
}
