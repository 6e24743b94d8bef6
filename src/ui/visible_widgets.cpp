// visible_widgets.cpp: the labelled widgets a frame draws, for window.uxcx.state().widgets.
// Dear ImGui calls its test-engine hooks (built with IMGUI_ENABLE_TEST_ENGINE, see CMakeLists.txt)
// for every item it adds; the label hook runs right after the item is laid out, so the item's
// rectangle is ImGui's LastItemData. Items that are clipped away are never reported. The hooks
// cost one branch per item while recording is off.
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/app.h"

namespace uxcx {

void begin_widget_record(App& app) {
    app.widgets.clear();
    ImGuiContext& g = *ImGui::GetCurrentContext();
    g.TestEngine = &app.widgets;
    g.TestEngineHookItems = true;
}

// The context must not keep a pointer into an App beyond its frame.
void end_widget_record() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    g.TestEngine = nullptr;
    g.TestEngineHookItems = false;
}

}  // namespace uxcx

void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID, const ImRect&, const ImGuiLastItemData*) {}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID, const char* label, ImGuiItemStatusFlags) {
    auto* widgets = static_cast<std::vector<uxcx::VisibleWidget>*>(ctx->TestEngine);
    if (!widgets || !label) return;
    const char* end = ImGui::FindRenderedTextEnd(label);
    // Leading icons (the icon font's private-use code points) and the space after them are not
    // words a person reads: "Compare with...", not "\uf07c Compare with...".
    for (;;) {
        unsigned int c = 0;
        const int len = label < end ? ImTextCharFromUtf8(&c, label, end) : 0;
        if (len == 0 || !((c >= 0xE000 && c <= 0xF8FF) || c == ' ')) break;
        label += len;
    }
    if (end == label) return;  // no visible label: nothing a test could name
    const ImRect& r = ctx->LastItemData.Rect;
    widgets->push_back({std::string(label, end), r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight()});
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
