//! Import: a scenario JSON file, or JSON pasted into a text area. The reducer
//! reads it (`Action::Import`); a refusal (path and reason) stands beside these
//! controls and the current scenario stays.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::FormProps;
use crate::ui::state::Action;
use crate::ui::web;

#[function_component(ImportPanel)]
pub fn import_panel(props: &FormProps) -> Html {
    let pasted = use_state(String::new);
    let on_file = {
        let cb = props.on_action.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            // The same file may be picked again after an edit.
            input.set_value("");
            let cb = cb.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match web::read_file(file).await {
                    Ok(text) => cb.emit(Action::Import(text)),
                    Err(e) => cb.emit(Action::ImportRefused(format!("Not imported — {e}. The current scenario is kept."))),
                }
            });
        })
    };
    let on_paste = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| pasted.set(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    let on_load = {
        let cb = props.on_action.clone();
        let pasted = pasted.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Action::Import((*pasted).clone())))
    };
    let error = props.state.import_error.clone();
    let invalid = error.is_some().to_string();
    let described = error.as_ref().map(|_| "import-error");
    html! {
        <section class="card import" aria-labelledby="import-title" data-testid="import">
            <h2 id="import-title">{ "Import a scenario" }</h2>
            <div class="field">
                <label for="import-file">{ "From a JSON file" }</label>
                <input id="import-file" type="file" accept=".json,application/json" onchange={on_file}
                    aria-invalid={invalid.clone()} aria-describedby={described} data-testid="import-file" />
            </div>
            <div class="field">
                <label for="import-text">{ "Or paste scenario JSON" }</label>
                <textarea id="import-text" rows="4" spellcheck="false" value={(*pasted).clone()} oninput={on_paste}
                    aria-invalid={invalid} aria-describedby={described} data-testid="import-text"
                    placeholder="{ \"supervisors\": [ … ] }" />
            </div>
            <div class="actions">
                <button type="button" class="primary" onclick={on_load} data-testid="import-load">{ "Load" }</button>
            </div>
            if let Some(e) = error {
                <p class="error" id="import-error" role="alert" data-testid="import-error">{ e }</p>
            }
        </section>
    }
}
