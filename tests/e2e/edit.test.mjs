// edit.test.mjs: editing in real Chromium with the real mouse and keyboard, as a workshop does it:
// rename with F2, add with Insert, move with Alt+Arrow and by dragging, delete, a CSAT from answer
// counts in the details panel, each undone and redone; a reload finds every change (autosave);
// Save (Ctrl+S) writes a file that `uxcx validate` finds clean and that loads back equal. Hosted
// maps open read-only with "Edit a copy"; the first screen starts a new journey.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { start, openApp, state, waitForState, clickControl, waitForPlace, clickAt, frames, sampleText, ROOT } from './lib.mjs';

const UXCX = process.env.UXCX_CLI || path.join(ROOT, 'build/native/uxcx');

let env;
before(async () => { env = await start({ viewport: { width: 1600, height: 1000 } }); });
after(async () => { await env.close(); });

const doc = (page) => page.evaluate(() => JSON.parse(window.uxcx.documentJson()));
const tp = (d, id) => d.touchpoints.find((t) => t.id === id);
const names = (d) => d.touchpoints.map((t) => t.name);

// What the page's recovery store (IndexedDB) holds for the open map: the first recent entry.
const stored = (page) => page.evaluate(() => new Promise((res) => {
  const rq = indexedDB.open('uxcx');
  rq.onsuccess = () => {
    const g = rq.result.transaction('meta').objectStore('meta').get('recent');
    g.onsuccess = () => { res(g.result && g.result[0]); rq.result.close(); };
  };
}));

// Waits until the autosave holds this revision of the open map (it saves within a second of an
// edit; on a loaded machine it may take longer, so the wait allows more and reports the time).
async function autosaved(page) {
  const { revision } = await state(page);
  const t0 = Date.now();
  for (;;) {
    const e = await stored(page);
    if (e && e.revision === revision && e.dirty) return Date.now() - t0;
    if (Date.now() - t0 > 10000) throw new Error(`the autosave never stored revision ${revision}: ${JSON.stringify(e)}`);
    await page.waitForTimeout(50);
  }
}

// Waits until the open journey (as documentJson) satisfies `pred`; returns it.
async function waitDoc(page, pred, what, timeout = 5000) {
  const until = Date.now() + timeout;
  for (;;) {
    const d = await doc(page);
    if (pred(d)) return d;
    if (Date.now() > until) throw new Error(`the journey never showed ${what}`);
    await page.waitForTimeout(50);
  }
}

async function press(page, keys, until, what) {
  await page.keyboard.press(keys);
  try {
    return await waitForState(page, until);
  } catch (e) {
    throw new Error(`after ${keys} (${what}): ${e.message}`);
  }
}

// Clicks a touchpoint's card on the map (selects it) and waits for the selection.
async function clickCard(page, id) {
  await clickAt(page, await waitForPlace(page, (st) => st.items.find((k) => k.id === id)));
  await waitForState(page, (st) => st.selected === id);
}

// Undo, then redo, one step: `undone` and `redone` check the journey after each.
async function undoRedo(page, undone, redone, what) {
  await page.keyboard.press('Control+z');
  await waitForState(page, (st) => st.canRedo).catch(() => { throw new Error(`undo of ${what}: nothing to redo`); });
  assert.ok(undone(await doc(page)), `undo of ${what}`);
  await page.keyboard.press('Control+y');
  await waitForState(page, (st) => !st.canRedo).catch(() => { throw new Error(`redo of ${what}`); });
  assert.ok(redone(await doc(page)), `redo of ${what}`);
}

