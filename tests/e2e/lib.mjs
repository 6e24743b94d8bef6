// lib.mjs: shared set-up for the end-to-end tests: serve build/web, start Debian's Chromium with a
// fresh profile, open the app, and look at what it really drew (screenshots decoded here).
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/static-server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// UXCX_WEB_DIR lets a developer test another build folder (each teammate builds in their own).
export const WEB = process.env.UXCX_WEB_DIR ? path.resolve(process.env.UXCX_WEB_DIR) : path.join(ROOT, 'build/web');

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--disable-gpu',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync',
];

// Starts the static server and a browser with a fresh profile. Returns what a test needs and a
// close() that stops both.
export async function start({ root = WEB, viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1, args = [] } = {}) {
  const { server, url } = await serve(root, 0);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uxcx-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...args],
    viewport,
    deviceScaleFactor,
    acceptDownloads: true,
  });
  const page = context.pages()[0] || await context.newPage();
  const problems = [];  // console errors and uncaught exceptions: any of them fails a test
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return {
    url, context, page, problems, server,
    async close() {
      await context.close();
      server.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

// Opens the app (with an optional hash) in a freshly loaded page and waits for window.uxcx.ready:
// the first frame. A page already at index.html would only change its hash (no load): the old page's
// state (an earlier test's map, still open while the new link loads) was then read as the new one's,
// which failed one run in eight of ways.test.mjs's #map= test. So every open starts from a blank page.
export async function openApp(page, url, hash = '') {
  if (page.url() !== 'about:blank') await page.goto('about:blank');
  await page.goto(url + 'index.html' + hash);
  await page.waitForFunction(() => window.uxcx && window.uxcx.ready, null, { timeout: 30000 });
  await page.evaluate(() => window.uxcx.ready);
}

export const state = (page) => page.evaluate(() => window.uxcx.state());

// Waits until a condition on uxcx.state() holds, and returns that state.
export async function waitForState(page, predicate, timeout = 10000) {
  const until = Date.now() + timeout;
  let s;
  while (Date.now() < until) {
    s = await state(page);
    if (s && predicate(s)) return s;
    await page.waitForTimeout(50);
  }
  throw new Error('state never matched; last: ' + JSON.stringify(s && { ...s, items: s.items && s.items.length }));
}

// Waits until `place(state())` (a widget's rectangle) is drawn and stays where it is over two more
// frames, and returns it. Where a widget is on the frame it first appears is not where it stays: a
// table's columns settle over their first frames, and the import screen's role list moved 131 px to
// the right after its first frame (a click there hit the next column, one run in three).
export async function waitForPlace(page, place, timeout = 10000) {
  const until = Date.now() + timeout;
  let last = null;
  for (;;) {
    const now = place(await state(page));
    if (now && last && now.x === last.x && now.y === last.y && now.w === last.w && now.h === last.h) return now;
    if (Date.now() > until) throw new Error(now ? 'the widget never stopped moving' : 'the widget never appeared');
    last = now;
    await frames(page, 2);
  }
}

// Clicks the centre of a rectangle with the real mouse, as a person does.
export const clickAt = (page, r) => page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);

// Clicks an editing control the app drew (state().controls: "edit-copy", "new-blank", "add",
// "form:...", "field:..."), once it is drawn and still.
export async function clickControl(page, id, timeout = 10000) {
  const c = await waitForPlace(page, (st) => st.controls && st.controls.find((k) => k.id === id), timeout);
  await clickAt(page, c);
  return c;
}

// Clicks the widget labelled `label` (a button, menu or menu item the last frame drew: state().widgets),
// once it is drawn and still; the first one drawn when several share the label. Fails naming the
// labels that are on screen when it never appears.
export async function clickWidget(page, label, timeout = 5000) {
  let w;
  try {
    w = await waitForPlace(page, (st) => st.widgets.find((x) => x.label === label), timeout);
  } catch (e) {
    const labels = (await state(page)).widgets.map((x) => JSON.stringify(x.label));
    throw new Error(`no widget labelled "${label}" stays on screen (${e.message}); it shows ${labels.join(', ')}`);
  }
  await clickAt(page, w);
}

// Waits for n more frames to be drawn.
export const frames = (page, n = 3) => page.evaluate((k) => new Promise((res) => {
  const step = () => (k-- <= 0 ? res() : requestAnimationFrame(step));
  requestAnimationFrame(step);
}), n);

// ---- PNG decoding (8-bit RGB/RGBA, non-interlaced: what Chromium's screenshots are) -----------
export function decodePng(buf) {
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let pos = 8, width = 0, height = 0, colorType = 0, bitDepth = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos), type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4); bitDepth = data[8]; colorType = data[9];
      if (data[12] !== 0) throw new Error('interlaced PNG');
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  if (bitDepth !== 8 || (colorType !== 2 && colorType !== 6)) throw new Error(`PNG type ${colorType}/${bitDepth}`);
  const bpp = colorType === 6 ? 4 : 3, stride = width * bpp;
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const out = Buffer.alloc(width * height * 4);
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)], line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? line[x - bpp] : 0, b = prev[x], c = x >= bpp ? prev[x - bpp] : 0;
      let p = 0;
      if (f === 1) p = a; else if (f === 2) p = b; else if (f === 3) p = (a + b) >> 1;
      else if (f === 4) { const q = a + b - c, pa = Math.abs(q - a), pb = Math.abs(q - b), pc = Math.abs(q - c); p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      line[x] = (line[x] + p) & 255;
    }
    for (let x = 0; x < width; x++) {
      out[(y * width + x) * 4] = line[x * bpp]; out[(y * width + x) * 4 + 1] = line[x * bpp + 1];
      out[(y * width + x) * 4 + 2] = line[x * bpp + 2]; out[(y * width + x) * 4 + 3] = bpp === 4 ? line[x * bpp + 3] : 255;
    }
    prev = line;
  }
  return { width, height, data: out };
}

