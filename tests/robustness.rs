//! No input panics: arbitrary scenarios (extreme counts, malformed and edge-case
//! CIDRs), arbitrary JSON text and arbitrary share links either plan or come back
//! as errors that name a field. A panic in wasm kills the page, so this matters.
#![cfg(not(target_arch = "wasm32"))]

use avi_sizer::link;
use avi_sizer::plan::plan_scenario;
use avi_sizer::scenario::{HaMode, NamespaceGroup, Placement, Scenario, SeGroupSpec, Supervisor, T0Mode, Topology};
use proptest::prelude::*;

fn count() -> impl Strategy<Value = u32> {
    prop_oneof![16 => 1u32..6, 1 => Just(0u32), 1 => Just(u32::MAX), 1 => 9_999u32..10_002, 1 => 1_000_000_000u32..1_000_000_001]
}

fn small() -> impl Strategy<Value = u32> {
    prop_oneof![19 => 0u32..4, 1 => Just(u32::MAX)]
}

fn cidr() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("10.0.0.0/8".to_string()),
        Just("10.1.0.0/16".to_string()),
        Just("10.1.0.0/24".to_string()),
        Just("10.1.0.0/27".to_string()),
        Just("0.0.0.0/0".to_string()),
        Just("255.255.255.255/32".to_string()),
        Just("10.1.1.1/31".to_string()),
        Just("100.64.0.0/16".to_string()),
        Just("fd00::/64".to_string()),
        Just("10.1.1.1/24".to_string()),
        Just("".to_string()),
        "[0-9./:a-z]{0,20}",
    ]
}

/// Mostly empty (inherit, or carve from the pool), sometimes anything.
fn cidrs() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![8 => Just(Vec::new()), 1 => prop::collection::vec(cidr(), 1..3)]
}

fn pool() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![6 => Just(vec!["10.0.0.0/8".to_string()]), 1 => Just(vec!["10.1.0.0/24".to_string()]), 1 => cidrs()]
}

fn se_spec() -> impl Strategy<Value = SeGroupSpec> {
    (
        prop::option::of(prop::sample::select(HaMode::ALL.to_vec())),
        prop::option::of(small()),
        prop::option::of(small()),
        prop::option::of(prop_oneof![Just(0u32), Just(1), Just(9), Just(10), Just(u32::MAX)]),
        prop::option::of(prop_oneof![Just(0u32), Just(1), Just(10), Just(1000), Just(u32::MAX)]),
        prop::option::of(prop_oneof![Just(0u32), Just(1), Just(10), Just(100), Just(u32::MAX)]),
        prop::option::of(prop::sample::select(Placement::ALL.to_vec())),
        prop::option::of(prop_oneof![Just(0u32), Just(2), Just(8), Just(u32::MAX)]),
    )
        .prop_map(|(ha, s, m, nics, max_vs, max_se, placement, mem)| SeGroupSpec {
            ha_mode: ha,
            scale_factor: s,
            buffer_ses: m,
            data_nics_per_se: nics,
            max_vs_per_se: max_vs,
            max_se,
            memory_gb_per_se: mem,
            placement,
            ..Default::default()
        })
}

fn group() -> impl Strategy<Value = NamespaceGroup> {
    (
        prop_oneof![9 => "[a-z]{1,6}", 1 => "[a-z<&\" ]{0,6}"],
        count(),
        small(),
        prop_oneof![6 => Just(1u32), 1 => Just(2), 6 => Just(3)],
        small(),
        small(),
        (prop::option::of(any::<bool>()), prop::sample::select(T0Mode::ALL.to_vec())),
        (cidrs(), cidrs(), cidrs()),
        prop::option::of(prop_oneof![Just(0u8), Just(28), Just(29), Just(32), Just(255)]),
    )
        .prop_map(|(name, count, clusters, cp, lb, pods, (nat, t0), (ing, egr, nsn), prefix)| {
            let mut g = NamespaceGroup::new(&name, count);
            g.tkg_clusters = clusters;
            g.control_plane_nodes = cp;
            g.lb_services_per_cluster = lb;
            g.vsphere_pods = pods;
            g.nat = nat;
            g.t0 = t0;
            g.ingress_cidr = ing;
            g.egress_cidr = egr;
            g.namespace_network = nsn;
            g.namespace_subnet_prefix = prefix;
            g
        })
}

