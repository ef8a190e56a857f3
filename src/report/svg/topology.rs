//! The topology picture, after the seed architecture diagrams: per Supervisor a
//! column with its T0 gateways (and what each advertises northbound), the
//! Supervisor T1 and one T1 box per namespace group (`×count`), their segments,
//! and the SE group attached to the Avi data segments; around the columns the NSX
//! managers and Avi NSX clouds, below them the Avi controller clusters.

use std::fmt::Write as _;

use super::{clip, esc, legend, line, num, plural, rect, swatch, text, tooltip, Anchor, Doc};
use crate::design::{Design, GroupDesign, SupervisorDesign};
use crate::network::{Role, T0Routes};
use crate::plan::{Plan, SupervisorPlan};
use crate::scenario::{HaMode, T0Mode, Topology};
use crate::sizing::ControllerCluster;

const MARGIN: f64 = 16.0;
const T1_W: f64 = 184.0;
const T1_GAP: f64 = 14.0;
const T1_H: f64 = 66.0;
const COL_GAP: f64 = 40.0;
const COL_PAD: f64 = 14.0;
const COL_MIN_W: f64 = 420.0;
/// At most this many Supervisor columns are drawn; a note counts the others.
const MAX_COLUMNS: usize = 3;
/// T1 boxes across the whole picture before groups collapse into a "+N more" box.
const MAX_T1_BOXES: usize = 6;
/// Advertised prefixes listed per T0 before "+N more".
const MAX_ADVERTISED: usize = 5;
const SEG_H: f64 = 18.0;
const SEG_GAP: f64 = 5.0;

const CSS: &str = "
.avs-topology .t0 .box{stroke:var(--avs-fg);stroke-width:1.5}
.avs-topology .t0[data-kind=vrf] .box{stroke-dasharray:6 3}
.avs-topology .t1 .box{stroke:var(--avs-accent);stroke-width:1.5}
.avs-topology .t1 .stack{fill:var(--avs-bg);stroke:var(--avs-accent);stroke-width:1}
.avs-topology .t1.more .box{stroke-dasharray:5 3}
.avs-topology .count{fill:var(--avs-accent);font-weight:700;font-size:14px}
.avs-topology .segment rect{fill:var(--avs-bg2);stroke:var(--avs-line);stroke-width:1}
.avs-topology .segment[data-kind=avi-data] rect{stroke:var(--avs-muted);stroke-dasharray:4 3}
.avs-topology .se-group .box{fill:var(--avs-bg2);stroke:var(--avs-ok);stroke-width:1.8}
.avs-topology .zone rect{fill:var(--avs-bg);stroke:var(--avs-ok);stroke-width:1}
.avs-topology .fabric{fill:var(--avs-bg2);stroke:var(--avs-fg);stroke-width:1}
.avs-topology .arrow{fill:var(--avs-muted)}
.avs-topology .controller .box{fill:var(--avs-bg);stroke:var(--avs-ok);stroke-width:1.5}
.avs-topology .nat rect{fill:var(--avs-bg2);stroke:var(--avs-warn);stroke-width:1}
.avs-topology .nat[data-nat=false] rect{stroke:var(--avs-muted)}
.avs-topology .frame.nsx{stroke:var(--avs-fg)}
.avs-topology .adv-ingress{fill:var(--avs-ingress)}.avs-topology .adv-egress{fill:var(--avs-egress)}
.avs-topology .adv-namespace{fill:var(--avs-namespace)}
";

/// One T1 box in a column.
enum Item<'a> {
    Supervisor,
    Group(&'a GroupDesign),
    /// Groups not drawn: how many, their namespaces, and whether they hang off T0s not drawn.
    More {
        groups: usize,
        namespaces: u64,
    },
}

struct Column<'a> {
    sp: &'a SupervisorPlan,
    sd: Option<&'a SupervisorDesign>,
    /// T1 items with the index (in `sp.net.routes`) of the T0 they uplink to.
    items: Vec<(Item<'a>, Option<usize>)>,
    /// T0s drawn (indexes into routes), in order.
    t0s: Vec<usize>,
    hidden_t0s: usize,
    x: f64,
    w: f64,
}


fn role_short(r: Role) -> &'static str {
    match r {
        Role::IngressCidr => "Ingress",
        Role::EgressCidr => "Egress",
        Role::NamespaceNetwork => "Routed",
        Role::ServiceCidr => "Service",
        Role::Management => "Management",
    }
}

fn t0_heading(t: &T0Routes) -> &'static str {
    match t.kind {
        T0Mode::Shared => "Provider T0",
        T0Mode::Dedicated => "Dedicated T0",
        T0Mode::Vrf => "T0 VRF gateway",
    }
}

