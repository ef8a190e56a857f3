//! A Supervisor on vSphere Distributed Switch networking (PLATFORMS.md §4), with
//! either Avi on a vCenter cloud or the vSphere Foundation Load Balancer (FLB) as
//! its edge, and the other sized beside it for the same scenario.
//!
//! Marks as in PLATFORMS.md: ✔ a public source says it; ◐ a secondary source or an
//! inference; ? not found, so an input with the default given (the page labels it
//! an assumption). Source keys are listed at the end.
//!
//! # Objects
//!
//! - Workload networks: distributed port groups, each with its IP ranges
//!   (`address` + `count`) [VAPI ✔]; the first is the primary. A namespace is on
//!   one of them (`namespaces[j].workload_network`, default the primary); its TKG
//!   clusters' nodes take addresses there.
//! - No NSX: no T1, no NAT, no Ingress/Egress/namespace networks; those inputs are
//!   errors on a VDS Supervisor. The service CIDR and the management range stay.
//!
//! # Avi (vCenter cloud)
//!
//! - One VRF (global) for everything. The Avi data (VIP) network is one subnet with
//!   one static pool "for VIPs and SEs" [AIP ✔]; an exhausted pool fails VS
//!   creation, so a shortfall is an error.
//! - SE data attachment `routed` (default): one-arm on the VIP network with static
//!   routes, no workload-network NIC [VST ✔]: every VS needs the VIP network alone,
//!   each SE has 1 data NIC, interfaces never bind and `N` comes from VS slots.
//!   `attached`: an SE adds a NIC per discovered pool network [AVP ✔], so a VS needs
//!   the VIP network and its namespace's workload network; at most `D = 9` data
//!   NICs, so at most 8 workload networks per SE. The one placement simulation
//!   ([`crate::sizing::simulate`]) treats each network like a VRF.
//! - VS load: the Supervisor API (1, `supervisor_virtual_services`), each TKG
//!   cluster API 1, each LoadBalancer Service 1 (L4); L7 needs AKO in the cluster
//!   (`ingress_vs_per_cluster`) [s001 ◐]. vSphere pods are not sized on VDS here.
//! - Data pool demand = VIPs + SEs × data NICs on it (1 each). Buffer SEs counted:
//!   conservative ? → input `vds.pool_counts_buffer_ses`, default true.
//! - `attached`: an SE's NIC on a workload network needs an address there; which
//!   range it comes from is not in §4 ? → input `vds.attached_nics_take_addresses`,
//!   default true (the SEs attached to it, and every buffer SE).
//! - Licence (default Enterprise): Essentials allows only Legacy A/S [SEG ✔]: it is
//!   the default under Essentials and another mode an error; with Avi as the edge,
//!   total VS above `max_vs_per_se` is an error (A/S puts every VS on both SEs).
//! - Warning: `attached` with more than 8 workload networks behind the VSes.
//! - The SE group: the Supervisor's AKO (advanced L4 mode) uses the SE group of its
//!   vCenter cloud (`Default-Cloud` unless named) whose single marker is
//!   `clustername` = the Supervisor's cluster ID, else `Default-Group`; it clones no
//!   template as on NSX [AKO `FetchSEGroupWithMarkerSet` ✔].
//!
//! # Workload-network addresses (both edges)
//!
//! - Primary: the Supervisor control-plane VMs [VSR ✔], an input 1 or 3 (default 3):
//!   vSphere API 9.0 `ControlPlane.count` is "either 1 or 3", default 3 [VAPI-SUP ✔],
//!   while §4 says 3 (vSphere 8); 1 needs vSphere 9.0.
//! - Every workload network: for each cluster on it, control plane + workers + 1
//!   rolling-update node per node pool [VSR ✔, surge from DOMAIN §3].
//! - Subnets: `2^(32-p) - 3` usable, as DOMAIN §3 counts them.
//!
//! # vSphere Foundation Load Balancer (VCF 9, `VSPHERE_FOUNDATION`)
//!
//! - VDS (`VSPHERE` network type) only, vSphere 9.0 and later [VAPI-EDGE ✔]; L4
//!   only, "limited scalability", no extra entitlement [VCF9-SUPM ✔]; standalone
//!   appliances that vCenter deploys and upgrades with the Supervisor [KB438769 ✔],
//!   in the management zone on the control plane's storage policy [VCF9-FLBM ✔].
//! - Appliances: `SINGLE_NODE` 1, `ACTIVE_PASSIVE` 2 (default) [VAPI-FOUND ✔]; the
//!   count never depends on the load. Size (default SMALL): SMALL 2 vCPU / 4 GB /
//!   8 GB disk, MEDIUM 4/8/8, LARGE 8/12/8, X_LARGE 16/16/8 [VAPI-FOUND ✔]. Size and
//!   availability only grow later [VAPI-SUPEDGES ✔].
//! - VIPs: `V` = Supervisor API, plus 1 per TKG cluster API, 1 per LoadBalancer
//!   Service and 1 per cluster with L7 (an in-cluster ingress controller behind one
//!   L4 VIP ◐).
//!   Whether the API VIPs are the FLB's is not stated ? → input
//!   `vds.flb.serves_api_vips`, default true. No SE addresses come from the VIP
//!   range: its demand is `V`, with growth headroom since ranges are append-only.
//! - Capacity (VIPs, VS, throughput per size): not published ? → input
//!   `vds.flb.max_vips`, unset: not checked, and the plan says so.
//! - Interfaces (`topology`): `one_nic` management + workload + frontend on the
//!   primary; `two_nic` (default, the API's default with a separate management
//!   network) management on the Supervisor management network, workload + frontend
//!   on the primary; `three_nic` management and frontend on port groups of their
//!   own (static ranges), workload on the primary [VAPI-EDGE ✔, VCF9-FLBM ✔].
//! - Node addresses: 1 per node per network attached [VAPI-FOUND ✔]; on the
//!   Supervisor's management or primary network they come from that network's range
//!   ? → input `vds.flb.nodes_use_supervisor_ranges`, default true.
//! - The frontend subnet holds the VIP ranges: at enablement the spec has no
//!   `vip_subnets` (only the day-2 Edges API does) ◐, so VIPs outside it are an error.
//! - Errors: FLB with vSphere below 9.0; no VIP range or too few addresses; a
//!   three-NIC port group without enough addresses; VIPs outside the frontend subnet;
//!   overlaps as for Avi. Warnings: single node; three zones (VCF9-SUPM says not
//!   supported on the zonal model, VCF9-3MZ lists it; the API puts both nodes in one
//!   zone); L7 wanted; capacity not published; upgrades cause downtime.
//!
//! # Errors common to both
//!
//! Ranges overlapping each other, the data pool, the management range or the service
//! CIDR; port-group subnets overlapping each other or the service CIDR; a workload
//! network whose ranges cannot hold its nodes (no ranges: the plan says how many).
//!
//! # Sources
//!
//! PLATFORMS.md §4 keys: VSR/VST (vSphere 8 docs, requirements and topologies of a
//! Supervisor with VDS and NSX Advanced Load Balancer), AVP/AIP (Avi docs: VS
//! placement settings; IPAM), SEG (alb-sdk `ServiceEngineGroup.ha_mode`), VAPI
//! (vSphere Automation API `IPRange`), s001 (seed 001). Research note keys: VAPI-EDGE,
//! VAPI-FOUND, VAPI-SUPEDGES, VAPI-SUP (vSphere Automation API 9.0.0.0-9.1.1.0,
//! `namespace_management.networks.edges`, `.edges.foundation`,
//! `supervisors.networks.Edges`, `supervisors.ControlPlane`), VCF9-SUPM and VCF9-FLBM
//! (VCF 9.0 design: "vSphere Supervisor Models", "Supervisor Foundation Load Balancer
//! Model"), VCF9-3MZ (three management zones models), KB438769 (Broadcom KB, FLB
//! FAQ). AKO: vmware/load-balancer-and-ingress-services-for-kubernetes
//! `internal/lib/lib.go` `FetchSEGroupWithMarkerSet`, `cmd/ako-main/main.go`.

