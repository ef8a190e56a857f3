//! The network plan of a Supervisor (DOMAIN.md section 3).
//!
//! This module owns every rule that needs the whole network picture: the demand
//! of each network (VIPs, SNAT IPs, namespace and cluster subnets), where each
//! network comes from (given, the default, or carved from the address pool with
//! growth headroom), the allocation of every namespace's subnets, cluster
//! segments, SNAT IP and VIPs, the overlap checks (within a Supervisor, across
//! Supervisors, and against the NSX/TKG reserved ranges), and the northbound
//! routes per T0. Per-field syntax (CIDR parsing, host bits, IPv6, role prefix
//! sizes) is checked earlier by [`crate::design`].
//!
//! Files: `addr` (address arithmetic, usable counts, reserved ranges), `carve`
//! (demand per scope, given/default/carved), `allocate` (handing out addresses),
//! `validate` (overlaps and reserved-range warnings), `routes` (per T0).
//!
//! Address rules, used consistently:
//! - A namespace or TKG cluster subnet of prefix `p` gives `2^(32-p) - 3` usable
//!   addresses (network, gateway `.1` and broadcast are not handed out).
//! - An Ingress or Egress block hands out every address except its network and
//!   broadcast addresses as VIPs or SNAT IPs (a /27 gives 30; a /31 gives 2 and a
//!   /32 gives 1, though the roles' /27 minimum keeps those out of real plans).
//! - Growth headroom: a carved network holds `ceil(demand * (100 + growth) / 100)`;
//!   a given one that holds the demand but not that gets a `low_headroom` warning.
//! - Allocation is deterministic: the Supervisor first, then namespaces in
//!   scenario order (`{group}-001`, `{group}-002`, ...), clusters `{namespace}-tkc-1`...;
//!   VIPs and SNAT IPs consecutively; subnets first-fit in block order, larger
//!   subnet prefixes first when groups mix prefixes (so no alignment gaps).

#![warn(missing_docs)]

mod addr;
mod allocate;
mod carve;
mod routes;
mod validate;

#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::design::{Design, SupervisorDesign};
use crate::error::{FieldError, Problem, Warning, WarningKind};

use addr::{addr, Block, Span};
use allocate::{Alloc, Cursor, Run, Sub};
use carve::{Owner, Resolved, EGRESS, INGRESS, NAMESPACE};

pub use routes::{Advertised, T0Routes, HOST_ROUTE_WARNING};

/// Most subnets one Supervisor's plan lists; beyond it the plan is refused at
/// `supervisors[i].namespaces` (the design limits allow absurd products such as
/// 10,000 namespaces of 100,000 vSphere pods in /29 subnets).
pub const MAX_SUBNETS: u64 = 2_000_000;

/// The role of a network. Serialized as the scenario's field name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// VIPs.
    IngressCidr,
    /// SNAT IPs (NAT only).
    EgressCidr,
    /// Namespace, TKG cluster and Supervisor workload subnets.
    NamespaceNetwork,
    /// The Supervisor-internal service CIDR.
    ServiceCidr,
    /// The 5 management addresses starting at `management_start`.
    Management,
}

impl Role {
    /// The role in a sentence: "Ingress CIDR", "namespace network"...
    pub fn label(self) -> &'static str {
        match self {
            Role::IngressCidr => "Ingress CIDR",
            Role::EgressCidr => "Egress CIDR",
            Role::NamespaceNetwork => "namespace network",
            Role::ServiceCidr => "service CIDR",
            Role::Management => "management range",
        }
    }

    /// The scenario field: `ingress_cidr`, `namespace_network`...
    pub fn field(self) -> &'static str {
        match self {
            Role::IngressCidr => "ingress_cidr",
            Role::EgressCidr => "egress_cidr",
            Role::NamespaceNetwork => "namespace_network",
            Role::ServiceCidr => "service_cidr",
            Role::Management => "management_start",
        }
    }

    /// A short key for CSS classes and data attributes: `ingress`, `egress`,
    /// `namespace`, `service`, `management`.
    pub fn short(self) -> &'static str {
        match self {
            Role::IngressCidr => "ingress",
            Role::EgressCidr => "egress",
            Role::NamespaceNetwork => "namespace",
            Role::ServiceCidr => "service",
            Role::Management => "management",
        }
    }

    /// What the demand of this role counts.
    pub fn unit(self) -> &'static str {
        match self {
            Role::IngressCidr => "VIPs",
            Role::EgressCidr => "SNAT IPs",
            _ => "addresses",
        }
    }
}

