//! PLATFORMS.md §8's worked example and the VPC errors.

use super::*;
use crate::error::Problem;
use crate::network::NetStatus;
use crate::plan::{plan_scenario, Plan};
use crate::scenario::{NamespaceGroup, PlatformKind, Scenario, SharedVpcSpec, Supervisor, VpcSeGroups};

/// The system VPC, ns1 and ns2 on VPCs of their own, ns3 and ns4 on one
/// pre-created VPC; each namespace has one TKG cluster (its API server a VS).
pub(crate) fn example() -> Scenario {
    let mut sup = Supervisor::new("vpc-sv");
    sup.platform = PlatformKind::NsxVpc;
    sup.vpc.external_blocks = vec!["192.168.100.0/24".into()];
    sup.vpc.private_tgw_blocks = vec!["172.30.0.0/16".into()];
    sup.vpc.private_cidrs = vec!["172.16.0.0/16".into()];
    sup.vpc.vpcs = vec![SharedVpcSpec::new("shared")];
    for (name, vpc) in [("ns1", None), ("ns2", None), ("ns3", Some("shared")), ("ns4", Some("shared"))] {
        let mut g = NamespaceGroup::new(name, 1);
        g.tkg_clusters = 1;
        g.vpc = vpc.map(str::to_string);
        sup.namespaces.push(g);
    }
    Scenario { supervisors: vec![sup], ..Scenario::default() }
}

fn planned(s: &Scenario) -> Plan {
    plan_scenario(s).unwrap_or_else(|e| panic!("{}", crate::error::render_all(&e)))
}

#[test]
fn the_example_gives_four_vrfs_each_hosting_a_virtual_service() {
    let plan = planned(&example());
    let sp = &plan.supervisors[0];
    assert_eq!(sp.network.status, NetStatus::Planned, "{:?}", sp.network.errors);
    assert_eq!((sp.se.load.vrfs_with_vs, sp.se.load.virtual_services), (4, 5));
    let v = sp.vpc.as_ref().unwrap();
    assert_eq!((v.vpcs_total, v.vrfs), (4, 4));
    assert_eq!(v.tenants, vec!["default".to_string()]);
    let rows: Vec<(&str, VpcKind, u64, u64, bool)> = v.vpcs.iter().map(|r| (r.name.as_str(), r.kind, r.namespaces, r.virtual_services, r.vrf)).collect();
    assert_eq!(
        rows,
        vec![
            ("system VPC", VpcKind::System, 0, 1, true),
            ("ns1-001", VpcKind::Auto, 1, 1, true),
            ("ns2-001", VpcKind::Auto, 1, 1, true),
            ("shared", VpcKind::PreCreated, 2, 2, true),
        ]
    );
    // One SE serves the four VPCs (4 interfaces, 5 VSes), one buffer.
    let e = &sp.se.service_engines;
    assert_eq!((e.carrying_load, e.total), (1, 2));
    assert_eq!(e.placement[0].vrfs, vec!["system VPC", "ns1-001", "ns2-001", "shared"]);
}

#[test]
fn a_27_subnet_gives_29_usable_and_each_vpc_its_private_demand() {
    let plan = planned(&example());
    let v = plan.supervisors[0].vpc.as_ref().unwrap();
    assert_eq!((v.subnet_prefix, v.subnet_usable), (27, 29));
    // A namespace: its segment and its cluster's (3 + 3 + 1 surge = 7 nodes): two /27s;
    // and the Avi subnet (/28) in every VPC hosting a VS.
    let by = |name: &str| v.vpcs.iter().find(|r| r.name == name).unwrap();
    assert_eq!((by("ns1-001").subnets, by("ns1-001").addresses, by("ns1-001").with_growth), (2, 64 + 16, 120));
    assert_eq!((by("shared").subnets, by("shared").addresses), (4, 128 + 16));
    assert_eq!((by("system VPC").subnets, by("system VPC").addresses), (1, 32 + 16));
    assert_eq!(by("ns1-001").capacity, Some(65536));
    assert_eq!(by("ns1-001").private_source, "supervisor");
    // External: 5 VIPs and one SNAT IP per VPC.
    let x = &v.external;
    assert_eq!((x.vips, x.snat, x.addresses, x.with_growth, x.capacity), (5, 4, 9, 14, Some(254)));
    // 50 VMs on a namespace segment take two /27s.
    let mut s = example();
    s.supervisors[0].namespaces[0].vm_service_vms = 50;
    let plan = planned(&s);
    assert_eq!(plan.supervisors[0].vpc.as_ref().unwrap().vpcs[1].subnets, 3);
}

