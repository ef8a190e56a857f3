//! The NSX native load balancer beside Avi (PLATFORMS.md §7): for the same
//! Supervisor design, the load balancers NSX would run, their sizes and virtual
//! servers, the edge credits they take against the edge pair, what exceeds a limit
//! and how to fix it, and the product's status per release as the sources give it.
//! A sizing of its own beside [`crate::sizing`] (which sizes Avi's SEs), fed by the
//! same [`SupervisorDesign`].
//!
//! Marks as in PLATFORMS.md: ✔ a public source says it; ◐ a seed or an inference;
//! ? not found, so an input with its default.
//!
//! # Rules
//!
//! - Topology: since vSphere 7.0 U1c a T1 and a load balancer per namespace, plus
//!   one shared T1 and load balancer for the system namespaces [U1C ✔] (7.0 GA used
//!   one for everything [s002 ◐]). Supervisor Services run in namespaces of their
//!   own (DOMAIN.md §3), so each has one too ◐. On NSX VPCs: one per VPC, the system
//!   VPC included; an auto-created VPC's is SMALL [vSphere API `VpcNetworkCreateSpec`
//!   ✔], a pre-created VPC's takes `nsx_lb.size` ◐.
//! - Virtual servers per load balancer: 1 per TKG cluster API server and 1 per
//!   Service **port** [TKGOBJ ✔, NCP ✔] (Avi: 1 per Service, every port in it); a
//!   cluster with L7 needs an in-cluster ingress controller behind 1 L4 virtual
//!   server, because the NSX load balancer is L4 for TKG clusters [s004 ◐, TKGOBJ ✔].
//!   The system load balancer holds the Supervisor's API virtual services as Avi
//!   counts them (`supervisor_virtual_services`; its ports are not broken down ◐).
//! - Size (`load_balancer_size`, default SMALL [vSphere API ✔]): SMALL hosts 10 to
//!   20 virtual servers by NSX version (input `nsx_lb.small_max_vs`, default 20),
//!   MEDIUM 100, LARGE 1000 [vSphere API `LoadBalancerSize` ✔]. Over the limit is an
//!   error (Services stay pending [s004 ◐]); the fix is the next size that holds it.
//! - Edge capacity [KB322486 ✔]: credits per edge node SMALL 1, MEDIUM 10, LARGE 40,
//!   XLARGE 80, bare metal 750; per load balancer SMALL 1, MEDIUM 10, LARGE 40.
//!   Load balancers run active/standby on a pair, so the capacity is
//!   `floor(E / 2) × credits(edge)` [PRA ✔]. At least 2 Large edges [VS8REQ ✔]. At
//!   80 % or more a warning (the KB's alarm threshold); over 100 % an error: add an
//!   edge pair or use XL edges. More than 10 edges per edge cluster is a warning
//!   (LIMITS.md N7, a secondary figure).
//! - Status: the NSX 4.2 API marks the sizes SMALL to XLARGE deprecated ("advised
//!   to migrate to NSX Advanced Load Balancer (Avi)"); the newest NSX API reference
//!   lists them without that sentence; the vSphere 9.0 API offers `NSX_LB` as a
//!   current edge provider for NSX and NSX VPC Supervisors [NSXAPI ✔, VAPI ✔]. No
//!   blanket "deprecated". The distributed load balancer (ClusterIP) is not compared.
//!
//! # Sources
//!
//! PLATFORMS.md §7 keys: U1C (vSphere 7 network topology upgrade), TKGOBJ (vSphere 8
//! "NSX Networking Objects for TKG Clusters"), NCP (NCP docs, LoadBalancer), NSXAPI
//! (NSX REST API `LbServiceSize` 4.2 and latest), VAPI (vSphere Automation API
//! `LoadBalancerSize`, `Supervisors.Networks.Edges.EdgeProvider` 9.0), KB322486
//! (edge load balancer credits), PRA (TAS/TKGI reference architecture, NSX Edge
//! load balancer capacity), VS8REQ (vSphere 8 NSX requirements), seeds s002, s004.

