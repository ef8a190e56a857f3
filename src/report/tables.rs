//! The plan's tables, each defined once; [`super::table::Table`] renders them as
//! Markdown, CSV, TSV or HTML.

use super::table::Table;
use crate::network::Role;

mod nsx_lb;
mod vpc;
pub use nsx_lb::{compare as nsx_lb_compare, findings as nsx_lb_findings, instances as nsx_lb_instances, status as nsx_lb_status};
pub use vpc::{addresses as vpc_addresses, assumptions as vpc_assumptions, se_groups as vpc_se_groups, vpcs as vpc_vpcs};
use crate::plan::{Plan, SupervisorPlan};
use crate::platform::vds::{NetDemand, VdsPlan};
use crate::scenario::EdgeProvider;
use crate::sizing::SeRole;

pub fn role(r: SeRole) -> &'static str {
    match r {
        SeRole::Active => "active",
        SeRole::Standby => "standby",
        SeRole::Buffer => "buffer",
        SeRole::ZoneSpare => "zone spare",
    }
}

/// Topology and resources of the whole design.
pub fn overview(plan: &Plan) -> Table {
    let t = &plan.topology;
    let mut header =
        vec!["Topology", "NSX managers", "Avi NSX clouds", "Avi controller clusters", "SE vCPU", "SE memory (GB)", "Service Units"];
    let mut row = vec![
        t.topology.label().into(),
        t.nsx_managers.to_string(),
        t.nsx_clouds.to_string(),
        t.controller_clusters.len().to_string(),
        t.resources.vcpus.to_string(),
        t.resources.memory_gb.to_string(),
        t.resources.service_units.to_string(),
    ];
    // VDS designs only: NSX-only designs keep their columns.
    if t.vcenter_clouds > 0 || t.foundation_lbs.is_some() {
        let f = t.foundation_lbs;
        header.extend(["Avi vCenter clouds", "FLB appliances", "FLB vCPU / memory (GB)"]);
        row.extend([
            t.vcenter_clouds.to_string(),
            f.map_or_else(|| "0".into(), |f| f.appliances.to_string()),
            f.map_or_else(|| "-".into(), |f| format!("{} / {}", f.vcpus, f.memory_gb)),
        ]);
    }
    let mut table = Table::new("overview", "Design overview", &header);
    table.row(row);
    table
}

/// One row per Avi controller cluster.
pub fn controllers(plan: &Plan) -> Table {
    let mut table =
        Table::new("controllers", "Avi controller clusters", &["Controller cluster", "Supervisors", "VS", "SEs", "Size", "DNS SE group"]);
    for c in &plan.topology.controller_clusters {
        table.row(vec![
            c.name.clone(),
            c.supervisors.join(", "),
            c.virtual_services.to_string(),
            c.service_engines.to_string(),
            format!("{} x {} ({} vCPU / {} GB)", c.nodes, c.size, c.vcpus_per_node, c.memory_gb_per_node),
            c.dns_se_group.as_ref().map(|d| format!("{} SEs", d.total)).unwrap_or_else(|| "-".into()),
        ]);
    }
    table
}

