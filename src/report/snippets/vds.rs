//! The snippets of a Supervisor on VDS networking:
//!
//! - [`terraform`]: a `vsphere_supervisor_v2` resource (vmware/vsphere provider
//!   2.16.0, formerly hashicorp/vsphere): `vsphere_supervisor` is NSX only (it sets
//!   the NSX container plugin as the network provider) and deprecated. It carries the
//!   control plane (count and size), the primary workload network with its node and
//!   service ranges, and the `edge` block: `nsx_advanced` for Avi, `foundation` for
//!   the Foundation Load Balancer. The provider infers the edge provider from that
//!   block, so no `provider` argument is written (the resource docs' example has one
//!   the schema lacks). Workload networks beyond the primary have no argument in the
//!   resource: comments list them.
//! - [`avi`]: the SE group on the vCenter cloud. Unlike NSX, where the Supervisor's
//!   AKO clones the cloud's SE group template, on VDS its AKO (advanced L4 mode) uses
//!   the cloud's SE group whose one marker is `clustername` = the Supervisor's cluster
//!   ID, else `Default-Group` (ako `FetchSEGroupWithMarkerSet`); a marker's key is an
//!   Enterprise field, so under Essentials only `Default-Group` applies.
//! - [`nsx`]: nothing to configure, said in one comment.

use serde_json::{json, Map, Value};

use super::{comment, one_line, request, resource_label, se_group_fields, AVI_API_VERSION};
use crate::plan::SupervisorPlan;
use crate::platform::vds::{NetDemand, VdsPlan};
use crate::scenario::{AviLicence, EdgeProvider, FlbTopology};

/// The vmware/vsphere provider version `vsphere_supervisor_v2` is written for (its first).
pub const VSPHERE_PROVIDER_V2_VERSION: &str = "2.16.0";

/// HCL text with nested blocks, two spaces an indent.
pub(super) struct Hcl {
    pub(super) out: String,
    pub(super) depth: usize,
}

impl Hcl {
    pub(super) fn line(&mut self, text: &str) {
        if text.is_empty() {
            self.out.push('\n');
        } else {
            self.out.push_str(&"  ".repeat(self.depth));
            self.out.push_str(text);
            self.out.push('\n');
        }
    }
    pub(super) fn open(&mut self, name: &str) {
        self.line(&format!("{name} {{"));
        self.depth += 1;
    }
    pub(super) fn close(&mut self) {
        self.depth = self.depth.saturating_sub(1);
        self.line("}");
    }
    pub(super) fn string(&mut self, name: &str, value: &str) {
        self.line(&format!("{name} = {}", quoted(value)));
    }
    pub(super) fn number(&mut self, name: &str, value: u64) {
        self.line(&format!("{name} = {value}"));
    }
    pub(super) fn list(&mut self, name: &str, values: &[&str]) {
        let items: Vec<String> = values.iter().map(|v| quoted(v)).collect();
        self.line(&format!("{name} = [{}]", items.join(", ")));
    }
    pub(super) fn note(&mut self, text: &str) {
        comment(&mut self.out, &"  ".repeat(self.depth), text);
    }
    /// An `ip_range`/`range` block: `address` and `count`.
    pub(super) fn range(&mut self, name: &str, address: &str, count: u64) {
        self.open(name);
        self.string("address", address);
        self.number("count", count);
        self.close();
    }
}

/// A string literal; the text this module writes holds no quote, backslash or `${`.
pub(super) fn quoted(s: &str) -> String {
    let clean: String = one_line(s).chars().map(|c| if c == '"' || c == '\\' { '\'' } else { c }).collect();
    format!("\"{}\"", clean.replace("${", "$ {").replace("%{", "% {"))
}

/// `(first address, count)` of each range given, e.g. `10.0.0.10-10.0.0.29` -> (`10.0.0.10`, 20).
fn ranges_of(d: &NetDemand) -> Vec<(String, u64)> {
    d.ranges
        .iter()
        .filter_map(|r| {
            let (a, b) = r.split_once('-')?;
            let (x, y) = (a.parse::<std::net::Ipv4Addr>().ok()?, b.parse::<std::net::Ipv4Addr>().ok()?);
            Some((a.to_string(), u64::from(u32::from(y)) - u64::from(u32::from(x)) + 1))
        })
        .collect()
}

