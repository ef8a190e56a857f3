//! Tests of the pictures: each is parsed by a small XML checker (balanced tags,
//! quoted attributes, valid entities, one root) and queried for the elements
//! that must reflect the plan.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::*;
use crate::design::{validate, Design};
use crate::plan::{plan, Plan, SupervisorPlan};
use crate::presets;
use crate::scenario::{HaMode, NamespaceGroup, Scenario, SeGroupSpec, Supervisor, T0Mode, Topology};
use crate::sizing::SeRole;

// ---- A minimal XML reader -------------------------------------------------------

#[derive(Debug)]
struct El {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<El>,
    text: String,
}

impl El {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
    fn num(&self, name: &str) -> f64 {
        self.attr(name).unwrap_or_else(|| panic!("<{}> has no {name}", self.name)).parse().unwrap()
    }
    fn has_class(&self, c: &str) -> bool {
        self.attr("class").is_some_and(|v| v.split_whitespace().any(|x| x == c))
    }
    /// Every descendant (and self) matching `f`, in document order.
    fn find<'a>(&'a self, f: &dyn Fn(&El) -> bool) -> Vec<&'a El> {
        let mut out = Vec::new();
        fn walk<'a>(e: &'a El, f: &dyn Fn(&El) -> bool, out: &mut Vec<&'a El>) {
            if f(e) {
                out.push(e);
            }
            for c in &e.children {
                walk(c, f, out);
            }
        }
        walk(self, f, &mut out);
        out
    }
    fn all_text(&self) -> String {
        let mut s = self.text.clone();
        for c in &self.children {
            s.push_str(&c.all_text());
        }
        s
    }
    /// The direct `<title>` child's text.
    fn title(&self) -> Option<String> {
        self.children.iter().find(|c| c.name == "title").map(|c| c.text.clone())
    }
}

fn unescape(s: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(';').ok_or_else(|| format!("unterminated entity in {s:?}"))? + i;
        let ent = &rest[i + 1..end];
        let c = match ent {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ if ent.starts_with("#x") => {
                u32::from_str_radix(&ent[2..], 16).ok().and_then(char::from_u32).ok_or(format!("bad entity &{ent};"))?
            }
            _ if ent.starts_with('#') => {
                ent[1..].parse::<u32>().ok().and_then(char::from_u32).ok_or(format!("bad entity &{ent};"))?
            }
            _ => return Err(format!("unknown entity &{ent};")),
        };
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Parses a document into its root element, or says what is not well-formed.
fn parse(doc: &str) -> Result<El, String> {
    let b = doc.as_bytes();
    let mut i = 0;
    let mut stack: Vec<El> = Vec::new();
    let mut root: Option<El> = None;
    let ws = |c: u8| c == b' ' || c == b'\n' || c == b'\t' || c == b'\r';
    while i < b.len() {
        if b[i] == b'<' {
            if doc[i..].starts_with("<!--") {
                i = doc[i..].find("-->").ok_or("unterminated comment")? + i + 3;
                continue;
            }
            if doc[i..].starts_with("</") {
                let end = doc[i..].find('>').ok_or("unterminated end tag")? + i;
                let name = doc[i + 2..end].trim();
                let el = stack.pop().ok_or(format!("</{name}> without an open element"))?;
                if el.name != name {
                    return Err(format!("</{name}> closes <{}>", el.name));
                }
                i = end + 1;
                match stack.last_mut() {
                    Some(p) => p.children.push(el),
                    None if root.is_none() => root = Some(el),
                    None => return Err("two root elements".into()),
                }
                continue;
            }
            // Start tag.
            let mut j = i + 1;
            while j < b.len() && !ws(b[j]) && b[j] != b'>' && b[j] != b'/' {
                j += 1;
            }
            let name = doc[i + 1..j].to_string();
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':' || c == '_') {
                return Err(format!("bad element name {name:?} at {i}"));
            }
            let mut el = El { name, attrs: Vec::new(), children: Vec::new(), text: String::new() };
            let self_closing;
            loop {
                while j < b.len() && ws(b[j]) {
                    j += 1;
                }
                if j >= b.len() {
                    return Err("unterminated start tag".into());
                }
                if b[j] == b'>' {
                    self_closing = false;
                    j += 1;
                    break;
                }
                if doc[j..].starts_with("/>") {
                    self_closing = true;
                    j += 2;
                    break;
                }
                let eq = doc[j..].find('=').ok_or("attribute without value")? + j;
                let an = doc[j..eq].trim().to_string();
                if an.is_empty() || an.chars().any(|c| c.is_whitespace() || c == '<' || c == '>' || c == '"') {
                    return Err(format!("bad attribute name {an:?} in <{}>", el.name));
                }
                let q = b[eq + 1];
                if q != b'"' && q != b'\'' {
                    return Err(format!("unquoted attribute {an} in <{}>", el.name));
                }
                let close = doc[eq + 2..].find(q as char).ok_or("unterminated attribute")? + eq + 2;
                let raw = &doc[eq + 2..close];
                if raw.contains('<') {
                    return Err(format!("'<' in attribute {an}"));
                }
                if el.attrs.iter().any(|(k, _)| *k == an) {
                    return Err(format!("duplicate attribute {an} in <{}>", el.name));
                }
                el.attrs.push((an, unescape(raw)?));
                j = close + 1;
            }
            i = j;
            if self_closing {
                match stack.last_mut() {
                    Some(p) => p.children.push(el),
                    None if root.is_none() => root = Some(el),
                    None => return Err("two root elements".into()),
                }
            } else {
                stack.push(el);
            }
        } else {
            let end = doc[i..].find('<').map_or(b.len(), |k| k + i);
            let t = &doc[i..end];
            match stack.last_mut() {
                Some(p) => p.text.push_str(&unescape(t)?),
                None if t.trim().is_empty() => {}
                None => return Err(format!("text outside the root: {t:?}")),
            }
            i = end;
        }
    }
    if let Some(open) = stack.last() {
        return Err(format!("<{}> never closed", open.name));
    }
    root.ok_or_else(|| "no root element".into())
}

