//! The answer as static HTML: each Supervisor's SE count with its binding constraint
//! and arithmetic, in the markup the browser app uses for the same card, so that a
//! page can show it before (or without) the app. The build writes the default
//! scenario's answer into the app's `index.html` this way (`src/bin/prerender.rs`).
//!
//! Like every renderer it only formats the plan; text it did not write is escaped.

use std::fmt::Write as _;

use super::svg::{esc, thousands};
use crate::design::Design;
use crate::plan::Plan;
use crate::platform;
use crate::sizing::{self, Binding, SePlan};

/// `12345` -> `12,345`.
///
/// ```
/// assert_eq!(avi_sizer::report::html::int(1234567), "1,234,567");
/// assert_eq!(avi_sizer::report::html::int(7), "7");
/// ```
pub fn int(n: u64) -> String {
    thousands(n)
}

/// `n` and the noun, singular or plural: `1 SE`, `1,200 SEs`.
///
/// ```
/// use avi_sizer::report::html::count;
/// assert_eq!(count(1, "SE", "SEs"), "1 SE");
/// assert_eq!(count(1200, "SE", "SEs"), "1,200 SEs");
/// ```
pub fn count(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// The binding constraint in plain words.
pub fn binding_words(b: Binding) -> &'static str {
    match b {
        Binding::Interfaces => "every SE was out of data interfaces (one per T1/VRF it serves)",
        Binding::VirtualServices => "every SE was out of virtual-service slots",
        Binding::ScaleOut => "a virtual service had to scale out onto more distinct SEs",
        Binding::Minimum => "the group needs at least as many SEs as the scale factor",
    }
}

/// One Supervisor's workload in a line: namespaces, virtual services, T1s (or, on
/// VDS, networks) with a VS.
pub fn load_line(sup: &SePlan) -> String {
    let noun = sup.attachment;
    format!(
        "{} · {} · {} with a virtual service",
        count(sup.load.namespaces, "namespace", "namespaces"),
        count(sup.load.virtual_services, "virtual service", "virtual services"),
        count(sup.load.vrfs_with_vs, noun.one, noun.many)
    )
}

/// The sentence naming the binding constraint.
pub fn binding_line(sup: &SePlan) -> String {
    let se = &sup.service_engines;
    format!("Binding constraint: {} — {}.", se.binding.label(), binding_words(se.binding))
}

/// Each Supervisor's answer card: name, HA mode, load, the SE total and why.
/// Element ids and test ids are those of the app's result cards (`se-total-{i}`,
/// `se-binding-{i}`), prefixed ids (`static-…`) so both can never clash.
///
/// ```
/// use avi_sizer::{plan::plan_scenario, report::html, scenario::Scenario};
/// let plan = plan_scenario(&Scenario::default()).unwrap();
/// let card = html::answer(&plan);
/// let total = plan.supervisors[0].service_engines.total;
/// assert!(card.contains(&format!("data-testid=\"se-total-0\">{total}<")));
/// ```
pub fn answer(plan: &Plan) -> String {
    cards(plan.supervisors.iter().map(|s| (s.name.as_str(), &s.se)))
}

/// The same cards from the design alone: the card shows only SE sizing, which never
/// depends on the network plan, so this sizes each Supervisor as [`crate::plan::plan`]
/// does and plans no network (the answer module stays small this way).
///
/// ```
/// use avi_sizer::{design::validate, plan::plan_scenario, report::html, scenario::Scenario};
/// let s = Scenario::default();
/// assert_eq!(html::answer_for(&validate(&s).unwrap()), html::answer(&plan_scenario(&s).unwrap()));
/// ```
pub fn answer_for(design: &Design) -> String {
    let sized: Vec<(&str, SePlan)> = design
        .supervisors
        .iter()
        .enumerate()
        .map(|(i, sup)| {
            let path = format!("supervisors[{i}]");
            (sup.name.as_str(), sizing::size_supervisor(sup, platform::of(sup).se, &path, &design.capacity).0)
        })
        .collect();
    cards(sized.iter().map(|(name, se)| (*name, se)))
}

fn cards<'a>(sups: impl Iterator<Item = (&'a str, &'a SePlan)>) -> String {
    let mut out = String::new();
    for (i, (name, sup)) in sups.enumerate() {
        let se = &sup.service_engines;
        let unit = if se.total == 1 { "Service Engine" } else { "Service Engines" };
        let _ = write!(
            out,
            "<section class=\"card supervisor\" aria-labelledby=\"static-sup-{i}-title\" data-testid=\"supervisor-result-{i}\">\
             <header class=\"card-head\"><h2 id=\"static-sup-{i}-title\">{name}</h2><span class=\"badge\">{mode}</span></header>\
             <p class=\"muted\">{load}</p>\
             <div class=\"hero\"><div class=\"big\"><span class=\"number\" data-testid=\"se-total-{i}\">{total}</span>\
             <span class=\"unit\">{unit}</span></div>\
             <div class=\"why\" data-testid=\"se-binding-{i}\"><p><strong>{binding}</strong></p><p>{arithmetic}</p><p>{placed}</p></div></div>",
            name = esc(name),
            mode = esc(sup.settings.ha_mode.label()),
            load = esc(&load_line(sup)),
            total = int(se.total as u64),
            binding = esc(&binding_line(sup)),
            arithmetic = esc(sup.explanation.get(1).map_or("", String::as_str)),
            placed = esc(sup.explanation.get(2).map_or("", String::as_str)),
        );
        if let Some(reason) = &se.infeasible_reason {
            let _ = write!(out, "<p class=\"alert\" role=\"alert\">{}</p>", esc(reason));
        }
        out.push_str("</section>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::plan_scenario;
    use crate::presets;

    #[test]
    fn every_preset_answers_with_the_plans_numbers() {
        for p in presets::all() {
            let plan = plan_scenario(&p.scenario).unwrap();
            let html = answer(&plan);
            assert_eq!(html.matches("<section").count(), plan.supervisors.len(), "{}", p.key);
            for (i, sup) in plan.supervisors.iter().enumerate() {
                let total = format!("data-testid=\"se-total-{i}\">{}<", int(sup.service_engines.total as u64));
                assert!(html.contains(&total), "{}: {total}", p.key);
                assert!(html.contains(sup.service_engines.binding.label()), "{}", p.key);
            }
            assert_eq!(html.matches("<section").count(), html.matches("</section>").count());
        }
    }

    #[test]
    fn the_answer_from_the_design_is_the_plans() {
        let mut cases: Vec<_> = presets::all().into_iter().map(|p| p.scenario).collect();
        // Network errors do not change the SE answer.
        let mut no_pool = presets::find("single").unwrap().scenario;
        no_pool.supervisors[0].networks.address_pool.clear();
        cases.push(no_pool);
        for s in cases {
            let design = crate::design::validate(&s).unwrap();
            assert_eq!(answer_for(&design), answer(&plan_scenario(&s).unwrap()));
        }
    }

    #[test]
    fn names_are_escaped() {
        let mut s = presets::find("single").unwrap().scenario;
        s.supervisors[0].name = "a<b&\"c".into();
        let html = answer(&plan_scenario(&s).unwrap());
        assert!(html.contains("a&lt;b&amp;&quot;c"), "{html}");
        assert!(!html.contains("a<b"));
    }
}
