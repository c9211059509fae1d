//! The root component: language, saved progress, the pack index, which
//! screen is showing, and reporting each round to the host page exactly once.
//! Loading, saving and talking to the host go through `web`.

use super::screens::round::RoundView;
use super::screens::start::StartScreen;
use super::widgets::notice::Notice;
use super::widgets::top_bar::TopBar;
use crate::config::AppConfig;
use crate::web::browser::{browser_languages, now_ms, random_seed, set_document_lang, today};
use crate::web::host::Host;
use crate::web::packs::{fetch_index, fetch_scenarios, pack_source};
use crate::web::storage::{self, StorageNotice};
use scamspot_core::content::{Diagnostic, SiteIndex, ValidScenario};
use scamspot_core::engine::plan::{plan_round, RoundKind};
use scamspot_core::engine::progress::RestoreNotice;
use scamspot_core::engine::report::RoundReport;
use scamspot_core::engine::{RoundSnapshot, ScenarioResult};
use scamspot_core::i18n::{fill, Lang};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// The pack index, fetched before the app mounts (the static start screen
/// covers that time) and again on "Try again".
#[derive(Clone, PartialEq)]
pub enum IndexState {
    Loading,
    Ready(Rc<SiteIndex>),
    Failed(Rc<Vec<Diagnostic>>),
}

impl From<Result<SiteIndex, Vec<Diagnostic>>> for IndexState {
    fn from(result: Result<SiteIndex, Vec<Diagnostic>>) -> Self {
        match result {
            Ok(index) => IndexState::Ready(Rc::new(index)),
            Err(problems) => IndexState::Failed(Rc::new(problems)),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub index: IndexState,
    pub config: Rc<AppConfig>,
    pub host: Rc<Host>,
    /// A round the learner already chose on the static start screen, and
    /// the confidence rating they gave there, if any.
    #[prop_or_default]
    pub chosen: Option<(RoundKind, Option<u8>)>,
}

#[derive(Clone, PartialEq)]
enum Screen {
    Start,
    Loading,
    /// `round` counts rounds so a new round gets fresh component state.
    Playing {
        round: u32,
        kind: RoundKind,
        scenarios: Rc<Vec<Rc<ValidScenario>>>,
        rating: Option<u8>,
    },
}

/// The round in progress as far as the host page is concerned: reported
/// once, when it ends or when the learner leaves it.
struct Tracked {
    round: u32,
    started_ms: f64,
    snapshot: RoundSnapshot,
    reported: bool,
}

fn report_once(tracked: &RefCell<Option<Tracked>>, host: &Host, base: &str, completed: bool) {
    let mut tracked = tracked.borrow_mut();
    let Some(t) = tracked.as_mut().filter(|t| !t.reported) else { return };
    if !completed && t.snapshot.results.is_empty() && t.snapshot.confidence_before.is_none() {
        return; // left before doing anything: nothing to report
    }
    t.reported = true;
    let s = &t.snapshot;
    host.report(&RoundReport::new(
        &s.results,
        s.confidence_before,
        s.confidence_after,
        now_ms() - t.started_ms,
        completed,
        base,
    ));
}

fn initial_lang(config: &AppConfig) -> Lang {
    config.lang.or_else(storage::saved_lang).unwrap_or_else(|| Lang::negotiate(&browser_languages()))
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let config = Rc::clone(&props.config);
    let lang = use_state(|| initial_lang(&config));
    {
        let embedded = !matches!(*props.host, Host::Page);
        use_effect_with(*lang, move |lang| {
            if !embedded {
                set_document_lang(*lang);
            }
        });
    }
    let stored = use_memo((), |_| storage::load_progress());
    let progress = use_state(|| stored.0.clone());
    let storage_notice = use_state(|| stored.1.clone());
    let index = use_state(|| props.index.clone());
    let index_attempt = use_state(|| 0u32);
    let screen = use_state(|| Screen::Start);
    let pack_problems = use_state(|| Rc::new(Vec::<Diagnostic>::new()));
    let rounds_started = use_state(|| 0u32);
    let tracked = use_mut_ref(|| None::<Tracked>);

    {
        let (index, base, types) = (index.clone(), config.base.clone(), config.types.clone());
        use_effect_with(*index_attempt, move |attempt| {
            if *attempt > 0 {
                index.set(IndexState::Loading);
                spawn_local(async move { index.set(fetch_index(&base).await.map(|i| i.restricted_to(&types)).into()) });
            }
        });
    }
    {
        // Trusted host pages may switch the language of an iframe embed.
        let (host, lang) = (Rc::clone(&props.host), lang.clone());
        use_effect_with((), move |_| {
            let listener = host.listen(move |l| lang.set(l));
            move || drop(listener)
        });
    }
    {
        // An iframe's height follows its content.
        let host = Rc::clone(&props.host);
        use_effect_with((), move |_| host.watch_height());
    }
    {
        // Leaving the page mid-round still reports the round, once.
        let (tracked, host, base) = (tracked.clone(), Rc::clone(&props.host), config.base.clone());
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a browser window");
            let listener = gloo::events::EventListener::new(&window, "pagehide", move |_| {
                report_once(&tracked, &host, &base, false)
            });
            move || drop(listener)
        });
    }

