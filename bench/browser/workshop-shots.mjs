// workshop-shots.mjs: a workshop with the app, step by step with real input, as screenshots to look
// at (the closing notes describe them): the first screen, a new journey from a sample's template, a
// card added with the cell's "+" and named, another with Insert, moved with Alt+Right, dragged to
// another lane, the Edit menu naming the step to undo, presentation.
//   node bench/browser/workshop-shots.mjs [OUT_DIR]      (build/web; default OUT_DIR: bench/out/workshop)
import fs from 'node:fs';
import path from 'node:path';
import { start, openApp, state, waitForState, clickControl, clickWidget, frames, ROOT } from '../../tests/e2e/lib.mjs';

const out = path.resolve(process.argv[2] || path.join(ROOT, 'bench/out/workshop'));
fs.mkdirSync(out, { recursive: true });
const app = await start();
const { page, url } = app;
// The mouse rests while a frame settles (a tooltip may appear, as it would for a person).
const shot = async (n) => { await frames(page, 3); await page.waitForTimeout(300); await page.screenshot({ path: path.join(out, `${n}.png`) }); };
await openApp(page, url);
await page.evaluate(() => window.uxcx.started);
await shot('1-first');
const s0 = await state(page);
const tpl = s0.controls.find((c) => c.id.startsWith('template:'));
await clickControl(page, tpl.id);
await waitForState(page, (s) => s.title && s.stages > 0);
await shot('2-template');
let s = await state(page);
// hover the first lane under stage 2: the cell's "+" appears; click it and type a name
const h = s.headers[1];
await page.mouse.move(h.x + h.w / 2, h.y + h.h + 30);
await clickControl(page, 'add');
await waitForState(page, (x) => x.renaming !== null);
await page.keyboard.type('Compare plans online');
await page.keyboard.press('Enter');
await waitForState(page, (x) => x.renaming === null && x.touchpoints === 1);
// add one in its cell
await page.keyboard.press('Insert');
await waitForState(page, (x) => x.renaming !== null);
await page.keyboard.type('Ask a friend who switched');
await shot('3-insert-typing');
await page.keyboard.press('Enter');
await waitForState(page, (x) => x.renaming === null);
await page.keyboard.press('Alt+ArrowRight');
await frames(page, 4);
await shot('4-moved');
s = await state(page);
// drag the selected card one lane down
const sel = s.items.find((i) => i.id === s.selected);
await page.mouse.move(sel.x + sel.w / 2, sel.y + sel.h / 2);
await page.mouse.down();
for (let k = 1; k <= 10; k++) await page.mouse.move(sel.x + sel.w / 2, sel.y + sel.h / 2 + k * 12);
await shot('5-dragging');
await page.mouse.up();
await frames(page, 4);
await clickWidget(page, 'Edit');
await shot('6-edit-menu');
await page.keyboard.press('Escape');
await clickWidget(page, 'Present');
await frames(page, 6);
await shot('7-present');
await app.close();
console.log(`screenshots in ${out}`);
