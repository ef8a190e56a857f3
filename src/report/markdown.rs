//! Markdown: the summary and tables a design document includes.

use super::table;
use crate::plan::{Plan, SupervisorPlan};
use crate::sizing::SeRole;

fn role(r: SeRole) -> &'static str {
    match r {
        SeRole::Active => "active",
        SeRole::Standby => "standby",
        SeRole::Buffer => "buffer",
        SeRole::ZoneSpare => "zone spare",
    }
}

fn supervisor(out: &mut String, sp: &SupervisorPlan) {
    let se = &sp.se.service_engines;
    let set = &sp.se.settings;
    out.push_str(&format!("## Supervisor `{}`\n\n", sp.name));
    out.push_str("### Service Engines\n\n");
    let verdict = if se.feasible { String::new() } else { " (**infeasible**)".to_string() };
    out.push_str(&table(
        &["SE group", "value"],
        &[
            vec!["HA mode".into(), format!("{} (`{}`)", set.ha_mode.label(), set.ha_mode.avi_api())],
            vec!["Scale factor / buffer".into(), format!("{} / {}", set.scale_factor, set.buffer_ses)],
            vec!["Data interfaces / VS per SE".into(), format!("{} / {}", set.data_nics_per_se, set.max_vs_per_se)],
            vec!["SEs carrying load".into(), se.carrying_load.to_string()],
            vec!["Buffer SEs".into(), se.buffer.to_string()],
            vec!["Zone spares".into(), se.zone_spare.to_string()],
            vec!["**Total SEs**".into(), format!("**{}**{verdict}", se.total)],
            vec!["Perfect-placement lower bound".into(), format!("{} ({})", se.lower_bound, se.lower_bound_binding.label())],
            vec!["Binding constraint".into(), se.binding.label().to_string()],
            vec!["max_se".into(), se.max_se.to_string()],
            vec![
                "vCPU / memory / disk".into(),
                format!("{} / {} GB / {} GB", sp.resources.vcpus, sp.resources.memory_gb, sp.resources.disk_gb),
            ],
            vec!["Service Units".into(), sp.resources.service_units.to_string()],
        ],
    ));
    out.push('\n');
    for line in &sp.se.explanation {
        out.push_str(&format!("- {line}\n"));
    }
    if let Some(why) = &se.infeasible_reason {
        out.push_str(&format!("- **{why}**\n"));
    }
    out.push('\n');
    let rows: Vec<Vec<String>> = se
        .placement
        .iter()
        .map(|p| {
            vec![
                format!("se-{}", p.index),
                role(p.role).into(),
                p.zone.map(|z| z.to_string()).unwrap_or_else(|| "-".into()),
                format!("{}/{}", p.interfaces_used, p.interfaces),
                format!("{}/{}", p.virtual_services, p.vs_slots),
                p.vrfs.join(", "),
            ]
        })
        .collect();
    out.push_str(&table(&["SE", "role", "zone", "interfaces", "VS slots", "T1s (VRFs)"], &rows));
    out.push('\n');
    let steps: Vec<Vec<String>> = sp
        .se
        .headroom
        .steps
        .iter()
        .map(|s| {
            vec![
                s.namespaces.to_string(),
                s.carrying_load.to_string(),
                s.total.to_string(),
                s.binding.label().into(),
                if s.projected { "projected".into() } else { "today".into() },
            ]
        })
        .collect();
    out.push_str("### Growth steps\n\n");
    out.push_str(&table(&["at namespace", "SEs carrying load", "total SEs", "added for", ""], &steps));
    out.push('\n');
    if !sp.warnings.is_empty() {
        out.push_str("### Warnings\n\n");
        for w in &sp.warnings {
            out.push_str(&format!("- {}\n", w.message));
        }
        out.push('\n');
    }
}

/// The whole plan as Markdown.
pub fn markdown(plan: &Plan) -> String {
    let t = &plan.topology;
    let mut out = String::from("# Avi Service Engine and Supervisor network plan\n\n");
    out.push_str(&table(
        &["Topology", "NSX managers", "Avi NSX clouds", "Avi controller clusters", "SE vCPU", "Service Units"],
        &[vec![
            t.topology.label().into(),
            t.nsx_managers.to_string(),
            t.nsx_clouds.to_string(),
            t.controller_clusters.len().to_string(),
            t.resources.vcpus.to_string(),
            t.resources.service_units.to_string(),
        ]],
    ));
    out.push('\n');
    let rows: Vec<Vec<String>> = t
        .controller_clusters
        .iter()
        .map(|c| {
            vec![
                c.name.clone(),
                c.supervisors.join(", "),
                c.virtual_services.to_string(),
                c.service_engines.to_string(),
                format!("{} x {} ({} vCPU / {} GB)", c.nodes, c.size, c.vcpus_per_node, c.memory_gb_per_node),
                c.dns_se_group.as_ref().map(|d| format!("{} SEs", d.total)).unwrap_or_else(|| "-".into()),
            ]
        })
        .collect();
    out.push_str(&table(&["Controller cluster", "Supervisors", "VS", "SEs", "size", "DNS SE group"], &rows));
    out.push('\n');
    for w in &plan.warnings {
        out.push_str(&format!("- {}\n", w.message));
    }
    for sp in &plan.supervisors {
        supervisor(&mut out, sp);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{plan::plan_scenario, scenario::Scenario};

    #[test]
    fn markdown_carries_the_plan_numbers() {
        let plan = plan_scenario(&Scenario::default()).unwrap();
        let md = super::markdown(&plan);
        let total = plan.supervisors[0].service_engines.total;
        assert!(md.contains(&format!("| **Total SEs** | **{total}** |")), "{md}");
        assert!(md.contains("| se-1 | active |"), "{md}");
        assert!(md.contains("## Supervisor `supervisor-1`"));
    }
}
