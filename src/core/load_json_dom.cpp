// load_json_dom.cpp: builds the loader's light JSON tree with nlohmann's SAX parser.
// Why SAX: nlohmann's own DOM loses duplicate keys and positions, and copying it recurses.
#include "core/load_json_dom.h"

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>

namespace uxcx {

namespace {

bool is_separator(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ':'; }

// nlohmann reads an iterator range one byte at a time; counting the bytes it took tells the
// handler where the parser is, which SAX events do not say.
struct CountingIter {
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;
    const char* p = nullptr;
    size_t* consumed = nullptr;
    reference operator*() const { return *p; }
    CountingIter& operator++() {
        ++p;
        ++*consumed;
        return *this;
    }
    CountingIter operator++(int) {
        CountingIter old = *this;
        ++*this;
        return old;
    }
    bool operator==(const CountingIter& o) const { return p == o.p; }
    bool operator!=(const CountingIter& o) const { return p != o.p; }
};

using json = nlohmann::json;

struct DomBuilder {
    JsonDoc& doc;
    JsonParse& result;
    int maxDepth;
    size_t consumed = 0;  // bytes the parser has read so far
    size_t lastEnd = 0;   // `consumed` after the previous event: the next token starts at or after it
    struct Frame {
        int node, last;
    };
    std::vector<Frame> stack;
    uint32_t keyOff = 0, keyLen = 0, keyPos = 0;

    DomBuilder(JsonDoc& d, JsonParse& r, int depth) : doc(d), result(r), maxDepth(depth) {}

