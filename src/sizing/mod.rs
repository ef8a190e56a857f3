//! Service Engine sizing (DOMAIN.md section 2): how many SEs each Supervisor's SE
//! group needs, why, what they cost, and how much growth they leave.
//!
//! The count comes from [`simulate`]: the placement a running SE group reaches. Beside
//! it stands the lower bound a perfect (rebalanced) placement would need
//! ([`lower_bound`]), so a user sees when creation order costs SEs. Buffer SEs,
//! the Legacy Active/Standby pair limit, zone survival and `max_se` are applied on top.

pub mod simulate;

use serde::Serialize;

use crate::design::{Capacity, Design, DnsDesign, GroupDesign, SeGroupConfig, SupervisorDesign};
use crate::error::{Warning, WarningKind};
use crate::scenario::{HaMode, Topology};
pub use simulate::{Binding, SimConfig, Simulator};

/// How far past today's namespace count the growth steps are projected: at least
/// this many more namespaces, and at least as many again as there are today.
const PROJECT_AT_LEAST: u64 = 20;

/// One Supervisor's SE group, sized.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SePlan {
    pub settings: SeGroupConfig,
    pub service_engines: ServiceEngines,
    pub load: Load,
    pub resources: Resources,
    pub capacity: GroupCapacity,
    pub headroom: Headroom,
    /// Per-zone SE counts for a three-zone Supervisor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zones: Option<ZoneSpread>,
    /// The answer in plain words, one sentence a line, numbers included.
    pub explanation: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceEngines {
    /// SEs the placement simulation creates (they hold virtual services).
    pub carrying_load: u32,
    /// Buffer SEs (`M`): spare capacity for an SE failure in elastic modes.
    pub buffer: u32,
    /// Extra SEs so that the load survives losing a zone (three-zone Supervisor).
    pub zone_spare: u32,
    pub total: u32,
    /// SEs a perfect placement would carry the load on.
    pub lower_bound: u32,
    pub lower_bound_binding: Binding,
    /// Why the last SE was added.
    pub binding: Binding,
    /// False when Legacy Active/Standby would need more than one pair.
    pub feasible: bool,
    /// What to change when the design is infeasible.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub infeasible_reason: Option<String>,
    pub max_se: u32,
    pub placement: Vec<SeUse>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SeRole {
    Active,
    Standby,
    Buffer,
    ZoneSpare,
}

/// What one SE holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SeUse {
    /// 1-based, in creation order.
    pub index: u32,
    pub role: SeRole,
    /// Zone (1-based) on a three-zone Supervisor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone: Option<u32>,
    /// The T1s (VRFs) this SE has a data interface on.
    pub vrfs: Vec<String>,
    pub virtual_services: u32,
    pub interfaces_used: u32,
    pub interfaces: u32,
    pub vs_slots: u32,
    pub created_because: Option<Binding>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Load {
    pub namespaces: u64,
    /// T1s (VRFs) hosting at least one virtual service, the Supervisor's included.
    pub vrfs_with_vs: u64,
    pub virtual_services: u64,
    /// Virtual services times the scale factor: the VS slots the group fills.
    pub vs_placements: u64,
    /// Interfaces a perfect placement needs: the sum over VRFs of `k_v`.
    pub interface_demand: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Resources {
    pub vcpus: u64,
    pub memory_gb: u64,
    pub disk_gb: u64,
    /// Avi Enterprise Service Units: one per SE vCPU, buffer and standby included.
    pub service_units: u64,
}

/// Data-plane capacity of the SEs that carry load, from the per-vCPU inputs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GroupCapacity {
    /// SEs forwarding traffic at once (both SEs of a pair in A/A, one in A/S).
    pub active_ses: u32,
    pub throughput_gbps: f64,
    pub http_rps: u64,
    pub ssl_gbps: f64,
    pub rsa2k_tps: u64,
    pub ecc_tps: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Headroom {
    /// The group whose namespace shape the projection repeats (the last one).
    pub reference_group: Option<String>,
    pub vs_per_namespace: u64,
    /// More namespaces of that shape that fit before the next SE is created; `None`
    /// when they host no virtual service (they never need one).
    pub namespaces_before_next_se: Option<u64>,
    /// SE count after each step, today's namespaces then the projection.
    pub steps: Vec<Step>,
    /// The namespace count the projection runs to (the steps cover up to here).
    pub projected_to: u64,
}

/// The SE count changes when the `namespaces`-th namespace is added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Step {
    pub namespaces: u64,
    pub carrying_load: u32,
    pub total: u32,
    pub binding: Binding,
    /// Past today's namespace count, repeating the reference group's shape.
    pub projected: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ZoneSpread {
    pub zones: u32,
    pub per_zone: Vec<u32>,
    pub survive_zone_loss: bool,
    /// SEs left after losing the zone with the most SEs.
    pub after_zone_loss: u32,
}

/// The Avi DNS SE group of one controller cluster.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DnsPlan {
    pub virtual_services: u32,
    pub carrying_load: u32,
    pub buffer: u32,
    pub total: u32,
    pub resources: Resources,
}

/// One Avi controller cluster and what it manages.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ControllerCluster {
    pub name: String,
    pub supervisors: Vec<String>,
    pub virtual_services: u64,
    pub service_engines: u64,
    /// Smallest controller size whose limits hold the load.
    pub size: &'static str,
    pub nodes: u32,
    pub vcpus_per_node: u32,
    pub memory_gb_per_node: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dns_se_group: Option<DnsPlan>,
}

