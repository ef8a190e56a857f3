//! Validation of the NSX native load balancer comparison's inputs
//! (`supervisors[i].nsx_lb`) and of a group's `service_ports`: their ranges, and on
//! a VDS Supervisor (no NSX) an error naming its `platform`.

use crate::error::{FieldError, Problem};
use crate::scenario::{EdgeSize, NsxLbSize, PlatformKind, Supervisor};

use super::Checker;

/// Virtual servers a SMALL load balancer hosts when none is given ("10 to 20
/// depending on NSX-T version", vSphere API `LoadBalancerSize`: the newest text says 20).
pub const SMALL_MAX_VS: u32 = 20;
/// Edge nodes when none are given: the minimum pair (vSphere 8 NSX requirements).
pub const EDGE_NODES: u32 = 2;
/// The most edge nodes the calculator takes (10 per edge cluster is a secondary
/// figure: the comparison warns above it).
pub const EDGE_NODES_MAX: u64 = 100;
/// The most ports one Service may list here.
pub const SERVICE_PORTS_MAX: u64 = 1_000;

/// The comparison's inputs, defaults applied; every NSX Supervisor has them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NsxLbDesign {
    /// Whether the scenario asks for the comparison (`nsx_lb` given).
    pub requested: bool,
    pub size: NsxLbSize,
    pub small_max_vs: u32,
    pub edge_nodes: u32,
    pub edge_size: EdgeSize,
}

impl Default for NsxLbDesign {
    fn default() -> Self {
        NsxLbDesign { requested: false, size: NsxLbSize::Small, small_max_vs: SMALL_MAX_VS, edge_nodes: EDGE_NODES, edge_size: EdgeSize::Large }
    }
}

pub(super) fn validate(c: &mut Checker, base: &str, sup: &Supervisor) -> NsxLbDesign {
    let platform = format!("{base}.platform");
    let vds = sup.platform == PlatformKind::Vds;
    // The range is checked with the group's other counts (`design::group`).
    for (j, g) in sup.namespaces.iter().enumerate().take(super::limits::GROUPS_PER_SUPERVISOR as usize) {
        if vds && g.service_ports != 1 {
            c.errors.push(FieldError::new(
                format!("{base}.namespaces[{j}].service_ports"),
                g.service_ports.to_string(),
                Problem::Conflict { other: platform.clone(), reason: "ports per Service only change the NSX load balancer's count".into() },
            ));
        }
    }
    let Some(spec) = &sup.nsx_lb else { return NsxLbDesign::default() };
    if vds {
        c.errors.push(FieldError::new(
            format!("{base}.nsx_lb"),
            "{…}",
            Problem::Conflict { other: platform, reason: "the NSX load balancer needs NSX: a VDS Supervisor has none".into() },
        ));
    }
    let p = |f: &str| format!("{base}.nsx_lb.{f}");
    let small_max_vs = spec.small_max_vs.unwrap_or(SMALL_MAX_VS);
    c.range(&p("small_max_vs"), u64::from(small_max_vs), 10, 20);
    let edge_nodes = spec.edge_nodes.unwrap_or(EDGE_NODES);
    c.range(&p("edge_nodes"), u64::from(edge_nodes), 1, EDGE_NODES_MAX);
    NsxLbDesign {
        requested: true,
        size: spec.size.unwrap_or_default(),
        small_max_vs: small_max_vs.clamp(10, 20),
        edge_nodes: edge_nodes.max(1),
        edge_size: spec.edge_size.unwrap_or_default(),
    }
}
