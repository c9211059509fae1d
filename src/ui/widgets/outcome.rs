//! How a scenario ended, as the `data-outcome` attribute of its end card
//! (the pack's own word for it, which tests and styles select on).

use scamspot_core::content::Outcome;

/// A match rather than `{:?}` and lowercasing: Debug formatting and Unicode
/// case tables would add kilobytes to the wasm.
pub fn outcome_code(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Safe => "safe",
        Outcome::Scammed => "scammed",
        Outcome::Accomplice => "accomplice",
        Outcome::Trusted => "trusted",
        Outcome::Refused => "refused",
    }
}
