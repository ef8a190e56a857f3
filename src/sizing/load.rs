//! What a platform gives the SE sizing ([`SeRules`]), chiefly the load a
//! Supervisor presents to its SE group ([`SeLoad`]): its virtual services in the
//! order they arrive, in batches that need the same attachments, the attachments'
//! names, and the shape of one more namespace for the headroom projection.
//! Platforms build it ([`crate::platform`]); sizing only reads it.
//!
//! Stored flat (no allocation per namespace beyond its attachment's label), since a
//! Supervisor may hold 10,000 namespaces.

use crate::design::SupervisorDesign;
use crate::error::Warning;
use crate::rules::RuleId;

use super::bound::interfaces_for;
use super::simulate::Attachment;
use super::Load;

/// The SE sizing rules of a platform; each platform implements them in its own
/// file under [`crate::platform`], whose docs say what each is for.
pub trait SeRules: Sync {
    /// The load the Supervisor presents to its SE group, in arrival order.
    fn se_load(&self, sup: &SupervisorDesign) -> SeLoad;

    /// What the explanation calls an attachment (on NSX with Avi, a T1).
    fn attachment_noun(&self) -> Noun;

    /// The platform's own warnings about the Supervisor's SE group (`path` is the
    /// Supervisor's JSON path).
    fn se_warnings(&self, sup: &SupervisorDesign, path: &str) -> Vec<Warning>;

    /// The name of a group's `number`-th namespace (from 1), as results show it.
    fn namespace_name(&self, group: &str, number: u32) -> String {
        format!("{group}-{number:03}")
    }

    /// The catalogue rules ([`crate::rules::catalogue`]) its load follows, for
    /// "How this is computed".
    fn rules_applied(&self) -> &'static [RuleId] {
        &[]
    }

    /// Loads that SE groups of their own carry beside the Supervisor's (NSX VPCs with
    /// a group per VPC): each named after what it serves, with how many alike groups
    /// it stands for; none by default. Each is sized as the Supervisor's group is,
    /// with its settings.
    fn dedicated_loads(&self, sup: &SupervisorDesign) -> Vec<(String, u32, SeLoad)> {
        let _ = sup;
        Vec::new()
    }
}

/// What an attachment is called in sentences: one and many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Noun {
    pub one: &'static str,
    pub many: &'static str,
}

/// A run of virtual services that each need the same attachments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Batch {
    /// End of its attachments in [`SeLoad::needs`] (they start where the previous batch's end).
    needs_end: usize,
    virtual_services: u32,
}

/// Everything one Supervisor's SE group carries, in arrival order: the
/// Supervisor's own virtual services, then each namespace's.
///
/// ```
/// use avi_sizer::sizing::SeLoad;
/// let mut load = SeLoad::default();
/// let sup = load.attachment("supervisor");
/// load.batch(&[sup], 1);
/// for name in ["a-001", "a-002"] {
///     load.namespace();
///     let t1 = load.attachment(name);
///     load.batch(&[t1], 4);
/// }
/// assert_eq!(load.namespaces(), 2);
/// assert_eq!(load.label(2), Some("a-002"));
/// let summary = load.summary(2, 10);
/// assert_eq!((summary.virtual_services, summary.vrfs_with_vs, summary.interface_demand), (9, 3, 6));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SeLoad {
    labels: Vec<String>,
    needs: Vec<Attachment>,
    batches: Vec<Batch>,
    /// Index of the first batch of each namespace; those before the first are the Supervisor's.
    namespace_starts: Vec<usize>,
    reference: Option<Reference>,
}

/// One attachment of a projected namespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// The `n`-th attachment of its own each new namespace brings (its T1, its VPC).
    Own(u32),
    /// One that exists already (a shared VIP or workload network).
    Existing(Attachment),
}

/// What one more namespace like the reference group adds: the headroom projection
/// repeats it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The group whose shape is repeated.
    pub group: String,
    /// Its batches: the attachments each VS needs, and how many VSes.
    pub batches: Vec<(Vec<Need>, u32)>,
}

