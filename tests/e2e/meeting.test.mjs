// meeting.test.mjs: the meeting view in Chromium at a laptop (1366x768), a projector (1920x1080)
// and 1280x720 at DPR 1.5 (issue 13, item 7): the fitted map names every touchpoint and marks thin
// evidence (hook, and the dashes in the pixels); presentation (P) fits the whole journey beside a
// story panel that D hides; PageUp/PageDown step; Escape and a resize refit; the arrow keys never
// walk ImGui's focus ring along the toolbar; a press held long steps once, a held key steps with
// the browser's repeats.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { start, openApp, waitForState, frames, decodePng, state } from './lib.mjs';

const SHOTS = process.env.UXCX_SHOTS || '/tmp/uxcx-meeting';

// The journey tests/ui/journeys.h calls meeting_journey(): 7 stages with long titles, 6 channels
// (3 offline), 14 touchpoints; "weak-*" rest on n = 3 (insufficient evidence), the others on 220.
function meetingJourney() {
  const stages = ['Notice the dark screen', 'Search for a fix', 'Contact support', 'Diagnose remotely',
    'Repair and return', 'Follow-up survey', 'Renew the warranty'];
  const channels = [['Website', true], ['Mobile app', true], ['Email', true], ['Support hotline', false],
    ['Courier', false], ['Repair shop', false]];
  const touchpoints = [];
  for (let i = 0; i < 14; i++) {
    const stage = Math.floor(i / 2), channel = (i * 5) % 6, weak = i % 3 === 1, digital = channel < 3;
    const tp = { id: `${weak ? 'weak' : 'solid'}-${i}`, stage: `s${stage}`, channel: `c${channel}`,
      name: `${weak ? 'Thin' : 'Solid'} step ${i} of the journey` };
    if (digital) tp.ux = { sus: 35 + (i * 13) % 60, n: weak ? 3 : 40 };
    tp.cx = { csat: 30 + (i * 17) % 65, n: weak ? 3 : 220 };
    touchpoints.push(tp);
  }
  return JSON.stringify({
    title: 'Meeting',
    stages: stages.map((name, i) => ({ id: `s${i}`, name })),
    channels: channels.map(([name, digital], i) => ({ id: `c${i}`, name, digital })),
    touchpoints,
  });
}

// Does `act`, then waits for a state the app drew after it that satisfies `pred`: an idle app
// draws nothing, so a state read right after a key press can still be the one before it.
async function after(page, act, pred, timeout = 20000) {
  const f0 = (await state(page)).frames;
  await act();
  try {
    return await waitForState(page, (x) => x.frames >= f0 + 2 && pred(x), timeout);
  } catch (e) {
    throw new Error(`after ${act.toString().slice(0, 80)}: ${e.message}`);
  }
}

// Every touchpoint on screen with a readable name, every stage titled, side by side, on the canvas.
function assertWholeJourneyNamed(s, width, where) {
  assert.equal(s.items.length, 14, `${where}: ${s.items.length} of 14 touchpoints on screen`);
  for (const it of s.items) {
    assert.ok(it.label.length > 0, `${where}: ${it.id} shows no name`);
    assert.ok(it.labelPx >= 9, `${where}: ${it.id}'s name is ${it.labelPx.toFixed(1)} px`);
    assert.ok(it.x >= 0 && it.x + it.w <= width + 0.5, `${where}: ${it.id} is off the canvas`);
  }
  assert.equal(s.headers.length, 7, `${where}: ${s.headers.length} of 7 stage headers`);
  s.headers.forEach((h, i) => {
    assert.ok(h.label.length > 3, `${where}: stage ${i + 1}'s title is "${h.label}"`);
    assert.ok(h.x >= 0 && h.x + h.w <= width + 0.5, `${where}: stage ${i + 1}'s header is off the canvas`);
    if (i) assert.ok(h.x >= s.headers[i - 1].x + s.headers[i - 1].w - 0.5, `${where}: headers ${i} and ${i + 1} overlap`);
  });
}

// The largest share of near-black pixels in one of the bottom rows of a card: the evidence mark's
// dashes are ink; a card's own colours (the score scale, the offline grey) never are.
function inkAlongBottom(img, it, dpr) {
  const bottom = Math.floor((it.y + it.h) * dpr), x0 = Math.ceil((it.x + 2) * dpr), x1 = Math.floor((it.x + it.w - 2) * dpr);
  let best = 0;
  for (let y = bottom - 3; y <= bottom; y++) {
    let ink = 0;
    for (let x = x0; x < x1; x++) {
      const i = (y * img.width + x) * 4;
      if (Math.max(img.data[i], img.data[i + 1], img.data[i + 2]) < 80) ink++;
    }
    best = Math.max(best, ink / (x1 - x0));
  }
  return best;
}

