//! Unit tests of the network plan, table-driven where there is a table.

use super::*;
use crate::design::validate;
use crate::error::WarningKind;
use crate::platform::nsx_avi::NsxAvi;
use crate::scenario::{NamespaceGroup, Scenario, Supervisor, T0Mode, Topology};

fn scenario(f: impl FnOnce(&mut Supervisor)) -> Scenario {
    let mut s = Scenario::default();
    f(&mut s.supervisors[0]);
    s
}

fn run(s: &Scenario) -> Result<(NetPlan, Vec<Warning>), Vec<FieldError>> {
    let d = validate(s).expect("scenario validates");
    plan_supervisor(&d.supervisors[0], &NsxAvi, 0)
}

fn ok(f: impl FnOnce(&mut Supervisor)) -> (NetPlan, Vec<Warning>) {
    run(&scenario(f)).expect("plan succeeds")
}

fn errors(f: impl FnOnce(&mut Supervisor)) -> Vec<String> {
    run(&scenario(f)).expect_err("plan fails").iter().map(|e| e.to_string()).collect()
}

fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// A group with `count` namespaces, `vips` pod LB services each, no clusters.
fn group(name: &str, count: u32, vips: u32) -> NamespaceGroup {
    let mut g = NamespaceGroup::new(name, count);
    g.pod_lb_services = vips;
    g
}

#[test]
fn default_scenario_carves_allocates_and_routes() {
    let (p, w) = ok(|_| {});
    // Demand: 1 + 10 x 3 = 31 VIPs (+50% = 47, a /26), 11 SNAT IPs (17, a /27),
    // 16 + 10 x 2 x 16 = 336 addresses (504, a /23). Largest first.
    assert_eq!(p.networks.namespace_network, strs(&["10.220.0.0/23"]));
    assert_eq!(p.networks.ingress_cidr, strs(&["10.220.2.0/26"]));
    assert_eq!(p.networks.egress_cidr, strs(&["10.220.2.64/27"]));
    assert_eq!(p.networks.service_cidr, strs(&["10.96.0.0/23"]));
    assert_eq!(
        p.networks.source,
        Sources { ingress_cidr: Source::Carved, egress_cidr: Source::Carved, namespace_network: Source::Carved, service_cidr: Source::Default }
    );
    assert_eq!(p.control_plane.segments, strs(&["10.220.0.0/28"]));
    assert_eq!(p.control_plane.vips, strs(&["10.220.2.1", "10.220.2.1"]));
    assert_eq!(p.control_plane.snat_ip.as_deref(), Some("10.220.2.65"));
    assert_eq!(p.namespaces.len(), 10);
    let first = &p.namespaces[0];
    assert_eq!(first.name, "team-001");
    assert_eq!(first.subnets, strs(&["10.220.0.16/28"]));
    assert_eq!(first.clusters[0].name, "team-001-tkc-1");
    assert_eq!(first.clusters[0].segments, strs(&["10.220.0.32/28"]));
    assert_eq!(first.snat_ip.as_deref(), Some("10.220.2.66"));
    assert_eq!((first.vips.clone(), first.vip_count), (strs(&["10.220.2.2", "10.220.2.4"]), 3));
    let last = &p.namespaces[9];
    assert_eq!(last.name, "team-010");
    assert_eq!(last.subnets, strs(&["10.220.1.48/28"]));
    assert_eq!(last.clusters[0].segments, strs(&["10.220.1.64/28"]));
    assert_eq!(last.vips, strs(&["10.220.2.29", "10.220.2.31"]));
    assert_eq!(last.snat_ip.as_deref(), Some("10.220.2.75"));
    // 176 free addresses = 11 subnets = 5 namespaces of 2 subnets; 31 VIPs = 10; 19 SNAT.
    assert_eq!((p.groups[0].fits_more, p.groups[0].limited_by), (5, Role::NamespaceNetwork));
    assert_eq!(p.pools[0], PoolUsage { cidr: "10.220.0.0/16".into(), addresses: 65_536, given: 0, carved: 608, free: 64_928 });
    let t0 = &p.routes[0];
    assert_eq!((t0.t0.as_str(), t0.host_routes, t0.subnet_routes), ("t0", 42, 0));
    assert_eq!(t0.aggregates, strs(&["10.220.2.0/26", "10.220.2.64/27"]));
    // The default service CIDR lies inside the TKG default service CIDR: both VMware
    // defaults, a note (the plan lists it apart from the warnings).
    assert_eq!(w.len(), 1);
    assert_eq!((w[0].kind, w[0].path.as_str()), (WarningKind::SharedTkgDefault, "supervisors[0].networks.service_cidr"));
    assert!(w[0].kind.is_note());
    assert!(w[0].message.contains("10.96.0.0/12") && w[0].message.contains("both are VMware defaults"), "{}", w[0].message);
}

