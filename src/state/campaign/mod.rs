//! Campaigns (issue 16): the staff pages' state (the organiser's form, a
//! campaign's page, the verify page) and the learner's campaign round, pure
//! and tested natively; the pages and the app render it.

pub mod admin;
pub mod day;
pub mod form;
#[cfg(feature = "hosted")]
pub mod learner;
pub mod verify;
