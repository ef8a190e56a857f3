//! The result of a Supervisor's network plan, assembled from where its networks
//! came from ([`Resolved`]), what was handed out ([`Alloc`]) and its routes: one
//! function per part of [`NetPlan`].

use crate::design::SupervisorDesign;

use super::addr::{addr, Block, Span};
use super::allocate::{Alloc, Cursor, NsAlloc, Run, Sub};
use super::carve::{self, scope_name, Owner, Resolved, EGRESS, INGRESS, NAMESPACE};
use super::{
    NetRules, CarvedBlock, ClusterNet, ControlPlane, GroupNet, Management, NamespaceNet, NetPlan, Networks, PerNamespace, PoolUsage,
    Role, ServiceNet, Source, Sources, T0Routes, Usage, VipRange,
};

/// The whole plan of one Supervisor.
pub(crate) fn net_plan(sup: &SupervisorDesign, rules: &dyn NetRules, r: &Resolved, a: &Alloc, routes: Vec<T0Routes>) -> NetPlan {
    let group_t0: Vec<String> = (0..sup.groups.len()).map(|j| t0_of(sup, &routes, j)).collect();
    NetPlan {
        networks: networks(sup, r),
        management: r.management.map(|m| Management {
            first: addr(m.start).to_string(),
            last: addr(m.end.saturating_sub(1)).to_string(),
            addresses: m.len(),
        }),
        control_plane: control_plane(a),
        namespaces: a.namespaces.iter().filter_map(|ns| namespace(sup, rules, &group_t0, ns)).collect(),
        groups: (0..sup.groups.len()).filter_map(|j| group(sup, r, a, &group_t0, j)).collect(),
        usage: usage(sup, r, a),
        carved: carved(sup, r),
        pools: pools(r),
        routes,
    }
}

fn subnet_strings(subs: &[Sub]) -> Vec<String> {
    subs.iter().map(|s| s.net.to_string()).collect()
}

/// `[first, last]`, the count, and (only when they cross blocks) each run.
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

/// The T0 group `j`'s namespace T1s uplink to.
fn t0_of(sup: &SupervisorDesign, routes: &[T0Routes], j: usize) -> String {
    routes
        .iter()
        .find(|t| t.groups.iter().any(|g| sup.groups.get(j).is_some_and(|x| &x.name == g)))
        .map_or_else(|| "t0".to_string(), |t| t.t0.clone())
}

/// The Supervisor-level networks and where each came from.
fn networks(sup: &SupervisorDesign, r: &Resolved) -> Networks {
    let blocks_of = |s: Option<usize>| -> Vec<String> {
        s.and_then(|s| r.scopes.get(s)).map(|s| s.blocks.iter().map(|b| b.to_string()).collect()).unwrap_or_default()
    };
    let source_of = |s: Option<usize>| s.and_then(|s| r.scopes.get(s)).map_or(Source::None, |s| s.source);
    Networks {
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
    }
}

fn control_plane(a: &Alloc) -> ControlPlane {
    let (vips, vip_count, _) = vip_fields(&a.sup_vips);
    let snat = |run: Option<Run>| run.map(|s| addr(s.first).to_string());
    ControlPlane {
        segments: subnet_strings(&a.sup_segment),
        vips,
        vip_count,
        snat_ip: snat(a.sup_snat),
        services: a
            .services
            .iter()
            .enumerate()
            .map(|(k, x)| ServiceNet { name: format!("supervisor-service-{}", k + 1), subnets: subnet_strings(&x.segment), snat_ip: snat(x.snat) })
            .collect(),
    }
}

fn namespace(sup: &SupervisorDesign, rules: &dyn NetRules, group_t0: &[String], ns: &NsAlloc) -> Option<NamespaceNet> {
    let g = sup.groups.get(ns.group)?;
    let name = rules.namespace_name(&g.name, ns.number);
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
}

/// Group `j`: what a namespace takes, how many more fit and which network runs out first.
fn group(sup: &SupervisorDesign, r: &Resolved, a: &Alloc, group_t0: &[String], j: usize) -> Option<GroupNet> {
    let g = sup.groups.get(j)?;
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
}

/// Demand, capacity and use of every scope.
fn usage(sup: &SupervisorDesign, r: &Resolved, a: &Alloc) -> Vec<Usage> {
    r.scopes
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
        .collect()
}

/// The blocks carved from the pool, largest first.
fn carved(sup: &SupervisorDesign, r: &Resolved) -> Vec<CarvedBlock> {
    r.carved
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
        .collect()
}

/// Per pool block: what given and default networks take of it, what was carved, what is free.
fn pools(r: &Resolved) -> Vec<PoolUsage> {
    let mut given: Vec<Span> =
        r.scopes.iter().filter(|s| s.source != Source::Carved).flat_map(|s| s.blocks.iter().map(|b| b.span())).collect();
    given.push(r.service.span());
    given.extend(r.management);
    let carved_spans: Vec<Span> = r.carved.iter().map(|c| c.block.span()).collect();
    let inside = |spans: &[Span], pool: Block| -> u64 {
        let mut parts: Vec<Span> = spans.iter().map(|s| s.intersect(pool.span())).filter(|s| s.len() > 0).collect();
        carve::union_len(&mut parts)
    };
    r.pools
        .iter()
        .map(|p| {
            let g = inside(&given, *p);
            let c = inside(&carved_spans, *p);
            PoolUsage { cidr: p.to_string(), addresses: p.size(), given: g, carved: c, free: p.size().saturating_sub(g).saturating_sub(c) }
        })
        .collect()
}
