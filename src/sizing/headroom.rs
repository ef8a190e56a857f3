//! Headroom and growth: repeat the reference namespace (the last group's shape)
//! until the next SE is created, and project the steps at least
//! [`PROJECT_AT_LEAST`] (or today's count) further.

use crate::design::limits::NAMESPACES_PER_SUPERVISOR;

use super::load::{Need, SeLoad};
use super::run::record;
use super::simulate::Simulator;
use super::{Headroom, Step};

/// How far past today's namespace count the growth steps are projected: at least
/// this many more namespaces, and at least as many again as there are today.
pub(crate) const PROJECT_AT_LEAST: u64 = 20;

/// Headroom after the run that reached `sim` with `steps`; the projected steps are appended.
pub(crate) fn headroom(load: &SeLoad, sim: &Simulator, mut steps: Vec<Step>, total: &impl Fn(u32) -> u32) -> Headroom {
    let namespaces = load.namespaces();
    let horizon = namespaces + PROJECT_AT_LEAST.max(namespaces);
    let reference = load.reference();
    let vs_ref = reference.map_or(0, |r| r.virtual_services());
    let mut before_next = None;
    if let Some(r) = reference.filter(|_| vs_ref > 0) {
        let n = sim.count();
        let limit = NAMESPACES_PER_SUPERVISOR.max(horizon);
        let mut proj = sim.clone();
        let (mut next_own, own) = (load.attachments(), r.own_attachments());
        let mut needs = Vec::new();
        let mut added = 0u64;
        while namespaces + added < limit {
            for (shape, vs) in &r.batches {
                needs.clear();
                needs.extend(shape.iter().map(|n| match *n {
                    Need::Own(k) => next_own + k,
                    Need::Existing(a) => a,
                }));
                proj.place(&needs, *vs);
            }
            next_own += own;
            added += 1;
            if proj.count() > n && before_next.is_none() {
                before_next = Some(added - 1);
            }
            if namespaces + added <= horizon {
                record(&mut steps, &proj, namespaces + added, true, total);
            }
            if before_next.is_some() && namespaces + added >= horizon {
                break;
            }
        }
    }
    Headroom {
        reference_group: reference.map(|r| r.group.clone()),
        vs_per_namespace: vs_ref,
        namespaces_before_next_se: before_next,
        steps,
        projected_to: horizon,
    }
}
