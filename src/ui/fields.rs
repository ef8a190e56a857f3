//! The field catalogue: every input the page offers, as a typed [`Field`].
//!
//! A field knows its JSON path (the same path the engine's `FieldError`s carry), its
//! label, its default, a one-line hint with the reason, how to show its value from
//! the [`Scenario`] and how to parse text typed into it back into the scenario.
//! Parsing never panics: text that does not parse is an `Err` with the message the
//! field shows, and the scenario is left as it was.

use crate::design::defaults;
use crate::scenario::{
    CapacitySpec, ControlPlaneSize, DnsSeGroup, HaMode, NamespaceGroup, Placement, PlatformKind, Scenario, SeGroupSpec,
    Supervisor, SupervisorNetworks, T0Mode, Topology,
};

mod vds;
mod vpc;
pub use vds::{VdsField, WlField};
pub use vpc::{NsxLbField, SharedVpcField, VpcField};

/// Scenario-wide SE group settings (`se_group.*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeField {
    HaMode,
    ScaleFactor,
    MaxScaleout,
    BufferSes,
    DataNics,
    MaxVsPerSe,
    MaxSe,
    Vcpus,
    MemoryGb,
    DiskGb,
    Placement,
}

/// One Supervisor's own settings (`supervisors[i].*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SupField {
    Name,
    Nat,
    Zones,
    SurviveZoneLoss,
    SupervisorVs,
    ControlPlaneSize,
    SupervisorServices,
    Platform,
}

/// One Supervisor's networks (`supervisors[i].networks.*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetField {
    AddressPool,
    GrowthPercent,
    IngressCidr,
    EgressCidr,
    NamespaceNetwork,
    SubnetPrefix,
    ServiceCidr,
    ManagementStart,
}

/// One namespace group (`supervisors[i].namespaces[j].*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupField {
    Name,
    Count,
    TkgClusters,
    ControlPlane,
    Workers,
    LbServices,
    IngressVs,
    PodLb,
    VspherePods,
    VmServiceVms,
    NodePools,
    Nat,
    T0,
    IngressCidr,
    EgressCidr,
    NamespaceNetwork,
    SubnetPrefix,
    WorkloadNetwork,
    // NSX VPC and the NSX load balancer comparison.
    Vpc,
    PrivateCidrs,
    ServicePorts,
}

/// Per-vCPU capacity figures (`capacity.*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CapField {
    Throughput,
    MaxThroughput,
    HttpRps,
    SslGbps,
    Rsa,
    Ecc,
    MaxHttpRps,
    MaxSslGbps,
    MaxRsa,
    MaxEcc,
}

/// Every input of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Topology,
    Se(SeField),
    DnsEnabled,
    DnsVs,
    Sup(usize, SupField),
    Net(usize, NetField),
    Group(usize, usize, GroupField),
    Cap(CapField),
    /// A VDS input of a Supervisor.
    Vds(usize, VdsField),
    /// An input of a Supervisor's `k`-th workload network.
    Wl(usize, usize, WlField),
    /// An NSX VPC input of a Supervisor.
    Vpc(usize, VpcField),
    /// An input of a Supervisor's `k`-th pre-created VPC.
    SharedVpc(usize, usize, SharedVpcField),
    /// An input of a Supervisor's NSX load balancer comparison.
    NsxLb(usize, NsxLbField),
}

/// How a field is edited.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A whole number.
    Number,
    /// A decimal number.
    Decimal,
    /// Free text (a name, an address, a CIDR).
    Text,
    /// A comma-separated list of CIDRs.
    List,
    /// One of a few values: (value, label). Value "" means "default" / "inherit".
    Select(Vec<(String, String)>),
    /// A checkbox: text "true" or "false".
    Check,
}

/// What the page says about a field, independent of its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    pub label: &'static str,
    pub hint: &'static str,
    pub kind: Kind,
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

fn parse_count(text: &str) -> Result<u32, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("enter a whole number".into());
    }
    if t.starts_with('-') && t[1..].chars().all(|c| c.is_ascii_digit()) && t.len() > 1 {
        return Err("must not be negative".into());
    }
    if !t.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!("'{t}' is not a whole number"));
    }
    t.parse::<u32>().map_err(|_| format!("{t} is far too large"))
}

fn parse_opt_count(text: &str) -> Result<Option<u32>, String> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_count(text).map(Some)
    }
}

fn parse_opt_prefix(text: &str) -> Result<Option<u8>, String> {
    match parse_opt_count(text.trim().trim_start_matches('/'))? {
        None => Ok(None),
        Some(n) if n <= 32 => Ok(Some(n as u8)),
        Some(n) => Err(format!("/{n} is not a prefix length (0-32)")),
    }
}

fn parse_opt_decimal(text: &str) -> Result<Option<f64>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(Some(x)),
        _ => Err(format!("'{t}' is not a number")),
    }
}

fn parse_bool(text: &str) -> Result<bool, String> {
    match text {
        "true" => Ok(true),
        "false" => Ok(false),
        other => Err(format!("'{other}' is not true or false")),
    }
}

