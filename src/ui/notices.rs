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

/// One notice above the screen, with what it shows.
pub(super) enum Notice<'a> {
    /// Progress cannot be kept, or was repaired or reset.
    Storage(&'a StorageNotice),
    /// Packs of the round that failed to load or validate.
    PacksSkipped(&'a [Diagnostic]),
    /// Packs the build left out, listed on the start screen.
    PacksLeftOut(&'a [BrokenPack]),
    /// The index that failed to load, with its problems.
    IndexFailed(&'a [Diagnostic]),
}

/// The notices `state` has, in the order they show.
fn shown(state: &AppState) -> Vec<Notice<'_>> {
    let mut shown = Vec::new();
    if let Some(storage) = &state.storage_notice {
        shown.push(Notice::Storage(storage));
    }
    if !state.pack_problems.is_empty() {
        shown.push(Notice::PacksSkipped(&state.pack_problems));
    }
    match &state.index {
        IndexState::Ready(site) if !site.broken.is_empty() && matches!(state.screen, Screen::Start) => {
            shown.push(Notice::PacksLeftOut(&site.broken));
        }
        IndexState::Failed(problems) => shown.push(Notice::IndexFailed(problems)),
        _ => {}
    }
    shown
}

/// The notices for `state`; `None` while their chunk is on its way (the
/// failed index's screen then says what failed, without the details).
/// Without a notice to show, their chunk is not asked for: that waits
/// until the first scenario message has painted (`ui::split`).
pub fn notices(state: &AppState, dispatch: &UseReducerDispatcher<AppStore>) -> Option<Html> {
    let shown = shown(state);
    if shown.is_empty() {
        return Some(Html::default());
    }
    #[cfg(feature = "split")]
    return super::split::drawn(split_notices(state.lang, &shown, dispatch));
    #[cfg(not(feature = "split"))]
    Some(notices_view(state.lang, &shown, dispatch))
}

/// The split point (`ui::split`): a chunk that fails to load is an error
/// the app waits out, not a panic.
#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(notices, fallible, preload(preload_notices))]
pub(super) fn split_notices(
    lang: Lang,
    shown: &[Notice<'_>],
    dispatch: &UseReducerDispatcher<AppStore>,
) -> Result<Html, wasm_split_helpers::SplitLoaderError> {
    Ok(notices_view(lang, shown, dispatch))
}

fn notices_view(lang: Lang, shown: &[Notice<'_>], dispatch: &UseReducerDispatcher<AppStore>) -> Html {
    let t = lang.texts();
    let lines = |problems: &[Diagnostic]| problems.iter().map(ToString::to_string).collect();
    let view = |shown: &Notice<'_>| match *shown {
        Notice::Storage(storage) => notice(
            lang,
            storage_message(lang, storage).into(),
            Vec::new(),
            Some(send(dispatch, || AppAction::DismissStorageNotice)),
        ),
        Notice::PacksSkipped(problems) => notice(
            lang,
            (t.packs_failed)(problems.len()).into(),
            lines(problems),
            Some(send(dispatch, || AppAction::DismissPackProblems)),
        ),
        Notice::PacksLeftOut(broken) => notice(
            lang,
            (t.packs_failed)(broken.len()).into(),
            broken.iter().flat_map(|b| b.problems.iter().cloned()).collect(),
            None,
        ),
        Notice::IndexFailed(problems) => notice(lang, t.catalog_failed.into(), lines(problems), None),
    };
    html! { <>{ for shown.iter().map(view) }</> }
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
