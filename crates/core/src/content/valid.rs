//! A scenario the validator has accepted ("parse, don't validate"): only
//! `load_scenario` can make one, so the engine never meets an unchecked pack
//! and never has to `expect` that an id resolves. Step ids are resolved to
//! indices once, here. The one other way in, `load_built_scenario`, is for
//! packs the build validated in full: it checks again only what keeps the
//! engine going (`trust_built`).

use super::diagnostic::Diagnostic;
use super::graph::{target_path, walk};
use super::model::{Scenario, StepKind};
use super::path::FieldPath;
use super::problem::Problem;
use serde::Serialize;
use std::ops::Deref;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct ValidScenario {
    scenario: Scenario,
    #[serde(skip)]
    start: usize,
    /// Per step: the index each of its choices leads to, or its spot's next.
    #[serde(skip)]
    targets: Vec<Vec<usize>>,
    /// What the validator advises without refusing the pack (warnings).
    #[serde(skip)]
    warnings: Vec<Diagnostic>,
}

impl ValidScenario {
    /// Wraps a scenario the validator found no problem in; `None` if an id
    /// does not resolve after all (the validator reports that case first).
    pub(super) fn resolve(scenario: Scenario) -> Option<ValidScenario> {
        let start = scenario.step_index(&scenario.start)?;
        // Plain loops: collect() into an Option, twice nested, brought its
        // own iterator adapters into the wasm.
        let mut targets = Vec::with_capacity(scenario.steps.len());
        for step in &scenario.steps {
            let mut step_targets = Vec::new();
            for id in step.targets() {
                step_targets.push(scenario.step_index(id)?);
            }
            targets.push(step_targets);
        }
        let every_step_has_a_kind = scenario.steps.iter().all(|s| s.kind().is_some());
        every_step_has_a_kind.then_some(ValidScenario { scenario, start, targets, warnings: Vec::new() })
    }

    /// A scenario from a pack the build validated in full and compiled (the
    /// site's own packs, listed good in its index), trusted to keep the
    /// authoring rules (texts in every language and of a phone's length,
    /// outcomes, fictional details). Only what the engine relies on is
    /// checked again: every id resolves and every step has a kind
    /// (`resolve`), and the validator's walk from the start (`graph::walk`)
    /// finds no loop and reaches every step, so every path ends. A pack
    /// from anywhere else goes through the validator (`load_scenario`). The
    /// first problem found is named as the validator names it, at its step.
    pub(super) fn trust_built(scenario: Scenario, file: &str) -> Result<ValidScenario, Vec<Diagnostic>> {
        let unknown = |id: &str| Problem::UnknownStep {
            id: id.to_string(),
            known: scenario.steps.iter().map(|s| s.id.clone()).collect(),
        };
        if scenario.step_index(&scenario.start).is_none() {
            return Err(vec![problem_at(&scenario, file, FieldPath::root().key("start"), unknown(&scenario.start))]);
        }
        for (i, step) in scenario.steps.iter().enumerate() {
            if step.kind().is_none() {
                return Err(vec![problem_at(&scenario, file, FieldPath::step(i), Problem::StepKind)]);
            }
            if let Some(target) = step.targets().find(|id| scenario.step_index(id).is_none()) {
                return Err(vec![problem_at(&scenario, file, FieldPath::step(i), unknown(target))]);
            }
        }
        let valid = ValidScenario::resolve(scenario).ok_or_else(|| vec![Diagnostic::new(file, Problem::Unresolved)])?;
        let walk = walk(&valid.targets, valid.start);
        if let Some(&(from, edge, to)) = walk.loops.first() {
            let problem = Problem::Loop { to: valid.steps[to].id.clone() };
            return Err(vec![problem_at(&valid, file, target_path(&valid.steps[from], from, edge), problem)]);
        }
        match walk.reached.iter().position(|reached| !reached) {
            Some(i) => Err(vec![problem_at(&valid, file, FieldPath::step(i).key("id"), Problem::UnreachableStep)]),
            None => Ok(valid),
        }
    }

    pub(super) fn with_warnings(self, warnings: Vec<Diagnostic>) -> ValidScenario {
        ValidScenario { warnings, ..self }
    }

    /// The validator's warnings: advice for the author; the pack plays as it is.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// Index of the first step.
    pub fn start(&self) -> usize {
        self.start
    }

    /// The step that choice `choice` of step `step` leads to.
    pub fn after_choice(&self, step: usize, choice: usize) -> Option<usize> {
        match self.scenario.steps.get(step)?.kind()? {
            StepKind::Choices(_) => self.targets[step].get(choice).copied(),
            _ => None,
        }
    }

    /// The step that follows spot step `step`.
    pub fn after_spot(&self, step: usize) -> Option<usize> {
        match self.scenario.steps.get(step)?.kind()? {
            StepKind::Spot(_) => self.targets[step].first().copied(),
            _ => None,
        }
    }

    /// What the step asks of the learner (every valid step has a kind).
    pub fn kind(&self, step: usize) -> Option<StepKind<'_>> {
        self.scenario.steps.get(step)?.kind()
    }

    pub fn into_inner(self) -> Scenario {
        self.scenario
    }
}

/// `problem` at `path` in `scenario`, named after its step as the validator names it.
fn problem_at(scenario: &Scenario, file: &str, path: FieldPath, problem: Problem) -> Diagnostic {
    let step = path.step_index().and_then(|i| scenario.steps.get(i)).map(|s| s.id.clone());
    Diagnostic { scenario: Some(scenario.id.clone()), step, ..Diagnostic::new(file, problem).at(path) }
}

impl Deref for ValidScenario {
    type Target = Scenario;

    fn deref(&self) -> &Scenario {
        &self.scenario
    }
}
