// load_any.cpp: the one way in. Looks at the first meaningful text and hands the bytes to the JSON
// loader, the Mermaid `journey` importer or (a header row starting with `id`) the CSV importer.
#include "core/convert.h"
#include "core/convert_text.h"
#include "core/load.h"
#include "core/validate.h"

namespace uxcx {

namespace {

enum class Kind { Json, Mermaid, Csv };

// Skips a UTF-8 BOM, blank lines, Mermaid `%%` comments and `%%{ }%%` directives and a leading `---` front matter
// block, then decides by the first word. Anything that is not clearly Mermaid or our CSV goes to
// the JSON loader, whose diagnostics then say what was expected where.
Kind sniff(std::string_view s) {
    if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
    bool first = true, inFrontMatter = false, sawMermaidOnly = false;
    while (!s.empty()) {
        size_t end = s.find('\n');
        std::string_view line = s.substr(0, end);
        std::string_view t = trim(line);
        s = end == std::string_view::npos ? std::string_view() : s.substr(end + 1);
        if (t == "---" && (first || inFrontMatter)) {
            inFrontMatter = !inFrontMatter;
            sawMermaidOnly = true;
            first = false;
            continue;
        }
        if (!t.empty()) first = false;  // blank lines may come before front matter, as in Mermaid on a page
        if (inFrontMatter || t.empty()) continue;
        if (t.substr(0, 3) == "%%{" && line.find("}%%") == std::string_view::npos) {
            // A directive over several lines: skip to its end (an unclosed one is the importer's to report).
            size_t close = s.find("}%%");
            s = close == std::string_view::npos ? std::string_view() : s.substr(close + 3);
            sawMermaidOnly = true;
            continue;
        }
        if (t.substr(0, 2) == "%%") {
            sawMermaidOnly = true;
            continue;
        }
        if (t[0] == '{' || t[0] == '[') return Kind::Json;
        // Any case: the importer reads `Journey` and says that Mermaid wants it lowercase.
        if (t.size() >= 7 && (t[0] | 0x20) == 'j' && (t.substr(1, 6) == "ourney" || t.substr(1, 6) == "OURNEY") &&
            (t.size() == 7 || t[7] == ' ' || t[7] == '\t' || t[7] == '\r'))
            return Kind::Mermaid;
        if (t[0] == '#') {  // a Mermaid comment (which Mermaid itself refuses before `journey`)
            sawMermaidOnly = true;
            continue;
        }
        if (t.substr(0, 3) == "id," || t.substr(0, 5) == "\"id\"," || t.substr(0, 5) == "name,") return Kind::Csv;
        // Comments or front matter before it: the author meant Mermaid, and the importer will say
        // that `journey` must come first.
        return sawMermaidOnly ? Kind::Mermaid : Kind::Json;
    }
    return sawMermaidOnly ? Kind::Mermaid : Kind::Json;
}

// Mermaid text goes through the same model checks as JSON and CSV. Its diagnostics name the part
// by pointer (the importer keeps no line per task).
LoadResult validated(LoadResult r) {
    if (!r.ok) return r;
    Validation v;
    v.cap = kMaxDiagnostics > r.diagnostics.size() ? kMaxDiagnostics - r.diagnostics.size() : 0;
    validate_journey(r.journey, v);
    for (Diagnostic& d : v.diagnostics) r.diagnostics.push_back(std::move(d));
    if (v.errors > 0) {
        r.ok = false;
        r.journey = Journey{};
    }
    return r;
}

}  // namespace

LoadResult load_journey(std::string_view bytes) {
    if (bytes.size() > kMaxFileBytes) return load_journey_json(bytes);  // it reports the limit
    switch (sniff(bytes)) {
    case Kind::Mermaid: return validated(import_mermaid(bytes));
    case Kind::Csv: return import_csv(bytes);
    case Kind::Json: break;
    }
    return load_journey_json(bytes);
}

}  // namespace uxcx