/// Where a network came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// As the user gave it.
    Given,
    /// Carved from the address pool.
    Carved,
    /// The DOMAIN.md default (namespace network 10.244.0.0/20, service CIDR 10.96.0.0/23).
    Default,
    /// Not needed (an Egress CIDR without NAT).
    None,
}

impl Source {
    /// As serialized: `given`, `carved`, `default`, `none`.
    pub fn key(self) -> &'static str {
        match self {
            Source::Given => "given",
            Source::Carved => "carved",
            Source::Default => "default",
            Source::None => "none",
        }
    }
}

/// The network plan of one Supervisor. Flattened into the Supervisor's result
/// beside `name`, the SE plan and `warnings`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NetPlan {
    /// The Supervisor's own networks, given or carved or default.
    pub networks: Networks,
    /// The 5 management addresses, when `management_start` is given.
    pub management: Option<Management>,
    /// The Supervisor's own allocation: its workload segment, VIPs and SNAT IP.
    pub control_plane: ControlPlane,
    /// One entry per namespace, in scenario order.
    pub namespaces: Vec<NamespaceNet>,
    /// One entry per namespace group: what a namespace takes and how many more fit.
    pub groups: Vec<GroupNet>,
    /// Demand and capacity of every network scope (the Supervisor's, and each
    /// group's custom networks).
    pub usage: Vec<Usage>,
    /// Blocks carved from the address pool, largest first: the address map.
    pub carved: Vec<CarvedBlock>,
    /// How the address pool is used.
    pub pools: Vec<PoolUsage>,
    /// Northbound routes per T0.
    pub routes: Vec<T0Routes>,
}

/// The Supervisor-level networks as lists of CIDR strings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Networks {
    /// The Supervisor's Ingress CIDRs (VIPs of the Supervisor and of every group without its own).
    pub ingress_cidr: Vec<String>,
    /// Empty when nothing is NAT'd through the Supervisor's Egress CIDR.
    pub egress_cidr: Vec<String>,
    /// The Supervisor's namespace network blocks.
    pub namespace_network: Vec<String>,
    /// The Supervisor-internal service CIDR (never carved; may repeat across Supervisors).
    pub service_cidr: Vec<String>,
    /// The subnet prefix of the Supervisor's namespaces (groups may override).
    pub namespace_subnet_prefix: u8,
    /// Headroom carved networks get on top of today's demand, in percent.
    pub growth_percent: u32,
    /// Where each list came from.
    pub source: Sources,
}

/// Where each Supervisor network came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sources {
    /// Where `networks.ingress_cidr` came from.
    pub ingress_cidr: Source,
    /// Where `networks.egress_cidr` came from (`none` without NAT).
    pub egress_cidr: Source,
    /// Where `networks.namespace_network` came from.
    pub namespace_network: Source,
    /// Where `networks.service_cidr` came from (never carved).
    pub service_cidr: Source,
}

/// The 5 consecutive management addresses (3 control-plane VMs, 1 floating, 1 for upgrades).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Management {
    /// The first management address (`management_start`).
    pub first: String,
    /// The last of the 5.
    pub last: String,
    /// Always 5 (fewer only at the very end of the address space).
    pub addresses: u64,
}

/// The Supervisor's own addresses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ControlPlane {
    /// The Supervisor workload segment (its control-plane VMs), one namespace-prefix subnet.
    pub segments: Vec<String>,
    /// `[first, last]` of the Supervisor's VIPs, empty when none.
    pub vips: Vec<String>,
    /// The Supervisor's VIPs (`supervisor_virtual_services`).
    pub vip_count: u64,
    /// The Supervisor's SNAT IP; null without NAT.
    pub snat_ip: Option<String>,
}