fn build_column<'a>(sp: &'a SupervisorPlan, sd: Option<&'a SupervisorDesign>, max_groups: usize) -> Column<'a> {
    let routes = &sp.net.routes;
    let sup_t0 = routes.iter().position(|t| t.supervisor).or(if routes.is_empty() { None } else { Some(0) });
    let groups: Vec<&GroupDesign> = sd.map(|d| d.groups.iter().collect()).unwrap_or_default();
    let mut with_t0: Vec<(&GroupDesign, Option<usize>)> =
        groups.iter().map(|g| (*g, routes.iter().position(|t| t.groups.iter().any(|n| n == &g.name)))).collect();
    // Group T1s under their T0: the provider T0's first, then dedicated and VRF ones.
    with_t0.sort_by_key(|(_, t)| t.unwrap_or(usize::MAX));
    let mut items: Vec<(Item, Option<usize>)> = vec![(Item::Supervisor, sup_t0)];
    let shown = with_t0.len().min(max_groups);
    for (g, t) in &with_t0[..shown] {
        items.push((Item::Group(g), *t));
    }
    let rest = &with_t0[shown..];
    let mut t0s: Vec<usize> = items.iter().filter_map(|(_, t)| *t).collect();
    t0s.dedup();
    if !rest.is_empty() {
        let namespaces = rest.iter().map(|(g, _)| g.count as u64).sum();
        // The "more" box hangs off the provider T0 when all of its groups do.
        let t = if rest.iter().all(|(_, t)| *t == sup_t0) { sup_t0 } else { None };
        items.push((Item::More { groups: rest.len(), namespaces }, t));
    }
    let hidden_t0s = routes.len().saturating_sub(t0s.len());
    let n = items.len() as f64;
    let w = (n * T1_W + (n - 1.0) * T1_GAP + 2.0 * COL_PAD).max(COL_MIN_W);
    Column { sp, sd, items, t0s, hidden_t0s, x: 0.0, w }
}

/// The x of T1 item `i` in a column.
fn item_x(c: &Column, i: usize) -> f64 {
    let n = c.items.len() as f64;
    let used = n * T1_W + (n - 1.0) * T1_GAP;
    c.x + (c.w - used) / 2.0 + i as f64 * (T1_W + T1_GAP)
}

/// Lines of a T0 box: the advertised prefixes (capped) and the count of the rest.
fn advertised_lines(t: &T0Routes) -> usize {
    let n = t.advertised.len().max(1);
    if n > MAX_ADVERTISED {
        MAX_ADVERTISED + 1
    } else {
        n
    }
}

fn frame_label_lines(topology: Topology) -> f64 {
    match topology {
        Topology::DedicatedTransportZones => 2.0,
        _ => 1.0,
    }
}

