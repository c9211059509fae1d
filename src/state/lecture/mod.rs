//! The lecture pages' state: pure reducers, as for the solo app, so what a
//! server message, a change of the link, a key or a tap does to each page is
//! tested natively.

pub mod phone;
pub mod presenter;
