// scripts.test.mjs: journeys in Japanese, Chinese, Korean, Arabic, Hebrew, Hindi and with emoji in
// Chromium: the page fetches the fallback fonts those names need (and only those), after which
// every view draws every character with a glyph of its own (state().missingGlyphs 0); the same
// names rendered by the browser itself in an HTML page are saved beside the app's screenshot
// for comparison. A Latin-only journey fetches no font: the bytes it downloads are measured.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, openApp, waitForState, frames, imageStats, decodePng, sampleText, WEB } from './lib.mjs';

const SHOTS = process.env.UXCX_SHOTS || '/tmp/uxcx-scripts';
const VIEWS = ['map', 'quadrant', 'heatmap', 'ranking', 'drivers', 'compare'];

// One name per script, each a plausible touchpoint name; the stage names too.
const NAMES = [
  ['ja', 'お問い合わせフォーム'],
  ['zh', '购物车结算'],
  ['ko', '장바구니 결제'],
  ['ar', 'سلة التسوق'],
  ['he', 'עגלת קניות'],
  ['hi', 'खरीदारी सूची'],
  ['emoji', '🛒 Checkout 🎉'],
];
const STAGES = [['s1', '認知 · 发现'], ['s2', '구매'], ['s3', 'الدعم · תמיכה · सहायता']];

function scriptsJourney() {
  const touchpoints = NAMES.map(([id, name], i) => ({
    id, name, stage: STAGES[i % 3][0], channel: i % 2 ? 'app' : 'web',
    ux: { sus: 40 + i * 7, n: 30 }, cx: { csat: 50 + i * 5, n: 60 },
    measurements: { later: { ux: { sus: 45 + i * 6, n: 30 }, cx: { csat: 55 + i * 4, n: 60 } } },
  }));
  return JSON.stringify({
    title: 'Journeys in every script 🌏',
    stages: STAGES.map(([id, name]) => ({ id, name })),
    channels: [{ id: 'web', name: 'ウェブ' }, { id: 'app', name: 'تطبيق' }],
    sets: [{ id: 'now', name: 'Now' }, { id: 'later', name: '다음' }],
    touchpoints,
  });
}

let env;
// { path, bytes, read } of every response the page received. Listed the moment it arrives; its
// size once the body is read (`read`). Listing it only after the body was read missed cjk.ttf (the
// largest font) in one loaded run: the app had the font while the test was still reading it.
const requests = [];
const sizes = () => Promise.all(requests.map((q) => q.read));

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  env = await start({ viewport: { width: 1400, height: 860 } });
  env.page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.origin !== new URL(env.url).origin) return;
    const q = { path: u.pathname, bytes: 0 };
    q.read = r.body().then((b) => { q.bytes = b.length; }, () => { /* redirects, aborted: no body */ });
    requests.push(q);
  });
});

after(async () => {
  if (env) await env.close();
});

async function show(view) {
  assert.equal(await env.page.evaluate((v) => window.uxcx.view(v), view), true);
  await frames(env.page, 3);
  return waitForState(env.page, (s) => s.view === view);
}

const fontRequests = () => requests.filter((r) => r.path.includes('/fonts/'));

test('a Latin-only journey downloads no font: only the app itself', async () => {
  await openApp(env.page, env.url);
  const r = await env.page.evaluate((text) => window.uxcx.load(text, 'livechat.json'), sampleText('livechat.json'));
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  for (const v of VIEWS) {
    await show(v);
    const s = await env.page.evaluate(() => window.uxcx.state());
    assert.equal(s.missingGlyphs, 0, `${v}: every character of a Latin journey has its glyph`);
  }
  await frames(env.page, 5);
  assert.deepEqual(fontRequests(), [], 'no fallback font is fetched for a Latin journey');
  assert.deepEqual((await env.page.evaluate(() => window.uxcx.state())).fonts, []);
  // What the page downloaded: the shell files of the build (no more), with their sizes.
  const shell = new Set(['/', '/index.html', '/limits.js', '/uxcx.js', '/uxcx.css', '/app.js', '/app.wasm', '/icon.svg', '/sw.js',
    '/loader-worker.js', '/loader_worker.js', '/loader_worker.wasm', '/assets/samples/index.json']);
  const extra = requests.filter((q) => !shell.has(q.path) && !q.path.startsWith('/assets/samples/')).map((q) => q.path);
  assert.deepEqual(extra, [], 'nothing beyond the app shell and the samples');
  await sizes();
  const total = requests.reduce((a, q) => a + q.bytes, 0);
  const wasm = fs.statSync(path.join(WEB, 'app.wasm')).size;
  assert.ok(total >= wasm, 'the wasm was downloaded');
  console.log(`Latin-only journey: ${requests.length} responses, ${total.toLocaleString('en')} bytes ` +
    `(app.wasm ${wasm.toLocaleString('en')}); fonts fetched: 0`);
});

