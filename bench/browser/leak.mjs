// leak.mjs: the leak check: in one page, load a big map and then a tiny one (the "unload"), many
// times over, drawing the big one once each time; the wasm memory must not grow after the warm-up.
// Used by scripts/bench (1,000 cycles) and tests/e2e/leak.test.mjs (a quicker run).

// Runs the cycles inside the page (no round trip per load). Returns wasm memory and JS heap after
// `warm` cycles and at the end, and any load that failed.
export function leakCycles(page, big, tiny, cycles, warm) {
  return page.evaluate(async ({ big, tiny, cycles, warm }) => {
    const frame = () => new Promise((res) => requestAnimationFrame(() => res()));
    // JS heap after a full collection when the browser allows one (--js-flags=--expose-gc): what
    // is still reachable, not garbage waiting for the collector.
    const mem = () => { if (window.gc) window.gc(); return { wasm: Module.HEAPU8.length, jsHeap: performance.memory ? performance.memory.usedJSHeapSize : null, gc: !!window.gc }; };
    const failed = [];
    let atWarm = null;
    const t0 = performance.now();
    for (let i = 1; i <= cycles; i++) {
      for (const [text, name] of [[big, 'big.json'], [tiny, 'tiny.json']]) {
        const r = await window.uxcx.load(text, name);
        if (!r.ok && failed.length < 5) failed.push(`cycle ${i} ${name}: ${r.errors.map((e) => e.message).join('; ')}`);
        if (text === big) await frame();  // the big map is drawn once (views, text, culling) before it goes
      }
      if (i === warm) atWarm = mem();
    }
    return { cycles, warm, atWarm, atEnd: mem(), failed, seconds: (performance.now() - t0) / 1000,
      touchpoints: window.uxcx.state().touchpoints };
  }, { big, tiny, cycles, warm });
}

// The verdict: wasm memory after the warm-up equals wasm memory at the end.
export const leakVerdict = (r) => ({
  ...r,
  wasmGrowth: r.atEnd.wasm - r.atWarm.wasm,
  pass: r.failed.length === 0 && r.atEnd.wasm === r.atWarm.wasm,
});
