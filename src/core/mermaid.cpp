// mermaid.cpp: Mermaid `journey` text to and from a journey. Sections are stages, tasks are
// touchpoints, the 1-5 task score is emotion + 3, actors ride along as the `actors` extra.
//
// The reader follows Mermaid's own pipeline, step by step, so that a file means here what it
// means in Mermaid (checked against Mermaid 11.17 and 12.3 run in Chromium; their journey lexer
// is the same): (1) CR and CRLF line ends become LF; (2) a front matter block `---` ... `---` at
// the very start is taken out, its `title:` is the diagram's title; (3) `%%{ ... }%%` directives
// are taken out, also over several lines; (4) lines starting with `%%` are taken out; (5) entity
// codes `#35;` / `#amp;` stand for one character, so their `#` and `;` are not syntax; (6) the
// journey lexer (parser/journey.jison, rules in the same order) and its grammar: `journey`, then
// `title`, `accTitle:`, `accDescr:`, `accDescr { ... }`, `section` and `Name: data` statements.
// Steps 2-5 blank text out instead of removing it, so every offset still points into the text
// as written (with LF line ends) and each diagnostic has its line and column.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/convert.h"
#include "core/convert_text.h"
#include "core/utf8.h"

namespace uxcx {

namespace {

// Marks for the `#` and `;` of an entity code in the working copy: plain text to the lexer.
constexpr char kEntityOpen = '\x01', kEntityClose = '\x02';

char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

bool word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Length in bytes of the JavaScript `\s` character at `p` (ASCII blanks, line ends, and the
// Unicode spaces: NBSP, U+1680, U+2000-200A, U+2028/2029, U+202F, U+205F, U+3000, U+FEFF), or 0.
size_t js_space(std::string_view s, size_t p) {
    if (p >= s.size()) return 0;
    unsigned char c = (unsigned char)s[p];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r') return 1;
    auto at = [&](size_t k) { return p + k < s.size() ? (unsigned char)s[p + k] : 0; };
    if (c == 0xC2 && at(1) == 0xA0) return 2;
    if (c == 0xE1 && at(1) == 0x9A && at(2) == 0x80) return 3;
    if (c == 0xE2 && at(1) == 0x80 && ((at(2) >= 0x80 && at(2) <= 0x8A) || at(2) == 0xA8 || at(2) == 0xA9 || at(2) == 0xAF)) return 3;
    if (c == 0xE2 && at(1) == 0x81 && at(2) == 0x9F) return 3;
    if (c == 0xE3 && at(1) == 0x80 && at(2) == 0x80) return 3;
    if (c == 0xEF && at(1) == 0xBB && at(2) == 0xBF) return 3;
    return 0;
}

std::string_view js_trim(std::string_view s) {
    size_t b = 0, k;
    while ((k = js_space(s, b)) != 0) b += k;
    s.remove_prefix(b);
    // Trailing: step back over whole characters (every JS space ends in a byte < 0xC0).
    for (;;) {
        size_t e = s.size(), start = e;
        while (start > 0 && e - start < 3 && ((unsigned char)s[start - 1] & 0xC0) == 0x80) start--;
        if (start > 0) start--;
        if (e == 0 || js_space(s, start) != e - start) break;
        s.remove_suffix(e - start);
    }
    return s;
}

bool starts_with_ci(std::string_view s, size_t p, std::string_view word) {
    if (s.size() - std::min(p, s.size()) < word.size()) return false;
    for (size_t i = 0; i < word.size(); i++)
        if (lower(s[p + i]) != word[i]) return false;
    return true;
}

// The named character references people write in diagram text. Mermaid hands `#name;` to the
// browser as `&name;`; one it does not know is drawn as `&name;`, and so is read here.
struct NamedEntity {
    const char* name;
    uint32_t cp;
};
constexpr NamedEntity kNamedEntities[] = {
    {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0},
    {"num", '#'}, {"semi", ';'}, {"colon", ':'}, {"comma", ','}, {"percnt", '%'}, {"excl", '!'},
    {"lpar", '('}, {"rpar", ')'}, {"lbrace", '{'}, {"rbrace", '}'}, {"lcub", '{'}, {"rcub", '}'},
    {"lsqb", '['}, {"rsqb", ']'}, {"sol", '/'}, {"bsol", '\\'}, {"vert", '|'}, {"ast", '*'},
    {"plus", '+'}, {"equals", '='}, {"quest", '?'}, {"commat", '@'}, {"dollar", '$'},
    {"copy", 0xA9}, {"reg", 0xAE}, {"trade", 0x2122}, {"euro", 0x20AC}, {"pound", 0xA3},
    {"yen", 0xA5}, {"cent", 0xA2}, {"sect", 0xA7}, {"para", 0xB6}, {"deg", 0xB0}, {"plusmn", 0xB1},
    {"times", 0xD7}, {"divide", 0xF7}, {"middot", 0xB7}, {"bull", 0x2022}, {"hellip", 0x2026},
    {"ndash", 0x2013}, {"mdash", 0x2014}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C},
    {"rdquo", 0x201D}, {"laquo", 0xAB}, {"raquo", 0xBB}, {"hearts", 0x2665}, {"larr", 0x2190},
    {"rarr", 0x2192}, {"uarr", 0x2191}, {"darr", 0x2193}, {"harr", 0x2194}, {"check", 0x2713},
    {"cross", 0x2717}, {"star", 0x2606}, {"starf", 0x2605}, {"frac12", 0xBD}, {"frac14", 0xBC},
    {"frac34", 0xBE}, {"micro", 0xB5}, {"permil", 0x2030}, {"le", 0x2264}, {"ge", 0x2265},
    {"ne", 0x2260}, {"asymp", 0x2248}, {"infin", 0x221E}, {"shy", 0xAD}, {"zwj", 0x200D},
    {"zwnj", 0x200C},
};

// Working text to the text Mermaid draws: entity codes decoded, `<br>` as a line break.
std::string decode_text(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); i++) {
        char c = s[i];
        // A raw \x01 in the source with no mark after it is not an entity: it stays as it is
        // (without this check `i = npos` wrapped around and the loop never ended).
        const size_t close = c == kEntityOpen ? s.find(kEntityClose, i) : std::string_view::npos;
        if (close != std::string_view::npos) {
            std::string_view name = s.substr(i + 1, close - i - 1);
            bool digits = std::all_of(name.begin(), name.end(), [](char d) { return d >= '0' && d <= '9'; });
            bool done = false;
            if (digits) {
                // HTML's rule for a numeric reference: 0, surrogates and beyond U+10FFFF draw U+FFFD.
                uint64_t cp = 0;
                for (char d : name) cp = std::min<uint64_t>(cp * 10 + (uint64_t)(d - '0'), 0x110000);
                if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
                append_utf8(out, (uint32_t)cp);
                done = true;
            } else {
                for (const NamedEntity& e : kNamedEntities)
                    if (name == e.name) {
                        append_utf8(out, e.cp);
                        done = true;
                        break;
                    }
            }
            if (!done) {  // drawn as the browser shows an unknown reference: as written, with `&`
                out += '&';
                out += name;
                out += ';';
            }
            i = close;
        } else if (c == '<' && starts_with_ci(s, i, "<br")) {
            // Mermaid's line break: <br>, <br/>, <br />, any case.
            size_t k = i + 3;
            while (k < s.size() && js_space(s, k)) k += js_space(s, k);
            if (k < s.size() && s[k] == '/') k++;
            if (k < s.size() && s[k] == '>') {
                out += '\n';
                i = k;
            } else {
                out += c;
            }
        } else {
            out += c;
        }
    }
    return out;
}

