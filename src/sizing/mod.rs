//! Service Engine sizing (DOMAIN.md section 2): how many SEs each Supervisor's SE
//! group needs, why, what they cost, and how much growth they leave.
//!
//! A platform ([`crate::platform`]) turns a Supervisor's design into the load its SE
//! group carries ([`SeRules::se_load`], [`SeLoad`]: batches of virtual services with
//! the attachments they need); everything here works on that load alone, so it
//! serves every platform:
//! - `run`: the load through the placement simulation ([`simulate`]), the
//!   placement a running SE group reaches, step by step;
//! - `bound`: the lower bound a perfect (rebalanced) placement would need
//!   ([`lower_bound`]), so a user sees when creation order costs SEs;
//! - `headroom`: more namespaces like the reference one until the next SE, and the
//!   growth steps projected beyond today;
//! - `limits`: `max_se` caps the whole group, buffer included: what distributed
//!   placement may spread over, and the `max_se` to advise when the load needs more
//!   (following it gives the same total and no warning);
//! - `totals`: buffer SEs, zone spares, why Legacy Active/Standby cannot grow;
//! - `pair`: Legacy Active/Standby beyond its one pair: what the pair carries and
//!   what each elastic mode would need;
//! - `warnings`, `explain`, `placement`, `resources`: what the result says, in
//!   warnings, words, a table per SE, and vCPU/memory/disk/Service Units/capacity;
//! - `topology`: the roll-up onto NSX managers, clouds and Avi controller clusters,
//!   and the DNS SE group.
//!
//! Every entry point computes with the current rules; the `_with` variants take a
//! [`RuleSet`] so that [`crate::rules`] can say what an older version gave.

mod bound;
mod explain;
mod headroom;
mod limits;
mod load;
mod pair;
mod placement;
mod resources;
mod run;
pub mod simulate;
mod topology;
mod totals;
mod warnings;

use serde::Serialize;

use crate::design::{Capacity, SeGroupConfig, SupervisorDesign};
use crate::error::{Warning, WarningKind};
use crate::rules::{RuleId, RuleSet};
use crate::scenario::{HaMode, Placement, Topology};

pub use bound::lower_bound;
pub use load::{Need, Noun, Reference, SeLoad, SeRules};
pub use simulate::{Attachment, Binding, SimConfig, Simulator};
pub use topology::{runs_avi, size_dns, topology, topology_with, ControllerSize, CONTROLLER_SIZES, CONTROLLER_SIZES_22_1};

use totals::Totals;

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
    /// What the platform calls an attachment (a T1; on VDS a network), for sentences.
    #[serde(skip_serializing)]
    pub attachment: Noun,
    /// The catalogue rules the sizing used (the plan lists them once, in `rules.applied`).
    #[serde(skip)]
    pub applied: Vec<RuleId>,
    /// SE groups of their own beside the Supervisor's (NSX VPCs with a group per
    /// VPC); the Supervisor's group above carries the rest. Left out when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dedicated_groups: Vec<DedicatedGroup>,
}

/// An SE group of its own (NSX VPCs, `per_vpc`), sized like the Supervisor's with
/// its settings, on the load of what it serves.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DedicatedGroup {
    /// What it serves (a VPC, or alike VPCs: `team-001 … team-010`).
    pub name: String,
    /// Alike groups it stands for (one per auto-created VPC of a namespace group);
    /// the figures below are each one's.
    pub count: u32,
    pub virtual_services: u64,
    pub carrying_load: u32,
    pub buffer: u32,
    pub total: u32,
    pub lower_bound: u32,
    pub binding: Binding,
    pub feasible: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_se_advised: Option<u32>,
    pub resources: Resources,
}

impl SePlan {
    /// Virtual services of the Supervisor's group and its dedicated groups.
    pub fn all_virtual_services(&self) -> u64 {
        self.load.virtual_services + self.dedicated_groups.iter().map(|g| u64::from(g.count) * g.virtual_services).sum::<u64>()
    }

