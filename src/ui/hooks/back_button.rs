//! The browser's Back stays in the app (its own page only: an embed never
//! touches the host page's history). A round gets a history entry,
//! `#/round`; Back from it asks "Leave this round?" (or goes home from the
//! summary) and the entry is put back while the learner decides, so choices
//! are never rewound. Leaving the round steps back off the entry this page
//! added; an entry it did not add (a reload, Forward, a copied link) loses
//! its `#/round` in place instead, so Back never leaves the app by itself
//! and nothing is replayed.

use crate::state::AppAction;
use crate::ui::reducer::AppStore;
use crate::web::browser::now_ms;
use crate::web::history::{at_round_entry, drop_round_entry, push_round_entry, step_back};
use crate::web::paint::after_next_paint;
use yew::prelude::*;

#[hook]
pub fn use_back_button(in_round: bool, page: bool, dispatch: UseReducerDispatcher<AppStore>) {
    // Changes on every Back or Forward, so the entry is checked again then.
    let moved = use_state(|| 0.0);
    {
        let moved = moved.setter();
        use_effect_with(page, move |page| {
            let listener = page.then(|| {
                let window = web_sys::window().expect("a browser window");
                gloo::events::EventListener::new(&window, "popstate", move |_| {
                    dispatch.dispatch(AppAction::AskHome { now_ms: now_ms() });
                    moved.set(js_sys::Math::random());
                })
            });
            move || drop(listener)
        });
    }
    let pushed = use_mut_ref(|| false);
    // Whether the latest render is in a round: the entry is pushed after the
    // tap's paint (`pushState` is slow), and only if the round still shows then.
    let wanted = use_mut_ref(|| false);
    use_effect_with((in_round, *moved), move |&(in_round, _)| {
        *wanted.borrow_mut() = in_round;
        match (page, in_round, at_round_entry()) {
            (true, true, false) => after_next_paint(Box::new(move || {
                if *wanted.borrow() && !at_round_entry() {
                    push_round_entry();
                    *pushed.borrow_mut() = true;
                }
            })),
            (true, false, true) if pushed.replace(false) => step_back(),
            (true, false, true) => drop_round_entry(),
            _ => {}
        }
    });
}
