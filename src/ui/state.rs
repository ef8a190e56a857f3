//! The page's state and its reducer.
//!
//! [`State`] holds the [`Scenario`] being edited, the text of every field as typed
//! (so that text which does not parse stays in its field), the engine's errors for
//! the current scenario, the last valid [`Plan`] (shown, with a notice, while the
//! input is invalid) and the notices. Every change is an [`Action`]; the reducer is
//! plain Rust with no browser access, and calls the engine to derive the plan.

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::error::{FieldError, WarningKind};
use crate::link;
use crate::plan::{self, plan_scenario, ImportError, Plan};
use crate::presets;
use crate::scenario::{HaMode, NamespaceGroup, Scenario, Supervisor, Topology};
use yew::Reducible;

use super::fields::{Field, GroupField, Kind, Meta, SeField, SupField};

/// A value shared by components and equal only to itself (by pointer): comparing two
/// plans field by field on every render costs as much as drawing them, and a new
/// plan is always a new `Shared`.
#[derive(Debug)]
pub struct Shared<T>(Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        Shared(Rc::new(value))
    }

    /// The address, for memo keys.
    pub fn ptr(&self) -> usize {
        Rc::as_ptr(&self.0) as usize
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// How loud a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Success,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub id: u32,
    pub kind: NoticeKind,
    pub text: String,
}

/// A field's text as typed, and why it does not parse (if it does not).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawText {
    pub text: String,
    pub error: Option<String>,
}

/// Everything a field component shows.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldView {
    pub field: Field,
    pub id: String,
    pub meta: Meta,
    pub default: String,
    pub text: String,
    /// The message beside the field: a parse error or the engine's errors for it.
    pub error: Option<String>,
}

/// Every change the page can make.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Text typed (or a choice made) in a field.
    Edit(Field, String),
    AddGroup(usize),
    DuplicateGroup(usize, usize),
    RemoveGroup(usize, usize),
    AddSupervisor,
    RemoveSupervisor(usize),
    /// VDS: a workload network more on Supervisor `i`.
    AddWorkloadNetwork(usize),
    /// VDS: removes workload network `k` of Supervisor `i`.
    RemoveWorkloadNetwork(usize, usize),
    /// NSX VPCs: a pre-created VPC more on Supervisor `i`.
    AddSharedVpc(usize),
    /// NSX VPCs: removes pre-created VPC `k` of Supervisor `i`.
    RemoveSharedVpc(usize, usize),
    LoadPreset(String),
    /// A URL fragment (`#s=v1...`) to load, e.g. after the user pasted a link.
    LoadFragment(String),
    /// Back to the default scenario.
    Reset,
    /// Plans the scenario of this revision ([`State::srev`]) if it is still the
    /// current one and not planned yet; sent after the typed text is on screen,
    /// so typing never waits for a plan and a plan overtaken by a keystroke is skipped.
    Replan(u64),
    Notify(NoticeKind, String),
    Dismiss(u32),
    /// Scenario JSON from a file or pasted text: loaded when it reads and plans,
    /// otherwise refused with the path and reason (the current scenario stays).
    Import(String),
    /// An import that failed before reading (the file could not be read).
    ImportRefused(String),
    /// Pins the current scenario as "A" of the comparison (the page is then "B").
    Pin,
    /// Ends the comparison.
    Unpin,
    /// Pins the current scenario as A, then applies a change to the page (B).
    WhatIf(WhatIf),
}

/// A quick what-if of the comparison: a change made through the same typed
/// edits as the inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhatIf {
    /// Every SE group in this HA mode (the scenario-wide setting).
    HaMode(HaMode),
    /// More namespaces in the last group of the last Supervisor.
    MoreNamespaces(u32),
}

impl WhatIf {
    pub fn label(self) -> String {
        match self {
            WhatIf::HaMode(m) => format!("What if: {}", m.label()),
            WhatIf::MoreNamespaces(n) => format!("What if: +{n} namespaces in the last group"),
        }
    }
}

