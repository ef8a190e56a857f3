//! Where computing a scenario with the current rules moved its numbers, against the
//! rules it was made under: the SE sizing and the controller roll-up run again
//! under the old [`RuleSet`] (the network plan follows no versioned rule), and each
//! number that differs is a [`RuleChange`] with the behaviours that moved it.
//!
//! A behaviour is named as a reason when it concerns that number and applies to
//! the Supervisor (data interfaces above 9 given, distributed placement, Legacy
//! Active/Standby beyond its pair, a per-SE cap that binds); a change in SE counts
//! carries its reasons on to the Service Units, capacity and controller size.

use crate::design::{Capacity, Design, SeGroupConfig, SupervisorDesign};
use crate::platform;
use crate::scenario::{HaMode, Placement};
use crate::sizing::{self, SePlan, TopologyPlan};

use super::{Change, Number, RuleChange, RuleSet, CURRENT};

/// The changes for a design made under `design.rules_version`, given the current
/// rules' SE plans (one per Supervisor, in order) and topology. Empty when the
/// scenario was made under the current rules.
pub fn changes(design: &Design, current: &[&SePlan], topology: &TopologyPlan) -> Vec<RuleChange> {
    let old_rules = RuleSet::of(design.rules_version);
    if old_rules.version >= CURRENT {
        return Vec::new();
    }
    let old: Vec<SePlan> = design
        .supervisors
        .iter()
        .enumerate()
        .map(|(i, sup)| {
            sizing::size_supervisor_with(sup, platform::of(sup).se, &format!("supervisors[{i}]"), &design.capacity, old_rules).0
        })
        .collect();
    let old_topology = sizing::topology_with(design, &old, &mut Vec::new(), old_rules);
    let diff = Diff { old: old_rules.version };
    let mut out = Vec::new();
    let mut counts_moved = Vec::new();
    for ((sup, new), old) in design.supervisors.iter().zip(current).zip(&old) {
        let counts = count_reasons(sup, new);
        let name = sup.name.as_str();
        let before = out.len();
        diff.push(&mut out, name, "total_ses", "SEs", Number::Count(old.service_engines.total.into()), Number::Count(new.service_engines.total.into()), &counts);
        diff.push(&mut out, name, "service_units", "Service Units", Number::Count(old.resources.service_units), Number::Count(new.resources.service_units), &counts);
        if out.len() > before {
            counts_moved.extend(counts.iter().copied());
        }
        let mut capacity = counts.clone();
        if caps_bind(&new.settings, &design.capacity) {
            capacity.push(Change::PerSeCaps);
        }
        let (o, n) = (&old.capacity, &new.capacity);
        let rows = [
            ("throughput_gbps", "Gbps throughput", Number::Decimal(o.throughput_gbps), Number::Decimal(n.throughput_gbps)),
            ("http_rps", "HTTP requests/s", Number::Count(o.http_rps), Number::Count(n.http_rps)),
            ("ssl_gbps", "Gbps SSL", Number::Decimal(o.ssl_gbps), Number::Decimal(n.ssl_gbps)),
            ("rsa2k_tps", "RSA-2K TPS", Number::Count(o.rsa2k_tps), Number::Count(n.rsa2k_tps)),
            ("ecc_tps", "ECC TPS", Number::Count(o.ecc_tps), Number::Count(n.ecc_tps)),
        ];
        for (what, unit, o, n) in rows {
            diff.push(&mut out, name, what, unit, o, n, &capacity);
        }
    }
    if let Some(dns) = &design.dns {
        if dns.se.data_nics_per_se > 9 || dns.se.placement == Placement::Distributed {
            counts_moved.extend([Change::DataNicsAtMost9, Change::MaxSeIncludesBuffer]);
        }
    }
    let mut controller = vec![Change::ControllerSizes302];
    controller.extend(counts_moved);
    controller.sort();
    controller.dedup();
    for (o, n) in old_topology.controller_clusters.iter().zip(&topology.controller_clusters) {
        let name = n.name.as_str();
        let (ov, nv) = (Number::Count(o.vcpus_per_node.into()), Number::Count(n.vcpus_per_node.into()));
        diff.push(&mut out, name, "controller_vcpus_per_node", "vCPU per controller node", ov, nv, &controller);
        let (om, nm) = (Number::Count(o.memory_gb_per_node.into()), Number::Count(n.memory_gb_per_node.into()));
        diff.push(&mut out, name, "controller_memory_gb_per_node", "GB per controller node", om, nm, &controller);
    }
    out
}

/// The behaviours that can move a Supervisor's SE count, those that apply to it.
fn count_reasons(sup: &SupervisorDesign, new: &SePlan) -> Vec<Change> {
    let mut out = Vec::new();
    if sup.se.data_nics_per_se > new.settings.data_nics_per_se {
        out.push(Change::DataNicsAtMost9);
    }
    if sup.se.placement == Placement::Distributed && sup.se.ha_mode != HaMode::ActiveStandby {
        out.push(Change::MaxSeIncludesBuffer);
    }
    if new.service_engines.pair.is_some() {
        out.push(Change::ActiveStandbyOnePair);
    }
    out
}

/// Whether a per-SE cap on requests/s, SSL throughput or TPS binds for this SE size.
fn caps_bind(se: &SeGroupConfig, c: &Capacity) -> bool {
    let v = u64::from(se.vcpus_per_se);
    v * u64::from(c.http_rps_per_vcpu) > u64::from(c.max_http_rps_per_se)
        || f64::from(se.vcpus_per_se) * c.ssl_gbps_per_vcpu > c.max_ssl_gbps_per_se
        || v * u64::from(c.rsa2k_tps_per_vcpu) > u64::from(c.max_rsa2k_tps_per_se)
        || v * u64::from(c.ecc_tps_per_vcpu) > u64::from(c.max_ecc_tps_per_se)
}

