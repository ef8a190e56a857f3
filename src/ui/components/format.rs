//! Formatting of numbers the plan gives: grouping, units, plurals. No arithmetic
//! on results happens here beyond presentation.

pub use crate::report::html::{count, int};

/// A decimal with at most one digit after the point.
pub fn dec(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        int(x as u64)
    } else {
        format!("{x:.1}")
    }
}
