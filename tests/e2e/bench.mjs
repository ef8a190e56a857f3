// Browser figures of the release build (dist/) in headless Chromium: figures to
// read, not timed tests (nothing here fails on a slow machine).
//
//   SIZER=target/release/sizer DIST=dist node bench.mjs
//
// Prints, one `bench:` line each:
// - keystroke to updated SE count at 50, 500 and 2,000 namespaces (median of 5):
//   from the key's event time to the frame after the total changed;
// - typing "2000" at 80 ms a key into a namespace count: per key, the time until
//   a frame shows the typed character, the main thread's long tasks meanwhile,
//   and when every key had been taken;
// - DOM elements (and of which SVG) at 2,000 namespaces;
// - what a read-only and a live `?embed` download before their first result;
// - the first result (an SE total on screen) over an empty page's load, median of
//   7 cold loads on loopback, for the default page, a share link and a read-only
//   embed, beside visualsubnetcalc v1.4.0's first computed row when
//   VISUALSUBNETCALC names a directory holding its `dist/` and a `node_modules/`
//   with the packages its page takes from a CDN (bootstrap@5.3.6, jquery@3.7.1,
//   jquery-validation@1.21.0); otherwise "not available";
// - the same first results as a phone sees them: gzip, 150 ms round trip,
//   1.6 Mbit/s down, 750 kbit/s up, 4x CPU slowdown (median of 3).
//
// Scenario (as in issue 10): Active/Active, one namespace group of N namespaces
// with 2 TKG clusters x 3 LoadBalancer services each, pool 10.0.0.0/8.

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { execFileSync } from "node:child_process";
import { join, extname, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const DIST = process.env.DIST || join(here, "../../dist");
const SIZER = process.env.SIZER || join(here, "../../target/release/sizer");
const VSC = process.env.VISUALSUBNETCALC || "";
const APP_PATH = "/app/";
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json", ".png": "image/png", ".ico": "image/x-icon", ".webmanifest": "application/manifest+json" };
// visualsubnetcalc's page takes these from CDNs: served from the npm packages instead.
const VSC_CDN = {
  "https://cdn.jsdelivr.net/npm/bootstrap@5.3.6/dist/js/bootstrap.bundle.min.js": "bootstrap/dist/js/bootstrap.bundle.min.js",
  "https://code.jquery.com/jquery-3.7.1.min.js": "jquery/dist/jquery.min.js",
  "https://cdn.jsdelivr.net/npm/jquery-validation@1.21.0/dist/jquery.validate.min.js": "jquery-validation/dist/jquery.validate.min.js",
  "https://cdn.jsdelivr.net/npm/jquery-validation@1.21.0/dist/additional-methods.min.js": "jquery-validation/dist/additional-methods.min.js",
};
const EMPTY = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>empty</title></head><body><p id=\"result\">empty</p></body></html>";

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : "n/a");
const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;
const line = (s) => console.log(`bench: ${s}`);

/// The files the server sends: path -> { body, gz, type }, read once.
const cache = new Map();
async function file(path) {
  if (cache.has(path)) return cache.get(path);
  let body;
  try {
    if (!(await stat(path)).isFile()) return null;
    body = await readFile(path);
  } catch { return null; }
  if (path.startsWith(join(VSC, "dist")) && path.endsWith("index.html")) {
    let html = body.toString("utf8");
    for (const [url, local] of Object.entries(VSC_CDN)) html = html.replace(url, "/vsc-cdn/" + local);
    body = Buffer.from(html);
  }
  const entry = { body, gz: gzipSync(body, { level: 9 }), type: TYPES[extname(path)] || "application/octet-stream" };
  cache.set(path, entry);
  return entry;
}

