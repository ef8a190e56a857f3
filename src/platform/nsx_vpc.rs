//! A Supervisor on NSX VPC networking (PLATFORMS.md §8, VCF 9) with Avi in VPC
//! mode: the SE load with a VRF per VPC ([`SeRules`]), dedicated SE groups per VPC
//! when asked, and the VPCs' address plan ([`plan`]): private CIDRs per VPC,
//! external IP blocks, Avi tenants, the errors and the assumptions.
//!
//! Marks as in PLATFORMS.md: ✔ a public source says it; ◐ a secondary source or an
//! inference; ? not found, so an input with the default given (the page labels it
//! an assumption).
//!
//! # Objects
//!
//! - A namespace gets a VPC created for it alone, or names a pre-created VPC
//!   (`namespaces[j].vpc`, one of `vpc.vpcs`); several namespaces may share one
//!   [VAPI `VpcNetworkCreateSpec` ✔, AKO `GetVPCs` ✔]. Auto-created VPCs use the
//!   Supervisor's project and connectivity profile [VAPI ✔]. The Supervisor's own
//!   namespaces are on the system VPC.
//! - Avi (NSX cloud, VPC mode): one tenant per NSX project, one VRF per VPC [AVPC
//!   ✔]; so the §2 simulation runs with VRF = VPC, the system VPC included: an SE
//!   takes one data interface per VPC it serves. SE groups are shared by every VPC
//!   (default) or dedicated per VPC [AVPC ✔: "Dedicated Service Engine Groups can be
//!   created for respective VPCs"]: then the Supervisor's group serves the system
//!   VPC and every other VPC hosting a virtual service has a group of its own, with
//!   the same settings.
//! - Virtual services as on NSX with T1s (DOMAIN.md §2): the Supervisor API, one per
//!   TKG cluster API server, one per LoadBalancer Service, the L7 VSes where AKO runs
//!   in a cluster, one per vSphere-pod LoadBalancer Service.
//!
//! # Addresses
//!
//! - VIPs come from the connectivity profile's external IP blocks [AKO vpc_mode ✔],
//!   one per virtual service; one SNAT IP per VPC from them too ? → input
//!   `vpc.snat_per_vpc`, default true. A block hands out every address but network
//!   and broadcast, as Ingress blocks do.
//! - Private CIDRs: a namespace's default to the Supervisor's [VAPI `VpcConfig` ✔];
//!   the API says they "must be set" with Avi, and whether inherited ones suffice is
//!   not stated ? → input `vpc.inherited_private_cidrs_suffice`, default true (false:
//!   each group on auto-created VPCs must give its own `private_cidrs`). They can
//!   only be appended to [VAPI ✔]. Private CIDRs are private to each VPC, so each
//!   VPC is checked against its own.
//! - Namespace subnets are /27 by default [VAPI `default_subnet_size` ✔]; a subnet
//!   gives `2^(32-p)` less the addresses NSX keeps ? → input
//!   `vpc.reserved_per_subnet`, default 3 (29 usable in a /27). A namespace takes
//!   one subnet for its vSphere pods and VM Service VMs (at least one) and each TKG
//!   cluster subnets for its nodes plus one surge node per node pool, as on NSX
//!   (DOMAIN.md §3). The system VPC takes one subnet for the Supervisor ◐.
//! - The SE data NIC sits on the subnet `_AVI_SUBNET--LB`, taken from the VPC's
//!   private block when its load balancer endpoint is enabled [NSXAPI
//!   `LoadBalancerVPCEndpoint` ✔]; its size is not published ? → input
//!   `vpc.avi_subnet_prefix`, default /28, in every VPC hosting a virtual service.
//! - Connectivity profile = external + private transit gateway blocks [VAPI ✔].
//!
//! # Errors and warnings
//!
//! Errors (in the plan's `network`, each at its field): no private CIDR at all for
//! a VPC (with Avi the API says they must be set); private CIDRs overlapping the
//! profile's blocks, the service CIDR or the management range [VAPI ✔]; those
//! networks overlapping each other; a VPC's private CIDRs or the external blocks too
//! small for their demand (below it with growth: a warning). No external block:
//! not planned, with the size it needs.
//!
//! # Sources
//!
//! PLATFORMS.md §8 keys: VAPI (vSphere Automation API 9.0: `VpcNetworkCreateSpec`,
//! `VpcConfig`, `VpcNetworkSetSpec`, `VpcClusterNetworkSetSpec`), NSXAPI (NSX REST
//! API `LoadBalancerVPCEndpoint`), AKO (vmware/load-balancer-and-ingress-services-
//! for-kubernetes `docs/vpc_mode.md`, `internal/lib/dynamic_client.go` `GetVPCs`),
//! AVPC (Avi 30.2 installation guide, NSX cloud VPC mode).

