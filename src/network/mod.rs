//! The network plan of a Supervisor (DOMAIN.md section 3).
//!
//! This module owns every rule that needs the whole network picture: the demand
//! of each network (VIPs, SNAT IPs, namespace and cluster subnets), where each
//! network comes from (given, the default, or carved from the address pool with
//! growth headroom), the allocation of every namespace's subnets, cluster
//! segments, SNAT IP and VIPs, the overlap checks (within a Supervisor, across
//! Supervisors, and against the NSX/TKG reserved ranges), and the northbound
//! routes per T0. Per-field syntax (CIDR parsing, host bits, IPv6, role prefix
//! sizes) is checked earlier by [`crate::design`].
//!
//! This file is the front door: the result types and [`plan_all`] /
//! [`plan_supervisor`]. The work is in `orchestrate` (the order: carve every
//! Supervisor in turn, overlaps across them, then per Supervisor check, allocate,
//! route, assemble), `carve` (demand per scope; given, default or carved), `advice`
//! (a shortage's fix in numbers: the block to add or append), `allocate`
//! (handing out addresses), `checks` (subnets that cannot fit, networks too small
//! for their demand or growth), `validate` (overlaps and reserved-range warnings),
//! `routes` (per T0), `assemble` (the [`NetPlan`]) and `addr` (address arithmetic,
//! usable counts, reserved ranges). Which networks a Supervisor and its namespace
//! groups have, and what each namespace takes from them, are its platform's rules
//! ([`NetRules`], implemented per platform under [`crate::platform`]).
//!
//! Address rules, used consistently:
//! - A namespace or TKG cluster subnet of prefix `p` gives `2^(32-p) - 3` usable
//!   addresses (network, gateway `.1` and broadcast are not handed out).
//! - An Ingress or Egress block hands out every address except its network and
//!   broadcast addresses as VIPs or SNAT IPs (a /27 gives 30; a /31 gives 2 and a
//!   /32 gives 1, though the roles' /27 minimum keeps those out of real plans).
//! - Growth headroom: a carved network holds `ceil(demand * (100 + growth) / 100)`;
//!   a given one that holds the demand but not that gets a `low_headroom` warning.
//! - Allocation is deterministic: the Supervisor first, then namespaces in
//!   scenario order (`{group}-001`, `{group}-002`, ...), clusters `{namespace}-tkc-1`...;
//!   VIPs and SNAT IPs consecutively; subnets first-fit in block order, larger
//!   subnet prefixes first when groups mix prefixes (so no alignment gaps).

#![warn(missing_docs)]

mod addr;
mod advice;
mod allocate;
mod assemble;
mod carve;
mod checks;
mod orchestrate;
mod routes;
mod rules;
mod validate;

#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::design::{Design, SupervisorDesign};
use crate::error::{FieldError, Problem, Warning};
use crate::rules::RuleId;

pub use routes::{Advertised, T0Routes, HOST_ROUTE_WARNING};
pub use rules::{NamespaceNeeds, NetRules};

pub(crate) use addr::{size_of_prefix, subnets_for};

/// Most subnets one Supervisor's plan lists; beyond it the plan is refused at
/// `supervisors[i].namespaces` (the design limits allow absurd products such as
/// 10,000 namespaces of 100,000 vSphere pods in /29 subnets).
pub const MAX_SUBNETS: u64 = 2_000_000;

/// The role of a network. Serialized as the scenario's field name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// VIPs.
    IngressCidr,
    /// SNAT IPs (NAT only).
    EgressCidr,
    /// Namespace, TKG cluster and Supervisor workload subnets.
    NamespaceNetwork,
    /// The Supervisor-internal service CIDR.
    ServiceCidr,
    /// The 5 management addresses starting at `management_start`.
    Management,
}

