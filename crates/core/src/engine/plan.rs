//! Choosing which scenarios a round plays, from the index alone (no pack is
//! downloaded to decide). The randomness comes in as a seed, and the day as
//! a number, so a plan is reproducible in tests.

use super::progress::Progress;
use super::rng::Rng;
use crate::content::{PackSummary, SiteIndex};

/// Scenarios in a quick round by default: four scams and one genuine look-alike
/// (about a quarter of an hour: see `round_seconds`).
pub const QUICK_LENGTH: usize = 5;
/// What a short round (for a lecture) aims at: about five minutes.
pub const SHORT_SECONDS: u32 = 300;
/// A short round adds a scenario only while it stays under this: "about five
/// minutes" may run a little over, never to six.
const SHORT_MAX_SECONDS: u32 = 330;
/// The most scenarios a technique round plays.
pub const FOCUSED_MAX: usize = 5;

/// What the learner asked to play.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoundKind {
    /// Scams from the least-practised types, plus one genuine look-alike.
    Quick,
    /// About five minutes (for a lecture): drawn like a quick round until
    /// the time is used, a genuine look-alike second when it fits.
    Short,
    /// Every scenario of one scam type.
    Type(String),
    /// Scams that use one technique, e.g. "pay-to-withdraw".
    Technique(String),
    /// One scenario by id, e.g. from a lecturer's link.
    Single(String),
    /// A short booster, when the schedule says one is due: an unseen scam
    /// teaching the technique of a past mistake, and a genuine look-alike.
    /// (Code "booster"; "review", the code of the single review round it
    /// replaced, still reads back as a booster.)
    Booster,
    /// The round of a campus campaign's class (its link's token): drawn by
    /// `campaign::plan_campaign_round` from the class's round spec, not here.
    Campaign(String),
}

impl RoundKind {
    /// The choice the static start screen leaves: "quick", "short" or "single:<id>".
    pub fn from_shell(text: &str) -> Option<RoundKind> {
        RoundKind::from_code(text)
            .filter(|kind| matches!(kind, RoundKind::Quick | RoundKind::Short | RoundKind::Single(_)))
    }

    /// The kind as a short text ("quick", "type:<id>", …), for a saved round.
    pub fn code(&self) -> String {
        match self {
            RoundKind::Quick => "quick".into(),
            RoundKind::Short => "short".into(),
            RoundKind::Booster => "booster".into(),
            RoundKind::Type(id) => format!("type:{id}"),
            RoundKind::Technique(id) => format!("technique:{id}"),
            RoundKind::Single(id) => format!("single:{id}"),
            RoundKind::Campaign(token) => format!("campaign:{token}"),
        }
    }

    pub fn from_code(text: &str) -> Option<RoundKind> {
        let kind = match text.split_once(':') {
            None if text == "quick" => RoundKind::Quick,
            None if text == "short" => RoundKind::Short,
            None if text == "booster" || text == "review" => RoundKind::Booster,
            Some((_, "")) | None => return None,
            Some(("type", id)) => RoundKind::Type(id.into()),
            Some(("technique", id)) => RoundKind::Technique(id.into()),
            Some(("single", id)) => RoundKind::Single(id.into()),
            Some(("campaign", token)) => RoundKind::Campaign(token.into()),
            Some(_) => return None,
        };
        Some(kind)
    }
}

