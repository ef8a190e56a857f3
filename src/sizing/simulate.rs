//! The placement simulation of DOMAIN.md section 2, for every platform: virtual
//! services arrive one at a time, each goes onto `s` distinct SEs, and an SE is
//! created only when too few existing ones qualify. Nothing is ever moved, which is
//! what a running SE group does, and why creation order can cost SEs a perfect
//! placement would not need.
//!
//! A virtual service needs a set of attachments: the networks an SE must have a
//! data interface on to serve it (a T1 VRF on NSX with Avi; on other platforms a
//! VPC, a workload network, a VIP network). An SE has one data interface per
//! distinct attachment and at most `data_nics_per_se`; it qualifies for a VS when
//! it has a free VS slot and enough free interfaces for the attachments it lacks.
//! Compact placement prefers the SEs that lack the fewest attachments, then the
//! most loaded, then the lowest index; distributed placement the least loaded.
//!
//! VSes arrive in batches that need the same attachments (all of a namespace's VSes
//! together), so the question "which SEs lack how many of them" is asked once per
//! batch: SEs that hold none of the batch's attachments lack all of them and need
//! no bookkeeping, and an attachment every SE already has costs nobody an interface.
//! On NSX with Avi every namespace brings a T1 no SE has yet, so a batch starts with
//! no SE touching it and costs O(1) to begin.

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

/// An attachment a virtual service needs an SE to have a data interface on: an
/// index the caller hands out densely from 0 (memory grows with the largest).
pub type Attachment = u32;

/// Limits the simulation works within.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SimConfig {
    pub scale_factor: u32,
    pub max_vs_per_se: u32,
    pub data_nics_per_se: u32,
    /// The most SEs distributed placement spreads onto by preference: under rules 2
    /// the group's `max_se` less its buffer and zone spares (`sizing::limits`). More
    /// are created only when too few qualify.
    pub max_se: u32,
    pub placement: Placement,
}

/// One simulated SE.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SimSe {
    /// The attachments this SE has a data interface on, in the order it joined them.
    pub attachments: Vec<Attachment>,
    pub virtual_services: u32,
    pub created_because: Binding,
}

/// The state of an SE group after some virtual services have been placed.
///
/// ```
/// use avi_sizer::scenario::Placement;
/// use avi_sizer::sizing::{Binding, SimConfig, Simulator};
/// let cfg = SimConfig { scale_factor: 2, max_vs_per_se: 10, data_nics_per_se: 9, max_se: 10, placement: Placement::Compact };
/// let mut sim = Simulator::new(cfg);
/// // The Supervisor's T1 and 8 namespace T1s of one VS each fit on 2 SEs...
/// for t1 in 0..9 {
///     sim.place(&[t1], 1);
/// }
/// assert_eq!(sim.count(), 2);
/// // ...and a 9th namespace finds both out of interfaces.
/// sim.place(&[9], 1);
/// assert_eq!((sim.count(), sim.binding()), (4, Binding::Interfaces));
/// // A VS that needs no attachment the SEs lack goes anywhere with a free slot.
/// sim.place(&[9], 1);
/// assert_eq!(sim.count(), 4);
/// // A batch with no virtual service changes nothing.
/// sim.place(&[10, 11], 0);
/// assert_eq!(sim.ses().iter().map(|s| s.attachments.len()).sum::<usize>(), 20);
/// ```
#[derive(Debug, Clone)]
pub struct Simulator {
    cfg: SimConfig,
    ses: Vec<SimSe>,
    /// Per attachment, how many SEs are on it...
    holders: Vec<u32>,
    /// ...and the first of them in `links` (`NONE`: none). Flat, so that a
    /// namespace's T1 costs no allocation of its own.
    heads: Vec<u32>,
    /// `(SE, next link of the same attachment)`.
    links: Vec<(u32, u32)>,
    /// SEs with a free VS slot and a free interface, ordered by the placement's
    /// preference ([`Simulator::key`]), so the best come first.
    open: BTreeSet<(u32, usize)>,
    /// SEs with a free VS slot and every interface taken (same order): they only
    /// take VSes whose attachments they all have.
    nicless: BTreeSet<(u32, usize)>,
    /// SEs by free interfaces.
    by_free: Vec<usize>,
    /// SEs with every VS slot taken.
    full: usize,
    /// The batch being placed: its number (SEs stamped with it are "touching")...
    batch: u32,
    /// ...every attachment it needs, sorted...
    wanted: Vec<Attachment>,
    /// ...and how many of them some SE lacked when it began: an SE touching none
    /// of those lacks exactly this many.
    uncommon: usize,
    /// Per SE, the batch `lacks` was counted for.
    stamp: Vec<u32>,
    /// Per SE touching the batch (holding one of its uncommon attachments), how
    /// many of them it lacks.
    lacks: Vec<usize>,
    /// Touching SEs with a free VS slot.
    touching: Vec<usize>,
    /// Over the touching SEs: those out of interfaces for the batch minus those
    /// with fewer than `uncommon` free (counted in `by_free` as if untouched).
    blocked_adjust: isize,
    scratch: Vec<usize>,
}

