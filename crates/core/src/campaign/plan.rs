//! A campaign round, drawn from the index alone and fixed by its seed: the
//! learner's app draws it, and the server draws it again from the seed the
//! result carries to check that the round played is the campaign's.

use super::spec::RoundSpec;
use crate::content::{PackSummary, SiteIndex};
use crate::engine::rng::Rng;

/// The compiled pack files of the round for `seed`: `min_genuine` genuine
/// look-alikes, then scams spread over as many types as possible (then more
/// genuine ones if the scams run out), in a shuffled order, no repeats.
/// Shorter than `round.length` only when the index has too few packs
/// (`RoundSpec::check_against` refuses such a campaign).
pub fn plan_campaign_round(index: &SiteIndex, round: &RoundSpec, seed: u64) -> Vec<String> {
    let mut rng = Rng(seed);
    let allowed = |p: &&PackSummary| round.types.is_empty() || round.types.contains(&p.scam_type);
    let mut genuine: Vec<&PackSummary> = index.packs.iter().filter(allowed).filter(|p| p.genuine).collect();
    let mut scams: Vec<&PackSummary> = index.packs.iter().filter(allowed).filter(|p| !p.genuine).collect();
    rng.shuffle(&mut genuine);
    rng.shuffle(&mut scams);
    let scams = spread_over_types(scams);
    let wanted_genuine = round.min_genuine.min(genuine.len());
    let mut picked: Vec<&PackSummary> = genuine[..wanted_genuine].to_vec();
    let rest = scams.into_iter().chain(genuine[wanted_genuine..].iter().copied());
    picked.extend(rest.take(round.length.saturating_sub(wanted_genuine)));
    rng.shuffle(&mut picked);
    picked.into_iter().map(|p| p.file.clone()).collect()
}

/// `packs` reordered so each type's first pack comes before any type's
/// second, keeping their order otherwise.
fn spread_over_types(packs: Vec<&PackSummary>) -> Vec<&PackSummary> {
    let mut ranked: Vec<(usize, &PackSummary)> = Vec::with_capacity(packs.len());
    for (at, pack) in packs.iter().enumerate() {
        let rank = packs[..at].iter().filter(|earlier| earlier.scam_type == pack.scam_type).count();
        ranked.push((rank, pack));
    }
    // Rank by rank rather than a sort: a dozen packs, and no sort routine in the wasm.
    let mut spread = Vec::with_capacity(packs.len());
    for rank in 0..packs.len() {
        spread.extend(ranked.iter().filter(|(r, _)| *r == rank).map(|(_, pack)| *pack));
    }
    spread
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::fixture::index;

    fn round(length: usize, min_genuine: usize, types: &[&str]) -> RoundSpec {
        RoundSpec { length, min_genuine, types: types.iter().map(|t| t.to_string()).collect() }
    }

    #[test]
    fn a_seed_fixes_the_round_which_honours_its_spec() {
        let index = index();
        let mut orders = Vec::new();
        for seed in 0..30 {
            let plan = plan_campaign_round(&index, &round(3, 1, &[]), seed);
            assert_eq!(plan, plan_campaign_round(&index, &round(3, 1, &[]), seed), "deterministic");
            assert_eq!(plan.len(), 3);
            assert!(plan.contains(&"demo/real.json".to_string()), "the genuine one: {plan:?}");
            let mut unique = plan.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), 3, "no repeats");
            let types: Vec<&str> = plan.iter().map(|f| f.split('/').next().unwrap()).collect();
            assert!(types.contains(&"other") && types.iter().filter(|t| **t == "demo").count() >= 1, "{plan:?}");
            orders.push(plan);
        }
        assert!(orders.iter().any(|o| *o != orders[0]), "seeds vary the round");
    }

    #[test]
    fn types_limit_the_round_and_a_small_index_gives_what_it_has() {
        for seed in 0..10 {
            let plan = plan_campaign_round(&index(), &round(3, 0, &["other"]), seed);
            assert_eq!(plan.len(), 2);
            assert!(plan.iter().all(|f| f.starts_with("other/")));
            let all = plan_campaign_round(&index(), &round(4, 0, &[]), seed);
            assert_eq!(all.len(), 4, "scams first, then the genuine one fills up");
        }
    }
}
