// new_journey.cpp: see new_journey.h.
#include "core/new_journey.h"

namespace uxcx {

Journey blank_journey() {
    Journey j;
    j.version = 1;
    j.title = "Untitled journey";
    // Names a workshop renames in place; ids stay stable under renames, so links keep working.
    j.stages = {{"stage-1", "Discover", "", {}}, {"stage-2", "Decide", "", {}}, {"stage-3", "Use", "", {}}};
    j.channels = {{"digital", "Web and app", true, {}}, {"in-person", "In person", false, {}}};
    j.sets = {{"current", "Current", "", {}}};
    return j;
}

Journey journey_from_template(const Journey& from) {
    Journey j;
    j.version = 1;
    j.schema = from.schema;
    j.title = "New journey from " + (from.title.empty() ? std::string("a template") : "\"" + from.title + "\"");
    j.persona = from.persona;
    j.stages = from.stages;
    j.channels = from.channels;
    j.sets = from.sets;
    if (j.sets.empty()) j.sets = {{"current", "Current", "", {}}};
    j.scoring = from.scoring;
    return j;
}

}  // namespace uxcx