fn parse_opt_text(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// A comma (or space) separated list of CIDRs, as typed.
fn parse_list(text: &str) -> Vec<String> {
    text.split([',', ' ', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn join(list: &[String]) -> String {
    list.join(", ")
}

fn pick<T: Copy>(all: &[T], key: impl Fn(T) -> &'static str, text: &str) -> Result<Option<T>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    all.iter()
        .copied()
        .find(|&v| key(v) == text)
        .map(Some)
        .ok_or_else(|| format!("'{text}' is not one of the choices"))
}

fn options<T: Copy>(all: &[T], key: impl Fn(T) -> &'static str, label: impl Fn(T) -> &'static str) -> Vec<(String, String)> {
    all.iter().map(|&v| (key(v).to_string(), label(v).to_string())).collect()
}

fn t0_label(t: T0Mode) -> &'static str {
    match t {
        T0Mode::Shared => "Supervisor's T0 (shared)",
        T0Mode::Dedicated => "Dedicated T0 gateway",
        T0Mode::Vrf => "Dedicated T0 VRF gateway",
    }
}

fn placement_label(p: Placement) -> &'static str {
    match p {
        Placement::Compact => "Compact (fill existing SEs first)",
        Placement::Distributed => "Distributed (spin up new SEs first)",
    }
}

impl SeField {
    fn get(self, g: &SeGroupSpec) -> String {
        match self {
            SeField::HaMode => g.ha_mode.map(|m| m.key().to_string()).unwrap_or_default(),
            SeField::ScaleFactor => opt(g.scale_factor),
            SeField::MaxScaleout => opt(g.max_scaleout_per_vs),
            SeField::BufferSes => opt(g.buffer_ses),
            SeField::DataNics => opt(g.data_nics_per_se),
            SeField::MaxVsPerSe => opt(g.max_vs_per_se),
            SeField::MaxSe => opt(g.max_se),
            SeField::Vcpus => opt(g.vcpus_per_se),
            SeField::MemoryGb => opt(g.memory_gb_per_se),
            SeField::DiskGb => opt(g.disk_gb_per_se),
            SeField::Placement => g.placement.map(|p| p.key().to_string()).unwrap_or_default(),
        }
    }

    fn set(self, g: &mut SeGroupSpec, text: &str) -> Result<(), String> {
        match self {
            SeField::HaMode => g.ha_mode = pick(&HaMode::ALL, HaMode::key, text)?,
            SeField::ScaleFactor => g.scale_factor = parse_opt_count(text)?,
            SeField::MaxScaleout => g.max_scaleout_per_vs = parse_opt_count(text)?,
            SeField::BufferSes => g.buffer_ses = parse_opt_count(text)?,
            SeField::DataNics => g.data_nics_per_se = parse_opt_count(text)?,
            SeField::MaxVsPerSe => g.max_vs_per_se = parse_opt_count(text)?,
            SeField::MaxSe => g.max_se = parse_opt_count(text)?,
            SeField::Vcpus => g.vcpus_per_se = parse_opt_count(text)?,
            SeField::MemoryGb => g.memory_gb_per_se = parse_opt_count(text)?,
            SeField::DiskGb => g.disk_gb_per_se = parse_opt_count(text)?,
            SeField::Placement => g.placement = pick(&Placement::ALL, Placement::key, text)?,
        }
        Ok(())
    }

    fn key(self) -> &'static str {
        match self {
            SeField::HaMode => "ha_mode",
            SeField::ScaleFactor => "scale_factor",
            SeField::MaxScaleout => "max_scaleout_per_vs",
            SeField::BufferSes => "buffer_ses",
            SeField::DataNics => "data_nics_per_se",
            SeField::MaxVsPerSe => "max_vs_per_se",
            SeField::MaxSe => "max_se",
            SeField::Vcpus => "vcpus_per_se",
            SeField::MemoryGb => "memory_gb_per_se",
            SeField::DiskGb => "disk_gb_per_se",
            SeField::Placement => "placement",
        }
    }

    /// The value the engine uses when the field is left empty.
    fn default_text(self, g: &SeGroupSpec) -> String {
        let mode = g.ha_mode.unwrap_or_default();
        match self {
            SeField::HaMode => HaMode::default().label().to_string(),
            SeField::ScaleFactor => format!("{} for {}", mode.default_scale_factor(), mode.label()),
            SeField::MaxScaleout => {
                let scale = g.scale_factor.unwrap_or(mode.default_scale_factor());
                format!("{} (Avi's {}, or the scale factor if higher)", defaults::max_scaleout_per_vs(scale), defaults::MAX_SCALEOUT_PER_VS)
            }
            SeField::BufferSes => format!("{} for {}", mode.default_buffer(), mode.label()),
            SeField::DataNics => defaults::DATA_NICS_PER_SE.to_string(),
            SeField::MaxVsPerSe => defaults::MAX_VS_PER_SE.to_string(),
            SeField::MaxSe => defaults::MAX_SE.to_string(),
            SeField::Vcpus => defaults::VCPUS_PER_SE.to_string(),
            SeField::MemoryGb => format!("{} GB", defaults::MEMORY_GB_PER_SE),
            SeField::DiskGb => {
                let memory = g.memory_gb_per_se.unwrap_or(defaults::MEMORY_GB_PER_SE).min(1024);
                format!("{} GB", defaults::min_disk_gb(memory))
            }
            SeField::Placement => placement_label(Placement::default()).to_string(),
        }
    }

    fn meta(self) -> Meta {
        let (label, hint, kind) = match self {
            SeField::HaMode => (
                "HA mode",
                "Elastic N+M (HA_MODE_SHARED) is Avi's default; Active/Active places every VS on 2 SEs; Legacy Active/Standby is exactly one pair.",
                Kind::Select(
                    std::iter::once((String::new(), "Default (Elastic N+M)".to_string()))
                        .chain(options(&HaMode::ALL, HaMode::key, HaMode::label))
                        .collect(),
                ),
            ),
            SeField::ScaleFactor => (
                "VS scale factor",
                "Each virtual service is placed on this many distinct SEs (minimum scale-out per VS).",
                Kind::Number,
            ),
            SeField::MaxScaleout => (
                "Max scale-out per VS",
                "Avi max_scaleout_per_vs (1-64): how many SEs a virtual service may scale out to; never below the scale factor. \
                 Sent with the Avi snippet.",
                Kind::Number,
            ),
            SeField::BufferSes => (
                "Buffer SEs (M)",
                "Spare SEs that take over after an SE failure in elastic modes; Active/Standby has none (the standby is the spare).",
                Kind::Number,
            ),
            SeField::DataNics => (
                "Data interfaces per SE",
                "An SE VM has 10 vNICs and the first is management, so 9 data interfaces: one per T1 (VRF) the SE serves. \
                 A larger value (from a saved scenario) is computed as 9 and marked here.",
                Kind::Number,
            ),
            SeField::MaxVsPerSe => (
                "Virtual services per SE",
                "Avi max_vs_per_se: how many virtual services one SE holds.",
                Kind::Number,
            ),
            SeField::MaxSe => (
                "Max SEs per group",
                "Avi max_se: caps the whole group, buffer included; a load that needs more is shown with the max_se to set.",
                Kind::Number,
            ),
            SeField::Vcpus => (
                "vCPU per SE",
                "Avi Enterprise licensing counts 1 Service Unit per SE vCPU, buffer and standby SEs included.",
                Kind::Number,
            ),
            SeField::MemoryGb => ("Memory per SE (GB)", "2-256 GB; VMware recommends an SE disk of at least 2 x memory + 5 GB.", Kind::Number),
            SeField::DiskGb => (
                "Disk per SE (GB)",
                "VMware recommends at least 15 GB (Avi's default) and 2 x memory + 5 GB; less is a warning, not an error.",
                Kind::Number,
            ),
            SeField::Placement => (
                "VS placement",
                "Compact (Avi's API default) fills existing SEs first; distributed spins up new SEs up to max_se (less the buffer) \
                 before sharing. Avi's UI pre-selects distributed for Active/Active.",
                Kind::Select(
                    std::iter::once((String::new(), "Default (compact)".to_string()))
                        .chain(options(&Placement::ALL, Placement::key, placement_label))
                        .collect(),
                ),
            ),
        };
        Meta { label, hint, kind }
    }
}

impl SupField {
    fn get(self, s: &Supervisor) -> String {
        match self {
            SupField::Name => s.name.clone(),
            SupField::Nat => s.nat.to_string(),
            SupField::Zones => s.zones.to_string(),
            SupField::SurviveZoneLoss => s.survive_zone_loss.to_string(),
            SupField::SupervisorVs => s.supervisor_virtual_services.to_string(),
            SupField::ControlPlaneSize => s.control_plane_size.key().to_string(),
            SupField::SupervisorServices => s.supervisor_services.to_string(),
            SupField::Platform => s.platform.key().to_string(),
        }
    }

    fn set(self, s: &mut Supervisor, text: &str) -> Result<(), String> {
        match self {
            SupField::Name => s.name = text.to_string(),
            SupField::Nat => s.nat = parse_bool(text)?,
            SupField::Zones => s.zones = parse_count(text)?,
            SupField::SurviveZoneLoss => s.survive_zone_loss = parse_bool(text)?,
            SupField::SupervisorVs => s.supervisor_virtual_services = parse_count(text)?,
            SupField::ControlPlaneSize => {
                s.control_plane_size = pick(&ControlPlaneSize::ALL, ControlPlaneSize::key, text)?.unwrap_or_default()
            }
            SupField::SupervisorServices => s.supervisor_services = parse_count(text)?,
            // The page clears what the new platform refuses and says so (`State::edit`).
            SupField::Platform => {
                s.set_platform(pick(&PlatformKind::ALL, PlatformKind::key, text)?.unwrap_or_default());
            }
        }
        Ok(())
    }

    fn key(self) -> &'static str {
        match self {
            SupField::Name => "name",
            SupField::Nat => "nat",
            SupField::Zones => "zones",
            SupField::SurviveZoneLoss => "survive_zone_loss",
            SupField::SupervisorVs => "supervisor_virtual_services",
            SupField::ControlPlaneSize => "control_plane_size",
            SupField::SupervisorServices => "supervisor_services",
            SupField::Platform => "platform",
        }
    }

    fn default_text(self) -> &'static str {
        match self {
            SupField::Name => "",
            SupField::Nat => "on",
            SupField::Zones => "1",
            SupField::SurviveZoneLoss => "off",
            SupField::SupervisorVs => "1",
            SupField::ControlPlaneSize => "Small",
            SupField::SupervisorServices => "0",
            SupField::Platform => "NSX with Avi",
        }
    }

    fn meta(self) -> Meta {
        let (label, hint, kind) = match self {
            SupField::Name => ("Supervisor name", "Unique; names its SE group and controller in the results.", Kind::Text),
            SupField::Nat => (
                "NAT mode",
                "With NAT each namespace gets one SNAT IP from the Egress CIDR; without, namespace networks are routed north.",
                Kind::Check,
            ),
            SupField::Zones => (
                "vSphere zones",
                "1 or 3; a three-zone Supervisor spreads SEs zone-aware (Avi 31.1.1+).",
                Kind::Select(vec![("1".into(), "1 zone".into()), ("3".into(), "3 zones".into())]),
            ),
            SupField::SurviveZoneLoss => (
                "Survive a zone loss",
                "Three zones only: add SEs so the load still fits after losing the zone with the most SEs.",
                Kind::Check,
            ),
            SupField::SupervisorVs => (
                "Supervisor virtual services",
                "VSes on the Supervisor's own T1: its API server VIP (one lab shows 2).",
                Kind::Number,
            ),
            SupField::ControlPlaneSize => (
                "Control plane size",
                "Size of the Supervisor's control plane VMs (Terraform sizing_hint). Tiny takes a /24 service CIDR by default, \
                 the others a /23.",
                Kind::Select(options(&ControlPlaneSize::ALL, ControlPlaneSize::key, ControlPlaneSize::label)),
            ),
            SupField::SupervisorServices => (
                "Supervisor Services",
                "Each runs in a namespace of its own: a T1, one namespace subnet for its pods and, with NAT, one SNAT IP. \
                 They host no VS counted here (give a service's LoadBalancer Services as a namespace group).",
                Kind::Number,
            ),
            SupField::Platform => (
                "Networking",
                "NSX with Avi (a T1 per namespace), or vSphere Distributed Switch with Avi on a vCenter cloud or the vSphere \
                 Foundation Load Balancer. Switching clears the inputs the other platform does not have.",
                Kind::Select(options(&PlatformKind::ALL, PlatformKind::key, PlatformKind::label)),
            ),
        };
        Meta { label, hint, kind }
    }
}

