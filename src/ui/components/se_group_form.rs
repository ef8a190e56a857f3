//! The Avi SE group every Supervisor's group starts from, the optional DNS SE
//! group, and (folded) the per-vCPU performance figures.

use yew::prelude::*;

use super::{field, FormProps};
use crate::ui::fields::{CapField, Field, SeField};

const HA: [SeField; 5] = [SeField::HaMode, SeField::ScaleFactor, SeField::MaxScaleout, SeField::BufferSes, SeField::Placement];
const LIMITS: [SeField; 3] = [SeField::DataNics, SeField::MaxVsPerSe, SeField::MaxSe];
const SIZE: [SeField; 3] = [SeField::Vcpus, SeField::MemoryGb, SeField::DiskGb];
const CAPACITY: [CapField; 10] = [
    CapField::Throughput,
    CapField::MaxThroughput,
    CapField::HttpRps,
    CapField::MaxHttpRps,
    CapField::SslGbps,
    CapField::MaxSslGbps,
    CapField::Rsa,
    CapField::MaxRsa,
    CapField::Ecc,
    CapField::MaxEcc,
];

#[function_component(SeGroupForm)]
pub fn se_group_form(props: &FormProps) -> Html {
    let row = |fields: &[SeField]| -> Html { fields.iter().map(|&f| field(props, Field::Se(f))).collect() };
    let capacity: Html = CAPACITY.iter().map(|&f| field(props, Field::Cap(f))).collect();
    let dns = props.state.scenario.dns_se_group.is_some();
    let capacity_open = !props.state.scenario.capacity.is_empty();
    // Per-Supervisor overrides come only from imported links; say they exist.
    let overridden: Vec<String> =
        props.state.scenario.supervisors.iter().filter(|s| !s.se_group.is_empty()).map(|s| s.name.clone()).collect();
    let override_note = (!overridden.is_empty()).then(|| {
        format!(
            "{} override some of these settings for their own SE group (from the loaded scenario); the results apply them.",
            overridden.join(", ")
        )
    });
    html! {
        <fieldset class="section" id="section-se-group">
            <legend>{ "Avi SE group" }</legend>
            <p class="muted">{ "One SE group per Supervisor, shared by the Supervisor and all its namespaces; SEs run one-arm." }</p>
            if let Some(note) = override_note { <p class="notice info">{ note }</p> }
            <div class="grid">{ row(&HA) }</div>
            <div class="grid">{ row(&LIMITS) }</div>
            <div class="grid">{ row(&SIZE) }</div>
            <div class="grid">
                { field(props, Field::DnsEnabled) }
                if dns { { field(props, Field::DnsVs) } }
            </div>
            <details open={capacity_open}>
                <summary>{ "Performance per vCPU (capacity estimate)" }</summary>
                <div class="grid">{ capacity }</div>
            </details>
        </fieldset>
    }
}