use serde::Serialize;

use crate::design::{GroupDesign, NsxLbDesign, SupervisorDesign};
use crate::platform::nsx_avi::namespace_name;
use crate::scenario::{EdgeSize, NsxLbSize, PlatformKind};
use crate::sizing::{Binding, SePlan};

/// The usage share at which NSX raises its load balancer capacity alarm (KB322486).
pub const WARN_PERCENT: u64 = 80;
/// Edge nodes per edge cluster (LIMITS.md N7, secondary).
pub const EDGES_PER_CLUSTER: u32 = 10;

/// Virtual servers one load balancer of `size` hosts.
///
/// ```
/// use avi_sizer::{nsx_lb::max_virtual_servers, scenario::NsxLbSize};
/// assert_eq!([NsxLbSize::Small, NsxLbSize::Medium, NsxLbSize::Large].map(|s| max_virtual_servers(s, 20)), [20, 100, 1000]);
/// assert_eq!(max_virtual_servers(NsxLbSize::Small, 10), 10);
/// ```
pub fn max_virtual_servers(size: NsxLbSize, small_max_vs: u32) -> u64 {
    match size {
        NsxLbSize::Small => u64::from(small_max_vs),
        NsxLbSize::Medium => 100,
        NsxLbSize::Large => 1000,
    }
}

/// Edge credits one load balancer of `size` takes (KB322486).
pub fn lb_credits(size: NsxLbSize) -> u64 {
    match size {
        NsxLbSize::Small => 1,
        NsxLbSize::Medium => 10,
        NsxLbSize::Large => 40,
    }
}

/// Load balancer credits one edge node of `size` offers (KB322486).
///
/// ```
/// use avi_sizer::{nsx_lb::edge_credits, scenario::EdgeSize};
/// assert_eq!(EdgeSize::ALL.map(edge_credits), [1, 10, 40, 80, 750]);
/// ```
pub fn edge_credits(size: EdgeSize) -> u64 {
    match size {
        EdgeSize::Small => 1,
        EdgeSize::Medium => 10,
        EdgeSize::Large => 40,
        EdgeSize::XLarge => 80,
        EdgeSize::BareMetal => 750,
    }
}

/// Virtual servers one namespace of `g` takes on the NSX load balancer: 1 per TKG
/// cluster API server, 1 per Service port, and 1 L4 per cluster with L7 (its
/// in-cluster ingress controller).
///
/// ```
/// use avi_sizer::{design::validate, nsx_lb::virtual_servers_per_namespace, scenario::*};
/// let mut s = Scenario::default();
/// let g = &mut s.supervisors[0].namespaces[0];
/// (g.tkg_clusters, g.lb_services_per_cluster, g.pod_lb_services) = (2, 0, 5);
/// let d = validate(&s).unwrap();
/// assert_eq!(virtual_servers_per_namespace(&d.supervisors[0].groups[0]), 7);
/// s.supervisors[0].namespaces[0].service_ports = 2;
/// let d = validate(&s).unwrap();
/// // Avi still counts 7: a Service with two ports is one virtual service.
/// assert_eq!((virtual_servers_per_namespace(&d.supervisors[0].groups[0]), d.supervisors[0].groups[0].vs_per_namespace()), (12, 7));
/// ```
pub fn virtual_servers_per_namespace(g: &GroupDesign) -> u64 {
    let ports = u64::from(g.service_ports);
    let per_cluster = 1 + u64::from(g.lb_services_per_cluster) * ports + u64::from(g.ingress_vs_per_cluster > 0);
    u64::from(g.tkg_clusters) * per_cluster + u64::from(g.pod_lb_services) * ports
}

/// What a row of load balancers serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LbKind {
    /// The shared T1's load balancer of the system namespaces (the Supervisor API).
    System,
    /// One per namespace of a group, on its T1.
    Namespace,
    /// One per Supervisor Service namespace.
    SupervisorService,
    /// The system VPC's.
    SystemVpc,
    /// One per auto-created VPC (one per namespace of a group): SMALL.
    AutoVpc,
    /// A pre-created VPC's, shared by the namespaces on it.
    SharedVpc,
}