#[test]
fn checker_rejects_bad_xml() {
    for bad in [
        "<svg><g></svg>",
        "<svg a=b/>",
        "<svg>&bogus;</svg>",
        "<svg></svg><svg/>",
        "<svg a=\"<\"/>",
        "<svg>x",
        "<svg a=\"1\" a=\"2\"/>",
    ] {
        assert!(parse(bad).is_err(), "{bad}");
    }
    let ok = parse("<svg a=\"x &amp; y\"><g><title>a&lt;b</title></g><rect/></svg>").unwrap();
    assert_eq!(ok.attr("a"), Some("x & y"));
    assert_eq!(ok.children[0].title().as_deref(), Some("a<b"));
}

// ---- Fixtures -------------------------------------------------------------------

fn design_plan(s: &Scenario) -> (Design, Plan) {
    let d = validate(s).unwrap_or_else(|e| panic!("{e:?}"));
    let p = plan(&d);
    assert!(p.network_errors().is_empty(), "{:?}", p.network_errors());
    (d, p)
}

/// Every preset, plus scenarios that stress the pictures.
fn scenarios() -> Vec<(String, Scenario)> {
    let mut out: Vec<(String, Scenario)> =
        presets::all().into_iter().map(|p| (p.key.to_string(), p.scenario)).collect();
    // Hundreds of SEs (one VS per namespace, scale factor 2).
    let mut many = Scenario {
        se_group: SeGroupSpec { ha_mode: Some(HaMode::ActiveActive), max_se: Some(1000), ..Default::default() },
        ..Scenario::default()
    };
    many.supervisors[0].namespaces = vec![{
        let mut g = NamespaceGroup::new("tenant", 2000);
        g.tkg_clusters = 1;
        g
    }];
    many.supervisors[0].networks.address_pool = vec!["10.0.0.0/8".into()];
    out.push(("many".into(), many));
    // Legacy Active/Standby: an active and a standby SE.
    let mut legacy = Scenario {
        se_group: SeGroupSpec { ha_mode: Some(HaMode::ActiveStandby), ..Default::default() },
        ..Scenario::default()
    };
    legacy.supervisors[0].namespaces[0].count = 3;
    out.push(("legacy".into(), legacy));
    // Routed (no NAT), given networks and no pool.
    let mut routed = Scenario::default();
    routed.supervisors[0].nat = false;
    routed.supervisors[0].networks.address_pool.clear();
    routed.supervisors[0].networks.ingress_cidr = vec!["192.0.2.0/24".into()];
    routed.supervisors[0].networks.management_start = Some("10.10.0.10".into());
    out.push(("routed".into(), routed));
    out
}

fn groups40() -> Scenario {
    let mut s = Scenario::default();
    s.supervisors[0].namespaces = (0..40)
        .map(|i| {
            let mut g = NamespaceGroup::new(&format!("g{i:02}"), 3);
            g.tkg_clusters = 1;
            if i % 10 == 9 {
                g.t0 = T0Mode::Dedicated;
            }
            g
        })
        .collect();
    s
}

fn six_supervisors() -> Scenario {
    let mut s = Scenario { topology: Topology::MultiNsx, ..Scenario::default() };
    s.supervisors = (0..6)
        .map(|i| {
            let mut sup = Supervisor::new(&format!("s{i}"));
            sup.networks.address_pool = vec![format!("10.{i}.0.0/16")];
            sup.namespaces = vec![NamespaceGroup::new("ns", 2)];
            sup
        })
        .collect();
    s
}

fn nasty() -> Scenario {
    let mut s = Scenario::default();
    s.supervisors[0].name = "sup<&>\"'".into();
    s.supervisors[0].namespaces[0].name = "a<b&\"c".into();
    s
}

fn all_svgs(d: &Design, p: &Plan) -> Vec<(&'static str, String)> {
    let mut out = vec![("topology", topology(d, p)), ("topology_vds", super::topology_vds(d, p)), ("topology_vpc", super::topology_vpc(p))];
    for sp in &p.supervisors {
        out.push(("se_map", se_map(sp)));
        out.push(("growth", growth_chart(&[("current", sp)])));
        out.push(("address_map", address_map(sp)));
    }
    out
}

// ---- Every picture --------------------------------------------------------------

#[test]
fn every_picture_is_well_formed_accessible_and_deterministic() {
    let mut cases = scenarios();
    cases.push(("nasty".into(), nasty()));
    for (name, s) in cases {
        let (d, p) = design_plan(&s);
        let again = all_svgs(&d, &p);
        for (k, (kind, svg)) in all_svgs(&d, &p).into_iter().enumerate() {
            let root = parse(&svg).unwrap_or_else(|e| panic!("{name} {kind}: {e}"));
            assert_eq!(root.name, "svg");
            assert_eq!(root.attr("xmlns"), Some("http://www.w3.org/2000/svg"));
            assert_eq!(root.attr("role"), Some("img"));
            assert_eq!(root.attr("width"), Some("100%"));
            let ids: Vec<&str> = root.attr("aria-labelledby").unwrap().split(' ').collect();
            assert_eq!(ids.len(), 2);
            for id in ids {
                assert_eq!(root.find(&|e| e.attr("id") == Some(id)).len(), 1, "{name} {kind}: id {id}");
            }
            assert!(!root.children.iter().find(|c| c.name == "title").unwrap().text.is_empty());
            let style = &root.children.iter().find(|c| c.name == "style").unwrap().text;
            assert!(style.contains("prefers-color-scheme:dark") && style.contains("@media print"));
            let vb: Vec<f64> = root.attr("viewBox").unwrap().split(' ').map(|x| x.parse().unwrap()).collect();
            assert!(vb[2] <= 2400.0, "{name} {kind}: {} wide", vb[2]);
            // Text no smaller than 11px: only the classes the sheet sizes at 11px or more are used.
            assert!(!svg.contains("font-size:10") && !svg.contains("font-size=\""), "{name} {kind}");
            assert_eq!(svg, again[k].1, "{name} {kind}: not deterministic");
        }
    }
}

