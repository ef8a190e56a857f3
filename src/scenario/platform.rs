//! The platform part of the scenario: which system a Supervisor's networking and
//! load balancing run on ([`PlatformKind`]), and the inputs of a Supervisor on
//! vSphere Distributed Switch networking ([`VdsSpec`]: its workload networks, the
//! Avi data (VIP) network, and the vSphere Foundation Load Balancer). The rules
//! these feed are in [`crate::platform::vds`]; validation is
//! [`crate::design`]'s.
//!
//! Everything is optional and left out of exports when unset, so a version-1
//! document without these fields reads as a Supervisor on NSX with Avi, exactly as
//! before they existed.

use serde::{Deserialize, Deserializer, Serialize};

use crate::design::limits;

/// Ranges and workload networks are read like the CIDR lists: a list longer than
/// [`limits::CIDRS_PER_LIST`] is refused at the entry past it.
fn range_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<RangeSpec>, D::Error> {
    super::bounded(d, limits::CIDRS_PER_LIST)
}
fn network_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<WorkloadNetworkSpec>, D::Error> {
    super::bounded(d, limits::CIDRS_PER_LIST)
}

/// Which system a Supervisor runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlatformKind {
    /// NSX with the Avi load balancer, a T1 per namespace (DOMAIN.md).
    #[default]
    NsxAvi,
    /// vSphere Distributed Switch networking (PLATFORMS.md section 4), with Avi on
    /// a vCenter cloud or the vSphere Foundation Load Balancer.
    Vds,
    /// NSX VPC networking (PLATFORMS.md section 8, VCF 9): namespaces on VPCs of
    /// their own or shared ones, Avi in VPC mode (a VRF per VPC).
    NsxVpc,
}

impl PlatformKind {
    pub const ALL: [PlatformKind; 3] = [PlatformKind::NsxAvi, PlatformKind::Vds, PlatformKind::NsxVpc];

    pub fn is_nsx_avi(&self) -> bool {
        *self == PlatformKind::NsxAvi
    }

    pub fn key(self) -> &'static str {
        match self {
            PlatformKind::NsxAvi => "nsx_avi",
            PlatformKind::Vds => "vds",
            PlatformKind::NsxVpc => "nsx_vpc",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PlatformKind::NsxAvi => "NSX with Avi (T1 per namespace)",
            PlatformKind::Vds => "vSphere Distributed Switch (VDS)",
            PlatformKind::NsxVpc => "NSX VPCs with Avi (VCF 9)",
        }
    }
}

/// The load balancer a VDS Supervisor is enabled with (the vSphere Automation API's
/// edge provider at enablement: `NSX_ADVANCED` or `VSPHERE_FOUNDATION`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeProvider {
    /// Avi on a vCenter cloud.
    #[default]
    Avi,
    /// The vSphere Foundation Load Balancer (vSphere 9.0 and later).
    Foundation,
}

impl EdgeProvider {
    pub const ALL: [EdgeProvider; 2] = [EdgeProvider::Avi, EdgeProvider::Foundation];

    pub fn key(self) -> &'static str {
        match self {
            EdgeProvider::Avi => "avi",
            EdgeProvider::Foundation => "foundation",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            EdgeProvider::Avi => "Avi (vCenter cloud)",
            EdgeProvider::Foundation => "vSphere Foundation Load Balancer",
        }
    }

    /// The enable-time `EdgeProvider` of the vSphere Automation API.
    pub fn api(self) -> &'static str {
        match self {
            EdgeProvider::Avi => "NSX_ADVANCED",
            EdgeProvider::Foundation => "VSPHERE_FOUNDATION",
        }
    }
}

/// The vSphere release of a VDS Supervisor (what the Foundation Load Balancer and a
/// one-VM control plane need).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub enum VsphereVersion {
    #[serde(rename = "8.0")]
    V8_0,
    #[default]
    #[serde(rename = "9.0")]
    V9_0,
    #[serde(rename = "9.1")]
    V9_1,
}

impl VsphereVersion {
    pub const ALL: [VsphereVersion; 3] = [VsphereVersion::V8_0, VsphereVersion::V9_0, VsphereVersion::V9_1];