    let start_round = {
        let (index, progress, screen, pack_problems, rounds_started, config, tracked, host) = (
            index.clone(),
            progress.clone(),
            screen.clone(),
            pack_problems.clone(),
            rounds_started.clone(),
            Rc::clone(&config),
            tracked.clone(),
            Rc::clone(&props.host),
        );
        Callback::from(move |(kind, rating): (RoundKind, Option<u8>)| {
            let IndexState::Ready(site) = &*index else { return };
            report_once(&tracked, &host, &config.base, false);
            let mut sources: Vec<(String, String)> =
                plan_round(site, &kind, &progress, random_seed(), today(), config.length)
                    .iter()
                    .map(|f| pack_source(&config.base, f))
                    .collect();
            if let Some(url) = &config.pack_url {
                sources.push((url.clone(), url.clone()));
            }
            let (site, screen, pack_problems, tracked) =
                (Rc::clone(site), screen.clone(), pack_problems.clone(), tracked.clone());
            let round = *rounds_started + 1;
            rounds_started.set(round);
            screen.set(Screen::Loading);
            spawn_local(async move {
                let (scenarios, problems) = fetch_scenarios(&site.catalog, &sources).await;
                pack_problems.set(Rc::new(problems));
                if scenarios.is_empty() {
                    screen.set(Screen::Start);
                } else {
                    *tracked.borrow_mut() = Some(Tracked {
                        round,
                        started_ms: now_ms(),
                        snapshot: RoundSnapshot::default(),
                        reported: false,
                    });
                    screen.set(Screen::Playing { round, kind, scenarios: Rc::new(scenarios), rating });
                }
            });
        })
    };
    {
        // Carry on with what the learner chose before the app had loaded.
        let (start_round, chosen) = (start_round.clone(), props.chosen.clone());
        use_effect_with((), move |_| {
            if let Some(chosen) = chosen {
                start_round.emit(chosen);
            }
        });
    }
    let on_start = start_round.reform(|kind: RoundKind| (kind, None));

    let on_progress = {
        let (tracked, host, base) = (tracked.clone(), Rc::clone(&props.host), config.base.clone());
        Callback::from(move |(round, snapshot): (u32, RoundSnapshot)| {
            let finished = snapshot.finished;
            if let Some(t) = tracked.borrow_mut().as_mut().filter(|t| t.round == round) {
                t.snapshot = snapshot;
            }
            if finished {
                report_once(&tracked, &host, &base, true);
            }
        })
    };

