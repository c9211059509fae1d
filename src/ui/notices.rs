//! The notices above the app's screen: saved progress that could not be
//! kept, packs skipped or broken, and the problems of an index that failed
//! to load. In a chunk of their own in the lean build (`ui::split`): none is
//! needed before the first scenario message, and a learner without any
//! problem never sees one.

use super::reducer::{send, AppStore};
use super::widgets::notice::notice;
use crate::state::{AppAction, AppState, IndexState, Screen, StorageNotice};
use scamspot_core::content::index::BrokenPack;
use scamspot_core::content::Diagnostic;
use scamspot_core::engine::progress::RestoreNotice;
use scamspot_core::i18n::{fill, Lang};
use yew::prelude::*;

/// The notices for `state`; `None` while their chunk is on its way (the
/// failed index's screen then says what failed, without the details).
/// Without a notice to show, their chunk is not asked for: that waits
/// until the first scenario message has painted (`ui::split`).
pub fn notices(state: &AppState, dispatch: &UseReducerDispatcher<AppStore>) -> Option<Html> {
    let any = state.storage_notice.is_some()
        || !state.pack_problems.is_empty()
        || listed_broken(state).is_some()
        || matches!(state.index, IndexState::Failed(_));
    if !any {
        return Some(Html::default());
    }
    #[cfg(feature = "split")]
    return super::split::drawn(split_notices(state, dispatch));
    #[cfg(not(feature = "split"))]
    Some(notices_view(state, dispatch))
}

/// The split point (`ui::split`): a chunk that fails to load is an error
/// the app waits out, not a panic.
#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(notices, fallible, preload(preload_notices))]
pub fn split_notices(
    state: &AppState,
    dispatch: &UseReducerDispatcher<AppStore>,
) -> Result<Html, wasm_split_helpers::SplitLoaderError> {
    Ok(notices_view(state, dispatch))
}

fn notices_view(state: &AppState, dispatch: &UseReducerDispatcher<AppStore>) -> Html {
    let (lang, t) = (state.lang, state.lang.texts());
    let problems = |problems: &[Diagnostic]| problems.iter().map(ToString::to_string).collect();
    html! {
        <>
            if let Some(storage) = &state.storage_notice {
                { notice(lang, storage_message(lang, storage).into(), Vec::new(), Some(send(dispatch, || AppAction::DismissStorageNotice))) }
            }
            if !state.pack_problems.is_empty() {
                { notice(
                    lang,
                    (t.packs_failed)(state.pack_problems.len()).into(),
                    problems(&state.pack_problems),
                    Some(send(dispatch, || AppAction::DismissPackProblems)),
                ) }
            }
            if let Some(broken) = listed_broken(state) {
                { notice(
                    lang,
                    (t.packs_failed)(broken.len()).into(),
                    broken.iter().flat_map(|b| b.problems.iter().cloned()).collect(),
                    None,
                ) }
            }
            if let IndexState::Failed(failed) = &state.index {
                { notice(lang, t.catalog_failed.into(), problems(failed), None) }
            }
        </>
    }
}

/// The packs the build left out, listed on the start screen.
fn listed_broken(state: &AppState) -> Option<&[BrokenPack]> {
    match &state.index {
        IndexState::Ready(site) if !site.broken.is_empty() && matches!(state.screen, Screen::Start) => {
            Some(&site.broken)
        }
        _ => None,
    }
}

fn storage_message(lang: Lang, notice: &StorageNotice) -> String {
    let t = lang.texts();
    match notice {
        StorageNotice::Unavailable => t.storage_unavailable.to_string(),
        StorageNotice::RoundDiscarded => t.round_discarded.to_string(),
        StorageNotice::Restore(RestoreNotice::Corrupt) => t.progress_corrupt.to_string(),
        StorageNotice::Restore(RestoreNotice::Newer(version)) => fill(t.progress_newer, &[("version", version)]),
        StorageNotice::Restore(RestoreNotice::Repaired { kept, dropped }) => (t.progress_repaired)(*kept, *dropped),
    }
}
