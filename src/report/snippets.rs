//! Configuration a user would otherwise type by hand, one block per Supervisor, each in
//! the form the product itself accepts:
//!
//! - [`avi`]: Avi `ServiceEngineGroup` requests (Avi API 30.2.1). The Supervisor does not
//!   build its SE group from these fields: its AKO (ako-infra `SetupSEGroup` and
//!   `configureSeGroup`) copies the NSX cloud's SE group template, or the cloud's
//!   `Default-Group`, names the copy after the Supervisor's cluster ID and keeps every
//!   other field. So the block says where to set them: on the template before the
//!   Supervisor is enabled, or on the copy afterwards.
//! - [`nsx`]: per T0, the NSX Policy API `BgpRoutingConfig.route_aggregations` that
//!   replaces one /32 route per VIP and SNAT IP with the plan's aggregates.
//! - [`terraform`]: a hashicorp/vsphere `vsphere_supervisor` resource (provider 2.13.0)
//!   with the plan's networks, saying in comments what the plan uses that the resource
//!   cannot express.
//!
//! A Supervisor on VDS gets its own blocks (`snippets/vds.rs`), one on NSX VPCs too
//! (`snippets/vpc.rs`: `nsxt_vpc` for its pre-created VPCs and `vsphere_supervisor_v2` on
//! `nsx_vpc`).
//!
//! The page's snippets panel and `sizer snippet` both call [`Snippet::render`], so they
//! show the same text. `tests/snippets.rs` checks every block against schema fixtures
//! derived from each product's own source (`tests/schemas/`).

use serde_json::{json, Map, Value};

mod vds;
mod vpc;
pub use vds::VSPHERE_PROVIDER_V2_VERSION;
pub use vpc::NSXT_PROVIDER_VERSION;

use crate::design::defaults;
use crate::network::Source;
use crate::plan::{Plan, SupervisorPlan};
use crate::scenario::{HaMode, Placement, T0Mode};

/// The Avi API version the SE group fields are written for (`X-Avi-Version`).
pub const AVI_API_VERSION: &str = "30.2.1";

/// Avi's largest `max_se` (ServiceEngineGroup, "Allowed values are 0-1000").
pub const AVI_MAX_SE: u32 = 1000;

/// The hashicorp/vsphere provider version the `vsphere_supervisor` block is written for.
pub const VSPHERE_PROVIDER_VERSION: &str = "2.13.0";

/// The namespace subnet prefix the vSphere Supervisor uses when none is set.
const VSPHERE_SUBNET_PREFIX: u8 = 28;

/// Which snippet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Snippet {
    /// Avi SE group requests.
    Avi,
    /// NSX T0 route aggregation.
    Nsx,
    /// Terraform `vsphere_supervisor`.
    Terraform,
}

impl Snippet {
    pub const ALL: [Snippet; 3] = [Snippet::Avi, Snippet::Nsx, Snippet::Terraform];

