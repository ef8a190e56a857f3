//! The address map: each address pool as a bar with the blocks carved from it (and
//! any given network inside it) coloured by role, free space visible; each network
//! outside a pool as a bar of its own. Every block is focusable and says its CIDR,
//! role, size and use in a `<title>`, and is listed in words under its bar.

use std::fmt::Write as _;
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::{clip, esc, legend, num, rect, swatch, text, text_width, thousands, tooltip, Anchor, Doc};
use crate::network::{Role, Source};
use crate::plan::SupervisorPlan;

const WIDTH: f64 = 1000.0;
const MARGIN: f64 = 16.0;
/// A pool's blocks are drawn on a zoomed bar when they span less than this share of it.
const ZOOM_BELOW: u64 = 8;
/// Narrowest a block is drawn, so a /32 in a /8 is still seen (its data attributes stay exact).
const MIN_BLOCK_W: f64 = 2.0;

const CSS: &str = "
.avs-address-map .free{fill:var(--avs-bg2);stroke:var(--avs-line);stroke-width:1}
.avs-address-map .fill{fill-opacity:0.42}
.avs-address-map .hit{stroke:var(--avs-bg);stroke-width:1}
.avs-address-map .block:focus .hit,.avs-address-map .block:hover .hit{stroke:var(--avs-focus);stroke-width:3}
.avs-address-map .zoom{fill:var(--avs-muted);fill-opacity:0.14;stroke:var(--avs-muted);stroke-width:0.8;stroke-dasharray:3 2}
.avs-address-map .ov{stroke:none}
.avs-address-map .given-mark{fill:none;stroke:var(--avs-fg);stroke-width:1;stroke-dasharray:2 2}
";

/// One network drawn on the map.
struct Net {
    role: Role,
    scope: String,
    source: Source,
    /// CIDR, or `first-last` for the management range.
    label: String,
    start: u64,
    size: u64,
    /// Used and capacity in `unit`, when known.
    used: Option<(u64, u64, String)>,
}



fn parse(cidr: &str) -> Option<(u64, u64)> {
    let net: Ipv4Net = cidr.trim().parse().ok()?;
    Some((u32::from(net.network()) as u64, 1u64 << (32 - net.prefix_len() as u32)))
}

fn addr_text(x: u64) -> String {
    Ipv4Addr::from(x.min(u32::MAX as u64) as u32).to_string()
}

/// Every network of the plan: the usage scopes' blocks (each scope's use spread over
/// its blocks in order), the service CIDR and the management range.
fn networks(sp: &SupervisorPlan) -> Vec<Net> {
    let n = &sp.net;
    let mut out = Vec::new();
    for u in &n.usage {
        let blocks: Vec<(String, u64, u64)> =
            u.cidrs.iter().filter_map(|c| parse(c).map(|(s, z)| (c.clone(), s, z))).collect();
        let total: u64 = blocks.iter().map(|b| b.2).sum();
        let mut left = u.used;
        for (c, start, size) in blocks {
            let cap = if total == 0 { 0 } else { (u.capacity as u128 * size as u128 / total as u128) as u64 };
            let used = left.min(cap);
            left -= used;
            out.push(Net {
                role: u.role,
                scope: u.scope.clone(),
                source: u.source,
                label: c,
                start,
                size,
                used: Some((used, cap, u.unit.clone())),
            });
        }
    }
    for c in &n.networks.service_cidr {
        if let Some((start, size)) = parse(c) {
            out.push(Net {
                role: Role::ServiceCidr,
                scope: "supervisor".into(),
                source: n.networks.source.service_cidr,
                label: c.clone(),
                start,
                size,
                used: None,
            });
        }
    }
    if let Some(m) = &n.management {
        if let Ok(first) = m.first.parse::<Ipv4Addr>() {
            out.push(Net {
                role: Role::Management,
                scope: "supervisor".into(),
                source: Source::Given,
                label: format!("{}-{}", m.first, m.last),
                start: u32::from(first) as u64,
                size: m.addresses,
                used: None,
            });
        }
    }
    out
}