    pub fn key(self) -> &'static str {
        match self {
            VsphereVersion::V8_0 => "8.0",
            VsphereVersion::V9_0 => "9.0",
            VsphereVersion::V9_1 => "9.1",
        }
    }
}

/// The Avi licence tier of the vCenter cloud.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AviLicence {
    #[default]
    Enterprise,
    /// Allows only Legacy Active/Standby SE groups (alb-sdk `ServiceEngineGroup.ha_mode`).
    Essentials,
}

impl AviLicence {
    pub const ALL: [AviLicence; 2] = [AviLicence::Enterprise, AviLicence::Essentials];

    pub fn key(self) -> &'static str {
        match self {
            AviLicence::Enterprise => "enterprise",
            AviLicence::Essentials => "essentials",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AviLicence::Enterprise => "Enterprise",
            AviLicence::Essentials => "Essentials (Legacy Active/Standby only)",
        }
    }
}

/// How Avi SEs reach the workload networks on VDS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeAttachment {
    /// One-arm on the VIP network, static routes to the workload networks: one data NIC.
    #[default]
    Routed,
    /// A data NIC on the VIP network plus one per workload network behind its VSes.
    Attached,
}

impl SeAttachment {
    pub const ALL: [SeAttachment; 2] = [SeAttachment::Routed, SeAttachment::Attached];

    pub fn key(self) -> &'static str {
        match self {
            SeAttachment::Routed => "routed",
            SeAttachment::Attached => "attached",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SeAttachment::Routed => "Routed (one data NIC, static routes)",
            SeAttachment::Attached => "Attached (a NIC per workload network)",
        }
    }
}

/// Consecutive addresses: the vSphere API's `IPRange` (`address` and `count`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RangeSpec {
    /// The first address.
    pub address: String,
    /// How many addresses.
    pub count: u32,
}

impl RangeSpec {
    /// Ranges as text: `address+count`, comma-separated (what the page shows).
    pub fn list_text(ranges: &[RangeSpec]) -> String {
        ranges.iter().map(|r| format!("{}+{}", r.address, r.count)).collect::<Vec<_>>().join(", ")
    }

    /// Ranges as typed: `10.0.0.10+20` (address and count, as the vSphere API takes
    /// them) or `10.0.0.10-10.0.0.29`, separated by commas or spaces. Addresses are
    /// kept as typed (validation names a bad one); a count or a span that does not
    /// read is an error here.
    ///
    /// ```
    /// use avi_sizer::scenario::RangeSpec;
    /// let r = RangeSpec::parse_list("10.0.0.10+20, 10.0.1.1-10.0.1.4").unwrap();
    /// assert_eq!((r[0].count, r[1].address.as_str(), r[1].count), (20, "10.0.1.1", 4));
    /// assert_eq!(RangeSpec::list_text(&r), "10.0.0.10+20, 10.0.1.1+4");
    /// assert!(RangeSpec::parse_list("10.0.0.10").is_err());
    /// assert!(RangeSpec::parse_list("10.0.0.9-10.0.0.1").is_err());
    /// assert!(RangeSpec::parse_list("10.0.0.9+x").is_err());
    /// ```
    pub fn parse_list(text: &str) -> Result<Vec<RangeSpec>, String> {
        text.split([',', ' ', ';', '\n'])
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(|t| {
                if let Some((address, count)) = t.split_once('+') {
                    let count = count.trim().parse::<u32>().map_err(|_| format!("'{t}': the count after + is not a whole number"))?;
                    return Ok(RangeSpec { address: address.trim().to_string(), count });
                }
                if let Some((a, b)) = t.split_once('-') {
                    let parse = |x: &str| x.trim().parse::<std::net::Ipv4Addr>().map(u32::from);
                    return match (parse(a), parse(b)) {
                        (Ok(x), Ok(y)) if y >= x => Ok(RangeSpec { address: a.trim().to_string(), count: (y - x).saturating_add(1) }),
                        (Ok(_), Ok(_)) => Err(format!("'{t}': the last address comes before the first")),
                        _ => Err(format!("'{t}' is not a range of IPv4 addresses")),
                    };
                }
                Err(format!("'{t}': write address+count (10.0.0.10+20) or first-last"))
            })
            .collect()
    }
}

