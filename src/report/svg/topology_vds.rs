//! The topology of Supervisors on VDS networking: per Supervisor a column with its
//! management network, its workload networks (port groups, with the addresses the
//! enabled edge takes on each), the VIP network, and the load balancer it is enabled
//! with (the Avi SE group on a vCenter cloud, or the Foundation Load Balancer's
//! appliances, wired to the networks their interfaces are on), the other edge named
//! beside it; below, the Avi controller clusters.

use std::fmt::Write as _;

use super::{clip, esc, legend, line, plural, rect, swatch, text, tooltip, Anchor, Doc};
use crate::design::Design;
use crate::plan::{Plan, SupervisorPlan};
use crate::platform::vds::{NetDemand, VdsPlan};
use crate::scenario::{EdgeProvider, FlbTopology};

const MARGIN: f64 = 16.0;
const NET_W: f64 = 168.0;
const NET_H: f64 = 70.0;
const NET_GAP: f64 = 12.0;
const COL_GAP: f64 = 36.0;
const COL_PAD: f64 = 12.0;
const COL_MIN_W: f64 = 440.0;
/// Supervisor columns drawn; a note counts the others.
const MAX_COLUMNS: usize = 3;
/// Workload networks drawn per column before a "+N more" box.
const MAX_NETWORKS: usize = 4;
const BAR_H: f64 = 40.0;
const EDGE_H: f64 = 78.0;

const CSS: &str = "
.avs-topology .workload-network .box{stroke:var(--avs-namespace);stroke-width:1.5}
.avs-topology .workload-network[data-primary=true] .box{stroke-width:2.4}
.avs-topology .management .box{stroke:var(--avs-management);stroke-width:1.4}
.avs-topology .vip-network .box{fill:var(--avs-bg2);stroke:var(--avs-ingress);stroke-width:1.5}
.avs-topology .se-group .box,.avs-topology .flb .box{fill:var(--avs-bg2);stroke:var(--avs-ok);stroke-width:1.8}
.avs-topology .node{fill:var(--avs-ok)}
.avs-topology .fabric{fill:var(--avs-bg2);stroke:var(--avs-fg);stroke-width:1}
.avs-topology .controller .box{fill:var(--avs-bg);stroke:var(--avs-ok);stroke-width:1.5}
.avs-topology .beside .box{fill:none;stroke:var(--avs-muted);stroke-dasharray:4 3}
";

/// One drawn Supervisor: its plan, VDS part, place and width.
struct Column<'a> {
    sp: &'a SupervisorPlan,
    v: &'a VdsPlan,
    x: f64,
    w: f64,
    /// Workload networks drawn (the rest are counted in a "more" box).
    shown: usize,
}

impl Column<'_> {
    fn boxes(&self) -> usize {
        self.shown + usize::from(self.v.workload_networks.len() > self.shown)
    }

    /// The x of workload-network box `i`.
    fn net_x(&self, i: usize) -> f64 {
        let n = self.boxes() as f64;
        let used = n * NET_W + (n - 1.0).max(0.0) * NET_GAP;
        self.x + (self.w - used) / 2.0 + i as f64 * (NET_W + NET_GAP)
    }
}

/// The demand on a network of the edge the Supervisor is enabled with.
fn enabled<'a>(v: &VdsPlan, avi: &'a NetDemand, flb: &'a NetDemand) -> &'a NetDemand {
    if v.edge == EdgeProvider::Avi {
        avi
    } else {
        flb
    }
}

