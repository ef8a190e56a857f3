// End-to-end tests of the release build (dist/) in headless Chromium, driven by
// playwright-core. Serves dist/ on 127.0.0.1 under a sub-path (to prove the
// relative asset paths), and checks what a user sees against the `sizer` CLI.
//
//   SIZER=target/release/sizer DIST=dist node run.mjs
//
// Screenshots of every preset, in light and dark, go to tests/e2e/screenshots/.
// The last line is "N passed, M failed"; the exit status is 1 when any failed.

import { createServer } from "node:http";
import { readFile, mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { execFileSync } from "node:child_process";
import { join, extname, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const DIST = process.env.DIST || join(here, "../../dist");
const SIZER = process.env.SIZER || join(here, "../../target/release/sizer");
const SHOTS = join(here, "screenshots");
const BASE_PATH = "/docs/sizer/";
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json", ".png": "image/png", ".webmanifest": "application/manifest+json" };

function serve() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    if (url.pathname === "/host.html") {
      // A documentation page that embeds the calculator in an iframe.
      const src = BASE_PATH + "?embed" + (url.search ? "&" + url.search.slice(1) : "");
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<!doctype html><title>host</title><p>Docs page</p><iframe id="calc" src="${src}" style="width:100%;border:0" height="150"></iframe>
<script>addEventListener("message", e => { if (e.data && e.data.type === "avi-sizer:height") document.getElementById("calc").height = e.data.height; });</script>`);
      return;
    }
    if (!url.pathname.startsWith(BASE_PATH)) { res.writeHead(404); res.end(); return; }
    let rel = url.pathname.slice(BASE_PATH.length) || "index.html";
    try {
      const body = await readFile(join(DIST, rel));
      res.writeHead(200, { "content-type": TYPES[extname(rel)] || "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404); res.end();
    }
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

function cli(args, input) {
  return execFileSync(SIZER, args, { input, encoding: "utf8" });
}

const results = [];
// E2E_ONLY=text runs only the tests whose name contains it.
async function test(name, fn) {
  if (process.env.E2E_ONLY && !name.includes(process.env.E2E_ONLY)) return;
  const started = Date.now();
  try {
    await fn();
    results.push([name, true]);
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    results.push([name, false]);
    console.log(`FAIL ${name}: ${e && e.stack ? e.stack : e}`);
  }
}
function assert(cond, msg) { if (!cond) throw new Error(msg); }
function eq(a, b, msg) { if (a !== b) throw new Error(`${msg}: got ${JSON.stringify(a)}, expected ${JSON.stringify(b)}`); }

const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
const APP = origin + BASE_PATH;
await mkdir(SHOTS, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
});

async function openPage(url, opts = {}) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, colorScheme: opts.scheme || "light" });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('[data-testid="se-total-0"]', { timeout: 60000 });
  // The answer written into the page at build time shows first: wait for the app.
  await page.waitForSelector('main.layout, [data-testid="embed-view"]', { timeout: 60000 });
  return { page, context, errors };
}

const AXE = join(here, "node_modules/axe-core/axe.min.js");
// WCAG 2.1 A and AA and axe's best practices: the violations, one line each.
async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
    return r.violations.map((v) => `${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  });
}

async function shownTotals(page) {
  return page.$$eval('[data-testid^="se-total-"]', (els) => els.map((e) => e.textContent.trim()));
}

const presets = cli(["preset"]).trim().split("\n").map((l) => l.split(/\s+/)[0]);

await test("page loads from a sub-path without console errors", async () => {
  const { page, context, errors } = await openPage(APP);
  const title = await page.title();
  assert(title.length > 0, "empty title");
  await page.waitForTimeout(300);
  eq(errors.length, 0, "console errors " + errors.join(" | "));
  await context.close();
});

for (const key of presets) {
  await test(`preset ${key} shows the numbers the CLI gives`, async () => {
    const { page, context, errors } = await openPage(APP);
    await page.click(`[data-testid="preset-${key}"]`);
    await page.waitForTimeout(200);
    const plan = JSON.parse(cli(["plan", "-"], cli(["preset", key])));
    const expected = plan.supervisors.map((s) => String(s.service_engines.total));
    const shown = await shownTotals(page);
    eq(JSON.stringify(shown), JSON.stringify(expected), `SE totals for ${key}`);
    for (let i = 0; i < plan.supervisors.length; i++) {
      const binding = await page.textContent(`[data-testid="se-binding-${i}"]`);
      const label = { interfaces: "data interfaces", virtual_services: "virtual-service slots", scale_out: "scale-out", minimum: "minimum group size" }[plan.supervisors[i].service_engines.binding];
      assert(binding.includes(label), `binding for ${key}[${i}]: "${binding}" lacks "${label}"`);
    }
    await page.screenshot({ path: join(SHOTS, `preset-${key}-light.png`), fullPage: true });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: join(SHOTS, `preset-${key}-dark.png`), fullPage: true });
    eq(errors.length, 0, "console errors " + errors.join(" | "));
    await context.close();
  });
}

