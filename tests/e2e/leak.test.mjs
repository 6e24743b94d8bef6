// leak.test.mjs: the quick leak check (scripts/bench runs 1,000 cycles; this one 100, 15-35 s):
// loading a 1,000-touchpoint map and then a tiny one, over and over in one page, must not grow
// the wasm memory.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, openApp, waitForState, ROOT } from './lib.mjs';
import { leakCycles, leakVerdict, memoryNow } from '../../bench/browser/leak.mjs';

// The generator is built with the native suites; scripts/test passes its build's as UXCX_GEN.
const GEN = process.env.UXCX_GEN || path.join(ROOT, 'build/native/gen');

let env, big, tiny;
before(async () => {
  assert.ok(fs.existsSync(GEN), `${GEN} is missing: the native build (scripts/test) makes it`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uxcx-leak-'));
  execFileSync(GEN, ['1000', path.join(dir, 'big.json')], { stdio: 'ignore' });
  execFileSync(GEN, ['1', path.join(dir, 'tiny.json')], { stdio: 'ignore' });
  big = fs.readFileSync(path.join(dir, 'big.json'), 'utf8');
  tiny = fs.readFileSync(path.join(dir, 'tiny.json'), 'utf8');
  fs.rmSync(dir, { recursive: true, force: true });
  // window.gc: measure what stays reachable; precise (unrounded) performance.memory values.
  env = await start({ args: ['--js-flags=--expose-gc', '--enable-precise-memory-info'] });
});
after(async () => { if (env) await env.close(); });

test("100 load/unload cycles of a 1,000-touchpoint map grow neither the wasm memory nor the JS heap", { timeout: 90000 }, async () => {
  await openApp(env.page, env.url);
  // The big map really is drawn: all 1,000 touchpoints loaded, some on screen.
  const r = await env.page.evaluate((t) => window.uxcx.load(t, 'big.json'), big);
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  await waitForState(env.page, (s) => s.touchpoints === 1000 && s.items.length > 0);
  // Warm-up: the allocator and ImGui reach their working size in the first cycles; after that a
  // cycle that leaks even a few bytes each time eventually needs another 64 KiB page.
  const v = leakVerdict(await leakCycles(env.page, big, tiny, 100, 20));
  assert.deepEqual(v.failed, []);
  assert.equal(v.touchpoints, 1, 'the tiny map is open at the end');
  assert.equal(v.wasmGrowth, 0, `wasm memory grew from ${v.atWarm.wasm} to ${v.atEnd.wasm} bytes between cycle 20 and 100`);
  // The page must not keep the maps either: 80 cycles of a ~180 KB map held per cycle would be
  // ~14 MB; allow 2 MB of noise (compiled code, caches) after a full collection.
  assert.ok(v.atEnd.gc, 'window.gc is available');
  const jsGrowth = v.atEnd.jsHeap - v.atWarm.jsHeap;
  assert.ok(jsGrowth < 2 * 1048576, `the JS heap grew by ${(jsGrowth / 1048576).toFixed(1)} MiB between cycle 20 and 100`);
  // The measurement does see a page that keeps maps: 20 copies of the big map's bytes (~3.5 MiB)
  // held on the page show up, less at most 1 MiB (writes to IndexedDB that finished meanwhile).
  const kept = await env.page.evaluate(({ text, copies }) => {
    window.uxcxLeakTestKeeps = Array.from({ length: copies }, () => new TextEncoder().encode(text));
    return window.uxcxLeakTestKeeps.reduce((n, b) => n + b.length, 0);
  }, { text: big, copies: 20 });
  const withKept = await env.page.evaluate(memoryNow);
  assert.ok(withKept.jsHeap - v.atEnd.jsHeap > kept - 1048576,
    `keeping ${kept} bytes of maps grew the measured JS heap by only ${withKept.jsHeap - v.atEnd.jsHeap}`);
  assert.deepEqual(env.problems, []);
});
