// test_edit.cpp: editing in the app, natively with real ImGui input: the keys (F2 rename, Insert,
// Delete, Alt+Arrow, undo and redo), dragging a card to another cell, the "+" of a cell, the
// details editor's CSAT from counts (a typo refused next to the field, nothing applied), read-only
// hosted maps, presentation hiding every editing control, Save, and the first screen.
#include <doctest/doctest.h>

#include "core/convert.h"
#include "core/load.h"
#include "harness.h"
#include "imgui_internal.h"
#include "journeys.h"
#include "platform/native/platform_native.h"
#include "ui/edit_ui.h"

using namespace uxcx;

namespace {

int find_tp(const App& app, const std::string& id) {
    for (int i = 0; i < (int)app.doc.journey.touchpoints.size(); i++)
        if (app.doc.journey.touchpoints[(size_t)i].id == id) return i;
    return -1;
}

void chord(test::UiHarness& ui, ImGuiKey mod, ImGuiKey k) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(mod, true);
    ui.frames(1);
    ui.key(k);
    io.AddKeyEvent(mod, false);
    ui.frames(1);
}

void type(test::UiHarness& ui, const char* text) {
    ImGui::GetIO().AddInputCharactersUTF8(text);
    ui.frames(2);  // characters queued after a key event reach ImGui a frame later
}

void select_all_and_type(test::UiHarness& ui, const char* text) {
    chord(ui, ImGuiMod_Ctrl, ImGuiKey_A);
    type(ui, text);
}

// Opens a map from its JSON, fitted, with the map view drawn.
void open(test::UiHarness& ui, const std::string& json) {
    REQUIRE(app_open(ui.app, json, "test.json").ok);
    ui.frames(3);
}

}  // namespace

TEST_CASE("F2 renames in place (Enter keeps, Escape cancels); Insert adds in the cell; Delete removes; undo and redo each") {
    test::UiHarness ui;
    open(ui, test::generated_journey(12));
    App& app = ui.app;
    const int first = app.selected;
    REQUIRE(first >= 0);
    const std::string id = app.doc.journey.touchpoints[(size_t)first].id;

    ui.key(ImGuiKey_F2);
    CHECK(app.edit.renaming == first);
    ui.frames(2);
    select_all_and_type(ui, "Checkout");
    ui.key(ImGuiKey_Escape);
    CHECK(app.edit.renaming == -1);
    CHECK(app.doc.journey.touchpoints[(size_t)first].name == "Touchpoint 0");  // cancelled
    CHECK_FALSE(app.doc.dirty);

    ui.key(ImGuiKey_F2);
    ui.frames(2);
    select_all_and_type(ui, "Checkout");
    ui.key(ImGuiKey_Enter);
    CHECK(app.edit.renaming == -1);
    CHECK(app.doc.journey.touchpoints[(size_t)first].name == "Checkout");
    CHECK(app.doc.dirty);
    CHECK(undo_label(app.doc.history) == "rename 'Touchpoint 0'");
    CHECK(app.doc.history.steps.size() == 1);  // typing a name is one step

    // Insert: a new card in the same cell, right after the selected one, selected and in rename.
    const int n = (int)app.doc.journey.touchpoints.size();
    const Touchpoint sel = app.doc.journey.touchpoints[(size_t)first];
    ui.key(ImGuiKey_Insert);
    REQUIRE((int)app.doc.journey.touchpoints.size() == n + 1);
    const Touchpoint& added = app.doc.journey.touchpoints[(size_t)app.selected];
    CHECK(added.stage == sel.stage);
    CHECK(added.channel == sel.channel);
    CHECK(app.edit.renaming == app.selected);
    ui.frames(2);
    select_all_and_type(ui, "Pay");
    ui.key(ImGuiKey_Enter);
    CHECK(app.doc.journey.touchpoints[(size_t)app.selected].name == "Pay");

    // Delete removes it; the selection moves on.
    const std::string pay = app.doc.journey.touchpoints[(size_t)app.selected].id;
    ui.key(ImGuiKey_Delete);
    CHECK((int)app.doc.journey.touchpoints.size() == n);
    CHECK(find_tp(app, pay) == -1);
    CHECK(app.selected >= 0);

    // Ctrl+Z undoes each step; Ctrl+Y and Ctrl+Shift+Z redo.
    chord(ui, ImGuiMod_Ctrl, ImGuiKey_Z);  // the delete
    CHECK(find_tp(app, pay) >= 0);
    chord(ui, ImGuiMod_Ctrl, ImGuiKey_Z);  // the rename of the new one
    chord(ui, ImGuiMod_Ctrl, ImGuiKey_Z);  // the insert
    CHECK((int)app.doc.journey.touchpoints.size() == n);
    chord(ui, ImGuiMod_Ctrl, ImGuiKey_Z);  // the rename
    CHECK(app.doc.journey.touchpoints[(size_t)find_tp(app, id)].name == "Touchpoint 0");
    CHECK_FALSE(app.doc.dirty);  // back where it was opened
    chord(ui, ImGuiMod_Ctrl, ImGuiKey_Y);
    CHECK(app.doc.journey.touchpoints[(size_t)find_tp(app, id)].name == "Checkout");
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Shift, true);
    chord(ui, ImGuiMod_Ctrl, ImGuiKey_Z);
    io.AddKeyEvent(ImGuiMod_Shift, false);
    ui.frames(1);
    CHECK((int)app.doc.journey.touchpoints.size() == n + 1);  // the insert again
}