    /// The `sizer snippet` argument: `avi`, `nsx`, `terraform`.
    pub fn key(self) -> &'static str {
        match self {
            Snippet::Avi => "avi",
            Snippet::Nsx => "nsx",
            Snippet::Terraform => "terraform",
        }
    }

    /// ```
    /// use avi_sizer::report::snippets::Snippet;
    /// assert_eq!(Snippet::from_key("nsx"), Some(Snippet::Nsx));
    /// assert_eq!(Snippet::from_key("tf"), None);
    /// ```
    pub fn from_key(key: &str) -> Option<Snippet> {
        Snippet::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The heading the page shows above the snippet.
    pub fn title(self) -> &'static str {
        match self {
            Snippet::Avi => "Avi SE group (Avi API 30.2.1)",
            Snippet::Nsx => "NSX T0 route aggregation (Policy API)",
            Snippet::Terraform => "Terraform vsphere_supervisor (hashicorp/vsphere 2.13.0)",
        }
    }

    /// The heading above this snippet for one Supervisor: [`Snippet::title`], or on
    /// VDS what the block is there.
    pub fn title_for(self, sp: &SupervisorPlan) -> &'static str {
        match (self, sp.vds.is_some(), sp.vpc.is_some()) {
            (Snippet::Avi, true, _) => "Avi SE group on a vCenter cloud (Avi API 30.2.1)",
            (Snippet::Nsx, true, _) => "NSX T0 route aggregation (not on VDS)",
            (Snippet::Terraform, true, _) => "Terraform vsphere_supervisor_v2 (vmware/vsphere 2.16.0)",
            (Snippet::Avi, _, true) => "Avi SE group, NSX cloud in VPC mode (Avi API 30.2.1)",
            (Snippet::Nsx, _, true) => "NSX T0 route aggregation (not on NSX VPCs)",
            (Snippet::Terraform, _, true) => "Terraform nsxt_vpc (vmware/nsxt 3.12.0) and vsphere_supervisor_v2 (vmware/vsphere 2.16.0)",
            _ => self.title(),
        }
    }

    /// This snippet for one Supervisor: the text the page shows and `sizer snippet` prints.
    pub fn render(self, sp: &SupervisorPlan) -> String {
        match (self, sp.vds.is_some(), sp.vpc.is_some()) {
            (Snippet::Avi, true, _) => vds::avi(sp),
            (Snippet::Nsx, true, _) => vds::nsx(sp),
            (Snippet::Terraform, true, _) => vds::terraform(sp),
            (Snippet::Avi, _, true) => vpc::avi(sp),
            (Snippet::Nsx, _, true) => vpc::nsx(sp),
            (Snippet::Terraform, _, true) => vpc::terraform(sp),
            (Snippet::Avi, ..) => avi(sp),
            (Snippet::Nsx, ..) => nsx(sp),
            (Snippet::Terraform, ..) => terraform(sp),
        }
    }
}

/// One snippet for every Supervisor of a plan, one block each (`sizer snippet`).
pub fn for_plan(plan: &Plan, kind: Snippet) -> String {
    plan.supervisors.iter().map(|sp| kind.render(sp)).collect::<Vec<_>>().join("\n")
}

