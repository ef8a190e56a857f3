//! The scenario: everything a user can say about a design, as one serde type.
//!
//! The same [`Scenario`] is what the UI edits, what a share link and a JSON export
//! carry, and what the `sizer` CLI reads. It holds user input as given: counts as
//! numbers, CIDRs as the strings typed, and every optional setting as `Option` so
//! that "not given" (take the default) stays distinct from "given as the default"
//! and exports stay small. Validation into typed values is [`crate::design`]'s job.
//!
//! Versioning: `version` is 1. A document without it is read as version 1; a newer
//! version is refused with a message rather than half-read.

use std::fmt;

use serde::de::{self, IgnoredAny, SeqAccess};
use serde::{Deserialize, Deserializer, Serialize};

use crate::design::limits;
use crate::error::{FieldError, InputLimit, Problem};

mod nsx_lb;
mod platform;
mod vpc;
pub use nsx_lb::*;
pub use platform::*;
pub use vpc::*;

/// The scenario format version this build reads and writes.
pub const SCENARIO_VERSION: u32 = 1;

/// The most bytes of scenario JSON the calculator reads; longer text is refused
/// before it is parsed ([`check_size`]), so a huge paste or file costs nothing.
///
/// Chosen from the largest scenario the design limits allow, as the export
/// ([`Scenario::to_json`]) writes it with every field at its widest: 64
/// Supervisors, the 10,000 namespace groups the scenario's namespace total
/// allows (each holds at least one), names of 63 four-byte characters, the
/// scenario's 256 CIDRs each in a list of its own. A group then takes about 735
/// bytes (814 with its one-CIDR list), a Supervisor's own fields about 1,060, the
/// rest about 1,280: about 7.4 MB in all (the test
/// `the_largest_legitimate_scenario_fits_the_byte_cap` builds it: 7,409,473 bytes
/// with the rules-2 inputs: Supervisor Services, VM Service VMs, node pools and the
/// per-SE capacity caps). 8 MiB leaves an eighth more for hand-written files (wider
/// indentation, `\u` escapes) and is far below a 50 MB file picked by mistake.
pub const MAX_SCENARIO_BYTES: usize = 8 * 1024 * 1024;

/// Refuses scenario text longer than [`MAX_SCENARIO_BYTES`] before any parsing:
/// what [`Scenario::from_json`] checks first, and what a reader that only knows
/// the length (a paste, a file's size) can ask without holding the text.
///
/// ```
/// use avi_sizer::error::{InputLimit, Problem};
/// use avi_sizer::scenario::{check_size, MAX_SCENARIO_BYTES};
/// assert!(check_size(1_000).is_ok());
/// let e = check_size(50_000_000).unwrap_err();
/// assert_eq!(e.problem, Problem::InputTooLarge { limit: InputLimit::ScenarioBytes, max: MAX_SCENARIO_BYTES as u64 });
/// assert_eq!(e.value, "50000000 bytes");
/// ```
pub fn check_size(bytes: usize) -> Result<(), FieldError> {
    if bytes > MAX_SCENARIO_BYTES {
        return Err(too_many_bytes(format!("{bytes} bytes")));
    }
    Ok(())
}

/// The error for scenario text over [`MAX_SCENARIO_BYTES`]; `got` says how much
/// there was (`"52428800 bytes"`, or `"more than 8388608 bytes"` from a reader
/// that stopped at the cap).
pub fn too_many_bytes(got: impl Into<String>) -> FieldError {
    FieldError::new(
        "",
        got,
        Problem::InputTooLarge { limit: InputLimit::ScenarioBytes, max: MAX_SCENARIO_BYTES as u64 },
    )
}

/// Reads a list that may hold at most `max` entries, refusing it at entry
/// `max + 1`: a million namespace groups cost one group's parse, not a million.
/// The error is a serde message [`Scenario::from_json`] turns back into
/// [`Problem::InputTooLarge`] at the list's path.
fn bounded<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D, max: u64) -> Result<Vec<T>, D::Error> {
    struct Bounded<T> {
        max: u64,
        entries: std::marker::PhantomData<T>,
    }
    impl<'de, T: Deserialize<'de>> de::Visitor<'de> for Bounded<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(f, "a list of at most {} entries", self.max)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut out = Vec::new();
            while (out.len() as u64) < self.max {
                match seq.next_element()? {
                    Some(x) => out.push(x),
                    None => return Ok(out),
                }
            }
            match seq.next_element::<IgnoredAny>()? {
                Some(_) => Err(de::Error::custom(format_args!("{TOO_MANY_ENTRIES}{}", self.max))),
                None => Ok(out),
            }
        }
    }
    d.deserialize_seq(Bounded { max, entries: std::marker::PhantomData })
}

