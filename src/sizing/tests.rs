//! Acceptance cases: DOMAIN.md's worked examples, every HA mode, every binding
//! constraint, topologies and the zone case, through validation and sizing.

use super::*;
use crate::design::validate;
use crate::error::WarningKind;
use crate::platform::nsx_avi::NsxAvi;
use crate::scenario::{DnsSeGroup, NamespaceGroup, Placement, Scenario, SeGroupSpec, Supervisor};

const NSX: &NsxAvi = &NsxAvi;

/// A scenario of one Supervisor with `namespaces` namespaces of one TKG cluster and
/// `lb` LoadBalancer services each.
fn scenario(namespaces: u32, lb: u32, se: SeGroupSpec) -> Scenario {
    let mut sup = Supervisor::new("sv");
    if namespaces > 0 {
        let mut g = NamespaceGroup::new("ns", namespaces);
        g.tkg_clusters = 1;
        g.lb_services_per_cluster = lb;
        sup.namespaces.push(g);
    }
    Scenario { se_group: se, supervisors: vec![sup], ..Scenario::default() }
}

fn size(s: &Scenario) -> (SePlan, Vec<Warning>) {
    let d = validate(s).unwrap_or_else(|e| panic!("{}", crate::error::render_all(&e)));
    size_supervisor(&d.supervisors[0], NSX, "supervisors[0]", &d.capacity)
}

fn aa(extra: impl FnOnce(&mut SeGroupSpec)) -> SeGroupSpec {
    let mut se = SeGroupSpec { ha_mode: Some(HaMode::ActiveActive), ..Default::default() };
    extra(&mut se);
    se
}

#[test]
fn seed_claim_with_nine_interfaces_and_the_supervisor_counted() {
    // D = 9, Supervisor T1 hosts its API VS: 2 SEs at s = 2 carry the Supervisor + 8
    // namespaces; the 9th namespace brings two more (4), a perfect placement needs 3.
    let eight = size(&scenario(8, 0, aa(|s| s.buffer_ses = Some(0)))).0;
    assert_eq!(eight.service_engines.carrying_load, 2);
    assert_eq!(eight.headroom.namespaces_before_next_se, Some(0));
    let nine = size(&scenario(9, 0, aa(|s| s.buffer_ses = Some(0)))).0;
    assert_eq!(nine.service_engines.carrying_load, 4);
    assert_eq!(nine.service_engines.lower_bound, 3);
    assert_eq!(nine.service_engines.binding, Binding::Interfaces);
    assert_eq!(nine.service_engines.lower_bound_binding, Binding::Interfaces);
    assert_eq!(nine.load.vrfs_with_vs, 10);
    assert_eq!(nine.load.interface_demand, 20);
}

#[test]
fn seed_claim_with_ten_interfaces_and_no_supervisor_vs() {
    // D = 10 and the Supervisor's T1 hosting no VS: 10 namespaces on 2 SEs.
    let mut s = scenario(10, 0, aa(|s| {
        s.buffer_ses = Some(0);
        s.data_nics_per_se = Some(10);
    }));
    s.supervisors[0].supervisor_virtual_services = 0;
    let ten = size(&s).0;
    assert_eq!(ten.service_engines.carrying_load, 2);
    assert_eq!(ten.service_engines.total, 2);
    assert_eq!(ten.headroom.namespaces_before_next_se, Some(0));
    s.supervisors[0].namespaces[0].count = 11;
    assert_eq!(size(&s).0.service_engines.carrying_load, 4);
}

#[test]
fn seed_claim_steps_land_where_the_simulation_says() {
    let plan = size(&scenario(9, 0, aa(|s| s.buffer_ses = Some(0)))).0;
    let today: Vec<(u64, u32)> =
        plan.headroom.steps.iter().filter(|s| !s.projected).map(|s| (s.namespaces, s.carrying_load)).collect();
    assert_eq!(today, vec![(0, 2), (9, 4)]);
    // Projected: the 4 SEs have 2 x 9 + 2 x 9 interfaces minus 20 used = 16 free, 8
    // more namespaces at s = 2, so the 18th namespace brings the next pair.
    let next = plan.headroom.steps.iter().find(|s| s.projected).unwrap();
    assert_eq!((next.namespaces, next.carrying_load), (18, 6));
    assert_eq!(plan.headroom.namespaces_before_next_se, Some(8));
}