/// The compiled pack files to play, in order. A quick round has `quick_length`
/// scenarios: one genuine look-alike and scams from the least-practised types.
///
/// A quick or short round opens with the scam `opening` when it could have
/// drawn it: the start-up script (static/shell.js) picked it at random and
/// downloaded its pack beside the app, so the round starts without waiting
/// for a pack. It is preferred where the plan breaks ties at random — its
/// type among the least-practised types, itself among its type's
/// least-played scams — so the round is one the plan without it draws for
/// some seed, with the same types, genuine look-alike and length. Where it
/// does not fit (another kind of round, a type practised more than those
/// drawn, a scam played more than another of its type, a genuine
/// look-alike, an id the index lacks), the plan is the one without it.
pub fn plan_round(
    index: &SiteIndex,
    kind: &RoundKind,
    progress: &Progress,
    seed: u64,
    today: u32,
    quick_length: usize,
    opening: Option<&str>,
) -> Vec<String> {
    let quick = matches!(kind, RoundKind::Quick | RoundKind::Short);
    let favoured = opening.and_then(|id| index.pack(id)).filter(|p| !p.genuine && quick);
    let mut round = planned(index, kind, progress, Rng(seed), today, quick_length, favoured);
    if let Some(favoured) = favoured {
        let opens = |p: &&PackSummary| p.id == favoured.id;
        if round.iter().any(opens) {
            put_first(&mut round, opens);
        } else {
            round = planned(index, kind, progress, Rng(seed), today, quick_length, None);
        }
    }
    round.into_iter().map(|p| p.file.clone()).collect()
}

/// The packs of a round, in order; `favoured` wins the quick and short
/// rounds' random ties (see `plan_round`).
fn planned<'a>(
    index: &'a SiteIndex,
    kind: &'a RoundKind,
    progress: &Progress,
    mut rng: Rng,
    today: u32,
    quick_length: usize,
    favoured: Option<&PackSummary>,
) -> Vec<&'a PackSummary> {
    let mut picked: Vec<&PackSummary> = match kind {
        RoundKind::Type(id) => index.packs_of_type(id).collect(),
        RoundKind::Single(id) => index.pack(id).into_iter().collect(),
        RoundKind::Technique(id) => least_played(technique_scams(index, id).collect(), progress, &mut rng, None)
            .into_iter()
            .take(FOCUSED_MAX)
            .collect(),
        RoundKind::Campaign(_) => Vec::new(),
        RoundKind::Booster => {
            let mut booster = booster_round(index, progress, today);
            rng.shuffle(&mut booster);
            return booster;
        }
        RoundKind::Quick => {
            let (scams, genuine) = quick_candidates(index, progress, &mut rng, favoured);
            let mut round: Vec<&PackSummary> = scams.into_iter().take(quick_length.saturating_sub(1).max(1)).collect();
            if quick_length > 1 {
                round.extend(genuine);
            }
            round
        }
        RoundKind::Short => {
            let (mut order, genuine) = quick_candidates(index, progress, &mut rng, favoured);
            if let Some(genuine) = genuine {
                order.insert(order.len().min(1), genuine);
            }
            let mut total = 0;
            let mut round = Vec::new();
            for pack in order {
                if round.is_empty() || total + pack.seconds <= SHORT_MAX_SECONDS {
                    total += pack.seconds;
                    round.push(pack);
                }
            }
            round
        }
    };
    rng.shuffle(&mut picked);
    picked
}

/// The least-played scam of each type, least-practised types first, and the
/// least-played genuine look-alike; `favoured` and its type first among equals.
fn quick_candidates<'a>(
    index: &'a SiteIndex,
    progress: &Progress,
    rng: &mut Rng,
    favoured: Option<&PackSummary>,
) -> (Vec<&'a PackSummary>, Option<&'a PackSummary>) {
    // By type id, in order: a list rather than a map (less code in the wasm).
    let mut by_type: Vec<(&str, Vec<&PackSummary>)> = Vec::new();
    for p in index.packs.iter().filter(|p| !p.genuine) {
        match by_type.binary_search_by(|(id, _)| (*id).cmp(&p.scam_type)) {
            Ok(at) => by_type[at].1.push(p),
            Err(at) => by_type.insert(at, (&p.scam_type, vec![p])),
        }
    }
    let mut firsts: Vec<(u32, &PackSummary)> = by_type
        .into_iter()
        .filter_map(|(_, packs)| {
            let type_plays = packs.iter().map(|p| progress.plays(&p.id)).sum::<u32>();
            least_played(packs, progress, rng, favoured).first().map(|p| (type_plays, *p))
        })
        .collect();
    rng.shuffle(&mut firsts);
    put_first(&mut firsts, |(_, p)| favoured.is_some_and(|f| f.scam_type == p.scam_type));
    let firsts = by_plays(&firsts, |(plays, _)| *plays);
    let genuine =
        least_played(index.packs.iter().filter(|p| p.genuine).collect(), progress, rng, None).first().copied();
    (firsts.into_iter().map(|(_, p)| p).collect(), genuine)
}

