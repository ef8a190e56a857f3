//! The notice area (`data-testid="notice"`): whether the results belong to an
//! earlier input, and messages such as a link that could not be read.

use yew::prelude::*;

use super::FormProps;
use crate::ui::state::{Action, NoticeKind};

fn kind_class(kind: NoticeKind) -> &'static str {
    match kind {
        NoticeKind::Info => "info",
        NoticeKind::Success => "success",
        NoticeKind::Error => "error",
    }
}

#[function_component(Notices)]
pub fn notices(props: &FormProps) -> Html {
    let state = &props.state;
    let stale = state.stale();
    let no_plan = state.plan.is_none();
    let items = state.notices.iter().map(|n| {
        let id = n.id;
        let cb = props.on_action.clone();
        let on_dismiss = Callback::from(move |_: MouseEvent| cb.emit(Action::Dismiss(id)));
        html! {
            <li class={classes!("notice", kind_class(n.kind))} key={n.id}>
                <span>{ n.text.clone() }</span>
                <button type="button" class="dismiss" onclick={on_dismiss} aria-label="Dismiss this notice">{ "×" }</button>
            </li>
        }
    });
    html! {
        <div class="notices" data-testid="notice" role="status" aria-live="polite">
            <ul>
                if stale {
                    <li class="notice stale" data-testid="stale-notice">
                        <span>
                            <strong>{ "Some input is not valid" }</strong>
                            { ": showing results for the last valid input. The fields marked in red say what to fix." }
                        </span>
                    </li>
                }
                if no_plan {
                    <li class="notice error">
                        <span>{ "No results yet: the input has errors (listed under Results). Fix them or load a preset." }</span>
                    </li>
                }
                { for items }
            </ul>
        </div>
    }
}
