//! Connects the pure reducers (`AppState::apply`, `Round::apply`) to Yew's
//! `use_reducer`. An action that changes nothing returns the same `Rc`, so
//! Yew skips the re-render.

use crate::state::{AppAction, AppState};
use scamspot_core::engine::{Action, Round};
use std::rc::Rc;
use yew::Reducible;

/// The app's state as Yew reducer state.
#[derive(Debug, Clone, PartialEq)]
pub struct AppStore(pub AppState);

impl Reducible for AppStore {
    type Action = AppAction;

    fn reduce(self: Rc<Self>, action: AppAction) -> Rc<Self> {
        match self.0.apply(action) {
            Some(next) => Rc::new(AppStore(next)),
            None => self,
        }
    }
}

/// A `Round` as Yew reducer state, in an `Rc` that screens share as props.
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
