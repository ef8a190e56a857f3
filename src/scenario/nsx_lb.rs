//! The inputs of the NSX native load balancer comparison (`supervisors[i].nsx_lb`,
//! PLATFORMS.md §7): the load balancer size the Supervisor would give its
//! namespaces, the SMALL size's virtual-server limit (10 to 20 by NSX version), and
//! the edge nodes the load balancers run on. The section's presence asks for the
//! comparison: `"nsx_lb": {}` compares with every default. The rules are in
//! [`crate::nsx_lb`].

use serde::{Deserialize, Serialize};

/// An NSX load balancer size as the vSphere Automation API offers it
/// (`LoadBalancerSize`: SMALL, MEDIUM, LARGE).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NsxLbSize {
    #[default]
    Small,
    Medium,
    Large,
}

impl NsxLbSize {
    pub const ALL: [NsxLbSize; 3] = [NsxLbSize::Small, NsxLbSize::Medium, NsxLbSize::Large];

    pub fn key(self) -> &'static str {
        match self {
            NsxLbSize::Small => "small",
            NsxLbSize::Medium => "medium",
            NsxLbSize::Large => "large",
        }
    }

    /// The API value (`SMALL`, `MEDIUM`, `LARGE`).
    pub fn api(self) -> &'static str {
        match self {
            NsxLbSize::Small => "SMALL",
            NsxLbSize::Medium => "MEDIUM",
            NsxLbSize::Large => "LARGE",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            NsxLbSize::Small => "Small (10-20 virtual servers, 1 edge credit)",
            NsxLbSize::Medium => "Medium (100 virtual servers, 10 edge credits)",
            NsxLbSize::Large => "Large (1000 virtual servers, 40 edge credits)",
        }
    }
}

/// An NSX edge node's form factor (KB322486: load balancer credits per edge).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeSize {
    Small,
    Medium,
    #[default]
    Large,
    XLarge,
    BareMetal,
}

impl EdgeSize {
    pub const ALL: [EdgeSize; 5] = [EdgeSize::Small, EdgeSize::Medium, EdgeSize::Large, EdgeSize::XLarge, EdgeSize::BareMetal];

    pub fn key(self) -> &'static str {
        match self {
            EdgeSize::Small => "small",
            EdgeSize::Medium => "medium",
            EdgeSize::Large => "large",
            EdgeSize::XLarge => "x_large",
            EdgeSize::BareMetal => "bare_metal",
        }
    }

    /// As NSX names the form factor.
    pub fn name(self) -> &'static str {
        match self {
            EdgeSize::Small => "SMALL",
            EdgeSize::Medium => "MEDIUM",
            EdgeSize::Large => "LARGE",
            EdgeSize::XLarge => "XLARGE",
            EdgeSize::BareMetal => "bare-metal",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            EdgeSize::Small => "Small (1 load balancer credit)",
            EdgeSize::Medium => "Medium (10 credits)",
            EdgeSize::Large => "Large (40 credits)",
            EdgeSize::XLarge => "Extra large (80 credits)",
            EdgeSize::BareMetal => "Bare metal (750 credits)",
        }
    }
}

/// The NSX load balancer comparison's inputs; every field optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NsxLbSpec {
    /// The load balancer size of the namespaces (vSphere `load_balancer_size`, default SMALL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<NsxLbSize>,
    /// Virtual servers a SMALL load balancer hosts: "10 to 20 depending on NSX-T
    /// version" (vSphere API `LoadBalancerSize`), default 20.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub small_max_vs: Option<u32>,
    /// Edge nodes in the edge cluster (default 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edge_nodes: Option<u32>,
    /// Their form factor (default large).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edge_size: Option<EdgeSize>,
}
