// test_pdf_writer.cpp: the small PDF writer: a file whose cross-reference table points at its
// objects, text in WinAnsi, images as given, and stored zlib streams a reader can inflate.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/pdf_writer.h"

using namespace uxcx;

namespace {

// Inflates a zlib stream of stored blocks (what zlib_stored writes), checking its checksum.
bool inflate_stored(const std::string& z, std::string& out) {
    if (z.size() < 6 || (((unsigned char)z[0] << 8) | (unsigned char)z[1]) % 31 != 0) return false;
    size_t at = 2;
    for (;;) {
        if (at + 5 > z.size()) return false;
        const unsigned char head = (unsigned char)z[at];
        const unsigned n = (unsigned char)z[at + 1] | (unsigned char)z[at + 2] << 8;
        const unsigned nn = (unsigned char)z[at + 3] | (unsigned char)z[at + 4] << 8;
        if ((head & 6) != 0 || (n ^ 0xFFFF) != nn || at + 5 + n > z.size()) return false;
        out.append(z, at + 5, n);
        at += 5 + n;
        if (head & 1) break;
    }
    if (at + 4 != z.size()) return false;
    const uint32_t sum = (uint32_t)(unsigned char)z[at] << 24 | (uint32_t)(unsigned char)z[at + 1] << 16 |
                         (uint32_t)(unsigned char)z[at + 2] << 8 | (unsigned char)z[at + 3];
    return sum == adler32(out);
}

}  // namespace

TEST_CASE("adler32 and stored zlib streams") {
    CHECK(adler32("Wikipedia") == 0x11E60398u);  // the checksum's worked example
    CHECK(adler32("") == 1u);
    for (const size_t n : {size_t(0), size_t(1), size_t(65535), size_t(65536), size_t(200000)}) {
        std::string raw(n, '\0');
        for (size_t i = 0; i < n; i++) raw[i] = (char)(i * 7 + i / 300);
        std::string back;
        REQUIRE(inflate_stored(zlib_stored(raw), back));
        CHECK(back == raw);
    }
}

TEST_CASE("WinAnsi: Latin text and typographic marks are text, other scripts are not") {
    std::string out;
    CHECK(pdf_winansi("Caf\xc3\xa9 \xe2\x80\x93 \xe2\x82\xac" "5 \xe2\x80\x9cok\xe2\x80\x9d", &out));
    CHECK(out == "Caf\xe9 \x96 \x80" "5 \x93ok\x94");
    CHECK_FALSE(pdf_winansi("\xe6\x97\x85\xe7\xa8\x8b", &out));  // 旅程
    CHECK(out == "??");
    CHECK_FALSE(pdf_winansi("a\xff", &out));  // not UTF-8
    CHECK(out == "a?");
    CHECK(pdf_text_width(PdfFont::Regular, 10, "MW") == doctest::Approx((833 + 944) / 100.0));
    CHECK(pdf_text_width(PdfFont::Bold, 10, "i") == doctest::Approx(2.78));
}

TEST_CASE("pdf_write: every object where the cross-reference table says, pages, fonts, images") {
    PdfDocument doc;
    doc.title = "Journey \xe6\x97\x85\xe7\xa8\x8b (1)";
    doc.creation = "D:20261202010000Z";
    PdfImage im;
    im.width = 2;
    im.height = 1;
    im.zlib = zlib_stored(std::string("\xff\x00\x00\x00\x00\xff", 6));
    doc.images.push_back(im);
    PdfPage page;
    page.width_pt = 960;
    page.height_pt = 540;
    pdf_fill_rect(page, 10, 20, 100, 50, {1, 0, 0});
    pdf_stroke_rect(page, 10, 20, 100, 50, {0, 0, 0}, 1, 3);
    pdf_text(page, PdfFont::Bold, 24, 10, 40, {0, 0, 0}, "Title (draft) \\ 100%");
    pdf_image(page, 0, 0, 100, 960, 400);
    doc.pages.push_back(page);
    const std::string pdf = pdf_write(doc);

    CHECK(pdf.rfind("%PDF-1.4\n", 0) == 0);
    CHECK(pdf.size() > 20);
    CHECK(pdf.substr(pdf.size() - 6) == "%%EOF\n");
    // startxref -> "xref", and each entry -> "N 0 obj".
    const size_t sx = pdf.rfind("startxref\n");
    REQUIRE(sx != std::string::npos);
    const size_t xref = (size_t)std::atol(pdf.c_str() + sx + 10);
    REQUIRE(pdf.compare(xref, 5, "xref\n") == 0);
    int count = 0;
    REQUIRE(std::sscanf(pdf.c_str() + xref, "xref\n0 %d", &count) == 1);
    CHECK(count == 1 + 5 + 1 + 2);  // free entry, catalog..info, one image, page + contents
    const size_t first = pdf.find('\n', pdf.find('\n', xref) + 1) + 1 + 20;  // after "0 N" and the free entry
    for (int n = 1; n < count; n++) {
        const size_t off = (size_t)std::atol(pdf.c_str() + first + (size_t)(n - 1) * 20);
        CHECK(pdf.compare(off, std::to_string(n).size() + 6, std::to_string(n) + " 0 obj") == 0);
    }
    // Fonts, page size flipped into PDF space, text escaped, the image placed and its stream as given.
    CHECK(pdf.find("/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding") != std::string::npos);
    CHECK(pdf.find("/MediaBox [0 0 960 540]") != std::string::npos);
    CHECK(pdf.find("10 470 100 50 re f") != std::string::npos);  // y 20 from the top, 50 high
    CHECK(pdf.find("[3 3] 0 d") != std::string::npos);
    CHECK(pdf.find("(Title \\(draft\\) \\\\ 100%) Tj") != std::string::npos);
    CHECK(pdf.find("960 0 0 400 0 40 cm\n/Im0 Do") != std::string::npos);
    CHECK(pdf.find("/Width 2 /Height 1 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length " +
                   std::to_string(im.zlib.size())) != std::string::npos);
    CHECK(pdf.find("stream\n" + im.zlib + "\nendstream") != std::string::npos);
    CHECK(pdf.find("/XObject << /Im0 6 0 R >>") != std::string::npos);
    // A title outside ASCII as UTF-16 with its byte order mark: "Journey " then 旅 (U+65C5).
    CHECK(pdf.find("<FEFF004A006F00750072006E00650079002065C5") != std::string::npos);
    CHECK(pdf.find("/CreationDate (D:20261202010000Z)") != std::string::npos);
}