// JavaScript's Number(string), which Mermaid applies to the score: blanks around are ignored,
// nothing at all is 0, `+4`, `.5`, `4.`, `1e0`, `0x10` and `Infinity` are numbers; the rest NaN.
double js_number(std::string_view s) {
    s = js_trim(s);
    if (s.empty()) return 0;
    std::string t(s);
    if (t == "Infinity" || t == "+Infinity") return INFINITY;
    if (t == "-Infinity") return -INFINITY;
    if (t.size() > 2 && t[0] == '0') {
        int base = lower(t[1]) == 'x' ? 16 : lower(t[1]) == 'o' ? 8 : lower(t[1]) == 'b' ? 2 : 0;
        if (base) {
            double v = 0;
            for (size_t i = 2; i < t.size(); i++) {
                char c = lower(t[i]);
                int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : 99;
                if (d >= base) return NAN;
                v = v * base + d;
            }
            return v;
        }
    }
    size_t i = 0;
    if (t[i] == '+' || t[i] == '-') i++;
    size_t intDigits = 0, fracDigits = 0;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') i++, intDigits++;
    if (i < t.size() && t[i] == '.') {
        i++;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') i++, fracDigits++;
    }
    if (intDigits + fracDigits == 0) return NAN;
    if (i < t.size() && lower(t[i]) == 'e') {
        i++;
        if (i < t.size() && (t[i] == '+' || t[i] == '-')) i++;
        size_t expDigits = 0;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') i++, expDigits++;
        if (!expDigits) return NAN;
    }
    if (i != t.size()) return NAN;
    return std::strtod(t.c_str(), nullptr);
}

