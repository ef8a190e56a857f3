//! One of the engine's tables (`report::tables`), as the page shows it: the same
//! definition the Markdown and CSV exports render, so the page and the exports
//! cannot disagree. The first column is the row header. A wide table scrolls in its
//! wrapper, which is therefore a named region the keyboard can reach.

use crate::report::table::Table;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReportTableProps {
    pub table: Table,
    pub testid: String,
}

#[function_component(ReportTable)]
pub fn report_table(props: &ReportTableProps) -> Html {
    let t = &props.table;
    let head = t.header.iter().map(|h| html! { <th scope="col">{ h.clone() }</th> });
    let rows = t.rows.iter().map(|r| {
        let mut cells = r.iter();
        let first = cells.next().cloned().unwrap_or_default();
        html! {
            <tr>
                <th scope="row">{ first }</th>
                { for cells.map(|c| html! { <td>{ c.clone() }</td> }) }
            </tr>
        }
    });
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label={t.title.clone()}>
            <table data-testid={props.testid.clone()}>
                <caption>{ t.title.clone() }</caption>
                <thead><tr>{ for head }</tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
