//! What the plan says about a VPC Supervisor beyond its SE group: its VPCs (each
//! with its namespaces, virtual services, Avi VRF, SE group and private address
//! demand), the external IP blocks' demand, Avi tenants, and the assumptions used.

use serde::Serialize;

use crate::scenario::VpcSeGroups;

pub use crate::platform::vds::Assumption;

/// What a row of VPCs is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VpcKind {
    /// The Supervisor's own (system namespaces, the Supervisor API).
    System,
    /// Created for each namespace of a group, that namespace's alone.
    Auto,
    /// Pre-created and named by the namespaces on it.
    PreCreated,
}

impl VpcKind {
    pub fn label(self) -> &'static str {
        match self {
            VpcKind::System => "system VPC",
            VpcKind::Auto => "auto-created, one per namespace",
            VpcKind::PreCreated => "pre-created, shared",
        }
    }

    /// A few words, for pictures.
    pub fn short(self) -> &'static str {
        match self {
            VpcKind::System => "system VPC",
            VpcKind::Auto => "auto-created, its own",
            VpcKind::PreCreated => "pre-created, shared",
        }
    }
}

/// Alike VPCs: the system VPC, a group's auto-created VPCs, or one pre-created VPC.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VpcRow {
    /// `system`, `team-001 … team-010`, or the pre-created VPC's name.
    pub name: String,
    pub kind: VpcKind,
    /// VPCs in the row.
    pub count: u64,
    /// Its NSX project: its Avi tenant.
    pub project: String,
    /// The namespace groups on it.
    pub groups: Vec<String>,
    /// Namespaces on each VPC.
    pub namespaces: u64,
    /// Virtual services on each (Avi: one per Service).
    pub virtual_services: u64,
    /// Whether each is an Avi VRF hosting a virtual service.
    pub vrf: bool,
    /// The SE group serving it: `supervisor` (shared) or `dedicated`.
    pub se_group: &'static str,
    /// Its private CIDRs (per VPC: private CIDRs are private to each VPC).
    pub private_cidrs: Vec<String>,
    /// Where they come from: `own`, `supervisor`, or `none`.
    pub private_source: &'static str,
    /// JSON path of the input that gives them.
    pub path: String,
    /// Namespace and cluster subnets on each VPC (of the namespace subnet prefix).
    pub subnets: u64,
    pub subnet_prefix: u8,
    /// The Avi subnet's prefix when the VPC hosts a virtual service.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avi_subnet_prefix: Option<u8>,
    /// Private addresses each VPC takes: its subnets and the Avi subnet, whole.
    pub addresses: u64,
    pub with_growth: u64,
    /// Addresses its private CIDRs hold (null: none given).
    pub capacity: Option<u64>,
}

/// The VPC connectivity profile's external IP blocks: VIPs and SNAT IPs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExternalDemand {
    pub blocks: Vec<String>,
    /// One per virtual service.
    pub vips: u64,
    /// One per VPC (assumption `snat_per_vpc`).
    pub snat: u64,
    pub addresses: u64,
    pub with_growth: u64,
    /// The smallest block holding the demand with growth (every address but network and broadcast).
    pub prefix_with_growth: u8,
    /// Addresses the blocks hand out (null: none given).
    pub capacity: Option<u64>,
}

/// A VPC Supervisor's plan (serialized under the Supervisor's `vpc`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VpcPlan {
    pub project: String,
    /// Avi tenants: one per NSX project with a VPC of this Supervisor.
    pub tenants: Vec<String>,
    pub se_groups: VpcSeGroups,
    /// VPCs in all, the system VPC included.
    pub vpcs_total: u64,
    /// Avi VRFs hosting a virtual service: one per such VPC.
    pub vrfs: u64,
    /// The Supervisor's namespace subnet prefix (default /27).
    pub subnet_prefix: u8,
    /// Usable addresses of such a subnet: `2^(32-p)` less the addresses NSX keeps.
    pub subnet_usable: u64,
    pub vpcs: Vec<VpcRow>,
    pub external: ExternalDemand,
    pub private_tgw_blocks: Vec<String>,
    /// The service CIDR (given, or the default for the control plane size).
    pub service_cidr: String,
    /// The Supervisor's management range (`first-last`), when its start is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub management_range: Option<String>,
    pub assumptions: Vec<Assumption>,
}
