// stamp-sw.mjs: gives the built service worker (OUT_DIR/sw.js) its cache version and file list:
// a hash of every cached file, so any change to the app makes browsers fetch the new one.
// Run by the build after the site is assembled. Usage: node scripts/stamp-sw.mjs OUT_DIR
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const out = path.resolve(process.argv[2] || 'build/web');
const files = ['index.html', 'limits.js', 'uxcx.js', 'uxcx.css', 'app.js', 'app.wasm', 'icon.svg',
  'loader-worker.js', 'loader_worker.js', 'loader_worker.wasm'];
const indexPath = path.join(out, 'assets/samples/index.json');
if (fs.existsSync(indexPath)) {
  files.push('assets/samples/index.json');
  for (const s of JSON.parse(fs.readFileSync(indexPath, 'utf8')))
    if (s && typeof s.file === 'string' && fs.existsSync(path.join(out, 'assets/samples', s.file)))
      files.push('assets/samples/' + encodeURIComponent(s.file));
}
const hash = crypto.createHash('sha256');
for (const f of files) hash.update(f).update(fs.readFileSync(path.join(out, decodeURIComponent(f))));
const version = hash.digest('hex').slice(0, 16);
const swPath = path.join(out, 'sw.js');
let sw = fs.readFileSync(swPath, 'utf8');
const before = sw;
sw = sw.replace(/^const VERSION = .*;$/m, `const VERSION = '${version}';`)
  .replace(/^const SHELL = .*;$/m, `const SHELL = ${JSON.stringify(['./', ...files])};`);
if (sw === before) throw new Error('sw.js: VERSION/SHELL lines not found');
fs.writeFileSync(swPath, sw);
console.log(`sw.js: cache uxcx-${version}, ${files.length + 1} entries`);
