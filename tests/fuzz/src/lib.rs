//! What every fuzz target asserts, and the structured scenario generator of the
//! `plan` target.
//!
//! The rule the targets hold the engine to: every input either plans or is
//! refused with errors that name a field (a non-empty JSON path), except the
//! document-level refusals of a text that is not a scenario at all (malformed
//! JSON, or more bytes than [`MAX_SCENARIO_BYTES`]). A panic anywhere is a
//! finding: in the page it would kill the wasm module.

use arbitrary::{Result, Unstructured};

use avi_sizer::design::{self, limits};
use avi_sizer::error::{FieldError, InputLimit, Problem};
use avi_sizer::link;
use avi_sizer::plan::Plan;
use avi_sizer::report;
use avi_sizer::scenario::{
    CapacitySpec, ControlPlaneSize, DnsSeGroup, HaMode, NamespaceGroup, Placement, Scenario, SeGroupSpec, Supervisor, T0Mode,
    Topology, MAX_SCENARIO_BYTES,
};

/// A path that names a field: `supervisors[0].namespaces[1].count`, `link`; no
/// empty part, no `?` for a position that could not be named.
fn names_a_field(path: &str) -> bool {
    !path.is_empty() && path.split('.').all(|part| !part.is_empty() && part != "?")
}

/// A refusal of a text as a scenario: at a field, or about the whole document.
pub fn check_read_error(e: &FieldError) {
    let document_level = e.path.is_empty()
        && matches!(e.problem, Problem::Json { .. } | Problem::InputTooLarge { limit: InputLimit::ScenarioBytes, .. });
    assert!(names_a_field(&e.path) || document_level, "error without a field: {e:?}");
    assert!(!e.to_string().is_empty());
}

/// A refusal of a scenario that read: every error at its field.
pub fn check_errors(errors: &[FieldError]) {
    assert!(!errors.is_empty(), "refused without an error");
    for e in errors {
        assert!(names_a_field(&e.path), "error without a field: {e:?}");
        assert!(!e.to_string().is_empty());
    }
}

/// Plans `scenario` and checks the outcome; renders the plan the way the page
/// and the exports do when it is small enough to keep the fuzzer fast.
pub fn plan_and_check(scenario: &Scenario) -> Option<Plan> {
    match avi_sizer::plan::plan_scenario(scenario) {
        Ok(plan) => {
            check_plan(scenario, &plan);
            Some(plan)
        }
        Err(errors) => {
            check_errors(&errors);
            None
        }
    }
}

/// Invariants of any plan. Networks that could not be planned say why, each
/// reason at its field.
pub fn check_plan(scenario: &Scenario, plan: &Plan) {
    assert_eq!(plan.supervisors.len(), scenario.supervisors.len());
    for sp in &plan.supervisors {
        let se = &sp.se.service_engines;
        // Legacy Active/Standby beyond its pair carries less than the load needs.
        let reached = se.pair.as_ref().map_or(se.carrying_load, |pair| pair.needed);
        assert!(reached >= se.lower_bound, "{reached} carry the load, the lower bound is {}", se.lower_bound);
        assert_eq!(se.placement.len() as u64, u64::from(se.total));
        if !sp.networks_planned() {
            check_errors(&sp.network.errors);
        }
    }
}

/// Every rendering of a plan the page or the CLI offers: reports, tables,
/// snippets and pictures. Only for plans of at most `namespaces` namespaces.
pub fn render(scenario: &Scenario, plan: &Plan, namespaces: u64) {
    let count: u64 = scenario.supervisors.iter().flat_map(|s| &s.namespaces).map(|g| u64::from(g.count)).sum();
    if count > namespaces {
        return;
    }
    let _ = report::json(plan);
    let _ = report::markdown(plan);
    let _ = report::tables::overview(plan);
    let _ = report::tables::controllers(plan);
    if let Ok(design) = design::validate(scenario) {
        let _ = report::svg::topology(&design, plan);
    }
    for sp in &plan.supervisors {
        let _ = report::tables::supervisor_tables(sp);
        for kind in report::snippets::Snippet::ALL {
            let _ = kind.render(sp);
        }
        let _ = report::svg::se_map(sp);
        let _ = report::svg::address_map(sp);
        let _ = report::svg::growth_chart(&[(sp.name.as_str(), sp)]);
    }
    let _ = avi_sizer::compare::compare(plan, plan);
}

