//! Every configuration snippet checked against the product's own schema, as derived
//! by hand into tests/schemas/ (each fixture names its repository, path, version or
//! commit, licence and the date it was read):
//!
//! - Avi: each request of the snippet must be an operation of `ServiceEngineGroup` or
//!   `Cloud` (Avi SDK swagger 30.2.1) with its required header, and each body must hold
//!   only fields the fixture lists, of their type, enum, range, with
//!   `max_scaleout_per_vs >= min_scaleout_per_vs`; a PATCH body is `{"replace": {...}}`.
//! - NSX: each request is the Policy API GET or PATCH of a tier-0 locale service's
//!   `BgpRoutingConfig`, its IDs placeholders, its body `route_aggregations` entries of
//!   `prefix` (a CIDR) and `summary_only`.
//! - Terraform: the emitted HCL is parsed (a small parser below: attributes, blocks,
//!   strings, numbers, booleans, lists, comments) and every argument and block checked
//!   against `vsphere_supervisor` of hashicorp/vsphere 2.13.0 (NSX Supervisors) or
//!   `vsphere_supervisor_v2` of vmware/vsphere 2.16.0 (VDS Supervisors), with the
//!   latter's rules: `cluster` or `zones`, one edge and one workload-network backing.
//! - VDS: the Avi SE group on the vCenter cloud (a group marked `clustername`, then
//!   `Default-Group`, no marker under Essentials), nothing for NSX, and the v2
//!   resource carrying the plan's control plane, primary ranges, service CIDR and edge.
//!
//! The validators are tested too: each negative test hands one a wrong field and
//! expects it refused.
#![cfg(not(target_arch = "wasm32"))]

use std::net::Ipv4Addr;
use std::path::PathBuf;

use avi_sizer::plan::{plan_scenario, Plan, SupervisorPlan};
use avi_sizer::presets;
use avi_sizer::report::snippets::{self, Snippet};
use avi_sizer::scenario::{
    AviLicence, ControlPlaneSize, EdgeProvider, FlbAvailability, FlbSize, FlbTopology, HaMode, NamespaceGroup, Placement, Scenario,
    SeAttachment, T0Mode, VpcSeGroups,
};
use serde_json::{json, Map, Value};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> Value {
    let path = root().join("tests/schemas").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn plan_of(s: &Scenario) -> Plan {
    plan_scenario(s).unwrap_or_else(|e| panic!("{}", avi_sizer::error::render_all(&e)))
}

fn is_placeholder(s: &str) -> bool {
    s.len() > 2 && s.starts_with('<') && s.ends_with('>')
}

// ---------------------------------------------------------------------------------
// HTTP requests as the Avi and NSX snippets write them (REST client file form).

#[derive(Debug, Clone)]
struct Request {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: Option<Value>,
}

const METHODS: [&str; 5] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

fn requests(text: &str) -> Result<Vec<Request>, String> {
    let mut out = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        let Some((method, path)) = line.split_once(' ') else { continue };
        if !METHODS.contains(&method) {
            if !(line.is_empty() || line.starts_with('#')) {
                return Err(format!("line {i} is neither a comment nor a request: {line}"));
            }
            continue;
        }
        let mut headers = Vec::new();
        while i < lines.len() && !lines[i].is_empty() {
            let (name, value) = lines[i].split_once(": ").ok_or_else(|| format!("bad header line {}: {}", i + 1, lines[i]))?;
            headers.push((name.to_string(), value.to_string()));
            i += 1;
        }
        i += 1;
        let mut body = String::new();
        let has_body = lines.get(i).is_some_and(|l| l.starts_with('{') || l.starts_with('['));
        while has_body && i < lines.len() && !lines[i].is_empty() && !lines[i].starts_with('#') {
            body.push_str(lines[i]);
            body.push('\n');
            i += 1;
        }
        let body = if body.is_empty() {
            None
        } else {
            Some(serde_json::from_str(&body).map_err(|e| format!("{method} {path}: body is not JSON: {e}"))?)
        };
        out.push(Request { method: method.into(), path: path.into(), headers, body });
    }
    Ok(out)
}

/// Whether `path` (with an optional query) is the operation path `template`, every
/// `{...}` segment standing for one `<...>` placeholder. Returns the query keys.
fn match_path(template: &str, path: &str) -> Option<Vec<String>> {
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let t: Vec<&str> = template.split('/').collect();
    let p: Vec<&str> = path.split('/').collect();
    if t.len() != p.len() {
        return None;
    }
    for (a, b) in t.iter().zip(&p) {
        let ok = if a.starts_with('{') { is_placeholder(b) } else { a == b };
        if !ok {
            return None;
        }
    }
    Some(query.split('&').filter(|q| !q.is_empty()).map(|q| q.split('=').next().unwrap_or("").to_string()).collect())
}

// ---------------------------------------------------------------------------------
// Avi: ServiceEngineGroup and Cloud fields against the swagger-derived fixtures.

/// Whether `value` has the fixture type of `spec` (strings, integers, booleans, and
/// arrays and objects of them, as `markers` is); a nested mismatch is pushed to `errors`.
fn avi_type_ok(spec: &Value, value: &Value, at: &str, errors: &mut Vec<String>) -> bool {
    let ok = match spec["type"].as_str() {
        Some("string") => value.is_string(),
        Some("integer") => value.is_i64() || value.is_u64(),
        Some("boolean") => value.is_boolean(),
        Some("array") => match value.as_array() {
            Some(items) => {
                for (i, item) in items.iter().enumerate() {
                    avi_type_ok(&spec["items"], item, &format!("{at}[{i}]"), errors);
                }
                true
            }
            None => false,
        },
        Some("object") => match value.as_object() {
            Some(fields) => {
                for (k, v) in fields {
                    match spec["fields"].get(k) {
                        Some(f) => {
                            avi_type_ok(f, v, &format!("{at}.{k}"), errors);
                        }
                        None => errors.push(format!("{at}.{k}: not a field of {}", spec["definition"])),
                    }
                }
                for r in spec["required"].as_array().into_iter().flatten().filter_map(Value::as_str) {
                    if !fields.contains_key(r) {
                        errors.push(format!("{at}.{r}: required field missing"));
                    }
                }
                true
            }
            None => false,
        },
        other => panic!("fixture type {other:?}"),
    };
    if !ok {
        errors.push(format!("{at}: {value} is not a {}", spec["type"]));
    }
    ok
}

/// Checks `fields` against an Avi object fixture: unknown field, type, format, enum,
/// range and the fixture's rules; `whole` also checks the required fields.
fn check_avi_fields(schema: &Value, fields: &Map<String, Value>, whole: bool) -> Vec<String> {
    let mut errors = Vec::new();
    let object = schema["object"].as_str().unwrap_or("?");
    let known = schema["fields"].as_object().expect("fixture fields");
    for (name, value) in fields {
        let Some(spec) = known.get(name) else {
            errors.push(format!("{object}.{name}: unknown field"));
            continue;
        };
        if !avi_type_ok(spec, value, &format!("{object}.{name}"), &mut errors) {
            continue;
        }
        if let Some(n) = value.as_i64() {
            let fits = match spec["format"].as_str() {
                Some("int32") => i32::try_from(n).is_ok(),
                Some("uint32") => u32::try_from(n).is_ok(),
                _ => true,
            };
            if !fits {
                errors.push(format!("{object}.{name}: {n} is outside {}", spec["format"]));
            }
            if spec["minimum"].as_i64().is_some_and(|min| n < min) || spec["maximum"].as_i64().is_some_and(|max| n > max) {
                errors.push(format!("{object}.{name}: {n} is outside {}-{}", spec["minimum"], spec["maximum"]));
            }
        }
        if let Some(allowed) = spec["enum"].as_array() {
            if !allowed.contains(value) {
                errors.push(format!("{object}.{name}: {value} is not one of {}", spec["enum"]));
            }
        }
    }
    for rule in schema["rules"].as_array().into_iter().flatten() {
        let (a, b) = (rule["field"].as_str().unwrap(), rule["at_least"].as_str().unwrap());
        match (fields.get(a).and_then(Value::as_i64), fields.get(b).and_then(Value::as_i64)) {
            (Some(x), Some(y)) if x < y => errors.push(format!("{object}.{a}: {x} is below {b} {y}")),
            (Some(_), None) | (None, Some(_)) => errors.push(format!("{object}: {a} and {b} must be sent together")),
            _ => {}
        }
    }
    if whole {
        for name in schema["required"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            if !fields.contains_key(name) {
                errors.push(format!("{object}.{name}: required field missing"));
            }
        }
    }
    errors
}