/// The topology of the VDS Supervisors of a design.
///
/// Elements: each Supervisor column is `<g class="supervisor" data-supervisor
/// data-platform="vds" data-edge="{avi|foundation}">` holding `<g class="management"
/// data-addresses>`, one `<g class="workload-network" data-name data-primary
/// data-addresses data-prefix>` per network drawn (`<g class="workload-network more"
/// data-count>` for the rest), `<g class="vip-network" data-kind="{avi-data|flb-vip}"
/// data-addresses data-prefix>`, the enabled edge as `<g class="se-group" data-total
/// data-nics>` (Avi) or `<g class="flb" data-appliances data-size data-availability>`
/// with one `<g class="interface" data-network-type>` per interface, and `<g
/// class="beside" data-edge>` for the other edge; below them `<g class="controller"
/// data-name data-supervisors>` boxes.
pub fn topology_vds(design: &Design, plan: &Plan) -> String {
    let _ = design;
    let all: Vec<(&SupervisorPlan, &VdsPlan)> = plan.supervisors.iter().filter_map(|sp| sp.vds.as_ref().map(|v| (sp, v))).collect();
    let mut cols: Vec<Column> = all
        .iter()
        .take(MAX_COLUMNS)
        .map(|&(sp, v)| {
            let shown = v.workload_networks.len().min(MAX_NETWORKS);
            let n = (shown + usize::from(v.workload_networks.len() > shown)) as f64;
            let w = (n * NET_W + (n - 1.0).max(0.0) * NET_GAP + 2.0 * COL_PAD).max(COL_MIN_W);
            Column { sp, v, x: 0.0, w, shown }
        })
        .collect();
    let mut x = MARGIN + 8.0;
    for c in cols.iter_mut() {
        c.x = x;
        x += c.w + COL_GAP;
    }
    let content_right = x - COL_GAP;
    let width = (content_right + 8.0 + MARGIN).max(760.0);

    let y_title = MARGIN + 14.0;
    let y_fabric = y_title + 30.0;
    let fabric_h = 26.0;
    let y_col = y_fabric + fabric_h + 30.0;
    let y_mgmt = y_col + 14.0;
    let y_net = y_mgmt + BAR_H + 34.0;
    let y_vip = y_net + NET_H + 34.0;
    let y_edge = y_vip + BAR_H + 34.0;
    let y_beside = y_edge + EDGE_H + 10.0;
    let y_col_end = y_beside + 30.0;
    let y_ctrl = y_col_end + 30.0;
    let ctrl_h = super::topology::controller_height(plan);

    let mut body = String::new();
    let title = "Topology: Supervisors on VDS networking".to_string();
    text(&mut body, MARGIN, y_title, "h1", Anchor::Start, &title);
    let avi = all.iter().filter(|(_, v)| v.edge == EdgeProvider::Avi).count() as u64;
    let sub = format!(
        "{} · {} with Avi ({}, {}) · {} with the Foundation Load Balancer",
        plural(all.len() as u64, "Supervisor on VDS", "Supervisors on VDS"),
        avi,
        plural(u64::from(plan.topology.vcenter_clouds), "Avi vCenter cloud", "Avi vCenter clouds"),
        plural(plan.topology.controller_clusters.len() as u64, "controller cluster", "controller clusters"),
        all.len() as u64 - avi
    );
    text(&mut body, MARGIN, y_title + 18.0, "small muted", Anchor::Start, &sub);
    body.push_str("<g class=\"fabric-group\">");
    rect(&mut body, MARGIN, y_fabric, width - 2.0 * MARGIN, fabric_h, "fabric", "rx=\"13\"");
    text(
        &mut body,
        MARGIN + 14.0,
        y_fabric + 17.0,
        "bold",
        Anchor::Start,
        "Physical network: routes the port groups' subnets (no NSX, no T0, no NAT)",
    );
    body.push_str("</g>");

    for c in &cols {
        column(&mut body, c, y_col, y_mgmt, y_net, y_vip, y_edge, y_beside, y_col_end);
    }

    let spans: Vec<(&str, f64, f64)> = cols.iter().map(|c| (c.sp.name.as_str(), c.x, c.w)).collect();
    super::topology::controllers_below(&mut body, plan, &spans, y_col_end, (y_ctrl, ctrl_h));
    let mut y = if plan.topology.controller_clusters.is_empty() { y_col_end + 16.0 } else { y_ctrl + ctrl_h + 16.0 };
    if all.len() > cols.len() {
        let more = format!("… and {} more Supervisors on VDS, not drawn", all.len() - cols.len());
        text(&mut body, MARGIN, y + 10.0, "bold", Anchor::Start, &more);
        y += 22.0;
    }
    let items = vec![
        (swatch("box", "style=\"stroke:var(--avs-management)\""), "Supervisor management network".to_string()),
        (swatch("box", "style=\"stroke:var(--avs-namespace)\""), "workload network (thick: primary)".to_string()),
        (swatch("box2", "style=\"stroke:var(--avs-ingress)\""), "VIP network / ranges".to_string()),
        (swatch("box2", "style=\"stroke:var(--avs-ok)\""), "load balancer the Supervisor is enabled with".to_string()),
        (swatch("box", "style=\"stroke-dasharray:4 3\""), "the other edge, sized beside it".to_string()),
    ];
    y += legend(&mut body, MARGIN, y + 12.0, width - 2.0 * MARGIN, &items);
    let desc = cols.iter().map(|c| describe(c.sp, c.v)).collect::<Vec<_>>().join(" ");
    Doc { kind: "topology", width, height: y + MARGIN, title, desc: format!("{sub}. {desc}"), css: CSS, body }.render()
}