/// The scenario pinned as "A" of a comparison, with its plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Pinned {
    pub scenario: Shared<Scenario>,
    pub plan: Shared<Plan>,
}

#[derive(Debug, Clone)]
pub struct State {
    /// Bumped on every change: cheap equality for component props.
    pub rev: u64,
    pub scenario: Scenario,
    /// Bumped when typing changes the scenario, which is then planned later
    /// ([`Action::Replan`]).
    pub srev: u64,
    /// True while the scenario typed has not been planned yet.
    pub pending: bool,
    /// Field JSON path -> text as typed.
    pub raw: BTreeMap<String, RawText>,
    /// The engine's errors for the current scenario: the fields that stop it from
    /// validating, or (when it plans) the networks the plan could not make.
    pub errors: Rc<Vec<FieldError>>,
    /// The plan of the last scenario that planned.
    pub plan: Option<Shared<Plan>>,
    /// The scenario [`State::plan`] was computed from (pictures that need the
    /// design, re-plans for comparison).
    pub planned: Shared<Scenario>,
    /// Scenario "A" of the comparison, when one is pinned.
    pub pinned: Option<Pinned>,
    /// Why the last import was refused (shown beside the import controls).
    pub import_error: Option<String>,
    pub notices: Vec<Notice>,
    next_notice: u32,
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        self.rev == other.rev
    }
}

/// Notices kept at once (oldest dropped first).
const MAX_NOTICES: usize = 4;

impl State {
    fn new(scenario: Scenario) -> State {
        let mut s = State {
            rev: 0,
            scenario,
            srev: 0,
            pending: false,
            raw: BTreeMap::new(),
            errors: Rc::new(Vec::new()),
            plan: None,
            planned: Shared::new(Scenario::default()),
            pinned: None,
            import_error: None,
            notices: Vec::new(),
            next_notice: 1,
        };
        s.replan();
        s
    }

    /// The starting state: the scenario in the URL fragment if there is one (a bad
    /// link gives a notice and the default), else the one saved in the browser,
    /// else the default.
    pub fn initial(fragment: &str, stored: Option<&str>) -> State {
        let fragment = fragment.trim().trim_start_matches('#');
        if !fragment.is_empty() {
            return match link::decode(fragment) {
                Ok(scenario) => State::new(scenario),
                Err(e) => {
                    let mut s = State::new(Scenario::default());
                    s.notify(NoticeKind::Error, bad_link_text(&e));
                    s
                }
            };
        }
        match stored.map(Scenario::from_json) {
            Some(Ok(scenario)) => State::new(scenario),
            Some(Err(_)) => {
                let mut s = State::new(Scenario::default());
                s.notify(
                    NoticeKind::Info,
                    "The scenario saved in this browser could not be read (an older version?); starting from the default.",
                );
                s
            }
            None => State::new(Scenario::default()),
        }
    }

    /// True while the results shown belong to an earlier input (a network error
    /// does not make them stale: the plan holds it, and its SE result is current).
    pub fn stale(&self) -> bool {
        self.plan.is_some() && (*self.planned != self.scenario || self.raw.values().any(|r| r.error.is_some()))
    }

    /// Fields whose text does not parse: (path, text, message).
    pub fn parse_errors(&self) -> Vec<(String, String, String)> {
        self.raw
            .iter()
            .filter_map(|(path, r)| r.error.as_ref().map(|e| (path.clone(), r.text.clone(), e.clone())))
            .collect()
    }

    /// What the field component for `field` shows.
    pub fn field_view(&self, field: Field) -> FieldView {
        let path = field.path();
        let raw = self.raw.get(&path);
        let text = raw.map(|r| r.text.clone()).or_else(|| field.get(&self.scenario)).unwrap_or_default();
        let error = match raw.and_then(|r| r.error.clone()) {
            Some(e) => Some(e),
            None => {
                // The engine's errors for the field, and a value it computed with
                // another (data interfaces above 9): marked beside the field, text kept.
                let adjusted = self.plan.iter().flat_map(|p| p.supervisors.iter().flat_map(|s| &s.warnings));
                let own: Vec<String> = self
                    .errors
                    .iter()
                    .filter(|e| field.owns(&e.path))
                    .map(|e| FieldError { path: String::new(), ..e.clone() }.to_string())
                    .chain(adjusted.filter(|w| w.kind == WarningKind::InputAdjusted && field.owns(&w.path)).map(|w| w.message.clone()))
                    .collect();
                (!own.is_empty()).then(|| own.join("; "))
            }
        };
        FieldView { field, id: field.id(), meta: field.meta(), default: field.default_text(&self.scenario), text, error }
    }