fn supervisor() -> impl Strategy<Value = Supervisor> {
    (
        prop_oneof![12 => "[a-z]{1,4}", 1 => Just(String::new())],
        any::<bool>(),
        prop_oneof![24 => Just(1u32), 12 => Just(3), 1 => Just(0), 1 => Just(2)],
        prop_oneof![5 => Just(false), 1 => Just(true)],
        small(),
        (pool(), cidrs(), cidrs(), cidrs()),
        prop_oneof![4 => Just(None), 1 => cidr().prop_map(Some)],
        prop_oneof![12 => Just(None), 1 => prop_oneof![Just("10.9.9.9".to_string()), Just("255.255.255.254".to_string()), Just("x".to_string())].prop_map(Some)],
        prop::collection::vec(group(), 0..3),
    )
        .prop_map(|(name, nat, zones, survive, svs, (pool, ing, egr, nsn), svc, mgmt, groups)| {
            let mut s = Supervisor::new(&name);
            s.nat = nat;
            s.zones = zones;
            s.survive_zone_loss = survive && (zones == 3 || name.len() == 1);
            s.supervisor_virtual_services = svs;
            s.networks.address_pool = pool;
            s.networks.ingress_cidr = ing;
            s.networks.egress_cidr = egr;
            s.networks.namespace_network = nsn;
            s.networks.service_cidr = svc;
            s.networks.management_start = mgmt;
            s.namespaces = groups;
            s
        })
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (prop::sample::select(Topology::ALL.to_vec()), prop_oneof![3 => Just(SeGroupSpec::default()), 1 => se_spec()], prop_oneof![1 => Just(0usize..1), 12 => Just(1usize..4)].prop_flat_map(|n| prop::collection::vec(supervisor(), n)), any::<bool>())
        .prop_map(|(topology, se_group, mut supervisors, keep_topology)| {
            let topology = if supervisors.len() > 1 && topology == Topology::Single && !keep_topology {
                Topology::SharedTransportZone
            } else {
                topology
            };
            // Mostly unique names (a repeat is tested once in a while by the empty case).
            for (i, s) in supervisors.iter_mut().enumerate() {
                if !s.name.is_empty() {
                    s.name = format!("{}{i}", s.name);
                }
                for (j, g) in s.namespaces.iter_mut().enumerate() {
                    g.name = format!("{}{j}", g.name);
                }
            }
            Scenario { topology, se_group, supervisors, ..Scenario::default() }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 384, ..ProptestConfig::default() })]

    #[test]
    fn any_scenario_plans_or_names_its_errors(s in scenario()) {
        match plan_scenario(&s) {
            Ok(plan) => {
                prop_assert_eq!(plan.supervisors.len(), s.supervisors.len());
                for sp in &plan.supervisors {
                    let se = &sp.se.service_engines;
                    // Legacy Active/Standby beyond its pair carries less than the load needs.
                    let reached = se.pair.as_ref().map_or(se.carrying_load, |pair| pair.needed);
                    prop_assert!(reached >= se.lower_bound);
                    prop_assert_eq!(se.placement.len() as u32, se.total);
                }
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                for e in &errors {
                    prop_assert!(!e.path.is_empty(), "error without a field: {}", e);
                    prop_assert!(!e.to_string().is_empty());
                }
            }
        }
        // Whatever the scenario, its share link and JSON round-trip.
        prop_assert_eq!(link::decode(&link::encode(&s)).unwrap(), s.clone());
        prop_assert_eq!(Scenario::from_json(&s.to_json()).unwrap(), s);
    }

    #[test]
    fn any_json_text_is_read_or_refused(text in "[{}\\[\\]\":,0-9a-z_ .-]{0,80}") {
        let _ = Scenario::from_json(&text);
    }

    #[test]
    fn any_link_is_read_or_refused(code in "(#s=)?(v1\\.)?[A-Za-z0-9_\\-]{0,120}") {
        if let Err(e) = link::decode(&code) {
            prop_assert!(!e.to_string().is_empty());
        }
    }
}
