//! The browser app (wasm32 only): a thin Yew shell around the engine.
//!
//! [`state`] is the reducer (scenario, text as typed, last valid plan, notices),
//! [`fields`] the catalogue of inputs with their JSON paths, [`web`] the few browser
//! APIs used (URL fragment, local storage, clipboard), [`app`] the page and
//! [`components`] one small component per file. Numbers shown come from the
//! [`crate::plan::Plan`]; the UI only formats them.

pub mod app;
pub mod components;
pub mod fields;
pub mod state;
pub mod web;

/// Mounts the app on `<body>`, replacing the answer the build wrote into the page
/// or the answer module showed for a link (the app mounts in the same task, so no
/// frame shows neither).
pub fn run() {
    web::remove_element("static-answer");
    web::remove_element("link-answer");
    yew::Renderer::<app::App>::new().render();
}
