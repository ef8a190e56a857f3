//! Validation of the platform part of a Supervisor: which platform goes with which
//! inputs, HA mode and licence, and the VDS inputs themselves (workload networks,
//! the Avi data network, the Foundation Load Balancer), each error at its field.
//!
//! What is checked here, and why:
//! - VDS settings (`vds`, a group's `workload_network`) on an NSX Supervisor, and
//!   NSX-only inputs (Ingress/Egress/namespace networks, the namespace subnet
//!   prefix, the address pool, a group's NAT, T0 and own networks, vSphere pods and
//!   their LoadBalancer Services) on a VDS Supervisor: an error naming the
//!   Supervisor's `platform`, so nothing is silently ignored.
//! - Essentials allows only Legacy Active/Standby SE groups (alb-sdk
//!   `ServiceEngineGroup.ha_mode`: "Essentials edition (Allowed values-
//!   HA_MODE_LEGACY_ACTIVE_STANDBY)"): it is the default under Essentials, another
//!   mode is an error naming the licence, and with Avi as the edge a load above
//!   `max_vs_per_se` is an error (A/S puts every VS on both SEs; PLATFORMS.md §4).
//! - The Foundation Load Balancer and a one-VM control plane need vSphere 9.0
//!   (vSphere Automation API: `EdgeProvider.VSPHERE_FOUNDATION` and
//!   `ControlPlane.count` were added in 9.0.0.0).
//! - Ranges: parsed, inside the IPv4 space, inside their network's subnet when one
//!   is given. Overlaps and capacities need the whole picture and are the network
//!   plan's ([`crate::platform::vds`]).

use std::collections::HashSet;
use std::net::Ipv4Addr;

use crate::error::{FieldError, Problem};
use crate::scenario::{
    AviLicence, EdgeProvider, FlbAvailability, FlbSize, FlbTopology, HaMode, PlatformKind, RangeSpec, SeAttachment,
    SeGroupSpec, SubnetSpec, Supervisor, T0Mode, VsphereVersion,
};

use super::{limits, parse_addr, Checker, Cidr, SeGroupConfig};

/// The Supervisor control-plane VMs when none is given (vSphere API `ControlPlane.count`).
pub const CONTROL_PLANE_VMS: u32 = 3;
/// The name of the primary workload network when none is given.
pub const PRIMARY: &str = "primary";
/// Most addresses one range may hold (a /8): far above any port group.
pub const RANGE_COUNT_MAX: u64 = 1 << 24;

/// Consecutive addresses as given: `count` from `start`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddrRange {
    pub start: Ipv4Addr,
    pub count: u32,
    /// JSON path of the range, e.g. `supervisors[0].vds.workload_networks[1].ranges[0]`.
    pub path: String,
}

impl AddrRange {
    /// First address and one past the last, as numbers.
    pub fn bounds(&self) -> (u64, u64) {
        let start = u64::from(u32::from(self.start));
        (start, start + u64::from(self.count))
    }

    /// `10.0.0.10-10.0.0.29`.
    pub fn text(&self) -> String {
        let (start, end) = self.bounds();
        let last = Ipv4Addr::from(u32::try_from(end.saturating_sub(1)).unwrap_or(u32::MAX));
        format!("{}-{last}", Ipv4Addr::from(u32::try_from(start).unwrap_or(u32::MAX)))
    }
}

/// A network given as an optional subnet and ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubnetDesign {
    /// JSON path of the network, e.g. `supervisors[0].vds.data_network`.
    pub path: String,
    pub subnet: Option<Cidr>,
    pub ranges: Vec<AddrRange>,
}

impl SubnetDesign {
    /// Addresses the ranges hold.
    pub fn capacity(&self) -> u64 {
        self.ranges.iter().map(|r| u64::from(r.count)).sum()
    }

    /// Whether nothing was given.
    pub fn is_empty(&self) -> bool {
        self.subnet.is_none() && self.ranges.is_empty()
    }
}

/// A Supervisor workload network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkloadNetworkDesign {
    pub name: String,
    pub net: SubnetDesign,
}

