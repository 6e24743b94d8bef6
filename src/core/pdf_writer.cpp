// pdf_writer.cpp: the small PDF writer (pdf_writer.h). PDF 1.4 (ISO 32000-1 reads it): objects
// numbered in writing order, a classic cross-reference table, content streams left uncompressed
// (a page of rectangles and text is a few kilobytes), images as given (Flate).
#include "core/pdf_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace uxcx {

namespace {

// A number as PDF writes it: at most two decimals, no exponent, no trailing zeros.
std::string num(float v) {
    if (!std::isfinite(v)) v = 0;
    char b[32];
    std::snprintf(b, sizeof b, "%.2f", (double)v);
    std::string s = b;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s;
}

std::string rgb(PdfRgb c, const char* op) { return num(c.r) + " " + num(c.g) + " " + num(c.b) + " " + op + "\n"; }

// Reads one UTF-8 character; returns its code point, or -1 for a malformed sequence (one byte used).
long next_utf8(std::string_view s, size_t& i) {
    const unsigned char c = (unsigned char)s[i++];
    if (c < 0x80) return c;
    int n = c >= 0xF0 && c < 0xF5 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 && c < 0xE0 ? 1 : -1;
    if (n < 0 || i + (size_t)n > s.size()) return -1;
    long cp = c & (0x3F >> n);
    for (int k = 0; k < n; k++) {
        const unsigned char d = (unsigned char)s[i + (size_t)k];
        if ((d & 0xC0) != 0x80) return -1;
        cp = (cp << 6) | (d & 0x3F);
    }
    i += (size_t)n;
    return cp;
}

// WinAnsi's 0x80..0x9F, where it differs from Latin-1 (0 = unused).
constexpr unsigned short kWinAnsi80[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

int winansi_code(long cp) {
    if ((cp >= 0x20 && cp < 0x7F) || (cp >= 0xA0 && cp <= 0xFF)) return (int)cp;
    for (int i = 0; i < 32; i++)
        if (kWinAnsi80[i] != 0 && kWinAnsi80[i] == cp) return 0x80 + i;
    return -1;
}

// Helvetica and Helvetica-Bold advance widths (1/1000 em) of ASCII 32..126 (Adobe's AFM files).
constexpr unsigned short kHelvetica[95] = {
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
    556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556,
    556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584};
constexpr unsigned short kHelveticaBold[95] = {
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
    556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611,
    611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584};

// A PDF literal string: parentheses and backslashes escaped, bytes outside printable ASCII as octal.
std::string literal(std::string_view bytes) {
    std::string s = "(";
    for (const char ch : bytes) {
        const unsigned char c = (unsigned char)ch;
        if (c == '(' || c == ')' || c == '\\') {
            s += '\\';
            s += (char)c;
        } else if (c < 0x20 || c >= 0x7F) {
            char o[8];
            std::snprintf(o, sizeof o, "\\%03o", c);
            s += o;
        } else {
            s += (char)c;
        }
    }
    return s + ")";
}

// A text string for the document information: literal when plain ASCII, else UTF-16BE with a BOM.
std::string info_string(std::string_view utf8) {
    bool ascii = true;
    for (const char c : utf8) ascii &= (unsigned char)c >= 0x20 && (unsigned char)c < 0x7F;
    if (ascii) return literal(utf8);
    std::string hex = "<FEFF";
    auto unit = [&](unsigned u) {
        char b[8];
        std::snprintf(b, sizeof b, "%04X", u & 0xFFFF);
        hex += b;
    };
    for (size_t i = 0; i < utf8.size();) {
        long cp = next_utf8(utf8, i);
        if (cp < 0) cp = 0xFFFD;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            unit(0xD800 + (unsigned)(cp >> 10));
            unit(0xDC00 + (unsigned)(cp & 0x3FF));
        } else {
            unit((unsigned)cp);
        }
    }
    return hex + ">";
}

}  // namespace

void pdf_fill_rect(PdfPage& p, float x, float y, float w, float h, PdfRgb c) {
    p.content += rgb(c, "rg") + num(x) + " " + num(p.height_pt - y - h) + " " + num(w) + " " + num(h) + " re f\n";
}

void pdf_stroke_rect(PdfPage& p, float x, float y, float w, float h, PdfRgb c, float line_w, float dash) {
    p.content += "q\n" + rgb(c, "RG") + num(line_w) + " w\n";
    if (dash > 0) p.content += "[" + num(dash) + " " + num(dash) + "] 0 d\n";
    p.content += num(x) + " " + num(p.height_pt - y - h) + " " + num(w) + " " + num(h) + " re S\nQ\n";
}

void pdf_line(PdfPage& p, float x0, float y0, float x1, float y1, PdfRgb c, float line_w) {
    p.content += "q\n" + rgb(c, "RG") + num(line_w) + " w\n" + num(x0) + " " + num(p.height_pt - y0) + " m " + num(x1) + " " +
                 num(p.height_pt - y1) + " l S\nQ\n";
}

void pdf_text(PdfPage& p, PdfFont font, float size, float x, float baseline, PdfRgb c, std::string_view utf8) {
    std::string bytes;
    pdf_winansi(utf8, &bytes);
    p.content += "BT\n" + rgb(c, "rg") + (font == PdfFont::Bold ? "/F2 " : "/F1 ") + num(size) + " Tf\n" + num(x) + " " +
                 num(p.height_pt - baseline) + " Td\n" + literal(bytes) + " Tj\nET\n";
}

