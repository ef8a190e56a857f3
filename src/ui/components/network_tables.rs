//! One Supervisor's network plan: where each network comes from and how full it
//! is, the Supervisor's own addresses, the address pool, per-group fit, then the
//! per-namespace allocations and the routes (their own components).


use crate::network::{NetPlan, Source};
use crate::plan::Plan;
use yew::prelude::*;

use crate::ui::state::Shared;

use super::allocation_table::AllocationTable;
use super::copy_table::{CopyTable, TableRef};
use super::format::int;
use super::routes_table::RoutesTable;

#[derive(Properties, PartialEq)]
pub struct NetworkProps {
    pub plan: Shared<Plan>,
    pub index: usize,
}

pub fn source(s: Source) -> &'static str {
    match s {
        Source::Given => "given",
        Source::Carved => "carved",
        Source::Default => "default",
        Source::None => "not needed",
    }
}

fn or_dash(list: &[String]) -> String {
    if list.is_empty() {
        "—".to_string()
    } else {
        list.join(", ")
    }
}

fn usage(net: &NetPlan, i: usize, plan: &Shared<Plan>) -> Html {
    let rows = net.usage.iter().map(|u| {
        let label = u.role.label();
        html! {
            <tr>
                <th scope="row">{ label }</th>
                <td>{ u.scope.clone() }</td>
                <td>{ source(u.source) }</td>
                <td class="cidr">{ or_dash(&u.cidrs) }</td>
                <td class="num">{ int(u.demand) }</td>
                <td class="num">{ int(u.with_growth) }</td>
                <td class="num">{ int(u.capacity) }</td>
                <td class="num">{ int(u.free) }</td>
                <td>{ u.unit.clone() }</td>
            </tr>
        }
    });
    html! {
        <div class="table-wrap">
            <div class="table-tools"><CopyTable plan={plan.clone()} table={TableRef::Networks(i)} /></div>
            <table data-testid={format!("networks-{i}")}>
                <caption>{ "Networks: demand, headroom and capacity" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Network" }</th>
                        <th scope="col">{ "Used by" }</th>
                        <th scope="col">{ "Source" }</th>
                        <th scope="col">{ "CIDR" }</th>
                        <th scope="col">{ "Today" }</th>
                        <th scope="col">{ "With growth" }</th>
                        <th scope="col">{ "Capacity" }</th>
                        <th scope="col">{ "Free" }</th>
                        <th scope="col">{ "Unit" }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

fn supervisor_lines(net: &NetPlan) -> Html {
    let n = &net.networks;
    let service = format!("{} ({})", or_dash(&n.service_cidr), source(n.source.service_cidr));
    let prefix = format!("/{} per namespace and cluster segment; growth headroom {} %", n.namespace_subnet_prefix, n.growth_percent);
    let cp = &net.control_plane;
    let vips = match cp.vips.as_slice() {
        [first, last] if first != last => format!("{first} – {last} ({})", int(cp.vip_count)),
        [one, ..] => one.clone(),
        [] => "—".into(),
    };
    let snat = cp.snat_ip.clone().unwrap_or_else(|| "— (no NAT)".into());
    let management = net
        .management
        .as_ref()
        .map(|m| format!("{} – {} ({} addresses)", m.first, m.last, m.addresses))
        .unwrap_or_else(|| "not planned (no management start IP given)".into());
    html! {
        <dl class="pairs">
            <dt>{ "Service CIDR" }</dt><dd class="cidr">{ service }</dd>
            <dt>{ "Subnets" }</dt><dd>{ prefix }</dd>
            <dt>{ "Supervisor segment" }</dt><dd class="cidr">{ or_dash(&cp.segments) }</dd>
            <dt>{ "Supervisor VIPs" }</dt><dd class="cidr">{ vips }</dd>
            <dt>{ "Supervisor SNAT IP" }</dt><dd class="cidr">{ snat }</dd>
            <dt>{ "Management" }</dt><dd class="cidr">{ management }</dd>
        </dl>
    }
}

fn groups(net: &NetPlan, i: usize, plan: &Shared<Plan>) -> Html {
    if net.groups.is_empty() {
        return Html::default();
    }
    let rows = net.groups.iter().map(|g| {
        let p = &g.per_namespace;
        let per = format!(
            "{} subnets ({} addresses), {} VIPs, {} SNAT",
            int(p.subnets),
            int(p.addresses),
            int(p.vips),
            int(p.snat_ips)
        );
        let nat = if g.nat { "on" } else { "off" };
        html! {
            <tr>
                <th scope="row">{ g.name.clone() }</th>
                <td class="num">{ int(g.count as u64) }</td>
                <td>{ nat }</td>
                <td>{ g.t0.clone() }</td>
                <td class="num">{ format!("/{}", g.namespace_subnet_prefix) }</td>
                <td>{ per }</td>
                <td class="num">{ int(g.fits_more) }</td>
                <td>{ g.limited_by.label() }</td>
            </tr>
        }
    });
    html! {
        <div class="table-wrap">
            <div class="table-tools"><CopyTable plan={plan.clone()} table={TableRef::Groups(i)} /></div>
            <table>
                <caption>{ "Namespace groups: what one namespace takes, and how many more fit" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Group" }</th>
                        <th scope="col">{ "Namespaces" }</th>
                        <th scope="col">{ "NAT" }</th>
                        <th scope="col">{ "T0" }</th>
                        <th scope="col">{ "Prefix" }</th>
                        <th scope="col">{ "Per namespace" }</th>
                        <th scope="col">{ "More that fit" }</th>
                        <th scope="col">{ "Runs out first" }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

fn pools(net: &NetPlan) -> Html {
    if net.pools.is_empty() && net.carved.is_empty() {
        return Html::default();
    }
    let carved = net.carved.iter().map(|c| {
        html! {
            <tr>
                <td class="cidr">{ c.cidr.clone() }</td>
                <td>{ c.role.label() }</td>
                <td>{ c.scope.clone() }</td>
                <td class="num">{ int(c.demand) }</td>
                <td class="num">{ int(c.with_growth) }</td>
                <td class="cidr">{ c.pool.clone() }</td>
            </tr>
        }
    });
    let pools = net.pools.iter().map(|p| {
        html! {
            <tr>
                <td class="cidr">{ p.cidr.clone() }</td>
                <td class="num">{ int(p.addresses) }</td>
                <td class="num">{ int(p.given) }</td>
                <td class="num">{ int(p.carved) }</td>
                <td class="num">{ int(p.free) }</td>
            </tr>
        }
    });
    html! {
        <>
            <div class="table-wrap pool-table">
                <table>
                    <caption>{ "Blocks carved from the address pool" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Block" }</th>
                            <th scope="col">{ "Network" }</th>
                            <th scope="col">{ "For" }</th>
                            <th scope="col">{ "Today" }</th>
                            <th scope="col">{ "With growth" }</th>
                            <th scope="col">{ "From pool" }</th>
                        </tr>
                    </thead>
                    <tbody>{ for carved }</tbody>
                </table>
            </div>
            <div class="table-wrap pool-table">
                <table>
                    <caption>{ "Address pool" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Pool block" }</th>
                            <th scope="col">{ "Addresses" }</th>
                            <th scope="col">{ "Given networks" }</th>
                            <th scope="col">{ "Carved" }</th>
                            <th scope="col">{ "Free" }</th>
                        </tr>
                    </thead>
                    <tbody>{ for pools }</tbody>
                </table>
            </div>
        </>
    }
}

#[function_component(NetworkTables)]
pub fn network_tables(props: &NetworkProps) -> Html {
    let i = props.index;
    let Some(sup) = props.plan.supervisors.get(i) else { return Html::default() };
    let net = &sup.net;
    html! {
        <div class="network">
            <h3>{ "Networks" }</h3>
            { usage(net, i, &props.plan) }
            { supervisor_lines(net) }
            { groups(net, i, &props.plan) }
            { pools(net) }
            <AllocationTable plan={props.plan.clone()} index={i} />
            <RoutesTable plan={props.plan.clone()} index={i} />
        </div>
    }
}