impl Role {
    /// The role in a sentence: "Ingress CIDR", "namespace network"...
    pub fn label(self) -> &'static str {
        match self {
            Role::IngressCidr => "Ingress CIDR",
            Role::EgressCidr => "Egress CIDR",
            Role::NamespaceNetwork => "namespace network",
            Role::ServiceCidr => "service CIDR",
            Role::Management => "management range",
        }
    }

    /// The scenario field: `ingress_cidr`, `namespace_network`...
    pub fn field(self) -> &'static str {
        match self {
            Role::IngressCidr => "ingress_cidr",
            Role::EgressCidr => "egress_cidr",
            Role::NamespaceNetwork => "namespace_network",
            Role::ServiceCidr => "service_cidr",
            Role::Management => "management_start",
        }
    }

    /// A short key for CSS classes and data attributes: `ingress`, `egress`,
    /// `namespace`, `service`, `management`.
    pub fn short(self) -> &'static str {
        match self {
            Role::IngressCidr => "ingress",
            Role::EgressCidr => "egress",
            Role::NamespaceNetwork => "namespace",
            Role::ServiceCidr => "service",
            Role::Management => "management",
        }
    }

    /// What the demand of this role counts.
    pub fn unit(self) -> &'static str {
        match self {
            Role::IngressCidr => "VIPs",
            Role::EgressCidr => "SNAT IPs",
            _ => "addresses",
        }
    }
}

/// Where a network came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// As the user gave it.
    Given,
    /// Carved from the address pool.
    Carved,
    /// The DOMAIN.md default (namespace network 10.244.0.0/20, service CIDR 10.96.0.0/23).
    Default,
    /// Not needed (an Egress CIDR without NAT), or not planned.
    None,
}

impl Source {
    /// As serialized: `given`, `carved`, `default`, `none`.
    pub fn key(self) -> &'static str {
        match self {
            Source::Given => "given",
            Source::Carved => "carved",
            Source::Default => "default",
            Source::None => "none",
        }
    }
}

/// The network plan of one Supervisor. Flattened into the Supervisor's result
/// beside `name`, the SE plan and `warnings`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NetPlan {
    /// The Supervisor's own networks, given or carved or default.
    pub networks: Networks,
    /// The 5 management addresses, when `management_start` is given.
    pub management: Option<Management>,
    /// The Supervisor's own allocation: its workload segment, VIPs and SNAT IP.
    pub control_plane: ControlPlane,
    /// One entry per namespace, in scenario order.
    pub namespaces: Vec<NamespaceNet>,
    /// One entry per namespace group: what a namespace takes and how many more fit.
    pub groups: Vec<GroupNet>,
    /// Demand and capacity of every network scope (the Supervisor's, and each
    /// group's custom networks).
    pub usage: Vec<Usage>,
    /// Blocks carved from the address pool, largest first: the address map.
    pub carved: Vec<CarvedBlock>,
    /// How the address pool is used.
    pub pools: Vec<PoolUsage>,
    /// Northbound routes per T0.
    pub routes: Vec<T0Routes>,
}

/// The Supervisor-level networks as lists of CIDR strings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Networks {
    /// The Supervisor's Ingress CIDRs (VIPs of the Supervisor and of every group without its own).
    pub ingress_cidr: Vec<String>,
    /// Empty when nothing is NAT'd through the Supervisor's Egress CIDR.
    pub egress_cidr: Vec<String>,
    /// The Supervisor's namespace network blocks.
    pub namespace_network: Vec<String>,
    /// The Supervisor-internal service CIDR (never carved; may repeat across Supervisors).
    pub service_cidr: Vec<String>,
    /// The subnet prefix of the Supervisor's namespaces (groups may override).
    pub namespace_subnet_prefix: u8,
    /// Headroom carved networks get on top of today's demand, in percent.
    pub growth_percent: u32,
    /// Where each list came from.
    pub source: Sources,
}

/// Where each Supervisor network came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sources {
    /// Where `networks.ingress_cidr` came from.
    pub ingress_cidr: Source,
    /// Where `networks.egress_cidr` came from (`none` without NAT).
    pub egress_cidr: Source,
    /// Where `networks.namespace_network` came from.
    pub namespace_network: Source,
    /// Where `networks.service_cidr` came from (never carved).
    pub service_cidr: Source,
}

/// The 5 consecutive management addresses (3 control-plane VMs, 1 floating, 1 for upgrades).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Management {
    /// The first management address (`management_start`).
    pub first: String,
    /// The last of the 5.
    pub last: String,
    /// Always 5 (fewer only at the very end of the address space).
    pub addresses: u64,
}

/// The Supervisor's own addresses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ControlPlane {
    /// The Supervisor workload segment (its control-plane VMs), one namespace-prefix subnet.
    pub segments: Vec<String>,
    /// `[first, last]` of the Supervisor's VIPs, empty when none.
    pub vips: Vec<String>,
    /// The Supervisor's VIPs (`supervisor_virtual_services`).
    pub vip_count: u64,
    /// The Supervisor's SNAT IP; null without NAT.
    pub snat_ip: Option<String>,
    /// One namespace per Supervisor Service (left out when there are none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<ServiceNet>,
}

