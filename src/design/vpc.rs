//! Validation of a Supervisor's NSX VPC inputs (`supervisors[i].vpc`, a group's
//! `vpc` and `private_cidrs`), each error at its field:
//! - VPC inputs on another platform, and the NSX T1 inputs on a VPC Supervisor
//!   (Ingress/Egress/namespace networks, the address pool, Supervisor Services, a
//!   group's NAT, T0 and own T1 networks): an error naming the Supervisor's
//!   `platform`, so nothing is silently ignored.
//! - A group's `vpc` must name one of `vpc.vpcs`; a group on a pre-created VPC
//!   cannot bring private CIDRs of its own (the VPC's are given under `vpc.vpcs`).
//! - CIDRs parse; the assumption inputs stay in range. Overlaps and capacities need
//!   the whole picture and are the network plan's ([`crate::platform::nsx_vpc`]).

use std::collections::HashSet;

use crate::error::{FieldError, Problem};
use crate::scenario::{PlatformKind, Supervisor, T0Mode, VpcSeGroups};

use super::{limits, Checker, Cidr};

/// The NSX project a Supervisor's VPCs are in when none is given.
pub const DEFAULT_PROJECT: &str = "default";
/// Namespace subnets on VPCs when none is given: /27, 32 addresses (vSphere API
/// `VpcNetworkCreateSpec.default_subnet_size`).
pub const VPC_SUBNET_PREFIX: u8 = 27;
/// Assumption: the prefix of the Avi subnet a VPC takes from its private block.
pub const AVI_SUBNET_PREFIX: u8 = 28;
/// Assumption: addresses NSX keeps out of every VPC subnet (network, gateway, broadcast).
pub const RESERVED_PER_SUBNET: u32 = 3;

/// A pre-created VPC, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedVpcDesign {
    pub name: String,
    pub project: String,
    /// Its own private CIDRs (empty: the Supervisor's).
    pub private_cidrs: Vec<Cidr>,
    /// JSON path, e.g. `supervisors[0].vpc.vpcs[1]`.
    pub path: String,
}

/// A Supervisor on NSX VPC networking, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VpcDesign {
    pub project: String,
    pub external_blocks: Vec<Cidr>,
    pub private_tgw_blocks: Vec<Cidr>,
    pub private_cidrs: Vec<Cidr>,
    pub vpcs: Vec<SharedVpcDesign>,
    pub se_groups: VpcSeGroups,
    pub inherited_private_cidrs_suffice: bool,
    pub avi_subnet_prefix: u8,
    pub reserved_per_subnet: u32,
    pub snat_per_vpc: bool,
    /// Per namespace group (in order): the pre-created VPC it shares, or `None`
    /// when each of its namespaces gets a VPC of its own.
    pub group_vpcs: Vec<Option<usize>>,
    /// Per namespace group: the private CIDRs of its own VPCs (empty: the Supervisor's).
    pub group_private_cidrs: Vec<Vec<Cidr>>,
}

fn conflict(c: &mut Checker, path: String, value: impl Into<String>, other: String, reason: &str) {
    c.errors.push(FieldError::new(path, value, Problem::Conflict { other, reason: reason.to_string() }));
}

fn project(c: &mut Checker, path: String, given: Option<&String>, fallback: &str) -> String {
    match given.map(|p| p.trim()) {
        None => fallback.to_string(),
        Some("") => {
            c.errors.push(FieldError::new(path, "", Problem::BadName { reason: "must not be empty".into() }));
            fallback.to_string()
        }
        Some(p) if p.chars().count() > limits::NAME_LEN => {
            c.errors.push(FieldError::new(path, p, Problem::BadName { reason: format!("must be at most {} characters", limits::NAME_LEN) }));
            fallback.to_string()
        }
        Some(p) => p.to_string(),
    }
}