mod checks;
mod result;

use std::collections::BTreeSet;

use crate::design::{Cidr, GroupDesign, SupervisorDesign, VpcDesign};
use crate::error::{FieldError, Warning};
use crate::rules::RuleId;
use crate::scenario::VpcSeGroups;
use crate::sizing::{Attachment, Need, Noun, Reference, SeLoad, SePlan, SeRules};

pub use result::{ExternalDemand, VpcKind, VpcPlan, VpcRow};

use super::nsx_avi::namespace_name;
use super::vds::{grown, Assumption};

/// NSX VPCs with Avi.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NsxVpc;

/// The name of the system VPC's attachment (its Avi VRF).
pub const SYSTEM_VPC: &str = "system VPC";

/// NSX VPCs with Avi, for [`super::of`].
pub const PLATFORM: super::Platform = super::Platform { key: "nsx_vpc", se: &NsxVpc, net: None };

/// Usable addresses of a VPC subnet of prefix `p` when NSX keeps `reserved`.
///
/// ```
/// use avi_sizer::platform::nsx_vpc::usable;
/// assert_eq!((usable(27, 3), usable(28, 3), usable(27, 0)), (29, 13, 32));
/// ```
pub fn usable(prefix: u8, reserved: u32) -> u64 {
    (1u64 << (32 - u32::from(prefix.min(32)))).saturating_sub(u64::from(reserved))
}

/// Subnets holding `hosts` at `usable` addresses each, at least one.
fn subnets(hosts: u64, usable: u64) -> u64 {
    hosts.div_ceil(usable.max(1)).max(1)
}

/// Namespace and cluster subnets one namespace of `g` takes on its VPC.
pub fn namespace_subnets(g: &GroupDesign, reserved: u32) -> u64 {
    let u = usable(g.namespace_subnet_prefix, reserved);
    subnets(g.namespace_hosts(), u) + u64::from(g.tkg_clusters) * subnets(u64::from(g.nodes_per_cluster()), u)
}

/// The pre-created VPC's name as an Avi VRF label.
fn shared_label(vpc: &VpcDesign, k: usize) -> String {
    vpc.vpcs.get(k).map_or_else(|| format!("vpc-{k}"), |v| v.name.clone())
}

