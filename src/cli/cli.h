// cli.h: what the `uxcx` tool's commands share: reading a journey file of any format, printing
// diagnostics, and the commands themselves (one file each).
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "core/load.h"

namespace uxcx::cli {

// Exit codes: 0 fine, 1 the input has errors (or an output could not be written), 2 usage error.
constexpr int kExitOk = 0, kExitErrors = 1, kExitUsage = 2;

// The file's format, from its extension: .json, .mmd/.mermaid, .csv; Unknown otherwise.
enum class Format { Json, Mermaid, Csv, Unknown };
Format format_of(const std::string& path);

// Reads a whole file ("-" is standard input), refusing anything over kMaxFileBytes before reading
// it all. On failure returns false and sets `error` to a sentence for the user.
bool read_file(const std::string& path, std::string& bytes, std::string& error);
bool write_file(const std::string& path, const std::string& bytes, std::string& error);

// Reads and loads a journey: CSV by extension, everything else sniffed by load_journey. Read
// failures come back as one error diagnostic at line 0.
LoadResult load_file(const std::string& path);

// `FILE:LINE:COL: error|warning: POINTER: message`, the pointer "(root)" for the whole document.
std::string format_diagnostic(const std::string& path, const Diagnostic& d);
// Prints the result's diagnostics, one a line, to `out`; returns whether there were errors.
bool report(const std::string& path, const LoadResult& r, FILE* out);

int cmd_validate(const std::vector<std::string>& args);
int cmd_stats(const std::vector<std::string>& args);
int cmd_convert(const std::vector<std::string>& args);
int cmd_drivers(const std::vector<std::string>& args);
int cmd_survey(const std::vector<std::string>& args);

}  // namespace uxcx::cli
