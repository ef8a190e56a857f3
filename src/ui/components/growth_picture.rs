//! The growth chart of one Supervisor (`report::svg::growth_chart`), with an
//! optional second series: the same scenario re-planned by the engine in another
//! HA mode.


use crate::plan::{plan_scenario, Plan};
use crate::report::svg;
use crate::scenario::{HaMode, Scenario};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::ui::state::Shared;

use super::picture::{file_part, Picture};

#[derive(Properties, PartialEq)]
pub struct GrowthProps {
    pub plan: Shared<Plan>,
    pub index: usize,
    /// The scenario `plan` was computed from (re-planned for the comparison).
    pub scenario: Shared<Scenario>,
}

/// The scenario with every SE group in `mode`, planned by the engine; the first
/// problem when it does not plan that way (A/S with a buffer, say).
pub fn replan_in(scenario: &Scenario, mode: HaMode) -> Result<Plan, String> {
    let mut other = scenario.clone();
    other.se_group.ha_mode = Some(mode);
    for sup in &mut other.supervisors {
        if sup.se_group.ha_mode.is_some() {
            sup.se_group.ha_mode = Some(mode);
        }
    }
    plan_scenario(&other).map_err(|e| e.first().map(|e| e.to_string()).unwrap_or_default())
}

fn mode_from_key(key: &str) -> Option<HaMode> {
    HaMode::ALL.into_iter().find(|m| m.key() == key)
}

#[function_component(GrowthPicture)]
pub fn growth_picture(props: &GrowthProps) -> Html {
    let other_mode = use_state(|| Option::<HaMode>::None);
    let i = props.index;
    let current = props.plan.supervisors.get(i).map(|s| s.settings.ha_mode).unwrap_or_default();
    // A comparison with the mode already shown is no comparison.
    let other_mode_now = (*other_mode).filter(|m| *m != current);
    let other = {
        let scenario = props.scenario.clone();
        use_memo((props.plan.ptr(), other_mode_now), move |(_, mode)| {
            mode.map(|m| (m, replan_in(&scenario, m)))
        })
    };
    let svg = {
        let plan = props.plan.clone();
        let other = other.clone();
        use_memo((props.plan.ptr(), i, other_mode_now), move |_| {
            let sup = plan.supervisors.get(i)?;
            let mut series = vec![(sup.settings.ha_mode.label(), sup)];
            if let Some((m, Ok(p))) = other.as_ref() {
                if let Some(o) = p.supervisors.get(i) {
                    series.push((m.label(), o));
                }
            }
            Some(svg::growth_chart(&series))
        })
    };
    let Some(sup) = props.plan.supervisors.get(i) else { return Html::default() };
    let Some(svg) = (*svg).clone() else { return Html::default() };
    let on_change = {
        let other_mode = other_mode.clone();
        Callback::from(move |e: Event| other_mode.set(mode_from_key(&e.target_unchecked_into::<HtmlSelectElement>().value())))
    };
    let select_id = format!("growth-compare-{i}");
    let options = HaMode::ALL.into_iter().filter(|m| *m != current).map(|m| {
        let selected = other_mode_now == Some(m);
        html! { <option value={m.key()} {selected}>{ m.label() }</option> }
    });
    let problem = match other.as_ref() {
        Some((m, Err(e))) => Some(format!("{} does not plan for this scenario: {e}", m.label())),
        _ => None,
    };
    let reference = sup.headroom.reference_group.clone().unwrap_or_else(|| "the last group".into());
    let caption = format!(
        "Total SEs (buffer and spares included) as namespaces like '{reference}' are added: solid up to \
         today's count (the vertical line), dashed beyond. Each dot is a step the engine computed."
    );
    html! {
        <Picture testid={format!("picture-growth-{i}")} title="Growth" {caption} svg={AttrValue::from(svg)}
            file_name={format!("avi-sizer-growth-{}.svg", file_part(&sup.name))}>
            <label for={select_id.clone()} class="inline-label">{ "Compare with HA mode" }</label>
            <select id={select_id} onchange={on_change} data-testid={format!("growth-compare-{i}")}>
                <option value="" selected={other_mode_now.is_none()}>{ "— no second HA mode —" }</option>
                { for options }
            </select>
            if let Some(p) = problem {
                <p class="error small-note" role="status">{ p }</p>
            }
        </Picture>
    }
}
