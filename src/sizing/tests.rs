//! Acceptance cases: DOMAIN.md's worked examples, every HA mode, every binding
//! constraint, topologies and the zone case, through validation and sizing.

use super::*;
use crate::design::validate;
use crate::error::WarningKind;
use crate::rules::{RuleId, RuleSet};
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

/// Rules 1 took the seed's D = 10 as given: with no VS on the Supervisor's T1, 10
/// namespaces fit on 2 SEs. No vSphere VM has 10 data vNICs, so rules 2 computes
/// with 9, warns naming the field, and the 10th namespace brings two more SEs.
#[test]
fn seed_claim_with_ten_interfaces_is_computed_with_nine() {
    let mut s = scenario(10, 0, aa(|s| {
        s.buffer_ses = Some(0);
        s.data_nics_per_se = Some(10);
    }));
    s.supervisors[0].supervisor_virtual_services = 0;
    let d = validate(&s).unwrap();
    let rules_1 = size_supervisor_with(&d.supervisors[0], NSX, "supervisors[0]", &d.capacity, RuleSet::of(1)).0;
    assert_eq!((rules_1.service_engines.total, rules_1.settings.data_nics_per_se), (2, 10));
    assert_eq!(rules_1.headroom.namespaces_before_next_se, Some(0));

    let (ten, w) = size(&s);
    assert_eq!((ten.settings.data_nics_per_se, ten.service_engines.carrying_load, ten.service_engines.total), (9, 4, 4));
    let warn = w.iter().find(|w| w.kind == WarningKind::InputAdjusted).expect("a warning");
    assert_eq!(warn.path, "se_group.data_nics_per_se");
    assert!(warn.message.contains("data_nics_per_se is 10") && warn.message.contains("computed with 9"), "{}", warn.message);
    assert!(ten.applied.contains(&RuleId::SeDataInterfacesCapped));
    // Nine namespaces without the Supervisor's VS: 2 SEs, as the author's later post says.
    s.supervisors[0].namespaces[0].count = 9;
    assert_eq!(size(&s).0.service_engines.total, 2);
    // A Supervisor's own override is named at its own path.
    s.se_group.data_nics_per_se = None;
    s.supervisors[0].se_group.data_nics_per_se = Some(31);
    let w = size(&s).1;
    assert!(w.iter().any(|w| w.kind == WarningKind::InputAdjusted && w.path == "supervisors[0].se_group.data_nics_per_se"));
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
        // One pair carries what it can; the third SE would be added for VS slots.
        (HaMode::ActiveStandby, 2, 0, 2, 7, Binding::VirtualServices, false),
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

    // The Supervisor and 8 namespaces of one VS fill the pair's 9 interfaces; the
    // 9th namespace would need a third SE.
    let big = size(&scenario(9, 0, SeGroupSpec { ha_mode: Some(HaMode::ActiveStandby), ..Default::default() })).0;
    let se = &big.service_engines;
    assert!(!se.feasible);
    assert_eq!((se.carrying_load, se.buffer, se.total, se.binding), (2, 0, 2, Binding::Interfaces));
    let pair = se.pair.as_ref().expect("the pair's coverage");
    assert_eq!((pair.needed, pair.virtual_services_carried, pair.virtual_services), (4, 9, 10));
    assert_eq!((pair.supervisor_carried, pair.namespaces_carried, pair.namespaces), (true, 8, 9));
    assert_eq!(pair.carried, vec!["ns-001".to_string(), "ns-008".to_string()]);
    assert_eq!(pair.partly, None);
    // What each elastic mode needs, computed: N+M packs 10 T1s on 2 SEs + 1 buffer;
    // Active/Active needs the 4 of the seed claim + 1 buffer.
    let elastic: Vec<(HaMode, u32)> = pair.elastic.iter().map(|e| (e.ha_mode, e.total)).collect();
    assert_eq!(elastic, vec![(HaMode::NPlusM, 3), (HaMode::ActiveActive, 5)]);
    for e in &pair.elastic {
        let other = scenario(9, 0, SeGroupSpec { ha_mode: Some(e.ha_mode), ..Default::default() });
        assert_eq!(size(&other).0.service_engines.total, e.total, "{:?} as the engine sizes it", e.ha_mode);
    }
    // No resources for SEs that cannot exist: the pair's alone.
    assert_eq!((big.resources.vcpus, big.resources.memory_gb, big.resources.service_units), (2, 4, 2));
    assert_eq!(se.placement.len(), 2);
    assert_eq!(se.placement.iter().map(|p| p.virtual_services).collect::<Vec<_>>(), vec![9, 9]);
    let why = se.infeasible_reason.as_ref().unwrap();
    assert!(
        why.contains("carries 9 of 10 virtual services (the Supervisor's own and 8 namespaces ns-001 to ns-008)")
            && why.contains("needs 4 SEs")
            && why.contains("Elastic N+M would need 3 SEs, Elastic Active/Active would need 5 SEs"),
        "{why}"
    );
    // A namespace the pair carries in part: 4 VSes each, 10 per SE.
    let part = size(&scenario(3, 3, SeGroupSpec { ha_mode: Some(HaMode::ActiveStandby), ..Default::default() })).0;
    let pair = part.service_engines.pair.unwrap();
    assert_eq!((pair.virtual_services_carried, pair.namespaces_carried, pair.partly.as_deref()), (10, 2, Some("ns-003")));
    // Rules 1 counted the SEs the load would need, resources included.
    let d = validate(&scenario(9, 0, SeGroupSpec { ha_mode: Some(HaMode::ActiveStandby), ..Default::default() })).unwrap();
    let old = size_supervisor_with(&d.supervisors[0], NSX, "supervisors[0]", &d.capacity, RuleSet::of(1)).0;
    assert_eq!((old.service_engines.total, old.resources.service_units, old.service_engines.pair.is_none()), (4, 4, true));
}

