//! Renders a [`Plan`] for people and other tools: JSON, Markdown tables for design
//! documents, CSV of the allocation tables and configuration snippets.
//!
//! Renderers only format; every number comes from the plan.

pub mod csv;
mod markdown;
pub mod snippets;

pub use markdown::markdown;

use crate::plan::Plan;

/// The plan as pretty JSON (the `sizer plan` default output).
pub fn json(plan: &Plan) -> String {
    serde_json::to_string_pretty(plan).unwrap_or_default()
}

/// A Markdown table: a header row, the separator, then the rows; `|` in cells escaped.
pub(crate) fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let esc = |c: &str| c.replace('|', "\\|").replace('\n', " ");
    let mut out = format!("| {} |\n", header.join(" | "));
    out.push_str(&format!("|{}\n", header.iter().map(|_| "---|").collect::<String>()));
    for r in rows {
        out.push_str(&format!("| {} |\n", r.iter().map(|c| esc(c)).collect::<Vec<_>>().join(" | ")));
    }
    out
}
