#pragma once

#include <devo/decision.hpp>
#include <devo/diff.hpp>
#include <devo/report.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// The words every rendering of a diff (render_diff.cpp, and the HTML page of
// render_html.cpp) says its sides, counts and reasons in, so that they agree.
namespace devo::report {

// A tier reached, or "none" for none.
std::string tier_name(const std::string& id);

// "luwp-2022 as of 2026-06-01".
std::string side_words(const Receipt& receipt);

// "+3", "-12", or "=" for no change.
std::string change_words(std::size_t from, std::size_t to);

// One side's count, or "-" when that side's rule set has no such tier or power.
std::string count_cell(const DiffCount& count, bool from_side);

// The reasons that do not hold: why a side stops or a power is not available.
std::vector<const Reason*> telling(const std::vector<Reason>& reasons);

}  // namespace devo::report
