// files.cpp: reading and writing the files the `uxcx` commands work on, with the size cap and
// diagnostics in the compiler-like one-line format.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>

#include "cli/cli.h"
#include "core/convert.h"

namespace uxcx::cli {

static bool ends_with(const std::string& s, const char* suffix) {
    size_t n = std::strlen(suffix);
    if (s.size() < n) return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[s.size() - n + i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c != suffix[i]) return false;
    }
    return true;
}

Format format_of(const std::string& path) {
    if (ends_with(path, ".json")) return Format::Json;
    if (ends_with(path, ".mmd") || ends_with(path, ".mermaid")) return Format::Mermaid;
    if (ends_with(path, ".csv")) return Format::Csv;
    return Format::Unknown;
}

bool read_file(const std::string& path, std::string& bytes, std::string& error) {
    FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
    if (!f) {
        error = std::string("cannot open: ") + std::strerror(errno);
        return false;
    }
    // Refuse a big regular file by its size before reading a byte of it; a pipe is read up to one
    // byte past the cap and refused then.
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (unsigned long long)st.st_size > kMaxFileBytes) {
        error = "file is " + std::to_string((unsigned long long)st.st_size) + " bytes; the limit is " +
                std::to_string(kMaxFileBytes >> 20) + " MiB";
        if (f != stdin) std::fclose(f);
        return false;
    }
    if (S_ISREG(st.st_mode)) bytes.reserve((size_t)st.st_size);
    bytes.clear();
    char buf[1 << 16];
    size_t got;
    while ((got = std::fread(buf, 1, sizeof buf, f)) > 0) {
        bytes.append(buf, got);
        if (bytes.size() > kMaxFileBytes) {
            error = "input is larger than the " + std::to_string(kMaxFileBytes >> 20) + " MiB limit";
            if (f != stdin) std::fclose(f);
            return false;
        }
    }
    bool failed = std::ferror(f);
    if (f != stdin) std::fclose(f);
    if (failed) {
        error = "read error";
        return false;
    }
    return true;
}

bool write_file(const std::string& path, const std::string& bytes, std::string& error) {
    FILE* f = path == "-" ? stdout : std::fopen(path.c_str(), "wb");
    if (!f) {
        error = std::string("cannot create: ") + std::strerror(errno);
        return false;
    }
    bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    ok = (f == stdout ? std::fflush(f) : std::fclose(f)) == 0 && ok;
    if (!ok) error = "write error";
    return ok;
}

LoadResult load_file(const std::string& path) {
    std::string bytes, error;
    if (!read_file(path, bytes, error)) {
        LoadResult r;
        r.diagnostics.push_back({Severity::Error, error, "", 0, 0});
        return r;
    }
    return format_of(path) == Format::Csv ? import_csv(bytes) : load_journey(bytes);
}

// "path:line:column: error: /json/path: message", as compilers print them; a problem of the whole
// file (line 0) has no line and column ("path: warning: ..."), not a made-up "0:0"; a CSV cell also
// names its row and column as a spreadsheet shows them.
std::string format_diagnostic(const std::string& path, const Diagnostic& d) {
    std::string where = path;
    if (d.line > 0) where += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
    std::string cell;
    if (d.row > 0) cell = " (row " + std::to_string(d.row) + (d.field > 0 ? ", column " + std::to_string(d.field) : "") + ")";
    return where + ": " + (d.severity == Severity::Error ? "error" : "warning") + ": " +
           (d.pointer.empty() ? std::string("(root)") : d.pointer) + cell + ": " + d.message;
}

bool report(const std::string& path, const LoadResult& r, FILE* out) {
    bool errors = false;
    for (const Diagnostic& d : r.diagnostics) {
        std::fprintf(out, "%s\n", format_diagnostic(path, d).c_str());
        if (d.severity == Severity::Error) errors = true;
    }
    return errors || !r.ok;
}

}  // namespace uxcx::cli
