//! A Supervisor on NSX VPCs (PLATFORMS.md §8): its VPCs, their addresses, the
//! dedicated SE groups, and the inputs that stand for assumptions.

use super::{Kind, Table};
use crate::plan::SupervisorPlan;
use crate::platform::nsx_vpc::VpcPlan;

fn vpc_of(sp: &SupervisorPlan) -> Option<&VpcPlan> {
    sp.vpc.as_ref()
}

fn capacity_text(c: Option<u64>) -> String {
    c.map_or_else(|| "none given".into(), |c| c.to_string())
}

/// Every row of VPCs: what each holds, its Avi VRF and SE group, its private addresses.
pub fn vpcs(sp: &SupervisorPlan) -> Table {
    let mut t = Table::new(
        Kind::VpcVpcs.key(sp),
        format!("VPCs: {}", sp.name),
        &[
            "VPC",
            "kind",
            "count",
            "project (Avi tenant)",
            "namespaces each",
            "virtual services each",
            "Avi VRF",
            "SE group",
            "private CIDRs",
            "subnets each",
            "private addresses each",
            "capacity each",
        ],
    );
    let Some(v) = vpc_of(sp) else { return t };
    for r in &v.vpcs {
        let cidrs = if r.private_cidrs.is_empty() { "none".to_string() } else { format!("{} ({})", r.private_cidrs.join(" "), r.private_source) };
        let avi = r.avi_subnet_prefix.map(|p| format!(" + Avi /{p}")).unwrap_or_default();
        t.row(vec![
            r.name.clone(),
            r.kind.label().into(),
            r.count.to_string(),
            r.project.clone(),
            r.namespaces.to_string(),
            r.virtual_services.to_string(),
            if r.vrf { "yes".into() } else { "no virtual service".into() },
            r.se_group.into(),
            cidrs,
            format!("{} x /{}{avi}", r.subnets, r.subnet_prefix),
            format!("{} ({} with growth)", r.addresses, r.with_growth),
            capacity_text(r.capacity),
        ]);
    }
    t
}

/// The external IP blocks' demand, the private transit gateway blocks, the service CIDR.
pub fn addresses(sp: &SupervisorPlan) -> Table {
    let mut t = Table::new(
        Kind::VpcAddresses.key(sp),
        format!("VPC addresses: {}", sp.name),
        &["network", "for", "blocks", "demand", "with growth", "capacity"],
    );
    let Some(v) = vpc_of(sp) else { return t };
    let x = &v.external;
    let dash = || "-".to_string();
    let blocks = |b: &[String]| if b.is_empty() { "none given".to_string() } else { b.join(" ") };
    t.row(vec![
        "external IP blocks".into(),
        format!("{} VIPs + {} SNAT IPs", x.vips, x.snat),
        blocks(&x.blocks),
        x.addresses.to_string(),
        format!("{} (a /{})", x.with_growth, x.prefix_with_growth),
        capacity_text(x.capacity),
    ]);
    t.row(vec!["private transit gateway blocks".into(), "the connectivity profile".into(), blocks(&v.private_tgw_blocks), dash(), dash(), dash()]);
    t.row(vec![
        "namespace subnets".into(),
        format!("/{} subnets, {} usable each", v.subnet_prefix, v.subnet_usable),
        "from each VPC's private CIDRs".into(),
        dash(),
        dash(),
        dash(),
    ]);
    t.row(vec!["service CIDR".into(), "Supervisor-internal".into(), v.service_cidr.clone(), dash(), dash(), dash()]);
    t
}

/// The Supervisor's SE group and each dedicated one (SE groups per VPC).
pub fn se_groups(sp: &SupervisorPlan) -> Table {
    let mut t = Table::new(
        Kind::VpcSeGroups.key(sp),
        format!("SE groups per VPC: {}", sp.name),
        &["SE group", "serves", "count", "virtual services each", "SEs carrying load each", "buffer each", "total each", "SEs in all", "Service Units in all"],
    );
    let se = &sp.se;
    let e = &se.service_engines;
    t.row(vec![
        sp.name.clone(),
        "the system VPC".into(),
        "1".into(),
        se.load.virtual_services.to_string(),
        e.carrying_load.to_string(),
        e.buffer.to_string(),
        e.total.to_string(),
        e.total.to_string(),
        se.resources.service_units.to_string(),
    ]);
    for g in &se.dedicated_groups {
        let n = u64::from(g.count);
        t.row(vec![
            format!("dedicated: {}", g.name),
            if g.count > 1 { "a VPC each".into() } else { "its VPC".into() },
            g.count.to_string(),
            g.virtual_services.to_string(),
            g.carrying_load.to_string(),
            g.buffer.to_string(),
            g.total.to_string(),
            (n * u64::from(g.total)).to_string(),
            (n * g.resources.service_units).to_string(),
        ]);
    }
    t
}

/// The inputs that stand for assumptions, with the values the plan used.
pub fn assumptions(sp: &SupervisorPlan) -> Table {
    let mut t = Table::new(Kind::VpcAssumptions.key(sp), format!("VPC assumptions: {}", sp.name), &["input", "value", "assumes"]);
    for a in vpc_of(sp).map(|v| v.assumptions.as_slice()).unwrap_or_default() {
        t.row(vec![a.path.clone(), a.value.clone(), a.says.clone()]);
    }
    t
}
