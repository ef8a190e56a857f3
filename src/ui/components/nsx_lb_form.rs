//! Per Supervisor on NSX or NSX VPCs: whether to compare with the NSX native load
//! balancer, and when so its size, SMALL's virtual-server limit and the edges.

use yew::prelude::*;

use super::{field, FormProps};
use crate::scenario::PlatformKind;
use crate::ui::fields::{Field, NsxLbField};

const INPUTS: [NsxLbField; 4] = [NsxLbField::Size, NsxLbField::SmallMaxVs, NsxLbField::EdgeNodes, NsxLbField::EdgeSize];

#[function_component(NsxLbForm)]
pub fn nsx_lb_form(props: &FormProps) -> Html {
    let sups = props.state.scenario.supervisors.iter().enumerate().filter(|(_, s)| s.platform != PlatformKind::Vds).map(|(i, s)| {
        let inputs = s.nsx_lb.is_some().then(|| INPUTS.iter().map(|&f| field(props, Field::NsxLb(i, f))).collect::<Html>());
        html! {
            <fieldset class="sub" data-testid={format!("nsx-lb-form-{i}")}>
                <legend>{ format!("NSX load balancer beside Avi: {}", s.name) }</legend>
                <div class="grid">
                    { field(props, Field::NsxLb(i, NsxLbField::Compare)) }
                    { for inputs }
                </div>
            </fieldset>
        }
    });
    html! {
        <fieldset class="section" id="section-nsx-lb">
            <legend>{ "NSX load balancer comparison" }</legend>
            <p class="muted">
                { "For the same design, what NSX's own load balancer would need: its status differs by release (deprecated in the \
                   NSX 4.x API, a current edge provider in vSphere 9.0). Ports per Service are set per namespace group." }
            </p>
            { for sups }
        </fieldset>
    }
}