function serve() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    let entry = null;
    if (url.pathname === "/empty.html") entry = { body: Buffer.from(EMPTY), gz: gzipSync(EMPTY), type: "text/html" };
    else if (url.pathname.startsWith(APP_PATH)) entry = await file(join(DIST, url.pathname.slice(APP_PATH.length) || "index.html"));
    else if (VSC && url.pathname.startsWith("/vsc/")) entry = await file(join(VSC, "dist", url.pathname.slice(5) || "index.html"));
    else if (VSC && url.pathname.startsWith("/vsc-cdn/")) entry = await file(join(VSC, "node_modules", url.pathname.slice(9)));
    if (!entry) { res.writeHead(404); res.end(); return; }
    const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] || "");
    const headers = { "content-type": entry.type, "cache-control": "no-cache" };
    if (gzip) headers["content-encoding"] = "gzip";
    res.writeHead(200, headers);
    res.end(gzip ? entry.gz : entry.body);
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

function scenario(namespaces) {
  return JSON.stringify({
    version: 1,
    se_group: { ha_mode: "active_active" },
    supervisors: [{ name: "bench", networks: { address_pool: ["10.0.0.0/8"] },
      namespaces: [{ name: "team", count: namespaces, tkg_clusters: 2, lb_services_per_cluster: 3 }] }],
  });
}
const linkCode = (namespaces) => execFileSync(SIZER, ["link", "-"], { input: scenario(namespaces), encoding: "utf8" }).trim();

const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
const APP = origin + APP_PATH;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
});

// Installed before any page script: records when `selector` first has text
// (performance.now(), from the navigation's start) and when a frame has shown it.
function watchFirst(selector) {
  // Shown: in the page, with text, and not hidden (an answer written into the page
  // for another scenario stays hidden).
  const seen = () => [...document.querySelectorAll(selector)].some((el) => el.textContent.trim() !== "" && el.checkVisibility());
  const done = () => {
    window.__first = performance.now();
    requestAnimationFrame(() => setTimeout(() => { window.__painted = performance.now(); }, 0));
  };
  const observer = new MutationObserver(() => { if (window.__first === undefined && seen()) { observer.disconnect(); done(); } });
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
}

async function newPage(opts = {}) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, serviceWorkers: "block" });
  const page = await context.newPage();
  page.setDefaultTimeout(120000);
  if (process.env.BENCH_DEBUG) {
    page.on("console", (m) => console.log("console:", m.type(), m.text()));
    page.on("pageerror", (e) => console.log("pageerror:", String(e)));
  }
  if (opts.phone) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  }
  return { page, context };
}

/// Time (ms from navigation start) until `selector` shows text, and until a frame shows it.
async function firstResult(url, selector, opts = {}) {
  const { page, context } = await newPage(opts);
  await page.addInitScript(watchFirst, selector);
  await page.goto(url);
  await page.waitForFunction(() => window.__painted !== undefined, null, { timeout: 120000, polling: 20 });
  const t = await page.evaluate(() => ({ first: window.__first, painted: window.__painted }));
  if (process.env.BENCH_DEBUG) {
    console.log(url.slice(0, 60), JSON.stringify(t), await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name.split("/").pop().slice(0, 12) + ":" + Math.round(e.startTime) + "-" + Math.round(e.responseEnd)).join(" ")));
  }
  // What had arrived when the result was first in the page: the page and the files it fetched by then.
  const loaded = [url.split("#")[0], ...(await page.evaluate(() => performance.getEntriesByType("resource").filter((e) => e.responseEnd <= window.__first).map((e) => e.name)))];
  await context.close();
  return { ...t, loaded };
}

const TOTAL = '[data-testid="se-total-0"]';
const COUNT = "#supervisors-0-namespaces-0-count";
const CARD = '[data-testid="supervisor-result-0"]';

async function openScenario(namespaces) {
  const { page, context } = await newPage();
  await page.goto(`${APP}#s=${linkCode(namespaces)}`);
  await page.waitForSelector(TOTAL);
  await page.waitForFunction((sel) => document.querySelector(sel) && document.querySelector(sel).value !== "", COUNT);
  return { page, context };
}

