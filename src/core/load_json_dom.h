// load_json_dom.h: the loader's own light JSON tree and its parser, which never throws, never
// recurses, refuses nesting deeper than kMaxDepth and remembers each value's byte offset.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace uxcx {

enum class JType : uint8_t { Null, Bool, Number, String, Array, Object };

// One value. Children of an array or object are a linked list (first/next), so the tree is one
// flat vector and building it needs no recursion. Strings live in JsonDoc::text.
struct JNode {
    union {
        double num;  // Number; Bool: 0 or 1
        struct {
            uint32_t off, len;
        } str;  // String: its decoded text in JsonDoc::text
    };
    uint32_t pos = 0;              // byte offset of the value's first byte
    uint32_t keyOff = 0, keyLen = 0;  // the member name, when the parent is an object
    uint32_t keyPos = 0;           // byte offset of the member name's opening quote
    int32_t first = -1, next = -1;  // first child; next sibling
    uint32_t count = 0;             // number of children
    JType type = JType::Null;
    bool isInteger = false;  // Number written without fraction or exponent
    bool shadowed = false;   // an earlier member whose key appears again later in the object
    JNode() : num(0) {}
};

struct JsonDoc {
    std::string_view src;       // the bytes parsed (not owned)
    std::vector<JNode> nodes;   // nodes[0] is the document's root
    std::string text;           // decoded strings and keys

    std::string_view str(const JNode& n) const { return {text.data() + n.str.off, n.str.len}; }
    std::string_view key(const JNode& n) const { return {text.data() + n.keyOff, n.keyLen}; }
    // The offset of the value's first byte.
    size_t value_offset(const JNode& n) const;
    // The number exactly as the file wrote it ("1.50e2").
    std::string_view number_text(const JNode& n) const;
};

// Why a parse stopped. EndEarly: the input stops inside the document; TrailingText: more than
// whitespace follows it.
enum class JsonFail { None, Syntax, EndEarly, TrailingText, Overflow, TooDeep };

struct JsonParse {
    bool ok = false;
    JsonFail fail = JsonFail::None;
    size_t errorOffset = 0;   // byte offset of the offending byte (the input's size: its end)
    std::string detail;       // what was expected and what was found, in words for the user
};

// Parses `src` (strict: nothing but whitespace may follow the document) into `doc`. The caller
// checks size and NUL bytes first. Marks members whose key is repeated later in the same object
// as `shadowed` (the last one wins, as in browsers) and lists each repeated key's node index.
JsonParse parse_json_dom(std::string_view src, JsonDoc& doc, int maxDepth, std::vector<int>* duplicateKeys);

}  // namespace uxcx
