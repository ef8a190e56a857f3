//! Sizing calculator for vSphere Supervisor networking with NSX and the Avi load
//! balancer.
//!
//! The engine is pure Rust with no UI dependency: a [`scenario::Scenario`] (what the
//! user typed) is validated by [`design::validate`] into a [`design::Design`], from
//! which [`plan::plan`] computes the Service Engine sizing ([`sizing`]) and the
//! network plan ([`network`]), each following the rules of the Supervisor's
//! [`platform`] and the current [`rules`] version (which also says what an older
//! version gave, and keeps the catalogue of every rule with its source);
//! [`report`] renders a plan as Markdown, CSV and configuration snippets. The
//! browser app ([`ui`], wasm32 only) and the `sizer` CLI are thin shells around
//! these functions.
//!
//! ```
//! use avi_sizer::{plan::plan_scenario, scenario::Scenario};
//! let plan = plan_scenario(&Scenario::default()).unwrap();
//! assert!(plan.supervisors[0].service_engines.total >= 2);
//! ```

pub mod compare;
pub mod design;
pub mod error;
pub mod link;
pub mod network;
pub mod nsx_lb;
pub mod plan;
pub mod platform;
pub mod presets;
pub mod report;
pub mod rules;
pub mod scenario;
pub mod sizing;

#[cfg(target_arch = "wasm32")]
pub mod ui;