/// The smallest aligned block holding `[start, end)`, no larger than the pool.
pub(super) fn window(pool_start: u64, pool_size: u64, start: u64, end: u64) -> (u64, u64) {
    let mut size = pool_size;
    let mut base = pool_start;
    while size > 1 {
        let half = size / 2;
        let lo = base + if start >= base + half { half } else { 0 };
        if start >= lo && end <= lo + half {
            base = lo;
            size = half;
        } else {
            break;
        }
    }
    (base, size)
}

/// Groups a pool's blocks (sorted by address) into windows: a block joins the
/// previous window while their common aligned window stays under 1/ZOOM_BELOW of
/// the pool. Returns (window start, window size, blocks).
fn clusters<'a>(pool_start: u64, pool_size: u64, blocks: &[&'a Net]) -> Vec<(u64, u64, Vec<&'a Net>)> {
    let mut out: Vec<(u64, u64, Vec<&Net>)> = Vec::new();
    for &b in blocks {
        if let Some((ws, wz, members)) = out.last_mut() {
            let lo = (*ws).min(b.start);
            let hi = (*ws + *wz).max(b.start + b.size);
            let (nb, nz) = window(pool_start, pool_size, lo, hi);
            if nz * ZOOM_BELOW <= pool_size {
                *ws = nb;
                *wz = nz;
                members.push(b);
                continue;
            }
        }
        let (nb, nz) = window(pool_start, pool_size, b.start, b.start + b.size);
        out.push((nb, nz, vec![b]));
    }
    out
}

fn net_title(b: &Net) -> String {
    let used = match &b.used {
        Some((u, cap, unit)) => format!("; {} of {} {unit} used", thousands(*u), thousands(*cap)),
        None => String::new(),
    };
    format!(
        "{} · {} ({}, {}) · {} addresses{used}",
        b.label,
        b.role.label(),
        b.scope,
        b.source.key(),
        thousands(b.size)
    )
}

/// Draws `nets` on a bar covering `[base, base + size)` at `(x, y, w, h)`.
#[allow(clippy::too_many_arguments)]
fn bar(out: &mut String, label: &str, base: u64, size: u64, x: f64, y: f64, w: f64, h: f64, nets: &[&Net]) {
    let _ = write!(
        out,
        "<g class=\"bar\" data-cidr=\"{}\" data-start=\"{base}\" data-addresses=\"{size}\" data-x=\"{}\" data-width=\"{}\">",
        esc(label),
        num(x),
        num(w)
    );
    rect(out, x, y, w, h, "free", "rx=\"2\"");
    for b in nets {
        let offset = b.start.saturating_sub(base);
        let bx = x + offset as f64 / size as f64 * w;
        let bw = b.size as f64 / size as f64 * w;
        let role = b.role.short();
        let _ = write!(
            out,
            "<g tabindex=\"0\" class=\"block\" data-cidr=\"{}\" data-role=\"{role}\" data-source=\"{}\" data-scope=\"{}\" \
             data-offset=\"{offset}\" data-size=\"{}\" data-x=\"{}\" data-width=\"{}\">",
            esc(&b.label),
            b.source.key(),
            esc(&b.scope),
            b.size,
            num(bx),
            num(bw)
        );
        tooltip(out, &net_title(b));
        let vis_w = bw.max(MIN_BLOCK_W);
        rect(out, bx, y, vis_w, h, &format!("fill r-{role}"), "");
        if let Some((used, cap, _)) = &b.used {
            if *cap > 0 && *used > 0 {
                let uw = (*used as f64 / *cap as f64).min(1.0) * vis_w;
                rect(out, bx, y + h * 0.62, uw, h * 0.38, &format!("r-{role}"), "");
            }
        }
        if b.source != Source::Carved {
            rect(out, bx + 1.0, y + 1.0, vis_w - 2.0, h - 2.0, "given-mark", "");
        }
        rect(out, bx, y, vis_w, h, "hit", "fill=\"transparent\"");
        if bw > text_width(&b.label, 11.0) + 10.0 {
            text(out, bx + 5.0, y + h * 0.62 - 3.0, "small mono", Anchor::Start, &b.label);
        }
        out.push_str("</g>");
    }
    out.push_str("</g>");
}