impl Simulator {
    pub fn new(cfg: SimConfig) -> Self {
        Simulator {
            cfg,
            ses: Vec::new(),
            holders: Vec::new(),
            heads: Vec::new(),
            links: Vec::new(),
            open: BTreeSet::new(),
            nicless: BTreeSet::new(),
            by_free: vec![0; cfg.data_nics_per_se as usize + 1],
            full: 0,
            batch: 0,
            wanted: Vec::new(),
            uncommon: 0,
            stamp: Vec::new(),
            lacks: Vec::new(),
            touching: Vec::new(),
            blocked_adjust: 0,
            scratch: Vec::new(),
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

    /// Places `virtual_services` VSes that each need every one of `attachments`
    /// (at most `data_nics_per_se` of them). A batch with no VS takes no interface.
    pub fn place(&mut self, attachments: &[Attachment], virtual_services: u32) {
        self.place_each(attachments, virtual_services, |_| {});
    }

    /// [`Simulator::place`], telling `each` the SEs (indexes) every VS went onto.
    pub fn place_each(&mut self, attachments: &[Attachment], virtual_services: u32, mut each: impl FnMut(&[usize])) {
        if virtual_services == 0 {
            return;
        }
        debug_assert!(attachments.len() <= self.cfg.data_nics_per_se as usize, "more attachments than interfaces");
        self.begin(attachments);
        for _ in 0..virtual_services {
            self.place_one();
            each(&self.scratch);
        }
    }

    #[inline]
    fn free(&self, i: usize) -> usize {
        (self.cfg.data_nics_per_se as usize).saturating_sub(self.ses[i].attachments.len())
    }

    /// Counts, for the new batch, how many of its attachments each SE touching it lacks.
    fn begin(&mut self, attachments: &[Attachment]) {
        self.batch += 1;
        self.wanted.clear();
        self.wanted.extend_from_slice(attachments);
        self.wanted.sort_unstable();
        self.wanted.dedup();
        if let Some(&last) = self.wanted.last() {
            if self.heads.len() <= last as usize {
                self.heads.resize(last as usize + 1, NONE);
                self.holders.resize(last as usize + 1, 0);
            }
        }
        let n = self.ses.len() as u32;
        // An attachment every SE has costs nobody an interface.
        let uncommon = |a: &Attachment| n == 0 || self.holders[*a as usize] < n;
        let k = self.wanted.iter().filter(|a| uncommon(a)).count();
        self.uncommon = k;
        self.touching.clear();
        for &a in self.wanted.iter().filter(|a| uncommon(a)) {
            let mut link = self.heads[a as usize];
            while let Some(&(i, next)) = self.links.get(link as usize) {
                let i = i as usize;
                if self.stamp[i] != self.batch {
                    self.stamp[i] = self.batch;
                    self.lacks[i] = k;
                    self.touching.push(i);
                }
                self.lacks[i] -= 1;
                link = next;
            }
        }
        let mut adjust = 0;
        for &i in &self.touching {
            let free = self.free(i);
            adjust += isize::from(free < self.lacks[i]) - isize::from(free < k);
        }
        self.blocked_adjust = adjust;
        let max_vs = self.cfg.max_vs_per_se;
        let ses = &self.ses;
        self.touching.retain(|&i| ses[i].virtual_services < max_vs);
    }

    /// Preference key: compact wants the most loaded, distributed the least
    /// loaded; the lower index breaks ties either way.
    #[inline]
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
            self.pick(need, &mut chosen);
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

    /// Adds to `chosen` the best `need` qualifying SEs it does not hold yet, best first.
    fn pick(&self, need: usize, chosen: &mut Vec<usize>) {
        let k = self.uncommon;
        let until = chosen.len() + need;
        if k == 0 {
            // Every SE has every attachment: any with a free slot, in preference order.
            for i in merge(self.open.iter(), self.nicless.iter()) {
                if chosen.len() == until {
                    break;
                }
                if !chosen.contains(&i) {
                    chosen.push(i);
                }
            }
            return;
        }
        // SEs touching the batch (few), each lacking fewer than `k`...
        let mut here: Vec<usize> = self
            .touching
            .iter()
            .copied()
            .filter(|&i| !chosen.contains(&i) && (self.lacks[i] == 0 || self.free(i) >= self.lacks[i]))
            .collect();
        // ...and the others, lacking all `k`, best first in the ordered set.
        let batch = self.batch;
        let other = |i: usize, chosen: &[usize]| self.stamp[i] != batch && !chosen.contains(&i) && (k == 1 || self.free(i) >= k);
        match self.cfg.placement {
            // Compact: the fewest missing attachments first, then the most loaded.
            Placement::Compact => {
                here.sort_by_key(|&i| (self.lacks[i], self.key(i)));
                here.truncate(need);
                chosen.extend_from_slice(&here);
                for &(_, i) in &self.open {
                    if chosen.len() >= until {
                        break;
                    }
                    if other(i, chosen) {
                        chosen.push(i);
                    }
                }
            }
            // Distributed: the least loaded, whatever they lack.
            Placement::Distributed => {
                let mut others = 0;
                for &(_, i) in &self.open {
                    if others == need {
                        break;
                    }
                    if other(i, chosen) {
                        here.push(i);
                        others += 1;
                    }
                }
                here.sort_by_key(|&i| self.key(i));
                here.truncate(need);
                chosen.extend_from_slice(&here);
            }
        }
    }

    /// Why the existing SEs could not take the VS: more of them out of interfaces,
    /// or more out of slots (an SE out of both counts for both). The SEs chosen so
    /// far qualified, so they are in neither count.
    fn shortage_reason(&self) -> Binding {
        if self.ses.len() < self.cfg.scale_factor as usize {
            return Binding::Minimum;
        }
        let slots = self.full;
        let short: usize = self.by_free.iter().take(self.uncommon).sum();
        let nics = (short as isize + self.blocked_adjust).max(0) as usize;
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
        self.ses.push(SimSe { attachments: Vec::new(), virtual_services: 0, created_because: because });
        self.stamp.push(0);
        self.lacks.push(0);
        let free = self.free(i);
        self.by_free[free] += 1;
        let key = self.key(i);
        if free > 0 {
            self.open.insert(key);
        } else {
            self.nicless.insert(key);
        }
        i
    }

    /// Puts one VS on SE `i` (which qualified, or is new): it joins every
    /// attachment of the batch it lacks.
    fn assign(&mut self, i: usize) {
        let key = self.key(i);
        let free_before = self.free(i);
        if free_before > 0 {
            self.open.remove(&key);
        } else {
            self.nicless.remove(&key);
        }
        let touching = self.stamp[i] == self.batch;
        let mut free = free_before;
        if !touching || self.lacks[i] > 0 {
            let k = self.uncommon;
            let before = if touching { isize::from(free < self.lacks[i]) - isize::from(free < k) } else { 0 };
            for &a in &self.wanted {
                if !self.ses[i].attachments.contains(&a) {
                    self.ses[i].attachments.push(a);
                    self.links.push((i as u32, self.heads[a as usize]));
                    self.heads[a as usize] = (self.links.len() - 1) as u32;
                    self.holders[a as usize] += 1;
                }
            }
            free = self.free(i);
            self.by_free[free_before] -= 1;
            self.by_free[free] += 1;
            self.blocked_adjust += -isize::from(free < k) - before;
            self.lacks[i] = 0;
            if !touching {
                self.stamp[i] = self.batch;
                self.touching.push(i);
            }
        }
        self.ses[i].virtual_services += 1;
        if self.ses[i].virtual_services >= self.cfg.max_vs_per_se {
            self.full += 1;
            self.touching.retain(|&t| t != i);
        } else {
            let key = self.key(i);
            if free > 0 {
                self.open.insert(key);
            } else {
                self.nicless.insert(key);
            }
        }
    }
}

/// No link: the end of an attachment's list of SEs.
const NONE: u32 = u32::MAX;

/// Two ordered sets of `(key, SE)` merged into SE indexes in key order.
fn merge<'a>(
    a: impl Iterator<Item = &'a (u32, usize)>,
    b: impl Iterator<Item = &'a (u32, usize)>,
) -> impl Iterator<Item = usize> {
    let (mut a, mut b) = (a.peekable(), b.peekable());
    std::iter::from_fn(move || {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if y < x => b.next(),
            (Some(_), _) => a.next(),
            (None, _) => b.next(),
        };
        next.map(|&(_, i)| i)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(s: u32, max_vs: u32, nics: u32, placement: Placement) -> SimConfig {
        SimConfig { scale_factor: s, max_vs_per_se: max_vs, data_nics_per_se: nics, max_se: 10, placement }
    }

    /// One fresh attachment per entry, as NSX with Avi's T1s.
    fn run(c: SimConfig, vrfs: &[u32]) -> Simulator {
        let mut sim = Simulator::new(c);
        for (t1, &v) in vrfs.iter().enumerate() {
            sim.place(&[t1 as u32], v);
        }
        sim
    }

    // Invariants (each VS on `s` distinct SEs, no SE over its slots or interfaces)
    // are property tests: tests/placement_props.rs.

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
        }
    }