/// The ranges a network was given, or one placeholder range of the size it needs with growth.
fn ranges_or_placeholder(h: &mut Hcl, name: &str, d: &NetDemand, placeholder: &str) {
    let given = ranges_of(d);
    if given.is_empty() {
        h.note(&format!("No range given: {} addresses are needed, {} with growth.", d.addresses, d.with_growth));
        h.range(name, placeholder, d.with_growth.max(1));
    }
    for (address, count) in given {
        h.range(name, &address, count);
    }
}

fn gateway(d: &NetDemand) -> String {
    match &d.subnet {
        Some(s) => format!("<gateway-of-{s}>"),
        None => "<gateway-ip/prefix>".to_string(),
    }
}

fn vds_of(sp: &SupervisorPlan) -> Option<&VdsPlan> {
    sp.vds.as_ref()
}

/// A VDS Supervisor as a Terraform `vsphere_supervisor_v2` resource.
pub fn terraform(sp: &SupervisorPlan) -> String {
    let Some(v) = vds_of(sp) else { return String::new() };
    let name = one_line(&sp.name);
    let mut h = Hcl { out: String::new(), depth: 0 };
    h.line(&format!(
        "# Supervisor {name}: vmware/vsphere provider {VSPHERE_PROVIDER_V2_VERSION} (formerly hashicorp/vsphere), resource vsphere_supervisor_v2."
    ));
    h.note(
        "vsphere_supervisor is NSX only (and deprecated): a VDS Supervisor needs vsphere_supervisor_v2. The control plane, \
         the primary workload network with its ranges and the service CIDR, and the edge are this plan's; values in <...> are \
         yours to fill in. The resource can be created, not updated or imported.",
    );
    let primary = v.workload_networks.first();
    for w in v.workload_networks.iter().skip(1) {
        let d = if v.edge == EdgeProvider::Avi { &w.avi } else { &w.flb };
        let ranges = if d.ranges.is_empty() { "no ranges given".to_string() } else { d.ranges.join(", ") };
        h.note(&format!(
            "Workload network {} ({ranges}; {} addresses needed, {} with growth, a /{} subnet or larger): vsphere_supervisor_v2 \
             takes the primary network only; add it in the vSphere Client or API (namespace_management Networks, \
             VsphereDVPGNetworkCreateSpec) and assign its namespaces to it.",
            one_line(&w.name),
            d.addresses,
            d.with_growth,
            d.prefix_with_growth
        ));
    }
    supervisor_head(&mut h, sp);
    control_plane(&mut h, sp, v);
    h.line("");
    h.open("workloads");
    h.open("network");
    let wl_name = primary.map_or("primary", |w| w.name.as_str());
    h.string("network", wl_name);
    h.line("");
    h.open("vsphere");
    h.string("dvpg", &format!("<{}-portgroup-id>", one_line(wl_name)));
    h.close();
    h.line("");
    h.open("ip_management");
    h.line("dhcp_enabled = false");
    if let Some(w) = primary {
        let d = if v.edge == EdgeProvider::Avi { &w.avi } else { &w.flb };
        h.string("gateway_address", &gateway(d));
        h.line("");
        h.open("ip_assignment");
        h.string("assignee", "NODE");
        ranges_or_placeholder(&mut h, "range", d, "<first-node-ip>");
        h.close();
    }
    if let Some((address, count)) = service_range(sp) {
        h.line("");
        h.open("ip_assignment");
        h.string("assignee", "SERVICE");
        h.range("range", &address, count);
        h.close();
    }
    h.close();
    h.close();
    h.line("");
    edge(&mut h, v);
    h.line("");
    h.line("kube_api_server_options {}");
    h.close();
    h.depth = 0;
    h.line("}");
    h.out
}

/// The service CIDR as the `SERVICE` range of the primary network: its first
/// address and size. Not planned: `None`.
fn service_range(sp: &SupervisorPlan) -> Option<(String, u64)> {
    cidr_range(&vds_of(sp)?.service_cidr)
}

/// A CIDR as a range: its first address and size.
pub(super) fn cidr_range(cidr: &str) -> Option<(String, u64)> {
    let (address, prefix) = cidr.split_once('/')?;
    let prefix: u32 = prefix.parse().ok().filter(|p| *p <= 32)?;
    Some((address.to_string(), 1u64 << (32 - prefix)))
}

/// Opens the `vsphere_supervisor_v2` resource: its name, and its cluster or zones.
pub(super) fn supervisor_head(h: &mut Hcl, sp: &SupervisorPlan) {
    h.line(&format!("resource \"vsphere_supervisor_v2\" \"{}\" {{", resource_label(&sp.name)));
    h.depth = 1;
    h.string("name", &sp.name);
    match sp.se.zones.as_ref() {
        Some(z) => {
            let zones: Vec<String> = (1..=z.zones).map(|k| format!("<zone-{k}-id>")).collect();
            h.list("zones", &zones.iter().map(String::as_str).collect::<Vec<_>>());
        }
        None => h.string("cluster", "<compute-cluster-id>"),
    }
    h.line("");
}

