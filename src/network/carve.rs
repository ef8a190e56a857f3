//! Where each network comes from: the demand of every scope (the Supervisor's
//! networks and each group's custom ones), then given, default or carved from the
//! address pool, largest block first. Which networks exist, who draws from which
//! and how much are the platform's rules ([`NetRules`]).

use crate::design::{defaults, Cidr, SupervisorDesign};
use crate::error::{FieldError, Problem};

use super::addr::{self, align_up, pool_prefix_for, size_of_prefix, with_growth, Block, Span, CGNAT, RESERVED};
use super::{NamespaceNeeds, NetRules, Role, Source};

/// Index of the three carvable roles in per-role arrays.
pub(crate) const INGRESS: usize = 0;
pub(crate) const EGRESS: usize = 1;
pub(crate) const NAMESPACE: usize = 2;
pub(crate) const ROLES: [Role; 3] = [Role::IngressCidr, Role::EgressCidr, Role::NamespaceNetwork];

/// Shortest prefix a carved block may have per role: /27 Ingress and Egress, /23
/// namespace network (the smallest a given one may be, too).
const LONGEST: [u8; 3] = [27, 27, 23];

/// Who draws from a scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Owner {
    Supervisor,
    Group(usize),
}

/// `supervisor` for the Supervisor's scope, else the name of the group that owns it.
pub(crate) fn scope_name(sup: &SupervisorDesign, owner: Owner) -> String {
    match owner {
        Owner::Supervisor => "supervisor".to_string(),
        Owner::Group(j) => sup.groups.get(j).map_or_else(String::new, |g| g.name.clone()),
    }
}

/// One network of one role that a set of consumers draws from: the Supervisor's
/// (shared by itself and every group without its own), or a group's custom one.
#[derive(Debug, Clone)]
pub(crate) struct Scope {
    pub role: Role,
    pub owner: Owner,
    /// JSON path of the list field, e.g. `supervisors[0].networks.ingress_cidr`.
    pub path: String,
    pub source: Source,
    /// The CIDRs as given (empty unless `source` is `Given`), for element paths.
    pub given: Vec<Cidr>,
    pub blocks: Vec<Block>,
    /// VIPs, SNAT IPs, or namespace-network addresses (subnet sizes summed).
    pub demand: u64,
    pub with_growth: u64,
    /// Missing, or could not be carved; an error already says so.
    pub failed: bool,
}

impl Scope {
    /// The blocks as text, joined, with where they came from when not given.
    pub fn value(&self) -> String {
        let list = self.blocks.iter().map(|b| b.to_string()).collect::<Vec<_>>().join(", ");
        match self.source {
            Source::Given => self.given.iter().map(|c| c.net.to_string()).collect::<Vec<_>>().join(", "),
            Source::Default => format!("{list} (default)"),
            Source::Carved => format!("{list} (carved from the address pool)"),
            Source::None => list,
        }
    }
}

/// A block carved from the pool.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Carve {
    pub scope: usize,
    pub block: Block,
    pub pool: usize,
}

/// Every scope resolved to blocks, or the errors saying why not.
#[derive(Debug, Clone)]
pub(crate) struct Resolved {
    pub scopes: Vec<Scope>,
    /// The Supervisor's scope per role (`None`: egress not needed).
    pub sup_scopes: [Option<usize>; 3],
    /// Per group, the scope each role draws from (`None`: egress without NAT).
    pub group_scopes: Vec<[Option<usize>; 3]>,
    /// What one namespace of each group takes.
    pub needs: Vec<NamespaceNeeds>,
    pub service: Block,
    pub service_source: Source,
    /// The 5 management addresses, when `management_start` is given.
    pub management: Option<Span>,
    pub pools: Vec<Block>,
    pub carved: Vec<Carve>,
    pub errors: Vec<FieldError>,
}

