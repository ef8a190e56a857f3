//! The snippets of a Supervisor on NSX VPCs:
//!
//! - [`terraform`]: one `nsxt_vpc` and `nsxt_vpc_attachment` (vmware/nsxt provider
//!   3.12.0) per pre-created VPC its namespaces share, with the VPC's private CIDRs
//!   and its load balancer endpoint enabled for Avi (NSX API
//!   `LoadBalancerVPCEndpoint`; Avi discovers only VPCs with it on); then a
//!   `vsphere_supervisor_v2` (vmware/vsphere 2.16.0) whose workload network is
//!   `nsx_vpc` with the NSX project, the connectivity profile and the Supervisor's
//!   default private CIDRs, and an `nsx` edge: NSX-managed edge services, which
//!   detect the edge NSX has (the vSphere 9.0 API: `NSX_LB`, or
//!   `NSX_REGISTERED_AVI` when Avi is entitled). What the resource cannot express
//!   (namespaces on VPCs, their own private CIDRs, SE groups per VPC) is said in
//!   comments. A Supervisor whose networks are not planned gets a "not applicable"
//!   text with the reasons.
//! - [`avi`]: the SE group fields as on NSX (an NSX cloud, here in VPC mode), and
//!   with SE groups per VPC the dedicated groups and how a namespace names its group
//!   (vSphere API 9.1 `AviCreateSpec.se_group_name`).
//! - [`nsx`]: no T0 route aggregation (VPCs route through their transit gateway).

use super::vds::{cidr_range, control_plane_block, supervisor_head, Hcl};
use super::{comment, not_planned, one_line, resource_label};
use crate::plan::SupervisorPlan;
use crate::platform::nsx_vpc::{VpcKind, VpcPlan};

/// The vmware/nsxt provider version the VPC resources are written for.
pub const NSXT_PROVIDER_VERSION: &str = "3.12.0";

fn vpc_of(sp: &SupervisorPlan) -> Option<&VpcPlan> {
    sp.vpc.as_ref()
}

/// An NSX id from a name: lower-case letters, digits and dashes.
fn nsx_id(name: &str) -> String {
    let id: String = name.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    let id = id.trim_matches('-').to_string();
    if id.is_empty() {
        "vpc".into()
    } else {
        id
    }
}

/// The project id a `context` names: NSX's own `default`, else a placeholder.
fn project_id(project: &str) -> String {
    if project == crate::design::DEFAULT_PROJECT {
        project.to_string()
    } else {
        format!("<{}-project-id>", one_line(project))
    }
}

