// profile.mjs: where the time goes, from navigation to the first frame with the map, and in
// panning frames. Records a Chromium trace (all processes: renderer, GPU process, browser) with
// V8's sampling profiler in it, writes it (open it in Perfetto or chrome://tracing) and prints a
// summary: each thread's busy time in the two windows, the renderer's main-thread events by
// time, each main-thread task over 100 ms with the functions in it, the functions that took it
// (wasm functions by name when the build keeps them: build with `--profiling-funcs`), and what
// the app draws (draw calls and vertices, from ImGui's draw data).
// Usage: node bench/browser/profile.mjs [--web build/web] [--data DIR] [--n 50] [--page index.html]
//        [--out bench/out/profile] [--no-pan]
// EXTRA_CATS=a,b adds trace categories, e.g. gpu.angle,disabled-by-default-gpu.decoder (ANGLE's
// and the GPU decoder's events inside the GPU process's command-buffer flushes).
// DIR holds bench-N.json (scripts/bench writes them to bench/out/data with build/native/gen).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/static-server.mjs';
import { CHROMIUM_ARGS } from '../../tests/e2e/lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const opt = { web: path.join(ROOT, 'build/web'), data: path.join(ROOT, 'bench/out/data'), n: 50, page: 'index.html',
  out: path.join(ROOT, 'bench/out/profile'), pan: true };
for (let a = process.argv.slice(2); a.length;) {
  const k = a.shift();
  if (k === '--web') opt.web = path.resolve(a.shift());
  else if (k === '--data') opt.data = path.resolve(a.shift());
  else if (k === '--n') opt.n = Number(a.shift());
  else if (k === '--page') opt.page = a.shift();
  else if (k === '--out') opt.out = path.resolve(a.shift());
  else if (k === '--no-pan') opt.pan = false;
  else { console.error(`profile: unknown argument ${k}`); process.exit(2); }
}

const site = fs.mkdtempSync(path.join(os.tmpdir(), 'uxcx-profile-site-'));
for (const f of fs.readdirSync(opt.web)) fs.symlinkSync(path.join(opt.web, f), path.join(site, f));
fs.symlinkSync(path.join(opt.data, `bench-${opt.n}.json`), path.join(site, `bench-${opt.n}.json`));
const { server, url } = await serve(site, 0);
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uxcx-profile-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS,
  viewport: { width: 1280, height: 800 },
});
const page = context.pages()[0] || await context.newPage();
const cdp = await context.newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const tracingDone = new Promise((res) => cdp.on('Tracing.tracingComplete', res));
await cdp.send('Tracing.start', {
  transferMode: 'ReportEvents',
  traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: [
    'toplevel', 'blink.user_timing', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame',
    'v8', 'v8.wasm', 'disabled-by-default-v8.cpu_profiler', 'blink', 'loading', 'gpu', 'viz', 'cc', 'benchmark', 'netlog', ...(process.env.EXTRA_CATS ? process.env.EXTRA_CATS.split(',') : [])] },
});

// Marks in the trace: the console.time-like user timings are not needed; the page's own clock is.
const t0 = Date.now();
await page.goto(`${url}${opt.page}#map=bench-${opt.n}.json`);
await page.waitForFunction((n) => window.uxcx && window.uxcx.state && window.uxcx.state() && window.uxcx.state().touchpoints === n,
  opt.n, { timeout: 120000, polling: 'raf' });
