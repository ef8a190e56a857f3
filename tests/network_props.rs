//! Property tests of the network plan over random small scenarios: carved blocks
//! lie in their pool and are aligned, nothing overlaps, every namespace and
//! cluster gets what it demands, and the plan is deterministic.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;
use std::net::Ipv4Addr;

use avi_sizer::design::validate;
use avi_sizer::network::{plan_supervisor, NetPlan, Role};
use avi_sizer::platform;
use avi_sizer::scenario::{NamespaceGroup, Scenario, Supervisor, T0Mode};
use ipnet::Ipv4Net;
use proptest::prelude::*;

#[derive(Debug, Clone)]
struct G {
    count: u32,
    clusters: u32,
    control_plane: u32,
    workers: u32,
    lb: u32,
    ingress_vs: u32,
    pod_lb: u32,
    pods: u32,
    nat: Option<bool>,
    t0: T0Mode,
    prefix: Option<u8>,
    own_ingress: bool,
    own_ns: bool,
}

fn group() -> impl Strategy<Value = G> {
    (
        (1u32..12, 0u32..3, prop_oneof![Just(1u32), Just(3u32)], 0u32..12, 0u32..4, 0u32..2, 0u32..3, 0u32..40),
        (proptest::option::of(any::<bool>()), prop_oneof![Just(T0Mode::Shared), Just(T0Mode::Dedicated), Just(T0Mode::Vrf)]),
        (proptest::option::of(26u8..30), any::<bool>(), any::<bool>()),
    )
        .prop_map(|((count, clusters, control_plane, workers, lb, ingress_vs, pod_lb, pods), (nat, t0), (prefix, own_ingress, own_ns))| G {
            count,
            clusters,
            control_plane,
            workers,
            lb,
            ingress_vs,
            pod_lb,
            pods,
            nat,
            t0,
            prefix,
            own_ingress,
            own_ns,
        })
}

#[derive(Debug, Clone)]
struct Case {
    nat: bool,
    sup_vs: u32,
    growth: u32,
    prefix: Option<u8>,
    /// Pools: second octet of 10.x.0.0 and prefix; a pool per entry.
    pools: Vec<(u8, u8)>,
    /// Give the Supervisor's Ingress CIDR instead of carving it.
    given_ingress: bool,
    management: bool,
    groups: Vec<G>,
}

fn case() -> impl Strategy<Value = Case> {
    (
        any::<bool>(),
        0u32..3,
        prop_oneof![Just(0u32), Just(50u32), Just(100u32)],
        proptest::option::of(26u8..30),
        proptest::collection::vec((0u8..4, 18u8..23), 1..3),
        any::<bool>(),
        any::<bool>(),
        proptest::collection::vec(group(), 1..4),
    )
        .prop_map(|(nat, sup_vs, growth, prefix, pools, given_ingress, management, groups)| Case {
            nat,
            sup_vs,
            growth,
            prefix,
            pools,
            given_ingress,
            management,
            groups,
        })
}

fn build(c: &Case) -> Scenario {
    let mut s = Scenario::default();
    let mut sup = Supervisor::new("sup");
    sup.nat = c.nat;
    sup.supervisor_virtual_services = c.sup_vs;
    sup.networks.growth_percent = Some(c.growth);
    sup.networks.namespace_subnet_prefix = c.prefix;
    // Pools from 10.0-3.x.x; given networks from 172.16-31.x.x and 192.0.2.x: never overlapping.
    sup.networks.address_pool = c.pools.iter().map(|(o, p)| format!("10.{}.0.0/{p}", o * 64)).collect();
    if c.given_ingress {
        sup.networks.ingress_cidr = vec!["172.16.0.0/22".into()];
    }
    if c.management {
        sup.networks.management_start = Some("192.0.2.10".into());
    }
    for (j, g) in c.groups.iter().enumerate() {
        let mut n = NamespaceGroup::new(&format!("g{j}"), g.count);
        n.tkg_clusters = g.clusters;
        n.control_plane_nodes = g.control_plane;
        n.worker_nodes = g.workers;
        n.lb_services_per_cluster = g.lb;
        n.ingress_vs_per_cluster = g.ingress_vs;
        n.pod_lb_services = g.pod_lb;
        n.vsphere_pods = g.pods;
        n.nat = g.nat;
        n.t0 = g.t0;
        n.namespace_subnet_prefix = g.prefix;
        if g.own_ingress {
            n.ingress_cidr = vec![format!("172.17.{}.0/24", j)];
        }
        if g.own_ns {
            n.namespace_network = vec![format!("172.18.{}.0/22", j * 4)];
        }
        sup.namespaces.push(n);
    }
    s.supervisors = vec![sup];
    s
}

