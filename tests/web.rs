//! Component tests in a real browser (headless Chromium through chromedriver):
//!
//! ```sh
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web
//! ```
//!
//! Each test mounts the whole App into its own `<div>`, types into fields the way a
//! user does (set the value, dispatch a bubbling `input` event) and reads what the
//! page shows. Expected numbers come from the engine (`plan_scenario`) for the same
//! scenario, plus a few hard-coded acceptance values from DOMAIN.md.
#![cfg(target_arch = "wasm32")]

use avi_sizer::link;
use avi_sizer::plan::plan_scenario;
use avi_sizer::presets;
use avi_sizer::scenario::Scenario;
use avi_sizer::ui::app::App;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

struct Page {
    root: Element,
    handle: Option<yew::AppHandle<App>>,
}

impl Drop for Page {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
        self.root.remove();
    }
}

fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

thread_local! {
    /// The test page's own query, before any test added `embed` to it.
    static SEARCH: String = window().location().search().unwrap();
}

/// Sets the URL query (the runner's own plus `extra`, e.g. `embed&readonly`) and
/// fragment without a history entry (`""`: none).
fn set_url(extra: &str, fragment: &str) {
    let location = window().location();
    let search = SEARCH.with(|s| match (s.is_empty(), extra.is_empty()) {
        (_, true) => s.clone(),
        (true, false) => format!("?{extra}"),
        (false, false) => format!("{s}&{extra}"),
    });
    let base = format!("{}{search}", location.pathname().unwrap());
    let url = if fragment.is_empty() { base } else { format!("{base}#{fragment}") };
    window().history().unwrap().replace_state_with_url(&JsValue::NULL, "", Some(&url)).unwrap();
}

/// Mounts the App with this URL fragment and an empty local storage.
async fn mount(fragment: &str) -> Page {
    mount_with("", fragment).await
}

/// Mounts the App with `extra` added to the URL query.
async fn mount_with(extra: &str, fragment: &str) -> Page {
    set_url(extra, fragment);
    window().local_storage().unwrap().unwrap().clear().unwrap();
    let document = window().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    let page = Page { root, handle: Some(handle) };
    page.wait_for("[data-testid='se-total-0']").await;
    page.settle().await;
    page
}

/// Resolves after the next frame is painted (a timeout started in a frame callback),
/// which is when the app plans what was typed.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let resolve: js_sys::Function = resolve;
        let in_frame = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        });
        window().request_animation_frame(in_frame.unchecked_ref()).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

impl Page {
    fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    fn count(&self, selector: &str) -> u32 {
        self.root.query_selector_all(selector).unwrap().length()
    }

    fn text(&self, selector: &str) -> String {
        self.find(selector).map(|e| e.text_content().unwrap_or_default()).unwrap_or_default()
    }

    fn select(&self, id: &str) -> web_sys::HtmlSelectElement {
        self.find(&format!("#{id}")).unwrap_or_else(|| panic!("no select #{id}")).dyn_into().unwrap()
    }

    fn input(&self, id: &str) -> HtmlInputElement {
        self.find(&format!("#{id}")).unwrap_or_else(|| panic!("no input #{id}")).dyn_into().unwrap()
    }

    async fn wait_for(&self, selector: &str) {
        for _ in 0..200 {
            if self.find(selector).is_some() {
                return;
            }
            sleep(10).await;
        }
        panic!("{selector} never appeared");
    }

    /// Waits until `selector`'s text is `want` (the renderer is asynchronous).
    async fn wait_text(&self, selector: &str, want: &str) {
        for _ in 0..300 {
            if self.text(selector) == want {
                return;
            }
            sleep(10).await;
        }
        assert_eq!(self.text(selector), want, "{selector}");
    }

    /// Types `text` into the input with this id, as a user's keystrokes would.
    async fn type_into(&self, id: &str, text: &str) {
        let input = self.input(id);
        input.set_value(text);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
        input.dispatch_event(&event).unwrap();
        self.settle().await;
    }

    /// Waits until the page has stopped changing: the plan follows the typed text a
    /// frame later, and Yew renders in slices, yielding to the browser between them.
    async fn settle(&self) {
        let mut last = self.root.inner_html();
        for _ in 0..100 {
            next_frame().await;
            next_frame().await;
            let now = self.root.inner_html();
            if now == last {
                return;
            }
            last = now;
        }
    }

    async fn click(&self, selector: &str) {
        let el: web_sys::HtmlElement = self.find(selector).unwrap_or_else(|| panic!("no {selector}")).dyn_into().unwrap();
        el.click();
        self.settle().await;
    }
}