impl LbKind {
    pub fn label(self) -> &'static str {
        match self {
            LbKind::System => "system namespaces (shared T1)",
            LbKind::Namespace => "a namespace each (its T1)",
            LbKind::SupervisorService => "a Supervisor Service namespace each",
            LbKind::SystemVpc => "the system VPC",
            LbKind::AutoVpc => "an auto-created VPC each (one per namespace)",
            LbKind::SharedVpc => "a pre-created VPC (its namespaces share it)",
        }
    }
}

/// Alike load balancers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LbRow {
    /// Who it serves: `supervisor`, `team-001 … team-010`, a VPC's name.
    pub name: String,
    pub kind: LbKind,
    /// Where the size is set (the field to change when it is too small).
    pub path: String,
    /// Load balancers in the row.
    pub count: u64,
    pub size: NsxLbSize,
    /// Virtual servers on each.
    pub virtual_servers: u64,
    /// What the size hosts.
    pub max_virtual_servers: u64,
    /// Edge credits each takes.
    pub credits: u64,
    /// Clusters with L7 behind each (each adds one L4 virtual server).
    pub l7_clusters: u64,
}

impl LbRow {
    pub fn over(&self) -> bool {
        self.virtual_servers > self.max_virtual_servers
    }
}

/// How full the edge pair's load balancer capacity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Usage {
    Ok,
    /// At or above [`WARN_PERCENT`].
    Warning,
    /// Over the capacity (or no pair to run on).
    Error,
}

/// The load balancers' credits against the edge nodes'.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct EdgeCapacity {
    pub nodes: u32,
    pub size: EdgeSize,
    pub credits_per_edge: u64,
    /// Active/standby pairs: `floor(nodes / 2)`.
    pub pairs: u32,
    /// `pairs × credits_per_edge`.
    pub capacity: u64,
    pub used: u64,
    /// `used / capacity` in percent, one decimal (0 without capacity).
    pub percent: f64,
    pub usage: Usage,
}

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The NSX load balancer would not hold this design.
    Error,
    Warning,
    /// Information.
    Note,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// A limit exceeded (or nearly), where, and the fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// The field it is about.
    pub path: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
}

/// The NSX load balancer's status in one release, as its source gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StatusRow {
    pub release: &'static str,
    pub status: &'static str,
    pub source: &'static str,
}

/// The status per release (NSXAPI, VAPI, U1C, seed 002).
pub const STATUS: [StatusRow; 5] = [
    StatusRow {
        release: "vSphere 7.0 GA",
        status: "One T1 and one load balancer for the Supervisor and all its namespaces.",
        source: "seed 002 (vxplanet)",
    },
    StatusRow {
        release: "vSphere 7.0 U1c and later",
        status: "A T1 and a load balancer per namespace, plus one shared T1 and load balancer for the system namespaces.",
        source: "vSphere 7 network topology upgrade (7.0 U1c)",
    },
    StatusRow {
        release: "NSX 4.x (4.2 API)",
        status: "LbServiceSize: \"The load balancer service sizes, SMALL, MEDIUM, LARGE and XLARGE are all deprecated\"; \
                 customers are \"advised to migrate to NSX Advanced Load Balancer (Avi)\".",
        source: "NSX REST API 4.2, LbServiceSize",
    },
    StatusRow {
        release: "NSX 9.x (latest API)",
        status: "LbServiceSize lists SMALL, MEDIUM, LARGE, XLARGE and DLB without the deprecation sentence.",
        source: "NSX REST API (latest), LbServiceSize",
    },
    StatusRow {
        release: "vSphere 9.0 / VCF 9",
        status: "NSX_LB is a current edge provider for Supervisors on NSX and on NSX VPC networking; at enablement the NSX \
                 provider detects NSX_LB, or NSX_REGISTERED_AVI when Avi is entitled.",
        source: "vSphere Automation API 9.0, Supervisors.Networks.Edges.EdgeProvider and Networks.Edges.EdgeProvider",
    },
];