test('a workshop edits the airline map with mouse and keys; undo and redo each; a reload finds it all; Save validates clean', async () => {
  const { page } = env;
  await openApp(page, env.url);
  await page.evaluate(() => window.uxcx.started);
  const r = await page.evaluate((t) => window.uxcx.load(t, 'airline.json'), sampleText('airline.json'));
  assert.equal(r.ok, true);
  let s = await waitForState(page, (st) => st.items.length > 10 && st.title.startsWith('Airline'));
  assert.equal(s.dirty, false);
  assert.equal(s.canUndo, false);
  assert.equal(s.readOnly, false);

  // F2: rename in place; Escape cancels, Enter keeps.
  await clickCard(page, 'wifi');
  await press(page, 'F2', (st) => st.renaming === 'wifi', 'F2');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Nope');
  await press(page, 'Escape', (st) => st.renaming === null, 'Escape');
  assert.equal(tp(await doc(page), 'wifi').name, 'In-flight Wi-Fi');
  assert.equal((await state(page)).dirty, false);
  await press(page, 'F2', (st) => st.renaming === 'wifi', 'F2');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Wi-Fi on board');
  await press(page, 'Enter', (st) => st.renaming === null && st.dirty, 'Enter');
  assert.equal(tp(await doc(page), 'wifi').name, 'Wi-Fi on board');
  await undoRedo(page, (d) => tp(d, 'wifi').name === 'In-flight Wi-Fi', (d) => tp(d, 'wifi').name === 'Wi-Fi on board', 'rename');

  // Insert: a new touchpoint in Wi-Fi's cell, selected and in rename.
  const before = (await state(page)).touchpoints;
  s = await press(page, 'Insert', (st) => st.touchpoints === before + 1 && st.renaming !== null, 'Insert');
  const added = s.renaming;
  assert.equal(s.selected, added);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Lounge access');
  await press(page, 'Enter', (st) => st.renaming === null, 'Enter after Insert');
  let d = await doc(page);
  assert.equal(tp(d, added).name, 'Lounge access');
  assert.equal(tp(d, added).stage, 'service');
  assert.equal(tp(d, added).channel, 'onboard-digital');
  // Two steps: undo the rename, then the insert; redo both.
  await page.keyboard.press('Control+z');
  await waitDoc(page, (x) => tp(x, added) && tp(x, added).name === 'New touchpoint', 'the rename of the added one undone');
  await page.keyboard.press('Control+z');
  await waitDoc(page, (x) => !tp(x, added), 'the insert undone');
  await page.keyboard.press('Control+Shift+z');
  await waitDoc(page, (x) => tp(x, added) && tp(x, added).name === 'New touchpoint', 'the insert redone (Ctrl+Shift+Z)');
  await page.keyboard.press('Control+y');
  await waitDoc(page, (x) => tp(x, added) && tp(x, added).name === 'Lounge access', 'the rename redone (Ctrl+Y)');
  await waitForState(page, (st) => !st.canRedo);

  // Alt+Arrow: Entertainment to the next stage (arrival), then back up a channel is refused
  // (web-app is above; fine) -- each a step.
  await clickCard(page, 'entertainment');
  await page.keyboard.press('Alt+ArrowRight');
  d = await waitDoc(page, (x) => tp(x, 'entertainment').stage === 'arrival', 'Alt+Right moving Entertainment to arrival');
  assert.equal((await state(page)).selected, 'entertainment', 'the selection follows its card');
  assert.equal(new URL(page.url()).pathname.endsWith('index.html'), true, 'Alt+Left/Right never navigates the page');
  await undoRedo(page, (x) => tp(x, 'entertainment').stage === 'service', (x) => tp(x, 'entertainment').stage === 'arrival', 'Alt+Right');
  await page.keyboard.press('Alt+ArrowUp');
  await waitDoc(page, (x) => tp(x, 'entertainment').channel === 'web-app', 'Alt+Up moving Entertainment to web-app');
  await undoRedo(page, (x) => tp(x, 'entertainment').channel === 'onboard-digital', (x) => tp(x, 'entertainment').channel === 'web-app', 'Alt+Up');

  // Drag: Online boarding's card onto the booking stage's web-app cell (where Online booking is).
  s = await state(page);
  const from = s.items.find((it) => it.id === 'online-boarding');
  const onto = s.items.find((it) => it.id === 'online-booking');
  await page.mouse.move(from.x + from.w / 2, from.y + from.h / 2);
  await page.mouse.down();
  const tx = onto.x + onto.w / 2, ty = onto.y + onto.h + 4;
  for (let i = 1; i <= 10; i++)
    await page.mouse.move(from.x + from.w / 2 + (tx - from.x - from.w / 2) * i / 10, from.y + from.h / 2 + (ty - from.y - from.h / 2) * i / 10);
  await page.mouse.up();
  d = await waitDoc(page, (x) => tp(x, 'online-boarding').stage === 'booking', 'the dragged card in the booking stage');
  assert.equal(tp(d, 'online-boarding').channel, 'web-app');
  assert.equal((await state(page)).map.fit, true, 'dragging a card does not pan the map');
  await undoRedo(page, (x) => tp(x, 'online-boarding').stage === 'check-in', (x) => tp(x, 'online-boarding').stage === 'booking', 'drag');

  // Delete (the added one: the sample's own touchpoints carry key-driver results, which a removal
  // leaves behind as a warning; see docs/editing.md).
  await clickCard(page, added);
  await press(page, 'Delete', (st) => st.selected !== added && st.touchpoints === before, 'Delete');
  assert.equal(tp(await doc(page), added), undefined);
  await undoRedo(page, (x) => !!tp(x, added), (x) => !tp(x, added), 'delete');

  // A CSAT from answer counts in the details panel; a typo is said and not applied.
  await clickCard(page, 'seat');
  const key = 'tp:seat/s0/csat';
  await clickControl(page, `form:${key}`);
  await clickControl(page, `form:${key}=answers 1-5`);
  // Each count is applied as it is typed. A typo is refused next to the field and changes nothing:
  // after "2" is seen applied, the last field gets "x" (a parser that stops at the first letter would
  // make it 0), then "20". (Typed as one "2x", the two letters can reach a slow frame together, and
  // no "2" was ever applied: 3 runs in 20 under load failed on that, not on the app.)
  const counts = ['2', '3', '5', '20', '2'];
  for (let i = 0; i < 5; i++) {
    await clickControl(page, `field:${key}#${i}`);
    await page.keyboard.press('Control+a');
    await page.keyboard.type(counts[i]);
  }
  await waitDoc(page, (x) => String(tp(x, 'seat').cx.csat.counts) === '2,3,5,20,2', 'the counts typed so far');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('x');
  await frames(page, 12);  // the app draws while it holds input: these frames have handled the keys
  assert.deepEqual(tp(await doc(page), 'seat').cx.csat.counts, [2, 3, 5, 20, 2], 'the typo was not applied');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('20');
  await page.keyboard.press('Enter');
  await waitDoc(page, (x) => String(tp(x, 'seat').cx.csat.counts) === '2,3,5,20,20', 'the CSAT counts 2,3,5,20,20');
  // The text field had the keyboard: click the map's empty header area so keys go to the app again.
  const hdr = (await state(page)).headers[0];
  await page.mouse.click(hdr.x + hdr.w / 2, hdr.y + 4);
  await undoRedo(page, (x) => x.touchpoints.find((t) => t.id === 'seat').cx.csat.counts[4] !== 20,
    (x) => tp(x, 'seat').cx.csat.counts.join() === '2,3,5,20,20', 'CSAT counts');

  const edited = await page.evaluate(() => window.uxcx.documentJson());
  // Autosave: the edits are in IndexedDB (within a second); a reload restores them, still unsaved.
  console.log(`# autosaved ${await autosaved(page)} ms after the last edit was seen`);
  await page.reload();
  await page.evaluate(() => window.uxcx.ready);
  await page.evaluate(() => window.uxcx.started);
  s = await waitForState(page, (st) => st.title && st.title.startsWith('Airline') && st.items.length > 0);
  assert.equal(await page.evaluate(() => window.uxcx.documentJson()), edited, 'a reload finds every change');
  assert.equal(s.dirty, true, 'still not saved anywhere');

  // Save (Ctrl+S): no handle here (the map came through the hook): a download, the same text
  // uxcx.save() returns; then clean.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  const saved = fs.readFileSync(await dl.path(), 'utf8');
  await waitForState(page, (st) => !st.dirty);
  assert.equal(saved, edited);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'uxcx-edit-'));
  const file = path.join(tmp, 'airline-edited.json');
  fs.writeFileSync(file, saved);
  const out = execFileSync(UXCX, ['validate', file], { encoding: 'utf8' });
  assert.equal(out.trim(), '', 'uxcx validate finds nothing to say');
  fs.rmSync(tmp, { recursive: true });
  const back = await page.evaluate((t) => window.uxcx.load(t, 'again.json'), saved);
  assert.equal(back.ok, true);
  assert.equal(await page.evaluate(() => window.uxcx.documentJson()), saved, 'the saved file loads back equal');
  assert.deepEqual(env.problems, []);
});

