//! Every rule a plan can apply, keyed by [`RuleId`]: what it says, where it comes
//! from (the product document, API schema or code DOMAIN.md cites), and where the
//! engine models a behaviour the sources leave open. The engine records the ids of
//! the rules an answer used (`plan.rules.applied`); the page's "How this is
//! computed" section and the Markdown export render [`entry`] for each, so the text
//! a customer checks is the text of the rules the code ran.

use serde::Serialize;

/// A rule the engine can apply. Serialized as its snake_case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleId {
    SeLoadPerT1,
    SeDataInterfaces,
    SeDataInterfacesCapped,
    SeVsSlots,
    SePlacementCompact,
    SePlacementDistributed,
    SeLowerBound,
    SeBufferNPlusM,
    SeActiveActive,
    SeActiveStandby,
    SeMaxSe,
    SeZones,
    SeServiceUnits,
    SeResources,
    SeCapacity,
    ControllerSize,
    DnsSeGroup,
    NetSubnets,
    NetVipsSnat,
    NetSupervisorServices,
    NetManagement,
    NetDefaults,
    NetCarving,
    NetIngressEgressSize,
    NetAppendOnly,
    NetReserved,
    NetRoutes,
    VdsSeLoad,
    VdsDataPool,
    VdsEssentials,
    VdsWorkloadNetworks,
    FlbAppliances,
    FlbAddresses,
    // NSX VPCs (PLATFORMS.md §8).
    VpcSeLoad,
    VpcSeGroupsPerVpc,
    VpcAddresses,
    // The NSX native load balancer beside Avi (PLATFORMS.md §7).
    NsxLbTopology,
    NsxLbVirtualServers,
    NsxLbEdgeCredits,
    NsxLbL4Only,
    NsxLbStatus,
}

/// One rule as the page states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub id: RuleId,
    /// A few words.
    pub title: &'static str,
    /// The rule as the engine applies it.
    pub text: &'static str,
    /// Where a customer can check it.
    pub source: &'static str,
    /// What the engine decides where the sources are silent, said plainly.
    pub modelled: Option<&'static str>,
}

impl RuleId {
    /// The id as serialized (`se_data_interfaces`), for data attributes.
    pub fn key(self) -> String {
        serde_json::to_value(self).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
    }

    /// Every rule, in the order the page lists them.
    pub const ALL: [RuleId; 41] = [
        RuleId::SeLoadPerT1,
        RuleId::SeDataInterfaces,
        RuleId::SeDataInterfacesCapped,
        RuleId::SeVsSlots,
        RuleId::SePlacementCompact,
        RuleId::SePlacementDistributed,
        RuleId::SeLowerBound,
        RuleId::SeBufferNPlusM,
        RuleId::SeActiveActive,
        RuleId::SeActiveStandby,
        RuleId::SeMaxSe,
        RuleId::SeZones,
        RuleId::SeServiceUnits,
        RuleId::SeResources,
        RuleId::SeCapacity,
        RuleId::ControllerSize,
        RuleId::DnsSeGroup,
        RuleId::NetSubnets,
        RuleId::NetVipsSnat,
        RuleId::NetSupervisorServices,
        RuleId::NetManagement,
        RuleId::NetDefaults,
        RuleId::NetCarving,
        RuleId::NetIngressEgressSize,
        RuleId::NetAppendOnly,
        RuleId::NetReserved,
        RuleId::NetRoutes,
        RuleId::VdsSeLoad,
        RuleId::VdsDataPool,
        RuleId::VdsEssentials,
        RuleId::VdsWorkloadNetworks,
        RuleId::FlbAppliances,
        RuleId::FlbAddresses,
        RuleId::VpcSeLoad,
        RuleId::VpcSeGroupsPerVpc,
        RuleId::VpcAddresses,
        RuleId::NsxLbTopology,
        RuleId::NsxLbVirtualServers,
        RuleId::NsxLbEdgeCredits,
        RuleId::NsxLbL4Only,
        RuleId::NsxLbStatus,
    ];
}

