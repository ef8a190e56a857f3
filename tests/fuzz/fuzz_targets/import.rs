//! Import, as the page's Import button does it (`plan::import`): arbitrary text
//! is loaded with its plan, or refused with errors naming the field (or the
//! document); the current scenario is then kept.
#![no_main]

use avi_sizer::plan::{import, ImportError};
use fuzz_support::{check_errors, check_plan, check_read_error, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = text(data) else { return };
    match import(text) {
        Ok((scenario, plan)) => check_plan(&scenario, &plan),
        Err(ImportError::Read(e)) => check_read_error(&e),
        Err(ImportError::Plan(errors)) => check_errors(&errors),
    }
});
