//! The placement simulation of DOMAIN.md section 2: virtual services arrive one at
//! a time, each goes onto `s` distinct SEs, and an SE is created only when too few
//! existing ones qualify. Nothing is ever moved, which is what a running SE group
//! does, and why creation order can cost SEs a perfect placement would not need.
//!
//! VSes arrive VRF by VRF (all of a namespace's VSes together), so "already attached
//! to this VRF" is only ever asked about the current VRF; each SE remembers the last
//! VRF it joined, which answers it in O(1).

use std::collections::BTreeSet;

use serde::Serialize;

use crate::scenario::Placement;

/// Why an SE was created (the `binding` of a result is the last SE's reason).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Binding {
    /// Every existing SE that could not take the VS was out of data interfaces.
    Interfaces,
    /// Every existing SE that could not take the VS was out of VS slots.
    VirtualServices,
    /// Distributed placement spun up a new SE by preference, or a VS needed `s`
    /// distinct SEs.
    ScaleOut,
    /// The group had fewer SEs than the scale factor.
    Minimum,
}

impl Binding {
    pub fn key(self) -> &'static str {
        match self {
            Binding::Interfaces => "interfaces",
            Binding::VirtualServices => "virtual_services",
            Binding::ScaleOut => "scale_out",
            Binding::Minimum => "minimum",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Binding::Interfaces => "data interfaces",
            Binding::VirtualServices => "virtual-service slots",
            Binding::ScaleOut => "scale-out",
            Binding::Minimum => "minimum group size",
        }
    }
}

/// Limits the simulation works within.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SimConfig {
    pub scale_factor: u32,
    pub max_vs_per_se: u32,
    pub data_nics_per_se: u32,
    pub max_se: u32,
    pub placement: Placement,
}

/// One simulated SE.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SimSe {
    /// VRFs this SE has a data interface on, as indexes in arrival order.
    pub vrfs: Vec<u32>,
    pub virtual_services: u32,
    pub created_because: Binding,
}

/// The state of an SE group after some virtual services have been placed.
#[derive(Debug, Clone)]
pub struct Simulator {
    cfg: SimConfig,
    ses: Vec<SimSe>,
    /// Per SE, the last VRF it joined (`u32::MAX`: none).
    last_vrf: Vec<u32>,
    /// SEs with both a free VS slot and a free interface: the only ones that can
    /// take a VS of a VRF they are not on. Ordered by the placement's preference
    /// (see [`Simulator::key`]), so the best are first.
    open: BTreeSet<(u32, usize)>,
    /// SEs attached to the current VRF (in joining order).
    attached: Vec<usize>,
    vrf: u32,
    vrfs_started: u32,
    scratch: Vec<usize>,
    /// SEs with every VS slot taken.
    full: usize,
    /// SEs with every data interface taken...
    nics_full: usize,
    /// ...and of those, the ones on the current VRF (they can still take its VSes).
    nics_full_here: usize,
}

impl Simulator {
    pub fn new(cfg: SimConfig) -> Self {
        Simulator {
            cfg,
            ses: Vec::new(),
            last_vrf: Vec::new(),
            open: BTreeSet::new(),
            attached: Vec::new(),
            vrf: u32::MAX,
            vrfs_started: 0,
            scratch: Vec::new(),
            full: 0,
            nics_full: 0,
            nics_full_here: 0,
        }
    }

    pub fn ses(&self) -> &[SimSe] {
        &self.ses
    }

    pub fn count(&self) -> u32 {
        self.ses.len() as u32
    }

    /// Why the most recent SE was created; `Minimum` for an empty group.
    pub fn binding(&self) -> Binding {
        self.ses.last().map(|s| s.created_because).unwrap_or(Binding::Minimum)
    }

    /// Places the virtual services of one more VRF (a T1). A VRF with no VS takes
    /// no interface and changes nothing. Returns the VRF's index.
    pub fn place_vrf(&mut self, virtual_services: u32) -> u32 {
        let id = self.vrfs_started;
        self.vrfs_started += 1;
        if virtual_services == 0 {
            return id;
        }
        self.vrf = id;
        self.attached.clear();
        self.nics_full_here = 0;
        for _ in 0..virtual_services {
            self.place_one();
        }
        id
    }

