// csv_stream.h: a push CSV tokenizer. Bytes arrive in chunks of any size (a file read piece by
// piece, a browser stream); each complete record is handed to a callback and forgotten, so a file
// of any length is read in one pass with memory for one record. RFC 4180 quoting (fields may hold
// the delimiter, doubled quotes and line breaks), a UTF-8 BOM is skipped, CRLF, LF and lone CR end
// records, and the delimiter (',' ';' or tab) is sniffed from the first record unless given.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace uxcx {

// One record as the tokenizer hands it over. Valid only during the callback.
struct CsvRecord {
    std::vector<std::string_view> fields;  // unquoted text of each field
    std::vector<int> columns;              // 1-based character column where each field starts
    int line = 0;                          // 1-based line where the record starts
    size_t index = 0;                      // 0-based record number (0 = the header row)
};

struct CsvError {
    std::string message;
    int line = 0, column = 0;
};

class CsvStream {
public:
    using Sink = std::function<bool(const CsvRecord&)>;  // return false to stop reading

    // delimiter 0: sniff from the first record (the most frequent of ',' ';' and tab outside quotes).
    explicit CsvStream(Sink sink, char delimiter = 0) : sink_(std::move(sink)), delim_(delimiter) {}

    // Feeds the next bytes. Returns false once an error has occurred or the sink stopped reading.
    bool feed(std::string_view bytes);
    // Ends the input: hands over the last record (a file need not end with a line break).
    bool finish();

    char delimiter() const { return delim_; }
    const CsvError* error() const { return failed_ ? &error_ : nullptr; }
    size_t records() const { return record_.index; }

private:
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted, AfterCr };
    bool byte(char c);
    bool end_field();
    bool end_record();
    void fail(std::string message, int line, int column);
    bool sniff(std::string_view more);

    Sink sink_;
    char delim_;
    State state_ = State::FieldStart;
    std::string buf_;                  // the current record's field texts, back to back
    std::vector<size_t> ends_;         // end offset of each field in buf_
    std::vector<int> cols_;
    CsvRecord record_;
    std::string pending_;              // bytes held back until the delimiter is known
    int line_ = 1, col_ = 1;           // position of the next byte
    int fieldCol_ = 1, recordLine_ = 1;
    int quoteLine_ = 0, quoteCol_ = 0;  // where the open quoted field started
    size_t bomSeen_ = 0;               // bytes of a leading UTF-8 BOM matched so far
    bool started_ = false, failed_ = false, stopped_ = false, prevCr_ = false;
    CsvError error_;
};

}  // namespace uxcx