/// A name as it may appear inside a one-line comment.
fn one_line(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// Width the `#` comments of a snippet are wrapped to.
const COMMENT_WIDTH: usize = 100;

/// `text` as `#` comment lines of at most [`COMMENT_WIDTH`] characters (a longer
/// word stays whole), each starting with `indent`.
fn comment(out: &mut String, indent: &str, text: &str) {
    let lead = format!("{indent}# ");
    let mut line = lead.clone();
    for word in one_line(text).split_whitespace() {
        if line.len() > lead.len() && line.len() + 1 + word.len() > COMMENT_WIDTH {
            out.push_str(line.trim_end());
            out.push('\n');
            line = lead.clone();
        }
        if line.len() > lead.len() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

fn pretty(v: &Value) -> String {
    // Serializing a Value built from strings and numbers cannot fail.
    serde_json::to_string_pretty(v).unwrap_or_default()
}

/// An HTTP request as a REST client file writes it: request line, headers, body.
fn request(out: &mut String, method: &str, path: &str, body: Option<&Value>, headers: &[(&str, &str)]) {
    out.push_str(&format!("{method} {path}\n"));
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\n"));
    }
    if let Some(body) = body {
        out.push_str("Content-Type: application/json\n\n");
        out.push_str(&pretty(body));
        out.push('\n');
    }
    out.push('\n');
}

/// The SE group fields of the plan as Avi `ServiceEngineGroup` fields, and what the
/// reader must know about them. Memory is in MB and disk in GB, as Avi takes them.
fn se_group_fields(sp: &SupervisorPlan) -> (Map<String, Value>, Vec<String>) {
    let s = &sp.se.settings;
    let needed = sp.se.service_engines.total;
    // The max_se the plan advises: the group it shows, buffer included, stays within it.
    let advised = sp.se.service_engines.max_se_advised.unwrap_or(s.max_se);
    let max_se = advised.min(AVI_MAX_SE);
    let mut notes = Vec::new();
    if advised > AVI_MAX_SE {
        notes.push(format!(
            "This plan needs {needed} SEs, more than one Avi SE group can hold (max_se allows 0-{AVI_MAX_SE}): \
             max_se is sent as {AVI_MAX_SE}; split the load before using this."
        ));
    } else if advised > s.max_se {
        notes.push(format!(
            "max_se is sent as {advised}, not the scenario's {}: the plan needs {needed} SEs, buffer included.",
            s.max_se
        ));
    }
    let mut f = Map::new();
    f.insert("ha_mode".into(), json!(s.ha_mode.avi_api()));
    if s.ha_mode == HaMode::ActiveStandby {
        notes.push(
            "Legacy Active/Standby is one pair with no scale-out and no placement choice, so algo and the \
             scale-out fields are not sent."
                .into(),
        );
    } else {
        let algo = match s.placement {
            Placement::Compact => "PLACEMENT_ALGO_PACKED",
            Placement::Distributed => "PLACEMENT_ALGO_DISTRIBUTED",
        };
        f.insert("algo".into(), json!(algo));
        f.insert("min_scaleout_per_vs".into(), json!(s.scale_factor));
        f.insert("max_scaleout_per_vs".into(), json!(s.max_scaleout_per_vs));
    }
    f.insert("buffer_se".into(), json!(s.buffer_ses));
    f.insert("max_se".into(), json!(max_se));
    f.insert("max_vs_per_se".into(), json!(s.max_vs_per_se));
    f.insert("vcpus_per_se".into(), json!(s.vcpus_per_se));
    f.insert("memory_per_se".into(), json!(u64::from(s.memory_gb_per_se) * 1024));
    f.insert("disk_per_se".into(), json!(s.disk_gb_per_se));
    (f, notes)
}

/// The Supervisor's SE group as Avi API requests (Avi 30.2.1): the template before the
/// Supervisor is enabled (A), or the Supervisor's own copy after (B). An infeasible
/// Legacy Active/Standby design gets a "not applicable" text instead: no configuration
/// is given for SEs that cannot exist.
pub fn avi(sp: &SupervisorPlan) -> String {
    let name = one_line(&sp.name);
    let mut out = format!("# Supervisor {name}: its Avi SE group (Avi API {AVI_API_VERSION}, ServiceEngineGroup).\n");
    let se = &sp.se.service_engines;
    if !se.feasible {
        comment(&mut out, "", "Not applicable: no SE group configuration is given for SEs that cannot exist.");
        let reason = se.infeasible_reason.clone().unwrap_or_else(|| {
            format!(
                "Legacy Active/Standby is exactly one pair of SEs, and this load needs {} SEs carrying virtual \
                 services: plan an elastic HA mode (N+M or Active/Active) to get a configuration.",
                se.carrying_load
            )
        });
        comment(&mut out, "", &reason);
        return out;
    }
    let (fields, notes) = se_group_fields(sp);
    out.push_str(
        "# The Supervisor does not create this group from scratch: when it is enabled, its AKO copies the NSX\n\
         # cloud's SE group template (the cloud's se_group_template_ref, or else the cloud's Default-Group),\n\
         # names the copy after the Supervisor's cluster ID (domain-c<N>:<vCenter UUID>) and keeps every\n\
         # other field. So set these fields either\n\
         #   A. before enabling the Supervisor, on the template: every Supervisor enabled on this cloud\n\
         #      afterwards copies it; or\n\
         #   B. after enabling it, on the Supervisor's own copy: SEs already running keep their vCPU,\n\
         #      memory and disk, new ones get them.\n\
         # Values in <...> are yours to fill in.\n",
    );
    for note in notes {
        comment(&mut out, "", &note);
    }
    let version = [("X-Avi-Version", AVI_API_VERSION)];
    let replace = json!({ "replace": Value::Object(fields.clone()) });

    out.push_str("\n### A1. Before enabling: a template of its own (Default-Group stays as it is). Create it...\n");
    let mut template = Map::new();
    template.insert("name".into(), json!(format!("{}-se-template", sp.name)));
    template.insert("cloud_ref".into(), json!("/api/cloud/<nsx-cloud-uuid>"));
    template.extend(fields);
    request(&mut out, "POST", "/api/serviceenginegroup", Some(&Value::Object(template)), &version);
    out.push_str("### ...then make it the NSX cloud's SE group template.\n");
    let cloud = json!({ "replace": { "se_group_template_ref": "/api/serviceenginegroup/<uuid the POST returned>" } });
    request(&mut out, "PATCH", "/api/cloud/<nsx-cloud-uuid>", Some(&cloud), &version);

    out.push_str("### A2. Before enabling: or change the template the cloud has (se_group_template_ref, else Default-Group).\n");
    request(&mut out, "PATCH", "/api/serviceenginegroup/<template-se-group-uuid>", Some(&replace), &version);

    out.push_str("### B. After enabling: the Supervisor's copy, named after its cluster ID. Find its uuid...\n");
    request(&mut out, "GET", "/api/serviceenginegroup?name=<cluster-id>&cloud_ref.name=<nsx-cloud-name>", None, &version);
    out.push_str("### ...and set the fields on it.\n");
    request(&mut out, "PATCH", "/api/serviceenginegroup/<se-group-uuid-of-the-copy>", Some(&replace), &version);
    out.pop();
    out
}

/// Per T0 of the Supervisor, the NSX Policy API request that configures the plan's
/// aggregates as BGP route aggregation (`BgpRoutingConfig.route_aggregations`). A T0
/// with nothing to aggregate gets no body.
pub fn nsx(sp: &SupervisorPlan) -> String {
    let name = one_line(&sp.name);
    let mut out = format!(
        "# Supervisor {name}: T0 route aggregation (NSX Policy API, BgpRoutingConfig.route_aggregations).\n\
         # <tier-0-id> and <locale-service-id> are yours to fill in: the T0 names below (t0, t0-<group>,\n\
         # vrf-<group>) are this plan's labels, not NSX IDs. A T0 VRF gateway is a tier-0 of its own.\n\
         # A PATCH replaces the whole route_aggregations list: GET the BGP config first and add the\n\
         # route_aggregations it already has to the list below.\n"
    );
    if !sp.networks_planned() {
        not_planned(&mut out, sp);
        return out;
    }
    if sp.net.routes.is_empty() {
        out.push_str("# No T0 advertises anything for this Supervisor: nothing to aggregate.\n");
        return out;
    }
    let path = "/policy/api/v1/infra/tier-0s/<tier-0-id>/locale-services/<locale-service-id>/bgp";
    for r in &sp.net.routes {
        let which = match r.kind {
            T0Mode::Shared => "the Supervisor's T0".to_string(),
            T0Mode::Dedicated => format!("the dedicated T0 of {}", one_line(&r.groups.join(", "))),
            T0Mode::Vrf => format!("the T0 VRF gateway of {}", one_line(&r.groups.join(", "))),
        };
        let without = r.host_routes + r.subnet_routes;
        if r.aggregates.is_empty() {
            out.push_str(&format!("\n### {} ({which}): {without} routes, nothing to aggregate.\n", one_line(&r.t0)));
            continue;
        }
        out.push_str(&format!(
            "\n### {} ({which}): {without} routes without aggregation, {} with it.\n",
            one_line(&r.t0),
            r.routes_with_aggregation
        ));
        request(&mut out, "GET", path, None, &[]);
        let entries: Vec<Value> = r.aggregates.iter().map(|p| json!({ "prefix": p, "summary_only": true })).collect();
        request(&mut out, "PATCH", path, Some(&json!({ "route_aggregations": entries })), &[]);
        out.pop();
    }
    out
}

/// The comment a network snippet is instead of a configuration when the plan has
/// no networks: no configuration is given for networks that are not planned.
fn not_planned(out: &mut String, sp: &SupervisorPlan) {
    comment(out, "", "Not applicable: this plan has no networks for this Supervisor, so no configuration is given for them.");
    for e in &sp.network.errors {
        comment(out, "", &e.to_string());
    }
}

/// A Terraform resource label: letters, digits, underscores and dashes, starting with
/// a letter or an underscore.
///
/// ```
/// use avi_sizer::report::snippets::resource_label;
/// assert_eq!(resource_label("Supervisor-1"), "supervisor_1");
/// assert_eq!(resource_label("1st sup"), "supervisor_1st_sup");
/// ```
pub fn resource_label(name: &str) -> String {
    let label: String = name.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '_' }).collect();
    match label.chars().next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' => label,
        _ => format!("supervisor_{label}"),
    }
}