    /// Preference key among SEs not yet on the VRF: compact wants the most loaded,
    /// distributed the least loaded; the lower index breaks ties either way.
    fn key(&self, i: usize) -> (u32, usize) {
        let vs = self.ses[i].virtual_services;
        match self.cfg.placement {
            Placement::Compact => (u32::MAX - vs, i),
            Placement::Distributed => (vs, i),
        }
    }

    fn place_one(&mut self) {
        let s = self.cfg.scale_factor as usize;
        let mut chosen = std::mem::take(&mut self.scratch);
        chosen.clear();

        if self.cfg.placement == Placement::Distributed {
            let room = self.cfg.max_se.saturating_sub(self.count()) as usize;
            let fresh = s.min(room);
            let reason = if self.ses.len() < s { Binding::Minimum } else { Binding::ScaleOut };
            for _ in 0..fresh {
                chosen.push(self.create(reason));
            }
        }

        let need = s - chosen.len();
        if need > 0 {
            // SEs already on the VRF (few), in preference order...
            let mut here: Vec<usize> = self.attached.iter().copied().filter(|i| !chosen.contains(i)).collect();
            here.sort_by_key(|&i| self.key(i));
            // ...and the best `need` of the others, which the ordered set yields first.
            let cur = self.vrf;
            let others = self
                .open
                .iter()
                .map(|&(_, i)| i)
                .filter(|&i| self.last_vrf[i] != cur && !chosen.contains(&i))
                .take(need);
            match self.cfg.placement {
                // Compact: SEs on the VRF first, then the most loaded.
                Placement::Compact => {
                    let picked: Vec<usize> = here.iter().copied().chain(others).take(need).collect();
                    chosen.extend(picked);
                }
                // Distributed: the least loaded, on the VRF or not.
                Placement::Distributed => {
                    let mut pool: Vec<usize> = here.iter().copied().chain(others).collect();
                    pool.sort_by_key(|&i| self.key(i));
                    chosen.extend(pool.into_iter().take(need));
                }
            }
        }

        if chosen.len() < s {
            let reason = self.shortage_reason();
            while chosen.len() < s {
                chosen.push(self.create(reason));
            }
        }

        for &i in &chosen {
            self.assign(i);
        }
        self.scratch = chosen;
    }

    /// Why the existing SEs could not take the VS: more of them out of interfaces,
    /// or more out of slots (an SE out of both counts for both). The SEs chosen so
    /// far qualified, so they are in neither count.
    fn shortage_reason(&self) -> Binding {
        if self.ses.len() < self.cfg.scale_factor as usize {
            return Binding::Minimum;
        }
        let slots = self.full;
        let nics = self.nics_full - self.nics_full_here;
        if slots == 0 && nics == 0 {
            Binding::ScaleOut
        } else if nics >= slots {
            Binding::Interfaces
        } else {
            Binding::VirtualServices
        }
    }

    fn create(&mut self, because: Binding) -> usize {
        let i = self.ses.len();
        self.ses.push(SimSe { vrfs: Vec::new(), virtual_services: 0, created_because: because });
        self.last_vrf.push(u32::MAX);
        let key = self.key(i);
        self.open.insert(key);
        i
    }

