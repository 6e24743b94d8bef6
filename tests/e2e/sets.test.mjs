// sets.test.mjs: every view shows any measurement set. In real Chromium with real mouse input:
// pick a set in the toolbar's Set picker and the numbers change to that set's; overlay two more
// sets' curves on the map; Copy link, open the link in another page: the same set, the same
// numbers, the same overlay.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openApp, waitForState, clickControl } from './lib.mjs';

const AIRLINE = 'assets/samples/airline.json';

let env;
before(async () => {
  env = await start();
  await env.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url.replace(/\/$/, '') });
});
after(async () => { await env.close(); });

const control = (s, id) => (s.controls || []).find((c) => c.id === id);

// Wi-Fi's CX score in a set, worked out from the file's own counts: CSAT top-2-box (answers 4-5
// of 1-5), the only CX reading of the airline touchpoints.
async function wifiCx(page, setId) {
  const j = JSON.parse(await page.evaluate(() => window.uxcx.documentJson()));
  const t = j.touchpoints.find((x) => x.id === 'wifi');
  const cx = setId === j.sets[0].id ? t.cx : t.measurements[setId].cx;
  const c = cx.csat.counts;
  return (100 * (c[3] + c[4])) / c.reduce((a, b) => a + b, 0);
}

test('pick a set: every view shows its numbers; overlay two sets; a copied link shows the same', async () => {
  const { page } = env;
  await openApp(page, env.url, `#map=${AIRLINE}&view=map&sel=wifi`);
  let s = await waitForState(page, (st) => st.selected === 'wifi' && st.items.length > 0 && control(st, 'set-picker'));
  assert.equal(s.set, 'all');
  assert.equal(s.sets.length, 7);
  assert.ok(Math.abs(s.selection.cx - await wifiCx(page, 'all')) < 1e-6, `all passengers: ${s.selection.cx}`);
  const allCx = s.selection.cx, allPriority = s.selection.priority;
  assert.ok(s.selection.importance.share > 0, 'the airline journey has drivers: importance is shown');
  assert.match(s.selection.why[0], /^#\d+ of 14 to fix first: priority /);

  // The Set picker, then "Personal travel" in its list: with the mouse.
  await clickControl(page, 'set-picker');
  await clickControl(page, 'set:personal-travel');
  s = await waitForState(page, (st) => st.set === 'personal-travel');
  const personalCx = await wifiCx(page, 'personal-travel');
  assert.ok(Math.abs(s.selection.cx - personalCx) < 1e-6, `personal travel: ${s.selection.cx} vs ${personalCx}`);
  assert.ok(Math.abs(s.selection.cx - allCx) > 5, 'the numbers changed with the set');
  assert.notEqual(s.selection.priority, allPriority, 'priority follows the set shown');

  // Every view shows the set picked (the ranking, quadrant, heatmap and drivers use the same analysis).
  for (const view of ['ranking', 'quadrant', 'heatmap', 'drivers', 'map']) {
    await page.evaluate((v) => window.uxcx.view(v), view);
    s = await waitForState(page, (st) => st.view === view && st.items.length > 0);
    assert.equal(s.set, 'personal-travel', `${view} keeps the set`);
    assert.ok(Math.abs(s.selection.cx - personalCx) < 1e-6, `${view}: the details show the set's numbers`);
  }

  // Overlay: business travel and economy, ticked in the popup.
  await clickControl(page, 'overlay-button');
  await clickControl(page, 'overlay:business-travel');
  s = await waitForState(page, (st) => st.overlay.length === 1);
  await clickControl(page, 'overlay:economy');
  s = await waitForState(page, (st) => st.overlay.length === 2 && st.overlay.every((o) => o.stages.length === 6));
  assert.deepEqual(s.overlay.map((o) => o.id), ['business-travel', 'economy']);
  const service = (o) => o.stages.find((x) => x.id === 'service');
  assert.ok(service(s.overlay[0]).cx > service(s.overlay[1]).cx,
    'business travellers rate the service stage higher than economy (the curves differ)');

  // Copy link: it names the set and the overlay; another page opening it shows the same.
  const link = await page.evaluate(() => window.uxcx.copyLink());
  assert.match(link, /&set=personal-travel&overlay=business-travel,economy$/);
  const other = await env.context.newPage();
  await other.goto(link);
  await other.evaluate(() => window.uxcx.ready);
  const got = await waitForState(other, (st) => st.selected === 'wifi' && st.overlay.length === 2 &&
    st.overlay.every((o) => o.stages.length === 6));
  assert.equal(got.set, 'personal-travel');
  assert.ok(Math.abs(got.selection.cx - personalCx) < 1e-6, 'the receiver sees the same numbers');
  assert.deepEqual(got.overlay.map((o) => o.id), ['business-travel', 'economy']);
  assert.deepEqual(got.overlay, s.overlay, 'the same curves');
  await other.close();
  assert.deepEqual(env.problems, []);
});