#[test]
fn carving_sizes_follow_demand_and_growth() {
    // (namespaces, pod LB services each, growth %, ingress, egress, namespace network)
    let cases = [
        // 1 + 10 = 11 VIPs -> 17 -> /27; 11 SNAT -> /27; 16 + 10x16 = 176 -> 264 -> /23 minimum
        (10u32, 1u32, 50u32, "10.0.2.0/27", "10.0.2.32/27", "10.0.0.0/23"),
        // 1 + 20 = 21 -> 32 -> /26 (62); SNAT 21 -> 32 -> /26
        (20, 1, 50, "10.0.2.0/26", "10.0.2.64/26", "10.0.0.0/23"),
        // growth 0: 21 VIPs fit a /27 (30)
        (20, 1, 0, "10.0.2.0/27", "10.0.2.32/27", "10.0.0.0/23"),
        // 1 + 29 = 30 VIPs with 0% growth: exactly a /27
        (29, 1, 0, "10.0.2.0/27", "10.0.2.32/27", "10.0.0.0/23"),
        // 1 + 30 = 31 VIPs with 0% growth: one more than a /27 holds -> /26
        (30, 1, 0, "10.0.2.0/26", "10.0.2.64/26", "10.0.0.0/23"),
        // 100 namespaces: 16 + 1600 = 1616 -> 2424 -> /20; 1 + 500 VIPs -> 752 -> /22; 101 SNAT -> 152 -> /24
        (100, 5, 50, "10.0.16.0/22", "10.0.20.0/24", "10.0.0.0/20"),
    ];
    for (count, vips, growth, ingress, egress, ns) in cases {
        let (p, _) = ok(|s| {
            s.networks.address_pool = vec!["10.0.0.0/16".into()];
            s.networks.growth_percent = Some(growth);
            s.namespaces = vec![group("g", count, vips)];
        });
        assert_eq!(
            (p.networks.ingress_cidr[0].as_str(), p.networks.egress_cidr[0].as_str(), p.networks.namespace_network[0].as_str()),
            (ingress, egress, ns),
            "{count} namespaces x {vips} VIPs, {growth}%"
        );
    }
}

#[test]
fn carving_is_aligned_and_skips_given_space_in_the_pool() {
    let (p, _) = ok(|s| {
        s.networks.address_pool = vec!["10.0.0.0/24".into()];
        s.networks.service_cidr = Some("10.0.0.0/30".into());
        s.networks.namespace_network = vec!["10.1.0.0/20".into()];
        s.namespaces = vec![group("g", 20, 1)];
    });
    // Ingress /26 first (largest), skipping the /30: next /26 boundary; Egress /26 after it.
    assert_eq!(p.networks.ingress_cidr, strs(&["10.0.0.64/26"]));
    assert_eq!(p.networks.egress_cidr, strs(&["10.0.0.128/26"]));
    assert_eq!(p.pools[0], PoolUsage { cidr: "10.0.0.0/24".into(), addresses: 256, given: 4, carved: 128, free: 124 });
    assert_eq!(p.networks.source.namespace_network, Source::Given);
}

#[test]
fn carving_avoids_reserved_ranges_when_it_can() {
    let (p, w) = ok(|s| {
        s.networks.address_pool = vec!["100.64.0.0/15".into()];
        s.networks.service_cidr = Some("172.16.0.0/23".into());
    });
    // 100.64.0.0/16 is NSX transit: the carve moves to 100.65.0.0/16, still inside
    // 100.64.0.0/10 (Avi data segments, NSX VRF transit), which the warnings name.
    assert_eq!(p.networks.namespace_network, strs(&["100.65.0.0/23"]));
    assert_eq!(w.len(), 3, "{w:?}");
    assert!(w.iter().all(|w| w.kind == WarningKind::ReservedOverlap && w.message.contains(
        "overlaps 100.64.0.0/10, where Avi data segments and NSX 4.1+ VRF transit subnets live"
    )), "{w:?}");
    // A pool that is all reserved is still used, with warnings naming both ranges.
    let (p, w) = ok(|s| {
        s.networks.address_pool = vec!["192.168.0.0/16".into()];
        s.networks.service_cidr = Some("172.16.0.0/23".into());
    });
    assert_eq!(p.networks.namespace_network, strs(&["192.168.0.0/23"]));
    assert_eq!(w.len(), 3);
    assert_eq!(
        w[0].message,
        "192.168.0.0/23 (carved from the address pool) overlaps 192.168.0.0/16, the TKG cluster default pod CIDR: TKG clusters that keep their defaults cannot reach it; change the network or set the clusters' pod and service CIDRs"
    );
}

#[test]
fn pool_exactly_full_and_one_address_short() {
    let setup = |s: &mut Supervisor| {
        s.networks.address_pool = vec!["10.0.0.0/25".into()];
        s.networks.namespace_network = vec!["10.1.0.0/20".into()];
        s.networks.service_cidr = Some("10.2.0.0/24".into());
        // 21 VIPs and 21 SNAT IPs: each a /26 with 50% growth; 128 addresses in all.
        s.namespaces = vec![group("g", 20, 1)];
    };
    let (p, _) = ok(setup);
    assert_eq!((p.networks.ingress_cidr[0].as_str(), p.networks.egress_cidr[0].as_str()), ("10.0.0.0/26", "10.0.0.64/26"));
    assert_eq!(p.pools[0].free, 0);
    // A /32 service CIDR inside the pool leaves 127 addresses: one short.
    let e = errors(|s| {
        setup(s);
        s.networks.service_cidr = Some("10.0.0.127/32".into());
    });
    assert_eq!(
        e,
        strs(&["supervisors[0].networks.address_pool: 10.0.0.0/25 has 127 addresses for the networks to carve (Ingress CIDR /26, Egress CIDR /26) but 128 are needed (1 more); it holds 19 namespaces like 'g' with 50% growth headroom; add a /26 block to the pool for all 20"])
    );
    // The same pool, enough addresses in all but fragmented: no aligned /26 left.
    let e = errors(|s| {
        setup(s);
        s.networks.address_pool = vec!["10.0.0.0/24".into()];
        s.networks.service_cidr = Some("10.0.0.32/32".into());
        s.networks.management_start = Some("10.0.0.100".into());
        s.networks.ingress_cidr = vec!["10.0.0.128/27".into()];
        s.namespaces[0].ingress_cidr = vec!["10.0.0.224/27".into()];
    });
    assert_eq!(
        e,
        strs(&["supervisors[0].networks.address_pool: 10.0.0.0/24 has 186 free addresses but no aligned /26 block left for the Egress CIDR (supervisors[0].networks.egress_cidr); \
                it holds 19 namespaces like 'g' with 50% growth headroom; add a /26 block to the pool for all 20"])
    );
}

