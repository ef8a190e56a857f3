//! PLATFORMS.md §7's worked example and the rules around it.

use super::*;
use crate::plan::plan_scenario;
use crate::scenario::{NamespaceGroup, NsxLbSpec, Scenario, Supervisor};

/// §7: `namespaces` namespaces × (2 TKG clusters + 5 LoadBalancer Services of
/// `ports` ports each), compared with the NSX load balancer at its defaults.
fn example(namespaces: u32, services: u32, ports: u32) -> Scenario {
    let mut sup = Supervisor::new("sv");
    sup.networks.address_pool = vec!["10.0.0.0/14".into()];
    let mut g = NamespaceGroup::new("ns", namespaces);
    g.tkg_clusters = 2;
    g.pod_lb_services = services;
    g.service_ports = ports;
    sup.namespaces.push(g);
    sup.nsx_lb = Some(NsxLbSpec::default());
    Scenario { supervisors: vec![sup], ..Scenario::default() }
}

fn lb(s: &Scenario) -> NsxLbPlan {
    plan_scenario(s).unwrap().supervisors[0].nsx_lb.clone().expect("the comparison was asked for")
}

fn errors(p: &NsxLbPlan) -> Vec<&Finding> {
    p.findings.iter().filter(|f| f.severity == Severity::Error).collect()
}

#[test]
fn ten_namespaces_take_eleven_small_lbs_of_seven_virtual_servers_and_11_of_40_credits() {
    let p = lb(&example(10, 5, 1));
    let rows: Vec<(&str, u64, u64, u64)> = p.instances.iter().map(|r| (r.name.as_str(), r.count, r.virtual_servers, r.credits)).collect();
    assert_eq!(rows, vec![("supervisor", 1, 1, 1), ("ns-001 … ns-010", 10, 7, 1)]);
    assert!(p.instances.iter().all(|r| r.size == NsxLbSize::Small && r.max_virtual_servers == 20));
    assert_eq!((p.load_balancers, p.virtual_servers), (11, 71));
    let e = p.edges;
    assert_eq!((e.nodes, e.size, e.credits_per_edge, e.pairs, e.capacity, e.used), (2, EdgeSize::Large, 40, 1, 40, 11));
    assert_eq!((e.percent, e.usage), (27.5, Usage::Ok));
    assert!(p.fits && p.findings.is_empty(), "{:?}", p.findings);
}

#[test]
fn the_avi_side_of_the_example_is_71_vs_in_11_vrfs_on_9_ses() {
    let plan = plan_scenario(&example(10, 5, 1)).unwrap();
    let a = AviSide::of(&plan.supervisors[0].se);
    assert_eq!((a.virtual_services, a.vrfs, a.carrying_load, a.buffer, a.total, a.service_units), (71, 11, 8, 1, 9, 9));
    assert_eq!(a.binding, Binding::VirtualServices);
}

#[test]
fn thirty_one_namespaces_reach_80_percent_and_warn() {
    let p = lb(&example(31, 5, 1));
    assert_eq!((p.load_balancers, p.edges.used, p.edges.capacity, p.edges.percent, p.edges.usage), (32, 32, 40, 80.0, Usage::Warning));
    let w: Vec<&Finding> = p.findings.iter().filter(|f| f.severity == Severity::Warning).collect();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].path, "supervisors[0].nsx_lb.edge_nodes");
    assert!(w[0].message.starts_with("32 of 40 load balancer credits on 2 LARGE edges (80 %)"), "{}", w[0].message);
    assert!(p.fits);
    // One namespace fewer stays below the threshold.
    assert_eq!(lb(&example(30, 5, 1)).edges.usage, Usage::Ok);
}

