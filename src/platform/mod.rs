//! Platforms: the rules that differ between the systems a Supervisor's load
//! balancing can run on. One file per platform; today there is one,
//! [`nsx_avi`] (a Supervisor on NSX with the Avi load balancer, DOMAIN.md).
//!
//! Everything else is shared. The SE sizing ([`crate::sizing`]) works on the load a
//! platform presents and nothing else: ordered batches of virtual services, each
//! batch with the set of attachments its VSes need (the networks an SE must have a
//! data interface on), and the shape of one more namespace for the headroom
//! projection. The one placement simulation ([`crate::sizing::simulate`]) gives an
//! SE one interface per distinct attachment, at most `data_nics_per_se`.
//!
//! # Adding a platform
//!
//! Write `platform/<name>.rs` with a unit struct implementing [`Platform`], and
//! return it from [`of`] for the Supervisors it serves. What each method is for,
//! with the platforms PLATFORMS.md describes:
//! - [`Platform::se_load`]: which VSes exist and what each needs. NSX with Avi: one
//!   T1 per namespace, so each namespace's VSes need its T1 (VRF) alone. VDS with
//!   Avi, `routed`: every VS needs only the one VIP network, so interfaces never
//!   bind; `attached`: the VIP network and the namespace's workload network. NSX
//!   VPC: the namespace's VPC (several namespaces may share one:
//!   [`crate::sizing::Need::Existing`]). TKGi with AKO: per cluster, the T1 named
//!   by `nsxtT1LR`, usually shared.
//! - [`Platform::attachment_noun`]: what the explanation calls an attachment
//!   (a T1, a network, a VPC).
//! - [`Platform::se_warnings`]: the platform's own warnings on the SE group (NSX:
//!   the DFW exclusion list for Active/Active; VDS `attached`: more than 8
//!   workload networks).
//!
//! Networks: the network plan ([`crate::network`]) carves, allocates, checks and
//! routes. Which networks a Supervisor and each namespace group draw from, what
//! each namespace takes and which are required are the platform's rules: for NSX
//! with Avi the Ingress, Egress (NAT) and namespace networks, in `namespace_needs`,
//! `supervisor_demand`, `draws_own` and their neighbours in [`nsx_avi`]; the routes
//! per T0 are NSX's. A platform with other networks (VDS: workload networks given
//! as IP ranges, one Avi VIP network whose pool also holds the SEs' data
//! addresses, so its demand needs the SE count) brings its roles and demand in its
//! own file, reusing the carving, allocation and overlap checks. A comparison that
//! sizes something other than SEs (the NSX native load balancer's LBs and edge
//! credits) is a sizing of its own beside [`crate::sizing`], fed by the same
//! Supervisor design.

pub mod nsx_avi;

use crate::design::SupervisorDesign;
use crate::error::Warning;
use crate::sizing::SeLoad;

/// What an attachment is called in sentences: one and many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Noun {
    pub one: &'static str,
    pub many: &'static str,
}

/// The rules of one platform. Implementations are unit structs; see the module
/// docs for what each method is for.
pub trait Platform: Sync {
    /// A short key naming the platform (`nsx_avi`).
    fn key(&self) -> &'static str;

    /// The load the Supervisor presents to its SE group, in arrival order.
    fn se_load(&self, sup: &SupervisorDesign) -> SeLoad;

    /// What the explanation calls an attachment.
    fn attachment_noun(&self) -> Noun;

    /// The platform's warnings about the Supervisor's SE group (`path` is the
    /// Supervisor's JSON path).
    fn se_warnings(&self, sup: &SupervisorDesign, path: &str) -> Vec<Warning>;
}

/// The platform a Supervisor runs on.
///
/// ```
/// use avi_sizer::{design::validate, platform, scenario::Scenario};
/// let design = validate(&Scenario::default()).unwrap();
/// assert_eq!(platform::of(&design.supervisors[0]).key(), "nsx_avi");
/// ```
pub fn of(_sup: &SupervisorDesign) -> &'static dyn Platform {
    &nsx_avi::NsxAvi
}
