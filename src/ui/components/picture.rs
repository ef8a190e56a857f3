//! The frame of one picture: a heading, the engine's SVG inline, a caption and a
//! button that downloads the same SVG as a file. Extra controls (a comparison
//! select) come in as children.

use yew::prelude::*;

use crate::ui::web;

#[derive(Properties, PartialEq)]
pub struct PictureProps {
    /// `picture-{kind}-{supervisor index}` (`picture-topology` for the design).
    pub testid: AttrValue,
    pub title: AttrValue,
    pub caption: AttrValue,
    /// The SVG document from `report::svg`.
    pub svg: AttrValue,
    pub file_name: AttrValue,
    #[prop_or_default]
    pub children: Html,
}

/// A file name from free text (a Supervisor name): letters, digits, `-` and `_`.
pub fn file_part(s: &str) -> String {
    let cleaned: String = s.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect();
    let trimmed = cleaned.trim_matches('-');
    if trimmed.is_empty() {
        "supervisor".to_string()
    } else {
        trimmed.chars().take(48).collect()
    }
}

#[function_component(Picture)]
pub fn picture(props: &PictureProps) -> Html {
    let failed = use_state(|| false);
    let on_download = {
        let svg = props.svg.clone();
        let name = props.file_name.clone();
        let failed = failed.clone();
        Callback::from(move |_: MouseEvent| failed.set(web::download(&name, "image/svg+xml", &svg).is_err()))
    };
    // The accessible name starts with the visible text (WCAG 2.5.3).
    let label = format!("Download SVG of the {}", props.title.to_lowercase());
    let svg = Html::from_html_unchecked(props.svg.clone());
    html! {
        <figure class="picture" data-testid={props.testid.clone()}>
            <div class="picture-head">
                <h3>{ props.title.clone() }</h3>
                <div class="picture-tools">
                    { props.children.clone() }
                    <button type="button" class="small" onclick={on_download} aria-label={label}
                        data-testid={format!("{}-download", props.testid)}>{ "Download SVG" }</button>
                </div>
            </div>
            <div class="picture-svg">{ svg }</div>
            <figcaption>{ props.caption.clone() }</figcaption>
            if *failed {
                <p class="error" role="alert">{ "This browser refused the download." }</p>
            }
        </figure>
    }
}
