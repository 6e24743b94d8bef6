// export.test.mjs: the whole map for slides and print (issue 12 item 3), in Chromium. A generated
// 40-stage journey exported as PNG at A3 300 dpi holds every stage, whole and legible (the app
// reports where it drew each stage header; the PNG is decoded here and each header is checked to
// carry text); the PDF of the same opens in pdftoppm and shows the same map, with the title, date
// and legend as text (pdftotext); the current-view PNG has no menu, toolbar or panel; no single
// key starts a download.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import * as lib from './lib.mjs';

const { start, openApp, waitForState, frames, decodePng, imageStats, ROOT } = lib;
const GEN = process.env.UXCX_GEN || path.join(ROOT, 'build/native/gen');
const SHOTS = process.env.UXCX_SHOTS || '/tmp/uxcx-export';
let env, dir, journey;

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uxcx-export-'));
  const file = path.join(dir, 'g40.json');
  execFileSync(GEN, ['160', file, '--stages', '40', '--seed', '5'], { stdio: 'ignore' });
  journey = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(journey.stages.length, 40);
  env = await start({ viewport: { width: 1280, height: 800 } });
  await openApp(env.page, env.url);
  const r = await env.page.evaluate((text) => window.uxcx.load(text, 'g40.json'), fs.readFileSync(file, 'utf8'));
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  await waitForState(env.page, (s) => s.touchpoints === 160 && s.items.length > 0);
});

