// idle.test.mjs: an idle app draws nothing. While nobody moves, types or loads anything, no frame
// is drawn (state().frames stays put: no CPU or GPU work while the person reads); input, hook
// calls that change what is shown, and a resize bring frames back, and the app then goes quiet
// again. A held mouse button keeps frames coming (ImGui pans and repeats from held input).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleSession, waitForState, sampleText, state, fingerprint, fingerprintDistance } from './lib.mjs';

const env = sampleSession('livechat.json');

const drawn = async () => (await state(env.page)).frames;

// Frames drawn over `ms` of idleness, after letting the last wake settle (about 0.5 s: ImGui's
// hover delay, see main.cpp) with a wide margin for a busy machine.
async function framesWhileIdle(ms = 2000) {
  await env.page.waitForTimeout(1500);
  const before = await drawn();
  await env.page.waitForTimeout(ms);
  return (await drawn()) - before;
}

// Waits until more than `than` frames have been drawn (the app woke up).
async function wokeAfter(than) {
  const s = await waitForState(env.page, (st) => st.frames > than, 5000);
  return s.frames;
}

test('state().frames counts drawn frames', async () => {
  const s = await state(env.page);
  assert.equal(typeof s.frames, 'number');
  assert.ok(s.frames > 0, `frames ${s.frames}`);
});

test('an idle app with a map open draws no frame in 2 s', async () => {
  assert.equal(await framesWhileIdle(), 0);
});

test('real input wakes it, and it goes quiet again', async () => {
  const f0 = await drawn();
  const box = await env.page.locator('#canvas').boundingBox();
  await env.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await env.page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2 + 10);
  await wokeAfter(f0);
  await env.page.keyboard.press('Shift');
  assert.equal(await framesWhileIdle(), 0);
});

test('a mouse resting on a button gets its tooltip, and the app then goes quiet', async () => {
  const { page } = env;
  await page.mouse.move(5, 795);  // nothing hovered
  assert.equal(await framesWhileIdle(1000), 0);
  const png = (await state(page)).widgets.find((w) => w.label.endsWith('PNG'));
  assert.ok(png, 'the toolbar has its PNG button');
  // Where ImGui puts the tooltip: below and right of the mouse, clear of the button itself.
  const at = { x: png.x + png.w / 2, y: png.y + png.h / 2 };
  const below = { x: Math.round(at.x), y: Math.round(png.y + png.h + 4), width: 240, height: 24 };
  const without = fingerprint(await page.screenshot({ clip: below }));
  const f0 = await drawn();
  await page.mouse.move(at.x, at.y);
  await wokeAfter(f0);
  // Frames keep coming through ImGui's hover delay (0.4 s), so the tooltip is drawn; then none.
  assert.equal(await framesWhileIdle(1000), 0);
  const tip = fingerprint(await page.screenshot({ clip: below }));
  assert.ok(fingerprintDistance(without, tip) > 5, `the tooltip shows below the button (distance ${fingerprintDistance(without, tip)})`);
  await page.mouse.move(5, 795);
});

test('a held mouse button keeps frames coming until it is released', async () => {
  const box = await env.page.locator('#canvas').boundingBox();
  await env.page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6);
  await env.page.mouse.down({ button: 'right' });
  await env.page.waitForTimeout(1200);  // past the settle time after the last event
  const f0 = await drawn();
  await wokeAfter(f0);
  await env.page.mouse.up({ button: 'right' });
  assert.equal(await framesWhileIdle(), 0);
});

test('hook calls that change what is shown draw it, then the app goes quiet', async () => {
  const f0 = await drawn();
  assert.equal(await env.page.evaluate(() => window.uxcx.view('ranking')), true);
  await wokeAfter(f0);
  // The items are those of the drawn ranking: one row per touchpoint on screen.
  await waitForState(env.page, (s) => s.view === 'ranking' && s.items.length > 0);
  assert.equal(await framesWhileIdle(), 0);

  const f1 = await drawn();
  const r = await env.page.evaluate((text) => window.uxcx.load(text, 'laptop.json'), sampleText('laptop.json'));
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  await wokeAfter(f1);
  assert.equal(await framesWhileIdle(), 0);
});

test('a resize draws the map at the new size', async () => {
  assert.equal(await env.page.evaluate(() => window.uxcx.view('map')), true);
  assert.equal(await framesWhileIdle(), 0);
  const f0 = await drawn();
  await env.page.setViewportSize({ width: 900, height: 700 });
  await wokeAfter(f0);
  const png = await env.page.locator('#canvas').screenshot();
  assert.equal(png.readUInt32BE(16), 900);  // PNG width: the canvas follows the viewport
  assert.equal(await framesWhileIdle(), 0);
});
