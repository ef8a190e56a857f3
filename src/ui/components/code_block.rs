//! A block of text to copy (a configuration snippet, an iframe tag): a labelled
//! `<pre>` with a Copy button. Where the clipboard is refused, the text is
//! selected so that Ctrl+C takes it.

use yew::prelude::*;

use crate::ui::web;

#[derive(Properties, PartialEq)]
pub struct CodeBlockProps {
    pub title: AttrValue,
    pub text: AttrValue,
    #[prop_or_default]
    pub testid: AttrValue,
}

#[function_component(CodeBlock)]
pub fn code_block(props: &CodeBlockProps) -> Html {
    let status = use_state(|| "");
    let pre = use_node_ref();
    let on_copy = {
        let status = status.clone();
        let text = props.text.clone();
        let pre = pre.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            let text = text.clone();
            let pre = pre.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match web::copy(&text).await {
                    Ok(()) => status.set("Copied ✓"),
                    Err(()) => {
                        web::select_contents(&pre);
                        status.set("Selected: press Ctrl+C");
                    }
                }
            });
        })
    };
    let label = format!("Copy the {}", props.title.to_lowercase());
    html! {
        <div class="code-block" data-testid={props.testid.clone()}>
            <div class="code-head">
                <h4>{ props.title.clone() }</h4>
                <span class="muted code-status" aria-live="polite">{ *status }</span>
                <button type="button" class="small" onclick={on_copy} aria-label={label}>{ "Copy" }</button>
            </div>
            <pre ref={pre} tabindex="0"><code>{ props.text.clone() }</code></pre>
        </div>
    }
}
