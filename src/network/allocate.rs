//! Handing out addresses: VIPs and SNAT IPs consecutively from the Ingress and
//! Egress networks (the Supervisor first, then namespaces in scenario order), and
//! subnets in order from the namespace network blocks, larger subnets first so
//! that mixed subnet prefixes leave no alignment gaps.

use crate::design::SupervisorDesign;

use super::addr::{align_up, pool_range, pool_usable, size_of_prefix, Block};
use super::carve::{Owner, Resolved, EGRESS, INGRESS, NAMESPACE};
use super::Role;

/// Consecutive VIPs or SNAT IPs inside one block of a scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Run {
    pub first: u64,
    pub last: u64,
    /// Index of the block within its scope.
    pub block: usize,
}

impl Run {
    pub fn len(self) -> u64 {
        self.last - self.first + 1
    }
}

/// A subnet and the index of the namespace-network block (within its scope) it sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sub {
    pub net: Block,
    pub block: usize,
}

/// Hands out usable addresses of Ingress or Egress blocks in order.
#[derive(Debug, Clone)]
pub(crate) struct AddrCursor {
    blocks: Vec<Block>,
    idx: usize,
    next: Option<u64>,
    pub used: u64,
    pub capacity: u64,
}

impl AddrCursor {
    pub fn new(blocks: &[Block]) -> Self {
        let capacity = blocks.iter().fold(0u64, |a, b| a.saturating_add(pool_usable(b.prefix)));
        AddrCursor { blocks: blocks.to_vec(), idx: 0, next: None, used: 0, capacity }
    }

    /// Takes `n` addresses, appending runs; returns how many could not be had.
    pub fn take(&mut self, n: u64, runs: &mut Vec<Run>) -> u64 {
        let mut left = n;
        while left > 0 {
            let Some(b) = self.blocks.get(self.idx) else { break };
            let r = pool_range(*b);
            let start = self.next.unwrap_or(r.start);
            let avail = r.end.saturating_sub(start);
            if avail == 0 {
                self.idx += 1;
                self.next = None;
                continue;
            }
            let k = avail.min(left);
            runs.push(Run { first: start, last: start + k - 1, block: self.idx });
            self.next = Some(start + k);
            self.used += k;
            left -= k;
        }
        left
    }

    pub fn free(&self) -> u64 {
        self.capacity.saturating_sub(self.used)
    }
}

/// Hands out aligned subnets from namespace-network blocks, first fit.
#[derive(Debug, Clone)]
pub(crate) struct SubnetCursor {
    blocks: Vec<Block>,
    next: Vec<u64>,
    /// Addresses in subnets handed out.
    pub used: u64,
    /// Addresses in the blocks.
    pub capacity: u64,
}

impl SubnetCursor {
    pub fn new(blocks: &[Block]) -> Self {
        let capacity = blocks.iter().fold(0u64, |a, b| a.saturating_add(b.size()));
        SubnetCursor { blocks: blocks.to_vec(), next: blocks.iter().map(|b| b.start).collect(), used: 0, capacity }
    }

    pub fn take(&mut self, prefix: u8) -> Option<Sub> {
        let size = size_of_prefix(prefix);
        for (i, (b, next)) in self.blocks.iter().zip(self.next.iter_mut()).enumerate() {
            let c = align_up(*next, size);
            if c.saturating_add(size) <= b.end() {
                *next = c + size;
                self.used = self.used.saturating_add(size);
                return Some(Sub { net: Block { start: c, prefix }, block: i });
            }
        }
        None
    }

    /// Subnets of `prefix` still free.
    pub fn free_subnets(&self, prefix: u8) -> u64 {
        let size = size_of_prefix(prefix);
        self.blocks
            .iter()
            .zip(&self.next)
            .map(|(b, n)| b.end().saturating_sub(align_up(*n, size)) / size)
            .fold(0u64, |a, x| a.saturating_add(x))
    }
}

#[derive(Debug, Clone)]
pub(crate) enum Cursor {
    Addr(AddrCursor),
    Subnet(SubnetCursor),
}

/// One namespace's addresses.
#[derive(Debug, Clone)]
pub(crate) struct NsAlloc {
    pub group: usize,
    /// 1-based number within its group.
    pub number: u32,
    pub segment: Vec<Sub>,
    pub clusters: Vec<Vec<Sub>>,
    pub snat: Option<Run>,
    pub vips: Vec<Run>,
}

/// One Supervisor Service's namespace: its subnet and (NAT) SNAT IP.
#[derive(Debug, Clone, Default)]
pub(crate) struct ServiceAlloc {
    pub segment: Vec<Sub>,
    pub snat: Option<Run>,
}

/// The allocation of a whole Supervisor.
#[derive(Debug, Clone)]
pub(crate) struct Alloc {
    pub sup_segment: Vec<Sub>,
    pub sup_vips: Vec<Run>,
    pub sup_snat: Option<Run>,
    /// The Supervisor Services' namespaces, in order.
    pub services: Vec<ServiceAlloc>,
    pub namespaces: Vec<NsAlloc>,
    /// Per scope of [`Resolved::scopes`].
    pub cursors: Vec<Cursor>,
    /// Per scope: demand that found no room (addresses).
    pub shortfall: Vec<u64>,
}

