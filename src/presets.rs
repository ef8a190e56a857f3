//! Ready-made scenarios for the topologies of the seed blog series (vxplanet,
//! "vSphere Supervisor networking with NSX and AVI", parts 3-11), one click each in
//! the UI and `sizer preset NAME` on the command line.

use crate::scenario::{
    HaMode, NamespaceGroup, NsxLbSpec, PlatformKind, RangeSpec, Scenario, SeGroupSpec, SharedVpcSpec, SubnetSpec, Supervisor,
    T0Mode, Topology, WorkloadNetworkSpec,
};

pub struct Preset {
    pub key: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub scenario: Scenario,
}

fn group(name: &str, count: u32, clusters: u32, lb: u32) -> NamespaceGroup {
    let mut g = NamespaceGroup::new(name, count);
    g.tkg_clusters = clusters;
    g.lb_services_per_cluster = lb;
    g
}

fn supervisor(name: &str, pool: &str, groups: Vec<NamespaceGroup>) -> Supervisor {
    let mut s = Supervisor::new(name);
    s.networks.address_pool = vec![pool.to_string()];
    s.namespaces = groups;
    s
}

fn scenario(topology: Topology, supervisors: Vec<Supervisor>) -> Scenario {
    Scenario { topology, supervisors, ..Scenario::default() }
}

fn ranges(address: &str, count: u32) -> Vec<RangeSpec> {
    vec![RangeSpec { address: address.to_string(), count }]
}

/// PLATFORMS.md §4's worked example on VDS with Avi (routed SEs), every network
/// given: namespace `a` (2 clusters of 3 + 3 nodes, 5 LoadBalancer Services each) on
/// the primary `wl-1`, namespace `b` (1 cluster of 1 + 2) on `wl-2`. The Foundation
/// Load Balancer's VIP range is given too, so its side of the comparison is complete.
pub fn vds() -> Scenario {
    let mut sup = Supervisor::new("vds-supervisor");
    sup.platform = PlatformKind::Vds;
    sup.networks.management_start = Some("10.30.0.10".into());
    let network = |name: &str, subnet: &str, first: &str, count: u32| WorkloadNetworkSpec {
        name: name.into(),
        subnet: Some(subnet.into()),
        ranges: ranges(first, count),
    };
    sup.vds.workload_networks =
        vec![network("wl-1", "10.30.1.0/24", "10.30.1.10", 40), network("wl-2", "10.30.2.0/24", "10.30.2.10", 20)];
    sup.vds.data_network = SubnetSpec { subnet: Some("10.30.10.0/24".into()), ranges: ranges("10.30.10.10", 50) };
    sup.vds.flb.vip_ranges = ranges("10.30.1.100", 30);
    let mut a = group("a", 1, 2, 5);
    a.workload_network = Some("wl-1".into());
    let mut b = group("b", 1, 1, 0);
    b.control_plane_nodes = 1;
    b.worker_nodes = 2;
    b.workload_network = Some("wl-2".into());
    sup.namespaces = vec![a, b];
    scenario(Topology::Single, vec![sup])
}

/// PLATFORMS.md §7's worked example: 10 namespaces, each with 2 TKG clusters and 5
/// one-port LoadBalancer Services (given as the namespace's Services), compared with
/// the NSX load balancer at its defaults (SMALL, 2 Large edges).
pub fn nsx_lb() -> Scenario {
    let mut g = NamespaceGroup::new("ns", 10);
    g.tkg_clusters = 2;
    g.pod_lb_services = 5;
    let mut sup = supervisor("supervisor-1", "10.220.0.0/16", vec![g]);
    sup.nsx_lb = Some(NsxLbSpec::default());
    scenario(Topology::Single, vec![sup])
}

/// PLATFORMS.md §8's worked example on NSX VPCs: the system VPC, ns1 and ns2 on VPCs
/// of their own, ns3 and ns4 on one pre-created VPC, each namespace with one TKG
/// cluster; the connectivity profile's blocks and the private CIDRs given.
pub fn vpc() -> Scenario {
    let mut sup = Supervisor::new("vpc-supervisor");
    sup.platform = PlatformKind::NsxVpc;
    sup.networks.management_start = Some("10.40.0.10".into());
    sup.vpc.external_blocks = vec!["192.168.100.0/24".into()];
    sup.vpc.private_tgw_blocks = vec!["172.30.0.0/16".into()];
    sup.vpc.private_cidrs = vec!["172.16.0.0/16".into()];
    sup.vpc.vpcs = vec![SharedVpcSpec { private_cidrs: vec!["172.20.0.0/20".into()], ..SharedVpcSpec::new("shared-vpc") }];
    for (name, vpc) in [("ns1", None), ("ns2", None), ("ns3", Some("shared-vpc")), ("ns4", Some("shared-vpc"))] {
        let mut g = group(name, 1, 1, 0);
        g.vpc = vpc.map(str::to_string);
        sup.namespaces.push(g);
    }
    scenario(Topology::Single, vec![sup])
}