/// Lists the blocks of a bar in words; returns the height used.
fn list(out: &mut String, y: f64, nets: &[&Net]) -> f64 {
    let mut h = 0.0;
    for b in nets {
        let role = b.role.short();
        rect(out, MARGIN, y + h - 9.0, 10.0, 10.0, &format!("r-{role}"), "");
        text(out, MARGIN + 16.0, y + h, "small", Anchor::Start, &clip(&net_title(b), 150));
        h += 16.0;
    }
    h
}

/// The address map of one Supervisor's networks.
///
/// Elements: each bar is `<g class="bar" data-cidr data-start data-addresses data-x
/// data-width>` (a pool, a zoomed window of a pool, or a network outside any pool);
/// each network in it is `<g tabindex="0" class="block" data-cidr data-role
/// data-source data-scope data-offset data-size data-x data-width>` with a `<title>`
/// (CIDR, role, scope, source, size, use), where `data-role` is one of `ingress`,
/// `egress`, `namespace`, `service`, `management`, `data-offset` is its first address
/// minus the bar's and `data-x`/`data-width` are exactly proportional to
/// `data-offset`/`data-size` in the bar (the drawn rectangle is at least 2 units wide).
/// A pool row is `<g class="pool" data-cidr data-free>`.
pub fn address_map(sp: &SupervisorPlan) -> String {
    let n = &sp.net;
    let nets = networks(sp);
    let pools: Vec<(String, u64, u64, &crate::network::PoolUsage)> =
        n.pools.iter().filter_map(|p| parse(&p.cidr).map(|(s, z)| (p.cidr.clone(), s, z, p))).collect();
    let mut in_pool: Vec<Vec<&Net>> = vec![Vec::new(); pools.len()];
    let mut outside: Vec<&Net> = Vec::new();
    for b in &nets {
        match pools.iter().position(|(_, s, z, _)| b.start >= *s && b.start + b.size <= s + z) {
            Some(i) => in_pool[i].push(b),
            None => outside.push(b),
        }
    }
    for v in in_pool.iter_mut() {
        v.sort_by_key(|b| b.start);
    }
    outside.sort_by_key(|b| (b.role, b.start));

    let title = format!("Address map, {}", sp.name);
    let mut body = String::new();
    let mut y = MARGIN + 16.0;
    text(&mut body, MARGIN, y, "h1", Anchor::Start, &clip(&title, 120));
    y += 18.0;
    text(
        &mut body,
        MARGIN,
        y,
        "small muted",
        Anchor::Start,
        "Bars are drawn to scale; hover or focus a block (Tab) for its CIDR. Outlined blocks were given (or defaults), the others carved.",
    );
    y += 12.0;
    let mut items: Vec<(String, String)> = [
        (Role::IngressCidr, "Ingress (VIPs)"),
        (Role::EgressCidr, "Egress (SNAT)"),
        (Role::NamespaceNetwork, "namespace network"),
        (Role::ServiceCidr, "service CIDR"),
        (Role::Management, "management"),
    ]
    .iter()
    .map(|(r, l)| (swatch(&format!("r-{}", r.short()), ""), l.to_string()))
    .collect();
    items.push((swatch("fill r-namespace", ""), "lighter: reserved but unused".into()));
    items.push((swatch("free", ""), "free".into()));
    y += legend(&mut body, MARGIN, y + 16.0, WIDTH - 2.0 * MARGIN, &items) + 8.0;

    let w = WIDTH - 2.0 * MARGIN;
    let mut desc = Vec::new();
    for ((cidr, start, size, usage), blocks) in pools.iter().zip(&in_pool) {
        let _ = write!(body, "<g class=\"pool\" data-cidr=\"{}\" data-free=\"{}\">", esc(cidr), usage.free);
        let head = format!(
            "Address pool {cidr}: {} addresses, {} carved, {} given, {} free",
            thousands(*size),
            thousands(usage.carved),
            thousands(usage.given),
            thousands(usage.free)
        );
        text(&mut body, MARGIN, y + 12.0, "h2", Anchor::Start, &head);
        desc.push(head);
        y += 20.0;
        // Blocks that sit close together share an enlarged window; the pool bar
        // itself holds them when they spread over much of it.
        let clusters = clusters(*start, *size, blocks);
        if clusters.is_empty() || (clusters.len() == 1 && clusters[0].1 * ZOOM_BELOW > *size) {
            bar(&mut body, cidr, *start, *size, MARGIN, y, w, 30.0, blocks);
            y += 30.0 + 18.0;
        } else {
            // Overview of the whole pool, then each window the blocks sit in.
            bar(&mut body, cidr, *start, *size, MARGIN, y, w, 14.0, &[]);
            for b in blocks.iter() {
                let bx = MARGIN + (b.start - start) as f64 / *size as f64 * w;
                let bw = (b.size as f64 / *size as f64 * w).max(1.0);
                rect(&mut body, bx, y, bw, 14.0, &format!("ov r-{}", b.role.short()), "");
            }
            let top = y + 14.0;
            y += 14.0;
            let several = clusters.len() > 1;
            if several {
                // Numbered marks on the overview; each enlarged bar carries its number.
                for (k, (wb, ws, _)) in clusters.iter().enumerate() {
                    let zx = MARGIN + (wb - start) as f64 / *size as f64 * w;
                    let zw = (*ws as f64 / *size as f64 * w).max(2.0);
                    rect(&mut body, zx, top - 16.0, zw, 18.0, "zoom", "");
                    text(&mut body, zx + zw / 2.0, top + 13.0, "small bold", Anchor::Middle, &(k + 1).to_string());
                }
                y += 18.0;
            }
            for (k, (wb, ws, members)) in clusters.iter().enumerate() {
                let zx = MARGIN + (wb - start) as f64 / *size as f64 * w;
                let zw = (*ws as f64 / *size as f64 * w).max(2.0);
                let wlabel = format!("{}/{}", addr_text(*wb), 32 - ws.trailing_zeros());
                if several {
                    text(
                        &mut body,
                        MARGIN,
                        y + 14.0,
                        "small muted",
                        Anchor::Start,
                        &format!("{}: {wlabel} enlarged ({} addresses of the pool)", k + 1, thousands(*ws)),
                    );
                    y += 20.0;
                } else {
                    let _ = write!(
                        body,
                        "<path class=\"zoom\" d=\"M{} {}L{} {}L{} {}L{} {}Z\"/>",
                        num(zx),
                        num(top),
                        num(zx + zw),
                        num(top),
                        num(MARGIN + w),
                        num(y + 16.0),
                        num(MARGIN),
                        num(y + 16.0)
                    );
                    y += 16.0;
                }
                bar(&mut body, &wlabel, *wb, *ws, MARGIN, y, w, 30.0, members);
                if several {
                    y += 30.0 + 8.0;
                } else {
                    text(
                        &mut body,
                        MARGIN,
                        y + 30.0 + 15.0,
                        "small muted",
                        Anchor::Start,
                        &format!("Enlarged: {wlabel} ({} addresses of the pool).", thousands(*ws)),
                    );
                    y += 30.0 + 22.0;
                }
            }
            y += 8.0;
        }
        y += list(&mut body, y, blocks) + 10.0;
        body.push_str("</g>");
    }

    if !outside.is_empty() {
        text(&mut body, MARGIN, y + 12.0, "h2", Anchor::Start, "Networks outside the address pool (given or default)");
        y += 24.0;
        for b in &outside {
            let head = net_title(b);
            text(&mut body, MARGIN, y + 10.0, "small", Anchor::Start, &clip(&head, 150));
            desc.push(net_title(b));
            y += 16.0;
            // Drawn to the full width: the bar is the network itself.
            let lo = b.start;
            bar(&mut body, &b.label, lo, b.size, MARGIN, y, w, 26.0, std::slice::from_ref(b));
            y += 38.0;
        }
    }
    if pools.is_empty() && outside.is_empty() {
        text(&mut body, MARGIN, y + 14.0, "", Anchor::Start, "No networks to show.");
        y += 24.0;
    }
    for bs in &in_pool {
        desc.extend(bs.iter().map(|b| net_title(b)));
    }
    Doc { kind: "address-map", width: WIDTH, height: y + MARGIN, title, desc: desc.join(". "), css: CSS, body }.render()
}
