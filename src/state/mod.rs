//! The whole app's state in one type, changed only through `AppState::apply`
//! (a pure reducer, like `Round::apply`): language, saved progress, the pack
//! index, which screen shows, the round being played, and what is due to go
//! to the host page. The browser (fetching, storage, the clock, randomness)
//! stays outside: hooks in `ui::hooks` do the I/O and bring its results back
//! in as actions.

pub mod campaign;
pub mod lecture;
#[cfg(test)]
mod tests;

use crate::config::AppConfig;
#[cfg(feature = "hosted")]
use campaign::learner::{results_request, ClassState, Delivery, Submission};
#[cfg(feature = "hosted")]
use scamspot_core::campaign::plan_campaign_round;
use scamspot_core::content::{Diagnostic, SiteIndex, ValidScenario};
use scamspot_core::engine::plan::{booster_miss, plan_round, RoundKind};
use scamspot_core::engine::progress::{Progress, RestoreNotice, RoundEntry};
use scamspot_core::engine::{Action, Phase, Round, RoundRecord};
#[cfg(feature = "hosted")]
use scamspot_core::engine::{DueReport, ReportTracker};
use scamspot_core::i18n::Lang;
use std::rc::Rc;

/// The pack index, fetched before the app mounts (the static start screen
/// covers that time) and again on "Try again".
#[derive(Debug, Clone, PartialEq)]
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

/// Why progress cannot be used as stored, or cannot be stored at all.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageNotice {
    Restore(RestoreNotice),
    Unavailable,
    /// The round saved when the page closed could not be resumed, so it was dropped.
    RoundDiscarded,
}

/// What the main area shows. `number` counts the rounds of the session, so
/// a late message about an older round is told apart and ignored.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Start,
    /// The packs of round `number` (`files`, drawn from the index, or those
    /// of a resumed round) are being fetched; `arrived` holds the scenarios
    /// in so far, while a resumed round waits for all of them.
    Loading {
        number: u32,
        kind: RoundKind,
        files: Rc<Vec<String>>,
        arrived: Vec<Rc<ValidScenario>>,
    },
    Playing {
        number: u32,
        kind: RoundKind,
        round: Rc<Round>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub config: Rc<AppConfig>,
    pub lang: Lang,
    pub progress: Rc<Progress>,
    pub storage_notice: Option<StorageNotice>,
    /// The browser keeps nothing and the learner has been told so: a save
    /// refused later does not raise the notice again once it is dismissed.
    pub storage_refused: bool,
    pub index: IndexState,
    pub screen: Screen,
    /// Packs of the last round that failed to load (the round went on without them).
    pub pack_problems: Rc<Vec<Diagnostic>>,
    pub rounds_started: u32,
    /// Which round the host page has been told about. Only the hosted build
    /// has a host page; the app's own page (the lean build) keeps no reports.
    #[cfg(feature = "hosted")]
    pub tracker: ReportTracker,
    /// The last report the tracker decided on, for the host page.
    #[cfg(feature = "hosted")]
    pub due_report: Option<DueReport>,
    /// The learner asked to leave a round in progress: "Leave this round?" shows.
    pub confirm_leave: bool,
    /// The recipe of the round being loaded or played (its packs and every
    /// action so far), kept so a reload can resume it; `None` otherwise.
    pub round_record: Option<Rc<RoundRecord>>,
    /// The "大字" setting: the whole interface a size larger, for older
    /// readers (China's 2021 适老化 guidance), on top of the browser's own size.
    pub large_text: bool,
    /// The campaign class this instance plays for (`campaign=`); `None` outside
    /// a campaign. Class links are the hosted build's (static/shell.js sends
    /// `?campaign=` there), as is everything of the class below.
    #[cfg(feature = "hosted")]
    pub class: Option<ClassState>,
    /// The last finished campaign round's result, on its way to the server or answered.
    #[cfg(feature = "hosted")]
    pub submission: Option<Submission>,
    /// A scam whose pack the start-up script downloaded beside the app: the
    /// first quick or short round opens with it where it fits (`plan_round`).
    pub opening: Option<String>,
}

