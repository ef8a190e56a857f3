//! Markdown: the summary and tables a design document includes.

use super::tables;
use crate::plan::{Plan, SupervisorPlan};
use crate::rules::catalogue;

fn supervisor(out: &mut String, sp: &SupervisorPlan) {
    out.push_str(&format!("## Supervisor `{}`\n\n", sp.name));
    let mut tables = tables::supervisor_tables(sp).into_iter();
    if let Some(summary) = tables.next() {
        out.push_str(&summary.markdown());
        out.push('\n');
    }
    for line in &sp.se.explanation {
        out.push_str(&format!("- {line}\n"));
    }
    if let Some(why) = &sp.se.service_engines.infeasible_reason {
        out.push_str(&format!("- **{why}**\n"));
    }
    out.push('\n');
    for t in tables {
        out.push_str(&format!("### {}\n\n{}\n", t.title, t.markdown()));
    }
    if !sp.networks_planned() {
        out.push_str(&format!("### Networks: {}\n\n", sp.name));
        out.push_str(&format!("{}\n\n", not_planned(sp)));
        for e in &sp.network.errors {
            out.push_str(&format!("- {e}\n"));
        }
        out.push('\n');
    }
    for (title, list) in [("Warnings", &sp.warnings), ("Notes", &sp.notes)] {
        if !list.is_empty() {
            out.push_str(&format!("### {title}\n\n"));
            for w in list {
                out.push_str(&format!("- {}\n", w.message));
            }
            out.push('\n');
        }
    }
}

/// Why a Supervisor's networks are not in the plan, in one sentence.
pub(crate) fn not_planned(sp: &SupervisorPlan) -> &'static str {
    if sp.network.is_error() {
        "The networks are not planned: the errors below must be fixed first. The Service Engine sizing above does not depend on them."
    } else {
        "The networks are not planned: each missing network below says what size it needs. The Service Engine sizing above does not depend on them."
    }
}

/// The whole plan as Markdown.
pub fn markdown(plan: &Plan) -> String {
    let mut out = String::from("# Avi Service Engine and Supervisor network plan\n\n");
    out.push_str(&tables::overview(plan).markdown());
    out.push('\n');
    out.push_str(&tables::controllers(plan).markdown());
    out.push('\n');
    for w in &plan.warnings {
        out.push_str(&format!("- {}\n", w.message));
    }
    for sp in &plan.supervisors {
        supervisor(&mut out, sp);
    }
    method(&mut out, plan);
    out
}

/// What a newer rules version moved, and every rule the answer used with its source.
fn method(out: &mut String, plan: &Plan) {
    let r = &plan.rules;
    if !r.changes.is_empty() {
        out.push_str(&format!(
            "## Rules changes\n\nThis scenario was made under rules {}; it is computed with rules {}, which moved these numbers:\n\n",
            r.made_under, r.version
        ));
        for c in &r.changes {
            out.push_str(&format!("- {}: {}\n", c.scope, c.text));
        }
        out.push('\n');
    }
    out.push_str(&format!("## How this is computed\n\nThe rules this answer used (rules version {}), each with its source.\n\n", r.version));
    for e in catalogue::entries(&r.applied) {
        out.push_str(&format!("- **{}.** {} Source: {}.", e.title, e.text, e.source));
        if let Some(m) = e.modelled {
            out.push_str(&format!(" Modelled here: {m}"));
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use crate::{plan::plan_scenario, scenario::Scenario};

    #[test]
    fn markdown_carries_the_plan_numbers() {
        let plan = plan_scenario(&Scenario::default()).unwrap();
        let md = super::markdown(&plan);
        let total = plan.supervisors[0].service_engines.total;
        assert!(md.contains(&format!("| Total SEs | {total} |")), "{md}");
        assert!(md.contains("| se-1 | active |"), "{md}");
        assert!(md.contains("## Supervisor `supervisor-1`"));
        assert!(md.contains("### Growth steps: supervisor-1"));
    }

    #[test]
    fn how_this_is_computed_lists_the_rules_the_plan_applied_and_what_rules_changed() {
        let plan = plan_scenario(&Scenario::default()).unwrap();
        let md = super::markdown(&plan);
        let method = &md[md.find("## How this is computed").expect("the section")..];
        assert_eq!(method.matches("\n- **").count(), plan.rules.applied.len(), "{method}");
        for id in &plan.rules.applied {
            let e = crate::rules::catalogue::entry(*id);
            assert!(method.contains(&format!("- **{}.** {} Source: {}.", e.title, e.text, e.source)), "{id:?}");
        }
        assert!(method.contains("Modelled here: Buffer SEs are drawn empty"), "{method}");
        assert!(!md.contains("## Rules changes"), "made under the current rules");
        let mut old = Scenario { rules_version: None, ..Scenario::default() };
        old.se_group.data_nics_per_se = Some(10);
        let md = super::markdown(&plan_scenario(&old).unwrap());
        assert!(md.contains("This scenario was made under rules 1; it is computed with rules 2"), "{md}");
        assert!(md.contains("- avi-controller: with rules 1: 4 vCPU per controller node; with rules 2: 6, because"), "{md}");
    }
}