/// The SE group's answer for one Supervisor.
pub fn se_summary(sp: &SupervisorPlan) -> Table {
    let se = &sp.se.service_engines;
    let set = &sp.se.settings;
    let r = &sp.se.resources;
    let verdict = if se.feasible { "" } else { " (infeasible)" };
    let title = match sp.vds.as_ref().map(|v| v.edge) {
        Some(EdgeProvider::Foundation) => format!("Avi Service Engines, beside the Foundation Load Balancer: {}", sp.name),
        _ => format!("Service Engines: {}", sp.name),
    };
    let mut t = Table::new(Kind::SeSummary.key(sp), title, &["SE group", "value"]);
    let rows: [(&str, String); 13] = [
        ("HA mode", format!("{} ({})", set.ha_mode.label(), set.ha_mode.avi_api())),
        ("Scale factor / buffer", format!("{} / {}", set.scale_factor, set.buffer_ses)),
        ("Data interfaces / VS per SE", format!("{} / {}", set.data_nics_per_se, set.max_vs_per_se)),
        ("SEs carrying load", se.carrying_load.to_string()),
        ("Buffer SEs", se.buffer.to_string()),
        ("Zone spares", se.zone_spare.to_string()),
        ("Total SEs", format!("{}{verdict}", se.total)),
        ("Perfect-placement lower bound", format!("{} ({})", se.lower_bound, se.lower_bound_binding.label())),
        ("Binding constraint", se.binding.label().to_string()),
        ("max_se", se.max_se.to_string()),
        ("vCPU / memory / disk", format!("{} / {} GB / {} GB", r.vcpus, r.memory_gb, r.disk_gb)),
        ("Service Units", r.service_units.to_string()),
        (
            "Namespaces before the next SE",
            sp.se.headroom.namespaces_before_next_se.map(|n| n.to_string()).unwrap_or_else(|| "no limit".into()),
        ),
    ];
    for (k, v) in rows {
        t.row(vec![k.to_string(), v]);
    }
    // NSX VPCs with SE groups per VPC: what the dedicated groups add.
    if !sp.se.dedicated_groups.is_empty() {
        let n: u64 = sp.se.dedicated_groups.iter().map(|g| u64::from(g.count)).sum();
        let ses = sp.se.all_service_engines() - u64::from(se.total);
        t.row(vec!["Dedicated SE groups (per VPC)".into(), format!("{n} groups, {ses} SEs: {} SEs in all", sp.se.all_service_engines())]);
    }
    t
}

/// What each SE holds.
pub fn se_placement(sp: &SupervisorPlan) -> Table {
    let attached = if sp.vds.is_some() {
        "networks"
    } else if sp.vpc.is_some() {
        "VPCs (VRFs)"
    } else {
        "T1s (VRFs)"
    };
    let mut t = Table::new(
        Kind::SePlacement.key(sp),
        format!("SE placement: {}", sp.name),
        &["SE", "role", "zone", "interfaces", "VS slots", attached],
    );
    for p in &sp.se.service_engines.placement {
        t.row(vec![
            format!("se-{}", p.index),
            role(p.role).into(),
            p.zone.map(|z| z.to_string()).unwrap_or_else(|| "-".into()),
            format!("{}/{}", p.interfaces_used, p.interfaces),
            format!("{}/{}", p.virtual_services, p.vs_slots),
            p.vrfs.join(" "),
        ]);
    }
    t
}

/// At which namespace count the SE count changes.
pub fn growth_steps(sp: &SupervisorPlan) -> Table {
    let mut t = Table::new(
        Kind::Growth.key(sp),
        format!("Growth steps: {}", sp.name),
        &["at namespace", "SEs carrying load", "total SEs", "added for", "when"],
    );
    for s in &sp.se.headroom.steps {
        t.row(vec![
            s.namespaces.to_string(),
            s.carrying_load.to_string(),
            s.total.to_string(),
            s.binding.label().into(),
            if s.projected { "projected".into() } else { "today".into() },
        ]);
    }
    t
}

/// Each network: where it came from, demand, headroom and what is left.
pub fn networks(sp: &SupervisorPlan) -> Table {
    let mut t = Table::new(
        Kind::Networks.key(sp),
        format!("Networks: {}", sp.name),
        &["network", "for", "CIDRs", "source", "demand", "with growth", "capacity", "used", "free"],
    );
    for u in &sp.net.usage {
        t.row(vec![
            u.role.label().into(),
            u.scope.clone(),
            u.cidrs.join(" "),
            u.source.key().into(),
            format!("{} {}", u.demand, u.unit),
            u.with_growth.to_string(),
            u.capacity.to_string(),
            u.used.to_string(),
            u.free.to_string(),
        ]);
    }
    let n = &sp.net.networks;
    t.row(vec![
        Role::ServiceCidr.label().into(),
        "supervisor".into(),
        n.service_cidr.join(" "),
        n.source.service_cidr.key().into(),
        "-".into(),
        "-".into(),
        "-".into(),
        "-".into(),
        "-".into(),
    ]);
    if let Some(m) = &sp.net.management {
        t.row(vec![
            Role::Management.label().into(),
            "supervisor".into(),
            format!("{}-{}", m.first, m.last),
            "given".into(),
            format!("{} addresses", m.addresses),
            "-".into(),
            m.addresses.to_string(),
            m.addresses.to_string(),
            "0".into(),
        ]);
    }
    t
}

