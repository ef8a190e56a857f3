//! Headroom: how many more namespaces fit before the next SE, and the steps at
//! which the SE count changes (today's namespaces, then projected).


use crate::plan::Plan;
use yew::prelude::*;

use crate::ui::state::Shared;

use super::format::{count, int};
use super::copy_table::{CopyTable, TableRef};
use super::paged_rows::PagedTable;

#[derive(Properties, PartialEq)]
pub struct HeadroomProps {
    pub plan: Shared<Plan>,
    pub index: usize,
}

#[function_component(HeadroomTable)]
pub fn headroom_table(props: &HeadroomProps) -> Html {
    let Some(sup) = props.plan.supervisors.get(props.index) else { return Html::default() };
    let h = &sup.headroom;
    let summary = match (&h.reference_group, h.namespaces_before_next_se) {
        (Some(g), Some(k)) => format!(
            "{} like '{g}' ({} each) fit before the next SE is created.",
            count(k, "more namespace", "more namespaces"),
            count(h.vs_per_namespace, "VS", "VSes")
        ),
        (Some(g), None) => format!("Namespaces like '{g}' host no virtual service and never need another SE."),
        _ => "No namespace group: add one to see how the SE count grows.".to_string(),
    };
    let plan = props.plan.clone();
    let index = props.index;
    let len = h.steps.len();
    let row = Callback::from(move |k: usize| {
        let Some(s) = plan.supervisors.get(index).and_then(|p| p.headroom.steps.get(k)) else { return Html::default() };
        {
            let class = if s.projected { "projected" } else { "" };
            let when = if s.projected { "projected" } else { "today" };
            html! {
                <tr class={class}>
                    <td class="num">{ int(s.namespaces) }</td>
                    <td class="num">{ int(s.carrying_load as u64) }</td>
                    <td class="num">{ int(s.total as u64) }</td>
                    <td>{ s.binding.label() }</td>
                    <td>{ when }</td>
                </tr>
            }
        }
    });
    let head = html! {
        <tr>
            <th scope="col">{ "Namespaces" }</th>
            <th scope="col">{ "SEs carrying load" }</th>
            <th scope="col">{ "Total SEs" }</th>
            <th scope="col">{ "Last SE added for" }</th>
            <th scope="col">{ "When" }</th>
        </tr>
    };
    let testid = format!("headroom-{}", props.index);
    let tools = html! { <CopyTable plan={props.plan.clone()} table={TableRef::Growth(props.index)} /> };
    html! {
        <div class="headroom">
            <h3>{ "Headroom" }</h3>
            <p data-testid={format!("headroom-summary-{}", props.index)}>{ summary }</p>
            <PagedTable caption="Where the SE count steps up" {head} {len} {row} page={10} {testid} {tools} />
        </div>
    }
}