/// Everything that changes the app. Times (`now_ms`), days (`today`) and
/// seeds come from the browser as arguments.
#[derive(Debug, Clone, PartialEq)]
pub enum AppAction {
    SetLang(Lang),
    /// "Try again" after the index failed to load.
    RetryIndex,
    /// The index fetched, first or again ("Try again"), or again when the
    /// learner turned to a language the loaded one has no texts in.
    IndexLoaded(IndexState),
    /// The learner asks for a round (with a confidence rating already given,
    /// if any); `seed` draws which scenarios it plays.
    StartRound {
        kind: RoundKind,
        rating: Option<u8>,
        seed: u64,
        today: u32,
        now_ms: f64,
    },
    /// Packs of round `number` have been fetched: the scenarios that loaded
    /// (in the round's order), the problems with the others, and how many
    /// packs are still `pending`. A new round starts with its first scenario.
    RoundLoaded {
        number: u32,
        scenarios: Vec<Rc<ValidScenario>>,
        problems: Vec<Diagnostic>,
        pending: usize,
        now_ms: f64,
    },
    /// The learner (or a message timer) acts in round `number`.
    Play {
        number: u32,
        action: Action,
        now_ms: f64,
        today: u32,
    },
    GoHome {
        now_ms: f64,
    },
    /// The page is going away (closed, navigated off, put in the background for good).
    #[cfg(feature = "hosted")]
    LeavePage {
        now_ms: f64,
    },
    /// The browser refused to save progress.
    StorageFailed,
    DismissStorageNotice,
    DismissPackProblems,
    /// The logo or the browser's Back: mid-round this asks first, elsewhere it goes home.
    AskHome {
        now_ms: f64,
    },
    /// "Keep playing" (or Esc) in the "Leave this round?" dialog.
    KeepPlaying,
    /// Code the app loads after its first screen (a wasm chunk) has arrived:
    /// a screen that waited for it draws again.
    CodeLoaded,
    /// A round saved when the page last closed, to be fetched and replayed;
    /// `None` when one was saved but cannot be read.
    ResumeRound(Option<Rc<RoundRecord>>),
    /// The "大字" switch in the top bar.
    SetLargeText(bool),
    /// The campaign class link's details, or why there are none.
    #[cfg(feature = "hosted")]
    ClassLoaded(ClassState),
    /// The server's answer (or the last retry's failure) for the result of round `round`.
    #[cfg(feature = "hosted")]
    Delivered {
        round: u32,
        attempt: u32,
        delivery: Delivery,
    },
    /// "Send again" after a result failed to arrive.
    #[cfg(feature = "hosted")]
    SendAgain,
    /// A result the last visit could not deliver (the page closed while it
    /// was on its way), sent again now.
    #[cfg(feature = "hosted")]
    UnsentFound(Rc<String>),
}

impl AppState {
    pub fn new(
        config: Rc<AppConfig>,
        lang: Lang,
        (progress, storage_notice): (Progress, Option<StorageNotice>),
        index: IndexState,
    ) -> Self {
        AppState {
            lang,
            progress: Rc::new(progress),
            storage_refused: storage_notice == Some(StorageNotice::Unavailable),
            storage_notice,
            index,
            screen: Screen::Start,
            pack_problems: Rc::new(Vec::new()),
            rounds_started: 0,
            #[cfg(feature = "hosted")]
            tracker: ReportTracker::Idle,
            #[cfg(feature = "hosted")]
            due_report: None,
            confirm_leave: false,
            round_record: None,
            large_text: false,
            #[cfg(feature = "hosted")]
            class: config.campaign.as_ref().map(|_| ClassState::Loading),
            #[cfg(feature = "hosted")]
            submission: None,
            opening: None,
            config,
        }
    }

    /// The number of the round being played, if any.
    pub fn playing_round(&self) -> Option<u32> {
        match self.screen {
            Screen::Playing { number, .. } => Some(number),
            _ => None,
        }
    }

    fn index_ready(&self) -> bool {
        matches!(self.index, IndexState::Ready(_))
    }

    /// The seed every decision's choice order is drawn from: the lecture's
    /// (`seed=` in the settings) when set, so a room sees one screen, else the learner's own.
    pub fn order_seed(&self) -> u64 {
        self.config.seed.or(self.progress.seed).unwrap_or_default()
    }

    /// Whether leaving now would abandon a round the learner is playing
    /// (not one loading, nor one at its summary).
    pub fn mid_round(&self) -> bool {
        matches!(&self.screen, Screen::Playing { round, .. } if round.phase() != Phase::Summary)
    }

