//! Property tests of the one placement simulation (`sizing::simulate`) on virtual
//! services that need sets of attachments, as every platform presents them:
//! - invariants: each VS on `s` distinct SEs that then hold all its attachments, no
//!   SE over its VS slots or data interfaces, never below the lower bound, and the
//!   same answer every time;
//! - it places exactly as the rules of DOMAIN.md section 2 say, read literally: a
//!   slow reference that scans every SE for every VS gives the same SEs (the fast
//!   path's bookkeeping — which SEs touch a batch, what they lack, attachments
//!   every SE has — changes nothing);
//! - batches of one fresh attachment each (NSX with Avi: a T1 per namespace) give
//!   the known closed forms, and the engine's SE plan is the reference's placement
//!   of the load the NSX+Avi platform presents;
//! - the same for the load a Supervisor on VDS presents (routed: the VIP network
//!   alone, one data NIC per SE; attached: the VIP network and a workload network).
//!
//! Whether NSX with Avi gives exactly the answers it gave before the simulation
//! was generalised is tests/golden.rs's job.
#![cfg(not(target_arch = "wasm32"))]

use avi_sizer::design::validate;
use avi_sizer::error::WarningKind;
use avi_sizer::plan::plan_scenario;
use avi_sizer::platform;
use avi_sizer::scenario::{HaMode, NamespaceGroup, Placement, Scenario, SeGroupSpec, Supervisor};
use avi_sizer::sizing::{size_supervisor, Binding, SimConfig, Simulator};
use proptest::prelude::*;

/// A Supervisor with one namespace group per `(count, TKG clusters, LB services per
/// cluster, pod LB services)`.
fn supervisor(groups: &[(u32, u32, u32, u32)]) -> Supervisor {
    let mut sup = Supervisor::new("sv");
    for (j, &(count, clusters, lb, pod_lb)) in groups.iter().enumerate() {
        let mut g = NamespaceGroup::new(&format!("g{j}"), count);
        g.tkg_clusters = clusters;
        g.lb_services_per_cluster = lb;
        g.pod_lb_services = pod_lb;
        sup.namespaces.push(g);
    }
    sup
}

/// A batch: the attachments each of its VSes needs, and how many VSes.
type Batch = (Vec<u32>, u32);

#[derive(Debug, Clone, PartialEq, Eq)]
struct RefSe {
    attachments: Vec<u32>,
    virtual_services: u32,
    created_because: Binding,
}

/// DOMAIN.md section 2, literally: for each VS, the SEs that qualify (a free slot,
/// interfaces for every attachment they lack), in the placement's order; new SEs
/// when too few qualify, for the reason most SEs could not.
fn reference(cfg: SimConfig, batches: &[Batch]) -> Vec<RefSe> {
    let (s, d, max_vs) = (cfg.scale_factor as usize, cfg.data_nics_per_se as usize, cfg.max_vs_per_se);
    let mut ses: Vec<RefSe> = Vec::new();
    let new = |because| RefSe { attachments: Vec::new(), virtual_services: 0, created_because: because };
    for (want, vs) in batches {
        let mut want = want.clone();
        want.sort_unstable();
        want.dedup();
        let lacks = |se: &RefSe| want.iter().filter(|a| !se.attachments.contains(a)).count();
        for _ in 0..*vs {
            let mut chosen: Vec<usize> = Vec::new();
            if cfg.placement == Placement::Distributed {
                let fresh = s.min((cfg.max_se as usize).saturating_sub(ses.len()));
                let because = if ses.len() < s { Binding::Minimum } else { Binding::ScaleOut };
                for _ in 0..fresh {
                    ses.push(new(because));
                    chosen.push(ses.len() - 1);
                }
            }
            let fits = |se: &RefSe| se.virtual_services < max_vs && se.attachments.len() + lacks(se) <= d;
            let mut pool: Vec<usize> = (0..ses.len()).filter(|i| !chosen.contains(i) && fits(&ses[*i])).collect();
            match cfg.placement {
                Placement::Compact => pool.sort_by_key(|&i| (lacks(&ses[i]), u32::MAX - ses[i].virtual_services, i)),
                Placement::Distributed => pool.sort_by_key(|&i| (ses[i].virtual_services, i)),
            }
            let need = s - chosen.len();
            chosen.extend(pool.into_iter().take(need));
            if chosen.len() < s {
                let because = if ses.len() < s {
                    Binding::Minimum
                } else {
                    let slots = ses.iter().filter(|x| x.virtual_services >= max_vs).count();
                    let nics = ses.iter().filter(|x| x.attachments.len() + lacks(x) > d).count();
                    match (slots, nics) {
                        (0, 0) => Binding::ScaleOut,
                        _ if nics >= slots => Binding::Interfaces,
                        _ => Binding::VirtualServices,
                    }
                };
                while chosen.len() < s {
                    ses.push(new(because));
                    chosen.push(ses.len() - 1);
                }
            }
            for i in chosen {
                for &a in &want {
                    if !ses[i].attachments.contains(&a) {
                        ses[i].attachments.push(a);
                    }
                }
                ses[i].virtual_services += 1;
            }
        }
    }
    ses
}

