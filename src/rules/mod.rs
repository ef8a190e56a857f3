//! The rules version: which behaviours a plan follows, what changed between
//! versions and why, and the catalogue of every rule a plan can apply, with its
//! source ([`catalogue`]).
//!
//! Rules 1 is how the calculator computed until the fidelity review (issue 8);
//! rules 2 ([`CURRENT`]) changed exactly the behaviours [`Change`] names, each
//! switched by one method of [`RuleSet`], so rules 1 stays computable without a
//! copy of the engine. A scenario records the rules it was made under
//! (`rules_version`, absent = 1); a plan is always computed with the current rules
//! and, for a scenario made under older ones, lists where that moved its numbers
//! ([`RuleChange`]: old and new number, and the reasons).

pub mod catalogue;
mod changes;

use serde::Serialize;

pub use catalogue::{Entry, RuleId};
pub use changes::changes;

/// The rules this build computes with.
pub const CURRENT: u32 = 2;

/// The rules a scenario without `rules_version` was made under.
pub const UNVERSIONED: u32 = 1;

/// Which behaviours a plan follows: rules 1 or rules 2.
///
/// ```
/// use avi_sizer::rules::RuleSet;
/// assert_eq!(RuleSet::current().data_nics_cap(), Some(9));
/// assert_eq!(RuleSet::of(1).data_nics_cap(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleSet {
    pub version: u32,
}

impl RuleSet {
    /// The rules this build computes with.
    pub fn current() -> RuleSet {
        RuleSet { version: CURRENT }
    }

    /// The rules of `version` (clamped to the versions this build knows).
    pub fn of(version: u32) -> RuleSet {
        RuleSet { version: version.clamp(UNVERSIONED, CURRENT) }
    }

    fn since_2(self) -> bool {
        self.version >= 2
    }

    /// `max_se` caps the whole group, buffer and zone spares included, so
    /// distributed placement spreads over at most `max_se - M` SEs ([`Change::MaxSeIncludesBuffer`]).
    /// Rules 1: distributed placement filled up to `max_se` and the buffer came on top.
    pub fn max_se_includes_buffer(self) -> bool {
        self.since_2()
    }

    /// The most data interfaces an SE is computed with ([`Change::DataNicsAtMost9`]):
    /// 9, since a vSphere VM has 10 vNICs and the first is management. Rules 1: as given.
    pub fn data_nics_cap(self) -> Option<u32> {
        self.since_2().then_some(9)
    }

    /// Legacy Active/Standby beyond one pair counts the pair that exists
    /// ([`Change::ActiveStandbyOnePair`]). Rules 1: the SEs the load would need.
    pub fn active_standby_is_one_pair(self) -> bool {
        self.since_2()
    }

    /// Controller sizes per the Avi 30.2 installation guide, no Essentials size for
    /// NSX with Enterprise ([`Change::ControllerSizes302`]). Rules 1: the 22.1 table.
    pub fn controller_sizes_30_2(self) -> bool {
        self.since_2()
    }

    /// Requests/s, SSL throughput and TPS are capped per SE, not only throughput
    /// ([`Change::PerSeCaps`]).
    pub fn caps_per_se(self) -> bool {
        self.since_2()
    }
}

/// A behaviour that changed between rules versions: the reason a number moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Rules 2: `max_se` caps the group including the buffer.
    MaxSeIncludesBuffer,
    /// Rules 2: at most 9 data interfaces per SE.
    #[serde(rename = "data_nics_at_most_9")]
    DataNicsAtMost9,
    /// Rules 2: Legacy Active/Standby counts the one pair that exists.
    ActiveStandbyOnePair,
    /// Rules 2: Avi 30.2 controller sizes.
    #[serde(rename = "controller_sizes_30_2")]
    ControllerSizes302,
    /// Rules 2: per-SE caps on requests/s, SSL throughput and TPS.
    PerSeCaps,
}

impl Change {
    /// Since which rules version.
    pub fn since(self) -> u32 {
        2
    }

    /// The reason in words, to follow "because".
    pub fn reason(self) -> &'static str {
        match self {
            Change::MaxSeIncludesBuffer => {
                "max_se now caps the whole group, buffer included (N + M <= max_se), so distributed placement spreads over at most max_se - M SEs"
            }
            Change::DataNicsAtMost9 => {
                "an SE VM on vSphere has 10 vNICs and the first is management, so data_nics_per_se above 9 is now computed as 9"
            }
            Change::ActiveStandbyOnePair => {
                "Legacy Active/Standby is exactly one pair: the total is now the pair that exists, and no resources are counted for SEs that cannot exist"
            }
            Change::ControllerSizes302 => {
                "controller sizes now follow the Avi 30.2 installation guide (Small 6 vCPU / 32 GB for up to 100 SEs; the Essentials size only for the Essentials licence on a vCenter cloud)"
            }
            Change::PerSeCaps => {
                "HTTP requests/s, SSL throughput and TPS are now capped per SE as well as throughput (one SE tops out near 160k requests/s, 7 Gbps SSL and 40k TPS)"
            }
        }
    }
}

/// One number of a plan that a rule change moved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleChange {
    /// What the number belongs to: a Supervisor's name, or an Avi controller
    /// cluster's (`avi-controller`) for its size.
    pub scope: String,
    /// Which number: `total_ses`, `service_units`, `http_rps`, `ssl_gbps`,
    /// `rsa2k_tps`, `ecc_tps`, `controller_vcpus_per_node`, `controller_memory_gb_per_node`.
    pub what: &'static str,
    /// Under the rules the scenario was made under.
    pub old: Number,
    /// Under the current rules.
    pub new: Number,
    /// The behaviours that moved it.
    pub reasons: Vec<Change>,
    /// The change in a sentence: "with rules 1: 5 SEs; with rules 2: 4, because ...".
    pub text: String,
}

/// A whole count or a decimal (Gbps), serialized as the plain JSON number.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Number {
    Count(u64),
    Decimal(f64),
}

impl std::fmt::Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Number::Count(n) => write!(f, "{n}"),
            Number::Decimal(x) => write!(f, "{x}"),
        }
    }
}

/// The rules part of a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RulesReport {
    /// The rules the plan was computed with (always [`CURRENT`]).
    pub version: u32,
    /// The rules the scenario was made under (its `rules_version`; absent = 1).
    pub made_under: u32,
    /// Where computing with the current rules moved the scenario's numbers.
    pub changes: Vec<RuleChange>,
    /// Every rule the answer used, in catalogue order: what "How this is computed" states.
    pub applied: Vec<RuleId>,
}