for (const [width, height, dpr] of [[1366, 768, 1], [1920, 1080, 1], [1280, 720, 1.5]]) {
  test(`meeting view at ${width}x${height}, DPR ${dpr}`, { timeout: 180000 }, async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const env = await start({ viewport: { width, height }, deviceScaleFactor: dpr });
    const { page } = env;
    try {
      // Headless Chromium composites a full-screen page as black: full screen is recorded, not entered.
      await page.addInitScript(() => {
        Element.prototype.requestFullscreen = function () { return Promise.resolve(); };
      });
      await openApp(page, env.url);
      let r;
      let s = await after(page, async () => { r = await page.evaluate((t) => window.uxcx.load(t, 'meeting.json'), meetingJourney()); },
        (x) => x.items.length === 14 && x.map.fit);
      assert.equal(r.ok, true, JSON.stringify(r.errors));
      const tag = `${width}x${height}@${dpr}`;

      // The fitted normal view: names, titles and the evidence mark on exactly the thin cards.
      assertWholeJourneyNamed(s, width, `${tag} fitted`);
      for (const it of s.items) assert.equal(it.evidence, it.id.startsWith('weak'), `${tag}: ${it.id}'s evidence mark`);
      const png = await page.screenshot();
      fs.writeFileSync(`${SHOTS}/${tag}-fit.png`, png);
      const img = decodePng(png);
      // In the pixels too, where a fitted card is at the middle level of detail (zoom under 0.7:
      // the mark runs along the card's bottom edge; at full detail it is on the chips, inset).
      for (const it of s.map.zoom < 0.7 ? s.items : []) {
        if (it.id === s.selected) continue;  // its outline is drawn over the edge
        const ink = inkAlongBottom(img, it, dpr);
        if (it.id.startsWith('weak')) assert.ok(ink > 0.12, `${tag}: ${it.id} has no dashed mark (${ink.toFixed(2)})`);
        else assert.ok(ink < 0.05, `${tag}: ${it.id} looks marked (${ink.toFixed(2)})`);
      }
      const normalZoom = s.map.zoom;

      // Arrows then Space after a click on the toolbar's first button: the selection moves, the
      // view stays (the focus ring used to walk to "Heatmap" and Space switched to it).
      s = await after(page, () => page.mouse.click(40, 41), () => true);
      assert.equal(s.view, 'map');
      const before = s.selected;
      s = await after(page, async () => {
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('Space');
      }, (x) => x.selected !== before);
      await frames(page, 3);
      s = await state(page);
      assert.equal(s.view, 'map', 'the arrows walked the toolbar and Space pressed a button');
      assert.notEqual(s.selected, before);
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await waitForState(page, (x) => x.selected === before);

      // Presentation: the whole journey, named, beside the story panel.
      s = await after(page, () => page.keyboard.press('p'), (x) => x.presentation && x.panel && x.items.length === 14 && x.map.fit);
      await frames(page, 4);
      s = await state(page);
      assertWholeJourneyNamed(s, width, `${tag} presentation`);
      assert.equal(s.panel, true);
      const right = Math.max(...s.items.map((it) => it.x + it.w));
      assert.ok(right < width * 0.8, `${tag}: cards reach ${right.toFixed(0)} px, under the story panel`);
      fs.writeFileSync(`${SHOTS}/${tag}-present.png`, await page.screenshot());
      const withStory = s.map.zoom;
      // D hides the story; the map takes the room.
      s = await after(page, () => page.keyboard.press('d'), (x) => x.panel === false && x.map.zoom > withStory * 1.1);
      assertWholeJourneyNamed(s, width, `${tag} presentation without the story`);
      fs.writeFileSync(`${SHOTS}/${tag}-present-nostory.png`, await page.screenshot());
      await page.keyboard.press('d');
      await waitForState(page, (x) => x.panel === true);
      // A clicker's PageDown/PageUp step like the arrows.
      const first = (await state(page)).selected;
      await page.keyboard.press('PageDown');
      const next = (await waitForState(page, (x) => x.selected !== first)).selected;
      await page.keyboard.press('ArrowLeft');
      await waitForState(page, (x) => x.selected === first);
      await page.keyboard.press('ArrowRight');
      await waitForState(page, (x) => x.selected === next);
      await page.keyboard.press('PageUp');
      await waitForState(page, (x) => x.selected === first);
      // Escape: the normal view, fitted again as it was.
      s = await after(page, () => page.keyboard.press('Escape'),
        (x) => !x.presentation && x.map.fit && Math.abs(x.map.zoom - normalZoom) < normalZoom * 0.01);
      assertWholeJourneyNamed(s, width, `${tag} after Escape`);

      // A larger window (a projector plugged in) refits; the map grows.
      s = await after(page, () => page.setViewportSize({ width: Math.round(width * 1.25), height: Math.round(height * 1.25) }),
        (x) => x.map.zoom > normalZoom * 1.15);
      assert.equal(s.map.fit, true);
      assert.deepEqual(env.problems, []);
    } finally {
      await env.close();
    }
  });
}

// A press held long (a presenter resting on the clicker; on a loaded machine the release can reach
// the page 0.6 s after the press) steps once; a held key steps again with each repeat the browser
// sends (keyboard.down on a key that is down sends one), never on a timer of the app's own.
test('a held arrow steps once, and once more with each repeat the browser sends', { timeout: 60000 }, async () => {
  const env = await start({ viewport: { width: 1366, height: 768 } });
  const { page } = env;
  try {
    await openApp(page, env.url);
    await after(page, () => page.evaluate((t) => window.uxcx.load(t, 'meeting.json'), meetingJourney()), (x) => x.items.length === 14);
    const first = (await state(page)).selected;
    const one = (await after(page, () => page.keyboard.down('ArrowRight'), (x) => x.selected !== first)).selected;
    const f0 = (await state(page)).frames;
    await page.waitForTimeout(1000);
    const s = await state(page);
    assert.ok(s.frames >= f0 + 5, `only ${s.frames - f0} frames while the key was held`);
    assert.equal(s.selected, one, 'a held arrow stepped more than once');
    const two = (await after(page, () => page.keyboard.down('ArrowRight'), (x) => x.selected !== one)).selected;
    await page.keyboard.up('ArrowRight');
    await after(page, () => page.keyboard.press('ArrowLeft'), (x) => x.selected !== two);
    await frames(page, 3);
    assert.equal((await state(page)).selected, one, 'the repeat stepped more than once');
    assert.deepEqual(env.problems, []);
  } finally {
    await env.close();
  }
});
