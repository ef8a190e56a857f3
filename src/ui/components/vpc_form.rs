//! The inputs of each Supervisor on NSX VPCs: the project and the connectivity
//! profile's blocks, the default private CIDRs, the SE groups, the pre-created VPCs
//! namespaces may share, and (folded, each marked) the inputs that stand for
//! assumptions.

use yew::prelude::*;

use super::{field, FormProps};
use crate::scenario::PlatformKind;
use crate::ui::fields::{Field, SharedVpcField, VpcField};
use crate::ui::state::Action;

const MAIN: [VpcField; 5] = [VpcField::Project, VpcField::ExternalBlocks, VpcField::PrivateTgwBlocks, VpcField::PrivateCidrs, VpcField::SeGroups];
const ASSUMPTIONS: [VpcField; 4] = [VpcField::InheritedSuffice, VpcField::AviSubnetPrefix, VpcField::ReservedPerSubnet, VpcField::SnatPerVpc];

fn shared_vpc(props: &FormProps, i: usize, k: usize, name: &str) -> Html {
    let on_remove = {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Action::RemoveSharedVpc(i, k)))
    };
    let fields = [SharedVpcField::Name, SharedVpcField::Project, SharedVpcField::PrivateCidrs].map(|f| field(props, Field::SharedVpc(i, k, f)));
    html! {
        <fieldset class="group" id={format!("supervisors-{i}-vpc-vpcs-{k}")}>
            <legend>{ format!("Pre-created VPC {}: {name}", k + 1) }</legend>
            <div class="grid">{ for fields }</div>
            <div class="actions">
                <button type="button" class="danger" onclick={on_remove}
                    aria-label={format!("Remove pre-created VPC {name}")} data-testid={format!("remove-vpc-{i}-{k}")}>
                    { "Remove" }
                </button>
            </div>
        </fieldset>
    }
}

fn supervisor(props: &FormProps, i: usize) -> Html {
    let Some(sup) = props.state.scenario.supervisors.get(i) else { return Html::default() };
    let fields = |list: &[VpcField]| -> Html { list.iter().map(|&f| field(props, Field::Vpc(i, f))).collect::<Html>() };
    let vpcs = sup.vpc.vpcs.iter().enumerate().map(|(k, v)| shared_vpc(props, i, k, &v.name));
    let on_add = {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Action::AddSharedVpc(i)))
    };
    html! {
        <fieldset class="sub" data-testid={format!("vpc-form-{i}")}>
            <legend>{ format!("NSX VPCs of {}", sup.name) }</legend>
            <div class="grid">{ fields(&MAIN) }</div>
            { for vpcs }
            <div class="actions">
                <button type="button" onclick={on_add} data-testid={format!("add-vpc-{i}")}>{ "Add a pre-created VPC" }</button>
            </div>
            <details class="assumptions">
                <summary>{ "Assumptions (rules no source settles: each is an input)" }</summary>
                <div class="grid">{ fields(&ASSUMPTIONS) }</div>
            </details>
        </fieldset>
    }
}

#[function_component(VpcForm)]
pub fn vpc_form(props: &FormProps) -> Html {
    let sups: Vec<usize> =
        props.state.scenario.supervisors.iter().enumerate().filter(|(_, s)| s.platform == PlatformKind::NsxVpc).map(|(i, _)| i).collect();
    if sups.is_empty() {
        return Html::default();
    }
    html! {
        <fieldset class="section" id="section-vpc">
            <legend>{ "NSX VPCs" }</legend>
            <p class="muted">
                { "Supervisors on NSX VPC networking (VCF 9): each namespace on a VPC of its own or on a pre-created one it shares; \
                   Avi makes each project a tenant and each VPC a VRF. A group names its VPC under Workloads." }
            </p>
            { for sups.into_iter().map(|i| supervisor(props, i)) }
        </fieldset>
    }
}
