// loader-worker.js: the page's loading worker. Loads a big map with the core's loader
// (loader_worker.js/.wasm, src/platform/worker/loader_worker.cpp) so the page does not freeze,
// and posts back the result packed (src/core/pack.h) for the page's uxcx_unpack_begin. It also reads
// raw survey CSVs for File > Import survey...: profiles the columns and aggregates the answers,
// chunk by chunk from the file, with progress. The CSV's bytes never leave this worker; only the
// column profile and the aggregated journey are posted back.
// Messages in: {id, bytes: Uint8Array} (a map), {id, job: 'profile', blob},
// {id, job: 'survey', blob, mapping: text}. Out: {id, pack: ArrayBuffer} (transferred),
// {id, progress: {rows, bytes, total}}, {id, profile: JSON text}, {id, survey: JSON text, workMs: reading, parsing and
// aggregating, without the worker's start}, {id, error}.
// An import is cancelled by terminating the worker (the page starts one per import).
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

// Streams a Blob (a File, or pasted text) through feed(ptr, len) -> rows, or -1 on a CSV error.
// Progress at most every 100 ms: rows read, bytes read, bytes in all.
async function streamBlob(id, blob, feed) {
  const reader = blob.stream().getReader();
  let buf = 0, cap = 0, bytes = 0, rows = 0, last = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value.length > cap) {
        if (buf) Module._free(buf);
        cap = Math.max(value.length, 1 << 20);
        buf = Module._malloc(cap);
      }
      Module.HEAPU8.set(value, buf);
      rows = feed(buf, value.length);
      bytes += value.length;
      if (rows < 0) { reader.cancel().catch(() => {}); break; }
      const now = performance.now();
      if (now - last > 100) {
        last = now;
        self.postMessage({ id, progress: { rows, bytes, total: blob.size } });
      }
    }
  } finally {
    if (buf) Module._free(buf);
  }
  self.postMessage({ id, progress: { rows: Math.max(rows, 0), bytes, total: blob.size } });
}

function withText(text, fn) {
  const len = Module.lengthBytesUTF8(text) + 1;
  const ptr = Module._malloc(len);
  Module.stringToUTF8(text, ptr, len);
  try { return fn(ptr, len - 1); } finally { Module._free(ptr); }
}

async function profile(id, blob) {
  Module._uxcx_worker_profile_begin();
  await streamBlob(id, blob, (p, n) => Module._uxcx_worker_profile_feed(p, n));
  self.postMessage({ id, profile: Module.UTF8ToString(Module._uxcx_worker_profile_finish()) });
}

async function survey(id, blob, mapping) {
  const refused = withText(mapping, (p, n) => Module.UTF8ToString(Module._uxcx_worker_survey_begin(p, n)));
  if (refused) { self.postMessage({ id, survey: JSON.stringify({ ok: false, mappingErrors: JSON.parse(refused).errors }) }); return; }
  const t0 = performance.now();
  await streamBlob(id, blob, (p, n) => Module._uxcx_worker_survey_feed(p, n));
  const survey = Module.UTF8ToString(Module._uxcx_worker_survey_finish());
  self.postMessage({ id, survey, workMs: performance.now() - t0 });
}

self.onmessage = async (e) => {
  const { id, bytes, job } = e.data;
  await up;
  if (failed) { self.postMessage({ id, error: 'the loader stopped: ' + failed }); return; }
  if (job === 'profile' || job === 'survey') {
    try {
      if (job === 'profile') await profile(id, e.data.blob);
      else await survey(id, e.data.blob, e.data.mapping);
    } catch (err) {
      self.postMessage({ id, error: String(err && err.message || err) });
    }
    return;
  }
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
