// purpose.test.mjs: every open says what it is for (open, compare, restore) from the request to
// the result. With the real mouse and keyboard in Chromium: File > Compare with..., then the
// picker is cancelled (or closed with no file); the next ordinary open is an open, Recent holds
// each map under its own title, and a reload brings back the right map.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, openApp, waitForState, frames, clickWidget, ROOT } from './lib.mjs';

const LIVECHAT = 'Live-chat software: easy sign-up, slow support';
const COFFEE = 'Coffee order';
const COFFEE_MMD = `journey
  title Coffee order
  section Order
    Find the app: 4: Ana
    Pay: 2: Ana
  section Collect
    Pick up: 5: Ana
`;
const LAPTOP = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/samples/laptop.json'), 'utf8')).title;

let env, tmp;
before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'uxcx-purpose-'));
  fs.writeFileSync(path.join(tmp, 'coffee.mmd'), COFFEE_MMD);
  env = await start();
});
after(async () => {
  if (env) await env.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

// Clicks File > Compare with... with the mouse, as a person does.
async function clickCompareWith(page) {
  await clickWidget(page, 'File');
  await clickWidget(page, 'Compare with...');
  await frames(page, 3);
}

const recentTitles = (page) => page.evaluate(() => window.uxcx.recent().map((r) => r.title));

test('Compare with..., cancel, open another map, reload: the right map and the right Recent entries', { timeout: 120000 }, async () => {
  // Page 1 has no picker interception: headless Chromium answers a picker by cancelling it, as a
  // person pressing Escape does (the file input's `cancel` event).
  const first = env.page;
  await openApp(first, env.url);
  await first.evaluate(() => window.uxcx.started);
  await first.mouse.move(640, 400);

  // 1. A map opened from a file: it is the map, and the front of Recent.
  await first.setInputFiles('#file-input', path.join(ROOT, 'assets/samples/livechat.json'));
  await waitForState(first, (s) => s.title === LIVECHAT && s.items.length > 0);
  assert.deepEqual(await recentTitles(first), [LIVECHAT]);

  // 2. File > Compare with..., and the picker is cancelled.
  await first.evaluate(() => {
    window.pickerAnswers = [];
    const input = document.getElementById('file-input');
    for (const type of ['cancel', 'change']) input.addEventListener(type, () => window.pickerAnswers.push(type));
  });
  await clickCompareWith(first);
  await first.waitForFunction(() => window.pickerAnswers.includes('cancel'), null, { timeout: 10000 })
    .catch(() => assert.fail("File > Compare with... asked for no file: no picker was cancelled"));

  // 3. Then another map: it opens as the map, not as the other side of a comparison, and Recent
  // holds each map under its own title.
  await first.setInputFiles('#file-input', path.join(tmp, 'coffee.mmd'));
  let s = await waitForState(first, (st) => st.title === COFFEE);
  assert.notEqual(s.view, 'compare');
  assert.equal(s.touchpoints, 3);
  assert.deepEqual(await recentTitles(first), [COFFEE, LIVECHAT]);
  await first.waitForTimeout(1000);  // the page saves 300 ms after a change
  await first.goto('about:blank');   // page 1 lets go of IndexedDB before page 2 reads it

  // Page 2 answers pickers itself (Playwright's file chooser), from a queue the steps fill; the
  // listener is there before the page loads, so every picker of this page is intercepted.
  const second = await env.context.newPage();
  const problems = [];
  second.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  second.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  const answers = [];
  let pickers = 0;
  second.on('filechooser', (chooser) => { pickers++; chooser.setFiles(answers.shift() ?? []); });

  // 4. A reload: the coffee map comes back, with the same Recent.
  await openApp(second, env.url);
  await second.evaluate(() => window.uxcx.started);
  s = await waitForState(second, (st) => st.title === COFFEE && st.items.length > 0);
  assert.equal(s.touchpoints, 3);
  assert.deepEqual(await recentTitles(second), [COFFEE, LIVECHAT]);
  await second.mouse.move(640, 400);

  // 5. Compare with..., closed with no file (a change event with no file): the next open, with
  // Ctrl+O, is an open.
  answers.push([]);
  await clickCompareWith(second);
  await waitUntil(() => pickers === 1, 'the Compare with... picker');
  answers.push(path.join(ROOT, 'assets/samples/livechat.json'));
  await second.keyboard.press('Control+o');
  s = await waitForState(second, (st) => st.title === LIVECHAT);
  assert.equal(pickers, 2);
  assert.notEqual(s.view, 'compare');
  assert.deepEqual(await recentTitles(second), [LIVECHAT, COFFEE]);

  // 6. A comparison carried out: the file is the other side; the map and Recent stay.
  answers.push(path.join(ROOT, 'assets/samples/laptop.json'));
  await clickCompareWith(second);
  s = await waitForState(second, (st) => st.view === 'compare');
  assert.equal(pickers, 3);
  assert.equal(s.title, LIVECHAT);
  assert.deepEqual(await recentTitles(second), [LIVECHAT, COFFEE], `the compared "${LAPTOP}" stays out of Recent`);

  // 7. Reload: the map, not the compared file.
  await second.waitForTimeout(1000);
  await openApp(second, env.url);
  await second.evaluate(() => window.uxcx.started);
  s = await waitForState(second, (st) => st.title === LIVECHAT && st.items.length > 0);
  assert.deepEqual(await recentTitles(second), [LIVECHAT, COFFEE]);
  await second.close();
  assert.deepEqual([...env.problems, ...problems], []);
});

// Polls a condition in the test process (frames keep coming meanwhile).
async function waitUntil(predicate, what, timeout = 10000) {
  const until = Date.now() + timeout;
  while (!predicate()) {
    if (Date.now() > until) assert.fail(`timed out waiting for ${what}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}