fn control_plane(h: &mut Hcl, sp: &SupervisorPlan, v: &VdsPlan) {
    let m = &v.management.avi;
    control_plane_block(h, sp, Some(u64::from(v.control_plane_vms)), ranges_of(m).first().cloned(), m.addresses);
}

/// The `control_plane` block: its VM count when known, its size, the management
/// network with its range when one was planned (else a comment with the count).
pub(super) fn control_plane_block(h: &mut Hcl, sp: &SupervisorPlan, count: Option<u64>, range: Option<(String, u64)>, addresses: u64) {
    h.open("control_plane");
    if let Some(count) = count {
        h.number("count", count);
    }
    h.string("size", sp.control_plane_size.sizing_hint());
    h.string("storage_policy", "<storage-policy-id>");
    h.line("");
    h.open("network");
    h.string("network", "<management-network-name>");
    h.string("floating_ip", "<floating-ip>");
    h.line("");
    h.open("backing");
    h.string("network", "<management-portgroup-id>");
    h.close();
    h.line("");
    h.open("services");
    h.open("dns");
    h.list("servers", &["<dns-server-ip>"]);
    h.list("search_domains", &["<dns-search-domain>"]);
    h.close();
    h.open("ntp");
    h.list("servers", &["<ntp-server>"]);
    h.close();
    h.close();
    match range {
        Some((address, count)) => {
            h.line("");
            h.open("ip_management");
            h.line("dhcp_enabled = false");
            h.string("gateway_address", "<management-gateway-ip/prefix>");
            h.open("ip_assignment");
            h.note("The provider sends an assignee even when none is written: NODE, the control-plane VMs.");
            h.string("assignee", "NODE");
            h.range("range", &address, count);
            h.close();
            h.close();
        }
        None => h.note(&format!(
            "Management addresses: {addresses} consecutive (control-plane VMs, floating IP, upgrade); give networks.management_start to plan them."
        )),
    }
    h.close();
    h.close();
}

fn edge(h: &mut Hcl, v: &VdsPlan) {
    h.open("edge");
    match v.edge {
        EdgeProvider::Avi => {
            h.note(&format!(
                "Avi (NSX_ADVANCED): the VIPs come from the Avi data network's static pool (its IPAM, {} addresses: {} VIPs and \
                 {} SE NICs), not from lb_address_range, which the vSphere API ignores with Avi.",
                v.avi.data_network.addresses, v.avi.vips, v.avi.ses_in_pool
            ));
            h.open("nsx_advanced");
            h.string("host", "<avi-controller-ip>");
            h.number("port", 443);
            h.string("username", "<avi-username>");
            h.string("password", "<avi-password>");
            h.string("ca_chain", "<avi-controller-ca-chain-pem>");
            h.string("cloud_name", "<vcenter-cloud-name>");
            h.close();
        }
        EdgeProvider::Foundation => foundation(h, v),
    }
    h.close();
}

fn foundation(h: &mut Hcl, v: &VdsPlan) {
    let f = &v.flb;
    h.string("id", "<edge-name>");
    h.line("");
    ranges_or_placeholder(h, "lb_address_range", &f.vip_range, "<first-vip>");
    h.line("");
    h.open("foundation");
    h.open("deployment_target");
    h.string("availability", f.availability.api());
    h.string("deployment_size", f.size.api());
    h.close();
    for i in &f.interfaces {
        h.line("");
        h.open("interface");
        h.list("personas", &i.personas);
        h.open("network");
        h.string("network_type", i.network_type);
        let own = match (f.topology, i.personas.first().copied()) {
            (FlbTopology::ThreeNic, Some("MANAGEMENT")) => f.management_network.as_ref().map(|d| (d, "flb-management")),
            (FlbTopology::ThreeNic, Some("FRONTEND")) => f.frontend_network.as_ref().map(|d| (d, "flb-frontend")),
            _ => None,
        };
        if let Some((d, name)) = own {
            h.open("dvpg_network");
            h.string("name", name);
            h.string("network", &format!("<{name}-portgroup-id>"));
            h.string("ipam", "STATIC");
            h.open("ip_config");
            h.string("gateway", &gateway(d));
            ranges_or_placeholder(h, "ip_range", d, "<first-ip>");
            h.close();
            h.close();
        }
        h.close();
        h.close();
    }
    h.close();
}