/// How the design maps onto NSX and Avi.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopologyPlan {
    pub topology: Topology,
    pub nsx_managers: u32,
    /// Avi NSX cloud connectors (one per overlay transport zone).
    pub nsx_clouds: u32,
    pub controller_clusters: Vec<ControllerCluster>,
    pub resources: Resources,
}

/// Avi controller sizes: (name, vCPU, GB, max VS, max SE).
pub const CONTROLLER_SIZES: [(&str, u32, u32, u64, u64); 4] = [
    ("essentials", 4, 24, 50, 10),
    ("small", 6, 24, 200, 100),
    ("medium", 10, 32, 1_000, 200),
    ("large", 16, 48, 5_000, 400),
];

/// The lower bound of DOMAIN.md: `max(s, ceil(sum(VS)*s/max_vs), ceil(sum_v k_v / D))`
/// with `k_v = max(s, ceil(v*s/max_vs))`, and the term that binds (ties go to the
/// more specific constraint: interfaces, then VS slots). Zero VSes need no SE.
///
/// ```
/// use avi_sizer::sizing::{lower_bound, Binding};
/// // Supervisor + 9 namespaces of 1 VS, s = 2, 10 VS per SE, 9 interfaces.
/// assert_eq!(lower_bound(&[1; 10], 2, 10, 9), (3, Binding::Interfaces));
/// assert_eq!(lower_bound(&[20], 1, 8, 9), (3, Binding::VirtualServices));
/// assert_eq!(lower_bound(&[1], 2, 10, 9), (2, Binding::Minimum));
/// ```
pub fn lower_bound(vs_per_vrf: &[u32], s: u32, max_vs: u32, nics: u32) -> (u32, Binding) {
    let (total, interfaces) = demand(vs_per_vrf.iter().map(|&v| (v as u64, 1)), s, max_vs);
    lower_bound_of(total, interfaces, s, max_vs, nics)
}

/// Sum of VSes and sum of `k_v` over `(vs, how many VRFs like it)`.
fn demand(vrfs: impl Iterator<Item = (u64, u64)>, s: u32, max_vs: u32) -> (u64, u64) {
    let (s, max_vs) = (s as u64, max_vs as u64);
    vrfs.filter(|&(v, _)| v > 0)
        .fold((0, 0), |(vs, k), (v, n)| (vs + v * n, k + n * s.max((v * s).div_ceil(max_vs))))
}

fn lower_bound_of(total_vs: u64, interfaces: u64, s: u32, max_vs: u32, nics: u32) -> (u32, Binding) {
    if total_vs == 0 {
        return (0, Binding::Minimum);
    }
    let by_vs = (total_vs * s as u64).div_ceil(max_vs as u64);
    let by_nics = interfaces.div_ceil(nics as u64);
    let n = (s as u64).max(by_vs).max(by_nics);
    let binding = if by_nics == n {
        Binding::Interfaces
    } else if by_vs == n {
        Binding::VirtualServices
    } else {
        Binding::Minimum
    };
    (n.min(u32::MAX as u64) as u32, binding)
}

