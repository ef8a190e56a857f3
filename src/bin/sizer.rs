//! `sizer`: the calculator on the command line.
//!
//! ```text
//! sizer plan SCENARIO.json [--format json|markdown]   plan a scenario ("-" reads stdin)
//! sizer validate SCENARIO.json                        check a scenario: errors, or what is not planned
//! sizer snippet avi|nsx|terraform SCENARIO.json       print a configuration snippet per Supervisor
//! sizer compare-lb SCENARIO.json [--format ...]       the NSX load balancer beside Avi, per Supervisor
//! sizer preset [NAME]                                 print a preset scenario (no NAME: list them)
//! sizer link SCENARIO.json                            print the share-link code of a scenario
//! sizer unlink CODE                                   print the scenario a share-link code holds
//! ```
//! Exit status: 0 success, 2 bad input (each error on its own line on standard
//! error, naming the field and the value), 1 an I/O failure.
//!
//! The SE sizing never depends on addresses, so only a scenario that does not
//! validate prints nothing on standard output. A Supervisor whose networks are
//! merely missing (no Ingress or Egress CIDR and no pool to carve them from) is
//! planned without them: the plan says what size each needs, and the status is 0.
//! When a network is wrong (overlaps, too small, a pool too small), `plan` and
//! `snippet` still print their output, the network errors go to standard error,
//! and the status is 2.

use std::io::Read;
use std::process::ExitCode;

use avi_sizer::error::{render_all, FieldError};
use avi_sizer::report::snippets::{self, Snippet};
use avi_sizer::scenario::{too_many_bytes, MAX_SCENARIO_BYTES};
use avi_sizer::{link, plan, presets, report, scenario::Scenario};

