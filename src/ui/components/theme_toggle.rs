//! Light / dark / system colour scheme. The CSS follows `prefers-color-scheme`
//! unless `<html data-theme>` says otherwise.

use yew::prelude::*;

use crate::ui::web;

fn next(theme: &str) -> &'static str {
    match theme {
        "" => "light",
        "light" => "dark",
        _ => "",
    }
}

fn label(theme: &str) -> &'static str {
    match theme {
        "light" => "Colour scheme: light",
        "dark" => "Colour scheme: dark",
        _ => "Colour scheme: system",
    }
}

#[function_component(ThemeToggle)]
pub fn theme_toggle() -> Html {
    let theme = use_state(web::stored_theme);
    use_effect_with((*theme).clone(), |t| web::apply_theme(t));
    let on_click = {
        let theme = theme.clone();
        Callback::from(move |_: MouseEvent| {
            let t = next(&theme).to_string();
            web::store_theme(&t);
            theme.set(t);
        })
    };
    let icon = match theme.as_str() {
        "light" => "☀",
        "dark" => "☾",
        _ if web::system_prefers_dark() => "◐",
        _ => "◑",
    };
    html! {
        <button type="button" class="theme" onclick={on_click} title="Switch light / dark / system colour scheme">
            <span aria-hidden="true">{ icon }</span>{ " " }{ label(&theme) }
        </button>
    }
}
