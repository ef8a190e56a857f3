//! A labelled input: its default, a one-line hint with the reason, and its error
//! message beside it (`aria-invalid`, `aria-describedby`). Numbers are typed into
//! text inputs (`inputmode="numeric"`) so that text which does not parse stays
//! exactly as typed.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::ui::fields::Kind;
use crate::ui::state::{Action, FieldView};

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    pub view: FieldView,
    pub on_action: Callback<Action>,
}

#[function_component(FieldInput)]
pub fn field_input(props: &FieldProps) -> Html {
    let view = &props.view;
    let field = view.field;
    let id = view.id.clone();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    // The error replaces the hint as the description while there is one (the hint
    // stays visible next to it).
    let described = if view.error.is_some() { error_id.clone() } else { hint_id.clone() };
    let invalid = if view.error.is_some() { "true" } else { "false" };

    let on_input = {
        let cb = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            cb.emit(Action::Edit(field, value));
        })
    };
    let on_select = {
        let cb = props.on_action.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            cb.emit(Action::Edit(field, value));
        })
    };
    let on_check = {
        let cb = props.on_action.clone();
        Callback::from(move |e: Event| {
            let checked = e.target_unchecked_into::<HtmlInputElement>().checked();
            cb.emit(Action::Edit(field, checked.to_string()));
        })
    };

    let default = (!view.default.is_empty()).then(|| format!("Default: {}.", view.default));
    // An input that stands for an unsettled rule says so first.
    let assumption = field.assumption();
    let hint = html! {
        <p class="hint" id={hint_id}>
            if let Some(a) = assumption {
                <strong class="assumption" data-testid={format!("{id}-assumption")}>{ "Assumption. " }</strong>
                { a }{ " " }
            }
            { view.meta.hint }
            if let Some(d) = default { <span class="default">{" "}{d}</span> }
        </p>
    };
    let error = html! {
        if let Some(message) = view.error.clone() {
            <p class="error" id={error_id} role="alert">{ message }</p>
        }
    };
    let (inputmode, placeholder) = match view.meta.kind {
        Kind::Number => (Some("numeric"), view.default.clone()),
        Kind::Decimal => (Some("decimal"), view.default.clone()),
        Kind::List => (None, "e.g. 10.220.0.0/16, 10.221.0.0/24".to_string()),
        _ => (None, String::new()),
    };
    let wide = matches!(view.meta.kind, Kind::List | Kind::Text);
    let class = classes!("field", wide.then_some("wide"), view.error.as_ref().map(|_| "invalid"));

    match &view.meta.kind {
        Kind::Check => {
            let checked = view.text == "true";
            html! {
                <div class={classes!(class, "check")}>
                    <input type="checkbox" id={id.clone()} {checked} onchange={on_check}
                        aria-invalid={invalid} aria-describedby={described} />
                    <label for={id}>{ view.meta.label }</label>
                    { hint }
                    { error }
                </div>
            }
        }
        Kind::Select(options) => {
            let items = options.iter().map(|(value, label)| {
                let selected = *value == view.text;
                html! { <option value={value.clone()} {selected}>{ label.clone() }</option> }
            });
            html! {
                <div {class}>
                    <label for={id.clone()}>{ view.meta.label }</label>
                    <select id={id} ~value={view.text.clone()} onchange={on_select} aria-invalid={invalid} aria-describedby={described}>
                        { for items }
                    </select>
                    { error }
                    { hint }
                </div>
            }
        }
        _ => html! {
            <div {class}>
                <label for={id.clone()}>{ view.meta.label }</label>
                <input type="text" id={id} value={view.text.clone()} oninput={on_input}
                    inputmode={inputmode} placeholder={placeholder} autocomplete="off" spellcheck="false"
                    aria-invalid={invalid} aria-describedby={described} />
                { error }
                { hint }
            </div>
        },
    }
}
