//! "Copy link": the page's URL with the whole scenario in its fragment. When the
//! clipboard is not available (an insecure context, a refusal), the link is shown
//! in a selected read-only field instead.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::state::{Action, NoticeKind};
use crate::ui::web;

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    /// `link::encode` of the current scenario.
    pub code: AttrValue,
    pub on_action: Callback<Action>,
    /// More controls at the end of the row (the Embed disclosure).
    #[prop_or_default]
    pub children: Html,
}

#[function_component(ShareBar)]
pub fn share_bar(props: &ShareProps) -> Html {
    let shown = use_state(|| Option::<String>::None);
    let input = use_node_ref();
    let url = format!("{}#s={}", web::base_url(), props.code);

    let on_copy = {
        let shown = shown.clone();
        let cb = props.on_action.clone();
        let url = url.clone();
        Callback::from(move |_: MouseEvent| {
            let shown = shown.clone();
            let cb = cb.clone();
            let url = url.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match web::copy(&url).await {
                    Ok(()) => {
                        shown.set(None);
                        cb.emit(Action::Notify(NoticeKind::Success, "Link copied: it reproduces this page exactly.".into()));
                    }
                    Err(()) => shown.set(Some(url)),
                }
            });
        })
    };
    let on_show = {
        let shown = shown.clone();
        let url = url.clone();
        Callback::from(move |_: MouseEvent| shown.set(if shown.is_some() { None } else { Some(url.clone()) }))
    };
    let on_reset = {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Action::Reset))
    };
    let on_focus = Callback::from(|e: FocusEvent| e.target_unchecked_into::<HtmlInputElement>().select());
    {
        // Select the fallback link as soon as it appears, ready for Ctrl+C.
        let input = input.clone();
        use_effect_with(shown.is_some(), move |visible| {
            if *visible {
                if let Some(el) = input.cast::<HtmlInputElement>() {
                    let _ = el.focus();
                    el.select();
                }
            }
        });
    }
    // Keep the shown link current while the scenario changes.
    let link = shown.as_ref().map(|_| url.clone());
    let show_label = if shown.is_some() { "Hide link" } else { "Show link" };
    html! {
        <div class="share">
            <div class="actions">
                <button type="button" class="primary" onclick={on_copy} data-testid="copy-link">{ "Copy link" }</button>
                <button type="button" onclick={on_show} aria-expanded={shown.is_some().to_string()}>{ show_label }</button>
                <button type="button" onclick={on_reset} data-testid="reset">{ "Reset to default" }</button>
                { props.children.clone() }
            </div>
            if let Some(link) = link {
                <div class="field wide">
                    <label for="share-link">{ "Link to this page (select and copy)" }</label>
                    <input id="share-link" data-testid="share-link" type="text" readonly=true value={link}
                        ref={input} onfocus={on_focus} />
                </div>
            }
        </div>
    }
}
