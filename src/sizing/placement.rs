//! The placement table: per SE its role, zone, attachments and use — the SEs the
//! simulation created, then buffer and zone spares (drawn empty; DOMAIN.md: Avi
//! spreads VSes over every SE and keeps the buffer as spare capacity in aggregate).

use crate::design::SeGroupConfig;
use crate::scenario::HaMode;

use super::load::SeLoad;
use super::simulate::Simulator;
use super::{SeRole, SeUse};

/// Every SE of the group, numbered 1.. and, on a multi-zone Supervisor, put in
/// zones round-robin.
pub(crate) fn table(sim: &Simulator, load: &SeLoad, se: &SeGroupConfig, zone_spare: u32, zones: u32) -> Vec<SeUse> {
    let row = |role, vrfs: Vec<String>, virtual_services, created_because| SeUse {
        index: 0,
        role,
        zone: None,
        interfaces_used: vrfs.len() as u32,
        vrfs,
        virtual_services,
        interfaces: se.data_nics_per_se,
        vs_slots: se.max_vs_per_se,
        created_because,
    };
    let mut placement: Vec<SeUse> = sim
        .ses()
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let role = if se.ha_mode == HaMode::ActiveStandby && i == 1 { SeRole::Standby } else { SeRole::Active };
            let labels = s.attachments.iter().map(|&a| load.label(a).unwrap_or_default().to_string()).collect();
            row(role, labels, s.virtual_services, Some(s.created_because))
        })
        .collect();
    if sim.count() > 0 {
        placement.extend((0..se.buffer_ses).map(|_| row(SeRole::Buffer, Vec::new(), 0, None)));
        placement.extend((0..zone_spare).map(|_| row(SeRole::ZoneSpare, Vec::new(), 0, None)));
    }
    for (i, p) in placement.iter_mut().enumerate() {
        p.index = i as u32 + 1;
        if zones > 1 {
            p.zone = Some(i as u32 % zones + 1);
        }
    }
    placement
}
