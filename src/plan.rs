//! The plan: everything the engine computes for a design, in one serializable value.
//!
//! [`plan`] runs the SE sizing and the network plan for each Supervisor and the
//! topology roll-up; [`plan_scenario`] validates first. The UI, the CLI and the
//! reports all render a [`Plan`] and never compute numbers of their own.

use serde::Serialize;

use crate::design::{validate, Design};
use crate::error::{FieldError, Warning};
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
    let mut supervisors = Vec::with_capacity(design.supervisors.len());
    let mut errors = Vec::new();
    for (i, sup) in design.supervisors.iter().enumerate() {
        let path = format!("supervisors[{i}]");
        let (se, mut warnings) = sizing::size_supervisor(sup, &path, &design.capacity);
        match network::plan_supervisor(sup, i) {
            Ok((net, net_warnings)) => {
                warnings.extend(net_warnings);
                supervisors.push(SupervisorPlan { name: sup.name.clone(), se, net, warnings });
            }
            Err(e) => errors.extend(e),
        }
    }
    errors.extend(network::check_across_supervisors(design));
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut warnings = Vec::new();
    let se_plans: Vec<SePlan> = supervisors.iter().map(|s| s.se.clone()).collect();
    let topology = sizing::topology(design, &se_plans, &mut warnings);
    Ok(Plan { version: SCENARIO_VERSION, topology, supervisors, warnings })
}

/// Validates and plans a scenario.
pub fn plan_scenario(scenario: &Scenario) -> Result<Plan, Vec<FieldError>> {
    plan(&validate(scenario)?)
}