#[test]
fn extreme_pools_do_not_panic() {
    // (pool, expected first error or carved namespace network)
    let e = errors(|s| s.networks.address_pool = vec!["255.255.255.255/32".into()]);
    assert_eq!(
        e,
        strs(&["supervisors[0].networks.address_pool: 255.255.255.255/32 has 1 addresses for the networks to carve (namespace network /23, Ingress CIDR /26, Egress CIDR /27) but 608 are needed (607 more); add a /22 block to the pool for all 10"])
    );
    let e = errors(|s| s.networks.address_pool = vec!["10.0.0.0/31".into()]);
    assert!(e[0].contains("has 2 addresses") && e[0].contains("606 more"), "{e:?}");
    let (p, _) = ok(|s| s.networks.address_pool = vec!["0.0.0.0/0".into()]);
    assert_eq!(p.networks.namespace_network, strs(&["0.0.0.0/23"]));
    assert_eq!(p.pools[0].addresses, 1 << 32);
    assert_eq!(p.pools[0].given, 512); // the default service CIDR lies inside
    let (p, _) = ok(|s| {
        s.networks.address_pool = vec!["255.255.0.0/16".into()];
        s.networks.management_start = Some("255.255.255.251".into());
    });
    let m = p.management.unwrap();
    assert_eq!((m.first.as_str(), m.last.as_str(), m.addresses), ("255.255.255.251", "255.255.255.255", 5));
}

#[test]
fn missing_networks_without_pool_say_the_size_needed() {
    let e = errors(|s| s.networks.address_pool.clear());
    assert_eq!(
        e,
        strs(&[
            "supervisors[0].networks.ingress_cidr: no Ingress CIDR given and no address pool to carve it from: a /26 or larger for 31 VIPs + 50% growth",
            "supervisors[0].networks.egress_cidr: no Egress CIDR given and no address pool to carve it from: a /27 or larger for 11 SNAT IPs + 50% growth",
        ])
    );
    // Without NAT no Egress CIDR is needed; the namespace network takes the default.
    let (p, _) = ok(|s| {
        s.networks.address_pool.clear();
        s.nat = false;
        s.networks.ingress_cidr = vec!["10.1.0.0/26".into()];
    });
    assert_eq!(p.networks.namespace_network, strs(&["10.244.0.0/20"]));
    assert_eq!(p.networks.source.namespace_network, Source::Default);
    assert_eq!((p.networks.egress_cidr.len(), p.networks.source.egress_cidr), (0, Source::None));
    assert_eq!(p.control_plane.snat_ip, None);
    // NAT off on the Supervisor, on for a group: that group needs an Egress CIDR of its own.
    let e = errors(|s| {
        s.networks.address_pool.clear();
        s.nat = false;
        s.networks.ingress_cidr = vec!["10.1.0.0/26".into()];
        s.namespaces[0].nat = Some(true);
    });
    assert_eq!(e.len(), 1);
    assert!(e[0].starts_with("supervisors[0].namespaces[0].egress_cidr: no Egress CIDR given and no address pool to carve it from: a /27 or larger for 10 SNAT IPs"), "{e:?}");
    // With a pool, that group's Egress CIDR is carved for it.
    let (p, _) = ok(|s| {
        s.nat = false;
        s.namespaces[0].nat = Some(true);
    });
    let eg: Vec<_> = p.usage.iter().filter(|u| u.role == Role::EgressCidr).collect();
    assert_eq!(eg.len(), 1);
    assert_eq!((eg[0].scope.as_str(), eg[0].path.as_str(), eg[0].demand), ("team", "supervisors[0].namespaces[0].egress_cidr", 10));
    assert_eq!(eg[0].cidrs, strs(&["10.220.2.64/27"]));
    assert_eq!(p.namespaces[0].snat_ip.as_deref(), Some("10.220.2.65"));
    assert_eq!(p.control_plane.snat_ip, None);
}

#[test]
fn given_networks_too_small_or_short_of_headroom() {
    // (ingress given, namespaces, expected error or warning)
    let e = errors(|s| {
        s.networks.ingress_cidr = vec!["10.1.0.0/27".into()];
        s.namespaces = vec![group("g", 30, 1)];
    });
    assert_eq!(
        e,
        strs(&["supervisors[0].networks.ingress_cidr: 10.1.0.0/27 has 30 addresses for the Ingress CIDR but 31 are needed (1 more); \
                it holds 29 namespaces like 'g'; append a /27 block to ingress_cidr for today's demand"])
    );
    let (p, w) = ok(|s| {
        s.networks.ingress_cidr = vec!["10.1.0.0/27".into()];
        s.namespaces = vec![group("g", 29, 1)];
    });
    assert_eq!(p.usage[0].free, 0);
    assert_eq!(p.groups[0].fits_more, 0);
    let low: Vec<_> = w.iter().filter(|w| w.kind == WarningKind::LowHeadroom).collect();
    assert_eq!(low.len(), 1);
    assert_eq!(low[0].message, "10.1.0.0/27 holds 30 VIPs and today's demand is 30; 50% growth needs 45 (15 more)");
    // The default namespace network too small: the error says it is the default.
    let e = errors(|s| {
        s.networks.address_pool.clear();
        s.networks.ingress_cidr = vec!["10.1.0.0/16".into()];
        s.networks.egress_cidr = vec!["10.2.0.0/16".into()];
        s.namespaces = vec![group("g", 300, 0)]; // 16 + 300 x 16 = 4816 > 4096
    });
    assert_eq!(
        e,
        strs(&["supervisors[0].networks.namespace_network: 10.244.0.0/20 (default) has 4096 addresses for the namespace network but 4816 are needed (720 more); \
                it holds 255 namespaces like 'g'; append a /22 block to namespace_network for today's demand"])
    );
}

