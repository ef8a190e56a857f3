//! How to fix a shortage of addresses, in numbers (issue 9): how many namespaces
//! of the shape that grows (the last group drawing from the network) the network
//! or address pool holds, and the block to append so it holds today's. The
//! Supervisor's Ingress, Egress and namespace networks can only be appended to once
//! it is enabled, so the advice appends a block; it never shrinks the growth
//! headroom or a network.

use ipnet::Ipv4Net;

use crate::design::{Cidr, SupervisorDesign};
use crate::error::Problem;

use super::addr::{addr, block_prefix_for, pool_prefix_for, size_of_prefix, Block, Span, RESERVED};
use super::carve::{self, Owner, Resolved, Scope, ROLES};
use super::{NetRules, Role, Source};

/// Whether an error is the address pool running out (too few addresses in all, or
/// no aligned room left for a block).
pub(crate) fn is_pool_shortage(problem: &Problem) -> bool {
    matches!(problem, Problem::TooFewAddresses { .. } | Problem::NoAlignedRoom { .. })
}

/// A scope that draws from the address pool: carved, or a carve that failed.
fn from_pool(scope: &Scope) -> bool {
    scope.source == Source::Carved || (scope.source == Source::None && scope.failed)
}

/// `" with 50% growth headroom"`, or nothing without growth.
fn headroom(growth: u32) -> String {
    if growth > 0 {
        format!(" with {growth}% growth headroom")
    } else {
        String::new()
    }
}

/// "holds N namespaces like 'g'" (one group) or "holds N namespaces, K of them like 'g'".
fn holds(total: u64, like: u64, group: &str, groups: usize) -> String {
    if groups == 1 {
        format!("holds {total} namespaces like '{group}'")
    } else {
        format!("holds {total} namespaces, {like} of them like '{group}'")
    }
}

/// The fix for a pool that cannot hold the networks carved from it: how many
/// namespaces it holds (the last group drawing from the pool varied, the others as
/// they are) and the smallest block to add to the pool for today's. `taken` is the
/// space other Supervisors hold, as for [`carve::resolve`]. `None` when no
/// namespace draws from the pool or no block would do.
pub(crate) fn pool(sup: &SupervisorDesign, rules: &dyn NetRules, index: usize, taken: &[Span], r: &Resolved) -> Option<String> {
    let fits = |design: &SupervisorDesign| -> bool {
        !carve::resolve(design, rules, index, taken).errors.iter().any(|e| is_pool_shortage(&e.problem))
    };
    let today = sup.namespace_count();
    let mut parts = Vec::new();

    let drawing = (0..sup.groups.len()).rev().find(|&j| {
        r.group_scopes.get(j).is_some_and(|scopes| scopes.iter().flatten().any(|&s| r.scopes.get(s).is_some_and(from_pool)))
    });
    if let Some(j) = drawing {
        let with_count = |count: u32| {
            let mut d = sup.clone();
            if let Some(g) = d.groups.get_mut(j) {
                g.count = count;
            }
            d
        };
        let count = sup.groups.get(j).map_or(0, |g| g.count);
        if fits(&with_count(0)) {
            // The largest count that still fits: `lo` fits, `hi` does not.
            let (mut lo, mut hi) = (0u32, count);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if fits(&with_count(mid)) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let others = today - u64::from(count);
            let name = sup.groups.get(j).map_or("", |g| g.name.as_str());
            parts.push(format!(
                "it {}{}",
                holds(others + u64::from(lo), u64::from(lo), name, sup.groups.len()),
                headroom(sup.networks.growth_percent)
            ));
        }
    }

    // Where a block added to the pool could sit: clear of everything this Supervisor
    // has, the other Supervisors' space and the reserved ranges (where it sits does
    // not change what fits, only that it is new space).
    let mut avoid: Vec<Span> = r.scopes.iter().flat_map(|s| s.blocks.iter().map(|b| b.span())).collect();
    avoid.extend(r.pools.iter().map(|b| b.span()));
    avoid.push(r.service.span());
    avoid.extend(r.management);
    avoid.extend_from_slice(taken);
    avoid.extend(RESERVED.iter().map(|x| x.block.span()));
    avoid.sort();
    let whole = Block { start: 0, prefix: 0 };
    let added = (1..=32u8).rev().find(|&prefix| {
        let Some(start) = carve::find_slot(whole, size_of_prefix(prefix), &avoid) else { return false };
        let Ok(net) = Ipv4Net::new(addr(start), prefix) else { return false };
        let mut d = sup.clone();
        d.networks.address_pool.push(Cidr { net, path: String::new() });
        fits(&d)
    });
    if let Some(prefix) = added {
        parts.push(format!("add a /{prefix} block to the pool for all {today}"));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// The fix for a given (or default) network that cannot hold today's demand:
/// `short` more addresses (VIPs, SNAT IPs, or subnet addresses) than it has.
pub(crate) fn scope(sup: &SupervisorDesign, r: &Resolved, s: usize, capacity: u64, short: u64) -> Option<String> {
    let scope = r.scopes.get(s)?;
    let role = ROLES.iter().position(|x| *x == scope.role)?;
    let mut parts = Vec::new();
    // The groups drawing from it; the last one's namespaces are the ones that grow.
    let users: Vec<usize> = match scope.owner {
        Owner::Group(j) => vec![j],
        Owner::Supervisor => (0..sup.groups.len()).filter(|&j| r.group_scopes.get(j).is_some_and(|g| g[role] == Some(s))).collect(),
    };
    if let Some((&j, g)) = users.last().and_then(|j| Some((j, sup.groups.get(*j)?))) {
        let each = r.needs.get(j).map_or(0, |n| n.takes(scope.role));
        let others = scope.demand.saturating_sub(u64::from(g.count).saturating_mul(each));
        if let Some(fit) = capacity.checked_sub(others).and_then(|room| room.checked_div(each)) {
            let in_scope: u64 = users.iter().filter_map(|&k| sup.groups.get(k)).map(|x| u64::from(x.count)).sum();
            let total = in_scope - u64::from(g.count) + fit;
            parts.push(format!("it {}", holds(total, fit, &g.name, users.len())));
        }
    }
    // Not below the roles' sizes: /23 for a namespace network block, and the /27
    // sample recommendation for Ingress and Egress, so following it warns of nothing.
    let prefix = match scope.role {
        Role::NamespaceNetwork => block_prefix_for(short, 23),
        _ => pool_prefix_for(short, 27),
    };
    if let Some(p) = prefix {
        parts.push(format!("append a /{p} block to {} for today's demand", scope.role.field()));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}
