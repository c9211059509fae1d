//! The lecture pages: the presenter's projector and the students' phones.

pub mod presenter;
