//! The checks of a VPC Supervisor's networks once their demand is known: a VPC
//! with no private CIDR, private CIDRs or external blocks too small (errors) or
//! without their growth (warnings), no external block (not planned, with the size
//! it needs), and overlaps between the private CIDRs, the connectivity profile's
//! blocks, the service CIDR and the management range.

use crate::design::{Cidr, SupervisorDesign, VpcDesign};
use crate::error::{FieldError, Problem, Warning, WarningKind};

use super::result::{ExternalDemand, VpcKind, VpcRow};

/// What an address block is, for the overlap rule: private CIDRs are private to
/// their VPC, so two of different VPCs may overlap; nothing else may.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Other,
    /// The private CIDRs of one owner (the Supervisor's, a pre-created VPC's, a group's).
    Private(usize),
}

struct Entry {
    start: u64,
    end: u64,
    path: String,
    value: String,
    class: Class,
}

fn span(c: &Cidr) -> (u64, u64) {
    let start = u64::from(u32::from(c.net.network()));
    (start, start + (1u64 << (32 - u32::from(c.net.prefix_len()))))
}

fn entry(c: &Cidr, class: Class) -> Entry {
    let (start, end) = span(c);
    Entry { start, end, path: c.path.clone(), value: c.net.to_string(), class }
}

/// Every block in document order: the management range, the service CIDR, the
/// external and private transit gateway blocks, then the private CIDRs.
fn entries(sup: &SupervisorDesign, vpc: &VpcDesign, base: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    if let Some((start, end, path, value)) = crate::platform::vds::management_span(sup, base) {
        out.push(Entry { start, end, path, value, class: Class::Other });
    }
    let (net, given) = crate::platform::vds::service_cidr_of(sup);
    let mut service = entry(&Cidr { net, path: format!("{base}.networks.service_cidr") }, Class::Other);
    if !given {
        service.value = format!("{net} (default)");
    }
    out.push(service);
    out.extend(vpc.external_blocks.iter().chain(&vpc.private_tgw_blocks).map(|c| entry(c, Class::Other)));
    out.extend(vpc.private_cidrs.iter().map(|c| entry(c, Class::Private(0))));
    for (k, v) in vpc.vpcs.iter().enumerate() {
        out.extend(v.private_cidrs.iter().map(|c| entry(c, Class::Private(k + 1))));
    }
    let groups = vpc.vpcs.len() + 1;
    for (j, own) in vpc.group_private_cidrs.iter().enumerate() {
        out.extend(own.iter().map(|c| entry(c, Class::Private(groups + j))));
    }
    out
}

/// Overlaps that count, each at the later block.
fn overlaps(entries: &[Entry]) -> Vec<FieldError> {
    let mut out = Vec::new();
    for (j, b) in entries.iter().enumerate() {
        let Some(a) = entries.get(..j).into_iter().flatten().find(|a| {
            let clash = a.start < b.end && b.start < a.end;
            let separate_vpcs = matches!((a.class, b.class), (Class::Private(x), Class::Private(y)) if x != y);
            clash && !separate_vpcs
        }) else {
            continue;
        };
        out.push(FieldError::new(b.path.clone(), b.value.clone(), Problem::Overlap { other_path: a.path.clone(), other_value: a.value.clone() }));
    }
    out
}

fn headroom(warnings: &mut Vec<Warning>, path: &str, what: &str, capacity: u64, today: u64, with_growth: u64, growth: u32) {
    if capacity >= today && capacity < with_growth {
        warnings.push(Warning::new(
            path,
            WarningKind::LowHeadroom,
            format!(
                "{what} hold {capacity} addresses and need {today} today; {growth}% growth needs {with_growth} ({} more). They can only be appended to.",
                with_growth - capacity
            ),
        ));
    }
}

/// The errors that keep the networks from being planned, and the warnings.
pub(super) fn check(sup: &SupervisorDesign, vpc: &VpcDesign, base: &str, rows: &[&VpcRow], external: &ExternalDemand) -> (Vec<FieldError>, Vec<Warning>) {
    let growth = sup.networks.growth_percent;
    let (mut errors, mut warnings) = (Vec::new(), Vec::new());
    let mut missing: Vec<(String, Vec<String>)> = Vec::new();
    for r in rows {
        let each = if r.count > 1 { " each" } else { "" };
        match r.capacity {
            None => {
                // One error per field: every VPC that would inherit from it is named in it.
                let named = format!("{} ({}, {} addresses{each})", r.name, r.kind.label(), r.addresses);
                match missing.iter_mut().find(|(path, _)| *path == r.path) {
                    Some((_, names)) => names.push(named),
                    None => missing.push((r.path.clone(), vec![named])),
                }
            }
            Some(capacity) => {
                if r.kind == VpcKind::Auto && r.private_source == "supervisor" && !vpc.inherited_private_cidrs_suffice {
                    let group = sup.groups.iter().find(|g| r.groups.first() == Some(&g.name));
                    errors.push(FieldError::new(
                        group.map_or_else(|| r.path.clone(), |g| format!("{}.private_cidrs", g.path)),
                        "",
                        Problem::Required {
                            what: "private CIDRs of its own".into(),
                            reason: format!(
                                "with Avi the vSphere API says VpcConfig.private_cidrs must be set, and the Supervisor's inherited ones \
                                 are not taken as enough (vpc.inherited_private_cidrs_suffice is false): give {}'s VPCs their own",
                                r.name
                            ),
                        },
                    ));
                }
                let value = r.private_cidrs.join(", ");
                if capacity < r.addresses {
                    errors.push(FieldError::new(
                        r.path.clone(),
                        value,
                        Problem::TooFewAddresses { role: format!("private subnets of {}{each}", r.name), needed: r.addresses, available: capacity },
                    ));
                } else {
                    headroom(&mut warnings, &r.path, &format!("The private CIDRs of {}{each}", r.name), capacity, r.addresses, r.with_growth, growth);
                }
            }
        }
    }
    for (path, names) in missing {
        let verb = if names.len() == 1 { "has" } else { "have" };
        errors.push(FieldError::new(
            path,
            "",
            Problem::Required {
                what: "a private CIDR".into(),
                reason: format!(
                    "{} {verb} none: with Avi the vSphere API says private CIDRs must be set (VpcConfig.private_cidrs)",
                    names.join(", ")
                ),
            },
        ));
    }
    let ext_path = format!("{base}.vpc.external_blocks");
    match external.capacity {
        None => errors.push(FieldError::new(
            ext_path,
            "",
            Problem::Missing {
                role: "external IP block".into(),
                needed: format!(
                    "{} addresses ({} VIPs, {} SNAT IPs), {} with {growth}% growth: a /{} or larger",
                    external.addresses, external.vips, external.snat, external.with_growth, external.prefix_with_growth
                ),
            },
        )),
        Some(capacity) if capacity < external.addresses => errors.push(FieldError::new(
            ext_path,
            external.blocks.join(", "),
            Problem::TooFewAddresses { role: "external IP blocks (VIPs and SNAT IPs)".into(), needed: external.addresses, available: capacity },
        )),
        Some(capacity) => headroom(&mut warnings, &ext_path, "The external IP blocks", capacity, external.addresses, external.with_growth, growth),
    }
    errors.extend(overlaps(&entries(sup, vpc, base)));
    (errors, warnings)
}