/// The Foundation Load Balancer's inputs, defaults applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlbDesign {
    pub availability: FlbAvailability,
    pub size: FlbSize,
    pub topology: FlbTopology,
    /// `supervisors[i].vds.flb.vip_ranges`, and the ranges given there.
    pub vips: SubnetDesign,
    pub max_vips: Option<u32>,
    /// Three NICs: the FLB's own management and frontend port groups.
    pub management_network: SubnetDesign,
    pub frontend_network: SubnetDesign,
    pub nodes_use_supervisor_ranges: bool,
    pub serves_api_vips: bool,
}

/// A Supervisor on VDS networking, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VdsDesign {
    pub edge: EdgeProvider,
    pub vsphere_version: VsphereVersion,
    pub control_plane_vms: u32,
    pub licence: AviLicence,
    pub se_attachment: SeAttachment,
    pub pool_counts_buffer_ses: bool,
    pub attached_nics_take_addresses: bool,
    /// At least one; the first is the primary.
    pub workload_networks: Vec<WorkloadNetworkDesign>,
    pub data_network: SubnetDesign,
    pub flb: FlbDesign,
    /// Per namespace group (in order), the index of its workload network.
    pub group_networks: Vec<usize>,
}

fn conflict(c: &mut Checker, path: String, value: impl Into<String>, other: String, reason: &str) {
    c.errors.push(FieldError::new(path, value, Problem::Conflict { other, reason: reason.to_string() }));
}

impl Checker {
    fn range_spec(&mut self, path: String, r: &RangeSpec, subnet: Option<&Cidr>) -> Option<AddrRange> {
        let address = match parse_addr(&r.address) {
            Ok(a) => a,
            Err(problem) => {
                self.errors.push(FieldError::new(format!("{path}.address"), r.address.as_str(), problem));
                return None;
            }
        };
        self.range(&format!("{path}.count"), u64::from(r.count), 1, RANGE_COUNT_MAX);
        if r.count == 0 || u64::from(r.count) > RANGE_COUNT_MAX {
            return None;
        }
        let start = u64::from(u32::from(address));
        if start + u64::from(r.count) > 1 << 32 {
            let last_start = Ipv4Addr::from(u32::try_from((1u64 << 32) - u64::from(r.count)).unwrap_or(0)).to_string();
            self.errors.push(FieldError::new(
                format!("{path}.address"),
                r.address.as_str(),
                Problem::RangeOverflow { count: r.count, last_start },
            ));
            return None;
        }
        let range = AddrRange { start: address, count: r.count, path };
        if let Some(s) = subnet {
            let (first, end) = range.bounds();
            let net_start = u64::from(u32::from(s.net.network()));
            let net_end = net_start + (1u64 << (32 - u32::from(s.net.prefix_len())));
            if first < net_start || end > net_end {
                self.errors.push(FieldError::new(
                    range.path.clone(),
                    range.text(),
                    Problem::Conflict { other: s.path.clone(), reason: format!("the range is not inside the subnet {}", s.net) },
                ));
            }
        }
        Some(range)
    }

    fn subnet_spec(&mut self, path: &str, spec: &SubnetSpec, ranges_field: &str) -> SubnetDesign {
        let empty = SubnetDesign { path: path.to_string(), subnet: None, ranges: Vec::new() };
        // Over the scenario's limit nothing is read (one error says so); a list over its own is one error.
        if !self.read_cidrs {
            return empty;
        }
        if spec.ranges.len() as u64 > limits::CIDRS_PER_LIST {
            let got = format!("{} entries", spec.ranges.len());
            self.errors.push(FieldError::new(format!("{path}.{ranges_field}"), got, Problem::TooLarge { max: limits::CIDRS_PER_LIST }));
            return empty;
        }
        let subnet = spec.subnet.as_ref().and_then(|t| self.cidr(format!("{path}.subnet"), t));
        let ranges = spec
            .ranges
            .iter()
            .enumerate()
            .filter_map(|(k, r)| self.range_spec(format!("{path}.{ranges_field}[{k}]"), r, subnet.as_ref()))
            .collect();
        SubnetDesign { path: path.to_string(), subnet, ranges }
    }
}