/// How [`bounded`]'s refusal reads inside a serde error, followed by the limit.
const TOO_MANY_ENTRIES: &str = "list longer than its limit of ";

fn supervisor_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Supervisor>, D::Error> {
    bounded(d, limits::SUPERVISORS)
}
fn group_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NamespaceGroup>, D::Error> {
    bounded(d, limits::GROUPS_PER_SUPERVISOR)
}
fn cidr_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    bounded(d, limits::CIDRS_PER_LIST)
}

fn version_one() -> u32 {
    SCENARIO_VERSION
}
fn one() -> u32 {
    1
}
fn three() -> u32 {
    3
}
fn yes() -> bool {
    true
}
fn is_true(b: &bool) -> bool {
    *b
}
fn is_false(b: &bool) -> bool {
    !*b
}
fn is_one(n: &u32) -> bool {
    *n == 1
}
fn is_zero(n: &u32) -> bool {
    *n == 0
}
fn is_three(n: &u32) -> bool {
    *n == 3
}

/// A whole design: one or more Supervisors and how their Avi SE groups are set up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    #[serde(default = "version_one")]
    pub version: u32,
    /// The rules version the scenario was made under (absent: rules 1, before the
    /// fidelity review). A plan is computed with the current rules and says where
    /// that moved this scenario's numbers ([`crate::rules`]). New scenarios carry
    /// the current version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules_version: Option<u32>,
    /// How the Supervisors share NSX and Avi (seeds part 8-10).
    #[serde(default, skip_serializing_if = "Topology::is_single")]
    pub topology: Topology,
    /// SE group settings every Supervisor starts from (each can override).
    #[serde(default, skip_serializing_if = "SeGroupSpec::is_empty")]
    pub se_group: SeGroupSpec,
    /// The optional second SE group for the Avi DNS service (GSLB/AMKO), one per
    /// Avi controller cluster.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dns_se_group: Option<DnsSeGroup>,
    /// Per-vCPU performance figures used for the capacity estimate.
    #[serde(default, skip_serializing_if = "CapacitySpec::is_empty")]
    pub capacity: CapacitySpec,
    #[serde(deserialize_with = "supervisor_list")]
    pub supervisors: Vec<Supervisor>,
}

/// How Supervisors map onto NSX clouds and Avi controller clusters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topology {
    /// One Supervisor, one NSX, one Avi.
    #[default]
    Single,
    /// Several Supervisors on one overlay transport zone: one Avi NSX cloud.
    SharedTransportZone,
    /// Several Supervisors, each on its own transport zone: one Avi NSX cloud each.
    DedicatedTransportZones,
    /// One NSX and one Avi controller cluster per Supervisor.
    MultiNsx,
}

impl Topology {
    pub fn is_single(&self) -> bool {
        *self == Topology::Single
    }

    pub const ALL: [Topology; 4] = [
        Topology::Single,
        Topology::SharedTransportZone,
        Topology::DedicatedTransportZones,
        Topology::MultiNsx,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Topology::Single => "single",
            Topology::SharedTransportZone => "shared_transport_zone",
            Topology::DedicatedTransportZones => "dedicated_transport_zones",
            Topology::MultiNsx => "multi_nsx",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Topology::Single => "Single Supervisor",
            Topology::SharedTransportZone => "Multi-Supervisor, shared transport zone",
            Topology::DedicatedTransportZones => "Multi-Supervisor, dedicated transport zones",
            Topology::MultiNsx => "Multi-NSX (one NSX and one Avi per Supervisor)",
        }
    }
}

/// Avi SE group high-availability mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HaMode {
    /// Elastic N+M (`HA_MODE_SHARED`).
    #[default]
    NPlusM,
    /// Elastic Active/Active (`HA_MODE_SHARED_PAIR`).
    ActiveActive,
    /// Legacy Active/Standby (`HA_MODE_LEGACY_ACTIVE_STANDBY`): exactly one pair.
    ActiveStandby,
}

impl HaMode {
    pub const ALL: [HaMode; 3] = [HaMode::NPlusM, HaMode::ActiveActive, HaMode::ActiveStandby];

