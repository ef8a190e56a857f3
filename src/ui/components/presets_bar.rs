//! One button per preset (`presets::all()`), each loads with one click.

use crate::presets;
use yew::prelude::*;

use crate::ui::state::Action;

#[derive(Properties, PartialEq)]
pub struct PresetsProps {
    pub on_action: Callback<Action>,
}

#[function_component(PresetsBar)]
pub fn presets_bar(props: &PresetsProps) -> Html {
    let buttons = presets::all().into_iter().map(|p| {
        let cb = props.on_action.clone();
        let key = p.key;
        let on_click = Callback::from(move |_: MouseEvent| cb.emit(Action::LoadPreset(key.to_string())));
        let testid = format!("preset-{key}");
        html! {
            <li>
                <button type="button" class="preset" onclick={on_click} data-testid={testid} title={p.summary}>
                    <span class="title">{ p.title }</span>
                    <span class="summary">{ p.summary }</span>
                </button>
            </li>
        }
    });
    html! {
        <nav class="presets" aria-label="Presets">
            <h2>{ "Start from a topology" }</h2>
            <ul>{ for buttons }</ul>
        </nav>
    }
}