/// The SE group settings a Supervisor's licence allows: under Essentials, Legacy
/// Active/Standby is the default and any other mode an error naming the licence.
pub(super) fn licensed_se(
    c: &mut Checker,
    base: &str,
    sup: &Supervisor,
    base_se: &SeGroupSpec,
    se: SeGroupConfig,
) -> SeGroupConfig {
    if sup.platform != PlatformKind::Vds || sup.vds.licence != Some(AviLicence::Essentials) {
        return se;
    }
    let merged = sup.se_group.over(base_se);
    match merged.ha_mode {
        Some(HaMode::ActiveStandby) => se,
        Some(other) => {
            let path = if sup.se_group.ha_mode.is_some() { format!("{base}.se_group.ha_mode") } else { "se_group.ha_mode".into() };
            conflict(
                c,
                path,
                other.key(),
                format!("{base}.vds.licence"),
                "the Avi Essentials licence allows only Legacy Active/Standby SE groups (active_standby)",
            );
            se
        }
        None => {
            let forced = SeGroupSpec { ha_mode: Some(HaMode::ActiveStandby), ..merged };
            super::se_group(c, &format!("{base}.se_group"), &forced)
        }
    }
}

/// Essentials with Avi as the edge: one A/S pair holds every VS on both SEs, so the
/// load must fit `max_vs_per_se` (PLATFORMS.md §4).
pub(super) fn essentials_load(c: &mut Checker, base: &str, sup: &Supervisor, se: &SeGroupConfig, vs: u64) {
    let vds = &sup.vds;
    let essentials = sup.platform == PlatformKind::Vds && vds.licence == Some(AviLicence::Essentials);
    if !essentials || vds.edge.unwrap_or_default() != EdgeProvider::Avi || vs <= u64::from(se.max_vs_per_se) {
        return;
    }
    let path = if sup.se_group.max_vs_per_se.is_some() { format!("{base}.se_group.max_vs_per_se") } else { "se_group.max_vs_per_se".into() };
    let max = se.max_vs_per_se;
    conflict(
        c,
        path,
        max.to_string(),
        format!("{base}.vds.licence"),
        &format!("{vs} VS on an A/S pair exceed max_vs_per_se {max}: raise it to ≥{vs} or use Enterprise"),
    );
}

/// The Avi DNS SE group runs on an Avi controller cluster: a design whose every
/// Supervisor is enabled with the Foundation Load Balancer has none.
pub(super) fn dns_needs_avi(c: &mut Checker, scenario: &crate::scenario::Scenario) {
    let avi = |s: &Supervisor| s.platform != PlatformKind::Vds || s.vds.edge.unwrap_or_default() == EdgeProvider::Avi;
    if scenario.dns_se_group.is_some() && !scenario.supervisors.is_empty() && !scenario.supervisors.iter().any(avi) {
        conflict(
            c,
            "dns_se_group".into(),
            "{…}",
            "supervisors[0].vds.edge".into(),
            "the Avi DNS SE group needs an Avi controller cluster, and every Supervisor here uses the Foundation Load Balancer",
        );
    }
}

/// The platform checks of Supervisor `base` and, on VDS, its checked inputs.
pub(super) fn validate(c: &mut Checker, base: &str, sup: &Supervisor) -> Option<VdsDesign> {
    let platform = format!("{base}.platform");
    if sup.platform != PlatformKind::Vds {
        if !sup.vds.is_empty() {
            conflict(c, format!("{base}.vds"), "{…}", platform.clone(), "VDS settings are only used with platform vds");
        }
        for (j, g) in sup.namespaces.iter().enumerate() {
            if let Some(w) = &g.workload_network {
                conflict(c, format!("{base}.namespaces[{j}].workload_network"), w.as_str(), platform.clone(), "workload networks are a VDS input");
            }
        }
        return None;
    }
    nsx_only(c, base, sup, &platform);
    Some(vds(c, base, sup))
}

/// An error naming `platform` for each list of `lists` (fields below `base`) that is given.
pub(super) fn lists_given(c: &mut Checker, base: &str, lists: &[(&str, &Vec<String>)], platform: &str, why: &str) {
    for (field, list) in lists {
        if !list.is_empty() {
            conflict(c, format!("{base}.{field}"), list.join(", "), platform.to_string(), why);
        }
    }
}