/// One vSphere namespace's addresses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NamespaceNet {
    /// `{group}-001`, `{group}-002`...
    pub name: String,
    /// The namespace group it belongs to.
    pub group: String,
    /// The T0 its T1 uplinks to (see [`T0Routes::t0`]).
    pub t0: String,
    /// Whether the namespace is NAT'd (then it has a SNAT IP and its segments are not advertised).
    pub nat: bool,
    /// The namespace segment's subnets (vSphere pods).
    pub subnets: Vec<String>,
    /// One entry per TKG cluster, in order.
    pub clusters: Vec<ClusterNet>,
    /// The namespace's SNAT IP; null without NAT.
    pub snat_ip: Option<String>,
    /// `[first, last]` VIP, empty when the namespace has no virtual service.
    pub vips: Vec<String>,
    /// VIPs, one per virtual service.
    pub vip_count: u64,
    /// Only when the VIPs cross from one Ingress block to the next: each
    /// consecutive run (the addresses between runs belong to no one here).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub vip_ranges: Vec<VipRange>,
}

/// One TKG cluster's node segment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClusterNet {
    /// `{namespace}-tkc-1`...
    pub name: String,
    /// The cluster segment's subnets (control plane + workers + 1 surge node).
    pub segments: Vec<String>,
}

/// Consecutive VIPs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VipRange {
    /// First VIP of the run.
    pub first: String,
    /// Last VIP of the run.
    pub last: String,
    /// VIPs in the run.
    pub count: u64,
}

/// A namespace group's network view.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupNet {
    /// The group's name.
    pub name: String,
    /// JSON path of the group, e.g. `supervisors[0].namespaces[1]`.
    pub path: String,
    /// Namespaces in the group today.
    pub count: u32,
    /// NAT for the group's namespaces (its own setting or the Supervisor's).
    pub nat: bool,
    /// The T0 the group's namespace T1s uplink to (see [`T0Routes::t0`]).
    pub t0: String,
    /// The subnet prefix the group's segments use.
    pub namespace_subnet_prefix: u8,
    /// What one namespace of the group takes.
    pub per_namespace: PerNamespace,
    /// How many more namespaces of this group the networks it draws from (given
    /// or carved; not the rest of the pool) still hold, if only this group grew.
    pub fits_more: u64,
    /// The network that runs out first.
    pub limited_by: Role,
    /// The group's own Ingress CIDRs, given or carved for it (empty: it inherits
    /// the Supervisor's). Groups on a dedicated T0 or VRF always have their own.
    pub ingress_cidr: Vec<String>,
    /// The group's own Egress CIDRs (empty: it inherits the Supervisor's, or has no NAT).
    pub egress_cidr: Vec<String>,
    /// The group's own namespace network blocks (empty: it inherits the Supervisor's).
    pub namespace_network: Vec<String>,
}

/// One namespace's demand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PerNamespace {
    /// Subnets of the namespace segment.
    pub namespace_subnets: u64,
    /// Subnets of each TKG cluster segment.
    pub subnets_per_cluster: u64,
    /// TKG clusters per namespace.
    pub clusters: u64,
    /// All subnets, and the addresses they span.
    pub subnets: u64,
    /// The addresses those subnets span.
    pub addresses: u64,
    /// VIPs: one per virtual service on the namespace's T1.
    pub vips: u64,
    /// SNAT IPs: 1 with NAT, 0 without.
    pub snat_ips: u64,
}

/// Demand and capacity of one network scope.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Usage {
    /// Which network.
    pub role: Role,
    /// `supervisor` for the Supervisor's network (shared by every group without
    /// its own), or the name of the group that brought it.
    pub scope: String,
    /// JSON path of the field.
    pub path: String,
    /// Given, carved or default.
    pub source: Source,
    /// Its blocks.
    pub cidrs: Vec<String>,
    /// `VIPs`, `SNAT IPs` or `addresses` (subnet addresses for namespace networks).
    pub unit: String,
    /// Today's demand.
    pub demand: u64,
    /// Demand plus growth headroom.
    pub with_growth: u64,
    /// What the blocks hold (usable VIPs/SNAT IPs; addresses for namespace networks).
    pub capacity: u64,
    /// What the allocation handed out.
    pub used: u64,
    /// `capacity - used`.
    pub free: u64,
}