TEST_CASE("a name typed at once after F2 loses no letter: the field takes the keyboard a frame later") {
    test::UiHarness ui;
    open(ui, test::generated_journey(12));
    App& app = ui.app;
    const int first = app.selected;
    ui.key(ImGuiKey_F2);  // the frame after this one draws the field; ImGui activates it one later
    ImGui::GetIO().AddInputCharactersUTF8("Sees an ad");  // typed before the field has the keyboard
    ui.frames(4);
    ui.key(ImGuiKey_Enter);
    CHECK(app.edit.renaming == -1);
    CHECK(app.doc.journey.touchpoints[(size_t)first].name == "Sees an ad");
}

TEST_CASE("no card tooltip covers the name being typed in place") {
    test::UiHarness ui;
    open(ui, test::generated_journey(12));
    App& app = ui.app;
    const VisibleItem* card = test::item_for(app, app.selected);
    REQUIRE(card);
    ImGui::GetIO().AddMousePosEvent(card->x + card->w / 2, card->y + card->h / 2);
    ui.frames(40);  // past ImGui's hover delay: the card's tooltip is up
    auto tooltip_shown = [] {
        for (ImGuiWindow* w : GImGui->Windows)
            if ((w->Flags & ImGuiWindowFlags_Tooltip) && w->Active) return true;
        return false;
    };
    REQUIRE(tooltip_shown());
    // Insert: the new card's name field opens while the mouse rests on another card (after Insert in
    // the browser, the card above it), whose tooltip was drawn over the field.
    ui.key(ImGuiKey_Insert);
    ui.frames(2);
    REQUIRE(app.edit.renaming == app.selected);
    const VisibleItem* field = test::item_for(app, app.selected);
    REQUIRE(field);
    const VisibleItem* other = nullptr;  // the card farthest from the field, so the field is not over it
    float far = -1;
    for (const VisibleItem& it : app.items) {
        const float d = std::abs(it.x - field->x) + std::abs(it.y - field->y);
        if (it.touchpoint != app.selected && d > far) far = d, other = &it;
    }
    REQUIRE(other);
    ImGui::GetIO().AddMousePosEvent(other->x + other->w / 2, other->y + other->h / 2);
    ui.frames(40);
    CHECK(app.edit.renaming == app.selected);
    CHECK_FALSE(tooltip_shown());
}

