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
        // max_se is raised to the computed total where the scenario's is lower.
        assert_eq!(v["max_se"], sp.service_engines.total.max(20));
    }
}
