//! `Scenario::from_json` on arbitrary bytes: read, or refused at a field (or as a
//! document); what reads survives export and share link unchanged.
#![no_main]

use avi_sizer::scenario::Scenario;
use fuzz_support::{check_read_error, check_round_trips, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = text(data) else { return };
    match Scenario::from_json(text) {
        Ok(scenario) => check_round_trips(&scenario),
        Err(e) => check_read_error(&e),
    }
});
