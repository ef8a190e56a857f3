//! CSV exports: every table of the plan, one file each ([`file_names`], [`file`]).

use super::tables;
use crate::plan::Plan;

fn kinds(plan: &Plan) -> impl Iterator<Item = (&crate::plan::SupervisorPlan, tables::Kind)> {
    plan.supervisors.iter().flat_map(|sp| tables::supervisor_kinds(sp).into_iter().map(move |k| (sp, k)))
}

/// The CSV file names of the plan's tables, without building them.
pub fn file_names(plan: &Plan) -> Vec<String> {
    kinds(plan).map(|(sp, k)| format!("{}.csv", k.key(sp))).collect()
}

/// The `n`-th file of [`file_names`]: `(file name, CSV text)`.
pub fn file(plan: &Plan, n: usize) -> Option<(String, String)> {
    kinds(plan).nth(n).map(|(sp, k)| (format!("{}.csv", k.key(sp)), k.build(sp).csv()))
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
    fn each_named_file_is_its_table() {
        let plan = plan_scenario(&Scenario::default()).unwrap();
        let sp = &plan.supervisors[0];
        let names = file_names(&plan);
        let tables = tables::supervisor_tables(sp);
        assert_eq!(names.len(), tables.len());
        for (n, t) in tables.iter().enumerate() {
            assert_eq!(file(&plan, n), Some((format!("{}.csv", t.key), t.csv())));
            assert_eq!(names[n], format!("{}.csv", t.key));
        }
        assert_eq!(file(&plan, names.len()), None);
    }

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