#[test]
fn overlaps_name_both_fields() {
    let given = |s: &mut Supervisor| {
        s.networks.address_pool.clear();
        s.networks.ingress_cidr = vec!["10.1.0.0/24".into()];
        s.networks.egress_cidr = vec!["10.2.0.0/24".into()];
        s.networks.namespace_network = vec!["10.3.0.0/20".into()];
    };
    let cases: Vec<(Box<dyn Fn(&mut Supervisor)>, &str)> = vec![
        // identical
        (Box::new(|s| s.networks.egress_cidr = vec!["10.1.0.0/24".into()]),
         "supervisors[0].networks.egress_cidr[0]: 10.1.0.0/24 overlaps supervisors[0].networks.ingress_cidr[0] (10.1.0.0/24)"),
        // contained
        (Box::new(|s| s.networks.ingress_cidr = vec!["10.3.4.0/24".into()]),
         "supervisors[0].networks.ingress_cidr[0]: 10.3.4.0/24 overlaps supervisors[0].networks.namespace_network[0] (10.3.0.0/20)"),
        // containing
        (Box::new(|s| s.networks.namespace_network = vec!["10.0.0.0/15".into()]),
         "supervisors[0].networks.ingress_cidr[0]: 10.1.0.0/24 overlaps supervisors[0].networks.namespace_network[0] (10.0.0.0/15)"),
        // partial: the 5-address management range straddles two networks' edge
        (Box::new(|s| s.networks.management_start = Some("10.1.0.254".into())),
         "supervisors[0].networks.management_start: 10.1.0.254 (management range 10.1.0.254-10.1.1.2) overlaps supervisors[0].networks.ingress_cidr[0] (10.1.0.0/24)"),
        // the default service CIDR
        (Box::new(|s| s.networks.namespace_network = vec!["10.96.0.0/20".into()]),
         "supervisors[0].networks.service_cidr: 10.96.0.0/23 (default) overlaps supervisors[0].networks.namespace_network[0] (10.96.0.0/20)"),
        // twice in one list
        (Box::new(|s| s.networks.ingress_cidr = vec!["10.1.0.0/24".into(), "10.1.0.0/25".into()]),
         "supervisors[0].networks.ingress_cidr[1]: 10.1.0.0/25 overlaps supervisors[0].networks.ingress_cidr[0] (10.1.0.0/24)"),
        // a group's own network inside the Supervisor's
        (Box::new(|s| s.namespaces[0].ingress_cidr = vec!["10.1.0.128/27".into()]),
         "supervisors[0].namespaces[0].ingress_cidr[0]: 10.1.0.128/27 overlaps supervisors[0].networks.ingress_cidr[0] (10.1.0.0/24)"),
        // a /32 service CIDR
        (Box::new(|s| s.networks.service_cidr = Some("10.2.0.7/32".into())),
         "supervisors[0].networks.egress_cidr[0]: 10.2.0.0/24 overlaps supervisors[0].networks.service_cidr (10.2.0.7/32)"),
    ];
    for (f, expected) in cases {
        let e = errors(|s| {
            given(s);
            f(s);
        });
        assert_eq!(e, strs(&[expected]));
    }
    // Adjacent networks do not overlap.
    ok(|s| {
        given(s);
        s.networks.egress_cidr = vec!["10.1.1.0/24".into()];
        s.networks.management_start = Some("10.1.2.0".into());
    });
}

#[test]
fn reserved_ranges_warn_naming_both() {
    let (_, w) = ok(|s| {
        s.networks.address_pool.clear();
        s.networks.ingress_cidr = vec!["100.64.1.0/24".into()];
        s.networks.egress_cidr = vec!["169.254.0.0/27".into()];
        s.networks.namespace_network = vec!["192.168.0.0/20".into()];
        s.networks.service_cidr = Some("172.20.0.0/23".into());
        s.networks.management_start = Some("169.254.0.100".into());
    });
    let got: Vec<(&str, &str)> = w
        .iter()
        .filter(|w| w.kind == WarningKind::ReservedOverlap)
        .map(|w| (w.path.as_str(), w.message.split(':').next().unwrap_or("")))
        .collect();
    assert_eq!(
        got,
        vec![
            ("supervisors[0].networks.namespace_network[0]", "192.168.0.0/20 overlaps 192.168.0.0/16, the TKG cluster default pod CIDR"),
            (
                "supervisors[0].networks.ingress_cidr[0]",
                "100.64.1.0/24 overlaps 100.64.0.0/16, the NSX T0-T1 transit subnet (NSX default), inside 100.64.0.0/10, where Avi \
                 data segments and NSX 4.1+ VRF transit subnets live"
            ),
            ("supervisors[0].networks.egress_cidr[0]", "169.254.0.0/27 overlaps 169.254.0.0/24, the NSX internal transit subnet (NSX default)"),
            (
                "supervisors[0].networks.management_start",
                "169.254.0.100 (management range 169.254.0.100-169.254.0.104) overlaps 169.254.0.0/24, the NSX internal transit subnet (NSX default)"
            ),
        ]
    );
}

