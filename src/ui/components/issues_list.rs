//! Errors (input that stops the plan) and warnings (things to know), each with a
//! button that takes the keyboard focus to the field concerned.

use std::rc::Rc;

use crate::error::{FieldError, Warning};
use crate::plan::Plan;
use yew::prelude::*;

use crate::ui::state::Shared;

use crate::ui::web;

#[derive(Properties, PartialEq)]
pub struct IssuesProps {
    pub errors: Rc<Vec<FieldError>>,
    /// Fields whose text does not parse: (path, text, message).
    pub parse_errors: Vec<(String, String, String)>,
    pub plan: Option<Shared<Plan>>,
}

fn go_to(path: &str) -> Html {
    if path.is_empty() {
        return Html::default();
    }
    let target = path.to_string();
    let on_click = Callback::from(move |_: MouseEvent| web::focus_path(&target));
    html! { <button type="button" class="link" onclick={on_click}>{ "Go to field" }</button> }
}

fn item(class: &'static str, path: &str, message: String) -> Html {
    html! {
        <li class={class}>
            <span class="message">{ message }</span>
            if !path.is_empty() { <code class="path">{ path.to_string() }</code> }
            { go_to(path) }
        </li>
    }
}

fn all_warnings(plan: &Plan) -> Vec<&Warning> {
    plan.warnings.iter().chain(plan.supervisors.iter().flat_map(|s| s.warnings.iter())).collect()
}

#[function_component(IssuesList)]
pub fn issues_list(props: &IssuesProps) -> Html {
    let parse = props.parse_errors.iter().map(|(path, text, msg)| item("error", path, format!("'{text}': {msg}")));
    let engine = props.errors.iter().map(|e| {
        let message = FieldError { path: String::new(), ..e.clone() }.to_string();
        item("error", &e.path, message)
    });
    let errors: Vec<Html> = parse.chain(engine).collect();
    let warnings: Vec<Html> = props
        .plan
        .as_deref()
        .map(all_warnings)
        .unwrap_or_default()
        .into_iter()
        .map(|w| item("warning", &w.path, w.message.clone()))
        .collect();
    let has_errors = !errors.is_empty();
    let has_warnings = !warnings.is_empty();
    let error_title = format!("Errors ({})", errors.len());
    let warning_title = format!("Warnings ({})", warnings.len());
    html! {
        <section class="card issues" aria-labelledby="issues-title" data-testid="issues">
            <h2 id="issues-title">{ "Errors and warnings" }</h2>
            if !has_errors && !has_warnings {
                <p class="ok">{ "No errors and no warnings." }</p>
            }
            if has_errors {
                <h3>{ error_title }</h3>
                <ul class="issue-list" data-testid="errors">{ for errors }</ul>
            }
            if has_warnings {
                <h3>{ warning_title }</h3>
                <ul class="issue-list" data-testid="warnings">{ for warnings }</ul>
            }
        </section>
    }
}
