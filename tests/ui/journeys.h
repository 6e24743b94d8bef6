// journeys.h: adversarial journeys built in code for the UI tests (no committed files):
// generated maps of any size, CX-only journeys, long and right-to-left names.
#pragma once

#include <cstdio>
#include <string>

namespace uxcx::test {

// JSON string literal with the characters JSON requires escaped (names here are UTF-8 already).
inline std::string json_str(const std::string& s) {
    std::string o = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') o += '\\';
        o += c;
    }
    return o + "\"";
}

// n touchpoints over 6 stages and 4 channels (web, app digital; phone, store offline), in journey
// order; digital touchpoints get a SUS, every touchpoint a CSAT. Deterministic: the scores follow
// the index, so a test can work out what any touchpoint holds.
inline std::string generated_journey(int n, const std::string& name_prefix = "Touchpoint ") {
    static const char* stages[] = {"awareness", "consideration", "purchase", "onboarding", "use", "support"};
    static const char* channels[] = {"web", "app", "phone", "store"};
    std::string s = R"({"title": "Generated", "stages": [)";
    for (int i = 0; i < 6; i++) s += std::string(i ? "," : "") + "{\"id\": \"" + stages[i] + "\", \"name\": \"" + stages[i] + "\"}";
    s += R"(], "channels": [{"id": "web", "name": "Website"}, {"id": "app", "name": "App"},
        {"id": "phone", "name": "Phone", "digital": false}, {"id": "store", "name": "Store", "digital": false}],
        "touchpoints": [)";
    char buf[512];
    for (int i = 0; i < n; i++) {
        const int stage = (int)((long long)i * 6 / (n > 0 ? n : 1)), channel = i % 4;
        const bool digital = channel < 2;
        std::snprintf(buf, sizeof buf, R"(%s{"id": "tp-%d", "stage": "%s", "channel": "%s", "volume": %d, "emotion": %d, "name": )",
                      i ? "," : "", i, stages[stage], channels[channel], 100 + (i * 37) % 900, (i % 5) - 2);
        s += buf;
        s += json_str(name_prefix + std::to_string(i)) + ",";
        if (digital) {
            std::snprintf(buf, sizeof buf, R"("ux": {"sus": %d, "n": %d},)", 20 + (i * 7) % 80, 4 + i % 20);
            s += buf;
        }
        std::snprintf(buf, sizeof buf, R"("cx": {"csat": %d, "n": %d}})", 15 + (i * 11) % 85, 20 + i % 50);
        s += buf;
    }
    return s + "]}";
}

// What a consultant brings to a client meeting: 7 stages with long titles, 6 channels (3 of them
// offline), 14 touchpoints with names of a few words; touchpoints "weak-*" rest on n = 3 (below
// the minimum sample: insufficient evidence), the others on n = 220. tests/e2e/meeting.test.mjs
// builds the same journey.
inline std::string meeting_journey() {
    static const char* stages[] = {"Notice the dark screen", "Search for a fix", "Contact support", "Diagnose remotely",
                                   "Repair and return", "Follow-up survey", "Renew the warranty"};
    static const char* channels[][2] = {{"Website", "true"}, {"Mobile app", "true"}, {"Email", "true"},
                                        {"Support hotline", "false"}, {"Courier", "false"}, {"Repair shop", "false"}};
    std::string s = R"({"title": "Meeting", "stages": [)";
    for (int i = 0; i < 7; i++) s += std::string(i ? "," : "") + "{\"id\": \"s" + std::to_string(i) + "\", \"name\": " + json_str(stages[i]) + "}";
    s += R"(], "channels": [)";
    for (int i = 0; i < 6; i++)
        s += std::string(i ? "," : "") + "{\"id\": \"c" + std::to_string(i) + "\", \"name\": " + json_str(channels[i][0]) +
             ", \"digital\": " + channels[i][1] + "}";
    s += R"(], "touchpoints": [)";
    char buf[512];
    for (int i = 0; i < 14; i++) {
        const int stage = i / 2, channel = (i * 5) % 6;
        const bool weak = i % 3 == 1, digital = channel < 3;
        const int n = weak ? 3 : 220;
        std::snprintf(buf, sizeof buf, R"(%s{"id": "%s-%d", "stage": "s%d", "channel": "c%d", "name": "%s step %d of the journey",)",
                      i ? "," : "", weak ? "weak" : "solid", i, stage, channel, weak ? "Thin" : "Solid", i);
        s += buf;
        if (digital) {
            std::snprintf(buf, sizeof buf, R"("ux": {"sus": %d, "n": %d},)", 35 + (i * 13) % 60, weak ? 3 : 40);
            s += buf;
        }
        std::snprintf(buf, sizeof buf, R"("cx": {"csat": %d, "n": %d}})", 30 + (i * 17) % 65, n);
        s += buf;
    }
    return s + "]}";
}

}  // namespace uxcx::test
