//! The address map of one Supervisor (`report::svg::address_map`).


use crate::plan::Plan;
use crate::report::svg;
use yew::prelude::*;

use crate::ui::state::Shared;

use super::picture::{file_part, Picture};

#[derive(Properties, PartialEq)]
pub struct AddressMapProps {
    pub plan: Shared<Plan>,
    pub index: usize,
}

#[function_component(AddressMapPicture)]
pub fn address_map_picture(props: &AddressMapProps) -> Html {
    let plan = props.plan.clone();
    let i = props.index;
    let svg = use_memo((plan.ptr(), i), move |_| plan.supervisors.get(i).map(svg::address_map));
    let Some(sup) = props.plan.supervisors.get(i) else { return Html::default() };
    let Some(svg) = (*svg).clone() else { return Html::default() };
    let caption = "Each address pool as a bar with the blocks carved from it, coloured by role \
                   (ingress, egress, namespace, service, management); the rest is free. Hover or focus \
                   a block (Tab) for its CIDR; the blocks are also listed in words under each bar.";
    html! {
        <Picture testid={format!("picture-address-map-{i}")} title="Address map" {caption}
            svg={AttrValue::from(svg)} file_name={format!("avi-sizer-address-map-{}.svg", file_part(&sup.name))} />
    }
}
