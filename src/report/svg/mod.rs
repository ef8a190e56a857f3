//! Pictures of a plan as standalone, accessible SVG documents: the topology, the
//! Service Engine map, the growth chart and the address map.
//!
//! Pure functions from the plan to a `String`, so they are tested natively, and the
//! browser app inserts them inline while the exports write them to files. Every
//! picture:
//! - is one `<svg>` with a `viewBox`, `width="100%"`, `role="img"` and a `<title>` and
//!   `<desc>` it is labelled by;
//! - takes its colours from the page's CSS custom properties (`--text`, `--muted`,
//!   `--border`, `--surface`, `--accent`, `--danger`...), with fallbacks and its own
//!   `<style>` (dark scheme and print) for when it is viewed outside the app;
//! - scopes every CSS rule under its root class (`avs`), since a `<style>` inside an
//!   inline SVG applies to the whole page;
//! - escapes every text it did not write itself ([`esc`]), and is deterministic.
//!
//! The elements tests and the UI rely on carry classes and `data-*` attributes,
//! documented on each function.

mod address_map;
mod growth;
mod se_map;
mod topology;
mod topology_vds;
mod topology_vpc;

#[cfg(test)]
mod tests;

pub use address_map::address_map;
pub use growth::growth_chart;
pub use se_map::se_map;
pub use topology::topology;
pub use topology_vds::topology_vds;
pub use topology_vpc::topology_vpc;

use std::fmt::Write as _;

