//! The order of work: every Supervisor's networks resolved and carved in turn
//! (each around what the others were given and the earlier ones carved), the
//! overlaps across Supervisors, then per Supervisor the checks, the allocation,
//! the routes and the assembled result.

use crate::design::{Design, SupervisorDesign};
use crate::error::{FieldError, Warning};

use super::addr::{Block, Span};
use super::carve::{self, Resolved};
use super::{advice, allocate, assemble, checks, routes, validate, AllPlans, NetPlan, NetRules, Role, Source};

/// See [`super::plan_all`]: each Supervisor's own result, and per Supervisor the
/// overlaps of its routed networks with earlier Supervisors'. A Supervisor whose
/// platform has none of these networks (`rules` gives `None`: VDS) gets an empty
/// plan: it plans its own.
pub(crate) fn plan_all<'r>(
    design: &Design,
    rules: impl Fn(&SupervisorDesign) -> Option<&'r dyn NetRules>,
) -> (AllPlans, Vec<Vec<FieldError>>) {
    let given: Vec<Vec<Span>> = design.supervisors.iter().map(routed_given).collect();
    let mut carved: Vec<Span> = Vec::new();
    let mut resolved = Vec::with_capacity(design.supervisors.len());
    for (i, sup) in design.supervisors.iter().enumerate() {
        // A platform without these networks (VDS) plans its own.
        let Some(net) = rules(sup) else {
            resolved.push(None);
            continue;
        };
        let mut taken: Vec<Span> = given.iter().enumerate().filter(|&(j, _)| j != i).flat_map(|(_, g)| g.iter().copied()).collect();
        taken.extend_from_slice(&carved);
        let r = resolve(sup, net, i, &taken);
        carved.extend(r.scopes.iter().filter(|s| s.source == Source::Carved).flat_map(|s| s.blocks.iter().map(|b| b.span())));
        resolved.push(Some(r));
    }
    let mut across = vec![Vec::new(); design.supervisors.len()];
    if design.supervisors.len() > 1 {
        let mut all = Vec::new();
        for (i, r) in resolved.iter().enumerate().filter_map(|(i, r)| Some((i, r.as_ref()?))) {
            all.extend(validate::entries(r, i, true).into_iter().filter(|e| matches!(e.role, Role::IngressCidr | Role::EgressCidr | Role::NamespaceNetwork)));
        }
        for (sup, e) in validate::overlaps_by_supervisor(&all) {
            if let Some(errors) = across.get_mut(sup) {
                errors.push(e);
            }
        }
    }
    let plans = design
        .supervisors
        .iter()
        .zip(resolved)
        .enumerate()
        .map(|(i, (sup, r))| match (rules(sup), r) {
            (Some(net), Some(r)) => plan_resolved(sup, net, i, r),
            _ => Ok((NetPlan::not_planned(sup), Vec::new())),
        })
        .collect();
    (plans, across)
}

/// Where a Supervisor's networks come from ([`carve::resolve`]); a pool that runs
/// out says how to fix it.
pub(crate) fn resolve(sup: &SupervisorDesign, rules: &dyn NetRules, index: usize, taken: &[Span]) -> Resolved {
    let mut r = carve::resolve(sup, rules, index, taken);
    if r.errors.iter().any(|e| advice::is_pool_shortage(&e.problem)) {
        if let Some(fix) = advice::pool(sup, rules, index, taken, &r) {
            for e in r.errors.iter_mut().filter(|e| advice::is_pool_shortage(&e.problem)) {
                e.fix = Some(fix.as_str().into());
            }
        }
    }
    r
}

/// The routed networks a Supervisor was given (its own and its groups').
fn routed_given(sup: &SupervisorDesign) -> Vec<Span> {
    let n = &sup.networks;
    let groups = sup.groups.iter().flat_map(|g| g.ingress_cidr.iter().chain(&g.egress_cidr).chain(&g.namespace_network));
    n.ingress_cidr.iter().chain(&n.egress_cidr).chain(&n.namespace_network).chain(groups).map(|c| Block::of(&c.net).span()).collect()
}

/// Checks, allocates and routes one Supervisor whose networks are resolved.
pub(crate) fn plan_resolved(
    sup: &SupervisorDesign,
    rules: &dyn NetRules,
    index: usize,
    r: Resolved,
) -> Result<(NetPlan, Vec<Warning>), Vec<FieldError>> {
    if let Some(e) = checks::too_many_subnets(sup, index, &r) {
        return Err(vec![e]);
    }
    let mut errors = r.errors.clone();
    errors.extend(validate::overlaps(&validate::entries(&r, index, false), false));
    errors.extend(checks::subnet_fit_errors(sup, index, &r));
    let alloc = allocate::allocate(sup, &r);
    let mut warnings = Vec::new();
    checks::capacity_checks(sup, &r, &alloc, &mut errors, &mut warnings);
    if !errors.is_empty() {
        return Err(errors);
    }

    warnings.extend(checks::size_recommendations(&r));
    warnings.extend(validate::reserved_warnings(&validate::entries(&r, index, true)));
    let (routes, route_warnings) = routes::routes(sup, index, &r, &alloc);
    warnings.extend(route_warnings);
    Ok((assemble::net_plan(sup, rules, &r, &alloc, routes), warnings))
}