await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
// performance.mark()s land in the trace (blink.user_timing) on its clock: they anchor the windows.
const marks = await page.evaluate(() => { performance.mark('uxcx-map-shown'); return { mapShown: performance.now() }; });
let panMarks = null;
if (opt.pan) {
  await page.waitForTimeout(300);
  await page.evaluate(() => performance.mark('uxcx-pan-start'));
  const cx = 640, cy = 430;
  await page.mouse.move(cx, cy);
  await page.mouse.down({ button: 'right' });
  for (let i = 1; i <= 40; i++) { await page.mouse.move(cx - 5 * i, cy - 2 * i); await page.waitForTimeout(16); }
  await page.mouse.up({ button: 'right' });
  await page.evaluate(() => performance.mark('uxcx-pan-end'));
  panMarks = true;
}
const st = await page.evaluate(() => window.uxcx.state());
await cdp.send('Tracing.end');
await tracingDone;
await context.close();
server.close();
fs.rmSync(userDataDir, { recursive: true, force: true });
fs.rmSync(site, { recursive: true, force: true });
fs.mkdirSync(opt.out, { recursive: true });
const traceFile = path.join(opt.out, `trace-${opt.page.replace(/\W/g, '_')}-${opt.n}.json`);
fs.writeFileSync(traceFile, JSON.stringify({ traceEvents: events }));

// ---- summary --------------------------------------------------------------------------------
// Trace timestamps are in µs of the trace clock; the renderer's navigationStart event anchors
// performance.now() = 0 on it.
const procs = new Map(), threads = new Map();
for (const e of events) {
  if (e.ph !== 'M') continue;
  if (e.name === 'process_name') procs.set(e.pid, e.args.name);
  if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
}
const mark = (name) => events.find((e) => e.name === name);
if (!mark('uxcx-map-shown')) { console.error('profile: no marks in the trace'); process.exit(1); }
const rendererPid = mark('uxcx-map-shown').pid;
// The page's own navigation start is where performance.now() is 0 (the renderer may hold others).
const t0trace = mark('uxcx-map-shown').ts - marks.mapShown * 1000;
const windows = [['navigation -> map shown', t0trace, mark('uxcx-map-shown').ts]];
if (panMarks) windows.push(['panning', mark('uxcx-pan-start').ts, mark('uxcx-pan-end').ts]);

// Busy time of a thread in a window: the union of its complete (X) events there.
function busy(list, from, to) {
  const iv = list.map((e) => [Math.max(from, e.ts), Math.min(to, e.ts + (e.dur || 0))]).filter(([a, b]) => b > a).sort((a, b) => a[0] - b[0]);
  let sum = 0, end = -Infinity;
  for (const [a, b] of iv) { if (b <= end) continue; sum += b - Math.max(a, end); end = b; }
  return sum / 1000;
}
const byThread = new Map();
for (const e of events) if (e.ph === 'X' && e.dur) {
  const k = `${e.pid}:${e.tid}`;
  if (!byThread.has(k)) byThread.set(k, []);
  byThread.get(k).push(e);
}
// The page's main thread, "pid:tid".
const mainKey = ([...threads].find(([k, n]) => k.startsWith(`${rendererPid}:`) && n === 'CrRendererMain') || [])[0];
// V8's samples of the page (the renderer's threads), read once: each sample's time and node, and
// the call trees' frames and parents by node ("profile:node"). A Profile event is on the sampled
// thread; its chunks may come from another (the profiler's), so they are matched by id.
const profiles = { frames: new Map(), parents: new Map(), samples: [] };  // samples: [ts, node, tid]
for (const pr of events) {
  if (pr.name !== 'Profile' || pr.pid !== rendererPid) continue;
  let ts = pr.args.data.startTime;
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== pr.pid || e.id !== pr.id) continue;
    const d = e.args?.data;
    for (const n of d?.cpuProfile?.nodes || []) {
      profiles.frames.set(`${pr.id}:${n.id}`, n.callFrame);
      if (n.parent !== undefined) profiles.parents.set(`${pr.id}:${n.id}`, `${pr.id}:${n.parent}`);
    }
    (d?.cpuProfile?.samples || []).forEach((node, i) => { ts += d.timeDeltas[i]; profiles.samples.push([ts, `${pr.id}:${node}`, pr.tid]); });
  }
}
const lines = [];
const say = (s = '') => { lines.push(s); console.log(s); };
say(`# profile: ${opt.page}#map=bench-${opt.n}.json (${new Date().toISOString()}, load average ${os.loadavg()[0].toFixed(1)})`);
say(`map shown at ${marks.mapShown.toFixed(0)} ms after navigation start; ${st.items.length} cards on screen; ${Date.now() - t0} ms wall in all`);
for (const [label, from, to] of windows) {
  say(`\n## ${label}: ${((to - from) / 1000).toFixed(0)} ms — busy time per thread (ms)`);
  const rows = [];
  for (const [k, list] of byThread) {
    const ms = busy(list, from, to);
    if (ms < 5) continue;
    const [pid] = k.split(':');
    rows.push([ms, `${procs.get(Number(pid)) || pid}${Number(pid) === rendererPid ? ' (page)' : ''} / ${threads.get(k) || k}`]);
  }
  for (const [ms, name] of rows.sort((a, b) => b[0] - a[0]).slice(0, 12)) say(`  ${ms.toFixed(0).padStart(6)}  ${name}`);
  // The page's main thread: which events took the time (inclusive, nested ones counted apart).
  if (mainKey) {
    const tally = new Map();
    for (const e of byThread.get(mainKey) || []) {
      const d = (Math.min(to, e.ts + e.dur) - Math.max(from, e.ts)) / 1000;
      if (d <= 0) continue;
      tally.set(e.name, (tally.get(e.name) || 0) + d);
    }
    say('  page main thread, events by inclusive time (ms):');
    for (const [name, ms] of [...tally].sort((a, b) => b[1] - a[1]).slice(0, 18)) say(`    ${ms.toFixed(1).padStart(7)}  ${name}`);
  }
}