fn parse_default(text: &str) -> Block {
    // The defaults are constants known to parse; fall back to a harmless /32 rather than panic.
    text.parse::<ipnet::Ipv4Net>().map(|n| Block::of(&n)).unwrap_or(Block { start: 0, prefix: 32 })
}

/// Resolves where every network of Supervisor `index` comes from, carving from
/// its pool what is neither given nor defaulted.
/// `taken`: space other Supervisors hold (their given networks, and what earlier
/// ones carved), so that Supervisors sharing a pool carve around each other.
pub(crate) fn resolve(sup: &SupervisorDesign, rules: &dyn NetRules, index: usize, taken: &[Span]) -> Resolved {
    let base = format!("supervisors[{index}]");
    let n = &sup.networks;
    let needs: Vec<NamespaceNeeds> = sup.groups.iter().map(|g| rules.namespace_needs(g)).collect();
    let (mut scopes, sup_scopes, group_scopes) = scopes(sup, rules, &base, &needs);

    let service = match &n.service_cidr {
        Some(c) => (Block::of(&c.net), Source::Given),
        None => (parse_default(defaults::service_cidr(sup.control_plane_size)), Source::Default),
    };
    let management = n.management_start.map(|a| {
        let start = u64::from(u32::from(a));
        Span { start, end: start.saturating_add(5).min(addr::SPACE) }
    });
    let pools: Vec<Block> = n.address_pool.iter().map(|c| Block::of(&c.net)).collect();

    let mut errors = Vec::new();
    let mut targets = not_given(sup, rules, &mut scopes, !pools.is_empty(), &mut errors);
    let mut carved = Vec::new();
    if !targets.is_empty() {
        let mut used = used_spans(&scopes, service.0, management);
        used.extend_from_slice(taken);
        used.sort();
        carve(&mut scopes, &mut targets, &pools, &used, &base, &mut carved, &mut errors);
    }

    Resolved {
        scopes,
        sup_scopes,
        group_scopes,
        needs,
        service: service.0,
        service_source: service.1,
        management,
        pools,
        carved,
        errors,
    }
}

/// The scopes: the Supervisor's networks (with the demand of itself and every group
/// that inherits them), then each group's own; and which scope each consumer draws
/// each role from.
#[allow(clippy::type_complexity)]
fn scopes(
    sup: &SupervisorDesign,
    rules: &dyn NetRules,
    base: &str,
    needs: &[NamespaceNeeds],
) -> (Vec<Scope>, [Option<usize>; 3], Vec<[Option<usize>; 3]>) {
    let n = &sup.networks;
    let growth = n.growth_percent;
    let mut demand = ROLES.map(|role| rules.supervisor_demand(sup, role));
    for (g, need) in sup.groups.iter().zip(needs) {
        for (role, d) in ROLES.into_iter().zip(&mut demand) {
            if !rules.draws_own(sup, g, role) {
                *d = d.saturating_add(u64::from(g.count).saturating_mul(need.takes(role)));
            }
        }
    }

    let mut scopes: Vec<Scope> = Vec::new();
    let new_scope = |role: usize, owner: Owner, path: String, given: &[Cidr], demand: u64| Scope {
        role: ROLES[role],
        owner,
        path,
        source: if given.is_empty() { Source::None } else { Source::Given },
        given: given.to_vec(),
        blocks: given.iter().map(|c| Block::of(&c.net)).collect(),
        demand,
        with_growth: with_growth(demand, growth),
        failed: false,
    };
    let sup_given = [&n.ingress_cidr, &n.egress_cidr, &n.namespace_network];
    let mut sup_scopes = [None; 3];
    for role in [INGRESS, EGRESS, NAMESPACE] {
        if !rules.supervisor_has(sup, ROLES[role]) {
            continue;
        }
        let path = format!("{base}.networks.{}", ROLES[role].field());
        sup_scopes[role] = Some(scopes.len());
        scopes.push(new_scope(role, Owner::Supervisor, path, sup_given[role], demand[role]));
    }
    let mut group_scopes = Vec::with_capacity(sup.groups.len());
    for (j, (g, need)) in sup.groups.iter().zip(needs).enumerate() {
        let own = [&g.ingress_cidr, &g.egress_cidr, &g.namespace_network];
        let mut mine = [sup_scopes[INGRESS], if g.nat { sup_scopes[EGRESS] } else { None }, sup_scopes[NAMESPACE]];
        for role in [INGRESS, EGRESS, NAMESPACE] {
            if !rules.draws_own(sup, g, ROLES[role]) {
                continue;
            }
            let path = format!("{}.{}", g.path, ROLES[role].field());
            mine[role] = Some(scopes.len());
            let demand = u64::from(g.count).saturating_mul(need.takes(ROLES[role]));
            scopes.push(new_scope(role, Owner::Group(j), path, own[role], demand));
        }
        group_scopes.push(mine);
    }
    (scopes, sup_scopes, group_scopes)
}

