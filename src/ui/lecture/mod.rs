//! The lecture pages, reached by URL: `?room=` (a student's phone).

pub mod phone;
