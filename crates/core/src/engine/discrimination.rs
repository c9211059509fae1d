//! Can the learner tell a scam from the real thing? Signal detection theory
//! separates that ability from a mere leaning: a learner who refuses
//! everything stops every scam but also refuses every genuine service.
//!
//! A "hit" is a scam stopped; a "false alarm" is a genuine service refused.
//! Sensitivity d′ = z(H) − z(F) says how well the two are told apart (0:
//! guessing); the criterion c = −(z(H) + z(F)) / 2 says which way the
//! learner leans (below 0: calls things scams readily; above 0: trusts
//! readily). z is the inverse of the standard normal distribution function.
//!
//! Rates of 0 or 1 would make z infinite, and a round has only a handful of
//! scenarios, so d′ and c use the log-linear correction (Hautus 1995): every
//! rate is computed as (k + 0.5) / (n + 1), whatever its value. It biases
//! d′ slightly towards 0, the same way for every learner. The rates reported
//! as such (`hit_rate`, `false_alarm_rate`) are the plain k / n.

use super::score::RoundSummary;
use std::ops::AddAssign;

/// At or above this d′ a learner tells scams from genuine services apart
/// (with 4 scams and 1 genuine service, all handled right gives d′ ≈ 1.96;
/// one scam missed, 1.20; guessing, 0).
pub const DISCERNING_D_PRIME: f64 = 1.0;
/// At or beyond this criterion the leaning outweighs any discernment: c ≈ ±0.98
/// for refusing, or trusting, all of 4 scams and 1 genuine service.
pub const STRONG_LEANING: f64 = 0.8;
/// At or beyond this criterion a learner who does not discern leans a little
/// one way (stopping 4 of 5 scams and refusing 1 of 2 genuine: c ≈ −0.34).
pub const SLIGHT_LEANING: f64 = 0.25;

/// What a learner did with scams and genuine services, and with phrases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub scams: u32,
    /// Scams stopped.
    pub hits: u32,
    pub genuine: u32,
    /// Genuine services refused as scams.
    pub false_alarms: u32,
    pub flags_found: u32,
    pub flags_total: u32,
    /// Innocent phrases tapped as red flags.
    pub wrong_taps: u32,
}

impl Tally {
    pub fn of(summary: &RoundSummary) -> Tally {
        Tally {
            scams: summary.scams,
            hits: summary.scams_caught,
            genuine: summary.genuine,
            false_alarms: summary.false_alarms,
            flags_found: summary.flags_found,
            flags_total: summary.flags_total,
            wrong_taps: summary.wrong_taps,
        }
    }

    /// Scams stopped out of scams met; `None` without a scam.
    pub fn hit_rate(&self) -> Option<f64> {
        rate(self.hits, self.scams)
    }

    /// Genuine services refused out of those met; `None` without one.
    pub fn false_alarm_rate(&self) -> Option<f64> {
        rate(self.false_alarms, self.genuine)
    }

    /// d′ and c, when the learner met both a scam and a genuine service:
    /// telling them apart means nothing with only one kind.
    pub fn measures(&self) -> Option<Measures> {
        (self.scams > 0 && self.genuine > 0).then(|| {
            let z_hit = inverse_normal_cdf(log_linear(self.hits, self.scams));
            let z_false_alarm = inverse_normal_cdf(log_linear(self.false_alarms, self.genuine));
            Measures { d_prime: z_hit - z_false_alarm, criterion: -(z_hit + z_false_alarm) / 2.0 }
        })
    }

    /// At phrase level, the share of tapped phrases that were red flags;
    /// `None` when nothing was tapped.
    pub fn tap_precision(&self) -> Option<f64> {
        rate(self.flags_found, self.flags_found + self.wrong_taps)
    }
}

impl AddAssign for Tally {
    fn add_assign(&mut self, other: Tally) {
        self.scams += other.scams;
        self.hits += other.hits;
        self.genuine += other.genuine;
        self.false_alarms += other.false_alarms;
        self.flags_found += other.flags_found;
        self.flags_total += other.flags_total;
        self.wrong_taps += other.wrong_taps;
    }
}

impl std::iter::Sum for Tally {
    fn sum<I: Iterator<Item = Tally>>(iter: I) -> Tally {
        iter.fold(Tally::default(), |mut total, t| {
            total += t;
            total
        })
    }
}

fn rate(k: u32, n: u32) -> Option<f64> {
    (n > 0).then(|| f64::from(k) / f64::from(n))
}

/// The log-linear correction (Hautus 1995), applied to every count.
fn log_linear(k: u32, n: u32) -> f64 {
    (f64::from(k) + 0.5) / (f64::from(n) + 1.0)
}

/// Sensitivity and leaning (see the module comment).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measures {
    pub d_prime: f64,
    pub criterion: f64,
}

/// The measures in plain words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Tells scams from genuine services apart.
    Discerning,
    /// Trusts almost anything, scams included.
    Gullible,
    /// Refuses almost anything, genuine services included.
    OverSuspicious,
    /// Does not yet tell them apart, and leans towards trusting.
    LittleGullible,
    /// Does not yet tell them apart, and leans towards refusing.
    LittleOverSuspicious,
    /// Neither tells them apart nor leans either way.
    StillGuessing,
}

