// Where a wasm module's bytes go: the code size of every function, named from the
// module's "name" section and grouped by crate (and by a few well-known parts of
// crates, such as core::fmt), like `twiggy top` without installing twiggy.
//
//   node wasm-size.mjs MODULE.wasm [how many rows, default 15]
//
// Use the module cargo builds (target/wasm32-unknown-unknown/release/*.wasm): it
// still has its names; wasm-opt strips them (and shrinks the code, so the shares,
// not the absolute bytes, are what carries over to the release build).

import { readFileSync } from "node:fs";

function leb(buf, pos) {
  let result = 0, shift = 0, byte;
  do {
    byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [result, pos];
}

function str(buf, pos) {
  const [len, p] = leb(buf, pos);
  return [buf.toString("utf8", p, p + len), p + len];
}

/// Sections of the module: [{ id, name, start, end }].
function sections(buf) {
  const out = [];
  let pos = 8;
  while (pos < buf.length) {
    const id = buf[pos];
    const [size, p] = leb(buf, pos + 1);
    let name = "";
    if (id === 0) [name] = str(buf, p);
    out.push({ id, name, start: p, end: p + size });
    pos = p + size;
  }
  return out;
}

function importedFunctions(buf, s) {
  let [count, pos] = leb(buf, s.start);
  let funcs = 0;
  for (let i = 0; i < count; i++) {
    [, pos] = str(buf, pos);
    [, pos] = str(buf, pos);
    const kind = buf[pos++];
    if (kind === 0) { [, pos] = leb(buf, pos); funcs++; }
    else if (kind === 1) { pos++; const flags = buf[pos++]; [, pos] = leb(buf, pos); if (flags & 1) [, pos] = leb(buf, pos); }
    else if (kind === 2) { const flags = buf[pos++]; [, pos] = leb(buf, pos); if (flags & 1) [, pos] = leb(buf, pos); }
    else if (kind === 3) { pos += 2; }
    else if (kind === 4) { pos++; [, pos] = leb(buf, pos); }
  }
  return funcs;
}

function functionNames(buf, s) {
  const names = new Map();
  let [, pos] = str(buf, s.start);
  while (pos < s.end) {
    const kind = buf[pos++];
    const [size, p] = leb(buf, pos);
    if (kind === 1) {
      let [count, q] = leb(buf, p);
      for (let i = 0; i < count; i++) {
        let idx, name;
        [idx, q] = leb(buf, q);
        [name, q] = str(buf, q);
        names.set(idx, name);
      }
    }
    pos = p + size;
  }
  return names;
}

/// Rust's legacy mangling (`_ZN4core3fmt5write17h…E`) to `core::fmt::write`.
export function demangle(name) {
  if (name.startsWith("_R")) return demangleV0(name);
  if (!name.startsWith("_ZN")) return name;
  const parts = [];
  let pos = 3;
  while (pos < name.length && name[pos] !== "E") {
    let len = 0;
    while (name[pos] >= "0" && name[pos] <= "9") len = len * 10 + Number(name[pos++]);
    if (!len) break;
    parts.push(name.slice(pos, pos + len));
    pos += len;
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts[parts.length - 1])) parts.pop();
  return parts
    .join("::")
    .replace(/\$LT\$/g, "<").replace(/\$GT\$/g, ">").replace(/\$u20\$/g, " ").replace(/\$u27\$/g, "'")
    .replace(/\$RF\$/g, "&").replace(/\$BP\$/g, "*").replace(/\$C\$/g, ",").replace(/\$u7b\$/g, "{").replace(/\$u7d\$/g, "}")
    .replace(/\$u5b\$/g, "[").replace(/\$u5d\$/g, "]").replace(/\$u3b\$/g, ";").replace(/\$u2b\$/g, "+").replace(/\$u22\$/g, '"')
    .replace(/\.\./g, "::")
    .replace(/^_</, "<");
}

