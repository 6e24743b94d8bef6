// duckdb.test.mjs: the SQL of docs/survey-at-scale.md, run on DuckDB (npm @duckdb/node-api), gets
// the numbers `uxcx survey` and `uxcx drivers --matrix` get: every set's CSAT and NPS counts,
// means, SDs, n and weighted n, and the key drivers, over seeded airline-shaped answers (weighted
// and not). The SQL blocks are read from the page itself, so the page cannot drift from what is
// tested. UXCX: the uxcx binary (default build/native/uxcx); UXCX_AIRLINE_CSV: also run the
// committed airline mapping on the real export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { airlineAnswers } from './airline-answers.mjs';
import { rawStatement, tableStatements } from './sql-tables.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const UXCX = process.env.UXCX || path.join(ROOT, 'build/native/uxcx');
const TOL = 1e-9;

let dir;
before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uxcx-scale-')); });
after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

// The page's named SQL blocks: a ```sql block whose first line is "-- NAME".
function pageSql() {
  const md = fs.readFileSync(path.join(ROOT, 'docs/survey-at-scale.md'), 'utf8');
  const blocks = {};
  for (const m of md.matchAll(/```sql\n([\s\S]*?)```/g)) {
    const name = /^-- (\w+)\n/.exec(m[1]);
    if (name) blocks[name[1]] = m[1].trim().replace(/;$/, '');
  }
  for (const k of ['answer_counts', 'moments', 'driver_sums', 'complete_cases']) assert.ok(blocks[k], `the page has the ${k} block`);
  return blocks;
}

const near = (a, b, what) => assert.ok(Math.abs(a - b) <= TOL * Math.max(1, Math.abs(a), Math.abs(b)), `${what}: uxcx ${a}, SQL ${b}`);

// Everything the SQL says, keyed "set|touchpoint|metric".
async function runSql(mapping, csvPath) {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const rows = async (sql) => (await c.runAndReadAll(sql)).getRowObjects();
  await c.run(rawStatement(csvPath));
  const columns = (await rows('DESCRIBE raw')).map((r) => r.column_name);
  const { statements, drivers } = tableStatements(mapping, csvPath, columns);
  for (const s of statements) await c.run(s);
  const sql = pageSql();
  const num = (v) => (typeof v === 'bigint' ? Number(v) : v);
  const moments = new Map(), counts = new Map();
  for (const r of await rows(sql.moments))
    moments.set(`${r.set_id}|${r.touchpoint}|${r.metric}`, { n: num(r.n), sw: r.sw, sw2: r.sw2, swx: r.swx, swxx: r.swxx });
  for (const r of await rows(sql.answer_counts)) {
    const k = `${r.set_id}|${r.touchpoint}|${r.metric}`;
    if (!counts.has(k)) counts.set(k, new Map());
    counts.get(k).set(r.answer, r.sw);
  }
  const sums = (await rows(sql.driver_sums)).map((r) => ({ ...r, n: num(r.n) }));
  const complete = num((await rows(sql.complete_cases))[0].n);
  c.closeSync?.();
  return { moments, counts, sums, complete, drivers };
}

// What the journey says for a set's reading (the first set's readings sit on the touchpoint).
function reading(journey, setId, tpId, metric) {
  const tp = journey.touchpoints.find((t) => t.id === tpId);
  const m = setId === journey.sets[0].id ? tp : (tp.measurements || {})[setId];
  if (!m) return undefined;
  return (m.ux && m.ux[metric]) || (m.cx && m.cx[metric]);
}

function checkAggregates(journey, got, weighted) {
  let checked = 0;
  for (const [key, mo] of got.moments) {
    const [setId, tpId, metric] = key.split('|');
    const r = reading(journey, setId, tpId, metric);
    assert.ok(r, `uxcx has ${key}`);
    const nEff = (mo.sw * mo.sw) / mo.sw2;
    if (weighted) assert.equal(r.weighted.n, mo.n, `${key}: weighted.n`);
    if (metric === 'csat') {
      const byAnswer = got.counts.get(key);
      const want = [1, 2, 3, 4, 5].map((k) => ((byAnswer.get(k) || 0) / mo.sw) * nEff);
      want.forEach((v, i) => near(r.counts[i], v, `${key}: counts[${i}]`));
    } else if (metric === 'nps') {
      const byAnswer = got.counts.get(key);
      const share = (lo, hi) => { let s = 0; for (let k = lo; k <= hi; k++) s += byAnswer.get(k) || 0; return (s / mo.sw) * nEff; };
      near(r.promoters, share(9, 10), `${key}: promoters`);
      near(r.passives, share(7, 8), `${key}: passives`);
      near(r.detractors, share(0, 6), `${key}: detractors`);
    } else {
      const mean = mo.swx / mo.sw;
      near(r.mean, mean, `${key}: mean`);
      near(r.sd, Math.sqrt((mo.swxx / mo.sw - mean * mean) * nEff / (nEff - 1)), `${key}: sd`);
      near(r.n, nEff, `${key}: n`);
    }
    checked++;
  }
  // And the other way: every reading uxcx wrote is one the SQL has.
  for (const tp of journey.touchpoints)
    for (const set of journey.sets) {
      const m = set.id === journey.sets[0].id ? tp : (tp.measurements || {})[set.id];
      for (const side of ['ux', 'cx'])
        for (const metric of Object.keys((m && m[side]) || {}))
          if (['csat', 'nps', 'seq', 'ces'].includes(metric))
            assert.ok(got.moments.has(`${set.id}|${tp.id}|${metric}`), `the SQL has ${set.id}|${tp.id}|${metric}`);
    }
  return checked;
}