impl SeRules for NsxVpc {
    /// The system VPC hosts the Supervisor's API VSes; each namespace's VSes need
    /// its VPC: its own, or the pre-created one it shares. With dedicated SE
    /// groups the Supervisor's group carries the system VPC alone (the others are
    /// [`SeRules::dedicated_loads`]).
    ///
    /// ```
    /// use avi_sizer::{design::validate, platform::nsx_vpc::NsxVpc, scenario::*, sizing::SeRules};
    /// let mut sup = Supervisor::new("sv");
    /// sup.platform = PlatformKind::NsxVpc;
    /// sup.vpc.vpcs = vec![SharedVpcSpec::new("shared")];
    /// for (name, vpc) in [("ns1", None), ("ns2", None), ("ns3", Some("shared")), ("ns4", Some("shared"))] {
    ///     let mut g = NamespaceGroup::new(name, 1);
    ///     g.tkg_clusters = 1;
    ///     g.vpc = vpc.map(str::to_string);
    ///     sup.namespaces.push(g);
    /// }
    /// let d = validate(&Scenario { supervisors: vec![sup], ..Scenario::default() }).unwrap();
    /// let load = NsxVpc.se_load(&d.supervisors[0]);
    /// // The system VPC, ns1's and ns2's own, and the shared one: 4 VRFs.
    /// assert_eq!(load.summary(1, 10).vrfs_with_vs, 4);
    /// assert_eq!(load.label(3), Some("shared"));
    /// ```
    fn se_load(&self, sup: &SupervisorDesign) -> SeLoad {
        let mut load = SeLoad::default();
        let Some(vpc) = &sup.vpc else { return load };
        let dedicated = vpc.se_groups == VpcSeGroups::PerVpc;
        let system = load.attachment(SYSTEM_VPC);
        load.batch(&[system], sup.supervisor_virtual_services);
        let mut shared: Vec<Option<Attachment>> = vec![None; vpc.vpcs.len()];
        for (g, on) in sup.groups.iter().zip(&vpc.group_vpcs) {
            // Dedicated: the namespaces count here, their VSes in their own groups.
            let vs = if dedicated { 0 } else { g.vs_per_namespace() as u32 };
            for number in 1..=g.count {
                load.namespace();
                let a = match on.and_then(|k| shared.get(k).copied().map(|a| (k, a))) {
                    Some((_, Some(a))) => a,
                    Some((k, None)) => {
                        let a = load.attachment(shared_label(vpc, k));
                        if let Some(slot) = shared.get_mut(k) {
                            *slot = Some(a);
                        }
                        a
                    }
                    None => load.attachment(namespace_name(&g.name, number)),
                };
                load.batch(&[a], vs);
            }
        }
        let reference = (!dedicated).then(|| sup.groups.last().zip(vpc.group_vpcs.last())).flatten().map(|(g, on)| {
            let need = match on.and_then(|k| shared.get(k).copied().flatten()) {
                Some(a) => Need::Existing(a),
                None => Need::Own(0),
            };
            Reference { group: g.name.clone(), batches: vec![(vec![need], g.vs_per_namespace() as u32)] }
        });
        load.set_reference(reference);
        load
    }

    fn attachment_noun(&self) -> Noun {
        Noun { one: "VPC", many: "VPCs" }
    }

    fn se_warnings(&self, _sup: &SupervisorDesign, _path: &str) -> Vec<Warning> {
        Vec::new()
    }

    fn rules_applied(&self) -> &'static [RuleId] {
        &[RuleId::VpcSeLoad, RuleId::SeDataInterfaces]
    }

    /// With SE groups per VPC: a group per auto-created VPC hosting a virtual
    /// service (alike within a namespace group, so sized once and counted), and one
    /// per pre-created VPC hosting one.
    fn dedicated_loads(&self, sup: &SupervisorDesign) -> Vec<(String, u32, SeLoad)> {
        let Some(vpc) = sup.vpc.as_ref().filter(|v| v.se_groups == VpcSeGroups::PerVpc) else { return Vec::new() };
        let mut out = Vec::new();
        let mut shared: Vec<SeLoad> = vpc.vpcs.iter().map(|_| SeLoad::default()).collect();
        for (g, on) in sup.groups.iter().zip(&vpc.group_vpcs) {
            let vs = g.vs_per_namespace() as u32;
            match on.and_then(|k| shared.get_mut(k)) {
                Some(load) => {
                    if load.attachments() == 0 {
                        load.attachment("vpc");
                    }
                    for _ in 0..g.count {
                        load.namespace();
                        load.batch(&[0], vs);
                    }
                }
                None if vs > 0 => {
                    let mut load = SeLoad::default();
                    let a = load.attachment(namespace_name(&g.name, 1));
                    load.namespace();
                    load.batch(&[a], vs);
                    let name = if g.count == 1 { namespace_name(&g.name, 1) } else { format!("{} … {}", namespace_name(&g.name, 1), namespace_name(&g.name, g.count)) };
                    out.push((name, g.count, load));
                }
                None => {}
            }
        }
        for (k, load) in shared.into_iter().enumerate() {
            if load.summary(1, 1).virtual_services > 0 {
                out.push((shared_label(vpc, k), 1, load));
            }
        }
        out
    }
}

/// One row of VPCs as the plan is built: what it holds and where its private CIDRs come from.
struct Draft<'a> {
    row: VpcRow,
    cidrs: &'a [Cidr],
}

/// The private CIDRs a VPC uses: its own when given, else the Supervisor's; with
/// neither, the field to give them in: a pre-created VPC's own, else the Supervisor's
/// (which every auto-created VPC inherits).
fn private<'a>(own: &'a [Cidr], own_path: String, pre_created: bool, vpc: &'a VpcDesign, base: &str) -> (&'a [Cidr], &'static str, String) {
    let supervisor = format!("{base}.vpc.private_cidrs");
    if !own.is_empty() {
        (own, "own", own_path)
    } else if !vpc.private_cidrs.is_empty() {
        (&vpc.private_cidrs, "supervisor", supervisor)
    } else {
        (&[], "none", if pre_created { own_path } else { supervisor })
    }
}