#[test]
fn no_private_cidr_at_all_is_an_error_with_avi() {
    let mut s = example();
    s.supervisors[0].vpc.private_cidrs.clear();
    let plan = planned(&s);
    let sp = &plan.supervisors[0];
    assert_eq!(sp.network.status, NetStatus::Error);
    let e = &sp.network.errors[0];
    assert_eq!(e.path, "supervisors[0].vpc.private_cidrs");
    assert!(matches!(&e.problem, Problem::Required { .. }), "{e:?}");
    assert!(e.to_string().contains("private CIDRs must be set"), "{e}");
    // The SE answer stands.
    assert_eq!(sp.se.service_engines.total, 2);
    // A pre-created VPC with its own keeps its namespaces planned; the others still err.
    s.supervisors[0].vpc.vpcs[0].private_cidrs = vec!["172.20.0.0/20".into()];
    let plan = planned(&s);
    let e = &plan.supervisors[0].network.errors;
    assert!(e.iter().all(|e| e.path == "supervisors[0].vpc.private_cidrs"), "{e:?}");
}

#[test]
fn private_cidrs_must_not_overlap_the_profile_blocks_or_the_service_cidr() {
    let cases = [
        ("192.168.100.0/25", "supervisors[0].vpc.external_blocks[0]"),
        ("172.30.4.0/24", "supervisors[0].vpc.private_tgw_blocks[0]"),
        ("10.96.0.0/16", "supervisors[0].networks.service_cidr"),
    ];
    for (cidr, other) in cases {
        let mut s = example();
        s.supervisors[0].vpc.private_cidrs = vec![cidr.into()];
        let plan = planned(&s);
        let e = &plan.supervisors[0].network.errors;
        assert!(
            e.iter().any(|e| e.path == "supervisors[0].vpc.private_cidrs[0]"
                && matches!(&e.problem, Problem::Overlap { other_path, .. } if other_path == other)),
            "{cidr}: {e:?}"
        );
    }
    // Private CIDRs of different VPCs may overlap: they are private to each.
    let mut s = example();
    s.supervisors[0].namespaces[0].private_cidrs = vec!["172.16.0.0/20".into()];
    s.supervisors[0].vpc.vpcs[0].private_cidrs = vec!["172.16.0.0/24".into()];
    assert_eq!(planned(&s).supervisors[0].network.status, NetStatus::Planned);
}

#[test]
fn inherited_private_cidrs_can_be_taken_as_not_enough() {
    let mut s = example();
    s.supervisors[0].vpc.inherited_private_cidrs_suffice = Some(false);
    let plan = planned(&s);
    let paths: Vec<&str> = plan.supervisors[0].network.errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["supervisors[0].namespaces[0].private_cidrs", "supervisors[0].namespaces[1].private_cidrs"]);
    s.supervisors[0].namespaces[0].private_cidrs = vec!["172.17.0.0/24".into()];
    s.supervisors[0].namespaces[1].private_cidrs = vec!["172.17.0.0/24".into()];
    assert_eq!(planned(&s).supervisors[0].network.status, NetStatus::Planned);
}

#[test]
fn too_small_blocks_are_errors_and_no_external_block_is_not_planned() {
    let mut s = example();
    s.supervisors[0].vpc.vpcs[0].private_cidrs = vec!["172.20.0.0/25".into()];
    let plan = planned(&s);
    let e = &plan.supervisors[0].network.errors;
    assert!(e.iter().any(|e| e.path == "supervisors[0].vpc.vpcs[0].private_cidrs"
        && matches!(e.problem, Problem::TooFewAddresses { needed: 144, available: 128, .. })), "{e:?}");
    let mut s = example();
    s.supervisors[0].vpc.external_blocks.clear();
    let plan = planned(&s);
    let sp = &plan.supervisors[0];
    assert_eq!(sp.network.status, NetStatus::NotPlanned);
    assert_eq!(sp.network.errors[0].path, "supervisors[0].vpc.external_blocks");
    assert!(sp.network.errors[0].to_string().contains("9 addresses (5 VIPs, 4 SNAT IPs), 14 with 50% growth: a /28 or larger"));
    s.supervisors[0].vpc.external_blocks = vec!["192.168.100.0/29".into()];
    assert!(planned(&s).supervisors[0].network.errors.iter().any(|e| matches!(e.problem, Problem::TooFewAddresses { needed: 9, available: 6, .. })));
}