/// Scopes not given: their default, or (with a pool) carve targets `(scope, block
/// size, prefix)`, or (without) an error that says what size is needed.
fn not_given(
    sup: &SupervisorDesign,
    rules: &dyn NetRules,
    scopes: &mut [Scope],
    pool: bool,
    errors: &mut Vec<FieldError>,
) -> Vec<(usize, u64, Option<u8>)> {
    let growth = sup.networks.growth_percent;
    let mut targets = Vec::new();
    for (s, scope) in scopes.iter_mut().enumerate() {
        if scope.source == Source::Given {
            continue;
        }
        let role = ROLES.iter().position(|r| *r == scope.role).unwrap_or(NAMESPACE);
        let need = scope.with_growth;
        let prefix = if role == NAMESPACE {
            addr::block_prefix_for(need, LONGEST[role])
        } else {
            pool_prefix_for(need, LONGEST[role])
        };
        let default = rules.supervisor_default(scope.role).filter(|_| scope.owner == Owner::Supervisor);
        if let (Some(default), false) = (default, pool) {
            scope.source = Source::Default;
            scope.blocks = vec![parse_default(default)];
        } else if !pool {
            scope.failed = true;
            let size = match prefix {
                Some(p) => format!("a /{p} or larger"),
                None => "more than an IPv4 /0".to_string(),
            };
            let mut needed = format!("{size} for {} {} + {growth}% growth", scope.demand, scope.role.unit());
            if let Owner::Group(j) = scope.owner {
                needed.push_str(sup.groups.get(j).and_then(|g| rules.why_own(g, scope.role)).unwrap_or_default());
            }
            errors.push(FieldError::new(scope.path.clone(), "", Problem::Missing { role: scope.role.label().to_string(), needed }));
        } else {
            let size = prefix.map(size_of_prefix).unwrap_or(need);
            targets.push((s, size, prefix));
        }
    }
    targets
}

/// Space taken before carving: given and default networks, the service CIDR, the management range.
fn used_spans(scopes: &[Scope], service: Block, management: Option<Span>) -> Vec<Span> {
    let mut used: Vec<Span> = scopes.iter().flat_map(|s| s.blocks.iter().map(|b| b.span())).collect();
    used.push(service.span());
    used.extend(management);
    used.sort();
    used
}

/// Total length of the union of spans.
pub(crate) fn union_len(spans: &mut [Span]) -> u64 {
    spans.sort();
    let mut total = 0u64;
    let mut cur: Option<Span> = None;
    for s in spans.iter() {
        match cur {
            Some(c) if s.start <= c.end => cur = Some(Span { start: c.start, end: c.end.max(s.end) }),
            Some(c) => {
                total = total.saturating_add(c.len());
                cur = Some(*s);
            }
            None => cur = Some(*s),
        }
    }
    total.saturating_add(cur.map_or(0, |c| c.len()))
}