// A `title:` in YAML front matter: a plain, 'single' or "double" quoted scalar on its line.
// Mermaid reads the block with js-yaml's JSON schema and keeps a title that is truthy.
// Returns false (with `why`) for the forms read here not (block scalars, flow over lines).
bool yaml_title(std::string_view value, std::string& title, std::string& why) {
    value = trim(value);
    title.clear();
    if (value.empty()) return true;
    if (value[0] == '|' || value[0] == '>') {
        why = "a block scalar (`|` or `>`)";
        return false;
    }
    if (value[0] == '\'') {
        for (size_t i = 1; i < value.size(); i++) {
            if (value[i] != '\'') {
                title += value[i];
            } else if (i + 1 < value.size() && value[i + 1] == '\'') {
                title += '\'';
                i++;
            } else {
                return true;
            }
        }
        why = "a quoted title that does not end on its line";
        return false;
    }
    if (value[0] == '"') {
        for (size_t i = 1; i < value.size(); i++) {
            char c = value[i];
            if (c == '"') return true;
            if (c != '\\' || i + 1 >= value.size()) {
                title += c;
                continue;
            }
            char e = value[++i];
            if (e == 'n') title += '\n';
            else if (e == 't') title += '\t';
            else if (e == 'u' && i + 4 < value.size()) {
                uint32_t cp = (uint32_t)std::strtoul(std::string(value.substr(i + 1, 4)).c_str(), nullptr, 16);
                append_utf8(title, cp >= 0xD800 && cp <= 0xDFFF ? 0xFFFD : cp);
                i += 4;
            } else title += e;
        }
        why = "a quoted title that does not end on its line";
        return false;
    }
    // Plain scalar: a ` #` starts a comment; `null`, `false` and zero are no title.
    size_t hash = value.find(" #");
    std::string_view plain = trim(value.substr(0, hash));
    double number = 0;
    if (plain == "null" || plain == "false" || (parse_number(plain, number) && number == 0)) return true;
    if (parse_number(plain, number)) {
        title = format_number(number);  // js-yaml reads 1.50 as the number 1.5
        return true;
    }
    title = std::string(plain);
    return true;
}

}  // namespace

namespace {

// "page: 3" or "page: 4: Me": what a task's text looks like after its name.
bool looks_like_task(std::string_view s) {
    size_t colon = s.find(':');
    if (colon == std::string_view::npos) return false;
    std::string_view score = s.substr(colon + 1);
    double v = js_number(score.substr(0, score.find(':')));
    return !js_trim(score.substr(0, score.find(':'))).empty() && v >= 1 && v <= 5;
}

// The file after Mermaid's preprocessing, offset for offset, and where each offset is.
struct Source {
    std::string plain;              // as written, after a BOM, with LF line ends (Mermaid: \r\n? -> \n)
    std::string work;               // same length; see the top of this file
    std::vector<size_t> lineStarts;  // offsets in `work` where a line starts

    int line_of(size_t offset) const {
        return (int)(std::upper_bound(lineStarts.begin(), lineStarts.end(), offset) - lineStarts.begin());
    }
    int column_of(size_t offset) const {
        size_t start = lineStarts[line_of(offset) - 1];
        return char_column(std::string_view(plain).substr(start), offset - start);
    }
};

void blank(std::string& w, size_t b, size_t e) {
    for (size_t i = b; i < e && i < w.size(); i++)
        if (w[i] != '\n') w[i] = ' ';
}

size_t end_of_line(std::string_view s, size_t p) {
    size_t e = s.find('\n', p);
    return e == std::string_view::npos ? s.size() : e;
}

class Reader {
public:
    Reader(std::string_view text, LoadResult& r) : r_(r) {
        src_.plain.reserve(text.size());
        for (size_t i = 0; i < text.size(); i++) {
            if (text[i] != '\r') src_.plain += text[i];
            else if (i + 1 >= text.size() || text[i + 1] != '\n') src_.plain += '\n';
        }
        src_.work = src_.plain;
    }

    void run();

private:
    enum class Kind { Journey, Title, AccTitleValue, AccDescrValue, AccDescrBlock, Section, TaskName, TaskData, Colon, Newline, Invalid, Unclosed, End };
    struct Token {
        Kind kind;
        size_t begin, end;  // in `work`
    };
    enum class Mode { Initial, AccTitle, AccDescr, AccDescrBlock };

    void add(Severity severity, size_t offset, std::string message, std::string pointer = "") {
        Diagnostic d;
        d.severity = severity;
        d.message = std::move(message);
        d.pointer = std::move(pointer);
        d.line = src_.line_of(offset);
        d.column = src_.column_of(offset);
        if (r_.diagnostics.size() < kMaxDiagnostics) r_.diagnostics.push_back(std::move(d));
    }
    void error(size_t offset, std::string message, std::string pointer = "") { add(Severity::Error, offset, std::move(message), std::move(pointer)); }
    void warning(size_t offset, std::string message, std::string pointer = "") { add(Severity::Warning, offset, std::move(message), std::move(pointer)); }

    // What the text between two offsets says, in one line for a message.
    std::string quote(size_t b, size_t e) const {
        std::string s(js_trim(std::string_view(src_.plain).substr(b, e - b)));
        if (s.size() > 60) {
            size_t cut = 57;
            while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) cut--;
            s = s.substr(0, cut) + "...";
        }
        return "`" + s + "`";
    }

    bool preprocess();
    Token lex();
    void task(const Token& name, const Token& data);

