// drivers.cpp: `uxcx drivers`: key-driver analysis (core/drivers.h) of a CSV of answers, or of a
// correlation matrix, as JSON on stdout: {outcome, method, n, r2, drivers: [{column, r,
// importance, share, sign, low, high, n}]}.
//
//   uxcx drivers DATA.csv --outcome COL --drivers A,B,C [--na CODES] [--weight COL]
//                [--method shapley|relweights] [--listwise] [--bootstrap N --seed S]
//   uxcx drivers --matrix R.csv --n N [--outcome COL] [--drivers A,B,C] [--method ...]
//
// The CSV is streamed through the core's tokenizer (core/csv_stream.h), the one the survey import
// uses; only the columns named are kept, as numbers.
#include <cerrno>
#include <cmath>
#include <cstring>
#include <functional>
#include <cstdio>
#include <map>
#include <optional>

#include "cli/cli.h"
#include "core/convert_text.h"
#include "core/csv_stream.h"
#include "core/drivers.h"

namespace uxcx::cli {

namespace {

constexpr const char* kUsage =
    "usage: uxcx drivers DATA.csv --outcome COL --drivers A,B,C [--na CODES] [--weight COL]\n"
    "                    [--method shapley|relweights] [--listwise] [--bootstrap N --seed S]\n"
    "       uxcx drivers --matrix R.csv --n N [--outcome COL] [--drivers A,B,C] [--method ...]\n";

int usage(const std::string& why) {
    std::fprintf(stderr, "uxcx drivers: %s\n%s", why.c_str(), kUsage);
    return kExitUsage;
}

// ---- CSV ---------------------------------------------------------------------------------------
// Read through the core's streaming tokenizer (core/csv_stream.h: RFC 4180, BOM, CRLF, the
// delimiter sniffed), in chunks, so a file of any size passes without being held twice: only the
// columns the analysis needs are kept, as numbers.
struct Cell {
    std::string text;
    int line = 0, column = 0;
};
using Record = std::vector<Cell>;

Record copy_record(const CsvRecord& r) {
    Record out(r.fields.size());
    for (size_t i = 0; i < r.fields.size(); i++) out[i] = {std::string(r.fields[i]), r.line, r.columns[i]};
    return out;
}

// Streams `path` ("-": stdin) through a CsvStream that calls `sink` per record. False with
// `error` ("LINE:COL: message" or a sentence) when the file cannot be read or is not CSV.
bool stream_csv(const std::string& path, const std::function<bool(const Record&)>& sink, std::string& error) {
    FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
    if (!f) {
        error = std::string("cannot open: ") + std::strerror(errno);
        return false;
    }
    bool stopped = false;
    CsvStream csv([&](const CsvRecord& r) {
        if (!sink(copy_record(r))) stopped = true;
        return !stopped;
    });
    std::vector<char> buf(1 << 16);
    size_t got;
    bool going = true;
    while (going && (got = std::fread(buf.data(), 1, buf.size(), f)) > 0) going = csv.feed({buf.data(), got});
    bool readError = std::ferror(f);
    if (f != stdin) std::fclose(f);
    if (going) csv.finish();
    if (readError) {
        error = "read error";
        return false;
    }
    if (const CsvError* e = csv.error()) {
        error = std::to_string(e->line) + ":" + std::to_string(e->column) + ": " + e->message;
        return false;
    }
    return !stopped || error.empty();
}

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
}

std::vector<std::string> split_commas(const std::string& s) {
    std::vector<std::string> items;
    size_t pos = 0;
    for (;;) {
        size_t comma = s.find(',', pos);
        items.push_back(trim(std::string_view(s).substr(pos, comma == std::string::npos ? std::string::npos : comma - pos)));
        if (comma == std::string::npos) break;
        pos = comma + 1;
    }
    return items;
}

// Header names, trimmed (exports write headers like "NPS  "); the column of `name`, or -1 with
// `error` set (unknown, or written twice).
int column_of(const Record& header, const std::string& name, std::string& error) {
    int found = -1;
    for (size_t c = 0; c < header.size(); c++)
        if (trim(header[c].text) == name) {
            if (found >= 0) {
                error = "column `" + name + "` appears twice in the header (columns " + std::to_string(found + 1) +
                        " and " + std::to_string(c + 1) + ")";
                return -1;
            }
            found = (int)c;
        }
    if (found < 0) {
        error = "no column `" + name + "` in the header; the columns are:";
        for (auto& h : header) error += " `" + trim(h.text) + "`";
    }
    return found;
}

// "No answer" codes: compared as numbers when both are numbers (so 99 matches 99.0), else as
// trimmed text.
struct NaCodes {
    std::vector<std::string> texts;
    std::vector<double> numbers;
    bool matches(const std::string& cell, bool isNumber, double value) const {
        if (isNumber)
            for (double n : numbers)
                if (n == value) return true;
        for (auto& t : texts)
            if (t == cell) return true;
        return false;
    }
};

struct Options {
    std::string data, matrix, outcome, weight;
    std::vector<std::string> drivers;
    NaCodes na;
    std::optional<double> n;
    DriverOptions analysis;
};

// Reads one numeric cell: blank or an N/A code is missing (NaN, fine); anything else that is not
// a number is missing too, and reported with its place.
double cell_value(const Cell& c, const NaCodes& na, const std::string& path, const std::string& column,
                  int& invalid) {
    std::string t = trim(c.text);
    if (t.empty()) return NAN;
    double v;
    bool isNumber = parse_number(t, v);
    if (na.matches(t, isNumber, v)) return NAN;
    if (isNumber) return v;
    if (++invalid <= 10)
        std::fprintf(stderr, "%s:%d:%d: warning: column `%s`: `%s` is neither a number nor an N/A code (--na); "
                     "treated as no answer\n", path.c_str(), c.line, c.column, column.c_str(), t.c_str());
    return NAN;
}

int run_data(const Options& o) {
    std::string error;
    DriverColumns cols;
    cols.outcomeName = o.outcome;
    cols.driverNames = o.drivers;
    cols.drivers.resize(o.drivers.size());
    int outcomeCol = -1, weightCol = -1, invalid = 0;
    std::vector<int> driverCols(o.drivers.size());
    bool headerBad = false;
    size_t index = 0;
    std::vector<Record> held;  // rows 2 and 3, until they are known not to be Qualtrics headers
    auto value = [&](const Record& r, int c, const std::string& name) {
        if (c < (int)r.size()) return cell_value(r[c], o.na, o.data, name, invalid);
        return (double)NAN;  // a short row: the cell is blank
    };
    auto use = [&](const Record& r) {
        cols.outcome.push_back(value(r, outcomeCol, o.outcome));
        for (size_t j = 0; j < o.drivers.size(); j++) cols.drivers[j].push_back(value(r, driverCols[j], o.drivers[j]));
        if (weightCol >= 0) cols.weights.push_back(value(r, weightCol, o.weight));  // no weight: row dropped
    };
    auto header = [&](const Record& h) {
        auto need = [&](const std::string& name, int& col) {
            col = column_of(h, name, error);
            if (col < 0) std::fprintf(stderr, "%s:1:1: error: %s\n", o.data.c_str(), error.c_str());
            return col >= 0;
        };
        if (!need(o.outcome, outcomeCol) || (!o.weight.empty() && !need(o.weight, weightCol))) return false;
        for (size_t j = 0; j < o.drivers.size(); j++)
            if (!need(o.drivers[j], driverCols[j])) return false;
        return true;
    };
    bool read = stream_csv(o.data, [&](const Record& r) {
        size_t i = index++;
        if (i == 0) {
            headerBad = !header(r);
            return !headerBad;
        }
        // A Qualtrics export has two more header rows: question texts, then {"ImportId": ...}.
        if (i <= 2) {
            held.push_back(r);
            if (i == 1) return true;
            bool qualtrics = false;
            for (auto& c : r) qualtrics = qualtrics || trim(c.text).rfind("{\"ImportId\"", 0) == 0;
            if (!qualtrics)
                for (auto& h : held) use(h);
            held.clear();
            return true;
        }
        use(r);
        return true;
    }, error);
    if (headerBad) return kExitErrors;
    if (!read) {
        std::fprintf(stderr, "%s:%s\n", o.data.c_str(), error.c_str());
        return kExitErrors;
    }
    if (index == 0) {
        std::fprintf(stderr, "%s:1:1: error: empty file: expected a header row naming the columns\n", o.data.c_str());
        return kExitErrors;
    }
    for (auto& h : held) use(h);  // a file that ended after its second row
    if (invalid > 10) std::fprintf(stderr, "%s: warning: %d cells in all were neither numbers nor N/A codes\n", o.data.c_str(), invalid);
    DriverAnalysis a = drivers_from_columns(cols, o.analysis);
    if (!a.ok()) {
        std::fprintf(stderr, "%s: error: %s\n", o.data.c_str(), a.error.c_str());
        return kExitErrors;
    }
    std::printf("%s\n", drivers_json(a).c_str());
    return kExitOk;
}

// A correlation matrix as CSV: a header row of variable names; below it one row per variable in
// the same order, optionally led by the variable's name (then the header's first cell is empty,
// as R's write.csv writes it).
int run_matrix(const Options& o) {
    std::string error;
    std::vector<Record> records;
    bool tooBig = false;
    bool read = stream_csv(o.matrix, [&](const Record& r) {
        records.push_back(r);
        tooBig = records.size() > (size_t)kMaxDrivers + 2;
        return !tooBig;
    }, error);
    if (tooBig) {
        std::fprintf(stderr, "%s: error: more than %d variables\n", o.matrix.c_str(), kMaxDrivers + 1);
        return kExitErrors;
    }
    if (!read) {
        std::fprintf(stderr, "%s:%s\n", o.matrix.c_str(), error.c_str());
        return kExitErrors;
    }
    if (records.empty()) {
        std::fprintf(stderr, "%s:1:1: error: empty file: expected a header row of variable names\n", o.matrix.c_str());
        return kExitErrors;
    }
    const Record& header = records[0];
    bool labelled = !header.empty() && trim(header[0].text).empty();
    std::vector<std::string> names;
    for (size_t c = labelled ? 1 : 0; c < header.size(); c++) names.push_back(trim(header[c].text));
    size_t v = names.size();
    if (records.size() - 1 != v) {
        std::fprintf(stderr, "%s: error: %zu variables in the header but %zu rows below it; a correlation matrix is square\n",
                     o.matrix.c_str(), v, records.size() - 1);
        return kExitErrors;
    }
    std::vector<double> all(v * v);
    for (size_t i = 0; i < v; i++) {
        const Record& r = records[i + 1];
        size_t first = labelled ? 1 : 0;
        if (r.size() != v + first) {
            std::fprintf(stderr, "%s:%d:1: error: %zu cells; expected %zu\n", o.matrix.c_str(), r.empty() ? 0 : r[0].line,
                         r.size(), v + first);
            return kExitErrors;
        }
        if (labelled && trim(r[0].text) != names[i]) {
            std::fprintf(stderr, "%s:%d:%d: error: row `%s` where the header's order expects `%s`\n", o.matrix.c_str(),
                         r[0].line, r[0].column, trim(r[0].text).c_str(), names[i].c_str());
            return kExitErrors;
        }
        for (size_t j = 0; j < v; j++) {
            const Cell& c = r[first + j];
            if (!parse_number(trim(c.text), all[i * v + j])) {
                std::fprintf(stderr, "%s:%d:%d: error: `%s` is not a number (row `%s`, column `%s`)\n", o.matrix.c_str(),
                             c.line, c.column, c.text.c_str(), names[i].c_str(), names[j].c_str());
                return kExitErrors;
            }
        }
    }
    // The outcome: --outcome, else the last variable; the drivers: --drivers, else all others.
    auto index = [&](const std::string& name) {
        for (size_t i = 0; i < v; i++)
            if (names[i] == name) return (int)i;
        return -1;
    };
    std::string outcome = o.outcome.empty() ? (v ? names[v - 1] : "") : o.outcome;
    std::vector<std::string> drivers = o.drivers;
    if (drivers.empty())
        for (auto& n : names)
            if (n != outcome) drivers.push_back(n);
    std::vector<int> pick{index(outcome)};
    for (auto& d : drivers) pick.push_back(index(d));
    for (size_t p = 0; p < pick.size(); p++)
        if (pick[p] < 0) {
            std::string list;
            for (auto& n : names) list += " `" + n + "`";
            std::fprintf(stderr, "%s:1:1: error: no variable `%s` in the matrix; the variables are:%s\n", o.matrix.c_str(),
                         (p == 0 ? outcome : drivers[p - 1]).c_str(), list.c_str());
            return kExitErrors;
        }
    size_t m = pick.size();
    std::vector<double> sub(m * m);
    std::vector<std::string> subNames;
    for (size_t a = 0; a < m; a++) {
        subNames.push_back(names[pick[a]]);
        for (size_t b = 0; b < m; b++) sub[a * m + b] = all[(size_t)pick[a] * v + pick[b]];
    }
    DriverAnalysis r = drivers_from_correlation(sub, subNames, 0, *o.n, o.analysis);
    if (!r.ok()) {
        std::fprintf(stderr, "%s: error: %s\n", o.matrix.c_str(), r.error.c_str());
        return kExitErrors;
    }
    std::printf("%s\n", drivers_json(r).c_str());
    return kExitOk;
}

bool parse_count(const std::string& s, double lo, double hi, double& out) {
    return parse_number(s, out) && out >= lo && out <= hi && out == std::floor(out);
}

}  // namespace