/// A Supervisor Service's namespace: one subnet for its pods, a SNAT IP with NAT.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServiceNet {
    /// `supervisor-service-1`, `supervisor-service-2`...
    pub name: String,
    /// Its namespace segment's subnet.
    pub subnets: Vec<String>,
    /// Its SNAT IP; null without NAT.
    pub snat_ip: Option<String>,
}

/// One vSphere namespace's addresses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NamespaceNet {
    /// `{group}-001`, `{group}-002`...
    pub name: String,
    /// The namespace group it belongs to.
    pub group: String,
    /// The T0 its T1 uplinks to (see [`T0Routes::t0`]).
    pub t0: String,
    /// Whether the namespace is NAT'd (then it has a SNAT IP and its segments are not advertised).
    pub nat: bool,
    /// The namespace segment's subnets (vSphere pods).
    pub subnets: Vec<String>,
    /// One entry per TKG cluster, in order.
    pub clusters: Vec<ClusterNet>,
    /// The namespace's SNAT IP; null without NAT.
    pub snat_ip: Option<String>,
    /// `[first, last]` VIP, empty when the namespace has no virtual service.
    pub vips: Vec<String>,
    /// VIPs, one per virtual service.
    pub vip_count: u64,
    /// Only when the VIPs cross from one Ingress block to the next: each
    /// consecutive run (the addresses between runs belong to no one here).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub vip_ranges: Vec<VipRange>,
}

/// One TKG cluster's node segment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClusterNet {
    /// `{namespace}-tkc-1`...
    pub name: String,
    /// The cluster segment's subnets (control plane + workers + 1 surge node).
    pub segments: Vec<String>,
}

/// Consecutive VIPs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VipRange {
    /// First VIP of the run.
    pub first: String,
    /// Last VIP of the run.
    pub last: String,
    /// VIPs in the run.
    pub count: u64,
}

/// A namespace group's network view.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupNet {
    /// The group's name.
    pub name: String,
    /// JSON path of the group, e.g. `supervisors[0].namespaces[1]`.
    pub path: String,
    /// Namespaces in the group today.
    pub count: u32,
    /// NAT for the group's namespaces (its own setting or the Supervisor's).
    pub nat: bool,
    /// The T0 the group's namespace T1s uplink to (see [`T0Routes::t0`]).
    pub t0: String,
    /// The subnet prefix the group's segments use.
    pub namespace_subnet_prefix: u8,
    /// What one namespace of the group takes.
    pub per_namespace: PerNamespace,
    /// How many more namespaces of this group the networks it draws from (given
    /// or carved; not the rest of the pool) still hold, if only this group grew.
    pub fits_more: u64,
    /// The network that runs out first.
    pub limited_by: Role,
    /// The group's own Ingress CIDRs, given or carved for it (empty: it inherits
    /// the Supervisor's). Groups on a dedicated T0 or VRF always have their own.
    pub ingress_cidr: Vec<String>,
    /// The group's own Egress CIDRs (empty: it inherits the Supervisor's, or has no NAT).
    pub egress_cidr: Vec<String>,
    /// The group's own namespace network blocks (empty: it inherits the Supervisor's).
    pub namespace_network: Vec<String>,
}

/// One namespace's demand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PerNamespace {
    /// Subnets of the namespace segment.
    pub namespace_subnets: u64,
    /// Subnets of each TKG cluster segment.
    pub subnets_per_cluster: u64,
    /// TKG clusters per namespace.
    pub clusters: u64,
    /// All subnets, and the addresses they span.
    pub subnets: u64,
    /// The addresses those subnets span.
    pub addresses: u64,
    /// VIPs: one per virtual service on the namespace's T1.
    pub vips: u64,
    /// SNAT IPs: 1 with NAT, 0 without.
    pub snat_ips: u64,
}