    fn assign(&mut self, i: usize) {
        let max_vs = self.cfg.max_vs_per_se;
        let nics = self.cfg.data_nics_per_se as usize;
        let was_open = self.open.remove(&self.key(i));
        if self.last_vrf[i] != self.vrf {
            self.last_vrf[i] = self.vrf;
            self.ses[i].vrfs.push(self.vrf);
            self.attached.push(i);
            if self.ses[i].vrfs.len() == nics {
                self.nics_full += 1;
                self.nics_full_here += 1;
            }
        }
        self.ses[i].virtual_services += 1;
        let se = &self.ses[i];
        if se.virtual_services == max_vs {
            self.full += 1;
            self.attached.retain(|&a| a != i);
        }
        if was_open && se.virtual_services < max_vs && se.vrfs.len() < nics {
            let key = self.key(i);
            self.open.insert(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(s: u32, max_vs: u32, nics: u32, placement: Placement) -> SimConfig {
        SimConfig { scale_factor: s, max_vs_per_se: max_vs, data_nics_per_se: nics, max_se: 10, placement }
    }

    fn run(c: SimConfig, vrfs: &[u32]) -> Simulator {
        let mut sim = Simulator::new(c);
        for &v in vrfs {
            sim.place_vrf(v);
        }
        sim
    }

    /// Every SE respects its limits and every VS got `s` distinct SEs.
    fn check_invariants(sim: &Simulator, c: SimConfig, vrfs: &[u32]) {
        let total_vs: u32 = vrfs.iter().sum();
        let held: u32 = sim.ses().iter().map(|s| s.virtual_services).sum();
        assert_eq!(held, total_vs * c.scale_factor);
        for se in sim.ses() {
            assert!(se.virtual_services <= c.max_vs_per_se);
            assert!(se.vrfs.len() as u32 <= c.data_nics_per_se);
            let mut v = se.vrfs.clone();
            v.dedup();
            assert_eq!(v.len(), se.vrfs.len(), "a VRF attached twice");
        }
    }

    #[test]
    fn table_of_groups() {
        // (scale factor, max VS/SE, NICs, placement, VSes per VRF, expected SEs, binding)
        let cases: &[(u32, u32, u32, Placement, &[u32], u32, Binding)] = &[
            // Avi docs N+M example: 20 VSes, 8 per SE, s = 1 -> 3 SEs.
            (1, 8, 9, Placement::Compact, &[20], 3, Binding::VirtualServices),
            // One VS on an empty group at s = 2: the minimum.
            (2, 10, 9, Placement::Compact, &[1], 2, Binding::Minimum),
            // Supervisor + 8 namespaces of one VS at s = 2, 9 NICs: 2 SEs...
            (2, 10, 9, Placement::Compact, &[1; 9], 2, Binding::Minimum),
            // ...and the 9th namespace brings two more.
            (2, 10, 9, Placement::Compact, &[1; 10], 4, Binding::Interfaces),
            // With 10 NICs, 10 one-VS VRFs fit on 2 SEs.
            (2, 10, 10, Placement::Compact, &[1; 10], 2, Binding::Minimum),
            (2, 10, 10, Placement::Compact, &[1; 11], 4, Binding::Interfaces),
            // A VRF with no VS takes no interface.
            (2, 10, 9, Placement::Compact, &[1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1], 2, Binding::Minimum),
            // Slots bind before interfaces: 3 VRFs x 5 VSes at s = 1, 10 per SE.
            (1, 10, 9, Placement::Compact, &[5, 5, 5], 2, Binding::VirtualServices),
            // Distributed spreads onto new SEs up to max_se (10): 4 VSes at s = 2 -> 8 SEs.
            (2, 10, 9, Placement::Distributed, &[4], 8, Binding::ScaleOut),
        ];
        for &(s, max_vs, nics, placement, vrfs, expected, binding) in cases {
            let c = cfg(s, max_vs, nics, placement);
            let sim = run(c, vrfs);
            assert_eq!(sim.count(), expected, "s={s} max_vs={max_vs} nics={nics} {placement:?} {vrfs:?}");
            assert_eq!(sim.binding(), binding, "s={s} max_vs={max_vs} nics={nics} {placement:?} {vrfs:?}");
            check_invariants(&sim, c, vrfs);
        }
    }

    #[test]
    fn compact_prefers_attached_then_most_loaded() {
        let c = cfg(1, 3, 9, Placement::Compact);
        let sim = run(c, &[2, 2]);
        // VRF 0: SE0 takes both; VRF 1: SE0 (most loaded, free NIC) takes one, fills
        // at 3 slots, then SE1 is created for the last.
        assert_eq!(sim.ses()[0].virtual_services, 3);
        assert_eq!(sim.ses()[0].vrfs, vec![0, 1]);
        assert_eq!(sim.ses()[1].vrfs, vec![1]);
        assert_eq!(sim.binding(), Binding::VirtualServices);
    }

    #[test]
    fn distributed_beyond_max_se_uses_least_loaded() {
        let c = SimConfig { max_se: 2, ..cfg(1, 10, 9, Placement::Distributed) };
        let sim = run(c, &[5]);
        // Two fresh SEs, then least-loaded alternation: 3 + 2.
        assert_eq!(sim.count(), 2);
        let loads: Vec<u32> = sim.ses().iter().map(|s| s.virtual_services).collect();
        assert_eq!(loads, vec![3, 2]);
        check_invariants(&sim, c, &[5]);
    }

    #[test]
    fn deterministic() {
        let c = cfg(2, 7, 4, Placement::Compact);
        let vrfs: Vec<u32> = (0..200).map(|i| (i * 7 % 5) as u32).collect();
        let a = run(c, &vrfs);
        let b = run(c, &vrfs);
        assert_eq!(a.ses(), b.ses());
        check_invariants(&a, c, &vrfs);
    }
}