    /// A change the user made: the scenario is now made under the current rules
    /// (what it records in exports and links), then planned.
    fn touched(&mut self) {
        self.scenario.rules_version = Some(crate::rules::CURRENT);
        self.replan();
    }

    fn replan(&mut self) {
        self.pending = false;
        match plan_scenario(&self.scenario) {
            Ok(plan) => self.set_plan(plan),
            Err(errors) => self.errors = Rc::new(errors),
        }
    }

    /// Records `plan` as the plan of the current scenario; its network errors
    /// mark their fields.
    fn set_plan(&mut self, plan: Plan) {
        self.errors = Rc::new(plan.network_errors());
        self.plan = Some(Shared::new(plan));
        self.planned = Shared::new(self.scenario.clone());
    }

    fn notify(&mut self, kind: NoticeKind, text: impl Into<String>) {
        let text = text.into();
        self.notices.retain(|n| n.text != text);
        self.notices.push(Notice { id: self.next_notice, kind, text });
        self.next_notice += 1;
        if self.notices.len() > MAX_NOTICES {
            self.notices.remove(0);
        }
    }

    /// Replaces the whole scenario (preset, link, reset): typed text is dropped.
    fn load(&mut self, scenario: Scenario) {
        self.scenario = scenario;
        self.raw.clear();
        self.replan();
    }

    fn edit(&mut self, field: Field, text: String) {
        if let Field::Sup(i, SupField::Platform) = field {
            return self.switch_platform(i, &text);
        }
        let mut scenario = self.scenario.clone();
        let keep_text = matches!(field.meta().kind, Kind::Number | Kind::Decimal | Kind::Text | Kind::List);
        match field.set(&mut scenario, &text) {
            Ok(()) => {
                if keep_text {
                    self.raw.insert(field.path(), RawText { text, error: None });
                } else {
                    self.raw.remove(&field.path());
                }
                self.scenario = scenario;
                // Made now: under the current rules (what exports and links record).
                self.scenario.rules_version = Some(crate::rules::CURRENT);
                // Planned after the text is on screen (Action::Replan).
                self.srev += 1;
                self.pending = true;
            }
            Err(error) => {
                self.raw.insert(field.path(), RawText { text, error: Some(error) });
            }
        }
    }

    /// Moves Supervisor `i` to another platform, clearing (and naming) the inputs the
    /// new one does not have.
    fn switch_platform(&mut self, i: usize, text: &str) {
        let Some(kind) = crate::scenario::PlatformKind::ALL.into_iter().find(|k| k.key() == text) else { return };
        let Some(sup) = self.scenario.supervisors.get_mut(i) else { return };
        let cleared = sup.set_platform(kind);
        let name = sup.name.clone();
        // Typed text of the Supervisor's fields may belong to inputs just cleared.
        let prefix = format!("supervisors[{i}].");
        self.raw.retain(|p, _| !p.starts_with(&prefix));
        if !cleared.is_empty() {
            self.notify(
                NoticeKind::Info,
                format!("{name} now runs on {}: cleared what it does not have ({}).", kind.label(), cleared.join("; ")),
            );
        }
        self.replan();
    }

    fn add_workload_network(&mut self, sup: usize) {
        let Some(s) = self.scenario.supervisors.get_mut(sup) else { return };
        let nets = &mut s.vds.workload_networks;
        let name = free_name("wl", nets.iter().map(|w| w.name.as_str()));
        nets.push(crate::scenario::WorkloadNetworkSpec::new(&name));
        self.replan();
    }

