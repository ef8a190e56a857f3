//! The `sizer` binary end to end: scenario files in tests/scenarios/ planned and
//! compared whole against tests/expected/, bad input refused with exit status 2 and
//! a message naming field and value, never a panic.
//!
//! After an intended change of results: `UPDATE_EXPECTED=1 cargo test --test cli`,
//! then read the diff of tests/expected/ before committing it.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn sizer(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sizer"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run sizer");
    if let Some(text) = stdin {
        // sizer may exit before reading (a usage error): a broken pipe is fine.
        let _ = child.stdin.take().unwrap().write_all(text.as_bytes());
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

mod common;

use common::root;

#[test]
fn scenario_files_give_the_expected_whole_results() {
    let update = std::env::var_os("UPDATE_EXPECTED").is_some();
    let files = common::scenario_files();
    assert!(files.len() >= 10, "scenario files missing");
    let mut mismatches = Vec::new();
    for file in &files {
        let out = sizer(&["plan", file.to_str().unwrap()], None);
        assert!(out.status.success(), "{}: {}", file.display(), text(&out.stderr));
        let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let expected_path = root().join("tests/expected").join(file.file_name().unwrap());
        if update {
            std::fs::write(&expected_path, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
            continue;
        }
        let expected: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(&expected_path).unwrap_or_else(|_| panic!("{} missing", expected_path.display())),
        )
        .unwrap();
        if got != expected {
            mismatches.push(file.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    assert!(mismatches.is_empty(), "results differ from tests/expected for {mismatches:?}");
}

/// The headline numbers of the acceptance cases, stated here so that a wrong
/// expected file cannot hide them.
#[test]
fn acceptance_numbers_from_the_cli() {
    let cases = [
        // (file, carrying load, buffer, total, lower bound, binding, feasible)
        ("seed-claim-9-nics.json", 4, 0, 4, 3, "interfaces", true),
        // Saved with 10 data interfaces under rules 1 (2 SEs): computed with 9 now.
        ("seed-claim-10-nics.json", 4, 0, 4, 3, "interfaces", true),
        ("avi-docs-n-plus-m.json", 3, 1, 4, 3, "virtual_services", true),
        // The one pair that exists; the third SE would be added for interfaces.
        ("legacy-active-standby-infeasible.json", 2, 0, 2, 3, "interfaces", false),
    ];
    for (file, n, m, total, lb, binding, feasible) in cases {
        let path = root().join("tests/scenarios").join(file);
        let out = sizer(&["plan", path.to_str().unwrap()], None);
        assert!(out.status.success(), "{file}: {}", text(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let se = &v["supervisors"][0]["service_engines"];
        assert_eq!(se["carrying_load"], n, "{file}");
        assert_eq!(se["buffer"], m, "{file}");
        assert_eq!(se["total"], total, "{file}");
        assert_eq!(se["lower_bound"], lb, "{file}");
        assert_eq!(se["binding"], binding, "{file}");
        assert_eq!(se["feasible"], feasible, "{file}");
        assert_eq!(se["placement"].as_array().unwrap().len(), total as usize, "{file}");
    }
    // The saved seed claim says what rules 2 changed, and why.
    let path = root().join("tests/scenarios/seed-claim-10-nics.json");
    let v: serde_json::Value = serde_json::from_slice(&sizer(&["plan", path.to_str().unwrap()], None).stdout).unwrap();
    assert_eq!((v["rules"]["version"].as_u64(), v["rules"]["made_under"].as_u64()), (Some(2), Some(1)));
    let total = v["rules"]["changes"].as_array().unwrap().iter().find(|c| c["what"] == "total_ses").unwrap();
    assert_eq!((total["old"].as_u64(), total["new"].as_u64(), &total["reasons"]), (Some(2), Some(4), &serde_json::json!(["data_nics_at_most_9"])));
    let warning = &v["supervisors"][0]["warnings"][0];
    assert_eq!((warning["path"].as_str(), warning["kind"].as_str()), (Some("se_group.data_nics_per_se"), Some("input_adjusted")));
    // The Legacy Active/Standby pair says what it carries and what the elastic modes need.
    let path = root().join("tests/scenarios/legacy-active-standby-infeasible.json");
    let v: serde_json::Value = serde_json::from_slice(&sizer(&["plan", path.to_str().unwrap()], None).stdout).unwrap();
    let pair = &v["supervisors"][0]["service_engines"]["pair"];
    assert_eq!((pair["needed"].as_u64(), pair["virtual_services_carried"].as_u64(), pair["namespaces_carried"].as_u64()), (Some(4), Some(9), Some(8)));
    assert_eq!(v["supervisors"][0]["resources"]["service_units"].as_u64(), Some(2));
}

#[test]
fn bad_input_exits_2_and_names_field_and_value() {
    let big = format!(
        r#"{{"supervisors":[{{"name":"s","namespaces":[{{"name":"n","count":{}}}]}}]}}"#,
        1_000_000_000u64
    );
    let cases: Vec<(String, &str)> = vec![
        ("{\"supervisors\": [".into(), "EOF while parsing"),
        ("not json".into(), "expected ident"),
        (r#"{"se_group":{"ha_mode":"hot_standby"},"supervisors":[{"name":"s"}]}"#.into(),
         "se_group.ha_mode: unknown variant `hot_standby`, expected one of `n_plus_m`, `active_active`, `active_standby`"),
        (r#"{"supervisors":[{"name":"s","namespaces":[{"name":"a"},{"name":"b","count":0}]}]}"#.into(),
         "supervisors[0].namespaces[1].count: must be at least 1, got 0"),
        (big, "supervisors[0].namespaces[0].count: must be at most 10000, got 1000000000"),
        (r#"{"supervisors":[{"name":"s","namespaces":[{"name":"n","count":-3}]}]}"#.into(),
         "supervisors[0].namespaces[0].count: invalid value: integer `-3`, expected u32"),
        (r#"{"se_group":{"scale_factor":4,"max_se":2},"supervisors":[{"name":"s"}]}"#.into(),
         "se_group.scale_factor: a virtual service cannot scale out to more SEs than max_se = 2 (se_group.max_se), got 4"),
        (r#"{"se_group":{"ha_mode":"active_standby","buffer_ses":2},"supervisors":[{"name":"s"}]}"#.into(),
         "se_group.buffer_ses: Legacy Active/Standby has no buffer SEs; the standby is the spare (se_group.ha_mode), got 2"),
        (r#"{"version":7,"supervisors":[]}"#.into(), "version: this build reads scenario version 1, got 7"),
        (r#"{"se_group":{"ha_mode":"active_active","max_scaleout_per_vs":1},"supervisors":[{"name":"s"}]}"#.into(),
         "se_group.max_scaleout_per_vs: the maximum scale-out per virtual service must be at least the VS scale factor (Avi min_scaleout_per_vs) 2 (se_group.scale_factor), got 1"),
        (r#"{"supervisors":[{"name":"s","control_plane_size":"xl"}]}"#.into(),
         "supervisors[0].control_plane_size: unknown variant `xl`, expected one of `tiny`, `small`, `medium`, `large`"),
        (r#"{"supervisors":[{"name":"s","networks":{"ingress_cidr":["10.1.1.1/24"]}}]}"#.into(),
         "supervisors[0].networks.ingress_cidr[0]: 10.1.1.1/24 has host bits set; did you mean 10.1.1.0/24?"),
    ];
    for (input, message) in cases {
        let out = sizer(&["plan", "-"], Some(&input));
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{input}: {err}");
        assert!(err.contains(message), "{input}:\n{err}\nshould contain\n{message}");
        assert!(!err.contains("panicked") && !err.contains("backtrace"), "{err}");
        assert!(out.stdout.is_empty());
    }
}

/// Issue 8/9: a scenario without Ingress/Egress and without a pool gets its whole SE
/// result and exit 0 (the network part says what each missing network needs); a
/// wrong network still prints the plan, with the errors on standard error and exit 2.
#[test]
fn networks_missing_exit_0_and_networks_wrong_exit_2_with_the_se_result() {
    let base = r#"{"supervisors":[{"name":"s","namespaces":[{"name":"team","count":10,"tkg_clusters":1,"lb_services_per_cluster":2}]NETWORKS}]}"#;
    let planned = |networks: &str| base.replace("NETWORKS", networks);
    let good = sizer(&["plan", "-"], Some(&planned(r#","networks":{"address_pool":["10.220.0.0/16"]}"#)));
    assert!(good.status.success(), "{}", text(&good.stderr));
    let good: serde_json::Value = serde_json::from_slice(&good.stdout).unwrap();

    // Missing: exit 0, the SE result, and what each missing network needs.
    let out = sizer(&["plan", "-"], Some(&planned("")));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sp = &v["supervisors"][0];
    assert_eq!(sp["service_engines"], good["supervisors"][0]["service_engines"]);
    assert_eq!(sp["resources"], good["supervisors"][0]["resources"]);
    assert_eq!(sp["network"]["status"], "not_planned");
    let needs: Vec<String> = sp["network"]["errors"].as_array().unwrap().iter().map(|e| e["path"].as_str().unwrap().to_string()).collect();
    assert_eq!(needs, ["supervisors[0].networks.ingress_cidr", "supervisors[0].networks.egress_cidr"]);
    for e in sp["network"]["errors"].as_array().unwrap() {
        assert!(e["problem"]["needed"].as_str().unwrap().contains("or larger for"), "{e}");
    }
    let md = sizer(&["plan", "-", "--format", "markdown"], Some(&planned("")));
    assert_eq!(md.status.code(), Some(0));
    let md = text(&md.stdout);
    assert!(md.contains("| Total SEs | 5 |") && md.contains("The networks are not planned"), "{md}");
    assert!(md.contains("no Ingress CIDR given and no address pool to carve it from: a /26 or larger for 31 VIPs"), "{md}");
    let validate = sizer(&["validate", "-"], Some(&planned("")));
    assert_eq!(validate.status.code(), Some(0));
    assert!(text(&validate.stdout).starts_with("not planned: supervisors[0].networks.ingress_cidr: "), "{}", text(&validate.stdout));

    // Wrong: the plan on standard output all the same, the errors on standard error, exit 2.
    for (networks, error) in [
        (r#","networks":{"address_pool":["10.220.0.0/26"]}"#, "supervisors[0].networks.address_pool: 10.220.0.0/26 has"),
        (
            r#","networks":{"ingress_cidr":["10.244.0.0/24"],"egress_cidr":["10.9.0.0/27"]}"#,
            "supervisors[0].networks.ingress_cidr[0]: 10.244.0.0/24 overlaps supervisors[0].networks.namespace_network",
        ),
    ] {
        for args in [&["plan", "-"][..], &["snippet", "terraform", "-"][..], &["validate", "-"][..]] {
            let out = sizer(args, Some(&planned(networks)));
            assert_eq!(out.status.code(), Some(2), "{args:?} {networks}");
            assert!(text(&out.stderr).contains(error), "{args:?}: {}", text(&out.stderr));
            assert!(!text(&out.stderr).contains("panicked"));
            match args[0] {
                "plan" => {
                    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
                    assert_eq!(v["supervisors"][0]["service_engines"], good["supervisors"][0]["service_engines"]);
                    assert_eq!(v["supervisors"][0]["network"]["status"], "error");
                }
                "snippet" => assert!(text(&out.stdout).contains("# Not applicable: this plan has no networks"), "{}", text(&out.stdout)),
                _ => assert!(out.stdout.is_empty()),
            }
        }
    }
}

#[test]
fn usage_errors_and_missing_files() {
    let out = sizer(&["frobnicate"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown command: frobnicate"));
    let out = sizer(&["plan", "/nonexistent/scenario.json"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("/nonexistent/scenario.json"));
    let out = sizer(&["plan", "-", "--format", "pdf"], Some("{\"supervisors\":[{\"name\":\"s\"}]}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown format \"pdf\""));
}

#[test]
fn markdown_format_and_stdin() {
    let scenario = std::fs::read_to_string(root().join("tests/scenarios/seed-claim-9-nics.json")).unwrap();
    let out = sizer(&["plan", "-", "--format", "markdown"], Some(&scenario));
    assert!(out.status.success());
    let md = text(&out.stdout);
    assert!(md.contains("| Total SEs | 4 |"), "{md}");
    assert!(md.contains("| Perfect-placement lower bound | 3 (data interfaces) |"), "{md}");
}

#[test]
fn presets_and_links_round_trip_through_the_cli() {
    let list = text(&sizer(&["preset"], None).stdout);
    assert!(list.lines().count() >= 7);
    for line in list.lines() {
        let key = line.split_whitespace().next().unwrap();
        let preset = sizer(&["preset", key], None);
        assert!(preset.status.success(), "{key}");
        let scenario = text(&preset.stdout);
        let code = text(&sizer(&["link", "-"], Some(&scenario)).stdout);
        let back = sizer(&["unlink", code.trim()], None);
        assert!(back.status.success(), "{key}: {}", text(&back.stderr));
        assert_eq!(text(&back.stdout), scenario, "{key}");
        // The preset files in tests/scenarios are what `sizer preset` prints.
        let file = root().join(format!("tests/scenarios/preset-{key}.json"));
        if Path::new(&file).exists() {
            assert_eq!(std::fs::read_to_string(&file).unwrap(), scenario, "{key}");
        }
    }
    let out = sizer(&["unlink", "v1.garbage!"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("not a share link"));
}

#[test]
fn snippet_prints_the_text_the_page_shows_one_block_per_supervisor() {
    use avi_sizer::report::snippets::{self, Snippet};
    let file = root().join("tests/scenarios/preset-shared-tz.json");
    let scenario = avi_sizer::scenario::Scenario::from_json(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let plan = avi_sizer::plan::plan_scenario(&scenario).unwrap();
    assert!(plan.supervisors.len() >= 2);
    for kind in Snippet::ALL {
        let out = sizer(&["snippet", kind.key(), file.to_str().unwrap()], None);
        assert!(out.status.success(), "{}: {}", kind.key(), text(&out.stderr));
        let printed = text(&out.stdout);
        assert_eq!(printed, snippets::for_plan(&plan, kind), "{}", kind.key());
        // Each Supervisor's block is exactly what the page's snippets panel renders for it.
        for sp in &plan.supervisors {
            assert!(printed.contains(&kind.render(sp)), "{}: {}", kind.key(), sp.name);
        }
        assert_eq!(printed.matches("# Supervisor ").count(), plan.supervisors.len(), "{}", kind.key());
    }
    let out = sizer(&["snippet", "avi", "-"], Some(&std::fs::read_to_string(&file).unwrap()));
    assert!(out.status.success() && text(&out.stdout).contains("PATCH /api/serviceenginegroup/"));
    let out = sizer(&["snippet", "ansible", file.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown snippet \"ansible\": use avi, nsx or terraform"), "{}", text(&out.stderr));
    let out = sizer(&["snippet", "avi", "-"], Some(r#"{"supervisors":[{"name":"s","se_group":{"max_scaleout_per_vs":0}}]}"#));
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("supervisors[0].se_group.max_scaleout_per_vs: must be at least 1, got 0"), "{}", text(&out.stderr));
}

/// PLATFORMS.md §4's worked examples (VDS with Avi) and the Foundation Load
/// Balancer's (research note), through the CLI: the preset is §4's scenario with
/// every network given.
#[test]
fn vds_worked_examples_from_the_cli() {
    let plan = |file: &str| -> serde_json::Value {
        let out = sizer(&["plan", root().join("tests/scenarios").join(file).to_str().unwrap()], None);
        assert!(out.status.success(), "{file}: {}", text(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["supervisors"][0].clone()
    };
    // VS = 1 + 3 + 10 = 14, N = 2, 3 SEs of 1 data NIC; data pool 14 + 3 = 17 -> /27;
    // wl-1 = 3 + 2 x 7 = 17 (/27); wl-2 = 1 + 2 + 1 = 4 (/29).
    let sp = plan("preset-vds.json");
    let se = &sp["service_engines"];
    assert_eq!((sp["load"]["virtual_services"].as_u64(), se["carrying_load"].as_u64(), se["total"].as_u64()), (Some(14), Some(2), Some(3)));
    let placement = se["placement"].as_array().unwrap();
    assert!(placement.iter().all(|p| p["interfaces_used"].as_u64() <= Some(1)), "{placement:?}");
    let v = &sp["vds"];
    assert_eq!(v["avi"]["max_data_nics"], 1);
    let pool = &v["avi"]["data_network"];
    assert_eq!((pool["addresses"].as_u64(), pool["prefix"].as_u64()), (Some(17), Some(27)));
    let wl = |v: &serde_json::Value, k: usize, edge: &str, what: &str| v["workload_networks"][k][edge][what].as_u64().unwrap();
    assert_eq!((wl(v, 0, "avi", "addresses"), wl(v, 0, "avi", "prefix")), (17, 27));
    assert_eq!((wl(v, 1, "avi", "addresses"), wl(v, 1, "avi", "prefix")), (4, 29));

    // Essentials: the error, then with max_vs_per_se 14: 2 SEs, the pool needs 16.
    let mut essentials: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("tests/scenarios/vds-essentials-max-vs-14.json")).unwrap()).unwrap();
    essentials["se_group"]["max_vs_per_se"] = 10.into();
    let out = sizer(&["plan", "-"], Some(&essentials.to_string()));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("14 VS on an A/S pair exceed max_vs_per_se 10: raise it to ≥14 or use Enterprise"),
        "{}",
        text(&out.stderr)
    );
    let sp = plan("vds-essentials-max-vs-14.json");
    assert_eq!((sp["settings"]["ha_mode"].as_str(), sp["service_engines"]["total"].as_u64()), (Some("active_standby"), Some(2)));
    assert_eq!(sp["vds"]["avi"]["data_network"]["addresses"], 16);

    // The FLB beside Avi, defaults (ACTIVE_PASSIVE, SMALL, two NICs): 2 VMs = 4 vCPU,
    // 8 GB, 16 GB; VIP range 14; wl-1 = 3 + 14 + 2 FLB nodes, 33 with the VIPs -> /26;
    // management 5 + 2 = 7; wl-2 unchanged 4 (/29).
    let sp = plan("vds-flb.json");
    let f = &sp["vds"]["flb"];
    let n = |x: &serde_json::Value| x.as_u64().unwrap();
    assert_eq!((n(&f["appliances"]), n(&f["vcpus"]), n(&f["memory_gb"]), n(&f["disk_gb"])), (2, 4, 8, 16));
    assert_eq!(n(&f["vip_range"]["addresses"]), 14);
    let v = &sp["vds"];
    assert_eq!((wl(v, 0, "flb", "subnet_addresses"), wl(v, 0, "flb", "prefix")), (33, 26));
    assert_eq!((n(&v["management"]["flb"]["addresses"]), wl(v, 1, "flb", "addresses"), wl(v, 1, "flb", "prefix")), (7, 4, 29));
    // The design is the FLB: no Avi controller cluster, the appliances rolled up.
    let out = sizer(&["plan", root().join("tests/scenarios/vds-flb.json").to_str().unwrap()], None);
    let whole: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(whole["topology"]["controller_clusters"].as_array().map(Vec::len), Some(0));
    assert_eq!(whole["topology"]["foundation_lbs"]["appliances"], 2);

    // Three NICs: FLB management port group 2; frontend 2 + 14 = 16 -> /27; wl-1 = 19 (/27).
    let sp = plan("vds-flb-three-nic.json");
    let f = &sp["vds"]["flb"];
    assert_eq!(n(&f["management_network"]["addresses"]), 2);
    assert_eq!((n(&f["frontend_network"]["subnet_addresses"]), n(&f["frontend_network"]["prefix"])), (16, 27));
    assert_eq!((wl(&sp["vds"], 0, "flb", "subnet_addresses"), wl(&sp["vds"], 0, "flb", "prefix")), (19, 27));

    // Single node: 1 VM (2 vCPU, 4 GB, 8 GB); wl-1 32 -> still /26; management 6.
    let mut single: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("tests/scenarios/vds-flb.json")).unwrap()).unwrap();
    single["supervisors"][0]["vds"]["flb"]["availability"] = "single_node".into();
    let out = sizer(&["plan", "-"], Some(&single.to_string()));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let sp = &serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["supervisors"][0];
    let f = &sp["vds"]["flb"];
    assert_eq!((n(&f["appliances"]), n(&f["vcpus"]), n(&f["memory_gb"]), n(&f["disk_gb"])), (1, 2, 4, 8));
    assert_eq!((wl(&sp["vds"], 0, "flb", "subnet_addresses"), wl(&sp["vds"], 0, "flb", "prefix")), (32, 26));
    assert_eq!(n(&sp["vds"]["management"]["flb"]["addresses"]), 6);
}

/// The plan of a scenario file (or of `stdin` with `-`) as JSON, exit status 0.
fn plan_json(file: &str, stdin: Option<&str>) -> serde_json::Value {
    let path = root().join("tests/scenarios").join(file);
    let arg = if stdin.is_some() { "-".to_string() } else { path.to_str().unwrap().to_string() };
    let out = sizer(&["plan", &arg], stdin);
    assert!(out.status.success(), "{file}: {}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// PLATFORMS.md §7's worked example through the CLI: 10 namespaces × (2 clusters + 5
/// one-port Services) on the NSX load balancer and on Avi, the edge-credit
/// thresholds at 31 and 40 namespaces, and the per-Service-port count.
#[test]
fn nsx_lb_worked_examples_from_the_cli() {
    let n = |x: &serde_json::Value| x.as_u64().unwrap_or_else(|| panic!("{x}"));
    let v = plan_json("preset-nsx-lb.json", None);
    let sp = &v["supervisors"][0];
    let lb = &sp["nsx_lb"];
    // NSX: 7 virtual servers per namespace LB, 11 SMALL LBs = 11 of 40 credits on 2 Large edges.
    assert_eq!((n(&lb["load_balancers"]), n(&lb["instances"][1]["virtual_servers"]), n(&lb["instances"][1]["count"])), (11, 7, 10));
    assert!(lb["instances"].as_array().unwrap().iter().all(|r| r["size"] == "small"));
    let e = &lb["edges"];
    assert_eq!((n(&e["used"]), n(&e["capacity"]), n(&e["nodes"]), e["size"].as_str(), e["percent"].as_f64()), (11, 40, 2, Some("large"), Some(27.5)));
    assert_eq!((e["usage"].as_str(), lb["fits"].as_bool()), (Some("ok"), Some(true)));
    // Avi (N+M, s=1, M=1, 10 VS/SE, D=9): 71 VS in 11 VRFs, N = 8 (slots bind), 9 SEs = 9 SU.
    assert_eq!((n(&sp["load"]["virtual_services"]), n(&sp["load"]["vrfs_with_vs"])), (71, 11));
    let se = &sp["service_engines"];
    assert_eq!((n(&se["carrying_load"]), n(&se["total"]), se["binding"].as_str()), (8, 9, Some("virtual_services")));
    assert_eq!(n(&sp["resources"]["service_units"]), 9);

    // 31 namespaces: 32 LBs, 80 %: a warning.
    let lb = &plan_json("nsx-lb-31-namespaces.json", None)["supervisors"][0]["nsx_lb"];
    assert_eq!((n(&lb["load_balancers"]), lb["edges"]["percent"].as_f64(), lb["edges"]["usage"].as_str()), (32, Some(80.0), Some("warning")));
    assert_eq!(lb["findings"][0]["severity"], "warning");
    // 40 namespaces: 41 LBs: an error, "add an edge pair or use XL edges".
    let lb = &plan_json("nsx-lb-40-namespaces.json", None)["supervisors"][0]["nsx_lb"];
    assert_eq!((n(&lb["load_balancers"]), lb["edges"]["usage"].as_str(), lb["fits"].as_bool()), (41, Some("error"), Some(false)));
    assert_eq!(lb["findings"][0]["severity"], "error");
    assert!(lb["findings"][0]["fix"].as_str().unwrap().starts_with("add an edge pair or use XL edges"), "{}", lb["findings"][0]);

    // Two-port Services: 12 virtual servers a namespace (Avi still 7); ten of them: 22 > 20.
    let mut two: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(root().join("tests/scenarios/preset-nsx-lb.json")).unwrap()).unwrap();
    two["supervisors"][0]["namespaces"][0]["service_ports"] = 2.into();
    let v = plan_json("", Some(&two.to_string()));
    assert_eq!(n(&v["supervisors"][0]["nsx_lb"]["instances"][1]["virtual_servers"]), 12);
    assert_eq!(n(&v["supervisors"][0]["load"]["virtual_services"]), 71);
    let lb = &plan_json("nsx-lb-ten-two-port-services.json", None)["supervisors"][0]["nsx_lb"];
    assert_eq!(n(&lb["instances"][1]["virtual_servers"]), 22);
    let f = &lb["findings"][0];
    assert_eq!((f["severity"].as_str(), f["path"].as_str()), (Some("error"), Some("supervisors[0].namespaces[0]")));
    assert!(f["message"].as_str().unwrap().contains("22 virtual servers per load balancer exceed the 20 of a SMALL load balancer"), "{f}");

    // compare-lb: the same numbers, for any scenario, asked for or not; status 0 even
    // when the NSX load balancer would not hold the design.
    let out = sizer(&["compare-lb", root().join("tests/scenarios/nsx-lb-40-namespaces.json").to_str().unwrap()], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let c: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let s = &c["supervisors"][0];
    assert_eq!((n(&s["nsx_lb"]["load_balancers"]), n(&s["avi"]["total"]), n(&s["avi"]["vrfs"])), (41, n(&s["avi"]["carrying_load"]) + 1, 41));
    let out = sizer(&["compare-lb", root().join("tests/scenarios/preset-single.json").to_str().unwrap(), "--format", "markdown"], None);
    let md = text(&out.stdout);
    assert!(out.status.success() && md.contains("| 11 load balancers (1 system + 10 namespaces), SMALL by default |"), "{md}");
    assert!(md.contains("| NSX 4.x (4.2 API) |") && md.contains("NSX_LB is a current edge provider"), "{md}");
    let out = sizer(&["compare-lb", root().join("tests/scenarios/preset-vds.json").to_str().unwrap()], None);
    let c: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(out.status.success() && c["supervisors"][0]["nsx_lb"].is_null(), "{c}");
    // Bad input is refused as elsewhere.
    let out = sizer(&["compare-lb", "-"], Some(r#"{"supervisors":[{"name":"s","nsx_lb":{"small_max_vs":30}}]}"#));
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("supervisors[0].nsx_lb.small_max_vs: must be at most 20, got 30"), "{}", text(&out.stderr));
}

/// PLATFORMS.md §8's worked example through the CLI: the system VPC, ns1 and ns2 on
/// VPCs of their own, ns3 and ns4 on one pre-created VPC: 4 VRFs, each hosting a VS.
#[test]
fn vpc_worked_example_from_the_cli() {
    let n = |x: &serde_json::Value| x.as_u64().unwrap_or_else(|| panic!("{x}"));
    let v = plan_json("preset-vpc.json", None);
    let sp = &v["supervisors"][0];
    assert_eq!((sp["platform"].as_str(), sp["network"]["status"].as_str()), (Some("nsx_vpc"), Some("planned")));
    assert_eq!((n(&sp["load"]["vrfs_with_vs"]), n(&sp["vpc"]["vrfs"]), n(&sp["vpc"]["vpcs_total"])), (4, 4, 4));
    let kinds: Vec<&str> = sp["vpc"]["vpcs"].as_array().unwrap().iter().map(|r| r["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["system", "auto", "auto", "pre_created"]);
    assert!(sp["vpc"]["vpcs"].as_array().unwrap().iter().all(|r| r["vrf"] == true && n(&r["virtual_services"]) > 0));
    // The /27 default: 29 usable with 3 addresses kept.
    assert_eq!((n(&sp["vpc"]["subnet_prefix"]), n(&sp["vpc"]["subnet_usable"])), (27, 29));
    assert_eq!(sp["vpc"]["tenants"], serde_json::json!(["default"]));
    assert_eq!((n(&sp["service_engines"]["carrying_load"]), n(&sp["service_engines"]["total"])), (1, 2));
    assert_eq!(sp["service_engines"]["placement"][0]["vrfs"].as_array().unwrap().len(), 4);
    // SE groups per VPC: the Supervisor's (system VPC) and three of their own, 2 SEs each.
    let sp = &plan_json("vpc-per-vpc-se-groups.json", None)["supervisors"][0];
    let groups = sp["dedicated_groups"].as_array().unwrap();
    assert_eq!(groups.iter().map(|g| n(&g["total"])).collect::<Vec<_>>(), [2, 2, 2]);
    let out = sizer(&["plan", root().join("tests/scenarios/vpc-per-vpc-se-groups.json").to_str().unwrap()], None);
    let whole: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(n(&whole["topology"]["controller_clusters"][0]["service_engines"]), 8);
    // No private CIDR at all: an error at the field, exit status 2, the SE answer printed.
    let mut none: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(root().join("tests/scenarios/preset-vpc.json")).unwrap()).unwrap();
    none["supervisors"][0]["vpc"]["private_cidrs"] = serde_json::json!([]);
    let out = sizer(&["plan", "-"], Some(&none.to_string()));
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("supervisors[0].vpc.private_cidrs: a private CIDR is required"), "{}", text(&out.stderr));
    assert!(serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["supervisors"][0]["service_engines"]["total"] == 2);
    // The Terraform snippet: the pre-created VPC and the Supervisor on nsx_vpc.
    let out = sizer(&["snippet", "terraform", root().join("tests/scenarios/preset-vpc.json").to_str().unwrap()], None);
    let tf = text(&out.stdout);
    assert!(out.status.success() && tf.contains("resource \"nsxt_vpc\" \"shared_vpc\"") && tf.contains("nsx_vpc {"), "{tf}");
    assert!(tf.contains("private_ips = [\"172.20.0.0/20\"]") && tf.contains("address = \"172.16.0.0\""), "{tf}");
}

#[test]
fn a_reader_that_stops_early_ends_the_output_without_a_panic() {
    // 500 namespaces plan to about a megabyte of JSON, far more than a pipe buffers.
    let scenario = r#"{"se_group":{"max_se":1000},"supervisors":[{"name":"s","networks":{"address_pool":["10.0.0.0/8"]},
        "namespaces":[{"name":"g","count":500,"tkg_clusters":2,"lb_services_per_cluster":3}]}]}"#;
    let mut child = Command::new(env!("CARGO_BIN_EXE_sizer"))
        .args(["plan", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run sizer");
    child.stdin.take().unwrap().write_all(scenario.as_bytes()).unwrap();
    let mut first = [0u8; 16];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    assert_eq!(&first[..1], b"{");
    // `| head -c 16`: the reader goes away with most of the output unread.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success(), "{:?}: {stderr}", out.status);
}
