//! The growth chart: total SEs versus the number of namespaces, as a step line
//! from the engine's headroom steps (today's part solid, the projection dashed),
//! with today's namespace count marked and optional comparison series.

use std::fmt::Write as _;

use super::{clip, legend, line, num, plural, text, ticks, tooltip, Anchor, Doc};
use crate::plan::SupervisorPlan;
use crate::sizing::Step;

const WIDTH: f64 = 900.0;
const PLOT_H: f64 = 300.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 28.0;
/// Dots drawn per series at most: with more steps the line still follows every
/// one, and the dots mark an even selection of them (the chart says so).
pub const MAX_DOTS: usize = 60;

const CSS: &str = "
.avs-growth .series{fill:none;stroke-width:2.5}
.avs-growth .series.projected{stroke-dasharray:7 5}
.avs-growth .s1 .series{stroke:var(--avs-s1)}.avs-growth .s2 .series{stroke:var(--avs-s2)}
.avs-growth .s3 .series{stroke:var(--avs-s3)}.avs-growth .s4 .series{stroke:var(--avs-s4)}
.avs-growth .s1 .dot,.avs-growth .sw1{fill:var(--avs-s1)}.avs-growth .s2 .dot,.avs-growth .sw2{fill:var(--avs-s2)}
.avs-growth .s3 .dot,.avs-growth .sw3{fill:var(--avs-s3)}.avs-growth .s4 .dot,.avs-growth .sw4{fill:var(--avs-s4)}
.avs-growth .dot{stroke:var(--avs-bg);stroke-width:1}
.avs-growth .step.projected .dot{fill:var(--avs-bg);stroke-width:2}
.avs-growth .s1 .step.projected .dot{stroke:var(--avs-s1)}.avs-growth .s2 .step.projected .dot{stroke:var(--avs-s2)}
.avs-growth .s3 .step.projected .dot{stroke:var(--avs-s3)}.avs-growth .s4 .step.projected .dot{stroke:var(--avs-s4)}
.avs-growth .today{stroke:var(--avs-fg);stroke-width:1.5}
.avs-growth .limit{stroke:var(--avs-danger);stroke-width:1.2;stroke-dasharray:3 3}
.avs-growth .step:hover .dot{stroke:var(--avs-focus);stroke-width:3}
.avs-growth .sw-line{fill:none;stroke:var(--avs-fg);stroke-width:2.5}
.avs-growth .sw-line.projected{stroke-dasharray:5 3}
";

/// The steps that get a dot: all of them up to [`MAX_DOTS`], else an even
/// selection that keeps the first, the last, and the last one of today.
fn dotted(steps: &[Step]) -> Vec<&Step> {
    if steps.len() <= MAX_DOTS {
        return steps.iter().collect();
    }
    let last_today = steps.iter().rposition(|s| !s.projected);
    let every = steps.len().div_ceil(MAX_DOTS - 2);
    steps
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0 || *i + 1 == steps.len() || Some(*i) == last_today)
        .map(|(_, s)| s)
        .collect()
}

/// The value of the step line at `x` namespaces: the last step at or before it.
fn value_at(steps: &[Step], x: u64) -> u32 {
    steps.iter().take_while(|s| s.namespaces <= x).last().map_or(0, |s| s.total)
}

/// Where the engine's projection ends for this plan.
fn horizon(sp: &SupervisorPlan) -> u64 {
    let last = sp.se.headroom.steps.last().map_or(0, |s| s.namespaces);
    sp.se.headroom.projected_to.max(last)
}

