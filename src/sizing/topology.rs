//! The roll-up over Supervisors: NSX managers, Avi NSX clouds and controller
//! clusters, each cluster sized by the VSes and SEs it manages, with the DNS SE
//! group each one runs.

use crate::design::{Design, DnsDesign, SupervisorDesign};
use crate::error::{Warning, WarningKind};
use crate::scenario::{AviLicence, EdgeProvider, PlatformKind, Topology};

use crate::rules::RuleSet;

use super::effective;
use super::limits::spread_limit;
use super::resources::{add, resources};
use super::simulate::{SimConfig, Simulator};
use super::totals::Totals;
use super::{ControllerCluster, DnsPlan, Resources, SePlan, TopologyPlan};

/// An Avi controller size: vCPU and memory per node, and the most virtual
/// services and SEs a cluster of that size manages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ControllerSize {
    pub name: &'static str,
    pub vcpus: u32,
    pub memory_gb: u32,
    /// A secondary figure (a VMware reference design quoting configmax).
    pub max_vs: u64,
    /// From [`ControllerSize::source`].
    pub max_se: u64,
    /// Where the size and its SE range come from.
    pub source: &'static str,
}

const AVI_30_2: &str = "Avi 30.2 installation guide";

const fn size(name: &'static str, vcpus: u32, memory_gb: u32, max_vs: u64, max_se: u64) -> ControllerSize {
    ControllerSize { name, vcpus, memory_gb, max_vs, max_se, source: AVI_30_2 }
}

/// Avi 30.2 controller sizes (installation guide; LIMITS.md A1, VS ranges A2). The
/// Essentials size is only for the Essentials licence on a vCenter cloud, never
/// NSX with Enterprise.
pub const CONTROLLER_SIZES: [ControllerSize; 3] =
    [size("small", 6, 32, 200, 100), size("medium", 10, 32, 1_000, 200), size("large", 16, 48, 5_000, 400)];

/// The Essentials size (4 vCPU / 24 GB, up to 10 SEs and 50 virtual services): only
/// for the Essentials licence on a vCenter cloud (VDS), never NSX with Enterprise.
pub const CONTROLLER_ESSENTIALS: ControllerSize =
    ControllerSize { name: "essentials", vcpus: 4, memory_gb: 24, max_vs: 50, max_se: 10, source: "Avi 22.1 and 30.1 controller sizing" };

/// Rules 1: the Avi 22.1 table, Essentials included.
pub const CONTROLLER_SIZES_22_1: [ControllerSize; 4] = [
    CONTROLLER_ESSENTIALS,
    ControllerSize { source: "Avi 22.1 controller sizing", ..size("small", 6, 24, 200, 100) },
    ControllerSize { source: "Avi 22.1 controller sizing", ..size("medium", 10, 32, 1_000, 200) },
    ControllerSize { source: "Avi 22.1 controller sizing", ..size("large", 16, 48, 5_000, 400) },
];

/// Sizes the DNS SE group of one controller cluster (current rules).
pub fn size_dns(dns: &DnsDesign) -> DnsPlan {
    size_dns_with(dns, RuleSet::current())
}

fn size_dns_with(dns: &DnsDesign, rules: RuleSet) -> DnsPlan {
    let se = effective(&dns.se, rules);
    let totals = Totals { se, zones: 1, survive_zone_loss: false };
    let mut sim = Simulator::new(SimConfig { max_se: spread_limit(&totals, se.max_se, rules), ..SimConfig::from(&se) });
    sim.place(&[0], dns.virtual_services);
    let n = sim.count();
    let (total, _) = totals.of(n);
    DnsPlan {
        virtual_services: dns.virtual_services,
        carrying_load: n,
        buffer: total - n,
        total,
        resources: resources(total as u64, &se),
    }
}

/// The smallest size holding `vs` virtual services and `ses` SEs, and why that size.
fn controller_size(sizes: &[ControllerSize], vs: u64, ses: u64) -> Option<(ControllerSize, String)> {
    let by_se = sizes.iter().position(|s| ses <= s.max_se)?;
    let by_vs = sizes.iter().position(|s| vs <= s.max_vs)?;
    let chosen = *sizes.get(by_se.max(by_vs))?;
    let why = if by_vs > by_se {
        format!(
            "{}: its {vs} virtual services are above the next smaller size's range; the VS ranges are a secondary figure \
             (a VMware reference design quoting configmax), its {ses} SEs alone would fit a smaller size",
            chosen.name
        )
    } else {
        format!("{}: holds up to {} SEs ({}) and {} virtual services", chosen.name, chosen.max_se, chosen.source, chosen.max_vs)
    };
    Some((chosen, why))
}

