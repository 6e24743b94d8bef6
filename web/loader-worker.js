// loader-worker.js: the page's loading worker. Loads a big map with the core's loader
// (loader_worker.js/.wasm, src/platform/worker/loader_worker.cpp) so the page does not freeze,
// and posts back the result packed (src/core/pack.h) for the page's uxcx_unpack.
// Message in: {id, bytes: Uint8Array}. Out: {id, pack: ArrayBuffer} (transferred) or {id, error}.
'use strict';

let failed = null;  // set once the wasm runtime aborted: every later request is refused at once
const up = new Promise((resolve) => {
  self.Module = {
    onRuntimeInitialized: resolve,
    onAbort(what) { failed = String(what); resolve(); },
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
  };
});
importScripts('loader_worker.js');

self.onmessage = async (e) => {
  const { id, bytes } = e.data;
  await up;
  if (failed) { self.postMessage({ id, error: 'the loader stopped: ' + failed }); return; }
  let ptr = 0;
  try {
    ptr = Module._malloc(Math.max(1, bytes.length) + 4);
    Module.HEAPU8.set(bytes, ptr + 4);  // the first 4 bytes (aligned) receive the pack's length
    const packPtr = Module._uxcx_worker_load(ptr + 4, bytes.length, ptr);
    const len = Module.HEAP32[ptr >> 2];
    const pack = Module.HEAPU8.slice(packPtr, packPtr + len).buffer;  // a copy: the heap stays ours
    self.postMessage({ id, pack }, [pack]);
  } catch (err) {
    // An abort (out of memory) throws here too; the page then opens the map itself.
    self.postMessage({ id, error: String(err && err.message || err) });
  } finally {
    if (ptr && !failed) Module._free(ptr);
  }
};