    LoadResult& r_;
    Source src_;
    size_t p_ = 0;
    Mode mode_ = Mode::Initial;
    size_t accDescrAt_ = 0;
    bool seenJourney_ = false;
    std::string frontTitle_;
    bool hasFrontTitle_ = false;
    int stage_ = -1;
    std::unordered_set<std::string> stageIds_, touchpointIds_;
};

// Steps 1-5 (see the top of the file). False when the text cannot be read at all.
bool Reader::preprocess() {
    std::string& w = src_.work;
    // 1. Line ends are LF already (see the constructor): CR never reaches the lexer.
    src_.lineStarts.push_back(0);
    for (size_t i = 0; i < w.size(); i++)
        if (w[i] == '\n') src_.lineStarts.push_back(i + 1);

    // 2. Front matter: a `---` line first, closed by the next `---` line. Blank lines and an
    // indent before it are allowed: Mermaid on a web page dedents and trims the diagram first.
    auto line_at = [&](size_t i) {
        size_t b = src_.lineStarts[i];
        return std::string_view(w).substr(b, end_of_line(w, b) - b);
    };
    size_t open = 0;
    while (open < src_.lineStarts.size() && trim(line_at(open)).empty()) open++;
    if (open < src_.lineStarts.size() && trim(line_at(open)) == "---") {
        size_t indent = line_at(open).find('-'), close = std::string::npos;
        for (size_t i = open + 1; i < src_.lineStarts.size() && close == std::string::npos; i++)
            if (trim(line_at(i)) == "---") close = i;
        if (close == std::string::npos) {
            error(src_.lineStarts[open] + indent, "the front matter opened by `---` is not closed by a `---` line");
            return false;
        }
        for (size_t i = open + 1; i < close; i++) {
            std::string_view line = line_at(i);
            if (line.size() < indent || !trim(line.substr(0, indent)).empty()) continue;
            if (line.substr(indent, 6) != "title:") continue;  // only the top-level key
            std::string why;
            size_t at = src_.lineStarts[i] + indent + 6;
            hasFrontTitle_ = yaml_title(line.substr(indent + 6), frontTitle_, why);
            if (!hasFrontTitle_)
                warning(at, "the front matter's title is written as " + why + ", which uxcx does not read; the title is left empty", "/title");
        }
        blank(w, 0, end_of_line(w, src_.lineStarts[close]));
    }

    // 3. Directives `%%{ word ... }%%`, anywhere and over any number of lines.
    for (size_t at = w.find("%%{"); at != std::string::npos; at = w.find("%%{", at + 1)) {
        size_t k = at + 3;
        while (js_space(w, k)) k += js_space(w, k);
        if (k >= w.size() || !word_char(w[k])) continue;  // not a directive: a `%` comment to the lexer
        size_t close = w.find("}%%", k);
        if (close == std::string::npos) {
            error(at, "the directive `%%{` is not closed by `}%%`: Mermaid would drop the text after it");
            return false;
        }
        blank(w, at, close + 3);
        at = close + 2;
    }

    // 4. Whole-line `%%` comments (not `%%{`).
    for (size_t b : src_.lineStarts) {
        size_t e = end_of_line(w, b), k = b;
        while (k < e && js_space(w, k)) k += js_space(w, k);
        if (w.compare(k, 2, "%%") == 0 && k + 2 < e && w[k + 2] != '{') blank(w, b, e);
    }

    // 5. Entity codes `#word;`: their `#` and `;` are text, not a comment and a statement end.
    for (size_t at = w.find('#'); at != std::string::npos; at = w.find('#', at + 1)) {
        size_t k = at + 1;
        while (k < w.size() && word_char(w[k])) k++;
        if (k > at + 1 && k < w.size() && w[k] == ';') {
            w[at] = kEntityOpen;
            w[k] = kEntityClose;
            at = k;
        }
    }
    return true;
}