    fn add_shared_vpc(&mut self, sup: usize) {
        let Some(s) = self.scenario.supervisors.get_mut(sup) else { return };
        let vpcs = &mut s.vpc.vpcs;
        let name = free_name("vpc", vpcs.iter().map(|v| v.name.as_str()));
        vpcs.push(crate::scenario::SharedVpcSpec::new(&name));
        self.touched();
    }

    fn remove_shared_vpc(&mut self, sup: usize, index: usize) {
        let removed = self.scenario.supervisors.get_mut(sup).is_some_and(|s| remove_at(&mut s.vpc.vpcs, index));
        self.removed(&format!("supervisors[{sup}].vpc.vpcs"), index, removed);
    }

    fn remove_workload_network(&mut self, sup: usize, index: usize) {
        let removed = self.scenario.supervisors.get_mut(sup).is_some_and(|s| remove_at(&mut s.vds.workload_networks, index));
        self.removed(&format!("supervisors[{sup}].vds.workload_networks"), index, removed);
    }

    /// After entry `index` of `list` was removed: its typed text dropped, the later
    /// entries' renumbered, and the scenario planned.
    fn removed(&mut self, list: &str, index: usize, removed: bool) {
        if !removed {
            return;
        }
        self.reindex(list, |k| match k {
            k if k < index => Some(k),
            k if k == index => None,
            k => Some(k - 1),
        });
        self.touched();
    }

    /// Renumbers typed text under `list` (`supervisors[0].namespaces`) after an
    /// element was inserted or removed: `map` gives each old index its new one.
    fn reindex(&mut self, list: &str, map: impl Fn(usize) -> Option<usize>) {
        let open = format!("{list}[");
        let old = std::mem::take(&mut self.raw);
        for (path, raw) in old {
            let Some(rest) = path.strip_prefix(&open) else {
                self.raw.insert(path, raw);
                continue;
            };
            let Some((index, tail)) = rest.split_once(']') else { continue };
            let Ok(index) = index.parse::<usize>() else { continue };
            if let Some(new) = map(index) {
                self.raw.insert(format!("{open}{new}]{tail}"), raw);
            }
        }
    }

    /// Reads scenario JSON; loads it when it reads and plans, else says why not.
    fn import(&mut self, text: &str) {
        let (scenario, plan) = match plan::import(text) {
            Ok(read) => read,
            Err(ImportError::Read(e)) => {
                let at = if e.path.is_empty() { "the document".to_string() } else { e.path.clone() };
                self.import_error = Some(format!("Not imported — {at}: {}. The current scenario is kept.", e.problem));
                return;
            }
            Err(ImportError::Plan(errors)) => {
                let shown: Vec<String> = errors.iter().take(3).map(|e| e.to_string()).collect();
                let more = if errors.len() > 3 { format!(" (and {} more)", errors.len() - 3) } else { String::new() };
                self.import_error =
                    Some(format!("Not imported — {}{more}. The current scenario is kept.", shown.join("; ")));
                return;
            }
        };
        self.import_error = None;
        // Planned once, above: load it with that plan rather than planning again.
        self.scenario = scenario;
        self.raw.clear();
        self.set_plan(plan);
        self.notify(NoticeKind::Success, "Imported the scenario.");
    }

    /// Pins the current scenario as A; false (with a notice) when it does not plan.
    fn pin(&mut self) -> bool {
        if self.pending {
            // The plan shown may be a keystroke behind: A must be this scenario's.
            self.replan();
        }
        if !self.errors.is_empty() || self.raw.values().any(|r| r.error.is_some()) {
            self.notify(NoticeKind::Error, "Fix the marked input before pinning this scenario for comparison.");
            return false;
        }
        match &self.plan {
            Some(plan) => {
                self.pinned = Some(Pinned { scenario: Shared::new(self.scenario.clone()), plan: plan.clone() });
                true
            }
            None => false,
        }
    }