impl NetField {
    fn get(self, n: &SupervisorNetworks) -> String {
        match self {
            NetField::AddressPool => join(&n.address_pool),
            NetField::GrowthPercent => opt(n.growth_percent),
            NetField::IngressCidr => join(&n.ingress_cidr),
            NetField::EgressCidr => join(&n.egress_cidr),
            NetField::NamespaceNetwork => join(&n.namespace_network),
            NetField::SubnetPrefix => opt(n.namespace_subnet_prefix),
            NetField::ServiceCidr => n.service_cidr.clone().unwrap_or_default(),
            NetField::ManagementStart => n.management_start.clone().unwrap_or_default(),
        }
    }

    fn set(self, n: &mut SupervisorNetworks, text: &str) -> Result<(), String> {
        match self {
            NetField::AddressPool => n.address_pool = parse_list(text),
            NetField::GrowthPercent => n.growth_percent = parse_opt_count(text.trim().trim_end_matches('%'))?,
            NetField::IngressCidr => n.ingress_cidr = parse_list(text),
            NetField::EgressCidr => n.egress_cidr = parse_list(text),
            NetField::NamespaceNetwork => n.namespace_network = parse_list(text),
            NetField::SubnetPrefix => n.namespace_subnet_prefix = parse_opt_prefix(text)?,
            NetField::ServiceCidr => n.service_cidr = parse_opt_text(text),
            NetField::ManagementStart => n.management_start = parse_opt_text(text),
        }
        Ok(())
    }