/// Expected seconds of a round of `kind`, before it is drawn: a
/// quick round counts the average scam and genuine look-alike, a type round
/// its scenarios, a short round its target.
pub fn round_seconds(index: &SiteIndex, kind: &RoundKind, quick_length: usize) -> u32 {
    let mean = |genuine: bool| {
        let times: Vec<u32> = index.packs.iter().filter(|p| p.genuine == genuine).map(|p| p.seconds).collect();
        times.iter().sum::<u32>().checked_div(times.len() as u32).unwrap_or(0)
    };
    match kind {
        RoundKind::Quick => {
            let scams = quick_length.saturating_sub(1).max(1) as u32;
            scams * mean(false) + if quick_length > 1 { mean(true) } else { 0 }
        }
        RoundKind::Short => SHORT_SECONDS,
        RoundKind::Type(id) => index.packs_of_type(id).map(|p| p.seconds).sum(),
        RoundKind::Single(id) => index.pack(id).map_or(0, |p| p.seconds),
        RoundKind::Technique(id) => technique_scams(index, id).take(FOCUSED_MAX).map(|p| p.seconds).sum(),
        RoundKind::Booster | RoundKind::Campaign(_) => 0,
    }
}

/// Whole minutes for a number of seconds, at least one: what the screen says.
pub fn minutes(seconds: u32) -> u32 {
    ((seconds + 30) / 60).max(1)
}

/// The scams that use technique `id`: a technique round draws from them.
fn technique_scams<'a>(index: &'a SiteIndex, id: &'a str) -> impl Iterator<Item = &'a PackSummary> {
    index.packs.iter().filter(move |p| !p.genuine && p.techniques.iter().any(|t| t == id))
}

/// How many scenarios a round of technique `id` plays (0: none to offer).
pub fn technique_round_length(index: &SiteIndex, id: &str) -> usize {
    technique_scams(index, id).count().min(FOCUSED_MAX)
}

/// A booster's scenarios, as the start screen offers them (empty when none
/// is due on day `today`): see `booster_packs`.
pub fn booster_round<'a>(index: &'a SiteIndex, progress: &Progress, today: u32) -> Vec<&'a PackSummary> {
    if progress.booster_due(today) {
        booster_packs(index, progress)
    } else {
        Vec::new()
    }
}

/// The mistake a booster retrieves: the oldest one the index still has.
pub fn booster_miss<'a>(index: &'a SiteIndex, progress: &Progress) -> Option<&'a PackSummary> {
    let missed = progress.missed.iter().filter_map(|(id, &day)| index.pack(id).map(|pack| (day, pack)));
    missed.min_by_key(|&(day, pack)| (day, &pack.id)).map(|(_, pack)| pack)
}

