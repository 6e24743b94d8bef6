// test_widgets.cpp: app.widgets, the labelled widgets a frame drew (uxcx.state().widgets), through
// which browser tests find menu items by label.
#include <doctest/doctest.h>

#include <algorithm>

#include "harness.h"
#include "imgui_internal.h"

using namespace uxcx;

namespace {
const VisibleWidget* find(const App& app, const char* label) {
    auto it = std::find_if(app.widgets.begin(), app.widgets.end(), [&](const VisibleWidget& w) { return w.label == label; });
    return it == app.widgets.end() ? nullptr : &*it;
}
}  // namespace

TEST_CASE("the widgets a frame drew are listed by label, and clicking one by its rectangle works") {
    test::UiHarness ui;
    REQUIRE(app_open(ui.app, test::read_file(std::string(UXCX_SOURCE_DIR) + "/assets/samples/livechat.json"), "livechat.json").ok);
    ui.frames(2);
    REQUIRE(find(ui.app, "File") != nullptr);
    const VisibleWidget file = *find(ui.app, "File");  // a copy: the list is refilled every frame
    CHECK(file.w > 0);
    CHECK(file.h > 0);
    CHECK(find(ui.app, "Compare with...") == nullptr);  // inside the closed menu: not drawn

    ui.click(file.x + file.w / 2, file.y + file.h / 2);
    ui.frames(2);  // a popup lays itself out hidden on its first frame
    const VisibleWidget* compare = find(ui.app, "Compare with...");
    REQUIRE(compare != nullptr);
    CHECK(compare->y > file.y + file.h - 1);  // below the menu bar, in the open menu
    for (const VisibleWidget& w : ui.app.widgets) CHECK(w.label.find("##") == std::string::npos);

    // Outside a frame the context holds no pointer into the App (it may go away first).
    CHECK(ImGui::GetCurrentContext()->TestEngine == nullptr);
}
