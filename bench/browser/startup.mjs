// startup.mjs: where the first frame's time goes, phase by phase, from the page's User Timing
// marks (web/uxcx.js: uxcx:script, compiled, runtime, opened, first-frame) and the probe's first
// frame of the map (probe.mjs: the next frame after the one that drew it). Alternates the builds
// run by run (a fresh browser and profile each), so that a change is measured against its "before"
// in one run; with the bare Dear ImGui page beside them for the floor.
// Usage: node bench/browser/startup.mjs [--n 50] [--runs 8] [--web build/web] [--before DIR]
//        [--bare build/wasm/bare | --no-bare] [--data bench/out/data]
// DIR: another build of the site (say main before a change). bench-N.json comes from
// build/native/gen (scripts/bench writes it to bench/out/data).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/static-server.mjs';
import { CHROMIUM_ARGS } from '../../tests/e2e/lib.mjs';
import { instrument } from './probe.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const opt = { n: 50, runs: 8, web: path.join(ROOT, 'build/web'), before: null, bare: path.join(ROOT, 'build/wasm/bare'),
  data: path.join(ROOT, 'bench/out/data') };
for (let a = process.argv.slice(2); a.length;) {
  const k = a.shift();
  if (k === '--n') opt.n = Number(a.shift());
  else if (k === '--runs') opt.runs = Number(a.shift());
  else if (k === '--web') opt.web = path.resolve(a.shift());
  else if (k === '--before') opt.before = path.resolve(a.shift());
  else if (k === '--bare') opt.bare = path.resolve(a.shift());
  else if (k === '--no-bare') opt.bare = null;
  else if (k === '--data') opt.data = path.resolve(a.shift());
  else { console.error(`startup: unknown argument ${k}`); process.exit(2); }
}

// One folder served: the build at /, the "before" build at before/, the bare page at bare/, the
// journey beside each build.
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'uxcx-startup-'));
const journey = path.join(opt.data, `bench-${opt.n}.json`);
const subjects = [];
function mount(dir, under, name) {
  const at = path.join(site, under);
  fs.mkdirSync(at, { recursive: true });
  for (const f of fs.readdirSync(dir)) fs.symlinkSync(path.join(dir, f), path.join(at, f));
  if (name !== 'bare') fs.symlinkSync(journey, path.join(at, path.basename(journey)));
  subjects.push({ name, page: `${under}index.html${name === 'bare' ? '' : `#map=bench-${opt.n}.json`}` });
}
if (opt.bare) mount(opt.bare, 'bare/', 'bare');
if (opt.before) mount(opt.before, 'before/', 'before');
mount(opt.web, '', 'app');
const { server, url } = await serve(site, 0);

const PHASES = [['script', null, 'script'], ['compiled', null, 'compiled'], ['main()', 'compiled', 'runtime'],
  ['start-up open', 'runtime', 'opened'], ['first frame (its code)', 'opened', 'first-frame'], ['composited', 'first-frame', 'map']];

async function run(subject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uxcx-startup-profile-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 800 } });
  try {
    const page = context.pages()[0] || await context.newPage();
    const bare = subject.name === 'bare';
    await page.addInitScript(instrument, bare ? null : opt.n);
    await page.goto(url + subject.page);
    if (bare) await page.waitForFunction(() => typeof window.bareReady === 'number', null, { timeout: 60000 });
    else await page.waitForFunction(() => window.__bench.mapAt !== null, null, { timeout: 60000 });
    return await page.evaluate(() => {
      const t = {};
      for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('uxcx:')) t[m.name.slice(5)] = m.startTime;
      t.map = window.__bench.mapAt ?? window.bareReady;
      t.longest = Math.max(0, ...window.__bench.longtasks.filter(([s]) => s < t.map).map(([, d]) => d));
      return t;
    });
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const results = new Map(subjects.map((s) => [s.name, []]));
for (let i = 0; i < opt.runs; i++) {
  // Each run in turn goes first (a run just after another browser closed is slower).
  for (const s of [...subjects.slice(i % subjects.length), ...subjects.slice(0, i % subjects.length)]) results.get(s.name).push(await run(s));
  process.stderr.write(`run ${i + 1} of ${opt.runs}\r`);
}
server.close();
fs.rmSync(site, { recursive: true, force: true });

const median = (xs) => { const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b); return v.length ? v[Math.floor((v.length - 1) / 2)] : NaN; };
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');
console.log(`# start-up of index.html#map=bench-${opt.n}.json: median of ${opt.runs} runs, ms (load average ${os.loadavg()[0].toFixed(1)})\n`);
console.log(`| | ${subjects.map((s) => s.name).join(' | ')} |\n|---|${'---|'.repeat(subjects.length)}`);
const row = (label, f) => console.log(`| ${label} | ${subjects.map((s) => fmt(median(results.get(s.name).map(f)))).join(' | ')} |`);
for (const [label, from, to] of PHASES) row(from ? `${label} (${from} -> ${to})` : `${label} at`, (t) => (from ? t[to] - t[from] : t[to]));
row('first frame of the map', (t) => t.map);
row('longest task before it', (t) => t.longest);
for (const s of subjects) console.log(`\n${s.name}, each run's first frame: ${results.get(s.name).map((t) => fmt(t.map)).join(', ')}`);
