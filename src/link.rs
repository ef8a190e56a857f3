//! Share links: a whole scenario in a URL fragment, compact and versioned.
//!
//! Format: `v1.` followed by the base64url (no padding) of the raw-deflated compact
//! JSON of the scenario, defaults left out. The version prefix lets a later build
//! read (or clearly refuse) old links; anything unreadable becomes a
//! [`Problem::BadLink`] the UI shows as a notice, never a blank page.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::error::{FieldError, InputLimit, Problem};
use crate::scenario::Scenario;

const PREFIX: &str = "v1.";
/// Links larger than this when inflated are refused (a deflate bomb in a URL).
const MAX_INFLATED: usize = 4 * 1024 * 1024;

/// The longest share link [`decode`] reads; a longer text is refused before any
/// base64 or inflate work. A link must survive mail, chat and proposal tools;
/// 64 Ki characters hold 48 KiB of deflated JSON: the presets' links take 190 to
/// 270 characters, a 64-Supervisor scenario of 10,000 namespace groups with their
/// own pools and Ingress CIDRs about 11,400. Bigger scenarios travel as JSON files.
pub const MAX_LINK_CHARS: usize = 64 * 1024;

/// Encodes a scenario for the URL fragment.
///
/// ```
/// use avi_sizer::{link, scenario::Scenario};
/// let s = Scenario::default();
/// let code = link::encode(&s);
/// assert!(code.starts_with("v1."));
/// assert_eq!(link::decode(&code).unwrap(), s);
/// ```
pub fn encode(scenario: &Scenario) -> String {
    let json = serde_json::to_vec(scenario).unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(packed))
}

/// Decodes a fragment (with or without a leading `#` or `s=`).
///
/// ```
/// use avi_sizer::link;
/// let e = link::decode("v1.@@@").unwrap_err();
/// assert!(e.to_string().contains("not a share link"));
/// let e = link::decode("v9.abc").unwrap_err();
/// assert!(e.to_string().contains("newer version"));
/// let e = link::decode(&"A".repeat(100_000)).unwrap_err();
/// assert!(e.to_string().starts_with("link: the share link is longer than the 65536 characters"));
/// ```
pub fn decode(fragment: &str) -> Result<Scenario, FieldError> {
    // Bytes first (free); a link is ASCII, so only other text needs its characters counted.
    let chars = if fragment.len() > MAX_LINK_CHARS { fragment.chars().count() } else { fragment.len() };
    if chars > MAX_LINK_CHARS {
        return Err(FieldError::new(
            "link",
            format!("{chars} characters"),
            Problem::InputTooLarge { limit: InputLimit::LinkChars, max: MAX_LINK_CHARS as u64 },
        ));
    }
    let bad = |reason: &str| FieldError::new("link", "", Problem::BadLink { reason: reason.to_string() });
    let code = fragment.trim().trim_start_matches('#');
    let code = code.strip_prefix("s=").unwrap_or(code);
    let Some(body) = code.strip_prefix(PREFIX) else {
        if code.starts_with('v') && code.contains('.') {
            return Err(bad("this link was made by a newer version of the calculator"));
        }
        return Err(bad("this is not a share link of this calculator"));
    };
    let packed = URL_SAFE_NO_PAD
        .decode(body)
        .map_err(|_| bad("this is not a share link of this calculator (bad characters; was it cut short?)"))?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_INFLATED)
        .map_err(|_| bad("the share link is damaged (was it cut short?)"))?;
    let text = String::from_utf8(json).map_err(|_| bad("the share link is damaged"))?;
    Scenario::from_json(&text).map_err(|e| {
        // A field's error keeps its field; one about the whole text is the link's.
        let path = if e.path.is_empty() { "link".to_string() } else { e.path.clone() };
        FieldError::new(path, e.value.clone(), Problem::BadLink { reason: format!("the share link's scenario is invalid: {e}") })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;

    #[test]
    fn every_preset_round_trips() {
        for p in presets::all() {
            let code = encode(&p.scenario);
            assert_eq!(decode(&code).unwrap(), p.scenario, "{}", p.key);
            assert_eq!(decode(&format!("#s={code}")).unwrap(), p.scenario);
        }
    }

    #[test]
    fn default_link_is_short() {
        let code = encode(&Scenario::default());
        assert!(code.len() < 200, "{} chars: {code}", code.len());
    }

    #[test]
    fn corrupt_links_are_refused_with_a_reason() {
        let good = encode(&Scenario::default());
        let cut = &good[..good.len() / 2];
        let cases = ["", "#", "hello", "v1.", "v1.!!!!", cut, "v2.AAAA"];
        for c in cases {
            let e = decode(c).unwrap_err();
            assert!(matches!(e.problem, Problem::BadLink { .. }), "{c}: {e:?}");
        }
        // Valid deflate of JSON that is not a scenario.
        let packed = miniz_oxide::deflate::compress_to_vec(br#"{"supervisors":"x"}"#, 9);
        let e = decode(&format!("v1.{}", URL_SAFE_NO_PAD.encode(packed))).unwrap_err();
        assert_eq!(e.path, "supervisors");
    }

    /// Fuzz finding (link_decode): a link whose inflated body is not JSON at all
    /// was refused with an empty path, naming no field.
    #[test]
    fn a_link_to_text_that_is_not_json_is_the_links_error() {
        for body in [&b"hello"[..], b"", b"{", b"[1]"] {
            let packed = miniz_oxide::deflate::compress_to_vec(body, 1);
            let e = decode(&format!("v1.{}", URL_SAFE_NO_PAD.encode(packed))).unwrap_err();
            assert_eq!(e.path, "link", "{body:?}: {e:?}");
            assert!(matches!(e.problem, Problem::BadLink { .. }));
        }
    }
}
