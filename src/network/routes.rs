//! Northbound routing per T0 (DOMAIN.md section 3): what each T0 advertises, how
//! many routes that is without aggregation, and the aggregates to configure.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::design::SupervisorDesign;
use crate::error::{Warning, WarningKind};
use crate::scenario::T0Mode;

use super::allocate::Alloc;
use super::carve::{scope_name, Resolved, EGRESS, INGRESS, NAMESPACE};
use super::Role;

/// Above this many /32 host routes on one T0 without aggregation, a warning
/// suggests configuring route aggregation.
pub const HOST_ROUTE_WARNING: u64 = 100;

/// What one T0 (or T0 VRF gateway) learns from the T1s under it and advertises northbound.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct T0Routes {
    /// `t0` for the Supervisor's T0, `t0-{group}` for a group's dedicated T0,
    /// `vrf-{group}` for a group's dedicated T0 VRF gateway.
    pub t0: String,
    /// Shared (the Supervisor's), dedicated or VRF.
    pub kind: T0Mode,
    /// Whether the Supervisor's own T1 uplinks to this T0.
    pub supervisor: bool,
    /// Namespace groups whose namespace T1s uplink to this T0.
    pub groups: Vec<String>,
    /// Prefixes advertised, by role: Ingress always; Egress when NAT is on;
    /// namespace networks (namespace, TKG cluster and Supervisor workload
    /// segments) when NAT is off. Each with the routes it stands for.
    pub advertised: Vec<Advertised>,
    /// /32 routes without aggregation: one per VIP and one per SNAT IP.
    pub host_routes: u64,
    /// Segment routes without aggregation: one per routed (non-NAT) subnet.
    pub subnet_routes: u64,
    /// Prefixes to configure as route aggregation on this T0 instead.
    pub aggregates: Vec<String>,
    /// Routes the T0 advertises with those aggregates in place.
    pub routes_with_aggregation: u64,
}

/// One advertised prefix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Advertised {
    /// Which network the prefix is.
    pub role: Role,
    /// The prefix (a whole Ingress/Egress block or namespace network block).
    pub cidr: String,
    /// `supervisor` for the Supervisor's network, or the group that owns it.
    pub scope: String,
    /// Routes inside it without aggregation (/32 host routes, or subnets).
    pub routes: u64,
}

fn rank(role: Role) -> u8 {
    match role {
        Role::IngressCidr => 0,
        Role::EgressCidr => 1,
        _ => 2,
    }
}

/// Per T0: advertised prefixes, route counts and aggregates, plus a warning per
/// T0 with more than [`HOST_ROUTE_WARNING`] host routes.
pub(crate) fn routes(sup: &SupervisorDesign, index: usize, r: &Resolved, a: &Alloc) -> (Vec<T0Routes>, Vec<Warning>) {
    let (mut t0s, group_t0) = t0s(sup);
    let adv = advertising(sup, r, a, &group_t0, t0s.len());
    let mut warnings = Vec::new();
    for (t0, m) in t0s.iter_mut().zip(adv) {
        totals(t0, m, sup, r);
        warnings.extend(host_route_warning(t0, index));
    }
    (t0s, warnings)
}

/// The Supervisor's T0 first, then a T0 (`t0-{group}`) or T0 VRF gateway
/// (`vrf-{group}`) per group that has one; and the T0 of each group, by index.
fn t0s(sup: &SupervisorDesign) -> (Vec<T0Routes>, Vec<usize>) {
    let new_t0 = |t0: String, kind: T0Mode, supervisor: bool| T0Routes {
        t0,
        kind,
        supervisor,
        groups: Vec::new(),
        advertised: Vec::new(),
        host_routes: 0,
        subnet_routes: 0,
        aggregates: Vec::new(),
        routes_with_aggregation: 0,
    };
    let mut t0s: Vec<T0Routes> = vec![new_t0("t0".into(), T0Mode::Shared, true)];
    let mut group_t0 = Vec::with_capacity(sup.groups.len());
    for g in &sup.groups {
        let t = match g.t0 {
            T0Mode::Shared => 0,
            mode => {
                let name = if mode == T0Mode::Vrf { format!("vrf-{}", g.name) } else { format!("t0-{}", g.name) };
                t0s.push(new_t0(name, mode, false));
                t0s.len() - 1
            }
        };
        if let Some(t) = t0s.get_mut(t) {
            t.groups.push(g.name.clone());
        }
        group_t0.push(t);
    }
    (t0s, group_t0)
}

/// Per T0: (role rank, scope, block) -> routes inside that block.
type Advertising = Vec<BTreeMap<(u8, usize, usize), u64>>;