/// Whether every list is within the length JSON reading accepts (the design
/// limit): a longer one can be built in memory but is refused on reading.
fn lists_within_limits(s: &Scenario) -> bool {
    let cidrs = |l: &Vec<String>| l.len() as u64 <= limits::CIDRS_PER_LIST;
    s.supervisors.len() as u64 <= limits::SUPERVISORS
        && s.supervisors.iter().all(|sup| {
            let n = &sup.networks;
            sup.namespaces.len() as u64 <= limits::GROUPS_PER_SUPERVISOR
                && [&n.namespace_network, &n.ingress_cidr, &n.egress_cidr, &n.address_pool].into_iter().all(cidrs)
                && sup.namespaces.iter().all(|g| [&g.ingress_cidr, &g.egress_cidr, &g.namespace_network].into_iter().all(cidrs))
        })
}

/// A scenario that was read survives the round trips the page puts it through:
/// JSON export and re-import, share link and back. (One with a list past its
/// limit is refused on re-import: the page's fields must not build one.)
pub fn check_round_trips(scenario: &Scenario) {
    if !lists_within_limits(scenario) {
        return;
    }
    let json = scenario.to_json();
    if json.len() <= MAX_SCENARIO_BYTES {
        let back = Scenario::from_json(&json).unwrap_or_else(|e| panic!("export does not re-import: {e}\n{json}"));
        assert_eq!(&back, scenario, "export and re-import changed the scenario");
    }
    let code = link::encode(scenario);
    match link::decode(&code) {
        Ok(back) => assert_eq!(&back, scenario, "share link changed the scenario"),
        Err(e) => assert!(
            code.len() > link::MAX_LINK_CHARS && matches!(e.problem, Problem::InputTooLarge { limit: InputLimit::LinkChars, .. }),
            "share link does not decode: {e}"
        ),
    }
}

/// A text for the targets that take text: none for bytes that are not UTF-8
/// (the page and the CLI only ever hand the engine strings).
pub fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

// ---------------------------------------------------------------------------
// The structured generator: fuzz bytes straight into a Scenario, so that the
// fuzzer spends its time in validation and planning rather than JSON syntax.
// Values are mostly small and in range, with the limits, just past them and
// anything at all mixed in.

/// Mostly `0..=small`, sometimes `limit`, `limit + 1`, 0 or any u32.
fn count(u: &mut Unstructured, small: u32, limit: u64) -> Result<u32> {
    let limit = u32::try_from(limit).unwrap_or(u32::MAX);
    Ok(match u.int_in_range(0u8..=19)? {
        0 => u.arbitrary()?,
        1 => limit,
        2 => limit.saturating_add(1),
        3 => u.int_in_range(0..=limit)?,
        _ => u.int_in_range(0..=small)?,
    })
}

/// Like [`count`], `None` (take the default) half the time.
fn opt_count(u: &mut Unstructured, small: u32, limit: u64) -> Result<Option<u32>> {
    Ok(if u.arbitrary()? { Some(count(u, small, limit)?) } else { None })
}

fn pick<T: Copy>(u: &mut Unstructured, all: &[T]) -> Result<T> {
    u.choose(all).copied()
}

fn name(u: &mut Unstructured, prefix: &str, index: usize) -> Result<String> {
    Ok(match u.int_in_range(0u8..=15)? {
        0 => u.arbitrary()?,
        1 => String::new(),
        2 => format!("{prefix}{index}{}", "x".repeat(limits::NAME_LEN)),
        3 => format!("{prefix}0"),
        _ => format!("{prefix}{index}"),
    })
}

/// Blocks from a few ranges (so they overlap each other and the reserved
/// ranges often), valid mostly, with host bits, IPv6 and garbage sometimes.
fn cidr(u: &mut Unstructured) -> Result<String> {
    const BASES: [u32; 6] = [0x0A00_0000, 0x0A00_0000, 0xAC10_0000, 0xC0A8_0000, 0x6440_0000, 0x0A60_0000];
    let base = pick(u, &BASES)?;
    let prefix: u8 = match u.int_in_range(0u8..=9)? {
        0 => u.int_in_range(0..=32)?,
        1 => u.int_in_range(33..=255)?,
        _ => u.int_in_range(8..=28)?,
    };
    let offset: u32 = u.int_in_range(0..=0xFFFF)? << 8;
    let addr = base.wrapping_add(offset);
    let p = u32::from(prefix.min(32));
    let mask = if p == 0 { 0 } else { u32::MAX << (32 - p) };
    let net = std::net::Ipv4Addr::from(addr & mask);
    Ok(match u.int_in_range(0u8..=19)? {
        0 => u.arbitrary()?,
        1 => format!("{}/{prefix}", std::net::Ipv4Addr::from(addr | 1)),
        2 => "fd00::/64".to_string(),
        3 => format!(" {net}/{prefix} "),
        _ => format!("{net}/{prefix}"),
    })
}