/// One Supervisor in words, for the picture's description.
fn describe(sp: &SupervisorPlan, v: &VdsPlan) -> String {
    let nets = v
        .workload_networks
        .iter()
        .map(|w| {
            let d = enabled(v, &w.avi, &w.flb);
            format!("{} ({} addresses, /{})", w.name, d.addresses, d.prefix)
        })
        .collect::<Vec<_>>()
        .join(", ");
    let edge = match v.edge {
        EdgeProvider::Avi => format!(
            "Avi SE group of {} on the data network ({} addresses)",
            plural(u64::from(sp.se.service_engines.total), "SE", "SEs"),
            v.avi.data_network.addresses
        ),
        EdgeProvider::Foundation => format!(
            "Foundation Load Balancer of {} ({}), {} VIPs",
            plural(u64::from(v.flb.appliances), "appliance", "appliances"),
            v.flb.size.api(),
            v.flb.vips
        ),
    };
    format!("Supervisor {} on VDS: workload networks {nets}; {edge}.", sp.name)
}

#[allow(clippy::too_many_arguments)]
fn column(
    out: &mut String,
    c: &Column,
    y_col: f64,
    y_mgmt: f64,
    y_net: f64,
    y_vip: f64,
    y_edge: f64,
    y_beside: f64,
    y_end: f64,
) {
    let (sp, v) = (c.sp, c.v);
    let _ = write!(
        out,
        "<g class=\"supervisor\" data-supervisor=\"{}\" data-platform=\"vds\" data-edge=\"{}\">",
        esc(&sp.name),
        v.edge.key()
    );
    rect(out, c.x - 6.0, y_col - 16.0, c.w + 12.0, y_end - y_col + 16.0, "frame", "rx=\"10\"");
    let head = format!("Supervisor {} · vSphere {} · VDS", sp.name, v.vsphere_version.key());
    text(out, c.x + 4.0, y_col, "h2", Anchor::Start, &clip(&head, (c.w / 7.6) as usize));
    let chars = ((c.w - 20.0) / 6.6) as usize;
    let bold = ((c.w - 20.0) / 7.2) as usize;

    // Management network, across the column.
    let m = enabled(v, &v.management.avi, &v.management.flb);
    let _ = write!(out, "<g class=\"management\" data-addresses=\"{}\">", m.addresses);
    rect(out, c.x, y_mgmt, c.w, BAR_H, "box", "rx=\"6\"");
    text(out, c.x + 8.0, y_mgmt + 16.0, "bold", Anchor::Start, &clip("Supervisor management network", bold));
    let parts = m.parts.iter().map(|p| format!("{} {}", p.addresses, p.what)).collect::<Vec<_>>().join(" + ");
    text(out, c.x + 8.0, y_mgmt + 31.0, "small muted", Anchor::Start, &clip(&format!("{} addresses: {parts}", m.addresses), chars));
    out.push_str("</g>");

    // Workload networks: each routed by the fabric.
    for (i, w) in v.workload_networks.iter().take(c.shown).enumerate() {
        let x0 = c.net_x(i);
        let d = enabled(v, &w.avi, &w.flb);
        let _ = write!(
            out,
            "<g class=\"workload-network\" data-name=\"{}\" data-primary=\"{}\" data-addresses=\"{}\" data-prefix=\"{}\">",
            esc(&w.name),
            w.primary,
            d.addresses,
            d.prefix
        );
        tooltip(out, &format!("{}: {}", d.name, d.parts.iter().map(|p| format!("{} {}", p.addresses, p.what)).collect::<Vec<_>>().join(", ")));
        rect(out, x0, y_net, NET_W, NET_H, "box", "rx=\"6\"");
        let name = if w.primary { format!("{} (primary)", w.name) } else { w.name.clone() };
        let nc = ((NET_W - 16.0) / 6.6) as usize;
        text(out, x0 + 8.0, y_net + 17.0, "bold", Anchor::Start, &clip(&name, nc));
        text(out, x0 + 8.0, y_net + 33.0, "small muted", Anchor::Start, &clip(&format!("{} ns · {} clusters", w.namespaces, w.clusters), nc + 2));
        let shared = if d.subnet_addresses > d.addresses { format!(" (+{} VIPs)", d.subnet_addresses - d.addresses) } else { String::new() };
        text(out, x0 + 8.0, y_net + 49.0, "small", Anchor::Start, &clip(&format!("{} IPs{shared} · /{}", d.addresses, d.prefix), nc + 2));
        let given = d.subnet.clone().unwrap_or_else(|| "no subnet given".into());
        text(out, x0 + 8.0, y_net + 64.0, "small mono muted", Anchor::Start, &clip(&given, nc));
        out.push_str("</g>");
    }
    let hidden = v.workload_networks.len().saturating_sub(c.shown);
    if hidden > 0 {
        let x0 = c.net_x(c.shown);
        let _ = write!(out, "<g class=\"workload-network more\" data-count=\"{hidden}\">");
        rect(out, x0, y_net, NET_W, NET_H, "box", "rx=\"6\" style=\"stroke-dasharray:5 3\"");
        text(out, x0 + 8.0, y_net + 18.0, "bold", Anchor::Start, &format!("+{hidden} more networks"));
        out.push_str("</g>");
    }

    // The VIP network (three NICs: the FLB's own management and frontend port groups).
    if v.edge == EdgeProvider::Foundation && v.flb.topology == FlbTopology::ThreeNic {
        let half = (c.w - NET_GAP) / 2.0;
        let own = [("flb-management", &v.flb.management_network, c.x), ("flb-frontend", &v.flb.frontend_network, c.x + half + NET_GAP)];
        for (kind, d, x0) in own {
            let Some(d) = d else { continue };
            vip_box(out, kind, d, x0, y_vip, half, &d.name);
        }
    } else {
        let (kind, vip, label) = match v.edge {
            EdgeProvider::Avi => (
                "avi-data",
                &v.avi.data_network,
                format!("Avi data (VIP) network: {} VIPs + {} SE data NICs", v.avi.vips, v.avi.ses_in_pool),
            ),
            EdgeProvider::Foundation => {
                let primary = v.workload_networks.first().map_or("the primary", |w| w.name.as_str());
                ("flb-vip", &v.flb.vip_range, format!("FLB VIP ranges: {} L4 VIPs, in the subnet of {primary}", v.flb.vips))
            }
        };
        vip_box(out, kind, vip, c.x, y_vip, c.w, &label);
    }

    match v.edge {
        EdgeProvider::Avi => avi_edge(out, c, y_net, y_vip, y_edge),
        EdgeProvider::Foundation => flb_edge(out, c, y_mgmt, y_net, y_vip, y_edge),
    }
    beside(out, c, y_beside);
    out.push_str("</g>");
}

