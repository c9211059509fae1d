//! Small building blocks shared by the screens. Those without state of their
//! own are plain functions that return `Html`, not components: a component
//! type adds Yew's lifecycle code and a comparison of its props to the wasm.

pub mod balance;
pub mod bubble;
pub mod channel_skin;
pub mod choice_list;
pub mod confidence_scale;
pub mod discrimination_chart;
pub mod leave_dialog;
pub mod notice;
pub mod outcome;
pub mod phone_prompt;
pub mod read_aloud_button;
pub mod replay_panel;
pub mod scenario_header;
pub mod shared_scenario;
pub mod spot_message;
pub mod spot_review;
pub mod technique_list;
pub mod text;
pub mod top_bar;