/// One Supervisor workload network: a distributed port group with its subnet and
/// the IP ranges the Supervisor hands out on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkloadNetworkSpec {
    pub name: String,
    /// The port group's subnet (a CIDR); optional, checked against the ranges.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subnet: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "range_list")]
    pub ranges: Vec<RangeSpec>,
}

impl WorkloadNetworkSpec {
    pub fn new(name: &str) -> Self {
        WorkloadNetworkSpec { name: name.to_string(), subnet: None, ranges: Vec::new() }
    }
}

/// A network given as a subnet and ranges (the Avi VIP network and its static pool,
/// the Foundation Load Balancer's own port groups).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubnetSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subnet: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "range_list")]
    pub ranges: Vec<RangeSpec>,
}

impl SubnetSpec {
    pub fn is_empty(&self) -> bool {
        *self == SubnetSpec::default()
    }
}

/// Foundation Load Balancer availability (`AvailabilityMode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlbAvailability {
    /// Two nodes, one serving and one standby (the API default).
    #[default]
    ActivePassive,
    SingleNode,
}

impl FlbAvailability {
    pub const ALL: [FlbAvailability; 2] = [FlbAvailability::ActivePassive, FlbAvailability::SingleNode];

    pub fn key(self) -> &'static str {
        match self {
            FlbAvailability::ActivePassive => "active_passive",
            FlbAvailability::SingleNode => "single_node",
        }
    }

    /// The API value (`ACTIVE_PASSIVE`, `SINGLE_NODE`).
    pub fn api(self) -> &'static str {
        match self {
            FlbAvailability::ActivePassive => "ACTIVE_PASSIVE",
            FlbAvailability::SingleNode => "SINGLE_NODE",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            FlbAvailability::ActivePassive => "Active/Passive (2 nodes)",
            FlbAvailability::SingleNode => "Single node",
        }
    }

    /// Appliance VMs.
    pub fn nodes(self) -> u32 {
        match self {
            FlbAvailability::ActivePassive => 2,
            FlbAvailability::SingleNode => 1,
        }
    }
}

/// Foundation Load Balancer node size (`SizeHint`, Terraform `deployment_size`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlbSize {
    #[default]
    Small,
    Medium,
    Large,
    XLarge,
}

impl FlbSize {
    pub const ALL: [FlbSize; 4] = [FlbSize::Small, FlbSize::Medium, FlbSize::Large, FlbSize::XLarge];

    pub fn key(self) -> &'static str {
        match self {
            FlbSize::Small => "small",
            FlbSize::Medium => "medium",
            FlbSize::Large => "large",
            FlbSize::XLarge => "x_large",
        }
    }

    /// The API value (`SMALL` ... `X_LARGE`).
    pub fn api(self) -> &'static str {
        match self {
            FlbSize::Small => "SMALL",
            FlbSize::Medium => "MEDIUM",
            FlbSize::Large => "LARGE",
            FlbSize::XLarge => "X_LARGE",
        }
    }

    /// vCPU, GB memory and GB disk of one node (`SizeHint`, vSphere API 9.0).
    pub fn resources(self) -> (u32, u32, u32) {
        match self {
            FlbSize::Small => (2, 4, 8),
            FlbSize::Medium => (4, 8, 8),
            FlbSize::Large => (8, 12, 8),
            FlbSize::XLarge => (16, 16, 8),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            FlbSize::Small => "Small (2 vCPU, 4 GB)",
            FlbSize::Medium => "Medium (4 vCPU, 8 GB)",
            FlbSize::Large => "Large (8 vCPU, 12 GB)",
            FlbSize::XLarge => "X-Large (16 vCPU, 16 GB)",
        }
    }
}

/// Which networks the Foundation Load Balancer's interfaces use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlbTopology {
    /// One interface on the primary workload network: management, workload and frontend.
    OneNic,
    /// Management on the Supervisor management network; workload and frontend on the
    /// primary workload network (the API default for a Supervisor with both).
    #[default]
    TwoNic,
    /// Management and frontend each on a port group of their own, workload on the primary.
    ThreeNic,
}

