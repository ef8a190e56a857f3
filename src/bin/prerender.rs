//! Build step (a Trunk `post_build` hook, see `Trunk.toml`): writes the default
//! scenario's answer, rendered by the engine (`report::html::answer`), into the
//! built `index.html`, so the page shows it before the app has loaded. Beside it, a
//! `<meta name="avi-sizer-default">` carries the default scenario's link code and
//! JSON: `static/boot.js` shows the answer only when the page is about that
//! scenario (no link and nothing saved, or a link to exactly it), so a shared link
//! never shows the default's answer, not even for a frame.
//!
//! ```sh
//! prerender dist/index.html
//! ```

use avi_sizer::link;
use avi_sizer::plan::plan_scenario;
use avi_sizer::report::html;
use avi_sizer::scenario::Scenario;

/// Where the answer goes (inside `<body>`) and where the meta goes (inside `<head>`).
const ANSWER_MARK: &str = "<!-- static-answer -->";
const META_MARK: &str = "<!-- static-meta -->";

fn attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender INDEX.html");
        std::process::exit(2);
    };
    let page = match std::fs::read_to_string(&path) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("prerender: {path}: {e}");
            std::process::exit(1);
        }
    };
    if !page.contains(ANSWER_MARK) || !page.contains(META_MARK) {
        eprintln!("prerender: {path} has no {ANSWER_MARK} or {META_MARK}: left as it is");
        std::process::exit(1);
    }
    let scenario = Scenario::default();
    let plan = match plan_scenario(&scenario) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("prerender: the default scenario does not plan: {}", avi_sizer::error::render_all(&e));
            std::process::exit(1);
        }
    };
    let answer = format!(
        "<main class=\"static-answer\" id=\"static-answer\" aria-label=\"Results for the default scenario\">\
         <h1>Avi Service Engine &amp; Supervisor network sizer</h1>{}\
         <p class=\"muted\">Loading the calculator…</p></main>",
        html::answer(&plan)
    );
    let meta = format!(
        "<meta name=\"avi-sizer-default\" content=\"{}\" data-json=\"{}\" />",
        attr(&link::encode(&scenario)),
        attr(&scenario.to_json())
    );
    let page = page.replacen(ANSWER_MARK, &answer, 1).replacen(META_MARK, &meta, 1);
    if let Err(e) = std::fs::write(&path, page) {
        eprintln!("prerender: {path}: {e}");
        std::process::exit(1);
    }
}