    fn key(self) -> &'static str {
        match self {
            NetField::AddressPool => "address_pool",
            NetField::GrowthPercent => "growth_percent",
            NetField::IngressCidr => "ingress_cidr",
            NetField::EgressCidr => "egress_cidr",
            NetField::NamespaceNetwork => "namespace_network",
            NetField::SubnetPrefix => "namespace_subnet_prefix",
            NetField::ServiceCidr => "service_cidr",
            NetField::ManagementStart => "management_start",
        }
    }

    fn default_text(self, size: ControlPlaneSize) -> String {
        match self {
            NetField::AddressPool => "none".into(),
            NetField::GrowthPercent => format!("{} %", defaults::GROWTH_PERCENT),
            NetField::IngressCidr => "carved from the pool".into(),
            NetField::EgressCidr => "carved from the pool (NAT only)".into(),
            NetField::NamespaceNetwork => format!("carved from the pool, else {}", defaults::NAMESPACE_NETWORK),
            NetField::SubnetPrefix => format!("/{}", defaults::NAMESPACE_SUBNET_PREFIX),
            NetField::ServiceCidr => match size {
                ControlPlaneSize::Tiny => format!("{} (Tiny control plane)", defaults::service_cidr(size)),
                _ => defaults::service_cidr(size).into(),
            },
            NetField::ManagementStart => "not planned".into(),
        }
    }

    fn meta(self) -> Meta {
        let (label, hint, kind) = match self {
            NetField::AddressPool => (
                "Address pool",
                "Routable blocks to carve the networks not given below from (comma-separated).",
                Kind::List,
            ),
            NetField::GrowthPercent => (
                "Growth headroom (%)",
                "Carved networks get this much on top of today's demand: they can only be appended to once enabled.",
                Kind::Number,
            ),
            NetField::IngressCidr => (
                "Ingress CIDR",
                "VIPs: the Supervisor API, 1 per TKG cluster API, 1 per LoadBalancer Service. Each block /27 or larger.",
                Kind::List,
            ),
            NetField::EgressCidr => (
                "Egress CIDR",
                "NAT only: 1 SNAT IP per namespace and 1 for the Supervisor. Each block /27 or larger.",
                Kind::List,
            ),
            NetField::NamespaceNetwork => (
                "Namespace network",
                "Namespace and TKG cluster segments are cut from it; each block /23 or larger, can only be appended to later.",
                Kind::List,
            ),
            NetField::SubnetPrefix => (
                "Namespace subnet prefix",
                "Each namespace and cluster segment takes subnets of this size; 2^(32-p) - 3 usable (network, gateway, broadcast).",
                Kind::Number,
            ),
            NetField::ServiceCidr => (
                "Service CIDR",
                "Internal to the Supervisor, never carved or routed; must not overlap any other network.",
                Kind::Text,
            ),
            NetField::ManagementStart => (
                "Management start IP",
                "First of 5 consecutive IPs: 3 control-plane VMs, 1 floating IP, 1 for rolling upgrades.",
                Kind::Text,
            ),
        };
        Meta { label, hint, kind }
    }
}

fn nat_choice(v: Option<bool>) -> String {
    match v {
        None => String::new(),
        Some(true) => "on".into(),
        Some(false) => "off".into(),
    }
}

