//! The checks of a VDS Supervisor's networks once their demand is known: ranges
//! that cannot hold it (errors) or its growth (warnings), networks with no range,
//! VIPs outside the frontend subnet, overlaps; and the Foundation Load Balancer's
//! warnings. Only the edge the Supervisor is enabled with must fit: the other is a
//! comparison.

use std::net::Ipv4Addr;

use crate::design::{defaults, Cidr, SupervisorDesign, VdsDesign};
use crate::error::{FieldError, Problem, Warning, WarningKind};
use crate::scenario::{EdgeProvider, FlbAvailability, FlbTopology};

use super::demand::{net_demand, part, usable};
use super::result::{EdgeDemand, NetDemand, VdsPlan};
use crate::design::SubnetDesign;

/// The management network's demand with each edge: the Supervisor's range of 5
/// (DOMAIN.md §3), and with the FLB on two NICs its nodes' addresses.
pub(super) fn management(sup: &SupervisorDesign, base: &str, flb_nodes: u64, growth: u32) -> EdgeDemand {
    let given = SubnetDesign { path: format!("{base}.networks.management_start"), subnet: None, ranges: Vec::new() };
    let range = sup.networks.management_start.map(|a| {
        let last = Ipv4Addr::from(u32::from(a).saturating_add(defaults::MANAGEMENT_ADDRESSES - 1));
        format!("{a}-{last}")
    });
    let cp = || part("Supervisor control-plane range (VMs, floating IP, upgrade)", u64::from(defaults::MANAGEMENT_ADDRESSES));
    let with_range = |mut d: NetDemand| {
        d.ranges = range.iter().cloned().collect();
        d
    };
    EdgeDemand {
        avi: with_range(net_demand("Supervisor management network", &given, vec![cp()], Vec::new(), growth)),
        flb: with_range(net_demand(
            "Supervisor management network",
            &given,
            vec![cp(), part("FLB nodes (MANAGEMENT interface)", flb_nodes)],
            Vec::new(),
            growth,
        )),
    }
}

struct Checks<'a> {
    growth: u32,
    errors: &'a mut Vec<FieldError>,
    warnings: &'a mut Vec<Warning>,
}

impl Checks<'_> {
    /// Ranges at `ranges_path` must hold the demand (none given: what they need).
    fn ranges(&mut self, d: &NetDemand, ranges_path: String) {
        let Some(capacity) = d.capacity else {
            let parts = d.parts.iter().map(|p| format!("{} {}", p.addresses, p.what)).collect::<Vec<_>>().join(", ");
            let needed = format!(
                "{} addresses ({parts}), {} with {}% growth, in a /{} or larger subnet",
                d.addresses, d.with_growth, self.growth, d.prefix_with_growth
            );
            self.errors.push(FieldError::new(ranges_path, "", Problem::NoRanges { role: d.name.clone(), needed }));
            return;
        };
        let value = d.ranges.join(", ");
        if capacity < d.addresses {
            self.errors.push(FieldError::new(
                ranges_path,
                value,
                Problem::TooFewAddresses { role: d.name.clone(), needed: d.addresses, available: capacity },
            ));
        } else if capacity < d.with_growth {
            self.warnings.push(Warning::new(
                ranges_path,
                WarningKind::LowHeadroom,
                format!(
                    "{value} holds {capacity} addresses and the {} needs {} today; {}% growth needs {} ({} more). Ranges can be added later.",
                    d.name,
                    d.addresses,
                    self.growth,
                    d.with_growth,
                    d.with_growth - capacity
                ),
            ));
        }
    }

    /// A given subnet must hold what shares it (its ranges, and VIPs in it).
    fn subnet(&mut self, d: &NetDemand, subnet: Option<&Cidr>) {
        let Some(c) = subnet else { return };
        let available = usable(c.net.prefix_len());
        if available < d.subnet_addresses {
            self.errors.push(FieldError::new(
                c.path.clone(),
                c.net.to_string(),
                Problem::TooFewAddresses { role: format!("{} subnet", d.name), needed: d.subnet_addresses, available },
            ));
        }
    }
}

/// A range or a subnet, for the overlap check.
struct Entry {
    start: u64,
    end: u64,
    path: String,
    value: String,
    /// Which network it belongs to, and whether it is the network's subnet.
    network: usize,
    subnet: bool,
}

