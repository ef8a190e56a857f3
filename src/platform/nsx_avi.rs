//! A Supervisor on NSX with the Avi load balancer (DOMAIN.md sections 1-3): one T1
//! per Supervisor and per vSphere namespace, each its own VRF in Avi, and one SE
//! group per Supervisor shared by all of them (the [`Platform`] rules); and the
//! networks such a Supervisor has, who draws from which, and how much (the
//! functions the network plan calls).

use crate::design::{defaults, GroupDesign, SupervisorDesign};
use crate::error::{Warning, WarningKind};
use crate::network::{size_of_prefix, subnets_for, Role};
use crate::scenario::{HaMode, T0Mode};
use crate::sizing::{Need, Reference, SeLoad};

use super::{Noun, Platform};

/// NSX with Avi.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NsxAvi;

/// The name of a group's `number`-th namespace (from 1): `{group}-001`, `{group}-002`...
/// Its T1 carries the same name.
pub fn namespace_name(group: &str, number: u32) -> String {
    format!("{group}-{number:03}")
}

impl Platform for NsxAvi {
    fn key(&self) -> &'static str {
        "nsx_avi"
    }

    /// The Supervisor's T1 hosts its API VSes; each namespace's T1 its clusters'
    /// API servers, LoadBalancer and L7 services and vSphere-pod LoadBalancers. A
    /// VS needs its T1 alone, and no two namespaces share one.
    ///
    /// ```
    /// use avi_sizer::{design::validate, platform::{nsx_avi::NsxAvi, Platform}, scenario::*};
    /// let mut sup = Supervisor::new("sv");
    /// let mut g = NamespaceGroup::new("team", 2);
    /// g.tkg_clusters = 1;
    /// g.lb_services_per_cluster = 2;
    /// sup.namespaces.push(g);
    /// let design = validate(&Scenario { supervisors: vec![sup], ..Scenario::default() }).unwrap();
    /// let load = NsxAvi.se_load(&design.supervisors[0]);
    /// let units: Vec<Vec<(Vec<u32>, u32)>> =
    ///     load.units().map(|u| u.map(|(a, vs)| (a.to_vec(), vs)).collect()).collect();
    /// assert_eq!(units, vec![vec![(vec![0], 1)], vec![(vec![1], 3)], vec![(vec![2], 3)]]);
    /// assert_eq!(load.label(2), Some("team-002"));
    /// ```
    fn se_load(&self, sup: &SupervisorDesign) -> SeLoad {
        let mut load = SeLoad::default();
        let t1 = load.attachment("supervisor");
        load.batch(&[t1], sup.supervisor_virtual_services);
        for g in &sup.groups {
            let vs = g.vs_per_namespace() as u32;
            for number in 1..=g.count {
                load.namespace();
                let t1 = load.attachment(namespace_name(&g.name, number));
                load.batch(&[t1], vs);
            }
        }
        // One more namespace brings a T1 of its own.
        load.set_reference(sup.groups.last().map(|g| Reference {
            group: g.name.clone(),
            batches: vec![(vec![Need::Own(0)], g.vs_per_namespace() as u32)],
        }));
        load
    }

    fn attachment_noun(&self) -> Noun {
        Noun { one: "T1", many: "T1s" }
    }

    /// Active/Active SEs and the NSX distributed firewall (DOMAIN.md section 1).
    fn se_warnings(&self, sup: &SupervisorDesign, path: &str) -> Vec<Warning> {
        let mut out = Vec::new();
        if sup.se.ha_mode == HaMode::ActiveActive {
            out.push(Warning::new(
                path,
                WarningKind::DfwExclusion,
                "Active/Active SEs must be on the NSX DFW exclusion list, or the stateful DFW drops asymmetric flows.",
            ));
        }
        out
    }
}

// Networks (DOMAIN.md section 3).

/// Index of each network a Supervisor and its namespace groups draw addresses
/// from, in per-role arrays: VIPs, SNAT IPs (NAT only), subnets.
pub(crate) const INGRESS: usize = 0;
pub(crate) const EGRESS: usize = 1;
pub(crate) const NAMESPACE: usize = 2;
/// Those networks, by index.
pub(crate) const ROLES: [Role; 3] = [Role::IngressCidr, Role::EgressCidr, Role::NamespaceNetwork];
/// Shortest prefix a carved block may have, by index: /27 Ingress and Egress, /23
/// namespace network.
pub(crate) const CARVE_LONGEST: [u8; 3] = [27, 27, 23];

