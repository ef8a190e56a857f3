//! The placement table: what each SE holds (VSes, data interfaces, T1s) and why it
//! was created, then the buffer and zone-spare SEs.


use crate::plan::Plan;
use crate::sizing::{SeRole, SeUse};
use yew::prelude::*;

use crate::ui::state::Shared;

use super::format::int;
use super::copy_table::{CopyTable, TableRef};
use super::paged_rows::PagedTable;

#[derive(Properties, PartialEq)]
pub struct PlacementProps {
    pub plan: Shared<Plan>,
    pub index: usize,
}

/// T1s listed in a cell before "and N more".
const VRFS_SHOWN: usize = 6;

fn role(r: SeRole) -> &'static str {
    match r {
        SeRole::Active => "active",
        SeRole::Standby => "standby",
        SeRole::Buffer => "buffer",
        SeRole::ZoneSpare => "zone spare",
    }
}

fn vrfs(se: &SeUse) -> String {
    let mut text = se.vrfs.iter().take(VRFS_SHOWN).cloned().collect::<Vec<_>>().join(", ");
    if se.vrfs.len() > VRFS_SHOWN {
        text.push_str(&format!(" and {} more", se.vrfs.len() - VRFS_SHOWN));
    }
    if text.is_empty() {
        text.push('—');
    }
    text
}

fn row(se: &SeUse, zoned: bool) -> Html {
    let zone = se.zone.map(|z| z.to_string()).unwrap_or_default();
    let vs = format!("{} / {}", int(se.virtual_services as u64), int(se.vs_slots as u64));
    let nics = format!("{} / {}", se.interfaces_used, se.interfaces);
    let why = se.created_because.map(|b| b.label()).unwrap_or("spare capacity");
    html! {
        <tr class={role(se.role).replace(' ', "-")}>
            <th scope="row" class="num">{ format!("SE {}", se.index) }</th>
            <td>{ role(se.role) }</td>
            if zoned { <td class="num">{ zone }</td> }
            <td class="num">{ vs }</td>
            <td class="num">{ nics }</td>
            <td class="vrfs">{ vrfs(se) }</td>
            <td>{ why }</td>
        </tr>
    }
}

#[function_component(PlacementTable)]
pub fn placement_table(props: &PlacementProps) -> Html {
    let Some(sup) = props.plan.supervisors.get(props.index) else { return Html::default() };
    let placement = &sup.service_engines.placement;
    if placement.is_empty() {
        return Html::default();
    }
    let zoned = placement.iter().any(|s| s.zone.is_some());
    let len = placement.len();
    let (plan, index) = (props.plan.clone(), props.index);
    let rows = Callback::from(move |k: usize| {
        plan.supervisors
            .get(index)
            .and_then(|p| p.service_engines.placement.get(k))
            .map(|se| row(se, zoned))
            .unwrap_or_default()
    });
    let head = html! {
        <tr>
            <th scope="col">{ "SE" }</th>
            <th scope="col">{ "Role" }</th>
            if zoned { <th scope="col">{ "Zone" }</th> }
            <th scope="col">{ "VSes / slots" }</th>
            <th scope="col">{ "Data NICs used" }</th>
            <th scope="col">{ "T1s (VRFs) served" }</th>
            <th scope="col">{ "Created for" }</th>
        </tr>
    };
    let testid = format!("placement-{}", props.index);
    let tools = html! { <CopyTable plan={props.plan.clone()} table={TableRef::Placement(props.index)} /> };
    html! {
        <div class="placement">
            <h3>{ "Placement" }</h3>
            <PagedTable caption="What each Service Engine holds" {head} {len} row={rows} page={12} {testid} {tools} />
        </div>
    }
}
