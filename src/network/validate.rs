//! Overlap checks: between any two networks of a Supervisor (errors), between
//! routed networks of different Supervisors (errors), and against the NSX and TKG
//! reserved ranges (warnings). Every message names both ranges.

use crate::error::{FieldError, Problem, Warning, WarningKind};

use super::addr::{addr, Span, CGNAT, RESERVED, T0_T1_TRANSIT, TKG_SERVICES};
use super::carve::Resolved;
use super::{Role, Source};

/// One network with the field it comes from.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub span: Span,
    pub role: Role,
    pub path: String,
    pub value: String,
    /// Which Supervisor (for the cross-Supervisor check).
    pub sup: usize,
}

/// Every network of a Supervisor, in document order: the namespace network,
/// service CIDR, Ingress, Egress, management range, then each group's own
/// networks. Carved blocks are included only when `carved` is set (they cannot
/// overlap anything by construction, but they can overlap reserved ranges and
/// other Supervisors).
pub(crate) fn entries(r: &Resolved, index: usize, carved: bool) -> Vec<Entry> {
    let base = format!("supervisors[{index}].networks");
    let mut out = Vec::new();
    let scope_entries = |s: &super::carve::Scope, out: &mut Vec<Entry>| match s.source {
        Source::Given => out.extend(s.given.iter().map(|c| Entry {
            span: super::addr::Block::of(&c.net).span(),
            role: s.role,
            path: c.path.clone(),
            value: c.net.to_string(),
            sup: index,
        })),
        Source::Default => out.extend(s.blocks.iter().map(|b| Entry {
            span: b.span(),
            role: s.role,
            path: s.path.clone(),
            value: format!("{b} (default)"),
            sup: index,
        })),
        Source::Carved if carved => out.extend(s.blocks.iter().map(|b| Entry {
            span: b.span(),
            role: s.role,
            path: s.path.clone(),
            value: format!("{b} (carved from the address pool)"),
            sup: index,
        })),
        _ => {}
    };
    let sup_scopes: Vec<_> = r.scopes.iter().filter(|s| s.owner == super::carve::Owner::Supervisor).collect();
    for role in [Role::NamespaceNetwork] {
        for s in sup_scopes.iter().filter(|s| s.role == role) {
            scope_entries(s, &mut out);
        }
    }
    let service_value = match r.service_source {
        Source::Default => format!("{} (default)", r.service),
        _ => r.service.to_string(),
    };
    out.push(Entry { span: r.service.span(), role: Role::ServiceCidr, path: format!("{base}.service_cidr"), value: service_value, sup: index });
    for role in [Role::IngressCidr, Role::EgressCidr] {
        for s in sup_scopes.iter().filter(|s| s.role == role) {
            scope_entries(s, &mut out);
        }
    }
    if let Some(m) = r.management {
        out.push(Entry {
            span: m,
            role: Role::Management,
            path: format!("{base}.management_start"),
            value: format!("{} (management range {}-{})", addr(m.start), addr(m.start), addr(m.end.saturating_sub(1))),
            sup: index,
        });
    }
    for s in r.scopes.iter().filter(|s| s.owner != super::carve::Owner::Supervisor) {
        scope_entries(s, &mut out);
    }
    out
}

/// Every overlapping pair, each reported once at the entry that comes later in
/// document order, naming the earlier one. `across` limits the pairs to entries
/// of different Supervisors.
pub(crate) fn overlaps(entries: &[Entry], across: bool) -> Vec<FieldError> {
    overlapping(entries, across).into_iter().map(|(_, e)| e).collect()
}

/// Overlaps between entries of different Supervisors, each with the Supervisor
/// whose field it is reported at (the later one).
pub(crate) fn overlaps_by_supervisor(entries: &[Entry]) -> Vec<(usize, FieldError)> {
    overlapping(entries, true)
}

/// [`overlaps`], each error with the Supervisor of the entry it is reported at.
fn overlapping(entries: &[Entry], across: bool) -> Vec<(usize, FieldError)> {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by_key(|&i| entries.get(i).map(|e| (e.span.start, i)));
    let mut pairs = Vec::new();
    for (k, &i) in order.iter().enumerate() {
        let Some(a) = entries.get(i) else { continue };
        for &j in order.iter().skip(k + 1) {
            let Some(b) = entries.get(j) else { continue };
            if b.span.start >= a.span.end {
                break;
            }
            if across && a.sup == b.sup {
                continue;
            }
            pairs.push((i.min(j), i.max(j)));
        }
    }
    pairs.sort_unstable();
    pairs
        .into_iter()
        .filter_map(|(first, later)| {
            let (a, b) = (entries.get(first)?, entries.get(later)?);
            let e = FieldError::new(
                b.path.clone(),
                b.value.clone(),
                Problem::Overlap { other_path: a.path.clone(), other_value: a.value.clone() },
            );
            Some((b.sup, e))
        })
        .collect()
}

/// Warnings for networks that overlap the NSX and Avi ranges (any network) or the
/// TKG cluster defaults (namespace, Ingress and Egress networks), each naming both
/// ranges. A network inside 100.64.0.0/16 gets one warning naming it and the
/// 100.64.0.0/10 around it. The Supervisor's service CIDR inside the TKG default
/// service CIDR is a note ([`WarningKind::is_note`]): both are VMware defaults and
/// ship together.
pub(crate) fn reserved_warnings(entries: &[Entry]) -> Vec<Warning> {
    let mut out = Vec::new();
    for e in entries {
        let hits: Vec<usize> = (0..RESERVED.len()).filter(|&k| RESERVED[k].block.span().overlaps(e.span)).collect();
        for &k in &hits {
            let r = &RESERVED[k];
            let (kind, message) = match k {
                CGNAT if hits.contains(&T0_T1_TRANSIT) => continue,
                T0_T1_TRANSIT => (
                    WarningKind::ReservedOverlap,
                    format!(
                        "{} overlaps {}, {}, inside {}, {}: NSX routes these ranges internally; change the network or the NSX transit subnet",
                        e.value, r.block, r.what, RESERVED[CGNAT].block, RESERVED[CGNAT].what
                    ),
                ),
                _ if !r.tkg => (
                    WarningKind::ReservedOverlap,
                    format!(
                        "{} overlaps {}, {}: NSX routes that range internally; change the network or the NSX transit subnet",
                        e.value, r.block, r.what
                    ),
                ),
                _ => match e.role {
                    Role::IngressCidr | Role::EgressCidr | Role::NamespaceNetwork => (
                        WarningKind::ReservedOverlap,
                        format!(
                            "{} overlaps {}, {}: TKG clusters that keep their defaults cannot reach it; change the network or set the clusters' pod and service CIDRs",
                            e.value, r.block, r.what
                        ),
                    ),
                    Role::ServiceCidr if k == TKG_SERVICES => (
                        WarningKind::SharedTkgDefault,
                        format!(
                            "{}, the Supervisor's service CIDR, lies in {}, {}: both are VMware defaults and ship together, so this is information, not a problem",
                            e.value, r.block, r.what
                        ),
                    ),
                    Role::ServiceCidr => (
                        WarningKind::ReservedOverlap,
                        format!(
                            "{} overlaps {}, {}: sources do not settle whether TKG cluster defaults may overlap the Supervisor's internal service CIDR; keep them apart or set the clusters' CIDRs to be sure",
                            e.value, r.block, r.what
                        ),
                    ),
                    Role::Management => continue,
                },
            };
            out.push(Warning::new(e.path.clone(), kind, message));
        }
    }
    out
}