TEST_CASE("Alt+Arrow moves the selected touchpoint to the neighbouring stage or channel; drag moves it to the cell dropped on") {
    test::UiHarness ui;
    open(ui, test::generated_journey(12));
    App& app = ui.app;
    const int t = find_tp(app, "tp-0");  // awareness, web
    app.selected = t;
    ui.frames(1);
    chord(ui, ImGuiMod_Alt, ImGuiKey_RightArrow);
    int now = find_tp(app, "tp-0");
    CHECK(app.doc.journey.stages[(size_t)app.doc.journey.touchpoints[(size_t)now].stage].id == "consideration");
    CHECK(app.selected == now);  // the selection follows its card
    chord(ui, ImGuiMod_Alt, ImGuiKey_DownArrow);
    now = find_tp(app, "tp-0");
    CHECK(app.doc.journey.channels[(size_t)app.doc.journey.touchpoints[(size_t)now].channel].id == "app");
    // Into an offline channel with a SUS reading: refused, said, nothing changed.
    chord(ui, ImGuiMod_Alt, ImGuiKey_DownArrow);
    now = find_tp(app, "tp-0");
    CHECK(app.doc.journey.channels[(size_t)app.doc.journey.touchpoints[(size_t)now].channel].id == "app");
    CHECK(app.edit.message.find("offline") != std::string::npos);
    // The arrows without Alt still move the selection only.
    const size_t steps = app.doc.history.steps.size();
    ui.key(ImGuiKey_RightArrow);
    CHECK(app.doc.history.steps.size() == steps);

    // Drag tp-0's card onto the cell of tp-4 (another stage and channel).
    app.selected = find_tp(app, "tp-0");
    ui.frames(2);
    const int target = find_tp(app, "tp-4");
    const VisibleItem* from = test::item_for(app, find_tp(app, "tp-0"));
    const VisibleItem* to = test::item_for(app, target);
    REQUIRE(from);
    REQUIRE(to);
    const ImVec2 a(from->x + from->w / 2, from->y + from->h / 2), b(to->x + to->w / 2, to->y + to->h + 2);
    const int stage = app.doc.journey.touchpoints[(size_t)target].stage, channel = app.doc.journey.touchpoints[(size_t)target].channel;
    ImGuiIO& io = ImGui::GetIO();
    REQUIRE(app.map.fit);
    io.AddMousePosEvent(a.x, a.y);
    ui.frames(1);
    io.AddMouseButtonEvent(0, true);
    ui.frames(1);
    for (int i = 1; i <= 8; i++) {
        io.AddMousePosEvent(a.x + (b.x - a.x) * i / 8, a.y + (b.y - a.y) * i / 8);
        ui.frames(1);
    }
    io.AddMouseButtonEvent(0, false);
    ui.frames(2);
    now = find_tp(app, "tp-0");
    CHECK(app.doc.journey.touchpoints[(size_t)now].stage == stage);
    CHECK(app.doc.journey.touchpoints[(size_t)now].channel == channel);
    CHECK(app.map.fit);  // a card drag is not a pan (a pan leaves the fit)
    CHECK(undo_label(app.doc.history).find("move 'Touchpoint 0'") == 0);
}

TEST_CASE("the details panel edits a CSAT from answer counts; a typo is said next to the field and nothing is applied") {
    test::UiHarness ui(1600, 1600);
    open(ui, test::generated_journey(12));
    App& app = ui.app;
    const int t = find_tp(app, "tp-2");  // phone: offline, a CSAT
    app.selected = t;
    ui.frames(3);
    auto control = [&](const std::string& id) -> const VisibleControl* {
        for (const VisibleControl& c : app.controls)
            if (c.id == id) return &c;
        return nullptr;
    };
    auto click = [&](const std::string& id) {
        const VisibleControl* c = control(id);
        REQUIRE_MESSAGE(c, id);
        ui.click(c->x + c->w / 2, c->y + c->h / 2);
        ui.frames(1);
    };
    const std::string key = "tp:tp-2/s0/csat";
    click("form:" + key);
    click("form:" + key + "=answers 1-5");
    const double before = app.doc.journey.touchpoints[(size_t)t].sets[0].get(Metric::Csat)->value;
    const char* counts[] = {"2", "3", "5", "20", "2x"};  // a typo in the last one
    for (int i = 0; i < 5; i++) {
        click("field:" + key + "#" + std::to_string(i));
        select_all_and_type(ui, counts[i]);
    }
    CHECK(app.edit.draft.error == "\"2x\" is not a number");
    CHECK(app.doc.journey.touchpoints[(size_t)t].sets[0].get(Metric::Csat)->value == before);  // nothing applied
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Backspace, true);
    ui.frames(1);
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Backspace, false);
    type(ui, "0");  // 20
    CHECK(app.edit.draft.error.empty());
    const Reading& r = *app.doc.journey.touchpoints[(size_t)t].sets[0].get(Metric::Csat);
    CHECK(r.counts == std::vector<double>{2, 3, 5, 20, 20});
    CHECK(r.value == doctest::Approx(80));
    CHECK(*r.n == 50);
    ui.key(ImGuiKey_Enter);
    CHECK(undo_label(app.doc.history) == "set CSAT of 'Touchpoint 2'");
    app_undo(app);
    CHECK(app.doc.journey.touchpoints[(size_t)t].sets[0].get(Metric::Csat)->value == before);
}