#[test]
fn text_is_escaped() {
    let (d, p) = design_plan(&nasty());
    for (kind, svg) in all_svgs(&d, &p) {
        let root = parse(&svg).unwrap_or_else(|e| panic!("{kind}: {e}"));
        assert!(!svg.contains("a<b"), "{kind}: raw text");
        if kind == "topology" {
            let g = root.find(&|e| e.has_class("t1") && e.attr("data-kind") == Some("namespace"));
            assert_eq!(g[0].attr("data-group"), Some("a<b&\"c"));
            assert!(g[0].all_text().contains("a<b&\"c"));
            assert!(root.all_text().contains("sup<&>\"'"));
        }
    }
    assert_eq!(esc("a<b&\"c'>"), "a&lt;b&amp;&quot;c&#39;&gt;");
}

// ---- SE map ---------------------------------------------------------------------

#[test]
fn se_map_has_one_column_per_se_with_its_interfaces() {
    for (name, s) in scenarios() {
        let (_, p) = design_plan(&s);
        for sp in &p.supervisors {
            let se = &sp.se.service_engines;
            let root = parse(&se_map(sp)).unwrap();
            let cols = root.find(&|e| e.name == "g" && e.has_class("se"));
            // A column stands for `data-count` alike SEs (1 when it has none).
            let count = |c: &El| c.attr("data-count").map_or(1, |n| n.parse::<u32>().unwrap());
            let aggregated = se.placement.len() > se_map::ONE_COLUMN_EACH_UP_TO;
            if !aggregated {
                assert_eq!(cols.len() as u32, se.total, "{name}: SE columns");
            }
            assert_eq!(cols.iter().map(|c| count(c)).sum::<u32>(), se.total, "{name}: SEs drawn");
            assert_eq!(!root.find(&|e| e.has_class("aggregated")).is_empty(), aggregated, "{name}: says so");
            for role in [SeRole::Active, SeRole::Standby, SeRole::Buffer, SeRole::ZoneSpare] {
                let key = serde_json::to_value(role).unwrap().as_str().unwrap().to_string();
                let want = se.placement.iter().filter(|x| x.role == role).count() as u32;
                let got: u32 = cols.iter().filter(|c| c.attr("data-role") == Some(key.as_str())).map(|c| count(c)).sum();
                assert_eq!(got, want, "{name}: {key} SEs");
            }
            for c in &cols {
                let i: usize = c.attr("data-se").unwrap().parse().unwrap();
                let u = &se.placement[i - 1];
                let alike = se
                    .placement
                    .iter()
                    .filter(|x| {
                        (x.role, x.zone, x.interfaces_used, x.interfaces, x.virtual_services, x.vs_slots)
                            == (u.role, u.zone, u.interfaces_used, u.interfaces, u.virtual_services, u.vs_slots)
                    })
                    .count() as u32;
                assert_eq!(count(c), if aggregated { alike } else { 1 }, "{name}: SE {i} stands for its kind");
                let used = c.find(&|e| e.has_class("if") && e.has_class("used"));
                let free = c.find(&|e| e.has_class("if") && e.has_class("free"));
                assert_eq!(used.len() as u32, u.interfaces_used, "{name}: SE {i} used interfaces");
                assert_eq!(free.len() as u32, u.interfaces - u.interfaces_used, "{name}: SE {i} free interfaces");
                let vrfs: Vec<&str> = used.iter().map(|e| e.attr("data-vrf").unwrap()).collect();
                assert_eq!(vrfs, u.vrfs.iter().map(|v| v.as_str()).collect::<Vec<_>>());
                assert_eq!(c.attr("data-zone").map(|z| z.parse::<u32>().unwrap()), u.zone);
            }
            let caption = root.find(&|e| e.name == "text" && e.has_class("binding"));
            assert_eq!(caption.len(), 1, "{name}");
            assert_eq!(caption[0].attr("data-binding"), Some(se.binding.key()));
            assert!(caption[0].text.contains(se.binding.label()), "{name}: {}", caption[0].text);
            assert!(root.num("data-width") <= 1200.0, "{name}: SE map too wide");
        }
    }
}

#[test]
fn se_map_outlines_the_exhausted_resource() {
    // The seed claim: 9 namespaces of 1 VS, A/A, 9 interfaces: interfaces bind.
    let s = presets::find("seed-claim").unwrap().scenario;
    let (_, p) = design_plan(&s);
    let sp = &p.supervisors[0];
    assert_eq!(sp.se.service_engines.binding.key(), "interfaces");
    let root = parse(&se_map(sp)).unwrap();
    for c in root.find(&|e| e.has_class("se")) {
        let full = c.attr("data-interfaces-used") == c.attr("data-interfaces");
        let frame = c.find(&|e| e.has_class("if-frame"));
        assert_eq!(frame[0].has_class("exhausted"), full && c.attr("data-role") == Some("active"));
    }
    assert!(!root.find(&|e| e.has_class("exhausted") && e.has_class("if-frame")).is_empty());
}

