//! Typed errors: which field, which value, what is wrong with it.
//!
//! A [`FieldError`] carries the JSON path of the field
//! (`supervisors[0].networks.ingress_cidr[1]`) so that the UI, the CLI and an import
//! show the same message at the same field. [`Problem`] says what is wrong in terms
//! a program can match on; its `Display` is the sentence a user reads.

use std::fmt;

use serde::Serialize;

/// One thing wrong with one field of a scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// JSON path of the field, e.g. `supervisors[0].namespaces[1].count`. Empty for
    /// the document as a whole.
    pub path: String,
    /// The offending value as the user gave it (empty where there is none).
    pub value: String,
    pub problem: Problem,
    /// How to fix it, in numbers, where the engine can compute that (a shortage of
    /// addresses: the block to append).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Box<str>>,
}

impl FieldError {
    pub fn new(path: impl Into<String>, value: impl Into<String>, problem: Problem) -> Self {
        FieldError { path: path.into(), value: value.into(), problem, fix: None }
    }

    /// The error with how to fix it.
    pub fn with_fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = Some(fix.into().into_boxed_str());
        self
    }
}

/// What is wrong with a field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    /// The document is not valid JSON, or a field has the wrong type.
    Json { message: String, line: usize, column: usize },
    UnsupportedVersion { supported: u32 },
    /// A count or size below its minimum.
    TooSmall { min: u64 },
    /// A count or size above what the calculator (or the product) accepts.
    TooLarge { max: u64 },
    /// The value must be one of a few.
    NotOneOf { allowed: String },
    /// A name is empty or repeats another's.
    BadName { reason: String },
    /// Two settings contradict each other; `other` names the other field.
    Conflict { other: String, reason: String },
    /// Not an IPv4 CIDR (`10.0.0.0/24`).
    NotCidr,
    /// Not an IPv4 address.
    NotAddress,
    /// An IPv6 network where the Supervisor needs IPv4.
    Ipv6,
    /// Host bits set: `10.0.0.1/24` where `10.0.0.0/24` was probably meant.
    HostBits { network: String },
    /// A network whose prefix is too long for its role (`/28` as ingress).
    PrefixTooLong { role: String, longest: u8 },
    /// Two networks overlap; `other` is the other field's path and value.
    Overlap { other_path: String, other_value: String },
    /// A given network or pool has too few addresses for the demand.
    TooFewAddresses { role: String, needed: u64, available: u64 },
    /// A required network is missing and there is no pool to carve it from.
    Missing { role: String, needed: String },
    /// The pool has enough free addresses in all, but no aligned block of the
    /// size a network needs is left (the free space is fragmented).
    NoAlignedRoom { role: String, prefix: u8, free: u64 },
    /// A network given without the ranges its demand needs (VDS): what they must hold.
    NoRanges { role: String, needed: String },
    /// Something a rule requires is not given (NSX VPC: a VPC with no private CIDR
    /// when Avi is the load balancer): what, and why.
    Required { what: String, reason: String },
    /// A range of `count` consecutive addresses starting here runs past 255.255.255.255.
    RangeOverflow { count: u32, last_start: String },
    /// A share link that cannot be read.
    BadLink { reason: String },
    /// More input than the calculator reads: refused before (or while) reading it,
    /// so that a huge paste, file or link costs milliseconds, not a full parse.
    InputTooLarge { limit: InputLimit, max: u64 },
}

/// Which input size limit an [`Problem::InputTooLarge`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InputLimit {
    /// Bytes of scenario JSON ([`crate::scenario::MAX_SCENARIO_BYTES`]).
    ScenarioBytes,
    /// Characters of a share link ([`crate::link::MAX_LINK_CHARS`]).
    LinkChars,
    /// Entries in one list of the scenario (the design limit of that list).
    ListEntries,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Json { message, line, column } if *line > 0 => {
                write!(f, "{message} (line {line}, column {column})")
            }
            Problem::Json { message, .. } => write!(f, "{message}"),
            Problem::UnsupportedVersion { supported } => {
                write!(f, "this build reads scenario version {supported}")
            }
            Problem::TooSmall { min } => write!(f, "must be at least {min}"),
            Problem::TooLarge { max } => write!(f, "must be at most {max}"),
            Problem::NotOneOf { allowed } => write!(f, "must be one of {allowed}"),
            Problem::BadName { reason } => write!(f, "{reason}"),
            Problem::Conflict { other, reason } => write!(f, "{reason} ({other})"),
            Problem::NotCidr => write!(f, "is not an IPv4 CIDR such as 10.0.0.0/24"),
            Problem::NotAddress => write!(f, "is not an IPv4 address such as 10.0.0.10"),
            Problem::Ipv6 => write!(f, "is IPv6; the Supervisor needs IPv4 here"),
            Problem::HostBits { network } => {
                write!(f, "has host bits set; did you mean {network}?")
            }
            Problem::PrefixTooLong { role, longest } => {
                write!(f, "is too small for the {role}: use a /{longest} or larger")
            }
            Problem::Overlap { other_path, other_value } => {
                write!(f, "overlaps {other_path} ({other_value})")
            }
            Problem::TooFewAddresses { role, needed, available } => write!(
                f,
                "has {available} addresses for the {role} but {needed} are needed ({} more)",
                needed.saturating_sub(*available)
            ),
            Problem::Missing { role, needed } => {
                write!(f, "no {role} given and no address pool to carve it from: {needed}")
            }
            Problem::NoAlignedRoom { role, prefix, free } => {
                write!(f, "has {free} free addresses but no aligned /{prefix} block left for the {role}")
            }
            Problem::NoRanges { role, needed } => write!(f, "no ranges given for the {role}: it needs {needed}"),
            Problem::Required { what, reason } => write!(f, "{what} is required: {reason}"),
            Problem::RangeOverflow { count, last_start } => write!(
                f,
                "leaves no room for {count} consecutive addresses: start at {last_start} or lower"
            ),
            Problem::BadLink { reason } => write!(f, "{reason}"),
            Problem::InputTooLarge { limit, max } => match limit {
                InputLimit::ScenarioBytes => write!(
                    f,
                    "the scenario is larger than the {max} bytes ({} MiB) the calculator reads",
                    max / (1024 * 1024)
                ),
                InputLimit::LinkChars => write!(
                    f,
                    "the share link is longer than the {max} characters the calculator reads; share the scenario as a JSON file instead"
                ),
                InputLimit::ListEntries => write!(f, "has more than {max} entries, the most this list may hold"),
            },
        }
    }
}

