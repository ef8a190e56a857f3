//! The page: presets, notices, the input forms and the results, with the scenario
//! kept in the URL fragment and in local storage.

use crate::link;
use yew::prelude::*;

use super::components::issues_list::IssuesList;
use super::components::networks_form::NetworksForm;
use super::components::notices::Notices;
use super::components::presets_bar::PresetsBar;
use super::components::results_summary::ResultsSummary;
use super::components::se_group_form::SeGroupForm;
use super::components::share_bar::ShareBar;
use super::components::summary_bar::SummaryBar;
use super::components::theme_toggle::ThemeToggle;
use super::components::topology_form::TopologyForm;
use super::components::topology_summary::TopologySummary;
use super::components::workloads_form::WorkloadsForm;
use super::components::FormProps;
use super::state::{Action, State};
use super::web;

#[function_component(App)]
pub fn app() -> Html {
    // The URL wins over storage; a bad link gives a notice and the default.
    let state = use_reducer(|| State::initial(&web::fragment(), web::stored_scenario().as_deref()));
    let code = use_memo(state.scenario.clone(), link::encode);

    {
        // Every change: the fragment (no history entry) and local storage.
        let scenario = state.scenario.clone();
        use_effect_with(code.clone(), move |code| {
            web::replace_fragment(code);
            web::store_scenario(&scenario.to_json());
        });
    }
    {
        // A link pasted into the address bar of an open page.
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = web::on_fragment_change(move |fragment| dispatcher.dispatch(Action::LoadFragment(fragment)));
            move || drop(listener)
        });
    }

    let on_action = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action: Action| dispatcher.dispatch(action))
    };
    let form = FormProps { state: state.clone(), on_action: on_action.clone() };
    let on_submit = Callback::from(|e: SubmitEvent| e.prevent_default());
    let plan = state.plan.clone();
    let summaries = plan.iter().flat_map(|p| {
        (0..p.supervisors.len()).map(move |i| html! { <ResultsSummary key={i} plan={p.clone()} index={i} /> })
    });
    let topology = plan.clone().map(|p| html! { <TopologySummary plan={p} /> });
    let results_class = classes!("results", state.stale().then_some("stale"));

    html! {
        <>
            <a class="skip" href="#results" onclick={skip_to("results")}>{ "Skip to results" }</a>
            <header class="masthead">
                <div>
                    <h1>{ "Avi Service Engine & Supervisor network sizer" }</h1>
                    <p class="tagline">
                        { "vSphere Supervisor with NSX and the Avi load balancer: how many Service Engines, \
                           why, and which networks — recalculated as you type." }
                    </p>
                </div>
                <ThemeToggle />
            </header>
            <PresetsBar on_action={on_action.clone()} />
            <Notices ..form.clone() />
            <main class="layout">
                <form class="inputs" aria-label="Inputs" onsubmit={on_submit} novalidate=true>
                    <TopologyForm ..form.clone() />
                    <WorkloadsForm ..form.clone() />
                    <SeGroupForm ..form.clone() />
                    <NetworksForm ..form.clone() />
                </form>
                <section class={results_class} id="results" aria-label="Results" tabindex="-1">
                    <ShareBar code={(*code).clone()} on_action={on_action.clone()} />
                    { for summaries }
                    { for topology }
                    <IssuesList errors={state.errors.clone()} parse_errors={state.parse_errors()} plan={plan.clone()} />
                </section>
            </main>
            <SummaryBar plan={plan.clone()} stale={state.stale()} />
            <footer class="foot">
                <p>
                    { "Rules: Avi SE group defaults and elastic HA placement, vSphere with Tanzu 8 networking \
                       requirements, vxplanet's “vSphere Supervisor networking with NSX and AVI”. Everything runs in \
                       your browser; nothing is sent anywhere." }
                </p>
            </footer>
        </>
    }
}

/// Moves the focus to an element without touching the URL fragment (which holds
/// the scenario).
fn skip_to(id: &'static str) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        web::focus_path(id);
    })
}
