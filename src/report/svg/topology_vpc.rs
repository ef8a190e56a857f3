//! The topology of Supervisors on NSX VPCs: per Supervisor a column with its transit
//! gateway and connectivity profile (external and private transit gateway blocks),
//! its VPCs (the system VPC, auto-created ones per namespace, pre-created shared
//! ones), each an Avi VRF when it hosts a virtual service, the SE group(s) wired to
//! them, and the Avi tenants; below, the Avi controller clusters.

use std::fmt::Write as _;

use super::{clip, esc, legend, line, plural, rect, swatch, text, tooltip, Anchor, Doc};
use crate::plan::{Plan, SupervisorPlan};
use crate::platform::nsx_vpc::{VpcKind, VpcPlan, VpcRow};

const MARGIN: f64 = 16.0;
const VPC_W: f64 = 172.0;
const VPC_H: f64 = 84.0;
const GAP: f64 = 12.0;
const COL_GAP: f64 = 36.0;
const COL_PAD: f64 = 12.0;
const COL_MIN_W: f64 = 440.0;
/// Supervisor columns drawn; a note counts the others.
const MAX_COLUMNS: usize = 3;
/// VPC rows drawn per column before a "+N more" box.
const MAX_VPCS: usize = 4;
const BAR_H: f64 = 40.0;
const SE_H: f64 = 62.0;

const CSS: &str = "
.avs-topology .transit .box{fill:var(--avs-bg2);stroke:var(--avs-ingress);stroke-width:1.5}
.avs-topology .vpc .box{stroke:var(--avs-namespace);stroke-width:1.5}
.avs-topology .vpc[data-kind=system] .box{stroke-width:2.4}
.avs-topology .vpc[data-vrf=false] .box{stroke-dasharray:4 3}
.avs-topology .se-group .box{fill:var(--avs-bg2);stroke:var(--avs-ok);stroke-width:1.8}
.avs-topology .dedicated .box{fill:var(--avs-bg2);stroke:var(--avs-ok);stroke-width:1.2}
.avs-topology .tenants .box{fill:var(--avs-bg);stroke:var(--avs-service);stroke-width:1.2}
.avs-topology .fabric{fill:var(--avs-bg2);stroke:var(--avs-fg);stroke-width:1}
.avs-topology .controller .box{fill:var(--avs-bg);stroke:var(--avs-ok);stroke-width:1.5}
";

struct Column<'a> {
    sp: &'a SupervisorPlan,
    v: &'a VpcPlan,
    x: f64,
    w: f64,
    shown: usize,
}

impl Column<'_> {
    fn boxes(&self) -> usize {
        self.shown + usize::from(self.v.vpcs.len() > self.shown)
    }

    fn vpc_x(&self, i: usize) -> f64 {
        let n = self.boxes() as f64;
        let used = n * VPC_W + (n - 1.0).max(0.0) * GAP;
        self.x + (self.w - used) / 2.0 + i as f64 * (VPC_W + GAP)
    }
}