#[test]
fn forty_namespaces_exceed_the_pair_and_the_fix_is_an_edge_pair_or_xl_edges() {
    let p = lb(&example(40, 5, 1));
    assert_eq!((p.load_balancers, p.edges.used, p.edges.usage), (41, 41, Usage::Error));
    let e = errors(&p);
    assert_eq!(e.len(), 1);
    assert!(e[0].message.starts_with("41 load balancer credits exceed the 40 of 2 LARGE edges"), "{}", e[0].message);
    let fix = e[0].fix.as_deref().unwrap();
    assert!(fix.starts_with("add an edge pair or use XL edges"), "{fix}");
    assert!(fix.contains("4 LARGE edges give 80") && fix.contains("2 XLARGE edges 80"), "{fix}");
    assert!(!p.fits);
}

#[test]
fn virtual_servers_count_per_service_port() {
    // Two-port Services: 2 + 5 x 2 = 12 per namespace, where Avi still counts 7.
    let plan = plan_scenario(&example(10, 5, 2)).unwrap();
    let sp = &plan.supervisors[0];
    let p = sp.nsx_lb.as_ref().unwrap();
    assert_eq!(p.instances[1].virtual_servers, 12);
    assert_eq!(p.virtual_servers, 1 + 10 * 12);
    assert_eq!(sp.se.load.virtual_services, 71);
    assert!(p.fits);
    // Ten such Services: 22 > 20, an error for that namespace group.
    let p = lb(&example(10, 10, 2));
    assert_eq!(p.instances[1].virtual_servers, 22);
    let e = errors(&p);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].path, "supervisors[0].namespaces[0]");
    assert!(e[0].message.contains("22 virtual servers per load balancer exceed the 20 of a SMALL load balancer"), "{}", e[0].message);
    assert!(e[0].fix.as_deref().unwrap().starts_with("give them a MEDIUM load balancer (100 virtual servers, 10 edge credits each)"));
}

#[test]
fn the_small_limit_and_a_bigger_size_are_inputs() {
    let mut s = example(10, 5, 2);
    s.supervisors[0].nsx_lb = Some(NsxLbSpec { small_max_vs: Some(10), ..NsxLbSpec::default() });
    // 12 > 10 with the oldest NSX versions' SMALL.
    assert_eq!(errors(&lb(&s)).len(), 1);
    s.supervisors[0].nsx_lb = Some(NsxLbSpec { size: Some(NsxLbSize::Medium), ..NsxLbSpec::default() });
    let p = lb(&s);
    // 11 MEDIUM load balancers take 110 credits: the size fixes the limit and breaks the edges.
    assert_eq!((p.edges.used, p.edges.usage), (110, Usage::Error));
    assert!(p.instances.iter().all(|r| !r.over()));
}

#[test]
fn edges_below_two_large_nodes_are_an_error_and_odd_counts_a_note() {
    let mut s = example(2, 1, 1);
    s.supervisors[0].nsx_lb = Some(NsxLbSpec { edge_nodes: Some(1), ..NsxLbSpec::default() });
    let p = lb(&s);
    assert_eq!((p.edges.pairs, p.edges.capacity), (0, 0));
    let e = errors(&p);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].message.contains("at least 2 edge nodes of size Large"), "{}", e[0].message);
    s.supervisors[0].nsx_lb = Some(NsxLbSpec { edge_size: Some(EdgeSize::Medium), ..NsxLbSpec::default() });
    assert_eq!(errors(&lb(&s))[0].path, "supervisors[0].nsx_lb.edge_size");
    s.supervisors[0].nsx_lb = Some(NsxLbSpec { edge_nodes: Some(3), ..NsxLbSpec::default() });
    let p = lb(&s);
    assert_eq!((p.edges.pairs, p.edges.capacity), (1, 40));
    assert!(p.findings.iter().any(|f| f.severity == Severity::Note && f.message.contains("1 pair(s) give capacity")));
    s.supervisors[0].nsx_lb = Some(NsxLbSpec { edge_nodes: Some(12), ..NsxLbSpec::default() });
    assert!(lb(&s).findings.iter().any(|f| f.severity == Severity::Warning && f.message.contains("an edge cluster holds 10")));
}

