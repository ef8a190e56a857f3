//! The roll-up over Supervisors: NSX managers, Avi NSX clouds and controller
//! clusters, each cluster sized by the VSes and SEs it manages, with the DNS SE
//! group each one runs.

use crate::design::{Design, DnsDesign, SupervisorDesign};
use crate::error::{Warning, WarningKind};
use crate::scenario::{EdgeProvider, PlatformKind, Topology};

use super::resources::{add, resources};
use super::simulate::{SimConfig, Simulator};
use super::totals::Totals;
use super::{ControllerCluster, DnsPlan, Resources, SePlan, TopologyPlan};

/// Avi controller sizes: (name, vCPU, GB, max VS, max SE).
pub const CONTROLLER_SIZES: [(&str, u32, u32, u64, u64); 4] = [
    ("essentials", 4, 24, 50, 10),
    ("small", 6, 24, 200, 100),
    ("medium", 10, 32, 1_000, 200),
    ("large", 16, 48, 5_000, 400),
];

/// Sizes the DNS SE group of one controller cluster.
pub fn size_dns(dns: &DnsDesign) -> DnsPlan {
    let mut sim = Simulator::new(SimConfig::from(&dns.se));
    sim.place(&[0], dns.virtual_services);
    let n = sim.count();
    let (total, _) = Totals { se: dns.se, zones: 1, survive_zone_loss: false }.of(n);
    DnsPlan {
        virtual_services: dns.virtual_services,
        carrying_load: n,
        buffer: total - n,
        total,
        resources: resources(total as u64, &dns.se),
    }
}

/// Whether a Supervisor's load balancer is Avi (on NSX, or on VDS with Avi as the
/// edge): it then has an SE group and an Avi controller cluster manages it.
pub fn runs_avi(sup: &SupervisorDesign) -> bool {
    sup.vds.as_ref().is_none_or(|v| v.edge == EdgeProvider::Avi)
}

/// Maps Supervisors onto NSX managers, NSX clouds and Avi controller clusters, and
/// sizes each controller cluster by the VSes and SEs it manages.
///
/// The topologies describe how NSX and Avi are shared. A VDS Supervisor has no NSX:
/// it counts no NSX manager or NSX cloud; with Avi it has a vCenter cloud of its own
/// and joins the controller clusters as an NSX Supervisor would (one for all, or one
/// each with `multi_nsx`); with the Foundation Load Balancer it has no Avi at all.
pub fn topology(design: &Design, groups: &[SePlan], warnings: &mut Vec<Warning>) -> TopologyPlan {
    let names: Vec<String> = design.supervisors.iter().map(|s| s.name.clone()).collect();
    let count = design.supervisors.iter().filter(|s| s.platform == PlatformKind::NsxAvi).count() as u32;
    let (nsx_managers, nsx_clouds) = match design.topology {
        _ if count == 0 => (0, 0),
        Topology::Single | Topology::SharedTransportZone => (1, 1),
        Topology::DedicatedTransportZones => (1, count),
        Topology::MultiNsx => (count, count),
    };
    let avi: Vec<usize> = (0..names.len()).filter(|&i| design.supervisors.get(i).is_some_and(runs_avi)).collect();
    let vcenter_clouds = avi.iter().filter(|&&i| design.supervisors.get(i).is_some_and(|s| s.platform == PlatformKind::Vds)).count() as u32;
    let members: Vec<Vec<usize>> = match design.topology {
        _ if avi.is_empty() => Vec::new(),
        Topology::MultiNsx => avi.iter().map(|&i| vec![i]).collect(),
        _ => vec![avi],
    };
    let dns = design.dns.as_ref().map(size_dns);
    let mut resources_all = Resources { vcpus: 0, memory_gb: 0, disk_gb: 0, service_units: 0 };
    let mut clusters = Vec::new();
    for (k, idx) in members.iter().enumerate() {
        let mut vs: u64 = idx.iter().map(|&i| groups[i].load.virtual_services).sum();
        let mut ses: u64 = idx.iter().map(|&i| groups[i].service_engines.total as u64).sum();
        for &i in idx {
            resources_all = add(resources_all, groups[i].resources);
        }
        if let Some(d) = &dns {
            vs += d.virtual_services as u64;
            ses += d.total as u64;
            resources_all = add(resources_all, d.resources);
        }
        let fit = CONTROLLER_SIZES.iter().find(|&&(_, _, _, max_vs, max_se)| vs <= max_vs && ses <= max_se);
        let &(size, vcpus, mem, _, _) = fit.unwrap_or(&CONTROLLER_SIZES[CONTROLLER_SIZES.len() - 1]);
        let name = if members.len() == 1 { "avi-controller".to_string() } else { format!("avi-controller-{}", k + 1) };
        if fit.is_none() {
            warnings.push(Warning::new(
                "",
                WarningKind::ControllerSize,
                format!("{name} manages {vs} virtual services and {ses} SEs, beyond a Large controller (5000 VS, 400 SE): split the design."),
            ));
        }
        clusters.push(ControllerCluster {
            name,
            supervisors: idx.iter().map(|&i| names[i].clone()).collect(),
            virtual_services: vs,
            service_engines: ses,
            size,
            nodes: 3,
            vcpus_per_node: vcpus,
            memory_gb_per_node: mem,
            dns_se_group: dns.clone(),
        });
    }
    TopologyPlan {
        topology: design.topology,
        nsx_managers,
        nsx_clouds,
        vcenter_clouds,
        controller_clusters: clusters,
        resources: resources_all,
        foundation_lbs: None,
    }
}