await test("the VDS preset shows the CLI's VDS numbers, then the Foundation Load Balancer's", async () => {
  const { page, context, errors } = await openPage(APP);
  await page.click('[data-testid="preset-vds"]');
  await page.waitForTimeout(300);
  const text = async (id) => (await page.textContent(`[data-testid="${id}"]`)).trim();
  const check = async (scenario, label) => {
    const sp = JSON.parse(cli(["plan", "-"], JSON.stringify(scenario))).supervisors[0];
    const v = sp.vds;
    const edge = v.edge === "avi" ? v.avi : v.flb;
    eq((await shownTotals(page))[0], String(sp.service_engines.total), `${label}: SE total`);
    eq(await text("vds-ses-0"), String(sp.service_engines.total), `${label}: Avi SEs`);
    eq(await text("vds-pool-0"), `${v.avi.data_network.addresses} addresses, /${v.avi.data_network.prefix}`, `${label}: data pool`);
    eq(await text("vds-flb-0"), `${v.flb.appliances} × ${v.flb.size.toUpperCase()}`, `${label}: FLB appliances`);
    eq(await text("vds-flb-vips-0"), `${v.flb.vip_range.addresses} addresses`, `${label}: FLB VIP ranges`);
    for (const [k, w] of v.workload_networks.entries()) {
      const d = v.edge === "avi" ? w.avi : w.flb;
      eq(await text(`vds-wl-0-${k}`), `${w.name}: ${d.addresses} addresses, a /${d.prefix} subnet (${d.with_growth} with growth)`, `${label}: ${w.name}`);
    }
    // The topology picture is the VDS one, its numbers the plan's.
    const nets = await page.$$eval('[data-testid="picture-topology"] g.workload-network', (gs) => gs.map((g) => [g.dataset.name, Number(g.dataset.addresses), Number(g.dataset.prefix)]));
    eq(JSON.stringify(nets), JSON.stringify(v.workload_networks.map((w) => { const d = v.edge === "avi" ? w.avi : w.flb; return [w.name, d.addresses, d.prefix]; })), `${label}: pictured networks`);
    return { sp, v, edge };
  };
  const scenario = JSON.parse(cli(["preset", "vds"]));
  const avi = await check(scenario, "Avi");
  // PLATFORMS.md section 4: 14 VS, 3 SEs, a data pool of 17 (/27), wl-1 17 (/27), wl-2 4 (/29).
  eq(JSON.stringify([avi.sp.load.virtual_services, avi.sp.service_engines.total, avi.v.avi.data_network.addresses]), "[14,3,17]", "section 4 numbers");
  assert((await text("vds-edge-0")).includes("3 Service Engines"), "the Avi headline");
  // The assumptions are marked beside their inputs.
  await page.click("#section-vds details.assumptions summary");
  assert(await page.isVisible('[data-testid="supervisors-0-vds-pool_counts_buffer_ses-assumption"]'), "assumption mark");
  await page.screenshot({ path: join(SHOTS, "preset-vds-avi-light.png"), fullPage: true });
  // The same scenario with the Foundation Load Balancer as the edge, chosen in the form.
  await page.selectOption("#supervisors-0-vds-edge", "foundation");
  await page.waitForTimeout(300);
  scenario.supervisors[0].vds.edge = "foundation";
  const flb = await check(scenario, "FLB");
  eq(JSON.stringify([flb.v.flb.appliances, flb.v.workload_networks[0].flb.subnet_addresses, flb.v.workload_networks[0].flb.prefix]), "[2,33,26]", "the FLB worked example");
  assert((await text("vds-edge-0")).startsWith("2 FLB appliances"), "the FLB headline: " + (await text("vds-edge-0")));
  await page.screenshot({ path: join(SHOTS, "preset-vds-flb-light.png"), fullPage: true });
  eq(errors.length, 0, "console errors " + errors.join(" | "));
  await context.close();
});

