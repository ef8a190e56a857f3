//! Validation: a [`Scenario`] as typed becomes a [`Design`] of checked values, or the
//! list of every field that is wrong.
//!
//! This module owns the per-field rules (ranges, defaults that depend on other
//! fields, CIDR syntax, the role size rules of DOMAIN.md section 3) and the limits
//! that keep absurd input (a billion namespaces) from reaching the engines. Rules
//! that need the whole network picture (overlaps, pool sizes) belong to
//! [`crate::network`].

use std::collections::HashSet;
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use crate::error::{FieldError, Problem};
use crate::scenario::{
    CapacitySpec, ControlPlaneSize, HaMode, NamespaceGroup, Placement, PlatformKind, Scenario, SeGroupSpec, Supervisor,
    T0Mode, Topology,
};

mod nsx_lb;
mod platform;
mod vpc;
pub use nsx_lb::{NsxLbDesign, EDGE_NODES, SMALL_MAX_VS};
pub use platform::{AddrRange, FlbDesign, SubnetDesign, VdsDesign, WorkloadNetworkDesign, CONTROL_PLANE_VMS, PRIMARY};
pub use vpc::{SharedVpcDesign, VpcDesign, AVI_SUBNET_PREFIX, DEFAULT_PROJECT, RESERVED_PER_SUBNET, VPC_SUBNET_PREFIX};

/// Limits on counts. They are far above any real Supervisor (vSphere's own
/// maximums are lower) and keep the placement simulation fast.
pub mod limits {
    pub const SUPERVISORS: u64 = 64;
    pub const GROUPS_PER_SUPERVISOR: u64 = 1_000;
    /// Entries in one CIDR list (`ingress_cidr`, `address_pool`...). Real designs
    /// give a handful; a list of 100,000 pasted CIDRs is one refusal, not 100,000
    /// parses (JSON stops reading the list at entry 65).
    pub const CIDRS_PER_LIST: u64 = 64;
    /// CIDRs in all lists of a scenario together: overlap errors grow with the
    /// square of the networks given (256 identical blocks are 32,640 pairs).
    pub const CIDRS_PER_SCENARIO: u64 = 256;
    /// The per-Supervisor totals hold for the scenario in all, so that the largest
    /// scenario costs what the largest Supervisor does (64 Supervisors at their
    /// limits would take minutes to plan and gigabytes to show). With every group
    /// holding at least one namespace this also caps the groups at 10,000.
    pub const NAMESPACES_PER_SCENARIO: u64 = NAMESPACES_PER_SUPERVISOR;
    pub const VIRTUAL_SERVICES_PER_SCENARIO: u64 = VIRTUAL_SERVICES_PER_SUPERVISOR;
    pub const VS_PLACEMENTS_PER_SCENARIO: u64 = VS_PLACEMENTS_PER_SUPERVISOR;
    pub const NAMESPACES_PER_SUPERVISOR: u64 = 10_000;
    pub const CLUSTERS_PER_NAMESPACE: u64 = 200;
    pub const WORKERS_PER_CLUSTER: u64 = 1_000;
    pub const LB_SERVICES_PER_CLUSTER: u64 = 5_000;
    pub const INGRESS_VS_PER_CLUSTER: u64 = 1_000;
    pub const POD_LB_SERVICES: u64 = 5_000;
    pub const VSPHERE_PODS: u64 = 100_000;
    pub const VM_SERVICE_VMS: u64 = 100_000;
    pub const NODE_POOLS: u64 = 100;
    pub const SUPERVISOR_SERVICES: u64 = 100;
    pub const SUPERVISOR_VS: u64 = 100;
    pub const VIRTUAL_SERVICES_PER_SUPERVISOR: u64 = 200_000;
    /// Virtual services times their scale factor: the placements the SE
    /// simulation makes (and at most the SEs it can create, one VS slot each).
    /// 200,000 VSes at Active/Active's scale factor of 2; without it 200,000 VSes
    /// at scale factor 64 and 1 VS per SE made 12.8 million SEs (minutes, 6 GB).
    pub const VS_PLACEMENTS_PER_SUPERVISOR: u64 = 2 * VIRTUAL_SERVICES_PER_SUPERVISOR;
    pub const SCALE_FACTOR: u64 = 64;
    pub const BUFFER_SES: u64 = 1_000;
    pub const DATA_NICS: u64 = 31;
    pub const MAX_VS_PER_SE: u64 = 1_000;
    pub const MAX_SE: u64 = 1_000;
    pub const VCPUS: u64 = 64;
    pub const MEMORY_GB_MIN: u64 = 2;
    pub const MEMORY_GB: u64 = 256;
    pub const DISK_GB: u64 = 10_000;
    pub const GROWTH_PERCENT: u64 = 1_000;
    pub const DNS_VS: u64 = 100;
    pub const NAME_LEN: usize = 63;
}

/// Defaults from DOMAIN.md section 2 that do not depend on the HA mode.
pub mod defaults {
    pub const DATA_NICS_PER_SE: u32 = 9;
    pub const MAX_VS_PER_SE: u32 = 10;
    pub const MAX_SE: u32 = 10;
    /// Consecutive management addresses: 3 control-plane VMs, 1 floating, 1 for upgrades.
    pub const MANAGEMENT_ADDRESSES: u32 = 5;
    /// Avi's `max_scaleout_per_vs` default (ServiceEngineGroup, Avi 30.2.1).
    pub const MAX_SCALEOUT_PER_VS: u32 = 4;
    pub const VCPUS_PER_SE: u32 = 1;
    pub const MEMORY_GB_PER_SE: u32 = 2;
    pub const NAMESPACE_SUBNET_PREFIX: u8 = 28;
    pub const NAMESPACE_NETWORK: &str = "10.244.0.0/20";
    pub const SERVICE_CIDR: &str = "10.96.0.0/23";
    pub const SERVICE_CIDR_TINY: &str = "10.96.0.0/24";
    pub const GROWTH_PERCENT: u32 = 50;
    pub const THROUGHPUT_GBPS_PER_VCPU: f64 = 4.0;
    pub const MAX_THROUGHPUT_GBPS_PER_SE: f64 = 7.0;
    pub const HTTP_RPS_PER_VCPU: u32 = 40_000;
    pub const SSL_GBPS_PER_VCPU: f64 = 1.0;
    pub const RSA2K_TPS_PER_VCPU: u32 = 600;
    pub const ECC_TPS_PER_VCPU: u32 = 2_000;
    /// Per-SE caps (LIMITS.md P1/P2): one SE VM tops out near 160k HTTP requests/s
    /// (the confirmed figure; a reference design says 175k), 7 Gbps SSL and 40k TPS.
    pub const MAX_HTTP_RPS_PER_SE: u32 = 160_000;
    pub const MAX_SSL_GBPS_PER_SE: f64 = 7.0;
    pub const MAX_RSA2K_TPS_PER_SE: u32 = 40_000;
    pub const MAX_ECC_TPS_PER_SE: u32 = 40_000;