#[test]
fn l7_clusters_take_one_l4_virtual_server_each_and_say_why() {
    let mut s = example(1, 0, 1);
    s.supervisors[0].namespaces[0].ingress_vs_per_cluster = 3;
    let plan = plan_scenario(&s).unwrap();
    let p = plan.supervisors[0].nsx_lb.as_ref().unwrap();
    // 2 API servers + 2 in-cluster ingress controllers; Avi counts 2 + 2 x 3 L7 VSes.
    assert_eq!((p.instances[1].virtual_servers, p.l7_clusters), (4, 2));
    assert_eq!(plan.supervisors[0].se.load.virtual_services, 1 + 8);
    assert!(p.findings.iter().any(|f| f.severity == Severity::Warning && f.message.contains("L4 for TKG clusters")));
    assert!(plan.rules.applied.contains(&crate::rules::RuleId::NsxLbL4Only));
}

#[test]
fn the_status_is_stated_per_release_never_a_blanket_deprecated() {
    let p = lb(&example(1, 0, 1));
    let by = |release: &str| p.status.iter().find(|r| r.release.starts_with(release)).map(|r| r.status).unwrap();
    assert!(by("NSX 4.x").contains("deprecated"));
    assert!(by("vSphere 9.0").contains("NSX_LB is a current edge provider"));
    assert!(!by("NSX 9.x").contains("are all deprecated"));
}

#[test]
fn the_comparison_is_in_the_plan_only_when_asked_and_never_on_vds() {
    let mut s = example(2, 1, 1);
    s.supervisors[0].nsx_lb = None;
    let plan = plan_scenario(&s).unwrap();
    assert!(plan.supervisors[0].nsx_lb.is_none());
    // Asked or not, the engine can compute it (what `sizer compare-lb` prints).
    let design = crate::design::validate(&s).unwrap();
    assert_eq!(compare(&design.supervisors[0], 0).unwrap().load_balancers, 3);
    let vds = crate::design::validate(&crate::presets::find("vds").unwrap().scenario).unwrap();
    assert!(compare(&vds.supervisors[0], 0).is_none());
}

#[test]
fn supervisor_services_take_a_load_balancer_each() {
    let mut s = example(2, 1, 1);
    s.supervisors[0].supervisor_services = 3;
    let p = lb(&s);
    assert_eq!(p.instances[1].kind, LbKind::SupervisorService);
    assert_eq!((p.load_balancers, p.edges.used), (6, 6));
}

#[test]
fn the_inputs_are_checked_at_their_fields() {
    use crate::design::validate;
    let first = |f: &dyn Fn(&mut Scenario)| {
        let mut s = example(1, 1, 1);
        f(&mut s);
        validate(&s).unwrap_err()[0].to_string()
    };
    assert_eq!(first(&|s| s.supervisors[0].namespaces[0].service_ports = 0), "supervisors[0].namespaces[0].service_ports: must be at least 1, got 0");
    assert_eq!(first(&|s| s.supervisors[0].nsx_lb.as_mut().unwrap().small_max_vs = Some(9)), "supervisors[0].nsx_lb.small_max_vs: must be at least 10, got 9");
    assert_eq!(first(&|s| s.supervisors[0].nsx_lb.as_mut().unwrap().edge_nodes = Some(0)), "supervisors[0].nsx_lb.edge_nodes: must be at least 1, got 0");
    // No NSX on VDS: the comparison and ports per Service name the platform.
    let mut vds = crate::presets::find("vds").unwrap().scenario;
    vds.supervisors[0].nsx_lb = Some(NsxLbSpec::default());
    vds.supervisors[0].namespaces[0].service_ports = 2;
    let e = validate(&vds).unwrap_err();
    let paths: Vec<&str> = e.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["supervisors[0].namespaces[0].service_ports", "supervisors[0].nsx_lb"]);
    assert!(e[1].to_string().contains("a VDS Supervisor has none (supervisors[0].platform)"), "{}", e[1]);
    // Switching to VDS clears them.
    let mut s = example(1, 1, 2);
    s.supervisors[0].set_platform(crate::scenario::PlatformKind::Vds);
    assert!(s.supervisors[0].nsx_lb.is_none() && s.supervisors[0].namespaces[0].service_ports == 1);
}
