// sql-tables.mjs: docs/survey-at-scale.md, section 1, for any survey mapping: the SQL that builds
// the normalised tables raw, respondents, memberships, readings and drivers from an export, as the
// page writes them by hand for the airline mapping. Handles the readings the scale tests use (csat,
// nps, seq, ces: one column each) with the mapping's N/A codes (numbers and texts, a reading's own
// list replacing the global one), a weight column, segments ("each") and an outcome (codes or a
// scale). Anything else is refused loudly rather than computed differently from uxcx.

const SINGLE = new Set(['csat', 'nps', 'seq', 'ces']);

// A SQL string literal and a quoted identifier.
const lit = (s) => `'${String(s).replace(/'/g, "''")}'`;
const ident = (s) => `"${String(s).replace(/"/g, '""')}"`;

// As uxcx's slugify (src/core/convert_text.h): ASCII letters and digits lower-cased, runs of
// anything else one '-', none at the ends.
export function slug(name, fallback) {
  const s = String(name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s || fallback;
}

// The export's header as the engine named its columns; a mapping's name matches after trimming.
function resolver(columns) {
  return (name) => {
    const hit = columns.find((c) => c.trim() === String(name).trim());
    if (hit === undefined) throw new Error(`no column ${JSON.stringify(name)} in the export`);
    return ident(hit);
  };
}

// "the cell is not an N/A code": numbers compare as numbers ("99" matches "99.0"), texts trimmed
// and in any ASCII case.
function notNa(cellSql, codes) {
  const nums = codes.filter((c) => typeof c === 'number');
  const texts = codes.filter((c) => typeof c === 'string');
  const parts = [];
  if (nums.length) parts.push(`coalesce(TRY_CAST(trim(${cellSql}) AS DOUBLE) NOT IN (${nums.join(', ')}), true)`);
  if (texts.length) parts.push(`lower(trim(${cellSql})) NOT IN (${texts.map((t) => lit(t.toLowerCase())).join(', ')})`);
  return parts.length ? parts.join(' AND ') : 'true';
}

// Every reading of the mapping in uxcx's order (touchpoints in order; in each, its blocks and
// readings in file order), skipping the ux readings of offline touchpoints as uxcx does.
export function mappingReadings(mapping) {
  const offline = new Set((mapping.channels || []).filter((c) => c.digital === false).map((c) => c.id));
  const out = [];
  for (const tp of mapping.touchpoints || []) {
    for (const [side, block] of Object.entries(tp)) {
      if ((side !== 'ux' && side !== 'cx') || !block || typeof block !== 'object') continue;
      if (side === 'ux' && offline.has(tp.channel)) continue;
      for (const [metric, spec] of Object.entries(block)) {
        if (!spec || typeof spec !== 'object' || !('column' in spec || 'columns' in spec)) continue;
        if (!SINGLE.has(metric)) throw new Error(`sql-tables.mjs does not build ${metric} readings`);
        out.push({ touchpoint: tp.id, metric, column: spec.column, scale: spec.scale, na: spec.na });
      }
    }
  }
  return out;
}

// The statements of section 1, in order. `csvPath`: the export; `columns`: its header as the
// engine reads it (DESCRIBE raw after the first statement).
export function tableStatements(mapping, csvPath, columns) {
  const col = resolver(columns);
  const globalNa = mapping.na || [];
  const stmts = [];
  const weight = mapping.weight ? `TRY_CAST(trim(${col(mapping.weight)}) AS DOUBLE)` : 'CAST(1 AS DOUBLE)';
  let outcome = 'NULL';
  if (mapping.outcome) {
    const o = mapping.outcome, c = col(o.column);
    if (o.codes) {
      outcome = `CASE lower(trim(${c})) ${Object.entries(o.codes).map(([k, v]) => `WHEN ${lit(k.toLowerCase())} THEN ${Number(v)}`).join(' ')} END`;
    } else {
      const [lo, hi] = o.scale;
      outcome = `CASE WHEN ${notNa(c, o.na || globalNa)} AND TRY_CAST(trim(${c}) AS DOUBLE) BETWEEN ${lo} AND ${hi} THEN TRY_CAST(trim(${c}) AS DOUBLE) END`;
    }
  }
  stmts.push(`CREATE OR REPLACE TABLE respondents AS
SELECT row_id, w, outcome FROM (SELECT row_id, ${weight} AS w, ${outcome} AS outcome FROM raw)
WHERE w IS NOT NULL AND w >= 0 AND isfinite(w)`);

  // Memberships: All, then each segment column's labelled answers ("each").
  if (mapping.segmentSets === 'cross') throw new Error('sql-tables.mjs builds "each" segments only');
  const parts = [`SELECT row_id, 'all' AS set_id FROM respondents`];
  for (const seg of mapping.segments || []) {
    if (!seg.labels) throw new Error('sql-tables.mjs needs labelled segments');
    const c = col(seg.column);
    const idOfName = new Map();
    const whens = [];
    for (const [answer, label] of Object.entries(seg.labels)) {
      const name = typeof label === 'string' ? label : label.name;
      if (!idOfName.has(name)) idOfName.set(name, typeof label === 'object' && label.id ? label.id : slug(name, 'segment'));
      whens.push(`WHEN ${lit(answer)} THEN ${lit(idOfName.get(name))}`);
    }
    parts.push(`SELECT row_id, CASE trim(${c}) ${whens.join(' ')} END FROM raw JOIN respondents USING (row_id)
WHERE trim(${c}) IN (${Object.keys(seg.labels).map(lit).join(', ')})`);
  }
  stmts.push(`CREATE OR REPLACE TABLE memberships AS\n${parts.join('\nUNION ALL\n')}`);

  // Readings: one row per answer used, x as survey-mapping.md's table says.
  const readings = mappingReadings(mapping);
  const cells = readings.map((r) => {
    const c = col(r.column);
    const na = r.na !== undefined ? r.na : globalNa;
    const a = `TRY_CAST(trim(${c}) AS DOUBLE)`;
    let valid, x = a;
    if (r.metric === 'csat') {
      const [lo, hi] = r.scale || [1, 5];
      valid = `${a} = floor(${a}) AND ${a} BETWEEN ${lo} AND ${hi}`;
    } else if (r.metric === 'nps') {
      valid = `${a} = floor(${a}) AND ${a} BETWEEN 0 AND 10`;
    } else {
      const [lo, hi] = r.scale || [1, 7];
      valid = `${a} BETWEEN ${lo} AND ${hi}`;
      if (lo === 1 && hi === 5) x = `1 + (${a} - 1) * 1.5`;
    }
    return `SELECT row_id, ${lit(r.touchpoint)} AS touchpoint, ${lit(r.metric)} AS metric, ${x} AS x FROM raw
WHERE ${a} IS NOT NULL AND ${notNa(c, na)} AND ${valid}`;
  });
  stmts.push(`CREATE OR REPLACE TABLE readings AS
SELECT c.row_id, c.touchpoint, c.metric, c.x FROM (
${cells.join('\nUNION ALL\n')}
) c JOIN respondents USING (row_id)`);

  // Drivers: each touchpoint's main reading (its first), 1..k.
  const seen = new Set(), drivers = [];
  for (const r of readings) if (!seen.has(r.touchpoint)) seen.add(r.touchpoint), drivers.push(r);
  stmts.push(`CREATE OR REPLACE TABLE drivers (var INTEGER, touchpoint VARCHAR, metric VARCHAR)`);
  if (drivers.length)
    stmts.push(`INSERT INTO drivers VALUES ${drivers.map((d, i) => `(${i + 1}, ${lit(d.touchpoint)}, ${lit(d.metric)})`).join(', ')}`);
  return { statements: stmts, readings, drivers };
}

// The statement that reads the export (section 1's first block).
export const rawStatement = (csvPath) =>
  `CREATE OR REPLACE TABLE raw AS SELECT row_number() OVER () AS row_id, * FROM read_csv(${lit(csvPath)}, header = true, all_varchar = true)`;
