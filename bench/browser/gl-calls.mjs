// gl-calls.mjs: what the app asks WebGL for in a panning frame: calls per frame by name, bytes
// uploaded (bufferData/bufferSubData/texImage2D/texSubImage2D), indices drawn, and the context's
// attributes; with --no-draw, drawElements becomes a no-op (everything else unchanged) and the
// median frame interval while panning is printed, to tell the cost of rasterising the draws
// (SwiftShader, in the GPU process) from everything else.
// Usage: node bench/browser/gl-calls.mjs [--web build/web] [--data bench/out/data] [--n 50] [--no-draw]
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/static-server.mjs';
import { CHROMIUM_ARGS } from '../../tests/e2e/lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const opt = { web: path.join(ROOT, 'build/web'), data: path.join(ROOT, 'bench/out/data'), n: 50, draw: true };
for (let a = process.argv.slice(2); a.length;) {
  const k = a.shift();
  if (k === '--web') opt.web = path.resolve(a.shift());
  else if (k === '--data') opt.data = path.resolve(a.shift());
  else if (k === '--n') opt.n = Number(a.shift());
  else if (k === '--no-draw') opt.draw = false;
  else { console.error(`gl-calls: unknown argument ${k}`); process.exit(2); }
}
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'uxcx-glcalls-site-'));
for (const f of fs.readdirSync(opt.web)) fs.symlinkSync(path.join(opt.web, f), path.join(site, f));
fs.symlinkSync(path.join(opt.data, `bench-${opt.n}.json`), path.join(site, `bench-${opt.n}.json`));
const { server, url } = await serve(site, 0);
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uxcx-glcalls-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 800 },
});
try {
  const page = context.pages()[0] || await context.newPage();
  await page.addInitScript((draw) => {
    const G = (window.__gl = { calls: {}, bytes: {}, indices: 0, attrs: null });
    const P = WebGL2RenderingContext.prototype;
    for (const name of Object.getOwnPropertyNames(P)) {
      const d = Object.getOwnPropertyDescriptor(P, name);
      if (typeof d.value !== 'function') continue;
      const f = d.value;
      P[name] = function (...a) {
        G.calls[name] = (G.calls[name] || 0) + 1;
        // Emscripten passes the whole wasm heap with an offset and a length: count the length.
        if (name === 'bufferData' || name === 'bufferSubData')
          G.bytes[name] = (G.bytes[name] || 0) + (typeof a[1] === 'number' ? a[1] : a[4] ?? a[1]?.byteLength ?? 0);
        if (name === 'texImage2D' || name === 'texSubImage2D')
          G.bytes[name] = (G.bytes[name] || 0) + (typeof a[3] === 'number' && typeof a[4] === 'number' ? a[3] * a[4] * 4 : 0);
        if (name === 'drawElements') { G.indices += a[1]; if (!draw) return; }
        return f.apply(this, a);
      };
    }
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, attrs) {
      if (type.startsWith('webgl')) G.attrs = attrs;
      return getContext.call(this, type, attrs);
    };
  }, opt.draw);
  await page.goto(`${url}index.html#map=bench-${opt.n}.json`);
  await page.waitForFunction((n) => window.uxcx?.state?.()?.touchpoints === n, opt.n, { timeout: 120000 });
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    Object.assign(window.__gl, { calls: {}, bytes: {}, indices: 0, deltas: [] });
    let last = 0;
    const tick = (t) => { if (last) window.__gl.deltas.push(t - last); last = t; if (!window.__gl.stop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  const cx = 640, cy = 430;
  await page.mouse.move(cx, cy);
  await page.mouse.down({ button: 'right' });
  for (let i = 1; i <= 40; i++) { await page.mouse.move(cx - 5 * i, cy - 2 * i); await page.waitForTimeout(16); }
  await page.mouse.up({ button: 'right' });
  const G = await page.evaluate(() => { window.__gl.stop = true; return window.__gl; });
  const frames = G.calls.clear || 1;
  const d = [...G.deltas].sort((a, b) => a - b);
  console.log(`N = ${opt.n}${opt.draw ? '' : ', drawElements a no-op'}: ${frames} app frames while panning; median frame interval ${d[d.length >> 1].toFixed(1)} ms; load average ${os.loadavg()[0].toFixed(1)}`);
  console.log(`context attributes asked for: ${JSON.stringify(G.attrs)}`);
  console.log(`indices drawn per frame: ${(G.indices / frames).toFixed(0)}`);
  for (const [name, c] of Object.entries(G.calls).sort((a, b) => b[1] - a[1]))
    console.log(`  ${name.padEnd(26)} ${(c / frames).toFixed(1).padStart(6)} per frame${G.bytes[name] ? `, ${(G.bytes[name] / frames / 1024).toFixed(1)} KiB per frame` : ''}`);
} finally {
  await context.close();
  server.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
  fs.rmSync(site, { recursive: true, force: true });
}