/// Issue 8: anything inside 100.64.0.0/10, not only 100.64.0.0/16, warns naming
/// both ranges; the Supervisor's service CIDR inside the TKG default service CIDR
/// is a note, not a warning (every default plan had it).
#[test]
fn cgnat_range_warns_and_the_default_service_cidr_is_a_note() {
    let (_, w) = ok(|s| {
        s.networks.address_pool.clear();
        s.networks.ingress_cidr = vec!["100.100.0.0/24".into()];
        s.networks.egress_cidr = vec!["10.9.0.0/27".into()];
    });
    let cgnat: Vec<&Warning> = w.iter().filter(|w| w.path == "supervisors[0].networks.ingress_cidr[0]").collect();
    assert_eq!(cgnat.len(), 1, "{w:?}");
    assert!(cgnat[0].message.starts_with("100.100.0.0/24 overlaps 100.64.0.0/10, where Avi data segments and NSX 4.1+ VRF transit subnets live"), "{}", cgnat[0].message);
    let notes: Vec<&Warning> = w.iter().filter(|w| w.kind.is_note()).collect();
    assert_eq!(notes.len(), 1, "{w:?}");
    assert_eq!(notes[0].path, "supervisors[0].networks.service_cidr");
    assert!(notes[0].message.contains("10.96.0.0/23 (default), the Supervisor's service CIDR, lies in 10.96.0.0/12"), "{}", notes[0].message);
    // In the plan, notes are apart from warnings: the default plan warns of nothing.
    let plan = crate::plan::plan_scenario(&Scenario::default()).unwrap();
    assert!(plan.supervisors[0].warnings.is_empty(), "{:?}", plan.supervisors[0].warnings);
    assert_eq!(plan.supervisors[0].notes.len(), 1);
}

/// Issue 8: Ingress and Egress below /27 are warnings (a sample recommendation):
/// any block that holds the demand is valid.
#[test]
fn ingress_and_egress_below_27_are_valid_with_a_warning() {
    let (p, w) = ok(|s| {
        s.networks.address_pool.clear();
        s.namespaces = vec![group("g", 3, 1)];
        s.networks.ingress_cidr = vec!["10.9.0.0/29".into()];
        s.networks.egress_cidr = vec!["10.9.1.0/29".into(), "10.9.1.8/30".into()];
    });
    assert_eq!(p.networks.ingress_cidr, strs(&["10.9.0.0/29"]));
    let small: Vec<(&str, WarningKind)> =
        w.iter().filter(|w| w.message.contains("smaller than the /27")).map(|w| (w.path.as_str(), w.kind)).collect();
    assert_eq!(
        small,
        vec![
            ("supervisors[0].networks.ingress_cidr[0]", WarningKind::BelowRecommendation),
            ("supervisors[0].networks.egress_cidr[0]", WarningKind::BelowRecommendation),
            ("supervisors[0].networks.egress_cidr[1]", WarningKind::BelowRecommendation),
        ]
    );
    // Too small for the demand is still an error (4 VIPs in a /30's 2).
    let e = errors(|s| {
        s.networks.address_pool.clear();
        s.namespaces = vec![group("g", 3, 1)];
        s.networks.ingress_cidr = vec!["10.9.0.0/30".into()];
        s.networks.egress_cidr = vec!["10.9.1.0/27".into()];
    });
    assert!(e[0].starts_with("supervisors[0].networks.ingress_cidr: 10.9.0.0/30 has 2 addresses for the Ingress CIDR but 4 are needed"), "{e:?}");
}

/// Issue 8: Supervisor Services (each a namespace of its own: a subnet and, with
/// NAT, a SNAT IP), VM Service VMs on the namespace segment, and one surge node per
/// node pool.
#[test]
fn supervisor_services_vm_service_vms_and_node_pools_take_addresses() {
    let base = |s: &mut Supervisor| {
        s.namespaces = vec![NamespaceGroup::new("team", 2)];
        s.namespaces[0].tkg_clusters = 1;
    };
    let (p0, _) = ok(base);
    let (p, _) = ok(|s| {
        base(s);
        s.supervisor_services = 3;
    });
    let services = &p.control_plane.services;
    assert_eq!(services.iter().map(|x| x.name.as_str()).collect::<Vec<_>>(), ["supervisor-service-1", "supervisor-service-2", "supervisor-service-3"]);
    assert!(services.iter().all(|x| x.subnets.len() == 1 && x.snat_ip.is_some()));
    let usage = |p: &NetPlan, role: Role| p.usage.iter().find(|u| u.role == role && u.scope == "supervisor").unwrap().demand;
    assert_eq!(usage(&p, Role::EgressCidr), usage(&p0, Role::EgressCidr) + 3);
    assert_eq!(usage(&p, Role::NamespaceNetwork), usage(&p0, Role::NamespaceNetwork) + 3 * 16);
    assert_eq!(usage(&p, Role::IngressCidr), usage(&p0, Role::IngressCidr), "no VIP");
    assert_eq!(p.routes[0].host_routes, p0.routes[0].host_routes + 3, "one /32 per SNAT IP");
    // Without NAT: a subnet each, routed; no SNAT IP.
    let (p, _) = ok(|s| {
        base(s);
        s.nat = false;
        s.supervisor_services = 2;
    });
    assert!(p.control_plane.services.iter().all(|x| x.snat_ip.is_none() && x.subnets.len() == 1));
    // VM Service VMs: 10 pods + 10 VMs need 2 /28 subnets (13 usable each).
    let (p, _) = ok(|s| {
        base(s);
        s.namespaces[0].vsphere_pods = 10;
        s.namespaces[0].vm_service_vms = 10;
    });
    assert_eq!(p.groups[0].per_namespace.namespace_subnets, 2);
    // Node pools: 3 + 3 nodes + 1 surge = 7 fit a /29 (5 usable)? no: 2 subnets; with
    // 4 pools 3 + 3 + 4 = 10 still 2 /29s; with 7 pools 13 = 3.
    for (pools, subnets) in [(1, 2), (4, 2), (7, 3)] {
        let (p, _) = ok(|s| {
            base(s);
            s.networks.namespace_subnet_prefix = Some(29);
            s.namespaces[0].node_pools = pools;
        });
        assert_eq!(p.groups[0].per_namespace.subnets_per_cluster, subnets, "{pools} node pools");
    }
}

