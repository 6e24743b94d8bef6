// test_messages.cpp: every loader message with an input that triggers it, checked for its words,
// severity and JSON pointer, so a message cannot drift from what happened (issue 13: a truncated
// file was reported as "more text after the end of the document").
#include <doctest/doctest.h>

#include <string>

#include "core/convert.h"
#include "core/load.h"

using namespace uxcx;

namespace {

struct Case {
    const char* name;
    std::string input;
    Severity severity;
    const char* pointer;
    const char* words;  // a part of the message that says what happened
};

// A valid journey with one touchpoint whose body is `tp` (members after id/name/stage/channel),
// and `more` top-level members.
std::string J(const std::string& tp, const std::string& more = "") {
    return R"({"title": "T", "stages": [{"id": "s", "name": "S"}], "channels": [{"id": "w", "name": "W"},
        {"id": "shop", "name": "Shop", "digital": false}])" +
           more + R"(, "touchpoints": [{"id": "t", "name": "N", "stage": "s", "channel": "w")" +
           (tp.empty() ? "" : ", " + tp) + "}]}";
}

// `s` with its first `a` replaced by `b`.
std::string sub(std::string s, std::string_view a, std::string_view b) {
    size_t at = s.find(a);
    if (at != std::string::npos) s.replace(at, a.size(), b);
    return s;
}

}  // namespace