fn sim_config(se: &SeGroupConfig) -> SimConfig {
    SimConfig {
        scale_factor: se.scale_factor,
        max_vs_per_se: se.max_vs_per_se,
        data_nics_per_se: se.data_nics_per_se,
        max_se: se.max_se,
        placement: se.placement,
    }
}

/// Group total for `n` SEs carrying load: buffer added, then zone spares.
fn total_for(n: u32, se: &SeGroupConfig, zones: u32, survive: bool) -> (u32, u32) {
    if n == 0 {
        return (0, 0);
    }
    let base = n + se.buffer_ses;
    if !survive || zones < 2 || se.ha_mode == HaMode::ActiveStandby {
        return (base, 0);
    }
    // SEs spread round-robin: losing the fullest zone loses ceil(T / zones), so T
    // must satisfy T - ceil(T / z) = floor(T (z - 1) / z) >= n, which holds from
    // T = ceil(n z / (z - 1)) on. (Closed form: a loop counting up to it made
    // planning quadratic, 8 s for 400,000 SEs.)
    let z = u64::from(zones);
    let survivable = (u64::from(n) * z).div_ceil(z - 1);
    let t = u32::try_from(survivable).unwrap_or(u32::MAX).max(base);
    (t, t - base)
}

fn resources(total: u64, se: &SeGroupConfig) -> Resources {
    Resources {
        vcpus: total * se.vcpus_per_se as u64,
        memory_gb: total * se.memory_gb_per_se as u64,
        disk_gb: total * se.disk_gb_per_se as u64,
        service_units: total * se.vcpus_per_se as u64,
    }
}

fn add(a: Resources, b: Resources) -> Resources {
    Resources {
        vcpus: a.vcpus + b.vcpus,
        memory_gb: a.memory_gb + b.memory_gb,
        disk_gb: a.disk_gb + b.disk_gb,
        service_units: a.service_units + b.service_units,
    }
}

fn capacity(active: u32, se: &SeGroupConfig, c: &Capacity) -> GroupCapacity {
    let vcpus = se.vcpus_per_se as f64;
    let per_se = (vcpus * c.throughput_gbps_per_vcpu).min(c.max_throughput_gbps_per_se);
    let n = active as u64;
    let round = |x: f64| (x * 10.0).round() / 10.0;
    GroupCapacity {
        active_ses: active,
        throughput_gbps: round(per_se * active as f64),
        http_rps: n * se.vcpus_per_se as u64 * c.http_rps_per_vcpu as u64,
        ssl_gbps: round(vcpus * c.ssl_gbps_per_vcpu * active as f64),
        rsa2k_tps: n * se.vcpus_per_se as u64 * c.rsa2k_tps_per_vcpu as u64,
        ecc_tps: n * se.vcpus_per_se as u64 * c.ecc_tps_per_vcpu as u64,
    }
}

fn vrf_label(group: &GroupDesign, k: u32) -> String {
    format!("{}-{:03}", group.name, k + 1)
}

