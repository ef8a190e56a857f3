//! The plan: everything the engine computes for a design, in one serializable value.
//!
//! [`plan`] runs the SE sizing and the network plan for each Supervisor, by the
//! rules of its platform ([`crate::platform::of`]), and the topology roll-up;
//! [`plan_scenario`] validates first. The UI, the CLI and the
//! reports all render a [`Plan`] and never compute numbers of their own.
//!
//! Only a scenario that does not validate is refused. The SE sizing never depends
//! on addresses, so a Supervisor whose networks cannot be planned (one missing
//! with no pool to carve it from, overlaps, a pool too small) still has its whole
//! SE result; its `network` says why the networks are not planned, each reason a
//! [`FieldError`] at its field, and its network lists are empty.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::design::{validate, Design};
use crate::error::{FieldError, Problem, Warning};
use crate::rules::{self, RuleId, RulesReport};
use crate::network::{self, NetPlan, NetState, NetStatus};
use crate::nsx_lb::NsxLbPlan;
use crate::platform::{self, nsx_vpc::VpcPlan, vds::VdsPlan};
use crate::scenario::{ControlPlaneSize, EdgeProvider, PlatformKind, Scenario, SCENARIO_VERSION};
use crate::sizing::{self, SePlan, TopologyPlan};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub version: u32,
    /// The rules version computed with, the one the scenario was made under, what
    /// that moved, and every rule the answer used.
    pub rules: RulesReport,
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
    /// Whether the networks were planned; when not, why (each reason at its field).
    pub network: NetState,
    /// The networks, allocations and routes; empty unless `network.status` is `planned`.
    #[serde(flatten)]
    pub net: NetPlan,
    /// On VDS: the workload networks, the Avi data network and the Foundation Load
    /// Balancer (the NSX networks above are then empty).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vds: Option<VdsPlan>,
    /// On NSX VPCs: the VPCs, their private CIDRs, the external IP blocks and the
    /// Avi tenants (the NSX networks above are then empty).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vpc: Option<VpcPlan>,
    /// The NSX native load balancer beside Avi, when the scenario asks (`nsx_lb`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nsx_lb: Option<NsxLbPlan>,
    pub warnings: Vec<Warning>,
    /// Information, not warnings (the TKG default service CIDR holding the
    /// Supervisor's, as both VMware defaults do).
    pub notes: Vec<Warning>,
}

impl std::ops::Deref for SupervisorPlan {
    type Target = SePlan;
    fn deref(&self) -> &SePlan {
        &self.se
    }
}

impl SupervisorPlan {
    /// Whether this Supervisor's networks were planned.
    pub fn networks_planned(&self) -> bool {
        self.network.status == NetStatus::Planned
    }
}

impl Plan {
    /// Every reason a network was not planned, each at its field, Supervisor by Supervisor.
    pub fn network_errors(&self) -> Vec<FieldError> {
        self.supervisors.iter().flat_map(|s| s.network.errors.iter().cloned()).collect()
    }

    /// Whether some Supervisor's networks are wrong (not merely missing): the CLI
    /// then exits with status 2.
    pub fn networks_wrong(&self) -> bool {
        self.supervisors.iter().any(|s| s.network.is_error())
    }
}

/// Plans a validated design. Network rules that need the whole picture (overlaps,
/// pool sizes) can still fail here: each Supervisor's `network` then holds its
/// errors, and its SE result stands.
pub fn plan(design: &Design) -> Plan {
    let nets = network::plan_all(design, |sup| platform::of(sup).net);
    let supervisors: Vec<SupervisorPlan> = design
        .supervisors
        .iter()
        .zip(nets)
        .enumerate()
        .map(|(i, (sup, net))| {
            let path = format!("supervisors[{i}]");
            let (se, mut warnings) = sizing::size_supervisor(sup, platform::of(sup).se, &path, &design.capacity);
            let (net, mut network) = match net {
                Ok((net, net_warnings)) => {
                    warnings.extend(net_warnings);
                    (net, NetState::planned())
                }
                Err(errors) => (NetPlan::not_planned(sup), NetState::of(errors)),
            };
            // VDS: its own networks (the NSX ones above are empty), their state, and
            // when the edge is the FLB, no SE warning: the SE group is only compared.
            let vds = sup.vds.as_ref().map(|v| {
                let (vds, errors, vds_warnings) = platform::vds::plan(sup, v, i, &se);
                if v.edge == EdgeProvider::Foundation {
                    warnings.clear();
                }
                warnings.extend(vds_warnings);
                network = if errors.is_empty() { NetState::planned() } else { NetState::of(errors) };
                vds
            });
            // NSX VPCs: their own networks too.
            let vpc = sup.vpc.as_ref().map(|v| {
                let (vpc, errors, vpc_warnings) = platform::nsx_vpc::plan(sup, v, i, &se);
                warnings.extend(vpc_warnings);
                network = if errors.is_empty() { NetState::planned() } else { NetState::of(errors) };
                vpc
            });
            let nsx_lb = sup.nsx_lb.requested.then(|| crate::nsx_lb::compare(sup, i)).flatten();
            let (notes, warnings) = warnings.into_iter().partition(|w| w.kind.is_note());
            SupervisorPlan {
                name: sup.name.clone(),
                platform: sup.platform,
                control_plane_size: sup.control_plane_size,
                se,
                network,
                net,
                vds,
                vpc,
                nsx_lb,
                warnings,
                notes,
            }
        })
        .collect();
    let mut warnings = Vec::new();
    let se_plans: Vec<SePlan> = supervisors.iter().map(|s| s.se.clone()).collect();
    let mut topology = sizing::topology(design, &se_plans, &mut warnings);
    topology.foundation_lbs = foundation_lbs(&supervisors);
    let rules = RulesReport {
        version: rules::CURRENT,
        made_under: design.rules_version,
        changes: rules::changes(design, &se_plans.iter().collect::<Vec<_>>(), &topology),
        applied: applied(design, &supervisors),
    };
    Plan { version: SCENARIO_VERSION, rules, topology, supervisors, warnings }
}

