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
            // A mixed design: the main picture (NSX T1s, else VPCs, else VDS), and the others' own.
            let t1 = plan.supervisors.iter().any(|s| s.vds.is_none() && s.vpc.is_none());
            let on_vpc = plan.supervisors.iter().any(|s| s.vpc.is_some());
            let mixed = plan.supervisors.iter().any(|s| s.vds.is_some()) && plan.supervisors.iter().any(|s| s.vds.is_none());
            let vpc_too = on_vpc && t1;
            (svg::topology(&design, &plan), mixed.then(|| svg::topology_vds(&design, &plan)), vpc_too.then(|| svg::topology_vpc(&plan)))
        })
    });
    let Some((svg, vds, vpc)) = (*svg).clone() else { return Html::default() };
    let vpc = vpc.map(|svg| {
        html! {
            <Picture testid="picture-topology-vpc" title="Topology: Supervisors on NSX VPCs"
                caption="The Supervisors on NSX VPCs: their transit gateway, VPCs (each an Avi VRF), SE groups and tenants."
                svg={AttrValue::from(svg)} file_name="avi-sizer-topology-vpc.svg" />
        }
    });
    let vds = vds.map(|svg| {
        html! {
            <Picture testid="picture-topology-vds" title="Topology: Supervisors on VDS"
                caption="The Supervisors on VDS networking: their workload networks, VIP network and load balancer."
                svg={AttrValue::from(svg)} file_name="avi-sizer-topology-vds.svg" />
        }
    });
    let t1 = props.plan.supervisors.iter().any(|s| s.vds.is_none() && s.vpc.is_none());
    let caption = if !t1 && props.plan.supervisors.iter().any(|s| s.vpc.is_some()) {
        "Per Supervisor on NSX VPCs: its transit gateway and connectivity profile, its VPCs (the system VPC, one per \
         namespace or shared), each an Avi VRF when it hosts a virtual service, its SE group(s) and Avi tenants."
    } else if props.plan.supervisors.iter().all(|s| s.vds.is_some()) {
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
            { for vpc }
        </>
    }
}
