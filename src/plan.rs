//! The plan: everything the engine computes for a design, in one serializable value.
//!
//! [`plan`] runs the SE sizing and the network plan for each Supervisor and the
//! topology roll-up; [`plan_scenario`] validates first. The UI, the CLI and the
//! reports all render a [`Plan`] and never compute numbers of their own.

use serde::Serialize;

use crate::design::{validate, Design};
use crate::error::{FieldError, Problem, Warning};
use crate::network::{self, NetPlan};
use crate::scenario::{Scenario, SCENARIO_VERSION};
use crate::sizing::{self, SePlan, TopologyPlan};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub version: u32,
    pub topology: TopologyPlan,
    pub supervisors: Vec<SupervisorPlan>,
    /// Warnings about the design as a whole (per-Supervisor ones sit with it).
    pub warnings: Vec<Warning>,
}

/// One Supervisor: its SE group and its networks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SupervisorPlan {
    pub name: String,
    #[serde(flatten)]
    pub se: SePlan,
    #[serde(flatten)]
    pub net: NetPlan,
    pub warnings: Vec<Warning>,
}

impl std::ops::Deref for SupervisorPlan {
    type Target = SePlan;
    fn deref(&self) -> &SePlan {
        &self.se
    }
}

/// Plans a validated design. Network rules that need the whole picture (overlaps,
/// pool sizes) can still fail here, each error at its field.
pub fn plan(design: &Design) -> Result<Plan, Vec<FieldError>> {
    check_subnet_total(design)?;
    let mut supervisors = Vec::with_capacity(design.supervisors.len());
    let mut errors = Vec::new();
    let (nets, across) = network::plan_all(design);
    for (i, (sup, net)) in design.supervisors.iter().zip(nets).enumerate() {
        let path = format!("supervisors[{i}]");
        let (se, mut warnings) = sizing::size_supervisor(sup, &path, &design.capacity);
        match net {
            Ok((net, net_warnings)) => {
                warnings.extend(net_warnings);
                supervisors.push(SupervisorPlan { name: sup.name.clone(), se, net, warnings });
            }
            Err(e) => errors.extend(e),
        }
    }
    errors.extend(across);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut warnings = Vec::new();
    let se_plans: Vec<SePlan> = supervisors.iter().map(|s| s.se.clone()).collect();
    let topology = sizing::topology(design, &se_plans, &mut warnings);
    Ok(Plan { version: SCENARIO_VERSION, topology, supervisors, warnings })
}

/// [`network::MAX_SUBNETS`] holds for the scenario in all, as the design limits'
/// totals do (see [`crate::design::limits::NAMESPACES_PER_SCENARIO`]): 64
/// Supervisors of 2 million subnets each would take minutes and gigabytes. A
/// Supervisor over the limit on its own is refused at its own field by the
/// network plan.
fn check_subnet_total(design: &Design) -> Result<(), Vec<FieldError>> {
    let each: Vec<u64> = design.supervisors.iter().map(network::subnets_needed).collect();
    let total = each.iter().fold(0u64, |a, &n| a.saturating_add(n));
    if each.len() > 1 && total > network::MAX_SUBNETS && each.iter().all(|&n| n <= network::MAX_SUBNETS) {
        return Err(vec![FieldError::new(
            "supervisors",
            format!("{total} namespace and cluster subnets in all Supervisors"),
            Problem::TooLarge { max: network::MAX_SUBNETS },
        )]);
    }
    Ok(())
}

/// Validates and plans a scenario.
pub fn plan_scenario(scenario: &Scenario) -> Result<Plan, Vec<FieldError>> {
    plan(&validate(scenario)?)
}

/// Why [`import`] refused a text.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// The text is not a scenario (too large, not JSON, a wrong field): one error,
    /// its path empty for the document as a whole.
    Read(FieldError),
    /// A scenario, but one that does not plan: every error, each at its field.
    Plan(Vec<FieldError>),
}

/// An imported text (a file or a paste) read and planned: what the page loads
/// on Import, or why it keeps the current scenario. A leading byte-order mark
/// (editors on Windows write one) is skipped.
///
/// ```
/// use avi_sizer::plan::{import, ImportError};
/// let text = "\u{feff}{\"supervisors\":[{\"name\":\"a\",\"networks\":{\"address_pool\":[\"10.0.0.0/16\"]}}]}";
/// let (scenario, plan) = import(text).unwrap();
/// assert_eq!(plan.supervisors[0].name, scenario.supervisors[0].name);
/// let Err(ImportError::Read(e)) = import("{") else { panic!() };
/// assert_eq!(e.path, "");
/// let Err(ImportError::Plan(e)) = import(r#"{"supervisors":[{"name":"a","zones":2}]}"#) else { panic!() };
/// assert_eq!(e[0].path, "supervisors[0].zones");
/// ```
pub fn import(text: &str) -> Result<(Scenario, Plan), ImportError> {
    let scenario = Scenario::from_json(text.trim_start_matches('\u{feff}')).map_err(ImportError::Read)?;
    let plan = plan_scenario(&scenario).map_err(ImportError::Plan)?;
    Ok((scenario, plan))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{NamespaceGroup, Supervisor, Topology};
    use ipnet::Ipv4Net;

    fn routed(p: &SupervisorPlan) -> Vec<Ipv4Net> {
        let n = &p.net.networks;
        n.ingress_cidr.iter().chain(&n.egress_cidr).chain(&n.namespace_network).map(|c| c.parse().unwrap()).collect()
    }

    #[test]
    fn supervisors_sharing_a_pool_carve_around_each_other() {
        let mut s = Scenario { topology: Topology::SharedTransportZone, ..Scenario::default() };
        s.supervisors.clear();
        for name in ["a", "b", "c"] {
            let mut sup = Supervisor::new(name);
            sup.networks.address_pool = vec!["10.50.0.0/16".into()];
            let mut g = NamespaceGroup::new("team", 20);
            g.tkg_clusters = 1;
            g.lb_services_per_cluster = 2;
            sup.namespaces.push(g);
            s.supervisors.push(sup);
        }
        // b was given its Ingress CIDR inside the shared pool: a must carve around it.
        s.supervisors[1].networks.ingress_cidr = vec!["10.50.0.0/24".into()];
        let plan = plan_scenario(&s).unwrap_or_else(|e| panic!("{}", crate::error::render_all(&e)));
        let pool: Ipv4Net = "10.50.0.0/16".parse().unwrap();
        let all: Vec<Ipv4Net> = plan.supervisors.iter().flat_map(routed).collect();
        assert_eq!(all.len(), 9);
        for (i, x) in all.iter().enumerate() {
            assert!(pool.contains(x), "{x} outside the pool");
            for y in &all[i + 1..] {
                assert!(!x.contains(y) && !y.contains(x), "{x} overlaps {y}");
            }
        }
        assert_eq!(plan.supervisors[1].net.networks.ingress_cidr, vec!["10.50.0.0/24".to_string()]);
    }
}