// The rows of one of the engine's tables as the page shows them: [row header, cells...].
async function tableRows(page, testid) {
  return page.$$eval(`[data-testid="${testid}"] tbody tr`, (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
}

await test("the NSX load balancer preset shows the CLI's comparison, per Service port and at the edge thresholds", async () => {
  const { page, context, errors } = await openPage(APP);
  await page.click('[data-testid="preset-nsx-lb"]');
  await page.waitForTimeout(300);
  const scenario = JSON.parse(cli(["preset", "nsx-lb"]));
  const check = async (label) => {
    const sp = JSON.parse(cli(["plan", "-"], JSON.stringify(scenario))).supervisors[0];
    const lb = sp.nsx_lb;
    eq((await shownTotals(page))[0], String(sp.service_engines.total), `${label}: SE total`);
    const compare = Object.fromEntries((await tableRows(page, "nsx-lb-0-0")).map((r) => [r[0], r.slice(1)]));
    eq(JSON.stringify(compare["virtual services / servers"]), JSON.stringify([String(sp.load.virtual_services), String(lb.virtual_servers)]), `${label}: VS`);
    assert(compare["what binds"][1].startsWith(`${lb.edges.used} of ${lb.edges.capacity} edge credits (${lb.edges.percent} %)`), `${label}: credits ${compare["what binds"][1]}`);
    assert(compare["instances"][0].startsWith(`${sp.service_engines.total} SEs`) && compare["instances"][1].startsWith(`${lb.load_balancers} load balancers`), `${label}: instances ${compare["instances"]}`);
    const rows = await tableRows(page, "nsx-lb-0-1");
    eq(JSON.stringify(rows.map((r) => [r[0], Number(r[2]), Number(r[4])])), JSON.stringify(lb.instances.map((r) => [r.name, r.count, r.virtual_servers])), `${label}: load balancers`);
    const findings = await tableRows(page, "nsx-lb-0-2");
    const want = lb.findings.length ? lb.findings.map((f) => [f.severity, f.path]) : [["ok", "-"]];
    eq(JSON.stringify(findings.map((r) => [r[0], r[1]])), JSON.stringify(want), `${label}: findings`);
    return { sp, lb };
  };
  // PLATFORMS.md section 7: 11 SMALL LBs of 7 virtual servers, 11 of 40 credits; Avi 71 VS, 9 SEs.
  const base = await check("defaults");
  eq(JSON.stringify([base.lb.load_balancers, base.lb.edges.used, base.sp.load.virtual_services, base.sp.service_engines.total]), "[11,11,71,9]", "section 7 numbers");
  const rows = await tableRows(page, "nsx-lb-0-3");
  assert(rows.some((r) => r[0].startsWith("NSX 4.x") && r[1].includes("deprecated")) && rows.some((r) => r[1].includes("NSX_LB is a current edge provider")), "status per release");
  await page.screenshot({ path: join(SHOTS, "preset-nsx-lb-compare-light.png"), fullPage: true });
  // Two-port Services, ten of them: 22 > 20, an error for the namespace group.
  await page.fill("#supervisors-0-namespaces-0-service_ports", "2");
  await page.fill("#supervisors-0-namespaces-0-pod_lb_services", "10");
  await page.waitForTimeout(300);
  Object.assign(scenario.supervisors[0].namespaces[0], { service_ports: 2, pod_lb_services: 10 });
  const two = await check("two-port Services");
  eq(two.lb.instances[1].virtual_servers, 22, "22 virtual servers");
  // 40 namespaces: over the edge pair.
  await page.fill("#supervisors-0-namespaces-0-service_ports", "1");
  await page.fill("#supervisors-0-namespaces-0-pod_lb_services", "5");
  await page.fill("#supervisors-0-namespaces-0-count", "40");
  await page.waitForTimeout(300);
  Object.assign(scenario.supervisors[0].namespaces[0], { service_ports: 1, pod_lb_services: 5, count: 40 });
  const forty = await check("40 namespaces");
  const fix = (await tableRows(page, "nsx-lb-0-2"))[0][3];
  assert(fix.startsWith("add an edge pair or use XL edges"), "the fix: " + fix);
  eq(forty.lb.edges.usage, "error", "over 100 %");
  await page.screenshot({ path: join(SHOTS, "preset-nsx-lb-over-light.png"), fullPage: true });
  eq(errors.length, 0, "console errors " + errors.join(" | "));
  await context.close();
});

await test("the VPC preset shows the CLI's VPC numbers, and dedicated SE groups per VPC", async () => {
  const { page, context, errors } = await openPage(APP);
  await page.click('[data-testid="preset-vpc"]');
  await page.waitForTimeout(300);
  const scenario = JSON.parse(cli(["preset", "vpc"]));
  const check = async (label) => {
    const whole = JSON.parse(cli(["plan", "-"], JSON.stringify(scenario)));
    const sp = whole.supervisors[0];
    const v = sp.vpc;
    eq((await shownTotals(page))[0], String(sp.service_engines.total), `${label}: SE total`);
    const rows = await tableRows(page, "vpc-0-0");
    eq(JSON.stringify(rows.map((r) => [r[0], Number(r[2]), Number(r[5]), r[6] === "yes"])), JSON.stringify(v.vpcs.map((r) => [r.name, r.count, r.virtual_services, r.vrf])), `${label}: VPC rows`);
    const addresses = await tableRows(page, "vpc-0-1");
    eq(Number(addresses[0][3]), v.external.addresses, `${label}: external demand`);
    const pictured = await page.$$eval('[data-testid="picture-topology"] g.vpc:not(.more)', (gs) => gs.map((g) => [g.dataset.name, Number(g.dataset.vs)]));
    eq(JSON.stringify(pictured), JSON.stringify(v.vpcs.slice(0, 4).map((r) => [r.name, r.virtual_services])), `${label}: pictured VPCs`);
    eq(whole.topology.controller_clusters[0].service_engines, Number(await page.$eval('[data-testid="picture-topology"] g.se-group', (g) => g.dataset.all)), `${label}: SEs in all`);
    return sp;
  };
  // PLATFORMS.md section 8: the system VPC, two VPCs of their own and one shared: 4 VRFs.
  const sp = await check("shared SE group");
  eq(JSON.stringify([sp.vpc.vrfs, sp.load.vrfs_with_vs, sp.vpc.subnet_usable]), "[4,4,29]", "section 8 numbers");
  await page.click("#section-vpc details.assumptions summary");
  assert(await page.isVisible('[data-testid="supervisors-0-vpc-avi_subnet_prefix-assumption"]'), "assumption mark");
  await page.screenshot({ path: join(SHOTS, "preset-vpc-light.png"), fullPage: true });
  await page.selectOption("#supervisors-0-vpc-se_groups", "per_vpc");
  await page.waitForTimeout(300);
  scenario.supervisors[0].vpc.se_groups = "per_vpc";
  const per = await check("SE groups per VPC");
  const groups = await tableRows(page, "vpc-0-2");
  eq(JSON.stringify(groups.slice(1).map((r) => [r[0], Number(r[6])])), JSON.stringify(per.dedicated_groups.map((g) => ["dedicated: " + g.name, g.total])), "dedicated groups");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: join(SHOTS, "preset-vpc-per-vpc-dark.png"), fullPage: true });
  eq(errors.length, 0, "console errors " + errors.join(" | "));
  await context.close();
});

