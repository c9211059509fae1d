//! The lecture pages' state: pure reducers, as for the solo app, so what a
//! key, a tap or a server message does is tested natively.

pub mod presenter;