    /// SEs of the Supervisor's group and its dedicated groups.
    pub fn all_service_engines(&self) -> u64 {
        u64::from(self.service_engines.total) + self.dedicated_groups.iter().map(|g| u64::from(g.count) * u64::from(g.total)).sum::<u64>()
    }

    /// Resources of the Supervisor's group and its dedicated groups.
    pub fn all_resources(&self) -> Resources {
        self.dedicated_groups.iter().fold(self.resources, |r, g| resources::add(r, resources::times(g.resources, u64::from(g.count))))
    }
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
    /// When the group needs more than `max_se`: the `max_se` to set. Planning again
    /// at it gives this total and no warning (with distributed placement the group
    /// is placed as it would be at that `max_se`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_se_advised: Option<u32>,
    /// Legacy Active/Standby beyond one pair: what the pair carries, and what each
    /// elastic mode would need.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pair: Option<PairLimit>,
    pub placement: Vec<SeUse>,
}

/// How much of the load Legacy Active/Standby's one pair carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PairLimit {
    /// SEs the whole load would need.
    pub needed: u32,
    /// Virtual services the pair carries (the first ones, in arrival order)...
    pub virtual_services_carried: u64,
    /// ...of all of them.
    pub virtual_services: u64,
    /// Whether the Supervisor's own virtual services are all carried.
    pub supervisor_carried: bool,
    /// Namespaces whose every virtual service the pair carries (the first ones)...
    pub namespaces_carried: u64,
    /// ...of all of them.
    pub namespaces: u64,
    /// The first and the last namespace carried whole (empty: none; one: only it).
    pub carried: Vec<String>,
    /// The namespace carried in part, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partly: Option<String>,
    /// What each elastic mode would need for the whole load.
    pub elastic: Vec<ElasticOption>,
}

/// One elastic HA mode at its defaults for the same load and SE settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ElasticOption {
    pub ha_mode: HaMode,
    pub scale_factor: u32,
    pub buffer: u32,
    pub total: u32,
    pub service_units: u64,
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
    /// Why that size: which range it holds, and whether the (secondary) VS range decided it.
    pub size_reason: String,
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
    /// Avi vCenter clouds: one per VDS Supervisor with Avi (left out when none).
    #[serde(skip_serializing_if = "is_zero")]
    pub vcenter_clouds: u32,
    pub controller_clusters: Vec<ControllerCluster>,
    /// SE resources of the Supervisors that run Avi.
    pub resources: Resources,
    /// The vSphere Foundation Load Balancers of VDS Supervisors that use one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub foundation_lbs: Option<FoundationLbs>,
}

/// The Foundation Load Balancer appliances of a design, in all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FoundationLbs {
    pub supervisors: u32,
    pub appliances: u64,
    pub vcpus: u64,
    pub memory_gb: u64,
    pub disk_gb: u64,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl From<&SeGroupConfig> for SimConfig {
    fn from(se: &SeGroupConfig) -> Self {
        SimConfig {
            scale_factor: se.scale_factor,
            max_vs_per_se: se.max_vs_per_se,
            data_nics_per_se: se.data_nics_per_se,
            max_se: se.max_se,
            placement: se.placement,
        }
    }
}

/// Sizes one Supervisor's SE group by the rules of its platform
/// (`crate::platform::of(sup).se`) and the current rules. `path` is its JSON path
/// (for warnings).
pub fn size_supervisor(sup: &SupervisorDesign, rules: &dyn SeRules, path: &str, cap: &Capacity) -> (SePlan, Vec<Warning>) {
    size_supervisor_with(sup, rules, path, cap, RuleSet::current())
}

