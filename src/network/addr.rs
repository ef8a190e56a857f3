//! Address arithmetic. Addresses and block ends are held as `u64` so that
//! `0.0.0.0/0` (2^32 addresses) and `255.255.255.255/32` (whose end is 2^32) need
//! no special cases and nothing can overflow.

use std::fmt;
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

/// The whole IPv4 space: one past the last address.
pub(crate) const SPACE: u64 = 1 << 32;

/// An aligned CIDR block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Block {
    pub start: u64,
    pub prefix: u8,
}

impl Block {
    pub fn of(net: &Ipv4Net) -> Block {
        Block { start: u64::from(u32::from(net.network())), prefix: net.prefix_len().min(32) }
    }

    pub fn size(self) -> u64 {
        size_of_prefix(self.prefix)
    }

    /// One past the last address.
    pub fn end(self) -> u64 {
        self.start.saturating_add(self.size())
    }

    pub fn span(self) -> Span {
        Span { start: self.start, end: self.end() }
    }
}

impl fmt::Display for Block {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", addr(self.start), self.prefix)
    }
}

/// A half-open address range `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Span {
    pub start: u64,
    pub end: u64,
}

impl Span {
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn len(self) -> u64 {
        self.end.saturating_sub(self.start)
    }

    /// The part of `self` inside `other` (possibly empty).
    pub fn intersect(self, other: Span) -> Span {
        let start = self.start.max(other.start);
        Span { start, end: self.end.min(other.end).max(start) }
    }
}

/// Addresses in a block of this prefix (`/0` gives 2^32).
pub(crate) fn size_of_prefix(prefix: u8) -> u64 {
    1u64 << (32 - u32::from(prefix.min(32)))
}

/// The address for a number below 2^32 (larger numbers clamp to 255.255.255.255).
pub(crate) fn addr(x: u64) -> Ipv4Addr {
    Ipv4Addr::from(u32::try_from(x).unwrap_or(u32::MAX))
}

/// `x` rounded up to a multiple of `size` (saturating).
pub(crate) fn align_up(x: u64, size: u64) -> u64 {
    if size <= 1 {
        return x;
    }
    x.div_ceil(size).saturating_mul(size)
}

/// Addresses an Ingress or Egress block hands out as VIPs or SNAT IPs: every
/// address except the network and broadcast addresses, so a /27 gives 30. A /31
/// gives both its addresses and a /32 its one (RFC 3021 style; the roles' own
/// minimum of /27 keeps these out of real plans, but the arithmetic holds).
pub(crate) fn pool_range(b: Block) -> Span {
    if b.prefix >= 31 {
        b.span()
    } else {
        Span { start: b.start.saturating_add(1), end: b.end().saturating_sub(1) }
    }
}

/// [`pool_range`]'s length for a prefix.
pub(crate) fn pool_usable(prefix: u8) -> u64 {
    if prefix >= 31 {
        size_of_prefix(prefix)
    } else {
        size_of_prefix(prefix) - 2
    }
}

/// Usable addresses of a namespace or cluster subnet: `2^(32-p) - 3` (network,
/// gateway `.1` and broadcast are not handed out). Never below 1, so that it can
/// divide (validation keeps the prefix within /16../29, where it is at least 5).
pub(crate) fn subnet_usable(prefix: u8) -> u64 {
    size_of_prefix(prefix).saturating_sub(3).max(1)
}

/// Subnets of `prefix` a segment needs for `hosts` addresses: at least one.
pub(crate) fn subnets_for(hosts: u64, prefix: u8) -> u64 {
    hosts.div_ceil(subnet_usable(prefix)).max(1)
}

/// `demand` plus `percent` growth, rounded up.
pub(crate) fn with_growth(demand: u64, percent: u32) -> u64 {
    let v = u128::from(demand) * (100 + u128::from(percent));
    u64::try_from(v.div_ceil(100)).unwrap_or(u64::MAX)
}

/// The longest prefix, no longer than `longest`, whose Ingress/Egress block holds
/// `need` usable addresses; `None` when not even `/0` does.
pub(crate) fn pool_prefix_for(need: u64, longest: u8) -> Option<u8> {
    (0..=longest.min(32)).rev().find(|&p| pool_usable(p) >= need)
}

/// The longest prefix, no longer than `longest`, whose block holds `need`
/// addresses; `None` when not even `/0` does.
pub(crate) fn block_prefix_for(need: u64, longest: u8) -> Option<u8> {
    (0..=longest.min(32)).rev().find(|&p| size_of_prefix(p) >= need)
}

/// A range reserved by NSX or TKG defaults (DOMAIN.md section 3).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reserved {
    pub block: Block,
    /// What it is, for messages.
    pub what: &'static str,
    /// TKG cluster defaults only concern the namespace, Ingress and Egress networks
    /// (and, unsettled, the service CIDR); NSX transit ranges concern everything.
    pub tkg: bool,
}

/// Index in [`RESERVED`] of the NSX T0-T1 transit subnet, 100.64.0.0/16.
pub(crate) const T0_T1_TRANSIT: usize = 0;
/// Index in [`RESERVED`] of 100.64.0.0/10 (Avi data segments, NSX VRF transit).
pub(crate) const CGNAT: usize = 1;
/// Index in [`RESERVED`] of the TKG cluster default service CIDR, 10.96.0.0/12.
pub(crate) const TKG_SERVICES: usize = 4;

