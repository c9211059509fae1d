//! The lecture pages' pure state: what a server message, a change of the
//! link or a tap does to each page.

pub mod phone;
