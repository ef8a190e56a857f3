//! The NSX native load balancer beside Avi (PLATFORMS.md §7): the comparison, the
//! load balancers, what exceeds a limit and its fix, and the status per release.

use super::{Kind, Table};
use crate::nsx_lb::{AviSide, LbKind, NsxLbPlan};
use crate::plan::SupervisorPlan;

fn plan_of(sp: &SupervisorPlan) -> Option<&NsxLbPlan> {
    sp.nsx_lb.as_ref()
}

/// `1 system + 10 namespaces`: the load balancers by what they serve.
fn instances_text(p: &NsxLbPlan) -> String {
    let short = |k: LbKind, n: u64| -> String {
        let (one, many) = match k {
            LbKind::System => ("system", "system"),
            LbKind::Namespace => ("namespace", "namespaces"),
            LbKind::SupervisorService => ("Supervisor Service", "Supervisor Services"),
            LbKind::SystemVpc => ("system VPC", "system VPC"),
            LbKind::AutoVpc => ("auto-created VPC", "auto-created VPCs"),
            LbKind::SharedVpc => ("pre-created VPC", "pre-created VPCs"),
        };
        format!("{n} {}", if n == 1 { one } else { many })
    };
    let mut by_kind: Vec<(LbKind, u64)> = Vec::new();
    for r in &p.instances {
        match by_kind.iter_mut().find(|(k, _)| *k == r.kind) {
            Some((_, n)) => *n += r.count,
            None => by_kind.push((r.kind, r.count)),
        }
    }
    by_kind.into_iter().map(|(k, n)| short(k, n)).collect::<Vec<_>>().join(" + ")
}

/// Avi and the NSX load balancer side by side, for the same Supervisor.
pub fn compare(sp: &SupervisorPlan) -> Table {
    let mut t = Table::new(Kind::NsxLbCompare.key(sp), format!("NSX load balancer beside Avi: {}", sp.name), &["compared", "Avi", "NSX load balancer"]);
    let Some(p) = plan_of(sp) else { return t };
    let a = AviSide::of(&sp.se);
    let r = sp.se.all_resources();
    let e = &p.edges;
    let largest = p.instances.iter().max_by_key(|r| (r.virtual_servers * 1000) / r.max_virtual_servers.max(1));
    let dedicated = if sp.se.dedicated_groups.is_empty() { "one SE group" } else { "the Supervisor's and the dedicated SE groups" };
    let l7 = if p.l7_clusters > 0 {
        format!("L4 only: an in-cluster ingress controller behind one L4 virtual server per cluster ({} clusters)", p.l7_clusters)
    } else {
        "L4 only: an in-cluster ingress controller behind one L4 virtual server per cluster with L7".into()
    };
    let errors = p.findings.iter().filter(|f| f.severity == crate::nsx_lb::Severity::Error).count();
    let rows: [(&str, String, String); 10] = [
        ("counts", "one virtual service per Service (all its ports)".into(), "one virtual server per Service port".into()),
        ("virtual services / servers", a.virtual_services.to_string(), p.virtual_servers.to_string()),
        (
            "instances",
            format!("{} SEs ({} carrying load, {} buffer) in {dedicated}", a.total, a.carrying_load, a.buffer),
            format!("{} load balancers ({}), {} by default", p.load_balancers, instances_text(p), p.size.api()),
        ),
        (
            "VRFs / gateways",
            format!("{} VRFs hosting a virtual service", a.vrfs),
            format!("{} {}, a load balancer each", p.load_balancers, if sp.vpc.is_some() { "VPCs" } else { "T1s" }),
        ),
        (
            "largest per instance",
            format!("{} virtual services per SE (max_vs_per_se)", sp.se.settings.max_vs_per_se),
            largest.map_or_else(String::new, |l| format!("{} of {} virtual servers ({}, {})", l.virtual_servers, l.max_virtual_servers, l.size.api(), l.name)),
        ),
        (
            "what binds",
            format!("N = {}: {}", a.carrying_load, a.binding.label()),
            format!("{} of {} edge credits ({} %) on {} {} edges", e.used, e.capacity, e.percent, e.nodes, e.size.name()),
        ),
        (
            "resources / licence",
            format!("{} vCPU, {} GB memory; {} Service Units", r.vcpus, r.memory_gb, a.service_units),
            "on the NSX edge nodes: no VMs of its own".into(),
        ),
        ("L7 for TKG clusters", "AKO in the cluster: its L7 virtual services on the SEs".into(), l7),
        (
            "status",
            "current".into(),
            "deprecated in the NSX 4.x API, a current edge provider (NSX_LB) in vSphere 9.0: see the status per release".into(),
        ),
        (
            "verdict",
            if sp.se.service_engines.feasible { "holds the design".into() } else { "infeasible: see the SE answer".into() },
            if p.fits { "holds the design".into() } else { format!("{errors} error(s): see the findings") },
        ),
    ];
    for (k, x, y) in rows {
        t.row(vec![k.to_string(), x, y]);
    }
    t
}

/// Every row of alike load balancers.
pub fn instances(sp: &SupervisorPlan) -> Table {
    let mut t = Table::new(
        Kind::NsxLbInstances.key(sp),
        format!("NSX load balancers: {}", sp.name),
        &["load balancers", "for", "count", "size", "virtual servers each", "limit", "credits each", "credits", "status"],
    );
    for r in plan_of(sp).map(|p| p.instances.as_slice()).unwrap_or_default() {
        t.row(vec![
            r.name.clone(),
            r.kind.label().into(),
            r.count.to_string(),
            r.size.api().into(),
            r.virtual_servers.to_string(),
            r.max_virtual_servers.to_string(),
            r.credits.to_string(),
            (r.count * r.credits).to_string(),
            if r.over() { "over the limit".into() } else { "fits".into() },
        ]);
    }
    t
}

/// The limits exceeded (or nearly), where, and the fix.
pub fn findings(sp: &SupervisorPlan) -> Table {
    let mut t = Table::new(Kind::NsxLbFindings.key(sp), format!("NSX load balancer findings: {}", sp.name), &["severity", "field", "finding", "fix"]);
    let Some(p) = plan_of(sp) else { return t };
    for f in &p.findings {
        t.row(vec![f.severity.label().into(), f.path.clone(), f.message.clone(), f.fix.clone().unwrap_or_else(|| "-".into())]);
    }
    if p.findings.is_empty() {
        t.row(vec!["ok".into(), "-".into(), "No limit exceeded: the NSX load balancer holds this design.".into(), "-".into()]);
    }
    t
}

/// The NSX load balancer's status per release, as the sources give it.
pub fn status(sp: &SupervisorPlan) -> Table {
    let mut t = Table::new(Kind::NsxLbStatus.key(sp), format!("NSX load balancer status per release: {}", sp.name), &["release", "NSX load balancer", "source"]);
    for s in plan_of(sp).map(|p| p.status.as_slice()).unwrap_or_default() {
        t.row(vec![s.release.into(), s.status.into(), s.source.into()]);
    }
    t
}
