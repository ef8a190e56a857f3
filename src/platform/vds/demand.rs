//! Address demand of a VDS Supervisor's networks, per edge (PLATFORMS.md §4 for
//! Avi, the research note on the Foundation Load Balancer for the FLB), from its
//! design and the SE group Avi would run.

use crate::design::{SubnetDesign, SupervisorDesign, VdsDesign};
use crate::sizing::{SePlan, SeRole};

use super::result::{NetDemand, Part};
use crate::scenario::FlbTopology;

/// Addresses a subnet of prefix `p` hands out on VDS: `2^(32-p) - 3` (network,
/// gateway and broadcast are not), as DOMAIN.md §3 counts subnets.
pub fn usable(prefix: u8) -> u64 {
    (1u64 << (32 - u32::from(prefix.min(32)))).saturating_sub(3)
}

/// The smallest subnet (longest prefix, at most /30) whose usable addresses hold `n`.
///
/// ```
/// use avi_sizer::platform::vds::prefix_for;
/// assert_eq!((prefix_for(17), prefix_for(4), prefix_for(33), prefix_for(16)), (27, 29, 26, 27));
/// assert_eq!((prefix_for(0), prefix_for(13), prefix_for(14)), (30, 28, 27));
/// ```
pub fn prefix_for(n: u64) -> u8 {
    (0..=30u8).rev().find(|&p| usable(p) >= n).unwrap_or(0)
}

/// `n` plus `percent` growth, rounded up.
pub fn grown(n: u64, percent: u32) -> u64 {
    let v = u128::from(n) * (100 + u128::from(percent));
    u64::try_from(v.div_ceil(100)).unwrap_or(u64::MAX)
}

/// A network's demand from its parts: `parts` its ranges hold, `in_subnet` the
/// parts that only share its subnet (VIPs in the frontend subnet).
pub(super) fn net_demand(name: &str, given: &SubnetDesign, parts: Vec<Part>, in_subnet: Vec<Part>, growth: u32) -> NetDemand {
    let addresses: u64 = parts.iter().map(|p| p.addresses).sum();
    let subnet_addresses = addresses + in_subnet.iter().map(|p| p.addresses).sum::<u64>();
    let subnet_grown = grown(subnet_addresses, growth);
    let mut all = parts;
    all.extend(in_subnet);
    NetDemand {
        name: name.to_string(),
        path: given.path.clone(),
        parts: all.into_iter().filter(|p| p.addresses > 0).collect(),
        addresses,
        with_growth: grown(addresses, growth),
        subnet_addresses,
        prefix: prefix_for(subnet_addresses),
        prefix_with_growth: prefix_for(subnet_grown),
        subnet: given.subnet.as_ref().map(|c| c.net.to_string()),
        ranges: given.ranges.iter().map(|r| r.text()).collect(),
        capacity: (!given.ranges.is_empty()).then(|| given.capacity()),
    }
}

pub(super) fn part(what: impl Into<String>, addresses: u64) -> Part {
    Part { what: what.into(), addresses }
}

/// The node addresses each workload network takes whatever the edge: the
/// Supervisor control-plane VMs on the primary, and for every TKG cluster of the
/// namespaces on it its control-plane and worker nodes and one rolling-update node
/// per node pool.
pub(super) fn node_parts(sup: &SupervisorDesign, vds: &VdsDesign) -> Vec<(u64, u64, Vec<Part>)> {
    let mut out: Vec<(u64, u64, Vec<Part>)> = vds.workload_networks.iter().map(|_| (0, 0, Vec::new())).collect();
    let mut nodes = vec![0u64; out.len()];
    let mut surge = vec![0u64; out.len()];
    for (g, &w) in sup.groups.iter().zip(&vds.group_networks) {
        let clusters = u64::from(g.count) * u64::from(g.tkg_clusters);
        if let Some(entry) = out.get_mut(w) {
            entry.0 += u64::from(g.count);
            entry.1 += clusters;
        }
        if let (Some(n), Some(s)) = (nodes.get_mut(w), surge.get_mut(w)) {
            *n += clusters * u64::from(g.control_plane_nodes + g.worker_nodes);
            // One surge node per node pool while a rolling update runs (DOMAIN.md section 3).
            *s += clusters * u64::from(g.node_pools);
        }
    }
    for (k, (entry, (n, s))) in out.iter_mut().zip(nodes.into_iter().zip(surge)).enumerate() {
        if k == 0 {
            entry.2.push(part("Supervisor control-plane VMs", u64::from(vds.control_plane_vms)));
        }
        entry.2.push(part("TKG cluster nodes (control plane + workers)", n));
        entry.2.push(part("rolling-update nodes (1 per node pool)", s));
    }
    out
}

/// SEs that take an address in the data pool: all of them when the buffer is counted
/// (the conservative assumption), else those carrying load.
pub(super) fn ses_in_pool(se: &SePlan, count_buffer: bool) -> u32 {
    let e = &se.service_engines;
    if count_buffer {
        e.total
    } else {
        e.carrying_load
    }
}

/// `attached` SEs: per workload network, the SEs with a NIC on it (the placement's
/// attachments after the VIP network, which every SE joins first), plus buffer and
/// zone-spare SEs on every one (a spare may stand in for any SE).
pub(super) fn attached_nics(se: &SePlan, networks: &[String]) -> Vec<u64> {
    let rows = &se.service_engines.placement;
    let spares = rows.iter().filter(|r| matches!(r.role, SeRole::Buffer | SeRole::ZoneSpare)).count() as u64;
    networks
        .iter()
        .map(|name| spares + rows.iter().filter(|r| r.vrfs.iter().skip(1).any(|v| v == name)).count() as u64)
        .collect()
}

/// The FLB's node addresses on the Supervisor's management network and on the
/// primary workload network (when its interfaces there take them from those
/// networks' ranges: the assumption `nodes_use_supervisor_ranges`).
pub(super) fn flb_nodes_on_supervisor_networks(vds: &VdsDesign) -> (u64, u64) {
    let n = u64::from(vds.flb.availability.nodes());
    if !vds.flb.nodes_use_supervisor_ranges {
        return (0, 0);
    }
    match vds.flb.topology {
        FlbTopology::OneNic => (0, n),
        FlbTopology::TwoNic => (n, n),
        FlbTopology::ThreeNic => (0, n),
    }
}