fn total(s: &Scenario, i: usize) -> String {
    plan_scenario(s).expect("the scenario plans").supervisors[i].service_engines.total.to_string()
}

#[wasm_bindgen_test]
async fn typing_a_namespace_count_changes_the_se_count() {
    let page = mount("").await;
    let mut s = Scenario::default();
    page.wait_text("[data-testid='se-total-0']", &total(&s, 0)).await;

    page.type_into("supervisors-0-namespaces-0-count", "40").await;
    s.supervisors[0].namespaces[0].count = 40;
    let want = total(&s, 0);
    assert_ne!(want, total(&Scenario::default(), 0), "the count must move the SE total");
    page.wait_text("[data-testid='se-total-0']", &want).await;
    assert!(!page.text("[data-testid='se-binding-0']").is_empty());
    assert_eq!(page.input("supervisors-0-namespaces-0-count").value(), "40");
}

/// Issue 9: the SE count follows every keystroke whatever the network state; the
/// pool's error sits beside the pool field and the results are not marked stale.
#[wasm_bindgen_test]
async fn the_se_count_follows_the_namespaces_while_the_pool_is_too_small() {
    let page = mount("").await;
    let pool = "supervisors-0-networks-address_pool";
    page.type_into(pool, "10.220.0.0/26").await;
    assert_eq!(page.input(pool).get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(page.text(&format!("#{pool}-error")).contains("10.220.0.0/26 has"), "{}", page.text(&format!("#{pool}-error")));
    let mut s = Scenario::default();
    s.supervisors[0].networks.address_pool = vec!["10.220.0.0/26".into()];
    for count in [40, 200] {
        page.type_into("supervisors-0-namespaces-0-count", &count.to_string()).await;
        s.supervisors[0].namespaces[0].count = count;
        assert!(plan_scenario(&s).unwrap().networks_wrong());
        page.wait_text("[data-testid='se-total-0']", &total(&s, 0)).await;
    }
    assert!(page.find("[data-testid='stale-notice']").is_none(), "a network error does not make the SE result stale");
}

#[wasm_bindgen_test]
async fn seed_claim_needs_four_ses_with_nine_interfaces_and_ten_are_computed_as_nine() {
    // DOMAIN.md: 2 SEs at s = 2 carry the Supervisor plus 8 namespaces with 9 data
    // interfaces; the 9th namespace brings two more (4 in all). 10 cannot exist.
    let page = mount("").await;
    page.click("[data-testid='preset-seed-claim']").await;
    page.wait_text("[data-testid='se-total-0']", "4").await;
    assert!(page.text("[data-testid='se-binding-0']").contains("data interfaces"));
    assert_eq!(page.select("se_group-ha_mode").value(), "active_active", "selects follow a loaded preset");
    // The seed's 10 data interfaces cannot exist: computed with 9, the field marked, its text kept.
    let nics = "se_group-data_nics_per_se";
    page.type_into(nics, "10").await;
    page.wait_text("[data-testid='se-total-0']", "4").await;
    assert_eq!(page.input(nics).value(), "10");
    assert_eq!(page.input(nics).get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(page.text(&format!("#{nics}-error")).contains("computed with 9"), "{}", page.text(&format!("#{nics}-error")));
    // Without the Supervisor's VS, 2 SEs carry 9 namespaces, as the author's later post says.
    page.type_into("supervisors-0-supervisor_virtual_services", "0").await;
    page.wait_text("[data-testid='se-total-0']", "2").await;
    page.type_into("supervisors-0-namespaces-0-count", "10").await;
    page.wait_text("[data-testid='se-total-0']", "4").await;
    page.click("[data-testid='preset-single']").await;
    page.wait_text("[data-testid='se-total-0']", &total(&Scenario::default(), 0)).await;
    assert_eq!(page.select("se_group-ha_mode").value(), "", "back to the default HA mode");
}

#[wasm_bindgen_test]
async fn a_bad_cidr_shows_its_message_and_keeps_the_text() {
    let page = mount("").await;
    let before = total(&Scenario::default(), 0);
    page.wait_text("[data-testid='se-total-0']", &before).await;

    let id = "supervisors-0-networks-address_pool";
    page.type_into(id, "10.0.0/16").await;
    let input = page.input(id);
    assert_eq!(input.value(), "10.0.0/16", "the text stays as typed");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = input.get_attribute("aria-describedby").unwrap_or_default();
    assert!(described.contains(&format!("{id}-error")), "{described}");
    let message = page.text(&format!("#{id}-error"));
    assert!(message.contains("is not an IPv4 CIDR"), "{message}");
    assert!(page.text("[data-testid='notice']").contains("showing results for the last valid input"));
    // The results keep the last valid plan.
    assert_eq!(page.text("[data-testid='se-total-0']"), before);

    // Fixing it clears the mark and the notice.
    page.type_into(id, "10.0.0.0/16").await;
    assert_eq!(page.input(id).get_attribute("aria-invalid").as_deref(), Some("false"));
    assert!(page.find(&format!("#{id}-error")).is_none());
    assert!(!page.text("[data-testid='notice']").contains("last valid input"));
}

#[wasm_bindgen_test]
async fn text_that_is_not_a_number_stays_and_is_marked() {
    let page = mount("").await;
    let id = "supervisors-0-namespaces-0-count";
    page.type_into(id, "12x").await;
    assert_eq!(page.input(id).value(), "12x");
    assert_eq!(page.input(id).get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(page.text(&format!("#{id}-error")).contains("not a whole number"));
    page.type_into(id, "0").await;
    assert!(page.text(&format!("#{id}-error")).contains("must be at least 1"), "the engine's message");
}

#[wasm_bindgen_test]
async fn a_share_link_round_trips() {
    for p in presets::all() {
        assert_eq!(link::decode(&link::encode(&p.scenario)).unwrap(), p.scenario, "{}", p.key);
    }
    let three_zone = presets::find("three-zone").unwrap().scenario;
    let page = mount(&format!("s={}", link::encode(&three_zone))).await;
    page.wait_text("[data-testid='se-total-0']", &total(&three_zone, 0)).await;
    assert_eq!(page.input("supervisors-0-name").value(), "supervisor-zonal");
    assert_eq!(page.select("supervisors-0-zones").value(), "3");
    assert_eq!(page.input("supervisors-0-namespaces-0-count").value(), "12");
    // The page writes the same scenario back into its URL.
    let hash = window().location().hash().unwrap();
    assert_eq!(link::decode(&hash).unwrap(), three_zone);
}

#[wasm_bindgen_test]
async fn the_url_follows_the_input() {
    let page = mount("").await;
    page.type_into("supervisors-0-namespaces-0-count", "7").await;
    sleep(50).await;
    let mut want = Scenario::default();
    want.supervisors[0].namespaces[0].count = 7;
    assert_eq!(link::decode(&window().location().hash().unwrap()).unwrap(), want);
}

#[wasm_bindgen_test]
async fn a_corrupt_link_gives_a_notice_and_the_default() {
    let page = mount("s=v1.this-is-not-a-scenario").await;
    page.wait_text("[data-testid='se-total-0']", &total(&Scenario::default(), 0)).await;
    let notice = page.text("[data-testid='notice']");
    assert!(notice.contains("could not be read"), "{notice}");
    drop(page);
    let page = mount("s=v7.AAAA").await;
    assert!(page.text("[data-testid='notice']").contains("newer version"));
}

#[wasm_bindgen_test]
async fn every_preset_loads_with_one_click() {
    let page = mount("").await;
    for p in presets::all() {
        page.click(&format!("[data-testid='preset-{}']", p.key)).await;
        let plan = plan_scenario(&p.scenario).unwrap();
        for (i, sup) in plan.supervisors.iter().enumerate() {
            page.wait_text(&format!("[data-testid='se-total-{i}']"), &sup.service_engines.total.to_string()).await;
        }
    }
}

#[wasm_bindgen_test]
async fn groups_can_be_added_duplicated_and_removed() {
    let page = mount("").await;
    page.click("[data-testid='duplicate-group-0-0']").await;
    page.wait_for("#supervisors-0-namespaces-1-count").await;
    assert_eq!(page.input("supervisors-0-namespaces-1-name").value(), "team-copy");
    let mut s = Scenario::default();
    let copy = s.supervisors[0].namespaces[0].clone();
    s.supervisors[0].namespaces.push(avi_sizer::scenario::NamespaceGroup { name: "team-copy".into(), ..copy });
    page.wait_text("[data-testid='se-total-0']", &total(&s, 0)).await;
    page.click("[data-testid='remove-group-0-0']").await;
    page.wait_text("[data-testid='se-total-0']", &total(&Scenario::default(), 0)).await;
    assert!(page.find("#supervisors-0-namespaces-1-count").is_none());
    assert_eq!(page.input("supervisors-0-namespaces-0-name").value(), "team-copy");
}

#[wasm_bindgen_test]
async fn a_link_pasted_into_an_open_page_loads() {
    let page = mount("").await;
    let multi = presets::find("multi-nsx").unwrap().scenario;
    // Changing the fragment (as pasting a link into the address bar does) fires hashchange.
    window().location().set_hash(&format!("s={}", link::encode(&multi))).unwrap();
    page.wait_text("[data-testid='se-total-1']", &total(&multi, 1)).await;
    assert_eq!(page.text("[data-testid='se-total-0']"), total(&multi, 0));
    assert_eq!(page.select("topology").value(), "multi_nsx");
}

fn plan_of(s: &Scenario) -> avi_sizer::plan::Plan {
    plan_scenario(s).expect("the scenario plans")
}

fn scenario_in_url() -> Scenario {
    link::decode(&window().location().hash().unwrap()).expect("a scenario in the URL")
}

/// Runs `body` as a JavaScript function of `args` and returns its result.
fn js(args: &str, body: &str, values: &[JsValue]) -> JsValue {
    let f = js_sys::Function::new_with_args(args, body);
    let array = js_sys::Array::new();
    for v in values {
        array.push(v);
    }
    f.apply(&JsValue::NULL, &array).expect("the script runs")
}

async fn wait_until(what: &str, mut f: impl FnMut() -> bool) {
    for _ in 0..300 {
        if f() {
            return;
        }
        sleep(10).await;
    }
    panic!("{what} never happened");
}

#[wasm_bindgen_test]
async fn the_se_map_has_one_column_per_service_engine() {
    let three_zone = presets::find("three-zone").unwrap().scenario;
    let multi = presets::find("multi-nsx").unwrap().scenario;
    for scenario in [Scenario::default(), three_zone, multi] {
        let plan = plan_of(&scenario);
        let page = mount(&format!("s={}", link::encode(&scenario))).await;
        for (i, sup) in plan.supervisors.iter().enumerate() {
            let map = format!("[data-testid='picture-se-map-{i}']");
            page.wait_for(&format!("{map} svg")).await;
            let total = sup.service_engines.total;
            assert_eq!(page.count(&format!("{map} g.se")), total, "{} SE columns", sup.name);
            assert_eq!(page.text(&format!("[data-testid='se-total-{i}']")), total.to_string());
            // Spares are drawn as such.
            let spares = sup.service_engines.buffer + sup.service_engines.zone_spare;
            let drawn = page.count(&format!("{map} g.se[data-role='buffer']")) + page.count(&format!("{map} g.se[data-role='zone_spare']"));
            assert_eq!(drawn, spares, "{} spare SEs", sup.name);
        }
    }
}

#[wasm_bindgen_test]
async fn the_growth_chart_steps_where_the_engine_says() {
    let seed = presets::find("seed-claim").unwrap().scenario;
    let page = mount(&format!("s={}", link::encode(&seed))).await;
    let plan = plan_of(&seed);
    let chart = "[data-testid='picture-growth-0']";
    page.wait_for(&format!("{chart} svg")).await;
    let steps = &plan.supervisors[0].headroom.steps;
    assert!(!steps.is_empty());
    assert_eq!(page.count(&format!("{chart} g.step[data-series='0']")), steps.len() as u32);
    for s in steps {
        let sel = format!("{chart} g.step[data-series='0'][data-namespaces='{}'][data-total='{}']", s.namespaces, s.total);
        assert_eq!(page.count(&sel), 1, "a step at {} namespaces, {} SEs", s.namespaces, s.total);
    }
    // Today's count is marked where the plan has it.
    let today = plan.supervisors[0].load.namespaces;
    assert_eq!(page.count(&format!("{chart} line.today[data-namespaces='{today}']")), 1);

    // A second series: the same scenario re-planned by the engine in N+M.
    let select = page.select("growth-compare-0");
    select.set_value("n_plus_m");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    let mut other = seed.clone();
    other.se_group.ha_mode = Some(avi_sizer::scenario::HaMode::NPlusM);
    let other_steps = plan_of(&other).supervisors[0].headroom.steps.clone();
    page.wait_for(&format!("{chart} g.step[data-series='1']")).await;
    assert_eq!(page.count(&format!("{chart} g.step[data-series='1']")), other_steps.len() as u32);
    for s in &other_steps {
        let sel = format!("{chart} g.step[data-series='1'][data-namespaces='{}'][data-total='{}']", s.namespaces, s.total);
        assert_eq!(page.count(&sel), 1, "N+M step at {} namespaces", s.namespaces);
    }
}

/// Catches the next file download (the `<a download>` click) instead of saving
/// it: returns (file name, text) read back from its Blob URL.
async fn catch_download(page: &Page, button: &str) -> (String, String) {
    js(
        "",
        "window.__caught = []; const p = HTMLAnchorElement.prototype; p.__click = p.__click || p.click; \
         p.click = function () { if (this.download) { window.__caught.push([this.download, this.href]); } else { this.__click(); } };",
        &[],
    );
    page.click(button).await;
    let caught = js("", "const p = HTMLAnchorElement.prototype; p.click = p.__click; return window.__caught;", &[]);
    let caught: js_sys::Array = caught.dyn_into().unwrap();
    assert_eq!(caught.length(), 1, "one download");
    let entry: js_sys::Array = caught.get(0).dyn_into().unwrap();
    let name = entry.get(0).as_string().unwrap();
    let href = entry.get(1);
    let text = wasm_bindgen_futures::JsFuture::from(
        js("href", "return fetch(href).then(r => r.text());", &[href]).dyn_into::<js_sys::Promise>().unwrap(),
    )
    .await
    .unwrap();
    (name, text.as_string().unwrap())
}

/// Picks `text` as the file of the import control, as a user choosing a file does.
fn choose_file(page: &Page, name: &str, text: &str) {
    let input = page.input("import-file");
    js(
        "input, name, text",
        "const dt = new DataTransfer(); dt.items.add(new File([text], name, { type: 'application/json' })); \
         input.files = dt.files; input.dispatchEvent(new Event('change', { bubbles: true }));",
        &[input.into(), JsValue::from_str(name), JsValue::from_str(text)],
    );
}

#[wasm_bindgen_test]
async fn an_exported_scenario_imports_back_to_the_same_scenario() {
    let mut scenario = presets::find("three-zone").unwrap().scenario;
    let page = mount(&format!("s={}", link::encode(&scenario))).await;
    page.type_into("supervisors-0-namespaces-0-count", "17").await;
    scenario.supervisors[0].namespaces[0].count = 17;
    page.wait_text("[data-testid='se-total-0']", &total(&scenario, 0)).await;

    let (name, text) = catch_download(&page, "[data-testid='export-scenario']").await;
    assert!(name.ends_with(".json"), "{name}");
    assert_eq!(Scenario::from_json(&text).unwrap(), scenario, "the file holds the page's scenario");

    // Back to the default, then the file brings the scenario back.
    page.click("[data-testid='reset']").await;
    page.wait_text("[data-testid='se-total-0']", &total(&Scenario::default(), 0)).await;
    choose_file(&page, &name, &text);
    wait_until("the import", || page.input("supervisors-0-namespaces-0-count").value() == "17").await;
    page.wait_text("[data-testid='se-total-0']", &total(&scenario, 0)).await;
    sleep(30).await;
    assert_eq!(scenario_in_url(), scenario, "the URL follows the import");
    assert!(page.find("[data-testid='import-error']").is_none());

    // The same through the paste box.
    page.click("[data-testid='reset']").await;
    let area: web_sys::HtmlTextAreaElement = page.find("#import-text").unwrap().dyn_into().unwrap();
    area.set_value(&text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    area.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    sleep(20).await;
    page.click("[data-testid='import-load']").await;
    wait_until("the pasted import", || page.input("supervisors-0-namespaces-0-count").value() == "17").await;
    sleep(30).await;
    assert_eq!(scenario_in_url(), scenario);
}

#[wasm_bindgen_test]
async fn an_invalid_import_says_where_and_why_and_keeps_the_scenario() {
    let page = mount("").await;
    page.type_into("supervisors-0-namespaces-0-count", "7").await;
    let mut kept = Scenario::default();
    kept.supervisors[0].namespaces[0].count = 7;
    page.wait_text("[data-testid='se-total-0']", &total(&kept, 0)).await;

    let bad = r#"{"supervisors":[{"name":"a","namespaces":[{"name":"x","count":"many"}]}]}"#;
    choose_file(&page, "bad.json", bad);
    page.wait_for("[data-testid='import-error']").await;
    let message = page.text("[data-testid='import-error']");
    assert!(message.contains("supervisors[0].namespaces[0].count"), "{message}");
    assert!(message.contains("invalid type"), "{message}");
    assert_eq!(page.input("import-file").get_attribute("aria-describedby").as_deref(), Some("import-error"));
    assert_eq!(page.input("supervisors-0-namespaces-0-count").value(), "7");
    assert_eq!(scenario_in_url(), kept, "the current scenario is kept");

    // A scenario that reads but does not plan is refused at its field too.
    let area: web_sys::HtmlTextAreaElement = page.find("#import-text").unwrap().dyn_into().unwrap();
    area.set_value(r#"{"supervisors":[{"name":"a","namespaces":[{"name":"x","count":0}]}]}"#);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    area.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    sleep(20).await;
    page.click("[data-testid='import-load']").await;
    page.wait_for("[data-testid='import-error']").await;
    let message = page.text("[data-testid='import-error']");
    assert!(message.contains("supervisors[0].namespaces[0].count: must be at least 1"), "{message}");
    assert_eq!(scenario_in_url(), kept);
    assert_eq!(page.text("[data-testid='se-total-0']"), total(&kept, 0));
}

#[wasm_bindgen_test]
async fn embed_readonly_shows_the_result_without_inputs() {
    let three_zone = presets::find("three-zone").unwrap().scenario;
    let page = mount_with("embed&readonly", &format!("s={}", link::encode(&three_zone))).await;
    page.wait_text("[data-testid='se-total-0']", &total(&three_zone, 0)).await;
    assert!(page.find("[data-testid='embed-view']").is_some());
    assert_eq!(page.count("input, select, textarea"), 0, "no inputs in read-only embed");
    assert!(page.find("[data-testid='preset-single']").is_none(), "no presets");
    assert!(page.find("[data-testid='exports']").is_none(), "no exports");
    assert!(page.find("header").is_none(), "no masthead");
    page.wait_for("[data-testid='picture-se-map-0'] svg").await;
    assert_eq!(page.count("[data-testid='picture-se-map-0'] g.se"), plan_of(&three_zone).supervisors[0].service_engines.total);
    let embedded = window().document().unwrap().document_element().unwrap().class_list().contains("embed");
    assert!(embedded, "<html> carries the embed class");
    drop(page);
    sleep(50).await;
    assert!(!window().document().unwrap().document_element().unwrap().class_list().contains("embed"), "removed on unmount");

    // `?readonly` alone is read-only too; `?embed` keeps the key inputs.
    let page = mount_with("readonly", "").await;
    assert_eq!(page.count("input, select, textarea"), 0);
    drop(page);
    let page = mount_with("embed", "").await;
    page.type_into("supervisors-0-namespaces-0-count", "40").await;
    let mut s = Scenario::default();
    s.supervisors[0].namespaces[0].count = 40;
    page.wait_text("[data-testid='se-total-0']", &total(&s, 0)).await;
    assert!(page.find("[data-testid='preset-single']").is_none());
}

#[wasm_bindgen_test]
async fn compare_marks_what_a_what_if_changed() {
    let page = mount("").await;
    page.click("[data-testid='what-if-1']").await;
    page.wait_for("[data-testid='compare-table']").await;
    let a = plan_of(&Scenario::default());
    let mut b_scenario = Scenario::default();
    b_scenario.supervisors[0].namespaces[0].count += 40;
    let b = plan_of(&b_scenario);
    let rows = avi_sizer::compare::compare(&a, &b);
    let changed = rows.iter().filter(|r| r.changed).count() as u32;
    assert!(changed > 0);
    assert_eq!(page.count("[data-testid='compare-table'] tbody tr"), rows.len() as u32);
    assert_eq!(page.count("[data-testid='compare-table'] tr.changed mark"), changed);
    assert_eq!(page.count("[data-testid='compare-table'] tr.changed[aria-label^='Changed']"), changed);
    assert_eq!(scenario_in_url(), b_scenario, "B is the page");
    page.click("[data-testid='unpin']").await;
    assert!(page.find("[data-testid='compare-table']").is_none());
}

#[wasm_bindgen_test]
async fn the_snippets_panel_shows_the_cli_text_and_follows_the_new_inputs() {
    use avi_sizer::report::snippets::Snippet;
    use avi_sizer::scenario::{ControlPlaneSize, HaMode};
    let mut s = Scenario::default();
    s.se_group.ha_mode = Some(HaMode::ActiveActive);
    s.se_group.max_scaleout_per_vs = Some(6);
    let page = mount(&format!("s={}", link::encode(&s))).await;
    let shown = |kind: Snippet| page.text(&format!("[data-testid='snippet-{}'] pre", kind.key()));
    let render = |s: &Scenario, kind: Snippet| kind.render(&plan_of(s).supervisors[0]);
    page.wait_for("[data-testid='snippet-terraform'] pre").await;
    for kind in Snippet::ALL {
        assert_eq!(shown(kind), render(&s, kind), "{kind:?}");
    }
    assert_eq!(page.input("se_group-max_scaleout_per_vs").value(), "6");
    assert!(shown(Snippet::Avi).contains("\"max_scaleout_per_vs\": 6"));

    // Typing the scale-out cap and picking a Tiny control plane reach the snippets.
    page.type_into("se_group-max_scaleout_per_vs", "12").await;
    s.se_group.max_scaleout_per_vs = Some(12);
    let want = render(&s, Snippet::Avi);
    wait_until("the Avi snippet follows max_scaleout_per_vs", || shown(Snippet::Avi) == want).await;
    let select = page.select("supervisors-0-control_plane_size");
    assert_eq!(select.value(), "small");
    select.set_value("tiny");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    s.supervisors[0].control_plane_size = ControlPlaneSize::Tiny;
    let want = render(&s, Snippet::Terraform);
    assert!(want.contains("sizing_hint     = \"TINY\"") && want.contains("address = \"10.96.0.0\"\n    prefix  = 24"));
    wait_until("the Terraform snippet follows the control plane size", || shown(Snippet::Terraform) == want).await;
    assert_eq!(scenario_in_url(), s);
}

/// Issue 8: "How this is computed" states every rule the answer used, from the
/// engine's catalogue; a link made under rules 1 says what the current rules moved,
/// until the user changes the scenario (it is then made under the current rules).
#[wasm_bindgen_test]
async fn how_this_is_computed_lists_the_rules_of_the_answer_and_what_changed() {
    use avi_sizer::rules::catalogue;
    let page = mount("").await;
    page.wait_for("[data-testid='method']").await;
    let plan = plan_of(&Scenario::default());
    assert_eq!(page.count("[data-testid='method'] li[data-rule]"), plan.rules.applied.len() as u32);
    for id in &plan.rules.applied {
        let item = format!("[data-testid='method'] li[data-rule='{}']", id.key());
        assert_eq!(page.count(&item), 1, "{id:?}");
        let e = catalogue::entry(*id);
        assert!(page.text(&item).contains(e.source), "{id:?}");
    }
    assert!(page.find("[data-testid='rules-changes']").is_none());

    let mut old = Scenario::default();
    old.rules_version = None;
    let page = mount(&format!("s={}", link::encode(&old))).await;
    page.wait_for("[data-testid='rules-changes']").await;
    let changed = plan_of(&old).rules.changes;
    assert!(!changed.is_empty());
    assert!(page.text("[data-testid='method']").contains(&changed[0].text));
    page.type_into("supervisors-0-namespaces-0-count", "11").await;
    let mut eleven = old.clone();
    eleven.supervisors[0].namespaces[0].count = 11;
    page.wait_text("[data-testid='se-total-0']", &total(&eleven, 0)).await;
    assert!(page.find("[data-testid='rules-changes']").is_none(), "an edited scenario is made under the current rules");
}

/// Issue 8: the new inputs are on the form with their defaults and reasons.
#[wasm_bindgen_test]
async fn the_new_inputs_show_their_defaults_and_reasons() {
    let page = mount("").await;
    let fields = [
        ("supervisors-0-supervisor_services", "Default: 0.", "namespace of its own"),
        ("supervisors-0-namespaces-0-vm_service_vms", "Default: 0.", "namespace segment"),
        ("supervisors-0-namespaces-0-node_pools", "Default: 1.", "one surge node per node pool"),
        ("capacity-max_http_rps_per_se", "Default: 160000.", "160k requests/s"),
        ("capacity-max_ssl_gbps_per_se", "Default: 7.", "SSL"),
        ("capacity-max_rsa2k_tps_per_se", "Default: 40000.", "RSA-2K"),
        ("capacity-max_ecc_tps_per_se", "Default: 40000.", "ECC"),
    ];
    for (id, default, reason) in fields {
        assert!(page.find(&format!("#{id}")).is_some(), "{id} is on the form");
        let hint = page.text(&format!("#{id}-hint"));
        assert!(hint.contains(default) && hint.contains(reason), "{id}: {hint}");
    }
    // Typed, they reach the scenario the page plans (and the share link).
    page.type_into("supervisors-0-supervisor_services", "2").await;
    let mut s = Scenario::default();
    s.supervisors[0].supervisor_services = 2;
    sleep(50).await;
    assert_eq!(scenario_in_url(), s, "the link carries the new input");
}

#[wasm_bindgen_test]
async fn a_supervisor_switched_to_vds_shows_its_inputs_and_the_engines_numbers() {
    use avi_sizer::scenario::{PlatformKind, RangeSpec, WorkloadNetworkSpec};
    let page = mount("").await;
    let platform = page.select("supervisors-0-platform");
    platform.set_value("vds");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    platform.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
    page.wait_for("#section-vds").await;
    // The pool is an NSX input: cleared, and the notice says so.
    assert!(page.text("[data-testid='notice']").contains("networks.address_pool"), "{}", page.text("[data-testid='notice']"));
    page.click("[data-testid='add-wl-0']").await;
    page.wait_for("#supervisors-0-vds-workload_networks-0-ranges").await;
    page.type_into("supervisors-0-vds-workload_networks-0-ranges", "10.30.1.10+40").await;
    page.type_into("supervisors-0-vds-data_network-ranges", "10.30.10.10-10.30.10.59").await;
    let mut s = Scenario::default();
    s.supervisors[0].set_platform(PlatformKind::Vds);
    let range = |address: &str, count| vec![RangeSpec { address: address.into(), count }];
    s.supervisors[0].vds.workload_networks = vec![WorkloadNetworkSpec { ranges: range("10.30.1.10", 40), ..WorkloadNetworkSpec::new("wl-1") }];
    s.supervisors[0].vds.data_network.ranges = range("10.30.10.10", 50);
    let plan = plan_of(&s);
    let v = plan.supervisors[0].vds.as_ref().unwrap();
    let pool = &v.avi.data_network;
    page.wait_text("[data-testid='vds-pool-0']", &format!("{} addresses, /{}", pool.addresses, pool.prefix)).await;
    page.wait_text("[data-testid='se-total-0']", &total(&s, 0)).await;
    let w = &v.workload_networks[0].avi;
    assert_eq!(page.text("[data-testid='vds-wl-0-0']"), format!("wl-1: {} addresses, a /{} subnet ({} with growth)", w.addresses, w.prefix, w.with_growth));
    // Text that is not a range stays as typed and is marked.
    page.type_into("supervisors-0-vds-data_network-ranges", "10.30.10.10").await;
    assert_eq!(page.input("supervisors-0-vds-data_network-ranges").value(), "10.30.10.10");
    assert_eq!(page.input("supervisors-0-vds-data_network-ranges").get_attribute("aria-invalid").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn a_supervisor_switched_to_vpcs_shows_its_inputs_and_the_engines_numbers() {
    use avi_sizer::scenario::PlatformKind;
    let page = mount("").await;
    let platform = page.select("supervisors-0-platform");
    platform.set_value("nsx_vpc");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    platform.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
    page.wait_for("#section-vpc").await;
    // The pool is an NSX T1 input: cleared, and the notice says so.
    assert!(page.text("[data-testid='notice']").contains("networks.address_pool"), "{}", page.text("[data-testid='notice']"));
    page.type_into("supervisors-0-vpc-external_blocks", "192.168.100.0/24").await;
    page.type_into("supervisors-0-vpc-private_cidrs", "172.16.0.0/16").await;
    let mut s = Scenario::default();
    s.supervisors[0].set_platform(PlatformKind::NsxVpc);
    s.supervisors[0].vpc.external_blocks = vec!["192.168.100.0/24".into()];
    s.supervisors[0].vpc.private_cidrs = vec!["172.16.0.0/16".into()];
    let plan = plan_of(&s);
    let v = plan.supervisors[0].vpc.as_ref().unwrap();
    page.wait_for("[data-testid='vpc-0-0']").await;
    page.wait_text("[data-testid='se-total-0']", &total(&s, 0)).await;
    // The VPCs table: the system VPC and the group's ten, from the engine.
    assert!(page.text("[data-testid='vpc-0-0']").contains(&v.vpcs[1].name), "{}", page.text("[data-testid='vpc-0-0']"));
    assert_eq!(v.vrfs, 11);
    // The comparison with the NSX load balancer, asked for with one click.
    page.click("#supervisors-0-nsx_lb").await;
    page.wait_for("[data-testid='nsx-lb-0-0']").await;
    s.supervisors[0].nsx_lb = Some(Default::default());
    let lb = plan_of(&s).supervisors[0].nsx_lb.clone().unwrap();
    assert!(page.text("[data-testid='nsx-lb-0-0']").contains(&format!("{} load balancers", lb.load_balancers)));
}
