// main.cpp: the `uxcx` command-line tool: validate, analyse and convert journey files with the
// same core the web app runs. Dispatches to one file per command.
#include <cstdio>
#include <cstring>

#include "cli/cli.h"

namespace {

constexpr const char* kVersion = "uxcx 0.1.0 (journey format 1)";

constexpr const char* kHelp =
    "uxcx: UX and CX along a customer journey, from the command line.\n"
    "\n"
    "usage:\n"
    "  uxcx validate FILE...   check journey files; one line per problem:\n"
    "                          FILE:LINE:COL: error|warning: POINTER: message\n"
    "                          (POINTER is a JSON pointer, \"(root)\" for the whole file)\n"
    "                          exit 1 if any file has errors, else 0\n"
    "  uxcx stats FILE         scores of the first measurement set as JSON on stdout:\n"
    "                          journey, stages, channels, touchpoints with every metric's\n"
    "                          value, 0-100 score, 95% interval (low, high) and n\n"
    "  uxcx convert IN OUT     convert between journey JSON (.json), Mermaid `journey`\n"
    "                          text (.mmd) and CSV (.csv), by extension\n"
    "  uxcx drivers DATA.csv --outcome COL --drivers A,B,C [--na CODES] [--weight COL]\n"
    "       [--method shapley|relweights] [--listwise] [--bootstrap N --seed S]\n"
    "                          key-driver analysis as JSON: per driver r, importance\n"
    "                          (its part of R²), share (% of R²), sign, 95% interval, n;\n"
    "                          DATA is streamed (no size limit; Qualtrics rows skipped)\n"
    "  uxcx drivers --matrix R.csv --n N [--outcome COL] [--drivers A,B,C]\n"
    "                          the same from a correlation matrix (header row of names;\n"
    "                          outcome: the last variable unless --outcome)\n"
    "  uxcx survey DATA.csv MAPPING.json OUT.json [--method shapley|relweights]\n"
    "       [--listwise] [--bootstrap N --seed S]\n"
    "                          raw survey answers (one row per respondent) -> a journey\n"
    "                          with counts, means and SDs per segment, read through a\n"
    "                          mapping file (docs/survey-mapping.md), and key drivers of\n"
    "                          the mapping's outcome; DATA may be \"-\" (any size)\n"
    "  uxcx --help | help      this text\n"
    "  uxcx --version          the version\n"
    "\n"
    "Input may be JSON, Mermaid or CSV (CSV by its .csv extension); FILE \"-\" reads stdin.\n";

// The help, with the size limit from its one definition (core/limits.h).
void print_help(FILE* out) {
    std::fputs(kHelp, out);
    std::fprintf(out, "Journey and mapping files over %zu MiB are refused; survey answers are streamed (any size).\n"
                      "Exit 2 means the command line was wrong.\n", uxcx::kMaxFileBytes >> 20);
}

}  // namespace

int main(int argc, char** argv) {
    using namespace uxcx::cli;
    if (argc < 2) {
        print_help(stderr);
        return kExitUsage;
    }
    const char* command = argv[1];
    std::vector<std::string> args(argv + 2, argv + argc);
    if (!std::strcmp(command, "--help") || !std::strcmp(command, "-h") || !std::strcmp(command, "help")) {
        print_help(stdout);
        return kExitOk;
    }
    if (!std::strcmp(command, "--version")) {
        std::printf("%s\n", kVersion);
        return kExitOk;
    }
    if (!std::strcmp(command, "validate")) return cmd_validate(args);
    if (!std::strcmp(command, "stats")) return cmd_stats(args);
    if (!std::strcmp(command, "convert")) return cmd_convert(args);
    if (!std::strcmp(command, "drivers")) return cmd_drivers(args);
    if (!std::strcmp(command, "survey")) return cmd_survey(args);
    std::fprintf(stderr, "uxcx: unknown command `%s` (see uxcx --help)\n", command);
    return kExitUsage;
}
