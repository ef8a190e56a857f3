//! A Supervisor on VDS networking: the load balancer it is enabled with (the SE
//! count, or the Foundation Load Balancer's appliances) beside the other, the data
//! pool or VIP ranges, each workload network's addresses and subnet, and the inputs
//! that stand for assumptions. Every figure is the plan's; the tables are the
//! engine's (`report::tables`), as the exports render them.

use crate::plan::Plan;
use crate::report::tables;
use crate::scenario::EdgeProvider;
use yew::prelude::*;

use super::format::{count, int};
use super::report_table::ReportTable;
use super::results_summary::stat;
use crate::ui::state::Shared;

#[derive(Properties, PartialEq)]
pub struct VdsResultsProps {
    pub plan: Shared<Plan>,
    pub index: usize,
}

#[function_component(VdsResults)]
pub fn vds_results(props: &VdsResultsProps) -> Html {
    let i = props.index;
    // The engine's tables, built once per plan.
    let built = {
        let plan = props.plan.clone();
        use_memo((props.plan.ptr(), i), move |_| {
            plan.supervisors.get(i).map(|sp| [tables::vds_edges(sp), tables::vds_networks(sp), tables::vds_assumptions(sp)])
        })
    };
    let Some([edges, networks, assumptions]) = (*built).clone() else { return Html::default() };
    let Some(sp) = props.plan.supervisors.get(i) else { return Html::default() };
    let Some(v) = sp.vds.as_ref() else { return Html::default() };
    let e = &sp.se.service_engines;
    let (edge, headline) = match v.edge {
        EdgeProvider::Avi => ("Avi on a vCenter cloud", count(u64::from(e.total), "Service Engine", "Service Engines")),
        EdgeProvider::Foundation => (
            "the vSphere Foundation Load Balancer",
            format!("{} ({})", count(u64::from(v.flb.appliances), "FLB appliance", "FLB appliances"), v.flb.size.api()),
        ),
    };
    let pool = &v.avi.data_network;
    let nets = v.workload_networks.iter().enumerate().map(|(k, w)| {
        let d = if v.edge == EdgeProvider::Avi { &w.avi } else { &w.flb };
        let text = format!("{}: {} addresses, a /{} subnet ({} with growth)", w.name, int(d.addresses), d.prefix, int(d.with_growth));
        html! { <li data-testid={format!("vds-wl-{i}-{k}")}>{ text }</li> }
    });
    let note = (v.edge == EdgeProvider::Foundation).then(|| {
        html! {
            <p class="note" data-testid={format!("vds-flb-note-{i}")}>
                { "This Supervisor is enabled with the Foundation Load Balancer: the Service Engines below are Avi's side of the comparison." }
            </p>
        }
    });
    html! {
        <section class="vds" aria-label={format!("VDS networking of {}", sp.name)} data-testid={format!("vds-{i}")}>
            <h3>{ format!("VDS networking: enabled with {edge}") }</h3>
            <p class="big" data-testid={format!("vds-edge-{i}")}>{ headline }</p>
            { for note }
            <dl class="stats">
                { stat("SEs (Avi)", int(u64::from(e.total)), format!("vds-ses-{i}")) }
                { stat("Data pool (Avi)", format!("{} addresses, /{}", int(pool.addresses), pool.prefix), format!("vds-pool-{i}")) }
                { stat("FLB appliances", format!("{} × {}", v.flb.appliances, v.flb.size.api()), format!("vds-flb-{i}")) }
                { stat("FLB VIP ranges", format!("{} addresses", int(v.flb.vip_range.addresses)), format!("vds-flb-vips-{i}")) }
            </dl>
            <ul class="vds-networks">{ for nets }</ul>
            <ReportTable table={edges} testid={format!("vds-edges-{i}")} />
            <ReportTable table={networks} testid={format!("vds-networks-{i}")} />
            <ReportTable table={assumptions} testid={format!("vds-assumptions-{i}")} />
        </section>
    }
}