// ---- keystroke to updated SE count --------------------------------------
async function keystroke(namespaces) {
  const { page, context } = await openScenario(namespaces);
  const times = [];
  for (let k = 0; k < 5; k++) {
    // Replace the last digit (N -> N+1 -> N ...): one key. The answer is shown when
    // the result card (SE total, namespaces, virtual services) says so.
    await page.evaluate(([count, total]) => {
      const input = document.querySelector(count);
      input.focus();
      input.setSelectionRange(input.value.length - 1, input.value.length);
      window.__key = undefined;
      window.__done = undefined;
      document.addEventListener("keydown", (e) => { window.__key = e.timeStamp; }, { capture: true, once: true });
      const el = () => document.querySelector(total);
      const start = el() && el().textContent;
      const observer = new MutationObserver(() => {
        if (el() && el().textContent !== start) {
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => { window.__done = performance.now(); }, 0));
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    }, [COUNT, CARD]);
    const value = await page.inputValue(COUNT);
    const next = value.endsWith("0") ? "1" : "0";
    await page.keyboard.type(next);
    await page.waitForFunction(() => window.__done !== undefined, null, { timeout: 120000, polling: 10 });
    times.push(await page.evaluate(() => window.__done - window.__key));
  }
  await context.close();
  return times;
}

// ---- typing "2000" at 80 ms a key -----------------------------------------
async function typing() {
  const { page, context } = await openScenario(50);
  await page.evaluate((count) => {
    const input = document.querySelector(count);
    input.focus();
    input.select();
    window.__keys = [];
    window.__long = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]); }).observe({ type: "longtask" });
    document.addEventListener("keydown", (e) => { window.__keys.push({ key: e.key, down: e.timeStamp }); }, { capture: true });
    document.addEventListener("input", (e) => {
      const k = window.__keys[window.__keys.length - 1];
      if (!k) return;
      // The character is on screen in the first frame after its input event.
      requestAnimationFrame(() => setTimeout(() => { k.shown = performance.now(); k.value = e.target.value; }, 0));
    }, { capture: true });
  }, COUNT);
  const start = await page.evaluate(() => performance.now());
  await page.keyboard.type("2000", { delay: 80 });
  await page.waitForFunction(() => window.__keys.length === 4 && window.__keys.every((k) => k.shown !== undefined), null, { timeout: 120000, polling: 20 });
  await page.waitForFunction((sel) => document.querySelector(sel).value === "2000", COUNT);
  // Wait for the 2,000-namespace answer, then read the long tasks.
  const want = JSON.parse(execFileSync(SIZER, ["plan", "-"], { input: scenario(2000), encoding: "utf8", maxBuffer: 1 << 30 })).supervisors[0].service_engines.total;
  await page.waitForFunction(([sel, n]) => (document.querySelector(sel) || {}).textContent === n, [TOTAL, Number(want).toLocaleString("en-US")], { timeout: 120000, polling: 20 });
  const answered = await page.evaluate(() => performance.now());
  const r = await page.evaluate(() => ({ keys: window.__keys, long: window.__long }));
  await context.close();
  const shown = r.keys.map((k) => k.shown - k.down);
  const during = r.long.filter(([s]) => s >= start);
  return {
    shown,
    accepted: r.keys[3].shown - r.keys[0].down,
    answered: answered - r.keys[0].down,
    blocked: during.reduce((a, [, d]) => a + d, 0),
    longest: during.reduce((a, [, d]) => Math.max(a, d), 0),
    tasks: during.length,
  };
}

// ---- DOM at 2,000 namespaces ------------------------------------------------
async function dom() {
  const { page, context } = await openScenario(2000);
  await page.waitForTimeout(500);
  const d = await page.evaluate(() => ({
    all: document.getElementsByTagName("*").length,
    svg: [...document.querySelectorAll("svg")].reduce((n, s) => n + 1 + s.getElementsByTagName("*").length, 0),
  }));
  await context.close();
  return d;
}

