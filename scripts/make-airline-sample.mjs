// make-airline-sample.mjs: builds assets/samples/airline.json from the airline passenger survey
// (Kaggle teejmahal20/airline-passenger-satisfaction, test split). Ships aggregates only, never rows.
//
// Usage: node scripts/make-airline-sample.mjs [survey.csv] [out.json]
//   defaults: ../shared/data/airline/airline_passenger_satisfaction_kaggle_test_25976.csv (relative
//   to the repository) and assets/samples/airline.json. Node 18+, no dependencies.
//
// What is computed, per touchpoint (one survey item) and per segment (measurement set):
//   the answers 1..5 counted (0 = "not applicable" is excluded, and so is anything else that is not
//   1..5), n, mean, sample SD (n - 1). The counts become `cx.csat: {counts}`: CSAT is the share of
//   4-5 answers, which is what the survey item measures (satisfaction with that part of the trip).
// Only "Ease of Online booking" asks about ease of a digital interface; it is read as UX, not CX:
//   its 1-5 mean is rescaled linearly to the SEQ's 1-7 range (x7 = 1 + 1.5 (x5 - 1), SD x 1.5), so
//   its 0-100 score, (x7 - 1) / 6 * 100, equals (x5 - 1) / 4 * 100: the 1-5 answer's own position.
// Emotion on the -2..+2 curve is the item's mean minus 3 (the scale's midpoint), one decimal.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const input = resolve(process.argv[2] ?? resolve(repo, "../shared/data/airline/airline_passenger_satisfaction_kaggle_test_25976.csv"));
const output = resolve(process.argv[3] ?? resolve(repo, "assets/samples/airline.json"));