/// The service CIDR and whether it was given (else the default for the control plane size).
pub(crate) fn service_cidr(sup: &SupervisorDesign) -> (ipnet::Ipv4Net, bool) {
    match &sup.networks.service_cidr {
        Some(c) => (c.net, true),
        None => (defaults::service_cidr(sup.control_plane_size).parse().unwrap_or_default(), false),
    }
}

fn span_of(c: &Cidr) -> (u64, u64) {
    let start = u64::from(u32::from(c.net.network()));
    (start, start + (1u64 << (32 - u32::from(c.net.prefix_len()))))
}

/// The Supervisor's management range, when its start is given: first address, one
/// past the last, the field's path and the range in words.
pub(crate) fn management_span(sup: &SupervisorDesign, base: &str) -> Option<(u64, u64, String, String)> {
    let a = sup.networks.management_start?;
    let start = u64::from(u32::from(a));
    let count = u64::from(defaults::MANAGEMENT_ADDRESSES);
    let last = Ipv4Addr::from(u32::try_from(start + count - 1).unwrap_or(u32::MAX));
    Some((start, start + count, format!("{base}.networks.management_start"), format!("management range {a}-{last}")))
}

/// Every range and subnet in document order: the management range and service
/// CIDR, then the workload networks, the data network, the FLB's.
fn entries(sup: &SupervisorDesign, vds: &VdsDesign, base: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    if let Some((start, end, path, value)) = management_span(sup, base) {
        out.push(Entry { start, end, path, value, network: 0, subnet: false });
    }
    let (net, given) = service_cidr(sup);
    let service = span_of(&Cidr { net, path: String::new() });
    let service_value = if given { net.to_string() } else { format!("{net} (default)") };
    out.push(Entry { start: service.0, end: service.1, path: format!("{base}.networks.service_cidr"), value: service_value, network: 1, subnet: true });
    let nets = vds
        .workload_networks
        .iter()
        .map(|w| &w.net)
        .chain([&vds.data_network, &vds.flb.vips, &vds.flb.management_network, &vds.flb.frontend_network]);
    for (k, n) in nets.enumerate() {
        if let Some(c) = &n.subnet {
            let (start, end) = span_of(c);
            out.push(Entry { start, end, path: c.path.clone(), value: c.net.to_string(), network: k + 2, subnet: true });
        }
        for r in &n.ranges {
            let (start, end) = r.bounds();
            out.push(Entry { start, end, path: r.path.clone(), value: r.text(), network: k + 2, subnet: false });
        }
    }
    out
}

/// Ranges overlapping ranges, subnets overlapping other networks' subnets, and
/// anything overlapping the service CIDR (network 1), each at the later entry.
fn overlaps(entries: &[Entry]) -> Vec<FieldError> {
    let mut out = Vec::new();
    for (j, b) in entries.iter().enumerate() {
        for a in &entries[..j] {
            let clash = a.start < b.end && b.start < a.end;
            let service = a.network == 1 || b.network == 1;
            let counts = service || (a.subnet == b.subnet && (!a.subnet || a.network != b.network));
            if clash && counts {
                out.push(FieldError::new(
                    b.path.clone(),
                    b.value.clone(),
                    Problem::Overlap { other_path: a.path.clone(), other_value: a.value.clone() },
                ));
                break;
            }
        }
    }
    out
}

/// The frontend subnet the FLB's VIPs sit in, when it is given.
fn frontend_subnet(vds: &VdsDesign) -> Option<&Cidr> {
    match vds.flb.topology {
        FlbTopology::ThreeNic => vds.flb.frontend_network.subnet.as_ref(),
        _ => vds.workload_networks.first().and_then(|w| w.net.subnet.as_ref()),
    }
}