    /// The service CIDR a Supervisor takes when none is given: a /24 for a Tiny
    /// control plane, a /23 for the others (DOMAIN.md section 3).
    ///
    /// ```
    /// use avi_sizer::design::defaults;
    /// use avi_sizer::scenario::ControlPlaneSize;
    /// assert_eq!(defaults::service_cidr(ControlPlaneSize::Tiny), "10.96.0.0/24");
    /// assert_eq!(defaults::service_cidr(ControlPlaneSize::Large), "10.96.0.0/23");
    /// ```
    pub fn service_cidr(size: crate::scenario::ControlPlaneSize) -> &'static str {
        match size {
            crate::scenario::ControlPlaneSize::Tiny => SERVICE_CIDR_TINY,
            _ => SERVICE_CIDR,
        }
    }

    /// Avi's `max_scaleout_per_vs` when none is given: Avi's default, raised to the
    /// scale factor so the pair sent to Avi is consistent (max >= min).
    pub fn max_scaleout_per_vs(scale_factor: u32) -> u32 {
        MAX_SCALEOUT_PER_VS.max(scale_factor)
    }

    /// The SE disk VMware recommends (and the default): Avi's default 15 GB, and at
    /// least twice the memory plus 5 GB. Less is a warning, not an error: the Avi
    /// schema sets no minimum.
    pub fn min_disk_gb(memory_gb: u32) -> u32 {
        (2 * memory_gb + 5).max(15)
    }
}

/// A checked scenario: every count in range, every default applied, every CIDR parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct Design {
    /// The rules version the scenario was made under (1 when it does not say).
    pub rules_version: u32,
    pub topology: Topology,
    pub supervisors: Vec<SupervisorDesign>,
    pub dns: Option<DnsDesign>,
    pub capacity: Capacity,
}

/// Resolved SE group settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct SeGroupConfig {
    pub ha_mode: HaMode,
    pub scale_factor: u32,
    /// Avi `max_scaleout_per_vs`: never below `scale_factor`.
    pub max_scaleout_per_vs: u32,
    pub buffer_ses: u32,
    pub data_nics_per_se: u32,
    pub max_vs_per_se: u32,
    pub max_se: u32,
    pub vcpus_per_se: u32,
    pub memory_gb_per_se: u32,
    pub disk_gb_per_se: u32,
    pub placement: Placement,
}

impl Default for SeGroupConfig {
    fn default() -> Self {
        SeGroupConfig {
            ha_mode: HaMode::NPlusM,
            scale_factor: 1,
            max_scaleout_per_vs: defaults::MAX_SCALEOUT_PER_VS,
            buffer_ses: 1,
            data_nics_per_se: defaults::DATA_NICS_PER_SE,
            max_vs_per_se: defaults::MAX_VS_PER_SE,
            max_se: defaults::MAX_SE,
            vcpus_per_se: defaults::VCPUS_PER_SE,
            memory_gb_per_se: defaults::MEMORY_GB_PER_SE,
            disk_gb_per_se: defaults::min_disk_gb(defaults::MEMORY_GB_PER_SE),
            placement: Placement::Compact,
        }
    }
}

/// Per-vCPU capacity figures, resolved.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Capacity {
    pub throughput_gbps_per_vcpu: f64,
    pub max_throughput_gbps_per_se: f64,
    pub http_rps_per_vcpu: u32,
    pub ssl_gbps_per_vcpu: f64,
    pub rsa2k_tps_per_vcpu: u32,
    pub ecc_tps_per_vcpu: u32,
    pub max_http_rps_per_se: u32,
    pub max_ssl_gbps_per_se: f64,
    pub max_rsa2k_tps_per_se: u32,
    pub max_ecc_tps_per_se: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DnsDesign {
    pub virtual_services: u32,
    pub se: SeGroupConfig,
}

/// A network as given, with where it came from (for messages).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cidr {
    pub net: Ipv4Net,
    /// JSON path of the field, e.g. `supervisors[0].networks.ingress_cidr[1]`.
    pub path: String,
}

/// A Supervisor's networks, parsed. Empty lists and `None` mean "not given".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworksDesign {
    pub namespace_network: Vec<Cidr>,
    pub namespace_subnet_prefix: u8,
    pub service_cidr: Option<Cidr>,
    pub ingress_cidr: Vec<Cidr>,
    pub egress_cidr: Vec<Cidr>,
    pub management_start: Option<Ipv4Addr>,
    pub address_pool: Vec<Cidr>,
    pub growth_percent: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SupervisorDesign {
    pub name: String,
    pub nat: bool,
    pub zones: u32,
    pub survive_zone_loss: bool,
    pub supervisor_virtual_services: u32,
    pub control_plane_size: ControlPlaneSize,
    /// Supervisor Services, each in a namespace of its own.
    pub supervisor_services: u32,
    pub se: SeGroupConfig,
    /// The Supervisor's own SE group overrides, to tell which field set a value.
    pub se_overrides: SeGroupSpec,
    pub networks: NetworksDesign,
    pub groups: Vec<GroupDesign>,
    // Platform (see `design/platform.rs`, `design/vpc.rs`, `design/nsx_lb.rs`).
    pub platform: PlatformKind,
    /// The VDS inputs, on a VDS Supervisor.
    pub vds: Option<VdsDesign>,
    /// The NSX VPC inputs, on a VPC Supervisor.
    pub vpc: Option<VpcDesign>,
    /// The NSX load balancer comparison's inputs (defaults when not asked for).
    pub nsx_lb: NsxLbDesign,
}

/// A namespace group with its defaults resolved against its Supervisor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupDesign {
    pub name: String,
    /// JSON path of the group, e.g. `supervisors[0].namespaces[2]`.
    pub path: String,
    pub count: u32,
    pub tkg_clusters: u32,
    pub control_plane_nodes: u32,
    pub worker_nodes: u32,
    pub lb_services_per_cluster: u32,
    pub ingress_vs_per_cluster: u32,
    pub pod_lb_services: u32,
    pub vsphere_pods: u32,
    pub vm_service_vms: u32,
    pub node_pools: u32,
    pub nat: bool,
    pub t0: T0Mode,
    pub ingress_cidr: Vec<Cidr>,
    pub egress_cidr: Vec<Cidr>,
    pub namespace_network: Vec<Cidr>,
    /// The group's own prefix, or the Supervisor's.
    pub namespace_subnet_prefix: u8,
    /// Ports per LoadBalancer Service (the NSX load balancer counts a virtual server per port).
    pub service_ports: u32,
}

impl GroupDesign {
    /// Virtual services on one namespace's T1.
    pub fn vs_per_namespace(&self) -> u64 {
        self.tkg_clusters as u64 * (1 + self.lb_services_per_cluster as u64 + self.ingress_vs_per_cluster as u64)
            + self.pod_lb_services as u64
    }

    /// Nodes on one cluster's segment while a rolling update runs (one surge node
    /// per node pool).
    pub fn nodes_per_cluster(&self) -> u32 {
        self.control_plane_nodes + self.worker_nodes + self.node_pools
    }

    /// Addresses on one namespace's segment: its vSphere pods and VM Service VMs.
    pub fn namespace_hosts(&self) -> u64 {
        u64::from(self.vsphere_pods) + u64::from(self.vm_service_vms)
    }

