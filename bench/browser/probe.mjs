// probe.mjs: what the browser benchmark measures inside a page (installed before the page's own
// scripts) and outside it (renderer memory from /proc), shared by run.mjs and leak.mjs.
import fs from 'node:fs';

// Runs in the page before any of its scripts (page.addInitScript). `n` is the touchpoint count the
// app must show (null: only record the first frame; the Mermaid page records its own times).
// Records, in window.__bench, times in ms since navigation start (performance.now()):
//   longtasks  [start, duration] of every task over 50 ms (PerformanceObserver 'longtask')
//   readyAt    uxcx.ready resolved (the app's first frame, any content)
//   mapAt      first frame that shows the map: the frame after state().touchpoints === n
//   interactiveAt  first frame that reacts to input (a wheel event sent to the canvas at mapAt)
//   deltas     rAF-to-rAF intervals while `recording` (frame times)
//   appCallbacks  how many of the app's rAF callbacks ran (frames, for builds without state().frames)
//   appMs      duration of the app's own rAF callbacks while `recording`: requestAnimationFrame is
//              wrapped, so this is all JS + wasm the app runs per frame (ImGui, layout, GL calls),
//              not the GPU process's SwiftShader rasterisation
export function instrument(n) {
  const B = (window.__bench = { longtasks: [], deltas: [], appMs: [], recording: false,
    readyAt: null, mapAt: null, interactiveAt: null, interactiveNote: null, lastAppEnd: 0, appCallbacks: 0 });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { B.longtaskError = String(e); }

  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => {
    const s = performance.now();
    B.appCallbacks++;
    try { cb(t); } finally { B.lastAppEnd = performance.now(); if (B.recording) B.appMs.push(B.lastAppEnd - s); }
  });
  let last = 0;
  const tick = (t) => { if (B.recording && last) B.deltas.push(t - last); last = t; raf(tick); };
  raf(tick);
  if (n === null) return;

  // Our callback is registered before the app's main loop, so in each frame it runs first: when it
  // first sees the map loaded (touchpoints === n), the app draws it right after; mapAt is taken
  // at the next frame, once that frame is done. A wheel event is then sent to the canvas; the
  // frame that reacts is the first whose visible cards moved, or, when no card is on screen (at
  // 100,000 the fitted map is drawn as density, without cards), the end of the first app frame
  // after the event (ImGui consumes it there).
  const key = (s) => s.items.slice(0, 8).map((i) => `${i.id}@${i.x.toFixed(1)},${i.y.toFixed(1)}`).join(' ');
  // state() is not asked before the app's first frame (uxcx.ready): the map cannot be on screen
  // before, and each call serialises the app's whole state, work the bare page is not given. The
  // first frame itself is looked at as it ends (ready resolves in it): if it drew the map, mapAt is
  // the next frame, as for any later one.
  let seen = false, before = null, sentAt = 0, deadline = 0, readyDone = false;
  const look = () => { try { return window.uxcx.state(); } catch (e) { return null; } };
  const poll = () => {
    const u = window.uxcx;
    if (u && u.ready && !B.readyHooked) {
      B.readyHooked = true;
      u.ready.then(() => {
        B.readyAt = performance.now();
        readyDone = true;
        const s = n ? look() : null;
        if (s && s.touchpoints === n) seen = true;
      }, () => {});
    }
    const s = readyDone ? look() : null;
    if (n === 0) { if (B.readyAt !== null) return; raf(poll); return; }
    if (!seen) {
      if (s && s.touchpoints === n) seen = true;
    } else if (B.mapAt === null && s) {
      B.mapAt = performance.now();
      B.itemsAtMap = s.items.length;
      before = key(s);
      const canvas = document.querySelector('canvas');
      const r = canvas.getBoundingClientRect();
      const at = { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, bubbles: true, cancelable: true };
      canvas.dispatchEvent(new MouseEvent('mousemove', at));
      canvas.dispatchEvent(new WheelEvent('wheel', { ...at, deltaY: 120, deltaMode: 0 }));
      sentAt = performance.now();
      deadline = B.mapAt + 10000;
    } else if (B.mapAt !== null && s) {
      if (s.items.length === 0 && B.lastAppEnd > sentAt) {
        B.interactiveAt = B.lastAppEnd;
        B.interactiveNote = 'no card on screen: end of the first app frame after the input';
        return;
      }
      if (s.items.length > 0 && key(s) !== before) { B.interactiveAt = performance.now(); return; }
      if (performance.now() > deadline) { B.interactiveNote = 'the wheel event changed nothing in 10 s'; return; }
    }
    raf(poll);
  };
  raf(poll);
}

// Processes of the browser started with this profile folder (Chromium passes --user-data-dir on
// to its zygotes and renderers; a forked child rewrites its command line as one space-separated
// string, hence the split on both): the browser is the one without --type=; renderers have
// --type=renderer (not the browser's own WebUI renderer).
export function rendererPids(userDataDir) {
  let browser = null;
  const renderers = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    let cmd;
    try { cmd = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').split(/[\0 ]/); } catch { continue; }  // gone meanwhile
    if (!cmd.includes(`--user-data-dir=${userDataDir}`)) continue;
    if (!cmd.some((a) => a.startsWith('--type='))) browser = Number(d);
    else if (cmd.includes('--type=renderer') && !cmd.includes('--top-chrome-webui')) renderers.push(Number(d));
  }
  return { browser, renderers };
}

// VmRSS (now) and VmHWM (peak) of a process, in bytes.
export function rss(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number((s.match(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm')) || [0, 0])[1]) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch { return { rss: 0, peak: 0 }; }
}

// The page's renderer is the largest one (a spare renderer, if any, holds no page).
export function rendererMemory(userDataDir) {
  const { renderers } = rendererPids(userDataDir);
  let best = { rss: 0, peak: 0, pid: 0 };
  for (const pid of renderers) { const m = rss(pid); if (m.rss > best.rss) best = { ...m, pid }; }
  return { ...best, renderers: renderers.length };
}

// In the page: JS heap (needs --enable-precise-memory-info for unrounded figures) and the wasm
// memory's size (it only grows, in 64 KiB pages).
export const pageMemory = (page) => page.evaluate(() => ({
  jsHeap: performance.memory ? performance.memory.usedJSHeapSize : null,
  wasm: window.Module && window.Module.HEAPU8 ? window.Module.HEAPU8.length : null,
}));