#[test]
fn placement_preference_changes_the_answer() {
    // 3 namespaces of 2 VSes at s = 1: compact packs 7 VSes onto 1 SE; distributed
    // spreads over fresh SEs up to max_se = 4 less the buffer: 3, total 4.
    let se = |p| SeGroupSpec { placement: Some(p), max_se: Some(4), ..Default::default() };
    let compact = size(&scenario(3, 1, se(Placement::Compact))).0;
    assert_eq!(compact.service_engines.carrying_load, 1);
    let (distributed, w) = size(&scenario(3, 1, se(Placement::Distributed)));
    assert_eq!((distributed.service_engines.carrying_load, distributed.service_engines.total), (3, 4));
    assert_eq!(distributed.service_engines.binding, Binding::ScaleOut);
    assert_eq!(distributed.service_engines.lower_bound, 1);
    assert!(w.iter().all(|w| w.kind != WarningKind::MaxSeExceeded));
    // Rules 1 spread up to max_se itself and put the buffer on top: 5 SEs, above max_se.
    let d = validate(&scenario(3, 1, se(Placement::Distributed))).unwrap();
    let old = size_supervisor_with(&d.supervisors[0], NSX, "supervisors[0]", &d.capacity, RuleSet::of(1)).0;
    assert_eq!((old.service_engines.carrying_load, old.service_engines.total), (4, 5));
}

/// max_se caps the group with its buffer and zone spares: distributed placement on
/// a three-zone Supervisor surviving a zone loss leaves room for both.
#[test]
fn distributed_placement_stays_within_max_se_with_buffer_and_zone_spares() {
    // 11 VSes at s = 2 would spread over 12 SEs; 8 carrying load + 1 buffer + 3
    // zone spares (12 - ceil(12/3) = 8 left after a zone loss) is all max_se 12 allows.
    let mut s = scenario(10, 0, aa(|se| {
        se.placement = Some(Placement::Distributed);
        se.max_se = Some(12);
    }));
    s.supervisors[0].zones = 3;
    s.supervisors[0].survive_zone_loss = true;
    let (p, w) = size(&s);
    let se = &p.service_engines;
    assert_eq!((se.carrying_load, se.buffer, se.zone_spare, se.total), (8, 1, 3, 12));
    assert!(w.iter().all(|w| w.kind != WarningKind::MaxSeExceeded));
}