    fn what_if(&mut self, what: WhatIf) {
        if !self.pin() {
            return;
        }
        match what {
            WhatIf::HaMode(mode) => self.edit(Field::Se(SeField::HaMode), mode.key().to_string()),
            WhatIf::MoreNamespaces(n) => {
                let Some(sup) = self.scenario.supervisors.len().checked_sub(1) else { return };
                let Some(group) = self.scenario.supervisors[sup].namespaces.len().checked_sub(1) else {
                    self.notify(NoticeKind::Info, "The last Supervisor has no namespace group to grow.");
                    return;
                };
                let count = self.scenario.supervisors[sup].namespaces[group].count.saturating_add(n);
                self.edit(Field::Group(sup, group, GroupField::Count), count.to_string());
            }
        }
    }

    fn add_group(&mut self, sup: usize) {
        let Some(s) = self.scenario.supervisors.get_mut(sup) else { return };
        let name = unique_name(s.namespaces.iter().map(|g| g.name.as_str()), "group");
        let mut group = NamespaceGroup::new(&name, 1);
        group.tkg_clusters = 1;
        s.namespaces.push(group);
        self.touched();
    }

    fn duplicate_group(&mut self, sup: usize, index: usize) {
        let Some(s) = self.scenario.supervisors.get_mut(sup) else { return };
        let Some(group) = s.namespaces.get(index) else { return };
        let mut copy = group.clone();
        copy.name = unique_name(s.namespaces.iter().map(|g| g.name.as_str()), &format!("{}-copy", group.name.trim()));
        s.namespaces.insert(index + 1, copy);
        self.reindex(&format!("supervisors[{sup}].namespaces"), |k| Some(if k > index { k + 1 } else { k }));
        self.touched();
    }

    fn remove_group(&mut self, sup: usize, index: usize) {
        let Some(s) = self.scenario.supervisors.get_mut(sup) else { return };
        if index >= s.namespaces.len() {
            return;
        }
        s.namespaces.remove(index);
        self.reindex(&format!("supervisors[{sup}].namespaces"), |k| match k {
            k if k < index => Some(k),
            k if k == index => None,
            k => Some(k - 1),
        });
        self.touched();
    }

    fn add_supervisor(&mut self) {
        let name = unique_name(self.scenario.supervisors.iter().map(|s| s.name.as_str()), "supervisor");
        let mut sup = Supervisor::new(&name);
        // A copy of the last Supervisor's shape, on a pool of its own if it had one.
        if let Some(last) = self.scenario.supervisors.last() {
            sup.nat = last.nat;
            sup.namespaces = last.namespaces.clone();
            sup.networks.address_pool = next_pool(&last.networks.address_pool);
        }
        self.scenario.supervisors.push(sup);
        if self.scenario.topology == Topology::Single {
            self.scenario.topology = Topology::SharedTransportZone;
            self.notify(
                NoticeKind::Info,
                "Two Supervisors need a multi-Supervisor topology: switched to a shared transport zone (change it under Topology).",
            );
        }
        self.touched();
    }

    fn remove_supervisor(&mut self, index: usize) {
        if index >= self.scenario.supervisors.len() || self.scenario.supervisors.len() <= 1 {
            return;
        }
        self.scenario.supervisors.remove(index);
        self.reindex("supervisors", |k| match k {
            k if k < index => Some(k),
            k if k == index => None,
            k => Some(k - 1),
        });
        if self.scenario.supervisors.len() == 1 {
            self.scenario.topology = Topology::Single;
        }
        self.touched();
    }
}

/// The notice for a share link that cannot be read.
pub fn bad_link_text(e: &FieldError) -> String {
    format!("This link could not be read: {}. Showing the default scenario instead.", e.problem)
}

/// `base`, or `base-2`, `base-3` ... whichever is not taken.
fn unique_name<'a>(taken: impl Iterator<Item = &'a str> + Clone, base: &str) -> String {
    let free = |n: &str| !taken.clone().any(|t| t.trim().eq_ignore_ascii_case(n));
    if free(base) {
        return base.to_string();
    }
    (2..).map(|k| format!("{base}-{k}")).find(|n| free(n)).unwrap_or_else(|| base.to_string())
}