const USAGE: &str = "usage:
  sizer plan SCENARIO.json [--format json|markdown]   plan a scenario (\"-\" reads standard input)
  sizer validate SCENARIO.json                        check a scenario
  sizer snippet avi|nsx|terraform SCENARIO.json       print a configuration snippet per Supervisor
  sizer compare-lb SCENARIO.json [--format json|markdown]   the NSX load balancer beside Avi, per Supervisor
  sizer preset [NAME]                                 print a preset scenario (no NAME: list them)
  sizer link SCENARIO.json                            print the share-link code of a scenario
  sizer unlink CODE                                   print the scenario a share-link code holds";

enum Failure {
    Usage(String),
    Io(String),
    Input(Vec<FieldError>),
    /// Output to print all the same, and the network errors that make it incomplete.
    Networks(String, Vec<FieldError>),
}

/// `out`, or (when a network is wrong) `out` with the network errors.
fn with_networks(plan: &plan::Plan, out: String) -> Result<String, Failure> {
    if plan.networks_wrong() {
        Err(Failure::Networks(out, plan.network_errors()))
    } else {
        Ok(out)
    }
}

/// Reads at most `MAX_SCENARIO_BYTES + 1` bytes: a 50 MB file or an endless pipe
/// is refused after reading just past the cap (a file's size is asked first, so
/// it is not read at all), never held whole.
fn read_source(source: &str) -> Result<String, Failure> {
    let too_big = |got: String| Failure::Input(vec![too_many_bytes(got)]);
    let (name, reader): (&str, Box<dyn Read>) = if source == "-" {
        ("standard input", Box::new(std::io::stdin().lock()))
    } else {
        let file = std::fs::File::open(source).map_err(|e| Failure::Io(format!("{source}: {e}")))?;
        if let Ok(meta) = file.metadata() {
            if meta.is_file() && meta.len() > MAX_SCENARIO_BYTES as u64 {
                return Err(too_big(format!("{} bytes", meta.len())));
            }
        }
        (source, Box::new(file))
    };
    let mut bytes = Vec::new();
    reader
        .take(MAX_SCENARIO_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::Io(format!("{name}: {e}")))?;
    if bytes.len() > MAX_SCENARIO_BYTES {
        return Err(too_big(format!("more than {MAX_SCENARIO_BYTES} bytes")));
    }
    String::from_utf8(bytes).map_err(|_| Failure::Io(format!("{name}: stream did not contain valid UTF-8")))
}

fn read_scenario(source: &str) -> Result<Scenario, Failure> {
    Scenario::from_json(&read_source(source)?).map_err(|e| Failure::Input(vec![e]))
}

fn run(args: &[String]) -> Result<String, Failure> {
    let mut positional = Vec::new();
    let mut format = "json".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" | "-f" => {
                format = it.next().cloned().ok_or_else(|| Failure::Usage("--format needs json or markdown".into()))?
            }
            s if s.starts_with("--format=") => format = s["--format=".len()..].to_string(),
            "-h" | "--help" => return Ok(USAGE.to_string()),
            _ => positional.push(a.as_str()),
        }
    }
    if !matches!(format.as_str(), "json" | "markdown" | "md") {
        return Err(Failure::Usage(format!("unknown format {format:?}: use json or markdown")));
    }
    match positional.as_slice() {
        ["plan", source] => {
            let scenario = read_scenario(source)?;
            let plan = plan::plan_scenario(&scenario).map_err(Failure::Input)?;
            let out = if format == "json" { report::json(&plan) } else { report::markdown(&plan) };
            with_networks(&plan, out)
        }
        ["validate", source] => {
            let scenario = read_scenario(source)?;
            let plan = plan::plan_scenario(&scenario).map_err(Failure::Input)?;
            if plan.networks_wrong() {
                return Err(Failure::Input(plan.network_errors()));
            }
            // Missing networks are not errors: say what is not planned.
            Ok(plan.network_errors().iter().map(|e| format!("not planned: {e}")).collect::<Vec<_>>().join("\n"))
        }
        ["snippet", kind, source] => {
            let kind = Snippet::from_key(kind)
                .ok_or_else(|| Failure::Usage(format!("unknown snippet {kind:?}: use avi, nsx or terraform")))?;
            let plan = plan::plan_scenario(&read_scenario(source)?).map_err(Failure::Input)?;
            with_networks(&plan, snippets::for_plan(&plan, kind).trim_end().to_string())
        }
        ["compare-lb", source] => {
            // The NSX load balancer's own errors are the comparison's findings: the
            // scenario is fine, so the status stays 0.
            let plan = avi_sizer::nsx_lb::plan_compared(&read_scenario(source)?).map_err(Failure::Input)?;
            Ok(if format == "json" { report::nsx_lb_json(&plan) } else { report::nsx_lb_markdown(&plan).trim_end().to_string() })
        }
        ["preset"] => Ok(presets::all().iter().map(|p| format!("{:<18} {}", p.key, p.summary)).collect::<Vec<_>>().join("\n")),
        ["preset", name] => presets::find(name)
            .map(|p| p.scenario.to_json())
            .ok_or_else(|| Failure::Usage(format!("no preset {name:?}; `sizer preset` lists them"))),
        ["link", source] => Ok(link::encode(&read_scenario(source)?)),
        ["unlink", code] => link::decode(code).map(|s| s.to_json()).map_err(|e| Failure::Input(vec![e])),
        [] => Err(Failure::Usage("no command given".into())),
        other => Err(Failure::Usage(format!("unknown command: {}", other.join(" ")))),
    }
}

/// Writes the output and a newline. A reader that stops early (`sizer plan x | head`)
/// closes the pipe: that ends the output quietly instead of panicking as `println!` does.
fn print_out(out: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{out}").and_then(|()| stdout.flush());
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            if !out.is_empty() {
                print_out(&out);
            }
            ExitCode::SUCCESS
        }
        Err(Failure::Usage(msg)) => {
            eprintln!("sizer: {msg}\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Input(errors)) => {
            eprintln!("{}", render_all(&errors));
            ExitCode::from(2)
        }
        Err(Failure::Networks(out, errors)) => {
            print_out(&out);
            eprintln!("{}", render_all(&errors));
            ExitCode::from(2)
        }
        Err(Failure::Io(msg)) => {
            eprintln!("sizer: {msg}");
            ExitCode::from(1)
        }
    }
}