await test("a copied link opened in a fresh browser shows the same page", async () => {
  const a = await openPage(APP);
  await a.page.click('[data-testid="preset-three-zone"]');
  await a.page.fill("#supervisors-0-namespaces-0-count", "17");
  await a.page.waitForTimeout(300);
  const url = a.page.url();
  assert(url.includes("#s=v1."), "URL has no scenario fragment: " + url);
  const totals = await shownTotals(a.page);
  const code = decodeURIComponent(url.split("#s=")[1]);
  const scenario = cli(["unlink", code]);
  const plan = JSON.parse(cli(["plan", "-"], scenario));
  eq(totals[0], String(plan.supervisors[0].service_engines.total), "total after typing 17");
  eq(JSON.parse(scenario).supervisors[0].namespaces[0].count, 17, "link carries the typed count");
  await a.context.close();
  const b = await openPage(url);
  eq(JSON.stringify(await shownTotals(b.page)), JSON.stringify(totals), "totals in a fresh browser");
  eq(await b.page.inputValue("#supervisors-0-namespaces-0-count"), "17", "count field in a fresh browser");
  eq(b.errors.length, 0, "console errors " + b.errors.join(" | "));
  await b.context.close();
});

await test("axe-core finds no violations: light, dark, ?embed, a read-only embed, 2,000 namespaces", async () => {
  const big = cli(["link", "-"], JSON.stringify({ version: 1, se_group: { ha_mode: "active_active" }, supervisors: [{ name: "big", networks: { address_pool: ["10.0.0.0/8"] }, namespaces: [{ name: "team", count: 2000, tkg_clusters: 2, lb_services_per_cluster: 3 }] }] })).trim();
  // VDS: the preset, and the Foundation Load Balancer on three NICs (its own port-group fields shown).
  const vdsScenario = JSON.parse(cli(["preset", "vds"]));
  const vds = cli(["link", "-"], JSON.stringify(vdsScenario)).trim();
  Object.assign(vdsScenario.supervisors[0].vds, { edge: "foundation", flb: { topology: "three_nic", vip_ranges: [{ address: "10.30.20.20", count: 30 }] } });
  const flb = cli(["link", "-"], JSON.stringify(vdsScenario)).trim();
  const pages = [["light", APP, "light"], ["dark", APP, "dark"], ["embed", APP + "?embed", "light"], ["read-only embed, dark", APP + "?embed&readonly", "dark"], ["2,000 namespaces", APP + "#s=" + big, "light"],
    ["VDS", APP + "#s=" + vds, "light"], ["VDS with the FLB on three NICs, dark", APP + "#s=" + flb, "dark"], ["VDS embed", APP + "?embed#s=" + vds, "light"],
    ["NSX load balancer comparison", APP + "#s=" + cli(["link", "-"], cli(["preset", "nsx-lb"])).trim(), "light"],
    ["NSX VPCs, dark", APP + "#s=" + cli(["link", "-"], cli(["preset", "vpc"])).trim(), "dark"]];
  for (const [label, url, scheme] of pages) {
    const { page, context } = await openPage(url, { scheme });
    await page.waitForTimeout(300);
    const found = await axe(page);
    eq(found.length, 0, `${label}: ${found.join(" | ")}`);
    await context.close();
  }
});