    /// Whether this group brings any network of its own.
    pub fn has_custom_networks(&self) -> bool {
        !self.ingress_cidr.is_empty() || !self.egress_cidr.is_empty() || !self.namespace_network.is_empty()
    }
}

impl SupervisorDesign {
    /// JSON path of the SE group field that set `field` (`max_se`,
    /// `data_nics_per_se`...) for this Supervisor: its own override at `sup_path`,
    /// or the scenario-wide `se_group`.
    ///
    /// ```
    /// use avi_sizer::{design::validate, scenario::Scenario};
    /// let mut s = Scenario::default();
    /// s.supervisors[0].se_group.max_se = Some(20);
    /// let d = validate(&s).unwrap();
    /// assert_eq!(d.supervisors[0].se_field_path("supervisors[0]", "max_se"), "supervisors[0].se_group.max_se");
    /// assert_eq!(d.supervisors[0].se_field_path("supervisors[0]", "disk_gb_per_se"), "se_group.disk_gb_per_se");
    /// ```
    pub fn se_field_path(&self, sup_path: &str, field: &str) -> String {
        let o = &self.se_overrides;
        let own = match field {
            "ha_mode" => o.ha_mode.is_some(),
            "scale_factor" => o.scale_factor.is_some(),
            "max_scaleout_per_vs" => o.max_scaleout_per_vs.is_some(),
            "buffer_ses" => o.buffer_ses.is_some(),
            "data_nics_per_se" => o.data_nics_per_se.is_some(),
            "max_vs_per_se" => o.max_vs_per_se.is_some(),
            "max_se" => o.max_se.is_some(),
            "vcpus_per_se" => o.vcpus_per_se.is_some(),
            "memory_gb_per_se" => o.memory_gb_per_se.is_some(),
            "disk_gb_per_se" => o.disk_gb_per_se.is_some(),
            "placement" => o.placement.is_some(),
            _ => false,
        };
        if own {
            format!("{sup_path}.se_group.{field}")
        } else {
            format!("se_group.{field}")
        }
    }

    pub fn namespace_count(&self) -> u64 {
        self.groups.iter().map(|g| g.count as u64).sum()
    }

    pub fn virtual_services(&self) -> u64 {
        self.supervisor_virtual_services as u64
            + self.groups.iter().map(|g| g.count as u64 * g.vs_per_namespace()).sum::<u64>()
    }

    /// Virtual services times the scale factor: SE slots the load takes.
    pub fn vs_placements(&self) -> u64 {
        self.virtual_services().saturating_mul(u64::from(self.se.scale_factor))
    }
}

/// Collects errors so that one pass reports every bad field, not just the first.
struct Checker {
    errors: Vec<FieldError>,
    /// False once the scenario holds more CIDRs than it may: none is parsed then.
    read_cidrs: bool,
}

impl Checker {
    fn range(&mut self, path: &str, value: u64, min: u64, max: u64) {
        if value < min {
            self.errors.push(FieldError::new(path, value.to_string(), Problem::TooSmall { min }));
        } else if value > max {
            self.errors.push(FieldError::new(path, value.to_string(), Problem::TooLarge { max }));
        }
    }

    fn name(&mut self, path: &str, name: &str, seen: &mut HashSet<String>) {
        let trimmed = name.trim();
        let reason = if trimmed.is_empty() {
            Some("must not be empty".to_string())
        } else if trimmed.chars().count() > limits::NAME_LEN {
            Some(format!("must be at most {} characters", limits::NAME_LEN))
        } else if !seen.insert(trimmed.to_lowercase()) {
            Some("repeats another name at this level".to_string())
        } else {
            None
        };
        if let Some(reason) = reason {
            self.errors.push(FieldError::new(path, name, Problem::BadName { reason }));
        }
    }

    fn cidr(&mut self, path: String, text: &str) -> Option<Cidr> {
        match parse_cidr(text) {
            Ok(net) => Some(Cidr { net, path }),
            Err(problem) => {
                self.errors.push(FieldError::new(path, text, problem));
                None
            }
        }
    }

    /// Parses a list of CIDRs, each at most `/longest` when a role size applies.
    fn cidrs(&mut self, base: &str, texts: &[String], role: Option<(&str, u8)>) -> Vec<Cidr> {
        let mut out = Vec::new();
        if !self.read_cidrs {
            return out;
        }
        if texts.len() as u64 > limits::CIDRS_PER_LIST {
            let got = format!("{} entries", texts.len());
            self.errors.push(FieldError::new(base, got, Problem::TooLarge { max: limits::CIDRS_PER_LIST }));
            return out;
        }
        for (i, text) in texts.iter().enumerate() {
            let path = format!("{base}[{i}]");
            if let Some(c) = self.cidr(path.clone(), text) {
                if let Some((role, longest)) = role {
                    if c.net.prefix_len() > longest {
                        self.errors.push(FieldError::new(
                            path,
                            text.as_str(),
                            Problem::PrefixTooLong { role: role.to_string(), longest },
                        ));
                        continue;
                    }
                }
                out.push(c);
            }
        }
        out
    }

    fn subnet_prefix(&mut self, path: &str, prefix: Option<u8>, fallback: u8) -> u8 {
        match prefix {
            Some(p) => {
                self.range(path, p as u64, 16, 29);
                p.clamp(16, 29)
            }
            None => fallback,
        }
    }
}

/// Parses an IPv4 CIDR, telling IPv6, host bits and plain garbage apart.
///
/// ```
/// use avi_sizer::design::parse_cidr;
/// use avi_sizer::error::Problem;
/// assert_eq!(parse_cidr(" 10.0.0.0/24 ").unwrap().to_string(), "10.0.0.0/24");
/// assert_eq!(parse_cidr("10.0.0.1/24"), Err(Problem::HostBits { network: "10.0.0.0/24".into() }));
/// assert_eq!(parse_cidr("fd00::/64"), Err(Problem::Ipv6));
/// assert_eq!(parse_cidr("10.0.0.0/33"), Err(Problem::NotCidr));
/// assert_eq!(parse_cidr("10.0.0.0"), Err(Problem::NotCidr));
/// ```
pub fn parse_cidr(text: &str) -> Result<Ipv4Net, Problem> {
    let text = text.trim();
    match text.parse::<Ipv4Net>() {
        Ok(net) if net.network() != net.addr() => Err(Problem::HostBits { network: net.trunc().to_string() }),
        Ok(net) => Ok(net),
        Err(_) if text.contains(':') => Err(Problem::Ipv6),
        Err(_) => Err(Problem::NotCidr),
    }
}

/// Parses an IPv4 address.
pub fn parse_addr(text: &str) -> Result<Ipv4Addr, Problem> {
    let text = text.trim();
    match text.parse::<Ipv4Addr>() {
        Ok(a) => Ok(a),
        Err(_) if text.contains(':') => Err(Problem::Ipv6),
        Err(_) => Err(Problem::NotAddress),
    }
}