// How much of an image is not its most common colour, and how many colours it has: a blank
// canvas is one colour; a drawn map has text, cards and colour scales.
export function imageStats(png) {
  const img = decodePng(png);
  const counts = new Map();
  for (let i = 0; i < img.data.length; i += 4) {
    const k = img.data.readUInt32BE(i);
    counts.set(k, (counts.get(k) || 0) + 1);
  }
  const top = Math.max(...counts.values());
  return { width: img.width, height: img.height, colours: counts.size, inked: 1 - top / (img.width * img.height), img };
}

// Fingerprint of a screenshot: a coarse 16x16 grid of mean colours, to tell two views apart.
export function fingerprint(png) {
  const { width, height, data } = decodePng(png);
  const cells = [];
  for (let gy = 0; gy < 16; gy++) for (let gx = 0; gx < 16; gx++) {
    let r = 0, g = 0, b = 0, n = 0;
    for (let y = Math.floor(gy * height / 16); y < Math.floor((gy + 1) * height / 16); y += 2)
      for (let x = Math.floor(gx * width / 16); x < Math.floor((gx + 1) * width / 16); x += 2) {
        const i = (y * width + x) * 4; r += data[i]; g += data[i + 1]; b += data[i + 2]; n++;
      }
    cells.push([r / n, g / n, b / n]);
  }
  return cells;
}

// Mean absolute difference between two fingerprints, 0..255.
export function fingerprintDistance(a, b) {
  let d = 0;
  for (let i = 0; i < a.length; i++) d += Math.abs(a[i][0] - b[i][0]) + Math.abs(a[i][1] - b[i][1]) + Math.abs(a[i][2] - b[i][2]);
  return d / (a.length * 3);
}

export const sampleText = (name) => fs.readFileSync(path.join(ROOT, 'assets/samples', name), 'utf8');

// Opens the app and loads a sample journey (assets/samples/NAME) through uxcx.load, as a file the
// user opened; returns the state once its cards are on screen.
export async function openSample(page, url, name) {
  await openApp(page, url);
  const r = await page.evaluate(([text, n]) => window.uxcx.load(text, n), [sampleText(name), name]);
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  return waitForState(page, (s) => s.touchpoints > 0 && s.items.length > 0);
}

// A test file's browser with a sample journey open: registers the file's before (start, then
// openSample) and after (close) hooks, and returns the environment start() gives, filled in by
// the time the tests run.
export function sampleSession(name, options) {
  const env = {};
  before(async () => {
    Object.assign(env, await start(options));
    await openSample(env.page, env.url, name);
  });
  after(async () => {
    if (env.close) await env.close();
  });
  return env;
}
