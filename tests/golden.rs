//! Golden hashes: the whole output of the engine, byte for byte, for every scenario
//! in tests/scenarios/ and a few hundred generated ones — the `sizer plan` JSON (or
//! the rendered error list), the Markdown report, every CSV table and every SVG
//! picture. A restructuring of the engine must leave every hash as it is; a change
//! of results shows which cases and which renderings moved.
//!
//! The scenarios come from a seeded generator (no outside randomness), so the cases
//! are the same on every machine. Each line of `tests/golden/hashes.txt` is
//! `case json markdown csv svg`, each an FNV-1a 64 hash in hex.
//!
//! After an intended change of results: `UPDATE_GOLDEN=1 cargo test --test golden`,
//! and explain in the commit why the hashes moved (the whole results of the scenario
//! files are compared in full by tests/cli.rs).
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write as _;

use avi_sizer::design::validate;
use avi_sizer::error::render_all;
use avi_sizer::plan::plan;
use avi_sizer::report::{self, csv, svg};
use avi_sizer::scenario::Scenario;
use serde_json::{json, Map, Value};

/// Generated cases; with the scenario files this runs in a few seconds in debug.
const GENERATED: usize = 300;
const SEED: u64 = 0x5EED_0011;

mod common;

use common::root;

/// FNV-1a, 64 bits.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// splitmix64: small, seeded, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
    /// True with probability `percent`/100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Sets `key` to `value` in `obj` with probability `percent`.
fn maybe(rng: &mut Rng, obj: &mut Map<String, Value>, percent: u64, key: &str, value: impl FnOnce(&mut Rng) -> Value) {
    if rng.chance(percent) {
        let v = value(rng);
        obj.insert(key.to_string(), v);
    }
}

fn se_group(rng: &mut Rng, percent: u64) -> Value {
    let mut o = Map::new();
    maybe(rng, &mut o, percent, "ha_mode", |r| json!(r.pick(&["n_plus_m", "active_active", "active_standby"])));
    if o.get("ha_mode") == Some(&json!("active_standby")) && rng.chance(90) {
        // Legacy A/S refuses any scale factor but 2 and any buffer (the rest test that).
        o.insert("scale_factor".into(), json!(2));
        o.insert("buffer_ses".into(), json!(0));
    } else {
        maybe(rng, &mut o, percent, "scale_factor", |r| json!(r.range(1, 4)));
        maybe(rng, &mut o, percent, "buffer_ses", |r| json!(r.range(0, 3)));
    }
    maybe(rng, &mut o, percent, "data_nics_per_se", |r| json!(r.pick(&[1, 2, 3, 4, 9, 9, 10])));
    maybe(rng, &mut o, percent, "max_vs_per_se", |r| json!(r.pick(&[1, 2, 5, 8, 10, 10, 20, 50])));
    maybe(rng, &mut o, percent, "max_se", |r| json!(r.pick(&[2, 4, 10, 20, 100, 1000])));
    maybe(rng, &mut o, percent / 2, "vcpus_per_se", |r| json!(r.pick(&[1, 2, 4])));
    maybe(rng, &mut o, percent / 2, "memory_gb_per_se", |r| json!(r.pick(&[2, 4, 8])));
    maybe(rng, &mut o, percent / 2, "placement", |r| json!(r.pick(&["compact", "distributed"])));
    maybe(rng, &mut o, percent / 4, "max_scaleout_per_vs", |r| json!(r.pick(&[4, 8, 16])));
    Value::Object(o)
}

/// A namespace group of Supervisor `sup`; `nat` is the Supervisor's, `pool` whether
/// it has an address pool (without one, a group that needs networks of its own
/// mostly gets them given).
fn group(rng: &mut Rng, sup: usize, j: usize, nat: bool, pool: bool) -> Value {
    let mut g = Map::new();
    g.insert("name".into(), json!(format!("g{j}")));
    let count = match rng.range(0, 99) {
        0..=49 => rng.range(1, 5),
        50..=84 => rng.range(5, 30),
        _ => rng.range(30, 120),
    };
    g.insert("count".into(), json!(count));
    g.insert("tkg_clusters".into(), json!(rng.pick(&[0, 1, 1, 2, 3, 4])));
    maybe(rng, &mut g, 20, "control_plane_nodes", |_| json!(1));
    maybe(rng, &mut g, 30, "worker_nodes", |r| json!(r.range(0, 6)));
    g.insert("lb_services_per_cluster".into(), json!(rng.range(0, 6)));
    maybe(rng, &mut g, 30, "ingress_vs_per_cluster", |r| json!(r.range(1, 3)));
    g.insert("pod_lb_services".into(), json!(rng.pick(&[0, 0, 1, 2, 3])));
    maybe(rng, &mut g, 30, "vsphere_pods", |r| json!(r.range(1, 40)));
    maybe(rng, &mut g, 20, "nat", |r| json!(r.chance(50)));
    maybe(rng, &mut g, 20, "t0", |r| json!(r.pick(&["dedicated", "vrf", "shared"])));
    let own = !pool && g.get("t0").is_some_and(|t| t != "shared") && rng.chance(90);
    let g_nat = g.get("nat").and_then(Value::as_bool).unwrap_or(nat);
    if own || rng.chance(10) {
        g.insert("ingress_cidr".into(), json!([format!("172.{}.{}.0/22", 16 + sup, j * 16)]));
    }
    if g_nat && (own || (!nat && !pool) || rng.chance(8)) {
        g.insert("egress_cidr".into(), json!([format!("172.{}.{}.0/24", 16 + sup, j * 16 + 4)]));
    }
    if own || rng.chance(8) {
        g.insert("namespace_network".into(), json!([format!("172.{}.{}.0/20", 24 + sup, j * 16)]));
    }
    maybe(rng, &mut g, 10, "namespace_subnet_prefix", |r| json!(r.range(26, 29)));
    Value::Object(g)
}

