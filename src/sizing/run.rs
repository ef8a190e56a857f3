//! The simulation run: a load's batches through [`Simulator`], Supervisor first,
//! recording at which namespace count the SE count changes.

use super::load::SeLoad;
use super::simulate::{SimConfig, Simulator};
use super::Step;

/// The SE group a load reaches, and the steps on the way.
pub(crate) struct Run {
    pub sim: Simulator,
    pub steps: Vec<Step>,
}

/// Places the Supervisor's batches, then each namespace's, in order.
pub(crate) fn run(load: &SeLoad, cfg: SimConfig, total: &impl Fn(u32) -> u32) -> Run {
    let mut sim = Simulator::new(cfg);
    let mut steps = Vec::new();
    for (namespaces, unit) in load.units().enumerate() {
        for (needs, vs) in unit {
            sim.place(needs, vs);
        }
        record(&mut steps, &sim, namespaces as u64, false, total);
    }
    Run { sim, steps }
}

/// Appends a step when the SE count differs from the last step's. `total` is the
/// group total for a number of SEs carrying load.
pub(crate) fn record(steps: &mut Vec<Step>, sim: &Simulator, namespaces: u64, projected: bool, total: &impl Fn(u32) -> u32) {
    let n = sim.count();
    if steps.last().is_none_or(|s| s.carrying_load != n) {
        steps.push(Step { namespaces, carrying_load: n, total: total(n), binding: sim.binding(), projected });
    }
}