/// Lowest aligned `size` block inside `pool` clear of every span in `avoid`.
pub(crate) fn find_slot(pool: Block, size: u64, avoid: &[Span]) -> Option<u64> {
    if size > pool.size() {
        return None;
    }
    let mut c = align_up(pool.start, size);
    loop {
        let end = c.checked_add(size)?;
        if end > pool.end() {
            return None;
        }
        let want = Span { start: c, end };
        match avoid.iter().filter(|u| u.overlaps(want)).map(|u| u.end).max() {
            Some(e) => c = align_up(e, size),
            None => return Some(c),
        }
    }
}

fn carve(
    scopes: &mut [Scope],
    targets: &mut [(usize, u64, Option<u8>)],
    pools: &[Block],
    used: &[Span],
    base: &str,
    carved: &mut Vec<Carve>,
    errors: &mut Vec<FieldError>,
) {
    let pool_path = format!("{base}.networks.address_pool");
    let pool_value = pools.iter().map(|b| b.to_string()).collect::<Vec<_>>().join(", ");
    // Largest first; ties keep scope order (Supervisor Ingress, Egress, namespace, then groups).
    targets.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));

    let mut pool_spans: Vec<Span> = pools.iter().map(|b| b.span()).collect();
    let pool_total = union_len(&mut pool_spans);
    let mut inside: Vec<Span> =
        used.iter().flat_map(|u| pool_spans.iter().map(move |p| u.intersect(*p))).filter(|s| s.len() > 0).collect();
    let available = pool_total.saturating_sub(union_len(&mut inside));
    let needed = targets.iter().fold(0u64, |acc, t| acc.saturating_add(t.1));
    if needed > available {
        let list = targets
            .iter()
            .filter_map(|t| scopes.get(t.0).map(|s| (s, t)))
            .map(|(s, t)| {
                let size = match t.2 {
                    Some(p) => format!("/{p}"),
                    None => format!("of {} addresses", t.1),
                };
                match s.owner {
                    Owner::Supervisor => format!("{} {size}", s.role.label()),
                    Owner::Group(_) => format!("{} {size} for {}", s.role.label(), s.path),
                }
            })
            .collect::<Vec<_>>()
            .join(", ");
        errors.push(FieldError::new(
            pool_path,
            pool_value,
            Problem::TooFewAddresses { role: format!("networks to carve ({list})"), needed, available },
        ));
        for t in targets.iter() {
            if let Some(s) = scopes.get_mut(t.0) {
                s.failed = true;
            }
        }
        return;
    }

    let mut taken: Vec<Span> = used.to_vec();
    let mut free = available;
    for &(s, size, prefix) in targets.iter() {
        let Some(scope) = scopes.get_mut(s) else { continue };
        let mut placed = None;
        if let Some(prefix) = prefix {
            // First try to stay clear of the NSX, Avi and TKG reserved ranges, then of
            // all but the broad 100.64.0.0/10, then accept them (a warning says so).
            let mut with_reserved = taken.clone();
            with_reserved.extend(RESERVED.iter().map(|r| r.block.span()));
            let mut narrow = taken.clone();
            narrow.extend(RESERVED.iter().enumerate().filter(|&(k, _)| k != CGNAT).map(|(_, r)| r.block.span()));
            'passes: for avoid in [&with_reserved, &narrow, &taken] {
                for (pi, pool) in pools.iter().enumerate() {
                    if let Some(start) = find_slot(*pool, size, avoid) {
                        placed = Some((Block { start, prefix }, pi));
                        break 'passes;
                    }
                }
            }
        }
        match placed {
            Some((block, pool)) => {
                taken.push(block.span());
                free = free.saturating_sub(size);
                scope.source = Source::Carved;
                scope.blocks = vec![block];
                carved.push(Carve { scope: s, block, pool });
            }
            None => {
                scope.failed = true;
                errors.push(FieldError::new(
                    pool_path.clone(),
                    pool_value.clone(),
                    Problem::NoAlignedRoom {
                        role: format!("{} ({})", scope.role.label(), scope.path),
                        prefix: prefix.unwrap_or(0),
                        free,
                    },
                ));
            }
        }
    }
}