fn cidr_blocks(out: &mut String, name: &str, cidrs: &[String]) {
    for (address, prefix) in cidrs.iter().filter_map(|c| c.split_once('/')) {
        out.push_str(&format!("\n  {name} {{\n    address = \"{address}\"\n    prefix  = {prefix}\n  }}\n"));
    }
}

/// What the plan uses that `vsphere_supervisor` has no argument for, one comment line each.
fn inexpressible(sp: &SupervisorPlan) -> Vec<String> {
    let n = &sp.net;
    let mut notes = vec![format!(
        "The plan cuts namespace and TKG cluster segments into /{} subnets; vsphere_supervisor has no argument for the \
         namespace subnet prefix (vSphere's default is /{VSPHERE_SUBNET_PREFIX}): set it in the vSphere Client or API \
         (NCPClusterNetworkEnableSpec) if it differs.",
        n.networks.namespace_subnet_prefix
    )];
    let sup_nat = n.networks.source.egress_cidr != Source::None;
    for g in &n.groups {
        let gname = one_line(&g.name);
        let mut own = Vec::new();
        if g.nat != sup_nat {
            own.push(if g.nat { "NAT on".to_string() } else { "NAT off (routed)".to_string() });
        }
        match n.routes.iter().find(|r| r.groups.contains(&g.name)).map(|r| r.kind) {
            Some(T0Mode::Dedicated) => own.push("a dedicated T0".into()),
            Some(T0Mode::Vrf) => own.push("a dedicated T0 VRF gateway".into()),
            _ => {}
        }
        if !g.ingress_cidr.is_empty() || !g.egress_cidr.is_empty() || !g.namespace_network.is_empty() {
            own.push("networks of their own".into());
        }
        if g.namespace_subnet_prefix != n.networks.namespace_subnet_prefix {
            own.push(format!("/{} subnets", g.namespace_subnet_prefix));
        }
        if !own.is_empty() {
            notes.push(format!(
                "Namespaces of {gname} have {}: per-namespace network settings vsphere_supervisor cannot express \
                 (its namespace block takes only name, content_libraries and vm_classes); create them with the \
                 vSphere API or Client.",
                own.join(", ")
            ));
        }
    }
    notes
}