// The SQL's cross-product matrix as correlations, through `uxcx drivers --matrix`.
function checkDrivers(journey, got, outcome) {
  const k = got.drivers.length, names = [outcome, ...got.drivers.map((d) => d.touchpoint)];
  const R = Array.from({ length: k + 1 }, (_, i) => Array.from({ length: k + 1 }, (_, j) => (i === j ? 1 : 0)));
  const pairN = [];
  for (const p of got.sums) {
    const cxy = p.sxy - (p.sx * p.sy) / p.sw, cxx = p.sxx - (p.sx * p.sx) / p.sw, cyy = p.syy - (p.sy * p.sy) / p.sw;
    if (p.i !== p.j) R[p.i][p.j] = R[p.j][p.i] = cxy / Math.sqrt(cxx * cyy);
    if (p.i === 0) pairN[p.j] = p.n;
  }
  const csv = [names.join(','), ...R.map((row) => row.map(String).join(','))].join('\n') + '\n';
  fs.writeFileSync(path.join(dir, 'R.csv'), csv);
  const out = JSON.parse(execFileSync(UXCX, ['drivers', '--matrix', path.join(dir, 'R.csv'), '--n', String(got.complete),
    '--outcome', outcome], { encoding: 'utf8' }));
  const block = journey.drivers;
  assert.ok(block, 'uxcx survey wrote a drivers block');
  assert.equal(block.n, got.complete, 'complete cases');
  near(block.r2, out.r2, 'R²');
  for (const d of out.drivers) {
    const b = block.touchpoints[d.column];
    assert.ok(b, `the block has ${d.column}`);
    near(b.r, d.r, `${d.column}: r`);
    near(b.importance, d.importance, `${d.column}: importance`);
    near(b.share, d.share, `${d.column}: share`);
    assert.equal(b.sign, d.sign, `${d.column}: sign`);
    assert.equal(b.n, pairN[got.drivers.findIndex((x) => x.touchpoint === d.column) + 1], `${d.column}: n`);
  }
  assert.equal(out.drivers.length, Object.keys(block.touchpoints).length);
}

function survey(csvPath, mapping, name) {
  const m = path.join(dir, `${name}.mapping.json`), out = path.join(dir, `${name}.json`);
  fs.writeFileSync(m, JSON.stringify(mapping));
  execFileSync(UXCX, ['survey', csvPath, m, out], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

// The committed airline mapping, plus an NPS reading (11 = N/A: its own list) on baggage, a 1-7
// CES touchpoint, and "N/A" as a text code, so every kind of aggregate is checked.
function testMapping(weighted) {
  const m = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/survey/airline.mapping.json'), 'utf8'));
  m.na = [0, 'N/A'];
  const baggage = m.touchpoints.find((t) => t.id === 'baggage');
  baggage.cx.nps = { column: 'Recommend', na: [11] };
  m.touchpoints.push({ id: 'help', stage: m.stages[m.stages.length - 1].id, channel: m.channels[m.channels.length - 1].id,
    name: 'Getting help', cx: { ces: { column: 'Ease of getting help', scale: [1, 7] } } });
  if (weighted) m.weight = 'wt';
  return m;
}

for (const weighted of [false, true]) {
  test(`DuckDB SQL = uxcx survey on generated airline answers (${weighted ? 'weighted' : 'unweighted'})`, async () => {
    const csvPath = path.join(dir, 'answers.csv');
    if (!fs.existsSync(csvPath)) fs.writeFileSync(csvPath, airlineAnswers({ rows: 6000, seed: 7 }));
    const mapping = testMapping(weighted);
    const journey = survey(csvPath, mapping, weighted ? 'weighted' : 'plain');
    const got = await runSql(mapping, csvPath);
    assert.equal(journey.sets.length, 7);
    const checked = checkAggregates(journey, got, weighted);
    assert.ok(checked >= 7 * 16, `every set's readings were compared (${checked})`);
    checkDrivers(journey, got, mapping.outcome.column);
  });
}

test('DuckDB SQL = uxcx survey on the real airline export (UXCX_AIRLINE_CSV)', { skip: !process.env.UXCX_AIRLINE_CSV }, async () => {
  const csvPath = path.resolve(process.env.UXCX_AIRLINE_CSV);
  const mapping = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/survey/airline.mapping.json'), 'utf8'));
  const journey = survey(csvPath, mapping, 'real');
  const got = await runSql(mapping, csvPath);
  checkAggregates(journey, got, false);
  checkDrivers(journey, got, mapping.outcome.column);
});