mod checks;
mod demand;
mod result;

use crate::design::{SupervisorDesign, VdsDesign};
use crate::error::{FieldError, Warning, WarningKind};
use crate::scenario::{EdgeProvider, FlbTopology, SeAttachment};
use crate::sizing::{Need, Noun, Reference, SeLoad, SePlan, SeRules};

pub use demand::{grown, prefix_for, usable};
pub use result::{Assumption, AviSide, FlbInterface, FlbSide, NetDemand, Part, VdsPlan, WorkloadNet};

pub(crate) use checks::{management_span, service_cidr as service_cidr_of};
use demand::{net_demand, part};

/// VDS networking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vds;

/// The label of the Avi data (VIP) network in the placement table.
pub const DATA_NETWORK: &str = "data network (VIP)";

impl SeRules for Vds {
    /// `routed`: every VS needs the VIP network alone. `attached`: the VIP network
    /// and its namespace's workload network (the Supervisor's API VS the primary).
    ///
    /// ```
    /// use avi_sizer::{design::validate, platform::vds::Vds, scenario::*, sizing::SeRules};
    /// let mut sup = Supervisor::new("sv");
    /// sup.platform = PlatformKind::Vds;
    /// sup.vds.workload_networks = vec![WorkloadNetworkSpec::new("wl-1"), WorkloadNetworkSpec::new("wl-2")];
    /// let mut g = NamespaceGroup::new("b", 1);
    /// g.tkg_clusters = 1;
    /// g.workload_network = Some("wl-2".into());
    /// sup.namespaces.push(g);
    /// let s = Scenario { supervisors: vec![sup], ..Scenario::default() };
    /// let units = |s: &Scenario| {
    ///     let d = validate(s).unwrap();
    ///     let load = Vds.se_load(&d.supervisors[0]);
    ///     load.units().map(|u| u.map(|(a, vs)| (a.to_vec(), vs)).collect::<Vec<_>>()).collect::<Vec<_>>()
    /// };
    /// assert_eq!(units(&s), vec![vec![(vec![0], 1)], vec![(vec![0], 1)]]);
    /// let mut attached = s.clone();
    /// attached.supervisors[0].vds.se_attachment = Some(SeAttachment::Attached);
    /// assert_eq!(units(&attached), vec![vec![(vec![0, 1], 1)], vec![(vec![0, 2], 1)]]);
    /// ```
    fn se_load(&self, sup: &SupervisorDesign) -> SeLoad {
        let mut load = SeLoad::default();
        let Some(vds) = &sup.vds else { return load };
        let vip = load.attachment(DATA_NETWORK);
        let attached = vds.se_attachment == SeAttachment::Attached;
        let networks: Vec<u32> =
            if attached { vds.workload_networks.iter().map(|w| load.attachment(w.name.clone())).collect() } else { Vec::new() };
        let needs = |w: usize| -> Vec<u32> { networks.get(w).map_or_else(|| vec![vip], |&n| vec![vip, n]) };
        load.batch(&needs(0), sup.supervisor_virtual_services);
        for (g, &w) in sup.groups.iter().zip(&vds.group_networks) {
            let vs = g.vs_per_namespace() as u32;
            for _ in 1..=g.count {
                load.namespace();
                load.batch(&needs(w), vs);
            }
        }
        let last = sup.groups.len().checked_sub(1);
        load.set_reference(last.and_then(|j| {
            let g = sup.groups.get(j)?;
            let w = vds.group_networks.get(j).copied().unwrap_or(0);
            let shape = needs(w).into_iter().map(Need::Existing).collect();
            Some(Reference { group: g.name.clone(), batches: vec![(shape, g.vs_per_namespace() as u32)] })
        }));
        load
    }

