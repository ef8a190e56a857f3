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
        validate(&scenario).ok().map(|design| {
            // A mixed design: the NSX picture, and the VDS Supervisors' own.
            let mixed = plan.supervisors.iter().any(|s| s.vds.is_some()) && plan.supervisors.iter().any(|s| s.vds.is_none());
            (svg::topology(&design, &plan), mixed.then(|| svg::topology_vds(&design, &plan)))
        })
    });
    let Some((svg, vds)) = (*svg).clone() else { return Html::default() };
    let vds = vds.map(|svg| {
        html! {
            <Picture testid="picture-topology-vds" title="Topology: Supervisors on VDS"
                caption="The Supervisors on VDS networking: their workload networks, VIP network and load balancer."
                svg={AttrValue::from(svg)} file_name="avi-sizer-topology-vds.svg" />
        }
    });
    let caption = if props.plan.supervisors.iter().all(|s| s.vds.is_some()) {
        "Per Supervisor on VDS: its management network, workload networks, the VIP network and the load balancer \
         it is enabled with (the other sized beside it), and the Avi controller clusters."
    } else {
        "The T0 gateways and what each advertises northbound, the Supervisor's T1 and one T1 \
         per namespace group (×count) with their segments, NAT, and the SE group on the Avi data \
         segments; around them the NSX managers, Avi NSX clouds and controller clusters."
    };
    html! {
        <>
            <Picture testid="picture-topology" title="Topology" {caption} svg={AttrValue::from(svg)}
                file_name="avi-sizer-topology.svg" />
            { for vds }
        </>
    }
}
