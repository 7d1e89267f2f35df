#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace devo::support {

// The candidate closest to `word` by edit distance, when it is close enough to
// be a likely typo ("councel" -> "councils"); nothing otherwise.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" for the closest candidate, or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// "'a', 'b' or 'c'", for messages.
std::string quoted_list(const std::vector<std::string>& items, std::string_view last_joiner = "or");

}  // namespace devo::support