/// Per namespace group: what one namespace takes, how many more fit.
pub fn groups(sp: &SupervisorPlan) -> Table {
    let mut t = Table::new(
        Kind::Groups.key(sp),
        format!("Namespace groups: {}", sp.name),
        &["group", "namespaces", "T0", "NAT", "subnets / namespace", "addresses / namespace", "VIPs / namespace", "fits more", "limited by"],
    );
    for g in &sp.net.groups {
        t.row(vec![
            g.name.clone(),
            g.count.to_string(),
            g.t0.clone(),
            if g.nat { "yes".into() } else { "no".into() },
            format!("{} (/{})", g.per_namespace.subnets, g.namespace_subnet_prefix),
            g.per_namespace.addresses.to_string(),
            g.per_namespace.vips.to_string(),
            g.fits_more.to_string(),
            g.limited_by.label().into(),
        ]);
    }
    t
}

/// The Supervisor's own and every namespace's addresses.
pub fn allocations(sp: &SupervisorPlan) -> Table {
    let mut t = Table::new(
        Kind::Allocations.key(sp),
        format!("Allocations: {}", sp.name),
        &["namespace", "group", "T0", "subnets", "TKG cluster segments", "SNAT IP", "VIPs", "VIP count"],
    );
    let range = |v: &[String]| match v {
        [] => "-".to_string(),
        [a, b] if a == b => a.clone(),
        [a, b] => format!("{a} - {b}"),
        other => other.join(" "),
    };
    let cp = &sp.net.control_plane;
    t.row(vec![
        "(Supervisor)".into(),
        "-".into(),
        "t0".into(),
        cp.segments.join(" "),
        "-".into(),
        cp.snat_ip.clone().unwrap_or_else(|| "-".into()),
        range(&cp.vips),
        cp.vip_count.to_string(),
    ]);
    for svc in &cp.services {
        t.row(vec![
            svc.name.clone(),
            "(Supervisor Service)".into(),
            "t0".into(),
            svc.subnets.join(" "),
            "-".into(),
            svc.snat_ip.clone().unwrap_or_else(|| "-".into()),
            "-".into(),
            "0".into(),
        ]);
    }
    for ns in &sp.net.namespaces {
        let clusters = ns.clusters.iter().map(|c| format!("{}: {}", c.name, c.segments.join(" "))).collect::<Vec<_>>().join("; ");
        t.row(vec![
            ns.name.clone(),
            ns.group.clone(),
            ns.t0.clone(),
            ns.subnets.join(" "),
            if clusters.is_empty() { "-".into() } else { clusters },
            ns.snat_ip.clone().unwrap_or_else(|| "-".into()),
            range(&ns.vips),
            ns.vip_count.to_string(),
        ]);
    }
    t
}

/// What each T0 advertises northbound, with and without aggregation.
pub fn routes(sp: &SupervisorPlan) -> Table {
    let mut t = Table::new(
        Kind::Routes.key(sp),
        format!("Northbound routes: {}", sp.name),
        &["T0", "kind", "advertised", "/32 host routes", "subnet routes", "aggregates to configure", "routes with aggregation"],
    );
    for r in &sp.net.routes {
        let adv = r.advertised.iter().map(|a| format!("{} {} ({})", a.role.label(), a.cidr, a.routes)).collect::<Vec<_>>().join("; ");
        t.row(vec![
            r.t0.clone(),
            r.kind.key().into(),
            adv,
            r.host_routes.to_string(),
            r.subnet_routes.to_string(),
            r.aggregates.join(" "),
            r.routes_with_aggregation.to_string(),
        ]);
    }
    t
}

/// The blocks carved from the address pool, largest first.
pub fn carved(sp: &SupervisorPlan) -> Table {
    let mut t = Table::new(
        Kind::Carved.key(sp),
        format!("Blocks carved from the address pool: {}", sp.name),
        &["block", "network", "for", "from pool", "demand", "with growth"],
    );
    for c in &sp.net.carved {
        t.row(vec![
            c.cidr.clone(),
            c.role.label().into(),
            c.scope.clone(),
            c.pool.clone(),
            c.demand.to_string(),
            c.with_growth.to_string(),
        ]);
    }
    t
}