/// The topology of the NSX VPC Supervisors of a design.
///
/// Elements: each Supervisor column is `<g class="supervisor" data-supervisor
/// data-platform="nsx_vpc" data-vrfs data-tenants data-se-groups="{shared|per_vpc}">`
/// holding `<g class="transit" data-external data-capacity>`, one `<g class="vpc"
/// data-name data-kind="{system|auto|pre_created}" data-count data-vs data-vrf>` per VPC
/// row drawn (`<g class="vpc more" data-count>` for the rest), `<g class="se-group"
/// data-total data-all>` and, with SE groups per VPC, `<g class="dedicated" data-name
/// data-total data-count>` under each VPC drawn that has one, and `<g class="tenants"
/// data-count>`; below them `<g class="controller" data-name data-supervisors>` boxes.
pub fn topology_vpc(plan: &Plan) -> String {
    let all: Vec<(&SupervisorPlan, &VpcPlan)> = plan.supervisors.iter().filter_map(|sp| sp.vpc.as_ref().map(|v| (sp, v))).collect();
    let mut cols: Vec<Column> = all
        .iter()
        .take(MAX_COLUMNS)
        .map(|&(sp, v)| {
            let shown = v.vpcs.len().min(MAX_VPCS);
            let n = (shown + usize::from(v.vpcs.len() > shown)) as f64;
            let w = (n * VPC_W + (n - 1.0).max(0.0) * GAP + 2.0 * COL_PAD).max(COL_MIN_W);
            Column { sp, v, x: 0.0, w, shown }
        })
        .collect();
    let mut x = MARGIN + 8.0;
    for c in cols.iter_mut() {
        c.x = x;
        x += c.w + COL_GAP;
    }
    let width = (x - COL_GAP + 8.0 + MARGIN).max(760.0);

    let y_title = MARGIN + 14.0;
    let y_fabric = y_title + 30.0;
    let fabric_h = 26.0;
    let y_col = y_fabric + fabric_h + 30.0;
    let y_transit = y_col + 14.0;
    let y_vpc = y_transit + BAR_H + 30.0;
    let y_dedicated = y_vpc + VPC_H + 10.0;
    let y_se = y_dedicated + 34.0;
    let y_tenants = y_se + SE_H + 14.0;
    let y_col_end = y_tenants + 26.0 + 12.0;
    let y_ctrl = y_col_end + 30.0;
    let ctrl_h = super::topology::controller_height(plan);

    let mut body = String::new();
    let title = "Topology: Supervisors on NSX VPCs".to_string();
    text(&mut body, MARGIN, y_title, "h1", Anchor::Start, &title);
    let vpcs: u64 = all.iter().map(|(_, v)| v.vpcs_total).sum();
    let vrfs: u64 = all.iter().map(|(_, v)| v.vrfs).sum();
    let sub = format!(
        "{} · {} · {} · {}",
        plural(all.len() as u64, "Supervisor on NSX VPCs", "Supervisors on NSX VPCs"),
        plural(vpcs, "VPC", "VPCs"),
        plural(vrfs, "Avi VRF hosting a virtual service", "Avi VRFs hosting a virtual service"),
        plural(plan.topology.controller_clusters.len() as u64, "controller cluster", "controller clusters")
    );
    text(&mut body, MARGIN, y_title + 18.0, "small muted", Anchor::Start, &sub);
    body.push_str("<g class=\"fabric-group\">");
    rect(&mut body, MARGIN, y_fabric, width - 2.0 * MARGIN, fabric_h, "fabric", "rx=\"13\"");
    text(&mut body, MARGIN + 14.0, y_fabric + 17.0, "bold", Anchor::Start, "NSX: project transit gateways, VPCs, the Avi NSX cloud in VPC mode");
    body.push_str("</g>");

    for c in &cols {
        column(&mut body, c, (y_col, y_transit, y_vpc, y_dedicated, y_se, y_tenants, y_col_end));
    }
    let spans: Vec<(&str, f64, f64)> = cols.iter().map(|c| (c.sp.name.as_str(), c.x, c.w)).collect();
    super::topology::controllers_below(&mut body, plan, &spans, y_col_end, (y_ctrl, ctrl_h));
    let mut y = y_ctrl + ctrl_h + 16.0;
    if all.len() > cols.len() {
        let more = format!("… and {} more Supervisors on NSX VPCs, not drawn", all.len() - cols.len());
        text(&mut body, MARGIN, y + 10.0, "bold", Anchor::Start, &more);
        y += 22.0;
    }
    let items = vec![
        (swatch("box2", "style=\"stroke:var(--avs-ingress)\""), "transit gateway and connectivity profile".to_string()),
        (swatch("box", "style=\"stroke:var(--avs-namespace)\""), "VPC: an Avi VRF (dashed: no virtual service)".to_string()),
        (swatch("box2", "style=\"stroke:var(--avs-ok)\""), "Avi SE group (a data NIC per VPC it serves)".to_string()),
        (swatch("box", "style=\"stroke:var(--avs-service)\""), "Avi tenants: one per NSX project".to_string()),
    ];
    y += legend(&mut body, MARGIN, y + 12.0, width - 2.0 * MARGIN, &items);
    let desc = cols.iter().map(|c| describe(c.sp, c.v)).collect::<Vec<_>>().join(" ");
    Doc { kind: "topology", width, height: y + MARGIN, title, desc: format!("{sub}. {desc}"), css: CSS, body }.render()
}

