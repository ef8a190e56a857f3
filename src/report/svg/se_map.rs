//! The Service Engine map: one column per SE, its data interfaces as cells coloured
//! by the T1 (VRF) they attach to, its virtual-service slots as a bar; spare SEs
//! (buffer, zone spare) drawn apart and hatched; the binding constraint stated in
//! the caption and outlined on the SEs it exhausted.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::{clip, esc, legend, line, num, plural, rect, swatch, text, tooltip, wrap, Anchor, Doc, VRF_COLOURS};
use crate::plan::SupervisorPlan;
use crate::sizing::{Binding, SeRole, SeUse};

/// Widest the picture gets; more SEs wrap to further rows.
const MAX_WIDTH: f64 = 1200.0;
/// Above this many SEs, alike SEs share one column (see [`kinds`]).
pub const ONE_COLUMN_EACH_UP_TO: usize = 48;
const MARGIN: f64 = 16.0;

const CSS: &str = "
.avs-se-map .if.free{fill:var(--avs-bg);stroke:var(--avs-line);stroke-width:1}
.avs-se-map .if.used{stroke:var(--avs-bg);stroke-width:1}
.avs-se-map .if-frame,.avs-se-map .vs-frame{fill:none;stroke:var(--avs-muted);stroke-width:1}
.avs-se-map .vs-fill{fill:var(--avs-accent)}
.avs-se-map .exhausted{stroke:var(--avs-danger);stroke-width:2.5}
.avs-se-map .se-outline{fill:none;stroke:var(--avs-line);stroke-width:1}
.avs-se-map .se-outline.standby,.avs-se-map .se-outline.spare{stroke:var(--avs-muted);stroke-dasharray:4 3}
.avs-se-map .sep{stroke:var(--avs-muted);stroke-width:1.2;stroke-dasharray:5 4}
.avs-se-map .zone.z1{fill:var(--avs-s1)}.avs-se-map .zone.z2{fill:var(--avs-s2)}.avs-se-map .zone.z3{fill:var(--avs-s3)}
.avs-se-map .binding-box{fill:var(--avs-bg2);stroke:var(--avs-danger);stroke-width:1.5}
.avs-se-map .se:hover .se-outline{stroke:var(--avs-focus);stroke-width:2}
";

/// Sizes of one SE column, by how many SEs there are.
struct Scale {
    col_w: f64,
    cell_w: f64,
    cell_h: f64,
    vs_w: f64,
    /// Per-column labels: 2 = index, role, zone and counts; 1 = index only; 0 = none.
    labels: u8,
    /// Per-cell tooltips (left out when there are very many cells).
    cell_titles: bool,
}

fn scale(n: usize) -> Scale {
    match n {
        0..=14 => Scale { col_w: 78.0, cell_w: 34.0, cell_h: 14.0, vs_w: 14.0, labels: 2, cell_titles: true },
        15..=48 => Scale { col_w: 40.0, cell_w: 18.0, cell_h: 10.0, vs_w: 8.0, labels: 1, cell_titles: true },
        _ => Scale { col_w: 20.0, cell_w: 10.0, cell_h: 6.0, vs_w: 5.0, labels: 0, cell_titles: false },
    }
}

fn role_key(r: SeRole) -> &'static str {
    match r {
        SeRole::Active => "active",
        SeRole::Standby => "standby",
        SeRole::Buffer => "buffer",
        SeRole::ZoneSpare => "zone_spare",
    }
}

fn role_label(r: SeRole) -> &'static str {
    match r {
        SeRole::Active => "active",
        SeRole::Standby => "standby",
        SeRole::Buffer => "buffer",
        SeRole::ZoneSpare => "zone spare",
    }
}

fn is_spare(r: SeRole) -> bool {
    matches!(r, SeRole::Buffer | SeRole::ZoneSpare)
}