/// `2 FLB nodes (one per node) + 14 VIPs ...`.
fn parts_text(d: &NetDemand) -> String {
    d.parts.iter().map(|p| format!("{} {}", p.addresses, p.what)).collect::<Vec<_>>().join(" + ")
}

/// A VIP network or one of the FLB's own port groups, `w` wide.
fn vip_box(out: &mut String, kind: &str, d: &NetDemand, x: f64, y: f64, w: f64, label: &str) {
    let _ = write!(out, "<g class=\"vip-network\" data-kind=\"{kind}\" data-addresses=\"{}\" data-prefix=\"{}\">", d.subnet_addresses, d.prefix);
    tooltip(out, &format!("{label}: {}", parts_text(d)));
    rect(out, x, y, w, BAR_H, "box", "rx=\"6\"");
    text(out, x + 8.0, y + 16.0, "bold", Anchor::Start, &clip(label, ((w - 16.0) / 7.2) as usize));
    let ranges = if d.ranges.is_empty() { "no ranges given".to_string() } else { d.ranges.join(", ") };
    let l2 = format!("{} addresses (/{} subnet) · {ranges}", d.subnet_addresses, d.prefix);
    text(out, x + 8.0, y + 31.0, "small muted", Anchor::Start, &clip(&l2, ((w - 16.0) / 6.6) as usize));
    out.push_str("</g>");
}

