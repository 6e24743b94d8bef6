// csv.cpp: a journey as CSV (RFC 4180, UTF-8, header row), one row per touchpoint of the first
// measurement set, raw metric values beside the computed 0-100 scores; and the same columns back.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/analysis.h"
#include "core/convert.h"
#include "core/convert_text.h"
#include "core/metric_table.h"
#include "core/validate.h"

namespace uxcx {

namespace {

// The columns, in file order. Metric columns carry the metric's file key, so that a CSV header
// reads like the JSON format. Computed columns are written for spreadsheets and ignored on import.
enum Col {
    ColId, ColName, ColStage, ColChannel, ColChannelDigital, ColDescription, ColOwner, ColUrl,
    ColVolume, ColEmotion,
    ColSus, ColSeq, ColUmuxLite, ColTaskSuccess, ColTimeOnTask, ColTimeTarget, ColErrorRate, ColUxN,
    ColNps, ColNpsPromoters, ColNpsPassives, ColNpsDetractors, ColCsat, ColCes, ColCxN,
    ColUxScore, ColCxScore, ColGap, ColQuadrant, ColPriority,
    ColPainPoints, ColOpportunities, ColQuotes,
    ColCount
};
constexpr const char* kColNames[ColCount] = {
    "id", "name", "stage", "channel", "channel_digital", "description", "owner", "url",
    "volume", "emotion",
    "sus", "seq", "umuxLite", "taskSuccess", "timeOnTask", "timeTarget", "errorRate", "ux_n",
    "nps", "nps_promoters", "nps_passives", "nps_detractors", "csat", "ces", "cx_n",
    "ux_score", "cx_score", "gap", "quadrant", "priority",
    "pain_points", "opportunities", "quotes",
};
constexpr Col kMetricCol[kMetricCount] = {ColSus, ColSeq, ColUmuxLite, ColTaskSuccess, ColTimeOnTask,
                                          ColErrorRate, ColNps, ColCsat, ColCes};
// Ranges are not checked here: the validator (core/validate.h) does, as for every way in.

constexpr const char* kListSeparator = " | ";

// ---- writing -------------------------------------------------------------------------------

bool looks_like_number(std::string_view s) {
    double v;
    return parse_number(s, v);
}

// RFC 4180 quoting, plus protection against formula injection: a spreadsheet runs a cell that
// starts with = + - @ (or a tab / CR) as a formula, so such text gets a leading apostrophe, which
// spreadsheets hide. Numbers such as -20 are left alone: they are data, not formulas. Text that
// itself starts with an apostrophe gets one more, so that import can always strip exactly one.
void write_text(std::string& out, std::string_view s) {
    bool guard = false;
    if (!s.empty()) {
        char c = s[0];
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r')
            guard = !looks_like_number(s);
        else if (c == '\'')
            guard = true;
    }
    bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos;
    if (quote) out += '"';
    if (guard) out += '\'';
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    if (quote) out += '"';
}

void write_number(std::string& out, std::optional<double> v) {
    if (v && std::isfinite(*v)) out += format_number(*v);
}

void write_score(std::string& out, double v) {
    if (std::isfinite(v)) out += format_rounded(v);
}

std::string join(const std::vector<std::string>& items) {
    std::string s;
    for (size_t i = 0; i < items.size(); i++) {
        if (i) s += kListSeparator;
        s += items[i];
    }
    return s;
}

// The n written in ux_n / cx_n: the block's own n, else the first reading's resolved n (the CSV has
// one n per side, so differing per-metric sample sizes are not kept).
std::optional<double> side_n(const Measurement& m, bool ux) {
    if (ux && m.uxN) return m.uxN;
    if (!ux && m.cxN) return m.cxN;
    for (int k = 0; k < kMetricCount; k++)
        if (is_ux_metric((Metric)k) == ux && m.metrics[k] && m.metrics[k]->n) return m.metrics[k]->n;
    return std::nullopt;
}

}  // namespace

std::string export_csv(const Journey& j) {
    Analysis a = analyse(j, 0);
    std::string out;
    out.reserve(j.touchpoints.size() * 200 + 512);
    for (int c = 0; c < ColCount; c++) {
        if (c) out += ',';
        out += kColNames[c];
    }
    out += "\r\n";
    static const Measurement kEmpty;
    for (size_t i = 0; i < j.touchpoints.size(); i++) {
        const Touchpoint& tp = j.touchpoints[i];
        const Measurement& m = tp.sets.empty() ? kEmpty : tp.sets[0];
        const Stage* stage = tp.stage >= 0 && tp.stage < (int)j.stages.size() ? &j.stages[tp.stage] : nullptr;
        const Channel* channel = tp.channel >= 0 && tp.channel < (int)j.channels.size() ? &j.channels[tp.channel] : nullptr;
        const TouchpointScore* ts = i < a.touchpoints.size() ? &a.touchpoints[i] : nullptr;
        for (int c = 0; c < ColCount; c++) {
            if (c) out += ',';
            switch ((Col)c) {
            case ColId: write_text(out, tp.id); break;
            case ColName: write_text(out, tp.name); break;
            case ColStage: if (stage) write_text(out, stage->name.empty() ? stage->id : stage->name); break;
            case ColChannel: if (channel) write_text(out, channel->name.empty() ? channel->id : channel->name); break;
            case ColChannelDigital: if (channel) out += channel->digital ? "true" : "false"; break;
            case ColDescription: write_text(out, tp.description); break;
            case ColOwner: write_text(out, tp.owner); break;
            case ColUrl: write_text(out, tp.url); break;
            case ColVolume: write_number(out, tp.volume); break;
            case ColEmotion: write_number(out, m.emotion); break;
            case ColTimeTarget: write_number(out, m.timeTarget); break;
            case ColUxN: write_number(out, side_n(m, true)); break;
            case ColCxN: write_number(out, side_n(m, false)); break;
            case ColNpsPromoters:
            case ColNpsPassives:
            case ColNpsDetractors: {
                const auto& nps = m.get(Metric::Nps);
                size_t k = (size_t)(c - ColNpsPromoters);
                if (nps && nps->counts.size() == 3) write_number(out, nps->counts[k]);
                break;
            }
            case ColUxScore: if (ts) write_score(out, ts->ux.value); break;
            case ColCxScore: if (ts) write_score(out, ts->cx.value); break;
            case ColGap: if (ts) write_score(out, ts->gap); break;
            case ColQuadrant: if (ts) out += quadrant_id(ts->quadrant); break;
            case ColPriority: if (ts) write_score(out, ts->priority); break;
            case ColPainPoints: write_text(out, join(tp.painPoints)); break;
            case ColOpportunities: write_text(out, join(tp.opportunities)); break;
            case ColQuotes: write_text(out, join(tp.quotes)); break;
            default:
                for (int k = 0; k < kMetricCount; k++)
                    if (kMetricCol[k] == c && m.metrics[k]) write_number(out, m.metrics[k]->value);
                break;
            }
        }
        out += "\r\n";
    }
    return out;
}

std::string export_ranking_csv(const Journey& j, const Analysis& a, const std::vector<int>& rows) {
    std::vector<int> rank(j.touchpoints.size(), 0);
    for (size_t i = 0; i < a.priority.size(); i++)
        if (a.priority[i] >= 0 && a.priority[i] < (int)rank.size()) rank[a.priority[i]] = (int)i + 1;
    std::string out = "rank,id,name,stage,channel,ux_score,cx_score,gap,priority,ux_n,cx_n,insufficient,quadrant,importance,importance_low,importance_high\r\n";
    out.reserve(out.size() + rows.size() * 96);
    for (int t : rows) {
        if (t < 0 || t >= (int)j.touchpoints.size() || t >= (int)a.touchpoints.size()) continue;
        const Touchpoint& tp = j.touchpoints[t];
        const TouchpointScore& s = a.touchpoints[t];
        const bool hasStage = tp.stage >= 0 && tp.stage < (int)j.stages.size();
        const bool hasChannel = tp.channel >= 0 && tp.channel < (int)j.channels.size();
        out += std::to_string(rank[t]);
        out += ',';
        write_text(out, tp.id);
        out += ',';
        write_text(out, shown_name(tp));
        out += ',';
        write_text(out, hasStage ? shown_name(j.stages[tp.stage]) : "Unassigned");
        out += ',';
        write_text(out, hasChannel ? shown_name(j.channels[tp.channel]) : "Unassigned");
        out += ',';
        if (s.ux.present()) write_score(out, s.ux.value);
        out += ',';
        if (s.cx.present()) write_score(out, s.cx.value);
        out += ',';
        write_score(out, s.gap);
        out += ',';
        write_score(out, s.priority);
        out += ',';
        write_score(out, s.ux.n);
        out += ',';
        write_score(out, s.cx.n);
        out += ',';
        out += (s.ux.present() && s.ux.insufficient) || (s.cx.present() && s.cx.insufficient) ? "true" : "false";
        out += ',';
        out += quadrant_id(s.quadrant);
        const ImportanceShare imp = importance_share(j, s.driver);  // % of R², empty without drivers
        for (double v : {imp.share, imp.low, imp.high}) {
            out += ',';
            write_score(out, v);
        }
        out += "\r\n";
    }
    return out;
}

// ---- reading -------------------------------------------------------------------------------

namespace {

struct Field {
    std::string text;
    int line = 0, column = 0;
    int row = 0, field = 0;  // the cell as a spreadsheet shows it (Diagnostic::row, ::field)
};

// Splits RFC 4180 text into records. Accepts CRLF or LF, and a final record without a line break.
// Returns false (with a diagnostic) on a quote that never closes or text after a closing quote.
bool parse_records(std::string_view s, std::vector<std::vector<Field>>& records, LoadResult& r) {
    size_t i = 0;
    int line = 1, row = 1;  // a blank line is a row too, as spreadsheets count
    size_t lineStart = 0;
    auto column = [&](size_t at) { return char_column(s.substr(lineStart, at - lineStart), at - lineStart); };
    std::vector<Field> record;
    while (i < s.size()) {
        Field f;
        f.line = line;
        f.column = column(i);
        f.row = row;
        f.field = (int)record.size() + 1;
        if (s[i] == '"') {
            size_t open = i;
            int openLine = line, openCol = f.column;
            i++;
            for (;;) {
                if (i >= s.size()) {
                    r.diagnostics.push_back({Severity::Error, "quoted field is never closed (expected `\"`)", "", openLine, openCol});
                    (void)open;
                    return false;
                }
                char c = s[i];
                if (c == '"') {
                    if (i + 1 < s.size() && s[i + 1] == '"') { f.text += '"'; i += 2; continue; }
                    i++;
                    break;
                }
                if (c == '\n') { line++; lineStart = i + 1; }
                f.text += c;
                i++;
            }
            if (i < s.size() && s[i] != ',' && s[i] != '\n' && s[i] != '\r') {
                r.diagnostics.push_back({Severity::Error, "expected `,` or a line break after a quoted field", "", line, column(i)});
                return false;
            }
        } else {
            while (i < s.size() && s[i] != ',' && s[i] != '\n' && s[i] != '\r') f.text += s[i++];
        }
        record.push_back(std::move(f));
        if (i < s.size() && s[i] == ',') {
            i++;
            if (i == s.size()) record.push_back(Field{"", line, column(i), row, (int)record.size() + 1});
            continue;
        }
        if (i < s.size() && s[i] == '\r') i++;
        if (i < s.size() && s[i] == '\n') i++;
        line++;
        lineStart = i;
        bool blank = record.size() == 1 && record[0].text.empty();
        if (!blank) records.push_back(std::move(record));
        record.clear();
        row++;
    }
    if (!record.empty()) records.push_back(std::move(record));
    return true;
}

std::string unguard(std::string s) {
    if (!s.empty() && s[0] == '\'') s.erase(0, 1);
    return s;
}

std::vector<std::string> split_list(const std::string& s) {
    std::vector<std::string> items;
    if (s.empty()) return items;
    size_t pos = 0;
    for (;;) {
        size_t bar = s.find(kListSeparator, pos);
        items.push_back(s.substr(pos, bar == std::string::npos ? std::string::npos : bar - pos));
        if (bar == std::string::npos) break;
        pos = bar + 3;
    }
    return items;
}

}  // namespace

LoadResult import_csv(std::string_view text) {
    LoadResult r;
    if (text.size() > kMaxFileBytes) {
        r.diagnostics.push_back({Severity::Error, "file is larger than the 32 MiB limit", "", 0, 0});
        return r;
    }
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<std::vector<Field>> records;
    if (!parse_records(text, records, r)) return r;
    if (records.empty()) {
        r.diagnostics.push_back({Severity::Error, "empty CSV: expected a header row starting with `id`", "", 1, 1});
        return r;
    }

    auto error = [&](const Field& f, std::string message, std::string pointer, Severity sev = Severity::Error) {
        if (r.diagnostics.size() < kMaxDiagnostics)
            r.diagnostics.push_back({sev, std::move(message), std::move(pointer), f.line, f.column, f.row, f.field});
    };

    // Header: columns by name, in any order; unknown ones are reported and skipped.
    int where[ColCount];
    for (int& w : where) w = -1;
    const std::vector<Field>& header = records[0];
    for (int h = 0; h < (int)header.size(); h++) {
        std::string name(trim(header[h].text));
        int c = 0;
        while (c < ColCount && name != kColNames[c]) c++;
        if (c == ColCount) error(header[h], "unknown column `" + name + "` ignored", "", Severity::Warning);
        else if (where[c] >= 0) error(header[h], "column `" + name + "` appears twice", "");
        else where[c] = h;
    }
    if (where[ColId] < 0 && where[ColName] < 0) {
        error(header.empty() ? Field{} : header[0], "expected an `id` or a `name` column in the header row", "");
        return r;
    }

    Journey& j = r.journey;
    j.sets.push_back(MeasurementSet{"current", "Current", "", {}});
    std::unordered_map<std::string, int> stageByName, channelByName;
    std::unordered_set<std::string> stageIds, channelIds;
    // The record each touchpoint, stage and channel came from (stages and channels: where first
    // named), so the validator's pointers can be shown as rows and columns.
    std::vector<size_t> tpRecord, stageRecord, channelRecord;

    for (size_t row = 1; row < records.size(); row++) {
        const std::vector<Field>& rec = records[row];
        std::string pointer = "/touchpoints/" + std::to_string(j.touchpoints.size());
        Field missing{"", rec.empty() ? 0 : rec[0].line, 0, rec.empty() ? 0 : rec[0].row, 0};
        auto cell = [&](Col c) -> const Field& {
            int h = where[c];
            if (h >= 0 && h < (int)rec.size()) return rec[h];
            missing.field = h >= 0 ? h + 1 : 0;
            return missing;
        };
        auto text_of = [&](Col c) { return unguard(cell(c).text); };
        auto number_of = [&](Col c, std::string_view key) -> std::optional<double> {
            const Field& f = cell(c);
            std::string_view t = trim(f.text);
            if (t.empty()) return std::nullopt;
            double v;
            if (!parse_number(t, v)) {
                error(f, "expected a number in column `" + std::string(kColNames[c]) + "`, found `" + std::string(t) + "`", pointer + std::string(key));
                return std::nullopt;
            }
            return v;
        };
        if (rec.size() > header.size())
            error(rec[header.size()], "row has " + std::to_string(rec.size()) + " fields, the header " + std::to_string(header.size()), pointer, Severity::Warning);

        Touchpoint tp;
        tp.name = text_of(ColName);
        tp.id = std::string(trim(text_of(ColId)));
        if (tp.id.empty()) tp.id = slugify(tp.name, "touchpoint-" + std::to_string(j.touchpoints.size() + 1));
        tp.description = text_of(ColDescription);
        tp.owner = text_of(ColOwner);
        tp.url = text_of(ColUrl);

        // Stages and channels are rebuilt from their names, in first-seen order.
        std::string stageName = text_of(ColStage);
        if (!stageName.empty()) {
            auto [it, fresh] = stageByName.emplace(stageName, (int)j.stages.size());
            if (fresh) {
                Stage s;
                s.id = unique_id(slugify(stageName, "stage-" + std::to_string(j.stages.size() + 1)), stageIds);
                s.name = stageName;
                j.stages.push_back(std::move(s));
                stageRecord.push_back(row);
            }
            tp.stage = it->second;
        }
        std::string channelName = text_of(ColChannel);
        if (!channelName.empty()) {
            auto [it, fresh] = channelByName.emplace(channelName, (int)j.channels.size());
            if (fresh) {
                Channel ch;
                ch.id = unique_id(slugify(channelName, "channel-" + std::to_string(j.channels.size() + 1)), channelIds);
                ch.name = channelName;
                const Field& f = cell(ColChannelDigital);
                std::string d(trim(f.text));
                if (d == "false" || d == "0" || d == "no" || d == "offline") ch.digital = false;
                else if (!(d.empty() || d == "true" || d == "1" || d == "yes" || d == "digital"))
                    error(f, "expected true or false in `channel_digital`, found `" + d + "`", pointer);
                j.channels.push_back(std::move(ch));
                channelRecord.push_back(row);
            }
            tp.channel = it->second;
        }

        tp.volume = number_of(ColVolume, "/volume");
        Measurement m;
        m.emotion = number_of(ColEmotion, "/emotion");
        m.timeTarget = number_of(ColTimeTarget, "/ux/timeTarget");
        m.uxN = number_of(ColUxN, "/ux/n");
        m.cxN = number_of(ColCxN, "/cx/n");
        for (int k = 0; k < kMetricCount; k++) {
            std::string key = std::string(is_ux_metric((Metric)k) ? "/ux/" : "/cx/") + metric_key((Metric)k);
            std::optional<double> v = number_of(kMetricCol[k], key);
            if (!v) continue;
            Reading rd;
            rd.value = *v;
            rd.n = is_ux_metric((Metric)k) ? m.uxN : m.cxN;
            m.metrics[k] = rd;
        }
        // NPS answer counts: when all three are given they define the score and its n.
        std::optional<double> p = number_of(ColNpsPromoters, "/cx/nps/promoters");
        std::optional<double> pa = number_of(ColNpsPassives, "/cx/nps/passives");
        std::optional<double> d = number_of(ColNpsDetractors, "/cx/nps/detractors");
        if (p && pa && d) {
            // The validator refuses counts that are not whole, all 0 or impossibly many.
            double total = *p + *pa + *d;
            Reading rd;
            rd.counts = {*p, *pa, *d};
            rd.n = total;
            rd.value = total > 0 ? (*p - *d) / total * 100 : kNaN;  // share of promoters minus share of detractors
            m.get(Metric::Nps) = rd;
        } else if (p || pa || d) {
            error(cell(ColNpsPromoters), "NPS counts need all three of nps_promoters, nps_passives and nps_detractors", pointer + "/cx/nps");
        }
        tp.painPoints = split_list(text_of(ColPainPoints));
        tp.opportunities = split_list(text_of(ColOpportunities));
        tp.quotes = split_list(text_of(ColQuotes));
        tp.sets.push_back(std::move(m));
        j.touchpoints.push_back(std::move(tp));
        tpRecord.push_back(row);
    }

    // The checks every way in shares (a refused file is not checked further, as with JSON). Their
    // pointers name model parts; each is shown at its cell.
    bool refused = false;
    for (const Diagnostic& dg : r.diagnostics) refused = refused || dg.severity == Severity::Error;
    Validation v;
    v.cap = kMaxDiagnostics > r.diagnostics.size() ? kMaxDiagnostics - r.diagnostics.size() : 0;
    if (!refused) validate_journey(j, v);
    for (Diagnostic& d : v.diagnostics) {
        // CSV has no title column: an untitled map is what every CSV gives, not a problem in it.
        if (d.pointer == "/title" && j.title.empty()) continue;
        Field at{"", 0, 0, 0, 0};
        auto index_after = [&](std::string_view prefix, size_t& k, std::string_view& rest) {
            std::string_view p = d.pointer;
            if (p.substr(0, prefix.size()) != prefix) return false;
            p.remove_prefix(prefix.size());
            size_t slash = p.find('/');
            std::string_view digits = p.substr(0, slash);
            if (digits.empty()) return false;
            k = 0;
            for (char c : digits) k = k * 10 + (size_t)(c - '0');
            rest = slash == std::string_view::npos ? std::string_view() : p.substr(slash);
            return true;
        };
        auto field_of = [&](size_t record, Col c) {
            const std::vector<Field>& rec = records[record];
            int h = where[c];
            if (h >= 0 && h < (int)rec.size()) return rec[h];
            return Field{"", rec.empty() ? 0 : rec[0].line, 0, rec.empty() ? 0 : rec[0].row, h >= 0 ? h + 1 : 0};
        };
        size_t k;
        std::string_view rest;
        if (index_after("/touchpoints/", k, rest) && k < tpRecord.size()) {
            Col c = ColId;
            if (rest == "/name") c = ColName;
            else if (rest == "/url") c = ColUrl;
            else if (rest == "/volume") c = ColVolume;
            else if (rest == "/emotion") c = ColEmotion;
            else if (rest == "/stage") c = ColStage;
            else if (rest == "/channel") c = ColChannel;
            else if (rest == "/ux/timeTarget") c = ColTimeTarget;
            else if (rest == "/ux/n") c = ColUxN;
            else if (rest == "/cx/n") c = ColCxN;
            else if (rest == "/ux") c = ColChannelDigital;
            else
                for (int m = 0; m < kMetricCount; m++) {
                    std::string key = std::string(is_ux_metric((Metric)m) ? "/ux/" : "/cx/") + metric_key((Metric)m);
                    if (rest.substr(0, key.size()) == key && (rest.size() == key.size() || rest[key.size()] == '/'))
                        c = kMetricCol[m];
                }
            // NPS from counts: the counts are what the row wrote.
            if (c == ColNps && where[ColNpsPromoters] >= 0 && trim(field_of(tpRecord[k], ColNps).text).empty())
                c = ColNpsPromoters;
            at = field_of(tpRecord[k], c);
        } else if (index_after("/stages/", k, rest) && k < stageRecord.size()) {
            at = field_of(stageRecord[k], ColStage);
        } else if (index_after("/channels/", k, rest) && k < channelRecord.size()) {
            at = field_of(channelRecord[k], ColChannel);
        }
        r.diagnostics.push_back({d.severity, std::move(d.message), std::move(d.pointer), at.line, at.column, at.row,
                                 at.field});
    }

    std::stable_sort(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::make_pair(a.line == 0, a.line) < std::make_pair(b.line == 0, b.line);
    });
    r.ok = true;
    for (const Diagnostic& dg : r.diagnostics)
        if (dg.severity == Severity::Error) r.ok = false;
    if (!r.ok) r.journey = Journey{};
    return r;
}

}  // namespace uxcx