#[test]
fn se_map_of_many_ses_wraps_and_stays_small() {
    let (_, p) = design_plan(&scenarios().into_iter().find(|(n, _)| n == "many").unwrap().1);
    let sp = &p.supervisors[0];
    assert!(sp.se.service_engines.total > 200, "{}", sp.se.service_engines.total);
    let svg = se_map(sp);
    let root = parse(&svg).unwrap();
    assert!(root.num("data-width") <= 1200.0);
    assert!(root.num("data-height") < 1500.0, "{}", root.num("data-height"));
    // Alike SEs share a column: the picture stays small whatever the SE count.
    assert!(root.find(&|_| true).len() < 1500, "{} elements", root.find(&|_| true).len());
    assert!(svg.len() < 200_000, "{} bytes", svg.len());
}

// ---- Growth chart ---------------------------------------------------------------

#[test]
fn growth_chart_steps_land_where_the_engine_says() {
    for (name, s) in scenarios() {
        let (_, p) = design_plan(&s);
        let sp = &p.supervisors[0];
        let root = parse(&growth_chart(&[("current", sp)])).unwrap();
        let steps = root.find(&|e| e.has_class("step"));
        let all = &sp.se.headroom.steps;
        // Every step has a dot, or (past MAX_DOTS) an even selection does and the chart says so.
        let many = all.len() > growth::MAX_DOTS;
        assert_eq!(!root.find(&|e| e.has_class("aggregated")).is_empty(), many, "{name}");
        if many {
            assert!(steps.len() <= growth::MAX_DOTS && steps.len() >= growth::MAX_DOTS / 2, "{name}: {}", steps.len());
        } else {
            assert_eq!(steps.len(), all.len(), "{name}");
        }
        let want: Vec<_> =
            steps.iter().map(|g| all.iter().find(|w| w.namespaces == g.num("data-namespaces") as u64).unwrap()).collect();
        for (g, w) in steps.iter().zip(want) {
            assert_eq!(g.num("data-namespaces") as u64, w.namespaces, "{name}");
            assert_eq!(g.num("data-total") as u32, w.total, "{name}");
            assert_eq!(g.attr("data-projected"), Some(if w.projected { "true" } else { "false" }));
        }
        // The dots sit on one linear scale per axis.
        let pts: Vec<(f64, f64, f64, f64)> = steps
            .iter()
            .map(|g| {
                let c = &g.find(&|e| e.name == "circle")[0];
                (g.num("data-namespaces"), g.num("data-total"), c.num("cx"), c.num("cy"))
            })
            .collect();
        let ticks_x: Vec<&El> = root.find(&|e| e.has_class("tick") && e.has_class("x"));
        let (t0, t1) = (ticks_x[0], ticks_x[1]);
        let (v0, v1): (f64, f64) = (t0.text.parse().unwrap(), t1.text.parse().unwrap());
        let kx = (t1.num("x") - t0.num("x")) / (v1 - v0);
        for &(n, _, cx, _) in &pts {
            assert!((t0.num("x") + (n - v0) * kx - cx).abs() < 0.05, "{name}: x of step at {n}");
        }
        let ticks_y: Vec<&El> = root.find(&|e| e.has_class("tick") && e.has_class("y"));
        let (a, b) = (ticks_y[0], ticks_y[1]);
        let (w0, w1): (f64, f64) = (a.text.parse().unwrap(), b.text.parse().unwrap());
        let ky = (b.num("y") - a.num("y")) / (w1 - w0);
        for &(_, t, _, cy) in &pts {
            // Tick labels sit 4 units below their grid line.
            assert!((a.num("y") - 4.0 + (t - w0) * ky - cy).abs() < 0.05, "{name}: y of step {t}");
        }
        let today = root.find(&|e| e.has_class("today") && e.name == "line");
        assert_eq!(today[0].num("data-namespaces") as u64, sp.se.load.namespaces);
        // Solid up to today, dashed after.
        assert_eq!(root.find(&|e| e.name == "path" && e.has_class("series") && e.has_class("past")).len(), 1);
    }
}

#[test]
fn growth_chart_compares_two_series() {
    let base = presets::find("single").unwrap().scenario;
    let mut aa = base.clone();
    aa.se_group.ha_mode = Some(HaMode::ActiveActive);
    let (_, p1) = design_plan(&base);
    let (_, p2) = design_plan(&aa);
    let svg = growth_chart(&[("N+M", &p1.supervisors[0]), ("A/A", &p2.supervisors[0])]);
    let root = parse(&svg).unwrap();
    for (k, sp) in [&p1.supervisors[0], &p2.supervisors[0]].iter().enumerate() {
        let steps = root.find(&|e| e.has_class("step") && e.attr("data-series") == Some(&k.to_string()));
        assert_eq!(steps.len(), sp.se.headroom.steps.len().min(growth::MAX_DOTS));
    }
    assert!(root.all_text().contains("A/A (Elastic Active/Active)"));
    assert_eq!(root.find(&|e| e.has_class("series-group")).len(), 2);
}

// ---- Address map ----------------------------------------------------------------

fn span(cidr: &str) -> (u64, u64) {
    if let Some((a, b)) = cidr.split_once('-') {
        let a = u32::from(a.parse::<Ipv4Addr>().unwrap()) as u64;
        let b = u32::from(b.parse::<Ipv4Addr>().unwrap()) as u64;
        return (a, b - a + 1);
    }
    let n: Ipv4Net = cidr.parse().unwrap();
    (u32::from(n.network()) as u64, 1u64 << (32 - n.prefix_len()))
}

