//! The NSX VPC inputs of a Supervisor (`supervisors[i].vpc.*`), of each pre-created
//! VPC (`supervisors[i].vpc.vpcs[k].*`), and the NSX load balancer comparison's
//! (`supervisors[i].nsx_lb.*`). Inputs that stand for an assumption say so.

use crate::design::{AVI_SUBNET_PREFIX, DEFAULT_PROJECT, EDGE_NODES, RESERVED_PER_SUBNET, SMALL_MAX_VS};
use crate::scenario::{EdgeSize, NsxLbSize, NsxLbSpec, SharedVpcSpec, Supervisor, VpcSeGroups, VpcSpec};

use super::vds::{bool_choice, parse_bool_choice, yes_no};
use super::{join, opt, options, parse_bool, parse_list, parse_opt_count, parse_opt_prefix, parse_opt_text, pick, Kind, Meta};

/// One VPC input of a Supervisor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VpcField {
    Project,
    ExternalBlocks,
    PrivateTgwBlocks,
    PrivateCidrs,
    SeGroups,
    InheritedSuffice,
    AviSubnetPrefix,
    ReservedPerSubnet,
    SnatPerVpc,
}

/// One input of a pre-created VPC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SharedVpcField {
    Name,
    Project,
    PrivateCidrs,
}

/// One input of the NSX load balancer comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NsxLbField {
    /// Whether the comparison is asked for (`nsx_lb` present).
    Compare,
    Size,
    SmallMaxVs,
    EdgeNodes,
    EdgeSize,
}

fn select_or_default(all: Vec<(String, String)>, default: &str) -> Kind {
    Kind::Select(std::iter::once((String::new(), format!("Default ({default})"))).chain(all).collect())
}

impl VpcField {
    pub fn get(self, v: &VpcSpec) -> String {
        match self {
            VpcField::Project => v.project.clone().unwrap_or_default(),
            VpcField::ExternalBlocks => join(&v.external_blocks),
            VpcField::PrivateTgwBlocks => join(&v.private_tgw_blocks),
            VpcField::PrivateCidrs => join(&v.private_cidrs),
            VpcField::SeGroups => v.se_groups.map(|g| g.key().to_string()).unwrap_or_default(),
            VpcField::InheritedSuffice => bool_choice(v.inherited_private_cidrs_suffice),
            VpcField::AviSubnetPrefix => opt(v.avi_subnet_prefix),
            VpcField::ReservedPerSubnet => opt(v.reserved_per_subnet),
            VpcField::SnatPerVpc => bool_choice(v.snat_per_vpc),
        }
    }

    pub fn set(self, v: &mut VpcSpec, text: &str) -> Result<(), String> {
        match self {
            VpcField::Project => v.project = parse_opt_text(text),
            VpcField::ExternalBlocks => v.external_blocks = parse_list(text),
            VpcField::PrivateTgwBlocks => v.private_tgw_blocks = parse_list(text),
            VpcField::PrivateCidrs => v.private_cidrs = parse_list(text),
            VpcField::SeGroups => v.se_groups = pick(&VpcSeGroups::ALL, VpcSeGroups::key, text)?,
            VpcField::InheritedSuffice => v.inherited_private_cidrs_suffice = parse_bool_choice(text)?,
            VpcField::AviSubnetPrefix => v.avi_subnet_prefix = parse_opt_prefix(text)?,
            VpcField::ReservedPerSubnet => v.reserved_per_subnet = parse_opt_count(text)?,
            VpcField::SnatPerVpc => v.snat_per_vpc = parse_bool_choice(text)?,
        }
        Ok(())
    }