/// Demand and capacity of one network scope.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Usage {
    /// Which network.
    pub role: Role,
    /// `supervisor` for the Supervisor's network (shared by every group without
    /// its own), or the name of the group that brought it.
    pub scope: String,
    /// JSON path of the field.
    pub path: String,
    /// Given, carved or default.
    pub source: Source,
    /// Its blocks.
    pub cidrs: Vec<String>,
    /// `VIPs`, `SNAT IPs` or `addresses` (subnet addresses for namespace networks).
    pub unit: String,
    /// Today's demand.
    pub demand: u64,
    /// Demand plus growth headroom.
    pub with_growth: u64,
    /// What the blocks hold (usable VIPs/SNAT IPs; addresses for namespace networks).
    pub capacity: u64,
    /// What the allocation handed out.
    pub used: u64,
    /// `capacity - used`.
    pub free: u64,
}

/// A block carved from the address pool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CarvedBlock {
    /// Which network the block is.
    pub role: Role,
    /// `supervisor`, or the group it was carved for.
    pub scope: String,
    /// The carved block.
    pub cidr: String,
    /// The pool block it came from.
    pub pool: String,
    /// Today's demand the block serves (VIPs, SNAT IPs or addresses).
    pub demand: u64,
    /// Demand plus growth headroom: the block holds at least this.
    pub with_growth: u64,
}

/// One address pool block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PoolUsage {
    /// The pool block as given.
    pub cidr: String,
    /// Addresses in it.
    pub addresses: u64,
    /// Addresses inside it already taken by given or default networks.
    pub given: u64,
    /// Addresses inside it carved for this Supervisor.
    pub carved: u64,
    /// Addresses neither given nor carved.
    pub free: u64,
}

/// Plans the networks of Supervisor `index` by the rules of its platform
/// (`crate::platform::of(sup).net`): resolves, carves, validates and allocates.
/// Errors name the field path (`supervisors[{index}]...`) and value.
pub fn plan_supervisor(sup: &SupervisorDesign, rules: &dyn NetRules, index: usize) -> Result<(NetPlan, Vec<Warning>), Vec<FieldError>> {
    orchestrate::plan_resolved(sup, rules, index, orchestrate::resolve(sup, rules, index, &[]))
}

/// What [`plan_all`] returns: per Supervisor its network plan with its warnings,
/// or every error that stops it (its own, and the overlaps of its routed networks
/// with another Supervisor's, reported at the later Supervisor).
pub type AllPlans = Vec<Result<(NetPlan, Vec<Warning>), Vec<FieldError>>>;

/// Namespace and cluster subnets a Supervisor's plan lists, its own workload
/// segment included: what [`MAX_SUBNETS`] limits, per Supervisor here and for the
/// scenario in all in [`crate::plan::plan_scenario`].
pub fn subnets_needed(sup: &SupervisorDesign, rules: &dyn NetRules) -> u64 {
    let needs: Vec<NamespaceNeeds> = sup.groups.iter().map(|g| rules.namespace_needs(g)).collect();
    checks::subnet_count(sup, &needs)
}

/// Plans the networks of every Supervisor of a design. Supervisors are carved in
/// order, each around the networks the others were given and the blocks the earlier
/// ones carved, so several Supervisors can share one address pool. `rules` gives
/// each Supervisor's platform rules.
pub fn plan_all<'r>(design: &Design, rules: impl Fn(&SupervisorDesign) -> Option<&'r dyn NetRules>) -> AllPlans {
    let (plans, across) = orchestrate::plan_all(design, rules);
    plans
        .into_iter()
        .zip(across)
        .map(|(own, mut across)| match own {
            Ok(_) if across.is_empty() => own,
            Ok(_) => Err(across),
            Err(errors) => {
                across.extend(errors);
                Err(across)
            }
        })
        .collect()
}

/// Overlaps between the routed networks of different Supervisors (see [`plan_all`],
/// which also carves them in sequence).
pub fn check_across_supervisors<'r>(design: &Design, rules: impl Fn(&SupervisorDesign) -> &'r dyn NetRules) -> Vec<FieldError> {
    orchestrate::plan_all(design, |sup| Some(rules(sup))).1.into_iter().flatten().collect()
}

/// Whether a Supervisor's networks were planned. The SE sizing never depends on
/// them: a Supervisor whose networks are not planned still has its SE result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NetStatus {
    /// Every network given, carved or defaulted, checked and allocated.
    Planned,
    /// A network is missing (not given, and no address pool to carve it from; on
    /// VDS, given without ranges): the errors say what size each needs. Nothing
    /// given is wrong.
    NotPlanned,
    /// A network is wrong: overlaps, too small for its demand, a pool too small.
    Error,
}