/// NSX inputs given to a VDS Supervisor.
fn nsx_only(c: &mut Checker, base: &str, sup: &Supervisor, platform: &str) {
    let n = &sup.networks;
    let why = "NSX networks do not exist on VDS: give the workload networks and the Avi data network under vds";
    let lists = [
        ("ingress_cidr", &n.ingress_cidr),
        ("egress_cidr", &n.egress_cidr),
        ("namespace_network", &n.namespace_network),
        ("address_pool", &n.address_pool),
    ];
    lists_given(c, &format!("{base}.networks"), &lists, platform, why);
    if let Some(p) = n.namespace_subnet_prefix {
        conflict(c, format!("{base}.networks.namespace_subnet_prefix"), p.to_string(), platform.to_string(), why);
    }
    if sup.supervisor_services > 0 {
        conflict(
            c,
            format!("{base}.supervisor_services"),
            sup.supervisor_services.to_string(),
            platform.to_string(),
            "Supervisor Services are sized as NSX namespaces here (a T1, a namespace subnet, a SNAT IP); PLATFORMS.md §4 gives no rule for them on VDS",
        );
    }
    for (j, g) in sup.namespaces.iter().enumerate() {
        let gp = format!("{base}.namespaces[{j}]");
        let group_lists = [("ingress_cidr", &g.ingress_cidr), ("egress_cidr", &g.egress_cidr), ("namespace_network", &g.namespace_network)];
        lists_given(c, &gp, &group_lists, platform, why);
        if let Some(p) = g.namespace_subnet_prefix {
            conflict(c, format!("{gp}.namespace_subnet_prefix"), p.to_string(), platform.to_string(), why);
        }
        if let Some(nat) = g.nat {
            conflict(c, format!("{gp}.nat"), nat.to_string(), platform.to_string(), "VDS workload networks are routed: NAT is an NSX setting");
        }
        if g.t0 != T0Mode::Shared {
            conflict(c, format!("{gp}.t0"), g.t0.key(), platform.to_string(), "T0 gateways are NSX objects");
        }
        if g.vsphere_pods > 0 {
            conflict(
                c,
                format!("{gp}.vsphere_pods"),
                g.vsphere_pods.to_string(),
                platform.to_string(),
                "vSphere pods are sized on NSX here (PLATFORMS.md §4 gives no rule for them on VDS)",
            );
        }
        if g.vm_service_vms > 0 {
            conflict(
                c,
                format!("{gp}.vm_service_vms"),
                g.vm_service_vms.to_string(),
                platform.to_string(),
                "VM Service VMs are sized on the NSX namespace segment here (PLATFORMS.md §4 gives no rule for them on VDS)",
            );
        }
        if g.pod_lb_services > 0 {
            conflict(
                c,
                format!("{gp}.pod_lb_services"),
                g.pod_lb_services.to_string(),
                platform.to_string(),
                "vSphere-pod LoadBalancer Services are sized on NSX here (PLATFORMS.md §4 counts the Supervisor API, cluster APIs and LoadBalancer Services)",
            );
        }
    }
}

