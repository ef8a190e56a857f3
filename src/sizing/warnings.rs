//! The warnings every SE group can earn, whatever the platform: settings not
//! taken as given, more SEs than `max_se`, SEs that creation order costs, and a
//! zone loss the group is not sized for. A platform adds its own between the first two and the last
//! ([`super::SeRules::se_warnings`]).

use crate::design::{defaults, limits, SupervisorDesign};
use crate::error::{Warning, WarningKind};
use crate::rules::RuleSet;

use super::{ServiceEngines, ZoneSpread};

/// Settings the sizing does not take as given: more data interfaces than an SE VM
/// has (computed as the cap), and a disk below the recommendation.
pub(crate) fn inputs(sup: &SupervisorDesign, path: &str, rules: RuleSet) -> Vec<Warning> {
    let se = &sup.se;
    let mut warnings = Vec::new();
    if let Some(cap) = rules.data_nics_cap().filter(|&cap| se.data_nics_per_se > cap) {
        warnings.push(Warning::new(
            sup.se_field_path(path, "data_nics_per_se"),
            WarningKind::InputAdjusted,
            format!(
                "data_nics_per_se is {}, but an SE VM on vSphere has 10 vNICs and the first is management: computed with {cap} \
                 data interfaces.",
                se.data_nics_per_se
            ),
        ));
    }
    let recommended = defaults::min_disk_gb(se.memory_gb_per_se);
    if se.disk_gb_per_se < recommended {
        warnings.push(Warning::new(
            sup.se_field_path(path, "disk_gb_per_se"),
            WarningKind::BelowRecommendation,
            format!(
                "disk_gb_per_se is {} GB, below the {recommended} GB VMware recommends for {} GB of memory \
                 (at least 15 GB and 2 x memory + 5 GB).",
                se.disk_gb_per_se, se.memory_gb_per_se
            ),
        ));
    }
    warnings
}

/// Above `max_se` (with the `max_se` to set), and above the lower bound.
pub(crate) fn group(sup: &SupervisorDesign, path: &str, engines: &ServiceEngines) -> Vec<Warning> {
    let (total, n, lb) = (engines.total, engines.carrying_load, engines.lower_bound);
    let mut warnings = Vec::new();
    if let Some(advised) = engines.max_se_advised {
        let most = limits::MAX_SE;
        let fix = if u64::from(advised) > most {
            format!("one Avi SE group holds at most {most} (max_se 0-{most}): split the load over more Supervisors")
        } else {
            format!("set max_se to {advised}")
        };
        warnings.push(Warning::new(
            sup.se_field_path(path, "max_se"),
            WarningKind::MaxSeExceeded,
            format!("The SE group needs {total} SEs, buffer included, but max_se is {}: {fix}.", engines.max_se),
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
