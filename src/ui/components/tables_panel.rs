//! Some of a Supervisor's engine tables (`report::tables` kinds), under a heading:
//! the NSX VPC tables and the NSX load balancer comparison. The tables are built by
//! the engine once per plan, as the exports render them.

use yew::prelude::*;

use super::report_table::ReportTable;
use crate::plan::Plan;
use crate::report::tables::Kind;
use crate::ui::state::Shared;

#[derive(Properties, PartialEq)]
pub struct TablesPanelProps {
    pub plan: Shared<Plan>,
    pub index: usize,
    pub title: AttrValue,
    /// `data-testid` of the section; each table's is `{testid}-{n}`.
    pub testid: AttrValue,
    pub kinds: Vec<Kind>,
}

#[function_component(TablesPanel)]
pub fn tables_panel(props: &TablesPanelProps) -> Html {
    let built = {
        let (plan, kinds, i) = (props.plan.clone(), props.kinds.clone(), props.index);
        use_memo((props.plan.ptr(), i, props.kinds.clone()), move |_| {
            plan.supervisors.get(i).map(|sp| kinds.iter().map(|k| k.build(sp)).collect::<Vec<_>>()).unwrap_or_default()
        })
    };
    let tables = built.iter().enumerate().map(|(n, t)| html! { <ReportTable table={t.clone()} testid={format!("{}-{n}", props.testid)} /> });
    html! {
        <section class="tables-panel" aria-label={props.title.clone()} data-testid={props.testid.clone()}>
            <h3>{ props.title.clone() }</h3>
            { for tables }
        </section>
    }
}
