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