    /// Applies `action`; `None` when it changes nothing (so the view keeps
    /// the same state and does not re-render).
    pub fn apply(&self, action: AppAction) -> Option<AppState> {
        let mut next = self.clone();
        let changed = match action {
            AppAction::SetLang(lang) if lang != self.lang => {
                next.lang = lang;
                true
            }
            AppAction::RetryIndex if matches!(self.index, IndexState::Failed(_)) => {
                next.index = IndexState::Loading;
                true
            }
            AppAction::IndexLoaded(index)
                if matches!(self.index, IndexState::Loading)
                    || self.lacks_texts()
                        && matches!(&index, IndexState::Ready(site) if site.has_texts_in(self.lang.code())) =>
            {
                next.index = index;
                true
            }
            AppAction::StartRound { kind, rating, seed, today, now_ms } => {
                next.start_round(kind, rating, seed, today, now_ms)
            }
            AppAction::RoundLoaded { number, scenarios, problems, pending, now_ms } => {
                next.round_loaded(number, scenarios, problems, pending, now_ms)
            }
            AppAction::Play { number, action, now_ms, today } => next.play(number, &action, now_ms, today),
            AppAction::AskHome { .. } if self.mid_round() => !std::mem::replace(&mut next.confirm_leave, true),
            AppAction::GoHome { now_ms } | AppAction::AskHome { now_ms } => {
                next.leave_round(now_ms);
                next.round_record = None;
                next.confirm_leave = false;
                next.screen = Screen::Start;
                !matches!(self.screen, Screen::Start) || next.report_changed(self)
            }
            AppAction::KeepPlaying => std::mem::take(&mut next.confirm_leave),
            AppAction::CodeLoaded => true,
            // Only at start-up, and only with the index in (else "Try again" must show, not "Loading").
            AppAction::ResumeRound(Some(record)) if self.rounds_started == 0 && self.index_ready() => {
                next.resume(record)
            }
            AppAction::ResumeRound(None) => {
                next.storage_notice = Some(StorageNotice::RoundDiscarded);
                true
            }
            #[cfg(feature = "hosted")]
            AppAction::LeavePage { now_ms } => {
                next.leave_round(now_ms);
                next.report_changed(self)
            }
            AppAction::StorageFailed if !self.storage_refused => {
                next.storage_notice = Some(StorageNotice::Unavailable);
                next.storage_refused = true;
                true
            }
            AppAction::DismissStorageNotice if self.storage_notice.is_some() => {
                next.storage_notice = None;
                true
            }
            AppAction::DismissPackProblems if !self.pack_problems.is_empty() => {
                next.pack_problems = Rc::new(Vec::new());
                true
            }
            AppAction::SetLargeText(large) if large != self.large_text => {
                next.large_text = large;
                true
            }
            #[cfg(feature = "hosted")]
            AppAction::ClassLoaded(class) if self.class.is_some() => {
                next.class = Some(class);
                true
            }
            #[cfg(feature = "hosted")]
            AppAction::Delivered { round, attempt, delivery } => next.submission.as_mut().is_some_and(|sent| {
                let current = sent.round == round && sent.attempt == attempt;
                if current {
                    sent.delivery = delivery;
                }
                current
            }),
            #[cfg(feature = "hosted")]
            AppAction::UnsentFound(body) if self.class.is_some() && self.submission.is_none() => {
                // Round 0: no round of this visit has that number.
                next.submission = Some(Submission { round: 0, body, attempt: 0, delivery: Delivery::Sending });
                true
            }
            #[cfg(feature = "hosted")]
            AppAction::SendAgain => next.submission.as_mut().is_some_and(|sent| {
                let failed = matches!(sent.delivery, Delivery::Failed(_));
                if failed {
                    sent.attempt += 1;
                    sent.delivery = Delivery::Sending;
                }
                failed
            }),
            _ => false,
        };
        changed.then_some(next)
    }

    /// Whether the index is in, without texts in the learner's language
    /// (the app's page starts from one in the language it opened in).
    pub fn lacks_texts(&self) -> bool {
        matches!(&self.index, IndexState::Ready(site) if !site.has_texts_in(self.lang.code()))
    }