fn vds(c: &mut Checker, base: &str, sup: &Supervisor) -> VdsDesign {
    let spec = &sup.vds;
    let vp = |f: &str| format!("{base}.vds.{f}");
    let edge = spec.edge.unwrap_or_default();
    let version = spec.vsphere_version.unwrap_or_default();
    if edge == EdgeProvider::Foundation && version < VsphereVersion::V9_0 {
        conflict(
            c,
            vp("edge"),
            edge.key(),
            vp("vsphere_version"),
            &format!("the vSphere Foundation Load Balancer needs vSphere 9.0 or later, not {}", version.key()),
        );
    }
    let control_plane_vms = spec.control_plane_vms.unwrap_or(CONTROL_PLANE_VMS);
    if control_plane_vms != 1 && control_plane_vms != 3 {
        c.errors.push(FieldError::new(vp("control_plane_vms"), control_plane_vms.to_string(), Problem::NotOneOf { allowed: "1 or 3".into() }));
    } else if control_plane_vms == 1 && version < VsphereVersion::V9_0 {
        conflict(
            c,
            vp("control_plane_vms"),
            "1",
            vp("vsphere_version"),
            &format!("a one-VM Supervisor control plane needs vSphere 9.0 or later, not {}", version.key()),
        );
    }

    let mut names = HashSet::new();
    let mut workload_networks: Vec<WorkloadNetworkDesign> = spec
        .workload_networks
        .iter()
        .take(limits::CIDRS_PER_LIST as usize)
        .enumerate()
        .map(|(k, w)| {
            let path = vp(&format!("workload_networks[{k}]"));
            c.name(&format!("{path}.name"), &w.name, &mut names);
            let net = c.subnet_spec(&path, &SubnetSpec { subnet: w.subnet.clone(), ranges: w.ranges.clone() }, "ranges");
            WorkloadNetworkDesign { name: w.name.trim().to_string(), net }
        })
        .collect();
    c.range(&vp("workload_networks"), workload_networks.len() as u64, 0, limits::CIDRS_PER_LIST);
    if workload_networks.is_empty() {
        workload_networks.push(WorkloadNetworkDesign {
            name: PRIMARY.into(),
            net: SubnetDesign { path: vp("workload_networks"), subnet: None, ranges: Vec::new() },
        });
    }
    let group_networks = sup
        .namespaces
        .iter()
        .enumerate()
        .map(|(j, g)| match &g.workload_network {
            None => 0,
            Some(w) => workload_networks.iter().position(|n| n.name.eq_ignore_ascii_case(w.trim())).unwrap_or_else(|| {
                let allowed = workload_networks.iter().map(|n| n.name.as_str()).collect::<Vec<_>>().join(", ");
                c.errors.push(FieldError::new(
                    format!("{base}.namespaces[{j}].workload_network"),
                    w.as_str(),
                    Problem::NotOneOf { allowed: format!("the workload networks ({allowed})") },
                ));
                0
            }),
        })
        .collect();

    let data_network = c.subnet_spec(&vp("data_network"), &spec.data_network, "ranges");
    let f = &spec.flb;
    let fp = |x: &str| vp(&format!("flb.{x}"));
    let topology = f.topology.unwrap_or_default();
    if topology != FlbTopology::ThreeNic {
        for (field, net) in [("management_network", &f.management_network), ("frontend_network", &f.frontend_network)] {
            if !net.is_empty() {
                conflict(c, fp(field), "{…}", fp("topology"), "the FLB's own port groups are used with the three_nic topology only");
            }
        }
    }
    if let Some(max) = f.max_vips {
        c.range(&fp("max_vips"), u64::from(max), 1, limits::VIRTUAL_SERVICES_PER_SUPERVISOR);
    }
    let vips = c.subnet_spec(&vp("flb"), &SubnetSpec { subnet: None, ranges: f.vip_ranges.clone() }, "vip_ranges");
    let flb = FlbDesign {
        availability: f.availability.unwrap_or_default(),
        size: f.size.unwrap_or_default(),
        topology,
        vips: SubnetDesign { path: fp("vip_ranges"), ..vips },
        max_vips: f.max_vips,
        management_network: c.subnet_spec(&fp("management_network"), &f.management_network, "ranges"),
        frontend_network: c.subnet_spec(&fp("frontend_network"), &f.frontend_network, "ranges"),
        nodes_use_supervisor_ranges: f.nodes_use_supervisor_ranges.unwrap_or(true),
        serves_api_vips: f.serves_api_vips.unwrap_or(true),
    };
    VdsDesign {
        edge,
        vsphere_version: version,
        control_plane_vms,
        licence: spec.licence.unwrap_or_default(),
        se_attachment: spec.se_attachment.unwrap_or_default(),
        pool_counts_buffer_ses: spec.pool_counts_buffer_ses.unwrap_or(true),
        attached_nics_take_addresses: spec.attached_nics_take_addresses.unwrap_or(true),
        workload_networks,
        data_network,
        flb,
        group_networks,
    }
}