/// The Avi figures the comparison sets beside the NSX load balancer's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AviSide {
    pub virtual_services: u64,
    /// T1s or VPCs (VRFs) hosting a virtual service.
    pub vrfs: u64,
    pub carrying_load: u32,
    pub buffer: u32,
    pub total: u32,
    pub binding: Binding,
    pub service_units: u64,
}

impl AviSide {
    pub fn of(se: &SePlan) -> AviSide {
        let e = &se.service_engines;
        let dedicated: u32 = se.dedicated_groups.iter().map(|g| g.total).sum();
        AviSide {
            virtual_services: se.load.virtual_services + se.dedicated_groups.iter().map(|g| g.virtual_services).sum::<u64>(),
            vrfs: se.load.vrfs_with_vs + se.dedicated_groups.len() as u64,
            carrying_load: e.carrying_load + se.dedicated_groups.iter().map(|g| g.carrying_load).sum::<u32>(),
            buffer: e.buffer + se.dedicated_groups.iter().map(|g| g.buffer).sum::<u32>(),
            total: e.total + dedicated,
            binding: e.binding,
            service_units: se.resources.service_units + se.dedicated_groups.iter().map(|g| g.resources.service_units).sum::<u64>(),
        }
    }
}

/// The NSX load balancer for one Supervisor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NsxLbPlan {
    /// The size the namespaces' load balancers take (`nsx_lb.size`).
    pub size: NsxLbSize,
    pub small_max_vs: u32,
    /// Load balancers in all (one per T1 or VPC).
    pub load_balancers: u64,
    /// Virtual servers in all (per Service port).
    pub virtual_servers: u64,
    /// The rows of alike load balancers.
    pub instances: Vec<LbRow>,
    pub edges: EdgeCapacity,
    /// Clusters with L7 in all: each takes an in-cluster ingress controller behind one L4 virtual server.
    pub l7_clusters: u64,
    /// Errors, warnings and notes, each with its fix.
    pub findings: Vec<Finding>,
    /// Whether the NSX load balancer holds the design (no error).
    pub fits: bool,
    pub status: Vec<StatusRow>,
}

/// A group's namespaces, `team-001 … team-010` (one: `team-001`).
fn names(g: &GroupDesign) -> String {
    match g.count {
        1 => namespace_name(&g.name, 1),
        n => format!("{} … {}", namespace_name(&g.name, 1), namespace_name(&g.name, n)),
    }
}

fn l7_clusters(g: &GroupDesign) -> u64 {
    if g.ingress_vs_per_cluster > 0 {
        u64::from(g.tkg_clusters)
    } else {
        0
    }
}

/// The load balancers of a Supervisor on NSX with T1s (`base` its JSON path).
fn t1_rows(sup: &SupervisorDesign, lb: &NsxLbDesign, base: &str) -> Vec<LbRow> {
    let size_path = format!("{base}.nsx_lb.size");
    let row = |name: String, kind, path: String, count: u64, vs: u64, l7: u64| LbRow {
        name,
        kind,
        path,
        count,
        size: lb.size,
        virtual_servers: vs,
        max_virtual_servers: max_virtual_servers(lb.size, lb.small_max_vs),
        credits: lb_credits(lb.size),
        l7_clusters: l7,
    };
    let mut rows = vec![row("supervisor".into(), LbKind::System, size_path.clone(), 1, u64::from(sup.supervisor_virtual_services), 0)];
    if sup.supervisor_services > 0 {
        rows.push(row("Supervisor Services".into(), LbKind::SupervisorService, size_path, u64::from(sup.supervisor_services), 0, 0));
    }
    rows.extend(
        sup.groups
            .iter()
            .map(|g| row(names(g), LbKind::Namespace, g.path.clone(), u64::from(g.count), virtual_servers_per_namespace(g), l7_clusters(g))),
    );
    rows
}