impl GroupField {
    fn get(self, g: &NamespaceGroup) -> String {
        match self {
            GroupField::Name => g.name.clone(),
            GroupField::Count => g.count.to_string(),
            GroupField::TkgClusters => g.tkg_clusters.to_string(),
            GroupField::ControlPlane => g.control_plane_nodes.to_string(),
            GroupField::Workers => g.worker_nodes.to_string(),
            GroupField::LbServices => g.lb_services_per_cluster.to_string(),
            GroupField::IngressVs => g.ingress_vs_per_cluster.to_string(),
            GroupField::PodLb => g.pod_lb_services.to_string(),
            GroupField::VspherePods => g.vsphere_pods.to_string(),
            GroupField::VmServiceVms => g.vm_service_vms.to_string(),
            GroupField::NodePools => g.node_pools.to_string(),
            GroupField::Nat => nat_choice(g.nat),
            GroupField::T0 => g.t0.key().to_string(),
            GroupField::IngressCidr => join(&g.ingress_cidr),
            GroupField::EgressCidr => join(&g.egress_cidr),
            GroupField::NamespaceNetwork => join(&g.namespace_network),
            GroupField::SubnetPrefix => opt(g.namespace_subnet_prefix),
            GroupField::WorkloadNetwork => g.workload_network.clone().unwrap_or_default(),
            GroupField::Vpc => g.vpc.clone().unwrap_or_default(),
            GroupField::PrivateCidrs => join(&g.private_cidrs),
            GroupField::ServicePorts => g.service_ports.to_string(),
        }
    }

    fn set(self, g: &mut NamespaceGroup, text: &str) -> Result<(), String> {
        match self {
            GroupField::Name => g.name = text.to_string(),
            GroupField::Count => g.count = parse_count(text)?,
            GroupField::TkgClusters => g.tkg_clusters = parse_count(text)?,
            GroupField::ControlPlane => g.control_plane_nodes = parse_count(text)?,
            GroupField::Workers => g.worker_nodes = parse_count(text)?,
            GroupField::LbServices => g.lb_services_per_cluster = parse_count(text)?,
            GroupField::IngressVs => g.ingress_vs_per_cluster = parse_count(text)?,
            GroupField::PodLb => g.pod_lb_services = parse_count(text)?,
            GroupField::VspherePods => g.vsphere_pods = parse_count(text)?,
            GroupField::VmServiceVms => g.vm_service_vms = parse_count(text)?,
            GroupField::NodePools => g.node_pools = parse_count(text)?,
            GroupField::Nat => {
                g.nat = match text {
                    "" => None,
                    "on" => Some(true),
                    "off" => Some(false),
                    other => return Err(format!("'{other}' is not one of the choices")),
                }
            }
            GroupField::T0 => g.t0 = pick(&T0Mode::ALL, T0Mode::key, text)?.unwrap_or_default(),
            GroupField::IngressCidr => g.ingress_cidr = parse_list(text),
            GroupField::EgressCidr => g.egress_cidr = parse_list(text),
            GroupField::NamespaceNetwork => g.namespace_network = parse_list(text),
            GroupField::SubnetPrefix => g.namespace_subnet_prefix = parse_opt_prefix(text)?,
            GroupField::WorkloadNetwork => g.workload_network = parse_opt_text(text),
            GroupField::Vpc => g.vpc = parse_opt_text(text),
            GroupField::PrivateCidrs => g.private_cidrs = parse_list(text),
            GroupField::ServicePorts => g.service_ports = parse_count(text)?,
        }
        Ok(())
    }

