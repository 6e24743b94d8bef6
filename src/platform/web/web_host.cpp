// web_host.cpp: the only C++ that talks to JavaScript. It implements platform.h by calling the
// page's `uxcxHost` object (web/uxcx.js) and exports the functions window.uxcx calls.
// Strings cross as UTF-8; results go back as JSON text that JavaScript parses.
#include "platform/web/web_host.h"

#include <emscripten.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "core/convert.h"
#include "core/convert_text.h"
#include "core/pack.h"
#include "core/priority_text.h"
#include "core/survey_profile.h"
#include "imgui.h"
#include "platform/platform.h"
#include "ui/edit_ui.h"
#include "ui/file_menu.h"
#include "ui/fonts.h"
#include "ui/import_screen.h"

namespace uxcx {

// The one App. It lives here, not in main(), because the page calls exported functions (the theme
// from onRuntimeInitialized, the sample list) before main() runs: they must find a real App.
static App g_app_instance;
static App* const g_app = &g_app_instance;

App& web_host_app() { return g_app_instance; }

EM_JS(void, js_first_frame, (), { uxcxHost.firstFrame(); });
void web_host_first_frame() { js_first_frame(); }

// ---- platform.h -----------------------------------------------------------------------------
EM_JS(void, js_open_file_dialog, (const char* purpose), { uxcxHost.openFileDialog(UTF8ToString(purpose)); });
EM_JS(void, js_download, (const char* name, int name_len, const char* mime, int mime_len, const char* bytes, int len), {
    uxcxHost.download(UTF8ToString(name, name_len), UTF8ToString(mime, mime_len), HEAPU8.slice(bytes, bytes + len));
});
EM_JS(void, js_copy_text, (const char* text, int len), { uxcxHost.copyText(UTF8ToString(text, len)); });
EM_JS(void, js_open_url, (const char* url, int len), { uxcxHost.openUrl(UTF8ToString(url, len)); });
EM_JS(void, js_capture_png, (const char* name, int len), { uxcxHost.capturePng(UTF8ToString(name, len)); });
EM_JS(void, js_set_fullscreen, (int on), { uxcxHost.setFullscreen(!!on); });
EM_JS(void, js_load_font, (const char* name, int len), { uxcxHost.loadFont(UTF8ToString(name, len)); });
EM_JS(void, js_open_sample, (const char* id, int len), { uxcxHost.openSample(UTF8ToString(id, len)); });
EM_JS(void, js_open_recent, (const char* id, int len), { uxcxHost.openRecent(UTF8ToString(id, len)); });
EM_JS(void, js_copy_map_link, (const char* json, int json_len, const char* url, int url_len, const char* q, int q_len), {
    uxcxHost.copyMapLink(UTF8ToString(json, json_len), UTF8ToString(url, url_len), UTF8ToString(q, q_len));
});
EM_JS(void, js_pick_survey, (), { uxcxHost.pickSurvey(); });
EM_JS(void, js_pick_survey_mapping, (), { uxcxHost.pickSurveyMapping(); });
EM_JS(void, js_run_survey_import, (const char* mapping, int len), { uxcxHost.runSurveyImport(UTF8ToString(mapping, len)); });
EM_JS(void, js_cancel_survey_import, (int forget), { uxcxHost.cancelSurveyImport(!!forget); });

EM_JS(void, js_save_file, (const char* name, int name_len, const char* json, int json_len), {
    uxcxHost.saveFile(UTF8ToString(name, name_len), UTF8ToString(json, json_len));
});
EM_JS(void, js_open_new, (const char* json, int json_len, const char* name, int name_len), {
    uxcxHost.openNew(UTF8ToString(json, json_len), UTF8ToString(name, name_len));
});
EM_JS(void, js_open_template, (const char* id, int len), { uxcxHost.openTemplate(UTF8ToString(id, len)); });
EM_JS(void, js_editing_copy, (), { uxcxHost.editingCopy(); });

namespace platform {
void save_file(std::string_view filename, std::string_view json) {
    js_save_file(filename.data(), (int)filename.size(), json.data(), (int)json.size());
}
void open_new(std::string_view json, std::string_view name) { js_open_new(json.data(), (int)json.size(), name.data(), (int)name.size()); }
void open_template(std::string_view id) { js_open_template(id.data(), (int)id.size()); }
void editing_copy() { js_editing_copy(); }
void open_file_dialog(OpenPurpose purpose) { js_open_file_dialog(open_purpose_name(purpose)); }
void download(std::string_view filename, std::string_view mime, std::string_view bytes) {
    js_download(filename.data(), (int)filename.size(), mime.data(), (int)mime.size(), bytes.data(), (int)bytes.size());
}
void copy_text(std::string_view text) { js_copy_text(text.data(), (int)text.size()); }
void open_url(std::string_view url) { js_open_url(url.data(), (int)url.size()); }
void set_fullscreen(bool on) { js_set_fullscreen(on ? 1 : 0); }
void load_font(std::string_view file) { js_load_font(file.data(), (int)file.size()); }

// The page reports these lists through uxcx_set_maps(); menus read them every frame.
static std::vector<MapEntry> g_samples, g_recent;
const std::vector<MapEntry>& sample_maps() { return g_samples; }
const std::vector<MapEntry>& recent_maps() { return g_recent; }
void open_sample(std::string_view id) { js_open_sample(id.data(), (int)id.size()); }
void open_recent(std::string_view id) { js_open_recent(id.data(), (int)id.size()); }
void copy_map_link(std::string_view journey_json, std::string_view source_url, std::string_view view_query) {
    js_copy_map_link(journey_json.data(), (int)journey_json.size(), source_url.data(), (int)source_url.size(),
                     view_query.data(), (int)view_query.size());
}

void pick_survey() { js_pick_survey(); }
void pick_survey_mapping() { js_pick_survey_mapping(); }
void run_survey_import(std::string_view mapping_json) { js_run_survey_import(mapping_json.data(), (int)mapping_json.size()); }
void cancel_survey_import(bool forget) { js_cancel_survey_import(forget ? 1 : 0); }

// A WebGL canvas can only be read in the same task that drew it (no preserveDrawingBuffer), so
// the request waits for web_host_frame_rendered().
static std::string g_png_pending;
void export_png(std::string_view filename) { g_png_pending = filename; }
}  // namespace platform

void web_host_frame_rendered() {
    if (!platform::g_png_pending.empty()) {
        js_capture_png(platform::g_png_pending.data(), (int)platform::g_png_pending.size());
        platform::g_png_pending.clear();
    }
    web_export_render(*g_app);
}

// ---- exported to JavaScript -----------------------------------------------------------------

static std::string g_result;  // the last returned JSON text; valid until the next call

// ImGui's clipboard on the web: GLFW's is an empty stub in Emscripten 3.1.6. The page's `paste`
// event (which fires right after the Ctrl+V keydown, before ImGui's next frame handles the key)
// puts the text here, so Ctrl+V in a text field pastes; copies go to navigator.clipboard.
static std::string g_clipboard;
const char* web_host_clipboard_get(ImGuiContext*) { return g_clipboard.c_str(); }
void web_host_clipboard_set(ImGuiContext*, const char* text) {
    g_clipboard = text ? text : "";
    platform::copy_text(g_clipboard);
}

static std::string json_text(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// {"ok", "errors": [...], "warnings": [...], "openedAs"}, each entry {message, line, column, path}:
// what uxcx_open and uxcx_open_unpacked return. openedAs: "open", "compare" or "restore".
// Written by hand, not through nlohmann: every open returns it, a start-up link's too, and V8
// compiles each wasm function at its first call: nlohmann's serializer was a tenth of the
// start-up open in a profile at 2,000 touchpoints. (Invalid UTF-8 in a message quoting a
// damaged file reaches the page as U+FFFD either way: UTF8ToString decodes it so.)
static const char* open_result_json(const OpenResult& r) {
    g_result = "{\"ok\":";
    g_result += r.ok ? "true" : "false";
    for (const Severity kind : {Severity::Error, Severity::Warning}) {
        g_result += kind == Severity::Error ? ",\"errors\":[" : "],\"warnings\":[";
        bool first = true;
        for (const Diagnostic& d : r.diagnostics) {
            if (d.severity != kind) continue;
            g_result += first ? "{\"message\":" : ",{\"message\":";
            first = false;
            append_json_string(g_result, d.message);
            g_result += ",\"line\":" + std::to_string(d.line) + ",\"column\":" + std::to_string(d.column) + ",\"path\":";
            append_json_string(g_result, d.pointer);
            g_result += '}';
        }
    }
    g_result += "],\"openedAs\":";
    append_json_string(g_result, platform::open_purpose_name(r.opened_as));
    g_result += '}';
    return g_result.c_str();
}

// The page names an open's purpose as open_purpose_name() does; anything else is an ordinary open.
static OpenPurpose purpose_from(const char* name) {
    const std::string_view n = name ? name : "";
    return n == "compare" ? OpenPurpose::Compare : n == "restore" ? OpenPurpose::Restore : OpenPurpose::Open;
}

}  // namespace uxcx

using namespace uxcx;

extern "C" {

// Loads a journey (JSON or Mermaid text) from `len` bytes at `bytes` for `purpose` ("open",
// "compare", "restore"). Returns {"ok", "errors": [...], "warnings": [...], "openedAs"}, each
// entry {message, line, column, path}.
EMSCRIPTEN_KEEPALIVE const char* uxcx_open(const char* bytes, int len, const char* name, const char* source_url,
                                           const char* purpose) {
    OpenResult r = app_open(*g_app, std::string_view(bytes, (size_t)len), name ? name : "", source_url ? source_url : "",
                            purpose_from(purpose));
    return open_result_json(r);
}

// Opening a map the page's loading worker (web/loader-worker.js) already loaded, in steps so the
// page can handle input between them: uxcx_unpack_begin takes the worker's packed LoadResult
// (core/pack.h), in memory the page got from malloc, and returns a handle to it; uxcx_unpack_step
// unpacks the handle's next slice of touchpoints and returns 1 when all are done;
// uxcx_open_unpacked then opens the result as uxcx_open would, returns the same result and frees
// the handle. One handle per open: a second big map may arrive while the first is unpacked.
struct PackOnPage {
    std::unique_ptr<char, decltype(&std::free)> bytes;
    Unpacking unpacking;
};
EMSCRIPTEN_KEEPALIVE PackOnPage* uxcx_unpack_begin(char* pack, int len) {
    auto* p = new PackOnPage{{pack, &std::free}, {}};
    unpack_begin(p->unpacking, std::string_view(pack, (size_t)len));
    return p;
}
EMSCRIPTEN_KEEPALIVE int uxcx_unpack_step(PackOnPage* p, int touchpoints) {
    return unpack_step(p->unpacking, (size_t)std::max(1, touchpoints)) ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE const char* uxcx_open_unpacked(PackOnPage* handle, const char* name, const char* source_url,
                                                    const char* purpose) {
    const std::unique_ptr<PackOnPage> p(handle);
    unpack_step(p->unpacking, SIZE_MAX);  // what the slices left, in one go
    LoadResult loaded = std::move(p->unpacking.result);
    if (!p->unpacking.ok) {
        loaded = LoadResult{};
        loaded.diagnostics.push_back({Severity::Error, "the loading worker sent back a damaged result", "", 0, 0});
    }
    return open_result_json(app_open_loaded(*g_app, std::move(loaded), name ? name : "", source_url ? source_url : "",
                                            purpose_from(purpose)));
}

// A number, or null for NaN (JSON has no NaN).
static nlohmann::json num_or_null(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }
// File > Import survey... for window.uxcx.state().import: the phase ("closed", "reading",
// "mapping", "running", "failed"), progress, each column's profile and chosen role, the problems
// that keep Import disabled, and where the screen's widgets are (CSS pixels, canvas-relative).
static nlohmann::json import_state_json(const ImportState& s, float scale) {
    static const char* const kPhases[] = {"closed", "reading", "mapping", "running", "failed"};
    nlohmann::json columns = nlohmann::json::array();
    for (size_t i = 0; i < s.profile.columns.size() && i < s.plan.columns.size(); i++) {
        const ColumnProfile& p = s.profile.columns[i];
        const ImportColumn& c = s.plan.columns[i];
        columns.push_back({{"name", p.name}, {"type", column_type_name(p.type)}, {"lo", p.lo}, {"hi", p.hi},
                           {"naCandidates", p.na}, {"role", column_role_name(c.role)},
                           {"metric", c.role == ColumnRole::Reading ? nlohmann::json(metric_key(c.metric)) : nlohmann::json(nullptr)},
                           {"na", c.na}, {"touchpoint", c.touchpoint}, {"stage", c.stage}, {"channel", c.channel}});
    }
    nlohmann::json widgets = nlohmann::json::object();
    for (const ImportState::Widget& w : s.widgets)
        widgets[w.name] = {{"x", w.x / scale}, {"y", w.y / scale}, {"w", w.w / scale}, {"h", w.h / scale}};
    nlohmann::json channels = nlohmann::json::array();
    for (const ImportChannel& c : s.plan.channels) channels.push_back({{"name", c.name}, {"digital", c.digital}});
    return {{"phase", kPhases[(int)s.phase]}, {"name", s.name}, {"rows", s.rows}, {"bytes", s.bytes}, {"total", s.total},
            {"qualtrics", s.profile.qualtrics}, {"title", s.plan.title}, {"stages", s.plan.stages}, {"channels", channels},
            {"columns", columns}, {"problems", import_plan_problems(s.plan)}, {"notes", s.notes},
            {"mapping", s.mapping_name}, {"error", s.error}, {"privacy", kImportPrivacy}, {"widgets", widgets}};
}

// What is on screen, for window.uxcx.state(). Rectangles in CSS pixels relative to the canvas.
EMSCRIPTEN_KEEPALIVE const char* uxcx_state() {
    const App& app = *g_app;
    const Journey& j = app.doc.journey;
    nlohmann::json items = nlohmann::json::array();
    const float s = app.dpi_scale > 0 ? app.dpi_scale : 1;
    for (const VisibleItem& it : app.items) {
        if (it.touchpoint < 0 || it.touchpoint >= (int)j.touchpoints.size()) continue;
        items.push_back({{"id", j.touchpoints[(size_t)it.touchpoint].id},
                         {"x", it.x / s}, {"y", it.y / s}, {"w", it.w / s}, {"h", it.h / s},
                         {"label", it.label}, {"labelPx", it.label_px / s}, {"evidence", it.evidence}});
    }
    nlohmann::json headers = nlohmann::json::array();
    for (const VisibleHeader& h : app.headers) {
        const int stage = h.column >= 0 && h.column < (int)app.doc.layout.column_stage.size() ? app.doc.layout.column_stage[(size_t)h.column] : -1;
        headers.push_back({{"id", stage >= 0 ? nlohmann::json(j.stages[(size_t)stage].id) : nlohmann::json(nullptr)},
                           {"x", h.x / s}, {"y", h.y / s}, {"w", h.w / s}, {"h", h.h / s}, {"label", h.label}});
    }
    // Measurement sets: the one every view shows, the map's overlaid ones (with their stages'
    // emotion and CX, as drawn), and the controls a test clicks.
    const int shown = app.doc.analysis.set;
    nlohmann::json sets = nlohmann::json::array(), overlay = nlohmann::json::array(), controls = nlohmann::json::array();
    for (const MeasurementSet& m : j.sets) sets.push_back({{"id", m.id}, {"name", m.name}});
    const OverlayState& oc = app.overlay_cache;
    for (size_t k = 0; k < app.overlay.size(); k++) {
        const int o = app.overlay[k];
        if (o < 0 || o >= (int)j.sets.size()) continue;
        nlohmann::json stages = nlohmann::json::array();
        // The curves as the map last drew them (the cache follows App::overlay whenever the map draws).
        if (oc.sets == app.overlay && k < oc.analyses.size())
            for (size_t st = 0; st < j.stages.size() && st < oc.analyses[k].stages.size(); st++) {
                const GroupScore& g = oc.analyses[k].stages[st];
                stages.push_back({{"id", j.stages[st].id}, {"emotion", num_or_null(g.emotion)}, {"cx", num_or_null(g.cx.value)}});
            }
        overlay.push_back({{"id", j.sets[(size_t)o].id}, {"stages", stages}});
    }
    for (const VisibleControl& c : app.controls)
        controls.push_back({{"id", c.id}, {"x", c.x / s}, {"y", c.y / s}, {"w", c.w / s}, {"h", c.h / s}});
    // The selected touchpoint's numbers in the set shown, and why it ranks where it does.
    nlohmann::json selection = nullptr;
    if (app.has_document && app.selected >= 0 && app.selected < (int)j.touchpoints.size() &&
        app.selected < (int)app.doc.analysis.touchpoints.size()) {
        const TouchpointScore& sc = app.doc.analysis.touchpoints[(size_t)app.selected];
        const PriorityTerms p = priority_terms(j, app.doc.analysis, app.selected);
        const ImportanceShare imp = importance_share(j, sc.driver);
        selection = {{"id", j.touchpoints[(size_t)app.selected].id},
                     {"ux", num_or_null(sc.ux.value)}, {"cx", num_or_null(sc.cx.value)},
                     {"priority", sc.priority}, {"rank", p.rank + 1},
                     {"importance", {{"share", num_or_null(imp.share)}, {"low", num_or_null(imp.low)}, {"high", num_or_null(imp.high)}}},
                     {"why", explain_priority(j, app.doc.analysis, app.selected)}};
    }
    nlohmann::json clusters = nlohmann::json::array();
    for (const ClusterTable::Entry& e : app.fonts.clusters.entries) clusters.push_back(e.text);
    nlohmann::json widgets = nlohmann::json::array();
    for (const VisibleWidget& w : app.widgets)
        widgets.push_back({{"label", w.label}, {"x", w.x / s}, {"y", w.y / s}, {"w", w.w / s}, {"h", w.h / s}});
    nlohmann::json st = {
        {"title", app.has_document ? nlohmann::json(j.title) : nlohmann::json(nullptr)},
        {"stages", j.stages.size()},
        {"channels", j.channels.size()},
        {"touchpoints", j.touchpoints.size()},
        {"view", app.view},
        {"selected", app.selected >= 0 && app.selected < (int)j.touchpoints.size()
                         ? nlohmann::json(j.touchpoints[(size_t)app.selected].id) : nlohmann::json(nullptr)},
        {"error", app.error.empty() ? nlohmann::json(nullptr) : nlohmann::json(app.error)},
        {"dirty", app.has_document && app.doc.dirty},
        {"sourceUrl", app.doc.source_url},
        {"presentation", app.presentation},
        {"dark", app.dark},
        {"frameMs", app.frame_ms},  // the app's own CPU time in its last app_frame()
        {"frames", web_host_frames_drawn()},  // frames drawn so far: constant while idle
        // characters the last frame drew with the fallback glyph (no font had them)
        {"missingGlyphs", ImGui::GetCurrentContext() ? ui_missing_glyphs(ImGui::GetDrawData()) : 0},
        {"fonts", ui_fonts_added_names(app)},  // fallback fonts added (fetched for the open journeys)
        {"clusters", clusters},  // runs the browser drew whole (core/text_clusters.h)
        {"items", items},
        {"headers", headers},
        {"widgets", widgets},
        {"map", {{"zoom", app.map.zoom}, {"fit", app.map.fit}}},
        {"canUndo", app.has_document && can_undo(app.doc.history)},
        {"canRedo", app.has_document && can_redo(app.doc.history)},
        {"readOnly", app.has_document && app.doc.read_only},
        {"copy", app.has_document && app.doc.copy},
        {"revision", app.doc.revision},  // counts edits, undos and redos since the open
        {"renaming", app.edit.renaming >= 0 && app.edit.renaming < (int)j.touchpoints.size()
                         ? nlohmann::json(j.touchpoints[(size_t)app.edit.renaming].id) : nlohmann::json(nullptr)},
        {"editMessage", app.edit.message.empty() ? nlohmann::json(nullptr) : nlohmann::json(app.edit.message)},
        {"panel", app.has_document && app.selected >= 0 && (app.presentation ? app.show_story : app.show_details)},
        {"set", app.has_document && shown >= 0 && shown < (int)j.sets.size() ? nlohmann::json(j.sets[(size_t)shown].id) : nlohmann::json(nullptr)},
        {"sets", sets},
        {"overlay", overlay},
        {"controls", controls},
        {"selection", selection},
        {"import", import_state_json(app.import, s)},
    };
    g_result = st.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return g_result.c_str();
}

// A fallback font the app asked for (platform::load_font): `data` was malloc'ed by the page and
// now belongs to the font atlas (freed by it, also when the font is refused). 1: added.
EMSCRIPTEN_KEEPALIVE int uxcx_add_font(const char* name, void* data, int size) {
    return ui_fonts_add(*g_app, name ? name : "", data, size) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE int uxcx_set_view(const char* name) { return app_set_view(*g_app, name ? name : "") ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE void uxcx_set_dark(int dark) { g_app->dark = dark != 0; }

// Shows a problem found by the page itself (a link that failed to fetch, a damaged #data= link).
// The open document stays as it is.
EMSCRIPTEN_KEEPALIVE void uxcx_set_error(const char* message) {
    g_app->error = message ? message : "";
    g_app->error_details.clear();
}

// The small state the page polls to save it (IndexedDB) and to decide whether to ask before
// replacing the document: no layout items, so it is cheap.
EMSCRIPTEN_KEEPALIVE const char* uxcx_doc_state() {
    const App& app = *g_app;
    const Journey& j = app.doc.journey;
    g_result = json_text({
        {"hasDocument", app.has_document},
        {"title", app.has_document ? nlohmann::json(j.title) : nlohmann::json(nullptr)},
        {"name", app.doc.name},
        {"sourceUrl", app.doc.source_url},
        {"query", app_link_query(app)},  // view, sel, filters, sets: what the recent entry keeps
        {"dirty", app.has_document && app.doc.dirty},
        {"revision", app.doc.revision},  // changes with every edit, undo and redo: the page autosaves then
        {"readOnly", app.has_document && app.doc.read_only},
        {"dark", app.dark},
        {"wantsText", ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput},
    });
    return g_result.c_str();
}

// The open journey as canonical JSON (what "Download JSON" writes); empty when nothing is open.
EMSCRIPTEN_KEEPALIVE const char* uxcx_document_json() {
    g_result = g_app->has_document ? save_journey_json(g_app->doc.journey) : std::string();
    return g_result.c_str();
}

// Selects the touchpoint with this id (a shared link's `sel=`). Returns 0 when there is none.
EMSCRIPTEN_KEEPALIVE int uxcx_set_selected(const char* id) {
    const auto& tps = g_app->doc.journey.touchpoints;
    for (size_t i = 0; i < tps.size(); i++)
        if (tps[i].id == (id ? id : "")) {
            g_app->selected = (int)i;
            return 1;
        }
    return 0;
}

// Applies a link's (or a recent entry's) query: view, sel, filters, sets (core/link.h). Keys it
// does not know (map=, data=) and unknown ids are ignored.
EMSCRIPTEN_KEEPALIVE void uxcx_apply_query(const char* query) { app_apply_query(*g_app, query ? query : ""); }

// The map just restored at start had unsaved changes when the page was left (the recovery store
// keeps them): it differs from every saved file, so it is dirty until saved, whatever its history.
EMSCRIPTEN_KEEPALIVE void uxcx_restored_unsaved() {
    if (!g_app->has_document) return;
    g_app->doc.history.saved = -1;
    g_app->doc.dirty = true;
}

// A map opened from a hosted #map= link (or restored as one) is shown read-only until "Edit a
// copy": the page knows how a map came in, so it says so after the open.
EMSCRIPTEN_KEEPALIVE void uxcx_set_read_only(int on) {
    if (g_app->has_document) g_app->doc.read_only = on != 0;
}

// The page's answer to a Save (platform::save_file): whether the file was written.
EMSCRIPTEN_KEEPALIVE void uxcx_save_done(int ok) { app_save_done(*g_app, ok != 0); }

// What Save (Ctrl+S) does, for window.uxcx.save(): starts the save and returns the JSON text it
// writes; empty when nothing is open.
EMSCRIPTEN_KEEPALIVE const char* uxcx_save() {
    if (!g_app->has_document) return "";
    app_save(*g_app);
    g_result = save_journey_json(g_app->doc.journey);
    return g_result.c_str();
}

// File > New from a sample: the sample's bytes as the page fetched them, with its title.
EMSCRIPTEN_KEEPALIVE void uxcx_new_from_template(const char* bytes, int len, const char* title) {
    app_new_from_template(*g_app, std::string_view(bytes, (size_t)len), title ? title : "");
}

// The page's lists for the File menu: kind "samples" or "recent", `json` = [{id, title, story}].
EMSCRIPTEN_KEEPALIVE void uxcx_set_maps(const char* kind, const char* json) {
    auto& list = std::string_view(kind ? kind : "") == "samples" ? platform::g_samples : platform::g_recent;
    list.clear();
    const nlohmann::json j = nlohmann::json::parse(json ? json : "", nullptr, false);  // never throws
    if (!j.is_array()) return;
    auto text = [](const nlohmann::json& o, const char* key) {
        auto it = o.find(key);
        return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    for (const nlohmann::json& e : j)
        if (e.is_object() && !text(e, "id").empty())
            list.push_back({text(e, "id"), text(e, "title").empty() ? text(e, "id") : text(e, "title"), text(e, "story")});
}

// What File > Copy link and File > Download do, for window.uxcx.copyLink()/download(kind).
EMSCRIPTEN_KEEPALIVE void uxcx_copy_link() { copy_link(*g_app); }
EMSCRIPTEN_KEEPALIVE int uxcx_download(const char* kind) { return download_document(*g_app, kind ? kind : "") ? 1 : 0; }

// ---- File > Import survey... (web/uxcx.js reads the CSV in the loading worker) ---------------
EMSCRIPTEN_KEEPALIVE void uxcx_import_begin(const char* name, double total, int direct) {
    import_begin(*g_app, name ? name : "", total, direct != 0);
}
EMSCRIPTEN_KEEPALIVE void uxcx_import_progress(double rows, double bytes, double total) { import_progress(*g_app, rows, bytes, total); }
// The worker's profile (core survey_profile_json); a damaged one is refused like a damaged file.
EMSCRIPTEN_KEEPALIVE void uxcx_import_profile(const char* json) {
    SurveyProfile p;
    if (!parse_survey_profile_json(json ? json : "", p)) {
        import_failed(*g_app, "the loading worker sent back a damaged column profile");
        return;
    }
    import_profiled(*g_app, std::move(p));
}
EMSCRIPTEN_KEEPALIVE void uxcx_import_mapping(const char* bytes, int len, const char* name) {
    import_mapping_loaded(*g_app, std::string_view(bytes, (size_t)len), name ? name : "");
}
// {"message", "errors": [{message, line, column}]}
EMSCRIPTEN_KEEPALIVE void uxcx_import_failed(const char* json) {
    const nlohmann::json j = nlohmann::json::parse(json ? json : "", nullptr, false);
    std::vector<Diagnostic> details;
    std::string message = "The survey could not be imported.";
    if (j.is_object()) {
        if (j.contains("message") && j["message"].is_string()) message = j["message"].get<std::string>();
        if (j.contains("errors") && j["errors"].is_array())
            for (const auto& e : j["errors"])
                if (e.is_object())
                    details.push_back({Severity::Error, e.value("message", std::string()), e.value("path", std::string()),
                                       e.value("line", 0), e.value("column", 0)});
    }
    import_failed(*g_app, std::move(message), std::move(details));
}
EMSCRIPTEN_KEEPALIVE void uxcx_import_done() { import_done(*g_app); }
// Whether dropped or pasted text is a survey export (the import) rather than a journey (an open).
EMSCRIPTEN_KEEPALIVE int uxcx_looks_like_survey(const char* bytes, int len) {
    return looks_like_survey_csv(std::string_view(bytes, (size_t)len)) ? 1 : 0;
}

// Text from the page's paste event, for ImGui text fields (see web_host_clipboard_get).
EMSCRIPTEN_KEEPALIVE void uxcx_set_clipboard(const char* text) { g_clipboard = text ? text : ""; }

}  // extern "C"