fn capacity(cidrs: &[Cidr]) -> Option<u64> {
    (!cidrs.is_empty()).then(|| cidrs.iter().map(|c| 1u64 << (32 - u32::from(c.net.prefix_len()))).sum())
}

/// The VPC part of Supervisor `index`'s plan, with the errors that keep its
/// networks from being planned, and its warnings. `se` is its SE group's plan.
pub fn plan(sup: &SupervisorDesign, vpc: &VpcDesign, index: usize, se: &SePlan) -> (VpcPlan, Vec<FieldError>, Vec<Warning>) {
    let base = format!("supervisors[{index}]");
    let growth = sup.networks.growth_percent;
    let reserved = vpc.reserved_per_subnet;
    let dedicated = vpc.se_groups == VpcSeGroups::PerVpc;
    let se_group = if dedicated { "dedicated" } else { "supervisor" };
    let avi_block = 1u64 << (32 - u32::from(vpc.avi_subnet_prefix));
    let size = |p: u8| 1u64 << (32 - u32::from(p));
    let sup_prefix = sup.networks.namespace_subnet_prefix;
    let row = |name: String, kind, count, project: &str, groups: Vec<String>, namespaces, vs: u64, subnet_bytes: u64, subnets| {
        let addresses = subnet_bytes + if vs > 0 { avi_block } else { 0 };
        VpcRow {
            name,
            kind,
            count,
            project: project.to_string(),
            groups,
            namespaces,
            virtual_services: vs,
            vrf: vs > 0,
            se_group: if kind == VpcKind::System { "supervisor" } else { se_group },
            private_cidrs: Vec::new(),
            private_source: "none",
            path: String::new(),
            subnets,
            subnet_prefix: sup_prefix,
            avi_subnet_prefix: (vs > 0).then_some(vpc.avi_subnet_prefix),
            addresses,
            with_growth: grown(addresses, growth),
            capacity: None,
        }
    };
    let mut drafts: Vec<Draft> = Vec::new();
    let system_vs = u64::from(sup.supervisor_virtual_services);
    let (cidrs, source, path) = private(&[], format!("{base}.vpc.private_cidrs"), false, vpc, &base);
    let mut system = row(SYSTEM_VPC.into(), VpcKind::System, 1, &vpc.project, Vec::new(), 0, system_vs, size(sup_prefix), 1);
    (system.private_source, system.path) = (source, path);
    drafts.push(Draft { row: system, cidrs });

    let mut shared: Vec<(u64, u64, u64, u64, Vec<String>)> = vec![(0, 0, 0, 0, Vec::new()); vpc.vpcs.len()];
    for ((g, on), own) in sup.groups.iter().zip(&vpc.group_vpcs).zip(&vpc.group_private_cidrs) {
        let subnets = namespace_subnets(g, reserved);
        let bytes = subnets * size(g.namespace_subnet_prefix);
        match on.and_then(|k| shared.get_mut(k)) {
            Some(s) => {
                s.0 += u64::from(g.count);
                s.1 += u64::from(g.count) * g.vs_per_namespace();
                s.2 += u64::from(g.count) * bytes;
                s.3 += u64::from(g.count) * subnets;
                s.4.push(g.name.clone());
            }
            None => {
                let name = if g.count == 1 { namespace_name(&g.name, 1) } else { format!("{} … {}", namespace_name(&g.name, 1), namespace_name(&g.name, g.count)) };
                let mut r = row(name, VpcKind::Auto, u64::from(g.count), &vpc.project, vec![g.name.clone()], 1, g.vs_per_namespace(), bytes, subnets);
                let (cidrs, source, path) = private(own, format!("{}.private_cidrs", g.path), false, vpc, &base);
                (r.private_source, r.path) = (source, path);
                drafts.push(Draft { row: r, cidrs });
            }
        }
    }
    for (v, (namespaces, vs, bytes, subnets, groups)) in vpc.vpcs.iter().zip(shared) {
        if groups.is_empty() {
            continue;
        }
        let mut r = row(v.name.clone(), VpcKind::PreCreated, 1, &v.project, groups, namespaces, vs, bytes, subnets);
        let (cidrs, source, path) = private(&v.private_cidrs, format!("{}.private_cidrs", v.path), true, vpc, &base);
        (r.private_source, r.path) = (source, path);
        drafts.push(Draft { row: r, cidrs });
    }
    for d in &mut drafts {
        d.row.private_cidrs = d.cidrs.iter().map(|c| c.net.to_string()).collect();
        d.row.capacity = capacity(d.cidrs);
    }

    let vpcs_total: u64 = drafts.iter().map(|d| d.row.count).sum();
    let vips = sup.virtual_services();
    let snat = if vpc.snat_per_vpc { vpcs_total } else { 0 };
    let ext_capacity = (!vpc.external_blocks.is_empty())
        .then(|| vpc.external_blocks.iter().map(|c| (1u64 << (32 - u32::from(c.net.prefix_len()))).saturating_sub(2)).sum());
    let ext_addresses = vips + snat;
    let ext_grown = grown(ext_addresses, growth);
    let external = ExternalDemand {
        blocks: vpc.external_blocks.iter().map(|c| c.net.to_string()).collect(),
        vips,
        snat,
        addresses: ext_addresses,
        with_growth: ext_grown,
        prefix_with_growth: (0..=30u8).rev().find(|&p| (1u64 << (32 - u32::from(p))).saturating_sub(2) >= ext_grown).unwrap_or(0),
        capacity: ext_capacity,
    };
    let tenants: BTreeSet<String> = drafts.iter().map(|d| d.row.project.clone()).collect();
    let vrfs = drafts.iter().filter(|d| d.row.vrf).map(|d| d.row.count).sum();
    let service_cidr = super::vds::service_cidr_of(sup).0.to_string();
    let (errors, warnings) = checks::check(sup, vpc, &base, &drafts.iter().map(|d| &d.row).collect::<Vec<_>>(), &external);
    let plan = VpcPlan {
        project: vpc.project.clone(),
        tenants: tenants.into_iter().collect(),
        se_groups: vpc.se_groups,
        vpcs_total,
        vrfs,
        subnet_prefix: sup_prefix,
        subnet_usable: usable(sup_prefix, reserved),
        vpcs: drafts.into_iter().map(|d| d.row).collect(),
        external,
        private_tgw_blocks: vpc.private_tgw_blocks.iter().map(|c| c.net.to_string()).collect(),
        service_cidr,
        management_range: sup.networks.management_start.map(|a| {
            let last = std::net::Ipv4Addr::from(u32::from(a).saturating_add(crate::design::defaults::MANAGEMENT_ADDRESSES - 1));
            format!("{a}-{last}")
        }),
        assumptions: assumptions(vpc, &base),
    };
    let _ = se;
    (plan, errors, warnings)
}