const fn v4(a: u64, b: u64, c: u64, d: u64) -> u64 {
    (a << 24) | (b << 16) | (c << 8) | d
}

/// NSX T0-T1 transit (inside the CGNAT range 100.64.0.0/10, where Avi data
/// segments and NSX 4.1+ VRF transit subnets live), NSX internal transit, TKG
/// default pod and service CIDRs. [`T0_T1_TRANSIT`] and [`CGNAT`] index the first two.
pub(crate) const RESERVED: [Reserved; 5] = [
    Reserved { block: Block { start: v4(100, 64, 0, 0), prefix: 16 }, what: "the NSX T0-T1 transit subnet (NSX default)", tkg: false },
    Reserved {
        block: Block { start: v4(100, 64, 0, 0), prefix: 10 },
        what: "where Avi data segments and NSX 4.1+ VRF transit subnets live",
        tkg: false,
    },
    Reserved { block: Block { start: v4(169, 254, 0, 0), prefix: 24 }, what: "the NSX internal transit subnet (NSX default)", tkg: false },
    Reserved { block: Block { start: v4(192, 168, 0, 0), prefix: 16 }, what: "the TKG cluster default pod CIDR", tkg: true },
    Reserved { block: Block { start: v4(10, 96, 0, 0), prefix: 12 }, what: "the TKG cluster default service CIDR", tkg: true },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usable_counts() {
        // (prefix, VIP/SNAT usable, subnet usable, block size)
        let cases = [
            (0u8, SPACE - 2, SPACE - 3, SPACE),
            (16, 65_534, 65_533, 65_536),
            (23, 510, 509, 512),
            (27, 30, 29, 32),
            (28, 14, 13, 16),
            (29, 6, 5, 8),
            (30, 2, 1, 4),
            (31, 2, 1, 2),
            (32, 1, 1, 1),
        ];
        for (p, pool, subnet, size) in cases {
            assert_eq!((pool_usable(p), subnet_usable(p), size_of_prefix(p)), (pool, subnet, size), "/{p}");
        }
    }

    #[test]
    fn pool_range_skips_network_and_broadcast_except_31_32() {
        let b = |s: &str| Block::of(&s.parse::<Ipv4Net>().unwrap());
        let r = pool_range(b("10.0.0.0/27"));
        assert_eq!((addr(r.start).to_string(), addr(r.end - 1).to_string(), r.len()), ("10.0.0.1".into(), "10.0.0.30".into(), 30));
        let r = pool_range(b("10.0.0.0/31"));
        assert_eq!((r.start, r.len()), (v4(10, 0, 0, 0), 2));
        let r = pool_range(b("255.255.255.255/32"));
        assert_eq!((r.start, r.end, r.len()), (u64::from(u32::MAX), SPACE, 1));
        let r = pool_range(b("0.0.0.0/0"));
        assert_eq!((r.start, r.end), (1, SPACE - 1));
    }

    #[test]
    fn carve_prefix_sizes() {
        // (need, longest, ingress/egress prefix, plain block prefix)
        let cases = [
            (0u64, 27u8, Some(27u8), Some(27u8)),
            (1, 27, Some(27), Some(27)),
            (30, 27, Some(27), Some(27)),
            (31, 27, Some(26), Some(27)),
            (32, 27, Some(26), Some(27)),
            (33, 27, Some(26), Some(26)),
            (62, 27, Some(26), Some(26)),
            (63, 27, Some(25), Some(26)),
            (65, 27, Some(25), Some(25)),
            (513, 23, Some(22), Some(22)),
            (SPACE - 2, 27, Some(0), Some(0)),
            (SPACE, 27, None, Some(0)),
            (SPACE + 1, 23, None, None),
        ];
        for (need, longest, pool, block) in cases {
            assert_eq!((pool_prefix_for(need, longest), block_prefix_for(need, longest)), (pool, block), "need {need}");
        }
    }

    #[test]
    fn growth_and_subnets() {
        assert_eq!(with_growth(40, 50), 60);
        assert_eq!(with_growth(41, 50), 62); // 61.5 rounds up
        assert_eq!(with_growth(7, 0), 7);
        assert_eq!(with_growth(u64::MAX, 1000), u64::MAX);
        // (hosts, prefix, subnets)
        for (hosts, p, n) in [(0u64, 28u8, 1u64), (13, 28, 1), (14, 28, 2), (26, 28, 2), (27, 28, 3), (7, 29, 2), (100_000, 16, 2)] {
            assert_eq!(subnets_for(hosts, p), n, "{hosts} hosts in /{p}");
        }
    }

    #[test]
    fn align_and_spans() {
        assert_eq!(align_up(17, 16), 32);
        assert_eq!(align_up(32, 16), 32);
        assert_eq!(align_up(0, SPACE), 0);
        assert_eq!(align_up(1, SPACE), SPACE);
        assert_eq!(align_up(u64::MAX, 16), u64::MAX); // saturates instead of wrapping
        let a = Span { start: 10, end: 20 };
        assert!(a.overlaps(Span { start: 19, end: 30 }));
        assert!(!a.overlaps(Span { start: 20, end: 30 }));
        assert_eq!(a.intersect(Span { start: 15, end: 40 }).len(), 5);
        assert_eq!(a.intersect(Span { start: 30, end: 40 }).len(), 0);
    }
}