fn simulated(sim: &Simulator) -> Vec<RefSe> {
    sim.ses()
        .iter()
        .map(|s| RefSe { attachments: s.attachments.clone(), virtual_services: s.virtual_services, created_because: s.created_because })
        .collect()
}

/// The lower bound over attachments: `max(s, ceil(V s / max_vs), ceil(sum_a k_a / D))`.
fn lower_bound(cfg: SimConfig, batches: &[Batch]) -> u32 {
    let (s, max_vs, d) = (u64::from(cfg.scale_factor), u64::from(cfg.max_vs_per_se), u64::from(cfg.data_nics_per_se));
    let total: u64 = batches.iter().map(|(_, v)| u64::from(*v)).sum();
    if total == 0 {
        return 0;
    }
    let mut per: std::collections::BTreeMap<u32, u64> = Default::default();
    for (want, v) in batches {
        let mut want = want.clone();
        want.sort_unstable();
        want.dedup();
        for a in want {
            *per.entry(a).or_default() += u64::from(*v);
        }
    }
    let k: u64 = per.values().filter(|&&v| v > 0).map(|&v| s.max((v * s).div_ceil(max_vs))).sum();
    s.max((total * s).div_ceil(max_vs)).max(k.div_ceil(d)) as u32
}

fn config() -> impl Strategy<Value = SimConfig> {
    (1u32..=4, 1u32..=12, 1u32..=6, 1u32..=30, prop::sample::select(Placement::ALL.to_vec())).prop_map(
        |(s, max_vs, nics, max_se, placement)| SimConfig {
            scale_factor: s,
            max_vs_per_se: max_vs,
            data_nics_per_se: nics,
            max_se: max_se.max(s),
            placement,
        },
    )
}

/// A config and batches of 1 to 3 attachments (never more than the interfaces)
/// drawn from a few, so that they recur, overlap and become common to every SE.
fn batches() -> impl Strategy<Value = (SimConfig, Vec<Batch>)> {
    config().prop_flat_map(|cfg| {
        let most = cfg.data_nics_per_se.min(3) as usize;
        let batch = (prop::collection::vec(0u32..7, 1..=most), 0u32..6);
        (Just(cfg), prop::collection::vec(batch, 0..40))
    })
}

/// NSX with Avi's shape: batch `i` needs attachment `i` alone.
fn fresh() -> impl Strategy<Value = (SimConfig, Vec<Batch>)> {
    (config(), prop::collection::vec(0u32..14, 0..60))
        .prop_map(|(cfg, vs)| (cfg, vs.into_iter().enumerate().map(|(i, v)| (vec![i as u32], v)).collect()))
}

