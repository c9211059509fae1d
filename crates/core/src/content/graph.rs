//! A scenario's steps as a graph: which steps a walk from the start reaches,
//! and which of its edges close a loop. One walk for the validator and for
//! the lean app's re-check of a pack the build validated
//! (`ValidScenario::trust_built`), so both name a loop alike.

use super::model::Step;
use super::path::FieldPath;

/// What a walk from the start found.
pub(super) struct Walk {
    /// Each edge back onto the current path, as (step, its target's number, target), in order.
    pub loops: Vec<(usize, usize, usize)>,
    /// Per step: reached from the start.
    pub reached: Vec<bool>,
}

/// Depth-first from `start` over `targets` (per step, the steps its targets
/// lead to, in the order `Step::targets` gives them).
pub(super) fn walk(targets: &[Vec<usize>], start: usize) -> Walk {
    // Colours: grey = on the current path, black = done.
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        White,
        Grey,
        Black,
    }
    let mut mark = vec![Mark::White; targets.len()];
    // Each back edge once, kept in order (as a set would list them).
    let mut loops: Vec<(usize, usize, usize)> = Vec::new();
    let mut stack = vec![(start, 0usize)];
    mark[start] = Mark::Grey;
    while let Some(&mut (node, ref mut next_edge)) = stack.last_mut() {
        if let Some(&target) = targets[node].get(*next_edge) {
            *next_edge += 1;
            match mark[target] {
                Mark::White => {
                    mark[target] = Mark::Grey;
                    stack.push((target, 0));
                }
                Mark::Grey => {
                    let back = (node, *next_edge - 1, target);
                    loops.insert(loops.partition_point(|earlier| *earlier < back), back);
                }
                Mark::Black => {}
            }
        } else {
            mark[node] = Mark::Black;
            stack.pop();
        }
    }
    Walk { loops, reached: mark.into_iter().map(|m| m != Mark::White).collect() }
}

/// Where `step` (number `at`) names its target number `edge`: a choice's
/// `next`, else its spot's.
pub(super) fn target_path(step: &Step, at: usize, edge: usize) -> FieldPath {
    match step.choices.len() {
        n if edge < n => FieldPath::step(at).key("choices").index(edge).key("next"),
        _ => FieldPath::step(at).key("spot").key("next"),
    }
}