/// (cidr, role) of every network the plan has.
fn expected_blocks(sp: &SupervisorPlan) -> Vec<(String, String)> {
    let key = |r: crate::network::Role| match r.field() {
        "ingress_cidr" => "ingress",
        "egress_cidr" => "egress",
        "namespace_network" => "namespace",
        "service_cidr" => "service",
        _ => "management",
    };
    let mut out: Vec<(String, String)> =
        sp.net.usage.iter().flat_map(|u| u.cidrs.iter().map(move |c| (c.clone(), key(u.role).to_string()))).collect();
    out.extend(sp.net.networks.service_cidr.iter().map(|c| (c.clone(), "service".to_string())));
    if let Some(m) = &sp.net.management {
        out.push((format!("{}-{}", m.first, m.last), "management".into()));
    }
    out.sort();
    out
}

#[test]
fn address_map_draws_every_network_to_scale() {
    for (name, s) in scenarios() {
        let (_, p) = design_plan(&s);
        for sp in &p.supervisors {
            let root = parse(&address_map(sp)).unwrap();
            let mut seen: Vec<(String, String)> = Vec::new();
            for bar in root.find(&|e| e.has_class("bar")) {
                let (bx, bw) = (bar.num("data-x"), bar.num("data-width"));
                let (start, size) = (bar.num("data-start"), bar.num("data-addresses"));
                assert_eq!(span(bar.attr("data-cidr").unwrap()), (start as u64, size as u64), "{name}: bar");
                for b in bar.find(&|e| e.has_class("block")) {
                    assert_eq!(b.attr("tabindex"), Some("0"));
                    let cidr = b.attr("data-cidr").unwrap();
                    let (s0, sz) = span(cidr);
                    assert_eq!(b.num("data-offset") as u64, s0 - start as u64, "{name}: {cidr} offset");
                    assert_eq!(b.num("data-size") as u64, sz, "{name}: {cidr} size");
                    let x = bx + (s0 as f64 - start) / size * bw;
                    let w = sz as f64 / size * bw;
                    assert!((b.num("data-x") - x).abs() < 0.01, "{name}: {cidr} x");
                    assert!((b.num("data-width") - w).abs() < 0.01, "{name}: {cidr} width");
                    let hit = &b.find(&|e| e.has_class("hit"))[0];
                    assert!((hit.num("x") - x).abs() < 0.01);
                    assert!((hit.num("width") - w.max(2.0)).abs() < 0.01);
                    let title = b.title().unwrap();
                    assert!(title.starts_with(cidr), "{name}: {title}");
                    assert!(title.contains("addresses"));
                    seen.push((cidr.to_string(), b.attr("data-role").unwrap().to_string()));
                }
            }
            seen.sort();
            assert_eq!(seen, expected_blocks(sp), "{name}: blocks");
            // Carved blocks are drawn in their pool's row.
            for c in &sp.net.carved {
                let pool = root.find(&|e| e.has_class("pool") && e.attr("data-cidr") == Some(c.pool.as_str()));
                assert_eq!(pool.len(), 1, "{name}: pool {}", c.pool);
                assert_eq!(
                    pool[0].find(&|e| e.has_class("block") && e.attr("data-cidr") == Some(c.cidr.as_str())).len(),
                    1
                );
            }
        }
    }
}

#[test]
fn zoom_window_is_the_smallest_aligned_block() {
    let a = |s: &str| u32::from(s.parse::<Ipv4Addr>().unwrap()) as u64;
    let (base, size) = address_map_window(a("10.220.0.0"), 65536, a("10.220.0.0"), a("10.220.2.64"));
    assert_eq!((base, size), (a("10.220.0.0"), 1024));
    let (base, size) = address_map_window(a("10.0.0.0"), 1 << 24, a("10.0.5.0"), a("10.0.5.32"));
    assert_eq!((base, size), (a("10.0.5.0"), 32));
}

fn address_map_window(ps: u64, pz: u64, s: u64, e: u64) -> (u64, u64) {
    super::address_map::window(ps, pz, s, e)
}

// ---- Topology -------------------------------------------------------------------