    pub fn key(self) -> &'static str {
        match self {
            HaMode::NPlusM => "n_plus_m",
            HaMode::ActiveActive => "active_active",
            HaMode::ActiveStandby => "active_standby",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            HaMode::NPlusM => "Elastic N+M",
            HaMode::ActiveActive => "Elastic Active/Active",
            HaMode::ActiveStandby => "Legacy Active/Standby",
        }
    }

    /// The Avi API enum value (`ServiceEngineGroup.ha_mode`).
    pub fn avi_api(self) -> &'static str {
        match self {
            HaMode::NPlusM => "HA_MODE_SHARED",
            HaMode::ActiveActive => "HA_MODE_SHARED_PAIR",
            HaMode::ActiveStandby => "HA_MODE_LEGACY_ACTIVE_STANDBY",
        }
    }

    /// Minimum scale-out per virtual service when the user gives none.
    pub fn default_scale_factor(self) -> u32 {
        match self {
            HaMode::NPlusM => 1,
            HaMode::ActiveActive | HaMode::ActiveStandby => 2,
        }
    }

    /// Buffer SEs when the user gives none.
    pub fn default_buffer(self) -> u32 {
        match self {
            HaMode::NPlusM | HaMode::ActiveActive => 1,
            HaMode::ActiveStandby => 0,
        }
    }
}

/// Where Avi puts a virtual service among the SEs that qualify.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// Fill existing SEs first (Avi's default, "compact").
    #[default]
    Compact,
    /// Spin up new SEs up to `max_se` before sharing ("distributed").
    Distributed,
}

impl Placement {
    pub const ALL: [Placement; 2] = [Placement::Compact, Placement::Distributed];

    pub fn key(self) -> &'static str {
        match self {
            Placement::Compact => "compact",
            Placement::Distributed => "distributed",
        }
    }
}

/// Size of the Supervisor's control plane VMs (the vSphere enable spec's sizing hint,
/// Terraform `vsphere_supervisor.sizing_hint`). It also picks the service CIDR default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ControlPlaneSize {
    Tiny,
    #[default]
    Small,
    Medium,
    Large,
}

impl ControlPlaneSize {
    pub const ALL: [ControlPlaneSize; 4] =
        [ControlPlaneSize::Tiny, ControlPlaneSize::Small, ControlPlaneSize::Medium, ControlPlaneSize::Large];

    pub fn is_small(&self) -> bool {
        *self == ControlPlaneSize::Small
    }

    pub fn key(self) -> &'static str {
        match self {
            ControlPlaneSize::Tiny => "tiny",
            ControlPlaneSize::Small => "small",
            ControlPlaneSize::Medium => "medium",
            ControlPlaneSize::Large => "large",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ControlPlaneSize::Tiny => "Tiny",
            ControlPlaneSize::Small => "Small",
            ControlPlaneSize::Medium => "Medium",
            ControlPlaneSize::Large => "Large",
        }
    }

    /// The value hashicorp/vsphere's `vsphere_supervisor.sizing_hint` accepts
    /// (`TINY`, `SMALL`, `MEDIUM`, `LARGE`).
    pub fn sizing_hint(self) -> &'static str {
        match self {
            ControlPlaneSize::Tiny => "TINY",
            ControlPlaneSize::Small => "SMALL",
            ControlPlaneSize::Medium => "MEDIUM",
            ControlPlaneSize::Large => "LARGE",
        }
    }
}

/// SE group settings. Every field is optional: omitted means the DOMAIN.md default
/// (which for `scale_factor` and `buffer_ses` depends on `ha_mode`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeGroupSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ha_mode: Option<HaMode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale_factor: Option<u32>,
    /// Avi `max_scaleout_per_vs`; unset: max(4, scale factor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_scaleout_per_vs: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buffer_ses: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_nics_per_se: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_vs_per_se: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_se: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vcpus_per_se: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory_gb_per_se: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disk_gb_per_se: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placement: Option<Placement>,
}

impl SeGroupSpec {
    pub fn is_empty(&self) -> bool {
        *self == SeGroupSpec::default()
    }

