#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace devo {

// The candidate closest to `word` by edit distance, when it is close enough to
// be a likely typo ("--frmat" -> "--format"); nothing otherwise. The same
// measure the engine's own "did you mean" hints use, for front ends' words
// (a mistyped option, an assumed fact).
std::optional<std::string> closest_spelling(std::string_view word,
                                            const std::vector<std::string>& candidates);

}  // namespace devo
