//! The few browser APIs the app touches: URL fragment, local storage, clipboard,
//! colour scheme. Every call tolerates a missing API (no window, storage
//! disabled, clipboard refused) and never panics.

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};

const SCENARIO_KEY: &str = "avi-sizer.scenario";
const THEME_KEY: &str = "avi-sizer.theme";

/// Runs `f` once the next frame is on screen: in a `setTimeout` started by a
/// `requestAnimationFrame` callback (which runs just before that frame is painted).
pub fn after_paint(f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    let slot = std::rc::Rc::new(std::cell::Cell::new(Some(f)));
    let in_frame = slot.clone();
    let frame = Closure::once_into_js(move || {
        if let Some(f) = in_frame.take() {
            gloo::timers::callback::Timeout::new(0, f).forget();
        }
    });
    if gloo::utils::window().request_animation_frame(frame.unchecked_ref()).is_err() {
        if let Some(f) = slot.take() {
            gloo::timers::callback::Timeout::new(0, f).forget();
        }
    }
}

/// Removes the element with this id, if there is one.
pub fn remove_element(id: &str) {
    if let Some(el) = gloo::utils::document().get_element_by_id(id) {
        el.remove();
    }
}

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

/// Offers `text` as a file download: a Blob URL on a temporary `<a download>`,
/// clicked and removed (no network). The URL is revoked a little later, once the
/// browser has taken the file.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), ()> {
    let document = gloo::utils::document();
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| ())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| ())?;
    let a = document.create_element("a").map_err(|_| ())?.dyn_into::<web_sys::HtmlAnchorElement>().map_err(|_| ())?;
    a.set_href(&url);
    a.set_download(file_name);
    a.set_attribute("hidden", "").ok();
    if let Some(body) = document.body() {
        let _ = body.append_child(&a);
    }
    a.click();
    a.remove();
    gloo::timers::callback::Timeout::new(30_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Copies a table to the clipboard as both `text/plain` (TSV, for spreadsheets)
/// and `text/html` (for wikis and documents); where `ClipboardItem` is missing,
/// the TSV alone.
pub async fn copy_table(tsv: &str, html: &str) -> Result<(), ()> {
    if copy_rich(tsv, html).await.is_ok() {
        return Ok(());
    }
    copy(tsv).await
}

async fn copy_rich(tsv: &str, html: &str) -> Result<(), ()> {
    let global = js_sys::global();
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &JsValue::from_str(k)).map_err(|_| ());
    let ctor = get(&global, "ClipboardItem")?.dyn_into::<js_sys::Function>().map_err(|_| ())?;
    let clipboard = get(&gloo::utils::window().navigator(), "clipboard")?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err(());
    }
    let blob = |text: &str, mime: &str| -> Result<web_sys::Blob, ()> {
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        web_sys::Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&JsValue::from_str(text)), &options)
            .map_err(|_| ())
    };
    let items = js_sys::Object::new();
    js_sys::Reflect::set(&items, &JsValue::from_str("text/plain"), &JsValue::from(blob(tsv, "text/plain")?)).map_err(|_| ())?;
    js_sys::Reflect::set(&items, &JsValue::from_str("text/html"), &JsValue::from(blob(html, "text/html")?)).map_err(|_| ())?;
    let item = js_sys::Reflect::construct(&ctor, &js_sys::Array::of1(&items)).map_err(|_| ())?;
    let write = get(&clipboard, "write")?.dyn_into::<js_sys::Function>().map_err(|_| ())?;
    let promise = write.call1(&clipboard, &js_sys::Array::of1(&item)).map_err(|_| ())?;
    let promise = promise.dyn_into::<js_sys::Promise>().map_err(|_| ())?;
    wasm_bindgen_futures::JsFuture::from(promise).await.map(|_| ()).map_err(|_| ())
}

/// The text of a file the user picked.
pub async fn read_file(file: web_sys::File) -> Result<String, String> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.map_err(|_| "the file could not be read".to_string())?;
    text.as_string().ok_or_else(|| "the file is not text".to_string())
}

/// How the page is shown, from the URL query: `?embed` is the compact calculator
/// for an iframe, `?embed&readonly` (or `?readonly`) a fixed scenario without inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Full,
    Embed,
    ReadOnly,
}

impl Mode {
    pub fn from_query(search: &str) -> Mode {
        let keys: Vec<&str> = search
            .trim_start_matches('?')
            .split('&')
            .map(|kv| kv.split('=').next().unwrap_or_default())
            .collect();
        if keys.contains(&"readonly") {
            Mode::ReadOnly
        } else if keys.contains(&"embed") {
            Mode::Embed
        } else {
            Mode::Full
        }
    }

    pub fn embedded(self) -> bool {
        self != Mode::Full
    }
}

/// The mode of this page load.
pub fn mode() -> Mode {
    Mode::from_query(&gloo::utils::window().location().search().unwrap_or_default())
}

/// The page's address without query and fragment (the base of embed links).
pub fn page_url() -> String {
    let location = gloo::utils::window().location();
    format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default())
}

/// Marks `<html>` with a class (`embed`) while the guard lives.
pub fn root_class(class: &'static str) -> impl FnOnce() {
    let root = gloo::utils::document().document_element();
    if let Some(r) = &root {
        let _ = r.class_list().add_1(class);
    }
    move || {
        if let Some(r) = root {
            let _ = r.class_list().remove_1(class);
        }
    }
}

/// The height an iframe needs to show the whole page.
fn page_height() -> i32 {
    let document = gloo::utils::document();
    let body = document.body().map(|b| b.scroll_height().max(b.offset_height())).unwrap_or(0);
    body.max(0)
}

/// Tells the parent page (the documentation page embedding this one) its height.
pub fn post_height() {
    let window = gloo::utils::window();
    let Ok(Some(parent)) = window.parent() else { return };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &JsValue::from_str("type"), &JsValue::from_str("avi-sizer:height"));
    let _ = js_sys::Reflect::set(&message, &JsValue::from_str("height"), &JsValue::from(page_height()));
    let _ = parent.post_message(&message, "*");
}

/// Posts the page height now and whenever `<body>` changes size; the returned
/// function stops it.
pub fn post_height_on_resize() -> impl FnOnce() {
    use wasm_bindgen::closure::Closure;
    post_height();
    let last = std::rc::Rc::new(std::cell::Cell::new(-1));
    let callback = Closure::<dyn FnMut()>::new(move || {
        let h = page_height();
        if h != last.get() {
            last.set(h);
            post_height();
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
    if let (Some(o), Some(body)) = (&observer, gloo::utils::document().body()) {
        o.observe(&body);
    }
    move || {
        if let Some(o) = observer {
            o.disconnect();
        }
        drop(callback);
    }
}

/// Selects the text inside an element (a `<pre>`), ready for Ctrl+C.
pub fn select_contents(node: &yew::NodeRef) {
    let Some(el) = node.get() else { return };
    let window = gloo::utils::window();
    let (Ok(Some(selection)), Ok(range)) = (window.get_selection(), gloo::utils::document().create_range()) else { return };
    if range.select_node_contents(&el).is_ok() {
        let _ = selection.remove_all_ranges();
        let _ = selection.add_range(&range);
    }
}