#[test]
fn small_prefixes_are_handled() {
    // /31 and /32 service CIDRs are accepted and checked like any other network.
    for svc in ["10.9.0.0/31", "10.9.0.1/32", "255.255.255.255/32"] {
        let (p, _) = ok(|s| s.networks.service_cidr = Some(svc.into()));
        assert_eq!(p.networks.service_cidr, strs(&[svc]));
    }
    let e = errors(|s| {
        s.networks.service_cidr = Some("10.9.0.0/31".into());
        s.networks.management_start = Some("10.9.0.1".into());
    });
    assert_eq!(e, strs(&["supervisors[0].networks.management_start: 10.9.0.1 (management range 10.9.0.1-10.9.0.5) overlaps supervisors[0].networks.service_cidr (10.9.0.0/31)"]));
}

#[test]
fn fits_more_counts_each_network() {
    // (pods, clusters, LB per cluster, expected fits_more, limited by)
    let cases = [
        // ingress: 1 + 4 x 3 = 13 of 30 -> 17 free / 3 = 5; egress 5 of 30; ns 16 + 4 x 32 = 144 of 512 -> 23 subnets / 2 = 11
        (0u32, 1u32, 2u32, 5u64, Role::IngressCidr),
        // no VIPs: ns 16 + 4 x 16 = 80 -> 27 subnets; egress 25 free -> 25
        (0, 0, 0, 25, Role::EgressCidr),
        // 100 pods = 8 /28 subnets: 16 + 4 x 128 = 528 > 512 does not fit; 60 pods = 5 subnets: 16 + 4 x 80 = 336 -> 11 free subnets / 5 = 2
        (60, 0, 0, 2, Role::NamespaceNetwork),
    ];
    for (pods, clusters, lb, fits, limit) in cases {
        let (p, _) = ok(|s| {
            s.networks.address_pool.clear();
            s.networks.ingress_cidr = vec!["10.1.0.0/27".into()];
            s.networks.egress_cidr = vec!["10.2.0.0/27".into()];
            s.networks.namespace_network = vec!["10.3.0.0/23".into()];
            s.networks.growth_percent = Some(0);
            let mut g = NamespaceGroup::new("g", 4);
            g.vsphere_pods = pods;
            g.tkg_clusters = clusters;
            g.lb_services_per_cluster = lb;
            s.namespaces = vec![g];
        });
        assert_eq!((p.groups[0].fits_more, p.groups[0].limited_by), (fits, limit), "{pods} pods, {clusters} clusters");
    }
}

#[test]
fn routes_per_t0_follow_nat_and_t0_mode() {
    let (p, w) = ok(|s| {
        s.nat = false;
        s.networks.address_pool.clear();
        s.networks.ingress_cidr = vec!["10.1.0.0/24".into()];
        s.networks.namespace_network = vec!["10.2.0.0/20".into()];
        let mut a = NamespaceGroup::new("a", 2);
        a.tkg_clusters = 1;
        a.lb_services_per_cluster = 1;
        // Groups on their own T0 bring their own networks (seeds part 6-7).
        let mut b = group("b", 3, 1);
        b.nat = Some(true);
        b.t0 = T0Mode::Dedicated;
        b.ingress_cidr = vec!["10.5.0.0/27".into()];
        b.egress_cidr = vec!["10.3.0.0/27".into()];
        b.namespace_network = vec!["10.6.0.0/23".into()];
        let mut c = NamespaceGroup::new("c", 1);
        c.tkg_clusters = 1;
        c.t0 = T0Mode::Vrf;
        c.ingress_cidr = vec!["10.7.0.0/27".into()];
        c.namespace_network = vec!["10.4.0.0/23".into()];
        s.namespaces = vec![a, b, c];
    });
    let summary: Vec<(&str, T0Mode, u64, u64, Vec<String>)> =
        p.routes.iter().map(|t| (t.t0.as_str(), t.kind, t.host_routes, t.subnet_routes, t.aggregates.clone())).collect();
    assert_eq!(
        summary,
        vec![
            // Supervisor VIP + 2 x 2 VIPs; its workload segment + 2 x (namespace + cluster) segments.
            ("t0", T0Mode::Shared, 5, 5, strs(&["10.1.0.0/24", "10.2.0.0/20"])),
            // NAT'd: 3 VIPs and 3 SNAT IPs; no segments.
            ("t0-b", T0Mode::Dedicated, 6, 0, strs(&["10.5.0.0/27", "10.3.0.0/27"])),
            // 1 cluster API VIP; namespace + cluster segments from its own network.
            ("vrf-c", T0Mode::Vrf, 1, 2, strs(&["10.7.0.0/27", "10.4.0.0/23"])),
        ]
    );
    assert_eq!(p.routes[1].groups, strs(&["b"]));
    let c = p.namespaces.iter().find(|n| n.name == "c-001").unwrap();
    assert_eq!((c.t0.as_str(), c.subnets.clone(), c.clusters[0].segments.clone()), ("vrf-c", strs(&["10.4.0.0/28"]), strs(&["10.4.0.16/28"])));
    let b = p.namespaces.iter().find(|n| n.name == "b-003").unwrap();
    assert_eq!((b.snat_ip.as_deref(), b.vips.clone()), (Some("10.3.0.3"), strs(&["10.5.0.3", "10.5.0.3"])));
    assert!(w.iter().all(|w| w.kind != WarningKind::HostRoutes));
}