fn run(cfg: SimConfig, batches: &[Batch], mut each: impl FnMut(&Simulator, &[u32], &[usize])) -> Simulator {
    let mut sim = Simulator::new(cfg);
    for (want, vs) in batches {
        let mut placed = Vec::new();
        sim.place_each(want, *vs, |chosen| placed.push(chosen.to_vec()));
        for chosen in placed {
            each(&sim, want, &chosen);
        }
    }
    sim
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn every_vs_on_s_distinct_ses_within_limits((cfg, batches) in batches()) {
        let mut placements = 0u64;
        let sim = run(cfg, &batches, |sim, want, chosen| {
            placements += 1;
            let mut distinct = chosen.to_vec();
            distinct.sort_unstable();
            distinct.dedup();
            assert_eq!(distinct.len(), cfg.scale_factor as usize, "{chosen:?}");
            for &i in chosen {
                let se = &sim.ses()[i];
                assert!(want.iter().all(|a| se.attachments.contains(a)), "SE {i} lacks one of {want:?}");
            }
        });
        let total: u64 = batches.iter().map(|(_, v)| u64::from(*v)).sum();
        prop_assert_eq!(placements, total);
        let held: u64 = sim.ses().iter().map(|s| u64::from(s.virtual_services)).sum();
        prop_assert_eq!(held, total * u64::from(cfg.scale_factor));
        for se in sim.ses() {
            prop_assert!(se.virtual_services <= cfg.max_vs_per_se);
            prop_assert!(se.attachments.len() as u32 <= cfg.data_nics_per_se);
            let mut a = se.attachments.clone();
            a.sort_unstable();
            a.dedup();
            prop_assert_eq!(a.len(), se.attachments.len(), "an attachment joined twice");
        }
        prop_assert!(sim.count() >= lower_bound(cfg, &batches));
        let again = run(cfg, &batches, |_, _, _| {});
        prop_assert_eq!(again.ses(), sim.ses(), "not deterministic");
    }

    #[test]
    fn places_as_the_rules_read_literally((cfg, batches) in batches()) {
        let sim = run(cfg, &batches, |_, _, _| {});
        prop_assert_eq!(simulated(&sim), reference(cfg, &batches));
    }

    #[test]
    fn one_fresh_attachment_per_batch_as_the_rules_read((cfg, batches) in fresh()) {
        let sim = run(cfg, &batches, |_, _, _| {});
        prop_assert_eq!(simulated(&sim), reference(cfg, &batches));
        prop_assert!(sim.count() >= lower_bound(cfg, &batches));
    }

    /// One VS per T1, compact placement, a VS slot per interface: every `D` T1s
    /// bring `s` SEs, and past the first `D` interfaces bind (the seed's claim at
    /// s = 2 and 9 interfaces: 2 SEs carry 9 T1s, the 10th brings 2 more).
    #[test]
    fn one_vs_per_t1_fills_interfaces(s in 1u32..=4, nics in 1u32..=9, t1s in 1u32..60) {
        let cfg = SimConfig { scale_factor: s, max_vs_per_se: nics, data_nics_per_se: nics, max_se: 1000, placement: Placement::Compact };
        let batches: Vec<Batch> = (0..t1s).map(|i| (vec![i], 1)).collect();
        let sim = run(cfg, &batches, |_, _, _| {});
        prop_assert_eq!(sim.count(), s * t1s.div_ceil(nics));
        let expected = if t1s > nics { Binding::Interfaces } else { Binding::Minimum };
        prop_assert_eq!(sim.binding(), expected);
    }

    /// With as many interfaces as VS slots an SE never runs out of interfaces
    /// first: at s = 1 compact placement fills SEs in order, `ceil(V / max_vs)`.
    #[test]
    fn slots_bind_when_interfaces_cannot(max_vs in 1u32..=9, vs in prop::collection::vec(1u32..20, 1..40)) {
        let cfg = SimConfig { scale_factor: 1, max_vs_per_se: max_vs, data_nics_per_se: max_vs, max_se: 1000, placement: Placement::Compact };
        let batches: Vec<Batch> = vs.iter().enumerate().map(|(i, &v)| (vec![i as u32], v)).collect();
        let sim = run(cfg, &batches, |_, _, _| {});
        let total: u32 = vs.iter().sum();
        prop_assert_eq!(sim.count(), total.div_ceil(max_vs));
    }

    /// The engine on random NSX+Avi Supervisors: its SE plan is the reference's
    /// placement of the load the platform presents, T1 by T1.
    #[test]
    fn engine_places_the_nsx_load_as_the_rules_read(
        mode in prop::sample::select(HaMode::ALL.to_vec()),
        placement in prop::sample::select(Placement::ALL.to_vec()),
        nics in 1u32..=9,
        max_vs in 1u32..=12,
        sup_vs in 0u32..3,
        groups in prop::collection::vec((1u32..12, 0u32..3, 0u32..4, 0u32..3), 0..4),
    ) {
        let mut sup = supervisor(&groups);
        sup.supervisor_virtual_services = sup_vs;
        let se = SeGroupSpec {
            ha_mode: Some(mode),
            placement: Some(placement),
            data_nics_per_se: Some(nics),
            max_vs_per_se: Some(max_vs),
            max_se: Some(1000),
            ..Default::default()
        };
        engine_matches_reference(&Scenario { se_group: se, supervisors: vec![sup], ..Scenario::default() })?;
    }
}

