//! `sizer`: the calculator on the command line.
//!
//! ```text
//! sizer plan SCENARIO.json [--format json|markdown]   plan a scenario ("-" reads stdin)
//! sizer validate SCENARIO.json                        check a scenario, print nothing on success
//! sizer preset [NAME]                                 print a preset scenario (no NAME: list them)
//! sizer link SCENARIO.json                            print the share-link code of a scenario
//! sizer unlink CODE                                   print the scenario a share-link code holds
//! ```
//! Exit status: 0 success, 2 bad input (each error on its own line, naming the
//! field and the value), 1 an I/O failure.

use std::io::Read;
use std::process::ExitCode;

use avi_sizer::error::{render_all, FieldError};
use avi_sizer::scenario::{too_many_bytes, MAX_SCENARIO_BYTES};
use avi_sizer::{link, plan, presets, report, scenario::Scenario};

const USAGE: &str = "usage:
  sizer plan SCENARIO.json [--format json|markdown]   plan a scenario (\"-\" reads standard input)
  sizer validate SCENARIO.json                        check a scenario
  sizer preset [NAME]                                 print a preset scenario (no NAME: list them)
  sizer link SCENARIO.json                            print the share-link code of a scenario
  sizer unlink CODE                                   print the scenario a share-link code holds";

enum Failure {
    Usage(String),
    Io(String),
    Input(Vec<FieldError>),
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
            Ok(if format == "json" { report::json(&plan) } else { report::markdown(&plan) })
        }
        ["validate", source] => {
            let scenario = read_scenario(source)?;
            plan::plan_scenario(&scenario).map_err(Failure::Input)?;
            Ok(String::new())
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

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            if !out.is_empty() {
                println!("{out}");
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
        Err(Failure::Io(msg)) => {
            eprintln!("sizer: {msg}");
            ExitCode::from(1)
        }
    }
}