// ---- bytes ------------------------------------------------------------------
async function gzBytes(url) {
  const u = new URL(url);
  if (!u.pathname.startsWith(APP_PATH)) return 0;
  const entry = await file(join(DIST, u.pathname.slice(APP_PATH.length) || "index.html"));
  return entry ? entry.gz.length : 0;
}
async function loadedBytes(loaded) {
  let all = 0, code = 0;
  for (const url of loaded) {
    const b = await gzBytes(url);
    all += b;
    if (/\.(js|mjs|wasm)$/.test(new URL(url).pathname)) code += b;
  }
  return { all, code, files: loaded.length };
}

// ---- first results ----------------------------------------------------------
async function firsts(runs, opts = {}) {
  const code = linkCode(40);
  const cases = [
    ["empty page", origin + "/empty.html", "#result"],
    ["default page", APP, TOTAL],
    ["share link", `${APP}#s=${code}`, TOTAL],
    ["read-only embed", `${APP}?embed&readonly#s=${code}`, TOTAL],
    ["live embed", `${APP}?embed#s=${code}`, TOTAL],
  ];
  if (VSC) cases.push(["visualsubnetcalc v1.4.0", origin + "/vsc/", "#calcbody tr"]);
  const out = new Map(cases.map(([name]) => [name, []]));
  const loads = new Map();
  // Interleaved, so that every case sees the same machine load.
  for (let r = 0; r < runs; r++) {
    for (const [name, url, sel] of cases) {
      const t = await firstResult(url, sel, opts);
      out.get(name).push(t.painted);
      if (!loads.has(name)) loads.set(name, t.loaded);
    }
  }
  return { med: new Map([...out].map(([k, v]) => [k, median(v)])), loads };
}

function printFirsts(label, { med }, runs) {
  const empty = med.get("empty page");
  line(`${label}: empty page shown at ${ms(empty)} (median of ${runs})`);
  for (const [name, t] of med) {
    if (name === "empty page") continue;
    line(`${label}: ${name.padEnd(24)} first result at ${ms(t).padStart(8)}, ${ms(t - empty).padStart(8)} over the empty page`);
  }
  if (!VSC) line(`${label}: visualsubnetcalc v1.4.0: not available (set VISUALSUBNETCALC to a directory with its dist/ and node_modules/)`);
}

// ---- run ---------------------------------------------------------------------
const only = (process.env.BENCH_ONLY || "").split(",").filter(Boolean);
const want = (k) => !only.length || only.includes(k);

if (want("keys")) {
  for (const n of [50, 500, 2000]) {
    const t = await keystroke(n);
    line(`keystroke to updated SE count at ${String(n).padStart(5)} namespaces: median ${ms(median(t))} (of 5: ${t.map((x) => Math.round(x)).join(", ")})`);
  }
}
if (want("typing")) {
  const t = await typing();
  line(`typing "2000" at 80 ms a key: typed character on screen after ${t.shown.map((x) => Math.round(x)).join(", ")} ms (worst ${ms(Math.max(...t.shown))}); every key taken ${ms(t.accepted)} after the first; the 2,000-namespace answer ${ms(t.answered)} after the first key`);
  line(`typing "2000" at 80 ms a key: main thread blocked ${ms(t.blocked)} in ${t.tasks} long tasks (longest ${ms(t.longest)})`);
}
if (want("dom")) {
  const d = await dom();
  line(`DOM at 2,000 namespaces: ${d.all.toLocaleString("en-US")} elements, of which SVG ${d.svg.toLocaleString("en-US")}`);
}
if (want("first")) {
  const f = await firsts(7);
  printFirsts("first result (loopback)", f, 7);
  for (const name of ["default page", "share link", "read-only embed", "live embed"]) {
    const b = await loadedBytes(f.loads.get(name) || []);
    line(`downloaded before the first result, ${name}: ${kib(b.all)} gzipped in ${b.files} files, of which code (JS + wasm) ${kib(b.code)}`);
  }
}
if (want("phone")) {
  const f = await firsts(3, { phone: true });
  printFirsts("first result (phone: gzip, 150 ms RTT, 1.6 Mbit/s, 4x CPU)", f, 3);
}

await browser.close();
server.close();