test('a hosted #map= link opens read-only with one "Edit a copy"; the copy lives in the browser and survives a reload', async () => {
  const { page } = env;
  await page.goto('about:blank');
  await openApp(page, env.url, '#map=assets/samples/livechat.json');
  let s = await waitForState(page, (st) => st.title && st.title.startsWith('Live-chat') && st.items.length > 0);
  assert.equal(s.readOnly, true);
  const n = s.touchpoints;
  await page.keyboard.press('Delete');
  s = await waitForState(page, (st) => st.editMessage !== null);
  assert.match(s.editMessage, /read-only/);
  assert.equal(s.touchpoints, n);
  await clickControl(page, 'edit-copy');
  s = await waitForState(page, (st) => !st.readOnly);
  assert.equal(s.copy, true);
  assert.equal(s.dirty, true);
  assert.equal(s.sourceUrl, '');
  assert.equal(page.url().includes('#map='), false, 'the address no longer names the hosted map');
  await page.keyboard.press('Delete');
  await waitForState(page, (st) => st.touchpoints === n - 1);
  await autosaved(page);
  await page.reload();
  await page.evaluate(() => window.uxcx.started);
  s = await waitForState(page, (st) => st.title && st.title.startsWith('Live-chat') && st.items.length > 0);
  assert.equal(s.touchpoints, n - 1);
  assert.equal(s.readOnly, false);
  assert.equal(s.dirty, true);
  assert.deepEqual(env.problems, []);
});