await test("the answer shows before the app (built in, or from the answer module for a link), and a link never shows the default's", async () => {
  const want = (scenario) => String(JSON.parse(cli(["plan", "-"], scenario)).supervisors[0].service_engines.total);
  const other = cli(["preset", "three-zone"]);
  const cases = [[APP, want(cli(["preset", "single"])), true], [APP + "#s=" + cli(["link", "-"], other).trim(), want(other), true]];
  for (const [url, total, early] of cases) {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    // Every SE total on screen, from the first frame: each visible text, and whether the app had mounted.
    await page.addInitScript(() => {
      window.__seen = [];
      const look = () => {
        for (const el of document.querySelectorAll('[data-testid="se-total-0"]')) {
          if (el.checkVisibility()) window.__seen.push([el.textContent.trim(), !!document.querySelector("main.layout")]);
        }
      };
      new MutationObserver(look).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
      const frame = () => { look(); if (!document.querySelector("main.layout")) requestAnimationFrame(frame); };
      requestAnimationFrame(frame);
    });
    await page.goto(url);
    await page.waitForSelector("main.layout", { timeout: 60000 });
    await page.waitForTimeout(200);
    const seen = await page.evaluate(() => window.__seen);
    assert(seen.length > 0, "no SE total seen");
    for (const [text] of seen) eq(text, total, `SE total seen on ${url.slice(-30)}`);
    eq(seen.some(([, app]) => !app), early, "an answer before the app mounted");
    await context.close();
  }
});