/// Small squares for the VMs of an edge, up to 12.
fn nodes(out: &mut String, x: f64, y: f64, n: u64) {
    for k in 0..n.min(12) {
        rect(out, x + k as f64 * 16.0, y, 12.0, 12.0, "node", "rx=\"2\"");
    }
    if n > 12 {
        text(out, x + 12.0 * 16.0 + 4.0, y + 10.0, "small", Anchor::Start, &format!("+{}", n - 12));
    }
}

fn avi_edge(out: &mut String, c: &Column, y_net: f64, y_vip: f64, y_edge: f64) {
    let (sp, v) = (c.sp, c.v);
    let e = &sp.se.service_engines;
    let mid = c.x + c.w / 2.0;
    line(out, mid, y_vip + BAR_H, mid, y_edge, "wire");
    if v.avi.se_attachment == crate::scenario::SeAttachment::Attached {
        // Attached SEs reach the workload networks behind their VSes directly.
        for i in 0..c.shown {
            let nx = c.net_x(i) + NET_W / 2.0;
            line(out, nx, y_net + NET_H, nx, y_vip, "wire dash");
            line(out, nx, y_vip + BAR_H, nx, y_edge, "wire dash");
        }
    }
    let _ = write!(out, "<g class=\"se-group\" data-total=\"{}\" data-nics=\"{}\">", e.total, v.avi.max_data_nics);
    rect(out, c.x, y_edge, c.w, EDGE_H, "box", "rx=\"8\"");
    let chars = ((c.w - 20.0) / 6.6) as usize;
    let l1 = format!("Avi SE group ({}): {}", sp.settings.ha_mode.label(), plural(u64::from(e.total), "SE", "SEs"));
    text(out, c.x + 10.0, y_edge + 18.0, "bold", Anchor::Start, &clip(&l1, ((c.w - 20.0) / 7.2) as usize));
    let l2 = format!(
        "{} carrying load + {} buffer · {} data NIC(s) each at most ({})",
        e.carrying_load,
        e.buffer,
        v.avi.max_data_nics,
        v.avi.se_attachment.key()
    );
    text(out, c.x + 10.0, y_edge + 35.0, "small", Anchor::Start, &clip(&l2, chars));
    let l3 = format!("vCenter cloud · {} licence · {} Service Units", v.avi.licence.key(), sp.se.resources.service_units);
    text(out, c.x + 10.0, y_edge + 51.0, "small muted", Anchor::Start, &clip(&l3, chars));
    nodes(out, c.x + 10.0, y_edge + 58.0, u64::from(e.total));
    out.push_str("</g>");
}

