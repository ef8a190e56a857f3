//! The answer in plain words: one sentence a line, the numbers in it.

use crate::design::SeGroupConfig;
use crate::scenario::{HaMode, Placement};

use super::{Headroom, Load, Noun, ServiceEngines};

/// What the explanation says beside the counts.
pub(crate) struct Notes {
    /// SEs the placement reaches for the whole load (more than carry it when
    /// Legacy Active/Standby runs out of its pair).
    pub needed: u32,
    /// For Active/Active on compact placement: the total distributed placement gives.
    pub distributed: Option<u32>,
}

/// The arithmetic of the SE count, then how the placement is drawn. `noun` names
/// an attachment (on NSX with Avi, a T1).
pub(crate) fn explain(
    se: &SeGroupConfig,
    load: &Load,
    engines: &ServiceEngines,
    headroom: &Headroom,
    noun: Noun,
    notes: &Notes,
) -> Vec<String> {
    let s = se.scale_factor;
    let (n, lb, total, zone_spare) = (notes.needed, engines.lower_bound, engines.total, engines.zone_spare);
    let mut out = Vec::new();
    if n == 0 {
        out.push(format!("No {} hosts a virtual service, so the group needs no SE.", noun.one));
        return out;
    }
    out.push(format!(
        "{} {} host {} virtual services; each VS is placed on {s} SE{} (scale factor {s}), filling {} VS slots.",
        load.vrfs_with_vs,
        noun.many,
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
        engines.lower_bound_binding.label()
    ));
    let order = if n > lb {
        format!(" — {} more than a perfect placement, because placed VSes are never moved", n - lb)
    } else {
        String::new()
    };
    out.push(format!(
        "Placed one VS at a time as Avi does ({} placement), the group reaches {n} SE(s) carrying load{order}; the last was added for {}.",
        se.placement.key(),
        engines.binding.label()
    ));
    match &engines.pair {
        Some(pair) => out.push(format!(
            "Total: the one pair of {} = {total} SEs, carrying {} of {} virtual services; the rest cannot be placed.",
            se.ha_mode.label(),
            pair.virtual_services_carried,
            pair.virtual_services
        )),
        None => {
            let mut total_line = format!("{} + {} buffer", n, se.buffer_ses);
            if zone_spare > 0 {
                total_line.push_str(&format!(" + {zone_spare} to survive a zone loss"));
            }
            out.push(format!("Total: {total_line} = {total} SE(s) ({}).", se.ha_mode.label()));
        }
    }
    match (headroom.namespaces_before_next_se, &headroom.reference_group) {
        (Some(k), Some(g)) => out.push(format!(
            "Headroom: {k} more namespace(s) like '{g}' ({} VS each) fit before the next SE.",
            headroom.vs_per_namespace
        )),
        (None, Some(g)) => out.push(format!("Namespaces like '{g}' host no virtual service and never need an SE.")),
        _ => {}
    }
    if se.ha_mode != HaMode::ActiveStandby && engines.buffer > 0 {
        out.push(format!(
            "The placement shows the {} buffer SE(s) empty, for clarity: Avi spreads virtual services over every SE and keeps \
             {} SE(s)' worth of capacity spare in aggregate (its N+M example runs 20 VSes as 5/5/5/5 on 4 SEs). The totals \
             agree when VS slots bind.",
            engines.buffer, engines.buffer
        ));
    }
    if let Some(d) = notes.distributed.filter(|_| se.ha_mode == HaMode::ActiveActive && se.placement == Placement::Compact) {
        out.push(format!(
            "Avi's UI pre-selects distributed placement for Active/Active (the API default, used here, is compact): with \
             distributed placement this group would need {d} SE(s)."
        ));
    }
    out
}