/// Every catalogue rule the plan used, in catalogue order.
fn applied(design: &Design, supervisors: &[SupervisorPlan]) -> Vec<RuleId> {
    let mut ids: BTreeSet<RuleId> = BTreeSet::from([RuleId::ControllerSize]);
    if design.dns.is_some() {
        ids.insert(RuleId::DnsSeGroup);
    }
    for (sup, sp) in design.supervisors.iter().zip(supervisors) {
        ids.extend(sp.se.applied.iter().copied());
        // A Supervisor on VDS or NSX VPCs plans networks of its own: the NSX network rules are not its.
        match (&sp.vds, &sp.vpc) {
            (None, None) => ids.extend(sp.net.rules_applied(sup, &sp.network)),
            (Some(vds), _) => {
                ids.extend([RuleId::VdsDataPool, RuleId::VdsWorkloadNetworks, RuleId::FlbAppliances, RuleId::FlbAddresses]);
                if vds.avi.licence == crate::scenario::AviLicence::Essentials {
                    ids.insert(RuleId::VdsEssentials);
                }
            }
            (None, Some(_)) => {}
        }
        if sp.vpc.is_some() {
            ids.insert(RuleId::VpcAddresses);
        }
        if let Some(lb) = &sp.nsx_lb {
            ids.extend([RuleId::NsxLbTopology, RuleId::NsxLbVirtualServers, RuleId::NsxLbEdgeCredits, RuleId::NsxLbStatus]);
            if lb.l7_clusters > 0 {
                ids.insert(RuleId::NsxLbL4Only);
            }
        }
    }
    ids.into_iter().collect()
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

/// Validates and plans a scenario: `Err` only when the scenario does not validate
/// (every bad field, named); network errors sit inside the plan.
///
/// ```
/// use avi_sizer::{plan::plan_scenario, scenario::Scenario, network::NetStatus};
/// let mut s = Scenario::default();
/// s.supervisors[0].networks.address_pool.clear();
/// let plan = plan_scenario(&s).unwrap();
/// // No pool and no Ingress or Egress CIDR: the networks are not planned, the SEs are.
/// assert_eq!(plan.supervisors[0].network.status, NetStatus::NotPlanned);
/// assert_eq!(plan.supervisors[0].service_engines.total, 5);
/// s.supervisors[0].namespaces[0].count = 0;
/// assert_eq!(plan_scenario(&s).unwrap_err()[0].path, "supervisors[0].namespaces[0].count");
/// ```
pub fn plan_scenario(scenario: &Scenario) -> Result<Plan, Vec<FieldError>> {
    let design = validate(scenario)?;
    check_subnet_total(&design)?;
    Ok(plan(&design))
}

/// [`network::MAX_SUBNETS`] holds for the scenario in all, as the design limits'
/// totals do (see [`crate::design::limits::NAMESPACES_PER_SCENARIO`]): 64
/// Supervisors of 2 million subnets each would take minutes and gigabytes. A
/// Supervisor over the limit on its own is refused at its own field by the
/// network plan.
fn check_subnet_total(design: &Design) -> Result<(), Vec<FieldError>> {
    // A platform without NSX networks (VDS) cuts no subnets.
    let each: Vec<u64> =
        design.supervisors.iter().map(|sup| platform::of(sup).net.map_or(0, |net| network::subnets_needed(sup, net))).collect();
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

/// Why [`import`] refused a text.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// The text is not a scenario (too large, not JSON, a wrong field): one error,
    /// its path empty for the document as a whole.
    Read(FieldError),
    /// A scenario, but one that does not validate: every error, each at its field.
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

    /// Issue 9: the SE sizing never depends on addresses. Networks missing, a pool
    /// too small, an overlap: the plan is made all the same, with the same SE result
    /// and topology, and the network part says why it is not planned.
    #[test]
    fn the_se_result_never_depends_on_the_networks() {
        let mut base = Scenario::default();
        base.supervisors[0].namespaces[0].count = 700;
        let good = {
            let mut s = base.clone();
            s.supervisors[0].networks.address_pool = vec!["10.0.0.0/14".into()];
            plan_scenario(&s).unwrap()
        };
        assert!(good.supervisors[0].networks_planned());
        // (what, the change, the network status it gives, a path among its errors)
        type Case = (&'static str, fn(&mut Supervisor), NetStatus, &'static str);
        let cases: [Case; 3] = [
            (
                "no pool",
                |s| {
                    s.networks.address_pool.clear();
                    s.networks.namespace_network = vec!["10.200.0.0/14".into()];
                },
                NetStatus::NotPlanned,
                "supervisors[0].networks.ingress_cidr",
            ),
            ("pool too small", |s| s.networks.address_pool = vec!["10.220.0.0/16".into()], NetStatus::Error, "supervisors[0].networks.address_pool"),
            (
                "overlap",
                |s| {
                    s.networks.address_pool = vec!["10.0.0.0/14".into()];
                    s.networks.ingress_cidr = vec!["10.244.0.0/20".into()];
                    s.networks.namespace_network = vec!["10.244.0.0/16".into()];
                },
                NetStatus::Error,
                "supervisors[0].networks.ingress_cidr[0]",
            ),
        ];
        for (what, change, status, path) in cases {
            let mut s = base.clone();
            change(&mut s.supervisors[0]);
            let plan = plan_scenario(&s).unwrap_or_else(|e| panic!("{what}: {}", crate::error::render_all(&e)));
            let sp = &plan.supervisors[0];
            assert_eq!(sp.network.status, status, "{what}");
            assert!(sp.network.errors.iter().any(|e| e.path == path), "{what}: {:?}", sp.network.errors);
            assert_eq!(plan.network_errors(), sp.network.errors, "{what}");
            assert_eq!(plan.networks_wrong(), status == NetStatus::Error, "{what}");
            assert_eq!(sp.se, good.supervisors[0].se, "{what}: the SE result is the same");
            assert_eq!(plan.topology, good.topology, "{what}");
            assert!(sp.net.namespaces.is_empty() && sp.net.routes.is_empty() && sp.net.networks.ingress_cidr.is_empty(), "{what}");
        }
    }

    #[test]
    fn an_overlap_with_another_supervisor_stops_only_the_later_ones_networks() {
        let mut s = Scenario { topology: Topology::SharedTransportZone, ..Scenario::default() };
        let mut b = s.supervisors[0].clone();
        b.name = "b".into();
        s.supervisors.push(b);
        for sup in &mut s.supervisors {
            sup.networks.ingress_cidr = vec!["10.9.0.0/24".into()];
        }
        let plan = plan_scenario(&s).unwrap();
        assert!(plan.supervisors[0].networks_planned());
        assert_eq!(plan.supervisors[1].network.status, NetStatus::Error);
        assert_eq!(plan.supervisors[1].network.errors[0].path, "supervisors[1].networks.ingress_cidr[0]");
        assert_eq!(plan.supervisors[1].service_engines.total, plan.supervisors[0].service_engines.total);
    }

    /// DOMAIN.md: the sources disagree on the DFW exclusion list for Active/Active
    /// SEs, so it is a note naming both, not a warning.
    #[test]
    fn the_dfw_exclusion_list_is_a_note_naming_both_sources() {
        let plan = plan_scenario(&crate::presets::find("three-zone").unwrap().scenario).unwrap();
        let sp = &plan.supervisors[0];
        assert!(sp.warnings.iter().all(|w| w.kind != crate::error::WarningKind::DfwExclusion));
        let note = sp.notes.iter().find(|w| w.kind == crate::error::WarningKind::DfwExclusion).expect("a note");
        assert!(note.message.contains("vxplanet series says") && note.message.contains("no longer required since Avi 20.1.3"), "{}", note.message);
    }

    /// Avi 30.2: the Essentials controller size only for the Essentials licence on a
    /// vCenter cloud (VDS); VDS with Enterprise, like NSX, starts at Small.
    #[test]
    fn the_essentials_controller_size_is_for_the_essentials_licence_on_vds_only() {
        let essentials = Scenario::from_json(include_str!("../tests/scenarios/vds-essentials-max-vs-14.json")).unwrap();
        let plan = plan_scenario(&essentials).unwrap();
        let c = &plan.topology.controller_clusters[0];
        assert_eq!((c.size, c.vcpus_per_node, c.memory_gb_per_node), ("essentials", 4, 24));
        assert!(c.size_reason.contains("Avi 22.1 and 30.1 controller sizing"), "{}", c.size_reason);
        let enterprise = Scenario::from_json(include_str!("../tests/scenarios/vds-attached.json")).unwrap();
        let c = &plan_scenario(&enterprise).unwrap().topology.controller_clusters[0];
        assert_eq!((c.size, c.vcpus_per_node, c.memory_gb_per_node), ("small", 6, 32));
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
