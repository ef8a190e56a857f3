//! The VDS inputs of a Supervisor (`supervisors[i].vds.*`) and of each of its
//! workload networks (`supervisors[i].vds.workload_networks[k].*`). Inputs that stand
//! for an assumption say so ([`VdsField::assumption`]): the page marks them.

use crate::design::CONTROL_PLANE_VMS;
use crate::scenario::{
    AviLicence, EdgeProvider, FlbAvailability, FlbSize, FlbTopology, RangeSpec, SeAttachment, SubnetSpec, VdsSpec, VsphereVersion,
    WorkloadNetworkSpec,
};

use super::{opt, options, parse_opt_count, parse_opt_text, pick, Kind, Meta};

/// One VDS input of a Supervisor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VdsField {
    Edge,
    VsphereVersion,
    ControlPlaneVms,
    Licence,
    SeAttachment,
    PoolCountsBuffer,
    AttachedNicsTakeAddresses,
    DataSubnet,
    DataRanges,
    FlbAvailability,
    FlbSize,
    FlbTopology,
    FlbVipRanges,
    FlbMaxVips,
    FlbNodesUseSupervisorRanges,
    FlbServesApiVips,
    FlbManagementSubnet,
    FlbManagementRanges,
    FlbFrontendSubnet,
    FlbFrontendRanges,
}

/// One input of a workload network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WlField {
    Name,
    Subnet,
    Ranges,
}

pub(super) fn bool_choice(v: Option<bool>) -> String {
    v.map(|b| b.to_string()).unwrap_or_default()
}

pub(super) fn parse_bool_choice(text: &str) -> Result<Option<bool>, String> {
    match text {
        "" => Ok(None),
        "true" => Ok(Some(true)),
        "false" => Ok(Some(false)),
        other => Err(format!("'{other}' is not one of the choices")),
    }
}

pub(super) fn yes_no(default: &str) -> Kind {
    Kind::Select(vec![
        (String::new(), format!("Default ({default})")),
        ("true".into(), "Yes".into()),
        ("false".into(), "No".into()),
    ])
}

impl VdsField {
    pub fn get(self, v: &VdsSpec) -> String {
        let f = &v.flb;
        match self {
            VdsField::Edge => v.edge.map(|e| e.key().to_string()).unwrap_or_default(),
            VdsField::VsphereVersion => v.vsphere_version.map(|e| e.key().to_string()).unwrap_or_default(),
            VdsField::ControlPlaneVms => opt(v.control_plane_vms),
            VdsField::Licence => v.licence.map(|e| e.key().to_string()).unwrap_or_default(),
            VdsField::SeAttachment => v.se_attachment.map(|e| e.key().to_string()).unwrap_or_default(),
            VdsField::PoolCountsBuffer => bool_choice(v.pool_counts_buffer_ses),
            VdsField::AttachedNicsTakeAddresses => bool_choice(v.attached_nics_take_addresses),
            VdsField::DataSubnet => v.data_network.subnet.clone().unwrap_or_default(),
            VdsField::DataRanges => RangeSpec::list_text(&v.data_network.ranges),
            VdsField::FlbAvailability => f.availability.map(|e| e.key().to_string()).unwrap_or_default(),
            VdsField::FlbSize => f.size.map(|e| e.key().to_string()).unwrap_or_default(),
            VdsField::FlbTopology => f.topology.map(|e| e.key().to_string()).unwrap_or_default(),
            VdsField::FlbVipRanges => RangeSpec::list_text(&f.vip_ranges),
            VdsField::FlbMaxVips => opt(f.max_vips),
            VdsField::FlbNodesUseSupervisorRanges => bool_choice(f.nodes_use_supervisor_ranges),
            VdsField::FlbServesApiVips => bool_choice(f.serves_api_vips),
            VdsField::FlbManagementSubnet => f.management_network.subnet.clone().unwrap_or_default(),
            VdsField::FlbManagementRanges => RangeSpec::list_text(&f.management_network.ranges),
            VdsField::FlbFrontendSubnet => f.frontend_network.subnet.clone().unwrap_or_default(),
            VdsField::FlbFrontendRanges => RangeSpec::list_text(&f.frontend_network.ranges),
        }
    }