/// Whether a Supervisor's load balancer is Avi (on NSX, or on VDS with Avi as the
/// edge): it then has an SE group and an Avi controller cluster manages it.
pub fn runs_avi(sup: &SupervisorDesign) -> bool {
    sup.vds.as_ref().is_none_or(|v| v.edge == EdgeProvider::Avi)
}

/// Maps Supervisors onto NSX managers, NSX clouds and Avi controller clusters, and
/// sizes each controller cluster by the VSes and SEs it manages (current rules).
///
/// The topologies describe how NSX and Avi are shared. A VDS Supervisor has no NSX:
/// it counts no NSX manager or NSX cloud; with Avi it has a vCenter cloud of its own
/// and joins the controller clusters as an NSX Supervisor would (one for all, or one
/// each with `multi_nsx`); with the Foundation Load Balancer it has no Avi at all.
pub fn topology(design: &Design, groups: &[SePlan], warnings: &mut Vec<Warning>) -> TopologyPlan {
    topology_with(design, groups, warnings, RuleSet::current())
}

/// [`topology`] under `rules`.
pub fn topology_with(design: &Design, groups: &[SePlan], warnings: &mut Vec<Warning>, rules: RuleSet) -> TopologyPlan {
    let names: Vec<String> = design.supervisors.iter().map(|s| s.name.clone()).collect();
    let count = design.supervisors.iter().filter(|s| s.platform != PlatformKind::Vds).count() as u32;
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
    let dns = design.dns.as_ref().map(|d| size_dns_with(d, rules));
    let sizes: &[ControllerSize] = if rules.controller_sizes_30_2() { &CONTROLLER_SIZES } else { &CONTROLLER_SIZES_22_1 };
    let mut resources_all = Resources { vcpus: 0, memory_gb: 0, disk_gb: 0, service_units: 0 };
    let mut clusters = Vec::new();
    for (k, idx) in members.iter().enumerate() {
        let mut vs: u64 = idx.iter().map(|&i| groups[i].all_virtual_services()).sum();
        let mut ses: u64 = idx.iter().map(|&i| groups[i].all_service_engines()).sum();
        for &i in idx {
            resources_all = add(resources_all, groups[i].all_resources());
        }
        if let Some(d) = &dns {
            vs += d.virtual_services as u64;
            ses += d.total as u64;
            resources_all = add(resources_all, d.resources);
        }
        // Essentials only when every Supervisor it manages runs the Essentials licence
        // on a vCenter cloud (VDS); under rules 1 the table had it for everyone.
        let essentials = idx.iter().all(|&i| {
            design.supervisors.get(i).and_then(|s| s.vds.as_ref()).is_some_and(|v| v.licence == AviLicence::Essentials)
        });
        let with_essentials: Vec<ControllerSize>;
        let sizes = if essentials && rules.controller_sizes_30_2() {
            with_essentials = std::iter::once(CONTROLLER_ESSENTIALS).chain(sizes.iter().copied()).collect();
            &with_essentials[..]
        } else {
            sizes
        };
        let fit = controller_size(sizes, vs, ses);
        let largest = sizes.last().copied().unwrap_or(CONTROLLER_SIZES[2]);
        let name = if members.len() == 1 { "avi-controller".to_string() } else { format!("avi-controller-{}", k + 1) };
        let (chosen, why) = fit.unwrap_or_else(|| {
            let why = format!(
                "beyond a Large controller: {} SEs ({}) and {} virtual services (secondary figure)",
                largest.max_se, largest.source, largest.max_vs
            );
            warnings.push(Warning::new(
                "",
                WarningKind::ControllerSize,
                format!("{name} manages {vs} virtual services and {ses} SEs, {why}: split the design."),
            ));
            (largest, why)
        });
        clusters.push(ControllerCluster {
            name,
            supervisors: idx.iter().map(|&i| names[i].clone()).collect(),
            virtual_services: vs,
            service_engines: ses,
            size: chosen.name,
            size_reason: why,
            nodes: 3,
            vcpus_per_node: chosen.vcpus,
            memory_gb_per_node: chosen.memory_gb,
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
