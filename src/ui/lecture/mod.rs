//! The lecture pages, reached by URL: `?present` (the presenter's
//! projector) and `?room=` (a student's phone).

pub mod phone;
pub mod presenter;