/// A block carved from the address pool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CarvedBlock {
    /// Which network the block is.
    pub role: Role,
    /// `supervisor`, or the group it was carved for.
    pub scope: String,
    /// The carved block.
    pub cidr: String,
    /// The pool block it came from.
    pub pool: String,
    /// Today's demand the block serves (VIPs, SNAT IPs or addresses).
    pub demand: u64,
    /// Demand plus growth headroom: the block holds at least this.
    pub with_growth: u64,
}

/// One address pool block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PoolUsage {
    /// The pool block as given.
    pub cidr: String,
    /// Addresses in it.
    pub addresses: u64,
    /// Addresses inside it already taken by given or default networks.
    pub given: u64,
    /// Addresses inside it carved for this Supervisor.
    pub carved: u64,
    /// Addresses neither given nor carved.
    pub free: u64,
}

fn scope_name(sup: &SupervisorDesign, owner: Owner) -> String {
    match owner {
        Owner::Supervisor => "supervisor".to_string(),
        Owner::Group(j) => sup.groups.get(j).map_or_else(String::new, |g| g.name.clone()),
    }
}

fn subnet_strings(subs: &[Sub]) -> Vec<String> {
    subs.iter().map(|s| s.net.to_string()).collect()
}

fn vip_fields(runs: &[Run]) -> (Vec<String>, u64, Vec<VipRange>) {
    let count = runs.iter().map(|r| r.len()).sum();
    let ends = match (runs.first(), runs.last()) {
        (Some(f), Some(l)) => vec![addr(f.first).to_string(), addr(l.last).to_string()],
        _ => Vec::new(),
    };
    let ranges = if runs.len() > 1 {
        runs.iter()
            .map(|r| VipRange { first: addr(r.first).to_string(), last: addr(r.last).to_string(), count: r.len() })
            .collect()
    } else {
        Vec::new()
    };
    (ends, count, ranges)
}

/// Plans the networks of Supervisor `index`: resolves, carves, validates and
/// allocates. Errors name the field path (`supervisors[{index}]...`) and value.
pub fn plan_supervisor(sup: &SupervisorDesign, index: usize) -> Result<(NetPlan, Vec<Warning>), Vec<FieldError>> {
    plan_resolved(sup, index, carve::resolve(sup, index, &[]))
}

/// What [`plan_all`] returns: each Supervisor's plan (or its errors), and the
/// overlaps between Supervisors.
pub type AllPlans = (Vec<Result<(NetPlan, Vec<Warning>), Vec<FieldError>>>, Vec<FieldError>);

/// Plans the networks of every Supervisor of a design. Supervisors are carved in
/// order, each around the networks the others were given and the blocks the earlier
/// ones carved, so several Supervisors can share one address pool.
pub fn plan_all(design: &Design) -> AllPlans {
    let given: Vec<Vec<Span>> = design.supervisors.iter().map(routed_given).collect();
    let mut carved: Vec<Span> = Vec::new();
    let mut resolved = Vec::with_capacity(design.supervisors.len());
    for (i, sup) in design.supervisors.iter().enumerate() {
        let mut taken: Vec<Span> = given.iter().enumerate().filter(|&(j, _)| j != i).flat_map(|(_, g)| g.iter().copied()).collect();
        taken.extend_from_slice(&carved);
        let r = carve::resolve(sup, i, &taken);
        carved.extend(r.scopes.iter().filter(|s| s.source == Source::Carved).flat_map(|s| s.blocks.iter().map(|b| b.span())));
        resolved.push(r);
    }
    let across = if design.supervisors.len() < 2 {
        Vec::new()
    } else {
        let mut all = Vec::new();
        for (i, r) in resolved.iter().enumerate() {
            all.extend(validate::entries(r, i, true).into_iter().filter(|e| matches!(e.role, Role::IngressCidr | Role::EgressCidr | Role::NamespaceNetwork)));
        }
        validate::overlaps(&all, true)
    };
    let plans = design.supervisors.iter().zip(resolved).enumerate().map(|(i, (sup, r))| plan_resolved(sup, i, r)).collect();
    (plans, across)
}

