//! The design as a whole: NSX managers and clouds, Avi controller clusters with
//! their size, the DNS SE group, and the resources of every SE group together.


use crate::plan::Plan;
use crate::sizing::ControllerCluster;
use yew::prelude::*;

use crate::ui::state::Shared;

use super::copy_table::{CopyTable, TableRef};
use super::format::{count, int};
use super::topology_picture::TopologyPicture;
use crate::scenario::Scenario;

#[derive(Properties, PartialEq)]
pub struct TopologyProps {
    pub plan: Shared<Plan>,
    /// The scenario `plan` was computed from (the topology picture needs its design).
    pub scenario: Shared<Scenario>,
}

fn cluster(c: &ControllerCluster) -> Html {
    let size = format!("{} ({} nodes × {} vCPU / {} GB)", c.size, c.nodes, c.vcpus_per_node, c.memory_gb_per_node);
    let dns = c
        .dns_se_group
        .as_ref()
        .map(|d| format!("{} ({} VS)", count(d.total as u64, "SE", "SEs"), d.virtual_services))
        .unwrap_or_else(|| "—".into());
    html! {
        <tr>
            <th scope="row">{ c.name.clone() }</th>
            <td>{ c.supervisors.join(", ") }</td>
            <td class="num">{ int(c.virtual_services) }</td>
            <td class="num">{ int(c.service_engines) }</td>
            <td>{ size }</td>
            <td>{ dns }</td>
        </tr>
    }
}

#[function_component(TopologySummary)]
pub fn topology_summary(props: &TopologyProps) -> Html {
    let t = &props.plan.topology;
    let clusters = t.controller_clusters.iter().map(cluster);
    let r = &t.resources;
    let totals = format!(
        "All SE groups together: {} vCPU, {} GB memory, {} GB disk, {} Service Units.",
        int(r.vcpus),
        int(r.memory_gb),
        int(r.disk_gb),
        int(r.service_units)
    );
    let nsx = format!(
        "{}: {} and {}.",
        t.topology.label(),
        count(t.nsx_managers as u64, "NSX manager", "NSX managers"),
        count(t.nsx_clouds as u64, "Avi NSX cloud", "Avi NSX clouds")
    );
    html! {
        <section class="card topology" aria-labelledby="topology-title">
            <h2 id="topology-title">{ "Whole design" }</h2>
            <p>{ nsx }</p>
            <p data-testid="total-resources"><strong>{ totals }</strong></p>
            <div class="table-wrap">
                <div class="table-tools"><CopyTable plan={props.plan.clone()} table={TableRef::Controllers} /></div>
                <table>
                    <caption>{ "Avi controller clusters" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Cluster" }</th>
                            <th scope="col">{ "Supervisors" }</th>
                            <th scope="col">{ "VSes" }</th>
                            <th scope="col">{ "SEs" }</th>
                            <th scope="col">{ "Size" }</th>
                            <th scope="col">{ "DNS SE group" }</th>
                        </tr>
                    </thead>
                    <tbody>{ for clusters }</tbody>
                </table>
            </div>
            <TopologyPicture plan={props.plan.clone()} scenario={props.scenario.clone()} />
        </section>
    }
}
