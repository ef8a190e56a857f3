//! One Supervisor's SE group: the count with the binding constraint in plain words
//! and numbers, how the total is made up, resources, Service Units and capacity.


use crate::plan::{Plan, SupervisorPlan};
use crate::report::html;
use yew::prelude::*;

use crate::ui::state::Shared;

use super::format::{count, dec, int};
use super::headroom_table::HeadroomTable;
use super::network_tables::NetworkTables;
use super::tables_panel::TablesPanel;
use super::vds_results::VdsResults;
use crate::report::tables::{supervisor_kinds, Kind};
use super::placement_table::PlacementTable;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub plan: Shared<Plan>,
    pub index: usize,
}

/// One labelled figure of a stats list (`<dt>`/`<dd>`).
pub fn stat(label: &'static str, value: String, testid: String) -> Html {
    html! {
        <div class="stat">
            <dt>{ label }</dt>
            <dd data-testid={testid}>{ value }</dd>
        </div>
    }
}

fn stat_note(label: &'static str, value: String, note: &'static str, testid: String) -> Html {
    html! {
        <div class="stat">
            <dt>{ label }</dt>
            <dd data-testid={testid}>{ value }</dd>
            <dd class="note">{ note }</dd>
        </div>
    }
}

fn breakdown(sup: &SupervisorPlan, i: usize) -> Html {
    let se = &sup.service_engines;
    let lower = int(se.lower_bound as u64);
    html! {
        <dl class="stats">
            { stat("Carrying load (N)", int(se.carrying_load as u64), format!("se-load-{i}")) }
            { stat("Buffer (M)", int(se.buffer as u64), format!("se-buffer-{i}")) }
            if se.zone_spare > 0 { { stat("Zone spares", int(se.zone_spare as u64), format!("se-zone-spare-{i}")) } }
            { stat("Total", int(se.total as u64), format!("stat-total-{i}")) }
            { stat_note("Perfect placement", lower, se.lower_bound_binding.label(), format!("se-lower-bound-{i}")) }
            { stat("max_se", int(se.max_se as u64), format!("se-max-{i}")) }
        </dl>
    }
}

fn resources(sup: &SupervisorPlan, i: usize) -> Html {
    let r = &sup.resources;
    html! {
        <dl class="stats">
            { stat("vCPU", int(r.vcpus), format!("res-vcpu-{i}")) }
            { stat("Memory", format!("{} GB", int(r.memory_gb)), format!("res-memory-{i}")) }
            { stat("Disk", format!("{} GB", int(r.disk_gb)), format!("res-disk-{i}")) }
            { stat("Service Units", int(r.service_units), format!("res-su-{i}")) }
        </dl>
    }
}

fn capacity(sup: &SupervisorPlan) -> Html {
    let c = &sup.capacity;
    let active = format!("Estimated data-plane capacity of the {} active:", count(c.active_ses as u64, "SE", "SEs"));
    html! {
        <div class="capacity">
            <p class="muted">{ active }</p>
            <dl class="stats small">
                { stat("L4/L7 throughput", format!("{} Gbps", dec(c.throughput_gbps)), String::new()) }
                { stat("HTTP requests/s", int(c.http_rps), String::new()) }
                { stat("SSL throughput", format!("{} Gbps", dec(c.ssl_gbps)), String::new()) }
                { stat("RSA-2K TPS", int(c.rsa2k_tps), String::new()) }
                { stat("ECC TPS", int(c.ecc_tps), String::new()) }
            </dl>
        </div>
    }
}

fn zones(sup: &SupervisorPlan) -> Html {
    let Some(z) = &sup.zones else { return Html::default() };
    let per_zone = z.per_zone.iter().enumerate().map(|(k, n)| format!("zone {}: {}", k + 1, n)).collect::<Vec<_>>().join(", ");
    let text = format!(
        "Spread over {} zones ({per_zone}); after losing the fullest zone {} remain.",
        z.zones,
        count(z.after_zone_loss as u64, "SE", "SEs")
    );
    html! { <p class="zones">{ text }</p> }
}

#[function_component(ResultsSummary)]
pub fn results_summary(props: &SummaryProps) -> Html {
    let i = props.index;
    let Some(sup) = props.plan.supervisors.get(i) else { return Html::default() };
    let se = &sup.service_engines;
    let title_id = format!("sup-{i}-title");
    let total_label = if se.total == 1 { "Service Engine" } else { "Service Engines" };
    let binding = html::binding_line(sup);
    let arithmetic = sup.explanation.get(1).cloned().unwrap_or_default();
    let placed = sup.explanation.get(2).cloned().unwrap_or_default();
    let mode = sup.settings.ha_mode.label();
    let explanation = sup.explanation.iter().map(|line| html! { <li>{ line.clone() }</li> });
    let infeasible = se.infeasible_reason.clone();
    let load = html::load_line(sup);
    // The VPC tables the engine lists for this Supervisor (placement and growth have their own components).
    let vpc_kinds: Vec<Kind> = supervisor_kinds(sup)
        .into_iter()
        .filter(|k| matches!(k, Kind::VpcVpcs | Kind::VpcAddresses | Kind::VpcSeGroups | Kind::VpcAssumptions))
        .collect();
    let (card_id, total_id, binding_id, infeasible_id) =
        (format!("supervisor-result-{i}"), format!("se-total-{i}"), format!("se-binding-{i}"), format!("se-infeasible-{i}"));
    html! {
        <section class="card supervisor" aria-labelledby={title_id.clone()} data-testid={card_id}>
            <header class="card-head">
                <h2 id={title_id}>{ sup.name.clone() }</h2>
                <span class="badge">{ mode }</span>
            </header>
            <p class="muted">{ load }</p>
            <div class="hero">
                <div class="big">
                    <span class="number" id={total_id.clone()} data-testid={total_id}>{ int(se.total as u64) }</span>
                    <span class="unit">{ total_label }</span>
                </div>
                <div class="why" id={binding_id.clone()} data-testid={binding_id}>
                    <p><strong>{ binding }</strong></p>
                    <p>{ arithmetic }</p>
                    <p>{ placed }</p>
                </div>
            </div>
            if let Some(reason) = infeasible {
                <p class="alert" role="alert" data-testid={infeasible_id}>{ reason }</p>
            }
            <h3>{ "How the total is made up" }</h3>
            { breakdown(sup, i) }
            { zones(sup) }
            <h3>{ "Resources and licensing" }</h3>
            { resources(sup, i) }
            { capacity(sup) }
            <details class="explain">
                <summary>{ "The reasoning, step by step" }</summary>
                <ol>{ for explanation }</ol>
            </details>
            <HeadroomTable plan={props.plan.clone()} index={i} />
            <PlacementTable plan={props.plan.clone()} index={i} />
            if sup.vds.is_some() {
                <VdsResults plan={props.plan.clone()} index={i} />
            } else if sup.vpc.is_some() {
                <TablesPanel plan={props.plan.clone()} index={i} title="NSX VPCs" testid={format!("vpc-{i}")} kinds={vpc_kinds.clone()} />
            } else {
                <NetworkTables plan={props.plan.clone()} index={i} />
            }
            if sup.nsx_lb.is_some() {
                <TablesPanel plan={props.plan.clone()} index={i} title="NSX load balancer beside Avi" testid={format!("nsx-lb-{i}")}
                    kinds={vec![Kind::NsxLbCompare, Kind::NsxLbInstances, Kind::NsxLbFindings, Kind::NsxLbStatus]} />
            }
        </section>
    }
}
