//! The topology of the whole design (`report::svg::topology`), drawn from the
//! validated design of the scenario that was planned.


use crate::design::validate;
use crate::plan::Plan;
use crate::report::svg;
use crate::scenario::Scenario;
use yew::prelude::*;

use crate::ui::state::Shared;

use super::picture::Picture;

#[derive(Properties, PartialEq)]
pub struct TopologyPictureProps {
    pub plan: Shared<Plan>,
    /// The scenario `plan` was computed from.
    pub scenario: Shared<Scenario>,
}

#[function_component(TopologyPicture)]
pub fn topology_picture(props: &TopologyPictureProps) -> Html {
    let plan = props.plan.clone();
    let scenario = props.scenario.clone();
    let svg = use_memo(plan.ptr(), move |_| {
        validate(&scenario).ok().map(|design| svg::topology(&design, &plan))
    });
    let Some(svg) = (*svg).clone() else { return Html::default() };
    let caption = "The T0 gateways and what each advertises northbound, the Supervisor's T1 and one T1 \
                   per namespace group (×count) with their segments, NAT, and the SE group on the Avi data \
                   segments; around them the NSX managers, Avi NSX clouds and controller clusters.";
    html! {
        <Picture testid="picture-topology" title="Topology" {caption} svg={AttrValue::from(svg)}
            file_name="avi-sizer-topology.svg" />
    }
}