impl Measures {
    /// A strong leaning first (it explains the score whatever d′ is), then
    /// discernment, then a slight leaning; thresholds are the constants above.
    pub fn verdict(&self) -> Verdict {
        match (self.criterion, self.d_prime) {
            (c, _) if c <= -STRONG_LEANING => Verdict::OverSuspicious,
            (c, _) if c >= STRONG_LEANING => Verdict::Gullible,
            (_, d) if d >= DISCERNING_D_PRIME => Verdict::Discerning,
            (c, _) if c <= -SLIGHT_LEANING => Verdict::LittleOverSuspicious,
            (c, _) if c >= SLIGHT_LEANING => Verdict::LittleGullible,
            _ => Verdict::StillGuessing,
        }
    }
}

/// The inverse of the standard normal distribution function, for 0 < p < 1
/// (Acklam's rational approximation: relative error below 1.2e-9, plenty
/// for rates from a few dozen scenarios).
pub fn inverse_normal_cdf(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] =
        [7.784_695_709_041_462e-3, 3.224_671_290_700_398e-1, 2.445_134_137_142_996, 3.754_408_661_907_416];
    const LOW: f64 = 0.024_25;
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if p < LOW {
        tail((-2.0 * p.ln()).sqrt())
    } else if p > 1.0 - LOW {
        -tail((-2.0 * (1.0 - p).ln()).sqrt())
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(hits: u32, scams: u32, false_alarms: u32, genuine: u32) -> Tally {
        Tally { scams, hits, genuine, false_alarms, ..Tally::default() }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-4
    }

    #[test]
    fn the_inverse_normal_matches_tabled_values_in_the_middle_and_the_tails() {
        for (p, z) in [(0.5, 0.0), (0.75, 0.674_49), (0.9, 1.281_55), (0.975, 1.959_96), (0.01, -2.326_35)] {
            assert!(close(inverse_normal_cdf(p), z), "z({p}) = {} not {z}", inverse_normal_cdf(p));
        }
    }

    #[test]
    fn d_prime_and_criterion_match_hand_computed_values() {
        // 3 of 4 scams stopped, 1 of 3 genuine refused:
        // H = 3.5/5 = 0.7 → z = 0.52440; F = 1.5/4 = 0.375 → z = −0.31864.
        let t = tally(3, 4, 1, 3);
        assert_eq!((t.hit_rate(), t.false_alarm_rate()), (Some(0.75), Some(1.0 / 3.0)));
        let m = t.measures().unwrap();
        assert!(close(m.d_prime, 0.843_05), "{m:?}");
        assert!(close(m.criterion, -0.102_88), "{m:?}");
    }

    #[test]
    fn rates_of_0_and_1_are_corrected_log_linearly() {
        // All 4 scams stopped, no genuine refused of 1: H = 4.5/5 = 0.9, F = 0.5/2 = 0.25.
        let perfect = tally(4, 4, 0, 1).measures().unwrap();
        assert!(close(perfect.d_prime, 1.281_55 + 0.674_49), "{perfect:?}");
        assert!(close(perfect.criterion, -(1.281_55 - 0.674_49) / 2.0), "{perfect:?}");
        // Everything refused: H = 0.9, F = 1.5/2 = 0.75.
        let refuse_all = tally(4, 4, 1, 1).measures().unwrap();
        assert!(close(refuse_all.d_prime, 1.281_55 - 0.674_49));
        assert!(close(refuse_all.criterion, -(1.281_55 + 0.674_49) / 2.0));
        // Everything trusted: H = 0.5/5 = 0.1, F = 0.25: the mirror image.
        let trust_all = tally(0, 4, 0, 1).measures().unwrap();
        assert!(close(trust_all.d_prime, -refuse_all.d_prime) && close(trust_all.criterion, -refuse_all.criterion));
        assert!(tally(0, 0, 1, 2).measures().is_none(), "no scam met: nothing to tell apart");
        assert_eq!(tally(2, 3, 0, 0).false_alarm_rate(), None);
    }

    #[test]
    fn the_verdict_names_discernment_and_leaning() {
        let verdict = |h, s, f, g| tally(h, s, f, g).measures().unwrap().verdict();
        assert_eq!(verdict(4, 4, 0, 1), Verdict::Discerning);
        assert_eq!(verdict(3, 4, 0, 1), Verdict::Discerning, "one miss: d′ ≈ 1.20");
        assert_eq!(verdict(4, 4, 1, 1), Verdict::OverSuspicious, "refusing everything");
        assert_eq!(verdict(0, 4, 0, 1), Verdict::Gullible, "trusting everything");
        assert_eq!(verdict(4, 5, 1, 2), Verdict::LittleOverSuspicious, "the issue's example: c ≈ −0.34");
        assert_eq!(verdict(2, 4, 0, 1), Verdict::LittleGullible, "half the scams missed: c ≈ 0.34");
        assert_eq!(verdict(3, 5, 1, 2), Verdict::StillGuessing, "d′ ≈ 0.21, c ≈ −0.11");
    }

    #[test]
    fn tallies_add_up_and_phrase_precision_counts_taps() {
        let mut t = Tally { flags_found: 3, flags_total: 5, wrong_taps: 1, ..tally(1, 2, 0, 1) };
        t += tally(1, 1, 1, 1);
        assert_eq!((t.hits, t.scams, t.false_alarms, t.genuine), (2, 3, 1, 2));
        assert_eq!(t.tap_precision(), Some(0.75));
        assert_eq!(Tally::default().tap_precision(), None);
        assert_eq!([tally(1, 1, 0, 0), tally(0, 1, 1, 1)].into_iter().sum::<Tally>(), tally(1, 2, 1, 1));
    }
}