#[test]
fn max_se_exceeded_is_a_warning_naming_the_field() {
    let (p, w) = size(&scenario(40, 1, SeGroupSpec::default()));
    assert_eq!(p.service_engines.total, 10);
    assert!(w.iter().all(|w| w.kind != WarningKind::MaxSeExceeded));
    let (p, w) = size(&scenario(60, 1, SeGroupSpec::default()));
    assert_eq!((p.service_engines.total, p.service_engines.max_se_advised), (14, Some(14)));
    let warn = w.iter().find(|w| w.kind == WarningKind::MaxSeExceeded).unwrap();
    assert_eq!(warn.path, "se_group.max_se");
    assert!(warn.message.contains("needs 14 SEs, buffer included, but max_se is 10: set max_se to 14"), "{}", warn.message);
    // Beyond what one SE group holds: the advice is to split.
    let (p, w) = size(&scenario(10_000, 1, SeGroupSpec { max_se: Some(1000), ..Default::default() }));
    assert!(p.service_engines.total > 1000);
    let warn = w.iter().find(|w| w.kind == WarningKind::MaxSeExceeded).unwrap();
    assert!(warn.message.contains("one Avi SE group holds at most 1000"), "{}", warn.message);
}

/// Issue 8: the advice is satisfiable. Distributed placement spreads further the
/// higher max_se is; the plan is placed as it will be at the advised max_se, so
/// planning again there gives the same total and no warning.
#[test]
fn max_se_advice_once_followed_removes_the_warning() {
    for placement in Placement::ALL {
        for mode in [HaMode::NPlusM, HaMode::ActiveActive] {
            let mut s = scenario(30, 2, SeGroupSpec { ha_mode: Some(mode), placement: Some(placement), max_se: Some(6), ..Default::default() });
            let (p, _) = size(&s);
            let advised = p.service_engines.max_se_advised.expect("above max_se 6");
            s.se_group.max_se = Some(advised);
            let (again, w) = size(&s);
            assert_eq!(again.service_engines.total, p.service_engines.total, "{mode:?} {placement:?}");
            assert_eq!(again.service_engines.max_se_advised, None, "{mode:?} {placement:?}");
            assert!(w.iter().all(|w| w.kind != WarningKind::MaxSeExceeded), "{mode:?} {placement:?}");
        }
    }
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
    // Avi 30.2: no Essentials size for NSX with Enterprise; Small is 6 vCPU / 32 GB.
    assert_eq!((c.virtual_services, c.service_engines, c.size), (2 * 9 + 1, 2 * 2 + 2, "small"));
    assert_eq!((c.vcpus_per_node, c.memory_gb_per_node), (6, 32));
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
    // 301 VSes: beyond Small's 200, within Medium's 1000; the VS ranges are secondary, and it says so.
    let c = &t.controller_clusters[0];
    assert_eq!((c.virtual_services, c.size, c.vcpus_per_node, c.memory_gb_per_node), (301, "medium", 10, 32));
    assert!(c.size_reason.contains("secondary figure"), "{}", c.size_reason);
    // By SEs (Avi 30.2 installation guide): up to 100 Small, 200 Medium, 400 Large.
    let by_ses = |ses: u64| {
        let sizes = &CONTROLLER_SIZES;
        sizes.iter().find(|s| ses <= s.max_se).map(|s| (s.name, s.vcpus, s.memory_gb))
    };
    assert_eq!(by_ses(100), Some(("small", 6, 32)));
    assert_eq!(by_ses(101), Some(("medium", 10, 32)));
    assert_eq!(by_ses(400), Some(("large", 16, 48)));
    assert_eq!(by_ses(401), None);
    // Rules 1 had Essentials (4 vCPU / 24 GB) for up to 10 SEs and a 24 GB Small.
    assert_eq!((CONTROLLER_SIZES_22_1[0].name, CONTROLLER_SIZES_22_1[1].memory_gb), ("essentials", 24));
    let old = topology_with(&d, &g, &mut Vec::new(), RuleSet::of(1));
    assert_eq!(old.controller_clusters[0].size, "medium");
    let tiny = validate(&scenario(1, 0, SeGroupSpec::default())).unwrap();
    let g = vec![size_supervisor(&tiny.supervisors[0], NSX, "", &tiny.capacity).0];
    assert_eq!(topology_with(&tiny, &g, &mut Vec::new(), RuleSet::of(1)).controller_clusters[0].size, "essentials");
    assert_eq!(topology(&tiny, &g, &mut Vec::new()).controller_clusters[0].size, "small");
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
                    // Legacy Active/Standby beyond its pair: the load needs more than it carries.
                    let reached = p.service_engines.pair.as_ref().map_or(p.service_engines.carrying_load, |pair| pair.needed);
                    assert!(reached >= p.service_engines.lower_bound, "{count} {lb} {mode:?} {placement:?}");
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

/// Issue 8: a disk below VMware's recommendation is a warning at the field that set
/// it, not an error.
#[test]
fn a_small_disk_is_a_warning_naming_the_field() {
    let (p, w) = size(&scenario(2, 1, SeGroupSpec { memory_gb_per_se: Some(8), disk_gb_per_se: Some(12), ..Default::default() }));
    assert_eq!(p.settings.disk_gb_per_se, 12);
    let warn = w.iter().find(|w| w.kind == WarningKind::BelowRecommendation).expect("a warning");
    assert_eq!(warn.path, "se_group.disk_gb_per_se");
    assert!(warn.message.contains("below the 21 GB VMware recommends for 8 GB of memory"), "{}", warn.message);
    let (_, w) = size(&scenario(2, 1, SeGroupSpec { memory_gb_per_se: Some(8), ..Default::default() }));
    assert!(w.iter().all(|w| w.kind != WarningKind::BelowRecommendation), "the default disk is the recommendation");
}

/// Issue 8: requests/s, SSL throughput and TPS are capped per SE, not only throughput.
#[test]
fn every_capacity_figure_is_capped_per_se() {
    let p = size(&scenario(2, 1, SeGroupSpec { vcpus_per_se: Some(8), ..Default::default() })).0;
    let c = &p.capacity;
    assert_eq!(c.active_ses, 1);
    // 8 vCPUs: 32 Gbps, 320k requests/s, 8 Gbps SSL, 4800 RSA, 16000 ECC per SE before the caps.
    assert_eq!((c.throughput_gbps, c.http_rps, c.ssl_gbps, c.rsa2k_tps, c.ecc_tps), (7.0, 160_000, 7.0, 4_800, 16_000));
    let mut s = scenario(2, 1, SeGroupSpec { vcpus_per_se: Some(32), ..Default::default() });
    s.capacity.max_http_rps_per_se = Some(175_000);
    s.capacity.max_ecc_tps_per_se = Some(50_000);
    let c = size(&s).0.capacity;
    assert_eq!((c.http_rps, c.rsa2k_tps, c.ecc_tps), (175_000, 19_200, 50_000));
    s.capacity.rsa2k_tps_per_vcpu = Some(2_000);
    assert_eq!(size(&s).0.capacity.rsa2k_tps, 40_000);
}

/// Issue 8: where the placement is explained, the buffer is said to be drawn empty,
/// and Active/Active on compact says what distributed placement (Avi's UI default
/// for A/A) would take, computed.
#[test]
fn the_explanation_says_how_the_buffer_is_drawn_and_what_distributed_would_take() {
    let compact = size(&scenario(9, 0, aa(|_| {}))).0;
    let text = compact.explanation.join("\n");
    assert!(text.contains("shows the 1 buffer SE(s) empty, for clarity: Avi spreads virtual services over every SE"), "{text}");
    let distributed = size(&scenario(9, 0, aa(|s| s.placement = Some(Placement::Distributed)))).0.service_engines.total;
    assert!(
        text.contains(&format!("with distributed placement this group would need {distributed} SE(s)")),
        "{text}"
    );
    assert_ne!(distributed, compact.service_engines.total, "the example shows a difference");
    // N+M says nothing about distributed; A/S has no buffer to draw.
    let nm = size(&scenario(9, 0, SeGroupSpec::default())).0.explanation.join("\n");
    assert!(!nm.contains("distributed placement this group"), "{nm}");
    let a_s = size(&scenario(2, 0, SeGroupSpec { ha_mode: Some(HaMode::ActiveStandby), ..Default::default() })).0;
    assert!(!a_s.explanation.join("\n").contains("buffer SE(s) empty"));
}