    /// `self` with every unset field taken from `base`.
    pub fn over(&self, base: &SeGroupSpec) -> SeGroupSpec {
        SeGroupSpec {
            ha_mode: self.ha_mode.or(base.ha_mode),
            scale_factor: self.scale_factor.or(base.scale_factor),
            max_scaleout_per_vs: self.max_scaleout_per_vs.or(base.max_scaleout_per_vs),
            buffer_ses: self.buffer_ses.or(base.buffer_ses),
            data_nics_per_se: self.data_nics_per_se.or(base.data_nics_per_se),
            max_vs_per_se: self.max_vs_per_se.or(base.max_vs_per_se),
            max_se: self.max_se.or(base.max_se),
            vcpus_per_se: self.vcpus_per_se.or(base.vcpus_per_se),
            memory_gb_per_se: self.memory_gb_per_se.or(base.memory_gb_per_se),
            disk_gb_per_se: self.disk_gb_per_se.or(base.disk_gb_per_se),
            placement: self.placement.or(base.placement),
        }
    }
}

/// The Avi DNS service's own SE group (one per Avi controller cluster).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DnsSeGroup {
    /// DNS virtual services (usually 1).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub virtual_services: u32,
    /// Settings for the DNS group; unset fields take the main group's.
    #[serde(default, skip_serializing_if = "SeGroupSpec::is_empty")]
    pub se_group: SeGroupSpec,
}

/// Per-vCPU performance figures (Avi and Tanzu reference tables disagree; these
/// are inputs with the low end of the published ranges as defaults).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapacitySpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub throughput_gbps_per_vcpu: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_throughput_gbps_per_se: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_rps_per_vcpu: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ssl_gbps_per_vcpu: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rsa2k_tps_per_vcpu: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ecc_tps_per_vcpu: Option<u32>,
    /// Per-SE caps (one SE VM tops out whatever its vCPUs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_http_rps_per_se: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_ssl_gbps_per_se: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_rsa2k_tps_per_se: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_ecc_tps_per_se: Option<u32>,
}

impl CapacitySpec {
    pub fn is_empty(&self) -> bool {
        *self == CapacitySpec::default()
    }
}

/// One vSphere Supervisor with its SE group and namespaces.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Supervisor {
    pub name: String,
    // Platform (see `platform.rs`): absent means NSX with Avi, as before it existed.
    /// The system the Supervisor runs on (default NSX with Avi).
    #[serde(default, skip_serializing_if = "PlatformKind::is_nsx_avi")]
    pub platform: PlatformKind,
    /// VDS platform inputs (only with `platform` `vds`).
    #[serde(default, skip_serializing_if = "VdsSpec::is_empty")]
    pub vds: VdsSpec,
    /// NSX VPC platform inputs (only with `platform` `nsx_vpc`).
    #[serde(default, skip_serializing_if = "VpcSpec::is_empty")]
    pub vpc: VpcSpec,
    /// Present (even empty): compare with the NSX native load balancer (NSX and
    /// NSX VPC Supervisors).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nsx_lb: Option<NsxLbSpec>,
    /// NAT mode for the Supervisor (and the default for its namespaces).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub nat: bool,
    /// vSphere zones the Supervisor spans: 1 or 3.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub zones: u32,
    /// With 3 zones: the SEs left after losing any one zone must carry the load.
    #[serde(default, skip_serializing_if = "is_false")]
    pub survive_zone_loss: bool,
    /// Virtual services on the Supervisor's own T1 (its API server VIP; one lab shows 2).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub supervisor_virtual_services: u32,
    /// Control plane size (default Small); Tiny makes the service CIDR default a /24.
    #[serde(default, skip_serializing_if = "ControlPlaneSize::is_small")]
    pub control_plane_size: ControlPlaneSize,
    /// Supervisor Services enabled (Harbor, Contour, Velero...): each runs in a
    /// namespace of its own, with a T1, a namespace subnet and (NAT) a SNAT IP.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub supervisor_services: u32,
    /// Overrides of the scenario's `se_group` for this Supervisor's SE group.
    #[serde(default, skip_serializing_if = "SeGroupSpec::is_empty")]
    pub se_group: SeGroupSpec,
    #[serde(default, skip_serializing_if = "SupervisorNetworks::is_empty")]
    pub networks: SupervisorNetworks,
    #[serde(default, deserialize_with = "group_list")]
    pub namespaces: Vec<NamespaceGroup>,
}