    /// The path below `supervisors[i].vpc`.
    pub fn key(self) -> &'static str {
        match self {
            VpcField::Project => "project",
            VpcField::ExternalBlocks => "external_blocks",
            VpcField::PrivateTgwBlocks => "private_tgw_blocks",
            VpcField::PrivateCidrs => "private_cidrs",
            VpcField::SeGroups => "se_groups",
            VpcField::InheritedSuffice => "inherited_private_cidrs_suffice",
            VpcField::AviSubnetPrefix => "avi_subnet_prefix",
            VpcField::ReservedPerSubnet => "reserved_per_subnet",
            VpcField::SnatPerVpc => "snat_per_vpc",
        }
    }

    pub fn default_text(self) -> String {
        match self {
            VpcField::Project => DEFAULT_PROJECT.into(),
            VpcField::ExternalBlocks => "none: the plan says how many addresses are needed".into(),
            VpcField::PrivateTgwBlocks => "none".into(),
            VpcField::PrivateCidrs => "none: with Avi an error".into(),
            VpcField::SeGroups => VpcSeGroups::default().label().into(),
            VpcField::InheritedSuffice | VpcField::SnatPerVpc => "yes".into(),
            VpcField::AviSubnetPrefix => format!("/{AVI_SUBNET_PREFIX}"),
            VpcField::ReservedPerSubnet => RESERVED_PER_SUBNET.to_string(),
        }
    }

    pub fn assumption(self) -> Option<&'static str> {
        match self {
            VpcField::InheritedSuffice => Some("The vSphere API says private CIDRs must be set with Avi, and also that unset ones are the Supervisor's."),
            VpcField::AviSubnetPrefix => Some("NSX does not publish the size of the Avi subnet (_AVI_SUBNET--LB) it takes from a VPC's private block."),
            VpcField::ReservedPerSubnet => Some("Not published for VPC subnets: 3 (network, gateway, broadcast) gives 29 usable in a /27."),
            VpcField::SnatPerVpc => Some("PLATFORMS.md §8 marks one SNAT IP per VPC from the external blocks as unverified."),
            _ => None,
        }
    }

    pub fn meta(self) -> Meta {
        let (label, hint, kind) = match self {
            VpcField::Project => ("NSX project", "The Supervisor's project: its VPCs, and one Avi tenant per project.", Kind::Text),
            VpcField::ExternalBlocks => (
                "External IP blocks",
                "The VPC connectivity profile's external blocks: one VIP per virtual service and the VPCs' SNAT IPs come from them.",
                Kind::List,
            ),
            VpcField::PrivateTgwBlocks => (
                "Private transit gateway blocks",
                "The connectivity profile's private TGW blocks; private CIDRs must not overlap them.",
                Kind::List,
            ),
            VpcField::PrivateCidrs => (
                "Default private CIDRs",
                "Namespace VPCs inherit them (private to each VPC): subnets /27 by default and Avi's SE subnet come from them.",
                Kind::List,
            ),
            VpcField::SeGroups => (
                "Avi SE groups",
                "One group for every VPC (a data NIC per VPC), or a dedicated group per VPC hosting a virtual service.",
                select_or_default(options(&VpcSeGroups::ALL, VpcSeGroups::key, VpcSeGroups::label), VpcSeGroups::default().label()),
            ),
            VpcField::InheritedSuffice => (
                "Inherited private CIDRs suffice",
                "No: every group on VPCs of its own must give private CIDRs of its own.",
                yes_no("yes"),
            ),
            VpcField::AviSubnetPrefix => ("Avi subnet prefix", "The subnet each VPC with a virtual service gives Avi's SEs.", Kind::Number),
            VpcField::ReservedPerSubnet => ("Addresses NSX keeps per subnet", "Out of every VPC subnet.", Kind::Number),
            VpcField::SnatPerVpc => ("SNAT IP per VPC", "Each VPC takes one address from the external blocks.", yes_no("yes")),
        };
        Meta { label, hint, kind }
    }
}

impl SharedVpcField {
    pub fn get(self, v: &SharedVpcSpec) -> String {
        match self {
            SharedVpcField::Name => v.name.clone(),
            SharedVpcField::Project => v.project.clone().unwrap_or_default(),
            SharedVpcField::PrivateCidrs => join(&v.private_cidrs),
        }
    }

    pub fn set(self, v: &mut SharedVpcSpec, text: &str) -> Result<(), String> {
        match self {
            SharedVpcField::Name => v.name = text.to_string(),
            SharedVpcField::Project => v.project = parse_opt_text(text),
            SharedVpcField::PrivateCidrs => v.private_cidrs = parse_list(text),
        }
        Ok(())
    }

    pub fn key(self) -> &'static str {
        match self {
            SharedVpcField::Name => "name",
            SharedVpcField::Project => "project",
            SharedVpcField::PrivateCidrs => "private_cidrs",
        }
    }

    pub fn default_text(self) -> &'static str {
        match self {
            SharedVpcField::Name => "",
            SharedVpcField::Project => "the Supervisor's",
            SharedVpcField::PrivateCidrs => "the Supervisor's",
        }
    }

    pub fn meta(self) -> Meta {
        let (label, hint, kind) = match self {
            SharedVpcField::Name => ("Pre-created VPC", "Namespace groups name it to share it.", Kind::Text),
            SharedVpcField::Project => ("Its NSX project", "An Avi tenant per project.", Kind::Text),
            SharedVpcField::PrivateCidrs => ("Its private CIDRs", "The VPC's private IPs: its namespaces' subnets and Avi's.", Kind::List),
        };
        Meta { label, hint, kind }
    }
}

