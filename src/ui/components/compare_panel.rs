//! Compare two scenarios: the one pinned as A and the page as it is now (B), row
//! by row from `compare::compare`, the rows that differ marked in words, bold and
//! `<mark>` (not by colour alone). Quick what-ifs pin the page and change B
//! through the reducer's typed actions.


use crate::compare::{compare, Row};
use crate::scenario::HaMode;
use yew::prelude::*;

use super::FormProps;
use crate::ui::state::{Action, WhatIf};

/// The what-ifs offered for the current scenario: the other elastic HA mode, and
/// more namespaces.
fn what_ifs(current: Option<HaMode>) -> [WhatIf; 2] {
    let other = match current {
        Some(HaMode::NPlusM) | None => HaMode::ActiveActive,
        Some(_) => HaMode::NPlusM,
    };
    [WhatIf::HaMode(other), WhatIf::MoreNamespaces(40)]
}

/// One compared figure; the Supervisor's name leads the figure when the design
/// has several.
fn row_html(r: &Row, named: bool) -> Html {
    let label = format!("{}{}", if r.supervisor.is_empty() { String::new() } else { format!("{}: ", r.supervisor) }, r.label);
    let who = (named && !r.supervisor.is_empty()).then(|| html! { <span class="who">{ r.supervisor.clone() }</span> });
    if r.changed {
        html! {
            <tr class="changed" aria-label={format!("Changed: {label}, from {} to {}", r.a, r.b)}>
                <th scope="row">{ who }<strong>{ r.label }</strong></th>
                <td class="num">{ r.a.clone() }</td>
                <td class="num"><mark>{ r.b.clone() }</mark></td>
                <td class="marker"><strong>{ "◆" }<span class="word">{ " changed" }</span></strong></td>
            </tr>
        }
    } else {
        html! {
            <tr>
                <th scope="row">{ who }{ r.label }</th>
                <td class="num">{ r.a.clone() }</td>
                <td class="num">{ r.b.clone() }</td>
                <td class="marker"><span class="sr-only">{ "same" }</span></td>
            </tr>
        }
    }
}

#[function_component(ComparePanel)]
pub fn compare_panel(props: &FormProps) -> Html {
    let state = &props.state;
    let pinned = state.pinned.clone();
    let plan = state.plan.clone();
    let rows = {
        let (pinned, plan) = (pinned.clone(), plan.clone());
        let key = (
            pinned.as_ref().map(|p| p.plan.ptr()),
            plan.as_ref().map(|p| p.ptr()),
        );
        use_memo(key, move |_| match (pinned, plan) {
            (Some(a), Some(b)) => compare(&a.plan, &b),
            _ => Vec::new(),
        })
    };
    let emit = |action: Action| {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(action.clone()))
    };
    let current_mode = plan.as_ref().and_then(|p| p.supervisors.first()).map(|s| s.settings.ha_mode);
    let buttons = what_ifs(current_mode).into_iter().enumerate().map(|(k, w)| {
        html! { <button type="button" onclick={emit(Action::WhatIf(w))} data-testid={format!("what-if-{k}")}>{ w.label() }</button> }
    });
    let changed = rows.iter().filter(|r| r.changed).count();
    let summary = format!("{changed} of {} figures differ between A (pinned) and B (the page now).", rows.len());
    let named = plan.as_ref().is_some_and(|p| p.supervisors.len() > 1)
        || pinned.as_ref().is_some_and(|p| p.plan.supervisors.len() > 1);
    let body = rows.iter().map(|r| row_html(r, named));
    html! {
        <section class="card compare" aria-labelledby="compare-title" data-testid="compare">
            <h2 id="compare-title">{ "Compare" }</h2>
            if pinned.is_none() {
                <p class="muted">
                    { "Pin the page as A, then change anything (or try a what-if): the page becomes B and the \
                       differences are listed here." }
                </p>
            }
            <div class="actions">
                <button type="button" class="primary" onclick={emit(Action::Pin)} data-testid="pin">
                    { if pinned.is_some() { "Pin the page as A again" } else { "Pin this scenario as A" } }
                </button>
                { for buttons }
                if pinned.is_some() {
                    <button type="button" onclick={emit(Action::Unpin)} data-testid="unpin">{ "Clear comparison" }</button>
                }
            </div>
            if pinned.is_some() {
                <p data-testid="compare-summary" aria-live="polite">{ summary }</p>
                <div class="table-wrap">
                    <table data-testid="compare-table">
                        <caption>{ "A (pinned) against B (the page now)" }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ "Figure" }</th>
                                <th scope="col" class="num">{ "A" }</th>
                                <th scope="col" class="num">{ "B" }</th>
                                <th scope="col">{ "Change" }</th>
                            </tr>
                        </thead>
                        <tbody>{ for body }</tbody>
                    </table>
                </div>
            }
        </section>
    }
}