test('names in seven scripts: their fonts are fetched once, then every view draws every character', async () => {
  const before = requests.length;
  const r = await env.page.evaluate((text) => window.uxcx.load(text, 'scripts.json'), scriptsJourney());
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  const s = await waitForState(env.page, (st) => st.fonts.length === 5, 30000);
  assert.deepEqual([...s.fonts].sort(), ['arabic.ttf', 'cjk.ttf', 'devanagari.ttf', 'hangul.ttf', 'hebrew.ttf']);
  const fetched = requests.slice(before).filter((q) => q.path.includes('/fonts/'));
  await sizes();
  assert.deepEqual(fetched.map((q) => q.path).sort(),
    ['/fonts/arabic.ttf', '/fonts/cjk.ttf', '/fonts/devanagari.ttf', '/fonts/hangul.ttf', '/fonts/hebrew.ttf']);
  console.log('fonts fetched: ' + fetched.map((q) => `${path.basename(q.path)} ${q.bytes.toLocaleString('en')} B`).join(', '));
  for (const v of VIEWS) {
    await show(v);
    await frames(env.page, 3);
    const st = await env.page.evaluate(() => window.uxcx.state());
    assert.equal(st.missingGlyphs, 0, `${v}: no character drawn as the fallback mark`);
    fs.writeFileSync(`${SHOTS}/app-${v}.png`, await env.page.locator('#canvas').screenshot());
  }
  // The details panel: each touchpoint selected in turn shows its name whole.
  await show('map');
  for (const [id] of NAMES) {
    assert.equal(await env.page.evaluate((t) => window.uxcx.select(t), id), true);
    await frames(env.page, 3);
    const st = await env.page.evaluate(() => window.uxcx.state());
    assert.equal(st.panel, true);
    assert.equal(st.missingGlyphs, 0, `details of ${id}`);
  }
  fs.writeFileSync(`${SHOTS}/app-details.png`, await env.page.locator('#canvas').screenshot());
  // Reopening the journey fetches nothing again.
  const n = fontRequests().length;
  await env.page.evaluate((text) => window.uxcx.load(text, 'scripts.json'), scriptsJourney());
  await frames(env.page, 5);
  assert.equal(fontRequests().length, n);
});

test('the app draws each name with ink where the browser draws it (screenshots saved side by side)', async () => {
  await show('ranking');
  const st = await waitForState(env.page, (s) => s.view === 'ranking' && s.items.length === NAMES.length);
  const app = decodePng(await env.page.screenshot());
  fs.writeFileSync(`${SHOTS}/app-ranking-page.png`, await env.page.screenshot());
  // Each row holds ink (not a blank row: glyphs were drawn).
  for (const it of st.items) {
    let dark = 0;
    for (let y = Math.floor(it.y); y < Math.min(app.height, Math.ceil(it.y + it.h)); y++)
      for (let x = Math.floor(it.x); x < Math.min(app.width, Math.ceil(it.x + it.w)); x++) {
        const i = (y * app.width + x) * 4;
        if (app.data[i] + app.data[i + 1] + app.data[i + 2] < 300) dark++;
      }
    assert.ok(dark > 20, `row ${it.id} has ink`);
  }
  // The browser's own rendering of the same names with the same fonts (FontFace from fonts/*),
  // so the comparison needs no system font.
  const html = `<!doctype html><meta charset="utf-8"><style>
    @font-face { font-family: UxcxFallback; src: url(${env.url}fonts/cjk.ttf); unicode-range: U+2E80-9FFF, U+F900-FAFF, U+FF00-FFEF; }
    @font-face { font-family: UxcxFallback; src: url(${env.url}fonts/hangul.ttf); unicode-range: U+1100-11FF, U+3130-318F, U+AC00-D7AF; }
    @font-face { font-family: UxcxFallback; src: url(${env.url}fonts/arabic.ttf); unicode-range: U+0600-06FF, U+0750-077F, U+08A0-08FF, U+FB50-FDFF, U+FE70-FEFF; }
    @font-face { font-family: UxcxFallback; src: url(${env.url}fonts/hebrew.ttf); unicode-range: U+0590-05FF, U+FB1D-FB4F; }
    @font-face { font-family: UxcxFallback; src: url(${env.url}fonts/devanagari.ttf); unicode-range: U+0900-097F, U+A8E0-A8FF; }
    body { font: 16px UxcxFallback, sans-serif; margin: 20px; background: #fff; color: #222; }
    div { height: 28px; }
  </style>${NAMES.map(([id, name]) => `<div id="${id}">${name}</div>`).join('')}`;
  const page2 = await env.context.newPage();
  await page2.setViewportSize({ width: 400, height: 260 });
  await page2.setContent(html);
  await page2.evaluate(() => document.fonts.ready);
  await page2.waitForTimeout(300);
  const ref = await page2.screenshot();
  fs.writeFileSync(`${SHOTS}/browser-names.png`, ref);
  assert.ok(imageStats(ref).inked > 0.01, 'the browser drew the names');
  await page2.close();
  console.log(`screenshots: ${SHOTS}/app-*.png and ${SHOTS}/browser-names.png`);
});