/// One Supervisor in words, for the picture's description.
fn describe(sp: &SupervisorPlan, v: &VpcPlan) -> String {
    let vpcs = v
        .vpcs
        .iter()
        .map(|r| {
            let many = if r.count > 1 { format!(" ×{}", r.count) } else { String::new() };
            format!("{}{many} ({}, {} virtual services)", r.name, r.kind.label(), r.virtual_services)
        })
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "Supervisor {} on NSX VPCs: {vpcs}; {} VRFs; {} in all; tenants {}.",
        sp.name,
        v.vrfs,
        plural(sp.se.all_service_engines(), "SE", "SEs"),
        v.tenants.join(", ")
    )
}

fn vpc_box(out: &mut String, r: &VpcRow, x: f64, y: f64) {
    let _ = write!(
        out,
        "<g class=\"vpc\" data-name=\"{}\" data-kind=\"{}\" data-count=\"{}\" data-vs=\"{}\" data-vrf=\"{}\">",
        esc(&r.name),
        match r.kind {
            VpcKind::System => "system",
            VpcKind::Auto => "auto",
            VpcKind::PreCreated => "pre_created",
        },
        r.count,
        r.virtual_services,
        r.vrf
    );
    tooltip(out, &format!("{}: {}, project {}, {} namespaces, {} virtual services each", r.name, r.kind.label(), r.project, r.namespaces, r.virtual_services));
    rect(out, x, y, VPC_W, VPC_H, "box", "rx=\"6\"");
    let nc = ((VPC_W - 16.0) / 6.6) as usize;
    let name = if r.count > 1 { format!("{} (×{})", r.name, r.count) } else { r.name.clone() };
    text(out, x + 8.0, y + 17.0, "bold", Anchor::Start, &clip(&name, nc - 1));
    text(out, x + 8.0, y + 32.0, "small muted", Anchor::Start, &clip(r.kind.short(), nc + 2));
    let load = format!("{} ns · {} VS{}", r.namespaces, r.virtual_services, if r.vrf { " · VRF" } else { "" });
    text(out, x + 8.0, y + 48.0, "small", Anchor::Start, &clip(&load, nc + 2));
    let avi = r.avi_subnet_prefix.map(|p| format!(" + Avi /{p}")).unwrap_or_default();
    text(out, x + 8.0, y + 63.0, "small", Anchor::Start, &clip(&format!("{} × /{}{avi}", r.subnets, r.subnet_prefix), nc + 2));
    let cidrs = if r.private_cidrs.is_empty() { "no private CIDR".to_string() } else { r.private_cidrs.join(", ") };
    text(out, x + 8.0, y + 78.0, "small mono muted", Anchor::Start, &clip(&cidrs, nc));
    out.push_str("</g>");
}

