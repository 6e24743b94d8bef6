// survey-gen.mjs: a raw survey export shaped like the airline survey (../shared/data/airline), for
// the import's end-to-end test (tests/e2e/import.test.mjs) and the browser throughput figures
// (bench/README.md). One row per respondent: an id, a free-text comment, Gender, Customer Type,
// Age, Type of Travel, Class, Flight Distance, 1-5 ratings with 0 = not applicable, and the
// outcome "satisfaction" (satisfied / neutral or dissatisfied) driven mostly by the Wi-Fi and the
// seat. Seeded (PCG32-like LCG), so a seed always gives the same file.
//
//   node bench/survey-gen.mjs --rows 1000000 --readings 20 --seed 7 --out big.csv --mapping big.mapping.json
//
// The ids ("resp-000123") and comments ("note-000123 ...") are unique per row: a test can search
// storage for them to prove that no raw row was kept.
import fs from 'node:fs';

export const AIRLINE_ITEMS = [
  'Inflight wifi service', 'Departure/Arrival time convenient', 'Ease of Online booking', 'Gate location',
  'Food and drink', 'Online boarding', 'Seat comfort', 'Inflight entertainment', 'On-board service',
  'Leg room service', 'Baggage handling', 'Checkin service', 'Inflight service', 'Cleanliness',
];

export function readingNames(readings) {
  const names = AIRLINE_ITEMS.slice(0, Math.min(readings, AIRLINE_ITEMS.length));
  for (let i = names.length; i < readings; i++) names.push(`Rating ${i + 1}`);
  return names;
}

// mulberry32: small, fast and seeded (a million rows draw ~30 million numbers); the same numbers on
// every machine and Node version. tests/scale/airline-answers.mjs draws from it too.
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Yields the CSV in chunks of about `chunkRows` rows (a 1,000,000-row file never sits in memory).
export function* surveyCsv({ rows = 2000, readings = 14, seed = 1, chunkRows = 5000 } = {}) {
  const names = readingNames(readings);
  const header = ['id', 'Comments', 'Gender', 'Customer Type', 'Age', 'Type of Travel', 'Class', 'Flight Distance', ...names, 'satisfaction'];
  const q = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  let out = header.map(q).join(',') + '\n';
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  for (let i = 1; i <= rows; i++) {
    const business = r() < 0.69;
    const cls = business ? (r() < 0.7 ? 'Business' : pick(['Eco', 'Eco Plus'])) : (r() < 0.1 ? 'Business' : pick(['Eco', 'Eco', 'Eco Plus']));
    const loyal = r() < 0.82;
    const mood = r() * 2 - 1 + (cls === 'Business' ? 0.6 : 0) + (loyal ? 0.2 : -0.3);
    const answers = names.map((name, k) => {
      if (r() < 0.03) return 0;  // not applicable
      const base = 3 + mood * (k === 0 ? 0.6 : 0.9) + (k === 0 ? -0.6 : 0) + (r() * 2 - 1) * 1.2;
      return Math.max(1, Math.min(5, Math.round(base)));
    });
    const wifi = answers[0] || 3, seat = answers[Math.min(6, answers.length - 1)] || 3;
    const p = 1 / (1 + Math.exp(-(1.1 * (wifi - 3) + 0.6 * (seat - 3) + 0.5 * mood - 0.3)));
    const row = [
      `resp-${String(i).padStart(6, '0')}`,
      r() < 0.2 ? `"note-${String(i).padStart(6, '0')}: ${pick(['seat, too narrow', 'wifi kept dropping', 'great crew'])}"` : '',
      pick(['Female', 'Male']), loyal ? 'Loyal Customer' : 'disloyal Customer', String(18 + Math.floor(r() * 60)),
      business ? 'Business travel' : 'Personal Travel', cls, String(100 + Math.floor(r() * 4000)),
      ...answers.map(String), r() < p ? 'satisfied' : 'neutral or dissatisfied',
    ];
    out += row.join(',') + '\n';
    if (i % chunkRows === 0) { yield out; out = ''; }
  }
  if (out) yield out;
}

export const surveyCsvText = (options) => Array.from(surveyCsv(options)).join('');

// A mapping (docs/survey-mapping.md) for the generated file: every rating a CSAT reading of its
// own touchpoint, 0 = not applicable, the three segments, the text outcome.
export function surveyMapping({ readings = 14, title = 'Generated airline survey' } = {}) {
  const names = readingNames(readings);
  return {
    version: 1, title, na: [0],
    segments: [{ column: 'Type of Travel' }, { column: 'Class' }, { column: 'Customer Type' }],
    outcome: { column: 'satisfaction', codes: { satisfied: 1, 'neutral or dissatisfied': 0 } },
    stages: [{ id: 'flight', name: 'Flight' }],
    channels: [],
    touchpoints: names.map((n, k) => ({ id: `item-${k + 1}`, name: n, stage: 'flight', cx: { csat: { column: n } } })),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (k, d) => { const i = process.argv.indexOf(k); return i > 0 ? process.argv[i + 1] : d; };
  const rows = Number(arg('--rows', 2000)), readings = Number(arg('--readings', 14)), seed = Number(arg('--seed', 1));
  const out = arg('--out', null), mapping = arg('--mapping', null);
  const fd = out ? fs.openSync(out, 'w') : 1;
  for (const chunk of surveyCsv({ rows, readings, seed })) fs.writeSync(fd, chunk);
  if (out) fs.closeSync(fd);
  if (mapping) fs.writeFileSync(mapping, JSON.stringify(surveyMapping({ readings }), null, 2) + '\n');
}