/// Resolves an SE group spec against the DOMAIN.md defaults, checking every field.
fn se_group(c: &mut Checker, base: &str, spec: &SeGroupSpec) -> SeGroupConfig {
    let ha_mode = spec.ha_mode.unwrap_or_default();
    let scale_factor = spec.scale_factor.unwrap_or(ha_mode.default_scale_factor());
    let max_scaleout = spec.max_scaleout_per_vs.unwrap_or(defaults::max_scaleout_per_vs(scale_factor));
    let buffer_ses = spec.buffer_ses.unwrap_or(ha_mode.default_buffer());
    let data_nics = spec.data_nics_per_se.unwrap_or(defaults::DATA_NICS_PER_SE);
    let max_vs = spec.max_vs_per_se.unwrap_or(defaults::MAX_VS_PER_SE);
    let max_se = spec.max_se.unwrap_or(defaults::MAX_SE);
    let vcpus = spec.vcpus_per_se.unwrap_or(defaults::VCPUS_PER_SE);
    let memory = spec.memory_gb_per_se.unwrap_or(defaults::MEMORY_GB_PER_SE);
    let min_disk = defaults::min_disk_gb(memory.min(limits::MEMORY_GB as u32));
    let disk = spec.disk_gb_per_se.unwrap_or(min_disk);
    let p = |f: &str| format!("{base}.{f}");

    c.range(&p("scale_factor"), scale_factor as u64, 1, limits::SCALE_FACTOR);
    // Avi's range for max_scaleout_per_vs is that of min_scaleout_per_vs: 1-64.
    if let Some(given) = spec.max_scaleout_per_vs {
        c.range(&p("max_scaleout_per_vs"), given as u64, 1, limits::SCALE_FACTOR);
        let in_range = |v: u32| (1..=limits::SCALE_FACTOR as u32).contains(&v);
        if in_range(given) && in_range(scale_factor) && given < scale_factor {
            c.errors.push(FieldError::new(
                p("max_scaleout_per_vs"),
                given.to_string(),
                Problem::Conflict {
                    other: p("scale_factor"),
                    reason: format!(
                        "the maximum scale-out per virtual service must be at least the VS scale factor (Avi min_scaleout_per_vs) {scale_factor}"
                    ),
                },
            ));
        }
    }
    c.range(&p("buffer_ses"), buffer_ses as u64, 0, limits::BUFFER_SES);
    c.range(&p("data_nics_per_se"), data_nics as u64, 1, limits::DATA_NICS);
    c.range(&p("max_vs_per_se"), max_vs as u64, 1, limits::MAX_VS_PER_SE);
    c.range(&p("max_se"), max_se as u64, 1, limits::MAX_SE);
    c.range(&p("vcpus_per_se"), vcpus as u64, 1, limits::VCPUS);
    c.range(&p("memory_gb_per_se"), memory as u64, limits::MEMORY_GB_MIN, limits::MEMORY_GB);
    // Below the recommended disk is a warning of the sizing, not an error.
    c.range(&p("disk_gb_per_se"), disk as u64, 1, limits::DISK_GB);
    if ha_mode == HaMode::ActiveStandby {
        if scale_factor != 2 {
            c.errors.push(FieldError::new(
                p("scale_factor"),
                scale_factor.to_string(),
                Problem::Conflict {
                    other: p("ha_mode"),
                    reason: "Legacy Active/Standby places every virtual service on exactly 2 SEs".into(),
                },
            ));
        }
        if buffer_ses != 0 {
            c.errors.push(FieldError::new(
                p("buffer_ses"),
                buffer_ses.to_string(),
                Problem::Conflict {
                    other: p("ha_mode"),
                    reason: "Legacy Active/Standby has no buffer SEs; the standby is the spare".into(),
                },
            ));
        }
    }
    if scale_factor > max_se && (1..=limits::SCALE_FACTOR as u32).contains(&scale_factor) && max_se >= 1 {
        c.errors.push(FieldError::new(
            p("scale_factor"),
            scale_factor.to_string(),
            Problem::Conflict {
                other: p("max_se"),
                reason: format!("a virtual service cannot scale out to more SEs than max_se = {max_se}"),
            },
        ));
    }
    SeGroupConfig {
        ha_mode,
        scale_factor,
        max_scaleout_per_vs: max_scaleout,
        buffer_ses,
        data_nics_per_se: data_nics,
        max_vs_per_se: max_vs,
        max_se,
        vcpus_per_se: vcpus,
        memory_gb_per_se: memory,
        disk_gb_per_se: disk,
        // Legacy A/S is one fixed pair: Avi ignores the placement setting.
        placement: if ha_mode == HaMode::ActiveStandby { Placement::Compact } else { spec.placement.unwrap_or_default() },
    }
}

fn capacity(c: &mut Checker, spec: &CapacitySpec) -> Capacity {
    let mut positive = |field: &str, v: Option<f64>, default: f64| -> f64 {
        match v {
            Some(x) if x.is_finite() && x > 0.0 && x <= 1_000_000.0 => x,
            Some(x) => {
                c.errors.push(FieldError::new(
                    format!("capacity.{field}"),
                    x.to_string(),
                    Problem::NotOneOf { allowed: "a number above 0 and at most 1000000".into() },
                ));
                default
            }
            None => default,
        }
    };
    let throughput = positive("throughput_gbps_per_vcpu", spec.throughput_gbps_per_vcpu, defaults::THROUGHPUT_GBPS_PER_VCPU);
    let max_se = positive("max_throughput_gbps_per_se", spec.max_throughput_gbps_per_se, defaults::MAX_THROUGHPUT_GBPS_PER_SE);
    let ssl = positive("ssl_gbps_per_vcpu", spec.ssl_gbps_per_vcpu, defaults::SSL_GBPS_PER_VCPU);
    let max_ssl = positive("max_ssl_gbps_per_se", spec.max_ssl_gbps_per_se, defaults::MAX_SSL_GBPS_PER_SE);
    let mut count = |field: &str, v: Option<u32>, default: u32| -> u32 {
        let v = v.unwrap_or(default);
        c.range(&format!("capacity.{field}"), v as u64, 1, 10_000_000);
        v
    };
    let http = count("http_rps_per_vcpu", spec.http_rps_per_vcpu, defaults::HTTP_RPS_PER_VCPU);
    let rsa = count("rsa2k_tps_per_vcpu", spec.rsa2k_tps_per_vcpu, defaults::RSA2K_TPS_PER_VCPU);
    let ecc = count("ecc_tps_per_vcpu", spec.ecc_tps_per_vcpu, defaults::ECC_TPS_PER_VCPU);
    let max_http = count("max_http_rps_per_se", spec.max_http_rps_per_se, defaults::MAX_HTTP_RPS_PER_SE);
    let max_rsa = count("max_rsa2k_tps_per_se", spec.max_rsa2k_tps_per_se, defaults::MAX_RSA2K_TPS_PER_SE);
    let max_ecc = count("max_ecc_tps_per_se", spec.max_ecc_tps_per_se, defaults::MAX_ECC_TPS_PER_SE);
    Capacity {
        throughput_gbps_per_vcpu: throughput,
        max_throughput_gbps_per_se: max_se,
        http_rps_per_vcpu: http,
        ssl_gbps_per_vcpu: ssl,
        rsa2k_tps_per_vcpu: rsa,
        ecc_tps_per_vcpu: ecc,
        max_http_rps_per_se: max_http,
        max_ssl_gbps_per_se: max_ssl,
        max_rsa2k_tps_per_se: max_rsa,
        max_ecc_tps_per_se: max_ecc,
    }
}

