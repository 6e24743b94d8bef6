// foundation.test.mjs: the app starts in Chromium, draws, is crisp at any devicePixelRatio, follows
// resizes, loads journeys (hook, file picker, #map=), and refuses a broken file visibly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { start, openApp, state, waitForState, frames, imageStats, sampleText, ROOT } from './lib.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

test('the page draws a real frame, not a blank canvas, and logs no error', async () => {
  await openApp(env.page, env.url);
  await frames(env.page, 3);
  const shot = imageStats(await env.page.screenshot());
  assert.ok(shot.colours > 20, `only ${shot.colours} colours: the canvas looks blank`);
  assert.ok(shot.inked > 0.005, `only ${(shot.inked * 100).toFixed(2)}% of the page differs from the background`);
  assert.deepEqual(env.problems, []);
});

test('uxcx.load of a valid journey shows its touchpoints', async () => {
  await openApp(env.page, env.url);
  const before = imageStats(await env.page.screenshot());
  const r = await env.page.evaluate((t) => window.uxcx.load(t, 'livechat.json'), sampleText('livechat.json'));
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  const s = await waitForState(env.page, (st) => st.items.length > 0);
  assert.equal(s.title, 'Live-chat software: easy sign-up, slow support');
  assert.equal(s.touchpoints, 6);
  assert.equal(s.stages, 5);
  assert.equal(s.error, null);
  // Every visible item lies on the page.
  for (const it of s.items) {
    assert.ok(it.w > 0 && it.h > 0 && it.x >= 0 && it.y >= 0 && it.x < 1280 && it.y < 800, JSON.stringify(it));
  }
  const afterShot = imageStats(await env.page.screenshot());
  assert.ok(afterShot.colours > before.colours, 'the map adds colours to the empty page');
  assert.deepEqual(env.problems, []);
});

test('a truncated file is refused with a visible error that says where, and the open map stays', async () => {
  await openApp(env.page, env.url);
  await env.page.evaluate((t) => window.uxcx.load(t, 'livechat.json'), sampleText('livechat.json'));
  const text = sampleText('livechat.json');
  const truncated = text.slice(0, Math.floor(text.length / 2));
  const r = await env.page.evaluate((t) => window.uxcx.load(t, 'truncated.json'), truncated);
  assert.equal(r.ok, false);
  assert.ok(r.errors.length >= 1);
  assert.ok(r.errors[0].line > 1 && r.errors[0].column >= 1, JSON.stringify(r.errors[0]));
  assert.equal(typeof r.errors[0].message, 'string');
  const s = await waitForState(env.page, (st) => st.error !== null);
  assert.match(s.error, /truncated\.json/);
  assert.equal(s.title, 'Live-chat software: easy sign-up, slow support', 'the previous map stays open');
  assert.equal(s.touchpoints, 6);
});

test('#map=assets/samples/livechat.json opens the bundled sample at start', async () => {
  await openApp(env.page, env.url, '#map=assets/samples/livechat.json');
  const s = await waitForState(env.page, (st) => st.touchpoints === 6 && st.items.length > 0);
  assert.equal(s.title, 'Live-chat software: easy sign-up, slow support');
  assert.deepEqual(env.problems, []);
});

test('File > Open: a file chosen in the picker is loaded', async () => {
  await openApp(env.page, env.url);
  await env.page.setInputFiles('#file-input', path.join(ROOT, 'assets/samples/livechat.json'));
  const s = await waitForState(env.page, (st) => st.touchpoints === 6);
  assert.equal(s.title, 'Live-chat software: easy sign-up, slow support');
});

test('crisp at devicePixelRatio 2 and follows window resizes', async () => {
  const hi = await start({ deviceScaleFactor: 2, viewport: { width: 900, height: 600 } });
  try {
    await openApp(hi.page, hi.url);
    await frames(hi.page, 2);
    const size = () => hi.page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight };
    });
    let s = await size();
    assert.equal(s.cssW, 900);
    assert.equal(s.w, 1800, 'the backing store is CSS size x devicePixelRatio');
    assert.equal(s.h, 1200);
    await hi.page.setViewportSize({ width: 700, height: 500 });
    await frames(hi.page, 3);
    s = await size();
    assert.equal(s.w, 1400);
    assert.equal(s.h, 1000);
    // Items come back in CSS pixels, so a test (or a script) can click them directly.
    await hi.page.evaluate((t) => window.uxcx.load(t, 'livechat.json'), sampleText('livechat.json'));
    const st = await waitForState(hi.page, (x) => x.items.length > 0);
    for (const it of st.items) assert.ok(it.x + it.w <= 700 + 1 && it.y < 500, JSON.stringify(it));
    assert.deepEqual(hi.problems, []);
  } finally {
    await hi.close();
  }
});

test('ctrl+wheel (and a trackpad pinch) zooms the map, not the page, without console errors', async () => {
  await openApp(env.page, env.url, '#map=assets/samples/livechat.json');
  const before = await waitForState(env.page, (st) => st.items.length > 0);
  const card = before.items[0];
  const width = (s) => s.items.find((it) => it.id === card.id)?.w ?? 0;
  await env.page.mouse.move(card.x + card.w / 2, card.y + card.h / 2);
  await env.page.keyboard.down('Control');
  await env.page.mouse.wheel(0, -300);
  await env.page.keyboard.up('Control');
  const after = await waitForState(env.page, (st) => width(st) > card.w * 1.2);
  assert.ok(width(after) > card.w * 1.2, `card ${card.id} grew from ${card.w} to ${width(after)} px`);
  assert.equal(await env.page.evaluate(() => window.visualViewport.scale), 1, 'the page itself did not zoom');
  assert.deepEqual(env.problems, []);
});

test('the theme follows prefers-color-scheme, also when the system switches', async () => {
  const fresh = await start();  // a fresh profile: no theme chosen yet
  try {
    await fresh.page.emulateMedia({ colorScheme: 'dark' });
    await openApp(fresh.page, fresh.url);
    assert.equal((await state(fresh.page)).dark, true);
    await fresh.page.emulateMedia({ colorScheme: 'light' });
    await waitForState(fresh.page, (s) => s.dark === false);
    await fresh.page.emulateMedia({ colorScheme: 'dark' });
    await waitForState(fresh.page, (s) => s.dark === true);
    assert.deepEqual(fresh.problems, []);
  } finally {
    await fresh.close();
  }
});
