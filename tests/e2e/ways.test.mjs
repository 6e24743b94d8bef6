// ways.test.mjs: every way a map gets into and out of the app, in real Chromium: file picker,
// drop, paste, #map=, #data= (round trip and broken links), samples, copy link, downloads,
// unsaved changes, reload, offline, the single file from file://, and the recovery screen.
// Each bad case must show a visible error (state().error) and keep the map that was open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { start, openApp, state, waitForState, frames, imageStats, sampleText, WEB, ROOT } from './lib.mjs';

const LIVECHAT = 'Live-chat software: easy sign-up, slow support';
const MERMAID = `journey
  title Coffee order
  section Order
    Find the app: 4: Ana
    Pay: 2: Ana
  section Collect
    Pick up: 5: Ana
`;
const SINGLE = process.env.UXCX_SINGLE_FILE || path.join(path.dirname(WEB), path.basename(WEB) + '-single', 'uxcx.html');

let env;
before(async () => {
  env = await start();
  await env.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url.replace(/\/$/, '') });
});
after(async () => { await env.close(); });

// A fresh page state: the app open with livechat, via the hook (the ways under test come after).
async function withLivechat(page, hash = '') {
  await openApp(page, env.url, hash);
  await page.evaluate(() => window.uxcx.started);
  const r = await page.evaluate((t) => window.uxcx.load(t, 'livechat.json'), sampleText('livechat.json'));
  assert.equal(r.ok, true);
}

// A real edit (the selected touchpoint moves to the next stage): the map now has unsaved changes.
async function editSomething(page) {
  await page.keyboard.press('Alt+ArrowRight');
  await waitForState(page, (st) => st.dirty && st.canUndo);
}

// The previous map is still there and the UI shows an error naming the cause.
async function assertRefused(page, pattern) {
  const s = await waitForState(page, (st) => st.error !== null && pattern.test(st.error));
  assert.equal(s.title, LIVECHAT, 'the previous map stays open');
  assert.equal(s.touchpoints, 6);
  return s;
}

test('File > Open: the picker opens a journey; a file that is not a journey is refused', async () => {
  const { page } = env;
  await withLivechat(page);
  const tmp = fs.mkdtempSync('/tmp/uxcx-ways-');
  fs.writeFileSync(path.join(tmp, 'coffee.mmd'), MERMAID);
  fs.writeFileSync(path.join(tmp, 'notes.txt'), 'Call Ana about the pilot on Tuesday.');
  await page.setInputFiles('#file-input', path.join(tmp, 'coffee.mmd'));
  let s = await waitForState(page, (st) => st.title === 'Coffee order');
  assert.equal(s.stages, 2);
  assert.equal(s.touchpoints, 3);
  await withLivechat(page);
  await page.setInputFiles('#file-input', path.join(tmp, 'notes.txt'));
  s = await assertRefused(page, /notes\.txt/);
  fs.rmSync(tmp, { recursive: true });
});

test('drop: a file dropped anywhere opens, with the drop overlay shown while dragging; dropped text too', async () => {
  const { page } = env;
  await withLivechat(page);
  const shown = await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'coffee.mmd', { type: 'text/plain' }));
    document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
    const visible = !document.getElementById('drop').hidden;
    document.getElementById('canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    return { visible, after: !document.getElementById('drop').hidden };
  }, MERMAID);
  assert.deepEqual(shown, { visible: true, after: false });
  const s = await waitForState(page, (st) => st.title === 'Coffee order');
  assert.equal(s.touchpoints, 3);
  // Dropped text (a selection dragged from another page) carrying JSON.
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, sampleText('livechat.json'));
  await waitForState(page, (st) => st.title === LIVECHAT);
});

test('paste: Ctrl+V of Mermaid text opens it; pasted junk is refused and the map stays', async () => {
  const { page } = env;
  await withLivechat(page);
  await page.evaluate((t) => navigator.clipboard.writeText(t), MERMAID);
  await page.mouse.click(640, 600);
  await page.keyboard.press('Control+V');
  let s = await waitForState(page, (st) => st.title === 'Coffee order');
  assert.equal(s.touchpoints, 3);
  await withLivechat(page);
  await page.evaluate((t) => navigator.clipboard.writeText(t), '{"title": "half a map", "touchpoints": [');
  await page.mouse.click(640, 600);
  await page.keyboard.press('Control+V');
  await assertRefused(page, /could not be opened/);
});

