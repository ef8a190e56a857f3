//! What the plan says about a VDS Supervisor beyond its SE group: its workload
//! networks, the Avi data network and the Foundation Load Balancer, each network
//! with its demand in parts, the subnet it needs and what its ranges hold.

use serde::Serialize;

use crate::scenario::{AviLicence, EdgeProvider, FlbAvailability, FlbSize, FlbTopology, SeAttachment, VsphereVersion};

/// A VDS Supervisor's plan (serialized under the Supervisor's `vds`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VdsPlan {
    /// The load balancer the Supervisor is enabled with; the other is sized beside it.
    pub edge: EdgeProvider,
    pub vsphere_version: VsphereVersion,
    pub control_plane_vms: u32,
    /// The Supervisor's service CIDR (given, or the default for its control plane size).
    pub service_cidr: String,
    /// Every input that stands for a rule no source settles, with the value used.
    pub assumptions: Vec<Assumption>,
    /// One per workload network, the primary first.
    pub workload_networks: Vec<WorkloadNet>,
    /// The Supervisor management network: its control-plane range and, with the
    /// Foundation Load Balancer on two NICs, the FLB's management addresses.
    pub management: EdgeDemand,
    pub avi: AviSide,
    pub flb: FlbSide,
}

/// An input that stands for an assumption, with the value the plan used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assumption {
    /// JSON path of the input.
    pub path: String,
    pub value: String,
    /// What it assumes, and why it is an assumption.
    pub says: String,
}

/// One part of a network's demand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    pub what: String,
    pub addresses: u64,
}

/// A network's demand, the subnet it needs and what its given ranges hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NetDemand {
    /// The network, in words (`wl-1`, `Avi data network`...).
    pub name: String,
    /// JSON path of the input that gives it.
    pub path: String,
    pub parts: Vec<Part>,
    /// Addresses its ranges must hold today.
    pub addresses: u64,
    /// With growth headroom.
    pub with_growth: u64,
    /// Addresses its subnet must hold (the ranges, and VIPs that share the subnet).
    pub subnet_addresses: u64,
    /// The smallest subnet holding `subnet_addresses` (`2^(32-p) - 3` usable).
    pub prefix: u8,
    /// The same with growth headroom.
    pub prefix_with_growth: u8,
    /// The subnet given, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subnet: Option<String>,
    /// The ranges given (`first-last`); empty when none.
    pub ranges: Vec<String>,
    /// Addresses the ranges hold; null when none are given.
    pub capacity: Option<u64>,
}

/// A network's demand with each edge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EdgeDemand {
    pub avi: NetDemand,
    pub flb: NetDemand,
}

/// One workload network with the demand each edge puts on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WorkloadNet {
    pub name: String,
    pub primary: bool,
    /// Namespaces on it, and their TKG clusters.
    pub namespaces: u64,
    pub clusters: u64,
    /// With Avi as the edge.
    pub avi: NetDemand,
    /// With the Foundation Load Balancer as the edge.
    pub flb: NetDemand,
}

/// Avi on a vCenter cloud.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AviSide {
    pub licence: AviLicence,
    pub se_attachment: SeAttachment,
    /// VIPs: one per virtual service.
    pub vips: u64,
    /// SEs that take an address in the data pool (with or without the buffer).
    pub ses_in_pool: u32,
    /// The most data NICs one SE uses (1 routed; 1 + workload networks attached).
    pub max_data_nics: u32,
    /// Workload networks behind the VSes (what `attached` SEs reach).
    pub workload_networks_behind: u32,
    /// The Avi data (VIP) network: one subnet, one static pool for VIPs and SE NICs.
    pub data_network: NetDemand,
}

/// The vSphere Foundation Load Balancer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlbSide {
    pub availability: FlbAvailability,
    pub size: FlbSize,
    pub topology: FlbTopology,
    /// Appliance VMs: 1 single node, 2 active/passive. Never depends on the load.
    pub appliances: u32,
    pub vcpus: u64,
    pub memory_gb: u64,
    pub disk_gb: u64,
    /// VIPs it serves (L4 only).
    pub vips: u64,
    /// The capacity the user gave (`max_vips`); null: none is published, unchecked.
    pub max_vips: Option<u32>,
    /// The interfaces, each with the network it is on and its addresses.
    pub interfaces: Vec<FlbInterface>,
    /// The VIP ranges (`load_balancer_address_ranges`).
    pub vip_range: NetDemand,
    /// Three NICs: the FLB's own management and frontend port groups.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub management_network: Option<NetDemand>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frontend_network: Option<NetDemand>,
}

/// One FLB interface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlbInterface {
    /// `MANAGEMENT`, `WORKLOAD`, `FRONTEND`.
    pub personas: Vec<&'static str>,
    /// `SUPERVISOR_MANAGEMENT`, `PRIMARY_WORKLOAD` or `DVPG`.
    pub network_type: &'static str,
    /// The network in words.
    pub network: String,
    /// Node addresses it takes there (one per node).
    pub addresses: u64,
}
