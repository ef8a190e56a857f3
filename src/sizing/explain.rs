//! The answer in plain words: one sentence a line, the numbers in it.

use crate::design::SeGroupConfig;
use super::{Headroom, Load, Noun, ServiceEngines};

/// The arithmetic of the SE count. `noun` names an attachment (on NSX with Avi, a T1).
pub(crate) fn explain(se: &SeGroupConfig, load: &Load, engines: &ServiceEngines, headroom: &Headroom, noun: Noun) -> Vec<String> {
    let s = se.scale_factor;
    let (n, lb, total, zone_spare) = (engines.carrying_load, engines.lower_bound, engines.total, engines.zone_spare);
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
    let mut total_line = format!("{} + {} buffer", n, se.buffer_ses);
    if zone_spare > 0 {
        total_line.push_str(&format!(" + {zone_spare} to survive a zone loss"));
    }
    out.push(format!("Total: {total_line} = {total} SE(s) ({}).", se.ha_mode.label()));
    match (headroom.namespaces_before_next_se, &headroom.reference_group) {
        (Some(k), Some(g)) => out.push(format!(
            "Headroom: {k} more namespace(s) like '{g}' ({} VS each) fit before the next SE.",
            headroom.vs_per_namespace
        )),
        (None, Some(g)) => out.push(format!("Namespaces like '{g}' host no virtual service and never need an SE.")),
        _ => {}
    }
    out
}
