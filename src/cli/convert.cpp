// convert.cpp: `uxcx convert IN OUT`: between journey JSON, Mermaid `journey` text and CSV, each
// side's format taken from its extension.
#include <cstdio>

#include "cli/cli.h"
#include "core/convert.h"

namespace uxcx::cli {

int cmd_convert(const std::vector<std::string>& args) {
    if (args.size() != 2) {
        std::fprintf(stderr, "uxcx convert: expected IN and OUT (see uxcx --help)\n");
        return kExitUsage;
    }
    const std::string& in = args[0];
    const std::string& out = args[1];
    Format to = format_of(out);
    if (to == Format::Unknown) {
        std::fprintf(stderr, "uxcx convert: cannot tell the output format of `%s`: use .json, .mmd or .csv\n", out.c_str());
        return kExitUsage;
    }
    LoadResult r = load_file(in);
    if (report(in, r, stderr)) return kExitErrors;

    std::string text;
    switch (to) {
    case Format::Json: text = save_journey_json(r.journey); break;
    case Format::Csv:
        text = export_csv(r.journey);
        if (r.journey.sets.size() > 1)
            std::fprintf(stderr, "uxcx convert: note: CSV carries the first measurement set only (\"%s\")\n",
                         r.journey.sets[0].name.c_str());
        break;
    case Format::Mermaid:
        text = export_mermaid(r.journey);
        std::fprintf(stderr, "uxcx convert: note: Mermaid keeps stages, touchpoints, emotion and actors; "
                             "UX/CX metrics and channels are not carried\n");
        break;
    case Format::Unknown: break;
    }
    std::string error;
    if (!write_file(out, text, error)) {
        std::fprintf(stderr, "%s: error: %s\n", out.c_str(), error.c_str());
        return kExitErrors;
    }
    return kExitOk;
}

}  // namespace uxcx::cli