/// A Supervisor's networks as typed: CIDRs are strings so that what the user typed
/// survives until validation says what is wrong with it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupervisorNetworks {
    /// Namespace network blocks (each at least /23). Empty: carved or default.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "cidr_list")]
    pub namespace_network: Vec<String>,
    /// Prefix of the subnets each namespace and cluster segment takes (default 28).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace_subnet_prefix: Option<u8>,
    /// Supervisor-internal service CIDR (default 10.96.0.0/23, 10.96.0.0/24 with a
    /// Tiny control plane). Never carved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_cidr: Option<String>,
    /// VIP blocks (each at least /27). Empty: carved from the pool.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "cidr_list")]
    pub ingress_cidr: Vec<String>,
    /// SNAT blocks, NAT only (each at least /27). Empty: carved from the pool.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "cidr_list")]
    pub egress_cidr: Vec<String>,
    /// First of the 5 consecutive management IPs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub management_start: Option<String>,
    /// Blocks to carve the networks not given from.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "cidr_list")]
    pub address_pool: Vec<String>,
    /// Headroom carved networks get on top of today's demand, in percent (default 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub growth_percent: Option<u32>,
}

impl SupervisorNetworks {
    pub fn is_empty(&self) -> bool {
        *self == SupervisorNetworks::default()
    }
}

/// Which T0 a namespace's T1 uplinks to (seeds parts 6-7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum T0Mode {
    /// The Supervisor's T0.
    #[default]
    Shared,
    /// A dedicated T0 gateway.
    Dedicated,
    /// A dedicated T0 VRF gateway.
    Vrf,
}

impl T0Mode {
    pub const ALL: [T0Mode; 3] = [T0Mode::Shared, T0Mode::Dedicated, T0Mode::Vrf];

    pub fn key(self) -> &'static str {
        match self {
            T0Mode::Shared => "shared",
            T0Mode::Dedicated => "dedicated",
            T0Mode::Vrf => "vrf",
        }
    }
}

fn is_shared(t: &T0Mode) -> bool {
    *t == T0Mode::Shared
}

/// `count` alike vSphere namespaces, so that 500 namespaces are one entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamespaceGroup {
    pub name: String,
    #[serde(default = "one")]
    pub count: u32,
    /// TKG (VKS) clusters per namespace; each has an API server VS.
    #[serde(default)]
    pub tkg_clusters: u32,
    /// Control-plane nodes per cluster: 1 or 3.
    #[serde(default = "three", skip_serializing_if = "is_three")]
    pub control_plane_nodes: u32,
    /// Worker nodes per cluster.
    #[serde(default = "three", skip_serializing_if = "is_three")]
    pub worker_nodes: u32,
    /// Services of type LoadBalancer per cluster (one L4 VS and one VIP each).
    #[serde(default)]
    pub lb_services_per_cluster: u32,
    /// L7 ingress virtual services per cluster, where AKO runs in the cluster.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub ingress_vs_per_cluster: u32,
    /// vSphere-pod Services of type LoadBalancer per namespace.
    #[serde(default)]
    pub pod_lb_services: u32,
    /// vSphere pods per namespace (they take addresses on the namespace segment).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub vsphere_pods: u32,
    /// VM Service VMs per namespace (addresses on the namespace segment).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub vm_service_vms: u32,
    /// Node pools per TKG cluster: a rolling update adds one surge node per pool.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub node_pools: u32,
    /// NAT for these namespaces; unset: the Supervisor's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nat: Option<bool>,
    #[serde(default, skip_serializing_if = "is_shared")]
    pub t0: T0Mode,
    /// Custom Ingress CIDRs this group's namespaces draw VIPs from (override).
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "cidr_list")]
    pub ingress_cidr: Vec<String>,
    /// Custom Egress CIDRs this group's namespaces draw SNAT IPs from (override).
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "cidr_list")]
    pub egress_cidr: Vec<String>,
    /// Custom namespace network blocks for this group (override).
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "cidr_list")]
    pub namespace_network: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace_subnet_prefix: Option<u8>,
    // Platform (see `platform.rs`, `vpc.rs`, `nsx_lb.rs`).
    /// VDS: the name of the workload network the namespaces are on (default the primary).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workload_network: Option<String>,
    /// NSX VPC: the name of the pre-created VPC the namespaces share (none: each
    /// namespace gets a VPC of its own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vpc: Option<String>,
    /// NSX VPC: private CIDRs of these namespaces' own VPCs (none: the Supervisor's).
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "cidr_list")]
    pub private_cidrs: Vec<String>,
    /// Ports per LoadBalancer Service (default 1): Avi puts every port in one
    /// virtual service, the NSX load balancer takes a virtual server per port.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub service_ports: u32,
}

