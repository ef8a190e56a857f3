//! `max_se` (DOMAIN.md section 2): it caps the whole group, buffer and zone spares
//! included, so distributed placement spreads over at most what is left for SEs
//! carrying load; and a load that needs more is placed as it would be at the
//! `max_se` to advise, so that following the advice gives the same total and no
//! warning.

use crate::rules::RuleSet;
use crate::scenario::Placement;

use super::load::SeLoad;
use super::run::{self, Run};
use super::simulate::SimConfig;
use super::totals::Totals;

/// Rounds of "plan at the total, take the new total" before giving up on a fixed
/// point (distributed placement reaches one in one or two in practice).
const MAX_ROUNDS: usize = 32;

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
/// Distributed placement spreads further the higher `max_se` is, so under rules 2
/// the load is placed again at the total until a `max_se` holds the group it
/// reaches: that run is the one reported, and that `max_se` the advice. Rules 1
/// advised the total, which distributed placement then outgrew.
pub(crate) fn placed(load: &SeLoad, totals: &Totals, rules: RuleSet) -> (Run, Option<u32>) {
    let max_se = totals.se.max_se;
    let total_of = |n| totals.of(n).0;
    let at = |max_se: u32| run::run(load, config(totals, max_se, rules), &total_of);
    let mut run = at(max_se);
    let mut advised = total_of(run.sim.count());
    if advised <= max_se {
        return (run, None);
    }
    if !rules.max_se_includes_buffer() || totals.se.placement == Placement::Compact {
        return (run, Some(advised));
    }
    for _ in 0..MAX_ROUNDS {
        run = at(advised);
        let total = total_of(run.sim.count());
        if total <= advised {
            break;
        }
        advised = total;
    }
    (run, Some(advised))
}