/// What each T0 advertises: Ingress always and Egress with NAT (every block, even
/// before a VIP is handed out), and the routes in them — a /32 per VIP and SNAT IP,
/// a subnet per segment of a namespace without NAT.
fn advertising(sup: &SupervisorDesign, r: &Resolved, a: &Alloc, group_t0: &[usize], t0_count: usize) -> Advertising {
    let mut adv: Advertising = vec![BTreeMap::new(); t0_count];
    let mark_scope = |adv: &mut Advertising, t: usize, s: Option<usize>| {
        if let (Some(s), Some(m)) = (s, adv.get_mut(t)) {
            if let Some(scope) = r.scopes.get(s) {
                for b in 0..scope.blocks.len() {
                    m.entry((rank(scope.role), s, b)).or_insert(0);
                }
            }
        }
    };
    mark_scope(&mut adv, 0, r.sup_scopes[INGRESS]);
    if sup.nat {
        mark_scope(&mut adv, 0, r.sup_scopes[EGRESS]);
    }
    for (j, g) in sup.groups.iter().enumerate() {
        let scopes = r.group_scopes.get(j).copied().unwrap_or([None; 3]);
        let t = group_t0.get(j).copied().unwrap_or(0);
        mark_scope(&mut adv, t, scopes[INGRESS]);
        if g.nat {
            mark_scope(&mut adv, t, scopes[EGRESS]);
        }
    }
    let add = |adv: &mut Advertising, t: usize, s: Option<usize>, block: usize, n: u64| {
        if let (Some(s), Some(m)) = (s, adv.get_mut(t)) {
            let role = r.scopes.get(s).map_or(Role::NamespaceNetwork, |x| x.role);
            let e = m.entry((rank(role), s, block)).or_insert(0);
            *e = e.saturating_add(n);
        }
    };
    for run in &a.sup_vips {
        add(&mut adv, 0, r.sup_scopes[INGRESS], run.block, run.len());
    }
    if let Some(run) = a.sup_snat {
        add(&mut adv, 0, r.sup_scopes[EGRESS], run.block, run.len());
    }
    for run in a.services.iter().filter_map(|x| x.snat) {
        add(&mut adv, 0, r.sup_scopes[EGRESS], run.block, run.len());
    }
    if !sup.nat {
        for sub in a.sup_segment.iter().chain(a.services.iter().flat_map(|x| &x.segment)) {
            add(&mut adv, 0, r.sup_scopes[NAMESPACE], sub.block, 1);
        }
    }
    for ns in &a.namespaces {
        let scopes = r.group_scopes.get(ns.group).copied().unwrap_or([None; 3]);
        let t = group_t0.get(ns.group).copied().unwrap_or(0);
        for run in &ns.vips {
            add(&mut adv, t, scopes[INGRESS], run.block, run.len());
        }
        if let Some(run) = ns.snat {
            add(&mut adv, t, scopes[EGRESS], run.block, run.len());
        }
        let nat = sup.groups.get(ns.group).is_none_or(|g| g.nat);
        if !nat {
            for sub in ns.segment.iter().chain(ns.clusters.iter().flatten()) {
                add(&mut adv, t, scopes[NAMESPACE], sub.block, 1);
            }
        }
    }
    adv
}

/// A T0's advertised prefixes, route counts and aggregates from what it advertises.
fn totals(t0: &mut T0Routes, adv: BTreeMap<(u8, usize, usize), u64>, sup: &SupervisorDesign, r: &Resolved) {
    for ((_, s, b), routes) in adv {
        let Some(scope) = r.scopes.get(s) else { continue };
        let Some(block) = scope.blocks.get(b) else { continue };
        if scope.role == Role::NamespaceNetwork {
            t0.subnet_routes = t0.subnet_routes.saturating_add(routes);
        } else {
            t0.host_routes = t0.host_routes.saturating_add(routes);
        }
        let cidr = block.to_string();
        if !t0.aggregates.contains(&cidr) {
            t0.aggregates.push(cidr.clone());
        }
        t0.advertised.push(Advertised { role: scope.role, cidr, scope: scope_name(sup, scope.owner), routes });
    }
    t0.routes_with_aggregation = t0.aggregates.len() as u64;
}

/// More than [`HOST_ROUTE_WARNING`] /32 routes on a T0 without aggregation.
fn host_route_warning(t0: &T0Routes, index: usize) -> Option<Warning> {
    (t0.host_routes > HOST_ROUTE_WARNING).then(|| {
        Warning::new(
            format!("supervisors[{index}]"),
            WarningKind::HostRoutes,
            format!(
                "{} advertises {} /32 host routes (one per VIP and SNAT IP) without aggregation; configure route aggregation on it for {}",
                t0.t0,
                t0.host_routes,
                t0.advertised
                    .iter()
                    .filter(|a| a.role != Role::NamespaceNetwork)
                    .map(|a| a.cidr.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )
    })
}
