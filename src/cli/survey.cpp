// survey.cpp: `uxcx survey DATA.csv MAPPING.json OUT.json`: raw survey answers -> a journey, through
// a mapping file (docs/survey-mapping.md). The CSV is streamed in chunks, so its size is not bounded
// by memory; only the aggregates reach OUT.json.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "cli/cli.h"
#include "core/convert.h"
#include "core/survey.h"

namespace uxcx::cli {

int cmd_survey(const std::vector<std::string>& args) {
    std::vector<std::string> files;
    SurveyOptions options;
    for (size_t i = 0; i < args.size(); i++) {
        const std::string& a = args[i];
        bool hasValue = i + 1 < args.size();
        if (a == "--listwise") {
            options.drivers.listwise = true;
        } else if (a == "--method" && hasValue) {
            if (!driver_method_from_key(args[++i], options.drivers.method)) {
                std::fprintf(stderr, "uxcx survey: --method is shapley or relweights\n");
                return kExitUsage;
            }
        } else if ((a == "--bootstrap" || a == "--seed") && hasValue) {
            char* end = nullptr;
            unsigned long long v = std::strtoull(args[++i].c_str(), &end, 10);
            if (!end || *end || args[i].empty() || (a == "--bootstrap" && v > (unsigned long long)kMaxBootstrap)) {
                std::fprintf(stderr, "uxcx survey: %s takes a whole number%s\n", a.c_str(),
                             a == "--bootstrap" ? " (at most 100000)" : "");
                return kExitUsage;
            }
            if (a == "--bootstrap") options.drivers.bootstrap = (int)v;
            else options.drivers.seed = v;
        } else if (a.size() > 2 && a[0] == '-' && a[1] == '-') {
            std::fprintf(stderr, "uxcx survey: unknown option `%s` (see uxcx --help)\n", a.c_str());
            return kExitUsage;
        } else {
            files.push_back(a);
        }
    }
    if (files.size() != 3) {
        std::fprintf(stderr, "uxcx survey: expected DATA.csv MAPPING.json OUT.json (see uxcx --help)\n");
        return kExitUsage;
    }
    const std::string &data = files[0], &mappingPath = files[1], &out = files[2];
    std::string bytes, error;
    if (!read_file(mappingPath, bytes, error)) {
        std::fprintf(stderr, "%s: error: %s\n", mappingPath.c_str(), error.c_str());
        return kExitErrors;
    }
    SurveyMappingResult m = load_survey_mapping(bytes);
    bool mappingErrors = false;
    for (const Diagnostic& d : m.diagnostics) {
        std::fprintf(stderr, "%s\n", format_diagnostic(mappingPath, d).c_str());
        mappingErrors |= d.severity == Severity::Error;
    }
    if (!m.ok || mappingErrors) return kExitErrors;

    FILE* f = data == "-" ? stdin : std::fopen(data.c_str(), "rb");
    if (!f) {
        std::fprintf(stderr, "%s: error: cannot open: %s\n", data.c_str(), std::strerror(errno));
        return kExitErrors;
    }
    SurveyAggregator agg(m.mapping, options);
    std::vector<char> chunk(1 << 20);
    size_t got;
    while ((got = std::fread(chunk.data(), 1, chunk.size(), f)) > 0)
        if (!agg.feed(std::string_view(chunk.data(), got))) break;
    bool readError = std::ferror(f);
    if (f != stdin) std::fclose(f);
    if (readError) {
        std::fprintf(stderr, "%s: error: read failed\n", data.c_str());
        return kExitErrors;
    }
    SurveyResult r = agg.finish();
    for (const Diagnostic& d : r.diagnostics) std::fprintf(stderr, "%s\n", format_diagnostic(data, d).c_str());
    if (!r.ok) return kExitErrors;

    const SurveyStats& s = r.stats;
    std::fprintf(stderr,
                 "uxcx survey: %llu rows%s, %zu measurement sets, %llu N/A and %llu blank cells, "
                 "%llu invalid cells not used\n",
                 (unsigned long long)s.rows, s.qualtrics ? " (Qualtrics export)" : "", r.journey.sets.size(),
                 (unsigned long long)s.naCells, (unsigned long long)s.blankCells, (unsigned long long)s.invalidCells);
    if (r.journey.drivers)
        std::fprintf(stderr, "uxcx survey: key drivers of `%s`: %s, R² %.4f, n %.0f\n", r.journey.drivers->outcome.c_str(),
                     r.journey.drivers->method.c_str(), r.journey.drivers->r2, r.journey.drivers->n.value_or(0));
    if (!write_file(out, save_journey_json(r.journey), error)) {
        std::fprintf(stderr, "%s: error: %s\n", out.c_str(), error.c_str());
        return kExitErrors;
    }
    return kExitOk;
}

}  // namespace uxcx::cli
