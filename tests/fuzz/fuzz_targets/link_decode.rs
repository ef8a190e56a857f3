//! Share-link decoding on arbitrary text, then what the page does with a link
//! that decodes: plan it. The first byte picks how the rest is used: as the
//! fragment itself, or as the deflated body (or the JSON) of a `v1.` link, so
//! that inflate and the JSON behind a well-formed link are reached too.
#![no_main]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use avi_sizer::error::Problem;
use avi_sizer::link;
use fuzz_support::{check_errors, plan_and_check};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let fragment = match mode % 3 {
        0 => match std::str::from_utf8(rest) {
            Ok(t) => t.to_string(),
            Err(_) => return,
        },
        1 => format!("#s=v1.{}", URL_SAFE_NO_PAD.encode(rest)),
        _ => format!("v1.{}", URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(rest, 1))),
    };
    match link::decode(&fragment) {
        Ok(scenario) => {
            plan_and_check(&scenario);
        }
        Err(e) => {
            check_errors(std::slice::from_ref(&e));
            if e.path != "link" {
                // A scenario error behind a good link keeps its field.
                assert!(matches!(e.problem, Problem::BadLink { .. }), "{e:?}");
            }
        }
    }
});
