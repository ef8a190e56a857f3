//! A Supervisor on NSX with the Avi load balancer (DOMAIN.md sections 1-3): one T1
//! per Supervisor and per vSphere namespace, each its own VRF in Avi, and one SE
//! group per Supervisor shared by all of them ([`SeRules`]); and the Ingress,
//! Egress (NAT) and namespace networks such a Supervisor has, who draws from
//! which, and how much ([`NetRules`]).

use crate::design::{defaults, GroupDesign, SupervisorDesign};
use crate::error::{Warning, WarningKind};
use crate::network::{size_of_prefix, subnets_for, NamespaceNeeds, NetRules, Role};
use crate::rules::RuleId;
use crate::scenario::{HaMode, T0Mode};
use crate::sizing::{Need, Noun, Reference, SeLoad, SeRules};

use super::Platform;

/// NSX with Avi.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NsxAvi;

/// NSX with Avi, for [`super::of`].
pub const PLATFORM: Platform = Platform { key: "nsx_avi", se: &NsxAvi, net: Some(&NsxAvi) };

/// The name of a group's `number`-th namespace (from 1): `{group}-001`, `{group}-002`...
/// Its T1 carries the same name.
pub fn namespace_name(group: &str, number: u32) -> String {
    format!("{group}-{number:03}")
}

impl SeRules for NsxAvi {
    /// The Supervisor's T1 hosts its API VSes; each namespace's T1 its clusters'
    /// API servers, LoadBalancer and L7 services and vSphere-pod LoadBalancers. A
    /// VS needs its T1 alone, and no two namespaces share one.
    ///
    /// ```
    /// use avi_sizer::{design::validate, platform::nsx_avi::NsxAvi, scenario::*, sizing::SeRules};
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

    fn namespace_name(&self, group: &str, number: u32) -> String {
        namespace_name(group, number)
    }

    /// A T1 per namespace, an interface per T1 (DOMAIN.md sections 1-2).
    fn rules_applied(&self) -> &'static [RuleId] {
        &[RuleId::SeLoadPerT1, RuleId::SeDataInterfaces]
    }

    /// Active/Active SEs and the NSX distributed firewall (DOMAIN.md section 1): a
    /// note naming both sources, which disagree, not a rule.
    fn se_warnings(&self, sup: &SupervisorDesign, path: &str) -> Vec<Warning> {
        let mut out = Vec::new();
        if sup.se.ha_mode == HaMode::ActiveActive {
            out.push(Warning::new(
                path,
                WarningKind::DfwExclusion,
                "Active/Active SEs and the NSX distributed firewall: the vxplanet series says A/A SEs must be on the NSX DFW \
                 exclusion list (the stateful DFW drops asymmetric flows); Avi's documentation says the exclusion is no longer \
                 required since Avi 20.1.3.",
            ));
        }
        out
    }
}

/// The networks of DOMAIN.md section 3.
impl NetRules for NsxAvi {
    /// Its segment (vSphere pods and VM Service VMs, at least one subnet) and a
    /// segment per TKG cluster (nodes plus one surge node per node pool), a VIP per
    /// virtual service on its T1, a SNAT IP with NAT.
    fn namespace_needs(&self, g: &GroupDesign) -> NamespaceNeeds {
        let prefix = g.namespace_subnet_prefix;
        let ns_subnets = subnets_for(g.namespace_hosts(), prefix);
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

    /// Its API VIPs, one SNAT IP with NAT, one subnet for its workload segment; and
    /// per Supervisor Service (a namespace of its own, DOMAIN.md section 3) one
    /// subnet for its pods and, with NAT, one SNAT IP. Supervisor Services host no
    /// virtual service the plan counts, so they take no VIP and no SE interface.
    fn supervisor_demand(&self, sup: &SupervisorDesign, role: Role) -> u64 {
        let services = u64::from(sup.supervisor_services);
        match role {
            Role::IngressCidr => u64::from(sup.supervisor_virtual_services),
            Role::EgressCidr => u64::from(sup.nat) * (1 + services),
            _ => (1 + services) * size_of_prefix(sup.networks.namespace_subnet_prefix),
        }
    }

    /// The Ingress CIDR and namespace network are required to enable a Supervisor;
    /// an Egress CIDR only with NAT (or when given).
    fn supervisor_has(&self, sup: &SupervisorDesign, role: Role) -> bool {
        role != Role::EgressCidr || sup.nat || !sup.networks.egress_cidr.is_empty()
    }

    /// The namespace network has a default; without a pool the others are missing.
    fn supervisor_default(&self, role: Role) -> Option<&'static str> {
        (role == Role::NamespaceNetwork).then_some(defaults::NAMESPACE_NETWORK)
    }

    /// A group draws from networks of its own when:
    /// - it was given its own;
    /// - it is on a dedicated T0 or T0 VRF gateway: its Ingress, namespace network
    ///   and (with NAT) Egress must be summarised on that T0, so they cannot be the
    ///   Supervisor's, which its T0 summarises (seeds part 6-7);
    /// - it is NAT'd while the Supervisor is not: there is no Supervisor Egress CIDR.
    fn draws_own(&self, sup: &SupervisorDesign, g: &GroupDesign, role: Role) -> bool {
        if role == Role::EgressCidr && !g.nat {
            return false;
        }
        let given = match role {
            Role::IngressCidr => &g.ingress_cidr,
            Role::EgressCidr => &g.egress_cidr,
            _ => &g.namespace_network,
        };
        !given.is_empty() || g.t0 != T0Mode::Shared || (role == Role::EgressCidr && !sup.nat)
    }

    fn why_own(&self, g: &GroupDesign, role: Role) -> Option<&'static str> {
        match g.t0 {
            T0Mode::Dedicated | T0Mode::Vrf => {
                Some(" (namespaces on a dedicated T0 or T0 VRF gateway need networks of their own, summarised on that T0)")
            }
            _ if role == Role::EgressCidr => {
                Some(" (the Supervisor has NAT off, so NAT'd namespaces need an Egress CIDR of their own)")
            }
            _ => None,
        }
    }

    fn namespace_name(&self, group: &str, number: u32) -> String {
        namespace_name(group, number)
    }
}
