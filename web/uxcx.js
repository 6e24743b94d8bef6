// uxcx.js: the page's glue. Sets up the Emscripten Module, implements the host functions the C++
// side calls (uxcxHost), brings maps in (picker, drop, paste, #map=, #data=, samples, recent) and
// out (links, downloads), keeps them across reloads (IndexedDB), and exposes window.uxcx
// (docs/automation.md). Kept out of index.html so the Content-Security-Policy can forbid inline scripts.
'use strict';

(function () {
  // The wasm's download and compile start now, beside this script's set-up, app.js's download and
  // the map's fetch, instead of once app.js has loaded and run (Module.instantiateWasm hands the
  // compiled module over). Not in the single-file build (the wasm is in the page) nor from file://,
  // where Emscripten's own loading applies.
  const wasmModule = !window.UXCX_EMBEDDED && /^https?:$/.test(location.protocol) && typeof WebAssembly === 'object' &&
    WebAssembly.compileStreaming
    ? WebAssembly.compileStreaming(fetch('app.wasm', { credentials: 'same-origin' })) : null;
  if (wasmModule) wasmModule.catch(() => { /* instantiateWasm falls back to compiling the bytes */ });
  // Start-up's steps as User Timing marks ("uxcx:compiled", ...: performance.getEntriesByType('mark'),
  // and a trace's timeline), for the benchmarks' account of where the first frame's time goes.
  const mark = (name) => { try { performance.mark('uxcx:' + name); } catch (e) { /* no User Timing */ } };
  mark('script');
  if (wasmModule) wasmModule.then(() => mark('compiled'), () => {});

  const canvas = document.getElementById('canvas');
  const overlay = document.getElementById('overlay');
  const overlayText = document.getElementById('overlay-text');
  const fileInput = document.getElementById('file-input');
  const dropZone = document.getElementById('drop');
  const toast = document.getElementById('toast');
  const recovery = document.getElementById('recovery');

  // Size caps, one per way in. Files and inflated links: what the core loader accepts; limits.js
  // is written by the build from src/core/limits.h, the one definition C++ and the page share.
  const LIMITS = window.UXCX_LIMITS;
  const MAX_BYTES = LIMITS.maxFileBytes;
  const MAX_TEXT = MAX_BYTES / 1048576 + ' MiB';  // "32 MiB" in messages
  // A #data= link longer than this is refused before decoding: Firefox stops at 1 MB, Chrome at 2 MB.
  const MAX_LINK_CHARS = 1500000;
  // Chat tools and mail clients cut or mangle links well before browsers do.
  const LONG_LINK_CHARS = 2000;
  const RECENT_MAX = 10;
  // The single-file build (scripts/make-single.mjs) puts the samples in the page.
  const embedded = window.UXCX_EMBEDDED || null;

  // `runtime`: main() has run, so the app takes calls (opens, views) before it draws anything; the
  // page's own ways in wait for it. `ready` (uxcx.ready): the first frame is on screen.
  let resolveRuntime, rejectRuntime;
  const runtime = new Promise((res, rej) => { resolveRuntime = res; rejectRuntime = rej; });
  let resolveReady, rejectReady;
  const ready = new Promise((res, rej) => { resolveReady = res; rejectReady = rej; });
  runtime.catch(() => {});  // an abort is shown by the recovery box; a caller awaiting these still sees it
  ready.catch(() => {});
  // Frames are held while the overlay hides the app: at start until the start-up open is done (so
  // the first frame drawn is the linked or restored map, not an empty screen drawn, rasterised and
  // read back first), and while a big map loads in the worker. Counted: one ending keeps the other.
  const START_HOLD_MS = 2000;  // a slow link shows the app (and its own progress) after this
  let frameHolds = 0;
  function holdFrames(on) {
    frameHolds += on ? 1 : -1;
    if (!aborted) Module._uxcx_frames_hold(frameHolds > 0 ? 1 : 0);
  }
  let runtimeUp = false;
  let aborted = false;

  function showOverlay(text) {
    overlayText.textContent = text;
    overlay.hidden = false;
  }
  // The Loading box (index.html starts it hidden) appears only when the start takes longer than a
  // page load: shown at once, it flashed before every map, and laying out its text (the page's
  // first, which sets up the browser's fonts) took 40-50 ms of the main thread at start-up.
  const START_OVERLAY_MS = 1000;
  let startOverlayText = 'Loading…';  // or what the start-up open is doing (a big map in the worker)
  const startOverlay = setTimeout(() => { if (!aborted && overlay.hidden) showOverlay(startOverlayText); }, START_OVERLAY_MS);

  // A short message at the bottom of the page: link copied, link too long, kept the open map.
  let notice = null, toastTimer = 0;
  function notify(text, kind = 'info') {
    notice = { text, kind };
    toast.textContent = text;
    toast.className = 'toast ' + kind;
    toast.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { toast.hidden = true; }, kind === 'info' ? 5000 : 15000);
  }
  toast.addEventListener('click', () => { toast.hidden = true; });

  // ---- C++ entry points ---------------------------------------------------------------------
  function withString(str, fn) {
    const len = Module.lengthBytesUTF8(str) + 1;
    const ptr = Module._malloc(len);
    Module.stringToUTF8(str, ptr, len);
    try { return fn(ptr); } finally { Module._free(ptr); }
  }
  const docState = () => JSON.parse(Module.UTF8ToString(Module._uxcx_doc_state()));
  const documentJson = () => Module.UTF8ToString(Module._uxcx_document_json());

  function setError(message) {
    if (runtimeUp && !aborted) withString(message, (p) => Module._uxcx_set_error(p));
  }
  const refused = (message) => { setError(message); return { ok: false, errors: [{ message, line: 0, column: 0, path: '' }], warnings: [] }; };
  const mib = (n) => (n / 1048576).toFixed(1) + ' MiB';

  // Opening another map never silently discards unsaved changes (Document::dirty in C++).
  function mayReplace() {
    // Before the first frame the only opens are the start-up's and the hook's: nothing to lose yet
    // (and no first call into the app, which V8 would compile, in the start-up's way).
    if (!firstFrameDrawn) return true;
    const s = docState();
    if (!s.hasDocument || !s.dirty) return true;
    return window.confirm(`"${s.title}" has changes that are not saved anywhere.\n\n` +
      'OK opens the other map (the changes stay in File > Recent). Cancel keeps this one; File > Save (Ctrl+S) saves it.');
  }

  // The bytes of the open map as last opened or saved: what the recovery screen offers.
  let current = null;  // {bytes, name, sourceUrl, id}
  let opens = 0;       // successful opens so far: a restore never replaces a map opened meanwhile

  // Maps over this size are loaded in a worker (web/loader-worker.js) and only analysed and laid out
  // on the page: loading 21.7 MB (100k touchpoints) on the page froze it for 3.6 s. Below it,
  // loading takes tens of ms, less than starting the worker and copying the result would cost.
  const WORKER_MIN_BYTES = 1024 * 1024;
  // The single-file build has no worker script to start: it loads on the page.
  const workerAvailable = !embedded && typeof Worker === 'function';
  // Before the first frame nothing is on screen to freeze, and the page's own open of a few MB
  // (no worker to start, no result to pack and copy back) draws the map sooner: the worker takes
  // over above this.
  const START_WORKER_MIN_BYTES = 4 * 1024 * 1024;
  const workerMinBytes = () => (firstFrameDrawn ? WORKER_MIN_BYTES : START_WORKER_MIN_BYTES);

  // Copies the bytes into memory C++ allocated (never onto the stack), then calls uxcx_open.
  // how: the way in: 'file', 'drop', 'paste', 'link', 'sample', 'recent', 'hook'.
  // purpose: what the map is for, carried from the request to the result (platform.h OpenPurpose):
  // 'open' (becomes the open map; goes into Recent), 'compare' (the other side of the Compare
  // view; the open map and Recent stay as they are), 'restore' (the map open last time).
  // Returns {ok, errors, warnings, openedAs}; for a map over WORKER_MIN_BYTES a promise of it.
  function openBytes(bytes, name, sourceUrl, how, purpose = 'open') {
    if (aborted) return { ok: false, errors: [], warnings: [] };
    if (bytes.length > MAX_BYTES)
      return refused(`${name} is ${mib(bytes.length)}; uxcx opens maps up to ${MAX_TEXT}. Split the journey, or remove unused extras.`);
    // Only an open replaces the map (a comparison keeps it; a restore finds nothing open).
    if (purpose === 'open' && how !== 'hook' && !mayReplace()) {
      notify('Kept the open map: it has unsaved changes.', 'warning');
      return { ok: false, cancelled: true, errors: [], warnings: [] };
    }
    if (bytes.length > workerMinBytes() && workerAvailable)
      return openInWorker(bytes, name, sourceUrl, how, purpose);
    return opened(callOpen(bytes, name, sourceUrl, purpose), bytes, name, sourceUrl, how);
  }

  function callOpen(bytes, name, sourceUrl, purpose) {
    const ptr = Module._malloc(Math.max(1, bytes.length));
    Module.HEAPU8.set(bytes, ptr);
    try {
      return withString(name || '', (namePtr) => withString(sourceUrl || '', (urlPtr) => withString(purpose, (purposePtr) =>
        JSON.parse(Module.UTF8ToString(Module._uxcx_open(ptr, bytes.length, namePtr, urlPtr, purposePtr))))));
    } finally {
      Module._free(ptr);
    }
  }

  // The loading worker, started for the first big map (a start-up link's as soon as its size is known)
  // and kept: {id, bytes} in, {id, pack | error} out.
  let loader = null, loaderIds = 0;
  const loaderWaiting = new Map();
  function startLoader() {
    if (!loader) {
      loader = new Worker('loader-worker.js');
      loader.onmessage = (e) => {
        const done = loaderWaiting.get(e.data.id);
        loaderWaiting.delete(e.data.id);
        if (done) done(e.data);
      };
      // The script failed to load or threw: answer everything pending, start afresh next time.
      loader.onerror = (e) => {
        e.preventDefault();
        for (const done of loaderWaiting.values()) done({ error: e.message || 'the loading worker failed' });
        loaderWaiting.clear();
        loader.terminate();
        loader = null;
      };
    }
  }
  function loadInWorker(bytes) {
    startLoader();
    const id = ++loaderIds;
    const reply = new Promise((res) => loaderWaiting.set(id, res));
    loader.postMessage({ id, bytes });  // copied, not transferred: `current` and remember() keep them
    return reply;
  }

  // Touchpoints unpacked per task: about 60 ms of a 2-core laptop's main thread.
  const UNPACK_SLICE = 25000;
  // Lets the browser run what is waiting (input, other tasks), without setTimeout's clamp of 4 ms.
  function nextTask() {
    return new Promise((res) => { const c = new MessageChannel(); c.port1.onmessage = () => res(); c.port2.postMessage(0); });
  }

  // Big maps open in the order they were asked for. The worker answers in that order, but a small
  // map's unpacking would finish before a big one's still in slices, and the earlier map would end
  // up shown: each open's page part waits for the one asked for before it.
  let workerOpensDone = Promise.resolve();

  async function openInWorker(bytes, name, sourceUrl, how, purpose) {
    const previous = workerOpensDone;
    let finished;
    workerOpensDone = new Promise((res) => { finished = res; });
    const doing = `Opening ${name} (${(bytes.length / 1e6).toFixed(1)} MB)…`;
    // At start-up nothing is on screen yet: the start-up's box says it, if the open takes a while.
    if (firstFrameDrawn) showOverlay(doing);
    else startOverlayText = doing;
    // The overlay hides the map meanwhile: drawing frames nobody sees would only take CPU from
    // the worker (with a software renderer that made loading twice as slow).
    holdFrames(true);
    let reply;
    try { reply = await loadInWorker(bytes); } catch (e) { reply = { error: e.message }; }
    try {
      await previous;
      if (aborted) return { ok: false, errors: [], warnings: [] };
      if (reply.pack) {
        const pack = new Uint8Array(reply.pack), ptr = Module._malloc(Math.max(1, pack.length));
        Module.HEAPU8.set(pack, ptr);
        // The app owns the copy from here and frees it once it is opened. The handle is this
        // open's own: another big map may arrive while this one is unpacked.
        const unpacking = Module._uxcx_unpack_begin(ptr, pack.length);
        // Unpacked in slices, then analysed and laid out, with input handled in between: no task
        // of the open's on this thread is long (100,000 touchpoints in one go took 240 ms).
        do {
          await nextTask();
          if (aborted) return { ok: false, errors: [], warnings: [] };
        } while (!Module._uxcx_unpack_step(unpacking, UNPACK_SLICE));
        await nextTask();
        if (aborted) return { ok: false, errors: [], warnings: [] };
        return opened(withString(name || '', (namePtr) => withString(sourceUrl || '', (urlPtr) => withString(purpose, (purposePtr) =>
          JSON.parse(Module.UTF8ToString(Module._uxcx_open_unpacked(unpacking, namePtr, urlPtr, purposePtr)))))), bytes, name, sourceUrl, how);
      }
      // No worker here (file:// pages, old browsers) or it failed: load on the page, as small maps do.
      console.warn(`uxcx: loading ${name} on the page: ${reply.error}`);
      return opened(callOpen(bytes, name, sourceUrl, purpose), bytes, name, sourceUrl, how);
    } finally {
      finished();  // first: should the lines below throw, later opens must not wait on this one forever
      if (!aborted) overlay.hidden = true;
      holdFrames(false);
    }
  }

  // What every successful open records, whichever way it was loaded: C++ says what the file
  // became (r.openedAs). A compared file is not the open map: the address, the recovery copy and
  // Recent stay with the map.
  function opened(r, bytes, name, sourceUrl, how) {
    if (r.ok && r.openedAs !== 'compare') {
      opens++;
      current = { bytes, name, sourceUrl, id: null };
      // Save writes back to the file only when this open came through the picker that gave a handle.
      fileHandle = how === 'file' ? pendingHandle : null;
      // A hosted map from a link is shown read-only until "Edit a copy" (the app's one button).
      if (how === 'link' && sourceUrl) Module._uxcx_set_read_only(1);
      // The address bar should not claim a link the open map no longer came from: a reload then
      // restores this map from IndexedDB instead of reopening the link.
      if (how !== 'link' && location.hash) history.replaceState(null, '', location.href.split('#')[0]);
      if (r.openedAs === 'open') {
        const mine = current;
        const rememberIt = () => { if (current === mine) remember(bytes, name, sourceUrl, how === 'new'); };
        if (startRemembers && !firstFrameDrawn) startRemembers.push(rememberIt);  // after the first frame
        else rememberIt();
      }
    }
    return r;
  }

  // The File System Access handle of the file File > Open (or a drop) opened: Save writes back to it.
  let fileHandle = null, pendingHandle = null;

  // ---- ways in ------------------------------------------------------------------------------
  async function openFile(file, how, purpose = 'open') {
    await runtime;
    if (file.size > MAX_BYTES)
      return refused(`${file.name} is ${mib(file.size)}; uxcx opens maps up to ${MAX_TEXT}. Split the journey, or remove unused extras.`);
    return openBytes(new Uint8Array(await file.arrayBuffer()), file.name, '', how, purpose);
  }

  async function openText(text, name, how) {
    await runtime;
    // A pasted or dropped uxcx link opens what it points at.
    const m = /^\s*(https?:\/\/[^\s#]+)#((?:\S*&)?(?:map|data)=\S*)\s*$/.exec(text);
    if (m) return openFromParams(new URLSearchParams(m[2]), m[2]);
    return openBytes(new TextEncoder().encode(text), name, '', how);
  }

  // ---- File > Import survey... (docs/survey-mapping.md, "In the app") --------------------------
  // Raw answers never leave memory: the CSV is held only here, as a Blob (a chosen or dropped File
  // is a reference to the file on disk; pasted text becomes one), and read chunk by chunk in a
  // worker of its own (web/loader-worker.js), which posts back the column profile and, once the
  // mapping is confirmed, the aggregated journey. Only that journey is opened (and so kept in
  // Recent, like any map); nothing writes the CSV to IndexedDB, localStorage or a link. Cancel
  // terminates the worker: a file of any size stops at once.
  let survey = null;  // {blob, name, worker, id, started, done}
  let surveyIds = 0;
  let lastImport = null;  // {ok, rows, ms, invalidCells, warnings, errors}: window.uxcx.lastImport
  function hiddenInput(accept, multiple) {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.hidden = true;
    document.body.appendChild(input);
    return input;
  }
  const surveyInput = hiddenInput('.csv,.tsv,.txt,text/csv,text/tab-separated-values,.json,application/json', true);
  const mappingInput = hiddenInput('.json,application/json', false);

  function surveyWorker() {
    if (!survey.worker) {
      survey.worker = new Worker('loader-worker.js');
      survey.worker.onmessage = onSurveyMessage;
      survey.worker.onerror = (e) => { e.preventDefault(); importFailed(`Reading ${survey ? survey.name : 'the survey'} failed: ${e.message || 'the loading worker failed'}.`); };
    }
    return survey.worker;
  }
  function stopSurveyWorker() {
    if (survey && survey.worker) { survey.worker.terminate(); survey.worker = null; }
  }
  function endImport(result) {
    lastImport = result;
    if (survey && survey.done) survey.done(result);
  }
  function importFailed(message, errors = []) {
    withString(JSON.stringify({ message, errors }), (p) => Module._uxcx_import_failed(p));
    endImport({ ok: false, message, errors });
  }
  // Starts an import: with a mapping (text) it runs at once, otherwise the mapping screen opens
  // with the profile. Resolves when the journey is open, the import failed, or (without a
  // mapping) the screen is ready.
  async function startImport(blob, name, mappingText) {
    await runtime;
    if (aborted) return { ok: false };
    stopSurveyWorker();
    if (survey && survey.done) survey.done({ ok: false, cancelled: true });
    const done = new Promise((res) => { survey = { blob, name, worker: null, id: ++surveyIds, started: performance.now(), done: res }; });
    withString(name, (p) => Module._uxcx_import_begin(p, blob.size, mappingText ? 1 : 0));
    if (mappingText) runSurvey(mappingText);
    else surveyWorker().postMessage({ id: survey.id, job: 'profile', blob });
    return done;
  }
  function runSurvey(mapping) {
    if (!survey) return;
    survey.id = ++surveyIds;
    survey.started = performance.now();
    surveyWorker().postMessage({ id: survey.id, job: 'survey', blob: survey.blob, mapping });
  }
  function onSurveyMessage(e) {
    const d = e.data;
    if (!survey || d.id !== survey.id || aborted) return;  // the last words of a cancelled job
    if (d.progress) Module._uxcx_import_progress(d.progress.rows, d.progress.bytes, d.progress.total);
    else if (d.error) importFailed(`Reading ${survey.name} failed: ${d.error}.`);
    else if (d.profile !== undefined) {
      withString(d.profile, (p) => Module._uxcx_import_profile(p));
      const phase = JSON.parse(Module.UTF8ToString(Module._uxcx_state())).import.phase;  // 'mapping', or 'failed' saying why
      endImport({ ok: phase === 'mapping', phase, ms: performance.now() - survey.started });
    } else if (d.survey !== undefined) finishSurvey(JSON.parse(d.survey), d.workMs);
  }
  const where = (e) => (e && e.line ? ` (line ${e.line}, column ${e.column})` : '');
  async function finishSurvey(r, workMs) {
    const job = survey, ms = performance.now() - job.started;
    if (r.mappingErrors) {
      importFailed(`The mapping cannot be used: ${r.mappingErrors[0] ? r.mappingErrors[0].message + where(r.mappingErrors[0]) : 'unknown problem'}.`, r.mappingErrors);
      return;
    }
    if (!r.ok) {
      importFailed(`${job.name} could not be imported: ${r.errors[0] ? r.errors[0].message + where(r.errors[0]) : 'unknown problem'}.`, r.errors);
      return;
    }
    const res = await openBytes(new TextEncoder().encode(r.journey), job.name.replace(/\.[^.]*$/, '') + '.json', '', 'import');
    if (survey !== job) return;
    if (!res.ok) {
      importFailed(res.cancelled ? 'Kept the open map: it has unsaved changes. Download it (File > Download JSON), then import again.'
        : `The journey built from ${job.name} could not be opened: ${res.errors[0] ? res.errors[0].message : 'unknown problem'}.`, res.errors || []);
      return;
    }
    stopSurveyWorker();
    survey = null;  // the CSV is let go of: only the journey remains
    Module._uxcx_import_done();
    const n = r.rows.toLocaleString('en');
    notify(`Imported ${n} responses from ${job.name}${r.invalidCells ? `; ${r.invalidCells.toLocaleString('en')} cells were neither an answer nor N/A and were not used (first: ${r.warnings[0] ? r.warnings[0].message + where(r.warnings[0]) : 'see the mapping'})` : ''}. Only the journey is kept; the answers are not stored.`,
      r.invalidCells ? 'warning' : 'info');
    job.done({ ok: true, rows: r.rows, ms, workMs, invalidCells: r.invalidCells, warnings: r.warnings, errors: [] });
    lastImport = { ok: true, rows: r.rows, ms, workMs, invalidCells: r.invalidCells, warnings: r.warnings.length };
  }
  function cancelSurvey(forget) {
    stopSurveyWorker();
    if (survey && survey.done) survey.done({ ok: false, cancelled: true });
    if (survey) survey.done = null;
    if (forget) survey = null;
  }

  // Files chosen or dropped together: a mapping JSON with a CSV imports straight away.
  async function importFiles(files) {
    const mapping = files.find((f) => /\.json$/i.test(f.name) || f.type === 'application/json');
    const csv = files.find((f) => f !== mapping);
    if (!csv) { notify('Choose the survey CSV too: a mapping file alone has no answers to import.', 'error'); return { ok: false }; }
    return startImport(csv, csv.name, mapping ? await mapping.text() : null);
  }
  surveyInput.addEventListener('change', () => {
    const files = Array.from(surveyInput.files || []);
    surveyInput.value = '';
    if (files.length) importFiles(files);
  });
  mappingInput.addEventListener('change', async () => {
    const file = mappingInput.files && mappingInput.files[0];
    mappingInput.value = '';
    if (!file || !runtimeUp || aborted) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const ptr = Module._malloc(Math.max(1, bytes.length));
    Module.HEAPU8.set(bytes, ptr);
    try { withString(file.name, (n) => Module._uxcx_import_mapping(ptr, bytes.length, n)); } finally { Module._free(ptr); }
  });

  // Whether bytes (the start of a file, or pasted text) are a survey export, not a journey.
  function looksLikeSurvey(bytes) {
    const head = bytes.subarray(0, 65536), ptr = Module._malloc(Math.max(1, head.length));
    Module.HEAPU8.set(head, ptr);
    try { return Module._uxcx_looks_like_survey(ptr, head.length) === 1; } finally { Module._free(ptr); }
  }
  const csvName = (f) => /\.(csv|tsv|txt)$/i.test(f.name) || /csv|tab-separated/.test(f.type);
  // A drop: a survey CSV (alone or with its mapping) imports; anything else opens as a map.
  async function dropFiles(files) {
    await runtime;
    const csv = files.find(csvName);
    if (csv && looksLikeSurvey(new Uint8Array(await csv.slice(0, 65536).arrayBuffer()))) return importFiles(files);
    return openFile(files[0], 'drop');
  }
  // Dropped or pasted text: a survey export imports (kept as a Blob, like a file), else it opens.
  async function openOrImportText(text, name, how) {
    await runtime;
    if (looksLikeSurvey(new TextEncoder().encode(text.slice(0, 65536))))
      return startImport(new Blob([text], { type: 'text/csv' }), how === 'paste' ? 'pasted survey' : 'dropped survey', null);
    return openText(text, name, how);
  }

  // The picker's request, from the click that shows it to its answer: what the chosen file is
  // for ('open' or 'compare'). The answer ends it: a file (opened for that purpose), Chromium's
  // `cancel` event, or a picker closed with no file. So a cancelled "Compare with..." leaves
  // nothing behind that could turn the next ordinary open into a comparison.
  let picking = null;
  function pickFile(purpose) {
    // An open through the File System Access picker keeps the file's handle, so Save can write the
    // map back to it (Chromium); elsewhere, and for Compare, the ordinary file input.
    if (purpose !== 'compare' && typeof window.showOpenFilePicker === 'function') {
      window.showOpenFilePicker({ types: [{ description: 'Journey maps', accept: {
        'application/json': ['.json'], 'text/plain': ['.mmd', '.txt', '.md'], 'text/csv': ['.csv'] } }] })
        .then(async ([handle]) => {
          const file = await handle.getFile();
          pendingHandle = handle;
          try { await openFile(file, 'file', 'open'); } finally { pendingHandle = null; }
        })
        .catch((e) => {
          // The person closed the picker: nothing to open. But a picker intercepted by DevTools
          // (Page.setInterceptFileChooserDialog: automation answers file choosers) is refused
          // with an AbortError too: then the file input, whose chooser automation can answer.
          if (e && e.name === 'AbortError' && !/intercept/i.test(e.message || '')) return;
          picking = { purpose: 'open' };
          fileInput.click();
        });
      return;
    }
    picking = { purpose: purpose === 'compare' ? 'compare' : 'open' };
    fileInput.click();
  }
  fileInput.addEventListener('change', () => {
    const file = fileInput.files && fileInput.files[0];
    const purpose = picking ? picking.purpose : 'open';  // set by a script (tests): an open
    picking = null;
    fileInput.value = '';
    if (file) openFile(file, 'file', purpose);
  });
  fileInput.addEventListener('cancel', () => { picking = null; });

  // Ctrl+O: the browser would offer to open a page; we open a map. The editing keys go to the app
  // (GLFW still receives the event) without the browser's own meaning: Ctrl+S would save the page,
  // Alt+Left/Right would leave it (history), Ctrl+Z/Y/Shift+Z are the app's undo and redo.
  document.addEventListener('keydown', (e) => {
    const key = e.key.toLowerCase();
    if ((e.ctrlKey || e.metaKey) && !e.altKey && key === 'o') {
      e.preventDefault();
      pickFile('open');
    }
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (key === 's' || key === 'z' || key === 'y')) e.preventDefault();
    if (e.altKey && !e.ctrlKey && /^Arrow(Left|Right|Up|Down)$/.test(e.key)) e.preventDefault();
  });

  // Drag and drop anywhere on the page. GLFW's own drop handler is idle (no drop callback is set).
  let dragDepth = 0;
  const carriesMap = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).some((t) => t === 'Files' || t.startsWith('text/'));
  document.addEventListener('dragenter', (e) => {
    if (!carriesMap(e)) return;
    e.preventDefault();
    dragDepth++;
    dropZone.hidden = false;
  });
  document.addEventListener('dragover', (e) => {
    if (!carriesMap(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('dragleave', () => {
    if (--dragDepth <= 0) { dragDepth = 0; dropZone.hidden = true; }
  });
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    dragDepth = 0;
    dropZone.hidden = true;
    const dt = e.dataTransfer;
    if (!dt) return;
    if (dt.files && dt.files.length) { dropFiles(Array.from(dt.files)); return; }
    const uri = dt.getData('text/uri-list').split('\n').find((l) => l && !l.startsWith('#'));
    if (uri && /^https?:/i.test(uri.trim()) && !/#(?:.*&)?(?:map|data)=/.test(uri)) { openUrl(uri.trim(), 'link'); return; }
    const text = dt.getData('text/plain') || uri;
    if (text && text.trim()) openOrImportText(text, 'dropped map', 'drop');
  });

  // Paste (Ctrl+V). GLFW's clipboard is a stub: the text always goes to C++ for ImGui's text
  // fields (which read it when they handle the key, a frame later); only when no text field
  // wants it does it open as a map.
  document.addEventListener('paste', (e) => {
    const dt = e.clipboardData;
    if (!dt || !runtimeUp || aborted) return;
    const text = dt.getData('text/plain') || '';
    withString(text, (p) => Module._uxcx_set_clipboard(p));
    if (docState().wantsText) return;
    e.preventDefault();
    if (dt.files && dt.files.length) dropFiles(Array.from(dt.files));
    else if (text.length > MAX_BYTES) refused(`The pasted text is ${mib(text.length)}; uxcx opens maps up to ${MAX_TEXT}.`);
    else if (text.trim()) openOrImportText(text, 'pasted map', 'paste');
  });

  // Reads a response body chunk by chunk and stops at the cap (Content-Length may be absent or lie).
  async function readCapped(stream, what) {
    const reader = stream.getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > MAX_BYTES) {
        reader.cancel().catch(() => {});
        throw new RangeError(`${what} is larger than ${MAX_TEXT}`);
      }
      chunks.push(value);
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) { out.set(c, at); at += c.length; }
    return out;
  }

  // The start-up link's map is fetched while the wasm compiles, not after the first frame
  // (earlyFetch, below); openUrl takes that response instead of fetching again.
  let earlyFetch = null;  // {href, response: Promise<Response>}
  function takeEarlyFetch(href) {
    const e = earlyFetch;
    earlyFetch = null;
    return e && e.href === href ? e.response : null;
  }

  async function openUrl(url, how = 'link') {
    await runtime;
    if (location.protocol === 'file:')
      return refused(`Cannot fetch ${url}: this page was opened as a file (file://), and browsers do not let such pages fetch. Serve the folder over http, or download the map and use File > Open.`);
    let abs;
    try { abs = new URL(url, location.href); } catch (e) { return refused(`"${url}" is not a web address. A map link looks like #map=https://example.com/journey.json.`); }
    if (abs.protocol !== 'http:' && abs.protocol !== 'https:')
      return refused(`${url} is not an http or https address; uxcx fetches maps only over http(s).`);
    let response;
    try {
      response = await (takeEarlyFetch(abs.href) || fetch(abs.href, { credentials: 'omit' }));
    } catch (e) {
      const cross = abs.origin !== location.origin;
      return refused(`Could not fetch ${url}: ${navigator.onLine === false ? 'the browser is offline' : cross
        ? 'the network refused it, or the host does not allow other sites to read it (CORS). Ask its owner to send Access-Control-Allow-Origin, or download the file and use File > Open'
        : 'the network refused it. Check the address and your connection'}.`);
    }
    if (!response.ok)
      return refused(`Could not fetch ${url}: the server answered ${response.status}${response.statusText ? ' ' + response.statusText : ''}. ${response.status === 404 ? 'Check the address: the file is not there.' : 'Try again later, or ask for the file.'}`);
    const type = (response.headers.get('Content-Type') || '').toLowerCase();
    if (type.startsWith('text/html'))
      return refused(`${url} is a web page (text/html), not a journey file. Link the .json or Mermaid file itself.`);
    const length = Number(response.headers.get('Content-Length') || 0);
    if (length > MAX_BYTES) return refused(`${url} is ${mib(length)}; uxcx opens maps up to ${MAX_TEXT}.`);
    let bytes;
    try { bytes = await readCapped(response.body, url); } catch (e) {
      return refused(e instanceof RangeError ? `${url} is larger than ${MAX_TEXT}; uxcx opens maps up to ${MAX_TEXT}.` : `Reading ${url} failed: ${e.message}. Try again.`);
    }
    const r = await openBytes(bytes, abs.pathname.split('/').pop() || abs.href, abs.href, how);
    if (!r.ok && !r.cancelled && r.errors.length) {
      const e = r.errors[0];
      setError(`${url} is not a journey map: ${e.message}${e.line ? ` (line ${e.line}, column ${e.column})` : ''}. Check that the link points at a journey JSON or Mermaid file.`);
    }
    return r;
  }

  // ---- map-in-link: #data= is base64url of the deflate-raw compressed JSON --------------------
  function toBase64Url(bytes) {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function fromBase64Url(text) {
    if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new SyntaxError('it contains characters that a map link never has');
    if (text.length % 4 === 1) throw new SyntaxError('it is cut short');
    const s = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4));
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  async function deflate(text) {
    const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }
  // Inflates chunk by chunk and stops at MAX_BYTES: a 136 KB link can inflate to 100 MiB.
  async function inflate(bytes) {
    const ds = new DecompressionStream('deflate-raw');
    const writer = ds.writable.getWriter();
    writer.write(bytes).catch(() => {});
    writer.close().catch(() => {});
    return readCapped(ds.readable, 'The map in this link');
  }

  async function openData(data) {
    await runtime;
    const damaged = 'Ask the sender to copy the link again (chat tools sometimes cut long links), or to send the file.';
    if (data.length > MAX_LINK_CHARS)
      return refused(`This map link is ${data.length.toLocaleString('en')} characters long; uxcx refuses map links over ${MAX_LINK_CHARS.toLocaleString('en')}. Ask for the file instead.`);
    let bytes;
    try {
      bytes = await inflate(fromBase64Url(data));
    } catch (e) {
      if (e instanceof RangeError)
        return refused(`The map in this link inflates to more than ${MAX_TEXT}; uxcx refuses it. Ask for the file instead.`);
      return refused(`This map link is damaged or cut short: ${e instanceof SyntaxError ? e.message : 'its data does not decompress'}. ${damaged}`);
    }
    const r = await openBytes(bytes, 'map from a link', '', 'link');
    if (!r.ok && !r.cancelled && r.errors.length) {
      const e = r.errors[0];
      setError(`This map link is damaged or cut short: ${e.message}${e.line ? ` (line ${e.line}, column ${e.column})` : ''}. ${damaged}`);
    }
    return r;
  }

  const hashQuery = () => location.hash.replace(/^#/, '');
  const hashParams = () => new URLSearchParams(hashQuery());

  // Opens what #map= or #data= names, then shows the view, selection and filters the sender saw
  // (the C++ side reads view=, sel=, q=, quad=, stage=, ch=, heat=, sets=, set=, overlay=; see
  // src/core/link.h and docs/links.md).
  // `raw` is the query as written: URLSearchParams would re-encode the ',' of sets=a,b.
  async function openFromParams(p, raw) {
    const map = p.get('map'), data = p.get('data');
    if (map === null && data === null) return null;
    const r = data !== null ? await openData(data) : await openUrl(map, 'link');
    if (r.ok) {
      // Without the map itself (#data= can be 100k characters): C++ needs only the view's keys.
      applyQuery(raw.split('&').filter((kv) => !/^(map|data)=/.test(kv)).join('&'));
    }
    return r;
  }
  const applyQuery = (query) => withString(query, (q) => Module._uxcx_apply_query(q));

  // ---- samples and recent maps --------------------------------------------------------------
  function setMaps(kind, list) {
    if (!runtimeUp) return;
    withString(kind, (k) => withString(JSON.stringify(list), (j) => Module._uxcx_set_maps(k, j)));
  }

  async function loadSamples() {
    let index = embedded && embedded.samples;
    if (!index) {
      try {
        const r = await fetch('assets/samples/index.json');
        if (r.ok) index = await r.json();
      } catch (e) { /* offline without a cached index: no gallery */ }
    }
    if (!Array.isArray(index)) return;
    setMaps('samples', index.filter((s) => s && typeof s.file === 'string')
      .map((s) => ({ id: s.file, title: String(s.title || s.file), story: String(s.story || '') })));
  }

  function openSample(file) {
    if (embedded && embedded.files && typeof embedded.files[file] === 'string')
      return openBytes(new TextEncoder().encode(embedded.files[file]), file, '', 'sample');
    return openUrl('assets/samples/' + encodeURIComponent(file), 'sample');
  }

  // IndexedDB "uxcx": store "maps" holds bytes by id, store "meta" holds the recent list
  // [{id, title, name, sourceUrl, openedAt, query, dirty}], newest first; `query` is the
  // link query of view, selection and filters.
  let dbPromise = null;
  function db() {
    if (!dbPromise) dbPromise = new Promise((res, rej) => {
      const rq = indexedDB.open('uxcx', 1);
      rq.onupgradeneeded = () => { rq.result.createObjectStore('maps'); rq.result.createObjectStore('meta'); };
      rq.onsuccess = () => res(rq.result);
      rq.onerror = () => rej(rq.error);
    });
    return dbPromise;
  }
  async function idb(storeName, mode, fn) {
    const d = await db();
    return new Promise((res, rej) => {
      const tx = d.transaction(storeName, mode);
      const rq = fn(tx.objectStore(storeName));
      tx.oncomplete = () => res(rq && rq.result);
      tx.onerror = () => rej(tx.error);
      tx.onabort = () => rej(tx.error);
    });
  }
  // A map's bytes and the recent list in one transaction: a page closed mid-write keeps both old
  // or both new (a list entry that says "unsaved" always has its bytes, and the other way round).
  async function idbPutMapAndList(id, bytes, list) {
    const d = await db();
    return new Promise((res, rej) => {
      const tx = d.transaction(['maps', 'meta'], 'readwrite');
      tx.objectStore('maps').put(bytes, id);
      tx.objectStore('meta').put(list, 'recent');
      tx.oncomplete = () => res();
      tx.onerror = () => rej(tx.error);
      tx.onabort = () => rej(tx.error);
    });
  }
  const idbGet = (s, k) => idb(s, 'readonly', (o) => o.get(k));
  const idbPut = (s, k, v) => idb(s, 'readwrite', (o) => o.put(v, k));
  const idbDel = (s, k) => idb(s, 'readwrite', (o) => o.delete(k));

  let recent = [];
  // The start-up map is remembered in Recent after its first frame (the start-up, at the end):
  // until then its remembering waits here. A map that replaced it meanwhile is the one remembered.
  let startRemembers = [];
  let firstFrameDrawn = false;
  let storeQueue = Promise.resolve();  // one write after another, in order
  const queue = (fn) => { storeQueue = storeQueue.then(fn).catch((e) => console.warn('uxcx: could not save:', e)); return storeQueue; };

  // Maps waiting to be written, newest bytes per id. Opens can come faster than IndexedDB writes
  // (a script loading maps in a loop): queueing one write per open kept every map's bytes alive
  // until its turn. Only the latest bytes of a map that is still in the recent list wait here.
  const unsavedMaps = new Map();  // id -> bytes
  const droppedMaps = new Set();  // ids that fell off the recent list
  const unstored = new Set();  // ids whose latest bytes IndexedDB has not confirmed yet
  let flushQueued = false;
  function storeMap(id, bytes, dropped = []) {
    if (bytes) { unsavedMaps.set(id, bytes); unstored.add(id); }
    for (const d of dropped) { unsavedMaps.delete(d.id); droppedMaps.add(d.id); }
    if (flushQueued) return storeQueue;
    flushQueued = true;
    return queue(async () => {
      flushQueued = false;
      while (unsavedMaps.size || droppedMaps.size) {
        if (unsavedMaps.size) {
          const [mapId, mapBytes] = unsavedMaps.entries().next().value;
          unsavedMaps.delete(mapId);
          await idbPutMapAndList(mapId, mapBytes, recent);
          if (!unsavedMaps.has(mapId)) unstored.delete(mapId);
        } else {
          const gone = droppedMaps.values().next().value;
          droppedMaps.delete(gone);
          await idbDel('maps', gone);
        }
      }
      await idbPut('meta', 'recent', recent);
    });
  }

  // "2 Dec, 09:05": when a Recent entry was opened. Written out, not with toLocaleString: the
  // page's first Intl date format loads the locale's data, 60-70 ms of the main thread.
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const openedWhen = (ms) => {
    const d = new Date(ms), two = (n) => String(n).padStart(2, '0');
    return `${d.getDate()} ${MONTHS[d.getMonth()]}, ${two(d.getHours())}:${two(d.getMinutes())}`;
  };

  function pushRecent() {
    setMaps('recent', recent.map((r) => ({ id: r.id, title: r.title || r.name, story: openedWhen(r.openedAt) })));
  }

  // After every successful open: the map goes to the front of the recent list.
  function remember(bytes, name, sourceUrl, fresh = false) {
    const s = docState();
    // A new journey is always an entry of its own: two "Untitled journey"s are two maps.
    const same = fresh ? null : recent.find((r) => (sourceUrl ? r.sourceUrl === sourceUrl : !r.sourceUrl && r.name === name && r.title === s.title));
    const id = same ? same.id : 'm' + Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
    current.id = id;
    const entry = { id, title: s.title, name, sourceUrl, openedAt: Date.now(), savedAt: Date.now(), query: s.query, dirty: false, readOnly: s.readOnly,
      revision: s.revision };
    recent = [entry, ...recent.filter((r) => r.id !== id)];
    const dropped = recent.splice(RECENT_MAX);
    lastSaved = saveKey(s);
    lastRevision = s.revision;
    pushRecent();
    storeMap(id, bytes, dropped);
  }

  function openRecent(id) {
    const entry = recent.find((r) => r.id === id);
    if (!entry) return;
    return queue(async () => {
      const bytes = await idbGet('maps', id);
      if (!bytes) { setError(`"${entry.title}" is no longer stored in this browser. Open the file again.`); return; }
      const r = await openBytes(bytes, entry.name, entry.sourceUrl, 'recent');
      if (r.ok) applyEntry(entry);
    });
  }

  function applyEntry(entry) {
    if (typeof entry.query === 'string') applyQuery(entry.query);
    if (entry.readOnly) Module._uxcx_set_read_only(1);
    if (entry.dirty) Module._uxcx_restored_unsaved();
  }
  // What a saved entry must follow: the query holds view and selection too; the revision changes
  // with every edit, undo and redo.
  const saveKey = (s) => JSON.stringify([s.query, s.dirty, s.revision, s.readOnly]);

  // Saves the view, the selection and (when changed) the map itself, 300 ms after a change and
  // at once when the page is hidden: what Excalidraw does.
  let lastSaved = '', saveTimer = 0, lastDark = null, lastRevision = 0;
  function saveNow() {
    clearTimeout(saveTimer);
    saveTimer = 0;
    if (!runtimeUp || aborted) return;
    const s = docState();
    if (s.dark !== lastDark) {
      lastDark = s.dark;
      try { localStorage.setItem('uxcx.settings', JSON.stringify({ dark: s.dark })); } catch (e) { /* private mode */ }
    }
    if (!current || !current.id || !recent.length || recent[0].id !== current.id) return;
    const key = saveKey(s);
    if (key === lastSaved && !s.dirty) return;
    lastSaved = key;
    const entry = recent[0];
    const edited = s.revision !== lastRevision;
    lastRevision = s.revision;
    Object.assign(entry, { query: s.query, dirty: s.dirty, title: s.title, readOnly: s.readOnly, sourceUrl: s.sourceUrl, name: s.name,
      revision: s.revision, savedAt: Date.now() });
    // Unsaved changes live only in memory: keep a copy of the changed map (after an undo back to
    // the saved state too: the stored bytes must be what is open).
    const bytes = s.dirty || edited ? new TextEncoder().encode(documentJson()) : null;
    if (bytes) current.bytes = bytes;
    storeMap(entry.id, bytes);
  }
  function watchForChanges() {
    setInterval(() => {
      if (!runtimeUp || aborted || saveTimer) return;
      const s = docState();
      if (saveKey(s) !== lastSaved || s.dark !== lastDark) saveTimer = setTimeout(saveNow, 200);
    }, 200);
    const leave = () => { saveNow(); writeLeaveNote(); };
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') leave(); });
    window.addEventListener('pagehide', leave);
  }

  // IndexedDB cannot be trusted with the moment the page goes: Chromium aborts a page's unfinished
  // transactions when it closes, and a write queued behind one in flight never starts. A reload
  // half a second after a new selection or an edit restored the state before it. So leaving also
  // writes a note to localStorage, which holds it at once: the open map's Recent entry (view,
  // selection, unsaved or not) and, while IndexedDB has not confirmed its latest bytes (just opened,
  // or just changed), its text. The next start takes a note that is newer than the entry it stored,
  // writes it to IndexedDB like any save, then removes it.
  const LEAVE_NOTE = 'uxcx.leaving.';  // + the entry's id: tabs leaving other maps keep theirs
  // A map's text travels in the note up to this size (1 MiB of UTF-8, at most twice that in
  // UTF-16, of the 5-10 MiB an origin's localStorage holds); a typical 50-touchpoint map is 60 KB.
  // A bigger one keeps what the autosave stored 300 ms after its last change.
  const LEAVE_NOTE_MAX_BYTES = 1024 * 1024;
  const leftBytes = new Map();  // id -> the bytes a note brought, for the restore to open
  function writeLeaveNote() {
    if (!runtimeUp || aborted || !current || !current.id || !recent.length || recent[0].id !== current.id) return;
    const entry = recent[0];
    // current.bytes: what the open map is now (saveNow keeps a changed map's JSON there).
    const text = unstored.has(entry.id) && current.bytes && current.bytes.length <= LEAVE_NOTE_MAX_BYTES
      ? new TextDecoder().decode(current.bytes) : null;
    try {
      localStorage.setItem(LEAVE_NOTE + entry.id, JSON.stringify({ entry, text }));
    } catch (e) {  // over the quota with the text: the view and selection at least
      try { localStorage.setItem(LEAVE_NOTE + entry.id, JSON.stringify({ entry, text: null })); } catch (e2) { /* no storage */ }
    }
  }
  function takeLeaveNotes() {
    const notes = [];
    try {
      for (const key of Object.keys(localStorage).filter((k) => k.startsWith(LEAVE_NOTE))) {
        const raw = localStorage.getItem(key);
        let note = null;
        try { note = JSON.parse(raw); } catch (e) { /* damaged */ }
        const ok = note && note.entry && LEAVE_NOTE + note.entry.id === key && typeof note.entry.query === 'string';
        if (ok) notes.push({ key, raw, entry: note.entry, text: typeof note.text === 'string' ? note.text : null });
        else localStorage.removeItem(key);
      }
    } catch (e) { return; }  // no localStorage here
    // Oldest first, each to the front: the map left last is restored.
    notes.sort((x, y) => (x.entry.savedAt || 0) - (y.entry.savedAt || 0));
    for (const { key, raw, entry, text } of notes) {
      const known = recent.find((r) => r.id === entry.id);
      // Older than the stored entry (the page lived on after it was hidden and saved again), or a map
      // IndexedDB never got with no text to bring it back: nothing to take.
      if (known ? !((entry.savedAt || 0) >= (known.savedAt || 0)) : text === null) {
        localStorage.removeItem(key);
        continue;
      }
      const taken = Object.assign(known || {}, text === null ? { query: entry.query, savedAt: entry.savedAt } : entry);
      recent = [taken, ...recent.filter((r) => r !== taken)];
      const bytes = text === null ? null : new TextEncoder().encode(text);
      if (bytes) leftBytes.set(taken.id, bytes);
      storeMap(taken.id, bytes, recent.splice(RECENT_MAX))
        .then(() => { if (localStorage.getItem(key) === raw) localStorage.removeItem(key); });
    }
  }

  // At start with no link in the address: the map that was open last time, as it was shown.
  async function restoreLast() {
    const entry = recent[0];
    if (!entry) return;
    const before = opens;
    const bytes = leftBytes.get(entry.id) || await idbGet('maps', entry.id);
    if (!bytes || opens !== before) return;
    const r = await openBytes(bytes, entry.name, entry.sourceUrl, 'recent', 'restore');
    if (r.ok) {
      current.id = entry.id;
      applyEntry(entry);
      const s = docState();
      lastSaved = saveKey(s);
      lastRevision = s.revision;
    }
  }

  // ---- ways out -----------------------------------------------------------------------------
  let lastLink = null, pendingLink = Promise.resolve(null);

  async function writeClipboard(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (e) {
      return false;
    }
  }

  async function copyMapLink(json, sourceUrl, query) {
    const base = location.href.split('#')[0];
    let link;
    if (sourceUrl) {
      link = `${base}#map=${encodeURIComponent(sourceUrl)}&${query}`;
    } else {
      const data = toBase64Url(await deflate(json));
      if (data.length > MAX_LINK_CHARS) {
        notify(`This map is too large for a link (${data.length.toLocaleString('en')} characters compressed). Download JSON and send the file, or host it and share a #map= link.`, 'error');
        return null;
      }
      link = `${base}#data=${data}&${query}`;
    }
    lastLink = link;
    const copied = await writeClipboard(link);
    const where = location.protocol === 'file:' ? ' It points at this file on this computer: serve the app over http to share it.' : '';
    if (!copied) notify(`The browser did not allow copying. The link (${link.length.toLocaleString('en')} characters) is: ${link}`, 'error');
    else if (link.length > LONG_LINK_CHARS)
      notify(`Link copied, but it is ${link.length.toLocaleString('en')} characters long: chat tools and e-mail may cut links over about 2,000 characters. Host the JSON and share a #map= link, or send the file.${where}`, 'warning');
    else notify(`Link copied (${link.length.toLocaleString('en')} characters): it opens this map with this view, selection and filters.${where}`, where ? 'warning' : 'info');
    return link;
  }

  function download(name, mime, bytes) {
    const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // ---- whole-map export (File > Export, uxcx.exportMap): the app renders the page in tiles
  // (src/platform/web/export_render.cpp) and hands them here; a PNG is encoded by the browser, a
  // PDF's image is deflated here (CompressionStream) and the app writes the PDF around it.
  let exportJob = null;      // the page being assembled: { canvas, ctx }
  let exportWaiters = [];    // uxcx.exportMap promises waiting for the export under way
  async function finishExport(job, info) {
    try {
      if (!info.ok) throw new Error(info.error);
      let blob;
      if (info.kind === 'png') {
        blob = await job.canvas.convertToBlob({ type: 'image/png' });
      } else {
        const { width: w, height: h } = job.canvas;
        const rgba = job.ctx.getImageData(0, 0, w, h).data;
        const rgb = new Uint8Array(w * h * 3);
        for (let i = 0, o = 0; i < rgba.length; i += 4, o += 3) { rgb[o] = rgba[i]; rgb[o + 1] = rgba[i + 1]; rgb[o + 2] = rgba[i + 2]; }
        const stream = new Blob([rgb]).stream().pipeThrough(new CompressionStream('deflate'));
        const z = new Uint8Array(await new Response(stream).arrayBuffer());
        const ptr = Module._malloc(z.length);
        Module.HEAPU8.set(z, ptr);
        const size = Module._uxcx_export_pdf(ptr, z.length, w, h);
        Module._free(ptr);
        if (size < 0) throw new Error('the PDF could not be written (another export replaced this one)');
        const at = Module._uxcx_export_bytes();
        blob = new Blob([Module.HEAPU8.slice(at, at + size)], { type: 'application/pdf' });
      }
      download(info.name, info.kind === 'png' ? 'image/png' : 'application/pdf', blob);
      info.bytes = blob.size;
      if (!info.legible)
        notify(`${info.name}: the text is ${info.textPt.toFixed(1)} pt on this page, hard to read. A larger size (A3, 4K) or a higher resolution helps.`, 'warning');
    } catch (e) {
      info = { ok: false, error: String(e && e.message || e) };
      notify(`The export failed: ${info.error}`, 'error');
    }
    const waiters = exportWaiters;
    exportWaiters = [];
    for (const resolve of waiters) resolve(info);
  }

  // ---- host functions called from C++ (src/platform/web/web_host.cpp) -----------------------
  window.uxcxHost = {
    firstFrame() {
      firstFrameDrawn = true;
      clearTimeout(startOverlay);
      canvas.classList.remove('starting');
      overlay.hidden = true;
      // The start-up's hold ended before a slow link's map came: the app shows, and says so.
      if (!startOpenDone && startMap !== null) notify(`Opening ${startMap}… it is still on its way.`);
      mark('first-frame');
      resolveReady();
    },
    openFileDialog(purpose) { pickFile(purpose); },
    download,
    copyText(text) {
      if (navigator.clipboard) navigator.clipboard.writeText(text).catch(() => {});
    },
    // Links from a map open only for the core's schemes (http, https, mailto), in a new tab without
    // an opener.
    openUrl(url) {
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
      if (scheme && LIMITS.linkSchemes.includes(scheme[1].toLowerCase())) window.open(url, '_blank', 'noopener,noreferrer');
    },
    capturePng(name) {
      canvas.toBlob((blob) => { if (blob) download(name, 'image/png', blob); }, 'image/png');
      Module._uxcx_frames_wake();  // the app's chrome comes back (the capture drew the view alone)
    },
    exportBegin(w, h) {
      const c = new OffscreenCanvas(w, h);
      exportJob = { canvas: c, ctx: c.getContext('2d') };
    },
    exportTile(x, y, w, h, pixels) {
      exportJob.ctx.putImageData(new ImageData(new Uint8ClampedArray(pixels), w, h), x, y);  // copied out of the wasm heap
    },
    exportEnd(json) {
      const job = exportJob;
      exportJob = null;
      finishExport(job, JSON.parse(json));
    },
    setFullscreen(on) {
      if (on && !document.fullscreenElement) document.documentElement.requestFullscreen().catch(() => {});
      if (!on && document.fullscreenElement) document.exitFullscreen().catch(() => {});
    },
    openSample(id) { openSample(id); },
    openRecent(id) { openRecent(id); },
    copyMapLink(json, sourceUrl, query) { pendingLink = copyMapLink(json, sourceUrl, query); },
    loadFont(name) { loadFont(name); },
    pickSurvey() { surveyInput.click(); },
    pickSurveyMapping() { mappingInput.click(); },
    runSurveyImport(mapping) { runSurvey(mapping); },
    cancelSurveyImport(forget) { cancelSurvey(forget); },
    saveFile(name, json) { saveFile(name, json); },
    openNew(json, name) { openBytes(new TextEncoder().encode(json), name, '', 'new'); },
    openTemplate(id) { openTemplate(id); },
    // "Edit a copy": the address no longer names what is open (a reload restores the copy), and
    // the recent entry is the copy's from now on.
    editingCopy() {
      if (location.hash) history.replaceState(null, '', location.href.split('#')[0]);
      if (current) current.sourceUrl = '';
      lastSaved = '';
    },
  };

  // Save (Ctrl+S, File > Save, uxcx.save()): back into the file it was opened from when the
  // browser gave a handle (File System Access, Chromium) and it is a JSON file; else a download.
  // The stored copy (Recent, reload) becomes these bytes too, whatever the autosave had.
  async function saveFile(name, json) {
    const bytes = new TextEncoder().encode(json);
    let how = 'download';
    if (fileHandle && /\.json$/i.test(fileHandle.name)) {
      try {
        if (fileHandle.requestPermission && (await fileHandle.requestPermission({ mode: 'readwrite' })) !== 'granted')
          throw new Error('no permission to write');
        const w = await fileHandle.createWritable();
        await w.write(bytes);
        await w.close();
        how = 'file';
      } catch (e) {
        console.warn('uxcx: could not write back to the file:', e);
      }
    }
    if (how === 'download') download(name, 'application/json', bytes);
    if (aborted) return;
    Module._uxcx_save_done(1);
    if (current) {
      current.bytes = bytes;
      if (current.id) storeMap(current.id, bytes);
    }
    notify(how === 'file' ? `Saved to ${fileHandle.name}.` : `Saved as a download: ${name}.`);
  }

  async function openTemplate(file) {
    let text = null;
    if (embedded && embedded.files && typeof embedded.files[file] === 'string') text = embedded.files[file];
    else {
      try {
        const r = await fetch('assets/samples/' + encodeURIComponent(file));
        if (r.ok) text = await r.text();
      } catch (e) { /* offline: said below */ }
    }
    if (text === null) { setError(`The sample ${file} could not be fetched for a new journey.`); return; }
    const bytes = new TextEncoder().encode(text);
    const ptr = Module._malloc(Math.max(1, bytes.length));
    Module.HEAPU8.set(bytes, ptr);
    try { withString(file, (t) => Module._uxcx_new_from_template(ptr, bytes.length, t)); } finally { Module._free(ptr); }
  }

  // ---- fallback fonts (src/core/scripts.h): fetched once, only for a journey that needs one -----
  // The app asks (platform::load_font) when an open journey has characters of that script; the
  // bytes go to the app's font atlas (uxcx_add_font owns them). The service worker keeps fetched
  // fonts for offline use. A single-file build with fonts carries them in window.uxcxInlineFonts.
  // Each font is also registered with the browser (FontFace "uxcx-NAME", Module.fallbackFamilies)
  // before the app has it: the clusters the app asks the browser to shape (Devanagari conjuncts;
  // js_color_glyph) are then drawn in the same font as the rest of the text.
  const fontsAsked = new Set();
  async function registerFontFace(name, bytes) {
    if (typeof FontFace === 'undefined') return;
    const family = 'uxcx-' + name.replace(/\.[a-z]+$/, '');
    try {
      const face = await new FontFace(family, bytes.slice()).load();
      document.fonts.add(face);
      (Module.fallbackFamilies = Module.fallbackFamilies || []).push(family);
    } catch (e) {
      console.warn(`font ${name}: the browser cannot read it (${e.message}): its clusters are drawn in a system font`);
    }
  }
  function loadFont(name) {
    if (fontsAsked.has(name)) return;
    fontsAsked.add(name);
    const inline = window.uxcxInlineFonts && window.uxcxInlineFonts[name];
    const bytes = inline
      ? Promise.resolve(Uint8Array.from(atob(inline), (c) => c.charCodeAt(0)))
      : fetch('fonts/' + encodeURIComponent(name)).then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.arrayBuffer();
      }).then((b) => new Uint8Array(b));
    bytes.then(async (b) => {
      await registerFontFace(name, b);
      if (aborted) return;
      const ptr = Module._malloc(Math.max(1, b.length));
      Module.HEAPU8.set(b, ptr);
      if (!withString(name, (p) => Module._uxcx_add_font(p, ptr, b.length))) console.warn(`font ${name}: not a font the app can read`);
    }).catch((e) => console.warn(`font ${name} could not be fetched (${e.message}): its script is drawn as white squares`));
  }

  // ---- recovery: if the wasm aborts, the last map can still be downloaded ---------------------
  function showRecovery(what) {
    if (aborted) return;
    aborted = true;
    clearTimeout(startOverlay);
    overlay.hidden = true;
    document.getElementById('recovery-what').textContent = String(what);
    const button = document.getElementById('recovery-download');
    button.hidden = !current;
    button.onclick = () => {
      const name = current.name && /\.(json|mmd|txt)$/i.test(current.name) ? current.name : 'last-map.json';
      download(name, 'application/octet-stream', current.bytes);
    };
    document.getElementById('recovery-reload').onclick = () => location.reload();
    recovery.hidden = false;
  }

  // ---- the Emscripten module ----------------------------------------------------------------
  window.Module = {
    canvas,
    // A server that sends app.wasm with another MIME type makes the streaming compile fail: the
    // bytes are fetched and compiled instead, as Emscripten itself would.
    instantiateWasm: wasmModule ? (imports, receive) => {
      wasmModule
        .catch(() => fetch('app.wasm', { credentials: 'same-origin' }).then((r) => r.arrayBuffer()).then((b) => WebAssembly.compile(b)))
        .then((m) => WebAssembly.instantiate(m, imports).then((instance) => receive(instance, m)))
        .catch((e) => Module.onAbort(`app.wasm could not be loaded: ${e && e.message ? e.message : e}`));
      return {};
    } : undefined,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    onRuntimeInitialized() {
      runtimeUp = true;
      let dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
      try {
        const saved = JSON.parse(localStorage.getItem('uxcx.settings') || '{}');
        if (typeof saved.dark === 'boolean') dark = saved.dark;
      } catch (e) { /* no settings yet */ }
      lastDark = dark;
      Module._uxcx_set_dark(dark ? 1 : 0);
      // Until the person picks a theme in the app, follow the system when it switches (dusk).
      window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', (e) => {
        let chosen = false;
        try { chosen = typeof JSON.parse(localStorage.getItem('uxcx.settings') || '{}').dark === 'boolean'; } catch (err) { /* none */ }
        if (chosen || aborted) return;
        lastDark = e.matches;  // the system's choice, not saved as the person's
        Module._uxcx_set_dark(e.matches ? 1 : 0);
      });
    },
    // After main(): the app exists and its first frame is scheduled, not drawn. Held until the
    // start-up open (a #map= link, or the map open last time) is done, or START_HOLD_MS.
    postRun() {
      holdFrames(true);
      let held = true;
      const release = () => { if (held) { held = false; holdFrames(false); } };
      setTimeout(release, START_HOLD_MS);
      mark('runtime');
      resolveRuntime();
      startShown.then(release, release);
    },
    onAbort(what) {
      showRecovery(what);
      rejectRuntime(new Error('aborted: ' + what));
      rejectReady(new Error('aborted: ' + what));
    },
  };
  // A trap inside the frame loop surfaces as an uncaught WebAssembly.RuntimeError.
  window.addEventListener('error', (e) => {
    if (runtimeUp && e.error instanceof WebAssembly.RuntimeError) showRecovery(e.error.message);
  });
  canvas.addEventListener('webglcontextlost', (e) => {
    e.preventDefault();
    showOverlay('The graphics context was lost. Reload the page to continue.');
  });

  // ---- automation hook (docs/automation.md) ---------------------------------------------------
  let started;
  window.uxcx = {
    ready,
    async load(text, name) {
      await runtime;
      return openBytes(new TextEncoder().encode(String(text)), name || 'pasted journey', '', 'hook');
    },
    state() {
      if (!runtimeUp) return null;
      const s = JSON.parse(Module.UTF8ToString(Module._uxcx_state()));
      const rect = canvas.getBoundingClientRect();
      for (const it of s.items) { it.x += rect.left; it.y += rect.top; }
      for (const c of s.controls || []) { c.x += rect.left; c.y += rect.top; }  // the set picker and overlay
      for (const w of Object.values(s.import.widgets)) { w.x += rect.left; w.y += rect.top; }
      s.notice = notice;
      return s;
    },
    view(name) {
      if (!runtimeUp) return false;
      return withString(String(name), (p) => Module._uxcx_set_view(p) === 1);
    },
    openUrl: (url) => openUrl(url, 'link'),
    // What File > Copy link does; resolves to the link (also on the clipboard).
    async copyLink() {
      await runtime;
      Module._uxcx_copy_link();
      return pendingLink;
    },
    // What File > Download does: kind "json", "mermaid" or "csv".
    async download(kind) {
      await runtime;
      return withString(String(kind), (p) => Module._uxcx_download(p) === 1);
    },
    // File > Export > Whole map PNG / PDF: kind "png" or "pdf", options { size: "slide" | "a4" | "a3",
    // width (slide pixels: 1920, 3840), dpi (paper: 150, 300), theme: "light" | "dark" }. Starts the
    // same download and resolves to what was made (docs/automation.md), or { ok: false, error }.
    async exportMap(kind, options = {}) {
      await runtime;
      const request = JSON.stringify({ ...options, kind: String(kind) });
      const error = withString(request, (p) => Module.UTF8ToString(Module._uxcx_export_map(p)));
      if (error) return { ok: false, error };
      return new Promise((resolve) => exportWaiters.push(resolve));
    },
    select(id) { return runtimeUp && withString(String(id), (p) => Module._uxcx_set_selected(p) === 1); },
    documentJson() { return runtimeUp ? documentJson() : ''; },
    // What Save (Ctrl+S) does: writes the map back to its file (or downloads it) and returns the
    // JSON text it writes; '' when nothing is open.
    save() { return runtimeUp && !aborted ? Module.UTF8ToString(Module._uxcx_save()) : ''; },
    // File > Recent as the page keeps it (and restores from at start), newest first.
    recent() { return recent.map((r) => ({ title: r.title, name: r.name, sourceUrl: r.sourceUrl })); },
    get started() { return started; },  // resolves once the start-up open (link or restore) is done
    get lastLink() { return lastLink; },
    // File > Import survey... without the picker: `csv` is text, bytes or a Blob; with `mapping`
    // (text) it imports at once, else the mapping screen opens. Resolves to {ok, rows, ms, ...}.
    async importSurvey(csv, options = {}) {
      const blob = csv instanceof Blob ? csv : new Blob([csv], { type: 'text/csv' });
      return startImport(blob, options.name || 'survey.csv', options.mapping || null);
    },
    get lastImport() { return lastImport; },
  };

  // At start: #map=/#data= if the address has one, else the map that was open last time. The
  // map's fetch and the recent list's read start now, in parallel with the wasm's download and
  // compile; they are used once the first frame is up.
  const startMap = hashParams().get('map');
  if (startMap !== null && /^https?:$/.test(location.protocol)) {
    try {
      const abs = new URL(startMap, location.href);
      if (abs.protocol === 'http:' || abs.protocol === 'https:') {
        const response = fetch(abs.href, { credentials: 'omit' });
        response.catch(() => {});  // openUrl reports a failure, with the words for it
        earlyFetch = { href: abs.href, response };
        // A map the worker will load: the worker starts (its script, its wasm compiled) while
        // the map downloads and the app's own wasm starts, not once the bytes are all here.
        response.then((r) => {
          if (Number(r.headers.get('Content-Length') || 0) > START_WORKER_MIN_BYTES && workerAvailable) startLoader();
        }, () => {});
      }
    } catch (e) { /* not an address: openUrl says so */ }
  }
  const storedRecent = idbGet('meta', 'recent');
  storedRecent.catch(() => {});
  // What the person came to see is drawn first. A link's map opens while the Recent list is still
  // read from IndexedDB, and frames are released as soon as it is open (startShown), not once the
  // list is read: in a new browser profile that first read ends 100-200 ms after a small map is
  // open, and nothing in the first frame needs the list. Remembering the map in Recent (its
  // entry, its bytes written to IndexedDB: 30-80 ms at start-up, when each of those calls into the
  // app is a first call that V8 compiles), the Recent menu, the samples and the autosave come after
  // its first frame. `started` resolves once all is done.
  let resolveStartShown, startOpenDone = false;
  const startShown = new Promise((res) => { resolveStartShown = res; });
  const startOpened = () => {
    if (startOpenDone) return;
    startOpenDone = true;
    mark('opened');
    resolveStartShown();
  };
  started = runtime.then(async () => {
    try {
      const fromLink = openFromParams(hashParams(), hashQuery());  // null without a link
      fromLink.then((r) => { if (r !== null) startOpened(); }, () => {});
      try {
        // Merged, not replaced, should an entry have been added before the list was read.
        const stored = (await storedRecent) || [];
        recent = [...recent, ...stored.filter((s) => !recent.some((r) => r.id === s.id))].slice(0, RECENT_MAX);
      } catch (e) { console.warn('uxcx: no IndexedDB:', e); }
      takeLeaveNotes();
      if (await fromLink === null) await restoreLast().catch((e) => console.warn('uxcx: could not restore:', e));
      leftBytes.clear();
    } finally {
      startOpened();
    }
    await Promise.race([ready, new Promise((res) => setTimeout(res, START_HOLD_MS))]).catch(() => {});
    // Not in the first frame's own task: `ready` resolves inside it, before the browser has
    // committed and rasterised that frame, so work done here delayed the map on screen (and took a
    // core from SwiftShader's rasterising). After the next frame has begun, it is on screen (or
    // after a second: a hidden tab runs no frames).
    await new Promise((res) => { requestAnimationFrame(() => setTimeout(res, 0)); setTimeout(res, 1000); });
    const remembers = startRemembers;
    startRemembers = null;
    for (const rememberIt of remembers) rememberIt();
    pushRecent();
    loadSamples();
    watchForChanges();
  }, () => {});
  window.addEventListener('hashchange', () => { runtime.then(() => openFromParams(hashParams(), hashQuery())); });

  // Offline after one visit: the service worker caches the app shell (web/sw.js). Not on file://.
  // Registered a second after the start-up is done: its install fetches and stores the whole shell
  // (2 MB), work that competed for the two cores with the first frames (their rasterising in the
  // GPU process) when it started with the first frame.
  const SERVICE_WORKER_DELAY_MS = 1000;
  if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol))
    started.then(() => new Promise((res) => setTimeout(res, SERVICE_WORKER_DELAY_MS)))
      .then(() => navigator.serviceWorker.register('sw.js')).catch((e) => console.warn('uxcx: no offline copy:', e.message));
})();
