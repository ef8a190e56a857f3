//! Two plans side by side: the figures a user compares (N+M against Active/Active,
//! today against next year), row by row, with the ones that differ marked.

use serde::Serialize;

use crate::plan::{Plan, SupervisorPlan};

/// One compared figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The Supervisor the row is about (empty for design-wide rows).
    pub supervisor: String,
    pub label: &'static str,
    pub a: String,
    pub b: String,
    pub changed: bool,
}

fn row(supervisor: &str, label: &'static str, a: String, b: String) -> Row {
    Row { supervisor: supervisor.to_string(), label, changed: a != b, a, b }
}

fn figures(sp: Option<&SupervisorPlan>) -> Vec<(&'static str, String)> {
    let Some(sp) = sp else {
        return FIGURES.iter().map(|&l| (l, "-".to_string())).collect();
    };
    let se = &sp.se.service_engines;
    let r = &sp.se.resources;
    let next = sp.se.headroom.namespaces_before_next_se.map(|n| n.to_string()).unwrap_or_else(|| "unlimited".into());
    let values = [
        sp.se.settings.ha_mode.label().to_string(),
        sp.se.load.namespaces.to_string(),
        sp.se.load.virtual_services.to_string(),
        se.carrying_load.to_string(),
        se.buffer.to_string(),
        se.zone_spare.to_string(),
        se.total.to_string(),
        se.lower_bound.to_string(),
        se.binding.label().to_string(),
        if se.feasible { "yes".into() } else { "no".into() },
        r.vcpus.to_string(),
        format!("{} GB", r.memory_gb),
        format!("{} GB", r.disk_gb),
        r.service_units.to_string(),
        next,
        sp.net.networks.ingress_cidr.join(" "),
        if sp.net.networks.egress_cidr.is_empty() { "-".into() } else { sp.net.networks.egress_cidr.join(" ") },
        sp.net.networks.namespace_network.join(" "),
        sp.net.routes.iter().map(|r| r.host_routes).sum::<u64>().to_string(),
        sp.net.routes.iter().map(|r| r.routes_with_aggregation).sum::<u64>().to_string(),
    ];
    FIGURES.iter().copied().zip(values).collect()
}

const FIGURES: [&str; 20] = [
    "HA mode",
    "Namespaces",
    "Virtual services",
    "SEs carrying load",
    "Buffer SEs",
    "Zone spares",
    "Total SEs",
    "Lower bound",
    "Binding constraint",
    "Feasible",
    "SE vCPU",
    "SE memory",
    "SE disk",
    "Service Units",
    "Namespaces before next SE",
    "Ingress CIDR",
    "Egress CIDR",
    "Namespace network",
    "/32 host routes",
    "Routes with aggregation",
];

/// Compares plan `a` with plan `b`: Supervisors matched by name (then position).
///
/// ```
/// use avi_sizer::{compare::compare, plan::plan_scenario, scenario::{Scenario, HaMode}};
/// let a = Scenario::default();
/// let mut b = a.clone();
/// b.se_group.ha_mode = Some(HaMode::ActiveActive);
/// let rows = compare(&plan_scenario(&a).unwrap(), &plan_scenario(&b).unwrap());
/// let total = rows.iter().find(|r| r.label == "Total SEs").unwrap();
/// assert!(total.changed);
/// ```
pub fn compare(a: &Plan, b: &Plan) -> Vec<Row> {
    let mut out = vec![
        row("", "Avi controller clusters", a.topology.controller_clusters.len().to_string(), b.topology.controller_clusters.len().to_string()),
        row("", "Service Units in all", a.topology.resources.service_units.to_string(), b.topology.resources.service_units.to_string()),
    ];
    let mut names: Vec<&str> = a.supervisors.iter().map(|s| s.name.as_str()).collect();
    for s in &b.supervisors {
        if !names.contains(&s.name.as_str()) {
            names.push(&s.name);
        }
    }
    for name in names {
        let fa = figures(a.supervisors.iter().find(|s| s.name == name));
        let fb = figures(b.supervisors.iter().find(|s| s.name == name));
        for ((label, va), (_, vb)) in fa.into_iter().zip(fb) {
            out.push(row(name, label, va, vb));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::plan_scenario;
    use crate::scenario::{HaMode, Scenario, Supervisor};

    #[test]
    fn n_plus_m_against_active_active() {
        let a = Scenario::default();
        let mut b = a.clone();
        b.se_group.ha_mode = Some(HaMode::ActiveActive);
        let (pa, pb) = (plan_scenario(&a).unwrap(), plan_scenario(&b).unwrap());
        let rows = compare(&pa, &pb);
        let get = |l: &str| rows.iter().find(|r| r.label == l).unwrap().clone();
        let total = get("Total SEs");
        assert_eq!(total.a, pa.supervisors[0].service_engines.total.to_string());
        assert_eq!(total.b, pb.supervisors[0].service_engines.total.to_string());
        assert!(total.changed);
        assert!(!get("Namespaces").changed);
        assert_eq!(get("HA mode").b, "Elastic Active/Active");
        assert_eq!(get("Ingress CIDR").a, pa.supervisors[0].net.networks.ingress_cidr.join(" "));
        assert!(!get("Ingress CIDR").changed);
    }

    #[test]
    fn supervisors_only_on_one_side_show_dashes() {
        let a = Scenario::default();
        let mut b = a.clone();
        b.topology = crate::scenario::Topology::SharedTransportZone;
        let mut extra = Supervisor::new("extra");
        extra.networks.address_pool = vec!["10.230.0.0/16".into()];
        b.supervisors.push(extra);
        let rows = compare(&plan_scenario(&a).unwrap(), &plan_scenario(&b).unwrap());
        let r = rows.iter().find(|r| r.supervisor == "extra" && r.label == "Total SEs").unwrap();
        assert_eq!((r.a.as_str(), r.b.as_str(), r.changed), ("-", "2", true));
    }
}
