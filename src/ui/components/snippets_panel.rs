//! Configuration a user would otherwise type by hand, per Supervisor: the Avi SE
//! group (API JSON), the T0 route aggregation prefixes and a Terraform
//! `vsphere_supervisor` block, each from `report::snippets`, with a Copy button.


use crate::plan::Plan;
use crate::report::snippets;
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
            plan.supervisors.get(i).map(|sp| {
                (snippets::avi_se_group(sp), snippets::t0_route_aggregation(sp), snippets::terraform(sp))
            })
        })
    };
    let Some((se_group, routes, terraform)) = (*texts).clone() else { return Html::default() };
    let on_pick = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| chosen.set(e.target_unchecked_into::<HtmlSelectElement>().value().parse().unwrap_or(0)))
    };
    let options = props.plan.supervisors.iter().enumerate().map(|(k, s)| {
        html! { <option value={k.to_string()} selected={k == i}>{ s.name.clone() }</option> }
    });
    let several = props.plan.supervisors.len() > 1;
    html! {
        <section class="card snippets" aria-labelledby="snippets-title" data-testid="snippets">
            <h2 id="snippets-title">{ "Configuration snippets" }</h2>
            if several {
                <div class="field inline">
                    <label for="snippets-supervisor">{ "Supervisor" }</label>
                    <select id="snippets-supervisor" onchange={on_pick}>{ for options }</select>
                </div>
            }
            <CodeBlock title="Avi SE group (API JSON fields)" text={se_group} testid="snippet-se-group" />
            <CodeBlock title="T0 route aggregation" text={routes} testid="snippet-t0" />
            <CodeBlock title="Terraform vsphere_supervisor" text={terraform} testid="snippet-terraform" />
        </section>
    }
}
