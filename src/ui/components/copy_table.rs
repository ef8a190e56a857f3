//! "Copy as table": puts one of the plan's tables on the clipboard as TSV
//! (spreadsheets) and HTML (wikis, documents). The table is rendered by the
//! engine (`report::tables`) only when the button is pressed.


use crate::plan::Plan;
use crate::report::{table::Table, tables};
use yew::prelude::*;

use crate::ui::state::Shared;

use crate::ui::web;

/// Which of the plan's tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableRef {
    Controllers,
    Placement(usize),
    Growth(usize),
    Networks(usize),
    Groups(usize),
    Allocations(usize),
    Routes(usize),
}

/// The engine's table, `None` when the Supervisor is gone.
pub fn build(plan: &Plan, table: TableRef) -> Option<Table> {
    let sup = |i: usize| plan.supervisors.get(i);
    Some(match table {
        TableRef::Controllers => tables::controllers(plan),
        TableRef::Placement(i) => tables::se_placement(sup(i)?),
        TableRef::Growth(i) => tables::growth_steps(sup(i)?),
        TableRef::Networks(i) => tables::networks(sup(i)?),
        TableRef::Groups(i) => tables::groups(sup(i)?),
        TableRef::Allocations(i) => tables::allocations(sup(i)?),
        TableRef::Routes(i) => tables::routes(sup(i)?),
    })
}

#[derive(Properties, PartialEq)]
pub struct CopyTableProps {
    pub plan: Shared<Plan>,
    pub table: TableRef,
}

#[derive(Clone, Copy, PartialEq)]
enum Status {
    Idle,
    Copied,
    Failed,
}

fn label(status: Status) -> &'static str {
    match status {
        Status::Idle => "Copy as table",
        Status::Copied => "Copied ✓",
        Status::Failed => "Copy refused by the browser",
    }
}

#[function_component(CopyTable)]
pub fn copy_table(props: &CopyTableProps) -> Html {
    let status = use_state(|| Status::Idle);
    let on_click = {
        let status = status.clone();
        let plan = props.plan.clone();
        let which = props.table;
        Callback::from(move |_: MouseEvent| {
            let Some(table) = build(&plan, which) else { return };
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = web::copy_table(&table.tsv(), &table.html()).await.is_ok();
                status.set(if ok { Status::Copied } else { Status::Failed });
                let status = status.clone();
                gloo::timers::callback::Timeout::new(2500, move || status.set(Status::Idle)).forget();
            });
        })
    };
    html! {
        <button type="button" class="small copy-table" onclick={on_click} aria-live="polite"
            title="Copies the table for a spreadsheet (tab-separated) or a wiki (HTML)">
            { label(*status) }
        </button>
    }
}
