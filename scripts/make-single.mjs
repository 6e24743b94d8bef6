// make-single.mjs: builds the single-file app (build/web-single/uxcx.html): the page with its CSS,
// its glue (web/uxcx.js), the wasm app (the site's own app.js, and its app.wasm, fonts inside, as
// Module.wasmBinary, which the glue then uses instead of fetching it) and the samples all inline, so
// it opens from file:// with no server, e.g. from a USB stick. One link serves both: a second link
// with -sSINGLE_FILE=1 cost the build half a minute for the same wasm.
// The Content-Security-Policy stays strict: inline scripts are allowed by their sha256 hashes only,
// computed here, so no 'unsafe-inline' and no 'unsafe-eval'.
// With FONTS_OUT_HTML and NAME=PATH pairs it also writes a second single file that carries the
// fallback fonts for other scripts (window.uxcxInlineFonts, base64): bigger, for offline demos of
// journeys in Japanese, Arabic... (uxcx.html itself stays the size it was: Latin needs no font).
// Run by the build. Usage: node scripts/make-single.mjs SOURCE_DIR APP_JS LIMITS_JS OUT_HTML [FONTS_OUT_HTML NAME=PATH...]
// (APP_JS: the linked app.js, app.wasm beside it; LIMITS_JS: the build's limits.js, written from
// src/core/limits.h).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const [src = '.', appJs, limitsJs, outHtml, fontsOutHtml, ...fontArgs] = process.argv.slice(2);
if (!appJs || !limitsJs || !outHtml) throw new Error('usage: make-single.mjs SOURCE_DIR APP_JS LIMITS_JS OUT_HTML');
const read = (p) => fs.readFileSync(path.join(src, p), 'utf8');

// Samples as one object: the index (the gallery) and each file's text.
const samplesDir = path.join(src, 'assets/samples');
let index = [];
if (fs.existsSync(path.join(samplesDir, 'index.json'))) index = JSON.parse(fs.readFileSync(path.join(samplesDir, 'index.json'), 'utf8'));
const files = {};
for (const s of index)
  if (s && typeof s.file === 'string' && fs.existsSync(path.join(samplesDir, s.file)))
    files[s.file] = fs.readFileSync(path.join(samplesDir, s.file), 'utf8');
// '<' escaped so that no sample text can close the script element.
const embedded = 'window.UXCX_EMBEDDED = ' +
  JSON.stringify({ samples: index.filter((s) => s && files[s.file] !== undefined), files }).replace(/</g, '\\u003c') + ';';

const fonts = {};
for (const a of fontArgs) {
  const eq = a.indexOf('=');
  fonts[a.slice(0, eq)] = fs.readFileSync(a.slice(eq + 1)).toString('base64');
}
const fontScript = 'window.uxcxInlineFonts = ' + JSON.stringify(fonts) + ';';

// The wasm, decoded before app.js runs (web/uxcx.js has made window.Module by then).
const wasm = fs.readFileSync(appJs.replace(/\.js$/, '.wasm')).toString('base64');
const wasmScript = `{ const s = atob("${wasm}"); const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  window.Module.wasmBinary = b; }`;

function singleFile(withFonts) {
  const scripts = [embedded, fs.readFileSync(limitsJs, 'utf8'), read('web/uxcx.js'), fs.readFileSync(appJs, 'utf8'), wasmScript];
  if (withFonts) scripts.push(fontScript);  // scripts[5]
  for (const s of scripts)
    if (/<\/script/i.test(s)) throw new Error('an inline script contains "</script": it would end the element early');
  const hashes = scripts.map((s) => `'sha256-${crypto.createHash('sha256').update(s, 'utf8').digest('base64')}'`);

  let html = read('web/index.html');
  const swap = (from, to) => {
    if (!html.includes(from)) throw new Error(`web/index.html: "${from}" not found`);
    html = html.split(from).join(to);  // not String.replace: the scripts contain "$&" and friends
  };
  swap("script-src 'self' 'wasm-unsafe-eval'", `script-src ${hashes.join(' ')} 'wasm-unsafe-eval'`);
  swap('href="icon.svg"', `href="data:image/svg+xml;base64,${fs.readFileSync(path.join(src, 'web/icon.svg')).toString('base64')}"`);
  // The scripts and the wasm are inline.
  swap('<link rel="preload" href="uxcx.js" as="script">\n<link rel="preload" href="app.js" as="script">\n' +
    '<link rel="preload" href="app.wasm" as="fetch" type="application/wasm" crossorigin>\n', '');
  swap('<link rel="stylesheet" href="uxcx.css">', `<style>\n${read('web/uxcx.css')}</style>`);
  swap('<script src="limits.js"></script>', (withFonts ? `<script>${scripts[5]}</script>\n` : '') +
    `<script>${scripts[0]}</script>\n<script>${scripts[1]}</script>`);
  swap('<script src="uxcx.js"></script>', `<script>${scripts[2]}</script>`);
  swap('<script src="app.js" async></script>', `<script>${scripts[4]}</script>\n<script>${scripts[3]}</script>`);

  return html;
}

fs.mkdirSync(path.dirname(outHtml), { recursive: true });
const html = singleFile(false);
fs.writeFileSync(outHtml, html);
console.log(`${outHtml}: ${(html.length / 1048576).toFixed(1)} MiB, ${Object.keys(files).length} samples`);
if (fontsOutHtml) {
  const withFonts = singleFile(true);
  fs.writeFileSync(fontsOutHtml, withFonts);
  console.log(`${fontsOutHtml}: ${(withFonts.length / 1048576).toFixed(1)} MiB, with fonts ${Object.keys(fonts).join(', ')}`);
}