fn net(s: &str) -> Ipv4Net {
    s.parse().expect("plan CIDRs parse")
}

fn range(n: &Ipv4Net) -> (u64, u64) {
    let start = u64::from(u32::from(n.network()));
    (start, start + (1u64 << (32 - u32::from(n.prefix_len()))))
}

fn ip(s: &str) -> u64 {
    u64::from(u32::from(s.parse::<Ipv4Addr>().expect("plan addresses parse")))
}

fn inside_any(x: u64, blocks: &[Ipv4Net], pool_usable: bool) -> bool {
    blocks.iter().any(|b| {
        let (s, e) = range(b);
        if pool_usable && b.prefix_len() <= 30 {
            x > s && x < e - 1
        } else {
            x >= s && x < e
        }
    })
}

fn blocks_of(p: &NetPlan, role: Role) -> Vec<Ipv4Net> {
    p.usage.iter().filter(|u| u.role == role).flat_map(|u| u.cidrs.iter().map(|c| net(c))).collect()
}

/// Expands a namespace's VIPs from `[first, last]`, or its runs when it has several.
fn vips(first_last: &[String], ranges: &[(String, String)]) -> Vec<u64> {
    let pairs: Vec<(u64, u64)> = if ranges.is_empty() {
        match first_last {
            [a, b] => vec![(ip(a), ip(b))],
            _ => Vec::new(),
        }
    } else {
        ranges.iter().map(|(a, b)| (ip(a), ip(b))).collect()
    };
    pairs.into_iter().flat_map(|(a, b)| a..=b).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn plans_hold_their_invariants(c in case()) {
        let scenario = build(&c);
        let design = validate(&scenario).expect("generated scenarios validate");
        let sup = &design.supervisors[0];
        let rules = platform::of(sup).net.expect("NSX networks");
        let result = plan_supervisor(sup, rules, 0);
        // Deterministic, success or failure alike.
        prop_assert_eq!(&result, &plan_supervisor(sup, rules, 0));
        let (p, _) = match result {
            Ok(ok) => ok,
            Err(errors) => {
                for e in &errors {
                    prop_assert!(e.path.starts_with("supervisors[0]"), "{}", e);
                }
                return Ok(());
            }
        };

        // Carved blocks: inside their pool, aligned, and what the networks list.
        for cb in &p.carved {
            let (b, pool) = (net(&cb.cidr), net(&cb.pool));
            prop_assert_eq!(b.network(), b.addr(), "aligned: {}", cb.cidr);
            prop_assert!(pool.contains(&b), "{} in {}", cb.cidr, cb.pool);
            let known = c.pools.iter().any(|(o, pl)| format!("10.{}.0.0/{}", o * 64, pl) == cb.pool);
            prop_assert!(known, "pool {} is not one given", cb.pool);
        }

        // No two networks overlap: every scope's blocks, the service CIDR, the management range.
        let mut all: Vec<(u64, u64, String)> = p.usage.iter()
            .flat_map(|u| u.cidrs.iter().map(move |c| { let (s, e) = range(&net(c)); (s, e, format!("{} {}", u.path, c)) }))
            .collect();
        for s in &p.networks.service_cidr {
            let (a, b) = range(&net(s));
            all.push((a, b, "service".into()));
        }
        if let Some(m) = &p.management {
            all.push((ip(&m.first), ip(&m.last) + 1, "management".into()));
            prop_assert_eq!(ip(&m.last) - ip(&m.first) + 1, 5);
        }
        all.sort();
        for w in all.windows(2) {
            prop_assert!(w[0].1 <= w[1].0, "{} overlaps {}", w[0].2, w[1].2);
        }

        // Every namespace and cluster gets what it demands; subnets, VIPs, SNAT IPs unique and in their networks.
        let ingress = blocks_of(&p, Role::IngressCidr);
        let egress = blocks_of(&p, Role::EgressCidr);
        let ns_blocks = blocks_of(&p, Role::NamespaceNetwork);
        let mut subnets: Vec<(u64, u64)> = p.control_plane.segments.iter().map(|s| range(&net(s))).collect();
        prop_assert_eq!(p.control_plane.segments.len(), 1);
        let mut vip_seen: HashSet<u64> = HashSet::new();
        let sup_vips = vips(&p.control_plane.vips, &[]);
        prop_assert_eq!(sup_vips.len() as u64, u64::from(c.sup_vs));
        prop_assert_eq!(p.control_plane.snat_ip.is_some(), c.nat);
        let mut snat_seen: HashSet<u64> = p.control_plane.snat_ip.iter().map(|s| ip(s)).collect();
        for v in sup_vips {
            prop_assert!(vip_seen.insert(v));
            prop_assert!(inside_any(v, &ingress, true));
        }
        let expected: u32 = c.groups.iter().map(|g| g.count).sum();
        prop_assert_eq!(p.namespaces.len() as u32, expected);
        for ns in &p.namespaces {
            let j: usize = ns.group.trim_start_matches('g').parse().expect("group index");
            let g = &c.groups[j];
            let usable = |list: &[String]| -> u64 {
                list.iter().map(|s| (1u64 << (32 - u32::from(net(s).prefix_len()))) - 3).sum()
            };
            prop_assert!(!ns.subnets.is_empty());
            prop_assert!(usable(&ns.subnets) >= u64::from(g.pods), "{}: {:?} for {} pods", ns.name, ns.subnets, g.pods);
            prop_assert_eq!(ns.clusters.len() as u32, g.clusters);
            for (k, cl) in ns.clusters.iter().enumerate() {
                prop_assert_eq!(&cl.name, &format!("{}-tkc-{}", ns.name, k + 1));
                prop_assert!(!cl.segments.is_empty());
                prop_assert!(usable(&cl.segments) >= u64::from(g.control_plane + g.workers + 1));
                subnets.extend(cl.segments.iter().map(|s| range(&net(s))));
            }
            subnets.extend(ns.subnets.iter().map(|s| range(&net(s))));
            for s in ns.subnets.iter().chain(ns.clusters.iter().flat_map(|c| c.segments.iter())) {
                let n = net(s);
                prop_assert_eq!(n.network(), n.addr());
                prop_assert!(ns_blocks.iter().any(|b| b.contains(&n)), "{} outside the namespace networks", s);
            }
            let nat = g.nat.unwrap_or(c.nat);
            prop_assert_eq!(ns.snat_ip.is_some(), nat, "{}", ns.name);
            if let Some(s) = &ns.snat_ip {
                prop_assert!(snat_seen.insert(ip(s)), "SNAT {} twice", s);
                prop_assert!(inside_any(ip(s), &egress, true));
            }
            let runs: Vec<(String, String)> = ns.vip_ranges.iter().map(|r| (r.first.clone(), r.last.clone())).collect();
            let v = vips(&ns.vips, &runs);
            let vs = u64::from(g.clusters) * u64::from(1 + g.lb + g.ingress_vs) + u64::from(g.pod_lb);
            prop_assert_eq!(v.len() as u64, vs, "{}", ns.name);
            prop_assert_eq!(ns.vip_count, vs);
            for a in v {
                prop_assert!(vip_seen.insert(a), "VIP {} twice", a);
                prop_assert!(inside_any(a, &ingress, true), "VIP {} outside the Ingress networks", a);
            }
        }
        subnets.sort();
        for w in subnets.windows(2) {
            prop_assert!(w[0].1 <= w[1].0, "subnets overlap");
        }
        // fits_more is honest: that many more namespaces' subnets fit in what is free.
        for g in &p.groups {
            let u = p.usage.iter().find(|u| u.role == Role::NamespaceNetwork && (u.scope == g.name || (u.scope == "supervisor" && g.namespace_network.is_empty())));
            if let Some(u) = u {
                prop_assert!(g.fits_more.saturating_mul(g.per_namespace.addresses) <= u.free, "{}", g.name);
            }
        }
    }
}
