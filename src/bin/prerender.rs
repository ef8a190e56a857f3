//! Build step (a Trunk `post_build` hook, see `Trunk.toml`): writes the default
//! scenario's answer, rendered by the engine (`report::html::answer`), into the
//! built `index.html`, so the page shows it before the app has loaded. Beside it, a
//! `<meta name="avi-sizer-default">` carries the default scenario's link code and
//! JSON: `static/boot.js` shows the answer only when the page is about that
//! scenario (no link and nothing saved, or a link to exactly it), so a shared link
//! never shows the default's answer, not even for a frame.
//!
//! It also moves Trunk's inline start-up module into `app.js` (no inline script,
//! and `boot.js` decides when the app starts: at once, or after a link's answer
//! from the small answer module) and drops the preload of the app's wasm, which
//! would take a phone's bandwidth from that answer; the service worker precaches
//! the files named in `<meta name="avi-sizer-assets">` instead.
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

/// Trunk's start-up module: `<script type="module">…</script>`.
const START_OPEN: &str = "<script type=\"module\">";
const START_CLOSE: &str = "</script>";

/// Moves the start-up module into `dir/app.js` and drops the wasm preload; returns
/// the page and the files the app loads.
fn externalise_start(page: &str, dir: &std::path::Path) -> Result<(String, Vec<String>), String> {
    let open = page.find(START_OPEN).ok_or("no inline start-up module")?;
    let close = page[open..].find(START_CLOSE).map(|i| open + i).ok_or("an unclosed start-up module")?;
    let code = &page[open + START_OPEN.len()..close];
    std::fs::write(dir.join("app.js"), code.trim_start()).map_err(|e| format!("app.js: {e}"))?;
    let mut page = format!("{}{}", &page[..open], &page[close + START_CLOSE.len()..]);
    let mut files = vec!["app.js".to_string()];
    while let Some(start) = page.find("<link rel=\"preload\"") {
        let end = page[start..].find('>').map(|i| start + i + 1).ok_or("an unclosed preload link")?;
        let tag = page[start..end].to_string();
        let href = tag.split("href=\"").nth(1).and_then(|h| h.split('"').next()).unwrap_or_default();
        files.push(href.to_string());
        page.replace_range(start..end, "");
    }
    Ok((page, files))
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
    let dir = std::path::Path::new(&path).parent().unwrap_or(std::path::Path::new("."));
    let (page, mut files) = match externalise_start(&page, dir) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("prerender: {path}: {e}");
            std::process::exit(1);
        }
    };
    files.extend(["answer.js".to_string(), "answer_bg.wasm".to_string()]);
    let meta = format!("{meta}<meta name=\"avi-sizer-assets\" data-precache=\"{}\" />", attr(&files.join(" ")));
    let page = page.replacen(ANSWER_MARK, &answer, 1).replacen(META_MARK, &meta, 1);
    if let Err(e) = std::fs::write(&path, page) {
        eprintln!("prerender: {path}: {e}");
        std::process::exit(1);
    }
}