/// The Supervisor as a Terraform `vsphere_supervisor` resource (hashicorp/vsphere
/// 2.13.0) with the plan's networks and control plane size. Values the calculator does
/// not know are `<...>`; what the plan uses that the resource cannot express is said in
/// comments.
pub fn terraform(sp: &SupervisorPlan) -> String {
    let n = &sp.net.networks;
    let name = one_line(&sp.name);
    let mut out = format!(
        "# Supervisor {name}: hashicorp/vsphere provider {VSPHERE_PROVIDER_VERSION}, resource vsphere_supervisor.\n\
         # Networks and sizing_hint are this plan's; values in <...> are yours to fill in.\n"
    );
    if !sp.networks_planned() {
        not_planned(&mut out, sp);
        return out;
    }
    for note in inexpressible(sp) {
        comment(&mut out, "", &note);
    }
    out.push_str(&format!("resource \"vsphere_supervisor\" \"{}\" {{\n", resource_label(&sp.name)));
    out.push_str(
        "  cluster         = \"<compute-cluster-id>\"\n\
         \x20 storage_policy  = \"<storage-policy-name>\"\n\
         \x20 content_library = \"<subscribed-content-library-id>\"\n\
         \x20 main_dns        = [\"<dns-server>\"]\n\
         \x20 worker_dns      = [\"<dns-server>\"]\n\
         \x20 main_ntp        = [\"<ntp-server>\"]\n\
         \x20 worker_ntp      = [\"<ntp-server>\"]\n\
         \x20 search_domains  = [\"<dns-search-domain>\"]\n\
         \x20 edge_cluster    = \"<nsx-edge-cluster-id>\"\n\
         \x20 dvs_uuid        = \"<distributed-switch-uuid>\"\n",
    );
    out.push_str(&format!("  sizing_hint     = \"{}\"\n\n", sp.control_plane_size.sizing_hint()));
    out.push_str("  management_network {\n    network          = \"<portgroup-id>\"\n    subnet_mask      = \"<subnet-mask>\"\n");
    let count = match &sp.net.management {
        Some(m) => {
            out.push_str(&format!("    starting_address = \"{}\"\n", m.first));
            m.addresses
        }
        None => {
            out.push_str("    starting_address = \"<first-of-5-consecutive-ips>\"\n");
            u64::from(defaults::MANAGEMENT_ADDRESSES)
        }
    };
    out.push_str(&format!("    gateway          = \"<gateway>\"\n    address_count    = {count}\n  }}\n"));
    cidr_blocks(&mut out, "ingress_cidr", &n.ingress_cidr);
    if n.egress_cidr.is_empty() {
        out.push_str(
            "\n  # NAT is off in this plan, but vsphere_supervisor sends no routed_mode (NCPClusterNetworkEnableSpec),\n\
             \x20 # so the Supervisor would be NAT'd, and it requires egress_cidr. To keep NAT off, enable the\n\
             \x20 # Supervisor in the vSphere Client or API; to use this resource, fill in an Egress block\n\
             \x20 # (a /27 is VMware's sample size).\n\
             \x20 egress_cidr {\n    address = \"<egress-network-address>\"\n    prefix  = 27\n  }\n",
        );
    } else {
        cidr_blocks(&mut out, "egress_cidr", &n.egress_cidr);
    }
    cidr_blocks(&mut out, "pod_cidr", &n.namespace_network);
    cidr_blocks(&mut out, "service_cidr", &n.service_cidr);
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::plan_scenario;
    use crate::presets;
    use crate::scenario::{ControlPlaneSize, Scenario};

    fn plan_of(s: &Scenario) -> Plan {
        plan_scenario(s).unwrap_or_else(|e| panic!("{}", crate::error::render_all(&e)))
    }

    /// The JSON bodies of an Avi or NSX snippet, after each request line.
    fn bodies(text: &str) -> Vec<(String, Value)> {
        let mut out = Vec::new();
        let mut lines = text.lines().peekable();
        while let Some(line) = lines.next() {
            if !(line.starts_with("POST ") || line.starts_with("PATCH ")) {
                continue;
            }
            while lines.peek().is_some_and(|l| !l.is_empty()) {
                lines.next();
            }
            lines.next();
            let mut body = String::new();
            while let Some(l) = lines.next_if(|l| !l.is_empty()) {
                body.push_str(l);
                body.push('\n');
            }
            out.push((line.to_string(), serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}"))));
        }
        out
    }

    #[test]
    fn avi_targets_the_template_or_the_copy_and_says_which() {
        let plan = plan_of(&presets::find("three-zone").unwrap().scenario);
        let sp = &plan.supervisors[0];
        let text = avi(sp);
        assert!(text.contains("names the copy after the Supervisor's cluster ID"), "{text}");
        let b = bodies(&text);
        let lines: Vec<&str> = b.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(
            lines,
            [
                "POST /api/serviceenginegroup",
                "PATCH /api/cloud/<nsx-cloud-uuid>",
                "PATCH /api/serviceenginegroup/<template-se-group-uuid>",
                "PATCH /api/serviceenginegroup/<se-group-uuid-of-the-copy>",
            ]
        );
        let fields = &b[3].1["replace"];
        assert_eq!(fields["ha_mode"], "HA_MODE_SHARED_PAIR");
        assert_eq!((fields["min_scaleout_per_vs"].as_u64(), fields["max_scaleout_per_vs"].as_u64()), (Some(2), Some(4)));
        assert_eq!(fields["memory_per_se"], 2048);
        assert_eq!(fields["max_se"].as_u64(), Some(u64::from(sp.service_engines.max_se_advised.unwrap_or(sp.settings.max_se))));
        assert!(fields.get("active_standby").is_none() && fields.get("name").is_none());
        assert_eq!(b[2].1, b[3].1, "template and copy get the same fields");
        assert_eq!(b[0].1["cloud_ref"], "/api/cloud/<nsx-cloud-uuid>");
    }

    #[test]
    fn avi_raises_max_se_to_the_plan_and_caps_it_at_1000() {
        let mut s = Scenario::default();
        s.supervisors[0].namespaces[0].count = 60;
        s.supervisors[0].namespaces[0].lb_services_per_cluster = 1;
        let plan = plan_of(&s);
        let sp = &plan.supervisors[0];
        let text = avi(sp);
        let total = sp.service_engines.total;
        assert!(total > 10);
        assert_eq!(bodies(&text)[3].1["replace"]["max_se"].as_u64(), Some(u64::from(total)));
        assert!(text.contains(&format!("max_se is sent as {total}, not the scenario's 10")), "{text}");

        let mut s = Scenario::default();
        s.se_group.max_se = Some(1000);
        s.se_group.max_vs_per_se = Some(1);
        s.supervisors[0].namespaces[0].count = 2000;
        s.supervisors[0].networks.address_pool = vec!["10.0.0.0/8".into()];
        let plan = plan_of(&s);
        let sp = &plan.supervisors[0];
        assert!(sp.service_engines.total > AVI_MAX_SE, "{}", sp.service_engines.total);
        let text = avi(sp);
        assert_eq!(bodies(&text)[3].1["replace"]["max_se"], 1000);
        assert!(text.contains("more than one Avi SE group can hold"), "{text}");
    }

    #[test]
    fn avi_gives_nothing_for_an_infeasible_active_standby_pair() {
        let plan = plan_of(&presets::find("three-zone").unwrap().scenario);
        let mut sp = plan.supervisors[0].clone();
        sp.se.service_engines.feasible = false;
        let text = avi(&sp);
        assert!(text.contains("Not applicable"), "{text}");
        assert!(bodies(&text).is_empty() && !text.contains('{'), "{text}");
    }

    #[test]
    fn nsx_gives_placeholders_a_merge_note_and_no_empty_body() {
        let plan = plan_of(&presets::find("dedicated-t0-vrf").unwrap().scenario);
        let sp = &plan.supervisors[0];
        let text = nsx(sp);
        assert!(text.contains("GET the BGP config first"), "{text}");
        for r in &sp.net.routes {
            assert!(!text.contains(&format!("tier-0s/{}/", r.t0)), "the plan's label {} used as an NSX ID", r.t0);
        }
        assert_eq!(bodies(&text).len(), sp.net.routes.iter().filter(|r| !r.aggregates.is_empty()).count());
        let mut sp = sp.clone();
        sp.net.routes[0].aggregates.clear();
        let text = nsx(&sp);
        assert!(text.contains("nothing to aggregate"), "{text}");
        assert_eq!(bodies(&text).len(), sp.net.routes.len() - 1);
    }

    #[test]
    fn terraform_says_what_the_resource_cannot_express() {
        let plan = plan_of(&presets::find("dedicated-t0-vrf").unwrap().scenario);
        let tf = terraform(&plan.supervisors[0]);
        assert!(tf.contains("a dedicated T0 VRF gateway") && tf.contains("a dedicated T0,"), "{tf}");
        assert!(tf.contains("namespace subnet prefix"), "{tf}");
        let mut s = Scenario::default();
        s.supervisors[0].nat = false;
        s.supervisors[0].control_plane_size = ControlPlaneSize::Tiny;
        s.supervisors[0].name = "9-lives".into();
        let plan = plan_of(&s);
        let tf = terraform(&plan.supervisors[0]);
        assert!(tf.contains("NAT is off in this plan") && tf.contains("egress_cidr {"), "{tf}");
        assert!(tf.contains("sizing_hint     = \"TINY\"") && tf.contains("prefix  = 24\n"), "{tf}");
        assert!(tf.contains("resource \"vsphere_supervisor\" \"supervisor_9_lives\" {"), "{tf}");
    }

    #[test]
    fn for_plan_joins_every_supervisor_block() {
        let plan = plan_of(&presets::find("shared-tz").unwrap().scenario);
        for kind in Snippet::ALL {
            let all = for_plan(&plan, kind);
            for sp in &plan.supervisors {
                assert!(all.contains(&kind.render(sp)), "{kind:?}");
            }
        }
    }
}
