//! The lecture pages' interface words, one file per page, in both languages.

pub mod phone;