fn take_addrs(cursors: &mut [Cursor], shortfall: &mut [u64], scope: Option<usize>, n: u64, runs: &mut Vec<Run>) {
    let Some(s) = scope else { return };
    if let (Some(Cursor::Addr(c)), Some(short)) = (cursors.get_mut(s), shortfall.get_mut(s)) {
        *short = short.saturating_add(c.take(n, runs));
    }
}

fn take_subnets(cursors: &mut [Cursor], shortfall: &mut [u64], s: usize, prefix: u8, n: u64, out: &mut Vec<Sub>) {
    if let (Some(Cursor::Subnet(c)), Some(short)) = (cursors.get_mut(s), shortfall.get_mut(s)) {
        for _ in 0..n {
            match c.take(prefix) {
                Some(sub) => out.push(sub),
                None => *short = short.saturating_add(size_of_prefix(prefix)),
            }
        }
    }
}

/// Allocates every namespace, cluster, VIP and SNAT IP of a Supervisor.
pub(crate) fn allocate(sup: &SupervisorDesign, r: &Resolved) -> Alloc {
    let mut cursors: Vec<Cursor> = r
        .scopes
        .iter()
        .map(|s| match s.role {
            Role::NamespaceNetwork => Cursor::Subnet(SubnetCursor::new(&s.blocks)),
            _ => Cursor::Addr(AddrCursor::new(&s.blocks)),
        })
        .collect();
    let mut shortfall = vec![0u64; r.scopes.len()];

    let mut sup_vips = Vec::new();
    take_addrs(&mut cursors, &mut shortfall, r.sup_scopes[INGRESS], u64::from(sup.supervisor_virtual_services), &mut sup_vips);
    let mut sup_snat = Vec::new();
    let mut services = vec![ServiceAlloc::default(); sup.supervisor_services as usize];
    if sup.nat {
        take_addrs(&mut cursors, &mut shortfall, r.sup_scopes[EGRESS], 1, &mut sup_snat);
        for service in &mut services {
            let mut snat = Vec::new();
            take_addrs(&mut cursors, &mut shortfall, r.sup_scopes[EGRESS], 1, &mut snat);
            service.snat = snat.first().copied();
        }
    }

    let total: usize = sup.groups.iter().map(|g| g.count as usize).sum();
    let mut namespaces = Vec::with_capacity(total);
    let mut group_start = Vec::with_capacity(sup.groups.len());
    for (j, (g, need)) in sup.groups.iter().zip(&r.needs).enumerate() {
        group_start.push(namespaces.len());
        let scopes = r.group_scopes.get(j).copied().unwrap_or([None; 3]);
        for number in 1..=g.count {
            let mut vips = Vec::new();
            take_addrs(&mut cursors, &mut shortfall, scopes[INGRESS], need.vips, &mut vips);
            let mut snat = Vec::new();
            if g.nat {
                take_addrs(&mut cursors, &mut shortfall, scopes[EGRESS], 1, &mut snat);
            }
            namespaces.push(NsAlloc {
                group: j,
                number,
                segment: Vec::new(),
                clusters: Vec::new(),
                snat: snat.first().copied(),
                vips,
            });
        }
    }
    group_start.push(namespaces.len());

    // Subnets, per namespace-network scope, larger subnets first.
    let mut sup_segment = Vec::new();
    for (s, scope) in r.scopes.iter().enumerate() {
        if scope.role != Role::NamespaceNetwork {
            continue;
        }
        let has_sup = scope.owner == Owner::Supervisor && r.sup_scopes[NAMESPACE] == Some(s);
        let users: Vec<usize> =
            (0..sup.groups.len()).filter(|&j| r.group_scopes.get(j).and_then(|g| g[NAMESPACE]) == Some(s)).collect();
        let mut prefixes: Vec<u8> = users.iter().filter_map(|&j| r.needs.get(j).map(|n| n.prefix)).collect();
        if has_sup {
            prefixes.push(sup.networks.namespace_subnet_prefix);
        }
        prefixes.sort_unstable();
        prefixes.dedup();
        for p in prefixes {
            if has_sup && sup.networks.namespace_subnet_prefix == p {
                take_subnets(&mut cursors, &mut shortfall, s, p, 1, &mut sup_segment);
                for service in &mut services {
                    take_subnets(&mut cursors, &mut shortfall, s, p, 1, &mut service.segment);
                }
            }
            for &j in &users {
                let (Some(need), Some(g)) = (r.needs.get(j), sup.groups.get(j)) else { continue };
                if need.prefix != p {
                    continue;
                }
                let (from, to) = (group_start.get(j).copied().unwrap_or(0), group_start.get(j + 1).copied().unwrap_or(0));
                for ns in namespaces.get_mut(from..to).unwrap_or_default() {
                    take_subnets(&mut cursors, &mut shortfall, s, p, need.ns_subnets, &mut ns.segment);
                    ns.clusters = (0..g.tkg_clusters)
                        .map(|_| {
                            let mut seg = Vec::with_capacity(need.cluster_subnets as usize);
                            take_subnets(&mut cursors, &mut shortfall, s, p, need.cluster_subnets, &mut seg);
                            seg
                        })
                        .collect();
                }
            }
        }
    }

    Alloc { sup_segment, sup_vips, sup_snat: sup_snat.first().copied(), services, namespaces, cursors, shortfall }
}