/// The VPC checks of Supervisor `base` and, on NSX VPCs, its checked inputs.
pub(super) fn validate(c: &mut Checker, base: &str, sup: &Supervisor) -> Option<VpcDesign> {
    let platform = format!("{base}.platform");
    if sup.platform != PlatformKind::NsxVpc {
        if !sup.vpc.is_empty() {
            conflict(c, format!("{base}.vpc"), "{…}", platform.clone(), "VPC settings are only used with platform nsx_vpc");
        }
        for (j, g) in sup.namespaces.iter().enumerate().take(limits::GROUPS_PER_SUPERVISOR as usize) {
            let gp = format!("{base}.namespaces[{j}]");
            if let Some(v) = &g.vpc {
                conflict(c, format!("{gp}.vpc"), v.as_str(), platform.clone(), "VPCs are an NSX VPC input");
            }
            if !g.private_cidrs.is_empty() {
                conflict(c, format!("{gp}.private_cidrs"), g.private_cidrs.join(", "), platform.clone(), "private CIDRs are an NSX VPC input");
            }
        }
        return None;
    }
    t1_only(c, base, sup, &platform);
    let spec = &sup.vpc;
    let vp = |f: &str| format!("{base}.vpc.{f}");
    let own_project = project(c, vp("project"), spec.project.as_ref(), DEFAULT_PROJECT);
    let mut names = HashSet::new();
    let vpcs: Vec<SharedVpcDesign> = spec
        .vpcs
        .iter()
        .take(limits::CIDRS_PER_LIST as usize)
        .enumerate()
        .map(|(k, v)| {
            let path = vp(&format!("vpcs[{k}]"));
            c.name(&format!("{path}.name"), &v.name, &mut names);
            SharedVpcDesign {
                name: v.name.trim().to_string(),
                project: project(c, format!("{path}.project"), v.project.as_ref(), &own_project),
                private_cidrs: c.cidrs(&format!("{path}.private_cidrs"), &v.private_cidrs, None),
                path,
            }
        })
        .collect();
    c.range(&vp("vpcs"), spec.vpcs.len() as u64, 0, limits::CIDRS_PER_LIST);
    let avi_subnet_prefix = spec.avi_subnet_prefix.unwrap_or(AVI_SUBNET_PREFIX);
    c.range(&vp("avi_subnet_prefix"), u64::from(avi_subnet_prefix), 16, 29);
    let reserved = spec.reserved_per_subnet.unwrap_or(RESERVED_PER_SUBNET);
    c.range(&vp("reserved_per_subnet"), u64::from(reserved), 0, 8);
    let mut group_vpcs = Vec::with_capacity(sup.namespaces.len());
    let mut group_private_cidrs = Vec::with_capacity(sup.namespaces.len());
    for (j, g) in sup.namespaces.iter().enumerate().take(limits::GROUPS_PER_SUPERVISOR as usize) {
        let gp = format!("{base}.namespaces[{j}]");
        let shared = g.vpc.as_ref().map(|name| {
            vpcs.iter().position(|v| v.name.eq_ignore_ascii_case(name.trim())).unwrap_or_else(|| {
                let allowed = if vpcs.is_empty() {
                    "a pre-created VPC given under vpc.vpcs (none is given)".to_string()
                } else {
                    format!("the pre-created VPCs ({})", vpcs.iter().map(|v| v.name.as_str()).collect::<Vec<_>>().join(", "))
                };
                c.errors.push(FieldError::new(format!("{gp}.vpc"), name.as_str(), Problem::NotOneOf { allowed }));
                0
            })
        });
        if shared.is_some() && !g.private_cidrs.is_empty() {
            conflict(
                c,
                format!("{gp}.private_cidrs"),
                g.private_cidrs.join(", "),
                format!("{gp}.vpc"),
                "namespaces on a pre-created VPC use its private CIDRs: give them under vpc.vpcs",
            );
        }
        group_vpcs.push(shared);
        group_private_cidrs.push(c.cidrs(&format!("{gp}.private_cidrs"), &g.private_cidrs, None));
    }
    Some(VpcDesign {
        project: own_project,
        external_blocks: c.cidrs(&vp("external_blocks"), &spec.external_blocks, None),
        private_tgw_blocks: c.cidrs(&vp("private_tgw_blocks"), &spec.private_tgw_blocks, None),
        private_cidrs: c.cidrs(&vp("private_cidrs"), &spec.private_cidrs, None),
        vpcs,
        se_groups: spec.se_groups.unwrap_or_default(),
        inherited_private_cidrs_suffice: spec.inherited_private_cidrs_suffice.unwrap_or(true),
        avi_subnet_prefix: avi_subnet_prefix.clamp(16, 29),
        reserved_per_subnet: reserved.min(8),
        snat_per_vpc: spec.snat_per_vpc.unwrap_or(true),
        group_vpcs,
        group_private_cidrs,
    })
}

/// The T1 inputs of NSX with Avi given to a VPC Supervisor.
fn t1_only(c: &mut Checker, base: &str, sup: &Supervisor, platform: &str) {
    let n = &sup.networks;
    let why = "VPC Supervisors have no Ingress, Egress or namespace network: VIPs come from vpc.external_blocks, \
               namespace subnets from the VPCs' private CIDRs";
    let lists = [
        ("ingress_cidr", &n.ingress_cidr),
        ("egress_cidr", &n.egress_cidr),
        ("namespace_network", &n.namespace_network),
        ("address_pool", &n.address_pool),
    ];
    super::platform::lists_given(c, &format!("{base}.networks"), &lists, platform, why);
    if sup.supervisor_services > 0 {
        conflict(
            c,
            format!("{base}.supervisor_services"),
            sup.supervisor_services.to_string(),
            platform.to_string(),
            "Supervisor Services are sized as NSX namespaces with a T1 here; PLATFORMS.md §8 gives no rule for them on VPCs",
        );
    }
    for (j, g) in sup.namespaces.iter().enumerate().take(limits::GROUPS_PER_SUPERVISOR as usize) {
        let gp = format!("{base}.namespaces[{j}]");
        let group_lists = [("ingress_cidr", &g.ingress_cidr), ("egress_cidr", &g.egress_cidr), ("namespace_network", &g.namespace_network)];
        super::platform::lists_given(c, &gp, &group_lists, platform, why);
        if let Some(nat) = g.nat {
            conflict(c, format!("{gp}.nat"), nat.to_string(), platform.to_string(), "NAT is a setting of the VPC's connectivity, not of a namespace");
        }
        if g.t0 != T0Mode::Shared {
            conflict(c, format!("{gp}.t0"), g.t0.key(), platform.to_string(), "VPCs connect through their transit gateway, not a T0 per namespace");
        }
    }
}
