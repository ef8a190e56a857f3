//! The page's start (`State::initial`), engine part: the URL fragment when there
//! is one, else the text local storage gives back; whatever reads is planned
//! (a scenario that does not plan is still loaded, its errors at their fields).
//! Input: fragment, a NUL byte, stored text (no NUL: no fragment).
#![no_main]

use avi_sizer::link;
use avi_sizer::scenario::Scenario;
use fuzz_support::{check_errors, check_read_error, plan_and_check, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = text(data) else { return };
    let (fragment, stored) = text.split_once('\0').unwrap_or(("", text));
    let fragment = fragment.trim().trim_start_matches('#');
    let read = if fragment.is_empty() {
        Scenario::from_json(stored).map_err(|e| check_read_error(&e))
    } else {
        link::decode(fragment).map_err(|e| check_errors(&[e]))
    };
    if let Ok(scenario) = read {
        plan_and_check(&scenario);
    }
});
