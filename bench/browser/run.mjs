// run.mjs: the browser benchmark (scripts/bench runs it): uxcx and Mermaid's `journey` diagram
// showing the same generated journeys in headless Chromium, a fresh profile per run; prints a
// Markdown table, writes bench/out/results-DATE.json and the table into bench/README.md.
// Usage: node bench/browser/run.mjs [--runs 3] [--sizes 50,2000,10000,100000] [--mermaid-cap 60]
//        [--mermaid-cap-small 150] [--mermaid-runs-max 1] [--leak-cycles 1000] [--no-mermaid] [--no-leak] [--no-readme]
//        [--web build/web] [--gen build/native/gen] [--bare build/wasm/bare] [--no-bare]
//        [--before DIR] (another build of the site, e.g. main before a change: measured in the same
//        run, alternating, as "before")
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/static-server.mjs';
import { CHROMIUM_ARGS } from '../../tests/e2e/lib.mjs';
import { instrument, rendererMemory, rendererPids, pageMemory } from './probe.mjs';
import { leakCycles, leakVerdict } from './leak.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BENCH = path.join(ROOT, 'bench');
const OUT = path.join(BENCH, 'out');

// ---- options --------------------------------------------------------------------------------
const opt = { runs: 3, sizes: [50, 2000, 10000, 100000], mermaidCap: 60, mermaidCapSmall: 150, mermaidRunsMax: 1, leakCycles: 1000,
  mermaid: true, leak: true, readme: true, web: path.join(ROOT, 'build/web'), gen: path.join(ROOT, 'build/native/gen'),
  bare: path.join(ROOT, 'build/wasm/bare'), useBare: true, before: null };
for (let a = process.argv.slice(2); a.length;) {
  const k = a.shift();
  if (k === '--runs') opt.runs = Number(a.shift());
  else if (k === '--sizes') opt.sizes = a.shift().split(',').map(Number);
  else if (k === '--mermaid-cap') opt.mermaidCap = Number(a.shift());
  else if (k === '--mermaid-cap-small') opt.mermaidCapSmall = Number(a.shift());
  else if (k === '--mermaid-runs-max') opt.mermaidRunsMax = Number(a.shift());
  else if (k === '--leak-cycles') opt.leakCycles = Number(a.shift());
  else if (k === '--no-mermaid') opt.mermaid = false;
  else if (k === '--no-leak') opt.leak = false;
  else if (k === '--no-readme') opt.readme = false;
  else if (k === '--web') opt.web = path.resolve(a.shift());
  else if (k === '--gen') opt.gen = path.resolve(a.shift());
  else if (k === '--bare') opt.bare = path.resolve(a.shift());
  else if (k === '--no-bare') opt.useBare = false;
  else if (k === '--before') opt.before = path.resolve(a.shift());
  else { console.error(`bench: unknown argument ${k}`); process.exit(2); }
}
const BIGGEST = Math.max(...opt.sizes);
const log = (...m) => console.error('bench:', ...m);

