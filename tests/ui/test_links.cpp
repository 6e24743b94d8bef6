// test_links.cpp: the filters live in the App, so the ranking obeys filters set from outside (a
// link, a recent-map entry), and "Copy link" carries them to the receiver.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "harness.h"
#include "platform/native/platform_native.h"
#include "ui/file_menu.h"

using namespace uxcx;

namespace {

// The ids of the ranking's rows drawn in the last frame.
std::set<std::string> ranked_ids(const App& app) {
    std::set<std::string> ids;
    for (const VisibleItem& it : app.items) ids.insert(app.doc.journey.touchpoints[(size_t)it.touchpoint].id);
    return ids;
}

void open_livechat(test::UiHarness& ui) {
    namespace fs = std::filesystem;
    REQUIRE(app_open(ui.app, test::read_file(fs::path(UXCX_SOURCE_DIR) / "assets/samples/livechat.json"), "livechat.json").ok);
}

}  // namespace

TEST_CASE("the ranking shows only the rows the App's filters let through") {
    test::UiHarness ui;
    open_livechat(ui);
    // livechat.json: search, pricing, signup (web), widget (app), email-question (support, email),
    // phone-call (support, phone) - six touchpoints.
    REQUIRE(app_set_view(ui.app, "ranking"));
    ui.frames(2);
    CHECK(ranked_ids(ui.app).size() == 6);

    ui.app.filters.text = "email";  // only "Email question, answered two days later" has it (any case)
    ui.frames(2);
    CHECK(ranked_ids(ui.app) == std::set<std::string>{"email-question"});

    ui.app.filters.text = "email,phone";  // ImGuiTextFilter: ',' is "either"
    ui.frames(2);
    CHECK(ranked_ids(ui.app) == std::set<std::string>{"email-question", "phone-call"});

    ui.app.filters.text.clear();
    ui.app.filters.stage = 4;  // support
    ui.app.filters.channel = 3;  // phone
    ui.frames(2);
    CHECK(ranked_ids(ui.app) == std::set<std::string>{"phone-call"});

    ui.app.filters = {};
    ui.frames(2);
    CHECK(ranked_ids(ui.app).size() == 6);  // nothing stays filtered once the filters are cleared
}

TEST_CASE("a link query sets view, selection and filters; Copy link carries them back out") {
    test::UiHarness ui;
    open_livechat(ui);
    ui.app.filters.text = "old";  // the receiver's own filter must give way to the link's
    app_apply_query(ui.app, "view=ranking&sel=phone-call&stage=support&q=call&heat=gap&sets=future,current&bogus=1");
    CHECK(ui.app.view == "ranking");
    CHECK(ui.app.doc.journey.touchpoints[(size_t)ui.app.selected].id == "phone-call");
    CHECK(ui.app.filters.text == "call");
    CHECK(ui.app.filters.heat == HeatGap);
    CHECK(ui.app.compare_a == 1);  // sets: current (0), future (1)
    CHECK(ui.app.compare_b == 0);
    ui.frames(2);
    // "Phone call that solves it" is the only support touchpoint whose name has "call".
    CHECK(ranked_ids(ui.app) == std::set<std::string>{"phone-call"});

    platform::g_native_calls = {};
    ui.app.filters.channel = 3;  // phone
    copy_link(ui.app);  // File > Copy link
    CHECK(platform::g_native_calls.link_view_query ==
          "view=ranking&sel=phone-call&q=call&stage=support&ch=phone&heat=gap&sets=future,current");

    // The heatmap draws with the App's measure: switching views keeps it.
    REQUIRE(app_set_view(ui.app, "heatmap"));
    ui.frames(2);
    CHECK(ui.app.filters.heat == HeatGap);
}
