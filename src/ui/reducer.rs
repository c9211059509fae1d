//! Connects the pure `AppState::apply` to Yew's `use_reducer`.

use crate::state::{AppAction, AppState};
use std::rc::Rc;
use yew::{Callback, Reducible, UseReducerDispatcher};

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

/// A callback that dispatches the action `make` builds at the tap (with its time, say).
pub fn send<E: 'static>(dispatch: &UseReducerDispatcher<AppStore>, make: fn() -> AppAction) -> Callback<E> {
    let dispatch = dispatch.clone();
    Callback::from(move |_| dispatch.dispatch(make()))
}