/// Sizes one Supervisor's SE group. `path` is its JSON path (for warnings).
pub fn size_supervisor(sup: &SupervisorDesign, path: &str, cap: &Capacity) -> (SePlan, Vec<Warning>) {
    let se = sup.se;
    let cfg = sim_config(&se);
    let mut sim = Simulator::new(cfg);
    let mut labels = Vec::new();
    let mut steps = Vec::new();
    let zones = sup.zones;
    let survive = sup.survive_zone_loss;
    let record = |sim: &Simulator, steps: &mut Vec<Step>, namespaces: u64, projected: bool| {
        let n = sim.count();
        if steps.last().is_none_or(|s: &Step| s.carrying_load != n) {
            steps.push(Step {
                namespaces,
                carrying_load: n,
                total: total_for(n, &se, zones, survive).0,
                binding: sim.binding(),
                projected,
            });
        }
    };

    labels.push("supervisor".to_string());
    sim.place_vrf(sup.supervisor_virtual_services);
    record(&sim, &mut steps, 0, false);
    let mut namespaces = 0u64;
    for g in &sup.groups {
        let vs = g.vs_per_namespace() as u32;
        for k in 0..g.count {
            labels.push(vrf_label(g, k));
            sim.place_vrf(vs);
            namespaces += 1;
            record(&sim, &mut steps, namespaces, false);
        }
    }
    let n = sim.count();
    let binding = sim.binding();

    let load = {
        let vrfs = std::iter::once((sup.supervisor_virtual_services as u64, 1))
            .chain(sup.groups.iter().map(|g| (g.vs_per_namespace(), g.count as u64)));
        let (vs, k) = demand(vrfs.clone(), se.scale_factor, se.max_vs_per_se);
        Load {
            namespaces,
            vrfs_with_vs: vrfs.filter(|&(v, _)| v > 0).map(|(_, c)| c).sum(),
            virtual_services: vs,
            vs_placements: vs * se.scale_factor as u64,
            interface_demand: k,
        }
    };
    let (lb, lb_binding) =
        lower_bound_of(load.virtual_services, load.interface_demand, se.scale_factor, se.max_vs_per_se, se.data_nics_per_se);

    // Headroom: repeat the last group's shape until the next SE is created, and
    // project the steps at least PROJECT_AT_LEAST (or today's count) further.
    let reference = sup.groups.last();
    let vs_ref = reference.map(|g| g.vs_per_namespace()).unwrap_or(0);
    let mut before_next = None;
    let horizon = namespaces + PROJECT_AT_LEAST.max(namespaces);
    if vs_ref > 0 {
        let limit = crate::design::limits::NAMESPACES_PER_SUPERVISOR.max(horizon);
        let mut proj = sim.clone();
        let mut added = 0u64;
        while namespaces + added < limit {
            proj.place_vrf(vs_ref as u32);
            added += 1;
            if proj.count() > n && before_next.is_none() {
                before_next = Some(added - 1);
            }
            if namespaces + added <= horizon {
                record(&proj, &mut steps, namespaces + added, true);
            }
            if before_next.is_some() && namespaces + added >= horizon {
                break;
            }
        }
    }

    let mut warnings = Vec::new();
    let mut feasible = true;
    let mut infeasible_reason = None;
    let (total, zone_spare) = total_for(n, &se, zones, survive);
    if se.ha_mode == HaMode::ActiveStandby && n > 2 {
        feasible = false;
        infeasible_reason = Some(format!(
            "Legacy Active/Standby is exactly one pair of SEs, and this load needs {n} SEs carrying virtual services \
             ({} binds). Switch to Elastic N+M or Elastic Active/Active; a bigger pair does not exist.",
            binding.label()
        ));
    }
    if total > se.max_se {
        warnings.push(Warning::new(
            sup.max_se_path(path),
            WarningKind::MaxSeExceeded,
            format!("The SE group needs {total} SEs but max_se is {}: raise max_se to at least {total}.", se.max_se),
        ));
    }
    if n > lb {
        warnings.push(Warning::new(
            path,
            WarningKind::PlacementAboveLowerBound,
            format!(
                "Creation order costs {} SE(s): Avi never moves a placed virtual service, so this group reaches {n} SEs \
                 where a perfect placement would need {lb}.",
                n - lb
            ),
        ));
    }
    if se.ha_mode == HaMode::ActiveActive {
        warnings.push(Warning::new(
            path,
            WarningKind::DfwExclusion,
            "Active/Active SEs must be on the NSX DFW exclusion list, or the stateful DFW drops asymmetric flows.",
        ));
    }

    // The placement table: SEs carrying load, then buffer and zone spares.
    let mut placement: Vec<SeUse> = sim
        .ses()
        .iter()
        .enumerate()
        .map(|(i, s)| SeUse {
            index: i as u32 + 1,
            role: if se.ha_mode == HaMode::ActiveStandby && i == 1 { SeRole::Standby } else { SeRole::Active },
            zone: None,
            vrfs: s.vrfs.iter().map(|&v| labels[v as usize].clone()).collect(),
            virtual_services: s.virtual_services,
            interfaces_used: s.vrfs.len() as u32,
            interfaces: se.data_nics_per_se,
            vs_slots: se.max_vs_per_se,
            created_because: Some(s.created_because),
        })
        .collect();
    let extra = |role| SeUse {
        index: 0,
        role,
        zone: None,
        vrfs: Vec::new(),
        virtual_services: 0,
        interfaces_used: 0,
        interfaces: se.data_nics_per_se,
        vs_slots: se.max_vs_per_se,
        created_because: None,
    };
    if n > 0 {
        placement.extend((0..se.buffer_ses).map(|_| extra(SeRole::Buffer)));
        placement.extend((0..zone_spare).map(|_| extra(SeRole::ZoneSpare)));
    }
    for (i, p) in placement.iter_mut().enumerate() {
        p.index = i as u32 + 1;
        if zones > 1 {
            p.zone = Some(i as u32 % zones + 1);
        }
    }
    let zone_spread = (zones > 1).then(|| {
        let mut per_zone = vec![0u32; zones as usize];
        for i in 0..total {
            per_zone[(i % zones) as usize] += 1;
        }
        let largest = per_zone.iter().copied().max().unwrap_or(0);
        ZoneSpread { zones, per_zone, survive_zone_loss: survive, after_zone_loss: total - largest }
    });
    if zones > 1 && !survive {
        warnings.push(Warning::new(
            format!("{path}.survive_zone_loss"),
            WarningKind::ZoneSpread,
            format!(
                "SEs are spread over {zones} zones; losing a zone leaves {} of {total}. Turn on survive_zone_loss to size for it.",
                zone_spread.as_ref().map(|z| z.after_zone_loss).unwrap_or(0)
            ),
        ));
    }

    let active = match se.ha_mode {
        HaMode::ActiveStandby => n.min(1),
        _ => n,
    };
    let explanation = explain(&se, &load, n, lb, lb_binding, binding, total, zone_spare, before_next, reference);
    let plan = SePlan {
        settings: se,
        service_engines: ServiceEngines {
            carrying_load: n,
            buffer: if n > 0 { se.buffer_ses } else { 0 },
            zone_spare,
            total,
            lower_bound: lb,
            lower_bound_binding: lb_binding,
            binding,
            feasible,
            infeasible_reason,
            max_se: se.max_se,
            placement,
        },
        resources: resources(total as u64, &se),
        capacity: capacity(active, &se, cap),
        headroom: Headroom {
            reference_group: reference.map(|g| g.name.clone()),
            vs_per_namespace: vs_ref,
            namespaces_before_next_se: before_next,
            steps,
            projected_to: horizon,
        },
        load,
        zones: zone_spread,
        explanation,
    };
    (plan, warnings)
}

