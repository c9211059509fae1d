//! The lecture pages' own words, one file per page, in both languages,
//! apart from the solo app's `Texts`.

pub mod campaign;
pub mod phone;
pub mod presenter;
