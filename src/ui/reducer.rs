//! Connects the pure `AppState::apply` to Yew's `use_reducer`.

use crate::state::{AppAction, AppState};
use std::rc::Rc;
use yew::Reducible;

/// The app's state as Yew reducer state. An action that changes nothing
/// returns the same `Rc`, so Yew skips the re-render.
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
