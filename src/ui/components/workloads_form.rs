//! Workloads: each Supervisor's namespace groups (add, duplicate, remove).

use yew::prelude::*;

use super::group_form::GroupForm;
use super::FormProps;
use crate::ui::state::Action;

fn supervisor(props: &FormProps, i: usize) -> Html {
    let Some(sup) = props.state.scenario.supervisors.get(i) else { return Html::default() };
    let groups = (0..sup.namespaces.len()).map(|j| {
        html! { <GroupForm key={j} state={props.state.clone()} on_action={props.on_action.clone()} sup={i} group={j} /> }
    });
    let on_add = {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Action::AddGroup(i)))
    };
    let legend = format!("Namespaces on {}", sup.name);
    let empty = sup.namespaces.is_empty();
    html! {
        <fieldset class="sub">
            <legend>{ legend }</legend>
            if empty {
                <p class="muted">{ "No namespace groups: only the Supervisor's own virtual services are placed." }</p>
            }
            { for groups }
            <div class="actions">
                <button type="button" onclick={on_add} data-testid={format!("add-group-{i}")}>
                    { "Add a namespace group" }
                </button>
            </div>
        </fieldset>
    }
}

#[function_component(WorkloadsForm)]
pub fn workloads_form(props: &FormProps) -> Html {
    let sups = (0..props.state.scenario.supervisors.len()).map(|i| supervisor(props, i));
    html! {
        <fieldset class="section" id="section-workloads">
            <legend>{ "Workloads" }</legend>
            <p class="muted">
                { "A group is a number of alike vSphere namespaces. Each namespace has its own T1 (a VRF in Avi) \
                   hosting a VS per TKG cluster API server and per LoadBalancer Service." }
            </p>
            { for sups }
        </fieldset>
    }
}
