//! Legacy Active/Standby beyond one pair (rules 2): the pair that exists, how much
//! of the load it carries before a third SE would be needed, and what each elastic
//! mode would need for the whole load.

use crate::design::SupervisorDesign;
use crate::scenario::{HaMode, Placement};

use super::load::{SeLoad, SeRules};
use super::simulate::{SimConfig, Simulator};
use super::{ElasticOption, PairLimit};

/// The pair Legacy Active/Standby has.
pub(crate) const PAIR: u32 = 2;

/// What the pair carries: the simulation placed VS by VS, stopped at the first
/// virtual service that would need a third SE. `needed` is what the whole load
/// needs. Returns the pair's simulation (for the placement table) and the numbers.
pub(crate) fn carried(load: &SeLoad, cfg: SimConfig, rules: &dyn SeRules, sup: &SupervisorDesign, needed: u32) -> (Simulator, PairLimit) {
    // First pass: how many VSes, in arrival order, fit on the pair.
    let mut probe = Simulator::new(cfg);
    let (mut carried_vs, mut units_whole, mut partly) = (0u64, 0usize, false);
    'units: for unit in load.units() {
        let mut placed_here = 0u64;
        for (needs, vs) in unit {
            for _ in 0..vs {
                probe.place(needs, 1);
                if probe.count() > PAIR {
                    partly = placed_here > 0;
                    break 'units;
                }
                placed_here += 1;
                carried_vs += 1;
            }
        }
        units_whole += 1;
    }
    // Second pass: exactly those, one at a time as before, so the pair's state is
    // what the table shows.
    let mut sim = Simulator::new(cfg);
    let mut left = carried_vs;
    for (needs, vs) in load.units().flatten() {
        for _ in 0..u64::from(vs).min(left) {
            sim.place(needs, 1);
        }
        left = left.saturating_sub(u64::from(vs));
        if left == 0 {
            break;
        }
    }
    // Unit 0 is the Supervisor's own; the others are namespaces in order.
    let names = namespace_names(sup, rules);
    let whole = units_whole.saturating_sub(1);
    let carried_names = match whole {
        0 => Vec::new(),
        1 => names.first().cloned().into_iter().collect(),
        n => names.first().cloned().into_iter().chain(names.get(n - 1).cloned()).collect(),
    };
    let summary = load.summary(cfg.scale_factor, cfg.max_vs_per_se);
    let limit = PairLimit {
        needed,
        virtual_services_carried: carried_vs,
        virtual_services: summary.virtual_services,
        supervisor_carried: units_whole > 0,
        namespaces_carried: whole as u64,
        namespaces: summary.namespaces,
        carried: carried_names,
        partly: if partly { names.get(whole).cloned() } else { None },
        elastic: Vec::new(),
    };
    (sim, limit)
}

/// Every namespace's name, in the order the load presents them.
fn namespace_names(sup: &SupervisorDesign, rules: &dyn SeRules) -> Vec<String> {
    sup.groups.iter().flat_map(|g| (1..=g.count).map(move |n| rules.namespace_name(&g.name, n))).collect()
}

/// The Supervisor with its SE group in elastic `mode` at that mode's defaults
/// (scale factor, buffer) and compact placement, every other setting as it was.
pub(crate) fn elastic(sup: &SupervisorDesign, mode: HaMode) -> SupervisorDesign {
    let mut other = sup.clone();
    other.se.ha_mode = mode;
    other.se.scale_factor = mode.default_scale_factor();
    other.se.max_scaleout_per_vs = other.se.max_scaleout_per_vs.max(other.se.scale_factor);
    other.se.buffer_ses = mode.default_buffer();
    other.se.placement = Placement::Compact;
    other
}

/// The option one elastic mode gives.
pub(crate) fn option(mode: HaMode, se: &super::SePlan) -> ElasticOption {
    ElasticOption {
        ha_mode: mode,
        scale_factor: se.settings.scale_factor,
        buffer: se.service_engines.buffer,
        total: se.service_engines.total,
        service_units: se.resources.service_units,
    }
}
