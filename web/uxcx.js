// uxcx.js: the page's glue. Sets up the Emscripten Module, implements the host functions the C++
// side calls (uxcxHost), and exposes the automation hook window.uxcx (docs/automation.md).
// Kept out of index.html so the Content-Security-Policy can forbid inline scripts.
'use strict';

(function () {
  const canvas = document.getElementById('canvas');
  const overlay = document.getElementById('overlay');
  const overlayText = document.getElementById('overlay-text');
  const fileInput = document.getElementById('file-input');
  const MAX_BYTES = 32 * 1024 * 1024;

  let resolveReady, rejectReady;
  const ready = new Promise((res, rej) => { resolveReady = res; rejectReady = rej; });
  let runtimeUp = false;

  function showOverlay(text) {
    overlayText.textContent = text;
    overlay.hidden = false;
  }

  // ---- C++ entry points ---------------------------------------------------------------------
  function withString(str, fn) {
    const len = Module.lengthBytesUTF8(str) + 1;
    const ptr = Module._malloc(len);
    Module.stringToUTF8(str, ptr, len);
    try { return fn(ptr); } finally { Module._free(ptr); }
  }

  // Copies the bytes into memory C++ allocated (never onto the stack), then calls uxcx_open.
  function openBytes(bytes, name, sourceUrl) {
    if (bytes.length > MAX_BYTES) {
      const r = { ok: false, errors: [{ message: `${name} is ${(bytes.length / 1048576).toFixed(1)} MiB; files over 32 MiB are refused`, line: 0, column: 0, path: '' }], warnings: [] };
      setError(r.errors[0].message);
      return r;
    }
    const ptr = Module._malloc(Math.max(1, bytes.length));
    Module.HEAPU8.set(bytes, ptr);
    try {
      return withString(name || '', (namePtr) => withString(sourceUrl || '', (urlPtr) =>
        JSON.parse(Module.UTF8ToString(Module._uxcx_open(ptr, bytes.length, namePtr, urlPtr)))));
    } finally {
      Module._free(ptr);
    }
  }

  function setError(message) {
    if (runtimeUp) withString(message, (p) => Module._uxcx_set_error(p));
  }

  // ---- ways in ------------------------------------------------------------------------------
  async function openFile(file) {
    await ready;
    const bytes = new Uint8Array(await file.arrayBuffer());
    return openBytes(bytes, file.name, '');
  }

  fileInput.addEventListener('change', () => {
    const file = fileInput.files && fileInput.files[0];
    fileInput.value = '';
    if (file) openFile(file);
  });

  async function openUrl(url) {
    await ready;
    if (location.protocol === 'file:') {
      setError(`Cannot fetch ${url} from a page opened as a file (file://). Serve the folder over http, or use File > Open.`);
      return { ok: false };
    }
    let response;
    try {
      response = await fetch(url, { credentials: 'omit' });
    } catch (e) {
      setError(`Could not fetch ${url}: the network refused it (offline, or the host does not allow cross-origin requests).`);
      return { ok: false };
    }
    if (!response.ok) {
      setError(`Could not fetch ${url}: the server answered ${response.status} ${response.statusText}.`);
      return { ok: false };
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    return openBytes(bytes, url.split('/').pop() || url, url);
  }

  function hashParams() {
    return new URLSearchParams(location.hash.replace(/^#/, ''));
  }

  // ---- host functions called from C++ (src/platform/web/web_host.cpp) -----------------------
  window.uxcxHost = {
    firstFrame() {
      overlay.hidden = true;
      resolveReady();
    },
    openFileDialog() { fileInput.click(); },
    download(name, mime, bytes) {
      const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    },
    copyText(text) {
      if (navigator.clipboard) navigator.clipboard.writeText(text).catch(() => {});
    },
    openUrl(url) {
      if (/^(https?|mailto):/i.test(url)) window.open(url, '_blank', 'noopener,noreferrer');
    },
    capturePng(name) {
      canvas.toBlob((blob) => { if (blob) uxcxHost.download(name, 'image/png', blob); }, 'image/png');
    },
    setFullscreen(on) {
      if (on && !document.fullscreenElement) document.documentElement.requestFullscreen().catch(() => {});
      if (!on && document.fullscreenElement) document.exitFullscreen().catch(() => {});
    },
  };

  // ---- the Emscripten module ----------------------------------------------------------------
  window.Module = {
    canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    onRuntimeInitialized() {
      runtimeUp = true;
      Module._uxcx_set_dark(window.matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0);
    },
    onAbort(what) {
      showOverlay('uxcx stopped unexpectedly (' + what + '). Reload the page to continue.');
      rejectReady(new Error('aborted: ' + what));
    },
  };
  canvas.addEventListener('webglcontextlost', (e) => {
    e.preventDefault();
    showOverlay('The graphics context was lost. Reload the page to continue.');
  });

  // ---- automation hook (docs/automation.md) ---------------------------------------------------
  window.uxcx = {
    ready,
    async load(text, name) {
      await ready;
      return openBytes(new TextEncoder().encode(String(text)), name || 'pasted journey', '');
    },
    state() {
      if (!runtimeUp) return null;
      const s = JSON.parse(Module.UTF8ToString(Module._uxcx_state()));
      const rect = canvas.getBoundingClientRect();
      for (const it of s.items) { it.x += rect.left; it.y += rect.top; }
      return s;
    },
    view(name) {
      if (!runtimeUp) return false;
      return withString(String(name), (p) => Module._uxcx_set_view(p) === 1);
    },
    openUrl,
  };

  // #map=URL opens a hosted map at start and whenever the hash changes.
  function openFromHash() {
    const map = hashParams().get('map');
    if (map) openUrl(map);
  }
  window.addEventListener('hashchange', openFromHash);
  ready.then(openFromHash, () => {});
})();