await test("a corrupt link shows a notice and the default scenario", async () => {
  const { page, context } = await openPage(APP + "#s=v1.corrupt!!");
  const notice = await page.textContent('[data-testid="notice"]');
  assert(/link/i.test(notice), "notice does not mention the link: " + notice);
  const plan = JSON.parse(cli(["plan", "-"], cli(["preset", "single"])));
  eq((await shownTotals(page))[0], String(plan.supervisors[0].service_engines.total), "default scenario total");
  await context.close();
});

await test("a bad CIDR is marked, keeps its text and the results stay", async () => {
  const { page, context } = await openPage(APP);
  const before = await shownTotals(page);
  const field = "#supervisors-0-networks-address_pool";
  await page.fill(field, "10.300.0.0/16");
  await page.waitForTimeout(200);
  eq(await page.inputValue(field), "10.300.0.0/16", "text kept");
  eq(await page.getAttribute(field, "aria-invalid"), "true", "aria-invalid");
  const described = await page.getAttribute(field, "aria-describedby");
  const msg = await page.textContent("#" + described);
  assert(/IPv4 CIDR/.test(msg), "message: " + msg);
  eq(JSON.stringify(await shownTotals(page)), JSON.stringify(before), "results kept");
  await context.close();
});

await test("an embedded page resizes its iframe on the host page", async () => {
  for (const query of ["readonly", ""]) {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    const response = await page.goto(origin + "/host.html" + (query ? "?" + query : ""));
    // The host page starts the frame at 150 px (by the time it has loaded, the frame may have resized it).
    assert((await response.text()).includes('height="150"'), "the host page starts the iframe at 150 px");
    const frame = page.frameLocator("#calc");
    await frame.locator('[data-testid="se-total-0"]').waitFor({ timeout: 60000 });
    await page.waitForFunction(() => Number(document.getElementById("calc").height) > 150, null, { timeout: 10000 });
    await page.waitForTimeout(300);
    const height = Number(await page.getAttribute("#calc", "height"));
    const inner = await page.frames()[1].evaluate(() => document.body.scrollHeight);
    assert(Math.abs(height - inner) <= 2, `iframe height ${height} vs embedded page ${inner}`);
    assert(height > 300, "iframe grew to its content: " + height);
    const box = await page.locator("#calc").boundingBox();
    assert(Math.abs(box.height - height) <= 2, "the frame is drawn at that height: " + box.height);
    const inputs = await page.frames()[1].$$eval("input, select, textarea", (els) => els.length);
    if (query === "readonly") eq(inputs, 0, "read-only embed has no inputs");
    else assert(inputs > 0, "the live embed has its key inputs");
    if (!query) {
      await page.locator("#calc").screenshot({ path: join(SHOTS, "embed-host-light.png") });
    }
    eq(errors.length, 0, "page errors " + errors.join(" | "));
    await context.close();
  }
});