/// The routed networks a Supervisor was given (its own and its groups').
fn routed_given(sup: &SupervisorDesign) -> Vec<Span> {
    let n = &sup.networks;
    let groups = sup.groups.iter().flat_map(|g| g.ingress_cidr.iter().chain(&g.egress_cidr).chain(&g.namespace_network));
    n.ingress_cidr.iter().chain(&n.egress_cidr).chain(&n.namespace_network).chain(groups).map(|c| Block::of(&c.net).span()).collect()
}

/// Namespace and cluster subnets a Supervisor's plan lists (with the
/// Supervisor's own workload segment): what [`MAX_SUBNETS`] limits.
pub fn subnets_needed(sup: &SupervisorDesign) -> u64 {
    sup.groups.iter().fold(1u64, |a, g| a.saturating_add(carve::group_needs(g).subnets.saturating_mul(u64::from(g.count))))
}

fn plan_resolved(sup: &SupervisorDesign, index: usize, r: Resolved) -> Result<(NetPlan, Vec<Warning>), Vec<FieldError>> {
    let base = format!("supervisors[{index}]");
    let mut errors = r.errors.clone();

    let subnets = subnets_needed(sup);
    if subnets > MAX_SUBNETS {
        // Only this: carving and pool errors would follow from the same absurd count.
        return Err(vec![FieldError::new(
            format!("{base}.namespaces"),
            format!("{subnets} namespace and cluster subnets in all"),
            Problem::TooLarge { max: MAX_SUBNETS },
        )]);
    }

    errors.extend(validate::overlaps(&validate::entries(&r, index, false), false));
    errors.extend(subnet_fit_errors(sup, index, &r));
    let alloc = allocate::allocate(sup, &r);
    let mut warnings = Vec::new();
    capacity_checks(&r, &alloc, sup.networks.growth_percent, &mut errors, &mut warnings);
    if !errors.is_empty() {
        return Err(errors);
    }

    warnings.extend(validate::reserved_warnings(&validate::entries(&r, index, true)));
    let (routes, route_warnings) = routes::routes(sup, index, &r, &alloc);
    warnings.extend(route_warnings);
    Ok((build(sup, &r, &alloc, routes), warnings))
}

/// A subnet larger than every block of the namespace network it draws from can never be placed.
fn subnet_fit_errors(sup: &SupervisorDesign, index: usize, r: &Resolved) -> Vec<FieldError> {
    let mut out = Vec::new();
    let mut check = |prefix: u8, prefix_path: String, scope: Option<usize>| {
        let Some(s) = scope.and_then(|s| r.scopes.get(s)) else { return };
        if s.failed || s.blocks.is_empty() {
            return;
        }
        let largest = s.blocks.iter().map(|b| b.prefix).min().unwrap_or(32);
        if prefix < largest {
            out.push(FieldError::new(
                prefix_path,
                format!("/{prefix}"),
                Problem::Conflict {
                    other: s.path.clone(),
                    reason: format!("a /{prefix} subnet does not fit in the namespace network {}, whose largest block is a /{largest}", s.value()),
                },
            ));
        }
    };
    check(sup.networks.namespace_subnet_prefix, format!("supervisors[{index}].networks.namespace_subnet_prefix"), r.sup_scopes[NAMESPACE]);
    for (j, g) in sup.groups.iter().enumerate() {
        if g.namespace_subnet_prefix != sup.networks.namespace_subnet_prefix || !g.namespace_network.is_empty() {
            let scope = r.group_scopes.get(j).and_then(|s| s[NAMESPACE]);
            check(g.namespace_subnet_prefix, format!("{}.namespace_subnet_prefix", g.path), scope);
        }
    }
    out
}

/// Given and default networks must hold their demand (error) and should hold the growth headroom (warning).
fn capacity_checks(r: &Resolved, a: &Alloc, growth: u32, errors: &mut Vec<FieldError>, warnings: &mut Vec<Warning>) {
    for (s, scope) in r.scopes.iter().enumerate() {
        if scope.failed {
            continue;
        }
        let (capacity, short) = match (a.cursors.get(s), a.shortfall.get(s)) {
            (Some(Cursor::Addr(c)), Some(&short)) => (c.capacity, short),
            (Some(Cursor::Subnet(c)), Some(&short)) => (c.capacity, short),
            _ => continue,
        };
        if short > 0 {
            let available = if capacity < scope.demand { capacity } else { scope.demand.saturating_sub(short) };
            errors.push(FieldError::new(
                scope.path.clone(),
                scope.value(),
                Problem::TooFewAddresses { role: scope.role.label().to_string(), needed: scope.demand, available },
            ));
        } else if capacity < scope.with_growth && scope.source != Source::Carved {
            warnings.push(Warning::new(
                scope.path.clone(),
                WarningKind::LowHeadroom,
                format!(
                    "{} holds {capacity} {} and today's demand is {}; {growth}% growth needs {} ({} more)",
                    scope.value(),
                    scope.role.unit(),
                    scope.demand,
                    scope.with_growth,
                    scope.with_growth - capacity
                ),
            ));
        }
    }
}

