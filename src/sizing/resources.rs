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

/// `r` times `n` (alike groups).
pub(crate) fn times(r: Resources, n: u64) -> Resources {
    Resources { vcpus: r.vcpus * n, memory_gb: r.memory_gb * n, disk_gb: r.disk_gb * n, service_units: r.service_units * n }
}

pub(crate) fn add(a: Resources, b: Resources) -> Resources {
    Resources {
        vcpus: a.vcpus + b.vcpus,
        memory_gb: a.memory_gb + b.memory_gb,
        disk_gb: a.disk_gb + b.disk_gb,
        service_units: a.service_units + b.service_units,
    }
}

/// Data-plane capacity of `active` SEs: per-vCPU figures times the SE's vCPUs,
/// each capped per SE (`caps`: requests/s, SSL throughput and TPS too, rules 2;
/// throughput alone, rules 1).
pub(crate) fn capacity(active: u32, se: &SeGroupConfig, c: &Capacity, caps: bool) -> GroupCapacity {
    let vcpus = f64::from(se.vcpus_per_se);
    let per_vcpus = |per_vcpu: u32| u64::from(se.vcpus_per_se) * u64::from(per_vcpu);
    let capped = |x: u64, cap: u32| if caps { x.min(u64::from(cap)) } else { x };
    let per_se_throughput = (vcpus * c.throughput_gbps_per_vcpu).min(c.max_throughput_gbps_per_se);
    let per_se_ssl = if caps { (vcpus * c.ssl_gbps_per_vcpu).min(c.max_ssl_gbps_per_se) } else { vcpus * c.ssl_gbps_per_vcpu };
    let n = u64::from(active);
    let round = |x: f64| (x * 10.0).round() / 10.0;
    GroupCapacity {
        active_ses: active,
        throughput_gbps: round(per_se_throughput * f64::from(active)),
        http_rps: n * capped(per_vcpus(c.http_rps_per_vcpu), c.max_http_rps_per_se),
        ssl_gbps: round(per_se_ssl * f64::from(active)),
        rsa2k_tps: n * capped(per_vcpus(c.rsa2k_tps_per_vcpu), c.max_rsa2k_tps_per_se),
        ecc_tps: n * capped(per_vcpus(c.ecc_tps_per_vcpu), c.max_ecc_tps_per_se),
    }
}