#[test]
fn topology_follows_the_scenario() {
    for (name, s) in scenarios() {
        let (d, p) = design_plan(&s);
        // Supervisors on VDS and on NSX VPCs have pictures of their own (below).
        let nsx: Vec<_> = p.supervisors.iter().zip(&d.supervisors).filter(|(sp, _)| sp.vds.is_none() && sp.vpc.is_none()).collect();
        if nsx.is_empty() {
            continue;
        }
        let root = parse(&topology(&d, &p)).unwrap();
        let cols = root.find(&|e| e.has_class("supervisor"));
        assert_eq!(cols.len(), nsx.len(), "{name}");
        for (col, (sp, sd)) in cols.iter().zip(nsx) {
            assert_eq!(col.attr("data-supervisor"), Some(sp.name.as_str()));
            let t0s = col.find(&|e| e.has_class("t0"));
            assert_eq!(t0s.len(), sp.net.routes.len(), "{name}: one T0 per distinct T0");
            for (g, r) in t0s.iter().zip(&sp.net.routes) {
                assert_eq!(g.attr("data-t0"), Some(r.t0.as_str()));
                assert_eq!(g.attr("data-kind"), Some(r.kind.key()));
                let adv = g.find(&|e| e.has_class("advertised"));
                assert_eq!(adv.len(), r.advertised.len(), "{name}: {}", r.t0);
                for (a, want) in adv.iter().zip(&r.advertised) {
                    assert_eq!(a.attr("data-cidr"), Some(want.cidr.as_str()));
                }
            }
            let sup_t1 = col.find(&|e| e.has_class("t1") && e.attr("data-kind") == Some("supervisor"));
            assert_eq!(sup_t1.len(), 1);
            let ns = col.find(&|e| e.has_class("t1") && e.attr("data-kind") == Some("namespace"));
            assert_eq!(ns.len(), sd.groups.len(), "{name}: one T1 box per group");
            for g in &ns {
                let want = sd.groups.iter().find(|x| Some(x.name.as_str()) == g.attr("data-group")).unwrap();
                let count = g.find(&|e| e.has_class("count"));
                assert_eq!(count[0].text, format!("×{}", want.count));
                let nat = &g.find(&|e| e.has_class("nat"))[0];
                assert_eq!(nat.attr("data-nat"), Some(if want.nat { "true" } else { "false" }));
                let t0 = g.attr("data-t0").unwrap();
                let expect = match want.t0 {
                    T0Mode::Shared => "t0".to_string(),
                    T0Mode::Dedicated => format!("t0-{}", want.name),
                    T0Mode::Vrf => format!("vrf-{}", want.name),
                };
                assert_eq!(t0, expect);
                let kinds: Vec<&str> = g.attr("data-kind").into_iter().collect();
                assert_eq!(kinds, ["namespace"]);
            }
            // Segments: workload + Avi data for the Supervisor, namespace (+ cluster) + Avi data per group.
            let avi = col.find(&|e| e.has_class("segment") && e.attr("data-kind") == Some("avi-data"));
            assert_eq!(avi.len(), 1 + sd.groups.len());
            let clusters = col.find(&|e| e.has_class("segment") && e.attr("data-kind") == Some("cluster"));
            assert_eq!(clusters.len(), sd.groups.iter().filter(|g| g.tkg_clusters > 0).count());
            let se = &col.find(&|e| e.has_class("se-group"))[0];
            assert_eq!(se.num("data-total") as u32, sp.se.service_engines.total);
            let zones = se.find(&|e| e.has_class("zone"));
            assert_eq!(zones.len() as u32, if sd.zones > 1 { sd.zones } else { 0 }, "{name}: zone labels");
        }
        let controllers = root.find(&|e| e.has_class("controller"));
        assert_eq!(controllers.len(), p.topology.controller_clusters.len(), "{name}");
        let clouds = root.find(&|e| e.name == "g" && e.has_class("cloud")).len()
            + root.find(&|e| e.name == "g" && e.has_class("nsx") && e.attr("data-clouds") == Some("1")).len();
        assert_eq!(clouds as u32, p.topology.nsx_clouds, "{name}: clouds");
        assert_eq!(
            root.find(&|e| e.has_class("nsx") && e.name == "g").len() as u32,
            p.topology.nsx_managers,
            "{name}: NSX"
        );
    }
}

#[test]
fn vds_topology_follows_the_plan() {
    use crate::scenario::{EdgeProvider, FlbTopology, PlatformKind, SeAttachment};
    let base = presets::find("vds").unwrap().scenario;
    let mut variants = vec![("avi routed".to_string(), base.clone())];
    let mut attached = base.clone();
    attached.supervisors[0].vds.se_attachment = Some(SeAttachment::Attached);
    variants.push(("avi attached".into(), attached));
    for topology in FlbTopology::ALL {
        let mut s = base.clone();
        s.supervisors[0].vds.edge = Some(EdgeProvider::Foundation);
        s.supervisors[0].vds.flb.topology = Some(topology);
        if topology == FlbTopology::ThreeNic {
            let range = |a: &str, count| vec![crate::scenario::RangeSpec { address: a.into(), count }];
            s.supervisors[0].vds.flb.management_network.ranges = range("10.30.21.2", 4);
            s.supervisors[0].vds.flb.frontend_network.ranges = range("10.30.20.2", 4);
        }
        variants.push((format!("flb {topology:?}"), s));
    }
    // A mixed design: the NSX picture names the VDS Supervisor, the VDS picture draws it.
    let mut mixed = base.clone();
    mixed.topology = crate::scenario::Topology::SharedTransportZone;
    mixed.supervisors.insert(0, Scenario::default().supervisors[0].clone());
    variants.push(("mixed".into(), mixed));
    for (name, s) in variants {
        let (d, p) = design_plan(&s);
        let root = parse(&super::topology_vds(&d, &p)).unwrap();
        let vds: Vec<_> = p.supervisors.iter().filter(|sp| sp.platform == PlatformKind::Vds).collect();
        let cols = root.find(&|e| e.has_class("supervisor"));
        assert_eq!(cols.len(), vds.len(), "{name}");
        for (col, sp) in cols.iter().zip(vds) {
            let v = sp.vds.as_ref().unwrap();
            assert_eq!((col.attr("data-supervisor"), col.attr("data-edge")), (Some(sp.name.as_str()), Some(v.edge.key())), "{name}");
            let nets = col.find(&|e| e.has_class("workload-network"));
            assert_eq!(nets.len(), v.workload_networks.len(), "{name}");
            for (g, w) in nets.iter().zip(&v.workload_networks) {
                let d = if v.edge == EdgeProvider::Avi { &w.avi } else { &w.flb };
                assert_eq!(g.attr("data-name"), Some(w.name.as_str()));
                assert_eq!((g.num("data-addresses") as u64, g.num("data-prefix") as u8), (d.addresses, d.prefix), "{name}");
            }
            let vip = &col.find(&|e| e.has_class("vip-network"));
            let kinds: Vec<&str> = vip.iter().filter_map(|g| g.attr("data-kind")).collect();
            let want = match (v.edge, v.flb.topology) {
                (EdgeProvider::Avi, _) => vec![("avi-data", &v.avi.data_network)],
                (_, FlbTopology::ThreeNic) => vec![
                    ("flb-management", v.flb.management_network.as_ref().unwrap()),
                    ("flb-frontend", v.flb.frontend_network.as_ref().unwrap()),
                ],
                _ => vec![("flb-vip", &v.flb.vip_range)],
            };
            assert_eq!(kinds, want.iter().map(|(k, _)| *k).collect::<Vec<_>>(), "{name}");
            for (g, (_, d)) in vip.iter().zip(&want) {
                assert_eq!(g.num("data-addresses") as u64, d.subnet_addresses, "{name}");
            }
            match v.edge {
                EdgeProvider::Avi => {
                    let se = &col.find(&|e| e.has_class("se-group"))[0];
                    assert_eq!(se.num("data-total") as u32, sp.se.service_engines.total, "{name}");
                    assert!(col.find(&|e| e.has_class("flb")).is_empty(), "{name}");
                }
                EdgeProvider::Foundation => {
                    let flb = &col.find(&|e| e.has_class("flb"))[0];
                    assert_eq!(flb.num("data-appliances") as u32, v.flb.appliances, "{name}");
                    assert_eq!(flb.find(&|e| e.has_class("interface")).len(), v.flb.interfaces.len(), "{name}");
                    assert!(col.find(&|e| e.has_class("se-group")).is_empty(), "{name}");
                }
            }
            assert_eq!(col.find(&|e| e.has_class("beside")).len(), 1, "{name}");
        }
        let controllers = root.find(&|e| e.has_class("controller"));
        let expected = p.topology.controller_clusters.iter().filter(|c| c.supervisors.iter().any(|n| p.supervisors.iter().any(|sp| &sp.name == n && sp.vds.is_some()))).count();
        assert_eq!(controllers.len(), expected, "{name}");
        // The one topology picture: the VDS picture alone, or the NSX one naming the VDS Supervisors.
        let whole = topology(&d, &p);
        if p.supervisors.iter().all(|sp| sp.vds.is_some()) {
            assert_eq!(whole, super::topology_vds(&d, &p), "{name}");
        } else {
            assert!(whole.contains("Supervisors on VDS, in the VDS topology picture: vds-supervisor"), "{name}");
        }
    }
}