/// Rust's v0 mangling (`_RNvNtCs…_4core3fmt5write`), identifiers only: `core::fmt::write`.
function demangleV0(name) {
  const ids = [];
  const re = /C(?:s[0-9A-Za-z]*_)?(\d+)_?|N[vtCXIMY]*?(?=\d)|(\d+)_?/g;
  let pos = 2;
  while (pos < name.length) {
    const c = name[pos];
    if (c >= "0" && c <= "9") {
      let len = 0;
      while (name[pos] >= "0" && name[pos] <= "9") len = len * 10 + Number(name[pos++]);
      if (name[pos] === "_") pos++;
      ids.push(name.slice(pos, pos + len));
      pos += len;
    } else if (c === "C" && name[pos + 1] === "s") {
      pos += 2;
      while (pos < name.length && name[pos] !== "_") pos++;
      pos++;
    } else pos++;
  }
  void re;
  return ids.filter((s) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s)).join("::");
}

/// The part a function belongs to: its crate, with serde's and core's big families apart.
export function owner(name) {
  name = name.replace(/\[[0-9a-f]{16}\]/g, "");
  if (/serde|Serialize|Deserialize/.test(name)) return "serde (with the derived impls)";
  if (/^<yew::html::component::lifecycle::CompStateInner<COMP>/.test(name)) return "avi_sizer::ui (views)";
  const n = name.replace(/^<+/, "").replace(/^(impl |dyn )/, "");
  // `<T as Trait>::f`: the implementing type decides, unless it is a primitive/generic.
  const m = n.match(/^([a-z_][a-z0-9_]*)::([a-z_][a-z0-9_]*)/);
  if (!m) return name.startsWith("_ZN") ? "?" : name.split(/[:<( ]/)[0] || "?";
  const [krate, module] = [m[1], m[2]];
  if (krate === "core" || krate === "alloc" || krate === "std") {
    if (["fmt", "num"].includes(module)) return `${krate}::${module}`;
    return krate;
  }
  if (krate === "avi_sizer") return `avi_sizer::${module}`;
  return krate;
}

export function analyse(path) {
  const buf = readFileSync(path);
  const secs = sections(buf);
  const imp = secs.find((s) => s.id === 2);
  const code = secs.find((s) => s.id === 10);
  const data = secs.find((s) => s.id === 11);
  const nameSec = secs.find((s) => s.id === 0 && s.name === "name");
  const imported = imp ? importedFunctions(buf, imp) : 0;
  const names = nameSec ? functionNames(buf, nameSec) : new Map();
  const funcs = [];
  if (code) {
    let [count, pos] = leb(buf, code.start);
    for (let i = 0; i < count; i++) {
      const [size, p] = leb(buf, pos);
      const raw = names.get(imported + i) || `func[${imported + i}]`;
      funcs.push({ name: demangle(raw), size: size + (p - pos) });
      pos = p + size;
    }
  }
  return { total: buf.length, code: code ? code.end - code.start : 0, data: data ? data.end - data.start : 0, named: names.size > 0, funcs };
}

function table(rows, total, n) {
  return rows.slice(0, n).map(([k, v]) => `  ${String(v).padStart(8)} bytes ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`).join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  const n = Number(process.argv[3] || 15);
  const a = analyse(file);
  if (!a.named) {
    console.log(`size: ${file} has no name section (stripped): no breakdown`);
    process.exit(0);
  }
  const byOwner = new Map();
  for (const f of a.funcs) byOwner.set(owner(f.name), (byOwner.get(owner(f.name)) || 0) + f.size);
  console.log(`size: ${file}: ${a.total} bytes, code ${a.code}, data ${a.data}, ${a.funcs.length} functions`);
  console.log(`size: top ${n} parts by code bytes (before wasm-opt)`);
  console.log(table([...byOwner].sort((x, y) => y[1] - x[1]), a.code, n));
  console.log(`size: top ${n} functions`);
  console.log(table(a.funcs.map((f) => [f.name.slice(0, 110), f.size]).sort((x, y) => y[1] - x[1]), a.code, n));
}
