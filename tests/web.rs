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

/// Sets the URL fragment without a history entry (`""`: no fragment).
fn set_fragment(fragment: &str) {
    let location = window().location();
    let base = format!("{}{}", location.pathname().unwrap(), location.search().unwrap());
    let url = if fragment.is_empty() { base } else { format!("{base}#{fragment}") };
    window().history().unwrap().replace_state_with_url(&JsValue::NULL, "", Some(&url)).unwrap();
}

/// Mounts the App with this URL fragment and an empty local storage.
async fn mount(fragment: &str) -> Page {
    set_fragment(fragment);
    window().local_storage().unwrap().unwrap().clear().unwrap();
    let document = window().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    let page = Page { root, handle: Some(handle) };
    page.wait_for("[data-testid='se-total-0']").await;
    page
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
        sleep(20).await;
    }

    async fn click(&self, selector: &str) {
        let el: web_sys::HtmlElement = self.find(selector).unwrap_or_else(|| panic!("no {selector}")).dyn_into().unwrap();
        el.click();
        sleep(20).await;
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

#[wasm_bindgen_test]
async fn seed_claim_needs_four_ses_with_nine_interfaces_and_two_with_ten() {
    // DOMAIN.md: 2 SEs at s = 2 carry the Supervisor plus 8 namespaces with 9 data
    // interfaces; the 9th namespace brings two more (4 in all). With 10, 2 suffice.
    let page = mount("").await;
    page.click("[data-testid='preset-seed-claim']").await;
    page.wait_text("[data-testid='se-total-0']", "4").await;
    assert!(page.text("[data-testid='se-binding-0']").contains("data interfaces"));
    assert_eq!(page.select("se_group-ha_mode").value(), "active_active", "selects follow a loaded preset");
    page.type_into("se_group-data_nics_per_se", "10").await;
    page.wait_text("[data-testid='se-total-0']", "2").await;
    // And back through the namespace count: 10 namespaces with 10 interfaces.
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
