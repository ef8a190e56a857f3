//! CSV exports: every table of the plan, one file each (see [`files`]).

use super::tables;
use crate::plan::Plan;

/// `(file name, CSV text)` for every table of the plan.
pub fn files(plan: &Plan) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for sp in &plan.supervisors {
        for t in tables::supervisor_tables(sp) {
            out.push((format!("{}.csv", t.key), t.csv()));
        }
    }
    out
}

/// One row per SE of every Supervisor, the Supervisor in the first column.
pub fn service_engines(plan: &Plan) -> String {
    let mut out = String::new();
    for (i, sp) in plan.supervisors.iter().enumerate() {
        let t = tables::se_placement(sp);
        let csv = t.csv();
        let mut lines = csv.split_terminator("\r\n");
        let header = lines.next().unwrap_or_default();
        if i == 0 {
            out.push_str(&format!("supervisor,{header}\r\n"));
        }
        for l in lines {
            out.push_str(&format!("{},{l}\r\n", super::table::csv_field(&sp.name)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{plan::plan_scenario, scenario::Scenario};

    #[test]
    fn one_row_per_se() {
        let plan = plan_scenario(&Scenario::default()).unwrap();
        let csv = service_engines(&plan);
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(lines.len() as u32, 1 + plan.supervisors[0].service_engines.total);
        assert_eq!(lines[0], "supervisor,SE,role,zone,interfaces,VS slots,T1s (VRFs)");
        assert!(lines[1].starts_with("supervisor-1,se-1,active,-,"), "{}", lines[1]);
    }
}