void pdf_image(PdfPage& p, int index, float x, float y, float w, float h) {
    p.content += "q\n" + num(w) + " 0 0 " + num(h) + " " + num(x) + " " + num(p.height_pt - y - h) + " cm\n/Im" +
                 std::to_string(index) + " Do\nQ\n";
    bool listed = false;
    for (const int i : p.images) listed |= i == index;
    if (!listed) p.images.push_back(index);
}

bool pdf_winansi(std::string_view utf8, std::string* out) {
    bool all = true;
    std::string s;
    for (size_t i = 0; i < utf8.size();) {
        const long cp = next_utf8(utf8, i);
        const int code = cp < 0 ? -1 : winansi_code(cp);
        if (code < 0) {
            all = false;
            s += '?';
        } else {
            s += (char)code;
        }
    }
    if (out) *out = std::move(s);
    return all;
}

float pdf_text_width(PdfFont font, float size, std::string_view winansi) {
    const unsigned short* widths = font == PdfFont::Bold ? kHelveticaBold : kHelvetica;
    float units = 0;
    for (const char ch : winansi) {
        const unsigned char c = (unsigned char)ch;
        units += c >= 32 && c < 127 ? widths[c - 32] : 556;  // accented letters: about a digit's width
    }
    return units * size / 1000.0f;
}

uint32_t adler32(std::string_view bytes) {
    uint32_t a = 1, b = 0;
    for (const char c : bytes) {
        a = (a + (unsigned char)c) % 65521;
        b = (b + a) % 65521;
    }
    return (b << 16) | a;
}

std::string zlib_stored(std::string_view raw) {
    std::string z = "\x78\x01";  // deflate, 32 KiB window, no preset dictionary, fastest
    size_t at = 0;
    do {
        const size_t n = std::min<size_t>(65535, raw.size() - at);
        const bool last = at + n == raw.size();
        z += (char)(last ? 1 : 0);  // BFINAL, BTYPE 00 (stored)
        z += (char)(n & 0xFF);
        z += (char)(n >> 8);
        z += (char)(~n & 0xFF);
        z += (char)((~n >> 8) & 0xFF);
        z.append(raw.substr(at, n));
        at += n;
    } while (at < raw.size());
    const uint32_t sum = adler32(raw);
    for (int shift = 24; shift >= 0; shift -= 8) z += (char)((sum >> shift) & 0xFF);
    return z;
}

std::string pdf_write(const PdfDocument& doc) {
    std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";  // the binary comment: transfer tools keep it binary
    std::vector<size_t> offsets;                         // of object n at [n - 1]
    auto begin_obj = [&]() {
        offsets.push_back(out.size());
        out += std::to_string(offsets.size()) + " 0 obj\n";
    };
    // Object numbers: 1 catalog, 2 pages, 3-4 fonts, 5 info, then the images, then per page its
    // page object and its content stream.
    const int first_image = 6;
    const int first_page = first_image + (int)doc.images.size();
    std::string kids;
    for (size_t i = 0; i < doc.pages.size(); i++) kids += std::to_string(first_page + 2 * (int)i) + " 0 R ";

    begin_obj();
    out += "<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";
    begin_obj();
    out += "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(doc.pages.size()) + " >>\nendobj\n";
    begin_obj();
    out += "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>\nendobj\n";
    begin_obj();
    out += "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>\nendobj\n";
    begin_obj();
    out += "<< /Title " + info_string(doc.title) + " /Producer (uxcx)";
    if (!doc.creation.empty()) out += " /CreationDate " + literal(doc.creation);
    out += " >>\nendobj\n";
    for (const PdfImage& im : doc.images) {
        begin_obj();
        out += "<< /Type /XObject /Subtype /Image /Width " + std::to_string(im.width) + " /Height " + std::to_string(im.height) +
               " /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length " + std::to_string(im.zlib.size()) +
               " >>\nstream\n";
        out += im.zlib;
        out += "\nendstream\nendobj\n";
    }
    for (size_t i = 0; i < doc.pages.size(); i++) {
        const PdfPage& p = doc.pages[i];
        std::string xobjects;
        for (const int im : p.images)
            if (im >= 0 && im < (int)doc.images.size())
                xobjects += "/Im" + std::to_string(im) + " " + std::to_string(first_image + im) + " 0 R ";
        begin_obj();
        out += "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + num(p.width_pt) + " " + num(p.height_pt) +
               "] /Resources << /Font << /F1 3 0 R /F2 4 0 R >>";
        if (!xobjects.empty()) out += " /XObject << " + xobjects + ">>";
        out += " >> /Contents " + std::to_string(first_page + 2 * (int)i + 1) + " 0 R >>\nendobj\n";
        begin_obj();
        out += "<< /Length " + std::to_string(p.content.size()) + " >>\nstream\n" + p.content + "\nendstream\nendobj\n";
    }
    const size_t xref = out.size();
    out += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (const size_t o : offsets) {
        char line[24];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
        out += line;
    }
    out += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) + " /Root 1 0 R /Info 5 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return out;
}

}  // namespace uxcx