// Self time per function over the whole recording (V8 samples about every 100 µs of the page's
// main thread; the count of samples is a share, not milliseconds).
{
  const counts = new Map();
  for (const [, node] of profiles.samples) counts.set(node, (counts.get(node) || 0) + 1);
  const byFn = new Map();
  let total = 0;
  for (const [k, c] of counts) {
    const f = profiles.frames.get(k);
    const name = f ? `${f.functionName || '(anonymous)'}${f.url ? ' ' + path.basename(f.url) : ''}` : '?';
    byFn.set(name, (byFn.get(name) || 0) + c);
    total += c;
  }
  say(`\n## page's functions by self time, whole recording (${total} samples)`);
  for (const [name, c] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 30)) say(`  ${(100 * c / total).toFixed(1).padStart(5)}%  ${name}`);
}

// The page's long tasks (what the longtask goal counts): each main-thread task over 100 ms, with
// the functions its V8 samples fall in, inclusive (a caller counts its callees' samples).
{
  const mainTid = mainKey && Number(mainKey.split(':')[1]);
  const { frames, parents } = profiles;
  const samples = profiles.samples.filter(([, , tid]) => tid === mainTid);
  const tasks = (byThread.get(mainKey) || []).filter((e) => e.name === 'RunTask' && e.dur > 100000);
  say(`\n## page main-thread tasks over 100 ms, from navigation start: functions by inclusive share of the task's samples`);
  for (const task of tasks) {
    const incl = new Map();
    let n = 0;
    for (const [ts, node] of samples) {
      if (ts < task.ts || ts > task.ts + task.dur) continue;
      n++;
      const seen = new Set();
      for (let k = node; k; k = parents.get(k)) {
        const f = frames.get(k);
        const name = f ? f.functionName || '(anonymous)' : '?';
        if (!seen.has(name)) { seen.add(name); incl.set(name, (incl.get(name) || 0) + 1); }
      }
    }
    say(`  at ${((task.ts - t0trace) / 1000).toFixed(0)} ms: ${(task.dur / 1000).toFixed(0)} ms, ${n} samples`);
    const shown = [...incl].filter(([name]) => !/^\(root\)$|^$/.test(name)).sort((a, b) => b[1] - a[1]).slice(0, 16);
    for (const [name, c] of shown) say(`    ${(100 * c / Math.max(1, n)).toFixed(0).padStart(4)}%  ${name.slice(0, 110)}`);
  }
}
say(`\ntrace: ${path.relative(ROOT, traceFile)}`);
fs.writeFileSync(path.join(opt.out, `summary-${opt.page.replace(/\W/g, '_')}-${opt.n}.txt`), lines.join('\n') + '\n');
