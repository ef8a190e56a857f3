//! Size limits on everything a user hands in: each oversized input is refused
//! with its typed error, quickly (checked before or while reading, never after a
//! full parse), by the engine and by the `sizer` CLI.
//!
//! Time bounds are generous (the CI machine has 2 loaded cores and this is a
//! debug build): what they catch is a refusal that reads the whole input first.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use avi_sizer::design::{limits, validate};
use avi_sizer::error::{FieldError, InputLimit, Problem};
use avi_sizer::link::{self, MAX_LINK_CHARS};
use avi_sizer::plan::{import, ImportError};
use avi_sizer::scenario::{
    CapacitySpec, ControlPlaneSize, DnsSeGroup, HaMode, NamespaceGroup, Placement, Scenario, SeGroupSpec, Supervisor, T0Mode, Topology,
    MAX_SCENARIO_BYTES,
};

/// Engine refusals: well under the page's 100 ms when built for release; a
/// debug build on a busy machine gets this much.
const ENGINE: Duration = Duration::from_millis(1_000);
/// CLI refusals, process start included.
const CLI: Duration = Duration::from_millis(2_000);

fn timed<T>(bound: Duration, what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(took < bound, "{what}: refused in {took:?}, bound {bound:?}");
    out
}

fn too_large(limit: InputLimit, max: u64) -> Problem {
    Problem::InputTooLarge { limit, max }
}