    pub fn set(self, v: &mut VdsSpec, text: &str) -> Result<(), String> {
        let subnet = |n: &mut SubnetSpec| n.subnet = parse_opt_text(text);
        match self {
            VdsField::Edge => v.edge = pick(&EdgeProvider::ALL, EdgeProvider::key, text)?,
            VdsField::VsphereVersion => v.vsphere_version = pick(&VsphereVersion::ALL, VsphereVersion::key, text)?,
            VdsField::ControlPlaneVms => v.control_plane_vms = parse_opt_count(text)?,
            VdsField::Licence => v.licence = pick(&AviLicence::ALL, AviLicence::key, text)?,
            VdsField::SeAttachment => v.se_attachment = pick(&SeAttachment::ALL, SeAttachment::key, text)?,
            VdsField::PoolCountsBuffer => v.pool_counts_buffer_ses = parse_bool_choice(text)?,
            VdsField::AttachedNicsTakeAddresses => v.attached_nics_take_addresses = parse_bool_choice(text)?,
            VdsField::DataSubnet => subnet(&mut v.data_network),
            VdsField::DataRanges => v.data_network.ranges = RangeSpec::parse_list(text)?,
            VdsField::FlbAvailability => v.flb.availability = pick(&FlbAvailability::ALL, FlbAvailability::key, text)?,
            VdsField::FlbSize => v.flb.size = pick(&FlbSize::ALL, FlbSize::key, text)?,
            VdsField::FlbTopology => v.flb.topology = pick(&FlbTopology::ALL, FlbTopology::key, text)?,
            VdsField::FlbVipRanges => v.flb.vip_ranges = RangeSpec::parse_list(text)?,
            VdsField::FlbMaxVips => v.flb.max_vips = parse_opt_count(text)?,
            VdsField::FlbNodesUseSupervisorRanges => v.flb.nodes_use_supervisor_ranges = parse_bool_choice(text)?,
            VdsField::FlbServesApiVips => v.flb.serves_api_vips = parse_bool_choice(text)?,
            VdsField::FlbManagementSubnet => subnet(&mut v.flb.management_network),
            VdsField::FlbManagementRanges => v.flb.management_network.ranges = RangeSpec::parse_list(text)?,
            VdsField::FlbFrontendSubnet => subnet(&mut v.flb.frontend_network),
            VdsField::FlbFrontendRanges => v.flb.frontend_network.ranges = RangeSpec::parse_list(text)?,
        }
        Ok(())
    }

