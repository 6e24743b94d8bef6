// platform_native.h: what the native stand-in recorded (see platform_native.cpp).
#pragma once

#include <string>
#include <vector>

#include "platform/platform.h"

namespace uxcx::platform {

struct NativeCalls {
    int open_file_dialog = 0;
    OpenPurpose open_file_purpose = OpenPurpose::Open;  // of the last open_file_dialog()
    std::string download_name, download_mime, download_bytes;
    std::string clipboard;
    std::string opened_url;
    std::string png_name;
    bool fullscreen = false;
    std::string opened_sample, opened_recent;
    std::vector<std::string> fonts;  // load_font() calls, in order
    std::string link_json, link_source_url, link_view_query;  // the last copy_map_link()
    std::string saved_name, saved_json;                       // the last save_file()
    std::string new_json, new_name;                           // the last open_new()
    std::string opened_template;
    int editing_copy = 0;
    std::vector<MapEntry> samples, recent;                    // what the "host" reports; tests fill them
    int pick_survey = 0, pick_survey_mapping = 0;  // pickers shown
    std::string survey_mapping;                     // the last run_survey_import()
    int survey_cancel = 0;                          // cancel_survey_import() calls
    bool survey_forget = false;                     // its last `forget`
};
extern NativeCalls g_native_calls;

}  // namespace uxcx::platform
