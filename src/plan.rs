//! The plan: everything the engine computes for a design, in one serializable value.
//!
//! [`plan`] runs the SE sizing and the network plan for each Supervisor, by the
//! rules of its platform ([`crate::platform::of`]), and the topology roll-up;
//! [`plan_scenario`] validates first. The UI, the CLI and the
//! reports all render a [`Plan`] and never compute numbers of their own.

use serde::Serialize;

use crate::design::{validate, Design};
use crate::error::{FieldError, Warning};
use crate::network::{self, NetPlan};
use crate::platform::{self, vds::VdsPlan};
use crate::scenario::{ControlPlaneSize, EdgeProvider, PlatformKind, Scenario, SCENARIO_VERSION};
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
    /// The platform it runs on (left out for NSX with Avi).
    #[serde(skip_serializing_if = "PlatformKind::is_nsx_avi")]
    pub platform: PlatformKind,
    /// The control plane size the plan used (service CIDR default, Terraform `sizing_hint`).
    pub control_plane_size: ControlPlaneSize,
    #[serde(flatten)]
    pub se: SePlan,
    #[serde(flatten)]
    pub net: NetPlan,
    /// On VDS: the workload networks, the Avi data network and the Foundation Load
    /// Balancer (the NSX networks above are then empty).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vds: Option<VdsPlan>,
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
    let (nets, across) = network::plan_all(design, |sup| platform::of(sup).net);
    for (i, (sup, net)) in design.supervisors.iter().zip(nets).enumerate() {
        let path = format!("supervisors[{i}]");
        let (se, mut warnings) = sizing::size_supervisor(sup, platform::of(sup).se, &path, &design.capacity);
        let vds = sup.vds.as_ref().map(|v| {
            let (vds, vds_errors, vds_warnings) = platform::vds::plan(sup, v, i, &se);
            if v.edge == EdgeProvider::Foundation {
                // The SE group is only Avi's side of the comparison: its warnings are not the design's.
                warnings.clear();
            }
            errors.extend(vds_errors);
            warnings.extend(vds_warnings);
            vds
        });
        match net {
            Ok((net, net_warnings)) => {
                warnings.extend(net_warnings);
                supervisors.push(SupervisorPlan {
                    name: sup.name.clone(),
                    platform: sup.platform,
                    control_plane_size: sup.control_plane_size,
                    se,
                    net,
                    vds,
                    warnings,
                });
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
    let mut topology = sizing::topology(design, &se_plans, &mut warnings);
    topology.foundation_lbs = foundation_lbs(&supervisors);
    Ok(Plan { version: SCENARIO_VERSION, topology, supervisors, warnings })
}

/// The Foundation Load Balancers of the Supervisors enabled with one, in all.
fn foundation_lbs(supervisors: &[SupervisorPlan]) -> Option<sizing::FoundationLbs> {
    let flbs: Vec<_> = supervisors.iter().filter_map(|s| s.vds.as_ref()).filter(|v| v.edge == EdgeProvider::Foundation).map(|v| &v.flb).collect();
    (!flbs.is_empty()).then(|| sizing::FoundationLbs {
        supervisors: flbs.len() as u32,
        appliances: flbs.iter().map(|f| u64::from(f.appliances)).sum(),
        vcpus: flbs.iter().map(|f| f.vcpus).sum(),
        memory_gb: flbs.iter().map(|f| f.memory_gb).sum(),
        disk_gb: flbs.iter().map(|f| f.disk_gb).sum(),
    })
}

/// Validates and plans a scenario.
pub fn plan_scenario(scenario: &Scenario) -> Result<Plan, Vec<FieldError>> {
    plan(&validate(scenario)?)
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
    fn a_tiny_control_plane_takes_a_24_service_cidr_by_default() {
        use crate::network::Source;
        use crate::scenario::ControlPlaneSize;
        let service = |size: ControlPlaneSize, given: Option<&str>| {
            let mut s = Scenario::default();
            s.supervisors[0].control_plane_size = size;
            s.supervisors[0].networks.service_cidr = given.map(str::to_string);
            let plan = plan_scenario(&s).unwrap_or_else(|e| panic!("{}", crate::error::render_all(&e)));
            let sp = &plan.supervisors[0];
            assert_eq!(sp.control_plane_size, size);
            (sp.net.networks.service_cidr.clone(), sp.net.networks.source.service_cidr)
        };
        assert_eq!(service(ControlPlaneSize::Tiny, None), (vec!["10.96.0.0/24".to_string()], Source::Default));
        for size in [ControlPlaneSize::Small, ControlPlaneSize::Medium, ControlPlaneSize::Large] {
            assert_eq!(service(size, None), (vec!["10.96.0.0/23".to_string()], Source::Default), "{size:?}");
        }
        assert_eq!(service(ControlPlaneSize::Tiny, Some("172.30.0.0/22")), (vec!["172.30.0.0/22".to_string()], Source::Given));
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