fn group(c: &mut Checker, base: &str, g: &NamespaceGroup, sup: &Supervisor, sup_prefix: u8) -> GroupDesign {
    let p = |f: &str| format!("{base}.{f}");
    c.range(&p("count"), g.count as u64, 1, limits::NAMESPACES_PER_SUPERVISOR);
    c.range(&p("tkg_clusters"), g.tkg_clusters as u64, 0, limits::CLUSTERS_PER_NAMESPACE);
    if g.control_plane_nodes != 1 && g.control_plane_nodes != 3 {
        c.errors.push(FieldError::new(
            p("control_plane_nodes"),
            g.control_plane_nodes.to_string(),
            Problem::NotOneOf { allowed: "1 or 3".into() },
        ));
    }
    c.range(&p("worker_nodes"), g.worker_nodes as u64, 0, limits::WORKERS_PER_CLUSTER);
    c.range(&p("lb_services_per_cluster"), g.lb_services_per_cluster as u64, 0, limits::LB_SERVICES_PER_CLUSTER);
    c.range(&p("ingress_vs_per_cluster"), g.ingress_vs_per_cluster as u64, 0, limits::INGRESS_VS_PER_CLUSTER);
    c.range(&p("pod_lb_services"), g.pod_lb_services as u64, 0, limits::POD_LB_SERVICES);
    c.range(&p("vsphere_pods"), g.vsphere_pods as u64, 0, limits::VSPHERE_PODS);
    c.range(&p("vm_service_vms"), g.vm_service_vms as u64, 0, limits::VM_SERVICE_VMS);
    c.range(&p("node_pools"), g.node_pools as u64, 1, limits::NODE_POOLS);
    c.range(&p("service_ports"), g.service_ports as u64, 1, nsx_lb::SERVICE_PORTS_MAX);
    let nat = g.nat.unwrap_or(sup.nat);
    if !nat && !g.egress_cidr.is_empty() {
        c.errors.push(FieldError::new(
            p("egress_cidr"),
            g.egress_cidr.join(", "),
            Problem::Conflict { other: p("nat"), reason: "an Egress CIDR is only used with NAT".into() },
        ));
    }
    GroupDesign {
        name: g.name.trim().to_string(),
        path: base.to_string(),
        count: g.count,
        tkg_clusters: g.tkg_clusters,
        control_plane_nodes: g.control_plane_nodes,
        worker_nodes: g.worker_nodes,
        lb_services_per_cluster: g.lb_services_per_cluster,
        ingress_vs_per_cluster: g.ingress_vs_per_cluster,
        pod_lb_services: g.pod_lb_services,
        vsphere_pods: g.vsphere_pods,
        vm_service_vms: g.vm_service_vms,
        node_pools: g.node_pools,
        nat,
        t0: g.t0,
        ingress_cidr: c.cidrs(&p("ingress_cidr"), &g.ingress_cidr, None),
        egress_cidr: c.cidrs(&p("egress_cidr"), &g.egress_cidr, None),
        namespace_network: c.cidrs(&p("namespace_network"), &g.namespace_network, Some(("namespace network", 23))),
        namespace_subnet_prefix: c.subnet_prefix(&p("namespace_subnet_prefix"), g.namespace_subnet_prefix, sup_prefix),
        service_ports: g.service_ports,
    }
}

fn supervisor(c: &mut Checker, i: usize, sup: &Supervisor, base_se: &SeGroupSpec, global: SeGroupConfig) -> SupervisorDesign {
    let base = format!("supervisors[{i}]");
    let p = |f: &str| format!("{base}.{f}");
    if sup.zones != 1 && sup.zones != 3 {
        c.errors.push(FieldError::new(p("zones"), sup.zones.to_string(), Problem::NotOneOf { allowed: "1 or 3".into() }));
    }
    if sup.survive_zone_loss && sup.zones != 3 {
        c.errors.push(FieldError::new(
            p("survive_zone_loss"),
            "true",
            Problem::Conflict { other: p("zones"), reason: "surviving a zone loss needs a three-zone Supervisor".into() },
        ));
    }
    c.range(&p("supervisor_virtual_services"), sup.supervisor_virtual_services as u64, 0, limits::SUPERVISOR_VS);
    c.range(&p("supervisor_services"), sup.supervisor_services as u64, 0, limits::SUPERVISOR_SERVICES);
    let se = if sup.se_group.is_empty() {
        global
    } else {
        se_group(c, &p("se_group"), &sup.se_group.over(base_se))
    };
    let se = platform::licensed_se(c, &base, sup, base_se, se);
    let vds = platform::validate(c, &base, sup);
    let vpc = vpc::validate(c, &base, sup);
    let nsx_lb = nsx_lb::validate(c, &base, sup);

    let n = &sup.networks;
    let np = |f: &str| format!("{base}.networks.{f}");
    let default_prefix = if sup.platform == PlatformKind::NsxVpc { VPC_SUBNET_PREFIX } else { defaults::NAMESPACE_SUBNET_PREFIX };
    let prefix = c.subnet_prefix(&np("namespace_subnet_prefix"), n.namespace_subnet_prefix, default_prefix);
    let growth = n.growth_percent.unwrap_or(defaults::GROWTH_PERCENT);
    c.range(&np("growth_percent"), growth as u64, 0, limits::GROWTH_PERCENT);
    let management_start = n.management_start.as_ref().and_then(|t| match parse_addr(t) {
        Ok(a) if u32::from(a) > u32::MAX - 4 => {
            let last_start = std::net::Ipv4Addr::from(u32::MAX - 4).to_string();
            c.errors.push(FieldError::new(np("management_start"), t.as_str(), Problem::RangeOverflow { count: 5, last_start }));
            None
        }
        Ok(a) => Some(a),
        Err(problem) => {
            c.errors.push(FieldError::new(np("management_start"), t.as_str(), problem));
            None
        }
    });
    if !sup.nat && !n.egress_cidr.is_empty() {
        c.errors.push(FieldError::new(
            np("egress_cidr"),
            n.egress_cidr.join(", "),
            Problem::Conflict { other: p("nat"), reason: "an Egress CIDR is only used with NAT".into() },
        ));
    }
    let networks = NetworksDesign {
        namespace_network: c.cidrs(&np("namespace_network"), &n.namespace_network, Some(("namespace network", 23))),
        namespace_subnet_prefix: prefix,
        service_cidr: n.service_cidr.as_ref().and_then(|t| c.cidr(np("service_cidr"), t)),
        // Below /27 is a warning of the network plan: any block that holds the demand is valid.
        ingress_cidr: c.cidrs(&np("ingress_cidr"), &n.ingress_cidr, None),
        egress_cidr: c.cidrs(&np("egress_cidr"), &n.egress_cidr, None),
        management_start,
        address_pool: c.cidrs(&np("address_pool"), &n.address_pool, None),
        growth_percent: growth,
    };

    c.range(&p("namespaces"), sup.namespaces.len() as u64, 0, limits::GROUPS_PER_SUPERVISOR);
    let mut names = HashSet::new();
    let mut groups = Vec::with_capacity(sup.namespaces.len());
    for (j, g) in sup.namespaces.iter().enumerate().take(limits::GROUPS_PER_SUPERVISOR as usize) {
        let gp = format!("{base}.namespaces[{j}]");
        c.name(&format!("{gp}.name"), &g.name, &mut names);
        groups.push(group(c, &gp, g, sup, prefix));
    }
    let design = SupervisorDesign {
        name: sup.name.trim().to_string(),
        nat: sup.nat,
        zones: sup.zones,
        survive_zone_loss: sup.survive_zone_loss,
        supervisor_virtual_services: sup.supervisor_virtual_services,
        control_plane_size: sup.control_plane_size,
        supervisor_services: sup.supervisor_services,
        se,
        se_overrides: sup.se_group.clone(),
        networks,
        groups,
        platform: sup.platform,
        vds,
        vpc,
        nsx_lb,
    };
    // Totals are checked only when every group is in range, so one bad count is
    // reported once, at its own field.
    if c.errors.is_empty() {
        let namespaces = design.namespace_count();
        if namespaces > limits::NAMESPACES_PER_SUPERVISOR {
            c.errors.push(FieldError::new(
                p("namespaces"),
                format!("{namespaces} namespaces in all"),
                Problem::TooLarge { max: limits::NAMESPACES_PER_SUPERVISOR },
            ));
        }
        let vs = design.virtual_services();
        if vs > limits::VIRTUAL_SERVICES_PER_SUPERVISOR {
            c.errors.push(FieldError::new(
                p("namespaces"),
                format!("{vs} virtual services in all"),
                Problem::TooLarge { max: limits::VIRTUAL_SERVICES_PER_SUPERVISOR },
            ));
        } else if design.vs_placements() > limits::VS_PLACEMENTS_PER_SUPERVISOR {
            c.errors.push(FieldError::new(
                p("namespaces"),
                format!(
                    "{} virtual-service placements ({vs} virtual services x scale factor {})",
                    design.vs_placements(),
                    design.se.scale_factor
                ),
                Problem::TooLarge { max: limits::VS_PLACEMENTS_PER_SUPERVISOR },
            ));
        }
        platform::essentials_load(c, &base, sup, &design.se, vs);
    }
    design
}

