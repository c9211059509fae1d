//! What can be wrong with a pack: one variant per kind of problem, each with
//! a stable code (`SS0001`…, documented in docs/authoring.md). Their words,
//! in Simplified Chinese and English, are in `problem_text`.

use std::fmt;

/// A stable problem code, shown as `SS0022`. Numbers are never reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Code(pub u16);

/// The highest code in use; docs/authoring.md documents SS0001 up to it.
pub const LAST_CODE: Code = Code(49);

/// Whether a problem stops a pack (an error) or only asks its author to
/// look again (a warning: the pack still plays, the checker still passes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SS{:04}", self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A syntax error the plain-word mapping does not know; the parser's words.
    Syntax {
        message: String,
    },
    UnterminatedString,
    MissingEquals,
    DuplicateKey,
    UnknownField {
        name: String,
        known: Vec<String>,
    },
    MissingField {
        name: String,
    },
    WrongType {
        found: String,
        expected: String,
    },
    /// A value outside a fixed list: a scenario channel, a sender, an outcome.
    UnknownValue {
        value: String,
        known: Vec<String>,
    },
    NewerFormat {
        version: u32,
    },
    UnsupportedFormat {
        version: u32,
    },
    BadScenarioId,
    NoLanguages,
    UnknownType {
        id: String,
        known: Vec<String>,
    },
    UnknownTechnique {
        id: String,
        known: Vec<String>,
    },
    UnknownOfficialChannel {
        id: String,
        known: Vec<String>,
    },
    SavingsOutOfRange,
    NoSteps,
    MissingText {
        lang: String,
    },
    TextTooLong {
        len: usize,
        max: usize,
    },
    UndeclaredLanguage {
        lang: String,
    },
    DuplicateStepId {
        id: String,
    },
    UnknownStep {
        id: String,
        known: Vec<String>,
    },
    StepKind,
    TooFewChoices,
    SpotWithoutMessage,
    MissingQuote {
        lang: String,
    },
    QuoteNotInMessage {
        quote: String,
    },
    Loop {
        to: String,
    },
    UnreachableStep,
    OutcomeDoesNotFit {
        genuine: bool,
    },
    GenuineNeedsTrusted,
    GenuineNeedsRefused,
    ScamNeedsSafe,
    ScamNeedsLoss,
    ScamNeedsFlags,
    MoneyOutOfRange {
        money: i64,
    },
    DuplicateScenarioId {
        other: String,
    },
    DuplicateCatalogId {
        id: String,
    },
    CannotRead {
        reason: String,
    },
    /// The browser was given a TOML pack; it reads compiled JSON only.
    NeedsCompiling,
    /// The validator passed a pack whose ids still do not resolve (a bug).
    Unresolved,
    /// Fictional-safe by rule (`content::fiction`): a detail that could belong to someone real.
    UnmaskedMobile {
        number: String,
    },
    LongNumber {
        number: String,
    },
    CardNumber {
        number: String,
    },
    RealDomain {
        host: String,
    },
    /// A `.edu.cn` or `.gov.cn` host: only authorities hold those.
    AuthorityDomain {
        host: String,
    },
    DeniedName {
        name: String,
    },
    /// A scam whose start step is not a spot step on a flagged contact message (a warning).
    ScamOpensWithoutSpot,
    /// Every decision keeps its authored order (`keep_order`), so the right
    /// answer sits in the same place for every learner (a warning).
    PinsEveryChoice,
}

/// Largest gain or loss one choice may carry, and the largest savings, in yuan.
pub const MAX_MONEY: i64 = 1_000_000;

