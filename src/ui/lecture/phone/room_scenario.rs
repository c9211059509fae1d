//! The room's current scenario, read from the static packs as the solo app
//! reads them (the server sends only its id).

use crate::web::packs::{fetch_index, fetch_scenarios, pack_source};
use scamspot_core::content::{SiteIndex, ValidScenario};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub enum ScenarioLoad {
    /// The room shows no scenario (the lobby).
    NoScenario,
    Loading,
    Ready(Rc<ValidScenario>),
    Failed,
}

/// Scenario `id`'s pack, through the (kept) site index.
async fn load(index: Rc<RefCell<Option<Rc<SiteIndex>>>>, id: &str) -> Option<Rc<ValidScenario>> {
    let kept = index.borrow().clone();
    let site = match kept {
        Some(site) => site,
        None => {
            let site = Rc::new(fetch_index("").await.ok()?);
            *index.borrow_mut() = Some(Rc::clone(&site));
            site
        }
    };
    let source = pack_source("", &site.pack(id)?.file);
    let (mut scenarios, _) = fetch_scenarios(&site.catalog, &[source]).await;
    scenarios.pop()
}

#[hook]
pub fn use_room_scenario(id: Option<String>) -> ScenarioLoad {
    let loaded = use_state(|| None::<(String, Option<Rc<ValidScenario>>)>);
    let index = use_mut_ref(|| None::<Rc<SiteIndex>>);
    // The id last asked for: a slower load of an earlier scenario must not land after it.
    let wanted = use_mut_ref(|| None::<String>);
    {
        let loaded = loaded.clone();
        use_effect_with(id.clone(), move |id| {
            *wanted.borrow_mut() = id.clone();
            let Some(id) = id.clone() else { return };
            if loaded.as_ref().is_some_and(|(have, _)| *have == id) {
                return;
            }
            spawn_local(async move {
                let scenario = load(index, &id).await;
                if wanted.borrow().as_deref() == Some(id.as_str()) {
                    loaded.set(Some((id, scenario)));
                }
            });
        });
    }
    match (id, &*loaded) {
        (None, _) => ScenarioLoad::NoScenario,
        (Some(id), Some((have, scenario))) if *have == id => match scenario {
            Some(scenario) => ScenarioLoad::Ready(Rc::clone(scenario)),
            None => ScenarioLoad::Failed,
        },
        (Some(_), _) => ScenarioLoad::Loading,
    }
}