/// Escapes text for XML content and attribute values (both quote kinds).
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A coordinate: at most two decimals, no trailing zeros.
pub(crate) fn num(x: f64) -> String {
    if !x.is_finite() {
        return "0".into();
    }
    let r = (x * 100.0).round() / 100.0;
    let s = format!("{r:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// Text cut to `max` characters with an ellipsis (the full text belongs in a `<title>`).
pub(crate) fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// Approximate width of `s` at `size` px in a sans-serif face (for layout only).
pub(crate) fn text_width(s: &str, size: f64) -> f64 {
    s.chars().count() as f64 * size * 0.58
}

/// `1 SE`, `2 SEs`.
pub(crate) fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Thousands separators: 65536 -> 65,536.
pub(crate) fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// FNV-1a, for deterministic element ids that differ between pictures on one page.
fn hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// Number of distinct colours VRFs cycle through (`vrf0`..`vrf9`, plus `vrf-sup`).
pub(crate) const VRF_COLOURS: usize = 10;

/// The shared style sheet. Colours are custom properties on the root: the page's
/// variables when inline in the app, these fallbacks when viewed on their own.
/// No `<`, `>` or `&` in here: it is XML text.
const STYLE: &str = "
.avs{--avs-fg:var(--text,#1d2433);--avs-muted:var(--muted,#5a6676);--avs-line:var(--border,#c5ced9);\
--avs-bg:var(--surface,#ffffff);--avs-bg2:var(--surface-2,#eef2f7);--avs-accent:var(--accent,#0b62c4);\
--avs-danger:var(--danger,#b3261e);--avs-warn:var(--warn,#8a5a00);--avs-ok:var(--ok,#1b7a3d);--avs-focus:var(--focus,#ff9f1a);\
--avs-ingress:#2f6fca;--avs-egress:#d9731a;--avs-namespace:#2e9152;--avs-service:#8757c4;--avs-management:#7a8593;\
--avs-v0:#4e79a7;--avs-v1:#f28e2b;--avs-v2:#59a14f;--avs-v3:#e15759;--avs-v4:#76b7b2;--avs-v5:#edc948;\
--avs-v6:#b07aa1;--avs-v7:#ff9da7;--avs-v8:#9c755f;--avs-v9:#86bcb6;--avs-vsup:#1d2433;\
--avs-s1:#2f6fca;--avs-s2:#d9731a;--avs-s3:#2e9152;--avs-s4:#8757c4;\
font-family:var(--font,system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif);font-size:12px;color:var(--avs-fg)}
@media (prefers-color-scheme:dark){.avs{--avs-fg:var(--text,#e6ebf1);--avs-muted:var(--muted,#9aa7b6);\
--avs-line:var(--border,#3a4756);--avs-bg:var(--surface,#171e27);--avs-bg2:var(--surface-2,#1f2833);\
--avs-accent:var(--accent,#5aa2f0);--avs-danger:var(--danger,#ff8a80);--avs-warn:var(--warn,#f2c066);--avs-ok:var(--ok,#7fd69b);\
--avs-ingress:#5b9cf0;--avs-egress:#f29a4a;--avs-namespace:#5cc27f;--avs-service:#b08ae8;--avs-management:#9aa7b6;\
--avs-vsup:#e6ebf1;--avs-s1:#5b9cf0;--avs-s2:#f29a4a;--avs-s3:#5cc27f;--avs-s4:#b08ae8}}
@media print{.avs{--avs-fg:#000000;--avs-muted:#444444;--avs-line:#888888;--avs-bg:#ffffff;--avs-bg2:#f2f2f2;\
--avs-accent:#0b4f9c;--avs-danger:#a00000;--avs-warn:#7a4f00;--avs-ok:#1b6a35;--avs-vsup:#1d2433;\
--avs-ingress:#2f6fca;--avs-egress:#d9731a;--avs-namespace:#2e9152;--avs-service:#8757c4;--avs-management:#7a8593;\
--avs-s1:#2f6fca;--avs-s2:#d9731a;--avs-s3:#2e9152;--avs-s4:#8757c4}}
.avs text{fill:var(--avs-fg);stroke:none}
.avs .muted{fill:var(--avs-muted)}
.avs .h1{font-size:15px;font-weight:600}
.avs .h2{font-size:13px;font-weight:600}
.avs .small{font-size:11px}
.avs .mono{font-family:var(--mono,ui-monospace,Menlo,Consolas,monospace)}
.avs .bold{font-weight:600}
.avs .bg{fill:var(--avs-bg)}
.avs .box{fill:var(--avs-bg);stroke:var(--avs-line);stroke-width:1.2}
.avs .box2{fill:var(--avs-bg2);stroke:var(--avs-line);stroke-width:1}
.avs .frame{fill:none;stroke:var(--avs-line);stroke-width:1.2;stroke-dasharray:6 4}
.avs .wire{fill:none;stroke:var(--avs-muted);stroke-width:1.2}
.avs .wire.dash{stroke-dasharray:4 3}
.avs .grid{stroke:var(--avs-line);stroke-width:0.8;stroke-dasharray:2 3}
.avs .axis{stroke:var(--avs-fg);stroke-width:1}
.avs .danger{fill:var(--avs-danger)}
.avs text.danger{fill:var(--avs-danger)}
.avs .warn{fill:var(--avs-warn)}
.avs .ok{fill:var(--avs-ok)}
.avs .accent{fill:var(--avs-accent)}
.avs .badge{fill:var(--avs-bg2);stroke:var(--avs-muted);stroke-width:1}
.avs .r-ingress{fill:var(--avs-ingress)}
.avs .r-egress{fill:var(--avs-egress)}
.avs .r-namespace{fill:var(--avs-namespace)}
.avs .r-service{fill:var(--avs-service)}
.avs .r-management{fill:var(--avs-management)}
.avs .vrf0{fill:var(--avs-v0)}.avs .vrf1{fill:var(--avs-v1)}.avs .vrf2{fill:var(--avs-v2)}
.avs .vrf3{fill:var(--avs-v3)}.avs .vrf4{fill:var(--avs-v4)}.avs .vrf5{fill:var(--avs-v5)}
.avs .vrf6{fill:var(--avs-v6)}.avs .vrf7{fill:var(--avs-v7)}.avs .vrf8{fill:var(--avs-v8)}
.avs .vrf9{fill:var(--avs-v9)}.avs .vrf-sup{fill:var(--avs-vsup)}
.avs .hatch-line{stroke:var(--avs-muted);stroke-width:1.2}
.avs [tabindex]:focus{outline:none}
.avs [tabindex]:focus .hit,.avs [tabindex]:hover .hit{stroke:var(--avs-focus);stroke-width:3}
";

/// Extra CSS a picture adds (scoped by its own root class).
pub(crate) struct Doc<'a> {
    /// Picture kind: `topology`, `se-map`, `growth`, `address-map` (root class `avs-{kind}`).
    pub kind: &'a str,
    pub width: f64,
    pub height: f64,
    pub title: String,
    pub desc: String,
    pub css: &'a str,
    pub body: String,
}

impl Doc<'_> {
    /// The document: root `<svg>` with title, desc, style, a hatch pattern and the body.
    pub fn render(self) -> String {
        let id = format!("avs-{}-{:08x}", self.kind, hash(&format!("{}{}{}", self.title, self.desc, self.body)) as u32);
        let mut out = String::with_capacity(self.body.len() + STYLE.len() + 1024);
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"avs avs-{kind}\" id=\"{id}\" width=\"100%\" \
             viewBox=\"0 0 {w} {h}\" preserveAspectRatio=\"xMinYMin meet\" role=\"img\" \
             aria-labelledby=\"{id}-title {id}-desc\" data-width=\"{w}\" data-height=\"{h}\">\
             <title id=\"{id}-title\">{title}</title><desc id=\"{id}-desc\">{desc}</desc><style>{style}{css}</style>\
             <defs><pattern id=\"{id}-hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" \
             patternTransform=\"rotate(45)\"><line class=\"hatch-line\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\"/></pattern></defs>\
             <rect class=\"bg\" x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\"/>",
            kind = self.kind,
            w = num(self.width),
            h = num(self.height),
            title = esc(&self.title),
            desc = esc(&self.desc),
            style = STYLE,
            css = self.css,
        );
        // The body refers to the pattern as `url(#HATCH)`.
        out.push_str(&self.body.replace("url(#HATCH)", &format!("url(#{id}-hatch)")));
        out.push_str("</svg>");
        out
    }
}

/// `<rect>` with a class and optional extra attributes (already escaped).
pub(crate) fn rect(out: &mut String, x: f64, y: f64, w: f64, h: f64, class: &str, extra: &str) {
    let _ = write!(
        out,
        "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{}{extra}/>",
        num(x),
        num(y),
        num(w.max(0.0)),
        num(h.max(0.0)),
        if extra.is_empty() { "" } else { " " }
    );
}

/// Text anchor.
#[derive(Clone, Copy)]
pub(crate) enum Anchor {
    Start,
    Middle,
    End,
}

/// `<text>` with escaped content.
pub(crate) fn text(out: &mut String, x: f64, y: f64, class: &str, anchor: Anchor, content: &str) {
    let anchor = match anchor {
        Anchor::Start => "",
        Anchor::Middle => " text-anchor=\"middle\"",
        Anchor::End => " text-anchor=\"end\"",
    };
    let class = if class.is_empty() { String::new() } else { format!(" class=\"{class}\"") };
    let _ = write!(out, "<text x=\"{}\" y=\"{}\"{class}{anchor}>{}</text>", num(x), num(y), esc(content));
}

/// `<line>`.
pub(crate) fn line(out: &mut String, x1: f64, y1: f64, x2: f64, y2: f64, class: &str) {
    let _ = write!(
        out,
        "<line class=\"{class}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
        num(x1),
        num(y1),
        num(x2),
        num(y2)
    );
}

/// `<title>` child (the tooltip of its parent).
pub(crate) fn tooltip(out: &mut String, content: &str) {
    let _ = write!(out, "<title>{}</title>", esc(content));
}

/// Lays out legend entries (swatch markup at (x, y-9) 12x12, then a label) in rows
/// no wider than `max_w`; returns the height used.
pub(crate) fn legend(out: &mut String, x0: f64, y0: f64, max_w: f64, items: &[(String, String)]) -> f64 {
    let (mut x, mut y) = (x0, y0);
    for (swatch, label) in items {
        let w = 18.0 + text_width(label, 11.0) + 18.0;
        if x > x0 && x + w > x0 + max_w {
            x = x0;
            y += 20.0;
        }
        out.push_str(&swatch.replace("{X}", &num(x)).replace("{Y}", &num(y - 10.0)));
        text(out, x + 17.0, y, "small", Anchor::Start, label);
        x += w;
    }
    y - y0 + 20.0
}

/// A 12x12 legend swatch: a `<rect>` with class and extra attributes at `{X}`,`{Y}`.
pub(crate) fn swatch(class: &str, extra: &str) -> String {
    format!("<rect class=\"{class}\" x=\"{{X}}\" y=\"{{Y}}\" width=\"12\" height=\"12\" {extra}/>")
}

/// "Nice" axis ticks covering `0..=max`: steps of 1, 2 or 5 times a power of ten.
pub(crate) fn ticks(max: f64, target: usize) -> Vec<f64> {
    let max = if max <= 0.0 { 1.0 } else { max };
    let raw = max / target.max(1) as f64;
    let pow = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * pow).find(|s| *s >= raw).unwrap_or(10.0 * pow).max(1.0);
    // Up to the first tick at or above `max`, so the axis covers every value.
    let mut out = vec![0.0];
    while out[out.len() - 1] < max - 1e-9 {
        out.push(out.len() as f64 * step);
    }
    out
}

/// Splits `s` into lines of at most `max` characters at spaces (a longer word gets a line of its own).
pub(crate) fn wrap(s: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in s.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > max {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}