impl NsxLbField {
    pub fn get(self, s: &Supervisor) -> String {
        let lb = s.nsx_lb.as_ref();
        match self {
            NsxLbField::Compare => lb.is_some().to_string(),
            NsxLbField::Size => lb.and_then(|l| l.size).map(|x| x.key().to_string()).unwrap_or_default(),
            NsxLbField::SmallMaxVs => opt(lb.and_then(|l| l.small_max_vs)),
            NsxLbField::EdgeNodes => opt(lb.and_then(|l| l.edge_nodes)),
            NsxLbField::EdgeSize => lb.and_then(|l| l.edge_size).map(|x| x.key().to_string()).unwrap_or_default(),
        }
    }

    pub fn set(self, s: &mut Supervisor, text: &str) -> Result<(), String> {
        if self == NsxLbField::Compare {
            s.nsx_lb = parse_bool(text)?.then(NsxLbSpec::default);
            return Ok(());
        }
        let lb = s.nsx_lb.get_or_insert_with(NsxLbSpec::default);
        match self {
            NsxLbField::Size => lb.size = pick(&NsxLbSize::ALL, NsxLbSize::key, text)?,
            NsxLbField::SmallMaxVs => lb.small_max_vs = parse_opt_count(text)?,
            NsxLbField::EdgeNodes => lb.edge_nodes = parse_opt_count(text)?,
            NsxLbField::EdgeSize => lb.edge_size = pick(&EdgeSize::ALL, EdgeSize::key, text)?,
            NsxLbField::Compare => {}
        }
        Ok(())
    }

    /// The path below `supervisors[i]`.
    pub fn key(self) -> &'static str {
        match self {
            NsxLbField::Compare => "nsx_lb",
            NsxLbField::Size => "nsx_lb.size",
            NsxLbField::SmallMaxVs => "nsx_lb.small_max_vs",
            NsxLbField::EdgeNodes => "nsx_lb.edge_nodes",
            NsxLbField::EdgeSize => "nsx_lb.edge_size",
        }
    }

    pub fn default_text(self) -> String {
        match self {
            NsxLbField::Compare => "off".into(),
            NsxLbField::Size => NsxLbSize::default().label().into(),
            NsxLbField::SmallMaxVs => SMALL_MAX_VS.to_string(),
            NsxLbField::EdgeNodes => EDGE_NODES.to_string(),
            NsxLbField::EdgeSize => EdgeSize::default().label().into(),
        }
    }

    pub fn meta(self) -> Meta {
        let (label, hint, kind) = match self {
            NsxLbField::Compare => (
                "Compare with the NSX load balancer",
                "What NSX's own load balancer would need for the same design: a load balancer per namespace (or VPC), a virtual server per Service port, edge credits.",
                Kind::Check,
            ),
            NsxLbField::Size => (
                "NSX load balancer size",
                "The namespaces' load_balancer_size (vSphere API); an auto-created VPC's is always SMALL.",
                select_or_default(options(&NsxLbSize::ALL, NsxLbSize::key, NsxLbSize::label), NsxLbSize::default().label()),
            ),
            NsxLbField::SmallMaxVs => (
                "SMALL virtual-server limit",
                "The vSphere API: a SMALL load balancer hosts 10 to 20 virtual servers depending on the NSX version.",
                Kind::Number,
            ),
            NsxLbField::EdgeNodes => (
                "Edge nodes",
                "Load balancers run active/standby: E edges give floor(E / 2) x the credits of one (KB 322486). At least 2 Large.",
                Kind::Number,
            ),
            NsxLbField::EdgeSize => (
                "Edge node size",
                "Load balancer credits per edge: Small 1, Medium 10, Large 40, XL 80, bare metal 750.",
                select_or_default(options(&EdgeSize::ALL, EdgeSize::key, EdgeSize::label), EdgeSize::default().label()),
            ),
        };
        Meta { label, hint, kind }
    }
}