#[test]
fn groups_on_their_own_t0_need_their_own_networks() {
    // Without a pool: each missing network is an error that says why.
    let e = errors(|s| {
        s.networks.address_pool.clear();
        s.networks.ingress_cidr = vec!["10.1.0.0/24".into()];
        s.networks.egress_cidr = vec!["10.3.0.0/24".into()];
        let mut d = group("dmz", 2, 1);
        d.t0 = T0Mode::Dedicated;
        s.namespaces.push(d);
    });
    assert_eq!(e.len(), 3, "{e:?}");
    assert!(e[0].starts_with("supervisors[0].namespaces[1].ingress_cidr: no Ingress CIDR given and no address pool to carve it from: a /27 or larger for 2 VIPs + 50% growth (namespaces on a dedicated T0"), "{}", e[0]);
    assert!(e.iter().any(|m| m.starts_with("supervisors[0].namespaces[1].namespace_network:") && m.contains("addresses")), "{e:?}");
    // With a pool: carved for the group, so no prefix is summarised on two T0s.
    let (p, _) = ok(|s| {
        let mut d = group("dmz", 2, 1);
        d.t0 = T0Mode::Dedicated;
        let mut v = group("partner", 2, 1);
        v.t0 = T0Mode::Vrf;
        v.nat = Some(false);
        s.namespaces.push(d);
        s.namespaces.push(v);
    });
    assert_eq!(p.routes.len(), 3);
    let mut seen = std::collections::HashSet::new();
    for r in &p.routes {
        for a in &r.aggregates {
            assert!(seen.insert(a.clone()), "{a} is summarised on two T0s");
        }
    }
    let dmz = p.groups.iter().find(|g| g.name == "dmz").unwrap();
    assert_eq!((dmz.ingress_cidr.len(), dmz.egress_cidr.len(), dmz.namespace_network.len()), (1, 1, 1));
    let partner = p.groups.iter().find(|g| g.name == "partner").unwrap();
    assert_eq!((partner.ingress_cidr.len(), partner.egress_cidr.len(), partner.namespace_network.len()), (1, 0, 1));
}

#[test]
fn many_host_routes_warn() {
    let (p, w) = ok(|s| s.namespaces = vec![group("g", 60, 1)]);
    // 1 + 60 VIPs + 1 + 60 SNAT IPs = 122 host routes.
    assert_eq!(p.routes[0].host_routes, 122);
    let hr: Vec<_> = w.iter().filter(|w| w.kind == WarningKind::HostRoutes).collect();
    assert_eq!(hr.len(), 1);
    assert!(hr[0].message.starts_with("t0 advertises 122 /32 host routes"), "{}", hr[0].message);
}

#[test]
fn mixed_subnet_prefixes_leave_no_gaps() {
    let (p, _) = ok(|s| {
        s.networks.address_pool.clear();
        s.networks.ingress_cidr = vec!["10.1.0.0/24".into()];
        s.networks.egress_cidr = vec!["10.2.0.0/24".into()];
        s.networks.namespace_network = vec!["10.3.0.0/23".into()];
        let small = NamespaceGroup::new("small", 2);
        let mut big = NamespaceGroup::new("big", 1);
        big.namespace_subnet_prefix = Some(25);
        s.namespaces = vec![small, big];
    });
    // The /25 goes first, then the /28s of the Supervisor and the small group.
    assert_eq!(p.namespaces[2].subnets, strs(&["10.3.0.0/25"]));
    assert_eq!(p.control_plane.segments, strs(&["10.3.0.128/28"]));
    assert_eq!(p.namespaces[0].subnets, strs(&["10.3.0.144/28"]));
    assert_eq!(p.namespaces[1].subnets, strs(&["10.3.0.160/28"]));
    assert_eq!(p.usage[2].used, 128 + 3 * 16);
    // A subnet larger than every block can never be placed.
    let e = errors(|s| {
        s.networks.address_pool.clear();
        s.networks.ingress_cidr = vec!["10.1.0.0/24".into()];
        s.networks.egress_cidr = vec!["10.2.0.0/24".into()];
        s.networks.namespace_network = vec!["10.3.0.0/23".into()];
        s.namespaces[0].namespace_subnet_prefix = Some(22);
    });
    assert_eq!(
        e[0],
        "supervisors[0].namespaces[0].namespace_subnet_prefix: a /22 subnet does not fit in the namespace network 10.3.0.0/23, whose largest block is a /23 (supervisors[0].networks.namespace_network), got /22"
    );
}

#[test]
fn vips_crossing_blocks_list_their_runs() {
    let (p, _) = ok(|s| {
        s.networks.address_pool.clear();
        s.networks.ingress_cidr = vec!["10.1.0.0/27".into(), "10.1.1.0/27".into()];
        s.networks.egress_cidr = vec!["10.2.0.0/24".into()];
        s.networks.namespace_network = vec!["10.3.0.0/22".into()];
        s.namespaces = vec![group("g", 2, 20)];
    });
    let ns = &p.namespaces[1];
    // Supervisor .1, g-001 .2-.21, g-002 .22-.30 then 10.1.1.1-.11.
    assert_eq!(ns.vips, strs(&["10.1.0.22", "10.1.1.11"]));
    assert_eq!(ns.vip_count, 20);
    assert_eq!(ns.vip_ranges.iter().map(|r| r.count).collect::<Vec<_>>(), vec![9, 11]);
    assert_eq!(p.routes[0].advertised.iter().map(|a| a.routes).collect::<Vec<_>>(), vec![30, 11, 3]);
}

