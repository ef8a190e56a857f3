//! The lower bound of DOMAIN.md section 2: the SEs a perfect (rebalanced) placement
//! would carry the load on, and which term binds.

use super::simulate::Binding;

/// The lower bound of DOMAIN.md: `max(s, ceil(sum(VS)*s/max_vs), ceil(sum_v k_v / D))`
/// with `k_v = max(s, ceil(v*s/max_vs))`, and the term that binds (ties go to the
/// more specific constraint: interfaces, then VS slots). Zero VSes need no SE.
///
/// ```
/// use avi_sizer::sizing::{lower_bound, Binding};
/// // Supervisor + 9 namespaces of 1 VS, s = 2, 10 VS per SE, 9 interfaces.
/// assert_eq!(lower_bound(&[1; 10], 2, 10, 9), (3, Binding::Interfaces));
/// assert_eq!(lower_bound(&[20], 1, 8, 9), (3, Binding::VirtualServices));
/// assert_eq!(lower_bound(&[1], 2, 10, 9), (2, Binding::Minimum));
/// ```
pub fn lower_bound(vs_per_vrf: &[u32], s: u32, max_vs: u32, nics: u32) -> (u32, Binding) {
    let hosting = vs_per_vrf.iter().map(|&v| u64::from(v)).filter(|&v| v > 0);
    let total = hosting.clone().sum();
    let interfaces = hosting.map(|v| interfaces_for(v, s, max_vs)).sum();
    lower_bound_of(total, interfaces, s, max_vs, nics)
}

/// `k_v`: the SEs (so interfaces) an attachment with `v` VSes needs at least.
pub(crate) fn interfaces_for(v: u64, s: u32, max_vs: u32) -> u64 {
    let s = u64::from(s);
    s.max((v * s).div_ceil(u64::from(max_vs)))
}

/// The bound from the totals: VSes and the interfaces a perfect placement needs.
pub(crate) fn lower_bound_of(total_vs: u64, interfaces: u64, s: u32, max_vs: u32, nics: u32) -> (u32, Binding) {
    if total_vs == 0 {
        return (0, Binding::Minimum);
    }
    let by_vs = (total_vs * s as u64).div_ceil(max_vs as u64);
    let by_nics = interfaces.div_ceil(nics as u64);
    let n = (s as u64).max(by_vs).max(by_nics);
    let binding = if by_nics == n {
        Binding::Interfaces
    } else if by_vs == n {
        Binding::VirtualServices
    } else {
        Binding::Minimum
    };
    (n.min(u32::MAX as u64) as u32, binding)
}