    /// The path below `supervisors[i].vds`.
    pub fn key(self) -> &'static str {
        match self {
            VdsField::Edge => "edge",
            VdsField::VsphereVersion => "vsphere_version",
            VdsField::ControlPlaneVms => "control_plane_vms",
            VdsField::Licence => "licence",
            VdsField::SeAttachment => "se_attachment",
            VdsField::PoolCountsBuffer => "pool_counts_buffer_ses",
            VdsField::AttachedNicsTakeAddresses => "attached_nics_take_addresses",
            VdsField::DataSubnet => "data_network.subnet",
            VdsField::DataRanges => "data_network.ranges",
            VdsField::FlbAvailability => "flb.availability",
            VdsField::FlbSize => "flb.size",
            VdsField::FlbTopology => "flb.topology",
            VdsField::FlbVipRanges => "flb.vip_ranges",
            VdsField::FlbMaxVips => "flb.max_vips",
            VdsField::FlbNodesUseSupervisorRanges => "flb.nodes_use_supervisor_ranges",
            VdsField::FlbServesApiVips => "flb.serves_api_vips",
            VdsField::FlbManagementSubnet => "flb.management_network.subnet",
            VdsField::FlbManagementRanges => "flb.management_network.ranges",
            VdsField::FlbFrontendSubnet => "flb.frontend_network.subnet",
            VdsField::FlbFrontendRanges => "flb.frontend_network.ranges",
        }
    }

    pub fn default_text(self) -> String {
        match self {
            VdsField::Edge => EdgeProvider::default().label().into(),
            VdsField::VsphereVersion => VsphereVersion::default().key().into(),
            VdsField::ControlPlaneVms => CONTROL_PLANE_VMS.to_string(),
            VdsField::Licence => AviLicence::default().label().into(),
            VdsField::SeAttachment => SeAttachment::default().label().into(),
            VdsField::PoolCountsBuffer | VdsField::AttachedNicsTakeAddresses => "yes".into(),
            VdsField::FlbNodesUseSupervisorRanges | VdsField::FlbServesApiVips => "yes".into(),
            VdsField::DataSubnet | VdsField::FlbManagementSubnet | VdsField::FlbFrontendSubnet => "not given".into(),
            VdsField::DataRanges | VdsField::FlbVipRanges | VdsField::FlbManagementRanges | VdsField::FlbFrontendRanges => {
                "none: the plan says how many are needed".into()
            }
            VdsField::FlbAvailability => FlbAvailability::default().label().into(),
            VdsField::FlbSize => FlbSize::default().label().into(),
            VdsField::FlbTopology => FlbTopology::default().label().into(),
            VdsField::FlbMaxVips => "not set: not checked".into(),
        }
    }

    /// What the input assumes, for the inputs that stand for a rule no source settles.
    pub fn assumption(self) -> Option<&'static str> {
        match self {
            VdsField::PoolCountsBuffer => Some("PLATFORMS.md §4 counts buffer SEs in the data pool as a conservative, unverified rule."),
            VdsField::AttachedNicsTakeAddresses => Some("PLATFORMS.md §4 does not say where an attached SE's workload-network address comes from."),
            VdsField::FlbMaxVips => Some("No FLB capacity is published: without a number it is not checked."),
            VdsField::FlbNodesUseSupervisorRanges => Some("The vSphere API does not say where these node addresses come from."),
            VdsField::FlbServesApiVips => Some("The vSphere API says control-plane and cluster load balancers use the VIP ranges, not per object."),
            _ => None,
        }
    }

    pub fn meta(self) -> Meta {
        let select_or_default = |all: Vec<(String, String)>, default: &str| {
            Kind::Select(std::iter::once((String::new(), format!("Default ({default})"))).chain(all).collect())
        };
        let (label, hint, kind) = match self {
            VdsField::Edge => (
                "Load balancer (edge)",
                "What the Supervisor is enabled with; the other is sized beside it. The Foundation Load Balancer needs vSphere 9.0.",
                select_or_default(options(&EdgeProvider::ALL, EdgeProvider::key, EdgeProvider::label), EdgeProvider::default().label()),
            ),
            VdsField::VsphereVersion => (
                "vSphere version",
                "9.0 added the Foundation Load Balancer and a one-VM control plane.",
                select_or_default(options(&VsphereVersion::ALL, VsphereVersion::key, VsphereVersion::key), VsphereVersion::default().key()),
            ),
            VdsField::ControlPlaneVms => (
                "Control-plane VMs",
                "1 or 3 (vSphere API 9.0 ControlPlane.count; 3 when unset). They take addresses on the primary workload network.",
                Kind::Number,
            ),
            VdsField::Licence => (
                "Avi licence",
                "Essentials allows only Legacy Active/Standby: one pair holds every virtual service.",
                select_or_default(options(&AviLicence::ALL, AviLicence::key, AviLicence::label), AviLicence::default().label()),
            ),
            VdsField::SeAttachment => (
                "SE data attachment",
                "Routed: one data NIC on the VIP network, static routes. Attached: a NIC per workload network behind the VSes (9 in all).",
                select_or_default(options(&SeAttachment::ALL, SeAttachment::key, SeAttachment::label), SeAttachment::default().label()),
            ),
            VdsField::PoolCountsBuffer => ("Data pool holds buffer SEs", "Buffer SEs take an address in the data pool too.", yes_no("yes")),
            VdsField::AttachedNicsTakeAddresses => (
                "Attached NICs take addresses",
                "Attached only: each SE NIC on a workload network takes an address there, buffer SEs on every network.",
                yes_no("yes"),
            ),
            VdsField::DataSubnet => ("Avi data network subnet", "The VIP network's subnet (a CIDR); its pool must sit inside.", Kind::Text),
            VdsField::DataRanges => (
                "Avi data pool",
                "The static pool for VIPs and SE data NICs: address+count or first-last, comma-separated.",
                Kind::Text,
            ),
            VdsField::FlbAvailability => (
                "FLB availability",
                "Active/Passive deploys two nodes, single node one; it can be raised later, never lowered.",
                select_or_default(options(&FlbAvailability::ALL, FlbAvailability::key, FlbAvailability::label), FlbAvailability::default().label()),
            ),
            VdsField::FlbSize => (
                "FLB size",
                "Per node: Small 2 vCPU/4 GB, Medium 4/8, Large 8/12, X-Large 16/16, 8 GB disk each; it only grows.",
                select_or_default(options(&FlbSize::ALL, FlbSize::key, FlbSize::label), FlbSize::default().label()),
            ),
            VdsField::FlbTopology => (
                "FLB interfaces",
                "Which networks the FLB's management, workload and frontend interfaces use.",
                select_or_default(options(&FlbTopology::ALL, FlbTopology::key, FlbTopology::label), FlbTopology::default().label()),
            ),
            VdsField::FlbVipRanges => (
                "FLB VIP ranges",
                "VIPs in the frontend subnet (load_balancer_address_ranges); they can only be appended to later.",
                Kind::Text,
            ),
            VdsField::FlbMaxVips => ("FLB VIP capacity", "VIPs one FLB may serve, if you know a figure.", Kind::Number),
            VdsField::FlbNodesUseSupervisorRanges => (
                "FLB nodes use Supervisor ranges",
                "On the Supervisor's management or primary network, FLB nodes take addresses from its range.",
                yes_no("yes"),
            ),
            VdsField::FlbServesApiVips => (
                "FLB serves the API VIPs",
                "The Supervisor and TKG cluster API VIPs come from the FLB's VIP ranges.",
                yes_no("yes"),
            ),
            VdsField::FlbManagementSubnet => ("FLB management port group subnet", "Three NICs only.", Kind::Text),
            VdsField::FlbManagementRanges => ("FLB management ranges", "Three NICs only: one address per node.", Kind::Text),
            VdsField::FlbFrontendSubnet => ("FLB frontend port group subnet", "Three NICs only: the VIP ranges sit in it.", Kind::Text),
            VdsField::FlbFrontendRanges => ("FLB frontend ranges", "Three NICs only: one address per node.", Kind::Text),
        };
        Meta { label, hint, kind }
    }
}