/// [`size_supervisor`] under the rules of `ruleset` (an older version, to say what
/// a rule change moved).
pub fn size_supervisor_with(
    sup: &SupervisorDesign,
    rules: &dyn SeRules,
    path: &str,
    cap: &Capacity,
    ruleset: RuleSet,
) -> (SePlan, Vec<Warning>) {
    let (mut plan, mut warnings) = size_load(sup, rules, &rules.se_load(sup), path, cap, ruleset);
    let dedicated = rules.dedicated_loads(sup);
    if dedicated.is_empty() {
        return (plan, warnings);
    }
    for (name, count, load) in &dedicated {
        let (group, group_warnings) = size_load(sup, rules, load, path, cap, ruleset);
        for mut w in group_warnings {
            // The group's own findings say which group; the settings' are the same for all.
            if matches!(w.kind, WarningKind::MaxSeExceeded | WarningKind::PlacementAboveLowerBound) {
                w.message = format!("SE group of {name}: {}", w.message);
            }
            if !warnings.contains(&w) {
                warnings.push(w);
            }
        }
        let e = &group.service_engines;
        plan.dedicated_groups.push(DedicatedGroup {
            name: name.clone(),
            count: *count,
            virtual_services: group.load.virtual_services,
            carrying_load: e.carrying_load,
            buffer: e.buffer,
            total: e.total,
            lower_bound: e.lower_bound,
            binding: e.binding,
            feasible: e.feasible,
            max_se_advised: e.max_se_advised,
            resources: group.resources,
        });
    }
    let groups = &plan.dedicated_groups;
    let count: u64 = groups.iter().map(|g| u64::from(g.count)).sum();
    let ses = plan.all_service_engines() - u64::from(plan.service_engines.total);
    plan.explanation.push(format!(
        "Beside this group, {count} dedicated SE group(s), one per {} hosting a virtual service, each sized like this one: \
         {ses} SEs more, {} in all.",
        plan.attachment.one,
        plan.all_service_engines()
    ));
    plan.applied.push(RuleId::VpcSeGroupsPerVpc);
    (plan, warnings)
}

/// The SE group settings the sizing computes with under `ruleset`: the data
/// interfaces capped at what an SE VM can have.
///
/// ```
/// use avi_sizer::{design::SeGroupConfig, rules::RuleSet, sizing::effective};
/// let se = SeGroupConfig { data_nics_per_se: 12, ..SeGroupConfig::default() };
/// assert_eq!(effective(&se, RuleSet::current()).data_nics_per_se, 9);
/// assert_eq!(effective(&se, RuleSet::of(1)).data_nics_per_se, 12);
/// ```
pub fn effective(se: &SeGroupConfig, ruleset: RuleSet) -> SeGroupConfig {
    let mut se = *se;
    if let Some(cap) = ruleset.data_nics_cap() {
        se.data_nics_per_se = se.data_nics_per_se.min(cap);
    }
    se
}