/// SEs needed (total, buffer and zone spares included) versus the number of
/// namespaces, one series per `(label, plan)`: the first is the current design,
/// further ones (another HA mode, say) are drawn in other colours.
///
/// Elements: each series is `<g class="series-group sK" data-series="{K-1}" data-label>`;
/// its step line is `<path class="series past">` (solid, up to today's namespace count)
/// and `<path class="series projected">` (dashed); each engine step is
/// `<g class="step" data-series data-namespaces data-total data-projected>` with a
/// `<circle class="dot">` at (namespaces, total). Today's count is
/// `<line class="today" data-namespaces>`; `max_se` is `<line class="limit" data-max-se>`.
pub fn growth_chart(plans: &[(&str, &SupervisorPlan)]) -> String {
    let title = match plans {
        [] => "SEs needed versus namespaces".to_string(),
        [(label, sp)] => format!("SEs needed versus namespaces, {} ({label})", sp.name),
        [(_, sp), ..] => format!(
            "SEs needed versus namespaces, {}: {}",
            sp.name,
            plans.iter().map(|(l, _)| *l).collect::<Vec<_>>().join(" vs ")
        ),
    };
    let mut body = String::new();
    text(&mut body, 16.0, 26.0, "h1", Anchor::Start, &clip(&title, 110));

    let x_max = plans.iter().map(|(_, sp)| horizon(sp)).max().unwrap_or(20).max(1);
    let t_max = plans.iter().flat_map(|(_, sp)| sp.se.headroom.steps.iter().map(|s| s.total)).max().unwrap_or(0);
    let max_se = plans.first().map(|(_, sp)| sp.se.service_engines.max_se);
    let show_limit = max_se.filter(|&m| m as f64 <= (t_max as f64 * 1.5).max(4.0));
    let y_top = t_max.max(show_limit.unwrap_or(0)).max(2) as f64;
    let y_ticks = ticks(y_top, 6);
    let y_max = y_ticks.last().copied().unwrap_or(y_top).max(y_top);
    let x_ticks = ticks(x_max as f64, 9);
    let x_end = x_ticks.last().copied().unwrap_or(x_max as f64).max(x_max as f64);

    let top = 74.0;
    let plot_w = WIDTH - LEFT - RIGHT;
    let sx = |n: f64| LEFT + n / x_end * plot_w;
    let sy = |v: f64| top + PLOT_H - v / y_max * PLOT_H;

    // Grid and axes.
    body.push_str("<g class=\"axes\">");
    for &v in &y_ticks {
        line(&mut body, LEFT, sy(v), LEFT + plot_w, sy(v), "grid");
        let _ = write!(
            body,
            "<text class=\"small tick y\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            num(LEFT - 8.0),
            num(sy(v) + 4.0),
            v as u64
        );
    }
    for &v in &x_ticks {
        line(&mut body, sx(v), top + PLOT_H, sx(v), top + PLOT_H + 5.0, "axis");
        let _ = write!(
            body,
            "<text class=\"small tick x\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            num(sx(v)),
            num(top + PLOT_H + 19.0),
            v as u64
        );
    }
    line(&mut body, LEFT, top, LEFT, top + PLOT_H, "axis");
    line(&mut body, LEFT, top + PLOT_H, LEFT + plot_w, top + PLOT_H, "axis");
    text(&mut body, LEFT + plot_w / 2.0, top + PLOT_H + 40.0, "", Anchor::Middle, "namespaces");
    let (ax, ay) = (18.0, top + PLOT_H / 2.0);
    let _ = write!(
        body,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" transform=\"rotate(-90 {} {})\">Service Engines (total)</text>",
        num(ax),
        num(ay),
        num(ax),
        num(ay)
    );
    body.push_str("</g>");

    if let Some(m) = show_limit {
        let _ = write!(body, "<g class=\"limit-group\"><line class=\"limit\" data-max-se=\"{m}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>", num(LEFT), num(sy(m as f64)), num(LEFT + plot_w), num(sy(m as f64)));
        text(&mut body, LEFT + 6.0, sy(m as f64) - 5.0, "small danger", Anchor::Start, &format!("max_se = {m}"));
        body.push_str("</g>");
    }

    // Today's namespace count(s).
    let mut todays: Vec<u64> = plans.iter().map(|(_, sp)| sp.se.load.namespaces).collect();
    todays.dedup();
    for (i, &c) in todays.iter().enumerate() {
        let x = sx(c as f64);
        let _ = write!(
            body,
            "<line class=\"today\" data-namespaces=\"{c}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            num(x),
            num(top - 6.0),
            num(x),
            num(top + PLOT_H)
        );
        let totals: Vec<String> = plans
            .iter()
            .filter(|(_, sp)| sp.se.load.namespaces == c)
            .map(|(_, sp)| value_at(&sp.se.headroom.steps, c).to_string())
            .collect();
        let label = format!("today: {}, {} SEs", plural(c, "namespace", "namespaces"), totals.join(" / "));
        let right = x + super::text_width(&label, 11.0) + 8.0 > LEFT + plot_w;
        let (lx, anchor) = if right { (x - 5.0, Anchor::End) } else { (x + 5.0, Anchor::Start) };
        text(&mut body, lx, top - 8.0 + i as f64 * 14.0, "small bold", anchor, &label);
    }

    // Series.
    for (k, (label, sp)) in plans.iter().enumerate() {
        let steps = &sp.se.headroom.steps;
        let today = sp.se.load.namespaces;
        let end = horizon(sp);
        let cls = k % 4 + 1;
        let _ =
            write!(body, "<g class=\"series-group s{cls}\" data-series=\"{k}\" data-label=\"{}\">", super::esc(label));
        let path = |from: u64, to: u64| -> String {
            let mut d = format!("M{} {}", num(sx(from as f64)), num(sy(value_at(steps, from) as f64)));
            for s in steps.iter().filter(|s| s.namespaces > from && s.namespaces <= to) {
                let _ = write!(d, "H{}V{}", num(sx(s.namespaces as f64)), num(sy(s.total as f64)));
            }
            let _ = write!(d, "H{}", num(sx(to as f64)));
            d
        };
        if !steps.is_empty() {
            let _ = write!(body, "<path class=\"series past\" d=\"{}\"/>", path(0, today));
            if end > today {
                let _ = write!(body, "<path class=\"series projected\" d=\"{}\"/>", path(today, end));
            }
        }
        let r = if steps.len() <= MAX_DOTS { 4.0 } else { 2.0 };
        for s in dotted(steps) {
            let _ = write!(
                body,
                "<g class=\"step{}\" data-series=\"{k}\" data-namespaces=\"{}\" data-total=\"{}\" data-projected=\"{}\">",
                if s.projected { " projected" } else { "" },
                s.namespaces,
                s.total,
                s.projected
            );
            tooltip(
                &mut body,
                &format!(
                    "{label}: {} from {} ({} carrying load; {}){}",
                    plural(s.total as u64, "SE", "SEs"),
                    plural(s.namespaces, "namespace", "namespaces"),
                    s.carrying_load,
                    s.binding.label(),
                    if s.projected { ", projected" } else { "" }
                ),
            );
            let _ = write!(
                body,
                "<circle class=\"dot\" cx=\"{}\" cy=\"{}\" r=\"{}\"/></g>",
                num(sx(s.namespaces as f64)),
                num(sy(s.total as f64)),
                num(r)
            );
        }
        body.push_str("</g>");
    }

    // Legend.
    let mut items: Vec<(String, String)> = plans
        .iter()
        .enumerate()
        .map(|(k, (label, sp))| {
            (
                format!("<rect class=\"sw{}\" x=\"{{X}}\" y=\"{{Y}}\" width=\"12\" height=\"12\"/>", k % 4 + 1),
                if label.contains(sp.se.settings.ha_mode.label()) {
                    label.to_string()
                } else {
                    format!("{label} ({})", sp.se.settings.ha_mode.label())
                },
            )
        })
        .collect();
    items
        .push(("<path class=\"sw-line\" d=\"M{X} {Y}m0 6h14\"/>".to_string(), "solid: today's namespaces".to_string()));
    if let Some((_, sp)) = plans.first() {
        let shape = sp
            .se
            .headroom
            .reference_group
            .as_deref()
            .map_or(String::new(), |g| format!(" (more namespaces like '{}')", clip(g, 30)));
        items.push((
            "<path class=\"sw-line projected\" d=\"M{X} {Y}m0 6h14\"/>".to_string(),
            format!("dashed: projected{shape}"),
        ));
    }
    let mut ly = top + PLOT_H + 64.0;
    let h = legend(&mut body, LEFT, ly, plot_w, &items);
    ly += h;
    if let Some(most) = plans.iter().map(|(_, sp)| sp.se.headroom.steps.len()).max().filter(|n| *n > MAX_DOTS) {
        // The dots are a selection: say so where the legend is read.
        let note = format!(
            "{} steps: the line follows every one, the dots mark {} of them evenly spread (hover a dot for its \
             numbers). The Headroom table lists each step.",
            super::thousands(most as u64),
            plans.iter().map(|(_, sp)| dotted(&sp.se.headroom.steps).len()).max().unwrap_or(0)
        );
        let _ = write!(body, "<g class=\"aggregated\" data-steps=\"{most}\">");
        for l in super::wrap(&note, (plot_w / 6.4) as usize) {
            text(&mut body, LEFT, ly + 2.0, "small bold", Anchor::Start, &l);
            ly += 16.0;
        }
        body.push_str("</g>");
    }
    let height = ly + 8.0;

    let desc = plans
        .iter()
        .map(|(label, sp)| {
            let steps: Vec<String> = sp
                .se
                .headroom
                .steps
                .iter()
                .take(30)
                .map(|s| {
                    format!(
                        "{} from {} namespaces{}",
                        s.total,
                        s.namespaces,
                        if s.projected { " (projected)" } else { "" }
                    )
                })
                .collect();
            format!(
                "{label}: today {} need {}; SE total {}.",
                plural(sp.se.load.namespaces, "namespace", "namespaces"),
                plural(sp.se.service_engines.total as u64, "SE", "SEs"),
                steps.join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    Doc { kind: "growth", width: WIDTH, height, title, desc, css: CSS, body }.render()
}
