//! The worked examples of PLATFORMS.md §4 (VDS with Avi) and of the research note
//! on the Foundation Load Balancer, through validation, SE sizing and this module.

use super::*;
use crate::design::validate;
use crate::error::{Problem, WarningKind};
use crate::scenario::{AviLicence, FlbAvailability, NamespaceGroup, PlatformKind, RangeSpec, Scenario, Supervisor, WorkloadNetworkSpec};
use crate::sizing::size_supervisor;

/// §4's scenario: namespace A on the primary `wl-1` (2 clusters of 3 CP + 3
/// workers), namespace B on `wl-2` (1 CP + 2 workers), 10 LoadBalancer Services (A's,
/// 5 per cluster); N+M, s = 1, M = 1, 10 VS per SE, routed.
pub(crate) fn section4() -> Scenario {
    let mut sup = Supervisor::new("vds-1");
    sup.platform = PlatformKind::Vds;
    sup.vds.workload_networks = vec![WorkloadNetworkSpec::new("wl-1"), WorkloadNetworkSpec::new("wl-2")];
    let mut a = NamespaceGroup::new("a", 1);
    a.tkg_clusters = 2;
    a.lb_services_per_cluster = 5;
    let mut b = NamespaceGroup::new("b", 1);
    b.tkg_clusters = 1;
    b.control_plane_nodes = 1;
    b.worker_nodes = 2;
    b.workload_network = Some("wl-2".into());
    sup.namespaces = vec![a, b];
    Scenario { supervisors: vec![sup], ..Scenario::default() }
}

fn run(s: &Scenario) -> (SePlan, VdsPlan, Vec<FieldError>, Vec<Warning>) {
    let d = validate(s).unwrap_or_else(|e| panic!("{}", crate::error::render_all(&e)));
    let sup = &d.supervisors[0];
    let (se, _) = size_supervisor(sup, &Vds, "supervisors[0]", &d.capacity);
    let (plan, errors, warnings) = plan(sup, sup.vds.as_ref().unwrap(), 0, &se);
    (se, plan, errors, warnings)
}

fn range(address: &str, count: u32) -> RangeSpec {
    RangeSpec { address: address.into(), count }
}

#[test]
fn section4_avi_routed_three_ses_of_one_data_nic_and_a_27_pool() {
    let (se, plan, _, _) = run(&section4());
    assert_eq!(se.load.virtual_services, 14, "1 + 3 + 10");
    let e = &se.service_engines;
    assert_eq!((e.carrying_load, e.buffer, e.total), (2, 1, 3));
    assert!(e.placement.iter().all(|p| p.interfaces_used <= 1), "one data NIC each");
    assert_eq!(e.placement.iter().filter(|p| p.interfaces_used == 1).count(), 2);
    assert_eq!(plan.avi.max_data_nics, 1);
    let pool = &plan.avi.data_network;
    assert_eq!((pool.addresses, pool.prefix), (17, 27), "14 VIPs + 3 SEs, a /27 (29 usable) before headroom");
    assert_eq!(usable(27), 29);
    let wl: Vec<(u64, u8)> = plan.workload_networks.iter().map(|w| (w.avi.addresses, w.avi.prefix)).collect();
    assert_eq!(wl, vec![(17, 27), (4, 29)], "wl-1 = 3 + 2 x 7; wl-2 = 1 + 2 + 1");
}

#[test]
fn section4_essentials_is_an_error_until_max_vs_holds_the_load() {
    let mut s = section4();
    s.supervisors[0].vds.licence = Some(AviLicence::Essentials);
    let errors = validate(&s).unwrap_err();
    let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        text,
        ["se_group.max_vs_per_se: 14 VS on an A/S pair exceed max_vs_per_se 10: raise it to ≥14 or use Enterprise \
          (supervisors[0].vds.licence), got 10"]
    );
    s.se_group.max_vs_per_se = Some(14);
    let (se, plan, _, _) = run(&s);
    assert_eq!(se.settings.ha_mode, crate::scenario::HaMode::ActiveStandby, "Essentials defaults to Legacy A/S");
    assert_eq!((se.service_engines.total, plan.avi.data_network.addresses), (2, 16));
    // Another HA mode under Essentials names both fields.
    s.se_group.ha_mode = Some(crate::scenario::HaMode::NPlusM);
    let e = validate(&s).unwrap_err();
    assert_eq!(e[0].path, "se_group.ha_mode");
    assert!(matches!(&e[0].problem, Problem::Conflict { other, .. } if other == "supervisors[0].vds.licence"), "{e:?}");
}

