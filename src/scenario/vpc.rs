//! The inputs of a Supervisor on NSX VPC networking (`supervisors[i].vpc`,
//! PLATFORMS.md §8): the NSX project, the VPC connectivity profile's blocks, the
//! private CIDRs namespaces inherit, the pre-created VPCs namespaces may share, how
//! Avi SE groups map onto VPCs, and the inputs that stand for assumptions. A
//! namespace group names its VPC (`namespaces[j].vpc`) or gets one VPC per
//! namespace, created for it. The rules are in [`crate::platform::nsx_vpc`];
//! validation is [`crate::design`]'s.
//!
//! Everything is optional and left out of exports when unset, so documents without
//! these fields read exactly as before they existed.

use serde::{Deserialize, Deserializer, Serialize};

use crate::design::limits;

fn cidr_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    super::bounded(d, limits::CIDRS_PER_LIST)
}
fn vpc_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<SharedVpcSpec>, D::Error> {
    super::bounded(d, limits::CIDRS_PER_LIST)
}

/// How Avi SE groups map onto a VPC Supervisor's VPCs (Avi 30.2, NSX cloud VPC
/// mode: "The Service Engine groups can be shared across tenants (NSX
/// Projects/VPCs). Dedicated Service Engine Groups can be created for respective
/// VPCs.").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VpcSeGroups {
    /// One SE group for the Supervisor and every VPC: an SE takes a data interface
    /// per VPC it serves (VRF = VPC).
    #[default]
    Shared,
    /// The Supervisor's SE group serves the system VPC; every other VPC hosting a
    /// virtual service has a group of its own.
    PerVpc,
}

impl VpcSeGroups {
    pub const ALL: [VpcSeGroups; 2] = [VpcSeGroups::Shared, VpcSeGroups::PerVpc];

    pub fn key(self) -> &'static str {
        match self {
            VpcSeGroups::Shared => "shared",
            VpcSeGroups::PerVpc => "per_vpc",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            VpcSeGroups::Shared => "Shared by every VPC",
            VpcSeGroups::PerVpc => "Dedicated, one per VPC",
        }
    }
}

/// A pre-created VPC that namespaces may name (`namespaces[j].vpc`); several
/// namespaces, of one group or of several, may share it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedVpcSpec {
    pub name: String,
    /// Its NSX project (default the Supervisor's): one Avi tenant per project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    /// Its private CIDRs; none given: the Supervisor's.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "cidr_list")]
    pub private_cidrs: Vec<String>,
}

impl SharedVpcSpec {
    pub fn new(name: &str) -> Self {
        SharedVpcSpec { name: name.to_string(), project: None, private_cidrs: Vec::new() }
    }
}

/// A Supervisor on NSX VPC networking (`supervisors[i].vpc`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VpcSpec {
    /// The Supervisor's NSX project (default `default`, NSX's own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    /// The VPC connectivity profile's external IP blocks: VIPs (and SNAT IPs) come from them.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "cidr_list")]
    pub external_blocks: Vec<String>,
    /// The connectivity profile's private transit gateway blocks.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "cidr_list")]
    pub private_tgw_blocks: Vec<String>,
    /// The Supervisor's default private CIDRs, which namespaces inherit.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "cidr_list")]
    pub private_cidrs: Vec<String>,
    /// Pre-created VPCs namespaces may share.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "vpc_list")]
    pub vpcs: Vec<SharedVpcSpec>,
    /// Shared or per-VPC SE groups (default shared).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub se_groups: Option<VpcSeGroups>,
    /// Assumption: private CIDRs inherited from the Supervisor suffice with Avi
    /// (default true; false: each auto-created VPC's namespaces must give their own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inherited_private_cidrs_suffice: Option<bool>,
    /// Assumption: the prefix of the Avi subnet (`_AVI_SUBNET--LB`) each VPC takes
    /// from its private block (default 28; its size is not published).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avi_subnet_prefix: Option<u8>,
    /// Assumption: addresses NSX keeps out of every VPC subnet (default 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reserved_per_subnet: Option<u32>,
    /// Assumption: every VPC takes one SNAT IP from the external blocks (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snat_per_vpc: Option<bool>,
}

impl VpcSpec {
    pub fn is_empty(&self) -> bool {
        *self == VpcSpec::default()
    }

    /// CIDRs given, for the scenario's limit on networks in all.
    pub fn networks_given(&self) -> usize {
        self.external_blocks.len()
            + self.private_tgw_blocks.len()
            + self.private_cidrs.len()
            + self.vpcs.iter().map(|v| v.private_cidrs.len()).sum::<usize>()
    }
}