#[test]
fn vpc_topology_follows_the_plan() {
    use crate::platform::nsx_vpc::VpcKind;
    use crate::scenario::VpcSeGroups;
    let base = presets::find("vpc").unwrap().scenario;
    let mut variants = vec![("vpc".to_string(), base.clone())];
    let mut per_vpc = base.clone();
    per_vpc.supervisors[0].vpc.se_groups = Some(VpcSeGroups::PerVpc);
    per_vpc.supervisors[0].namespaces[0].count = 3;
    variants.push(("per vpc".into(), per_vpc));
    let mut many = base.clone();
    for k in 0..4 {
        let mut g = NamespaceGroup::new(&format!("extra{k}"), 2);
        g.tkg_clusters = u32::from(k > 0);
        many.supervisors[0].namespaces.push(g);
    }
    variants.push(("many VPC rows".into(), many));
    // A mixed design: the NSX picture names the VPC Supervisor, the VPC picture draws it.
    let mut mixed = base.clone();
    mixed.topology = crate::scenario::Topology::SharedTransportZone;
    mixed.supervisors.insert(0, Scenario::default().supervisors[0].clone());
    variants.push(("mixed".into(), mixed));
    for (name, s) in variants {
        let (d, p) = design_plan(&s);
        let root = parse(&super::topology_vpc(&p)).unwrap();
        let vpcs: Vec<_> = p.supervisors.iter().filter(|sp| sp.vpc.is_some()).collect();
        let cols = root.find(&|e| e.has_class("supervisor"));
        assert_eq!(cols.len(), vpcs.len(), "{name}");
        for (col, sp) in cols.iter().zip(vpcs) {
            let v = sp.vpc.as_ref().unwrap();
            assert_eq!(col.attr("data-platform"), Some("nsx_vpc"));
            assert_eq!((col.num("data-vrfs") as u64, col.num("data-tenants") as usize), (v.vrfs, v.tenants.len()), "{name}");
            let boxes = col.find(&|e| e.has_class("vpc") && !e.has_class("more"));
            let shown = v.vpcs.len().min(4);
            assert_eq!(boxes.len(), shown, "{name}");
            for (g, r) in boxes.iter().zip(&v.vpcs) {
                assert_eq!(g.attr("data-name"), Some(r.name.as_str()), "{name}");
                let kind = match r.kind {
                    VpcKind::System => "system",
                    VpcKind::Auto => "auto",
                    VpcKind::PreCreated => "pre_created",
                };
                assert_eq!((g.attr("data-kind"), g.num("data-count") as u64, g.num("data-vs") as u64), (Some(kind), r.count, r.virtual_services), "{name}");
                assert_eq!(g.attr("data-vrf"), Some(if r.vrf { "true" } else { "false" }), "{name}");
            }
            let more = col.find(&|e| e.has_class("vpc") && e.has_class("more"));
            assert_eq!(more.first().map(|m| m.num("data-count") as usize), (v.vpcs.len() > 4).then(|| v.vpcs.len() - 4), "{name}");
            let se = &col.find(&|e| e.has_class("se-group"))[0];
            assert_eq!((se.num("data-total") as u32, se.num("data-all") as u64), (sp.se.service_engines.total, sp.se.all_service_engines()), "{name}");
            let dedicated = col.find(&|e| e.has_class("dedicated"));
            let want: Vec<u32> = v.vpcs.iter().take(4).filter(|r| r.vrf && r.kind != VpcKind::System).filter_map(|r| sp.se.dedicated_groups.iter().find(|g| g.name == r.name)).map(|g| g.total).collect();
            assert_eq!(dedicated.iter().map(|g| g.num("data-total") as u32).collect::<Vec<_>>(), want, "{name}");
            let transit = &col.find(&|e| e.has_class("transit"))[0];
            assert_eq!(transit.num("data-external") as u64, v.external.addresses, "{name}");
        }
        let whole = topology(&d, &p);
        if p.supervisors.iter().all(|sp| sp.vpc.is_some()) {
            assert_eq!(whole, super::topology_vpc(&p), "{name}");
        } else {
            assert!(whole.contains("Supervisors on NSX VPCs, in the NSX VPCs topology picture: vpc-supervisor"), "{name}");
        }
    }
}