impl NamespaceGroup {
    /// A group with the given name and count and no workloads.
    pub fn new(name: &str, count: u32) -> Self {
        NamespaceGroup {
            name: name.to_string(),
            count,
            tkg_clusters: 0,
            control_plane_nodes: 3,
            worker_nodes: 3,
            lb_services_per_cluster: 0,
            ingress_vs_per_cluster: 0,
            pod_lb_services: 0,
            vsphere_pods: 0,
            vm_service_vms: 0,
            node_pools: 1,
            nat: None,
            t0: T0Mode::Shared,
            ingress_cidr: Vec::new(),
            egress_cidr: Vec::new(),
            namespace_network: Vec::new(),
            namespace_subnet_prefix: None,
            workload_network: None,
            vpc: None,
            private_cidrs: Vec::new(),
            service_ports: 1,
        }
    }
}

impl Supervisor {
    /// A Supervisor with the given name, DOMAIN.md defaults and no namespaces.
    pub fn new(name: &str) -> Self {
        Supervisor {
            name: name.to_string(),
            nat: true,
            zones: 1,
            survive_zone_loss: false,
            supervisor_virtual_services: 1,
            control_plane_size: ControlPlaneSize::Small,
            supervisor_services: 0,
            se_group: SeGroupSpec::default(),
            networks: SupervisorNetworks::default(),
            namespaces: Vec::new(),
            platform: PlatformKind::NsxAvi,
            vds: VdsSpec::default(),
            vpc: VpcSpec::default(),
            nsx_lb: None,
        }
    }
}

impl Default for Scenario {
    /// The page's starting point: one Supervisor, ten namespaces with one TKG
    /// cluster and two LoadBalancer services each, carved from a /16 pool.
    fn default() -> Self {
        let mut sup = Supervisor::new("supervisor-1");
        sup.networks.address_pool = vec!["10.220.0.0/16".to_string()];
        let mut group = NamespaceGroup::new("team", 10);
        group.tkg_clusters = 1;
        group.lb_services_per_cluster = 2;
        sup.namespaces.push(group);
        Scenario {
            version: SCENARIO_VERSION,
            rules_version: Some(crate::rules::CURRENT),
            topology: Topology::Single,
            se_group: SeGroupSpec::default(),
            dns_se_group: None,
            capacity: CapacitySpec::default(),
            supervisors: vec![sup],
        }
    }
}

impl Scenario {
    /// Reads a scenario from JSON text. Type errors name the JSON path of the field
    /// (`supervisors[0].namespaces[1].count`), unknown fields and enum values are
    /// refused, and a newer `version` is refused rather than half-read.
    ///
    /// Size costs nothing: text over [`MAX_SCENARIO_BYTES`] is refused unread, and
    /// a list longer than its design limit at the first entry past it, both as
    /// [`Problem::InputTooLarge`]. Nesting cannot run deep either: every field has
    /// a fixed type, so `[[[[…` is refused at the first bracket where a string,
    /// number or object belongs (serde_json's recursion limit is never reached).
    ///
    /// ```
    /// use avi_sizer::scenario::Scenario;
    /// let s = Scenario::from_json(r#"{"supervisors":[{"name":"a"}]}"#).unwrap();
    /// assert_eq!(s.supervisors[0].zones, 1);
    /// let e = Scenario::from_json(r#"{"se_group":{"ha_mode":"n_plus_n"},"supervisors":[]}"#)
    ///     .unwrap_err();
    /// assert_eq!(e.path, "se_group.ha_mode");
    /// let e = Scenario::from_json(r#"{"supervisors":[{"name":"a","zones":[[[[[[[[1]]]]]]]]}]}"#)
    ///     .unwrap_err();
    /// assert_eq!(e.to_string(), "supervisors[0].zones: invalid type: sequence, expected u32 (line 1, column 36)");
    /// ```
    pub fn from_json(text: &str) -> Result<Scenario, FieldError> {
        check_size(text.len())?;
        let de = &mut serde_json::Deserializer::from_str(text);
        let scenario: Scenario = serde_path_to_error::deserialize(de).map_err(|e| {
            let path = field_path(e.path());
            let inner = e.into_inner();
            let message = strip_position(&inner.to_string());
            let problem = if let Some(max) = message.strip_prefix(TOO_MANY_ENTRIES).and_then(|m| m.parse().ok()) {
                Problem::InputTooLarge { limit: InputLimit::ListEntries, max }
            } else {
                Problem::Json { message, line: inner.line(), column: inner.column() }
            };
            FieldError::new(path, "", problem)
        })?;
        if scenario.version != SCENARIO_VERSION {
            return Err(FieldError::new(
                "version",
                scenario.version.to_string(),
                Problem::UnsupportedVersion { supported: SCENARIO_VERSION },
            ));
        }
        Ok(scenario)
    }