/// `{"supervisors":[{"name":"a","namespaces":[` groups `]}]}`.
fn with_groups(groups: usize) -> String {
    let mut s = String::from(r#"{"supervisors":[{"name":"a","namespaces":["#);
    for i in 0..groups {
        if i > 0 {
            s.push(',');
        }
        s.push_str(r#"{"name":"g"}"#);
    }
    s.push_str("]}]}");
    s
}

fn with_pool(cidrs: usize) -> String {
    let list: Vec<String> = (0..cidrs).map(|i| format!("\"10.{}.{}.0/24\"", i / 256 % 256, i % 256)).collect();
    format!(r#"{{"supervisors":[{{"name":"a","networks":{{"address_pool":[{}]}}}}]}}"#, list.join(","))
}

/// A scenario that plans, padded with spaces to exactly the cap.
fn padded_to_cap() -> String {
    let head = r#"{"supervisors":[{"name":"a","networks":{"address_pool":["10.0.0.0/16"]}}]}"#;
    let text = format!("{head}{}", " ".repeat(MAX_SCENARIO_BYTES - head.len()));
    assert_eq!(text.len(), MAX_SCENARIO_BYTES);
    text
}

#[test]
fn a_50_mb_scenario_is_refused_before_parsing() {
    let text = " ".repeat(50_000_000);
    let e = timed(ENGINE, "50 MB from_json", || Scenario::from_json(&text)).unwrap_err();
    assert_eq!(e.path, "");
    assert_eq!(e.problem, too_large(InputLimit::ScenarioBytes, MAX_SCENARIO_BYTES as u64));
    assert_eq!(
        e.to_string(),
        "the scenario is larger than the 8388608 bytes (8 MiB) the calculator reads, got 50000000 bytes"
    );
    // The Import button's path says the same, about the document.
    let Err(ImportError::Read(e)) = timed(ENGINE, "50 MB import", || import(&text)) else { panic!("imported") };
    assert_eq!(e.problem, too_large(InputLimit::ScenarioBytes, MAX_SCENARIO_BYTES as u64));
    // One byte over is over; the cap itself is read.
    let at_cap = padded_to_cap();
    assert!(Scenario::from_json(&at_cap).is_ok());
    assert!(Scenario::from_json(&format!("{at_cap} ")).is_err());
}

#[test]
fn a_million_namespace_groups_are_refused_at_the_limit() {
    // A million groups do not fit the byte cap...
    let million = with_groups(1_000_000);
    let e = timed(ENGINE, "10^6 groups", || Scenario::from_json(&million)).unwrap_err();
    assert_eq!(e.problem, too_large(InputLimit::ScenarioBytes, MAX_SCENARIO_BYTES as u64));
    // ...and the most that do are refused at group 1,001, not read whole.
    let under_cap = with_groups(600_000);
    assert!(under_cap.len() <= MAX_SCENARIO_BYTES);
    let e = timed(ENGINE, "600,000 groups", || Scenario::from_json(&under_cap)).unwrap_err();
    assert_eq!(e.path, "supervisors[0].namespaces");
    assert_eq!(e.problem, too_large(InputLimit::ListEntries, limits::GROUPS_PER_SUPERVISOR));
    assert_eq!(e.to_string(), "supervisors[0].namespaces: has more than 1000 entries, the most this list may hold");
    // The limit itself reads.
    assert_eq!(Scenario::from_json(&with_groups(1_000)).unwrap().supervisors[0].namespaces.len(), 1_000);
    // Built in memory (the page's "duplicate group"), validation refuses them.
    let mut s = Scenario::default();
    let g = s.supervisors[0].namespaces[0].clone();
    s.supervisors[0].namespaces = vec![g; 1_000_000];
    let errors = timed(ENGINE, "10^6 groups in memory", || validate(&s)).unwrap_err();
    let e = errors.iter().find(|e| e.path == "supervisors[0].namespaces").expect("the list's own error");
    assert_eq!(e.problem, Problem::TooLarge { max: limits::GROUPS_PER_SUPERVISOR });
}

#[test]
fn a_list_of_100000_cidrs_is_refused_at_the_limit() {
    let json = with_pool(100_000);
    let e = timed(ENGINE, "100,000 CIDRs", || Scenario::from_json(&json)).unwrap_err();
    assert_eq!(e.path, "supervisors[0].networks.address_pool");
    assert_eq!(e.problem, too_large(InputLimit::ListEntries, limits::CIDRS_PER_LIST));
    assert!(Scenario::from_json(&with_pool(limits::CIDRS_PER_LIST as usize)).is_ok());
    // Typed into the page's list field (the scenario in memory): one error for
    // the list, none per entry, and no CIDR parsed.
    let mut s = Scenario::default();
    s.supervisors[0].networks.address_pool = (0..100_000).map(|i| format!("junk{i}")).collect();
    let errors = timed(ENGINE, "100,000 CIDRs in memory", || validate(&s)).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].path, "supervisors");
    assert_eq!(errors[0].problem, Problem::TooLarge { max: limits::CIDRS_PER_SCENARIO });
    assert_eq!(errors[0].value, "100000 CIDRs in all Supervisors");
    // Within the scenario's total, one list past its own limit.
    s.supervisors[0].networks.address_pool.truncate(65);
    let errors = validate(&s).unwrap_err();
    assert_eq!(errors[0].to_string(), "supervisors[0].networks.address_pool: must be at most 64, got 65 entries");
}

#[test]
fn deeply_nested_json_is_refused_at_the_first_bracket_too_many() {
    // Every field has a fixed type, so nesting is refused where a string, number
    // or object belongs: serde_json's recursion limit is never reached.
    let depth = 1_000_000;
    let cases = [
        (format!("{}{}", "[".repeat(depth), "]".repeat(depth)), "[0]"),
        (format!(r#"{{"supervisors":{}{}}}"#, "[".repeat(depth), "]".repeat(depth)), "supervisors[0][0]"),
        (format!(r#"{{"supervisors":[{{"name":{}}}]}}"#, "{\"a\":".repeat(depth)), "supervisors[0].name"),
        (format!(r#"{{"supervisors":[{{"name":"a","se_group":{{"ha_mode":{}}}}}]}}"#, "[".repeat(depth)), "supervisors[0].se_group.ha_mode"),
    ];
    for (json, path) in cases {
        assert!(json.len() <= MAX_SCENARIO_BYTES);
        let e = timed(ENGINE, path, || Scenario::from_json(&json)).unwrap_err();
        assert_eq!(e.path, path, "{e}");
        assert!(matches!(e.problem, Problem::Json { .. }), "{e:?}");
    }
}

#[test]
fn a_100_kb_share_link_is_refused_before_decoding() {
    let good = link::encode(&Scenario::default());
    let long = format!("{good}{}", "A".repeat(100_000));
    let e = timed(ENGINE, "100 kB link", || link::decode(&long)).unwrap_err();
    assert_eq!(e.path, "link");
    assert_eq!(e.problem, too_large(InputLimit::LinkChars, MAX_LINK_CHARS as u64));
    assert_eq!(e.value, format!("{} characters", long.len()));
    // A 50 MB one costs no more.
    let huge = "A".repeat(50_000_000);
    let e = timed(ENGINE, "50 MB link", || link::decode(&huge)).unwrap_err();
    assert_eq!(e.problem, too_large(InputLimit::LinkChars, MAX_LINK_CHARS as u64));
    // Characters, not bytes: 30,000 three-byte characters are not too long (and
    // not a link either).
    let e = link::decode(&"\u{20AC}".repeat(30_000)).unwrap_err();
    assert!(matches!(e.problem, Problem::BadLink { .. }), "{e:?}");
    let e = link::decode(&"\u{20AC}".repeat(70_000)).unwrap_err();
    assert_eq!(e.value, "70000 characters");
    // A link at the limit is decoded (and found damaged, not too long).
    let at_limit = format!("v1.{}", "A".repeat(MAX_LINK_CHARS - 3));
    let e = link::decode(&at_limit).unwrap_err();
    assert!(matches!(e.problem, Problem::BadLink { .. }), "{e:?}");
}

/// Every field at its widest legal value (`medium` the longest control plane size): the number of namespace groups the
/// scenario-wide namespace total allows (each holds at least one), names of 63
/// four-byte characters, and the scenario's CIDRs each in a list of its own.
fn largest_scenario() -> Scenario {
    let wide = "\u{1D54F}".repeat(limits::NAME_LEN);
    let se = SeGroupSpec {
        ha_mode: Some(HaMode::ActiveStandby),
        scale_factor: Some(limits::SCALE_FACTOR as u32),
        max_scaleout_per_vs: Some(limits::SCALE_FACTOR as u32),
        buffer_ses: Some(limits::BUFFER_SES as u32),
        data_nics_per_se: Some(limits::DATA_NICS as u32),
        max_vs_per_se: Some(limits::MAX_VS_PER_SE as u32),
        max_se: Some(limits::MAX_SE as u32),
        vcpus_per_se: Some(limits::VCPUS as u32),
        memory_gb_per_se: Some(limits::MEMORY_GB as u32),
        disk_gb_per_se: Some(limits::DISK_GB as u32),
        placement: Some(Placement::Distributed),
    };
    let figure = Some(2.2250738585072014e-308);
    let mut s = Scenario {
        topology: Topology::DedicatedTransportZones,
        se_group: se.clone(),
        dns_se_group: Some(DnsSeGroup { virtual_services: limits::DNS_VS as u32, se_group: se.clone() }),
        capacity: CapacitySpec {
            throughput_gbps_per_vcpu: figure,
            max_throughput_gbps_per_se: figure,
            http_rps_per_vcpu: Some(10_000_000),
            ssl_gbps_per_vcpu: figure,
            rsa2k_tps_per_vcpu: Some(10_000_000),
            ecc_tps_per_vcpu: Some(10_000_000),
            max_http_rps_per_se: Some(10_000_000),
            max_ssl_gbps_per_se: figure,
            max_rsa2k_tps_per_se: Some(10_000_000),
            max_ecc_tps_per_se: Some(10_000_000),
        },
        ..Scenario::default()
    };
    s.supervisors.clear();
    let supervisors = limits::SUPERVISORS as usize;
    let groups = limits::NAMESPACES_PER_SCENARIO as usize;
    let mut cidrs = limits::CIDRS_PER_SCENARIO;
    for i in 0..supervisors {
        let mut sup = Supervisor::new(&wide);
        sup.nat = false;
        sup.zones = 3;
        sup.survive_zone_loss = true;
        sup.supervisor_virtual_services = limits::SUPERVISOR_VS as u32;
        sup.control_plane_size = ControlPlaneSize::Medium;
        sup.supervisor_services = limits::SUPERVISOR_SERVICES as u32;
        sup.se_group = se.clone();
        sup.networks.service_cidr = Some("255.255.255.255/32".into());
        sup.networks.management_start = Some("255.255.255.251".into());
        sup.networks.namespace_subnet_prefix = Some(29);
        sup.networks.growth_percent = Some(limits::GROWTH_PERCENT as u32);
        for _ in 0..groups / supervisors + usize::from(i < groups % supervisors) {
            let mut g = NamespaceGroup::new(&wide, limits::NAMESPACES_PER_SUPERVISOR as u32);
            g.tkg_clusters = limits::CLUSTERS_PER_NAMESPACE as u32;
            g.control_plane_nodes = 1;
            g.worker_nodes = limits::WORKERS_PER_CLUSTER as u32;
            g.lb_services_per_cluster = limits::LB_SERVICES_PER_CLUSTER as u32;
            g.ingress_vs_per_cluster = limits::INGRESS_VS_PER_CLUSTER as u32;
            g.pod_lb_services = limits::POD_LB_SERVICES as u32;
            g.vsphere_pods = limits::VSPHERE_PODS as u32;
            g.vm_service_vms = limits::VM_SERVICE_VMS as u32;
            g.node_pools = limits::NODE_POOLS as u32;
            g.nat = Some(false);
            g.t0 = T0Mode::Dedicated;
            g.namespace_subnet_prefix = Some(29);
            if cidrs > 0 {
                g.namespace_network = vec!["255.255.255.255/32".into()];
                cidrs -= 1;
            }
            sup.namespaces.push(g);
        }
        s.supervisors.push(sup);
    }
    s
}

#[test]
fn the_largest_legitimate_scenario_fits_the_byte_cap() {
    let s = largest_scenario();
    let json = s.to_json();
    // The arithmetic in MAX_SCENARIO_BYTES's comment and the README.
    assert!((7_200_000..7_600_000).contains(&json.len()), "{} bytes", json.len());
    assert!(json.len() < MAX_SCENARIO_BYTES);
    // It reads back whole: every list within its reading limit.
    assert_eq!(Scenario::from_json(&json).unwrap(), s);
}

#[test]
fn scenario_wide_totals_hold() {
    let mut s = Scenario { topology: Topology::MultiNsx, ..Scenario::default() };
    s.supervisors = (0..3)
        .map(|i| {
            let mut sup = Supervisor::new(&format!("s{i}"));
            sup.networks.address_pool = vec![format!("10.{i}.0.0/16")];
            sup.namespaces.push(NamespaceGroup::new("team", 4_000));
            sup
        })
        .collect();
    let errors = validate(&s).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].to_string(), "supervisors: must be at most 10000, got 12000 namespaces in all Supervisors");
    // Subnets: two Supervisors of 1.2 million /29 subnets each (3,000
    // namespaces of 2,000 vSphere pods), each within the limit on its own.
    for sup in &mut s.supervisors {
        sup.networks.address_pool = vec!["0.0.0.0/1".into()];
        sup.networks.namespace_subnet_prefix = Some(29);
        sup.namespaces[0].count = 3_000;
        sup.namespaces[0].vsphere_pods = 2_000;
    }
    s.supervisors.truncate(2);
    let errors = timed(ENGINE, "subnet total", || avi_sizer::plan::plan_scenario(&s)).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        errors[0].to_string(),
        "supervisors: must be at most 2000000, got 2400002 namespace and cluster subnets in all Supervisors"
    );
}

/// Runs `sizer`, its standard input read from `stdin` (a file) or empty.
fn sizer(args: &[&str], stdin: Option<&Path>) -> Output {
    let input = stdin.map_or_else(Stdio::null, |p| Stdio::from(std::fs::File::open(p).unwrap()));
    Command::new(env!("CARGO_BIN_EXE_sizer")).args(args).stdin(input).output().expect("run sizer")
}

fn refused(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn the_cli_refuses_oversized_files_and_standard_input() {
    let dir = std::env::temp_dir().join(format!("sizer-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("big.json");
    std::fs::write(&big, " ".repeat(50_000_000)).unwrap();
    let big = big.to_str().unwrap();

    let out = timed(CLI, "sizer plan 50 MB file", || sizer(&["plan", big], None));
    assert_eq!(
        refused(&out),
        "the scenario is larger than the 8388608 bytes (8 MiB) the calculator reads, got 50000000 bytes\n"
    );
    let out = timed(CLI, "sizer link 50 MB file", || sizer(&["link", big], None));
    assert!(refused(&out).starts_with("the scenario is larger than"));

    let out = timed(CLI, "sizer validate - (50 MB)", || sizer(&["validate", "-"], Some(Path::new(big))));
    assert_eq!(
        refused(&out),
        "the scenario is larger than the 8388608 bytes (8 MiB) the calculator reads, got more than 8388608 bytes\n"
    );
    // Through a pipe: sizer stops reading at the cap and exits, cat gets a broken pipe.
    let piped = format!("cat '{big}' | '{}' validate -", env!("CARGO_BIN_EXE_sizer"));
    let out = timed(CLI, "cat 50 MB | sizer validate -", || Command::new("sh").arg("-c").arg(&piped).output().unwrap());
    assert_eq!(
        refused(&out),
        "the scenario is larger than the 8388608 bytes (8 MiB) the calculator reads, got more than 8388608 bytes\n"
    );

    let groups = dir.join("groups.json");
    std::fs::write(&groups, with_groups(600_000)).unwrap();
    let out = timed(CLI, "sizer validate 600,000 groups", || sizer(&["validate", groups.to_str().unwrap()], None));
    assert_eq!(refused(&out), "supervisors[0].namespaces: has more than 1000 entries, the most this list may hold\n");

    let cidrs = dir.join("cidrs.json");
    std::fs::write(&cidrs, with_pool(100_000)).unwrap();
    let out = timed(CLI, "sizer validate 100,000 CIDRs", || sizer(&["validate", cidrs.to_str().unwrap()], None));
    assert!(refused(&out).starts_with("supervisors[0].networks.address_pool: has more than 64 entries"));

    let deep = dir.join("deep.json");
    std::fs::write(&deep, format!(r#"{{"supervisors":{}{}}}"#, "[".repeat(1_000_000), "]".repeat(1_000_000))).unwrap();
    let out = timed(CLI, "sizer validate deep nesting", || sizer(&["validate", "-"], Some(&deep)));
    assert!(refused(&out).starts_with("supervisors[0][0]: invalid type"));

    let long = "A".repeat(100_000);
    let out = timed(CLI, "sizer unlink 100 kB", || sizer(&["unlink", &long], None));
    assert!(refused(&out).starts_with("link: the share link is longer than the 65536 characters"));

    // Exactly at the cap is read (and here planned).
    let at_cap = dir.join("at-cap.json");
    std::fs::write(&at_cap, padded_to_cap()).unwrap();
    let out = sizer(&["validate", "-"], Some(&at_cap));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn errors_for_oversized_input_serialize_with_their_limit() {
    let e: FieldError = Scenario::from_json(&with_pool(65)).unwrap_err();
    let json = serde_json::to_value(&e).unwrap();
    assert_eq!(json["problem"]["kind"], "input_too_large");
    assert_eq!(json["problem"]["limit"], "list_entries");
    assert_eq!(json["problem"]["max"], 64);
}

#[test]
fn a_large_real_scenario_makes_a_link_well_under_the_limit() {
    // 64 Supervisors, 9,984 namespace groups, each Supervisor with its own pool
    // and Ingress CIDR, every tenth group on a dedicated T0 with its own.
    let mut s = Scenario { topology: Topology::MultiNsx, ..Scenario::default() };
    s.supervisors = (0..64)
        .map(|i| {
            let mut sup = Supervisor::new(&format!("supervisor-{i:02}"));
            sup.networks.address_pool = vec![format!("10.{i}.0.0/16")];
            sup.networks.ingress_cidr = vec![format!("172.16.{i}.0/24")];
            sup.namespaces = (0..156)
                .map(|j| {
                    let mut g = NamespaceGroup::new(&format!("team-{j:03}"), j % 20 + 1);
                    g.tkg_clusters = j % 3;
                    g.lb_services_per_cluster = j % 5;
                    if j % 10 == 0 {
                        g.t0 = T0Mode::Dedicated;
                        g.ingress_cidr = vec![format!("192.168.{j}.0/27")];
                    }
                    g
                })
                .collect();
            sup
        })
        .collect();
    let code = link::encode(&s);
    assert!((10_000..13_000).contains(&code.len()), "{} characters", code.len());
    assert!(code.len() < MAX_LINK_CHARS / 4);
    assert_eq!(link::decode(&code).unwrap(), s);
}

/// Found while choosing the fuzz limits: every field in range, yet 190,001
/// virtual services at scale factor 64 with 1 VS per SE made the simulation
/// create 12.2 million SEs (141 s and 6 GB in a release build, a 3.9 GB plan).
#[test]
fn millions_of_service_engines_are_refused_before_simulating() {
    let json = r#"{"se_group":{"ha_mode":"active_active","scale_factor":64,"max_se":1000,"max_vs_per_se":1,"data_nics_per_se":1},
      "supervisors":[{"name":"s","networks":{"address_pool":["10.0.0.0/8"]},"namespaces":[{"name":"g","count":10000,"pod_lb_services":19}]}]}"#;
    let s = Scenario::from_json(json).unwrap();
    let errors = timed(ENGINE, "12 million SEs", || avi_sizer::plan::plan_scenario(&s)).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].path, "supervisors[0].namespaces");
    assert_eq!(errors[0].problem, Problem::TooLarge { max: limits::VS_PLACEMENTS_PER_SUPERVISOR });
    // Scale factor 2 (Active/Active's default) is within the limit and plans.
    let mut s = s;
    s.se_group.scale_factor = Some(2);
    s.se_group.max_vs_per_se = Some(10);
    let plan = avi_sizer::plan::plan_scenario(&s).unwrap();
    assert!(plan.supervisors[0].service_engines.total > 1_000);
}

/// Found while choosing the fuzz limits: the zone-survival total counted up one
/// SE at a time for every growth step, quadratic in the SE count (9.5 s in a
/// release build for this scenario, within every limit).
#[test]
fn surviving_a_zone_loss_is_sized_without_counting_up() {
    let json = r#"{"se_group":{"ha_mode":"active_active","scale_factor":2,"max_se":1000,"max_vs_per_se":1,"data_nics_per_se":1,"buffer_ses":1000,"placement":"distributed"},
      "supervisors":[{"name":"s","zones":3,"survive_zone_loss":true,"supervisor_virtual_services":100,"networks":{"address_pool":["10.0.0.0/8"]},
      "namespaces":[{"name":"g","count":10000,"pod_lb_services":19}]}]}"#;
    let s = Scenario::from_json(json).unwrap();
    let plan = timed(Duration::from_secs(10), "zone survival", || avi_sizer::plan::plan_scenario(&s)).unwrap();
    let se = &plan.supervisors[0].service_engines;
    let (n, total) = (u64::from(se.carrying_load), u64::from(se.total));
    let left = |t: u64| t - t.div_ceil(3);
    // Enough SEs survive the loss of the fullest zone, and one fewer would not do
    // (or the total is the carrying SEs plus buffer, already enough).
    assert!(left(total) >= n, "{total} SEs leave {} after a zone loss, {n} carry the load", left(total));
    assert!(se.zone_spare == 0 || left(total - 1) < n);
    assert_eq!(total, n + u64::from(se.buffer) + u64::from(se.zone_spare));
}