    #[test]
    fn compact_prefers_attached_then_most_loaded() {
        let c = cfg(1, 3, 9, Placement::Compact);
        let sim = run(c, &[2, 2]);
        // VRF 0: SE0 takes both; VRF 1: SE0 (most loaded, free NIC) takes one, fills
        // at 3 slots, then SE1 is created for the last.
        assert_eq!(sim.ses()[0].virtual_services, 3);
        assert_eq!(sim.ses()[0].attachments, vec![0, 1]);
        assert_eq!(sim.ses()[1].attachments, vec![1]);
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
    }

    #[test]
    fn deterministic() {
        let c = cfg(2, 7, 4, Placement::Compact);
        let vrfs: Vec<u32> = (0..200).map(|i| (i * 7 % 5) as u32).collect();
        let a = run(c, &vrfs);
        let b = run(c, &vrfs);
        assert_eq!(a.ses(), b.ses());
    }

    #[test]
    fn a_network_every_se_has_costs_no_interface() {
        // VDS "routed": every VS needs the one VIP network, so interfaces never bind
        // (even with a single data interface) and slots decide.
        let c = cfg(1, 10, 1, Placement::Compact);
        let mut sim = Simulator::new(c);
        for _ in 0..14 {
            sim.place(&[0], 1);
        }
        assert_eq!((sim.count(), sim.binding()), (2, Binding::VirtualServices));
        assert!(sim.ses().iter().all(|s| s.attachments == vec![0]));
    }

    #[test]
    fn shared_and_own_networks() {
        // VDS "attached": VIP network 0 plus the namespace's workload network (1 or 2).
        // Two data interfaces: an SE on network 1 cannot also join network 2.
        let c = cfg(1, 10, 2, Placement::Compact);
        let mut sim = Simulator::new(c);
        sim.place(&[0, 1], 3);
        sim.place(&[0, 2], 3);
        assert_eq!((sim.count(), sim.binding()), (2, Binding::Interfaces));
        // Back to network 1: the SE already on it takes it, no new SE.
        sim.place(&[1, 0], 3);
        assert_eq!(sim.count(), 2);
        assert_eq!(sim.ses()[0].attachments, vec![0, 1]);
        assert_eq!(sim.ses()[0].virtual_services, 6);
        assert_eq!(sim.ses()[1].attachments, vec![0, 2]);
    }
}
