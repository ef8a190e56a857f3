//! The warnings every SE group can earn, whatever the platform: more SEs than
//! `max_se`, SEs that creation order costs, and a zone loss the group is not sized
//! for. A platform adds its own between the first two and the last
//! ([`super::SeRules::se_warnings`]).

use crate::design::SupervisorDesign;
use crate::error::{Warning, WarningKind};

use super::{ServiceEngines, ZoneSpread};

/// Above `max_se`, and above the lower bound.
pub(crate) fn group(sup: &SupervisorDesign, path: &str, engines: &ServiceEngines) -> Vec<Warning> {
    let (total, n, lb) = (engines.total, engines.carrying_load, engines.lower_bound);
    let mut warnings = Vec::new();
    if total > engines.max_se {
        warnings.push(Warning::new(
            sup.max_se_path(path),
            WarningKind::MaxSeExceeded,
            format!("The SE group needs {total} SEs but max_se is {}: raise max_se to at least {total}.", engines.max_se),
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
    warnings
}

/// SEs spread over zones without sizing for the loss of one.
pub(crate) fn zones(path: &str, spread: Option<&ZoneSpread>, total: u32) -> Option<Warning> {
    let z = spread.filter(|z| !z.survive_zone_loss)?;
    Some(Warning::new(
        format!("{path}.survive_zone_loss"),
        WarningKind::ZoneSpread,
        format!(
            "SEs are spread over {} zones; losing a zone leaves {} of {total}. Turn on survive_zone_loss to size for it.",
            z.zones, z.after_zone_loss
        ),
    ))
}