/// Mostly empty (inherit, or carve), sometimes a few CIDRs, rarely past the limit.
fn cidrs(u: &mut Unstructured, empty_weight: u8) -> Result<Vec<String>> {
    let roll = u.int_in_range(0u8..=empty_weight + 2)?;
    if roll == 0 {
        return Ok((0..=limits::CIDRS_PER_LIST).map(|i| format!("10.{}.{}.0/24", i / 256, i % 256)).collect());
    }
    let n = if roll <= 2 { u.int_in_range(1..=3)? } else { 0 };
    (0..n).map(|_| cidr(u)).collect()
}

fn se_group(u: &mut Unstructured) -> Result<SeGroupSpec> {
    let opt = opt_count;
    Ok(SeGroupSpec {
        ha_mode: if u.arbitrary()? { Some(pick(u, &HaMode::ALL)?) } else { None },
        scale_factor: opt(u, 4, limits::SCALE_FACTOR)?,
        max_scaleout_per_vs: opt(u, 8, limits::SCALE_FACTOR)?,
        buffer_ses: opt(u, 3, limits::BUFFER_SES)?,
        data_nics_per_se: opt(u, 10, limits::DATA_NICS)?,
        max_vs_per_se: opt(u, 20, limits::MAX_VS_PER_SE)?,
        max_se: opt(u, 20, limits::MAX_SE)?,
        vcpus_per_se: opt(u, 8, limits::VCPUS)?,
        memory_gb_per_se: opt(u, 32, limits::MEMORY_GB)?,
        disk_gb_per_se: opt(u, 100, limits::DISK_GB)?,
        placement: if u.arbitrary()? { Some(pick(u, &Placement::ALL)?) } else { None },
    })
}

fn capacity(u: &mut Unstructured) -> Result<CapacitySpec> {
    const FIGURES: [f64; 9] = [0.0, -1.0, 0.5, 1.0, 4.0, 7.0, 1e6, 1e7, f64::MIN_POSITIVE];
    let figure = |u: &mut Unstructured| -> Result<Option<f64>> {
        Ok(if u.ratio(1u8, 4)? { Some(pick(u, &FIGURES)?) } else { None })
    };
    Ok(CapacitySpec {
        throughput_gbps_per_vcpu: figure(u)?,
        max_throughput_gbps_per_se: figure(u)?,
        ssl_gbps_per_vcpu: figure(u)?,
        http_rps_per_vcpu: if u.ratio(1u8, 4)? { Some(count(u, 100_000, 10_000_000)?) } else { None },
        rsa2k_tps_per_vcpu: if u.ratio(1u8, 4)? { Some(count(u, 1_000, 10_000_000)?) } else { None },
        ecc_tps_per_vcpu: if u.ratio(1u8, 4)? { Some(count(u, 5_000, 10_000_000)?) } else { None },
        max_http_rps_per_se: if u.ratio(1u8, 4)? { Some(count(u, 200_000, 10_000_000)?) } else { None },
        max_ssl_gbps_per_se: figure(u)?,
        max_rsa2k_tps_per_se: if u.ratio(1u8, 4)? { Some(count(u, 50_000, 10_000_000)?) } else { None },
        max_ecc_tps_per_se: if u.ratio(1u8, 4)? { Some(count(u, 50_000, 10_000_000)?) } else { None },
    })
}

fn prefix(u: &mut Unstructured) -> Result<Option<u8>> {
    Ok(match u.int_in_range(0u8..=9)? {
        0 => Some(u.arbitrary()?),
        1..=3 => Some(u.int_in_range(16..=29)?),
        _ => None,
    })
}

