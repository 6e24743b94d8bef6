// new_journey.h: the journeys File > New starts from: a blank one that already has the shape a
// workshop fills in (three stages, a digital and an offline channel, no touchpoints), or one made
// from another journey (a sample) as a template: its stages, channels, measurement sets, scoring
// and persona, without its touchpoints and findings.
#pragma once

#include <string>

#include "core/journey.h"

namespace uxcx {

Journey blank_journey();
Journey journey_from_template(const Journey& from);

}  // namespace uxcx
