// sw.js: the offline copy. Caches the app shell and the samples on install so that after one
// visit the app opens with no network. Cache first for exactly those files; everything else
// (a #map= URL, other sites) goes to the network untouched, except the fallback fonts (fonts/*),
// cached when a journey first needs one.
// VERSION and SHELL are filled in by scripts/stamp-sw.mjs at build time: a new build has a new
// VERSION, so the browser installs the new worker, which drops the old cache.
'use strict';
const VERSION = 'dev';
const SHELL = ['./', 'index.html', 'limits.js', 'uxcx.js', 'uxcx.css', 'app.js', 'app.wasm', 'icon.svg', 'loader-worker.js', 'loader_worker.js', 'loader_worker.wasm', 'assets/samples/index.json'];
const CACHE = 'uxcx-' + VERSION;
const scope = new URL(self.registration.scope);
const shellUrls = new Set(SHELL.map((p) => new URL(p, scope).href));
const fontsUrl = new URL('fonts/', scope).href;

self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL.map((p) => new Request(p, { cache: 'reload' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (e) => {
  e.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('uxcx-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  url.hash = '';
  url.search = '';
  if (url.href.startsWith(fontsUrl)) {
    // Fallback fonts are fetched only by journeys that need them (not on install): cached on first
    // use, so such a journey opens offline afterwards too.
    e.respondWith(caches.open(CACHE).then((c) => c.match(url.href).then((hit) => hit || fetch(req).then((res) => {
      if (res.ok) c.put(url.href, res.clone());
      return res;
    }))));
    return;
  }
  if (!shellUrls.has(url.href)) return;
  e.respondWith(caches.open(CACHE).then((c) => c.match(url.href)).then((hit) => hit || fetch(req)));
});