/// CIDR strings in every list of the scenario (the single `service_cidr` aside).
fn cidr_count(scenario: &Scenario) -> u64 {
    let group = |g: &NamespaceGroup| g.ingress_cidr.len() + g.egress_cidr.len() + g.namespace_network.len();
    let supervisor = |s: &Supervisor| {
        let n = &s.networks;
        n.namespace_network.len()
            + n.ingress_cidr.len()
            + n.egress_cidr.len()
            + n.address_pool.len()
            + s.namespaces.iter().map(group).sum::<usize>()
            + s.vds.networks_given()
            + s.vpc.networks_given()
            + s.namespaces.iter().map(|g| g.private_cidrs.len()).sum::<usize>()
    };
    scenario.supervisors.iter().map(|s| supervisor(s) as u64).sum()
}

/// The per-Supervisor totals, across all Supervisors (see
/// [`limits::NAMESPACES_PER_SCENARIO`]); checked only when every Supervisor is
/// within its own, so an absurd count is reported once, at its own field.
fn scenario_totals(c: &mut Checker, supervisors: &[SupervisorDesign]) {
    if supervisors.len() < 2 {
        return;
    }
    let namespaces: u64 = supervisors.iter().map(SupervisorDesign::namespace_count).sum();
    if namespaces > limits::NAMESPACES_PER_SCENARIO {
        c.errors.push(FieldError::new(
            "supervisors",
            format!("{namespaces} namespaces in all Supervisors"),
            Problem::TooLarge { max: limits::NAMESPACES_PER_SCENARIO },
        ));
    }
    let vs: u64 = supervisors.iter().map(SupervisorDesign::virtual_services).sum();
    let placements: u64 = supervisors.iter().map(SupervisorDesign::vs_placements).sum();
    if vs > limits::VIRTUAL_SERVICES_PER_SCENARIO {
        c.errors.push(FieldError::new(
            "supervisors",
            format!("{vs} virtual services in all Supervisors"),
            Problem::TooLarge { max: limits::VIRTUAL_SERVICES_PER_SCENARIO },
        ));
    } else if placements > limits::VS_PLACEMENTS_PER_SCENARIO {
        c.errors.push(FieldError::new(
            "supervisors",
            format!("{placements} virtual-service placements in all Supervisors"),
            Problem::TooLarge { max: limits::VS_PLACEMENTS_PER_SCENARIO },
        ));
    }
}