impl fmt::Display for FieldError {
    /// `supervisors[0].namespaces[1].count: must be at least 1, got 0`, then the
    /// fix after a semicolon when there is one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_problem(f)?;
        match &self.fix {
            Some(fix) => write!(f, "; {fix}"),
            None => Ok(()),
        }
    }
}

impl FieldError {
    fn fmt_problem(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show_value = !self.value.is_empty()
            && !matches!(self.problem, Problem::UnsupportedVersion { .. } | Problem::Json { .. });
        let lead = if self.path.is_empty() { String::new() } else { format!("{}: ", self.path) };
        match &self.problem {
            Problem::UnsupportedVersion { .. } => write!(f, "{lead}{}, got {}", self.problem, self.value),
            _ if show_value => match self.problem {
                // Sentences that start with the value read better with it quoted first.
                Problem::NotCidr
                | Problem::NotAddress
                | Problem::Ipv6
                | Problem::HostBits { .. }
                | Problem::PrefixTooLong { .. }
                | Problem::Overlap { .. }
                | Problem::TooFewAddresses { .. }
                | Problem::NoAlignedRoom { .. }
                | Problem::RangeOverflow { .. } => write!(f, "{lead}{} {}", self.value, self.problem),
                _ => write!(f, "{lead}{}, got {}", self.problem, self.value),
            },
            _ => write!(f, "{lead}{}", self.problem),
        }
    }
}

impl std::error::Error for FieldError {}

/// Joins errors one per line, as the CLI prints them.
pub fn render_all(errors: &[FieldError]) -> String {
    errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_field_and_value() {
        let cases = [
            (
                FieldError::new("supervisors[0].namespaces[1].count", "0", Problem::TooSmall { min: 1 }),
                "supervisors[0].namespaces[1].count: must be at least 1, got 0",
            ),
            (
                FieldError::new(
                    "supervisors[0].networks.ingress_cidr[0]",
                    "10.0.0.1/24",
                    Problem::HostBits { network: "10.0.0.0/24".into() },
                ),
                "supervisors[0].networks.ingress_cidr[0]: 10.0.0.1/24 has host bits set; did you mean 10.0.0.0/24?",
            ),
            (
                FieldError::new(
                    "supervisors[0].networks.address_pool",
                    "10.0.0.0/26",
                    Problem::TooFewAddresses { role: "carved networks".into(), needed: 96, available: 64 },
                ),
                "supervisors[0].networks.address_pool: 10.0.0.0/26 has 64 addresses for the carved networks but 96 are needed (32 more)",
            ),
        ];
        for (err, text) in cases {
            assert_eq!(err.to_string(), text);
        }
    }
}

/// Something the user should know that does not stop the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// JSON path of the field the warning is about (empty: the design as a whole).
    pub path: String,
    pub kind: WarningKind,
    /// The sentence a user reads, with the numbers in it.
    pub message: String,
}

impl Warning {
    pub fn new(path: impl Into<String>, kind: WarningKind, message: impl Into<String>) -> Self {
        Warning { path: path.into(), kind, message: message.into() }
    }
}

/// What a warning is about, for programs (the UI picks an icon, tests match on it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// The SE group needs more SEs than its `max_se`.
    MaxSeExceeded,
    /// Creation order costs SEs: the simulation needs more than a perfect placement.
    PlacementAboveLowerBound,
    /// Active/Active SEs and the NSX DFW exclusion list: the sources disagree (a note).
    DfwExclusion,
    /// A zone-aware setting is in force (SEs spread across zones).
    ZoneSpread,
    /// An SE group setting is unusual for its HA mode.
    UnusualSetting,
    /// A network overlaps a reserved NSX or TKG range.
    ReservedOverlap,
    /// A network is close to full or leaves little headroom.
    LowHeadroom,
    /// Routes: many /32 host routes without aggregation.
    HostRoutes,
    /// The Avi controller cluster is near or over its size's limits.
    ControllerSize,
    /// VDS, attached SEs: more workload networks behind the VSes than one SE reaches.
    AttachedNetworks,
    /// The vSphere Foundation Load Balancer: availability, zones, L4 only, capacity, upgrades.
    FoundationLb,
    /// A setting the sizing cannot take as given, computed with the nearest that can
    /// exist (more data interfaces than an SE VM has).
    InputAdjusted,
    /// A setting below a vendor recommendation (SE disk, Ingress/Egress block size).
    BelowRecommendation,
    /// A note, not a warning: the Supervisor's service CIDR lies in the TKG
    /// clusters' default service CIDR, as both VMware defaults do.
    SharedTkgDefault,
}

impl WarningKind {
    /// Information rather than something to act on: the plan lists it under `notes`
    /// (the TKG default service CIDR holding the Supervisor's; the DFW exclusion
    /// list for Active/Active, on which the sources disagree).
    pub fn is_note(self) -> bool {
        matches!(self, WarningKind::SharedTkgDefault | WarningKind::DfwExclusion)
    }
}