/// A booster, two short scenarios: an unseen scam that teaches a technique
/// of the mistake (`booster_miss`) — retrieval with a parallel item, not a
/// replay of the path the learner already knows — else of the learner's
/// least-recognised technique; and a genuine look-alike, of the mistake's
/// type where there is one, so the booster trains telling them apart, not
/// refusing. Among equals, the shortest, so a booster stays near three
/// minutes. Deterministic, so the start screen offers exactly what the round plays.
fn booster_packs<'a>(index: &'a SiteIndex, progress: &Progress) -> Vec<&'a PackSummary> {
    let miss = booster_miss(index, progress);
    let miss_techniques = miss.map_or(&[][..], |m| &m.techniques[..]);
    let fresh = |p: &PackSummary| (progress.plays(&p.id), p.seconds, p.id.clone());
    // Unseen before seen; then teaching the mistake's techniques (the first
    // listed first); then the learner's least-recognised technique.
    let parallel = index.packs.iter().filter(|p| !p.genuine && Some(*p) != miss).min_by_key(|p| {
        let rank = miss_techniques.iter().position(|t| p.techniques.contains(t));
        let weakest = p.techniques.iter().map(|t| progress.mastery_of(t).percent().unwrap_or(u32::MAX)).min();
        (progress.plays(&p.id) > 0, rank.unwrap_or(usize::MAX), weakest.unwrap_or(u32::MAX), fresh(p))
    });
    let mut round: Vec<&PackSummary> = parallel.into_iter().collect();
    let miss_type = miss.map(|m| m.scam_type.as_str());
    let genuine = index.packs.iter().filter(|p| p.genuine && Some(*p) != miss);
    round.extend(genuine.min_by_key(|p| (Some(p.scam_type.as_str()) != miss_type, fresh(p))));
    round
}

/// Scenarios of scam type `id` played at least once, and how many it has.
pub fn type_progress(index: &SiteIndex, progress: &Progress, id: &str) -> (usize, usize) {
    let packs: Vec<&PackSummary> = index.packs_of_type(id).collect();
    (packs.iter().filter(|p| progress.plays(&p.id) > 0).count(), packs.len())
}

/// What the start button plays: `first`, unless it names a scenario the
/// index does not have (a stale link), then a quick round.
pub fn playable_start(index: &SiteIndex, first: &RoundKind) -> RoundKind {
    match first {
        RoundKind::Single(id) if index.pack(id).is_none() => RoundKind::Quick,
        kind => kind.clone(),
    }
}

/// What a link to one scenario (`?scenario=`, `scenario="…"`) asks for, as
/// the start screen says it: the scenario by its title, or plainly that the
/// link names none (a mistyped or stale id) before a quick round is offered.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Link<'a> {
    /// The page was not linked to one scenario.
    None,
    Found(&'a PackSummary),
    Unknown(&'a str),
}

pub fn link<'a>(index: &'a SiteIndex, first: &'a RoundKind) -> Link<'a> {
    match first {
        RoundKind::Single(id) => index.pack(id).map_or(Link::Unknown(id), Link::Found),
        _ => Link::None,
    }
}

/// Packs ordered least-played first, ties broken at random, except that
/// `favoured` comes first among its equals.
fn least_played<'a>(
    mut packs: Vec<&'a PackSummary>,
    progress: &Progress,
    rng: &mut Rng,
    favoured: Option<&PackSummary>,
) -> Vec<&'a PackSummary> {
    rng.shuffle(&mut packs);
    put_first(&mut packs, |p| favoured.is_some_and(|f| f.id == p.id));
    by_plays(&packs, |p| progress.plays(&p.id))
}

/// Moves the first item that `is` picks to the front, the others keeping their order.
fn put_first<T>(items: &mut [T], is: impl Fn(&T) -> bool) {
    if let Some(at) = items.iter().position(is) {
        items[..=at].rotate_right(1);
    }
}