/// For a pool like `10.220.0.0/16`, the next block of the same size
/// (`10.221.0.0/16`); anything else is left for the user to fill in.
fn next_pool(pools: &[String]) -> Vec<String> {
    let Some(first) = pools.first() else { return Vec::new() };
    let Ok(net) = first.trim().parse::<ipnet::Ipv4Net>() else { return Vec::new() };
    let size = 1u64 << (32 - net.prefix_len() as u32);
    let next = u32::from(net.network()) as u64 + size;
    if next + size > u32::MAX as u64 + 1 {
        return Vec::new();
    }
    let addr = std::net::Ipv4Addr::from(next as u32);
    vec![format!("{addr}/{}", net.prefix_len())]
}

/// `{prefix}-N` for the first N from `len + 1` that no name in `names` takes.
fn free_name<'a>(prefix: &str, names: impl Iterator<Item = &'a str> + Clone) -> String {
    let len = names.clone().count();
    (len + 1..).map(|n| format!("{prefix}-{n}")).find(|n| !names.clone().any(|w| w.eq_ignore_ascii_case(n))).unwrap_or_default()
}

/// Removes entry `index` of `list`; false when there is none.
fn remove_at<T>(list: &mut Vec<T>, index: usize) -> bool {
    let exists = index < list.len();
    if exists {
        list.remove(index);
    }
    exists
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Edit(field, text) => s.edit(field, text),
            Action::AddGroup(sup) => s.add_group(sup),
            Action::DuplicateGroup(sup, g) => s.duplicate_group(sup, g),
            Action::RemoveGroup(sup, g) => s.remove_group(sup, g),
            Action::AddSupervisor => s.add_supervisor(),
            Action::RemoveSupervisor(i) => s.remove_supervisor(i),
            Action::AddWorkloadNetwork(i) => s.add_workload_network(i),
            Action::RemoveWorkloadNetwork(i, k) => s.remove_workload_network(i, k),
            Action::AddSharedVpc(i) => s.add_shared_vpc(i),
            Action::RemoveSharedVpc(i, k) => s.remove_shared_vpc(i, k),
            Action::LoadPreset(key) => match presets::find(&key) {
                Some(p) => {
                    s.load(p.scenario);
                    s.notify(NoticeKind::Success, format!("Loaded the preset \"{}\".", p.title));
                }
                None => s.notify(NoticeKind::Error, format!("There is no preset called {key}.")),
            },
            Action::LoadFragment(fragment) => {
                let code = fragment.trim().trim_start_matches('#');
                if code.is_empty() || code == format!("s={}", link::encode(&s.scenario)) {
                    return self;
                }
                match link::decode(code) {
                    Ok(scenario) if scenario == s.scenario => return self,
                    Ok(scenario) => {
                        s.load(scenario);
                        s.notify(NoticeKind::Success, "Loaded the scenario from the link.");
                    }
                    Err(e) => {
                        s.load(Scenario::default());
                        s.notify(NoticeKind::Error, bad_link_text(&e));
                    }
                }
            }
            Action::Replan(srev) => {
                if srev != s.srev || !s.pending {
                    return self;
                }
                s.replan();
            }
            Action::Reset => {
                s.load(Scenario::default());
                s.notify(NoticeKind::Info, "Back to the default scenario.");
            }
            Action::Notify(kind, text) => s.notify(kind, text),
            Action::Dismiss(id) => s.notices.retain(|n| n.id != id),
            Action::Import(text) => s.import(&text),
            Action::ImportRefused(why) => s.import_error = Some(why),
            Action::Pin => {
                if s.pin() {
                    s.notify(NoticeKind::Info, "Pinned this scenario as A: changes you make now are B.");
                }
            }
            Action::Unpin => s.pinned = None,
            Action::WhatIf(what) => s.what_if(what),
        }
        s.rev = self.rev + 1;
        Rc::new(s)
    }
}