/// The topology of the whole design.
///
/// Elements: each Supervisor column is `<g class="supervisor" data-supervisor="{name}">`;
/// each T0 drawn is `<g class="t0" data-t0="{name}" data-kind="{shared|dedicated|vrf}"
/// data-roles="{roles advertised, comma-separated}">` holding one `<g class="advertised"
/// data-role="{ingress|egress|namespace}" data-cidr data-scope>` per advertised prefix;
/// each T1 box is `<g class="t1" data-kind="{supervisor|namespace|more}" data-group
/// data-count data-t0>` whose count label is `<text class="count">×N</text>` and whose
/// NAT mark is `<g class="nat" data-nat="{true|false}">`; segments are
/// `<g class="segment" data-kind="{workload|namespace|cluster|avi-data}">`; the SE group is
/// `<g class="se-group" data-total data-zones>` with `<g class="zone" data-zone data-ses>`
/// chips; around them `<g class="nsx">`, `<g class="cloud">` frames and
/// `<g class="controller" data-name data-supervisors>` boxes.
///
/// Supervisors on VDS are drawn by [`super::topology_vds`], those on NSX VPCs by
/// [`super::topology_vpc`]: when no Supervisor has T1s this is the VPC picture (any
/// VPC Supervisor) or the VDS one; in a mixed design it draws the NSX ones and names
/// the others.
pub fn topology(design: &Design, plan: &Plan) -> String {
    // NSX with Avi: the Supervisors with neither a VDS nor a VPC part.
    let nsx: Vec<(usize, &SupervisorPlan)> =
        plan.supervisors.iter().enumerate().filter(|(_, sp)| sp.vds.is_none() && sp.vpc.is_none()).collect();
    if nsx.is_empty() {
        if plan.supervisors.iter().any(|sp| sp.vpc.is_some()) {
            return super::topology_vpc(plan);
        }
        return super::topology_vds(design, plan);
    }
    let topo = plan.topology.topology;
    let n_sup = nsx.len();
    let shown = n_sup.min(MAX_COLUMNS);
    let max_groups = (MAX_T1_BOXES / shown.max(1)).saturating_sub(2).max(1);
    let mut cols: Vec<Column> =
        nsx.iter().take(shown).map(|&(i, sp)| build_column(sp, design.supervisors.get(i), max_groups)).collect();
    // Columns share at least the picture's minimum width.
    let min_w = (760.0 - 2.0 * MARGIN - 24.0 - (cols.len().max(1) - 1) as f64 * COL_GAP) / cols.len().max(1) as f64;
    for c in cols.iter_mut() {
        c.w = c.w.max(min_w);
    }
    let mut x = MARGIN + 12.0;
    for c in cols.iter_mut() {
        c.x = x;
        x += c.w + COL_GAP;
    }
    let content_right = x - COL_GAP;
    let width = (content_right + 12.0 + MARGIN).max(760.0);

    // Vertical layout, shared by every column so rows line up.
    let t0_lines =
        cols.iter().flat_map(|c| c.t0s.iter().map(|&t| advertised_lines(&c.sp.net.routes[t]))).max().unwrap_or(1);
    let any_zones = cols.iter().any(|c| c.sp.se.zones.is_some());
    let y_title = MARGIN + 14.0;
    let y_fabric = y_title + 30.0;
    let fabric_h = 26.0;
    let y_frame = y_fabric + fabric_h + 26.0;
    let y_col = y_frame + 20.0 * frame_label_lines(topo) + 14.0;
    let y_t0 = y_col + 12.0;
    let t0_h = 54.0 + 15.0 * t0_lines as f64;
    let y_t1 = y_t0 + t0_h + 36.0;
    let y_seg = y_t1 + T1_H + 12.0;
    let seg_rows = 3.0;
    let y_se = y_seg + seg_rows * (SEG_H + SEG_GAP) + 24.0;
    let se_h = if any_zones { 96.0 } else { 70.0 };
    let y_frame_end = y_se + se_h + 16.0;
    let y_ctrl = y_frame_end + 30.0;
    let ctrl_h = controller_height(plan);

    let mut body = String::new();
    let title = format!("Topology: {}", topo.label());
    text(&mut body, MARGIN, y_title, "h1", Anchor::Start, &title);
    let sub = format!(
        "{} · {} · {} · {}",
        plural(n_sup as u64, "Supervisor", "Supervisors"),
        plural(plan.topology.nsx_managers as u64, "NSX manager", "NSX managers"),
        plural(plan.topology.nsx_clouds as u64, "Avi NSX cloud", "Avi NSX clouds"),
        plural(plan.topology.controller_clusters.len() as u64, "Avi controller cluster", "Avi controller clusters")
    );
    text(&mut body, MARGIN, y_title + 18.0, "small muted", Anchor::Start, &sub);

    // Physical fabric, which every T0 advertises to.
    let _ = write!(body, "<g class=\"fabric-group\">");
    rect(&mut body, MARGIN, y_fabric, width - 2.0 * MARGIN, fabric_h, "fabric", "rx=\"13\"");
    text(
        &mut body,
        MARGIN + 14.0,
        y_fabric + 17.0,
        "bold",
        Anchor::Start,
        "Physical network (ToR / BGP peers): learns what each T0 advertises",
    );
    body.push_str("</g>");

    // NSX managers and Avi NSX clouds.
    let frame = |out: &mut String, class: &str, x0: f64, x1: f64, y0: f64, y1: f64, label: &str, data: &str| {
        let _ = write!(out, "<g class=\"{class}\" {data}>");
        rect(out, x0, y0, x1 - x0, y1 - y0, &format!("frame {class}"), "rx=\"10\"");
        text(out, x0 + 10.0, y0 + 16.0, "small bold", Anchor::Start, label);
        out.push_str("</g>");
    };
    let (left, right) = (MARGIN, content_right + 12.0);
    match topo {
        Topology::Single => frame(
            &mut body,
            "nsx",
            left,
            right,
            y_frame,
            y_frame_end,
            "NSX manager · overlay transport zone = Avi NSX cloud",
            "data-nsx=\"1\" data-clouds=\"1\"",
        ),
        Topology::SharedTransportZone => frame(
            &mut body,
            "nsx",
            left,
            right,
            y_frame,
            y_frame_end,
            &format!("NSX manager · one overlay transport zone shared by {n_sup} Supervisors = one Avi NSX cloud"),
            "data-nsx=\"1\" data-clouds=\"1\"",
        ),
        Topology::DedicatedTransportZones => {
            frame(&mut body, "nsx", left, right, y_frame, y_frame_end, "NSX manager", "data-nsx=\"1\"");
            for (i, c) in cols.iter().enumerate() {
                frame(
                    &mut body,
                    "cloud",
                    c.x - 6.0,
                    c.x + c.w + 6.0,
                    y_frame + 22.0,
                    y_frame_end - 6.0,
                    &format!("overlay transport zone {} = Avi NSX cloud {}", i + 1, i + 1),
                    &format!("data-cloud=\"{}\"", i + 1),
                );
            }
        }
        Topology::MultiNsx => {
            for (i, c) in cols.iter().enumerate() {
                frame(
                    &mut body,
                    "nsx",
                    c.x - 8.0,
                    c.x + c.w + 8.0,
                    y_frame,
                    y_frame_end,
                    &format!("NSX manager {} · transport zone = Avi NSX cloud {}", i + 1, i + 1),
                    &format!("data-nsx=\"{}\" data-clouds=\"1\"", i + 1),
                );
            }
        }
    }

    for c in &cols {
        column(&mut body, c, y_fabric + fabric_h, y_col, y_t0, t0_h, y_t1, y_seg, y_se, se_h);
    }

    // Avi controller clusters, each under the Supervisors it manages.
    for cc in &plan.topology.controller_clusters {
        let members: Vec<&Column> = cols.iter().filter(|c| cc.supervisors.iter().any(|s| s == &c.sp.name)).collect();
        let (Some(first), Some(last)) = (members.first(), members.last()) else { continue };
        let mids: Vec<f64> = members.iter().map(|m| m.x + m.w / 2.0).collect();
        controller_box(&mut body, cc, (first.x, last.x + last.w), &mids, y_se + se_h, (y_ctrl, ctrl_h));
    }
    let mut y = y_ctrl + ctrl_h + 16.0;
    let others: [(&str, fn(&SupervisorPlan) -> bool); 2] =
        [("VDS", |sp| sp.vds.is_some()), ("NSX VPCs", |sp| sp.vpc.is_some())];
    for (what, on) in others {
        let names: Vec<&str> = plan.supervisors.iter().filter(|sp| on(sp)).map(|sp| sp.name.as_str()).collect();
        if !names.is_empty() {
            let note = format!("Supervisors on {what}, in the {what} topology picture: {}", names.join(", "));
            text(&mut body, MARGIN, y + 10.0, "bold", Anchor::Start, &clip(&note, ((width - 2.0 * MARGIN) / 7.0) as usize));
            y += 22.0;
        }
    }
    if n_sup > shown {
        text(
            &mut body,
            MARGIN,
            y + 10.0,
            "bold",
            Anchor::Start,
            &format!(
                "… and {} more Supervisors, not drawn (each has its own T0, T1s and SE group as above)",
                n_sup - shown
            ),
        );
        y += 22.0;
    }

    let items = vec![
        (swatch("box", "style=\"stroke:var(--avs-fg)\""), "T0 gateway (dashed: T0 VRF gateway)".to_string()),
        (swatch("box", "style=\"stroke:var(--avs-accent)\""), "T1 gateway (×N: one per namespace)".to_string()),
        (swatch("box2", ""), "segment".to_string()),
        (swatch("box2", "style=\"stroke-dasharray:3 2\""), "Avi data segment (non-routable)".to_string()),
        (swatch("box2", "style=\"stroke:var(--avs-warn)\""), "NAT: SNAT IP per T1".to_string()),
        (swatch("box2", "style=\"stroke:var(--avs-ok)\""), "Avi SE group / controller".to_string()),
        (swatch("adv-ingress", ""), "advertised: Ingress (VIPs)".to_string()),
        (swatch("adv-egress", ""), "Egress (SNAT, with NAT)".to_string()),
        (swatch("adv-namespace", ""), "Routed: namespace, TKG and workload networks (no NAT)".to_string()),
    ];
    y += legend(&mut body, MARGIN, y + 12.0, width - 2.0 * MARGIN, &items);

    let desc = cols
        .iter()
        .map(|c| {
            let t0s: Vec<String> =
                c.sp.net
                    .routes
                    .iter()
                    .map(|t| {
                        let roles: Vec<&str> = roles_of(t).into_iter().map(role_short).collect();
                        format!(
                            "{} advertising {}",
                            t.t0,
                            if roles.is_empty() { "nothing".into() } else { roles.join(", ") }
                        )
                    })
                    .collect();
            let groups = c.sd.map(|d| d.groups.len()).unwrap_or(0);
            format!(
                "Supervisor {}: {}; Supervisor T1 and {} ({} namespaces, one T1 each); SE group of {}.",
                c.sp.name,
                t0s.join("; "),
                plural(groups as u64, "namespace group", "namespace groups"),
                c.sp.se.load.namespaces,
                plural(c.sp.se.service_engines.total as u64, "SE", "SEs")
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    Doc { kind: "topology", width, height: y + MARGIN, title, desc: format!("{sub}. {desc}"), css: CSS, body }.render()
}

/// Height of a controller cluster box: one line more with a DNS SE group.
pub(super) fn controller_height(plan: &Plan) -> f64 {
    if plan.topology.controller_clusters.iter().any(|c| c.dns_se_group.is_some()) {
        92.0
    } else {
        74.0
    }
}

/// Every Avi controller cluster under the columns (`(Supervisor, x, width)`) of the
/// Supervisors it manages, wired up to `from`; clusters with none drawn are left out.
pub(super) fn controllers_below(out: &mut String, plan: &Plan, cols: &[(&str, f64, f64)], from: f64, (y, h): (f64, f64)) {
    for cc in &plan.topology.controller_clusters {
        let members: Vec<&(&str, f64, f64)> = cols.iter().filter(|c| cc.supervisors.iter().any(|s| s == c.0)).collect();
        let (Some(first), Some(last)) = (members.first(), members.last()) else { continue };
        let mids: Vec<f64> = members.iter().map(|m| m.1 + m.2 / 2.0).collect();
        controller_box(out, cc, (first.1, last.1 + last.2), &mids, from, (y, h));
    }
}

/// One Avi controller cluster: a box spanning `x0..x1` at `y` (`h` high), wired up
/// to `from` at each of `mids` (the columns of the Supervisors it manages).
pub(super) fn controller_box(out: &mut String, cc: &ControllerCluster, (x0, x1): (f64, f64), mids: &[f64], from: f64, (y, h): (f64, f64)) {
    let _ = write!(
        out,
        "<g class=\"controller\" data-name=\"{}\" data-supervisors=\"{}\">",
        esc(&cc.name),
        esc(&cc.supervisors.join(","))
    );
    for &mx in mids {
        line(out, mx, from, mx, y, "wire dash");
    }
    rect(out, x0, y, x1 - x0, h, "box", "rx=\"8\"");
    let chars = ((x1 - x0 - 20.0) / 6.4) as usize;
    text(out, x0 + 10.0, y + 19.0, "bold", Anchor::Start, &clip(&format!("Avi controller cluster {}", cc.name), chars));
    let l2 = format!("{} size: {} nodes × {} vCPU / {} GB", cc.size, cc.nodes, cc.vcpus_per_node, cc.memory_gb_per_node);
    text(out, x0 + 10.0, y + 37.0, "small", Anchor::Start, &clip(&l2, chars));
    let l3 = format!("manages {} virtual services and {}", cc.virtual_services, plural(cc.service_engines, "SE", "SEs"));
    text(out, x0 + 10.0, y + 55.0, "small", Anchor::Start, &clip(&l3, chars));
    if let Some(d) = &cc.dns_se_group {
        let l4 = format!("DNS SE group: {} for {} DNS virtual service(s)", plural(d.total as u64, "SE", "SEs"), d.virtual_services);
        text(out, x0 + 10.0, y + 73.0, "small", Anchor::Start, &clip(&l4, chars));
    }
    out.push_str("</g>");
}

/// The distinct roles a T0 advertises, in order.
fn roles_of(t: &T0Routes) -> Vec<Role> {
    let mut roles: Vec<Role> = Vec::new();
    for a in &t.advertised {
        if !roles.contains(&a.role) {
            roles.push(a.role);
        }
    }
    roles
}

#[allow(clippy::too_many_arguments)]
fn column(
    out: &mut String,
    c: &Column,
    fabric_bottom: f64,
    y_col: f64,
    y_t0: f64,
    t0_h: f64,
    y_t1: f64,
    y_seg: f64,
    y_se: f64,
    se_h: f64,
) {
    let sp = c.sp;
    let routes = &sp.net.routes;
    let _ = write!(out, "<g class=\"supervisor\" data-supervisor=\"{}\">", esc(&sp.name));
    let zones = sp.se.zones.as_ref().map(|z| z.zones).or(c.sd.map(|d| d.zones)).unwrap_or(1);
    let head = if zones > 1 {
        format!("Supervisor {} · {zones} vSphere zones", sp.name)
    } else {
        format!("Supervisor {}", sp.name)
    };
    text(out, c.x + 4.0, y_col, "h2", Anchor::Start, &clip(&head, (c.w / 7.6) as usize));

    // T0 boxes, each over the T1s that uplink to it.
    for &t in &c.t0s {
        let idx: Vec<usize> =
            c.items.iter().enumerate().filter(|(_, (_, tt))| *tt == Some(t)).map(|(i, _)| i).collect();
        let (Some(&a), Some(&b)) = (idx.first(), idx.last()) else { continue };
        let x0 = item_x(c, a);
        let x1 = item_x(c, b) + T1_W;
        t0_box(out, &routes[t], x0, y_t0, x1 - x0, t0_h, fabric_bottom);
    }
    if c.hidden_t0s > 0 {
        // Over the "more" box (the last item).
        let i = c.items.len() - 1;
        let x0 = item_x(c, i);
        let _ = write!(out, "<g class=\"t0 more\" data-kind=\"more\" data-count=\"{}\">", c.hidden_t0s);
        rect(out, x0, y_t0, T1_W, t0_h, "box", "rx=\"6\" style=\"stroke-dasharray:5 3\"");
        text(out, x0 + 8.0, y_t0 + 18.0, "bold", Anchor::Start, &format!("+{} more T0s", c.hidden_t0s));
        text(out, x0 + 8.0, y_t0 + 34.0, "small muted", Anchor::Start, "dedicated T0 / VRF gateways");
        text(out, x0 + 8.0, y_t0 + 49.0, "small muted", Anchor::Start, "of the groups not drawn");
        out.push_str("</g>");
    }

    // T1 boxes, their uplinks and segments.
    let avi_y = y_seg + 2.0 * (SEG_H + SEG_GAP);
    let mut avi_points = Vec::new();
    for (i, (item, t)) in c.items.iter().enumerate() {
        let x0 = item_x(c, i);
        let mid = x0 + T1_W / 2.0;
        if let Some(_t) = t {
            line(out, mid, y_t0 + t0_h, mid, y_t1, "wire");
        } else if c.hidden_t0s > 0 {
            line(out, mid, y_t0 + t0_h, mid, y_t1, "wire dash");
        }
        let t0_name = t.and_then(|t| routes.get(t)).map(|r| r.t0.as_str()).unwrap_or("");
        match item {
            Item::Supervisor => {
                let _ = write!(
                    out,
                    "<g class=\"t1\" data-kind=\"supervisor\" data-count=\"1\" data-t0=\"{}\">",
                    esc(t0_name)
                );
                tooltip(out, &format!("Supervisor T1 of {}", sp.name));
                rect(out, x0, y_t1, T1_W, T1_H, "box", "rx=\"6\"");
                text(out, x0 + 8.0, y_t1 + 18.0, "bold", Anchor::Start, "Supervisor T1");
                text(
                    out,
                    x0 + 8.0,
                    y_t1 + 34.0,
                    "small muted",
                    Anchor::Start,
                    &format!("{} VS (API server)", c.sd.map_or(1, |d| d.supervisor_virtual_services)),
                );
                let nat = c.sd.map_or(sp.net.control_plane.snat_ip.is_some(), |d| d.nat);
                let snat = sp
                    .net
                    .control_plane
                    .snat_ip
                    .as_deref()
                    .map(|s| format!("SNAT {s}"))
                    .unwrap_or_else(|| "SNAT".into());
                nat_mark(out, x0 + 8.0, y_t1 + 42.0, nat, &snat);
                out.push_str("</g>");
                segments(out, x0, y_seg, &[("workload", "workload segment".to_string())]);
            }
            Item::Group(g) => {
                let _ = write!(
                    out,
                    "<g class=\"t1\" data-kind=\"namespace\" data-group=\"{}\" data-count=\"{}\" data-t0=\"{}\">",
                    esc(&g.name),
                    g.count,
                    esc(t0_name)
                );
                tooltip(
                    out,
                    &format!(
                        "Namespace group {}: {} each with its own T1, {} TKG cluster(s), {} VS each",
                        g.name,
                        plural(g.count as u64, "namespace", "namespaces"),
                        g.tkg_clusters,
                        g.vs_per_namespace()
                    ),
                );
                if g.count > 1 {
                    rect(out, x0 + 6.0, y_t1 - 6.0, T1_W, T1_H, "stack", "rx=\"6\"");
                    rect(out, x0 + 3.0, y_t1 - 3.0, T1_W, T1_H, "stack", "rx=\"6\"");
                }
                rect(out, x0, y_t1, T1_W, T1_H, "box", "rx=\"6\"");
                let count = format!("×{}", g.count);
                let cw = super::text_width(&count, 14.0) + 8.0;
                text(out, x0 + T1_W - 8.0, y_t1 + 19.0, "count", Anchor::End, &count);
                let name_chars = ((T1_W - 16.0 - cw) / 7.2) as usize;
                text(out, x0 + 8.0, y_t1 + 18.0, "bold", Anchor::Start, &clip(&g.name, name_chars.max(4)));
                let mut l2 = format!("T1 each · {} VS each", g.vs_per_namespace());
                if g.has_custom_networks() {
                    l2 = format!("T1 each · {} VS · custom nets", g.vs_per_namespace());
                }
                text(out, x0 + 8.0, y_t1 + 34.0, "small muted", Anchor::Start, &clip(&l2, 27));
                nat_mark(out, x0 + 8.0, y_t1 + 42.0, g.nat, "1 SNAT IP each");
                out.push_str("</g>");
                let mut segs = vec![("namespace", "namespace segment".to_string())];
                if g.tkg_clusters > 0 {
                    segs.push(("cluster", format!("TKG cluster segment ×{}", g.tkg_clusters)));
                }
                segments(out, x0, y_seg, &segs);
            }
            Item::More { groups, namespaces } => {
                let _ = write!(
                    out,
                    "<g class=\"t1 more\" data-kind=\"more\" data-groups=\"{groups}\" data-count=\"{namespaces}\" data-t0=\"{}\">",
                    esc(t0_name)
                );
                rect(out, x0 + 6.0, y_t1 - 6.0, T1_W, T1_H, "stack", "rx=\"6\"");
                rect(out, x0, y_t1, T1_W, T1_H, "box", "rx=\"6\"");
                text(out, x0 + 8.0, y_t1 + 18.0, "bold", Anchor::Start, &format!("+{} more groups", groups));
                text(out, x0 + T1_W - 8.0, y_t1 + 19.0, "count", Anchor::End, &format!("×{namespaces}"));
                text(out, x0 + 8.0, y_t1 + 36.0, "small muted", Anchor::Start, "one T1 per namespace");
                text(out, x0 + 8.0, y_t1 + 52.0, "small muted", Anchor::Start, "(see the tables)");
                out.push_str("</g>");
                segments(out, x0, y_seg, &[("namespace", "segments as above".to_string())]);
            }
        }
        // Every T1 has its Avi data segment, where the SEs attach.
        avi_data(out, x0, avi_y);
        avi_points.push(mid);
        // Bus from the T1 down its segments.
        line(out, x0 + 4.0, y_t1 + T1_H, x0 + 4.0, avi_y + SEG_H / 2.0, "wire");
    }

    // The SE group, attached to every Avi data segment.
    let se = &sp.se.service_engines;
    let gx = c.x + 4.0;
    let gw = c.w - 8.0;
    for &m in &avi_points {
        line(out, m, avi_y + SEG_H, m, y_se, "wire dash");
    }
    let _ = write!(
        out,
        "<g class=\"se-group\" data-total=\"{}\" data-zones=\"{}\">",
        se.total,
        sp.se.zones.as_ref().map_or(1, |z| z.zones)
    );
    tooltip(out, &sp.se.explanation.join(" "));
    rect(out, gx, y_se, gw, se_h, "box", "rx=\"8\"");
    let mut parts = vec![format!("{} carrying load", se.carrying_load)];
    if se.buffer > 0 {
        parts.push(format!("{} buffer", se.buffer));
    }
    if se.zone_spare > 0 {
        parts.push(format!("{} zone spare", se.zone_spare));
    }
    let chars = (gw / 6.9) as usize;
    text(
        out,
        gx + 10.0,
        y_se + 19.0,
        "bold",
        Anchor::Start,
        &clip(&format!("Avi SE group · {} ({})", plural(se.total as u64, "SE", "SEs"), parts.join(" + ")), chars),
    );
    text(out, gx + 10.0, y_se + 37.0, "small", Anchor::Start, &clip(sp.se.settings.ha_mode.label(), chars));
    let mut l2 = "one-arm: one data interface per T1 (VRF)".to_string();
    if sp.se.settings.ha_mode == HaMode::ActiveActive {
        // The sources disagree (DOMAIN.md section 1): the plan's notes name both.
        l2.push_str(" · DFW exclusion: see the note");
    }
    if !se.feasible {
        l2 = "infeasible: Legacy A/S needs more than one pair".into();
    }
    text(
        out,
        gx + 10.0,
        y_se + 55.0,
        if se.feasible { "small" } else { "small danger" },
        Anchor::Start,
        &clip(&l2, (gw / 6.4) as usize),
    );
    if let Some(z) = &sp.se.zones {
        let mut zx = gx + 10.0;
        for (k, n) in z.per_zone.iter().enumerate() {
            let label = format!("zone {}: {}", k + 1, plural(*n as u64, "SE", "SEs"));
            let w = super::text_width(&label, 11.0) + 14.0;
            let _ = write!(out, "<g class=\"zone\" data-zone=\"{}\" data-ses=\"{n}\">", k + 1);
            rect(out, zx, y_se + 66.0, w, 20.0, "", "rx=\"4\"");
            text(out, zx + 7.0, y_se + 80.0, "small", Anchor::Start, &label);
            out.push_str("</g>");
            zx += w + 6.0;
        }
        if z.survive_zone_loss {
            text(
                out,
                zx + 4.0,
                y_se + 80.0,
                "small ok",
                Anchor::Start,
                &format!("survives a zone loss ({} left)", z.after_zone_loss),
            );
        }
    }
    out.push_str("</g>");
    out.push_str("</g>");
}

fn t0_box(out: &mut String, t: &T0Routes, x: f64, y: f64, w: f64, h: f64, fabric_bottom: f64) {
    let roles: Vec<&str> = roles_of(t).into_iter().map(Role::short).collect();
    let _ = write!(
        out,
        "<g class=\"t0\" data-t0=\"{}\" data-kind=\"{}\" data-roles=\"{}\">",
        esc(&t.t0),
        t.kind.key(),
        roles.join(",")
    );
    tooltip(
        out,
        &format!(
            "{}: {} host routes and {} segment routes without aggregation; {} aggregate prefixes to configure: {}",
            t.t0,
            t.host_routes,
            t.subnet_routes,
            t.aggregates.len(),
            t.aggregates.join(", ")
        ),
    );
    // Northbound advertisement, at the right so frame labels on the left stay clear.
    let ax = x + w - 22.0;
    line(out, ax, y, ax, fabric_bottom + 7.0, "wire");
    let _ = write!(out, "<path class=\"arrow\" d=\"M{} {}l-5 8h10z\"/>", num(ax), num(fabric_bottom));
    rect(out, x, y, w, h, "box", "rx=\"6\"");
    let chars = ((w - 30.0) / 6.5) as usize;
    text(out, x + 8.0, y + 18.0, "bold", Anchor::Start, t0_heading(t));
    text(out, x + 8.0, y + 33.0, "small mono", Anchor::Start, &clip(&t.t0, ((w - 16.0) / 6.7) as usize));
    text(out, x + 8.0, y + 48.0, "small muted", Anchor::Start, "advertises northbound:");
    let mut ly = y + 64.0;
    if t.advertised.is_empty() {
        text(out, x + 8.0, ly, "small", Anchor::Start, &clip("nothing (no VIP, SNAT IP or routed network)", chars));
    }
    for (i, a) in t.advertised.iter().enumerate() {
        let role = a.role.short();
        let _ = write!(
            out,
            "<g class=\"advertised\" data-role=\"{role}\" data-cidr=\"{}\" data-scope=\"{}\">",
            esc(&a.cidr),
            esc(&a.scope)
        );
        let unit = if a.role == Role::NamespaceNetwork { "subnets" } else { "/32s" };
        let scope = if a.scope == "supervisor" { String::new() } else { format!(" ({})", a.scope) };
        tooltip(out, &format!("{} {}{scope}: {} {unit} without aggregation", a.role.label(), a.cidr, a.routes));
        if i < MAX_ADVERTISED || t.advertised.len() <= MAX_ADVERTISED + 1 {
            // The longest form that fits the box.
            let forms = [
                format!("{} {}{scope} · {} {unit}", role_short(a.role), a.cidr, a.routes),
                format!("{} {} · {} {unit}", role_short(a.role), a.cidr, a.routes),
                format!("{} {}", role_short(a.role), a.cidr),
            ];
            let label =
                forms.iter().find(|f| f.chars().count() <= chars).cloned().unwrap_or_else(|| clip(&forms[2], chars));
            rect(out, x + 8.0, ly - 9.0, 9.0, 9.0, &format!("adv-{role}"), "");
            text(out, x + 22.0, ly, "small", Anchor::Start, &label);
            ly += 15.0;
        }
        out.push_str("</g>");
    }
    if t.advertised.len() > MAX_ADVERTISED + 1 {
        text(
            out,
            x + 22.0,
            ly,
            "small muted",
            Anchor::Start,
            &format!("+{} more prefixes", t.advertised.len() - MAX_ADVERTISED),
        );
    }
    out.push_str("</g>");
}

fn nat_mark(out: &mut String, x: f64, y: f64, nat: bool, snat: &str) {
    let label = if nat { format!("NAT · {snat}") } else { "routed (no NAT)".to_string() };
    let w = super::text_width(&label, 11.0) + 12.0;
    let _ = write!(out, "<g class=\"nat\" data-nat=\"{nat}\">");
    rect(out, x, y, w.min(T1_W - 16.0), 17.0, "", "rx=\"8\"");
    text(out, x + 6.0, y + 12.5, "small", Anchor::Start, &clip(&label, 26));
    out.push_str("</g>");
}

fn segments(out: &mut String, x: f64, y: f64, segs: &[(&str, String)]) {
    for (k, (kind, label)) in segs.iter().enumerate() {
        let sy = y + k as f64 * (SEG_H + SEG_GAP);
        let _ = write!(out, "<g class=\"segment\" data-kind=\"{kind}\">");
        rect(out, x + 10.0, sy, T1_W - 10.0, SEG_H, "", "rx=\"3\"");
        text(out, x + 16.0, sy + 13.0, "small", Anchor::Start, &clip(label, 26));
        out.push_str("</g>");
    }
}

fn avi_data(out: &mut String, x: f64, y: f64) {
    out.push_str("<g class=\"segment\" data-kind=\"avi-data\">");
    rect(out, x + 10.0, y, T1_W - 10.0, SEG_H, "", "rx=\"3\"");
    text(out, x + 16.0, y + 13.0, "small", Anchor::Start, "Avi data (non-routable)");
    out.push_str("</g>");
}