fn supervisor(rng: &mut Rng, i: usize, shared_pool: bool) -> Value {
    let mut s = Map::new();
    s.insert("name".into(), json!(format!("sv{i}")));
    maybe(rng, &mut s, 25, "nat", |_| json!(false));
    let nat = s.get("nat").is_none();
    if rng.chance(25) {
        s.insert("zones".into(), json!(3));
        maybe(rng, &mut s, 50, "survive_zone_loss", |_| json!(true));
    }
    maybe(rng, &mut s, 30, "supervisor_virtual_services", |r| json!(r.pick(&[0, 2, 3])));
    maybe(rng, &mut s, 20, "control_plane_size", |r| json!(r.pick(&["tiny", "small", "medium", "large"])));
    if rng.chance(30) {
        s.insert("se_group".into(), se_group(rng, 30));
    }
    let mut n = Map::new();
    let pool = rng.chance(80);
    if pool {
        let pool = if shared_pool { "10.0.0.0/8".to_string() } else { format!("10.{}.0.0/16", 10 + i) };
        n.insert("address_pool".into(), json!([pool]));
    } else {
        // No pool: networks given, or missing (an error that says what size is needed).
        maybe(rng, &mut n, 90, "ingress_cidr", |r| json!([format!("10.{}.0.0/{}", 100 + i, r.pick(&[20, 22, 22, 27]))]));
        if nat {
            maybe(rng, &mut n, 90, "egress_cidr", |r| json!([format!("10.{}.16.0/{}", 100 + i, r.pick(&[22, 27]))]));
        }
        maybe(rng, &mut n, 50, "namespace_network", |r| json!([format!("10.{}.0.0/{}", 104 + 4 * i, r.pick(&[14, 16, 23]))]));
    }
    maybe(rng, &mut n, 20, "namespace_subnet_prefix", |r| json!(r.range(26, 29)));
    maybe(rng, &mut n, 20, "growth_percent", |r| json!(r.pick(&[0, 25, 100])));
    maybe(rng, &mut n, 20, "management_start", |_| json!(format!("172.20.{i}.10")));
    maybe(rng, &mut n, 10, "service_cidr", |_| json!(format!("10.96.{}.0/23", i * 2)));
    if !n.is_empty() {
        s.insert("networks".into(), Value::Object(n));
    }
    let groups: Vec<Value> = (0..rng.pick(&[0, 1, 1, 2, 2, 3, 4])).map(|j| group(rng, i, j, nat, pool)).collect();
    s.insert("namespaces".into(), json!(groups));
    Value::Object(s)
}

fn scenario(rng: &mut Rng) -> Value {
    let count = match rng.range(0, 99) {
        0..=59 => 1,
        60..=84 => 2,
        _ => 3,
    };
    let mut o = Map::new();
    o.insert("version".into(), json!(1));
    let topology =
        if count == 1 { "single" } else { rng.pick(&["shared_transport_zone", "dedicated_transport_zones", "multi_nsx"]) };
    o.insert("topology".into(), json!(topology));
    o.insert("se_group".into(), se_group(rng, 40));
    if rng.chance(20) {
        let mut d = Map::new();
        d.insert("virtual_services".into(), json!(rng.range(1, 3)));
        if rng.chance(50) {
            d.insert("se_group".into(), se_group(rng, 40));
        }
        o.insert("dns_se_group".into(), Value::Object(d));
    }
    if rng.chance(10) {
        o.insert("capacity".into(), json!({"throughput_gbps_per_vcpu": 5, "http_rps_per_vcpu": 50000}));
    }
    let shared_pool = rng.chance(50);
    let sups: Vec<Value> = (0..count).map(|i| supervisor(rng, i, shared_pool)).collect();
    o.insert("supervisors".into(), json!(sups));
    Value::Object(o)
}

