//! Renders a [`Plan`] for people and other tools: JSON, Markdown tables for design
//! documents, CSV of the allocation tables and configuration snippets.
//!
//! Renderers only format; every number comes from the plan.

pub mod csv;
pub mod html;
mod markdown;
pub mod snippets;
pub mod svg;
pub mod table;
pub mod tables;

pub use markdown::markdown;

use crate::plan::Plan;

/// The plan as pretty JSON (the `sizer plan` default output).
pub fn json(plan: &Plan) -> String {
    serde_json::to_string_pretty(plan).unwrap_or_default()
}

/// The NSX load balancer beside Avi, per Supervisor, as JSON (`sizer compare-lb`):
/// `{"supervisors": [{"name", "avi", "nsx_lb"}]}` from a plan made by
/// [`crate::nsx_lb::plan_compared`].
pub fn nsx_lb_json(plan: &Plan) -> String {
    serde_json::to_string_pretty(&serde_json::json!({ "supervisors": crate::nsx_lb::comparisons(plan) })).unwrap_or_default()
}

/// The same as Markdown: per Supervisor on NSX the comparison, the load balancers,
/// the findings and the status per release (the tables the page shows).
pub fn nsx_lb_markdown(plan: &Plan) -> String {
    let mut out = String::from("# The NSX load balancer beside Avi\n\n");
    for sp in &plan.supervisors {
        out.push_str(&format!("## Supervisor `{}`\n\n", sp.name));
        if sp.nsx_lb.is_none() {
            out.push_str("On VDS networking: there is no NSX load balancer to compare.\n\n");
            continue;
        }
        for t in [tables::nsx_lb_compare(sp), tables::nsx_lb_instances(sp), tables::nsx_lb_findings(sp), tables::nsx_lb_status(sp)] {
            out.push_str(&format!("### {}\n\n{}\n", t.title, t.markdown()));
        }
    }
    out
}