#[test]
fn topology_t0_advertises_by_nat_mode() {
    let s = presets::find("dedicated-t0-vrf").unwrap().scenario;
    let (d, p) = design_plan(&s);
    let root = parse(&topology(&d, &p)).unwrap();
    let roles = |t0: &str| -> String {
        root.find(&|e| e.has_class("t0") && e.attr("data-t0") == Some(t0))[0].attr("data-roles").unwrap().to_string()
    };
    // Provider T0 with NAT: Ingress and Egress; the routed dedicated T0: Ingress and namespace networks.
    assert_eq!(roles("t0"), "ingress,egress");
    assert_eq!(roles("t0-dmz"), "ingress,namespace");
    assert_eq!(roles("vrf-partner-vrf"), "ingress,egress");
    let vrf = &root.find(&|e| e.has_class("t0") && e.attr("data-t0") == Some("vrf-partner-vrf"))[0];
    assert_eq!(vrf.attr("data-kind"), Some("vrf"));
    assert!(vrf.all_text().contains("T0 VRF gateway"));
}

#[test]
fn topology_collapses_many_namespaces_and_groups() {
    // 2,000 namespaces in one group: one box labelled ×2000.
    let (d, p) = design_plan(&scenarios().into_iter().find(|(n, _)| n == "many").unwrap().1);
    let root = parse(&topology(&d, &p)).unwrap();
    let ns = root.find(&|e| e.has_class("t1") && e.attr("data-kind") == Some("namespace"));
    assert_eq!(ns.len(), 1);
    assert_eq!(ns[0].find(&|e| e.has_class("count"))[0].text, "×2000");
    assert!(root.num("data-width") <= 1200.0);

    // 40 groups, some on dedicated T0s: a "+N more" box keeps the picture narrow.
    let (d, p) = design_plan(&groups40());
    let root = parse(&topology(&d, &p)).unwrap();
    let more = root.find(&|e| e.has_class("t1") && e.attr("data-kind") == Some("more"));
    assert_eq!(more.len(), 1);
    let shown = root.find(&|e| e.has_class("t1") && e.attr("data-kind") == Some("namespace")).len();
    assert_eq!(more[0].num("data-groups") as usize + shown, 40);
    assert_eq!(more[0].num("data-count") as usize + shown * 3, 120);
    let t0_shown = root.find(&|e| e.has_class("t0") && e.attr("data-kind") != Some("more")).len();
    let t0_more = root.find(&|e| e.has_class("t0") && e.attr("data-kind") == Some("more"));
    assert_eq!(t0_shown + t0_more[0].num("data-count") as usize, p.supervisors[0].net.routes.len());
    assert!(root.num("data-width") <= 2400.0);
}

#[test]
fn topology_of_many_supervisors_stays_narrow() {
    let (d, p) = design_plan(&six_supervisors());
    let root = parse(&topology(&d, &p)).unwrap();
    assert_eq!(root.find(&|e| e.has_class("supervisor")).len(), 3);
    assert!(root.all_text().contains("3 more Supervisors"));
    assert!(root.num("data-width") <= 2400.0);
}

// ---- Helpers --------------------------------------------------------------------

#[test]
fn helpers() {
    assert_eq!(num(1.005), "1");
    assert_eq!(num(12.5), "12.5");
    assert_eq!(num(-0.001), "0");
    assert_eq!(ticks(10.0, 5), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
    assert_eq!(ticks(3.0, 6), vec![0.0, 1.0, 2.0, 3.0]);
    assert_eq!(wrap("a bb ccc dddd", 6), vec!["a bb", "ccc", "dddd"]);
    assert_eq!(clip("abcdef", 4), "abc…");
    assert_eq!(thousands(65536), "65,536");
}

/// Writes every picture of every scenario to `$AVS_SVG_DIR` (to look at them).
#[test]
fn write_pictures_when_asked() {
    let Ok(dir) = std::env::var("AVS_SVG_DIR") else { return };
    std::fs::create_dir_all(&dir).unwrap();
    let mut all = scenarios();
    all.push(("groups40".into(), groups40()));
    all.push(("six-supervisors".into(), six_supervisors()));
    all.push(("nasty".into(), nasty()));
    for (name, s) in all {
        let (d, p) = design_plan(&s);
        std::fs::write(format!("{dir}/{name}-topology.svg"), topology(&d, &p)).unwrap();
        let sp = &p.supervisors[0];
        std::fs::write(format!("{dir}/{name}-se-map.svg"), se_map(sp)).unwrap();
        std::fs::write(format!("{dir}/{name}-address-map.svg"), address_map(sp)).unwrap();
        let mut other = s.clone();
        let mode = if sp.se.settings.ha_mode == HaMode::ActiveActive { HaMode::NPlusM } else { HaMode::ActiveActive };
        other.se_group.ha_mode = Some(mode);
        other.se_group.scale_factor = None;
        other.se_group.buffer_ses = None;
        let svg = match validate(&other).ok().map(|d| plan(&d)) {
            Some(p2) => growth_chart(&[(sp.se.settings.ha_mode.label(), sp), (mode.label(), &p2.supervisors[0])]),
            None => growth_chart(&[("current", sp)]),
        };
        std::fs::write(format!("{dir}/{name}-growth.svg"), svg).unwrap();
    }
}