    fn attachment_noun(&self) -> Noun {
        Noun { one: "network", many: "network(s)" }
    }

    /// One VRF, routed or attached SEs (PLATFORMS.md §4).
    fn rules_applied(&self) -> &'static [crate::rules::RuleId] {
        &[crate::rules::RuleId::VdsSeLoad]
    }

    /// `attached` with more than 8 workload networks behind the VSes (PLATFORMS.md §4).
    fn se_warnings(&self, sup: &SupervisorDesign, path: &str) -> Vec<Warning> {
        let Some(vds) = &sup.vds else { return Vec::new() };
        let behind = networks_behind(sup, vds);
        if vds.edge != EdgeProvider::Avi || vds.se_attachment != SeAttachment::Attached || behind <= 8 {
            return Vec::new();
        }
        vec![Warning::new(
            format!("{path}.vds.se_attachment"),
            WarningKind::AttachedNetworks,
            format!(
                "With attached SEs, {behind} workload networks are behind the virtual services, more than the 8 one SE can \
                 reach (9 data NICs, one on the VIP network): the group needs SEs for each set of 8. Routed SEs need 1 NIC."
            ),
        )]
    }
}

/// Workload networks behind at least one virtual service (the primary always, for
/// the Supervisor's API VS).
fn networks_behind(sup: &SupervisorDesign, vds: &VdsDesign) -> u32 {
    let mut used = vec![false; vds.workload_networks.len()];
    if sup.supervisor_virtual_services > 0 {
        if let Some(p) = used.first_mut() {
            *p = true;
        }
    }
    for (g, &w) in sup.groups.iter().zip(&vds.group_networks) {
        if g.vs_per_namespace() > 0 {
            if let Some(u) = used.get_mut(w) {
                *u = true;
            }
        }
    }
    used.iter().filter(|&&u| u).count() as u32
}

