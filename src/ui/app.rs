//! The page: presets, notices, the input forms and the results, with the scenario
//! kept in the URL fragment and in local storage.

use crate::link;
use yew::prelude::*;

use super::components::compare_panel::ComparePanel;
use super::components::embed_dialog::EmbedDialog;
use super::components::embed_view::EmbedView;
use super::components::exports_panel::ExportsPanel;
use super::components::import_panel::ImportPanel;
use super::components::issues_list::IssuesList;
use super::components::method_section::MethodSection;
use super::components::snippets_panel::SnippetsPanel;
use super::components::supervisor_pictures::SupervisorPictures;
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
use super::components::nsx_lb_form::NsxLbForm;
use super::components::vds_form::VdsForm;
use super::components::vpc_form::VpcForm;
use super::components::workloads_form::WorkloadsForm;
use super::components::FormProps;
use super::state::{Action, State};
use super::web::{self, Mode};

#[function_component(App)]
pub fn app() -> Html {
    // `?embed` / `?readonly`: the compact page for an iframe, decided once.
    let mode = *use_memo((), |_| web::mode());
    // The URL wins over storage; a bad link gives a notice and the default. An
    // embedded page neither reads nor writes the visitor's saved scenario.
    let state = use_reducer(move || {
        let stored = if mode.embedded() { None } else { web::stored_scenario() };
        State::initial(&web::fragment(), stored.as_deref())
    });
    let code = use_memo(state.scenario.clone(), link::encode);

    {
        // Every change: the fragment (no history entry) and local storage.
        let scenario = state.scenario.clone();
        use_effect_with(code.clone(), move |code| {
            web::replace_fragment(code);
            if !mode.embedded() {
                web::store_scenario(&scenario.to_json());
            }
        });
    }
    // Embedded: chrome-less styles, and the height posted to the host page.
    use_effect_with(mode, |mode| {
        let stop: Option<(Box<dyn FnOnce()>, Box<dyn FnOnce()>)> = mode
            .embedded()
            .then(|| (Box::new(web::root_class("embed")) as Box<dyn FnOnce()>, Box::new(web::post_height_on_resize()) as Box<dyn FnOnce()>));
        move || {
            if let Some((a, b)) = stop {
                b();
                a();
            }
        }
    });
    {
        // Typing changed the scenario: plan it once the typed text is on screen
        // (a later keystroke makes this plan stale, and the reducer skips it).
        let dispatcher = state.dispatcher();
        let (srev, pending) = (state.srev, state.pending);
        use_effect_with(srev, move |_| {
            if pending {
                web::after_paint(move || dispatcher.dispatch(Action::Replan(srev)));
            }
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
    if mode.embedded() {
        return html! { <EmbedView form={form} readonly={mode == Mode::ReadOnly} code={(*code).clone()} /> };
    }
    let on_submit = Callback::from(|e: SubmitEvent| e.prevent_default());
    let plan = state.plan.clone();
    let planned = state.planned.clone();
    let summaries = plan.iter().flat_map(|p| {
        let planned = planned.clone();
        (0..p.supervisors.len()).map(move |i| {
            html! {
                <>
                    <ResultsSummary key={format!("r{i}")} plan={p.clone()} index={i} />
                    <SupervisorPictures key={format!("p{i}")} plan={p.clone()} index={i} scenario={planned.clone()} />
                </>
            }
        })
    });
    let topology = plan.clone().map(|p| html! { <TopologySummary plan={p} scenario={planned.clone()} /> });
    let snippets = plan.clone().map(|p| html! { <SnippetsPanel plan={p} /> });
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
                    <VdsForm ..form.clone() />
                    <VpcForm ..form.clone() />
                    <NsxLbForm ..form.clone() />
                </form>
                <section class={results_class} id="results" aria-label="Results" tabindex="-1">
                    <ShareBar code={(*code).clone()} on_action={on_action.clone()}>
                        <EmbedDialog code={(*code).clone()} />
                    </ShareBar>
                    { for summaries }
                    { for topology }
                    <IssuesList errors={state.errors.clone()} parse_errors={state.parse_errors()} plan={plan.clone()} />
                    <ComparePanel ..form.clone() />
                    <ExportsPanel ..form.clone() />
                    <ImportPanel ..form.clone() />
                    { for snippets }
                    { for plan.clone().map(|p| html! { <MethodSection plan={p} /> }) }
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