// ---- inputs: generated journeys, and one folder served on 127.0.0.1 ---------------------------
// The site: the app's files, the journeys next to them (opened as index.html#map=bench-N.json, the
// way users open hosted maps), the Mermaid page and Mermaid's dist folder, as symlinks.
const DATA = path.join(OUT, 'data');
fs.mkdirSync(DATA, { recursive: true });
function generate(n) {
  const json = path.join(DATA, `bench-${n}.json`), mmd = path.join(DATA, `bench-${n}.mmd`);
  const genTime = fs.statSync(opt.gen).mtimeMs;
  if (!fs.existsSync(mmd) || fs.statSync(mmd).mtimeMs < genTime || fs.statSync(json).mtimeMs < genTime)
    execFileSync(opt.gen, [String(n), json, mmd], { stdio: ['ignore', 'ignore', 'inherit'] });
  return { json, mmd };
}
const SITE = path.join(OUT, 'site');
fs.rmSync(SITE, { recursive: true, force: true });
fs.mkdirSync(SITE, { recursive: true });
for (const f of fs.readdirSync(opt.web)) fs.symlinkSync(path.join(opt.web, f), path.join(SITE, f));
fs.symlinkSync(path.join(BENCH, 'browser/mermaid.html'), path.join(SITE, 'mermaid.html'));
fs.symlinkSync(path.join(BENCH, 'node_modules/mermaid/dist'), path.join(SITE, 'mermaid'));
const inputs = {};
// The bare Dear ImGui page (bench/bare, built with the app's flags) at bare/, and the "before"
// build with the journeys beside it at before/.
if (opt.useBare && !fs.existsSync(path.join(opt.bare, 'bare.wasm'))) { log(`no bare page in ${opt.bare}: run without it`); opt.useBare = false; }
if (opt.useBare) fs.symlinkSync(opt.bare, path.join(SITE, 'bare'));
if (opt.before) {
  fs.mkdirSync(path.join(SITE, 'before'));
  for (const f of fs.readdirSync(opt.before)) fs.symlinkSync(path.join(opt.before, f), path.join(SITE, 'before', f));
}
for (const n of [1, 1000, ...opt.sizes]) {
  inputs[n] = generate(n);
  for (const ext of ['json', 'mmd']) {
    fs.symlinkSync(inputs[n][ext], path.join(SITE, `bench-${n}.${ext}`));
    if (opt.before) fs.symlinkSync(inputs[n][ext], path.join(SITE, 'before', `bench-${n}.${ext}`));
  }
}

// ---- download size ----------------------------------------------------------------------------
const APP_FILES = ['index.html', 'uxcx.js', 'uxcx.css', 'app.js', 'app.wasm'];
const download = { raw: 0, gzip: 0, files: {} };
for (const f of APP_FILES) {
  const b = fs.readFileSync(path.join(opt.web, f)), g = zlib.gzipSync(b, { level: 9 }).length;
  download.files[f] = { raw: b.length, gzip: g };
  download.raw += b.length; download.gzip += g;
}

