//! Set-up: the host key (when the URL had none), the scenarios (grouped by
//! scam type, genuine ones marked), or the prepared core lecture, then "Create room".

use crate::state::lecture::presenter::{PresenterAction, PresenterState};
use scamspot_core::content::{PackSummary, SiteIndex};
use scamspot_core::i18n::fill;
use scamspot_core::room::texts::presenter::PresenterTexts;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// `ask_key`: the page's URL carried no host key.
pub fn setup(state: &PresenterState, ask_key: bool, dispatch: &Callback<PresenterAction>) -> Html {
    let t = PresenterTexts::of(state.lang);
    let body = match &state.index {
        Some(index) => html! {
            <>
                <section class="presenter-picks" aria-labelledby="picks-heading">
                    <h2 id="picks-heading">{ t.scenarios_heading }</h2>
                    <button id="core-lecture" class="secondary" onclick={dispatch.reform(|_| PresenterAction::ChooseCoreLecture)}>
                        { t.core_lecture }
                    </button>
                    { for index.catalog.types.iter().map(|scam_type| type_group(state, index, &scam_type.id, scam_type.name.get(state.lang.code()), dispatch)) }
                </section>
                <p id="chosen-count" role="status">{ fill(t.selected_count, &[("count", &state.chosen.len())]) }</p>
                <button id="create-room" class="primary" disabled={state.creating}
                    onclick={dispatch.reform(|_| PresenterAction::Create)}>
                    { if state.creating { t.creating } else { t.create_room } }
                </button>
            </>
        },
        None => html! { <p role="alert">{ t.index_failed }</p> },
    };
    let on_key = dispatch.reform(|event: InputEvent| {
        PresenterAction::SetHostKey(event.target_unchecked_into::<HtmlInputElement>().value())
    });
    html! {
        <section class="presenter-setup" aria-labelledby="setup-heading">
            <h1 id="setup-heading">{ t.setup_heading }</h1>
            if ask_key {
                <div class="host-key">
                    <label for="host-key">{ t.host_key_label }</label>
                    <input id="host-key" type="password" autocomplete="off" value={state.host_key.clone()}
                        aria-describedby="host-key-hint" oninput={on_key} />
                    <p id="host-key-hint" class="meta">{ t.host_key_hint }</p>
                </div>
            }
            { body }
        </section>
    }
}

/// One scam type's scenarios as checkboxes; nothing for a type without any.
fn type_group(
    state: &PresenterState,
    index: &SiteIndex,
    scam_type: &str,
    name: &str,
    dispatch: &Callback<PresenterAction>,
) -> Html {
    let packs: Vec<&PackSummary> = index.packs_of_type(scam_type).collect();
    if packs.is_empty() {
        return html! {};
    }
    let t = PresenterTexts::of(state.lang);
    let code = state.lang.code();
    let items = packs.into_iter().map(|pack| {
        let id = pack.id.clone();
        let checked = state.chosen.contains(&pack.id);
        html! {
            <li>
                <label>
                    <input type="checkbox" {checked} data-scenario={pack.id.clone()}
                        onchange={dispatch.reform(move |_| PresenterAction::Toggle(id.clone()))} />
                    { pack.title.get(code) }
                    if pack.genuine {
                        <span class="genuine-mark">{ t.genuine_mark }</span>
                    }
                </label>
            </li>
        }
    });
    html! {
        <fieldset class="type-group">
            <legend>{ name }</legend>
            <ul>{ for items }</ul>
        </fieldset>
    }
}
