//! A table that shows its first rows and offers the rest on request, so that a
//! plan with thousands of namespaces stays a readable (and fast) page.

use yew::prelude::*;

use super::format;

#[derive(Properties, PartialEq)]
pub struct PagedProps {
    /// The table's caption (also names it for screen readers).
    pub caption: AttrValue,
    /// The `<tr>` of column headers.
    pub head: Html,
    /// How many rows there are.
    pub len: usize,
    /// Renders row `i` (only the rows shown are rendered).
    pub row: Callback<usize, Html>,
    /// Rows shown before "Show more".
    #[prop_or(12)]
    pub page: usize,
    #[prop_or_default]
    pub testid: AttrValue,
    /// Buttons above the table (copy as table).
    #[prop_or_default]
    pub tools: Html,
}

#[function_component(PagedTable)]
pub fn paged_table(props: &PagedProps) -> Html {
    let shown = use_state(|| props.page);
    let total = props.len;
    let visible = (0..total.min(*shown)).map(|i| props.row.emit(i));
    let rest = total.saturating_sub(*shown);
    let on_more = {
        let shown = shown.clone();
        let page = props.page;
        Callback::from(move |_: MouseEvent| shown.set(*shown + page * 4))
    };
    let on_all = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(total))
    };
    let more_label = format!("Show {} more", format::int(rest.min(props.page * 4) as u64));
    let all_label = format!("Show all {}", format::int(total as u64));
    let summary = format!("Showing {} of {} rows.", format::int((*shown).min(total) as u64), format::int(total as u64));
    html! {
        <div class="table-wrap">
            <div class="table-tools">{ props.tools.clone() }</div>
            <table data-testid={props.testid.clone()}>
                <caption>{ props.caption.clone() }</caption>
                <thead>{ props.head.clone() }</thead>
                <tbody>{ for visible }</tbody>
            </table>
            if rest > 0 {
                <div class="actions more">
                    <span class="muted">{ summary }</span>
                    <button type="button" onclick={on_more}>{ more_label }</button>
                    <button type="button" onclick={on_all}>{ all_label }</button>
                </div>
            }
        </div>
    }
}