/// The load balancers of a Supervisor on NSX VPCs: the system VPC's, one per
/// auto-created VPC (SMALL), one per pre-created VPC hosting namespaces.
fn vpc_rows(sup: &SupervisorDesign, lb: &NsxLbDesign, base: &str) -> Vec<LbRow> {
    let Some(vpc) = &sup.vpc else { return Vec::new() };
    let size_path = format!("{base}.nsx_lb.size");
    let small = max_virtual_servers(NsxLbSize::Small, lb.small_max_vs);
    let mut rows = vec![LbRow {
        name: "system VPC".into(),
        kind: LbKind::SystemVpc,
        path: size_path.clone(),
        count: 1,
        size: lb.size,
        virtual_servers: u64::from(sup.supervisor_virtual_services),
        max_virtual_servers: max_virtual_servers(lb.size, lb.small_max_vs),
        credits: lb_credits(lb.size),
        l7_clusters: 0,
    }];
    let mut shared: Vec<(u64, u64)> = vec![(0, 0); vpc.vpcs.len()];
    let mut used = vec![false; vpc.vpcs.len()];
    for (g, v) in sup.groups.iter().zip(&vpc.group_vpcs) {
        match v.and_then(|k| shared.get_mut(k).zip(used.get_mut(k))) {
            Some(((vs, l7), u)) => {
                *vs += u64::from(g.count) * virtual_servers_per_namespace(g);
                *l7 += u64::from(g.count) * l7_clusters(g);
                *u = true;
            }
            None => rows.push(LbRow {
                name: names(g),
                kind: LbKind::AutoVpc,
                path: format!("{}.vpc", g.path),
                count: u64::from(g.count),
                size: NsxLbSize::Small,
                virtual_servers: virtual_servers_per_namespace(g),
                max_virtual_servers: small,
                credits: lb_credits(NsxLbSize::Small),
                l7_clusters: l7_clusters(g),
            }),
        }
    }
    for ((v, (vs, l7)), u) in vpc.vpcs.iter().zip(shared).zip(used) {
        if u {
            rows.push(LbRow {
                name: v.name.clone(),
                kind: LbKind::SharedVpc,
                path: size_path.clone(),
                count: 1,
                size: lb.size,
                virtual_servers: vs,
                max_virtual_servers: max_virtual_servers(lb.size, lb.small_max_vs),
                credits: lb_credits(lb.size),
                l7_clusters: l7,
            });
        }
    }
    rows
}

/// The edge capacity for `used` credits.
pub fn edge_capacity(nodes: u32, size: EdgeSize, used: u64) -> EdgeCapacity {
    let credits_per_edge = edge_credits(size);
    let pairs = nodes / 2;
    let capacity = u64::from(pairs) * credits_per_edge;
    let percent = if capacity == 0 { 0.0 } else { (used.saturating_mul(1000) + capacity / 2).checked_div(capacity).unwrap_or(0) as f64 / 10.0 };
    let usage = if used > capacity || capacity == 0 {
        Usage::Error
    } else if used.saturating_mul(100) >= WARN_PERCENT * capacity {
        Usage::Warning
    } else {
        Usage::Ok
    };
    EdgeCapacity { nodes, size, credits_per_edge, pairs, capacity, used, percent, usage }
}

/// The fix for `used` credits over the capacity of `e`: the edges of this size
/// that would hold them, and the bigger form factor.
fn edge_fix(e: &EdgeCapacity) -> String {
    let pairs = |per_edge: u64| e.used.div_ceil(per_edge).max(1);
    let more = pairs(e.credits_per_edge);
    let this = format!("{} {} edges give {}", 2 * more, e.size.name(), more * e.credits_per_edge);
    let bigger = match e.size {
        EdgeSize::BareMetal => None,
        EdgeSize::XLarge => Some(EdgeSize::BareMetal),
        _ => Some(EdgeSize::XLarge),
    };
    match bigger {
        Some(b) => {
            let p = pairs(edge_credits(b));
            let what = if b == EdgeSize::XLarge { "use XL edges" } else { "use bare-metal edges" };
            format!("add an edge pair or {what}: {this}, {} {} edges {}", 2 * p, b.name(), p * edge_credits(b))
        }
        None => format!("add an edge pair: {this}"),
    }
}

