// ranking_export.h: the ranking as the Ranking table lists it, for "Export ranking CSV".
#pragma once

#include <string>
#include <vector>

#include "ui/app.h"

namespace uxcx {

// Touchpoint indices that pass the App's ranking filters, in priority (rank) order.
std::vector<int> ranking_rows(const App& app);
// Those rows as CSV (core: export_ranking_csv).
std::string ranking_csv(const App& app);

}  // namespace uxcx