    fn key(self) -> &'static str {
        match self {
            GroupField::Name => "name",
            GroupField::Count => "count",
            GroupField::TkgClusters => "tkg_clusters",
            GroupField::ControlPlane => "control_plane_nodes",
            GroupField::Workers => "worker_nodes",
            GroupField::LbServices => "lb_services_per_cluster",
            GroupField::IngressVs => "ingress_vs_per_cluster",
            GroupField::PodLb => "pod_lb_services",
            GroupField::VspherePods => "vsphere_pods",
            GroupField::VmServiceVms => "vm_service_vms",
            GroupField::NodePools => "node_pools",
            GroupField::Nat => "nat",
            GroupField::T0 => "t0",
            GroupField::IngressCidr => "ingress_cidr",
            GroupField::EgressCidr => "egress_cidr",
            GroupField::NamespaceNetwork => "namespace_network",
            GroupField::SubnetPrefix => "namespace_subnet_prefix",
            GroupField::WorkloadNetwork => "workload_network",
            GroupField::Vpc => "vpc",
            GroupField::PrivateCidrs => "private_cidrs",
            GroupField::ServicePorts => "service_ports",
        }
    }

    fn default_text(self) -> &'static str {
        match self {
            GroupField::Name => "",
            GroupField::Count => "1",
            GroupField::TkgClusters => "0",
            GroupField::ControlPlane => "3",
            GroupField::Workers => "3",
            GroupField::LbServices => "0",
            GroupField::IngressVs => "0",
            GroupField::PodLb => "0",
            GroupField::VspherePods => "0",
            GroupField::VmServiceVms => "0",
            GroupField::NodePools => "1",
            GroupField::Nat => "the Supervisor's",
            GroupField::T0 => "the Supervisor's T0",
            GroupField::IngressCidr | GroupField::EgressCidr | GroupField::NamespaceNetwork => "the Supervisor's",
            GroupField::SubnetPrefix => "the Supervisor's",
            GroupField::WorkloadNetwork => "the primary workload network",
            GroupField::Vpc => "a VPC of its own per namespace",
            GroupField::PrivateCidrs => "the Supervisor's",
            GroupField::ServicePorts => "1",
        }
    }

    fn meta(self) -> Meta {
        let (label, hint, kind) = match self {
            GroupField::Name => ("Group name", "Namespaces are named after it: team-001, team-002 ...", Kind::Text),
            GroupField::Count => (
                "Namespaces",
                "Alike vSphere namespaces; each has its own T1 (a VRF in Avi) and takes a data interface on every SE serving it.",
                Kind::Number,
            ),
            GroupField::TkgClusters => (
                "TKG clusters per namespace",
                "Each cluster's API server is one VS and one VIP; its nodes sit on their own segment.",
                Kind::Number,
            ),
            GroupField::ControlPlane => (
                "Control-plane nodes",
                "1 or 3 per cluster.",
                Kind::Select(vec![("1".into(), "1".into()), ("3".into(), "3".into())]),
            ),
            GroupField::Workers => (
                "Worker nodes",
                "Per cluster; a rolling update adds one surge node per node pool.",
                Kind::Number,
            ),
            GroupField::LbServices => (
                "LoadBalancer services per cluster",
                "Each Service of type LoadBalancer is one L4 VS and one VIP.",
                Kind::Number,
            ),
            GroupField::IngressVs => (
                "L7 ingress VSes per cluster",
                "Only where AKO runs in the cluster.",
                Kind::Number,
            ),
            GroupField::PodLb => (
                "vSphere-pod LB services",
                "Services of type LoadBalancer for vSphere pods, per namespace.",
                Kind::Number,
            ),
            GroupField::VspherePods => (
                "vSphere pods",
                "Per namespace; they take addresses on the namespace segment.",
                Kind::Number,
            ),
            GroupField::VmServiceVms => (
                "VM Service VMs",
                "Per namespace; like vSphere pods they take addresses on the namespace segment.",
                Kind::Number,
            ),
            GroupField::NodePools => (
                "Node pools per cluster",
                "A rolling update adds one surge node per node pool to the cluster's segment.",
                Kind::Number,
            ),
            GroupField::Nat => (
                "NAT",
                "Inherit the Supervisor's NAT mode, or override it for these namespaces.",
                Kind::Select(vec![
                    (String::new(), "Inherit".into()),
                    ("on".into(), "NAT on".into()),
                    ("off".into(), "NAT off (routed)".into()),
                ]),
            ),
            GroupField::T0 => (
                "T0 uplink",
                "Which T0 the namespaces' T1s uplink to (seeds parts 6-7).",
                Kind::Select(options(&T0Mode::ALL, T0Mode::key, t0_label)),
            ),
            GroupField::IngressCidr => (
                "Custom Ingress CIDR",
                "VIPs for these namespaces instead of the Supervisor's; /27 or larger.",
                Kind::List,
            ),
            GroupField::EgressCidr => (
                "Custom Egress CIDR",
                "SNAT IPs for these namespaces (NAT only); /27 or larger.",
                Kind::List,
            ),
            GroupField::NamespaceNetwork => (
                "Custom namespace network",
                "Segments for these namespaces; /23 or larger.",
                Kind::List,
            ),
            GroupField::SubnetPrefix => (
                "Custom subnet prefix",
                "Subnet size for these namespaces' segments.",
                Kind::Number,
            ),
            GroupField::WorkloadNetwork => (
                "Workload network",
                "VDS: the workload network (by name) these namespaces and their TKG cluster nodes are on.",
                Kind::Text,
            ),
            GroupField::Vpc => (
                "VPC",
                "NSX VPCs: the pre-created VPC (by name) these namespaces share; empty, each gets a VPC of its own.",
                Kind::Text,
            ),
            GroupField::PrivateCidrs => (
                "Own private CIDRs",
                "NSX VPCs: private CIDRs of these namespaces' own VPCs instead of the Supervisor's (appended only, later).",
                Kind::List,
            ),
            GroupField::ServicePorts => (
                "Ports per LoadBalancer Service",
                "Avi puts every port of a Service in one virtual service; the NSX load balancer takes a virtual server per port.",
                Kind::Number,
            ),
        };
        Meta { label, hint, kind }
    }
}

impl CapField {
    fn get(self, c: &CapacitySpec) -> String {
        match self {
            CapField::Throughput => opt(c.throughput_gbps_per_vcpu),
            CapField::MaxThroughput => opt(c.max_throughput_gbps_per_se),
            CapField::HttpRps => opt(c.http_rps_per_vcpu),
            CapField::SslGbps => opt(c.ssl_gbps_per_vcpu),
            CapField::Rsa => opt(c.rsa2k_tps_per_vcpu),
            CapField::Ecc => opt(c.ecc_tps_per_vcpu),
            CapField::MaxHttpRps => opt(c.max_http_rps_per_se),
            CapField::MaxSslGbps => opt(c.max_ssl_gbps_per_se),
            CapField::MaxRsa => opt(c.max_rsa2k_tps_per_se),
            CapField::MaxEcc => opt(c.max_ecc_tps_per_se),
        }
    }

    fn set(self, c: &mut CapacitySpec, text: &str) -> Result<(), String> {
        match self {
            CapField::Throughput => c.throughput_gbps_per_vcpu = parse_opt_decimal(text)?,
            CapField::MaxThroughput => c.max_throughput_gbps_per_se = parse_opt_decimal(text)?,
            CapField::HttpRps => c.http_rps_per_vcpu = parse_opt_count(text)?,
            CapField::SslGbps => c.ssl_gbps_per_vcpu = parse_opt_decimal(text)?,
            CapField::Rsa => c.rsa2k_tps_per_vcpu = parse_opt_count(text)?,
            CapField::Ecc => c.ecc_tps_per_vcpu = parse_opt_count(text)?,
            CapField::MaxHttpRps => c.max_http_rps_per_se = parse_opt_count(text)?,
            CapField::MaxSslGbps => c.max_ssl_gbps_per_se = parse_opt_decimal(text)?,
            CapField::MaxRsa => c.max_rsa2k_tps_per_se = parse_opt_count(text)?,
            CapField::MaxEcc => c.max_ecc_tps_per_se = parse_opt_count(text)?,
        }
        Ok(())
    }

