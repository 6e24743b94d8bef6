// links.test.mjs: a shared link carries the filters (ranking text, stage, channel, quadrant,
// heatmap measure, compared sets) as well as the view and selection: in real Chromium, the
// receiver's ranking lists the same rows as the sender's, and a reload keeps them (recent list).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openApp, state, waitForState, frames, clickControl, clickWidget } from './lib.mjs';

const LIVECHAT = 'Live-chat software: easy sign-up, slow support';

let env;
before(async () => {
  env = await start();
  await env.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url.replace(/\/$/, '') });
});
after(async () => { await env.close(); });

// The ids the ranking drew in its last frame (one row each), sorted.
const ids = (s) => [...new Set(s.items.map((it) => it.id))].sort();

// A full page load (not a same-document hash change), so the state read next is the new page's.
async function load(page, hash) {
  await page.goto('about:blank');
  await openApp(page, env.url, hash);
}

test('#map=...&q=email: the ranking lists only the matching touchpoints, and Copy link keeps the filter', async () => {
  const { page } = env;
  // livechat.json has six touchpoints; only "Email question, answered two days later" has "email".
  await load(page, '#map=assets/samples/livechat.json&view=ranking&q=email');
  let s = await waitForState(page, (st) => st.title === LIVECHAT && st.view === 'ranking' && st.items.length > 0);
  assert.deepEqual(ids(s), ['email-question']);

  const link = await page.evaluate(() => window.uxcx.copyLink());
  assert.match(link, /#map=[^&]+&view=ranking&sel=[^&]+&q=email$/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);

  // Stage and channel by id; "+" is a space as in any form-encoded query; unknown ids and keys ignored.
  await load(page, '#map=assets/samples/livechat.json&view=ranking&stage=support&ch=nope&q=call+that&zzz=1');
  s = await waitForState(page, (st) => st.title === LIVECHAT && st.view === 'ranking' && st.items.length > 0);
  assert.deepEqual(ids(s), ['phone-call']);  // "Phone call that solves it" is the support touchpoint with "call that"
  const again = await page.evaluate(() => window.uxcx.copyLink());
  assert.match(again, /&q=call%20that&stage=support$/);
});

test('#data= link: the receiver sees the sender\'s filters, heatmap measure and sets', async () => {
  const { page } = env;
  await load(page, '#map=assets/samples/livechat.json&view=ranking&stage=support&heat=gap&sets=future,current');
  await waitForState(page, (st) => st.title === LIVECHAT && st.items.length > 0);
  // A hosted map opens read-only; its edited copy is not the hosted map: it travels inside the link.
  await clickControl(page, 'edit-copy');
  await waitForState(page, (st) => !st.readOnly && st.dirty && st.sourceUrl === '');
  const link = await page.evaluate(() => window.uxcx.copyLink());
  assert.match(link, /#data=[A-Za-z0-9_-]+&view=ranking&sel=[^&]+&stage=support&heat=gap&sets=future,current$/);

  const other = await env.context.newPage();
  await other.goto(link);
  await other.evaluate(() => window.uxcx.ready);
  const got = await waitForState(other, (st) => st.title === LIVECHAT && st.view === 'ranking' && st.items.length > 0);
  assert.deepEqual(ids(got), ['email-question', 'phone-call']);  // the two support touchpoints
  const back = await other.evaluate(() => window.uxcx.copyLink());
  assert.equal(back.split('&').slice(1).join('&'), link.split('&').slice(1).join('&'), 'the receiver shares the same view back');
  await other.close();
});

test('a reload restores the filters with the last map (recent list)', async () => {
  const { page } = env;
  await load(page, '#map=assets/samples/livechat.json&view=ranking&q=pric');
  await waitForState(page, (st) => st.title === LIVECHAT && st.items.length > 0);
  // No wait for the autosave: leaving the page keeps what it showed.
  await load(page, '');  // no link: the page restores the last map as it was shown
  const s = await waitForState(page, (st) => st.title === LIVECHAT && st.view === 'ranking' && st.items.length > 0);
  assert.deepEqual(ids(s), ['pricing']);
});

test('typing in the ranking\'s filter field with the keyboard narrows the rows and goes into the link', async () => {
  const { page } = env;
  await load(page, '#map=assets/samples/livechat.json&view=ranking');
  await waitForState(page, (st) => st.title === LIVECHAT && ids(st).length === 6);
  // The ranking's filter field, found by its label.
  await clickWidget(page, 'Filter names');
  await page.keyboard.type('pric');
  // ImGui takes queued keys one per frame, and "pri" already leaves one row: wait until the
  // whole word is in the field (the link says what the field holds), then check the rows.
  let link = '';
  for (let tries = 0; tries < 50 && !/&q=pric$/.test(link); tries++) {
    await frames(page, 2);
    link = await page.evaluate(() => window.uxcx.copyLink());
  }
  assert.match(link, /&q=pric$/);
  const s = await waitForState(page, (st) => ids(st).length === 1);
  assert.deepEqual(ids(s), ['pricing']);  // "Pricing page": the only name with "pric"
});