await test("a downloaded scenario imports back to the same scenario", async () => {
  const { page, context, errors } = await openPage(APP);
  await page.click('[data-testid="preset-three-zone"]');
  await page.fill("#supervisors-0-namespaces-0-count", "17");
  await page.waitForTimeout(300);
  const before = page.url().split("#")[1];
  const totals = await shownTotals(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-scenario"]')]);
  const dir = await mkdtemp(join(tmpdir(), "avi-sizer-"));
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  assert(file.endsWith(".json"), "file name " + file);
  const text = await readFile(file, "utf8");
  // The file is the scenario the CLI reads back from the page's link.
  const fromLink = cli(["unlink", decodeURIComponent(before.slice(2))]);
  eq(JSON.stringify(JSON.parse(text)), JSON.stringify(JSON.parse(fromLink)), "downloaded scenario");
  await page.click('[data-testid="reset"]');
  await page.waitForTimeout(200);
  assert(page.url().split("#")[1] !== before, "reset changed the scenario");
  await page.setInputFiles("#import-file", file);
  await page.waitForFunction(() => document.querySelector("#supervisors-0-namespaces-0-count").value === "17", null, { timeout: 10000 });
  await page.waitForTimeout(200);
  eq(page.url().split("#")[1], before, "the URL fragment after the import");
  eq(JSON.stringify(await shownTotals(page)), JSON.stringify(totals), "totals after the import");
  eq(await page.$('[data-testid="import-error"]'), null, "no import error");
  // The other downloads are offered too, with the engine's text.
  const [result] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-result"]')]);
  const resultFile = join(dir, result.suggestedFilename());
  await result.saveAs(resultFile);
  const plan = JSON.parse(await readFile(resultFile, "utf8"));
  eq(String(plan.supervisors[0].service_engines.total), totals[0], "result JSON total");
  eq(errors.length, 0, "console errors " + errors.join(" | "));
  await context.close();
});

await test("screenshots of each picture in both colour schemes", async () => {
  const pictures = ["topology", "se-map-0", "growth-0", "address-map-0"];
  for (const scheme of ["light", "dark"]) {
    const { page, context, errors } = await openPage(APP, { scheme });
    await page.click('[data-testid="preset-dedicated-t0-vrf"]');
    await page.waitForTimeout(300);
    // The growth chart with its second series (another HA mode, re-planned by the engine).
    const options = await page.$$eval("#growth-compare-0 option", (os) => os.map((o) => o.value).filter(Boolean));
    await page.selectOption("#growth-compare-0", options[0]);
    await page.waitForSelector('[data-testid="picture-growth-0"] g.step[data-series="1"]');
    for (const name of pictures) {
      const figure = page.locator(`[data-testid="picture-${name}"]`);
      const svg = figure.locator("svg.avs");
      eq(await svg.count(), 1, `one svg in ${name}`);
      eq(await svg.getAttribute("role"), "img", `${name} role`);
      const box = await svg.boundingBox();
      assert(box && box.width > 300 && box.height > 100, `${name} is drawn: ${JSON.stringify(box)}`);
      const file = `picture-${name.replace(/-0$/, "")}-${scheme}.png`;
      await figure.screenshot({ path: join(SHOTS, file) });
    }
    // Text in the pictures is drawn in the scheme's text colour (readable on its background).
    const fill = await page.$eval('[data-testid="picture-se-map-0"] svg text', (t) => getComputedStyle(t).fill);
    const want = scheme === "dark" ? "rgb(230, 235, 241)" : "rgb(23, 32, 43)";
    eq(fill, want, `text colour in ${scheme}`);
    eq(errors.length, 0, "console errors " + errors.join(" | "));
    await context.close();
  }
});

await test("print turns the results into a report without inputs", async () => {
  const { page, context } = await openPage(APP);
  await page.emulateMedia({ media: "print" });
  for (const sel of [".inputs", ".presets", '[data-testid="exports"]', '[data-testid="import"]', '[data-testid="copy-link"]']) {
    eq(await page.$eval(sel, (e) => getComputedStyle(e).display), "none", `${sel} hidden in print`);
  }
  assert(await page.isVisible('[data-testid="se-total-0"]'), "the SE total prints");
  assert(await page.isVisible('[data-testid="picture-se-map-0"] svg'), "the SE map prints");
  const pdf = await page.pdf({ format: "A4" });
  const pages = Number((pdf.toString("latin1").match(/\/Count (\d+)/) || [])[1]);
  console.log(`     print: ${pages} A4 pages for the default scenario`);
  assert(pages >= 1 && pages <= 2, "a one- or two-page report: " + pages + " pages");
  await context.close();
});

await test("once loaded, the page reloads and works offline", async () => {
  const { page, context } = await openPage(APP);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  const before = await shownTotals(page);
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('[data-testid="se-total-0"]', { timeout: 60000 });
  eq(JSON.stringify(await shownTotals(page)), JSON.stringify(before), "totals offline");
  await page.fill("#supervisors-0-namespaces-0-count", "30");
  await page.waitForTimeout(200);
  assert((await shownTotals(page))[0] !== before[0], "the engine still recalculates offline");
  await context.close();
});

await browser.close();
server.close();
const passed = results.filter((r) => r[1]).length;
const failed = results.length - passed;
console.log(`screenshots: ${SHOTS}`);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
