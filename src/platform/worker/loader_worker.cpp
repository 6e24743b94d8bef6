// loader_worker.cpp: the wasm module of the page's loading worker (web/loader-worker.js): core only,
// no ImGui. Loads a journey off the main thread and hands back the result packed (core/pack.h);
// profiles and aggregates a raw survey CSV (File > Import survey...) chunk by chunk, so the page
// keeps drawing and can show progress. Privacy: the CSV's bytes pass through one chunk at a time;
// only the profile (column summaries) and the aggregated journey leave.
#include <emscripten.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "core/convert.h"
#include "core/load.h"
#include "core/pack.h"
#include "core/survey.h"
#include "core/survey_profile.h"

static std::string g_pack;  // the last result; valid until the next call

// Loads `len` bytes at `bytes` (journey JSON or Mermaid text, as load_journey sniffs them) and
// returns the packed LoadResult, its size in *out_len.
extern "C" EMSCRIPTEN_KEEPALIVE const char* uxcx_worker_load(const char* bytes, int len, int* out_len) {
    g_pack.clear();
    g_pack.shrink_to_fit();  // a 100k map's pack is ~25 MB: don't keep two alive
    g_pack = uxcx::pack_load_result(uxcx::load_journey(std::string_view(bytes, (size_t)len)));
    *out_len = (int)g_pack.size();
    return g_pack.data();
}

// ---- survey import: one job at a time (the page starts a worker per import) -----------------
static std::unique_ptr<uxcx::SurveyProfiler> g_profiler;
static std::unique_ptr<uxcx::SurveyMapping> g_mapping;  // outlives the aggregator that reads it
static std::unique_ptr<uxcx::SurveyAggregator> g_aggregator;
static std::string g_text;  // the last returned JSON text; valid until the next call

static nlohmann::json diagnostics_json(const std::vector<uxcx::Diagnostic>& ds, uxcx::Severity which) {
    nlohmann::json out = nlohmann::json::array();
    for (const uxcx::Diagnostic& d : ds)
        if (d.severity == which)
            out.push_back({{"message", d.message}, {"line", d.line}, {"column", d.column}, {"path", d.pointer}});
    return out;
}

static const char* text(std::string s) {
    g_text = std::move(s);
    return g_text.c_str();
}

extern "C" {

EMSCRIPTEN_KEEPALIVE void uxcx_worker_profile_begin() { g_profiler = std::make_unique<uxcx::SurveyProfiler>(); }

// Feeds the next chunk; returns the data rows read so far, or -1 once reading stopped on an error.
EMSCRIPTEN_KEEPALIVE double uxcx_worker_profile_feed(const char* bytes, int len) {
    if (!g_profiler) return -1;
    if (!g_profiler->feed(std::string_view(bytes, (size_t)len))) return -1;
    return (double)g_profiler->rows();
}

// The profile as JSON (core/survey_profile.h survey_profile_json).
EMSCRIPTEN_KEEPALIVE const char* uxcx_worker_profile_finish() {
    if (!g_profiler) return text("{}");
    const uxcx::SurveyProfile p = g_profiler->finish();
    g_profiler.reset();
    return text(uxcx::survey_profile_json(p));
}

// Reads the mapping (docs/survey-mapping.md). Returns "" when the aggregation can start, else
// {"errors": [...]} with each error's line and column in the mapping.
EMSCRIPTEN_KEEPALIVE const char* uxcx_worker_survey_begin(const char* mapping, int len) {
    g_aggregator.reset();
    uxcx::SurveyMappingResult m = uxcx::load_survey_mapping(std::string_view(mapping, (size_t)len));
    if (!m.ok)
        return text(nlohmann::json{{"errors", diagnostics_json(m.diagnostics, uxcx::Severity::Error)}}.dump(
            -1, ' ', false, nlohmann::json::error_handler_t::replace));
    g_mapping = std::make_unique<uxcx::SurveyMapping>(std::move(m.mapping));
    g_aggregator = std::make_unique<uxcx::SurveyAggregator>(*g_mapping);
    return text("");
}

EMSCRIPTEN_KEEPALIVE double uxcx_worker_survey_feed(const char* bytes, int len) {
    if (!g_aggregator) return -1;
    if (!g_aggregator->feed(std::string_view(bytes, (size_t)len))) return -1;
    return (double)g_aggregator->rows();
}

// {"ok", "errors", "warnings", "rows", "invalidCells", "journey": journey JSON text}: the journey
// is the aggregate only (core/convert.h save_journey_json), what the page opens like any map.
EMSCRIPTEN_KEEPALIVE const char* uxcx_worker_survey_finish() {
    if (!g_aggregator) return text("{\"ok\":false}");
    uxcx::SurveyResult r = g_aggregator->finish();
    g_aggregator.reset();
    g_mapping.reset();
    nlohmann::json j = {{"ok", r.ok},
                        {"errors", diagnostics_json(r.diagnostics, uxcx::Severity::Error)},
                        {"warnings", diagnostics_json(r.diagnostics, uxcx::Severity::Warning)},
                        {"rows", r.stats.rows},
                        {"invalidCells", r.stats.invalidCells},
                        {"journey", r.ok ? uxcx::save_journey_json(r.journey) : std::string()}};
    return text(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // extern "C"
