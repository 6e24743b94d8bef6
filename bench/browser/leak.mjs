// leak.mjs: the leak check: in one page, load a big map and then a tiny one (the "unload"), many
// times over, drawing the big one once each time; the wasm memory must not grow after the warm-up.
// Used by scripts/bench (1,000 cycles) and tests/e2e/leak.test.mjs (a quicker run).

// Memory still in use, measured inside the page (page.evaluate(memoryNow)): wasm memory, and the
// JS heap once the collector is done (with --js-flags=--expose-gc; `gc` says whether it was).
//
// Why two collections: performance.memory.usedJSHeapSize counts ArrayBuffer memory (each open's
// map bytes are one), and V8 releases the memory of dead ArrayBuffers on a concurrent sweeper
// thread *after* window.gc() returns. Read right after one gc(), the heap still counted every
// dead map buffer that had lived long enough to reach the old generation: 70 of them, 12 MiB,
// when no major collection had run during the cycles and the machine was too busy for the
// sweeper to finish first. A second gc() first completes the sweeping the first one started.
// Chromium also caches performance.memory for a few ms: wait before reading, so two calls in a
// row (before/after) each read a fresh value.
export async function memoryNow() {
  await new Promise((res) => setTimeout(res, 100));
  if (window.gc) { window.gc(); window.gc(); }
  return { wasm: Module.HEAPU8.length, jsHeap: performance.memory ? performance.memory.usedJSHeapSize : null, gc: !!window.gc };
}

// Cycles `from`..`to` inside the page (no round trip per load); returns the loads that failed.
function runCycles({ big, tiny, from, to }) {
  return (async () => {
    const frame = () => new Promise((res) => requestAnimationFrame(() => res()));
    const failed = [];
    for (let i = from; i <= to; i++) {
      for (const [text, name] of [[big, 'big.json'], [tiny, 'tiny.json']]) {
        const r = await window.uxcx.load(text, name);
        if (!r.ok && failed.length < 5) failed.push(`cycle ${i} ${name}: ${r.errors.map((e) => e.message).join('; ')}`);
        if (text === big) await frame();  // the big map is drawn once (views, text, culling) before it goes
      }
    }
    return failed;
  })();
}

// Runs `cycles` cycles. Returns memory after `warm` cycles and at the end, and any load that failed.
export async function leakCycles(page, big, tiny, cycles, warm) {
  const t0 = Date.now();
  const failed = await page.evaluate(runCycles, { big, tiny, from: 1, to: warm });
  const atWarm = await page.evaluate(memoryNow);
  failed.push(...await page.evaluate(runCycles, { big, tiny, from: warm + 1, to: cycles }));
  const atEnd = await page.evaluate(memoryNow);
  return { cycles, warm, atWarm, atEnd, failed: failed.slice(0, 5), seconds: (Date.now() - t0) / 1000,
    touchpoints: await page.evaluate(() => window.uxcx.state().touchpoints) };
}

// The verdict: wasm memory after the warm-up equals wasm memory at the end.
export const leakVerdict = (r) => ({
  ...r,
  wasmGrowth: r.atEnd.wasm - r.atWarm.wasm,
  pass: r.failed.length === 0 && r.atEnd.wasm === r.atWarm.wasm,
});