fn build(sup: &SupervisorDesign, r: &Resolved, a: &Alloc, routes: Vec<T0Routes>) -> NetPlan {
    let blocks_of = |s: Option<usize>| -> Vec<String> {
        s.and_then(|s| r.scopes.get(s)).map(|s| s.blocks.iter().map(|b| b.to_string()).collect()).unwrap_or_default()
    };
    let source_of = |s: Option<usize>| s.and_then(|s| r.scopes.get(s)).map_or(Source::None, |s| s.source);
    let networks = Networks {
        ingress_cidr: blocks_of(r.sup_scopes[INGRESS]),
        egress_cidr: blocks_of(r.sup_scopes[EGRESS]),
        namespace_network: blocks_of(r.sup_scopes[NAMESPACE]),
        service_cidr: vec![r.service.to_string()],
        namespace_subnet_prefix: sup.networks.namespace_subnet_prefix,
        growth_percent: sup.networks.growth_percent,
        source: Sources {
            ingress_cidr: source_of(r.sup_scopes[INGRESS]),
            egress_cidr: source_of(r.sup_scopes[EGRESS]),
            namespace_network: source_of(r.sup_scopes[NAMESPACE]),
            service_cidr: r.service_source,
        },
    };
    let management = r.management.map(|m| Management {
        first: addr(m.start).to_string(),
        last: addr(m.end.saturating_sub(1)).to_string(),
        addresses: m.len(),
    });
    let (vips, vip_count, _) = vip_fields(&a.sup_vips);
    let control_plane = ControlPlane {
        segments: subnet_strings(&a.sup_segment),
        vips,
        vip_count,
        snat_ip: a.sup_snat.map(|s| addr(s.first).to_string()),
    };

    let t0_of = |j: usize| -> String {
        routes.iter().find(|t| t.groups.iter().any(|g| sup.groups.get(j).is_some_and(|x| &x.name == g))).map_or_else(|| "t0".to_string(), |t| t.t0.clone())
    };
    let group_t0: Vec<String> = (0..sup.groups.len()).map(t0_of).collect();

    let namespaces = a
        .namespaces
        .iter()
        .filter_map(|ns| {
            let g = sup.groups.get(ns.group)?;
            let name = format!("{}-{:03}", g.name, ns.number);
            let clusters = ns
                .clusters
                .iter()
                .enumerate()
                .map(|(c, subs)| ClusterNet { name: format!("{name}-tkc-{}", c + 1), segments: subnet_strings(subs) })
                .collect();
            let (vips, vip_count, vip_ranges) = vip_fields(&ns.vips);
            Some(NamespaceNet {
                group: g.name.clone(),
                t0: group_t0.get(ns.group).cloned().unwrap_or_default(),
                nat: g.nat,
                subnets: subnet_strings(&ns.segment),
                clusters,
                snat_ip: ns.snat.map(|s| addr(s.first).to_string()),
                vips,
                vip_count,
                vip_ranges,
                name,
            })
        })
        .collect();

    let groups = sup
        .groups
        .iter()
        .enumerate()
        .filter_map(|(j, g)| {
            let need = r.needs.get(j)?;
            let scopes = r.group_scopes.get(j).copied().unwrap_or([None; 3]);
            let free = |role: usize| -> Option<u64> {
                let s = scopes[role]?;
                match a.cursors.get(s)? {
                    Cursor::Addr(c) => Some(c.free()),
                    Cursor::Subnet(c) => Some(c.free_subnets(need.prefix)),
                }
            };
            let mut fits = vec![(Role::NamespaceNetwork, free(NAMESPACE).unwrap_or(0) / need.subnets.max(1))];
            // A group without virtual services is not limited by the Ingress CIDR.
            if let Some(n) = free(INGRESS).unwrap_or(0).checked_div(need.vips) {
                fits.push((Role::IngressCidr, n));
            }
            if g.nat {
                fits.push((Role::EgressCidr, free(EGRESS).unwrap_or(0)));
            }
            let (limited_by, fits_more) = fits.into_iter().min_by_key(|f| f.1).unwrap_or((Role::NamespaceNetwork, 0));
            // The group's own networks, given or carved for it.
            let own = |role: usize| -> Vec<String> {
                scopes[role]
                    .and_then(|s| r.scopes.get(s))
                    .filter(|sc| sc.owner == Owner::Group(j))
                    .map(|sc| sc.blocks.iter().map(|b| b.to_string()).collect())
                    .unwrap_or_default()
            };
            Some(GroupNet {
                name: g.name.clone(),
                path: g.path.clone(),
                count: g.count,
                nat: g.nat,
                t0: group_t0.get(j).cloned().unwrap_or_default(),
                namespace_subnet_prefix: need.prefix,
                per_namespace: PerNamespace {
                    namespace_subnets: need.ns_subnets,
                    subnets_per_cluster: need.cluster_subnets,
                    clusters: u64::from(g.tkg_clusters),
                    subnets: need.subnets,
                    addresses: need.addresses,
                    vips: need.vips,
                    snat_ips: need.snat,
                },
                fits_more,
                limited_by,
                ingress_cidr: own(INGRESS),
                egress_cidr: own(EGRESS),
                namespace_network: own(NAMESPACE),
            })
        })
        .collect();

    let usage = r
        .scopes
        .iter()
        .enumerate()
        .map(|(s, scope)| {
            let (capacity, used) = match a.cursors.get(s) {
                Some(Cursor::Addr(c)) => (c.capacity, c.used),
                Some(Cursor::Subnet(c)) => (c.capacity, c.used),
                None => (0, 0),
            };
            Usage {
                role: scope.role,
                scope: scope_name(sup, scope.owner),
                path: scope.path.clone(),
                source: scope.source,
                cidrs: scope.blocks.iter().map(|b| b.to_string()).collect(),
                unit: scope.role.unit().to_string(),
                demand: scope.demand,
                with_growth: scope.with_growth,
                capacity,
                used,
                free: capacity.saturating_sub(used),
            }
        })
        .collect();

    let carved = r
        .carved
        .iter()
        .filter_map(|c| {
            let scope = r.scopes.get(c.scope)?;
            Some(CarvedBlock {
                role: scope.role,
                scope: scope_name(sup, scope.owner),
                cidr: c.block.to_string(),
                pool: r.pools.get(c.pool).map(|p| p.to_string()).unwrap_or_default(),
                demand: scope.demand,
                with_growth: scope.with_growth,
            })
        })
        .collect();

    let mut given: Vec<Span> = r.scopes.iter().filter(|s| s.source != Source::Carved).flat_map(|s| s.blocks.iter().map(|b| b.span())).collect();
    given.push(r.service.span());
    given.extend(r.management);
    let carved_spans: Vec<Span> = r.carved.iter().map(|c| c.block.span()).collect();
    let inside = |spans: &[Span], pool: Block| -> u64 {
        let mut parts: Vec<Span> = spans.iter().map(|s| s.intersect(pool.span())).filter(|s| s.len() > 0).collect();
        carve::union_len(&mut parts)
    };
    let pools = r
        .pools
        .iter()
        .map(|p| {
            let g = inside(&given, *p);
            let c = inside(&carved_spans, *p);
            PoolUsage { cidr: p.to_string(), addresses: p.size(), given: g, carved: c, free: p.size().saturating_sub(g).saturating_sub(c) }
        })
        .collect();

    NetPlan { networks, management, control_plane, namespaces, groups, usage, carved, pools, routes }
}

/// Overlaps between the routed networks of different Supervisors (see [`plan_all`],
/// which also carves them in sequence).
pub fn check_across_supervisors(design: &Design) -> Vec<FieldError> {
    plan_all(design).1
}
