//! What a platform gives the network plan ([`NetRules`]): which networks a
//! Supervisor and each namespace group draw from, what each namespace takes from
//! them, and the names the plan gives namespaces. Each platform implements it in
//! its own file under [`crate::platform`].

use crate::design::{GroupDesign, SupervisorDesign};

use super::Role;

/// The network rules of a platform. `role` is always one of the networks the plan
/// carves and allocates: [`Role::IngressCidr`], [`Role::EgressCidr`] or
/// [`Role::NamespaceNetwork`].
pub trait NetRules: Sync {
    /// What one namespace of `g` takes.
    fn namespace_needs(&self, g: &GroupDesign) -> NamespaceNeeds;

    /// What the Supervisor itself takes from its own network of `role`.
    fn supervisor_demand(&self, sup: &SupervisorDesign, role: Role) -> u64;

    /// Whether the Supervisor has a network of `role` at all.
    fn supervisor_has(&self, sup: &SupervisorDesign, role: Role) -> bool;

    /// The network (a CIDR) the Supervisor's `role` takes when it is neither given
    /// nor carvable (no address pool); `None`: it is then missing, an error.
    fn supervisor_default(&self, role: Role) -> Option<&'static str>;

    /// Whether group `g` draws `role` from networks of its own (given, or carved
    /// for it) rather than the Supervisor's.
    fn draws_own(&self, sup: &SupervisorDesign, g: &GroupDesign, role: Role) -> bool;

    /// Why group `g` needs a network of its own for `role`, appended to the error
    /// that says it is missing.
    fn why_own(&self, g: &GroupDesign, role: Role) -> Option<&'static str>;

    /// The name of a group's `number`-th namespace (from 1).
    fn namespace_name(&self, group: &str, number: u32) -> String;
}

/// What one namespace of a group takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NamespaceNeeds {
    /// The prefix of its subnets.
    pub prefix: u8,
    /// Subnets of the namespace segment (vSphere pods).
    pub ns_subnets: u64,
    /// Subnets of each TKG cluster segment (nodes plus one surge node).
    pub cluster_subnets: u64,
    /// All subnets of one namespace.
    pub subnets: u64,
    /// Their addresses.
    pub addresses: u64,
    /// VIPs.
    pub vips: u64,
    /// SNAT IPs.
    pub snat: u64,
}

impl NamespaceNeeds {
    /// What it takes from the network of `role`: VIPs, SNAT IPs, or subnet addresses.
    pub fn takes(&self, role: Role) -> u64 {
        match role {
            Role::IngressCidr => self.vips,
            Role::EgressCidr => self.snat,
            _ => self.addresses,
        }
    }
}
