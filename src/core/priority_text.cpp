// priority_text.cpp: the priority's terms in words (docs/metrics.md, "Priority").
#include "core/priority_text.h"

#include <cmath>
#include <cstdio>

namespace uxcx {

namespace {

std::string format(const char* fmt, auto... args) {
    char buf[256];
    std::snprintf(buf, sizeof buf, fmt, args...);
    return buf;
}

// A factor as the product shows it: two decimals, trailing zeros dropped ("×1", "×0.46").
std::string factor(double x) {
    std::string s = format("%.2f", x);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

}  // namespace

std::vector<std::string> explain_priority(const Journey& j, const Analysis& a, int i) {
    std::vector<std::string> out;
    if (i < 0 || i >= (int)j.touchpoints.size() || i >= (int)a.touchpoints.size()) return out;
    const PriorityTerms p = priority_terms(j, a, i);
    const int n = (int)j.touchpoints.size();
    if (!p.scored) {
        out.push_back(format("#%d of %d: no UX and no CX score, so no priority (ranked after every scored touchpoint)",
                             p.rank + 1, n));
        return out;
    }
    out.push_back(format("#%d of %d to fix first: priority %.1f", p.rank + 1, n, p.priority));

    const char* side = p.weakerIsCx ? "CX" : "UX";
    const char* only = !p.hasUx ? " (no UX reading: CX only)" : !p.hasCx ? " (no CX reading: UX only)" : " (the weaker side)";
    if (p.shortfall > 0)
        out.push_back(format("Shortfall %.1f: %s %.1f is %.1f points below the threshold %g%s", p.shortfall, side,
                             p.weaker, p.shortfall, p.threshold, only));
    else
        out.push_back(format("Shortfall 0: %s %.1f meets the threshold %g%s, so nothing to fix here", side, p.weaker,
                             p.threshold, only));

    if (p.medianWeight <= 0)
        out.push_back("Reach \u00D71: no touchpoint has customers to weigh by");
    else if (!p.volumeGiven && p.weight == 1 && p.medianWeight == 1)
        out.push_back("Reach \u00D71: no volumes given, every touchpoint counts the same");
    else
        out.push_back(format("Reach \u00D7%s: %.0f customers%s against a median of %.0f (square root of the ratio)",
                             factor(p.reach).c_str(), p.weight, p.volumeGiven ? "" : " (no volume given: the median)",
                             p.medianWeight));

    if (!p.hasDrivers)
        out.push_back("Importance \u00D71: the journey has no key-driver results (not counted)");
    else if (!p.driverFound || !std::isfinite(p.share))
        out.push_back(format("Importance \u00D71: no key-driver result for this touchpoint (counted as an average driver, %.1f%% of R\u00B2)",
                             p.averageShare));
    else
        out.push_back(format("Importance \u00D7%s: %.1f%% of R\u00B2 against %.1f%% for an average driver",
                             factor(p.importance).c_str(), p.share, p.averageShare));

    if (p.thin)
        out.push_back("Evidence \u00D70.5: a score rests on fewer answers than the scoring minimum");
    else
        out.push_back("Evidence \u00D71: every score rests on enough answers");

    if (!std::isnan(p.gap))
        out.push_back(format("Gap UX\u2212CX %+.1f is not counted: it says who fixes it (%s), not how urgent", p.gap,
                             p.gap > 0 ? "the service behind a working interface" : p.gap < 0 ? "the interface" : "both alike"));

    out.push_back(format("%.1f \u00D7 %s \u00D7 %s \u00D7 %s = %.1f", p.shortfall, factor(p.reach).c_str(),
                         factor(p.importance).c_str(), factor(p.evidence).c_str(), p.priority));
    return out;
}

}  // namespace uxcx