/// What makes two SEs alike in the picture: role, zone, data interfaces and VS slots
/// (used and in all).
type Shape = (&'static str, Option<u32>, u32, u32, u32, u32);

fn shape(p: &SeUse) -> Shape {
    (role_key(p.role), p.zone, p.interfaces_used, p.interfaces, p.virtual_services, p.vs_slots)
}

/// The SEs drawn, each with how many SEs its column stands for: one column per SE
/// up to [`ONE_COLUMN_EACH_UP_TO`], else one per kind of alike SEs (in order of
/// first appearance, drawn as the first SE of the kind).
fn columns(placement: &[SeUse]) -> Vec<(&SeUse, usize)> {
    if placement.len() <= ONE_COLUMN_EACH_UP_TO {
        return placement.iter().map(|p| (p, 1)).collect();
    }
    let mut index: HashMap<Shape, usize> = HashMap::new();
    let mut out: Vec<(&SeUse, usize)> = Vec::new();
    for p in placement {
        match index.get(&shape(p)).and_then(|&k| out.get_mut(k)) {
            Some(col) => col.1 += 1,
            None => {
                index.insert(shape(p), out.len());
                out.push((p, 1));
            }
        }
    }
    out
}

/// The colour class of each VRF: the Supervisor's own, then namespaces cycling
/// through the palette in order of first appearance.
fn vrf_classes(placement: &[SeUse]) -> HashMap<&str, String> {
    let mut out: HashMap<&str, String> = HashMap::new();
    let mut next = 0usize;
    for se in placement {
        for v in &se.vrfs {
            if !out.contains_key(v.as_str()) {
                let class = if v == "supervisor" {
                    "vrf-sup".to_string()
                } else {
                    next += 1;
                    format!("vrf{}", (next - 1) % VRF_COLOURS)
                };
                out.insert(v.as_str(), class);
            }
        }
    }
    out
}

/// The sentence under the title naming the binding constraint, and which resource
/// to outline on the SEs it exhausted.
fn binding_text(sp: &SupervisorPlan) -> (String, Option<Binding>) {
    let se = &sp.se.service_engines;
    let set = &sp.se.settings;
    let loaded: Vec<&SeUse> = se.placement.iter().filter(|p| !is_spare(p.role)).collect();
    let n = loaded.len();
    match se.binding {
        Binding::Interfaces => {
            let full = loaded.iter().filter(|p| p.interfaces_used >= p.interfaces).count();
            (
                format!(
                    "Binding constraint: data interfaces. {full} of {n} SEs carrying load use all {} data interfaces \
                     (outlined red): every T1 (VRF) on an SE takes one, so the next T1 needs a new SE.",
                    set.data_nics_per_se
                ),
                Some(Binding::Interfaces),
            )
        }
        Binding::VirtualServices => {
            let full = loaded.iter().filter(|p| p.virtual_services >= p.vs_slots).count();
            (
                format!(
                    "Binding constraint: virtual-service slots. {full} of {n} SEs carrying load have all {} VS slots \
                     filled (outlined red).",
                    set.max_vs_per_se
                ),
                Some(Binding::VirtualServices),
            )
        }
        Binding::ScaleOut => (
            format!(
                "Binding constraint: scale-out. Each virtual service goes on {} distinct SEs (scale factor {}, {} placement).",
                set.scale_factor,
                set.scale_factor,
                set.placement.key()
            ),
            None,
        ),
        Binding::Minimum => (
            format!(
                "Binding constraint: minimum group size. The load fits on the {} the scale factor ({}) requires.",
                plural(set.scale_factor as u64, "SE", "SEs"),
                set.scale_factor
            ),
            None,
        ),
    }
}

/// The Service Engine map of one Supervisor's SE group.
///
/// Elements: each SE is `<g class="se" data-se="{index}" data-role="{active|standby|buffer|zone_spare}"
/// data-interfaces-used data-interfaces data-vs data-vs-slots [data-zone]>`, holding one
/// `<rect class="if used vrfK">` per used data interface (in VRF order, `<title>` the T1)
/// and one `<rect class="if free">` per free one, a `<rect class="vs-frame">` and a
/// `<rect class="vs-fill">` for its VS slots; a resource the binding constraint exhausted
/// carries the class `exhausted`. The caption is `<text class="binding" data-binding="{key}">`.
pub fn se_map(sp: &SupervisorPlan) -> String {
    let se = &sp.se.service_engines;
    let set = &sp.se.settings;
    let placement = &se.placement;
    let cols = columns(placement);
    let aggregated = cols.len() < placement.len();
    let s = scale(cols.len());
    let classes = vrf_classes(placement);
    let (binding_line, outline) = binding_text(sp);

    // Width: as wide as the columns need (both sections on one row when they fit), capped.
    let left = if s.labels == 0 { MARGIN + 80.0 } else { MARGIN };
    let per_row = (((MAX_WIDTH - left - MARGIN) / s.col_w).floor() as usize).max(1);
    let n_loaded = cols.iter().filter(|(p, _)| !is_spare(p.role)).count();
    let n_spare = cols.len() - n_loaded;
    let one_row = n_loaded + n_spare + usize::from(n_spare > 0) <= per_row;
    let spare_label = {
        let mut p = Vec::new();
        if se.buffer > 0 {
            p.push(format!("{} buffer", se.buffer));
        }
        if se.zone_spare > 0 {
            p.push(format!("{} zone spare", se.zone_spare));
        }
        format!("Spare, empty until a failure: {}", p.join(" + "))
    };
    let content_w = if one_row {
        let spare_w = if n_spare > 0 {
            s.col_w + super::text_width(&spare_label, 11.0).max(n_spare as f64 * s.col_w)
        } else {
            0.0
        };
        left + n_loaded as f64 * s.col_w + spare_w
    } else {
        left + per_row.min(n_loaded.max(n_spare)) as f64 * s.col_w
    };
    let width = (content_w + MARGIN).clamp(760.0, MAX_WIDTH);

    let mut body = String::new();
    let mut y = MARGIN + 16.0;
    let mut parts = vec![format!("{} carrying load", se.carrying_load)];
    if se.buffer > 0 {
        parts.push(format!("{} buffer", se.buffer));
    }
    if se.zone_spare > 0 {
        parts.push(format!("{} zone spare", se.zone_spare));
    }
    let title = format!("Service Engine map, {}: {}", sp.name, plural(se.total as u64, "SE", "SEs"));
    text(&mut body, MARGIN, y, "h1", Anchor::Start, &clip(&title, ((width - 2.0 * MARGIN) / 8.8) as usize));
    y += 20.0;
    let settings_line = format!(
        "{} ({}). Each SE: {} data interfaces (one per T1/VRF), {} VS slots. Scale factor {}, max_se {}.",
        parts.join(" + "),
        set.ha_mode.label(),
        set.data_nics_per_se,
        set.max_vs_per_se,
        set.scale_factor,
        se.max_se
    );
    let small_chars = ((width - 2.0 * MARGIN) / 6.4) as usize;
    for (k, l) in wrap(&settings_line, small_chars).iter().enumerate() {
        text(&mut body, MARGIN, y + k as f64 * 14.0, "small muted", Anchor::Start, l);
        if k > 0 {
            y += 14.0;
        }
    }
    y += 12.0;
    if aggregated {
        // Say that columns stand for several SEs, before anything is read off them.
        let kinds = format!(
            "{} SEs drawn as {} columns of alike SEs (same role, zone, interfaces and VS slots in use); \
             each column is labelled with how many SEs it stands for (×N), its colours are those of the \
             first of them. The placement table lists every SE.",
            super::thousands(placement.len() as u64),
            cols.len()
        );
        for l in wrap(&kinds, small_chars) {
            y += 14.0;
            let _ = write!(
                body,
                "<text class=\"small bold aggregated\" x=\"{}\" y=\"{}\" data-columns=\"{}\">{}</text>",
                num(MARGIN),
                num(y),
                cols.len(),
                esc(&l)
            );
        }
        y += 4.0;
    }

    // The binding constraint, boxed so it is seen first.
    let chars = ((width - 2.0 * MARGIN - 20.0) / 7.3) as usize;
    let mut notes: Vec<(String, &str)> = wrap(&binding_line, chars).into_iter().map(|l| (l, "bold")).collect();
    if se.carrying_load > se.lower_bound {
        let note = format!(
            "Placed in creation order the group reaches {} SEs carrying load; a perfect placement would need {} ({}).",
            se.carrying_load,
            se.lower_bound,
            se.lower_bound_binding.label()
        );
        notes.extend(wrap(&note, chars).into_iter().map(|l| (l, "")));
    }
    if let Some(why) = &se.infeasible_reason {
        notes.extend(wrap(&format!("Infeasible: {why}"), chars).into_iter().map(|l| (l, "danger bold")));
    }
    if se.total > se.max_se {
        let note = format!("{} SEs exceed max_se = {}: raise max_se to at least {}.", se.total, se.max_se, se.total);
        notes.extend(wrap(&note, chars).into_iter().map(|l| (l, "danger bold")));
    }
    let box_h = notes.len() as f64 * 17.0 + 10.0;
    rect(&mut body, MARGIN, y, width - 2.0 * MARGIN, box_h, "binding-box", "rx=\"6\"");
    let _ = write!(body, "<g class=\"binding\" data-binding=\"{}\">", se.binding.key());
    for (i, (l, class)) in notes.iter().enumerate() {
        let cls = if i == 0 { format!("binding {class}") } else { class.to_string() };
        let _ = write!(
            body,
            "<text x=\"{}\" y=\"{}\" class=\"{}\"{}>{}</text>",
            num(MARGIN + 10.0),
            num(y + 18.0 + i as f64 * 17.0),
            cls,
            if i == 0 { format!(" data-binding=\"{}\"", se.binding.key()) } else { String::new() },
            esc(l)
        );
    }
    body.push_str("</g>");
    y += box_h + 14.0;

    if placement.is_empty() {
        text(
            &mut body,
            MARGIN,
            y + 14.0,
            "",
            Anchor::Start,
            "No T1 hosts a virtual service, so the group needs no SE.",
        );
        y += 30.0;
        let mut doc = finish_doc(sp, body, y, &title);
        doc.width = width;
        return doc.render();
    }

    // Column geometry.
    let stack_h = (set.data_nics_per_se as f64 * s.cell_h).max(40.0);
    let head_h = match s.labels {
        2 => 34.0,
        1 => 16.0,
        _ => 4.0,
    };
    let foot_h = match (s.labels, aggregated) {
        (2, _) => 34.0,
        (_, true) => 16.0,
        _ => 4.0,
    };
    let zone_h = match (&sp.se.zones, s.labels) {
        (None, _) => 0.0,
        (Some(_), 2) => 24.0,
        (Some(_), _) => 8.0,
    };
    let col_h = head_h + stack_h + foot_h + zone_h;
    let row_gap = 22.0;
    let loaded: Vec<(&SeUse, usize)> = cols.iter().copied().filter(|(p, _)| !is_spare(p.role)).collect();
    let spares: Vec<(&SeUse, usize)> = cols.iter().copied().filter(|(p, _)| is_spare(p.role)).collect();
    let n_carrying = loaded.iter().map(|(_, n)| *n as u64).sum::<u64>();
    let loaded_label = format!("Carrying load: {}", plural(n_carrying, "SE", "SEs"));

    // Positions: both sections on one row when they fit, else each wraps on its own.
    let mut pos: Vec<(f64, f64, &SeUse, usize)> = Vec::new();
    if one_row {
        let label_y = y + 12.0;
        text(&mut body, left, label_y, "small bold", Anchor::Start, &loaded_label);
        let top = label_y + 8.0;
        for (i, (p, n)) in loaded.iter().enumerate() {
            pos.push((left + i as f64 * s.col_w, top, p, *n));
        }
        if !spares.is_empty() {
            let sx = left + (loaded.len() as f64 + 1.0) * s.col_w;
            let sep_x = sx - s.col_w / 2.0;
            line(&mut body, sep_x, label_y - 10.0, sep_x, top + col_h, "sep");
            text(&mut body, sx, label_y, "small bold", Anchor::Start, &spare_label);
            for (i, (p, n)) in spares.iter().enumerate() {
                pos.push((sx + i as f64 * s.col_w, top, p, *n));
            }
        }
        y = top + col_h + row_gap;
    } else {
        for (label, list) in [(&loaded_label, &loaded), (&spare_label, &spares)] {
            if list.is_empty() {
                continue;
            }
            text(&mut body, MARGIN, y + 12.0, "small bold", Anchor::Start, label);
            y += 20.0;
            for (r, chunk) in list.chunks(per_row).enumerate() {
                let top = y + r as f64 * (col_h + row_gap);
                if s.labels == 0 && !aggregated {
                    let (a, b) = (chunk[0].0.index, chunk[chunk.len() - 1].0.index);
                    text(&mut body, MARGIN, top + head_h + 11.0, "small muted", Anchor::Start, &format!("SE {a}–{b}"));
                }
                for (i, (p, n)) in chunk.iter().enumerate() {
                    pos.push((left + i as f64 * s.col_w, top, p, *n));
                }
            }
            y += list.len().div_ceil(per_row) as f64 * (col_h + row_gap);
        }
    }

    for (x, top, p, n) in pos {
        column(&mut body, &s, x, top, head_h, stack_h, foot_h, zone_h, p, n, &classes, outline);
    }

    // Legend.
    let mut items = vec![
        (swatch("vrf-sup", ""), "interface on the Supervisor T1".to_string()),
        (swatch("vrf0", ""), "interface on a namespace T1 (colour per T1, hover for its name)".to_string()),
        (swatch("if free", ""), "free data interface".to_string()),
        (swatch("vs-fill", ""), "VS slots used".to_string()),
    ];
    if outline.is_some() {
        items.push((swatch("vs-frame exhausted", ""), "exhausted by the binding constraint".to_string()));
    }
    if placement.iter().any(|p| p.role == SeRole::Standby) {
        items.push((swatch("se-outline standby", ""), "standby SE (dashed)".to_string()));
    }
    if !spares.is_empty() {
        items.push((swatch("", "fill=\"url(#HATCH)\""), "buffer / zone spare SE (hatched)".to_string()));
    }
    if let Some(z) = &sp.se.zones {
        for k in 1..=z.zones {
            items.push((swatch(&format!("zone z{k}"), ""), format!("zone {k}")));
        }
    }
    y += legend(&mut body, MARGIN, y + 4.0, width - 2.0 * MARGIN, &items);
    if let Some(z) = &sp.se.zones {
        let spread: Vec<String> = z.per_zone.iter().enumerate().map(|(i, n)| format!("zone {}: {n}", i + 1)).collect();
        text(
            &mut body,
            MARGIN,
            y + 8.0,
            "small",
            Anchor::Start,
            &format!(
                "SEs per zone: {}; after losing the fullest zone {} remain.",
                spread.join(", "),
                z.after_zone_loss
            ),
        );
        y += 20.0;
    }
    let mut doc = finish_doc(sp, body, y, &title);
    doc.width = width;
    doc.render()
}

#[allow(clippy::too_many_arguments)]
fn column(
    out: &mut String,
    s: &Scale,
    x: f64,
    top: f64,
    head_h: f64,
    stack_h: f64,
    foot_h: f64,
    zone_h: f64,
    p: &SeUse,
    count: usize,
    classes: &HashMap<&str, String>,
    outline: Option<Binding>,
) {
    let spare = is_spare(p.role);
    let _ = write!(
        out,
        "<g class=\"se\" data-se=\"{}\"{} data-role=\"{}\" data-interfaces-used=\"{}\" data-interfaces=\"{}\" data-vs=\"{}\" data-vs-slots=\"{}\"{}>",
        p.index,
        if count > 1 { format!(" data-count=\"{count}\"") } else { String::new() },
        role_key(p.role),
        p.interfaces_used,
        p.interfaces,
        p.virtual_services,
        p.vs_slots,
        p.zone.map(|z| format!(" data-zone=\"{z}\"")).unwrap_or_default()
    );
    let zone = p.zone.map(|z| format!(", zone {z}")).unwrap_or_default();
    let vrfs = if p.vrfs.is_empty() { String::new() } else { format!(" ({})", p.vrfs.join(", ")) };
    let like = if count > 1 { format!("{} SEs like SE ", super::thousands(count as u64)) } else { "SE ".to_string() };
    tooltip(
        out,
        &format!(
            "{like}{} ({}{zone}): {}/{} data interfaces{vrfs}; {}/{} virtual services",
            p.index,
            role_label(p.role),
            p.interfaces_used,
            p.interfaces,
            p.virtual_services,
            p.vs_slots
        ),
    );
    let inner_w = s.cell_w + 4.0 + s.vs_w;
    let cx = x + (s.col_w - inner_w) / 2.0;
    let col_h = head_h + stack_h + foot_h;
    // Outline of the whole column; spares hatched.
    let outline_class = match p.role {
        SeRole::Standby => "se-outline standby",
        SeRole::Buffer | SeRole::ZoneSpare => "se-outline spare",
        SeRole::Active => "se-outline",
    };
    if spare {
        rect(out, x + 2.0, top, s.col_w - 4.0, col_h, "", "fill=\"url(#HATCH)\" opacity=\"0.5\"");
    }
    rect(out, x + 2.0, top, s.col_w - 4.0, col_h, outline_class, "rx=\"4\"");
    // Labels.
    let mid = x + s.col_w / 2.0;
    match s.labels {
        2 if count > 1 => {
            text(out, mid, top + 14.0, "bold count", Anchor::Middle, &format!("×{}", super::thousands(count as u64)));
            text(out, mid, top + 28.0, "small muted", Anchor::Middle, role_label(p.role));
        }
        2 => {
            text(out, mid, top + 14.0, "bold", Anchor::Middle, &format!("SE {}", p.index));
            text(out, mid, top + 28.0, "small muted", Anchor::Middle, role_label(p.role));
        }
        1 => text(out, mid, top + 12.0, "small", Anchor::Middle, &p.index.to_string()),
        _ => {}
    }
    // Interfaces, first at the top.
    let sy = top + head_h;
    let exhausted_if = outline == Some(Binding::Interfaces) && !spare && p.interfaces_used >= p.interfaces;
    for k in 0..p.interfaces {
        let cy = sy + k as f64 * s.cell_h;
        match p.vrfs.get(k as usize) {
            Some(v) => {
                let class = classes.get(v.as_str()).map_or("vrf0", |c| c.as_str());
                let _ = write!(
                    out,
                    "<rect class=\"if used {class}\" data-vrf=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\">",
                    esc(v),
                    num(cx),
                    num(cy),
                    num(s.cell_w),
                    num(s.cell_h)
                );
                if s.cell_titles {
                    tooltip(out, &format!("data interface {}: T1 {v}", k + 1));
                }
                out.push_str("</rect>");
            }
            None => rect(out, cx, cy, s.cell_w, s.cell_h, "if free", ""),
        }
    }
    let frame_h = p.interfaces as f64 * s.cell_h;
    rect(out, cx, sy, s.cell_w, frame_h, if exhausted_if { "if-frame exhausted" } else { "if-frame" }, "");
    // VS slots: a bar filled from the bottom.
    let vx = cx + s.cell_w + 4.0;
    let frac = if p.vs_slots == 0 { 0.0 } else { (p.virtual_services as f64 / p.vs_slots as f64).min(1.0) };
    let exhausted_vs = outline == Some(Binding::VirtualServices) && !spare && p.virtual_services >= p.vs_slots;
    rect(out, vx, sy + frame_h * (1.0 - frac), s.vs_w, frame_h * frac, "vs-fill", "");
    rect(out, vx, sy, s.vs_w, frame_h, if exhausted_vs { "vs-frame exhausted" } else { "vs-frame" }, "");
    if s.labels != 2 && count > 1 {
        text(out, mid, sy + stack_h + 12.0, "small bold count", Anchor::Middle, &format!("×{}", super::thousands(count as u64)));
    }
    if s.labels == 2 {
        let fy = sy + stack_h;
        text(out, mid, fy + 14.0, "small", Anchor::Middle, &format!("{}/{} if", p.interfaces_used, p.interfaces));
        text(out, mid, fy + 28.0, "small", Anchor::Middle, &format!("{}/{} VS", p.virtual_services, p.vs_slots));
    }
    if let Some(z) = p.zone {
        rect(out, x + 2.0, top + col_h + 2.0, s.col_w - 4.0, 5.0, &format!("zone z{}", (z - 1) % 3 + 1), "");
        if s.labels == 2 && zone_h > 20.0 {
            // The zone in words too, for print and colour-blind readers.
            let _ = write!(
                out,
                "<text class=\"small muted zone-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">zone {z}</text>",
                num(mid),
                num(top + col_h + 19.0)
            );
        }
    }
    out.push_str("</g>");
}

fn finish_doc<'a>(sp: &SupervisorPlan, body: String, y: f64, title: &str) -> Doc<'a> {
    let se = &sp.se.service_engines;
    let desc = format!(
        "{title}. {} Binding constraint: {}. Lower bound with a perfect placement: {}.",
        se.placement
            .iter()
            .filter(|p| !is_spare(p.role))
            .map(|p| format!(
                "SE {}: {}/{} interfaces, {}/{} VS.",
                p.index, p.interfaces_used, p.interfaces, p.virtual_services, p.vs_slots
            ))
            .take(40)
            .collect::<Vec<_>>()
            .join(" "),
        se.binding.label(),
        se.lower_bound
    );
    Doc { kind: "se-map", width: MAX_WIDTH, height: y + MARGIN, title: title.to_string(), desc, css: CSS, body }
}
