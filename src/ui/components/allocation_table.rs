//! Per-namespace allocations: subnets, TKG cluster segments, SNAT IP and VIPs.
//! Paged: a Supervisor may have thousands of namespaces.


use crate::network::NamespaceNet;
use crate::plan::Plan;
use yew::prelude::*;

use crate::ui::state::Shared;

use super::format::int;
use super::copy_table::{CopyTable, TableRef};
use super::paged_rows::PagedTable;

#[derive(Properties, PartialEq)]
pub struct AllocationProps {
    pub plan: Shared<Plan>,
    pub index: usize,
}

/// Cluster segments listed in a cell before "and N more".
const CLUSTERS_SHOWN: usize = 3;

fn vips(ns: &NamespaceNet) -> String {
    if !ns.vip_ranges.is_empty() {
        return ns.vip_ranges.iter().map(|r| format!("{} – {} ({})", r.first, r.last, int(r.count))).collect::<Vec<_>>().join("; ");
    }
    match ns.vips.as_slice() {
        [first, last] if first != last => format!("{first} – {last} ({})", int(ns.vip_count)),
        [one, ..] => one.clone(),
        [] => "—".into(),
    }
}

fn clusters(ns: &NamespaceNet) -> String {
    let mut text = ns
        .clusters
        .iter()
        .take(CLUSTERS_SHOWN)
        .map(|c| format!("{}: {}", c.name, c.segments.join(", ")))
        .collect::<Vec<_>>()
        .join("; ");
    if ns.clusters.len() > CLUSTERS_SHOWN {
        text.push_str(&format!("; and {} more", ns.clusters.len() - CLUSTERS_SHOWN));
    }
    if text.is_empty() {
        text.push('—');
    }
    text
}

fn row(ns: &NamespaceNet) -> Html {
    let snat = ns.snat_ip.clone().unwrap_or_else(|| "—".into());
    let subnets = if ns.subnets.is_empty() { "—".to_string() } else { ns.subnets.join(", ") };
    html! {
        <tr>
            <th scope="row">{ ns.name.clone() }</th>
            <td>{ ns.t0.clone() }</td>
            <td class="cidr">{ subnets }</td>
            <td class="cidr">{ clusters(ns) }</td>
            <td class="cidr">{ snat }</td>
            <td class="cidr">{ vips(ns) }</td>
        </tr>
    }
}

#[function_component(AllocationTable)]
pub fn allocation_table(props: &AllocationProps) -> Html {
    let Some(sup) = props.plan.supervisors.get(props.index) else { return Html::default() };
    if sup.net.namespaces.is_empty() {
        return Html::default();
    }
    let len = sup.net.namespaces.len();
    let (plan, index) = (props.plan.clone(), props.index);
    let rows = Callback::from(move |k: usize| {
        plan.supervisors.get(index).and_then(|p| p.net.namespaces.get(k)).map(row).unwrap_or_default()
    });
    let head = html! {
        <tr>
            <th scope="col">{ "Namespace" }</th>
            <th scope="col">{ "T0" }</th>
            <th scope="col">{ "Namespace subnets" }</th>
            <th scope="col">{ "TKG cluster segments" }</th>
            <th scope="col">{ "SNAT IP" }</th>
            <th scope="col">{ "VIPs" }</th>
        </tr>
    };
    let testid = format!("allocations-{}", props.index);
    let tools = html! { <CopyTable plan={props.plan.clone()} table={TableRef::Allocations(props.index)} /> };
    html! {
        <PagedTable caption="Per-namespace allocations" {head} {len} row={rows} page={10} {testid} {tools} />
    }
}