/// The SE group of a VDS Supervisor on its vCenter cloud (Avi API 30.2.1).
pub fn avi(sp: &SupervisorPlan) -> String {
    let Some(v) = vds_of(sp) else { return String::new() };
    let name = one_line(&sp.name);
    let mut out = format!("# Supervisor {name}: its Avi SE group on a vCenter cloud (Avi API {AVI_API_VERSION}, ServiceEngineGroup).\n");
    if v.edge == EdgeProvider::Foundation {
        comment(
            &mut out,
            "",
            &format!(
                "Not applicable: this Supervisor is enabled with the vSphere Foundation Load Balancer. Avi would need {} SEs and a \
                 data pool of {} addresses (the load balancers table compares them); no SE group configuration is given.",
                sp.se.service_engines.total, v.avi.data_network.addresses
            ),
        );
        return out;
    }
    let (fields, notes) = se_group_fields(sp);
    let essentials = v.avi.licence == AviLicence::Essentials;
    comment(
        &mut out,
        "",
        "Unlike NSX, where the Supervisor's AKO copies the NSX cloud's SE group template, on VDS its AKO copies nothing: when \
         the Supervisor is enabled it uses the SE group of its vCenter cloud (Default-Cloud unless the edge names another) whose \
         one marker is clustername = the Supervisor's cluster ID (domain-c<N>:<vCenter UUID>), and else the cloud's \
         Default-Group. So set these fields either",
    );
    if essentials {
        out.push_str("#   A. on the cloud's Default-Group: under Essentials it is the one used (a marker's key is an\n");
        out.push_str("#      Enterprise field); or\n");
    } else {
        out.push_str("#   A1. before enabling, on an SE group of its own with that marker; or\n");
        out.push_str("#   A2. on the cloud's Default-Group, used by every Supervisor of the cloud without a marked group; or\n");
    }
    out.push_str("#   B. after enabling, on the group it uses: SEs already running keep their vCPU, memory and disk.\n");
    comment(
        &mut out,
        "",
        &format!(
            "The VIP network and its static pool are the cloud's IPAM: this plan's data pool needs {} addresses ({} VIPs and {} SE \
             data NICs).",
            v.avi.data_network.addresses, v.avi.vips, v.avi.ses_in_pool
        ),
    );
    out.push_str("# Values in <...> are yours to fill in.\n");
    for note in notes {
        comment(&mut out, "", &note);
    }
    let version = [("X-Avi-Version", AVI_API_VERSION)];
    let replace = json!({ "replace": Value::Object(fields.clone()) });
    if !essentials {
        out.push_str("\n### A1. Before enabling: an SE group of its own, marked with the Supervisor's cluster ID.\n");
        let mut group = Map::new();
        group.insert("name".into(), json!(format!("{}-se-group", sp.name)));
        group.insert("cloud_ref".into(), json!("/api/cloud/<vcenter-cloud-uuid>"));
        group.insert("markers".into(), json!([{ "key": "clustername", "values": ["<cluster-id>"] }]));
        group.extend(fields);
        request(&mut out, "POST", "/api/serviceenginegroup", Some(&Value::Object(group)), &version);
    }
    let a2 = if essentials { "\n### A" } else { "### A2" };
    out.push_str(&format!("{a2}. The cloud's Default-Group: find its uuid...\n"));
    request(&mut out, "GET", "/api/serviceenginegroup?name=Default-Group&cloud_ref.name=<vcenter-cloud-name>", None, &version);
    out.push_str("### ...and set the fields on it.\n");
    request(&mut out, "PATCH", "/api/serviceenginegroup/<default-group-uuid>", Some(&replace), &version);
    out.push_str("### B. After enabling: the group the Supervisor uses (the marked one, else Default-Group).\n");
    request(&mut out, "PATCH", "/api/serviceenginegroup/<se-group-uuid>", Some(&replace), &version);
    out.pop();
    out
}

/// Nothing to aggregate: there is no NSX.
pub fn nsx(sp: &SupervisorPlan) -> String {
    let name = one_line(&sp.name);
    let mut out = format!("# Supervisor {name}: T0 route aggregation (NSX Policy API) does not apply.\n");
    comment(
        &mut out,
        "",
        "This Supervisor runs on VDS networking: there is no NSX and no T0. Its workload networks and VIP network are port groups \
         whose subnets the physical network routes.",
    );
    out
}