fn column(out: &mut String, c: &Column, (y_col, y_transit, y_vpc, y_dedicated, y_se, y_tenants, y_end): (f64, f64, f64, f64, f64, f64, f64)) {
    let (sp, v) = (c.sp, c.v);
    let _ = write!(
        out,
        "<g class=\"supervisor\" data-supervisor=\"{}\" data-platform=\"nsx_vpc\" data-vrfs=\"{}\" data-tenants=\"{}\" data-se-groups=\"{}\">",
        esc(&sp.name),
        v.vrfs,
        v.tenants.len(),
        v.se_groups.key()
    );
    rect(out, c.x - 6.0, y_col - 16.0, c.w + 12.0, y_end - y_col + 16.0, "frame", "rx=\"10\"");
    let head = format!("Supervisor {} · NSX VPCs · project {}", sp.name, v.project);
    text(out, c.x + 4.0, y_col, "h2", Anchor::Start, &clip(&head, (c.w / 7.6) as usize));
    let chars = ((c.w - 20.0) / 6.6) as usize;
    let bold = ((c.w - 20.0) / 7.2) as usize;

    // The transit gateway and the connectivity profile's blocks.
    let x = &v.external;
    let _ = write!(out, "<g class=\"transit\" data-external=\"{}\" data-capacity=\"{}\">", x.addresses, x.capacity.unwrap_or(0));
    rect(out, c.x, y_transit, c.w, BAR_H, "box", "rx=\"6\"");
    let blocks = if x.blocks.is_empty() { "none given".to_string() } else { x.blocks.join(", ") };
    let l1 = format!("Transit gateway · external IP blocks {blocks}");
    text(out, c.x + 8.0, y_transit + 16.0, "bold", Anchor::Start, &clip(&l1, bold));
    let tgw = if v.private_tgw_blocks.is_empty() { "none".to_string() } else { v.private_tgw_blocks.join(", ") };
    let l2 = format!("{} VIPs + {} SNAT IPs = {} addresses · private TGW blocks {tgw}", x.vips, x.snat, x.addresses);
    text(out, c.x + 8.0, y_transit + 31.0, "small muted", Anchor::Start, &clip(&l2, chars));
    out.push_str("</g>");

    let dedicated = !sp.se.dedicated_groups.is_empty();
    for (i, r) in v.vpcs.iter().take(c.shown).enumerate() {
        let x0 = c.vpc_x(i);
        let mid = x0 + VPC_W / 2.0;
        line(out, mid, y_transit + BAR_H, mid, y_vpc, "wire");
        vpc_box(out, r, x0, y_vpc);
        if !r.vrf {
            continue;
        }
        match sp.se.dedicated_groups.iter().find(|g| g.name == r.name).filter(|_| dedicated && r.kind != VpcKind::System) {
            Some(g) => {
                let _ = write!(out, "<g class=\"dedicated\" data-name=\"{}\" data-total=\"{}\" data-count=\"{}\">", esc(&g.name), g.total, g.count);
                line(out, mid, y_vpc + VPC_H, mid, y_dedicated, "wire dash");
                rect(out, x0, y_dedicated, VPC_W, 24.0, "box", "rx=\"5\"");
                let each = if g.count > 1 { " each" } else { "" };
                text(out, x0 + 8.0, y_dedicated + 16.0, "small", Anchor::Start, &format!("dedicated SE group: {}{each}", plural(u64::from(g.total), "SE", "SEs")));
                out.push_str("</g>");
            }
            None => line(out, mid, y_vpc + VPC_H, mid, y_se, "wire dash"),
        }
    }
    let hidden = v.vpcs.len().saturating_sub(c.shown);
    if hidden > 0 {
        let x0 = c.vpc_x(c.shown);
        let _ = write!(out, "<g class=\"vpc more\" data-count=\"{hidden}\">");
        rect(out, x0, y_vpc, VPC_W, VPC_H, "box", "rx=\"6\" style=\"stroke-dasharray:5 3\"");
        text(out, x0 + 8.0, y_vpc + 18.0, "bold", Anchor::Start, &format!("+{hidden} more VPC rows"));
        out.push_str("</g>");
    }

    // The Supervisor's SE group.
    let e = &sp.se.service_engines;
    let _ = write!(out, "<g class=\"se-group\" data-total=\"{}\" data-all=\"{}\">", e.total, sp.se.all_service_engines());
    rect(out, c.x, y_se, c.w, SE_H, "box", "rx=\"8\"");
    let serves = if dedicated { "the system VPC; the others have groups of their own" } else { "every VPC, a data NIC on each VPC's Avi subnet" };
    let l1 = format!("Avi SE group ({}): {} for {serves}", sp.settings.ha_mode.label(), plural(u64::from(e.total), "SE", "SEs"));
    text(out, c.x + 10.0, y_se + 18.0, "bold", Anchor::Start, &clip(&l1, bold));
    let l2 = format!("{} carrying load + {} buffer · {} VRFs · {} SEs in all", e.carrying_load, e.buffer, v.vrfs, sp.se.all_service_engines());
    text(out, c.x + 10.0, y_se + 35.0, "small", Anchor::Start, &clip(&l2, chars));
    let l3 = format!("NSX cloud in VPC mode · {} Service Units in all", sp.se.all_resources().service_units);
    text(out, c.x + 10.0, y_se + 51.0, "small muted", Anchor::Start, &clip(&l3, chars));
    out.push_str("</g>");

    let _ = write!(out, "<g class=\"tenants\" data-count=\"{}\">", v.tenants.len());
    rect(out, c.x, y_tenants, c.w, 26.0, "box", "rx=\"6\"");
    let t = format!("Avi tenants (one per NSX project): {}", v.tenants.join(", "));
    text(out, c.x + 8.0, y_tenants + 17.0, "small", Anchor::Start, &clip(&t, chars));
    out.push_str("</g>");
    out.push_str("</g>");
}