    let on_complete = {
        let (progress, storage_notice) = (progress.clone(), storage_notice.clone());
        Callback::from(move |results: Vec<ScenarioResult>| {
            let mut next = (*progress).clone();
            next.record(&results, today());
            if !storage::save_progress(&next) {
                storage_notice.set(Some(StorageNotice::Unavailable));
            }
            progress.set(next);
        })
    };

    let switch_lang = {
        let lang = lang.clone();
        Callback::from(move |_| {
            let next = lang.other();
            storage::save_lang(next);
            lang.set(next);
        })
    };
    let go_home = {
        let (screen, tracked, host, base) =
            (screen.clone(), tracked.clone(), Rc::clone(&props.host), config.base.clone());
        Callback::from(move |_| {
            report_once(&tracked, &host, &base, false);
            screen.set(Screen::Start);
        })
    };
    let t = lang.texts();

    let notices = html! {
        <>
            if let Some(notice) = &*storage_notice {
                <Notice message={storage_message(*lang, notice)} on_dismiss={{ let n = storage_notice.clone(); Callback::from(move |_| n.set(None)) }} lang={*lang} />
            }
            if !pack_problems.is_empty() {
                <Notice
                    message={(t.packs_failed)(pack_problems.len())}
                    details={pack_problems.iter().map(|p| p.to_string()).collect::<Vec<_>>()}
                    on_dismiss={{ let p = pack_problems.clone(); Callback::from(move |_| p.set(Rc::new(Vec::new()))) }}
                    lang={*lang} />
            }
        </>
    };

    let broken = match &*index {
        IndexState::Ready(site) if !site.broken.is_empty() && *screen == Screen::Start => html! {
            <Notice message={(t.packs_failed)(site.broken.len())}
                details={site.broken.iter().flat_map(|b| b.problems.iter().cloned()).collect::<Vec<_>>()} lang={*lang} />
        },
        _ => html! {},
    };

    let body = match (&*screen, &*index) {
        (_, IndexState::Loading) | (Screen::Loading, _) => html! { <p class="loading" role="status">{ t.loading }</p> },
        (_, IndexState::Failed(problems)) => html! {
            <section class="screen">
                <Notice message={t.catalog_failed} details={problems.iter().map(|p| p.to_string()).collect::<Vec<_>>()} lang={*lang} />
                <button class="primary" onclick={{ let a = index_attempt.clone(); Callback::from(move |_| a.set(*a + 1)) }}>{ t.retry }</button>
            </section>
        },
        (Screen::Start, IndexState::Ready(site)) => html! {
            <StartScreen lang={*lang} index={Rc::clone(site)} progress={Rc::new((*progress).clone())} today={today()} on_start={on_start.clone()} first={config.start_kind()} />
        },
        (Screen::Playing { round, kind, scenarios, rating }, IndexState::Ready(site)) => html! {
            <RoundView key={*round} round_number={*round} lang={*lang} site={Rc::clone(site)} scenarios={Rc::clone(scenarios)} kind={kind.clone()} rating={*rating}
                on_complete={on_complete.clone()} on_progress={on_progress.clone()} on_start={on_start.clone()} on_home={go_home.clone()} />
        },
    };

    html! {
        <div class="app">
            <TopBar lang={*lang} on_switch={switch_lang} on_home={go_home} />
            <main class="content">
                { notices }
                { broken }
                { body }
            </main>
        </div>
    }
}

fn storage_message(lang: Lang, notice: &StorageNotice) -> String {
    let t = lang.texts();
    match notice {
        StorageNotice::Unavailable => t.storage_unavailable.to_string(),
        StorageNotice::Restore(RestoreNotice::Corrupt) => t.progress_corrupt.to_string(),
        StorageNotice::Restore(RestoreNotice::Newer(version)) => fill(t.progress_newer, &[("version", version)]),
        StorageNotice::Restore(RestoreNotice::Repaired { kept, dropped }) => (t.progress_repaired)(*kept, *dropped),
    }
}