impl FlbTopology {
    pub const ALL: [FlbTopology; 3] = [FlbTopology::OneNic, FlbTopology::TwoNic, FlbTopology::ThreeNic];

    pub fn key(self) -> &'static str {
        match self {
            FlbTopology::OneNic => "one_nic",
            FlbTopology::TwoNic => "two_nic",
            FlbTopology::ThreeNic => "three_nic",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            FlbTopology::OneNic => "One NIC (all on the primary workload network)",
            FlbTopology::TwoNic => "Two NICs (management; workload + frontend on the primary)",
            FlbTopology::ThreeNic => "Three NICs (own management and frontend port groups)",
        }
    }
}

/// The vSphere Foundation Load Balancer's inputs. Sized for every VDS Supervisor,
/// beside Avi; it is the design when `edge` is `foundation`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlbSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<FlbAvailability>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<FlbSize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topology: Option<FlbTopology>,
    /// The VIP ranges (`load_balancer_address_ranges`).
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "range_list")]
    pub vip_ranges: Vec<RangeSpec>,
    /// VIPs one FLB serves; none is published, so unset means unchecked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_vips: Option<u32>,
    /// Three NICs: the FLB's own management port group.
    #[serde(default, skip_serializing_if = "SubnetSpec::is_empty")]
    pub management_network: SubnetSpec,
    /// Three NICs: the FLB's own frontend (VIP) port group.
    #[serde(default, skip_serializing_if = "SubnetSpec::is_empty")]
    pub frontend_network: SubnetSpec,
    /// Assumption: an interface on the Supervisor's management or primary workload
    /// network takes its node addresses out of that network's range (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nodes_use_supervisor_ranges: Option<bool>,
    /// Assumption: the Supervisor API and TKG cluster API VIPs are served by the FLB
    /// and come from its VIP ranges (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serves_api_vips: Option<bool>,
}

impl FlbSpec {
    pub fn is_empty(&self) -> bool {
        *self == FlbSpec::default()
    }
}

/// A Supervisor on VDS networking (`supervisors[i].vds`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VdsSpec {
    /// The load balancer the Supervisor is enabled with (default Avi).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edge: Option<EdgeProvider>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vsphere_version: Option<VsphereVersion>,
    /// Supervisor control-plane VMs: 1 or 3 (default 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub control_plane_vms: Option<u32>,
    /// The Avi licence tier (default Enterprise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<AviLicence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub se_attachment: Option<SeAttachment>,
    /// Assumption: the data pool holds an address for every buffer SE too (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pool_counts_buffer_ses: Option<bool>,
    /// Assumption, `attached` only: an SE's NIC on a workload network takes an address
    /// there, buffer SEs on every one (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attached_nics_take_addresses: Option<bool>,
    /// The workload networks; the first is the primary. None given: one primary
    /// network named `primary` with no ranges.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "network_list")]
    pub workload_networks: Vec<WorkloadNetworkSpec>,
    /// The Avi data (VIP) network: its subnet and the static pool for VIPs and SEs.
    #[serde(default, skip_serializing_if = "SubnetSpec::is_empty")]
    pub data_network: SubnetSpec,
    #[serde(default, skip_serializing_if = "FlbSpec::is_empty")]
    pub flb: FlbSpec,
}

impl VdsSpec {
    pub fn is_empty(&self) -> bool {
        *self == VdsSpec::default()
    }

    /// Subnets and ranges given, for the scenario's limit on networks in all
    /// ([`limits::CIDRS_PER_SCENARIO`]: overlap checks grow with their square).
    pub fn networks_given(&self) -> usize {
        let net = |n: &SubnetSpec| usize::from(n.subnet.is_some()) + n.ranges.len();
        let f = &self.flb;
        self.workload_networks.iter().map(|w| usize::from(w.subnet.is_some()) + w.ranges.len()).sum::<usize>()
            + net(&self.data_network)
            + f.vip_ranges.len()
            + net(&f.management_network)
            + net(&f.frontend_network)
    }
}