/// The inputs that stand for assumptions, with the values used.
fn assumptions(vpc: &VpcDesign, base: &str) -> Vec<Assumption> {
    let a = |field: &str, value: String, says: &str| Assumption { path: format!("{base}.vpc.{field}"), value, says: says.into() };
    vec![
        a(
            "inherited_private_cidrs_suffice",
            vpc.inherited_private_cidrs_suffice.to_string(),
            "Private CIDRs inherited from the Supervisor suffice with Avi (the vSphere API says VpcConfig.private_cidrs \
             \"must be set when Avi load balancer is used\" and also that, unset, the Supervisor's are used).",
        ),
        a(
            "avi_subnet_prefix",
            format!("/{}", vpc.avi_subnet_prefix),
            "Each VPC hosting a virtual service gives Avi's SE data NICs a subnet (_AVI_SUBNET--LB) of this size from its \
             private block; NSX does not publish the size.",
        ),
        a(
            "reserved_per_subnet",
            vpc.reserved_per_subnet.to_string(),
            "Addresses NSX keeps out of every VPC subnet (network, gateway, broadcast): not published for VPC subnets.",
        ),
        a(
            "snat_per_vpc",
            vpc.snat_per_vpc.to_string(),
            "Every VPC takes one SNAT IP from the external blocks for its outbound traffic (PLATFORMS.md §8 marks it unverified).",
        ),
    ]
}

#[cfg(test)]
mod tests;
