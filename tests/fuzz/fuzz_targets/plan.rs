//! Planning of generated scenarios: the fuzz bytes become a `Scenario` directly
//! (mostly valid, often at a design limit, sometimes past it), so the fuzzer
//! spends its time in validation, SE placement and the network plan rather than
//! in JSON syntax. Every scenario plans or is refused with field-named errors;
//! small plans are also rendered every way the page and the CLI render them, and
//! every scenario survives export and share link.
#![no_main]

use arbitrary::Unstructured;
use fuzz_support::{check_round_trips, plan_and_check, render, scenario};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(scenario) = scenario(&mut u) else { return };
    if let Some(plan) = plan_and_check(&scenario) {
        render(&scenario, &plan, 200);
    }
    check_round_trips(&scenario);
});
