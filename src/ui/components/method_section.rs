//! "How this is computed": every rule the current answer used, with its source and
//! what the engine models where the sources are silent, rendered from the engine's
//! catalogue for the ids the plan lists (`plan.rules.applied`), so the text cannot
//! drift from the code (folded, so the page and its printout stay short); and, for a
//! scenario made under older rules, what the current rules moved (`plan.rules.changes`).

use yew::prelude::*;

use crate::plan::Plan;
use crate::rules::catalogue;
use crate::ui::state::Shared;

#[derive(Properties, PartialEq)]
pub struct MethodProps {
    /// Compared by address: the section renders again only for a new plan.
    pub plan: Shared<Plan>,
}

#[function_component(MethodSection)]
pub fn method_section(props: &MethodProps) -> Html {
    let rules = &props.plan.rules;
    let changes = rules.changes.iter().map(|c| html! { <li>{ format!("{}: {}", c.scope, c.text) }</li> });
    let changed = (!rules.changes.is_empty())
        .then(|| format!("This scenario was made under rules {}; it is computed with rules {}, which moved:", rules.made_under, rules.version));
    let entries = catalogue::entries(&rules.applied).into_iter().map(|e| {
        html! {
            <li data-rule={e.id.key()}>
                <strong>{ e.title }</strong>{ ". " }{ e.text }
                <span class="muted">{ " Source: " }{ e.source }{ "." }</span>
                if let Some(m) = e.modelled { <em>{ " Modelled here: " }{ m }</em> }
            </li>
        }
    });
    html! {
        <section class="card method" aria-labelledby="method-title" data-testid="method">
            <h2 id="method-title">{ "How this is computed" }</h2>
            if let Some(text) = changed {
                <p class="notice info" data-testid="rules-changes">{ text }</p>
                <ul>{ for changes }</ul>
            }
            <details>
                <summary>{ format!("The {} rules this answer used (rules version {}), each with its source", rules.applied.len(), rules.version) }</summary>
                <ul>{ for entries }</ul>
            </details>
        </section>
    }
}