/// `items` ordered by `plays`, ties in the order they come (as a stable
/// sort leaves them). Each goes in after those played as often or less: a
/// few dozen packs at most, and no sort routine in the wasm.
fn by_plays<T: Copy>(items: &[T], plays: impl Fn(&T) -> u32) -> Vec<T> {
    let mut ordered: Vec<(u32, T)> = Vec::with_capacity(items.len());
    for item in items {
        let count = plays(item);
        let at = ordered.partition_point(|(earlier, _)| *earlier <= count);
        ordered.insert(at, (count, *item));
    }
    ordered.into_iter().map(|(_, item)| item).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::fixture::index;
    use crate::engine::progress::ScenarioRecord;

    fn files(mut plan: Vec<String>) -> Vec<String> {
        plan.sort();
        plan
    }

    #[test]
    fn a_quick_round_draws_scams_across_types_and_one_genuine() {
        let plan = plan_round(&index(), &RoundKind::Quick, &Progress::default(), 7, 0, QUICK_LENGTH, None);
        assert_eq!(plan.len(), 3, "{plan:?}");
        assert!(plan.contains(&"demo/scam.json".to_string()));
        assert!(plan.contains(&"demo/real.json".to_string()));
        assert_eq!(plan.iter().filter(|f| f.starts_with("other/")).count(), 1);
    }

    #[test]
    fn the_least_played_scenario_comes_first_and_seeds_reproduce() {
        let mut progress = Progress::default();
        progress
            .scenarios
            .insert("other-a".into(), ScenarioRecord { plays: 3, best_points: 0, max_points: 100, last_right: false });
        for seed in 0..20 {
            let plan = plan_round(&index(), &RoundKind::Quick, &progress, seed, 0, QUICK_LENGTH, None);
            assert!(plan.contains(&"other/b.json".to_string()), "seed {seed}: {plan:?}");
            assert_eq!(plan, plan_round(&index(), &RoundKind::Quick, &progress, seed, 0, QUICK_LENGTH, None));
        }
    }

    #[test]
    fn type_technique_and_single_rounds_pick_what_was_asked() {
        let p = Progress::default();
        assert_eq!(
            files(plan_round(&index(), &RoundKind::Type("demo".into()), &p, 1, 0, QUICK_LENGTH, None)),
            ["demo/real.json", "demo/scam.json"]
        );
        assert_eq!(
            files(plan_round(&index(), &RoundKind::Technique("advance-fee".into()), &p, 1, 0, QUICK_LENGTH, None)),
            ["demo/scam.json", "other/a.json"]
        );
        assert_eq!(
            plan_round(&index(), &RoundKind::Single("demo-real".into()), &p, 1, 0, QUICK_LENGTH, None),
            ["demo/real.json"]
        );
        assert!(plan_round(
            &index(),
            &RoundKind::Single("https://evil.example/x".into()),
            &p,
            1,
            0,
            QUICK_LENGTH,
            None
        )
        .is_empty());
        assert!(plan_round(&index(), &RoundKind::Type("nope".into()), &p, 1, 0, QUICK_LENGTH, None).is_empty());
    }

    #[test]
    fn a_host_can_shorten_the_quick_round_and_limit_the_types() {
        let p = Progress::default();
        let two = plan_round(&index(), &RoundKind::Quick, &p, 3, 0, 2, None);
        assert_eq!(two.len(), 2);
        assert!(two.contains(&"demo/real.json".to_string()));
        assert_eq!(plan_round(&index(), &RoundKind::Quick, &p, 3, 0, 1, None).len(), 1);
        let only_other = index().restricted_to(&["other".to_string()]);
        assert_eq!(only_other.catalog.types.len(), 1);
        assert!(plan_round(&only_other, &RoundKind::Quick, &p, 3, 0, QUICK_LENGTH, None)
            .iter()
            .all(|f| f.starts_with("other/")));
    }

    fn played(plays: &[(&str, u32)]) -> Progress {
        let mut progress = Progress::default();
        for (id, plays) in plays {
            let record = ScenarioRecord { plays: *plays, best_points: 0, max_points: 100, last_right: false };
            progress.scenarios.insert(id.to_string(), record);
        }
        progress
    }

    #[test]
    fn a_new_learner_s_round_opens_with_the_scam_the_start_up_script_downloaded() {
        let p = Progress::default();
        for seed in 0..20 {
            for (length, opening, file) in [(QUICK_LENGTH, "other-a", "other/a.json"), (2, "other-b", "other/b.json")] {
                let plan = plan_round(&index(), &RoundKind::Quick, &p, seed, 0, length, Some(opening));
                assert_eq!(plan[0], file, "every type and scam ties for a new learner: seed {seed}");
                // The same round as some seed draws without an opening: its types, its genuine look-alike, its length.
                let drawn = (0..200).map(|s| files(plan_round(&index(), &RoundKind::Quick, &p, s, 0, length, None)));
                assert!(drawn.into_iter().any(|round| round == files(plan.clone())), "seed {seed}: {plan:?}");
                assert!(plan.contains(&"demo/real.json".to_string()));
            }
        }
    }

    #[test]
    fn a_short_round_opens_with_the_downloaded_scam_and_stays_about_five_minutes() {
        let index =
            timed(&[("demo/scam.json", 150), ("demo/real.json", 120), ("other/a.json", 150), ("other/b.json", 150)]);
        for seed in 0..20 {
            let plan = plan_round(&index, &RoundKind::Short, &Progress::default(), seed, 0, 5, Some("other-b"));
            assert_eq!(plan, ["other/b.json", "demo/real.json"], "seed {seed}");
        }
    }

    #[test]
    fn an_opening_the_round_would_not_draw_leaves_the_plan_as_it_was() {
        let p = Progress::default();
        let more_played_than_its_sibling = played(&[("other-a", 1)]);
        let type_more_practised = played(&[("other-a", 1), ("other-b", 1)]);
        let cases = [
            (RoundKind::Quick, &more_played_than_its_sibling, QUICK_LENGTH, "other-a"),
            (RoundKind::Quick, &type_more_practised, 2, "other-a"),
            (RoundKind::Quick, &p, QUICK_LENGTH, "demo-real"),
            (RoundKind::Quick, &p, QUICK_LENGTH, "gone"),
            (RoundKind::Short, &more_played_than_its_sibling, QUICK_LENGTH, "other-a"),
            (RoundKind::Type("demo".into()), &p, QUICK_LENGTH, "other-a"),
            (RoundKind::Technique("advance-fee".into()), &p, QUICK_LENGTH, "other-a"),
            (RoundKind::Single("demo-scam".into()), &p, QUICK_LENGTH, "other-a"),
        ];
        for (kind, progress, length, opening) in cases {
            for seed in 0..20 {
                assert_eq!(
                    plan_round(&index(), &kind, progress, seed, 0, length, Some(opening)),
                    plan_round(&index(), &kind, progress, seed, 0, length, None),
                    "{kind:?} opening with {opening}, seed {seed}"
                );
            }
        }
    }

    #[test]
    fn a_returning_learner_s_round_opens_with_the_scam_when_its_type_and_it_are_among_the_least_played() {
        let progress = played(&[("demo-scam", 2), ("other-b", 1)]);
        for seed in 0..20 {
            let plan = plan_round(&index(), &RoundKind::Quick, &progress, seed, 0, 2, Some("other-a"));
            assert_eq!(plan, ["other/a.json", "demo/real.json"], "seed {seed}");
        }
    }

    /// The fixture index with each pack taking `seconds` (by file).
    fn timed(seconds: &[(&str, u32)]) -> SiteIndex {
        let mut index = index();
        for pack in &mut index.packs {
            let s = seconds.iter().find(|(f, _)| *f == pack.file).map_or(0, |(_, s)| *s);
            pack.seconds = s;
        }
        index
    }

    #[test]
    fn a_short_round_fills_about_five_minutes_with_a_genuine_one_second() {
        let index =
            timed(&[("demo/scam.json", 150), ("demo/real.json", 120), ("other/a.json", 150), ("other/b.json", 150)]);
        for seed in 0..20 {
            let plan = plan_round(&index, &RoundKind::Short, &Progress::default(), seed, 0, QUICK_LENGTH, None);
            let total: u32 = plan.iter().map(|f| index.packs.iter().find(|p| &p.file == f).unwrap().seconds).sum();
            assert_eq!(plan.len(), 2, "a scam and the genuine one: 270 s; a third would pass 330 s");
            assert!(total <= SHORT_MAX_SECONDS && plan.contains(&"demo/real.json".to_string()), "{plan:?}");
        }
        let long =
            timed(&[("demo/scam.json", 400), ("demo/real.json", 400), ("other/a.json", 400), ("other/b.json", 400)]);
        assert_eq!(
            plan_round(&long, &RoundKind::Short, &Progress::default(), 1, 0, QUICK_LENGTH, None).len(),
            1,
            "never empty"
        );
    }

    #[test]
    fn a_round_is_estimated_from_the_index_before_it_is_drawn() {
        let index =
            timed(&[("demo/scam.json", 100), ("demo/real.json", 60), ("other/a.json", 200), ("other/b.json", 300)]);
        assert_eq!(round_seconds(&index, &RoundKind::Quick, QUICK_LENGTH), 4 * 200 + 60);
        assert_eq!(round_seconds(&index, &RoundKind::Type("other".into()), QUICK_LENGTH), 500);
        assert_eq!(round_seconds(&index, &RoundKind::Short, QUICK_LENGTH), SHORT_SECONDS);
        assert_eq!((minutes(0), minutes(89), minutes(90), minutes(860)), (1, 1, 2, 14));
    }

    #[test]
    fn the_static_start_screen_choice_reads_back() {
        assert_eq!(RoundKind::from_shell("quick"), Some(RoundKind::Quick));
        assert_eq!(RoundKind::from_shell("short"), Some(RoundKind::Short));
        assert_eq!(
            RoundKind::from_shell("single:ob-like-for-cash"),
            Some(RoundKind::Single("ob-like-for-cash".into()))
        );
        for bad in ["", "single:", "type:x", "Quick", "quick:1"] {
            assert_eq!(RoundKind::from_shell(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn every_kind_reads_back_from_its_code() {
        for kind in [
            RoundKind::Quick,
            RoundKind::Booster,
            RoundKind::Type("fake-loan".into()),
            RoundKind::Technique("pay-to-withdraw".into()),
            RoundKind::Single("ob-like-for-cash".into()),
            RoundKind::Campaign("k2m9q4x1b7c3".into()),
        ] {
            assert_eq!(RoundKind::from_code(&kind.code()), Some(kind));
        }
        assert_eq!(RoundKind::from_code("review"), Some(RoundKind::Booster), "a saved review round still resumes");
        for bad in ["", "type:", "colour:red", "review:1"] {
            assert_eq!(RoundKind::from_code(bad), None, "{bad:?}");
        }
    }

    /// Progress after `demo-scam` (advance-fee) went wrong on day 10.
    fn missed_demo_scam() -> Progress {
        let mut p = Progress::default();
        p.scenarios.insert(
            "demo-scam".into(),
            ScenarioRecord { plays: 1, best_points: 0, max_points: 100, last_right: false },
        );
        p.missed.insert("demo-scam".into(), 10);
        p.schedule_boosters(false, 10);
        p
    }

    #[test]
    fn a_booster_retrieves_the_mistake_with_an_unseen_scam_of_its_technique_and_a_genuine_look_alike() {
        let p = missed_demo_scam();
        for seed in 0..10 {
            let plan = plan_round(&index(), &RoundKind::Booster, &p, seed, 12, QUICK_LENGTH, None);
            assert_eq!(files(plan), ["demo/real.json", "other/a.json"], "other-a also teaches advance-fee");
        }
    }

    #[test]
    fn a_booster_aims_at_the_oldest_mistake_the_index_still_has() {
        let mut p = missed_demo_scam();
        p.missed.insert("gone".into(), 1);
        assert_eq!(booster_miss(&index(), &p).map(|m| m.id.as_str()), Some("demo-scam"));
        p.missed.insert("other-b".into(), 5);
        assert_eq!(booster_miss(&index(), &p).map(|m| m.id.as_str()), Some("other-b"));
        let plan = files(plan_round(&index(), &RoundKind::Booster, &p, 1, 12, QUICK_LENGTH, None));
        assert!(!plan.contains(&"other/b.json".to_string()), "the mistake itself is not replayed: {plan:?}");
    }

    #[test]
    fn a_booster_is_planned_only_when_due_and_the_offer_matches_the_round() {
        let p = missed_demo_scam();
        assert!(booster_round(&index(), &p, 11).is_empty());
        assert!(plan_round(&index(), &RoundKind::Booster, &p, 1, 11, QUICK_LENGTH, None).is_empty());
        let offered: Vec<String> = booster_round(&index(), &p, 12).iter().map(|p| p.file.clone()).collect();
        assert_eq!(files(offered), files(plan_round(&index(), &RoundKind::Booster, &p, 1, 12, QUICK_LENGTH, None)));
    }

    #[test]
    fn without_unseen_scams_of_the_technique_a_booster_takes_an_unseen_one_before_a_seen_one() {
        let mut p = missed_demo_scam();
        p.scenarios
            .insert("other-a".into(), ScenarioRecord { plays: 1, best_points: 100, max_points: 100, last_right: true });
        assert_eq!(
            files(plan_round(&index(), &RoundKind::Booster, &p, 1, 12, QUICK_LENGTH, None)),
            ["demo/real.json", "other/b.json"]
        );
    }

    #[test]
    fn with_no_mistake_a_booster_practises_the_weakest_technique_beside_a_genuine_one() {
        let mut p = Progress::default();
        p.schedule_boosters(false, 0);
        let plan = files(plan_round(&index(), &RoundKind::Booster, &p, 1, 2, QUICK_LENGTH, None));
        assert_eq!(plan.len(), 2);
        assert!(plan.contains(&"demo/real.json".to_string()));
        assert!(plan.iter().any(|f| f == "demo/scam.json" || f == "other/a.json"), "an advance-fee scam: {plan:?}");
    }

    #[test]
    fn a_technique_is_offered_with_the_number_of_scams_its_round_plays() {
        assert_eq!(technique_round_length(&index(), "advance-fee"), 2);
        assert_eq!(technique_round_length(&index(), "nope"), 0);
        let mut big = index();
        for n in 0..6 {
            big.packs.push(PackSummary { id: format!("extra-{n}"), ..big.packs[0].clone() });
        }
        assert_eq!(technique_round_length(&big, "advance-fee"), FOCUSED_MAX);
        let plan = plan_round(&big, &RoundKind::Technique("advance-fee".into()), &Progress::default(), 1, 0, 5, None);
        assert_eq!(plan.len(), technique_round_length(&big, "advance-fee"));
    }

    #[test]
    fn type_progress_counts_scenarios_played_at_least_once() {
        let mut p = Progress::default();
        assert_eq!(type_progress(&index(), &p, "demo"), (0, 2));
        p.scenarios
            .insert("demo-real".into(), ScenarioRecord { plays: 2, best_points: 0, max_points: 100, last_right: true });
        assert_eq!(type_progress(&index(), &p, "demo"), (1, 2));
        assert_eq!(type_progress(&index(), &p, "nope"), (0, 0));
    }

    #[test]
    fn a_stale_single_scenario_link_starts_a_quick_round() {
        assert_eq!(playable_start(&index(), &RoundKind::Single("gone".into())), RoundKind::Quick);
        let gone = RoundKind::Single("gone".into());
        assert_eq!(link(&index(), &gone), Link::Unknown("gone"));
        let shared = RoundKind::Single("demo-real".into());
        assert!(matches!(link(&index(), &shared), Link::Found(p) if p.id == "demo-real"));
        assert_eq!(link(&index(), &RoundKind::Quick), Link::None);
        let linked = RoundKind::Single("demo-real".into());
        assert_eq!(playable_start(&index(), &linked), linked);
        assert_eq!(playable_start(&index(), &RoundKind::Type("x".into())), RoundKind::Type("x".into()));
    }
}
