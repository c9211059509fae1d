//! Choosing which scenarios a round plays. The randomness comes in as a seed,
//! so a plan is reproducible in tests.

use super::progress::Progress;
use crate::content::{Catalog, PackEntry};

/// What the learner asked to play.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoundKind {
    /// One scam per type plus one genuine look-alike, least-played first.
    Mixed,
    /// Every scenario of one scam type.
    Type(String),
    /// One scenario by pack file, e.g. from a lecturer's link.
    Single(String),
}

/// A small deterministic generator (SplitMix64): enough for shuffling a handful of packs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// The pack files to play, in order.
pub fn plan_round(catalog: &Catalog, kind: &RoundKind, progress: &Progress, seed: u64) -> Vec<String> {
    let mut rng = Rng(seed);
    let mut files: Vec<String> = match kind {
        RoundKind::Type(id) => catalog.scam_type(id).map(|t| t.packs.iter().map(|p| p.file.clone()).collect()).unwrap_or_default(),
        // Only packs the catalog lists: a link cannot make the app fetch anything else.
        RoundKind::Single(file) => catalog.types.iter().flat_map(|t| &t.packs).filter(|p| &p.file == file).map(|p| p.file.clone()).take(1).collect(),
        RoundKind::Mixed => {
            let mut picked: Vec<String> = catalog
                .types
                .iter()
                .filter_map(|t| least_played(t.packs.iter().filter(|p| !p.genuine), progress, &mut rng))
                .collect();
            let genuine = catalog.types.iter().flat_map(|t| t.packs.iter().filter(|p| p.genuine));
            picked.extend(least_played(genuine, progress, &mut rng));
            picked
        }
    };
    rng.shuffle(&mut files);
    files
}

/// The least-played pack, ties broken at random.
fn least_played<'a>(packs: impl Iterator<Item = &'a PackEntry>, progress: &Progress, rng: &mut Rng) -> Option<String> {
    let mut packs: Vec<&PackEntry> = packs.collect();
    rng.shuffle(&mut packs);
    packs.into_iter().min_by_key(|p| progress.plays(&p.file)).map(|p| p.file.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::fixture::catalog;

    #[test]
    fn a_mixed_round_has_one_scam_per_type_and_a_genuine_one() {
        let plan = plan_round(&catalog(), &RoundKind::Mixed, &Progress::default(), 7);
        assert_eq!(plan.len(), 3);
        assert!(plan.contains(&"demo/scam.toml".to_string()));
        assert!(plan.contains(&"demo/real.toml".to_string()));
        assert!(plan.iter().filter(|f| f.starts_with("other/")).count() == 1);
    }

    #[test]
    fn the_least_played_scenario_comes_first_and_seeds_reproduce() {
        let mut progress = Progress::default();
        progress.scenarios.insert("other/a.toml".into(), super::super::progress::ScenarioRecord { plays: 3, best_points: 0, max_points: 100, last_right: false });
        for seed in 0..20 {
            let plan = plan_round(&catalog(), &RoundKind::Mixed, &progress, seed);
            assert!(plan.contains(&"other/b.toml".to_string()), "seed {seed}: {plan:?}");
            assert_eq!(plan, plan_round(&catalog(), &RoundKind::Mixed, &progress, seed));
        }
    }

    #[test]
    fn a_type_round_plays_every_scenario_of_that_type() {
        let mut plan = plan_round(&catalog(), &RoundKind::Type("demo".into()), &Progress::default(), 1);
        plan.sort();
        assert_eq!(plan, ["demo/real.toml", "demo/scam.toml"]);
        assert!(plan_round(&catalog(), &RoundKind::Type("nope".into()), &Progress::default(), 1).is_empty());
    }

    #[test]
    fn a_single_scenario_must_be_listed_in_the_catalog() {
        let plan = |file: &str| plan_round(&catalog(), &RoundKind::Single(file.into()), &Progress::default(), 1);
        assert_eq!(plan("demo/real.toml"), ["demo/real.toml"]);
        assert!(plan("https://evil.example/pack.toml").is_empty());
        assert!(plan("../secret.toml").is_empty());
    }
}