#[allow(clippy::too_many_arguments)]
fn explain(
    se: &SeGroupConfig,
    load: &Load,
    n: u32,
    lb: u32,
    lb_binding: Binding,
    binding: Binding,
    total: u32,
    zone_spare: u32,
    before_next: Option<u64>,
    reference: Option<&GroupDesign>,
) -> Vec<String> {
    let s = se.scale_factor;
    let mut out = Vec::new();
    if n == 0 {
        out.push("No T1 hosts a virtual service, so the group needs no SE.".to_string());
        return out;
    }
    out.push(format!(
        "{} T1s host {} virtual services; each VS is placed on {s} SE{} (scale factor {s}), filling {} VS slots.",
        load.vrfs_with_vs,
        load.virtual_services,
        if s == 1 { "" } else { "s" },
        load.vs_placements
    ));
    let by_nics = load.interface_demand.div_ceil(se.data_nics_per_se as u64);
    let by_vs = load.vs_placements.div_ceil(se.max_vs_per_se as u64);
    out.push(format!(
        "Data interfaces: {} interface attachments / {} per SE = {by_nics} SE(s). VS slots: {} / {} per SE = {by_vs} SE(s). \
         Scale factor: at least {s}. A perfect placement needs {lb} ({} binds).",
        load.interface_demand,
        se.data_nics_per_se,
        load.vs_placements,
        se.max_vs_per_se,
        lb_binding.label()
    ));
    let order = if n > lb {
        format!(" — {} more than a perfect placement, because placed VSes are never moved", n - lb)
    } else {
        String::new()
    };
    out.push(format!(
        "Placed one VS at a time as Avi does ({} placement), the group reaches {n} SE(s) carrying load{order}; the last was added for {}.",
        se.placement.key(),
        binding.label()
    ));
    let mut total_line = format!("{} + {} buffer", n, se.buffer_ses);
    if zone_spare > 0 {
        total_line.push_str(&format!(" + {zone_spare} to survive a zone loss"));
    }
    out.push(format!("Total: {total_line} = {total} SE(s) ({}).", se.ha_mode.label()));
    match (before_next, reference) {
        (Some(k), Some(g)) => out.push(format!(
            "Headroom: {k} more namespace(s) like '{}' ({} VS each) fit before the next SE.",
            g.name,
            g.vs_per_namespace()
        )),
        (None, Some(g)) => out.push(format!("Namespaces like '{}' host no virtual service and never need an SE.", g.name)),
        _ => {}
    }
    out
}

