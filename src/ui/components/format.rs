//! Formatting of numbers the plan gives: grouping, units, plurals. No arithmetic
//! on results happens here beyond presentation.

/// `12345` -> `12,345`.
pub fn int(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `n` and the noun, singular or plural: `1 SE`, `3 SEs`.
pub fn count(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", int(n), if n == 1 { one } else { many })
}

/// A decimal with at most one digit after the point.
pub fn dec(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        int(x as u64)
    } else {
        format!("{x:.1}")
    }
}