/// VIPs the FLB serves: the API VIPs (with `serves_api_vips`), one per
/// LoadBalancer Service, and one per cluster with L7 (its in-cluster ingress
/// controller behind one L4 VIP).
pub fn flb_vips(sup: &SupervisorDesign, vds: &VdsDesign) -> u64 {
    let api = u64::from(vds.flb.serves_api_vips);
    let sup_vs = api * u64::from(sup.supervisor_virtual_services);
    sup_vs
        + sup
            .groups
            .iter()
            .map(|g| {
                let per_cluster = api + u64::from(g.lb_services_per_cluster) + u64::from(g.ingress_vs_per_cluster > 0);
                u64::from(g.count) * u64::from(g.tkg_clusters) * per_cluster
            })
            .sum::<u64>()
}

/// The VDS part of Supervisor `index`'s plan, with the errors that keep its
/// networks from being planned and its warnings. `se` is the SE group Avi runs (or
/// would run, beside the Foundation Load Balancer).
pub fn plan(sup: &SupervisorDesign, vds: &VdsDesign, index: usize, se: &SePlan) -> (VdsPlan, Vec<FieldError>, Vec<Warning>) {
    let growth = sup.networks.growth_percent;
    let base = format!("supervisors[{index}]");
    let nodes = demand::node_parts(sup, vds);
    let names: Vec<String> = vds.workload_networks.iter().map(|w| w.name.clone()).collect();
    let attached = vds.se_attachment == SeAttachment::Attached;
    let se_nics = if attached && vds.attached_nics_take_addresses { demand::attached_nics(se, &names) } else { vec![0; names.len()] };
    let (flb_mgmt, flb_primary) = demand::flb_nodes_on_supervisor_networks(vds);
    let flb_n = u64::from(vds.flb.availability.nodes());
    let v_flb = flb_vips(sup, vds);
    let vips_on_primary = matches!(vds.flb.topology, FlbTopology::OneNic | FlbTopology::TwoNic);

    let workload_networks: Vec<WorkloadNet> = vds
        .workload_networks
        .iter()
        .zip(nodes)
        .enumerate()
        .map(|(k, (w, (namespaces, clusters, parts)))| {
            let mut avi = parts.clone();
            avi.push(part("Avi SE data NICs (attached)", se_nics.get(k).copied().unwrap_or(0)));
            let mut flb = parts;
            let mut in_subnet = Vec::new();
            if k == 0 {
                flb.push(part("FLB nodes (WORKLOAD interface)", flb_primary));
                if vips_on_primary {
                    in_subnet.push(part("FLB VIPs (FRONTEND interface, in the subnet)", v_flb));
                }
            }
            let role = format!("workload network {}", w.name);
            WorkloadNet {
                name: w.name.clone(),
                primary: k == 0,
                namespaces,
                clusters,
                avi: net_demand(&role, &w.net, avi, Vec::new(), growth),
                flb: net_demand(&role, &w.net, flb, in_subnet, growth),
            }
        })
        .collect();

    let ses = demand::ses_in_pool(se, vds.pool_counts_buffer_ses);
    let vips = sup.virtual_services();
    let data_network = net_demand(
        "Avi data network",
        &vds.data_network,
        vec![part("VIPs (one per virtual service)", vips), part("SE data NICs (one per SE)", u64::from(ses))],
        Vec::new(),
        growth,
    );
    let max_data_nics = se.service_engines.placement.iter().map(|p| p.interfaces_used).max().unwrap_or(0);
    let avi = AviSide {
        licence: vds.licence,
        se_attachment: vds.se_attachment,
        vips,
        ses_in_pool: ses,
        max_data_nics,
        workload_networks_behind: networks_behind(sup, vds),
        data_network,
    };

    let management = checks::management(sup, &base, flb_mgmt, growth);
    let flb = flb_side(vds, v_flb, flb_n, flb_mgmt, flb_primary, growth);
    let plan = VdsPlan {
        edge: vds.edge,
        vsphere_version: vds.vsphere_version,
        control_plane_vms: vds.control_plane_vms,
        service_cidr: checks::service_cidr(sup).0.to_string(),
        assumptions: assumptions(vds, &base),
        workload_networks,
        management,
        avi,
        flb,
    };
    let (errors, warnings) = checks::check(sup, vds, &base, &plan);
    (plan, errors, warnings)
}