#[test]
fn plan_is_deterministic() {
    let s = scenario(|s| {
        s.namespaces.push(group("other", 7, 2));
        s.networks.management_start = Some("10.10.0.10".into());
    });
    assert_eq!(run(&s).unwrap(), run(&s).unwrap());
}

#[test]
fn supervisors_must_not_share_routed_networks() {
    let mut s = Scenario::default();
    s.topology = Topology::SharedTransportZone;
    let mut b = s.supervisors[0].clone();
    b.name = "supervisor-2".into();
    s.supervisors.push(b);
    // Same pool: the second Supervisor carves around the first.
    assert_eq!(check_across_supervisors(&validate(&s).unwrap(), |_| &NsxAvi), Vec::new());
    // Given networks that collide are errors at the later Supervisor, naming the earlier.
    for sup in &mut s.supervisors {
        sup.networks.ingress_cidr = vec!["10.9.0.0/24".into()];
    }
    let e: Vec<String> = check_across_supervisors(&validate(&s).unwrap(), |_| &NsxAvi).iter().map(|e| e.to_string()).collect();
    assert_eq!(
        e,
        strs(&["supervisors[1].networks.ingress_cidr[0]: 10.9.0.0/24 overlaps supervisors[0].networks.ingress_cidr[0] (10.9.0.0/24)"])
    );
    // The service CIDR may repeat.
    s.supervisors[1].networks.ingress_cidr = vec!["10.9.1.0/24".into()];
    assert!(crate::plan::plan(&validate(&s).unwrap()).network_errors().is_empty());
}

#[test]
fn subnet_count_is_capped() {
    let e = errors(|s| {
        let mut g = NamespaceGroup::new("g", 10_000);
        g.vsphere_pods = 100_000;
        g.namespace_subnet_prefix = Some(29);
        s.namespaces = vec![g];
    });
    assert_eq!(e, strs(&["supervisors[0].namespaces: must be at most 2000000, got 200000001 namespace and cluster subnets in all"]));
}

/// Issue 9: a shortage says how to fix it in numbers, appending rather than
/// shrinking, and the numbers hold: the pool holds exactly the namespaces it says,
/// and the block it says to add is enough for today's.
#[test]
fn a_pool_that_runs_out_says_how_many_fit_and_which_block_to_add() {
    let shaped = |count: u32, pool: &[&str]| {
        scenario(|s| {
            s.namespaces[0].count = count;
            s.networks.address_pool = strs(pool);
        })
    };
    let e = run(&shaped(700, &["10.220.0.0/16"])).expect_err("the pool is too small");
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].path, "supervisors[0].networks.address_pool");
    assert_eq!(
        e[0].fix.as_deref(),
        Some("it holds 682 namespaces like 'team' with 50% growth headroom; add a /19 block to the pool for all 700")
    );
    assert!(e[0].to_string().ends_with("(6144 more); it holds 682 namespaces like 'team' with 50% growth headroom; add a /19 block to the pool for all 700"), "{}", e[0]);
    assert!(run(&shaped(682, &["10.220.0.0/16"])).is_ok(), "682 fit");
    assert!(run(&shaped(683, &["10.220.0.0/16"])).is_err(), "683 do not");
    assert!(run(&shaped(700, &["10.220.0.0/16", "172.16.0.0/19"])).is_ok(), "a /19 added is enough");
    assert!(run(&shaped(700, &["10.220.0.0/16", "172.16.0.0/20"])).is_err(), "a /20 is not");

    // With two groups, the last one's count varies and the first stays.
    let mut two = shaped(700, &["10.220.0.0/16"]);
    two.supervisors[0].namespaces.insert(0, group("fixed", 100, 1));
    let fix = run(&two).expect_err("too small").remove(0).fix.unwrap();
    let fit: u64 = fix.split(" of them").next().unwrap().rsplit(", ").next().unwrap().parse().unwrap();
    assert!(fix.starts_with(&format!("it holds {} namespaces, {fit} of them like 'team'", fit + 100)), "{fix}");
    two.supervisors[0].namespaces[1].count = fit as u32;
    assert!(run(&two).is_ok());
    two.supervisors[0].namespaces[1].count = fit as u32 + 1;
    assert!(run(&two).is_err());
}

#[test]
fn a_given_network_too_small_says_which_block_to_append() {
    // 1 + 40 x 3 = 121 VIPs in a /25 (126) fit; 50 namespaces need 151: 25 short.
    let s = scenario(|s| {
        s.namespaces[0].count = 50;
        s.networks.ingress_cidr = strs(&["10.50.0.0/25"]);
    });
    let e = run(&s).expect_err("the Ingress CIDR is too small");
    let ingress: Vec<&FieldError> = e.iter().filter(|e| e.path == "supervisors[0].networks.ingress_cidr").collect();
    assert_eq!(ingress.len(), 1, "{e:?}");
    assert_eq!(
        ingress[0].fix.as_deref(),
        Some("it holds 41 namespaces like 'team'; append a /27 block to ingress_cidr for today's demand")
    );
    // Following it plans: a /27 (30 VIPs) appended covers the 25.
    let mut fixed = s.clone();
    fixed.supervisors[0].networks.ingress_cidr.push("10.50.1.0/27".into());
    assert!(run(&fixed).is_ok(), "{:?}", run(&fixed).err());
    let mut fits = s.clone();
    fits.supervisors[0].namespaces[0].count = 41;
    assert!(run(&fits).is_ok());
    fits.supervisors[0].namespaces[0].count = 42;
    assert!(run(&fits).is_err());
}
