// csv_stream.cpp: the push CSV tokenizer (csv_stream.h). A byte-at-a-time state machine, so a
// chunk may end anywhere: inside a quoted field, between CR and LF, in the middle of the BOM.
#include "core/csv_stream.h"

namespace uxcx {

namespace {
// Up to this many bytes are held back to sniff the delimiter from a first record that has not
// ended yet; past it the delimiter is chosen from what was seen.
constexpr size_t kSniffLimit = 1u << 20;

char pick_delimiter(std::string_view s) {
    size_t comma = 0, semi = 0, tab = 0;
    bool quoted = false;
    for (char c : s) {
        if (c == '"') quoted = !quoted;
        else if (quoted) continue;
        else if (c == '\n' || c == '\r') break;
        else if (c == ',') comma++;
        else if (c == ';') semi++;
        else if (c == '\t') tab++;
    }
    if (semi > comma && semi >= tab) return ';';
    if (tab > comma && tab > semi) return '\t';
    return ',';
}

// True once `s` holds a whole first line (a line break outside quotes).
bool has_first_line(std::string_view s) {
    bool quoted = false;
    for (char c : s) {
        if (c == '"') quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r')) return true;
    }
    return false;
}
}  // namespace

void CsvStream::fail(std::string message, int line, int column) {
    if (failed_) return;
    failed_ = true;
    error_ = {std::move(message), line, column};
}

bool CsvStream::end_field() {
    ends_.push_back(buf_.size());
    cols_.push_back(fieldCol_);
    return true;
}

bool CsvStream::end_record() {
    bool blank = ends_.size() == 1 && ends_[0] == 0;  // an empty line
    if (!blank) {
        record_.fields.clear();
        size_t start = 0;
        for (size_t e : ends_) {
            record_.fields.emplace_back(buf_.data() + start, e - start);
            start = e;
        }
        record_.columns = cols_;
        record_.line = recordLine_;
        if (!sink_(record_)) stopped_ = true;
        record_.index++;
    }
    buf_.clear();
    ends_.clear();
    cols_.clear();
    return !stopped_;
}

bool CsvStream::byte(char c) {
    const int line = line_, col = col_;
    // Advance the position past this byte (CRLF is one line break).
    if (c == '\n') {
        if (!prevCr_) line_++;
        col_ = 1;
    } else if (c == '\r') {
        line_++;
        col_ = 1;
    } else if (((unsigned char)c & 0xC0) != 0x80) {
        col_++;
    }
    prevCr_ = c == '\r';

    if (state_ == State::AfterCr) {
        state_ = State::FieldStart;
        if (c == '\n') return true;
    }
    switch (state_) {
        case State::FieldStart:
            if (ends_.empty() && buf_.empty()) recordLine_ = line;
            fieldCol_ = col;
            if (c == '"') {
                state_ = State::Quoted;
                quoteLine_ = line;
                quoteCol_ = col;
            } else if (c == delim_) {
                end_field();
            } else if (c == '\n' || c == '\r') {
                end_field();
                if (c == '\r') state_ = State::AfterCr;
                return end_record();
            } else {
                buf_ += c;
                state_ = State::Unquoted;
            }
            return true;
        case State::Unquoted:
            if (c == delim_) {
                end_field();
                state_ = State::FieldStart;
            } else if (c == '\n' || c == '\r') {
                end_field();
                state_ = c == '\r' ? State::AfterCr : State::FieldStart;
                return end_record();
            } else {
                buf_ += c;  // a stray quote inside an unquoted field is kept as text
            }
            return true;
        case State::Quoted:
            if (c == '"') state_ = State::QuoteInQuoted;
            else buf_ += c;
            return true;
        case State::QuoteInQuoted:
            if (c == '"') {
                buf_ += '"';
                state_ = State::Quoted;
            } else if (c == delim_) {
                end_field();
                state_ = State::FieldStart;
            } else if (c == '\n' || c == '\r') {
                end_field();
                state_ = c == '\r' ? State::AfterCr : State::FieldStart;
                return end_record();
            } else {
                std::string d = delim_ == '\t' ? "a tab" : std::string("`") + delim_ + "`";
                fail("expected " + d + " or a line break after the closing quote of the field that starts at column " +
                         std::to_string(fieldCol_),
                     line, col);
                return false;
            }
            return true;
        case State::AfterCr: break;
    }
    return true;
}

bool CsvStream::sniff(std::string_view more) {
    pending_.append(more.data(), more.size());
    // A leading UTF-8 byte order mark is not part of the first header.
    if (!started_ && pending_.size() >= 3 && pending_.compare(0, 3, "\xEF\xBB\xBF") == 0) pending_.erase(0, 3);
    return true;
}

bool CsvStream::feed(std::string_view bytes) {
    if (failed_ || stopped_) return false;
    if (!started_) {
        sniff(bytes);
        // Wait for the whole first line (and for 3 bytes, to see a BOM split across chunks).
        if (pending_.size() < 3 || (!has_first_line(pending_) && pending_.size() < kSniffLimit)) return true;
        started_ = true;
        if (!delim_) delim_ = pick_delimiter(pending_);
        std::string held;
        held.swap(pending_);
        return feed(held);
    }
    for (char c : bytes)
        if (!byte(c)) return false;
    return true;
}

bool CsvStream::finish() {
    if (failed_ || stopped_) return false;
    if (!started_) {
        started_ = true;
        if (!delim_) delim_ = pick_delimiter(pending_);
        std::string held;
        held.swap(pending_);
        if (!feed(held)) return false;
    }
    switch (state_) {
        case State::Quoted:
            fail("a quoted field is never closed (expected a closing `\"`)", quoteLine_, quoteCol_);
            return false;
        case State::Unquoted:
        case State::QuoteInQuoted:
            end_field();
            return end_record();
        case State::FieldStart:
            if (!ends_.empty()) {
                end_field();  // the record ended with a delimiter: its last field is empty
                return end_record();
            }
            return true;
        case State::AfterCr: return true;
    }
    return true;
}

}  // namespace uxcx
