//! The inputs of each Supervisor on VDS networking: the edge and its platform
//! settings, the workload networks, the Avi data network, the Foundation Load
//! Balancer, and (folded, each marked) the inputs that stand for assumptions.

use yew::prelude::*;

use super::workload_network_form::WorkloadNetworkForm;
use super::{field, FormProps};
use crate::scenario::{FlbTopology, PlatformKind, SeAttachment};
use crate::ui::fields::{Field, VdsField};
use crate::ui::state::Action;

const PLATFORM: [VdsField; 5] =
    [VdsField::Edge, VdsField::VsphereVersion, VdsField::ControlPlaneVms, VdsField::Licence, VdsField::SeAttachment];
const DATA: [VdsField; 2] = [VdsField::DataSubnet, VdsField::DataRanges];
const FLB: [VdsField; 4] = [VdsField::FlbAvailability, VdsField::FlbSize, VdsField::FlbTopology, VdsField::FlbVipRanges];
const FLB_OWN: [VdsField; 4] =
    [VdsField::FlbManagementSubnet, VdsField::FlbManagementRanges, VdsField::FlbFrontendSubnet, VdsField::FlbFrontendRanges];
const ASSUMPTIONS: [VdsField; 5] = [
    VdsField::PoolCountsBuffer,
    VdsField::AttachedNicsTakeAddresses,
    VdsField::FlbNodesUseSupervisorRanges,
    VdsField::FlbServesApiVips,
    VdsField::FlbMaxVips,
];

fn supervisor(props: &FormProps, i: usize) -> Html {
    let Some(sup) = props.state.scenario.supervisors.get(i) else { return Html::default() };
    let v = &sup.vds;
    let shown = |f: &VdsField| match f {
        VdsField::AttachedNicsTakeAddresses => v.se_attachment == Some(SeAttachment::Attached),
        _ => true,
    };
    let fields = |list: &[VdsField]| -> Html {
        list.iter().filter(|f| shown(f)).map(|&f| field(props, Field::Vds(i, f))).collect::<Html>()
    };
    let three = v.flb.topology == Some(FlbTopology::ThreeNic)
        || FLB_OWN.iter().any(|&f| props.state.field_view(Field::Vds(i, f)).error.is_some());
    let networks = (0..v.workload_networks.len()).map(|k| {
        html! { <WorkloadNetworkForm key={k} form={props.clone()} sup={i} network={k} /> }
    });
    let none = v.workload_networks.is_empty().then(|| {
        html! { <p class="muted">{ "No workload network given: one primary network named \"primary\", with no ranges." }</p> }
    });
    let on_add = {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Action::AddWorkloadNetwork(i)))
    };
    html! {
        <fieldset class="sub" data-testid={format!("vds-form-{i}")}>
            <legend>{ format!("VDS networking of {}", sup.name) }</legend>
            <div class="grid">{ fields(&PLATFORM) }</div>
            { for networks }
            { for none }
            <div class="actions">
                <button type="button" onclick={on_add} data-testid={format!("add-wl-{i}")}>{ "Add a workload network" }</button>
            </div>
            <fieldset class="group">
                <legend>{ "Avi data (VIP) network" }</legend>
                <div class="grid">{ fields(&DATA) }</div>
            </fieldset>
            <fieldset class="group">
                <legend>{ "vSphere Foundation Load Balancer" }</legend>
                <div class="grid">{ fields(&FLB) }</div>
                if three {
                    <div class="grid">{ fields(&FLB_OWN) }</div>
                }
            </fieldset>
            <details class="assumptions">
                <summary>{ "Assumptions (rules no source settles: each is an input)" }</summary>
                <div class="grid">{ fields(&ASSUMPTIONS) }</div>
            </details>
        </fieldset>
    }
}

#[function_component(VdsForm)]
pub fn vds_form(props: &FormProps) -> Html {
    let sups: Vec<usize> = props
        .state
        .scenario
        .supervisors
        .iter()
        .enumerate()
        .filter(|(_, s)| s.platform == PlatformKind::Vds)
        .map(|(i, _)| i)
        .collect();
    if sups.is_empty() {
        return Html::default();
    }
    html! {
        <fieldset class="section" id="section-vds">
            <legend>{ "VDS networking" }</legend>
            <p class="muted">
                { "Supervisors on vSphere Distributed Switch networking: workload networks given as port groups with IP ranges, \
                   and Avi on a vCenter cloud or the vSphere Foundation Load Balancer, each sized beside the other." }
            </p>
            { for sups.into_iter().map(|i| supervisor(props, i)) }
        </fieldset>
    }
}