/// What one namespace of a group takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NamespaceNeeds {
    pub prefix: u8,
    /// Subnets of the namespace segment (vSphere pods).
    pub ns_subnets: u64,
    /// Subnets of each TKG cluster segment (nodes plus one surge node).
    pub cluster_subnets: u64,
    /// All subnets of one namespace.
    pub subnets: u64,
    /// Their addresses.
    pub addresses: u64,
    /// One VIP per virtual service on its T1.
    pub vips: u64,
    /// One SNAT IP with NAT.
    pub snat: u64,
}

impl NamespaceNeeds {
    /// What it takes from each network, by index: VIPs, SNAT IPs, subnet addresses.
    pub fn per_role(&self) -> [u64; 3] {
        [self.vips, self.snat, self.addresses]
    }
}

/// What one namespace of `g` takes: its segment (vSphere pods, at least one subnet)
/// and a segment per TKG cluster, a VIP per virtual service, a SNAT IP with NAT.
pub(crate) fn namespace_needs(g: &GroupDesign) -> NamespaceNeeds {
    let prefix = g.namespace_subnet_prefix;
    let ns_subnets = subnets_for(u64::from(g.vsphere_pods), prefix);
    let cluster_subnets = subnets_for(u64::from(g.nodes_per_cluster()), prefix);
    let subnets = ns_subnets.saturating_add(u64::from(g.tkg_clusters).saturating_mul(cluster_subnets));
    NamespaceNeeds {
        prefix,
        ns_subnets,
        cluster_subnets,
        subnets,
        addresses: subnets.saturating_mul(size_of_prefix(prefix)),
        vips: g.vs_per_namespace(),
        snat: u64::from(g.nat),
    }
}

/// What the Supervisor itself takes from its own networks, by index: its API VIPs,
/// one SNAT IP with NAT, one subnet for its workload segment.
pub(crate) fn supervisor_demand(sup: &SupervisorDesign) -> [u64; 3] {
    [u64::from(sup.supervisor_virtual_services), u64::from(sup.nat), size_of_prefix(sup.networks.namespace_subnet_prefix)]
}

/// Whether the Supervisor has a network of `role`: the Ingress CIDR and namespace
/// network are required to enable it; an Egress CIDR only with NAT (or when given).
pub(crate) fn supervisor_has(sup: &SupervisorDesign, role: usize) -> bool {
    role != EGRESS || sup.nat || !sup.networks.egress_cidr.is_empty()
}

/// The network the Supervisor's `role` takes when neither given nor carvable (no
/// pool): the namespace network has a default; the others are then missing.
pub(crate) fn supervisor_default(role: usize) -> Option<&'static str> {
    (role == NAMESPACE).then_some(defaults::NAMESPACE_NETWORK)
}

/// Whether group `g` draws `role` from networks of its own (given, or carved for
/// it) rather than the Supervisor's:
/// - it was given its own;
/// - it is on a dedicated T0 or T0 VRF gateway: its Ingress, namespace network and
///   (with NAT) Egress must be summarised on that T0, so they cannot be the
///   Supervisor's, which its T0 summarises (seeds part 6-7);
/// - it is NAT'd while the Supervisor is not: there is no Supervisor Egress CIDR.
pub(crate) fn draws_own(sup: &SupervisorDesign, g: &GroupDesign, role: usize) -> bool {
    if role == EGRESS && !g.nat {
        return false;
    }
    let given = match role {
        INGRESS => &g.ingress_cidr,
        EGRESS => &g.egress_cidr,
        _ => &g.namespace_network,
    };
    !given.is_empty() || g.t0 != T0Mode::Shared || (role == EGRESS && !sup.nat)
}

/// Why group `g` needs a network of its own for `role`, for the error that says it is missing.
pub(crate) fn why_own(g: &GroupDesign, role: usize) -> Option<&'static str> {
    match g.t0 {
        T0Mode::Dedicated | T0Mode::Vrf => {
            Some(" (namespaces on a dedicated T0 or T0 VRF gateway need networks of their own, summarised on that T0)")
        }
        _ if role == EGRESS => Some(" (the Supervisor has NAT off, so NAT'd namespaces need an Egress CIDR of their own)"),
        _ => None,
    }
}