// One token of Mermaid's journey lexer (journey.jison, rules in its order, case-insensitive).
// Comments and blanks are skipped here, as the lexer does.
Reader::Token Reader::lex() {
    const std::string& w = src_.work;
    const size_t n = w.size();
    auto not_in = [&](size_t k, const char* stop) { return k < n && (w[k] == 0 || !std::strchr(stop, w[k])); };
    for (;;) {
        size_t p = p_;
        if (mode_ == Mode::AccTitle || mode_ == Mode::AccDescr) {
            Kind kind = mode_ == Mode::AccTitle ? Kind::AccTitleValue : Kind::AccDescrValue;
            mode_ = Mode::Initial;
            p_ = end_of_line(w, p);
            return {kind, p, p_};
        }
        if (mode_ == Mode::AccDescrBlock) {
            size_t close = w.find('}', p);
            if (close == std::string::npos) {
                p_ = n;
                mode_ = Mode::Initial;  // the next token is End: a reader skipping this line must still stop
                return {Kind::Unclosed, accDescrAt_, n};
            }
            mode_ = Mode::Initial;
            p_ = close + 1;
            return {Kind::AccDescrBlock, p, close};
        }
        if (p >= n) return {Kind::End, n, n};
        char c = w[p];
        // `%` not before `{`, or any character but `}` before `%%`: a comment to the line's end.
        bool percent = c == '%' && (p + 1 >= n || w[p + 1] != '{');
        bool before = c != '}' && w.compare(p + 1, 2, "%%") == 0;
        if (percent || before) {
            size_t e = end_of_line(w, percent ? p : p + 1);
            if (percent && w.compare(p, 2, "%%") != 0) {
                warning(p, "Mermaid reads text starting with `%` as a comment, so " + quote(p, e) + " is skipped (write `#37;` for a % at the start of a name)");
            } else if (before && c != '\n' && !js_space(w, p)) {
                warning(p, "Mermaid reads `%%` here as the start of a comment, so " + quote(p, e) + " is skipped");
            }
            p_ = e;
            continue;
        }
        if (c == '\n') {
            while (p_ < n && w[p_] == '\n') p_++;
            return {Kind::Newline, p, p_};
        }
        if (size_t k = js_space(w, p)) {
            p_ += k;
            while (size_t more = js_space(w, p_)) p_ += more;
            continue;
        }
        if (c == '#') {
            p_ = end_of_line(w, p);
            size_t lineStart = src_.lineStarts[src_.line_of(p) - 1];
            bool wholeLine = trim(std::string_view(w).substr(lineStart, p - lineStart)).empty();
            if (!seenJourney_) {
                warning(p, "Mermaid accepts no `#` comment before `journey` (it finds no diagram); write `%%` comments there");
            } else if (wholeLine && p + 1 < p_ && !js_space(w, p + 1) && looks_like_task(std::string_view(w).substr(p + 1, p_ - p - 1))) {
                // `#1 priority: 5` reads like a task, but Mermaid skips it: say so.
                warning(p, "Mermaid reads " + quote(p, p_) + " as a comment, so it is no task; for a task whose name starts with `#`, write `#35;`");
            }
            continue;
        }
        if (starts_with_ci(w, p, "journey") && !(p + 7 < n && word_char(w[p + 7]))) {
            p_ = p + 7;
            return {Kind::Journey, p, p_};
        }
        if (starts_with_ci(w, p, "title")) {
            size_t k = p + 5, s = js_space(w, k);
            if (s && not_in(k + s, "#\n;")) {
                p_ = k + s;
                while (not_in(p_, "#\n;")) p_++;
                return {Kind::Title, p, p_};
            }
        }
        bool accStarted = false;
        for (const char* key : {"acctitle", "accdescr"}) {
            if (accStarted || !starts_with_ci(w, p, key)) continue;
            size_t k = p + 8;
            while (js_space(w, k)) k += js_space(w, k);
            bool title = key[3] == 't';
            if (k < n && (w[k] == ':' || (!title && w[k] == '{'))) {
                bool block = w[k] == '{';
                k++;
                while (js_space(w, k)) k += js_space(w, k);
                p_ = k;
                accDescrAt_ = p;
                mode_ = block ? Mode::AccDescrBlock : title ? Mode::AccTitle : Mode::AccDescr;
                accStarted = true;
            }
        }
        if (accStarted) continue;
        if (starts_with_ci(w, p, "section")) {
            size_t k = p + 7, s = js_space(w, k);
            if (s && not_in(k + s, "#:\n;")) {
                p_ = k + s;
                while (not_in(p_, "#:\n;")) p_++;
                return {Kind::Section, p, p_};
            }
        }
        if (not_in(p, "#:\n;")) {
            while (not_in(p_, "#:\n;")) p_++;
            return {Kind::TaskName, p, p_};
        }
        if (c == ':') {
            p_ = p + 1;
            if (!not_in(p_, "#\n;")) return {Kind::Colon, p, p_};
            while (not_in(p_, "#\n;")) p_++;
            return {Kind::TaskData, p, p_};
        }
        p_ = p + 1;
        while (p_ < n && ((unsigned char)w[p_] & 0xC0) == 0x80) p_++;
        return {Kind::Invalid, p, p_};
    }
}

