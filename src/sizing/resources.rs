//! What SEs cost (vCPU, memory, disk, Service Units) and what the active ones
//! forward, from the per-SE settings and the per-vCPU capacity inputs.

use crate::design::{Capacity, SeGroupConfig};

use super::{GroupCapacity, Resources};

/// `total` SEs of the group's size; Avi Enterprise counts one Service Unit per SE
/// vCPU, buffer and standby included.
pub(crate) fn resources(total: u64, se: &SeGroupConfig) -> Resources {
    Resources {
        vcpus: total * se.vcpus_per_se as u64,
        memory_gb: total * se.memory_gb_per_se as u64,
        disk_gb: total * se.disk_gb_per_se as u64,
        service_units: total * se.vcpus_per_se as u64,
    }
}

pub(crate) fn add(a: Resources, b: Resources) -> Resources {
    Resources {
        vcpus: a.vcpus + b.vcpus,
        memory_gb: a.memory_gb + b.memory_gb,
        disk_gb: a.disk_gb + b.disk_gb,
        service_units: a.service_units + b.service_units,
    }
}

/// Data-plane capacity of `active` SEs (each capped at the per-SE maximum).
pub(crate) fn capacity(active: u32, se: &SeGroupConfig, c: &Capacity) -> GroupCapacity {
    let vcpus = se.vcpus_per_se as f64;
    let per_se = (vcpus * c.throughput_gbps_per_vcpu).min(c.max_throughput_gbps_per_se);
    let n = active as u64;
    let round = |x: f64| (x * 10.0).round() / 10.0;
    GroupCapacity {
        active_ses: active,
        throughput_gbps: round(per_se * active as f64),
        http_rps: n * se.vcpus_per_se as u64 * c.http_rps_per_vcpu as u64,
        ssl_gbps: round(vcpus * c.ssl_gbps_per_vcpu * active as f64),
        rsa2k_tps: n * se.vcpus_per_se as u64 * c.rsa2k_tps_per_vcpu as u64,
        ecc_tps: n * se.vcpus_per_se as u64 * c.ecc_tps_per_vcpu as u64,
    }
}
