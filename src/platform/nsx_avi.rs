//! A Supervisor on NSX with the Avi load balancer (DOMAIN.md sections 1-3): one T1
//! per Supervisor and per vSphere namespace, each its own VRF in Avi, and one SE
//! group per Supervisor shared by all of them.

use crate::design::SupervisorDesign;
use crate::error::{Warning, WarningKind};
use crate::scenario::HaMode;
use crate::sizing::{Need, Reference, SeLoad};

use super::{Noun, Platform};

/// NSX with Avi.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NsxAvi;

/// The label of namespace `k` (0-based) of a group: `{group}-001`, `{group}-002`...
pub fn namespace_name(group: &str, k: u32) -> String {
    format!("{}-{:03}", group, k + 1)
}

impl Platform for NsxAvi {
    fn key(&self) -> &'static str {
        "nsx_avi"
    }

    /// The Supervisor's T1 hosts its API VSes; each namespace's T1 its clusters'
    /// API servers, LoadBalancer and L7 services and vSphere-pod LoadBalancers. A
    /// VS needs its T1 alone, and no two namespaces share one.
    ///
    /// ```
    /// use avi_sizer::{design::validate, platform::{nsx_avi::NsxAvi, Platform}, scenario::*};
    /// let mut sup = Supervisor::new("sv");
    /// let mut g = NamespaceGroup::new("team", 2);
    /// g.tkg_clusters = 1;
    /// g.lb_services_per_cluster = 2;
    /// sup.namespaces.push(g);
    /// let design = validate(&Scenario { supervisors: vec![sup], ..Scenario::default() }).unwrap();
    /// let load = NsxAvi.se_load(&design.supervisors[0]);
    /// let units: Vec<Vec<(Vec<u32>, u32)>> =
    ///     load.units().map(|u| u.map(|(a, vs)| (a.to_vec(), vs)).collect()).collect();
    /// assert_eq!(units, vec![vec![(vec![0], 1)], vec![(vec![1], 3)], vec![(vec![2], 3)]]);
    /// assert_eq!(load.label(2), Some("team-002"));
    /// ```
    fn se_load(&self, sup: &SupervisorDesign) -> SeLoad {
        let mut load = SeLoad::default();
        let t1 = load.attachment("supervisor");
        load.batch(&[t1], sup.supervisor_virtual_services);
        for g in &sup.groups {
            let vs = g.vs_per_namespace() as u32;
            for k in 0..g.count {
                load.namespace();
                let t1 = load.attachment(namespace_name(&g.name, k));
                load.batch(&[t1], vs);
            }
        }
        // One more namespace brings a T1 of its own.
        load.set_reference(sup.groups.last().map(|g| Reference {
            group: g.name.clone(),
            batches: vec![(vec![Need::Own(0)], g.vs_per_namespace() as u32)],
        }));
        load
    }

    fn attachment_noun(&self) -> Noun {
        Noun { one: "T1", many: "T1s" }
    }

    /// Active/Active SEs and the NSX distributed firewall (DOMAIN.md section 1).
    fn se_warnings(&self, sup: &SupervisorDesign, path: &str) -> Vec<Warning> {
        let mut out = Vec::new();
        if sup.se.ha_mode == HaMode::ActiveActive {
            out.push(Warning::new(
                path,
                WarningKind::DfwExclusion,
                "Active/Active SEs must be on the NSX DFW exclusion list, or the stateful DFW drops asymmetric flows.",
            ));
        }
        out
    }
}
