// test_export.cpp: the whole-map export as the app draws it (no GPU: the drawing, the plan, the
// headers it reports and the PDF around a stand-in image), and the bare current-view capture.
#include <doctest/doctest.h>

#include "../../bench/gen_journey.h"
#include "core/convert.h"
#include "core/pdf_writer.h"
#include "harness.h"
#include "journeys.h"
#include "ui/app.h"

using namespace uxcx;
using uxcx::bench::generate_journey;

namespace {

ExportOptions options(const char* kind, const char* size, int width, float dpi) {
    ExportOptions o;
    o.kind = kind;
    o.size = size;
    o.width = width;
    o.dpi = dpi;
    return o;
}

}  // namespace

TEST_CASE("whole-map export: every stage of a 40-stage journey drawn, whole, in bands") {
    test::UiHarness ui;
    const Journey j = generate_journey(120, 40, 3);
    REQUIRE(app_open(ui.app, save_journey_json(j), "g40.json").ok);
    ui.frames(2);
    REQUIRE(export_request(ui.app, options("png", "a3", 0, 300)).empty());
    ui.frames(1);
    const ExportState& ex = ui.app.exports;
    REQUIRE(ex.ready);
    REQUIRE(ex.list);
    CHECK(ex.list->VtxBuffer.Size > 10000);
    CHECK(ex.image.w == 4961);
    CHECK(ex.image.h == 3508);
    CHECK(ex.plan.bands.size() > 1);
    // Each of the 40 stages once, its title whole ("12. Stage 12"), inside the page.
    REQUIRE(ex.headers.size() == 40);
    for (size_t i = 0; i < ex.headers.size(); i++) {
        const ExportHeader& h = ex.headers[i];
        CHECK(h.column == (int)i);
        CHECK(h.label == std::to_string(i + 1) + ". " + j.stages[i].name);
        CHECK(h.label_px >= ex.plan.text_px * 0.74f);
        CHECK(h.x >= 0);
        CHECK(h.x + h.w <= 4961);
        CHECK(h.y + h.h <= 3508);
    }
    // The screen's own headers are not disturbed by the export's.
    for (const VisibleHeader& h : ui.app.headers) CHECK(h.y < 1000);
    // Title, date and legend on the page.
    bool title = false, legend = false;
    for (const PageMark& m : ex.marks) {
        title |= m.kind == PageMark::Text && m.text == j.title;
        legend |= m.kind == PageMark::Text && m.text == "insufficient evidence";
    }
    CHECK(title);
    CHECK(legend);
}

TEST_CASE("whole-map export: refusals say why and leave nothing pending") {
    test::UiHarness ui;
    CHECK(export_request(ui.app, options("png", "slide", 1920, 0)) == "no journey is open");
    REQUIRE(app_open(ui.app, test::generated_journey(6), "g.json").ok);
    CHECK(export_request(ui.app, options("gif", "slide", 1920, 0)).find("\"png\" or \"pdf\"") != std::string::npos);
    CHECK(export_request(ui.app, options("png", "a3", 0, 600)).find("lower resolution") != std::string::npos);
    CHECK_FALSE(ui.app.exports.pending);
}

TEST_CASE("whole-map PDF: the map as an image, title, date and legend as text") {
    test::UiHarness ui;
    REQUIRE(app_open(ui.app, test::generated_journey(12), "g.json").ok);
    REQUIRE(export_request(ui.app, options("pdf", "a4", 0, 150)).empty());
    ui.frames(1);
    const ExportState& ex = ui.app.exports;
    REQUIRE(ex.ready);
    // The image covers the map only: the title above it is PDF text.
    CHECK(ex.image.y >= ex.plan.title.bottom() - 1);
    const int w = (int)ex.image.w, h = (int)ex.image.h;
    CHECK_FALSE(export_pdf(ui.app, zlib_stored(std::string(3, '\0')), w, h + 1));  // not this image's size
    REQUIRE(export_pdf(ui.app, zlib_stored(std::string((size_t)w * h * 3, '\x80')), w, h));
    const std::string& pdf = ui.app.exports.pdf;
    CHECK(pdf.rfind("%PDF-1.4", 0) == 0);
    CHECK(pdf.find("/Width " + std::to_string(w) + " /Height " + std::to_string(h)) != std::string::npos);
    CHECK(pdf.find("(Generated) Tj") != std::string::npos);
    CHECK(pdf.find("(insufficient evidence) Tj") != std::string::npos);
    CHECK(pdf.find("/MediaBox [0 0 841.89 595.28]") != std::string::npos);  // A4 landscape
}

TEST_CASE("whole-map PDF: a title WinAnsi cannot say is drawn into the image") {
    test::UiHarness ui;
    Journey j = generate_journey(10, 3, 1);
    j.title = "\xe3\x82\xab\xe3\x82\xb9\xe3\x82\xbf\xe3\x83\x9e\xe3\x83\xbc";  // カスタマー
    REQUIRE(app_open(ui.app, save_journey_json(j), "jp.json").ok);
    REQUIRE(export_request(ui.app, options("pdf", "slide", 1920, 0)).empty());
    ui.frames(1);
    const ExportState& ex = ui.app.exports;
    CHECK(ex.image.y <= ex.plan.title.y);
    bool vector_title = false;
    for (const PageMark& m : ex.marks) vector_title |= m.kind == PageMark::Text && m.text == j.title && m.vector;
    CHECK_FALSE(vector_title);
}

TEST_CASE("whole-map export of 20,000 cards on a slide: colours only, a bounded drawing") {
    test::UiHarness ui;
    REQUIRE(app_open(ui.app, save_journey_json(generate_journey(20000, 8, 2)), "big.json").ok);
    REQUIRE(export_request(ui.app, options("png", "slide", 1920, 0)).empty());
    ui.frames(1);
    const ExportState& ex = ui.app.exports;
    REQUIRE(ex.ready);
    CHECK(ex.headers.size() == 8);
    // Names under 5 pixels are not drawn: each card is its two coloured halves (and the dashed
    // evidence mark where it has one), never tens of thousands of unreadable glyphs.
    CHECK_FALSE(ex.plan.legible);
    CHECK(ex.list->VtxBuffer.Size < 20000 * 60);
}
