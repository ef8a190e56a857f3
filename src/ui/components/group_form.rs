//! One namespace group: counts, node shape, and (folded) NAT, T0 and custom networks.

use yew::prelude::*;

use super::{field, FormProps, StateHandle};
use crate::scenario::PlatformKind;
use crate::ui::fields::{Field, GroupField};
use crate::ui::state::Action;

#[derive(Properties, PartialEq)]
pub struct GroupProps {
    pub state: StateHandle,
    pub on_action: Callback<Action>,
    pub sup: usize,
    pub group: usize,
}

const MAIN: [GroupField; 11] = [
    GroupField::Name,
    GroupField::Count,
    GroupField::TkgClusters,
    GroupField::LbServices,
    GroupField::ControlPlane,
    GroupField::Workers,
    GroupField::NodePools,
    GroupField::IngressVs,
    GroupField::PodLb,
    GroupField::VspherePods,
    GroupField::VmServiceVms,
];

const ADVANCED: [GroupField; 6] = [
    GroupField::Nat,
    GroupField::T0,
    GroupField::IngressCidr,
    GroupField::EgressCidr,
    GroupField::NamespaceNetwork,
    GroupField::SubnetPrefix,
];

#[function_component(GroupForm)]
pub fn group_form(props: &GroupProps) -> Html {
    let (i, j) = (props.sup, props.group);
    let form = FormProps { state: props.state.clone(), on_action: props.on_action.clone() };
    let Some(group) = props.state.scenario.supervisors.get(i).and_then(|s| s.namespaces.get(j)) else {
        return Html::default();
    };
    let name = group.name.clone();
    let platform = props.state.scenario.supervisors.get(i).map(|s| s.platform).unwrap_or_default();
    let (vds, vpc) = (platform == PlatformKind::Vds, platform == PlatformKind::NsxVpc);
    // VDS: no vSphere pods here, a workload network instead of NAT, T0 and NSX networks.
    // NSX VPCs: the VPC instead of NAT, T0 and T1 networks. On NSX, ports per Service
    // (the NSX load balancer's count).
    let on_vds = |f: &&GroupField| !vds || !matches!(f, GroupField::PodLb | GroupField::VspherePods);
    let extra: &[GroupField] = match platform {
        PlatformKind::Vds => &[GroupField::WorkloadNetwork],
        PlatformKind::NsxVpc => &[GroupField::Vpc, GroupField::ServicePorts],
        PlatformKind::NsxAvi => &[GroupField::ServicePorts],
    };
    let main = MAIN.iter().filter(on_vds).chain(extra).map(|&f| field(&form, Field::Group(i, j, f)));
    let folded: &[GroupField] = if vpc { &[GroupField::SubnetPrefix, GroupField::PrivateCidrs] } else { &ADVANCED };
    let advanced = folded.iter().map(|&f| field(&form, Field::Group(i, j, f)));
    // Open the fold when something in it is set or wrong.
    let open = group.nat.is_some()
        || group.t0 != Default::default()
        || !group.ingress_cidr.is_empty()
        || !group.egress_cidr.is_empty()
        || !group.namespace_network.is_empty()
        || group.namespace_subnet_prefix.is_some()
        || !group.private_cidrs.is_empty()
        || folded.iter().any(|&f| props.state.field_view(Field::Group(i, j, f)).error.is_some());
    let emit = |action: Action| {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(action.clone()))
    };
    let legend = format!("Group {}: {}", j + 1, name);
    let fieldset_id = format!("supervisors-{i}-namespaces-{j}");
    let (dup_label, dup_id) = (format!("Duplicate group {name}"), format!("duplicate-group-{i}-{j}"));
    let (rm_label, rm_id) = (format!("Remove group {name}"), format!("remove-group-{i}-{j}"));
    html! {
        <fieldset class="group" id={fieldset_id}>
            <legend>{ legend }</legend>
            <div class="grid">{ for main }</div>
            if !vds {
                <details {open}>
                    <summary>{ if vpc { "Subnets and private CIDRs" } else { "NAT, T0 and custom networks" } }</summary>
                    <div class="grid">{ for advanced }</div>
                </details>
            }
            <div class="actions">
                <button type="button" onclick={emit(Action::DuplicateGroup(i, j))}
                    aria-label={dup_label} data-testid={dup_id}>
                    { "Duplicate" }
                </button>
                <button type="button" class="danger" onclick={emit(Action::RemoveGroup(i, j))}
                    aria-label={rm_label} data-testid={rm_id}>
                    { "Remove" }
                </button>
            </div>
        </fieldset>
    }
}