#[test]
fn dedicated_se_groups_per_vpc_add_up() {
    let mut s = example();
    s.supervisors[0].vpc.se_groups = Some(VpcSeGroups::PerVpc);
    let plan = planned(&s);
    let se = &plan.supervisors[0].se;
    // The Supervisor's group: the system VPC's one VS.
    assert_eq!((se.load.virtual_services, se.service_engines.total), (1, 2));
    let groups: Vec<(&str, u32, u64, u32)> = se.dedicated_groups.iter().map(|g| (g.name.as_str(), g.count, g.virtual_services, g.total)).collect();
    assert_eq!(groups, vec![("ns1-001", 1, 1, 2), ("ns2-001", 1, 1, 2), ("shared", 1, 2, 2)]);
    assert_eq!((se.all_service_engines(), se.all_virtual_services(), se.all_resources().service_units), (8, 5, 8));
    assert_eq!(plan.topology.controller_clusters[0].service_engines, 8);
    assert_eq!(plan.topology.resources.service_units, 8);
    assert!(plan.rules.applied.contains(&crate::rules::RuleId::VpcSeGroupsPerVpc));
    // Alike auto-created VPCs are sized once and counted.
    let mut s = example();
    s.supervisors[0].vpc.se_groups = Some(VpcSeGroups::PerVpc);
    s.supervisors[0].namespaces[0].count = 500;
    let se = planned(&s).supervisors[0].se.clone();
    assert_eq!((se.dedicated_groups[0].name.as_str(), se.dedicated_groups[0].count), ("ns1-001 … ns1-500", 500));
    assert_eq!(se.all_service_engines(), 2 + 500 * 2 + 2 + 2);
}

#[test]
fn the_nsx_lb_runs_one_per_vpc_small_on_auto_created_ones() {
    let mut s = example();
    s.supervisors[0].nsx_lb = Some(Default::default());
    let plan = planned(&s);
    let p = plan.supervisors[0].nsx_lb.as_ref().unwrap();
    let rows: Vec<(&str, u64, u64)> = p.instances.iter().map(|r| (r.name.as_str(), r.count, r.virtual_servers)).collect();
    assert_eq!(rows, vec![("system VPC", 1, 1), ("ns1-001", 1, 1), ("ns2-001", 1, 1), ("shared", 1, 2)]);
    assert_eq!(p.edges.used, 4);
    // An auto-created VPC over SMALL cannot take a bigger size: the fix says so.
    s.supervisors[0].namespaces[0].lb_services_per_cluster = 25;
    let plan = planned(&s);
    let f = plan.supervisors[0].nsx_lb.as_ref().unwrap().findings.iter().find(|f| f.path == "supervisors[0].namespaces[0].vpc").unwrap();
    assert!(f.fix.as_deref().unwrap().contains("always gets a SMALL load balancer"), "{f:?}");
}

#[test]
fn vpc_inputs_are_checked_at_their_fields() {
    use crate::design::validate;
    let first = |f: &dyn Fn(&mut Scenario)| {
        let mut s = example();
        f(&mut s);
        validate(&s).unwrap_err()[0].to_string()
    };
    assert_eq!(
        first(&|s| s.supervisors[0].namespaces[2].vpc = Some("other".into())),
        "supervisors[0].namespaces[2].vpc: must be one of the pre-created VPCs (shared), got other"
    );
    assert!(first(&|s| s.supervisors[0].networks.ingress_cidr = vec!["10.0.0.0/24".into()])
        .starts_with("supervisors[0].networks.ingress_cidr: VPC Supervisors have no Ingress"));
    assert!(first(&|s| s.supervisors[0].namespaces[2].private_cidrs = vec!["10.9.0.0/24".into()])
        .starts_with("supervisors[0].namespaces[2].private_cidrs: namespaces on a pre-created VPC use its private CIDRs"));
    assert_eq!(first(&|s| s.supervisors[0].vpc.avi_subnet_prefix = Some(30)), "supervisors[0].vpc.avi_subnet_prefix: must be at most 29, got 30");
    assert_eq!(first(&|s| s.supervisors[0].vpc.vpcs[0].project = Some(" ".into())), "supervisors[0].vpc.vpcs[0].project: must not be empty");
    // VPC inputs elsewhere name the platform.
    let mut s = example();
    s.supervisors[0].platform = PlatformKind::NsxAvi;
    let e = validate(&s).unwrap_err();
    assert_eq!(e[0].path, "supervisors[0].vpc");
    assert!(e.iter().any(|e| e.path == "supervisors[0].namespaces[2].vpc"));
}

#[test]
fn projects_are_tenants() {
    let mut s = example();
    s.supervisors[0].vpc.vpcs[0].project = Some("finance".into());
    let plan = planned(&s);
    assert_eq!(plan.supervisors[0].vpc.as_ref().unwrap().tenants, vec!["default".to_string(), "finance".into()]);
}

#[test]
fn switching_to_vpc_and_back_clears_what_the_other_refuses() {
    let mut s = example();
    let cleared = s.supervisors[0].set_platform(PlatformKind::NsxAvi);
    assert!(cleared.contains(&"vpc".to_string()), "{cleared:?}");
    assert!(crate::design::validate(&s).is_ok());
    let mut s = Scenario::default();
    s.supervisors[0].namespaces[0].t0 = crate::scenario::T0Mode::Dedicated;
    s.supervisors[0].set_platform(PlatformKind::NsxVpc);
    // No private CIDR and no external block yet: valid, the networks say what they need.
    let plan = planned(&s);
    assert_ne!(plan.supervisors[0].network.status, NetStatus::Planned);
    assert_eq!(plan.supervisors[0].vpc.as_ref().unwrap().subnet_prefix, 27);
}
