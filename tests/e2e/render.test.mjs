// render.test.mjs: how frames are drawn. Solid fills skip the font atlas (platform/web/
// solid_fills.cpp: the cheap path without a GPU) and draw the pixels of the sampled ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleSession, frames, decodePng, state } from './lib.mjs';

const env = sampleSession('livechat.json');

// Sets the marking, lets the app draw until it is idle (nothing fading or moving: an idle app draws
// no frame, idle.test.mjs), and returns the screen's pixels.
async function screenWith(marking) {
  const reads = await env.page.evaluate((on) => window.Module._uxcx_set_solid_fills(on ? 1 : 0), marking);
  await frames(env.page, 3);
  for (let last = -1, now = (await state(env.page)).frames; now !== last; ) {
    await env.page.waitForTimeout(600);
    [last, now] = [now, (await state(env.page)).frames];
  }
  return { reads, img: decodePng(await env.page.screenshot()) };
}

// Pixels that differ by more than rounding: a channel off by more than 1 of 255. (Sampling the
// white texel multiplies by 1.0 in the shader's medium precision: the anti-aliased edges of shapes
// may blend one unit apart.)
function differingPixels(a, b) {
  assert.deepEqual([a.width, a.height], [b.width, b.height]);
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4)
    if (Math.abs(a.data[i] - b.data[i]) > 1 || Math.abs(a.data[i + 1] - b.data[i + 1]) > 1 || Math.abs(a.data[i + 2] - b.data[i + 2]) > 1) n++;
  return n;
}

test('solid fills drawn without the atlas are the pixels of sampled ones, on every view', async () => {
  await env.page.mouse.move(5, 795);  // nothing hovered
  for (const view of ['map', 'ranking', 'quadrant', 'heatmap']) {
    await env.page.evaluate((v) => window.uxcx.view(v), view);
    const marked = await screenWith(true);
    assert.equal(marked.reads, 1, 'ImGui\'s fragment shader was not changed to skip the atlas for solid fills');
    const sampled = await screenWith(false);
    assert.equal(differingPixels(marked.img, sampled.img), 0, `${view}: pixels differ between marked and sampled fills by more than rounding`);
    // Not a blank screen either way: the view's colours are there.
    const colours = new Set();
    for (let i = 0; i < marked.img.data.length; i += 4 * 97) colours.add(marked.img.data.readUInt32BE(i));
    assert.ok(colours.size > 20, `${view}: ${colours.size} colours`);
  }
  await screenWith(true);
});