TEST_CASE("a hosted map is read-only until Edit a copy; presentation hides editing; Save writes what documentJson has") {
    test::UiHarness ui;
    open(ui, test::generated_journey(6));
    App& app = ui.app;
    app.doc.read_only = true;
    app.doc.source_url = "https://example.com/map.json";
    const int n = (int)app.doc.journey.touchpoints.size();
    ui.key(ImGuiKey_Delete);
    CHECK((int)app.doc.journey.touchpoints.size() == n);
    CHECK(app.edit.message.find("read-only") != std::string::npos);
    ui.frames(2);
    const VisibleControl* copy = nullptr;
    for (const VisibleControl& c : app.controls)
        if (c.id == "edit-copy") copy = &c;
    REQUIRE(copy);
    const float cx = copy->x + copy->w / 2, cy = copy->y + copy->h / 2;
    ui.click(cx, cy);
    CHECK_FALSE(app.doc.read_only);
    CHECK(app.doc.copy);
    CHECK(app.doc.dirty);
    CHECK(app.doc.source_url.empty());
    CHECK(platform::g_native_calls.editing_copy == 1);
    CHECK(document_title_note(app).find("lives in this browser until saved") != std::string::npos);

    app_set_presentation(app, true);
    ui.frames(2);
    ui.key(ImGuiKey_Delete);
    CHECK((int)app.doc.journey.touchpoints.size() == n);
    CHECK(app.controls.empty());
    app_set_presentation(app, false);
    ui.frames(2);

    chord(ui, ImGuiMod_Ctrl, ImGuiKey_S);
    CHECK(platform::g_native_calls.saved_json == save_journey_json(app.doc.journey));
    CHECK(app.doc.dirty);  // until the host says it was written
    app_save_done(app, true);
    CHECK_FALSE(app.doc.dirty);
    CHECK_FALSE(app.doc.copy);
}

TEST_CASE("the first screen invites work: new, open, the samples with their stories, recent maps") {
    test::UiHarness ui;
    platform::g_native_calls.samples = {{"airline.json", "Airline", "Check-in is great, the seat is not"}};
    platform::g_native_calls.recent = {{"m1", "My map", "2 Dec 10:00"}};
    ui.frames(3);
    auto control = [&](const std::string& id) -> const VisibleControl* {
        for (const VisibleControl& c : ui.app.controls)
            if (c.id == id) return &c;
        return nullptr;
    };
    for (const char* id : {"new-blank", "open", "sample:airline.json", "template:airline.json", "recent:m1"}) {
        CAPTURE(id);
        CHECK(control(id));
    }
    const VisibleControl* blank = control("new-blank");
    REQUIRE(blank);
    ui.click(blank->x + blank->w / 2, blank->y + blank->h / 2);
    REQUIRE_FALSE(platform::g_native_calls.new_json.empty());
    // The blank journey opens (the host hands it back) with stages and channels to fill in.
    LoadResult blank_map = load_journey(platform::g_native_calls.new_json);
    REQUIRE(blank_map.ok);
    CHECK(blank_map.journey.stages.size() == 3);
    CHECK(blank_map.journey.touchpoints.empty());
    REQUIRE(app_open(ui.app, platform::g_native_calls.new_json, "untitled.json").ok);
    ui.frames(3);
    ui.key(ImGuiKey_Insert);  // nothing selected: the first cell
    CHECK(ui.app.doc.journey.touchpoints.size() == 1);
    platform::g_native_calls.samples.clear();
    platform::g_native_calls.recent.clear();
}
