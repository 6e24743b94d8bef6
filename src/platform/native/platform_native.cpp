// platform_native.cpp: the native stand-in for the browser. It performs nothing and remembers the
// last call, so UI tests can assert that a button asked for a download or a link.
#include "platform/native/platform_native.h"

namespace uxcx::platform {

NativeCalls g_native_calls;

void open_file_dialog(OpenPurpose purpose) {
    g_native_calls.open_file_dialog++;
    g_native_calls.open_file_purpose = purpose;
}
void download(std::string_view filename, std::string_view mime, std::string_view bytes) {
    g_native_calls.download_name = filename;
    g_native_calls.download_mime = mime;
    g_native_calls.download_bytes = bytes;
}
void copy_text(std::string_view text) { g_native_calls.clipboard = text; }
void open_url(std::string_view url) { g_native_calls.opened_url = url; }
void export_png(std::string_view filename) { g_native_calls.png_name = filename; }
void set_fullscreen(bool on) { g_native_calls.fullscreen = on; }
void load_font(std::string_view file) { g_native_calls.fonts.emplace_back(file); }
const std::vector<MapEntry>& sample_maps() { return g_native_calls.samples; }
const std::vector<MapEntry>& recent_maps() { return g_native_calls.recent; }
void open_sample(std::string_view id) { g_native_calls.opened_sample = id; }
void open_recent(std::string_view id) { g_native_calls.opened_recent = id; }
void copy_map_link(std::string_view journey_json, std::string_view source_url, std::string_view view_query) {
    g_native_calls.link_json = journey_json;
    g_native_calls.link_source_url = source_url;
    g_native_calls.link_view_query = view_query;
}

void save_file(std::string_view filename, std::string_view json) {
    g_native_calls.saved_name = filename;
    g_native_calls.saved_json = json;
}
void open_new(std::string_view json, std::string_view name) {
    g_native_calls.new_json = json;
    g_native_calls.new_name = name;
}
void open_template(std::string_view id) { g_native_calls.opened_template = id; }
void editing_copy() { g_native_calls.editing_copy++; }

}  // namespace uxcx::platform

namespace uxcx::platform {
void pick_survey() { g_native_calls.pick_survey++; }
void pick_survey_mapping() { g_native_calls.pick_survey_mapping++; }
void run_survey_import(std::string_view mapping_json) { g_native_calls.survey_mapping = mapping_json; }
void cancel_survey_import(bool forget) {
    g_native_calls.survey_cancel++;
    g_native_calls.survey_forget = forget;
}
}  // namespace uxcx::platform
