//! The checks that need carving and allocation done: a plan too big to list, a
//! subnet larger than every block it could sit in, and networks that cannot hold
//! today's demand (errors) or their growth headroom (warnings).

use crate::design::SupervisorDesign;
use crate::error::{FieldError, Problem, Warning, WarningKind};

use super::allocate::{Alloc, Cursor};
use super::carve::{Resolved, NAMESPACE};
use super::{advice, NamespaceNeeds, Role, Source, MAX_SUBNETS};

/// More subnets than [`MAX_SUBNETS`]: the one error, since carving and pool errors
/// would follow from the same absurd count.
pub(crate) fn too_many_subnets(sup: &SupervisorDesign, index: usize, r: &Resolved) -> Option<FieldError> {
    let subnets = subnet_count(sup, &r.needs);
    (subnets > MAX_SUBNETS).then(|| {
        FieldError::new(
            format!("supervisors[{index}].namespaces"),
            format!("{subnets} namespace and cluster subnets in all"),
            Problem::TooLarge { max: MAX_SUBNETS },
        )
    })
}

/// Namespace and cluster subnets of a Supervisor whose groups need `needs` each
/// (its own workload segment included): what [`MAX_SUBNETS`] limits.
pub(crate) fn subnet_count(sup: &SupervisorDesign, needs: &[NamespaceNeeds]) -> u64 {
    // The Supervisor's own segment and one subnet per Supervisor Service.
    let own = 1 + u64::from(sup.supervisor_services);
    needs.iter().zip(&sup.groups).fold(own, |a, (n, g)| a.saturating_add(n.subnets.saturating_mul(u64::from(g.count))))
}

/// A subnet larger than every block of the namespace network it draws from can never be placed.
pub(crate) fn subnet_fit_errors(sup: &SupervisorDesign, index: usize, r: &Resolved) -> Vec<FieldError> {
    let mut out = Vec::new();
    let mut check = |prefix: u8, prefix_path: String, scope: Option<usize>| {
        let Some(s) = scope.and_then(|s| r.scopes.get(s)) else { return };
        if s.failed || s.blocks.is_empty() {
            return;
        }
        let largest = s.blocks.iter().map(|b| b.prefix).min().unwrap_or(32);
        if prefix < largest {
            out.push(FieldError::new(
                prefix_path,
                format!("/{prefix}"),
                Problem::Conflict {
                    other: s.path.clone(),
                    reason: format!("a /{prefix} subnet does not fit in the namespace network {}, whose largest block is a /{largest}", s.value()),
                },
            ));
        }
    };
    check(sup.networks.namespace_subnet_prefix, format!("supervisors[{index}].networks.namespace_subnet_prefix"), r.sup_scopes[NAMESPACE]);
    for (j, g) in sup.groups.iter().enumerate() {
        if g.namespace_subnet_prefix != sup.networks.namespace_subnet_prefix || !g.namespace_network.is_empty() {
            let scope = r.group_scopes.get(j).and_then(|s| s[NAMESPACE]);
            check(g.namespace_subnet_prefix, format!("{}.namespace_subnet_prefix", g.path), scope);
        }
    }
    out
}

/// Given and default networks must hold their demand (error, with the block to
/// append) and should hold the growth headroom (warning).
pub(crate) fn capacity_checks(sup: &SupervisorDesign, r: &Resolved, a: &Alloc, errors: &mut Vec<FieldError>, warnings: &mut Vec<Warning>) {
    let growth = sup.networks.growth_percent;
    for (s, scope) in r.scopes.iter().enumerate() {
        if scope.failed {
            continue;
        }
        let (capacity, short) = match (a.cursors.get(s), a.shortfall.get(s)) {
            (Some(Cursor::Addr(c)), Some(&short)) => (c.capacity, short),
            (Some(Cursor::Subnet(c)), Some(&short)) => (c.capacity, short),
            _ => continue,
        };
        if short > 0 {
            let available = if capacity < scope.demand { capacity } else { scope.demand.saturating_sub(short) };
            let e = FieldError::new(
                scope.path.clone(),
                scope.value(),
                Problem::TooFewAddresses { role: scope.role.label().to_string(), needed: scope.demand, available },
            );
            errors.push(match advice::scope(sup, r, s, capacity, short) {
                Some(fix) => e.with_fix(fix),
                None => e,
            });
        } else if capacity < scope.with_growth && scope.source != Source::Carved {
            warnings.push(Warning::new(
                scope.path.clone(),
                WarningKind::LowHeadroom,
                format!(
                    "{} holds {capacity} {} and today's demand is {}; {growth}% growth needs {} ({} more)",
                    scope.value(),
                    scope.role.unit(),
                    scope.demand,
                    scope.with_growth,
                    scope.with_growth - capacity
                ),
            ));
        }
    }
}

/// Given Ingress and Egress blocks smaller than a /27: valid when they hold the
/// demand, but below VMware's sample recommendation (a warning each).
pub(crate) fn size_recommendations(r: &Resolved) -> Vec<Warning> {
    r.scopes
        .iter()
        .filter(|s| matches!(s.role, Role::IngressCidr | Role::EgressCidr) && s.source == Source::Given)
        .flat_map(|s| s.given.iter().map(move |c| (s, c)))
        .filter(|(_, c)| c.net.prefix_len() > RECOMMENDED_PREFIX)
        .map(|(s, c)| {
            Warning::new(
                c.path.clone(),
                WarningKind::BelowRecommendation,
                format!(
                    "{} is smaller than the /{RECOMMENDED_PREFIX} VMware gives as a sample {}; it is valid while the {} hold the demand ({} {})",
                    c.net,
                    s.role.label(),
                    s.role.field(),
                    s.demand,
                    s.role.unit()
                ),
            )
        })
        .collect()
}

/// VMware's sample size for an Ingress or Egress block (a recommendation, not a rule).
pub(crate) const RECOMMENDED_PREFIX: u8 = 27;