    fn key(self) -> &'static str {
        match self {
            CapField::Throughput => "throughput_gbps_per_vcpu",
            CapField::MaxThroughput => "max_throughput_gbps_per_se",
            CapField::HttpRps => "http_rps_per_vcpu",
            CapField::SslGbps => "ssl_gbps_per_vcpu",
            CapField::Rsa => "rsa2k_tps_per_vcpu",
            CapField::Ecc => "ecc_tps_per_vcpu",
            CapField::MaxHttpRps => "max_http_rps_per_se",
            CapField::MaxSslGbps => "max_ssl_gbps_per_se",
            CapField::MaxRsa => "max_rsa2k_tps_per_se",
            CapField::MaxEcc => "max_ecc_tps_per_se",
        }
    }

    fn default_text(self) -> String {
        match self {
            CapField::Throughput => defaults::THROUGHPUT_GBPS_PER_VCPU.to_string(),
            CapField::MaxThroughput => defaults::MAX_THROUGHPUT_GBPS_PER_SE.to_string(),
            CapField::HttpRps => defaults::HTTP_RPS_PER_VCPU.to_string(),
            CapField::SslGbps => defaults::SSL_GBPS_PER_VCPU.to_string(),
            CapField::Rsa => defaults::RSA2K_TPS_PER_VCPU.to_string(),
            CapField::Ecc => defaults::ECC_TPS_PER_VCPU.to_string(),
            CapField::MaxHttpRps => defaults::MAX_HTTP_RPS_PER_SE.to_string(),
            CapField::MaxSslGbps => defaults::MAX_SSL_GBPS_PER_SE.to_string(),
            CapField::MaxRsa => defaults::MAX_RSA2K_TPS_PER_SE.to_string(),
            CapField::MaxEcc => defaults::MAX_ECC_TPS_PER_SE.to_string(),
        }
    }

    fn meta(self) -> Meta {
        let (label, hint, kind) = match self {
            CapField::Throughput => ("L4/L7 Gbps per vCPU", "Published figures range 4-5 Gbps per SE vCPU.", Kind::Decimal),
            CapField::MaxThroughput => ("Max Gbps per SE", "One SE tops out near 7 Gbps whatever its vCPUs.", Kind::Decimal),
            CapField::HttpRps => ("HTTP requests/s per vCPU", "Published figures range 40-50k.", Kind::Number),
            CapField::SslGbps => ("SSL Gbps per vCPU", "About 1 Gbps of SSL throughput per vCPU.", Kind::Decimal),
            CapField::Rsa => ("RSA-2K TPS per vCPU", "Published figures range 600-750 new SSL connections/s.", Kind::Number),
            CapField::Ecc => ("ECC TPS per vCPU", "Published figures range 2000-2500 new SSL connections/s.", Kind::Number),
            CapField::MaxHttpRps => (
                "Max HTTP requests/s per SE",
                "One SE VM tops out near 160k requests/s whatever its vCPUs (VMware's validated solution; a reference design says 175k).",
                Kind::Number,
            ),
            CapField::MaxSslGbps => ("Max SSL Gbps per SE", "One SE VM tops out near 7 Gbps of SSL throughput.", Kind::Decimal),
            CapField::MaxRsa => ("Max RSA-2K TPS per SE", "One SE VM tops out near 40k RSA-2K transactions/s.", Kind::Number),
            CapField::MaxEcc => ("Max ECC TPS per SE", "One SE VM tops out near 40k ECC transactions/s.", Kind::Number),
        };
        Meta { label, hint, kind }
    }
}

impl Field {
    /// The JSON path of the field, as the engine's errors name it.
    pub fn path(&self) -> String {
        match *self {
            Field::Topology => "topology".into(),
            Field::Se(f) => format!("se_group.{}", f.key()),
            Field::DnsEnabled => "dns_se_group".into(),
            Field::DnsVs => "dns_se_group.virtual_services".into(),
            Field::Sup(i, f) => format!("supervisors[{i}].{}", f.key()),
            Field::Net(i, f) => format!("supervisors[{i}].networks.{}", f.key()),
            Field::Group(i, j, f) => format!("supervisors[{i}].namespaces[{j}].{}", f.key()),
            Field::Cap(f) => format!("capacity.{}", f.key()),
            Field::Vds(i, f) => format!("supervisors[{i}].vds.{}", f.key()),
            Field::Wl(i, k, f) => format!("supervisors[{i}].vds.workload_networks[{k}].{}", f.key()),
            Field::Vpc(i, f) => format!("supervisors[{i}].vpc.{}", f.key()),
            Field::SharedVpc(i, k, f) => format!("supervisors[{i}].vpc.vpcs[{k}].{}", f.key()),
            Field::NsxLb(i, f) => format!("supervisors[{i}].{}", f.key()),
        }
    }