/// Every preset, in the order the UI lists them.
pub fn all() -> Vec<Preset> {
    let single = Scenario::default();

    let mut custom = scenario(
        Topology::Single,
        vec![supervisor("supervisor-1", "10.220.0.0/16", vec![group("team", 6, 1, 2), group("tenant-custom", 2, 2, 3)])],
    );
    {
        let g = &mut custom.supervisors[0].namespaces[1];
        g.ingress_cidr = vec!["172.20.10.0/24".into()];
        g.egress_cidr = vec!["172.20.11.0/24".into()];
        g.namespace_network = vec!["172.20.0.0/21".into()];
    }

    let mut dedicated = scenario(
        Topology::Single,
        vec![supervisor(
            "supervisor-1",
            "10.220.0.0/16",
            vec![group("team", 6, 1, 2), group("dmz", 2, 1, 4), group("partner-vrf", 2, 1, 2)],
        )],
    );
    {
        let gs = &mut dedicated.supervisors[0].namespaces;
        gs[1].t0 = T0Mode::Dedicated;
        gs[1].nat = Some(false);
        gs[2].t0 = T0Mode::Vrf;
    }

    let shared_tz = scenario(
        Topology::SharedTransportZone,
        vec![
            supervisor("supervisor-a", "10.220.0.0/16", vec![group("team", 8, 1, 2)]),
            supervisor("supervisor-b", "10.221.0.0/16", vec![group("team", 8, 1, 2)]),
        ],
    );
    let dedicated_tz = Scenario { topology: Topology::DedicatedTransportZones, ..shared_tz.clone() };
    let multi_nsx = Scenario { topology: Topology::MultiNsx, ..shared_tz.clone() };

    let mut three_zone = scenario(
        Topology::Single,
        vec![supervisor("supervisor-zonal", "10.220.0.0/16", vec![group("team", 12, 2, 3)])],
    );
    three_zone.se_group = SeGroupSpec { ha_mode: Some(HaMode::ActiveActive), max_se: Some(40), ..Default::default() };
    three_zone.supervisors[0].zones = 3;
    three_zone.supervisors[0].survive_zone_loss = true;

    // The seed's claim: SE group of 2 SEs, scale factor 2, one VS per namespace, "up
    // to 10 namespaces". That needs 10 data interfaces and no VS on the Supervisor's
    // T1; an SE VM has 9, so the preset computes with 9 and says why.
    let mut seed_claim = scenario(
        Topology::Single,
        vec![supervisor("supervisor-1", "10.220.0.0/16", vec![group("ns", 9, 1, 0)])],
    );
    seed_claim.se_group = SeGroupSpec { ha_mode: Some(HaMode::ActiveActive), buffer_ses: Some(0), ..Default::default() };

    vec![
        Preset { key: "single", title: "Single Supervisor", summary: "One Supervisor, namespaces inheriting its networks (parts 3-4).", scenario: single },
        Preset { key: "custom-networks", title: "Custom Ingress/Egress", summary: "Namespaces with their own Ingress, Egress and namespace networks (part 5).", scenario: custom },
        Preset { key: "dedicated-t0-vrf", title: "Dedicated T0 / VRF", summary: "Namespaces on a dedicated T0 (routed) and on a T0 VRF gateway (parts 6-7).", scenario: dedicated },
        Preset { key: "shared-tz", title: "Multi-Supervisor, shared TZ", summary: "Two Supervisors on one overlay transport zone: one Avi NSX cloud (part 8).", scenario: shared_tz },
        Preset { key: "dedicated-tz", title: "Multi-Supervisor, dedicated TZs", summary: "Two Supervisors, a transport zone and an Avi NSX cloud each (part 9).", scenario: dedicated_tz },
        Preset { key: "multi-nsx", title: "Multi-NSX", summary: "One NSX and one Avi controller cluster per Supervisor (part 10).", scenario: multi_nsx },
        Preset { key: "three-zone", title: "Three-zone Supervisor", summary: "Zonal Supervisor, Active/Active SEs spread across three zones, surviving a zone loss (part 11).", scenario: three_zone },
        Preset {
            key: "seed-claim",
            title: "Seed claim: 2 SEs for 10 namespaces?",
            summary: "The blog's rule of thumb needs 10 data interfaces per SE; an SE VM has 9 (10 vNICs, one for management). \
                      With 9, 2 SEs carry the Supervisor and 8 namespaces; the 9th brings two more.",
            scenario: seed_claim,
        },
        Preset { key: "vds", title: "VDS with Avi", summary: "A Supervisor on VDS networking: two workload networks, Avi on a vCenter cloud, the Foundation Load Balancer beside it (PLATFORMS.md section 4).", scenario: vds() },
        Preset {
            key: "nsx-lb",
            title: "NSX load balancer vs Avi",
            summary: "10 namespaces of 2 TKG clusters and 5 one-port LoadBalancer Services: 11 SMALL NSX load balancers on 2 Large edges beside 9 Avi SEs (PLATFORMS.md section 7).",
            scenario: nsx_lb(),
        },
        Preset {
            key: "vpc",
            title: "NSX VPCs with Avi",
            summary: "A VCF 9 Supervisor on NSX VPCs: two namespaces on VPCs of their own, two sharing a pre-created VPC: 4 Avi VRFs with the system VPC (PLATFORMS.md section 8).",
            scenario: vpc(),
        },
    ]
}

/// The preset with this key.
pub fn find(key: &str) -> Option<Preset> {
    all().into_iter().find(|p| p.key == key)
}