#[test]
fn section4_flb_beside_avi() {
    let mut s = section4();
    s.supervisors[0].vds.edge = Some(EdgeProvider::Foundation);
    let (_, plan, _, _) = run(&s);
    let f = &plan.flb;
    assert_eq!((f.appliances, f.vcpus, f.memory_gb, f.disk_gb), (2, 4, 8, 16));
    assert_eq!((f.vips, f.vip_range.addresses), (14, 14));
    let wl1 = &plan.workload_networks[0].flb;
    assert_eq!((wl1.addresses, wl1.subnet_addresses, wl1.prefix), (19, 33, 26), "3 + 14 + 2 FLB nodes, + 14 VIPs in the subnet");
    assert_eq!(plan.management.flb.addresses, 7);
    assert_eq!((plan.workload_networks[1].flb.addresses, plan.workload_networks[1].flb.prefix), (4, 29));
    // Avi beside it, unchanged: wl-1 17 (/27), the pool 17.
    assert_eq!((plan.workload_networks[0].avi.addresses, plan.avi.data_network.addresses), (17, 17));

    s.supervisors[0].vds.flb.availability = Some(FlbAvailability::SingleNode);
    let (_, plan, _, warnings) = run(&s);
    let f = &plan.flb;
    assert_eq!((f.appliances, f.vcpus, f.memory_gb, f.disk_gb), (1, 2, 4, 8));
    assert_eq!((plan.workload_networks[0].flb.subnet_addresses, plan.workload_networks[0].flb.prefix), (32, 26));
    assert_eq!(plan.management.flb.addresses, 6);
    assert!(warnings.iter().any(|w| w.path.ends_with("flb.availability")), "{warnings:?}");

    s.supervisors[0].vds.flb.availability = None;
    s.supervisors[0].vds.flb.topology = Some(FlbTopology::ThreeNic);
    let (_, plan, _, _) = run(&s);
    let f = &plan.flb;
    let (m, fe) = (f.management_network.as_ref().unwrap(), f.frontend_network.as_ref().unwrap());
    assert_eq!(m.addresses, 2);
    assert_eq!((fe.subnet_addresses, fe.prefix), (16, 27), "2 nodes + 14 VIPs; a /28 gives 13");
    let wl1 = &plan.workload_networks[0].flb;
    assert_eq!((wl1.subnet_addresses, wl1.prefix), (19, 27));
    assert_eq!(plan.management.flb.addresses, 5);
}

#[test]
fn missing_and_short_ranges_are_errors_of_the_enabled_edge_only() {
    let (_, _, errors, _) = run(&section4());
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        ["supervisors[0].vds.workload_networks[0].ranges", "supervisors[0].vds.workload_networks[1].ranges", "supervisors[0].vds.data_network.ranges"]
    );
    assert!(errors[2].to_string().contains("no ranges given for the Avi data network: it needs 17 addresses"), "{}", errors[2]);
    let mut s = section4();
    let v = &mut s.supervisors[0].vds;
    v.workload_networks[0].subnet = Some("10.10.1.0/24".into());
    v.workload_networks[0].ranges = vec![range("10.10.1.10", 16)];
    v.workload_networks[1].ranges = vec![range("10.10.2.10", 20)];
    v.data_network.subnet = Some("10.10.3.0/27".into());
    v.data_network.ranges = vec![range("10.10.3.2", 25)];
    let (_, _, errors, warnings) = run(&s);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        errors[0].to_string(),
        "supervisors[0].vds.workload_networks[0].ranges: 10.10.1.10-10.10.1.25 has 16 addresses for the workload network wl-1 but 17 are needed (1 more)"
    );
    assert!(warnings.iter().any(|w| w.path == "supervisors[0].vds.data_network.ranges"), "25 hold 17 but not 26 with growth: {warnings:?}");
    // The FLB is only compared here: no VIP range is not an error.
    assert!(!errors.iter().any(|e| e.path.contains("flb")));
}

#[test]
fn overlaps_name_both_ranges() {
    let mut s = section4();
    let v = &mut s.supervisors[0].vds;
    v.workload_networks[0].ranges = vec![range("10.96.0.10", 20)];
    v.workload_networks[1].ranges = vec![range("10.20.0.10", 20)];
    v.data_network.ranges = vec![range("10.20.0.25", 30)];
    let (_, _, errors, _) = run(&s);
    let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert!(text.contains(&"supervisors[0].vds.workload_networks[0].ranges[0]: 10.96.0.10-10.96.0.29 overlaps supervisors[0].networks.service_cidr (10.96.0.0/23 (default))".to_string()), "{text:#?}");
    assert!(text.contains(&"supervisors[0].vds.data_network.ranges[0]: 10.20.0.25-10.20.0.54 overlaps supervisors[0].vds.workload_networks[1].ranges[0] (10.20.0.10-10.20.0.29)".to_string()), "{text:#?}");
}

