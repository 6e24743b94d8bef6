// validate.cpp: `uxcx validate FILE...`: every diagnostic of every file, one a line on stdout;
// exit 1 when any file has errors.
#include <cstdio>

#include "cli/cli.h"

namespace uxcx::cli {

int cmd_validate(const std::vector<std::string>& args) {
    if (args.empty()) {
        std::fprintf(stderr, "uxcx validate: expected at least one FILE (see uxcx --help)\n");
        return kExitUsage;
    }
    bool errors = false;
    for (const std::string& path : args)
        if (report(path, load_file(path), stdout)) errors = true;
    return errors ? kExitErrors : kExitOk;
}

}  // namespace uxcx::cli
