//! Platforms: the rules that differ between the systems a Supervisor's load
//! balancing can run on, one file each: [`nsx_avi`] (a Supervisor on NSX with the
//! Avi load balancer, DOMAIN.md), [`vds`] (on vSphere Distributed Switch
//! networking with Avi or the vSphere Foundation Load Balancer, PLATFORMS.md §4)
//! and [`nsx_vpc`] (on NSX VPCs with Avi in VPC mode, PLATFORMS.md §8).
//! [`of`] says which a Supervisor runs on (`supervisors[i].platform`), and
//! [`crate::plan`] hands that platform's rules to the engines. The engines define what they need from a platform and know none:
//! a platform depends on them, never the other way round.
//!
//! The SE sizing ([`crate::sizing`]) works on the load a platform presents and
//! nothing else: ordered batches of virtual services, each batch with the set of
//! attachments its VSes need (the networks an SE must have a data interface on),
//! and the shape of one more namespace for the headroom projection. The one
//! placement simulation ([`crate::sizing::simulate`]) gives an SE one interface per
//! distinct attachment, at most `data_nics_per_se`. The network plan
//! ([`crate::network`]) carves, allocates, checks and routes the Ingress, Egress
//! and namespace networks; the platform says which of them a Supervisor and each
//! namespace group have and what each namespace takes.
//!
//! # Adding a platform
//!
//! Write `platform/<name>.rs` with a unit struct implementing
//! [`crate::sizing::SeRules`] and [`crate::network::NetRules`] and a [`Platform`]
//! constant naming them, and return it from [`of`] for the Supervisors it serves.
//! What each rule is for, with the platforms PLATFORMS.md describes:
//! - `SeRules::se_load`: which VSes exist and what each needs. NSX with Avi: a T1
//!   per namespace, so each namespace's VSes need its T1 (VRF) alone. VDS with
//!   Avi, `routed`: every VS needs only the one VIP network, so interfaces never
//!   bind; `attached`: the VIP network and the namespace's workload network. NSX
//!   VPC: the namespace's VPC (several namespaces may share one:
//!   [`crate::sizing::Need::Existing`]). TKGi with AKO: per cluster, the T1 named
//!   by `nsxtT1LR`, usually shared.
//! - `SeRules::attachment_noun`: what the explanation calls an attachment (a T1,
//!   a network, a VPC).
//! - `SeRules::se_warnings`: the platform's own warnings on the SE group (NSX: the
//!   DFW exclusion list for Active/Active; VDS `attached`: more than 8 workload
//!   networks).
//! - `NetRules` (`Platform::net`): which NSX networks the Supervisor and each group
//!   draw from, what a namespace takes (subnets, VIPs, SNAT IPs), defaults and names.
//!   A platform whose networks are of other kinds gives `None` and plans its own
//!   beside the SE plan: VDS ([`vds::plan`]) has workload networks given as IP ranges
//!   and one Avi VIP network whose pool also holds the SEs' data addresses, so its
//!   demand needs the SE count; its errors sit in the plan's `network` as NSX's do.
//!   NSX VPC ([`nsx_vpc::plan`]) plans VPC private CIDRs and external IP blocks the
//!   same way.
//!
//! A comparison that sizes something other than SEs (the NSX native load
//! balancer's LBs and edge credits) is a sizing of its own beside
//! [`crate::sizing`], fed by the same Supervisor design: [`crate::nsx_lb`].

pub mod nsx_avi;
pub mod nsx_vpc;
pub mod vds;

use crate::design::SupervisorDesign;
use crate::network::NetRules;
use crate::scenario::PlatformKind;
use crate::sizing::SeRules;

/// A platform: its key and its rules for each engine.
#[derive(Clone, Copy)]
pub struct Platform {
    /// A short key naming the platform (`nsx_avi`).
    pub key: &'static str,
    /// How its Supervisors' SE groups are loaded.
    pub se: &'static dyn SeRules,
    /// Which NSX networks its Supervisors have and what each takes; `None`: the
    /// platform has none of them and plans its own (VDS, [`vds::plan`]).
    pub net: Option<&'static dyn NetRules>,
}

impl std::fmt::Debug for Platform {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key)
    }
}

/// The platform a Supervisor runs on.
///
/// ```
/// use avi_sizer::{design::validate, platform, scenario::Scenario};
/// let design = validate(&Scenario::default()).unwrap();
/// assert_eq!(platform::of(&design.supervisors[0]).key, "nsx_avi");
/// ```
pub fn of(sup: &SupervisorDesign) -> Platform {
    match sup.platform {
        PlatformKind::NsxAvi => nsx_avi::PLATFORM,
        PlatformKind::Vds => vds::PLATFORM,
        PlatformKind::NsxVpc => nsx_vpc::PLATFORM,
    }
}
