// pdf_writer.h: a small PDF 1.4 writer for the whole-map export: pages of vector rectangles and
// lines, text in the standard Helvetica fonts (WinAnsi encoding, nothing embedded), and RGB images
// given as Flate (zlib) streams. Coordinates are page points from the TOP-left, y down, like the
// rest of the app; the writer turns them into PDF's bottom-up space.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace uxcx {

struct PdfRgb {
    float r = 0, g = 0, b = 0;  // 0..1
};

// An 8-bit RGB image whose rows (top to bottom, 3 bytes a pixel, no filter bytes) are compressed
// as one zlib stream (what a browser's CompressionStream('deflate') gives, or zlib_stored()).
struct PdfImage {
    int width = 0, height = 0;
    std::string zlib;
};

enum class PdfFont { Regular, Bold };  // Helvetica, Helvetica-Bold

struct PdfPage {
    float width_pt = 0, height_pt = 0;
    std::string content;      // the page's content stream (pdf_* below append to it)
    std::vector<int> images;  // indices into PdfDocument::images drawn on this page
};

struct PdfDocument {
    std::string title;     // the document information's Title (any Unicode)
    std::string creation;  // "D:20261202013000Z", or empty
    std::vector<PdfImage> images;
    std::vector<PdfPage> pages;
};

// Filled rectangle; stroked rectangle (`dash` > 0: dashed with dashes that long).
void pdf_fill_rect(PdfPage& p, float x, float y, float w, float h, PdfRgb c);
void pdf_stroke_rect(PdfPage& p, float x, float y, float w, float h, PdfRgb c, float line_w, float dash = 0);
void pdf_line(PdfPage& p, float x0, float y0, float x1, float y1, PdfRgb c, float line_w);
// Text with its baseline at y. Characters WinAnsi lacks are drawn as '?' (use pdf_winansi first to
// decide whether a string can be text at all).
void pdf_text(PdfPage& p, PdfFont font, float size, float x, float baseline, PdfRgb c, std::string_view utf8);
// Image `index` (PdfDocument::images) scaled into the rectangle.
void pdf_image(PdfPage& p, int index, float x, float y, float w, float h);

// UTF-8 to WinAnsi (Windows-1252) bytes, what the standard fonts can show. False when a
// character has no WinAnsi code (CJK, Arabic, emoji...); `out` then has '?' in its place.
bool pdf_winansi(std::string_view utf8, std::string* out);

// Helvetica's advance width of WinAnsi text at `size` (the standard font metrics, for layout).
float pdf_text_width(PdfFont font, float size, std::string_view winansi);

// The whole file: header, objects, cross-reference table, trailer.
std::string pdf_write(const PdfDocument& doc);

// A valid zlib stream holding `raw` in stored (uncompressed) deflate blocks, and its checksum.
std::string zlib_stored(std::string_view raw);
uint32_t adler32(std::string_view bytes);

}  // namespace uxcx