TEST_CASE("each loader message, with the input that triggers it") {
    const std::vector<Case> cases = {
        // ---- refused: the file is not a journey document ----
        {"empty", "  \n", Severity::Error, "", "The file is empty"},
        {"gzip", std::string("\x1F\x8B\x08\x00", 4), Severity::Error, "", "compressed (gzip)"},
        {"zip", std::string("PK\x03\x04", 4) + "xx", Severity::Error, "", "open that with File > Open..."},
        {"utf-16", std::string("\xFF\xFE{\0}\0", 6), Severity::Error, "", "saved as UTF-16"},
        {"nul", std::string("{}\0x", 4), Severity::Error, "", "zero byte (NUL)"},
        {"html", "<!doctype html><p>x", Severity::Error, "", "This is a web page (HTML)"},
        {"csv without uxcx columns", "step;score\nPay;4\n", Severity::Error, "",
         "File > Open... reads CSV whose header row starts with `id` or `name`"},
        {"latin-1", "{\"title\": \"Caf\xE9\"}", Severity::Error, "", "not UTF-8 text (byte 0xE9"},
        {"truncated", R"({"title": "x", "stages": [{"id": "a"})", Severity::Error, "",
         "the document ends early, before it is complete (expected ',' or ']' after an item of the list)"},
        {"text after the end", "{} {}", Severity::Error, "", "more text after the end of the document"},
        {"syntax", R"({"title": tru})", Severity::Error, "", "Not valid JSON: "},
        {"too deep", std::string(70, '[') + std::string(70, ']'), Severity::Error, "", "nested deeper than 64"},
        {"overflow", R"({"title": 1e999})", Severity::Error, "", "A number is too large to be read"},
        {"not an object", "[1]", Severity::Error, "", "its top level is a list [...]"},
        {"no stages", R"({"title": "T"})", Severity::Error, "", "it has no \"stages\" list"},
        {"stages not a list", R"({"title": "T", "stages": 3})", Severity::Error, "/stages",
         "\"stages\" should be a list"},
        {"duplicate stage", R"({"title": "T", "stages": [{"id": "a"}, {"id": "a"}]})", Severity::Error,
         "/stages/1/id", "stage id \"a\" is used twice"},
        // ---- accepted with a warning: the document's shape ----
        {"text expected", J(R"("owner": 3)"), Severity::Warning, "/touchpoints/0/owner", "\"owner\" should be text"},
        {"number expected", J(R"("volume": "many")"), Severity::Warning, "/touchpoints/0/volume",
         "\"volume\" should be a number"},
        {"list of texts expected", J(R"("quotes": "one")"), Severity::Warning, "/touchpoints/0/quotes",
         "\"quotes\" should be a list of texts"},
        {"not part of a reading", J(R"("ux": {"sus": {"mean": 70, "median": 71}})"), Severity::Warning,
         "/touchpoints/0/ux/sus/median", "\"median\" is not part of a \"sus\" reading"},
        {"reading without mean", J(R"("ux": {"sus": {"sd": 3}})"), Severity::Warning, "/touchpoints/0/ux/sus",
         "the \"sus\" reading has no \"mean\""},
        {"empty times", J(R"("ux": {"timeOnTask": {"times": []}})"), Severity::Warning,
         "/touchpoints/0/ux/timeOnTask/times", "\"times\" should be a non-empty list of seconds"},
        {"csat counts shape", J(R"("cx": {"csat": {"counts": [1, 2]}})"), Severity::Warning,
         "/touchpoints/0/cx/csat/counts", "\"counts\" should be a list of 5 counts"},
        {"object form of a plain metric", J(R"("ux": {"errorRate": {"mean": 0.1}})"), Severity::Warning,
         "/touchpoints/0/ux/errorRate", "\"errorRate\" should be a number, but it is an object"},
        {"logSd with times", J(R"("ux": {"timeOnTask": {"times": [3, 4], "logSd": 1}})"), Severity::Warning,
         "/touchpoints/0/ux/timeOnTask/logSd", "\"logSd\" is ignored: it is computed from \"times\""},
        {"n with times", J(R"("ux": {"timeOnTask": {"times": [3, 4], "n": 9}})"), Severity::Warning,
         "/touchpoints/0/ux/timeOnTask/n", "\"n\" is ignored: it is the number of \"times\""},
        {"reading of the wrong type", J(R"("ux": {"sus": "high"})"), Severity::Warning, "/touchpoints/0/ux/sus",
         "\"sus\" should be a number or {\"mean\", \"sd\", \"n\"}, but it is text (\"high\")"},
        {"block not an object", J(R"("ux": 70)"), Severity::Warning, "/touchpoints/0/ux",
         "\"ux\" should be an object {...} of metrics"},
        {"metric in the wrong block", J(R"("ux": {"nps": 10})"), Severity::Warning, "/touchpoints/0/ux/nps",
         "\"nps\" is a CX metric: it belongs in \"cx\""},
        {"unknown metric", J(R"("ux": {"suss": 70})"), Severity::Warning, "/touchpoints/0/ux/suss",
         "unknown metric \"suss\" (did you mean \"sus\"?)"},
        {"persona not an object", J("", R"(, "persona": "Ana")"), Severity::Warning, "/persona",
         "\"persona\" should be an object"},
        {"stage not an object", R"({"title": "T", "stages": [3], "touchpoints": []})", Severity::Warning,
         "/stages/0", "each stage should be an object"},
        {"stage without id", R"({"title": "T", "stages": [{"name": "S"}], "touchpoints": []})", Severity::Warning,
         "/stages/0", "this stage has no \"id\""},
        {"digital not a boolean", R"({"title": "T", "stages": [{"id": "s"}], "channels": [{"id": "c", "digital": "no"}], "touchpoints": []})",
         Severity::Warning, "/channels/0/digital", "\"digital\" should be true or false"},
        {"scoring not an object", J("", R"(, "scoring": 1)"), Severity::Warning, "/scoring",
         "\"scoring\" should be an object"},
        {"weights not an object", J("", R"(, "scoring": {"weights": 2})"), Severity::Warning, "/scoring/weights",
         "\"weights\" should be an object"},
        {"unknown weight", J("", R"(, "scoring": {"weights": {"nsp": 2}})"), Severity::Warning,
         "/scoring/weights/nsp", "unknown metric \"nsp\" (did you mean \"nps\"?) in the weights"},
        {"minSample not an object", J("", R"(, "scoring": {"minSample": 5})"), Severity::Warning,
         "/scoring/minSample", "\"minSample\" should be an object"},
        {"minSample key", J("", R"(, "scoring": {"minSample": {"uxx": 5}})"), Severity::Warning,
         "/scoring/minSample/uxx", "\"minSample\" knows only \"ux\" and \"cx\""},
        {"no stage on a touchpoint", R"({"title": "T", "stages": [{"id": "s"}], "touchpoints": [{"id": "t", "name": "N"}]})",
         Severity::Warning, "/touchpoints/0", "the touchpoint has no \"stage\""},
        {"stage reference not text", sub(J(R"("stage": 1)"), R"("stage": "s", )", ""), Severity::Warning,
         "/touchpoints/0/stage", "\"stage\" should be the id of a stage (text)"},
        {"unknown stage", sub(J(""), R"("stage": "s")", R"("stage": "ss")"), Severity::Warning,
         "/touchpoints/0/stage", "stage \"ss\" does not exist (did you mean \"s\"?)"},
        {"touchpoint not an object", R"({"title": "T", "stages": [{"id": "s"}], "channels": [], "touchpoints": [1]})",
         Severity::Warning, "/touchpoints/0", "each touchpoint should be an object"},
        {"touchpoint without id", R"({"title": "T", "stages": [{"id": "s"}], "channels": [], "touchpoints": [{"name": "N", "stage": "s"}]})",
         Severity::Warning, "/touchpoints/0", "the touchpoint has no \"id\"; it is given the id \"tp-1\""},
        {"measurements not an object", J(R"("measurements": 1)"), Severity::Warning, "/touchpoints/0/measurements",
         "\"measurements\" should be an object"},
        {"unknown set", J(R"("measurements": {"q9": {}})"), Severity::Warning, "/touchpoints/0/measurements/q9",
         "measurement set \"q9\" is not listed in \"sets\""},
        {"first set under measurements", J(R"("measurements": {"current": {}})"), Severity::Warning,
         "/touchpoints/0/measurements/current", "readings of the first set (\"current\") belong directly on the touchpoint"},
        {"offline UX", sub(J(R"("ux": {"sus": 70})"), R"("channel": "w")", R"("channel": "shop")"),
         Severity::Warning, "/touchpoints/0/ux", "is offline (\"digital\": false), so UX metrics do not apply there: sus"},
        {"sets not a list", J("", R"(, "sets": 1)"), Severity::Warning, "/sets", "\"sets\" should be a list"},
        {"duplicate key", R"({"title": "A", "title": "B", "stages": [{"id": "s"}], "touchpoints": []})", Severity::Warning,
         "/title", "\"title\" appears more than once in the same object; the last one is used"},
        {"newer version", J("", R"(, "version": 2)"), Severity::Warning, "/version", "newer than this app knows"},
        {"no channels", R"({"title": "T", "stages": [{"id": "s"}], "touchpoints": [{"id": "t", "name": "N", "stage": "s"}]})",
         Severity::Warning, "", "the journey has no \"channels\" list"},
        {"channels not a list", sub(J(""), R"("channels": [)", R"("channels": 1, "x": [)"), Severity::Warning,
         "/channels", "\"channels\" should be a list"},
        {"touchpoints not a list", R"({"title": "T", "stages": [{"id": "s"}], "touchpoints": 1})", Severity::Warning,
         "/touchpoints", "\"touchpoints\" should be a list"},
        // ---- accepted with a warning: the model's rules (core/validate.h) ----
        {"out of range", J(R"("ux": {"sus": 104})"), Severity::Warning, "/touchpoints/0/ux/sus",
         "\"sus\" is 104, outside the range from 0 to 100; the reading is left out (not clamped)"},
        {"time on task 0", J(R"("ux": {"timeOnTask": 0})"), Severity::Warning, "/touchpoints/0/ux/timeOnTask",
         "\"timeOnTask\" is 0, outside the range of seconds, above 0"},
        {"unsafe link", J(R"x("url": "javascript:alert(1)")x"), Severity::Warning, "/touchpoints/0/url",
         "is not a web or mail address"},
        {"no title", R"({"stages": [{"id": "s"}], "touchpoints": []})", Severity::Warning, "/title",
         "the journey has no \"title\"; it is shown as \"Untitled journey\""},
        {"no name", sub(J(""), R"("name": "N", )", ""), Severity::Warning, "/touchpoints/0/name",
         "the touchpoint \"t\" has no name; its id is shown instead"},
        {"blank name", sub(J(""), R"("name": "N")", R"("name": "\u200B")"), Severity::Warning,
         "/touchpoints/0/name", "only spaces or invisible characters, so it would display as nothing; its id is shown instead"},
        {"override in a name", sub(J(""), R"("name": "N")", R"("name": "N\u202E")"), Severity::Warning,
         "/touchpoints/0/name", "contained text-direction overrides or control characters"},
        {"impossible n", J(R"("cx": {"n": 1e10, "csat": 80})"), Severity::Warning, "/touchpoints/0/cx/n",
         "more people than live on Earth"},
        {"impossible counts", J(R"("cx": {"csat": {"counts": [0, 0, 0, 5e9, 5e9]}})"), Severity::Warning,
         "/touchpoints/0/cx/csat", "counts adding up to 10000000000, more people than live on Earth"},
        {"half a person", J(R"("cx": {"nps": {"promoters": 2.5, "passives": 1, "detractors": 1}})"), Severity::Warning,
         "/touchpoints/0/cx/nps/promoters", "a count is a whole number"},
        {"counts all 0", J(R"("cx": {"nps": {"promoters": 0, "passives": 0, "detractors": 0}})"), Severity::Warning,
         "/touchpoints/0/cx/nps", "the NPS counts are all 0"},
        {"successes above attempts", J(R"("ux": {"taskSuccess": {"successes": 5, "attempts": 4}})"), Severity::Warning,
         "/touchpoints/0/ux/taskSuccess", "successes <= attempts (here 5 of 4)"},
        {"nothing to show", R"({"title": "T", "stages": [{"id": "s"}], "touchpoints": []})", Severity::Warning,
         "/touchpoints", "nothing to show: the journey has no touchpoints"},
        {"no stages", R"({"title": "T", "stages": [], "channels": [], "touchpoints": [{"id": "t", "name": "N", "stage": "x"}]})",
         Severity::Warning, "/stages", "the journey has no stages"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        LoadResult r = load_journey(c.input);
        const Diagnostic* hit = nullptr;
        for (const Diagnostic& d : r.diagnostics)
            if (d.message.find(c.words) != std::string::npos) hit = &d;
        if (!hit)
            for (const Diagnostic& d : r.diagnostics) MESSAGE(d.pointer << ": " << d.message);
        REQUIRE(hit);
        CHECK(hit->severity == c.severity);
        CHECK(hit->pointer == c.pointer);
        CHECK(r.ok == (c.severity == Severity::Warning));
        if (c.severity == Severity::Error) CHECK(hit->line >= 1);
    }
}