fn flb_side(vds: &VdsDesign, v: u64, n: u64, on_mgmt: u64, on_primary: u64, growth: u32) -> FlbSide {
    let f = &vds.flb;
    let (vcpu, mem, disk) = f.size.resources();
    let primary = vds.workload_networks.first().map_or_else(|| "primary".to_string(), |w| w.name.clone());
    let interface = |personas: Vec<&'static str>, network_type: &'static str, network: String, addresses: u64| FlbInterface {
        personas,
        network_type,
        network,
        addresses,
    };
    let interfaces = match f.topology {
        FlbTopology::OneNic => vec![interface(vec!["MANAGEMENT", "WORKLOAD", "FRONTEND"], "PRIMARY_WORKLOAD", primary, on_primary)],
        FlbTopology::TwoNic => vec![
            interface(vec!["MANAGEMENT"], "SUPERVISOR_MANAGEMENT", "Supervisor management network".into(), on_mgmt),
            interface(vec!["WORKLOAD", "FRONTEND"], "PRIMARY_WORKLOAD", primary, on_primary),
        ],
        FlbTopology::ThreeNic => vec![
            interface(vec!["MANAGEMENT"], "DVPG", "FLB management port group".into(), n),
            interface(vec!["FRONTEND"], "DVPG", "FLB frontend port group".into(), n),
            interface(vec!["WORKLOAD"], "PRIMARY_WORKLOAD", primary, on_primary),
        ],
    };
    let three = f.topology == FlbTopology::ThreeNic;
    let nodes = || vec![part("FLB nodes (one per node)", n)];
    let vip_part = || vec![part("VIPs (Supervisor and cluster APIs, LoadBalancer Services)", v)];
    FlbSide {
        availability: f.availability,
        size: f.size,
        topology: f.topology,
        appliances: f.availability.nodes(),
        vcpus: n * u64::from(vcpu),
        memory_gb: n * u64::from(mem),
        disk_gb: n * u64::from(disk),
        vips: v,
        max_vips: f.max_vips,
        interfaces,
        vip_range: net_demand("FLB VIP ranges", &f.vips, vip_part(), Vec::new(), growth),
        management_network: three.then(|| net_demand("FLB management port group", &f.management_network, nodes(), Vec::new(), growth)),
        frontend_network: three.then(|| net_demand("FLB frontend port group", &f.frontend_network, nodes(), vip_part(), growth)),
    }
}

/// The inputs that stand for assumptions, with the values used.
fn assumptions(vds: &VdsDesign, base: &str) -> Vec<Assumption> {
    let a = |field: &str, value: String, says: &str| Assumption { path: format!("{base}.vds.{field}"), value, says: says.into() };
    let mut out = vec![a(
        "pool_counts_buffer_ses",
        vds.pool_counts_buffer_ses.to_string(),
        "The Avi data pool holds an address for every buffer SE too (conservative; PLATFORMS.md §4 marks it unverified).",
    )];
    if vds.se_attachment == SeAttachment::Attached {
        out.push(a(
            "attached_nics_take_addresses",
            vds.attached_nics_take_addresses.to_string(),
            "An attached SE's NIC on a workload network takes an address there, every buffer SE on each (PLATFORMS.md §4 does not say from which range).",
        ));
    }
    out.push(a(
        "flb.nodes_use_supervisor_ranges",
        vds.flb.nodes_use_supervisor_ranges.to_string(),
        "FLB interfaces on the Supervisor's management or primary workload network take their node addresses from that network's range (not stated in the vSphere API).",
    ));
    out.push(a(
        "flb.serves_api_vips",
        vds.flb.serves_api_vips.to_string(),
        "The FLB serves the Supervisor API and TKG cluster API VIPs from its VIP ranges (the API only says control-plane and cluster load balancers use them).",
    ));
    out.push(a(
        "flb.max_vips",
        vds.flb.max_vips.map_or_else(|| "not set".into(), |m| m.to_string()),
        "No FLB capacity (VIPs, virtual services, throughput per size) is published: unset, it is not checked.",
    ));
    if vds.control_plane_vms == 1 {
        out.push(a(
            "control_plane_vms",
            "1".into(),
            "The management range stays 5 addresses (DOMAIN.md §3 counts them for 3 VMs); the count for 1 VM is not published.",
        ));
    }
    out
}

/// VDS with Avi or the Foundation Load Balancer, for [`super::of`].
pub const PLATFORM: super::Platform = super::Platform { key: "vds", se: &Vds, net: None };

#[cfg(test)]
mod tests;