// ---- one run ----------------------------------------------------------------------------------
async function launch() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uxcx-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'], viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] || await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  // (Chromium's note that a passive wheel listener cannot preventDefault is left out: it is the
  // page's business, reported separately, and it would drown everything else.)
  page.on('console', (m) => { if (m.type() === 'error' && !/passive event listener/.test(m.text())) problems.push(m.text()); });
  return {
    context, page, userDataDir, problems,
    async close() {
      const { browser } = rendererPids(userDataDir);
      const closed = context.close().then(() => true, () => false);
      const ok = await Promise.race([closed, new Promise((r) => setTimeout(() => r(false), 15000))]);
      // A renderer stuck in a minutes-long layout (Mermaid at 100k) does not let go: stop the
      // browser we started, by its pid.
      if (!ok && browser) try { process.kill(browser, 'SIGKILL'); } catch { /* gone */ }
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

// Evaluates in the page, or gives null after `ms` (a page busy in one long task answers nothing).
const evalWithin = (page, fn, ms) => Promise.race([page.evaluate(fn).catch(() => null), new Promise((r) => setTimeout(() => r(null), ms))]);

const bench = (page) => page.evaluate(() => window.__bench);
const quantile = (xs, q) => { if (!xs.length) return null; const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const median = (xs) => { const s = xs.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b); if (!s.length) return null; const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

// Scripted interaction, about 3 s: a right-button drag (left on a card would select it; either
// button pans) then ctrl+wheel zoom in and out, at the pointer, the way a trackpad pinches.
async function panAndZoom(page) {
  const cx = 640, cy = 430;
  await page.mouse.move(cx, cy);
  await page.evaluate(() => { window.__bench.recording = true; });
  const t0 = Date.now();
  await page.mouse.down({ button: 'right' });
  for (let i = 1; i <= 60; i++) { await page.mouse.move(cx - 5 * i, cy - 2 * i); await page.waitForTimeout(16); }
  await page.mouse.up({ button: 'right' });
  await page.keyboard.down('Control');
  for (let i = 0; i < 30; i++) { await page.mouse.wheel(0, i < 15 ? -100 : 100); await page.waitForTimeout(33); }
  await page.keyboard.up('Control');
  await page.evaluate(() => { window.__bench.recording = false; });
  return (Date.now() - t0) / 1000;
}

// Frames the app draws while nothing happens (state().frames, counted since an earlier build had
// no counter: then requestAnimationFrame callbacks of the app): over 2 s, after 1.5 s of quiet.
async function idleFrames(page) {
  const count = () => page.evaluate(() => { const s = window.uxcx.state(); return typeof s.frames === 'number' ? s.frames : window.__bench.appCallbacks; });
  await page.waitForTimeout(1500);
  const a = await count();
  await page.waitForTimeout(2000);
  return (await count()) - a;
}

async function runApp(n, dir = '') {
  const b = await launch();
  try {
    await b.page.addInitScript(instrument, n);
    const t0 = Date.now();
    await b.page.goto(`${url}${dir}index.html${n ? `#map=bench-${n}.json` : ''}`, { timeout: 120000 });
    try {
      await b.page.waitForFunction((n) => { const B = window.__bench; return n === 0 ? B.readyAt !== null : (B.interactiveAt !== null || B.interactiveNote !== null); },
        n, { timeout: 120000, polling: 100 });
    } catch (e) {
      const st = await evalWithin(b.page, () => { const s = window.uxcx && window.uxcx.state(); return s && { touchpoints: s.touchpoints, items: s.items.length, error: s.error }; }, 5000);
      return { n, error: `no map within 120 s (state: ${JSON.stringify(st)})`, problems: b.problems.slice(0, 5) };
    }
    const loaded = await bench(b.page);
    const firstFrame = n === 0 ? loaded.readyAt : loaded.mapAt;
    const interactive = n === 0 ? loaded.readyAt : loaded.interactiveAt;
    const until = interactive ?? firstFrame;
    const loadTasks = loaded.longtasks.filter(([s]) => s <= until);
    await b.page.waitForTimeout(500);
    const memLoaded = { ...(await pageMemory(b.page)), renderer: rendererMemory(b.userDataDir) };
    const panSeconds = await panAndZoom(b.page);
    const after = await bench(b.page);
    const st = await b.page.evaluate(() => window.uxcx.state());
    const memEnd = { ...(await pageMemory(b.page)), renderer: rendererMemory(b.userDataDir) };
    const idle = await idleFrames(b.page);
    return {
      n, wallSeconds: (Date.now() - t0) / 1000, firstFrame, interactive, interactiveNote: loaded.interactiveNote, idleFrames: idle,
      readyAt: loaded.readyAt, longestPause: Math.max(0, ...loadTasks.map(([, d]) => d)), longTasks: loadTasks.length,
      longestPauseAny: Math.max(0, ...after.longtasks.map(([, d]) => d)),
      frames: after.deltas.length, panSeconds,
      frameMedian: median(after.deltas), frameP95: quantile(after.deltas, 0.95),
      appMedian: median(after.appMs), appP95: quantile(after.appMs, 0.95),
      stateFrameMs: st.frameMs ?? null, touchpointsShown: st.touchpoints, itemsShown: st.items.length,
      jsHeap: memEnd.jsHeap, wasm: memEnd.wasm, rendererRss: memEnd.renderer.rss, rendererPeak: memEnd.renderer.peak,
      memLoaded, problems: b.problems.slice(0, 5),
    };
  } finally { await b.close(); }
}

// The floor: the bare Dear ImGui page's first frame, and its frame times under the app's input.
async function runBare() {
  const b = await launch();
  try {
    await b.page.addInitScript(instrument, null);
    await b.page.goto(`${url}bare/index.html`, { timeout: 60000 });
    await b.page.waitForFunction(() => window.bareReady !== undefined, null, { timeout: 60000, polling: 100 });
    const firstFrame = await b.page.evaluate(() => window.bareReady);
    await b.page.waitForTimeout(500);
    const panSeconds = await panAndZoom(b.page);
    const after = await bench(b.page);
    return { firstFrame, frames: after.deltas.length, panSeconds, frameMedian: median(after.deltas), frameP95: quantile(after.deltas, 0.95),
      appMedian: median(after.appMs), appP95: quantile(after.appMs, 0.95), problems: b.problems.slice(0, 5) };
  } finally { await b.close(); }
}

async function runMermaid(n) {
  const b = await launch();
  try {
    await b.page.addInitScript(instrument, null);
    const t0 = Date.now();
    await b.page.goto(`${url}mermaid.html#mmd=bench-${n}.mmd`, { timeout: 30000 });
    // The cap: 60 s at 100,000 (the issue's "no frame within 60 s"); smaller journeys get longer,
    // so that a busy machine still gives Mermaid's time rather than a cap.
    const cap = n >= 100000 ? opt.mermaidCap : opt.mermaidCapSmall;
    let B = null;
    while (Date.now() - t0 < cap * 1000) {
      B = await evalWithin(b.page, () => { const B = window.__bench; return B.mapAt || B.error ? B : null; }, 2000);
      if (B) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    if (!B) {
      const mem = rendererMemory(b.userDataDir);
      return { n, capped: true, cap, firstFrame: null, note: `no frame within ${cap} s`, rendererRss: mem.rss, rendererPeak: mem.peak };
    }
    if (B.error) return { n, error: B.error };
    const loadTasks = B.longtasks.filter(([s]) => s <= B.mapAt);
    await b.page.waitForTimeout(500);
    // Scrolling the drawn SVG (wide: sideways), the nearest thing to panning a Mermaid diagram.
    await b.page.mouse.move(640, 400);
    await b.page.evaluate(() => { window.__bench.recording = true; });
    for (let i = 0; i < 60; i++) { await b.page.mouse.wheel(i < 30 ? 120 : -120, 0); await b.page.waitForTimeout(33); }
    await b.page.evaluate(() => { window.__bench.recording = false; });
    const after = await bench(b.page);
    const mem = { ...(await pageMemory(b.page)), renderer: rendererMemory(b.userDataDir) };
    return {
      n, firstFrame: B.mapAt, textAt: B.textAt, svgAt: B.svgAt, tasksDrawn: B.tasks, svgChars: B.svgChars,
      longestPause: Math.max(0, ...loadTasks.map(([, d]) => d)), longTasks: loadTasks.length,
      frameMedian: median(after.deltas), frameP95: quantile(after.deltas, 0.95),
      jsHeap: mem.jsHeap, rendererRss: mem.renderer.rss, rendererPeak: mem.renderer.peak, problems: b.problems.slice(0, 5),
    };
  } finally { await b.close(); }
}

// ---- the runs ---------------------------------------------------------------------------------
const { server, url } = await serve(SITE, 0);
const started = new Date();
const results = { date: started.toISOString(), machine: machine(), options: opt, download, app: {}, before: {}, bare: {}, mermaid: {}, leak: null };
function machine() {
  const cpu = os.cpus()[0]?.model?.trim() || 'unknown CPU';
  let chromium = 'chromium';
  try { chromium = execFileSync(process.env.CHROMIUM || '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { /* keep */ }
  return { cpu, cores: os.cpus().length, memGB: Math.round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()}`,
    node: process.version, chromium, webgl: 'SwiftShader (no GPU)', loadAtStart: os.loadavg()[0] };
}

// uxcx and Mermaid take turns, run by run, so that both see the same load on a shared machine.
async function appRun(n, r, which = 'app') {
  const res = await runApp(n, which === 'before' ? 'before/' : '').catch((e) => ({ n, error: String(e.message || e).split('\n')[0] }));
  results[which][n].push(res);
  const label = which === 'before' ? 'before' : 'uxcx';
  if (res.error) { log(`${label} N=${n} run ${r + 1}: ${res.error}`); return; }
  log(`${label} N=${n} run ${r + 1}: idle frames ${res.idleFrames}, first frame ${fmt(res.firstFrame)} ms, interactive ${fmt(res.interactive)} ms, longest pause ${fmt(res.longestPause)} ms, frame ${fmt(res.frameMedian)}/${fmt(res.frameP95)} ms, app ${fmt(res.appMedian, 2)}/${fmt(res.appP95, 2)} ms, renderer ${mb(res.rendererPeak)} MB peak${res.interactiveNote ? ' (' + res.interactiveNote + ')' : ''}${res.problems.length ? ' problems: ' + res.problems.join(' | ') : ''}`);
}
async function bareRun(n, r) {
  const res = await runBare().catch((e) => ({ error: String(e.message || e).split('\n')[0] }));
  results.bare[n].push(res);
  log(`bare ImGui (beside N=${n}) run ${r + 1}: ${res.error ? 'error ' + res.error : `first frame ${fmt(res.firstFrame)} ms, frame ${fmt(res.frameMedian)}/${fmt(res.frameP95)} ms`}`);
}
async function mermaidRun(n, r) {
  const res = await runMermaid(n).catch((e) => ({ n, error: String(e.message || e).split('\n')[0] }));
  results.mermaid[n].push(res);
  log(`mermaid N=${n} run ${r + 1}: ${res.error ? 'error ' + res.error : res.capped ? res.note : `first frame ${fmt(res.firstFrame)} ms, longest pause ${fmt(res.longestPause)} ms, ${res.tasksDrawn} .task elements`}, renderer ${mb(res.rendererPeak)} MB peak`);
}

try {
  for (const n of [0, ...opt.sizes]) {
    results.app[n] = [];
    if (opt.before) results.before[n] = [];
    // The floor beside every size the goals compare with it (not 100,000: nothing to compare).
    const bareRuns = opt.useBare && n < 100000;
    if (bareRuns) results.bare[n] = [];
    const mermaidRuns = !opt.mermaid || n === 0 ? 0 : n === BIGGEST && n >= 100000 ? Math.min(opt.runs, opt.mermaidRunsMax) : opt.runs;
    if (mermaidRuns) results.mermaid[n] = [];
    for (let r = 0; r < opt.runs; r++) {
      // With --before, the two builds take turns going first: a run just after another browser
      // closed was slower (in one A/B of identical code, the first of each pair lost 4 of 5).
      const builds = !opt.before ? ['app'] : r % 2 === 0 ? ['app', 'before'] : ['before', 'app'];
      for (const which of builds) await appRun(n, r, which);
      if (bareRuns) await bareRun(n, r);
      // A capped run says all there is to say; the next would cap too.
      if (r < mermaidRuns && !results.mermaid[n].some((x) => x.capped)) await mermaidRun(n, r);
    }
  }
  if (opt.leak) {
    const b = await launch();
    try {
      await b.page.goto(`${url}index.html`);
      await b.page.evaluate(() => window.uxcx.ready);
      const big = fs.readFileSync(inputs[1000].json, 'utf8'), tiny = fs.readFileSync(inputs[1].json, 'utf8');
      results.leak = leakVerdict(await leakCycles(b.page, big, tiny, opt.leakCycles, Math.min(50, opt.leakCycles)));
      log(`leak check: ${results.leak.cycles} cycles in ${fmt(results.leak.seconds, 1)} s, wasm ${results.leak.atWarm.wasm} -> ${results.leak.atEnd.wasm} bytes: ${results.leak.pass ? 'pass' : 'FAIL'}`);
    } finally { await b.close(); }
  }
} finally {
  server.close();
}

// ---- report -----------------------------------------------------------------------------------
function fmt(x, d = 0) { return x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(d); }
function mb(x) { return x ? (x / 2 ** 20).toFixed(0) : '–'; }
const pick = (runs, k) => (runs || []).map((r) => r[k]).filter((x) => x !== null && x !== undefined);
// "median (min–max)", scaled by f, d decimals
function cell(runs, k, f = 1, d = 0) {
  const xs = pick(runs, k).map((x) => x * f);
  if (!xs.length) return '–';
  const m = median(xs);
  return xs.length === 1 ? fmt(m, d) : `${fmt(m, d)} (${fmt(Math.min(...xs), d)}–${fmt(Math.max(...xs), d)})`;
}
const MiB = 1 / 2 ** 20;
const sizes = opt.sizes;
const head = `| | ${['empty app', ...sizes.map((n) => `N = ${n.toLocaleString('en')}`)].join(' | ')} |\n|---|${'---|'.repeat(sizes.length + 1)}`;
const row = (label, k, f, d, withEmpty = true) => `| ${label} | ${[withEmpty ? cell(results.app[0], k, f, d) : '', ...sizes.map((n) => cell(results.app[n], k, f, d))].join(' | ')} |`;
const ours = [
  head,
  row('first frame of the map, ms', 'firstFrame', 1, 0),
  row('interactive, ms', 'interactive', 1, 0),
  row('longest main-thread pause while loading, ms', 'longestPause', 1, 0),
  row('frame time while panning/zooming, median, ms', 'frameMedian', 1, 1),
  row('frame time while panning/zooming, p95, ms', 'frameP95', 1, 1),
  row("app's own time per frame, median, ms", 'appMedian', 1, 2),
  row("app's own time per frame, p95, ms", 'appP95', 1, 2),
  row('frames drawn in 2 s idle', 'idleFrames', 1, 0),
  row('JS heap, MiB', 'jsHeap', MiB, 1),
  row('wasm memory, MiB', 'wasm', MiB, 0),
  row('renderer memory (RSS at end), MiB', 'rendererRss', MiB, 0),
  row('renderer memory (peak RSS), MiB', 'rendererPeak', MiB, 0),
].join('\n');
const mhead = `| | ${sizes.map((n) => `N = ${n.toLocaleString('en')}`).join(' | ')} |\n|---|${'---|'.repeat(sizes.length)}`;
const mcell = (n, k, f, d) => {
  const runs = results.mermaid[n] || [];
  const capped = runs.find((r) => r.capped);
  if (capped && (k === 'firstFrame' || k === 'longestPause' || k.startsWith('frame'))) return `no frame within ${capped.cap} s`;
  return cell(runs, k, f, d) + (runs.length === 1 && opt.runs > 1 ? ' (1 run)' : '');
};
const mrow = (label, k, f, d) => `| ${label} | ${sizes.map((n) => mcell(n, k, f, d)).join(' | ')} |`;
const theirs = !opt.mermaid ? '' : [
  mhead,
  mrow('first frame of the diagram, ms', 'firstFrame', 1, 0),
  mrow('longest main-thread pause while loading, ms', 'longestPause', 1, 0),
  mrow('frame time while scrolling, median, ms', 'frameMedian', 1, 1),
  mrow('frame time while scrolling, p95, ms', 'frameP95', 1, 1),
  mrow('JS heap, MiB', 'jsHeap', MiB, 1),
  mrow('renderer memory (RSS at end), MiB', 'rendererRss', MiB, 0),
  mrow('renderer memory (peak RSS), MiB', 'rendererPeak', MiB, 0),
].join('\n');
const ratio = (n, k) => {
  const a = median(pick(results.app[n], k)), mr = results.mermaid[n] || [];
  const capped = mr.find((r) => r.capped);
  if (capped) return k === 'firstFrame' ? `< ${fmt(a / (capped.cap * 1000), 3)}` : k === 'rendererPeak' ? `${fmt(a / median(pick(mr, k)), 2)} (Mermaid's at the cap)` : '–';
  const b = median(pick(mr, k));
  return a !== null && b ? fmt(a / b, 3) : '–';
};
// The bare Dear ImGui page beside each size, and the "before" build.
const bsizes = sizes.filter((n) => results.bare[n]);
const bareTable = !bsizes.length ? '' : [
  `| | ${bsizes.map((n) => `beside N = ${n.toLocaleString('en')}`).join(' | ')} |\n|---|${'---|'.repeat(bsizes.length)}`,
  `| first frame, ms | ${bsizes.map((n) => cell(results.bare[n], 'firstFrame')).join(' | ')} |`,
  `| frame time under the same input, median, ms | ${bsizes.map((n) => cell(results.bare[n], 'frameMedian', 1, 1)).join(' | ')} |`,
  `| frame time under the same input, p95, ms | ${bsizes.map((n) => cell(results.bare[n], 'frameP95', 1, 1)).join(' | ')} |`,
].join('\n');
const beforeTable = !opt.before ? '' : [
  head.replace('| | ', '| before | '),
  ...[['first frame of the map, ms', 'firstFrame', 0], ['interactive, ms', 'interactive', 0], ['longest main-thread pause while loading, ms', 'longestPause', 0],
    ['frame time while panning/zooming, median, ms', 'frameMedian', 1], ['frame time while panning/zooming, p95, ms', 'frameP95', 1],
    ['frames drawn in 2 s idle', 'idleFrames', 0]]
    .map(([label, k, d]) => `| ${label} | ${[cell(results.before[0], k, 1, d), ...sizes.map((n) => cell(results.before[n], k, 1, d))].join(' | ')} |`),
  `| first frame, now / before | ${[0, ...sizes].map((n) => { const a = median(pick(results.app[n], 'firstFrame')), b = median(pick(results.before[n], 'firstFrame')); return a && b ? fmt(a / b, 2) : '–'; }).join(' | ')} |`,
].join('\n');
const ratios = !opt.mermaid ? '' : [
  mhead,
  `| first frame, ours / Mermaid | ${sizes.map((n) => ratio(n, 'firstFrame')).join(' | ')} |`,
  `| longest pause, ours / Mermaid | ${sizes.map((n) => ratio(n, 'longestPause')).join(' | ')} |`,
  `| renderer memory (peak), ours / Mermaid | ${sizes.map((n) => ratio(n, 'rendererPeak')).join(' | ')} |`,
].join('\n');

// The goals of the benchmark (bench/README.md), checked against the medians.
const med = (n, k) => median(pick(results.app[n], k));
const goals = [];
const goal = (what, value, limit, unit, ok) => goals.push({ what, value, limit, unit, pass: ok });
const mmed = (n, k) => median(pick(results.mermaid[n], k));
const bmed = (n, k) => median(pick(results.bare[n], k));
// Issue 11's goals: first frame against Mermaid's and the bare page's, frame times against the
// bare page's under the same input, and an idle app that draws nothing.
for (const [n, x] of [[50, 0.5], [2000, 0.25], [10000, 0.1]])
  if (results.mermaid[n]?.length && results.app[n]) goal(`N = ${n.toLocaleString('en')}: first frame <= ${x}x Mermaid`, med(n, 'firstFrame') / mmed(n, 'firstFrame'), x, 'x', null);
if (results.app[50] && results.bare[50]) goal('N = 50: first frame within 150 ms of the bare ImGui page', med(50, 'firstFrame') - bmed(50, 'firstFrame'), 150, 'ms', null);
for (const n of [50, 10000]) if (results.app[n] && results.bare[n]) {
  goal(`N = ${n.toLocaleString('en')}: panning/zooming frame median <= 1.2x the bare page's`, med(n, 'frameMedian') / bmed(n, 'frameMedian'), 1.2, 'x', null);
  goal(`N = ${n.toLocaleString('en')}: panning/zooming frame p95 <= 2x the bare page's`, med(n, 'frameP95') / bmed(n, 'frameP95'), 2, 'x', null);
}
if (results.app[100000]) {
  goal('N = 100,000: interactive < 3 s', med(100000, 'interactive') / 1000, 3, 's', null);
  goal('N = 100,000: no main-thread pause over 200 ms', med(100000, 'longestPause'), 200, 'ms', null);
}
if (results.mermaid[10000]?.length)
  goal('N = 10,000: renderer memory (peak) <= 0.3x Mermaid', med(10000, 'rendererPeak') / mmed(10000, 'rendererPeak'), 0.3, 'x', null);
{
  const idle = Math.max(...[0, ...sizes].flatMap((n) => pick(results.app[n], 'idleFrames')));
  if (Number.isFinite(idle)) goal('an idle app draws nothing: most frames in 2 s idle, any run', idle, 0, 'frames', null);
}
// The median: p95 of a wall-clock time inside one callback mostly counts the thread waiting for
// a core on a busy machine.
if (results.app[10000]) goal("N = 10,000: app's own time per frame (median) < 4 ms", med(10000, 'appMedian'), 4, 'ms', null);
goal('gzip download < 1 MB', download.gzip / 1e6, 1, 'MB', null);
for (const g of goals) g.pass = g.value !== null && !Number.isNaN(g.value) && g.value <= g.limit;
const goalTable = ['| goal | measured | limit | |', '|---|---|---|---|',
  ...goals.map((g) => `| ${g.what} | ${fmt(g.value, g.unit === 'x' ? 3 : g.unit === 's' || g.unit === 'MB' ? 2 : g.unit === 'frames' ? 0 : 1)} ${g.unit} | ${fmt(g.limit, g.unit === 'x' ? 2 : g.unit === 'ms' ? 1 : 0)} ${g.unit} | ${g.pass ? 'met' : '**missed**'} |`)].join('\n');

const m = results.machine;
const when = started.toISOString().slice(0, 10);
const downloadLine = `Download (${APP_FILES.join(', ')}): ${(download.raw / 1e6).toFixed(2)} MB raw, ${(download.gzip / 1e6).toFixed(2)} MB gzip -9 (app.wasm ${(download.files['app.wasm'].gzip / 1e6).toFixed(2)} MB gzip).`;
const leakLine = results.leak ? `Leak check: ${results.leak.cycles} cycles of loading a 1,000-touchpoint map and then a 1-touchpoint map, in one page: wasm memory ${results.leak.atWarm.wasm.toLocaleString('en')} bytes after cycle ${results.leak.warm}, ${results.leak.atEnd.wasm.toLocaleString('en')} at the end (growth ${results.leak.wasmGrowth}): **${results.leak.pass ? 'pass' : 'FAIL'}**${results.leak.failed.length ? '; failed loads: ' + results.leak.failed.join('; ') : ''}. JS heap${results.leak.atEnd.gc ? ' after a forced GC' : ''} ${fmt(results.leak.atWarm.jsHeap * MiB, 1)} -> ${fmt(results.leak.atEnd.jsHeap * MiB, 1)} MiB (not part of the verdict).` : '';
const mermaidVersion = JSON.parse(fs.readFileSync(path.join(BENCH, 'node_modules/mermaid/package.json'), 'utf8')).version;
const report = [
  `Measured ${when} on ${m.cpu}, ${m.cores} cores, ${m.memGB} GB, no GPU (WebGL on SwiftShader); ${m.chromium} headless, `
  + `playwright-core, a fresh profile per run; median (min–max) of ${opt.runs} runs; Mermaid ${mermaidVersion}. `
  + `Load average ${m.loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end (other work on the machine slows every figure). `
  + `Rerun: \`scripts/bench\` (about ${Math.round((Date.now() - started) / 60000)} min).`,
  '', '**uxcx**', '', ours, '',
  ...(bareTable ? ['**Bare Dear ImGui page (bench/bare: demo window, the app\'s build flags), run beside each size**', '', bareTable, ''] : []),
  ...(beforeTable ? [`**The same measures on the "before" build (${path.relative(ROOT, opt.before)}), alternating with the one above**`, '', beforeTable, ''] : []),
  ...(opt.mermaid ? ['**Mermaid `journey`, the same journeys**', '', theirs, '', '**Ratios, ours / Mermaid (medians)**', '', ratios, ''] : []),
  '**Goals**', '', goalTable, '', downloadLine, '', leakLine,
].join('\n');
console.log(report);

fs.writeFileSync(path.join(OUT, `results-${started.toISOString().replace(/[:.]/g, '-')}.json`), JSON.stringify({ ...results, goals, report }, null, 1));
if (opt.readme) {
  const readme = path.join(BENCH, 'README.md');
  const begin = '<!-- browser-bench:begin (scripts/bench writes between these lines) -->', end = '<!-- browser-bench:end -->';
  const text = fs.existsSync(readme) ? fs.readFileSync(readme, 'utf8') : '';
  if (text.includes(begin) && text.includes(end)) {
    fs.writeFileSync(readme, text.slice(0, text.indexOf(begin) + begin.length) + '\n' + report + '\n' + text.slice(text.indexOf(end)));
    log('table written to bench/README.md');
  } else log('bench/README.md has no browser-bench markers: table not written there');
}
process.exit(0);
