//! CSV of the plan's tables, for spreadsheets (RFC 4180 quoting).

use crate::plan::Plan;

/// Quotes a field when it holds a comma, a quote or a line break.
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

pub(crate) fn rows(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = header.join(",");
    out.push_str("\r\n");
    for r in rows {
        out.push_str(&r.iter().map(|c| field(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

/// One row per SE of every Supervisor.
pub fn service_engines(plan: &Plan) -> String {
    rows(
        &["supervisor", "se", "role", "zone", "interfaces_used", "interfaces", "virtual_services", "vs_slots", "vrfs"],
        plan.supervisors.iter().flat_map(|sp| {
            sp.se.service_engines.placement.iter().map(move |p| {
                vec![
                    sp.name.clone(),
                    format!("se-{}", p.index),
                    serde_json::to_value(p.role).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default(),
                    p.zone.map(|z| z.to_string()).unwrap_or_default(),
                    p.interfaces_used.to_string(),
                    p.interfaces.to_string(),
                    p.virtual_services.to_string(),
                    p.vs_slots.to_string(),
                    p.vrfs.join(" "),
                ]
            })
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{plan::plan_scenario, scenario::Scenario};

    #[test]
    fn quoting() {
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("plain"), "plain");
    }

    #[test]
    fn one_row_per_se() {
        let plan = plan_scenario(&Scenario::default()).unwrap();
        let csv = service_engines(&plan);
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(lines.len() as u32, 1 + plan.supervisors[0].service_engines.total);
        assert!(lines[1].starts_with("supervisor-1,se-1,active,,"), "{}", lines[1]);
    }
}
