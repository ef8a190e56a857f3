//! The Service Engine map of one Supervisor (`report::svg::se_map`).


use crate::plan::Plan;
use crate::report::svg;
use yew::prelude::*;

use crate::ui::state::Shared;

use super::format::count;
use super::picture::{file_part, Picture};

#[derive(Properties, PartialEq)]
pub struct SeMapProps {
    pub plan: Shared<Plan>,
    pub index: usize,
}

#[function_component(SeMapPicture)]
pub fn se_map_picture(props: &SeMapProps) -> Html {
    let plan = props.plan.clone();
    let i = props.index;
    let svg = use_memo((plan.ptr(), i), move |_| plan.supervisors.get(i).map(svg::se_map));
    let Some(sup) = props.plan.supervisors.get(i) else { return Html::default() };
    let Some(svg) = (*svg).clone() else { return Html::default() };
    let se = &sup.service_engines;
    let caption = format!(
        "{} in all. Each column is one SE (with many SEs, one kind of alike SEs, labelled with how many): \
         its data interfaces coloured by the T1 (VRF) they attach to, then its virtual-service slots; spare \
         SEs (buffer, zone spares) stand apart, hatched. What the binding constraint ({}) exhausted is outlined.",
        count(se.total as u64, "Service Engine", "Service Engines"),
        se.binding.label()
    );
    html! {
        <Picture testid={format!("picture-se-map-{i}")} title="Service Engine map" {caption}
            svg={AttrValue::from(svg)} file_name={format!("avi-sizer-se-map-{}.svg", file_part(&sup.name))} />
    }
}