test('#map=: a good link opens with its view and selection; 404 and not-a-journey are refused', async () => {
  const { page } = env;
  await openApp(page, env.url, '#map=assets/samples/livechat.json&view=quadrant&sel=widget');
  let s = await waitForState(page, (st) => st.title === LIVECHAT);
  assert.equal(s.view, 'quadrant');
  assert.equal(s.selected, 'widget');
  assert.equal(s.sourceUrl, env.url + 'assets/samples/livechat.json');
  // The hash changes while the app is open: each bad link is refused, the map stays.
  await page.evaluate(() => { location.hash = '#map=assets/samples/missing.json'; });
  await assertRefused(page, /missing\.json.*404/);
  await page.evaluate(() => { location.hash = '#map=index.html'; });
  await assertRefused(page, /index\.html is a web page/);
  await page.evaluate(() => { location.hash = '#map=uxcx.css'; });
  await assertRefused(page, /uxcx\.css is not a journey map/);
  await page.evaluate(() => { location.hash = '#map=http://127.0.0.1:9/nothing.json'; });
  await assertRefused(page, /Could not fetch http:\/\/127\.0\.0\.1:9\/nothing\.json/);
});

test('#map= at start: the first frame is the map, then it is in Recent; a slow link shows Loading…, a slower one the app and a notice', async () => {
  const { page } = env;
  // On pages opened with ?watch or ?slowdb (the script stays with the page for the tests after
  // this one): what the first frame showed, read as it ends (uxcx.ready resolves in it). With
  // ?watch, whether the page's Loading box was ever shown, and what it said (it starts hidden).
  // With ?slowdb, IndexedDB's open answers only when the test calls window.__letDbAnswer().
  const watchStart = () => {
    if (location.search !== '?watch' && location.search !== '?slowdb') return;
    if (location.search === '?watch') {
      window.__overlayShown = [];
      new MutationObserver(() => {
        const o = document.getElementById('overlay');
        if (o && !o.hidden) window.__overlayShown.push([performance.now(), o.textContent, window.uxcx.state() ? window.uxcx.state().frames : -1]);
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden'] });
    } else {
      let letAnswer;
      const answer = new Promise((res) => { letAnswer = res; });
      window.__letDbAnswer = letAnswer;
      const open = IDBFactory.prototype.open;
      IDBFactory.prototype.open = function (...args) {
        const rq = open.apply(this, args);
        let handler = null;
        Object.defineProperty(rq, 'onsuccess', { get: () => handler, set: (f) => { handler = f; } });
        rq.addEventListener('success', (e) => answer.then(() => { if (handler) handler.call(rq, e); }));
        return rq;
      };
    }
    let hook;
    Object.defineProperty(window, 'uxcx', { configurable: true, get: () => hook, set: (v) => {
      hook = v;
      v.ready.then(() => {
        const st = v.state();
        window.__firstFrame = { title: st.title, frames: st.frames, notice: st.notice };
      });
    } });
  };
  await page.addInitScript(watchStart);
  try {
    // A link that answers at once: its map is the first thing drawn, and no Loading box flashes on
    // the way (one may appear only once a second has gone by: on a very slow machine).
    await page.goto('about:blank');
    await page.goto(env.url + 'index.html?watch#map=assets/samples/livechat.json');
    await page.evaluate(() => window.uxcx.ready);
    const first = await page.evaluate(() => window.__firstFrame);
    assert.equal(first.title, LIVECHAT, 'the first frame shows the linked map');
    assert.equal(first.frames, 1, 'nothing was drawn before it');
    for (const [at] of await page.evaluate(() => window.__overlayShown))
      assert.ok(at >= 900, `a Loading box at ${at.toFixed(0)} ms, before the page had taken a second`);
    // Remembered once started (after its first frame): Recent has it, once.
    await page.evaluate(() => window.uxcx.started);
    const recent = await page.evaluate(() => window.uxcx.recent());
    assert.equal(recent[0].sourceUrl, env.url + 'assets/samples/livechat.json');
    assert.equal(recent.filter((r) => r.sourceUrl === recent[0].sourceUrl).length, 1, 'one entry per linked map');

    // A browser whose IndexedDB answers slowly (a new profile, a busy disk; here: not until the
    // test has seen the first frame): the linked map is drawn as soon as it is open, not once the
    // Recent list is read; Recent gets it when the answer comes. The first frame used to wait for
    // the list, and past 2 s the page said the map was still on its way although it was open.
    await page.goto('about:blank');
    await page.goto(env.url + 'index.html?slowdb#map=assets/samples/livechat.json');
    await page.evaluate(() => window.uxcx.ready);
    const slow = await page.evaluate(() => window.__firstFrame);
    assert.equal(slow.title, LIVECHAT, 'the first frame shows the linked map');
    assert.equal(slow.frames, 1);
    assert.ok(!slow.notice || !/still on its way/.test(slow.notice.text), `notice: ${slow.notice && slow.notice.text}`);
    await page.evaluate(() => { window.__letDbAnswer(); return window.uxcx.started; });
    assert.equal((await page.evaluate(() => window.uxcx.recent()))[0].sourceUrl, env.url + 'assets/samples/livechat.json');

    // A link whose answer the test holds back until it has seen what the page shows meanwhile.
    let letThrough = null;
    await page.route('**/held-livechat.json', async (route) => {
      await new Promise((res) => { letThrough = res; });
      await route.fulfill({ contentType: 'application/json', body: sampleText('livechat.json') });
    });
    const url = env.url + 'held-livechat.json';

    // After a second the page says it is loading, with nothing drawn; the map then replaces it.
    await page.goto('about:blank');
    await page.goto(env.url + 'index.html?watch#map=held-livechat.json');
    await page.waitForFunction(() => window.__overlayShown && window.__overlayShown.length > 0, null, { timeout: 10000 });
    const [[at, text, framesThen]] = await page.evaluate(() => window.__overlayShown);
    assert.match(text, /Loading…/);
    assert.ok(at >= 900, `the Loading box came at ${at.toFixed(0)} ms, before a page load's second`);
    assert.ok(framesThen <= 0, 'nothing drawn while it loads');
    letThrough();
    let s = await waitForState(page, (st) => st.title === LIVECHAT);
    assert.equal(await page.evaluate(() => document.getElementById('overlay').hidden), true, 'the box goes with the first frame');
    assert.equal(s.sourceUrl, url);

    // Past the 2 s the start-up waits for a link: the app shows and says the map is on its way;
    // the map replaces the first screen when it comes.
    await page.goto('about:blank');
    await page.goto(env.url + 'index.html#map=held-livechat.json');
    const shown = await page.evaluate(async () => { await window.uxcx.ready; const st = window.uxcx.state(); return { touchpoints: st.touchpoints, notice: st.notice }; });
    assert.equal(shown.touchpoints, 0, 'the app shows before the map');
    assert.match(shown.notice.text, /Opening held-livechat\.json… it is still on its way/);
    letThrough();
    s = await waitForState(page, (st) => st.title === LIVECHAT);
    assert.equal(s.sourceUrl, url);
  } finally {
    await page.unroute('**/held-livechat.json');
  }
});

test('#data=: Copy link carries a real journey, its view and selection; the receiver sees the same', async () => {
  const { page } = env;
  await openApp(page, env.url);
  const airline = sampleText('airline.json');
  assert.equal((await page.evaluate((t) => window.uxcx.load(t, 'airline.json'), airline)).ok, true);
  const sent = await state(page);
  const sel = sent.items[2].id;
  await page.evaluate((id) => { window.uxcx.view('heatmap'); window.uxcx.select(id); }, sel);
  const json = await page.evaluate(() => window.uxcx.documentJson());
  const link = await page.evaluate(() => window.uxcx.copyLink());
  assert.match(link, /#data=[A-Za-z0-9_-]+&view=heatmap&sel=/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link, 'the link is on the clipboard');
  // Over 2,000 characters the sender is warned that chat tools may cut it.
  const notice = (await state(page)).notice;
  if (link.length > 2000) assert.equal(notice.kind, 'warning', notice.text);
  else assert.equal(notice.kind, 'info', notice.text);
  // The receiver: a page of their own.
  const other = await env.context.newPage();
  await other.goto(link);
  await other.evaluate(() => window.uxcx.ready);
  const got = await waitForState(other, (st) => st.title === sent.title);
  assert.equal(got.touchpoints, sent.touchpoints);
  assert.equal(got.view, 'heatmap');
  assert.equal(got.selected, sel);
  assert.equal(await other.evaluate(() => window.uxcx.documentJson()), json, 'every number survives the link');
  await other.close();
});

test('Copy link of a hosted map is the short #map= link; a small map-in-link gets no warning', async () => {
  const { page } = env;
  await openApp(page, env.url, '#map=assets/samples/livechat.json&view=ranking');
  await waitForState(page, (st) => st.title === LIVECHAT);
  const link = await page.evaluate(() => window.uxcx.copyLink());
  assert.equal(link, `${env.url}index.html#map=${encodeURIComponent(env.url + 'assets/samples/livechat.json')}&view=ranking&sel=${(await state(page)).selected}`);
  assert.equal((await state(page)).notice.kind, 'info');
  await page.evaluate((t) => window.uxcx.load(t, 'coffee.mmd'), MERMAID);
  const small = await page.evaluate(() => window.uxcx.copyLink());
  assert.match(small, /#data=/);
  assert.ok(small.length < 2000, `${small.length} characters`);
  assert.match((await state(page)).notice.text, /Link copied/);
});

test('#data=: damaged, truncated and oversized links are refused with what to do; the map stays', async () => {
  const { page } = env;
  env.problems.length = 0;  // earlier tests' 404s were wanted
  const good = zlib.deflateRawSync(Buffer.from(sampleText('livechat.json'))).toString('base64url');
  // Oversized: 40 MiB of spaces compress to about 40 KB, well under any URL limit.
  const bomb = zlib.deflateRawSync(Buffer.alloc(40 * 1024 * 1024, 0x20), { level: 9 }).toString('base64url');
  const cases = [
    ['#data=' + good.slice(0, 40) + '!!*' + good.slice(43), /damaged or cut short.*characters/],
    ['#data=' + good.slice(0, Math.floor(good.length / 2)), /damaged or cut short/],
    ['#data=' + bomb, /more than 32 MiB/],
  ];
  await withLivechat(page);
  for (const [hash, pattern] of cases) {
    await page.evaluate(() => window.uxcx.load('', 'clear-error.json'));  // an error to replace
    await page.evaluate((h) => { location.hash = h; }, hash);
    await assertRefused(page, pattern);
    assert.equal((await state(page)).title, LIVECHAT);
  }
  // A link longer than any browser keeps (1.6 million characters) is refused before decoding.
  // Pasted rather than put in the address bar: Chromium takes 20 s over a URL that long.
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, env.url + 'index.html#data=' + 'A'.repeat(1600000));
  await assertRefused(page, /refuses map links over 1,500,000/);
  // A damaged byte inside the compressed stream (not just bad characters) is caught too.
  const bytes = Buffer.from(good, 'base64url');
  bytes[Math.floor(bytes.length / 2)] ^= 0xff;
  await page.evaluate((h) => { location.hash = h; }, '#data=' + bytes.toString('base64url'));
  await assertRefused(page, /damaged or cut short/);
  assert.deepEqual(env.problems, []);
});

test('downloads: JSON, Mermaid and CSV named after the title; JSON reopens as the same journey', async () => {
  const { page } = env;
  await withLivechat(page);
  await editSomething(page);
  const got = {};
  for (const kind of ['json', 'mermaid', 'csv']) {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.evaluate((k) => window.uxcx.download(k), kind)]);
    got[kind] = { name: dl.suggestedFilename(), text: fs.readFileSync(await dl.path(), 'utf8') };
  }
  assert.equal(got.json.name, 'Live-chat-software-easy-sign-up-slow-support.json');
  assert.equal(got.mermaid.name, 'Live-chat-software-easy-sign-up-slow-support.mmd');
  assert.equal(got.csv.name, 'Live-chat-software-easy-sign-up-slow-support.csv');
  assert.equal((await state(page)).dirty, false, 'a JSON download counts as saving');
  assert.match(got.mermaid.text, /^journey\b/m);
  assert.equal(got.csv.text.split('\n').filter((l) => l.trim()).length, 1 + 6, 'a header and one row per touchpoint');
  const r = await page.evaluate((t) => window.uxcx.load(t, 'again.json'), got.json.text);
  assert.equal(r.ok, true);
  assert.equal(await page.evaluate(() => window.uxcx.documentJson()), got.json.text);
});

test('unsaved changes: opening another map asks first; Cancel keeps the changed map', async () => {
  const { page } = env;
  await withLivechat(page);
  await editSomething(page);
  const tmp = fs.mkdtempSync('/tmp/uxcx-ways-');
  fs.writeFileSync(path.join(tmp, 'coffee.mmd'), MERMAID);
  let asked = '';
  page.once('dialog', (d) => { asked = d.message(); d.dismiss(); });
  await page.setInputFiles('#file-input', path.join(tmp, 'coffee.mmd'));
  await waitForState(page, (st) => st.notice && /Kept the open map/.test(st.notice.text));
  assert.match(asked, /not saved/);
  assert.equal((await state(page)).title, LIVECHAT);
  page.once('dialog', (d) => d.accept());
  await page.setInputFiles('#file-input', path.join(tmp, 'coffee.mmd'));
  await waitForState(page, (st) => st.title === 'Coffee order');
  fs.rmSync(tmp, { recursive: true });
});

test('a reload at once after a selection and an edit keeps the map, its view, selection and edit; Recent reopens an earlier map', async () => {
  const { page } = env;
  await openApp(page, env.url);
  await page.evaluate(() => window.uxcx.started);
  await page.evaluate((t) => window.uxcx.load(t, 'livechat.json'), sampleText('livechat.json'));
  await page.evaluate((t) => window.uxcx.load(t, 'coffee.mmd'), MERMAID);
  const sel = (await state(page)).items[1].id;
  await page.evaluate((id) => { window.uxcx.view('ranking'); window.uxcx.select(id); }, sel);
  await editSomething(page);  // Alt+Right: the selected touchpoint moves to the next stage
  const edited = await page.evaluate(() => window.uxcx.documentJson());
  // No wait for the autosave: what was shown and edited a moment before a reload must survive it.
  // Chromium aborts a closing page's IndexedDB writes, so a reload within half a second restored the
  // state saved before (nearly every whole-suite run under load). This test's old wait for the write
  // never waited: it gave waitForFunction a Promise, which Playwright takes as true at once.
  await page.reload();
  await page.evaluate(() => window.uxcx.ready);
  await page.evaluate(() => window.uxcx.started);
  const s = await waitForState(page, (st) => st.title === 'Coffee order');
  assert.equal(s.view, 'ranking');
  assert.equal(s.selected, sel);
  assert.equal(s.dirty, true, 'the edit is still unsaved');
  assert.equal(await page.evaluate(() => window.uxcx.documentJson()), edited, 'the edit survives the reload');
  // The recent list (File > Recent) holds livechat too; open it the way the menu does.
  const recent = await page.evaluate(() => new Promise((res) => {
    indexedDB.open('uxcx').onsuccess = (e) => {
      e.target.result.transaction('meta').objectStore('meta').get('recent').onsuccess = (g) => res(g.target.result);
    };
  }));
  const entry = recent.find((r) => r.title === LIVECHAT);
  assert.ok(entry, JSON.stringify(recent.map((r) => r.title)));
  // The restored map still has its unsaved edit: opening another asks first.
  let asked = '';
  page.once('dialog', (d) => { asked = d.message(); d.accept(); });
  await page.evaluate((id) => window.uxcxHost.openRecent(id), entry.id);
  await waitForState(page, (st) => st.title === LIVECHAT);
  assert.match(asked, /not saved/);
});

test('a map opened a moment before a reload is back after it', async () => {
  const { page } = env;
  await openApp(page, env.url);
  await page.evaluate(() => window.uxcx.started);
  await page.evaluate((t) => window.uxcx.load(t, 'airline.json'), sampleText('airline.json'));
  const opened = await page.evaluate(() => window.uxcx.documentJson());
  await page.reload();
  await page.evaluate(() => window.uxcx.started);
  const s = await waitForState(page, (st) => st.touchpoints > 0);
  assert.equal(await page.evaluate(() => window.uxcx.documentJson()), opened);
  assert.equal(s.dirty, false);
});

test('samples: the gallery opens a bundled map', async () => {
  const { page } = env;
  await openApp(page, env.url);
  await page.evaluate(() => window.uxcxHost.openSample('livechat.json'));
  const s = await waitForState(page, (st) => st.title === LIVECHAT);
  assert.equal(s.touchpoints, 6);
});

test('recovery: if the wasm aborts, the page offers the last map as a download', async () => {
  const page = await env.context.newPage();
  await openApp(page, env.url);
  await page.evaluate((t) => window.uxcx.load(t, 'livechat.json'), sampleText('livechat.json'));
  await page.evaluate(() => { try { abort('test abort'); } catch (e) { /* abort throws after onAbort */ } });
  assert.equal(await page.isVisible('#recovery'), true);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#recovery-download')]);
  assert.equal(fs.readFileSync(await dl.path(), 'utf8'), sampleText('livechat.json'));
  await page.close();
});

test('safety: the page forbids eval, and map links open only for http, https and mailto', async () => {
  const html = fs.readFileSync(path.join(WEB, 'index.html'), 'utf8');
  const csp = /Content-Security-Policy"\s+content="([^"]+)"/.exec(html)[1];
  const scriptSrc = /script-src ([^;]*)/.exec(csp)[1];
  assert.equal(scriptSrc, "'self' 'wasm-unsafe-eval'", 'no unsafe-eval, no unsafe-inline for scripts');
  const { page } = env;
  await openApp(page, env.url);
  const opened = await page.evaluate(() => {
    const calls = [];
    const real = window.open;
    window.open = (...a) => { calls.push(a); return null; };
    for (const u of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'https://example.com/a', 'mailto:a@b.c'])
      window.uxcxHost.openUrl(u);
    window.open = real;
    return calls;
  });
  assert.deepEqual(opened, [['https://example.com/a', '_blank', 'noopener,noreferrer'], ['mailto:a@b.c', '_blank', 'noopener,noreferrer']]);
});

test('offline: after one visit the app opens with no network', async () => {
  const fresh = await start();
  try {
    const { page } = fresh;
    await openApp(page, fresh.url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.evaluate(() => window.uxcx.started);
    await page.evaluate((t) => window.uxcx.load(t, 'livechat.json'), sampleText('livechat.json'));
    await fresh.context.setOffline(true);
    fresh.server.closeAllConnections();
    fresh.server.close();
    await page.reload();
    await page.evaluate(() => window.uxcx.ready);
    await page.evaluate(() => window.uxcx.started);
    const s = await waitForState(page, (st) => st.title === LIVECHAT, 20000);
    await frames(page, 3);
    assert.ok(imageStats(await page.screenshot()).colours > 20, 'the map is drawn');
    // A sample is in the offline copy too.
    await page.evaluate(() => window.uxcx.openUrl('assets/samples/airline.json'));
    await waitForState(page, (st) => st.title !== LIVECHAT && st.touchpoints > 0);
    assert.equal(s.error, null);
  } finally {
    await fresh.context.setOffline(false);
    await fresh.close();
  }
});

test('single file: uxcx.html opens from file:// with no server: picker, samples, and a clear #map= error', async () => {
  assert.ok(fs.existsSync(SINGLE), `${SINGLE} is built by the normal build`);
  const page = await env.context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto('file://' + SINGLE);
  await page.evaluate(() => window.uxcx.ready);
  await page.evaluate(() => window.uxcx.started);
  await page.setInputFiles('#file-input', path.join(ROOT, 'assets/samples/livechat.json'));
  await waitForState(page, (st) => st.title === LIVECHAT);
  await frames(page, 3);
  assert.ok(imageStats(await page.screenshot()).colours > 20, 'the map is drawn');
  await page.evaluate(() => { location.hash = '#map=https://example.com/j.json'; });
  await assertRefused(page, /opened as a file \(file:\/\/\)/);
  await page.evaluate(() => window.uxcxHost.openSample('airline.json'));
  await waitForState(page, (st) => st.title !== LIVECHAT && st.touchpoints > 0);
  assert.deepEqual(problems, [], 'no CSP violation or other error');
  await page.close();
});