/// A VPC Supervisor as Terraform: its pre-created VPCs and the Supervisor.
pub fn terraform(sp: &SupervisorPlan) -> String {
    let Some(v) = vpc_of(sp) else { return String::new() };
    let name = one_line(&sp.name);
    let mut h = Hcl { out: String::new(), depth: 0 };
    h.line(&format!(
        "# Supervisor {name}: NSX VPCs. vmware/nsxt provider {NSXT_PROVIDER_VERSION} (nsxt_vpc, nsxt_vpc_attachment) for its pre-created VPCs, vmware/vsphere {} (vsphere_supervisor_v2) for the Supervisor.",
        super::VSPHERE_PROVIDER_V2_VERSION
    ));
    if !sp.networks_planned() {
        not_planned(&mut h.out, sp);
        return h.out;
    }
    h.note("Values in <...> are yours to fill in. The Supervisor resource can be created, not updated or imported.");
    for r in v.vpcs.iter().filter(|r| r.kind == VpcKind::PreCreated) {
        let id = nsx_id(&r.name);
        let label = resource_label(&r.name);
        h.line("");
        h.note(&format!(
            "Pre-created VPC {} for namespace group(s) {}: {} namespaces, {} virtual services, {} private addresses ({} with growth).",
            one_line(&r.name),
            r.groups.join(", "),
            r.namespaces,
            r.virtual_services,
            r.addresses,
            r.with_growth
        ));
        h.line(&format!("resource \"nsxt_vpc\" \"{label}\" {{"));
        h.depth = 1;
        h.open("context");
        h.string("project_id", &project_id(&r.project));
        h.close();
        h.string("nsx_id", &id);
        h.string("display_name", &r.name);
        h.list("private_ips", &r.private_cidrs.iter().map(String::as_str).collect::<Vec<_>>());
        h.note("Avi discovers the VPCs whose load balancer endpoint is enabled; its SEs take a subnet of the private IPs.");
        h.open("load_balancer_vpc_endpoint");
        h.line("enabled = true");
        h.close();
        h.depth = 0;
        h.line("}");
        h.line("");
        h.line(&format!("resource \"nsxt_vpc_attachment\" \"{label}\" {{"));
        h.depth = 1;
        h.string("display_name", &format!("{}-attachment", r.name));
        h.string("parent_path", &format!("/orgs/default/projects/{}/vpcs/{id}", project_id(&r.project)));
        h.string("vpc_connectivity_profile", &format!("/orgs/default/projects/{}/vpc-connectivity-profiles/<profile-id>", project_id(&r.project)));
        h.depth = 0;
        h.line("}");
    }
    h.line("");
    for r in v.vpcs.iter().filter(|r| r.kind == VpcKind::Auto && r.private_source == "own") {
        h.note(&format!(
            "Namespaces {} bring their own private CIDRs ({}): vsphere_supervisor_v2 has no argument for them; give them when \
             creating the namespaces (vSphere API VpcNetworkCreateSpec.vpc_config.private_cidrs).",
            one_line(&r.name),
            r.private_cidrs.join(", ")
        ));
    }
    h.note(
        "Namespaces are created apart from the Supervisor (vSphere API Namespaces.Instances): each on a VPC of its own, or on a \
         pre-created one (VpcNetworkCreateSpec.vpc, its NSX path).",
    );
    supervisor_head(&mut h, sp);
    let range = v.management_range.as_deref().and_then(|r| {
        let (a, b) = r.split_once('-')?;
        let (x, y) = (a.parse::<std::net::Ipv4Addr>().ok()?, b.parse::<std::net::Ipv4Addr>().ok()?);
        Some((a.to_string(), u64::from(u32::from(y)) - u64::from(u32::from(x)) + 1))
    });
    control_plane_block(&mut h, sp, None, range, u64::from(crate::design::defaults::MANAGEMENT_ADDRESSES));
    h.line("");
    h.open("workloads");
    h.open("network");
    h.string("network", "<workload-network-name>");
    h.line("");
    h.open("nsx_vpc");
    h.string("nsx_project", &format!("<{}-project-id>", one_line(&v.project)));
    h.string("vpc_connectivity_profile", "<vpc-connectivity-profile-id>");
    let system = v.vpcs.iter().find(|r| r.kind == VpcKind::System);
    for c in system.map(|r| r.private_cidrs.as_slice()).unwrap_or_default() {
        if let Some((address, prefix)) = c.split_once('/') {
            h.open("default_private_cidr");
            h.string("address", address);
            h.line(&format!("prefix = {prefix}"));
            h.close();
        }
    }
    h.close();
    h.note(&format!(
        "Namespace subnets: /{} ({} usable each) is the vSphere default (VpcNetworkCreateSpec.default_subnet_size), set per \
         namespace; the resource has no argument for it.",
        v.subnet_prefix, v.subnet_usable
    ));
    if let Some((address, count)) = cidr_range(&v.service_cidr) {
        h.line("");
        h.open("ip_management");
        h.open("ip_assignment");
        h.string("assignee", "SERVICE");
        h.range("range", &address, count);
        h.close();
        h.close();
    }
    h.close();
    h.line("");
    h.open("edge");
    h.note(
        "NSX-managed edge services: the Supervisor detects the edge NSX has, NSX_REGISTERED_AVI when Avi is registered with NSX \
         and entitled, else NSX_LB (vSphere API 9.0 Supervisors.Networks.Edges.EdgeProvider). Avi's VIPs come from the \
         connectivity profile's external IP blocks, not from lb_address_range.",
    );
    if !sp.se.dedicated_groups.is_empty() {
        h.note("SE groups per VPC: the dedicated groups are Avi objects (see the Avi snippet), not arguments of this resource.");
    }
    h.line("nsx {}");
    h.close();
    h.line("");
    h.line("kube_api_server_options {}");
    h.close();
    h.depth = 0;
    h.line("}");
    h.out
}

/// The SE group fields as on NSX, and the dedicated groups per VPC.
pub fn avi(sp: &SupervisorPlan) -> String {
    let mut out = super::avi(sp);
    let Some(v) = vpc_of(sp) else { return out };
    out.push('\n');
    comment(
        &mut out,
        "",
        &format!(
            "NSX VPCs: the NSX cloud runs in VPC mode (Avi 30.2): each NSX project is a tenant ({}), each VPC a VRF ({} host a \
             virtual service), and the SEs are deployed in provider mode.",
            v.tenants.join(", "),
            v.vrfs
        ),
    );
    if !sp.se.dedicated_groups.is_empty() {
        let groups: Vec<String> = sp
            .se
            .dedicated_groups
            .iter()
            .map(|g| {
                let each = if g.count > 1 { format!(" x {}", g.count) } else { String::new() };
                format!("{}: {} SEs{each}", g.name, g.total)
            })
            .collect();
        comment(
            &mut out,
            "",
            &format!(
                "SE groups per VPC: create one group per VPC with the fields above (a POST as in A, its name your own): {}. A \
                 namespace names its group with vSphere API 9.1 Namespaces.Instances AviCreateSpec.se_group_name; without it AKO \
                 places its virtual services on Default-Group.",
                groups.join("; ")
            ),
        );
    }
    out
}

/// No T0 to aggregate on: VPCs route through their transit gateway.
pub fn nsx(sp: &SupervisorPlan) -> String {
    let name = one_line(&sp.name);
    let mut out = format!("# Supervisor {name}: T0 route aggregation (NSX Policy API) does not apply.\n");
    comment(
        &mut out,
        "",
        "This Supervisor runs on NSX VPCs: VIPs and SNAT IPs come from the connectivity profile's external IP blocks and route \
         through the project's transit gateway, not as /32 routes on a T0 per namespace. The pre-created VPCs are in the \
         Terraform snippet (nsxt_vpc).",
    );
    out
}
