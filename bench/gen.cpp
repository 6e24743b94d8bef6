// gen.cpp: `gen N OUT.json [OUT.mmd] [--stages S] [--seed K] [--pretty]`: writes a generated
// journey of N touchpoints as our JSON and, optionally, the same journey as Mermaid `journey` text.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "gen_journey.h"

namespace {

int usage() {
    std::fprintf(stderr,
                 "usage: gen N OUT.json [OUT.mmd] [--stages S] [--seed K] [--pretty]\n"
                 "  N touchpoints over S stages (default 8), seed K (default 1); the same N, S and K\n"
                 "  always give the same files. JSON is minified unless --pretty.\n");
    return 2;
}

bool write(const char* path, const std::string& text) {
    FILE* f = std::fopen(path, "wb");
    if (!f || std::fwrite(text.data(), 1, text.size(), f) != text.size() || std::fclose(f) != 0) {
        std::fprintf(stderr, "gen: cannot write %s\n", path);
        return false;
    }
    return true;
}

bool parse_int(const char* s, long long lo, long long hi, long long& out) {
    char* end = nullptr;
    out = std::strtoll(s, &end, 10);
    return end && *end == 0 && end != s && out >= lo && out <= hi;
}

}  // namespace

int main(int argc, char** argv) {
    long long n = -1, stages = 8, seed = 1;
    const char* json = nullptr;
    const char* mmd = nullptr;
    bool pretty = false;
    for (int i = 1; i < argc; i++) {
        const char* a = argv[i];
        if (!std::strcmp(a, "--stages") && i + 1 < argc) {
            if (!parse_int(argv[++i], 1, 1000, stages)) return usage();
        } else if (!std::strcmp(a, "--seed") && i + 1 < argc) {
            if (!parse_int(argv[++i], 0, (long long)1 << 62, seed)) return usage();
        } else if (!std::strcmp(a, "--pretty")) {
            pretty = true;
        } else if (a[0] == '-') {
            return usage();
        } else if (n < 0) {
            if (!parse_int(a, 1, 2000000, n)) return usage();
        } else if (!json) {
            json = a;
        } else if (!mmd) {
            mmd = a;
        } else {
            return usage();
        }
    }
    if (n < 0 || !json) return usage();

    uxcx::Journey j = uxcx::bench::generate_journey((int)n, (int)stages, (uint64_t)seed);
    std::string text = uxcx::save_journey_json(j);
    if (!pretty) text = uxcx::bench::minify_json(text);
    if (!write(json, text)) return 1;
    if (mmd && !write(mmd, uxcx::export_mermaid(j))) return 1;
    std::fprintf(stderr, "gen: %lld touchpoints, %lld stages, seed %lld: %s (%.1f MB)%s%s\n", n, stages, seed, json,
                 text.size() / 1e6, mmd ? ", " : "", mmd ? mmd : "");
    return 0;
}