#[test]
fn which_platform_goes_with_which_input_is_validated_naming_both_fields() {
    use crate::scenario::{DnsSeGroup, T0Mode, VsphereVersion};
    let first = |f: &dyn Fn(&mut Scenario)| {
        let mut s = section4();
        f(&mut s);
        validate(&s).unwrap_err().into_iter().map(|e| e.to_string()).collect::<Vec<_>>()
    };
    type Case = (Box<dyn Fn(&mut Scenario)>, &'static str);
    let cases: Vec<Case> = vec![
        (Box::new(|s| s.supervisors[0].platform = PlatformKind::NsxAvi),
         "supervisors[0].vds: VDS settings are only used with platform vds (supervisors[0].platform), got {…}"),
        (Box::new(|s| s.supervisors[0].networks.ingress_cidr = vec!["10.1.0.0/24".into()]),
         "supervisors[0].networks.ingress_cidr: NSX networks do not exist on VDS: give the workload networks and the Avi data network under vds (supervisors[0].platform), got 10.1.0.0/24"),
        (Box::new(|s| s.supervisors[0].namespaces[0].t0 = T0Mode::Dedicated),
         "supervisors[0].namespaces[0].t0: T0 gateways are NSX objects (supervisors[0].platform), got dedicated"),
        (Box::new(|s| s.supervisors[0].namespaces[1].workload_network = Some("wl-9".into())),
         "supervisors[0].namespaces[1].workload_network: must be one of the workload networks (wl-1, wl-2), got wl-9"),
        (Box::new(|s| {
            s.supervisors[0].vds.edge = Some(EdgeProvider::Foundation);
            s.supervisors[0].vds.vsphere_version = Some(VsphereVersion::V8_0);
        }),
         "supervisors[0].vds.edge: the vSphere Foundation Load Balancer needs vSphere 9.0 or later, not 8.0 (supervisors[0].vds.vsphere_version), got foundation"),
        (Box::new(|s| {
            s.supervisors[0].vds.control_plane_vms = Some(1);
            s.supervisors[0].vds.vsphere_version = Some(VsphereVersion::V8_0);
        }),
         "supervisors[0].vds.control_plane_vms: a one-VM Supervisor control plane needs vSphere 9.0 or later, not 8.0 (supervisors[0].vds.vsphere_version), got 1"),
        (Box::new(|s| s.supervisors[0].vds.control_plane_vms = Some(2)),
         "supervisors[0].vds.control_plane_vms: must be one of 1 or 3, got 2"),
        (Box::new(|s| {
            s.supervisors[0].vds.workload_networks[0].subnet = Some("10.1.1.0/24".into());
            s.supervisors[0].vds.workload_networks[0].ranges = vec![range("10.1.1.250", 10)];
        }),
         "supervisors[0].vds.workload_networks[0].ranges[0]: the range is not inside the subnet 10.1.1.0/24 (supervisors[0].vds.workload_networks[0].subnet), got 10.1.1.250-10.1.2.3"),
        (Box::new(|s| s.supervisors[0].vds.data_network.ranges = vec![range("255.255.255.250", 10)]),
         "supervisors[0].vds.data_network.ranges[0].address: 255.255.255.250 leaves no room for 10 consecutive addresses: start at 255.255.255.246 or lower"),
        (Box::new(|s| s.supervisors[0].vds.flb.frontend_network.subnet = Some("10.2.0.0/24".into())),
         "supervisors[0].vds.flb.frontend_network: the FLB's own port groups are used with the three_nic topology only (supervisors[0].vds.flb.topology), got {…}"),
        (Box::new(|s| {
            s.supervisors[0].vds.edge = Some(EdgeProvider::Foundation);
            s.dns_se_group = Some(DnsSeGroup { virtual_services: 1, ..Default::default() });
        }),
         "dns_se_group: the Avi DNS SE group needs an Avi controller cluster, and every Supervisor here uses the Foundation Load Balancer (supervisors[0].vds.edge), got {…}"),
    ];
    for (f, want) in cases {
        let got = first(&*f);
        assert!(got.iter().any(|e| e == want), "{want}\n{got:#?}");
    }
}

#[test]
fn the_topology_counts_no_nsx_for_vds_and_no_avi_for_the_flb() {
    use crate::scenario::Topology;
    let mut s = section4();
    let nsx = Scenario::default().supervisors[0].clone();
    s.supervisors.push(nsx);
    s.topology = Topology::MultiNsx;
    let d = validate(&s).unwrap();
    let p = crate::plan::plan(&d);
    let t = &p.topology;
    assert_eq!((t.nsx_managers, t.nsx_clouds, t.vcenter_clouds, t.controller_clusters.len()), (1, 1, 1, 2));
    s.supervisors[0].vds.edge = Some(EdgeProvider::Foundation);
    let p = crate::plan::plan(&validate(&s).unwrap());
    let t = &p.topology;
    assert_eq!((t.nsx_managers, t.vcenter_clouds, t.controller_clusters.len()), (1, 0, 1));
    assert_eq!(t.controller_clusters[0].supervisors, ["supervisor-1"]);
    let f = t.foundation_lbs.unwrap();
    assert_eq!((f.supervisors, f.appliances, f.vcpus), (1, 2, 4));
    // The FLB Supervisor's SE group is only compared: its SE warnings are not the design's.
    assert!(p.supervisors[0].warnings.iter().all(|w| w.kind == crate::error::WarningKind::FoundationLb || w.kind == crate::error::WarningKind::LowHeadroom));
}

#[test]
fn attached_ses_beyond_eight_workload_networks_warn() {
    let mut s = section4();
    let sup = &mut s.supervisors[0];
    sup.vds.se_attachment = Some(crate::scenario::SeAttachment::Attached);
    sup.vds.workload_networks = (1..=10).map(|k| WorkloadNetworkSpec::new(&format!("wl-{k}"))).collect();
    sup.namespaces = (2..=10)
        .map(|k| {
            let mut g = NamespaceGroup::new(&format!("ns{k}"), 1);
            g.tkg_clusters = 1;
            g.workload_network = Some(format!("wl-{k}"));
            g
        })
        .collect();
    s.se_group.max_se = Some(100);
    let d = validate(&s).unwrap();
    let (se, warnings) = size_supervisor(&d.supervisors[0], &Vds, "supervisors[0]", &d.capacity);
    let w: Vec<&Warning> = warnings.iter().filter(|w| w.kind == WarningKind::AttachedNetworks).collect();
    assert_eq!(w.len(), 1, "{warnings:?}");
    assert_eq!(w[0].path, "supervisors[0].vds.se_attachment");
    assert!(w[0].message.starts_with("With attached SEs, 10 workload networks are behind the virtual services"), "{}", w[0].message);
    // 1 VIP + 8 workload networks fill an SE's 9 data NICs: the 9th network needs another SE.
    assert!(se.service_engines.placement.iter().all(|p| p.interfaces_used <= 9));
    assert_eq!(se.service_engines.placement.iter().filter(|p| p.interfaces_used == 9).count(), 1);
    // Routed, the same load takes one data NIC per SE and no warning.
    s.supervisors[0].vds.se_attachment = None;
    let d = validate(&s).unwrap();
    let (_, warnings) = size_supervisor(&d.supervisors[0], &Vds, "supervisors[0]", &d.capacity);
    assert!(warnings.iter().all(|w| w.kind != WarningKind::AttachedNetworks));
}

#[test]
fn the_flb_warns_about_zones_l7_capacity_and_upgrades() {
    let mut s = section4();
    let sup = &mut s.supervisors[0];
    sup.vds.edge = Some(EdgeProvider::Foundation);
    sup.zones = 3;
    sup.namespaces[0].ingress_vs_per_cluster = 2;
    let (_, plan, _, warnings) = run(&s);
    let paths: Vec<&str> = warnings.iter().filter(|w| w.kind == WarningKind::FoundationLb).map(|w| w.path.as_str()).collect();
    assert_eq!(paths, ["supervisors[0].zones", "supervisors[0].namespaces", "supervisors[0].vds.flb.max_vips", "supervisors[0].vds.flb.size"]);
    // L7 in 2 clusters: one L4 VIP each for their ingress controllers (14 + 2).
    assert_eq!(plan.flb.vips, 16);
    // A given capacity is checked, not warned about.
    s.supervisors[0].vds.flb.max_vips = Some(10);
    let (_, _, errors, warnings) = run(&s);
    assert!(warnings.iter().all(|w| !w.path.ends_with("max_vips")));
    let e = errors.iter().find(|e| e.path == "supervisors[0].vds.flb.max_vips").unwrap();
    assert_eq!(e.to_string(), "supervisors[0].vds.flb.max_vips: the Foundation Load Balancer would serve 16 VIPs, more than the 10 it holds (supervisors[0].namespaces), got 10");
}

#[test]
fn the_exports_carry_the_vds_tables() {
    let plan = crate::plan::plan_scenario(&crate::presets::vds()).unwrap();
    let names = crate::report::csv::file_names(&plan);
    for want in ["load-balancers-vds-supervisor.csv", "vds-networks-vds-supervisor.csv", "assumptions-vds-supervisor.csv"] {
        assert!(names.iter().any(|n| n == want), "{names:?}");
    }
    let md = crate::report::markdown(&plan);
    assert!(md.contains("| wl-1 | primary workload network: 1 namespace(s), 2 cluster(s) | 40 (10.30.1.10-10.30.1.49) | 17 (26 with growth) | /27 (/27 with growth) |"), "{md}");
    assert!(md.contains("| VIP addresses | data pool 17: 14 VIPs + 3 SE NICs | VIP ranges 14 |"), "{md}");
    let json = crate::report::json(&plan);
    assert!(json.contains("\"platform\": \"vds\"") && json.contains("\"vcenter_clouds\": 1"), "{json}");
}

#[test]
fn vds_lists_keep_the_input_limits() {
    use crate::design::limits::{CIDRS_PER_LIST, CIDRS_PER_SCENARIO};
    // Reading: a list past its limit is refused at the entry past it, at its path.
    let ranges: Vec<String> = (0..=CIDRS_PER_LIST).map(|k| format!(r#"{{"address":"10.0.{k}.1","count":1}}"#)).collect();
    let json = format!(r#"{{"supervisors":[{{"name":"a","platform":"vds","vds":{{"data_network":{{"ranges":[{}]}}}}}}]}}"#, ranges.join(","));
    let e = Scenario::from_json(&json).unwrap_err();
    assert_eq!(e.path, "supervisors[0].vds.data_network.ranges");
    // Validating: the ranges count towards the scenario's networks in all.
    let mut s = section4();
    let v = &mut s.supervisors[0].vds;
    for w in v.workload_networks.iter_mut() {
        w.ranges = (0..CIDRS_PER_LIST as u32).map(|k| range(&format!("10.{}.{k}.1", w.name.len()), 1)).collect();
    }
    v.data_network.ranges = (0..CIDRS_PER_LIST as u32).map(|k| range(&format!("10.50.{k}.1"), 1)).collect();
    v.flb.vip_ranges = (0..CIDRS_PER_LIST as u32).map(|k| range(&format!("10.51.{k}.1"), 1)).collect();
    v.flb.management_network.ranges = vec![range("10.52.0.1", 1)];
    v.flb.topology = Some(FlbTopology::ThreeNic);
    let errors = validate(&s).unwrap_err();
    assert_eq!(errors[0].path, "supervisors");
    assert_eq!(errors[0].problem, Problem::TooLarge { max: CIDRS_PER_SCENARIO }, "{errors:?}");
}

/// "How this is computed" lists the VDS rules for a VDS Supervisor, and not the
/// NSX ones it does not use (T1 per namespace, Ingress/Egress, T0 routes).
#[test]
fn the_method_section_lists_the_vds_rules() {
    use crate::rules::RuleId;
    let plan = crate::plan::plan_scenario(&section4()).unwrap();
    let applied = &plan.rules.applied;
    for id in [RuleId::VdsSeLoad, RuleId::VdsDataPool, RuleId::VdsWorkloadNetworks, RuleId::FlbAppliances, RuleId::FlbAddresses] {
        assert!(applied.contains(&id), "{id:?} missing from {applied:?}");
    }
    for id in [RuleId::SeLoadPerT1, RuleId::NetVipsSnat, RuleId::NetRoutes, RuleId::VdsEssentials] {
        assert!(!applied.contains(&id), "{id:?} in {applied:?}");
    }
    let mut essentials = section4();
    essentials.supervisors[0].vds.licence = Some(AviLicence::Essentials);
    essentials.se_group.max_vs_per_se = Some(14);
    let plan = crate::plan::plan_scenario(&essentials).unwrap();
    assert!(plan.rules.applied.contains(&RuleId::VdsEssentials));
    // Every id the plan lists has its catalogue text.
    for id in &plan.rules.applied {
        assert!(!crate::rules::catalogue::entry(*id).source.is_empty());
    }
}