const AVI_SWAGGER: &str = "Avi SDK swagger ServiceEngineGroup.json, Avi 30.2.1 (vmware/alb-sdk)";
const AVI_ELASTIC_HA: &str = "Avi 30.2 configuration guide: elastic HA for Service Engines (N+M, Active/Active), virtual service placement";
const SEED: &str = "vxplanet, \"vSphere Supervisor networking with NSX and AVI\", part 1";
const TANZU_NETWORKING: &str = "vSphere with Tanzu 8.0 documentation: requirements for a Supervisor with NSX and Avi, TKG networking";

/// The catalogue entry of a rule.
///
/// ```
/// use avi_sizer::rules::{catalogue, RuleId};
/// let e = catalogue::entry(RuleId::SeDataInterfaces);
/// assert!(e.text.contains("9 data interfaces") && e.source.contains("NSX-T deployment design"));
/// assert!(catalogue::entry(RuleId::SeBufferNPlusM).modelled.unwrap().contains("drawn empty"));
/// ```
pub fn entry(id: RuleId) -> Entry {
    let (title, text, source, modelled): (&str, &str, &str, Option<&str>) = match id {
        RuleId::SeLoadPerT1 => (
            "Virtual services per T1",
            "Each Supervisor has one SE group, shared by itself and all its namespaces. The Supervisor's T1 hosts its \
             API virtual service(s); each namespace's T1 hosts one VS per TKG cluster API server, one per Service of \
             type LoadBalancer, the L7 ingress VSes where AKO runs in a cluster, and one per vSphere-pod \
             LoadBalancer Service. Every T1 is a VRF of its own in Avi.",
            "vxplanet, \"vSphere Supervisor networking with NSX and AVI\", part 1; vSphere with Tanzu 8.0 documentation",
            None,
        ),
        RuleId::SeDataInterfaces => (
            "Data interfaces",
            "An SE serves a T1 through one data interface on it. A vSphere VM has at most 10 vNICs and the SE's first \
             is management, so an SE has at most 9 data interfaces and serves at most 9 T1s at once. A T1 with no \
             virtual service takes no interface.",
            "Avi documentation, NSX-T deployment design decisions (NIC 1 management, NICs 2-10 data); the vSphere limit \
             of 10 vNICs per VM",
            None,
        ),
        RuleId::SeDataInterfacesCapped => (
            "More than 9 data interfaces",
            "A data_nics_per_se above 9 (from a scenario saved before this rule) is computed as 9, with a warning \
             naming the field: no SE VM can have more.",
            "Avi documentation, NSX-T deployment design decisions; the vSphere limit of 10 vNICs per VM",
            None,
        ),
        RuleId::SeVsSlots => (
            "Virtual services per SE",
            "An SE holds at most max_vs_per_se virtual services (Avi's default 10, range 1-1000).",
            AVI_SWAGGER,
            None,
        ),
        RuleId::SePlacementCompact => (
            "Compact placement",
            "Each virtual service goes onto scale-factor distinct SEs (min_scaleout_per_vs). Compact placement \
             (PLACEMENT_ALGO_PACKED, the API default) prefers SEs already on the VS's T1, then the most loaded. An SE \
             is created only when too few existing ones have a free VS slot and a data interface for the T1, and a \
             placed VS is never moved, which is what a running SE group reaches.",
            "Avi 30.2 configuration guide: virtual service placement; Avi SDK swagger ServiceEngineGroup.json 30.2.1 (algo, min_scaleout_per_vs)",
            Some("Among equally loaded SEs the lowest-numbered wins: the sources do not state Avi's tie-break."),
        ),
        RuleId::SePlacementDistributed => (
            "Distributed placement",
            "Distributed placement (PLACEMENT_ALGO_DISTRIBUTED: avoid existing SEs, spin up new ones up to the \
             maximum) puts each virtual service on as many new SEs as max_se still allows after the buffer, up to the \
             scale factor, the rest on the least loaded SEs that qualify, and creates more only if still short.",
            "Avi 30.2 configuration guide: virtual service placement; Avi SDK swagger ServiceEngineGroup.json 30.2.1 (algo)",
            Some("Among equally loaded SEs the lowest-numbered wins: the sources do not state Avi's tie-break."),
        ),
        RuleId::SeLowerBound => (
            "Perfect-placement lower bound",
            "Beside the SEs placement reaches, the plan gives the fewest a perfect (rebalanced) placement would need: \
             max(s, ceil(VS x s / max_vs_per_se), ceil(sum of k_v / data interfaces)), where a T1 with v virtual \
             services needs k_v = max(s, ceil(v x s / max_vs_per_se)) SEs, and says which term binds.",
            "Arithmetic on the placement rules above (DOMAIN.md section 2)",
            Some("A bound, not what Avi reaches: Avi does not move placed virtual services to rebalance."),
        ),
        RuleId::SeBufferNPlusM => (
            "Buffer SEs (N + M)",
            "Elastic HA adds buffer_se spare SEs (M, default 1) to the N that carry the load: total = N + M. The Avi \
             example: 20 virtual services, 8 per SE, scale factor 1, M = 1 gives N = 3 and 4 SEs.",
            AVI_ELASTIC_HA,
            Some(
                "Buffer SEs are drawn empty for clarity. Avi spreads virtual services over every SE and keeps M SEs' \
                 worth of capacity spare in aggregate (its example runs the 20 VSes as 5/5/5/5 on 4 SEs); the totals \
                 agree whenever VS slots bind.",
            ),
        ),
        RuleId::SeActiveActive => (
            "Elastic Active/Active",
            "Elastic Active/Active (HA_MODE_SHARED_PAIR) places every virtual service on at least 2 SEs (scale factor \
             default 2), with 1 buffer SE by default. Avi's UI pre-selects distributed placement for it; the API default \
             is compact, and for Active/Active on compact the plan says what distributed would take.",
            AVI_ELASTIC_HA,
            None,
        ),
        RuleId::SeActiveStandby => (
            "Legacy Active/Standby",
            "Legacy Active/Standby (HA_MODE_LEGACY_ACTIVE_STANDBY) is exactly one pair: every virtual service on both \
             SEs, no buffer, the placement setting ignored. A load that needs a third SE is infeasible: the total is \
             the pair that exists, the plan says how much of the load it carries and what each elastic mode would \
             need, and gives no resources or configuration for SEs that cannot exist.",
            "Avi 30.2 configuration guide: legacy Active/Standby HA",
            None,
        ),
        RuleId::SeMaxSe => (
            "max_se",
            "max_se (default 10, range 0-1000) caps the whole group, buffer included: N + M <= max_se. A load that \
             needs more is reported with the SEs it needs and the max_se to set, and planning again at that max_se \
             gives the same total and no warning.",
            AVI_SWAGGER,
            None,
        ),
        RuleId::SeZones => (
            "Three-zone Supervisor",
            "On a three-zone Supervisor the SEs spread over the zones; to survive a zone loss, SEs are added until \
             those left after losing the zone with the most still carry the load.",
            "vxplanet, \"vSphere Supervisor networking with NSX and AVI\", part 11; Avi 31.1.1 zone-aware SE placement",
            Some("The spread is round-robin in creation order: the sources do not say how Avi assigns SEs to zones."),
        ),
        RuleId::SeServiceUnits => (
            "Service Units",
            "Avi Enterprise licensing counts 1 Service Unit per SE vCPU, buffer and standby SEs included.",
            "Avi licensing documentation (Service Units); DOMAIN.md section 2",
            None,
        ),
        RuleId::SeResources => (
            "SE size",
            "Each SE has vcpus_per_se vCPUs (default 1), memory_per_se (default 2 GB) and disk_per_se (default 15 GB). \
             VMware recommends a disk of at least max(15 GB, 2 x memory + 5 GB): a smaller one is a warning, not an \
             error (the Avi schema sets no minimum).",
            "Avi SDK swagger ServiceEngineGroup.json 30.2.1 (vcpus_per_se, memory_per_se, disk_per_se); Avi 30.2 SE sizing",
            None,
        ),
        RuleId::SeCapacity => (
            "SE capacity",
            "The SEs that forward traffic (both of a pair in Active/Active, one in Active/Standby) give per-vCPU figures \
             times their vCPUs: throughput, HTTP requests/s, SSL throughput, RSA-2K and ECC TPS, each capped per SE \
             (by default 7 Gbps, 160k requests/s, 7 Gbps SSL, 40k TPS). The figures are inputs: the published tables \
             disagree.",
            "VMware Cloud Foundation validated solution for Avi (about 40k requests/s per core, about 160k per SE VM); \
             Tanzu reference design (vmware-tanzu-labs/tanzu-validated-solutions), appendix B",
            Some("Linear scaling with vCPUs up to the per-SE cap is an engineering reading of the documents' \"near-linear\"."),
        ),
        RuleId::ControllerSize => (
            "Avi controller size",
            "Each Avi controller cluster (3 nodes) takes the smallest size whose SE range holds the SEs it manages: \
             Small 6 vCPU / 32 GB up to 100 SEs, Medium 10 / 32 up to 200, Large 16 / 48 up to 400; and whose VS range \
             holds its virtual services (200, 1000, 5000: a secondary figure from a VMware reference design quoting \
             configmax). The Essentials size is only for the Essentials licence on a vCenter cloud, never NSX with \
             Enterprise.",
            "Avi 30.2 installation guide: controller sizing; tanzu-validated-solutions reference design (VS ranges)",
            None,
        ),
        RuleId::DnsSeGroup => (
            "DNS SE group",
            "The Avi DNS service (GSLB, AMKO, ingress FQDNs) runs in an SE group of its own, one per controller \
             cluster, sized by the same placement rules.",
            SEED,
            None,
        ),
        RuleId::NetSubnets => (
            "Namespace and cluster subnets",
            "Each namespace segment and TKG cluster segment takes subnets of the namespace prefix (default /28), each \
             giving 2^(32-p) - 3 usable addresses (network, gateway and broadcast are not handed out), and grows by a \
             subnet when full. A cluster segment holds its control plane and workers plus one surge node per node \
             pool during a rolling update; vSphere pods and VM Service VMs sit on the namespace segment. The \
             Supervisor's own workload segment takes one subnet.",
            "vSphere with Tanzu 8.0 documentation: TKG networking; vSphere Automation API NCPClusterNetworkEnableSpec",
            None,
        ),
        RuleId::NetVipsSnat => (
            "VIPs and SNAT IPs",
            "One VIP per virtual service comes from the Ingress CIDR; with NAT, one SNAT IP per namespace and one for \
             the Supervisor come from the Egress CIDR. An Ingress or Egress block hands out every address but its \
             network and broadcast addresses.",
            TANZU_NETWORKING,
            None,
        ),
        RuleId::NetSupervisorServices => (
            "Supervisor Services",
            "Each Supervisor Service runs in a namespace of its own: a T1 (a VRF in Avi), one namespace-prefix subnet \
             for its pods and, with NAT, one SNAT IP. It hosts no virtual service the plan counts, so it takes no SE \
             interface; give a service's own LoadBalancer Services as a namespace group.",
            "vSphere with Tanzu 8.0 documentation: Supervisor Services; DOMAIN.md section 3",
            None,
        ),
        RuleId::NetManagement => (
            "Management addresses",
            "The Supervisor takes 5 consecutive management addresses: 3 control-plane VMs, 1 floating address, 1 for \
             rolling upgrades.",
            "vSphere with Tanzu 8.0 documentation (3 control-plane VMs); Tanzu reference designs (5 addresses)",
            None,
        ),
        RuleId::NetDefaults => (
            "Defaults",
            "Without an address pool, a namespace network not given is 10.244.0.0/20; the service CIDR not given is \
             10.96.0.0/23, or 10.96.0.0/24 for a Tiny control plane. The service CIDR is internal and never carved.",
            "vSphere Automation API NamespaceManagement NsxNetworkCreateSpec and NCPClusterNetworkEnableSpec; vSphere Client defaults",
            None,
        ),
        RuleId::NetCarving => (
            "Carving from the address pool",
            "A network not given is carved from the address pool: the smallest aligned block holding today's demand \
             plus the growth headroom (growth_percent), never below /27 for Ingress and Egress or /23 for a namespace \
             network, clear of every given network. Without a pool, a missing Ingress (or, with NAT, Egress) CIDR \
             leaves the networks not planned, and the plan says what size each needs.",
            TANZU_NETWORKING,
            Some("Which block of the pool each network gets (largest first, lowest address first) is the engine's choice."),
        ),
        RuleId::NetIngressEgressSize => (
            "Ingress and Egress size",
            "A /27 or larger Ingress or Egress block is VMware's sample recommendation: a smaller block that holds the \
             demand is valid, with a warning.",
            TANZU_NETWORKING,
            None,
        ),
        RuleId::NetAppendOnly => (
            "Append only",
            "Ingress, Egress and namespace networks can only be appended to once the Supervisor is enabled. So carved \
             networks carry growth headroom, and a shortage is fixed by appending a block, never by shrinking the \
             headroom.",
            TANZU_NETWORKING,
            None,
        ),
        RuleId::NetReserved => (
            "Overlaps and reserved ranges",
            "No two networks may overlap. Overlapping NSX's T0-T1 transit 100.64.0.0/16, anything in 100.64.0.0/10 \
             (Avi data segments, NSX 4.1+ VRF transit), NSX's internal transit 169.254.0.0/24, or the TKG cluster \
             defaults 192.168.0.0/16 (pods) and 10.96.0.0/12 (services) is a warning naming both ranges. The TKG \
             default service CIDR overlapping the Supervisor's own service CIDR is a note only: both are VMware \
             defaults and ship together.",
            "NSX API LogicalRouterConfig (transit subnets); vSphere with Tanzu 8.0 documentation: TKG networking",
            None,
        ),
        RuleId::NetRoutes => (
            "Routes per T0",
            "Each T0 advertises the Ingress networks, the Egress networks with NAT, and the namespace and cluster \
             networks without NAT. Every VIP and SNAT IP is a /32 route on its T1 unless the T0 aggregates it; the plan \
             lists the aggregates to configure.",
            "vxplanet, \"vSphere Supervisor networking with NSX and AVI\", part 1; NSX Policy API BgpRoutingConfig.route_aggregations",
            None,
        ),
        RuleId::VdsSeLoad => (
            "Virtual services on VDS",
            "A Supervisor on vSphere Distributed Switch networking has no T1s: Avi (on a vCenter cloud) serves every \
             virtual service in one VRF. The Supervisor API, each TKG cluster API server and each Service of type \
             LoadBalancer is one L4 virtual service; L7 needs an ingress controller in the cluster. With the SEs \
             routed (the default) every SE has one data interface, on the VIP network, so data interfaces never bind; \
             attached, an SE also takes an interface on each workload network behind its virtual services, at most 9 \
             data interfaces in all, so at most 8 workload networks per SE.",
            "vSphere 8 documentation: topologies of a Supervisor with vSphere networking and NSX Advanced Load Balancer; \
             Avi documentation: virtual service placement settings",
            None,
        ),
        RuleId::VdsDataPool => (
            "The Avi data network's pool",
            "One static pool on the Avi data network serves the VIPs and the SEs' data interfaces: it needs one address \
             per virtual service and one per SE data interface on that network. An exhausted pool fails virtual service \
             creation, so a shortfall is an error.",
            "Avi documentation: IPAM for a vCenter cloud (one pool for VIPs and SEs)",
            Some("Buffer SEs are counted in the pool (they are deployed and take an address); an input can leave them out."),
        ),
        RuleId::VdsEssentials => (
            "Avi Essentials on VDS",
            "The Essentials licence allows only Legacy Active/Standby: one pair with every virtual service on both SEs, \
             so all virtual services must fit max_vs_per_se.",
            "Avi SDK swagger ServiceEngineGroup.json 30.2.1 (ha_mode)",
            None,
        ),
        RuleId::VdsWorkloadNetworks => (
            "Workload network addresses",
            "Workload networks are port groups with IP ranges (address and count). The primary holds the Supervisor's \
             control-plane VMs (1 or 3); every workload network holds, for each TKG cluster on it, its control-plane \
             nodes, its workers and one rolling-update node per node pool.",
            "vSphere 8 documentation: requirements for a Supervisor with VDS networking and NSX Advanced Load Balancer; \
             vSphere Automation API 9.0 (IPRange, ControlPlane.count)",
            None,
        ),
        RuleId::FlbAppliances => (
            "Foundation Load Balancer appliances",
            "The vSphere Foundation Load Balancer (VCF 9, edge provider VSPHERE_FOUNDATION, VDS only, L4 only) is 1 \
             appliance (SINGLE_NODE) or 2 (ACTIVE_PASSIVE, the default) whatever the load: it does not scale out. Sizes: \
             SMALL 2 vCPU / 4 GB / 8 GB disk (default), MEDIUM 4/8/8, LARGE 8/12/8, X_LARGE 16/16/8; size and \
             availability can only grow later. It needs no extra licence.",
            "vSphere Automation API 9.0.0.0-9.1.1.0 (namespace_management.networks.edges.foundation: AvailabilityMode, \
             SizeHint); VCF 9.0 design guide, vSphere Supervisor models",
            Some("Its capacity (virtual services, VIPs, throughput per size) is not published: it is not checked unless \
                  a maximum is given."),
        ),
        RuleId::FlbAddresses => (
            "Foundation Load Balancer addresses",
            "Each appliance takes one address on every network it attaches to (management, workload, frontend: one, two \
             or three interfaces); its VIP range holds one VIP per virtual service, can only be appended to, and lies in \
             the frontend subnet.",
            "vSphere Automation API 9.0.0.0 (edges.foundation IPConfig, Persona; Edge.load_balancer_address_ranges)",
            Some("On the Supervisor's own management or primary network its addresses are taken from that network's \
                  range, and it serves the Supervisor and cluster API VIPs: the sources do not say; both are inputs."),
        ),
        RuleId::VpcSeLoad => (
            "Virtual services per VPC",
            "On NSX VPC networking a namespace is on a VPC created for it alone, or on a pre-created VPC it may share with \
             other namespaces; the Supervisor's own virtual services are on the system VPC. Avi in VPC mode makes each \
             NSX project a tenant and each VPC a VRF, so the placement runs with VRF = VPC: an SE takes one data \
             interface per VPC it serves.",
            "vSphere Automation API 9.0 VpcNetworkCreateSpec; Avi 30.2 installation guide, NSX cloud VPC mode; AKO GetVPCs \
             (vmware/load-balancer-and-ingress-services-for-kubernetes)",
            None,
        ),
        RuleId::VpcSeGroupsPerVpc => (
            "SE groups per VPC",
            "With SE groups per VPC, the Supervisor's group serves the system VPC and every other VPC hosting a virtual \
             service has a group of its own with the same settings (buffer included), sized by the same placement rules; \
             the SEs, resources and Service Units of every group add up.",
            "Avi 30.2 installation guide, NSX cloud VPC mode: \"Dedicated Service Engine Groups can be created for \
             respective VPCs\"",
            Some("Each dedicated group takes the Supervisor group's settings: the sources give no others."),
        ),
        RuleId::VpcAddresses => (
            "VPC addresses",
            "VIPs come from the VPC connectivity profile's external IP blocks, one per virtual service (a block hands out \
             every address but network and broadcast). A namespace's private CIDRs default to the Supervisor's and are \
             private to its VPC; its subnets are /27 by default, one for its vSphere pods and VM Service VMs and one per TKG \
             cluster segment, and each VPC hosting a virtual service gives Avi a subnet (_AVI_SUBNET--LB) from its private \
             block. Private CIDRs must not overlap the profile's blocks, the service CIDR or the management range, and can \
             only be appended to. With Avi, a VPC with no private CIDR at all is an error.",
            "vSphere Automation API 9.0 VpcConfig, VpcNetworkSetSpec (default_subnet_size /27), VpcClusterNetworkSetSpec; \
             NSX REST API LoadBalancerVPCEndpoint; AKO docs/vpc_mode.md",
            Some(
                "Not published, so inputs with defaults: the Avi subnet's size (/28), the addresses NSX keeps per subnet (3: \
                 29 usable in a /27), one SNAT IP per VPC from the external blocks, whether inherited private CIDRs suffice \
                 with Avi (yes), and one subnet for the Supervisor on the system VPC.",
            ),
        ),
        RuleId::NsxLbTopology => (
            "NSX load balancer per namespace",
            "Since vSphere 7.0 U1c the NSX load balancer runs one T1 and one load balancer per namespace, plus one shared \
             for the system namespaces (7.0 GA used one for everything). On NSX VPCs: one per VPC, an auto-created VPC's \
             SMALL. The size is load_balancer_size, default SMALL: SMALL hosts 10 to 20 virtual servers by NSX version \
             (default 20), MEDIUM 100, LARGE 1000; over it the Services stay pending, and the fix is the next size.",
            "vSphere 7 network topology upgrade (7.0 U1c); vSphere Automation API LoadBalancerSize and VpcNetworkCreateSpec",
            Some("Supervisor Service namespaces get one each, as namespaces of their own; a pre-created VPC's takes nsx_lb.size."),
        ),
        RuleId::NsxLbVirtualServers => (
            "Virtual servers per Service port",
            "The NSX load balancer takes one virtual server per TKG cluster API server and one per Service port, where Avi \
             takes one virtual service per Service with every port in it.",
            "vSphere 8 documentation, NSX Networking Objects for TKG Clusters; NCP documentation, Services of type LoadBalancer",
            Some("The system load balancer holds the Supervisor's API virtual services as Avi counts them: their ports are not broken down."),
        ),
        RuleId::NsxLbEdgeCredits => (
            "Edge credits",
            "Load balancers take edge credits (SMALL 1, MEDIUM 10, LARGE 40) and edge nodes give them (SMALL 1, MEDIUM 10, \
             LARGE 40, XLARGE 80, bare metal 750). Load balancers run active/standby, so E edges give floor(E / 2) x \
             credits per edge. At least 2 Large edges; from 80 % a warning (the NSX alarm threshold), over 100 % an error \
             whose fix is another edge pair or XL edges.",
            "Broadcom KB 322486 (edge load balancer capacity); TAS/TKGI reference architecture, NSX Edge load balancer \
             capacity; vSphere 8 NSX requirements",
            None,
        ),
        RuleId::NsxLbL4Only => (
            "L4 only for TKG clusters",
            "The NSX load balancer is L4 for TKG clusters: a cluster with L7 needs an in-cluster ingress controller behind \
             one L4 virtual server, counted per cluster.",
            "vSphere 8 documentation, NSX Networking Objects for TKG Clusters; vxplanet seed 004",
            Some("A seed says NSX gives L7 for TKG clusters; the VMware documentation does not (true for vSphere Pods only, unverified)."),
        ),
        RuleId::NsxLbStatus => (
            "NSX load balancer status",
            "The NSX 4.2 API marks the load balancer sizes SMALL to XLARGE deprecated in favour of Avi; the newest NSX API \
             reference lists them without that sentence; the vSphere 9.0 API offers NSX_LB as a current edge provider for \
             NSX and NSX VPC Supervisors. The plan states each per release, not a blanket \"deprecated\".",
            "NSX REST API 4.2 and latest, LbServiceSize; vSphere Automation API 9.0, Supervisors.Networks.Edges.EdgeProvider",
            None,
        ),
    };
    Entry { id, title, text, source, modelled }
}

/// The entries of `ids`, in catalogue order, each once.
pub fn entries(ids: &[RuleId]) -> Vec<Entry> {
    RuleId::ALL.iter().filter(|id| ids.contains(id)).map(|&id| entry(id)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_title_text_and_source_and_all_lists_each_once() {
        let mut seen = std::collections::BTreeSet::new();
        for id in RuleId::ALL {
            assert!(seen.insert(id), "{id:?} twice");
            let e = entry(id);
            assert_eq!(e.id, id);
            assert!(!e.title.is_empty() && e.text.len() > 40 && e.source.len() > 10, "{id:?}");
            assert!(!e.text.contains("  ") && !e.source.contains("  "), "{id:?}: a line break left spaces");
        }
    }
}