/// How each address pool block is used.
pub fn pools(sp: &SupervisorPlan) -> Table {
    let mut t = Table::new(
        Kind::Pools.key(sp),
        format!("Address pool: {}", sp.name),
        &["pool", "addresses", "given", "carved", "free"],
    );
    for p in &sp.net.pools {
        t.row(vec![p.cidr.clone(), p.addresses.to_string(), p.given.to_string(), p.carved.to_string(), p.free.to_string()]);
    }
    t
}

// ---- VDS ------------------------------------------------------------------------

fn vds_of(sp: &SupervisorPlan) -> Option<&VdsPlan> {
    sp.vds.as_ref()
}

/// `17 (26 with growth)`.
fn demand_text(d: &NetDemand) -> String {
    format!("{} ({} with growth)", d.addresses, d.with_growth)
}

/// `/27 (/27 with growth)`, and what shares the subnet when more than the ranges.
fn subnet_text(d: &NetDemand) -> String {
    let shared = if d.subnet_addresses > d.addresses { format!(", {} in the subnet", d.subnet_addresses) } else { String::new() };
    format!("/{} (/{} with growth){shared}", d.prefix, d.prefix_with_growth)
}

fn capacity_text(d: &NetDemand) -> String {
    match d.capacity {
        Some(c) => format!("{} ({})", c, d.ranges.join(" ")),
        None => "none given".into(),
    }
}

/// The two load balancers of a VDS Supervisor side by side: the one it is enabled
/// with and the other, for the same scenario.
pub fn vds_edges(sp: &SupervisorPlan) -> Table {
    let mut t = Table::new(
        Kind::VdsEdges.key(sp),
        format!("Load balancers: {}", sp.name),
        &["compared", "Avi (vCenter cloud)", "vSphere Foundation Load Balancer"],
    );
    let Some(v) = vds_of(sp) else { return t };
    let (se, r, f) = (&sp.se.service_engines, &sp.se.resources, &v.flb);
    let mark = |e: EdgeProvider| if v.edge == e { "enabled with" } else { "beside it, for comparison" };
    let rows: [(&str, String, String); 9] = [
        ("this Supervisor", mark(EdgeProvider::Avi).into(), mark(EdgeProvider::Foundation).into()),
        (
            "VMs",
            format!("{} SEs ({} carrying load, {} buffer)", se.total, se.carrying_load, se.buffer),
            format!("{} appliance(s), {}", f.appliances, f.availability.api()),
        ),
        (
            "vCPU / memory / disk",
            format!("{} / {} GB / {} GB", r.vcpus, r.memory_gb, r.disk_gb),
            format!("{} / {} GB / {} GB ({})", f.vcpus, f.memory_gb, f.disk_gb, f.size.api()),
        ),
        ("licence", format!("{} Service Units ({})", r.service_units, v.avi.licence.label()), "no extra entitlement".into()),
        ("virtual services / VIPs", format!("{} / {}", sp.se.load.virtual_services, v.avi.vips), format!("{} L4 VIPs", f.vips)),
        (
            "VIP addresses",
            format!("data pool {}: {} VIPs + {} SE NICs", v.avi.data_network.addresses, v.avi.vips, v.avi.ses_in_pool),
            format!("VIP ranges {}", f.vip_range.addresses),
        ),
        (
            "data NICs / interfaces",
            format!("{} per SE at most ({})", v.avi.max_data_nics, v.avi.se_attachment.key()),
            f.interfaces.iter().map(|i| format!("{} on {}", i.personas.join("+"), i.network)).collect::<Vec<_>>().join("; "),
        ),
        (
            "capacity",
            format!("{} virtual services per SE (max_vs_per_se)", sp.se.settings.max_vs_per_se),
            f.max_vips.map_or_else(|| "not published (not checked)".into(), |m| format!("{m} VIPs (given)")),
        ),
        ("control plane", "an Avi controller cluster".into(), "none: vCenter deploys and upgrades it".into()),
    ];
    for (k, a, b) in rows {
        t.row(vec![k.to_string(), a, b]);
    }
    t
}

