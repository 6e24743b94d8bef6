// gen_journey.h: a deterministic generator of realistic journeys for benchmarks and load tests
// (N touchpoints over S stages, online and offline channels, mixed UX and CX metrics).
// Shared by bench/gen.cpp (writes files) and bench/bench_core.cpp (measures in memory).
#pragma once

#include <cctype>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>

#include "core/convert.h"
#include "core/journey.h"

namespace uxcx::bench {

// PCG32 (O'Neill, pcg-random.org, "pcg32_random_r"): our own generator and our own
// distributions, so the same seed gives the same journey with any compiler and standard library.
struct Pcg32 {
    uint64_t state = 0, inc = 0;
    explicit Pcg32(uint64_t seed, uint64_t stream = 54) {
        inc = (stream << 1u) | 1u;
        next();
        state += seed;
        next();
    }
    uint32_t next() {
        uint64_t old = state;
        state = old * 6364136223846793005ULL + inc;
        uint32_t xorshifted = (uint32_t)(((old >> 18u) ^ old) >> 27u);
        uint32_t rot = (uint32_t)(old >> 59u);
        return (xorshifted >> rot) | (xorshifted << ((-rot) & 31));
    }
    double uniform() { return next() * (1.0 / 4294967296.0); }  // [0, 1)
    int below(int n) { return (int)(uniform() * n); }            // 0..n-1
    bool chance(double p) { return uniform() < p; }
    // Roughly normal (Irwin-Hall sum of 4 uniforms, rescaled): plain arithmetic, no libm calls.
    double normal(double mean, double sd) {
        double s = uniform() + uniform() + uniform() + uniform();
        return mean + (s - 2.0) * 1.7320508075688772 * sd;
    }
};

// Rounds to `digits` decimals by dividing by a power of ten, so 48.8 prints as 48.8 and not as
// 48.800000000000004 (which multiplying by 0.1 gives).
inline double round_to(double v, int digits) {
    double scale = digits == 0 ? 1 : digits == 1 ? 10 : digits == 2 ? 100 : 1000;
    return std::round(v * scale) / scale;
}
inline double clampd(double v, double lo, double hi) { return v < lo ? lo : v > hi ? hi : v; }

inline const char* const kGenStages[] = {"Awareness", "Consideration", "Purchase", "Onboarding",
                                         "Use", "Support", "Renewal", "Advocacy"};
struct GenChannel {
    const char* id;
    const char* name;
    bool digital;
};
inline const GenChannel kGenChannels[] = {{"web", "Website", true},   {"app", "Mobile app", true},
                                          {"email", "Email", true},   {"phone", "Phone support", false},
                                          {"store", "Store", false},  {"courier", "Courier", false}};
inline const char* const kGenActions[] = {"Compare", "Book", "Track", "Change", "Cancel", "Pay for", "Ask about",
                                          "Renew", "Return", "Review", "Find", "Set up", "Upgrade", "Share"};
inline const char* const kGenObjects[] = {"plan", "order", "delivery", "account", "invoice", "refund",
                                          "appointment", "subscription", "seat", "warranty", "profile", "voucher"};
inline const char* const kGenPains[] = {
    "Had to enter the same details twice",
    "Waited on hold for over twenty minutes before anyone answered",
    "The confirmation email never arrived",
    "Price changed between the listing and the checkout page",
    "Could not find where to change the delivery address",
    "Agent asked me to call another number",
};
inline const char* const kGenOpportunities[] = {
    "Prefill from the account",
    "Offer a call-back instead of a queue",
    "Show the total price up front",
    "Send a tracking link by text message",
};
inline const char* const kGenQuotes[] = {
    "It took three clicks and I was done, really smooth.",
    "Nobody could tell me when the courier would come.",
    "I would recommend them, the staff fixed it on the spot.",
    "Why do I have to phone when I already wrote an email?",
};

// Builds the journey in memory; gen.cpp and bench_core.cpp turn it into text with the same
// writers the app uses, so the files are what a user would save.
inline Journey generate_journey(int touchpoints, int stages, uint64_t seed) {
    Pcg32 rng(seed);
    Journey j;
    j.version = 1;
    j.title = "Generated journey (" + std::to_string(touchpoints) + " touchpoints, seed " + std::to_string(seed) + ")";
    j.sets.push_back(MeasurementSet{"current", "Current", "", {}});
    for (int s = 0; s < stages; s++) {
        Stage st;
        st.name = s < 8 ? kGenStages[s] : "Stage " + std::to_string(s + 1);
        st.id = s < 8 ? std::string(kGenStages[s]) : "stage-" + std::to_string(s + 1);
        for (char& c : st.id) c = (char)std::tolower((unsigned char)c);
        j.stages.push_back(std::move(st));
    }
    for (const GenChannel& c : kGenChannels) j.channels.push_back(Channel{c.id, c.name, c.digital, {}});

    j.touchpoints.reserve((size_t)touchpoints);
    for (int i = 0; i < touchpoints; i++) {
        Touchpoint tp;
        tp.id = "tp-" + std::to_string(i + 1);
        tp.stage = stages > 0 ? (int)((long long)i * stages / touchpoints) : -1;  // in journey order
        tp.channel = rng.below(6);
        const GenChannel& ch = kGenChannels[tp.channel];
        // One draw a statement: the order of two in one expression is the compiler's choice, and
        // clang's differed from g++'s (the same seed gave other names). g++'s order is kept: the
        // object is drawn first.
        const uint32_t object = rng.below(12);
        tp.name = std::string(kGenActions[rng.below(14)]) + " " + kGenObjects[object];
        tp.volume = round_to(100 + rng.uniform() * rng.uniform() * 50000, 0);
        Measurement m;
        // A touchpoint quality drives UX, CX and emotion together, with noise: realistic gaps.
        double quality = rng.normal(0.62, 0.15);
        double cxQuality = clampd(quality + rng.normal(0, 0.15), 0.05, 0.98);
        m.emotion = clampd(round_to((cxQuality - 0.5) * 5, 0), -2, 2);
        if (ch.digital) {
            m.uxN = (double)(5 + rng.below(36));
            double uxQuality = clampd(quality, 0.05, 0.98);
            int metrics = 2 + rng.below(3);  // 2-4 UX metrics
            int order[6] = {0, 1, 2, 3, 4, 5};
            for (int k = 5; k > 0; k--) std::swap(order[k], order[rng.below(k + 1)]);
            for (int k = 0; k < metrics; k++) {
                Reading r;
                switch ((Metric)order[k]) {
                case Metric::Sus:
                    r.value = round_to(clampd(rng.normal(uxQuality * 100, 8), 0, 100), 1);
                    if (rng.chance(0.4)) r.sd = round_to(10 + rng.uniform() * 10, 1);
                    break;
                case Metric::Seq:
                    r.value = round_to(clampd(1 + 6 * uxQuality + rng.normal(0, 0.4), 1, 7), 1);
                    if (rng.chance(0.4)) r.sd = round_to(0.8 + rng.uniform(), 1);
                    break;
                case Metric::UmuxLite:
                    r.value = round_to(clampd(rng.normal(uxQuality * 100, 8), 0, 100), 1);
                    break;
                case Metric::TaskSuccess: {
                    double attempts = *m.uxN;
                    double successes = std::round(clampd(uxQuality + rng.normal(0, 0.1), 0, 1) * attempts);
                    r.value = successes / attempts;
                    if (rng.chance(0.3)) r.counts = {successes, attempts};
                    else r.value = round_to(r.value, 2);
                    break;
                }
                case Metric::TimeOnTask:
                    m.timeTarget = (double)(30 + 15 * rng.below(8));
                    r.value = round_to(*m.timeTarget / clampd(uxQuality + rng.normal(0, 0.1), 0.2, 1.3), 1);
                    r.sd = round_to(0.3 + rng.uniform() * 0.4, 2);
                    break;
                case Metric::ErrorRate:
                    r.value = round_to(clampd(1 - uxQuality + rng.normal(0, 0.1), 0, 1), 2);
                    break;
                default: break;
                }
                r.n = m.uxN;
                m.metrics[order[k]] = r;
            }
        }
        m.cxN = (double)(30 + rng.below(800));
        int cxMetrics = 1 + rng.below(3);  // 1-3 CX metrics
        int start = rng.below(3);
        for (int k = 0; k < cxMetrics; k++) {
            Metric metric = (Metric)((int)Metric::Nps + (start + k) % 3);
            Reading r;
            double n = *m.cxN;
            if (metric == Metric::Nps) {
                double p = clampd(cxQuality * 0.8 + rng.normal(0, 0.05), 0, 1);
                double d = clampd((1 - cxQuality) * 0.6 + rng.normal(0, 0.05), 0, 1 - p);
                if (rng.chance(0.25)) {
                    double pc = std::round(p * n), dc = std::round(d * n);
                    r.counts = {pc, n - pc - dc, dc};
                    r.value = (pc - dc) / n * 100;
                } else {
                    r.value = std::round((p - d) * 100);
                }
            } else if (metric == Metric::Csat) {
                double top2 = clampd(cxQuality + rng.normal(0, 0.05), 0, 1);
                if (rng.chance(0.15)) {
                    double c5 = std::round(top2 * n * 0.45), c4 = std::round(top2 * n) - c5;
                    double rest = n - c5 - c4, c1 = std::round(rest * 0.2), c2 = std::round(rest * 0.3);
                    r.counts = {c1, c2, rest - c1 - c2, c4, c5};
                    r.value = (c4 + c5) / n * 100;
                } else {
                    r.value = round_to(top2 * 100, 1);
                }
            } else {
                r.value = round_to(clampd(7 - 6 * cxQuality + rng.normal(0, 0.3), 1, 7), 1);  // effort: lower is better
                if (rng.chance(0.3)) r.sd = round_to(0.9 + rng.uniform(), 1);
            }
            r.n = r.counts.empty() ? m.cxN : std::optional<double>(n);
            m.metrics[(int)metric] = r;
        }
        if (rng.chance(0.12)) tp.painPoints.push_back(kGenPains[rng.below(6)]);
        if (rng.chance(0.03)) tp.painPoints.push_back(kGenPains[rng.below(6)]);
        if (rng.chance(0.06)) tp.opportunities.push_back(kGenOpportunities[rng.below(4)]);
        if (rng.chance(0.08)) tp.quotes.push_back(kGenQuotes[rng.below(4)]);
        tp.sets.push_back(std::move(m));
        j.touchpoints.push_back(std::move(tp));
    }
    return j;
}

// Canonical JSON without the indentation: what a large export weighs on the wire. Whitespace is
// dropped outside strings only.
inline std::string minify_json(const std::string& pretty) {
    std::string out;
    out.reserve(pretty.size());
    bool inString = false;
    for (size_t i = 0; i < pretty.size(); i++) {
        char c = pretty[i];
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < pretty.size()) out += pretty[++i];
            else if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
            out += c;
        } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
            out += c;
        }
    }
    out += '\n';
    return out;
}

}  // namespace uxcx::bench
