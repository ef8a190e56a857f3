//! Topology: how Supervisors share NSX and Avi, and each Supervisor's zones, NAT
//! and own virtual services. Supervisors are added and removed here.

use yew::prelude::*;

use super::{field, FormProps};
use crate::ui::fields::{Field, SupField};
use crate::ui::state::Action;

fn supervisor(props: &FormProps, i: usize, name: &str, removable: bool) -> Html {
    let on_remove = {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Action::RemoveSupervisor(i)))
    };
    let legend = format!("Supervisor {}: {}", i + 1, name);
    let remove_label = format!("Remove Supervisor {name}");
    html! {
        <fieldset class="sub">
            <legend>{ legend }</legend>
            <div class="grid">
                { field(props, Field::Sup(i, SupField::Name)) }
                { field(props, Field::Sup(i, SupField::Platform)) }
                { field(props, Field::Sup(i, SupField::Zones)) }
                { field(props, Field::Sup(i, SupField::SupervisorVs)) }
                { field(props, Field::Sup(i, SupField::ControlPlaneSize)) }
                { field(props, Field::Sup(i, SupField::SupervisorServices)) }
                { field(props, Field::Sup(i, SupField::Nat)) }
                { field(props, Field::Sup(i, SupField::SurviveZoneLoss)) }
            </div>
            if removable {
                <div class="actions">
                    <button type="button" class="danger" onclick={on_remove} aria-label={remove_label}>
                        { "Remove this Supervisor" }
                    </button>
                </div>
            }
        </fieldset>
    }
}

#[function_component(TopologyForm)]
pub fn topology_form(props: &FormProps) -> Html {
    let sups = &props.state.scenario.supervisors;
    let removable = sups.len() > 1;
    let items = sups.iter().enumerate().map(|(i, s)| supervisor(props, i, &s.name, removable));
    let on_add = {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Action::AddSupervisor))
    };
    html! {
        <fieldset class="section" id="section-topology">
            <legend>{ "Topology" }</legend>
            { field(props, Field::Topology) }
            { for items }
            <div class="actions">
                <button type="button" onclick={on_add}>{ "Add a Supervisor" }</button>
            </div>
        </fieldset>
    }
}
