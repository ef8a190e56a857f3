//! One Supervisor's pictures: the SE map, the growth chart and the address map.


use crate::plan::Plan;
use crate::scenario::Scenario;
use yew::prelude::*;

use crate::ui::state::Shared;

use super::address_map_picture::AddressMapPicture;
use super::growth_picture::GrowthPicture;
use super::se_map_picture::SeMapPicture;

#[derive(Properties, PartialEq)]
pub struct SupervisorPicturesProps {
    pub plan: Shared<Plan>,
    pub index: usize,
    pub scenario: Shared<Scenario>,
}

#[function_component(SupervisorPictures)]
pub fn supervisor_pictures(props: &SupervisorPicturesProps) -> Html {
    let i = props.index;
    let Some(sup) = props.plan.supervisors.get(i) else { return Html::default() };
    let title_id = format!("pictures-{i}-title");
    html! {
        <section class="card pictures" aria-labelledby={title_id.clone()} data-testid={format!("pictures-{i}")}>
            <h2 id={title_id}>{ format!("{}: pictures", sup.name) }</h2>
            <SeMapPicture plan={props.plan.clone()} index={i} />
            <GrowthPicture plan={props.plan.clone()} index={i} scenario={props.scenario.clone()} />
            if sup.vds.is_none() && sup.vpc.is_none() {
                <AddressMapPicture plan={props.plan.clone()} index={i} />
            }
        </section>
    }
}