fn group(u: &mut Unstructured, index: usize) -> Result<NamespaceGroup> {
    let mut g = NamespaceGroup::new(&name(u, "g", index)?, count(u, 20, limits::NAMESPACES_PER_SUPERVISOR)?);
    g.tkg_clusters = count(u, 3, limits::CLUSTERS_PER_NAMESPACE)?;
    g.control_plane_nodes = if u.ratio(1u8, 16)? { u.arbitrary()? } else { pick(u, &[1, 3])? };
    g.worker_nodes = count(u, 5, limits::WORKERS_PER_CLUSTER)?;
    g.lb_services_per_cluster = count(u, 5, limits::LB_SERVICES_PER_CLUSTER)?;
    g.ingress_vs_per_cluster = count(u, 2, limits::INGRESS_VS_PER_CLUSTER)?;
    g.pod_lb_services = count(u, 3, limits::POD_LB_SERVICES)?;
    g.vsphere_pods = count(u, 50, limits::VSPHERE_PODS)?;
    g.vm_service_vms = count(u, 20, limits::VM_SERVICE_VMS)?;
    g.node_pools = count(u, 4, limits::NODE_POOLS)?;
    g.nat = u.arbitrary()?;
    g.t0 = pick(u, &T0Mode::ALL)?;
    g.ingress_cidr = cidrs(u, 12)?;
    g.egress_cidr = cidrs(u, 12)?;
    g.namespace_network = cidrs(u, 12)?;
    g.namespace_subnet_prefix = prefix(u)?;
    Ok(g)
}

fn supervisor(u: &mut Unstructured, index: usize) -> Result<Supervisor> {
    let mut s = Supervisor::new(&name(u, "s", index)?);
    s.nat = u.arbitrary()?;
    s.zones = if u.ratio(1u8, 16)? { u.arbitrary()? } else { pick(u, &[1, 3])? };
    s.survive_zone_loss = u.ratio(1u8, 4)?;
    s.supervisor_virtual_services = count(u, 2, limits::SUPERVISOR_VS)?;
    s.control_plane_size = pick(u, &ControlPlaneSize::ALL)?;
    s.supervisor_services = count(u, 3, limits::SUPERVISOR_SERVICES)?;
    if u.ratio(1u8, 4)? {
        s.se_group = se_group(u)?;
    }
    let n = &mut s.networks;
    n.address_pool = match u.int_in_range(0u8..=7)? {
        0 => cidrs(u, 2)?,
        1 => Vec::new(),
        2 => vec!["10.0.0.0/24".to_string()],
        _ => vec!["10.0.0.0/8".to_string()],
    };
    n.namespace_network = cidrs(u, 8)?;
    n.ingress_cidr = cidrs(u, 8)?;
    n.egress_cidr = cidrs(u, 8)?;
    n.namespace_subnet_prefix = prefix(u)?;
    n.service_cidr = if u.ratio(1u8, 6)? { Some(cidr(u)?) } else { None };
    n.management_start = match u.int_in_range(0u8..=11)? {
        0 => Some(std::net::Ipv4Addr::from(u.arbitrary::<u32>()?).to_string()),
        1 => Some(u.arbitrary()?),
        2 => Some("10.0.0.10".to_string()),
        _ => None,
    };
    n.growth_percent = opt_count(u, 100, limits::GROWTH_PERCENT)?;
    let groups = if u.ratio(1u8, 64)? { limits::GROUPS_PER_SUPERVISOR as usize + 1 } else { u.int_in_range(0..=5)? };
    for j in 0..groups {
        if u.is_empty() && j > 0 {
            break;
        }
        s.namespaces.push(group(u, j)?);
    }
    Ok(s)
}

/// A scenario from fuzz bytes: mostly valid, often at a limit, sometimes past it.
pub fn scenario(u: &mut Unstructured) -> Result<Scenario> {
    let mut s = Scenario::default();
    // Made under either rules version (absent = 1), or one this build does not know.
    s.rules_version = match u.int_in_range(0u8..=7)? {
        0 => None,
        1 => Some(u.arbitrary()?),
        2 => Some(1),
        _ => Some(avi_sizer::rules::CURRENT),
    };
    s.topology = pick(u, &Topology::ALL)?;
    if u.arbitrary()? {
        s.se_group = se_group(u)?;
    }
    if u.ratio(1u8, 6)? {
        s.dns_se_group = Some(DnsSeGroup { virtual_services: count(u, 2, limits::DNS_VS)?, se_group: se_group(u)? });
    }
    if u.ratio(1u8, 6)? {
        s.capacity = capacity(u)?;
    }
    let supervisors = match u.int_in_range(0u8..=31)? {
        0 => 0,
        1 => limits::SUPERVISORS as usize + 1,
        2..=15 => 1,
        _ => u.int_in_range(2..=4)?,
    };
    s.supervisors = (0..supervisors).map(|i| supervisor(u, i)).collect::<Result<_>>()?;
    Ok(s)
}
