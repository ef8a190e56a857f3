//! Markdown: the summary and tables a design document includes.

use super::tables;
use crate::plan::{Plan, SupervisorPlan};

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
    if !sp.warnings.is_empty() {
        out.push_str("### Warnings\n\n");
        for w in &sp.warnings {
            out.push_str(&format!("- {}\n", w.message));
        }
        out.push('\n');
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
    out
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
}
