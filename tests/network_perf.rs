//! Timing of large network plans. Ignored by default; run with
//! `cargo test --release --test network_perf -- --ignored --nocapture`.
#![cfg(not(target_arch = "wasm32"))]

use std::time::Instant;

use avi_sizer::design::validate;
use avi_sizer::network::plan_supervisor;
use avi_sizer::platform;
use avi_sizer::scenario::{NamespaceGroup, Scenario};

fn scenario(groups: u32, per_group: u32) -> Scenario {
    let mut s = Scenario::default();
    let sup = &mut s.supervisors[0];
    sup.networks.address_pool = vec!["10.0.0.0/8".into()];
    sup.namespaces = (0..groups)
        .map(|i| {
            let mut g = NamespaceGroup::new(&format!("team{i}"), per_group);
            g.tkg_clusters = 1;
            g.lb_services_per_cluster = 2;
            g.vsphere_pods = 20;
            g
        })
        .collect();
    s
}

fn time(groups: u32, per_group: u32) -> f64 {
    let design = validate(&scenario(groups, per_group)).expect("valid");
    let sup = &design.supervisors[0];
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        let (plan, _) = plan_supervisor(sup, platform::of(sup).net.expect("NSX networks"), 0).expect("plans");
        let json = serde_json::to_string(&plan).expect("serializes");
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        assert_eq!(plan.namespaces.len() as u32, groups * per_group);
        assert!(json.len() > 1000);
        best = best.min(ms);
    }
    best
}

#[test]
#[ignore]
fn large_plans_are_fast() {
    let two = time(4, 500);
    let ten = time(10, 1_000);
    println!("network plan + JSON: 2,000 namespaces {two:.1} ms, 10,000 namespaces {ten:.1} ms (best of 5)");
    assert!(ten < 1_000.0);
}

#[test]
fn two_thousand_namespaces_carve_in_debug_too() {
    let design = validate(&scenario(4, 500)).expect("valid");
    let sup = &design.supervisors[0];
    let (plan, _) = plan_supervisor(sup, platform::of(sup).net.expect("NSX networks"), 0).expect("plans");
    // 1 + 2,000 x 3 VIPs = 6,001 (+50% = 9,002: a /18); 2,001 SNAT IPs (3,002: a /20);
    // 16 + 2,000 x (2 + 1) x 16 = 96,016 addresses (144,024: a /14).
    assert_eq!(plan.networks.namespace_network, vec!["10.0.0.0/14".to_string()]);
    assert_eq!(plan.networks.ingress_cidr, vec!["10.4.0.0/18".to_string()]);
    assert_eq!(plan.networks.egress_cidr, vec!["10.4.64.0/20".to_string()]);
    assert_eq!(plan.namespaces[1999].name, "team3-500");
}
