//! One VDS workload network: its name, subnet and IP ranges, and a button to
//! remove it (the first is the primary).

use yew::prelude::*;

use super::{field, FormProps};
use crate::ui::fields::{Field, WlField};
use crate::ui::state::Action;

#[derive(Properties, PartialEq)]
pub struct WorkloadNetworkProps {
    pub form: FormProps,
    pub sup: usize,
    pub network: usize,
}

#[function_component(WorkloadNetworkForm)]
pub fn workload_network_form(props: &WorkloadNetworkProps) -> Html {
    let (i, k) = (props.sup, props.network);
    let Some(w) = props.form.state.scenario.supervisors.get(i).and_then(|s| s.vds.workload_networks.get(k)) else {
        return Html::default();
    };
    let name = w.name.clone();
    let legend = if k == 0 { format!("Primary workload network: {name}") } else { format!("Workload network {}: {name}", k + 1) };
    let on_remove = {
        let cb = props.form.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Action::RemoveWorkloadNetwork(i, k)))
    };
    let fields = [WlField::Name, WlField::Subnet, WlField::Ranges].map(|f| field(&props.form, Field::Wl(i, k, f)));
    html! {
        <fieldset class="group" id={format!("supervisors-{i}-vds-workload_networks-{k}")}>
            <legend>{ legend }</legend>
            <div class="grid">{ for fields }</div>
            <div class="actions">
                <button type="button" class="danger" onclick={on_remove}
                    aria-label={format!("Remove workload network {name}")} data-testid={format!("remove-wl-{i}-{k}")}>
                    { "Remove" }
                </button>
            </div>
        </fieldset>
    }
}