#[test]
fn avi_docs_n_plus_m_example() {
    // 20 VSes, 8 per SE, s = 1, M = 1 -> N = 3, total 4.
    let mut s = scenario(0, 0, SeGroupSpec { max_vs_per_se: Some(8), ..Default::default() });
    s.supervisors[0].supervisor_virtual_services = 20;
    let p = size(&s).0;
    assert_eq!(
        (p.service_engines.carrying_load, p.service_engines.buffer, p.service_engines.total),
        (3, 1, 4)
    );
    assert_eq!(p.service_engines.binding, Binding::VirtualServices);
    assert_eq!(p.service_engines.lower_bound, 3);
}

#[test]
fn vsphere_docs_minimum_two_se_vms() {
    // A Supervisor with only its API VS: N + M = 1 + 1 SEs of 1 vCPU / 2 GB.
    let p = size(&scenario(0, 0, SeGroupSpec::default())).0;
    assert_eq!((p.service_engines.carrying_load, p.service_engines.total), (1, 2));
    assert_eq!(p.service_engines.binding, Binding::Minimum);
    assert_eq!((p.resources.vcpus, p.resources.memory_gb, p.resources.disk_gb), (2, 4, 30));
    assert_eq!(p.resources.service_units, 2);
}

#[test]
fn every_ha_mode_on_one_scenario() {
    // Supervisor (1 VS) + 10 namespaces x (1 API + 2 LB) = 31 VSes on 11 VRFs.
    let cases = [
        // (mode, carrying, buffer, total, lower bound, binding, feasible)
        (HaMode::NPlusM, 4, 1, 5, 4, Binding::VirtualServices, true),
        // s = 2: 62 slots need 7 SEs, but the 10th namespace's third VS finds both
        // SEs of the last pair with one slot each and brings a new pair.
        (HaMode::ActiveActive, 8, 1, 9, 7, Binding::VirtualServices, true),
        (HaMode::ActiveStandby, 8, 0, 8, 7, Binding::VirtualServices, false),
    ];
    for (mode, n, m, total, lb, binding, feasible) in cases {
        let p = size(&scenario(10, 2, SeGroupSpec { ha_mode: Some(mode), ..Default::default() })).0;
        let se = &p.service_engines;
        assert_eq!(
            (se.carrying_load, se.buffer, se.total, se.lower_bound, se.binding, se.feasible),
            (n, m, total, lb, binding, feasible),
            "{mode:?}"
        );
        assert_eq!(se.placement.len() as u32, total, "{mode:?}");
    }
}

#[test]
fn active_standby_is_one_pair_or_infeasible() {
    let small = size(&scenario(2, 1, SeGroupSpec { ha_mode: Some(HaMode::ActiveStandby), ..Default::default() })).0;
    assert!(small.service_engines.feasible);
    assert_eq!(small.service_engines.total, 2);
    let roles: Vec<SeRole> = small.service_engines.placement.iter().map(|s| s.role).collect();
    assert_eq!(roles, vec![SeRole::Active, SeRole::Standby]);
    assert_eq!(small.capacity.active_ses, 1);
    // Headroom to infeasibility: 9 interfaces per SE, 3 VRFs used -> 6 more namespaces.
    assert_eq!(small.headroom.namespaces_before_next_se, Some(2));

    let big = size(&scenario(9, 0, SeGroupSpec { ha_mode: Some(HaMode::ActiveStandby), ..Default::default() })).0;
    assert!(!big.service_engines.feasible);
    let why = big.service_engines.infeasible_reason.unwrap();
    assert!(why.contains("Switch to Elastic N+M or Elastic Active/Active"), "{why}");
    assert!(why.contains("needs 4 SEs"), "{why}");
}

#[test]
fn placement_preference_changes_the_answer() {
    // 3 namespaces of 2 VSes at s = 1: compact packs 7 VSes onto 1 SE; distributed
    // spreads over fresh SEs up to max_se = 4.
    let se = |p| SeGroupSpec { placement: Some(p), max_se: Some(4), ..Default::default() };
    let compact = size(&scenario(3, 1, se(Placement::Compact))).0;
    assert_eq!(compact.service_engines.carrying_load, 1);
    let distributed = size(&scenario(3, 1, se(Placement::Distributed))).0;
    assert_eq!(distributed.service_engines.carrying_load, 4);
    assert_eq!(distributed.service_engines.binding, Binding::ScaleOut);
    assert_eq!(distributed.service_engines.lower_bound, 1);
}

