//! The lecture pages' own words, one file per page, apart from the solo
//! app's `Texts`.

pub mod presenter;