/// The findings of `rows` on `edges`.
fn findings(rows: &[LbRow], edges: &EdgeCapacity, lb: &NsxLbDesign, base: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    let lbp = |f: &str| format!("{base}.nsx_lb.{f}");
    for r in rows.iter().filter(|r| r.over()) {
        let next = NsxLbSize::ALL.into_iter().find(|&s| s > r.size && max_virtual_servers(s, lb.small_max_vs) >= r.virtual_servers);
        let fix = match (r.kind, next) {
            (LbKind::AutoVpc, _) => "an auto-created VPC always gets a SMALL load balancer: put these namespaces on a pre-created \
                                     VPC with a bigger one, or spread their Services over more namespaces"
                .to_string(),
            (_, Some(s)) => format!(
                "give {} a {} load balancer ({} virtual servers, {} edge credits each){}",
                if r.count > 1 { "them" } else { "it" },
                s.api(),
                max_virtual_servers(s, lb.small_max_vs),
                lb_credits(s),
                if r.kind == LbKind::Namespace { ": the namespace network's load_balancer_size, or nsx_lb.size for every namespace" } else { "" }
            ),
            (_, None) => "no NSX load balancer size holds this many: spread the Services over more namespaces".to_string(),
        };
        out.push(Finding {
            severity: Severity::Error,
            path: r.path.clone(),
            message: format!(
                "{}: {} virtual servers per load balancer exceed the {} of a {} load balancer: the Services beyond it stay pending",
                r.name,
                r.virtual_servers,
                r.max_virtual_servers,
                r.size.api()
            ),
            fix: Some(fix),
        });
    }
    if edges.nodes < 2 || edges.size < EdgeSize::Large {
        let path = if edges.nodes < 2 { lbp("edge_nodes") } else { lbp("edge_size") };
        out.push(Finding {
            severity: Severity::Error,
            path,
            message: format!(
                "{} {} edge node(s): a Supervisor on NSX needs at least 2 edge nodes of size Large (vSphere 8 NSX requirements)",
                edges.nodes,
                edges.size.name()
            ),
            fix: Some("use at least 2 LARGE edge nodes".into()),
        });
    }
    match edges.usage {
        Usage::Error if edges.capacity > 0 => out.push(Finding {
            severity: Severity::Error,
            path: lbp("edge_nodes"),
            message: format!(
                "{} load balancer credits exceed the {} of {} {} edges ({} active/standby pair(s) of {} credits): {} % (KB322486)",
                edges.used,
                edges.capacity,
                edges.nodes,
                edges.size.name(),
                edges.pairs,
                edges.credits_per_edge,
                edges.percent
            ),
            fix: Some(edge_fix(edges)),
        }),
        Usage::Warning => out.push(Finding {
            severity: Severity::Warning,
            path: lbp("edge_nodes"),
            message: format!(
                "{} of {} load balancer credits on {} {} edges ({} %): NSX raises its capacity alarm at {} % (KB322486)",
                edges.used,
                edges.capacity,
                edges.nodes,
                edges.size.name(),
                edges.percent,
                WARN_PERCENT
            ),
            fix: Some(format!("before growing, {}", edge_fix(&EdgeCapacity { used: edges.capacity + 1, ..*edges }))),
        }),
        _ => {}
    }
    if edges.nodes > EDGES_PER_CLUSTER {
        out.push(Finding {
            severity: Severity::Warning,
            path: lbp("edge_nodes"),
            message: format!(
                "{} edge nodes: an edge cluster holds {EDGES_PER_CLUSTER} (a secondary figure, LIMITS.md N7); a Supervisor uses one edge cluster",
                edges.nodes
            ),
            fix: None,
        });
    }
    if edges.nodes % 2 == 1 {
        out.push(Finding {
            severity: Severity::Note,
            path: lbp("edge_nodes"),
            message: format!(
                "{} edge nodes: load balancers run active/standby on a pair, so {} pair(s) give capacity",
                edges.nodes, edges.pairs
            ),
            fix: None,
        });
    }
    let l7: u64 = rows.iter().map(|r| r.count * r.l7_clusters).sum();
    if l7 > 0 {
        out.push(Finding {
            severity: Severity::Warning,
            path: base.to_string(),
            message: format!(
                "The NSX load balancer is L4 for TKG clusters: the {l7} cluster(s) with L7 need an in-cluster ingress controller, \
                 each behind one L4 virtual server (counted); Avi runs their L7 virtual services itself"
            ),
            fix: None,
        });
    }
    out
}

