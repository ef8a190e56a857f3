//! `max_se` (DOMAIN.md section 2): it caps the whole group, buffer and zone spares
//! included, so distributed placement spreads over at most what is left for SEs
//! carrying load; and a load that needs more is placed as it would be at the
//! `max_se` to advise, so that following the advice gives the same total and no
//! warning.

use crate::design::limits;
use crate::rules::RuleSet;
use crate::scenario::Placement;

use super::load::SeLoad;
use super::run::{self, Run};
use super::simulate::SimConfig;
use super::totals::Totals;

/// The most SEs carrying load distributed placement spreads over under `max_se`.
/// Rules 2: the largest count whose group total (buffer and zone spares included)
/// stays within `max_se` (0 when even one SE's group would not). Rules 1: `max_se`
/// itself, the buffer on top.
pub(crate) fn spread_limit(totals: &Totals, max_se: u32, rules: RuleSet) -> u32 {
    if !rules.max_se_includes_buffer() {
        return max_se;
    }
    // The total is at least the count and grows with it: count down from max_se.
    (0..=max_se).rev().find(|&n| totals.of(n).0 <= max_se).unwrap_or(0)
}

/// The simulation of `se` at `max_se`.
fn config(totals: &Totals, max_se: u32, rules: RuleSet) -> SimConfig {
    SimConfig { max_se: spread_limit(totals, max_se, rules), ..SimConfig::from(&totals.se) }
}

/// Places `load` within the group's `max_se`, and returns the run with the
/// `max_se` to advise when the group needs more (`None`: it fits).
///
/// Compact placement does not depend on `max_se`, so the advice is the total.
/// Distributed placement spreads further the higher `max_se` is (with few data
/// interfaces, onto a new SE per virtual service until `max_se`), so under rules 2
/// the advice is the smallest `max_se` up to Avi's 1000 that holds the group it
/// reaches there, found by bisection, and that run is the one reported: following
/// the advice gives the same total and no warning. When not even 1000 holds it, the
/// run at 1000 is reported and its total is the advice (more than one SE group
/// holds). Rules 1 advised the total, which distributed placement then outgrew.
pub(crate) fn placed(load: &SeLoad, totals: &Totals, rules: RuleSet) -> (Run, Option<u32>) {
    let max_se = totals.se.max_se;
    let total_of = |n| totals.of(n).0;
    let at = |max_se: u32| {
        let run = run::run(load, config(totals, max_se, rules), &total_of);
        let total = total_of(run.sim.count());
        (run, total)
    };
    let (run, total) = at(max_se);
    if total <= max_se {
        return (run, None);
    }
    let most = limits::MAX_SE as u32;
    if !rules.max_se_includes_buffer() || totals.se.placement == Placement::Compact || max_se >= most {
        return (run, Some(total));
    }
    let (high_run, high_total) = at(most);
    if high_total > most {
        return (high_run, Some(high_total));
    }
    // `lo` does not hold the group it reaches, `hi` does (with `best`, its run).
    let (mut lo, mut hi, mut best) = (max_se, most, high_run);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        let (run, total) = at(mid);
        if total <= mid {
            hi = mid;
            best = run;
        } else {
            lo = mid;
        }
    }
    (best, Some(hi))
}