/// The four hashes of one scenario: JSON (or the validation errors), Markdown, CSV,
/// SVG. The last three are 0 when the scenario does not validate (a network error
/// does not stop the plan: it is inside it).
fn hashes(text: &str) -> [u64; 4] {
    let scenario = match Scenario::from_json(text) {
        Ok(s) => s,
        Err(e) => return [fnv1a(&render_all(&[e])), 0, 0, 0],
    };
    let design = match validate(&scenario) {
        Ok(d) => d,
        Err(e) => return [fnv1a(&render_all(&e)), 0, 0, 0],
    };
    let plan = plan(&design);
    let mut tables = String::new();
    for (n, name) in csv::file_names(&plan).iter().enumerate() {
        let (file, body) = csv::file(&plan, n).unwrap_or_default();
        let _ = write!(tables, "{name}\n{file}\n{body}\n");
    }
    tables.push_str(&csv::service_engines(&plan));
    let mut pictures = svg::topology(&design, &plan);
    for sp in &plan.supervisors {
        pictures.push_str(&svg::se_map(sp));
        pictures.push_str(&svg::address_map(sp));
        pictures.push_str(&svg::growth_chart(&[("current", sp)]));
    }
    [fnv1a(&report::json(&plan)), fnv1a(&report::markdown(&plan)), fnv1a(&tables), fnv1a(&pictures)]
}

fn cases() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = common::scenario_files()
        .iter()
        .map(|f| (f.file_stem().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(f).unwrap()))
        .collect();
    let mut rng = Rng(SEED);
    for k in 0..GENERATED {
        out.push((format!("random-{k:03}"), scenario(&mut rng).to_string()));
    }
    out
}

#[test]
fn every_rendering_of_every_case_is_unchanged() {
    let path = root().join("tests/golden/hashes.txt");
    let mut got = String::from("# case json markdown csv svg (FNV-1a 64); UPDATE_GOLDEN=1 cargo test --test golden rewrites it\n");
    // Rendering dominates: spread the cases over the cores, keep their order.
    let cases = cases();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = cases.len().div_ceil(threads);
    let all: Vec<[u64; 4]> = std::thread::scope(|scope| {
        let workers: Vec<_> =
            cases.chunks(chunk).map(|part| scope.spawn(move || part.iter().map(|(_, t)| hashes(t)).collect::<Vec<_>>())).collect();
        workers.into_iter().flat_map(|w| w.join().unwrap()).collect()
    });
    let mut planned = 0;
    for ((name, _), h) in cases.iter().zip(&all) {
        planned += usize::from(h[1] != 0);
        let _ = writeln!(got, "{name} {:016x} {:016x} {:016x} {:016x}", h[0], h[1], h[2], h[3]);
    }
    // The generator must mostly make scenarios that plan, or the pictures go untested.
    assert!(planned * 10 >= GENERATED * 7, "only {planned} cases planned");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &got).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} missing: UPDATE_GOLDEN=1 cargo test --test golden", path.display()));
    let kinds = ["json", "markdown", "csv", "svg"];
    let lines = |t: &str| -> Vec<(String, Vec<String>)> {
        t.lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut it = l.split_whitespace().map(str::to_string);
                Some((it.next()?, it.collect()))
            })
            .collect()
    };
    let (want, have) = (lines(&expected), lines(&got));
    let mut differ = Vec::new();
    for (name, h) in &have {
        match want.iter().find(|(n, _)| n == name) {
            None => differ.push(format!("{name}: new case")),
            Some((_, w)) if w != h => {
                let which: Vec<&str> =
                    kinds.iter().enumerate().filter(|(i, _)| w.get(*i) != h.get(*i)).map(|(_, k)| *k).collect();
                differ.push(format!("{name}: {}", which.join(", ")));
            }
            _ => {}
        }
    }
    for (name, _) in want.iter().filter(|(n, _)| !have.iter().any(|(h, _)| h == n)) {
        differ.push(format!("{name}: case gone"));
    }
    assert!(differ.is_empty(), "{} case(s) differ:\n{}", differ.len(), differ.join("\n"));
}

/// The generator is part of the expectations: the same seed gives the same scenarios.
#[test]
fn generated_scenarios_are_deterministic_and_varied() {
    let (a, b): (Vec<_>, Vec<_>) = (cases(), cases());
    assert_eq!(a, b);
    let generated: Vec<&String> = a.iter().filter(|(n, _)| n.starts_with("random-")).map(|(_, t)| t).collect();
    assert_eq!(generated.len(), GENERATED);
    for needle in [
        "\"active_standby\"",
        "\"active_active\"",
        "\"distributed\"",
        "\"survive_zone_loss\"",
        "\"multi_nsx\"",
        "\"dns_se_group\"",
        "\"vrf\"",
        "\"dedicated\"",
        "\"ingress_cidr\"",
        "\"vsphere_pods\"",
        "\"management_start\"",
        "\"control_plane_size\"",
        "\"max_scaleout_per_vs\"",
    ] {
        assert!(generated.iter().filter(|t| t.contains(needle)).count() >= 5, "{needle} too rare");
    }
}