/// Validates a scenario. Returns every error found, in document order.
///
/// ```
/// use avi_sizer::{design::validate, scenario::Scenario};
/// let mut s = Scenario::default();
/// s.supervisors[0].namespaces[0].count = 0;
/// let errors = validate(&s).unwrap_err();
/// assert_eq!(errors[0].to_string(), "supervisors[0].namespaces[0].count: must be at least 1, got 0");
/// ```
pub fn validate(scenario: &Scenario) -> Result<Design, Vec<FieldError>> {
    let mut c = Checker { errors: Vec::new(), read_cidrs: true };
    let cidrs = cidr_count(scenario);
    if cidrs > limits::CIDRS_PER_SCENARIO {
        c.errors.push(FieldError::new(
            "supervisors",
            format!("{cidrs} CIDRs in all Supervisors"),
            Problem::TooLarge { max: limits::CIDRS_PER_SCENARIO },
        ));
        c.read_cidrs = false;
    }
    let rules_version = scenario.rules_version.unwrap_or(crate::rules::UNVERSIONED);
    c.range("rules_version", rules_version as u64, crate::rules::UNVERSIONED as u64, crate::rules::CURRENT as u64);
    if scenario.supervisors.is_empty() {
        c.errors.push(FieldError::new("supervisors", "[]", Problem::TooSmall { min: 1 }));
    }
    c.range("supervisors", scenario.supervisors.len() as u64, 0, limits::SUPERVISORS);
    if scenario.topology == Topology::Single && scenario.supervisors.len() > 1 {
        c.errors.push(FieldError::new(
            "topology",
            "single",
            Problem::Conflict {
                other: "supervisors".into(),
                reason: format!(
                    "{} Supervisors need a multi-Supervisor topology (shared_transport_zone, dedicated_transport_zones or multi_nsx)",
                    scenario.supervisors.len()
                ),
            },
        ));
    }
    // The scenario-wide group is checked once, so a bad value there is reported at
    // `se_group.*` and not again for every Supervisor that inherits it.
    let global = se_group(&mut c, "se_group", &scenario.se_group);
    let mut names = HashSet::new();
    let mut supervisors = Vec::new();
    for (i, sup) in scenario.supervisors.iter().enumerate().take(limits::SUPERVISORS as usize) {
        c.name(&format!("supervisors[{i}].name"), &sup.name, &mut names);
        supervisors.push(supervisor(&mut c, i, sup, &scenario.se_group, global));
    }
    let dns = scenario.dns_se_group.as_ref().map(|d| {
        c.range("dns_se_group.virtual_services", d.virtual_services as u64, 1, limits::DNS_VS);
        DnsDesign {
            virtual_services: d.virtual_services,
            se: se_group(&mut c, "dns_se_group.se_group", &d.se_group.over(&scenario.se_group)),
        }
    });
    platform::dns_needs_avi(&mut c, scenario);
    let capacity = capacity(&mut c, &scenario.capacity);
    if c.errors.is_empty() {
        scenario_totals(&mut c, &supervisors);
    }
    let errors = c.errors;
    if errors.is_empty() {
        Ok(Design { rules_version, topology: scenario.topology, supervisors, dns, capacity })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(f: impl FnOnce(&mut Scenario)) -> Result<Design, Vec<FieldError>> {
        let mut s = Scenario::default();
        f(&mut s);
        validate(&s)
    }

    fn first_error(f: impl FnOnce(&mut Scenario)) -> String {
        with(f).unwrap_err()[0].to_string()
    }

    #[test]
    fn default_scenario_is_valid_with_domain_defaults() {
        let d = with(|_| {}).unwrap();
        let se = d.supervisors[0].se;
        assert_eq!(
            (se.ha_mode, se.scale_factor, se.buffer_ses, se.data_nics_per_se, se.max_vs_per_se, se.max_se),
            (HaMode::NPlusM, 1, 1, 9, 10, 10)
        );
        assert_eq!((se.vcpus_per_se, se.memory_gb_per_se, se.disk_gb_per_se), (1, 2, 15));
        assert_eq!(d.supervisors[0].networks.namespace_subnet_prefix, 28);
        assert_eq!(d.supervisors[0].networks.growth_percent, 50);
    }

    #[test]
    fn per_mode_defaults() {
        let cases = [(HaMode::NPlusM, 1, 1), (HaMode::ActiveActive, 2, 1), (HaMode::ActiveStandby, 2, 0)];
        for (mode, s, m) in cases {
            let d = with(|sc| sc.se_group.ha_mode = Some(mode)).unwrap();
            assert_eq!((d.supervisors[0].se.scale_factor, d.supervisors[0].se.buffer_ses), (s, m), "{mode:?}");
        }
    }

    #[test]
    fn active_standby_ignores_placement() {
        let d = with(|s| {
            s.se_group.ha_mode = Some(HaMode::ActiveStandby);
            s.se_group.placement = Some(Placement::Distributed);
        })
        .unwrap();
        assert_eq!(d.supervisors[0].se.placement, Placement::Compact);
    }

    #[test]
    fn max_scaleout_defaults_to_avi_or_the_scale_factor() {
        let cases = [(None, None, 4), (Some(2), None, 4), (Some(8), None, 8), (Some(2), Some(3), 3), (Some(4), Some(64), 64)];
        for (s, given, want) in cases {
            let d = with(|sc| {
                sc.se_group.scale_factor = s;
                sc.se_group.max_scaleout_per_vs = given;
            })
            .unwrap();
            assert_eq!(d.supervisors[0].se.max_scaleout_per_vs, want, "scale factor {s:?}, given {given:?}");
        }
        // A Supervisor's own scale factor raises its default too.
        let d = with(|sc| sc.supervisors[0].se_group.scale_factor = Some(6)).unwrap();
        assert_eq!(d.supervisors[0].se.max_scaleout_per_vs, 6);
    }

    #[test]
    fn max_scaleout_below_the_scale_factor_names_both_fields() {
        let errors = with(|s| {
            s.se_group.ha_mode = Some(HaMode::ActiveActive);
            s.se_group.max_scaleout_per_vs = Some(1);
        })
        .unwrap_err();
        assert_eq!(errors[0].path, "se_group.max_scaleout_per_vs");
        assert!(matches!(&errors[0].problem, Problem::Conflict { other, .. } if other == "se_group.scale_factor"));
        assert_eq!(
            errors[0].to_string(),
            "se_group.max_scaleout_per_vs: the maximum scale-out per virtual service must be at least the VS scale factor \
             (Avi min_scaleout_per_vs) 2 (se_group.scale_factor), got 1"
        );
        let e = first_error(|s| {
            s.supervisors[0].se_group.scale_factor = Some(5);
            s.supervisors[0].se_group.max_scaleout_per_vs = Some(4);
        });
        assert!(e.starts_with("supervisors[0].se_group.max_scaleout_per_vs: ") && e.contains("(supervisors[0].se_group.scale_factor)"), "{e}");
        assert_eq!(first_error(|s| s.se_group.max_scaleout_per_vs = Some(0)), "se_group.max_scaleout_per_vs: must be at least 1, got 0");
        assert_eq!(first_error(|s| s.se_group.max_scaleout_per_vs = Some(65)), "se_group.max_scaleout_per_vs: must be at most 64, got 65");
    }

    #[test]
    fn control_plane_size_reaches_the_design() {
        use crate::scenario::ControlPlaneSize;
        assert_eq!(with(|_| {}).unwrap().supervisors[0].control_plane_size, ControlPlaneSize::Small);
        let d = with(|s| s.supervisors[0].control_plane_size = ControlPlaneSize::Tiny).unwrap();
        assert_eq!(d.supervisors[0].control_plane_size, ControlPlaneSize::Tiny);
    }

    #[test]
    fn disk_follows_memory_and_a_smaller_one_is_not_an_error() {
        let d = with(|s| s.se_group.memory_gb_per_se = Some(8)).unwrap();
        assert_eq!(d.supervisors[0].se.disk_gb_per_se, 21);
        // Below the recommendation: valid here, a warning of the sizing.
        let d = with(|s| {
            s.se_group.memory_gb_per_se = Some(8);
            s.se_group.disk_gb_per_se = Some(12);
        })
        .unwrap();
        assert_eq!(d.supervisors[0].se.disk_gb_per_se, 12);
        assert_eq!(first_error(|s| s.se_group.disk_gb_per_se = Some(0)), "se_group.disk_gb_per_se: must be at least 1, got 0");
    }

    #[test]
    fn rules_version_is_1_when_absent_and_at_most_the_current() {
        let mut s = Scenario::default();
        assert_eq!(validate(&s).unwrap().rules_version, crate::rules::CURRENT);
        s.rules_version = None;
        assert_eq!(validate(&s).unwrap().rules_version, 1);
        s.rules_version = Some(crate::rules::CURRENT + 1);
        assert_eq!(validate(&s).unwrap_err()[0].to_string(), format!("rules_version: must be at most {}, got {}", crate::rules::CURRENT, crate::rules::CURRENT + 1));
        s.rules_version = Some(0);
        assert_eq!(validate(&s).unwrap_err()[0].to_string(), "rules_version: must be at least 1, got 0");
    }

    #[test]
    fn bad_counts_name_field_and_value() {
        let cases: Vec<(Box<dyn Fn(&mut Scenario)>, &str)> = vec![
            (Box::new(|s| s.supervisors[0].namespaces[0].count = 0),
             "supervisors[0].namespaces[0].count: must be at least 1, got 0"),
            (Box::new(|s| s.supervisors[0].namespaces[0].count = 1_000_000_000),
             "supervisors[0].namespaces[0].count: must be at most 10000, got 1000000000"),
            (Box::new(|s| s.supervisors[0].namespaces[0].control_plane_nodes = 2),
             "supervisors[0].namespaces[0].control_plane_nodes: must be one of 1 or 3, got 2"),
            (Box::new(|s| s.se_group.scale_factor = Some(0)),
             "se_group.scale_factor: must be at least 1, got 0"),
            (Box::new(|s| s.se_group.max_vs_per_se = Some(0)),
             "se_group.max_vs_per_se: must be at least 1, got 0"),
            (Box::new(|s| s.se_group.scale_factor = Some(12)),
             "se_group.scale_factor: a virtual service cannot scale out to more SEs than max_se = 10 (se_group.max_se), got 12"),
            (Box::new(|s| s.supervisors[0].zones = 2),
             "supervisors[0].zones: must be one of 1 or 3, got 2"),
            (Box::new(|s| s.supervisors[0].survive_zone_loss = true),
             "supervisors[0].survive_zone_loss: surviving a zone loss needs a three-zone Supervisor (supervisors[0].zones), got true"),
            (Box::new(|s| { s.se_group.ha_mode = Some(HaMode::ActiveStandby); s.se_group.scale_factor = Some(3); }),
             "se_group.scale_factor: Legacy Active/Standby places every virtual service on exactly 2 SEs (se_group.ha_mode), got 3"),
            (Box::new(|s| s.supervisors[0].name = " ".into()),
             "supervisors[0].name: must not be empty, got  "),
            (Box::new(|s| s.supervisors.clear()),
             "supervisors: must be at least 1, got []"),
            (Box::new(|s| s.supervisors[0].networks.namespace_network = vec!["10.0.0.0/24".into()]),
             "supervisors[0].networks.namespace_network[0]: 10.0.0.0/24 is too small for the namespace network: use a /23 or larger"),
            (Box::new(|s| s.supervisors[0].networks.egress_cidr = vec!["10.0.0.1/24".into()]),
             "supervisors[0].networks.egress_cidr[0]: 10.0.0.1/24 has host bits set; did you mean 10.0.0.0/24?"),
            (Box::new(|s| s.supervisors[0].networks.address_pool = vec!["10.0.0/16".into()]),
             "supervisors[0].networks.address_pool[0]: 10.0.0/16 is not an IPv4 CIDR such as 10.0.0.0/24"),
            (Box::new(|s| s.supervisors[0].networks.service_cidr = Some("fd00::/108".into())),
             "supervisors[0].networks.service_cidr: fd00::/108 is IPv6; the Supervisor needs IPv4 here"),
            (Box::new(|s| s.supervisors[0].networks.management_start = Some("10.1.1".into())),
             "supervisors[0].networks.management_start: 10.1.1 is not an IPv4 address such as 10.0.0.10"),
            (Box::new(|s| s.supervisors[0].networks.management_start = Some("255.255.255.254".into())),
             "supervisors[0].networks.management_start: 255.255.255.254 leaves no room for 5 consecutive addresses: start at 255.255.255.251 or lower"),
            (Box::new(|s| s.supervisors[0].networks.namespace_subnet_prefix = Some(31)),
             "supervisors[0].networks.namespace_subnet_prefix: must be at most 29, got 31"),
            (Box::new(|s| s.supervisors[0].namespaces[0].node_pools = 0),
             "supervisors[0].namespaces[0].node_pools: must be at least 1, got 0"),
            (Box::new(|s| s.supervisors[0].supervisor_services = 101),
             "supervisors[0].supervisor_services: must be at most 100, got 101"),
            (Box::new(|s| { s.supervisors[0].nat = false; s.supervisors[0].networks.egress_cidr = vec!["10.9.0.0/24".into()]; }),
             "supervisors[0].networks.egress_cidr: an Egress CIDR is only used with NAT (supervisors[0].nat), got 10.9.0.0/24"),
        ];
        for (f, expected) in cases {
            assert_eq!(first_error(f), expected);
        }
    }

    #[test]
    fn totals_are_capped() {
        let e = first_error(|s| {
            let g = s.supervisors[0].namespaces[0].clone();
            s.supervisors[0].namespaces = (0..3).map(|i| NamespaceGroup { name: format!("g{i}"), count: 5_000, ..g.clone() }).collect();
        });
        assert_eq!(e, "supervisors[0].namespaces: must be at most 10000, got 15000 namespaces in all");
        let e = first_error(|s| {
            let g = &mut s.supervisors[0].namespaces[0];
            g.count = 5_000;
            g.tkg_clusters = 10;
            g.lb_services_per_cluster = 10;
        });
        assert_eq!(e, "supervisors[0].namespaces: must be at most 200000, got 550001 virtual services in all");
    }

    #[test]
    fn placements_are_capped() {
        let e = first_error(|s| {
            s.se_group.scale_factor = Some(3);
            let g = &mut s.supervisors[0].namespaces[0];
            g.count = 10_000;
            g.pod_lb_services = 15;
        });
        assert_eq!(
            e,
            "supervisors[0].namespaces: must be at most 400000, got 540003 virtual-service placements (180001 virtual services x scale factor 3)"
        );
    }

    #[test]
    fn every_error_is_reported_once() {
        let errors = with(|s| {
            s.se_group.max_se = Some(0);
            s.supervisors[0].namespaces[0].count = 0;
            s.supervisors.push(Supervisor::new("supervisor-1"));
            s.topology = Topology::SharedTransportZone;
        })
        .unwrap_err();
        let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            text,
            vec![
                "se_group.max_se: must be at least 1, got 0",
                "supervisors[0].namespaces[0].count: must be at least 1, got 0",
                "supervisors[1].name: repeats another name at this level, got supervisor-1",
            ]
        );
    }

    #[test]
    fn single_topology_takes_one_supervisor() {
        let e = first_error(|s| s.supervisors.push(Supervisor::new("b")));
        assert!(e.starts_with("topology: 2 Supervisors need a multi-Supervisor topology"), "{e}");
    }

    #[test]
    fn vs_per_namespace_counts_every_kind() {
        let d = with(|s| {
            let g = &mut s.supervisors[0].namespaces[0];
            g.tkg_clusters = 2;
            g.lb_services_per_cluster = 3;
            g.ingress_vs_per_cluster = 1;
            g.pod_lb_services = 4;
        })
        .unwrap();
        // 2 clusters x (1 API + 3 LB + 1 L7) + 4 pod LB = 14
        assert_eq!(d.supervisors[0].groups[0].vs_per_namespace(), 14);
        assert_eq!(d.supervisors[0].virtual_services(), 1 + 10 * 14);
    }
}