/// Every network of a VDS Supervisor: what it holds, and what each edge needs of it.
pub fn vds_networks(sp: &SupervisorPlan) -> Table {
    let mut t = Table::new(
        Kind::VdsNetworks.key(sp),
        format!("VDS networks: {}", sp.name),
        &["network", "for", "ranges (addresses)", "with Avi", "Avi subnet", "with the FLB", "FLB subnet"],
    );
    let Some(v) = vds_of(sp) else { return t };
    let dash = || "-".to_string();
    for w in &v.workload_networks {
        let role = if w.primary { "primary workload network" } else { "workload network" };
        t.row(vec![
            w.name.clone(),
            format!("{role}: {} namespace(s), {} cluster(s)", w.namespaces, w.clusters),
            capacity_text(&w.avi),
            demand_text(&w.avi),
            subnet_text(&w.avi),
            demand_text(&w.flb),
            subnet_text(&w.flb),
        ]);
    }
    let m = &v.management;
    t.row(vec![
        "management".into(),
        "Supervisor management network".into(),
        if m.avi.ranges.is_empty() { "not planned".into() } else { m.avi.ranges.join(" ") },
        m.avi.addresses.to_string(),
        dash(),
        m.flb.addresses.to_string(),
        dash(),
    ]);
    let d = &v.avi.data_network;
    t.row(vec![d.name.clone(), "VIPs and SE data NICs".into(), capacity_text(d), demand_text(d), subnet_text(d), dash(), dash()]);
    let f = &v.flb;
    t.row(vec![f.vip_range.name.clone(), "VIPs".into(), capacity_text(&f.vip_range), dash(), dash(), demand_text(&f.vip_range), dash()]);
    for d in [&f.management_network, &f.frontend_network].into_iter().flatten() {
        t.row(vec![d.name.clone(), "FLB interface".into(), capacity_text(d), dash(), dash(), demand_text(d), subnet_text(d)]);
    }
    t
}

/// The inputs that stand for assumptions, with the values the plan used.
pub fn vds_assumptions(sp: &SupervisorPlan) -> Table {
    let mut t = Table::new(Kind::VdsAssumptions.key(sp), format!("Assumptions: {}", sp.name), &["input", "value", "assumes"]);
    for a in vds_of(sp).map(|v| v.assumptions.as_slice()).unwrap_or_default() {
        t.row(vec![a.path.clone(), a.value.clone(), a.says.clone()]);
    }
    t
}

/// One of a Supervisor's tables: its key and how to build it live here, so a
/// caller can list the tables (file names, menus) without building them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    SeSummary,
    SePlacement,
    Growth,
    Networks,
    Groups,
    Routes,
    Carved,
    Pools,
    Allocations,
    VdsEdges,
    VdsNetworks,
    VdsAssumptions,
    // NSX VPCs.
    VpcVpcs,
    VpcAddresses,
    VpcSeGroups,
    VpcAssumptions,
    // The NSX load balancer beside Avi.
    NsxLbCompare,
    NsxLbInstances,
    NsxLbFindings,
    NsxLbStatus,
}

impl Kind {
    fn prefix(self) -> &'static str {
        match self {
            Kind::SeSummary => "se-summary",
            Kind::SePlacement => "se-placement",
            Kind::Growth => "growth",
            Kind::Networks => "networks",
            Kind::Groups => "groups",
            Kind::Routes => "routes",
            Kind::Carved => "carved",
            Kind::Pools => "pools",
            Kind::Allocations => "allocations",
            Kind::VdsEdges => "load-balancers",
            Kind::VdsNetworks => "vds-networks",
            Kind::VdsAssumptions => "assumptions",
            Kind::VpcVpcs => "vpcs",
            Kind::VpcAddresses => "vpc-addresses",
            Kind::VpcSeGroups => "vpc-se-groups",
            Kind::VpcAssumptions => "vpc-assumptions",
            Kind::NsxLbCompare => "nsx-lb-compare",
            Kind::NsxLbInstances => "nsx-lbs",
            Kind::NsxLbFindings => "nsx-lb-findings",
            Kind::NsxLbStatus => "nsx-lb-status",
        }
    }

    /// The table's key for this Supervisor (`networks-supervisor-1`).
    pub fn key(self, sp: &SupervisorPlan) -> String {
        format!("{}-{}", self.prefix(), sp.name)
    }

    pub fn build(self, sp: &SupervisorPlan) -> Table {
        match self {
            Kind::SeSummary => se_summary(sp),
            Kind::SePlacement => se_placement(sp),
            Kind::Growth => growth_steps(sp),
            Kind::Networks => networks(sp),
            Kind::Groups => groups(sp),
            Kind::Routes => routes(sp),
            Kind::Carved => carved(sp),
            Kind::Pools => pools(sp),
            Kind::Allocations => allocations(sp),
            Kind::VdsEdges => vds_edges(sp),
            Kind::VdsNetworks => vds_networks(sp),
            Kind::VdsAssumptions => vds_assumptions(sp),
            Kind::VpcVpcs => vpc::vpcs(sp),
            Kind::VpcAddresses => vpc::addresses(sp),
            Kind::VpcSeGroups => vpc::se_groups(sp),
            Kind::VpcAssumptions => vpc::assumptions(sp),
            Kind::NsxLbCompare => nsx_lb::compare(sp),
            Kind::NsxLbInstances => nsx_lb::instances(sp),
            Kind::NsxLbFindings => nsx_lb::findings(sp),
            Kind::NsxLbStatus => nsx_lb::status(sp),
        }
    }
}

