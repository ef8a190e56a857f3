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

/// A range as typed: mostly sane, sometimes a bad address, zero, or a count that runs
/// past the address space.
fn range() -> impl Strategy<Value = avi_sizer::scenario::RangeSpec> {
    let address = prop_oneof![
        6 => Just("10.30.1.10".to_string()),
        2 => Just("10.96.0.5".to_string()),
        1 => Just("255.255.255.250".to_string()),
        1 => Just("fd00::1".to_string()),
        1 => "[0-9.a-z]{0,16}",
    ];
    let count = prop_oneof![8 => 1u32..64, 1 => Just(0u32), 1 => Just(u32::MAX), 1 => Just(1 << 24)];
    (address, count).prop_map(|(address, count)| avi_sizer::scenario::RangeSpec { address, count })
}

fn ranges() -> impl Strategy<Value = Vec<avi_sizer::scenario::RangeSpec>> {
    prop_oneof![2 => Just(Vec::new()), 3 => prop::collection::vec(range(), 1..3)]
}

fn vds_supervisor() -> impl Strategy<Value = Supervisor> {
    use avi_sizer::scenario::{AviLicence, EdgeProvider, FlbTopology, PlatformKind, SeAttachment, VsphereVersion, WorkloadNetworkSpec};
    (
        supervisor(),
        prop::sample::select(EdgeProvider::ALL.to_vec()),
        prop::sample::select(VsphereVersion::ALL.to_vec()),
        prop::sample::select(vec![None, Some(1u32), Some(3), Some(2)]),
        prop::sample::select(AviLicence::ALL.to_vec()),
        prop::sample::select(SeAttachment::ALL.to_vec()),
        prop::sample::select(FlbTopology::ALL.to_vec()),
        prop::collection::vec((prop_oneof![4 => Just(None), 1 => cidr().prop_map(Some)], ranges()), 0..4),
        (ranges(), ranges(), ranges(), prop_oneof![3 => Just(None), 1 => cidr().prop_map(Some)]),
        any::<bool>(),
    )
        .prop_map(|(mut s, edge, version, cp, licence, attachment, topology, nets, (data, vips, own, subnet), clean)| {
            // Mostly a clean switch (the NSX inputs cleared), sometimes not (refused, by name).
            if clean {
                s.set_platform(PlatformKind::Vds);
            } else {
                s.platform = PlatformKind::Vds;
            }
            let v = &mut s.vds;
            v.edge = Some(edge);
            v.vsphere_version = Some(version);
            v.control_plane_vms = cp;
            v.licence = Some(licence);
            v.se_attachment = Some(attachment);
            v.flb.topology = Some(topology);
            v.workload_networks = nets
                .into_iter()
                .enumerate()
                .map(|(k, (subnet, ranges))| WorkloadNetworkSpec { name: format!("wl-{k}"), subnet, ranges })
                .collect();
            v.data_network.ranges = data;
            v.data_network.subnet = subnet.clone();
            v.flb.vip_ranges = vips;
            if topology == FlbTopology::ThreeNic {
                v.flb.frontend_network.ranges = own;
                v.flb.frontend_network.subnet = subnet;
            }
            let n = v.workload_networks.len().max(1);
            for (j, g) in s.namespaces.iter_mut().enumerate() {
                g.workload_network = (j % 2 == 1).then(|| format!("wl-{}", j % n));
            }
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Supervisors on VDS, alone or beside NSX ones, with arbitrary ranges: a plan
    /// whose network errors name their fields, or validation errors that do.
    #[test]
    fn any_vds_scenario_plans_or_names_its_errors(vds in prop::collection::vec(vds_supervisor(), 1..3), nsx in any::<bool>()) {
        let mut supervisors = vds;
        if nsx {
            supervisors.push(Supervisor::new("nsx"));
        }
        for (i, s) in supervisors.iter_mut().enumerate() {
            s.name = format!("s{i}");
            for (j, g) in s.namespaces.iter_mut().enumerate() {
                g.name = format!("g{j}");
            }
        }
        let topology = if supervisors.len() > 1 { Topology::MultiNsx } else { Topology::Single };
        let s = Scenario { topology, supervisors, ..Scenario::default() };
        match plan_scenario(&s) {
            Ok(plan) => {
                for (sp, given) in plan.supervisors.iter().zip(&s.supervisors) {
                    prop_assert_eq!(sp.vds.is_some(), given.platform == avi_sizer::scenario::PlatformKind::Vds);
                    for e in &sp.network.errors {
                        prop_assert!(e.path.starts_with("supervisors["), "network error without a field: {}", e);
                    }
                    let se = &sp.se.service_engines;
                    // An infeasible Legacy A/S design shows the one pair that exists,
                    // which carries less than the load needs.
                    prop_assert!(!se.feasible || se.carrying_load >= se.lower_bound);
                }
                // Every rendering of it works.
                let _ = avi_sizer::report::markdown(&plan);
                for sp in &plan.supervisors {
                    for kind in avi_sizer::report::snippets::Snippet::ALL {
                        let _ = kind.render(sp);
                    }
                }
            }
            Err(errors) => {
                for e in &errors {
                    prop_assert!(!e.path.is_empty(), "error without a field: {}", e);
                }
            }
        }
        prop_assert_eq!(link::decode(&link::encode(&s)).unwrap(), s.clone());
        prop_assert_eq!(Scenario::from_json(&s.to_json()).unwrap(), s);
    }
}

/// Supervisors on NSX VPCs with arbitrary blocks, pre-created VPCs and assumption
/// inputs, and NSX load balancer comparisons with arbitrary inputs, beside NSX ones.
fn vpc_supervisor() -> impl Strategy<Value = Supervisor> {
    use avi_sizer::scenario::{EdgeSize, NsxLbSize, NsxLbSpec, PlatformKind, SharedVpcSpec, VpcSeGroups};
    (
        supervisor(),
        (cidrs(), cidrs(), prop_oneof![3 => Just(vec!["172.16.0.0/16".to_string()]), 1 => cidrs()]),
        prop::collection::vec((prop_oneof![4 => "[a-z]{1,5}", 1 => Just(String::new())], cidrs(), prop::option::of("[a-z ]{0,4}")), 0..3),
        prop::sample::select(VpcSeGroups::ALL.to_vec()),
        (prop::option::of(any::<bool>()), prop::option::of(prop_oneof![Just(0u8), Just(16), Just(28), Just(30)]), prop::option::of(prop_oneof![Just(0u32), Just(3), Just(9)]), prop::option::of(any::<bool>())),
        prop::option::of((prop::option::of(prop::sample::select(NsxLbSize::ALL.to_vec())), prop::option::of(prop_oneof![Just(5u32), Just(10), Just(20), Just(u32::MAX)]), prop::option::of(prop_oneof![Just(0u32), Just(1), Just(2), Just(3), Just(12), Just(u32::MAX)]), prop::option::of(prop::sample::select(EdgeSize::ALL.to_vec())))),
        (any::<bool>(), prop_oneof![6 => Just(1u32), 1 => Just(0), 1 => Just(2), 1 => Just(u32::MAX)]),
    )
        .prop_map(|(mut s, (ext, tgw, private), vpcs, groups, (suffice, avi, reserved, snat), lb, (clean, ports))| {
            if clean {
                s.set_platform(PlatformKind::NsxVpc);
            } else {
                s.platform = PlatformKind::NsxVpc;
            }
            let v = &mut s.vpc;
            v.external_blocks = ext;
            v.private_tgw_blocks = tgw;
            v.private_cidrs = private;
            v.vpcs = vpcs.into_iter().map(|(name, private_cidrs, project)| SharedVpcSpec { name, project, private_cidrs }).collect();
            v.se_groups = Some(groups);
            (v.inherited_private_cidrs_suffice, v.avi_subnet_prefix, v.reserved_per_subnet, v.snat_per_vpc) = (suffice, avi, reserved, snat);
            let names: Vec<String> = v.vpcs.iter().map(|x| x.name.clone()).collect();
            for (j, g) in s.namespaces.iter_mut().enumerate() {
                g.vpc = (j % 2 == 1).then(|| names.get(j % names.len().max(1)).cloned().unwrap_or_else(|| "missing".into()));
                g.service_ports = ports;
            }
            s.nsx_lb = lb.map(|(size, small_max_vs, edge_nodes, edge_size)| NsxLbSpec { size, small_max_vs, edge_nodes, edge_size });
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_vpc_or_nsx_lb_scenario_plans_or_names_its_errors(vpc in prop::collection::vec(vpc_supervisor(), 1..3), nsx in any::<bool>()) {
        let mut supervisors = vpc;
        if nsx {
            let mut s = Supervisor::new("nsx");
            s.nsx_lb = Some(Default::default());
            supervisors.push(s);
        }
        for (i, s) in supervisors.iter_mut().enumerate() {
            s.name = format!("s{i}");
            for (j, g) in s.namespaces.iter_mut().enumerate() {
                g.name = format!("g{j}");
            }
        }
        let topology = if supervisors.len() > 1 { Topology::MultiNsx } else { Topology::Single };
        let s = Scenario { topology, supervisors, ..Scenario::default() };
        match plan_scenario(&s) {
            Ok(plan) => {
                for (sp, given) in plan.supervisors.iter().zip(&s.supervisors) {
                    prop_assert_eq!(sp.vpc.is_some(), given.platform == avi_sizer::scenario::PlatformKind::NsxVpc);
                    prop_assert_eq!(sp.nsx_lb.is_some(), given.nsx_lb.is_some());
                    for e in &sp.network.errors {
                        prop_assert!(e.path.starts_with("supervisors["), "network error without a field: {}", e);
                    }
                    if let Some(lb) = &sp.nsx_lb {
                        prop_assert_eq!(lb.edges.used, lb.instances.iter().map(|r| r.count * r.credits).sum::<u64>());
                        for f in &lb.findings {
                            prop_assert!(f.path.starts_with("supervisors["), "finding without a field: {:?}", f);
                        }
                    }
                }
                let _ = avi_sizer::report::markdown(&plan);
                let _ = avi_sizer::report::svg::topology_vpc(&plan);
                for sp in &plan.supervisors {
                    for kind in avi_sizer::report::snippets::Snippet::ALL {
                        let _ = kind.render(sp);
                    }
                    for t in avi_sizer::report::tables::supervisor_tables(sp) {
                        let _ = t.csv();
                    }
                }
                let compared = avi_sizer::nsx_lb::plan_compared(&s).unwrap();
                let _ = avi_sizer::report::nsx_lb_markdown(&compared);
            }
            Err(errors) => {
                for e in &errors {
                    prop_assert!(!e.path.is_empty(), "error without a field: {}", e);
                }
            }
        }
        prop_assert_eq!(link::decode(&link::encode(&s)).unwrap(), s.clone());
        prop_assert_eq!(Scenario::from_json(&s.to_json()).unwrap(), s);
    }
}
