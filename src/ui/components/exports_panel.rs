//! Downloads: the scenario (JSON, re-importable), the full result (JSON), the
//! Markdown report, the CSV of each table. Every file's text comes from the
//! engine (`Scenario::to_json`, `report::*`); the page only offers it.


use crate::plan::Plan;
use crate::report;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::FormProps;
use crate::ui::state::{Action, NoticeKind, Shared};
use crate::ui::web;

/// What a download button gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Export {
    Scenario,
    Result,
    Markdown,
    Csv(usize),
}

/// `(file name, MIME type, text)`; `None` when it needs a plan and there is none.
fn file(export: Export, props: &FormProps, plan: Option<&Plan>) -> Option<(String, &'static str, String)> {
    Some(match export {
        Export::Scenario => ("avi-sizer-scenario.json".into(), "application/json", props.state.scenario.to_json()),
        Export::Result => ("avi-sizer-result.json".into(), "application/json", report::json(plan?)),
        Export::Markdown => ("avi-sizer-report.md".into(), "text/markdown", report::markdown(plan?)),
        Export::Csv(k) => {
            let (name, csv) = report::csv::file(plan?, k)?;
            (name, "text/csv", csv)
        }
    })
}

#[function_component(ExportsPanel)]
pub fn exports_panel(props: &FormProps) -> Html {
    let plan: Option<Shared<Plan>> = props.state.plan.clone();
    let csv_names = {
        let plan = plan.clone();
        use_memo(plan.as_ref().map(|p| p.ptr()), move |_| {
            plan.map(|p| report::csv::file_names(&p)).unwrap_or_default()
        })
    };
    let csv_choice = use_state(|| 0usize);
    let on_export = {
        let props = props.clone();
        let plan = plan.clone();
        move |export: Export| {
            let props = props.clone();
            let plan = plan.clone();
            Callback::from(move |_: MouseEvent| {
                let Some((name, mime, text)) = file(export, &props, plan.as_deref()) else { return };
                if web::download(&name, mime, &text).is_err() {
                    props.on_action.emit(Action::Notify(NoticeKind::Error, "This browser refused the download.".into()));
                }
            })
        }
    };
    let on_csv_pick = {
        let csv_choice = csv_choice.clone();
        Callback::from(move |e: Event| {
            csv_choice.set(e.target_unchecked_into::<HtmlSelectElement>().value().parse().unwrap_or(0))
        })
    };
    let chosen = (*csv_choice).min(csv_names.len().saturating_sub(1));
    let csv_options = csv_names.iter().enumerate().map(|(k, name)| {
        html! { <option value={k.to_string()} selected={k == chosen}>{ name.clone() }</option> }
    });
    let no_plan = plan.is_none();
    let stale_note = props.state.stale().then_some(" (of the last valid input)");
    html! {
        <section class="card exports" aria-labelledby="exports-title" data-testid="exports">
            <h2 id="exports-title">{ "Export" }</h2>
            <ul class="export-list">
                <li>
                    <span>{ "Scenario, JSON (import it again below, or with " }<code>{ "sizer plan" }</code>{ ")" }</span>
                    <button type="button" onclick={on_export(Export::Scenario)} data-testid="export-scenario">{ "Download scenario" }</button>
                </li>
                <li>
                    <span>{ "Full result, JSON" }{ stale_note }</span>
                    <button type="button" onclick={on_export(Export::Result)} disabled={no_plan} data-testid="export-result">{ "Download result" }</button>
                </li>
                <li>
                    <span>{ "Report for a design document, Markdown" }{ stale_note }</span>
                    <button type="button" onclick={on_export(Export::Markdown)} disabled={no_plan} data-testid="export-markdown">{ "Download report" }</button>
                </li>
                <li>
                    <label for="export-csv">{ "One table, CSV" }</label>
                    <span class="csv-pick">
                        <select id="export-csv" onchange={on_csv_pick} disabled={no_plan}>{ for csv_options }</select>
                        <button type="button" onclick={on_export(Export::Csv(chosen))} disabled={no_plan} data-testid="export-csv">{ "Download CSV" }</button>
                    </span>
                </li>
            </ul>
        </section>
    }
}