/// Sizes the SE group that carries `load`, the load `rules` made of `sup`.
fn size_load(
    sup: &SupervisorDesign,
    rules: &dyn SeRules,
    load: &SeLoad,
    path: &str,
    cap: &Capacity,
    ruleset: RuleSet,
) -> (SePlan, Vec<Warning>) {
    let se = effective(&sup.se, ruleset);
    let totals = Totals { se, zones: sup.zones, survive_zone_loss: sup.survive_zone_loss };
    let total_of = |n| totals.of(n).0;
    let (run, advised) = limits::placed(load, &totals, ruleset);
    let summary = load.summary(se.scale_factor, se.max_vs_per_se);
    let needed = run.sim.count();
    let one_pair = ruleset.active_standby_is_one_pair() && se.ha_mode == HaMode::ActiveStandby && needed > pair::PAIR;
    let engines = if one_pair {
        let (sim, mut limit) = pair::carried(load, SimConfig::from(&se), rules, sup, needed);
        limit.elastic = [HaMode::NPlusM, HaMode::ActiveActive]
            .into_iter()
            .map(|mode| pair::option(mode, &size_load(&pair::elastic(sup, mode), rules, load, path, cap, ruleset).0))
            .collect();
        let mut engines = service_engines(&sim, load, &summary, &totals, None);
        // Why the pair is not enough: what the third SE would have been added for.
        engines.binding = run.sim.binding();
        engines.feasible = false;
        engines.infeasible_reason = Some(totals::pair_reason(&limit, engines.binding));
        engines.pair = Some(limit);
        engines
    } else {
        let mut engines = service_engines(&run.sim, load, &summary, &totals, advised);
        if se.ha_mode == HaMode::ActiveStandby && needed > pair::PAIR {
            // Rules 1: the SEs the load would need, counted as if they existed.
            engines.feasible = false;
            engines.infeasible_reason = Some(totals::infeasible_reason(needed, engines.binding));
        }
        engines
    };
    let headroom = headroom::headroom(load, &run.sim, run.steps, &total_of);
    let zones = totals.spread(engines.total);

    let mut warnings = warnings::inputs(sup, path, ruleset);
    warnings.extend(warnings::group(sup, path, &engines));
    warnings.extend(rules.se_warnings(sup, path));
    warnings.extend(warnings::zones(path, zones.as_ref(), engines.total));

    let active = match se.ha_mode {
        HaMode::ActiveStandby => engines.carrying_load.min(1),
        _ => engines.carrying_load,
    };
    // Active/Active on compact: Avi's UI would have pre-selected distributed.
    let distributed = (se.ha_mode == HaMode::ActiveActive && se.placement == Placement::Compact && needed > 0).then(|| {
        let mut other = sup.clone();
        other.se.placement = Placement::Distributed;
        size_load(&other, rules, load, path, cap, ruleset).0.service_engines.total
    });
    let notes = explain::Notes { needed, distributed };
    let mut plan = SePlan {
        settings: se,
        resources: resources::resources(engines.total as u64, &se),
        capacity: resources::capacity(active, &se, cap, ruleset.caps_per_se()),
        explanation: explain::explain(&se, &summary, &engines, &headroom, rules.attachment_noun(), &notes),
        attachment: rules.attachment_noun(),
        service_engines: engines,
        headroom,
        load: summary,
        zones,
        applied: Vec::new(),
        dedicated_groups: Vec::new(),
    };
    plan.applied = applied(sup, &plan, rules);
    (plan, warnings)
}

/// The catalogue rules this sizing used.
fn applied(sup: &SupervisorDesign, plan: &SePlan, rules: &dyn SeRules) -> Vec<RuleId> {
    let se = &plan.settings;
    let mut ids = rules.rules_applied().to_vec();
    ids.extend([RuleId::SeVsSlots, RuleId::SeLowerBound, RuleId::SeMaxSe, RuleId::SeServiceUnits, RuleId::SeResources, RuleId::SeCapacity]);
    if se.data_nics_per_se < sup.se.data_nics_per_se {
        ids.push(RuleId::SeDataInterfacesCapped);
    }
    ids.push(match se.placement {
        Placement::Compact => RuleId::SePlacementCompact,
        Placement::Distributed => RuleId::SePlacementDistributed,
    });
    match se.ha_mode {
        HaMode::NPlusM => ids.push(RuleId::SeBufferNPlusM),
        HaMode::ActiveActive => ids.extend([RuleId::SeActiveActive, RuleId::SeBufferNPlusM]),
        HaMode::ActiveStandby => ids.push(RuleId::SeActiveStandby),
    }
    if sup.zones > 1 {
        ids.push(RuleId::SeZones);
    }
    ids
}

/// The SE counts of the group `sim` reached: carrying load, the lower bound, the
/// total, the `max_se` to advise and the placement table.
fn service_engines(sim: &Simulator, load: &SeLoad, summary: &Load, totals: &Totals, advised: Option<u32>) -> ServiceEngines {
    let se = &totals.se;
    let (n, binding) = (sim.count(), sim.binding());
    let (lower_bound, lower_bound_binding) = bound::lower_bound_of(
        summary.virtual_services,
        summary.interface_demand,
        se.scale_factor,
        se.max_vs_per_se,
        se.data_nics_per_se,
    );
    let (total, zone_spare) = totals.of(n);
    ServiceEngines {
        carrying_load: n,
        buffer: if n > 0 { se.buffer_ses } else { 0 },
        zone_spare,
        total,
        lower_bound,
        lower_bound_binding,
        binding,
        feasible: true,
        infeasible_reason: None,
        max_se: se.max_se,
        max_se_advised: advised,
        pair: None,
        placement: placement::table(sim, load, se, zone_spare, totals.zones),
    }
}

#[cfg(test)]
mod tests;