    JNode& add(JType t) {
        int idx = (int)doc.nodes.size();
        doc.nodes.emplace_back();
        doc.nodes.back().type = t;
        doc.nodes.back().pos = (uint32_t)lastEnd;
        if (!stack.empty()) {
            Frame& f = stack.back();
            JNode& parent = doc.nodes[f.node];
            if (f.last < 0) parent.first = idx;
            else doc.nodes[f.last].next = idx;
            f.last = idx;
            parent.count++;
            if (parent.type == JType::Object) {
                doc.nodes[idx].keyOff = keyOff;
                doc.nodes[idx].keyLen = keyLen;
                doc.nodes[idx].keyPos = keyPos;
            }
        }
        lastEnd = consumed;
        return doc.nodes[idx];
    }
    bool null() {
        add(JType::Null);
        return true;
    }
    bool boolean(bool v) {
        add(JType::Bool).num = v ? 1 : 0;
        return true;
    }
    bool number_integer(json::number_integer_t v) {
        JNode& n = add(JType::Number);
        n.num = (double)v;
        n.isInteger = true;
        return true;
    }
    bool number_unsigned(json::number_unsigned_t v) {
        JNode& n = add(JType::Number);
        n.num = (double)v;
        n.isInteger = true;
        return true;
    }
    bool number_float(json::number_float_t v, const std::string&) {
        add(JType::Number).num = v;
        return true;
    }
    bool string(std::string& s) {
        uint32_t off = (uint32_t)doc.text.size();
        doc.text += s;
        JNode& n = add(JType::String);
        n.str.off = off;
        n.str.len = (uint32_t)s.size();
        return true;
    }
    bool binary(json::binary_t&) { return false; }  // JSON text has no binary values
    bool open(JType t) {
        if ((int)stack.size() >= maxDepth) {
            result.fail = JsonFail::TooDeep;
            result.errorOffset = consumed > 0 ? consumed - 1 : 0;
            return false;
        }
        add(t);
        stack.push_back({(int)doc.nodes.size() - 1, -1});
        return true;
    }
    bool start_object(std::size_t) { return open(JType::Object); }
    bool start_array(std::size_t) { return open(JType::Array); }
    bool close() {
        stack.pop_back();
        lastEnd = consumed;
        return true;
    }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(std::string& s) {
        keyOff = (uint32_t)doc.text.size();
        keyLen = (uint32_t)s.size();
        keyPos = (uint32_t)lastEnd;
        doc.text += s;
        lastEnd = consumed;
        return true;
    }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
        result.fail = ex.id == 406 ? JsonFail::Overflow : JsonFail::Syntax;
        size_t off = position > 0 ? position - 1 : 0;
        off = std::min(off, doc.src.size());
        if (ex.id == 406) {  // overflow: reported after the number; point at its first character
            auto numeric = [](char c) { return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'; };
            while (off > 0 && (off == doc.src.size() || !numeric(doc.src[off]))) off--;
            while (off > 0 && numeric(doc.src[off - 1])) off--;
        }
        result.errorOffset = off;
        // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while
        // parsing value - invalid literal; last read: 'x'": keep what follows the (byte-counted)
        // position, which we replace with our own.
        std::string_view w = ex.what();
        size_t col = w.find(", column ");
        size_t start = col != std::string_view::npos ? w.find(": ", col) : w.find("] ");
        result.detail = std::string(start != std::string_view::npos ? w.substr(start + 2) : w);
        return false;
    }
};

void mark_duplicates(JsonDoc& doc, int object, std::vector<int>* dups,
                     std::vector<std::pair<std::string_view, int>>& scratch) {
    const JNode& o = doc.nodes[object];
    if (o.count < 2) return;
    if (o.count <= 16) {
        for (int i = o.first; i >= 0; i = doc.nodes[i].next)
            for (int k = doc.nodes[i].next; k >= 0; k = doc.nodes[k].next)
                if (doc.key(doc.nodes[i]) == doc.key(doc.nodes[k])) {
                    doc.nodes[i].shadowed = true;
                    break;
                }
        if (dups)
            for (int k = o.first; k >= 0; k = doc.nodes[k].next)
                for (int i = o.first; i != k; i = doc.nodes[i].next)
                    if (doc.key(doc.nodes[i]) == doc.key(doc.nodes[k])) {
                        dups->push_back(k);
                        break;
                    }
        return;
    }
    // Large objects: sort (key, index) pairs so the check stays O(n log n) on hostile files.
    scratch.clear();
    for (int i = o.first; i >= 0; i = doc.nodes[i].next) scratch.push_back({doc.key(doc.nodes[i]), i});
    std::stable_sort(scratch.begin(), scratch.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (size_t i = 0; i + 1 < scratch.size(); i++)
        if (scratch[i].first == scratch[i + 1].first) {
            doc.nodes[scratch[i].second].shadowed = true;
            if (dups) dups->push_back(scratch[i + 1].second);
        }
}

}  // namespace

size_t JsonDoc::value_offset(const JNode& n) const {
    size_t i = n.pos;
    if (i == 0 && src.size() >= 3 && (unsigned char)src[0] == 0xEF && (unsigned char)src[1] == 0xBB &&
        (unsigned char)src[2] == 0xBF)
        i = 3;
    while (i < src.size() && is_separator(src[i])) i++;
    return std::min(i, src.size());
}

std::string_view JsonDoc::number_text(const JNode& n) const {
    size_t b = value_offset(n), e = b;
    auto numeric = [](char c) { return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'; };
    while (e < src.size() && numeric(src[e])) e++;
    return src.substr(b, e - b);
}

JsonParse parse_json_dom(std::string_view src, JsonDoc& doc, int maxDepth, std::vector<int>* duplicateKeys) {
    JsonParse result;
    doc.src = src;
    doc.nodes.clear();
    doc.text.clear();
    doc.nodes.reserve(src.size() / 12 + 16);
    doc.text.reserve(src.size() / 2 + 16);
    DomBuilder b(doc, result, maxDepth);
    CountingIter first{src.data(), &b.consumed}, last{src.data() + src.size(), &b.consumed};
    bool ok = json::sax_parse(first, last, &b, json::input_format_t::json, /*strict=*/true);
    if (!ok) {
        if (result.fail == JsonFail::None) {  // a handler refusal without a reason cannot happen; be safe
            result.fail = JsonFail::Syntax;
            result.errorOffset = std::min(b.consumed, src.size());
        }
        doc.nodes.clear();
        return result;
    }
    result.ok = true;
    std::vector<std::pair<std::string_view, int>> scratch;
    for (int i = 0; i < (int)doc.nodes.size(); i++)
        if (doc.nodes[i].type == JType::Object) mark_duplicates(doc, i, duplicateKeys, scratch);
    return result;
}

}  // namespace uxcx
