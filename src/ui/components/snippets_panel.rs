//! Configuration a user would otherwise type by hand, per Supervisor: the Avi SE
//! group requests, the NSX T0 route aggregation and a Terraform `vsphere_supervisor`
//! block, each the text of [`Snippet::render`] (what `sizer snippet` prints), with a
//! Copy button.

use crate::plan::Plan;
use crate::report::snippets::Snippet;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::ui::state::Shared;

use super::code_block::CodeBlock;

#[derive(Properties, PartialEq)]
pub struct SnippetsProps {
    pub plan: Shared<Plan>,
}

#[function_component(SnippetsPanel)]
pub fn snippets_panel(props: &SnippetsProps) -> Html {
    let chosen = use_state(|| 0usize);
    let i = (*chosen).min(props.plan.supervisors.len().saturating_sub(1));
    let texts = {
        let plan = props.plan.clone();
        use_memo((props.plan.ptr(), i), move |_| {
            plan.supervisors.get(i).map(|sp| Snippet::ALL.map(|kind| (kind, kind.title_for(sp), AttrValue::from(kind.render(sp)))))
        })
    };
    let Some(texts) = (*texts).clone() else { return Html::default() };
    let blocks = texts.into_iter().map(|(kind, title, text)| {
        let testid = format!("snippet-{}", kind.key());
        html! { <CodeBlock {title} {text} {testid} /> }
    });
    let on_pick = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| chosen.set(e.target_unchecked_into::<HtmlSelectElement>().value().parse().unwrap_or(0)))
    };
    let options = props.plan.supervisors.iter().enumerate().map(|(k, s)| {
        html! { <option value={k.to_string()} selected={k == i}>{ s.name.clone() }</option> }
    });
    let several = props.plan.supervisors.len() > 1;
    // An h3 between the panel's h2 and each block's h4 keeps the heading order.
    let heading = props.plan.supervisors.get(i).map(|sp| format!("Supervisor {}", sp.name)).unwrap_or_default();
    html! {
        <section class="card snippets" aria-labelledby="snippets-title" data-testid="snippets">
            <h2 id="snippets-title">{ "Configuration snippets" }</h2>
            if several {
                <div class="field inline">
                    <label for="snippets-supervisor">{ "Supervisor" }</label>
                    <select id="snippets-supervisor" onchange={on_pick}>{ for options }</select>
                </div>
            }
            <h3>{ heading }</h3>
            { for blocks }
        </section>
    }
}