impl Reference {
    /// Virtual services one such namespace adds.
    pub fn virtual_services(&self) -> u64 {
        self.batches.iter().map(|(_, vs)| u64::from(*vs)).sum()
    }

    /// Attachments of its own each such namespace brings.
    pub fn own_attachments(&self) -> u32 {
        let own = self.batches.iter().flat_map(|(n, _)| n).filter_map(|n| match n {
            Need::Own(k) => Some(k + 1),
            Need::Existing(_) => None,
        });
        own.max().unwrap_or(0)
    }
}

impl SeLoad {
    /// A new attachment named `label` (the placement table shows it).
    pub fn attachment(&mut self, label: impl Into<String>) -> Attachment {
        self.labels.push(label.into());
        (self.labels.len() - 1) as Attachment
    }

    /// `virtual_services` more VSes that each need `attachments`.
    pub fn batch(&mut self, attachments: &[Attachment], virtual_services: u32) {
        self.needs.extend_from_slice(attachments);
        self.batches.push(Batch { needs_end: self.needs.len(), virtual_services });
    }

    /// Starts the next namespace: the batches that follow are its own.
    pub fn namespace(&mut self) {
        self.namespace_starts.push(self.batches.len());
    }

    /// Sets what one more namespace adds (`None`: there is no namespace to repeat).
    pub fn set_reference(&mut self, reference: Option<Reference>) {
        self.reference = reference;
    }

    pub fn reference(&self) -> Option<&Reference> {
        self.reference.as_ref()
    }

    pub fn namespaces(&self) -> u64 {
        self.namespace_starts.len() as u64
    }

    /// The name of an attachment.
    pub fn label(&self, a: Attachment) -> Option<&str> {
        self.labels.get(a as usize).map(String::as_str)
    }

    /// How many attachments there are (the next free index).
    pub fn attachments(&self) -> u32 {
        self.labels.len() as u32
    }

    /// The batches of the Supervisor (first), then of each namespace: `(attachments, VSes)`.
    pub fn units(&self) -> impl Iterator<Item = impl Iterator<Item = (&[Attachment], u32)>> + '_ {
        let ends = self.namespace_starts.iter().copied().chain(std::iter::once(self.batches.len()));
        let starts = std::iter::once(0).chain(self.namespace_starts.iter().copied());
        starts.zip(ends).map(move |(from, to)| (from..to).map(move |b| self.batch_at(b)))
    }

    fn batch_at(&self, b: usize) -> (&[Attachment], u32) {
        let start = b.checked_sub(1).and_then(|p| self.batches.get(p)).map_or(0, |p| p.needs_end);
        let batch = self.batches.get(b).copied().unwrap_or(Batch { needs_end: start, virtual_services: 0 });
        (self.needs.get(start..batch.needs_end).unwrap_or_default(), batch.virtual_services)
    }

    /// The load in numbers for scale factor `s` and `max_vs` VSes per SE: virtual
    /// services, attachments hosting one, and the interfaces a perfect placement
    /// needs (per attachment with `v` VSes, `max(s, ceil(v * s / max_vs))`).
    pub fn summary(&self, s: u32, max_vs: u32) -> Load {
        let mut per_attachment = vec![0u64; self.labels.len()];
        let mut virtual_services = 0u64;
        for b in 0..self.batches.len() {
            let (needs, vs) = self.batch_at(b);
            virtual_services += u64::from(vs);
            for &a in needs {
                if let Some(v) = per_attachment.get_mut(a as usize) {
                    *v += u64::from(vs);
                }
            }
        }
        let hosting = per_attachment.iter().filter(|&&v| v > 0);
        Load {
            namespaces: self.namespaces(),
            vrfs_with_vs: hosting.clone().count() as u64,
            virtual_services,
            vs_placements: virtual_services * u64::from(s),
            interface_demand: hosting.map(|&v| interfaces_for(v, s, max_vs)).sum(),
        }
    }
}