#[test]
fn max_se_exceeded_is_a_warning_naming_the_field() {
    let (p, w) = size(&scenario(40, 1, SeGroupSpec::default()));
    assert_eq!(p.service_engines.total, 10);
    assert!(w.iter().all(|w| w.kind != WarningKind::MaxSeExceeded));
    let (p, w) = size(&scenario(60, 1, SeGroupSpec::default()));
    assert_eq!(p.service_engines.total, 14);
    let warn = w.iter().find(|w| w.kind == WarningKind::MaxSeExceeded).unwrap();
    assert_eq!(warn.path, "se_group.max_se");
    assert!(warn.message.contains("raise max_se to at least 14"), "{}", warn.message);
}

#[test]
fn creation_order_cost_is_reported() {
    let (p, w) = size(&scenario(9, 0, aa(|_| {})));
    assert_eq!((p.service_engines.carrying_load, p.service_engines.lower_bound), (4, 3));
    let warn = w.iter().find(|w| w.kind == WarningKind::PlacementAboveLowerBound).unwrap();
    assert!(warn.message.contains("Creation order costs 1 SE"), "{}", warn.message);
    assert!(w.iter().any(|w| w.kind == WarningKind::DfwExclusion));
}

#[test]
fn namespaces_without_virtual_services_take_no_interface() {
    let mut s = scenario(8, 0, aa(|s| s.buffer_ses = Some(0)));
    s.supervisors[0].namespaces.insert(0, NamespaceGroup::new("empty", 50));
    let p = size(&s).0;
    assert_eq!(p.service_engines.carrying_load, 2);
    assert_eq!(p.load.namespaces, 58);
    assert_eq!(p.load.vrfs_with_vs, 9);
}

#[test]
fn zero_virtual_services_need_no_se() {
    let mut s = scenario(0, 0, SeGroupSpec::default());
    s.supervisors[0].supervisor_virtual_services = 0;
    let p = size(&s).0;
    assert_eq!((p.service_engines.carrying_load, p.service_engines.total, p.service_engines.lower_bound), (0, 0, 0));
    assert_eq!(p.resources.service_units, 0);
}

#[test]
fn three_zones_with_and_without_zone_survival() {
    let mut s = scenario(12, 3, aa(|se| se.max_se = Some(40)));
    s.supervisors[0].zones = 3;
    let (spread, w) = size(&s);
    // 1 + 12 x 4 = 49 VSes at s = 2: 98 slots, 10 SEs.
    assert_eq!(spread.service_engines.carrying_load, 10);
    assert_eq!(spread.service_engines.total, 11);
    assert_eq!(spread.zones.as_ref().unwrap().per_zone, vec![4, 4, 3]);
    assert_eq!(spread.zones.as_ref().unwrap().after_zone_loss, 7);
    assert!(w.iter().any(|w| w.kind == WarningKind::ZoneSpread));

    s.supervisors[0].survive_zone_loss = true;
    let survive = size(&s).0;
    // Smallest T >= 11 with T - ceil(T/3) >= 10: T = 15 (15 - 5 = 10).
    assert_eq!(survive.service_engines.total, 15);
    assert_eq!(survive.service_engines.zone_spare, 4);
    let z = survive.zones.unwrap();
    assert_eq!(z.per_zone, vec![5, 5, 5]);
    assert_eq!(z.after_zone_loss, 10);
    let zones: Vec<Option<u32>> = survive.service_engines.placement.iter().take(4).map(|s| s.zone).collect();
    assert_eq!(zones, vec![Some(1), Some(2), Some(3), Some(1)]);
}

#[test]
fn resources_and_service_units_count_every_se() {
    let se = aa(|s| {
        s.vcpus_per_se = Some(2);
        s.memory_gb_per_se = Some(4);
    });
    let p = size(&scenario(9, 0, se)).0;
    // 4 carrying + 1 buffer = 5 SEs of 2 vCPU / 4 GB / max(15, 13) GB.
    assert_eq!(p.service_engines.total, 5);
    assert_eq!((p.resources.vcpus, p.resources.memory_gb, p.resources.disk_gb, p.resources.service_units), (10, 20, 75, 10));
    // 4 active SEs x min(2 x 4, 7) Gbps.
    assert_eq!(p.capacity.throughput_gbps, 28.0);
    assert_eq!(p.capacity.http_rps, 4 * 2 * 40_000);
}

#[test]
fn explanation_spells_out_the_arithmetic() {
    let p = size(&scenario(9, 0, aa(|_| {}))).0;
    let text = p.explanation.join("\n");
    assert!(text.contains("10 T1s host 10 virtual services"), "{text}");
    assert!(text.contains("20 interface attachments / 9 per SE = 3 SE(s)"), "{text}");
    assert!(text.contains("reaches 4 SE(s) carrying load — 1 more than a perfect placement"), "{text}");
    assert!(text.contains("Total: 4 + 1 buffer = 5 SE(s) (Elastic Active/Active)"), "{text}");
}