/// The NSX load balancer for Supervisor `index` of a design; `None` on a platform
/// without NSX (VDS). Computed with the Supervisor's `nsx_lb` inputs, or their
/// defaults when it has none.
pub fn compare(sup: &SupervisorDesign, index: usize) -> Option<NsxLbPlan> {
    let base = format!("supervisors[{index}]");
    let lb = &sup.nsx_lb;
    let rows = match sup.platform {
        PlatformKind::NsxAvi => t1_rows(sup, lb, &base),
        PlatformKind::NsxVpc => vpc_rows(sup, lb, &base),
        PlatformKind::Vds => return None,
    };
    let used = rows.iter().map(|r| r.count * r.credits).sum();
    let edges = edge_capacity(lb.edge_nodes, lb.edge_size, used);
    let findings = findings(&rows, &edges, lb, &base);
    Some(NsxLbPlan {
        size: lb.size,
        small_max_vs: lb.small_max_vs,
        load_balancers: rows.iter().map(|r| r.count).sum(),
        virtual_servers: rows.iter().map(|r| r.count * r.virtual_servers).sum(),
        l7_clusters: rows.iter().map(|r| r.count * r.l7_clusters).sum(),
        fits: findings.iter().all(|f| f.severity != Severity::Error),
        findings,
        edges,
        instances: rows,
        status: STATUS.to_vec(),
    })
}

/// A plan with the NSX load balancer beside Avi for every Supervisor on NSX or NSX
/// VPCs, asked for (`nsx_lb`) or not, with that Supervisor's `nsx_lb` inputs or
/// their defaults: what `sizer compare-lb` prints. `Err` only when the scenario does
/// not validate.
///
/// ```
/// use avi_sizer::{nsx_lb::plan_compared, scenario::Scenario};
/// let plan = plan_compared(&Scenario::default()).unwrap();
/// // The default scenario: 10 namespaces, each with its T1 and SMALL load balancer.
/// assert_eq!(plan.supervisors[0].nsx_lb.as_ref().unwrap().load_balancers, 11);
/// ```
pub fn plan_compared(scenario: &crate::scenario::Scenario) -> Result<crate::plan::Plan, Vec<crate::error::FieldError>> {
    let mut plan = crate::plan::plan_scenario(scenario)?;
    let design = crate::design::validate(scenario)?;
    for (i, (sp, sup)) in plan.supervisors.iter_mut().zip(&design.supervisors).enumerate() {
        if sp.nsx_lb.is_none() {
            sp.nsx_lb = compare(sup, i);
        }
    }
    Ok(plan)
}

/// One Supervisor's comparison as `sizer compare-lb` prints it in JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison<'a> {
    pub name: &'a str,
    pub avi: AviSide,
    /// `null` on a platform without NSX (VDS).
    pub nsx_lb: Option<&'a NsxLbPlan>,
}

/// The comparisons of a plan from [`plan_compared`], one per Supervisor.
pub fn comparisons(plan: &crate::plan::Plan) -> Vec<Comparison<'_>> {
    plan.supervisors.iter().map(|sp| Comparison { name: &sp.name, avi: AviSide::of(&sp.se), nsx_lb: sp.nsx_lb.as_ref() }).collect()
}

#[cfg(test)]
mod tests;