impl WlField {
    pub fn get(self, w: &WorkloadNetworkSpec) -> String {
        match self {
            WlField::Name => w.name.clone(),
            WlField::Subnet => w.subnet.clone().unwrap_or_default(),
            WlField::Ranges => RangeSpec::list_text(&w.ranges),
        }
    }

    pub fn set(self, w: &mut WorkloadNetworkSpec, text: &str) -> Result<(), String> {
        match self {
            WlField::Name => w.name = text.to_string(),
            WlField::Subnet => w.subnet = parse_opt_text(text),
            WlField::Ranges => w.ranges = RangeSpec::parse_list(text)?,
        }
        Ok(())
    }

    pub fn key(self) -> &'static str {
        match self {
            WlField::Name => "name",
            WlField::Subnet => "subnet",
            WlField::Ranges => "ranges",
        }
    }

    pub fn default_text(self) -> &'static str {
        match self {
            WlField::Name => "",
            WlField::Subnet => "not given",
            WlField::Ranges => "none: the plan says how many are needed",
        }
    }

    pub fn meta(self) -> Meta {
        let (label, hint, kind) = match self {
            WlField::Name => ("Workload network", "A distributed port group; the first is the primary. Namespaces pick one by name.", Kind::Text),
            WlField::Subnet => ("Subnet", "The port group's subnet (a CIDR); the ranges must sit inside.", Kind::Text),
            WlField::Ranges => (
                "IP ranges",
                "Addresses the Supervisor hands out here: address+count or first-last, comma-separated.",
                Kind::Text,
            ),
        };
        Meta { label, hint, kind }
    }
}