/// Writes the changes of one old rules version.
struct Diff {
    old: u32,
}

impl Diff {
    /// A change when `old` and `new` differ: "with rules 1: 5 SEs; with rules 2: 4, because ...".
    #[allow(clippy::too_many_arguments)]
    fn push(&self, out: &mut Vec<RuleChange>, who: &str, what: &'static str, unit: &str, old: Number, new: Number, reasons: &[Change]) {
        if old == new {
            return;
        }
        let mut reasons: Vec<Change> = reasons.iter().copied().filter(|c| c.since() > self.old).collect();
        reasons.sort();
        reasons.dedup();
        let because = reasons.iter().map(|c| c.reason()).collect::<Vec<_>>().join("; and ");
        let text = if because.is_empty() {
            format!("with rules {}: {old} {unit}; with rules {CURRENT}: {new}", self.old)
        } else {
            format!("with rules {}: {old} {unit}; with rules {CURRENT}: {new}, because {because}", self.old)
        };
        out.push(RuleChange { scope: who.to_string(), what, old, new, reasons, text });
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::plan_scenario;
    use crate::rules::{Change, Number, RuleChange, CURRENT};
    use crate::scenario::{HaMode, NamespaceGroup, Placement, Scenario, SeGroupSpec, Supervisor};

    /// One Supervisor with `count` namespaces of one TKG cluster, made under rules 1.
    fn old(count: u32, se: SeGroupSpec, sup_vs: u32) -> Scenario {
        let mut sup = Supervisor::new("sv");
        sup.supervisor_virtual_services = sup_vs;
        let mut g = NamespaceGroup::new("ns", count);
        g.tkg_clusters = 1;
        sup.namespaces.push(g);
        Scenario { rules_version: None, se_group: se, supervisors: vec![sup], ..Scenario::default() }
    }

    fn change<'a>(changes: &'a [RuleChange], what: &str) -> &'a RuleChange {
        changes.iter().find(|c| c.what == what).unwrap_or_else(|| panic!("no {what} change in {changes:?}"))
    }

    #[test]
    fn the_seed_claim_saved_with_ten_interfaces_says_what_changed_and_why() {
        let s = old(10, SeGroupSpec { ha_mode: Some(HaMode::ActiveActive), buffer_ses: Some(0), data_nics_per_se: Some(10), ..Default::default() }, 0);
        let plan = plan_scenario(&s).unwrap();
        assert_eq!((plan.rules.version, plan.rules.made_under), (CURRENT, 1));
        let total = change(&plan.rules.changes, "total_ses");
        assert_eq!((total.scope.as_str(), total.old, total.new), ("sv", Number::Count(2), Number::Count(4)));
        assert_eq!(total.reasons, vec![Change::DataNicsAtMost9]);
        assert!(total.text.starts_with("with rules 1: 2 SEs; with rules 2: 4, because an SE VM on vSphere has 10 vNICs"), "{}", total.text);
        assert_eq!(change(&plan.rules.changes, "service_units").new, Number::Count(4));
        // The controller: Essentials (4 vCPU / 24 GB) under rules 1, Small (6 / 32) now.
        let cpu = change(&plan.rules.changes, "controller_vcpus_per_node");
        assert_eq!((cpu.scope.as_str(), cpu.old, cpu.new), ("avi-controller", Number::Count(4), Number::Count(6)));
        assert!(cpu.reasons.contains(&Change::ControllerSizes302));
        assert_eq!(change(&plan.rules.changes, "controller_memory_gb_per_node").old, Number::Count(24));
        // Made under the current rules, nothing to say.
        let now = plan_scenario(&s.clone().made_now()).unwrap();
        assert_eq!((now.rules.made_under, now.rules.changes.len()), (CURRENT, 0));
        assert_eq!(now.supervisors[0].service_engines.total, 4);
    }

    #[test]
    fn distributed_placement_within_max_se_and_the_one_pair_and_the_caps_name_their_reason() {
        // Distributed at max_se 4: rules 1 spread over 4 and put the buffer on top (5).
        let s = old(3, SeGroupSpec { placement: Some(Placement::Distributed), max_se: Some(4), ..Default::default() }, 1);
        let c = change(&plan_scenario(&s).unwrap().rules.changes, "total_ses").clone();
        assert_eq!((c.old, c.new, c.reasons), (Number::Count(5), Number::Count(4), vec![Change::MaxSeIncludesBuffer]));
        assert!(c.text.contains("because max_se now caps the whole group, buffer included"), "{}", c.text);

        // Legacy Active/Standby beyond its pair: rules 1 counted 4 SEs, now the pair.
        let s = old(9, SeGroupSpec { ha_mode: Some(HaMode::ActiveStandby), ..Default::default() }, 1);
        let c = change(&plan_scenario(&s).unwrap().rules.changes, "total_ses").clone();
        assert_eq!((c.old, c.new, c.reasons), (Number::Count(4), Number::Count(2), vec![Change::ActiveStandbyOnePair]));

        // 8 vCPU SEs: 8 x 40k requests/s is above the 160k one SE reaches.
        let s = old(2, SeGroupSpec { vcpus_per_se: Some(8), ..Default::default() }, 1);
        let plan = plan_scenario(&s).unwrap();
        let c = change(&plan.rules.changes, "http_rps");
        assert_eq!((c.old, c.new, c.reasons.clone()), (Number::Count(320_000), Number::Count(160_000), vec![Change::PerSeCaps]));
        assert_eq!(plan.supervisors[0].capacity.http_rps, 160_000);
        assert!(plan.rules.changes.iter().all(|c| c.what != "total_ses"), "the SE count did not move");
    }
}
