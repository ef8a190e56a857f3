//! Northbound routes per T0: what each T0 advertises, the /32 host routes it
//! would carry without aggregation, and the aggregates to configure instead.


use crate::network::T0Routes;
use crate::plan::Plan;
use yew::prelude::*;

use crate::ui::state::Shared;

use super::copy_table::{CopyTable, TableRef};

use super::format::{count, int};

#[derive(Properties, PartialEq)]
pub struct RoutesProps {
    pub plan: Shared<Plan>,
    pub index: usize,
}

fn t0(r: &T0Routes) -> Html {
    let mut served: Vec<String> = Vec::new();
    if r.supervisor {
        served.push("the Supervisor".into());
    }
    served.extend(r.groups.iter().map(|g| format!("group {g}")));
    let title = format!("{} ({}) — T1s of {}", r.t0, r.kind.key(), if served.is_empty() { "none".into() } else { served.join(", ") });
    let advertised = r.advertised.iter().map(|a| {
        html! {
            <tr>
                <td class="cidr">{ a.cidr.clone() }</td>
                <td>{ a.role.label() }</td>
                <td>{ a.scope.clone() }</td>
                <td class="num">{ int(a.routes) }</td>
            </tr>
        }
    });
    let without = format!(
        "Without aggregation: {} and {}.",
        count(r.host_routes, "/32 host route", "/32 host routes"),
        count(r.subnet_routes, "segment route", "segment routes")
    );
    let with = if r.aggregates.is_empty() {
        "No aggregate needed.".to_string()
    } else {
        format!(
            "Configure route aggregation on {}: {} — then {} advertised.",
            r.t0,
            r.aggregates.join(", "),
            count(r.routes_with_aggregation, "route is", "routes are")
        )
    };
    html! {
        <div class="t0">
            <h4>{ title }</h4>
            <div class="table-wrap">
                <table>
                    <caption class="sr-only">{ format!("Prefixes {} advertises", r.t0) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Prefix" }</th>
                            <th scope="col">{ "Network" }</th>
                            <th scope="col">{ "Of" }</th>
                            <th scope="col">{ "Routes inside" }</th>
                        </tr>
                    </thead>
                    <tbody>{ for advertised }</tbody>
                </table>
            </div>
            <p>{ without }</p>
            <p><strong>{ with }</strong></p>
        </div>
    }
}

#[function_component(RoutesTable)]
pub fn routes_table(props: &RoutesProps) -> Html {
    let Some(sup) = props.plan.supervisors.get(props.index) else { return Html::default() };
    if sup.net.routes.is_empty() {
        return Html::default();
    }
    let t0s = sup.net.routes.iter().map(t0);
    html! {
        <div class="routes" data-testid={format!("routes-{}", props.index)}>
            <h3>{ "Routes and aggregates" }</h3>
            <div class="table-tools"><CopyTable plan={props.plan.clone()} table={TableRef::Routes(props.index)} /></div>
            { for t0s }
        </div>
    }
}