fn flb_edge(out: &mut String, c: &Column, y_mgmt: f64, y_net: f64, y_vip: f64, y_edge: f64) {
    let f = &c.v.flb;
    let _ = write!(
        out,
        "<g class=\"flb\" data-appliances=\"{}\" data-size=\"{}\" data-availability=\"{}\">",
        f.appliances,
        f.size.key(),
        f.availability.key()
    );
    // Interfaces: a wire up to each network an interface is on.
    let primary_x = c.net_x(0) + NET_W / 2.0;
    let half = (c.w - NET_GAP) / 2.0;
    for (k, i) in f.interfaces.iter().enumerate() {
        let x = match (i.network_type, i.personas.first().copied()) {
            ("DVPG", Some("FRONTEND")) => c.x + half + NET_GAP + 24.0,
            _ => c.x + 24.0 + k as f64 * 18.0,
        };
        let target = match i.network_type {
            "SUPERVISOR_MANAGEMENT" => y_mgmt + BAR_H,
            "PRIMARY_WORKLOAD" => y_net + NET_H,
            _ => y_vip + BAR_H,
        };
        let _ = write!(out, "<g class=\"interface\" data-network-type=\"{}\">", i.network_type);
        tooltip(out, &format!("{} on {}: {} address(es)", i.personas.join(" + "), i.network, i.addresses));
        let x_to = if i.network_type == "PRIMARY_WORKLOAD" { primary_x } else { x };
        line(out, x, y_edge, x_to, target, "wire");
        out.push_str("</g>");
    }
    rect(out, c.x, y_edge, c.w, EDGE_H, "box", "rx=\"8\"");
    let chars = ((c.w - 20.0) / 6.6) as usize;
    let l1 = format!("vSphere Foundation Load Balancer: {} × {}", f.appliances, f.size.api());
    text(out, c.x + 10.0, y_edge + 18.0, "bold", Anchor::Start, &clip(&l1, ((c.w - 20.0) / 7.2) as usize));
    let l2 = format!("{} · {} vCPU, {} GB, {} GB disk · L4 only", f.availability.api(), f.vcpus, f.memory_gb, f.disk_gb);
    text(out, c.x + 10.0, y_edge + 35.0, "small", Anchor::Start, &clip(&l2, chars));
    let ifs = f.interfaces.iter().map(|i| format!("{} on {}", i.personas.join("+"), i.network)).collect::<Vec<_>>().join("; ");
    text(out, c.x + 10.0, y_edge + 51.0, "small muted", Anchor::Start, &clip(&ifs, chars));
    nodes(out, c.x + 10.0, y_edge + 58.0, u64::from(f.appliances));
    out.push_str("</g>");
}

/// The other edge, sized for the same scenario.
fn beside(out: &mut String, c: &Column, y: f64) {
    let (sp, v) = (c.sp, c.v);
    let (edge, words) = match v.edge {
        EdgeProvider::Avi => (
            EdgeProvider::Foundation,
            format!(
                "Beside it, the Foundation Load Balancer: {} × {} ({} vCPU), {} VIPs in ranges",
                v.flb.appliances,
                v.flb.size.api(),
                v.flb.vcpus,
                v.flb.vip_range.addresses
            ),
        ),
        EdgeProvider::Foundation => (
            EdgeProvider::Avi,
            format!(
                "Beside it, Avi: {} ({} vCPU), a data pool of {} addresses",
                plural(u64::from(sp.se.service_engines.total), "SE", "SEs"),
                sp.se.resources.vcpus,
                v.avi.data_network.addresses
            ),
        ),
    };
    let _ = write!(out, "<g class=\"beside\" data-edge=\"{}\">", edge.key());
    rect(out, c.x, y, c.w, 22.0, "box", "rx=\"6\"");
    text(out, c.x + 8.0, y + 15.0, "small", Anchor::Start, &clip(&words, ((c.w - 16.0) / 5.9) as usize));
    out.push_str("</g>");
}