// ---- Read the survey. The file has no quoted fields (checked: no '"' anywhere); refuse one that does.
const text = readFileSync(input, "utf8");
if (text.includes('"')) throw new Error(`${input}: quoted CSV fields are not supported by this script`);
const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
const header = lines[0].split(",");
const col = (name) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${input}: no column "${name}"`);
    return i;
};
const rows = lines.slice(1).map((l, i) => {
    const r = l.split(",");
    if (r.length !== header.length) throw new Error(`${input}:${i + 2}: ${r.length} fields, expected ${header.length}`);
    return r;
});

// ---- The journey: stages, channels, and one touchpoint per survey item.
const stages = [
    { id: "booking", name: "Booking", description: "Chooses a flight and books it on the website or app." },
    { id: "check-in", name: "Check-in", description: "Checks in online or at the desk." },
    { id: "boarding", name: "Boarding", description: "Finds the gate and boards." },
    { id: "cabin", name: "Seat and cabin", description: "The physical product: seat, leg room, cleanliness." },
    { id: "service", name: "Service on board", description: "Crew, food and drink, Wi-Fi and entertainment." },
    { id: "arrival", name: "Arrival", description: "Collects the bags." },
];
const channels = [
    { id: "web-app", name: "Website and app", digital: true },
    { id: "onboard-digital", name: "Wi-Fi portal and seat-back screen", digital: true },
    { id: "airport", name: "Airport desk and gate", digital: false },
    { id: "cabin", name: "Cabin and crew", digital: false },
    { id: "baggage", name: "Baggage service", digital: false },
];
// item: the survey column; volume: passengers for whom the item applied (its n over all answers).
const items = [
    { id: "online-booking", item: "Ease of Online booking", stage: "booking", channel: "web-app", name: "Book the flight online", ux: true, owner: "Digital product team", url: "https://www.kaggle.com/datasets/teejmahal20/airline-passenger-satisfaction" },
    { id: "schedule", item: "Departure/Arrival time convenient", stage: "booking", channel: "web-app", name: "Find convenient departure and arrival times", owner: "Network planning" },
    { id: "checkin-desk", item: "Checkin service", stage: "check-in", channel: "airport", name: "Check-in service", owner: "Airport operations" },
    { id: "online-boarding", item: "Online boarding", stage: "check-in", channel: "web-app", name: "Online check-in and boarding pass", owner: "Digital product team" },
    { id: "gate", item: "Gate location", stage: "boarding", channel: "airport", name: "Gate location", owner: "Airport operations" },
    { id: "seat", item: "Seat comfort", stage: "cabin", channel: "cabin", name: "Seat comfort", owner: "Fleet and product" },
    { id: "leg-room", item: "Leg room service", stage: "cabin", channel: "cabin", name: "Leg room", owner: "Fleet and product" },
    { id: "cleanliness", item: "Cleanliness", stage: "cabin", channel: "cabin", name: "Cleanliness", owner: "Cabin services" },
    { id: "wifi", item: "Inflight wifi service", stage: "service", channel: "onboard-digital", name: "In-flight Wi-Fi", owner: "Digital product team" },
    { id: "entertainment", item: "Inflight entertainment", stage: "service", channel: "onboard-digital", name: "In-flight entertainment", owner: "Digital product team" },
    { id: "food", item: "Food and drink", stage: "service", channel: "cabin", name: "Food and drink", owner: "Catering" },
    { id: "onboard-service", item: "On-board service", stage: "service", channel: "cabin", name: "On-board service", owner: "Cabin crew management" },
    { id: "inflight-service", item: "Inflight service", stage: "service", channel: "cabin", name: "In-flight service", owner: "Cabin crew management" },
    { id: "baggage", item: "Baggage handling", stage: "arrival", channel: "baggage", name: "Baggage handling", owner: "Ground handling" },
];

// ---- Segments: each is one measurement set. The first is every passenger.
const segCol = { type: col("Type of Travel"), cls: col("Class"), loyal: col("Customer Type") };
const sets = [
    { id: "all", name: "All passengers", keep: () => true },
    { id: "business-travel", name: "Business travel", keep: (r) => r[segCol.type] === "Business travel" },
    { id: "personal-travel", name: "Personal travel", keep: (r) => r[segCol.type] === "Personal Travel" },
    { id: "business-class", name: "Business class", keep: (r) => r[segCol.cls] === "Business" },
    { id: "economy", name: "Economy (Eco and Eco Plus)", keep: (r) => r[segCol.cls] === "Eco" || r[segCol.cls] === "Eco Plus" },
    { id: "loyal", name: "Loyal customers", keep: (r) => r[segCol.loyal] === "Loyal Customer" },
    { id: "disloyal", name: "Disloyal customers", keep: (r) => r[segCol.loyal] === "disloyal Customer" },
];

function summarise(segmentRows, column) {
    const counts = [0, 0, 0, 0, 0];
    for (const r of segmentRows) {
        const v = Number(r[column]);
        if (Number.isInteger(v) && v >= 1 && v <= 5) counts[v - 1]++;
    }
    const n = counts.reduce((a, b) => a + b, 0);
    const mean = counts.reduce((a, c, i) => a + c * (i + 1), 0) / n;
    const ss = counts.reduce((a, c, i) => a + c * (i + 1 - mean) ** 2, 0);
    const sd = Math.sqrt(ss / (n - 1));
    const top2 = (counts[3] + counts[4]) / n;
    return { counts, n, mean, sd, top2, notApplicable: segmentRows.length - n };
}

const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;
const pct = (x) => `${(100 * x).toFixed(1)}%`;
const int = (x) => x.toLocaleString("en-GB");

function measurement(s, withUx) {
    const m = {};
    if (withUx) {
        m.ux = { seq: { mean: round(1 + 1.5 * (s.mean - 1), 3), sd: round(1.5 * s.sd, 3), n: s.n } };
    } else {
        m.cx = { csat: { counts: s.counts } };
    }
    m.emotion = round(s.mean - 3, 1);
    return m;
}

const satisfied = col("satisfaction");
const segRows = sets.map((set) => rows.filter(set.keep));
const satisfiedShare = segRows.map((rs) => rs.filter((r) => r[satisfied] === "satisfied").length / rs.length);

const touchpoints = items.map((it) => {
    const c = col(it.item);
    const per = segRows.map((rs) => summarise(rs, c));
    const all = per[0];
    const tp = { id: it.id, stage: it.stage, channel: it.channel, name: it.name };
    tp.description =
        `Survey item "${it.item}" (0-5, 0 = not applicable): mean ${round(all.mean, 2)} (SD ${round(all.sd, 2)}) ` +
        `over ${int(all.n)} answers, ${pct(all.top2)} answered 4 or 5` +
        (all.notApplicable ? `; ${int(all.notApplicable)} "not applicable" answers excluded.` : ".") +
        (it.ux ? " An ease rating of the booking site, so it is read as UX: the 1-5 mean rescaled to the SEQ's 1-7 range." : "");
    Object.assign(tp, measurement(all, it.ux));
    tp.volume = all.n;
    // Differences between segments worth a consultant's sentence: the largest gap in top-2-box share.
    const gaps = [
        ["business travellers", "personal travellers", per[1], per[2]],
        ["business class", "economy", per[3], per[4]],
        ["loyal", "disloyal customers", per[5], per[6]],
    ].map(([a, b, x, y]) => ({ a, b, d: x.top2 - y.top2, x, y }));
    const big = gaps.reduce((p, g) => (Math.abs(g.d) > Math.abs(p.d) ? g : p));
    const line = `${pct(big.x.top2)} of ${big.a} vs ${pct(big.y.top2)} of ${big.b} rate it 4-5`;
    if (all.top2 < 0.6) tp.painPoints = [`Only ${pct(all.top2)} rate it 4-5; ${pct((all.counts[0] + all.counts[1]) / all.n)} rate it 1-2.`];
    tp.opportunities = [`Study the segment gap: ${line}.`];
    tp.owner = it.owner;
    if (it.url) tp.url = it.url;
    tp.measurements = {};
    sets.slice(1).forEach((set, k) => (tp.measurements[set.id] = measurement(per[k + 1], it.ux)));
    return tp;
});

// ---- The journey document.
const n = rows.length;
const journey = {
    $schema: "../schema/journey.schema.json",
    version: 1,
    title: "Airline: a real passenger survey, touchpoint by touchpoint",
    description:
        `Aggregates of ${int(n)} real survey answers (Kaggle teejmahal20/airline-passenger-satisfaction, test split; ` +
        `only counts, means and shares are shipped). ${pct(satisfiedShare[0])} of passengers were satisfied overall ` +
        `(business travel ${pct(satisfiedShare[1])}, personal travel ${pct(satisfiedShare[2])}; ` +
        `business class ${pct(satisfiedShare[3])}, economy ${pct(satisfiedShare[4])}; ` +
        `loyal ${pct(satisfiedShare[5])}, disloyal ${pct(satisfiedShare[6])}). ` +
        `The survey has no refund or call-centre item, so the refund part of the airline story cannot be shown from it; ` +
        `what it shows is that the digital touchpoints (Wi-Fi, online booking) are rated lowest and the crew and baggage highest.`,
    persona: {
        name: "Airline passengers (survey respondents)",
        description: `${int(n)} passengers; ${int(segRows[1].length)} on business trips, ${int(segRows[2].length)} on personal trips; ` +
            `${int(segRows[3].length)} in business class.`,
    },
    sets: sets.map(({ id, name }) => ({ id, name })),
    stages,
    channels,
    touchpoints,
};

writeFileSync(output, JSON.stringify(journey, null, 2) + "\n");
console.log(`wrote ${output}: ${touchpoints.length} touchpoints, ${sets.length} sets, from ${int(n)} answers`);
