//! The answer module: a small wasm module with the engine and the answer card
//! (`report::html::answer`) and no UI, so that a share link or an embed shows its
//! SE count before the app (several times its size) has loaded. `static/boot.js`
//! decodes the link (base64url, then the browser's `DecompressionStream`
//! "deflate-raw": the `v1.` links the engine writes), calls [`answer`] with the
//! scenario JSON and shows the card until the app replaces it.
//!
//! Built for wasm32 by the Trunk `post_build` hook (`scripts/answer-module.sh`).

#[cfg(target_arch = "wasm32")]
mod module {
    use avi_sizer::design::validate;
    use avi_sizer::report::html;
    use avi_sizer::scenario::{Scenario, SCENARIO_VERSION};
    use wasm_bindgen::prelude::*;

    /// The answer cards for a scenario's JSON, or "" when it does not read or validate
    /// (the app then says why: this module carries no error messages, to stay small).
    #[wasm_bindgen]
    pub fn answer(json: &str) -> String {
        // Plain serde: the app's reader (`Scenario::from_json`) accepts exactly the
        // same documents and adds the path of an error, which is not needed here.
        let Ok(scenario) = serde_json::from_str::<Scenario>(json) else { return String::new() };
        if scenario.version != SCENARIO_VERSION {
            return String::new();
        }
        // The card shows SE sizing only, which never depends on the network plan:
        // `answer_for` plans no network (the same cards as the app's, by test).
        validate(&scenario).map(|design| html::answer_for(&design)).unwrap_or_default()
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This binary is the browser's answer module (wasm32): built by scripts/answer-module.sh.");
    std::process::exit(2);
}