test('the first screen: New journey opens a blank map; "+" in a cell adds a touchpoint there', async () => {
  // A first visit: a browser profile of its own, with nothing stored. Clearing the shared profile's
  // storage instead raced the last writes of the page before (the edited map it saves as it
  // leaves reached storage after the clear, and the app restored it: once in this stop's three CI
  // runs).
  const first = await start({ viewport: { width: 1600, height: 1000 } });
  const { page } = first;
  try {
    await openApp(page, first.url);
    await page.evaluate(() => window.uxcx.started);
    let s = await waitForState(page, (st) => st.controls.some((c) => c.id === 'new-blank') && st.controls.some((c) => c.id.startsWith('sample:')));
    assert.equal(s.title, null);
    assert.ok(s.controls.some((c) => c.id.startsWith('sample:')), 'the sample gallery');
    assert.ok(s.controls.some((c) => c.id.startsWith('template:')), 'each sample as a template');
    await clickControl(page, 'new-blank');
    s = await waitForState(page, (st) => st.title === 'Untitled journey' && st.headers.length === 3);
    assert.equal(s.touchpoints, 0);
    assert.equal(s.stages, 3);
    // Hover the middle of the map's first cell: a "+" appears; click it.
    const h = s.headers[0];
    await page.mouse.move(h.x + h.w / 2, h.y + h.h + 40);
    const plus = await clickControl(page, 'add');
    s = await waitForState(page, (st) => st.touchpoints === 1 && st.renaming !== null);
    await page.keyboard.type('Sees an ad');
    await page.keyboard.press('Enter');
    await waitForState(page, (st) => st.renaming === null);
    const d = await doc(page);
    assert.equal(d.touchpoints[0].name, 'Sees an ad');
    assert.equal(d.touchpoints[0].stage, 'stage-1');
    assert.ok(plus.w > 0);
    assert.deepEqual(first.problems, []);
  } finally {
    await first.close();
  }
});