impl super::Supervisor {
    /// Moves the Supervisor to `platform`, clearing the inputs the new platform
    /// refuses (validation names them otherwise): on VDS the NSX networks, the address
    /// pool, the namespace subnet prefix, the NSX load balancer comparison and each
    /// group's NAT, T0, own networks, vSphere pods and their LoadBalancer Services,
    /// ports per Service, VPC and private CIDRs; on NSX the VDS and VPC settings and
    /// each group's workload network, VPC and private CIDRs; on NSX VPCs the VDS
    /// settings, the T1 networks (Ingress, Egress, namespace network, address pool),
    /// Supervisor Services and each group's NAT, T0, own T1 networks and workload
    /// network. Returns the fields cleared, for a notice.
    ///
    /// ```
    /// use avi_sizer::scenario::{PlatformKind, Scenario};
    /// let mut s = Scenario::default();
    /// let cleared = s.supervisors[0].set_platform(PlatformKind::Vds);
    /// assert_eq!(cleared, ["networks.address_pool"]);
    /// assert!(avi_sizer::design::validate(&s).is_ok());
    /// let mut s = Scenario::default();
    /// assert_eq!(s.supervisors[0].set_platform(PlatformKind::NsxVpc), ["networks.address_pool"]);
    /// ```
    pub fn set_platform(&mut self, platform: PlatformKind) -> Vec<String> {
        let mut cleared = Vec::new();
        if platform == self.platform {
            return cleared;
        }
        self.platform = platform;
        let mut clear = |name: String, was_set: bool| {
            if was_set {
                cleared.push(name);
            }
        };
        if platform != PlatformKind::NsxAvi {
            // The T1 networks of NSX with Avi.
            let n = &mut self.networks;
            clear("networks.ingress_cidr".into(), !std::mem::take(&mut n.ingress_cidr).is_empty());
            clear("networks.egress_cidr".into(), !std::mem::take(&mut n.egress_cidr).is_empty());
            clear("networks.namespace_network".into(), !std::mem::take(&mut n.namespace_network).is_empty());
            clear("networks.address_pool".into(), !std::mem::take(&mut n.address_pool).is_empty());
            clear("supervisor_services".into(), std::mem::take(&mut self.supervisor_services) > 0);
            for g in &mut self.namespaces {
                let had = g.nat.take().is_some()
                    | (std::mem::take(&mut g.t0) != super::T0Mode::Shared)
                    | !std::mem::take(&mut g.ingress_cidr).is_empty()
                    | !std::mem::take(&mut g.egress_cidr).is_empty()
                    | !std::mem::take(&mut g.namespace_network).is_empty();
                clear(format!("namespaces {}: NSX T1 settings", g.name), had);
            }
        }
        if platform != PlatformKind::Vds {
            clear("vds".into(), !std::mem::take(&mut self.vds).is_empty());
            for g in &mut self.namespaces {
                clear(format!("namespaces {}: workload_network", g.name), g.workload_network.take().is_some());
            }
        }
        if platform != PlatformKind::NsxVpc {
            clear("vpc".into(), !std::mem::take(&mut self.vpc).is_empty());
            for g in &mut self.namespaces {
                let had = g.vpc.take().is_some() | !std::mem::take(&mut g.private_cidrs).is_empty();
                clear(format!("namespaces {}: VPC settings", g.name), had);
            }
        }
        if platform == PlatformKind::Vds {
            clear("networks.namespace_subnet_prefix".into(), self.networks.namespace_subnet_prefix.take().is_some());
            clear("nsx_lb".into(), self.nsx_lb.take().is_some());
            for g in &mut self.namespaces {
                let had = g.namespace_subnet_prefix.take().is_some()
                    | (std::mem::take(&mut g.vsphere_pods) > 0)
                    | (std::mem::take(&mut g.vm_service_vms) > 0)
                    | (std::mem::take(&mut g.pod_lb_services) > 0)
                    | (std::mem::replace(&mut g.service_ports, 1) != 1);
                clear(format!("namespaces {}: NSX settings", g.name), had);
            }
        }
        cleared
    }
}