int cmd_drivers(const std::vector<std::string>& args) {
    Options o;
    bool seedGiven = false;
    for (size_t i = 0; i < args.size(); i++) {
        const std::string& a = args[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= args.size()) return false;
            out = args[++i];
            return true;
        };
        std::string v;
        if (a == "--outcome") {
            if (!value(o.outcome)) return usage("--outcome needs a column name");
            o.outcome = trim(o.outcome);
        } else if (a == "--drivers") {
            if (!value(v)) return usage("--drivers needs a comma-separated list of columns");
            o.drivers = split_commas(v);
        } else if (a == "--na") {
            if (!value(v)) return usage("--na needs a comma-separated list of codes");
            for (auto& code : split_commas(v)) {
                double x;
                if (parse_number(code, x)) o.na.numbers.push_back(x);
                o.na.texts.push_back(code);
            }
        } else if (a == "--weight") {
            if (!value(o.weight)) return usage("--weight needs a column name");
            o.weight = trim(o.weight);
        } else if (a == "--method") {
            if (!value(v) || !driver_method_from_key(v, o.analysis.method))
                return usage("--method is shapley, relweights or auto");
        } else if (a == "--listwise") {
            o.analysis.listwise = true;
        } else if (a == "--bootstrap") {
            double n;
            if (!value(v) || !parse_count(v, 1, kMaxBootstrap, n))
                return usage("--bootstrap needs a whole number of replicates, 1 to " + std::to_string(kMaxBootstrap));
            o.analysis.bootstrap = (int)n;
        } else if (a == "--seed") {
            double s;
            if (!value(v) || !parse_count(v, 0, 9007199254740992.0, s)) return usage("--seed needs a whole number, 0 or more");
            o.analysis.seed = (uint64_t)s;
            seedGiven = true;
        } else if (a == "--matrix") {
            if (!value(o.matrix)) return usage("--matrix needs a file");
        } else if (a == "--n") {
            double n;
            if (!value(v) || !parse_number(v, n) || n < 0) return usage("--n needs the number of cases behind the matrix");
            o.n = n;
        } else if (!a.empty() && a[0] == '-' && a != "-") {
            return usage("unknown option `" + a + "`");
        } else if (o.data.empty()) {
            o.data = a;
        } else {
            return usage("more than one DATA file (`" + o.data + "`, `" + a + "`)");
        }
    }
    // Names must be distinct, and the outcome is not one of its own drivers.
    std::map<std::string, int> seen;
    for (auto& d : o.drivers) {
        if (d.empty()) return usage("--drivers has an empty name");
        if (seen[d]++) return usage("driver `" + d + "` is listed twice");
        if (d == o.outcome) return usage("`" + d + "` is the outcome and cannot also be a driver");
    }
    if (seedGiven && o.analysis.bootstrap == 0) return usage("--seed only makes sense with --bootstrap N");
    if (!o.matrix.empty()) {
        if (!o.data.empty()) return usage("give either DATA.csv or --matrix R.csv, not both");
        if (!o.n) return usage("--matrix needs --n N, the number of cases behind the correlations");
        if (o.analysis.bootstrap) return usage("a bootstrap resamples answers: not available with --matrix");
        if (o.analysis.listwise || !o.weight.empty() || !o.na.texts.empty())
            return usage("--listwise, --weight and --na apply to answers, not to a matrix");
        return run_matrix(o);
    }
    if (o.data.empty()) return usage("no DATA file");
    if (o.outcome.empty()) return usage("--outcome COL is required");
    if (o.drivers.empty()) return usage("--drivers A,B,C is required");
    if (o.n) return usage("--n goes with --matrix");
    return run_data(o);
}

}  // namespace uxcx::cli