    /// Plans the round from the index alone and starts fetching its packs;
    /// a round being played is left (and reported) first.
    fn start_round(&mut self, kind: RoundKind, rating: Option<u8>, seed: u64, today: u32, now_ms: f64) -> bool {
        let IndexState::Ready(site) = &self.index else { return false };
        // A campaign round is drawn from the class's spec, its seed ordering
        // the choices too: the server draws the same round from that one seed.
        // The lean build has no class links, so no campaign round.
        let (files, order_seed) = match &kind {
            #[cfg(feature = "hosted")]
            RoundKind::Campaign(_) => match &self.class {
                Some(ClassState::Ready(class)) => (plan_campaign_round(site, &class.round, seed), seed),
                _ => return false,
            },
            #[cfg(not(feature = "hosted"))]
            RoundKind::Campaign(_) => return false,
            _ => {
                let opening =
                    matches!(kind, RoundKind::Quick | RoundKind::Short).then(|| self.opening.take()).flatten();
                let files =
                    plan_round(site, &kind, &self.progress, seed, today, self.config.length, opening.as_deref());
                (files, self.order_seed())
            }
        };
        self.leave_round(now_ms);
        self.confirm_leave = false;
        #[cfg(feature = "hosted")]
        {
            self.submission = None;
        }
        self.resume(Rc::new(RoundRecord::new(kind, rating, files, order_seed)))
    }

    /// Starts fetching the packs of `record`'s round, new or saved.
    fn resume(&mut self, record: Rc<RoundRecord>) -> bool {
        self.rounds_started += 1;
        let (kind, files) = (record.kind.clone(), Rc::new(record.files.clone()));
        self.screen = Screen::Loading { number: self.rounds_started, kind, files, arrived: Vec::new() };
        self.round_record = Some(record);
        self.pack_problems = Rc::new(Vec::new());
        true
    }

    /// Packs have arrived. A round being played takes them in behind its
    /// first scenario. A loading round starts once it has a scenario (a
    /// resumed round with a log to replay once all its packs are in), or goes
    /// back to the start if none loaded, or if its log no longer fits.
    fn round_loaded(
        &mut self,
        number: u32,
        scenarios: Vec<Rc<ValidScenario>>,
        problems: Vec<Diagnostic>,
        pending: usize,
        now_ms: f64,
    ) -> bool {
        let this_round = match &self.screen {
            Screen::Playing { number: round, .. } | Screen::Loading { number: round, .. } => *round == number,
            Screen::Start => false,
        };
        if !this_round {
            return false;
        }
        if !problems.is_empty() {
            Rc::make_mut(&mut self.pack_problems).extend(problems);
        }
        match &mut self.screen {
            Screen::Playing { round, .. } => {
                let next = Rc::new(round.arrive(scenarios, pending));
                *round = Rc::clone(&next);
                if let Some(record) = &mut self.round_record {
                    Rc::make_mut(record).ids = ids_of(&next);
                }
                self.follow(number, &next, now_ms);
                true
            }
            Screen::Loading { kind, arrived, .. } => {
                arrived.extend(scenarios);
                let replays = self.round_record.as_ref().is_some_and(|record| !record.log.is_empty());
                if pending > 0 && (arrived.is_empty() || replays) {
                    return true;
                }
                let (kind, arrived) = (kind.clone(), std::mem::take(arrived));
                self.start_playing(number, kind, arrived, pending, now_ms);
                true
            }
            Screen::Start => false,
        }
    }

    /// Plays the scenarios arrived so far (replaying the log of a resumed
    /// round), `pending` packs still to come.
    fn start_playing(
        &mut self,
        number: u32,
        kind: RoundKind,
        scenarios: Vec<Rc<ValidScenario>>,
        pending: usize,
        now_ms: f64,
    ) {
        self.screen = Screen::Start;
        let Some(mut record) = self.round_record.take().map(Rc::unwrap_or_clone) else { return };
        if scenarios.is_empty() {
            return;
        }
        if record.ids.is_empty() {
            record.started_ms = now_ms;
        }
        let Some(round) = record.replay(scenarios, pending) else {
            self.storage_notice = Some(StorageNotice::RoundDiscarded);
            return;
        };
        record.ids = ids_of(&round);
        // A round already reported (left when the page closed) sends nothing more.
        #[cfg(feature = "hosted")]
        {
            self.tracker = match record.reported {
                true => ReportTracker::Reported { round: number },
                false => ReportTracker::start(number, record.started_ms),
            };
        }
        let round = Rc::new(round);
        self.follow(number, &round, now_ms);
        self.round_record = Some(Rc::new(record));
        self.screen = Screen::Playing { number, kind, round };
    }