/// The state of a Supervisor's network plan: planned, or why not, each reason a
/// [`FieldError`] at its field (a missing network is [`Problem::Missing`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NetState {
    /// Planned, not planned (networks missing), or in error.
    pub status: NetStatus,
    /// Empty when planned.
    pub errors: Vec<FieldError>,
}

impl NetState {
    /// The state of a plan that was made.
    pub fn planned() -> NetState {
        NetState { status: NetStatus::Planned, errors: Vec::new() }
    }

    /// The state of a plan these errors stopped: not planned when every one is a
    /// missing network, in error otherwise.
    ///
    /// ```
    /// use avi_sizer::error::{FieldError, Problem};
    /// use avi_sizer::network::{NetState, NetStatus};
    /// let missing = FieldError::new("supervisors[0].networks.ingress_cidr", "", Problem::Missing {
    ///     role: "Ingress CIDR".into(), needed: "a /27 or larger for 16 VIPs + 50% growth".into() });
    /// assert_eq!(NetState::of(vec![missing.clone()]).status, NetStatus::NotPlanned);
    /// let small = FieldError::new("supervisors[0].networks.address_pool", "10.0.0.0/26",
    ///     Problem::TooFewAddresses { role: "networks to carve".into(), needed: 96, available: 64 });
    /// assert_eq!(NetState::of(vec![missing, small]).status, NetStatus::Error);
    /// ```
    pub fn of(errors: Vec<FieldError>) -> NetState {
        let status = if errors.iter().all(|e| matches!(e.problem, Problem::Missing { .. } | Problem::NoRanges { .. })) {
            NetStatus::NotPlanned
        } else {
            NetStatus::Error
        };
        NetState { status, errors }
    }

    /// Whether some network is wrong (not merely missing).
    pub fn is_error(&self) -> bool {
        self.status == NetStatus::Error
    }
}

impl NetPlan {
    /// The catalogue rules ([`crate::rules::catalogue`]) this network plan used.
    pub fn rules_applied(&self, sup: &SupervisorDesign, state: &NetState) -> Vec<RuleId> {
        if state.status != NetStatus::Planned {
            let mut ids = Vec::new();
            if state.errors.iter().any(|e| matches!(e.problem, Problem::Missing { .. })) {
                ids.push(RuleId::NetCarving);
            }
            if state.errors.iter().any(|e| e.fix.is_some()) {
                ids.push(RuleId::NetAppendOnly);
            }
            return ids;
        }
        let mut ids = vec![
            RuleId::NetSubnets,
            RuleId::NetVipsSnat,
            RuleId::NetIngressEgressSize,
            RuleId::NetAppendOnly,
            RuleId::NetReserved,
            RuleId::NetRoutes,
        ];
        let s = &self.networks.source;
        if [s.ingress_cidr, s.egress_cidr, s.namespace_network, s.service_cidr].contains(&Source::Default) {
            ids.push(RuleId::NetDefaults);
        }
        if !self.carved.is_empty() {
            ids.push(RuleId::NetCarving);
        }
        if self.management.is_some() {
            ids.push(RuleId::NetManagement);
        }
        if sup.supervisor_services > 0 {
            ids.push(RuleId::NetSupervisorServices);
        }
        ids
    }

    /// The network plan of a Supervisor whose networks were not planned: every list
    /// empty, every source `none`; the prefix and growth are the Supervisor's.
    pub fn not_planned(sup: &SupervisorDesign) -> NetPlan {
        NetPlan {
            networks: Networks {
                ingress_cidr: Vec::new(),
                egress_cidr: Vec::new(),
                namespace_network: Vec::new(),
                service_cidr: Vec::new(),
                namespace_subnet_prefix: sup.networks.namespace_subnet_prefix,
                growth_percent: sup.networks.growth_percent,
                source: Sources {
                    ingress_cidr: Source::None,
                    egress_cidr: Source::None,
                    namespace_network: Source::None,
                    service_cidr: Source::None,
                },
            },
            management: None,
            control_plane: ControlPlane { segments: Vec::new(), vips: Vec::new(), vip_count: 0, snat_ip: None, services: Vec::new() },
            namespaces: Vec::new(),
            groups: Vec::new(),
            usage: Vec::new(),
            carved: Vec::new(),
            pools: Vec::new(),
            routes: Vec::new(),
        }
    }
}