impl Problem {
    /// The stable code. Append new kinds with new numbers; never renumber
    /// (`tests::codes_keep_their_meaning` guards this).
    pub fn code(&self) -> Code {
        use Problem::*;
        Code(match self {
            Syntax { .. } => 1,
            UnterminatedString => 2,
            MissingEquals => 3,
            DuplicateKey => 4,
            UnknownField { .. } => 5,
            MissingField { .. } => 6,
            WrongType { .. } => 7,
            UnknownValue { .. } => 8,
            NewerFormat { .. } => 9,
            UnsupportedFormat { .. } => 10,
            BadScenarioId => 11,
            NoLanguages => 12,
            UnknownType { .. } => 13,
            UnknownTechnique { .. } => 14,
            UnknownOfficialChannel { .. } => 15,
            SavingsOutOfRange => 16,
            NoSteps => 17,
            MissingText { .. } => 18,
            TextTooLong { .. } => 19,
            UndeclaredLanguage { .. } => 20,
            DuplicateStepId { .. } => 21,
            UnknownStep { .. } => 22,
            StepKind => 23,
            TooFewChoices => 24,
            SpotWithoutMessage => 25,
            MissingQuote { .. } => 26,
            QuoteNotInMessage { .. } => 27,
            Loop { .. } => 28,
            UnreachableStep => 29,
            OutcomeDoesNotFit { .. } => 30,
            GenuineNeedsTrusted => 31,
            GenuineNeedsRefused => 32,
            ScamNeedsSafe => 33,
            ScamNeedsLoss => 34,
            ScamNeedsFlags => 35,
            MoneyOutOfRange { .. } => 36,
            DuplicateScenarioId { .. } => 37,
            DuplicateCatalogId { .. } => 38,
            CannotRead { .. } => 39,
            NeedsCompiling => 40,
            Unresolved => 41,
            UnmaskedMobile { .. } => 42,
            LongNumber { .. } => 43,
            CardNumber { .. } => 44,
            RealDomain { .. } => 45,
            AuthorityDomain { .. } => 46,
            DeniedName { .. } => 47,
            ScamOpensWithoutSpot => 48,
            PinsEveryChoice => 49,
        })
    }

