//! Each Supervisor's networks: the pool to carve from, Ingress, Egress, namespace
//! network and prefix, service CIDR and management start.

use yew::prelude::*;

use super::{field, FormProps};
use crate::scenario::PlatformKind;
use crate::ui::fields::{Field, NetField};

const FIELDS: [NetField; 8] = [
    NetField::AddressPool,
    NetField::GrowthPercent,
    NetField::IngressCidr,
    NetField::EgressCidr,
    NetField::NamespaceNetwork,
    NetField::SubnetPrefix,
    NetField::ServiceCidr,
    NetField::ManagementStart,
];

/// The networks a Supervisor on VDS has here (the rest are under VDS networking).
const VDS: [NetField; 3] = [NetField::GrowthPercent, NetField::ServiceCidr, NetField::ManagementStart];
/// The networks a Supervisor on NSX VPCs has here (the rest are under NSX VPCs).
const VPC: [NetField; 4] = [NetField::GrowthPercent, NetField::SubnetPrefix, NetField::ServiceCidr, NetField::ManagementStart];

fn supervisor(props: &FormProps, i: usize, name: &str, nat: bool, platform: PlatformKind) -> Html {
    let has = |f: NetField| match platform {
        PlatformKind::Vds => VDS.contains(&f),
        PlatformKind::NsxVpc => VPC.contains(&f),
        PlatformKind::NsxAvi => nat || f != NetField::EgressCidr,
    };
    let fields = FIELDS
        .iter()
        .filter(|&&f| has(f) || props.state.field_view(Field::Net(i, f)).error.is_some())
        .map(|&f| field(props, Field::Net(i, f)));
    let legend = format!("Networks of {name}");
    html! {
        <fieldset class="sub">
            <legend>{ legend }</legend>
            <div class="grid">{ for fields }</div>
        </fieldset>
    }
}

#[function_component(NetworksForm)]
pub fn networks_form(props: &FormProps) -> Html {
    let sups = props
        .state
        .scenario
        .supervisors
        .iter()
        .enumerate()
        .map(|(i, s)| supervisor(props, i, &s.name, s.nat, s.platform));
    html! {
        <fieldset class="section" id="section-networks">
            <legend>{ "Networks" }</legend>
            <p class="muted">
                { "Networks left empty are carved from the address pool with growth headroom; Ingress, Egress and \
                   namespace networks can only be appended to once the Supervisor is enabled." }
            </p>
            { for sups }
        </fieldset>
    }
}