/// The errors that keep the networks from being planned, and the warnings.
pub(super) fn check(sup: &SupervisorDesign, vds: &VdsDesign, base: &str, plan: &VdsPlan) -> (Vec<FieldError>, Vec<Warning>) {
    let (mut errors, mut warnings) = (Vec::new(), Vec::new());
    let mut c = Checks { growth: sup.networks.growth_percent, errors: &mut errors, warnings: &mut warnings };
    let avi = vds.edge == EdgeProvider::Avi;
    for (w, d) in vds.workload_networks.iter().zip(&plan.workload_networks) {
        let demand = if avi { &d.avi } else { &d.flb };
        let ranges_path = if w.net.path.ends_with(']') { format!("{}.ranges", w.net.path) } else { w.net.path.clone() };
        c.ranges(demand, ranges_path);
        c.subnet(demand, w.net.subnet.as_ref());
    }
    let data = &plan.avi.data_network;
    if avi {
        c.ranges(data, format!("{}.ranges", vds.data_network.path));
        c.subnet(data, vds.data_network.subnet.as_ref());
    } else {
        let f = &plan.flb;
        c.ranges(&f.vip_range, vds.flb.vips.path.clone());
        for (d, given) in [(&f.management_network, &vds.flb.management_network), (&f.frontend_network, &vds.flb.frontend_network)] {
            if let Some(d) = d {
                c.ranges(d, format!("{}.ranges", given.path));
                c.subnet(d, given.subnet.as_ref());
            }
        }
        if let Some(max) = vds.flb.max_vips.filter(|&m| u64::from(m) < f.vips) {
            c.errors.push(FieldError::new(
                format!("{base}.vds.flb.max_vips"),
                max.to_string(),
                Problem::Conflict {
                    other: format!("{base}.namespaces"),
                    reason: format!("the Foundation Load Balancer would serve {} VIPs, more than the {max} it holds", f.vips),
                },
            ));
        }
    }
    if let Some(s) = frontend_subnet(vds) {
        let (start, end) = span_of(s);
        for r in &vds.flb.vips.ranges {
            let (a, b) = r.bounds();
            if a < start || b > end {
                c.errors.push(FieldError::new(
                    r.path.clone(),
                    r.text(),
                    Problem::Conflict {
                        other: s.path.clone(),
                        reason: format!(
                            "FLB VIPs outside the frontend subnet {} need vip_subnets, which the vSphere API takes only after enablement (Edges API)",
                            s.net
                        ),
                    },
                ));
            }
        }
    }
    errors.extend(overlaps(&entries(sup, vds, base)));
    if !avi {
        flb_warnings(sup, vds, base, plan, &mut warnings);
    }
    (errors, warnings)
}

/// The Foundation Load Balancer's warnings (research note: errors vs warnings).
fn flb_warnings(sup: &SupervisorDesign, vds: &VdsDesign, base: &str, plan: &VdsPlan, out: &mut Vec<Warning>) {
    let fp = |f: &str| format!("{base}.vds.flb.{f}");
    let w = |path: String, message: String| Warning::new(path, WarningKind::FoundationLb, message);
    if vds.flb.availability == FlbAvailability::SingleNode {
        out.push(w(
            fp("availability"),
            "A single FLB node trades availability for resources; VMware recommends ACTIVE_PASSIVE (availability can be raised later, never lowered).".into(),
        ));
    }
    if sup.zones == 3 {
        out.push(w(
            format!("{base}.zones"),
            "Three zones with the FLB: the VCF 9.0 Supervisor models page says it is not supported on the zonal model, while the \
             three-management-zone model pages list it; the API puts both nodes in one zone, so a zone failure takes the load \
             balancer down either way."
                .into(),
        ));
    }
    let l7: u64 = sup.groups.iter().filter(|g| g.ingress_vs_per_cluster > 0).map(|g| u64::from(g.count) * u64::from(g.tkg_clusters)).sum();
    if l7 > 0 {
        out.push(w(
            format!("{base}.namespaces"),
            format!(
                "The FLB is L4 only: the {l7} cluster(s) with L7 virtual services need an in-cluster ingress controller, counted as one L4 VIP each."
            ),
        ));
    }
    if plan.flb.max_vips.is_none() {
        out.push(w(
            fp("max_vips"),
            format!(
                "No FLB capacity is published (VIPs, virtual services or throughput per size): the {} VIPs are not checked against one. \
                 Give max_vips to check them.",
                plan.flb.vips
            ),
        ));
    }
    out.push(w(
        fp("size"),
        "Supervisor upgrades upgrade the FLB and cause workload downtime; its size and availability can only grow, and its VIP ranges only be appended to."
            .into(),
    ));
}