test('Devanagari conjuncts and emoji sequences are drawn whole: one glyph each, shaped by the browser', async () => {
  const family = '👨‍👩‍👧';
  const names = [['conj', 'प्रश्न और क्षमा'], ['family', `${family} Family`], ['marks', '🇯🇵 1️⃣ 👍🏽 ❤️'], ['he', `שלום ${family}`]];
  const journey = {
    title: 'Clusters', stages: [{ id: 's', name: 'स्थिति' }], channels: [{ id: 'web', name: 'Web' }],
    touchpoints: names.map(([id, name], i) => ({ id, name, stage: 's', channel: 'web', ux: { sus: 50 + i * 9, n: 30 }, cx: { csat: 60, n: 40 } })),
  };
  const r = await env.page.evaluate((text) => window.uxcx.load(text, 'clusters.json'), JSON.stringify(journey));
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  await show('map');
  const st = await waitForState(env.page, (s) => s.fonts.includes('devanagari.ttf') && s.items.length === names.length);
  // A card's label as drawn, each cluster code replaced by the text it stands for, in brackets.
  const drawn = (id) => {
    const label = st.items.find((it) => it.id === id).label;
    return [...label].map((ch) => {
      const k = ch.codePointAt(0) - 0xF0000;
      return k >= 0 && k < 0xFFFE ? `[${st.clusters[k]}]` : ch;
    }).join('');
  };
  assert.equal(drawn('conj'), '[प्र][श्न] और [क्ष]मा', 'each conjunct is one glyph; no virama is drawn between letters');
  assert.equal(drawn('family'), `[${family}] Family`, 'the family is one emoji, not three');
  assert.equal(drawn('marks'), '[🇯🇵] [1️⃣] [👍🏽] [❤️]', 'flag, keycap, skin tone and the red heart are one glyph each');
  assert.equal(drawn('he'), `[${family}] םולש`, 'in right-to-left text the sequence moves as one character');
  assert.ok(st.headers.some((h) => [...h.label].some((ch) => st.clusters[ch.codePointAt(0) - 0xF0000] === 'स्थि')),
    'the stage header forms its conjunct too');
  for (const v of VIEWS) {
    const s = await show(v);
    assert.equal(s.missingGlyphs, 0, `${v}: no character drawn as the fallback mark`);
  }
  await show('ranking');
  await frames(env.page, 3);
  fs.writeFileSync(`${SHOTS}/app-clusters.png`, await env.page.screenshot());
  // The browser's own rendering of the same names, for the comparison described in the closing note.
  const page2 = await env.context.newPage();
  await page2.setViewportSize({ width: 360, height: 160 });
  await page2.setContent(`<!doctype html><meta charset="utf-8"><style>
    @font-face { font-family: F; src: url(${env.url}fonts/devanagari.ttf); unicode-range: U+0900-097F; }
    @font-face { font-family: F; src: url(${env.url}fonts/hebrew.ttf); unicode-range: U+0590-05FF; }
    body { font: 16px F, "Noto Color Emoji", sans-serif; margin: 12px; } div { height: 28px; }
  </style>${names.map(([, n]) => `<div dir="auto">${n}</div>`).join('')}`);
  await page2.evaluate(() => document.fonts.ready);
  fs.writeFileSync(`${SHOTS}/browser-clusters.png`, await page2.screenshot());
  await page2.close();
});
