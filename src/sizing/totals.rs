//! From the SEs carrying load to the group total: buffer SEs, zone spares, the
//! spread over zones, and why Legacy Active/Standby beyond its pair cannot exist.

use crate::design::SeGroupConfig;
use crate::scenario::HaMode;

use super::simulate::Binding;
use super::{PairLimit, ZoneSpread};

/// How a group's total follows from the SEs carrying load.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Totals {
    pub se: SeGroupConfig,
    pub zones: u32,
    pub survive_zone_loss: bool,
}

impl Totals {
    /// `(total, zone spares)` for `n` SEs carrying load: buffer added, then zone spares.
    pub fn of(&self, n: u32) -> (u32, u32) {
        if n == 0 {
            return (0, 0);
        }
        let base = n + self.se.buffer_ses;
        if !self.survive_zone_loss || self.zones < 2 || self.se.ha_mode == HaMode::ActiveStandby {
            return (base, 0);
        }
        // SEs spread round-robin: losing the fullest zone loses ceil(T / zones), so T
        // must satisfy T - ceil(T / z) = floor(T (z - 1) / z) >= n, which holds from
        // T = ceil(n z / (z - 1)) on. (Closed form: a loop counting up to it made
        // planning quadratic, 8 s for 400,000 SEs.)
        let z = u64::from(self.zones);
        let survivable = (u64::from(n) * z).div_ceil(z - 1);
        let t = u32::try_from(survivable).unwrap_or(u32::MAX).max(base);
        (t, t - base)
    }

    /// Per-zone counts of `total` SEs spread round-robin, on a multi-zone Supervisor.
    pub fn spread(&self, total: u32) -> Option<ZoneSpread> {
        let zones = self.zones;
        (zones > 1).then(|| {
            let mut per_zone = vec![0u32; zones as usize];
            for i in 0..total {
                if let Some(z) = per_zone.get_mut((i % zones) as usize) {
                    *z += 1;
                }
            }
            let largest = per_zone.iter().copied().max().unwrap_or(0);
            ZoneSpread { zones, per_zone, survive_zone_loss: self.survive_zone_loss, after_zone_loss: total - largest }
        })
    }
}

/// Rules 1: why the design cannot exist, counting the SEs the load would need.
pub(crate) fn infeasible_reason(needed: u32, binding: Binding) -> String {
    format!(
        "Legacy Active/Standby is exactly one pair of SEs, and this load needs {needed} SEs carrying virtual services \
         ({} binds). Switch to Elastic N+M or Elastic Active/Active; a bigger pair does not exist.",
        binding.label()
    )
}

/// Why the design cannot exist, how much of it the pair carries, and what the
/// elastic modes would need.
pub(crate) fn pair_reason(limit: &PairLimit, binding: Binding) -> String {
    let mut carried = Vec::new();
    if limit.supervisor_carried {
        carried.push("the Supervisor's own".to_string());
    }
    match limit.carried.as_slice() {
        [one] => carried.push(format!("namespace {one}")),
        [first, last] => carried.push(format!("{} namespaces {first} to {last}", limit.namespaces_carried)),
        _ => {}
    }
    let whom = if carried.is_empty() { "none of the load".to_string() } else { carried.join(" and ") };
    let partly = limit.partly.as_ref().map(|p| format!(", and part of {p}")).unwrap_or_default();
    let elastic: Vec<String> = limit.elastic.iter().map(|e| format!("{} would need {} SEs", e.ha_mode.label(), e.total)).collect();
    format!(
        "Legacy Active/Standby is exactly one pair of SEs: it carries {} of {} virtual services ({whom}{partly}); the whole \
         load needs {} SEs carrying virtual services ({} binds), and a bigger pair does not exist. {}.",
        limit.virtual_services_carried,
        limit.virtual_services,
        limit.needed,
        binding.label(),
        elastic.join(", ")
    )
}
