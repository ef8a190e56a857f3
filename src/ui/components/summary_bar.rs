//! On a phone the results sit below the inputs: this bar, fixed at the bottom of
//! narrow screens, keeps each Supervisor's SE total in view while typing.


use crate::plan::Plan;
use yew::prelude::*;

use crate::ui::state::Shared;

use super::format::count;
use crate::ui::web;

#[derive(Properties, PartialEq)]
pub struct SummaryBarProps {
    pub plan: Option<Shared<Plan>>,
    pub stale: bool,
}

#[function_component(SummaryBar)]
pub fn summary_bar(props: &SummaryBarProps) -> Html {
    let Some(plan) = &props.plan else { return Html::default() };
    let text = plan
        .supervisors
        .iter()
        .map(|s| match s.vds.as_ref().filter(|v| v.edge == crate::scenario::EdgeProvider::Foundation) {
            Some(v) => format!("{}: {}", s.name, count(u64::from(v.flb.appliances), "FLB appliance", "FLB appliances")),
            None => format!("{}: {}", s.name, count(s.service_engines.total as u64, "SE", "SEs")),
        })
        .collect::<Vec<_>>()
        .join(" · ");
    let note = if props.stale { " (last valid input)" } else { "" };
    let on_click = Callback::from(|_: MouseEvent| web::focus_path("results"));
    html! {
        <div class="summary-bar">
            <span>{ text }{ note }</span>
            <button type="button" class="link" onclick={on_click}>{ "See results" }</button>
        </div>
    }
}
