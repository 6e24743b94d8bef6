// airline-answers.mjs: seeded, airline-shaped survey answers for the scale tests (no raw rows are
// shipped, and tests must not need ../shared). Columns as the Kaggle airline export has them (the
// unnamed row-number column, id, Gender, Customer Type, Age, Type of Travel, Class, Flight
// Distance, the 14 items 0-5 with 0 = not applicable, the two delays, satisfaction) plus an NPS
// column "Recommend" (0-10, 11 = not applicable), a 1-7 "Ease of getting help" (CES) and a weight
// "wt". Answers follow one latent satisfaction per passenger, so the items correlate with the
// outcome and with each other as real ratings do. Blanks, "N/A" texts and a few invalid cells
// ("x", "4.5" in a 0-5 item) are sprinkled in, so every path of the reading rules is taken.

import { AIRLINE_ITEMS as ITEMS, rng } from '../../bench/survey-gen.mjs';

const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));

// Returns the CSV text (header + `rows` rows, LF line ends).
export function airlineAnswers({ rows = 6000, seed = 1 } = {}) {
  const r = rng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const header = ['', 'id', 'Gender', 'Customer Type', 'Age', 'Type of Travel', 'Class', 'Flight Distance', ...ITEMS,
    'Departure Delay in Minutes', 'Arrival Delay in Minutes', 'Recommend', 'Ease of getting help', 'wt', 'satisfaction'];
  const quote = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const out = [header.map(quote).join(',')];
  // Each item's weight on the latent satisfaction: some items matter more (wifi, online boarding).
  const loading = ITEMS.map((_, k) => 0.3 + 0.6 * ((k * 7919) % 13) / 12);
  for (let i = 0; i < rows; i++) {
    const business = r() < 0.69;
    const cls = business ? (r() < 0.7 ? 'Business' : 'Eco') : pick(['Eco', 'Eco', 'Eco Plus', 'Business']);
    const loyal = r() < 0.82;
    const latent = normal() + (cls === 'Business' ? 0.6 : -0.2) + (loyal ? 0.2 : -0.3);
    const items = ITEMS.map((_, k) => {
      const u = r();
      if (u < 0.03) return '0';          // not applicable
      if (u < 0.035) return '';          // blank
      if (u < 0.0365) return pick(['x', '4.5', '7']);  // invalid: counted, reported, never used
      return String(clamp(Math.round(3 + loading[k] * latent + 0.9 * normal()), 1, 5));
    });
    const satisfied = latent + 0.5 * normal() > 0.3;
    const rec = r() < 0.04 ? '11' : r() < 0.01 ? 'N/A' : String(clamp(Math.round(6.5 + 1.8 * latent + 1.5 * normal()), 0, 10));
    const help = r() < 0.05 ? '' : String(clamp(Math.round(4.5 + 1.1 * latent + normal()), 1, 7));
    const wt = (0.4 + 1.6 * r()).toFixed(3);
    const row = [String(i), String(10000 + i), pick(['Female', 'Male']), loyal ? 'Loyal Customer' : 'disloyal Customer',
      String(18 + Math.floor(r() * 60)), business ? 'Business travel' : 'Personal Travel', cls,
      String(100 + Math.floor(r() * 4000)), ...items, String(Math.floor(r() * 40)), String(Math.floor(r() * 40)),
      rec, help, wt, r() < 0.01 ? '' : satisfied ? 'satisfied' : 'neutral or dissatisfied'];
    out.push(row.map(quote).join(','));
  }
  return out.join('\n') + '\n';
}
