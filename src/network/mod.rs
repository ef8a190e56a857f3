//! Network carving and validation (DOMAIN.md section 3). PLACEHOLDER: being written.

use serde::Serialize;

use crate::design::{Design, SupervisorDesign};
use crate::error::{FieldError, Warning};

#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct NetPlan {}

pub fn plan_supervisor(_sup: &SupervisorDesign, _index: usize) -> Result<(NetPlan, Vec<Warning>), Vec<FieldError>> {
    Ok((NetPlan::default(), Vec::new()))
}

pub fn check_across_supervisors(_design: &Design) -> Vec<FieldError> {
    Vec::new()
}