/// Sizes the DNS SE group of one controller cluster.
pub fn size_dns(dns: &DnsDesign) -> DnsPlan {
    let mut sim = Simulator::new(sim_config(&dns.se));
    sim.place_vrf(dns.virtual_services);
    let n = sim.count();
    let (total, _) = total_for(n, &dns.se, 1, false);
    DnsPlan {
        virtual_services: dns.virtual_services,
        carrying_load: n,
        buffer: total - n,
        total,
        resources: resources(total as u64, &dns.se),
    }
}

/// Maps Supervisors onto NSX managers, NSX clouds and Avi controller clusters, and
/// sizes each controller cluster by the VSes and SEs it manages.
pub fn topology(design: &Design, groups: &[SePlan], warnings: &mut Vec<Warning>) -> TopologyPlan {
    let names: Vec<String> = design.supervisors.iter().map(|s| s.name.clone()).collect();
    let count = names.len() as u32;
    let (nsx_managers, nsx_clouds) = match design.topology {
        Topology::Single | Topology::SharedTransportZone => (1, 1),
        Topology::DedicatedTransportZones => (1, count),
        Topology::MultiNsx => (count, count),
    };
    let members: Vec<Vec<usize>> = match design.topology {
        Topology::MultiNsx => (0..names.len()).map(|i| vec![i]).collect(),
        _ => vec![(0..names.len()).collect()],
    };
    let dns = design.dns.as_ref().map(size_dns);
    let mut resources_all = Resources { vcpus: 0, memory_gb: 0, disk_gb: 0, service_units: 0 };
    let mut clusters = Vec::new();
    for (k, idx) in members.iter().enumerate() {
        let mut vs: u64 = idx.iter().map(|&i| groups[i].load.virtual_services).sum();
        let mut ses: u64 = idx.iter().map(|&i| groups[i].service_engines.total as u64).sum();
        for &i in idx {
            resources_all = add(resources_all, groups[i].resources);
        }
        if let Some(d) = &dns {
            vs += d.virtual_services as u64;
            ses += d.total as u64;
            resources_all = add(resources_all, d.resources);
        }
        let fit = CONTROLLER_SIZES.iter().find(|&&(_, _, _, max_vs, max_se)| vs <= max_vs && ses <= max_se);
        let &(size, vcpus, mem, _, _) = fit.unwrap_or(&CONTROLLER_SIZES[CONTROLLER_SIZES.len() - 1]);
        let name = if members.len() == 1 { "avi-controller".to_string() } else { format!("avi-controller-{}", k + 1) };
        if fit.is_none() {
            warnings.push(Warning::new(
                "",
                WarningKind::ControllerSize,
                format!("{name} manages {vs} virtual services and {ses} SEs, beyond a Large controller (5000 VS, 400 SE): split the design."),
            ));
        }
        clusters.push(ControllerCluster {
            name,
            supervisors: idx.iter().map(|&i| names[i].clone()).collect(),
            virtual_services: vs,
            service_engines: ses,
            size,
            nodes: 3,
            vcpus_per_node: vcpus,
            memory_gb_per_node: mem,
            dns_se_group: dns.clone(),
        });
    }
    TopologyPlan { topology: design.topology, nsx_managers, nsx_clouds, controller_clusters: clusters, resources: resources_all }
}

#[cfg(test)]
mod tests;
