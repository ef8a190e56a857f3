//! The compact, chrome-less page for an iframe (`?embed`): the key inputs and
//! each Supervisor's SE result with its SE map; read-only (`?embed&readonly`)
//! without any input. A link opens the full calculator on the same scenario.


use crate::plan::Plan;
use yew::prelude::*;

use crate::ui::state::Shared;

use super::format::int;
use super::se_map_picture::SeMapPicture;
use super::{field, FormProps};
use crate::ui::fields::{Field, GroupField, SeField};
use crate::ui::web;

/// Namespace-group counts offered as inputs at most (the rest: full calculator).
const MAX_GROUP_INPUTS: usize = 4;

#[derive(Properties, PartialEq)]
pub struct EmbedViewProps {
    pub form: FormProps,
    pub readonly: bool,
    /// `link::encode` of the current scenario.
    pub code: AttrValue,
}

fn key_inputs(form: &FormProps) -> Html {
    let s = &form.state.scenario;
    let groups = s
        .supervisors
        .iter()
        .enumerate()
        .flat_map(|(i, sup)| (0..sup.namespaces.len()).map(move |j| (i, j)))
        .take(MAX_GROUP_INPUTS)
        .map(|(i, j)| {
            let name = s.supervisors.get(i).and_then(|sup| sup.namespaces.get(j)).map(|g| g.name.clone()).unwrap_or_default();
            html! {
                <div class="embed-group">
                    <span class="muted">{ format!("Group {name}") }</span>
                    { field(form, Field::Group(i, j, GroupField::Count)) }
                </div>
            }
        });
    html! {
        <form class="embed-inputs" aria-label="Key inputs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <div class="grid">
                { field(form, Field::Se(SeField::HaMode)) }
                { field(form, Field::Se(SeField::DataNics)) }
                { for groups }
            </div>
        </form>
    }
}

fn result(plan: &Shared<Plan>, i: usize) -> Html {
    let Some(sup) = plan.supervisors.get(i) else { return Html::default() };
    let se = &sup.service_engines;
    let unit = if se.total == 1 { "Service Engine" } else { "Service Engines" };
    let why = format!("{} — {}", se.binding.label(), sup.explanation.get(1).cloned().unwrap_or_default());
    let load = format!("{} · {}", sup.settings.ha_mode.label(), sup.name);
    html! {
        <section class="embed-result" data-testid={format!("supervisor-result-{i}")} aria-label={sup.name.clone()}>
            <div class="hero">
                <div class="big">
                    <span class="number" data-testid={format!("se-total-{i}")}>{ int(se.total as u64) }</span>
                    <span class="unit">{ unit }</span>
                </div>
                <div class="why" data-testid={format!("se-binding-{i}")}>
                    <p class="muted">{ load }</p>
                    <p><strong>{ why }</strong></p>
                </div>
            </div>
            <SeMapPicture plan={plan.clone()} index={i} />
        </section>
    }
}

#[function_component(EmbedView)]
pub fn embed_view(props: &EmbedViewProps) -> Html {
    let plan = props.form.state.plan.clone();
    let results = plan.iter().flat_map(|p| (0..p.supervisors.len()).map(move |i| result(p, i)));
    let full = format!("{}#s={}", web::page_url(), props.code);
    let errors = props.form.state.errors.iter().take(3).map(|e| html! { <li>{ e.to_string() }</li> });
    html! {
        <main class="embed-view" data-testid="embed-view">
            <h1 class="sr-only">{ "Avi Service Engine sizing" }</h1>
            if !props.readonly {
                { key_inputs(&props.form) }
            }
            if props.form.state.stale() || plan.is_none() {
                <ul class="notice stale" data-testid="notice">{ for errors }</ul>
            }
            { for results }
            <p class="embed-foot">
                <a href={full} target="_blank" rel="noopener">{ "Open in the full Avi SE & network sizer ↗" }</a>
            </p>
        </main>
    }
}
