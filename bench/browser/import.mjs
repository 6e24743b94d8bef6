// import.mjs: survey aggregation throughput in the browser (File > Import survey..., the loading
// worker) and whether the page stayed responsive meanwhile; optionally checks that the journey
// equals `uxcx survey` of the same files (numbers to 1e-9 relative).
// Usage: node bench/browser/import.mjs --csv DATA.csv --mapping MAPPING.json [--expect OUT.json] [--web build/web] [--runs 3]
// The CSV and mapping are picked together through the page's survey file input (no mapping
// screen), as a person choosing both files does. Prints one line per run: rows, MB, the worker's
// time reading and aggregating (uxcx.lastImport.workMs) and rows/s, the time from the request
// (the worker's start included), and the longest gap between animation frames on the page while
// it ran, beside the same over 2 s idle.
import fs from 'node:fs';
import path from 'node:path';
import { start, openApp } from '../../tests/e2e/lib.mjs';

const opt = { web: undefined, csv: null, mapping: null, expect: null, runs: 3 };
for (let a = process.argv.slice(2); a.length;) {
  const k = a.shift();
  if (k === '--web') opt.web = path.resolve(a.shift());
  else if (k === '--csv') opt.csv = path.resolve(a.shift());
  else if (k === '--mapping') opt.mapping = path.resolve(a.shift());
  else if (k === '--expect') opt.expect = path.resolve(a.shift());
  else if (k === '--runs') opt.runs = Number(a.shift());
  else { console.error(`import: unknown argument ${k}`); process.exit(2); }
}
if (!opt.csv || !opt.mapping) { console.error('usage: import.mjs --csv DATA.csv --mapping MAPPING.json [--expect OUT.json]'); process.exit(2); }

// Journeys equal up to floating-point noise (the browser and native builds sum in the same order,
// but printing may differ in the last digit).
function same(a, b, where = '') {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))) return null;
    return `${where}: ${a} vs ${b}`;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${where}: ${a.length} vs ${b.length} entries`;
    for (let i = 0; i < a.length; i++) { const d = same(a[i], b[i], `${where}/${i}`); if (d) return d; }
    return null;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) { const d = same(a[k], b[k], `${where}/${k}`); if (d) return d; }
    return null;
  }
  return a === b ? null : `${where}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}

const env = await start(opt.web ? { root: opt.web } : {});
try {
  const { page } = env;
  await openApp(page, env.url);
  await page.evaluate(() => window.uxcx.started);
  const mb = fs.statSync(opt.csv).size / 1e6;
  for (let run = 1; run <= opt.runs; run++) {
    // The longest interval between animation frames while the import runs: a frozen page shows
    // as one long gap.
    // The mouse moves over the page throughout (the app draws a frame for each move), during the
    // import and during 2 s without one, for comparison: a loaded machine stalls frames too.
    let moving = true;
    const mover = (async () => { for (let i = 0; moving; i++) { await page.mouse.move(300 + (i % 40) * 10, 400); await page.waitForTimeout(50); } })();
    const idle = await page.evaluate(() => new Promise((res) => {
      let last = performance.now(), max = 0;
      const end = last + 2000;
      const tick = (t) => { max = Math.max(max, t - last); last = t; if (t < end) requestAnimationFrame(tick); else res(max); };
      requestAnimationFrame(tick);
    }));
    await page.evaluate(() => {
      window.__gap = { last: performance.now(), max: 0, on: true };
      const tick = (t) => { const g = window.__gap; if (!g.on) return; g.max = Math.max(g.max, t - g.last); g.last = t; requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    });
    const before = await page.evaluate(() => window.uxcx.lastImport);
    await page.setInputFiles('input[type=file][multiple]', [opt.csv, opt.mapping]);
    await page.waitForFunction((b) => window.uxcx.lastImport && window.uxcx.lastImport !== b && window.uxcx.state().import.phase === 'closed', before, { timeout: 600000, polling: 200 });
    const r = await page.evaluate(() => window.uxcx.lastImport);
    const gap = await page.evaluate(() => { window.__gap.on = false; return window.__gap.max; });
    moving = false;
    await mover;
    if (!r.ok) throw new Error('import failed: ' + JSON.stringify(r));
    console.log(`run ${run}: ${r.rows} rows, ${mb.toFixed(1)} MB, ${(r.workMs / 1000).toFixed(2)} s reading + aggregating ` +
      `(${Math.round(r.rows / (r.workMs / 1000)).toLocaleString('en')} rows/s), ${(r.ms / 1000).toFixed(2)} s from the request ` +
      `(worker start included); longest frame gap on the page ${gap.toFixed(0)} ms (without an import: ${idle.toFixed(0)} ms)`);
  }
  if (opt.expect) {
    const page_ = JSON.parse(await page.evaluate(() => window.uxcx.documentJson()));
    const native = JSON.parse(fs.readFileSync(opt.expect, 'utf8'));
    const d = same(page_, native);
    console.log(d ? `DIFFERS from ${opt.expect} at ${d}` : `equals ${path.basename(opt.expect)} (uxcx survey of the same files)`);
    if (d) process.exitCode = 1;
  }
} finally {
  await env.close();
}