after(async () => {
  if (env) await env.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// Runs uxcx.exportMap and waits for the download it starts; returns the result and the file.
async function exportMap(kind, options, name) {
  const download = env.page.waitForEvent('download', { timeout: 120000 });
  const r = await env.page.evaluate(([k, o]) => window.uxcx.exportMap(k, o), [kind, options]);
  assert.equal(r.ok, true, JSON.stringify(r).slice(0, 500));
  const d = await download;
  const file = path.join(SHOTS, name);
  await d.saveAs(file);
  assert.equal(d.suggestedFilename(), r.name);
  const bytes = fs.readFileSync(file);
  assert.equal(bytes.length, r.bytes, 'the download is what the hook reported');
  return { r, bytes, file };
}

const dark = (img, x, y) => {
  const i = (y * img.width + x) * 4;
  return 0.299 * img.data[i] + 0.587 * img.data[i + 1] + 0.114 * img.data[i + 2] < 110;
};
// Dark (text) pixels inside a rectangle of an image.
function inkIn(img, rect) {
  let n = 0;
  for (let y = Math.max(0, Math.floor(rect.y)); y < Math.min(img.height, rect.y + rect.h); y++)
    for (let x = Math.max(0, Math.floor(rect.x)); x < Math.min(img.width, rect.x + rect.w); x++) n += dark(img, x, y);
  return n;
}

test('whole-map PNG at A3 300 dpi: every one of 40 stages, whole and legible, with title, legend and date', async () => {
  const { r, bytes } = await exportMap('png', { size: 'a3', dpi: 300 }, 'g40-a3-300.png');
  assert.equal(r.kind, 'png');
  assert.equal(r.width, 4961);
  assert.equal(r.height, 3508);
  assert.ok(r.bands > 1, 'forty stages in one row would be unreadable: the map is cut into rows of stages');
  // Legible: the map's text at least 6 pt on the printed page (25 px at 300 dpi).
  assert.ok(r.legible && r.textPt >= 6, `text ${r.textPt} pt`);
  assert.equal(r.headers.length, 40);
  journey.stages.forEach((s, i) => {
    const h = r.headers.find((x) => x.id === s.id);
    assert.ok(h, `stage ${s.id} drawn`);
    assert.equal(h.label, `${i + 1}. ${s.name}`, 'the whole title, not shortened');
    assert.ok(h.labelPx >= 6 / 72 * 300, `stage ${s.id}'s title at ${h.labelPx} px`);
  });
  const img = decodePng(bytes);
  assert.equal(img.width, 4961);
  assert.equal(img.height, 3508);
  // Each header holds its title's ink (the first two em of it: "12. Stage 12"), and headers of one
  // row do not overlap.
  for (const h of r.headers) {
    const ink = inkIn(img, { x: h.x, y: h.y, w: Math.min(h.w, h.labelPx * 6), h: h.labelPx * 1.6 });
    assert.ok(ink > h.labelPx * 3, `stage header ${h.id} at ${Math.round(h.x)},${Math.round(h.y)} shows no text (${ink} dark pixels)`);
  }
  // Title at the top left, in ink.
  assert.ok(inkIn(img, { x: 0, y: 0, w: img.width / 3, h: img.height * 0.06 }) > 2000, 'a title on top');
  const st = imageStats(bytes);
  assert.ok(st.colours > 200, `a drawn map has many colours (${st.colours})`);
  fs.writeFileSync(path.join(SHOTS, 'result-a3.json'), JSON.stringify(r, null, 1));
});

test('whole-map PDF (A4, 150 dpi) opens in pdftoppm and shows the PNG\'s map; title, date, legend as text', async () => {
  const png = await exportMap('png', { size: 'a4', dpi: 150 }, 'g40-a4-150.png');
  const pdf = await exportMap('pdf', { size: 'a4', dpi: 150 }, 'g40-a4-150.pdf');
  assert.equal(pdf.bytes.subarray(0, 8).toString('latin1'), '%PDF-1.4');
  assert.ok(pdf.bytes.length > 20000 && pdf.bytes.length < 8e6, `${pdf.bytes.length} bytes`);
  assert.equal(pdf.r.width, 1754);
  // The map is an image; the title above it is text.
  assert.ok(pdf.r.image.y > 0 && pdf.r.image.w > 1000, JSON.stringify(pdf.r.image));
  const out = path.join(SHOTS, 'g40-a4-150-pdftoppm');
  execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', pdf.file, out]);
  const rendered = decodePng(fs.readFileSync(out + '.png'));
  assert.equal(rendered.width, 1754);
  assert.ok(Math.abs(rendered.height - 1240) <= 1, `${rendered.height}`);  // 210 mm at 150 dpi is 1240.2 px: poppler rounds up
  // The same map: pdftoppm's page against the PNG export, pixel by pixel inside the image.
  const a = decodePng(png.bytes), im = pdf.r.image;
  let diff = 0, n = 0;
  for (let y = im.y + 2; y < im.y + im.h - 2; y += 3)
    for (let x = im.x + 2; x < im.x + im.w - 2; x += 3) {
      const i = (y * a.width + x) * 4, j = (y * rendered.width + x) * 4;
      diff += Math.abs(a.data[i] - rendered.data[j]) + Math.abs(a.data[i + 1] - rendered.data[j + 1]) + Math.abs(a.data[i + 2] - rendered.data[j + 2]);
      n += 3;
    }
  assert.ok(diff / n < 4, `the PDF's map differs from the PNG's by ${(diff / n).toFixed(2)} per channel`);
  // Every stage header has its ink in the rendered PDF too.
  for (const h of pdf.r.headers)
    assert.ok(inkIn(rendered, { x: h.x, y: h.y, w: Math.min(h.w, h.labelPx * 6), h: h.labelPx * 1.6 }) > 8, `stage ${h.id} in the PDF`);
  const text = execFileSync('pdftotext', ['-layout', pdf.file, '-']).toString('utf8');
  assert.ok(text.includes(journey.title), 'the title is text');
  assert.ok(text.includes(pdf.r.date) && /^\d{4}-\d\d-\d\d$/.test(pdf.r.date), 'the date is text');
  assert.ok(text.includes('insufficient evidence') && text.includes('100 good'), 'the legend is text');
  assert.ok(!text.includes('12. Stage 12'), 'stage titles are in the image, not text');
});

test('a slide: 1920 x 1080 and 3840 x 2160, the same page at twice the pixels', async () => {
  const hd = await exportMap('png', { size: 'slide', width: 1920 }, 'g40-slide-1920.png');
  const uhd = await exportMap('png', { size: 'slide', width: 3840, theme: 'dark' }, 'g40-slide-3840-dark.png');
  const a = decodePng(hd.bytes), b = decodePng(uhd.bytes);
  assert.deepEqual([a.width, a.height, b.width, b.height], [1920, 1080, 3840, 2160]);
  assert.ok(Math.abs(uhd.r.em / hd.r.em - 2) < 0.02);
  assert.equal(uhd.r.headers.length, 40);
  // Dark theme: the page's corner is dark.
  assert.ok(!dark(a, 4, 4) && dark(b, 4, 4));
});

test('what cannot be exported says why and downloads nothing', async () => {
  let downloads = 0;
  const count = () => downloads++;
  env.page.on('download', count);
  const bad = await env.page.evaluate(() => Promise.all([
    window.uxcx.exportMap('png', { size: 'letter' }),
    window.uxcx.exportMap('gif', {}),
    window.uxcx.exportMap('pdf', { size: 'a3', dpi: 600 }),
    window.uxcx.exportMap('png', { size: 'slide', width: '1920' }),
  ]));
  for (const r of bad) assert.equal(r.ok, false);
  assert.match(bad[0].error, /"slide", "a4" or "a3"/);
  assert.match(bad[1].error, /"png" or "pdf"/);
  assert.match(bad[2].error, /9921 x 7016.*lower resolution/);
  assert.match(bad[3].error, /whole number/);
  await frames(env.page, 5);
  env.page.off('download', count);
  assert.equal(downloads, 0);
});

test('no single key downloads anything; the view PNG has no menu, toolbar or panel', async () => {
  let downloads = 0;
  const count = () => downloads++;
  env.page.on('download', count);
  await env.page.mouse.move(640, 500);
  for (const k of ['e', 'E', 's', 'x'])
    await env.page.keyboard.press(k);
  await env.page.waitForTimeout(1500);
  env.page.off('download', count);
  assert.equal(downloads, 0, 'a key press started a download');
  // The toolbar's PNG button, clicked by its label (state().widgets).
  const screen = decodePng(await env.page.locator('#canvas').screenshot());
  const download = env.page.waitForEvent('download', { timeout: 20000 });
  await lib.clickWidget(env.page, 'PNG');
  const d = await download;
  const file = path.join(SHOTS, 'view-map.png');
  await d.saveAs(file);
  const view = decodePng(fs.readFileSync(file));
  assert.deepEqual([view.width, view.height], [screen.width, screen.height], 'device resolution: the whole canvas');
  // Without the menu bar and toolbar the view starts at the top: the top rows differ from the
  // screen's (which show "File", "View" and the view tabs), and the image is not blank.
  let differ = 0;
  for (let y = 0; y < 50; y++)
    for (let x = 0; x < view.width; x += 2) differ += dark(view, x, y) !== dark(screen, x, y);
  assert.ok(differ > 200, `the top of the export looks like the app's chrome (${differ})`);
  assert.ok(imageStats(fs.readFileSync(file)).colours > 50);
  // The chrome is back on screen afterwards.
  await frames(env.page, 3);
  const s = await waitForState(env.page, (x) => x.widgets.some((w) => w.label === 'File'));
  assert.ok(s);
});

test('File > Export > Whole map PDF... with the mouse: the dialog\'s choices make the download', async () => {
  const download = env.page.waitForEvent('download', { timeout: 120000 });
  await lib.clickWidget(env.page, 'File');
  await lib.clickWidget(env.page, 'Export');
  await lib.clickWidget(env.page, 'Whole map PDF...');
  await lib.clickWidget(env.page, 'A3 landscape');
  await lib.clickWidget(env.page, '150 dpi (screen, handouts)');
  await lib.clickWidget(env.page, 'Export');
  const d = await download;
  assert.match(d.suggestedFilename(), /\.pdf$/);
  const file = path.join(SHOTS, 'menu-a3.pdf');
  await d.saveAs(file);
  const info = execFileSync('pdfinfo', [file]).toString();
  assert.match(info, /Page size:\s+1190\.55 x 841\.89 pts/);
});