    /// Plays `action` in round `number`. Reaching the summary records the
    /// round in the saved progress, on day `today`: its scores, what it
    /// showed of each technique, and the booster schedule it moves on.
    fn play(&mut self, number: u32, action: &Action, now_ms: f64, today: u32) -> bool {
        let Screen::Playing { number: playing, round, kind } = &mut self.screen else { return false };
        let booster = *kind == RoundKind::Booster;
        let Some(next) = round.apply(action).filter(|_| *playing == number) else { return false };
        let finished = round.phase() != Phase::Summary && next.phase() == Phase::Summary;
        let next = Rc::new(next);
        *round = Rc::clone(&next);
        if let Some(record) = &mut self.round_record {
            Rc::make_mut(record).log.push(action.clone());
        }
        if finished {
            // A finished round is not resumed; a campaign round's record goes to the server.
            #[cfg(feature = "hosted")]
            if let Some(record) = self.round_record.take().filter(|r| matches!(r.kind, RoundKind::Campaign(_))) {
                let body = Rc::new(results_request(&record));
                self.submission = Some(Submission { round: number, body, attempt: 0, delivery: Delivery::Sending });
            }
            #[cfg(not(feature = "hosted"))]
            {
                self.round_record = None;
            }
            // The mistake a booster aimed at, read from the progress it was planned from.
            let aim = match &self.index {
                IndexState::Ready(index) if booster => booster_miss(index, &self.progress).map(|miss| miss.id.clone()),
                _ => None,
            };
            let mut progress = (*self.progress).clone();
            progress.record(next.results(), today);
            if let Some(miss) = &aim {
                progress.retrieved(miss, next.results());
            }
            progress.remember(RoundEntry::of(&next.snapshot(), today));
            progress.record_mastery(&next);
            progress.schedule_boosters(booster, today);
            self.progress = Rc::new(progress);
        }
        self.follow(number, &next, now_ms);
        true
    }

    /// Keeps the host report up to date with round `number`.
    #[cfg(feature = "hosted")]
    fn follow(&mut self, number: u32, round: &Round, now_ms: f64) {
        if let Some((tracker, due)) = self.tracker.update(number, round.snapshot(), now_ms) {
            self.track(tracker, due);
        }
    }

    #[cfg(feature = "hosted")]
    fn leave_round(&mut self, now_ms: f64) {
        let (tracker, due) = self.tracker.leave(now_ms);
        self.track(tracker, due);
    }

    /// Whether the host report changed since `before`: leaving a round
    /// from its summary changes no screen, but its report is due.
    #[cfg(feature = "hosted")]
    fn report_changed(&self, before: &AppState) -> bool {
        self.tracker != before.tracker
    }

    /// The lean build has no host page, so no report to keep up to date:
    /// these three take the hosted build's place and do nothing.
    #[cfg(not(feature = "hosted"))]
    fn follow(&mut self, _number: u32, _round: &Round, _now_ms: f64) {}

    #[cfg(not(feature = "hosted"))]
    fn leave_round(&mut self, _now_ms: f64) {}

    #[cfg(not(feature = "hosted"))]
    fn report_changed(&self, _before: &AppState) -> bool {
        false
    }

    /// A new report replaces the last one, which has been sent by then: a
    /// round reports once, and the next one starts only after its packs load.
    #[cfg(feature = "hosted")]
    fn track(&mut self, tracker: ReportTracker, due: Option<DueReport>) {
        self.tracker = tracker;
        if due.is_some() {
            self.due_report = due;
            // Remembered with the saved round, so resuming it does not report it again.
            if let Some(record) = &mut self.round_record {
                Rc::make_mut(record).reported = true;
            }
        }
    }
}

/// The ids of the scenarios that have arrived, as a round's record keeps them.
fn ids_of(round: &Round) -> Vec<String> {
    round.scenarios().iter().map(|s| s.id.clone()).collect()
}