    /// The scenario as made now: stamped with the current rules version.
    pub fn made_now(mut self) -> Scenario {
        self.rules_version = Some(crate::rules::CURRENT);
        self
    }

    /// Pretty JSON of the scenario (defaults left out), re-readable by [`Scenario::from_json`].
    pub fn to_json(&self) -> String {
        // Serializing plain structs of strings and numbers cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// The JSON path of an error as the UI and CLI name fields. serde_path_to_error
/// writes `.` for the document, `?` for a position it cannot name (the end of
/// the text inside an object before its first key) and an empty part for an
/// empty key; those parts are dropped, so the error stands at the innermost
/// field it can name, or at the document.
fn field_path(path: &serde_path_to_error::Path) -> String {
    let text = path.to_string();
    text.split('.').filter(|part| !part.is_empty() && *part != "?").collect::<Vec<_>>().join(".")
}

/// serde_json appends " at line L column C"; the position is reported separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_scenario_round_trips_through_json() {
        let s = Scenario::default();
        let back = Scenario::from_json(&s.to_json()).unwrap();
        assert_eq!(s, back);
    }

    #[test]
    fn omitted_fields_take_defaults() {
        let s = Scenario::from_json(r#"{"supervisors":[{"name":"s","namespaces":[{"name":"n"}]}]}"#)
            .unwrap();
        let g = &s.supervisors[0].namespaces[0];
        assert_eq!((g.count, g.control_plane_nodes, g.worker_nodes), (1, 3, 3));
        assert!(s.supervisors[0].nat);
        assert_eq!(s.supervisors[0].supervisor_virtual_services, 1);
        assert_eq!(s.se_group, SeGroupSpec::default());
    }

    #[test]
    fn errors_name_the_json_path() {
        let cases = [
            (r#"{"supervisors":[{"name":"s","namespaces":[{"name":"n","count":-1}]}]}"#,
             "supervisors[0].namespaces[0].count"),
            (r#"{"se_group":{"ha_mode":"hot"},"supervisors":[]}"#, "se_group.ha_mode"),
            (r#"{"supervisors":[{"name":"s","zonez":3}]}"#, "supervisors[0].zonez"),
            (r#"{"supervisors":[{"name":"s","namespaces":[{"name":"n","count":99999999999}]}]}"#,
             "supervisors[0].namespaces[0].count"),
        ];
        for (json, path) in cases {
            let e = Scenario::from_json(json).unwrap_err();
            assert_eq!(e.path, path, "{json}: {e}");
        }
    }

    /// Fuzz finding (link_decode, then from_json): text ending inside an object
    /// before its first key was refused at the path `?`, and an empty key at
    /// `supervisors[0].`, naming no field.
    #[test]
    fn text_cut_short_is_refused_at_a_field_or_the_document() {
        let cases = [
            ("{", ""),
            ("{\n  ", ""),
            (r#"{"supervisors":[{"#, "supervisors[0]"),
            (r#"{"supervisors":[{"name":"a","networks":{"#, "supervisors[0].networks"),
            (r#"{"supervisors":[{"name":"a","namespaces":[{"name":"b"},{"#, "supervisors[0].namespaces[1]"),
            (r#"{"supervisors":[{"":1}]}"#, "supervisors[0]"),
        ];
        for (json, path) in cases {
            let e = Scenario::from_json(json).unwrap_err();
            assert_eq!(e.path, path, "{json}: {e:?}");
            assert!(matches!(e.problem, Problem::Json { .. }), "{json}: {e:?}");
        }
    }

    #[test]
    fn malformed_json_reports_line_and_column() {
        let e = Scenario::from_json("{\n  \"supervisors\": [\n").unwrap_err();
        match e.problem {
            Problem::Json { line, .. } => assert_eq!(line, 3),
            other => panic!("expected a JSON problem, got {other:?}"),
        }
    }

    #[test]
    fn newer_versions_are_refused() {
        let e = Scenario::from_json(r#"{"version":2,"supervisors":[]}"#).unwrap_err();
        assert_eq!(e.to_string(), "version: this build reads scenario version 1, got 2");
    }

    #[test]
    fn scale_out_cap_and_control_plane_size_round_trip_and_default() {
        let mut s = Scenario::default();
        s.se_group.max_scaleout_per_vs = Some(8);
        s.supervisors[0].se_group.max_scaleout_per_vs = Some(16);
        s.supervisors[0].control_plane_size = ControlPlaneSize::Tiny;
        let json = s.to_json();
        assert!(json.contains("\"max_scaleout_per_vs\": 8") && json.contains("\"control_plane_size\": \"tiny\""), "{json}");
        assert_eq!(Scenario::from_json(&json).unwrap(), s);
        assert_eq!(crate::link::decode(&crate::link::encode(&s)).unwrap(), s, "the share link carries both");
        // Defaults are left out, so documents saved before these fields read the same.
        let plain = Scenario::default().to_json();
        assert!(!plain.contains("max_scaleout_per_vs") && !plain.contains("control_plane_size"), "{plain}");
        let old = Scenario::from_json(r#"{"supervisors":[{"name":"s"}]}"#).unwrap();
        assert_eq!((old.se_group.max_scaleout_per_vs, old.supervisors[0].control_plane_size), (None, ControlPlaneSize::Small));
    }

    /// The VPC and NSX load balancer inputs: left out when unset (old documents read
    /// and write as before), carried by JSON and the share link when set.
    #[test]
    fn vpc_and_nsx_lb_inputs_round_trip_and_default() {
        let plain = Scenario::default().to_json();
        for field in ["\"vpc\"", "nsx_lb", "service_ports", "private_cidrs"] {
            assert!(!plain.contains(field), "{field} in {plain}");
        }
        let mut s = Scenario::default();
        let sup = &mut s.supervisors[0];
        sup.platform = PlatformKind::NsxVpc;
        sup.networks.address_pool.clear();
        sup.vpc = VpcSpec {
            project: Some("p".into()),
            external_blocks: vec!["192.168.0.0/24".into()],
            private_cidrs: vec!["172.16.0.0/16".into()],
            vpcs: vec![SharedVpcSpec::new("v")],
            se_groups: Some(VpcSeGroups::PerVpc),
            avi_subnet_prefix: Some(27),
            ..VpcSpec::default()
        };
        sup.nsx_lb = Some(NsxLbSpec { size: Some(NsxLbSize::Medium), edge_size: Some(EdgeSize::XLarge), ..NsxLbSpec::default() });
        sup.namespaces[0].vpc = Some("v".into());
        sup.namespaces[0].service_ports = 3;
        let json = s.to_json();
        assert!(json.contains("\"platform\": \"nsx_vpc\"") && json.contains("\"se_groups\": \"per_vpc\"") && json.contains("\"edge_size\": \"x_large\""), "{json}");
        assert_eq!(Scenario::from_json(&json).unwrap(), s);
        assert_eq!(crate::link::decode(&crate::link::encode(&s)).unwrap(), s);
        // An empty comparison is kept: its presence asks for it.
        s.supervisors[0].nsx_lb = Some(NsxLbSpec::default());
        assert!(s.to_json().contains("\"nsx_lb\": {}"));
        assert_eq!(Scenario::from_json(&s.to_json()).unwrap(), s);
        let e = Scenario::from_json(r#"{"supervisors":[{"name":"a","nsx_lb":{"size":"xlarge"}}]}"#).unwrap_err();
        assert_eq!(e.path, "supervisors[0].nsx_lb.size");
    }

    #[test]
    fn an_unknown_control_plane_size_names_the_field() {
        let e = Scenario::from_json(r#"{"supervisors":[{"name":"s","control_plane_size":"huge"}]}"#).unwrap_err();
        assert_eq!(e.path, "supervisors[0].control_plane_size");
        assert!(e.to_string().contains("unknown variant `huge`"), "{e}");
    }

    #[test]
    fn group_override_merges_over_base() {
        let base = SeGroupSpec { ha_mode: Some(HaMode::ActiveActive), max_se: Some(20), ..Default::default() };
        let over = SeGroupSpec { max_se: Some(4), ..Default::default() };
        let merged = over.over(&base);
        assert_eq!(merged.ha_mode, Some(HaMode::ActiveActive));
        assert_eq!(merged.max_se, Some(4));
    }
}