// `Name: data`: Mermaid splits the data at `:` into the score (JavaScript's Number of the first
// piece) and the actors (the second piece, split at `,`); it ignores any further piece.
void Reader::task(const Token& name, const Token& data) {
    const std::string& w = src_.work;
    Journey& j = r_.journey;
    std::string pointer = "/touchpoints/" + std::to_string(j.touchpoints.size());
    std::vector<std::pair<size_t, size_t>> pieces;  // [begin, end) after the leading ':'
    for (size_t b = data.begin + 1;;) {
        size_t colon = w.find(':', b);
        if (colon == std::string::npos || colon >= data.end) {
            pieces.push_back({b, data.end});
            break;
        }
        pieces.push_back({b, colon});
        b = colon + 1;
    }
    Touchpoint tp;
    tp.name = std::string(js_trim(decode_text(std::string_view(w).substr(name.begin, name.end - name.begin))));
    tp.id = unique_id(slugify(tp.name, "touchpoint-" + std::to_string(j.touchpoints.size() + 1)), touchpointIds_);
    tp.stage = stage_;
    tp.sets.resize(1);

    auto [sb, se] = pieces[0];
    std::string_view scoreText = js_trim(std::string_view(w).substr(sb, se - sb));
    size_t scoreAt = sb;
    while (scoreAt < se && js_space(w, scoreAt)) scoreAt += js_space(w, scoreAt);
    double score = js_number(scoreText);
    const std::string kept = "; the touchpoint is kept without an emotion";
    if (scoreText.empty()) {
        warning(scoreAt, "no score after `:` (Mermaid reads it as 0, below its 1-5 scale)" + kept, pointer + "/emotion");
    } else if (std::isnan(score)) {
        warning(scoreAt, "the score " + quote(sb, se) + " is not a number" + kept, pointer + "/emotion");
    } else if (!(score >= 1 && score <= 5)) {
        warning(scoreAt, "the score " + quote(sb, se) + " is outside Mermaid's 1-5 scale" + kept, pointer + "/emotion");
    } else {
        tp.sets[0].emotion = score - 3;  // 1..5 -> -2..+2
    }
    if (pieces.size() > 1) {
        nlohmann::json actors = nlohmann::json::array();
        // Split the working text, then decode each actor: a `#44;` is a comma inside a name.
        std::string_view raw = std::string_view(w).substr(pieces[1].first, pieces[1].second - pieces[1].first);
        for (size_t b = 0; b <= raw.size();) {
            size_t comma = raw.find(',', b);
            if (comma == std::string_view::npos) comma = raw.size();
            std::string actor(js_trim(decode_text(raw.substr(b, comma - b))));
            if (!actor.empty()) actors.push_back(actor);
            b = comma + 1;
        }
        if (!actors.empty())
            tp.extras.emplace_back("actors", actors.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
    if (pieces.size() > 2)
        warning(pieces[2].first - 1, "Mermaid ignores " + quote(pieces[2].first - 1, data.end) + " after the actors (a task is `Name: score: actor, actor`)", pointer);
    j.touchpoints.push_back(std::move(tp));
}

void Reader::run() {
    Journey& j = r_.journey;
    j.sets.push_back(MeasurementSet{"current", "Current", "", {}});
    if (!preprocess()) return;
    const std::string& w = src_.work;
    auto text_of = [&](size_t b, size_t e) { return std::string(js_trim(decode_text(std::string_view(w).substr(b, e - b)))); };

    // Before `journey`: only blank lines (comments, directives and front matter are gone).
    Token t = lex();
    while (t.kind == Kind::Newline) t = lex();
    if (t.kind != Kind::Journey) {
        if (t.kind == Kind::End)
            error(t.begin, "expected Mermaid `journey` text: no `journey` line found");
        else
            error(t.begin, "expected `journey` before any other text");
        return;  // everything after would be misread
    }
    seenJourney_ = true;
    if (w.compare(t.begin, 7, "journey") != 0)
        warning(t.begin, "Mermaid recognises the diagram only by a lowercase `journey`; it finds no diagram in " + quote(t.begin, t.end));
    bool hasTitle = false, skipLine = false;
    Kind previous = Kind::Journey;
    size_t previousBegin = 0;
    for (;;) {
        t = lex();
        if (t.kind == Kind::End) break;
        if (skipLine && t.kind != Kind::Unclosed) {  // after an error, go on at the next line to report what else is wrong
            skipLine = t.kind != Kind::Newline;
            continue;
        }
        switch (t.kind) {
        case Kind::Newline:
            break;
        case Kind::Title: {
            size_t b = t.begin + 5 + js_space(w, t.begin + 5);
            std::string title = text_of(b, t.end);
            if (w[t.begin + 5] == '\n')
                warning(t.begin, "`title` with nothing after it on its line: Mermaid takes the next line, " + quote(b, t.end) + ", as the title", "/title");
            else if (looks_like_task(std::string_view(w).substr(b, t.end - b)))  // a literal `:`, not `#58;`
                warning(t.begin, "Mermaid reads this whole line as the title (`title` and a blank start one), so " + quote(t.begin, t.end) +
                                     " is no task; to keep a task, write its first letter as `#" + std::to_string((int)(unsigned char)w[t.begin]) + ";`", "/title");
            else if (hasTitle)
                warning(t.begin, "a second title: Mermaid shows the last one, `" + title + "`, instead of `" + j.title + "`", "/title");
            j.title = title;
            hasTitle = true;
            break;
        }
        case Kind::AccTitleValue: {
            // No place for it in a journey: kept as an extra member, written back on export.
            nlohmann::json v = text_of(t.begin, t.end);
            j.extras.erase(std::remove_if(j.extras.begin(), j.extras.end(), [](const auto& e) { return e.first == "accTitle"; }), j.extras.end());
            j.extras.emplace_back("accTitle", v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
            break;
        }
        case Kind::AccDescrValue:
        case Kind::AccDescrBlock: {
            // Mermaid trims the description and drops the indentation after each line break.
            std::string d = text_of(t.begin, t.end), out;
            for (size_t i = 0; i < d.size(); i++) {
                out += d[i];
                if (d[i] == '\n')
                    while (i + 1 < d.size() && js_space(d, i + 1)) i += js_space(d, i + 1);
            }
            j.description = out;
            break;
        }
        case Kind::Section: {
            size_t b = t.begin + 7 + js_space(w, t.begin + 7);
            Stage s;
            s.name = text_of(b, t.end);
            s.id = unique_id(slugify(s.name, "stage-" + std::to_string(j.stages.size() + 1)), stageIds_);
            stage_ = (int)j.stages.size();
            j.stages.push_back(std::move(s));
            break;
        }
        case Kind::TaskName: {
            Token data = lex();
            if (data.kind == Kind::TaskData) {
                task(t, data);
                break;
            }
            std::string pointer = "/touchpoints/" + std::to_string(j.touchpoints.size());
            std::string name = quote(t.begin, t.end);
            char stop = t.end < w.size() ? w[t.end] : '\n';
            if (data.kind == Kind::Colon)
                error(data.begin, "expected a score after `:` (a task is `Name: score: actors`)", pointer + "/emotion");
            else if (stop == '#')
                error(t.end, "expected `: score` after the task name " + name + ", found `#`, which starts a comment in Mermaid (write `#35;` for a #)", pointer);
            else if (stop == ';')
                error(t.end, "expected `: score` after the task name " + name + ", found `;`, which Mermaid does not accept (write `#59;` for a semicolon)", pointer);
            else
                error(t.end, "expected `: score` after the task name " + name + " (a task is `Name: score: actors`)", pointer);
            skipLine = data.kind != Kind::Newline;
            break;
        }
        case Kind::TaskData:
        case Kind::Colon: {
            std::string pointer = "/touchpoints/" + std::to_string(j.touchpoints.size());
            if (previous == Kind::Section) {
                error(t.begin, "Mermaid reads " + quote(previousBegin, t.begin) + " as a section (`section` and a blank start one; its name ends at `:`) and refuses " +
                                   quote(t.begin, t.end) + " after it; for a task named `" + quote(previousBegin, t.begin).substr(1) + ", write its first letter as `#" +
                                   std::to_string((int)(unsigned char)w[previousBegin]) + ";`",
                      pointer);
            } else {
                error(t.begin, "expected a task name before `:`", pointer);
            }
            skipLine = true;
            break;
        }
        case Kind::Journey:
            error(t.begin, "`journey` can only start the diagram: Mermaid reads the word `journey` as that keyword; for a name starting with it, write its first letter as `#" +
                               std::to_string((int)(unsigned char)w[t.begin]) + ";`");
            skipLine = true;
            break;
        case Kind::Invalid:
            if (w[t.begin] == ';')
                error(t.begin, "Mermaid does not accept `;` here (write `#59;` for a semicolon in a name)");
            else
                error(t.begin, "unexpected " + quote(t.begin, t.end));
            skipLine = true;
            break;
        case Kind::Unclosed:
            error(t.begin, "`accDescr {` is not closed by `}`");
            return;
        case Kind::End:
            break;
        }
        previous = t.kind;
        previousBegin = t.begin;
    }
    if (!hasTitle && hasFrontTitle_) j.title = frontTitle_;
}

}  // namespace

LoadResult import_mermaid(std::string_view text) {
    LoadResult r;
    if (text.size() > kMaxFileBytes) {
        r.diagnostics.push_back({Severity::Error, "file is larger than the 32 MiB limit", "", 0, 0});
        return r;
    }
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    Reader(text, r).run();
    r.ok = true;
    for (const Diagnostic& d : r.diagnostics)
        if (d.severity == Severity::Error) r.ok = false;
    if (!r.ok) r.journey = Journey{};
    return r;
}

namespace {

// Writing a name Mermaid reads back as written. Mermaid's own escape is the entity code `#123;`
// (decoded by the browser when it draws, and by the reader above), so a character that is syntax
// is written as its code and the diagram still shows the character itself:
//   `#` -> `#35;` (a comment, or an entity), `;` -> `#59;` (refused), `:` -> `#58;` in sections,
//   tasks and actors (it ends the name), `,` -> `#44;` in an actor (it separates actors), a `%`
//   before another `%` -> `#37;` (`%%` starts a comment or a directive), `<br` -> `#60;br` (a line
//   break), a line break -> `<br>`. A task name's first character is written as its code when
//   Mermaid would otherwise read a keyword or a comment there: `%`, `journey`, `title `,
//   `section `, `accDescr {`.
enum class Part { Title, Section, Task, Actor, AccTitle, AccDescrBlock };

std::string code_of(char c) {
    std::string code = "#";  // appended, not "#" + ...: g++ 12 warns falsely (-Wrestrict) on that form
    code += std::to_string((int)(unsigned char)c);
    code += ';';
    return code;
}

std::string mermaid_safe(std::string_view raw, Part part) {
    std::string_view s = js_trim(raw);
    std::string out;
    for (size_t i = 0; i < s.size(); i++) {
        char c = s[i];
        bool named = part == Part::Section || part == Part::Task || part == Part::Actor;
        if (c == '#' || c == ';' || (c == ':' && named) || (c == ',' && part == Part::Actor)) {
            out += code_of(c);
        } else if (c == '%' && (i + 1 < s.size() && s[i + 1] == '%')) {
            out += code_of(c);
        } else if (c == '<' && starts_with_ci(s, i, "<br")) {
            out += code_of(c);
        } else if (c == '}' && part == Part::AccDescrBlock) {
            out += code_of(c);
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
            out += part == Part::AccDescrBlock ? "\n" : part == Part::AccTitle ? " " : "<br>";
        } else if (c == '\t') {
            out += ' ';
        } else {
            out += c;
        }
    }
    if (part == Part::Task && !out.empty()) {
        auto keyword_then_space = [&](std::string_view word) {
            return starts_with_ci(out, 0, word) && js_space(out, word.size());
        };
        size_t k = 8;
        while (js_space(out, k)) k += js_space(out, k);
        bool keyword = out[0] == '%' || (starts_with_ci(out, 0, "journey") && !(out.size() > 7 && word_char(out[7]))) ||
                       keyword_then_space("title") || keyword_then_space("section") ||
                       (starts_with_ci(out, 0, "accdescr") && k < out.size() && out[k] == '{');
        if (keyword) out = code_of(out[0]) + out.substr(1);
    }
    return out;
}

void write_task(std::string& out, const Touchpoint& tp) {
    int score = 3;  // no emotion: neutral
    if (!tp.sets.empty() && tp.sets[0].emotion) {
        double s = std::round(*tp.sets[0].emotion + 3);
        score = (int)std::fmin(5, std::fmax(1, s));
    }
    std::string name = mermaid_safe(tp.name, Part::Task);
    if (name.empty()) name = mermaid_safe(tp.id, Part::Task);
    if (name.empty()) name = "(unnamed)";
    out += "    " + name + ": " + std::to_string(score);
    for (const auto& [key, value] : tp.extras) {
        if (key != "actors") continue;
        nlohmann::json a = nlohmann::json::parse(value, nullptr, false);
        if (!a.is_array()) break;
        std::string list;
        for (const auto& actor : a) {
            if (!actor.is_string()) continue;
            std::string safe = mermaid_safe(actor.get<std::string>(), Part::Actor);
            if (safe.empty()) continue;
            if (!list.empty()) list += ", ";
            list += safe;
        }
        if (!list.empty()) out += ": " + list;
        break;
    }
    out += '\n';
}

}  // namespace

std::string export_mermaid(const Journey& j) {
    std::string out = "journey\n";
    out += "  %% Written by uxcx. Mermaid keeps stages, touchpoints, emotion (as score 1-5) and actors;\n";
    out += "  %% UX/CX metrics, channels and notes are not carried over.\n";
    // A title that reads like a task ("Agenda: 3") would draw the same but warn on the way back in.
    std::string title = mermaid_safe(j.title, looks_like_task(j.title) ? Part::Section : Part::Title);
    if (!title.empty()) out += "  title " + title + "\n";
    for (const auto& [key, value] : j.extras) {
        nlohmann::json v = nlohmann::json::parse(value, nullptr, false);
        if (key == "accTitle" && v.is_string() && !mermaid_safe(v.get<std::string>(), Part::AccTitle).empty())
            out += "  accTitle: " + mermaid_safe(v.get<std::string>(), Part::AccTitle) + "\n";
    }
    // The journey's description is the diagram's accessible description: one line after
    // `accDescr:`, or a `{ ... }` block over several lines.
    std::string description = mermaid_safe(j.description, Part::AccTitle);
    if (!description.empty() && j.description.find('\n') == std::string::npos) {
        out += "  accDescr: " + description + "\n";
    } else if (!description.empty()) {
        out += "  accDescr {\n" + mermaid_safe(j.description, Part::AccDescrBlock) + "\n  }\n";
    }
    // Touchpoints grouped by stage in file order; the unassigned ones come first, before any
    // section, so that a re-import keeps them unassigned.
    std::vector<std::vector<int>> byStage(j.stages.size() + 1);
    for (int i = 0; i < (int)j.touchpoints.size(); i++) {
        int s = j.touchpoints[i].stage;
        byStage[s < 0 || s >= (int)j.stages.size() ? 0 : s + 1].push_back(i);
    }
    for (int i : byStage[0]) write_task(out, j.touchpoints[i]);
    for (int s = 0; s < (int)j.stages.size(); s++) {
        const Stage& st = j.stages[s];
        std::string name = mermaid_safe(st.name, Part::Section);
        if (name.empty()) name = mermaid_safe(st.id, Part::Section);
        out += "  section " + name + "\n";
        for (int i : byStage[s + 1]) write_task(out, j.touchpoints[i]);
    }
    return out;
}

}  // namespace uxcx