/// The engine's SE plan of the one Supervisor of `s` is the reference's placement of
/// the load its platform presents, attachment by attachment; returns the plan and
/// that load.
fn engine_matches_reference(s: &Scenario) -> Result<(avi_sizer::sizing::SePlan, Vec<Batch>), TestCaseError> {
    let design = validate(s).unwrap();
    let sup = &design.supervisors[0];
    let rules = platform::of(sup).se;
    let load = rules.se_load(sup);
    let batches: Vec<Batch> = load.units().flatten().map(|(a, vs)| (a.to_vec(), vs)).collect();
    // max_se caps the group with its buffer: distributed placement spreads over the rest.
    let cfg = SimConfig { max_se: sup.se.max_se - sup.se.buffer_ses, ..SimConfig::from(&sup.se) };
    let expected = reference(cfg, &batches);
    let plan = size_supervisor(sup, rules, "supervisors[0]", &design.capacity).0;
    if let Some(pair) = &plan.service_engines.pair {
        // Legacy Active/Standby beyond one pair: the load needs what the rules place.
        prop_assert_eq!(pair.needed as usize, expected.len());
        prop_assert_eq!(plan.service_engines.total, 2);
        return Ok((plan, batches));
    }
    let got: Vec<(Vec<String>, u32, Option<Binding>)> =
        plan.service_engines.placement.iter().take(expected.len()).map(|p| (p.vrfs.clone(), p.virtual_services, p.created_because)).collect();
    let want: Vec<(Vec<String>, u32, Option<Binding>)> = expected
        .iter()
        .map(|e| (e.attachments.iter().map(|&a| load.label(a).unwrap().to_string()).collect(), e.virtual_services, Some(e.created_because)))
        .collect();
    prop_assert_eq!(plan.service_engines.carrying_load as usize, expected.len());
    prop_assert_eq!(got, want);
    Ok((plan, batches))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// The engine on random Supervisors on VDS with Avi (PLATFORMS.md §4): the same
    /// one simulation places the load the VDS platform presents as the rules read.
    /// Routed SEs need the VIP network alone, so each has one data NIC and interfaces
    /// never bind; attached SEs need the VIP network and the namespace's workload
    /// network, and with at most 8 networks behind the VSes the 9 data NICs never bind.
    #[test]
    fn engine_places_the_vds_load_as_the_rules_read(
        mode in prop::sample::select(vec![HaMode::NPlusM, HaMode::ActiveActive]),
        placement in prop::sample::select(Placement::ALL.to_vec()),
        attached in any::<bool>(),
        max_vs in 1u32..=12,
        sup_vs in 0u32..3,
        networks in 1usize..12,
        groups in prop::collection::vec((1u32..8, 0u32..3, 0u32..4, 0usize..12), 0..5),
    ) {
        use avi_sizer::scenario::{PlatformKind, SeAttachment, WorkloadNetworkSpec};
        let mut sup = Supervisor::new("sv");
        sup.platform = PlatformKind::Vds;
        sup.supervisor_virtual_services = sup_vs;
        sup.vds.workload_networks = (0..networks).map(|k| WorkloadNetworkSpec::new(&format!("wl-{k}"))).collect();
        sup.vds.se_attachment = Some(if attached { SeAttachment::Attached } else { SeAttachment::Routed });
        for (j, &(count, clusters, lb, net)) in groups.iter().enumerate() {
            let mut g = NamespaceGroup::new(&format!("g{j}"), count);
            g.tkg_clusters = clusters;
            g.lb_services_per_cluster = lb;
            g.workload_network = Some(format!("wl-{}", net % networks));
            sup.namespaces.push(g);
        }
        let se = SeGroupSpec { ha_mode: Some(mode), placement: Some(placement), max_vs_per_se: Some(max_vs), max_se: Some(1000), ..Default::default() };
        let (plan, batches) = engine_matches_reference(&Scenario { se_group: se, supervisors: vec![sup], ..Scenario::default() })?;
        let behind = batches.iter().filter(|(_, vs)| *vs > 0).flat_map(|(a, _)| a.iter().copied()).collect::<std::collections::BTreeSet<u32>>().len();
        if !attached || behind <= 9 {
            prop_assert_ne!(plan.service_engines.binding, Binding::Interfaces);
        }
        for p in plan.service_engines.placement.iter().filter(|p| p.virtual_services > 0) {
            prop_assert_eq!(p.vrfs[0].as_str(), "data network (VIP)");
            if !attached {
                prop_assert_eq!(p.interfaces_used, 1);
            }
        }
    }

    /// Issue 8: a load that needs more than max_se gets a warning whose advice,
    /// once followed, removes it: planning again at the advised max_se gives the
    /// same total and no warning, whatever the HA mode, placement, buffer and zones.
    #[test]
    fn max_se_advice_once_followed_gives_the_same_total_and_no_warning(
        mode in prop::sample::select(HaMode::ALL.to_vec()),
        placement in prop::sample::select(Placement::ALL.to_vec()),
        nics in 1u32..=9,
        max_vs in 1u32..=12,
        max_se in 2u32..=12,
        buffer in 0u32..=3,
        zones in prop::sample::select(vec![(1u32, false), (3, false), (3, true)]),
        groups in prop::collection::vec((1u32..30, 0u32..3, 0u32..4, 0u32..3), 1..4),
    ) {
        let mut sup = supervisor(&groups);
        (sup.zones, sup.survive_zone_loss) = zones;
        let (scale, buffer) = if mode == HaMode::ActiveStandby { (2, 0) } else { (mode.default_scale_factor(), buffer) };
        let mut scenario = Scenario {
            se_group: SeGroupSpec {
                ha_mode: Some(mode),
                placement: Some(placement),
                scale_factor: Some(scale),
                buffer_ses: Some(buffer),
                data_nics_per_se: Some(nics),
                max_vs_per_se: Some(max_vs),
                max_se: Some(max_se),
                ..Default::default()
            },
            supervisors: vec![sup],
            ..Scenario::default()
        };
        let plan = plan_scenario(&scenario).unwrap();
        let se = &plan.supervisors[0].service_engines;
        let warned = plan.supervisors[0].warnings.iter().any(|w| w.kind == WarningKind::MaxSeExceeded);
        prop_assert_eq!(warned, se.max_se_advised.is_some());
        prop_assert_eq!(se.max_se_advised.is_some(), se.total > max_se);
        if let Some(advised) = se.max_se_advised.filter(|&a| a <= 1000) {
            prop_assert!(advised >= se.total);
            scenario.se_group.max_se = Some(advised);
            let again = plan_scenario(&scenario).unwrap();
            let sp = &again.supervisors[0];
            prop_assert_eq!(sp.service_engines.total, se.total);
            prop_assert_eq!(sp.service_engines.max_se_advised, None);
            prop_assert!(sp.warnings.iter().all(|w| w.kind != WarningKind::MaxSeExceeded));
        }
    }
}