    pub fn severity(&self) -> Severity {
        match self {
            Problem::ScamOpensWithoutSpot | Problem::PinsEveryChoice => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// A wrong value and the values that would be right, for "did you mean".
    pub fn wrong_value(&self) -> Option<(&str, &[String])> {
        use Problem::*;
        match self {
            UnknownField { name: wrong, known }
            | UnknownValue { value: wrong, known }
            | UnknownType { id: wrong, known }
            | UnknownTechnique { id: wrong, known }
            | UnknownOfficialChannel { id: wrong, known }
            | UnknownStep { id: wrong, known } => Some((wrong, known)),
            _ => None,
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// One problem of every kind, with the code it must keep. A new kind
    /// fails to compile here until it is listed; a renumbered one fails the test.
    pub(in crate::content) fn every_kind() -> Vec<(Problem, &'static str)> {
        use Problem::*;
        let s = String::new;
        let all = vec![
            (Syntax { message: s() }, "SS0001"),
            (UnterminatedString, "SS0002"),
            (MissingEquals, "SS0003"),
            (DuplicateKey, "SS0004"),
            (UnknownField { name: s(), known: vec![] }, "SS0005"),
            (MissingField { name: s() }, "SS0006"),
            (WrongType { found: s(), expected: s() }, "SS0007"),
            (UnknownValue { value: s(), known: vec![] }, "SS0008"),
            (NewerFormat { version: 2 }, "SS0009"),
            (UnsupportedFormat { version: 0 }, "SS0010"),
            (BadScenarioId, "SS0011"),
            (NoLanguages, "SS0012"),
            (UnknownType { id: s(), known: vec![] }, "SS0013"),
            (UnknownTechnique { id: s(), known: vec![] }, "SS0014"),
            (UnknownOfficialChannel { id: s(), known: vec![] }, "SS0015"),
            (SavingsOutOfRange, "SS0016"),
            (NoSteps, "SS0017"),
            (MissingText { lang: s() }, "SS0018"),
            (TextTooLong { len: 0, max: 0 }, "SS0019"),
            (UndeclaredLanguage { lang: s() }, "SS0020"),
            (DuplicateStepId { id: s() }, "SS0021"),
            (UnknownStep { id: s(), known: vec![] }, "SS0022"),
            (StepKind, "SS0023"),
            (TooFewChoices, "SS0024"),
            (SpotWithoutMessage, "SS0025"),
            (MissingQuote { lang: s() }, "SS0026"),
            (QuoteNotInMessage { quote: s() }, "SS0027"),
            (Loop { to: s() }, "SS0028"),
            (UnreachableStep, "SS0029"),
            (OutcomeDoesNotFit { genuine: true }, "SS0030"),
            (GenuineNeedsTrusted, "SS0031"),
            (GenuineNeedsRefused, "SS0032"),
            (ScamNeedsSafe, "SS0033"),
            (ScamNeedsLoss, "SS0034"),
            (ScamNeedsFlags, "SS0035"),
            (MoneyOutOfRange { money: 0 }, "SS0036"),
            (DuplicateScenarioId { other: s() }, "SS0037"),
            (DuplicateCatalogId { id: s() }, "SS0038"),
            (CannotRead { reason: s() }, "SS0039"),
            (NeedsCompiling, "SS0040"),
            (Unresolved, "SS0041"),
            (UnmaskedMobile { number: s() }, "SS0042"),
            (LongNumber { number: s() }, "SS0043"),
            (CardNumber { number: s() }, "SS0044"),
            (RealDomain { host: s() }, "SS0045"),
            (AuthorityDomain { host: s() }, "SS0046"),
            (DeniedName { name: s() }, "SS0047"),
            (ScamOpensWithoutSpot, "SS0048"),
            (PinsEveryChoice, "SS0049"),
        ];
        for (problem, _) in &all {
            // Exhaustive on purpose: a new variant must be added to the list above.
            match problem {
                Syntax { .. } | UnterminatedString | MissingEquals | DuplicateKey | UnknownField { .. } => {}
                MissingField { .. } | WrongType { .. } | UnknownValue { .. } | NewerFormat { .. } => {}
                UnsupportedFormat { .. } | BadScenarioId | NoLanguages | UnknownType { .. } => {}
                UnknownTechnique { .. } | UnknownOfficialChannel { .. } | SavingsOutOfRange | NoSteps => {}
                MissingText { .. } | TextTooLong { .. } | UndeclaredLanguage { .. } | DuplicateStepId { .. } => {}
                UnknownStep { .. } | StepKind | TooFewChoices | SpotWithoutMessage | MissingQuote { .. } => {}
                QuoteNotInMessage { .. } | Loop { .. } | UnreachableStep | OutcomeDoesNotFit { .. } => {}
                GenuineNeedsTrusted | GenuineNeedsRefused | ScamNeedsSafe | ScamNeedsLoss | ScamNeedsFlags => {}
                MoneyOutOfRange { .. } | DuplicateScenarioId { .. } | DuplicateCatalogId { .. } => {}
                CannotRead { .. } | NeedsCompiling | Unresolved => {}
                UnmaskedMobile { .. } | LongNumber { .. } | CardNumber { .. } | RealDomain { .. } => {}
                AuthorityDomain { .. } | DeniedName { .. } | ScamOpensWithoutSpot | PinsEveryChoice => {}
            }
        }
        all
    }

    #[test]
    fn codes_keep_their_meaning() {
        for (problem, code) in every_kind() {
            assert_eq!(problem.code().to_string(), code, "{problem:?} changed its code");
        }
    }

    #[test]
    fn codes_are_numbered_without_gaps_up_to_the_last() {
        let codes: Vec<u16> = every_kind().iter().map(|(p, _)| p.code().0).collect();
        let expected: Vec<u16> = (1..=LAST_CODE.0).collect();
        assert_eq!(codes, expected);
    }

    #[test]
    fn only_advice_is_a_warning() {
        let warnings: Vec<String> = every_kind()
            .into_iter()
            .filter(|(p, _)| p.severity() == Severity::Warning)
            .map(|(_, code)| code.to_string())
            .collect();
        assert_eq!(warnings, ["SS0048", "SS0049"]);
    }
}
