//! The few browser APIs the app touches: URL fragment, local storage, clipboard,
//! colour scheme. Every call tolerates a missing API (no window, storage
//! disabled, clipboard refused) and never panics.

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};

const SCENARIO_KEY: &str = "avi-sizer.scenario";
const THEME_KEY: &str = "avi-sizer.theme";

/// The URL fragment, with its `#` (empty when there is none).
pub fn fragment() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// The page's URL without the fragment.
pub fn base_url() -> String {
    let href = gloo::utils::window().location().href().unwrap_or_default();
    match href.find('#') {
        Some(i) => href[..i].to_string(),
        None => href,
    }
}

/// Puts `#s=CODE` in the address bar without adding a history entry.
pub fn replace_fragment(code: &str) {
    let window = gloo::utils::window();
    let wanted = format!("#s={code}");
    if window.location().hash().ok().as_deref() == Some(wanted.as_str()) {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&wanted));
    }
}

/// The scenario JSON saved by an earlier visit.
pub fn stored_scenario() -> Option<String> {
    storage()?.get_item(SCENARIO_KEY).ok().flatten()
}

pub fn store_scenario(json: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(SCENARIO_KEY, json);
    }
}

/// Local storage, when the browser allows it.
fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// Calls `f` with the new fragment whenever the user changes it (pastes a link
/// into the address bar). Dropping the listener stops it.
pub fn on_fragment_change(f: impl Fn(String) + 'static) -> EventListener {
    EventListener::new(&gloo::utils::window(), "hashchange", move |_| f(fragment()))
}

/// Copies `text` to the clipboard. Err when the browser has no clipboard API (an
/// insecure context) or refuses.
pub async fn copy(text: &str) -> Result<(), ()> {
    let navigator = gloo::utils::window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).map_err(|_| ())?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err(());
    }
    let write = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText")).map_err(|_| ())?;
    let write = write.dyn_into::<js_sys::Function>().map_err(|_| ())?;
    let promise = write.call1(&clipboard, &JsValue::from_str(text)).map_err(|_| ())?;
    let promise = promise.dyn_into::<js_sys::Promise>().map_err(|_| ())?;
    wasm_bindgen_futures::JsFuture::from(promise).await.map(|_| ()).map_err(|_| ())
}

/// The colour scheme the user picked: "light", "dark" or "" (follow the system).
pub fn stored_theme() -> String {
    storage().and_then(|s| s.get_item(THEME_KEY).ok().flatten()).unwrap_or_default()
}

/// Applies (and remembers) a colour scheme: sets `data-theme` on `<html>`.
pub fn apply_theme(theme: &str) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = if theme.is_empty() { root.remove_attribute("data-theme") } else { root.set_attribute("data-theme", theme) };
    }
}

/// Remembers the colour scheme for the next visit.
pub fn store_theme(theme: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(THEME_KEY, theme);
    }
}

/// Whether the system prefers a dark scheme.
pub fn system_prefers_dark() -> bool {
    gloo::utils::window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .map(|m| m.matches())
        .unwrap_or(false)
}

/// Moves the focus to the input of a JSON path (or, for a list element or a
/// field without an input, the nearest enclosing one that has an element).
pub fn focus_path(path: &str) {
    let document = gloo::utils::document();
    let mut p = path.to_string();
    loop {
        if let Some(el) = document.get_element_by_id(&super::fields::dom_id(&p)) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                el.scroll_into_view();
                let _ = el.focus();
            }
            return;
        }
        match p.rfind(['.', '[']) {
            Some(i) => p.truncate(i),
            None => return,
        }
    }
}