    /// What the input assumes, when it stands for a rule no source settles (the
    /// page marks it as an assumption).
    pub fn assumption(&self) -> Option<&'static str> {
        match *self {
            Field::Vds(_, f) => f.assumption(),
            Field::Vpc(_, f) => f.assumption(),
            _ => None,
        }
    }

    /// The element id: the JSON path with dots and brackets replaced by `-`.
    pub fn id(&self) -> String {
        dom_id(&self.path())
    }

    pub fn meta(&self) -> Meta {
        match *self {
            Field::Topology => Meta {
                label: "Topology",
                hint: "How Supervisors share NSX and Avi: one Avi NSX cloud per transport zone, one controller cluster per NSX.",
                kind: Kind::Select(options(&Topology::ALL, Topology::key, Topology::label)),
            },
            Field::Se(f) => f.meta(),
            Field::DnsEnabled => Meta {
                label: "Avi DNS SE group",
                hint: "A second SE group for the Avi DNS service (GSLB/AMKO, Ingress FQDNs), one per controller cluster.",
                kind: Kind::Check,
            },
            Field::DnsVs => Meta {
                label: "DNS virtual services",
                hint: "Usually 1; the DNS group takes the main group's settings.",
                kind: Kind::Number,
            },
            Field::Sup(_, f) => f.meta(),
            Field::Net(_, f) => f.meta(),
            Field::Group(_, _, f) => f.meta(),
            Field::Cap(f) => f.meta(),
            Field::Vds(_, f) => f.meta(),
            Field::Wl(_, _, f) => f.meta(),
            Field::Vpc(_, f) => f.meta(),
            Field::SharedVpc(_, _, f) => f.meta(),
            Field::NsxLb(_, f) => f.meta(),
        }
    }

    /// The default the engine applies, in words (empty: none worth saying).
    pub fn default_text(&self, s: &Scenario) -> String {
        match *self {
            Field::Topology => Topology::default().label().to_string(),
            Field::Se(f) => f.default_text(&s.se_group),
            Field::DnsEnabled => "off".into(),
            Field::DnsVs => "1".into(),
            Field::Sup(_, f) => f.default_text().to_string(),
            Field::Net(i, f) => f.default_text(s.supervisors.get(i).map(|sup| sup.control_plane_size).unwrap_or_default()),
            Field::Group(_, _, f) => f.default_text().to_string(),
            Field::Cap(f) => f.default_text(),
            Field::Vds(_, f) => f.default_text(),
            Field::Wl(_, _, f) => f.default_text().to_string(),
            Field::Vpc(_, f) => f.default_text(),
            Field::SharedVpc(_, _, f) => f.default_text().to_string(),
            Field::NsxLb(_, f) => f.default_text(),
        }
    }

    /// The field's value in the scenario, as text (None: the field no longer exists).
    pub fn get(&self, s: &Scenario) -> Option<String> {
        Some(match *self {
            Field::Topology => s.topology.key().to_string(),
            Field::Se(f) => f.get(&s.se_group),
            Field::DnsEnabled => s.dns_se_group.is_some().to_string(),
            Field::DnsVs => s.dns_se_group.as_ref().map(|d| d.virtual_services.to_string()).unwrap_or_else(|| "1".into()),
            Field::Sup(i, f) => f.get(s.supervisors.get(i)?),
            Field::Net(i, f) => f.get(&s.supervisors.get(i)?.networks),
            Field::Group(i, j, f) => f.get(s.supervisors.get(i)?.namespaces.get(j)?),
            Field::Cap(f) => f.get(&s.capacity),
            Field::Vds(i, f) => f.get(&s.supervisors.get(i)?.vds),
            Field::Wl(i, k, f) => f.get(s.supervisors.get(i)?.vds.workload_networks.get(k)?),
            Field::Vpc(i, f) => f.get(&s.supervisors.get(i)?.vpc),
            Field::SharedVpc(i, k, f) => f.get(s.supervisors.get(i)?.vpc.vpcs.get(k)?),
            Field::NsxLb(i, f) => f.get(s.supervisors.get(i)?),
        })
    }

    /// Parses `text` into the scenario. On error the scenario is unchanged.
    pub fn set(&self, s: &mut Scenario, text: &str) -> Result<(), String> {
        let gone = || "this field no longer exists".to_string();
        match *self {
            Field::Topology => s.topology = pick(&Topology::ALL, Topology::key, text)?.unwrap_or_default(),
            Field::Se(f) => f.set(&mut s.se_group, text)?,
            Field::DnsEnabled => {
                s.dns_se_group = if parse_bool(text)? { Some(DnsSeGroup { virtual_services: 1, ..Default::default() }) } else { None }
            }
            Field::DnsVs => {
                let n = parse_count(text)?;
                s.dns_se_group.get_or_insert_with(|| DnsSeGroup { virtual_services: 1, ..Default::default() }).virtual_services = n;
            }
            Field::Sup(i, f) => f.set(s.supervisors.get_mut(i).ok_or_else(gone)?, text)?,
            Field::Net(i, f) => f.set(&mut s.supervisors.get_mut(i).ok_or_else(gone)?.networks, text)?,
            Field::Group(i, j, f) => {
                f.set(s.supervisors.get_mut(i).ok_or_else(gone)?.namespaces.get_mut(j).ok_or_else(gone)?, text)?
            }
            Field::Cap(f) => f.set(&mut s.capacity, text)?,
            Field::Vds(i, f) => f.set(&mut s.supervisors.get_mut(i).ok_or_else(gone)?.vds, text)?,
            Field::Wl(i, k, f) => {
                f.set(s.supervisors.get_mut(i).ok_or_else(gone)?.vds.workload_networks.get_mut(k).ok_or_else(gone)?, text)?
            }
            Field::Vpc(i, f) => f.set(&mut s.supervisors.get_mut(i).ok_or_else(gone)?.vpc, text)?,
            Field::SharedVpc(i, k, f) => f.set(s.supervisors.get_mut(i).ok_or_else(gone)?.vpc.vpcs.get_mut(k).ok_or_else(gone)?, text)?,
            Field::NsxLb(i, f) => f.set(s.supervisors.get_mut(i).ok_or_else(gone)?, text)?,
        }
        Ok(())
    }

    /// Whether an engine error or warning at `path` belongs to this field (list
    /// fields own their elements: `...ingress_cidr[1]`).
    pub fn owns(&self, path: &str) -> bool {
        let own = self.path();
        path == own || path.strip_prefix(own.as_str()).is_some_and(|rest| rest.starts_with('['))
    }
}

/// `supervisors[0].namespaces[1].count` -> `supervisors-0-namespaces-1-count`.
pub fn dom_id(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            '.' | '[' => out.push('-'),
            ']' => {}
            c => out.push(c),
        }
    }
    out
}
