//! One component per file. Forms read the state through [`StateHandle`] and
//! change it only through a typed `Callback<Action>`; result components take the
//! [`avi_sizer::plan::Plan`] and format it.

pub mod address_map_picture;
pub mod allocation_table;
pub mod code_block;
pub mod compare_panel;
pub mod copy_table;
pub mod embed_dialog;
pub mod embed_view;
pub mod exports_panel;
pub mod field;
pub mod format;
pub mod growth_picture;
pub mod group_form;
pub mod headroom_table;
pub mod import_panel;
pub mod issues_list;
pub mod method_section;
pub mod network_tables;
pub mod networks_form;
pub mod nsx_lb_form;
pub mod notices;
pub mod paged_rows;
pub mod picture;
pub mod placement_table;
pub mod presets_bar;
pub mod report_table;
pub mod results_summary;
pub mod routes_table;
pub mod se_map_picture;
pub mod se_group_form;
pub mod share_bar;
pub mod snippets_panel;
pub mod summary_bar;
pub mod supervisor_pictures;
pub mod tables_panel;
pub mod theme_toggle;
pub mod topology_form;
pub mod topology_picture;
pub mod topology_summary;
pub mod vds_form;
pub mod vds_results;
pub mod vpc_form;
pub mod workload_network_form;
pub mod workloads_form;

use yew::prelude::*;

use super::fields::Field;
use super::state::{Action, State};

/// Read access to the page state (equality is by revision, so cheap).
pub type StateHandle = UseReducerHandle<State>;

/// Props of the input forms.
#[derive(Properties, PartialEq, Clone)]
pub struct FormProps {
    pub state: StateHandle,
    pub on_action: Callback<Action>,
}

/// One labelled input for `field`.
pub fn field(props: &FormProps, field: Field) -> Html {
    html! { <field::FieldInput view={props.state.field_view(field)} on_action={props.on_action.clone()} /> }
}
