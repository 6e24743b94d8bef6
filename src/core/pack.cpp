// pack.cpp: pack_load_result / unpack_load_result: a writer that appends fields in model order and
// a bounds-checked reader that reads them back in the same order.
#include "core/pack.h"

#include <cstdint>
#include <cstring>

namespace uxcx {

namespace {

constexpr uint32_t kMagic = 0x33787875;  // "uxx3": a pack of another layout is refused, not misread

struct Writer {
    std::string out;
    void raw(const void* p, size_t n) { out.append((const char*)p, n); }
    void u8(uint8_t v) { raw(&v, 1); }
    void u32(uint32_t v) { raw(&v, 4); }
    void i32(int v) { int32_t x = v; raw(&x, 4); }
    void f64(double v) { raw(&v, 8); }
    void str(const std::string& s) { u32((uint32_t)s.size()); raw(s.data(), s.size()); }
    void opt(const std::optional<double>& v) { u8(v ? 1 : 0); if (v) f64(*v); }
    void strs(const std::vector<std::string>& v) { u32((uint32_t)v.size()); for (auto& s : v) str(s); }
    void extras(const Extras& e) { u32((uint32_t)e.size()); for (auto& [k, v] : e) { str(k); str(v); } }
};

// Every read checks what is left first; after the first failure `ok` stays false and reads return
// zeros, so the decoder can run on without branching at every field and report once at the end.
struct Reader {
    std::string_view in;
    size_t at = 0;
    bool ok = true;
    bool take(void* p, size_t n) {
        if (!ok || n > in.size() - at) { ok = false; std::memset(p, 0, n); return false; }
        std::memcpy(p, in.data() + at, n);
        at += n;
        return true;
    }
    uint8_t u8() { uint8_t v; take(&v, 1); return v; }
    uint32_t u32() { uint32_t v; take(&v, 4); return v; }
    int i32() { int32_t v; take(&v, 4); return v; }
    double f64() { double v; take(&v, 8); return v; }
    bool flag() { uint8_t v = u8(); if (v > 1) ok = false; return v == 1; }
    // A list of n elements of at least `min_bytes` each cannot be longer than what is left, so a
    // corrupted count fails here instead of reserving gigabytes. min_bytes is the smallest
    // encoding of one element, counted from the writer: a stage is 3 empty strings + no extras,
    // 3*4 + 4 = 16; a channel 2*4 + 1 + 4 = 13; a touchpoint 7*4 + 2*4 + 1 + 3*4 + 4 + 4 = 57;
    // a measurement 9 + 4 + 2*4 = 21; a diagnostic 1 + 2*4 + 2*4 = 17.
    uint32_t count(size_t min_bytes = 1) {
        uint32_t n = u32();
        if (ok && n > (in.size() - at) / min_bytes) ok = false;
        return ok ? n : 0;
    }
    std::string str() {
        uint32_t n = count(1);
        if (!ok) return {};
        std::string s(in.data() + at, n);
        at += n;
        return s;
    }
    std::optional<double> opt() { return flag() ? std::optional<double>(f64()) : std::nullopt; }
    std::vector<std::string> strs() {
        std::vector<std::string> v(count(4));
        for (auto& s : v) s = str();
        return v;
    }
    Extras extras() {
        Extras e(count(8));
        for (auto& [k, v] : e) { k = str(); v = str(); }
        return e;
    }
};

void put(Writer& w, const Measurement& m) {
    for (const auto& r : m.metrics) {
        w.u8(r ? 1 : 0);
        if (!r) continue;
        w.f64(r->value);
        w.opt(r->sd);
        w.opt(r->n);
        w.u32((uint32_t)r->counts.size());
        for (double c : r->counts) w.f64(c);
        w.opt(r->unweightedN);
    }
    w.opt(m.uxN); w.opt(m.cxN); w.opt(m.timeTarget); w.opt(m.emotion);
    w.extras(m.uxExtras); w.extras(m.cxExtras);
}

void get(Reader& r, Measurement& m) {
    for (auto& slot : m.metrics) {
        if (!r.flag()) continue;
        Reading x;
        x.value = r.f64();
        x.sd = r.opt();
        x.n = r.opt();
        x.counts.resize(r.count(8));
        for (double& c : x.counts) c = r.f64();
        x.unweightedN = r.opt();
        slot = std::move(x);
    }
    m.uxN = r.opt(); m.cxN = r.opt(); m.timeTarget = r.opt(); m.emotion = r.opt();
    m.uxExtras = r.extras(); m.cxExtras = r.extras();
}

// One touchpoint, as pack_load_result wrote it; `j` has its stages, channels and sets already.
void get(Reader& r, const Journey& j, Touchpoint& t) {
    t.id = r.str(); t.name = r.str(); t.description = r.str(); t.url = r.str(); t.owner = r.str();
    t.stage = r.i32(); t.channel = r.i32();
    // Views index stages and channels with these: an index out of range would read past them.
    if (t.stage < -1 || t.stage >= (int)j.stages.size() || t.channel < -1 || t.channel >= (int)j.channels.size())
        r.ok = false;
    t.unknownStage = r.str(); t.unknownChannel = r.str();
    t.volume = r.opt();
    t.painPoints = r.strs(); t.opportunities = r.strs(); t.quotes = r.strs();
    // Analysis reads one measurement per set for every touchpoint.
    if (r.count(21) != j.sets.size()) r.ok = false;
    if (!r.ok) return;
    t.sets.resize(j.sets.size());
    for (auto& m : t.sets) get(r, m);
    t.extras = r.extras();
}

// What comes before the touchpoints, up to their count.
void get_head(Reader& r, LoadResult& res) {
    Journey& j = res.journey;
    if (r.u32() != kMagic) r.ok = false;
    res.ok = r.flag();
    j.schema = r.str(); j.title = r.str(); j.description = r.str();
    if (r.flag()) {
        Persona p;
        p.name = r.str(); p.description = r.str(); p.extras = r.extras();
        j.persona = std::move(p);
    }
    j.stages.resize(r.count(16));
    for (auto& s : j.stages) { s.id = r.str(); s.name = r.str(); s.description = r.str(); s.extras = r.extras(); }
    j.channels.resize(r.count(13));
    for (auto& c : j.channels) { c.id = r.str(); c.name = r.str(); c.digital = r.flag(); c.extras = r.extras(); }
    j.sets.resize(r.count(16));
    for (auto& s : j.sets) { s.id = r.str(); s.name = r.str(); s.date = r.str(); s.extras = r.extras(); }
    j.touchpoints.resize(r.count(57));
}

// What comes after the touchpoints.
void get_tail(Reader& r, LoadResult& res) {
    Journey& j = res.journey;
    for (double& x : j.scoring.weights) x = r.f64();
    j.scoring.threshold = r.f64(); j.scoring.minUxN = r.f64(); j.scoring.minCxN = r.f64();
    j.scoring.extras = r.extras();
    if (r.flag()) j.version = r.i32();
    if (r.flag()) {
        DriversBlock d;
        d.outcome = r.str(); d.method = r.str(); d.n = r.opt(); d.r2 = r.f64();
        // An entry is at least an empty id, 3 doubles, a sign, 3 empty optionals and no extras.
        d.touchpoints.resize(r.count(4 + 24 + 4 + 3 + 4));
        for (auto& t : d.touchpoints) {
            t.touchpoint = r.str(); t.r = r.f64(); t.importance = r.f64(); t.share = r.f64(); t.sign = r.i32();
            t.low = r.opt(); t.high = r.opt(); t.n = r.opt(); t.extras = r.extras();
        }
        d.extras = r.extras();
        j.drivers = std::move(d);
    }
    j.extras = r.extras();
    res.diagnostics.resize(r.count(25));
    for (auto& d : res.diagnostics) {
        uint8_t sev = r.u8();
        if (sev > 1) r.ok = false;
        d.severity = sev == 0 ? Severity::Error : Severity::Warning;
        d.message = r.str(); d.pointer = r.str(); d.line = r.i32(); d.column = r.i32(); d.row = r.i32(); d.field = r.i32();
    }
}

}  // namespace

std::string pack_load_result(const LoadResult& res) {
    Writer w;
    const Journey& j = res.journey;
    w.u32(kMagic);
    w.u8(res.ok ? 1 : 0);
    w.str(j.schema); w.str(j.title); w.str(j.description);
    w.u8(j.persona ? 1 : 0);
    if (j.persona) { w.str(j.persona->name); w.str(j.persona->description); w.extras(j.persona->extras); }
    w.u32((uint32_t)j.stages.size());
    for (auto& s : j.stages) { w.str(s.id); w.str(s.name); w.str(s.description); w.extras(s.extras); }
    w.u32((uint32_t)j.channels.size());
    for (auto& c : j.channels) { w.str(c.id); w.str(c.name); w.u8(c.digital ? 1 : 0); w.extras(c.extras); }
    w.u32((uint32_t)j.sets.size());
    for (auto& s : j.sets) { w.str(s.id); w.str(s.name); w.str(s.date); w.extras(s.extras); }
    w.u32((uint32_t)j.touchpoints.size());
    for (auto& t : j.touchpoints) {
        w.str(t.id); w.str(t.name); w.str(t.description); w.str(t.url); w.str(t.owner);
        w.i32(t.stage); w.i32(t.channel);
        w.str(t.unknownStage); w.str(t.unknownChannel);
        w.opt(t.volume);
        w.strs(t.painPoints); w.strs(t.opportunities); w.strs(t.quotes);
        w.u32((uint32_t)t.sets.size());
        for (auto& m : t.sets) put(w, m);
        w.extras(t.extras);
    }
    for (double x : j.scoring.weights) w.f64(x);
    w.f64(j.scoring.threshold); w.f64(j.scoring.minUxN); w.f64(j.scoring.minCxN);
    w.extras(j.scoring.extras);
    w.u8(j.version ? 1 : 0);
    if (j.version) w.i32(*j.version);
    w.u8(j.drivers ? 1 : 0);
    if (j.drivers) {
        const DriversBlock& d = *j.drivers;
        w.str(d.outcome); w.str(d.method); w.opt(d.n); w.f64(d.r2);
        w.u32((uint32_t)d.touchpoints.size());
        for (auto& t : d.touchpoints) {
            w.str(t.touchpoint); w.f64(t.r); w.f64(t.importance); w.f64(t.share); w.i32(t.sign);
            w.opt(t.low); w.opt(t.high); w.opt(t.n); w.extras(t.extras);
        }
        w.extras(d.extras);
    }
    w.extras(j.extras);
    w.u32((uint32_t)res.diagnostics.size());
    for (auto& d : res.diagnostics) {
        w.u8(d.severity == Severity::Error ? 0 : 1);
        w.str(d.message); w.str(d.pointer); w.i32(d.line); w.i32(d.column); w.i32(d.row); w.i32(d.field);
    }
    return std::move(w.out);
}

void unpack_begin(Unpacking& u, std::string_view bytes) {
    u = Unpacking{};
    u.bytes = bytes;
}

bool unpack_step(Unpacking& u, size_t touchpoints) {
    if (u.done) return true;
    Reader r{u.bytes, u.at, u.ok};
    std::vector<Touchpoint>& all = u.result.journey.touchpoints;
    if (!u.headRead) {
        get_head(r, u.result);
        u.headRead = true;
    }
    const size_t end = all.size() - u.next > touchpoints ? u.next + touchpoints : all.size();
    for (; u.next < end && r.ok; u.next++) get(r, u.result.journey, all[u.next]);
    if (r.ok && u.next < all.size()) {
        u.at = r.at;
        return false;
    }
    get_tail(r, u.result);
    u.ok = r.ok && r.at == u.bytes.size();
    u.done = true;
    return true;
}

bool unpack_load_result(std::string_view bytes, LoadResult& res) {
    Unpacking u;
    unpack_begin(u, bytes);
    unpack_step(u, SIZE_MAX);
    res = std::move(u.result);
    return u.ok;
}

}  // namespace uxcx
