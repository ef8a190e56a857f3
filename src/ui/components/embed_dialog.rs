//! "Embed": a disclosure with the iframe snippet for the current scenario
//! (`?embed&readonly#s=…`, or `?embed` for a live calculator), plus the few lines
//! a host page needs to follow the frame's height, with a Copy button.

use yew::prelude::*;

use super::code_block::CodeBlock;
use crate::ui::web;

#[derive(Properties, PartialEq)]
pub struct EmbedProps {
    /// `link::encode` of the current scenario.
    pub code: AttrValue,
}

/// The host-page listener that sizes the frame from its `avi-sizer:height` messages.
const LISTENER: &str = "<script>\naddEventListener(\"message\", function (e) {\n  if (!e.data || e.data.type !== \"avi-sizer:height\") return;\n  for (const f of document.getElementsByTagName(\"iframe\"))\n    if (f.contentWindow === e.source) f.height = e.data.height;\n});\n</script>";

/// The iframe tag (and listener) for a page at `page` showing scenario `code`.
pub fn snippet(page: &str, code: &str, readonly: bool) -> String {
    let query = if readonly { "?embed&readonly" } else { "?embed" };
    format!(
        "<iframe src=\"{page}{query}#s={code}\" title=\"Avi Service Engine sizing\" width=\"100%\" height=\"480\" \
         style=\"border:0\" loading=\"lazy\"></iframe>\n{LISTENER}"
    )
}

#[function_component(EmbedDialog)]
pub fn embed_dialog(props: &EmbedProps) -> Html {
    let open = use_state(|| false);
    let readonly = use_state(|| true);
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let on_readonly = {
        let readonly = readonly.clone();
        Callback::from(move |_: Event| readonly.set(!*readonly))
    };
    let text = snippet(&web::page_url(), &props.code, *readonly);
    html! {
        <div class="embed-dialog">
            <button type="button" onclick={on_toggle} aria-expanded={open.to_string()} aria-controls="embed-panel"
                data-testid="embed-toggle">{ "Embed…" }</button>
            if *open {
                <div id="embed-panel" class="embed-panel" role="region" aria-label="Embed this calculator">
                    <p class="muted">
                        { "Paste this into a documentation page: the frame shows this scenario and resizes itself \
                           to its content." }
                    </p>
                    <div class="field check">
                        <input id="embed-readonly" type="checkbox" checked={*readonly} onchange={on_readonly} />
                        <label for="embed-readonly">{ "Read-only (a fixed scenario, no inputs)" }</label>
                    </div>
                    <CodeBlock title="Iframe snippet" {text} testid="embed-snippet" />
                </div>
            }
        </div>
    }
}