/// The tables a Supervisor has, in document order (network tables only when its
/// networks were planned, pool tables only with a pool; the NSX load balancer's
/// when the scenario asks for the comparison).
pub fn supervisor_kinds(sp: &SupervisorPlan) -> Vec<Kind> {
    let mut all = platform_kinds(sp);
    if sp.nsx_lb.is_some() {
        all.extend([Kind::NsxLbCompare, Kind::NsxLbInstances, Kind::NsxLbFindings, Kind::NsxLbStatus]);
    }
    all
}

fn platform_kinds(sp: &SupervisorPlan) -> Vec<Kind> {
    // VDS and VPCs: their networks' tables show what each needs, planned or not.
    if sp.vds.is_some() {
        return vec![Kind::SeSummary, Kind::VdsEdges, Kind::VdsNetworks, Kind::SePlacement, Kind::Growth, Kind::VdsAssumptions];
    }
    if sp.vpc.is_some() {
        let mut all = vec![Kind::SeSummary, Kind::VpcVpcs, Kind::VpcAddresses];
        if !sp.se.dedicated_groups.is_empty() {
            all.push(Kind::VpcSeGroups);
        }
        all.extend([Kind::SePlacement, Kind::Growth, Kind::VpcAssumptions]);
        return all;
    }
    let mut all = vec![Kind::SeSummary, Kind::SePlacement, Kind::Growth];
    if !sp.networks_planned() {
        return all;
    }
    all.extend([Kind::Networks, Kind::Groups, Kind::Routes]);
    if !sp.net.pools.is_empty() {
        all.extend([Kind::Carved, Kind::Pools]);
    }
    all.push(Kind::Allocations);
    all
}

/// Every table of a Supervisor, in document order.
pub fn supervisor_tables(sp: &SupervisorPlan) -> Vec<Table> {
    supervisor_kinds(sp).into_iter().map(|k| k.build(sp)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{plan::plan_scenario, scenario::Scenario};

    #[test]
    fn pool_tables_follow_the_plan() {
        let plan = plan_scenario(&Scenario::default()).unwrap();
        let sp = &plan.supervisors[0];
        let c = carved(sp);
        assert_eq!(c.rows.len(), sp.net.carved.len());
        assert_eq!(c.rows[0][0], sp.net.carved[0].cidr);
        let p = pools(sp);
        assert_eq!(p.rows, vec![vec![
            "10.220.0.0/16".to_string(),
            "65536".into(),
            "0".into(),
            sp.net.pools[0].carved.to_string(),
            (65536 - sp.net.pools[0].carved).to_string(),
        ]]);
        let keys: Vec<String> = supervisor_tables(sp).into_iter().map(|t| t.key).collect();
        assert!(keys.contains(&"carved-supervisor-1".to_string()) && keys.contains(&"pools-supervisor-1".to_string()));
        // A kind's key is the key of the table it builds.
        let listed: Vec<String> = supervisor_kinds(sp).into_iter().map(|k| k.key(sp)).collect();
        assert_eq!(listed, keys);
    }
}