#[test]
fn topologies_map_to_nsx_and_avi() {
    let two = |t: Topology| {
        let mut s = scenario(4, 1, SeGroupSpec::default());
        let mut b = s.supervisors[0].clone();
        b.name = "sv-b".into();
        s.supervisors.push(b);
        s.topology = t;
        s.dns_se_group = Some(DnsSeGroup { virtual_services: 1, se_group: SeGroupSpec::default() });
        let d = validate(&s).unwrap();
        let groups: Vec<SePlan> = d.supervisors.iter().map(|sv| size_supervisor(sv, NSX, "", &d.capacity).0).collect();
        topology(&d, &groups, &mut Vec::new())
    };
    let cases = [
        (Topology::SharedTransportZone, 1, 1, 1),
        (Topology::DedicatedTransportZones, 1, 2, 1),
        (Topology::MultiNsx, 2, 2, 2),
    ];
    for (t, managers, clouds, controllers) in cases {
        let p = two(t);
        assert_eq!((p.nsx_managers, p.nsx_clouds, p.controller_clusters.len() as u32), (managers, clouds, controllers), "{t:?}");
    }
    // Shared: one controller manages both groups (2 x 3 SEs) plus a DNS group of 2.
    let shared = two(Topology::SharedTransportZone);
    let c = &shared.controller_clusters[0];
    assert_eq!((c.virtual_services, c.service_engines, c.size), (2 * 9 + 1, 2 * 2 + 2, "essentials"));
    assert_eq!(c.dns_se_group.as_ref().unwrap().total, 2);
    assert_eq!(shared.resources.service_units, 6);
    let multi = two(Topology::MultiNsx);
    assert_eq!(multi.controller_clusters[1].supervisors, vec!["sv-b".to_string()]);
    assert_eq!(multi.resources.service_units, 8);
}

#[test]
fn controller_size_follows_load() {
    let d = validate(&scenario(100, 2, SeGroupSpec { max_se: Some(100), ..Default::default() })).unwrap();
    let g = vec![size_supervisor(&d.supervisors[0], NSX, "", &d.capacity).0];
    let t = topology(&d, &g, &mut Vec::new());
    // 301 VSes: beyond Small's 200, within Medium's 1000.
    assert_eq!((t.controller_clusters[0].virtual_services, t.controller_clusters[0].size), (301, "medium"));
}

#[test]
fn lower_bound_terms() {
    let cases: &[(&[u32], u32, u32, u32, u32, Binding)] = &[
        (&[], 2, 10, 9, 0, Binding::Minimum),
        (&[1], 1, 10, 9, 1, Binding::Interfaces),
        (&[1], 2, 10, 9, 2, Binding::Minimum),
        (&[1; 10], 2, 10, 10, 2, Binding::Interfaces),
        (&[1; 10], 2, 10, 9, 3, Binding::Interfaces),
        (&[20], 1, 8, 9, 3, Binding::VirtualServices),
        (&[30, 30], 2, 10, 9, 12, Binding::VirtualServices),
    ];
    for &(vrfs, s, max_vs, nics, n, b) in cases {
        assert_eq!(lower_bound(vrfs, s, max_vs, nics), (n, b), "{vrfs:?} s={s} max_vs={max_vs} nics={nics}");
    }
}

#[test]
fn simulation_never_beats_the_lower_bound() {
    for count in [1u32, 5, 17, 40, 77] {
        for lb in [0u32, 1, 3, 12] {
            for mode in HaMode::ALL {
                for placement in Placement::ALL {
                    let se = SeGroupSpec { ha_mode: Some(mode), placement: Some(placement), max_se: Some(1000), ..Default::default() };
                    let p = size(&scenario(count, lb, se)).0;
                    assert!(
                        p.service_engines.carrying_load >= p.service_engines.lower_bound,
                        "{count} {lb} {mode:?} {placement:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn projection_horizon() {
    // 9 namespaces today: projected to 9 + max(20, 9) = 29.
    let p = size(&scenario(9, 0, aa(|_| {}))).0;
    assert_eq!(p.headroom.projected_to, 29);
    assert!(p.headroom.steps.iter().all(|s| s.namespaces <= 29));
    // 40 namespaces: to 80.
    assert_eq!(size(&scenario(40, 0, aa(|_| {}))).0.headroom.projected_to, 80);
}
