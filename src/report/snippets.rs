//! Configuration a user would otherwise type by hand: the Avi SE group fields (as
//! Avi API JSON), and (with the network plan) the T0 route aggregation prefixes and
//! a Terraform `vsphere_supervisor` block.

use serde_json::json;

use crate::plan::SupervisorPlan;
use crate::scenario::{HaMode, Placement};

/// The SE group as Avi `ServiceEngineGroup` API fields (PUT/PATCH body).
///
/// `memory_per_se` is in MB, `disk_per_se` in GB, as the Avi API takes them.
pub fn avi_se_group(sp: &SupervisorPlan) -> String {
    let s = &sp.se.settings;
    let body = json!({
        "name": format!("{}-se-group", sp.name),
        "ha_mode": s.ha_mode.avi_api(),
        "active_standby": s.ha_mode == HaMode::ActiveStandby,
        "algo": match s.placement {
            Placement::Compact => "PLACEMENT_ALGO_PACKED",
            Placement::Distributed => "PLACEMENT_ALGO_DISTRIBUTED",
        },
        "min_scaleout_per_vs": s.scale_factor,
        "buffer_se": s.buffer_ses,
        "max_se": s.max_se.max(sp.se.service_engines.total),
        "max_vs_per_se": s.max_vs_per_se,
        "vcpus_per_se": s.vcpus_per_se,
        "memory_per_se": s.memory_gb_per_se * 1024,
        "disk_per_se": s.disk_gb_per_se,
    });
    serde_json::to_string_pretty(&body).unwrap_or_default()
}

/// Per T0, the NSX Policy API body that aggregates the advertised prefixes
/// (`PATCH /policy/api/v1/infra/tier-0s/{t0}/locale-services/{ls}/bgp`), so the T0
/// advertises the aggregates instead of one /32 per VIP and SNAT IP.
pub fn t0_route_aggregation(sp: &SupervisorPlan) -> String {
    let mut out = String::new();
    for r in &sp.net.routes {
        let body = json!({
            "route_aggregations": r.aggregates.iter().map(|p| json!({ "prefix": p, "summary_only": true })).collect::<Vec<_>>(),
        });
        out.push_str(&format!(
            "# T0 {}: {} host routes become {} routes\nPATCH /policy/api/v1/infra/tier-0s/{}/locale-services/default/bgp\n{}\n\n",
            r.t0,
            r.host_routes + r.subnet_routes,
            r.routes_with_aggregation,
            r.t0,
            serde_json::to_string_pretty(&body).unwrap_or_default()
        ));
    }
    out
}

fn cidr_blocks(name: &str, cidrs: &[String]) -> String {
    cidrs
        .iter()
        .filter_map(|c| c.split_once('/'))
        .map(|(a, p)| format!("  {name} {{\n    address = \"{a}\"\n    prefix  = {p}\n  }}\n"))
        .collect()
}

/// The Supervisor's network values as a Terraform `vsphere_supervisor` block
/// (hashicorp/vsphere provider). Values the calculator does not know are `<...>`.
pub fn terraform(sp: &SupervisorPlan) -> String {
    let n = &sp.net.networks;
    let id: String = sp.name.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '_' }).collect();
    let mut out = format!("resource \"vsphere_supervisor\" \"{id}\" {{\n");
    out.push_str("  cluster         = \"<compute_cluster_id>\"\n  storage_policy  = \"<storage_policy_name>\"\n");
    out.push_str("  content_library = \"<content_library_id>\"\n  main_dns        = \"<dns_server>\"\n  worker_dns      = \"<dns_server>\"\n");
    out.push_str("  edge_cluster    = \"<edge_cluster_id>\"\n  dvs_uuid        = \"<distributed_switch_uuid>\"\n  sizing_hint     = \"SMALL\"\n\n");
    out.push_str("  management_network {\n    network          = \"<portgroup_id>\"\n    subnet_mask      = \"<subnet_mask>\"\n");
    match &sp.net.management {
        Some(m) => out.push_str(&format!("    starting_address = \"{}\"\n", m.first)),
        None => out.push_str("    starting_address = \"<first of 5 consecutive IPs>\"\n"),
    }
    out.push_str("    gateway          = \"<gateway>\"\n    address_count    = 5\n  }\n\n");
    out.push_str(&cidr_blocks("ingress_cidr", &n.ingress_cidr));
    out.push_str(&cidr_blocks("egress_cidr", &n.egress_cidr));
    out.push_str(&cidr_blocks("pod_cidr", &n.namespace_network));
    out.push_str(&cidr_blocks("service_cidr", &n.service_cidr));
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use crate::plan::plan_scenario;
    use crate::presets;

    #[test]
    fn avi_fields_follow_the_plan() {
        let plan = plan_scenario(&presets::find("three-zone").unwrap().scenario).unwrap();
        let sp = &plan.supervisors[0];
        let v: serde_json::Value = serde_json::from_str(&super::avi_se_group(sp)).unwrap();
        assert_eq!(v["ha_mode"], "HA_MODE_SHARED_PAIR");
        assert_eq!(v["min_scaleout_per_vs"], 2);
        assert_eq!(v["buffer_se"], 1);
        assert_eq!(v["algo"], "PLACEMENT_ALGO_PACKED");
        assert_eq!(v["memory_per_se"], 2048);
        assert_eq!(v["disk_per_se"], 15);
        assert_eq!((sp.service_engines.total, v["max_se"].as_u64()), (30, Some(40)));
        // max_se is raised to the computed total where the scenario's is lower.
        let mut s = crate::scenario::Scenario::default();
        s.supervisors[0].namespaces[0].count = 60;
        s.supervisors[0].namespaces[0].lb_services_per_cluster = 1;
        let plan = plan_scenario(&s).unwrap();
        let v: serde_json::Value = serde_json::from_str(&super::avi_se_group(&plan.supervisors[0])).unwrap();
        assert_eq!(v["max_se"], 14);
    }

    #[test]
    fn terraform_carries_the_carved_networks() {
        let plan = plan_scenario(&presets::find("single").unwrap().scenario).unwrap();
        let sp = &plan.supervisors[0];
        let tf = super::terraform(sp);
        let ingress = &sp.net.networks.ingress_cidr[0];
        let (addr, prefix) = ingress.split_once('/').unwrap();
        assert!(tf.starts_with("resource \"vsphere_supervisor\" \"supervisor_1\" {"), "{tf}");
        assert!(tf.contains(&format!("  ingress_cidr {{\n    address = \"{addr}\"\n    prefix  = {prefix}\n  }}")), "{tf}");
        assert_eq!(tf.matches("pod_cidr {").count(), sp.net.networks.namespace_network.len());
        assert!(tf.contains("service_cidr {\n    address = \"10.96.0.0\"\n    prefix  = 23"), "{tf}");
    }

    #[test]
    fn t0_aggregation_lists_every_aggregate() {
        let plan = plan_scenario(&presets::find("dedicated-t0-vrf").unwrap().scenario).unwrap();
        let sp = &plan.supervisors[0];
        let text = super::t0_route_aggregation(sp);
        assert_eq!(text.matches("PATCH /policy/api/v1/infra/tier-0s/").count(), sp.net.routes.len());
        for r in &sp.net.routes {
            for a in &r.aggregates {
                assert!(text.contains(&format!("\"prefix\": \"{a}\"")), "{a} missing from\n{text}");
            }
        }
        assert!(sp.net.routes.len() >= 3, "shared, dedicated and VRF T0s");
    }
}