/// Checks one Avi request: an operation of one of the fixtures, its headers, its body.
fn check_avi_request(schemas: &[Value], r: &Request) -> Vec<String> {
    let found = schemas.iter().find_map(|schema| {
        schema["operations"].as_array().unwrap().iter().find_map(|op| {
            (op["method"] == r.method.as_str()).then(|| match_path(op["path"].as_str().unwrap(), &r.path)).flatten().map(|q| (schema, op, q))
        })
    });
    let Some((schema, op, query)) = found else {
        return vec![format!("{} {}: no such operation", r.method, r.path)];
    };
    let mut errors = Vec::new();
    let allowed: Vec<&str> = op["query"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    for q in query.iter().filter(|q| !allowed.contains(&q.as_str())) {
        errors.push(format!("{} {}: unknown query parameter {q}", r.method, r.path));
    }
    for h in schema["headers_required"].as_array().into_iter().flatten().filter_map(Value::as_str) {
        match r.headers.iter().find(|(name, _)| name == h) {
            Some((_, v)) if schema["source"]["version"].as_str().is_some_and(|ver| ver.starts_with(v.as_str())) => {}
            other => errors.push(format!("{} {}: header {h} is {other:?}", r.method, r.path)),
        }
    }
    match (op["body"].as_str(), &r.body) {
        (None, None) => {}
        (None, Some(_)) => errors.push(format!("{} {}: takes no body", r.method, r.path)),
        (Some(_), None) => errors.push(format!("{} {}: needs a body", r.method, r.path)),
        (Some("object"), Some(Value::Object(fields))) => errors.extend(check_avi_fields(schema, fields, true)),
        (Some("patch"), Some(Value::Object(wrapper))) => {
            let ops: Vec<&str> = schema["patch"]["operations"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
            match (wrapper.len(), wrapper.iter().next()) {
                (1, Some((op, Value::Object(fields)))) if ops.contains(&op.as_str()) => {
                    if op != "replace" {
                        errors.push(format!("{} {}: the snippet sets fields with replace, not {op}", r.method, r.path));
                    }
                    errors.extend(check_avi_fields(schema, fields, false));
                }
                _ => errors.push(format!("{} {}: a PATCH body is one of {ops:?} around the fields", r.method, r.path)),
            }
        }
        (_, Some(other)) => errors.push(format!("{} {}: body {other} is not an object", r.method, r.path)),
    }
    errors
}

fn avi_schemas() -> Vec<Value> {
    vec![fixture("avi-serviceenginegroup-30.2.1.json"), fixture("avi-cloud-30.2.1.json")]
}

fn check_avi_text(text: &str) -> Vec<String> {
    let schemas = avi_schemas();
    match requests(text) {
        Ok(rs) => rs.iter().flat_map(|r| check_avi_request(&schemas, r)).collect(),
        Err(e) => vec![e],
    }
}

// ---------------------------------------------------------------------------------
// NSX: BgpRoutingConfig.route_aggregations against the Policy API fixture.

fn check_nsx_object(objects: &Value, name: &str, value: &Value, at: &str) -> Vec<String> {
    let spec = &objects[name];
    let Some(fields) = value.as_object() else { return vec![format!("{at}: {value} is not an object")] };
    let mut errors = Vec::new();
    for (key, v) in fields {
        let Some(p) = spec["properties"].get(key) else {
            errors.push(format!("{at}.{key}: not a property of {name}"));
            continue;
        };
        match p["type"].as_str() {
            Some("string") if !v.is_string() => errors.push(format!("{at}.{key}: {v} is not a string")),
            Some("string") if p["format"] == "ip-cidr-block" && v.as_str().and_then(|s| s.parse::<ipnet::IpNet>().ok()).is_none() => {
                errors.push(format!("{at}.{key}: {v} is not a CIDR"))
            }
            Some("boolean") if !v.is_boolean() => errors.push(format!("{at}.{key}: {v} is not a boolean")),
            Some("array") => match v.as_array() {
                None => errors.push(format!("{at}.{key}: {v} is not an array")),
                Some(items) => {
                    if p["max_items"].as_u64().is_some_and(|max| items.len() as u64 > max) {
                        errors.push(format!("{at}.{key}: {} items, at most {}", items.len(), p["max_items"]));
                    }
                    for (i, item) in items.iter().enumerate() {
                        errors.extend(check_nsx_object(objects, p["items"].as_str().unwrap(), item, &format!("{at}.{key}[{i}]")));
                    }
                }
            },
            _ => {}
        }
    }
    for req in spec["required"].as_array().into_iter().flatten().filter_map(Value::as_str) {
        if !fields.contains_key(req) {
            errors.push(format!("{at}.{req}: required property missing"));
        }
    }
    errors
}

fn check_nsx_text(text: &str) -> Vec<String> {
    let schema = fixture("nsx-policy-bgp-route-aggregations.json");
    let rs = match requests(text) {
        Ok(rs) => rs,
        Err(e) => return vec![e],
    };
    let mut errors = Vec::new();
    for (i, r) in rs.iter().enumerate() {
        let op = schema["operations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|op| op["method"] == r.method.as_str() && match_path(op["path"].as_str().unwrap(), &r.path).is_some_and(|q| q.is_empty()));
        let Some(op) = op else {
            errors.push(format!("{} {}: no such operation (IDs must be <...> placeholders)", r.method, r.path));
            continue;
        };
        match (op["body"].as_str(), &r.body) {
            (None, None) => {}
            (Some(object), Some(body)) => {
                errors.extend(check_nsx_object(&schema["objects"], object, body, object));
                // A PATCH replaces the list: the snippet GETs the current one first.
                let read_first = i > 0 && rs[i - 1].method == "GET" && rs[i - 1].path == r.path;
                if !read_first {
                    errors.push(format!("{} {}: no GET of the same config before it", r.method, r.path));
                }
            }
            (Some(_), None) => errors.push(format!("{} {}: needs a body", r.method, r.path)),
            (None, Some(_)) => errors.push(format!("{} {}: takes no body", r.method, r.path)),
        }
    }
    errors
}

// ---------------------------------------------------------------------------------
// Terraform: a minimal HCL parser (what the snippet emits) and the schema check.

#[derive(Debug, Clone, PartialEq)]
enum Expr {
    Str(String),
    Num(f64),
    Bool(bool),
    List(Vec<Expr>),
}

#[derive(Debug, Clone, PartialEq, Default)]
struct Body {
    attrs: Vec<(String, Expr)>,
    blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
struct Block {
    kind: String,
    labels: Vec<String>,
    body: Body,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Str(String),
    Num(f64),
    Punct(char),
}

fn lex(src: &str) -> Result<Vec<Tok>, String> {
    let cs: Vec<char> = src.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '#' || (c == '/' && cs.get(i + 1) == Some(&'/')) {
            while i < cs.len() && cs[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && cs.get(i + 1) == Some(&'*') {
            i += 2;
            while i + 1 < cs.len() && !(cs[i] == '*' && cs[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c.is_ascii_alphabetic() || c == '_' {
            let start = i;
            while i < cs.len() && (cs[i].is_ascii_alphanumeric() || cs[i] == '_' || cs[i] == '-') {
                i += 1;
            }
            toks.push(Tok::Ident(cs[start..i].iter().collect()));
        } else if c.is_ascii_digit() || (c == '-' && cs.get(i + 1).is_some_and(char::is_ascii_digit)) {
            let start = i;
            i += 1;
            while i < cs.len() && (cs[i].is_ascii_digit() || cs[i] == '.') {
                i += 1;
            }
            let text: String = cs[start..i].iter().collect();
            toks.push(Tok::Num(text.parse().map_err(|_| format!("bad number {text}"))?));
        } else if c == '"' {
            i += 1;
            let mut s = String::new();
            loop {
                match cs.get(i) {
                    None | Some('\n') => return Err("unterminated string".into()),
                    Some('"') => break,
                    Some('\\') => {
                        let e = cs.get(i + 1).ok_or("bad escape")?;
                        s.push(match e {
                            'n' => '\n',
                            't' => '\t',
                            other => *other,
                        });
                        i += 2;
                    }
                    Some(&ch) => {
                        if (ch == '$' || ch == '%') && cs.get(i + 1) == Some(&'{') {
                            return Err(format!("template sequence {ch}{{ in a string: not a literal"));
                        }
                        s.push(ch);
                        i += 1;
                    }
                }
            }
            i += 1;
            toks.push(Tok::Str(s));
        } else if "{}[]=,".contains(c) {
            toks.push(Tok::Punct(c));
            i += 1;
        } else {
            return Err(format!("unexpected character {c:?}"));
        }
    }
    Ok(toks)
}

struct Parser {
    toks: Vec<Tok>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.at)
    }

    fn next(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.at).cloned();
        self.at += 1;
        t
    }

    fn body(&mut self, top: bool) -> Result<Body, String> {
        let mut body = Body::default();
        loop {
            match self.peek() {
                None if top => return Ok(body),
                Some(Tok::Punct('}')) if !top => {
                    self.at += 1;
                    return Ok(body);
                }
                Some(Tok::Ident(_)) => {}
                other => return Err(format!("expected an argument or block, got {other:?}")),
            }
            let Some(Tok::Ident(name)) = self.next() else { unreachable!() };
            if self.peek() == Some(&Tok::Punct('=')) {
                self.at += 1;
                let e = self.expr()?;
                body.attrs.push((name, e));
                continue;
            }
            let mut labels = Vec::new();
            loop {
                match self.next() {
                    Some(Tok::Str(l)) | Some(Tok::Ident(l)) => labels.push(l),
                    Some(Tok::Punct('{')) => break,
                    other => return Err(format!("block {name}: expected a label or '{{', got {other:?}")),
                }
            }
            let inner = self.body(false)?;
            body.blocks.push(Block { kind: name, labels, body: inner });
        }
    }

    fn expr(&mut self) -> Result<Expr, String> {
        match self.next() {
            Some(Tok::Str(s)) => Ok(Expr::Str(s)),
            Some(Tok::Num(n)) => Ok(Expr::Num(n)),
            Some(Tok::Ident(b)) if b == "true" || b == "false" => Ok(Expr::Bool(b == "true")),
            Some(Tok::Punct('[')) => {
                let mut items = Vec::new();
                loop {
                    if self.peek() == Some(&Tok::Punct(']')) {
                        self.at += 1;
                        return Ok(Expr::List(items));
                    }
                    items.push(self.expr()?);
                    match self.next() {
                        Some(Tok::Punct(',')) => {}
                        Some(Tok::Punct(']')) => return Ok(Expr::List(items)),
                        other => return Err(format!("expected ',' or ']', got {other:?}")),
                    }
                }
            }
            other => Err(format!("expected a value, got {other:?}")),
        }
    }
}

fn parse_hcl(src: &str) -> Result<Body, String> {
    let mut p = Parser { toks: lex(src)?, at: 0 };
    p.body(true)
}

fn check_value(spec: &Value, value: &Expr, at: &str, errors: &mut Vec<String>) {
    let ty = spec["type"].as_str().unwrap();
    match (ty, value) {
        ("TypeString", Expr::Str(s)) => {
            let validate = spec["validate"].as_str();
            if validate == Some("not empty") && s.is_empty() {
                errors.push(format!("{at}: must not be empty"));
            }
            if validate == Some("IPv4 address") && !is_placeholder(s) && s.parse::<Ipv4Addr>().is_err() {
                errors.push(format!("{at}: {s:?} is not an IPv4 address"));
            }
            // Go's net.ParseCIDR (validation.IsCIDR) takes an address with its prefix, host bits allowed.
            let cidr = |s: &str| s.split_once('/').is_some_and(|(a, p)| a.parse::<Ipv4Addr>().is_ok() && p.parse::<u8>().is_ok_and(|p| p <= 32));
            if validate == Some("CIDR") && !is_placeholder(s) && !cidr(s) {
                errors.push(format!("{at}: {s:?} is not a CIDR"));
            }
            // terraform-provider-nsxt validatePolicyPath: an absolute path.
            if validate == Some("policy path") && !s.starts_with('/') {
                errors.push(format!("{at}: {s:?} is not a policy path"));
            }
            if let Some(allowed) = spec["one_of"].as_array() {
                if !allowed.iter().any(|a| a == s.as_str()) {
                    errors.push(format!("{at}: {s:?} is not one of {}", spec["one_of"]));
                }
            }
        }
        ("TypeInt", Expr::Num(n)) => {
            if n.fract() != 0.0 {
                errors.push(format!("{at}: {n} is not a whole number"));
            }
            if spec["minimum"].as_f64().is_some_and(|m| *n < m) || spec["maximum"].as_f64().is_some_and(|m| *n > m) {
                errors.push(format!("{at}: {n} is outside {}-{}", spec["minimum"], spec["maximum"]));
            }
        }
        ("TypeBool", Expr::Bool(_)) => {}
        ("TypeList" | "TypeSet", Expr::List(items)) if spec.get("elem").is_some() => {
            let n = items.len() as u64;
            if spec["min_items"].as_u64().is_some_and(|m| n < m) || spec["max_items"].as_u64().is_some_and(|m| n > m) {
                errors.push(format!("{at}: {n} items, allowed {}-{}", spec["min_items"], spec["max_items"]));
            }
            let elem = json!({ "type": spec["elem"], "validate": spec["validate"], "one_of": spec["one_of"] });
            for (i, item) in items.iter().enumerate() {
                check_value(&elem, item, &format!("{at}[{i}]"), errors);
            }
        }
        _ => errors.push(format!("{at}: {value:?} where {ty}{} is needed", spec.get("elem").map(|e| format!(" of {e}")).unwrap_or_default())),
    }
}

fn check_tf_body(schema: &Value, blocks: &Value, body: &Body, at: &str) -> Vec<String> {
    check_tf_block(schema, blocks, &Value::Null, body, at)
}

/// [`check_tf_body`] with the fixture's `at_most_one_of` rule for this block.
fn check_tf_block(schema: &Value, blocks: &Value, one_of: &Value, body: &Body, at: &str) -> Vec<String> {
    let mut errors = Vec::new();
    let present = |n: &str| body.attrs.iter().any(|(a, _)| a == n) || body.blocks.iter().any(|b| b.kind == n);
    let exclusive: Vec<&str> = one_of.as_array().into_iter().flatten().filter_map(Value::as_str).filter(|n| present(n)).collect();
    if exclusive.len() > 1 {
        errors.push(format!("{at}: at most one of {one_of} may be given, got {exclusive:?}"));
    }
    let args = schema.as_object().unwrap();
    let mut seen = Vec::new();
    for (name, value) in &body.attrs {
        let here = format!("{at}.{name}");
        if seen.contains(&name) {
            errors.push(format!("{here}: given twice"));
        }
        seen.push(name);
        match args.get(name) {
            None => errors.push(format!("{here}: unknown argument")),
            Some(spec) if spec.get("block").is_some() => errors.push(format!("{here}: a block, written as an argument")),
            Some(spec) => check_value(spec, value, &here, &mut errors),
        }
    }
    for b in &body.blocks {
        let here = format!("{at}.{}", b.kind);
        match args.get(&b.kind) {
            None => errors.push(format!("{here}: unknown block")),
            Some(spec) if spec.get("block").is_none() => errors.push(format!("{here}: an argument, written as a block")),
            Some(spec) => {
                if !b.labels.is_empty() {
                    errors.push(format!("{here}: a nested block takes no labels"));
                }
                let kind = spec["block"].as_str().unwrap();
                let rule = blocks.get("$at_most_one_of").map(|r| r[kind].clone()).unwrap_or(Value::Null);
                errors.extend(check_tf_block(&blocks[kind], blocks, &rule, &b.body, &here));
            }
        }
    }
    for (name, spec) in args {
        let required = spec["required"].as_bool().unwrap_or(false);
        if spec.get("block").is_some() {
            let n = body.blocks.iter().filter(|b| &b.kind == name).count() as u64;
            // SDKv2: a required block with no MinItems must appear at least once.
            let min = spec["min_items"].as_u64().unwrap_or(u64::from(required));
            if n < min {
                errors.push(format!("{at}.{name}: required block missing ({n} of at least {min})"));
            }
            if spec["max_items"].as_u64().is_some_and(|max| n > max) {
                errors.push(format!("{at}.{name}: {n} blocks, at most {}", spec["max_items"]));
            }
        } else if required && !body.attrs.iter().any(|(a, _)| a == name) {
            errors.push(format!("{at}.{name}: required argument missing"));
        }
        for other in spec["conflicts_with"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            if present(name) && present(other) {
                errors.push(format!("{at}.{name}: conflicts with {other}"));
            }
        }
    }
    errors
}

/// The provider fixtures, by resource type.
fn tf_schemas() -> Vec<Value> {
    vec![
        fixture("vsphere_supervisor-2.13.0.json"),
        fixture("vsphere_supervisor_v2-2.16.0.json"),
        fixture("nsxt_vpc-3.12.0.json"),
        fixture("nsxt_vpc_attachment-3.12.0.json"),
    ]
}

/// Parses the snippet and checks each resource block against its provider fixture.
fn check_tf_text(text: &str) -> Vec<String> {
    let schemas = tf_schemas();
    let body = match parse_hcl(text) {
        Ok(b) => b,
        Err(e) => return vec![format!("HCL does not parse: {e}")],
    };
    let mut errors = Vec::new();
    if !body.attrs.is_empty() {
        errors.push("arguments outside a resource block".to_string());
    }
    if body.blocks.is_empty() {
        errors.push("no resource block".to_string());
    }
    for b in &body.blocks {
        let schema = match b.labels.first() {
            Some(kind) if b.kind == "resource" => schemas.iter().find(|s| s["resource"].as_str() == Some(kind.as_str())),
            _ => None,
        };
        match (b.labels.as_slice(), schema) {
            ([kind, name], Some(schema)) => {
                let label = regex_lite(schema["label"]["pattern"].as_str().unwrap());
                if !label(name) {
                    errors.push(format!("resource label {name:?} is not a Terraform identifier"));
                }
                let mut blocks = schema["blocks"].clone();
                blocks["$at_most_one_of"] = schema["at_most_one_of"].clone();
                let at = format!("{kind}.{name}");
                errors.extend(check_tf_body(&schema["schema"], &blocks, &b.body, &at));
                if let Some(one) = schema["exactly_one_of"].as_array() {
                    let n = one.iter().filter(|a| b.body.attrs.iter().any(|(x, _)| Some(x.as_str()) == a.as_str())).count();
                    if n != 1 {
                        errors.push(format!("{at}: exactly one of {} must be given, got {n}", schema["exactly_one_of"]));
                    }
                }
            }
            (other, _) => errors.push(format!("{} {other:?}: not a resource of a provider fixture", b.kind)),
        }
    }
    errors
}

/// The fixture's label pattern `^[A-Za-z_][A-Za-z0-9_-]*$` as a predicate (no regex
/// crate in this project); any other pattern fails loudly.
fn regex_lite(pattern: &str) -> impl Fn(&str) -> bool {
    assert_eq!(pattern, "^[A-Za-z_][A-Za-z0-9_-]*$", "the test knows only this label pattern");
    |s: &str| {
        let mut cs = s.chars();
        cs.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && cs.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    }
}

// ---------------------------------------------------------------------------------
// The scenarios every snippet is checked on.

fn variants() -> Vec<(String, Scenario)> {
    let mut out: Vec<(String, Scenario)> = presets::all().iter().map(|p| (format!("preset {}", p.key), p.scenario.clone())).collect();
    let dir = root().join("tests/scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for f in files.iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
        let s = Scenario::from_json(&std::fs::read_to_string(f).unwrap()).unwrap();
        out.push((f.file_name().unwrap().to_string_lossy().into_owned(), s));
    }
    for mode in HaMode::ALL {
        for placement in Placement::ALL {
            for (nat, size) in [(true, ControlPlaneSize::Small), (false, ControlPlaneSize::Tiny), (true, ControlPlaneSize::Large)] {
                let mut s = Scenario::default();
                s.se_group.ha_mode = Some(mode);
                s.se_group.placement = Some(placement);
                s.supervisors[0].nat = nat;
                s.supervisors[0].control_plane_size = size;
                s.supervisors[0].namespaces[0].count = 3;
                s.supervisors[0].networks.management_start = Some("192.168.10.20".into());
                out.push((format!("{mode:?} {placement:?} nat {nat} {size:?}"), s));
            }
        }
    }
    let mut s = Scenario::default();
    s.se_group.scale_factor = Some(8);
    s.se_group.max_se = Some(20);
    out.push(("scale factor 8".into(), s));
    let mut s = Scenario::default();
    s.se_group.max_se = Some(1000);
    s.se_group.max_vs_per_se = Some(1);
    s.supervisors[0].namespaces[0].count = 2000;
    s.supervisors[0].networks.address_pool = vec!["10.0.0.0/8".into()];
    out.push(("more than 1000 SEs".into(), s));
    let mut s = Scenario::default();
    s.supervisors[0].name = "7 \"quoted\"\nname".into();
    let mut g = NamespaceGroup::new("routed", 2);
    g.nat = Some(false);
    g.namespace_subnet_prefix = Some(27);
    s.supervisors[0].namespaces.push(g);
    out.push(("odd name, routed group".into(), s));
    out.extend(vds_variants());
    out.extend(vpc_variants());
    out
}

fn each_supervisor(mut f: impl FnMut(&str, &SupervisorPlan)) {
    for (name, s) in variants() {
        let plan = plan_of(&s);
        for sp in &plan.supervisors {
            f(&format!("{name} / {}", sp.name), sp);
        }
    }
}

// ---------------------------------------------------------------------------------
// Every snippet of every scenario validates.

#[test]
fn every_avi_snippet_is_a_valid_avi_request_set() {
    let mut checked = 0;
    each_supervisor(|name, sp| {
        let text = Snippet::Avi.render(sp);
        let errors = check_avi_text(&text);
        assert!(errors.is_empty(), "{name}: {errors:#?}\n{text}");
        let rs = requests(&text).unwrap();
        if sp.vds.is_some() {
            check_vds_avi(name, sp, &text, &rs);
            return;
        }
        if !sp.service_engines.feasible {
            assert!(rs.is_empty() && text.contains("Not applicable"), "{name}: SEs that cannot exist got a snippet\n{text}");
            return;
        }
        checked += 1;
        // Where: the template before enabling (A), the Supervisor's copy after (B), each said.
        assert!(text.contains("### A1. Before enabling") && text.contains("### A2. Before enabling"), "{name}");
        assert!(text.contains("### B. After enabling") && text.contains("named after its cluster ID"), "{name}");
        let patches: Vec<&Request> = rs.iter().filter(|r| r.method == "PATCH").collect();
        assert_eq!(patches.len(), 3, "{name}: cloud template, existing template, the copy");
        for r in &patches {
            let body = r.body.as_ref().unwrap().as_object().unwrap();
            assert_eq!(body.keys().collect::<Vec<_>>(), ["replace"], "{name}: {} is not Avi's PATCH form", r.path);
        }
        let post = rs.iter().find(|r| r.method == "POST").expect("the template POST");
        let post = post.body.as_ref().unwrap();
        assert!(post["cloud_ref"].as_str().is_some_and(|c| c.starts_with("/api/cloud/<") && c.ends_with('>')), "{name}");
        let fields = &patches[2].body.as_ref().unwrap()["replace"];
        assert!(fields.get("active_standby").is_none(), "{name}: active_standby is sent");
        let s = &sp.settings;
        assert_eq!(fields["ha_mode"], s.ha_mode.avi_api(), "{name}");
        if s.ha_mode != HaMode::ActiveStandby {
            assert_eq!(fields["min_scaleout_per_vs"], s.scale_factor, "{name}");
            assert_eq!(fields["max_scaleout_per_vs"], s.max_scaleout_per_vs, "{name}");
        }
        // max_se as the plan advises it (the group, buffer included, stays within it), at most Avi's 1000.
        let max_se = fields["max_se"].as_u64().unwrap();
        let total = u64::from(sp.service_engines.total);
        let advised = u64::from(sp.service_engines.max_se_advised.unwrap_or(s.max_se));
        assert!(advised >= total.max(u64::from(s.max_se)), "{name}");
        assert_eq!(max_se, advised.min(1000), "{name}");
        assert_eq!(advised > 1000, text.contains("more than one Avi SE group can hold"), "{name}: a plan above 1000 SEs is flagged");
        assert_eq!(fields["memory_per_se"], u64::from(s.memory_gb_per_se) * 1024, "{name}: MB");
    });
    assert!(checked > 40, "{checked}");
}

#[test]
fn every_nsx_snippet_is_a_valid_policy_api_request_set() {
    each_supervisor(|name, sp| {
        let text = Snippet::Nsx.render(sp);
        let errors = check_nsx_text(&text);
        assert!(errors.is_empty(), "{name}: {errors:#?}\n{text}");
        let rs = requests(&text).unwrap();
        if sp.vds.is_some() {
            assert!(rs.is_empty() && text.contains("does not apply") && text.contains("no NSX and no T0"), "{name}\n{text}");
            return;
        }
        if sp.vpc.is_some() {
            assert!(rs.is_empty() && text.contains("does not apply") && text.contains("transit gateway"), "{name}\n{text}");
            return;
        }
        let bodies: Vec<&Value> = rs.iter().filter_map(|r| r.body.as_ref()).collect();
        let with_aggregates: Vec<_> = sp.net.routes.iter().filter(|r| !r.aggregates.is_empty()).collect();
        assert_eq!(bodies.len(), with_aggregates.len(), "{name}");
        for (body, r) in bodies.iter().zip(&with_aggregates) {
            let prefixes: Vec<&str> = body["route_aggregations"].as_array().unwrap().iter().map(|e| e["prefix"].as_str().unwrap()).collect();
            assert_eq!(prefixes, r.aggregates.iter().map(String::as_str).collect::<Vec<_>>(), "{name}: {}", r.t0);
        }
        assert!(text.contains("A PATCH replaces the whole route_aggregations list: GET the BGP config first"), "{name}");
    });
}

#[test]
fn every_terraform_snippet_parses_and_fits_vsphere_supervisor() {
    each_supervisor(|name, sp| {
        let text = Snippet::Terraform.render(sp);
        if sp.vpc.is_some() {
            check_vpc_tf(name, sp, &text);
            return;
        }
        let errors = check_tf_text(&text);
        assert!(errors.is_empty(), "{name}: {errors:#?}\n{text}");
        if sp.vds.is_some() {
            check_vds_tf(name, sp, &text);
            return;
        }
        let body = parse_hcl(&text).unwrap();
        let res = &body.blocks[0];
        let attr = |n: &str| res.body.attrs.iter().find(|(a, _)| a == n).map(|(_, e)| e.clone());
        assert_eq!(attr("sizing_hint"), Some(Expr::Str(sp.control_plane_size.sizing_hint().into())), "{name}");
        let mgmt = res.body.blocks.iter().find(|b| b.kind == "management_network").unwrap();
        let count = mgmt.body.attrs.iter().find(|(a, _)| a == "address_count").map(|(_, e)| e.clone());
        let planned = sp.net.management.as_ref().map_or(5, |m| m.addresses);
        assert_eq!(count, Some(Expr::Num(planned as f64)), "{name}: address_count is the planned count");
        let cidrs = |kind: &str| -> Vec<String> {
            res.body
                .blocks
                .iter()
                .filter(|b| b.kind == kind)
                .map(|b| match (&b.body.attrs[0].1, &b.body.attrs[1].1) {
                    (Expr::Str(a), Expr::Num(p)) => format!("{a}/{p}"),
                    other => panic!("{other:?}"),
                })
                .collect()
        };
        let n = &sp.net.networks;
        assert_eq!(cidrs("ingress_cidr"), n.ingress_cidr, "{name}");
        assert_eq!(cidrs("pod_cidr"), n.namespace_network, "{name}");
        assert_eq!(cidrs("service_cidr"), n.service_cidr, "{name}");
        if n.egress_cidr.is_empty() {
            assert!(text.contains("NAT is off in this plan, but vsphere_supervisor sends no routed_mode"), "{name}\n{text}");
        } else {
            assert_eq!(cidrs("egress_cidr"), n.egress_cidr, "{name}");
        }
        let said = text.replace("\n# ", " ");
        assert!(said.contains("vsphere_supervisor has no argument for the namespace subnet prefix"), "{name}\n{text}");
        for r in &sp.net.routes {
            let what = match r.kind {
                T0Mode::Shared => continue,
                T0Mode::Dedicated => "a dedicated T0",
                T0Mode::Vrf => "a dedicated T0 VRF gateway",
            };
            assert!(said.contains(what), "{name}: {what} not said\n{text}");
        }
    });
}

#[test]
fn the_resource_label_starts_with_a_letter_or_underscore() {
    for (name, want) in [("supervisor-1", "supervisor_1"), ("7 lives", "supervisor_7_lives"), ("_x", "_x"), ("Ünïcode", "_n_code")] {
        assert_eq!(snippets::resource_label(name), want);
        assert!(regex_lite("^[A-Za-z_][A-Za-z0-9_-]*$")(want));
    }
}

#[test]
fn a_t0_with_nothing_to_aggregate_gets_no_body() {
    let plan = plan_of(&presets::find("dedicated-t0-vrf").unwrap().scenario);
    let mut sp = plan.supervisors[0].clone();
    sp.net.routes[1].aggregates.clear();
    let text = Snippet::Nsx.render(&sp);
    assert!(check_nsx_text(&text).is_empty());
    assert_eq!(requests(&text).unwrap().iter().filter(|r| r.body.is_some()).count(), sp.net.routes.len() - 1);
    assert!(text.contains(&format!("### {} (the dedicated T0 of dmz):", sp.net.routes[1].t0)) && text.contains("nothing to aggregate"), "{text}");
}

// ---------------------------------------------------------------------------------
// VDS: the SE group on a vCenter cloud, vsphere_supervisor_v2.

/// The Avi snippet of a VDS Supervisor: the marked group (Enterprise) or Default-Group,
/// then the group in use; nothing for SEs Avi does not run.
fn check_vds_avi(name: &str, sp: &SupervisorPlan, text: &str, rs: &[Request]) {
    let v = sp.vds.as_ref().unwrap();
    if v.edge == EdgeProvider::Foundation {
        assert!(rs.is_empty() && text.contains("Not applicable"), "{name}: an FLB Supervisor got an SE group\n{text}");
        return;
    }
    assert!(text.contains("Unlike NSX") && text.contains("clustername"), "{name}: the VDS difference is not said\n{text}");
    let lines: Vec<String> = rs.iter().map(|r| format!("{} {}", r.method, r.path.split('?').next().unwrap())).collect();
    let mut want = vec![
        "GET /api/serviceenginegroup",
        "PATCH /api/serviceenginegroup/<default-group-uuid>",
        "PATCH /api/serviceenginegroup/<se-group-uuid>",
    ];
    if v.avi.licence != AviLicence::Essentials {
        want.insert(0, "POST /api/serviceenginegroup");
        let post = rs[0].body.as_ref().unwrap();
        assert_eq!(post["markers"], json!([{ "key": "clustername", "values": ["<cluster-id>"] }]), "{name}");
        assert!(post["cloud_ref"].as_str().unwrap().contains("<vcenter-cloud-uuid>"), "{name}");
    } else {
        assert!(!text.contains("markers"), "{name}: a marker's key is an Enterprise field");
        assert_eq!(sp.settings.ha_mode, HaMode::ActiveStandby, "{name}");
    }
    assert_eq!(lines, want, "{name}");
    let fields = &rs.last().unwrap().body.as_ref().unwrap()["replace"];
    assert_eq!(fields["ha_mode"], sp.settings.ha_mode.avi_api(), "{name}");
    assert!(text.contains(&format!("data pool needs {} addresses", v.avi.data_network.addresses)), "{name}\n{text}");
}

/// The values of the `range`/`ip_range`/`lb_address_range` blocks named `kind` in `body`.
fn tf_ranges(body: &Body, kind: &str) -> Vec<(String, u64)> {
    body.blocks
        .iter()
        .filter(|b| b.kind == kind)
        .map(|b| {
            let get = |n: &str| b.body.attrs.iter().find(|(a, _)| a == n).map(|(_, e)| e.clone());
            match (get("address"), get("count")) {
                (Some(Expr::Str(a)), Some(Expr::Num(c))) => (a, c as u64),
                other => panic!("{other:?}"),
            }
        })
        .collect()
}

fn tf_block<'a>(body: &'a Body, path: &[&str]) -> &'a Body {
    path.iter().fold(body, |b, kind| &b.blocks.iter().find(|x| x.kind == *kind).unwrap_or_else(|| panic!("no {kind}")).body)
}

fn tf_attr(body: &Body, name: &str) -> Option<Expr> {
    body.attrs.iter().find(|(a, _)| a == name).map(|(_, e)| e.clone())
}

/// `(first address, count)` of `first-last` range texts.
fn plan_ranges(texts: &[String]) -> Vec<(String, u64)> {
    texts
        .iter()
        .map(|t| {
            let (a, b) = t.split_once('-').unwrap();
            let n = |x: &str| u64::from(u32::from(x.parse::<Ipv4Addr>().unwrap()));
            (a.to_string(), n(b) - n(a) + 1)
        })
        .collect()
}

/// A VDS Supervisor's `vsphere_supervisor_v2`: the plan's control plane, primary
/// network ranges, service CIDR and edge; no `provider` argument anywhere.
fn check_vds_tf(name: &str, sp: &SupervisorPlan, text: &str) {
    let errors = check_tf_text(text);
    assert!(errors.is_empty(), "{name}: {errors:#?}\n{text}");
    assert!(!text.contains("provider =") && !text.contains("network_type = \"VSPHERE\""), "{name}\n{text}");
    let v = sp.vds.as_ref().unwrap();
    let body = parse_hcl(text).unwrap();
    let res = &body.blocks[0];
    assert_eq!(res.labels[0], "vsphere_supervisor_v2");
    let cp = tf_block(&res.body, &["control_plane"]);
    assert_eq!(tf_attr(cp, "count"), Some(Expr::Num(f64::from(v.control_plane_vms))), "{name}");
    assert_eq!(tf_attr(cp, "size"), Some(Expr::Str(sp.control_plane_size.sizing_hint().into())), "{name}");
    let net = tf_block(&res.body, &["workloads", "network"]);
    let primary = &v.workload_networks[0];
    assert_eq!(tf_attr(net, "network"), Some(Expr::Str(primary.name.clone())), "{name}");
    let ipm = tf_block(net, &["ip_management"]);
    let by_assignee = |who: &str| -> Vec<(String, u64)> {
        let b = ipm.blocks.iter().find(|b| tf_attr(&b.body, "assignee") == Some(Expr::Str(who.into()))).unwrap();
        tf_ranges(&b.body, "range")
    };
    let d = if v.edge == EdgeProvider::Avi { &primary.avi } else { &primary.flb };
    let nodes = plan_ranges(&d.ranges);
    if nodes.is_empty() {
        assert_eq!(by_assignee("NODE"), [("<first-node-ip>".to_string(), d.with_growth)], "{name}");
    } else {
        assert_eq!(by_assignee("NODE"), nodes, "{name}");
    }
    let (addr, prefix) = v.service_cidr.split_once('/').unwrap();
    assert_eq!(by_assignee("SERVICE"), [(addr.to_string(), 1u64 << (32 - prefix.parse::<u32>().unwrap()))], "{name}");
    let edge = tf_block(&res.body, &["workloads", "edge"]);
    match v.edge {
        EdgeProvider::Avi => {
            assert!(edge.blocks.iter().map(|b| b.kind.as_str()).eq(["nsx_advanced"]), "{name}: Avi alone, no lb_address_range");
        }
        EdgeProvider::Foundation => {
            let f = &v.flb;
            let given = plan_ranges(&f.vip_range.ranges);
            let want = if given.is_empty() { vec![("<first-vip>".to_string(), f.vip_range.with_growth)] } else { given };
            assert_eq!(tf_ranges(edge, "lb_address_range"), want, "{name}");
            let dt = tf_block(edge, &["foundation", "deployment_target"]);
            assert_eq!(tf_attr(dt, "availability"), Some(Expr::Str(f.availability.api().into())), "{name}");
            assert_eq!(tf_attr(dt, "deployment_size"), Some(Expr::Str(f.size.api().into())), "{name}");
            let interfaces: Vec<(Expr, Expr)> = tf_block(edge, &["foundation"])
                .blocks
                .iter()
                .filter(|b| b.kind == "interface")
                .map(|b| (tf_attr(&b.body, "personas").unwrap(), tf_attr(tf_block(&b.body, &["network"]), "network_type").unwrap()))
                .collect();
            let want: Vec<(Expr, Expr)> = f
                .interfaces
                .iter()
                .map(|i| (Expr::List(i.personas.iter().map(|p| Expr::Str(p.to_string())).collect()), Expr::Str(i.network_type.into())))
                .collect();
            assert_eq!(interfaces, want, "{name}");
        }
    }
    let said = text.replace("\n# ", " ");
    for w in &v.workload_networks[1..] {
        assert!(said.contains(&format!("Workload network {}", w.name)), "{name}: {} not said\n{text}", w.name);
    }
}

/// VDS scenarios beyond the files: each edge and FLB topology, attached SEs,
/// Essentials, three zones, no range given for the FLB.
fn vds_variants() -> Vec<(String, Scenario)> {
    let base = presets::find("vds").unwrap().scenario;
    let mut out = Vec::new();
    for topology in FlbTopology::ALL {
        for availability in [FlbAvailability::ActivePassive, FlbAvailability::SingleNode] {
            let mut s = base.clone();
            let v = &mut s.supervisors[0].vds;
            v.edge = Some(EdgeProvider::Foundation);
            v.flb.topology = Some(topology);
            v.flb.availability = Some(availability);
            v.flb.size = Some(FlbSize::Large);
            if topology == FlbTopology::ThreeNic {
                let range = |address: &str, count| vec![avi_sizer::scenario::RangeSpec { address: address.into(), count }];
                v.flb.vip_ranges = range("10.30.20.20", 30);
                v.flb.frontend_network.subnet = Some("10.30.20.0/26".into());
                v.flb.frontend_network.ranges = range("10.30.20.2", 4);
                v.flb.management_network.ranges = range("10.30.21.2", 4);
            }
            out.push((format!("vds flb {topology:?} {availability:?}"), s));
        }
    }
    let mut s = base.clone();
    s.supervisors[0].vds.se_attachment = Some(SeAttachment::Attached);
    s.supervisors[0].zones = 3;
    s.supervisors[0].vds.control_plane_vms = Some(1);
    out.push(("vds attached, 3 zones, 1 control-plane VM".into(), s));
    let mut s = base.clone();
    s.supervisors[0].vds.licence = Some(AviLicence::Essentials);
    s.se_group.max_vs_per_se = Some(20);
    out.push(("vds essentials".into(), s));
    for (edge, topology) in [(EdgeProvider::Avi, FlbTopology::TwoNic), (EdgeProvider::Foundation, FlbTopology::ThreeNic)] {
        let mut s = base.clone();
        let v = &mut s.supervisors[0].vds;
        v.edge = Some(edge);
        v.flb.topology = Some(topology);
        v.flb.vip_ranges.clear();
        v.data_network.ranges.clear();
        v.workload_networks.iter_mut().for_each(|w| w.ranges.clear());
        out.push((format!("vds {edge:?} {topology:?}, no range given"), s));
    }
    let mut s = base;
    s.supervisors[0].networks.management_start = None;
    s.supervisors[0].vds.workload_networks.truncate(1);
    s.supervisors[0].namespaces[1].workload_network = None;
    out.push(("vds one network, no management range".into(), s));
    out
}

/// A VPC Supervisor's Terraform: an `nsxt_vpc` and its attachment per pre-created
/// VPC with its private CIDRs and Avi's endpoint on, then `vsphere_supervisor_v2` on
/// `nsx_vpc` with the Supervisor's private CIDRs and an `nsx` edge; or, networks not
/// planned, no resource at all.
fn check_vpc_tf(name: &str, sp: &SupervisorPlan, text: &str) {
    use avi_sizer::platform::nsx_vpc::VpcKind;
    let v = sp.vpc.as_ref().unwrap();
    if !sp.networks_planned() {
        assert!(text.contains("Not applicable") && !text.contains("resource \""), "{name}\n{text}");
        return;
    }
    let errors = check_tf_text(text);
    assert!(errors.is_empty(), "{name}: {errors:#?}\n{text}");
    let body = parse_hcl(text).unwrap();
    let pre: Vec<_> = v.vpcs.iter().filter(|r| r.kind == VpcKind::PreCreated).collect();
    let vpcs: Vec<&Block> = body.blocks.iter().filter(|b| b.labels[0] == "nsxt_vpc").collect();
    let attachments = body.blocks.iter().filter(|b| b.labels[0] == "nsxt_vpc_attachment").count();
    assert_eq!((vpcs.len(), attachments), (pre.len(), pre.len()), "{name}");
    for (b, r) in vpcs.iter().zip(&pre) {
        assert_eq!(tf_attr(&b.body, "display_name"), Some(Expr::Str(r.name.clone())), "{name}");
        let ips = Expr::List(r.private_cidrs.iter().map(|c| Expr::Str(c.clone())).collect());
        assert_eq!(tf_attr(&b.body, "private_ips"), Some(ips), "{name}");
        assert_eq!(tf_attr(tf_block(&b.body, &["load_balancer_vpc_endpoint"]), "enabled"), Some(Expr::Bool(true)), "{name}");
    }
    let res = body.blocks.iter().find(|b| b.labels[0] == "vsphere_supervisor_v2").expect("the Supervisor");
    let net = tf_block(&res.body, &["workloads", "network", "nsx_vpc"]);
    let cidrs: Vec<String> = net
        .blocks
        .iter()
        .filter(|b| b.kind == "default_private_cidr")
        .map(|b| match (tf_attr(&b.body, "address"), tf_attr(&b.body, "prefix")) {
            (Some(Expr::Str(a)), Some(Expr::Num(p))) => format!("{a}/{p}"),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(&cidrs, &v.vpcs[0].private_cidrs, "{name}: the Supervisor's default private CIDRs");
    let edge = tf_block(&res.body, &["workloads", "edge"]);
    assert!(edge.blocks.iter().map(|b| b.kind.as_str()).eq(["nsx"]), "{name}: NSX-managed edge services");
    let said = text.replace("\n# ", " ");
    assert!(said.contains("NSX_REGISTERED_AVI"), "{name}\n{text}");
}

/// VPC scenarios beyond the files: SE groups per VPC, a second project, three zones,
/// a group's own private CIDRs, no private CIDR at all.
fn vpc_variants() -> Vec<(String, Scenario)> {
    let base = presets::find("vpc").unwrap().scenario;
    let mut out = Vec::new();
    let mut s = base.clone();
    s.supervisors[0].vpc.se_groups = Some(VpcSeGroups::PerVpc);
    s.supervisors[0].vpc.vpcs[0].project = Some("finance".into());
    s.supervisors[0].namespaces[0].count = 5;
    s.supervisors[0].namespaces[0].private_cidrs = vec!["172.18.0.0/20".into()];
    out.push(("vpc per-VPC SE groups, a second project, own private CIDRs".into(), s));
    let mut s = base.clone();
    s.supervisors[0].zones = 3;
    s.supervisors[0].networks.management_start = None;
    s.supervisors[0].nsx_lb = Some(Default::default());
    out.push(("vpc 3 zones, no management range, NSX LB compared".into(), s));
    let mut s = base;
    s.supervisors[0].vpc.private_cidrs.clear();
    out.push(("vpc no private CIDR".into(), s));
    out
}

// ---------------------------------------------------------------------------------
// The validators catch what they are for.

fn avi_patch(fields: Value) -> String {
    format!(
        "PATCH /api/serviceenginegroup/<uuid>\nX-Avi-Version: 30.2.1\nContent-Type: application/json\n\n{}\n",
        json!({ "replace": fields })
    )
}

#[test]
fn the_avi_validator_refuses_wrong_fields() {
    let good = json!({ "ha_mode": "HA_MODE_SHARED", "min_scaleout_per_vs": 2, "max_scaleout_per_vs": 4, "max_se": 10 });
    assert!(check_avi_text(&avi_patch(good.clone())).is_empty());
    let cases = [
        (json!({ "active_standby": false }), "ServiceEngineGroup.active_standby: unknown field"),
        (json!({ "max_ses": 10 }), "ServiceEngineGroup.max_ses: unknown field"),
        (json!({ "max_se": 1001 }), "ServiceEngineGroup.max_se: 1001 is outside 0-1000"),
        (json!({ "memory_per_se": 2 }), "ServiceEngineGroup.memory_per_se: 2 is outside 2048-262144"),
        (json!({ "max_vs_per_se": "10" }), "ServiceEngineGroup.max_vs_per_se: \"10\" is not a \"integer\""),
        (json!({ "ha_mode": "HA_MODE_ACTIVE_ACTIVE" }), "ServiceEngineGroup.ha_mode: \"HA_MODE_ACTIVE_ACTIVE\" is not one of"),
        (json!({ "algo": "PLACEMENT_ALGO_COMPACT" }), "ServiceEngineGroup.algo: \"PLACEMENT_ALGO_COMPACT\" is not one of"),
        (json!({ "min_scaleout_per_vs": 4, "max_scaleout_per_vs": 2 }), "ServiceEngineGroup.max_scaleout_per_vs: 2 is below min_scaleout_per_vs 4"),
        (json!({ "min_scaleout_per_vs": 2 }), "ServiceEngineGroup: max_scaleout_per_vs and min_scaleout_per_vs must be sent together"),
        (json!({ "max_scaleout_per_vs": 65, "min_scaleout_per_vs": 1 }), "ServiceEngineGroup.max_scaleout_per_vs: 65 is outside 1-64"),
        (json!({ "buffer_se": 1.5 }), "ServiceEngineGroup.buffer_se: 1.5 is not a \"integer\""),
    ];
    for (fields, want) in cases {
        let mut body = good.as_object().unwrap().clone();
        if fields.get("min_scaleout_per_vs").is_some() || fields.get("max_scaleout_per_vs").is_some() {
            body.remove("min_scaleout_per_vs");
            body.remove("max_scaleout_per_vs");
        }
        body.extend(fields.as_object().unwrap().clone());
        let errors = check_avi_text(&avi_patch(Value::Object(body)));
        assert!(errors.iter().any(|e| e.starts_with(want)), "{want}: {errors:?}");
    }
    // Not Avi's PATCH form, a wrong header, an unknown object, a full object without its name.
    let bare = "PATCH /api/serviceenginegroup/<uuid>\nX-Avi-Version: 30.2.1\n\n{\"max_se\": 10}\n";
    assert!(check_avi_text(bare).iter().any(|e| e.contains("a PATCH body is one of")), "{:?}", check_avi_text(bare));
    let add = "PATCH /api/serviceenginegroup/<uuid>\nX-Avi-Version: 30.2.1\n\n{\"add\": {\"max_se\": 10}}\n";
    assert!(check_avi_text(add).iter().any(|e| e.contains("replace, not add")));
    let old = "PATCH /api/serviceenginegroup/<uuid>\nX-Avi-Version: 22.1.4\n\n{\"replace\": {\"max_se\": 10}}\n";
    assert!(check_avi_text(old).iter().any(|e| e.contains("header X-Avi-Version")));
    let named = "PATCH /api/serviceenginegroup/Default-Group\nX-Avi-Version: 30.2.1\n\n{\"replace\": {\"max_se\": 10}}\n";
    assert!(check_avi_text(named).iter().any(|e| e.contains("no such operation")));
    let put = "PUT /api/serviceenginegroup/<uuid>\nX-Avi-Version: 30.2.1\n\n{\"max_se\": 10}\n";
    assert!(check_avi_text(put).iter().any(|e| e.contains("no such operation")));
    let post = "POST /api/serviceenginegroup\nX-Avi-Version: 30.2.1\n\n{\"max_se\": 10}\n";
    assert!(check_avi_text(post).iter().any(|e| e == "ServiceEngineGroup.name: required field missing"));
    let cloud = "PATCH /api/cloud/<uuid>\nX-Avi-Version: 30.2.1\n\n{\"replace\": {\"se_group_template\": \"x\"}}\n";
    assert!(check_avi_text(cloud).iter().any(|e| e == "Cloud.se_group_template: unknown field"));
    let marker = avi_patch(json!({ "markers": [{ "values": ["x"] }] }));
    assert!(check_avi_text(&marker).iter().any(|e| e == "ServiceEngineGroup.markers[0].key: required field missing"), "{:?}", check_avi_text(&marker));
    let marker = avi_patch(json!({ "markers": [{ "key": "clustername", "value": "x" }] }));
    assert!(check_avi_text(&marker).iter().any(|e| e.starts_with("ServiceEngineGroup.markers[0].value: not a field")), "{:?}", check_avi_text(&marker));
    let query = "GET /api/serviceenginegroup?nam=x\nX-Avi-Version: 30.2.1\n\n";
    assert!(check_avi_text(query).iter().any(|e| e.contains("unknown query parameter nam")));
}

#[test]
fn the_nsx_validator_refuses_wrong_fields() {
    let path = "/policy/api/v1/infra/tier-0s/<tier-0-id>/locale-services/<locale-service-id>/bgp";
    let text = |body: Value, p: &str| format!("GET {p}\n\nPATCH {p}\nContent-Type: application/json\n\n{body}\n");
    let good = json!({ "route_aggregations": [{ "prefix": "10.0.0.0/24", "summary_only": true }] });
    assert!(check_nsx_text(&text(good.clone(), path)).is_empty());
    let cases = [
        (json!({ "route_aggregations": [{ "prefix": "10.0.0.0/24", "summary": true }] }), "BgpRoutingConfig.route_aggregations[0].summary: not a property"),
        (json!({ "route_aggregations": [{ "prefix": "10.0.0.0/33" }] }), "BgpRoutingConfig.route_aggregations[0].prefix: \"10.0.0.0/33\" is not a CIDR"),
        (json!({ "route_aggregations": [{ "summary_only": true }] }), "BgpRoutingConfig.route_aggregations[0].prefix: required property missing"),
        (json!({ "route_aggregations": [{ "prefix": "10.0.0.0/24", "summary_only": "yes" }] }), "BgpRoutingConfig.route_aggregations[0].summary_only: \"yes\" is not a boolean"),
        (json!({ "route_aggregation": [] }), "BgpRoutingConfig.route_aggregation: not a property"),
        (json!({ "route_aggregations": (0..1001).map(|i| json!({ "prefix": format!("10.{}.{}.0/24", i / 256, i % 256) })).collect::<Vec<_>>() }),
         "BgpRoutingConfig.route_aggregations: 1001 items, at most 1000"),
    ];
    for (body, want) in cases {
        let errors = check_nsx_text(&text(body, path));
        assert!(errors.iter().any(|e| e.starts_with(want)), "{want}: {errors:?}");
    }
    // A plan label where the NSX ID goes, and a PATCH without reading the list first.
    let labelled = path.replace("<tier-0-id>", "t0");
    assert!(check_nsx_text(&text(good.clone(), &labelled)).iter().any(|e| e.contains("no such operation")));
    let blind = format!("PATCH {path}\nContent-Type: application/json\n\n{good}\n");
    assert!(check_nsx_text(&blind).iter().any(|e| e.contains("no GET of the same config")));
}

#[test]
fn the_terraform_validator_refuses_wrong_arguments() {
    let plan = plan_of(&Scenario::default());
    let good = Snippet::Terraform.render(&plan.supervisors[0]);
    assert!(check_tf_text(&good).is_empty());
    let swap = |from: &str, to: &str| {
        assert!(good.contains(from), "{from}");
        good.replacen(from, to, 1)
    };
    let cases = [
        (swap("  main_dns        = [\"<dns-server>\"]", "  main_dns        = \"<dns-server>\""), "vsphere_supervisor.supervisor_1.main_dns: Str(\"<dns-server>\") where TypeList of \"TypeString\" is needed"),
        (swap("  sizing_hint     = \"SMALL\"", "  sizing_hint     = [\"SMALL\"]"), "vsphere_supervisor.supervisor_1.sizing_hint: List("),
        (swap("  sizing_hint     = \"SMALL\"", "  sizing_hint     = \"small\""), "vsphere_supervisor.supervisor_1.sizing_hint: \"small\" is not one of"),
        (swap("  main_ntp        = [\"<ntp-server>\"]\n", ""), "vsphere_supervisor.supervisor_1.main_ntp: required argument missing"),
        (swap("  search_domains  = [\"<dns-search-domain>\"]", "  search_domains  = [\"a.example\", \"b.example\"]"), "vsphere_supervisor.supervisor_1.search_domains: 2 items, allowed 1-1"),
        (swap("  dvs_uuid ", "  dvs_uid  "), "vsphere_supervisor.supervisor_1.dvs_uid: unknown argument"),
        (swap("    address_count    = 5", "    address_count    = \"5\""), "vsphere_supervisor.supervisor_1.management_network.address_count: Str(\"5\") where TypeInt"),
        (swap("    address_count    = 5", "    address_count    = 0"), "vsphere_supervisor.supervisor_1.management_network.address_count: 0 is outside 1-null"),
        (swap("    prefix  = 23\n  }\n}", "    prefix  = 33\n  }\n}"), "vsphere_supervisor.supervisor_1.service_cidr.prefix: 33 is outside 0-32"),
        (swap("  service_cidr {", "  service_cidr {\n    address = \"10.97.0.0\"\n    prefix  = 24\n  }\n\n  service_cidr {"), "vsphere_supervisor.supervisor_1.service_cidr: 2 blocks, at most 1"),
        (swap("resource \"vsphere_supervisor\" \"supervisor_1\"", "resource \"vsphere_supervisor\" \"1supervisor\""), "resource label \"1supervisor\" is not a Terraform identifier"),
        (swap("  ingress_cidr {\n    address = \"10.220.", "  ingress_cidr {\n    address = \"10.300."), "vsphere_supervisor.supervisor_1.ingress_cidr.address: \"10.300."),
        (swap("  management_network {", "  management_network = {"), "HCL does not parse"),
    ];
    for (text, want) in cases {
        let errors = check_tf_text(&text);
        assert!(errors.iter().any(|e| e.starts_with(want)), "{want}: {errors:?}\n{text}");
    }
    // A required block missing: the egress block taken out.
    let start = good.find("\n  egress_cidr {").unwrap();
    let end = start + good[start + 1..].find("}\n").unwrap() + 3;
    let text = format!("{}{}", &good[..start], &good[end..]);
    assert!(check_tf_text(&text).contains(&"vsphere_supervisor.supervisor_1.egress_cidr: required block missing (0 of at least 1)".to_string()), "{:?}", check_tf_text(&text));
}

#[test]
fn the_vsphere_supervisor_v2_validator_refuses_wrong_arguments() {
    let mut s = presets::find("vds").unwrap().scenario;
    s.supervisors[0].vds.edge = Some(EdgeProvider::Foundation);
    let plan = plan_of(&s);
    let good = Snippet::Terraform.render(&plan.supervisors[0]);
    assert!(check_tf_text(&good).is_empty(), "{:?}", check_tf_text(&good));
    let swap = |from: &str, to: &str| {
        assert!(good.contains(from), "{from}");
        good.replacen(from, to, 1)
    };
    let r = "vsphere_supervisor_v2.vds_supervisor";
    let cases = [
        // The resource docs' example: a provider argument and a network_type the schema lacks.
        (swap("      id = \"<edge-name>\"", "      id = \"<edge-name>\"\n      provider = \"VSPHERE_FOUNDATION\""), format!("{r}.workloads.edge.provider: unknown argument")),
        (swap("      network = \"wl-1\"", "      network = \"wl-1\"\n      network_type = \"VSPHERE\""), format!("{r}.workloads.network.network_type: unknown argument")),
        (swap("      foundation {", "      nsx_advanced {\n        host = \"<h>\"\n        port = 443\n        username = \"<u>\"\n        password = \"<p>\"\n        ca_chain = \"<c>\"\n      }\n      foundation {"), format!("{r}.workloads.edge: at most one of")),
        (swap("personas = [\"MANAGEMENT\"]", "personas = [\"BACKEND\"]"), format!("{r}.workloads.edge.foundation.interface.personas[0]: \"BACKEND\" is not one of")),
        (swap("availability = \"ACTIVE_PASSIVE\"", "availability = \"ACTIVE_STANDBY\""), format!("{r}.workloads.edge.foundation.deployment_target.availability: \"ACTIVE_STANDBY\" is not one of")),
        (swap("gateway_address = \"<gateway-of-10.30.1.0/24>\"", "gateway_address = \"10.30.1.1\""), format!("{r}.workloads.network.ip_management.gateway_address: \"10.30.1.1\" is not a CIDR")),
        (swap("  cluster = \"<compute-cluster-id>\"", "  cluster = \"<compute-cluster-id>\"\n  zones = [\"<z>\"]"), format!("{r}.cluster: conflicts with zones")),
        (swap("  cluster = \"<compute-cluster-id>\"\n", ""), format!("{r}: exactly one of")),
        (swap("    kube_api_server_options {}\n", ""), format!("{r}.workloads.kube_api_server_options: required block missing")),
        (swap("    count = 3", "    count = \"3\""), format!("{r}.control_plane.count: Str(\"3\") where TypeInt")),
        (swap("        deployment_size = \"SMALL\"", "        deployment_size = \"XLARGE\""), format!("{r}.workloads.edge.foundation.deployment_target.deployment_size: \"XLARGE\" is not one of")),
    ];
    for (text, want) in cases {
        let errors = check_tf_text(&text);
        assert!(errors.iter().any(|e| e.starts_with(&want)), "{want}: {errors:?}\n{text}");
    }
}

#[test]
fn the_nsxt_vpc_validator_refuses_wrong_arguments() {
    let plan = plan_of(&presets::find("vpc").unwrap().scenario);
    let good = Snippet::Terraform.render(&plan.supervisors[0]);
    assert!(check_tf_text(&good).is_empty(), "{:?}", check_tf_text(&good));
    let swap = |from: &str, to: &str| {
        assert!(good.contains(from), "{from}");
        good.replacen(from, to, 1)
    };
    let cases = [
        (swap("private_ips = [\"172.20.0.0/20\"]", "private_ips = [\"172.20.0.0\"]"), "nsxt_vpc.shared_vpc.private_ips[0]: \"172.20.0.0\" is not a CIDR"),
        (swap("  display_name = \"shared-vpc\"\n", ""), "nsxt_vpc.shared_vpc.display_name: required argument missing"),
        (swap("    enabled = true", "    enabled = true\n    avi = true"), "nsxt_vpc.shared_vpc.load_balancer_vpc_endpoint.avi: unknown argument"),
        (swap("  parent_path = \"/orgs", "  parent_path = \"orgs"), "nsxt_vpc_attachment.shared_vpc.parent_path: \"orgs"),
        (swap("  context {\n    project_id = \"default\"\n  }\n", ""), "nsxt_vpc.shared_vpc.context: required block missing"),
    ];
    for (text, want) in cases {
        let errors = check_tf_text(&text);
        assert!(errors.iter().any(|e| e.starts_with(want)), "{want}: {errors:?}\n{text}");
    }
}

#[test]
fn the_hcl_parser_reads_what_terraform_reads() {
    let body = parse_hcl("# c\n// d\n/* e */ a = [\"x\", 1, true,]\nb \"l1\" l2 {\n  c = -2\n}\n").unwrap();
    assert_eq!(body.attrs, [("a".to_string(), Expr::List(vec![Expr::Str("x".into()), Expr::Num(1.0), Expr::Bool(true)]))]);
    assert_eq!((body.blocks[0].kind.as_str(), body.blocks[0].labels.clone()), ("b", vec!["l1".to_string(), "l2".to_string()]));
    assert_eq!(body.blocks[0].body.attrs, [("c".to_string(), Expr::Num(-2.0))]);
    for bad in ["a = \"${var.x}\"", "a = ", "b {", "a = [1 2]", "a = \"open"] {
        assert!(parse_hcl(bad).is_err(), "{bad}");
    }
}

#[test]
fn every_fixture_says_where_it_comes_from() {
    for name in [
        "avi-serviceenginegroup-30.2.1.json",
        "avi-cloud-30.2.1.json",
        "vsphere_supervisor-2.13.0.json",
        "vsphere_supervisor_v2-2.16.0.json",
        "nsxt_vpc-3.12.0.json",
        "nsxt_vpc_attachment-3.12.0.json",
        "nsx-policy-bgp-route-aggregations.json",
    ] {
        let f = fixture(name);
        let sources: Vec<Value> = match (f.get("source"), f.get("sources")) {
            (Some(s), _) => vec![s.clone()],
            (None, Some(Value::Array(list))) => list.clone(),
            _ => panic!("{name}: no source"),
        };
        for s in sources {
            let from_repo = s.get("repository").is_some();
            let keys: &[&str] = if from_repo { &["repository", "path", "commit", "licence", "read"] } else { &["document", "read"] };
            for key in keys {
                assert!(s[key].as_str().is_some_and(|v| !v.is_empty()), "{name}: {key} missing in {s}");
            }
            if from_repo {
                assert_eq!(s["commit"].as_str().unwrap().len(), 40, "{name}: a full commit id");
            }
        }
        assert!(f["about"].as_str().is_some_and(|a| a.starts_with("Derived by hand")), "{name}");
    }
}
